import { MemoryCache } from '../support/memory-cache.js';
import { runSuite, summarizeStats, type RunDeps } from '../../src/engine/run.js';
import { ConfigError } from '../../src/errors.js';
import type { CaseResult, Provider, ProviderResponse, ProviderSpec, Suite } from '../../src/types.js';
import { fakeProvider, makeSuite, makeTest, render, score, tick } from './support.js';

/** The engine with the in-test renderer and scorer, and sleeps recorded instead of waited. */
function run(suite: Suite, deps: Partial<RunDeps> & { providers: Provider[] }, sleeps: number[] = []) {
  return runSuite(suite, { render, score, sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, ...deps });
}

const words = (n: number) => Array.from({ length: n }, (_, i) => makeTest({ word: `w${i}` }, `w${i}`));

describe('runSuite: plan and order', () => {
  test('runs prompts × providers × tests × repeat and returns results in plan order', async () => {
    const suite = makeSuite(
      {
        prompts: [
          { id: 'say', label: 'say', raw: 'Say {{word}}' },
          { id: 'shout', label: 'shout', raw: 'SHOUT {{word}}' },
        ],
        tests: words(3),
      },
      { repeat: 2, maxConcurrency: 5 },
    );
    // Later cases answer sooner, so completion order is the reverse of plan order.
    const a = fakeProvider('a', undefined, (p) => 30 - Number(/w(\d)/.exec(p)![1]) * 10);
    const b = fakeProvider('b');
    const { results, stats } = await run(suite, { providers: [a, b] });
    expect(results.map((r) => [r.testIdx, r.promptId, r.provider, r.repeat])).toEqual(
      [0, 1, 2].flatMap((t) =>
        ['say', 'shout'].flatMap((p) => ['a', 'b'].flatMap((v) => [0, 1].map((r) => [t, p, v, r]))),
      ),
    );
    expect(results[4]).toMatchObject({ testIdx: 0, promptIdx: 1, prompt: 'SHOUT w0', output: 'SHOUT w0', pass: true });
    expect(stats).toEqual({ cases: 24, passed: 24, failed: 0, errors: 0, passRate: 1 });
  });

  test('deps.prompts replaces the suite prompts (the base revision of a PR)', async () => {
    const suite = makeSuite({ tests: words(1) });
    const basePrompt = { id: 'say', label: 'say', raw: 'Please say {{word}}', file: 'prompts/say.txt' };
    const { results } = await run(suite, { providers: [fakeProvider('echo')], prompts: [basePrompt] });
    expect(results[0]).toMatchObject({ prompt: 'Please say w0', output: 'Please say w0' });
  });

  test('reports progress once per case, ending at the total', async () => {
    const progress: Array<[number, number]> = [];
    await run(makeSuite({ tests: words(5) }), {
      providers: [fakeProvider('echo')],
      onProgress: (d, t) => progress.push([d, t]),
    });
    expect(progress).toEqual([1, 2, 3, 4, 5].map((d) => [d, 5]));
  });

  test('an empty plan gives no results and a pass rate of 0', async () => {
    const { results, stats } = await run(makeSuite({ tests: [] }), { providers: [fakeProvider('echo')] });
    expect(results).toEqual([]);
    expect(stats).toEqual({ cases: 0, passed: 0, failed: 0, errors: 0, passRate: 0 });
  });

  test('labels tell providers apart in results', async () => {
    const labelled = { ...fakeProvider('openai:chat:gpt-4o-mini'), label: 'mini-hot' };
    const { results } = await run(makeSuite(), { providers: [labelled] });
    expect(results[0].provider).toBe('mini-hot');
  });
});

