import { s as str, R as REPLICATE_KEY_VARS, k as keyHint } from './index-credentials.js';
import { w as withConfigHeaders, p as postJson, a as pollDelay } from './index-http.js';
import { k as keyedProvider } from './index-keyed.js';
import { p as priceFor, c as costOf } from './index-prices.js';
import { s as secretsInConfig } from './index-secrets.js';
import 'node:fs';
import 'node:os';
import 'node:path';
import './index-anthropic.js';
import 'node:crypto';
import 'node:fs/promises';
import './index-errors.js';
import './index-openai.js';
import './index-tool-callbacks.js';
import 'process';
import 'buffer';
import './index-_commonjsHelpers.js';
import './index-import.js';
import 'node:url';
import 'node:http';
import 'node:https';
import 'node:util';
import 'node:zlib';
import 'node:events';
import 'events';
import 'fs';
import 'path';

/** Model inputs promptfoo passes through from the config (each model documents which it takes). */
const INPUT_KEYS = [
    'system_prompt',
    'prompt_template',
    'temperature',
    'top_p',
    'top_k',
    'max_tokens',
    'max_new_tokens',
    'min_new_tokens',
    'max_length',
    'repetition_penalty',
    'presence_penalty',
    'frequency_penalty',
    'stop_sequences',
    'seed',
    'width',
    'height',
    'aspect_ratio',
    'num_outputs',
    'output_format',
    'output_quality',
    'guidance_scale',
    'num_inference_steps',
    'negative_prompt',
    'safety_tolerance',
    'guidance',
    'raw',
];
const POLL_MS = 1000;
/** Llama Guard 3's hazard categories (S1–S13) and Llama Guard 4's S14, as promptfoo describes them. */
const LLAMA_GUARD_CATEGORIES = {
    S1: 'Violent Crimes',
    S2: 'Non-Violent Crimes',
    S3: 'Sex Crimes',
    S4: 'Child Exploitation',
    S5: 'Defamation',
    S6: 'Specialized Advice',
    S7: 'Privacy',
    S8: 'Intellectual Property',
    S9: 'Indiscriminate Weapons',
    S10: 'Hate',
    S11: 'Self-Harm',
    S12: 'Sexual Content',
    S13: 'Elections',
    S14: 'Code Interpreter Abuse',
};
/**
 * The flags of a Llama Guard verdict, or why it is not one. A code outside the table (a later Llama Guard's)
 * is kept under its own name, and `unsafe` with no code at all is one `unsafe` flag: promptfoo drops both,
 * passing a response its moderator called unsafe.
 */
function readLlamaGuard(output) {
    const lines = typeof output === 'string' ? output.trim().split('\n') : [];
    const verdict = lines[0]?.trim();
    if (verdict === 'safe')
        return [];
    if (verdict !== 'unsafe') {
        const shown = JSON.stringify(output) ?? String(output);
        return `the moderation model did not answer safe or unsafe (got ${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown})`;
    }
    const codes = (lines[1] ?? '')
        .split(',')
        .map((code) => code.trim())
        .filter(Boolean);
    if (codes.length === 0)
        return [{ code: 'unsafe', description: 'unsafe (no category given)', confidence: 1 }];
    return [...new Set(codes)].map((code) => ({
        code,
        description: LLAMA_GUARD_CATEGORIES[code] ?? code,
        confidence: 1,
    }));
}
const LLAMA_GUARD = {
    input: (userPrompt, response) => `Human: ${userPrompt}\n\nAssistant: ${response}`,
    flags: readLlamaGuard,
};
function replicateApiKey(config, env) {
    if (str(config.apiKeyEnvar))
        return str(config.apiKey) ?? str(env[str(config.apiKeyEnvar)]);
    return str(config.apiKey) ?? REPLICATE_KEY_VARS.map((name) => str(env[name])).find(Boolean);
}
function usageOf(metrics) {
    const n = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    const prompt = n(metrics?.input_token_count);
    const completion = n(metrics?.output_token_count);
    if (prompt === undefined && completion === undefined)
        return {};
    return { prompt: prompt ?? 0, completion: completion ?? 0, total: (prompt ?? 0) + (completion ?? 0) };
}
function outputOf(kind, output) {
    if (Array.isArray(output) && output.every((x) => typeof x === 'string')) {
        return kind === 'image' ? output[0] : output.join('');
    }
    return output;
}
function createReplicateProvider(spec, kind, model, options) {
    const { config } = spec;
    const base = (str(config.apiBaseUrl) ?? 'https://api.replicate.com').replace(/\/+$/, '').replace(/\/v1$/, '');
    // `owner/name:version` runs that version; `owner/name` runs the model's latest (official models).
    const [name, version] = model.split(':');
    const url = version ? `${base}/v1/predictions` : `${base}/v1/models/${name}/predictions`;
    const apiKey = replicateApiKey(config, options.env);
    const keyVars = str(config.apiKeyEnvar) ?? REPLICATE_KEY_VARS.join(' or ');
    const secrets = [...secretsInConfig(config), ...(apiKey ? [apiKey] : [])];
    const headers = withConfigHeaders({ ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}), prefer: 'wait' }, config);
    const price = priceFor('', config);
    const label = spec.id;
    const hint = keyHint(keyVars);
    const provider = keyedProvider({ spec, url, apiKey, keyVars, secrets }, async (prompt, context, fail) => {
        const input = {
            ...(config.input && typeof config.input === 'object' ? config.input : {}),
            prompt,
        };
        for (const key of INPUT_KEYS)
            if (config[key] !== undefined)
                input[key] = config[key];
        const request = { signal: context.signal, secrets, label, credentialHint: hint };
        let outcome = await postJson(url, { ...(version ? { version } : {}), input }, headers, request);
        for (;;) {
            if (!outcome.ok)
                return outcome.failure;
            const prediction = outcome.body;
            if (!prediction || typeof prediction !== 'object')
                return fail('the response is not a prediction object', true);
            const tokenUsage = usageOf(prediction.metrics);
            if (prediction.status === 'succeeded') {
                return { output: outputOf(kind, prediction.output), tokenUsage, cost: costOf(price, tokenUsage) };
            }
            if (prediction.status === 'failed' || prediction.status === 'canceled') {
                return fail(`the prediction ${String(prediction.status)}: ${String(prediction.error ?? 'no error given')}`, false);
            }
            const next = prediction.urls?.get;
            if (typeof next !== 'string')
                return fail(`the prediction is ${String(prediction.status)} and has no urls.get to poll`, true);
            // The key goes only to the endpoint the config names, never to an address a reply chose.
            if (new URL(next, base).origin !== new URL(base).origin) {
                return fail(`the prediction asks to be polled at ${new URL(next, base).origin}, not at ${new URL(base).origin}`, false);
            }
            await pollDelay(POLL_MS, context.signal);
            if (context.signal?.aborted)
                return fail('timed out waiting for the prediction', true);
            outcome = await postJson(new URL(next, base).href, undefined, headers, { ...request, method: 'GET' });
        }
    });
    return kind === 'moderation' ? { ...provider, moderation: LLAMA_GUARD } : provider;
}

export { LLAMA_GUARD_CATEGORIES, createReplicateProvider, readLlamaGuard, replicateApiKey };
