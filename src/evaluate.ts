// Evaluate a suite against its real providers: resolve them, open the cache, run, scrub secrets.
import { loadSuite } from './config/load.js';
import { DiskCache, type OutputCache } from './engine/cache.js';
import type { PlannedCase } from './engine/plan.js';
import { createGradingProviders } from './engine/grading.js';
import type { Limiters } from './engine/limiter.js';
import { runSuite } from './engine/run.js';
import { withinBudget, type BudgetedPlan, type CaseFilter, type OverBudget } from './engine/budget.js';
import { planSuiteSpend, type Budget, type SpendPlan } from './engine/spend-plan.js';
import { renderPrompt } from './prompts/render.js';
import { resolveProviders, secretValues } from './providers/index.js';
import { redactResults } from './review/redact.js';
import { planIdentities } from './shard/shard.js';
import type { CaseResult, EvalResults, Logger, Prompt, Suite } from './types.js';
import { silentLogger } from './types.js';

export interface EvaluateOptions {
  repeat?: number;
  maxConcurrency?: number;
  /** Output cache directory; undefined disables the cache. */
  cacheDir?: string;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  onProgress?: (done: number, total: number) => void;
  /** Every finished case of a review, with its suite and side (for a report of what finished if interrupted). */
  onResult?: (result: CaseResult, where: { config: string; side: 'base' | 'head' }) => void;
  /** Values to scrub from every result besides the providers' own keys (e.g. the GitHub token). */
  secrets?: string[];
  /** Aborting stops new calls; the run rejects with the abort reason. */
  signal?: AbortSignal;
  /** `max-calls` / `max-cost`: a run whose plan exceeds them stops before its first call, or is sampled. */
  budget?: Budget & { overBudget: OverBudget };
  /** Told the spend plan before the first call (to print it, and put it in the job summary). */
  onPlan?: (planned: BudgetedPlan) => void | Promise<void>;
  /** Rate limiters shared by every run of one review (the same endpoint on both sides, in every suite). */
  limiters?: Limiters;
  /** Renders a case's prompt; shared by the spend plan and the run so each prompt is rendered once (memoizedRender). */
  render?: (prompt: Prompt, vars: Record<string, unknown>) => string;
}

/**
 * renderPrompt, remembered per (prompt, vars) object pair: the spend plan renders every case before the run,
 * and the run then reuses the text instead of rendering it again. Rendering is pure; the results keep these
 * strings anyway, so remembering them costs no memory beyond the map entries.
 */
export function memoizedRender(): (prompt: Prompt, vars: Record<string, unknown>) => string {
  const byPrompt = new WeakMap<Prompt, WeakMap<Record<string, unknown>, string>>();
  return (prompt, vars) => {
    let byVars = byPrompt.get(prompt);
    if (!byVars) byPrompt.set(prompt, (byVars = new WeakMap()));
    let text = byVars.get(vars);
    if (text === undefined) byVars.set(vars, (text = renderPrompt(prompt, vars)));
    return text;
  };
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

export function openCache(options: EvaluateOptions): OutputCache | undefined {
  return options.cacheDir ? new DiskCache(options.cacheDir) : undefined;
}

/** Evaluate one suite as it is on disk; with a budget, its spend plan is checked (and told) first. */
export async function evaluateConfig(
  configPath: string,
  options: EvaluateOptions,
): Promise<{ suite: Suite; results: EvalResults; calls: CallCounts }> {
  const suite = await loadSuite(configPath, {
    overrides: { repeat: options.repeat, maxConcurrency: options.maxConcurrency },
  });
  const cache = openCache(options);
  options = { render: memoizedRender(), ...options };
  // Case identities (a hash per test) are needed only to sample: computed when a filter asks for them.
  let identities: string[] | undefined;
  const filtered = (f: CaseFilter | undefined) =>
    f?.((identities ??= planIdentities({ ...suite, repeat: suite.evaluateOptions.repeat })));
  const { filter } = await withinBudget(options, (f) =>
    planEvaluation(suite, { ...options, cache, include: filtered(f) }),
  );
  const results = await evaluateSuite(suite, { ...options, cache, include: filtered(filter) });
  return { suite, results, calls: countCalls(results) };
}

/** What a run of the suite would call, per provider, with estimated tokens and cost; calls nothing. */
export async function planEvaluation(
  suite: Suite,
  options: EvaluateOptions & { prompts?: Prompt[]; cache?: OutputCache; include?: (planned: PlannedCase) => boolean },
): Promise<SpendPlan> {
  const env = options.env ?? process.env;
  const providers = await resolveProviders(suite.providers, { rootDir: suite.rootDir, env });
  return planSuiteSpend({
    suite,
    providers,
    ...(options.prompts ? { prompts: options.prompts } : {}),
    ...(options.include ? { include: options.include } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
    render: options.render ?? renderPrompt,
    gradingProvider: createGradingProviders({
      defaultProvider: providers[0],
      resolveProviders,
      rootDir: suite.rootDir,
      configFile: suite.configPath,
      env,
    }),
  });
}

/** Evaluate a loaded suite, optionally with other prompts (the base side) or only some cases (a shard). */
export async function evaluateSuite(
  suite: Suite,
  options: EvaluateOptions & {
    prompts?: Prompt[];
    cache?: OutputCache;
    include?: (planned: PlannedCase) => boolean;
    /** Which suite and side the results belong to, for `onResult`. */
    where?: { config: string; side: 'base' | 'head' };
  },
): Promise<EvalResults> {
  const env = options.env ?? process.env;
  const providers = await resolveProviders(suite.providers, { rootDir: suite.rootDir, env });
  const results = await runSuite(suite, {
    providers,
    cache: options.cache ?? openCache(options),
    logger: options.logger ?? silentLogger,
    onProgress: options.onProgress,
    onResult:
      options.onResult && ((r) => options.onResult!(r, options.where ?? { config: suite.configPath, side: 'head' })),
    prompts: options.prompts,
    include: options.include,
    signal: options.signal,
    env,
    ...(options.limiters ? { limiters: options.limiters } : {}),
    ...(options.render ? { render: options.render } : {}),
  });
  return redactResults(results, [...secretValues(suite.providers, env), ...(options.secrets ?? [])]);
}
