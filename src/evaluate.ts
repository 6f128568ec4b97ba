// Evaluate a suite against its real providers: resolve them, open the cache, run, scrub secrets.
import { leafAssertions } from './assertions/index.js';
import { graderFor } from './assertions/model-graded.js';
import { loadSuite } from './config/load.js';
import { DiskCache, type OutputCache } from './engine/cache.js';
import type { PlannedCase } from './engine/plan.js';
import { createGradingProviders } from './engine/grading.js';
import type { Limiters } from './engine/limiter.js';
import { runSuite } from './engine/run.js';
import { withinBudget, type BudgetedPlan, type CaseFilter, type OverBudget } from './engine/budget.js';
import { planSuiteSpend, type Budget, type SpendPlan } from './engine/spend-plan.js';
import { renderPromptWithFunction, templateFilters } from './prompts/functions.js';
import { renderPrompt, rendersPlainly } from './prompts/render.js';
import { resolveProviders, secretValues } from './providers/index.js';
import { configEnv, secretEnvValues } from './providers/secrets.js';
import { redactResults, redactValue } from './review/redact.js';
import { planIdentities } from './shard/shard.js';
import type {
  CaseResult,
  EvalResults,
  Logger,
  Prompt,
  Provider,
  ProviderResponse,
  ProviderSpec,
  RenderPrompt,
  TemplateFilters,
  Suite,
  TestCase,
} from './types.js';
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
  render?: RenderPrompt;
}

/**
 * renderPrompt, remembered per (prompt, vars) object pair: the spend plan renders every case before the run,
 * and the run then reuses the text instead of rendering it again. Rendering a template is pure; the results
 * keep these strings anyway, so remembering them costs no memory beyond the map entries. A prompt function's
 * text is remembered per provider too (the function is told which provider it renders for). A prompt of text and
 * bare outputs (render.ts rendersPlainly) is rendered each time instead: that is cheaper than its memo entry.
 */
