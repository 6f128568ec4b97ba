import { t as toChatMessages, a as textOf } from './index-prices.js';
import { g as googleApiKey, s as str, G as GOOGLE_KEY_VARS } from './index-credentials.js';
import { geminiBaseUrl } from './index-google.js';
import { k as keyedProvider } from './index-keyed.js';
import { s as secretsInConfig } from './index-secrets.js';
import { r as runToolCallback } from './index-tool-callbacks.js';
import { o as openJsonSocket, S as SocketError } from './index-websocket.js';
import './index-_commonjsHelpers.js';
import 'events';
import 'fs';
import 'path';
import 'node:fs';
import 'node:os';
import 'node:path';
import './index-anthropic.js';
import './index-http.js';
import 'node:crypto';
import 'node:http';
import 'node:https';
import 'node:util';
import 'node:zlib';
import 'node:events';
import 'node:fs/promises';
import './index-errors.js';
import './index-openai.js';
import 'process';
import 'buffer';
import './index-import.js';
import 'node:url';

const LIVE_PATH = '/ws/google.ai.generativelanguage.v1alpha.GenerativeService.BidiGenerateContent';
/** promptfoo's top-level generation keys, sent inside generationConfig. */
const GENERATION_KEYS = ['temperature', 'maxOutputTokens', 'topP', 'topK', 'stopSequences'];
/** Setup fields promptfoo's examples write inside generationConfig, where the API does not take them. */
const SETUP_FIELDS = ['outputAudioTranscription', 'inputAudioTranscription'];
function liveSetup(model, config, tools) {
    const generationConfig = {};
    for (const key of GENERATION_KEYS)
        if (config[key] !== undefined)
            generationConfig[key] = config[key];
    const given = (config.generationConfig ?? {});
    const setup = { model: `models/${model}` };
    for (const [key, value] of Object.entries(given)) {
        if (SETUP_FIELDS.includes(key))
            setup[key] = value;
        else if (key === 'response_modalities' || key === 'responseModalities') {
            generationConfig.responseModalities = (Array.isArray(value) ? value : [value]).map((m) => String(m).toUpperCase());
        }
        else
            generationConfig[key] = value;
    }
    if (config.speechConfig !== undefined)
        generationConfig.speechConfig = config.speechConfig;
    for (const key of SETUP_FIELDS)
        if (config[key] !== undefined)
            setup[key] = config[key];
    setup.generationConfig = generationConfig;
    if (config.toolConfig !== undefined)
        setup.toolConfig = config.toolConfig;
    if (tools !== undefined)
        setup.tools = tools;
    return setup;
}
function createGoogleLiveProvider(spec, model, options) {
    const { config } = spec;
    if (config.functionToolStatefulApi !== undefined) {
        throw new Error('config.functionToolStatefulApi starts a Python API server of the suite for the tools, which promptgate does not do; answer the calls with functionToolCallbacks instead');
    }
    const base = geminiBaseUrl(config, options.env).replace(/^http/, 'ws');
    const apiKey = googleApiKey(config, options.env);
    const keyVars = str(config.apiKeyEnvar) ?? GOOGLE_KEY_VARS.join(' or ');
    const secrets = [...secretsInConfig(config), ...(apiKey ? [apiKey] : [])];
    const timeoutMs = typeof config.timeoutMs === 'number' ? config.timeoutMs : 10_000;
    const url = `${base}${LIVE_PATH}`;
    return keyedProvider({ spec, url, apiKey, keyVars, secrets }, async (prompt, context, fail) => {
        const messages = toChatMessages(prompt);
        const system = messages.filter((m) => m.role === 'system').map((m) => textOf(m.content));
        const turns = messages.filter((m) => m.role !== 'system').map((m) => textOf(m.content));
        const setup = liveSetup(model, config, options.tools);
        if (system.length > 0)
            setup.systemInstruction = { parts: [{ text: system.join('\n\n') }] };
        let text = '';
        let transcript = '';
        const functionCalls = [];
        let socket;
        try {
            socket = await openJsonSocket(`${url}?key=${encodeURIComponent(apiKey ?? '')}`, {
                signal: context.signal,
                timeoutMs,
            });
            socket.send({ setup });
            let turn = 0;
            for (;;) {
                const message = (await socket.next());
                if (message?.error)
                    return fail(`the Live API answered an error: ${String(message.error.message)}`, false);
                if (message?.setupComplete !== undefined || (message?.serverContent?.turnComplete && turn < turns.length)) {
                    if (turn >= turns.length)
                        continue;
                    socket.send({
                        clientContent: { turns: [{ role: 'user', parts: [{ text: turns[turn] }] }], turnComplete: true },
                    });
                    turn++;
                    continue;
                }
                for (const part of message?.serverContent?.modelTurn?.parts ?? [])
                    if (typeof part?.text === 'string')
                        text += part.text;
                const spoken = message?.serverContent?.outputTranscription?.text;
                if (typeof spoken === 'string')
                    transcript += spoken;
                const calls = message?.toolCall?.functionCalls;
                if (Array.isArray(calls)) {
                    const functionResponses = [];
                    for (const call of calls) {
                        functionCalls.push(call);
                        const callback = typeof call?.name === 'string' ? options.callbacks?.get(call.name) : undefined;
                        let response = {};
                        if (callback) {
                            try {
                                const result = await runToolCallback(callback, call.args);
                                response = parseMaybe(result);
                            }
                            catch (err) {
                                response = {
                                    error: `Error executing function ${String(call.name)}: ${err instanceof Error ? err.message : String(err)}`,
                                };
                            }
                        }
                        functionResponses.push({ id: call.id, name: call.name, response });
                    }
                    socket.send({ toolResponse: { functionResponses } });
                    continue;
                }
                if (message?.serverContent?.turnComplete)
                    break;
            }
        }
        catch (err) {
            if (err instanceof SocketError)
                return fail(err.message, true);
            throw err;
        }
        finally {
            socket?.close();
        }
        const output = { text: text || transcript, toolCall: { functionCalls } };
        if (transcript)
            output.audio = { transcript };
        return { output };
    });
}
function parseMaybe(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return { result: text };
    }
}

export { createGoogleLiveProvider, liveSetup };
