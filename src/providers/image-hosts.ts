// Image generation hosts with their own REST APIs, answering as promptfoo does with a markdown image
// `![prompt](url)` (openai-image.ts's markdownImage):
// - fal.ai (`fal:image:<model>`): the synchronous `POST https://fal.run/<model>` with `Authorization: Key …`,
//   the prompt and the config as the model's input;
// - ModelsLab (`modelslab:image:<model>`): `POST /api/v6/images/text2img` with the key in the body (ModelsLab's
//   scheme), polled at `/images/fetch/<id>` while it is processing.
import type { Provider, ProviderResponse, ProviderSpec } from '../types.js';
import { imageHostKeyVar, keyHint, str } from './credentials.js';
import { pollDelay, postJson, withConfigHeaders } from './http.js';
import { keyedProvider, type Fail } from './keyed.js';
import { markdownImage } from './openai-image.js';
import type { HttpProviderOptions } from './openai.js';
import { secretsInConfig } from './secrets.js';

export type ImageHost = 'fal' | 'modelslab';
/** Config keys that are the provider's own, not the model's input. */
const OWN_KEYS = new Set(['apiKey', 'apiKeyEnvar', 'apiBaseUrl', 'headers', 'client', 'cost']);
const MODELSLAB_POLL_MS = 3000;
const MODELSLAB_MAX_POLLS = 60;

export function createImageHostProvider(
  spec: ProviderSpec,
  host: ImageHost,
  model: string,
  options: HttpProviderOptions,
): Provider {
  const { config } = spec;
  const keyVar = imageHostKeyVar(host, config);
  const apiKey = str(config.apiKey) ?? str(options.env[keyVar]);
  const secrets = [...secretsInConfig(config), ...(apiKey ? [apiKey] : [])];
  const request = { secrets, label: spec.id, credentialHint: keyHint(keyVar) };

  if (host === 'fal') {
    const url = `${(str(config.apiBaseUrl) ?? 'https://fal.run').replace(/\/+$/, '')}/${model}`;
    const headers = withConfigHeaders(apiKey ? { authorization: `Key ${apiKey}` } : {}, config);
    const input = Object.fromEntries(Object.entries(config).filter(([k]) => !OWN_KEYS.has(k)));
    return keyedProvider({ spec, url, apiKey, keyVars: keyVar, secrets }, async (prompt, context, fail) => {
      const outcome = await postJson(url, { prompt, ...input }, headers, { ...request, signal: context.signal });
      if (!outcome.ok) return outcome.failure;
      const reply = outcome.body as { images?: Array<{ url?: unknown }>; image?: { url?: unknown } };
      const image = Array.isArray(reply?.images) ? reply.images[0]?.url : reply?.image?.url;
      if (typeof image !== 'string') return fail('the result has no images[0].url', true);
      return { output: markdownImage(prompt, image) };
    });
  }

  const base = (str(config.apiBaseUrl) ?? 'https://modelslab.com/api/v6').replace(/\/+$/, '');
  const url = `${base}/images/text2img`;
  const headers = withConfigHeaders({}, config);
  return keyedProvider({ spec, url, apiKey, keyVars: keyVar, secrets }, async (prompt, context, fail) => {
    const body: Record<string, unknown> = {
      key: apiKey,
      model_id: model,
      prompt,
      width: config.width ?? 512,
      height: config.height ?? 512,
      num_inference_steps: config.num_inference_steps ?? 30,
      guidance_scale: config.guidance_scale ?? 7.5,
      samples: config.samples ?? 1,
      safety_checker: config.safety_checker ?? 'no',
      enhance_prompt: config.enhance_prompt ?? 'no',
    };
    if (config.negative_prompt !== undefined) body.negative_prompt = config.negative_prompt;
    if (config.seed !== undefined) body.seed = config.seed;
    let outcome = await postJson(url, body, headers, { ...request, signal: context.signal });
    for (let polls = 0; ; polls++) {
      if (!outcome.ok) return outcome.failure;
      const reply = outcome.body as {
        status?: unknown;
        output?: unknown;
        message?: unknown;
        id?: unknown;
        request_id?: unknown;
      };
      if (reply?.status !== 'processing') return modelsLabResult(reply, prompt, fail);
      if (polls >= MODELSLAB_MAX_POLLS) return fail('the image was still processing after 3 minutes', true);
      await pollDelay(MODELSLAB_POLL_MS, context.signal);
      if (context.signal?.aborted) return fail('timed out waiting for the image', true);
      const id = String(reply.request_id ?? reply.id);
      outcome = await postJson(`${base}/images/fetch/${encodeURIComponent(id)}`, { key: apiKey }, headers, {
        ...request,
        signal: context.signal,
      });
    }
  });
}

function modelsLabResult(
  reply: { status?: unknown; output?: unknown; message?: unknown },
  prompt: string,
  fail: Fail,
): ProviderResponse {
  // ModelsLab answers errors with HTTP 200 and `status: error`.
  if (reply?.status === 'error') return fail(`ModelsLab: ${String(reply.message ?? 'unknown error')}`, false);
  if (reply?.status !== 'success') return fail(`an unexpected status ${JSON.stringify(reply?.status)}`, true);
  const first = Array.isArray(reply.output) ? reply.output[0] : undefined;
  if (typeof first !== 'string') return fail('the result has no image URL', true);
  return { output: markdownImage(prompt, first) };
}
