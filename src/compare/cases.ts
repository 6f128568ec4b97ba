// Case pairing and the lists a comparison shows: which case moved where, each side's outcome, usage per call.
import { outputText } from './excerpt.js';
import { caseKeyOf } from './sequential.js';
import { pairedRegressionTest, wilsonInterval, type PairedCase } from './stats.js';
import type {
  CaseChange,
  Comparison,
  GroupComparison,
  RateComparison,
  SideOutcome,
  SideRate,
  UsagePerCall,
} from './types.js';
import type { CaseResult, EvalResults } from '../types.js';

export interface CasePair {
  base: CaseResult[];
  head: CaseResult[];
}

const groupKey = (r: CaseResult) => JSON.stringify([r.promptIdx, r.provider]);
export const isError = (r: CaseResult) => r.error !== undefined;

export function pairCases(base: EvalResults, head: EvalResults): Map<string, CasePair> {
  const pairs = new Map<string, CasePair>();
  const add = (side: 'base' | 'head', r: CaseResult) => {
    const key = caseKeyOf(r);
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { base: [], head: [] }));
    pair[side].push(r);
  };
  for (const r of base.results) add('base', r);
  for (const r of head.results) add('head', r);
  return pairs;
}

export function sideRate(results: readonly CaseResult[]): SideRate {
  const errors = results.filter(isError).length;
  const passed = results.filter((r) => !isError(r) && r.pass).length;
  const failed = results.length - errors - passed;
  const outcomes = passed + failed;
  return { passed, failed, errors, rate: outcomes ? passed / outcomes : 0, interval: wilsonInterval(passed, outcomes) };
}

export function pairedCase(p: CasePair): PairedCase {
  const b = sideRate(p.base);
  const h = sideRate(p.head);
  return {
    basePassed: b.passed,
    baseOutcomes: b.passed + b.failed,
    headPassed: h.passed,
    headOutcomes: h.passed + h.failed,
  };
}

/** The missing outcomes filled against the head: errored base calls as passes, errored head calls as fails. */
export function pessimisticCase(p: CasePair): PairedCase {
  const b = sideRate(p.base);
  const h = sideRate(p.head);
  return {
    basePassed: b.passed + b.errors,
    baseOutcomes: p.base.length,
    headPassed: h.passed,
    headOutcomes: p.head.length,
  };
}

export function compareRates(pairs: readonly CasePair[]): RateComparison {
  const base = sideRate(pairs.flatMap((p) => p.base));
  const head = sideRate(pairs.flatMap((p) => p.head));
  const paired = pairs.map(pairedCase);
  const test = pairedRegressionTest(paired);
  const cases = paired.filter((c) => c.baseOutcomes > 0 && c.headOutcomes > 0).length;
  return {
    base,
    head,
    delta: head.rate - base.rate,
    pValue: test.pValue,
    adjustedP: test.pValue,
    method: test.method,
    cases,
  };
}

function reasonsOf(results: readonly CaseResult[]): string[] {
  const reasons = new Set<string>();
  for (const r of results) {
    if (isError(r)) reasons.add(`error: ${r.error}`);
    else if (!r.pass) {
      const failed = r.assertions.filter((a) => !a.pass);
      if (failed.length === 0) reasons.add('failed (no assertion gave a reason)');
      for (const a of failed) reasons.add(a.reason ? `${a.type}: ${a.reason}` : a.type);
    }
  }
  return [...reasons].slice(0, 5);
}

export function sideOutcome(results: readonly CaseResult[], excerptChars: number): SideOutcome {
  const rate = sideRate(results);
  const outcomes = rate.passed + rate.failed;
  const passes = 2 * rate.passed > outcomes;
  const representative = results.find((r) => !isError(r) && r.pass === passes) ?? results[0];
  return {
    passed: rate.passed,
    outcomes,
    errors: rate.errors,
    excerpt: representative ? outputText(representative.output, excerptChars) : '',
    reasons: reasonsOf(results),
  };
}

export type Movement = 'newlyFailing' | 'newlyPassing' | 'stillFailing' | 'flaky' | 'unchanged';

function movement(base: SideOutcome, head: SideOutcome): Movement | undefined {
  if (base.outcomes === 0 || head.outcomes === 0) return undefined; // nothing to compare: counted as errors
  const basePasses = 2 * base.passed > base.outcomes;
  const headPasses = 2 * head.passed > head.outcomes;
  if (basePasses && !headPasses) return 'newlyFailing';
  if (!basePasses && headPasses) return 'newlyPassing';
  if (!basePasses && !headPasses) return 'stillFailing';
  const mixed = (s: SideOutcome) => s.passed > 0 && s.passed < s.outcomes;
  return mixed(base) || mixed(head) ? 'flaky' : 'unchanged';
}

