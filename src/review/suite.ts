// One suite's review in three steps, so that a sharded run can stop after the second and a merge job can
// pick up at the third:
//   prepare  — load the suite, decide whether it is affected, find the base version of each prompt and which
//              prompts need running at all (no provider calls);
//   evaluate — run the head's tests on the head's and on the base's prompts (optionally one shard's cases);
//   decide   — compare per case, apply the gate.
import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { repoPaths } from '../paths.js';
import { compareResults } from '../compare/compare.js';
import { loadSuite, resolvePrompts } from '../config/load.js';
import type { OutputCache } from '../engine/cache.js';
import type { PlannedCase } from '../engine/plan.js';
import { messageOf, MissingCredentialsError } from '../errors.js';
import { decideVerdict, gate } from '../gate.js';
import { addCalls, countCalls, evaluateSuite, type CallCounts, type EvaluateOptions } from '../evaluate.js';
import type { PrSuiteOutcome, ReviewInput, SuiteReview } from './types.js';
import { requiredCredentials } from '../providers/index.js';
import { affectedPrompts } from './affected-prompts.js';
import { planIdentities } from '../shard/shard.js';
import type { EvalResults, Logger, Prompt, ProviderSpec, Suite } from '../types.js';
import { changedSuiteFiles, promptRepoPath } from './affected.js';
import { gatherFreshEvidence, redrawCached, resampleFilter, type Resample } from './adaptive.js';
import type { FreshEvidence } from '../compare/sequential.js';
import { pairPrompts } from './pair-prompts.js';
import { compareSuites, newTestIndexes, type SuiteChanges } from './suite-changes.js';
import { ensureBaseFiles, type ReviewTrees } from './trees.js';

/** A side to run: head prompt indexes, and the prompts to render for them (the base's, on the base side). */
export interface SidePlan {
  headIdx: number[];
  prompts: Prompt[];
}

export interface PreparedSuite {
  configPath: string;
  name: string;
  /**
   * The yardstick: the base's tests, assertions, graders, providers and gate (the PR's own when the base has no
   * such suite), with the head's prompts. Both sides of the verdict run under it.
   */
  suite?: Suite;
  affectedBy: string[];
  /** Every file the suite reads, repository-relative: the base's suite, the PR's, and the head's prompts. */
  readFiles: string[];
  /** Set when the suite is not evaluated; `reason` when the reader must be told why. */
  skip?: { reason?: string };
  head: SidePlan;
  /** Absent when there is nothing to compare with (every prompt new, or the base could not be read). */
  base?: SidePlan;
  /** Prompts not run, and why (unchanged, or new with no base). */
  skippedPrompts: Array<{ id: string; reason: string }>;
  newPrompts: string[];
  baseProblem?: string;
  /** What the pull request changed in the suite itself; absent when it changed nothing but prompts. */
  suiteChanges?: SuiteChanges;
  /** The PR's own suite, evaluated on the head beside the verdict when it differs from the base's (trusted events). */
  prSuite?: { suite: Suite; head: SidePlan; newTests: number[] };
}

const loadOptions = (input: ReviewInput, projectRoot: string) => ({
  overrides: { repeat: input.evaluate.repeat, maxConcurrency: input.evaluate.maxConcurrency },
  projectRoot,
});

/** The base revision's suite, or why it cannot be had (a suite the pull request adds has none). */
async function loadBaseSuite(
  input: ReviewInput,
  trees: ReviewTrees,
  configPath: string,
  wanted: readonly string[],
): Promise<{ suite?: Suite; problem?: string }> {
  await ensureBaseFiles(trees, input.materializeBase, [configPath, ...wanted]);
  const abs = path.join(trees.base, configPath);
  try {
    await stat(abs);
  } catch {
    return {};
  }
  try {
    return { suite: await loadSuite(abs, loadOptions(input, trees.base)) };
  } catch (err) {
    return { problem: `the base revision's ${configPath} could not be loaded (${messageOf(err)})` };
  }
}

