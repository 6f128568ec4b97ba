import { s as str, f as failure, b as copyConfigParams, J as hfToken, a as secretsInConfig, w as withConfigHeaders, p as postJson, k as keyHint, K as HF_TOKEN_VARS, e as endpointOf, c as cacheIdentityOf } from './cli-main.js';
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
];
/** Where promptfoo sends the classification tasks (its HF_INFERENCE_API_URL) when no apiEndpoint is set. */
const HF_INFERENCE_URL = 'https://router.huggingface.co/hf-inference';
/** What every task's provider shares: the URL, the token as a bearer, and the post that names the provider. */
function inferenceClient(spec, url, options) {
    const { config } = spec;
    const token = hfToken(config, options.env);
    const secrets = [...secretsInConfig(config), ...(token ? [token] : [])];
    const headers = withConfigHeaders(token ? { authorization: `Bearer ${token}` } : {}, config);
    const label = spec.id;
    return {
        label,
        secrets,
        identity: {
            id: spec.id,
            label: spec.label,
            cacheIdentity: cacheIdentityOf(spec.id, config, { url }),
            endpoint: endpointOf(url, token),
        },
        post: (body, signal) => postJson(url, body, headers, {
            signal,
            secrets,
            label,
            credentialHint: keyHint(str(config.apiKeyEnvar) ?? HF_TOKEN_VARS.join(' or ')),
        }),
    };
}
function createHuggingFaceTextProvider(spec, model, options) {
    const { config } = spec;
    const client = inferenceClient(spec, str(config.apiEndpoint) ?? `https://api-inference.huggingface.co/models/${model}`, options);
    return {
        ...client.identity,
        async callApi(prompt, context) {
            const parameters = {};
            copyConfigParams(parameters, config, PARAMS);
            const body = { inputs: prompt, parameters, ...(config.options ? { options: config.options } : {}) };
            const outcome = await client.post(body, context.signal);
            if (!outcome.ok)
                return outcome.failure;
            const reply = outcome.body;
            const first = Array.isArray(reply) ? reply[0] : reply;
            if (typeof first?.generated_text !== 'string')
                return failure(client, 'the reply has no generated_text', true);
            return { output: first.generated_text };
        },
    };
}
/** promptfoo's request body per task: token classification groups the tokens (aggregation_strategy). */
function classificationBody(task, input, config) {
    if (task === 'text')
        return { inputs: input, parameters: {} };
    return {
        inputs: input,
        parameters: { aggregation_strategy: str(config.aggregation_strategy) ?? 'simple' },
        options: {
            use_cache: config.use_cache === undefined ? true : config.use_cache,
            wait_for_model: config.wait_for_model ?? false,
        },
    };
}
const isScored = (item, key) => typeof item === 'object' &&
    item !== null &&
    typeof item[key] === 'string' &&
    typeof item.score === 'number' &&
    Number.isFinite(item.score);
/**
 * The label → score map of a reply, or why it is not one. Text classification answers `[[{label, score}]]`
 * (a flat `[{label, score}]` is read too: the same list without the per-input wrapper); token classification
 * `[{entity_group, score}]` (`entity` when not aggregated), each group keeping its highest score.
 */
function readClassification(task, reply) {
    if (reply && typeof reply === 'object' && !Array.isArray(reply) && 'error' in reply)
        return `Hugging Face answered an error: ${JSON.stringify(reply.error)}`;
    if (!Array.isArray(reply))
        return `the reply is not a list (got ${shorten(reply)})`;
    const classification = {};
    if (task === 'text') {
        const items = Array.isArray(reply[0]) ? reply[0] : reply;
        if (items.length === 0 || !items.every((item) => isScored(item, 'label')))
            return `the reply is not a list of {label, score} (got ${shorten(reply)})`;
        for (const item of items)
            classification[item.label] = item.score;
        return classification;
    }
    for (const item of reply) {
        const group = isScored(item, 'entity_group')
            ? item.entity_group
            : isScored(item, 'entity')
                ? item.entity
                : undefined;
        if (typeof group !== 'string')
            return `the reply is not a list of {entity_group, score} (got ${shorten(reply)})`;
        const score = item.score;
        if (!(group in classification) || classification[group] < score)
            classification[group] = score;
    }
    return classification;
}
function shorten(value) {
    const shown = JSON.stringify(value) ?? String(value);
    return shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
}
function createHuggingFaceClassificationProvider(spec, task, model, options) {
    const { config } = spec;
    const client = inferenceClient(spec, str(config.apiEndpoint) ?? `${HF_INFERENCE_URL}/models/${model}`, options);
    return {
        ...client.identity,
        async callApi(prompt, context) {
            const outcome = await client.post(classificationBody(task, prompt, config), context.signal);
            if (!outcome.ok)
                return outcome.failure;
            const classification = readClassification(task, outcome.body);
            // A malformed or error answer may be a model still loading behind a proxy: the engine retries it.
            if (typeof classification === 'string')
                return failure(client, classification, true);
            return { output: classification };
        },
    };
}

export { createHuggingFaceClassificationProvider, createHuggingFaceTextProvider, readClassification };
