import { p as priceFor, c as costOf, t as toChatMessages } from './index-prices.js';
import { usageOf, outputOf } from './index-openai.js';
import { toAnthropicMessages, usageOf as usageOf$1, outputOf as outputOf$1 } from './index-anthropic.js';
import { s as str } from './index-credentials.js';
import { imagenBody, imagenResponse } from './index-google-image.js';
import { geminiBody, geminiResponse } from './index-google.js';
import { p as postJson, w as withConfigHeaders, f as failure } from './index-http.js';
import { s as secretsInConfig, c as cacheIdentityOf } from './index-secrets.js';
import './index-_commonjsHelpers.js';
import 'events';
import 'fs';
import 'path';
import './index-errors.js';
import './index-tool-callbacks.js';
import 'node:fs/promises';
import 'node:path';
import 'process';
import 'buffer';
import './index-import.js';
import 'node:crypto';
import 'node:url';
import 'node:fs';
import 'node:os';
import './index-keyed.js';
import 'node:http';
import 'node:https';
import 'node:util';
import 'node:zlib';
import 'node:events';

const SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const VERTEX_ANTHROPIC_VERSION = 'vertex-2023-10-16';
/** One GoogleAuth per provider: it caches and refreshes the access token itself. */
function googleTokenSource(config, env) {
    let auth;
    const keyFilename = str(config.keyFilename) ?? str(env.GOOGLE_APPLICATION_CREDENTIALS);
    return async () => {
        auth ??= import('./index-index.js').then(function (n) { return n.i; }).then(({ GoogleAuth }) => new GoogleAuth({
            scopes: [SCOPE],
            ...(keyFilename ? { keyFilename } : {}),
            ...(typeof config.credentials === 'string' ? { credentials: JSON.parse(config.credentials) } : {}),
        }));
        const token = await (await auth).getAccessToken();
        if (!token)
            throw new Error('Google auth returned no access token');
        return token;
    };
}
/** OpenAI's chat body for a Llama model: promptfoo's generationConfig keys and `context` (a system message). */
function llamaBody(model, prompt, config) {
    const generation = (config.generationConfig ?? {});
    const context = str(config.context);
    const body = {
        model: `meta/${model}`,
        messages: [...(context ? [{ role: 'system', content: context }] : []), ...toChatMessages(prompt)],
    };
    const maxTokens = generation.maxOutputTokens ?? config.max_tokens;
    if (maxTokens !== undefined)
        body.max_tokens = maxTokens;
    for (const [from, to] of [
        ['temperature', 'temperature'],
        ['topP', 'top_p'],
        ['topK', 'top_k'],
    ]) {
        const value = generation[from] ?? config[to];
        if (value !== undefined)
            body[to] = value;
    }
    // Vertex reads the Llama Guard settings from `extra_body`, as its OpenAI-compatible API documents.
    if (config.extra_body !== undefined)
        body.extra_body = config.extra_body;
    return body;
}
/**
 * promptfoo's `modelArmor: { promptTemplate, responseTemplate }` → the body's model_armor_config (Gemini only):
 * Vertex screens the prompt and the answer with those Model Armor templates.
 */
