// The loopback world every end-to-end test runs in: a fake GitHub REST API, a fake model that answers by the
// prompt's skill, and the temp repositories the test made (removed afterwards).
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server.js';
import type { TestRepo } from '../support/git-repo.js';
import { runAction } from './run-action.js';
import { modelEnv, promptChange, pullRequestEvent, skillResponder, type Scenario } from './scenario.js';

export interface World {
  github: FakeGitHub;
  model: FakeModelServer;
  /** Repositories to remove after the tests. */
  repos: TestRepo[];
  /** The next pull request number to use. */
  nextPr: number;
}

export function useLoopbackWorld(): World {
  const world = { repos: [] as TestRepo[], nextPr: 1 } as World;
  beforeAll(async () => {
    world.github = await startFakeGitHub({ repository: 'octo/demo' });
    world.model = await startFakeModelServer({ responder: skillResponder, record: false });
  });
  afterAll(async () => {
    await world.github.close();
    await world.model.close();
    await Promise.all(world.repos.map((r) => r.cleanup()));
  });
  return world;
}

/** A base → head prompt change opened as a pull request and reviewed by the bundled action. */
export async function reviewPullRequest(
  world: World,
  change: Parameters<typeof promptChange>[0],
  inputs: Record<string, string> = {},
  prepare?: (s: Scenario, pr: number) => void,
) {
  const s = await promptChange(change);
  world.repos.push(s.repo);
  const pr = world.nextPr++;
  world.github.state.setPull(pr, { head: { sha: s.head, ref: 'feature' }, base: { sha: s.base, ref: 'main' } });
  prepare?.(s, pr);
  const run = await rerunPullRequest(world, { s, pr }, inputs);
  return { s, pr, run, comments: () => world.github.state.commentsOn(pr) };
}

/** The action run (again) on a pull request's current head, as a re-run job or a new push event would. */
export function rerunPullRequest(
  world: World,
  opened: { s: Scenario; pr: number },
  inputs: Record<string, string> = {},
) {
  return runAction({
    workspace: opened.s.repo.dir,
    eventName: 'pull_request',
    payload: pullRequestEvent(opened.s, opened.pr),
    inputs,
    env: modelEnv(world.model),
    apiUrl: world.github.url,
    sha: opened.s.head,
  });
}
