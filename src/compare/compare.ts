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
import type { EvalResults } from '../types.js';
import { gate } from '../gate.js';
import {
  byCase,
  caseLists,
  compareRates,
  groupComparisons,
  isError,
  pairCases,
  pairedCase,
  pessimisticCase,
  usageOf,
  type CaseLists,
  type CasePair,
} from './cases.js';
import { caseKeyOf, criticalPair, freshPValue, smallestFreshP, type FreshEvidence } from './sequential.js';
import {
  casesToDecide,
  fisherExactLowerTail,
  fisherSmallestP,
  holmAdjusted,
  pairedRegressionTest,
  pairedSmallestP,
  repeatsToDecide,
  type PairedCase,
} from './stats.js';
import type {
  CaseChange,
  CompareOptions,
  Comparison,
  CriticalCheck,
  GroupComparison,
  InconclusiveFinding,
  RateComparison,
  RegressionFinding,
} from './types.js';

export type * from './types.js';

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

/** Nothing to compare at all (before any test). */
function missingEverything(base: EvalResults, head: EvalResults, overall: RateComparison) {
  const none = (what: 'no-case-ran' | 'no-outcome' | 'no-paired-outcome'): InconclusiveFinding => ({
    rule: 'no-outcome',
    what,
  });
  if (base.results.length + head.results.length === 0) return none('no-case-ran');
  // No base at all (a suite or prompts the pull request adds): the head stands on its own, judged by the gate.
  if (base.results.length === 0) return head.results.some((r) => !isError(r)) ? undefined : none('no-outcome');
  if (overall.cases === 0) return none('no-paired-outcome');
  return undefined;
}

function errorShare(base: EvalResults, head: EvalResults, maxErrorRate: number): InconclusiveFinding | undefined {
  for (const [side, results] of [
    ['base', base],
    ['head', head],
  ] as const) {
    const errors = results.results.filter(isError).length;
    const calls = results.results.length;
    if (calls && errors / calls > maxErrorRate) return { rule: 'error-share', side, errors, calls, maxErrorRate };
  }
  return undefined;
}

interface Families {
  levels: Comparison['levels'];
  regression: RegressionFinding[];
  inconclusive: InconclusiveFinding[];
  critical: CriticalCheck[];
  tooSmall?: Comparison['tooSmall'];
}

/** What the families share: the pairs, the rates, the options and the levels α is split into. */
interface FamilyInput {
  pairs: ReadonlyMap<string, CasePair>;
  overall: RateComparison;
  groups: GroupComparison[];
  cases: CaseLists;
  options: CompareOptions;
  levels: Comparison['levels'];
  /** The paired family's p on α's scale. */
  scale: (p: number) => number;
  /** The fresh evidence, unless the screen stopped it (then the first samples' test stands, and cannot reject). */
  decisive?: FreshEvidence;
}

/** The paired family, gatekept: the overall test at its level, then the groups Holm-corrected among themselves. */
function pairedFamily({ overall, groups, options, levels, scale, decisive }: FamilyInput): RegressionFinding[] {
  const { alpha } = options;
  const found: RegressionFinding[] = [];
  if (decisive) {
    // The tests use only samples drawn in this run: the exact group-sequential p of the design (sequential.ts).
    overall.pValue = freshPValue(decisive);
    overall.method = 'group-sequential';
    for (const g of groups) {
      g.pValue = freshPValue(decisive, (c) => c.promptIdx === g.promptIdx && c.provider === g.provider);
      g.method = 'group-sequential';
    }
  }
  overall.adjustedP = scale(overall.pValue);
  const overallRejected = overall.adjustedP < alpha;
  if (overallRejected) {
    const stages = decisive?.stopped === 'final' ? (2 as const) : (1 as const);
    found.push({
      rule: 'overall',
      pValue: overall.pValue,
      level: levels.paired,
      split: levels.critical > 0,
      ...(decisive ? { fresh: { cases: decisive.cases.length, stages } } : {}),
    });
  }
  if (groups.length === 1) {
    groups[0].adjustedP = overall.adjustedP;
    groups[0].regression = overallRejected;
  } else if (groups.length > 1) {
    const holm = holmAdjusted(groups.map((g) => g.pValue));
    groups.forEach((g, i) => {
      g.adjustedP = Math.max(overall.adjustedP, scale(holm[i]));
      g.regression = overallRejected && g.adjustedP < alpha;
      if (g.regression) {
        const { promptId, provider, pValue, adjustedP } = g;
        found.push({ rule: 'group', promptId, provider, pValue, adjustedP, groups: groups.length });
      }
    });
  }
  return found;
}

