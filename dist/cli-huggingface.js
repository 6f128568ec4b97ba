import { s as str, D as hfToken, a as secretsInConfig, w as withConfigHeaders, b as copyConfigParams, p as postJson, k as keyHint, H as HF_TOKEN_VARS, f as failure, e as endpointOf, c as cacheIdentityOf } from './cli-main.js';
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
import 'node:fs/promises';
import 'process';
import 'buffer';
import 'node:url';
import './cli-version.js';
import 'node:child_process';
import 'node:events';

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
