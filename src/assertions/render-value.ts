// Resolves what an assertion compares against, as promptfoo does before any handler runs: string values
// are nunjucks templates over the test's vars; `file://` values are read (.json/.yaml/.yml parsed,
// .txt trimmed) or, for .js/.mjs and .py, called with (output, context) and their return value used.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileTemplate } from '../prompts/render.js';
import { parse as parseYaml } from 'yaml';
import { MalformedAssertionError } from './handler.js';
import { runPython } from './python.js';
import { isJavascriptFile } from '../modules/import.js';
import { loadScriptFunction, parseScriptReference } from './script.js';

/** Renders a template string with vars (the prompts' environment: no `env` global, templates compiled once). */
export function renderTemplate(source: string, vars: Record<string, unknown>): string {
  return compileTemplate(source)?.render(vars) ?? source;
}

export interface ResolvedValue {
  value: unknown;
  valueFromScript: unknown;
}

/** Types whose handlers interpret a script's return value themselves (a verdict, not an expected value). */
const SCRIPT_RESULT_TYPES = new Set(['javascript', 'python']);

export function resolveAssertionValue(
  raw: unknown,
  baseType: string,
  vars: Record<string, unknown>,
  rootDir: string,
  callArgs: [output: unknown, context: unknown],
): ResolvedValue | Promise<ResolvedValue> {
  if (Array.isArray(raw)) {
    const items = raw.map((item) =>
      typeof item !== 'string'
        ? item
        : item.startsWith('file://')
          ? readDataFile(item, rootDir)
          : renderTemplate(item, vars),
    );
    return { value: items, valueFromScript: undefined };
  }
  if (typeof raw !== 'string') return { value: raw, valueFromScript: undefined };
  if (!raw.startsWith('file://')) return { value: renderTemplate(raw, vars), valueFromScript: undefined };

  const { file, functionName } = parseScriptReference(raw, rootDir);
  const isPython = file.endsWith('.py');
  if (!isJavascriptFile(file) && !isPython) return { value: readDataFile(raw, rootDir), valueFromScript: undefined };
  // Only a script is awaited: every other value (nearly all of them) is known without a promise.
  return valueOfScript(raw, file, functionName, isPython, baseType, callArgs);
}

async function valueOfScript(
  raw: string,
  file: string,
  functionName: string | undefined,
  isPython: boolean,
  baseType: string,
  callArgs: [output: unknown, context: unknown],
): Promise<ResolvedValue> {
  // A throwing file script is an error of the case in promptfoo (it runs outside the handler).
  const fromScript = isPython
    ? await runPython(file, functionName ?? 'get_assert', callArgs)
    : await (
        await loadScriptFunction(file, functionName)
      )(...callArgs);
  if (fromScript !== undefined && !SCRIPT_RESULT_TYPES.has(baseType)) {
    if (typeof fromScript === 'function' || typeof fromScript === 'boolean') {
      throw new MalformedAssertionError(
        `the script for a "${baseType}" assertion returned a ${typeof fromScript}; only javascript assertions may; return the expected value instead`,
      );
    }
    if (fromScript && typeof fromScript === 'object' && !Array.isArray(fromScript) && 'pass' in fromScript) {
      throw new MalformedAssertionError(
        `the script for a "${baseType}" assertion returned a GradingResult; only javascript assertions may; return the expected value instead`,
      );
    }
    return { value: fromScript, valueFromScript: fromScript };
  }
  return { value: raw, valueFromScript: fromScript };
}

function readDataFile(ref: string, rootDir: string): unknown {
  const file = path.resolve(rootDir, ref.slice('file://'.length));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new MalformedAssertionError(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const ext = path.extname(file);
  if (ext === '.json' || ext === '.yaml' || ext === '.yml') return parseYaml(text);
  if (ext === '.txt') return text.trim();
  throw new MalformedAssertionError(
    `unsupported file type ${ext || '(none)'} for ${ref}: expected .json, .yaml, .yml, .txt, .js, .mjs or .py`,
  );
}
