// search-rubric as promptfoo 0.123.1 grades it: llm-rubric's flow with promptfoo's web-search prompt, through a
// grader that can search (promptfoo's hasWebSearchCapability). The grader here is a search model of openai:chat
// against a loopback server speaking OpenAI's chat completions wire format; a malformed answer is an error.
import { scoreTest } from '../../src/assertions/index.js';
import { hasWebSearchCapability } from '../../src/assertions/search-rubric.js';
import { resolveProvider } from '../../src/providers/index.js';
import type { AssertionSpec, ProviderSpec } from '../../src/types.js';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server.js';
import { context } from './context.js';

let server: FakeModelServer;
beforeAll(async () => {
  server = await startFakeModelServer({
    responder: ({ messages }) => {
      const asked = messages.map((m) => m.content).join('\n');
      if (asked.includes('Nadella is CEO')) return 'I searched: {"pass": true, "score": 0.8, "reason": "confirmed"}';
      if (asked.includes('no verdict')) return '{"reason": "I could not decide", "score": 1}';
      if (asked.includes('not json')) return 'Looks right to me';
      return '{"pass": false, "reason": "search says otherwise"}';
    },
  });
});
afterAll(() => server.close());
beforeEach(() => server.requests.splice(0));

const searchGrader: ProviderSpec = {
  id: 'openai:chat:gpt-4o-search-preview',
  config: { apiBaseUrl: `http://unused/v1`, apiKey: 'sk-test' },
};
const grade = (output: string, assertion: Partial<AssertionSpec> = {}, provider: unknown = searchGrader) =>
  scoreTest(
    context(
      output,
      {
        assert: [{ type: 'search-rubric', value: 'names the current CEO of Microsoft', ...assertion }],
        options: provider === null ? {} : { provider: provider as ProviderSpec },
      },
      {
        gradingProvider: (spec) =>
          resolveProvider(
            { id: (spec as ProviderSpec).id, config: { apiBaseUrl: `${server.url}/v1`, apiKey: 'sk-test' } },
            { rootDir: process.cwd(), env: {} },
          ),
      },
    ),
  );

test.each([
  ['a passing verdict with its score', 'Nadella is CEO', {}, true, 0.8, 'confirmed'],
  ['a threshold above the score fails', 'Nadella is CEO', { threshold: 0.9 }, false, 0.8, 'confirmed'],
  ['a failing verdict without a score scores 0', 'Ballmer is CEO', {}, false, 0, 'search says otherwise'],
  [
    'the not- form inverts pass and score',
    'Ballmer is CEO',
    { type: 'not-search-rubric' },
    true,
    1,
    'Output does not require web search verification: search says otherwise',
  ],
])('%s', async (_name, output, assertion, pass, score, reason) => {
  const result = await grade(output, assertion);
  expect(result.error).toBeUndefined();
  expect([result.pass, result.score, result.assertions[0].reason]).toEqual([pass, score, reason]);
  // promptfoo's web-search prompt, rendered with the output and the rubric, went to the search model.
  expect(server.requests).toHaveLength(1);
  const body = server.requests[0].body as { model: string; messages: Array<{ role: string; content: string }> };
  expect(body.model).toBe('gpt-4o-search-preview');
  expect(body.messages[0].content).toMatch(
    /^You are grading output according to a user-specified rubric, with the ability to search the web/,
  );
  expect(body.messages[1].content).toBe(
    `<Output>\n${output}\n</Output>\n<Rubric>\nnames the current CEO of Microsoft\n</Rubric>`,
  );
});

test.each([
  ['no boolean pass', 'no verdict'],
  ['no JSON', 'not json'],
])('a grader answering %s makes the case an error, not a fail', async (_name, output) => {
  const result = await grade(output);
  expect(result.error).toMatch(/Expected a JSON object with a boolean "pass" field/);
});

test('without a grader that can search, the assertion is refused by name (no call is made)', async () => {
  const none = await grade('Nadella is CEO', {}, null);
  expect(none.error).toMatch(/search-rubric needs a grader that can search the web/);
  const plain = await grade('Nadella is CEO', {}, 'openai:chat:gpt-4o-mini');
  expect(plain.error).toMatch(/openai:chat:gpt-4o-mini is not one/);
  expect(server.requests).toHaveLength(0);
});

test('a string value is required', async () => {
  const result = await grade('x', { value: ['a', 'b'] as unknown as string });
  expect(result.error).toMatch(/must have a string value/);
});

test.each<[string | ProviderSpec, boolean]>([
  ['perplexity:sonar', true],
  [{ id: 'anthropic:messages:claude-opus-4-6', config: { tools: [{ type: 'web_search_20250305' }] } }, true],
  ['anthropic:messages:claude-opus-4-6', false],
  [{ id: 'openai:responses:gpt-5.1', config: { tools: [{ type: 'web_search_preview' }] } }, true],
  [{ id: 'openai:chat:gpt-4o', config: { tools: [{ type: 'web_search_preview' }] } }, false],
  ['openai:chat:gpt-4o-mini-search-preview', true],
  ['openai:chat:gpt-5-search-api', true],
  [{ id: 'google:gemini-3-pro-preview', config: { tools: [{ googleSearch: {} }] } }, true],
  [{ id: 'xai:grok-4', config: { search_parameters: { mode: 'on' } } }, true],
  [{ id: 'xai:grok-4', config: { search_parameters: { mode: 'auto' } } }, false],
  [{ id: 'xai:responses:grok-4', config: { tools: [{ type: 'web_search' }] } }, true],
])('hasWebSearchCapability(%j) is %s, as in promptfoo', (spec, expected) => {
  expect(hasWebSearchCapability(spec)).toBe(expected);
});
