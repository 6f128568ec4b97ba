// OpenAI's image generation (`openai:image:<model>`) and xAI's, which speaks the same API (`xai:image:<model>`).
// The output is promptfoo's: a markdown image `![prompt](url)` for a URL, the reply's JSON for base64 images
// (gpt-image models always answer in base64), so assertions written for promptfoo grade the same text.
import type { Provider, ProviderSpec } from '../types.js';
import { keyHint, str } from './credentials.js';
import { postJson, withConfigHeaders } from './http.js';
import { keyedProvider } from './keyed.js';
import { openAiApiKey, openAiBaseUrl, openAiKeyVar, type HttpProviderOptions } from './openai.js';
import { responsesUsage } from './openai-responses.js';
import { costOf, priceFor } from './prices.js';
import { secretsInConfig } from './secrets.js';

export type ImageVendor = 'openai' | 'xai';

/** xAI's API root: `apiBaseUrl` when set (the image and video APIs). */
export const xaiBaseUrl = (config: Record<string, unknown>): string =>
  (str(config.apiBaseUrl) ?? 'https://api.x.ai/v1').replace(/\/+$/, '');

const isGptImage = (model: string) => model.startsWith('gpt-image');

/** promptfoo's request: size (1024x1024), n (1), the response format where the model takes one, model-specific keys. */
export function imageBody(model: string, prompt: string, config: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = { model, prompt, n: typeof config.n === 'number' ? config.n : 1 };
  if (config.size !== undefined || !model.startsWith('grok')) body.size = str(config.size) ?? '1024x1024';
  if (!isGptImage(model)) body.response_format = str(config.response_format) ?? 'url';
  const keys =
    model === 'dall-e-3'
      ? ['quality', 'style']
      : isGptImage(model)
        ? ['quality', 'background', 'output_format', 'output_compression', 'moderation']
        : [];
  for (const key of keys) if (config[key] !== undefined) body[key] = config[key];
  return body;
}

/** The prompt as promptfoo writes it in a media link: on one line, brackets softened, cut to 50 characters. */
export function mediaAltText(prompt: string): string {
  const oneLine = prompt
    .replace(/\r?\n|\r/g, ' ')
    .replace(/\[/g, '(')
    .replace(/\]/g, ')');
  return oneLine.length > 50 ? `${oneLine.slice(0, 47)}...` : oneLine;
}

/** `![prompt](url)`, as promptfoo writes an image. */
export function markdownImage(prompt: string, url: string): string {
  return `![${mediaAltText(prompt)}](${url})`;
}

export function createImageProvider(
  spec: ProviderSpec,
  vendor: ImageVendor,
  model: string,
  options: HttpProviderOptions,
): Provider {
  const { config } = spec;
  const keyVar = vendor === 'xai' ? (str(config.apiKeyEnvar) ?? 'XAI_API_KEY') : openAiKeyVar('openai', config);
  const apiKey =
    vendor === 'xai' ? (str(config.apiKey) ?? str(options.env[keyVar])) : openAiApiKey('openai', config, options.env);
  const base = vendor === 'xai' ? xaiBaseUrl(config) : openAiBaseUrl('openai', config, options.env);
  const url = `${base}/images/generations`;
  const secrets = [...secretsInConfig(config), ...(apiKey ? [apiKey] : [])];
  const headers = withConfigHeaders(apiKey ? { authorization: `Bearer ${apiKey}` } : {}, config);
  const price = priceFor('', config);
  return keyedProvider({ spec, url, apiKey, keyVars: keyVar, secrets }, async (prompt, context, fail) => {
    const body = imageBody(model, prompt, config);
    const outcome = await postJson(url, body, headers, {
      signal: context.signal,
      secrets,
      label: spec.id,
      credentialHint: keyHint(keyVar),
    });
    if (!outcome.ok) return outcome.failure;
    const reply = outcome.body as {
      data?: Array<{ url?: unknown; b64_json?: unknown }>;
      usage?: Parameters<typeof responsesUsage>[0];
    };
    const first = Array.isArray(reply?.data) ? reply.data[0] : undefined;
    const tokenUsage = responsesUsage(reply?.usage);
    const cost = costOf(price, tokenUsage);
    if (body.response_format === 'b64_json' || isGptImage(model)) {
      if (typeof first?.b64_json !== 'string') return fail('the response has no data[0].b64_json', true);
      return { output: JSON.stringify(reply), tokenUsage, cost };
    }
    if (typeof first?.url !== 'string') return fail('the response has no data[0].url', true);
    return { output: markdownImage(prompt, first.url), tokenUsage, cost };
  });
}
