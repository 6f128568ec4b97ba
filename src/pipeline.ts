// The whole review as plain functions, I/O passed in. The action and the CLI both call these.
//
//   load suite ─► find changes ─► materialize base prompts ─► run both sides ─► compare ─► gate
//
// A run can also stop after "run both sides" for one shard of the cases (reviewShard), and a merge job picks
// the shards up again at "compare" (reviewMerged): the result is the one a single run would give.
import { Limiters } from './engine/limiter.js';
import type { BudgetExcess, SpendPlan } from './engine/spend-plan.js';
import { addCalls, memoizedRender, openCache, type CallCounts, type EvaluateOptions } from './evaluate.js';
import { combineVerdicts } from './gate.js';
import { budgetReview, estimateReview } from './review/budget.js';
import { untestedPromptChanges } from './review/affected.js';
import {
  decideSuite,
  evaluateSides,
  freshCalls,
  freshEvidenceFor,
  prepareSuite,
  type PreparedSuite,
} from './review/suite.js';
import { openTrees } from './review/trees.js';
import { buildShardSide, type ShardSide } from './shard/shard-file.js';
import { mergeShards } from './shard/merge.js';
import { shardCaseFilter, type Shard } from './shard/shard.js';
import type { SourcedShardFile } from './shard/shard-file.js';
import type { ReviewInput, ReviewResult, SuiteReview } from './review/types.js';
import { silentLogger } from './types.js';

export { addCalls, countCalls, evaluateConfig, evaluateSuite } from './evaluate.js';
export type { CallCounts, EvaluateOptions } from './evaluate.js';

export type { MaterializeBase, PrSuiteOutcome, ReviewInput, ReviewResult, SuiteReview } from './review/types.js';

/** Prepares every suite with the base revision written out, then does the work; the trees go afterwards. */
async function withPrepared<T>(input: ReviewInput, work: (prepared: PreparedSuite[]) => Promise<T>): Promise<T> {
  const logger = input.evaluate.logger ?? silentLogger;
  const trees = await openTrees(input);
  try {
    const prepared: PreparedSuite[] = [];
    for (const configPath of input.configPaths) prepared.push(await prepareSuite(input, trees, configPath, logger));
    return await work(prepared);
  } finally {
    await trees.close();
  }
}

export async function review(input: ReviewInput): Promise<ReviewResult> {
  const logger = input.evaluate.logger ?? silentLogger;
  const cache = openCache(input.evaluate);
  return withPrepared(input, async (all) => {
    // Planned (and checked against max-calls / max-cost) before the first call of any suite.
    const evaluate = withSharedEngine(input.evaluate);
    const { filter, planned } = await budgetReview(all, evaluate, cache);
    const suites: SuiteReview[] = [];
    for (const prepared of all) {
      const sides = await evaluateSides(prepared, evaluate, cache, logger, filter);
      suites.push(decideSuite(prepared, sides, logger));
    }
    return { ...summarize(input, suites), spend: planned };
  });
}

/** `compare --estimate`: the spend plan of the review, and the limit it would exceed; no provider is called. */
export async function estimate(input: ReviewInput): Promise<{ plan: SpendPlan; excess?: BudgetExcess }> {
  return withPrepared(input, (all) => estimateReview(all, input.evaluate, openCache(input.evaluate)));
}

/**
 * One rate limiter per endpoint for the whole review (the base, the head and every suite share what they
 * learn), and one memo of rendered prompts for the spend plan and the run.
 */
function withSharedEngine(options: EvaluateOptions): EvaluateOptions {
  return { limiters: new Limiters(), render: memoizedRender(), ...options };
}

function summarize(input: ReviewInput, suites: SuiteReview[]): ReviewResult {
  const tested = new Set<string>();
  for (const s of suites) for (const f of s.readFiles) tested.add(f);
  const pooled = (side: 'base' | 'head') => {
    let passed = 0;
    let outcomes = 0;
    for (const s of suites) {
      const rate = s.comparison?.overall[side];
      if (!rate) continue;
      passed += rate.passed;
      outcomes += rate.passed + rate.failed;
    }
    return outcomes === 0 ? null : passed / outcomes;
  };
  return {
    suites,
    untestedPromptChanges: untestedPromptChanges(input.changes, input.promptGlobs, tested),
    verdict: combineVerdicts(suites.map((s) => s.verdict)),
    basePassRate: pooled('base'),
    headPassRate: pooled('head'),
    regressions: suites.filter((s) => s.verdict === 'regression').length,
    calls: suites.reduce((acc, s) => addCalls(acc, s.calls), { made: 0, cached: 0 }),
  };
}

// ── Sharding on an Actions matrix ──────────────────────────────────────────────────────────────────────

/** One shard's part of a review: the sides of every suite, as far as this shard ran them. */
export async function reviewShard(
  input: ReviewInput,
  shard: Shard,
): Promise<{ sides: ShardSide[]; calls: CallCounts }> {
  const logger = input.evaluate.logger ?? silentLogger;
  const cache = openCache(input.evaluate);
  const sides: ShardSide[] = [];
  let calls: CallCounts = { made: 0, cached: 0 };
  await withPrepared(input, async (all) => {
    const evaluate = withSharedEngine(input.evaluate);
    const { filter } = await budgetReview(all, evaluate, cache, (ids) => shardCaseFilter(ids, shard));
    for (const prepared of all) {
      const evaluated = await evaluateSides(prepared, evaluate, cache, logger, filter, 'verdict');
      calls = addCalls(calls, evaluated.calls);
      for (const side of ['head', 'base'] as const) {
        const results = evaluated[side];
        if (!results) continue;
        sides.push(
          buildShardSide({ config: prepared.configPath, side, shard, identities: evaluated.identities[side], results }),
        );
      }
    }
  });
  return { sides, calls };
}

/**
 * The review from shard files: the suites are prepared again (no provider calls) for their thresholds,
 * prompts and skip reasons; the results come from the shards, merged and checked for completeness.
 */
export async function reviewMerged(input: ReviewInput, files: readonly SourcedShardFile[]): Promise<ReviewResult> {
  const logger = input.evaluate.logger ?? silentLogger;
  const merged = mergeShards(files);
  const byConfig = new Map(merged.configs.map((c) => [c.config, c]));
  const calls = new Map<string, CallCounts>();
  for (const file of files) {
    for (const side of file.data.sides) {
      const counts = calls.get(side.config) ?? { made: 0, cached: 0 };
      const cached = side.results.filter((r) => r.cached).length;
      calls.set(side.config, addCalls(counts, { made: side.results.length - cached, cached }));
    }
  }
  return withPrepared(input, async (all) => {
    const suites = [];
    for (const prepared of all) {
      const sides = byConfig.get(prepared.configPath);
      // Adaptive repeats run here, once, on the merged first samples (as a single run would).
      const fresh = await freshEvidenceFor(prepared, { head: sides?.head, base: sides?.base }, input.evaluate);
      const counts = addCalls(calls.get(prepared.configPath) ?? { made: 0, cached: 0 }, freshCalls(fresh));
      const decided = {
        head: fresh.redrawn?.head ?? sides?.head,
        base: fresh.redrawn?.base ?? sides?.base,
        calls: counts,
        ...(fresh.fresh ? { fresh: fresh.fresh } : {}),
        ...(fresh.redrawn ? { redrawn: fresh.redrawn.calls } : {}),
      };
      suites.push(decideSuite(prepared, decided, logger));
    }
    return summarize(input, suites);
  });
}
