// The shape every assertion family implements, and the two ways an assertion can fail to *run*
// (as opposed to running and failing): the assertion itself is malformed, or its grader failed.
import type { AssertionSpec, GradingResult, TestCase, TraceData } from '../types.js';
import type { ScoreContext } from './index.js';

/** What promptfoo hands a custom script as its second argument. */
export interface ScriptContext {
  prompt: string;
  vars: Record<string, unknown>;
  test: TestCase;
  provider: { id: string };
  /** The assertion's `config` (promptfoo hands it to scripts as context.config). */
  config?: Record<string, unknown>;
  /** A traced case's trace (promptfoo's context.trace: traceId, evaluationId, testCaseId, metadata, spans). */
  trace?: TraceData;
}

export interface AssertionInput {
  assertion: AssertionSpec;
  /** The `not-` form: the verdict is inverted. */
  inverse: boolean;
  /** `assertion.value` after nunjucks rendering with the vars, or the parsed content of a `file://` data file. */
  value: unknown;
  /** What a `file://x.js` value returned when called with (output, context); undefined otherwise. */
  valueFromScript: unknown;
  /** The output after the assertion's own `transform`. */
  output: unknown;
  /** The output as promptfoo sees it for text checks: strings as-is, anything else as JSON. */
  outputString: string;
  scriptContext: ScriptContext;
  ctx: ScoreContext;
}

export type AssertionHandler = (input: AssertionInput) => GradingResult | Promise<GradingResult>;

/**
 * The assertion is written wrongly (missing value, wrong type of value...). promptfoo throws on these,
 * which makes the case an error; scoreTest turns this into a located ConfigError message.
 */
export class MalformedAssertionError extends Error {
  override name = 'MalformedAssertionError';
  constructor(
    detail: string,
    /** The assertion's key at fault, e.g. `value` or `threshold`. */
    readonly field: string = 'value',
  ) {
    super(detail);
  }
}

/** A model grader could not give a verdict (call failed, answer unparseable): an error, never a fail. */
export class GraderError extends Error {
  override name = 'GraderError';
}

export function invariant(condition: unknown, detail: string, field?: string): asserts condition {
  if (!condition) throw new MalformedAssertionError(detail, field);
}

/** The common binary verdict: score 1 on pass, 0 on fail; the reason explains a failure. */
export function binary(pass: boolean, failureReason: string): GradingResult {
  return { pass, score: pass ? 1 : 0, reason: pass ? 'Assertion passed' : failureReason };
}

/** `not ` when inverted, for promptfoo's reason strings. */
export function not(inverse: boolean): string {
  return inverse ? 'not ' : '';
}
