import type { AssertionSpec } from '../../src/types.js';
import { extractJsonObjects } from '../../src/assertions/extract-json.js';
import { scoreOne } from './context.js';

const person = { type: 'object', required: ['name', 'age'], properties: { age: { type: 'integer' } } };

const cases: Array<[AssertionSpec, string, boolean]> = [
  [{ type: 'is-json' }, '{"a": 1}', true],
  [{ type: 'is-json' }, '[1, 2]', true],
  [{ type: 'is-json' }, 'Answer: {"a": 1}', false],
  [{ type: 'is-json' }, '', false],
  [{ type: 'not-is-json' }, 'prose', true],
  [{ type: 'is-json', value: person }, '{"name": "Ada", "age": 36}', true],
  [{ type: 'is-json', value: person }, '{"name": "Ada", "age": "36"}', false],
  [{ type: 'not-is-json', value: person }, '{"name": "Ada", "age": 36}', false],
  [{ type: 'not-is-json', value: person }, '{"name": "Ada"}', true],
  [{ type: 'is-json', value: 'type: object\nrequired: [name]' }, '{"name": "Ada"}', true],
  [{ type: 'is-json', value: '{"type": "array"}' }, '{"name": "Ada"}', false],
  [{ type: 'is-json', value: 'file://person.schema.yaml' }, '{"name": "Ada", "age": 36}', true],
  [{ type: 'is-json', value: 'file://person.schema.yaml' }, '{"name": "Ada", "age": -1}', false],
  [{ type: 'is-json', value: 'file://scripts.mjs:personSchema' }, '{"name": "Ada"}', true],
  [
    { type: 'is-json', value: { type: 'object', properties: { e: { type: 'string', format: 'email' } } } },
    '{"e": "a@b.co"}',
    true,
  ],
  [
    { type: 'is-json', value: { type: 'object', properties: { e: { type: 'string', format: 'email' } } } },
    '{"e": "nope"}',
    false,
  ],
  [{ type: 'contains-json' }, 'Sure! {"a": 1} hope that helps', true],
  [{ type: 'contains-json' }, 'only [1, 2] here', false],
  [{ type: 'not-contains-json' }, 'only [1, 2] here', true],
  [{ type: 'contains-json', value: person }, 'first {"x": 1} then {"name": "Bo", "age": 7}', true],
  [{ type: 'contains-json', value: person }, 'only {"x": 1}', false],
  [{ type: 'not-contains-json', value: person }, 'here {"name": "Bo", "age": 7}', false],
  [{ type: 'contains-json', value: person }, "Result: {'name': 'Ada', // the name\n'age': 36}", true],
  [{ type: 'contains-json' }, 'cut off {"a": {"b": 1}', true],
];

describe('JSON assertions', () => {
  test.each(cases)('%j on %j → pass %s', async (assertion, output, pass) => {
    const result = await scoreOne(assertion, output);
    expect(result.error).toBeUndefined();
    expect(result.pass).toBe(pass);
    expect(result.score).toBe(pass ? 1 : 0);
  });

  test('a schema failure reports ajv errors', async () => {
    const result = await scoreOne({ type: 'is-json', value: person }, '{"name": "Ada"}');
    expect(result.reason).toBe(
      "JSON does not conform to the provided schema. Errors: data must have required property 'age'",
    );
  });

  test('a non-string output is checked as its JSON text', async () => {
    const result = await scoreOne({ type: 'is-json', value: person }, { name: 'Ada', age: 3 });
    expect(result.pass).toBe(true);
  });

  test('a missing schema file is an error naming the file', async () => {
    const result = await scoreOne({ type: 'is-json', value: 'file://missing.json' }, '{}');
    expect(result.error).toMatch(/cannot read .*missing\.json/);
  });
});

describe('extractJsonObjects', () => {
  test.each([
    ['text {"a": 1} more {"b": {"c": 2}} end', [{ a: 1 }, { b: { c: 2 } }]],
    ['{"url": "http://x.y/z"}', [{ url: 'http://x.y/z' }]],
    ['{a: 1, // note\n b: 2}', [{ a: 1, b: 2 }]],
    ['{"a": 1, "a": 2}', [{ a: 2 }]],
    ['braces } { alone', [{ alone: null }]], // lenient YAML flow, as promptfoo
    ['', []],
  ])('%j → %j', (text, objects) => {
    expect(extractJsonObjects(text)).toEqual(objects);
  });
});
