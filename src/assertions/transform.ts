// The one implementation of promptfoo's transforms (promptfoo 0.123.1, src/util/transform.ts), used for a
// test's `options.transform` and `options.transformVars`, an assertion's `transform` and a provider's
// `transform`. Inline code is a function of (`output` — or `vars` for transformVars —, `context`, `process`):
// code on one line is an expression and gets `return ` put in front of it (so a one-line `return x` is a
// syntax error there, as in promptfoo), code containing a newline is the function body verbatim (it must
// `return`). `file://x.js[:fn]` calls the module's function. A transform returning null or undefined is an
// error, as in promptfoo.
import { messageOf } from '../errors.js';
import { isJavascriptFile } from '../modules/import.js';
import { loadScriptFunction, parseScriptReference } from './script.js';

/** What the transform receives as its first argument, and the name inline code sees it by. */
export type TransformInput = 'output' | 'vars';

type TransformFunction = (input: unknown, context: unknown, processShim: unknown) => unknown;

// Inline code compiles once per distinct text and input name; a syntax error is remembered and rethrown.
const compiled = new Map<string, TransformFunction | Error>();

function compileInline(code: string, input: TransformInput): TransformFunction {
  const key = `${input}\u0000${code}`;
  let fn = compiled.get(key);
  if (fn === undefined) {
    try {
      fn = new Function(
        input,
        'context',
        'process',
        code.includes('\n') ? code : `return ${code}`,
      ) as TransformFunction;
    } catch (err) {
      fn = new Error(`${describeTransform(code)} is not valid JavaScript: ${messageOf(err)}`);
    }
    compiled.set(key, fn);
  }
  if (fn instanceof Error) throw fn;
  return fn;
}

async function transformFunction(code: string, rootDir: string, input: TransformInput): Promise<TransformFunction> {
  if (!code.startsWith('file://')) return compileInline(code, input);
  const { file, functionName } = parseScriptReference(code, rootDir);
  if (!isJavascriptFile(file)) {
    throw new Error(
      `${code}: only JavaScript and TypeScript transforms (.js, .mjs, .cjs, .ts, .mts, .cts) are supported; Python ones are not yet`,
    );
  }
  return (await loadScriptFunction(file, functionName)) as TransformFunction;
}

/**
 * Applies a transform to `value` (a provider's output, or a test's vars for `transformVars`). Throws when
 * the code does not compile, throws, or returns nothing: the caller makes that case an error.
 */
export async function applyTransform(
  code: string,
  value: unknown,
  context: Record<string, unknown>,
  rootDir: string,
  input: TransformInput = 'output',
): Promise<unknown> {
  const fn = await transformFunction(code, rootDir, input);
  let result: unknown;
  try {
    result = await fn(value, context, process);
  } catch (err) {
    throw new Error(`Transform failed (${describeTransform(code)}): ${messageOf(err)}`, { cause: err });
  }
  if (result === null || result === undefined) {
    throw new Error(`Transform function did not return a value (${describeTransform(code)})`);
  }
  return result;
}

function describeTransform(code: string): string {
  if (code.startsWith('file://')) return code;
  const oneLine = code.replace(/\s+/g, ' ').trim();
  return `inline transform: ${oneLine.length > 80 ? `${oneLine.slice(0, 79)}…` : oneLine}`;
}
