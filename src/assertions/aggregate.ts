// How a test's assertion results combine into one verdict: promptfoo's AssertionsResult, pure.
//  - score: weighted mean of the assertion scores (weight defaults to 1; weight 0 counts for nothing
//    and cannot fail the test); 0 when the total weight is 0.
//  - pass: every assertion passed; or, when the test sets `threshold` (0 included, as promptfoo 0.123.1's
//    `typeof threshold === 'number'` reads it), score >= threshold.
//  - reason: the last failing assertion's reason, or the threshold comparison.
//  - named scores: weighted mean per `metric`; an assert-set's result brings its assertions' metrics too
//    (promptfoo adds a set's named scores to the test's, except the set's own metric), each weighing its own
//    weight times the set's.
//  - a failed `guardrails` assertion with `config.purpose: redteam` (the guardrail blocked an attack) makes
//    the whole verdict a pass, reason GUARDRAIL_BLOCKED_REASON, score unchanged: promptfoo's
//    failedContentSafetyChecks, which overrides the threshold too.
// An assert-set is scored by the same function over its own assertions, with its own threshold.
import type { AssertionResult } from '../types.js';

export interface WeightedResult {
  result: AssertionResult;
  weight?: number;
  /** An assert-set's assertions, whose metrics count in the named scores beside the set's own. */
  components?: WeightedResult[];
  /** A redteam `guardrails` assertion that failed: the guardrail blocked the content, which is the goal. */
  guardrailBlocked?: boolean;
}

export const GUARDRAIL_BLOCKED_REASON = 'Content failed guardrail safety checks';

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
  let guardrailBlocked = false;
  // Made only when an assertion names a metric: most tests have none, and this runs for every case.
  let metricTotals: Map<string, { score: number; weight: number }> | undefined;
  const addMetric = (metric: string, score: number, weight: number) => {
    metricTotals ??= new Map();
    const totals = metricTotals.get(metric) ?? { score: 0, weight: 0 };
    totals.score += score * weight;
    totals.weight += weight;
    metricTotals.set(metric, totals);
  };
  for (let i = 0; i < results.length; i++) {
    const { result, weight = 1, components, guardrailBlocked: blocked } = results[i]!;
    if (blocked) guardrailBlocked = true;
    totalScore += result.score * weight;
    totalWeight += weight;
    if (result.metric) addMetric(result.metric, result.score, weight);
    if (components) {
      for (const { result: inner, weight: innerWeight = 1 } of components) {
        if (inner.metric && inner.metric !== result.metric) addMetric(inner.metric, inner.score, innerWeight * weight);
      }
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
  if (guardrailBlocked) {
    pass = true;
    reason = GUARDRAIL_BLOCKED_REASON;
  }
  const namedScores: Record<string, number> = {};
  if (metricTotals)
    for (const [metric, totals] of metricTotals)
      namedScores[metric] = totals.weight > 0 ? totals.score / totals.weight : 0;
  return { pass, score, reason, namedScores };
}
