import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { summarizeStats } from '../../src/engine/stats.js';
import { mergeShards, ShardMergeError } from '../../src/shard/merge.js';
import {
  buildShardSide,
  configHash,
  readShardFile,
  ShardFileError,
  writeShardFile,
  type ShardFile,
  type ShardSide,
  type SourcedShardFile,
} from '../../src/shard/shard-file.js';
import { planIdentities, shardOf, type Shard } from '../../src/shard/shard.js';
import type { CaseResult, EvalResults, TestCase } from '../../src/types.js';

// One config, 6 tests × 2 prompts × 1 provider, split over 3 matrix jobs.
const tests: TestCase[] = Array.from({ length: 6 }, (_, n) => ({
  description: `t${n}`,
  vars: { n },
  assert: [],
  options: {},
}));
const suite = {
  tests,
  prompts: [{ id: 'file://a.txt' }, { id: 'file://b.txt' }],
  providers: [{ id: 'echo' }],
  repeat: 1,
};
const identities = planIdentities(suite);
const CONFIG = 'promptgate.yaml';
const TOTAL = 3;

const evalResults = (results: CaseResult[]): EvalResults => ({
  version: 1,
  suite: 'support bot',
  stats: summarizeStats(results),
  results,
});

/** What an unsharded run returns for one side: the head passes every case, the base fails the even tests. */
function unshardedRun(side: 'base' | 'head'): CaseResult[] {
  return identities.map((_, index) => {
    const testIdx = Math.floor(index / 2);
    const pass = side === 'head' || testIdx % 2 === 1;
    return {
      testIdx,
      promptIdx: index % 2,
      promptId: suite.prompts[index % 2].id,
      provider: 'echo',
      repeat: 0,
      vars: { n: testIdx },
      output: `${side} #${index}`,
      pass,
      score: pass ? 1 : 0,
      assertions: [],
      latencyMs: 1,
      tokens: { prompt: 1, completion: 1, total: 2 },
      cost: 0,
      cached: false,
    };
  });
}

/** What shard `index`'s job writes when the engine runs only that shard's cases. */
function shardFile(index: number, change: (data: ShardFile) => void = () => {}): SourcedShardFile {
  const shard: Shard = { index, total: TOTAL };
  const sides = (['base', 'head'] as const).map((side) => {
    const all = unshardedRun(side);
    const ran = all.filter((_, i) => shardOf(identities[i], TOTAL) === index);
    return buildShardSide({ config: CONFIG, side, shard, identities, results: evalResults(ran) });
  });
  const data: ShardFile = {
    version: 1,
    kind: 'promptgate-shard',
    shard,
    base: 'b'.repeat(40),
    head: 'h'.repeat(40),
    configs: [{ path: CONFIG, hash: configHash('prompts: []\n') }],
    sides,
  };
  change(data);
  return { source: `shard-${index}.json`, data };
}

const sideOf = (data: ShardFile, side: 'base' | 'head'): ShardSide => data.sides.find((s) => s.side === side)!;
const goodSet = () => [shardFile(1), shardFile(2), shardFile(3)];

function problemsOf(files: SourcedShardFile[]): string[] {
  try {
    mergeShards(files);
  } catch (error) {
    if (error instanceof ShardMergeError) return error.problems;
    throw error;
  }
  throw new Error('expected the merge to refuse these shard files');
}