describe('runSuite: include (one shard of the plan)', () => {
  // 3 tests × 2 providers × repeat 2 = 12 cases; mixed failures so the stats have something to count.
  const suite = () =>
    makeSuite({ tests: [...words(2), makeTest({ word: 'w2' }, 'absent')] }, { repeat: 2, maxConcurrency: 3 });
  const providers = () => [fakeProvider('a'), fakeProvider('b')];
  const key = (r: CaseResult) => [r.testIdx, r.provider, r.repeat];

  test('runs only the included cases, in plan order, with progress and stats over them alone', async () => {
    const progress: Array<[number, number]> = [];
    const [a, b] = providers();
    const { results, stats } = await run(suite(), {
      providers: [a!, b!],
      include: (planned) => planned.index % 2 === 0,
      onProgress: (d, t) => progress.push([d, t]),
    });
    // Even plan positions are repeat 0 of every test × provider.
    expect(results.map(key)).toEqual([0, 1, 2].flatMap((t) => ['a', 'b'].map((p) => [t, p, 0])));
    expect(a!.calls).toEqual(['Say w0', 'Say w1', 'Say w2']);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6].map((d) => [d, 6]));
    expect(stats).toEqual({ cases: 6, passed: 4, failed: 2, errors: 0, passRate: 4 / 6 });
  });

  test('two complementary filters together give exactly the unfiltered run', async () => {
    const inShard = (planned: { testIdx: number; providerIdx: number }) =>
      (planned.testIdx + planned.providerIdx) % 2 === 1;
    const all = await run(suite(), { providers: providers() });
    const one = await run(suite(), { providers: providers(), include: inShard });
    const other = await run(suite(), { providers: providers(), include: (planned) => !inShard(planned) });
    expect(one.results.length).toBeGreaterThan(0);
    expect(other.results.length).toBeGreaterThan(0);
    const merged = [...one.results, ...other.results].sort(
      (x, y) => all.results.findIndex((r) => sameCase(r, x)) - all.results.findIndex((r) => sameCase(r, y)),
    );
    expect(merged.map(withoutLatency)).toEqual(all.results.map(withoutLatency));
  });

  test('a filter that keeps nothing calls nothing', async () => {
    const [a, b] = providers();
    const { results, stats } = await run(suite(), { providers: [a!, b!], include: () => false });
    expect(results).toEqual([]);
    expect(stats.cases).toBe(0);
    expect([...a!.calls, ...b!.calls]).toEqual([]);
  });
});

const sameCase = (x: CaseResult, y: CaseResult) =>
  x.testIdx === y.testIdx && x.promptIdx === y.promptIdx && x.provider === y.provider && x.repeat === y.repeat;
const withoutLatency = ({ latencyMs: _latency, ...rest }: CaseResult) => rest;

describe('runSuite: concurrency', () => {
  test.each([1, 3, 8])('never has more than maxConcurrency=%i calls in flight', async (limit) => {
    const provider = fakeProvider('slow', undefined, () => 3);
    await run(makeSuite({ tests: words(40) }, { maxConcurrency: limit }), { providers: [provider] });
    expect(provider.calls).toHaveLength(40);
    expect(provider.peakInFlight).toBe(limit);
  });

  test('grader calls share the limit', async () => {
    let inFlight = 0;
    let peak = 0;
    const grader: Provider = {
      id: 'grader',
      cacheIdentity: '{}',
      async callApi() {
        peak = Math.max(peak, ++inFlight);
        await tick(2);
        inFlight--;
        return { output: 'yes' };
      },
    };
    const tests = words(20).map((t) => ({ ...t, assert: [{ type: 'graded', provider: 'grader' }] }));
    const { stats } = await run(makeSuite({ tests }, { maxConcurrency: 2 }), {
      providers: [fakeProvider('echo')],
      resolveProviders: async () => [grader],
    });
    expect(stats.passed).toBe(20);
    expect(peak).toBe(2);
  });

  test('keeps a bounded number of cases in flight over 10,000 cases', async () => {
    let started = 0;
    let done = 0;
    let peakOpen = 0;
    const countingRender: typeof render = (prompt, vars) => {
      peakOpen = Math.max(peakOpen, ++started - done);
      return render(prompt, vars);
    };
    const tests = Array.from({ length: 2500 }, (_, i) => makeTest({ word: `w${i}` }, 'w'));
    const suite = makeSuite({ tests }, { maxConcurrency: 50, repeat: 4 });
    const { stats } = await run(suite, {
      providers: [fakeProvider('echo')],
      render: countingRender,
      onProgress: (d) => (done = d),
    });
    expect(stats.cases).toBe(10_000);
    expect(stats.passed).toBe(10_000);
    expect(peakOpen).toBeLessThanOrEqual(50 + 64);
  });
});

