// Resolves a config's `prompts` entries into Prompt templates, as promptfoo reads them: inline strings,
// `file://` .txt files (split into several prompts on lines of `---`, each trimmed), .md/.j2 files whole, JSON chat-message files, globs, the
// `{id, label, raw}` object form, the `{ 'file://x.txt': 'label' }` map form, and prompt functions
// (`file://prompt.js[:fn]`, `file://prompt.py:fn`: code that builds the prompt, run by src/prompts/functions.ts).
//
// Ids are what pairs a head prompt with its base version, so they depend only on what is written:
// an explicit `id`, else `file://<path relative to the config dir>` (plus `:<n>`, counting from 1, when
// one file holds several prompts), else the raw text. Labels default to the path, never the content.
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Prompt, PromptFunction } from '../types.js';
import {
  expandFileRef,
  FILE_PREFIX,
  isFileRef,
  isGlob,
  parseFileReference,
  readText,
  scriptPath,
  type FileScope,
} from './files.js';
import { JAVASCRIPT_EXTENSIONS } from '../modules/import.js';
import { posixRelative } from '../paths.js';
import { checkKeys } from './keys.js';
import { PromptObjectSchema } from './schema.js';
import {
  checkJsonSyntax,
  checkWith,
  fileLocator,
  formatKeyPath,
  locatedError,
  type KeyPath,
  type Locator,
} from './source.js';

export interface ResolvedPrompts {
  prompts: Prompt[];
  /** Absolute paths of the prompt files read. */
  files: string[];
  /** The `file://` globs the entries wrote, without the prefix (relative to `rootDir`): a new file they match is a prompt. */
  globs: string[];
}

export interface ResolvePromptsOptions {
  /** Where errors point; default: the config file without positions. */
  locator?: Locator;
  /** Default: rootDir. */
  projectRoot?: string;
  /** Key path of `entries` in the config; default `['prompts']`. */
  keyPath?: KeyPath;
  /**
   * False when the files are a pull request's on an untrusted event: its prompt functions are read as text
   * (a changed one is a changed prompt) but marked refused, so that they never run. Default true.
   */
  runsCode?: boolean;
}

/** One written entry, before its files are read. */
interface PromptEntry {
  at: KeyPath;
  /** Inline template, or a `file://` reference. */
  source: string;
  id?: string;
  label?: string;
  config?: Record<string, unknown>;
}

const SCRIPT_EXTENSIONS: ReadonlySet<string> = new Set([...JAVASCRIPT_EXTENSIONS, '.py']);

/**
 * Resolves `entries` (the raw `prompts` value of a config) against `rootDir`. The lead re-resolves the
 * same entries against the base revision's files, so this takes plain data, not a loaded suite.
 */
export async function resolvePrompts(
  entries: unknown,
  rootDir: string,
  configFile: string,
  options: ResolvePromptsOptions = {},
): Promise<ResolvedPrompts> {
  const locator = options.locator ?? fileLocator(configFile);
  const scope: FileScope = { rootDir, projectRoot: options.projectRoot ?? rootDir };
  const keyPath = options.keyPath ?? ['prompts'];
  const written = listEntries(entries, locator, keyPath);

  const prompts: Prompt[] = [];
  const files: string[] = [];
  const globs: string[] = [];
  const firstUse = new Map<string, KeyPath>();
  const labels = new Set<string>();
  for (const entry of written) {
    if (isFileRef(entry.source) && isGlob(entry.source)) globs.push(entry.source.slice(FILE_PREFIX.length));
    const resolved: Prompt[] = isFileRef(entry.source)
      ? await promptsFromFiles(entry, scope, locator, files, options.runsCode ?? true)
      : [{ id: entry.id ?? entry.source, label: entry.label ?? entry.id ?? entry.source, raw: entry.source }];
    for (const prompt of resolved) {
      if (entry.config) prompt.config = entry.config;
      const earlier = firstUse.get(prompt.id);
      // promptfoo runs one prompt twice under two labels (e.g. with two configs): the later one's id then
      // takes its label, so that each still pairs with its base version by what is written.
      if (earlier && !labels.has(prompt.label) && !firstUse.has(`${prompt.id}#${prompt.label}`)) {
        prompt.id = `${prompt.id}#${prompt.label}`;
      } else if (earlier) {
        throw locatedError(
          locator,
          entry.at,
          `duplicate prompt "${truncate(prompt.id)}" with the label "${truncate(prompt.label)}" (also ${formatKeyPath(earlier)}${lineOf(locator, earlier)}); give one of them a distinct label or id`,
        );
      }
      firstUse.set(prompt.id, entry.at);
      labels.add(prompt.label);
      prompts.push(prompt);
    }
  }
  return { prompts, files, globs };
}

