// Runs a suite's cases against live providers: bounded concurrency, per-call timeouts, retries with
// backoff, a rate limiter per endpoint, an output cache, the test's transform, then scoring. Results come
// back in plan order. Grader calls (model-graded assertions) go through the same path as the model's own:
// cache, limiter, retries, timeout, and a failure that is an error, never a fail.
import { setMaxListeners } from 'node:events';
import path from 'node:path';
import { applyTransform, scoreTest as realScoreTest, type ScoreContext, type TestScore } from '../assertions/index.js';
import { graderFor } from '../assertions/model-graded.js';
import { defaultModerationProvider } from '../assertions/moderation.js';
import { caseFilter } from '../config/filters.js';
import { ConfigError, messageOf } from '../errors.js';
import { renderPromptWithFunction as realRenderPrompt, templateFilters } from '../prompts/functions.js';
import { preparedVars } from '../prompts/render.js';
import { hasScriptVars, resolveScriptVars } from '../prompts/script-vars.js';
import { resolveProviders as realResolveProviders } from '../providers/index.js';
import {
  silentLogger,
  type CaseResult,
  type EvalResults,
  type Logger,
  type CallContext,
  type Prompt,
  type Provider,
  type ProviderResponse,
  type RenderPrompt,
  type Suite,
  type TemplateFilters,
  type TestCase,
  type TokenUsage,
  type TraceData,
} from '../types.js';
import { cacheKey, type OutputCache } from './cache.js';
import { compareOutputs, hasComparison } from './compare-outputs.js';
import { createGradingProviders, type GradingProviderSpec, type ResolveProviders } from './grading.js';
import { caseAt, countCases, type PlanShape, type PlannedCase } from './plan.js';
import { ExtensionRun } from './extensions.js';
import { Limiters, type CallGate, type EndpointLimiter, type LimiterTicket } from './limiter.js';
import { forEachBounded, Semaphore } from './pool.js';
import {
  callWithRetry,
  DEFAULT_MAX_RATE_LIMIT_WAIT_MS,
  DEFAULT_RETRY,
  type CallOptions,
  type RetryPolicy,
} from './retry.js';
import { summarizeStats } from './stats.js';
import { acquireTraceReceiver, memoryTraces, type TraceBuffer } from '../tracing/receiver.js';
import {
  callSpan,
  isTraced,
  mayReadTrace,
  newCaseTrace,
  newEvaluationId,
  settledSpans,
  suiteIsTraced,
  type CaseTrace,
} from '../tracing/trace.js';

export { summarizeStats } from './stats.js';

export interface RunDeps {
  providers: Provider[];
  cache?: OutputCache;
  logger?: Logger;
  /** Called after every finished case. */
  onProgress?: (done: number, total: number) => void;
  /** Called with every finished case, as it finishes (an interrupted run can still report these). */
  onResult?: (result: CaseResult) => void;
  /** Aborting stops new calls, aborts the ones in flight, and rejects runSuite with the abort reason. */
  signal?: AbortSignal;
  render?: RenderPrompt;
  score?: (ctx: ScoreContext) => Promise<TestScore>;
  /** The providers a prompt with its own config calls (its config merged over theirs), by provider index. */
  promptProviders?: ReadonlyMap<Prompt, readonly Provider[]>;
  /** The provider a test with its own `provider` calls instead of the listed one. */
  testProviders?: ReadonlyMap<TestCase, Provider>;
  /** Replaces suite.prompts, e.g. with the base revision's prompts; same order and length expected. */
  prompts?: Prompt[];
  /** Runs only the cases it accepts (one shard of a matrix run); results hold only them, in plan order. */
  include?: (planned: PlannedCase) => boolean;
  /** Backoff shape; `maxRetries` here overrides suite.evaluateOptions.maxRetries. */
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1). */
  random?: () => number;
  resolveProviders?: ResolveProviders;
  env?: NodeJS.ProcessEnv;
  /** Rate limiters to share with other runs (the base and head sides of a review); default: this run's own. */
  limiters?: Limiters;
}

