// Puts the shard files of one run back together into each config's base and head results, as an unsharded
// run would have returned them. Pure: it refuses (naming the file and the case) any set of files that is
// not exactly one run's shards, because a silently missing case would change the pass rate it reports.
import { UserError } from '../errors.js';
import { summarizeStats } from '../engine/stats.js';
import type { CaseResult, EvalResults } from '../types.js';
import { shardOf } from './shard.js';
import type { ShardSide, Side, SourcedShardFile } from './shard-file.js';

export interface MergedConfig {
  config: string;
  /** Absent when no shard ran the base side (e.g. every prompt is new). */
  base?: EvalResults;
  /** Absent when no shard ran the suite (e.g. nothing it reads changed). */
  head?: EvalResults;
}

export interface MergedSides {
  base: string;
  head: string;
  /** In the order of the shard files' `configs`. */
  configs: MergedConfig[];
}

/** The shard files do not make up one whole run. `problems` has one line per thing wrong. */
export class ShardMergeError extends UserError {
  override name = 'ShardMergeError';
  constructor(readonly problems: string[]) {
    super(`the shard files cannot be merged:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** More than this many missing or duplicated cases are summarised, not listed. */
const LISTED_CASES = 10;

export function mergeShards(files: readonly SourcedShardFile[]): MergedSides {
  const first = files[0];
  if (!first) throw new ShardMergeError(['no shard files were given']);
  const problems = [...runMismatches(first, files), ...shardCoverage(first.data.shard.total, files)];
  // Cases are only worth checking once the files are known to be one run's.
  if (problems.length > 0) throw new ShardMergeError(problems);

  const configs: MergedConfig[] = [];
  for (const { path: config } of first.data.configs) {
    const merged: MergedConfig = { config };
    for (const side of ['base', 'head'] as const) {
      const parts = sidePartsOf(files, config, side, problems);
      if (parts) {
        const results = mergeSide(parts, first.data.shard.total, config, side, problems);
        if (results) merged[side] = results;
      }
    }
    configs.push(merged);
  }
  for (const file of files) {
    for (const s of file.data.sides) {
      if (!first.data.configs.some((c) => c.path === s.config)) {
        problems.push(`${file.source}: has results for ${s.config}, which is not one of the run's configs`);
      }
    }
  }
  if (problems.length > 0) throw new ShardMergeError(problems);
  return { base: first.data.base, head: first.data.head, configs };
}

/** Every file must come from the same run: same revisions, same configs, same number of shards. */
function runMismatches(first: SourcedShardFile, files: readonly SourcedShardFile[]): string[] {
  const problems: string[] = [];
  const ref = first.data;
  const configsOf = (f: SourcedShardFile) => f.data.configs.map((c) => `${c.path}@${c.hash}`).join(', ');
  for (const file of files.slice(1)) {
    const d = file.data;
    const differs = (what: string, theirs: string, ours: string) =>
      problems.push(
        `${file.source}: ${what} ${theirs}, but ${first.source} has ${ours}: they are shards of different runs`,
      );
    if (d.base !== ref.base) differs('was run on base', d.base, ref.base);
    if (d.head !== ref.head) differs('was run on head', d.head, ref.head);
    if (d.shard.total !== ref.shard.total)
      differs('splits the run into', `${d.shard.total} shards`, `${ref.shard.total}`);
    if (configsOf(file) !== configsOf(first))
      differs('evaluated the configs', `[${configsOf(file)}]`, `[${configsOf(first)}]`);
  }
  return problems;
}

/** Each shard 1..n exactly once. */
function shardCoverage(total: number, files: readonly SourcedShardFile[]): string[] {
  const problems: string[] = [];
  const byIndex = new Map<number, string[]>();
  for (const file of files)
    byIndex.set(file.data.shard.index, [...(byIndex.get(file.data.shard.index) ?? []), file.source]);
  for (let index = 1; index <= total; index++) {
    const sources = byIndex.get(index) ?? [];
    if (sources.length === 0) problems.push(`shard ${index}/${total} is missing: no file for it was given`);
    if (sources.length > 1) problems.push(`shard ${index}/${total} was given more than once: ${sources.join(', ')}`);
  }
  return problems;
}

