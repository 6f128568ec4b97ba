// Pair the base and head results case by case and say, with honest statistics, whether the head got worse.
//
// Counting rules (the README quotes them):
// - A case is one (prompt, provider, test); its repeats are its outcomes. Pairs are (promptIdx, provider, testIdx).
// - An error is not an outcome: pass rate = passed / (passed + failed). Errors are missing data, counted and
//   shown beside it; cases with outcomes on the base and none on the head are listed as newly erroring.
//   Missing data makes the comparison inconclusive when it could change the verdict: were every errored head
//   call a fail (and every errored base call a pass), the head would be significantly worse, or the gate would
//   say otherwise; or either side's share of errored calls exceeds maxErrorRate. Evidence strong enough despite
//   the errors is still a regression: inconclusive never hides one.
// - A side of a case passes when more than half of its outcomes pass. That majority sorts cases into
//   newly failing, newly passing and still failing; a case whose repeats disagree but whose majority did not
//   change is flaky. The lists are exclusive; each entry carries its pass fractions.
// - Regression, with every false alarm inside α however many groups and critical tests there are:
//   · α is split: with critical tests, α/2 for the paired tests and α/2 for the critical ones (Bonferroni
//     between the two families); without, all of α for the paired tests.
//   · Paired tests, gatekeeping: the overall test first, at its level; only when it rejects are the
//     prompt × provider groups tested, Holm-corrected among themselves at the same level.
//   · A critical case (critical test × prompt × provider) counts when it is newly failing *and* its own exact
//     test over its repeats (Fisher, stats.ts) rejects, Holm-corrected over every paired critical case. With
//     too few repeats that test cannot reject at all: the case is undecided and the comparison inconclusive
//     (fresh repeats decide it), never an automatic regression. A critical case with no head outcome is
//     inconclusive too.
//   Adjusted p-values are on α's scale: a flag means adjusted p < α.
// - A suite too small for any drop to be significant (the paired test's smallest p, 2^−cases, is ≥ its level)
//   is inconclusive when any case got worse, and says how many cases would be needed.
import type { CaseResult, EvalResults } from '../types.js';
import { gate, type GateDecision, type GateThresholds } from '../gate.js';
import { outputText } from './excerpt.js';
import {
  caseKeyOf,
  criticalPair,
  freshPValue,
  smallestFreshP,
  type FreshEvidence,
  type FreshStop,
} from './sequential.js';
import {
  casesToDecide,
  fisherExactLowerTail,
  fisherSmallestP,
  holmAdjusted,
  pairedRegressionTest,
  pairedSmallestP,
  repeatsToDecide,
  wilsonInterval,
  type Interval,
  type PairedCase,
  type PairedTestMethod,
} from './stats.js';

