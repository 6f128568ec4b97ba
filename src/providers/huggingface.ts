// Hugging Face's Inference API tasks, each a `{ inputs, parameters }` body posted to the model's URL or to a
// dedicated Inference Endpoint (`config.apiEndpoint`), with the token (optional: public models answer
// without one) as a bearer:
// - text generation (`huggingface:text-generation:<model>`): the answer is `generated_text` (a list of one,
//   or the object itself);
// - text and token classification (`huggingface:text-classification:<model>`,
//   `huggingface:token-classification:<model>`), the `classifier` assertion's graders, as promptfoo's
//   HuggingfaceTextClassificationProvider and HuggingfaceTokenExtractionProvider call them: the output is a
//   label → score map, `[[{label, score}]]` read as it is, `[{entity_group, score}]` as each group's
//   highest score.
import type { Provider, ProviderSpec } from '../types.js';
import { hfToken, HF_TOKEN_VARS, keyHint, str } from './credentials.js';
import { copyConfigParams, endpointOf, failure, postJson, withConfigHeaders } from './http.js';
import type { HfClassificationTask } from './ids.js';
import type { HttpProviderOptions } from './openai.js';
import { cacheIdentityOf, secretsInConfig } from './secrets.js';

/** The text-generation task's parameters, by the API's names. */
const PARAMS = [
  'top_k',
  'top_p',
  'temperature',
  'repetition_penalty',
  'max_new_tokens',
  'max_time',
  'return_full_text',
  'num_return_sequences',
  'do_sample',
  'seed',
  'stop',
] as const;

/** Where promptfoo sends the classification tasks (its HF_INFERENCE_API_URL) when no apiEndpoint is set. */
const HF_INFERENCE_URL = 'https://router.huggingface.co/hf-inference';

/** What every task's provider shares: the URL, the token as a bearer, and the post that names the provider. */
function inferenceClient(spec: ProviderSpec, url: string, options: HttpProviderOptions) {
  const { config } = spec;
  const token = hfToken(config, options.env);
  const secrets = [...secretsInConfig(config), ...(token ? [token] : [])];
  const headers = withConfigHeaders(token ? { authorization: `Bearer ${token}` } : {}, config);
  const label = spec.id;
  return {
    label,
    secrets,
    identity: {
      id: spec.id,
      label: spec.label,
      cacheIdentity: cacheIdentityOf(spec.id, config, { url }),
      endpoint: endpointOf(url, token),
    },
    post: (body: unknown, signal: AbortSignal | undefined) =>
      postJson(url, body, headers, {
        signal,
        secrets,
        label,
        credentialHint: keyHint(str(config.apiKeyEnvar) ?? HF_TOKEN_VARS.join(' or ')),
      }),
  };
}

export function createHuggingFaceTextProvider(
  spec: ProviderSpec,
  model: string,
  options: HttpProviderOptions,
): Provider {
  const { config } = spec;
  const client = inferenceClient(
    spec,
    str(config.apiEndpoint) ?? `https://api-inference.huggingface.co/models/${model}`,
    options,
  );
  return {
    ...client.identity,
    async callApi(prompt, context) {
      const parameters: Record<string, unknown> = {};
      copyConfigParams(parameters, config, PARAMS);
      const body = { inputs: prompt, parameters, ...(config.options ? { options: config.options } : {}) };
      const outcome = await client.post(body, context.signal);
      if (!outcome.ok) return outcome.failure;
      const reply = outcome.body as { generated_text?: unknown } | Array<{ generated_text?: unknown }>;
      const first = Array.isArray(reply) ? reply[0] : reply;
      if (typeof first?.generated_text !== 'string') return failure(client, 'the reply has no generated_text', true);
      return { output: first.generated_text };
    },
  };
}

/** promptfoo's request body per task: token classification groups the tokens (aggregation_strategy). */
function classificationBody(task: HfClassificationTask, input: string, config: Record<string, unknown>) {
  if (task === 'text') return { inputs: input, parameters: {} };
  return {
    inputs: input,
    parameters: { aggregation_strategy: str(config.aggregation_strategy) ?? 'simple' },
    options: {
      use_cache: config.use_cache === undefined ? true : config.use_cache,
      wait_for_model: config.wait_for_model ?? false,
    },
  };
}

const isScored = (item: unknown, key: string): item is Record<string, unknown> & { score: number } =>
  typeof item === 'object' &&
  item !== null &&
  typeof (item as Record<string, unknown>)[key] === 'string' &&
  typeof (item as Record<string, unknown>).score === 'number' &&
  Number.isFinite((item as Record<string, unknown>).score);

/**
 * The label → score map of a reply, or why it is not one. Text classification answers `[[{label, score}]]`
 * (a flat `[{label, score}]` is read too: the same list without the per-input wrapper); token classification
 * `[{entity_group, score}]` (`entity` when not aggregated), each group keeping its highest score.
 */
export function readClassification(task: HfClassificationTask, reply: unknown): Record<string, number> | string {
  if (reply && typeof reply === 'object' && !Array.isArray(reply) && 'error' in reply)
    return `Hugging Face answered an error: ${JSON.stringify((reply as { error: unknown }).error)}`;
  if (!Array.isArray(reply)) return `the reply is not a list (got ${shorten(reply)})`;
  const classification: Record<string, number> = {};
  if (task === 'text') {
    const items: unknown[] = Array.isArray(reply[0]) ? (reply[0] as unknown[]) : reply;
    if (items.length === 0 || !items.every((item) => isScored(item, 'label')))
      return `the reply is not a list of {label, score} (got ${shorten(reply)})`;
    for (const item of items as Array<{ label: string; score: number }>) classification[item.label] = item.score;
    return classification;
  }
  for (const item of reply) {
    const group = isScored(item, 'entity_group')
      ? item.entity_group
      : isScored(item, 'entity')
        ? item.entity
        : undefined;
    if (typeof group !== 'string') return `the reply is not a list of {entity_group, score} (got ${shorten(reply)})`;
    const score = (item as { score: number }).score;
    if (!(group in classification) || classification[group] < score) classification[group] = score;
  }
  return classification;
}

function shorten(value: unknown): string {
  const shown = JSON.stringify(value) ?? String(value);
  return shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
}

export function createHuggingFaceClassificationProvider(
  spec: ProviderSpec,
  task: HfClassificationTask,
  model: string,
  options: HttpProviderOptions,
): Provider {
  const { config } = spec;
  const client = inferenceClient(spec, str(config.apiEndpoint) ?? `${HF_INFERENCE_URL}/models/${model}`, options);
  return {
    ...client.identity,
    async callApi(prompt, context) {
      const outcome = await client.post(classificationBody(task, prompt, config), context.signal);
      if (!outcome.ok) return outcome.failure;
      const classification = readClassification(task, outcome.body);
      // A malformed or error answer may be a model still loading behind a proxy: the engine retries it.
      if (typeof classification === 'string') return failure(client, classification, true);
      return { output: classification };
    },
  };
}
