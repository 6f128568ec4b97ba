import { s as str, H as AWS_BEDROCK_TOKEN_VAR, a as secretsInConfig, j as priceFor, p as postJson, w as withConfigHeaders, m as costOf, c as cacheIdentityOf, x as toChatMessages, z as textOf, f as failure } from './cli-main.js';
import { a as awsCredentialSource, b as awsRegion, s as signAwsRequest } from './cli-aws.js';
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

function bedrockRegion(config, env) {
    return awsRegion(config, env, 'AWS_BEDROCK_REGION');
}
/** Converse's request: system text apart, content as blocks, the common sampling keys in inferenceConfig. */
function converseBody(prompt, config) {
    const chat = toChatMessages(prompt);
    const system = chat.filter((m) => m.role === 'system').map((m) => ({ text: textOf(m.content) }));
    const messages = chat
        .filter((m) => m.role !== 'system')
        .map((m) => ({
        role: m.role === 'assistant' ? 'assistant' : 'user',
        content: typeof m.content === 'string' ? [{ text: m.content }] : m.content,
    }));
    const num = (...keys) => keys.map((k) => config[k]).find((v) => typeof v === 'number');
    const inference = config.inferenceConfig && typeof config.inferenceConfig === 'object'
        ? { ...config.inferenceConfig }
        : {};
    // Nova's InvokeModel `interfaceConfig` carries the same sampling keys promptfoo users already wrote.
    const nova = (config.interfaceConfig ?? {});
    const novaNum = (key) => (typeof nova[key] === 'number' ? nova[key] : undefined);
    const maxTokens = num('max_tokens', 'maxTokens', 'max_new_tokens', 'max_gen_len', 'max_completion_tokens') ??
        novaNum('max_new_tokens');
    if (maxTokens !== undefined)
        inference.maxTokens ??= maxTokens;
    const temperature = num('temperature') ?? novaNum('temperature');
    if (temperature !== undefined)
        inference.temperature ??= temperature;
    const topP = num('top_p', 'topP') ?? novaNum('top_p');
    if (topP !== undefined)
        inference.topP ??= topP;
    const stop = config.stop ?? config.stopSequences ?? config.stop_sequences;
    if (Array.isArray(stop))
        inference.stopSequences ??= stop;
    const body = { messages };
    if (system.length > 0)
        body.system = system;
    if (Object.keys(inference).length > 0)
        body.inferenceConfig = inference;
    if (config.toolConfig !== undefined)
        body.toolConfig = config.toolConfig;
    else if (Array.isArray(config.tools))
        body.toolConfig = { tools: config.tools };
    const toolChoice = config.toolChoice ?? config.tool_choice;
    if (toolChoice !== undefined && body.toolConfig && typeof body.toolConfig === 'object')
        body.toolConfig = { ...body.toolConfig, toolChoice };
    const extra = config.additionalModelRequestFields && typeof config.additionalModelRequestFields === 'object'
        ? { ...config.additionalModelRequestFields }
        : {};
    if (config.thinking !== undefined)
        extra.thinking ??= config.thinking;
    if (typeof config.top_k === 'number')
        extra.top_k ??= config.top_k;
    if (config.reasoningConfig !== undefined)
        extra.reasoningConfig ??= config.reasoningConfig;
    if (typeof config.reasoning_effort === 'string')
        extra.reasoning_effort ??= config.reasoning_effort;
    if (Object.keys(extra).length > 0)
        body.additionalModelRequestFields = extra;
    for (const key of ['guardrailConfig', 'performanceConfig', 'promptVariables', 'requestMetadata'])
        if (config[key] !== undefined)
            body[key] = config[key];
    return body;
}
function usageOf(usage) {
    const n = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    const prompt = n(usage?.inputTokens);
    const completion = n(usage?.outputTokens);
    if (prompt === undefined && completion === undefined)
        return {};
    return {
        prompt: prompt ?? 0,
        completion: completion ?? 0,
        total: n(usage?.totalTokens) ?? (prompt ?? 0) + (completion ?? 0),
    };
}
/**
 * The output as promptfoo writes it for Converse: blocks joined by a blank line — text as it is, reasoning as
 * `<thinking>…</thinking>` (and its signature) unless `showThinking: false`, tool uses as JSON.
 */
