// promptfoo's test generators (Python and JavaScript, with and without an entry's config), loaded from a
// real config and run with the echo provider.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSuite } from '../../src/config/load.js';
import { evaluateSuite } from '../../src/evaluate.js';

const DIR = path.resolve('__tests__/fixtures/config/test-generators');

test('each generator is called as promptfoo calls it, and its tests run like written ones', async () => {
  const suite = await loadSuite(path.join(DIR, 'promptfooconfig.yaml'));
  expect(suite.tests.map((t) => [t.description, t.vars.word])).toEqual([
    [undefined, 'hello'],
    ['again 0', 'again'],
    ['again 1', 'again'],
    [undefined, 'one'],
    [undefined, 'two'],
  ]);
  expect(suite.referencedFiles).toEqual(expect.arrayContaining([path.join(DIR, 'gen.py'), path.join(DIR, 'gen.mjs')]));
  const { results } = await evaluateSuite(suite, { env: {} });
  expect(results.map((r) => r.pass)).toEqual([true, true, true, true, true]);
});

function configWith(tests: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'promptgate-gen-'));
  cpSync(DIR, dir, { recursive: true });
  writeFileSync(path.join(dir, 'promptgate.yaml'), `prompts: ['{{ word }}']\nproviders: [echo]\ntests:\n${tests}`);
  return path.join(dir, 'promptgate.yaml');
}

test.each([
  [
    '  - file://bad.mjs\n',
    /promptgate\.yaml:4:5: tests\[0\]: file:\/\/bad\.mjs: a test generator must return a list of tests/,
  ],
  ['  - file://gen.py:nope\n', /tests\[0\]: file:\/\/gen\.py:nope: the test generator failed: .*no attribute 'nope'/s],
  [
    '  - path: file://gen.mjs\n    config: [1]\n',
    /tests\[0\]\.config: expected a map: the argument of the test generator/,
  ],
  [
    '  - path: file://tests.csv\n    config: {a: 1}\n',
    /tests\[0\]\.config: a config is the argument of a test generator script/,
  ],
])('%j is a located error', async (tests, message) => {
  await expect(loadSuite(configWith(tests))).rejects.toThrow(message);
});

test('a generated test with a bad key is located at the generator and the test index', async () => {
  const config = configWith('  - file://odd.mjs\n');
  writeFileSync(path.join(path.dirname(config), 'odd.mjs'), 'export default () => [{ vars: {}, asert: [] }];');
  await expect(loadSuite(config)).rejects.toThrow(/odd\.mjs \(generated\): \[0\]\.asert: unknown key in a test/);
});

test("a test's vars as paths or globs merge those maps, relative to the tests file (promptfoo)", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'promptgate-varsfiles-'));
  mkdirSync(path.join(dir, 'tests'));
  mkdirSync(path.join(dir, 'vars'));
  writeFileSync(path.join(dir, 'vars', 'vars_a.yaml'), 'topic: bananas\ntone: dry\n');
  writeFileSync(path.join(dir, 'vars', 'vars_b.yaml'), 'tone: evil\n');
  writeFileSync(path.join(dir, 'tests', 'more.yaml'), '- vars: ../vars/vars_*.yaml\n');
  writeFileSync(
    path.join(dir, 'promptgate.yaml'),
    "prompts: ['{{ topic }} {{ tone }}']\nproviders: [echo]\ntests:\n  - file://tests/more.yaml\n  - vars: [vars/vars_b.yaml, vars/vars_a.yaml]\n",
  );
  const suite = await loadSuite(path.join(dir, 'promptgate.yaml'));
  expect(suite.tests.map((t) => t.vars)).toEqual([
    { topic: 'bananas', tone: 'evil' },
    { topic: 'bananas', tone: 'dry' },
  ]);
});

test.each([
  [
    'a path',
    '  - vars: file://vars/vars_a.yaml\n',
    /promptgate\.yaml:5:11: tests\[0\]\.vars: file:\/\/vars\/vars_a\.yaml: promptfoo 0\.123\.1 reads no vars/,
  ],
  [
    'a list entry',
    '  - vars: [vars/vars_b.yaml, file://vars/vars_a.yaml]\n',
    /promptgate\.yaml:5:30: tests\[0\]\.vars\[1\]: .*write the path without `file:\/\/`: vars\/vars_a\.yaml/,
  ],
])(
  'test vars written as %s with file:// are refused where written: promptfoo 0.123.1 would run the test without them',
  async (_what, test, message) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'promptgate-varsfiles-'));
    mkdirSync(path.join(dir, 'vars'));
    writeFileSync(path.join(dir, 'vars', 'vars_a.yaml'), 'topic: bananas\ntone: dry\n');
    writeFileSync(path.join(dir, 'vars', 'vars_b.yaml'), 'tone: evil\n');
    writeFileSync(
      path.join(dir, 'promptgate.yaml'),
      `prompts: ['{{ topic }} {{ tone }}']\nproviders: [echo]\n\ntests:\n${test}`,
    );
    await expect(loadSuite(path.join(dir, 'promptgate.yaml'))).rejects.toThrow(message);
  },
);
