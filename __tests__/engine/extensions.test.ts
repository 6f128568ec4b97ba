// promptfoo's extension hooks, loaded from a real config and run through the real engine with the echo
// provider: which hooks run, with what, in which calling convention, and what they may change.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSuite } from '../../src/config/load.js';
import { evaluateSuite } from '../../src/evaluate.js';

const DIR = path.resolve('__tests__/fixtures/config/extensions');
const calls = () => (globalThis as { __promptgateHookCalls?: unknown[] }).__promptgateHookCalls ?? [];

test('hooks run around the run and each case; a beforeEach hook sets the vars the case runs with', async () => {
  (globalThis as { __promptgateHookCalls?: unknown[] }).__promptgateHookCalls = [];
  const suite = await loadSuite(path.join(DIR, 'promptfooconfig.yaml'));
  expect(suite.referencedFiles).toEqual(expect.arrayContaining([path.join(DIR, 'hooks.py')]));
  const { results } = await evaluateSuite(suite, { env: {} });
  expect(results.map((r) => [r.output, r.pass, r.vars])).toEqual([
    ['Hi ADA', true, { name: 'ADA' }],
    ['Hi GRACE', true, { name: 'GRACE' }],
  ]);
  // Cases run concurrently: the per-case calls come in any order between beforeAll and afterAll.
  const recorded = calls();
  expect(recorded[0]).toEqual(['beforeAll', 'hooks', 2]);
  expect(recorded[recorded.length - 1]).toEqual(['afterAll', 2]);
  expect(recorded.slice(1, -1)).toEqual(
    expect.arrayContaining([
      ['beforeEach', 'ada'],
      ['afterEach', 'ADA', 'Hi ADA', true],
      ['beforeEach', 'grace'],
      ['afterEach', 'GRACE', 'Hi GRACE', true],
    ]),
  );
  expect(recorded).toHaveLength(6);
});

function configWith(extensions: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'promptgate-ext-'));
  cpSync(DIR, dir, { recursive: true });
  const config = path.join(dir, 'promptgate.yaml');
  writeFileSync(
    config,
    `prompts: ['{{ name }}']\nproviders: [echo]\nextensions:\n${extensions}tests:\n  - vars: {name: a}\n`,
  );
  return config;
}

test("a hook may not change the suite's tests (both sides of a review run the same cases)", async () => {
  const suite = await loadSuite(configWith('  - file://adds-test.cjs:beforeAll\n'));
  await expect(evaluateSuite(suite, { env: {} })).rejects.toThrow(
    /extension hook "beforeAll" changed the suite's tests: promptgate fixes a suite's tests when it loads/,
  );
});

test("hooks see promptfoo's defaultTest with an assert list even when the config has none", async () => {
  // The Python hook reads context["suite"]["defaultTest"]["assert"]: a KeyError before; now it may read it,
  // and adding an assertion is refused by name like any change to the suite.
  const suite = await loadSuite(configWith('  - file://default-assert.py:before_all\n'));
  await expect(evaluateSuite(suite, { env: {} })).rejects.toThrow(
    /extension hook "beforeAll" changed the suite's defaultTest: promptgate fixes/,
  );
});

test('a module that is itself the hook serves the name promptfoo users write for it', async () => {
  const suite = await loadSuite(configWith('  - file://whole-module.cjs:extensionHook\n'));
  const { results } = await evaluateSuite(suite, { env: {} });
  expect(results.map((r) => r.output)).toEqual(['a!']);
});

test('a hook that throws stops the run, naming the hook', async () => {
  const suite = await loadSuite(configWith('  - file://adds-test.cjs:afterEach\n'));
  await expect(evaluateSuite(suite, { env: {} })).rejects.toThrow(
    /extension hook "afterEach" failed for file:\/\/adds-test\.cjs:afterEach: disk full/,
  );
});

test.each([
  ['  - file://hooks.cjs\n', /promptgate\.yaml:4:5: extensions\[0\]: file:\/\/hooks\.cjs: name the hook function/],
  ['  - file://missing.py:hook\n', /extensions\[0\]: file:\/\/missing\.py: no such file/],
  ['  - hooks.py:hook\n', /extensions\[0\]: expected a list of file:\/\/path\/to\/hooks\.js:function_name/],
])('%j is a located error', async (extensions, message) => {
  await expect(loadSuite(configWith(extensions))).rejects.toThrow(message);
});
