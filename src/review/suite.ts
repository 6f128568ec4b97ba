// One suite's review in three steps, so that a sharded run can stop after the second and a merge job can
// pick up at the third:
//   prepare  — load the suite, decide whether it is affected, find the base version of each prompt and which
//              prompts need running at all (no provider calls);
//   evaluate — run the head's tests on the head's and on the base's prompts (optionally one shard's cases);
//   decide   — compare per case, apply the gate.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compareResults } from '../compare/compare.js';
import { loadSuite, readRawConfig, resolvePrompts } from '../config/load.js';
import type { OutputCache } from '../engine/cache.js';
import type { PlannedCase } from '../engine/plan.js';
import { messageOf, MissingCredentialsError, UntrustedCodeError } from '../errors.js';
import { decideVerdict, gate } from '../gate.js';
import { addCalls, countCalls, evaluateSuite, type CallCounts, type EvaluateOptions } from '../evaluate.js';
import type { ReviewInput, SuiteReview } from '../pipeline.js';
import { requiredCredentials } from '../providers/index.js';
import { affectedPrompts } from '../shard/affected-prompts.js';
import { planIdentities } from '../shard/shard.js';
import type { EvalResults, Logger, Prompt, Suite } from '../types.js';
import { gatherFreshEvidence, resampleFilter } from './adaptive.js';
import type { FreshEvidence } from '../compare/compare.js';
import { changedSuiteFiles, promptRepoPath, touchedPaths } from './affected.js';
import { pairPrompts } from './pair-prompts.js';
import { codeUses, untrustedCode } from './trust.js';

const toPosix = (p: string) => p.split(path.sep).join('/');

/** Repository-relative forms of a suite's files (those inside the repository). */
export function repoRelative(repoDir: string, files: readonly string[]): string[] {
  return files
    .map((f) => toPosix(path.relative(repoDir, f)))
    .filter((f) => f !== '' && !f.startsWith('../') && !path.isAbsolute(f));
}

/** A side to run: head prompt indexes, and the prompts to render for them (the base's, on the base side). */
export interface SidePlan {
  headIdx: number[];
  prompts: Prompt[];
}

export interface PreparedSuite {
  configPath: string;
  name: string;
  suite: Suite;
  affectedBy: string[];
  /** Set when the suite is not evaluated; `reason` when the reader must be told why. */
  skip?: { reason?: string };
  head: SidePlan;
  /** Absent when there is nothing to compare with (every prompt new, or the base could not be read). */
  base?: SidePlan;
  /** Prompts not run, and why (unchanged, or new with no base). */
  skippedPrompts: Array<{ id: string; reason: string }>;
  newPrompts: string[];
  baseProblem?: string;
}

export async function prepareSuite(input: ReviewInput, configPath: string, logger: Logger): Promise<PreparedSuite> {
  const options = input.evaluate;
  const suite = await loadSuite(path.resolve(input.repoDir, configPath), {
    overrides: { repeat: options.repeat, maxConcurrency: options.maxConcurrency },
    projectRoot: input.repoDir,
  });
  const name = suite.description ?? configPath;
  const affectedBy = changedSuiteFiles(repoRelative(input.repoDir, suite.referencedFiles), input.changes);
  const prepared: PreparedSuite = {
    configPath,
    name,
    suite,
    affectedBy,
    head: { headIdx: [], prompts: [] },
    skippedPrompts: [],
    newPrompts: [],
  };
  if (affectedBy.length === 0 && !input.evaluateUnaffected) {
    logger.info(`${configPath}: no file this suite reads changed; skipped`);
    return { ...prepared, skip: {} };
  }
  const missing = missingCredentials(suite, options.env ?? process.env);
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
  if (input.trust === 'untrusted') refuseChangedCode(input, suite, configPath);

  const base = await readBasePrompts(input, configPath, suite, logger);
  const everything = suite.prompts.map((_, i) => i);
  if (!base.paired) {
    const head = { headIdx: everything, prompts: suite.prompts };
    return { ...prepared, head, newPrompts: suite.prompts.map((p) => p.label), baseProblem: base.problem };
  }
  // When only prompt files changed, a prompt whose text is the same on both sides would give the same
  // outcomes on both: it is not run at all. When tests, vars, providers or scripts changed, every prompt is.
  const promptFiles = new Set(suite.prompts.flatMap((p) => (p.file ? [promptRepoPath(configPath, p.file)] : [])));
  const onlyPromptsChanged = affectedBy.every((f) => promptFiles.has(f)) && !input.evaluateUnaffected;
  const verdicts = affectedPrompts(base.paired, suite.prompts);
  const run = onlyPromptsChanged ? verdicts.evaluate : everything;
  const skippedPrompts = onlyPromptsChanged
    ? verdicts.prompts.filter((p) => p.status === 'unchanged').map((p) => ({ id: p.label, reason: p.reason }))
    : [];
  const newPrompts = verdicts.prompts.filter((p) => p.status === 'new').map((p) => p.label);
  if (run.length === 0) {
    logger.info(`${configPath}: the changed prompt files have the same text on both sides; skipped`);
    return { ...prepared, skip: {}, skippedPrompts };
  }
  const pairedRun = run.filter((i) => base.paired![i] !== undefined);
  return {
    ...prepared,
    head: { headIdx: run, prompts: run.map((i) => suite.prompts[i]!) },
    base: pairedRun.length ? { headIdx: pairedRun, prompts: pairedRun.map((i) => base.paired![i]!) } : undefined,
    skippedPrompts,
    newPrompts,
  };
}

