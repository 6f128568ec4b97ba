// Refs and SHAs arrive from action inputs, CLI flags and event payloads. They are checked here, before
// any git command sees them, against a deliberately narrow grammar: a value that would be read as an
// option (`--upload-pack=...`), a range (`a..b`), a reflog query (`@{-1}`) or shell syntax (`$(x)`)
// never reaches git, even though git itself runs without a shell.
import { UsageError } from '../errors.js';

const SHA_PATTERN = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;

/** A full object name: 40 hex digits (SHA-1) or 64 (SHA-256). Abbreviations are refs, not SHAs. */
export function isSha(value: string): boolean {
  return SHA_PATTERN.test(value);
}

// A ref name: components of letters, digits and `._+-@` separated by single slashes, then any number
// of ancestry suffixes (`~`, `~3`, `^`, `^2`) so `HEAD~1`, `HEAD^` and `main~2` work as in git.
const NAME_CHARS = /^[A-Za-z0-9._+@/-]+$/;
const ANCESTRY_SUFFIX = /(?:[~^][0-9]*)*$/;

export const REF_RULES =
  'a ref is a full SHA, or a branch/tag name of letters, digits and . _ + - @ / ' +
  '(not starting with "-" or "/", no "..", "//", "@{", trailing "/" or ".", or ".lock"), ' +
  'optionally followed by ~N or ^N (e.g. main, origin/main, v1.2.0, HEAD~1, HEAD^)';

/** Why a ref is unsafe, or undefined when it is fine. Pure, for tables and messages. */
export function refProblem(ref: string): string | undefined {
  if (ref.length === 0) return 'it is empty';
  if (ref.length > 255) return 'it is longer than 255 characters';
  if (isSha(ref)) return undefined;
  if (ref.startsWith('-')) return 'it starts with "-" and would be read as a git option';
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(ref)) return 'it contains a control character';
  if (/\s/.test(ref)) return 'it contains whitespace';
  if (ref.includes('..')) return 'it contains ".." (a range, not a single revision)';
  if (ref.includes('@{')) return 'it contains "@{" (a reflog expression)';
  const suffix = ANCESTRY_SUFFIX.exec(ref)?.[0] ?? '';
  const name = ref.slice(0, ref.length - suffix.length);
  if (name.length === 0) return 'it has no name before its ~/^ suffix';
  if (!NAME_CHARS.test(name)) {
    const bad = [...name].find((c) => !/[A-Za-z0-9._+@/-]/.test(c));
    return `it contains ${JSON.stringify(bad)}, which is not allowed in a ref`;
  }
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) return 'it has an empty path component';
  if (name.endsWith('.') || name.endsWith('.lock')) return 'it ends with "." or ".lock"';
  if (name.split('/').some((part) => part.startsWith('.'))) return 'a component starts with "."';
  return undefined;
}

/**
 * Throws a UsageError that says which input was wrong and what a valid ref looks like.
 * @param what names the input for the message, e.g. `input "base"` or `--base`.
 */
export function assertSafeRef(ref: string, what = 'ref'): string {
  const problem = refProblem(ref);
  if (problem)
    throw new UsageError(
      `${what} ${JSON.stringify(ref)} is not a safe git revision: ${problem}. Allowed: ${REF_RULES}.`,
    );
  return ref;
}

/**
 * Repository-relative paths handed to git after `--`: no absolute paths, no `..` escapes, no control
 * characters (paths travel over line-based git protocols such as `cat-file --batch-check`).
 */
export function assertSafeRepoPath(path: string): string {
  const normalised = path.replace(/^(\.\/)+/, '');
  const problem = repoPathProblem(normalised);
  if (problem) {
    throw new UsageError(
      `path ${JSON.stringify(path)} cannot be read from git: ${problem}. ` +
        'Use a path relative to the repository root, e.g. prompts/greeting.txt.',
    );
  }
  return normalised;
}

function repoPathProblem(path: string): string | undefined {
  if (path.length === 0) return 'it is empty';
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(path)) return 'it contains a control character';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'it is absolute';
  if (path.split('/').includes('..')) return 'it climbs out of the repository with ".."';
  return undefined;
}
