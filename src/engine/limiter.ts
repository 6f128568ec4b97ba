// One rate limiter per provider endpoint, shared by every case (worker) of a run, so that fifty workers learn
// a provider's limit together instead of each hammering it on its own.
//
// How a provider hooks in (nothing provider-specific lives here):
//   - Provider.endpoint names where its calls go (openai.ts and anthropic.ts use `endpointOf(url, key)` from
//     providers/http.ts). Providers with one endpoint share one limiter; without it the provider id is the key.
//   - Every ProviderResponse may carry `retryAfterMs` and `rateLimit: RateLimitFacts` (src/types.ts): the limit
//     windows the server reported (x-ratelimit-* or anthropic-ratelimit-* headers) and what the status said
//     (429 rate-limited, 529 overloaded, 503 unavailable). postJson() in providers/http.ts fills both for any
//     HTTP provider: failures carry them already, a success spreads `...rateLimitOf(outcome)` into its response.
//     A provider that speaks another transport sets the same fields itself.
//   - The engine (run.ts → retry.ts) takes a ticket before each attempt and hands the response back with it.
//
// What the limiter does with those facts:
//   - Adaptive concurrency (AIMD): the window of calls in flight grows by 1/window per success and halves on a
//     429/529/503 (once per round of calls: answers to calls sent before the last cut do not cut again).
//     `maxConcurrency` stays the ceiling.
//   - A shared pause: a Retry-After on any answer holds every new call of the endpoint until it passes.
//   - Pacing before the limit is hit: each reported window is modelled as a bucket that refills continuously
//     ((limit − remaining) / reset per ms). Its level is re-estimated from every answer (remaining, plus refill
//     since that call was sent, minus calls sent since) and a call starts only when its cost is there: 1 for
//     `requests`, the recent average usage for token windows. With remaining 0 and no refill rate, the window's
//     reset time is the pause.
// Rate-limit answers (429, 529) do not use up the fault retry budget: retry.ts bounds them by time per case.
import type { ProviderResponse, RateLimitWindow, TokenUsage } from '../types.js';
import { watchAbort } from './abort.js';
import { MAX_RETRY_AFTER_MS } from './retry.js';

/** Held by one attempt from its start to its answer. */
export interface LimiterTicket {
  /** Calls started on this limiter before this one. */
  readonly seq: number;
  readonly startedAt: number;
  /** The concurrency epoch it started in (a cut happens once per epoch). */
  readonly epoch: number;
}

/** What the retry loop needs of a limiter. */
export interface CallGate {
  /**
   * The ticket when a call may start: at once when it may start now, else a promise that resolves when it may;
   * `retry` calls go ahead of first attempts. Rejects when `signal` aborts.
   */
  acquire(options: { retry: boolean; signal?: AbortSignal }): LimiterTicket | Promise<LimiterTicket>;
  /** The attempt ended: with its response, or undefined when it threw or timed out. */
  release(ticket: LimiterTicket, response: ProviderResponse | undefined): void;
}

export interface LimiterStats {
  /** Answers that said 429/529/503. */
  throttled: number;
  /** Times the concurrency window was cut. */
  cuts: number;
  /** The concurrency window now. */
  window: number;
}

interface Bucket {
  capacity: number;
  /** Refill per millisecond; undefined until a response lets us compute it. */
  rate: number | undefined;
  tokens: number;
  at: number;
  /** With no rate: when the server said the window is full again. */
  fullAt: number;
  /** What one call costs of this window (1 request; average tokens). */
  cost: number;
}

interface Waiter {
  resolve: (ticket: LimiterTicket) => void;
  reject: (reason: unknown) => void;
  /** Stops watching the caller's signal (set when it has one). */
  unwatch: (() => void) | undefined;
}

/** Usage of a window's unit in one call, when the response says. */
function usageFor(unit: RateLimitWindow['unit'], usage: Partial<TokenUsage> | undefined): number | undefined {
  if (unit === 'requests') return 1;
  if (!usage) return undefined;
  if (unit === 'input-tokens') return usage.prompt;
  if (unit === 'output-tokens') return usage.completion;
  return usage.total ?? (usage.prompt ?? 0) + (usage.completion ?? 0);
}

