// Pair the base and head results case by case and say, with honest statistics, whether the head got worse.
//
// Counting rules (the README quotes them):
// - A case is one (prompt, provider, test); its repeats are its outcomes. Pairs are (promptIdx, provider, testIdx).
// - An error is not an outcome: pass rate = passed / (passed + failed). Errors are counted and shown beside it,
//   and when either side's share of errored calls exceeds maxErrorRate the comparison is inconclusive
//   (never a regression), because the errors could be hiding anything.
// - A side of a case passes when more than half of its outcomes pass. That majority sorts cases into
//   newly failing, newly passing and still failing; a case whose repeats disagree but whose majority did not
//   change is flaky. The lists are exclusive; each entry carries its pass fractions.
// - Regression: the one-sided paired test (stats.ts) says the head is worse at level alpha, or a critical
//   test is newly failing. With several prompt × provider groups the overall test and the per-group tests are
//   one family, Holm-corrected, so more groups do not mean more false alarms.
import type { CaseResult, EvalResults } from '../types.js';
import { outputText } from './excerpt.js';
import { holmRejections, pairedRegressionTest, wilsonInterval, type Interval, type PairedTestMethod } from './stats.js';

export interface CompareOptions {
  /** Significance level of the one-sided regression test. */
  alpha: number;
  /** Above this share of errored calls on either side the comparison is inconclusive. */
  maxErrorRate: number;
  /** testIdx of the tests marked critical: newly failing → regression regardless of the p-value. */
  criticalTests?: ReadonlySet<number>;
  /** Longest output excerpt kept per case, in code points (the report cuts shorter). */
  excerptChars?: number;
}

export interface SideRate {
  passed: number;
  failed: number;
  errors: number;
  /** passed / (passed + failed); 0 when there is no outcome. */
  rate: number;
  /** Wilson 95% interval of the rate. */
  interval: Interval;
}

export interface RateComparison {
  base: SideRate;
  head: SideRate;
  /** head.rate − base.rate. */
  delta: number;
  /** One-sided p-value for "head worse than base" (not adjusted). */
  pValue: number;
  method: PairedTestMethod;
  /** Cases with at least one outcome on both sides (the pairs the test used). */
  cases: number;
}

export interface GroupComparison extends RateComparison {
  promptIdx: number;
  promptId: string;
  provider: string;
  /** Rejected by the Holm-corrected family of tests. */
  regression: boolean;
}

export interface SideOutcome {
  passed: number;
  outcomes: number;
  errors: number;
  /** Output of a representative repeat (one that agrees with the side's majority), cut to excerptChars. */
  excerpt: string;
  /** Distinct reasons of failed assertions (and errors) over this side's repeats. */
  reasons: string[];
}

export interface CaseChange {
  testIdx: number;
  promptIdx: number;
  promptId: string;
  provider: string;
  description?: string;
  vars: Record<string, unknown>;
  critical: boolean;
  base: SideOutcome;
  head: SideOutcome;
}

export interface UsagePerCall {
  /** Calls that returned (errors excluded). */
  calls: number;
  tokens: number;
  cost: number;
  /** Mean over calls that reached the provider (cache hits excluded); null when all were cached. */
  latencyMs: number | null;
}

export interface Comparison {
  alpha: number;
  maxErrorRate: number;
  overall: RateComparison;
  groups: GroupComparison[];
  newlyFailing: CaseChange[];
  newlyPassing: CaseChange[];
  stillFailing: CaseChange[];
  flaky: CaseChange[];
  /** Cases whose head majority fails (paired or not): what a fine-tuning dataset would hold. */
  headFailingCases: number;
  regression: boolean;
  /** Why it is a regression, one sentence each. */
  regressionReasons: string[];
  inconclusive: boolean;
  inconclusiveReason?: string;
  /** Share of calls that errored on each side. */
  errorRate: { base: number; head: number };
  usage: { base: UsagePerCall; head: UsagePerCall };
}

interface CasePair {
  base: CaseResult[];
  head: CaseResult[];
}

const caseKey = (r: CaseResult) => JSON.stringify([r.promptIdx, r.provider, r.testIdx]);
const groupKey = (r: CaseResult) => JSON.stringify([r.promptIdx, r.provider]);
const isError = (r: CaseResult) => r.error !== undefined;

function pairCases(base: EvalResults, head: EvalResults): Map<string, CasePair> {
  const pairs = new Map<string, CasePair>();
  const add = (side: 'base' | 'head', r: CaseResult) => {
    const key = caseKey(r);
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { base: [], head: [] }));
    pair[side].push(r);
  };
  for (const r of base.results) add('base', r);
  for (const r of head.results) add('head', r);
  return pairs;
}

function sideRate(results: readonly CaseResult[]): SideRate {
  const errors = results.filter(isError).length;
  const passed = results.filter((r) => !isError(r) && r.pass).length;
  const failed = results.length - errors - passed;
  const outcomes = passed + failed;
  return { passed, failed, errors, rate: outcomes ? passed / outcomes : 0, interval: wilsonInterval(passed, outcomes) };
}

