// One HTTP attempt, classified. Providers never retry: they report whether a retry could help
// (`transient`) and how long the server asked us to wait (`retryAfterMs`); src/engine retries.
//
// node:http(s) with one keep-alive agent per protocol, not fetch: at 50 calls in flight fetch (undici)
// spent more CPU on web streams and request cloning than the rest of a case did, and its garbage
// filled the heap. A keep-alive agent reuses one connection per concurrent call; the engine's call
// limit bounds how many there are, so the agent needs no limit of its own.
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { ProviderResponse } from '../types.js';
import { redact } from './secrets.js';

export interface PostJsonOptions {
  /** The engine's per-call timeout (aborted when it fires). */
  signal?: AbortSignal;
  /** Secret values to scrub from any error text. */
  secrets: readonly string[];
  /** Prefix of every error message, e.g. the provider id. */
  label: string;
  /** Appended to 401/403 errors: how to fix the credentials (e.g. "set OPENAI_API_KEY"). */
  credentialHint?: string;
  /** The generic `http` provider: another method (GET sends no body), a body already serialised, a reply that may be text. */
  method?: string;
  bodyText?: string;
  acceptText?: boolean;
  /** A connection pool of the provider's own (the http provider's TLS settings); else the shared one. */
  agent?: http.Agent;
}

export type PostJsonOutcome =
  | { ok: true; status: number; body: unknown; headers: ResponseHeaders; text: string }
  | { ok: false; failure: ProviderResponse };

/** Response headers as node:http gives them: lowercase names. */
export type ResponseHeaders = IncomingHttpHeaders;

/** 408 timeout, 409 conflict (OpenAI uses it for transient lock contention), 429 rate limit, any 5xx (incl. Anthropic's 529). */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

