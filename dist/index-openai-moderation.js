import { f as failure, p as postJson } from './index-http.js';
import { clientFor } from './index-openai-completions.js';
import { c as cacheIdentityOf } from './index-secrets.js';
import 'node:crypto';
import 'node:http';
import 'node:https';
import 'node:util';
import 'node:zlib';
import 'node:events';
import './index-credentials.js';
import 'node:fs';
import 'node:os';
import 'node:path';
import './index-prices.js';
import './index-_commonjsHelpers.js';
import 'events';
import 'fs';
import 'path';
import './index-anthropic.js';
import 'node:fs/promises';
import './index-errors.js';
import './index-openai.js';
import './index-tool-callbacks.js';
import 'process';
import 'buffer';
import './index-import.js';
import 'node:url';

/** promptfoo's moderation models that take images as well as text (their input is a list of parts). */
const MULTIMODAL_MODELS = ['omni-moderation-latest', 'omni-moderation-2024-09-26'];
const isResult = (value) => typeof value === 'object' &&
    value !== null &&
    typeof value.flagged === 'boolean' &&
    typeof value.categories === 'object' &&
    value.categories !== null;
/** The flags of a /v1/moderations reply, or why it is not one. */
function readModerationReply(reply) {
    const results = reply?.results;
    if (!Array.isArray(results) || results.length === 0 || !results.every(isResult)) {
        const shown = JSON.stringify(reply) ?? String(reply);
        return `the reply has no results (a list of {flagged, categories}; got ${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown})`;
    }
    const highest = new Map();
    for (const result of results) {
        if (!result.flagged)
            continue;
        for (const [category, flagged] of Object.entries(result.categories)) {
            if (flagged !== true)
                continue;
            const score = result.category_scores?.[category];
            const confidence = typeof score === 'number' && Number.isFinite(score) ? score : 0;
            if (!highest.has(category) || highest.get(category) < confidence)
                highest.set(category, confidence);
        }
    }
    return [...highest].map(([code, confidence]) => ({ code, description: code, confidence }));
}
const isFlagList = (output) => Array.isArray(output) &&
    output.every((flag) => typeof flag === 'object' &&
        flag !== null &&
        typeof flag.code === 'string' &&
        typeof flag.description === 'string');
/** OpenAI moderates the response alone (the prompt is not sent); callApi's output is already the flags. */
const OPENAI_MODERATOR = {
    input: (_userPrompt, response) => response,
    flags: (output) => (isFlagList(output) ? output : `the output is not a list of flags (got ${typeof output})`),
};
function createModerationProvider(spec, model, options) {
    const client = clientFor(spec, 'openai', options.env);
    return {
        id: spec.id,
        label: spec.label,
        cacheIdentity: cacheIdentityOf(spec.id, spec.config, { model }),
        moderation: OPENAI_MODERATOR,
        async callApi(prompt, context) {
            if (client.missing)
                return failure(client, client.missing, false);
            const input = MULTIMODAL_MODELS.includes(model) ? [{ type: 'text', text: prompt }] : prompt;
            const outcome = await postJson(client.url('moderations'), { model, input }, client.headers, {
                ...(context.signal ? { signal: context.signal } : {}),
                secrets: client.secrets,
                label: client.label,
                credentialHint: client.hint,
            });
            if (!outcome.ok)
                return outcome.failure;
            const flags = readModerationReply(outcome.body);
            if (typeof flags === 'string')
                return failure(client, flags, true);
            return { output: flags };
        },
    };
}

export { createModerationProvider, readModerationReply };