/**
 * Cache hits skip the call slots, so a fully cached re-run is not throttled behind slow calls; with a cache,
 * this many cases beyond the call limit may be in flight (rendering, reading the cache, scoring) at once.
 * Without one every case needs a slot: the extra cases would only wait in the limiter's queue, and waiting
 * (a promise, an abort watch and a queue entry per call, and 64 more cases' state for every GC) cost about
 * 10 µs of CPU per call at 50 in flight on Node 20.
 */
const EXTRA_CASES_IN_FLIGHT = 64;

/** Waits `ms`, ending early when the run is aborted (a 60 s Retry-After must not delay a cancel). */
function abortableSleep(signal: AbortSignal | undefined): (ms: number) => Promise<void> {
  return (ms) =>
    new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
    });
}

export async function runSuite(suite: Suite, deps: RunDeps): Promise<EvalResults> {
  // Every case waiting for its limiter ticket, in a backoff or in flight watches the run's signal (and stops
  // watching when done): far more than node's default of 10 listeners, and no leak. 0 lifts the warning.
  if (deps.signal) setMaxListeners(0, deps.signal);
  const prompts = deps.prompts ?? suite.prompts;
  const { providers } = deps;
  const options = suite.evaluateOptions;
  const shape: PlanShape = {
    tests: suite.tests.length,
    prompts: prompts.length,
    providers: providers.length,
    repeat: Math.max(1, options.repeat),
  };
  const planned = countCases(shape);
  // Without a filter the plan is walked by index (no list of 10,000 objects); with one, the kept indexes.
  // promptfoo's prompt/provider filters (providers[].prompts, tests[].prompts, tests[].providers) and a shard's.
  const written = caseFilter(suite, prompts);
  const include =
    written && deps.include ? (c: PlannedCase) => written(c) && deps.include!(c) : (written ?? deps.include);
  const selected = include ? selectCases(shape, planned, include) : undefined;
  const total = selected ? selected.length : planned;
  const limit = Math.max(1, Math.floor(options.maxConcurrency) || 1);
  const calls = new Semaphore(limit);
  const logger = deps.logger ?? silentLogger;
  const policy: RetryPolicy = {
    baseMs: deps.retry?.baseMs ?? DEFAULT_RETRY.baseMs,
    maxMs: deps.retry?.maxMs ?? DEFAULT_RETRY.maxMs,
    maxRetries: deps.retry?.maxRetries ?? options.maxRetries,
  };
  const grading = createGradingProviders({
    defaultProvider: providers[0],
    resolveProviders: deps.resolveProviders ?? realResolveProviders,
    rootDir: suite.rootDir,
    configFile: suite.configPath,
    env: deps.env ?? process.env,
  });
  const runner: CaseRunner = {
    suite,
    prompts,
    providers,
    calls,
    logger,
    policy,
    cache: deps.cache,
    signal: deps.signal,
    render: deps.render ?? realRenderPrompt,
    filters: templateFilters(suite),
    promptProviders: deps.promptProviders,
    testProviders: deps.testProviders,
    score: deps.score ?? realScoreTest,
    sleep: deps.sleep ?? abortableSleep(deps.signal),
    random: deps.random ?? Math.random,
    limiters: deps.limiters ?? new Limiters(),
    limit,
    callOptions: new WeakMap(),
    // Grader calls take the same road as the model's: cache, limiter, call slots, retries and timeout.
    gradingProvider: async (spec) => throughEngine(runner, await grading(spec)),
    defaultModerationProvider: defaultModerationProvider(deps.env ?? process.env),
  };

  // promptfoo starts the OTLP receiver before the first case and stops it when the run ends, whatever happens.
  const receiver =
    suiteIsTraced(suite) && suite.tracing?.receiver ? await acquireTraceReceiver(suite.tracing.receiver) : undefined;
  if (suiteIsTraced(suite)) runner.tracing = { evaluationId: newEvaluationId(), traces: receiver ?? memoryTraces() };
  try {
    return await runCases(runner, deps, { shape, selected, total, written });
  } finally {
    await receiver?.release();
  }
}

