import { s as str, h as azureAuth, a as secretsInConfig, w as withConfigHeaders, j as priceFor, k as keyHint, f as failure, M as missingKeyMessage, x as toChatMessages, b as copyConfigParams, L as applyPassthrough, p as postJson, u as usageOf, m as costOf, n as outputOf, c as cacheIdentityOf, N as BODY_PARAMS } from './cli-main.js';
import { embeddingOf, completionOutput } from './cli-openai-completions.js';
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

const AZURE_API_VERSION = '2024-10-21';
/** `https://<resource>.openai.azure.com` from apiBaseUrl, apiHost (promptfoo writes a bare host) or their env variables. */
function azureBaseUrl(config, env) {
    const host = str(config.apiHost) ?? str(env.AZURE_API_HOST) ?? str(env.AZURE_OPENAI_API_HOST);
    const base = str(config.apiBaseUrl) ??
        str(env.AZURE_API_BASE_URL) ??
        str(env.AZURE_OPENAI_API_BASE_URL) ??
        (host ? (/^https?:\/\//.test(host) ? host : `https://${host}`) : undefined);
    if (!base) {
        throw new Error('names no Azure resource: set config.apiHost (e.g. my-resource.openai.azure.com) or AZURE_API_HOST, or config.apiBaseUrl');
    }
    return base.replace(/\/+$/, '').replace(/\/openai$/, '');
}
function azureHeaders(auth) {
    if (auth.apiKey)
        return { 'api-key': auth.apiKey };
    return auth.bearer ? { authorization: `Bearer ${auth.bearer}` } : {};
}
const PATHS = {
    chat: 'chat/completions',
    completion: 'completions',
    embedding: 'embeddings',
};
function createAzureProvider(spec, api, deployment, options) {
    const { config } = spec;
    const base = azureBaseUrl(config, options.env);
    const version = str(config.apiVersion) ?? str(options.env.AZURE_API_VERSION) ?? AZURE_API_VERSION;
    const url = `${base}/openai/deployments/${encodeURIComponent(deployment)}/${PATHS[api]}?api-version=${encodeURIComponent(version)}`;
    const auth = azureAuth(config, options.env);
    const secrets = [...secretsInConfig(config), ...[auth.apiKey, auth.bearer].filter((v) => Boolean(v))];
    const headers = withConfigHeaders(azureHeaders(auth), config);
    // A deployment is named by its owner; promptfoo prices it by `config.deployment_name`'s model when given.
    const price = priceFor(str(config.modelName) ?? deployment, config);
    const label = spec.id;
    const hint = keyHint(auth.variables.join(' / '));
    return {
        // promptfoo's Azure chat provider returns tool calls as objects; it has no function-call validator.
        toolCalls: { json: true, validatesFunctionCalls: false },
        id: spec.id,
        label: spec.label,
        cacheIdentity: cacheIdentityOf(spec.id, config, { base }),
        async callApi(prompt, context) {
            if (!auth.apiKey && !auth.bearer) {
                return failure({ label, secrets }, missingKeyMessage(auth.variables.join(' or ')), false);
            }
            let body;
            if (api === 'embedding')
                body = { input: prompt };
            else {
                body = api === 'chat' ? { messages: toChatMessages(prompt) } : { prompt };
                copyConfigParams(body, config, BODY_PARAMS);
            }
            applyPassthrough(body, config);
            const outcome = await postJson(url, body, headers, {
                signal: context.signal,
                secrets,
                label,
                credentialHint: hint,
            });
            if (!outcome.ok)
                return outcome.failure;
            const reply = outcome.body;
            const tokenUsage = usageOf(reply?.usage);
            const cost = costOf(price, tokenUsage);
            if (api === 'embedding') {
                const embedding = embeddingOf(reply);
                if (!embedding)
                    return failure({ label, secrets }, 'the response has no data[0].embedding', true);
                return { output: embedding, tokenUsage, cost };
            }
            const choice = Array.isArray(reply?.choices) ? reply.choices[0] : undefined;
            if (!choice)
                return failure({ label, secrets }, 'the response has no choices[0] (empty choices)', true);
            if (api === 'completion')
                return { output: completionOutput(choice), tokenUsage, cost };
            const message = choice.message;
            if (!message)
                return failure({ label, secrets }, 'the response has no choices[0].message', true);
            return { output: outputOf(message), tokenUsage, cost };
        },
    };
}

export { AZURE_API_VERSION, azureBaseUrl, azureHeaders, createAzureProvider };
