// The test files a config's `tests` may name (promptfoo's forms): YAML/JSON lists, JSONL (one test a line),
// CSV (csv.ts), Excel sheets (xlsx.ts, rows read as CSV rows are), globs of them, `- path: file://…` entries and test generator scripts (test-scripts.ts);
// promptfoo's remote sources are refused by name. Each test comes back with where it was written, for located errors.
import path from 'node:path';
import { testsFromCsv, testsFromTable, type CsvTest } from './csv.js';
import { expandFileRef, isFileRef, isGlob, readText, scriptPath } from './files.js';
import { posixRelative } from '../paths.js';
import { locatedError, SourceFile, type KeyPath, type Locator } from './source.js';
import type { TestContext } from './tests.js';
import { GENERATOR_EXTENSIONS, testsFromScript } from './test-scripts.js';
import { isWorkbookReference, readSheet, splitSheet, WORKBOOK_FILE } from './xlsx.js';

/** A raw test and where it was written. */
export interface WrittenTest {
  value: unknown;
  locator: Locator;
  at: KeyPath;
  /** The directory of the file it was read from (its `vars: file://…` resolve there, as in promptfoo). */
  dir?: string;
}

export const EXPECTED_TESTS = 'expected a list of tests, or file://tests.yaml|json|csv';

/** Why a string is not a tests reference promptgate reads: promptfoo's remote sources are named as such. */
export function notATestsFile(entry: string): string {
  if (/^huggingface:\/\//.test(entry)) {
    return `${entry}: promptfoo's Hugging Face datasets are fetched over the network, which promptgate does not do (a gate must not depend on a download): export the rows to a CSV, JSONL or YAML file, commit it and point tests at it`;
  }
  if (/^https?:\/\//.test(entry)) {
    return `${entry}: tests fetched from a URL (e.g. a Google Sheet) need the network, which promptgate does not use: export them to a CSV file, commit it and point tests at it`;
  }
  return `${EXPECTED_TESTS}; a string entry must start with file://`;
}

/**
 * promptfoo's `- path: file://tests.csv` entry: the same as the bare reference; with `config:`, the argument
 * of a test generator script.
 */
export function isPathEntry(entry: unknown): entry is { path: string; config?: unknown } {
  if (entry === null || typeof entry !== 'object') return false;
  const keys = Object.keys(entry);
  return (
    keys.includes('path') &&
    keys.every((k) => k === 'path' || k === 'config') &&
    isFileRef((entry as Record<string, unknown>).path)
  );
}

/** `config` is a `- path:` entry's, handed to a test generator script (`at` then points at `path`). */
export async function testsFromFiles(
  reference: string,
  locator: Locator,
  at: KeyPath,
  ctx: TestContext,
  config?: unknown,
): Promise<WrittenTest[]> {
  const written: WrittenTest[] = [];
  const generator = GENERATOR_EXTENSIONS.test(scriptPath(reference));
  if (
    config !== undefined &&
    (generator ? config === null || typeof config !== 'object' || Array.isArray(config) : true)
  ) {
    throw locatedError(
      locator,
      [...at.slice(0, -1), 'config'],
      generator
        ? 'expected a map: the argument of the test generator'
        : `a config is the argument of a test generator script (.js/.py), not of ${reference}`,
    );
  }
  if (generator) return testsFromScript(reference, config as Record<string, unknown> | undefined, locator, at, ctx);
  if (isWorkbookReference(reference)) {
    // promptfoo opens a workbook reference as one file (`#` names its sheet), never as a glob.
    const { file, sheet } = splitSheet(reference);
    if (isGlob(file)) {
      throw locatedError(
        locator,
        at,
        `${reference}: promptfoo reads a workbook reference as one file, not a glob (it would look for a file of that very name): list each workbook in tests (- file://a.xlsx, - file://b.xlsx)`,
      );
    }
    const [abs] = await expandFileRef(file, ctx.scope, locator, at);
    ctx.files.add(abs!);
    const table = await readSheet(abs!, sheet, ctx.display(abs!), locator, at);
    return rowTests(testsFromTable(table), table.file, abs!);
  }
  for (const abs of await expandFileRef(reference, ctx.scope, locator, at)) {
    ctx.files.add(abs);
    if (WORKBOOK_FILE.test(abs)) {
      // A workbook a glob matched: its first sheet, as promptfoo reads it.
      const table = await readSheet(abs, undefined, ctx.display(abs), locator, at);
      written.push(...rowTests(testsFromTable(table), table.file, abs));
      continue;
    }
    const content = await readText(abs, ctx.scope, locator, at, isGlob(reference) ? reference : undefined);
    const shown = ctx.display(abs);
    const ext = path.extname(abs).toLowerCase();
    if (ext === '.csv') {
      written.push(...rowTests(testsFromCsv(content, shown), shown, abs));
    } else if (ext === '.jsonl') {
      // promptfoo: one test per line of JSON.
      for (const [i, line] of content.split(/\r?\n/).entries()) {
        if (line.trim() === '') continue;
        const lineLocator: Locator = { displayPath: shown, locate: () => ({ file: shown, line: i + 1, column: 1 }) };
        let item: unknown;
        try {
          item = JSON.parse(line);
        } catch (err) {
          throw locatedError(lineLocator, [], `invalid JSON: ${(err as Error).message}`);
        }
        if (item === null || typeof item !== 'object' || Array.isArray(item)) {
          throw locatedError(lineLocator, [], 'expected a test (a JSON object with vars and assert) on each line');
        }
        written.push({ value: item, locator: lineLocator, at: [], dir: path.dirname(abs) });
      }
    } else if (ext === '.yaml' || ext === '.yml' || ext === '.json') {
      const source = SourceFile.parse(content, shown);
      const value = source.toJS();
      const items = Array.isArray(value) ? value : [value];
      if (
        items.length === 0 ||
        items.some((item) => item === null || typeof item !== 'object' || Array.isArray(item))
      ) {
        throw locatedError(source, [], 'expected a list of tests (objects with vars and assert)');
      }
      items.forEach((item, i) =>
        written.push({ value: item, locator: source, at: Array.isArray(value) ? [i] : [], dir: path.dirname(abs) }),
      );
    } else {
      throw locatedError(
        locator,
        at,
        `${posixRelative(ctx.scope.rootDir, abs)}: unsupported test file type; expected .yaml, .yml, .json, .jsonl, .csv or .xlsx (huggingface:// datasets are not supported: export them to one of these)`,
      );
    }
  }
  return written;
}

/** A CSV file's or a sheet's rows as written tests, each located at its row (`shown` names the file or sheet). */
function rowTests(rows: CsvTest[], shown: string, abs: string): WrittenTest[] {
  return rows.map(({ line, ...value }) => ({
    value,
    locator: { displayPath: shown, locate: () => ({ file: shown, line, column: 1 }) },
    at: [],
    dir: path.dirname(abs),
  }));
}
