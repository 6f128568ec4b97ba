// Assertion registry and the scoring of one test case: runs the test's assertions on the output and
// combines them exactly like promptfoo (see aggregate.ts), or with the test's assertScoringFunction
// (scoring-function.ts). An assertion that cannot run — malformed, a script or transform that throws outside
// promptfoo's catch, a grader that cannot answer — or a scoring function that cannot score makes the case an
// error (TestScore.error) rather than a fail, so a broken check never reads as a regression.
import type {
  AssertionResult,
  AssertionSpec,
  GuardrailVerdict,
  Provider,
  TestCase,
  Logger,
  ToolCallOutput,
  TraceData,
} from '../types.js';
import { ConfigError, messageOf, type Located } from '../errors.js';
import { aggregate, NO_ASSERTIONS, type AggregateScore, type WeightedResult } from './aggregate.js';
import { MalformedAssertionError, type AssertionHandler, type ScriptContext } from './handler.js';
import { classifierAssertions } from './classifier.js';
import { moderationAssertions } from './moderation.js';
import { conversationAssertions } from './conversation.js';
import { factualityAssertions } from './factuality.js';
import { gEvalAssertions } from './g-eval.js';
import { guardrailAssertions, isRedteamGuardrailFailure } from './guardrails.js';
import { htmlAssertions } from './html.js';
import { jsonAssertions } from './json.js';
import { modelGradedAssertions } from './model-graded.js';
import { performanceAssertions } from './performance.js';
import { renderTemplate, resolveAssertionValue } from './render-value.js';
import { pythonAssertions } from './python.js';
import { ragAssertions } from './rag.js';
import { comparisonAssertions, isComparison } from './select-best.js';
import { scriptAssertions } from './script.js';
import {
  runScoringFunction,
  SCORING_FUNCTION,
  type ScoredAssertion,
  type ScoringFunctionVerdict,
} from './scoring-function.js';
import { searchRubricAssertions } from './search-rubric.js';
import { similarityAssertions } from './similarity.js';
import { textAssertions } from './text.js';
import { toolAssertions } from './tools.js';
import { traceAssertions } from './trace.js';
import { mayReadTrace } from '../tracing/trace.js';
import { ngramAssertions } from './ngrams.js';
import { refusalAssertions } from './refusal.js';
import { sqlAssertions } from './sql.js';
import { xmlAssertions } from './xml.js';

import { applyTransform } from './transform.js';

export { applyTransform } from './transform.js';
export { GraderError, MalformedAssertionError } from './handler.js';

export const SUPPORTED_ASSERTION_TYPES = [
  'equals',
  'contains',
  'icontains',
  'contains-any',
  'contains-all',
  'icontains-any',
  'icontains-all',
  'starts-with',
  'regex',
  'is-json',
  'contains-json',
  'javascript',
  'levenshtein',
  'latency',
  'cost',
  'word-count',
  'llm-rubric',
  'search-rubric',
  'similar',
  'similar:cosine',
  'similar:dot',
  'similar:euclidean',
  'python',
  'factuality',
  'model-graded-factuality',
  'model-graded-closedqa',
  'is-valid-openai-tools-call',
  'is-valid-function-call',
  'is-valid-openai-function-call',
  'g-eval',
  'context-faithfulness',
  'context-recall',
  'context-relevance',
  'answer-relevance',
  'conversation-relevance',
  'select-best',
  'max-score',
  'is-xml',
  'contains-xml',
  'is-sql',
  'contains-sql',
  'bleu',
  'gleu',
  'rouge-n',
  'is-refusal',
  'finish-reason',
  'is-html',
  'contains-html',
  'classifier',
  'moderation',
  'guardrails',
  'trace-span-count',
  'trace-span-duration',
  'trace-error-spans',
] as const;

export type SupportedAssertionType = (typeof SUPPORTED_ASSERTION_TYPES)[number];

/**
 * Types whose not- form promptfoo accepts but grades as the type itself (its handler ignores the not-), each
 * with what to write instead: refused where written, so that no one believes a check was inverted.
 */
