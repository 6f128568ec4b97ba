import { compareResults, formatP, pClause } from '../../src/compare/compare.js';
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
    ['base errors too much', [...many(15, 'P'), ...many(5, 'E', 15)], many(20, 'F'), false, true],
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
    if (inconclusive) expect(c.inconclusiveReason).toMatch(/calls errored/);
  });

  it('p-value with one repeat is the exact McNemar p on discordant cases', () => {
    const c = compare(many(40, 'P'), [...many(32, 'P'), ...many(8, 'F', 32)]);
    expect(c.overall.pValue).toBe(mcnemarExactOneSided(8, 0));
    expect(c.overall.method).toBe('mcnemar-exact');
    expect(c.regressionReasons[0]).toMatch(
      /^head worse than base overall \(one-sided paired p = 0\.0039 < α = 0\.05\)$/,
    );
  });

  it('a newly failing critical test is a regression on its own, whatever the p-value', () => {
    const base = many(30, 'P');
    const head = [...many(29, 'P'), row(29, 'F')];
    expect(compare(base, head).regression).toBe(false);
    const c = compare(base, head, { criticalTests: new Set([29]) });
    expect(c.regression).toBe(true);
    expect(c.regressionReasons).toEqual(['critical test #29 (case 29) newly failing on prompts/p0.txt × echo']);
    expect(c.newlyFailing[0].critical).toBe(true);
  });

  it('an inconclusive comparison is never a regression, even with a critical test failing', () => {
    const head = [...many(10, 'E'), ...many(10, 'F', 10)];
    const c = compare(many(20, 'P'), head, { criticalTests: new Set([15]) });
    expect(c).toMatchObject({ inconclusive: true, regression: false, regressionReasons: [] });
    expect(c.inconclusiveReason).toBe('10 of 20 head calls errored (50.0%, more than the 10.0% allowed)');
  });

  it('says so when nothing ran', () => {
    expect(compare([], [])).toMatchObject({ inconclusive: true, inconclusiveReason: 'no case ran' });
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
      inconclusiveReason: 'no case produced an outcome on both base and head',
    });
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
    expect(c.regressionReasons.join('\n')).toMatch(
      /prompts\/p0\.txt × b: head worse \(p = 0\.0039, Holm-corrected over 4 tests\)/,
    );
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

  it('a case with only errors on one side is in no list', () => {
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
    expect(c.usage.base).toEqual({ calls: 2, tokens: 100, cost: 0.002, latencyMs: 300 });
    expect(c.usage.head).toMatchObject({ calls: 3, tokens: 150, latencyMs: 500 });
    expect(c.usage.head.cost).toBeCloseTo(0.003, 12);
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
