import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { promisify } from 'node:util';
import zlib__default from 'node:zlib';
import { getEventListeners } from 'node:events';
import { r as redact } from './index-secrets.js';

// Watching abort signals from thousands of places at once, cheaply.
/**
 * Callbacks to run when a signal aborts, behind one listener per signal. Every attempt, and every call
 * waiting for its limiter, watches the run's signal: adding and removing an EventTarget listener each time
 * cost more CPU than the call's own bookkeeping; a Set entry costs next to nothing.
 */
const watchers = new WeakMap();
/** Runs `onAbort` when `signal` aborts, until the returned function is called. */
function watchAbort(signal, onAbort) {
    let found = watchers.get(signal);
    if (!found) {
        const all = new Set();
        signal.addEventListener('abort', () => {
            for (const callback of all)
                callback();
        });
        watchers.set(signal, (found = all));
    }
    const callbacks = found;
    callbacks.add(onAbort);
    return () => callbacks.delete(onAbort);
}
/** Controllers whose signal never aborted and that nothing watches or listens to: reused before a new one. */
const idle = [];
/** More idle controllers than calls ever run at once are let go (maxConcurrency is rarely above a few hundred). */
const MAX_IDLE = 256;
/**
 * A controller for a signal that only its holder aborts (one attempt's). Its abort() runs the watchAbort
 * callbacks itself, so watching its signal (the HTTP request of every attempt does) takes no EventTarget
 * listener at all: on Node 20 adding and removing one per call cost as much as the limiter. Code that
 * listens to the signal in the usual way (SDKs, fetch) is told as usual, first.
 *
 * A released controller is handed out again: making an AbortController (an EventTarget) cost more CPU per call on
 * Node 20 than the rest of the attempt's bookkeeping. It is released only when its signal never aborted and no
 * watcher or listener is left on it, so a later attempt's abort reaches no one from an earlier one but code that
 * kept the signal past its attempt without listening to it.
 */
function ownedAbortController() {
    const reused = idle.pop();
    if (reused) {
        reused.idle = false;
        return reused;
    }
    const controller = new AbortController();
    const { signal } = controller;
    const callbacks = new Set();
    watchers.set(signal, callbacks);
    const owned = {
        idle: false,
        signal,
        abort(reason) {
            if (signal.aborted)
                return;
            controller.abort(reason);
            for (const callback of callbacks)
                callback();
        },
        release() {
            // A second release of an idle controller would hand it to two attempts.
            if (owned.idle || signal.aborted || callbacks.size > 0 || idle.length >= MAX_IDLE)
                return;
            if (getEventListeners(signal, 'abort').length > 0)
                return;
            owned.idle = true;
            idle.push(owned);
        },
    };
    return owned;
}

// One HTTP attempt, classified. Providers never retry: they report whether a retry could help
// (`transient`) and how long the server asked us to wait (`retryAfterMs`); src/engine retries.
//
// node:http(s) with one keep-alive agent per protocol, not fetch: at 50 calls in flight fetch (undici)
// spent more CPU on web streams and request cloning than the rest of a case did, and its garbage
// filled the heap. A keep-alive agent reuses one connection per concurrent call; the engine's call
// limit bounds how many there are, so the agent needs no limit of its own.
//
// Rate limits: every response's rate-limit headers (OpenAI-style x-ratelimit-*, Anthropic's
// anthropic-ratelimit-*) and its 429/529/503 status become `RateLimitFacts` (parseRateLimit). A failure carries
// them on its ProviderResponse; a success hands them back as `outcome.rateLimit`, which the provider returns
// as `rateLimit` on its response. The engine's limiter (src/engine/limiter.ts) does the rest.
/** 408 timeout, 409 conflict (OpenAI uses it for transient lock contention), 429 rate limit, any 5xx (incl. Anthropic's 529). */
function isTransientStatus(status) {
    return status === 408 || status === 409 || status === 429 || status >= 500;
}
function header(headers, name) {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
}
/**
 * Milliseconds to wait, from `retry-after-ms` (OpenAI) or `Retry-After` (seconds or an HTTP date).
 * Undefined when absent or unparseable; never negative.
 */
