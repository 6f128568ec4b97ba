// The engine with the real assertion registry (only the renderer stands in): checks the ScoreContext
// contract end to end, including how a cache hit meets a latency budget.
import { MemoryCache } from '../support/memory-cache.js';
import { runSuite } from '../../src/engine/run.js';
import { fakeProvider, makeSuite, makeTest, render } from './support.js';

test.each([
  ['contains', { type: 'contains', value: 'hi' }, true],
  ['not-contains', { type: 'not-contains', value: 'hi' }, false],
  ['icontains', { type: 'icontains', value: 'SAY HI' }, true],
])('%s is scored by the real registry', async (_name, assertion, expected) => {
  const tests = [makeTest({ word: 'hi' }, '', { assert: [assertion] })];
  const { results } = await runSuite(makeSuite({ tests }), { providers: [fakeProvider('echo')], render });
  expect(results[0]).toMatchObject({ pass: expected, output: 'Say hi' });
  expect(results[0].error).toBeUndefined();
});

test('a latency assertion cannot judge a cache hit (no call was timed): the case is an error, as in promptfoo', async () => {
  const cache = new MemoryCache();
  const tests = [makeTest({ word: 'hi' }, '', { assert: [{ type: 'latency', threshold: 1 }] })];
  const slow = fakeProvider('echo', undefined, () => 15);
  const first = await runSuite(makeSuite({ tests }), { providers: [slow], render, cache });
  const second = await runSuite(makeSuite({ tests }), { providers: [slow], render, cache });
  expect(first.results[0]).toMatchObject({ pass: false, cached: false });
  expect(second.results[0]).toMatchObject({ pass: false, cached: true, latencyMs: 0 });
  expect(second.results[0].error).toMatch(/cache/i);
  expect(second.stats).toMatchObject({ errors: 1, failed: 0 });
});
