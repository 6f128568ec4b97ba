// The results file one shard job writes and the merge job reads. Self-describing: besides its results it
// says which plan they belong to (case count and a hash of every case identity, in plan order), so the
// merge can prove the shards ran the same suites and that together they hold every case exactly once.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { sha256Hex } from '../engine/stable-json.js';
import { messageOf, UserError } from '../errors.js';
import type { CaseResult, EvalResults } from '../types.js';
import { MAX_SHARDS, shardOf, type Shard } from './shard.js';

export type Side = 'base' | 'head';

/** The full plan of one side of one config: every shard of a run computes the same. */
export interface PlanFingerprint {
  cases: number;
  /** sha256 of the JSON array of every case identity, in plan order. */
  hash: string;
}

/** One side of one config, as far as this shard ran it. */
export interface ShardSide {
  /** Repository-relative config path; one of ShardFile.configs. */
  config: string;
  side: Side;
  /** EvalResults.suite, to rebuild the merged results. */
  suite: string;
  plan: PlanFingerprint;
  /** Plan positions of the cases this shard ran, ascending; aligned with caseIds and results. */
  caseIndexes: number[];
  caseIds: string[];
  results: CaseResult[];
}

export interface ShardFile {
  version: 1;
  kind: 'promptgate-shard';
  shard: Shard;
  /** Commit SHAs of the compared revisions. */
  base: string;
  head: string;
  /** Every config of the run, with sha256 of its text at the head. */
  configs: Array<{ path: string; hash: string }>;
  sides: ShardSide[];
}

/** A shard file and where it came from, for error messages. */
export interface SourcedShardFile {
  source: string;
  data: ShardFile;
}

/** A shard file cannot be read or is not one. */
export class ShardFileError extends UserError {
  override name = 'ShardFileError';
}

export function fingerprintPlan(identities: readonly string[]): PlanFingerprint {
  return { cases: identities.length, hash: sha256Hex(JSON.stringify(identities)) };
}

export function configHash(text: string): string {
  return sha256Hex(text);
}

/**
 * One side as this shard ran it. `identities` is the side's full plan (planIdentities), `results` what the
 * engine returned for this shard's cases only, in plan order.
 */
export function buildShardSide(input: {
  config: string;
  side: Side;
  shard: Shard;
  identities: readonly string[];
  results: EvalResults;
}): ShardSide {
  const caseIndexes: number[] = [];
  input.identities.forEach((id, index) => {
    if (shardOf(id, input.shard.total) === input.shard.index) caseIndexes.push(index);
  });
  if (caseIndexes.length !== input.results.results.length) {
    throw new Error(
      `${input.config} (${input.side}): shard ${input.shard.index}/${input.shard.total} holds ${caseIndexes.length} cases of the plan but the run returned ${input.results.results.length} results; was the engine given the shard's case filter?`,
    );
  }
  return {
    config: input.config,
    side: input.side,
    suite: input.results.suite,
    plan: fingerprintPlan(input.identities),
    caseIndexes,
    caseIds: caseIndexes.map((i) => input.identities[i]),
    results: input.results.results,
  };
}

// A result is checked for every field of CaseResult that the merge, the comparison and the report read.
const caseResultSchema = z.looseObject({
  testIdx: z.number().int().nonnegative(),
  promptIdx: z.number().int().nonnegative(),
  promptId: z.string(),
  provider: z.string(),
  repeat: z.number().int().nonnegative(),
  description: z.string().optional(),
  vars: z.record(z.string(), z.unknown()),
  output: z.unknown(),
  pass: z.boolean(),
  score: z.number(),
  error: z.string().optional(),
  assertions: z.array(
    z.looseObject({
      type: z.string(),
      pass: z.boolean(),
      score: z.number(),
      reason: z.string(),
      metric: z.string().optional(),
    }),
  ),
  latencyMs: z.number(),
  tokens: z.object({ prompt: z.number(), completion: z.number(), total: z.number() }),
  cost: z.number(),
  cached: z.boolean(),
  prompt: z.string().optional(),
});

const shardFileSchema = z.object({
  version: z.literal(1),
  kind: z.literal('promptgate-shard'),
  shard: z
    .object({ index: z.number().int().min(1), total: z.number().int().min(1).max(MAX_SHARDS) })
    .refine((s) => s.index <= s.total, { message: 'shard index must not exceed the total' }),
  base: z.string(),
  head: z.string(),
  configs: z.array(z.object({ path: z.string(), hash: z.string() })),
  sides: z.array(
    z.object({
      config: z.string(),
      side: z.enum(['base', 'head']),
      suite: z.string(),
      plan: z.object({ cases: z.number().int().nonnegative(), hash: z.string() }),
      caseIndexes: z.array(z.number().int().nonnegative()),
      caseIds: z.array(z.string()),
      results: z.array(caseResultSchema),
    }),
  ),
});

export async function writeShardFile(file: string, data: ShardFile): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(data) + '\n');
}

/** The default name of shard i of n, as the merge job looks for it. */
export function shardFileName(shard: Shard): string {
  return `promptgate-shard-${shard.index}-of-${shard.total}.json`;
}

/**
 * A shard run's file, as the action and `compare --shard` both write it: the sides it ran, with the hash of
 * each config (read from `repoDir`) so the merge can tell that every shard reviewed the same suites.
 */
export async function writeReviewShard(
  file: string,
  run: {
    shard: Shard;
    base: string;
    head: string;
    repoDir: string;
    configPaths: readonly string[];
    sides: ShardSide[];
  },
): Promise<void> {
  const configs = await Promise.all(
    run.configPaths.map(async (p) => ({
      path: p,
      hash: configHash(await readFile(path.join(run.repoDir, p), 'utf8')),
    })),
  );
  await writeShardFile(file, {
    version: 1,
    kind: 'promptgate-shard',
    shard: run.shard,
    base: run.base,
    head: run.head,
    configs,
    sides: run.sides,
  });
}

export async function readShardFile(file: string): Promise<SourcedShardFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ShardFileError(`${file}: cannot read the shard file: ${messageOf(error)}`);
  }
  return { source: file, data: parseShardFile(text, file) };
}

export function parseShardFile(text: string, source: string): ShardFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ShardFileError(`${source}: not JSON (${messageOf(error)}); expected a file written by \`--shard i/n\``);
  }
  if ((json as { kind?: unknown } | null)?.kind !== 'promptgate-shard') {
    throw new ShardFileError(`${source}: not a promptgate shard file (its "kind" must be "promptgate-shard")`);
  }
  const parsed = shardFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ShardFileError(`${source}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data as ShardFile;
}
