import { s as str } from './index-credentials.js';
import { k as keyedProvider } from './index-keyed.js';
import { openAiBaseUrl, openAiApiKey, openAiKeyVar } from './index-openai.js';
import { s as secretsInConfig } from './index-secrets.js';
import { r as runToolCallback } from './index-tool-callbacks.js';
import { o as openJsonSocket, S as SocketError } from './index-websocket.js';
import 'node:fs';
import 'node:os';
import 'node:path';
import './index-prices.js';
import './index-_commonjsHelpers.js';
import 'events';
import 'fs';
import 'path';
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
import 'process';
import 'buffer';
import './index-import.js';
import 'node:url';

/** Session keys promptfoo passes through as the API names them. */
const OPENAI_SESSION_KEYS = [
    'modalities',
    'instructions',
    'voice',
    'temperature',
    'max_response_output_tokens',
    'tool_choice',
    'input_audio_format',
    'output_audio_format',
    'input_audio_transcription',
    'turn_detection',
];
/** A model may answer with tools more than once; a bound so a looping model cannot hold the call forever. */
const MAX_TOOL_ROUNDS = 10;
function realtimeSession(vendor, config, tools) {
    const session = {};
    if (vendor === 'openai') {
        for (const key of OPENAI_SESSION_KEYS)
            if (config[key] !== undefined)
                session[key] = config[key];
    }
    else {
        // xAI's defaults, as promptfoo sends them; its built-in voices are lower-case.
        const voice = str(config.voice) ?? 'ara';
        session.voice = /^(ara|rex|sal|eve|leo)$/i.test(voice) ? voice.toLowerCase() : voice;
        session.instructions = str(config.instructions) ?? 'You are a helpful assistant.';
        session.turn_detection = config.turn_detection === undefined ? { type: 'server_vad' } : config.turn_detection;
        const format = { type: 'audio/pcm', rate: 24000 };
        session.audio = config.audio ?? { input: { format }, output: { format } };
        if (config.reasoning !== undefined)
            session.reasoning = config.reasoning;
    }
    if (Array.isArray(tools) && tools.length > 0)
        session.tools = tools;
    return { type: 'session.update', session };
}
function endpointOf(vendor, model, config, env) {
    if (vendor === 'openai') {
        const base = openAiBaseUrl('openai', config, env);
        return { base, keyVar: openAiKeyVar('openai', config), apiKey: openAiApiKey('openai', config, env) };
    }
    const keyVar = str(config.apiKeyEnvar) ?? 'XAI_API_KEY';
    const host = str(config.apiHost);
    const base = (host ? `https://${host}/v1` : (str(config.apiBaseUrl) ?? 'https://api.x.ai/v1')).replace(/\/+$/, '');
    return { base, keyVar, apiKey: str(config.apiKey) ?? str(env[keyVar]) };
}
function createRealtimeProvider(spec, vendor, model, options) {
    const { config } = spec;
    const { base, keyVar, apiKey } = endpointOf(vendor, model, config, options.env);
    const url = `${base.replace(/^http/, 'ws')}/realtime?model=${encodeURIComponent(model)}`;
    const secrets = [...secretsInConfig(config), ...(apiKey ? [apiKey] : [])];
    const timeoutMs = typeof config.websocketTimeout === 'number' ? config.websocketTimeout : 30_000;
    const modalities = config.modalities ?? (vendor === 'xai' ? ['text', 'audio'] : undefined);
    return keyedProvider({ spec, url, apiKey, keyVars: keyVar, secrets }, async (prompt, context, fail) => {
        const headers = { authorization: `Bearer ${apiKey ?? ''}` };
        if (vendor === 'openai')
            headers['openai-beta'] = 'realtime=v1';
        let socket;
        let text = '';
        let transcript = '';
        const functionCalls = [];
        try {
            socket = await openJsonSocket(url, { headers, signal: context.signal, timeoutMs });
            const respond = () => socket.send({ type: 'response.create', response: modalities ? { modalities } : {} });
            socket.send(realtimeSession(vendor, config, options.tools));
            socket.send({
                type: 'conversation.item.create',
                item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: prompt }] },
            });
            respond();
            let pending = [];
            for (let rounds = 0;;) {
                const event = (await socket.next());
                switch (event?.type) {
                    case 'error': {
                        const code = String(event.error?.code ?? event.error?.type ?? '');
                        return fail(`${code ? `${code}: ` : ''}${String(event.error?.message ?? 'the API sent an error')}`, /rate_limit|server_error/.test(code));
                    }
                    case 'response.text.delta':
                    case 'response.output_text.delta':
                        text += String(event.delta ?? '');
                        break;
                    case 'response.audio_transcript.delta':
                    case 'response.output_audio_transcript.delta':
                        transcript += String(event.delta ?? '');
                        break;
                    case 'response.function_call_arguments.done':
                        pending.push(event);
                        break;
                    case 'response.done': {
                        if (event.response?.status === 'failed')
                            return fail(`the response failed: ${String(event.response.status_details?.error?.message ?? 'no reason given')}`, true);
                        const answered = [];
                        for (const call of pending) {
                            const callback = typeof call.name === 'string' ? options.callbacks?.get(call.name) : undefined;
                            const entry = { name: call.name, arguments: parseArgs(call.arguments) };
                            functionCalls.push(entry);
                            if (!callback)
                                continue;
                            try {
                                entry.result = await runToolCallback(callback, call.arguments);
                            }
                            catch (err) {
                                entry.result = JSON.stringify({ error: err instanceof Error ? err.message : String(err) });
                            }
                            answered.push({ call_id: call.call_id, output: entry.result });
                        }
                        pending = [];
                        if (answered.length === 0 || ++rounds > MAX_TOOL_ROUNDS) {
                            const said = text || transcript;
                            return { output: functionCalls.length > 0 ? { text: said, functionCalls } : said };
                        }
                        for (const item of answered)
                            socket.send({ type: 'conversation.item.create', item: { type: 'function_call_output', ...item } });
                        respond();
                        break;
                    }
                    default:
                        break;
                }
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
    });
}
function parseArgs(args) {
    if (typeof args !== 'string')
        return args;
    try {
        return JSON.parse(args);
    }
    catch {
        return args;
    }
}

export { createRealtimeProvider, realtimeSession };