async function runCases(
  runner: CaseRunner,
  deps: RunDeps,
  plan: { shape: PlanShape; selected: number[] | undefined; total: number; written: ReturnType<typeof caseFilter> },
): Promise<EvalResults> {
  const { suite, prompts } = runner;
  const { shape, selected, total, written } = plan;
  const results = new Array<CaseResult>(total);
  let done = 0;
  const hooks = suite.extensions?.length ? new ExtensionRun(suite.extensions, suite, prompts) : undefined;
  await hooks?.beforeAll();
  await forEachBounded(
    total,
    runner.limit + (runner.cache ? EXTRA_CASES_IN_FLIGHT : 0),
    async (index) => {
      const planned = caseAt(shape, selected ? selected[index] : index);
      const test = suite.tests[planned.testIdx];
      const hooked = hooks ? await hooks.beforeEach(test) : test;
      results[index] = await runCase(runner, planned, hooked);
      if (hooks) await hooks.afterEach(hooked, results[index]);
      // A case of a select-best / max-score test is reported once the comparison pass has graded it.
      if (!hasComparison(suite.tests[results[index].testIdx])) deps.onResult?.(results[index]);
      deps.onProgress?.(++done, total);
    },
    deps.signal,
  );
  const compared = await compareOutputs({
    tests: suite.tests,
    results,
    plannedCases: (testIdx, repeat) => plannedForTest(shape, testIdx, repeat, written),
    gradingProvider: (spec) => runner.gradingProvider(spec),
  });
  for (const position of compared) deps.onResult?.(results[position]);
  await hooks?.afterAll(results);
  return {
    version: 1,
    suite: suite.description ?? path.basename(suite.configPath),
    stats: summarizeStats(results),
    results,
  };
}

/** How many cases of one test and repeat the suite's own filters (not a shard's) keep. */
function plannedForTest(
  shape: PlanShape,
  testIdx: number,
  repeat: number,
  written: ((c: PlannedCase) => boolean) | undefined,
): number {
  let count = 0;
  for (let promptIdx = 0; promptIdx < shape.prompts; promptIdx++) {
    for (let providerIdx = 0; providerIdx < shape.providers; providerIdx++) {
      const index = ((testIdx * shape.prompts + promptIdx) * shape.providers + providerIdx) * shape.repeat + repeat;
      if (!written || written({ index, testIdx, promptIdx, providerIdx, repeat })) count++;
    }
  }
  return count;
}

/** Plan positions the filter keeps, ascending (so results stay in plan order). */
function selectCases(shape: PlanShape, planned: number, include: (planned: PlannedCase) => boolean): number[] {
  const kept: number[] = [];
  for (let index = 0; index < planned; index++) if (include(caseAt(shape, index))) kept.push(index);
  return kept;
}

interface CaseRunner {
  suite: Suite;
  prompts: Prompt[];
  providers: Provider[];
  calls: Semaphore;
  logger: Logger;
  policy: RetryPolicy;
  cache: OutputCache | undefined;
  signal: AbortSignal | undefined;
  render: NonNullable<RunDeps['render']>;
  /** The suite's nunjucksFilters, importing (undefined without any). */
  filters: Promise<TemplateFilters> | undefined;
  promptProviders: RunDeps['promptProviders'];
  testProviders: RunDeps['testProviders'];
  score: NonNullable<RunDeps['score']>;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  limiters: Limiters;
  /** maxConcurrency: the ceiling of every limiter this run uses. */
  limit: number;
  gradingProvider: (spec: GradingProviderSpec) => Promise<Provider>;
  /** promptfoo's default moderator for this run's environment (defaultModerationProvider). */
  defaultModerationProvider: string;
  /** Each provider's call options, its way in (gate) among them: made once (callOptionsFor). */
  callOptions: WeakMap<Provider, CallOptions>;
  /** A traced suite's traces (promptfoo's `tracing:`): the receiver's spans, or only the run's own. */
  tracing?: { evaluationId: string; traces: TraceBuffer };
}

/** One case; a traced one has its own trace, open while it runs (spans for it are kept only then). */
function runCase(run: CaseRunner, planned: PlannedCase, test: TestCase): Promise<CaseResult> {
  // Not async itself: the untraced case (nearly every one) is runOneCase's own promise, with no second one.
  if (!run.tracing || !isTraced(test, run.suite)) return runOneCase(run, planned, test, undefined);
  return runTracedCase(run, run.tracing, planned, test);
}

