import { azureHeaders, azureBaseUrl } from './index-azure.js';
import { p as priceFor, t as toChatMessages, c as costOf } from './index-prices.js';
import { a as azureAuth, s as str, k as keyHint } from './index-credentials.js';
import { w as withConfigHeaders, c as copyConfigParams, g as applyPassthrough, p as postJson } from './index-http.js';
import { k as keyedProvider } from './index-keyed.js';
import { openAiKeyVar, openAiApiKey, openAiBaseUrl } from './index-openai.js';
import { s as secretsInConfig } from './index-secrets.js';
import { r as runToolCallback } from './index-tool-callbacks.js';
import './index-openai-completions.js';
import './index-_commonjsHelpers.js';
import 'events';
import 'fs';
import 'path';
import 'node:fs';
import 'node:os';
import 'node:path';
import './index-anthropic.js';
import 'node:crypto';
import 'node:http';
import 'node:https';
import 'node:util';
import 'node:zlib';
import 'node:events';
import 'node:fs/promises';
import './index-errors.js';
import 'process';
import 'buffer';
import './index-import.js';
import 'node:url';

/** Passed through as written (promptfoo's names are the API's). */
const BODY_PARAMS = [
    'instructions',
    'max_output_tokens',
    'temperature',
    'top_p',
    'tools',
    'tool_choice',
    'parallel_tool_calls',
    'previous_response_id',
    'store',
    'metadata',
    'truncation',
    'include',
    'user',
    'service_tier',
    'background',
    'max_tool_calls',
    'prompt_cache_key',
    'safety_identifier',
];
/**
 * The request body. promptfoo's chat-style keys map onto the Responses shape: `reasoning_effort` →
 * `reasoning.effort`, `response_format` → `text.format` (json_schema flattened as the API wants it),
 * `verbosity` → `text.verbosity`, `max_tokens` → `max_output_tokens`.
 */
function responsesBody(model, prompt, config) {
    const body = { model, input: toChatMessages(prompt) };
    copyConfigParams(body, config, BODY_PARAMS);
    if (body.max_output_tokens === undefined && typeof config.max_tokens === 'number')
        body.max_output_tokens = config.max_tokens;
    const reasoning = config.reasoning && typeof config.reasoning === 'object' ? { ...config.reasoning } : {};
    if (typeof config.reasoning_effort === 'string')
        reasoning.effort = config.reasoning_effort;
    if (Object.keys(reasoning).length > 0)
        body.reasoning = reasoning;
    const text = config.text && typeof config.text === 'object' ? { ...config.text } : {};
    const format = config.response_format;
    if (format && typeof format === 'object') {
        text.format =
            format.type === 'json_schema' && format.json_schema ? { type: 'json_schema', ...format.json_schema } : format;
    }
    if (typeof config.verbosity === 'string')
        text.verbosity = config.verbosity;
    if (Object.keys(text).length > 0)
        body.text = text;
    applyPassthrough(body, config);
    return body;
}
function responsesUsage(usage) {
    const n = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    const prompt = n(usage?.input_tokens);
    const completion = n(usage?.output_tokens);
    if (prompt === undefined && completion === undefined)
        return {};
    return {
        prompt: prompt ?? 0,
        completion: completion ?? 0,
        total: n(usage?.total_tokens) ?? (prompt ?? 0) + (completion ?? 0),
    };
}
/** The text of the message items; function calls as JSON when there is no text; a refusal as its text. */
function responsesOutput(items) {
    const text = [];
    const refusals = [];
    for (const item of items) {
        if (item?.type !== 'message' || !Array.isArray(item.content))
            continue;
        for (const part of item.content) {
            if (part?.type === 'output_text' && typeof part.text === 'string')
                text.push(part.text);
            if (part?.type === 'refusal' && typeof part.refusal === 'string')
                refusals.push(part.refusal);
        }
    }
    if (text.length > 0)
        return text.join('');
    const calls = items.filter((item) => item?.type === 'function_call');
    if (calls.length > 0)
        return JSON.stringify(calls);
    return refusals.join('');
}
/**
 * promptfoo's `functionToolCallbacks` on a reply: when a function call has a callback, the output is each call's
 * result (a call without one stays as its JSON), one per line. Undefined when no call has a callback.
 */
