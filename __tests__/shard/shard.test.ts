import { UsageError } from '../../src/errors.js';
import { caseAt } from '../../src/engine/plan.js';
import { parseShard, planIdentities, shardCaseFilter, shardOf } from '../../src/shard/shard.js';
import type { TestCase } from '../../src/types.js';

describe('parseShard', () => {
  it.each([
    ['1/1', { index: 1, total: 1 }],
    ['2/4', { index: 2, total: 4 }],
    [' 4/4 ', { index: 4, total: 4 }],
    ['256/256', { index: 256, total: 256 }],
  ])('reads %j', (spec, expected) => {
    expect(parseShard(spec)).toEqual(expected);
  });

  it.each([
    ['', /written i\/n/],
    ['2', /written i\/n/],
    ['2 of 4', /written i\/n/],
    ['-1/4', /written i\/n/],
    ['1.5/4', /written i\/n/],
    ['0/4', /between 1 and 4 \(shards count from 1\)/],
    ['5/4', /between 1 and 4/],
    ['1/0', /number of shards must be between 1 and 256/],
    ['1/257', /number of shards must be between 1 and 256, got 257/],
  ])('refuses %j with a UsageError that says what is right', (spec, message) => {
    expect(() => parseShard(spec)).toThrow(UsageError);
    expect(() => parseShard(spec)).toThrow(message);
  });
});

describe('shardOf', () => {
  const identities = Array.from({ length: 10_000 }, (_, i) =>
    JSON.stringify([`file://p${i % 7}.txt`, 'echo', `${i}:abc`, 0]),
  );

  it('is deterministic and in 1..total', () => {
    for (const id of identities.slice(0, 100)) {
      const shard = shardOf(id, 5);
      expect(shard).toBe(shardOf(id, 5));
      expect(shard).toBeGreaterThanOrEqual(1);
      expect(shard).toBeLessThanOrEqual(5);
    }
  });

  it('balances 10,000 cases over 4 shards within ±3% of an even split', () => {
    const counts = [0, 0, 0, 0];
    for (const id of identities) counts[shardOf(id, 4) - 1]++;
    for (const count of counts) expect(Math.abs(count - 2500) / 2500).toBeLessThanOrEqual(0.03);
  });

  it('puts everything in shard 1 of 1', () => {
    expect(new Set(identities.map((id) => shardOf(id, 1)))).toEqual(new Set([1]));
  });

  it('refuses a total that is not a positive integer', () => {
    expect(() => shardOf('x', 0)).toThrow(RangeError);
    expect(() => shardOf('x', 2.5)).toThrow(RangeError);
  });
});

describe('planIdentities and shardCaseFilter', () => {
  const test = (n: number): TestCase => ({ description: `t${n}`, vars: { n }, assert: [], options: {} });
  const suite = {
    tests: [test(0), test(1), test(2)],
    prompts: [{ id: 'file://a.txt' }, { id: 'file://b.txt' }],
    providers: [{ id: 'echo' }, { id: 'openai:chat:x', label: 'cold' }],
    repeat: 2,
  };

  it('gives one distinct identity per case, in plan order', () => {
    const ids = planIdentities(suite);
    expect(ids).toHaveLength(3 * 2 * 2 * 2);
    expect(new Set(ids).size).toBe(ids.length);
    // Plan order: repeat fastest, then provider (named by label when it has one).
    const first = expect.stringMatching(/^[0-9a-f]{16}$/);
    expect(JSON.parse(ids[0])).toEqual(['file://a.txt', 'echo', first, 0]);
    expect(JSON.parse(ids[1])).toEqual(['file://a.txt', 'echo', first, 1]);
    expect(JSON.parse(ids[2])).toEqual(['file://a.txt', 'cold', first, 0]);
  });

  it('moves no existing case when a test is added to the suite', () => {
    const grown = { ...suite, tests: [...suite.tests, test(3), test(4)] };
    const before = new Map(planIdentities(suite).map((id) => [id, shardOf(id, 4)]));
    const after = new Map(planIdentities(grown).map((id) => [id, shardOf(id, 4)]));
    expect(after.size).toBe(before.size + 2 * 2 * 2 * 2);
    for (const [id, shard] of before) expect(after.get(id)).toBe(shard);
  });

  it('moves no existing case when a test is inserted in the middle, or written on another line', () => {
    const moved = suite.tests.map((t) => ({
      ...t,
      assert: t.assert.map((a) => ({ ...a, location: { file: '/elsewhere/promptgate.yaml', line: 99, column: 7 } })),
    }));
    const grown = { ...suite, tests: [moved[0], test(7), ...moved.slice(1)] };
    const before = new Map(planIdentities(suite).map((id) => [id, shardOf(id, 4)]));
    const after = new Map(planIdentities(grown).map((id) => [id, shardOf(id, 4)]));
    expect(after.size).toBe(before.size + 2 * 2 * 2);
    for (const [id, shard] of before) expect(after.get(id)).toBe(shard);
  });

  it('keeps two identical tests apart', () => {
    const twice = { ...suite, tests: [test(1), test(1)] };
    const ids = planIdentities(twice);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('filters planned cases to one shard; the shards together cover the plan once', () => {
    const ids = planIdentities(suite);
    const shape = { tests: 3, prompts: 2, providers: 2, repeat: 2 };
    const kept = [1, 2, 3].map((index) => {
      const include = shardCaseFilter(ids, { index, total: 3 });
      return ids
        .map((_, i) => caseAt(shape, i))
        .filter(include)
        .map((c) => c.index);
    });
    expect(kept.flat().sort((a, b) => a - b)).toEqual(ids.map((_, i) => i));
  });

  it('refuses a planned case outside the identities it was given (a plan mismatch is a bug)', () => {
    const include = shardCaseFilter(['only-one'], { index: 1, total: 2 });
    expect(() => include({ index: 5, testIdx: 0, promptIdx: 0, providerIdx: 0, repeat: 0 })).toThrow(
      /outside the plan/,
    );
  });
});
