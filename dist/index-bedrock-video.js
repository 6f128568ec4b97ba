import { a as awsCredentialSource, s as signAwsRequest } from './index-aws.js';
import { bedrockRegion } from './index-bedrock.js';
import { s as str } from './index-credentials.js';
import { p as postJson, f as failure, w as withConfigHeaders } from './index-http.js';
import { p as pollSetting, a as pollJob, v as videoMarkdown, s as storeMedia } from './index-media-store.js';
import { mediaAltText } from './index-openai-image.js';
import { r as readProjectFile } from './index-project-file.js';
import { s as secretsInConfig, c as cacheIdentityOf } from './index-secrets.js';
import 'node:crypto';
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
import './index-keyed.js';
import './index-openai-responses.js';
import './index-azure.js';
import './index-openai-completions.js';

const LUMA_ASPECT_RATIOS = ['1:1', '16:9', '9:16', '4:3', '3:4', '21:9', '9:21'];
/** The model's input, checked when the suite loads; images are read per call (`file://` from the project). */
function modelInputBuilder(model, config, rootDir) {
    if (model.startsWith('amazon.nova-reel')) {
        const taskType = str(config.taskType) ?? 'TEXT_VIDEO';
        if (taskType !== 'TEXT_VIDEO')
            throw new Error(`config.taskType ${taskType} (multi-shot) is not sent by promptgate; use TEXT_VIDEO`);
        const durationSeconds = config.durationSeconds === undefined ? 6 : Number(config.durationSeconds);
        if (durationSeconds !== 6)
            throw new Error(`TEXT_VIDEO makes 6 s videos only (config.durationSeconds is ${durationSeconds})`);
        return async (prompt) => {
            const params = { text: prompt };
            const image = str(config.image);
            if (image) {
                const bytes = image.startsWith('file://')
                    ? (await readProjectFile(image.slice('file://'.length), rootDir, 'image file')).bytes.toString('base64')
                    : image;
                const format = image.toLowerCase().includes('.png') || image.startsWith('iVBOR') ? 'png' : 'jpeg';
                params.images = [{ format, source: { bytes } }];
            }
            const generation = { durationSeconds, fps: 24, dimension: '1280x720' };
            if (config.seed !== undefined)
                generation.seed = config.seed;
            return { taskType: 'TEXT_VIDEO', textToVideoParams: params, videoGenerationConfig: generation };
        };
    }
    if (model.startsWith('luma.ray')) {
        for (const key of ['keyframes', 'startImage', 'endImage'])
            if (config[key] !== undefined)
                throw new Error(`config.${key} (keyframes) is not sent by promptgate yet`);
        const aspectRatio = str(config.aspectRatio) ?? '16:9';
        const duration = str(config.duration) ?? '5s';
        const resolution = str(config.resolution) ?? '720p';
        if (!LUMA_ASPECT_RATIOS.includes(aspectRatio))
            throw new Error(`config.aspectRatio "${aspectRatio}" is not one of ${LUMA_ASPECT_RATIOS.join(', ')}`);
        if (!['5s', '9s'].includes(duration))
            throw new Error(`config.duration "${duration}" is not 5s or 9s`);
        if (!['540p', '720p'].includes(resolution))
            throw new Error(`config.resolution "${resolution}" is not 540p or 720p`);
        return async (prompt) => ({
            prompt,
            aspect_ratio: aspectRatio,
            duration,
            resolution,
            ...(config.loop === undefined ? {} : { loop: config.loop }),
        });
    }
    throw new Error('is not a Bedrock video model promptgate knows (amazon.nova-reel-*, luma.ray-*)');
}
/** `s3://bucket/prefix` → bucket and key of `<prefix>/output.mp4`. */
function outputObject(s3Uri) {
    const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(s3Uri);
    if (!match)
        return undefined;
    const prefix = match[2].replace(/\/+$/, '');
    return { bucket: match[1], key: prefix ? `${prefix}/output.mp4` : 'output.mp4' };
}
function createBedrockVideoProvider(spec, model, options) {
    const { config } = spec;
    const { env } = options;
    const s3OutputUri = str(config.s3OutputUri);
    if (!s3OutputUri?.startsWith('s3://'))
        throw new Error('needs config.s3OutputUri, the s3:// folder Bedrock writes the video to');
    const buildInput = modelInputBuilder(model, config, options.rootDir);
    const region = bedrockRegion(config, env);
    const base = (str(config.endpoint) ?? `https://bedrock-runtime.${region}.amazonaws.com`).replace(/\/+$/, '');
    // Path-style S3 at `s3Endpoint` when set (S3-compatible stores); else the bucket's regional host.
    const s3Url = (bucket, key) => {
        const path = key.split('/').map(encodeURIComponent).join('/');
        const endpoint = str(config.s3Endpoint)?.replace(/\/+$/, '');
        return new URL(endpoint ? `${endpoint}/${bucket}/${path}` : `https://${bucket}.s3.${region}.amazonaws.com/${path}`);
    };
    const credentials = awsCredentialSource(config, env);
    const configSecrets = secretsInConfig(config);
    const pollMs = pollSetting(config.pollIntervalMs, 10_000);
    const maxPollMs = pollSetting(config.maxPollTimeMs, 900_000);
    return {
        id: spec.id,
        label: spec.label,
        cacheIdentity: cacheIdentityOf(spec.id, config, { region }),
        endpoint: `${base}/async-invoke`,
        async callApi(prompt, context) {
            let secrets = [...configSecrets];
            const fail = (message, transient) => failure({ label: spec.id, secrets }, message, transient);
            const wire = () => ({ signal: context.signal, secrets, label: spec.id });
            const signed = async (url, payload, service, method) => {
                const result = await signAwsRequest(url, payload, service, region, credentials, method);
                secrets = [...configSecrets, ...result.secrets];
                return { ...withConfigHeaders({}, config), ...result.headers };
            };
            if (!prompt.trim())
                return fail('the prompt is empty; the model needs a description of the video', false);
            let modelInput;
            try {
                modelInput = await buildInput(prompt);
            }
            catch (err) {
                return fail(err instanceof Error ? err.message : String(err), false);
            }
            const body = { modelId: model, modelInput, outputDataConfig: { s3OutputDataConfig: { s3Uri: s3OutputUri } } };
            const startUrl = new URL(`${base}/async-invoke`);
            let headers;
            try {
                headers = await signed(startUrl, JSON.stringify(body), 'bedrock', 'POST');
            }
            catch (err) {
                const reason = err instanceof Error ? err.message : String(err);
                return fail(`no AWS credentials (${reason}): set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE or a role`, false);
            }
            const started = await postJson(startUrl.href, body, headers, wire());
            if (!started.ok)
                return started.failure;
            const arn = started.body?.invocationArn;
            if (typeof arn !== 'string' || !arn)
                return fail('the StartAsyncInvoke reply has no invocationArn', true);
            const jobUrl = new URL(`${base}/async-invoke/${encodeURIComponent(arn)}`);
            const polled = await pollJob(async () => {
                const reply = await postJson(jobUrl.href, undefined, await signed(jobUrl, '', 'bedrock', 'GET'), {
                    ...wire(),
                    method: 'GET',
                });
                if (!reply.ok)
                    return { failure: reply.failure };
                const job = reply.body; // eslint-disable-line @typescript-eslint/no-explicit-any
                if (job?.status === 'Failed')
                    return { failure: fail(`video job failed: ${str(job.failureMessage) ?? 'no reason given'}`, false) };
                if (job?.status !== 'Completed')
                    return undefined;
                const uri = str(job.outputDataConfig?.s3OutputDataConfig?.s3Uri);
                return uri ? { done: uri } : { failure: fail('the completed job names no S3 output', false) };
            }, {
                intervalMs: pollMs,
                maxMs: maxPollMs,
                signal: context.signal,
                fail,
                what: `video job ${arn}`,
                maxKey: 'maxPollTimeMs',
            });
            if ('failure' in polled)
                return polled.failure;
            const object = outputObject(polled.done);
            if (!object)
                return fail(`the job's output ${polled.done} is not an s3:// URI`, false);
            const objectUri = `s3://${object.bucket}/${object.key}`;
            if (config.downloadFromS3 === false)
                return { output: videoMarkdown(mediaAltText(prompt), objectUri) };
            const url = s3Url(object.bucket, object.key);
            const downloaded = await postJson(url.href, undefined, await signed(url, '', 's3', 'GET'), {
                ...wire(),
                method: 'GET',
                binaryReply: true,
            });
            if (!downloaded.ok)
                return downloaded.failure;
            if (downloaded.bytes.length === 0)
                return fail(`${objectUri} is empty`, true);
            const file = await storeMedia(downloaded.bytes, 'mp4', env);
            return { output: videoMarkdown(mediaAltText(prompt), file) };
        },
    };
}

export { createBedrockVideoProvider };
