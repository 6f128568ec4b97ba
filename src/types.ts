// The plain data that flows through promptgate's pipeline. Every stage takes and returns these shapes;
// only the edges (git, GitHub, providers, cache) touch the world.
import type { Locator } from './config/source.js';
import type { GateThresholds } from './gate.js';

export interface ChatMessage {
  role: string;
  content: string;
}

/** A prompt template as loaded from the config, not yet rendered. */
export interface Prompt {
  /** Stable identity: the explicit `id`, else `file://<repo-relative path>` (+ `:<n>` when a file holds several), else the raw text. */
  id: string;
  label: string;
  /** Template text. A chat prompt is the JSON text of a messages array, rendered like any other template. */
  raw: string;
  /** Path of the file it came from, relative to the suite's root directory (for change detection). */
  file?: string;
  /**
   * promptfoo's prompt function: code that builds the prompt per case (src/prompts/functions.ts). `raw` then
   * holds the script's source text, so that a changed script is a changed prompt.
   */
  function?: PromptFunction;
  /** promptfoo's prompt `config`: merged over each provider's config for this prompt's calls (shallowly). */
  config?: Record<string, unknown>;
}

export interface PromptFunction {
  /** Absolute path of the script. */
  file: string;
  functionName?: string;
  language: 'javascript' | 'python';
  /** Set when the script may not run here (a pull request's own code on an untrusted event): why. */
  refused?: string;
}

/** Renders a case's prompt for one provider (with its suite's nunjucksFilters); a prompt function makes it asynchronous. */
export type RenderPrompt = (
  prompt: Prompt,
  vars: Record<string, unknown>,
  target?: { id: string; label?: string },
  filters?: TemplateFilters,
) => string | Promise<string>;

/** promptfoo's `nunjucksFilters` as loaded for a run: filter name → the function its module exports. */
export type TemplateFilters = Readonly<Record<string, (...args: unknown[]) => unknown>>;

/** One entry of a suite's `nunjucksFilters`: the filter's name and the JavaScript file that exports it. */
export interface TemplateFilterRef {
  name: string;
  file: string;
  /** `file://filters.js:fn`: that export, else the module's default export. */
  functionName?: string;
}

export interface ProviderSpec {
  /** e.g. `echo`, `openai:chat:gpt-4o-mini`, `anthropic:messages:claude-x`, `ollama:chat:llama3`, `file://p.mjs`, `exec:cmd` */
  id: string;
  label?: string;
  config: Record<string, unknown>;
  /** promptfoo's `providers[].prompts`: this provider runs only the prompts these labels or ids name. */
  prompts?: string[];
  /** A transform of this provider's output, applied before the test's own (promptfoo's provider `transform`). */
  transform?: string;
}

export interface AssertionSpec {
  /** Assertion type including a `not-` prefix when inverted, e.g. `not-contains`. */
  type: string;
  value?: unknown;
  threshold?: number;
  weight?: number;
  metric?: string;
  /** Grading provider override for model-graded assertions (promptfoo's `provider` on an assertion). */
  provider?: string | ProviderSpec;
  transform?: string;
  /** For the context-* assertions: makes the context from the provider's output (as `transform` does). */
  contextTransform?: string;
  /** promptfoo's assertion `config`: handed to a javascript assertion as `context.config`. */
  config?: Record<string, unknown>;
  /** A grading prompt for this assertion only (else the test's options.rubricPrompt). */
  rubricPrompt?: unknown;
  /** promptfoo's assert-set: the assertions of the set, scored into one result (`threshold` is the set's). */
  assert?: AssertionSpec[];
  /** Where it was written, for errors raised while running it. */
  location?: SourceLocation;
}

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** Graders one per kind of grading, as promptfoo lets a test's options.provider be. */
export type GradersByKind = Partial<
  Record<'text' | 'embedding' | 'classification' | 'moderation', string | ProviderSpec>
>;

