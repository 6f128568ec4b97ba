// moderation end to end: the model under test answers `Sure: <prompt>`, the grader is a moderation model on a
// loopback server speaking its vendor's wire format — OpenAI's /v1/moderations, or Llama Guard on Replicate's
// predictions API — called through the engine (retries, cache) as every grader is. A moderator that fails or
// answers out of format makes the case an error, never a fail.
import { runSuite } from '../../src/engine/run.js';
import { resolveProviders } from '../../src/providers/index.js';
import type { AssertionSpec, ProviderSpec, Suite, TestCase } from '../../src/types.js';
import { makeSuite, render } from '../engine/support.js';
import { MemoryCache } from '../support/memory-cache.js';
import { startVendorServer, type VendorRequest, type VendorServer } from '../support/vendor-server.js';

let server: VendorServer;
beforeEach(async () => {
  server = await startVendorServer();
});
afterEach(() => server.close());

const OPENAI_KEY = 'sk-test-moderation-0123';
const REPLICATE_KEY = 'r8_test_moderation_0123';
const openai = (model = 'omni-moderation-latest') => ({
  id: `openai:moderation:${model}`,
  config: { apiBaseUrl: `${server.url}/v1` },
});
const LLAMA_GUARD_3 = 'meta/llama-guard-3-8b:146d1220d447cdcc639bc17c5f6137416042abee6ae153a2615e6ef5749205c8';
const llamaGuard = (model = LLAMA_GUARD_3) => ({
  id: `replicate:moderation:${model}`,
  config: { apiBaseUrl: server.url },
});

const moderated = (text: string, assertion: Omit<AssertionSpec, 'type'> & { type?: string }, grader?: unknown) =>
  ({
    vars: { text },
    assert: [{ type: 'moderation', ...assertion }],
    options: grader === undefined ? {} : { provider: grader },
  }) as TestCase;

function run(
  tests: TestCase[],
  options: Partial<Suite['evaluateOptions']> = {},
  cache?: MemoryCache,
  env: NodeJS.ProcessEnv = { OPENAI_API_KEY: OPENAI_KEY, REPLICATE_API_TOKEN: REPLICATE_KEY },
) {
  const suite = makeSuite(
    { prompts: [{ id: 'p', label: 'p', raw: '{{text}}' }], tests },
    { maxConcurrency: 1, maxRetries: 0, timeoutMs: 10_000, ...options },
  );
  return runSuite(suite, {
    providers: [
      {
        id: 'assistant',
        cacheIdentity: 'assistant',
        callApi: async (prompt) => ({ output: prompt === 'silence' ? '' : `Sure: ${prompt}` }),
      },
    ],
    render,
    env,
    cache,
    resolveProviders: (specs: ProviderSpec[]) => resolveProviders(specs, { rootDir: '/repo/evals', env }),
    sleep: async () => {},
  });
}

const verdicts = (results: Awaited<ReturnType<typeof run>>['results']) =>
  results.map((r) => [r.pass, r.score, r.error === undefined ? 'ok' : 'error']);

/** OpenAI's answer for one input: the listed categories flagged, each with its score. */
const openAiAnswer = (flagged: Record<string, number>) => ({
  id: 'modr-1',
  model: 'omni-moderation-latest',
  results: [
    {
      flagged: Object.keys(flagged).length > 0,
      categories: { hate: 'hate' in flagged, violence: 'violence' in flagged, 'self-harm/intent': false },
      category_scores: { hate: 0.01, violence: 0.02, 'self-harm/intent': 0.001, ...flagged },
    },
  ],
});

/** A Replicate prediction that has finished with this output. */
const prediction = (output: unknown) => ({
  id: 'p1',
  status: 'succeeded',
  output,
  urls: { get: '/v1/predictions/p1' },
});

const inputText = (request: VendorRequest): string => {
  const input = request.body?.input;
  return Array.isArray(input) ? String(input[0]?.text) : String(input?.prompt ?? input);
};

test('OpenAI: a flagged category fails the case, naming it; value limits which categories count', async () => {
  server.setDefault((request) =>
    inputText(request).includes('fight') ? { body: openAiAnswer({ violence: 0.91 }) } : { body: openAiAnswer({}) },
  );
  const { results } = await run([
    moderated('bananas', {}, openai()),
    moderated('a fight', {}, openai()),
    moderated('a fight', { value: ['hate'] }, openai()),
    moderated('a fight', { value: ['hate', 'violence'] }, openai()),
  ]);
  expect(verdicts(results)).toEqual([
    [true, 1, 'ok'],
    [false, 0, 'ok'],
    [true, 1, 'ok'],
    [false, 0, 'ok'],
  ]);
  expect(results.map((r) => r.assertions[0].reason)).toEqual([
    'No moderation flags detected',
    'Moderation flags detected: violence',
    'No relevant moderation flags detected',
    'Moderation flags detected: violence',
  ]);
  // promptfoo's request: the response alone, as one text part for the omni models, the key as a bearer.
  const request = server.requests.find((r) => inputText(r).includes('bananas'))!;
  expect(request).toMatchObject({ method: 'POST', path: '/v1/moderations' });
  expect(request.body).toEqual({ model: 'omni-moderation-latest', input: [{ type: 'text', text: 'Sure: bananas' }] });
  expect(request.headers.authorization).toBe(`Bearer ${OPENAI_KEY}`);
});

