// The loopback world every end-to-end test runs in: a fake GitHub REST API, a fake model that answers by the
// prompt's skill, and the temp repositories the test made (removed afterwards).
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server.js';
import type { TestRepo } from '../support/git-repo.js';
import { skillResponder } from './scenario.js';

export interface World {
  github: FakeGitHub;
  model: FakeModelServer;
  /** Repositories to remove after the tests. */
  repos: TestRepo[];
}

export function useLoopbackWorld(): World {
  const world = { repos: [] as TestRepo[] } as World;
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