export interface TestOptions {
  /** Output transform: a JavaScript expression over `output` and `context`, or `file://x.js`. */
  transform?: string;
  /** Grading provider for model-graded assertions: one for every kind, or one per kind (read it with graderFor). */
  provider?: string | ProviderSpec | GradersByKind;
  /** A transform of the vars before rendering: JavaScript over `vars` and `context`, or `file://x.js`. */
  transformVars?: string;
  [key: string]: unknown;
}

export interface TestCase {
  description?: string;
  vars: Record<string, unknown>;
  assert: AssertionSpec[];
  /** When set, the test passes when the weighted score reaches it (promptfoo semantics). */
  threshold?: number;
  options: TestOptions;
  /** promptgate: a newly failing case of a critical test is always a regression. */
  critical?: boolean;
  metadata?: Record<string, unknown>;
  /** promptfoo's `tests[].providers`: the test runs only on the providers these ids or labels name. */
  providers?: string[];
  /** promptfoo's `tests[].prompts`: the test runs only with the prompts these labels or ids name. */
  prompts?: string[];
  /**
   * promptfoo's `tests[].provider`: each of the test's cases calls this provider instead of the suite's
   * provider it is listed under (results keep that provider's name, as in promptfoo).
   */
  provider?: string | ProviderSpec;
  /** promptfoo's `providerOutput`: the output scored instead of calling a provider (a string or an object). */
  providerOutput?: unknown;
  /** promptfoo's `assertScoringFunction`: the script that combines the test's assertion results instead of aggregate. */
  assertScoringFunction?: ScoringFunctionRef;
}

/** A test's (or defaultTest's) `assertScoringFunction: file://score.js[:fn]` (or .py), as written and resolved. */
export interface ScoringFunctionRef {
  /** As written, for messages. */
  reference: string;
  /** Absolute path of the script. */
  file: string;
  /** The function named after the colon; else promptfoo's default (a JS module's default export, Python's `func`). */
  functionName?: string;
  language: 'javascript' | 'python';
  /** Where it was written (`defaultTest.assertScoringFunction`, `tests[2].assertScoringFunction`), for errors while it runs. */
  location: { file: string; line?: number; column?: number };
  at: string;
}

/** The gate's thresholds (ship, fix) and the statistics' levels, as a suite's `gate:` key sets them. */
export interface GateConfig extends GateThresholds {
  /** Significance level of the one-sided paired regression test. */
  alpha: number;
  /** Above this share of error cases the verdict is inconclusive. */
  maxErrorRate: number;
}

/** A suite's `evaluateOptions:` key, defaults applied: how its cases run (the engine's knobs). */
export interface SuiteRunSettings {
  maxConcurrency: number;
  repeat: number;
  /** Per-call timeout in milliseconds. */
  timeoutMs: number;
  /** Retries after the first attempt for transient failures. */
  maxRetries: number;
  /**
   * How long one case may keep waiting on a rate-limited provider (429/529 answers, shared pauses) before it
   * becomes an error. Rate-limit waits do not use up `maxRetries`. Default 300000 (DEFAULT_EVALUATE_OPTIONS).
   */
  maxRateLimitWaitMs?: number;
}

/** A config's `prompts` value as written, with where it was written (errors about it point there). */
export interface WrittenPrompts {
  entries: unknown;
  locator: Locator;
  /** The `file://` globs among the entries, without the prefix, relative to the config's directory. */
  globs: string[];
}

/** A loaded, validated, normalised suite. */
export interface Suite {
  /** Absolute path of the config file. */
  configPath: string;
  /** Absolute directory against which `file://` references resolve (the config's directory). */
  rootDir: string;
  description?: string;
  prompts: Prompt[];
  /** The config's `prompts` as the loader read them: an untrusted review resolves the same entries against the head's text. */
  writtenPrompts: WrittenPrompts;
  providers: ProviderSpec[];
  tests: TestCase[];
  /** Merged into every test (already applied to `tests`; kept for reporting). */
  defaultTest?: Partial<TestCase>;
  evaluateOptions: SuiteRunSettings;
  gate: GateConfig;
  /** Every file the suite reads (config, prompt files, test files, vars files, scripts), absolute paths. */
  referencedFiles: string[];
  /** Located warnings from loading (promptfoo keys with no effect here, tests without assertions). */
  warnings?: string[];
  /** The config's `env:` block: the only variables `{{ env.X }}` can render (never the process env). */
  env?: Record<string, string>;
  /** promptfoo's `extensions`: hooks the engine calls around the run (src/engine/extensions.ts). */
  extensions?: ExtensionHook[];
  /** promptfoo's `nunjucksFilters`: custom filters for the prompts' templates, imported when the run starts. */
  nunjucksFilters?: TemplateFilterRef[];
  /** promptfoo's `tracing:` block (src/config/tracing.ts). */
  tracing?: TracingConfig;
}

