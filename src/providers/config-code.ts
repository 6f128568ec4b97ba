// JavaScript written in a provider's config (the http provider's transforms, SageMaker's request transform and
// response path), with promptfoo's forms: `file://x.js[:fn]`, an expression, a function body with `return`, or
// an arrow function to call. Compiled once per provider; on untrusted events only the base revision's config (and so its code) runs.
import { buildFunctionBody, loadScriptFunction, parseScriptReference } from '../assertions/script.js';

export type Code = (...args: unknown[]) => unknown;

const FUNCTION_SOURCE = /^(async\s+)?(function\b|\([^()]*\)\s*=>|[A-Za-z_$][\w$]*\s*=>)/;

export async function compileCode(source: string, params: string[], rootDir: string): Promise<Code> {
  if (source.startsWith('file://')) {
    const { file, functionName } = parseScriptReference(source, rootDir);
    return (await loadScriptFunction(file, functionName)) as Code;
  }
  const trimmed = source.trim();
  // A function written out (`(data) => {…}` over several lines, `function (json) {…}`) is a value to call, as in
  // promptfoo; other sources of several lines, or with a leading `return`, are a function body; one line is an
  // expression.
  const body = FUNCTION_SOURCE.test(trimmed)
    ? `return (${trimmed})`
    : trimmed.includes('\n') || /^return\b/.test(trimmed)
      ? trimmed
      : buildFunctionBody(trimmed);
  const compiled = new Function(...params, body) as Code;
  // `(json, text) => json.output` is a function to call, not the answer itself.
  return (...args: unknown[]) => {
    const result = compiled(...args);
    return typeof result === 'function' ? (result as Code)(...args) : result;
  };
}
