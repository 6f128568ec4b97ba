// Evaluate a suite against its real providers: resolve them, open the cache, run, scrub secrets.
import { loadSuite } from './config/load.js';
import { DiskCache, type OutputCache } from './engine/cache.js';
import type { PlannedCase } from './engine/plan.js';
import { runSuite } from './engine/run.js';
import { resolveProviders, secretValues } from './providers/index.js';
import { configEnv, secretEnvValues } from './providers/secrets.js';
import { redactResults, redactValue } from './review/redact.js';
import type { CaseResult, EvalResults, Logger, Prompt, ProviderResponse, ProviderSpec, Suite } from './types.js';
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
  // A config reads the environment only through providers' key variables; the runner's and GitHub's own
  // variables (the action's token among them) are not there to read.
  const env = configEnv(options.env ?? process.env);
  const secrets = suiteSecrets(suite, options);
  const providers = await resolveProviders(suite.providers, { rootDir: suite.rootDir, env });
  const cache = options.cache ?? openCache(options);
  const results = await runSuite(suite, {
    providers,
    cache: cache && redactingCache(cache, secrets),
    logger: options.logger ?? silentLogger,
    onProgress: options.onProgress,
    onResult:
      options.onResult && ((r) => options.onResult!(r, options.where ?? { config: suite.configPath, side: 'head' })),
    prompts: options.prompts,
    include: options.include,
    signal: options.signal,
    env,
  });
  return redactResults(results, secrets);
}

/** Every provider spec a suite names: its providers and the graders of its tests and assertions. */
function providerSpecs(suite: Suite): ProviderSpec[] {
  const specs: ProviderSpec[] = [...suite.providers];
  const add = (ref: string | ProviderSpec | undefined) => {
    if (ref) specs.push(typeof ref === 'string' ? { id: ref, config: {} } : ref);
  };
  for (const test of suite.tests) {
    add(test.options.provider);
    for (const assertion of test.assert) add(assertion.provider);
  }
  return specs;
}

/**
 * What is scrubbed from results and cache entries: every key a provider or grader of the suite sends, every
 * credential-named variable of the environment (a custom provider may echo any of them), and the caller's.
 */
export function suiteSecrets(suite: Suite, options: Pick<EvaluateOptions, 'env' | 'secrets'>): string[] {
  const env = options.env ?? process.env;
  return [
    ...new Set([...secretValues(providerSpecs(suite), env), ...secretEnvValues(env), ...(options.secrets ?? [])]),
  ].filter((s) => s.length >= 4);
}

/** A cache that stores outputs with the secrets scrubbed, so a key a provider echoed is never written to disk. */
function redactingCache(cache: OutputCache, secrets: readonly string[]): OutputCache {
  if (secrets.length === 0) return cache;
  return {
    get: (key) => cache.get(key),
    set: (key, response) => cache.set(key, redactResponse(response, secrets)),
    stats: () => cache.stats(),
  };
}

function redactResponse(response: ProviderResponse, secrets: readonly string[]): ProviderResponse {
  const output = redactValue(response.output, secrets);
  return output === response.output ? response : { ...response, output };
}