/**
 * The head's text of the prompts the base's suite names, for an untrusted head: the base's `prompts` entries, as
 * its loader recorded them, resolved against a directory holding only the head's files as text (renamed files
 * under their old name).
 */
async function headPromptTexts(
  input: ReviewInput,
  trees: ReviewTrees,
  configPath: string,
  base: Suite,
): Promise<Prompt[]> {
  const dir = await trees.headText();
  const promptFiles = repoPaths(
    trees.base,
    base.prompts.flatMap((p) => (p.file ? [path.join(base.rootDir, p.file)] : [])),
  );
  const renamedTo = new Map(input.changes.flatMap((c) => (c.previousPath ? [[c.previousPath, c.path] as const] : [])));
  const wanted = new Set<string>(promptFiles.map((f) => renamedTo.get(f) ?? f));
  const written = base.writtenPrompts;
  // New files the base's prompt globs match are prompts too; other changed files are not fetched (a capped
  // pull request would otherwise cost a request per file through the API).
  const globs = written.globs.map((g) => path.posix.join(path.posix.dirname(configPath), g));
  const isPrompt = globs.length > 0 ? picomatch(globs) : () => false;
  for (const c of input.changes) if (c.status !== 'deleted' && isPrompt(c.path)) wanted.add(c.path);
  await input.materializeHead([...wanted], dir);
  for (const [from, to] of renamedTo) {
    if (!promptFiles.includes(from)) continue;
    await mkdir(path.dirname(path.join(dir, from)), { recursive: true });
    await copyFile(path.join(dir, to), path.join(dir, from)).catch(() => undefined);
  }
  const resolved = await resolvePrompts(
    written.entries,
    path.join(dir, path.posix.dirname(configPath)),
    written.locator.displayPath,
    { locator: written.locator, projectRoot: dir, runsCode: false },
  );
  return resolved.prompts;
}