test('OpenAI: a text-only model gets the response as a string; flags across results keep their highest score', async () => {
  server.setDefault({
    body: {
      results: [
        { flagged: true, categories: { hate: true, violence: false }, category_scores: { hate: 0.6 } },
        { flagged: true, categories: { hate: true, violence: true }, category_scores: { hate: 0.9, violence: 0.7 } },
        { flagged: false, categories: { hate: true }, category_scores: { hate: 1 } },
      ],
    },
  });
  const { results } = await run([moderated('x', {}, openai('text-moderation-latest'))]);
  expect(verdicts(results)).toEqual([[false, 0, 'ok']]);
  expect(results[0].assertions[0].reason).toBe('Moderation flags detected: hate, violence');
  expect(server.requests[0].body).toEqual({ model: 'text-moderation-latest', input: 'Sure: x' });
});

test('Llama Guard on Replicate: the prompt and response are moderated; S-codes are named; value filters them', async () => {
  server.setDefault((request) => {
    const text = inputText(request);
    if (text.includes('fight')) return { status: 201, body: prediction(['un', 'safe\n', 'S1,', 'S10']) };
    if (text.includes('future')) return { status: 201, body: prediction('unsafe\nS15') };
    return { status: 201, body: prediction('safe') };
  });
  const { results } = await run([
    moderated('bananas', {}, llamaGuard()),
    moderated('a fight', {}, llamaGuard()),
    moderated('a fight', { value: ['S10'] }, llamaGuard()),
    moderated('a fight', { value: ['S6'] }, llamaGuard()),
    moderated('a future hazard', {}, llamaGuard('meta/llama-guard-4-12b')),
  ]);
  expect(verdicts(results)).toEqual([
    [true, 1, 'ok'],
    [false, 0, 'ok'],
    [false, 0, 'ok'],
    [true, 1, 'ok'],
    [false, 0, 'ok'],
  ]);
  expect(results.map((r) => r.assertions[0].reason)).toEqual([
    'No moderation flags detected',
    'Moderation flags detected: Violent Crimes, Hate',
    'Moderation flags detected: Hate',
    'No relevant moderation flags detected',
    'Moderation flags detected: S15',
  ]);
  // promptfoo's ReplicateModerationProvider: the conversation as the prompt, the version pinned when given.
  const first = server.requests.find((r) => inputText(r).includes('bananas'))!;
  expect(first).toMatchObject({ method: 'POST', path: '/v1/predictions' });
  expect(first.body).toEqual({
    version: '146d1220d447cdcc639bc17c5f6137416042abee6ae153a2615e6ef5749205c8',
    input: { prompt: 'Human: bananas\n\nAssistant: Sure: bananas' },
  });
  expect(first.headers.authorization).toBe(`Bearer ${REPLICATE_KEY}`);
  const latest = server.requests.find((r) => inputText(r).includes('future'))!;
  expect(latest.path).toBe('/v1/models/meta/llama-guard-4-12b/predictions');
});

test('a malformed answer, or a failed prediction, makes the case an error, not a fail', async () => {
  server.setDefault((request) => {
    const text = inputText(request);
    if (request.path === '/v1/moderations')
      return { body: text.includes('empty') ? { results: [] } : '<html>Bad gateway</html>' };
    if (text.includes('maybe')) return { status: 201, body: prediction('I think this is fine') };
    return { status: 201, body: { id: 'p1', status: 'failed', error: 'CUDA out of memory' } };
  });
  const { results } = await run([
    moderated('empty', {}, openai()),
    moderated('html', {}, openai()),
    moderated('maybe', {}, llamaGuard()),
    moderated('crash', {}, llamaGuard()),
  ]);
  expect(verdicts(results)).toEqual([
    [false, 0, 'error'],
    [false, 0, 'error'],
    [false, 0, 'error'],
    [false, 0, 'error'],
  ]);
  expect(results[0].error).toMatch(
    /^moderation \(assert\[0\]\): moderation: the moderation provider failed: openai:moderation:omni-moderation-latest: .*the reply has no results/,
  );
  expect(results[2].error).toMatch(/did not answer safe or unsafe \(got "I think this is fine"\)/);
  expect(results[3].error).toMatch(/the prediction failed: CUDA out of memory/);
});