export class EndpointLimiter implements CallGate {
  private window: number;
  private inFlight = 0;
  private started = 0;
  private epoch = 0;
  private pausedUntil = 0;
  private readonly retries: Waiter[] = [];
  private readonly firsts: Waiter[] = [];
  private readonly buckets = new Map<RateLimitWindow['unit'], Bucket>();
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private readonly counts = { throttled: 0, cuts: 0 };

  private ceilingNow: number;

  constructor(
    ceiling: number,
    // Milliseconds are precise enough for rate limits, and Date.now is the cheapest clock there is.
    private readonly now: () => number = Date.now,
  ) {
    this.ceilingNow = checkedCeiling(ceiling);
    this.window = ceiling;
  }

  /** maxConcurrency of the run using it now (runs of one review share a limiter, each with its own ceiling). */
  get ceiling(): number {
    return this.ceilingNow;
  }

  set ceiling(value: number) {
    this.ceilingNow = checkedCeiling(value);
    this.window = Math.min(this.window, this.ceilingNow);
  }

  stats(): LimiterStats {
    return { throttled: this.counts.throttled, cuts: this.counts.cuts, window: this.window };
  }

  /** A ticket if a call may start now (nothing waiting, room to start), else undefined: no promise either way. */
  tryAcquire(options: { signal?: AbortSignal }): LimiterTicket | undefined {
    if (options.signal?.aborted) return undefined;
    if (this.retries.length === 0 && this.firsts.length === 0 && this.readyAt(this.now()) === undefined) {
      return this.start();
    }
    return undefined;
  }

