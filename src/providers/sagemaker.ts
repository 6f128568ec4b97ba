// Amazon SageMaker endpoints (`sagemaker:<modelType>:<endpoint>`, `sagemaker:<endpoint>`): InvokeEndpoint
// with the JSON body each container type expects, signed with SigV4 (aws.ts). Types as promptfoo names them:
// openai (chat messages), anthropic (Messages), llama / huggingface / jumpstart (TGI's `inputs` + `parameters`),
// embedding (`text_inputs`), custom (the prompt as `inputs`).
import type { Provider, ProviderResponse, ProviderSpec } from '../types.js';
import { toAnthropicMessages } from './anthropic.js';
import { awsCredentialSource, awsRegion, signAwsRequest } from './aws.js';
import { compileCode, type Code } from './config-code.js';
import { toChatMessages } from './chat-messages.js';
import { str } from './credentials.js';
import { failure, postJson, withConfigHeaders } from './http.js';
import { outputOf as anthropicOutput, usageOf as anthropicUsage } from './anthropic.js';
import {
  outputOf as chatOutput,
  usageOf as chatUsage,
  type ChatCompletion,
  type HttpProviderOptions,
} from './openai.js';
import { costOf, priceFor } from './prices.js';
import { cacheIdentityOf, secretsInConfig } from './secrets.js';

export const SAGEMAKER_TYPES = [
  'openai',
  'anthropic',
  'llama',
  'huggingface',
  'jumpstart',
  'embedding',
  'custom',
] as const;
export type SageMakerType = (typeof SAGEMAKER_TYPES)[number];

const num = (config: Record<string, unknown>, ...keys: string[]) =>
  keys.map((k) => config[k]).find((v) => typeof v === 'number');

/** The request body for the container type. */
export function sageMakerBody(type: SageMakerType, prompt: string, config: Record<string, unknown>): unknown {
  const maxTokens = num(config, 'maxTokens', 'max_tokens', 'max_new_tokens');
  const temperature = num(config, 'temperature');
  const topP = num(config, 'topP', 'top_p');
  const stop = config.stopSequences ?? config.stop;
  switch (type) {
    case 'openai':
      return {
        messages: toChatMessages(prompt),
        ...(maxTokens !== undefined ? { max_tokens: maxTokens } : {}),
        ...(temperature !== undefined ? { temperature } : {}),
        ...(topP !== undefined ? { top_p: topP } : {}),
        ...(Array.isArray(stop) ? { stop } : {}),
      };
    case 'anthropic': {
      const { system, messages } = toAnthropicMessages(prompt);
      return {
        messages,
        ...(system !== undefined ? { system } : {}),
        max_tokens: maxTokens ?? 1024,
        ...(temperature !== undefined ? { temperature } : {}),
        ...(topP !== undefined ? { top_p: topP } : {}),
        ...(Array.isArray(stop) ? { stop_sequences: stop } : {}),
      };
    }
    case 'embedding':
      return { text_inputs: prompt };
    default:
      return {
        inputs: prompt,
        parameters: {
          ...(maxTokens !== undefined ? { max_new_tokens: maxTokens } : {}),
          ...(temperature !== undefined ? { temperature } : {}),
          ...(topP !== undefined ? { top_p: topP } : {}),
          ...(Array.isArray(stop) ? { stop } : {}),
        },
      };
  }
}

/** The reply for the container type → a ProviderResponse (without cost). */
function responseOf(type: SageMakerType, reply: unknown, fail: (m: string) => ProviderResponse): ProviderResponse {
  const r = reply as Record<string, unknown> | unknown[] | null;
  if (type === 'openai') {
    const completion = reply as ChatCompletion;
    const message = Array.isArray(completion?.choices) ? completion.choices[0]?.message : undefined;
    return message
      ? { output: chatOutput(message), tokenUsage: chatUsage(completion.usage) }
      : fail('the reply has no choices[0].message');
  }
  if (type === 'anthropic') {
    const message = reply as { content?: unknown; usage?: Parameters<typeof anthropicUsage>[0] };
    return Array.isArray(message?.content)
      ? { output: anthropicOutput(message.content), tokenUsage: anthropicUsage(message.usage) }
      : fail('the reply has no content array');
  }
  if (type === 'embedding') {
    const vector = Array.isArray(r) ? r[0] : (r as { embedding?: unknown[] })?.embedding;
    const flat = Array.isArray(vector) && Array.isArray(vector[0]) ? vector[0] : vector;
    return Array.isArray(flat) && flat.every((x) => typeof x === 'number')
      ? { output: flat }
      : fail('the reply has no embedding');
  }
  // TGI / JumpStart: [{generated_text}] or {generated_text}; some containers answer with a bare string.
  const first = Array.isArray(r) ? r[0] : r;
  if (typeof first === 'string') return { output: first };
  const text = (first as { generated_text?: unknown } | null)?.generated_text;
  return typeof text === 'string' ? { output: text } : fail('the reply has no generated_text');
}

