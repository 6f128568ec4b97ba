// promptfoo's assert-set: its assertions are scored into one result (with the set's threshold), which counts in
// the test as one assertion with the set's weight and metric. The rows hold promptfoo's answers, worked out from
// its runAssertions and AssertionsResult (0.123.1) and, where it has them, its own tests (runAssertions.test.ts).
import { gradeMaxScore } from '../../src/assertions/select-best.js';
import { scoreTest } from '../../src/assertions/index.js';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server.js';
import { evaluateSuite, suiteSecrets } from '../../src/evaluate.js';
import { makeSuite } from '../engine/support.js';
import type { AssertionSpec, Provider } from '../../src/types.js';
import { context } from './context.js';

const hello: AssertionSpec = { type: 'contains', value: 'hello' };
const world: AssertionSpec = { type: 'contains', value: 'world' };
const moon: AssertionSpec = { type: 'contains', value: 'moon' };
const set = (assert: AssertionSpec[], extra: Partial<AssertionSpec> = {}): AssertionSpec => ({
  type: 'assert-set',
  assert,
  ...extra,
});

// [what, the test's assertions, the test's threshold, pass, score, reason] — the output is "hello world".
const CASES: Array<[string, AssertionSpec[], number | undefined, boolean, number, string]> = [
  ['a set whose assertions all pass passes', [set([hello, world])], undefined, true, 1, 'All assertions passed'],
  [
    'without a threshold every assertion of the set must pass',
    [set([hello, moon])],
    undefined,
    false,
    0.5,
    'Expected output to contain "moon"',
  ],
  [
    "a reached set threshold passes the set, and the test's reason is the test's own",
    [set([hello, moon], { threshold: 0.5 })],
    undefined,
    true,
    0.5,
    'All assertions passed',
  ],
  [
    'a missed set threshold fails with the comparison',
    [set([hello, moon], { threshold: 0.51 })],
    undefined,
    false,
    0.5,
    'Aggregate score 0.50 < 0.51 threshold',
  ],
  [
    "the set's threshold is over the weighted score of its assertions (promptfoo's test, passing)",
    [set([{ type: 'equals', value: 'Hello world', weight: 2 }, { ...hello }], { threshold: 0.25 })],
    undefined,
    true,
    1 / 3,
    'All assertions passed',
  ],
  [
    "the set's threshold is over the weighted score of its assertions (promptfoo's test, failing)",
    [set([{ type: 'equals', value: 'Hello world', weight: 2 }, { ...hello }], { threshold: 0.5 })],
    undefined,
    false,
    1 / 3,
    'Aggregate score 0.33 < 0.5 threshold',
  ],
  [
    "the set counts with its weight (promptfoo's test: 10 failing, 90 passing)",
    [{ type: 'equals', value: 'Nope', weight: 10 }, set([{ type: 'equals', value: 'hello world' }], { weight: 90 })],
    undefined,
    false,
    0.9,
    'Expected output "hello world" to equal "Nope"',
  ],
  [
    'not- forms inside a set are inverted as anywhere',
    [
      set([
        { type: 'not-contains', value: 'moon' },
        { type: 'not-contains', value: 'hello' },
      ]),
    ],
    undefined,
    false,
    0.5,
    'Expected output to not contain "hello"',
  ],
  [
    'a weight-0 assertion inside a set is informational there',
    [set([hello, { ...moon, weight: 0 }])],
    undefined,
    true,
    1,
    'All assertions passed',
  ],
  [
    'a failing set of weight 0 counts for nothing in the score but still fails the test, as in promptfoo',
    [hello, set([moon], { weight: 0 })],
    undefined,
    false,
    1,
    'Expected output to contain "moon"',
  ],
  [
    "a set threshold of 0 is one every score reaches (promptfoo 0.123.1's `typeof threshold === 'number'`)",
    [set([hello, moon], { threshold: 0 })],
    undefined,
    true,
    0.5,
    'All assertions passed',
  ],
  [
    "the test's threshold judges the set as one assertion",
    [set([hello, moon]), world],
    0.75,
    true,
    0.75,
    'Aggregate score 0.75 ≥ 0.75 threshold',
  ],
  [
    'sets and plain assertions mix in written order',
    [moon, set([hello, world]), set([moon, world], { threshold: 0.5 })],
    undefined,
    false,
    (0 + 1 + 0.5) / 3,
    'Expected output to contain "moon"',
  ],
];

test.each(CASES)('%s', async (_what, assert, threshold, pass, score, reason) => {
  const result = await scoreTest(context('hello world', { assert, ...(threshold !== undefined ? { threshold } : {}) }));
  expect(result.error).toBeUndefined();
  expect(result.pass).toBe(pass);
  expect(result.score).toBeCloseTo(score, 12);
  expect(result.reason).toBe(reason);
});

test("a set is one result holding its assertions' results", async () => {
  const result = await scoreTest(context('hello world', { assert: [world, set([hello, moon], { threshold: 0.5 })] }));
  expect(result.assertions.map((a) => a.type)).toEqual(['contains', 'assert-set']);
  expect(result.assertions[1]).toMatchObject({
    type: 'assert-set',
    pass: true,
    score: 0.5,
    reason: 'Aggregate score 0.50 ≥ 0.5 threshold',
  });
  expect(result.assertions[1].assertions?.map((a) => [a.type, a.pass])).toEqual([
    ['contains', true],
    ['contains', false],
  ]);
});

