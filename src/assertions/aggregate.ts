// How a test's assertion results combine into one verdict: promptfoo's AssertionsResult, pure.
//  - score: weighted mean of the assertion scores (weight defaults to 1; weight 0 counts for nothing
//    and cannot fail the test); 0 when the total weight is 0.
//  - pass: every assertion passed; or, when the test sets `threshold`, score >= threshold.
//  - reason: the last failing assertion's reason, or the threshold comparison.
//  - named scores: weighted mean per `metric`.
import type { AssertionResult } from '../types.js';

export interface WeightedResult {
  result: AssertionResult;
  weight?: number;
}

export interface AggregateScore {
  pass: boolean;
  score: number;
  reason: string;
  namedScores: Record<string, number>;
}

export const NO_ASSERTIONS: AggregateScore = { pass: true, score: 1, reason: 'No assertions', namedScores: {} };

export function aggregate(results: WeightedResult[], threshold?: number): AggregateScore {
  if (results.length === 0) return { ...NO_ASSERTIONS, namedScores: {} };
  let totalScore = 0;
  let totalWeight = 0;
  let failedReason: string | undefined;
  const metricTotals = new Map<string, { score: number; weight: number }>();
  for (const { result, weight = 1 } of results) {
    totalScore += result.score * weight;
    totalWeight += weight;
    if (result.metric) {
      const totals = metricTotals.get(result.metric) ?? { score: 0, weight: 0 };
      totals.score += result.score * weight;
      totals.weight += weight;
      metricTotals.set(result.metric, totals);
    }
    if (!result.pass) failedReason = result.reason;
  }
  const score = totalWeight > 0 ? totalScore / totalWeight : 0;
  let pass = failedReason === undefined;
  let reason = failedReason ?? 'All assertions passed';
  if (typeof threshold === 'number' && !Number.isNaN(threshold)) {
    pass = score >= threshold;
    reason = `Aggregate score ${score.toFixed(2)} ${pass ? '≥' : '<'} ${threshold} threshold`;
  }
  const namedScores: Record<string, number> = {};
  for (const [metric, totals] of metricTotals)
    namedScores[metric] = totals.weight > 0 ? totals.score / totals.weight : 0;
  return { pass, score, reason, namedScores };
}
