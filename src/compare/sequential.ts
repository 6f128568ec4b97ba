// Fresh evidence for flips: the design of adaptive repeats and its exact group-sequential test. Pure; the calls
// are made by src/review/adaptive.ts.
//
// Why: a cached base is one sample reused by every pull request. Tested against that one sample, a lucky base
// makes every no-op head look worse (issue 10: 27 of 50 no-op heads flagged against one cached base). So the
// test uses only samples drawn in this run, and the cached ones only screen.
//
// The design, stated (`level` is the paired family's share of α; the README quotes it):
// 0. Screen. When the head's first samples pass at least as many paired cases as the base's (perhaps cached)
//    ones, stop: no regression, no fresh call. Stopping to accept can never raise the false-alarm rate.
// 1. Stage 1: one fresh outcome per side of every paired case — its first sample when this run drew it, a new
//    draw when it came from the cache. T1 = the head's passes. Under H0 (the head is the base's model) a case's
//    fresh outcomes are exchangeable, so given its total its head passes are hypergeometric; T1's null is their
//    convolution (stats.ts stratifiedNull). Reject early when P(T1 ≤ t1) < early × level; stop for futility when
//    the head passes at least as many as the base (t1 ≥ f = ⌈total / 2⌉).
// 2. Stage 2: fresh repeats of each case, as many per side as its stage-1 outcomes say (both failed, they
//    disagreed, both passed: `stage2` repeats; a case with a missing outcome gets the "disagreed" count). The
//    choice sees only a case's total, never which side passed, so each (case, stage) stratum stays
//    exchangeable. T2 = the head's stage-2 passes.
// 3. Stage-wise p = P(T1 ≤ c1) + P(c1 < T1 < f, T1 + T2 ≤ t1 + t2), c1 the early boundary. Given every stratum's
//    total, T1 and T2 are independent, so this p is exact: P(p < level) ≤ level whatever the cached base was.
// Groups (prompt × provider) are tested on their own strata with the union bound over the two stages (their
// stage-1 p against early × level, their pooled p against the rest). Critical cases newly failing on the first
// samples are decided by their own exact test on samples drawn after that selection: their stage-2 repeats
// and top-ups to freshRepeatsForCritical.
import type { CaseResult } from '../types.js';
import {
  conservative,
  lowerTail,
  repeatsToDecide,
  stratifiedExactLowerTail,
  stratifiedNull,
  type PairedCase,
} from './stats.js';

export interface FreshDesign {
  /** Share of the level spent on early rejection at stage 1. */
  early: number;
  /** Stage-2 fresh repeats per side of a case by its stage-1 passes (of its two outcomes): 0, 1 or 2. */
  stage2: readonly [number, number, number];
}

/** Chosen by `npm run simulate` (README): power and calls for a spread 10-point drop, false alarms per cached base. */
export const DEFAULT_DESIGN: FreshDesign = { early: 0.4, stage2: [0, 2, 1] };

/** Where the design stopped: the screen, stage 1 (early rejection or futility), or after stage 2. */
export type FreshStop = 'screened' | 'early' | 'futile' | 'final';

/** The case a result belongs to: (promptIdx, provider, testIdx), as compare.ts pairs them. */
export const caseKeyOf = (r: Pick<CaseResult, 'promptIdx' | 'provider' | 'testIdx'>) =>
  JSON.stringify([r.promptIdx, r.provider, r.testIdx]);

export interface CaseRef {
  key: string;
  promptIdx: number;
  provider: string;
  testIdx: number;
  critical: boolean;
}

export interface Samples {
  base: CaseResult[];
  head: CaseResult[];
}

export interface FreshEvidence {
  design: FreshDesign;
  /** The paired family's level the stopping rule ran at. */
  level: number;
  stopped: FreshStop;
  /** Every paired case: stage 1's strata. */
  cases: CaseRef[];
  /** Stage 1's fresh outcomes (first samples drawn in this run, and new draws of cached ones); empty when screened. */
  stage1: Samples;
  /** Cases of stage 1 drawn anew because their first sample came from the cache. */
  redrawn: number;
  stage2: Samples;
  /** Critical cases newly failing on the first samples, and the repeats that topped theirs up. */
  critical: CaseRef[];
  topUp: Samples;
  /** Calls made for this evidence (all fresh, none from the cache). */
  calls: number;
}

