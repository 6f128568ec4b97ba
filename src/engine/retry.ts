// One provider call with a per-attempt timeout and retries for transient failures
// (exponential backoff with full jitter, Retry-After honoured up to a cap).
//
// Rate-limit answers (429 rate-limited, 529 overloaded: ProviderResponse.rateLimit.signal) are waits, not
// faults: they do not use up `maxRetries`; a case keeps waiting for at most `maxRateLimitWaitMs` from its
// first such answer, then it is an error that says so. With a limiter (`gate`) every attempt waits for its
// ticket first, outside the per-attempt timeout, and the limiter's shared pause replaces a per-case sleep.
import { messageOf } from '../errors.js';
import type { ProviderResponse } from '../types.js';
import { ownedAbortController, watchAbort } from './abort.js';
import type { CallGate } from './limiter.js';

export interface RetryPolicy {
  /** First backoff ceiling; doubles each retry. */
  baseMs: number;
  /** Ceiling on any computed backoff. */
  maxMs: number;
  /** Retries after the first attempt. */
  maxRetries: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 500, maxMs: 30_000, maxRetries: 4 };

/** A server may ask for a long pause; we wait at most this long for one retry. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** How long a case waits on rate limits before it is an error (evaluateOptions.maxRateLimitWaitMs). */
export const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 300_000;

export interface CallOptions {
  policy: RetryPolicy;
  /** Per-attempt timeout; ≤ 0 or non-finite disables it. */
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1); injected so tests can pin the jitter. */
  random?: () => number;
  /** The whole run's signal: aborting it aborts the attempt in flight and stops retrying. */
  signal?: AbortSignal;
  /** Told about each retry before its delay (for debug logs and tests). */
  onRetry?: (info: { attempt: number; reason: string; delayMs: number; rateLimited: boolean }) => void;
  /** The endpoint's limiter: each attempt starts when it gives a ticket, and gets the answer back. */
  gate?: CallGate;
  /** Time a call may spend rate limited, from its first 429/529; default DEFAULT_MAX_RATE_LIMIT_WAIT_MS. */
  maxRateLimitWaitMs?: number;
  /** Clock for the rate-limit budget (ms); injected by tests. */
  now?: () => number;
}

export type CallOutcome =
  | { ok: true; response: ProviderResponse; attempts: number; latencyMs: number }
  | { ok: false; error: string; attempts: number; latencyMs: number };

/** The delay before retry number `retry` (1-based): full jitter over min(maxMs, baseMs·2^(retry-1)). */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs >= 0) {
    return Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
  }
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

type Attempt =
  | { kind: 'ok'; response: ProviderResponse }
  | { kind: 'permanent'; reason: string; response?: ProviderResponse }
  | { kind: 'transient'; reason: string; retryAfterMs?: number; response?: ProviderResponse }
  | { kind: 'limited'; reason: string; retryAfterMs?: number; response: ProviderResponse };

/**
 * Call `attempt(signal)` until it succeeds, fails permanently, or runs out of retries.
 * `latencyMs` is the duration of the last attempt (the one whose answer we keep).
 */
export async function callWithRetry(
  attempt: (signal: AbortSignal) => Promise<ProviderResponse>,
  options: CallOptions,
): Promise<CallOutcome> {
  // The loop is what every call runs; what a failed attempt needs (backoff, the rate-limit budget) is in
  // afterFailure, so that what V8 compiles for the rest is small.
  const tally: Tally = { attempts: 0, faults: 0, limits: 0, limitedSince: undefined };
  for (;;) {
    options.signal?.throwIfAborted();
    const got = options.gate?.acquire({ retry: tally.attempts > 0, signal: options.signal });
    const ticket = got instanceof Promise ? await got : got;
    if (options.signal?.aborted) {
      // Stopped while waiting for the limiter or a call slot: give the ticket back, make no call.
      if (ticket) options.gate!.release(ticket, undefined);
      options.signal.throwIfAborted();
    }
    tally.attempts++;
    const started = performance.now();
    let result: Attempt | undefined;
    try {
      result = await attemptOnce(attempt, options.timeoutMs, options.signal);
    } finally {
      if (ticket) options.gate!.release(ticket, result?.response);
    }
    const latencyMs = Math.round(performance.now() - started);
    if (result.kind === 'ok') return { ok: true, response: result.response, attempts: tally.attempts, latencyMs };
    const next = afterFailure(result, tally, options);
    if ('error' in next) return { ok: false, error: next.error, attempts: tally.attempts, latencyMs };
    if (next.delayMs > 0) await options.sleep(next.delayMs);
  }
}