export const NOT_FORM_IGNORED: Readonly<Partial<Record<SupportedAssertionType, string>>> = {
  moderation:
    'promptfoo grades not-moderation exactly as moderation (the not- is ignored); write moderation, or a javascript assertion for a check that must be flagged',
  'trace-span-count':
    'promptfoo grades not-trace-span-count exactly as trace-span-count (the not- is ignored); write trace-span-count with the min and max you mean',
  'trace-span-duration':
    'promptfoo grades not-trace-span-duration exactly as trace-span-duration (the not- is ignored); write trace-span-duration with the max you mean',
  'trace-error-spans':
    'promptfoo grades not-trace-error-spans exactly as trace-error-spans (the not- is ignored); write trace-error-spans with the max_count or max_percentage you mean',
};

const HANDLERS: Record<SupportedAssertionType, AssertionHandler> = {
  ...textAssertions,
  ...jsonAssertions,
  ...scriptAssertions,
  ...performanceAssertions,
  ...modelGradedAssertions,
  ...searchRubricAssertions,
  ...similarityAssertions,
  ...pythonAssertions,
  ...factualityAssertions,
  ...toolAssertions,
  ...gEvalAssertions,
  ...ragAssertions,
  ...conversationAssertions,
  ...comparisonAssertions,
  ...xmlAssertions,
  ...sqlAssertions,
  ...ngramAssertions,
  ...refusalAssertions,
  ...htmlAssertions,
  ...classifierAssertions,
  ...moderationAssertions,
  ...guardrailAssertions,
  ...traceAssertions,
} as Record<SupportedAssertionType, AssertionHandler>;

/**
 * Calls to the text grader one assertion of a model-graded type makes per case (the spend plan counts them);
 * select-best grades once per test and repeat, over every output. Embedding, classification and moderation calls
 * (similar, classifier, moderation) are not counted: they go to other providers than the text grader, priced
 * per call if at all.
 */
export function graderCalls(assertion: { type: string; value?: unknown }): { perCase: number; perTest: number } {
  const type = baseAssertionType(assertion.type);
  const criteria = Array.isArray(assertion.value) ? assertion.value.length : 1;
  return {
    perCase: type === 'g-eval' ? 2 * criteria : (GRADER_CALLS_PER_CASE[type as SupportedAssertionType] ?? 0),
    perTest: type === 'select-best' ? 1 : 0,
  };
}

/** Grader calls per case of each graded type (g-eval's are per criterion: graderCalls). */
const GRADER_CALLS_PER_CASE: Partial<Record<SupportedAssertionType, number>> = {
  'llm-rubric': 1,
  'search-rubric': 1,
  factuality: 1,
  'model-graded-factuality': 1,
  'model-graded-closedqa': 1,
  'g-eval': 2, // the evaluation steps, then the score, per criterion
  'context-recall': 1,
  'context-relevance': 1,
  'context-faithfulness': 2, // the statements, then the verdicts
  'answer-relevance': 3, // three guessed questions
  // One per conversation window (a turn of the _conversation var; one without it), plus a summary of the
  // irrelevancies when some window is not relevant: the single-turn case's most.
  'conversation-relevance': 2,
};

/** `not-contains` → `contains`. */
export function baseAssertionType(type: string): string {
  return type.startsWith('not-') ? type.slice(4) : type;
}

const SUPPORTED = new Set<string>(SUPPORTED_ASSERTION_TYPES);

/** True for a supported type or its `not-` form. */
export function isSupportedAssertionType(type: string): boolean {
  return SUPPORTED.has(baseAssertionType(type));
}

export interface ScoreContext {
  /** The provider's output after the test's transform. */
  output: unknown;
  /** The provider's output after the provider's transform, before the test's (what contextTransform reads). */
  providerOutput?: unknown;
  /** The rendered prompt. */
  prompt: string;
  vars: Record<string, unknown>;
  test: TestCase;
  providerId: string;
  /** The case's provider's config (its `tools`, for is-valid-openai-tools-call). */
  providerConfig?: Record<string, unknown>;
  /** How the case's provider returns tool calls, where it differs from promptfoo's (absent: as promptfoo's). */
  providerToolCalls?: ToolCallOutput;
  latencyMs: number;
  cost?: number;
  /** The provider's finish reason, when it reported one. */
  finishReason?: string;
  /** The provider's metadata (citations, trace), when it reported some: a contextTransform's `context.metadata`. */
  metadata?: Record<string, unknown>;
  /** The provider's guardrail verdict, when it reported one. */
  guardrails?: GuardrailVerdict;
  cached: boolean;
  /** A traced case's trace (promptfoo's context.trace), for the assertions that read it. */
  trace?: TraceData;
  /** Directory `file://` references resolve against. */
  rootDir: string;
  /** Resolves a grading provider for model-graded assertions (default: the suite's first provider). */
  gradingProvider: (spec?: AssertionSpec['provider']) => Promise<Provider>;
  /** The moderator a `moderation` assertion uses when none is named (promptfoo's, chosen by the keys set). */
  defaultModerationProvider?: string;
  logger: Logger;
}

