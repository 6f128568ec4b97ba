import { s as str, a as secretsInConfig, W as renderTemplateText, f as failure, B as messageOf, e as endpointOf, c as cacheIdentityOf } from './cli-main.js';
import { c as compileCode } from './cli-config-code.js';
import { o as openJsonSocket, S as SocketError } from './cli-websocket.js';
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

// promptfoo's WebSocket provider (`ws://…` / `wss://…` ids): the suite's own socket endpoint. The message is
// `messageTemplate` rendered with the test's vars and `prompt`; the answer is the first message back, read by
// `transformResponse` (JavaScript over `data`, the message parsed as JSON when it is), or a stream of messages
// folded by `streamResponse(accumulator, event, context)` until it returns `[response, true]`. The transforms are
// config code: on untrusted events only the base revision's config runs.
/** A transform's result as promptfoo reads it: `{ output }` / `{ error }` objects as they are, anything else is the output. */
function responseOf(value, label, secrets) {
    if (value && typeof value === 'object' && !Array.isArray(value) && ('output' in value || 'error' in value)) {
        const r = value;
        if (r.error !== undefined && r.error !== null && r.error !== '')
            return failure({ label, secrets }, typeof r.error === 'string' ? r.error : JSON.stringify(r.error), false);
        return { output: r.output };
    }
    return { output: value };
}
const parseMaybe = (text) => {
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
};
async function createWebSocketProvider(spec, url, options) {
    const { config } = spec;
    const template = str(config.messageTemplate) ?? '{{prompt}}';
    const headers = Object.fromEntries(Object.entries((config.headers ?? {})).map(([k, v]) => [k.toLowerCase(), String(v)]));
    const timeoutMs = typeof config.timeoutMs === 'number' ? config.timeoutMs : 10_000;
    const transform = typeof config.transformResponse === 'string'
        ? await compileCode(config.transformResponse, ['data'], options.rootDir)
        : undefined;
    const stream = typeof config.streamResponse === 'string'
        ? await compileCode(config.streamResponse, ['accumulator', 'event', 'context'], options.rootDir)
        : undefined;
    const secrets = secretsInConfig(config);
    const label = spec.id;
    return {
        id: spec.id,
        label: spec.label,
        cacheIdentity: cacheIdentityOf(spec.id, config),
        endpoint: endpointOf(url, undefined),
        async callApi(prompt, context) {
            const message = renderTemplateText(template, { ...context.vars, prompt });
            let socket;
            try {
                socket = await openJsonSocket(url, { headers, signal: context.signal, timeoutMs, raw: true });
                socket.send(message);
                if (!stream) {
                    const data = parseMaybe(String(await socket.next()));
                    return responseOf(transform ? await transform(data) : data, label, secrets);
                }
                let accumulator = { output: '' };
                for (;;) {
                    const event = { data: String(await socket.next()) };
                    const step = (await stream(accumulator, event, { vars: context.vars, prompt }));
                    if (!Array.isArray(step) || step.length < 2)
                        return failure({ label, secrets }, 'config.streamResponse must return [response, done]', false);
                    accumulator = step[0];
                    if (step[1] === true)
                        return responseOf(accumulator, label, secrets);
                }
            }
            catch (err) {
                if (err instanceof SocketError)
                    return failure({ label, secrets }, err.message, true);
                return failure({ label, secrets }, `a config transform threw: ${messageOf(err)}`, false);
            }
            finally {
                socket?.close();
            }
        },
    };
}

export { createWebSocketProvider };