/** What callWithRetry has seen of one call so far. */
interface Tally {
  attempts: number;
  /** Failed attempts that use up `maxRetries`. */
  faults: number;
  /** Rate-limit answers (429, 529): waited out, within the rate-limit budget. */
  limits: number;
  /** When the first rate-limit answer came (the budget's start). */
  limitedSince: number | undefined;
}

/** After a failed attempt: the error the call ends with, or how long to wait before the next attempt. */
function afterFailure(
  result: Exclude<Attempt, { kind: 'ok' }>,
  tally: Tally,
  options: CallOptions,
): { error: string } | { delayMs: number } {
  const tries = tally.attempts === 1 ? '1 attempt' : `${tally.attempts} attempts`;
  if (result.kind === 'permanent') return { error: `${result.reason} (after ${tries})` };
  const random = options.random ?? Math.random;
  let delayMs: number;
  if (result.kind === 'limited') {
    const now = options.now ?? (() => performance.now());
    const budgetMs = options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS;
    tally.limitedSince ??= now();
    const waited = now() - tally.limitedSince;
    if (waited >= budgetMs) {
      return {
        error: `${result.reason} (still rate limited after waiting ${formatSeconds(waited)} over ${tries}; a case waits at most ${budgetMs} ms: evaluateOptions.maxRateLimitWaitMs)`,
      };
    }
    tally.limits++;
    // The limiter holds every call of the endpoint for a Retry-After or an empty window; without one, back off.
    const paced = options.gate !== undefined && (result.retryAfterMs !== undefined || hasWindows(result.response));
    delayMs = paced ? 0 : backoffDelay(tally.limits, options.policy, random, result.retryAfterMs);
  } else {
    tally.faults++;
    if (tally.faults > options.policy.maxRetries) return { error: `${result.reason} (after ${tries})` };
    delayMs = backoffDelay(tally.faults, options.policy, random, result.retryAfterMs);
  }
  options.onRetry?.({
    attempt: tally.attempts,
    reason: result.reason,
    delayMs,
    rateLimited: result.kind === 'limited',
  });
  return { delayMs };
}

function hasWindows(response: ProviderResponse): boolean {
  return (response.rateLimit?.windows.length ?? 0) > 0;
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/**
 * One attempt, raced against the per-attempt timeout and the run's abort, in a single promise (this runs for
 * every call: no racer promises to allocate and silence).
 */
function attemptOnce(
  attempt: (signal: AbortSignal) => Promise<ProviderResponse>,
  timeoutMs: number,
  outer?: AbortSignal,
): Promise<Attempt> {
  return new Promise<Attempt>((resolve, reject) => {
    const controller = ownedAbortController();
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    let unwatch: (() => void) | undefined;
    const finish = (settle: () => void): void => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      unwatch?.();
      // Not aborted (a timeout or the run's stop aborts it first), nothing left on it: the next attempt's.
      controller.release();
      settle();
    };
    if (outer) {
      // Stopping the run ends the wait at once, even if the provider ignores its signal.
      unwatch = watchAbort(outer, () => {
        controller.abort(outer.reason);
        finish(() => reject(outer.reason));
      });
    }
    if (timeoutMs > 0 && Number.isFinite(timeoutMs)) {
      // A provider that ignores its signal must still time out.
      timer = setTimeout(() => {
        controller.abort(new Error(`timed out after ${timeoutMs} ms`));
        finish(() => resolve({ kind: 'transient', reason: `timed out after ${timeoutMs} ms` }));
      }, timeoutMs);
    }
    let called: Promise<ProviderResponse>;
    try {
      called = attempt(controller.signal);
    } catch (error) {
      called = Promise.reject(error);
    }
    called.then(
      (response) => finish(() => resolve(classify(response))),
      (error: unknown) =>
        finish(() =>
          outer?.aborted
            ? reject(outer.reason)
            : resolve({ kind: 'transient', reason: `provider threw: ${messageOf(error)}` }),
        ),
    );
  });
}

function classify(response: ProviderResponse): Attempt {
  if (response.error !== undefined) {
    if (!response.transient) return { kind: 'permanent', reason: response.error, response };
    const signal = response.rateLimit?.signal;
    const kind = signal === 'rate-limited' || signal === 'overloaded' ? 'limited' : 'transient';
    return { kind, reason: response.error, retryAfterMs: response.retryAfterMs, response };
  }
  if (response.output === undefined) return { kind: 'permanent', reason: 'provider returned no output', response };
  return { kind: 'ok', response };
}
