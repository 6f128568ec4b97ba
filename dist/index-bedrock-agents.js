import { randomUUID } from 'node:crypto';
import { m as messageOf } from './index-errors.js';
import { a as awsCredentialSource } from './index-aws.js';
import { bedrockRegion } from './index-bedrock.js';
import { s as str } from './index-credentials.js';
import { f as failure, m as maxOutputTokensOf, i as isTransientStatus, b as parseRetryAfter, d as parseRateLimit } from './index-http.js';
import { s as secretsInConfig, c as cacheIdentityOf } from './index-secrets.js';
import './index-prices.js';
import './index-_commonjsHelpers.js';
import 'events';
import 'fs';
import 'path';
import 'node:fs';
import 'node:os';
import 'node:path';
import './index-anthropic.js';
import 'node:fs/promises';
import './index-openai.js';
import './index-tool-callbacks.js';
import 'process';
import 'buffer';
import './index-import.js';
import 'node:url';
import 'node:http';
import 'node:https';
import 'node:util';
import 'node:zlib';
import 'node:events';

// Bedrock's Agents runtime, as promptfoo calls it: `bedrock-agent:<agent id>` (InvokeAgent, whose answer is an
// AWS event stream of chunks and traces) and `bedrock:kb:<model>` (RetrieveAndGenerate over a knowledge base,
// with its citations). Both go through AWS's own client, @aws-sdk/client-bedrock-agent-runtime, imported on the
// first call; credentials and region are the other Bedrock providers' (aws.ts, bedrock.ts). The client makes one
// attempt: a throttled or failed call comes back transient and the engine retries it, as for every provider.
/** The keys every Agents-runtime provider reads: AWS credentials and region, and `endpoint` (a VPC or test endpoint). */
const AWS_KEYS = ['accessKeyId', 'secretAccessKey', 'sessionToken', 'profile', 'region', 'endpoint'];
const API_KEY_REFUSAL = "is a Bedrock API key, which the Agents runtime does not take (AWS's client for it signs with SigV4 only); use AWS credentials: accessKeyId and secretAccessKey, profile, or the environment's AWS chain";
const AGENT_KEYS = new Set([
    ...AWS_KEYS,
    'agentId',
    'agentAliasId',
    'sessionId',
    'sessionState',
    'memoryId',
    'enableTrace',
    'endSession',
]);
/**
 * Keys promptfoo's agent provider accepts and hands to the AWS SDK, which drops them: InvokeAgent has no such
 * field, so in promptfoo they never reach the agent. Refused rather than ignored, with where the setting lives.
 */
const AGENT_DROPPED = {
    temperature: "the agent's model settings are part of the agent (its prompt override configuration) in Bedrock",
    topP: "the agent's model settings are part of the agent (its prompt override configuration) in Bedrock",
    topK: "the agent's model settings are part of the agent (its prompt override configuration) in Bedrock",
    maximumLength: "the agent's model settings are part of the agent (its prompt override configuration) in Bedrock",
    stopSequences: "the agent's model settings are part of the agent (its prompt override configuration) in Bedrock",
    inferenceConfig: "the agent's model settings are part of the agent (its prompt override configuration) in Bedrock",
    guardrailConfiguration: "the agent's guardrail is set on the agent in Bedrock",
    promptOverrideConfiguration: 'prompt overrides are set on the agent in Bedrock',
    knowledgeBaseConfigurations: "the agent's knowledge bases are associated with it in Bedrock; per-call retrieval settings go in sessionState.knowledgeBaseConfigurations",
    actionGroups: "the agent's action groups are set on the agent in Bedrock",
    inputDataConfig: "the agent's parsing and filters are set on the agent in Bedrock",
};
/** InvokeAgent's SessionState members: AWS's client drops any other key without a word. */
const SESSION_STATE_KEYS = new Set([
    'sessionAttributes',
    'promptSessionAttributes',
    'returnControlInvocationResults',
    'invocationId',
    'files',
    'knowledgeBaseConfigurations',
    'conversationHistory',
]);
const KB_KEYS = new Set([
    ...AWS_KEYS,
    'knowledgeBaseId',
    'modelArn',
    'numberOfResults',
    'temperature',
    'max_tokens',
    'top_p',
    'top_k',
]);
/** A located config error (index.ts adds the file and the provider's key): unknown, refused or mistyped keys. */
function checkKeys(config, known, refused, what) {
    for (const key of Object.keys(config)) {
        if (key === 'apiKey')
            throw new Error(`config.apiKey ${API_KEY_REFUSAL}`);
        const why = refused[key];
        if (why !== undefined)
            throw new Error(`config.${key} is not a field of ${what}: promptfoo accepts it but AWS's client drops it, so it never reaches Bedrock (${why}); remove it`);
        if (!known.has(key))
            throw new Error(`config.${key} is not a setting of ${what}; expected one of ${[...known].join(', ')}`);
    }
}
function expectType(config, key, type) {
    const value = config[key];
    if (value === undefined)
        return;
    const ok = type === 'object' ? value !== null && typeof value === 'object' && !Array.isArray(value) : typeof value === type;
    if (!ok)
        throw new Error(`config.${key} must be ${type === 'object' ? 'a map' : `a ${type}`}, got ${JSON.stringify(value)}`);
}
/**
 * One client per provider, made on the first call: the SDK (and its event-stream code) loads only for suites
 * that use it. `secrets()` are the credentials it last signed with, for redacting errors as the other providers do.
 */