function missingCredentials(suite: Suite, env: NodeJS.ProcessEnv): string[] {
  return suite.providers.flatMap((p) => requiredCredentials(p, env).map((name) => `${p.label ?? p.id} (${name})`));
}

function refuseChangedCode(input: ReviewInput, suite: Suite, configPath: string): void {
  const refused = untrustedCode(codeUses(suite, input.repoDir), touchedPaths(input.changes));
  if (refused.length === 0) return;
  throw new UntrustedCodeError(
    `${configPath}: this event runs with the base repository's secrets, and the pull request changed code the suite would run: ` +
      refused.map((u) => `${u.what} from ${u.file}`).join('; ') +
      '. It was not run. Review the change and set `allow-untrusted-code: true` only for pull requests you trust, or use the `pull_request` event.',
  );
}

/**
 * The earlier version of each head prompt, read from the base revision's config in a temporary directory
 * (never a checkout over the workspace). Only its prompts are read: the base's tests, providers and scripts
 * are not (the head's tests run on both sides, and fetched through the REST API they may not even be there).
 */
async function readBasePrompts(
  input: ReviewInput,
  configPath: string,
  suite: Suite,
  logger: Logger,
): Promise<{ paired?: Array<Prompt | undefined>; problem?: string }> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'promptgate-base-'));
  try {
    const configDir = path.posix.dirname(configPath);
    const wanted = new Set<string>([configDir, ...repoRelative(input.repoDir, suite.referencedFiles)]);
    for (const c of input.changes) if (c.previousPath) wanted.add(c.previousPath);
    await input.materializeBase([...wanted], tmp);
    let basePrompts: Prompt[];
    try {
      const raw = await readRawConfig(path.join(tmp, configPath));
      const resolved = await resolvePrompts(raw.config.prompts, path.dirname(raw.configPath), raw.source.displayPath, {
        locator: raw.source,
        projectRoot: tmp,
      });
      basePrompts = resolved.prompts;
    } catch (err) {
      const problem = `the base revision's ${configPath} could not be read (${messageOf(err)}); every prompt is treated as new`;
      logger.warn(problem);
      return { problem };
    }
    const paired = pairPrompts(basePrompts, suite.prompts, input.changes, configDir === '.' ? '' : configDir);
    return paired.some((p) => p !== undefined) ? { paired } : {};
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Which cases of a side to run: all, or one shard's (given the side's case identities). */
export type SideFilter = (identities: readonly string[]) => ((planned: PlannedCase) => boolean) | undefined;

export interface EvaluatedSides {
  head?: EvalResults;
  base?: EvalResults;
  calls: CallCounts;
  /** Case identities of each side's full plan (for shard files). */
  identities: { head: string[]; base: string[] };
  /** Fresh repeats of the flipped cases (adaptive repeats), when they ran. */
  fresh?: FreshEvidence;
}

/** The suite restricted to one side's prompts; results are re-indexed to the head's prompt positions. */
async function evaluateSide(
  prepared: PreparedSuite,
  which: 'base' | 'head',
  side: SidePlan,
  options: EvaluateOptions,
  cache: OutputCache | undefined,
  filter: SideFilter | undefined,
): Promise<{ results: EvalResults; identities: string[] }> {
  const { suite } = prepared;
  const subset: Suite = { ...suite, prompts: side.headIdx.map((i) => suite.prompts[i]!) };
  const identities = planIdentities({
    tests: suite.tests,
    prompts: subset.prompts,
    providers: suite.providers,
    repeat: suite.evaluateOptions.repeat,
  });
  const results = await evaluateSuite(subset, {
    ...options,
    prompts: side.prompts,
    cache,
    include: filter?.(identities),
    where: { config: prepared.configPath, side: which },
  });
  for (const r of results.results) r.promptIdx = side.headIdx[r.promptIdx]!;
  return { results, identities };
}