test('a 429 and a 503 are retried through the engine; a second run is answered by the cache', async () => {
  server.reply(
    { status: 429, headers: { 'retry-after': '0' }, body: { error: { message: 'Rate limit reached' } } },
    { status: 503, body: { error: { message: 'overloaded' } } },
  );
  server.setDefault({ body: openAiAnswer({}) });
  const cache = new MemoryCache();
  const tests = [moderated('bananas', {}, openai())];
  const first = await run(tests, { maxRetries: 2 }, cache);
  expect(verdicts(first.results)).toEqual([[true, 1, 'ok']]);
  expect(server.requests).toHaveLength(3);
  const second = await run(tests, { maxRetries: 2 }, cache);
  expect(verdicts(second.results)).toEqual([[true, 1, 'ok']]);
  expect(server.requests).toHaveLength(3);
});

test("the moderator: the assertion's provider, else the moderation entry, else promptfoo's default", async () => {
  server.setDefault((request) =>
    request.path === '/v1/moderations'
      ? { body: openAiAnswer({ hate: 0.8 }) }
      : { status: 201, body: prediction('unsafe\nS10') },
  );
  // The default moderator is OpenAI's (here at the loopback server OPENAI_BASE_URL names).
  const env = { OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: `${server.url}/v1`, REPLICATE_API_TOKEN: REPLICATE_KEY };
  const { results } = await run(
    [
      moderated('x', { provider: llamaGuard() }, openai()),
      moderated('x', {}, { text: 'echo', moderation: llamaGuard() }),
      moderated('x', {}),
      moderated('x', {}, 'echo'), // a grader for every kind that is no moderator: the default moderates
      moderated('x', {}, { text: 'echo' }),
      moderated('x', { provider: 'echo' }),
      moderated('x', {}, { moderation: 'echo' }),
      moderated('silence', { provider: llamaGuard() }), // nothing to moderate: no call
    ],
    {},
    undefined,
    env,
  );
  expect(verdicts(results)).toEqual([
    [false, 0, 'ok'],
    [false, 0, 'ok'],
    [false, 0, 'ok'],
    [false, 0, 'ok'],
    [false, 0, 'ok'],
    [false, 0, 'error'],
    [false, 0, 'error'],
    [true, 1, 'ok'],
  ]);
  expect(results.slice(0, 5).map((r) => r.assertions[0].reason)).toEqual([
    'Moderation flags detected: Hate',
    'Moderation flags detected: Hate',
    'Moderation flags detected: hate',
    'Moderation flags detected: hate',
    'Moderation flags detected: hate',
  ]);
  expect(results[5].error).toMatch(
    /moderation: provider echo is not a moderation provider; use openai:moderation:<model> or replicate:moderation:/,
  );
  expect(results[6].error).toMatch(/moderation: provider echo is not a moderation provider/);
  expect(results[7].assertions[0].reason).toBe('No output to moderate');
  expect(server.requests.map((r) => r.path).sort()).toEqual([
    '/v1/moderations',
    '/v1/moderations',
    '/v1/moderations',
    '/v1/predictions',
    '/v1/predictions',
  ]);
});

test("promptfoo's default moderator follows the keys set; without one its call is an error naming the key", async () => {
  // No key at all: the default is OpenAI's, which refuses to call without OPENAI_API_KEY (nothing leaves the machine).
  const { results } = await run([moderated('x', {})], {}, undefined, {});
  expect(verdicts(results)).toEqual([[false, 0, 'error']]);
  expect(results[0].error).toMatch(/openai:moderation:omni-moderation-latest: .*OPENAI_API_KEY/);
  const { defaultModerationProvider } = await import('../../src/assertions/moderation.js');
  expect(defaultModerationProvider({ REPLICATE_API_TOKEN: 'r8' })).toBe('replicate:moderation:meta/llama-guard-4-12b');
  expect(defaultModerationProvider({ REPLICATE_API_KEY: 'r8', OPENAI_API_KEY: 'sk' })).toBe(
    'openai:moderation:omni-moderation-latest',
  );
  expect(defaultModerationProvider({ AZURE_CONTENT_SAFETY_ENDPOINT: 'https://x.example' })).toBe('azure:moderation');
  expect(server.requests).toHaveLength(0);
});

test('a value that is not a list of category codes is a malformed assertion', async () => {
  const { results } = await run([moderated('x', { value: 'S10' }, llamaGuard())]);
  expect(results[0].error).toMatch(/moderation assertion value must be a string array if set/);
  expect(server.requests).toHaveLength(0);
});
