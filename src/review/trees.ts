// Where a review reads each revision from. The base's suite is the yardstick, so the base revision is written
// out whole (its scripts import their neighbours) under the workspace (so that they resolve the workspace's
// node_modules), unless the caller already has it (pull_request_target checks out the base). On untrusted
// events the head is read as text only: just the prompt files the base's suite names (and the changed
// files, for new prompts its globs match) are written to a directory of their own, and nothing there runs.
import { mkdir, mkdtemp, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { WORK_DIR } from '../paths.js';
import type { MaterializeBase } from './types.js';

/** The directory under the workspace that review trees (and nothing a suite reads) live in. */
export const TREES_DIR = path.join(WORK_DIR, 'trees');

export interface ReviewTrees {
  /** The base revision's files. */
  base: string;
  /** A fresh directory for the head's text, created on first use (untrusted events). */
  headText(): Promise<string>;
  close(): Promise<void>;
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

export async function openTrees(options: {
  repoDir: string;
  /** A directory that already holds the base revision (e.g. the workspace on pull_request_target). */
  baseTree?: string;
  materializeBase: MaterializeBase;
}): Promise<ReviewTrees> {
  const root = path.join(options.repoDir, TREES_DIR);
  await mkdir(root, { recursive: true });
  const made: string[] = [];
  const fresh = async (name: string) => {
    const dir = await mkdtemp(path.join(root, `${name}-`));
    made.push(dir);
    return dir;
  };
  let base = options.baseTree;
  if (!base) {
    base = await fresh('base');
    await options.materializeBase(['.'], base);
  }
  let head: string | undefined;
  return {
    base,
    headText: async () => (head ??= await fresh('head')),
    close: async () => {
      for (const dir of made) await rm(dir, { recursive: true, force: true });
      // Left in place when another run's trees are still there.
      await rmdir(root).catch(() => undefined);
    },
  };
}

/** Writes `paths` of the base into the base tree when it lacks them (history-less checkouts fetch file by file). */
export async function ensureBaseFiles(
  trees: ReviewTrees,
  materializeBase: MaterializeBase,
  paths: readonly string[],
): Promise<void> {
  const missing: string[] = [];
  for (const p of paths) if (!(await exists(path.join(trees.base, p)))) missing.push(p);
  if (missing.length > 0) await materializeBase(missing, trees.base);
}
