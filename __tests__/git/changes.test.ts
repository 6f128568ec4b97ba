import { UsageError } from '../../src/errors.js';
import {
  changedFiles,
  changedFilesAgainstWorktree,
  hasCommit,
  mergeBase,
  parseNameStatus,
  revParse,
  unifiedDiff,
  unifiedDiffAgainstWorktree,
  type FileChange,
} from '../../src/git/changes.js';
import { GitError } from '../../src/git/exec.js';
import { createRepo, type TestRepo } from '../support/git-repo.js';

const byPath = (a: FileChange, b: FileChange) => a.path.localeCompare(b.path);

describe('parseNameStatus', () => {
  test.each<[string, FileChange[]]>([
    ['', []],
    ['M\0a.txt\0', [{ status: 'modified', path: 'a.txt' }]],
    [
      'A\0new file.md\0D\0gone.txt\0',
      [
        { status: 'added', path: 'new file.md' },
        { status: 'deleted', path: 'gone.txt' },
      ],
    ],
    ['R087\0old.txt\0new.txt\0', [{ status: 'renamed', path: 'new.txt', previousPath: 'old.txt' }]],
    ['C100\0src.txt\0copy.txt\0', [{ status: 'copied', path: 'copy.txt', previousPath: 'src.txt' }]],
    ['T\0link\0', [{ status: 'modified', path: 'link' }]],
  ])('%j', (raw, expected) => {
    expect(parseNameStatus(raw)).toEqual(expected);
  });
});

describe('changes between base and head in a real repository', () => {
  let repo: TestRepo;
  let base: string;
  let head: string;

  beforeAll(async () => {
    repo = await createRepo();
    await repo.write('prompts/greeting.txt', 'Hello {{name}}, how can I help you today with your account?\n');
    await repo.write('prompts/farewell.txt', 'Goodbye {{name}}, thanks for talking to support today.\n');
    await repo.write('prompts/unchanged.txt', 'stays the same\n');
    await repo.write('docs/removed.md', 'to be deleted\n');
    base = await repo.commit('base');
    await repo.git('switch', '--quiet', '-c', 'feature');
    await repo.write('prompts/greeting.txt', 'Hi {{name}}! How can I help?\n');
    await repo.rename('prompts/farewell.txt', 'prompts/goodbye.txt');
    await repo.remove('docs/removed.md');
    await repo.write('prompts/with space.txt', 'spaces\n');
    await repo.write('prompts/ünïcödé ✓.txt', 'unicode\n');
    head = await repo.commit('head');
    // main moves on after the fork: its change must not appear as part of the PR.
    await repo.git('switch', '--quiet', 'main');
    await repo.write('prompts/unchanged.txt', 'changed on main only\n');
    await repo.commit('main moves on');
  });
  afterAll(() => repo.cleanup());

  test('reports additions, modifications, deletions and renames, with odd names intact', async () => {
    const changes = await changedFiles(repo.dir, 'main', 'feature');
    expect(changes.sort(byPath)).toEqual(
      (<FileChange[]>[
        { status: 'deleted', path: 'docs/removed.md' },
        { status: 'modified', path: 'prompts/greeting.txt' },
        { status: 'renamed', path: 'prompts/goodbye.txt', previousPath: 'prompts/farewell.txt' },
        { status: 'added', path: 'prompts/with space.txt' },
        { status: 'added', path: 'prompts/ünïcödé ✓.txt' },
      ]).sort(byPath),
    );
  });

  test('uses merge-base semantics: a change landed on main after the fork is not the PR’s', async () => {
    const changes = await changedFiles(repo.dir, 'main', head);
    expect(changes.map((c) => c.path)).not.toContain('prompts/unchanged.txt');
    expect(await mergeBase(repo.dir, 'main', 'feature')).toBe(base);
  });

  test('revParse resolves refs to full SHAs; a missing ref is a GitError that says so', async () => {
    expect(await revParse(repo.dir, 'feature')).toBe(head);
    expect(await revParse(repo.dir, 'feature~1')).toBe(base);
    await expect(revParse(repo.dir, 'no-such-branch')).rejects.toThrow(
      /no-such-branch does not name a commit.*fetch-depth: 0/s,
    );
  });

  test.each([
    ['a commit that exists', () => head, true],
    ['a branch name', () => 'feature', true],
    ['a SHA the clone never fetched', () => 'f'.repeat(40), false],
    ['an unknown branch', () => 'nope', false],
  ])('hasCommit(%s) → %s', async (_label, rev, expected) => {
    expect(await hasCommit(repo.dir, rev())).toBe(expected);
  });

  test('unsafe refs and paths are refused before git runs', async () => {
    await expect(changedFiles(repo.dir, '--output=/tmp/pwned', 'feature')).rejects.toThrow(UsageError);
    await expect(changedFiles(repo.dir, 'main', 'a..b')).rejects.toThrow(/input|head "a\.\.b"/);
  });

  test('unifiedDiff shows one file’s change, follows a rename when given both paths', async () => {
    const diff = await unifiedDiff(repo.dir, 'main', 'feature', 'prompts/greeting.txt');
    expect(diff).toContain('-Hello {{name}}, how can I help you today with your account?');
    expect(diff).toContain('+Hi {{name}}! How can I help?');
    const renamed = await unifiedDiff(repo.dir, 'main', 'feature', 'prompts/goodbye.txt', 'prompts/farewell.txt');
    expect(renamed).toMatch(/rename from prompts\/farewell\.txt\nrename to prompts\/goodbye\.txt/);
    expect(await unifiedDiff(repo.dir, 'main', 'feature', 'prompts/unchanged.txt')).toBe('');
  });
});

