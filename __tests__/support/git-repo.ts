// A throwaway git repository for tests: real git, a fixed identity and date (so SHAs are reproducible),
// and an environment that ignores the machine's own git config (works in CI, as root, with no HOME).
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rename as fsRename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TestRepo {
  dir: string;
  /** Writes a file (creating folders) relative to the repo root; not staged until commit(). */
  write(path: string, content: string | Buffer): Promise<void>;
  remove(path: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Stages everything and commits; returns the new commit's full SHA. */
  commit(message: string): Promise<string>;
  /** Runs git in the repo and returns trimmed stdout. */
  git(...args: string[]): Promise<string>;
  cleanup(): Promise<void>;
}

const IDENTITY = {
  GIT_AUTHOR_NAME: 'Prompt Gate Test',
  GIT_AUTHOR_EMAIL: 'test@promptgate.invalid',
  GIT_COMMITTER_NAME: 'Prompt Gate Test',
  GIT_COMMITTER_EMAIL: 'test@promptgate.invalid',
  GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z',
};

function run(cwd: string, env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`git ${args.join(' ')} failed in ${cwd}: ${stderr || error.message}`));
      else resolve(stdout.trim());
    });
  });
}

export async function createRepo(): Promise<TestRepo> {
  const root = await mkdtemp(join(tmpdir(), 'promptgate-git-'));
  const dir = join(root, 'repo');
  const home = join(root, 'home');
  await mkdir(dir);
  await mkdir(home);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    ...IDENTITY,
  };
  const git = (...args: string[]) => run(dir, env, args);
  await git('init', '--quiet', '--initial-branch=main');
  // Repo-local settings, so git run by the code under test (with the real env) behaves the same.
  await git('config', 'user.name', IDENTITY.GIT_AUTHOR_NAME);
  await git('config', 'user.email', IDENTITY.GIT_AUTHOR_EMAIL);
  await git('config', 'commit.gpgsign', 'false');
  await git('config', 'core.autocrlf', 'false');

  return {
    dir,
    git,
    async write(path, content) {
      const full = join(dir, path);
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, content);
    },
    async remove(path) {
      await rm(join(dir, path), { force: true, recursive: true });
    },
    async rename(from, to) {
      await mkdir(dirname(join(dir, to)), { recursive: true });
      await fsRename(join(dir, from), join(dir, to));
    },
    async commit(message) {
      await git('add', '--all');
      await git('commit', '--quiet', '--allow-empty', '--no-verify', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    async cleanup() {
      await rm(root, { recursive: true, force: true });
    },
  };
}
