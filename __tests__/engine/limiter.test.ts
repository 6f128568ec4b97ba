// The endpoint limiter on its own: AIMD concurrency, the shared pause, pacing from reported windows, and
// retries ahead of first attempts. Asserts which calls may start, never how long anything took.
import { EndpointLimiter, Limiters, type LimiterTicket } from '../../src/engine/limiter.js';
import type { ProviderResponse, RateLimitWindow } from '../../src/types.js';

const ok: ProviderResponse = { output: 'fine' };
const limited: ProviderResponse = {
  error: 'HTTP 429',
  transient: true,
  rateLimit: { signal: 'rate-limited', windows: [] },
};
const withWindow = (window: RateLimitWindow): ProviderResponse => ({
  output: 'fine',
  rateLimit: { windows: [window] },
});

/** Whether a promise has settled once pending microtasks ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return done;
}

async function take(limiter: EndpointLimiter, n: number): Promise<LimiterTicket[]> {
  const tickets: LimiterTicket[] = [];
  for (let i = 0; i < n; i++) tickets.push(await limiter.acquire({ retry: false }));
  return tickets;
}

describe('a ticket at once', () => {
  test('tryAcquire gives a ticket when a call may start now, and nothing when the window is full, a call waits or the signal aborted', async () => {
    const limiter = new EndpointLimiter(2);
    const first = limiter.tryAcquire({});
    expect(first).toMatchObject({ seq: 0 });
    const second = limiter.tryAcquire({});
    expect(second).toMatchObject({ seq: 1 });
    expect(limiter.tryAcquire({})).toBeUndefined(); // the window of 2 is full
    const waiting = limiter.acquire({ retry: false });
    limiter.release(first!, ok);
    // The freed room goes to the call that was waiting, not to one that asks after it.
    expect(limiter.tryAcquire({})).toBeUndefined();
    expect(await settled(waiting)).toBe(true);
    limiter.release(second!, ok);
    const stopped = new AbortController();
    stopped.abort(new Error('stop'));
    expect(limiter.tryAcquire({ signal: stopped.signal })).toBeUndefined();
    expect(limiter.tryAcquire({})).toMatchObject({ seq: 3 });
  });
});

describe('adaptive concurrency (AIMD)', () => {
  test('a 429 halves the window once per round of calls; calls sent after the cut can cut again', async () => {
    const limiter = new EndpointLimiter(8);
    const round = await take(limiter, 8);
    for (const ticket of round) limiter.release(ticket, limited);
    expect(limiter.stats()).toMatchObject({ window: 4, cuts: 1, throttled: 8 });
    const [next] = await take(limiter, 1);
    limiter.release(next!, { error: 'HTTP 529', transient: true, rateLimit: { signal: 'overloaded', windows: [] } });
    expect(limiter.stats()).toMatchObject({ window: 2, cuts: 2 });
  });

  test('the window bounds the calls in flight, and grows back with successes up to maxConcurrency', async () => {
    const limiter = new EndpointLimiter(4);
    const [first, ...rest] = await take(limiter, 4);
    limiter.release(first!, limited);
    expect(limiter.stats().window).toBe(2);
    // Three successes: 2 + 1/2 + 1/2.5 + 1/2.9 ≈ 3.24, so three calls may be in flight and not four.
    for (const ticket of rest) limiter.release(ticket, ok);
    expect(Math.floor(limiter.stats().window)).toBe(3);
    const held = await take(limiter, 3);
    const fourth = limiter.acquire({ retry: false });
    expect(await settled(fourth)).toBe(false);
    limiter.release(held[0], ok);
    expect(await settled(fourth)).toBe(true);
    for (const ticket of [held[1], held[2], await fourth]) limiter.release(ticket, ok);
    for (let i = 0; i < 100; i++) limiter.release(await limiter.acquire({ retry: false }), ok);
    expect(limiter.stats().window).toBe(4);
  });
});

describe('the shared pause and pacing', () => {
  test('a Retry-After on any answer holds every new call until it passes', async () => {
    const limiter = new EndpointLimiter(10);
    const [ticket] = await take(limiter, 1);
    limiter.release(ticket!, { ...limited, retryAfterMs: 30 });
    const waiting = [limiter.acquire({ retry: false }), limiter.acquire({ retry: true })];
    expect(await settled(Promise.race(waiting))).toBe(false);
    await Promise.all(waiting);
  });

  test('a window with nothing remaining paces the next call; one with room does not', async () => {
    const paced = new EndpointLimiter(10);
    const [a] = await take(paced, 1);
    paced.release(a!, withWindow({ unit: 'requests', limit: 10, remaining: 0, resetMs: 500 }));
    const next = paced.acquire({ retry: false });
    expect(await settled(next)).toBe(false);
    await next;

    const roomy = new EndpointLimiter(10);
    const [b] = await take(roomy, 1);
    roomy.release(b!, withWindow({ unit: 'requests', limit: 10, remaining: 5, resetMs: 500 }));
    expect(await settled(roomy.acquire({ retry: false }))).toBe(true);
  });

  test('calls sent after the answer was counted use up what the window reported', async () => {
    const limiter = new EndpointLimiter(10);
    const [first, ...later] = await take(limiter, 3);
    // The server had 2 left when it counted `first`; the two calls sent since have taken them.
    limiter.release(first!, withWindow({ unit: 'requests', limit: 100, remaining: 2, resetMs: 60_000 }));
    expect(await settled(limiter.acquire({ retry: false }))).toBe(false);
    void later;
  });

  test('a token window paces by the tokens calls have been using', async () => {
    const limiter = new EndpointLimiter(10);
    const [a] = await take(limiter, 1);
    limiter.release(a!, {
      output: 'x',
      tokenUsage: { prompt: 900, completion: 100, total: 1000 },
      rateLimit: { windows: [{ unit: 'tokens', limit: 100_000, remaining: 500, resetMs: 60_000 }] },
    });
    expect(await settled(limiter.acquire({ retry: false }))).toBe(false);
  });
});

test('a retry goes ahead of first attempts waiting for a slot', async () => {
  const limiter = new EndpointLimiter(1);
  const [held] = await take(limiter, 1);
  const order: string[] = [];
  const first = limiter.acquire({ retry: false }).then((t) => (order.push('first attempt'), t));
  const retry = limiter.acquire({ retry: true }).then((t) => (order.push('retry'), t));
  limiter.release(held!, ok);
  limiter.release(await retry, ok);
  await first;
  expect(order).toEqual(['retry', 'first attempt']);
});

test('an aborted wait leaves the queue', async () => {
  const limiter = new EndpointLimiter(1);
  const [held] = await take(limiter, 1);
  const controller = new AbortController();
  const waiting = limiter.acquire({ retry: false, signal: controller.signal });
  controller.abort(new Error('cancelled'));
  await expect(waiting).rejects.toThrow('cancelled');
  limiter.release(held!, ok);
  expect(await settled(limiter.acquire({ retry: false }))).toBe(true);
});

test('providers with one endpoint share a limiter; without one, each provider id has its own', () => {
  const limiters = new Limiters();
  const a = limiters.for({ id: 'openai:chat:a', endpoint: 'https://api.example/v1/chat/completions' }, 4);
  const b = limiters.for({ id: 'openai:chat:b', endpoint: 'https://api.example/v1/chat/completions' }, 4);
  expect(a).toBe(b);
  expect(limiters.for({ id: 'echo' }, 4)).not.toBe(a);
  expect(limiters.for({ id: 'echo' }, 4)).toBe(limiters.for({ id: 'echo' }, 4));
  // A later run with a lower maxConcurrency lowers the shared limiter's ceiling.
  expect(limiters.for({ id: 'echo' }, 2).stats().window).toBe(2);
});
