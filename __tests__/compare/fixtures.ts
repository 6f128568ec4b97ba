// Builders for EvalResults written as compact tables: one row per case, one letter per repeat
// (P = pass, F = fail, E = error), e.g. row(0, 'PPF') is test 0 with two passes and a fail.
import type { CaseResult, EvalResults } from '../../src/types.js';

export interface Row {
  testIdx: number;
  outcomes: string;
  promptIdx?: number;
  provider?: string;
  output?: unknown;
  reason?: string;
  description?: string;
  vars?: Record<string, unknown>;
  latencyMs?: number;
  tokens?: number;
  cost?: number;
  cached?: boolean;
}

export const row = (testIdx: number, outcomes: string, extra: Partial<Row> = {}): Row => ({
  testIdx,
  outcomes,
  ...extra,
});

export function caseResults(r: Row): CaseResult[] {
  return [...r.outcomes].map((letter, repeat) => {
    const promptIdx = r.promptIdx ?? 0;
    const pass = letter === 'P';
    const error = letter === 'E' ? 'HTTP 500 from provider' : undefined;
    const tokens = r.tokens ?? 100;
    return {
      testIdx: r.testIdx,
      promptIdx,
      promptId: `prompts/p${promptIdx}.txt`,
      provider: r.provider ?? 'echo',
      repeat,
      description: r.description ?? `case ${r.testIdx}`,
      vars: r.vars ?? { n: r.testIdx },
      output: error ? null : (r.output ?? (pass ? `good answer ${r.testIdx}` : `bad answer ${r.testIdx}`)),
      pass,
      score: pass ? 1 : 0,
      ...(error ? { error } : {}),
      assertions: error
        ? []
        : [
            {
              type: 'contains',
              pass,
              score: pass ? 1 : 0,
              reason: pass ? 'ok' : (r.reason ?? `expected "good" in output`),
            },
          ],
      latencyMs: r.latencyMs ?? 200,
      tokens: { prompt: tokens / 2, completion: tokens / 2, total: tokens },
      cost: r.cost ?? 0.001,
      cached: r.cached ?? false,
    };
  });
}

export function evalResults(rows: readonly Row[]): EvalResults {
  const results = rows.flatMap(caseResults);
  const errors = results.filter((r) => r.error !== undefined).length;
  const passed = results.filter((r) => r.pass).length;
  return {
    version: 1,
    suite: 'fixture',
    stats: {
      cases: results.length,
      passed,
      failed: results.length - passed - errors,
      errors,
      passRate: results.length ? passed / results.length : 0,
    },
    results,
  };
}

/** n cases of the same shape, numbered from `from`. */
export const many = (n: number, outcomes: string, from = 0, extra: Partial<Row> = {}): Row[] =>
  Array.from({ length: n }, (_, i) => row(from + i, outcomes, extra));
