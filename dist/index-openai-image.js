import { s as str, k as keyHint } from './index-credentials.js';
import { w as withConfigHeaders, p as postJson } from './index-http.js';
import { k as keyedProvider } from './index-keyed.js';
import { openAiKeyVar, openAiApiKey, openAiBaseUrl } from './index-openai.js';
import { responsesUsage } from './index-openai-responses.js';
import { p as priceFor, c as costOf } from './index-prices.js';
import { s as secretsInConfig } from './index-secrets.js';
import 'node:fs';
import 'node:os';
import 'node:path';
import './index-anthropic.js';
import './index-_commonjsHelpers.js';
import 'events';
import 'fs';
import 'path';
import 'node:crypto';
import 'node:http';
import 'node:https';
import 'node:util';
import 'node:zlib';
import 'node:events';
import 'node:fs/promises';
import './index-errors.js';
import './index-tool-callbacks.js';
import 'process';
import 'buffer';
import './index-import.js';
import 'node:url';
import './index-azure.js';
import './index-openai-completions.js';

/** xAI's API root: `apiBaseUrl` when set (the image and video APIs). */
const xaiBaseUrl = (config) => (str(config.apiBaseUrl) ?? 'https://api.x.ai/v1').replace(/\/+$/, '');
const isGptImage = (model) => model.startsWith('gpt-image');
/** promptfoo's request: size (1024x1024), n (1), the response format where the model takes one, model-specific keys. */
function imageBody(model, prompt, config) {
    const body = { model, prompt, n: typeof config.n === 'number' ? config.n : 1 };
    if (config.size !== undefined || !model.startsWith('grok'))
        body.size = str(config.size) ?? '1024x1024';
    if (!isGptImage(model))
        body.response_format = str(config.response_format) ?? 'url';
    const keys = model === 'dall-e-3'
        ? ['quality', 'style']
        : isGptImage(model)
            ? ['quality', 'background', 'output_format', 'output_compression', 'moderation']
            : [];
    for (const key of keys)
        if (config[key] !== undefined)
            body[key] = config[key];
    return body;
}
/** The prompt as promptfoo writes it in a media link: on one line, brackets softened, cut to 50 characters. */
function mediaAltText(prompt) {
    const oneLine = prompt
        .replace(/\r?\n|\r/g, ' ')
        .replace(/\[/g, '(')
        .replace(/\]/g, ')');
    return oneLine.length > 50 ? `${oneLine.slice(0, 47)}...` : oneLine;
}
/** `![prompt](url)`, as promptfoo writes an image. */
function markdownImage(prompt, url) {
    return `![${mediaAltText(prompt)}](${url})`;
}
function createImageProvider(spec, vendor, model, options) {
    const { config } = spec;
    const keyVar = vendor === 'xai' ? (str(config.apiKeyEnvar) ?? 'XAI_API_KEY') : openAiKeyVar('openai', config);
    const apiKey = vendor === 'xai' ? (str(config.apiKey) ?? str(options.env[keyVar])) : openAiApiKey('openai', config, options.env);
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
        if (!outcome.ok)
            return outcome.failure;
        const reply = outcome.body;
        const first = Array.isArray(reply?.data) ? reply.data[0] : undefined;
        const tokenUsage = responsesUsage(reply?.usage);
        const cost = costOf(price, tokenUsage);
        if (body.response_format === 'b64_json' || isGptImage(model)) {
            if (typeof first?.b64_json !== 'string')
                return fail('the response has no data[0].b64_json', true);
            return { output: JSON.stringify(reply), tokenUsage, cost };
        }
        if (typeof first?.url !== 'string')
            return fail('the response has no data[0].url', true);
        return { output: markdownImage(prompt, first.url), tokenUsage, cost };
    });
}

export { createImageProvider, imageBody, markdownImage, mediaAltText, xaiBaseUrl };