async function runTracedCase(
  run: CaseRunner,
  tracing: NonNullable<CaseRunner['tracing']>,
  planned: PlannedCase,
  test: TestCase,
): Promise<CaseResult> {
  const listed = run.providers[planned.providerIdx]!;
  const trace = newCaseTrace(tracing.evaluationId, test, {
    testIdx: planned.testIdx,
    promptIdx: planned.promptIdx,
    repeat: planned.repeat,
    providerId: listed.id,
    vars: test.vars,
  });
  tracing.traces.open(trace.traceId);
  try {
    return await runOneCase(run, planned, test, trace);
  } finally {
    tracing.traces.close(trace.traceId);
  }
}

async function runOneCase(
  run: CaseRunner,
  planned: PlannedCase,
  test: TestCase,
  trace: CaseTrace | undefined,
): Promise<CaseResult> {
  const prompt = run.prompts[planned.promptIdx];
  // Results name the listed provider; the call goes to the test's own provider, or the prompt's variant.
  const listed = run.providers[planned.providerIdx];
  const provider =
    run.testProviders?.get(run.suite.tests[planned.testIdx]) ??
    run.promptProviders?.get(prompt)?.[planned.providerIdx] ??
    listed;
  const base: CaseBase = {
    testIdx: planned.testIdx,
    promptIdx: planned.promptIdx,
    promptId: prompt.id,
    // The label tells apart two configs of one model (promptfoo shows `label || id` the same way).
    provider: listed.label ?? listed.id,
    repeat: planned.repeat,
    ...(test.description !== undefined ? { description: test.description } : {}),
    vars: test.vars,
  };
  // This function runs for every case; what few cases need (computed vars, traces, transforms, errors) is in
  // functions of its own, so that what V8 compiles for the rest is small.
  let vars = test.vars;
  if (test.options.transformVars !== undefined || hasScriptVars(vars)) {
    const computed = await computedVars(run, test, prompt, provider);
    if ('error' in computed) return failedCase(base, computed.error);
    vars = base.vars = computed.vars;
  }

  let rendered: string;
  try {
    // `{{ env.X }}` sees the config's `env:` block only (a var named env wins, as over promptfoo's global).
    const filters = run.filters && (await run.filters);
    const text = run.render(prompt, run.suite.env ? { env: run.suite.env, ...vars } : vars, provider, filters);
    // Remembered by the spend plan (evaluate.ts memoizedRender), a template's text is a string: no await for it.
    rendered = typeof text === 'string' ? text : await text;
  } catch (error) {
    // A broken template is the config's fault and would fail every case alike: stop with its location.
    if (error instanceof ConfigError) throw error;
    return failedCase(base, `could not render prompt "${prompt.label}": ${messageOf(error)}`);
  }
  // promptfoo renders with the vars prepared in place (newlines trimmed, vars naming vars resolved): the
  // provider, the transforms and the assertions see them so.
  vars = preparedVars(vars);

  // promptfoo's providerOutput: the test's fixed output is scored, no provider is called.
  const call: ProviderCall =
    test.providerOutput !== undefined
      ? { ok: true, response: { output: test.providerOutput }, cached: false, latencyMs: 0 }
      : await callProvider(run, provider, rendered, { vars, prompt }, planned.repeat, trace && { trace, planned });
  if (!call.ok) return failedCase(base, call.error, { prompt: rendered, latencyMs: call.latencyMs });
  const { response, cached, latencyMs } = call;
  const traceData = trace && run.tracing ? await traceDataFor(run.tracing.traces, trace, test, run.sleep) : undefined;
  const measured = {
    prompt: rendered,
    latencyMs,
    tokens: tokensOf(response),
    cost: response.cost ?? 0,
    cached,
  };

  // promptfoo: the provider's transform, then the test's. `providerOutput` is what the provider's transform made
  // of the output, before the test's: what a contextTransform reads.
  let output = response.output;
  let providerOutput = output;
  const providerTransform = run.suite.providers[planned.providerIdx]?.transform;
  if (providerTransform !== undefined || test.options.transform !== undefined) {
    const transformed = await transformedOutput(run, providerTransform, test, prompt, vars, output);
    if ('error' in transformed) return failedCase(base, transformed.error, { output: response.output, ...measured });
    ({ output, providerOutput } = transformed);
  }

  const context: ScoreContext = {
    output,
    providerOutput,
    prompt: rendered,
    vars,
    test,
    providerId: provider.id,
    providerConfig: run.suite.providers[planned.providerIdx]?.config,
    latencyMs,
    cached,
    rootDir: run.suite.rootDir,
    gradingProvider: (spec) => run.gradingProvider(spec ?? graderFor('text', test.options.provider)),
    defaultModerationProvider: run.defaultModerationProvider,
    logger: run.logger,
  };
  // Set one by one rather than spread in: six conditional spreads in one literal cost V8 more than the scoring.
  if (provider.toolCalls !== undefined) context.providerToolCalls = provider.toolCalls;
  if (response.cost !== undefined) context.cost = response.cost;
  if (response.finishReason !== undefined) context.finishReason = response.finishReason;
  if (response.metadata !== undefined) context.metadata = response.metadata;
  if (response.guardrails !== undefined) context.guardrails = response.guardrails;
  if (traceData) context.trace = traceData;
  let scored: TestScore;
  try {
    scored = await run.score(context);
  } catch (error) {
    return failedCase(base, `assertions could not run: ${messageOf(error)}`, { output, ...measured });
  }
  if (scored.error !== undefined) {
    return failedCase(base, scored.error, { output, assertions: scored.assertions, ...measured });
  }
  return caseResult(base, {
    prompt: measured.prompt,
    latencyMs: measured.latencyMs,
    tokens: measured.tokens,
    cost: measured.cost,
    cached: measured.cached,
    output,
    pass: scored.pass,
    score: scored.score,
    assertions: scored.assertions,
  });
}