describe('runSuite: failures are errors, not fails', () => {
  const http500: ProviderResponse = { error: 'HTTP 500 Internal Server Error', transient: true };

  test.each<[string, (prompt: string, attempt: number) => ProviderResponse, Partial<CaseResult>, number[]]>([
    [
      '429 then success',
      (p, n) => (n === 1 ? { error: 'HTTP 429', transient: true } : { output: p }),
      { pass: true },
      [250],
    ],
    [
      'Retry-After honoured',
      (p, n) => (n === 1 ? { error: 'HTTP 429', transient: true, retryAfterMs: 2000 } : { output: p }),
      { pass: true },
      [2000],
    ],
    [
      '500 every time → error after maxRetries, with the reason',
      () => http500,
      { pass: false, score: 0, output: null, error: 'flaky: HTTP 500 Internal Server Error (after 3 attempts)' },
      [250, 500],
    ],
    [
      'a permanent error is not retried',
      () => ({ error: 'HTTP 404 model not found' }),
      { pass: false, error: 'flaky: HTTP 404 model not found (after 1 attempt)' },
      [],
    ],
  ])('%s', async (_name, answer, expected, expectedSleeps) => {
    const sleeps: number[] = [];
    const { results } = await run(makeSuite(), { providers: [fakeProvider('flaky', answer)] }, sleeps);
    expect(results[0]).toMatchObject(expected);
    expect(sleeps).toEqual(expectedSleeps);
  });

  test('callApi throwing is retried like a transient failure', async () => {
    const provider = fakeProvider('throws', (p, n) => {
      if (n < 3) throw new Error('socket hang up');
      return { output: p };
    });
    const { results } = await run(makeSuite(), { providers: [provider] });
    expect(results[0]).toMatchObject({ pass: true, output: 'Say hi' });
    expect(provider.calls).toHaveLength(3);
  });

  test('a call that keeps timing out is retried, then becomes an error', async () => {
    const provider = fakeProvider('hangs', () => new Promise<ProviderResponse>(() => {}));
    const { results, stats } = await run(makeSuite({}, { timeoutMs: 15, maxRetries: 1 }), { providers: [provider] });
    expect(provider.calls).toHaveLength(2);
    expect(results[0]).toMatchObject({ error: 'hangs: timed out after 15 ms (after 2 attempts)', output: null });
    expect(stats).toMatchObject({ errors: 1, failed: 0 });
  });

  test('counts passes, fails and errors apart; errors count against the pass rate', async () => {
    const tests = [
      makeTest({ word: 'ok' }, 'ok'),
      makeTest({ word: 'ok' }, 'missing'),
      makeTest({ word: 'boom' }, 'boom'),
      makeTest({ word: 'ok' }, 'ok', { assert: [{ type: 'cannot-run' }] }),
    ];
    const provider = fakeProvider('p', (prompt) =>
      prompt.includes('boom') ? { error: 'HTTP 400' } : { output: prompt },
    );
    const { stats, results } = await run(makeSuite({ tests }), { providers: [provider] });
    expect(stats).toEqual({ cases: 4, passed: 1, failed: 1, errors: 2, passRate: 0.25 });
    expect(results[3]).toMatchObject({ error: 'grader call failed: HTTP 401', output: 'Say ok', pass: false });
  });

  test('a scorer that throws makes the case an error', async () => {
    const { results } = await run(makeSuite(), {
      providers: [fakeProvider('echo')],
      score: async () => Promise.reject(new Error('unknown assertion type "contans"')),
    });
    expect(results[0].error).toBe('assertions could not run: unknown assertion type "contans"');
  });

  test('a render failure is an error for that case; a ConfigError stops the run', async () => {
    const providers = [fakeProvider('echo')];
    const broken = await run(makeSuite(), {
      providers,
      render: () => {
        throw new Error('undefined var');
      },
    });
    expect(broken.results[0].error).toBe('could not render prompt "say": undefined var');
    const located = new ConfigError({ file: 'prompts/say.txt', line: 1, column: 5 }, 'unexpected "}}"');
    await expect(
      run(makeSuite(), {
        providers,
        render: () => {
          throw located;
        },
      }),
    ).rejects.toBe(located);
    expect(providers[0].calls).toHaveLength(0);
  });

  test('aborting the run rejects it and stops calling', async () => {
    const controller = new AbortController();
    const provider = fakeProvider('slow', undefined, () => 5);
    const pending = run(makeSuite({ tests: words(200) }, { maxConcurrency: 2 }), {
      providers: [provider],
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error('cancelled')), 20);
    await expect(pending).rejects.toThrow('cancelled');
    expect(provider.calls.length).toBeLessThan(200);
  });
});

