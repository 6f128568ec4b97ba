import { s as str, Q as QUIVERAI_KEY_VAR, a as secretsInConfig, w as withConfigHeaders, b as copyConfigParams, p as postJson, k as keyHint } from './cli-main.js';
import { k as keyedProvider } from './cli-keyed.js';
import 'node:path';
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

const BODY_KEYS = ['temperature', 'top_p', 'presence_penalty', 'max_output_tokens', 'instructions', 'n'];
function createQuiverAiProvider(spec, model, options) {
    const { config } = spec;
    const apiKey = str(config.apiKey) ?? str(options.env[QUIVERAI_KEY_VAR]);
    const url = `${(str(config.apiBaseUrl) ?? 'https://api.quiver.ai/v1').replace(/\/+$/, '')}/svgs/generations`;
    const secrets = [...secretsInConfig(config), ...(apiKey ? [apiKey] : [])];
    const headers = withConfigHeaders(apiKey ? { authorization: `Bearer ${apiKey}` } : {}, config);
    return keyedProvider({ spec, url, apiKey, keyVars: QUIVERAI_KEY_VAR, secrets }, async (prompt, context, fail) => {
        const body = { model, prompt, stream: false };
        copyConfigParams(body, config, BODY_KEYS);
        if (Array.isArray(config.references))
            body.references = config.references.map((ref) => (typeof ref === 'string' ? { url: ref } : ref));
        const outcome = await postJson(url, body, headers, {
            signal: context.signal,
            secrets,
            label: spec.id,
            credentialHint: keyHint(QUIVERAI_KEY_VAR),
        });
        if (!outcome.ok)
            return outcome.failure;
        const reply = outcome.body;
        const svgs = Array.isArray(reply?.data) ? reply.data.map((d) => d?.svg).filter((s) => typeof s === 'string') : [];
        if (svgs.length === 0)
            return fail('the reply has no SVG (data[].svg)', true);
        const n = (key) => (typeof reply.usage?.[key] === 'number' ? reply.usage[key] : 0);
        return {
            output: svgs.join('\n\n'),
            tokenUsage: { total: n('total_tokens'), prompt: n('input_tokens'), completion: n('output_tokens') },
        };
    });
}

export { createQuiverAiProvider };
