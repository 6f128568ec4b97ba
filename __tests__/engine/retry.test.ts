import { backoffDelay, callWithRetry, MAX_RETRY_AFTER_MS, type RetryPolicy } from '../../src/engine/retry.js';
import type { ProviderResponse } from '../../src/types.js';

const policy: RetryPolicy = { baseMs: 500, maxMs: 30_000, maxRetries: 3 };

/** One scripted attempt: a response, a throw, or a call that never answers (to hit the timeout). */
type Step = ProviderResponse | { throws: string } | 'hang';

const ok: ProviderResponse = { output: 'fine' };
const http429 = (retryAfterMs?: number): ProviderResponse => ({
  error: 'HTTP 429 Too Many Requests',
  transient: true,
  ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
});
const http500: ProviderResponse = { error: 'HTTP 500 Internal Server Error', transient: true };
const http400: ProviderResponse = { error: 'HTTP 400 Bad Request: model not found', transient: false };

async function runScript(steps: Step[], timeoutMs = 0) {
  const sleeps: number[] = [];
  const signals: AbortSignal[] = [];
  let next = 0;
  const outcome = await callWithRetry(
    (signal) => {
      signals.push(signal);
      const step = steps[Math.min(next++, steps.length - 1)];
      if (step === 'hang') return new Promise<ProviderResponse>(() => {});
      if ('throws' in step) return Promise.reject(new Error(step.throws));
      return Promise.resolve(step);
    },
    { policy, timeoutMs, sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
  );
  return { outcome, sleeps, calls: next, signals };
}

describe('retrying transient failures', () => {
  test.each<[string, Step[], { ok: boolean; attempts: number; sleeps: number[]; error?: RegExp }]>([
    ['success at once', [ok], { ok: true, attempts: 1, sleeps: [] }],
    ['429 then success', [http429(), ok], { ok: true, attempts: 2, sleeps: [250] }],
    ['Retry-After honoured', [http429(1200), ok], { ok: true, attempts: 2, sleeps: [1200] }],
    ['Retry-After capped at 60 s', [http429(120_000), ok], { ok: true, attempts: 2, sleeps: [MAX_RETRY_AFTER_MS] }],
    ['backoff doubles per retry', [http500, http500, http500, ok], { ok: true, attempts: 4, sleeps: [250, 500, 1000] }],
    [
      '500 every time → error after maxRetries',
      [http500],
      {
        ok: false,
        attempts: 4,
        sleeps: [250, 500, 1000],
        error: /^HTTP 500 Internal Server Error \(after 4 attempts\)$/,
      },
    ],
    [
      'a permanent error is not retried',
      [http400],
      { ok: false, attempts: 1, sleeps: [], error: /model not found \(after 1 attempt\)$/ },
    ],
    ['callApi throwing is transient', [{ throws: 'ECONNRESET' }, ok], { ok: true, attempts: 2, sleeps: [250] }],
    [
      'callApi throwing every time',
      [{ throws: 'ECONNREFUSED 127.0.0.1:9' }],
      {
        ok: false,
        attempts: 4,
        sleeps: [250, 500, 1000],
        error: /provider threw: ECONNREFUSED 127\.0\.0\.1:9 \(after 4 attempts\)/,
      },
    ],
    ['a response without output is an error', [{}], { ok: false, attempts: 1, sleeps: [], error: /no output/ }],
  ])('%s', async (_name, steps, expected) => {
    const { outcome, sleeps, calls } = await runScript(steps);
    expect(outcome.ok).toBe(expected.ok);
    expect(outcome.attempts).toBe(expected.attempts);
    expect(calls).toBe(expected.attempts);
    expect(sleeps).toEqual(expected.sleeps);
    if (expected.error) expect(outcome.ok ? '' : outcome.error).toMatch(expected.error);
  });

  test('a timeout aborts the attempt, counts as transient, and is retried', async () => {
    const { outcome, signals, sleeps } = await runScript(['hang', ok], 20);
    expect(outcome).toMatchObject({ ok: true, attempts: 2 });
    expect(sleeps).toHaveLength(1);
    expect(signals[0].aborted).toBe(true);
    expect(signals[1].aborted).toBe(false);
  });

  test('timing out on every attempt ends in an error naming the timeout', async () => {
    const { outcome } = await runScript(['hang'], 10);
    expect(outcome.ok ? '' : outcome.error).toBe('timed out after 10 ms (after 4 attempts)');
  });

  test('leaves no timer behind once a call answers', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    await runScript([ok], 60_000);
    expect(timers()).toBe(before);
  });

  test('aborting the run stops a call that ignores its signal, and does not retry', async () => {
    const controller = new AbortController();
    let calls = 0;
    const pending = callWithRetry(
      () => {
        calls++;
        return new Promise<ProviderResponse>(() => {});
      },
      { policy, timeoutMs: 0, sleep: async () => {}, signal: controller.signal },
    );
    setTimeout(() => controller.abort(new Error('run cancelled')), 5);
    await expect(pending).rejects.toThrow('run cancelled');
    expect(calls).toBe(1);
  });
});

