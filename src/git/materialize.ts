// Writes files as they are at a revision into a separate directory, so the base side of a review can be
// evaluated without checking anything out over the workspace and without touching the index:
// `git archive` reads the object database, `tar -x` writes into destDir. No shell in between.
import { spawn } from 'node:child_process';
import { lstat, mkdir, readdir, readlink, realpath, unlink } from 'node:fs/promises';
import { join, relative, resolve, sep, isAbsolute } from 'node:path';
import { GitError, gitEnv } from './exec.js';
import { assertSafeRepoPath } from './refs.js';
import { revParse } from './changes.js';

/**
 * Writes `paths` (files or folders, repository-relative) as they are at `rev` into destDir and returns
 * destDir. Paths absent at rev are skipped: a prompt the PR adds has no base version, which is not an
 * error. Symlinks that would point outside destDir are removed, so a PR cannot make the base side read
 * files from the runner (e.g. a prompt linked to ~/.ssh/id_rsa).
 */
export async function materializeRevision(
  repoDir: string,
  rev: string,
  paths: string[] | 'all',
  destDir: string,
): Promise<string> {
  const commit = await revParse(repoDir, rev);
  await mkdir(destDir, { recursive: true });
  const wanted =
    paths === 'all'
      ? []
      : await existingAt(
          repoDir,
          commit,
          paths.map((p) => assertSafeRepoPath(p)),
        );
  if (paths !== 'all' && wanted.length === 0) return destDir;
  await archiveInto(repoDir, commit, wanted, destDir);
  await removeEscapingSymlinks(destDir);
  return destDir;
}

/** Which of the paths exist at commit, asked in one `cat-file --batch-check` round trip. */
async function existingAt(repoDir: string, commit: string, paths: string[]): Promise<string[]> {
  const unique = [...new Set(paths)];
  const input = unique.map((p) => `${commit}:${p}\n`).join('');
  const out = await pipeText(repoDir, ['cat-file', '--batch-check=%(objecttype)'], input);
  const answers = out.split('\n');
  return unique.filter((_p, i) => answers[i] === 'blob' || answers[i] === 'tree');
}

function pipeText(repoDir: string, args: string[], input: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', args, { cwd: repoDir, env: gitEnv(), windowsHide: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise(Buffer.concat(out).toString('utf8'));
      else reject(new GitError(args, repoDir, code ?? undefined, Buffer.concat(err).toString('utf8')));
    });
    child.stdin.end(input);
  });
}

/** `git archive --format=tar <commit> -- <paths>` piped into `tar -x -C destDir`. */
function archiveInto(repoDir: string, commit: string, paths: string[], destDir: string): Promise<void> {
  const archiveArgs = ['archive', '--format=tar', commit, ...(paths.length > 0 ? ['--', ...paths] : [])];
  return new Promise((resolvePromise, reject) => {
    const git = spawn('git', archiveArgs, {
      cwd: repoDir,
      env: gitEnv({ GIT_LITERAL_PATHSPECS: '1' }),
      windowsHide: true,
    });
    const tar = spawn('tar', ['-x', '-f', '-', '-C', destDir], { windowsHide: true });
    const gitErr: Buffer[] = [];
    const tarErr: Buffer[] = [];
    git.stderr.on('data', (b: Buffer) => gitErr.push(b));
    tar.stderr.on('data', (b: Buffer) => tarErr.push(b));
    git.stdout.pipe(tar.stdin);
    // If tar dies early git gets EPIPE; the exit codes below tell the real story.
    tar.stdin.on('error', () => undefined);

    let pending = 2;
    let failure: Error | undefined;
    const done = (error?: Error) => {
      failure ??= error;
      if (--pending > 0) return;
      if (failure) reject(failure);
      else resolvePromise();
    };
    git.on('error', (e) => done(e));
    tar.on('error', (e) =>
      done(new Error(`tar could not start (${e.message}); it is needed to unpack git archive output`)),
    );
    git.on('close', (code) =>
      done(
        code === 0
          ? undefined
          : new GitError(archiveArgs, repoDir, code ?? undefined, Buffer.concat(gitErr).toString('utf8')),
      ),
    );
    tar.on('close', (code) =>
      done(
        code === 0
          ? undefined
          : new Error(`tar -x into ${destDir} failed (exit ${code}): ${Buffer.concat(tarErr).toString('utf8').trim()}`),
      ),
    );
  });
}

async function removeEscapingSymlinks(destDir: string): Promise<void> {
  const root = await realpath(destDir);
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        if (!(await staysInside(root, full))) await unlink(full);
      } else if (entry.isDirectory()) {
        await walk(full);
      }
    }
  };
  await walk(root);
}

async function staysInside(root: string, link: string): Promise<boolean> {
  const target = await readlink(link);
  const resolved = isAbsolute(target) ? target : resolve(join(link, '..'), target);
  const rel = relative(root, resolved);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
  // A chain of links could still escape: accept only when the final target is inside too (or dangling inside).
  try {
    const real = await realpath(link);
    return real === root || real.startsWith(root + sep);
  } catch {
    return (await lstat(resolved).catch(() => undefined)) === undefined;
  }
}
