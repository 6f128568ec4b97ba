import { y as googleApiKey, s as str, G as GOOGLE_KEY_VARS, a as secretsInConfig, w as withConfigHeaders, j as priceFor, x as toChatMessages, z as textOf, m as costOf, p as postJson, k as keyHint } from './cli-main.js';
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

/** Config keys that go into `generationConfig` (promptfoo accepts them at the top level or inside it). */
const GENERATION_KEYS = {
    temperature: 'temperature',
    maxOutputTokens: 'maxOutputTokens',
    max_tokens: 'maxOutputTokens',
    topP: 'topP',
    top_p: 'topP',
    topK: 'topK',
    top_k: 'topK',
    stopSequences: 'stopSequences',
    responseMimeType: 'responseMimeType',
    responseSchema: 'responseSchema',
    seed: 'seed',
    candidateCount: 'candidateCount',
    presencePenalty: 'presencePenalty',
    frequencyPenalty: 'frequencyPenalty',
    thinkingConfig: 'thinkingConfig',
};
/** Passed at the top level of the body as written. */
const BODY_KEYS = ['tools', 'toolConfig', 'safetySettings', 'cachedContent', 'labels'];
/** promptfoo also accepts the API's snake_case spelling. */
const BODY_ALIASES = { tool_config: 'toolConfig', safety_settings: 'safetySettings' };
/** Chat roles to Gemini's: `assistant` speaks as `model`; system messages become `systemInstruction`. */
function geminiBody(prompt, config) {
    const messages = toChatMessages(prompt);
    const system = messages.filter((m) => m.role === 'system').map((m) => textOf(m.content));
    const contents = messages
        .filter((m) => m.role !== 'system')
        .map((m) => ({
        role: m.role === 'assistant' || m.role === 'model' ? 'model' : 'user',
        parts: Array.isArray(m.parts) ? m.parts : typeof m.content === 'string' ? [{ text: m.content }] : m.content,
    }));
    const body = { contents };
    const configured = str(config.systemInstruction) ?? undefined;
    if (system.length > 0 || configured) {
        body.systemInstruction = { parts: [{ text: [configured, ...system].filter(Boolean).join('\n\n') }] };
    }
    else if (config.systemInstruction && typeof config.systemInstruction === 'object') {
        body.systemInstruction = config.systemInstruction;
    }
    const generationConfig = config.generationConfig && typeof config.generationConfig === 'object'
        ? { ...config.generationConfig }
        : {};
    for (const [key, wire] of Object.entries(GENERATION_KEYS)) {
        if (config[key] !== undefined && generationConfig[wire] === undefined)
            generationConfig[wire] = config[key];
    }
    if (Object.keys(generationConfig).length > 0)
        body.generationConfig = generationConfig;
    for (const key of BODY_KEYS)
        if (config[key] !== undefined)
            body[key] = config[key];
    for (const [alias, key] of Object.entries(BODY_ALIASES))
        if (config[alias] !== undefined)
            body[key] ??= config[alias];
    return body;
}
function usageOf(usage) {
    const n = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    const prompt = n(usage?.promptTokenCount);
    // Thinking tokens are billed as output.
    const answer = n(usage?.candidatesTokenCount);
    const thoughts = n(usage?.thoughtsTokenCount);
    if (prompt === undefined && answer === undefined)
        return {};
    const completion = (answer ?? 0) + (thoughts ?? 0);
    return { prompt: prompt ?? 0, completion, total: n(usage?.totalTokenCount) ?? (prompt ?? 0) + completion };
}
/**
 * A blocked prompt as Vertex's answer, as promptfoo 0.123.1 reads it: the block's message is the output and a
 * guardrail verdict flagging the input (what the guardrails assertion judges), Model Armor's block in metadata.
 */
function blockedPrompt(feedback, tokenUsage) {
    const modelArmor = feedback.blockReason === 'MODEL_ARMOR';
    const given = typeof feedback.blockReasonMessage === 'string' ? feedback.blockReasonMessage : undefined;
    const message = given ?? `Content was blocked due to ${modelArmor ? 'Model Armor' : 'safety settings'}: ${feedback.blockReason}`;
    const response = {
        output: message,
        tokenUsage,
        guardrails: { flagged: true, flaggedInput: true, flaggedOutput: false, reason: message },
    };
    if (modelArmor)
        response.metadata = {
            modelArmor: { blockReason: feedback.blockReason, ...(given !== undefined ? { blockReasonMessage: given } : {}) },
        };
    return response;
}
/**
 * The reply as a ProviderResponse: the answer's text parts (not its thoughts), function calls as JSON without
 * text. A blocked prompt is an error, or with `blockedPromptIsAnswer` (Vertex, as promptfoo) an answer whose
 * guardrail verdict says so.
 */
function geminiResponse(body, price, fail, blockedPromptIsAnswer = false) {
    const reply = body;
    if (!reply || typeof reply !== 'object')
        return fail('the response is not a JSON object', true);
    const tokenUsage = usageOf(reply.usageMetadata);
    const blockReason = reply.promptFeedback?.blockReason;
    if (typeof blockReason === 'string') {
        if (blockedPromptIsAnswer)
            return blockedPrompt({ ...reply.promptFeedback, blockReason }, tokenUsage);
        return { ...fail(`the prompt was blocked (${blockReason})`, false), tokenUsage };
    }
    const candidate = Array.isArray(reply.candidates) ? reply.candidates[0] : undefined;
    if (!candidate)
        return fail('the response has no candidates[0]', true);
    const parts = Array.isArray(candidate.content?.parts) ? candidate.content.parts : [];
    const text = parts.filter((p) => typeof p.text === 'string' && p.thought !== true).map((p) => p.text);
    const calls = parts.filter((p) => p.functionCall !== undefined).map((p) => p.functionCall);
    if (text.length === 0 && calls.length === 0 && candidate.finishReason !== 'STOP') {
        return { ...fail(`the response has no text (finishReason ${String(candidate.finishReason)})`, false), tokenUsage };
    }
    const output = text.length > 0 ? text.join('') : calls.length > 0 ? JSON.stringify(calls) : '';
    return { output, tokenUsage, cost: costOf(price, tokenUsage) };
}
function geminiBaseUrl(config, env) {
    const host = str(config.apiHost) ?? str(env.GOOGLE_API_HOST);
    return (str(config.apiBaseUrl) ??
        str(env.GOOGLE_API_BASE_URL) ??
        (host ? `https://${host}` : 'https://generativelanguage.googleapis.com')).replace(/\/+$/, '');
}
function createGeminiProvider(spec, model, options) {
    const { config } = spec;
    const url = `${geminiBaseUrl(config, options.env)}/v1beta/models/${encodeURIComponent(model)}:generateContent`;
    const apiKey = googleApiKey(config, options.env);
    const keyVars = str(config.apiKeyEnvar) ?? GOOGLE_KEY_VARS.join(' or ');
    const secrets = [...secretsInConfig(config), ...(apiKey ? [apiKey] : [])];
    const headers = withConfigHeaders(apiKey ? { 'x-goog-api-key': apiKey } : {}, config);
    const price = priceFor(model, config);
    return keyedProvider({ spec, url, apiKey, keyVars, secrets }, async (prompt, context, fail) => {
        const outcome = await postJson(url, geminiBody(prompt, config), headers, {
            signal: context.signal,
            secrets,
            label: spec.id,
            credentialHint: keyHint(keyVars),
        });
        if (!outcome.ok)
            return outcome.failure;
        return geminiResponse(outcome.body, price, fail);
    });
}

export { createGeminiProvider, geminiBaseUrl, geminiBody, geminiResponse };
