// Runs git without a shell: arguments go to execFile as an array, so nothing a PR author writes
// (a branch name, a file name) is ever parsed by a shell.
import { UserError } from '../errors.js';
import { execFile } from 'node:child_process';

/** A git command failed. The message names the command, the repository and git's own words. */
export class GitError extends UserError {
  override name = 'GitError';
  constructor(
    readonly args: readonly string[],
    readonly repoDir: string,
    readonly exitCode: number | string | undefined,
    readonly stderr: string,
    hint?: string,
  ) {
    super(
      `git ${args.join(' ')} failed in ${repoDir} (exit ${exitCode ?? '?'}): ${stderr.trim() || 'no message'}` +
        (hint ? `\n${hint}` : ''),
    );
  }
}

export interface GitRunOptions {
  /** Exit codes that are answers rather than failures (e.g. 1 from `git diff --no-index`). */
  okExitCodes?: number[];
  /** Literal pathspecs: a file named `*.md` or `[x]` means itself, never a glob. */
  literalPathspecs?: boolean;
}

export interface GitResult {
  stdout: Buffer;
  exitCode: number;
}

// Prompts and diffs can be large; a tight buffer would turn a big PR into a crash.
const MAX_BUFFER = 512 * 1024 * 1024;

/** The environment git runs in: never prompt for credentials, never take optional locks on the index. */
export function gitEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', ...extra };
}

function hintFor(stderr: string): string | undefined {
  if (/dubious ownership/i.test(stderr)) {
    return 'The repository is owned by another user; mark it safe with `git config --global --add safe.directory <dir>` (actions/checkout does this for you).';
  }
  if (/shallow|no merge base|bad object|unknown revision|Not a valid (object|commit) name/i.test(stderr)) {
    return 'The commit may be missing from a shallow clone: check out with `fetch-depth: 0` (actions/checkout) or fetch the base branch first.';
  }
  return undefined;
}

/** Runs `git <args>` in repoDir and returns raw stdout (bytes: paths and file contents need not be UTF-8). */
export function runGit(repoDir: string, args: string[], options: GitRunOptions = {}): Promise<GitResult> {
  const fullArgs = ['-c', 'core.quotePath=false', ...args];
  const env = gitEnv(options.literalPathspecs ? { GIT_LITERAL_PATHSPECS: '1' } : {});
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      fullArgs,
      { cwd: repoDir, env, encoding: 'buffer', maxBuffer: MAX_BUFFER, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, exitCode: 0 });
        const code = (error as NodeJS.ErrnoException & { code?: number | string }).code;
        if (typeof code === 'number' && options.okExitCodes?.includes(code)) {
          return resolve({ stdout, exitCode: code });
        }
        if (code === 'ENOENT') {
          return reject(
            new GitError(
              args,
              repoDir,
              code,
              'git could not start: is git installed and on PATH, and does the directory exist?',
            ),
          );
        }
        const text = stderr.toString('utf8');
        reject(new GitError(args, repoDir, code, text, hintFor(text)));
      },
    );
  });
}

/** Runs git and returns stdout as trimmed UTF-8 text. */
export async function gitText(repoDir: string, args: string[], options?: GitRunOptions): Promise<string> {
  return (await runGit(repoDir, args, options)).stdout.toString('utf8').trim();
}