export async function prepareSuite(
  input: ReviewInput,
  trees: ReviewTrees,
  configPath: string,
  logger: Logger,
): Promise<PreparedSuite> {
  const options = input.evaluate;
  const untrusted = input.trust === 'untrusted';
  // The pull request's own suite is loaded only when its code may run (trusted events).
  const prSuite = untrusted
    ? undefined
    : await loadSuite(path.resolve(input.repoDir, configPath), loadOptions(input, input.repoDir));
  const base = await loadBaseSuite(
    input,
    trees,
    configPath,
    prSuite ? repoPaths(input.repoDir, prSuite.referencedFiles) : [],
  );
  const name = base.suite?.description ?? prSuite?.description ?? configPath;
  const empty = { head: { headIdx: [], prompts: [] }, skippedPrompts: [], newPrompts: [] };
  if (!base.suite && !prSuite) {
    const reason = base.problem
      ? `skipped: ${base.problem}; on ${UNTRUSTED_EVENT_WORDS} only the base's suite may run`
      : `skipped: the pull request adds this suite, and on ${UNTRUSTED_EVENT_WORDS} only the base's suite may run (its tests and code would be the pull request's)`;
    logger.warn(`${configPath}: ${reason}`);
    return { configPath, name, affectedBy: [configPath], readFiles: [configPath], ...empty, skip: { reason } };
  }
  for (const warning of (prSuite ?? base.suite)?.warnings ?? []) logger.warn(warning);
  let headPrompts: Prompt[];
  try {
    headPrompts = prSuite ? prSuite.prompts : await headPromptTexts(input, trees, configPath, base.suite!);
  } catch (err) {
    // The head deleted or moved a prompt file the base's suite reads: that suite cannot judge the head's text.
    const reason = `skipped: the base's suite names prompts the pull request no longer has as text (${messageOf(err)}); on ${UNTRUSTED_EVENT_WORDS} only the base's suite may run`;
    logger.warn(`${configPath}: ${reason}`);
    return { configPath, name, affectedBy: [configPath], readFiles: [configPath], ...empty, skip: { reason } };
  }
  const yardstick: Suite = base.suite ? { ...base.suite, prompts: headPrompts } : prSuite!;

  const promptFiles = new Set(headPrompts.flatMap((p) => (p.file ? [promptRepoPath(configPath, p.file)] : [])));
  const suiteFiles = [
    ...promptFiles,
    ...(base.suite ? repoPaths(trees.base, base.suite.referencedFiles) : []),
    ...(prSuite ? repoPaths(input.repoDir, prSuite.referencedFiles) : []),
  ];
  const readFiles = [...new Set(suiteFiles)].sort();
  const affectedBy = input.changesIncomplete ? readFiles : changedSuiteFiles(readFiles, input.changes);
  const prepared: PreparedSuite = {
    configPath,
    name,
    suite: yardstick,
    affectedBy,
    readFiles,
    ...empty,
    baseProblem: base.problem,
  };
  if (affectedBy.length === 0 && !input.evaluateUnaffected) {
    logger.info(`${configPath}: no file this suite reads changed; skipped`);
    return { ...prepared, skip: {} };
  }
  const changedSuiteItself = affectedBy.filter((f) => !promptFiles.has(f));
  if (changedSuiteItself.length > 0 && base.suite) {
    prepared.suiteChanges = {
      files: changedSuiteItself,
      evaluated: prSuite !== undefined,
      ...(prSuite ? compareSuites(base.suite, prSuite) : { tests: [] }),
    };
  }
  const missing = missingCredentials(
    prSuite && prepared.suiteChanges ? [...yardstick.providers, ...prSuite.providers] : yardstick.providers,
    options.env ?? process.env,
  );
  if (missing.length > 0) {
    if (input.missingCredentials === 'skip') {
      const reason = `skipped: no credentials for provider ${missing.join(', ')} on fork pull requests — GitHub does not pass secrets to them`;
      logger.warn(`${configPath}: ${reason}`);
      return { ...prepared, skip: { reason } };
    }
    throw new MissingCredentialsError(
      `${configPath}: no credentials for provider ${missing.join(', ')}: set them in the step's env, e.g. \`env: OPENAI_API_KEY: \${{ secrets.OPENAI_API_KEY }}\``,
    );
  }

  const everything = headPrompts.map((_, i) => i);
  const paired = base.suite
    ? pairPrompts(
        base.suite.prompts,
        headPrompts,
        input.changes,
        path.posix.dirname(configPath) === '.' ? '' : path.posix.dirname(configPath),
      )
    : undefined;
  const withPrSuite = (plan: PreparedSuite): PreparedSuite => {
    if (!prSuite || !base.suite || !plan.suiteChanges) return plan;
    const run = plan.head.headIdx;
    return {
      ...plan,
      prSuite: {
        suite: prSuite,
        head: { headIdx: run, prompts: run.map((i) => headPrompts[i]) },
        newTests: newTestIndexes(base.suite, prSuite),
      },
    };
  };
  if (!paired || !paired.some((p) => p !== undefined)) {
    const head = { headIdx: everything, prompts: headPrompts };
    return withPrSuite({ ...prepared, head, newPrompts: headPrompts.map((p) => p.label) });
  }
  // When only prompt files changed, a prompt whose text is the same on both sides would give the same
  // outcomes on both: it is not run at all. When tests, vars, providers or scripts changed, every prompt is.
  const onlyPromptsChanged = changedSuiteItself.length === 0 && !input.evaluateUnaffected;
  const verdicts = affectedPrompts(paired, headPrompts);
  const run = onlyPromptsChanged ? verdicts.evaluate : everything;
  const skippedPrompts = onlyPromptsChanged
    ? verdicts.prompts.filter((p) => p.status === 'unchanged').map((p) => ({ id: p.label, reason: p.reason }))
    : [];
  const newPrompts = verdicts.prompts.filter((p) => p.status === 'new').map((p) => p.label);
  if (run.length === 0) {
    logger.info(`${configPath}: the changed prompt files have the same text on both sides; skipped`);
    return { ...prepared, skip: {}, skippedPrompts };
  }
  const pairedRun = run.filter((i) => paired[i] !== undefined);
  return withPrSuite({
    ...prepared,
    head: { headIdx: run, prompts: run.map((i) => headPrompts[i]) },
    base: pairedRun.length ? { headIdx: pairedRun, prompts: pairedRun.map((i) => paired[i]!) } : undefined,
    skippedPrompts,
    newPrompts,
  });
}

