// The loader's spec on a config that uses every supported form: what each written entry becomes.
import path from 'node:path';
import { loadSuite } from '../../src/config/load.js';
import type { Suite } from '../../src/types.js';

const DIR = path.resolve('__tests__/fixtures/config/good');
const CONFIG = path.join(DIR, 'promptgate.yaml');
let suite: Suite;

beforeAll(async () => {
  suite = await loadSuite(CONFIG);
});

describe('prompts', () => {
  test.each([
    // [index, id, label, file, raw]
    [0, 'Say hello to {{ name }}', 'Say hello to {{ name }}', undefined, 'Say hello to {{ name }}'],
    [1, 'file://prompts/two.txt:1', 'prompts/two.txt:1', 'prompts/two.txt', 'First prompt for {{ name }}'],
    [2, 'file://prompts/two.txt:2', 'prompts/two.txt:2', 'prompts/two.txt', 'Second prompt for {{ name }}'],
    [4, 'file://prompts/many/a.md', 'prompts/many/a.md', 'prompts/many/a.md', 'A prompt {{ name }}\n'],
    [5, 'file://prompts/many/b.md', 'prompts/many/b.md', 'prompts/many/b.md', 'B prompt {{ name }}\n'],
    [6, 'greeter', 'Greeter', undefined, 'Greet {{ name }}'],
    [7, 'file://prompts/single.txt', 'Single file', 'prompts/single.txt', 'Single {{ name }}'],
  ])('prompt %i has id %j, label %j, file %j', (i, id, label, file, raw) => {
    const prompt = suite.prompts[i];
    expect(prompt).toEqual({ id, label, raw, ...(file ? { file } : {}) });
  });

  test('a JSON prompt file is kept as its JSON text (a chat template)', () => {
    const chat = suite.prompts[3];
    expect(chat.id).toBe('file://prompts/chat.json');
    expect(JSON.parse(chat.raw)).toEqual([
      { role: 'system', content: 'You are {{ tone }}.' },
      { role: 'user', content: 'Hi, I am {{ name }}' },
    ]);
  });

  test('there are exactly the expected prompts, glob matches sorted', () => {
    expect(suite.prompts).toHaveLength(8);
  });
});

test('providers: strings, objects and the map form become ProviderSpecs', () => {
  expect(suite.providers).toEqual([
    { id: 'echo', config: {} },
    { id: 'openai:chat:gpt-4o-mini', label: 'mini', config: { temperature: 0 } },
    { id: 'anthropic:messages:claude-x', config: { max_tokens: 100 } },
    { id: 'file://scripts/provider.mjs', config: {} },
  ]);
});

