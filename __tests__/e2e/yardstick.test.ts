// Main's yardstick: for every case the base's suite has, the verdict compares base and head prompts under the
// base's tests, assertions and gate. The pull request's edits to the suite are shown (and, on trusted events,
// evaluated on the head beside the verdict), never silently applied.
import { useLoopbackWorld } from './world.js';
import { runAction } from './run-action.js';
import { modelEnv, promptText, pullRequestEvent, suiteYaml } from './scenario.js';
import { createRepo } from '../support/git-repo.js';

const world = useLoopbackWorld();
let nextPr = 700;

async function pull(files: { base: Record<string, string>; head: Record<string, string> }) {
  const repo = await createRepo();
  world.repos.push(repo);
  for (const [f, t] of Object.entries(files.base)) await repo.write(f, t);
  const base = await repo.commit('base');
  for (const [f, t] of Object.entries(files.head)) await repo.write(f, t);
  const head = await repo.commit('head');
  const pr = nextPr++;
  world.github.state.setPull(pr, { head: { sha: head, ref: 'feature' }, base: { sha: base, ref: 'main' } });
  const run = await runAction({
    workspace: repo.dir,
    eventName: 'pull_request',
    payload: pullRequestEvent({ base, head }, pr),
    inputs: {},
    env: modelEnv(world.model),
    apiUrl: world.github.url,
    sha: head,
  });
  return { run, comment: world.github.state.commentsOn(pr)[0]?.body ?? '' };
}

const loosened = suiteYaml().replace('      value: OK\n', '      value: "."\n');

test("a PR that weakens the prompt and loosens the assertion that caught it is a regression under main's tests", async () => {
  const { run, comment } = await pull({
    base: { 'promptgate.yaml': suiteYaml(), 'prompts/answer.txt': promptText(10) },
    head: { 'promptgate.yaml': loosened, 'prompts/answer.txt': promptText(5, 'Answer') },
  });
  expect(run.outputs.verdict).toBe('regression');
  expect(run.code).toBe(1);
  expect(run.outputs['base-pass-rate']).toBe('1.0000');
  expect(run.outputs['head-pass-rate']).toBe('0.5000');
  expect(comment).toContain('#### Suite changes');
  expect(comment).toContain('loosened');
  // The PR's own suite passes everything: shown beside, not used for the verdict.
  expect(comment).toMatch(/Under the pull request's suite the head passes \*\*100\.0%\*\*/);
});

test("a PR that changes only the suite says so and shows main's real pass rate", async () => {
  const strict = suiteYaml().replace('      value: OK\n', '      value: "never in any answer"\n');
  const { run, comment } = await pull({
    base: { 'promptgate.yaml': suiteYaml(), 'prompts/answer.txt': promptText(10) },
    head: { 'promptgate.yaml': strict },
  });
  expect(run.outputs['base-pass-rate']).toBe('1.0000');
  expect(run.outputs['head-pass-rate']).toBe('1.0000');
  expect(run.outputs.verdict).toBe('ship');
  expect(comment).toContain('#### Suite changes');
  expect(comment).toMatch(/Tests: 20 changed/);
  expect(comment).toMatch(/Under the pull request's suite the head passes \*\*0\.0%\*\*/);
});

test('a test only the PR adds is judged by the gate with the head', async () => {
  const withFailingTest = suiteYaml().replace(
    'tests:\n',
    'tests:\n  - description: a new test\n    vars: { n: 1 }\n    assert:\n      - type: contains\n        value: "never in any answer"\n',
  );
  const { comment } = await pull({
    base: { 'promptgate.yaml': suiteYaml({ tests: 4 }), 'prompts/answer.txt': promptText(10) },
    head: {
      'promptgate.yaml': withFailingTest.replace(/tests:\n[\s\S]*$/, (t) => t),
      'prompts/answer.txt': promptText(10, 'Answer'),
    },
  });
  expect(comment).toMatch(/tests only it has, judged by the gate with the head/);
});