type CaseBase = Pick<CaseResult, 'testIdx' | 'promptIdx' | 'promptId' | 'provider' | 'repeat' | 'description' | 'vars'>;

/** A case that is an error: nothing scored, no output unless `extra` says what there was. */
function failedCase(base: CaseBase, error: string, extra: Partial<CaseResult> = {}): CaseResult {
  return caseResult(base, {
    output: null,
    pass: false,
    score: 0,
    error,
    assertions: [],
    latencyMs: 0,
    tokens: { prompt: 0, completion: 0, total: 0 },
    cost: 0,
    cached: false,
    ...extra,
  });
}

/**
 * The case's vars when something computes them: promptfoo's options.transformVars first, merged over the test's
 * vars (0.123.1's applyInputTransform: `{ ...vars, ...transformed }`), then vars computed by scripts, before
 * rendering.
 */
async function computedVars(
  run: CaseRunner,
  test: TestCase,
  prompt: Prompt,
  provider: Provider,
): Promise<{ vars: Record<string, unknown> } | { error: string }> {
  let vars = test.vars;
  if (test.options.transformVars !== undefined) {
    let transformed: Record<string, unknown>;
    try {
      transformed = (await applyTransform(
        test.options.transformVars,
        vars,
        { prompt: { id: prompt.id, label: prompt.label, raw: prompt.raw } },
        run.suite.rootDir,
        'vars',
      )) as Record<string, unknown>;
    } catch (error) {
      return { error: `transformVars failed: ${messageOf(error)}` };
    }
    if (typeof transformed !== 'object' || transformed === null || Array.isArray(transformed)) {
      return { error: `transformVars must return an object of vars, got ${JSON.stringify(transformed)}` };
    }
    vars = { ...vars, ...transformed };
  }
  if (hasScriptVars(vars)) {
    try {
      vars = await resolveScriptVars(vars, prompt.raw, provider);
    } catch (error) {
      return { error: `a var script failed: ${messageOf(error)}` };
    }
  }
  return { vars };
}

/**
 * The spans the assertions read: those that arrived once the provider's exporter has settled (promptfoo's
 * loadTraceData), only for a test with an assertion that reads them.
 */