/** The critical family at its level, and what each check finds. */
function criticalFamily(input: FamilyInput) {
  const { pairs, cases, options, levels } = input;
  if (!options.criticalTests?.size) return { checks: [], regression: [], inconclusive: [] };
  const newlyFailing = new Set(cases.lists.newlyFailing);
  const checks = criticalChecks(pairs, cases.changes, newlyFailing, options.alpha, levels.critical, options.fresh);
  const regression: RegressionFinding[] = [];
  const inconclusive: InconclusiveFinding[] = [];
  for (const check of checks) {
    const { change } = check;
    if (check.status === 'regression')
      regression.push({ rule: 'critical', change, pValue: check.pValue!, adjustedP: check.adjustedP! });
    else if (check.status === 'undecided')
      inconclusive.push({ rule: 'critical-undecided', change, repeatsNeeded: check.repeatsNeeded! });
    else if (check.status === 'no-head-outcome') inconclusive.push({ rule: 'critical-no-head-outcome', change });
  }
  return { checks, regression, inconclusive };
}

/** Missing data: too many errors, or errors that, were they fails, would make the head significantly worse. */
function missingData(input: FamilyInput, counts: { base: EvalResults; head: EvalResults }, rejected: boolean) {
  const { pairs, overall, cases, options, scale } = input;
  const found: InconclusiveFinding[] = [];
  const share = errorShare(counts.base, counts.head, options.maxErrorRate);
  if (share) found.push(share);
  const errors = overall.head.errors + overall.base.errors;
  if (errors > 0 && !rejected) {
    const worst = pairedRegressionTest([...pairs.values()].map(pessimisticCase));
    if (scale(worst.pValue) < options.alpha)
      found.push({
        rule: 'errors-could-hide',
        errors,
        newlyErroring: cases.newlyErroring.length,
        pValue: worst.pValue,
      });
  }
  return found;
}

/** Too small for any drop to be significant (with fresh evidence: its strata). */
function smallSuite(
  input: FamilyInput,
  rejected: boolean,
): { found: InconclusiveFinding[]; tooSmall?: Comparison['tooSmall'] } {
  const { pairs, overall, levels, decisive } = input;
  if (decisive) {
    const smallestP = smallestFreshP(decisive);
    const never = decisive.stopped === 'final' && !rejected && smallestP >= levels.paired;
    return { found: never ? [{ rule: 'too-little-fresh', cases: decisive.cases.length, smallestP }] : [] };
  }
  if (pairedSmallestP(overall.cases) < levels.paired) return { found: [] };
  const paired = [...pairs.values()].map(pairedCase).filter((c) => c.baseOutcomes > 0 && c.headOutcomes > 0);
  const worse = paired.filter((c) => c.headPassed / c.headOutcomes < c.basePassed / c.baseOutcomes).length;
  const casesNeeded = casesToDecide(levels.paired);
  const everyCaseWorse = worse === paired.length && worse > 0;
  const tooSmall = { cases: overall.cases, casesNeeded, everyCaseWorse };
  if (worse === 0 || rejected) return { found: [], tooSmall };
  const rates = { baseRate: overall.base.rate, headRate: overall.head.rate };
  return { found: [{ rule: 'too-small', cases: overall.cases, casesNeeded, everyCaseWorse, ...rates }], tooSmall };
}

