import { O as imageHostKeyVar, s as str, a as secretsInConfig, w as withConfigHeaders, p as postJson, i as pollDelay, k as keyHint } from './cli-main.js';
import { k as keyedProvider } from './cli-keyed.js';
import { markdownImage } from './cli-openai-image.js';
import 'node:path';
import 'node:fs';
import 'node:os';
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
import 'process';
import 'buffer';
import 'node:url';
import './cli-version.js';
import 'node:child_process';
import './cli-openai-responses.js';
import './cli-azure.js';
import './cli-openai-completions.js';

/** Config keys that are the provider's own, not the model's input. */
const OWN_KEYS = new Set(['apiKey', 'apiKeyEnvar', 'apiBaseUrl', 'headers', 'client', 'cost']);
const MODELSLAB_POLL_MS = 3000;
const MODELSLAB_MAX_POLLS = 60;
function createImageHostProvider(spec, host, model, options) {
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
            if (!outcome.ok)
                return outcome.failure;
            const reply = outcome.body;
            const image = Array.isArray(reply?.images) ? reply.images[0]?.url : reply?.image?.url;
            if (typeof image !== 'string')
                return fail('the result has no images[0].url', true);
            return { output: markdownImage(prompt, image) };
        });
    }
    const base = (str(config.apiBaseUrl) ?? 'https://modelslab.com/api/v6').replace(/\/+$/, '');
    const url = `${base}/images/text2img`;
    const headers = withConfigHeaders({}, config);
    return keyedProvider({ spec, url, apiKey, keyVars: keyVar, secrets }, async (prompt, context, fail) => {
        const body = {
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
        if (config.negative_prompt !== undefined)
            body.negative_prompt = config.negative_prompt;
        if (config.seed !== undefined)
            body.seed = config.seed;
        let outcome = await postJson(url, body, headers, { ...request, signal: context.signal });
        for (let polls = 0;; polls++) {
            if (!outcome.ok)
                return outcome.failure;
            const reply = outcome.body;
            if (reply?.status !== 'processing')
                return modelsLabResult(reply, prompt, fail);
            if (polls >= MODELSLAB_MAX_POLLS)
                return fail('the image was still processing after 3 minutes', true);
            await pollDelay(MODELSLAB_POLL_MS, context.signal);
            if (context.signal?.aborted)
                return fail('timed out waiting for the image', true);
            const id = String(reply.request_id ?? reply.id);
            outcome = await postJson(`${base}/images/fetch/${encodeURIComponent(id)}`, { key: apiKey }, headers, {
                ...request,
                signal: context.signal,
            });
        }
    });
}
function modelsLabResult(reply, prompt, fail) {
    // ModelsLab answers errors with HTTP 200 and `status: error`.
    if (reply?.status === 'error')
        return fail(`ModelsLab: ${String(reply.message ?? 'unknown error')}`, false);
    if (reply?.status !== 'success')
        return fail(`an unexpected status ${JSON.stringify(reply?.status)}`, true);
    const first = Array.isArray(reply.output) ? reply.output[0] : undefined;
    if (typeof first !== 'string')
        return fail('the result has no image URL', true);
    return { output: markdownImage(prompt, first) };
}

export { createImageHostProvider };