export function createSageMakerProvider(
  spec: ProviderSpec,
  type: SageMakerType,
  endpoint: string,
  options: HttpProviderOptions & { rootDir: string },
): Provider {
  const { config } = spec;
  const format = config.responseFormat as { path?: unknown } | undefined;
  if (format !== undefined && (typeof format !== 'object' || typeof format.path !== 'string')) {
    throw new Error('config.responseFormat: expected { path: <JavaScript over json> }, e.g. path: json.generated_text');
  }
  for (const key of ['contentType', 'acceptType'] as const) {
    if (config[key] !== undefined && config[key] !== 'application/json')
      throw new Error(`config.${key}: only application/json is supported`);
  }
  const compiled = Promise.all([
    typeof config.transform === 'string'
      ? compileCode(config.transform, ['prompt', 'context'], options.rootDir)
      : undefined,
    format ? compileCode(format.path as string, ['json'], options.rootDir) : undefined,
  ]);
  // Surfaced by the first call (as a non-retried error) if the code does not compile.
  compiled.catch(() => {});
  const region = awsRegion(config, options.env, 'AWS_SAGEMAKER_REGION');
  const base = (
    str(config.apiBaseUrl) ??
    str(config.endpointUrl) ??
    `https://runtime.sagemaker.${region}.amazonaws.com`
  ).replace(/\/+$/, '');
  const url = new URL(`${base}/endpoints/${encodeURIComponent(endpoint)}/invocations`);
  const credentials = awsCredentialSource(config, options.env);
  const secrets = secretsInConfig(config);
  const price = priceFor(str(config.modelName) ?? '', config);
  const label = spec.id;

  return {
    id: spec.id,
    label: spec.label,
    cacheIdentity: cacheIdentityOf(spec.id, config, { region }),
    async callApi(prompt, context): Promise<ProviderResponse> {
      let transform: Code | undefined;
      let path: Code | undefined;
      try {
        [transform, path] = await compiled;
        if (transform) prompt = String(await transform(prompt, context));
      } catch (err) {
        return failure(
          { label, secrets },
          `config.transform: ${err instanceof Error ? err.message : String(err)}`,
          false,
        );
      }
      const body = sageMakerBody(type, prompt, config);
      let signed: Awaited<ReturnType<typeof signAwsRequest>>;
      try {
        signed = await signAwsRequest(url, JSON.stringify(body), 'sagemaker', region, credentials);
      } catch (err) {
        return failure(
          { label, secrets },
          `no AWS credentials (${err instanceof Error ? err.message : String(err)}): set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or a role`,
          false,
        );
      }
      const callSecrets = [...secrets, ...signed.secrets];
      const outcome = await postJson(
        url.href,
        body,
        { ...withConfigHeaders({}, config), ...signed.headers },
        {
          signal: context.signal,
          secrets: callSecrets,
          label,
          credentialHint: `check the AWS credentials and their sagemaker:InvokeEndpoint permission for ${endpoint} in ${region}`,
        },
      );
      if (!outcome.ok) return outcome.failure;
      if (path) {
        try {
          return { output: await path(outcome.body) };
        } catch (err) {
          const message = `config.responseFormat.path: ${err instanceof Error ? err.message : String(err)}`;
          return failure({ label, secrets: callSecrets }, message, false);
        }
      }
      const response = responseOf(type, outcome.body, (m) => failure({ label, secrets: callSecrets }, m, false));
      if (response.error || !response.tokenUsage) return response;
      return { ...response, cost: costOf(price, response.tokenUsage) };
    },
  };
}