function converseOutput(content, showThinking) {
    const parts = [];
    for (const block of content) {
        if (typeof block?.text === 'string' && block.text)
            parts.push(block.text);
        else if (block?.reasoningContent) {
            if (!showThinking)
                continue;
            const reasoning = block.reasoningContent;
            if (reasoning.reasoningText) {
                parts.push(`<thinking>\n${String(reasoning.reasoningText.text ?? '')}\n</thinking>`);
                if (typeof reasoning.reasoningText.signature === 'string' && reasoning.reasoningText.signature)
                    parts.push(`Signature: ${reasoning.reasoningText.signature}`);
            }
            else if (reasoning.redactedContent)
                parts.push('<thinking>[Redacted]</thinking>');
        }
        else if (block?.toolUse) {
            const { toolUseId, name, input } = block.toolUse;
            parts.push(JSON.stringify({ type: 'tool_use', id: toolUseId, name, input }));
        }
    }
    return parts.join('\n\n');
}
/** `us.anthropic.claude-sonnet-4-6-v1:0` → `claude-sonnet-4-6`, `amazon.nova-lite-v1:0` → `nova-lite`: the family the price table knows. */
function bedrockPriceFamily(model) {
    const id = model.includes(':inference-profile/') || model.startsWith('arn:') ? (model.split('/').pop() ?? model) : model;
    return id
        .replace(/^(us|eu|apac|global|us-gov|jp|au|ca)\./, '')
        .replace(/^[a-z0-9]+\./, '')
        .replace(/(-\d{8})?-v\d+(:\d+)?$/, '')
        .replace(/:\d+$/, '');
}
function createBedrockProvider(spec, model, options) {
    const { config } = spec;
    const { env } = options;
    const region = bedrockRegion(config, env);
    const base = (str(config.endpoint) ??
        str(config.apiBaseUrl) ??
        `https://bedrock-runtime.${region}.amazonaws.com`).replace(/\/+$/, '');
    const url = new URL(`${base}/model/${encodeURIComponent(model)}/converse`);
    const bearer = str(config.apiKey) ?? str(env[AWS_BEDROCK_TOKEN_VAR]);
    const credentials = bearer ? undefined : awsCredentialSource(config, env);
    const secrets = [...secretsInConfig(config), ...(bearer ? [bearer] : [])];
    const price = priceFor(bedrockPriceFamily(model), config);
    const label = spec.id;
    const fail = (message, transient, extra = {}) => failure({ label, secrets: callSecrets }, message, transient, extra);
    let callSecrets = secrets;
    async function signedHeaders(payload) {
        if (bearer)
            return { authorization: `Bearer ${bearer}` };
        const signed = await signAwsRequest(url, payload, 'bedrock', region, credentials);
        callSecrets = [...secrets, ...signed.secrets];
        return signed.headers;
    }
    return {
        id: spec.id,
        label: spec.label,
        cacheIdentity: cacheIdentityOf(spec.id, config, { region }),
        async callApi(prompt, context) {
            const body = converseBody(prompt, config);
            let headers;
            try {
                headers = await signedHeaders(JSON.stringify(body));
            }
            catch (err) {
                return fail(`no AWS credentials (${err instanceof Error ? err.message : String(err)}): set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, a role, or ${AWS_BEDROCK_TOKEN_VAR}`, false);
            }
            // Signed headers are sent as signed: config headers may add, never replace them.
            const outcome = await postJson(url.href, body, { ...withConfigHeaders({}, config), ...headers }, {
                signal: context.signal,
                secrets: callSecrets,
                label,
                credentialHint: `check the AWS credentials and that ${model} is enabled for them in ${region}`,
            });
            if (!outcome.ok)
                return outcome.failure;
            const reply = outcome.body;
            const content = reply?.output?.message?.content;
            if (!Array.isArray(content))
                return fail('the response has no output.message.content array', true);
            const tokenUsage = usageOf(reply.usage);
            const output = converseOutput(content, config.showThinking !== false);
            return { output, tokenUsage, cost: costOf(price, tokenUsage) };
        },
    };
}

export { bedrockPriceFamily, bedrockRegion, converseBody, converseOutput, createBedrockProvider };