function header(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Milliseconds to wait, from `retry-after-ms` (OpenAI) or `Retry-After` (seconds or an HTTP date).
 * Undefined when absent or unparseable; never negative.
 */
export function parseRetryAfter(headers: ResponseHeaders, now: number = Date.now()): number | undefined {
  const ms = header(headers, 'retry-after-ms');
  if (ms !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Math.max(0, Math.round(Number(ms)));
  const value = header(headers, 'retry-after');
  if (value === undefined) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.max(0, Math.round(Number(value) * 1000));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const EXCERPT_CHARS = 300;

export function excerpt(text: string, max: number = EXCERPT_CHARS): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}… (${oneLine.length} chars)` : oneLine;
}

/** The human part of a JSON error body: OpenAI `{error:{message}}`, Anthropic `{error:{type,message}}`, or the raw text. */
function errorDetail(text: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown; type?: unknown } | string; message?: unknown };
    if (typeof parsed.error === 'string') return parsed.error;
    if (parsed.error && typeof parsed.error.message === 'string') {
      return typeof parsed.error.type === 'string'
        ? `${parsed.error.type}: ${parsed.error.message}`
        : parsed.error.message;
    }
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // not JSON: show the text itself
  }
  return text;
}

/** Network-level failure → message: the socket's code (ECONNRESET, ECONNREFUSED, ...) when it has one. */
function networkMessage(err: unknown): string {
  const { code, cause } = (err ?? {}) as { code?: unknown; cause?: { code?: unknown } };
  if (typeof code === 'string' && code !== 'ABORT_ERR') return `network error ${code}`;
  if (cause && typeof cause.code === 'string') return `network error ${cause.code}`;
  return `network error: ${err instanceof Error ? err.message : String(err)}`;
}

function isAbort(err: unknown, signal: AbortSignal | undefined): boolean {
  return (
    signal?.aborted === true || (err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError'))
  );
}

export function failure(
  options: Pick<PostJsonOptions, 'label' | 'secrets'>,
  message: string,
  transient: boolean,
  extra: Partial<ProviderResponse> = {},
): ProviderResponse {
  return { error: redact(`${options.label}: ${message}`, options.secrets), transient, ...extra };
}

interface RawResponse {
  status: number;
  statusText: string;
  headers: ResponseHeaders;
  body: Buffer;
}

/** Where a request failed: before any response arrived, or while its body was streaming. */
class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    readonly phase: 'request' | 'body',
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

let agents: { http: http.Agent; https: https.Agent } | undefined;

/** Created on first use, shared by every provider: one pool of kept-alive connections per protocol. */
function agentFor(url: URL): http.Agent {
  // Idle sockets are unref'd by the agent, so they never keep the process alive.
  agents ??= { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  return url.protocol === 'https:' ? agents.https : agents.http;
}

const DECODERS: Record<string, (body: Buffer) => Promise<Buffer>> = {
  gzip: promisify(zlib.gunzip),
  'x-gzip': promisify(zlib.gunzip),
  deflate: promisify(zlib.inflate),
  br: promisify(zlib.brotliDecompress),
};

/** One POST; resolves with the whole (decoded) body, rejects with a TransportError. */
function send(
  url: URL,
  payload: Buffer | undefined,
  headers: Record<string, string>,
  signal?: AbortSignal,
  method = 'POST',
  agent: http.Agent = agentFor(url),
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (phase: TransportError['phase'], error: unknown): void => {
      if (settled) return;
      settled = true;
      reject(new TransportError(phase, error));
    };
    const succeed = (response: RawResponse): void => {
      if (settled) return;
      settled = true;
      resolve(response);
    };
    let responded = false;
    const onResponse = (res: IncomingMessage): void => {
      responded = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error) => fail('body', error));
      res.on('close', () => {
        if (!res.complete)
          fail('body', Object.assign(new Error('connection closed mid-response'), { code: 'ECONNRESET' }));
      });
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = header(res.headers, 'content-encoding')?.trim().toLowerCase();
        const decode = encoding ? DECODERS[encoding] : undefined;
        const done = (body: Buffer): void =>
          succeed({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: res.headers, body });
        if (!decode) return done(raw);
        decode(raw).then(done, (error: unknown) => fail('body', error));
      });
    };
    const transport = url.protocol === 'https:' ? https : http;
    const request = transport.request(
      url,
      {
        method,
        agent,
        headers: payload
          ? { 'content-type': 'application/json', ...headers, 'content-length': payload.length }
          : headers,
        ...(signal ? { signal } : {}),
      },
      onResponse,
    );
    request.on('error', (error) => fail(responded ? 'body' : 'request', error));
    if (payload) request.end(payload);
    else request.end();
  });
}

/** POST a JSON body once and read a JSON reply; every failure comes back classified, nothing throws. */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  options: PostJsonOptions,
): Promise<PostJsonOutcome> {
  const { signal } = options;
  if (signal?.aborted)
    return { ok: false, failure: failure(options, 'request aborted before it was sent (timeout)', true) };
  let response: RawResponse;
  try {
    const method = (options.method ?? 'POST').toUpperCase();
    const payload =
      method === 'GET' || method === 'HEAD' ? undefined : Buffer.from(options.bodyText ?? JSON.stringify(body));
    const target = new URL(url);
    response = await send(target, payload, headers, signal, method, options.agent ?? agentFor(target));
  } catch (err) {
    const { phase, cause } = err instanceof TransportError ? err : { phase: 'request', cause: err };
    if (phase === 'body') {
      // The connection died mid-body (reset, or our timeout fired while streaming).
      if (isAbort(cause, signal))
        return { ok: false, failure: failure(options, 'request timed out while reading the response', true) };
      return { ok: false, failure: failure(options, `${networkMessage(cause)} while reading the response`, true) };
    }
    if (isAbort(cause, signal)) return { ok: false, failure: failure(options, 'request timed out (aborted)', true) };
    return { ok: false, failure: failure(options, `${networkMessage(cause)} calling ${url}`, true) };
  }

  const text = response.body.toString('utf8');
  if (response.status < 200 || response.status > 299) {
    const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    const detail = excerpt(errorDetail(text));
    const hint =
      (response.status === 401 || response.status === 403) && options.credentialHint
        ? ` (${options.credentialHint})`
        : '';
    const transient = isTransientStatus(response.status);
    const retryAfterMs = transient ? parseRetryAfter(response.headers) : undefined;
    return {
      ok: false,
      failure: failure(
        options,
        `${status}${detail ? `: ${detail}` : ''}${hint}`,
        transient,
        retryAfterMs === undefined ? {} : { retryAfterMs },
      ),
    };
  }

  try {
    return { ok: true, status: response.status, body: JSON.parse(text) as unknown, headers: response.headers, text };
  } catch {
    if (options.acceptText) return { ok: true, status: response.status, body: text, headers: response.headers, text };
    // A truncated or garbled body is usually a proxy or an overloaded server: worth another try.
    return {
      ok: false,
      failure: failure(options, `malformed JSON in the response (${text.length} bytes): ${excerpt(text, 120)}`, true),
    };
  }
}

/** The provider's own headers plus `config.headers` (which win, lower-cased as HTTP compares them). */
export function withConfigHeaders(
  headers: Record<string, string>,
  config: Record<string, unknown>,
): Record<string, string> {
  const merged = { ...headers };
  if (config.headers && typeof config.headers === 'object') {
    for (const [name, value] of Object.entries(config.headers as Record<string, unknown>)) {
      merged[name.toLowerCase()] = String(value);
    }
  }
  return merged;
}
