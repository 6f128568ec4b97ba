import { p as priceFor, f as finishReasonOf, c as costOf, t as toChatMessages, a as textOf } from './index-prices.js';
import { w as withConfigHeaders, f as failure, c as copyConfigParams, p as postJson, r as rateLimitOf, e as endpointOf } from './index-http.js';
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

// Anthropic Messages API (`anthropic:messages:<model>`). System messages move to the top-level `system`.
const ANTHROPIC_VERSION = '2023-06-01';
const DEFAULT_MAX_TOKENS = 1024;
const BODY_PARAMS = ['temperature', 'top_p', 'top_k', 'stop_sequences', 'tools', 'tool_choice', 'thinking'];
const str = (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
function anthropicKeyVar(config) {
    return str(config.apiKeyEnvar) ?? 'ANTHROPIC_API_KEY';
}
function anthropicApiKey(config, env) {
    return str(config.apiKey) ?? str(env[anthropicKeyVar(config)]);
}
/** `{base}/v1/messages`; a base that already ends in /v1 is not doubled. */
function anthropicMessagesUrl(config, env) {
    const base = (str(config.apiBaseUrl) ?? str(env.ANTHROPIC_BASE_URL) ?? 'https://api.anthropic.com').replace(/\/+$/, '');
    return base.endsWith('/v1') ? `${base}/messages` : `${base}/v1/messages`;
}
/** Split a chat into Anthropic's shape: `system` text apart, the rest as messages. */
function toAnthropicMessages(prompt) {
    const all = toChatMessages(prompt);
    const system = all.filter((m) => m.role === 'system').map((m) => textOf(m.content));
    const messages = all.filter((m) => m.role !== 'system');
    return { ...(system.length > 0 ? { system: system.join('\n\n') } : {}), messages };
}
function usageOf(usage) {
    const n = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    const prompt = n(usage?.input_tokens);
    const completion = n(usage?.output_tokens);
    if (prompt === undefined && completion === undefined)
        return {};
    return { prompt: prompt ?? 0, completion: completion ?? 0, total: (prompt ?? 0) + (completion ?? 0) };
}
/** Concatenated text blocks; tool_use blocks as JSON when the model produced no text (as for OpenAI's tool_calls). */
function outputOf(content) {
    const text = content
        .filter((block) => block?.type === 'text' && typeof block.text === 'string')
        .map((block) => block.text);
    if (text.length > 0)
        return text.join('');
    const toolUses = content.filter((block) => block?.type === 'tool_use');
    return toolUses.length > 0 ? JSON.stringify(toolUses) : '';
}
function createAnthropicProvider(spec, model, options) {
    const { config } = spec;
    const url = anthropicMessagesUrl(config, options.env);
    const apiKey = anthropicApiKey(config, options.env);
    const keyVar = anthropicKeyVar(config);
    const secrets = [...secretsInConfig(config), ...(apiKey ? [apiKey] : [])];
    const price = priceFor(model, config);
    const label = spec.id;
    const headers = withConfigHeaders({ 'anthropic-version': ANTHROPIC_VERSION, ...(apiKey ? { 'x-api-key': apiKey } : {}) }, config);
    return {
        id: spec.id,
        label: spec.label,
        cacheIdentity: cacheIdentityOf(spec.id, config),
        endpoint: endpointOf(url, apiKey),
        ...(price ? { price } : {}),
        maxOutputTokens: typeof config.max_tokens === 'number' ? config.max_tokens : DEFAULT_MAX_TOKENS,
        async callApi(prompt, context) {
            if (!apiKey) {
                return failure({ label, secrets }, `${keyVar} is not set: export it, or set apiKey in this provider's config`, false);
            }
            const { system, messages } = toAnthropicMessages(prompt);
            const body = {
                model,
                max_tokens: typeof config.max_tokens === 'number' ? config.max_tokens : DEFAULT_MAX_TOKENS,
                messages,
                ...(system !== undefined ? { system } : {}),
            };
            copyConfigParams(body, config, BODY_PARAMS);
            const outcome = await postJson(url, body, headers, {
                signal: context.signal,
                secrets,
                label,
                credentialHint: `check ${keyVar}, or apiKey in this provider's config`,
            });
            if (!outcome.ok)
                return outcome.failure;
            const reply = outcome.body;
            if (!reply || !Array.isArray(reply.content)) {
                return failure({ label, secrets }, 'the response has no `content` array', true);
            }
            const tokenUsage = usageOf(reply.usage);
            return {
                output: outputOf(reply.content),
                tokenUsage,
                cost: costOf(price, tokenUsage),
                ...finishReasonOf(reply.stop_reason),
                ...rateLimitOf(outcome),
            };
        },
    };
}

export { ANTHROPIC_VERSION, anthropicApiKey, anthropicKeyVar, anthropicMessagesUrl, createAnthropicProvider, outputOf, toAnthropicMessages, usageOf };