async function traceDataFor(
  traces: TraceBuffer,
  trace: CaseTrace,
  test: TestCase,
  sleep: (ms: number) => Promise<void>,
): Promise<TraceData | undefined> {
  if (!test.assert.some(mayReadTrace)) return undefined;
  return {
    traceId: trace.traceId,
    evaluationId: trace.evaluationId,
    testCaseId: trace.testCaseId,
    metadata: trace.metadata,
    spans: await settledSpans(() => traces.spans(trace.traceId), sleep),
  };
}

/** The provider's transform, then the test's, over the output; `providerOutput` is the output between them. */
async function transformedOutput(
  run: CaseRunner,
  providerTransform: string | undefined,
  test: TestCase,
  prompt: Prompt,
  vars: Record<string, unknown>,
  raw: unknown,
): Promise<{ output: unknown; providerOutput: unknown } | { error: string }> {
  let output = raw;
  let providerOutput = raw;
  for (const [i, code] of [providerTransform, test.options.transform].entries()) {
    if (i === 1) providerOutput = output;
    if (code === undefined) continue;
    try {
      output = await applyTransform(
        code,
        output,
        { vars, prompt: { id: prompt.id, label: prompt.label, raw: prompt.raw } },
        run.suite.rootDir,
      );
    } catch (error) {
      return { error: `transform failed: ${messageOf(error)}` };
    }
  }
  return { output, providerOutput };
}

/**
 * A case's result: which case it is (`base`), then what happened, in that key order. Never `{ ...base, more }`:
 * on Node 20 (V8 11.3) a literal that starts with a spread and adds keys after it builds fresh hidden classes for
 * every object, measured at about 4.5 KB and 10 µs per result; starting with a key, or spreading last, does not.
 */
function caseResult(base: CaseBase, outcome: Omit<CaseResult, keyof CaseBase>): CaseResult {
  return {
    testIdx: base.testIdx,
    promptIdx: base.promptIdx,
    promptId: base.promptId,
    provider: base.provider,
    repeat: base.repeat,
    ...(base.description !== undefined ? { description: base.description } : {}),
    vars: base.vars,
    ...outcome,
  };
}

type ProviderCall =
  | { ok: true; response: ProviderResponse; cached: boolean; latencyMs: number }
  | { ok: false; error: string; latencyMs: number };

async function callProvider(
  run: CaseRunner,
  provider: Provider,
  rendered: string,
  context: Omit<CallContext, 'signal'>,
  repeat: number,
  traced?: { trace: CaseTrace; planned: PlannedCase },
): Promise<ProviderCall> {
  if (traced) return callTraced(run, provider, rendered, context, traced.trace, traced.planned);
  const key = run.cache
    ? cacheKey({ providerId: provider.id, cacheIdentity: provider.cacheIdentity, renderedPrompt: rendered, repeat })
    : undefined;
  // Looked up before taking a call slot: a hit must not queue behind slow calls.
  const hit = key !== undefined ? await run.cache!.get(key) : undefined;
  // A hit reports latency 0, as promptfoo does: no call was made, and a stale latency would mislead
  // `latency` assertions. Tokens and cost stay as recorded, describing the output rather than this run.
  if (hit) return { ok: true, response: hit, cached: true, latencyMs: 0 };

  const outcome = await callThroughGate(run, provider, rendered, context);
  if (!outcome.ok) return { ok: false, error: `${provider.id}: ${outcome.error}`, latencyMs: outcome.latencyMs };
  if (key !== undefined) {
    try {
      await run.cache!.set(key, outcome.response);
    } catch (error) {
      // A full disk or read-only cache dir costs speed next time, not this run's results.
      run.logger.warn(`could not write to the output cache: ${messageOf(error)}`);
    }
  }
  return { ok: true, response: outcome.response, cached: false, latencyMs: outcome.latencyMs };
}

/**
 * A traced case's call: never answered from the cache (a cached answer has no spans: its trace assertions
 * would judge a call that did not happen), nor written to it; the provider gets the case's trace context,
 * and the call's own span (promptfoo's target span) joins the case's trace when the call ends.
 */
