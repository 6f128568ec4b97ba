import { s as str, k as keyHint } from './index-credentials.js';
import { w as withConfigHeaders, p as postJson } from './index-http.js';
import { k as keyedProvider } from './index-keyed.js';
import { p as pollSetting, a as pollJob, s as storeMedia, v as videoMarkdown } from './index-media-store.js';
import { xaiBaseUrl, mediaAltText } from './index-openai-image.js';
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
import './index-openai-responses.js';
import './index-azure.js';
import './index-openai-completions.js';

const ASPECT_RATIOS = ['16:9', '4:3', '1:1', '9:16', '3:4', '3:2', '2:3'];
const RESOLUTIONS = ['720p', '480p'];
const ESTIMATED_USD_PER_SECOND = 0.05;
const TICKS_PER_USD = 1e10;
const urlOf = (value) => str(value?.url);
function createXaiVideoProvider(spec, model, options) {
    const { config } = spec;
    const editUrl = urlOf(config.video);
    const duration = config.duration === undefined ? 8 : Number(config.duration);
    const aspectRatio = str(config.aspect_ratio) ?? '16:9';
    const resolution = str(config.resolution) ?? '720p';
    // promptfoo's checks, made when the suite loads (an edit keeps its source video's shape).
    if (!editUrl) {
        if (!Number.isFinite(duration) || duration < 1 || duration > 15)
            throw new Error(`config.duration ${String(config.duration)} is not between 1 and 15 seconds`);
        if (!ASPECT_RATIOS.includes(aspectRatio))
            throw new Error(`config.aspect_ratio "${aspectRatio}" is not one of ${ASPECT_RATIOS.join(', ')}`);
        if (!RESOLUTIONS.includes(resolution))
            throw new Error(`config.resolution "${resolution}" is not one of ${RESOLUTIONS.join(', ')}`);
    }
    const references = Array.isArray(config.reference_images) ? config.reference_images.map(urlOf) : [];
    if (references.some((url) => !url))
        throw new Error('config.reference_images: each entry needs a url');
    if (references.length > 0 && (urlOf(config.image) || editUrl))
        throw new Error('config.reference_images cannot be combined with config.image or config.video');
    const keyVar = str(config.apiKeyEnvar) ?? 'XAI_API_KEY';
    const apiKey = str(config.apiKey) ?? str(options.env[keyVar]);
    const base = xaiBaseUrl(config);
    const url = `${base}${editUrl ? '/videos/edits' : '/videos/generations'}`;
    const secrets = [...secretsInConfig(config), ...(apiKey ? [apiKey] : [])];
    const headers = withConfigHeaders(apiKey ? { authorization: `Bearer ${apiKey}` } : {}, config);
    const pollMs = pollSetting(config.poll_interval_ms, 10_000);
    const maxPollMs = pollSetting(config.max_poll_time_ms, 600_000);
    return keyedProvider({ spec, url, apiKey, keyVars: keyVar, secrets }, async (prompt, context, fail) => {
        const wire = { signal: context.signal, secrets, label: spec.id, credentialHint: keyHint(keyVar) };
        const body = { model, prompt };
        if (!editUrl) {
            if (config.duration !== undefined)
                body.duration = duration;
            if (config.aspect_ratio !== undefined)
                body.aspect_ratio = aspectRatio;
            if (config.resolution !== undefined)
                body.resolution = resolution;
        }
        if (urlOf(config.image))
            body.image = { url: urlOf(config.image) };
        if (references.length > 0)
            body.reference_images = references.map((ref) => ({ url: ref }));
        if (editUrl)
            body.video = { url: editUrl };
        const created = await postJson(url, body, headers, wire);
        if (!created.ok)
            return created.failure;
        const requestId = created.body?.request_id;
        if (typeof requestId !== 'string' || !requestId)
            return fail('the reply has no request_id', true);
        const polled = await pollJob(async () => {
            const reply = await postJson(`${base}/videos/${encodeURIComponent(requestId)}`, undefined, headers, {
                ...wire,
                method: 'GET',
            });
            if (!reply.ok)
                return { failure: reply.failure };
            const status = reply.body;
            if (str(status?.video?.url))
                return { done: status };
            if (status?.status === 'failed')
                return {
                    failure: fail(`video request ${requestId} failed: ${str(status.error) ?? 'no reason given'}`, false),
                };
            return undefined;
        }, {
            intervalMs: pollMs,
            maxMs: maxPollMs,
            signal: context.signal,
            fail,
            what: `video request ${requestId}`,
            maxKey: 'max_poll_time_ms',
        });
        if ('failure' in polled)
            return polled.failure;
        const videoUrl = new URL(String(polled.done.video?.url), base);
        // The key goes only to xAI's own origin; the video's URL is usually a storage host.
        const sameOrigin = videoUrl.origin === new URL(base).origin;
        const downloaded = await postJson(videoUrl.href, undefined, sameOrigin ? headers : {}, {
            ...wire,
            method: 'GET',
            binaryReply: true,
        });
        if (!downloaded.ok)
            return downloaded.failure;
        if (downloaded.bytes.length === 0)
            return fail(`video request ${requestId} produced an empty video`, true);
        const file = await storeMedia(downloaded.bytes, 'mp4', options.env);
        const ticks = polled.done.usage?.cost_in_usd_ticks;
        const seconds = typeof polled.done.video?.duration === 'number' ? polled.done.video.duration : duration;
        return {
            output: videoMarkdown(mediaAltText(prompt), file),
            cost: typeof ticks === 'number' ? ticks / TICKS_PER_USD : ESTIMATED_USD_PER_SECOND * seconds,
        };
    });
}

export { createXaiVideoProvider };
