// llm-rubric: a grading model reads the output and a rubric and answers {pass, score, reason}.
// The prompt, its rendering and the reading of the answer follow promptfoo's matchesLlmRubric; a grader
// that cannot answer (call failed, no JSON) makes the case an error, never a silent fail.
import type {
  AssertionSpec,
  GradersByKind,
  GradingResult,
  Provider,
  ProviderSpec,
  TestCase,
  TestOptions,
} from '../types.js';
import type { ScoreContext } from './index.js';
import { extractJsonObjects } from './extract-json.js';
import { GraderError, invariant, type AssertionHandler } from './handler.js';
import { renderTemplate } from './render-value.js';

/** promptfoo's DEFAULT_GRADING_PROMPT, verbatim: graders are tuned to it. */
export const DEFAULT_GRADING_PROMPT = JSON.stringify([
  {
    role: 'system',
    content: `You are grading output according to a user-specified rubric. If the statement in the rubric is true, then the output passes the test. You respond with a JSON object with this structure: {reason: string, pass: boolean, score: number}

Examples:

<Output>Hello world</Output>
<Rubric>Content contains a greeting</Rubric>
{"reason": "the content contains the word 'Hello'", "pass": true, "score": 1.0}

<Output>Avast ye swabs, repel the invaders!</Output>
<Rubric>Does not speak like a pirate</Rubric>
{"reason": "'avast ye' is a common pirate term", "pass": false, "score": 0.0}`,
  },
  {
    role: 'user',
    content: '<Output>\n{{ output }}\n</Output>\n<Rubric>\n{{ rubric }}\n</Rubric>',
  },
]);

export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Objects reach the grader's template as JSON text, not as `[object Object]`. */
function stringifyObjects(vars: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(vars).map(([key, value]) => {
      if (!value || typeof value !== 'object') return [key, value];
      if (Array.isArray(value))
        return [key, value.map((item) => (item && typeof item === 'object' ? JSON.stringify(item) : item))];
      return [key, JSON.stringify(value)];
    }),
  );
}

/** A JSON chat prompt is rendered string by string (so quotes in the output stay valid JSON); else as text. */
export function renderGradingPrompt(rubricPrompt: string, vars: Record<string, unknown>): string {
  const context = stringifyObjects(vars);
  try {
    const parsed: unknown = JSON.parse(rubricPrompt, (_key, value: unknown) =>
      typeof value === 'string' ? renderTemplate(value, context) : value,
    );
    return JSON.stringify(parsed);
  } catch {
    return renderTemplate(rubricPrompt, context);
  }
}

/** Reads the grader's answer like promptfoo: the first JSON object in the text; lenient about types. */
export function readGraderAnswer(output: unknown, threshold: number | undefined): GradingResult {
  let answer: Record<string, unknown> | undefined;
  if (typeof output === 'string') {
    const [first] = extractJsonObjects(output);
    if (!first) throw new GraderError(`Could not extract JSON from llm-rubric response: ${output.slice(0, 200)}`);
    answer = first as Record<string, unknown>;
  } else if (output && typeof output === 'object') {
    answer = output as Record<string, unknown>;
  }
  if (!answer || Array.isArray(answer)) {
    throw new GraderError(
      `llm-rubric produced malformed response - output must be a JSON object. Output: ${JSON.stringify(output)}`,
    );
  }
  const rawPass = answer.pass ?? true;
  let pass = typeof rawPass === 'boolean' ? rawPass : /^(true|yes|pass|y)$/i.test(String(rawPass));
  const rawScore = answer.score;
  const score =
    typeof rawScore === 'number' ? rawScore : Number.isFinite(Number(rawScore)) ? Number(rawScore) : Number(pass);
  if (typeof threshold === 'number' && Number.isFinite(threshold)) pass = pass && score >= threshold;
  const reason =
    typeof answer.reason === 'string' && answer.reason
      ? answer.reason
      : pass
        ? 'Grading passed'
        : `Score ${score} below threshold ${threshold}`;
  return { pass, score, reason };
}

