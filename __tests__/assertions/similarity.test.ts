// `similar` with promptfoo 0.123.1's semantics, the embedding provider answering through the provider
// interface (its output is the vector). Vectors are chosen so each similarity is known exactly.
import { scoreTest } from '../../src/assertions/index.js';
import { DEFAULT_EMBEDDING_PROVIDER } from '../../src/assertions/similarity.js';
import type { AssertionSpec, Provider, ProviderResponse, TestCase } from '../../src/types.js';
import { context } from './context.js';

// Each text's embedding: "output" and "same" coincide, "near" is at cos 0.8, "far" at cos 0.
const VECTORS: Record<string, number[]> = {
  output: [1, 0],
  same: [1, 0],
  near: [0.8, 0.6],
  far: [0, 1],
};

function embedder(answer: (text: string) => ProviderResponse = (text) => ({ output: VECTORS[text] })) {
  const asked: unknown[] = [];
  const provider: Provider = { id: 'fake:embedding', cacheIdentity: '{}', callApi: async (text) => answer(text) };
  return { asked, resolve: async (spec?: unknown) => (asked.push(spec), provider) };
}

async function similar(
  assertion: AssertionSpec,
  test: Partial<TestCase> = {},
  answer?: (t: string) => ProviderResponse,
) {
  const grader = embedder(answer);
  const score = await scoreTest(
    context('output', { ...test, assert: [assertion] }, { gradingProvider: grader.resolve }),
  );
  return { score, asked: grader.asked };
}

describe('similar', () => {
  test.each([
    // [assertion, pass, score]
    [{ type: 'similar', value: 'same' }, true, 1],
    [{ type: 'similar', value: 'near' }, true, 0.8],
    [{ type: 'similar', value: 'near', threshold: 0.9 }, false, 0.8],
    [{ type: 'similar', value: 'far' }, false, 0],
    [{ type: 'not-similar', value: 'far' }, true, 1],
    [{ type: 'not-similar', value: 'near' }, false, 0.2],
    // a list passes when one value does; its score is then that value's
    [{ type: 'similar', value: ['far', 'near'] }, true, 0.8],
    [{ type: 'similar', value: ['far', 'near'], threshold: 0.9 }, false, 0.8],
    // the not- form of a list: every value must be dissimilar
    [{ type: 'not-similar', value: ['far', 'near'] }, false, 0.2],
    [{ type: 'similar:dot', value: 'near' }, true, 0.8],
    // Euclidean: a distance, passing at or under the threshold; score 1/(1+d)
    [{ type: 'similar:euclidean', value: 'same', threshold: 0.1 }, true, 1],
    [{ type: 'similar:euclidean', value: 'far', threshold: 0.5 }, false, 1 / (1 + Math.SQRT2)],
  ] as Array<[AssertionSpec, boolean, number]>)('%j → pass %s, score %s', async (assertion, pass, score) => {
    const { score: result } = await similar(assertion);
    expect(result.error).toBeUndefined();
    expect(result.pass).toBe(pass);
    expect(result.score).toBeCloseTo(score, 12);
  });

  test.each([
    ['no provider named: promptfoo default', {}, undefined, DEFAULT_EMBEDDING_PROVIDER],
    ['the assertion names one', {}, 'openai:embedding:small', 'openai:embedding:small'],
    ['the test options name one', { options: { provider: 'openai:embedding:t' } }, undefined, 'openai:embedding:t'],
    [
      'the options name one per kind',
      { options: { provider: { embedding: 'openai:embedding:e', text: 'openai:chat:x' } } },
      undefined,
      'openai:embedding:e',
    ],
  ] as Array<[string, Partial<TestCase>, string | undefined, string]>)(
    'embedding provider: %s',
    async (_name, test, provider, expected) => {
      const { asked } = await similar({ type: 'similar', value: 'same', ...(provider ? { provider } : {}) }, test);
      expect(asked[0]).toEqual(expected);
    },
  );

  test.each([
    [
      'a chat answer instead of a vector',
      () => ({ output: 'Sure! Here is an embedding.' }),
      /did not answer with a vector/,
    ],
    ['an empty vector', () => ({ output: [] }), /did not answer with a vector/],
    ['a failed call', () => ({ error: 'HTTP 500' }), /embedding provider fake:embedding failed: HTTP 500/],
    [
      'vectors of different lengths',
      (t: string) => ({ output: t === 'output' ? [1, 0] : [1, 0, 0] }),
      /different lengths/,
    ],
  ])('%s is an error, not a fail', async (_name, answer, message) => {
    const { score } = await similar({ type: 'similar', value: 'same' }, {}, answer);
    expect(score.error).toMatch(message);
  });

  test('a value that is not a string is a located config error', async () => {
    const { score } = await similar({ type: 'similar', value: 3 });
    expect(score.error).toMatch(/must have a string or array of strings value/);
  });
});

test('per-kind graders: similar uses the embedding one', async () => {
  const { asked } = await similar(
    { type: 'similar', value: 'same' },
    { options: { provider: { text: 'openai:chat:x', embedding: 'openai:embedding:y' } } },
  );
  expect(asked[0]).toBe('openai:embedding:y');
});
