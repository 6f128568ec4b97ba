// The whole flow as plain functions, I/O passed in. The action and the CLI both call these.
//
//   load suite ─► find changes ─► materialize base prompts ─► run both sides ─► compare ─► gate
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compareResults, type Comparison } from './compare/compare.js';
import { loadSuite } from './config/load.js';
import { DiskCache, type OutputCache } from './engine/cache.js';
import { runSuite } from './engine/run.js';
import { messageOf, MissingCredentialsError, UntrustedCodeError } from './errors.js';
import { combineVerdicts, decideVerdict, gate, type CheckVerdict, type GateDecision } from './gate.js';
import type { FileChange } from './git/changes.js';
import { requiredCredentials, resolveProviders, secretValues } from './providers/index.js';
import { redactResults } from './review/redact.js';
import { changedSuiteFiles, touchedPaths, untestedPromptChanges } from './review/affected.js';
import { codeUses, untrustedCode } from './review/trust.js';
import { pairPrompts } from './review/pair-prompts.js';
import type { EvalResults, Logger, Prompt, Suite } from './types.js';
import { silentLogger } from './types.js';

export interface EvaluateOptions {
  repeat?: number;
  maxConcurrency?: number;
  /** Output cache directory; undefined disables the cache. */
  cacheDir?: string;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  onProgress?: (done: number, total: number) => void;
  /** Values to scrub from every result besides the providers' own keys (e.g. the GitHub token). */
  secrets?: string[];
}

export interface CallCounts {
  made: number;
  cached: number;
}

export function countCalls(results: EvalResults): CallCounts {
  const cached = results.results.filter((r) => r.cached).length;
  return { made: results.results.length - cached, cached };
}

export function addCalls(a: CallCounts, b: CallCounts): CallCounts {
  return { made: a.made + b.made, cached: a.cached + b.cached };
}

function openCache(options: EvaluateOptions): OutputCache | undefined {
  return options.cacheDir ? new DiskCache(options.cacheDir) : undefined;
}

/** Evaluate one suite as it is on disk. */
export async function evaluateConfig(
  configPath: string,
  options: EvaluateOptions,
): Promise<{ suite: Suite; results: EvalResults; calls: CallCounts }> {
  const suite = await loadSuite(configPath, {
    overrides: { repeat: options.repeat, maxConcurrency: options.maxConcurrency },
  });
  const results = await evaluateSuite(suite, options);
  return { suite, results, calls: countCalls(results) };
}

/** Evaluate a loaded suite, optionally with other prompts (the base side of a comparison). */
export async function evaluateSuite(
  suite: Suite,
  options: EvaluateOptions & { prompts?: Prompt[]; cache?: OutputCache },
): Promise<EvalResults> {
  const env = options.env ?? process.env;
  const providers = await resolveProviders(suite.providers, { rootDir: suite.rootDir, env });
  const results = await runSuite(suite, {
    providers,
    cache: options.cache ?? openCache(options),
    logger: options.logger ?? silentLogger,
    onProgress: options.onProgress,
    prompts: options.prompts,
    env,
  });
  return redactResults(results, [...secretValues(suite.providers, env), ...(options.secrets ?? [])]);
}

// ── The pull request review ────────────────────────────────────────────────────────────────────────────

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
  /** Evaluate suites that no change touches too (e.g. `comment: always`). */
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

const toPosix = (p: string) => p.split(path.sep).join('/');

/** Repository-relative forms of a suite's files (those inside the repository). */
function repoRelative(repoDir: string, files: readonly string[]): string[] {
  return files
    .map((f) => toPosix(path.relative(repoDir, f)))
    .filter((f) => f !== '' && !f.startsWith('../') && !path.isAbsolute(f));
}

export async function review(input: ReviewInput): Promise<ReviewResult> {
  const logger = input.evaluate.logger ?? silentLogger;
  const cache = openCache(input.evaluate);
  const suites: SuiteReview[] = [];
  const tested = new Set<string>();
  for (const configPath of input.configPaths) {
    const suiteReview = await reviewSuite(input, configPath, cache, logger);
    suites.push(suiteReview);
    if (suiteReview.suite)
      for (const f of repoRelative(input.repoDir, suiteReview.suite.referencedFiles)) tested.add(f);
  }
  const untested = untestedPromptChanges(input.changes, input.promptGlobs, tested);
  const reviewed = suites.filter((s) => s.comparison || s.head);
  const pooled = (side: 'base' | 'head') => {
    let passed = 0;
    let outcomes = 0;
    for (const s of reviewed) {
      const rate = s.comparison?.overall[side];
      if (rate) {
        passed += rate.passed;
        outcomes += rate.passed + rate.failed;
      } else if (side === 'head' && s.head) {
        passed += s.head.stats.passed;
        outcomes += s.head.stats.passed + s.head.stats.failed;
      }
    }
    return outcomes === 0 ? null : passed / outcomes;
  };
  return {
    suites,
    untestedPromptChanges: untested,
    verdict: combineVerdicts(suites.map((s) => s.verdict)),
    basePassRate: pooled('base'),
    headPassRate: pooled('head'),
    regressions: suites.filter((s) => s.verdict === 'regression').length,
    calls: suites.reduce((acc, s) => addCalls(acc, s.calls), { made: 0, cached: 0 }),
  };
}

