import { compareResults } from '../../src/compare/compare.js';
import { formatP, inconclusiveReasons, pClause, regressionReasons } from '../../src/report/format.js';
import { mcnemarExactOneSided } from '../../src/compare/stats.js';
import { evalResults, many, row, type Row } from './fixtures.js';

const options = { alpha: 0.05, maxErrorRate: 0.1 };
const compare = (base: Row[], head: Row[], extra: Partial<Parameters<typeof compareResults>[2]> = {}) =>
  compareResults(evalResults(base), evalResults(head), { ...options, ...extra });

describe('compareResults: verdict-relevant outcomes', () => {
  it.each([
    // name, base rows, head rows, regression, inconclusive
    [
      'identical results',
      [...many(40, 'P'), ...many(10, 'F', 40)],
      [...many(40, 'P'), ...many(10, 'F', 40)],
      false,
      false,
    ],
    [
      '8 of 40 passing cases break (McNemar p = 0.0039)',
      many(40, 'P'),
      [...many(32, 'P'), ...many(8, 'F', 32)],
      true,
      false,
    ],
    [
      '2 break, 1 fixed: not enough evidence',
      [...many(20, 'P'), row(20, 'F')],
      [...many(18, 'P'), row(18, 'F'), row(19, 'F'), row(20, 'P')],
      false,
      false,
    ],
    ['the head improves', [...many(20, 'P'), ...many(10, 'F', 20)], many(30, 'P'), false, false],
    ['half the head calls error', many(20, 'P'), [...many(10, 'P'), ...many(10, 'E', 10)], false, true],
    // Evidence strong enough despite the errors (15 of 15 paired cases broke) is still a regression.
    [
      'base errors too much, but 15 of 15 paired cases broke',
      [...many(15, 'P'), ...many(5, 'E', 15)],
      many(20, 'F'),
      true,
      true,
    ],
    [
      'repeats: 6 cases drop from 3/3 to 1/3',
      many(30, 'PPP'),
      [...many(24, 'PPP'), ...many(6, 'PFF', 24)],
      true,
      false,
    ],
    [
      'repeats: 3 cases wobble 3/3 → 2/3, 2 go 2/3 → 3/3',
      [...many(25, 'PPP'), ...many(2, 'PPF', 25)],
      [...many(22, 'PPP'), ...many(3, 'PFP', 22), ...many(2, 'PPP', 25)],
      false,
      false,
    ],
  ] as Array<[string, Row[], Row[], boolean, boolean]>)('%s', (_name, base, head, regression, inconclusive) => {
    const c = compare(base, head);
    expect(c.regression).toBe(regression);
    expect(c.inconclusive).toBe(inconclusive);
    if (inconclusive) expect(inconclusiveReasons(c)[0]).toMatch(/calls errored/);
  });

  it('p-value with one repeat is the exact McNemar p on discordant cases', () => {
    const c = compare(many(40, 'P'), [...many(32, 'P'), ...many(8, 'F', 32)]);
    expect(c.overall.pValue).toBe(mcnemarExactOneSided(8, 0));
    expect(c.overall.method).toBe('mcnemar-exact');
    expect(regressionReasons(c)[0]).toMatch(
      /^head worse than base overall \(one-sided paired p = 0\.0039 < α = 0\.05\)$/,
    );
  });

  it('with one repeat a newly failing critical case cannot be decided: inconclusive, never an automatic regression', () => {
    const base = many(30, 'P');
    const head = [...many(29, 'P'), row(29, 'F')];
    expect(compare(base, head)).toMatchObject({ regression: false, inconclusive: false });
    const c = compare(base, head, { criticalTests: new Set([29]) });
    expect(c).toMatchObject({ regression: false, inconclusive: true });
    expect(c.critical).toMatchObject([{ status: 'undecided', pValue: expect.closeTo(0.5, 8), repeatsNeeded: 4 }]);
    expect(inconclusiveReasons(c)).toEqual([
      'critical test 29 (case 29) on prompts/p0.txt × echo is newly failing, but 1 base and 1 head outcome(s) cannot decide it: it needs 4 fresh repeats per side',
    ]);
    expect(c.newlyFailing[0].critical).toBe(true);
  });

  it('a critical case whose fresh repeats collapse is a regression inside α (exact test, Holm over critical cases)', () => {
    const base = [...many(29, 'P'), row(29, 'PPPPPP')];
    const head = [...many(29, 'P'), row(29, 'FFFFFF')];
    const c = compare(base, head, { criticalTests: new Set([29]) });
    // Fisher: 1/C(12, 6) = 1/924; on α's scale ×2 (α/2 for the critical family), one critical case.
    expect(c.critical[0].pValue).toBeCloseTo(1 / 924, 9);
    expect(c.critical[0].adjustedP).toBeCloseTo(2 / 924, 9);
    expect(c.regression).toBe(true);
    expect(regressionReasons(c)).toEqual([
      'critical test 29 (case 29) on prompts/p0.txt × echo newly failing (exact test over its repeats p = 0.0011, adjusted 0.0022 < α = 0.05)',
    ]);
  });

  it('the critical family is Holm-corrected over every paired critical case, not only the flipped ones', () => {
    // 6 vs 6 repeats, 6/6 → 1/6: p = 7/924; ×2 for α/2, Holm over 10 critical cases → 0.15: not significant
    // (though 6 repeats could decide it: 1/924 × 2 × 10 < 0.05).
    const base = [...many(20, 'PPPPPP'), row(20, 'PPPPPP')];
    const head = [...many(20, 'PPPPPP'), row(20, 'PFFFFF')];
    const critical = new Set([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    const c = compare(base, head, { criticalTests: critical });
    expect(c.critical).toMatchObject([{ status: 'not-significant' }]);
    expect(c.critical[0].adjustedP).toBeCloseTo((7 / 924) * 20, 9);
    expect(c.regression).toBe(false);
  });

  it('a critical case with no head outcome (every head call errored) makes the comparison inconclusive, named', () => {
    const c = compare(many(40, 'PPP'), [...many(39, 'PPP'), row(39, 'EEE')], { criticalTests: new Set([39]) });
    expect(c.critical).toMatchObject([{ status: 'no-head-outcome' }]);
    expect(inconclusiveReasons(c)).toContain(
      'critical test 39 (case 39) on prompts/p0.txt × echo has no head outcome: every head call errored',
    );
    expect(c.newlyErroring.map((x) => x.testIdx)).toEqual([39]);
  });

  it('evidence strong enough despite errors is a regression, and the errors are still named', () => {
    const head = [...many(10, 'E'), ...many(10, 'F', 10)];
    const c = compare(many(20, 'P'), head, { criticalTests: new Set([15]) });
    expect(c).toMatchObject({ inconclusive: true, regression: true });
    expect(regressionReasons(c)[0]).toMatch(/^head worse than base overall/);
    expect(inconclusiveReasons(c)).toContain('10 of 20 head calls errored (50.0%, more than the 10.0% allowed)');
    expect(c.newlyErroring).toHaveLength(10);
  });

  it('errors that could hide a regression make it inconclusive: newly erroring cases are missing evidence', () => {
    // Nine of 100 cases passed 3/3 on the base and error on every head call; the rest are unchanged.
    const base = many(100, 'PPP');
    const head = [...many(91, 'PPP'), ...many(9, 'EEE', 91)];
    const c = compare(base, head, { maxErrorRate: 0.1 });
    expect(c.overall.head.rate).toBe(1);
    expect(c).toMatchObject({ regression: false, inconclusive: true });
    expect(c.newlyErroring.map((x) => x.testIdx)).toEqual([91, 92, 93, 94, 95, 96, 97, 98, 99]);
    expect(inconclusiveReasons(c)[0]).toBe(
      '27 calls errored (9 newly erroring cases): were the missing head outcomes fails, the head would be significantly worse (p = 0.002)',
    );
  });

  it('a few errors that could not change the verdict leave it decided', () => {
    const base = many(100, 'PPP');
    const head = [...many(99, 'PPP'), row(99, 'PEP')];
    const c = compare(base, head, { gate: { ship: 0.9, fix: 0.5 } });
    expect(c).toMatchObject({ regression: false, inconclusive: false, inconclusiveFindings: [] });
  });

  it('errors that could move the head across a gate threshold make it inconclusive', () => {
    const base = many(20, 'P');
    const head = [...many(18, 'P'), ...many(2, 'E', 18)];
    const c = compare(base, head, { gate: { ship: 0.9, fix: 0.5 }, maxErrorRate: 0.5 });
    expect(inconclusiveReasons(c)).toContain(
      "2 head calls errored: were they fails, the head's pass rate would be 90.0% and the gate would say consider fine-tuning instead of ship",
    );
  });

  it('says so when nothing ran', () => {
    const c = compare([], []);
    expect(c).toMatchObject({
      inconclusive: true,
      inconclusiveFindings: [{ rule: 'no-outcome', what: 'no-case-ran' }],
    });
    expect(inconclusiveReasons(c)).toEqual(['no case ran']);
  });

  it('without any base (a suite the pull request adds) the head stands alone: not inconclusive, no regression', () => {
    const c = compare([], [...many(9, 'P'), row(9, 'F')]);
    expect(c).toMatchObject({ inconclusive: false, regression: false });
    expect(c.overall.head.rate).toBeCloseTo(0.9, 12);
    expect(compare([], many(10, 'E'))).toMatchObject({ inconclusive: true });
  });

  it('base and head that never meet (every pair one-sided) are inconclusive', () => {
    expect(compare(many(5, 'P'), many(5, 'P', 100))).toMatchObject({
      inconclusive: true,
      inconclusiveFindings: [{ rule: 'no-outcome', what: 'no-paired-outcome' }],
    });
  });
});

describe('compareResults: suites too small for any drop to be significant', () => {
  it('a 4-case collapse from 100% to 0% is inconclusive (too small), named as a collapse', () => {
    const c = compare(many(4, 'P'), many(4, 'F'));
    expect(c).toMatchObject({ regression: false, inconclusive: true });
    expect(c.tooSmall).toEqual({ cases: 4, casesNeeded: 5, everyCaseWorse: true });
    expect(inconclusiveReasons(c)[0]).toBe(
      'too small to decide: every case got worse (base 100.0% → head 0.0%), but 4 paired case(s) can never reach significance (the smallest p is 1/16); it needs at least 5 cases',
    );
  });

  it('five cases that all break are enough for a regression', () => {
    expect(compare(many(5, 'P'), many(5, 'F'))).toMatchObject({ regression: true, inconclusive: false });
  });

  it('a tiny suite with nothing worse keeps its gate verdict, with the note', () => {
    const c = compare(many(3, 'P'), many(3, 'P'));
    expect(c).toMatchObject({ regression: false, inconclusive: false });
    expect(c.tooSmall).toEqual({ cases: 3, casesNeeded: 5, everyCaseWorse: false });
  });
});

describe('compareResults: rates count outcomes, errors apart', () => {
  it('pass rate = passed / (passed + failed), errors counted beside it', () => {
    const c = compare([row(0, 'PPE'), row(1, 'PFF')], [row(0, 'PPP'), row(1, 'FFE')], { maxErrorRate: 0.5 });
    expect(c.overall.base).toMatchObject({ passed: 3, failed: 2, errors: 1, rate: 0.6 });
    expect(c.overall.head).toMatchObject({ passed: 3, failed: 2, errors: 1, rate: 0.6 });
    expect(c.overall.delta).toBeCloseTo(0, 12);
    expect(c.overall.cases).toBe(2);
    expect(c.errorRate).toEqual({ base: 1 / 6, head: 1 / 6 });
    expect(c.overall.head.interval.low).toBeLessThan(0.6);
    expect(c.overall.head.interval.high).toBeGreaterThan(0.6);
  });
});

describe('compareResults: groups are prompt × provider', () => {
  const both = (outcomes: string, from: number, n: number, promptIdx: number, provider: string) =>
    many(n, outcomes, from, { promptIdx, provider });

  it('reports each group and Holm-corrects the family', () => {
    const base = [...both('P', 0, 30, 0, 'a'), ...both('P', 0, 30, 1, 'a'), ...both('P', 0, 30, 0, 'b')];
    const head = [
      ...both('P', 0, 30, 0, 'a'),
      ...both('P', 0, 30, 1, 'a'),
      ...both('P', 0, 22, 0, 'b'),
      ...both('F', 22, 8, 0, 'b'),
    ];
    const c = compare(base, head);
    expect(c.groups.map((g) => [g.promptIdx, g.provider, g.cases, g.regression])).toEqual([
      [0, 'a', 30, false],
      [0, 'b', 30, true],
      [1, 'a', 30, false],
    ]);
    expect(c.regression).toBe(true);
    expect(regressionReasons(c).join('\n')).toMatch(
      /prompts\/p0\.txt × b: head worse \(p = 0\.0039; adjusted for the overall test first and Holm over 3 groups: 0\.012 < α = 0\.05\)/,
    );
    // Gatekeeping: a group's adjusted p is never below the overall one; Holm among the groups only.
    expect(c.overall.adjustedP).toBeCloseTo(c.overall.pValue, 12);
    expect(c.groups.map((g) => g.adjustedP)).toEqual([1, 3 * c.groups[1].pValue, 1]);
  });

  it('gatekeeping: no group is flagged unless the overall test rejects first', () => {
    // Group b drops 5/5 (p = 1/32) but group a improves 5 cases: overall p = 0.5, so nothing is tested further.
    const base = [...both('P', 0, 30, 0, 'b'), ...both('F', 0, 5, 0, 'a'), ...both('P', 5, 25, 0, 'a')];
    const head = [...both('P', 0, 25, 0, 'b'), ...both('F', 25, 5, 0, 'b'), ...both('P', 0, 30, 0, 'a')];
    const c = compare(base, head);
    expect(c.overall.pValue).toBeCloseTo(0.623, 2);
    expect(c.groups.find((g) => g.provider === 'b')!.pValue).toBeCloseTo(1 / 32, 12);
    expect(c.groups.some((g) => g.regression)).toBe(false);
    expect(c.regression).toBe(false);
  });

  it('one weak group among many is not enough after correction', () => {
    // 5 of 5 discordant in one group: p = 1/32 = 0.031 < 0.05 alone, but not < 0.05/4.
    const base = [...both('P', 0, 30, 0, 'a'), ...both('P', 0, 30, 1, 'a'), ...both('P', 0, 30, 0, 'b')];
    const head = [
      ...both('P', 0, 30, 0, 'a'),
      ...both('P', 0, 30, 1, 'a'),
      ...both('P', 0, 25, 0, 'b'),
      ...both('F', 25, 5, 0, 'b'),
    ];
    const c = compare(base, head);
    expect(c.groups[1].pValue).toBeCloseTo(1 / 32, 12);
    expect(c.groups[1].regression).toBe(false);
  });
});

describe('compareResults: case lists', () => {
  const base = [
    row(0, 'PPP'),
    row(1, 'FFF'),
    row(2, 'FFF'),
    row(3, 'PPF'),
    row(4, 'PPP'),
    row(5, 'PPP'),
    row(6, 'EEE'),
  ];
  const head = [
    row(0, 'FFF', { reason: 'missing greeting' }),
    row(1, 'PPP'),
    row(2, 'FFP'),
    row(3, 'PPP'),
    row(4, 'PPP'),
    row(5, 'PFF'),
    row(6, 'PPP'),
  ];
  const c = compare(base, head, { maxErrorRate: 1 });
  const ids = (list: typeof c.newlyFailing) => list.map((x) => x.testIdx);

  it.each([
    ['newlyFailing', [0, 5]],
    ['newlyPassing', [1]],
    ['stillFailing', [2]],
    ['flaky', [3]],
  ] as const)('%s → tests %j', (list, expected) => {
    expect(ids(c[list])).toEqual(expected);
  });

  it('a case with outcomes on the base and only errors on the head is newly erroring (test 6 is the reverse)', () => {
    expect(c.newlyErroring).toEqual([]);
    const swapped = compare(head, base, { maxErrorRate: 1 });
    expect(swapped.newlyErroring.map((x) => x.testIdx)).toEqual([6]);
  });

  it('a case with only errors on one side is in no movement list', () => {
    expect([...c.newlyFailing, ...c.newlyPassing, ...c.stillFailing, ...c.flaky].some((x) => x.testIdx === 6)).toBe(
      false,
    );
  });

  it('carries fractions, excerpts and failed assertion reasons', () => {
    expect(c.newlyFailing[0]).toMatchObject({
      testIdx: 0,
      description: 'case 0',
      vars: { n: 0 },
      base: { passed: 3, outcomes: 3, errors: 0, excerpt: 'good answer 0', reasons: [] },
      head: { passed: 0, outcomes: 3, excerpt: 'bad answer 0', reasons: ['contains: missing greeting'] },
    });
    expect(c.newlyFailing[1].head).toMatchObject({ passed: 1, outcomes: 3, excerpt: 'bad answer 5' });
  });

  it('counts head-failing cases for the fine-tuning dataset', () => {
    expect(c.headFailingCases).toBe(3); // tests 0, 2, 5
  });

  it('cuts huge outputs to the excerpt length', () => {
    const big = compare([row(0, 'P')], [row(0, 'F', { output: 'y'.repeat(10_000_000) })], { excerptChars: 100 });
    expect([...big.newlyFailing[0].head.excerpt].length).toBe(100);
  });
});

describe('compareResults: cost per call', () => {
  it('means of tokens and cost over returned calls; latency over calls that reached the provider', () => {
    const base = [row(0, 'PP', { tokens: 100, cost: 0.002, latencyMs: 300 }), row(1, 'E')];
    const head = [
      row(0, 'PP', { tokens: 150, cost: 0.003, latencyMs: 500 }),
      row(1, 'P', { tokens: 150, cost: 0.003, cached: true, latencyMs: 0 }),
    ];
    const c = compare(base, head, { maxErrorRate: 1 });
    expect(c.usage.base).toEqual({ calls: 2, tokens: 100, cost: 0.002, latencyMs: 300, latencyStdErrMs: 0 });
    expect(c.usage.head).toMatchObject({ calls: 3, tokens: 150, latencyMs: 500 });
    expect(c.usage.head.cost).toBeCloseTo(0.003, 12);
  });
});

describe('compareResults: latency changes only beyond their noise', () => {
  const calls = (ms: number[], from = 0) => ms.map((latencyMs, i) => row(from + i, 'P', { latencyMs }));
  it.each([
    ['steady 200 ms → 400 ms', [200, 200, 200, 200], [400, 400, 400, 400], true],
    ['noisy 100–500 ms both sides, means 300 → 320', [100, 500, 100, 500], [120, 520, 120, 520], false],
    ['all cached on one side', [200, 200], [0, 0], false],
  ] as const)('%s → changed: %s', (_name, base, head, changed) => {
    const cachedHead = head.every((ms) => ms === 0);
    const headRows = calls([...head]).map((r) => ({ ...r, cached: cachedHead }));
    expect(compare(calls([...base]), headRows).usage.latencyChanged).toBe(changed);
  });
});

describe('formatP / pClause', () => {
  it.each([
    [0.0039, '0.0039', 'p = 0.0039'],
    [0.05, '0.05', 'p = 0.05'],
    [0.5, '0.5', 'p = 0.5'],
    [1, '1', 'p = 1'],
    [0.123456, '0.12', 'p = 0.12'],
    [0.00001, '<0.001', 'p < 0.001'],
  ])('%f → %s', (p, short, clause) => {
    expect(formatP(p)).toBe(short);
    expect(pClause(p)).toBe(clause);
  });
});
