import {
  DEFAULT_DESIGN,
  freshPairs,
  freshPValue,
  freshRepeatsForCritical,
  headNoWorse,
  newlyFailingCritical,
  pairedCases,
  smallestFreshP,
  stageOneDecision,
  stageTwoRepeats,
  type FreshEvidence,
  type FreshStop,
} from '../../src/compare/sequential.js';
import { caseResults, row, type Row } from './fixtures.js';

const results = (rows: Row[]) => rows.flatMap(caseResults);
const none = { base: [], head: [] };

describe('the cases of the design, from the first samples', () => {
  const base = results([row(0, 'P'), row(1, 'P'), row(2, 'F'), row(3, 'F'), row(4, 'P'), row(5, 'E')]);
  const head = results([row(0, 'P'), row(1, 'F'), row(2, 'P'), row(3, 'F'), row(4, 'E'), row(6, 'F')]);

  it('pairs every case with results on both sides, errors included; marks critical ones', () => {
    expect(pairedCases(base, head, new Set([2])).map((c) => [c.testIdx, c.critical])).toEqual([
      [0, false],
      [1, false],
      [2, true],
      [3, false],
      [4, false],
    ]);
  });

  it('newly failing critical cases need an outcome on both sides', () => {
    const cases = pairedCases(base, head, new Set([1, 2, 4]));
    expect(newlyFailingCritical(cases, base, head).map((c) => c.testIdx)).toEqual([1]);
  });

  it('freshPairs tallies per case, errors excluded', () => {
    const cases = pairedCases(base, head, new Set());
    expect(freshPairs(cases.slice(0, 2), results([row(0, 'PPE'), row(1, 'FFF')]), results([row(1, 'PPF')]))).toEqual([
      { basePassed: 2, baseOutcomes: 2, headPassed: 0, headOutcomes: 0 },
      { basePassed: 0, baseOutcomes: 3, headPassed: 2, headOutcomes: 3 },
    ]);
  });

  it('the screen: the head passing at least as often as the base stops the design', () => {
    const pass = { basePassed: 1, baseOutcomes: 1, headPassed: 1, headOutcomes: 1 };
    const drop = { basePassed: 1, baseOutcomes: 1, headPassed: 0, headOutcomes: 1 };
    const rise = { basePassed: 0, baseOutcomes: 1, headPassed: 1, headOutcomes: 1 };
    expect(headNoWorse([pass, drop, rise])).toBe(true);
    expect(headNoWorse([pass, drop])).toBe(false);
  });
});

const flip = (head: number) => ({ basePassed: 1 - head, baseOutcomes: 1, headPassed: head, headOutcomes: 1 });
const both = (passed: 0 | 2) => ({ basePassed: passed / 2, baseOutcomes: 1, headPassed: passed / 2, headOutcomes: 1 });

describe('stage 1: early rejection at early × level, futility when the head passes as often as the base', () => {
  it.each([
    // Six flips, all down: P(T1 ≤ 0) = 1/64 < 0.4 × 0.05.
    ['six flips all down', [...Array(6)].map(() => flip(0)), 'early'],
    // Five down: 1/32 = 0.031 is not below 0.02.
    ['five flips all down', [...Array(5)].map(() => flip(0)), 'continue'],
    ['flips balanced', [flip(0), flip(1), both(2), both(0)], 'futile'],
    ['one down of three', [flip(0), flip(0), flip(1)], 'continue'],
  ] as const)('%s → %s', (_name, pairs, decision) => {
    expect(stageOneDecision(pairs, 0.05, DEFAULT_DESIGN)).toBe(decision);
  });
});

describe('stage 2: repeats chosen by a case stage-1 total alone', () => {
  it('both failed: 0; disagreed or missing: 2; both passed: 1', () => {
    const stage1 = {
      base: results([row(0, 'F'), row(1, 'P'), row(2, 'F'), row(3, 'P'), row(4, 'E')]),
      head: results([row(0, 'F'), row(1, 'F'), row(2, 'P'), row(3, 'P'), row(4, 'P')]),
    };
    const cases = pairedCases(stage1.base, stage1.head, new Set());
    const plan = stageTwoRepeats(cases, stage1, DEFAULT_DESIGN);
    expect([...plan].map(([n, c]) => [n, c.map((x) => x.testIdx)])).toEqual([
      [2, [1, 2, 4]],
      [1, [3]],
    ]);
  });
});