function parseRetryAfter(headers, now = Date.now()) {
    const ms = header(headers, 'retry-after-ms');
    if (ms !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(ms))
        return Math.max(0, Math.round(Number(ms)));
    const value = header(headers, 'retry-after');
    if (value === undefined)
        return undefined;
    if (/^\s*\d+(\.\d+)?\s*$/.test(value))
        return Math.max(0, Math.round(Number(value) * 1000));
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** `20ms`, `1s`, `6m0s`, `1h2m3.5s` (OpenAI's x-ratelimit-reset-*), a bare number of seconds, or an HTTP/RFC 3339 date (Anthropic). */
function parseResetMs(value, now = Date.now()) {
    const text = value.trim();
    if (/^\d+(\.\d+)?$/.test(text))
        return Math.round(Number(text) * 1000);
    if (/^(\d+(\.\d+)?(ms|h|m|s))+$/.test(text)) {
        const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
        let ms = 0;
        for (const [, n, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g))
            ms += Number(n) * factor[unit];
        return Math.round(ms);
    }
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
const RATE_UNITS = ['requests', 'tokens', 'input-tokens', 'output-tokens'];
function count(value) {
    if (value === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(value))
        return undefined;
    return Number(value);
}
/**
 * The rate-limit facts of one response: its windows from `x-ratelimit-{limit,remaining,reset}-<unit>` (OpenAI,
 * and most OpenAI-compatible servers) or `anthropic-ratelimit-<unit>-{limit,remaining,reset}`, and what its
 * status says (429 rate-limited, 529 overloaded, 503 unavailable). Undefined when there is nothing to say.
 */
function parseRateLimit(headers, status, now = Date.now()) {
    const signal = status === 429 ? 'rate-limited' : status === 529 ? 'overloaded' : status === 503 ? 'unavailable' : undefined;
    // Most answers of most servers have no such header: one pass over the names decides.
    let any = false;
    for (const name in headers) {
        if (name.startsWith('x-ratelimit-') || name.startsWith('anthropic-ratelimit-')) {
            any = true;
            break;
        }
    }
    if (!any)
        return signal === undefined ? undefined : { signal, windows: [] };
    const windows = [];
    for (const unit of RATE_UNITS) {
        const names = [
            [`x-ratelimit-limit-${unit}`, `x-ratelimit-remaining-${unit}`, `x-ratelimit-reset-${unit}`],
            [
                `anthropic-ratelimit-${unit}-limit`,
                `anthropic-ratelimit-${unit}-remaining`,
                `anthropic-ratelimit-${unit}-reset`,
            ],
        ];
        for (const [limitName, remainingName, resetName] of names) {
            const limit = count(header(headers, limitName));
            const remaining = count(header(headers, remainingName));
            const reset = header(headers, resetName);
            const resetMs = reset === undefined ? undefined : parseResetMs(reset, now);
            if (limit === undefined && remaining === undefined && resetMs === undefined)
                continue;
            windows.push({
                unit,
                ...(limit !== undefined ? { limit } : {}),
                ...(remaining !== undefined ? { remaining } : {}),
                ...(resetMs !== undefined ? { resetMs } : {}),
            });
            break;
        }
    }
    if (windows.length === 0 && signal === undefined)
        return undefined;
    return signal !== undefined ? { signal, windows } : { windows };
}
const EXCERPT_CHARS = 300;
function excerpt(text, max = EXCERPT_CHARS) {
    const oneLine = text.replace(/\s+/g, ' ').trim();
    return oneLine.length > max ? `${oneLine.slice(0, max)}… (${oneLine.length} chars)` : oneLine;
}
/** The human part of a JSON error body: OpenAI `{error:{message}}`, Anthropic `{error:{type,message}}`, or the raw text. */
function errorDetail(text) {
    try {
        const parsed = JSON.parse(text);
        if (typeof parsed.error === 'string')
            return parsed.error;
        if (parsed.error && typeof parsed.error.message === 'string') {
            return typeof parsed.error.type === 'string'
                ? `${parsed.error.type}: ${parsed.error.message}`
                : parsed.error.message;
        }
        if (typeof parsed.message === 'string')
            return parsed.message;
    }
    catch {
        // not JSON: show the text itself
    }
    return text;
}
/** Network-level failure → message: the socket's code (ECONNRESET, ECONNREFUSED, ...) when it has one. */
function networkMessage(err) {
    const { code, cause } = (err ?? {});
    if (typeof code === 'string' && code !== 'ABORT_ERR')
        return `network error ${code}`;
    if (cause && typeof cause.code === 'string')
        return `network error ${cause.code}`;
    return `network error: ${err instanceof Error ? err.message : String(err)}`;
}
function isAbort(err, signal) {
    return (signal?.aborted === true || (err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError')));
}
function failure(options, message, transient, extra = {}) {
    return { error: redact(`${options.label}: ${message}`, options.secrets), transient, ...extra };
}
/** Where a request failed: before any response arrived, or while its body was streaming. */
class TransportError extends Error {
    phase;
    cause;
    name = 'TransportError';
    constructor(phase, cause) {
        super(cause instanceof Error ? cause.message : String(cause));
        this.phase = phase;
        this.cause = cause;
    }
}
let agents;
/** Created on first use, shared by every provider: one pool of kept-alive connections per protocol. */
function agentFor(url) {
    // Idle sockets are unref'd by the agent, so they never keep the process alive.
    agents ??= { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
    return url.protocol === 'https:' ? agents.https : agents.http;
}
const DECODERS = {
    gzip: promisify(zlib__default.gunzip),
    'x-gzip': promisify(zlib__default.gunzip),
    deflate: promisify(zlib__default.inflate),
    br: promisify(zlib__default.brotliDecompress),
};
const targets = new Map();
/**
 * The request options of a URL, parsed once: a run posts thousands of times to one or two URLs, and parsing
 * a URL (then node turning it back into options) cost more CPU per call than the rest of the request.
 */
function targetFor(url) {
    let target = targets.get(url);
    if (!target) {
        const parsed = new URL(url);
        const https_ = parsed.protocol === 'https:';
        target = {
            transport: https_ ? https : http,
            options: {
                protocol: parsed.protocol,
                hostname: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
                ...(parsed.port ? { port: Number(parsed.port) } : {}),
                path: `${parsed.pathname}${parsed.search}`,
                ...(parsed.username || parsed.password
                    ? { auth: `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}` }
                    : {}),
                method: 'POST',
                agent: agentFor(parsed),
            },
        };
        if (targets.size > 100)
            targets.clear(); // a bound, never reached by a real suite
        targets.set(url, target);
    }
    return target;
}
/** One request (a POST unless told); resolves with the whole (decoded) body, rejects with a TransportError. */
function send(url, payload, headers, signal, method, agent) {
    return new Promise((resolve, reject) => {
        let settled = false;
        // The signal is watched here rather than passed to http.request: node's own abort plumbing (a stream
        // end-of-stream watcher per request) cost more CPU per call than the request itself. An attempt's own
        // signal is watched without an EventTarget listener (engine/abort.ts ownedAbortController).
        let unwatch;
        const settle = () => {
            if (settled)
                return false;
            settled = true;
            unwatch?.();
            return true;
        };
        const fail = (phase, error) => {
            if (settle())
                reject(new TransportError(phase, error));
        };
        const succeed = (response) => {
            if (settle())
                resolve(response);
        };
        let responded = false;
        const onResponse = (res) => {
            responded = true;
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('error', (error) => fail('body', error));
            res.on('close', () => {
                if (!res.complete)
                    fail('body', Object.assign(new Error('connection closed mid-response'), { code: 'ECONNRESET' }));
            });
            res.on('end', () => {
                const raw = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
                const encoding = header(res.headers, 'content-encoding')?.trim().toLowerCase();
                const decode = encoding ? DECODERS[encoding] : undefined;
                const done = (body) => succeed({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: res.headers, body });
                if (!decode)
                    return done(raw);
                decode(raw).then(done, (error) => fail('body', error));
            });
        };
        const { transport, options } = targetFor(url);
        const request = transport.request({
            // A key first: a literal that starts with a spread is Node 20's slow path (engine/run.ts caseResult).
            headers: payload === undefined
                ? headers
                : { 'content-type': 'application/json', ...headers, 'content-length': Buffer.byteLength(payload) },
            ...options,
            ...(method ? { method } : {}),
            ...(agent ? { agent } : {}),
        }, onResponse);
        request.on('error', (error) => fail(responded ? 'body' : 'request', error));
        if (signal) {
            unwatch = watchAbort(signal, () => {
                const reason = Object.assign(new Error('The operation was aborted'), {
                    name: 'AbortError',
                    cause: signal.reason,
                });
                fail(responded ? 'body' : 'request', reason);
                request.destroy(reason);
            });
        }
        // A string body goes out in one write with the headers; a Buffer took a writev of two, measurably dearer.
        if (payload === undefined)
            request.end();
        else
            request.end(payload);
    });
}
/** POST a JSON body once and read a JSON reply; every failure comes back classified, nothing throws. */
async function postJson(url, body, headers, options) {
    // Every call runs this; what only a failure needs is in the functions below, so what V8 compiles is small.
    const { signal } = options;
    if (signal?.aborted)
        return { ok: false, failure: failure(options, 'request aborted before it was sent (timeout)', true) };
    let response;
    try {
        const method = options.method?.toUpperCase();
        const payload = method === 'GET' || method === 'HEAD'
            ? undefined
            : (options.bodyBytes ?? options.bodyText ?? JSON.stringify(body));
        response = await send(url, payload, headers, signal, method, options.agent);
    }
    catch (err) {
        return { ok: false, failure: transportFailure(err, url, options) };
    }
    const text = response.body.toString('utf8');
    const rateLimit = parseRateLimit(response.headers, response.status);
    if (response.status < 200 || response.status > 299) {
        return { ok: false, failure: statusFailure(response, text, rateLimit, options) };
    }
    if (options.binaryReply)
        return okOutcome(response, text, rateLimit, undefined);
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        if (options.acceptText)
            return okOutcome(response, text, rateLimit, text);
        // A truncated or garbled body is usually a proxy or an overloaded server: worth another try.
        return {
            ok: false,
            failure: failure(options, `malformed JSON in the response (${text.length} bytes): ${excerpt(text, 120)}`, true, rateLimit === undefined ? {} : { rateLimit }),
        };
    }
    return okOutcome(response, text, rateLimit, parsed);
}
/** One object per answer, built once (no spread of a spread: this runs for every call). */
function okOutcome(response, text, rateLimit, body) {
    const outcome = {
        ok: true,
        status: response.status,
        headers: response.headers,
        text,
        bytes: response.body,
        body,
    };
    if (rateLimit !== undefined)
        outcome.rateLimit = rateLimit;
    return outcome;
}
/** The request did not come back: the connection failed, died mid-body, or our timeout fired. */
function transportFailure(err, url, options) {
    const { signal } = options;
    const { phase, cause } = err instanceof TransportError ? err : { phase: 'request', cause: err };
    if (phase === 'body') {
        // The connection died mid-body (reset, or our timeout fired while streaming).
        if (isAbort(cause, signal))
            return failure(options, 'request timed out while reading the response', true);
        return failure(options, `${networkMessage(cause)} while reading the response`, true);
    }
    if (isAbort(cause, signal))
        return failure(options, 'request timed out (aborted)', true);
    return failure(options, `${networkMessage(cause)} calling ${url}`, true);
}
/** A status outside 2xx: its detail and hint, transient or not, with its Retry-After and limits. */
function statusFailure(response, text, rateLimit, options) {
    const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    const detail = excerpt(errorDetail(text));
    const hint = (response.status === 401 || response.status === 403) && options.credentialHint
        ? ` (${options.credentialHint})`
        : '';
    const transient = isTransientStatus(response.status);
    const retryAfterMs = transient ? parseRetryAfter(response.headers) : undefined;
    return failure(options, `${status}${detail ? `: ${detail}` : ''}${hint}`, transient, {
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        ...(rateLimit === undefined ? {} : { rateLimit }),
    });
}
/** The provider's own headers plus `config.headers` (which win, lower-cased as HTTP compares them). */
function withConfigHeaders(headers, config) {
    const merged = { ...headers };
    if (config.headers && typeof config.headers === 'object') {
        for (const [name, value] of Object.entries(config.headers)) {
            merged[name.toLowerCase()] = String(value);
        }
    }
    return merged;
}
/** The request keys of a provider's config (its own `params` list) copied into the body, as promptfoo sends them. */
function copyConfigParams(body, config, params) {
    for (const param of params)
        if (config[param] !== undefined)
            body[param] = config[param];
}
/** promptfoo's `passthrough`: keys merged into the body as they are, last (they win). */
function applyPassthrough(body, config) {
    if (config.passthrough && typeof config.passthrough === 'object')
        Object.assign(body, config.passthrough);
}
/** `{ rateLimit }` of a successful outcome, to spread into the provider's response (nothing when there is none). */
function rateLimitOf(outcome) {
    return outcome.ok && outcome.rateLimit ? { rateLimit: outcome.rateLimit } : {};
}
/**
 * The limiter key of an HTTP provider: its URL, and which key it calls with (limits are per key), as a short
 * hash so the key itself never appears in a log or a plan.
 */
function endpointOf(url, apiKey) {
    if (!apiKey)
        return url;
    return `${url} (key ${createHash('sha256').update(apiKey).digest('hex').slice(0, 8)})`;
}
/** `{ maxOutputTokens }` from the first of `keys` the config sets to a number. */
function maxOutputTokensOf(config, keys) {
    for (const key of keys) {
        const value = config[key];
        if (typeof value === 'number' && Number.isFinite(value) && value > 0)
            return { maxOutputTokens: value };
    }
    return {};
}
/** The wait between two polls of a long-running job; ends early (without throwing) when the call is aborted. */
function pollDelay(ms, signal) {
    return new Promise((resolve) => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
}

export { pollDelay as a, parseRetryAfter as b, copyConfigParams as c, parseRateLimit as d, endpointOf as e, failure as f, applyPassthrough as g, excerpt as h, isTransientStatus as i, watchAbort as j, maxOutputTokensOf as m, ownedAbortController as o, postJson as p, rateLimitOf as r, withConfigHeaders as w };
