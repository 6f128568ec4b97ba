import { s as str, a as secretsInConfig, w as withConfigHeaders, b as copyConfigParams, p as postJson, f as failure, e as endpointOf, c as cacheIdentityOf } from './cli-main.js';
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
