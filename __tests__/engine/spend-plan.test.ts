// The spend plan (made before any call) and the budget over it: through the engine's planner, and through
// `promptgate eval` against a loopback OpenAI server, which must see no request when a run is over budget.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/run.js';
import type { CliIo } from '../../src/cli/io.js';
import { sampleFilter } from '../../src/engine/budget.js';
import { cacheKey } from '../../src/engine/cache.js';
import { MemoryCache } from '../support/memory-cache.js';
import { budgetExcess, planSuiteSpend, spendTotals } from '../../src/engine/spend-plan.js';
import { spendPlanText } from '../../src/report/spend-plan.js';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server.js';
import { fakeProvider, makeSuite, makeTest, render } from './support.js';

describe('planSuiteSpend', () => {
  test('counts calls per provider, what the cache answers, grader calls, tokens and cost', async () => {
    const priced = { ...fakeProvider('priced'), price: { input: 1e-6, output: 2e-6 }, maxOutputTokens: 100 };
    const unpriced = fakeProvider('unpriced');
    const grader = { ...fakeProvider('grader'), price: { input: 1e-6, output: 1e-6 } };
    const tests = [
      makeTest({ word: 'aaaa' }, 'aaaa'),
      makeTest({ word: 'bbbb' }, 'bbbb', { assert: [{ type: 'llm-rubric', value: 'is polite' }] }),
    ];
    const suite = makeSuite({ tests }, { repeat: 2 });
    const cache = new MemoryCache();
    const key = cacheKey({
      providerId: 'priced',
      cacheIdentity: priced.cacheIdentity,
      renderedPrompt: 'Say aaaa',
      repeat: 0,
    });
    await cache.set(key, { output: 'aaaa', tokenUsage: { prompt: 2, completion: 40, total: 42 } });

    const plan = await planSuiteSpend({
      suite,
      providers: [priced, unpriced],
      cache,
      render,
      gradingProvider: async () => grader,
    });
    const line = (name: string) => plan.lines.find((l) => l.provider === name)!;
    expect(line('priced')).toMatchObject({ role: 'model', planned: 4, cached: 1, outputBasis: 'cache' });
    // "Say bbbb" is 8 characters: 2 tokens a call; output from the one cached answer (40 tokens).
    expect(line('priced')).toMatchObject({ promptTokens: 6, completionTokens: 120 });
    expect(line('priced').cost).toBeCloseTo(6e-6 + 240e-6);
    expect(line('unpriced')).toMatchObject({ planned: 4, cached: 0, outputBasis: 'assumed' });
    expect(line('unpriced').cost).toBeUndefined();
    // Two providers × repeat 2 of the graded test: four grader calls, never counted as cached.
    expect(line('grader')).toMatchObject({ role: 'grader', planned: 4, cached: 0 });
    expect(callsTo([priced, unpriced, grader])).toBe(0);

    expect(spendTotals(plan)).toMatchObject({ calls: 11, cached: 1, unpriced: ['unpriced'] });
    expect(budgetExcess(plan, { maxCalls: 10 })).toEqual({ limit: 'max-calls', planned: 11, allowed: 10 });
    expect(budgetExcess(plan, { maxCalls: 11 })).toBeUndefined();
    expect(spendPlanText({ plan })).toMatch(/priced\s+4\s+1\s+3/);
  });

  test("a test's graders given per kind ({ text, embedding }): the text one is counted for llm-rubric", async () => {
    const grader = fakeProvider('text-grader');
    const provider = { text: 'text-grader', embedding: 'openai:embedding:e' };
    const graded = makeTest({ word: 'a' }, 'a', {
      assert: [{ type: 'llm-rubric', value: 'ok' }],
      options: { provider },
    });
    const plan = await planSuiteSpend({
      suite: makeSuite({ tests: [graded] }),
      providers: [fakeProvider('model')],
      cache: new MemoryCache(),
      render,
      gradingProvider: async (spec) => {
        if (spec !== 'text-grader') throw new Error(`no grader ${JSON.stringify(spec)}`);
        return grader;
      },
    });
    expect(plan.lines.find((l) => l.provider === 'text-grader')).toMatchObject({ role: 'grader', planned: 1 });
  });

  test("an assert-set's graded assertions are counted, each with its own grader", async () => {
    const text = fakeProvider('text-grader');
    const own = fakeProvider('own-grader');
    const graded = makeTest({ word: 'a' }, 'a', {
      assert: [
        {
          type: 'assert-set',
          assert: [
            { type: 'llm-rubric', value: 'ok' }, // 1 per case, the test's grader
            { type: 'factuality', value: 'a', provider: 'own-grader' }, // 1 per case, its own
            { type: 'contains', value: 'a' }, // none
          ],
        },
        { type: 'llm-rubric', value: 'short' },
      ],
      options: { provider: 'text-grader' },
    });
    const plan = await planSuiteSpend({
      suite: makeSuite({ tests: [graded] }),
      providers: [fakeProvider('model')],
      cache: new MemoryCache(),
      render,
      gradingProvider: async (spec) => (spec === 'own-grader' ? own : text),
    });
    const planned = (name: string) => plan.lines.find((l) => l.provider === name)?.planned;
    expect([planned('text-grader'), planned('own-grader')]).toEqual([2, 1]);
  });

  test('every model-graded type counts the grader calls it makes: per case, and select-best once per test', async () => {
    const grader = fakeProvider('grader');
    const graded = makeTest({ word: 'a' }, 'a', {
      assert: [
        { type: 'factuality', value: 'a' }, // 1 per case
        { type: 'g-eval', value: ['clear', 'short'] }, // steps + score per criterion: 4 per case
        { type: 'context-faithfulness', value: '' }, // statements + verdicts: 2 per case
        { type: 'answer-relevance', value: '' }, // three guessed questions: 3 per case
        { type: 'select-best', value: 'the best' }, // once for the test, over both providers' outputs
        { type: 'contains', value: 'a' }, // none
      ],
    });
    const plan = await planSuiteSpend({
      suite: makeSuite({ tests: [graded] }),
      providers: [fakeProvider('model-a'), fakeProvider('model-b')],
      cache: new MemoryCache(),
      render,
      gradingProvider: async () => grader,
    });
    expect(plan.lines.find((l) => l.provider === 'grader')).toMatchObject({ planned: 2 * (1 + 4 + 2 + 3) + 1 });
  });

  test('a sample keeps the same cases whatever else the plan holds (base and head pair up)', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `case-${i}`);
    const keep = sampleFilter(0.25)(ids)!;
    const kept = ids.filter((_, index) => keep({ index, testIdx: index, promptIdx: 0, providerIdx: 0, repeat: 0 }));
    expect(kept.length).toBeGreaterThan(50);
    expect(kept.length).toBeLessThan(150);
    const fewer = ids.slice(0, 200);
    const keepFewer = sampleFilter(0.25)(fewer)!;
    const keptFewer = fewer.filter((_, index) =>
      keepFewer({ index, testIdx: index, promptIdx: 0, providerIdx: 0, repeat: 0 }),
    );
    expect(keptFewer).toEqual(kept.filter((id) => fewer.includes(id)));
  });
});