export interface CompareOptions {
  /** Significance level of the one-sided regression test. */
  alpha: number;
  /** Above this share of errored calls on either side the comparison is inconclusive. */
  maxErrorRate: number;
  /** testIdx of the tests marked critical: a newly failing case is a regression when its own exact test says so. */
  criticalTests?: ReadonlySet<number>;
  /** The gate's thresholds: errors that could move the head's rate across one make the comparison inconclusive. */
  gate?: GateThresholds;
  /** Longest output excerpt kept per case, in code points (the report cuts shorter). */
  excerptChars?: number;
  /**
   * Fresh evidence (adaptive repeats, sequential.ts): when given, the tests use only samples drawn in this run —
   * the first samples screen, the fresh ones decide — and rates and lists stay on the first samples.
   */
  fresh?: FreshEvidence;
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
  /** On α's scale after the α split and the gatekeeping/Holm correction: flagged ⇔ adjustedP < α. */
  adjustedP: number;
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

export type CriticalStatus =
  /** Newly failing and its exact test rejects: a regression. */
  | 'regression'
  /** Newly failing, but these repeats cannot reach significance whatever they show: needs fresh repeats. */
  | 'undecided'
  /** Newly failing, the test could have rejected and did not. */
  | 'not-significant'
  /** Outcomes on the base, every head call errored. */
  | 'no-head-outcome';

export interface CriticalCheck {
  change: CaseChange;
  status: CriticalStatus;
  /** Raw one-sided exact p over the case's repeats (absent without head outcomes). */
  pValue?: number;
  adjustedP?: number;
  /** Repeats per side that could decide it (status undecided). */
  repeatsNeeded?: number;
}

export interface UsagePerCall {
  /** Calls that returned (errors excluded). */
  calls: number;
  tokens: number;
  cost: number;
  /** Mean over calls that reached the provider (cache hits excluded); null when all were cached. */
  latencyMs: number | null;
  /** Standard error of that mean (0 with one live call); null when all were cached. */
  latencyStdErrMs: number | null;
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
  /** Cases with outcomes on the base whose every head call errored: missing evidence, not passes. */
  newlyErroring: CaseChange[];
  /** Every critical case that is newly failing or has no head outcome, with what its test says. */
  critical: CriticalCheck[];
  /** Levels of the two families (paired tests, critical cases); they sum to alpha. */
  levels: { paired: number; critical: number };
  /** When the tests ran on fresh evidence: its cases, calls, where the design stopped, and stage 2's cases. */
  fresh?: { cases: number; redrawn: number; stage2Cases: number; calls: number; stopped: FreshStop };
  /** Set when no drop could be significant with this few paired cases. */
  tooSmall?: { cases: number; casesNeeded: number; everyCaseWorse: boolean };
  /** Cases whose head majority fails (paired or not): what a fine-tuning dataset would hold. */
  headFailingCases: number;
  regression: boolean;
  /** Why it is a regression, one sentence each. */
  regressionReasons: string[];
  inconclusive: boolean;
  /** The first of inconclusiveReasons. */
  inconclusiveReason?: string;
  /** Why the evidence cannot decide, one sentence each (empty when it can). */
  inconclusiveReasons: string[];
  /** Share of calls that errored on each side. */
  errorRate: { base: number; head: number };
  usage: {
    base: UsagePerCall;
    head: UsagePerCall;
    /** Head latency differs beyond twice its standard error. */ latencyChanged: boolean;
  };
}

interface CasePair {
  base: CaseResult[];
  head: CaseResult[];
}

const caseKey = caseKeyOf;
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

function pairedCase(p: CasePair): PairedCase {
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
function pessimisticCase(p: CasePair): PairedCase {
  const b = sideRate(p.base);
  const h = sideRate(p.head);
  return {
    basePassed: b.passed + b.errors,
    baseOutcomes: p.base.length,
    headPassed: h.passed,
    headOutcomes: p.head.length,
  };
}

function compareRates(pairs: readonly CasePair[]): RateComparison {
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
function usageOf(base: readonly CaseResult[], head: readonly CaseResult[]): Comparison['usage'] {
  const b = usagePerCall(base);
  const h = usagePerCall(head);
  const changed =
    b.latencyMs !== null &&
    h.latencyMs !== null &&
    Math.abs(h.latencyMs - b.latencyMs) > 2 * Math.hypot(b.latencyStdErrMs ?? 0, h.latencyStdErrMs ?? 0);
  return { base: b, head: h, latencyChanged: changed };
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

const byCase = (a: CaseChange, b: CaseChange) =>
  Number(b.critical) - Number(a.critical) ||
  a.promptIdx - b.promptIdx ||
  a.provider.localeCompare(b.provider) ||
  a.testIdx - b.testIdx;

/** Reasons no outcome could be compared at all (before any test). */
function missingEverything(base: EvalResults, head: EvalResults, overall: RateComparison): string | undefined {
  if (base.results.length + head.results.length === 0) return 'no case ran';
  // No base at all (a suite or prompts the pull request adds): the head stands on its own, judged by the gate.
  if (base.results.length === 0)
    return head.results.some((r) => !isError(r)) ? undefined : 'no case produced an outcome';
  if (overall.cases === 0) return 'no case produced an outcome on both base and head';
  return undefined;
}

function errorShareReason(base: EvalResults, head: EvalResults, maxErrorRate: number): string | undefined {
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
  return undefined;
}

const caseName = (c: CaseChange) =>
  `test ${c.testIdx}${c.description ? ` (${c.description})` : ''} on ${c.promptId} × ${c.provider}`;

/** What each gate decision tells the author, in lower case (the report's words too). */
export const GATE_WORDS: Record<GateDecision, string> = {
  ship: 'ship',
  'fix-prompt': 'fix the prompt first',
  'fine-tune': 'consider fine-tuning',
};

/**
 * The critical family: one exact test per paired critical case, Holm over all of them at `level`.
 * Only newly failing cases (and those without a head outcome) are reported.
 */
function criticalChecks(
  pairs: ReadonlyMap<string, CasePair>,
  changes: ReadonlyMap<string, CaseChange>,
  newlyFailing: ReadonlySet<CaseChange>,
  alpha: number,
  level: number,
  fresh: FreshEvidence | undefined,
): CriticalCheck[] {
  // With fresh evidence the family is the critical cases selected for it; each is judged on repeats drawn after.
  const freshCritical = fresh ? new Map(fresh.critical.map((c) => [c.key, c])) : undefined;
  const tested: Array<{ change: CaseChange; p: PairedCase; pValue: number }> = [];
  const checks: CriticalCheck[] = [];
  for (const [key, pair] of pairs) {
    const change = changes.get(key)!;
    if (!change.critical || change.base.outcomes === 0) continue;
    if (change.head.outcomes === 0) {
      if (change.head.errors > 0) checks.push({ change, status: 'no-head-outcome' });
      continue;
    }
    if (freshCritical && !freshCritical.has(key)) continue;
    const p = freshCritical ? criticalPair(fresh!, freshCritical.get(key)!) : pairedCase(pair);
    if (p.baseOutcomes === 0 || p.headOutcomes === 0) continue;
    tested.push({
      change,
      p,
      pValue: fisherExactLowerTail(p.basePassed, p.baseOutcomes, p.headPassed, p.headOutcomes),
    });
  }
  const adjusted = holmAdjusted(tested.map((t) => t.pValue)).map((a) => Math.min(1, (a * alpha) / level));
  tested.forEach((t, i) => {
    if (!newlyFailing.has(t.change)) return;
    const adjustedP = adjusted[i];
    const common = { change: t.change, pValue: t.pValue, adjustedP };
    if (adjustedP < alpha) checks.push({ ...common, status: 'regression' });
    // Even the most extreme outcome of these repeats would not reject at the first Holm step.
    else if ((fisherSmallestP(t.p.baseOutcomes, t.p.headOutcomes) * tested.length * alpha) / level >= alpha)
      checks.push({ ...common, status: 'undecided', repeatsNeeded: repeatsToDecide(level / tested.length) });
    else checks.push({ ...common, status: 'not-significant' });
  });
  return checks.sort((a, b) => byCase(a.change, b.change));
}

export function compareResults(base: EvalResults, head: EvalResults, options: CompareOptions): Comparison {
  const excerptChars = options.excerptChars ?? 1000;
  const critical = options.criticalTests ?? new Set<number>();
  const { alpha } = options;
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

  const hasBase = base.results.length > 0;
  const levels = critical.size > 0 ? { paired: alpha / 2, critical: alpha / 2 } : { paired: alpha, critical: 0 };
  const scale = (p: number) => Math.min(1, (p * alpha) / levels.paired);
  const nothing = missingEverything(base, head, overall);
  const regressionReasons: string[] = [];
  const inconclusiveReasons: string[] = nothing ? [nothing] : [];
  let checks: CriticalCheck[] = [];
  let tooSmall: Comparison['tooSmall'];

  const fresh = options.fresh;
  // Screened out (the head's first samples no worse): the first samples' test stands, and cannot reject.
  const decisive = fresh && fresh.stopped !== 'screened' ? fresh : undefined;
  if (!nothing && hasBase && decisive) {
    // The tests use only samples drawn in this run: the exact group-sequential p of the design (sequential.ts).
    overall.pValue = freshPValue(decisive);
    overall.method = 'group-sequential';
    for (const g of groups) {
      g.pValue = freshPValue(decisive, (c) => c.promptIdx === g.promptIdx && c.provider === g.provider);
      g.method = 'group-sequential';
    }
  }

  if (!nothing && hasBase) {
    // Paired family, gatekeeping: the overall test first; the groups only when it rejects.
    overall.adjustedP = scale(overall.pValue);
    const overallRejected = overall.adjustedP < alpha;
    const split = critical.size > 0 ? `α/2 = ${formatP(levels.paired)}, α split with critical tests` : `α = ${alpha}`;
    const level = decisive
      ? `${split}; fresh samples of ${decisive.cases.length} cases, in ${decisive.stopped === 'final' ? 'two stages' : 'one stage'}`
      : split;
    if (overallRejected)
      regressionReasons.push(
        `head worse than base overall (${decisive ? 'exact group-sequential' : 'one-sided paired'} ${pClause(overall.pValue)} < ${level})`,
      );
    if (groups.length > 1) {
      const holm = holmAdjusted(groups.map((g) => g.pValue));
      groups.forEach((g, i) => {
        g.adjustedP = Math.max(overall.adjustedP, scale(holm[i]));
        g.regression = overallRejected && g.adjustedP < alpha;
        if (g.regression)
          regressionReasons.push(
            `${g.promptId} × ${g.provider}: head worse (${pClause(g.pValue)}; adjusted for the overall test first and Holm over ${groups.length} groups: ${formatP(g.adjustedP)} < α = ${alpha})`,
          );
      });
    } else if (groups[0]) {
      groups[0].adjustedP = overall.adjustedP;
      groups[0].regression = overallRejected;
    }

    // Critical family.
    if (critical.size > 0) {
      checks = criticalChecks(pairs, changes, new Set(lists.newlyFailing), alpha, levels.critical, fresh);
      for (const check of checks) {
        const name = `critical ${caseName(check.change)}`;
        if (check.status === 'regression')
          regressionReasons.push(
            `${name} newly failing (exact test over its repeats ${pClause(check.pValue!)}, adjusted ${formatP(check.adjustedP!)} < α = ${alpha})`,
          );
        else if (check.status === 'undecided')
          inconclusiveReasons.push(
            `${name} is newly failing, but ${check.change.base.outcomes} base and ${check.change.head.outcomes} head outcome(s) cannot decide it: it needs ${check.repeatsNeeded} fresh repeats per side`,
          );
        else if (check.status === 'no-head-outcome')
          inconclusiveReasons.push(`${name} has no head outcome: every head call errored`);
      }
    }

    // Missing data: could the errors change the verdict?
    const errorShare = errorShareReason(base, head, options.maxErrorRate);
    if (errorShare) inconclusiveReasons.push(errorShare);
    const errors = overall.head.errors + overall.base.errors;
    if (errors > 0 && !overallRejected) {
      const worst = pairedRegressionTest([...pairs.values()].map(pessimisticCase));
      if (scale(worst.pValue) < alpha) {
        const erroring = newlyErroring.length ? ` (${newlyErroring.length} newly erroring cases)` : '';
        inconclusiveReasons.push(
          `${errors} calls errored${erroring}: were the missing head outcomes fails, the head would be significantly worse (${pClause(worst.pValue)})`,
        );
      }
    }

    // Too small for any drop to be significant. With fresh evidence, its strata.
    const needed = casesToDecide(levels.paired);
    if (decisive) {
      const smallest = smallestFreshP(decisive);
      if (decisive.stopped === 'final' && !overallRejected && smallest >= levels.paired)
        inconclusiveReasons.push(
          `too little fresh evidence: the ${decisive.cases.length} case(s) and their fresh repeats can never reach significance (the smallest p is ${formatP(smallest)}); more repeats (the \`repeat\` input) or more cases would decide it`,
        );
    } else if (pairedSmallestP(overall.cases) >= levels.paired) {
      const paired = [...pairs.values()].map(pairedCase).filter((c) => c.baseOutcomes > 0 && c.headOutcomes > 0);
      const worse = paired.filter((c) => c.headPassed / c.headOutcomes < c.basePassed / c.baseOutcomes).length;
      tooSmall = { cases: overall.cases, casesNeeded: needed, everyCaseWorse: worse === paired.length && worse > 0 };
      if (worse > 0 && !overallRejected) {
        const collapse = tooSmall.everyCaseWorse
          ? `every case got worse (base ${percent(overall.base.rate)} → head ${percent(overall.head.rate)}), but `
          : '';
        inconclusiveReasons.push(
          `too small to decide: ${collapse}${overall.cases} paired case(s) can never reach significance (the smallest p is 1/${2 ** overall.cases}); it needs at least ${needed} cases`,
        );
      }
    }
  }

  // The gate: could the head's errors, were they fails, move its pass rate across a threshold?
  if (!nothing && options.gate && overall.head.errors > 0) {
    const calls = overall.head.passed + overall.head.failed + overall.head.errors;
    const worstRate = overall.head.passed / calls;
    const now = gate(overall.head.rate, options.gate);
    const then = gate(worstRate, options.gate);
    if (now !== then)
      inconclusiveReasons.push(
        `${overall.head.errors} head calls errored: were they fails, the head's pass rate would be ${percent(worstRate)} and the gate would say ${GATE_WORDS[then]} instead of ${GATE_WORDS[now]}`,
      );
  } else if (!nothing && !hasBase) {
    const errorShare = errorShareReason(base, head, options.maxErrorRate);
    if (errorShare) inconclusiveReasons.push(errorShare);
  }

  const errorShare = (r: EvalResults) => (r.results.length ? r.results.filter(isError).length / r.results.length : 0);
  return {
    alpha,
    maxErrorRate: options.maxErrorRate,
    levels,
    overall,
    groups,
    newlyFailing: lists.newlyFailing,
    newlyPassing: lists.newlyPassing,
    stillFailing: lists.stillFailing,
    flaky: lists.flaky,
    newlyErroring,
    critical: checks,
    ...(fresh
      ? {
          fresh: {
            cases: fresh.cases.length,
            redrawn: fresh.redrawn,
            stage2Cases: new Set(fresh.stage2.head.map(caseKey)).size,
            calls: fresh.calls,
            stopped: fresh.stopped,
          },
        }
      : {}),
    ...(tooSmall ? { tooSmall } : {}),
    headFailingCases,
    regression: regressionReasons.length > 0,
    regressionReasons,
    inconclusive: inconclusiveReasons.length > 0,
    ...(inconclusiveReasons.length ? { inconclusiveReason: inconclusiveReasons[0] } : {}),
    inconclusiveReasons,
    errorRate: { base: errorShare(base), head: errorShare(head) },
    usage: usageOf(base.results, head.results),
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
