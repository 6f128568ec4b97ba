// promptfoo's vars computed by scripts (`vars: { system_prompt: file://load_prompt.py }`), with promptfoo
// 0.123.1's semantics (evaluatorHelpers.renderPrompt): per case, before the prompt is rendered, a JavaScript
// module (itself the function) is called with (varName, prompt template, vars, provider), a Python file's
// `get_var` with (varName, prompt template, vars); the answer is `{ output }` (Python's trimmed) or
// `{ error }`. Like every script, on untrusted events it is the base revision's suite's.
import { runPython } from '../assertions/python.js';
import { loadScriptFunction } from '../assertions/script.js';

/** A var whose value a script computes per case; prints as its reference (in reports, cache keys, hooks). */
export class ScriptVar {
  constructor(
    readonly reference: string,
    /** Absolute path of the script. */
    readonly file: string,
    readonly language: 'javascript' | 'python',
  ) {}
  toJSON(): string {
    return this.reference;
  }
  toString(): string {
    return this.reference;
  }
}

export function hasScriptVars(vars: Record<string, unknown>): boolean {
  return Object.values(vars).some((value) => value instanceof ScriptVar);
}

/** The vars with each script var replaced by what its script answers, in the order they are written. */
export async function resolveScriptVars(
  vars: Record<string, unknown>,
  template: string,
  provider: { id: string; label?: string },
): Promise<Record<string, unknown>> {
  const resolved: Record<string, unknown> = { ...vars };
  for (const [name, value] of Object.entries(vars)) {
    if (!(value instanceof ScriptVar)) continue;
    const answer = (
      value.language === 'python'
        ? await runPython(value.file, 'get_var', [name, template, JSON.parse(JSON.stringify(resolved))])
        : await (
            await loadScriptFunction(value.file)
          )(name, template, resolved, provider)
    ) as { output?: unknown; error?: unknown } | null;
    if (answer?.error) throw new Error(`${value.reference} answered an error for var ${name}: ${String(answer.error)}`);
    if (answer === null || typeof answer !== 'object' || !answer.output) {
      throw new Error(
        `${value.reference} must return { output: string } for var ${name}, got ${JSON.stringify(answer)}`,
      );
    }
    if (value.language === 'python' && typeof answer.output !== 'string') {
      throw new Error(`${value.reference} must return a string output for var ${name}, got ${typeof answer.output}`);
    }
    resolved[name] =
      typeof answer.output === 'string' && value.language === 'python' ? answer.output.trim() : answer.output;
  }
  return resolved;
}
