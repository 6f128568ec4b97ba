// g-eval, with promptfoo 0.123.1's prompts and readings (matchesGEval there): the grader first proposes
// evaluation steps for the criterion in `value`, then scores the output 0-10 along them; the score is that
// over 10, passing at >= threshold (0.7). A list of criteria averages their scores. A grader answer that is
// not the JSON asked for (no steps, a score outside 0-10, no reason) makes the case an error.
import { GraderError, invariant, type AssertionHandler, type AssertionInput } from './handler.js';
import { askGrader, graderFor, renderGradingPrompt, tryParseJson } from './model-graded.js';

/** promptfoo's GEVAL_PROMPT_STEPS, verbatim. */
export const GEVAL_PROMPT_STEPS = `
Given evaluation criteria that outline how you should judge a piece of text, generate 3-4 concise evaluation steps applicable to any text based on the criteria below and designed to check whether the criteria are satisfied by the text.

**EVALUATION CRITERIA**
{{criteria}}

**OUTPUT FORMAT**
IMPORTANT:
- Return output ONLY as a minified JSON object (no code fences).
- The JSON object must contain a single key, "steps", whose value is a list of strings.
- Each string must represent one evaluation step.
- Do NOT include any explanations, commentary, extra text, or additional formatting.

Format:
{"steps": <list_of_strings>}

Example:
{"steps":["<Evaluation Step 1>","<Evaluation Step 2>","<Evaluation Step 3>","<Evaluation Step 4>"]}

Here are the 3-4 concise evaluation steps, formatted as required in a minified JSON:
JSON:
`;

/** promptfoo's GEVAL_PROMPT_EVALUATE, verbatim. */
export const GEVAL_PROMPT_EVALUATE = `
You will be given one Reply for a Prompt below. Your task is to rate the Reply on one metric.
Please make sure you read and understand these instructions carefully. Please keep this document open while reviewing, and refer to it as needed.

**Evaluation Criteria**
{{criteria}}

**Evaluation Steps**
- {{steps}}
Given the evaluation steps, return a JSON with two keys: 
  1) a "score" key that MUST be an integer from 0 to {{maxScore}}, where {{maxScore}} indicates that the condition described by the Evaluation Criteria is fully and clearly observed in the Reply according to the Evaluation Steps, and 0 indicates that it is not observed at all;
  2) a "reason" key, a reason for the given score, but DO NOT QUOTE THE SCORE in your reason. Please mention specific information from Prompt and Reply in your reason, but be very concise with it!

**Prompt**
{{input}}

**Reply**
{{output}}

**OUTPUT FORMAT**
IMPORTANT: 
- Return output ONLY as a minified JSON object (no code fences).
- The JSON object must contain exactly two keys: "score" and "reason".
- No additional words, explanations, or formatting are needed.
- Absolutely no additional text, explanations, line breaks, or formatting outside the JSON object are allowed.

Example JSON:
{"score":0,"reason":"The text of reply does not follow the evaluation criteria provided."}

Here is the final evaluation in the required minified JSON format:
JSON:
`;

const MAX_SCORE = 10;

/** A rubricPrompt written as `{steps, evaluate}` replaces either prompt, as in promptfoo. */
function promptFor(written: unknown, part: 'steps' | 'evaluate', fallback: string): string {
  const own =
    written && typeof written === 'object' && !Array.isArray(written)
      ? (written as Record<string, unknown>)[part]
      : undefined;
  return typeof own === 'string' ? own : own && typeof own === 'object' ? JSON.stringify(own) : fallback;
}

async function ask(input: AssertionInput, template: string, vars: Record<string, unknown>): Promise<string> {
  const { assertion, ctx } = input;
  const answer = await askGrader(
    'g-eval',
    ctx,
    assertion.provider ?? graderFor('text', ctx.test.options.provider),
    renderGradingPrompt(template, vars),
    template,
    vars,
  );
  if (typeof answer !== 'string')
    throw new GraderError(`g-eval: the grader's answer is not text: ${JSON.stringify(answer)}`);
  return answer;
}

/** One criterion's score in [0, 1] and the grader's reason. */
async function scoreCriterion(input: AssertionInput, criteria: string): Promise<{ score: number; reason: string }> {
  const written = input.assertion.rubricPrompt ?? input.ctx.test.options.rubricPrompt;
  const stepsAnswer = await ask(input, promptFor(written, 'steps', GEVAL_PROMPT_STEPS), { criteria });
  const stepsJson = /\{"steps".+\}/.exec(stepsAnswer)?.[0];
  let steps: unknown;
  try {
    steps = stepsJson === undefined ? undefined : (JSON.parse(stepsJson) as { steps?: unknown }).steps;
  } catch {
    steps = undefined;
  }
  if (!Array.isArray(steps) || steps.length === 0 || !steps.every((s) => typeof s === 'string' && s.trim() !== '')) {
    throw new GraderError(
      `g-eval: the proposed evaluation steps are not {"steps": [...]}: ${stepsAnswer.slice(0, 200)}`,
    );
  }
  const vars = {
    criteria,
    steps: steps.join('\n- '),
    maxScore: String(MAX_SCORE),
    input: tryParseJson(input.ctx.prompt),
    output: tryParseJson(input.outputString),
  };
  const answer = await ask(input, promptFor(written, 'evaluate', GEVAL_PROMPT_EVALUATE), vars);
  let result: Record<string, unknown> | undefined;
  try {
    const json = /\{.+\}/.exec(answer)?.[0];
    result = json === undefined ? undefined : (JSON.parse(json) as Record<string, unknown>);
  } catch {
    result = undefined;
  }
  if (!result) throw new GraderError(`g-eval: the evaluation is not in JSON format: ${answer.slice(0, 200)}`);
  const raw =
    typeof result.score === 'number'
      ? result.score
      : typeof result.score === 'string' && result.score.trim() !== ''
        ? Number(result.score)
        : Number.NaN;
  if (!Number.isFinite(raw) || raw < 0 || raw > MAX_SCORE) {
    throw new GraderError(
      `g-eval: the evaluation's score ${JSON.stringify(result.score)} is not a number from 0 to ${MAX_SCORE}`,
    );
  }
  if (typeof result.reason !== 'string' || result.reason.trim() === '') {
    throw new GraderError(`g-eval: the evaluation has no reason: ${answer.slice(0, 200)}`);
  }
  return { score: raw / MAX_SCORE, reason: result.reason };
}

const gEval: AssertionHandler = async (input) => {
  const { value, inverse, assertion } = input;
  invariant(
    typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string')),
    'G-Eval assertion type must have a string or array of strings value',
  );
  const threshold = assertion.threshold ?? 0.7;
  const criteria = Array.isArray(value) ? (value as string[]) : [value];
  if (criteria.length === 0)
    return {
      pass: false,
      score: 0,
      reason: 'G-Eval assertion requires at least one criterion string in the value array.',
    };
  const results: Array<{ score: number; reason: string }> = [];
  for (const criterion of criteria) results.push(await scoreCriterion(input, criterion));
  const score = results.reduce((sum, r) => sum + r.score, 0) / results.length;
  return {
    pass: score >= threshold !== inverse,
    score: inverse ? 1 - score : score,
    reason: results.map((r) => r.reason).join('\n\n'),
  };
};

export const gEvalAssertions: Record<string, AssertionHandler> = { 'g-eval': gEval };
