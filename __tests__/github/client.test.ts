import { GitHubApiError, GitHubPermissionError, paginate, retryDelay } from '../../src/github/client.js';
import { ROUTES, startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { clientFor } from './helpers.js';

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub();
  fake.state.setPull(7, { head: { sha: 'c'.repeat(40), ref: 'feature' } });
});
afterEach(() => fake.close());

const getPull = () =>
  ['GET /repos/{owner}/{repo}/pulls/{pull_number}', { owner: 'octo', repo: 'demo', pull_number: 7 }] as const;

describe('createGitHubClient against the loopback fake', () => {
  test('uses the custom baseUrl and sends the token', async () => {
    const { client } = clientFor(fake, 'ghs_secret');
    const res = await client.request<{ head: { sha: string } }>(...getPull());
    expect(res.data.head.sha).toBe('c'.repeat(40));
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].headers.authorization).toBe('token ghs_secret');
  });

  test.each([
    ['secondary rate limit (retry-after: 1)', 'secondary-rate-limit', [1000]],
    ['primary rate limit (x-ratelimit-remaining: 0)', 'rate-limit', [expect.any(Number)]],
    ['a 502', 'server-error', [1000]],
  ] as const)('retries %s, then succeeds', async (_label, fault, expectedWaits) => {
    fake.fail(ROUTES.getPull, fault);
    const { client, waits, warnings } = clientFor(fake);
    const res = await client.request(...getPull());
    expect(res.status).toBe(200);
    expect(waits).toEqual(expectedWaits);
    expect(warnings[0]).toMatch(/answered (403|502).*retrying/);
    expect(fake.requests.filter((r) => r.route === ROUTES.getPull)).toHaveLength(2);
  });

  test('gives up after maxRetries, with GitHub’s own message', async () => {
    fake.fail(ROUTES.getPull, 'server-error', 'server-error', 'server-error');
    const { client, waits } = clientFor(fake, 'ghs_x', 2);
    const err = await client.request(...getPull()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubApiError);
    expect((err as GitHubApiError).status).toBe(502);
    expect((err as Error).message).toMatch(
      /GET \/repos\/\{owner\}\/\{repo\}\/pulls\/\{pull_number\} answered 502: Server Error/,
    );
    expect(waits).toEqual([1000, 2000]);
  });

  test.each([
    ['a 404', 'not-found', 404],
    ['a plain 403', { status: 403, body: { message: 'Forbidden' } }, 403],
    ['a 422', 'body-too-long', 422],
  ] as const)('does not retry %s', async (_label, fault, status) => {
    fake.fail(ROUTES.getPull, fault);
    const { client, waits } = clientFor(fake);
    await expect(client.request(...getPull())).rejects.toMatchObject({ status });
    expect(waits).toEqual([]);
  });

  test('"Resource not accessible by integration" becomes a permission error naming the permission', async () => {
    fake.fail(ROUTES.getPull, 'permission');
    const { client } = clientFor(fake);
    const err = await client
      .request(...getPull(), {
        permission: 'pull-requests: read',
        consequence: 'The results are still in the job summary.',
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubPermissionError);
    expect((err as Error).message).toMatch(
      /Resource not accessible by integration.*add `permissions: \{ pull-requests: read \}` to the workflow job.*job summary\.$/s,
    );
  });
});

describe('retryDelay', () => {
  const f = (status: number, headers: Record<string, string> = {}, message = '') => ({ status, headers, message });
  test.each([
    ['403 + retry-after: 3', f(403, { 'retry-after': '3' }), 0, 3000],
    ['429 + retry-after: 0', f(429, { 'retry-after': '0' }), 0, 0],
    ['429 without headers, 2nd attempt', f(429), 1, 2000],
    ['403 secondary limit without headers', f(403, {}, 'You have exceeded a secondary rate limit'), 0, 60_000],
    ['500, first attempt', f(500), 0, 1000],
    ['503, third attempt', f(503), 2, 4000],
    ['403 forbidden', f(403, {}, 'Forbidden'), 0, undefined],
    ['404', f(404), 0, undefined],
    ['422', f(422), 0, undefined],
  ])('%s → %s ms', (_label, failure, attempt, expected) => {
    expect(retryDelay(failure, attempt)).toBe(expected);
  });
});

describe('paginate', () => {
  test('follows Link rel="next" over 250 items, 100 per page', async () => {
    for (let i = 0; i < 250; i++) fake.state.seedComment(7, `comment ${i}`);
    const { client } = clientFor(fake);
    const all = await paginate<{ body: string }>(client, 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: 'octo',
      repo: 'demo',
      issue_number: 7,
    });
    expect(all.map((c) => c.body)).toEqual(Array.from({ length: 250 }, (_, i) => `comment ${i}`));
    expect(fake.requests.map((r) => r.query)).toEqual([
      { per_page: '100', page: '1' },
      { per_page: '100', page: '2' },
      { per_page: '100', page: '3' },
    ]);
  });
});
