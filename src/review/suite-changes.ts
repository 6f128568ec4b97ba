// What the pull request changed in a suite itself (not its prompts): tests added, removed or with changed
// assertions, the gate, the providers. The verdict never uses the pull request's suite for a case the base's
// suite has (the base's tests are the yardstick); these facts let the reader see what the PR's suite would
// have judged differently. Pure: facts only, the report phrases them.
import { stableJson } from '../providers/secrets.js';
import type { AssertionSpec, GateConfig, Suite, TestCase } from '../types.js';

export type TestChangeStatus = 'added' | 'removed' | 'changed';

export interface TestChange {
  status: TestChangeStatus;
  /** The test's description, else its vars as JSON. */
  title: string;
  /** Assertions as written (without where they were written), on each side that has the test. */
  before?: unknown[];
  after?: unknown[];
  /**
   * The change makes the test easier to pass: an assertion removed, a threshold lowered, `critical` dropped, its
   * assertScoringFunction swapped.
   */
  loosened: boolean;
}

export interface SuiteChanges {
  /** Changed files the suite reads besides prompts (config, tests, vars, scripts), repository-relative. */
  files: string[];
  /** Whether the pull request's suite was evaluated on the head (trusted events only). */
  evaluated: boolean;
  /** Test-level differences; only known when the PR's suite could be loaded (trusted events). */
  tests: TestChange[];
  gate?: { before: GateConfig; after: GateConfig };
  providers?: { before: string[]; after: string[] };
}

/** How a test is recognised on both sides: what it is about (description, vars), not what it asserts. */
export function testKey(test: Pick<TestCase, 'description' | 'vars'>): string {
  return stableJson({ description: test.description ?? null, vars: test.vars });
}

function written(assertions: readonly AssertionSpec[]): unknown[] {
  return assertions.map((a) => Object.fromEntries(Object.entries(a).filter(([key]) => key !== 'location')));
}

function titleOf(test: TestCase): string {
  return test.description ?? JSON.stringify(test.vars);
}

/** The test keys of `tests` in order, with `#n` for the n-th repetition of a key. */
function keyed(tests: readonly TestCase[]): Map<string, TestCase> {
  const out = new Map<string, TestCase>();
  const seen = new Map<string, number>();
  for (const test of tests) {
    const key = testKey(test);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    out.set(n === 0 ? key : `${key}#${n}`, test);
  }
  return out;
}

/** The scoring function as written: the same file at another path (base and head trees) is the same reference. */
const scorerOf = (test: TestCase) => test.assertScoringFunction?.reference;

function loosenedBy(before: TestCase, after: TestCase): boolean {
  if (before.critical && !after.critical) return true;
  // A scoring function decides the verdict on its own: another one (or none) may pass anything.
  if (scorerOf(before) !== scorerOf(after)) return true;
  if ((after.threshold ?? 1) < (before.threshold ?? 1)) return true;
  const afterJson = new Set(written(after.assert).map(stableJson));
  const beforeAsserts = written(before.assert);
  if (beforeAsserts.some((a) => !afterJson.has(stableJson(a)))) {
    // An assertion of the base is gone or rewritten: loosened unless only assertions were added.
    return true;
  }
  return false;
}

/** The keys of the PR's tests that the base's suite does not have: new cases, judged by the gate alone. */
export function newTestIndexes(base: Suite, head: Suite): number[] {
  const baseKeys = new Set(keyed(base.tests).keys());
  return [...keyed(head.tests).keys()].flatMap((key, i) => (baseKeys.has(key) ? [] : [i]));
}

export function compareSuites(base: Suite, head: Suite): Omit<SuiteChanges, 'files' | 'evaluated'> {
  const before = keyed(base.tests);
  const after = keyed(head.tests);
  const tests: TestChange[] = [];
  for (const [key, test] of before) {
    const now = after.get(key);
    if (!now) {
      tests.push({ status: 'removed', title: titleOf(test), before: written(test.assert), loosened: true });
    } else if (
      stableJson(written(test.assert)) !== stableJson(written(now.assert)) ||
      test.threshold !== now.threshold ||
      Boolean(test.critical) !== Boolean(now.critical) ||
      scorerOf(test) !== scorerOf(now)
    ) {
      tests.push({
        status: 'changed',
        title: titleOf(now),
        before: written(test.assert),
        after: written(now.assert),
        loosened: loosenedBy(test, now),
      });
    }
  }
  for (const [key, test] of after) {
    if (!before.has(key))
      tests.push({ status: 'added', title: titleOf(test), after: written(test.assert), loosened: false });
  }
  const changes: Omit<SuiteChanges, 'files' | 'evaluated'> = { tests };
  if (stableJson(base.gate) !== stableJson(head.gate)) changes.gate = { before: base.gate, after: head.gate };
  const ids = (s: Suite) => s.providers.map((p) => p.label ?? p.id);
  if (stableJson(ids(base)) !== stableJson(ids(head))) changes.providers = { before: ids(base), after: ids(head) };
  return changes;
}
