// Evaluate a suite against its real providers: resolve them, open the cache, run, scrub secrets.
import { loadSuite } from './config/load.js';
import { DiskCache, type OutputCache } from './engine/cache.js';
import type { PlannedCase } from './engine/plan.js';
import { runSuite } from './engine/run.js';
import { resolveProviders, secretValues } from './providers/index.js';
import { redactResults } from './review/redact.js';
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

/** Evaluate one suite as it is on disk. */
export async function evaluateConfig(
  configPath: string,
  options: EvaluateOptions,
): Promise<{ suite: Suite; results: EvalResults; calls: CallCounts }> {
  const suite = await loadSuite(configPath, {
    overrides: { repeat: options.repeat, maxConcurrency: options.maxConcurrency },
  });
  for (const warning of suite.warnings ?? []) options.logger?.warn(warning);
  const results = await evaluateSuite(suite, options);
  return { suite, results, calls: countCalls(results) };
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
  });
  return redactResults(results, [...secretValues(suite.providers, env), ...(options.secrets ?? [])]);
}
