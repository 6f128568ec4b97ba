// QuiverAI (`quiverai:<model>`): text → SVG through POST /svgs/generations with a bearer QUIVERAI_API_KEY, as
// promptfoo sends it (the prompt, promptfoo's sampling and generation keys, references as {url}). The reply is
// read whole (`stream: false`; promptfoo streams by default, the SVG is the same); the output is the SVG, several
// joined by a blank line. Vectorizing (`quiverai:vectorize:<model>`) is refused in ids.ts.
import type { Provider, ProviderSpec } from '../types.js';
import { keyHint, QUIVERAI_KEY_VAR, str } from './credentials.js';
import { copyConfigParams, postJson, withConfigHeaders } from './http.js';
import { keyedProvider } from './keyed.js';
import type { HttpProviderOptions } from './openai.js';
import { secretsInConfig } from './secrets.js';

const BODY_KEYS = ['temperature', 'top_p', 'presence_penalty', 'max_output_tokens', 'instructions', 'n'] as const;

export function createQuiverAiProvider(spec: ProviderSpec, model: string, options: HttpProviderOptions): Provider {
  const { config } = spec;
  const apiKey = str(config.apiKey) ?? str(options.env[QUIVERAI_KEY_VAR]);
  const url = `${(str(config.apiBaseUrl) ?? 'https://api.quiver.ai/v1').replace(/\/+$/, '')}/svgs/generations`;
  const secrets = [...secretsInConfig(config), ...(apiKey ? [apiKey] : [])];
  const headers = withConfigHeaders(apiKey ? { authorization: `Bearer ${apiKey}` } : {}, config);
  return keyedProvider({ spec, url, apiKey, keyVars: QUIVERAI_KEY_VAR, secrets }, async (prompt, context, fail) => {
    const body: Record<string, unknown> = { model, prompt, stream: false };
    copyConfigParams(body, config, BODY_KEYS);
    if (Array.isArray(config.references))
      body.references = config.references.map((ref: unknown) => (typeof ref === 'string' ? { url: ref } : ref));
    const outcome = await postJson(url, body, headers, {
      signal: context.signal,
      secrets,
      label: spec.id,
      credentialHint: keyHint(QUIVERAI_KEY_VAR),
    });
    if (!outcome.ok) return outcome.failure;
    const reply = outcome.body as { data?: Array<{ svg?: unknown }>; usage?: Record<string, unknown> };
    const svgs = Array.isArray(reply?.data) ? reply.data.map((d) => d?.svg).filter((s) => typeof s === 'string') : [];
    if (svgs.length === 0) return fail('the reply has no SVG (data[].svg)', true);
    const n = (key: string) => (typeof reply.usage?.[key] === 'number' ? (reply.usage[key] as number) : 0);
    return {
      output: svgs.join('\n\n'),
      tokenUsage: { total: n('total_tokens'), prompt: n('input_tokens'), completion: n('output_tokens') },
    };
  });
}
