// select-best and max-score: promptfoo 0.123.1's assertions over the outputs of every prompt and provider for
// one test (src/matchers/comparison.ts and the evaluator's comparison pass there). They do not score a case on
// its own: the case's other assertions are scored first, then the engine (engine/compare-outputs.ts) hands
// each test's outputs here and merges the verdicts back into each case. select-best asks the grader (as for
// llm-rubric) which output best fits the criteria in `value`; max-score picks the output whose other
// assertions score highest. The chosen output passes (score 1), the others fail (score 0). A grader that
// fails or answers no valid index makes the test's cases errors (promptfoo fails them).
import type { AssertionResult, AssertionSpec, GradingResult, Provider, TestCase } from '../types.js';
import { GraderError, MalformedAssertionError, type AssertionHandler } from './handler.js';
import { askGrader, graderFor, renderGradingPrompt, rubricPromptFor, tryParseJson } from './model-graded.js';

export const COMPARISON_TYPES = ['select-best', 'max-score'] as const;
export type ComparisonType = (typeof COMPARISON_TYPES)[number];

/** True for an assertion graded across a test's outputs rather than per case. */
export function isComparison(type: string): type is ComparisonType {
  return (COMPARISON_TYPES as readonly string[]).includes(type);
}

/** promptfoo's SELECT_BEST_PROMPT, verbatim. */
export const SELECT_BEST_PROMPT = JSON.stringify([
  {
    role: 'system',
    content: `You are comparing multiple pieces of text to see which best fits the following criteria: {{criteria}}

Here are the pieces of text:

{% for output in outputs %}
<Text index="{{ loop.index0 }}">
{{ output }}
</Text>
{% endfor %}

Output the index of the text that best fits the criteria. You must output a single integer.`,
  },
]);

function atLeastTwo(type: ComparisonType, outputs: number): void {
  if (outputs < 2) {
    throw new MalformedAssertionError(
      `${type} assertion must have at least two outputs to compare between (this test ran with ${outputs}); give the suite several prompts or providers`,
      'type',
    );
  }
}

const asText = (output: unknown) => (typeof output === 'string' ? output : (JSON.stringify(output) ?? ''));

/** The grader's pick among `outputs`: one verdict per output, in order. */
export async function gradeSelectBest(
  assertion: AssertionSpec,
  test: TestCase,
  outputs: unknown[],
  gradingProvider: (spec?: AssertionSpec['provider']) => Promise<Provider>,
): Promise<GradingResult[]> {
  atLeastTwo('select-best', outputs.length);
  const criteria = assertion.value;
  if (typeof criteria !== 'string') throw new MalformedAssertionError('select-best must have a string value');
  const rubricPrompt = rubricPromptFor(assertion, test.options, SELECT_BEST_PROMPT);
  const vars = { ...test.vars, criteria, outputs: outputs.map((o) => tryParseJson(asText(o))) };
  const spec = graderFor('text', assertion.provider ?? test.options.provider);
  const answer = await askGrader(
    'select-best',
    { gradingProvider },
    spec,
    renderGradingPrompt(rubricPrompt, vars),
    rubricPrompt,
    vars,
  );
  if (typeof answer !== 'string') {
    throw new GraderError(`select-best produced malformed response: ${JSON.stringify(answer)}`);
  }
  const digits = answer.trim().match(/\d+/);
  const chosen = digits ? Number.parseInt(digits[0], 10) : Number.NaN;
  if (Number.isNaN(chosen) || chosen < 0 || chosen >= outputs.length) {
    throw new GraderError(`Invalid select-best verdict: ${chosen} (the grader answered: ${answer.slice(0, 200)})`);
  }
  return outputs.map((_, i) =>
    i === chosen
      ? { pass: true, score: 1, reason: `Output selected as the best: ${criteria}` }
      : { pass: false, score: 0, reason: `Output not selected: ${criteria}` },
  );
}

