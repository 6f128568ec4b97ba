// Custom JavaScript: the `javascript` assertion (inline expression, multi-line function body, or a
// function exported by a file://x.js|.mjs|.ts[:name] module), and the function loader every script shares. Semantics follow
// promptfoo: a boolean is the verdict, a number is a score (passing when > 0, or >= the assertion's
// threshold), an object is a GradingResult.
import path from 'node:path';
import { parseFileReference } from '../config/files.js';
import { importUserModule, promptfooDefault } from '../modules/import.js';
import type { GradingResult } from '../types.js';
import { invariant, MalformedAssertionError, type AssertionHandler } from './handler.js';

type ScriptFunction = (...args: unknown[]) => unknown;

/** `file://dir/x.js:fn` → absolute path and optional export name. */
export function parseScriptReference(ref: string, rootDir: string): { file: string; functionName?: string } {
  const { path: relative, functionName } = parseFileReference(ref);
  const file = path.resolve(rootDir, relative);
  return functionName === undefined ? { file } : { file, functionName };
}

const modules = new Map<string, Promise<Record<string, unknown>>>();

/**
 * Imports a script module once per run and gives what promptfoo's importModule(file, functionName) gives: the
 * module's default export (or the module itself), or its export named functionName — a function or any value.
 */
export async function loadScriptExport(file: string, functionName?: string): Promise<unknown> {
  let loading = modules.get(file);
  if (!loading) {
    loading = importUserModule(file).then((loaded) => loaded.namespace);
    modules.set(file, loading);
  }
  let namespace: Record<string, unknown>;
  try {
    namespace = await loading;
  } catch (err) {
    modules.delete(file);
    throw new MalformedAssertionError(`cannot load ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const mod = promptfooDefault(namespace) as Record<string, unknown>;
  return functionName ? (mod[functionName] ?? namespace[functionName]) : mod;
}

/** The function promptfoo would call: loadScriptExport's value, or its `default` when that is the function. */
export async function loadScriptFunction(file: string, functionName?: string): Promise<ScriptFunction> {
  const candidate = await loadScriptExport(file, functionName);
  const fn = typeof candidate === 'function' ? candidate : pick(candidate, 'default');
  if (typeof fn !== 'function') {
    throw new MalformedAssertionError(
      functionName
        ? `${file} has no exported function "${functionName}"`
        : `${file} must export a function or have a default export as a function`,
    );
  }
  return fn as ScriptFunction;
}

function pick(value: unknown, key: string): unknown {
  return value !== null && (typeof value === 'object' || typeof value === 'function')
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

// Inline code compiles once per distinct source; a syntax error is remembered and rethrown per call.
const inlineFunctions = new Map<string, ScriptFunction | Error>();
function compileInline(params: string[], body: string): ScriptFunction {
  const key = `${params.join(',')}\u0000${body}`;
  let compiled = inlineFunctions.get(key);
  if (compiled === undefined) {
    try {
      compiled = new Function(...params, body) as ScriptFunction;
    } catch (err) {
      compiled = err instanceof Error ? err : new Error(String(err));
    }
    inlineFunctions.set(key, compiled);
  }
  if (compiled instanceof Error) throw compiled;
  return compiled;
}

function isCharEscaped(code: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && code[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** The last `;` outside string and template literals, or -1. */
function findLastStatementSemicolon(code: string): number {
  let single = false;
  let double = false;
  let template = false;
  let last = -1;
  for (let i = 0; i < code.length; i++) {
    const char = code[i];
    if (!isCharEscaped(code, i)) {
      if (char === "'" && !double && !template) single = !single;
      else if (char === '"' && !single && !template) double = !double;
      else if (char === '`' && !single && !double) template = !template;
    }
    if (char === ';' && !single && !double && !template) last = i;
  }
  return last;
}

/**
 * A one-line assertion is an expression to return; `const x = ...; x > 1` returns its final expression.
 * Multi-line code is used as a function body verbatim (it must `return`).
 */
export function buildFunctionBody(code: string): string {
  const trimmed = code.trim().replace(/;+\s*$/, '');
  if (/^(const|let|var)\s/.test(trimmed)) {
    const lastSemi = findLastStatementSemicolon(trimmed);
    if (lastSemi !== -1) {
      const expression = trimmed.slice(lastSemi + 1).trim();
      if (expression) return `${trimmed.slice(0, lastSemi + 1)} return ${expression}`;
    }
    return trimmed;
  }
  return `return ${trimmed}`;
}

export function isGradingResult(value: unknown): value is GradingResult {
  const r = value as Record<string, unknown> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.pass === 'boolean' &&
    typeof r.score === 'number' &&
    typeof r.reason === 'string' &&
    (r.namedScores === undefined || typeof r.namedScores === 'object') &&
    (r.componentResults === undefined || Array.isArray(r.componentResults))
  );
}

async function validateResult(result: unknown): Promise<boolean | number | GradingResult> {
  const settled = await result;
  if (typeof settled === 'boolean' || typeof settled === 'number' || isGradingResult(settled)) return settled;
  throw new Error(
    `Custom function must return a boolean, number, or GradingResult object. Got type ${typeof settled}: ${JSON.stringify(settled)}`,
  );
}

function withSource(reason: string, source: string): string {
  return source ? `${reason}\n${source}` : reason;
}

/** promptfoo's normalizeScriptAssertionResult; `code` names what returned it ("Custom function", "Python code"). */
export function normalizeScriptResult(
  result: boolean | number | GradingResult,
  inverse: boolean,
  threshold: number | undefined,
  source: string,
  code = 'Custom function',
): GradingResult {
  const failure = (rawPass: boolean) => withSource(`${code} returned ${rawPass ? 'true' : 'false'}`, source);
  if (typeof result === 'boolean') {
    const pass = result !== inverse;
    return { pass, score: pass ? 1 : 0, reason: pass ? 'Assertion passed' : failure(result) };
  }
  if (typeof result === 'number') {
    const rawPass = threshold === undefined ? result > 0 : result >= threshold;
    const pass = rawPass !== inverse;
    // The score is the number returned, even when the not- form flips the verdict.
    return { pass, score: result, reason: pass ? 'Assertion passed' : failure(rawPass) };
  }
  const pass = result.pass !== inverse;
  return {
    ...result,
    pass,
    score: result.score,
    reason:
      pass === result.pass
        ? result.reason
        : pass
          ? 'Assertion passed'
          : `${code} returned ${result.pass ? 'true' : 'false'}`,
  };
}

const javascript: AssertionHandler = async ({ assertion, value, valueFromScript, output, scriptContext, inverse }) => {
  invariant(typeof value === 'string', 'javascript assertion must have a string value');
  // A YAML block scalar leaves a trailing newline that would make a one-liner look multi-line.
  const source = value.trimEnd();
  try {
    let result: boolean | number | GradingResult;
    if (valueFromScript === undefined) {
      const body = source.includes('\n') ? source : buildFunctionBody(source);
      result = await validateResult(
        compileInline(['output', 'context', 'process'], body)(output, scriptContext, process),
      );
    } else {
      result = await validateResult(valueFromScript);
    }
    return normalizeScriptResult(result, inverse, assertion.threshold, source);
  } catch (err) {
    // promptfoo grades a throwing inline script as a failure (score 0), not an error.
    const message = err instanceof Error ? `${err.message}\nStack Trace: ${err.stack}` : String(err);
    return { pass: false, score: 0, reason: withSource(`Custom function threw error: ${message}`, source) };
  }
};

export const scriptAssertions: Record<string, AssertionHandler> = { javascript };
