// `similar` (and `similar:cosine`, `similar:dot`, `similar:euclidean`), with promptfoo 0.123.1's semantics
// (assertions/similar.ts, matchers/similarity.ts): the output and the expected value are embedded by the
// embedding provider — the assertion's `provider`, else the test's options.provider (its `embedding` entry
// when it names one per kind), else promptfoo's default openai:embedding:text-embedding-3-large — and
// compared. Cosine and dot product pass at >= threshold (default 0.75), the score being the similarity;
// Euclidean distance passes at <= threshold, the score being 1/(1+distance). A list of values passes when
// any one does (the not- form: when every one does). The embedding provider is called through the ordinary
// provider interface: its output is the vector. A provider that fails or answers something that is not a
// vector makes the case an error (promptfoo grades that as a fail; a broken grader is not a regression).
import type { Provider, ProviderSpec, TestCase } from '../types.js';
import { GraderError, invariant, type AssertionHandler, type AssertionInput } from './handler.js';
import { callGrader, graderFor } from './model-graded.js';

export const DEFAULT_EMBEDDING_PROVIDER = 'openai:embedding:text-embedding-3-large';

export type Metric = 'cosine' | 'dot_product' | 'euclidean';
const METRICS: Record<string, Metric> = {
  similar: 'cosine',
  'similar:cosine': 'cosine',
  'similar:dot': 'dot_product',
  'similar:euclidean': 'euclidean',
};

export const SIMILARITY_TYPES = Object.keys(METRICS);

/** The embedding provider's spec: the assertion's, the test's (its `embedding` entry when per kind), else promptfoo's default. */
function embeddingSpec(assertionProvider: unknown, options: TestCase['options']): string | ProviderSpec {
  if (assertionProvider !== undefined) return assertionProvider as string | ProviderSpec;
  return graderFor('embedding', options.provider) ?? DEFAULT_EMBEDDING_PROVIDER;
}

/** The embedding provider an assertion named `name` uses (see embeddingSpec), or a GraderError. */
export async function embeddingProvider(name: string, input: AssertionInput): Promise<Provider> {
  try {
    return await input.ctx.gradingProvider(embeddingSpec(input.assertion.provider, input.ctx.test.options));
  } catch (err) {
    throw new GraderError(`${name}: no embedding provider: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The embedding of `text`: the provider's output, which must be a vector of numbers; else a GraderError. */
export async function embed(
  provider: Provider,
  text: string,
  vars: Record<string, unknown>,
  name = 'similar',
): Promise<number[]> {
  const vector = await callGrader(
    provider,
    text,
    vars,
    name,
    (error) => `${name}: embedding provider ${provider.id} failed: ${error}`,
  );
  if (
    !Array.isArray(vector) ||
    vector.length === 0 ||
    !vector.every((x) => typeof x === 'number' && Number.isFinite(x))
  ) {
    const shown = JSON.stringify(vector) ?? String(vector);
    throw new GraderError(
      `${name}: embedding provider ${provider.id} did not answer with a vector of numbers (got ${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}); use an embedding provider such as ${DEFAULT_EMBEDDING_PROVIDER}`,
    );
  }
  return vector as number[];
}

export function compare(a: number[], b: number[], metric: Metric, providerId: string, name = 'similar'): number {
  if (a.length !== b.length) {
    throw new GraderError(
      `${name}: embedding provider ${providerId} gave vectors of different lengths (${a.length}, ${b.length})`,
    );
  }
  const dot = a.reduce((sum, x, i) => sum + x * b[i], 0);
  if (metric === 'dot_product') return dot;
  if (metric === 'euclidean') return Math.sqrt(a.reduce((sum, x, i) => sum + (x - b[i]) ** 2, 0));
  const norms = Math.sqrt(a.reduce((s, x) => s + x * x, 0)) * Math.sqrt(b.reduce((s, x) => s + x * x, 0));
  return norms === 0 ? 0 : dot / norms;
}

/** promptfoo's buildSimilarityResult. */
function verdict(similarity: number, threshold: number, inverse: boolean, metric: Metric) {
  if (metric === 'euclidean') {
    const pass = inverse ? similarity >= threshold - Number.EPSILON : similarity <= threshold + Number.EPSILON;
    const normalized = 1 / (1 + similarity);
    const below = `Distance ${similarity.toFixed(2)} is less than or equal to threshold ${threshold}`;
    const above = `Distance ${similarity.toFixed(2)} is greater than threshold ${threshold}`;
    return { pass, score: inverse ? 1 - normalized : normalized, reason: pass !== inverse ? below : above };
  }
  const pass = inverse ? similarity <= threshold + Number.EPSILON : similarity >= threshold - Number.EPSILON;
  const atLeast = `Similarity ${similarity.toFixed(2)} is greater than or equal to threshold ${threshold}`;
  const less = `Similarity ${similarity.toFixed(2)} is less than threshold ${threshold}`;
  return { pass, score: inverse ? 1 - similarity : similarity, reason: pass !== inverse ? atLeast : less };
}

const similar: AssertionHandler = async (input: AssertionInput) => {
  const { assertion, value, outputString, inverse, ctx } = input;
  invariant(
    typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string')),
    'Similarity assertion type must have a string or array of strings value',
  );
  invariant(
    !Array.isArray(value) || value.length > 0,
    'Similarity assertion must have at least one value to compare against',
  );
  const metric = METRICS[assertion.type.replace(/^not-/, '')];
  const threshold = assertion.threshold ?? 0.75;
  const provider = await embeddingProvider('similar', input);
  const outputVector = await embed(provider, outputString, ctx.vars);
  const one = async (expected: string) =>
    verdict(
      compare(await embed(provider, expected, ctx.vars), outputVector, metric, provider.id),
      threshold,
      inverse,
      metric,
    );
  if (!Array.isArray(value)) return one(value);
  if (inverse) {
    let closest: Awaited<ReturnType<typeof one>> | undefined;
    for (const expected of value) {
      const result = await one(expected);
      if (!result.pass) return result;
      if (!closest || result.score < closest.score) closest = result;
    }
    return closest!;
  }
  let maxScore = Number.NEGATIVE_INFINITY;
  for (const expected of value) {
    const result = await one(expected);
    if (result.pass) return result;
    maxScore = Math.max(maxScore, result.score);
  }
  return { pass: false, score: maxScore, reason: 'None of the provided values met the similarity threshold' };
};

export const similarityAssertions: Record<string, AssertionHandler> = Object.fromEntries(
  SIMILARITY_TYPES.map((type) => [type, similar]),
);
