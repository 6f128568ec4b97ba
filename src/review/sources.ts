// Where a review's facts come from: the changed files, the base revision's files, and per-file diffs.
// The git implementation serves the CLI and the action; the action adds a REST fallback for shallow clones.
import {
  changedFiles,
  changedFilesAgainstWorktree,
  unifiedDiff,
  unifiedDiffAgainstWorktree,
  type FileChange,
} from '../git/changes.js';
import { materializeRevision } from '../git/materialize.js';
import type { MaterializeBase, ReviewResult } from './types.js';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { assertSafeRepoPath } from '../git/refs.js';
import { promptRepoPath } from './affected.js';

/** The working tree's version of some files (a local compare against uncommitted edits). */
async function copyFromWorktree(repoDir: string, paths: readonly string[], destDir: string): Promise<void> {
  for (const p of paths) {
    const dest = path.join(destDir, assertSafeRepoPath(p));
    await mkdir(path.dirname(dest), { recursive: true });
    await copyFile(path.join(repoDir, p), dest).catch(() => undefined);
  }
}

export interface ReviewSources {
  changes: FileChange[];
  /** The change list may be missing files (an API cap): every file then counts as changed. */
  changesIncomplete?: boolean;
  materializeBase: MaterializeBase;
  /** Writes the head revision's files, as text, into a directory (untrusted events read the head only so). */
  materializeHead: MaterializeBase;
  /** The unified diff of one file; '' when it cannot be had. */
  diff(file: string, previousPath?: string): Promise<string>;
  /** Things the reader should know about how the facts were gathered (e.g. a truncated file list). */
  notes: string[];
}

/**
 * Git history is present: diff base...head (or base against the working tree when head is undefined).
 * The base side's files come from `baseFiles` (default: base itself). The action's workspace is the merge of
 * the pull request into the base, so the base's tip is the right comparison there; a local branch that has
 * not merged the base's newer commits compares with its fork point instead (pass it as `baseFiles`), so a
 * prompt changed on main since then is not taken for a change of the branch.
 */
export async function gitSources(
  repoDir: string,
  base: string,
  head: string | undefined,
  baseFiles: string = base,
): Promise<ReviewSources> {
  const changes = head ? await changedFiles(repoDir, base, head) : await changedFilesAgainstWorktree(repoDir, base);
  return {
    changes,
    materializeBase: async (paths, destDir) => {
      await materializeRevision(repoDir, baseFiles, paths.includes('.') ? 'all' : paths, destDir);
    },
    materializeHead: async (paths, destDir) => {
      if (head) await materializeRevision(repoDir, head, paths.includes('.') ? 'all' : paths, destDir);
      else await copyFromWorktree(repoDir, paths, destDir);
    },
    diff: (file, previousPath) =>
      head
        ? unifiedDiff(repoDir, base, head, file, previousPath)
        : unifiedDiffAgainstWorktree(repoDir, base, file, previousPath),
    notes: [],
  };
}

/** The prompt files a reviewer should see diffed: prompts of affected suites that changed, and untested ones. */
export function diffedPromptFiles(result: ReviewResult, changes: readonly FileChange[]): FileChange[] {
  const wanted = new Set(result.untestedPromptChanges);
  for (const s of result.suites) {
    if (!s.suite) continue;
    for (const p of s.suite.prompts) {
      if (p.file) wanted.add(promptRepoPath(s.configPath, p.file));
    }
  }
  return changes.filter((c) => wanted.has(c.path) || (c.previousPath !== undefined && wanted.has(c.previousPath)));
}

export async function collectPromptDiffs(
  result: ReviewResult,
  sources: ReviewSources,
): Promise<Array<{ file: string; diff: string }>> {
  const diffs: Array<{ file: string; diff: string }> = [];
  for (const c of diffedPromptFiles(result, sources.changes)) {
    const diff = await sources.diff(c.path, c.previousPath);
    if (diff) diffs.push({ file: c.previousPath ? `${c.previousPath} → ${c.path}` : c.path, diff });
  }
  return diffs;
}
