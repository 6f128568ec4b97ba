import { SourceFile } from '../../src/config/source.js';
import { ConfigError } from '../../src/errors.js';

describe('SourceFile', () => {
  const json = '{\n  "tests": [\n    { "vars": { "n": 1 } },\n    { "vars": "oops" }\n  ]\n}\n';

  test('plain JSON is read as JSON, and still locates a value by line and column when asked', () => {
    const source = SourceFile.parse(json, 'suite.json');
    expect(source.toJS()).toEqual({ tests: [{ vars: { n: 1 } }, { vars: 'oops' }] });
    expect(source.locate(['tests', 1, 'vars'])).toEqual({ file: 'suite.json', line: 4, column: 15 });
  });

  test('the same text as YAML gives the same data and positions', () => {
    const source = SourceFile.parse(json, 'suite.yaml');
    expect(source.toJS()).toEqual({ tests: [{ vars: { n: 1 } }, { vars: 'oops' }] });
    expect(source.locate(['tests', 1, 'vars'])).toEqual({ file: 'suite.yaml', line: 4, column: 15 });
  });

  test('YAML flow style that is not JSON is read as YAML', () => {
    expect(SourceFile.parse('{ a: 1, b: [x, y] }', 'c.yaml').toJS()).toEqual({ a: 1, b: ['x', 'y'] });
  });

  test.each([
    ['{ "a": 1, }', 'c.json', /^c\.json:1:11: invalid JSON/],
    ['a: [1, 2', 'c.yaml', /^c\.yaml:1:\d+: invalid YAML/],
  ])('%j in %s is a located syntax error', (text, file, message) => {
    expect(() => SourceFile.parse(text, file)).toThrow(ConfigError);
    expect(() => SourceFile.parse(text, file)).toThrow(message);
  });
});
