// A pull request that swaps a test's assertScoringFunction changed how that test is judged: the test is
// listed as changed and loosened (the function alone decides the verdict), whatever its assertions.
import { compareSuites } from '../../src/review/suite-changes.js';
import type { ScoringFunctionRef, Suite, TestCase } from '../../src/types.js';

const scorer = (reference: string, root: string): ScoringFunctionRef => ({
  reference,
  file: `${root}/${reference.slice('file://'.length)}`,
  language: 'javascript',
  location: { file: 'promptgate.yaml', line: 3, column: 26 },
  at: 'defaultTest.assertScoringFunction',
});
const greets = (assertScoringFunction?: ScoringFunctionRef): TestCase => ({
  description: 'greets',
  vars: {},
  assert: [{ type: 'contains', value: 'hi' }],
  options: {},
  ...(assertScoringFunction ? { assertScoringFunction } : {}),
});
const suite = (tests: TestCase[]) => ({ tests, gate: {}, providers: [] }) as unknown as Suite;

test.each([
  ['added', undefined, scorer('file://score.js', '/head')],
  ['removed', scorer('file://score.js', '/base'), undefined],
  ['swapped', scorer('file://score.js', '/base'), scorer('file://lenient.js', '/head')],
])('a scoring function %s: the test changed, loosened', (_what, before, after) => {
  const changes = compareSuites(suite([greets(before)]), suite([greets(after)]));
  expect(changes.tests).toEqual([expect.objectContaining({ status: 'changed', title: 'greets', loosened: true })]);
});

test('the same reference in the base and head trees is no change', () => {
  const changes = compareSuites(
    suite([greets(scorer('file://score.js', '/base'))]),
    suite([greets(scorer('file://score.js', '/head'))]),
  );
  expect(changes.tests).toEqual([]);
});