export interface TestScore {
  pass: boolean;
  score: number;
  reason: string;
  assertions: AssertionResult[];
  /** Set when an assertion could not run (grader call failed, script threw): the case is an error. */
  error?: string;
  /** Weighted mean score per assertion `metric` (promptfoo's namedScores). */
  namedScores?: Record<string, number>;
}

/** promptfoo's coerceString: text checks see non-string outputs as JSON. */
function outputAsText(output: unknown): string {
  return typeof output === 'string' ? output : (JSON.stringify(output) ?? '');
}

/** A metric name may be a template over the vars (`{{ topic }}-accuracy`). */
function renderMetric(metric: string | undefined, vars: Record<string, unknown>, logger: Logger): string | undefined {
  if (!metric) return metric;
  try {
    return renderTemplate(metric, vars);
  } catch (err) {
    logger.warn(`metric "${metric}" could not be rendered: ${messageOf(err)}`);
    return metric;
  }
}

async function runAssertion(assertion: AssertionSpec, ctx: ScoreContext): Promise<AssertionResult> {
  const baseType = baseAssertionType(assertion.type);
  const handler = (HANDLERS as Record<string, AssertionHandler | undefined>)[baseType];
  if (!handler) {
    throw new MalformedAssertionError(
      `unknown assertion type "${assertion.type}"; expected one of ${SUPPORTED_ASSERTION_TYPES.join(', ')} (or a not- form)`,
      'type',
    );
  }
  let output = ctx.output;
  if (assertion.transform) {
    output = await applyTransform(
      assertion.transform,
      output,
      { vars: ctx.vars, prompt: { label: ctx.prompt } },
      ctx.rootDir,
    );
  }
  const scriptContext: ScriptContext = {
    prompt: ctx.prompt,
    vars: ctx.vars,
    test: ctx.test,
    provider: { id: ctx.providerId },
    ...(assertion.config !== undefined ? { config: assertion.config } : {}),
    // promptfoo hands the trace to the assertions that may read it (scripts, trace-*, file:// values).
    ...(ctx.trace && mayReadTrace(assertion) ? { trace: ctx.trace } : {}),
  };
  // A value or a verdict known at once (nearly all of them) is used without an await.
  const resolved = resolveAssertionValue(assertion.value, baseType, ctx.vars, ctx.rootDir, [output, scriptContext]);
  const { value, valueFromScript } = resolved instanceof Promise ? await resolved : resolved;
  const handled = handler({
    assertion,
    inverse: assertion.type.startsWith('not-'),
    value,
    valueFromScript,
    output,
    outputString: outputAsText(output),
    scriptContext,
    ctx,
  });
  const graded = handled instanceof Promise ? await handled : handled;
  const result: AssertionResult = {
    type: assertion.type,
    // A weight-0 assertion is informational: reported, never failing the test.
    pass: assertion.weight === 0 ? true : graded.pass,
    score: graded.score,
    reason: graded.reason,
  };
  const metric = renderMetric(assertion.metric, ctx.vars, ctx.logger);
  if (metric) result.metric = metric;
  return result;
}

/** Where an assertion was written, for an error about it: its file:line:col, else the test it belongs to. */
export function writtenAt(assertion: AssertionSpec, test: TestCase): Located {
  return assertion.location ?? { file: test.description ? `test "${test.description}"` : 'test' };
}

/** promptfoo's assert-set: assertions scored into one result, which counts in the test as one assertion. */
export const ASSERTION_SET = 'assert-set';

/**
 * Every assertion that runs on its own, with where the test wrote it: `assert[2]`, or `assert[1].assert[0]`
 * for one inside an assert-set (the set itself is not one: it is scored from these).
 */