describe('runSuite: transform', () => {
  test('scores the transformed output and reports it', async () => {
    const tests = [makeTest({ word: 'hi' }, 'SAY HI', { options: { transform: 'output.toUpperCase()' } })];
    const { results } = await run(makeSuite({ tests }), { providers: [fakeProvider('echo')] });
    expect(results[0]).toMatchObject({ pass: true, output: 'SAY HI' });
  });

  test('sees context.vars and context.prompt', async () => {
    const transform = 'return `${context.prompt.id}/${context.vars.word}: ${output}`\n';
    const tests = [makeTest({ word: 'hi' }, 'say/hi: Say hi', { options: { transform } })];
    const { results } = await run(makeSuite({ tests }), { providers: [fakeProvider('echo')] });
    expect(results[0].pass).toBe(true);
  });

  test('a transform that throws makes the case an error, keeping the raw output', async () => {
    const tests = [makeTest({ word: 'hi' }, 'x', { options: { transform: 'JSON.parse(output).answer' } })];
    const { results, stats } = await run(makeSuite({ tests }), { providers: [fakeProvider('echo')] });
    expect(results[0]).toMatchObject({ output: 'Say hi', pass: false, score: 0 });
    expect(results[0].error).toMatch(/^transform failed: .*JSON/);
    expect(stats.errors).toBe(1);
  });
});

describe('runSuite: cache', () => {
  test('a second run is served from the cache without calling the provider', async () => {
    const cache = new MemoryCache();
    const suite = makeSuite({ tests: words(3) }, { repeat: 2 });
    const provider = fakeProvider(
      'echo',
      (p) => ({ output: p, tokenUsage: { prompt: 2, completion: 3 }, cost: 0.5 }),
      () => 2,
    );
    const first = await run(suite, { providers: [provider], cache });
    expect(provider.calls).toHaveLength(6);
    expect(first.results.every((r) => !r.cached && r.latencyMs >= 0)).toBe(true);

    const second = await run(suite, { providers: [provider], cache });
    expect(provider.calls).toHaveLength(6);
    expect(second.results.map((r) => [r.cached, r.latencyMs])).toEqual(Array(6).fill([true, 0]));
    expect(second.results[0]).toMatchObject({
      output: 'Say w0',
      pass: true,
      tokens: { prompt: 2, completion: 3, total: 5 },
      cost: 0.5,
    });
  });

  test('each repeat is a separate entry: repeats are samples, not replays', async () => {
    const cache = new MemoryCache();
    let n = 0;
    const provider = fakeProvider('sampler', () => ({ output: `sample ${n++}` }));
    const suite = makeSuite({}, { repeat: 3 });
    await run(suite, { providers: [provider], cache });
    const { results } = await run(suite, { providers: [provider], cache });
    expect(results.map((r) => r.output)).toEqual(['sample 0', 'sample 1', 'sample 2']);
  });

  test('errors are not cached: the next run calls again', async () => {
    const cache = new MemoryCache();
    const provider = fakeProvider('down', () => ({ error: 'HTTP 400' }));
    await run(makeSuite(), { providers: [provider], cache });
    await run(makeSuite(), { providers: [provider], cache });
    expect(provider.calls).toHaveLength(2);
    expect(cache.stats()).toEqual({ hits: 0, misses: 2, writes: 0 });
  });

  test('a cache hit does not wait behind a slow call', async () => {
    const cache = new MemoryCache();
    const suite = makeSuite(
      { tests: [makeTest({ word: 'slow' }, 'slow'), makeTest({ word: 'fast' }, 'fast')] },
      { maxConcurrency: 1 },
    );
    await run({ ...suite, tests: [suite.tests[1]] }, { providers: [fakeProvider('p')], cache });

    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const provider = fakeProvider('p', async (p) => {
      await gate;
      return { output: p };
    });
    const finished: number[] = [];
    const pending = run(suite, { providers: [provider], cache, onProgress: (d) => finished.push(d) });
    await tick(20);
    expect(finished).toEqual([1]); // the cached case finished while the only slot is held
    release();
    const { results } = await pending;
    expect(results.map((r) => [r.output, r.cached])).toEqual([
      ['Say slow', false],
      ['Say fast', true],
    ]);
  });

  test('without a cache, only maxConcurrency cases are under way; with one, more are (their hits skip the slots)', async () => {
    const suite = makeSuite({ tests: words(20) }, { maxConcurrency: 2 });
    const underWay = async (cache: MemoryCache | undefined) => {
      let rendered = 0;
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const provider = fakeProvider('p', async (p) => {
        await held;
        return { output: p };
      });
      const pending = run(suite, {
        providers: [provider],
        ...(cache ? { cache } : {}),
        render: (prompt, vars) => (rendered++, render(prompt, vars)),
      });
      await tick(20);
      const started = rendered;
      release();
      const { stats } = await pending;
      expect(stats.passed).toBe(20);
      return started;
    };
    expect(await underWay(undefined)).toBe(2);
    expect(await underWay(new MemoryCache())).toBe(20);
  });
});