function callsTo(providers: Array<{ calls: string[] }>): number {
  return providers.reduce((n, p) => n + p.calls.length, 0);
}

describe('promptgate eval with a budget', () => {
  let server: FakeModelServer;
  afterEach(() => server?.close());

  async function evalCli(args: string[]) {
    server = await startFakeModelServer();
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'promptgate-budget-'));
    const tests = Array.from(
      { length: 6 },
      (_, i) => `  - vars: { word: w${i} }\n    assert: [{ type: contains, value: w${i} }]`,
    );
    await writeFile(
      path.join(cwd, 'promptgate.yaml'),
      `prompts: ["Say {{ word }}"]\nproviders:\n  - id: openai:chat:gpt-4o-mini\n    config: { apiBaseUrl: "${server.url}/v1" }\ntests:\n${tests.join('\n')}\n`,
    );
    const out: string[] = [];
    const err: string[] = [];
    const info: string[] = [];
    const io: CliIo = {
      cwd,
      env: { OPENAI_API_KEY: 'test-key' },
      isTTY: false,
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      logger: { debug() {}, info: (m) => info.push(m), warn() {} },
      progress: () => {},
    };
    const code = await runCli(['eval', '--no-cache', ...args], io);
    return { code, stdout: out.join('\n'), stderr: err.join('\n'), info: [...out, ...info].join('\n') };
  }

  test('over max-calls: stops before the first call, with the plan and a message saying what to change', async () => {
    const result = await evalCli(['--max-calls', '5']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/would make 6 provider calls, more than max-calls \(5\), so no call was made/);
    expect(result.info).toMatch(/spend plan \(before any call\)/);
    expect(result.info).toMatch(/openai:chat:gpt-4o-mini\s+6\s+0\s+6/);
    expect(server.requestCount).toBe(0);
  });

  test('over max-cost: stops before the first call', async () => {
    const result = await evalCli(['--max-cost', '0.000001']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/more than max-cost \(\$0\.000001\)/);
    expect(server.requestCount).toBe(0);
  });

  test('over budget with sample: runs a deterministic sample that fits, and says so', async () => {
    const first = await evalCli(['--max-calls', '3', '--over-budget', 'sample']);
    expect(first.code).toBe(0);
    expect(first.info).toMatch(/over-budget is "sample", so a deterministic sample of [\d.]+% of the cases runs/);
    const made = server.requestCount;
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThanOrEqual(3);
    const firstPrompts = server.requests.map((r) => JSON.stringify(r.body.messages)).sort();
    await server.close();
    const second = await evalCli(['--max-calls', '3', '--over-budget', 'sample']);
    expect(second.code).toBe(0);
    expect(server.requests.map((r) => JSON.stringify(r.body.messages)).sort()).toEqual(firstPrompts);
  });

  test('within budget: every case runs, and the plan was told first', async () => {
    const result = await evalCli(['--max-calls', '6']);
    expect(result.code).toBe(0);
    expect(server.requestCount).toBe(6);
    expect(result.info).toMatch(/6 calls to make, 0 answered by the cache; estimated cost \$0\.00\d+/);
  });
});
