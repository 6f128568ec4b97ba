// The comparison pass: after every case has run, each test with a select-best or max-score assertion has its
// outputs (one per prompt × provider, per repeat) graded together, as promptfoo's evaluator does, and each
// verdict merged into its case (assertions/select-best.ts). A comparison that cannot run — fewer than two
// outputs, some of the test's cases left out of this run (a shard, a filter), a grader that fails — makes the
// test's cases errors, never a pass or a fail the user did not ask for. Cases that errored stay errors.
import { describeFailure } from '../assertions/index.js';
import {
  COMPARISON_TYPES,
  gradeMaxScore,
  gradeSelectBest,
  mergeComparison,
  type ComparisonType,
} from '../assertions/select-best.js';
import type { AssertionSpec, CaseResult, GradingResult, Provider, TestCase } from '../types.js';

export interface ComparisonInput {
  tests: readonly TestCase[];
  /** The run's results, in plan order; comparison verdicts are merged into them in place. */
  results: CaseResult[];
  /** How many cases of (test, repeat) the suite plans, before any shard or `include` filter. */
  plannedCases: (testIdx: number, repeat: number) => number;
  gradingProvider: (spec?: AssertionSpec['provider']) => Promise<Provider>;
}

/** True when a test has an assertion graded across its outputs. */
export function hasComparison(test: TestCase): boolean {
  return test.assert.some((a) => (COMPARISON_TYPES as readonly string[]).includes(a.type));
}

/** Grades every comparison assertion; returns the positions of the results it changed. */
export async function compareOutputs(input: ComparisonInput): Promise<number[]> {
  const groups = new Map<string, number[]>();
  input.results.forEach((result, position) => {
    if (!hasComparison(input.tests[result.testIdx])) return;
    const key = `${result.testIdx}:${result.repeat}`;
    groups.set(key, [...(groups.get(key) ?? []), position]);
  });
  const changed: number[] = [];
  for (const positions of groups.values()) {
    const first = input.results[positions[0]];
    const test = input.tests[first.testIdx];
    // promptfoo grades select-best for every test first, then max-score: max-score ignores select-best's verdict.
    for (const type of COMPARISON_TYPES) {
      const index = test.assert.findIndex((a) => a.type === type);
      if (index === -1) continue;
      await compareGroup(input, positions, test, test.assert[index], index, type);
    }
    changed.push(...positions);
  }
  return changed;
}

async function compareGroup(
  input: ComparisonInput,
  positions: number[],
  test: TestCase,
  assertion: AssertionSpec,
  index: number,
  type: ComparisonType,
): Promise<void> {
  const cases = positions.map((p) => input.results[p]);
  let verdicts: GradingResult[];
  try {
    const planned = input.plannedCases(cases[0].testIdx, cases[0].repeat);
    if (cases.length < planned) {
      throw new Error(
        `${type} compares all ${planned} outputs of this test, but only ${cases.length} ran here (a shard or a filter left the others out); run the test's cases together`,
      );
    }
    // promptfoo compares an errored case's output as "".
    verdicts =
      type === 'select-best'
        ? await gradeSelectBest(
            assertion,
            test,
            cases.map((c) => (c.error === undefined ? c.output : '')),
            input.gradingProvider,
          )
        : gradeMaxScore(
            assertion,
            cases.map((c) => c.assertions),
          );
  } catch (err) {
    const error = describeFailure(err, assertion, `assert[${index}]`, test);
    positions.forEach((p) => {
      const result = input.results[p];
      if (result.error === undefined) input.results[p] = { ...result, pass: false, score: 0, error };
    });
    return;
  }
  positions.forEach((p, i) => {
    const result = input.results[p];
    if (result.error === undefined) input.results[p] = { ...result, ...mergeComparison(result, type, verdicts[i]) };
  });
}
