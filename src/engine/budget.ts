// `max-calls` and `max-cost`: a run is planned (spend-plan.ts) before its first call; one that would exceed the
// budget stops there, or — with `over-budget: sample` — runs a deterministic sample of its cases that fits.
// The sample keeps a case when its identity hashes below a fraction, so the same cases are kept on the base and
// the head (pairs stay whole), in every shard, and on every re-run.
import { createHash } from 'node:crypto';
import { UsageError } from '../errors.js';
import type { PlannedCase } from './plan.js';
import { budgetExcess, spendTotals, type Budget, type BudgetExcess, type SpendPlan } from './spend-plan.js';

/** Given a run's case identities (plan order), which of its cases to run; undefined keeps them all. */
export type CaseFilter = (identities: readonly string[]) => ((planned: PlannedCase) => boolean) | undefined;

export type OverBudget = 'stop' | 'sample';

export interface SampleFacts {
  /** Share of the cases kept, in (0, 1). */
  fraction: number;
  /** The limit that made the sample. */
  excess: BudgetExcess;
  /** Calls the sample will make (of `excess.planned` for max-calls). */
  calls: number;
  cost: number;
}

/** The plan told to the user; with `sample`, the plan of the sample that runs. */
export interface BudgetedPlan {
  plan: SpendPlan;
  sample?: SampleFacts;
}

export class BudgetExceededError extends UsageError {
  override name = 'BudgetExceededError';
  constructor(readonly excess: BudgetExcess) {
    const what =
      excess.limit === 'max-calls'
        ? `${excess.planned} provider calls, more than max-calls (${excess.allowed})`
        : `an estimated $${excess.planned.toFixed(2)}, more than max-cost ($${excess.allowed})`;
    super(
      `the run would make ${what}, so no call was made. Raise ${excess.limit}, narrow the suite, ` +
        'or set over-budget to "sample" to evaluate a deterministic sample of the cases that fits.',
    );
  }
}

/** A case's place in [0, 1): the first 48 bits of sha256(identity). */
export function sampleRank(identity: string): number {
  return createHash('sha256').update(identity).digest().readUIntBE(0, 6) / 2 ** 48;
}

/** Keeps the cases `inner` keeps whose rank is below `fraction`. */
export function sampleFilter(fraction: number, inner?: CaseFilter): CaseFilter {
  return (identities) => {
    const kept = inner?.(identities);
    return (planned) => (kept ? kept(planned) : true) && sampleRank(identities[planned.index] ?? '') < fraction;
  };
}

/**
 * Plans the run (through `plan`, with the filter it would run under), tells `onPlan`, and returns the filter to
 * run with: `filter` when the plan fits the budget, a sample of it when over budget and `overBudget` is sample.
 * Throws BudgetExceededError when over budget and `overBudget` is stop (before any call).
 */
export async function withinBudget(
  options: { budget?: Budget & { overBudget: OverBudget }; onPlan?: (planned: BudgetedPlan) => void | Promise<void> },
  plan: (filter: CaseFilter | undefined) => Promise<SpendPlan>,
  filter?: CaseFilter,
): Promise<{ filter: CaseFilter | undefined; planned: BudgetedPlan }> {
  const full = await plan(filter);
  const excess = options.budget ? budgetExcess(full, options.budget) : undefined;
  if (!excess) {
    await options.onPlan?.({ plan: full });
    return { filter, planned: { plan: full } };
  }
  if (options.budget!.overBudget !== 'sample') {
    await options.onPlan?.({ plan: full });
    throw new BudgetExceededError(excess);
  }
  // Cases cost about alike: start from the share that fits, and shrink until the sample's own plan fits.
  let fraction = Math.min(1, excess.allowed / excess.planned);
  for (let round = 0; round < 40 && fraction > 0; round++) {
    const sampled = sampleFilter(fraction, filter);
    const samplePlan = await plan(sampled);
    if (!budgetExcess(samplePlan, options.budget!)) {
      const totals = spendTotals(samplePlan);
      if (totals.calls + totals.cached === 0) break; // a sample of nothing decides nothing
      const planned: BudgetedPlan = {
        plan: samplePlan,
        sample: { fraction, excess, calls: totals.calls, cost: totals.cost },
      };
      await options.onPlan?.(planned);
      return { filter: sampled, planned };
    }
    fraction *= 0.9;
  }
  await options.onPlan?.({ plan: full });
  throw new BudgetExceededError(excess);
}

/** `max-calls` / `max-cost` / `over-budget` as given (flags or inputs) → the run's budget; none when no limit was given. */
export function budgetOption(limits: Budget & { overBudget: OverBudget }): {
  budget?: Budget & { overBudget: OverBudget };
} {
  if (limits.maxCalls === undefined && limits.maxCost === undefined) return {};
  return { budget: limits };
}