export function memoizedRender(): RenderPrompt {
  type ByPrompt = WeakMap<Prompt, WeakMap<Record<string, unknown>, Map<string, string | Promise<string>>>>;
  // One memo per filter set: a prompt object may be rendered by two suites (a review's yardstick and the pull
  // request's own suite), whose nunjucksFilters differ.
  const unfiltered: ByPrompt = new WeakMap();
  const byFilters = new WeakMap<TemplateFilters, ByPrompt>();
  return (prompt, vars, target, filters) => {
    if (rendersPlainly(prompt)) return renderPrompt(prompt, vars, filters);
    let byPrompt = unfiltered;
    if (filters) {
      let found = byFilters.get(filters);
      if (!found) byFilters.set(filters, (found = new WeakMap()));
      byPrompt = found;
    }
    let byVars = byPrompt.get(prompt);
    if (!byVars) byPrompt.set(prompt, (byVars = new WeakMap()));
    let byTarget = byVars.get(vars);
    if (!byTarget) byVars.set(vars, (byTarget = new Map()));
    const key = prompt.function ? JSON.stringify([target?.id, target?.label]) : '';
    let text = byTarget.get(key);
    if (text === undefined) {
      if (!prompt.function) text = renderPrompt(prompt, vars, filters);
      else {
        const rendering = renderPromptWithFunction(prompt, vars, target, filters);
        // A failed call is not remembered: the run reports its own error.
        rendering.catch(() => byTarget.delete(key));
        text = rendering;
      }
      byTarget.set(key, text);
    }
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
  return { suite, ...(await evaluateLoadedSuite(suite, options)) };
}

/**
 * Evaluate a loaded suite as `eval` does: its warnings logged, its spend plan made and checked against the
 * budget (told through `onPlan`) before the first call, then every case (or the budget's sample).
 */
export async function evaluateLoadedSuite(
  suite: Suite,
  options: EvaluateOptions,
): Promise<{ results: EvalResults; calls: CallCounts }> {
  for (const warning of suite.warnings ?? []) options.logger?.warn(warning);
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
  return { results, calls: countCalls(results) };
}

/** What a run of the suite would call, per provider, with estimated tokens and cost; calls nothing. */
export async function planEvaluation(
  suite: Suite,
  options: EvaluateOptions & { prompts?: Prompt[]; cache?: OutputCache; include?: (planned: PlannedCase) => boolean },
): Promise<SpendPlan> {
  const env = configEnv(options.env ?? process.env);
  const providers = await resolveProviders(suite.providers, { rootDir: suite.rootDir, env });
  // A filter module that cannot load makes every case an error of the run; the plan renders without it.
  const filters = await templateFilters(suite)?.catch(() => undefined);
  return planSuiteSpend({
    suite,
    providers,
    ...(filters ? { filters } : {}),
    ...(options.prompts ? { prompts: options.prompts } : {}),
    ...(options.include ? { include: options.include } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
    render: options.render ?? renderPromptWithFunction,
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
  // A config reads the environment only through providers' key variables; the runner's and GitHub's own
  // variables (the action's token among them) are not there to read.
  const env = configEnv(options.env ?? process.env);
  const secrets = suiteSecrets(suite, options);
  const providers = await resolveProviders(suite.providers, { rootDir: suite.rootDir, env });
  const cache = options.cache ?? openCache(options);
  const promptProviders = await providersPerPrompt(suite, options.prompts ?? suite.prompts, env);
  const testProviders = await providersPerTest(suite, env);
  const results = await runSuite(suite, {
    providers,
    ...(promptProviders.size > 0 ? { promptProviders } : {}),
    ...(testProviders.size > 0 ? { testProviders } : {}),
    cache: cache && redactingCache(cache, secrets),
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
  return redactResults(results, secrets);
}

/**
 * promptfoo's prompt `config`: for each prompt that has one, the suite's providers with it merged over their
 * own config (shallowly, the prompt's winning, as promptfoo's providers merge `context.prompt.config`).
 */
async function providersPerPrompt(
  suite: Suite,
  prompts: readonly Prompt[],
  env: NodeJS.ProcessEnv,
): Promise<Map<Prompt, Provider[]>> {
  const variants = new Map<Prompt, Provider[]>();
  for (const prompt of prompts) {
    if (!prompt.config) continue;
    const specs = suite.providers.map((spec) => ({ ...spec, config: { ...spec.config, ...prompt.config } }));
    variants.set(prompt, await resolveProviders(specs, { rootDir: suite.rootDir, env }));
  }
  return variants;
}

/** promptfoo's `tests[].provider`: the provider each such test calls, resolved once per distinct spec. */
async function providersPerTest(suite: Suite, env: NodeJS.ProcessEnv): Promise<Map<TestCase, Provider>> {
  const byTest = new Map<TestCase, Provider>();
  const bySpec = new Map<string, Promise<Provider>>();
  for (const test of suite.tests) {
    if (test.provider === undefined) continue;
    const spec = typeof test.provider === 'string' ? { id: test.provider, config: {} } : test.provider;
    const key = JSON.stringify(spec);
    let provider = bySpec.get(key);
    if (!provider)
      bySpec.set(key, (provider = resolveProviders([spec], { rootDir: suite.rootDir, env }).then(([p]) => p!)));
    byTest.set(test, await provider);
  }
  return byTest;
}

/** Every provider spec a suite names: its providers and the graders of its tests and assertions. */
function providerSpecs(suite: Suite): ProviderSpec[] {
  const specs: ProviderSpec[] = [...suite.providers];
  const add = (ref: string | ProviderSpec | undefined) => {
    if (ref) specs.push(typeof ref === 'string' ? { id: ref, config: {} } : ref);
  };
  for (const test of suite.tests) {
    // A test's grader may be one per kind ({ text, embedding, classification, moderation }): each kind's is a
    // provider with a key.
    add(graderFor('text', test.options.provider));
    add(graderFor('embedding', test.options.provider));
    add(graderFor('classification', test.options.provider));
    add(graderFor('moderation', test.options.provider));
    add(test.provider);
    for (const { assertion } of leafAssertions(test.assert)) add(assertion.provider);
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
