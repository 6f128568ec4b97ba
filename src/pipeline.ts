// The whole review as plain functions, I/O passed in. The action and the CLI both call these.
//
//   load suite ─► find changes ─► materialize base prompts ─► run both sides ─► compare ─► gate
//
// A run can also stop after "run both sides" for one shard of the cases (reviewShard), and a merge job picks
// the shards up again at "compare" (reviewMerged): the result is the one a single run would give.
import type { Comparison } from './compare/compare.js';
import { addCalls, openCache, type CallCounts, type EvaluateOptions } from './evaluate.js';
import { combineVerdicts, type CheckVerdict, type GateDecision } from './gate.js';
import type { FileChange } from './git/changes.js';
import { untestedPromptChanges } from './review/affected.js';
import {
  decideSuite,
  evaluateSides,
  freshCalls,
  freshEvidenceFor,
  prepareSuite,
  repoRelative,
  type PreparedSuite,
} from './review/suite.js';
import { buildShardSide, type ShardSide } from './shard/shard-file.js';
import { mergeShards } from './shard/merge.js';
import { shardCaseFilter, type Shard } from './shard/shard.js';
import type { SourcedShardFile } from './shard/shard-file.js';
import type { EvalResults, Suite } from './types.js';
import { silentLogger } from './types.js';

export { addCalls, countCalls, evaluateConfig, evaluateSuite } from './evaluate.js';
export type { CallCounts, EvaluateOptions } from './evaluate.js';

/** Writes the base revision's files (repository-relative paths or folders) into a directory. */
export type MaterializeBase = (paths: string[], destDir: string) => Promise<void>;

export interface ReviewInput {
  /** Repository root; the head's files are read from here (the workspace, or the head materialized). */
  repoDir: string;
  /** Suite configs, repository-relative. */
  configPaths: string[];
  /** Extra prompt globs: changed matches that no suite reads are reported as untested. */
  promptGlobs: string[];
  /** Files changed between base and head (repository-relative). */
  changes: FileChange[];
  materializeBase: MaterializeBase;
  /** Evaluate suites (and prompts) that no change touches too (e.g. `comment: always`). */
  evaluateUnaffected?: boolean;
  /**
   * `untrusted` (pull_request_target, workflow_run): code from files the pull request changed is refused —
   * JavaScript assertions, custom provider modules, exec providers, JS transforms. Default `trusted`.
   */
  trust?: 'trusted' | 'untrusted';
  /** Fork pull requests get no secrets: `skip` marks a suite without credentials skipped instead of failing. */
  missingCredentials?: 'fail' | 'skip';
  evaluate: EvaluateOptions;
}

export interface SuiteReview {
  /** Repository-relative config path. */
  configPath: string;
  name: string;
  /** The changed files this suite reads (config, prompts, tests, vars, scripts). */
  affectedBy: string[];
  verdict: CheckVerdict;
  gate?: GateDecision;
  suite?: Suite;
  base?: EvalResults;
  head?: EvalResults;
  comparison?: Comparison;
  /** Head prompts the pull request adds: evaluated, with nothing to compare against. */
  newPrompts: string[];
  /** Prompts not run at all, and why (e.g. unchanged). */
  skippedPrompts: Array<{ id: string; reason: string }>;
  /** Why the base side could not be evaluated, when it could not. */
  baseProblem?: string;
  /** Why the suite was not evaluated at all, when it was skipped for a reason the reader must see. */
  skippedReason?: string;
  calls: CallCounts;
}

export interface ReviewResult {
  suites: SuiteReview[];
  /** Changed prompt files no suite reads. */
  untestedPromptChanges: string[];
  /** The overall verdict; 'skipped' when no suite was affected. */
  verdict: CheckVerdict;
  basePassRate: number | null;
  headPassRate: number | null;
  regressions: number;
  calls: CallCounts;
}

async function prepareAll(input: ReviewInput): Promise<PreparedSuite[]> {
  const logger = input.evaluate.logger ?? silentLogger;
  const prepared: PreparedSuite[] = [];
  for (const configPath of input.configPaths) prepared.push(await prepareSuite(input, configPath, logger));
  return prepared;
}

export async function review(input: ReviewInput): Promise<ReviewResult> {
  const logger = input.evaluate.logger ?? silentLogger;
  const cache = openCache(input.evaluate);
  const suites: SuiteReview[] = [];
  for (const prepared of await prepareAll(input)) {
    const sides = await evaluateSides(prepared, input.evaluate, cache, logger);
    suites.push(decideSuite(prepared, sides, logger));
  }
  return summarize(input, suites);
}

function summarize(input: ReviewInput, suites: SuiteReview[]): ReviewResult {
  const tested = new Set<string>();
  for (const s of suites)
    if (s.suite) for (const f of repoRelative(input.repoDir, s.suite.referencedFiles)) tested.add(f);
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
  for (const prepared of await prepareAll(input)) {
    const evaluated = await evaluateSides(prepared, input.evaluate, cache, logger, (ids) =>
      shardCaseFilter(ids, shard),
    );
    calls = addCalls(calls, evaluated.calls);
    for (const side of ['head', 'base'] as const) {
      const results = evaluated[side];
      if (!results) continue;
      sides.push(
        buildShardSide({ config: prepared.configPath, side, shard, identities: evaluated.identities[side], results }),
      );
    }
  }
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
  const suites: SuiteReview[] = [];
  for (const prepared of await prepareAll(input)) {
    const sides = byConfig.get(prepared.configPath);
    // Adaptive repeats run here, once, on the merged first samples (as a single run would).
    const fresh = await freshEvidenceFor(prepared, { head: sides?.head, base: sides?.base }, input.evaluate);
    const counts = addCalls(calls.get(prepared.configPath) ?? { made: 0, cached: 0 }, freshCalls(fresh));
    suites.push(decideSuite(prepared, { head: sides?.head, base: sides?.base, calls: counts, fresh }, logger));
  }
  return summarize(input, suites);
}
