import { createGitHubClient, type GitHubClient } from '../../src/github/client.js';
import type { Logger } from '../../src/types.js';
import type { FakeGitHub } from '../support/fake-github.js';

/** A client aimed at the fake, whose retries record their waits instead of sleeping. */
export function clientFor(
  fake: FakeGitHub,
  token = 'ghs_installation_token',
  maxRetries = 3,
): { client: GitHubClient; waits: number[]; warnings: string[] } {
  const waits: number[] = [];
  const warnings: string[] = [];
  const logger: Logger = { debug() {}, info() {}, warn: (m) => warnings.push(m) };
  const client = createGitHubClient({
    token,
    baseUrl: fake.url,
    maxRetries,
    logger,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { client, waits, warnings };
}
