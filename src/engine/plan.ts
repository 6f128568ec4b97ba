// The case plan: prompts × providers × tests × repeat, in one deterministic order so results, reports
// and shards line up between the base and head runs of a PR.
import type { Prompt, TestCase } from '../types.js';
import { sha256Hex, stableStringify } from './stable-json.js';

export interface PlanShape {
  tests: number;
  prompts: number;
  providers: number;
  repeat: number;
}

/** One case's coordinates; `index` is its position in plan order (and in the results list). */
export interface PlannedCase {
  index: number;
  testIdx: number;
  promptIdx: number;
  providerIdx: number;
  repeat: number;
}

export function countCases(shape: PlanShape): number {
  return shape.tests * shape.prompts * shape.providers * Math.max(0, shape.repeat);
}

/**
 * The case at plan position `index`. Order: testIdx, then promptIdx, then providerIdx, then repeat
 * (repeat varies fastest). Computed, not stored, so a 10,000-case plan costs no memory.
 */
export function caseAt(shape: PlanShape, index: number): PlannedCase {
  const repeat = index % shape.repeat;
  let rest = (index - repeat) / shape.repeat;
  const providerIdx = rest % shape.providers;
  rest = (rest - providerIdx) / shape.providers;
  const promptIdx = rest % shape.prompts;
  const testIdx = (rest - promptIdx) / shape.prompts;
  return { index, testIdx, promptIdx, providerIdx, repeat };
}

/** All cases in plan order, lazily. */
export function* planCases(shape: PlanShape): Generator<PlannedCase> {
  const total = countCases(shape);
  for (let index = 0; index < total; index++) yield caseAt(shape, index);
}

/** What a test checks, hashed; where it was written (file, line) is not part of it. */
function testContentHash(test: Pick<TestCase, 'description' | 'vars' | 'assert'>): string {
  // Own enumerable keys only: `location` (where it was written) is not part of what a test checks.
  const assert = test.assert.map((a) => Object.fromEntries(Object.entries(a).filter(([key]) => key !== 'location')));
  return sha256Hex(stableStringify({ description: test.description ?? null, vars: test.vars, assert })).slice(0, 16);
}

/**
 * Every test's identity without its position, so inserting a test anywhere moves no other test's cases
 * between shards: the content hash, and `#n` for the n-th repetition of an identical test.
 */
export function testIdentities(tests: ReadonlyArray<Pick<TestCase, 'description' | 'vars' | 'assert'>>): string[] {
  const seen = new Map<string, number>();
  return tests.map((test) => {
    const hash = testContentHash(test);
    const n = seen.get(hash) ?? 0;
    seen.set(hash, n + 1);
    return n === 0 ? hash : `${hash}#${n}`;
  });
}

/**
 * A case's identity string (sharding hashes it): prompt id, provider id, test identity, repeat.
 * JSON-encoded so no separator inside an id can make two different cases collide.
 */
export function caseIdentity(parts: {
  prompt: Pick<Prompt, 'id'> | string;
  providerId: string;
  testIdentity: string;
  repeat: number;
}): string {
  const promptId = typeof parts.prompt === 'string' ? parts.prompt : parts.prompt.id;
  return JSON.stringify([promptId, parts.providerId, parts.testIdentity, parts.repeat]);
}
