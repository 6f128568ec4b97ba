// Which suites a change touches, and which changed prompt files no suite tests. Pure.
import path from 'node:path';
import picomatch from 'picomatch';
import type { FileChange } from '../git/changes.js';

/** A prompt file's repository-relative path, from its config's repository-relative path. */
export function promptRepoPath(configPath: string, promptFile: string): string {
  return path.posix.normalize(path.posix.join(path.posix.dirname(configPath), promptFile));
}

/** Every path a change touches: the new path, and the old one of a rename. */
export function touchedPaths(changes: readonly FileChange[]): Set<string> {
  const paths = new Set<string>();
  for (const c of changes) {
    paths.add(c.path);
    if (c.previousPath) paths.add(c.previousPath);
  }
  return paths;
}

/** The changed files among a suite's files (repository-relative paths on both sides). */
export function changedSuiteFiles(suiteFiles: Iterable<string>, changes: readonly FileChange[]): string[] {
  const touched = touchedPaths(changes);
  return [...new Set(suiteFiles)].filter((f) => touched.has(f)).sort();
}

/**
 * Changed files that match the prompt globs but that no suite reads: prompt edits nobody measures.
 * A deleted file counts too (a suite that still read it would have failed to load).
 */
export function untestedPromptChanges(
  changes: readonly FileChange[],
  promptGlobs: readonly string[],
  testedFiles: ReadonlySet<string>,
): string[] {
  if (promptGlobs.length === 0) return [];
  const isPrompt = picomatch([...promptGlobs], { dot: true });
  return changes
    .map((c) => c.path)
    .filter((p) => isPrompt(p) && !testedFiles.has(p))
    .sort();
}