/** Both families, each at its share of α, then whether missing data or the suite's size keeps them from deciding. */
function families(
  input: Omit<FamilyInput, 'levels' | 'scale' | 'decisive'>,
  counts: { base: EvalResults; head: EvalResults },
): Families {
  const { alpha, fresh } = input.options;
  const levels = levelsOf(input.options);
  const all: FamilyInput = {
    ...input,
    levels,
    scale: (p) => Math.min(1, (p * alpha) / levels.paired),
    ...(fresh && fresh.stopped !== 'screened' ? { decisive: fresh } : {}),
  };
  const paired = pairedFamily(all);
  const rejected = paired.some((f) => f.rule === 'overall');
  const critical = criticalFamily(all);
  const small = smallSuite(all, rejected);
  return {
    levels,
    regression: [...paired, ...critical.regression],
    inconclusive: [...critical.inconclusive, ...missingData(all, counts, rejected), ...small.found],
    critical: critical.checks,
    ...(small.tooSmall ? { tooSmall: small.tooSmall } : {}),
  };
}

/** α split: with critical tests, half for the paired family and half for the critical one. */
const levelsOf = ({ alpha, criticalTests }: CompareOptions): Comparison['levels'] =>
  criticalTests?.size ? { paired: alpha / 2, critical: alpha / 2 } : { paired: alpha, critical: 0 };

/** Could the head's errors, were they fails, move its pass rate across a gate threshold? */
function errorsMoveGate(overall: RateComparison, options: CompareOptions): InconclusiveFinding | undefined {
  if (!options.gate || overall.head.errors === 0) return undefined;
  const calls = overall.head.passed + overall.head.failed + overall.head.errors;
  const worstRate = overall.head.passed / calls;
  const now = gate(overall.head.rate, options.gate);
  const then = gate(worstRate, options.gate);
  return now === then ? undefined : { rule: 'errors-move-gate', errors: overall.head.errors, worstRate, now, then };
}

export function compareResults(base: EvalResults, head: EvalResults, options: CompareOptions): Comparison {
  const critical = options.criticalTests ?? new Set<number>();
  const { alpha, fresh } = options;
  const pairs = pairCases(base, head);
  const overall = compareRates([...pairs.values()]);
  const groups = groupComparisons(pairs);
  const cases = caseLists(pairs, critical, options.excerptChars ?? 1000);

  const nothing = missingEverything(base, head, overall);
  const hasBase = base.results.length > 0;
  const decided: Families =
    !nothing && hasBase
      ? families({ pairs, overall, groups, cases, options }, { base, head })
      : { levels: levelsOf(options), regression: [], inconclusive: [], critical: [] };
  const inconclusive: InconclusiveFinding[] = nothing ? [nothing] : decided.inconclusive;
  if (!nothing) {
    // Without a base the head stands alone: its errors still count against it.
    const share = hasBase ? undefined : errorShare(base, head, options.maxErrorRate);
    const moved = errorsMoveGate(overall, options);
    inconclusive.push(...[share, moved].filter((f) => f !== undefined));
  }

  const errorRate = (r: EvalResults) => (r.results.length ? r.results.filter(isError).length / r.results.length : 0);
  return {
    alpha,
    maxErrorRate: options.maxErrorRate,
    levels: decided.levels,
    overall,
    groups,
    newlyFailing: cases.lists.newlyFailing,
    newlyPassing: cases.lists.newlyPassing,
    stillFailing: cases.lists.stillFailing,
    flaky: cases.lists.flaky,
    newlyErroring: cases.newlyErroring,
    critical: decided.critical,
    ...(fresh
      ? {
          fresh: {
            cases: fresh.cases.length,
            redrawn: fresh.redrawn,
            stage2Cases: new Set(fresh.stage2.head.map(caseKeyOf)).size,
            calls: fresh.calls,
            stopped: fresh.stopped,
          },
        }
      : {}),
    ...(options.redrawn ? { redrawn: options.redrawn } : {}),
    ...(decided.tooSmall ? { tooSmall: decided.tooSmall } : {}),
    headFailingCases: cases.headFailingCases,
    regression: decided.regression.length > 0,
    regressionFindings: decided.regression,
    inconclusive: inconclusive.length > 0,
    inconclusiveFindings: inconclusive,
    errorRate: { base: errorRate(base), head: errorRate(head) },
    usage: usageOf(base.results, head.results),
  };
}