const UNTRUSTED_EVENT_WORDS = "events that run with the base repository's secrets (pull_request_target, workflow_run)";

function missingCredentials(providers: readonly ProviderSpec[], env: NodeJS.ProcessEnv): string[] {
  const seen = new Set<string>();
  return providers.flatMap((p) =>
    requiredCredentials(p, env)
      .map((name) => `${p.label ?? p.id} (${name})`)
      .filter((m) => !seen.has(m) && seen.add(m)),
  );
}

/** Which cases of a side to run: all, or one shard's (given the side's case identities). */
export type SideFilter = (identities: readonly string[]) => ((planned: PlannedCase) => boolean) | undefined;

export interface EvaluatedSides {
  head?: EvalResults;
  base?: EvalResults;
  /** The PR's own suite on the head prompts, when it differs from the base's (shown beside the verdict). */
  prHead?: EvalResults;
  calls: CallCounts;
  /** Case identities of each side's full plan (for shard files). */
  identities: { head: string[]; base: string[] };
  /** Fresh evidence (adaptive repeats, repeat 1), when it ran. */
  fresh?: FreshEvidence;
  /** With repeats: how many cached results were drawn again (they are in head and base). */
  redrawn?: number;
}

interface EvaluatedSide {
  results: EvalResults;
  identities: string[];
}

/** What the engine runs for one side: the suite with the side's prompts, and the side's cases (all, or a filter's). */
export function sideRun(
  suite: Suite,
  side: SidePlan,
  filter: SideFilter | undefined,
): { subset: Suite; prompts: Prompt[]; identities: string[]; include?: (planned: PlannedCase) => boolean } {
  const subset: Suite = { ...suite, prompts: side.headIdx.map((i) => suite.prompts[i]) };
  const identities = planIdentities({
    tests: suite.tests,
    prompts: subset.prompts,
    providers: suite.providers,
    repeat: suite.evaluateOptions.repeat,
  });
  const include = filter?.(identities);
  return { subset, prompts: side.prompts, identities, ...(include ? { include } : {}) };
}

/** The suite restricted to one side's prompts; results are re-indexed to the head's prompt positions. */
async function evaluateSide(
  configPath: string,
  suite: Suite,
  which: 'base' | 'head',
  side: SidePlan,
  options: EvaluateOptions,
  cache: OutputCache | undefined,
  filter: SideFilter | undefined,
): Promise<EvaluatedSide> {
  const { subset, prompts, identities, include } = sideRun(suite, side, filter);
  const results = await evaluateSuite(subset, {
    ...options,
    prompts,
    cache,
    include,
    where: { config: configPath, side: which },
  });
  for (const r of results.results) r.promptIdx = side.headIdx[r.promptIdx];
  return { results, identities };
}