  acquire(options: { retry: boolean; signal?: AbortSignal }): Promise<LimiterTicket> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const queue = options.retry ? this.retries : this.firsts;
    const ticket = this.tryAcquire(options);
    if (ticket !== undefined) return Promise.resolve(ticket);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, unwatch: undefined };
      if (signal) {
        waiter.unwatch = watchAbort(signal, () => {
          waiter.unwatch!();
          const at = queue.indexOf(waiter);
          if (at >= 0) queue.splice(at, 1);
          reject(signal.reason);
        });
      }
      queue.push(waiter);
      this.pump();
    });
  }

  release(ticket: LimiterTicket, response: ProviderResponse | undefined): void {
    this.inFlight--;
    const now = this.now();
    const facts = response?.rateLimit;
    if (facts?.signal) {
      this.counts.throttled++;
      if (ticket.epoch === this.epoch) {
        this.window = Math.max(1, this.window / 2);
        this.epoch++;
        this.counts.cuts++;
      }
    } else if (response && response.error === undefined) {
      this.window = Math.min(this.ceilingNow, this.window + 1 / this.window);
    }
    if (response?.retryAfterMs !== undefined && Number.isFinite(response.retryAfterMs) && response.retryAfterMs > 0) {
      this.pausedUntil = Math.max(this.pausedUntil, now + Math.min(response.retryAfterMs, MAX_RETRY_AFTER_MS));
    }
    if (facts !== undefined)
      for (const window of facts.windows) this.observe(window, ticket, now, response?.tokenUsage);
    this.pump();
  }

  /** Re-estimates a window's bucket from what the server said when it answered `ticket`'s call. */
  private observe(window: RateLimitWindow, ticket: LimiterTicket, now: number, usage?: Partial<TokenUsage>): void {
    const previous = this.buckets.get(window.unit);
    const used = usageFor(window.unit, usage);
    const cost =
      used === undefined ? (previous?.cost ?? 0) : previous ? previous.cost * 0.8 + used * 0.2 : Math.max(0, used);
    const capacity = window.limit ?? Math.max(previous?.capacity ?? 0, window.remaining ?? 0);
    let rate = previous?.rate;
    if (
      window.limit !== undefined &&
      window.remaining !== undefined &&
      window.resetMs !== undefined &&
      window.resetMs > 0 &&
      window.remaining < window.limit
    ) {
      rate = (window.limit - window.remaining) / window.resetMs;
    }
    const bucket: Bucket = {
      capacity,
      rate,
      cost,
      at: now,
      fullAt:
        window.resetMs !== undefined ? now + Math.min(window.resetMs, MAX_RETRY_AFTER_MS) : (previous?.fullAt ?? 0),
      tokens: previous?.tokens ?? capacity,
    };
    if (window.remaining !== undefined) {
      // The server counted this call when it arrived (about when it was sent); calls sent since are not in
      // `remaining` yet, and the window has refilled for as long as the answer took.
      const sentSince = this.started - ticket.seq - 1;
      const estimate = window.remaining + (rate ?? 0) * (now - ticket.startedAt) - cost * sentSince;
      bucket.tokens = Math.max(-capacity, Math.min(capacity, estimate));
    } else {
      this.refill(bucket, now);
    }
    this.buckets.set(window.unit, bucket);
  }

  private refill(bucket: Bucket, now: number): void {
    if (bucket.rate !== undefined)
      bucket.tokens = Math.min(bucket.capacity, bucket.tokens + bucket.rate * (now - bucket.at));
    else if (now >= bucket.fullAt) bucket.tokens = bucket.capacity;
    bucket.at = now;
  }

  /** Undefined when a call may start now; else the time it may (Infinity: only when a call ends). */
  private readyAt(now: number): number | undefined {
    if (this.inFlight >= Math.floor(this.window)) return Infinity;
    let at = this.pausedUntil > now ? this.pausedUntil : undefined;
    // Most endpoints report no windows: no iterator per call for an empty map.
    if (this.buckets.size === 0) return at;
    for (const bucket of this.buckets.values()) {
      this.refill(bucket, now);
      const need = Math.min(bucket.cost, bucket.capacity);
      if (bucket.tokens >= need) continue;
      const ready =
        bucket.rate !== undefined && bucket.rate > 0 ? now + (need - bucket.tokens) / bucket.rate : bucket.fullAt;
      if (ready > now) at = Math.max(at ?? 0, ready);
    }
    return at;
  }

  private start(): LimiterTicket {
    if (this.buckets.size > 0)
      for (const bucket of this.buckets.values()) bucket.tokens -= Math.min(bucket.cost, bucket.capacity);
    this.inFlight++;
    return { seq: this.started++, startedAt: this.now(), epoch: this.epoch };
  }

  private pump(): void {
    for (;;) {
      const queue = this.retries.length > 0 ? this.retries : this.firsts;
      if (queue.length === 0) return this.clearTimer();
      const now = this.now();
      const at = this.readyAt(now);
      if (at !== undefined) {
        if (at !== Infinity) this.wakeAt(at, now);
        return;
      }
      const waiter = queue.shift()!;
      waiter.unwatch?.();
      waiter.resolve(this.start());
    }
  }

  private wakeAt(at: number, now: number): void {
    if (this.timer !== undefined && this.timerAt <= at) return;
    this.clearTimer();
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Infinity;
        this.pump();
      },
      Math.max(1, Math.ceil(at - now)),
    );
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }
}

function checkedCeiling(ceiling: number): number {
  if (!Number.isInteger(ceiling) || ceiling < 1) throw new RangeError(`limiter ceiling must be ≥ 1, got ${ceiling}`);
  return ceiling;
}

/** The limiters of a run (or of a review's runs), one per endpoint; every case calling an endpoint shares it. */
export class Limiters {
  private readonly byEndpoint = new Map<string, EndpointLimiter>();

  constructor(private readonly now?: () => number) {}

  /** The endpoint's limiter, with `ceiling` (the calling run's maxConcurrency) as its ceiling. */
  for(provider: { id: string; endpoint?: string }, ceiling: number): EndpointLimiter {
    const key = provider.endpoint ?? provider.id;
    let limiter = this.byEndpoint.get(key);
    if (!limiter) {
      limiter = new EndpointLimiter(ceiling, this.now);
      this.byEndpoint.set(key, limiter);
    } else if (limiter.ceiling !== ceiling) {
      limiter.ceiling = ceiling;
    }
    return limiter;
  }

  /** Each endpoint's counts, for the log. */
  stats(): Array<{ endpoint: string } & LimiterStats> {
    return [...this.byEndpoint].map(([endpoint, limiter]) => ({ endpoint, ...limiter.stats() }));
  }
}