describe('missing history', () => {
  test('a shallow clone lacks the base: hasCommit is false and mergeBase explains fetch-depth', async () => {
    const origin = await createRepo();
    try {
      await origin.write('a.txt', 'one\n');
      const first = await origin.commit('one');
      await origin.write('a.txt', 'two\n');
      await origin.commit('two');
      const clone = await createRepo();
      try {
        await clone.git('fetch', '--quiet', '--depth=1', `file://${origin.dir}`, 'main:refs/remotes/origin/main');
        expect(await hasCommit(clone.dir, first)).toBe(false);
        expect(await hasCommit(clone.dir, 'origin/main')).toBe(true);
        await expect(mergeBase(clone.dir, first, 'origin/main')).rejects.toThrow(/fetch-depth/);
        // Both tips present, fork point not: git merge-base answers "none", we explain why.
        await origin.git('switch', '--quiet', '-c', 'side', first);
        await origin.write('b.txt', 'side\n');
        await origin.commit('side');
        await clone.git('fetch', '--quiet', '--depth=1', `file://${origin.dir}`, 'side:refs/remotes/origin/side');
        await expect(mergeBase(clone.dir, 'origin/side', 'origin/main')).rejects.toThrow(
          /no common ancestor.*fetch-depth: 0/s,
        );
      } finally {
        await clone.cleanup();
      }
    } finally {
      await origin.cleanup();
    }
  });
});

describe('working tree changes (the CLI’s --worktree)', () => {
  let repo: TestRepo;
  beforeAll(async () => {
    repo = await createRepo();
    await repo.write('.gitignore', 'ignored/\n');
    await repo.write('prompts/a.txt', 'alpha\n');
    await repo.write('prompts/b.txt', 'beta\n');
    await repo.commit('base');
    await repo.git('switch', '--quiet', '-c', 'work');
    await repo.write('prompts/a.txt', 'alpha edited\n');
    await repo.remove('prompts/b.txt');
    await repo.write('prompts/new prompt.txt', 'brand new\n');
    await repo.write('ignored/cache.json', '{}');
  });
  afterAll(() => repo.cleanup());

  test('lists edits, deletions and untracked (not ignored) files, without touching the index', async () => {
    const indexBefore = await repo.git('ls-files', '--stage');
    const changes = await changedFilesAgainstWorktree(repo.dir, 'main');
    expect(changes.sort(byPath)).toEqual([
      { status: 'modified', path: 'prompts/a.txt' },
      { status: 'deleted', path: 'prompts/b.txt' },
      { status: 'added', path: 'prompts/new prompt.txt' },
    ]);
    expect(await repo.git('ls-files', '--stage')).toBe(indexBefore);
  });

  test('unifiedDiffAgainstWorktree diffs tracked edits and shows untracked files as added', async () => {
    expect(await unifiedDiffAgainstWorktree(repo.dir, 'main', 'prompts/a.txt')).toMatch(/-alpha\n\+alpha edited/);
    expect(await unifiedDiffAgainstWorktree(repo.dir, 'main', 'prompts/new prompt.txt')).toMatch(
      /new file mode[\s\S]*\+brand new/,
    );
  });
});
