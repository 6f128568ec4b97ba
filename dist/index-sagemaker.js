import { toAnthropicMessages, usageOf as usageOf$1, outputOf as outputOf$1 } from './index-anthropic.js';
import { b as awsRegion, a as awsCredentialSource, s as signAwsRequest } from './index-aws.js';
import { c as compileCode } from './index-config-code.js';
import { p as priceFor, c as costOf, t as toChatMessages } from './index-prices.js';
import { s as str } from './index-credentials.js';
import { f as failure, p as postJson, w as withConfigHeaders } from './index-http.js';
import { usageOf, outputOf } from './index-openai.js';
import { s as secretsInConfig, c as cacheIdentityOf } from './index-secrets.js';
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
import './index-tool-callbacks.js';
import 'node:fs/promises';
import 'node:path';
import 'process';
import 'buffer';
import './index-errors.js';
import './index-import.js';
import 'node:url';
import 'node:fs';
import 'node:os';

const SAGEMAKER_TYPES = [
    'openai',
    'anthropic',
    'llama',
    'huggingface',
    'jumpstart',
    'embedding',
    'custom',
];
const num = (config, ...keys) => keys.map((k) => config[k]).find((v) => typeof v === 'number');
/** The request body for the container type. */
function sageMakerBody(type, prompt, config) {
    const maxTokens = num(config, 'maxTokens', 'max_tokens', 'max_new_tokens');
    const temperature = num(config, 'temperature');
    const topP = num(config, 'topP', 'top_p');
    const stop = config.stopSequences ?? config.stop;
    switch (type) {
        case 'openai':
            return {
                messages: toChatMessages(prompt),
                ...(maxTokens !== undefined ? { max_tokens: maxTokens } : {}),
                ...(temperature !== undefined ? { temperature } : {}),
                ...(topP !== undefined ? { top_p: topP } : {}),
                ...(Array.isArray(stop) ? { stop } : {}),
            };
        case 'anthropic': {
            const { system, messages } = toAnthropicMessages(prompt);
            return {
                messages,
                ...(system !== undefined ? { system } : {}),
                max_tokens: maxTokens ?? 1024,
                ...(temperature !== undefined ? { temperature } : {}),
                ...(topP !== undefined ? { top_p: topP } : {}),
                ...(Array.isArray(stop) ? { stop_sequences: stop } : {}),
            };
        }
        case 'embedding':
            return { text_inputs: prompt };
        default:
            return {
                inputs: prompt,
                parameters: {
                    ...(maxTokens !== undefined ? { max_new_tokens: maxTokens } : {}),
                    ...(temperature !== undefined ? { temperature } : {}),
                    ...(topP !== undefined ? { top_p: topP } : {}),
                    ...(Array.isArray(stop) ? { stop } : {}),
                },
            };
    }
}
/** The reply for the container type → a ProviderResponse (without cost). */
function responseOf(type, reply, fail) {
    const r = reply;
    if (type === 'openai') {
        const completion = reply;
        const message = Array.isArray(completion?.choices) ? completion.choices[0]?.message : undefined;
        return message
            ? { output: outputOf(message), tokenUsage: usageOf(completion.usage) }
            : fail('the reply has no choices[0].message');
    }
    if (type === 'anthropic') {
        const message = reply;
        return Array.isArray(message?.content)
            ? { output: outputOf$1(message.content), tokenUsage: usageOf$1(message.usage) }
            : fail('the reply has no content array');
    }
    if (type === 'embedding') {
        const vector = Array.isArray(r) ? r[0] : r?.embedding;
        const flat = Array.isArray(vector) && Array.isArray(vector[0]) ? vector[0] : vector;
        return Array.isArray(flat) && flat.every((x) => typeof x === 'number')
            ? { output: flat }
            : fail('the reply has no embedding');
    }
    // TGI / JumpStart: [{generated_text}] or {generated_text}; some containers answer with a bare string.
    const first = Array.isArray(r) ? r[0] : r;
    if (typeof first === 'string')
        return { output: first };
    const text = first?.generated_text;
    return typeof text === 'string' ? { output: text } : fail('the reply has no generated_text');
}
function createSageMakerProvider(spec, type, endpoint, options) {
    const { config } = spec;
    const format = config.responseFormat;
    if (format !== undefined && (typeof format !== 'object' || typeof format.path !== 'string')) {
        throw new Error('config.responseFormat: expected { path: <JavaScript over json> }, e.g. path: json.generated_text');
    }
    for (const key of ['contentType', 'acceptType']) {
        if (config[key] !== undefined && config[key] !== 'application/json')
            throw new Error(`config.${key}: only application/json is supported`);
    }
    const compiled = Promise.all([
        typeof config.transform === 'string'
            ? compileCode(config.transform, ['prompt', 'context'], options.rootDir)
            : undefined,
        format ? compileCode(format.path, ['json'], options.rootDir) : undefined,
    ]);
    // Surfaced by the first call (as a non-retried error) if the code does not compile.
    compiled.catch(() => { });
    const region = awsRegion(config, options.env, 'AWS_SAGEMAKER_REGION');
    const base = (str(config.apiBaseUrl) ??
        str(config.endpointUrl) ??
        `https://runtime.sagemaker.${region}.amazonaws.com`).replace(/\/+$/, '');
    const url = new URL(`${base}/endpoints/${encodeURIComponent(endpoint)}/invocations`);
    const credentials = awsCredentialSource(config, options.env);
    const secrets = secretsInConfig(config);
    const price = priceFor(str(config.modelName) ?? '', config);
    const label = spec.id;
    return {
        id: spec.id,
        label: spec.label,
        cacheIdentity: cacheIdentityOf(spec.id, config, { region }),
        async callApi(prompt, context) {
            let transform;
            let path;
            try {
                [transform, path] = await compiled;
                if (transform)
                    prompt = String(await transform(prompt, context));
            }
            catch (err) {
                return failure({ label, secrets }, `config.transform: ${err instanceof Error ? err.message : String(err)}`, false);
            }
            const body = sageMakerBody(type, prompt, config);
            let signed;
            try {
                signed = await signAwsRequest(url, JSON.stringify(body), 'sagemaker', region, credentials);
            }
            catch (err) {
                return failure({ label, secrets }, `no AWS credentials (${err instanceof Error ? err.message : String(err)}): set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or a role`, false);
            }
            const callSecrets = [...secrets, ...signed.secrets];
            const outcome = await postJson(url.href, body, { ...withConfigHeaders({}, config), ...signed.headers }, {
                signal: context.signal,
                secrets: callSecrets,
                label,
                credentialHint: `check the AWS credentials and their sagemaker:InvokeEndpoint permission for ${endpoint} in ${region}`,
            });
            if (!outcome.ok)
                return outcome.failure;
            if (path) {
                try {
                    return { output: await path(outcome.body) };
                }
                catch (err) {
                    const message = `config.responseFormat.path: ${err instanceof Error ? err.message : String(err)}`;
                    return failure({ label, secrets: callSecrets }, message, false);
                }
            }
            const response = responseOf(type, outcome.body, (m) => failure({ label, secrets: callSecrets }, m, false));
            if (response.error || !response.tokenUsage)
                return response;
            return { ...response, cost: costOf(price, response.tokenUsage) };
        },
    };
}

export { SAGEMAKER_TYPES, createSageMakerProvider, sageMakerBody };
