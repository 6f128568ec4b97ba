// conversation-relevance as promptfoo 0.123.1 grades it: one grader call per sliding window of the conversation,
// score = relevant windows / windows; here the grader is openai:chat against a loopback server speaking OpenAI's
// chat completions wire format, and a grader that answers no verdict makes the case an error, never a fail.
import { scoreTest } from '../../src/assertions/index.js';
import { resolveProvider } from '../../src/providers/index.js';
import type { AssertionSpec } from '../../src/types.js';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server.js';
import { context } from './context.js';

/** The messages of the window the grader is asked about (the prompt's example comes before them). */
const windowOf = (asked: string): Array<{ role: string; content: string }> =>
  JSON.parse(
    asked.slice(asked.lastIndexOf('Messages:\n') + 'Messages:\n'.length, asked.lastIndexOf('JSON:')),
  ) as Array<{
    role: string;
    content: string;
  }>;

let server: FakeModelServer;
beforeAll(async () => {
  server = await startFakeModelServer({
    // Relevant unless the last assistant message is about stocks; "garbled" makes the grader answer nonsense.
    responder: ({ messages }) => {
      const asked = messages.map((m) => m.content).join('\n');
      if (asked.includes('Irrelevancies:')) return '{"reason": "The score is low because of the stock market."}';
      if (asked.includes('garbled')) return 'I think it is fine';
      if (asked.includes('maybe')) return '{"verdict": "maybe"}';
      const window = windowOf(asked);
      return window.at(-1)!.content.includes('stock')
        ? '{"verdict": "no", "reason": "talks about stocks"}'
        : '{"verdict": "yes"}';
    },
  });
});
afterAll(() => server.close());
beforeEach(() => server.requests.splice(0));

const grader = () =>
  resolveProvider(
    { id: 'openai:chat:grader-model', config: { apiBaseUrl: `${server.url}/v1`, apiKey: 'sk-test' } },
    { rootDir: process.cwd(), env: {} },
  );

const turn = (input: string, output: string) => ({ input, output });
const wedding = [
  turn('I need help planning my wedding', 'Happy to help plan your wedding.'),
  turn('We want an outdoor ceremony', 'Outdoor ceremonies can be beautiful.'),
  turn('What about flowers?', 'The stock market has been volatile lately.'),
  turn('I meant wedding flowers', 'Roses, peonies and hydrangeas.'),
];

async function grade(assertion: Partial<AssertionSpec>, vars: Record<string, unknown>, output = 'Visit in spring.') {
  return scoreTest(
    context(
      output,
      { vars, assert: [{ type: 'conversation-relevance', ...assertion }] },
      { prompt: 'Best time to visit Paris?', gradingProvider: grader },
    ),
  );
}

test('a single turn (no _conversation) is one window: the prompt and the output', async () => {
  const result = await grade({}, {});
  expect([result.pass, result.score, result.error]).toEqual([true, 1, undefined]);
  expect(result.assertions[0].reason).toBe('1 out of 1 conversation windows were relevant');
  expect(server.requests).toHaveLength(1);
  expect(server.requests[0].body.model).toBe('grader-model');
  const asked = JSON.stringify(server.requests[0].body);
  expect(asked).toContain('Best time to visit Paris?');
  expect(asked).toContain('Visit in spring.');
});

test.each([
  // 3 of 4 windows relevant: 0.75.
  ['threshold 0.7 passes', { threshold: 0.7 }, true, 0.75],
  ['threshold 0.9 fails', { threshold: 0.9 }, false, 0.75],
  ['the not- form inverts pass and score', { type: 'not-conversation-relevance', threshold: 0.9 }, true, 0.25],
])('%s', async (_name, assertion, pass, score) => {
  const result = await grade(assertion, { _conversation: wedding });
  expect(result.error).toBeUndefined();
  expect([result.pass, result.score]).toEqual([pass, score]);
  // Four windows, then the summary of the irrelevancies, which becomes the reason.
  expect(server.requests).toHaveLength(5);
  expect(result.assertions[0].reason).toBe('The score is low because of the stock market.');
});

test('each window holds at most windowSize turns, ending at its turn', async () => {
  await grade({ config: { windowSize: 2 } }, { _conversation: wedding });
  const windows = server.requests.slice(0, 4).map((r) => {
    const text = (r.body.messages as Array<{ content: string }>)[0].content;
    return windowOf(text).filter((m) => m.role === 'user').length;
  });
  expect(windows).toEqual([1, 2, 2, 2]);
});

test.each([
  ['no JSON', 'garbled', /No JSON object found/],
  ['a verdict other than yes or no', 'maybe', /invalid verdict/],
])('a grader answering %s makes the case an error, not a fail', async (_name, output, message) => {
  const result = await grade({}, {}, output);
  expect(result.error).toMatch(message);
});

test('a grader that cannot be reached is an error', async () => {
  const result = await scoreTest(context('x', { assert: [{ type: 'conversation-relevance' }] }, { prompt: 'p' }));
  expect(result.error).toMatch(/no grading provider/);
});

test('a _conversation that is not a list of {input, output} is a malformed assertion', async () => {
  const result = await grade({}, { _conversation: ['hello'] });
  expect(result.error).toMatch(/_conversation var must be a list of \{input, output\} turns/);
});