async function callTraced(
  run: CaseRunner,
  provider: Provider,
  rendered: string,
  context: Omit<CallContext, 'signal'>,
  trace: CaseTrace,
  planned: PlannedCase,
): Promise<ProviderCall> {
  const startTime = performance.timeOrigin + performance.now();
  const outcome = await callThroughGate(
    run,
    provider,
    rendered,
    Object.assign({}, context, {
      traceparent: trace.traceparent,
      evaluationId: trace.evaluationId,
      testCaseId: trace.testCaseId,
    }),
  );
  run.tracing?.traces.add(
    trace.traceId,
    callSpan(trace, {
      providerId: provider.id,
      ...(provider.label !== undefined ? { label: provider.label } : {}),
      promptLabel: context.prompt.label,
      testIdx: planned.testIdx,
      startTime,
      endTime: performance.timeOrigin + performance.now(),
      ...(outcome.ok ? {} : { error: outcome.error }),
    }),
  );
  if (!outcome.ok) return { ok: false, error: `${provider.id}: ${outcome.error}`, latencyMs: outcome.latencyMs };
  return { ok: true, response: outcome.response, cached: false, latencyMs: outcome.latencyMs };
}

function callThroughGate(run: CaseRunner, provider: Provider, rendered: string, context: Omit<CallContext, 'signal'>) {
  // `signal` first: a literal that starts with a spread is Node 20's slow path (caseResult).
  return callWithRetry(
    (signal) => provider.callApi(rendered, { signal, ...context }),
    run.callOptions.get(provider) ?? callOptionsFor(run, provider),
  );
}

/** How every call of a provider is made in this run: the same for all its cases, so made once. */
function callOptionsFor(run: CaseRunner, provider: Provider): CallOptions {
  const options: CallOptions = {
    policy: run.policy,
    timeoutMs: run.suite.evaluateOptions.timeoutMs,
    maxRateLimitWaitMs: run.suite.evaluateOptions.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS,
    gate: gateFor(run, provider),
    sleep: run.sleep,
    random: run.random,
    signal: run.signal,
    onRetry: ({ attempt, reason, delayMs }) =>
      run.logger.debug(`${provider.id}: attempt ${attempt} failed (${reason}); retrying in ${delayMs} ms`),
  };
  run.callOptions.set(provider, options);
  return options;
}

/**
 * An attempt's way in: its endpoint's limiter first (which may pause or pace it), then one of the run's
 * maxConcurrency call slots. Per attempt, not per case: a case waiting out a backoff or an endpoint's pause
 * holds no slot, so it never keeps another provider's calls waiting.
 */
function gateFor(run: CaseRunner, provider: Provider): CallGate {
  const limiter = run.limiters.for(provider, run.limit);
  const gate: CallGate = {
    acquire(options) {
      // The usual attempt (room at its endpoint, a slot free) gets its ticket at once: no promise, no await.
      const ticket = limiter.tryAcquire(options);
      if (ticket !== undefined && run.calls.tryAcquire()) return ticket;
      return acquireWaiting(limiter, run.calls, ticket, options);
    },
    release(ticket, response) {
      run.calls.release();
      limiter.release(ticket, response);
    },
  };
  return gate;
}

/** An attempt's way in when it must wait: for its endpoint's ticket (unless it has one), then for a slot. */
async function acquireWaiting(
  limiter: EndpointLimiter,
  calls: Semaphore,
  held: LimiterTicket | undefined,
  options: { retry: boolean; signal?: AbortSignal },
): Promise<LimiterTicket> {
  const ticket = held ?? (await limiter.acquire(options));
  await calls.acquire();
  return ticket;
}

function tokensOf(response: ProviderResponse): TokenUsage {
  const prompt = response.tokenUsage?.prompt ?? 0;
  const completion = response.tokenUsage?.completion ?? 0;
  return { prompt, completion, total: response.tokenUsage?.total ?? prompt + completion };
}

/**
 * A grading provider whose calls go through the engine: the answer comes from the cache or from a call with
 * the run's limiter, call slots, timeout and retries; a call that still fails answers with its error.
 */
function throughEngine(run: CaseRunner, provider: Provider): Provider {
  return Object.assign({}, provider, {
    callApi: async (prompt: string, context: CallContext) => {
      const call = await callProvider(run, provider, prompt, { vars: context.vars, prompt: context.prompt }, 0);
      return call.ok ? call.response : { error: call.error };
    },
  });
}
