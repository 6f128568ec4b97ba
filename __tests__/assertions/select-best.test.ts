// select-best and max-score grade a test's outputs together, once every case has run: the suite has two prompts
// over the echo provider, and select-best's grader is openai:chat against a loopback server speaking OpenAI's
// chat completions wire format, answering with the index it picks.
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server.js';
import { makeSuite } from '../engine/support.js';
import { evaluateSuite } from '../../src/evaluate.js';
import type { AssertionSpec, Suite, TestCase } from '../../src/types.js';

let server: FakeModelServer;
beforeAll(async () => {
  server = await startFakeModelServer({
    responder: ({ messages }) => {
      const asked = messages.map((m) => m.content).join('\n');
      if (!asked.includes('<Text index="1">')) return 'unexpected prompt';
      if (asked.includes('the longest')) return 'The best is 1.';
      if (asked.includes('the shortest')) return '0';
      return 'Index 7';
    },
  });
});
afterAll(() => server.close());

function suiteOf(tests: TestCase[], prompts = ['Short: {{ text }}', 'Long answer: {{ text }}']): Suite {
  const grader = { id: 'openai:chat:grader-model', config: { apiBaseUrl: `${server.url}/v1`, apiKey: 'sk-test' } };
  return makeSuite(
    {
      configPath: '/tmp/select/promptfooconfig.yaml',
      rootDir: '/tmp/select',
      prompts: prompts.map((raw, i) => ({ id: `p${i}`, label: `p${i}`, raw })),
      providers: [{ id: 'echo', config: {} }],
      tests: tests.map((t) => ({ ...t, options: { ...t.options, provider: grader } })),
    },
    { maxConcurrency: 2, timeoutMs: 10_000, maxRetries: 0 },
  );
}

const testOf = (assert: AssertionSpec[], extra: Partial<TestCase> = {}): TestCase => ({
  vars: { text: 'x' },
  assert,
  options: {},
  ...extra,
});

async function run(test: TestCase, prompts?: string[], include?: (c: { promptIdx: number }) => boolean) {
  const { results, stats } = await evaluateSuite(suiteOf([test], prompts), {
    env: {},
    ...(include ? { include } : {}),
  });
  return { results, stats };
}

const verdicts = (results: Awaited<ReturnType<typeof run>>['results']) =>
  results.map((r) => [r.pass, r.score, r.error === undefined ? r.assertions.at(-1)?.reason : `error: ${r.error}`]);

test('select-best: the chosen output passes, the others fail with score 0; the case keeps its own checks', async () => {
  const { results, stats } = await run(
    testOf([
      { type: 'contains', value: 'x' },
      { type: 'select-best', value: 'the longest' },
    ]),
  );
  expect(verdicts(results)).toEqual([
    [false, 0, 'Output not selected: the longest'],
    [true, 1, 'Output selected as the best: the longest'],
  ]);
  expect(results[1]!.assertions.map((a) => a.type)).toEqual(['contains', 'select-best']);
  expect(stats).toMatchObject({ passed: 1, failed: 1, errors: 0 });
  const asked = server.requests.at(-1)!.body!.messages[0].content as string;
  expect(asked).toContain('<Text index="0">\nShort: x\n</Text>');
});

test('select-best never rescues a case that failed its own checks', async () => {
  const { results } = await run(
    testOf([
      { type: 'contains', value: 'Long' },
      { type: 'select-best', value: 'the shortest' },
    ]),
  );
  expect(results.map((r) => [r.pass, r.score])).toEqual([
    [false, 0],
    [false, 0],
  ]);
  expect(results[0]!.assertions.at(-1)).toMatchObject({ type: 'select-best', pass: true });
});

test('max-score picks the output whose other assertions score highest', async () => {
  const assert: AssertionSpec[] = [
    { type: 'icontains', value: 'long' },
    { type: 'contains', value: 'x' },
    { type: 'max-score' },
  ];
  const { results } = await run(testOf(assert, { threshold: 0.4 }));
  expect(verdicts(results)).toEqual([
    [false, 0, 'Not selected (score: 0.500, max: 1.000)'],
    [true, 1, 'Selected as highest scoring output (score: 1.000)'],
  ]);
  const high = await run(
    testOf([...assert.slice(0, 2), { type: 'max-score', value: { threshold: 1.5 } }], { threshold: 0.4 }),
  );
  expect(verdicts(high.results)[1]).toEqual([false, 0, 'Not selected - score 1.000 below threshold 1.5']);
  const summed = await run(
    testOf([...assert.slice(0, 2), { type: 'max-score', value: { method: 'sum', weights: { contains: 3 } } }], {
      threshold: 0.4,
    }),
  );
  expect(summed.results[1]!.assertions.at(-1)!.reason).toBe('Selected as highest scoring output (score: 4.000)');
});

test.each([
  [
    'a grader index out of range',
    testOf([{ type: 'select-best', value: 'anything' }]),
    undefined,
    undefined,
    /Invalid select-best verdict: 7/,
  ],
  [
    'one output only',
    testOf([{ type: 'select-best', value: 'the longest' }]),
    ['only {{ text }}'],
    undefined,
    /at least two outputs to compare between \(this test ran with 1\)/,
  ],
  [
    'a shard that holds part of the test',
    testOf([{ type: 'select-best', value: 'the longest' }]),
    undefined,
    (c: { promptIdx: number }) => c.promptIdx === 0,
    /compares all 2 outputs of this test, but only 1 ran here/,
  ],
  [
    'max-score without other assertions',
    testOf([{ type: 'max-score' }]),
    undefined,
    undefined,
    /at least one other assertion/,
  ],
  [
    'not-select-best',
    testOf([{ type: 'not-select-best', value: 'the longest' }]),
    undefined,
    undefined,
    /has no not- form/,
  ],
])('%s makes the cases errors', async (_name, test, prompts, include, message) => {
  const { results } = await run(test, prompts, include);
  expect(results.length).toBeGreaterThan(0);
  for (const result of results) expect(result.error).toMatch(message);
});
