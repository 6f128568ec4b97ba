// `moderation`, with promptfoo's semantics (assertions/moderation.ts, matchesModeration): the prompt and the
// output go to a moderation provider — the assertion's `provider`, else the test's options.provider (its
// `moderation` entry when it names one per kind), else promptfoo's default — which answers the categories it
// flagged. `value` optionally lists the category codes that count (`S10`, `hate`, ...); the assertion passes
// (score 1) when no counted category is flagged and fails (score 0) naming the flagged ones. An empty output
// passes: there is nothing to moderate.
//
// A test's options.provider that serves every kind (one id) is usually its llm-rubric grader: when it is not a
// moderation provider, promptfoo moderates with its default instead, and so does this. A provider named for
// moderation (the assertion's own, or the `moderation` entry) that is not one is an error, as is a moderator
// that fails or answers out of format (promptfoo grades those as fails; a broken grader is not a regression).
import type { Provider, ProviderSpec, TestCase } from '../types.js';
import { GraderError, invariant, type AssertionHandler } from './handler.js';
import { callGrader, graderFor, isGradersByKind, namedByProvider } from './model-graded.js';
import { REPLICATE_KEY_VARS } from '../providers/credentials.js';
import { parseProviderId } from '../providers/ids.js';

export const MODERATORS = 'openai:moderation:<model> or replicate:moderation:<owner>/<model>[:<version>]';

/** Whether a provider id names a moderation provider (what the loader checks before any call). */
export function isModeratorId(id: string): boolean {
  try {
    const parsed = parseProviderId(id);
    return parsed.kind === 'moderation' || (parsed.kind === 'replicate' && parsed.replicate === 'moderation');
  } catch {
    return false;
  }
}

/**
 * promptfoo's default moderator: OpenAI's omni-moderation-latest, Llama Guard 4 on Replicate when there is a
 * Replicate key and no OpenAI one, and Azure Content Safety when AZURE_CONTENT_SAFETY_ENDPOINT is set (which
 * promptgate does not speak: the id is refused when it resolves, saying so).
 */
export function defaultModerationProvider(env: NodeJS.ProcessEnv): string {
  if (!env.OPENAI_API_KEY && REPLICATE_KEY_VARS.some((name) => env[name]))
    return 'replicate:moderation:meta/llama-guard-4-12b';
  if (env.AZURE_CONTENT_SAFETY_ENDPOINT) return 'azure:moderation';
  return 'openai:moderation:omni-moderation-latest';
}

/** The moderator named for it (must be one), the test's shared grader (may not be one), or none. */
function moderatorSpec(
  assertionProvider: unknown,
  options: TestCase['options'],
): { spec: string | ProviderSpec; named: boolean } | undefined {
  if (assertionProvider !== undefined) return { spec: assertionProvider as string | ProviderSpec, named: true };
  const shared = options.provider;
  if (shared === undefined) return undefined;
  const perKind = isGradersByKind(shared);
  const spec = graderFor('moderation', shared);
  return spec === undefined ? undefined : { spec, named: perKind };
}

async function resolveModerator(
  ctx: Parameters<AssertionHandler>[0]['ctx'],
  spec: string | ProviderSpec,
  what: string,
): Promise<Provider> {
  try {
    return await ctx.gradingProvider(spec);
  } catch (err) {
    throw new GraderError(`moderation: ${what}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const moderation: AssertionHandler = async ({ assertion, value, outputString, inverse, ctx }) => {
  // Refused when the suite loads (promptfoo grades not-moderation as moderation); kept here for other callers.
  invariant(!inverse, 'moderation has no not- form: promptfoo grades not-moderation exactly as moderation');
  invariant(
    value === undefined || (Array.isArray(value) && value.every((code) => typeof code === 'string')),
    'moderation assertion value must be a string array if set',
  );
  if (!outputString) return { pass: true, score: 1, reason: 'No output to moderate' };

  const chosen = moderatorSpec(assertion.provider, ctx.test.options);
  let provider = chosen ? await resolveModerator(ctx, chosen.spec, 'no moderation provider') : undefined;
  if (provider && !provider.moderation && chosen?.named) {
    throw new GraderError(`moderation: provider ${provider.id} is not a moderation provider; use ${MODERATORS}`);
  }
  if (!provider?.moderation) {
    const fallback = ctx.defaultModerationProvider ?? defaultModerationProvider({});
    provider = await resolveModerator(
      ctx,
      fallback,
      `the default moderation provider ${fallback} (promptfoo's choice for this environment) cannot run; set the assertion's provider to ${MODERATORS}`,
    );
  }
  const moderator = provider.moderation!;
  const input = moderator.input(ctx.prompt, outputString);
  const output = await callGrader(
    provider,
    input,
    ctx.vars,
    'moderation',
    (error) => `moderation: the moderation provider failed: ${namedByProvider(provider, error)}`,
  );
  const flags = moderator.flags(output);
  if (typeof flags === 'string') throw new GraderError(`moderation: provider ${provider.id}: ${flags}`);

  if (flags.length === 0) return { pass: true, score: 1, reason: 'No moderation flags detected' };
  const counted = Array.isArray(value) && value.length > 0 ? flags.filter((flag) => value.includes(flag.code)) : flags;
  if (counted.length === 0) return { pass: true, score: 1, reason: 'No relevant moderation flags detected' };
  return {
    pass: false,
    score: 0,
    reason: `Moderation flags detected: ${counted.map((flag) => flag.description).join(', ')}`,
  };
};

export const moderationAssertions: Record<string, AssertionHandler> = { moderation };
