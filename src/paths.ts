// The path vocabulary, one place: inside the program a path is absolute; a repository-relative path (posix
// separators, as git and GitHub write them) names a file to git, the API and the change list; a display path
// appears only in messages.
import path from 'node:path';

/** promptgate's own directory in a project (the CLI's output cache, review trees): never a suite's files. */
export const WORK_DIR = '.promptgate';
/** The CLI's output cache, under the working directory. */
export const CACHE_DIR = path.join(WORK_DIR, 'cache');

/** `to` relative to `from`, with posix separators (as written in ids, configs and reports). */
export function posixRelative(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}

/** The repository-relative path of `abs`, or undefined when it is not inside `repoDir` (or is the root). */
export function repoPath(repoDir: string, abs: string): string | undefined {
  const rel = posixRelative(repoDir, path.resolve(repoDir, abs));
  return rel === '' || rel === '..' || rel.startsWith('../') || path.isAbsolute(rel) ? undefined : rel;
}

/** Repository-relative forms of the files inside the repository; the others are left out. */
export function repoPaths(repoDir: string, files: readonly string[]): string[] {
  return files.flatMap((f) => {
    const rel = repoPath(repoDir, f);
    return rel === undefined ? [] : [rel];
  });
}

/** How a file appears in messages: relative to the working directory when under it (clickable, short). */
export function displayPath(abs: string): string {
  return repoPath(process.cwd(), abs) ?? abs;
}
