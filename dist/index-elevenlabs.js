import path from 'node:path';
import { s as str, e as elevenLabsApiKey, b as elevenLabsKeyVar, k as keyHint } from './index-credentials.js';
import { w as withConfigHeaders, p as postJson } from './index-http.js';
import { k as keyedProvider } from './index-keyed.js';
import { m as multipart } from './index-multipart.js';
import { r as readProjectFile } from './index-project-file.js';
import { s as secretsInConfig } from './index-secrets.js';
import 'node:fs';
import 'node:os';
import './index-prices.js';
import './index-_commonjsHelpers.js';
import 'events';
import 'fs';
import 'path';
import './index-anthropic.js';
import 'node:crypto';
import 'node:http';
import 'node:https';
import 'node:util';
import 'node:zlib';
import 'node:events';
import 'node:fs/promises';
import './index-errors.js';
import './index-openai.js';
import './index-tool-callbacks.js';
import 'process';
import 'buffer';
import './index-import.js';
import 'node:url';

// ElevenLabs (`elevenlabs:tts[:voice]`, `elevenlabs:stt`, `elevenlabs:alignment`, `elevenlabs:isolation`,
// `elevenlabs:history`) over its REST API with an `xi-api-key`. Audio goes up as multipart uploads and comes back
// as bytes; the output is promptfoo's text for each API, so assertions written for promptfoo grade the same thing:
// TTS `Generated N characters of speech`, STT the transcript, alignment the JSON (or SRT/VTT subtitles),
// isolation `Audio isolated successfully from <file>`, history the conversation(s) as JSON.
//
// TTS with `streaming: true` uses the HTTP streaming endpoint (`/stream`, chunked audio), not promptfoo's
// WebSocket: the same audio and the same output, `(streaming)` appended.
/** promptfoo's estimates (ElevenLabs' list prices): 50,000 characters or 600 seconds of audio per dollar. */
const TTS_CHARACTERS_PER_DOLLAR = 50_000;
const STT_SECONDS_PER_DOLLAR = 600;
/** Isolation is priced by duration, which promptfoo estimates from the file's size (~32 kB a second of MP3). */
const BYTES_PER_AUDIO_SECOND = 32_000;
const AUDIO_EXTENSIONS = /\.(mp3|wav|flac|m4a|ogg|opus|webm)$/i;
const DEFAULT_VOICE = '21m00Tcm4TlvDq8ikWAM'; // Rachel
const DEFAULT_VOICE_SETTINGS = { stability: 0.5, similarity_boost: 0.75, style: 0, use_speaker_boost: true, speed: 1 };
/** Keys of promptfoo's TTS that need ElevenLabs APIs promptgate does not call: refused, not ignored. */
const REFUSED_TTS_KEYS = {
    voiceDesign: 'designs a voice first (the voice-design API)',
    voiceRemix: 'remixes a voice first (the voice-remix API)',
    pronunciationRules: 'creates a pronunciation dictionary first',
    pronunciationDictionaryId: 'applies a pronunciation dictionary',
};
const timestamp = (seconds) => {
    const ms = Math.max(0, Math.round(seconds * 1000));
    const pad = (n, width = 2) => String(n).padStart(width, '0');
    return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)},${pad(ms % 1000, 3)}`;
};
/** SRT cues of at most ten words or two seconds each, as promptfoo groups them. */
function subtitles(words, format) {
    const timed = words.filter((w) => typeof w?.text === 'string' && typeof w.start === 'number' && typeof w.end === 'number' && w.text.trim() !== '');
    const cues = [];
    for (let i = 0; i < timed.length;) {
        const first = timed[i];
        let j = i + 1;
        while (j < timed.length && j - i < 10 && timed[j].start - first.start < 2)
            j++;
        const chunk = timed.slice(i, j);
        cues.push(`${cues.length + 1}\n${timestamp(first.start)} --> ${timestamp(chunk.at(-1).end)}\n${chunk.map((w) => w.text.trim()).join(' ')}\n`);
        i = j;
    }
    const srt = cues.join('\n');
    return format === 'vtt' ? `WEBVTT\n\n${srt}` : srt;
}
function createElevenLabsProvider(spec, api, variant, options) {
    const { config } = spec;
    if (api === 'tts') {
        for (const [key, what] of Object.entries(REFUSED_TTS_KEYS)) {
            if (config[key] !== undefined)
                throw new Error(`config.${key} ${what}, which promptgate does not call; remove it, or set voiceId to the voice to use`);
        }
    }
    const base = (str(config.baseUrl) ?? str(config.apiBaseUrl) ?? 'https://api.elevenlabs.io/v1').replace(/\/+$/, '');
    const apiKey = elevenLabsApiKey(config, options.env);
    const keyVars = elevenLabsKeyVar(config);
    const secrets = [...secretsInConfig(config), ...(apiKey ? [apiKey] : [])];
    const headers = withConfigHeaders(apiKey ? { 'xi-api-key': apiKey } : {}, config);
    const label = spec.id;
    const request = (url, context, extra, body, more = {}) => postJson(url, body, { ...headers, ...more }, {
        signal: context.signal,
        secrets,
        label,
        credentialHint: keyHint(keyVars),
        ...extra,
    });
    const upload = async (path_, context, file, fields, binaryReply = false) => {
        const form = await multipart(fields, file);
        return request(`${base}${path_}`, context, { bodyBytes: form.body, binaryReply }, undefined, {
            'content-type': form.contentType,
        });
    };
    const audioOf = async (reference, fail) => {
        if (typeof reference !== 'string' || !reference.trim())
            return fail('names no audio file: pass its path as the prompt or as vars.audioFile', false);
        try {
            return await readProjectFile(reference.trim(), options.rootDir, 'audio file');
        }
        catch (err) {
            return fail(err instanceof Error ? err.message : String(err), false);
        }
    };
    const calls = {
        async tts(prompt, context, fail) {
            const voice = str(config.voiceId) ?? variant ?? DEFAULT_VOICE;
            const streaming = config.streaming === true;
            const query = new URLSearchParams({
                output_format: str(config.outputFormat) ?? 'mp3_44100_128',
                optimize_streaming_latency: String(config.optimizeStreamingLatency ?? 0),
            });
            const body = {
                text: prompt,
                model_id: str(config.modelId) ?? 'eleven_multilingual_v2',
                voice_settings: config.voiceSettings ?? DEFAULT_VOICE_SETTINGS,
            };
            if (config.seed !== undefined)
                body.seed = config.seed;
            const url = `${base}/text-to-speech/${encodeURIComponent(voice)}${streaming ? '/stream' : ''}?${query}`;
            const outcome = await request(url, context, { binaryReply: true }, body, { accept: 'audio/mpeg' });
            if (!outcome.ok)
                return outcome.failure;
            if (outcome.bytes.length === 0)
                return fail('the reply has no audio', true);
            const n = prompt.length;
            return {
                output: `Generated ${n} characters of speech${streaming ? ' (streaming)' : ''}`,
                tokenUsage: { prompt: n, completion: 0, total: n },
                cost: n / TTS_CHARACTERS_PER_DOLLAR,
            };
        },
        async stt(prompt, context, fail) {
            const reference = AUDIO_EXTENSIONS.test(prompt.trim())
                ? prompt
                : (str(config.audioFile) ?? context.vars.audioFile);
            const audio = await audioOf(reference, fail);
            if (!('bytes' in audio))
                return audio;
            const outcome = await upload('/speech-to-text', context, { field: 'file', name: path.basename(audio.file), bytes: audio.bytes }, {
                model_id: str(config.modelId) ?? 'scribe_v2',
                language_code: str(config.language),
                ...(config.diarization === true
                    ? { diarize: true, num_speakers: config.maxSpeakers }
                    : {}),
            });
            if (!outcome.ok)
                return outcome.failure;
            const reply = outcome.body;
            if (typeof reply?.text !== 'string')
                return fail('the transcription has no text', true);
            const ms = reply.duration_ms;
            return {
                output: reply.text,
                ...(typeof ms === 'number' && ms >= 0 ? { cost: ms / 1000 / STT_SECONDS_PER_DOLLAR } : {}),
            };
        },
        async alignment(prompt, context, fail) {
            const audio = await audioOf(context.vars.audioFile, fail);
            if (!('bytes' in audio))
                return audio;
            const transcript = typeof context.vars.transcript === 'string' ? context.vars.transcript : prompt.trim();
            if (!transcript)
                return fail('names no transcript: pass it as the prompt or as vars.transcript', false);
            const outcome = await upload('/forced-alignment', context, { field: 'file', name: path.basename(audio.file), bytes: audio.bytes }, {
                text: transcript,
                include_character_alignments: context.vars.includeCharacterAlignments === true ? true : undefined,
            });
            if (!outcome.ok)
                return outcome.failure;
            const reply = outcome.body;
            if (!Array.isArray(reply?.words))
                return fail('the alignment has no words list', true);
            const format = typeof context.vars.format === 'string' ? context.vars.format.toLowerCase() : 'json';
            return {
                output: format === 'srt' || format === 'vtt' ? subtitles(reply.words, format) : JSON.stringify(reply, null, 2),
            };
        },
        async isolation(prompt, context, fail) {
            const audio = await audioOf(typeof context.vars.audioFile === 'string' ? context.vars.audioFile : prompt, fail);
            if (!('bytes' in audio))
                return audio;
            const name = path.basename(audio.file);
            const outcome = await upload('/audio-isolation', context, { field: 'audio', name, bytes: audio.bytes }, {}, true);
            if (!outcome.ok)
                return outcome.failure;
            if (outcome.bytes.length === 0)
                return fail('the reply has no audio', true);
            return {
                output: `Audio isolated successfully from ${name}`,
                cost: audio.bytes.length / BYTES_PER_AUDIO_SECOND / STT_SECONDS_PER_DOLLAR,
            };
        },
        async history(prompt, context, fail) {
            const id = typeof context.vars.conversationId === 'string' ? context.vars.conversationId : prompt.trim();
            if (id && !id.includes('*') && !/\s/.test(id)) {
                const outcome = await request(`${base}/convai/conversations/${encodeURIComponent(id)}`, context, {
                    method: 'GET',
                });
                if (!outcome.ok)
                    return outcome.failure;
                return { output: JSON.stringify(outcome.body, null, 2) };
            }
            const agent = str(context.vars.agentId) ?? str(config.agentId);
            if (!agent)
                return fail('names no conversation or agent: set vars.conversationId, or agentId in the config or vars', false);
            const query = new URLSearchParams();
            for (const [v, q] of [
                ['status', 'status'],
                ['startDate', 'start_date'],
                ['endDate', 'end_date'],
                ['limit', 'limit'],
            ])
                if (context.vars[v] !== undefined)
                    query.set(q, String(context.vars[v]));
            const url = `${base}/convai/agents/${encodeURIComponent(agent)}/conversations${query.size ? `?${query}` : ''}`;
            const outcome = await request(url, context, { method: 'GET' });
            if (!outcome.ok)
                return outcome.failure;
            const list = outcome.body?.conversations;
            if (!Array.isArray(list))
                return fail('the reply has no conversations list', true);
            const summary = {
                agent_id: agent,
                total_conversations: list.length,
                conversations: list.map((c) => ({
                    conversation_id: c.conversation_id,
                    status: c.status,
                    duration_seconds: c.duration_seconds,
                    turn_count: Array.isArray(c.history) ? c.history.length : 0,
                    created_at: c.created_at,
                })),
            };
            return { output: JSON.stringify(summary, null, 2) };
        },
    };
    return keyedProvider({ spec, url: `${base}/${api}`, apiKey, keyVars, secrets }, calls[api]);
}

export { createElevenLabsProvider, subtitles };
