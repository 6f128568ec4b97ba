// The spend plan of a whole review (every suite, both sides), made before the first call, and the budget check
// over it: a review stops, or is sampled, as one run, not suite by suite.
import type { OutputCache } from '../engine/cache.js';
import { withinBudget, type BudgetedPlan, type CaseFilter } from '../engine/budget.js';
import { budgetExcess, mergeSpendPlans, type BudgetExcess, type SpendPlan } from '../engine/spend-plan.js';
import { planEvaluation, type EvaluateOptions } from '../evaluate.js';
import { sideRun, type PreparedSuite } from './suite.js';

/** What every side of every prepared suite would call, under `filter` (a shard, a sample). */
export async function planReview(
  prepared: readonly PreparedSuite[],
  options: EvaluateOptions,
  cache: OutputCache | undefined,
  filter: CaseFilter | undefined,
): Promise<SpendPlan> {
  const plans: SpendPlan[] = [];
  for (const suite of prepared) {
    if (suite.skip || !suite.suite || suite.head.headIdx.length === 0) continue;
    // The verdict's two sides under the yardstick, and the PR's own suite on the head when it runs too.
    const runs = [
      { suite: suite.suite, side: suite.head },
      { suite: suite.suite, side: suite.base },
      { suite: suite.prSuite?.suite, side: suite.prSuite?.head },
    ];
    for (const run of runs) {
      if (!run.suite || !run.side) continue;
      const { subset, prompts, include } = sideRun(run.suite, run.side, filter);
      plans.push(await planEvaluation(subset, { ...options, prompts, ...(cache ? { cache } : {}), include }));
    }
  }
  return mergeSpendPlans(plans);
}

/** The review's plan checked against its budget: the filter to run with (a sample, when so chosen). */
export function budgetReview(
  prepared: readonly PreparedSuite[],
  options: EvaluateOptions,
  cache: OutputCache | undefined,
  filter?: CaseFilter,
): Promise<{ filter: CaseFilter | undefined; planned: BudgetedPlan }> {
  return withinBudget(options, (f) => planReview(prepared, options, cache, f), filter);
}

/** `compare --estimate`: the plan, and the limit it would exceed; nothing is called. */
export async function estimateReview(
  prepared: readonly PreparedSuite[],
  options: EvaluateOptions,
  cache: OutputCache | undefined,
): Promise<{ plan: SpendPlan; excess?: BudgetExcess }> {
  const plan = await planReview(prepared, options, cache, undefined);
  const excess = options.budget ? budgetExcess(plan, options.budget) : undefined;
  return { plan, ...(excess ? { excess } : {}) };
}
