// promptfoo's prompt functions (`prompts: [file://prompt.js:fn, file://prompt.py:fn]`), with promptfoo
// 0.123.1's semantics (prompts/processors/javascript.ts, python.ts and evaluatorHelpers.renderPrompt): the
// function is called with `{ vars, provider: { id, label }, config }`; a string it returns is the prompt, an
// object `{ prompt, config }` gives the prompt in `prompt` (JSON text when not a string), any other object or
// array is sent as its JSON text (chat messages); the result is then rendered as a template with the vars,
// as promptfoo does. JavaScript is imported in-process (as javascript assertions are); Python runs through
// the python assertion's runner. Like every script of a suite, on untrusted events it comes from the base
// revision's suite; a pull request's own prompt function is not run there (`refused`).
import { loadScriptFunction } from '../assertions/script.js';
import { runPython } from '../assertions/python.js';
import type { Prompt, Suite, TemplateFilters } from '../types.js';
import { renderPrompt } from './render.js';

/** Who the prompt is rendered for, as promptfoo hands it to the function. */
export interface PromptTarget {
  id: string;
  label?: string;
}

export class PromptFunctionError extends Error {}

/** Calls the prompt's function and renders what it returns; for a template prompt, renderPrompt. */
export async function renderPromptWithFunction(
  prompt: Prompt,
  vars: Record<string, unknown>,
  target?: PromptTarget,
  filters?: TemplateFilters,
): Promise<string> {
  const fn = prompt.function;
  if (!fn) return renderPrompt(prompt, vars, filters);
  if (fn.refused !== undefined) throw new PromptFunctionError(fn.refused);
  if (!target) throw new PromptFunctionError(`prompt function ${prompt.label} needs the provider it renders for`);
  const context = {
    vars,
    provider: target.label === undefined ? { id: target.id } : { id: target.id, label: target.label },
    config: {},
  };
  let result: unknown;
  try {
    result =
      fn.language === 'python'
        ? await runPython(fn.file, fn.functionName ?? '', [context])
        : await (
            await loadScriptFunction(fn.file, fn.functionName)
          )(context);
  } catch (err) {
    throw new PromptFunctionError(`prompt function ${prompt.label} failed: ${(err as Error).message ?? String(err)}`);
  }
  return renderPrompt({ ...prompt, raw: promptText(result, prompt.label) }, vars, filters);
}

const loadedFilters = new WeakMap<NonNullable<Suite['nunjucksFilters']>, Promise<TemplateFilters>>();

/**
 * A suite's `nunjucksFilters`, imported (once per suite) as the run starts: each module's default export, or
 * its named export, is the filter promptfoo would add. Undefined for a suite without filters.
 */
export function templateFilters(suite: Suite): Promise<TemplateFilters> | undefined {
  const refs = suite.nunjucksFilters;
  if (!refs || refs.length === 0) return undefined;
  let loading = loadedFilters.get(refs);
  if (!loading) {
    loading = (async () => {
      const filters: Record<string, (...args: unknown[]) => unknown> = {};
      for (const ref of refs) {
        try {
          filters[ref.name] = (await loadScriptFunction(ref.file, ref.functionName)) as (...args: unknown[]) => unknown;
        } catch (err) {
          throw new PromptFunctionError(`nunjucksFilters.${ref.name}: ${(err as Error).message ?? String(err)}`);
        }
      }
      return Object.freeze(filters);
    })();
    // Awaited by every case later: marked handled now, so a module that fails to load is each case's error.
    loading.catch(() => undefined);
    loadedFilters.set(refs, loading);
  }
  return loading;
}

/** promptfoo's reading of a prompt function's result (evaluatorHelpers.renderPrompt). */
export function promptText(result: unknown, label: string): string {
  if (typeof result === 'string') return result;
  if (result !== null && typeof result === 'object') {
    if ('prompt' in result) {
      const inner = (result as { prompt: unknown }).prompt;
      if ((result as { config?: unknown }).config !== undefined) {
        // promptfoo merges it into the provider's config for the call; promptgate's providers are fixed per suite.
        throw new PromptFunctionError(
          `prompt function ${label} returned a config: a prompt's own provider config is not supported; put those options in the provider's config`,
        );
      }
      return typeof inner === 'string' ? inner : JSON.stringify(inner);
    }
    return JSON.stringify(result);
  }
  throw new PromptFunctionError(
    `prompt function ${label} must return a string or object, got ${result === null ? 'null' : typeof result}`,
  );
}
