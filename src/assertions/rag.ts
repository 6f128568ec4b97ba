// promptfoo's RAG checks — context-faithfulness, context-recall, context-relevance and answer-relevance —
// with its prompts (rag-prompts.ts) and readings of the grader's answers (matchers.ts there). The context is
// the `context` var (a string, or a list of chunks) or what the assertion's `contextTransform` makes of the
// provider's output; the question is the `query` var. The text grader is the assertion's `provider`, else the
// test's options.provider (its `text` entry when per kind), else the suite's default; answer-relevance also
// embeds, with the embedding provider `similar` uses. Each passes at score >= threshold (default 0). A grader
// that fails or answers something unreadable makes the case an error (promptfoo grades that as a fail), and
// the not- forms are refused: promptfoo accepts them and ignores the `not-`.
import type { GradingResult } from '../types.js';
import { GraderError, invariant, type AssertionHandler, type AssertionInput } from './handler.js';
import { askGrader, graderFor, renderGradingPrompt, rubricPromptFor, tryParseJson } from './model-graded.js';
import {
  ANSWER_RELEVANCY_GENERATE,
  CONTEXT_FAITHFULNESS_LONGFORM,
  CONTEXT_FAITHFULNESS_NLI_STATEMENTS,
  CONTEXT_RECALL,
  CONTEXT_RECALL_ATTRIBUTED_TOKEN,
  CONTEXT_RECALL_NOT_ATTRIBUTED_TOKEN,
  CONTEXT_RELEVANCE,
  CONTEXT_RELEVANCE_BAD,
} from './rag-prompts.js';
import { compare, embed, embeddingProvider } from './similarity.js';
import { applyTransform } from './transform.js';

/** promptfoo's splitIntoSentences: the lines that are not blank. */
function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

/** Chunks are joined by a blank line in the grading prompt. */
function serializeContext(context: string | string[]): string {
  return Array.isArray(context) ? context.join('\n\n') : context;
}

/** promptfoo's resolveContext: the `context` var (else `fallback`), replaced by the contextTransform's result. */
async function resolveContext(input: AssertionInput, fallback?: string): Promise<string | string[]> {
  const { assertion, ctx } = input;
  const fromVars = ctx.vars.context;
  let context: unknown = fallback;
  if (typeof fromVars === 'string' && fromVars) context = fromVars;
  else if (Array.isArray(fromVars) && fromVars.length > 0) {
    const bad = fromVars.findIndex((chunk) => typeof chunk !== 'string');
    invariant(
      bad === -1,
      `Invalid context: expected an array of strings, but found ${typeof fromVars[bad]} at index ${bad}`,
      'contextTransform',
    );
    context = fromVars;
  }
  if (assertion.contextTransform !== undefined) {
    const transformed = await applyTransform(
      assertion.contextTransform,
      ctx.providerOutput ?? ctx.output,
      { vars: ctx.vars, prompt: { label: ctx.prompt } },
      ctx.rootDir,
    );
    invariant(
      typeof transformed === 'string' ||
        (Array.isArray(transformed) && transformed.every((item) => typeof item === 'string')),
      `contextTransform must return a string or array of strings. Got ${typeof transformed}. Check your transform expression: ${assertion.contextTransform}`,
      'contextTransform',
    );
    context = transformed;
  }
  invariant(
    (typeof context === 'string' && context.length > 0) ||
      (Array.isArray(context) && context.length > 0 && context.every((c) => typeof c === 'string' && c.length > 0)),
    'Context is required for context-based assertions. Provide either a "context" variable (string or array of strings) in your test case or use "contextTransform" to extract context from the provider response.',
    'contextTransform',
  );
  return context as string | string[];
}

/** One text grading call; its answer must be text. */
async function askText(
  name: string,
  input: AssertionInput,
  rubricPrompt: string,
  vars: Record<string, unknown>,
): Promise<string> {
  const { assertion, ctx } = input;
  const spec = graderFor('text', assertion.provider ?? ctx.test.options.provider);
  const output = await askGrader(name, ctx, spec, renderGradingPrompt(rubricPrompt, vars), rubricPrompt, vars);
  if (typeof output !== 'string')
    throw new GraderError(`${name} produced malformed response: ${JSON.stringify(output)}`);
  return output;
}

function refuseInverse(input: AssertionInput, name: string): void {
  invariant(
    !input.inverse,
    `not-${name} is not supported (promptfoo accepts it but does not invert the verdict); use ${name}`,
    'type',
  );
}

function queryVar(input: AssertionInput, name: string): string {
  const query = input.ctx.vars.query;
  invariant(typeof query === 'string', `${name} assertion requires a "query" variable with the user question`, 'type');
  return query;
}

function atLeast(label: string, score: number, threshold: number): GradingResult {
  const pass = score >= threshold - Number.EPSILON;
  return { pass, score, reason: `${label} ${score.toFixed(2)} is ${pass ? '>=' : '<'} ${threshold}` };
}

const contextRecall: AssertionHandler = async (input) => {
  refuseInverse(input, 'context-recall');
  const { assertion, value, ctx } = input;
  invariant(
    typeof value === 'string',
    'context-recall assertion requires a string value (expected answer or fact to verify)',
  );
  const context = serializeContext(await resolveContext(input, ctx.prompt));
  const rubricPrompt = rubricPromptFor(assertion, ctx.test.options, CONTEXT_RECALL);
  // promptfoo's order: the test's vars override these two names.
  const answer = await askText('context-recall', input, rubricPrompt, { context, groundTruth: value, ...ctx.vars });
  const attributed = CONTEXT_RECALL_ATTRIBUTED_TOKEN.toLowerCase();
  const notAttributed = CONTEXT_RECALL_NOT_ATTRIBUTED_TOKEN.toLowerCase();
  // Only classified lines count: graders often write a preamble first.
  const classified = lines(answer)
    .map((line) => line.toLowerCase())
    .filter((line) => line.includes(attributed) || line.includes(notAttributed));
  const numerator = classified.filter((line) => line.includes(attributed)).length;
  const score = classified.length > 0 ? numerator / classified.length : 0;
  return atLeast('Recall', score, assertion.threshold ?? 0);
};