function clientFactory(config, env, region) {
    const source = awsCredentialSource(config, env);
    let signedWith = [];
    const credentials = async () => {
        const found = await source();
        signedWith = [found.secretAccessKey, ...(found.sessionToken ? [found.sessionToken] : [])];
        return found;
    };
    const endpoint = str(config.endpoint);
    let client;
    const get = () => (client ??= import('./index-dist-es2.js').then((sdk) => ({
        sdk,
        client: new sdk.BedrockAgentRuntimeClient({
            region,
            credentials,
            maxAttempts: 1,
            ...(endpoint ? { endpoint } : {}),
        }),
    })));
    return { get, secrets: () => signedWith };
}
const AUTH_ERRORS = new Set([
    'AccessDeniedException',
    'UnrecognizedClientException',
    'InvalidSignatureException',
    'ExpiredTokenException',
    'IncompleteSignature',
    'MissingAuthenticationToken',
]);
/** The runtime's modelled errors worth another try; they also arrive inside InvokeAgent's stream, with no status. */
const TRANSIENT_ERRORS = new Set([
    'ThrottlingException',
    'InternalServerException',
    'ServiceUnavailableException',
    'DependencyFailedException',
    'BadGatewayException',
    'ModelNotReadyException',
]);
const PERMANENT_ERRORS = new Set([
    ...AUTH_ERRORS,
    'ValidationException',
    'ResourceNotFoundException',
    'ConflictException',
    'ServiceQuotaExceededException',
]);
/**
 * A failed SDK call as the other providers report one: HTTP statuses 408/409/429/5xx, throttling, network and
 * unreadable answers are transient (the engine retries them, Retry-After and 429 feed its limiter); credentials,
 * access and validation are not, with what to check.
 */