function listEntries(entries: unknown, locator: Locator, keyPath: KeyPath): PromptEntry[] {
  const expected = 'expected a list of prompts (strings, file://paths or {id, label, raw} objects)';
  if (entries === undefined || entries === null) throw locatedError(locator, keyPath, `is required: ${expected}`);
  if (typeof entries === 'string') return [{ at: keyPath, source: entries }];
  if (Array.isArray(entries)) {
    if (entries.length === 0) throw locatedError(locator, keyPath, `is empty: ${expected}`);
    return entries.map((item, i) => entryOf(item, [...keyPath, i], locator));
  }
  if (typeof entries === 'object') {
    // promptfoo's map form: `{ 'file://a.txt': 'Label A' }`.
    const pairs = Object.entries(entries as Record<string, unknown>);
    if (pairs.length === 0) throw locatedError(locator, keyPath, `is empty: ${expected}`);
    return pairs.map(([source, label]) => {
      if (typeof label !== 'string')
        throw locatedError(locator, [...keyPath, source], 'expected a label (a string) for this prompt');
      return { at: [...keyPath, source], source, label };
    });
  }
  throw locatedError(locator, keyPath, expected);
}

function entryOf(item: unknown, at: KeyPath, locator: Locator): PromptEntry {
  if (typeof item === 'string') return { at, source: item };
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    throw locatedError(locator, at, 'expected a prompt string, a file://path or an object {id, label, raw}');
  }
  checkKeys(item, 'prompt', locator, at);
  const object = checkWith(locator, PromptObjectSchema, item, at);
  // promptfoo reads `{id: 'file://x.txt'}` (no raw) as the file, and `{id: 'text'}` as an inline prompt.
  const source = object.raw ?? object.id;
  if (source === undefined) throw locatedError(locator, at, 'expected `raw` (the template) or `id` (a file://path)');
  const explicitId = object.raw !== undefined || !isFileRef(object.id) ? object.id : undefined;
  return { at, source, id: explicitId, label: object.label, ...(object.config ? { config: object.config } : {}) };
}

async function promptsFromFiles(
  entry: PromptEntry,
  scope: FileScope,
  locator: Locator,
  files: string[],
  runsCode: boolean,
): Promise<Prompt[]> {
  const at = entry.at;
  if (SCRIPT_EXTENSIONS.has(path.extname(scriptPath(entry.source)).toLowerCase())) {
    return [await promptFunction(entry, scope, locator, files, runsCode)];
  }
  const parts: Array<{ raw: string; file: string }> = [];
  for (const abs of await expandFileRef(entry.source, scope, locator, at)) {
    files.push(abs);
    const file = posixRelative(scope.rootDir, abs);
    const matchedBy = isGlob(entry.source) ? entry.source : undefined;
    for (const raw of await promptsInFile(abs, file, scope, locator, at, matchedBy)) parts.push({ raw, file });
  }
  // `file://<path>:<n>` numbers the prompts within one file (from 1); an explicit id numbers the entry's.
  const several = parts.length > 1;
  const perFile = new Map<string, number>();
  for (const part of parts) perFile.set(part.file, (perFile.get(part.file) ?? 0) + 1);
  const seen = new Map<string, number>();
  return parts.map((part, i) => {
    const n = (seen.get(part.file) ?? 0) + 1;
    seen.set(part.file, n);
    const fileKey = (perFile.get(part.file) ?? 0) > 1 ? `${part.file}:${n}` : part.file;
    const suffix = several ? `:${i + 1}` : '';
    return {
      id: entry.id !== undefined ? `${entry.id}${suffix}` : `${FILE_PREFIX}${fileKey}`,
      label: entry.label !== undefined ? `${entry.label}${suffix}` : fileKey,
      raw: part.raw,
      file: part.file,
    };
  });
}

/**
 * A `file://prompt.js[:fn]` or `file://prompt.py:fn` entry: one prompt whose text the function builds per
 * case. Its raw text is the script's source, so that pairing and change detection see an edited script.
 */
