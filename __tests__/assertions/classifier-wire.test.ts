// classifier and not-classifier end to end: the model under test is echo (its output is the prompt), the
// grader is a Hugging Face classifier (text or token classification) on a loopback server speaking the
// Inference API's wire format, called through the engine (retries, cache) as every grader is. A classifier
// that fails or answers out of format makes the case an error, never a fail.
import { runSuite } from '../../src/engine/run.js';
import { resolveProviders } from '../../src/providers/index.js';
import type { AssertionSpec, ProviderSpec, Suite, TestCase } from '../../src/types.js';
import { makeSuite, render } from '../engine/support.js';
import { MemoryCache } from '../support/memory-cache.js';
import { startVendorServer, type VendorServer } from '../support/vendor-server.js';

let server: VendorServer;
beforeEach(async () => {
  server = await startVendorServer();
});
afterEach(() => server.close());

const env = { HF_TOKEN: 'hf_test_token_42' };
const hateSpeech = () => ({
  id: 'huggingface:text-classification:facebook/roberta-hate-speech-dynabench-r4-target',
  config: { apiEndpoint: `${server.url}/models/roberta` },
});
const pii = () => ({
  id: 'huggingface:token-classification:bigcode/starpii',
  config: { apiEndpoint: `${server.url}/models/starpii`, wait_for_model: true },
});

const classified = (text: string, assertion: Omit<AssertionSpec, 'type'> & { type?: string }, grader?: unknown) =>
  ({
    vars: { text },
    assert: [{ type: 'classifier', ...assertion }],
    options: grader === undefined ? {} : { provider: grader },
  }) as TestCase;

function run(tests: TestCase[], options: Partial<Suite['evaluateOptions']> = {}, cache?: MemoryCache) {
  const suite = makeSuite(
    { prompts: [{ id: 'p', label: 'p', raw: '{{text}}' }], tests },
    { maxConcurrency: 1, maxRetries: 0, timeoutMs: 10_000, ...options },
  );
  return runSuite(suite, {
    providers: [{ id: 'echo', cacheIdentity: 'echo', callApi: async (prompt) => ({ output: prompt }) }],
    render,
    env,
    cache,
    resolveProviders: (specs: ProviderSpec[]) => resolveProviders(specs, { rootDir: '/repo/evals', env }),
    sleep: async () => {},
  });
}

const verdicts = (results: Awaited<ReturnType<typeof run>>['results']) =>
  results.map((r) => [r.pass, Number(r.score.toFixed(4)), r.error === undefined ? 'ok' : 'error']);

test('text classification: the named label scores the case, the top label when none is named; not- flips it', async () => {
  server.setDefault({
    body: [
      [
        { label: 'nothate', score: 0.8 },
        { label: 'hate', score: 0.2 },
      ],
    ],
  });
  const { results } = await run([
    classified('bananas are nice', { value: 'nothate', threshold: 0.5 }, hateSpeech()),
    classified('bananas are nice', { value: 'hate', threshold: 0.5 }, hateSpeech()),
    classified('bananas are nice', { value: 'nothate' }, hateSpeech()), // promptfoo's default threshold is 1
    classified('bananas are nice', { threshold: 0.75 }, hateSpeech()), // no value: the top label's score
    classified('bananas are nice', { value: 'sarcasm', threshold: 0 }, hateSpeech()), // an absent label scores 0
    classified('bananas are nice', { type: 'not-classifier', value: 'hate', threshold: 0.5 }, hateSpeech()),
    classified('bananas are nice', { type: 'not-classifier', value: 'nothate', threshold: 0.5 }, hateSpeech()),
  ]);
  expect(verdicts(results)).toEqual([
    [true, 0.8, 'ok'],
    [false, 0.2, 'ok'],
    [false, 0.8, 'ok'],
    [true, 0.8, 'ok'],
    [true, 0, 'ok'],
    [true, 0.8, 'ok'],
    [false, 0.2, 'ok'],
  ]);
  expect(results[1].assertions[0].reason).toBe('Classification hate has score 0.20 < 0.5');
  expect(results[3].assertions[0].reason).toBe('Maximum classification score 0.80 >= 0.75');
  // promptfoo's request: the output as `inputs`, no parameters, the HF_TOKEN as a bearer, at the apiEndpoint.
  const [request] = server.requests;
  expect(request).toMatchObject({ method: 'POST', path: '/models/roberta' });
  expect(request.body).toEqual({ inputs: 'bananas are nice', parameters: {} });
  expect(request.headers.authorization).toBe('Bearer hf_test_token_42');
  expect(request.headers['content-type']).toMatch(/^application\/json/);
});