export async function evaluateSides(
  prepared: PreparedSuite,
  options: EvaluateOptions,
  cache: OutputCache | undefined,
  logger: Logger,
  filter?: SideFilter,
): Promise<EvaluatedSides> {
  const none: CallCounts = { made: 0, cached: 0 };
  if (prepared.skip || prepared.head.headIdx.length === 0) {
    return { calls: none, identities: { head: [], base: [] } };
  }
  const { configPath } = prepared;
  logger.info(
    `${configPath}: evaluating the head (${prepared.head.headIdx.length} prompts, ${prepared.suite.tests.length} tests)`,
  );
  const head = await evaluateSide(prepared, 'head', prepared.head, options, cache, filter);
  let base: Awaited<ReturnType<typeof evaluateSide>> | undefined;
  if (prepared.base) {
    logger.info(`${configPath}: evaluating the base (${prepared.base.headIdx.length} prompts)`);
    base = await evaluateSide(prepared, 'base', prepared.base, options, cache, filter);
  }
  // ── adaptive repeats (src/review/adaptive.ts); a sharded run gets them in the merge job ──
  const fresh = filter
    ? undefined
    : await freshEvidenceFor(prepared, { head: head.results, base: base?.results }, options);
  // ── end adaptive repeats ──
  return {
    head: head.results,
    base: base?.results,
    calls: addCalls(addCalls(countCalls(head.results), base ? countCalls(base.results) : none), freshCalls(fresh)),
    identities: { head: head.identities, base: base?.identities ?? [] },
    ...(fresh ? { fresh } : {}),
  };
}

/**
 * Adaptive repeats for one suite's evaluated sides (src/review/adaptive.ts): at repeat 1 with a base, the flipped
 * cases are re-run on both sides with fresh samples, never from the cache. Undefined when they do not apply.
 */
export async function freshEvidenceFor(
  prepared: PreparedSuite,
  sides: { head?: EvalResults; base?: EvalResults },
  options: EvaluateOptions,
): Promise<FreshEvidence | undefined> {
  const { suite } = prepared;
  if (!sides.head || !sides.base || !prepared.base || suite.evaluateOptions.repeat !== 1) return undefined;
  return gatherFreshEvidence({
    base: sides.base.results,
    head: sides.head.results,
    criticalTests: new Set(suite.tests.flatMap((t, i) => (t.critical ? [i] : []))),
    alpha: suite.gate.alpha,
    resample: async (cases, which, n) => {
      const plan = which === 'base' ? prepared.base! : prepared.head;
      const again = { ...prepared, suite: { ...suite, evaluateOptions: { ...suite.evaluateOptions, repeat: n } } };
      const only = () => resampleFilter(cases, plan.headIdx, suite.providers);
      const noCache = { ...options, cacheDir: undefined };
      return (await evaluateSide(again, which, plan, noCache, undefined, only)).results.results;
    },
  });
}

/** Calls the fresh repeats made (never cached). */
export const freshCalls = (fresh: FreshEvidence | undefined): CallCounts => ({
  made: (fresh?.base.length ?? 0) + (fresh?.head.length ?? 0),
  cached: 0,
});

/** Compare and gate one suite's evaluated sides. */
export function decideSuite(
  prepared: PreparedSuite,
  sides: { head?: EvalResults; base?: EvalResults; calls: CallCounts; fresh?: FreshEvidence },
  logger: Logger,
): SuiteReview {
  const { configPath, name, suite, affectedBy } = prepared;
  const common = {
    configPath,
    name,
    affectedBy,
    suite,
    newPrompts: prepared.newPrompts,
    skippedPrompts: prepared.skippedPrompts,
    baseProblem: prepared.baseProblem,
    calls: sides.calls,
  };
  if (prepared.skip || !sides.head) {
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
  });
  const headRate = comparison.overall.head.rate;
  const verdict = decideVerdict(
    {
      inconclusive: comparison.inconclusive,
      regression: sides.base !== undefined && comparison.regression,
      headPassRate: headRate,
    },
    suite.gate,
  );
  logger.info(`${configPath}: head ${(headRate * 100).toFixed(1)}% over ${head.stats.cases} cases → ${verdict}`);
  return { ...common, verdict, gate: gate(headRate, suite.gate), base: sides.base, head, comparison };
}
