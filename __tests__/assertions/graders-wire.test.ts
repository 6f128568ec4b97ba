// Model-graded assertions end to end: the suite's own provider is echo, the grader is openai:chat against a
// loopback server speaking OpenAI's chat completions wire format, answering as a grader would — and, for
// one case, with something no grader format allows: that case is an error, never a fail.
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server.js';
import { evaluateSuite } from '../../src/evaluate.js';
import { makeSuite } from '../engine/support.js';
import type { Suite, TestCase } from '../../src/types.js';

let server: FakeModelServer;
beforeAll(async () => {
  server = await startFakeModelServer({
    // The grader reads what it was asked to grade from its prompt, as a model would.
    responder: ({ messages }) => {
      const asked = messages.map((m) => m.content).join('\n');
      if (asked.includes('<Rubric>')) {
        return asked.includes('Bonjour') ? '{"pass": true, "score": 0.9, "reason": "French"}' : 'no idea';
      }
      if (asked.includes('<expert_answer>')) {
        return /<submitted_answer>[^<]*Paris/.test(asked)
          ? '{"category": "C", "reason": "same facts"}'
          : '{"category": "D"}';
      }
      if (asked.includes('[Criterion]')) return asked.includes('Paris') ? 'It does.\nY\nY' : 'It does not.\nN\nN';
      return 'unexpected prompt';
    },
  });
});
afterAll(() => server.close());

function suiteOf(tests: TestCase[]): Suite {
  const grader = { id: 'openai:chat:grader-model', config: { apiBaseUrl: `${server.url}/v1`, apiKey: 'sk-test' } };
  return makeSuite(
    {
      configPath: '/tmp/graded/promptfooconfig.yaml',
      rootDir: '/tmp/graded',
      prompts: [{ id: 'p', label: 'p', raw: '{{ text }}' }],
      tests: tests.map((t) => ({ ...t, options: { ...t.options, provider: grader } })),
    },
    { maxConcurrency: 2, timeoutMs: 10_000, maxRetries: 0 },
  );
}

const graded = (text: string, type: string, value: string): TestCase => ({
  vars: { text },
  assert: [{ type, value }],
  options: {},
});

test('llm-rubric, factuality and model-graded-closedqa verdicts come from the grader; a malformed answer is an error', async () => {
  const { results } = await evaluateSuite(
    suiteOf([
      graded('Bonjour tout le monde', 'llm-rubric', 'is French'),
      graded('Hello world', 'llm-rubric', 'is French'),
      graded('The capital is Paris', 'factuality', 'Paris is the capital of France'),
      graded('The capital is Lyon', 'factuality', 'Paris is the capital of France'),
      graded('Paris', 'model-graded-closedqa', 'names the capital'),
      graded('Lyon', 'model-graded-closedqa', 'names the capital'),
    ]),
    { env: {} },
  );
  expect(results.map((r) => [r.pass, r.score, r.error === undefined ? 'ok' : 'error'])).toEqual([
    [true, 0.9, 'ok'],
    [false, 0, 'error'],
    [true, 1, 'ok'],
    [false, 0, 'ok'],
    [true, 1, 'ok'],
    [false, 0, 'ok'],
  ]);
  expect(results[1].error).toMatch(/Could not extract JSON from llm-rubric response: no idea/);
  // Every grading call went over the wire, to the grader's model.
  expect(server.requests.filter((r) => r.body?.model === 'grader-model')).toHaveLength(6);
});