export type TraceFormat = 'json' | 'protobuf';

/** promptfoo's `tracing:`: whether every case is traced, and the OTLP/HTTP receiver the run starts. */
export interface TracingConfig {
  enabled: boolean;
  /** `otlp.http` when enabled: where the run's receiver listens and what it accepts. */
  receiver?: { host: string; port: number; acceptFormats: TraceFormat[]; redactAttributes: string[] };
}

/** One span as promptfoo's trace store keeps it (times in ms since the epoch). */
export interface TraceSpan {
  spanId: string;
  parentSpanId?: string;
  name: string;
  startTime: number;
  endTime?: number;
  attributes: Record<string, unknown>;
  statusCode?: number;
  statusMessage?: string;
}

/** A case's trace as assertions see it (promptfoo's `context.trace`). */
export interface TraceData {
  traceId: string;
  evaluationId: string;
  testCaseId: string;
  metadata: Record<string, unknown>;
  spans: TraceSpan[];
}

export type ExtensionHookName = 'beforeAll' | 'beforeEach' | 'afterEach' | 'afterAll';

/** One `extensions:` entry, `file://hooks.js:fn` or `file://hooks.py:fn`, as written and resolved. */
export interface ExtensionHook {
  /** As written, for messages. */
  reference: string;
  /** Absolute path of the script. */
  file: string;
  functionName: string;
  language: 'javascript' | 'python';
}

export interface TokenUsage {
  prompt: number;
  completion: number;
  total: number;
}

/** What one provider call produced. */
export interface ProviderResponse {
  output?: unknown;
  /** Set when the call failed: the case becomes an *error*, never a *fail*. */
  error?: string;
  /** A transient failure (429, 5xx, network, timeout, malformed body): the engine retries it. */
  transient?: boolean;
  /** From a Retry-After header. */
  retryAfterMs?: number;
  /** What the server said about its limits (headers, 429/529/503); read by the engine's limiter (src/engine/limiter.ts). */
  rateLimit?: RateLimitFacts;
  tokenUsage?: Partial<TokenUsage>;
  cost?: number;
  /** Why the model stopped, normalized as promptfoo does (`stop`, `length`, `tool_calls`, …); for finish-reason. */
  finishReason?: string;
  /**
   * What the provider says about the answer besides its text, as promptfoo's `metadata` (a knowledge base's
   * citations, an agent's session id and trace): what a contextTransform reads as `context.metadata`.
   */
  metadata?: Record<string, unknown>;
  /** A guardrail's verdict on the prompt or the answer (Model Armor, a Gemini block), as promptfoo's `guardrails`. */
  guardrails?: GuardrailVerdict;
}

/** promptfoo's GuardrailResponse: what the `guardrails` assertion judges. */
export interface GuardrailVerdict {
  flagged?: boolean;
  flaggedInput?: boolean;
  flaggedOutput?: boolean;
  reason?: string;
}

/** One limit window a server reports, e.g. OpenAI's x-ratelimit-*-requests or Anthropic's anthropic-ratelimit-tokens-*. */
export interface RateLimitWindow {
  /** What the window counts; a call costs 1 request, and its tokens (total, input or output) of the others. */
  unit: 'requests' | 'tokens' | 'input-tokens' | 'output-tokens';
  limit?: number;
  remaining?: number;
  /** Milliseconds until the window is full again (continuous refill, as OpenAI and Anthropic document). */
  resetMs?: number;
}