function modelArmorConfig(config) {
    if (config.modelArmor === undefined)
        return undefined;
    const armor = config.modelArmor;
    const prompt = str(armor?.promptTemplate);
    const response = str(armor?.responseTemplate);
    if (!armor || typeof armor !== 'object' || (prompt === undefined && response === undefined)) {
        throw new Error('config.modelArmor: expected { promptTemplate, responseTemplate } with at least one Model Armor template name (projects/…/templates/…)');
    }
    return {
        ...(prompt !== undefined ? { prompt_template_name: prompt } : {}),
        ...(response !== undefined ? { response_template_name: response } : {}),
    };
}
function isClaude(model) {
    return model.startsWith('claude-');
}
function createVertexProvider(spec, model, options) {
    const { config } = spec;
    const { env } = options;
    if (!/^(gemini|claude-|imagen-|llama)/.test(model)) {
        throw new Error(`is a Vertex model promptgate does not call (gemini-* through generateContent, claude-* through rawPredict, llama-* on the OpenAI-compatible endpoint); ` +
            "for a model on Vertex's OpenAI-compatible endpoint use openai:chat:<model> with apiBaseUrl set to that endpoint");
    }
    const region = str(config.region) ?? str(env.VERTEX_REGION) ?? str(env.GOOGLE_CLOUD_LOCATION) ?? 'us-central1';
    const configuredProject = str(config.projectId) ?? str(env.VERTEX_PROJECT_ID) ?? str(env.GOOGLE_CLOUD_PROJECT);
    const host = region === 'global' ? 'aiplatform.googleapis.com' : `${region}-aiplatform.googleapis.com`;
    const base = (str(config.apiBaseUrl) ?? `https://${str(config.apiHost) ?? host}`).replace(/\/+$/, '');
    const apiKey = str(config.apiKey) ?? str(env.VERTEX_API_KEY);
    const tokens = apiKey ? undefined : googleTokenSource(config, env);
    const secrets = [...secretsInConfig(config), ...(apiKey ? [apiKey] : [])];
    const price = priceFor(model.replace(/@.*$/, ''), config);
    const label = spec.id;
    const fail = (message, transient) => failure({ label, secrets }, message, transient);
    const claude = isClaude(model);
    // google:image with a projectId: Imagen's predict (google-image.ts), Google Cloud auth as for Gemini.
    const imagen = model.startsWith('imagen-');
    // Llama models as a service answer on Vertex's OpenAI-compatible chat endpoint, named meta/<model>.
    const llama = model.startsWith('llama');
    const publisher = claude ? 'anthropic' : 'google';
    const method = claude ? 'rawPredict' : imagen ? 'predict' : 'generateContent';
    const modelArmor = modelArmorConfig(config);
    if (modelArmor && (claude || imagen || llama))
        throw new Error('config.modelArmor: Vertex applies Model Armor templates to Gemini models only');
    return {
        id: spec.id,
        label: spec.label,
        cacheIdentity: cacheIdentityOf(spec.id, config),
        async callApi(prompt, context) {
            let authHeaders = {};
            const project = configuredProject;
            const callSecrets = [...secrets];
            if (!apiKey && !project)
                return fail('names no project: set config.projectId or VERTEX_PROJECT_ID', false);
            if (tokens) {
                try {
                    const token = await tokens();
                    authHeaders = { authorization: `Bearer ${token}` };
                    callSecrets.push(token);
                }
                catch (err) {
                    return fail(`no Google Cloud credentials (${err instanceof Error ? err.message : String(err)}): set GOOGLE_APPLICATION_CREDENTIALS to a key or workload-identity file, or run gcloud auth application-default login`, false);
                }
            }
            const path = llama
                ? `/v1beta1/projects/${project ?? ''}/locations/${region}/endpoints/openapi/chat/completions`
                : apiKey && !project
                    ? `/v1/publishers/${publisher}/models/${model}:${method}`
                    : `/v1/projects/${project ?? ''}/locations/${region}/publishers/${publisher}/models/${model}:${method}`;
            const url = `${base}${path}${apiKey ? `?key=${encodeURIComponent(apiKey)}` : ''}`;
            let body;
            if (claude) {
                const { system, messages } = toAnthropicMessages(prompt);
                body = {
                    anthropic_version: VERTEX_ANTHROPIC_VERSION,
                    max_tokens: typeof config.max_tokens === 'number' ? config.max_tokens : 1024,
                    messages,
                    ...(system !== undefined ? { system } : {}),
                };
                for (const key of ['temperature', 'top_p', 'top_k', 'stop_sequences', 'tools', 'tool_choice', 'thinking'])
                    if (config[key] !== undefined)
                        body[key] = config[key];
            }
            else if (llama)
                body = llamaBody(model, prompt, config);
            else
                body = imagen ? imagenBody(prompt, config, true) : geminiBody(prompt, config);
            if (modelArmor)
                body.model_armor_config = modelArmor;
            const outcome = await postJson(url, body, withConfigHeaders(authHeaders, config), {
                signal: context.signal,
                secrets: callSecrets,
                label,
                credentialHint: 'check the Google Cloud credentials (GOOGLE_APPLICATION_CREDENTIALS) and their Vertex AI role',
            });
            if (!outcome.ok)
                return outcome.failure;
            if (imagen)
                return imagenResponse(outcome.body, model, fail);
            if (llama) {
                const reply = outcome.body;
                const message = Array.isArray(reply?.choices) ? reply.choices[0]?.message : undefined;
                if (!message)
                    return fail('the response has no choices[0].message', true);
                const tokenUsage = usageOf(reply.usage);
                return { output: outputOf(message), tokenUsage, cost: costOf(price, tokenUsage) };
            }
            if (!claude)
                return geminiResponse(outcome.body, price, fail, true);
            const reply = outcome.body;
            if (!reply || !Array.isArray(reply.content))
                return fail('the response has no `content` array', true);
            const tokenUsage = usageOf$1(reply.usage);
            return { output: outputOf$1(reply.content), tokenUsage, cost: costOf(price, tokenUsage) };
        },
    };
}

export { createVertexProvider };