function compareRates(pairs: readonly CasePair[]): RateComparison {
  const base = sideRate(pairs.flatMap((p) => p.base));
  const head = sideRate(pairs.flatMap((p) => p.head));
  const paired = pairs.map((p) => {
    const b = sideRate(p.base);
    const h = sideRate(p.head);
    return {
      basePassed: b.passed,
      baseOutcomes: b.passed + b.failed,
      headPassed: h.passed,
      headOutcomes: h.passed + h.failed,
    };
  });
  const test = pairedRegressionTest(paired);
  const cases = paired.filter((c) => c.baseOutcomes > 0 && c.headOutcomes > 0).length;
  return { base, head, delta: head.rate - base.rate, pValue: test.pValue, method: test.method, cases };
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

function sideOutcome(results: readonly CaseResult[], excerptChars: number): SideOutcome {
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

type Movement = 'newlyFailing' | 'newlyPassing' | 'stillFailing' | 'flaky' | 'unchanged';

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
  return {
    calls: returned.length,
    tokens: mean(returned, (r) => r.tokens.total),
    cost: mean(returned, (r) => r.cost),
    latencyMs: live.length ? mean(live, (r) => r.latencyMs) : null,
  };
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

function inconclusiveReason(
  base: EvalResults,
  head: EvalResults,
  overall: RateComparison,
  maxErrorRate: number,
): string | undefined {
  for (const [name, side] of [
    ['base', base],
    ['head', head],
  ] as const) {
    const errors = side.results.filter(isError).length;
    const share = side.results.length ? errors / side.results.length : 0;
    if (share > maxErrorRate) {
      return `${errors} of ${side.results.length} ${name} calls errored (${percent(share)}, more than the ${percent(maxErrorRate)} allowed)`;
    }
  }
  if (base.results.length + head.results.length === 0) return 'no case ran';
  // No base at all (a suite or prompts the pull request adds): the head stands on its own, judged by the gate.
  if (base.results.length === 0)
    return head.results.some((r) => !isError(r)) ? undefined : 'no case produced an outcome';
  if (overall.cases === 0) return 'no case produced an outcome on both base and head';
  return undefined;
}

const byCase = (a: CaseChange, b: CaseChange) =>
  Number(b.critical) - Number(a.critical) ||
  a.promptIdx - b.promptIdx ||
  a.provider.localeCompare(b.provider) ||
  a.testIdx - b.testIdx;

export function compareResults(base: EvalResults, head: EvalResults, options: CompareOptions): Comparison {
  const excerptChars = options.excerptChars ?? 1000;
  const critical = options.criticalTests ?? new Set<number>();
  const pairs = pairCases(base, head);
  const overall = compareRates([...pairs.values()]);

  const grouped = new Map<string, CasePair[]>();
  for (const pair of pairs.values()) {
    const g = groupKey(pair.head[0] ?? pair.base[0]);
    grouped.set(g, [...(grouped.get(g) ?? []), pair]);
  }
  const groups = [...grouped.values()]
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

  const lists: Record<Movement, CaseChange[]> = {
    newlyFailing: [],
    newlyPassing: [],
    stillFailing: [],
    flaky: [],
    unchanged: [],
  };
  let headFailingCases = 0;
  for (const pair of pairs.values()) {
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
    if (change.head.outcomes > 0 && 2 * change.head.passed <= change.head.outcomes) headFailingCases++;
    const where = movement(change.base, change.head);
    if (where) lists[where].push(change);
  }
  for (const list of Object.values(lists)) list.sort(byCase);

  const reason = inconclusiveReason(base, head, overall, options.maxErrorRate);
  const regressionReasons: string[] = [];
  if (!reason) {
    // One family: the overall test plus each group's test when there are several groups.
    const family = groups.length > 1 ? [overall.pValue, ...groups.map((g) => g.pValue)] : [overall.pValue];
    const rejected = holmRejections(family, options.alpha);
    const corrected = groups.length > 1 ? `, Holm-corrected over ${family.length} tests` : '';
    if (rejected[0])
      regressionReasons.push(
        `head worse than base overall (one-sided paired ${pClause(overall.pValue)} < α = ${options.alpha}${corrected})`,
      );
    if (groups.length > 1) {
      groups.forEach((g, i) => {
        g.regression = rejected[i + 1];
        if (g.regression)
          regressionReasons.push(`${g.promptId} × ${g.provider}: head worse (${pClause(g.pValue)}${corrected})`);
      });
    } else if (groups[0]) {
      groups[0].regression = rejected[0];
    }
    for (const c of lists.newlyFailing.filter((c) => c.critical)) {
      regressionReasons.push(
        `critical test #${c.testIdx}${c.description ? ` (${c.description})` : ''} newly failing on ${c.promptId} × ${c.provider}`,
      );
    }
  }

  const errorShare = (r: EvalResults) => (r.results.length ? r.results.filter(isError).length / r.results.length : 0);
  return {
    alpha: options.alpha,
    maxErrorRate: options.maxErrorRate,
    overall,
    groups,
    newlyFailing: lists.newlyFailing,
    newlyPassing: lists.newlyPassing,
    stillFailing: lists.stillFailing,
    flaky: lists.flaky,
    headFailingCases,
    regression: regressionReasons.length > 0,
    regressionReasons,
    inconclusive: reason !== undefined,
    ...(reason !== undefined ? { inconclusiveReason: reason } : {}),
    errorRate: { base: errorShare(base), head: errorShare(head) },
    usage: { base: usagePerCall(base.results), head: usagePerCall(head.results) },
  };
}

/** p-values as people read them: 2 significant digits, tiny ones as "<0.001". */
export function formatP(p: number): string {
  if (p < 0.001) return '<0.001';
  return p
    .toPrecision(2)
    .replace(/^(\d\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

/** "p = 0.012" or "p < 0.001". */
export function pClause(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${formatP(p)}`;
}