interface Tally {
  passed: number;
  outcomes: number;
  ref: CaseRef;
}

function tally(results: readonly CaseResult[]): Map<string, Tally> {
  const byCase = new Map<string, Tally>();
  for (const r of results) {
    const key = caseKeyOf(r);
    let entry = byCase.get(key);
    if (!entry) {
      const ref = { key, promptIdx: r.promptIdx, provider: r.provider, testIdx: r.testIdx, critical: false };
      byCase.set(key, (entry = { passed: 0, outcomes: 0, ref }));
    }
    if (r.error !== undefined) continue;
    entry.outcomes++;
    if (r.pass) entry.passed++;
  }
  return byCase;
}

const byRef = (x: CaseRef, y: CaseRef) =>
  x.promptIdx - y.promptIdx || x.provider.localeCompare(y.provider) || x.testIdx - y.testIdx;

/** Cases with results on both sides (stage 1's strata), critical ones marked. */
export function pairedCases(
  base: readonly CaseResult[],
  head: readonly CaseResult[],
  criticalTests: ReadonlySet<number>,
): CaseRef[] {
  const b = tally(base);
  return [...tally(head).values()]
    .filter((h) => b.has(h.ref.key))
    .map((h) => ({ ...h.ref, critical: criticalTests.has(h.ref.testIdx) }))
    .sort(byRef);
}

/** Critical cases whose first samples newly fail: the base's majority passes, the head's fails. */
export function newlyFailingCritical(
  cases: readonly CaseRef[],
  base: readonly CaseResult[],
  head: readonly CaseResult[],
): CaseRef[] {
  const pairs = freshPairs(cases, base, head);
  return cases.filter(
    (c, i) => c.critical && pairs[i].baseOutcomes > 0 && pairs[i].headOutcomes > 0 && isNewlyFailing(pairs[i]),
  );
}

const isNewlyFailing = (p: PairedCase) => 2 * p.basePassed > p.baseOutcomes && 2 * p.headPassed <= p.headOutcomes;

/** Tallies of `base` and `head` results per case of `cases`, errors excluded. */
export function freshPairs(
  cases: readonly CaseRef[],
  base: readonly CaseResult[],
  head: readonly CaseResult[],
): PairedCase[] {
  const b = tally(base);
  const h = tally(head);
  return cases.map((c) => ({
    basePassed: b.get(c.key)?.passed ?? 0,
    baseOutcomes: b.get(c.key)?.outcomes ?? 0,
    headPassed: h.get(c.key)?.passed ?? 0,
    headOutcomes: h.get(c.key)?.outcomes ?? 0,
  }));
}

/** The screen: do the head's samples pass at least as often as the base's, over the cases with outcomes on both? */
export function headNoWorse(pairs: readonly PairedCase[]): boolean {
  const usable = pairs.filter((p) => p.baseOutcomes > 0 && p.headOutcomes > 0);
  return usable.reduce((s, p) => s + p.headPassed / p.headOutcomes - p.basePassed / p.baseOutcomes, 0) >= 0;
}

interface StageOne {
  dist: Float64Array;
  observed: number;
  /** Largest t1 that rejects early (−1: none). */
  early: number;
  /** Smallest t1 that stops for futility. */
  futile: number;
}

function stageOne(pairs: readonly PairedCase[], level: number, design: FreshDesign): StageOne {
  const { dist, observed } = stratifiedNull(pairs);
  const total = pairs.reduce((s, p) => s + (p.baseOutcomes && p.headOutcomes ? p.basePassed + p.headPassed : 0), 0);
  let early = -1;
  for (let t = 0, tail = 0; t < dist.length; t++) {
    tail += dist[t];
    if (conservative(tail) >= design.early * level) break;
    early = t;
  }
  return { dist, observed, early, futile: Math.ceil(total / 2) };
}

