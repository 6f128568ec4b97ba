// The bundled action with a budget, run as GitHub runs it: the spend plan is in the job summary before any
// call, a run over max-calls stops with no model request, and over-budget: sample runs a sample and says so.
import { runAction } from './run-action.js';
import { modelEnv, promptChange, pullRequestEvent } from './scenario.js';
import { useLoopbackWorld } from './world.js';

const world = useLoopbackWorld();
let nextPr = 100;

async function reviewWithInputs(inputs: Record<string, string>) {
  const s = await promptChange({ baseSkill: 10, headSkill: 10 });
  world.repos.push(s.repo);
  const pr = nextPr++;
  world.github.state.setPull(pr, { head: { sha: s.head, ref: 'feature' }, base: { sha: s.base, ref: 'main' } });
  const before = world.model.requestCount;
  const run = await runAction({
    workspace: s.repo.dir,
    eventName: 'pull_request',
    payload: pullRequestEvent(s, pr),
    inputs,
    env: modelEnv(world.model),
    apiUrl: world.github.url,
    sha: s.head,
  });
  return { run, requests: world.model.requestCount - before, comments: () => world.github.state.commentsOn(pr) };
}

test('within budget: the spend plan is in the job summary and every case runs', async () => {
  const { run, requests } = await reviewWithInputs({ 'max-calls': '1000' });
  expect(run.code).toBe(0);
  expect(run.summary).toContain('### Spend plan');
  expect(run.summary).toMatch(/\| planned calls \| from cache \| to make \|/);
  expect(requests).toBeGreaterThan(0);
  expect(Number(run.outputs.calls)).toBe(requests);
});

test('over max-calls: the check fails before any call, with the plan in the summary', async () => {
  const { run, requests, comments } = await reviewWithInputs({ 'max-calls': '3' });
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/more than max-calls \(3\), so no call was made/);
  expect(run.summary).toContain('### Spend plan');
  expect(requests).toBe(0);
  expect(comments()).toHaveLength(0);
});

test('over-budget: sample runs a deterministic sample within max-calls and says so in the comment', async () => {
  const { run, requests, comments } = await reviewWithInputs({ 'max-calls': '8', 'over-budget': 'sample' });
  expect(run.code).toBe(0);
  expect(requests).toBeGreaterThan(0);
  expect(requests).toBeLessThanOrEqual(8);
  expect(comments()[0].body).toMatch(/deterministic sample of [\d.]+% of the cases/);
});