describe('runSuite: grading provider', () => {
  const yes: Provider = { id: 'judge', cacheIdentity: '{}', callApi: async () => ({ output: 'yes' }) };

  test('defaults to the first provider', async () => {
    const first = fakeProvider('first', (p) => ({ output: p.startsWith('Grade') ? 'yes' : p }));
    const tests = [makeTest({ word: 'x' }, '', { assert: [{ type: 'graded' }] })];
    const { results } = await run(makeSuite({ tests }), { providers: [first, fakeProvider('second')] });
    expect(results.map((r) => r.pass)).toEqual([true, true]);
    expect(first.calls.filter((c) => c.startsWith('Grade'))).toHaveLength(2);
  });

  test('resolves an override once, relative to the suite root, from the test options or the assertion', async () => {
    const requested: Array<[ProviderSpec[], string]> = [];
    const resolveProviders = async (specs: ProviderSpec[], options: { rootDir: string }) => {
      requested.push([specs, options.rootDir]);
      return [yes];
    };
    const tests = [
      ...words(3).map((t) => ({ ...t, assert: [{ type: 'graded' }], options: { provider: 'openai:chat:judge' } })),
      makeTest({ word: 'y' }, '', {
        assert: [{ type: 'graded', provider: { id: 'file://judge.mjs', config: { t: 0 } } }],
      }),
    ];
    const { stats } = await run(makeSuite({ tests }), { providers: [fakeProvider('echo')], resolveProviders });
    expect(stats.passed).toBe(4);
    expect(requested).toEqual([
      [[{ id: 'openai:chat:judge', config: {} }], '/repo/evals'],
      [[{ id: 'file://judge.mjs', config: { t: 0 } }], '/repo/evals'],
    ]);
  });
});

describe('summarizeStats', () => {
  const result = (pass: boolean, error?: string) => ({ pass, ...(error ? { error } : {}) }) as CaseResult;
  test.each([
    [[], { cases: 0, passed: 0, failed: 0, errors: 0, passRate: 0 }],
    [[result(true), result(true), result(false)], { cases: 3, passed: 2, failed: 1, errors: 0, passRate: 2 / 3 }],
    [[result(true), result(false, 'HTTP 500')], { cases: 2, passed: 1, failed: 0, errors: 1, passRate: 0.5 }],
  ])('%j', (results, expected) => {
    expect(summarizeStats(results)).toEqual(expected);
  });
});

describe('runSuite: cancelling during a backoff', () => {
  test('does not wait out a long Retry-After', async () => {
    const controller = new AbortController();
    const provider = fakeProvider('busy', () => ({ error: 'HTTP 429', transient: true, retryAfterMs: 60_000 }));
    // The real sleep this time: without the abort ending it, this test would outlive its timeout.
    const pending = runSuite(makeSuite(), { providers: [provider], render, score, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('cancelled')), 20);
    await expect(pending).rejects.toThrow('cancelled');
    expect(provider.calls).toHaveLength(1);
  });
});
