// promptfoo's case filters: `providers[].prompts` (a provider runs only some prompts), `tests[].prompts` and
// `tests[].providers` (a test runs only with some). A reference names a prompt by label or id, a provider by
// label or id; a trailing `*` matches a prefix, and `name` also matches `name:<anything>` (promptfoo 0.123.1,
// util/promptMatching.ts and isProviderAllowed). An empty list allows nothing. Pure.
import type { Prompt, ProviderSpec, Suite } from '../types.js';

interface Named {
  id: string;
  label?: string;
}

function refMatches(ref: string, item: Named): boolean {
  const names = [item.label, item.id].filter((n): n is string => n !== undefined);
  if (names.includes(ref)) return true;
  if (ref.endsWith('*') && names.some((n) => n.startsWith(ref.slice(0, -1)))) return true;
  return names.some((n) => n.startsWith(`${ref}:`));
}

export function isAllowed(item: Named, allowed: readonly string[] | undefined): boolean {
  return allowed === undefined || allowed.some((ref) => refMatches(ref, item));
}

/** Whether the case (test, prompt, provider) is one the suite runs; undefined when no filter is written. */
export function caseFilter(
  suite: Pick<Suite, 'tests' | 'providers'>,
  prompts: readonly Prompt[],
): ((c: { testIdx: number; promptIdx: number; providerIdx: number }) => boolean) | undefined {
  const providers: readonly ProviderSpec[] = suite.providers;
  const filtered =
    providers.some((p) => p.prompts !== undefined) ||
    suite.tests.some((t) => t.prompts !== undefined || t.providers !== undefined);
  if (!filtered) return undefined;
  return ({ testIdx, promptIdx, providerIdx }) => {
    const test = suite.tests[testIdx];
    const prompt = prompts[promptIdx];
    const provider = providers[providerIdx];
    return (
      isAllowed(prompt, provider.prompts) &&
      isAllowed(prompt, test.prompts) &&
      isAllowed({ id: provider.id, ...(provider.label !== undefined ? { label: provider.label } : {}) }, test.providers)
    );
  };
}
