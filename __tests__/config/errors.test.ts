// Every mistake in a config is reported where it was written (file:line:col), with its key path and
// what was expected. One fixture per mistake under __tests__/fixtures/config/bad/.
import path from 'node:path';
import { loadSuite } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';

const BAD = '__tests__/fixtures/config/bad';
const ABS = path.resolve(BAD);

async function loadError(fixture: string): Promise<ConfigError> {
  const error: unknown = await loadSuite(path.join(BAD, fixture)).then(
    () => new Error(`${fixture} loaded without an error`),
    (err: unknown) => err,
  );
  if (!(error instanceof ConfigError)) throw error;
  return error;
}

test.each([
  [
    'yaml-syntax.yaml',
    'yaml-syntax.yaml:2:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
  ],
  ['duplicate-key.yaml', 'duplicate-key.yaml:3:1: invalid YAML: Map keys must be unique'],
  [
    'unknown-assertion.yaml',
    'unknown-assertion.yaml:9:15: tests[1].assert[1].type: unknown assertion type "containz"; expected one of equals, contains, icontains, contains-any, contains-all, icontains-any, icontains-all, starts-with, regex, is-json, contains-json, javascript, levenshtein, latency, cost, word-count, llm-rubric (or a not- form)',
  ],
  [
    'assertion-type-missing.yaml',
    'assertion-type-missing.yaml:5:9: tests[0].assert[0].type: expected an assertion type such as contains, equals or javascript (a string)',
  ],
  [
    'bad-regex.yaml',
    'bad-regex.yaml:6:16: tests[0].assert[0].value: invalid regular expression: /([/: Unterminated character class',
  ],
  [
    'empty-tests.yaml',
    'empty-tests.yaml:3:8: tests: is empty: expected a list of tests, or file://tests.yaml|json|csv',
  ],
  [
    'empty-prompts.yaml',
    'empty-prompts.yaml:1:10: prompts: is empty: expected a list of prompts (strings, file://paths or {id, label, raw} objects)',
  ],
  [
    'no-providers.yaml',
    'no-providers.yaml:1:1: providers: is required: expected a list of providers: ids such as openai:chat:gpt-4o-mini, or objects {id, label, config}',
  ],
  [
    'provider-id-number.yaml',
    'provider-id-number.yaml:4:9: providers[1].id: expected a provider id such as openai:chat:gpt-4o-mini (a string)',
  ],
  [
    'duplicate-prompt-ids.yaml',
    'duplicate-prompt-ids.yaml:4:5: prompts[1]: duplicate prompt id "greet" (also prompts[0]); give one of them a distinct id',
  ],
  ['gate-range.yaml', 'gate-range.yaml:5:9: gate.ship: Too big: expected number to be <=1'],
  [
    'gate-order.yaml',
    'gate-order.yaml:6:8: gate.fix: gate.fix (0.9) must not exceed gate.ship (0.5): below fix means "fix first", above ship means "ship"',
  ],
  ['gate-typo.yaml', 'gate-typo.yaml:5:8: gate.shp: unknown key "shp"'],
  ['repeat-zero.yaml', 'repeat-zero.yaml:5:11: evaluateOptions.repeat: Too small: expected number to be >0'],
  ['critical-string.yaml', 'critical-string.yaml:5:15: tests[0].critical: expected true or false'],
  ['vars-list.yaml', 'vars-list.yaml:4:11: tests[0].vars: expected a map of variables or file://vars.yaml'],
  ['bad-test-file.yaml', 'tests/bad-assert.yaml:5:15: [0].assert[0].weight: Too small: expected number to be >=0'],
  [
    'ragged-csv.yaml',
    'tests/ragged.csv:3: this row has a different number of cells than the header (Invalid Record Length: columns length is 2, got 1); quote cells that contain commas',
  ],
  [
    'missing-prompt-file.yaml',
    `missing-prompt-file.yaml:3:5: prompts[1]: file://prompts/nope.txt: no such file (looked for ${ABS}/prompts/nope.txt)`,
  ],
  [
    'missing-tests-file.yaml',
    `missing-tests-file.yaml:5:5: tests[1]: file://tests/missing.yaml: no such file (looked for ${ABS}/tests/missing.yaml)`,
  ],
  [
    'missing-vars-file.yaml',
    `missing-vars-file.yaml:5:12: tests[0].vars.doc: file://vars/none.txt: no such file (looked for ${ABS}/vars/none.txt)`,
  ],
  [
    'outside-root.yaml',
    `outside-root.yaml:2:5: prompts[0]: file://../good/prompts/single.txt resolves to ${path.resolve('__tests__/fixtures/config/good/prompts/single.txt')}, outside the project root ${ABS}; keep referenced files inside it`,
  ],
  [
    'symlink-escape.yaml',
    `symlink-escape.yaml:2:5: prompts[0]: file://links/escape.txt is a symlink to ${path.resolve('__tests__/fixtures/config/good/prompts/single.txt')}, outside the project root ${ABS}; keep referenced files inside it`,
  ],
  ['non-utf8.yaml', 'non-utf8.yaml:2:5: prompts[0]: prompts/latin1.txt is not valid UTF-8; save it as UTF-8 text'],
  ['binary-glob.yaml', 'binary-glob.yaml:2:5: prompts[0]: binary/b.png is a binary file; expected UTF-8 text'],
])('%s → %s', async (fixture, message) => {
  const error = await loadError(fixture);
  expect(error.message).toBe(`${BAD}/${message}`);
});

test('the error carries its location and key path as data, for annotations', async () => {
  const error = await loadError('unknown-assertion.yaml');
  expect(error.location).toEqual({ file: `${BAD}/unknown-assertion.yaml`, line: 9, column: 15 });
  expect(error.key).toBe('tests[1].assert[1].type');
});

test('a file outside the config directory is allowed when the project root includes it', async () => {
  const suite = await loadSuite(path.join(BAD, 'outside-root.yaml'), {
    projectRoot: path.resolve('__tests__/fixtures/config'),
  });
  expect(suite.prompts[0]).toMatchObject({ id: 'file://../good/prompts/single.txt', raw: 'Single {{ name }}\n' });
});

test('a missing config file is a ConfigError naming it', async () => {
  await expect(loadSuite(path.join(BAD, 'no-such-config.yaml'))).rejects.toThrow(
    `${BAD}/no-such-config.yaml: cannot read the config: ENOENT`,
  );
});