export async function evaluateSides(
  prepared: PreparedSuite,
  options: EvaluateOptions,
  cache: OutputCache | undefined,
  logger: Logger,
  filter?: SideFilter,
  /** Shards run the verdict's cases only (shard files hold base and head); single runs show the PR's suite too. */
  scope: 'verdict' | 'all' = 'all',
): Promise<EvaluatedSides> {
  const none: CallCounts = { made: 0, cached: 0 };
  const { suite, configPath } = prepared;
  if (prepared.skip || !suite || prepared.head.headIdx.length === 0) {
    return { calls: none, identities: { head: [], base: [] } };
  }
  logger.info(
    `${configPath}: evaluating the head (${prepared.head.headIdx.length} prompts, ${suite.tests.length} tests)`,
  );
  const head = await evaluateSide(configPath, suite, 'head', prepared.head, options, cache, filter);
  let base: EvaluatedSide | undefined;
  if (prepared.base) {
    logger.info(`${configPath}: evaluating the base (${prepared.base.headIdx.length} prompts)`);
    base = await evaluateSide(configPath, suite, 'base', prepared.base, options, cache, filter);
  }
  let prHead: EvalResults | undefined;
  if (prepared.prSuite && scope === 'all') {
    logger.info(`${configPath}: evaluating the pull request's version of the suite on the head`);
    const pr = prepared.prSuite;
    prHead = (await evaluateSide(configPath, pr.suite, 'head', pr.head, options, cache, filter)).results;
  }
  // ── fresh samples (src/review/adaptive.ts); a sharded run gets them in the merge job ──
  const fresh: FreshSides = filter
    ? {}
    : await freshEvidenceFor(prepared, { head: head.results, base: base?.results }, options);
  // ── end fresh samples ──
  return {
    head: fresh.redrawn?.head ?? head.results,
    base: fresh.redrawn?.base ?? base?.results,
    prHead,
    calls: [base?.results, prHead].reduce<CallCounts>(
      (acc, r) => (r ? addCalls(acc, countCalls(r)) : acc),
      addCalls(countCalls(head.results), freshCalls(fresh)),
    ),
    identities: { head: head.identities, base: base?.identities ?? [] },
    ...(fresh.fresh ? { fresh: fresh.fresh } : {}),
    ...(fresh.redrawn ? { redrawn: fresh.redrawn.calls } : {}),
  };
}

/** What the fresh calls of a suite's review brought: fresh evidence (repeat 1), or redrawn sides (repeat > 1). */
export interface FreshSides {
  fresh?: FreshEvidence;
  redrawn?: { base: EvalResults; head: EvalResults; calls: number };
}

/**
 * Fresh samples for one suite's evaluated sides (src/review/adaptive.ts), never from the cache: at repeat 1 the
 * two-stage design; with repeats, every cached result drawn again. Empty when they do not apply.
 */
export async function freshEvidenceFor(
  prepared: PreparedSuite,
  sides: { head?: EvalResults; base?: EvalResults },
  options: EvaluateOptions,
): Promise<FreshSides> {
  const { suite } = prepared;
  if (!suite || !sides.head || !sides.base || !prepared.base) return {};
  // The spend plan is made before the first call and cannot foresee the fresh samples: under `max-calls` /
  // `max-cost` there are none, and the first samples are tested as they are (the report says so).
  if (options.budget) return {};
  const resample: Resample = async (cases, which, n) => {
    const plan = which === 'base' ? prepared.base! : prepared.head;
    const again: Suite = { ...suite, evaluateOptions: { ...suite.evaluateOptions, repeat: n } };
    const only = () => resampleFilter(cases, plan.headIdx, suite.providers);
    const noCache = { ...options, cacheDir: undefined };
    return (await evaluateSide(prepared.configPath, again, which, plan, noCache, undefined, only)).results.results;
  };
  if (suite.evaluateOptions.repeat !== 1) {
    const redrawn = await redrawCached(sides.base.results, sides.head.results, resample);
    if (!redrawn) return {};
    return {
      redrawn: {
        base: { ...sides.base, results: redrawn.base },
        head: { ...sides.head, results: redrawn.head },
        calls: redrawn.redrawn,
      },
    };
  }
  const fresh = await gatherFreshEvidence({
    base: sides.base.results,
    head: sides.head.results,
    criticalTests: new Set(suite.tests.flatMap((t, i) => (t.critical ? [i] : []))),
    alpha: suite.gate.alpha,
    resample,
  });
  return fresh ? { fresh } : {};
}