/** Evidence for cases 0..n−1 with the given stage-1 and stage-2 rows. */
function evidence(stage1: { base: Row[]; head: Row[] }, stage2: { base: Row[]; head: Row[] }, stopped: FreshStop) {
  const s1 = { base: results(stage1.base), head: results(stage1.head) };
  const e: FreshEvidence = {
    design: DEFAULT_DESIGN,
    level: 0.05,
    stopped,
    cases: pairedCases(s1.base, s1.head, new Set()),
    stage1: s1,
    redrawn: 0,
    stage2: { base: results(stage2.base), head: results(stage2.head) },
    critical: [],
    topUp: none,
    calls: 0,
  };
  return e;
}

describe('freshPValue: the exact stage-wise p', () => {
  it('after stage 2: P(T1 ≤ c1) + Σ P(T1 = t) P(T2 ≤ t1 + t2 − t) over the continuation region', () => {
    // Four flips down (c1 = −1: 1/16 is not below 0.02; futility at 2), then 2 vs 2 repeats each, head 0 of 2.
    const e = evidence(
      { base: [0, 1, 2, 3].map((i) => row(i, 'P')), head: [0, 1, 2, 3].map((i) => row(i, 'F')) },
      { base: [0, 1, 2, 3].map((i) => row(i, 'PP')), head: [0, 1, 2, 3].map((i) => row(i, 'FF')) },
      'final',
    );
    // T1 = 0 (1/16) and every T2 stratum at its minimum (1/6 each): the only outcome as extreme.
    expect(freshPValue(e)).toBeCloseTo((1 / 16) * (1 / 6) ** 4, 12);
    expect(smallestFreshP(e)).toBeCloseTo(freshPValue(e), 12);
  });

  it('is exact: under H0, given the totals, P(p < level) ≤ level over every outcome (enumerated)', () => {
    // Six cases, each 1 vs 1 at stage 1 with one pass; stage 2 (when reached) 2 vs 2 with two passes each.
    // Enumerate every arrangement of which side holds the passes, with its probability under H0.
    const level = 0.05;
    let rejected = 0;
    const hyper2 = [1 / 6, 4 / 6, 1 / 6]; // head passes 0, 1, 2 of a 2 vs 2 stratum with 2 passes
    for (let mask = 0; mask < 64; mask++) {
      const head1 = [...Array(6)].map((_, i) => (mask >> i) & 1);
      const stage1 = {
        base: head1.map((h, i) => row(i, h ? 'F' : 'P')),
        head: head1.map((h, i) => row(i, h ? 'P' : 'F')),
      };
      const probe = evidence(stage1, { base: [], head: [] }, 'final');
      const decision = stageOneDecision(
        freshPairs(probe.cases, probe.stage1.base, probe.stage1.head),
        level,
        DEFAULT_DESIGN,
      );
      if (decision !== 'continue') {
        if (freshPValue({ ...probe, stopped: decision }) < level) rejected += 1 / 64;
        continue;
      }
      for (let m2 = 0; m2 < 3 ** 6; m2++) {
        const head2 = [...Array(6)].map((_, i) => Math.floor(m2 / 3 ** i) % 3);
        const weight = head2.reduce((w, k) => w * hyper2[k], 1 / 64);
        const letters = (passes: number) => 'P'.repeat(passes) + 'F'.repeat(2 - passes);
        const e = evidence(
          stage1,
          { base: head2.map((k, i) => row(i, letters(2 - k))), head: head2.map((k, i) => row(i, letters(k))) },
          'final',
        );
        if (freshPValue(e) < level) rejected += weight;
      }
    }
    expect(rejected).toBeLessThanOrEqual(level);
    expect(rejected).toBeGreaterThan(level / 4); // and not vacuous
  });

  it('groups: the union bound over the two stages (stage 1 at early × level, pooled at the rest)', () => {
    const e = evidence(
      { base: [0, 1, 2, 3].map((i) => row(i, 'P')), head: [0, 1, 2, 3].map((i) => row(i, 'F')) },
      { base: [0, 1, 2, 3].map((i) => row(i, 'PP')), head: [0, 1, 2, 3].map((i) => row(i, 'FF')) },
      'final',
    );
    const pooled = (1 / 2) * (1 / 6); // one case: its stage-1 stratum and its stage-2 stratum
    expect(freshPValue(e, (c) => c.testIdx === 0)).toBeCloseTo(pooled / 0.6, 8);
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
