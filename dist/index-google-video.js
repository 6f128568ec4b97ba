import { g as googleApiKey, s as str, G as GOOGLE_KEY_VARS, k as keyHint } from './index-credentials.js';
import { geminiBaseUrl } from './index-google.js';
import { w as withConfigHeaders, p as postJson } from './index-http.js';
import { k as keyedProvider } from './index-keyed.js';
import { p as pollSetting, a as pollJob, s as storeMedia, v as videoMarkdown } from './index-media-store.js';
import { mediaAltText } from './index-openai-image.js';
import { r as readProjectFile } from './index-project-file.js';
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

const POLL_MS = 10_000;
const MAX_POLL_MS = 600_000;
/** USD per second of Veo 3.1 video with audio (Google's list prices, promptfoo's table); other models unpriced. */
const VEO_31_PRICES = {
    standard: { '720p': 0.4, '1080p': 0.4, '4k': 0.6 },
    fast: { '720p': 0.1, '1080p': 0.12, '4k': 0.3 },
    lite: { '720p': 0.05, '1080p': 0.08 },
};
const IMAGE_TYPES = { jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp' };
function veoCost(model, resolution, seconds) {
    if (!model.includes('veo-3.1'))
        return undefined;
    const tier = model.includes('lite') ? 'lite' : model.includes('fast') ? 'fast' : 'standard';
    const perSecond = VEO_31_PRICES[tier][resolution];
    return perSecond === undefined ? undefined : perSecond * seconds;
}
/** promptfoo's checks, made when the suite loads: the aspect ratio, the durations and resolutions a model makes. */
function checkVeoConfig(model, config) {
    if (config.projectId !== undefined || config.vertexai === true)
        throw new Error('calls Veo on Vertex AI (projectId or vertexai), which promptgate does not do yet: use an API key (GEMINI_API_KEY) or a custom provider');
    // Extending a video: promptfoo sends the earlier generation's operation name (extendVideoId, or its alias
    // sourceVideo) as the instance's video, and checks nothing more; its docs say a file path is not one.
    const extendKey = config.extendVideoId ? 'extendVideoId' : config.sourceVideo ? 'sourceVideo' : undefined;
    const extendVideoId = extendKey ? config[extendKey] : undefined;
    if (extendVideoId !== undefined && (typeof extendVideoId !== 'string' || extendVideoId.startsWith('file://')))
        throw new Error(`config.${extendKey} must be the operation name of an earlier Veo generation (models/<model>/operations/<id>), not ${JSON.stringify(extendVideoId)}`);
    const aspectRatio = str(config.aspectRatio) ?? '16:9';
    if (!['16:9', '9:16'].includes(aspectRatio))
        throw new Error(`config.aspectRatio "${aspectRatio}" is not a Veo aspect ratio (16:9 or 9:16)`);
    const resolution = str(config.resolution) ?? '720p';
    if (!['720p', '1080p', '4k'].includes(resolution))
        throw new Error(`config.resolution "${resolution}" is not a Veo resolution (720p, 1080p or 4k)`);
    if (model.includes('veo-2') && resolution !== '720p')
        throw new Error('Veo 2 makes 720p video only');
    if (model.includes('veo-3') && !model.includes('veo-3.1') && aspectRatio === '9:16' && resolution === '1080p')
        throw new Error('Veo 3 makes 1080p video in 16:9 only: use resolution: 720p for 9:16');
    // promptfoo reads `durationSeconds || duration || 8`; its own examples/google-video image config asks Veo 3.1
    // for 5 s, which promptfoo rejects too ("Invalid duration 5s"), on every call.
    const durationKey = config.durationSeconds ? 'durationSeconds' : config.duration ? 'duration' : undefined;
    const seconds = Number(durationKey ? config[durationKey] : 8);
    const durations = model.includes('veo-2') ? [5, 6, 8] : [4, 6, 8];
    if (!durations.includes(seconds))
        throw new Error(`config.${durationKey}: a ${seconds} s video is not one ${model} makes (durationSeconds: ${durations.join(', ')})`);
    const references = Array.isArray(config.referenceImages) && config.referenceImages.length > 0;
    if (seconds !== 8 && (references || resolution !== '720p'))
        throw new Error(`reference images and 1080p/4k video need durationSeconds: 8 (not ${seconds})`);
    return { aspectRatio, resolution, seconds, extendVideoId: str(extendVideoId) };
}
function createGoogleVideoProvider(spec, model, options) {
    const { config } = spec;
    const { aspectRatio, resolution, seconds, extendVideoId } = checkVeoConfig(model, config);
    const base = geminiBaseUrl(config, options.env);
    const url = `${base}/v1beta/models/${encodeURIComponent(model)}:predictLongRunning`;
    const apiKey = googleApiKey(config, options.env);
    const keyVars = str(config.apiKeyEnvar) ?? GOOGLE_KEY_VARS.join(' or ');
    const secrets = [...secretsInConfig(config), ...(apiKey ? [apiKey] : [])];
    const headers = withConfigHeaders(apiKey ? { 'x-goog-api-key': apiKey } : {}, config);
    const pollMs = pollSetting(config.pollIntervalMs, POLL_MS);
    const maxPollMs = pollSetting(config.maxPollTimeMs, MAX_POLL_MS);
    /** A frame for the request: `file://` read from the project, anything else sent as the base64 it is. */
    const inlineImage = async (value) => {
        const text = String(value);
        if (!text.startsWith('file://'))
            return { inlineData: { mimeType: 'image/png', data: text } };
        const { file, bytes } = await readProjectFile(text.slice('file://'.length), options.rootDir, 'image file');
        const mimeType = IMAGE_TYPES[file.split('.').pop()?.toLowerCase() ?? ''] ?? 'image/png';
        return { inlineData: { mimeType, data: bytes.toString('base64') } };
    };
    return keyedProvider({ spec, url, apiKey, keyVars, secrets }, async (prompt, context, fail) => {
        if (!prompt.trim())
            return fail('the prompt is empty; Veo needs a description of the video', false);
        const wire = { signal: context.signal, secrets, label: spec.id, credentialHint: keyHint(keyVars) };
        const instance = { prompt };
        try {
            if (config.image !== undefined)
                instance.image = await inlineImage(config.image);
            const lastFrame = config.lastFrame ?? config.lastImage;
            if (lastFrame !== undefined)
                instance.lastFrame = await inlineImage(lastFrame);
            if (Array.isArray(config.referenceImages))
                instance.referenceImages = await Promise.all(config.referenceImages.slice(0, 3).map(async (ref) => {
                    const entry = typeof ref === 'string' ? { image: ref } : ref;
                    return { image: await inlineImage(entry.image), referenceType: str(entry.referenceType) ?? 'asset' };
                }));
        }
        catch (err) {
            return fail(err instanceof Error ? err.message : String(err), false);
        }
        if (extendVideoId)
            instance.video = { operationName: extendVideoId };
        const parameters = { aspectRatio, resolution, durationSeconds: seconds };
        for (const key of ['negativePrompt', 'personGeneration', 'seed'])
            if (config[key] !== undefined && config[key] !== '')
                parameters[key] = config[key];
        const created = await postJson(url, { instances: [instance], parameters }, headers, wire);
        if (!created.ok)
            return created.failure;
        const name = created.body?.name;
        if (typeof name !== 'string' || !name)
            return fail('the predictLongRunning reply names no operation', true);
        const polled = await pollJob(async () => {
            const reply = await postJson(`${base}/v1beta/${name}`, undefined, headers, { ...wire, method: 'GET' });
            if (!reply.ok)
                return { failure: reply.failure };
            const operation = reply.body;
            if (operation?.done !== true)
                return undefined;
            if (operation.error)
                return { failure: fail(`video generation failed: ${String(operation.error.message)}`, false) };
            return { done: operation };
        }, {
            intervalMs: pollMs,
            maxMs: maxPollMs,
            signal: context.signal,
            fail,
            what: `operation ${name}`,
            maxKey: 'maxPollTimeMs',
        });
        if ('failure' in polled)
            return polled.failure;
        const operation = polled.done;
        let bytes;
        const inline = operation.response?.videos?.[0]?.bytesBase64Encoded;
        const uri = operation.response?.generateVideoResponse?.generatedSamples?.[0]?.video?.uri;
        if (typeof inline === 'string' && inline)
            bytes = Buffer.from(inline, 'base64');
        else if (typeof uri === 'string' && uri) {
            // The key goes only to the API's own origin (the file URI is the API's), never to another host.
            const sameOrigin = new URL(uri, base).origin === new URL(base).origin;
            const downloaded = await postJson(new URL(uri, base).href, undefined, sameOrigin ? headers : {}, {
                ...wire,
                method: 'GET',
                binaryReply: true,
            });
            if (!downloaded.ok)
                return downloaded.failure;
            bytes = downloaded.bytes;
        }
        else
            return fail(`operation ${name} is done but holds no video`, false);
        if (bytes.length === 0)
            return fail(`operation ${name} produced an empty video`, true);
        const file = await storeMedia(bytes, 'mp4', options.env);
        const cost = veoCost(model, resolution, seconds);
        return { output: videoMarkdown(mediaAltText(prompt), file), ...(cost === undefined ? {} : { cost }) };
    });
}

export { createGoogleVideoProvider, veoCost };