function sdkFailure(err, options) {
    const e = (err ?? {});
    const name = typeof e.name === 'string' ? e.name : '';
    // The SDK's first line; the rest is advice about its own objects ("inspect the hidden field $response").
    const message = (typeof e.message === 'string' ? e.message : messageOf(err))
        .split('\n')[0]
        .replace(/^AWS SDK error wrapper for /, '');
    const fail = (text, transient, extra = {}) => failure(options, text, transient, extra);
    if (options.signal?.aborted || name === 'AbortError' || name === 'TimeoutError')
        return fail('request timed out (aborted)', true);
    if (name === 'CredentialsProviderError')
        return fail(`no AWS credentials (${message}): set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE or a role`, false);
    const status = typeof e.$metadata?.httpStatusCode === 'number'
        ? e.$metadata.httpStatusCode
        : typeof e.$response?.statusCode === 'number'
            ? e.$response.statusCode
            : undefined;
    const hint = status === 401 || status === 403 || AUTH_ERRORS.has(name)
        ? ` (${options.credentialHint})`
        : name === 'ResourceNotFoundException'
            ? ` (${options.notFoundHint})`
            : '';
    const modelled = TRANSIENT_ERRORS.has(name) || PERMANENT_ERRORS.has(name);
    const answered = status !== undefined && (status < 200 || status > 299);
    // A modelled error inside InvokeAgent's event stream: the request itself was answered 200, or not at all yet.
    if (modelled && !answered)
        return fail(`${name}: ${message}${hint}`, TRANSIENT_ERRORS.has(name));
    if (status === undefined)
        return fail(`network error: ${message}`, true);
    // An answer the SDK could not read (not JSON, a broken event stream) carries the 2xx it came with.
    if (!answered)
        return fail(`unreadable response (HTTP ${status}): ${message}`, true);
    const headers = (e.$response?.headers ?? {});
    const transient = isTransientStatus(status) || TRANSIENT_ERRORS.has(name);
    const retryAfterMs = transient ? parseRetryAfter(headers) : undefined;
    const rateLimit = parseRateLimit(headers, status);
    return fail(`HTTP ${status}${name ? ` ${name}` : ''}: ${message}${hint}`, transient, {
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        ...(rateLimit === undefined ? {} : { rateLimit }),
    });
}
/** `bedrock-agent:<agent id>`: InvokeAgent with the prompt as inputText; chunks joined, traces kept when enableTrace. */
function createBedrockAgentProvider(spec, agentIdFromId, options) {
    const { config } = spec;
    checkKeys(config, AGENT_KEYS, AGENT_DROPPED, 'InvokeAgent (bedrock-agent)');
    for (const key of ['agentId', 'agentAliasId', 'sessionId', 'memoryId'])
        expectType(config, key, 'string');
    for (const key of ['enableTrace', 'endSession'])
        expectType(config, key, 'boolean');
    expectType(config, 'sessionState', 'object');
    for (const key of Object.keys(config.sessionState ?? {}))
        if (!SESSION_STATE_KEYS.has(key))
            throw new Error(`config.sessionState.${key} is not a member of InvokeAgent's sessionState; expected one of ${[...SESSION_STATE_KEYS].join(', ')}`);
    const agentId = str(config.agentId) ?? agentIdFromId;
    if (!agentId)
        throw new Error('names no agent: write it as bedrock-agent:<agent id>, or set config.agentId');
    const agentAliasId = str(config.agentAliasId);
    // promptfoo checks this on each call; a suite that cannot make any call is refused when it loads.
    if (!agentAliasId)
        throw new Error('needs config.agentAliasId, the alias of the agent to invoke');
    const region = bedrockRegion(config, options.env);
    const client = clientFactory(config, options.env, region);
    const configSecrets = secretsInConfig(config);
    const secrets = () => [...configSecrets, ...client.secrets()];
    const memoryId = str(config.memoryId);
    return {
        id: spec.id,
        label: spec.label,
        cacheIdentity: cacheIdentityOf(spec.id, config, { region, agentId }),
        endpoint: `${str(config.endpoint) ?? `https://bedrock-agent-runtime.${region}.amazonaws.com`}/agents/${agentId}`,
        async callApi(prompt, context) {
            // promptfoo: the configured session, else a new one per call.
            const sessionId = str(config.sessionId) ?? `session-${randomUUID()}`;
            const input = {
                agentId,
                agentAliasId,
                sessionId,
                inputText: prompt,
                ...(config.enableTrace !== undefined ? { enableTrace: config.enableTrace } : {}),
                ...(config.endSession !== undefined ? { endSession: config.endSession } : {}),
                ...(config.sessionState !== undefined
                    ? { sessionState: config.sessionState }
                    : {}),
                ...(memoryId ? { memoryId } : {}),
            };
            const failed = (err) => sdkFailure(err, {
                label: spec.id,
                secrets: secrets(),
                signal: context.signal,
                notFoundHint: `check agentId ${agentId} and agentAliasId ${agentAliasId} in ${region}`,
                credentialHint: `check the AWS credentials and their bedrock:InvokeAgent permission for ${agentId} in ${region}`,
            });
            try {
                const { client: runtime, sdk } = await client.get();
                const response = await runtime.send(new sdk.InvokeAgentCommand(input), { abortSignal: context.signal });
                if (!response.completion)
                    return failure({ label: spec.id, secrets: secrets() }, 'the response has no completion stream', true);
                const decoder = new TextDecoder();
                let output = '';
                const traces = [];
                let returnedControl;
                for await (const event of response.completion) {
                    if (event.chunk?.bytes)
                        output += decoder.decode(event.chunk.bytes, { stream: true });
                    if (config.enableTrace === true && event.trace)
                        traces.push(event.trace);
                    if (event.returnControl)
                        returnedControl = event.returnControl;
                }
                output += decoder.decode();
                // promptfoo outputs '' here; the agent did not answer, it asked the caller to run an action (RETURN_CONTROL).
                if (returnedControl && !output) {
                    const groups = (returnedControl.invocationInputs ?? []).map((input) => {
                        const call = input;
                        return String(call.functionInvocationInput?.actionGroup ?? call.apiInvocationInput?.actionGroup ?? '?');
                    });
                    return failure({ label: spec.id, secrets: secrets() }, `the agent returned control to the caller (action group ${groups.join(', ') || '?'}), which promptgate does not answer: give the action group a Lambda executor, or drive the agent from a custom provider (file://provider.mjs) that runs the action and sends sessionState.returnControlInvocationResults`, false);
                }
                const metadata = {};
                if (response.sessionId)
                    metadata.sessionId = response.sessionId;
                if (traces.length > 0)
                    metadata.trace = traces;
                if (memoryId)
                    metadata.memoryId = memoryId;
                return { output, metadata };
            }
            catch (err) {
                return failed(err);
            }
        },
    };
}
/** promptfoo's model → modelArn: config.modelArn, an ARN as is, a cross-region profile id as is, else the foundation model's ARN. */
function knowledgeBaseModelArn(model, config, region) {
    const configured = str(config.modelArn);
    if (configured)
        return configured;
    if (model === 'default')
        return undefined;
    if (model.includes('arn:aws:bedrock'))
        return model;
    if (/^(us|eu|apac)\./.test(model))
        return model;
    return `arn:aws:bedrock:${region}::foundation-model/${model}`;
}
/**
 * RetrieveAndGenerate's generation settings from the sampling keys promptfoo's KB provider accepts. promptfoo
 * sends none of them (they only key its cache); here they do what they say, as textInferenceConfig (top_k as
 * an additional model field, the way the Converse provider sends it) — an accepted key is never a silent no-op.
 */