test('token classification: each entity group keeps its highest score; no entity at all passes not-classifier', async () => {
  server.setDefault(({ body }) =>
    String(body?.inputs).includes('Ada')
      ? {
          body: [
            { entity_group: 'NAME', score: 0.6, word: 'Ada', start: 8, end: 11 },
            { entity_group: 'NAME', score: 0.95, word: 'Lovelace', start: 12, end: 20 },
            { entity_group: 'EMAIL', score: 0.7, word: 'ada@example.com', start: 30, end: 45 },
          ],
        }
      : { body: [] },
  );
  const { results } = await run([
    classified('I am Dr. Ada Lovelace, mail ada@example.com', { type: 'not-classifier', threshold: 0.75 }, pii()),
    classified('I am a scientist', { type: 'not-classifier', threshold: 0.75 }, pii()),
    classified('I am Dr. Ada Lovelace, mail ada@example.com', { value: 'EMAIL', threshold: 0.7 }, pii()),
  ]);
  expect(verdicts(results)).toEqual([
    [false, 0.05, 'ok'],
    [true, 1, 'ok'],
    [true, 0.7, 'ok'],
  ]);
  // promptfoo's token-classification body: simple aggregation, the cache and wait_for_model options.
  expect(server.requests[1].body).toEqual({
    inputs: 'I am a scientist',
    parameters: { aggregation_strategy: 'simple' },
    options: { use_cache: true, wait_for_model: true },
  });
});

test('a malformed answer, or an error in the body, makes the case an error, not a fail', async () => {
  const replies: Record<string, unknown> = {
    a: '<html>Bad gateway</html>',
    b: [[{ label: 'nothate' }]],
    c: { error: 'Model facebook/roberta is currently loading', estimated_time: 20 },
    d: [{ word: 'Ada', score: 0.9 }],
  };
  server.setDefault(({ body }) => ({ body: replies[String(body?.inputs)] }));
  const { results } = await run([
    classified('a', { value: 'nothate', threshold: 0.5 }, hateSpeech()),
    classified('b', { value: 'nothate', threshold: 0.5 }, hateSpeech()),
    classified('c', { value: 'nothate', threshold: 0.5 }, hateSpeech()),
    classified('d', { type: 'not-classifier', threshold: 0.75 }, pii()),
  ]);
  expect(results.map((r) => [r.pass, r.error === undefined ? 'ok' : 'error'])).toEqual([
    [false, 'error'],
    [false, 'error'],
    [false, 'error'],
    [false, 'error'],
  ]);
  expect(results[1].error).toMatch(
    /^classifier \(assert\[0\]\): classifier: the classification provider failed: huggingface:text-classification:\S+: .*\{label, score\}/,
  );
  expect(results[2].error).toMatch(/Hugging Face answered an error: "Model facebook\/roberta is currently loading"/);
  expect(results[3].error).toMatch(/\{entity_group, score\}/);
});

test('a 503 (model loading) is retried through the engine; a second run is answered by the cache', async () => {
  server.reply({ status: 503, body: { error: 'Model is currently loading', estimated_time: 20 } });
  server.setDefault({ body: [[{ label: 'nothate', score: 0.9 }]] });
  const cache = new MemoryCache();
  const tests = [classified('bananas', { value: 'nothate', threshold: 0.5 }, hateSpeech())];
  const first = await run(tests, { maxRetries: 1 }, cache);
  expect(verdicts(first.results)).toEqual([[true, 0.9, 'ok']]);
  expect(server.requests).toHaveLength(2);
  const second = await run(tests, { maxRetries: 1 }, cache);
  expect(verdicts(second.results)).toEqual([[true, 0.9, 'ok']]);
  expect(server.requests).toHaveLength(2);
});

test('the grader is the assertion provider, else the per-kind classification entry; none, or a text model, is an error', async () => {
  server.setDefault({ body: [[{ label: 'nothate', score: 0.9 }]] });
  const { results } = await run([
    classified('x', { value: 'nothate', threshold: 0.5, provider: hateSpeech() }, 'echo'),
    classified('x', { value: 'nothate', threshold: 0.5 }, { text: 'echo', classification: hateSpeech() }),
    classified('x', { value: 'nothate', threshold: 0.5 }),
    classified('x', { value: 'nothate', threshold: 0.5 }, { text: 'echo' }),
    classified('x', { value: 'nothate', threshold: 0.5 }, 'echo'),
  ]);
  expect(verdicts(results)).toEqual([
    [true, 0.9, 'ok'],
    [true, 0.9, 'ok'],
    [false, 0, 'error'],
    [false, 0, 'error'],
    [false, 0, 'error'],
  ]);
  expect(results[2].error).toMatch(
    /classifier: no classification provider: set the test's options.provider .* to huggingface:text-classification:<model>/,
  );
  expect(results[3].error).toMatch(/no classification provider/);
  expect(results[4].error).toMatch(
    /classifier: provider echo did not answer with a classification \(label → score; got "x"\)/,
  );
});

test('a value that is not a string is a malformed assertion', async () => {
  const { results } = await run([classified('x', { value: ['hate'] }, hateSpeech())]);
  expect(results[0].error).toMatch(/"classifier" assertion type must have a string value or be undefined/);
  expect(server.requests).toHaveLength(0);
});