export function leafAssertions(
  asserts: readonly AssertionSpec[],
): ReadonlyArray<{ assertion: AssertionSpec; at: string }> {
  // A list of plain assertions (the usual test) is its own leaves: listed afresh, which costs less than
  // remembering them (a WeakMap entry per test's list, 2,000 for 2,000 tests, is work for every GC).
  if (asserts.length <= PLAIN_AT.length && asserts.every((assertion) => !assertion.assert))
    return asserts.map((assertion, i) => ({ assertion, at: PLAIN_AT[i]! }));
  // Other lists are asked for every case (scoring, the spend plan) and fixed once the suite has loaded: made
  // once per list, and shared (callers only read it).
  let leaves = leavesOf.get(asserts);
  if (!leaves) {
    const found: Array<{ assertion: AssertionSpec; at: string }> = [];
    for (let i = 0; i < asserts.length; i++) {
      const inner = asserts[i]!.assert;
      if (!inner) found.push({ assertion: asserts[i]!, at: `assert[${i}]` });
      else for (let j = 0; j < inner.length; j++) found.push({ assertion: inner[j]!, at: `assert[${i}].assert[${j}]` });
    }
    leavesOf.set(asserts, (leaves = found));
  }
  return leaves;
}

const leavesOf = new WeakMap<readonly AssertionSpec[], ReadonlyArray<{ assertion: AssertionSpec; at: string }>>();

/** Where the first assertions of a list are written (`assert[0]`…): made once, not for every case. */
const PLAIN_AT = Array.from({ length: 16 }, (_, i) => `assert[${i}]`);

/** A test's assertions that score each case on its own (not select-best and max-score), made once per list. */
function ownAssertions(asserts: readonly AssertionSpec[]): readonly AssertionSpec[] {
  // Without a comparison (nearly every test) the list is its own: no copy, nothing to remember.
  if (!asserts.some((assertion) => isComparison(assertion.type))) return asserts;
  let own = ownOf.get(asserts);
  if (!own) ownOf.set(asserts, (own = asserts.filter((assertion) => !isComparison(assertion.type))));
  return own;
}

const ownOf = new WeakMap<readonly AssertionSpec[], readonly AssertionSpec[]>();

/**
 * Locates an assertion that could not run for its error message (`at` is where the test wrote it, as
 * leafAssertions names it): file:line:col when the loader recorded it.
 */
export function describeFailure(err: unknown, assertion: AssertionSpec, at: string, test: TestCase): string {
  if (err instanceof MalformedAssertionError) {
    const location = writtenAt(assertion, test);
    return new ConfigError(location, `${assertion.type}: ${err.message}`, `${at}.${err.field}`).message;
  }
  return `${assertion.type} (${at}): ${messageOf(err)}`;
}

const fulfilled = <T>(value: T): PromiseSettledResult<T> => ({ status: 'fulfilled', value });
const rejected = (reason: unknown): PromiseSettledResult<never> => ({ status: 'rejected', reason });

export async function scoreTest(ctx: ScoreContext): Promise<TestScore> {
  // select-best and max-score compare the test's outputs: the engine grades them once every case has run.
  const own = ownAssertions(ctx.test.assert);
  const scorer = ctx.test.assertScoringFunction;
  // promptfoo calls a scoring function whenever the test has assertions, even only comparisons.
  if (own.length === 0 && (scorer === undefined || ctx.test.assert.length === 0))
    return { pass: NO_ASSERTIONS.pass, score: NO_ASSERTIONS.score, reason: NO_ASSERTIONS.reason, assertions: [] };

  // Independent checks run together (model-graded ones are slow), those of an assert-set with the rest, as in
  // promptfoo; results combine in written order. One assertion (the usual test) needs no allSettled and its
  // wrappers: it is awaited as it is. A comparison is never in a set (the loader refuses it there).
  const leaves = leafAssertions(own);
  let settled: PromiseSettledResult<AssertionResult>[];
  if (leaves.length === 1) {
    try {
      settled = [fulfilled(await runAssertion(leaves[0]!.assertion, ctx))];
    } catch (reason) {
      settled = [rejected(reason)];
    }
  } else settled = await Promise.allSettled(leaves.map(({ assertion }) => runAssertion(assertion, ctx)));
  const results: AssertionResult[] = [];
  const errors: string[] = [];
  for (let i = 0; i < settled.length; i++) {
    const outcome = settled[i]!;
    if (outcome.status === 'fulfilled') results.push(outcome.value);
    else errors.push(describeFailure(outcome.reason, leaves[i]!.assertion, leaves[i]!.at, ctx.test));
  }
  // An assertion that could not run, in a set or not, makes the case an error: never a fail.
  if (errors.length > 0) {
    const error = errors.join('\n');
    return { pass: false, score: 0, reason: error, assertions: results, error };
  }
  // Plain loops: this runs for every case, and two map callbacks per case were closures to allocate and, when
  // V8 met a differently shaped array, a reason to throw away and recompile the optimized scoreTest.
  const weighted: WeightedResult[] = [];
  const assertions: AssertionResult[] = [];
  let next = 0;
  for (let i = 0; i < own.length; i++) {
    const assertion = own[i]!;
    const one = assertion.assert
      ? weighedSet(assertion, assertion.assert, results, next, ctx)
      : weighedResult(assertion, results[next]!);
    next += assertion.assert ? assertion.assert.length : 1;
    weighted.push(one);
    assertions.push(one.result);
  }
  const combined = aggregate(weighted, ctx.test.threshold);
  if (scorer) return scoredByFunction(scorer, own, weighted, combined, assertions, ctx.test.threshold);
  return testScore(combined, assertions);
}