function generationConfiguration(config) {
    const text = {};
    if (config.temperature !== undefined)
        text.temperature = config.temperature;
    if (config.top_p !== undefined)
        text.topP = config.top_p;
    if (config.max_tokens !== undefined)
        text.maxTokens = config.max_tokens;
    const generation = {};
    if (Object.keys(text).length > 0)
        generation.inferenceConfig = { textInferenceConfig: text };
    if (config.top_k !== undefined)
        generation.additionalModelRequestFields = { top_k: config.top_k };
    return Object.keys(generation).length > 0 ? generation : undefined;
}
/** `bedrock:kb:<model>`: RetrieveAndGenerate over config.knowledgeBaseId; the answer's citations in metadata. */
function createBedrockKnowledgeBaseProvider(spec, model, options) {
    const { config } = spec;
    checkKeys(config, KB_KEYS, {}, 'RetrieveAndGenerate (bedrock:kb)');
    for (const key of ['knowledgeBaseId', 'modelArn'])
        expectType(config, key, 'string');
    for (const key of ['numberOfResults', 'temperature', 'max_tokens', 'top_p', 'top_k'])
        expectType(config, key, 'number');
    const knowledgeBaseId = str(config.knowledgeBaseId);
    if (!knowledgeBaseId)
        throw new Error('needs config.knowledgeBaseId, the knowledge base to query');
    const region = bedrockRegion(config, options.env);
    const modelArn = knowledgeBaseModelArn(model, config, region);
    const client = clientFactory(config, options.env, region);
    const configSecrets = secretsInConfig(config);
    const secrets = () => [...configSecrets, ...client.secrets()];
    const generation = generationConfiguration(config);
    const knowledgeBaseConfiguration = {
        knowledgeBaseId,
        ...(modelArn ? { modelArn } : {}),
        ...(typeof config.numberOfResults === 'number'
            ? { retrievalConfiguration: { vectorSearchConfiguration: { numberOfResults: config.numberOfResults } } }
            : {}),
        ...(generation ? { generationConfiguration: generation } : {}),
    };
    return {
        id: spec.id,
        label: spec.label,
        cacheIdentity: cacheIdentityOf(spec.id, config, { region, modelArn }),
        ...maxOutputTokensOf(config, ['max_tokens']),
        endpoint: `${str(config.endpoint) ?? `https://bedrock-agent-runtime.${region}.amazonaws.com`}/retrieveAndGenerate`,
        async callApi(prompt, context) {
            // Built from config (generation settings as plain maps; modelArn absent for `default`, as in promptfoo).
            const input = {
                input: { text: prompt },
                retrieveAndGenerateConfiguration: { type: 'KNOWLEDGE_BASE', knowledgeBaseConfiguration },
            };
            try {
                const { client: runtime, sdk } = await client.get();
                const response = await runtime.send(new sdk.RetrieveAndGenerateCommand(input), { abortSignal: context.signal });
                const output = response.output?.text;
                if (typeof output !== 'string')
                    return failure({ label: spec.id, secrets: secrets() }, 'the response has no output.text', true);
                return { output, metadata: { citations: Array.isArray(response.citations) ? response.citations : [] } };
            }
            catch (err) {
                return sdkFailure(err, {
                    label: spec.id,
                    secrets: secrets(),
                    signal: context.signal,
                    notFoundHint: `check knowledgeBaseId ${knowledgeBaseId} and the model in ${region}`,
                    credentialHint: `check the AWS credentials and their bedrock:RetrieveAndGenerate permission in ${region}`,
                });
            }
        },
    };
}

export { createBedrockAgentProvider, createBedrockKnowledgeBaseProvider, knowledgeBaseModelArn, sdkFailure };