describe('mergeShards: good shard sets', () => {
  it('the fixture really is sharded: every shard holds some cases', () => {
    for (const file of goodSet()) expect(sideOf(file.data, 'head').results.length).toBeGreaterThan(0);
  });

  it.each([
    ['in order', goodSet()],
    ['in any order', goodSet().reverse()],
  ])('gives back what an unsharded run returns (%s), with stats recomputed', (_name, files) => {
    const merged = mergeShards(files);
    expect(merged.base).toBe('b'.repeat(40));
    expect(merged.head).toBe('h'.repeat(40));
    expect(merged.configs).toHaveLength(1);
    const [config] = merged.configs;
    expect(config!.config).toBe(CONFIG);
    expect(config!.head).toEqual(evalResults(unshardedRun('head')));
    expect(config!.base).toEqual(evalResults(unshardedRun('base')));
    expect(config!.base!.stats).toEqual({ cases: 12, passed: 6, failed: 6, errors: 0, passRate: 0.5 });
  });

  it('merges a single shard 1/1', () => {
    const only = shardFile(1, (d) => {
      d.shard = { index: 1, total: 1 };
      for (const side of ['base', 'head'] as const) {
        const i = d.sides.findIndex((s) => s.side === side);
        d.sides[i] = buildShardSide({
          config: CONFIG,
          side,
          shard: d.shard,
          identities,
          results: evalResults(unshardedRun(side)),
        });
      }
    });
    expect(mergeShards([only]).configs[0].head!.results).toHaveLength(12);
  });

  it('leaves out a side no shard ran (every prompt new: no base side)', () => {
    const files = goodSet().map((f) => ({
      ...f,
      data: { ...f.data, sides: f.data.sides.filter((s) => s.side === 'head') },
    }));
    const [config] = mergeShards(files).configs;
    expect(config!.base).toBeUndefined();
    expect(config!.head!.stats.cases).toBe(12);
  });
});

describe('mergeShards: broken shard sets, each refused with the file and the case', () => {
  const drop = (files: SourcedShardFile[], index: number) => files.filter((f) => f.data.shard.index !== index);
  it.each<[string, () => SourcedShardFile[], RegExp]>([
    ['no files at all', () => [], /no shard files were given/],
    ['a shard missing', () => drop(goodSet(), 2), /^shard 2\/3 is missing: no file for it was given$/],
    [
      'a shard given twice',
      () => [...goodSet(), { ...shardFile(3), source: 'copy.json' }],
      /^shard 3\/3 was given more than once: shard-3.json, copy.json$/,
    ],
    [
      'a shard from another head',
      () => [shardFile(1), shardFile(2), shardFile(3, (d) => (d.head = 'x'.repeat(40)))],
      /^shard-3.json: was run on head x{40}, but shard-1.json has h{40}: they are shards of different runs$/,
    ],
    [
      'a shard from another base',
      () => [shardFile(1), shardFile(2, (d) => (d.base = 'y'.repeat(40))), shardFile(3)],
      /^shard-2.json: was run on base y{40}/,
    ],
    [
      'a different number of shards',
      () => [shardFile(1), shardFile(2), shardFile(3, (d) => (d.shard = { index: 3, total: 4 }))],
      /^shard-3.json: splits the run into 4 shards, but shard-1.json has 3/,
    ],
    [
      'a config edited between jobs',
      () => [
        shardFile(1),
        shardFile(2, (d) => (d.configs = [{ path: CONFIG, hash: configHash('edited') }])),
        shardFile(3),
      ],
      /^shard-2.json: evaluated the configs \[promptgate.yaml@[0-9a-f]{64}\], but shard-1.json has/,
    ],
    [
      'a plan that differs (tests changed between jobs)',
      () => [
        shardFile(1),
        shardFile(2),
        shardFile(3, (d) => (sideOf(d, 'head').plan = { cases: 13, hash: 'f'.repeat(64) })),
      ],
      /^shard-3.json: promptgate.yaml \(head\) planned 13 cases \(plan ffffffffffff\), but shard-1.json planned 12/,
    ],
    [
      'a case dropped from a shard',
      () => {
        const files = goodSet();
        const head = sideOf(files[1].data, 'head');
        const index = head.caseIndexes.shift()!;
        head.caseIds.shift();
        head.results.shift();
        expect(index).toBeGreaterThanOrEqual(0);
        return files;
      },
      /^promptgate.yaml \(head\): no shard file has a result for case #\d+ of 12$/,
    ],
    [
      'a case duplicated into another shard',
      () => {
        const files = goodSet();
        const from = sideOf(files[0].data, 'head');
        const into = sideOf(files[1].data, 'head');
        into.caseIndexes.push(from.caseIndexes[0]);
        into.caseIds.push(from.caseIds[0]);
        into.results.push(from.results[0]);
        return files;
      },
      /^shard-2.json: promptgate.yaml \(head\) case \(test [0-9a-f]{16}, prompt file:\/\/a.txt, provider echo, repeat 0\) belongs to shard 1\/3, not 2\/3$/,
    ],
    [
      'a case listed twice in one shard',
      () => {
        const files = goodSet();
        const head = sideOf(files[0].data, 'head');
        head.caseIndexes.push(head.caseIndexes[0]);
        head.caseIds.push(head.caseIds[0]);
        head.results.push(head.results[0]);
        return files;
      },
      /^shard-1.json: promptgate.yaml \(head\) repeats #0 \(test [0-9a-f]{16}, prompt file:\/\/a.txt, provider echo, repeat 0\) \(also in shard-1.json\)$/,
    ],
    [
      'a case at a position outside the plan',
      () => {
        const files = goodSet();
        sideOf(files[0].data, 'base').caseIndexes[0] = 99;
        return files;
      },
      /^shard-1.json: promptgate.yaml \(base\) case .* is at position 99, outside the plan of 12 cases$/,
    ],
    [
      'results not aligned with their case ids',
      () => {
        const files = goodSet();
        sideOf(files[2].data, 'head').results.pop();
        return files;
      },
      /^shard-3.json: promptgate.yaml \(head\) lists \d+ case positions, \d+ case ids and \d+ results; they must be aligned$/,
    ],
    [
      'one shard without the base side the others have',
      () => [shardFile(1), shardFile(2, (d) => (d.sides = d.sides.filter((s) => s.side === 'head'))), shardFile(3)],
      /^shard-2.json: has no base side for promptgate.yaml, but shard-1.json has one$/,
    ],
    [
      'results for a config the run does not list',
      () => [
        shardFile(1, (d) => d.sides.push({ ...sideOf(d, 'head'), config: 'other.yaml' })),
        shardFile(2),
        shardFile(3),
      ],
      /^shard-1.json: has results for other.yaml, which is not one of the run's configs$/,
    ],
  ])('%s', (_name, files, expected) => {
    const problems = problemsOf(files());
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });

  it('lists every problem at once, one line each, in the error message', () => {
    const files = [shardFile(1, (d) => (d.head = 'x'.repeat(40)))];
    expect(() => mergeShards(files)).toThrow(
      /cannot be merged:\n {2}- shard 2\/3 is missing.*\n {2}- shard 3\/3 is missing/,
    );
  });
});