/** Calls the fresh samples made (never cached). */
export const freshCalls = (sides: FreshSides): CallCounts => ({
  made: sides.fresh?.calls ?? sides.redrawn?.calls ?? 0,
  cached: 0,
});

/** Compare and gate one suite's evaluated sides. */
export function decideSuite(
  prepared: PreparedSuite,
  sides: Pick<EvaluatedSides, 'head' | 'base' | 'prHead' | 'calls' | 'fresh' | 'redrawn'>,
  logger: Logger,
): SuiteReview {
  const { configPath, name, suite, affectedBy, readFiles } = prepared;
  const common = {
    configPath,
    name,
    affectedBy,
    readFiles,
    suite,
    newPrompts: prepared.newPrompts,
    skippedPrompts: prepared.skippedPrompts,
    baseProblem: prepared.baseProblem,
    suiteChanges: prepared.suiteChanges,
    calls: sides.calls,
  };
  if (prepared.skip || !sides.head || !suite) {
    return { ...common, verdict: 'skipped', skippedReason: prepared.skip?.reason };
  }
  const head = sides.head;
  const criticalTests = new Set(suite.tests.flatMap((t, i) => (t.critical ? [i] : [])));
  const comparison = compareResults(sides.base ?? { ...head, results: [] }, head, {
    alpha: suite.gate.alpha,
    maxErrorRate: suite.gate.maxErrorRate,
    criticalTests,
    gate: suite.gate,
    ...(sides.fresh ? { fresh: sides.fresh } : {}),
    ...(sides.redrawn ? { redrawn: sides.redrawn } : {}),
  });
  const prSuite = prepared.prSuite && sides.prHead ? prSuiteOutcome(prepared.prSuite, sides.prHead) : undefined;
  // Cases only the PR's suite has are new: the gate judges them with the yardstick's head outcomes.
  const headRate = pooledRate(comparison.overall.head, prSuite?.newTestOutcomes);
  const verdict = decideVerdict(
    {
      inconclusive: comparison.inconclusive,
      regression: sides.base !== undefined && comparison.regression,
      headPassRate: headRate,
    },
    suite.gate,
  );
  logger.info(`${configPath}: head ${(headRate * 100).toFixed(1)}% over ${head.stats.cases} cases → ${verdict}`);
  return {
    ...common,
    verdict,
    gate: gate(headRate, suite.gate),
    gatePassRate: headRate,
    base: sides.base,
    head,
    comparison,
    prSuite,
  };
}

/** Passed / outcomes over the yardstick's head and, when there are any, the new tests' outcomes. */
function pooledRate(
  head: { passed: number; failed: number; rate: number },
  extra?: { passed: number; failed: number },
): number {
  if (!extra || extra.passed + extra.failed === 0) return head.rate;
  const outcomes = head.passed + head.failed + extra.passed + extra.failed;
  return outcomes === 0 ? 0 : (head.passed + extra.passed) / outcomes;
}

function prSuiteOutcome(pr: NonNullable<PreparedSuite['prSuite']>, results: EvalResults): PrSuiteOutcome {
  const count = (filter: (r: EvalResults['results'][number]) => boolean) => {
    const chosen = results.results.filter(filter);
    const passed = chosen.filter((r) => r.error === undefined && r.pass).length;
    const errors = chosen.filter((r) => r.error !== undefined).length;
    return { passed, failed: chosen.length - passed - errors, errors };
  };
  const newTests = new Set(pr.newTests);
  const all = count(() => true);
  const outcomes = all.passed + all.failed;
  return {
    results,
    ...all,
    rate: outcomes === 0 ? 0 : all.passed / outcomes,
    newTests: pr.newTests.length,
    newTestOutcomes: count((r) => newTests.has(r.testIdx)),
  };
}
