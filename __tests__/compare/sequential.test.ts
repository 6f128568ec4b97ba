import { casesToResample, decideLook, freshPairs, freshRepeatsForCritical } from '../../src/compare/sequential.js';
import { caseResults, row, type Row } from './fixtures.js';

const results = (rows: Row[]) => rows.flatMap(caseResults);

describe('casesToResample: the first samples select the flipped cases, either way', () => {
  const base = results([row(0, 'P'), row(1, 'P'), row(2, 'F'), row(3, 'F'), row(4, 'P'), row(5, 'E')]);
  const head = results([row(0, 'P'), row(1, 'F'), row(2, 'P'), row(3, 'F'), row(4, 'E'), row(5, 'F')]);

  it('picks cases whose majority outcome differs, with outcomes on both sides; marks the critical ones', () => {
    expect(casesToResample(base, head, new Set([2])).map((c) => [c.testIdx, c.critical])).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it('freshPairs tallies fresh repeats per selected case, errors excluded', () => {
    const cases = casesToResample(base, head, new Set());
    const fb = results([row(1, 'PPE'), row(2, 'FFF')]);
    const fh = results([row(1, 'FFF'), row(2, 'PPF')]);
    expect(freshPairs(cases, fb, fh)).toEqual([
      { basePassed: 2, baseOutcomes: 2, headPassed: 0, headOutcomes: 3 },
      { basePassed: 0, baseOutcomes: 3, headPassed: 2, headOutcomes: 3 },
    ]);
  });
});

describe('decideLook: reject at level / rounds, stop when the fresh repeats show no drop', () => {
  const collapse = { basePassed: 3, baseOutcomes: 3, headPassed: 0, headOutcomes: 3 };
  const same = { basePassed: 2, baseOutcomes: 3, headPassed: 2, headOutcomes: 3 };
  const dip = { basePassed: 3, baseOutcomes: 3, headPassed: 2, headOutcomes: 3 };
  it.each([
    ['three collapses (p = 1/8000)', [collapse, collapse, collapse], 1, { rounds: 1, perRound: 3 }, 'reject'],
    ['no drop at all', [same, same], 1, { rounds: 3, perRound: 1 }, 'futile'],
    ['a small dip, looks left', [dip, same], 1, { rounds: 3, perRound: 1 }, 'continue'],
    ['a small dip, budget spent', [dip, same], 3, { rounds: 3, perRound: 1 }, 'budget-spent'],
    // One collapse: p = 1/20 = 0.05, not below 0.05 / 1.
    ['one collapse is not enough at one look', [collapse, same], 1, { rounds: 1, perRound: 3 }, 'budget-spent'],
  ] as const)('%s → %s', (_name, pairs, round, options, decision) => {
    expect(decideLook(pairs, round, 0.05, options)).toBe(decision);
  });
});

describe('freshRepeatsForCritical', () => {
  it.each([
    [0.025, 1, 4], // 1/C(8,4) = 1/70 < 0.025
    [0.025, 10, 6], // 1/C(12,6) = 1/924 < 0.0025
  ])('level %f over %i critical cases → %i repeats per side', (level, cases, repeats) => {
    expect(freshRepeatsForCritical(level, cases)).toBe(repeats);
  });
});