export interface RateLimitFacts {
  /**
   * `rate-limited` (429) and `overloaded` (529) are waits, not faults: they do not use up the retry budget.
   * `unavailable` (503) is a fault. All three make the limiter send fewer calls at once.
   */
  signal?: 'rate-limited' | 'overloaded' | 'unavailable';
  windows: RateLimitWindow[];
}

export interface CallContext {
  vars: Record<string, unknown>;
  prompt: Prompt;
  /** Aborted when the per-call timeout fires. */
  signal?: AbortSignal;
  /** A traced case's W3C trace context (promptfoo's context.traceparent, evaluationId, testCaseId). */
  traceparent?: string;
  evaluationId?: string;
  testCaseId?: string;
}

export interface Provider {
  /** The id as written in the config, e.g. `openai:chat:gpt-4o-mini`. */
  id: string;
  label?: string;
  /** Stable JSON of what determines the output besides the prompt (model, temperature, ...; never secrets). */
  cacheIdentity: string;
  /**
   * Where its calls go (e.g. the URL it posts to): providers with one endpoint share one rate limiter.
   * Absent: the provider id is the limiter's key.
   */
  endpoint?: string;
  /** USD per token, when known: the spend plan estimates a run's cost from it before any call. */
  price?: { input: number; output: number };
  /** Tokens one call may produce at most (max_tokens), when configured: the spend plan's output estimate. */
  maxOutputTokens?: number;
  callApi(prompt: string, context: CallContext): Promise<ProviderResponse>;
  /** How the tool-call checks read this provider's output where promptfoo's provider of that id differs. */
  toolCalls?: ToolCallOutput;
  /** Set on a moderation provider: how the `moderation` assertion asks it and reads its answer. */
  moderation?: Moderator;
}

/**
 * `json`: the provider returns OpenAI tool or function calls as their JSON text where promptfoo's returns the
 * objects, so is-valid-openai-tools-call and is-valid-function-call parse that text (promptfoo 0.123.1 parses
 * no text: a string from any other provider is no call). `validatesFunctionCalls`: promptfoo's provider has
 * validateFunctionToolCall (the OpenAI chat provider and the hosts built on it); is-valid-function-call fails
 * on every other provider, as in promptfoo.
 */
export interface ToolCallOutput {
  json: boolean;
  validatesFunctionCalls: boolean;
}

/** What makes a provider a moderation provider (the `moderation` assertion's grader). */
export interface Moderator {
  /** The text callApi is given to moderate a prompt and the model's response (the vendor's own framing). */
  input: (userPrompt: string, response: string) => string;
  /** The categories callApi's output flags, or why that output is not a verdict. */
  flags: (output: unknown) => ModerationFlag[] | string;
}

/** One category a moderation provider flagged: its code (what `value` lists), a description, a confidence. */
export interface ModerationFlag {
  code: string;
  description: string;
  confidence: number;
}

export interface GradingResult {
  pass: boolean;
  score: number;
  reason: string;
}

export interface AssertionResult extends GradingResult {
  type: string;
  metric?: string;
  /** An assert-set's results, one per assertion of the set, in written order. */
  assertions?: AssertionResult[];
}

/** One evaluated case: prompt × provider × test × repeat. The stable results JSON (README) is a list of these. */
export interface CaseResult {
  testIdx: number;
  promptIdx: number;
  promptId: string;
  provider: string;
  repeat: number;
  description?: string;
  vars: Record<string, unknown>;
  /** The (transformed) output; null when the call errored. */
  output: unknown;
  pass: boolean;
  score: number;
  /** Present when the case is an error: the call failed after its retries, or an assertion could not run. */
  error?: string;
  assertions: AssertionResult[];
  latencyMs: number;
  tokens: TokenUsage;
  cost: number;
  cached: boolean;
  /** The rendered prompt sent to the provider. */
  prompt?: string;
}

export interface EvalStats {
  cases: number;
  passed: number;
  failed: number;
  errors: number;
  /** passed / (passed + failed + errors); 0 when there are no cases. */
  passRate: number;
}

export interface EvalResults {
  version: 1;
  suite: string;
  stats: EvalStats;
  results: CaseResult[];
}

/** The core never imports @actions/core: it logs through this. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {} };
