// factuality and model-graded-closedqa against a grader answering as promptfoo 0.123.1's graders answer.
import { scoreTest } from '../../src/assertions/index.js';
import { CLOSED_QA_PROMPT, FACTUALITY_PROMPT } from '../../src/assertions/factuality.js';
import type { AssertionSpec, Provider, ProviderResponse, TestCase } from '../../src/types.js';
import { context } from './context.js';

async function grade(assertion: AssertionSpec, answer: ProviderResponse, test: Partial<TestCase> = {}) {
  const asked: string[] = [];
  const grader: Provider = {
    id: 'fake:grader',
    cacheIdentity: '{}',
    callApi: async (prompt) => (asked.push(prompt), answer),
  };
  const score = await scoreTest(
    context('Paris is the capital', { ...test, assert: [assertion] }, { gradingProvider: async () => grader }),
  );
  return { score, asked };
}

const fact: AssertionSpec = { type: 'factuality', value: 'The capital of France is Paris' };

describe('factuality', () => {
  test.each([
    ['{"category": "A", "reason": "subset"}', {}, true, 1, 'subset'],
    ['{"category": "c"}', {}, true, 1, 'Category C: The submitted answer contains all the same details'],
    ['{"category": "D", "reason": "disagrees"}', {}, false, 0, 'disagrees'],
    ['(B) it says more', {}, true, 1, 'it says more'],
    // options.factuality re-scores the categories; a score of 0 fails
    ['{"category": "B"}', { factuality: { superset: 0 } }, false, 0, 'Category B'],
    ['{"category": "E"}', { factuality: { differButFactual: 0.5 } }, true, 0.5, 'Category E'],
  ])('grader says %s (options %j) → pass %s, score %s', async (output, options, pass, score, reason) => {
    const { score: result, asked } = await grade(fact, { output }, { options: options as TestCase['options'] });
    expect(result.error).toBeUndefined();
    expect(result).toMatchObject({ pass, score });
    expect(result.assertions[0].reason).toContain(reason);
    // promptfoo's prompt: the rendered prompt as the question, the value as the expert answer.
    const sent = JSON.parse(asked[0]) as Array<{ content: string }>;
    expect(sent[0].content).toBe((JSON.parse(FACTUALITY_PROMPT) as Array<{ content: string }>)[0].content);
    expect(sent[1].content).toContain('<expert_answer>\nThe capital of France is Paris\n</expert_answer>');
    expect(sent[1].content).toContain('<submitted_answer>\nParis is the capital\n</submitted_answer>');
  });

  test.each([
    ['an answer in neither form', { output: 'I think it is fine.' }, /did not match expected format/],
    ['a category out of range', { output: '{"category": "F"}' }, /invalid category value: F/],
    ['a failed call', { error: 'HTTP 503' }, /factuality grader fake:grader failed: HTTP 503/],
  ])('%s is an error, not a fail', async (_name, answer, message) => {
    const { score } = await grade(fact, answer);
    expect(score.error).toMatch(message);
  });
});

describe('model-graded-closedqa', () => {
  const qa: AssertionSpec = { type: 'model-graded-closedqa', value: 'names the capital' };
  test.each([
    ['It names Paris.\nY\nY', true, 1],
    ['It does not.\nN\nN\n', false, 0],
  ])('grader says %j → pass %s', async (output, pass, score) => {
    const { score: result, asked } = await grade(qa, { output });
    expect(result).toMatchObject({ pass, score });
    expect(asked[0]).toContain('[Criterion]: names the capital');
    expect(JSON.parse(asked[0])).toHaveLength((JSON.parse(CLOSED_QA_PROMPT) as unknown[]).length);
  });

  test('an answer ending in neither Y nor N is an error, not a fail', async () => {
    const { score } = await grade(qa, { output: 'Maybe.' });
    expect(score.error).toMatch(/ends in neither Y nor N/);
  });
});
