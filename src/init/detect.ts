// Finds the files in a repository that look like prompt templates, by the names and folders people use
// for them. Detection only proposes: the user edits the starter config, so a miss costs one line there.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';

/** The places prompts live, as globs relative to the repository (shown in the "none found" message). */
export const PROMPT_PATTERNS = [
  'prompts/**/*.{txt,md,json,j2,jinja,jinja2,njk,tmpl,prompt}',
  '**/*.prompt',
  '**/*.prompt.md',
  '**/*.prompt.txt',
  '**/prompts/*.{txt,md,json}',
  'templates/**/*.{txt,md,j2,njk}',
] as const;

/** Folders that hold installed, generated or tool state rather than the project's own prompts. */
const SKIPPED_FOLDERS = new Set([
  'node_modules',
  'dist',
  'build',
  'coverage',
  'vendor',
  'venv',
  '__pycache__',
  'target',
  'out',
]);

/** Names that sit in a prompts folder without being a prompt. */
const NOT_PROMPTS = /^(readme|license|licence|changelog|contributing|package|package-lock|tsconfig)(\.[^/]*)?$/i;

/** More than this many detected prompts make a starter config nobody reads; the rest is named in a note. */
export const MAX_DETECTED_PROMPTS = 20;

export interface DetectedPrompts {
  /** Paths relative to the root, `/`-separated, sorted, at most MAX_DETECTED_PROMPTS. */
  files: string[];
  /** How many matched in all (more than `files.length` when capped). */
  total: number;
}

const matchesPromptPattern = picomatch([...PROMPT_PATTERNS], { nocase: true });

export async function detectPromptFiles(root: string, limit = MAX_DETECTED_PROMPTS): Promise<DetectedPrompts> {
  const found = (await listFiles(root, ''))
    .filter((file) => matchesPromptPattern(file) && !NOT_PROMPTS.test(path.posix.basename(file)))
    .sort();
  return { files: found.slice(0, limit), total: found.length };
}

/**
 * Every file under `dir`, as `/`-separated paths relative to the root. Hidden folders are skipped too: they
 * hold tool state (.venv, .next) or prompts for tools rather than the app (.github/prompts for Copilot).
 */
async function listFiles(root: string, dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(path.join(root, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    const relative = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      files.push(...(await listFiles(root, relative)));
    } else if (entry.isFile()) {
      files.push(relative);
    }
  }
  return files;
}
