import { scoreTest } from '../../src/assertions/index.js';
import { DEFAULT_GRADING_PROMPT } from '../../src/assertions/model-graded.js';
import type { AssertionSpec, Provider, ProviderResponse, TestCase } from '../../src/types.js';
import { context } from './context.js';

/** A grader that answers from a script and records what it was asked. */
function fakeGrader(answer: ProviderResponse | (() => Promise<ProviderResponse>)) {
  const prompts: string[] = [];
  const requested: unknown[] = [];
  const provider: Provider = {
    id: 'fake:grader',
    cacheIdentity: '{}',
    async callApi(prompt) {
      prompts.push(prompt);
      return typeof answer === 'function' ? answer() : answer;
    },
  };
  return { provider, prompts, requested, resolve: async (spec?: unknown) => (requested.push(spec), provider) };
}

async function grade(
  assertion: AssertionSpec,
  answer: ProviderResponse | (() => Promise<ProviderResponse>),
  test: Partial<TestCase> = {},
) {
  const grader = fakeGrader(answer);
  const score = await scoreTest(
    context('Ahoy matey', { ...test, assert: [assertion] }, { gradingProvider: grader.resolve }),
  );
  return { score, grader };
}

const rubric: AssertionSpec = { type: 'llm-rubric', value: 'Speaks like a {{ persona }}' };

describe('llm-rubric', () => {
  test.each([
    ['{"reason": "pirate talk", "pass": true, "score": 1}', rubric, true, 1],
    ['Sure. {"reason": "no", "pass": false, "score": 0.2} done', rubric, false, 0.2],
    ['{"pass": "yes", "score": "0.8"}', rubric, true, 0.8],
    ['{"reason": "ok"}', rubric, true, 1],
    ['{"pass": true, "score": 0.6}', { ...rubric, threshold: 0.7 }, false, 0.6],
    ['{"pass": true, "score": 0.3}', { ...rubric, type: 'not-llm-rubric' }, false, 0.7],
    ['{"pass": false, "score": 0}', { ...rubric, type: 'not-llm-rubric' }, true, 1],
  ] as Array<[string, AssertionSpec, boolean, number]>)(
    'grader says %s to %j → pass %s, score %s',
    async (output, assertion, pass, score) => {
      const { score: result } = await grade(assertion, { output }, { vars: { persona: 'pirate' } });
      expect(result.error).toBeUndefined();
      expect(result.pass).toBe(pass);
      expect(result.score).toBeCloseTo(score, 12);
    },
  );

  test("the grader gets promptfoo's default rubric prompt with the output and the rendered rubric", async () => {
    const { grader } = await grade(
      rubric,
      { output: '{"pass": true, "score": 1, "reason": "r"}' },
      { vars: { persona: 'pirate' } },
    );
    const messages = JSON.parse(grader.prompts[0]) as Array<{ role: string; content: string }>;
    expect(messages[0]).toEqual(JSON.parse(DEFAULT_GRADING_PROMPT)[0]);
    expect(messages[1]).toEqual({
      role: 'user',
      content: '<Output>\nAhoy matey\n</Output>\n<Rubric>\nSpeaks like a pirate\n</Rubric>',
    });
  });

  test("the assertion's provider wins over the test's", async () => {
    const { grader } = await grade(
      { ...rubric, provider: 'openai:chat:judge' },
      { output: '{"pass": true}' },
      { options: { provider: 'echo' } },
    );
    expect(grader.requested).toEqual(['openai:chat:judge']);
    const { grader: second } = await grade(rubric, { output: '{"pass": true}' }, { options: { provider: 'echo' } });
    expect(second.requested).toEqual(['echo']);
  });

  test.each([
    ['a failed grader call', { error: 'HTTP 500' }, /grader fake:grader failed: HTTP 500/],
    ['an empty grader answer', { output: '' }, /No output/],
    ['a grader answer without JSON', { output: 'I think it passes.' }, /Could not extract JSON/],
  ] as Array<[string, ProviderResponse, RegExp]>)(
    '%s makes the case an error, not a fail',
    async (_name, answer, message) => {
      const { score } = await grade(rubric, answer);
      expect(score.pass).toBe(false);
      expect(score.error).toMatch(message);
    },
  );

  test('a grader that throws makes the case an error', async () => {
    const { score } = await grade(rubric, () => Promise.reject(new Error('socket hang up')));
    expect(score.error).toMatch(/socket hang up/);
  });
});