function usagePerCall(results: readonly CaseResult[]): UsagePerCall {
  const returned = results.filter((r) => !isError(r));
  const live = returned.filter((r) => !r.cached);
  const mean = (xs: readonly CaseResult[], f: (r: CaseResult) => number) =>
    xs.length ? xs.reduce((s, r) => s + f(r), 0) / xs.length : 0;
  const latency = live.length ? mean(live, (r) => r.latencyMs) : null;
  const variance =
    latency !== null && live.length > 1
      ? live.reduce((s, r) => s + (r.latencyMs - latency) ** 2, 0) / (live.length - 1)
      : 0;
  return {
    calls: returned.length,
    tokens: mean(returned, (r) => r.tokens.total),
    cost: mean(returned, (r) => r.cost),
    latencyMs: latency,
    latencyStdErrMs: latency === null ? null : Math.sqrt(variance / live.length),
  };
}

/** Per-call usage of each side, and whether latency moved beyond its noise (|Δ| > 2 standard errors, both live). */
export function usageOf(base: readonly CaseResult[], head: readonly CaseResult[]): Comparison['usage'] {
  const b = usagePerCall(base);
  const h = usagePerCall(head);
  const changed =
    b.latencyMs !== null &&
    h.latencyMs !== null &&
    Math.abs(h.latencyMs - b.latencyMs) > 2 * Math.hypot(b.latencyStdErrMs ?? 0, h.latencyStdErrMs ?? 0);
  return { base: b, head: h, latencyChanged: changed };
}

export const byCase = (a: CaseChange, b: CaseChange) =>
  Number(b.critical) - Number(a.critical) ||
  a.promptIdx - b.promptIdx ||
  a.provider.localeCompare(b.provider) ||
  a.testIdx - b.testIdx;

/** One comparison per prompt × provider, in prompt then provider order. */
export function groupComparisons(pairs: ReadonlyMap<string, CasePair>): GroupComparison[] {
  const grouped = new Map<string, CasePair[]>();
  for (const pair of pairs.values()) {
    const g = groupKey(pair.head[0] ?? pair.base[0]);
    grouped.set(g, [...(grouped.get(g) ?? []), pair]);
  }
  return [...grouped.values()]
    .map((groupPairs) => {
      const sample = groupPairs[0].head[0] ?? groupPairs[0].base[0];
      return {
        promptIdx: sample.promptIdx,
        promptId: sample.promptId,
        provider: sample.provider,
        regression: false,
        ...compareRates(groupPairs),
      };
    })
    .sort((a, b) => a.promptIdx - b.promptIdx || a.provider.localeCompare(b.provider));
}

export interface CaseLists {
  /** Every case by its key. */
  changes: Map<string, CaseChange>;
  lists: Record<Movement, CaseChange[]>;
  newlyErroring: CaseChange[];
  headFailingCases: number;
}

/** Each case's outcome on both sides, and the exclusive lists it falls in (sorted: critical first). */
export function caseLists(
  pairs: ReadonlyMap<string, CasePair>,
  critical: ReadonlySet<number>,
  excerptChars: number,
): CaseLists {
  const lists: Record<Movement, CaseChange[]> = {
    newlyFailing: [],
    newlyPassing: [],
    stillFailing: [],
    flaky: [],
    unchanged: [],
  };
  const changes = new Map<string, CaseChange>();
  const newlyErroring: CaseChange[] = [];
  let headFailingCases = 0;
  for (const [key, pair] of pairs) {
    const sample = pair.head[0] ?? pair.base[0];
    const change: CaseChange = {
      testIdx: sample.testIdx,
      promptIdx: sample.promptIdx,
      promptId: sample.promptId,
      provider: sample.provider,
      ...(sample.description !== undefined ? { description: sample.description } : {}),
      vars: sample.vars,
      critical: critical.has(sample.testIdx),
      base: sideOutcome(pair.base, excerptChars),
      head: sideOutcome(pair.head, excerptChars),
    };
    changes.set(key, change);
    if (change.head.outcomes > 0 && 2 * change.head.passed <= change.head.outcomes) headFailingCases++;
    if (change.base.outcomes > 0 && change.head.outcomes === 0 && change.head.errors > 0) newlyErroring.push(change);
    const where = movement(change.base, change.head);
    if (where) lists[where].push(change);
  }
  for (const list of [...Object.values(lists), newlyErroring]) list.sort(byCase);
  return { changes, lists, newlyErroring, headFailingCases };
}
