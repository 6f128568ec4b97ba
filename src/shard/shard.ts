// Splitting a suite's cases over the jobs of an Actions matrix. A case goes to the shard its identity
// hashes to, never to a position in a list: adding a test to the suite moves no case that was already
// there, and every job (and the base and head side of one job) agrees on the split without talking.
import { createHash } from 'node:crypto';
import { UsageError } from '../errors.js';
import { caseIdentity, planCases, testIdentities, type PlannedCase } from '../engine/plan.js';
import type { Prompt, TestCase } from '../types.js';

/** One job's part of the work: `index` of `total`, 1-based, as written in `--shard 2/4`. */
export interface Shard {
  index: number;
  total: number;
}

/** An Actions matrix wider than this is a mistake, not a plan (GitHub caps a matrix at 256 jobs). */
export const MAX_SHARDS = 256;

export function parseShard(spec: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(spec.trim());
  if (!match) {
    throw new UsageError(`shard must be written i/n, e.g. 2/4 for the second of four shards; got "${spec}"`);
  }
  const index = Number(match[1]);
  const total = Number(match[2]);
  if (total < 1 || total > MAX_SHARDS) {
    throw new UsageError(`shard "${spec}": the number of shards must be between 1 and ${MAX_SHARDS}, got ${total}`);
  }
  if (index < 1 || index > total) {
    throw new UsageError(`shard "${spec}": the shard number must be between 1 and ${total} (shards count from 1)`);
  }
  return { index, total };
}

/** The 1-based shard a case belongs to: the first 8 bytes of sha256(identity), modulo `total`. */
export function shardOf(caseIdentity: string, total: number): number {
  if (!Number.isInteger(total) || total < 1)
    throw new RangeError(`shard total must be a positive integer, got ${total}`);
  const digest = createHash('sha256').update(caseIdentity).digest();
  // 64 bits keep the modulo bias below 2^-50 for any total up to 256.
  return Number(digest.readBigUInt64BE(0) % BigInt(total)) + 1;
}

/** What a case's identity is made of; the prompts are the head's even on the base side (see below). */
export interface PlanIdentityInput {
  tests: ReadonlyArray<Pick<TestCase, 'description' | 'vars' | 'assert'>>;
  prompts: ReadonlyArray<Pick<Prompt, 'id'>>;
  /** Resolved providers or their specs: a case names its provider by `label`, else `id`, as results do. */
  providers: ReadonlyArray<{ id: string; label?: string }>;
  repeat: number;
}

/**
 * Every case's identity, in plan order (the order runSuite runs and returns them).
 *
 * For the base side of a review pass the head's prompts here (with the base's prompts only given to the
 * engine to run): the identity then names the head prompt a base prompt is the earlier version of, so
 * both halves of a pair land in the same shard and each shard holds complete pairs.
 */
export function planIdentities(input: PlanIdentityInput): string[] {
  const testIds = testIdentities(input.tests);
  const shape = {
    tests: input.tests.length,
    prompts: input.prompts.length,
    providers: input.providers.length,
    repeat: Math.max(1, input.repeat),
  };
  const identities: string[] = [];
  for (const planned of planCases(shape)) {
    const provider = input.providers[planned.providerIdx];
    identities.push(
      caseIdentity({
        prompt: input.prompts[planned.promptIdx],
        providerId: provider.label ?? provider.id,
        testIdentity: testIds[planned.testIdx],
        repeat: planned.repeat,
      }),
    );
  }
  return identities;
}

/**
 * The case filter a sharded run gives the engine (proposed `RunDeps.include`): keeps the cases of `shard`.
 * `identities` is planIdentities(...) of the same suite and prompts the engine runs.
 */
export function shardCaseFilter(identities: readonly string[], shard: Shard): (planned: PlannedCase) => boolean {
  return (planned) => {
    const identity = identities[planned.index];
    if (identity === undefined)
      throw new RangeError(`case #${planned.index} is outside the plan of ${identities.length} cases`);
    return shardOf(identity, shard.total) === shard.index;
  };
}
