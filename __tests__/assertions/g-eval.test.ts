// g-eval: steps first, then a 0-10 score along them, as promptfoo 0.123.1 asks and reads.
import { scoreTest } from '../../src/assertions/index.js';
import type { AssertionSpec, Provider } from '../../src/types.js';
import { context } from './context.js';

/** A grader that proposes steps, then scores from the criterion it was given. */
function grader(evaluation: (prompt: string) => string): { provider: Provider; asked: string[] } {
  const asked: string[] = [];
  const provider: Provider = {
    id: 'fake:grader',
    cacheIdentity: '{}',
    callApi: async (prompt) => {
      asked.push(prompt);
      if (prompt.includes('generate 3-4 concise evaluation steps'))
        return { output: '{"steps":["Read it","Judge it"]}' };
      return { output: evaluation(prompt) };
    },
  };
  return { provider, asked };
}

async function gEval(assertion: AssertionSpec, evaluation: (prompt: string) => string) {
  const g = grader(evaluation);
  const score = await scoreTest(context('Ahoy', { assert: [assertion] }, { gradingProvider: async () => g.provider }));
  return { score, asked: g.asked };
}

test.each([
  [{ type: 'g-eval', value: 'is concise' }, '{"score": 8, "reason": "short"}', true, 0.8],
  [{ type: 'g-eval', value: 'is concise', threshold: 0.9 }, '{"score": 8, "reason": "short"}', false, 0.8],
  [{ type: 'not-g-eval', value: 'is concise' }, '{"score": 2, "reason": "long"}', true, 0.8],
])('%j, grader says %s → pass %s, score %s', async (assertion, answer, pass, score) => {
  const { score: result, asked } = await gEval(assertion as AssertionSpec, () => answer);
  expect(result.error).toBeUndefined();
  expect(result.pass).toBe(pass);
  expect(result.score).toBeCloseTo(score, 12);
  // The evaluation prompt carries the steps the grader proposed and the reply.
  expect(asked[1]).toContain('**Evaluation Steps**\n- Read it\n- Judge it');
  expect(asked[1]).toContain('**Reply**\nAhoy');
});

test('a list of criteria averages their scores', async () => {
  const { score } = await gEval({ type: 'g-eval', value: ['is concise', 'is polite'] }, (prompt) =>
    prompt.includes('is polite') ? '{"score": 4, "reason": "curt"}' : '{"score": 10, "reason": "short"}',
  );
  expect(score.score).toBeCloseTo(0.7, 12);
  expect(score.pass).toBe(true);
});

test.each([
  ['a score out of range', '{"score": 11, "reason": "x"}', /not a number from 0 to 10/],
  ['no reason', '{"score": 5}', /has no reason/],
  ['no JSON', 'pretty good', /not in JSON format/],
])('%s is an error, not a fail', async (_name, answer, message) => {
  const { score } = await gEval({ type: 'g-eval', value: 'is concise' }, () => answer);
  expect(score.error).toMatch(message);
});
