// The fake is a contract too: e2e runs of the bundled action rely on it answering like GitHub.
import { ACTIONS_BOT, startFakeGitHub, type FakeComment, type FakeGitHub } from '../support/fake-github.js';

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub({ repository: 'octo/demo', users: { ghp_bob: 'bob' } });
});
afterEach(() => fake.close());

const call = (path: string, init: RequestInit & { token?: string } = {}) =>
  fetch(`${fake.url}${path}`, {
    ...init,
    headers: {
      authorization: `token ${init.token ?? 'ghs_x'}`,
      'content-type': 'application/json',
      ...(init.headers ?? {}),
    },
  });

describe('fake GitHub', () => {
  test('listens on loopback only', () => {
    expect(new URL(fake.url).hostname).toBe('127.0.0.1');
  });

  test.each([
    ['no token', '/repos/octo/demo/pulls/1', { headers: { authorization: '' } }, 401],
    ['another repository', '/repos/someone/else/pulls/1', {}, 404],
    ['an unknown route', '/repos/octo/demo/hooks', {}, 404],
    ['a pull that does not exist', '/repos/octo/demo/pulls/99', {}, 404],
  ])('%s → %d', async (_label, path, init, status) => {
    expect((await call(path, init)).status).toBe(status);
  });

  test('comments: created as the token’s identity, listed with Link pagination, patched, deleted', async () => {
    const created = (await (
      await call('/repos/octo/demo/issues/3/comments', { method: 'POST', body: JSON.stringify({ body: 'hi' }) })
    ).json()) as FakeComment;
    expect(created).toMatchObject({ body: 'hi', user: { login: ACTIONS_BOT } });
    await call('/repos/octo/demo/issues/3/comments', {
      method: 'POST',
      token: 'ghp_bob',
      body: JSON.stringify({ body: 'yo' }),
    });
    for (let i = 0; i < 3; i++) fake.state.seedComment(3, `c${i}`);

    const page1 = await call('/repos/octo/demo/issues/3/comments?per_page=2');
    expect(page1.headers.get('link')).toMatch(/page=2>; rel="next".*page=3>; rel="last"/);
    expect(((await page1.json()) as FakeComment[]).map((c) => c.user.login)).toEqual([ACTIONS_BOT, 'bob']);

    expect(
      (
        await call(`/repos/octo/demo/issues/comments/${created.id}`, {
          method: 'PATCH',
          body: JSON.stringify({ body: 'edited' }),
        })
      ).status,
    ).toBe(200);
    expect(fake.state.comments[0].body).toBe('edited');
    expect((await call(`/repos/octo/demo/issues/comments/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(fake.state.commentsOn(3)).toHaveLength(4);
  });

  test('records requests with their authorization header and body, and when and how each was answered', async () => {
    const before = performance.now();
    await call('/repos/octo/demo/issues/3/comments', { method: 'POST', body: JSON.stringify({ body: 'hi' }) });
    await call('/repos/octo/demo/hooks');
    expect(fake.requests[0]).toMatchObject({
      method: 'POST',
      path: '/repos/octo/demo/issues/3/comments',
      headers: { authorization: 'token ghs_x' },
      body: { body: 'hi' },
      route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      status: 201,
    });
    expect(fake.requests[0].answeredAt).toBeGreaterThanOrEqual(before);
    expect(fake.requests[0].answeredAt).toBeLessThanOrEqual(performance.now());
    expect(fake.requests[1]).toMatchObject({ path: '/repos/octo/demo/hooks', status: 404 });
    expect(fake.requests[1].route).toBeUndefined();
  });

  test('queued faults are consumed in order, then the route works again', async () => {
    fake.state.setPull(1);
    fake.fail('GET /repos/{owner}/{repo}/pulls/{pull_number}', 'secondary-rate-limit', 'server-error');
    const first = await call('/repos/octo/demo/pulls/1');
    expect([first.status, first.headers.get('retry-after')]).toEqual([403, '1']);
    expect((await call('/repos/octo/demo/pulls/1')).status).toBe(502);
    expect((await call('/repos/octo/demo/pulls/1')).status).toBe(200);
  });
});
