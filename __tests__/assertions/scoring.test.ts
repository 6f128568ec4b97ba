import { scoreTest } from '../../src/assertions/index.js';
import type { AssertionSpec } from '../../src/types.js';
import { context } from './context.js';

const hello: AssertionSpec = { type: 'contains', value: 'hello' };
const moon: AssertionSpec = { type: 'contains', value: 'moon' };

// How assertion results combine (promptfoo's AssertionsResult): [assertions, test threshold, pass, score].
const cases: Array<[string, AssertionSpec[], number | undefined, boolean, number]> = [
  ['no assertions pass with score 1', [], undefined, true, 1],
  ['all passing', [hello, { type: 'icontains', value: 'WORLD' }], undefined, true, 1],
  ['one failure fails the test', [hello, moon], undefined, false, 0.5],
  [
    'weights make a weighted mean',
    [
      { ...hello, weight: 3 },
      { ...moon, weight: 1 },
      { type: 'javascript', value: '0.5', weight: 2 },
    ],
    undefined,
    false,
    (3 * 1 + 1 * 0 + 2 * 0.5) / 6,
  ],
  ['a weight 0 failure neither fails nor counts', [hello, { ...moon, weight: 0 }], undefined, true, 1],
  ['only weight 0 assertions: pass, score 0', [{ ...moon, weight: 0 }], undefined, true, 0],
  ['a reached test threshold passes despite a failure', [hello, moon], 0.5, true, 0.5],
  ['a missed test threshold fails', [hello, moon], 0.51, false, 0.5],
  // promptfoo 0.123.1 reads the threshold with `typeof threshold === 'number'`: 0 is a threshold every score reaches.
  ['a test threshold of 0 passes any score', [hello, moon], 0, true, 0.5],
  [
    'a threshold judges fractional scores',
    [
      { type: 'javascript', value: '0.3' },
      { type: 'javascript', value: '0.9' },
    ],
    0.6,
    true,
    0.6,
  ],
];

describe('scoreTest', () => {
  test.each(cases)('%s', async (_name, assert, threshold, pass, score) => {
    const result = await scoreTest(context('hello world', { assert, threshold }));
    expect(result.pass).toBe(pass);
    expect(result.score).toBeCloseTo(score, 12);
  });

  test('the reason is the last failure, or the threshold comparison', async () => {
    const failing = await scoreTest(context('hello world', { assert: [moon, { type: 'contains', value: 'sun' }] }));
    expect(failing.reason).toBe('Expected output to contain "sun"');
    const thresholded = await scoreTest(context('hello world', { assert: [hello, moon], threshold: 0.7 }));
    expect(thresholded.reason).toBe('Aggregate score 0.50 < 0.7 threshold');
  });

  test('metrics are rendered with the vars and averaged by weight', async () => {
    const result = await scoreTest(
      context('hello world', {
        vars: { topic: 'greeting' },
        assert: [
          { ...hello, metric: '{{ topic }}', weight: 3 },
          { ...moon, metric: 'greeting' },
          { type: 'javascript', value: '0.5', metric: 'other' },
        ],
      }),
    );
    expect(result.namedScores).toEqual({ greeting: 0.75, other: 0.5 });
    expect(result.assertions.map((a) => a.metric)).toEqual(['greeting', 'greeting', 'other']);
  });

  test('per-assertion results are reported in written order', async () => {
    const result = await scoreTest(
      context('hello world', { assert: [hello, { type: 'not-contains', value: 'world' }] }),
    );
    expect(result.assertions).toEqual([
      { type: 'contains', pass: true, score: 1, reason: 'Assertion passed' },
      { type: 'not-contains', pass: false, score: 0, reason: 'Expected output to not contain "world"' },
    ]);
  });
});

describe('latency and cost', () => {
  test.each([
    [{ type: 'latency', threshold: 100 }, { latencyMs: 100 }, true],
    [{ type: 'latency', threshold: 99 }, { latencyMs: 100 }, false],
    [{ type: 'not-latency', threshold: 99 }, { latencyMs: 100 }, true],
    [{ type: 'cost', threshold: 0.01 }, { cost: 0.002 }, true],
    [{ type: 'cost', threshold: 0.001 }, { cost: 0.002 }, false],
    [{ type: 'not-cost', threshold: 0.001 }, { cost: 0.002 }, true],
  ] as Array<[AssertionSpec, { latencyMs?: number; cost?: number }, boolean]>)(
    '%j with %j → pass %s',
    async (assertion, measured, pass) => {
      const result = await scoreTest(context('x', { assert: [assertion] }, measured));
      expect(result.error).toBeUndefined();
      expect(result.pass).toBe(pass);
    },
  );

  test.each([
    [{ type: 'latency', threshold: 100 }, { cached: true }, /does not support cached results/],
    [{ type: 'latency' }, {}, /assert\[0\]\.threshold: latency: .*must have a threshold/],
    [{ type: 'cost', threshold: 1 }, {}, /providers that do not return cost/],
  ] as Array<[AssertionSpec, { cached?: boolean }, RegExp]>)(
    '%j with %j cannot be judged: an error',
    async (assertion, extra, message) => {
      const result = await scoreTest(context('x', { assert: [assertion] }, extra));
      expect(result.error).toMatch(message);
    },
  );
});
