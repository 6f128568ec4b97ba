import { k as keyHint, m as missingKeyMessage } from './index-credentials.js';
import { w as withConfigHeaders, f as failure, g as applyPassthrough, p as postJson } from './index-http.js';
import { openAiBaseUrl, openAiApiKey, openAiKeyVar, usageOf, BODY_PARAMS } from './index-openai.js';
import { p as priceFor, c as costOf } from './index-prices.js';
import { c as cacheIdentityOf, s as secretsInConfig } from './index-secrets.js';
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

/** Parameters of the completions endpoint (chat-only ones such as tools are not sent). */
const COMPLETION_PARAMS = BODY_PARAMS.filter((p) => [
    'temperature',
    'max_tokens',
    'top_p',
    'stop',
    'seed',
    'presence_penalty',
    'frequency_penalty',
    'logprobs',
    'logit_bias',
    'n',
    'user',
].includes(p));
function completionOutput(choice) {
    return typeof choice.text === 'string' ? choice.text : '';
}
function embeddingOf(reply) {
    const data = reply?.data;
    const embedding = Array.isArray(data) ? data[0]?.embedding : undefined;
    return Array.isArray(embedding) && embedding.every((x) => typeof x === 'number')
        ? embedding
        : undefined;
}
function clientFor(spec, flavor, env) {
    const { config } = spec;
    const base = openAiBaseUrl(flavor, config, env);
    const apiKey = openAiApiKey(flavor, config, env);
    const keyVar = openAiKeyVar(flavor, config);
    return {
        url: (path) => `${base}/${path}`,
        headers: withConfigHeaders(apiKey ? { authorization: `Bearer ${apiKey}` } : {}, config),
        secrets: [...secretsInConfig(config), ...(apiKey ? [apiKey] : [])],
        ...(flavor === 'openai' && !apiKey ? { missing: missingKeyMessage(keyVar) } : {}),
        hint: keyHint(keyVar),
        label: spec.id,
    };
}
function createCompletionProvider(spec, flavor, model, options) {
    const { config } = spec;
    const client = clientFor(spec, flavor, options.env);
    const price = flavor === 'ollama' ? (priceFor('', config) ?? { input: 0, output: 0 }) : priceFor(model, config);
    return {
        id: spec.id,
        label: spec.label,
        cacheIdentity: cacheIdentityOf(spec.id, config),
        async callApi(prompt, context) {
            if (client.missing)
                return failure(client, client.missing, false);
            const body = { model, prompt };
            for (const param of COMPLETION_PARAMS)
                if (config[param] !== undefined)
                    body[param] = config[param];
            // Ollama's own name for the token limit.
            if (body.max_tokens === undefined && typeof config.num_predict === 'number')
                body.max_tokens = config.num_predict;
            applyPassthrough(body, config);
            const outcome = await postJson(client.url('completions'), body, client.headers, {
                signal: context.signal,
                secrets: client.secrets,
                label: client.label,
                credentialHint: client.hint,
            });
            if (!outcome.ok)
                return outcome.failure;
            const reply = outcome.body;
            const choice = Array.isArray(reply?.choices) ? reply.choices[0] : undefined;
            if (!choice)
                return failure(client, 'the response has no choices[0] (empty choices)', true);
            const tokenUsage = usageOf(reply.usage);
            return { output: completionOutput(choice), tokenUsage, cost: costOf(price, tokenUsage) };
        },
    };
}
function createEmbeddingProvider(spec, model, options) {
    const { config } = spec;
    const client = clientFor(spec, 'openai', options.env);
    const price = priceFor(model, config);
    const embed = async (text, signal) => {
        if (client.missing)
            return failure(client, client.missing, false);
        const body = { model, input: text };
        if (typeof config.dimensions === 'number')
            body.dimensions = config.dimensions;
        if (typeof config.encoding_format === 'string')
            body.encoding_format = config.encoding_format;
        const outcome = await postJson(client.url('embeddings'), body, client.headers, {
            ...(signal ? { signal } : {}),
            secrets: client.secrets,
            label: client.label,
            credentialHint: client.hint,
        });
        if (!outcome.ok)
            return outcome.failure;
        const embedding = embeddingOf(outcome.body);
        if (!embedding)
            return failure(client, 'the response has no data[0].embedding (an array of numbers)', true);
        const tokenUsage = usageOf(outcome.body.usage);
        return { embedding, tokenUsage, cost: costOf(price, tokenUsage) };
    };
    return {
        id: spec.id,
        label: spec.label,
        cacheIdentity: cacheIdentityOf(spec.id, config),
        embed,
        async callApi(prompt, context) {
            const { embedding, ...rest } = await embed(prompt, context.signal);
            return embedding ? { ...rest, output: embedding } : rest;
        },
    };
}

export { clientFor, completionOutput, createCompletionProvider, createEmbeddingProvider, embeddingOf };
