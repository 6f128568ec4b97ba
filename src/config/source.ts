// A YAML (or JSON) file parsed with its source positions, so that every complaint about a value can say
// where it was written: `file:line:col`, the key path (`tests[2].assert[0].type`) and what was expected.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../errors.js';
import type { SourceLocation } from '../types.js';

export type KeyPath = ReadonlyArray<string | number>;

/** `['tests', 2, 'assert', 0, 'type']` → `tests[2].assert[0].type`. */
export function formatKeyPath(keyPath: KeyPath): string {
  let out = '';
  for (const segment of keyPath) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** What a value is, for "got ..." in a message: `a number (3)`, `a list`, `a map`, `a string`. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'number' || typeof value === 'boolean') return `a ${typeof value} (${String(value)})`;
  return `a ${typeof value}`;
}

/** Where an error about a value should point. A YAML file knows line and column; others only the file. */
export interface Locator {
  readonly displayPath: string;
  locate(keyPath: KeyPath): SourceLocation | { file: string };
}

/** Errors of a file without positions (e.g. prompt entries handed over without their YAML document). */
export function fileLocator(displayPath: string): Locator {
  return { displayPath, locate: () => ({ file: displayPath }) };
}

/** A ConfigError at the node `keyPath` names (or its deepest existing ancestor), with the key path in the message. */
export function locatedError(locator: Locator, keyPath: KeyPath, detail: string): ConfigError {
  const key = formatKeyPath(keyPath);
  return new ConfigError(locator.locate(keyPath), detail, key || undefined);
}

/** Drops yaml's code frame: the location is already in front of the message. */
function yamlErrorDetail(message: string): string {
  return message.replace(/ at line \d+, column \d+:[\s\S]*$/, '').trim();
}

/**
 * YAML reads JSON too leniently (a trailing comma, a comment and a single-quoted string all parse), so a
 * `.json` file is first checked with JSON.parse: a file that promptfoo or any other tool would reject is
 * rejected here, at its line and column.
 */
export function checkJsonSyntax(text: string, displayPath: string): void {
  try {
    JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const position = /at position (\d+)/.exec(message)?.[1];
    const offset =
      position !== undefined ? Number(position) : /end of JSON input/.test(message) ? text.length : undefined;
    // V8's "Unexpected token 'x', "<the whole text>" is not valid JSON" quotes the text: keep the token only.
    let detail = message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
    // What these two usually mean: a trailing comma, a comment or a single-quoted string.
    if (/double-quoted property name|Unexpected token/.test(detail)) {
      detail +=
        '; JSON allows no trailing commas, comments or single quotes (YAML does: rename the file .yaml to use them)';
    }
    if (offset === undefined) throw new ConfigError({ file: displayPath }, `invalid JSON: ${detail}`);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    throw new ConfigError(
      { file: displayPath, line, column: offset - before.lastIndexOf('\n') },
      `invalid JSON: ${detail}`,
    );
  }
}

export class SourceFile implements Locator {
  private constructor(
    readonly displayPath: string,
    private readonly text: string,
    /** The data, when the text was plain JSON (parsed without building a YAML document). */
    private readonly json: { value: unknown } | undefined,
    private parsed: { doc: Document.Parsed; lines: LineCounter } | undefined,
  ) {}

  /**
   * Parses YAML (JSON is YAML); a syntax error becomes a ConfigError at its line and column. A `.json` file
   * must also be strict JSON. Text that is plain JSON (a generated suite of 10,000 tests, a tests.json) is
   * read with JSON.parse: a YAML document with positions costs ~100 bytes a node, so it is only built when
   * an error needs a line and column.
   */
  static parse(text: string, displayPath: string): SourceFile {
    const isJsonFile = /\.json$/i.test(displayPath);
    if (isJsonFile || /^\s*[[{]/.test(text)) {
      try {
        return new SourceFile(displayPath, text, { value: JSON.parse(text) }, undefined);
      } catch {
        if (isJsonFile) checkJsonSyntax(text, displayPath);
        // Not JSON after all (YAML flow style): read it as YAML below.
      }
    }
    return new SourceFile(displayPath, text, undefined, parseYaml(text, displayPath));
  }

  /** The document as plain data. */
  toJS(): unknown {
    if (this.json) return this.json.value;
    return this.document().doc.toJS({ maxAliasCount: 1000 });
  }

  private document(): { doc: Document.Parsed; lines: LineCounter } {
    this.parsed ??= parseYaml(this.text, this.displayPath);
    return this.parsed;
  }

  /** Position of the value at `keyPath`, else of its deepest existing ancestor (a missing key points at its map). */
  locate(keyPath: KeyPath): SourceLocation {
    const { doc, lines } = this.document();
    let node: unknown = doc.contents;
    let offset = rangeStart(node) ?? 0;
    for (const segment of keyPath) {
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(segment));
        // `type:` with nothing after it has no value node: point at the key.
        next = pair ? (pair.value ?? pair.key) : undefined;
      } else if (isSeq(node) && typeof segment === 'number') {
        next = node.items[segment];
      }
      const start = rangeStart(next);
      if (start === undefined) break;
      node = next;
      offset = start;
    }
    const { line, col } = lines.linePos(offset);
    return { file: this.displayPath, line, column: col };
  }

  /** Validates `value` (found at `keyPath` in this file) with a zod schema; the first issue is thrown, located. */
  check<T extends z.ZodType>(schema: T, value: unknown, keyPath: KeyPath): z.output<T> {
    return checkWith(this, schema, value, keyPath);
  }
}

/** zod's messages start with "Invalid input: expected string, received number"; keep the teaching part. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown key "${issue.keys[0]}"`;
  const message = issue.message.replace(/^Invalid input: /, '');
  if (issue.code === 'invalid_type' && /received undefined$/.test(message)) {
    return `is required: ${message.replace(/, received undefined$/, '')}`;
  }
  return message;
}

export function checkWith<T extends z.ZodType>(
  locator: Locator,
  schema: T,
  value: unknown,
  keyPath: KeyPath,
): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const at = [...keyPath, ...(issue.path as Array<string | number>)];
  // An unknown key is reported at the key itself, not at its map.
  if (issue.code === 'unrecognized_keys') at.push(issue.keys[0]);
  throw locatedError(locator, at, describeIssue(issue));
}

function parseYaml(text: string, displayPath: string): { doc: Document.Parsed; lines: LineCounter } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true, merge: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    throw new ConfigError(
      { file: displayPath, line: pos?.line, column: pos?.col },
      `invalid YAML: ${yamlErrorDetail(first.message)}`,
    );
  }
  return { doc, lines };
}

function rangeStart(node: unknown): number | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: [number, number, number] | null }).range;
    return range ? range[0] : undefined;
  }
  return undefined;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}
