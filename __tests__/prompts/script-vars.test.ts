// promptfoo's vars computed by scripts (JavaScript and Python), loaded from a real config and run with the
// echo provider (its output is the rendered prompt).
import { mkdtempSync, cpSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSuite } from '../../src/config/load.js';
import { evaluateSuite } from '../../src/evaluate.js';

const DIR = path.resolve('__tests__/fixtures/config/script-vars');

test('each script computes its var per case; the value is rendered like any var', async () => {
  const suite = await loadSuite(path.join(DIR, 'promptfooconfig.yaml'));
  expect(JSON.stringify(suite.tests[0]!.vars.system_prompt)).toBe('"file://load_prompt.py"');
  expect(suite.referencedFiles).toEqual(expect.arrayContaining([path.join(DIR, 'sign.mjs')]));
  const { results } = await evaluateSuite(suite, { env: {} });
  expect(results[0]!.output).toBe('You sell. | sales:signature:true via echo | How much?');
  expect(results[0]!.vars.system_prompt).toBe('You sell.');
  expect(results[0]!.pass).toBe(true);
});

function configWith(value: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'promptgate-svar-'));
  cpSync(DIR, dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'promptgate.yaml'),
    `prompts: ['{{ v }}']\nproviders: [echo]\ntests:\n  - vars: { v: '${value}' }\n`,
  );
  return path.join(dir, 'promptgate.yaml');
}

test('a script that answers an error makes the case an error, not a fail', async () => {
  const { results } = await evaluateSuite(await loadSuite(configWith('file://fails.mjs')), { env: {} });
  expect(results[0]!.error).toBe('a var script failed: file://fails.mjs answered an error for var v: no such role');
});

test.each([
  [
    'file://sign.mjs:other',
    /tests\[0\]\.vars\.v: file:\/\/sign\.mjs:other: promptfoo calls a var script's module itself/,
  ],
  ['file://missing.py', /tests\[0\]\.vars\.v: file:\/\/missing\.py: no such file/],
])('%s is a located error', async (value, message) => {
  await expect(loadSuite(configWith(value))).rejects.toThrow(message);
});