test("the set's metric names its score; its assertions' metrics count too (rendered with the vars)", async () => {
  const result = await scoreTest(
    context('hello world', {
      vars: { topic: 'greeting' },
      assert: [
        set([hello, { ...moon, metric: 'astronomy' }], { threshold: 0.5, metric: '{{ topic }}-quality' }),
        { ...world, metric: 'astronomy' },
      ],
    }),
  );
  expect(result.namedScores).toEqual({ 'greeting-quality': 0.5, astronomy: 0.5 });
  expect(result.assertions[0].metric).toBe('greeting-quality');
});

test("a metric inside a set weighs its own weight times the set's, as promptfoo 0.123.1 adds it", async () => {
  const result = await scoreTest(
    context('hello world', {
      // astronomy: moon (0) at 1 × 3 inside the set, world (1) at 1 outside: (0 × 3 + 1 × 1) / 4
      assert: [set([hello, { ...moon, metric: 'astronomy' }], { weight: 3 }), { ...world, metric: 'astronomy' }],
    }),
  );
  expect(result.namedScores).toEqual({ astronomy: 0.25 });
});

describe('an assertion of a set that cannot run makes the case an error, never a fail', () => {
  test('a malformed one is located at assert[i].assert[j]', async () => {
    const result = await scoreTest(
      context('hello world', { description: 'greets', assert: [world, set([hello, { type: 'contains' }])] }),
    );
    expect(result.pass).toBe(false);
    expect(result.error).toBe(
      'test "greets": assert[1].assert[1].value: contains: "contains" assertion type must have a string or number value',
    );
  });

  test('a grader that fails is an error naming the assertion in the set', async () => {
    const failing = async (): Promise<Provider> => {
      throw new Error('grader unreachable');
    };
    const result = await scoreTest(
      context(
        'hello world',
        { assert: [set([hello, { type: 'llm-rubric', value: 'is polite' }], { threshold: 0.5 })] },
        { gradingProvider: failing },
      ),
    );
    expect(result.error).toBe('llm-rubric (assert[0].assert[1]): llm-rubric: no grading provider: grader unreachable');
    expect(result.pass).toBe(false);
  });
});

test("max-score sees a set's assertions, not the set (promptfoo's set result names no assertion)", () => {
  const contains = { type: 'contains', pass: true, score: 1, reason: '' };
  const miss = { type: 'contains', pass: false, score: 0, reason: '' };
  const inSet = (inner: (typeof contains)[]) => ({
    type: 'assert-set',
    pass: true,
    score: 0.5,
    reason: '',
    assertions: inner,
  });
  // Weighted by type: the set's assertions are contains (weight 1 each); a set counted as one would tie.
  const verdicts = gradeMaxScore({ type: 'max-score', value: { weights: { 'assert-set': 100 } } }, [
    [inSet([contains, miss])],
    [inSet([contains, contains])],
  ]);
  expect(verdicts.map((v) => v.pass)).toEqual([false, true]);
});

describe('end to end, graded by a model on loopback', () => {
  let server: FakeModelServer;
  beforeAll(async () => {
    server = await startFakeModelServer({
      // A grader that answers for French text and says something no grader format allows for the rest.
      responder: ({ messages }) =>
        messages.some((m) => m.content.includes('Bonjour')) ? '{"pass": true, "score": 1, "reason": "French"}' : '??',
    });
  });
  afterAll(() => server.close());

  test("a set's grader verdict counts; a grader answer that cannot be read makes the case an error", async () => {
    const grader = {
      id: 'openai:chat:grader',
      config: { apiBaseUrl: `${server.url}/v1`, apiKey: 'sk-set-grader-key' },
    };
    const rubric = (extra: Partial<AssertionSpec> = {}): AssertionSpec[] => [
      set(
        [
          { type: 'llm-rubric', value: 'is French', provider: grader },
          { type: 'contains', value: 'monde' },
        ],
        extra,
      ),
    ];
    const suite = makeSuite(
      {
        prompts: [{ id: 'p', label: 'p', raw: '{{ text }}' }],
        tests: [
          { vars: { text: 'Bonjour le monde' }, assert: rubric(), options: {} },
          { vars: { text: 'Hello world' }, assert: rubric({ threshold: 0.5 }), options: {} },
        ],
      },
      { maxConcurrency: 1, timeoutMs: 10_000, maxRetries: 0 },
    );
    const { results } = await evaluateSuite(suite, { env: {} });
    expect(results.map((r) => [r.pass, r.error === undefined])).toEqual([
      [true, true],
      [false, false],
    ]);
    expect(results[1].error).toMatch(/^llm-rubric \(assert\[0\]\.assert\[0\]\): /);
    expect(server.requests).toHaveLength(2);
    // The grader named inside the set is one of the suite's: its key is among those scrubbed from what is written.
    expect(suiteSecrets(suite, { env: {} })).toContain('sk-set-grader-key');
  });
});