async function promptFunction(
  entry: PromptEntry,
  scope: FileScope,
  locator: Locator,
  files: string[],
  runsCode: boolean,
): Promise<Prompt> {
  const { functionName } = parseFileReference(entry.source);
  const ext = path.extname(scriptPath(entry.source)).toLowerCase();
  if (isGlob(scriptPath(entry.source)))
    throw locatedError(locator, entry.at, `${entry.source}: a prompt function must name one file, not a glob`);
  const language = ext === '.py' ? 'python' : 'javascript';
  if (language === 'python' && functionName === undefined)
    throw locatedError(
      locator,
      entry.at,
      `${entry.source}: name the function that builds the prompt (file://${scriptPath(entry.source)}:function_name); promptfoo's legacy form that runs the whole script and reads its printed output is not supported`,
    );
  const [abs] = await expandFileRef(FILE_PREFIX + scriptPath(entry.source), scope, locator, entry.at);
  files.push(abs);
  const file = posixRelative(scope.rootDir, abs);
  const key = functionName === undefined ? file : `${file}:${functionName}`;
  const fn: PromptFunction = { file: abs, language };
  if (functionName !== undefined) fn.functionName = functionName;
  if (!runsCode)
    fn.refused = `prompt function ${key} is the pull request's code, which does not run on untrusted events; only its text is compared`;
  return {
    id: entry.id ?? `${FILE_PREFIX}${key}`,
    label: entry.label ?? key,
    raw: await readText(abs, scope, locator, entry.at),
    file,
    function: fn,
  };
}

/** The templates one file holds. */
async function promptsInFile(
  abs: string,
  shown: string,
  scope: FileScope,
  locator: Locator,
  at: KeyPath,
  matchedBy?: string,
): Promise<string[]> {
  const ext = path.extname(abs).toLowerCase();
  if (SCRIPT_EXTENSIONS.has(ext)) {
    throw locatedError(
      locator,
      at,
      `${shown}: prompt functions are not supported; expected a text, markdown, JSON or YAML prompt file`,
    );
  }
  const content = await readText(abs, scope, locator, at, matchedBy);
  switch (ext) {
    case '.json':
      // Kept as its JSON text: the renderer renders each message's content. A file that is JSON only once
      // rendered (`{{ x | dump }}` as a value, `{% for %}` over messages) is a template, as in promptfoo;
      // any other syntax error points into the file.
      if (!/\{[{%]/.test(content)) {
        checkJsonSyntax(content, path.posix.join(path.posix.dirname(locator.displayPath), shown));
      }
      return [content];
    case '.jsonl':
      return content
        .split(/\r?\n/)
        .map((line, i) => ({ line, n: i + 1 }))
        .filter(({ line }) => line.trim() !== '')
        .map(({ line, n }) => (parseOrFail(() => JSON.parse(line), `${shown}:${n}`, locator, at), line));
    case '.yaml':
    case '.yml':
      // promptfoo reads a YAML prompt file as chat messages and sends them as JSON.
      return [JSON.stringify(parseOrFail(() => parseYaml(content) as unknown, shown, locator, at))];
    case '.txt': {
      // promptfoo's processTxtFile: a line that is `---` (spaces around allowed) separates prompts, and each
      // prompt is trimmed; empty ones are dropped.
      const prompts: string[] = [];
      let buffer: string[] = [];
      const flush = () => {
        const raw = buffer.join('\n').trim();
        if (raw !== '') prompts.push(raw);
        buffer = [];
      };
      for (const line of content.split(/\r?\n/)) {
        if (line.trim() === '---') flush();
        else buffer.push(line);
      }
      flush();
      if (prompts.length === 0) throw locatedError(locator, at, `${shown} is empty; expected a prompt template`);
      return prompts;
    }
    default:
      // promptfoo reads .md and .j2 files whole, untrimmed (and other extensions not at all: here, whole too).
      if (content.trim() === '') throw locatedError(locator, at, `${shown} is empty; expected a prompt template`);
      return [content];
  }
}

function parseOrFail<T>(parse: () => T, shown: string, locator: Locator, at: KeyPath): T {
  try {
    return parse();
  } catch (err) {
    throw locatedError(locator, at, `${shown} could not be parsed: ${(err as Error).message}`);
  }
}

/** `, line 2` when the locator knows where `at` was written. */
function lineOf(locator: Locator, at: KeyPath): string {
  const location = locator.locate(at);
  return 'line' in location ? `, line ${location.line}` : '';
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
