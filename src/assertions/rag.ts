// promptfoo 0.123.1's RAG checks — context-faithfulness, context-recall, context-relevance, answer-relevance —
// with its prompts (rag-prompts.ts) and readings of the grader's answers (src/matchers/rag.ts there). The
// context is the `context` var (a string, or a list of chunks) or what the assertion's `contextTransform` makes
// of the provider's output; the question is the `query` var. The text grader is the assertion's `provider`,
// else the test's options.provider (its `text` entry when per kind), else the suite's default; answer-relevance
// also embeds, with the embedding provider `similar` uses. Each passes at score >= threshold (default 0.5); a
// not- form inverts the verdict and takes 1 - score. A grader that fails or answers something unreadable makes
// the case an error (promptfoo grades that as a failed check, which its not- form leaves failed).
import type { GradingResult } from '../types.js';
import { messageOf } from '../errors.js';
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

const DEFAULT_THRESHOLD = 0.5;

/** promptfoo's splitIntoSentences: the lines that are not blank. */
function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

/**
 * promptfoo's splitTextIntoSentences: text of two or more lines is one unit per line already; a prose block is
 * split after `.`, `!` or `?`. A bare list marker (`1.`) is not a unit.
 */
function sentences(text: string): string[] {
  const written = lines(text);
  return (written.length > 1 ? written : text.split(/(?<=[.!?])\s+/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0 && !/^\d+[.)]$/.test(sentence));
}

/** Chunks are joined by a blank line in the grading prompt. */
function serializeContext(context: string | string[]): string {
  return Array.isArray(context) ? context.join('\n\n') : context;
}