/** After stage 1: reject early, stop for futility, or go on to stage 2. */
export function stageOneDecision(
  pairs: readonly PairedCase[],
  level: number,
  design: FreshDesign,
): 'early' | 'futile' | 'continue' {
  const s = stageOne(pairs, level, design);
  if (s.observed <= s.early) return 'early';
  return s.observed >= s.futile ? 'futile' : 'continue';
}

/** Stage 2's fresh repeats per side of each case, from its stage-1 outcomes only (their total, not their sides). */
export function stageTwoRepeats(
  cases: readonly CaseRef[],
  stage1: Samples,
  design: FreshDesign,
): Map<number, CaseRef[]> {
  const pairs = freshPairs(cases, stage1.base, stage1.head);
  return byCount(cases, (_, i) => {
    const complete = pairs[i].baseOutcomes > 0 && pairs[i].headOutcomes > 0;
    return design.stage2[complete ? pairs[i].basePassed + pairs[i].headPassed : 1];
  });
}

/** `cases` grouped by how many fresh samples each needs (cases needing none are left out), in case order. */
export function byCount(cases: readonly CaseRef[], count: (c: CaseRef, i: number) => number): Map<number, CaseRef[]> {
  const groups = new Map<number, CaseRef[]>();
  cases.forEach((c, i) => {
    const n = count(c, i);
    if (n > 0) groups.set(n, [...(groups.get(n) ?? []), c]);
  });
  return groups;
}

/** The stage-wise p of the whole design (or of `only` cases: the union bound over its two stages). */
export function freshPValue(e: FreshEvidence, only?: (c: CaseRef) => boolean): number {
  const cases = only ? e.cases.filter(only) : e.cases;
  const s1 = freshPairs(cases, e.stage1.base, e.stage1.head);
  const s2 = freshPairs(cases, e.stage2.base, e.stage2.head);
  if (only) {
    const first = stratifiedExactLowerTail(s1) / e.design.early;
    if (e.stopped !== 'final') return Math.min(1, first);
    return Math.min(1, first, stratifiedExactLowerTail([...s1, ...s2]) / (1 - e.design.early));
  }
  const one = stageOne(s1, e.level, e.design);
  if (e.stopped !== 'final') return conservative(lowerTail(one.dist, one.observed));
  const two = stratifiedNull(s2);
  return stageWise(one, two, one.observed + two.observed);
}

/** P(T1 ≤ c1) + P(c1 < T1 < f, T1 + T2 ≤ t). */
function stageWise(one: StageOne, two: { dist: Float64Array }, t: number): number {
  let p = lowerTail(one.dist, one.early);
  for (let t1 = one.early + 1; t1 < Math.min(one.futile, one.dist.length); t1++)
    if (t >= t1) p += one.dist[t1] * lowerTail(two.dist, t - t1);
  return conservative(p);
}

/** The smallest stage-wise p these strata could give (every head outcome as low as the totals allow). */
export function smallestFreshP(e: FreshEvidence): number {
  const s1 = freshPairs(e.cases, e.stage1.base, e.stage1.head);
  const s2 = freshPairs(e.cases, e.stage2.base, e.stage2.head);
  const one = stageOne(s1, e.level, e.design);
  const two = stratifiedNull(s2);
  const first = (d: Float64Array) =>
    Math.max(
      0,
      d.findIndex((x) => x > 0),
    );
  if (e.stopped !== 'final') return conservative(lowerTail(one.dist, first(one.dist)));
  return stageWise(one, two, first(one.dist) + first(two.dist));
}

/** A critical case's repeats drawn after it was selected: its stage-2 ones and its top-ups. */
export function criticalPair(e: FreshEvidence, c: CaseRef): PairedCase {
  return freshPairs([c], [...e.stage2.base, ...e.topUp.base], [...e.stage2.head, ...e.topUp.head])[0];
}

/**
 * Fresh repeats per side a critical case needs so that its exact test, Holm-corrected over `criticalCases`
 * selected critical cases at `level`, can reject at all.
 */
export const freshRepeatsForCritical = (level: number, criticalCases: number) =>
  repeatsToDecide(level / Math.max(1, criticalCases));