async function reviewSuite(
  input: ReviewInput,
  configPath: string,
  cache: OutputCache | undefined,
  logger: Logger,
): Promise<SuiteReview> {
  const options = input.evaluate;
  const headConfig = path.resolve(input.repoDir, configPath);
  const suite = await loadSuite(headConfig, {
    overrides: { repeat: options.repeat, maxConcurrency: options.maxConcurrency },
    projectRoot: input.repoDir,
  });
  const name = suite.description ?? configPath;
  const affectedBy = changedSuiteFiles(repoRelative(input.repoDir, suite.referencedFiles), input.changes);
  const none: CallCounts = { made: 0, cached: 0 };
  if (affectedBy.length === 0 && !input.evaluateUnaffected) {
    logger.info(`${configPath}: no file this suite reads changed; skipped`);
    return { configPath, name, affectedBy, verdict: 'skipped', suite, newPrompts: [], calls: none };
  }

  const env = options.env ?? process.env;
  const missing = suite.providers.flatMap((p) =>
    requiredCredentials(p, env).map((name) => `${p.label ?? p.id} (${name})`),
  );
  if (missing.length > 0) {
    if (input.missingCredentials === 'skip') {
      const skippedReason = `skipped: no credentials for provider ${missing.join(', ')} on fork pull requests — GitHub does not pass secrets to them`;
      logger.warn(`${configPath}: ${skippedReason}`);
      return { configPath, name, affectedBy, verdict: 'skipped', suite, newPrompts: [], calls: none, skippedReason };
    }
    throw new MissingCredentialsError(
      `${configPath}: no credentials for provider ${missing.join(', ')}: set them in the step's env, e.g. \`env: OPENAI_API_KEY: \${{ secrets.OPENAI_API_KEY }}\``,
    );
  }
  if (input.trust === 'untrusted') {
    const refused = untrustedCode(codeUses(suite, input.repoDir), touchedPaths(input.changes));
    if (refused.length > 0) {
      throw new UntrustedCodeError(
        `${configPath}: this event runs with the base repository's secrets, and the pull request changed code the suite would run: ` +
          refused.map((u) => `${u.what} from ${u.file}`).join('; ') +
          '. It was not run. Review the change and set `allow-untrusted-code: true` only for pull requests you trust, or use the `pull_request` event.',
      );
    }
  }

  logger.info(`${configPath}: evaluating the head (${suite.prompts.length} prompts, ${suite.tests.length} tests)`);
  const head = await evaluateSuite(suite, { ...options, cache });

  const base = await evaluateBaseSide(input, configPath, suite, cache, logger);
  const headStats = head.stats;
  const calls = addCalls(countCalls(head), base.results ? countCalls(base.results) : none);
  const criticalTests = new Set(suite.tests.flatMap((t, i) => (t.critical ? [i] : [])));
  const comparison = compareResults(base.results ?? { ...head, results: [] }, head, {
    alpha: suite.gate.alpha,
    maxErrorRate: suite.gate.maxErrorRate,
    criticalTests,
  });
  const headRate = comparison.overall.head.rate;
  const decision = gate(headRate, suite.gate);
  const verdict = decideVerdict(
    {
      inconclusive: comparison.inconclusive,
      regression: base.results !== undefined && comparison.regression,
      headPassRate: headRate,
    },
    suite.gate,
  );
  logger.info(`${configPath}: head ${(headRate * 100).toFixed(1)}% over ${headStats.cases} cases → ${verdict}`);
  return {
    configPath,
    name,
    affectedBy,
    verdict,
    gate: decision,
    suite,
    base: base.results,
    head,
    comparison,
    newPrompts: base.newPrompts,
    baseProblem: base.problem,
    calls,
  };
}

/**
 * The head's tests against the base's prompts. The base config is read as it was at the base revision
 * (from a temporary directory, never a checkout over the workspace) only to find the earlier version of
 * each prompt; tests, providers and assertions are the head's, so both sides answer the same questions.
 */
async function evaluateBaseSide(
  input: ReviewInput,
  configPath: string,
  suite: Suite,
  cache: OutputCache | undefined,
  logger: Logger,
): Promise<{ results?: EvalResults; newPrompts: string[]; problem?: string }> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'promptgate-base-'));
  try {
    const configDir = toPosix(path.dirname(configPath));
    const wanted = new Set<string>([
      configDir === '.' ? '.' : configDir,
      ...repoRelative(input.repoDir, suite.referencedFiles),
    ]);
    for (const c of input.changes) if (c.previousPath) wanted.add(c.previousPath);
    await input.materializeBase([...wanted], tmp);
    let basePrompts: Prompt[];
    try {
      const baseSuite = await loadSuite(path.join(tmp, configPath), { projectRoot: tmp });
      basePrompts = baseSuite.prompts;
    } catch (err) {
      const problem = `the base revision's ${configPath} could not be loaded (${messageOf(err)}); every prompt is treated as new`;
      logger.warn(problem);
      return { newPrompts: suite.prompts.map((p) => p.label), problem };
    }
    const paired = pairPrompts(basePrompts, suite.prompts, input.changes, configDir === '.' ? '' : configDir);
    const headIdx: number[] = [];
    const baseSide: Prompt[] = [];
    const newPrompts: string[] = [];
    paired.forEach((basePrompt, i) => {
      if (basePrompt) {
        headIdx.push(i);
        baseSide.push(basePrompt);
      } else {
        newPrompts.push(suite.prompts[i]!.label);
      }
    });
    if (baseSide.length === 0) return { newPrompts };
    logger.info(`${configPath}: evaluating the base (${baseSide.length} prompts)`);
    const pairedSuite: Suite = { ...suite, prompts: headIdx.map((i) => suite.prompts[i]!) };
    const results = await evaluateSuite(pairedSuite, { ...input.evaluate, prompts: baseSide, cache });
    // Index base results by the head prompt they are the earlier version of.
    for (const r of results.results) r.promptIdx = headIdx[r.promptIdx]!;
    return { results, newPrompts };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
