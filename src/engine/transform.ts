// test.options.transform, with promptfoo's semantics: an inline JavaScript expression (or, when it spans
// lines or starts with `return`, a function body) over `output` and `context`, or `file://path.js[:fn]`.
import { access } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, messageOf } from '../errors.js';
import type { Prompt } from '../types.js';

export interface TransformContext {
  vars: Record<string, unknown>;
  prompt: Pick<Prompt, 'id' | 'label' | 'raw'>;
}

export type TransformFn = (output: unknown, context: TransformContext) => unknown;

/**
 * Compiles and caches transforms: a suite has a handful of distinct ones and 10,000 cases, so each is
 * compiled (or imported) once. A failure to compile is cached too, and reported for every case using it.
 */
export class TransformCache {
  private readonly compiled = new Map<string, Promise<TransformFn>>();

  constructor(private readonly rootDir: string) {}

  async apply(code: string, output: unknown, context: TransformContext): Promise<unknown> {
    let fn = this.compiled.get(code);
    if (!fn) {
      fn = compileTransform(code, this.rootDir);
      fn.catch(() => {});
      this.compiled.set(code, fn);
    }
    const result = await (await fn)(output, context);
    // promptfoo treats a transform that returns nothing as a mistake (a body without `return`).
    if (result === undefined || result === null) {
      throw new Error(`transform returned ${String(result)}; a multi-line transform needs a \`return\``);
    }
    return result;
  }
}

export async function compileTransform(code: string, rootDir: string): Promise<TransformFn> {
  if (code.startsWith('file://')) return importTransform(code.slice('file://'.length), rootDir);
  const trimmed = code.trim();
  const isBody = trimmed.includes('\n') || /^return\b/.test(trimmed);
  try {
    return new Function('output', 'context', isBody ? trimmed : `return (${trimmed});`) as TransformFn;
  } catch (error) {
    throw new Error(`options.transform is not valid JavaScript (${messageOf(error)}): ${trimmed}`, { cause: error });
  }
}

/** `path.js` or `path.js:functionName`, relative to the suite's directory. */
async function importTransform(reference: string, rootDir: string): Promise<TransformFn> {
  const match = /^(.*\.(?:m?js|cjs))(?::([\w$]+))?$/.exec(reference);
  if (!match) {
    throw new ConfigError(
      { file: path.resolve(rootDir, reference) },
      'expected a JavaScript file (.js, .mjs or .cjs), optionally followed by `:functionName`',
      'options.transform',
    );
  }
  const file = path.resolve(rootDir, match[1]!);
  const functionName = match[2];
  try {
    await access(file);
  } catch {
    throw new ConfigError({ file }, 'transform file not found', 'options.transform');
  }
  const loaded = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const candidate = functionName
    ? (loaded[functionName] ?? (loaded.default as Record<string, unknown> | undefined)?.[functionName])
    : typeof loaded.default === 'function'
      ? loaded.default
      : loaded.transform;
  if (typeof candidate !== 'function') {
    const wanted = functionName ? `a function named \`${functionName}\`` : 'a default export that is a function';
    throw new ConfigError({ file }, `expected ${wanted}`, 'options.transform');
  }
  return candidate as TransformFn;
}
