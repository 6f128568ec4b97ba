import { m as messageOf } from './index-errors.js';
import { p as priceFor, t as toChatMessages, c as costOf, f as finishReasonOf } from './index-prices.js';
import { w as withConfigHeaders, f as failure, c as copyConfigParams, g as applyPassthrough, p as postJson, r as rateLimitOf, m as maxOutputTokensOf, e as endpointOf } from './index-http.js';
import { s as secretsInConfig, c as cacheIdentityOf } from './index-secrets.js';
import { r as runToolCallback } from './index-tool-callbacks.js';
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
import 'node:path';
import 'process';
import 'buffer';
import './index-import.js';
import 'node:url';

// OpenAI chat completions (`openai:chat:<model>`, `openai:<model>`) and Ollama's OpenAI-compatible endpoint
// (`ollama:chat:<model>`): one wire format, two sets of defaults.
/** Request parameters passed through to the API when set in the config (promptfoo's names, which are OpenAI's). */
const BODY_PARAMS = [
    'temperature',
    'max_tokens',
    'max_completion_tokens',
    'top_p',
    'stop',
    'response_format',
    'seed',
    'presence_penalty',
    'frequency_penalty',
    'tools',
    'tool_choice',
    'parallel_tool_calls',
    'reasoning_effort',
    'verbosity',
    'logprobs',
    'top_logprobs',
    'logit_bias',
    'n',
    'user',
    'service_tier',
    'store',
    'metadata',
    'modalities',
    'audio',
    'prediction',
    'functions',
    'function_call',
];
const str = (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
function withV1(base) {
    const trimmed = base.replace(/\/+$/, '');
    return trimmed.endsWith('/v1') ? trimmed : `${trimmed}/v1`;
}
/** Base URL including `/v1`, where `/chat/completions` is appended. */
function openAiBaseUrl(flavor, config, env) {
    if (flavor === 'ollama')
        return withV1(str(config.apiBaseUrl) ?? str(env.OLLAMA_BASE_URL) ?? 'http://localhost:11434');
    // promptfoo: `apiHost` is a bare host name; `apiBaseUrl` a full base. Config wins over env.
    const fromHost = (host) => (host ? `https://${host}/v1` : undefined);
    const base = str(config.apiBaseUrl) ??
        fromHost(str(config.apiHost)) ??
        str(env.OPENAI_BASE_URL) ??
        str(env.OPENAI_API_BASE_URL) ??
        fromHost(str(env.OPENAI_API_HOST)) ??
        'https://api.openai.com/v1';
    return base.replace(/\/+$/, '');
}
/** The env var the key is read from: `apiKeyEnvar` when configured, else OPENAI_API_KEY (OLLAMA_API_KEY, optional, for Ollama). */
function openAiKeyVar(flavor, config) {
    return str(config.apiKeyEnvar) ?? (flavor === 'ollama' ? 'OLLAMA_API_KEY' : 'OPENAI_API_KEY');
}
function openAiApiKey(flavor, config, env) {
    return str(config.apiKey) ?? str(env[openAiKeyVar(flavor, config)]);
}
function usageOf(usage) {
    const n = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    const prompt = n(usage?.prompt_tokens);
    const completion = n(usage?.completion_tokens);
    const total = n(usage?.total_tokens) ??
        (prompt !== undefined || completion !== undefined ? (prompt ?? 0) + (completion ?? 0) : undefined);
    const out = {};
    if (prompt !== undefined)
        out.prompt = prompt;
    if (completion !== undefined)
        out.completion = completion;
    if (total !== undefined)
        out.total = total;
    return out;
}
/**
 * The text the model produced; its function call (legacy `functions`) or tool calls as JSON when it produced no
 * text (promptfoo does the same, the function call first).
 */
function outputOf(message) {
    if (typeof message.content === 'string' && message.content !== '')
        return message.content;
    if (message.function_call && typeof message.function_call === 'object')
        return JSON.stringify(message.function_call);
    if (Array.isArray(message.tool_calls) && message.tool_calls.length > 0)
        return JSON.stringify(message.tool_calls);
    if (typeof message.refusal === 'string')
        return message.refusal;
    return typeof message.content === 'string' ? message.content : '';
}
function createOpenAiProvider(spec, flavor, model, options) {
    const { config } = spec;
    const url = `${openAiBaseUrl(flavor, config, options.env)}/chat/completions`;
    const apiKey = openAiApiKey(flavor, config, options.env);
    const keyVar = openAiKeyVar(flavor, config);
    const credentialHint = `check ${keyVar}, or apiKey in this provider's config`;
    const secrets = [...secretsInConfig(config), ...(apiKey ? [apiKey] : [])];
    // A local Ollama model is free unless the config prices it.
    const price = flavor === 'ollama' ? (priceFor('', config) ?? { input: 0, output: 0 }) : priceFor(model, config);
    const label = spec.id;
    const headers = withConfigHeaders(apiKey ? { authorization: `Bearer ${apiKey}` } : {}, config);
    return {
        // promptfoo's OpenAiChatCompletionProvider returns tool calls as objects and validates function calls.
        toolCalls: { json: true, validatesFunctionCalls: true },
        id: spec.id,
        label: spec.label,
        cacheIdentity: cacheIdentityOf(spec.id, config),
        endpoint: endpointOf(url, apiKey),
        ...(price ? { price } : {}),
        ...maxOutputTokensOf(config, ['max_completion_tokens', 'max_tokens']),
        async callApi(prompt, context) {
            if (flavor === 'openai' && !apiKey) {
                return failure({ label, secrets }, `${keyVar} is not set: export it, or set apiKey (or apiKeyEnvar) in this provider's config`, false);
            }
            const body = { model, messages: toChatMessages(prompt) };
            copyConfigParams(body, config, BODY_PARAMS);
            if (options.tools !== undefined)
                body.tools = options.tools;
            applyPassthrough(body, config);
            const outcome = await postJson(url, body, headers, {
                signal: context.signal,
                secrets,
                label,
                credentialHint,
            });
            if (!outcome.ok)
                return outcome.failure;
            const completion = outcome.body;
            const message = Array.isArray(completion?.choices) ? completion.choices[0]?.message : undefined;
            if (!message)
                return failure({ label, secrets }, 'the response has no choices[0].message (empty choices)', true);
            const tokenUsage = usageOf(completion.usage);
            const cost = costOf(price, tokenUsage);
            const finish = finishReasonOf(completion.choices?.[0]?.finish_reason);
            // promptfoo's functionToolCallbacks: the results of the calls that have one, one per line, are the output.
            if (options.callbacks !== undefined && Array.isArray(message.tool_calls)) {
                const answered = message.tool_calls.filter((c) => typeof c?.function?.name === 'string' && options.callbacks.has(c.function.name));
                if (answered.length > 0) {
                    const called = await toolCallbackOutput(answered, options.callbacks);
                    if ('error' in called) {
                        return failure({ label, secrets }, called.error, false, { tokenUsage });
                    }
                    return { output: called.output, tokenUsage, cost, ...finish, ...rateLimitOf(outcome) };
                }
            }
            return { output: outputOf(message), tokenUsage, cost, ...finish, ...rateLimitOf(outcome) };
        },
    };
}
/** promptfoo's functionToolCallbacks: each answered call's result, one per line, in the order the model made them. */
async function toolCallbackOutput(answered, callbacks) {
    const results = [];
    for (const call of answered) {
        try {
            results.push(await runToolCallback(callbacks.get(call.function.name), call.function?.arguments));
        }
        catch (err) {
            return { error: `functionToolCallbacks.${call.function.name} threw: ${messageOf(err)}` };
        }
    }
    return { output: results.join('\n') };
}

export { BODY_PARAMS, createOpenAiProvider, openAiApiKey, openAiBaseUrl, openAiKeyVar, outputOf, usageOf };
