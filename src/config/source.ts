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

export class SourceFile implements Locator {
  private constructor(
    readonly displayPath: string,
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  /** Parses YAML (JSON is YAML); a syntax error becomes a ConfigError at its line and column. */
  static parse(text: string, displayPath: string): SourceFile {
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
    return new SourceFile(displayPath, doc, lines);
  }

  /** The document as plain data. */
  toJS(): unknown {
    return this.doc.toJS({ maxAliasCount: 1000 });
  }

  /** Position of the value at `keyPath`, else of its deepest existing ancestor (a missing key points at its map). */
  locate(keyPath: KeyPath): SourceLocation {
    let node: unknown = this.doc.contents;
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
    const { line, col } = this.lines.linePos(offset);
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
  const issue = result.error.issues[0]!;
  const at = [...keyPath, ...(issue.path as Array<string | number>)];
  // An unknown key is reported at the key itself, not at its map.
  if (issue.code === 'unrecognized_keys') at.push(issue.keys[0]!);
  throw locatedError(locator, at, describeIssue(issue));
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
