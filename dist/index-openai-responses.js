import { azureHeaders, azureBaseUrl } from './index-azure.js';
import { p as priceFor, c as costOf, t as toChatMessages } from './index-prices.js';
import { a as azureAuth, k as keyHint, s as str, m as missingKeyMessage } from './index-credentials.js';
import { w as withConfigHeaders, f as failure, p as postJson, c as copyConfigParams, a as applyPassthrough } from './index-http.js';
import { openAiKeyVar, openAiApiKey, openAiBaseUrl } from './index-openai.js';
import { s as secretsInConfig, c as cacheIdentityOf } from './index-secrets.js';
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
function endpointFor(vendor, config, env) {
    if (vendor === 'azure') {
        const auth = azureAuth(config, env);
        return {
            url: `${azureBaseUrl(config, env)}/openai/v1/responses?api-version=${encodeURIComponent(str(config.apiVersion) ?? 'preview')}`,
            headers: azureHeaders(auth),
            secrets: [auth.apiKey, auth.bearer].filter((v) => Boolean(v)),
            ...(auth.apiKey || auth.bearer ? {} : { missing: `${auth.variables.join(' or ')} is not set` }),
            hint: keyHint(auth.variables.join(' / ')),
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
        secrets: apiKey ? [apiKey] : [],
        ...(apiKey ? {} : { missing: missingKeyMessage(keyVar) }),
        hint: keyHint(keyVar),
    };
}
function createResponsesProvider(spec, vendor, model, options) {
    const { config } = spec;
    const endpoint = endpointFor(vendor, config, options.env);
    const secrets = [...secretsInConfig(config), ...endpoint.secrets];
    const headers = withConfigHeaders(endpoint.headers, config);
    const price = priceFor(model, config);
    const label = spec.id;
    return {
        id: spec.id,
        label: spec.label,
        cacheIdentity: cacheIdentityOf(spec.id, config),
        async callApi(prompt, context) {
            if (endpoint.missing)
                return failure({ label, secrets }, endpoint.missing, false);
            const outcome = await postJson(endpoint.url, responsesBody(model, prompt, config), headers, {
                signal: context.signal,
                secrets,
                label,
                credentialHint: endpoint.hint,
            });
            if (!outcome.ok)
                return outcome.failure;
            const reply = outcome.body;
            if (!reply || typeof reply !== 'object')
                return failure({ label, secrets }, 'the response is not a JSON object', true);
            const tokenUsage = responsesUsage(reply.usage);
            const cost = costOf(price, tokenUsage);
            if (reply.status === 'failed' || (reply.error && typeof reply.error === 'object')) {
                const message = typeof reply.error?.message === 'string' ? reply.error.message : 'the response failed';
                const code = typeof reply.error?.code === 'string' ? `${reply.error.code}: ` : '';
                // server_error and rate_limit_exceeded are worth another try; invalid prompts are not.
                const transient = /server_error|rate_limit/.test(code);
                return failure({ label, secrets }, `${code}${message}`, transient, {
                    tokenUsage,
                    ...(cost === undefined ? {} : { cost }),
                });
            }
            if (!Array.isArray(reply.output))
                return failure({ label, secrets }, 'the response has no `output` array', true);
            const output = responsesOutput(reply.output);
            if (output === '' && reply.status === 'incomplete') {
                const reason = typeof reply.incomplete_details?.reason === 'string' ? reply.incomplete_details.reason : 'unknown';
                return failure({ label, secrets }, `the response is incomplete (${reason}) and has no text`, false, {
                    tokenUsage,
                });
            }
            return { output, tokenUsage, cost };
        },
    };
}

export { createResponsesProvider, responsesBody, responsesOutput, responsesUsage };
