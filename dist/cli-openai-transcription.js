import path from 'node:path';
import { g as openAiKeyVar, d as openAiApiKey, o as openAiBaseUrl, a as secretsInConfig, s as str, w as withConfigHeaders, p as postJson, k as keyHint } from './cli-main.js';
import { k as keyedProvider } from './cli-keyed.js';
import { m as multipart } from './cli-multipart.js';
import { r as readProjectFile } from './cli-project-file.js';
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

// OpenAI's transcription API (`openai:transcription:<model>`), as promptfoo calls it: the prompt names an audio
// file (read from the project, project-file.ts), uploaded to POST /audio/transcriptions as multipart with the
// model and promptfoo's options. The output is the transcript's text; diarizing models answer with segments,
// written one per line as `[start s - end s] speaker: text`.
const seconds = (value) => (typeof value === 'number' ? value.toFixed(2) : '0.00');
/** The form fields promptfoo sends for `model` with this config. */
function transcriptionFields(model, config) {
    const diarize = model.includes('diarize');
    const fields = { model };
    if (str(config.language))
        fields.language = str(config.language);
    // Diarizing models take no prompt (promptfoo leaves it out).
    if (str(config.prompt) && !diarize)
        fields.prompt = str(config.prompt);
    if (typeof config.temperature === 'number')
        fields.temperature = config.temperature;
    if (model === 'whisper-1' && Array.isArray(config.timestamp_granularities))
        fields['timestamp_granularities[]'] = config.timestamp_granularities.map(String);
    const chunking = config.chunking_strategy ?? (diarize ? 'auto' : undefined);
    if (typeof chunking === 'string')
        fields.chunking_strategy = chunking;
    else if (chunking && typeof chunking === 'object')
        for (const [key, value] of Object.entries(chunking))
            if (value !== undefined)
                fields[`chunking_strategy[${key}]`] = String(value);
    if (diarize) {
        fields.response_format = 'diarized_json';
        if (Array.isArray(config.known_speaker_names))
            fields['known_speaker_names[]'] = config.known_speaker_names.map(String);
        if (Array.isArray(config.known_speaker_references))
            fields['known_speaker_references[]'] = config.known_speaker_references.map(String);
    }
    else
        fields.response_format = model.startsWith('gpt-4o-') ? 'json' : 'verbose_json';
    return fields;
}
function createTranscriptionProvider(spec, model, options) {
    const { config } = spec;
    const keyVar = openAiKeyVar('openai', config);
    const apiKey = openAiApiKey('openai', config, options.env);
    const url = `${openAiBaseUrl('openai', config, options.env)}/audio/transcriptions`;
    const secrets = [...secretsInConfig(config), ...(apiKey ? [apiKey] : [])];
    const fields = transcriptionFields(model, config);
    return keyedProvider({ spec, url, apiKey, keyVars: keyVar, secrets }, async (prompt, context, fail) => {
        const reference = prompt.trim();
        if (!reference)
            return fail('the prompt is empty; it must name the audio file to transcribe', false);
        let audio;
        try {
            audio = await readProjectFile(reference, options.rootDir, 'audio file');
        }
        catch (err) {
            return fail(err instanceof Error ? err.message : String(err), false);
        }
        const form = await multipart(fields, { field: 'file', name: path.basename(audio.file), bytes: audio.bytes });
        const headers = withConfigHeaders({ ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}), 'content-type': form.contentType }, config);
        const outcome = await postJson(url, undefined, headers, {
            signal: context.signal,
            secrets,
            label: spec.id,
            credentialHint: keyHint(keyVar),
            bodyBytes: form.body,
        });
        if (!outcome.ok)
            return outcome.failure;
        const reply = outcome.body;
        if (reply?.error)
            return fail(typeof reply.error === 'string' ? reply.error : JSON.stringify(reply.error), false);
        if (model.includes('diarize') && Array.isArray(reply?.segments))
            return {
                output: reply.segments
                    .map((s) => `[${seconds(s.start)}s - ${seconds(s.end)}s] ${str(s.speaker) ?? 'Unknown'}: ${String(s.text ?? '')}`)
                    .join('\n'),
            };
        if (typeof reply?.text !== 'string')
            return fail('the reply has no transcription (no text)', true);
        return { output: reply.text };
    });
}

export { createTranscriptionProvider, transcriptionFields };
