// Every file a suite reads goes through here: `file://` references resolve against the config's directory,
// may not escape the project root (not even through a symlink: a pull request could otherwise point a
// prompt at the runner's secrets), must exist, and must be UTF-8 text. Errors point at the referencing node.
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { posixRelative, WORK_DIR } from '../paths.js';
import { locatedError, type KeyPath, type Locator } from './source.js';

export interface FileScope {
  /** Directory `file://` paths resolve against (the config's directory). */
  rootDir: string;
  /** No referenced file may resolve outside this directory. */
  projectRoot: string;
}

export const FILE_PREFIX = 'file://';

export function isFileRef(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(FILE_PREFIX);
}

function isInside(dir: string, abs: string): boolean {
  const rel = path.relative(dir, abs);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

async function exists(abs: string): Promise<boolean> {
  try {
    await stat(abs);
    return true;
  } catch {
    return false;
  }
}

async function realRoot(scope: FileScope): Promise<string> {
  try {
    return await realpath(scope.projectRoot);
  } catch {
    return path.resolve(scope.projectRoot);
  }
}

/**
 * The absolute path of `relative` (as written after `file://`), checked: inside the project root both as
 * written and after resolving symlinks, and existing.
 */
export async function resolveInside(
  relative: string,
  scope: FileScope,
  locator: Locator,
  at: KeyPath,
): Promise<string> {
  const abs = path.resolve(scope.rootDir, relative);
  const root = path.resolve(scope.projectRoot);
  // The checkout's .git holds the token actions/checkout persisted (an `extraheader`): never data for a suite.
  if (isInside(root, abs) && path.relative(root, abs).split(path.sep).includes('.git')) {
    throw locatedError(
      locator,
      at,
      `file://${relative} is inside .git/, which holds the repository's credentials; suites may not read it`,
    );
  }
  if (!isInside(root, abs)) {
    throw locatedError(
      locator,
      at,
      `file://${relative} resolves to ${abs}, outside the project root ${root}; keep referenced files inside it`,
    );
  }
  if (!(await exists(abs))) {
    throw locatedError(locator, at, `file://${relative}: no such file (looked for ${abs})`);
  }
  const real = await realpath(abs);
  if (!isInside(await realRoot(scope), real)) {
    throw locatedError(
      locator,
      at,
      `file://${relative} is a symlink to ${real}, outside the project root ${root}; keep referenced files inside it`,
    );
  }
  return abs;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Where the first byte that is not UTF-8 sits (1-based line and column), for a message that says where. */
export function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number; byte: number } | undefined {
  // A lenient decode marks each bad sequence with U+FFFD; a U+FFFD written in the file (EF BF BD) is not one.
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  for (let i = lenient.indexOf('\uFFFD'); i >= 0; i = lenient.indexOf('\uFFFD', i + 1)) {
    const before = lenient.slice(0, i);
    const offset = Buffer.byteLength(before);
    if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) continue;
    const line = before.split('\n').length;
    return { line, column: i - before.lastIndexOf('\n'), byte: bytes[offset] };
  }
  return undefined;
}

/** `is not valid UTF-8 at line 1, column 4 (byte 0xE9)`: the part of the message after the file's name. */
export function notUtf8Detail(bytes: Uint8Array): string {
  const bad = firstInvalidUtf8(bytes);
  const where = bad
    ? ` at line ${bad.line}, column ${bad.column} (byte 0x${bad.byte.toString(16).toUpperCase().padStart(2, '0')})`
    : '';
  return `is not valid UTF-8${where}; save it as UTF-8 text`;
}

/**
 * Reads a text file; a binary or non-UTF-8 file is an error at the node that referenced it. `matchedBy`
 * names the glob that picked the file, so that the message can say which pattern to narrow.
 */
export async function readText(
  abs: string,
  scope: FileScope,
  locator: Locator,
  at: KeyPath,
  matchedBy?: string,
): Promise<string> {
  const bytes = await readFile(abs);
  const shown = posixRelative(scope.rootDir, abs);
  // NUL bytes decode as valid UTF-8 but mean a binary file (an image matched by a glob, say).
  if (bytes.subarray(0, 8000).includes(0)) {
    const glob = matchedBy ? ` (matched by ${matchedBy}; narrow the glob to text files, e.g. by extension)` : '';
    throw locatedError(locator, at, `${shown} is a binary file${glob}; expected UTF-8 text`);
  }
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw locatedError(locator, at, `${shown} ${notUtf8Detail(bytes)}`);
  }
}

export function isGlob(pattern: string): boolean {
  return picomatch.scan(pattern).isGlob;
}

/** Every file under `dir` (symlinked directories are not followed, which also avoids cycles). */
async function walk(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    // .promptgate holds review trees and caches, never a suite's files.
    if (entry.name === 'node_modules' || entry.name === '.git' || entry.name === WORK_DIR) continue;
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(abs)));
    else if (entry.isFile() || entry.isSymbolicLink()) files.push(abs);
  }
  return files;
}

/**
 * The files a `file://` reference names: one checked path, or for a glob every match, sorted so that
 * prompt and test order (and thus ids and indexes) never depends on the file system.
 */
export async function expandFileRef(
  reference: string,
  scope: FileScope,
  locator: Locator,
  at: KeyPath,
): Promise<string[]> {
  const relative = reference.startsWith(FILE_PREFIX) ? reference.slice(FILE_PREFIX.length) : reference;
  if (!isGlob(relative)) return [await resolveInside(relative, scope, locator, at)];
  const pattern = path.posix.normalize(relative.split(path.sep).join('/'));
  const base = picomatch.scan(pattern).base;
  const matches = picomatch(pattern, { dot: false });
  const found = (await walk(path.resolve(scope.rootDir, base)))
    .map((abs) => posixRelative(scope.rootDir, abs))
    .filter((rel) => matches(rel))
    .sort();
  if (found.length === 0) throw locatedError(locator, at, `file://${relative} matched no files under ${scope.rootDir}`);
  const checked: string[] = [];
  for (const rel of found) checked.push(await resolveInside(rel, scope, locator, at));
  return checked;
}

/**
 * The one parser of `file://path[:functionName]` references (promptfoo's form): `file://scripts.mjs:lengthScore`
 * names the function `lengthScore` of `scripts.mjs`. The function is the part after the last colon, when what
 * precedes it ends in a file extension and what follows is an identifier; otherwise the whole is the path.
 */
export function parseFileReference(reference: string): { path: string; functionName?: string } {
  const relative = reference.startsWith(FILE_PREFIX) ? reference.slice(FILE_PREFIX.length) : reference;
  const match = /^(.*\.[A-Za-z0-9]+):([A-Za-z_$][\w$]*)$/.exec(relative);
  return match ? { path: match[1], functionName: match[2] } : { path: relative };
}

/** `file://scripts.mjs:lengthScore` → `scripts.mjs` (see parseFileReference). */
export function scriptPath(reference: string): string {
  return parseFileReference(reference).path;
}
