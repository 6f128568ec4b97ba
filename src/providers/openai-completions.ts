// OpenAI's legacy completions (`openai:completion:<model>`, and Ollama's `ollama:<model>` on its OpenAI-compatible
// /v1/completions) and embeddings (`openai:embedding:<model>`). An embedding provider's output is the vector; the
// `similar` assertion calls `embed()` on it directly.
import type { Provider, ProviderResponse, ProviderSpec, TokenUsage } from '../types.js';
import { keyHint, missingKeyMessage } from './credentials.js';
import { applyPassthrough, failure, postJson, withConfigHeaders } from './http.js';
import {
  BODY_PARAMS,
  openAiApiKey,
  openAiBaseUrl,
  openAiKeyVar,
  usageOf,
  type ChatCompletion,
  type HttpProviderOptions,
  type OpenAiFlavor,
} from './openai.js';
import { costOf, priceFor } from './prices.js';
import { cacheIdentityOf, secretsInConfig } from './secrets.js';

/** Parameters of the completions endpoint (chat-only ones such as tools are not sent). */
const COMPLETION_PARAMS = BODY_PARAMS.filter((p) =>
  [
    'temperature',
    'max_tokens',
    'top_p',
    'stop',
    'seed',
    'presence_penalty',
    'frequency_penalty',
    'logprobs',
    'logit_bias',
    'n',
    'user',
  ].includes(p),
);

export function completionOutput(choice: { text?: unknown }): string {
  return typeof choice.text === 'string' ? choice.text : '';
}

export function embeddingOf(reply: unknown): number[] | undefined {
  const data = (reply as { data?: Array<{ embedding?: unknown }> })?.data;
  const embedding = Array.isArray(data) ? data[0]?.embedding : undefined;
  return Array.isArray(embedding) && embedding.every((x) => typeof x === 'number')
    ? (embedding as number[])
    : undefined;
}

export interface Client {
  url: (path: string) => string;
  headers: Record<string, string>;
  secrets: string[];
  missing?: string;
  hint: string;
  label: string;
}

export function clientFor(spec: ProviderSpec, flavor: OpenAiFlavor, env: NodeJS.ProcessEnv): Client {
  const { config } = spec;
  const base = openAiBaseUrl(flavor, config, env);
  const apiKey = openAiApiKey(flavor, config, env);
  const keyVar = openAiKeyVar(flavor, config);
  return {
    url: (path) => `${base}/${path}`,
    headers: withConfigHeaders(apiKey ? { authorization: `Bearer ${apiKey}` } : {}, config),
    secrets: [...secretsInConfig(config), ...(apiKey ? [apiKey] : [])],
    ...(flavor === 'openai' && !apiKey ? { missing: missingKeyMessage(keyVar) } : {}),
    hint: keyHint(keyVar),
    label: spec.id,
  };
}

export function createCompletionProvider(
  spec: ProviderSpec,
  flavor: OpenAiFlavor,
  model: string,
  options: HttpProviderOptions,
): Provider {
  const { config } = spec;
  const client = clientFor(spec, flavor, options.env);
  const price = flavor === 'ollama' ? (priceFor('', config) ?? { input: 0, output: 0 }) : priceFor(model, config);
  return {
    id: spec.id,
    label: spec.label,
    cacheIdentity: cacheIdentityOf(spec.id, config),
    async callApi(prompt, context): Promise<ProviderResponse> {
      if (client.missing) return failure(client, client.missing, false);
      const body: Record<string, unknown> = { model, prompt };
      for (const param of COMPLETION_PARAMS) if (config[param] !== undefined) body[param] = config[param];
      // Ollama's own name for the token limit.
      if (body.max_tokens === undefined && typeof config.num_predict === 'number') body.max_tokens = config.num_predict;
      applyPassthrough(body, config);
      const outcome = await postJson(client.url('completions'), body, client.headers, {
        signal: context.signal,
        secrets: client.secrets,
        label: client.label,
        credentialHint: client.hint,
      });
      if (!outcome.ok) return outcome.failure;
      const reply = outcome.body as ChatCompletion & { choices?: Array<{ text?: unknown }> };
      const choice = Array.isArray(reply?.choices) ? reply.choices[0] : undefined;
      if (!choice) return failure(client, 'the response has no choices[0] (empty choices)', true);
      const tokenUsage = usageOf(reply.usage);
      return { output: completionOutput(choice), tokenUsage, cost: costOf(price, tokenUsage) };
    },
  };
}

export interface EmbeddingResult {
  embedding?: number[];
  error?: string;
  transient?: boolean;
  retryAfterMs?: number;
  tokenUsage?: Partial<TokenUsage>;
  cost?: number;
}

export interface EmbeddingProvider extends Provider {
  /** One embeddings call; never throws (failures come back as `error`, `transient` when a retry could help). */
  embed(text: string, signal?: AbortSignal): Promise<EmbeddingResult>;
}

export function createEmbeddingProvider(
  spec: ProviderSpec,
  model: string,
  options: HttpProviderOptions,
): EmbeddingProvider {
  const { config } = spec;
  const client = clientFor(spec, 'openai', options.env);
  const price = priceFor(model, config);
  const embed = async (text: string, signal?: AbortSignal): Promise<EmbeddingResult> => {
    if (client.missing) return failure(client, client.missing, false);
    const body: Record<string, unknown> = { model, input: text };
    if (typeof config.dimensions === 'number') body.dimensions = config.dimensions;
    if (typeof config.encoding_format === 'string') body.encoding_format = config.encoding_format;
    const outcome = await postJson(client.url('embeddings'), body, client.headers, {
      ...(signal ? { signal } : {}),
      secrets: client.secrets,
      label: client.label,
      credentialHint: client.hint,
    });
    if (!outcome.ok) return outcome.failure;
    const embedding = embeddingOf(outcome.body);
    if (!embedding) return failure(client, 'the response has no data[0].embedding (an array of numbers)', true);
    const tokenUsage = usageOf((outcome.body as ChatCompletion).usage);
    return { embedding, tokenUsage, cost: costOf(price, tokenUsage) };
  };
  return {
    id: spec.id,
    label: spec.label,
    cacheIdentity: cacheIdentityOf(spec.id, config),
    embed,
    async callApi(prompt, context): Promise<ProviderResponse> {
      const { embedding, ...rest } = await embed(prompt, context.signal);
      return embedding ? { ...rest, output: embedding } : rest;
    },
  };
}
