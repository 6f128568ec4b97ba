import { T as parseScriptReference, U as loadScriptFunction, V as buildFunctionBody } from './cli-main.js';

// JavaScript written in a provider's config (the http provider's transforms, SageMaker's request transform and
// response path), with promptfoo's forms: `file://x.js[:fn]`, an expression, a function body with `return`, or
// an arrow function to call. Compiled once per provider; on untrusted events only the base revision's config (and so its code) runs.
const FUNCTION_SOURCE = /^(async\s+)?(function\b|\([^()]*\)\s*=>|[A-Za-z_$][\w$]*\s*=>)/;
async function compileCode(source, params, rootDir) {
    if (source.startsWith('file://')) {
        const { file, functionName } = parseScriptReference(source, rootDir);
        return (await loadScriptFunction(file, functionName));
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
    const compiled = new Function(...params, body);
    // `(json, text) => json.output` is a function to call, not the answer itself.
    return (...args) => {
        const result = compiled(...args);
        return typeof result === 'function' ? result(...args) : result;
    };
}

export { compileCode as c };
