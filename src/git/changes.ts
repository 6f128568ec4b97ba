// What changed between two revisions, and what a file looked like at one of them. Reads the object
// database only: never checks out, never writes the index (GIT_OPTIONAL_LOCKS=0 in exec.ts).
import { GitError, gitText, runGit } from './exec.js';
import { assertSafeRef, assertSafeRepoPath } from './refs.js';

export type FileChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied';

export interface FileChange {
  status: FileChangeStatus;
  /** Repository-relative path, forward slashes (the new path for renames and copies). */
  path: string;
  /** The old path of a rename or the source of a copy. */
  previousPath?: string;
}

/**
 * Parses `git diff --name-status -z` output: `X\0path\0` or, for renames and copies,
 * `R100\0old\0new\0`. T (type change) counts as modified; U/X never appear in a committed diff.
 */
export function parseNameStatus(raw: string): FileChange[] {
  const fields = raw.split('\0');
  if (fields[fields.length - 1] === '') fields.pop();
  const changes: FileChange[] = [];
  for (let i = 0; i < fields.length;) {
    const code = fields[i++] ?? '';
    const kind = code.charAt(0);
    if (kind === 'R' || kind === 'C') {
      const previousPath = fields[i++] ?? '';
      const path = fields[i++] ?? '';
      changes.push({ status: kind === 'R' ? 'renamed' : 'copied', path, previousPath });
      continue;
    }
    const path = fields[i++] ?? '';
    if (kind === 'A') changes.push({ status: 'added', path });
    else if (kind === 'D') changes.push({ status: 'deleted', path });
    else if (kind === 'M' || kind === 'T') changes.push({ status: 'modified', path });
    else
      throw new Error(
        `unexpected status ${JSON.stringify(code)} for ${JSON.stringify(path)} in git diff --name-status output`,
      );
  }
  return changes;
}

const NAME_STATUS = ['diff', '--name-status', '-M', '-z', '--no-ext-diff', '--no-color'];

/**
 * Files changed on head since it forked from base (`base...head`, merge-base semantics as in a PR):
 * commits that landed on base after the fork do not show up as changes of the PR.
 */
export async function changedFiles(repoDir: string, base: string, head: string): Promise<FileChange[]> {
  assertSafeRef(base, 'base');
  assertSafeRef(head, 'head');
  const { stdout } = await runGit(repoDir, [...NAME_STATUS, '--end-of-options', `${base}...${head}`, '--']);
  return parseNameStatus(stdout.toString('utf8'));
}

/**
 * For the CLI's `--worktree`: what the working tree (staged or not, plus untracked files that are not
 * ignored) changes relative to the fork point of base and HEAD. A file renamed to an untracked name
 * shows as deleted + added: rename detection would need the index, which we never touch.
 */
export async function changedFilesAgainstWorktree(repoDir: string, base: string): Promise<FileChange[]> {
  assertSafeRef(base, 'base');
  const forkPoint = await mergeBase(repoDir, base, 'HEAD');
  const { stdout } = await runGit(repoDir, [...NAME_STATUS, '--end-of-options', forkPoint, '--']);
  const tracked = parseNameStatus(stdout.toString('utf8'));
  const untracked = await untrackedFiles(repoDir);
  return [...tracked, ...untracked.map((path): FileChange => ({ status: 'added', path }))];
}

async function untrackedFiles(repoDir: string): Promise<string[]> {
  const { stdout } = await runGit(repoDir, ['ls-files', '--others', '--exclude-standard', '-z', '--']);
  return stdout
    .toString('utf8')
    .split('\0')
    .filter((p) => p.length > 0);
}

/** True when the object exists locally and is a commit (false in a shallow clone that lacks it). */
export async function hasCommit(repoDir: string, rev: string): Promise<boolean> {
  assertSafeRef(rev, 'revision');
  const { exitCode } = await runGit(repoDir, ['cat-file', '-e', `${rev}^{commit}`], { okExitCodes: [1, 128] });
  return exitCode === 0;
}

/** The full SHA of the commit a ref names. */
export async function revParse(repoDir: string, ref: string): Promise<string> {
  assertSafeRef(ref, 'revision');
  return gitText(repoDir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).catch(
    (err: unknown) => {
      if (err instanceof GitError) {
        throw new GitError(
          err.args,
          repoDir,
          err.exitCode,
          `${ref} does not name a commit in this repository`,
          'Check the spelling, or fetch it first (a shallow clone has only the tip: use `fetch-depth: 0`).',
        );
      }
      throw err;
    },
  );
}

/** The best common ancestor of a and b; a clear error when there is none (unrelated or shallow history). */
export async function mergeBase(repoDir: string, a: string, b: string): Promise<string> {
  assertSafeRef(a, 'revision');
  assertSafeRef(b, 'revision');
  const { stdout, exitCode } = await runGit(repoDir, ['merge-base', '--end-of-options', a, b], { okExitCodes: [1] });
  const sha = stdout.toString('utf8').trim();
  if (exitCode === 1 || sha === '') {
    throw new GitError(
      ['merge-base', a, b],
      repoDir,
      exitCode,
      `${a} and ${b} have no common ancestor here`,
      'The clone is probably shallow: check out with `fetch-depth: 0` so the fork point is present.',
    );
  }
  return sha;
}

const UNIFIED = ['diff', '-M', '--no-color', '--no-ext-diff', '--no-textconv'];

/** The unified diff of one file between base...head (pass previousPath for a rename); '' when unchanged. */
export async function unifiedDiff(
  repoDir: string,
  base: string,
  head: string,
  path: string,
  previousPath?: string,
): Promise<string> {
  assertSafeRef(base, 'base');
  assertSafeRef(head, 'head');
  const paths = pathsOf(path, previousPath);
  const { stdout } = await runGit(repoDir, [...UNIFIED, '--end-of-options', `${base}...${head}`, '--', ...paths], {
    literalPathspecs: true,
  });
  return stdout.toString('utf8');
}

/** The unified diff of one file from the fork point of base and HEAD to the working tree (untracked: all added). */
export async function unifiedDiffAgainstWorktree(
  repoDir: string,
  base: string,
  path: string,
  previousPath?: string,
): Promise<string> {
  assertSafeRef(base, 'base');
  const paths = pathsOf(path, previousPath);
  const untracked = new Set(await untrackedFiles(repoDir));
  if (untracked.has(paths[0])) {
    // `--no-index` exits 1 when the files differ: that is the answer, not a failure.
    const { stdout } = await runGit(repoDir, [...UNIFIED, '--no-index', '--', '/dev/null', paths[0]], {
      okExitCodes: [1],
    });
    return stdout.toString('utf8');
  }
  const forkPoint = await mergeBase(repoDir, base, 'HEAD');
  const { stdout } = await runGit(repoDir, [...UNIFIED, '--end-of-options', forkPoint, '--', ...paths], {
    literalPathspecs: true,
  });
  return stdout.toString('utf8');
}

function pathsOf(path: string, previousPath?: string): string[] {
  const paths = [assertSafeRepoPath(path)];
  if (previousPath !== undefined && previousPath !== path) paths.push(assertSafeRepoPath(previousPath));
  return paths;
}
