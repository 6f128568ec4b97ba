// promptfoo's assertScoringFunction (AssertionsResult.testResult in 0.123.1): once a test's own assertions
// are scored and combined, the function is called as promptfoo calls it, fn(namedScores, context), where
// namedScores is the weighted mean per metric and context is
//   { threshold, parentAssertionSet: undefined, componentResults, tokensUsed }
// (componentResults: one GradingResult per assertion with its `assertion`, an assert-set's result followed
// by its assertions', as promptfoo flattens them). Its {pass, score, reason} (and namedScores, when it
// returns some) replace the combination's, and the case lists it before its assertions (type
// `assertScoringFunction`), so that the reports lead with its reason. A JavaScript file is imported (the export named after the colon,
// else the default export, else `func`); a Python file runs `fn` (default `func`) with the same arguments
// as JSON. promptfoo grades a function that throws or returns something else as a fail with score 0;
// promptgate makes the case an error: a broken scorer is not evidence about the prompt.
import { ConfigError, messageOf } from '../errors.js';
import type { AssertionResult, AssertionSpec, ScoringFunctionRef } from '../types.js';
import type { AggregateScore } from './aggregate.js';
import { runPython } from './python.js';
import { isGradingResult, loadScriptFunction } from './script.js';

/** One of the test's own assertions (as written) and its result; an assert-set carries its assertions'. */
export interface ScoredAssertion {
  assertion: AssertionSpec;
  result: AssertionResult;
  inner?: ScoredAssertion[];
}

export interface ScoringFunctionVerdict {
  pass: boolean;
  score: number;
  reason: string;
  namedScores?: Record<string, number>;
}

/** The entry a case's assertions get for the scoring function's verdict (it is not an assertion type). */
export const SCORING_FUNCTION = 'assertScoringFunction';

/** promptfoo's default function name when the reference names none. */
const DEFAULT_FUNCTION = 'func';

/** No grader token counts are kept per assertion: promptfoo's shape, all zero. */
const TOKENS_USED = { total: 0, prompt: 0, completion: 0, cached: 0, numRequests: 0 };

/** The error a case gets when its scoring function cannot score it: where it was written, and why. */
export class ScoringFunctionError extends Error {
  override name = 'ScoringFunctionError';
  constructor(ref: ScoringFunctionRef, detail: string) {
    super(new ConfigError(ref.location, `${ref.reference} ${detail}`, ref.at).message);
  }
}

export async function runScoringFunction(
  ref: ScoringFunctionRef,
  combined: AggregateScore,
  threshold: number | undefined,
  scored: readonly ScoredAssertion[],
): Promise<ScoringFunctionVerdict> {
  const context = {
    threshold,
    parentAssertionSet: undefined,
    componentResults: scored.flatMap(componentResults),
    tokensUsed: { ...TOKENS_USED },
  };
  let returned: unknown;
  if (ref.language === 'python') {
    try {
      returned = await runPython(ref.file, ref.functionName ?? DEFAULT_FUNCTION, [combined.namedScores, context]);
    } catch (err) {
      throw new ScoringFunctionError(ref, `failed: ${messageOf(err)}`);
    }
  } else {
    let fn: (...args: unknown[]) => unknown;
    try {
      fn = await loadJavascript(ref);
    } catch (err) {
      throw new ScoringFunctionError(ref, `could not be loaded: ${messageOf(err)}`);
    }
    try {
      returned = await fn(combined.namedScores, context);
    } catch (err) {
      throw new ScoringFunctionError(ref, `threw: ${messageOf(err)}`);
    }
  }
  return verdictOf(ref, returned);
}

async function loadJavascript(ref: ScoringFunctionRef): Promise<(...args: unknown[]) => unknown> {
  if (ref.functionName !== undefined) return loadScriptFunction(ref.file, ref.functionName);
  try {
    return await loadScriptFunction(ref.file);
  } catch (err) {
    // promptfoo's loadFunction: the default export, else a named export `func`.
    return loadScriptFunction(ref.file, DEFAULT_FUNCTION).catch(() => Promise.reject(err));
  }
}

function verdictOf(ref: ScoringFunctionRef, value: unknown): ScoringFunctionVerdict {
  const shown = JSON.stringify(value) ?? String(value);
  const malformed = (why: string) =>
    new ScoringFunctionError(
      ref,
      `must return a GradingResult {pass: boolean, score: number, reason: string}${why}; got ${shown.length > 300 ? `${shown.slice(0, 300)}…` : shown}`,
    );
  if (!isGradingResult(value)) throw malformed('');
  if (!Number.isFinite(value.score)) throw malformed(' with a finite score');
  const verdict: ScoringFunctionVerdict = { pass: value.pass, score: value.score, reason: value.reason };
  const named = (value as { namedScores?: unknown }).namedScores;
  if (named !== undefined) {
    const entries = named === null || Array.isArray(named) ? undefined : Object.entries(named as object);
    if (!entries || entries.some(([, score]) => typeof score !== 'number' || !Number.isFinite(score)))
      throw malformed(' whose namedScores, when given, map metric names to numbers');
    verdict.namedScores = Object.fromEntries(entries) as Record<string, number>;
  }
  return verdict;
}

/** promptfoo's flattened componentResults: each result with its assertion; a set's result, then its assertions'. */
function componentResults({ assertion, result, inner }: ScoredAssertion): Array<Record<string, unknown>> {
  const own = { pass: result.pass, score: result.score, reason: result.reason };
  // The spread copies the assertion's own keys: where it was written (`location`) is not one of them.
  if (!inner) return [{ ...own, assertion: { ...assertion } }];
  const children = inner.flatMap(componentResults);
  return [{ ...own, componentResults: children }, ...children];
}
