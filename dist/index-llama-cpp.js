import { s as str } from './index-credentials.js';
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
import './index-import.js';
import 'node:url';
import 'node:http';
import 'node:https';
import 'node:util';
import 'node:zlib';
import 'node:events';

/** The server's sampling parameters promptfoo passes through by their llama.cpp names. */
const PARAMS = [
    'temperature',
    'top_k',
    'top_p',
    'min_p',
    'n_keep',
    'stop',
    'repeat_penalty',
    'repeat_last_n',
    'penalize_nl',
    'presence_penalty',
    'frequency_penalty',
    'mirostat',
    'mirostat_tau',
    'mirostat_eta',
    'seed',
    'ignore_eos',
    'logit_bias',
];
function createLlamaCppProvider(spec) {
    const { config } = spec;
    const url = `${(str(config.baseUrl) ?? str(config.apiBaseUrl) ?? 'http://localhost:8080').replace(/\/+$/, '')}/completion`;
    const secrets = secretsInConfig(config);
    const headers = withConfigHeaders({}, config);
    const label = spec.id;
    return {
        id: spec.id,
        label: spec.label,
        cacheIdentity: cacheIdentityOf(spec.id, config, { url }),
        endpoint: endpointOf(url, undefined),
        async callApi(prompt, context) {
            const body = {
                prompt,
                n_predict: typeof config.n_predict === 'number' ? config.n_predict : 512,
            };
            copyConfigParams(body, config, PARAMS);
            const outcome = await postJson(url, body, headers, { signal: context.signal, secrets, label });
            if (!outcome.ok)
                return outcome.failure;
            const reply = outcome.body;
            if (typeof reply?.content !== 'string')
                return failure({ label, secrets }, 'the reply has no `content`', true);
            const n = (v) => (typeof v === 'number' ? v : 0);
            const prompt_ = n(reply.tokens_evaluated);
            const completion = n(reply.tokens_predicted);
            return {
                output: reply.content,
                ...(prompt_ || completion ? { tokenUsage: { prompt: prompt_, completion, total: prompt_ + completion } } : {}),
            };
        },
    };
}

export { createLlamaCppProvider };
