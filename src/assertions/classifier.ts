// `classifier` (and `not-classifier`), with promptfoo's semantics (assertions/classifier.ts,
// matchesClassification): the output is sent to the classification provider — the assertion's `provider`,
// else the test's options.provider (its `classification` entry when it names one per kind), e.g.
// huggingface:text-classification:<model> — which answers a label → score map. The score is the score of the
// label the value names (0 when the classifier did not give it), or the top label's score when there is no
// value; it passes at >= threshold (default 1). The not- form flips the verdict and scores 1 − score.
// A classifier that fails or answers something that is not a label → score map makes the case an error
// (promptfoo grades that as a fail; a broken grader is not a regression).
import type { Provider, ProviderSpec, TestCase } from '../types.js';
import { GraderError, invariant, type AssertionHandler } from './handler.js';
import { callGrader, graderFor, namedByProvider, tryParseJson } from './model-graded.js';

const CLASSIFIERS = 'huggingface:text-classification:<model> or huggingface:token-classification:<model>';

function classifierSpec(assertionProvider: unknown, options: TestCase['options']): string | ProviderSpec {
  const spec =
    (assertionProvider as string | ProviderSpec | undefined) ?? graderFor('classification', options.provider);
  if (spec === undefined) {
    throw new GraderError(
      `classifier: no classification provider: set the test's options.provider (or the assertion's provider) to ${CLASSIFIERS}`,
    );
  }
  return spec;
}

/** The provider's answer as a label → score map (an object, or its JSON text), else a GraderError. */
function classificationOf(output: unknown, provider: Provider): Record<string, number> {
  const answer = typeof output === 'string' ? tryParseJson(output) : output;
  if (
    answer !== null &&
    typeof answer === 'object' &&
    !Array.isArray(answer) &&
    Object.values(answer).every((score) => typeof score === 'number' && Number.isFinite(score))
  ) {
    return answer as Record<string, number>;
  }
  const shown = JSON.stringify(output) ?? String(output);
  throw new GraderError(
    `classifier: provider ${provider.id} did not answer with a classification (label → score; got ${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}); use ${CLASSIFIERS}`,
  );
}

const classifier: AssertionHandler = async ({ assertion, value, outputString, inverse, ctx }) => {
  invariant(
    typeof value === 'string' || value === undefined,
    '"classifier" assertion type must have a string value or be undefined',
  );
  const threshold = assertion.threshold ?? 1;
  let provider: Provider;
  try {
    provider = await ctx.gradingProvider(classifierSpec(assertion.provider, ctx.test.options));
  } catch (err) {
    if (err instanceof GraderError) throw err;
    throw new GraderError(
      `classifier: no classification provider: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const output = await callGrader(
    provider,
    outputString,
    ctx.vars,
    'classifier',
    (error) => `classifier: the classification provider failed: ${namedByProvider(provider, error)}`,
  );
  const classification = classificationOf(output, provider);

  // No labels at all (a token classifier that found no entity) scores 0, where promptfoo's Math.max() is -Infinity.
  const scores = Object.values(classification);
  const score = value === undefined ? (scores.length > 0 ? Math.max(...scores) : 0) : (classification[value] ?? 0);
  const pass = score >= threshold - Number.EPSILON;
  const what = value === undefined ? 'Maximum classification score' : `Classification ${value} has score`;
  const reason = `${what} ${score.toFixed(2)} ${pass ? '>=' : '<'} ${threshold}`;
  return inverse ? { pass: !pass, score: 1 - score, reason } : { pass, score, reason };
};

export const classifierAssertions: Record<string, AssertionHandler> = { classifier };
