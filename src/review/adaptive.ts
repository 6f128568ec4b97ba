// Adaptive repeats: the first sample of every case (cache reused) selects the flipped cases; fresh samples of
// those, on both sides, decide — round by round, under the sequential rule of src/compare/sequential.ts, until
// it settles or the budget of rounds is spent. The provider calls come through `resample`, so this loop is the
// same in the pipeline and in `npm run simulate`.
import type { FreshEvidence } from '../compare/compare.js';
import {
  DEFAULT_SEQUENTIAL,
  casesToResample,
  decideLook,
  freshPairs,
  freshRepeatsForCritical,
  type CaseRef,
  type LookDecision,
  type SequentialOptions,
} from '../compare/sequential.js';
import type { PlannedCase } from '../engine/plan.js';
import type { CaseResult, ProviderSpec } from '../types.js';

/** `n` fresh samples (never from the cache) of each of `cases` on one side. */
export type Resample = (cases: readonly CaseRef[], side: 'base' | 'head', n: number) => Promise<CaseResult[]>;

export interface AdaptiveInput {
  /** The first samples of each side. */
  base: readonly CaseResult[];
  head: readonly CaseResult[];
  criticalTests: ReadonlySet<number>;
  /** α and the gate's α split, as compare.ts applies them. */
  alpha: number;
  resample: Resample;
  sequential?: SequentialOptions;
}

/** Fresh evidence for the flipped cases, or undefined when nothing flipped (the first samples agree). */
export async function gatherFreshEvidence(input: AdaptiveInput): Promise<FreshEvidence | undefined> {
  const options = input.sequential ?? DEFAULT_SEQUENTIAL;
  const cases = casesToResample(input.base, input.head, input.criticalTests);
  if (cases.length === 0) return undefined;
  const paired = input.criticalTests.size > 0 ? input.alpha / 2 : input.alpha;
  const base: CaseResult[] = [];
  const head: CaseResult[] = [];
  const draw = async (which: readonly CaseRef[], n: number) => {
    if (which.length === 0 || n <= 0) return;
    const [b, h] = await Promise.all([input.resample(which, 'base', n), input.resample(which, 'head', n)]);
    base.push(...b);
    head.push(...h);
  };

  let rounds = 0;
  let stopped: LookDecision = 'continue';
  while (stopped === 'continue') {
    await draw(cases, options.perRound);
    rounds++;
    stopped = decideLook(freshPairs(cases, base, head), rounds, paired, options);
  }

  // Critical flips: enough fresh repeats that their own exact test can decide them.
  const critical = cases.filter((c) => c.critical);
  if (critical.length > 0) {
    const needed = freshRepeatsForCritical(input.alpha / 2, critical.length);
    await draw(critical, needed - rounds * options.perRound);
  }
  return { cases, base, head, looks: options.rounds, rounds, stopped };
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
