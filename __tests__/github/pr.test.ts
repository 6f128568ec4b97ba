import type { FileChange } from '../../src/git/changes.js';
import { GitHubPermissionError } from '../../src/github/client.js';
import { getFileAtRef, getPullRequest, listPullRequestFiles, toFileChange } from '../../src/github/pr.js';
import { ROUTES, startFakeGitHub, type FakeGitHub, type FakePullFile } from '../support/fake-github.js';
import { clientFor } from './helpers.js';

const PULL = { owner: 'octo', repo: 'demo', pull_number: 5 };

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(() => fake.close());

describe('toFileChange maps GitHub’s statuses', () => {
  test.each<[FakePullFile, FileChange | undefined]>([
    [
      { filename: 'a', status: 'added' },
      { status: 'added', path: 'a' },
    ],
    [
      { filename: 'a', status: 'modified' },
      { status: 'modified', path: 'a' },
    ],
    [
      { filename: 'a', status: 'changed' },
      { status: 'modified', path: 'a' },
    ],
    [
      { filename: 'a', status: 'removed' },
      { status: 'deleted', path: 'a' },
    ],
    [
      { filename: 'b', status: 'renamed', previous_filename: 'a' },
      { status: 'renamed', path: 'b', previousPath: 'a' },
    ],
    [
      { filename: 'b', status: 'copied', previous_filename: 'a' },
      { status: 'copied', path: 'b', previousPath: 'a' },
    ],
    [{ filename: 'a', status: 'unchanged' }, undefined],
  ])('%j', (file, expected) => {
    expect(toFileChange(file)).toEqual(expected);
  });
});

describe('listPullRequestFiles', () => {
  test('pages through every file of the PR', async () => {
    const files: FakePullFile[] = Array.from({ length: 230 }, (_, i) => ({
      filename: `prompts/p${i}.txt`,
      status: 'modified',
    }));
    files.push({ filename: 'prompts/new name.txt', status: 'renamed', previous_filename: 'prompts/old.txt' });
    fake.state.setPull(5, { files });
    const { client } = clientFor(fake);
    const result = await listPullRequestFiles(client, PULL);
    expect(result.truncated).toBe(false);
    expect(result.files).toHaveLength(231);
    expect(result.files[230]).toEqual({
      status: 'renamed',
      path: 'prompts/new name.txt',
      previousPath: 'prompts/old.txt',
    });
    expect(fake.requests.map((r) => r.query.page)).toEqual(['1', '2', '3']);
  });

  test('reports truncation when GitHub’s 3,000-file cap is reached, never silently', async () => {
    fake.state.setPull(5, {
      files: Array.from({ length: 3200 }, (_, i) => ({ filename: `f${i}`, status: 'added' as const })),
    });
    const { client } = clientFor(fake);
    const result = await listPullRequestFiles(client, PULL);
    expect(result).toMatchObject({ truncated: true });
    expect(result.files).toHaveLength(3000);
  });

  test('exactly 2,999 files is complete', async () => {
    fake.state.setPull(5, {
      files: Array.from({ length: 2999 }, (_, i) => ({ filename: `f${i}`, status: 'added' as const })),
    });
    const { client } = clientFor(fake);
    expect((await listPullRequestFiles(client, PULL)).truncated).toBe(false);
  });
});

describe('getPullRequest', () => {
  test('returns head, base and state (for the stale-run check)', async () => {
    fake.state.setPull(5, { head: { sha: '1'.repeat(40), ref: 'feat' }, base: { sha: '2'.repeat(40), ref: 'main' } });
    const { client } = clientFor(fake);
    expect(await getPullRequest(client, PULL)).toEqual({
      headSha: '1'.repeat(40),
      baseSha: '2'.repeat(40),
      state: 'open',
      headRef: 'feat',
      baseRef: 'main',
    });
    fake.state.setPull(5, { head: { sha: '3'.repeat(40), ref: 'feat' }, state: 'closed' });
    expect(await getPullRequest(client, PULL)).toMatchObject({ headSha: '3'.repeat(40), state: 'closed' });
  });

  test('a token without pull-requests: read gets told so', async () => {
    fake.state.setPull(5);
    fake.fail(ROUTES.getPull, 'permission');
    const { client } = clientFor(fake);
    await expect(getPullRequest(client, PULL)).rejects.toThrow(GitHubPermissionError);
  });
});

describe('getFileAtRef', () => {
  test.each([
    ['prompts/a.txt', 'Hello {{name}}\n'],
    ['prompts/with space ü.txt', 'unicode ✓'],
    ['big.txt', 'x'.repeat(5000)],
  ])('decodes %s (base64 wrapped at 60 columns)', async (path, content) => {
    fake.state.setFile('abc123', path, content);
    const { client } = clientFor(fake);
    expect((await getFileAtRef(client, { owner: 'octo', repo: 'demo', path, ref: 'abc123' }))?.toString('utf8')).toBe(
      content,
    );
    expect(fake.requests[0].query.ref).toBe('abc123');
  });

  test('a file absent at that ref → undefined', async () => {
    fake.state.setFile('head', 'new.txt', 'only on head');
    const { client } = clientFor(fake);
    expect(await getFileAtRef(client, { owner: 'octo', repo: 'demo', path: 'new.txt', ref: 'base' })).toBeUndefined();
  });

  test('a directory is an error that says so', async () => {
    fake.state.setFile('main', 'prompts/a.txt', 'a');
    const { client } = clientFor(fake);
    await expect(getFileAtRef(client, { owner: 'octo', repo: 'demo', path: 'prompts', ref: 'main' })).rejects.toThrow(
      /prompts at main is a directory, not a file/,
    );
  });
});
