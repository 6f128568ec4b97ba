// OpenAI's moderation endpoint (`openai:moderation[:<model>]`, default omni-moderation-latest), the
// `moderation` assertion's grader, as promptfoo's OpenAiModerationProvider calls it: POST /v1/moderations
// with `{ model, input }` — the model's response only, as a list of one text part for the omni models (they
// also take images) and as a plain string for the text-only ones. The output is the flagged categories
// (ModerationFlag[]): every category marked true in a flagged result, its code the category name
// (`hate`, `self-harm/intent`, ...), its confidence the category's score, the highest over the results.
import type { ModerationFlag, Moderator, Provider, ProviderResponse, ProviderSpec } from '../types.js';
import { failure, postJson } from './http.js';
import { clientFor } from './openai-completions.js';
import type { HttpProviderOptions } from './openai.js';
import { cacheIdentityOf } from './secrets.js';

/** promptfoo's moderation models that take images as well as text (their input is a list of parts). */
const MULTIMODAL_MODELS = ['omni-moderation-latest', 'omni-moderation-2024-09-26'];

interface ModerationResult {
  flagged: boolean;
  categories: Record<string, unknown>;
  category_scores?: Record<string, unknown>;
}

const isResult = (value: unknown): value is ModerationResult =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ModerationResult).flagged === 'boolean' &&
  typeof (value as ModerationResult).categories === 'object' &&
  (value as ModerationResult).categories !== null;

/** The flags of a /v1/moderations reply, or why it is not one. */
export function readModerationReply(reply: unknown): ModerationFlag[] | string {
  const results = (reply as { results?: unknown } | null)?.results;
  if (!Array.isArray(results) || results.length === 0 || !results.every(isResult)) {
    const shown = JSON.stringify(reply) ?? String(reply);
    return `the reply has no results (a list of {flagged, categories}; got ${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown})`;
  }
  const highest = new Map<string, number>();
  for (const result of results) {
    if (!result.flagged) continue;
    for (const [category, flagged] of Object.entries(result.categories)) {
      if (flagged !== true) continue;
      const score = result.category_scores?.[category];
      const confidence = typeof score === 'number' && Number.isFinite(score) ? score : 0;
      if (!highest.has(category) || highest.get(category)! < confidence) highest.set(category, confidence);
    }
  }
  return [...highest].map(([code, confidence]) => ({ code, description: code, confidence }));
}

const isFlagList = (output: unknown): output is ModerationFlag[] =>
  Array.isArray(output) &&
  output.every(
    (flag) =>
      typeof flag === 'object' &&
      flag !== null &&
      typeof (flag as ModerationFlag).code === 'string' &&
      typeof (flag as ModerationFlag).description === 'string',
  );

/** OpenAI moderates the response alone (the prompt is not sent); callApi's output is already the flags. */
const OPENAI_MODERATOR: Moderator = {
  input: (_userPrompt, response) => response,
  flags: (output) => (isFlagList(output) ? output : `the output is not a list of flags (got ${typeof output})`),
};

export function createModerationProvider(spec: ProviderSpec, model: string, options: HttpProviderOptions): Provider {
  const client = clientFor(spec, 'openai', options.env);
  return {
    id: spec.id,
    label: spec.label,
    cacheIdentity: cacheIdentityOf(spec.id, spec.config, { model }),
    moderation: OPENAI_MODERATOR,
    async callApi(prompt, context): Promise<ProviderResponse> {
      if (client.missing) return failure(client, client.missing, false);
      const input = MULTIMODAL_MODELS.includes(model) ? [{ type: 'text', text: prompt }] : prompt;
      const outcome = await postJson(client.url('moderations'), { model, input }, client.headers, {
        ...(context.signal ? { signal: context.signal } : {}),
        secrets: client.secrets,
        label: client.label,
        credentialHint: client.hint,
      });
      if (!outcome.ok) return outcome.failure;
      const flags = readModerationReply(outcome.body);
      if (typeof flags === 'string') return failure(client, flags, true);
      return { output: flags };
    },
  };
}
