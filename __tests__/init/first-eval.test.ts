// The promise of `promptgate init`: the first `promptgate eval` of the starter suite is green, run by the
// real loader and engine with the `echo` provider (no key, no network).
import path from 'node:path';
import { evaluateConfig } from '../../src/evaluate.js';
import { runInit } from '../../src/init/index.js';
import { copyOfFixture, emptyDir, removeTempDirs } from './temp-dir.js';

afterAll(removeTempDirs);

describe('the first eval of a starter suite passes every case', () => {
  test.each([
    // 25 cases: prompts/reply.md is one prompt, `---` and all (promptfoo splits only .txt files).
    ['a project with five kinds of prompt file', () => copyOfFixture('support-bot'), 25],
    ['a prompt that prints {{ itself', () => copyOfFixture('literal-braces'), 1],
    ['a project with no prompts yet', emptyDir, 1],
  ])('%s', async (_case, makeProject, cases) => {
    const dir = await makeProject();
    await runInit({ cwd: dir, force: false, log: () => {} });
    const { results } = await evaluateConfig(path.join(dir, 'promptgate.yaml'), {});
    const failing = results.results
      .filter((r) => !r.pass)
      .map((r) => ({ prompt: r.promptId, error: r.error, assertions: r.assertions }));
    expect(failing).toEqual([]);
    expect(results.stats).toMatchObject({ cases, passed: cases, passRate: 1 });
  });
});