/** promptfoo's resolveContext: the `context` var (else `fallback`), replaced by the contextTransform's result. */
async function resolveContext(input: AssertionInput, fallback?: string): Promise<string | string[]> {
  const { assertion, ctx } = input;
  const fromVars = ctx.vars.context;
  let context: unknown;
  if (fromVars) {
    if (typeof fromVars === 'string') context = fromVars;
    else if (Array.isArray(fromVars)) {
      const bad = fromVars.findIndex((chunk) => typeof chunk !== 'string');
      invariant(
        bad === -1,
        `Invalid context: expected an array of strings, but found ${typeof fromVars[bad]} at index ${bad}`,
        'contextTransform',
      );
      context = fromVars;
    }
  } else context = fallback;
  const code = assertion.contextTransform;
  if (code !== undefined) {
    try {
      context = await applyTransform(
        code,
        ctx.providerOutput ?? ctx.output,
        // promptfoo's context: the provider's metadata (a knowledge base's citations) when it has some.
        { vars: ctx.vars, prompt: { label: ctx.prompt }, ...(ctx.metadata ? { metadata: ctx.metadata } : {}) },
        ctx.rootDir,
      );
    } catch (err) {
      throw new Error(`Failed to transform context using expression '${code}': ${messageOf(err)}`, {
        cause: err,
      });
    }
    invariant(
      typeof context === 'string' || (Array.isArray(context) && context.every((item) => typeof item === 'string')),
      `contextTransform must return a string or array of strings. Got ${typeof context}. Check your transform expression: ${code}`,
      'contextTransform',
    );
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

function queryVar(input: AssertionInput, name: string): string {
  const query = input.ctx.vars.query;
  invariant(typeof query === 'string', `${name} assertion requires a "query" variable with the user question`, 'type');
  return query;
}

/** The verdict at the assertion's threshold; promptfoo's applyRagInverse for the not- form. */
function verdict(score: number, input: AssertionInput, reason: (pass: boolean, threshold: number) => string) {
  const threshold = input.assertion.threshold ?? DEFAULT_THRESHOLD;
  const pass = score >= threshold - Number.EPSILON;
  const result: GradingResult = { pass, score, reason: reason(pass, threshold) };
  return input.inverse ? { ...result, pass: !pass, score: 1 - score } : result;
}

function atLeast(label: string, score: number, input: AssertionInput): GradingResult {
  return verdict(
    score,
    input,
    (pass, threshold) => `${label} ${score.toFixed(2)} is ${pass ? '>=' : '<'} ${threshold}`,
  );
}

const contextRecall: AssertionHandler = async (input) => {
  const { assertion, value, ctx } = input;
  invariant(
    typeof value === 'string',
    'context-recall assertion requires a string value (expected answer or fact to verify)',
  );
  const context = serializeContext(await resolveContext(input, ctx.prompt));
  const rubricPrompt = rubricPromptFor(assertion, ctx.test.options, CONTEXT_RECALL);
  const answer = await askText('context-recall', input, rubricPrompt, { ...ctx.vars, context, groundTruth: value });
  const attributed = CONTEXT_RECALL_ATTRIBUTED_TOKEN.toLowerCase();
  const notAttributed = CONTEXT_RECALL_NOT_ATTRIBUTED_TOKEN.toLowerCase();
  // Only classified lines count: graders often write a preamble first.
  const classified = lines(answer)
    .map((line) => line.toLowerCase())
    .filter((line) => line.includes(attributed) || line.includes(notAttributed));
  if (classified.length === 0) {
    throw new GraderError(
      `context-recall: the grader returned no [Attributed]/[Not Attributed] classifications: ${answer.slice(0, 200)}`,
    );
  }
  const numerator = classified.filter((line) => !line.includes(notAttributed) && line.includes(attributed)).length;
  return atLeast('Recall', numerator / classified.length, input);
};

const contextRelevance: AssertionHandler = async (input) => {
  const { assertion, ctx } = input;
  const query = queryVar(input, 'context-relevance');
  const context = await resolveContext(input);
  const contextText = serializeContext(context);
  const rubricPrompt = rubricPromptFor(assertion, ctx.test.options, CONTEXT_RELEVANCE);
  const answer = await askText('context-relevance', input, rubricPrompt, { context: contextText, query });
  // RAGAS: relevant units over all units — the chunks when a list was given, else the context's sentences.
  const segmented = Array.isArray(context) || lines(context).length > 1;
  const units = Array.isArray(context) ? context.filter((chunk) => chunk.trim().length > 0) : sentences(context);
  const relevant = answer.includes(CONTEXT_RELEVANCE_BAD) ? [] : [...new Set((segmented ? lines : sentences)(answer))];
  const normalized = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
  const quoted = normalized(contextText);
  const unmarked = (sentence: string) => sentence.replace(/^\s*(?:\d+[.)]|[-*])\s*/, '');
  if (relevant.length > 0 && !relevant.some((sentence) => quoted.includes(normalized(unmarked(sentence))))) {
    throw new GraderError(`context-relevance: the grader's answer does not quote the context: ${answer.slice(0, 200)}`);
  }
  const score = units.length > 0 ? Math.min(relevant.length, units.length) / units.length : 0;
  return atLeast('Context relevance', score, input);
};

/** context-faithfulness takes two grading prompts: a rubricPrompt, if given, is their list (strings or {content}). */
function faithfulnessPrompts(input: AssertionInput): [string, string] {
  const written = input.assertion.rubricPrompt ?? input.ctx.test.options.rubricPrompt;
  if (!written) return [CONTEXT_FAITHFULNESS_LONGFORM, CONTEXT_FAITHFULNESS_NLI_STATEMENTS];
  invariant(Array.isArray(written), 'rubricPrompt must be an array', 'rubricPrompt');
  const at = (i: number, fallback: string): string => {
    const item: unknown = written[i];
    const text = typeof item === 'string' ? item : (item as { content?: unknown } | undefined)?.content;
    if (!text) return fallback;
    return typeof text === 'string' ? text : JSON.stringify(text);
  };
  return [at(0, CONTEXT_FAITHFULNESS_LONGFORM), at(1, CONTEXT_FAITHFULNESS_NLI_STATEMENTS)];
}

const FINAL_VERDICTS = 'final verdict for each statement in order:';

/** How many statements the NLI answer does not support (a "no", or no verdict at all); undefined if unreadable. */
function unsupportedCount(judged: string, statements: number): number | undefined {
  let verdicts = judged.toLowerCase().trim();
  if (verdicts.includes(FINAL_VERDICTS)) {
    verdicts = verdicts.slice(verdicts.indexOf(FINAL_VERDICTS) + FINAL_VERDICTS.length);
    const given = verdicts.split('.').filter((v) => v.trim() !== '');
    if (given.length === 0 || !given.every((v) => /\b(?:yes|no)\b/.test(v))) return undefined;
    return given.filter((v) => !v.includes('yes')).length + Math.max(0, statements - given.length);
  }
  const no = verdicts.split('verdict: no').length - 1;
  const yes = verdicts.split('verdict: yes').length - 1;
  return no + yes > 0 ? no + Math.max(0, statements - no - yes) : undefined;
}

const contextFaithfulness: AssertionHandler = async (input) => {
  const { output, ctx } = input;
  const query = queryVar(input, 'context-faithfulness');
  invariant(typeof output === 'string', 'context-faithfulness assertion requires string output from the provider');
  const context = await resolveContext(input);
  const [longform, nli] = faithfulnessPrompts(input);
  const answer = tryParseJson(output);
  const made = await askText('context-faithfulness', input, longform, { ...ctx.vars, question: query, answer });
  const statements = lines(made);
  if (statements.length === 0) {
    throw new GraderError(`context-faithfulness: could not extract statements from the grader's answer: ${made}`);
  }
  const judged = await askText('context-faithfulness', input, nli, {
    ...ctx.vars,
    context: serializeContext(context),
    statements,
  });
  const unsupported = unsupportedCount(judged, statements.length);
  if (unsupported === undefined) {
    throw new GraderError(`context-faithfulness: could not parse the grader's verdicts: ${judged.slice(0, 200)}`);
  }
  return atLeast('Faithfulness', Math.min(1, Math.max(0, 1 - unsupported / statements.length)), input);
};

const QUESTIONS_GENERATED = 3;

const answerRelevance: AssertionHandler = async (input) => {
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
  return verdict(
    similarity,
    input,
    (pass, threshold) =>
      `Relevance ${similarity.toFixed(2)} is ${pass ? 'greater' : 'less'} than threshold ${threshold}`,
  );
};

export const ragAssertions: Record<string, AssertionHandler> = {
  'context-faithfulness': contextFaithfulness,
  'context-recall': contextRecall,
  'context-relevance': contextRelevance,
  'answer-relevance': answerRelevance,
};
