import {
  binomialHalfUpperTail,
  casesToDecide,
  fisherExactLowerTail,
  fisherSmallestP,
  holmAdjusted,
  holmRejections,
  repeatsToDecide,
  stratifiedExactLowerTail,
  mcnemarExactOneSided,
  pairedRegressionTest,
  seededRandom,
  signFlipExactLowerTail,
  wilsonInterval,
  type PairedCase,
} from '../../src/compare/stats.js';

describe('wilsonInterval', () => {
  // Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of seven
  // methods", Stat Med 17:857-872, Table I, method 3 (Wilson score, no continuity correction).
  // Re-checked independently with the closed form in Python (z = 1.96).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0.0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [29, 29, 0.883, 1.0],
  ])('%i/%i → [%f, %f]', (x, n, low, high) => {
    const ci = wilsonInterval(x, n);
    expect(ci.low).toBeCloseTo(low, 4);
    expect(ci.high).toBeCloseTo(high, 4);
  });

  it('is the whole [0, 1] when there are no outcomes', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it('is wider at a higher confidence level', () => {
    const wide = wilsonInterval(40, 50, 2.576);
    const narrow = wilsonInterval(40, 50, 1.645);
    expect(wide.low).toBeLessThan(narrow.low);
    expect(wide.high).toBeGreaterThan(narrow.high);
  });
});