/** The grading prompt: the assertion's rubricPrompt, else the test's (promptfoo), else the check's default. */
export function rubricPromptFor(
  assertion: { rubricPrompt?: unknown },
  options: TestCase['options'],
  fallback: string,
): string {
  const written = assertion.rubricPrompt ?? options.rubricPrompt;
  if (typeof written === 'string') return written;
  return written && typeof written === 'object' ? JSON.stringify(written) : fallback;
}

/**
 * The grader of one kind: promptfoo lets a test's options.provider be `{ text: ..., embedding: ... }`, one
 * per kind of grading; an id or `{id, config}` serves every kind.
 */
export function graderFor(kind: keyof GradersByKind, spec: TestOptions['provider']): string | ProviderSpec | undefined {
  return isGradersByKind(spec) ? spec[kind] : spec;
}

/** Whether options.provider names one grader per kind (`{ text, embedding, … }`) rather than one for all. */
export function isGradersByKind(spec: TestOptions['provider']): spec is GradersByKind {
  return spec !== null && typeof spec === 'object' && !('id' in spec);
}

/**
 * One call to a grading provider, as every graded assertion makes it (`label` names the call, `raw` is the
 * template it came from): a call that throws is a failed answer, and a failed answer is a GraderError worded
 * by `failed`. The answer's output otherwise.
 */
export async function callGrader(
  provider: Provider,
  text: string,
  vars: Record<string, unknown>,
  label: string,
  failed: (error: string) => string,
  raw = text,
): Promise<unknown> {
  const response = await provider
    .callApi(text, { vars, prompt: { id: label, label, raw } })
    .catch((err: unknown) => ({ error: err instanceof Error ? err.message : String(err), output: undefined }));
  if (response.error) throw new GraderError(failed(response.error));
  return response.output;
}

/** A grader's error named by its provider once: the engine's errors already start with the provider's id. */
export function namedByProvider(provider: Provider, error: string): string {
  return error.startsWith(provider.id) ? error : `${provider.id}: ${error}`;
}

/**
 * One grading call: the grading provider (resolved from `spec`, else the suite's default) answers `prompt`.
 * Its output, or a GraderError when there is no grader, the call fails or it answers nothing.
 */
export async function askGrader(
  name: string,
  ctx: Pick<ScoreContext, 'gradingProvider'>,
  spec: AssertionSpec['provider'],
  prompt: string,
  rubricPrompt: string,
  vars: Record<string, unknown>,
): Promise<unknown> {
  let grader: Provider;
  try {
    grader = await ctx.gradingProvider(spec);
  } catch (err) {
    throw new GraderError(`${name}: no grading provider: ${err instanceof Error ? err.message : String(err)}`);
  }
  const failed = (error: string) => `${name} grader ${grader.id} failed: ${error}`;
  const output = await callGrader(grader, prompt, vars, name, failed, rubricPrompt);
  if (!output) throw new GraderError(failed('No output'));
  return output;
}

/** Inverted score for not-llm-rubric, clamped to [0, 1] so an odd grader score cannot overflow. */
export function invertScore(score: number): number {
  return Math.min(1, Math.max(0, 1 - (Number.isFinite(score) ? score : 0)));
}

const llmRubric: AssertionHandler = async ({ assertion, value, outputString, ctx, inverse }) => {
  invariant(
    value === undefined || typeof value === 'string' || typeof value === 'object',
    '"llm-rubric" assertion type must have a string or object value',
  );
  const options = ctx.test.options;
  const rubricPrompt = rubricPromptFor(assertion, options, DEFAULT_GRADING_PROMPT);
  const vars = { ...ctx.vars, output: tryParseJson(outputString), rubric: value || '' };
  const prompt = renderGradingPrompt(rubricPrompt, vars);

  const spec = assertion.provider ?? graderFor('text', options.provider);
  const output = await askGrader('llm-rubric', ctx, spec, prompt, rubricPrompt, vars);
  const verdict = readGraderAnswer(output, assertion.threshold);
  return inverse ? { pass: !verdict.pass, score: invertScore(verdict.score), reason: verdict.reason } : verdict;
};

export const modelGradedAssertions: Record<string, AssertionHandler> = { 'llm-rubric': llmRubric };