interface SidePart {
  source: string;
  shardIndex: number;
  side: ShardSide;
}

/** One config side's part from every file; undefined when no file ran that side. */
function sidePartsOf(
  files: readonly SourcedShardFile[],
  config: string,
  side: Side,
  problems: string[],
): SidePart[] | undefined {
  const parts: SidePart[] = [];
  const without: string[] = [];
  for (const file of files) {
    const found = file.data.sides.filter((s) => s.config === config && s.side === side);
    if (found.length > 1) problems.push(`${file.source}: has the ${side} side of ${config} ${found.length} times`);
    if (found[0]) parts.push({ source: file.source, shardIndex: file.data.shard.index, side: found[0] });
    else without.push(file.source);
  }
  if (parts.length === 0) return undefined;
  if (without.length > 0) {
    problems.push(
      `${without.join(', ')}: ha${without.length === 1 ? 's' : 've'} no ${side} side for ${config}, but ${parts[0].source} has one`,
    );
    return undefined;
  }
  return parts;
}

function mergeSide(
  parts: SidePart[],
  total: number,
  config: string,
  side: Side,
  problems: string[],
): EvalResults | undefined {
  const label = `${config} (${side})`;
  const plan = parts[0].side.plan;
  const before = problems.length;
  for (const part of parts.slice(1)) {
    const p = part.side.plan;
    if (p.cases !== plan.cases || p.hash !== plan.hash) {
      problems.push(
        `${part.source}: ${label} planned ${p.cases} cases (plan ${p.hash.slice(0, 12)}), but ${parts[0].source} planned ${plan.cases} (plan ${plan.hash.slice(0, 12)}): the shards ran different suites`,
      );
    }
  }
  if (problems.length > before) return undefined;

  const slots = new Array<{ result: CaseResult; source: string; id: string } | undefined>(plan.cases);
  for (const { source, shardIndex, side: s } of parts) {
    if (s.caseIndexes.length !== s.caseIds.length || s.caseIds.length !== s.results.length) {
      problems.push(
        `${source}: ${label} lists ${s.caseIndexes.length} case positions, ${s.caseIds.length} case ids and ${s.results.length} results; they must be aligned`,
      );
      continue;
    }
    const duplicates: string[] = [];
    s.caseIndexes.forEach((index, i) => {
      const id = describeCase(s.caseIds[i]);
      if (!Number.isInteger(index) || index >= plan.cases) {
        problems.push(
          `${source}: ${label} case ${id} is at position ${index}, outside the plan of ${plan.cases} cases`,
        );
      } else if (shardOf(s.caseIds[i], total) !== shardIndex) {
        problems.push(
          `${source}: ${label} case ${id} belongs to shard ${shardOf(s.caseIds[i], total)}/${total}, not ${shardIndex}/${total}`,
        );
      } else if (slots[index]) {
        duplicates.push(`#${index} ${id} (also in ${slots[index].source})`);
      } else {
        slots[index] = { result: s.results[i], source, id };
      }
    });
    if (duplicates.length > 0) problems.push(`${source}: ${label} repeats ${listed(duplicates)}`);
  }
  const missing: string[] = [];
  for (let index = 0; index < plan.cases; index++) if (!slots[index]) missing.push(`#${index}`);
  if (missing.length > 0) {
    problems.push(
      `${label}: no shard file has a result for case${missing.length === 1 ? '' : 's'} ${listed(missing)} of ${plan.cases}`,
    );
  }
  if (problems.length > before) return undefined;

  const results = slots.map((slot) => slot!.result);
  return { version: 1, suite: parts[0].side.suite, stats: summarizeStats(results), results };
}

/** A case identity (plan.ts caseIdentity: [prompt, provider, test, repeat]) as a reader would name it. */
function describeCase(identity: string): string {
  try {
    const [prompt, provider, test, repeat] = JSON.parse(identity) as [string, string, string, number];
    return `(test ${test}, prompt ${prompt}, provider ${provider}, repeat ${repeat})`;
  } catch {
    return identity;
  }
}

function listed(items: string[]): string {
  if (items.length <= LISTED_CASES) return items.join(', ');
  return `${items.slice(0, LISTED_CASES).join(', ')} and ${items.length - LISTED_CASES} more`;
}