const contextRelevance: AssertionHandler = async (input) => {
  refuseInverse(input, 'context-relevance');
  const { assertion, ctx } = input;
  const query = queryVar(input, 'context-relevance');
  const context = await resolveContext(input);
  const rubricPrompt = rubricPromptFor(assertion, ctx.test.options, CONTEXT_RELEVANCE);
  const answer = await askText('context-relevance', input, rubricPrompt, { context: serializeContext(context), query });
  // RAGAS: relevant units over all units — the chunks when a list was given, else the context's lines.
  const units = Array.isArray(context) ? context.filter((chunk) => chunk.trim().length > 0) : lines(context);
  const relevant = answer.includes(CONTEXT_RELEVANCE_BAD) ? 0 : lines(answer).length;
  const score = units.length > 0 ? relevant / units.length : 0;
  return atLeast('Context relevance', score, assertion.threshold ?? 0);
};

/** context-faithfulness takes two grading prompts: a rubricPrompt, if given, is their list (strings or {content}). */
function faithfulnessPrompts(input: AssertionInput): [string, string] {
  const written = input.assertion.rubricPrompt ?? input.ctx.test.options.rubricPrompt;
  if (written === undefined || written === null || written === '') {
    return [CONTEXT_FAITHFULNESS_LONGFORM, CONTEXT_FAITHFULNESS_NLI_STATEMENTS];
  }
  invariant(Array.isArray(written), 'rubricPrompt must be an array', 'rubricPrompt');
  const at = (i: number, fallback: string): string => {
    const item: unknown = written[i];
    const text = typeof item === 'string' ? item : (item as { content?: unknown } | undefined)?.content;
    if (text === undefined || text === null || text === '') return fallback;
    return typeof text === 'string' ? text : JSON.stringify(text);
  };
  return [at(0, CONTEXT_FAITHFULNESS_LONGFORM), at(1, CONTEXT_FAITHFULNESS_NLI_STATEMENTS)];
}

const FINAL_VERDICTS = 'final verdict for each statement in order:';

const contextFaithfulness: AssertionHandler = async (input) => {
  refuseInverse(input, 'context-faithfulness');
  const { assertion, output, ctx } = input;
  const query = queryVar(input, 'context-faithfulness');
  invariant(typeof output === 'string', 'context-faithfulness assertion requires string output from the provider');
  const context = await resolveContext(input);
  const [longform, nli] = faithfulnessPrompts(input);
  const made = await askText('context-faithfulness', input, longform, {
    question: query,
    answer: tryParseJson(output),
    ...ctx.vars,
  });
  const statements = lines(made);
  if (statements.length === 0) {
    throw new GraderError(`context-faithfulness: the grader made no statements from the answer: ${made.slice(0, 200)}`);
  }
  const judged = await askText('context-faithfulness', input, nli, {
    context: serializeContext(context),
    statements,
    ...ctx.vars,
  });
  let verdicts = judged.toLowerCase().trim();
  let unsupported: number;
  if (verdicts.includes(FINAL_VERDICTS)) {
    verdicts = verdicts.slice(verdicts.indexOf(FINAL_VERDICTS) + FINAL_VERDICTS.length);
    unsupported = verdicts.split('.').filter((v) => v.trim() !== '' && !v.includes('yes')).length;
  } else {
    unsupported = verdicts.split('verdict: no').length - 1;
  }
  return atLeast('Faithfulness', 1 - unsupported / statements.length, assertion.threshold ?? 0);
};

const QUESTIONS_GENERATED = 3;

const answerRelevance: AssertionHandler = async (input) => {
  refuseInverse(input, 'answer-relevance');
  const { assertion, output, ctx } = input;
  invariant(typeof output === 'string', 'answer-relevance assertion type must evaluate a string output');
  const question = typeof ctx.vars.query === 'string' ? ctx.vars.query : ctx.prompt;
  const rubricPrompt = rubricPromptFor(assertion, ctx.test.options, ANSWER_RELEVANCY_GENERATE);
  // The grader guesses, three times, what question the output answers.
  const guesses: string[] = [];
  for (let i = 0; i < QUESTIONS_GENERATED; i++) {
    guesses.push(await askText('answer-relevance', input, rubricPrompt, { answer: tryParseJson(output) }));
  }
  const embedder = await embeddingProvider('answer-relevance', input);
  const asked = await embed(embedder, question, ctx.vars, 'answer-relevance');
  let total = 0;
  for (const guess of guesses) {
    const vector = await embed(embedder, guess, ctx.vars, 'answer-relevance');
    total += compare(asked, vector, 'cosine', embedder.id, 'answer-relevance');
  }
  const similarity = total / guesses.length;
  const threshold = assertion.threshold ?? 0;
  const pass = similarity >= threshold - Number.EPSILON;
  const relation = pass ? 'greater than' : 'less than';
  return {
    pass,
    score: similarity,
    reason: `Relevance ${similarity.toFixed(2)} is ${relation} threshold ${threshold}`,
  };
};

export const ragAssertions: Record<string, AssertionHandler> = {
  'context-faithfulness': contextFaithfulness,
  'context-recall': contextRecall,
  'context-relevance': contextRelevance,
  'answer-relevance': answerRelevance,
};
