// JavaScript written in a provider's config (the http provider's transforms, SageMaker's request transform and
// response path), with promptfoo's forms: `file://x.js[:fn]`, an expression, a function body with `return`, or
// an arrow function to call. Compiled once per provider; on untrusted events only the base revision's config (and so its code) runs.
import { buildFunctionBody, loadScriptFunction, parseScriptReference } from '../assertions/script.js';

export type Code = (...args: unknown[]) => unknown;

export async function compileCode(source: string, params: string[], rootDir: string): Promise<Code> {
  if (source.startsWith('file://')) {
    const { file, functionName } = parseScriptReference(source, rootDir);
    return (await loadScriptFunction(file, functionName)) as Code;
  }
  const trimmed = source.trim();
  // Several lines, or a leading `return`, are a function body; one line is an expression.
  const body = trimmed.includes('\n') || /^return\b/.test(trimmed) ? trimmed : buildFunctionBody(trimmed);
  const compiled = new Function(...params, body) as Code;
  // `(json, text) => json.output` is a function to call, not the answer itself.
  return (...args: unknown[]) => {
    const result = compiled(...args);
    return typeof result === 'function' ? (result as Code)(...args) : result;
  };
}