describe('rate-limit answers are waits, not faults', () => {
  const limited = (retryAfterMs?: number): ProviderResponse => ({
    ...http429(retryAfterMs),
    rateLimit: { signal: 'rate-limited', windows: [] },
  });

  test('429s do not use up maxRetries: ten of them, then an answer, with maxRetries 3', async () => {
    let next = 0;
    const steps = [...Array.from({ length: 10 }, () => limited(100)), ok];
    const outcome = await callWithRetry(async () => steps[next++], {
      policy,
      timeoutMs: 0,
      sleep: async () => {},
      maxRateLimitWaitMs: 60_000,
      now: () => 0,
    });
    expect(outcome).toMatchObject({ ok: true, attempts: 11 });
  });

  test('faults still have their budget when 429s came between them', async () => {
    let next = 0;
    const steps = [limited(), http500, limited(), http500, http500, http500];
    const outcome = await callWithRetry(async () => steps[next++], {
      policy,
      timeoutMs: 0,
      sleep: async () => {},
      now: () => 0,
    });
    expect(outcome).toMatchObject({ ok: false, attempts: 6 });
    expect(outcome.ok ? '' : outcome.error).toMatch(/^HTTP 500 .*\(after 6 attempts\)$/);
  });

  test('past the time budget, the call is an error that names the budget', async () => {
    let clock = 0;
    const outcome = await callWithRetry(async () => limited(1000), {
      policy,
      timeoutMs: 0,
      sleep: async (ms) => void (clock += ms),
      random: () => 0.5,
      maxRateLimitWaitMs: 5000,
      now: () => (clock += 1000),
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.error).toMatch(
      /^HTTP 429 Too Many Requests \(still rate limited after waiting \d+\.\d s over \d+ attempts; a case waits at most 5000 ms: evaluateOptions\.maxRateLimitWaitMs\)$/,
    );
  });

  test('with a limiter, each attempt waits for a ticket and hands its answer back', async () => {
    const seen: Array<{ retry: boolean } | ProviderResponse | undefined> = [];
    const gate = {
      acquire: async (options: { retry: boolean }) => {
        seen.push({ retry: options.retry });
        return { seq: seen.length, startedAt: 0, epoch: 0 };
      },
      release: (_ticket: unknown, response: ProviderResponse | undefined) => void seen.push(response),
    };
    const sleeps: number[] = [];
    let next = 0;
    const steps = [limited(100), ok];
    await callWithRetry(async () => steps[next++], {
      policy,
      timeoutMs: 0,
      sleep: async (ms) => void sleeps.push(ms),
      gate,
    });
    expect(seen).toEqual([{ retry: false }, steps[0], { retry: true }, ok]);
    // The limiter holds the endpoint for the Retry-After: the case itself does not sleep as well.
    expect(sleeps).toEqual([]);
  });
});

describe('backoff delay (full jitter)', () => {
  test.each([
    [1, 0, 0],
    [1, 0.999, 499],
    [2, 0.999, 999],
    [3, 0.5, 1000],
    [20, 0.5, 15_000], // capped at maxMs before the jitter
  ])('retry %i with random %d waits %i ms', (retry, random, expected) => {
    expect(backoffDelay(retry, policy, () => random)).toBe(expected);
  });

  test('Retry-After wins over the computed backoff, capped', () => {
    expect(backoffDelay(1, policy, () => 0.9, 0)).toBe(0);
    expect(backoffDelay(1, policy, () => 0.9, 3000)).toBe(3000);
    expect(backoffDelay(1, policy, () => 0.9, 10 * 60_000)).toBe(MAX_RETRY_AFTER_MS);
  });
});
