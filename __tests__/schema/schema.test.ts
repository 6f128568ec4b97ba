// The committed JSON Schema is what editors check configs against: it must be the one the zod schemas
// generate, accept every config the loader accepts (and promptfoo keys promptgate ignores), and reject the
// mistakes it can see without reading files.
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import * as prettier from 'prettier';
import { parse } from 'yaml';
import { configJsonSchema, schemaFileText, writeSchemaFile } from '../../src/schema/schema.js';

const COMMITTED = path.resolve('promptgate.schema.json');
const REGENERATE =
  'promptgate.schema.json is out of date with src/config/schema.ts. Regenerate it with\n' +
  '  UPDATE_SCHEMA=1 npm test -- __tests__/schema\n' +
  '(or `promptgate schema -o promptgate.schema.json`) and commit the result.';

const validate = new Ajv({ allErrors: true, strict: true }).compile(configJsonSchema());

function errorsOf(config: unknown): Array<Pick<ErrorObject, 'instancePath' | 'keyword'>> {
  if (validate(config)) return [];
  return (validate.errors ?? []).map(({ instancePath, keyword }) => ({ instancePath, keyword }));
}

function readConfig(file: string): unknown {
  return parse(readFileSync(file, 'utf8'), { merge: true });
}

test('the committed promptgate.schema.json is the one the zod schemas generate', async () => {
  if (process.env.UPDATE_SCHEMA) await writeSchemaFile(COMMITTED);
  const committed = await readFile(COMMITTED, 'utf8');
  try {
    expect(committed).toBe(schemaFileText());
  } catch (err) {
    (err as Error).message = `${REGENERATE}\n\n${(err as Error).message}`;
    throw err;
  }
});

test('writeSchemaFile writes pretty JSON with a trailing newline, as prettier would format it', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'promptgate-schema-'));
  try {
    const file = path.join(dir, 'schema.json');
    await writeSchemaFile(file);
    const text = await readFile(file, 'utf8');
    expect(text).toBe(schemaFileText());
    // `npm run format` must leave the generated file as it is, or CI's format check and this test disagree.
    const options = await prettier.resolveConfig(COMMITTED);
    expect(await prettier.format(text, { ...options, filepath: COMMITTED })).toBe(text);
    expect(text).toMatch(/^\{\n {2}"\$schema": "http:\/\/json-schema.org\/draft-07\/schema#",\n/);
    expect(text.endsWith('}\n')).toBe(true);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("promptfoo's keys are allowed at the top level; promptgate's gate is closed", () => {
  const schema = configJsonSchema() as { additionalProperties: unknown; properties: Record<string, unknown> };
  expect(schema.additionalProperties).toBe(true);
  expect(schema.properties.gate).toMatchObject({ anyOf: [{ additionalProperties: false }, { type: 'null' }] });
});

test.each([
  '__tests__/fixtures/config/good/promptgate.yaml',
  '__tests__/fixtures/config/good/short-forms.yaml',
  'examples/promptgate.yaml',
])('%s validates', (file) => {
  expect(errorsOf(readConfig(file))).toEqual([]);
});

test('a promptfoo config with keys promptgate ignores validates', () => {
  const config = {
    description: 'from promptfoo',
    prompts: ['Hi {{ name }}'],
    providers: [{ id: 'openai:chat:gpt-4o-mini', config: { temperature: 0 }, transform: 'output' }],
    tests: [{ vars: { name: 'Ada' }, assert: [{ type: 'icontains', value: 'ada' }], provider: 'x' }],
    outputPath: 'out.json',
    sharing: false,
    env: { FOO: 'bar' },
    evaluateOptions: { maxConcurrency: 2, cache: false },
  };
  expect(errorsOf(config)).toEqual([]);
});

test.each([
  // [bad-configs fixture, where the schema complains, which rule]
  ['tests-number', '/tests', 'anyOf'],
  ['test-threshold-string', '/tests/0/threshold', 'type'],
  ['test-threshold-range', '/tests/0/threshold', 'maximum'],
  ['gate-ship-range', '/gate/ship', 'maximum'],
  ['gate-typo', '/gate', 'additionalProperties'],
  ['repeat-zero', '/evaluateOptions/repeat', 'minimum'],
  ['unknown-assertion', '/tests/1/assert/1/type', 'enum'],
  ['assertion-type-missing', '/tests/0/assert/0', 'required'],
  ['critical-string', '/tests/0/critical', 'type'],
  ['vars-list', '/tests/0/vars', 'anyOf'],
  ['provider-number', '/providers/1', 'anyOf'],
  ['empty-prompts', '/prompts', 'minItems'],
  ['empty-tests', '/tests', 'minItems'],
])('bad-configs/%s fails at %s (%s)', (fixture, instancePath, keyword) => {
  const errors = errorsOf(readConfig(`__tests__/fixtures/bad-configs/${fixture}/promptgate.yaml`));
  expect(errors).toContainEqual({ instancePath, keyword });
});