async function callbackOutput(items, callbacks) {
    const calls = items.filter((item) => item?.type === 'function_call');
    const run = (item) => (typeof item.name === 'string' ? callbacks?.get(item.name) : undefined);
    if (!calls.some(run))
        return undefined;
    const results = await Promise.all(calls.map(async (item) => {
        const callback = run(item);
        if (!callback)
            return JSON.stringify(item);
        try {
            return await runToolCallback(callback, item.arguments);
        }
        catch (err) {
            throw new Error(`functionToolCallbacks.${String(item.name)} threw: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
        }
    }));
    return results.join('\n');
}
function endpointFor(vendor, config, env) {
    if (vendor === 'azure') {
        const auth = azureAuth(config, env);
        return {
            url: `${azureBaseUrl(config, env)}/openai/v1/responses?api-version=${encodeURIComponent(str(config.apiVersion) ?? 'preview')}`,
            headers: azureHeaders(auth),
            apiKey: auth.apiKey ?? auth.bearer,
            keyVars: auth.variables.join(' or '),
        };
    }
    const keyVar = vendor === 'xai' ? (str(config.apiKeyEnvar) ?? 'XAI_API_KEY') : openAiKeyVar('openai', config);
    const apiKey = vendor === 'xai' ? (str(config.apiKey) ?? str(env[keyVar])) : openAiApiKey('openai', config, env);
    const base = vendor === 'xai'
        ? (str(config.apiBaseUrl) ?? 'https://api.x.ai/v1').replace(/\/+$/, '')
        : openAiBaseUrl('openai', config, env);
    return {
        url: `${base}/responses`,
        headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
        apiKey,
        keyVars: keyVar,
    };
}
function createResponsesProvider(spec, vendor, model, options) {
    const { config } = spec;
    const endpoint = endpointFor(vendor, config, options.env);
    const secrets = [...secretsInConfig(config), ...(endpoint.apiKey ? [endpoint.apiKey] : [])];
    const headers = withConfigHeaders(endpoint.headers, config);
    const price = priceFor(model, config);
    const { url, apiKey, keyVars } = endpoint;
    return keyedProvider({ spec, url, apiKey, keyVars, secrets }, async (prompt, context, fail) => {
        const outcome = await postJson(url, responsesBody(model, prompt, config), headers, {
            signal: context.signal,
            secrets,
            label: spec.id,
            credentialHint: keyHint(keyVars),
        });
        if (!outcome.ok)
            return outcome.failure;
        const reply = outcome.body;
        if (!reply || typeof reply !== 'object')
            return fail('the response is not a JSON object', true);
        const tokenUsage = responsesUsage(reply.usage);
        const cost = costOf(price, tokenUsage);
        if (reply.status === 'failed' || (reply.error && typeof reply.error === 'object')) {
            const message = typeof reply.error?.message === 'string' ? reply.error.message : 'the response failed';
            const code = typeof reply.error?.code === 'string' ? `${reply.error.code}: ` : '';
            // server_error and rate_limit_exceeded are worth another try; invalid prompts are not.
            const transient = /server_error|rate_limit/.test(code);
            return { ...fail(`${code}${message}`, transient), tokenUsage, ...(cost === undefined ? {} : { cost }) };
        }
        if (!Array.isArray(reply.output))
            return fail('the response has no `output` array', true);
        let called;
        try {
            called = await callbackOutput(reply.output, options.callbacks);
        }
        catch (err) {
            return { ...fail(err instanceof Error ? err.message : String(err), false), tokenUsage };
        }
        if (called !== undefined)
            return { output: called, tokenUsage, cost };
        const output = responsesOutput(reply.output);
        if (output === '' && reply.status === 'incomplete') {
            const reason = typeof reply.incomplete_details?.reason === 'string' ? reply.incomplete_details.reason : 'unknown';
            return { ...fail(`the response is incomplete (${reason}) and has no text`, false), tokenUsage };
        }
        return { output, tokenUsage, cost };
    });
}

export { callbackOutput, createResponsesProvider, responsesBody, responsesOutput, responsesUsage };
