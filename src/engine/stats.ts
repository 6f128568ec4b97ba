import type { CaseResult, EvalStats } from '../types.js';

/** Counts a results list. An error is neither a pass nor a fail, but it does count against the pass rate. */
export function summarizeStats(results: readonly CaseResult[]): EvalStats {
  let passed = 0;
  let failed = 0;
  let errors = 0;
  for (const result of results) {
    if (result.error !== undefined) errors++;
    else if (result.pass) passed++;
    else failed++;
  }
  const cases = passed + failed + errors;
  return { cases, passed, failed, errors, passRate: cases === 0 ? 0 : passed / cases };
}
