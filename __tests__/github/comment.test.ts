import { GitHubPermissionError } from '../../src/github/client.js';
import {
  ACTIONS_BOT_LOGIN,
  findStickyComment,
  markerFor,
  resolveSelfLogin,
  updateComment,
  upsertStickyComment,
  withMarker,
} from '../../src/github/comment.js';
import { UsageError } from '../../src/errors.js';
import { ROUTES, startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { clientFor } from './helpers.js';

const PR = { owner: 'octo', repo: 'demo', issue_number: 12 };
const MARKER = '<!-- promptgate:default -->';

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub({ users: { ghp_personal: 'alice' } });
});
afterEach(() => fake.close());

describe('marker helpers', () => {
  test.each([
    ['default', '<!-- promptgate:default -->'],
    ['suite-a', '<!-- promptgate:suite-a -->'],
    ['evals/chat.yaml', '<!-- promptgate:evals/chat.yaml -->'],
  ])('markerFor(%j)', (key, marker) => {
    expect(markerFor(key)).toBe(marker);
  });

  test.each([['has space'], ['x-->y'], ['']])('markerFor(%j) refuses what would break the HTML comment', (key) => {
    expect(() => markerFor(key)).toThrow(UsageError);
  });

  test('withMarker appends once', () => {
    expect(withMarker('## Report\n', MARKER)).toBe(`## Report\n\n${MARKER}\n`);
    expect(withMarker(`${MARKER}\n## Report`, MARKER)).toBe(`${MARKER}\n## Report`);
  });
});

describe('whose comments are ours', () => {
  test.each([
    ['the GITHUB_TOKEN (GET /user is 403)', 'ghs_installation', ACTIONS_BOT_LOGIN],
    ['a personal token', 'ghp_personal', 'alice'],
  ])('%s → %s', async (_label, token, login) => {
    expect(await resolveSelfLogin(clientFor(fake, token).client)).toBe(login);
  });
});

