// The RAG checks (context-recall, context-relevance, context-faithfulness, answer-relevance) and `similar`, end
// to end: the suite's provider is echo; the grader is openai:chat and the embedder openai:embedding against one
// loopback server speaking OpenAI's /v1/chat/completions and /v1/embeddings wire formats. The grader reads its
// prompt as a model would; an embedding is looked up by its text. A grader's failure is an error, never a fail.
import { startVendorServer, type VendorRequest, type VendorServer } from '../support/vendor-server.js';
import { makeSuite } from '../engine/support.js';
import { evaluateSuite } from '../../src/evaluate.js';
import type { Suite, TestCase } from '../../src/types.js';

const VECTORS: Record<string, number[]> = {
  'What is the capital of France?': [1, 0, 0],
  'Which city is the French capital?': [0.8, 0.6, 0],
  'The capital of France is Paris': [1, 0, 0],
  'Paris is the capital': [0.6, 0.8, 0],
};

function chatAnswer(prompt: string): string {
  if (prompt.includes('classification:') && prompt.includes('answer:nothing')) return 'I cannot classify this.';
  if (prompt.includes('classification:')) {
    // A preamble, then one attributed and one unattributed sentence: recall 0.5.
    return 'Let me think.\n1. Paris is the capital of France. So [Attributed]\n2. Paris has 90 million people. So [Not Attributed]';
  }
  if (prompt.includes('candidate sentences:')) {
    if (prompt.includes('query: weather')) return 'Insufficient Information';
    return prompt.includes('query: invent') ? 'Lyon is the capital of France.' : 'Paris is the capital of France.';
  }
  if (prompt.includes('create one or more statements')) return 'Paris is the capital.\nParis is in Spain.';
  if (prompt.includes('Natural language inference')) {
    return 'Paris is the capital. Verdict: Yes.\nParis is in Spain. Verdict: No.\nFinal verdict for each statement in order: Yes. No.';
  }
  if (prompt.includes('Generate question for the given answer')) {
    return prompt.includes('Lyon') ? 'FAIL' : 'Which city is the French capital?';
  }
  return 'unexpected prompt';
}

function reply(request: VendorRequest) {
  if (request.path === '/v1/embeddings') {
    const vector = VECTORS[request.body.input as string];
    // An embeddings reply without a vector: the embedder failed.
    return { body: { object: 'list', data: vector ? [{ embedding: vector }] : [], usage: { prompt_tokens: 1 } } };
  }
  const prompt = (request.body.messages as Array<{ content: string }>).map((m) => m.content).join('\n');
  const content = chatAnswer(prompt);
  if (content === 'FAIL') return { status: 400, body: { error: { message: 'grader refused' } } };
  return {
    body: {
      id: 'c',
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    },
  };
}

let server: VendorServer;
beforeAll(async () => {
  server = await startVendorServer(reply);
});
afterAll(() => server.close());

function suiteOf(tests: TestCase[]): Suite {
  const config = { apiBaseUrl: `${server.url}/v1`, apiKey: 'sk-test' };
  const provider = {
    text: { id: 'openai:chat:grader-model', config },
    embedding: { id: 'openai:embedding:embedder', config },
  };
  return makeSuite(
    {
      configPath: '/tmp/rag/promptfooconfig.yaml',
      rootDir: '/tmp/rag',
      prompts: [{ id: 'p', label: 'p', raw: '{{ text }}' }],
      providers: [{ id: 'echo', config: {} }],
      tests: tests.map((t) => ({ ...t, options: { ...t.options, provider: provider as never } })),
    },
    { maxConcurrency: 2, timeoutMs: 10_000, maxRetries: 0 },
  );
}

const CONTEXT = 'Paris is the capital of France.';
const check = (vars: Record<string, unknown>, assertion: TestCase['assert'][number]): TestCase => ({
  vars: { text: 'The capital of France is Paris', ...vars },
  assert: [assertion],
  options: {},
});

test.each([
  ['context-recall at its threshold', check({ context: CONTEXT }, { type: 'context-recall', value: 'x' }), [true, 0.5]],
  [
    'not-context-recall: the verdict inverted, the score 1 - score',
    check({ context: CONTEXT }, { type: 'not-context-recall', value: 'x', threshold: 0.6 }),
    [true, 0.5],
  ],
  [
    'context-recall below it',
    check({ context: CONTEXT }, { type: 'context-recall', value: 'x', threshold: 0.6 }),
    [false, 0.5],
  ],
  [
    'context-relevance over a list of chunks',
    check(
      { query: 'capital', context: [CONTEXT, 'It rains.', 'Cats purr.'] },
      { type: 'context-relevance', threshold: 0.3 },
    ),
    [true, 1 / 3],
  ],
  [
    'context-relevance, insufficient information',
    check({ query: 'weather', context: CONTEXT }, { type: 'context-relevance', threshold: 0.1 }),
    [false, 0],
  ],
  [
    'context-faithfulness: one statement of two supported',
    check({ query: 'capital?', context: CONTEXT }, { type: 'context-faithfulness', threshold: 0.5 }),
    [true, 0.5],
  ],
  [
    'context-faithfulness with the context made by contextTransform',
    check({ query: 'capital?' }, { type: 'context-faithfulness', threshold: 0.6, contextTransform: 'output + "!"' }),
    [false, 0.5],
  ],
  [
    'answer-relevance: cosine of the query and three generated questions',
    check({ query: 'What is the capital of France?' }, { type: 'answer-relevance', threshold: 0.8 }),
    [true, 0.8],
  ],
  [
    'similar over the embeddings wire',
    check({}, { type: 'similar', value: 'Paris is the capital', threshold: 0.6 }),
    [true, 0.6],
  ],
  [
    'not-similar over the embeddings wire',
    check({}, { type: 'not-similar', value: 'Paris is the capital' }),
    [true, 0.4],
  ],
])('%s', async (_name, test, [pass, score]) => {
  const { results } = await evaluateSuite(suiteOf([test]), { env: {} });
  expect(results[0]!.error).toBeUndefined();
  expect(results[0]!.pass).toBe(pass);
  expect(results[0]!.score).toBeCloseTo(score as number, 10);
});

test.each([
  [
    'a grader that fails',
    check({ text: 'Lyon', query: 'q' }, { type: 'answer-relevance' }),
    /answer-relevance grader .* failed: .*grader refused/,
  ],
  [
    'an embedder that answers no vector',
    check({ query: 'unknown question' }, { type: 'answer-relevance' }),
    /data\[0\]\.embedding/,
  ],
  [
    'no context',
    check({ query: 'q' }, { type: 'context-relevance' }),
    /Context is required for context-based assertions/,
  ],
  ['no query', check({ context: CONTEXT }, { type: 'context-faithfulness' }), /requires a "query" variable/],
  [
    'a recall answer with no classification',
    check({ context: CONTEXT }, { type: 'context-recall', value: 'nothing' }),
    /no \[Attributed\]\/\[Not Attributed\] classifications/,
  ],
  [
    'a relevance answer that does not quote the context',
    check({ query: 'invent', context: CONTEXT }, { type: 'context-relevance' }),
    /does not quote the context/,
  ],
])('%s is an error, not a fail', async (_name, test, message) => {
  const { results } = await evaluateSuite(suiteOf([test]), { env: {} });
  expect(results[0]!.error).toMatch(message);
});

test('every grading and embedding call went over the wire', () => {
  expect(server.requests.some((r) => r.path === '/v1/embeddings' && r.body.model === 'embedder')).toBe(true);
  expect(server.requests.some((r) => r.path === '/v1/chat/completions' && r.body.model === 'grader-model')).toBe(true);
});