describe('mcnemarExactOneSided', () => {
  // Reference p = P(X ≥ b), X ~ Binomial(b + c, 1/2): scipy.stats.binom.sf(b - 1, b + c, 0.5).
  // (150, 86) is the discordant table of Agresti, Categorical Data Analysis (2nd ed.), Table 10.1
  // (presidential approval, 794/150/86/570).
  it.each([
    [150, 86, 1.8579680697856933e-5],
    [86, 150, 0.9999896457855217],
    [5, 0, 0.03125],
    [3, 1, 0.3125],
    [0, 0, 1],
    [10, 10, 0.5880985260009766],
    [60, 40, 0.028443966820490444],
    [2000, 1800, 0.0006213933891316007],
    [1800, 2000, 0.9994455650070604],
  ])('b=%i c=%i → p=%f', (b, c, expected) => {
    const p = mcnemarExactOneSided(b, c);
    expect(Math.abs(p - expected) / expected).toBeLessThan(1e-9);
  });

  it('stays finite and in [0, 1] for large counts', () => {
    for (const [b, c] of [
      [100_000, 0],
      [0, 100_000],
      [50_000, 50_000],
    ]) {
      const p = mcnemarExactOneSided(b, c);
      expect(Number.isFinite(p)).toBe(true);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    expect(mcnemarExactOneSided(0, 100_000)).toBe(1);
    expect(mcnemarExactOneSided(100_000, 0)).toBe(0); // 2^-100000 underflows to 0: honest, not NaN
  });

  it('tail is monotone in k', () => {
    let previous = 1;
    for (let k = 0; k <= 41; k++) {
      const p = binomialHalfUpperTail(k, 40);
      expect(p).toBeLessThanOrEqual(previous + 1e-15);
      previous = p;
    }
    expect(binomialHalfUpperTail(41, 40)).toBe(0);
  });
});

/** Brute force over all 2^n sign patterns: an independent check of the convolution. */
function bruteForceLowerTail(magnitudes: number[], observed: number): number {
  let count = 0;
  const n = magnitudes.length;
  for (let mask = 0; mask < 1 << n; mask++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += mask & (1 << i) ? magnitudes[i] : -magnitudes[i];
    if (sum <= observed) count++;
  }
  return count / (1 << n);
}

describe('signFlipExactLowerTail', () => {
  it.each([
    [[1, 2, 3], -6],
    [[1, 2, 3], 0],
    [[3, 3, 1, 2, 2, 1, 3], -5],
    [[1, 1, 1, 2, 2, 3, 1, 1, 2, 3, 3, 1], -9],
  ])('%j, observed %i matches brute force', (magnitudes, observed) => {
    expect(signFlipExactLowerTail(magnitudes, observed)).toBeCloseTo(bruteForceLowerTail(magnitudes, observed), 12);
  });
});

const oneRepeat = (base: 0 | 1, head: 0 | 1): PairedCase => ({
  basePassed: base,
  baseOutcomes: 1,
  headPassed: head,
  headOutcomes: 1,
});
const repeats = (base: number, head: number, r = 3): PairedCase => ({
  basePassed: base,
  baseOutcomes: r,
  headPassed: head,
  headOutcomes: r,
});

describe('pairedRegressionTest', () => {
  it('with one repeat is exactly McNemar on the discordant pairs', () => {
    const cases = [
      ...Array.from({ length: 9 }, () => oneRepeat(1, 0)),
      ...Array.from({ length: 2 }, () => oneRepeat(0, 1)),
      ...Array.from({ length: 30 }, () => oneRepeat(1, 1)),
      ...Array.from({ length: 5 }, () => oneRepeat(0, 0)),
    ];
    const result = pairedRegressionTest(cases);
    expect(result).toEqual({ pValue: mcnemarExactOneSided(9, 2), method: 'mcnemar-exact', worse: 9, better: 2 });
  });

  it('uses the size of each move when repeats differ in how far they moved', () => {
    const cases = [
      repeats(3, 0),
      repeats(3, 0),
      repeats(3, 1),
      repeats(2, 1),
      repeats(1, 2),
      repeats(3, 3),
      repeats(0, 0),
    ];
    const result = pairedRegressionTest(cases);
    expect(result.method).toBe('sign-flip-exact');
    expect(result.worse).toBe(4);
    expect(result.better).toBe(1);
    expect(result.pValue).toBeCloseTo(bruteForceLowerTail([3, 3, 2, 1, 1], -8), 12);
  });

  it('handles cases with different numbers of outcomes (errors removed some repeats)', () => {
    const cases = [repeats(2, 0, 2), repeats(3, 1), { basePassed: 3, baseOutcomes: 3, headPassed: 1, headOutcomes: 2 }];
    // d = -1, -2/3, -1/2 → numerators over 6: -6, -4, -3
    expect(pairedRegressionTest(cases).pValue).toBeCloseTo(bruteForceLowerTail([6, 4, 3], -13), 12);
  });

  it('ignores cases with no outcome on one side', () => {
    const cases = [repeats(3, 0), { basePassed: 0, baseOutcomes: 0, headPassed: 0, headOutcomes: 3 }];
    expect(pairedRegressionTest(cases)).toMatchObject({ worse: 1, better: 0, pValue: 0.5 });
  });

  it('is 1 when nothing moved and large when the head improved', () => {
    expect(pairedRegressionTest([repeats(3, 3), repeats(0, 0)]).pValue).toBe(1);
    expect(pairedRegressionTest([repeats(0, 3), repeats(1, 3), repeats(2, 3)]).pValue).toBeGreaterThan(0.9);
  });

  it('falls back to a seeded Monte-Carlo that is deterministic and close to the exact value', () => {
    const random = seededRandom(7);
    const cases = Array.from({ length: 60 }, () => repeats(Math.floor(random() * 4), Math.floor(random() * 4)));
    const exact = pairedRegressionTest(cases);
    const sampled = pairedRegressionTest(cases, { maxExactWork: 0, monteCarloDraws: 40_000, seed: 1 });
    expect(exact.method).toBe('sign-flip-exact');
    expect(sampled.method).toBe('sign-flip-monte-carlo');
    expect(Math.abs(sampled.pValue - exact.pValue)).toBeLessThan(0.01);
    expect(pairedRegressionTest(cases, { maxExactWork: 0, monteCarloDraws: 40_000, seed: 1 }).pValue).toBe(
      sampled.pValue,
    );
  });
});

describe('holmRejections', () => {
  it.each([
    [[0.01, 0.04, 0.03], 0.05, [true, false, false]],
    [[0.01, 0.02, 0.025], 0.05, [true, true, true]],
    [[0.04], 0.05, [true]],
    [[0.3, 0.001], 0.05, [false, true]],
    [[], 0.05, []],
  ])('%j at α=%f → %j', (ps, alpha, expected) => {
    expect(holmRejections(ps, alpha)).toEqual(expected);
  });
});

describe('holmAdjusted: adjusted p < α exactly when Holm rejects', () => {
  it('matches the step-down and is monotone in the raw p', () => {
    const p = [0.01, 0.04, 0.03, 0.5];
    expect(holmAdjusted(p)).toEqual([0.04, 0.09, 0.09, 0.5]);
    for (const alpha of [0.01, 0.05, 0.1])
      expect(holmAdjusted(p).map((a) => a < alpha)).toEqual(holmRejections(p, alpha));
  });
});

describe('exact per-case tests over repeats', () => {
  it('Fisher one-sided: 3/3 → 0/3 is 1/20; 6/6 → 0/6 is 1/924; no change is not evidence', () => {
    expect(fisherExactLowerTail(3, 3, 0, 3)).toBeCloseTo(1 / 20, 9);
    expect(fisherExactLowerTail(6, 6, 0, 6)).toBeCloseTo(1 / 924, 9);
    expect(fisherExactLowerTail(2, 3, 2, 3)).toBeGreaterThan(0.5);
    expect(fisherSmallestP(1, 1)).toBeCloseTo(0.5, 8);
  });

  it('stratified (CMH) exact: independent cases multiply, and it agrees with Fisher for one case', () => {
    const collapse = { basePassed: 3, baseOutcomes: 3, headPassed: 0, headOutcomes: 3 };
    expect(stratifiedExactLowerTail([collapse])).toBeCloseTo(1 / 20, 9);
    expect(stratifiedExactLowerTail([collapse, collapse])).toBeCloseTo(1 / 400, 9);
    const mixed = { basePassed: 2, baseOutcomes: 3, headPassed: 1, headOutcomes: 3 };
    expect(stratifiedExactLowerTail([mixed])).toBeCloseTo(fisherExactLowerTail(2, 3, 1, 3), 12);
    expect(stratifiedExactLowerTail([])).toBe(1);
  });

  it('stratified exact is a valid p-value: under H0 P(p ≤ α) ≤ α', () => {
    const random = seededRandom(7);
    const draw = (p: number, n: number) =>
      Array.from({ length: n }, (): number => (random() < p ? 1 : 0)).reduce((a, b) => a + b, 0);
    let rejections = 0;
    const trials = 4000;
    for (let t = 0; t < trials; t++) {
      const cases = [0.9, 0.6, 0.3, 0.8, 0.5].map((p) => ({
        basePassed: draw(p, 3),
        baseOutcomes: 3,
        headPassed: draw(p, 3),
        headOutcomes: 3,
      }));
      if (stratifiedExactLowerTail(cases) <= 0.05) rejections++;
    }
    expect(rejections / trials).toBeLessThanOrEqual(0.05);
    expect(rejections / trials).toBeGreaterThan(0.01); // not vacuous
  });

  it('repeatsToDecide / casesToDecide: the smallest design that can reach the level', () => {
    expect(repeatsToDecide(0.05)).toBe(4); // 3 per side: 1/20, not below 0.05; 4 per side: 1/70
    expect(casesToDecide(0.05)).toBe(5);
    expect(casesToDecide(0.025)).toBe(6);
  });
});