interface MaxScoreOptions {
  method: 'average' | 'sum';
  weights: Record<string, number>;
  threshold?: number;
}

function maxScoreOptions(value: unknown): MaxScoreOptions {
  if (value === undefined || value === null) return { method: 'average', weights: {} };
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new MalformedAssertionError('max-score value must be a map: {method: average|sum, weights, threshold}');
  }
  const { method = 'average', weights = {}, threshold } = value as Record<string, unknown>;
  if (method !== 'average' && method !== 'sum') {
    throw new MalformedAssertionError(`max-score method must be "average" or "sum", got ${JSON.stringify(method)}`);
  }
  if (!weights || typeof weights !== 'object' || Object.values(weights).some((w) => typeof w !== 'number')) {
    throw new MalformedAssertionError('max-score weights must map assertion types to numbers');
  }
  if (threshold !== undefined && typeof threshold !== 'number') {
    throw new MalformedAssertionError('max-score threshold must be a number');
  }
  return { method, weights: weights as Record<string, number>, ...(threshold !== undefined ? { threshold } : {}) };
}

/** promptfoo's selectMaxScore over each case's other assertion results: one verdict per case, in order. */
export function gradeMaxScore(assertion: AssertionSpec, perCase: AssertionResult[][]): GradingResult[] {
  atLeastTwo('max-score', perCase.length);
  const options = maxScoreOptions(assertion.value);
  const scores = perCase.map((results) => {
    // An assert-set counts as its assertions, as in promptfoo (whose set result names no assertion).
    const relevant = results.flatMap((r) => r.assertions ?? [r]).filter((r) => !isComparison(r.type));
    if (relevant.length === 0) {
      throw new MalformedAssertionError(
        'max-score requires at least one other assertion (besides max-score or select-best) to aggregate scores from',
      );
    }
    let weighted = 0;
    let totalWeight = 0;
    for (const result of relevant) {
      const weight = options.weights[result.type] ?? 1;
      weighted += (result.score || 0) * weight;
      totalWeight += weight;
    }
    if (options.method === 'sum') return weighted;
    return totalWeight > 0 ? weighted / totalWeight : 0;
  });
  let max = Number.NEGATIVE_INFINITY;
  let winner = 0;
  scores.forEach((score, i) => {
    if (score > max) [max, winner] = [score, i];
  });
  const meets = options.threshold === undefined || max >= options.threshold;
  return scores.map((score, i) => {
    if (i === winner && meets) {
      return { pass: true, score: 1, reason: `Selected as highest scoring output (score: ${score.toFixed(3)})` };
    }
    const reason =
      score === max && !meets
        ? `Not selected - score ${score.toFixed(3)} below threshold ${options.threshold}`
        : `Not selected (score: ${score.toFixed(3)}, max: ${max.toFixed(3)})`;
    return { pass: false, score: 0, reason };
  });
}

/**
 * A case's pass and score once a comparison verdict joins its assertions (promptfoo's merge): it passes only if
 * it passed and was chosen; when not chosen, the verdict's score and reason replace the case's.
 */
export function mergeComparison(
  current: { pass: boolean; score: number; assertions: AssertionResult[] },
  type: ComparisonType,
  verdict: GradingResult,
): { pass: boolean; score: number; assertions: AssertionResult[] } {
  return {
    pass: current.pass && verdict.pass,
    score: verdict.pass ? current.score : verdict.score,
    assertions: [...current.assertions, { type, ...verdict }],
  };
}

/** Reached only by a not- form: promptfoo has none (it picks one output; "not the best" is every other one). */
const noInverse: AssertionHandler = ({ assertion }) => {
  throw new MalformedAssertionError(
    `${assertion.type} has no not- form: it picks one output among the test's outputs; use ${assertion.type.slice(4)}`,
    'type',
  );
};

export const comparisonAssertions: Record<string, AssertionHandler> = Object.fromEntries(
  COMPARISON_TYPES.map((type) => [type, noInverse]),
);
