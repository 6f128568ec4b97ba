// One HTTP attempt, classified. Providers never retry: they report whether a retry could help
// (`transient`) and how long the server asked us to wait (`retryAfterMs`); src/engine retries.
import type { ProviderResponse } from '../types.js';
import { redact } from './secrets.js';

export interface PostJsonOptions {
  fetch: typeof fetch;
  /** The engine's per-call timeout (aborted when it fires). */
  signal?: AbortSignal;
  /** Secret values to scrub from any error text. */
  secrets: readonly string[];
  /** Prefix of every error message, e.g. the provider id. */
  label: string;
  /** Appended to 401/403 errors: how to fix the credentials (e.g. "set OPENAI_API_KEY"). */
  credentialHint?: string;
}

export type PostJsonOutcome = { ok: true; status: number; body: unknown } | { ok: false; failure: ProviderResponse };

/** 408 timeout, 409 conflict (OpenAI uses it for transient lock contention), 429 rate limit, any 5xx (incl. Anthropic's 529). */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * Milliseconds to wait, from `retry-after-ms` (OpenAI) or `Retry-After` (seconds or an HTTP date).
 * Undefined when absent or unparseable; never negative.
 */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Math.max(0, Math.round(Number(ms)));
  const value = headers.get('retry-after');
  if (value === null) return undefined;
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

/** Network-level failure → message. `fetch` wraps the socket error (ECONNRESET, ECONNREFUSED, ...) in `cause`. */
function networkMessage(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (cause && typeof cause.code === 'string') return `network error ${cause.code}`;
  if (cause && typeof cause.message === 'string') return `network error: ${cause.message}`;
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
  let response: Response;
  try {
    response = await options.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal,
    });
  } catch (err) {
    if (isAbort(err, signal)) return { ok: false, failure: failure(options, 'request timed out (aborted)', true) };
    return { ok: false, failure: failure(options, `${networkMessage(err)} calling ${url}`, true) };
  }

  let text: string;
  try {
    text = await response.text();
  } catch (err) {
    // The connection died mid-body (reset, or our timeout fired while streaming).
    if (isAbort(err, signal))
      return { ok: false, failure: failure(options, 'request timed out while reading the response', true) };
    return { ok: false, failure: failure(options, `${networkMessage(err)} while reading the response`, true) };
  }

  if (!response.ok) {
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
    return { ok: true, status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    // A truncated or garbled body is usually a proxy or an overloaded server: worth another try.
    return {
      ok: false,
      failure: failure(options, `malformed JSON in the response (${text.length} bytes): ${excerpt(text, 120)}`, true),
    };
  }
}