describe('shard files on disk', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'promptgate-shard-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips through writeShardFile and readShardFile, and merges from disk', async () => {
    const written = goodSet();
    for (const f of written) await writeShardFile(path.join(dir, 'out', f.source), f.data);
    const read = await Promise.all(written.map((f) => readShardFile(path.join(dir, 'out', f.source))));
    expect(read.map((r) => r.data)).toEqual(written.map((f) => f.data));
    expect(read[0].source).toBe(path.join(dir, 'out', 'shard-1.json'));
    expect(mergeShards(read).configs[0].head).toEqual(evalResults(unshardedRun('head')));
  });

  it.each([
    ['a missing file', null, /cannot read the shard file/],
    ['not JSON', '{', /not JSON .*written by `--shard i\/n`/],
    [
      'another kind of JSON (a results file)',
      JSON.stringify({ version: 1, results: [] }),
      /not a promptgate shard file/,
    ],
    [
      'a shard index past the total',
      JSON.stringify({ ...shardFile(1).data, shard: { index: 4, total: 3 } }),
      /shard: shard index must not exceed the total/,
    ],
    [
      'a result without its pass flag',
      JSON.stringify({
        ...shardFile(1).data,
        sides: [{ ...sideOf(shardFile(1).data, 'head'), results: [{ testIdx: 0 }] }],
      }),
      /sides\.0\.results\.0\.promptIdx/,
    ],
  ])('refuses %s, naming the file', async (_name, text, message) => {
    const file = path.join(dir, 'shard.json');
    if (text !== null) await writeFile(file, text);
    const reading = readShardFile(file);
    await expect(reading).rejects.toThrow(ShardFileError);
    await expect(readShardFile(file)).rejects.toThrow(message);
    await expect(readShardFile(file)).rejects.toThrow(file);
  });
});

describe('buildShardSide', () => {
  it('refuses results that are not exactly the shard cases (the engine was not filtered)', () => {
    expect(() =>
      buildShardSide({
        config: CONFIG,
        side: 'head',
        shard: { index: 1, total: 3 },
        identities,
        results: evalResults(unshardedRun('head')),
      }),
    ).toThrow(
      /shard 1\/3 holds \d+ cases of the plan but the run returned 12 results; was the engine given the shard's case filter\?/,
    );
  });
});
