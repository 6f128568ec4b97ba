// One provider call with a per-attempt timeout and retries for transient failures
// (exponential backoff with full jitter, Retry-After honoured up to a cap).
import { messageOf } from '../errors.js';
import type { ProviderResponse } from '../types.js';

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
  onRetry?: (info: { attempt: number; reason: string; delayMs: number }) => void;
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
  | { kind: 'permanent'; reason: string }
  | { kind: 'transient'; reason: string; retryAfterMs?: number };

/**
 * Call `attempt(signal)` until it succeeds, fails permanently, or runs out of retries.
 * `latencyMs` is the duration of the last attempt (the one whose answer we keep).
 */
export async function callWithRetry(
  attempt: (signal: AbortSignal) => Promise<ProviderResponse>,
  options: CallOptions,
): Promise<CallOutcome> {
  const random = options.random ?? Math.random;
  let attempts = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    attempts++;
    const started = performance.now();
    const result = await attemptOnce(attempt, options.timeoutMs, options.signal);
    const latencyMs = Math.round(performance.now() - started);
    if (result.kind === 'ok') return { ok: true, response: result.response, attempts, latencyMs };
    if (result.kind === 'permanent' || attempts > options.policy.maxRetries) {
      const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
      return { ok: false, error: `${result.reason} (after ${tries})`, attempts, latencyMs };
    }
    const delayMs = backoffDelay(attempts, options.policy, random, result.retryAfterMs);
    options.onRetry?.({ attempt: attempts, reason: result.reason, delayMs });
    await options.sleep(delayMs);
  }
}

async function attemptOnce(
  attempt: (signal: AbortSignal) => Promise<ProviderResponse>,
  timeoutMs: number,
  outer?: AbortSignal,
): Promise<Attempt> {
  const controller = new AbortController();
  const racers: Array<Promise<Attempt>> = [];
  let onOuterAbort: (() => void) | undefined;
  if (outer) {
    // Stopping the run ends the wait at once, even if the provider ignores its signal.
    racers.push(
      new Promise<never>((_, reject) => {
        onOuterAbort = (): void => {
          controller.abort(outer.reason);
          reject(outer.reason);
        };
        outer.addEventListener('abort', onOuterAbort, { once: true });
      }),
    );
  }
  let timer: NodeJS.Timeout | undefined;
  if (timeoutMs > 0 && Number.isFinite(timeoutMs)) {
    // Race the call against the timer too: a provider that ignores its signal must still time out.
    racers.push(
      new Promise<Attempt>((resolve) => {
        timer = setTimeout(() => {
          controller.abort(new Error(`timed out after ${timeoutMs} ms`));
          resolve({ kind: 'transient', reason: `timed out after ${timeoutMs} ms` });
        }, timeoutMs);
      }),
    );
  }
  const called = attempt(controller.signal).then(classify, (error: unknown): Attempt => {
    if (outer?.aborted) throw outer.reason;
    return { kind: 'transient', reason: `provider threw: ${messageOf(error)}` };
  });
  racers.push(called);
  try {
    return await Promise.race(racers);
  } finally {
    clearTimeout(timer);
    if (onOuterAbort) outer?.removeEventListener('abort', onOuterAbort);
    // A late rejection of a losing racer must not become an unhandled rejection.
    for (const racer of racers) racer.catch(() => {});
  }
}

function classify(response: ProviderResponse): Attempt {
  if (response.error !== undefined) {
    return response.transient
      ? { kind: 'transient', reason: response.error, retryAfterMs: response.retryAfterMs }
      : { kind: 'permanent', reason: response.error };
  }
  if (response.output === undefined) return { kind: 'permanent', reason: 'provider returned no output' };
  return { kind: 'ok', response };
}
