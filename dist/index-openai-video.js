import { s as str, k as keyHint } from './index-credentials.js';
import { w as withConfigHeaders, p as postJson } from './index-http.js';
import { k as keyedProvider } from './index-keyed.js';
import { p as pollSetting, a as pollJob, s as storeMedia, v as videoMarkdown } from './index-media-store.js';
import { openAiKeyVar, openAiApiKey, openAiBaseUrl } from './index-openai.js';
import { mediaAltText } from './index-openai-image.js';
import { s as secretsInConfig } from './index-secrets.js';
import 'node:fs';
import 'node:os';
import 'node:path';
import './index-prices.js';
import './index-_commonjsHelpers.js';
import 'events';
import 'fs';
import 'path';
import './index-anthropic.js';
import 'node:crypto';
import 'node:fs/promises';
import './index-errors.js';
import 'node:http';
import 'node:https';
import 'node:util';
import 'node:zlib';
import 'node:events';
import './index-tool-callbacks.js';
import 'process';
import 'buffer';
import './index-import.js';
import 'node:url';
import './index-openai-responses.js';
import './index-azure.js';
import './index-openai-completions.js';

/** USD per second of video (promptfoo's table; an unlisted model costs sora-2's rate). */
const PRICE_PER_SECOND = { 'sora-2': 0.1, 'sora-2-pro': 0.3 };
const SIZES = ['1280x720', '720x1280'];
const DURATIONS = [4, 8, 12];
const POLL_MS = 10_000;
const MAX_POLL_MS = 600_000;
function createOpenAiVideoProvider(spec, model, options) {
    const { config } = spec;
    // Checked when the suite loads: promptfoo answers these with an error on every call.
    const size = str(config.size) ?? '1280x720';
    if (!SIZES.includes(size))
        throw new Error(`config.size "${size}" is not a Sora size (${SIZES.join(' or ')})`);
    const seconds = config.seconds === undefined ? 8 : Number(config.seconds);
    if (!DURATIONS.includes(seconds))
        throw new Error(`config.seconds ${String(config.seconds)} is not a Sora duration (${DURATIONS.join(', ')})`);
    if (config.input_reference !== undefined)
        throw new Error('config.input_reference (image-to-video) is not sent by promptgate yet: remove it, or call Sora from a custom provider');
    const remix = str(config.remix_video_id);
    const keyVar = openAiKeyVar('openai', config);
    const apiKey = openAiApiKey('openai', config, options.env);
    const base = openAiBaseUrl('openai', config, options.env);
    const secrets = [...secretsInConfig(config), ...(apiKey ? [apiKey] : [])];
    const headers = withConfigHeaders(apiKey ? { authorization: `Bearer ${apiKey}` } : {}, config);
    const pollMs = pollSetting(config.poll_interval_ms, POLL_MS);
    const maxPollMs = pollSetting(config.max_poll_time_ms, MAX_POLL_MS);
    const createUrl = remix ? `${base}/videos/${encodeURIComponent(remix)}/remix` : `${base}/videos`;
    return keyedProvider({ spec, url: createUrl, apiKey, keyVars: keyVar, secrets }, async (prompt, context, fail) => {
        const wire = {
            signal: context.signal,
            secrets,
            label: spec.id,
            credentialHint: keyHint(keyVar),
        };
        // The API takes the duration as a string; a remix keeps the source video's size and duration.
        const body = remix ? { model, prompt } : { model, prompt, size, seconds: String(seconds) };
        const created = await postJson(createUrl, body, headers, wire);
        if (!created.ok)
            return created.failure;
        const id = created.body?.id;
        if (typeof id !== 'string' || !id)
            return fail('the create-video reply has no job id', true);
        const jobUrl = `${base}/videos/${encodeURIComponent(id)}`;
        const polled = await pollJob(async () => {
            const reply = await postJson(jobUrl, undefined, headers, { ...wire, method: 'GET' });
            if (!reply.ok)
                return { failure: reply.failure };
            const job = reply.body;
            if (job?.status === 'completed')
                return { done: true };
            if (job?.status !== 'failed')
                return undefined;
            const reason = typeof job.error?.message === 'string' ? job.error.message : 'no reason given';
            return { failure: fail(`video job ${id} failed: ${reason}`, false) };
        }, {
            intervalMs: pollMs,
            maxMs: maxPollMs,
            signal: context.signal,
            fail,
            what: `video job ${id}`,
            maxKey: 'max_poll_time_ms',
        });
        if ('failure' in polled)
            return polled.failure;
        const content = await postJson(`${jobUrl}/content`, undefined, headers, {
            ...wire,
            method: 'GET',
            binaryReply: true,
        });
        if (!content.ok)
            return content.failure;
        if (content.bytes.length === 0)
            return fail(`video job ${id} completed but its content is empty`, true);
        const file = await storeMedia(content.bytes, 'mp4', options.env);
        return {
            output: videoMarkdown(mediaAltText(prompt), file),
            cost: (PRICE_PER_SECOND[model] ?? PRICE_PER_SECOND['sora-2']) * seconds,
        };
    });
}

export { createOpenAiVideoProvider };