function testScore(combined: AggregateScore, assertions: AssertionResult[]): TestScore {
  const score: TestScore = { pass: combined.pass, score: combined.score, reason: combined.reason, assertions };
  if (Object.keys(combined.namedScores).length > 0) score.namedScores = combined.namedScores;
  return score;
}

/** promptfoo's assertScoringFunction: its verdict is the test's, listed first (reports lead with its reason). */
async function scoredByFunction(
  scorer: NonNullable<TestCase['assertScoringFunction']>,
  own: readonly AssertionSpec[],
  weighted: WeightedResult[],
  combined: AggregateScore,
  assertions: AssertionResult[],
  threshold: number | undefined,
): Promise<TestScore> {
  const scored = own.map((assertion, i): ScoredAssertion => {
    const inner = weighted[i]!.components?.map((c, j) => ({ assertion: assertion.assert![j]!, result: c.result }));
    return inner ? { assertion, result: weighted[i]!.result, inner } : { assertion, result: weighted[i]!.result };
  });
  let verdict: ScoringFunctionVerdict;
  try {
    verdict = await runScoringFunction(scorer, combined, threshold, scored);
  } catch (err) {
    // A scoring function that throws or answers something malformed makes the case an error, never a fail.
    const error = messageOf(err);
    return { pass: false, score: 0, reason: error, assertions, error };
  }
  assertions.unshift({ type: SCORING_FUNCTION, pass: verdict.pass, score: verdict.score, reason: verdict.reason });
  return testScore({ ...combined, ...verdict }, assertions);
}

/** An assert-set's weighed result, from its assertions' results (which start at `results[from]`). */
function weighedSet(
  set: AssertionSpec,
  inner: readonly AssertionSpec[],
  results: readonly AssertionResult[],
  from: number,
  ctx: ScoreContext,
): WeightedResult {
  const components = inner.map((assertion, j) => weighedResult(assertion, results[from + j]!));
  return { result: scoreSet(set, components, ctx), weight: set.weight, components };
}

function weighedResult(assertion: AssertionSpec, result: AssertionResult): WeightedResult {
  const weighed: WeightedResult = { result, weight: assertion.weight };
  if (isRedteamGuardrailFailure(assertion, result)) weighed.guardrailBlocked = true;
  return weighed;
}

/**
 * An assert-set's one result: its assertions combined as a test's are, with the set's threshold. Its weight
 * and metric are the set's; a weight of 0 does not make it informational (promptfoo forces a pass only for
 * an assertion of weight 0, not for a set).
 */
function scoreSet(set: AssertionSpec, components: WeightedResult[], ctx: ScoreContext): AssertionResult {
  const combined = aggregate(components, set.threshold);
  const result: AssertionResult = {
    type: ASSERTION_SET,
    pass: combined.pass,
    score: combined.score,
    reason: combined.reason,
  };
  const metric = renderMetric(set.metric, ctx.vars, ctx.logger);
  if (metric) result.metric = metric;
  result.assertions = components.map(({ result: inner }) => inner);
  return result;
}