describe('upsertStickyComment', () => {
  test('creates the comment once, then updates it in place', async () => {
    const { client } = clientFor(fake);
    const first = await upsertStickyComment(client, { ...PR, key: 'default', body: '## Run 1' });
    expect(first.action).toBe('created');
    expect(first.url).toBe(`https://github.com/octo/demo/pull/12#issuecomment-${first.id}`);

    const second = await upsertStickyComment(client, { ...PR, key: 'default', body: '## Run 2' });
    expect(second).toEqual({ ...first, action: 'updated', previousBody: `## Run 1\n\n${MARKER}\n` });

    const comments = fake.state.commentsOn(12);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toBe(`## Run 2\n\n${MARKER}\n`);
    expect(comments[0].user.login).toBe(ACTIONS_BOT_LOGIN);
  });

  test('different keys keep different comments', async () => {
    const { client } = clientFor(fake);
    await upsertStickyComment(client, { ...PR, key: 'suite-a', body: 'A' });
    await upsertStickyComment(client, { ...PR, key: 'suite-b', body: 'B' });
    await upsertStickyComment(client, { ...PR, key: 'suite-a', body: 'A2' });
    expect(fake.state.commentsOn(12).map((c) => c.body.split('\n')[0])).toEqual(['A2', 'B']);
  });

  test('a comment by someone else that contains the marker is not adopted (nor overwritten)', async () => {
    const pasted = fake.state.seedComment(12, `look what I found ${MARKER}`, 'mallory');
    const { client } = clientFor(fake);
    const result = await upsertStickyComment(client, { ...PR, key: 'default', body: 'report' });
    expect(result.action).toBe('created');
    expect(result.id).not.toBe(pasted.id);
    expect(fake.state.comments.find((c) => c.id === pasted.id)!.body).toBe(`look what I found ${MARKER}`);
  });

  test('a comment of ours without the marker is left alone', async () => {
    fake.state.seedComment(12, 'an unrelated bot comment', ACTIONS_BOT_LOGIN);
    const { client } = clientFor(fake);
    expect((await upsertStickyComment(client, { ...PR, key: 'default', body: 'report' })).action).toBe('created');
    expect(fake.state.commentsOn(12)).toHaveLength(2);
  });

  test('our comment deleted between find and update → a new one is created', async () => {
    const { client } = clientFor(fake);
    const first = await upsertStickyComment(client, { ...PR, key: 'default', body: 'v1' });
    fake.fail(ROUTES.updateComment, 'not-found');
    const second = await upsertStickyComment(client, { ...PR, key: 'default', body: 'v2' });
    expect(second.action).toBe('created');
    expect(second.id).not.toBe(first.id);
  });

  test('finds our comment beyond the first 100 (pagination)', async () => {
    for (let i = 0; i < 150; i++) fake.state.seedComment(12, `chatter ${i}`, i % 2 ? 'octocat' : ACTIONS_BOT_LOGIN);
    const ours = fake.state.seedComment(12, `old report\n${MARKER}`, ACTIONS_BOT_LOGIN);
    const { client } = clientFor(fake);
    const found = await findStickyComment(client, { ...PR, marker: MARKER, selfLogin: ACTIONS_BOT_LOGIN });
    expect(found?.id).toBe(ours.id);
    const result = await upsertStickyComment(client, {
      ...PR,
      key: 'default',
      body: 'new report',
      selfLogin: ACTIONS_BOT_LOGIN,
    });
    expect(result).toMatchObject({ id: ours.id, action: 'updated' });
  });

  test('with a personal token, the comment is matched by that user', async () => {
    const { client } = clientFor(fake, 'ghp_personal');
    fake.state.seedComment(12, `by the bot\n${MARKER}`, ACTIONS_BOT_LOGIN);
    const result = await upsertStickyComment(client, { ...PR, key: 'default', body: 'mine' });
    expect(result.action).toBe('created');
    expect(fake.state.comments.find((c) => c.id === result.id)!.user.login).toBe('alice');
  });

  test('a secondary rate limit on create is waited out and retried', async () => {
    fake.fail(ROUTES.createComment, 'secondary-rate-limit');
    const { client, waits } = clientFor(fake);
    expect((await upsertStickyComment(client, { ...PR, key: 'default', body: 'x' })).action).toBe('created');
    expect(waits).toEqual([1000]);
    expect(fake.state.commentsOn(12)).toHaveLength(1);
  });

  test('a body GitHub finds too long is shrunk once, keeping the marker', async () => {
    const { client } = clientFor(fake);
    const shrinkCalls: number[] = [];
    const result = await upsertStickyComment(client, {
      ...PR,
      key: 'default',
      body: 'x'.repeat(70_000),
      shrink: (body, limit) => {
        shrinkCalls.push(limit);
        return `${body.slice(0, 100)}\n… (truncated; full report in the job summary)`;
      },
    });
    expect(result.action).toBe('created');
    expect(shrinkCalls).toHaveLength(1);
    expect(shrinkCalls[0]).toBeLessThan(65536);
    expect(fake.state.commentsOn(12)[0].body).toMatch(
      /truncated; full report in the job summary\)\n\n<!-- promptgate:default -->\n$/,
    );
  });

  test('too long and no shrink: the error says how long and what the limit is', async () => {
    const { client } = clientFor(fake);
    await expect(upsertStickyComment(client, { ...PR, key: 'default', body: 'x'.repeat(70_000) })).rejects.toThrow(
      /exceed the 65536-character limit/,
    );
  });

  test.each([
    ['listing comments', ROUTES.listComments, /pull-requests: read/],
    ['creating the comment', ROUTES.createComment, /pull-requests: write/],
  ] as const)(
    'a read-only token while %s → a permission error that names the permission',
    async (_label, route, permission) => {
      fake.fail(route, 'permission');
      const { client } = clientFor(fake);
      const err = await upsertStickyComment(client, { ...PR, key: 'default', body: 'x' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GitHubPermissionError);
      expect((err as Error).message).toMatch(permission);
      expect((err as Error).message).toMatch(/The results are still in the job summary\./);
    },
  );

  test('updateComment answers undefined for a comment that no longer exists', async () => {
    const { client } = clientFor(fake);
    expect(await updateComment(client, { owner: 'octo', repo: 'demo', comment_id: 999_999 }, 'x')).toBeUndefined();
  });
});
