// Hugging Face text generation (`huggingface:text-generation:<model>`): the Inference API's task body
// `{ inputs, parameters }` at `api-inference.huggingface.co/models/<model>`, or at a dedicated Inference
// Endpoint (`config.apiEndpoint`). The answer is `generated_text` (a list of one, or the object itself).
import type { Provider, ProviderSpec } from '../types.js';
import { hfToken, HF_TOKEN_VARS, keyHint, str } from './credentials.js';
import { copyConfigParams, endpointOf, failure, postJson, withConfigHeaders } from './http.js';
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

export function createHuggingFaceTextProvider(
  spec: ProviderSpec,
  model: string,
  options: HttpProviderOptions,
): Provider {
  const { config } = spec;
  const url = str(config.apiEndpoint) ?? `https://api-inference.huggingface.co/models/${model}`;
  const token = hfToken(config, options.env);
  const secrets = [...secretsInConfig(config), ...(token ? [token] : [])];
  const headers = withConfigHeaders(token ? { authorization: `Bearer ${token}` } : {}, config);
  const label = spec.id;
  return {
    id: spec.id,
    label: spec.label,
    cacheIdentity: cacheIdentityOf(spec.id, config, { url }),
    endpoint: endpointOf(url, token),
    async callApi(prompt, context) {
      const parameters: Record<string, unknown> = {};
      copyConfigParams(parameters, config, PARAMS);
      const body = { inputs: prompt, parameters, ...(config.options ? { options: config.options } : {}) };
      const outcome = await postJson(url, body, headers, {
        signal: context.signal,
        secrets,
        label,
        credentialHint: keyHint(str(config.apiKeyEnvar) ?? HF_TOKEN_VARS.join(' or ')),
      });
      if (!outcome.ok) return outcome.failure;
      const reply = outcome.body as { generated_text?: unknown } | Array<{ generated_text?: unknown }>;
      const first = Array.isArray(reply) ? reply[0] : reply;
      if (typeof first?.generated_text !== 'string')
        return failure({ label, secrets }, 'the reply has no generated_text', true);
      return { output: first.generated_text };
    },
  };
}
