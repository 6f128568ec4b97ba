// Adaptive repeats: the first samples of every case (cache reused) screen; fresh samples decide, in the two
// stages of the design stated in src/compare/sequential.ts. The provider calls come through `resample`, so
// this loop is the same in the pipeline and in `npm run simulate`.
import {
  DEFAULT_DESIGN,
  byCount,
  freshPairs,
  freshRepeatsForCritical,
  headNoWorse,
  newlyFailingCritical,
  pairedCases,
  stageOneDecision,
  stageTwoRepeats,
  caseKeyOf,
  type CaseRef,
  type FreshDesign,
  type FreshEvidence,
  type FreshStop,
  type Samples,
} from '../compare/sequential.js';
import type { PlannedCase } from '../engine/plan.js';
import type { CaseResult, ProviderSpec } from '../types.js';

/** `n` fresh samples (never from the cache) of each of `cases` on one side. */
export type Resample = (cases: readonly CaseRef[], side: 'base' | 'head', n: number) => Promise<CaseResult[]>;

export interface AdaptiveInput {
  /** The first samples of each side (`cached` says which came from the cache). */
  base: readonly CaseResult[];
  head: readonly CaseResult[];
  criticalTests: ReadonlySet<number>;
  /** α; with critical tests the paired family gets α/2, as compare.ts applies it. */
  alpha: number;
  resample: Resample;
  design?: FreshDesign;
}

/** Fresh evidence for the verdict, or undefined when the first samples screen it out and nothing was drawn. */
export async function gatherFreshEvidence(input: AdaptiveInput): Promise<FreshEvidence | undefined> {
  const design = input.design ?? DEFAULT_DESIGN;
  const level = input.criticalTests.size > 0 ? input.alpha / 2 : input.alpha;
  const cases = pairedCases(input.base, input.head, input.criticalTests);
  if (cases.length === 0) return undefined;
  let calls = 0;
  /** Fresh samples of each group of cases, on both sides. */
  const draw = async (groups: ReadonlyMap<number, CaseRef[]>): Promise<Samples> => {
    const drawn: Samples = { base: [], head: [] };
    for (const [n, which] of groups) {
      const [base, head] = await Promise.all([input.resample(which, 'base', n), input.resample(which, 'head', n)]);
      drawn.base.push(...base);
      drawn.head.push(...head);
      calls += base.length + head.length;
    }
    return drawn;
  };

  let stage1: Samples = { base: [], head: [] };
  let stage2: Samples = { base: [], head: [] };
  let redrawn = 0;
  let stopped: FreshStop = 'screened';
  if (!headNoWorse(freshPairs(cases, input.base, input.head))) {
    // Stage 1: the first samples this run drew are fresh; the cached ones are drawn again.
    const [base, head] = await Promise.all([
      redrawSide('base', input.base, cases, input.resample),
      redrawSide('head', input.head, cases, input.resample),
    ]);
    stage1 = { base: base.results, head: head.results };
    calls += base.drawn.length + head.drawn.length;
    redrawn = Math.max(base.drawn.length, head.drawn.length);
    const decision = stageOneDecision(freshPairs(cases, stage1.base, stage1.head), level, design);
    stopped = decision === 'continue' ? 'final' : decision;
    if (decision === 'continue') stage2 = await draw(stageTwoRepeats(cases, stage1, design));
  }

  // Critical flips: enough repeats drawn after their selection that their own exact test can decide them.
  const critical = newlyFailingCritical(cases, input.base, input.head);
  let topUp: Samples = { base: [], head: [] };
  if (critical.length > 0) {
    const needed = freshRepeatsForCritical(input.alpha / 2, critical.length);
    const have = freshPairs(critical, stage2.base, stage2.head);
    topUp = await draw(byCount(critical, (_, i) => needed - Math.min(have[i].baseOutcomes, have[i].headOutcomes)));
  }
  if (stopped === 'screened' && critical.length === 0) return undefined;
  return { design, level, stopped, cases, stage1, redrawn, stage2, critical, topUp, calls };
}

/**
 * The engine's case filter for a resample of `cases` on a side: its plan's prompt `headIdx` maps the side's
 * prompt positions to the head's (as results are re-indexed), providers are matched by their result name.
 */
export function resampleFilter(
  cases: readonly CaseRef[],
  headIdx: readonly number[],
  providers: readonly ProviderSpec[],
): (planned: PlannedCase) => boolean {
  const wanted = new Set(cases.map((c) => JSON.stringify([c.promptIdx, c.provider, c.testIdx])));
  const names = providers.map((p) => p.label ?? p.id);
  return (planned) =>
    wanted.has(JSON.stringify([headIdx[planned.promptIdx], names[planned.providerIdx], planned.testIdx]));
}

/** The sides with every cached result drawn again, and how many were. */
export interface Redrawn {
  base: CaseResult[];
  head: CaseResult[];
  redrawn: number;
}

/**
 * With repeats (repeat > 1) the repeats themselves are tested, so none of them may come from the cache (a cached
 * base is one sample reused by every pull request): unless the head's samples are no worse than the base's (the
 * screen, which only ever accepts), every cached result of a paired case is drawn again. Undefined when none was.
 */
export async function redrawCached(
  base: readonly CaseResult[],
  head: readonly CaseResult[],
  resample: Resample,
): Promise<Redrawn | undefined> {
  const cases = pairedCases(base, head, new Set());
  if (headNoWorse(freshPairs(cases, base, head))) return undefined;
  const [b, h] = await Promise.all([
    redrawSide('base', base, cases, resample),
    redrawSide('head', head, cases, resample),
  ]);
  const redrawn = b.drawn.length + h.drawn.length;
  return redrawn > 0 ? { base: b.results, head: h.results, redrawn } : undefined;
}

/**
 * One side's results with every cached result of `cases` drawn again (as many per case as came from the cache):
 * what stage 1 and `redrawCached` test instead of the cache's samples.
 */
async function redrawSide(
  side: 'base' | 'head',
  results: readonly CaseResult[],
  cases: readonly CaseRef[],
  resample: Resample,
): Promise<{ results: CaseResult[]; drawn: CaseResult[] }> {
  const paired = new Set(cases.map((c) => c.key));
  const stale = (r: CaseResult) => r.cached && paired.has(caseKeyOf(r));
  const perCase = new Map<string, number>();
  for (const r of results.filter(stale)) perCase.set(caseKeyOf(r), (perCase.get(caseKeyOf(r)) ?? 0) + 1);
  const groups = byCount(cases, (c) => perCase.get(c.key) ?? 0);
  const drawn = (await Promise.all([...groups].map(([n, which]) => resample(which, side, n)))).flat();
  return { results: [...results.filter((r) => !stale(r)), ...drawn], drawn };
}
