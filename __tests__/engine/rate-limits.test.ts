// The engine against loopback servers that limit their rate, and graders that fault or hang: real providers
// (OpenAI and Anthropic wire formats) and the real assertion registry, over HTTP. No timing is asserted.
import { MemoryCache } from '../support/memory-cache.js';
import { runSuite } from '../../src/engine/run.js';
import { resolveProviders } from '../../src/providers/index.js';
import type { Provider, ProviderSpec, Suite } from '../../src/types.js';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server.js';
import { makeSuite, makeTest, render } from './support.js';

let server: FakeModelServer;
afterEach(() => server?.close());

const env = { OPENAI_API_KEY: 'test-key', ANTHROPIC_API_KEY: 'test-key' };

function specFor(api: 'openai' | 'anthropic', url: string): ProviderSpec {
  return api === 'openai'
    ? { id: 'openai:chat:gpt-4o-mini', config: { apiBaseUrl: `${url}/v1` } }
    : { id: 'anthropic:messages:claude-3-5-haiku-latest', config: { apiBaseUrl: url } };
}

async function providersFor(specs: ProviderSpec[]): Promise<Provider[]> {
  return resolveProviders(specs, { rootDir: '/repo/evals', env });
}

function runReal(suite: Suite, providers: Provider[]) {
  return runSuite(suite, { providers, render, env, resolveProviders: (specs) => providersFor(specs) });
}

const words = (n: number) => Array.from({ length: n }, (_, i) => makeTest({ word: `w${i}` }, `w${i}`));

describe('a provider that limits its rate', () => {
  test.each(['openai', 'anthropic'] as const)(
    '%s: no case becomes an error, though the limit bit and no fault retries were allowed',
    async (api) => {
      // 60 cases through 20 workers against a burst of 5: far more than the server allows at once.
      server = await startFakeModelServer({ rateLimit: { perSecond: 400, burst: 5 }, latencyMs: 5 });
      const suite = makeSuite({ tests: words(60) }, { maxConcurrency: 20, maxRetries: 0, timeoutMs: 10_000 });
      const { stats, results } = await runReal(suite, await providersFor([specFor(api, server.url)]));
      expect(results.filter((r) => r.error).map((r) => r.error)).toEqual([]);
      expect(stats).toMatchObject({ cases: 60, passed: 60, errors: 0 });
      expect(server.limitedCount).toBeGreaterThan(0);
    },
  );

  test('529 overloaded answers are waited out, not counted as faults', async () => {
    server = await startFakeModelServer();
    server.fail(529, 529, 529);
    const suite = makeSuite({ tests: words(3) }, { maxConcurrency: 1, maxRetries: 0, timeoutMs: 10_000 });
    const { stats } = await runSuite(suite, {
      providers: await providersFor([specFor('anthropic', server.url)]),
      render,
      sleep: async () => {},
    });
    expect(stats).toMatchObject({ passed: 3, errors: 0 });
    expect(server.requestCount).toBe(6);
  });

  test('past its rate-limit budget a case is an error that says why', async () => {
    server = await startFakeModelServer();
    server.fail(...Array.from({ length: 50 }, () => ({ kind: 'status' as const, status: 429, retryAfter: '0' })));
    const suite = makeSuite(
      { tests: words(1) },
      { maxConcurrency: 1, maxRetries: 4, timeoutMs: 10_000, maxRateLimitWaitMs: 0 },
    );
    const { results } = await runSuite(suite, {
      providers: await providersFor([specFor('openai', server.url)]),
      render,
      sleep: async () => {},
    });
    expect(results[0].error).toMatch(/HTTP 429.*still rate limited.*maxRateLimitWaitMs/);
    expect(results[0].pass).toBe(false);
  });
});

describe('graders go through the engine', () => {
  const graded = (n: number, graderSpec: ProviderSpec) =>
    Array.from({ length: n }, (_, i) =>
      makeTest({ word: `w${i}` }, '', {
        assert: [{ type: 'llm-rubric', value: 'says a word' }],
        options: { provider: graderSpec },
      }),
    );

  /** The model under test is the echo provider; the grader is an OpenAI model on the loopback server. */
  async function gradedRun(n: number, options: Partial<Suite['evaluateOptions']>) {
    const suite = makeSuite({ tests: graded(n, specFor('openai', server.url)) }, options);
    return runSuite(suite, {
      providers: await providersFor([{ id: 'echo', config: {} }]),
      render,
      env,
      resolveProviders: (specs) => providersFor(specs),
      sleep: async () => {},
    });
  }

  const verdict = () => '{"pass": true, "score": 1, "reason": "it says a word"}';

  test('a grader that answers 503 once is retried, and every case is decided', async () => {
    server = await startFakeModelServer({ responder: verdict });
    server.fail(503);
    const { results, stats } = await gradedRun(12, { maxConcurrency: 4, maxRetries: 2, timeoutMs: 10_000 });
    expect(results.filter((r) => r.error).map((r) => r.error)).toEqual([]);
    expect(stats).toMatchObject({ cases: 12, passed: 12, errors: 0 });
    expect(server.requestCount).toBe(13);
  });

  test('a grader that never answers times out, and the case is an error, not a fail', async () => {
    server = await startFakeModelServer({ responder: verdict });
    server.fail('hang', 'hang');
    const { results, stats } = await gradedRun(1, { maxConcurrency: 1, maxRetries: 1, timeoutMs: 200 });
    expect(results[0].error).toMatch(/llm-rubric grader .* timed out after 200 ms \(after 2 attempts\)/);
    expect(stats).toMatchObject({ errors: 1, failed: 0 });
  });

  test('a timed-out attempt gives its HTTP request up: the connection of each hung call is closed', async () => {
    server = await startFakeModelServer();
    server.fail('hang', 'hang');
    const suite = makeSuite({ tests: words(1) }, { maxConcurrency: 1, maxRetries: 1, timeoutMs: 200 });
    const { results } = await runReal(suite, await providersFor([specFor('openai', server.url)]));
    expect(results[0].error).toMatch(/timed out after 200 ms \(after 2 attempts\)/);
    expect(server.connectionCount).toBe(2);
    // The client destroys each request when its attempt's signal aborts; the server sees the close soon after.
    for (let i = 0; i < 100 && server.openConnections > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(server.openConnections).toBe(0);
  });

  test("grader answers are cached like the model's own", async () => {
    server = await startFakeModelServer({ responder: verdict });
    const cache = new MemoryCache();
    const suite = makeSuite({ tests: graded(3, specFor('openai', server.url)) }, { maxConcurrency: 2 });
    const deps = {
      providers: await providersFor([{ id: 'echo', config: {} }]),
      render,
      env,
      cache,
      resolveProviders: (specs: ProviderSpec[]) => providersFor(specs),
    };
    await runSuite(suite, deps);
    const second = await runSuite(suite, deps);
    expect(server.requestCount).toBe(3);
    expect(second.stats).toMatchObject({ passed: 3, errors: 0 });
  });
});