describe('tests', () => {
  test('an inline test gets defaultTest merged in: vars (test wins), assertions (defaults first), options', () => {
    const first = suite.tests[0];
    expect(first.description).toBe('inline test');
    expect(first.vars).toEqual({
      name: 'Grace',
      tone: 'warm',
      bio: 'Ada wrote the first program.',
      profile: { city: 'London', born: 1815 },
    });
    expect(first.assert.map((a) => a.type)).toEqual(['not-contains', 'contains', 'javascript', 'regex', 'llm-rubric']);
    expect(first.options).toEqual({ transform: 'output.trim()', provider: 'openai:chat:gpt-4o' });
    expect(first.threshold).toBe(0.5);
    expect(first.critical).toBe(true);
    expect(first.metadata).toEqual({ owner: 'docs' });
  });

  test('assertions keep value, weight, metric, transform, provider and where they were written', () => {
    const [fromDefault, contains, js, , rubric] = suite.tests[0].assert;
    const file = '__tests__/fixtures/config/good/promptgate.yaml';
    expect(fromDefault!.location).toEqual({ file, line: 26, column: 7 });
    expect(contains).toEqual({ type: 'contains', value: 'Grace', weight: 2, metric: 'names' });
    // Computed when read, and not enumerable: where a test was written is not part of what it checks.
    expect(contains!.location).toEqual({ file, line: 42, column: 9 });
    expect(Object.keys(contains!)).not.toContain('location');
    expect(js).toMatchObject({ value: 'file://scripts/check.mjs:score', transform: 'file://scripts/upper.mjs' });
    expect(rubric!.provider).toEqual({ id: 'echo', config: { x: 1 } });
  });

  test('a YAML tests file: positions point into that file', () => {
    const alan = suite.tests[1];
    expect(alan.description).toBe('from a yaml file');
    expect(alan.vars).toEqual({ name: 'Alan', tone: 'warm' });
    expect(alan.assert[1].location).toEqual({
      file: '__tests__/fixtures/config/good/tests/a.yaml',
      line: 4,
      column: 7,
    });
  });

  test('lists of strings in vars run the test once per combination; other lists stay whole', () => {
    // Merged vars keep defaultTest's keys first (`name`), so `name` varies slowest, as in promptfoo.
    const expanded = suite.tests.slice(2, 6).map((t) => [t.vars.name, t.vars.lang, t.vars.items]);
    expect(expanded).toEqual([
      ['x', 'fr', [1, 2]],
      ['x', 'de', [1, 2]],
      ['y', 'fr', [1, 2]],
      ['y', 'de', [1, 2]],
    ]);
  });

  test('CSV rows: columns are vars, __expected columns assertions, __description, __threshold, __metric, __config', () => {
    const [one, two] = suite.tests.slice(6);
    expect(one).toMatchObject({
      description: 'csv one',
      threshold: 0.5,
      vars: { name: 'Linus', topic: 'kernels', tone: 'warm' },
    });
    expect(one!.assert.slice(1).map(({ location: _location, ...a }) => a)).toEqual([
      { type: 'contains', value: 'Linus' },
      { type: 'not-icontains', value: 'windows', threshold: 0.25 },
    ]);
    expect(one!.metadata).toEqual({ threshold: 0.25 });
    expect(one!.assert[1].location).toEqual({
      file: '__tests__/fixtures/config/good/tests/cases.csv',
      line: 2,
      column: 1,
    });
    expect(two!.threshold).toBeUndefined();
    expect(two!.assert.slice(1).map(({ location: _location, ...a }) => a)).toEqual([
      { type: 'equals', value: 'Barbara said hi', metric: 'names' },
      { type: 'icontains-any', value: ['data', 'types'], metric: 'names', threshold: 1 },
    ]);
    expect(suite.tests).toHaveLength(8);
  });
});

test('evaluateOptions and gate: written values, defaults for the rest, overrides win', async () => {
  expect(suite.evaluateOptions).toEqual({
    maxConcurrency: 8,
    repeat: 3,
    timeoutMs: 1000,
    maxRetries: 4,
    maxRateLimitWaitMs: 300000,
  });
  expect(suite.gate).toEqual({ ship: 0.8, fix: 0.4, alpha: 0.05, maxErrorRate: 0.1 });
  const overridden = await loadSuite(CONFIG, { overrides: { repeat: 5, maxConcurrency: undefined } });
  expect(overridden.evaluateOptions).toMatchObject({ repeat: 5, maxConcurrency: 8 });
});

test('referencedFiles lists every file the suite reads, absolute and sorted', () => {
  const rel = suite.referencedFiles.map((f) => path.relative(DIR, f).split(path.sep).join('/'));
  expect(rel).toEqual(
    [
      'promptgate.yaml',
      'prompts/chat.json',
      'prompts/many/a.md',
      'prompts/many/b.md',
      'prompts/single.txt',
      'prompts/two.txt',
      'scripts/check.mjs',
      'scripts/provider.mjs',
      'scripts/upper.mjs',
      'tests/a.yaml',
      'tests/b.yaml',
      'tests/cases.csv',
      'vars/bio.txt',
      'vars/profile.json',
    ].sort(),
  );
});

test('the suite knows its paths and description', () => {
  expect(suite).toMatchObject({ configPath: CONFIG, rootDir: DIR, description: 'every supported form' });
  expect(suite.defaultTest?.vars).toEqual({ name: 'Ada', tone: 'warm' });
});

test("promptfoo's short forms: a single prompt string, targets, a tests file, merge keys", async () => {
  const short = await loadSuite(path.join(DIR, 'short-forms.yaml'));
  expect(short.prompts.map((p) => p.id)).toEqual(['file://prompts/single.txt']);
  expect(short.providers).toEqual([{ id: 'echo', config: {} }]);
  expect(short.tests.map((t) => t.vars)).toEqual([{ tone: 'dry', name: 'Alan' }]);
  expect(short.tests[0].metadata).toEqual({ tone: 'dry', name: 'Ada' });
  expect(short.evaluateOptions).toEqual({
    maxConcurrency: 4,
    repeat: 1,
    timeoutMs: 60000,
    maxRetries: 4,
    maxRateLimitWaitMs: 300000,
  });
  expect(short.gate).toEqual({ ship: 0.9, fix: 0.5, alpha: 0.05, maxErrorRate: 0.1 });
});
