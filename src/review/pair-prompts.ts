// Which base prompt is the earlier version of which head prompt. Pure.
import path from 'node:path';
import type { FileChange } from '../git/changes.js';
import type { Prompt } from '../types.js';

/**
 * For each head prompt, the base prompt it replaces, or undefined when the pull request adds it.
 * Prompts pair by id; a prompt whose file was renamed pairs with the base prompt of the old path
 * (ids of file prompts are `file://<path relative to the config>`, optionally with `:<n>`).
 */
export function pairPrompts(
  basePrompts: readonly Prompt[],
  headPrompts: readonly Prompt[],
  changes: readonly FileChange[],
  configDir: string,
): Array<Prompt | undefined> {
  const byId = new Map(basePrompts.map((p) => [p.id, p]));
  const renamedFrom = new Map<string, string>();
  for (const c of changes) {
    if (c.status === 'renamed' && c.previousPath) renamedFrom.set(c.path, c.previousPath);
  }
  const toConfigRelative = (repoPath: string) => path.posix.relative(configDir, repoPath);
  const toRepo = (configRelative: string) => path.posix.join(configDir, configRelative);
  const paired = headPrompts.map((head) => {
    const same = byId.get(head.id);
    if (same) return same;
    if (!head.file) return undefined;
    const old = renamedFrom.get(toRepo(head.file));
    const headPrefix = `file://${head.file}`;
    if (!old || !head.id.startsWith(headPrefix)) return undefined;
    // Same position in the old file: `file://old.txt:1` is the earlier `file://new.txt:1`.
    return byId.get(`file://${toConfigRelative(old)}${head.id.slice(headPrefix.length)}`);
  });
  // An inline prompt without an explicit id is identified by its text, so editing it changes its id. When the
  // config lists as many prompts as before, an unpaired inline prompt pairs with the unpaired one in its place.
  if (basePrompts.length === headPrompts.length) {
    const taken = new Set(paired.filter((p) => p !== undefined));
    paired.forEach((p, i) => {
      const base = basePrompts[i];
      if (p === undefined && !headPrompts[i].file && !base.file && !taken.has(base)) paired[i] = base;
    });
  }
  return paired;
}
