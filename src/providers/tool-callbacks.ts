// promptfoo's `functionToolCallbacks`: a map from a function tool's name to JavaScript that runs it — a
// `file://x.js:fn` reference or inline source (`async (args) => …`, `function (args) { … }`). The callback gets
// the call's arguments as the model wrote them (a JSON string) and returns the tool's result; a result that is
// not a string is sent as JSON. Like the http provider's transforms, this is code from the suite's config: on
// untrusted events only the base revision's config (and so its code) runs.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { loadScriptFunction, parseScriptReference } from '../assertions/script.js';

export type ToolCallback = (args: string, context?: unknown) => unknown;
export type ToolCallbacks = ReadonlyMap<string, ToolCallback>;

/** Compiles every callback once, when the suite loads, so a typo is a located config error, not a failed call. */
export async function loadToolCallbacks(value: unknown, rootDir: string): Promise<ToolCallbacks | undefined> {
  if (value === undefined) return undefined;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(
      'config.functionToolCallbacks: expected a map from function name to JavaScript (or file://x.js:fn)',
    );
  }
  const callbacks = new Map<string, ToolCallback>();
  for (const [name, source] of Object.entries(value as Record<string, unknown>)) {
    if (typeof source !== 'string' || source.trim() === '') {
      throw new Error(`config.functionToolCallbacks.${name}: expected JavaScript source or file://x.js:fn`);
    }
    if (source.startsWith('file://')) {
      const { file, functionName } = parseScriptReference(source, rootDir);
      callbacks.set(name, (await loadScriptFunction(file, functionName)) as ToolCallback);
      continue;
    }
    let compiled: unknown;
    try {
      compiled = new Function(`return (${source.trim()})`)();
    } catch (err) {
      throw new Error(`config.functionToolCallbacks.${name}: ${err instanceof Error ? err.message : String(err)}`, {
        cause: err,
      });
    }
    if (typeof compiled !== 'function') {
      throw new Error(`config.functionToolCallbacks.${name}: the source is not a function (got ${typeof compiled})`);
    }
    callbacks.set(name, compiled as ToolCallback);
  }
  return callbacks;
}

/** Runs one tool call's callback; its result as the string a tool message carries. Throws what the callback throws. */
export async function runToolCallback(callback: ToolCallback, args: unknown): Promise<string> {
  const result = await callback(typeof args === 'string' ? args : JSON.stringify(args ?? {}));
  if (result === undefined || result === null) return '';
  return typeof result === 'string' ? result : JSON.stringify(result);
}

/**
 * `tools: file://tools.json` (or .yaml) as promptfoo reads it, read once when the suite loads: the file's list, or
 * a list whose file:// entries each hold a tool or a list of tools.
 */
export async function loadToolsFile(value: unknown, rootDir: string): Promise<unknown> {
  if (Array.isArray(value)) {
    if (!value.some(isFileRef)) return value;
    const loaded = await Promise.all(value.map((item) => (isFileRef(item) ? readTools(item, rootDir, false) : item)));
    return loaded.flat();
  }
  return isFileRef(value) ? readTools(value, rootDir, true) : value;
}

const isFileRef = (value: unknown): value is string => typeof value === 'string' && value.startsWith('file://');

async function readTools(reference: string, rootDir: string, list: boolean): Promise<unknown> {
  const file = path.resolve(rootDir, reference.slice('file://'.length));
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new Error(`config.tools: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`, {
      cause: err,
    });
  }
  const tools: unknown = parse(text);
  if (list && !Array.isArray(tools)) throw new Error(`config.tools: ${file} does not hold a list of tools`);
  return tools;
}
