import { I as watsonxAuth, s as str, a as secretsInConfig, j as priceFor, p as postJson, w as withConfigHeaders, f as failure, m as costOf } from './cli-main.js';
import { k as keyedProvider } from './cli-keyed.js';
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

const API_VERSION = '2023-05-29';
const IAM_URL = 'https://iam.cloud.ibm.com/identity/token';
/** Renew a minute early, so a token never expires mid-call. */
const EARLY_MS = 60_000;
function createWatsonxProvider(spec, model, options) {
    const { config } = spec;
    const auth = watsonxAuth(config, options.env);
    const project = str(config.projectId) ?? str(options.env.WATSONX_AI_PROJECT_ID);
    if (!project)
        throw new Error('names no project: set config.projectId or WATSONX_AI_PROJECT_ID');
    const base = (str(config.serviceUrl) ?? 'https://us-south.ml.cloud.ibm.com').replace(/\/+$/, '');
    const url = `${base}/ml/v1/text/generation?version=${encodeURIComponent(str(config.version) ?? API_VERSION)}`;
    const iamUrl = str(config.iamUrl) ?? IAM_URL;
    const secrets = [...secretsInConfig(config), ...auth.values];
    const price = priceFor(model, config);
    const label = spec.id;
    let token = auth.bearer
        ? { value: auth.bearer, until: Infinity }
        : undefined;
    return keyedProvider({ spec, url, apiKey: auth.apiKey ?? auth.bearer, keyVars: 'WATSONX_AI_APIKEY or WATSONX_AI_BEARER_TOKEN', secrets }, async (prompt, context, fail) => {
        const request = { signal: context.signal, secrets, label };
        if (!token || Date.now() >= token.until) {
            const exchange = await postJson(iamUrl, undefined, { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, {
                ...request,
                bodyText: new URLSearchParams({
                    grant_type: 'urn:ibm:params:oauth:grant-type:apikey',
                    apikey: auth.apiKey ?? '',
                }).toString(),
                credentialHint: 'check WATSONX_AI_APIKEY (an IBM Cloud API key)',
            });
            if (!exchange.ok)
                return exchange.failure;
            const issued = exchange.body;
            if (typeof issued?.access_token !== 'string')
                return fail('the IAM token reply has no access_token', true);
            const lifetime = typeof issued.expires_in === 'number' ? issued.expires_in * 1000 : 3_600_000;
            token = { value: issued.access_token, until: Date.now() + lifetime - EARLY_MS };
        }
        const body = {
            input: prompt,
            model_id: model,
            project_id: project,
            parameters: { max_new_tokens: typeof config.maxNewTokens === 'number' ? config.maxNewTokens : 100 },
        };
        const headers = withConfigHeaders({ authorization: `Bearer ${token.value}`, accept: 'application/json' }, config);
        const outcome = await postJson(url, body, headers, {
            ...request,
            secrets: [...secrets, token.value],
            credentialHint: 'check WATSONX_AI_APIKEY or WATSONX_AI_BEARER_TOKEN, and the project',
        });
        if (!outcome.ok) {
            if (outcome.failure.error?.includes('HTTP 401') && token.until !== Infinity)
                token = undefined;
            return outcome.failure;
        }
        const first = outcome.body?.results?.[0];
        if (typeof first?.generated_text !== 'string')
            return failure({ label, secrets }, 'the reply has no results[0].generated_text', true);
        const n = (v) => (typeof v === 'number' ? v : 0);
        const tokenUsage = {
            prompt: n(first.input_token_count),
            completion: n(first.generated_token_count),
            total: n(first.input_token_count) + n(first.generated_token_count),
        };
        return { output: first.generated_text, tokenUsage, cost: costOf(price, tokenUsage) };
    });
}

export { createWatsonxProvider };
