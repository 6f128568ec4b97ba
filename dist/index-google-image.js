import { g as googleApiKey, s as str, G as GOOGLE_KEY_VARS, k as keyHint } from './index-credentials.js';
import { geminiBaseUrl } from './index-google.js';
import { w as withConfigHeaders, p as postJson } from './index-http.js';
import { k as keyedProvider } from './index-keyed.js';
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

/** USD per image, Google's published prices (promptfoo's table); unlisted models cost the standard rate. */
const PRICE_PER_IMAGE = {
    'imagen-4.0-ultra-generate-preview-06-06': 0.06,
    'imagen-4.0-generate-preview-06-06': 0.04,
    'imagen-4.0-fast-generate-preview-06-06': 0.02,
    'imagen-3.0-generate-002': 0.04,
    'imagen-3.0-generate-001': 0.04,
    'imagen-3.0-fast-generate-001': 0.02,
};
const STANDARD_PRICE = 0.04;
/** `imagen-…` as written; promptfoo also accepts the name without its `imagen-` prefix. */
const imagenModel = (model) => (model.startsWith('imagen-') ? model : `imagen-${model}`);
/** The predict body; Vertex AI also takes the safety level, the watermark and (without a watermark) a seed. */
function imagenBody(prompt, config, vertex) {
    const parameters = {
        sampleCount: typeof config.n === 'number' ? config.n : 1,
        aspectRatio: str(config.aspectRatio) ?? '1:1',
        personGeneration: str(config.personGeneration) ?? 'allow_all',
        // The Gemini API takes only this level (promptfoo sends it whatever safetyFilterLevel says).
        safetySetting: vertex ? (str(config.safetyFilterLevel) ?? 'block_some') : 'block_low_and_above',
    };
    if (vertex) {
        parameters.addWatermark = config.addWatermark !== false;
        if (config.seed !== undefined && config.addWatermark === false)
            parameters.seed = config.seed;
    }
    return { instances: [{ prompt: prompt.trim() }], parameters };
}
function createGoogleImageProvider(spec, model, options) {
    const { config } = spec;
    const name = imagenModel(model);
    const url = `${geminiBaseUrl(config, options.env)}/v1beta/models/${encodeURIComponent(name)}:predict`;
    const apiKey = googleApiKey(config, options.env);
    const keyVars = str(config.apiKeyEnvar) ?? GOOGLE_KEY_VARS.join(' or ');
    const secrets = [...secretsInConfig(config), ...(apiKey ? [apiKey] : [])];
    const headers = withConfigHeaders(apiKey ? { 'x-goog-api-key': apiKey } : {}, config);
    return keyedProvider({ spec, url, apiKey, keyVars, secrets }, async (prompt, context, fail) => {
        if (!prompt.trim())
            return fail('the prompt is empty; Imagen needs a description of the image', false);
        const outcome = await postJson(url, imagenBody(prompt, config, false), headers, {
            signal: context.signal,
            secrets,
            label: spec.id,
            credentialHint: keyHint(keyVars),
        });
        if (!outcome.ok)
            return outcome.failure;
        return imagenResponse(outcome.body, name, fail);
    });
}
/** promptfoo's output: the first image as a data URI; the cost is per image generated. */
function imagenResponse(body, model, fail) {
    const predictions = body?.predictions;
    // Imagen answers with no predictions when its safety filter removed every image.
    if (!Array.isArray(predictions) || predictions.length === 0)
        return fail('no image was generated (the response has no predictions; the safety filter may have removed them)', false);
    const images = predictions
        .map((p) => p?.image ?? p)
        .filter((p) => typeof p?.bytesBase64Encoded === 'string');
    if (images.length === 0)
        return fail('the predictions hold no bytesBase64Encoded image', true);
    const [first] = images;
    const mime = typeof first.mimeType === 'string' ? first.mimeType : 'image/png';
    return {
        output: `data:${mime};base64,${first.bytesBase64Encoded}`,
        cost: (PRICE_PER_IMAGE[model] ?? STANDARD_PRICE) * images.length,
    };
}

export { createGoogleImageProvider, imagenBody, imagenModel, imagenResponse };
