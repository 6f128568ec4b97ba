// In-test building blocks for the engine: suites as plain objects, providers as plain objects with
// scripted answers and latency, a tiny renderer and scorer standing in for the real ones.
import type { ScoreContext, TestScore } from '../../src/assertions/index.js';
import { fileLocator } from '../../src/config/source.js';
import type { Prompt, Provider, ProviderResponse, Suite, TestCase } from '../../src/types.js';

export function makeTest(vars: Record<string, unknown>, expected: string, extra: Partial<TestCase> = {}): TestCase {
  return { vars, assert: [{ type: 'contains', value: expected }], options: {}, ...extra };
}

export function makeSuite(overrides: Partial<Suite> = {}, options: Partial<Suite['evaluateOptions']> = {}): Suite {
  return {
    configPath: '/repo/evals/promptgate.yaml',
    rootDir: '/repo/evals',
    prompts: [{ id: 'say', label: 'say', raw: 'Say {{word}}' }],
    writtenPrompts: {
      entries: [{ id: 'say', raw: 'Say {{word}}' }],
      locator: fileLocator('promptgate.yaml'),
      globs: [],
    },
    providers: [{ id: 'echo', config: {} }],
    tests: [makeTest({ word: 'hi' }, 'hi')],
    evaluateOptions: { maxConcurrency: 4, repeat: 1, timeoutMs: 0, maxRetries: 2, ...options },
    gate: { ship: 0.9, fix: 0.5, alpha: 0.05, maxErrorRate: 0.1 },
    referencedFiles: [],
    ...overrides,
  };
}

/** `{{name}}` substitution: enough to make each case's prompt distinct. */
export function render(prompt: Prompt, vars: Record<string, unknown>): string {
  return prompt.raw.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name]));
}

/**
 * `contains` checks the output; `graded` asks the grading provider and passes on "yes";
 * `cannot-run` reports an assertion error, as a failed grader call would.
 */
export async function score(ctx: ScoreContext): Promise<TestScore> {
  const assertions = [];
  for (const assertion of ctx.test.assert) {
    if (assertion.type === 'cannot-run') {
      return { pass: false, score: 0, reason: '', assertions: [], error: 'grader call failed: HTTP 401' };
    }
    let pass: boolean;
    if (assertion.type === 'graded') {
      const grader = await ctx.gradingProvider(assertion.provider);
      const verdict = await grader.callApi(`Grade: ${String(ctx.output)}`, {
        vars: ctx.vars,
        prompt: { id: 'g', label: 'g', raw: '' },
      });
      pass = verdict.output === 'yes';
    } else {
      pass = String(ctx.output).includes(String(assertion.value));
    }
    assertions.push({ type: assertion.type, pass, score: pass ? 1 : 0, reason: pass ? 'ok' : 'missing' });
  }
  const pass = assertions.every((a) => a.pass);
  return { pass, score: pass ? 1 : 0, reason: pass ? 'all passed' : 'failed', assertions };
}

export const tick = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface FakeProvider extends Provider {
  calls: string[];
  peakInFlight: number;
}

/**
 * A provider that answers through `answer(prompt, attempt)` (attempt counts calls for that prompt,
 * from 1), after `latencyMs(prompt)`, counting calls and the peak number in flight.
 */
export function fakeProvider(
  id: string,
  answer: (prompt: string, attempt: number) => ProviderResponse | Promise<ProviderResponse> = (prompt) => ({
    output: prompt,
  }),
  latencyMs: (prompt: string) => number = () => 0,
): FakeProvider {
  let inFlight = 0;
  const attempts = new Map<string, number>();
  const provider: FakeProvider = {
    id,
    cacheIdentity: JSON.stringify({ id }),
    calls: [],
    peakInFlight: 0,
    async callApi(prompt) {
      provider.calls.push(prompt);
      provider.peakInFlight = Math.max(provider.peakInFlight, ++inFlight);
      const attempt = (attempts.get(prompt) ?? 0) + 1;
      attempts.set(prompt, attempt);
      try {
        const delay = latencyMs(prompt);
        if (delay > 0) await tick(delay);
        return await answer(prompt, attempt);
      } finally {
        inFlight--;
      }
    },
  };
  return provider;
}
