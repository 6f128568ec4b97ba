// factuality (and its alias model-graded-factuality) and model-graded-closedqa, with promptfoo 0.123.1's
// prompts and readings (matchers/llmGrading.ts there). The grader is the assertion's `provider`, else the
// test's options.provider, else the suite's first provider; `input` is the rendered prompt. A grader that
// fails or answers in neither expected form makes the case an error (promptfoo grades that as a fail).
import type { TestCase } from '../types.js';
import { extractJsonObjects } from './extract-json.js';
import { GraderError, invariant, type AssertionHandler, type AssertionInput } from './handler.js';
import { askGrader, graderFor, renderGradingPrompt, rubricPromptFor, tryParseJson } from './model-graded.js';

/** promptfoo's PROMPTFOO_FACTUALITY_PROMPT (dedented, as promptfoo's dedent leaves it). */
export const FACTUALITY_PROMPT = JSON.stringify([
  {
    role: 'system',
    content: `You are a precise factuality evaluator that compares a submitted answer to an expert answer. 

Your task is to analyze the factual content while ignoring differences in style, grammar, or punctuation.
You must categorize the submission into one of these options:

(A) The submitted answer is a subset of the expert answer and is fully consistent with it.
(B) The submitted answer is a superset of the expert answer and is fully consistent with it.
(C) The submitted answer contains all the same details as the expert answer.
(D) There is a disagreement between the submitted answer and the expert answer.
(E) The answers differ, but these differences don't matter from the perspective of factuality.

Respond ONLY with a JSON object in this format:
{
  "category": "[LETTER]",
  "reason": "[DETAILED EXPLANATION]"
}

- The "category" must be a single letter A, B, C, D, or E.
- Provide a clear, detailed explanation in the "reason" field.
- Your response must be valid JSON with no additional text.`,
  },
  {
    role: 'user',
    content: `I need you to compare these answers:

<question>
{{input}}
</question>

<expert_answer>
{{ideal}}
</expert_answer>

<submitted_answer>
{{completion}}
</submitted_answer>

Please analyze the factual relationship between these answers according to the categories you've been given.`,
  },
]);

/** promptfoo's OPENAI_CLOSED_QA_PROMPT, verbatim. */
export const CLOSED_QA_PROMPT = JSON.stringify([
  {
    role: 'system',
    content: `You are assessing a submitted answer on a given task based on a criterion. Here is the data:
[BEGIN DATA]
***
[Task]: {{input}}
***
[Submission]: {{completion}}
***
[Criterion]: {{criteria}}
***
[END DATA]
Does the submission meet the criterion? First, write out in a step by step manner your reasoning about the criterion to be sure that your conclusion is correct. Avoid simply stating the correct answers at the outset. Then print only the single character "Y" or "N" (without quotes or punctuation) on its own line corresponding to the correct answer. At the end, repeat just the letter again by itself on a new line.

    Reasoning:`,
  },
]);

const CATEGORIES: Record<string, string> = {
  A: 'The submitted answer is a subset of the expert answer and is fully consistent with it.',
  B: 'The submitted answer is a superset of the expert answer and is fully consistent with it.',
  C: 'The submitted answer contains all the same details as the expert answer.',
  D: 'There is a disagreement between the submitted answer and the expert answer.',
  E: "The answers differ, but these differences don't matter from the perspective of factuality.",
};

/** Renders the grading prompt and asks the grader; its text answer, or a GraderError. */
async function ask(
  name: string,
  input: AssertionInput,
  defaultPrompt: string,
  vars: Record<string, unknown>,
): Promise<string> {
  const { assertion, ctx } = input;
  invariant(!input.inverse, `not-${name} is not supported (promptfoo does not invert it either); use ${name}`, 'type');
  const rubricPrompt = rubricPromptFor(assertion, ctx.test.options, defaultPrompt);
  const output = await askGrader(
    name,
    ctx,
    assertion.provider ?? graderFor('text', ctx.test.options.provider),
    renderGradingPrompt(rubricPrompt, vars),
    rubricPrompt,
    vars,
  );
  if (typeof output !== 'string') {
    throw new GraderError(`${name}: the grader produced a malformed response: ${JSON.stringify(output)}`);
  }
  return output;
}

/** promptfoo's score per category, from options.factuality {subset, superset, agree, disagree, differButFactual}. */
function scores(options: TestCase['options']): Record<string, number> {
  const f = (options.factuality ?? {}) as Record<string, unknown>;
  const n = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback);
  return {
    A: n(f.subset, 1),
    B: n(f.superset, 1),
    C: n(f.agree, 1),
    D: n(f.disagree, 0),
    E: n(f.differButFactual, 1),
  };
}

/** The category and reason: the JSON answer first, then promptfoo's legacy `(A) reason` form. */
function readCategory(answer: string, graderName: string): { option: string; reason: string } {
  const json = extractJsonObjects(answer)[0] as Record<string, unknown> | undefined;
  if (json && typeof json.category === 'string') {
    const option = json.category.trim().toUpperCase();
    if (!/^[A-E]$/.test(option)) throw new GraderError(`${graderName}: invalid category value: ${option}`);
    const reason =
      typeof json.reason === 'string' && json.reason.trim()
        ? json.reason.trim()
        : `Category ${option}: ${CATEGORIES[option]}`;
    return { option, reason };
  }
  const legacy = /\s*\(?([a-eA-E])\)/.exec(answer);
  if (!legacy)
    throw new GraderError(
      `${graderName}: factuality checker output did not match expected format: ${answer.slice(0, 200)}`,
    );
  return { option: legacy[1].toUpperCase(), reason: /\)\s*(.*)/s.exec(answer)?.[1]?.trim() || answer };
}

/**
 * The grading prompt's variables, as both of promptfoo's prompts name them: the test's vars, the rendered prompt
 * as `input`, the output as `completion`, and the assertion's string value under `key`.
 */
function gradingVars(name: string, input: AssertionInput, key: 'ideal' | 'criteria'): Record<string, unknown> {
  invariant(typeof input.value === 'string', `${name} assertion type must have a string value`);
  return {
    ...input.ctx.vars,
    input: input.ctx.prompt,
    [key]: input.value,
    completion: tryParseJson(input.outputString),
  };
}

const factuality: AssertionHandler = async (input) => {
  const vars = gradingVars('factuality', input, 'ideal');
  const { option, reason } = readCategory(await ask('factuality', input, FACTUALITY_PROMPT, vars), 'factuality');
  const lookup = scores(input.ctx.test.options);
  const pass = (lookup[option] ?? 0) > 0;
  return { pass, score: lookup[option] ?? (pass ? 1 : 0), reason };
};

const closedQa: AssertionHandler = async (input) => {
  const vars = gradingVars('model-graded-closedqa', input, 'criteria');
  const answer = (await ask('model-graded-closedqa', input, CLOSED_QA_PROMPT, vars)).trimEnd();
  if (answer.endsWith('Y')) return { pass: true, score: 1, reason: `The submission meets the criterion:\n${answer}` };
  if (answer.endsWith('N'))
    return { pass: false, score: 0, reason: `The submission does not meet the criterion:\n${answer}` };
  throw new GraderError(`model-graded-closedqa: the grader's answer ends in neither Y nor N: ${answer.slice(-200)}`);
};

export const factualityAssertions: Record<string, AssertionHandler> = {
  factuality,
  'model-graded-factuality': factuality,
  'model-graded-closedqa': closedQa,
};
