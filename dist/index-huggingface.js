import { s as str, h as hfToken, k as keyHint, H as HF_TOKEN_VARS } from './index-credentials.js';
import { w as withConfigHeaders, c as copyConfigParams, p as postJson, f as failure, e as endpointOf } from './index-http.js';
import { s as secretsInConfig, c as cacheIdentityOf } from './index-secrets.js';
import 'node:fs';
import 'node:os';
import 'node:path';
import './index-prices.js';
import './index-_commonjsHelpers.js';
import 'events';
import 'fs';
import 'path';
import './index-anthropic.js';
import 'node:crypto';
import 'node:fs/promises';
import './index-errors.js';
import './index-openai.js';
import './index-tool-callbacks.js';
import 'process';
import 'buffer';
import 'node:url';
import 'node:http';
import 'node:https';
import 'node:util';
import 'node:zlib';

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
function createHuggingFaceTextProvider(spec, model, options) {
    const { config } = spec;
    const url = str(config.apiEndpoint) ?? `https://api-inference.huggingface.co/models/${model}`;
    const token = hfToken(config, options.env);
    const secrets = [...secretsInConfig(config), ...(token ? [token] : [])];
    const headers = withConfigHeaders(token ? { authorization: `Bearer ${token}` } : {}, config);
    const label = spec.id;
    return {
        id: spec.id,
        label: spec.label,
        cacheIdentity: cacheIdentityOf(spec.id, config, { url }),
        endpoint: endpointOf(url, token),
        async callApi(prompt, context) {
            const parameters = {};
            copyConfigParams(parameters, config, PARAMS);
            const body = { inputs: prompt, parameters, ...(config.options ? { options: config.options } : {}) };
            const outcome = await postJson(url, body, headers, {
                signal: context.signal,
                secrets,
                label,
                credentialHint: keyHint(str(config.apiKeyEnvar) ?? HF_TOKEN_VARS.join(' or ')),
            });
            if (!outcome.ok)
                return outcome.failure;
            const reply = outcome.body;
            const first = Array.isArray(reply) ? reply[0] : reply;
            if (typeof first?.generated_text !== 'string')
                return failure({ label, secrets }, 'the reply has no generated_text', true);
            return { output: first.generated_text };
        },
    };
}

export { createHuggingFaceTextProvider };
