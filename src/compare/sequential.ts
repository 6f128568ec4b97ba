// Fresh evidence for flips: the rule that decides which cases get fresh repeats, and when to stop. Pure.
//
// Why: the first sample of each case is cached, and a cached base is one sample reused by every pull request.
// Tested against that one sample, a lucky base makes every no-op head look worse (issue 10: 27 of 50 no-op
// heads flagged against one cached base). So the first samples only *select* the cases that could matter —
// those whose outcome flipped between base and head — and the test uses only fresh samples of those cases,
// drawn on both sides after the selection. Fresh samples are independent of the selection, and under H0
// (the head is the base's model) a case's fresh base and head repeats are exchangeable, so the paired test on
// them keeps false alarms ≤ its level for every cached base, not only on average.
//
// Sequential rule, stated: up to `rounds` looks; each round draws `perRound` fresh repeats per side of every
// selected case, then the paired test (stats.ts) on all fresh repeats so far rejects when p < level / rounds
// (Bonferroni over the looks: Σ level/rounds = level). The run stops early when it rejects, or for futility
// when the fresh repeats show the head no worse than the base (stopping for futility only removes chances
// to reject, so it cannot raise the false-alarm rate). Critical cases are tested by their own exact test,
// once, after the fresh repeats they need (freshRepeatsForCritical).
import type { CaseResult } from '../types.js';
import { repeatsToDecide, stratifiedExactLowerTail, type PairedCase } from './stats.js';

export interface SequentialOptions {
  /** Most looks; with perRound, the budget. */
  rounds: number;
  /** Fresh repeats per side of every selected case before each look. */
  perRound: number;
}

/**
 * One look after 3 fresh repeats per side. Chosen by `npm run simulate` (README): with the level split
 * over more looks, each look's Bonferroni share costs more power than stopping early saves calls.
 */
export const DEFAULT_SEQUENTIAL: SequentialOptions = { rounds: 1, perRound: 3 };

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

function tally(results: readonly CaseResult[]): Map<string, { passed: number; outcomes: number; ref: CaseRef }> {
  const byCase = new Map<string, { passed: number; outcomes: number; ref: CaseRef }>();
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

/**
 * The cases whose fresh repeats decide the verdict: those with outcomes on both sides whose majority
 * outcome differs (flipped either way). Critical ones are marked.
 */
export function casesToResample(
  base: readonly CaseResult[],
  head: readonly CaseResult[],
  criticalTests: ReadonlySet<number>,
): CaseRef[] {
  const b = tally(base);
  const h = tally(head);
  const selected: CaseRef[] = [];
  for (const [key, hb] of h) {
    const bb = b.get(key);
    if (!bb || bb.outcomes === 0 || hb.outcomes === 0) continue;
    const basePasses = 2 * bb.passed > bb.outcomes;
    const headPasses = 2 * hb.passed > hb.outcomes;
    if (basePasses !== headPasses) selected.push({ ...hb.ref, critical: criticalTests.has(hb.ref.testIdx) });
  }
  return selected.sort(
    (x, y) => x.promptIdx - y.promptIdx || x.provider.localeCompare(y.provider) || x.testIdx - y.testIdx,
  );
}

/** Fresh base and head repeats of the selected cases, paired for the test. */
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

export type LookDecision = 'reject' | 'futile' | 'continue' | 'budget-spent';

/** After `round` looks (1-based): reject, stop for futility, continue, or stop because the budget is spent. */
export function decideLook(
  pairs: readonly PairedCase[],
  round: number,
  level: number,
  options: SequentialOptions,
): LookDecision {
  const usable = pairs.filter((p) => p.baseOutcomes > 0 && p.headOutcomes > 0);
  if (usable.length > 0 && stratifiedExactLowerTail(usable) < level / options.rounds) return 'reject';
  const delta = usable.reduce((s, p) => s + p.headPassed / p.headOutcomes - p.basePassed / p.baseOutcomes, 0);
  if (usable.length === 0 || delta >= 0) return 'futile';
  return round >= options.rounds ? 'budget-spent' : 'continue';
}

/**
 * Fresh repeats per side a critical case needs so that its exact test, Holm-corrected over `criticalCases`
 * selected critical cases at `level`, can reject at all.
 */
export const freshRepeatsForCritical = (level: number, criticalCases: number) =>
  repeatsToDecide(level / Math.max(1, criticalCases));
