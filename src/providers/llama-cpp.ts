// A llama.cpp server (promptfoo's bare `llama`): its native `/completion` endpoint, the prompt as text and
// promptfoo's sampling keys; the reply's `content` is the output. Local and keyless.
import type { Provider, ProviderSpec } from '../types.js';
import { str } from './credentials.js';
import { copyConfigParams, endpointOf, failure, postJson, withConfigHeaders } from './http.js';
import { cacheIdentityOf, secretsInConfig } from './secrets.js';

/** The server's sampling parameters promptfoo passes through by their llama.cpp names. */
const PARAMS = [
  'temperature',
  'top_k',
  'top_p',
  'min_p',
  'n_keep',
  'stop',
  'repeat_penalty',
  'repeat_last_n',
  'penalize_nl',
  'presence_penalty',
  'frequency_penalty',
  'mirostat',
  'mirostat_tau',
  'mirostat_eta',
  'seed',
  'ignore_eos',
  'logit_bias',
] as const;

export function createLlamaCppProvider(spec: ProviderSpec): Provider {
  const { config } = spec;
  const url = `${(str(config.baseUrl) ?? str(config.apiBaseUrl) ?? 'http://localhost:8080').replace(/\/+$/, '')}/completion`;
  const secrets = secretsInConfig(config);
  const headers = withConfigHeaders({}, config);
  const label = spec.id;
  return {
    id: spec.id,
    label: spec.label,
    cacheIdentity: cacheIdentityOf(spec.id, config, { url }),
    endpoint: endpointOf(url, undefined),
    async callApi(prompt, context) {
      const body: Record<string, unknown> = {
        prompt,
        n_predict: typeof config.n_predict === 'number' ? config.n_predict : 512,
      };
      copyConfigParams(body, config, PARAMS);
      const outcome = await postJson(url, body, headers, { signal: context.signal, secrets, label });
      if (!outcome.ok) return outcome.failure;
      const reply = outcome.body as { content?: unknown; tokens_evaluated?: unknown; tokens_predicted?: unknown };
      if (typeof reply?.content !== 'string') return failure({ label, secrets }, 'the reply has no `content`', true);
      const n = (v: unknown) => (typeof v === 'number' ? v : 0);
      const prompt_ = n(reply.tokens_evaluated);
      const completion = n(reply.tokens_predicted);
      return {
        output: reply.content,
        ...(prompt_ || completion ? { tokenUsage: { prompt: prompt_, completion, total: prompt_ + completion } } : {}),
      };
    },
  };
}
