/*
 * Paired statistics for "did the head get worse than the base?"
 *
 * Each case (prompt × provider × test) is evaluated R times on each side with the same tests, so the
 * natural unit is the case, not the call: calls of one case share its difficulty and are not independent.
 *
 * The test: a paired sign-flip (permutation) test on per-case pass fractions.
 *   d_i = head pass fraction − base pass fraction of case i, T = Σ d_i (negative when the head is worse).
 *   Under H0 (the head is the same model as the base) the base and head repeats of a case are exchangeable,
 *   so each d_i is symmetric about 0 and every sign pattern ±d_i is equally likely.
 *   One-sided p = P(Σ ±|d_i| ≤ T). It is computed exactly (a convolution over the integer numerators of
 *   d_i) when that is small enough, else by a seeded Monte-Carlo (deterministic for given data).
 *   When every moved case moved by the same amount (always so with R = 1) the statistic is a sign count
 *   and p is exactly the one-sided exact McNemar test: P(X ≥ b), X ~ Binomial(b + c, 1/2).
 *
 * Why this test and not McNemar on one repeat or on the majority outcome (scripts/simulate-tests.mjs,
 * after `npm run simulate`; 100 cases × 3 repeats per side, per-case pass probabilities ~ Beta(4, 1) (mean 0.8),
 * 4,000 trials per scenario, α = 0.05, seed 42; power = share of trials flagged when the head's pass
 * probabilities drop 10 points, either 0.1 off every case or 0.5 off 20 of the 100 cases):
 *
 *   test                                     false regressions   power (spread)   power (concentrated)
 *   bare delta (head rate < base rate)             0.472             0.999              1.000
 *   McNemar, first repeat only                     0.036             0.473              0.468
 *   McNemar, majority of 3 repeats                 0.034             0.560              0.732
 *   sign test on cases whose fraction moved        0.040             0.891              0.696
 *   sign-flip on pass fractions (chosen)           0.041             0.902              0.870
 *
 * Every exact test holds false regressions under α; a bare delta flags half of all no-op changes. Only the
 * test that uses every repeat *and* the size of each move reaches the power target (≥ 0.8) in both shapes
 * of drop: McNemar on one outcome per case throws two thirds of the data away, and the sign test cannot
 * tell a case that went 3/3 → 0/3 from one that went 3/3 → 2/3.
 */

export interface Interval {
  low: number;
  high: number;
}

/** Wilson score interval for a binomial proportion (no continuity correction). n = 0 → the whole [0, 1]. */
export function wilsonInterval(successes: number, n: number, z = 1.96): Interval {
  if (n <= 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const halfWidth = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - halfWidth), high: Math.min(1, centre + halfWidth) };
}

/** ln C(n, k), summed in log space so it stays finite for any n. */
function logChoose(n: number, k: number): number {
  const small = Math.min(k, n - k);
  let sum = 0;
  for (let i = 1; i <= small; i++) sum += Math.log((n - small + i) / i);
  return sum;
}

/** P(X ≥ k) for X ~ Binomial(n, 1/2), k > n/2: terms decrease from the first, so they are summed relative to it. */
function upperTailPastMiddle(k: number, n: number): number {
  const logFirst = logChoose(n, k) - n * Math.LN2;
  let relative = 1;
  let term = 1;
  for (let j = k; j < n; j++) {
    term *= (n - j) / (j + 1);
    relative += term;
    if (term < relative * 1e-17) break;
  }
  return Math.min(1, Math.exp(logFirst + Math.log(relative)));
}

/** P(X ≥ k) for X ~ Binomial(n, 1/2), numerically stable for large n. */
export function binomialHalfUpperTail(k: number, n: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (2 * k > n) return upperTailPastMiddle(k, n);
  // By symmetry P(X ≥ k) = 1 − P(X ≤ k − 1) = 1 − P(X ≥ n − k + 1), and n − k + 1 is past the middle.
  return Math.max(0, 1 - upperTailPastMiddle(n - k + 1, n));
}

/**
 * Exact one-sided McNemar test that the head is worse.
 * b = discordant pairs base-pass/head-fail, c = base-fail/head-pass. p = P(X ≥ b | X ~ Binomial(b + c, 1/2)).
 */
export function mcnemarExactOneSided(b: number, c: number): number {
  if (b + c === 0) return 1;
  return binomialHalfUpperTail(b, b + c);
}

/** One case's outcomes on each side (errors excluded: they are not outcomes). */
export interface PairedCase {
  basePassed: number;
  baseOutcomes: number;
  headPassed: number;
  headOutcomes: number;
}

export type PairedTestMethod = 'mcnemar-exact' | 'sign-flip-exact' | 'sign-flip-monte-carlo' | 'group-sequential';

export interface PairedTestResult {
  /** One-sided p-value for "head worse than base". */
  pValue: number;
  method: PairedTestMethod;
  /** Cases whose pass fraction went down / up. */
  worse: number;
  better: number;
}

export interface PairedTestOptions {
  /** Seed of the Monte-Carlo fallback: same data and seed, same p. */
  seed?: number;
  monteCarloDraws?: number;
  /** Largest convolution (cases × support) computed exactly before falling back to Monte-Carlo. */
  maxExactWork?: number;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Common denominator of every pass fraction, or undefined when it gets unreasonably large. */
function commonDenominator(cases: readonly PairedCase[]): number | undefined {
  let lcm = 1;
  for (const c of cases) {
    for (const n of [c.baseOutcomes, c.headOutcomes]) {
      lcm = (lcm / gcd(lcm, n)) * n;
      if (lcm > 1_000_000) return undefined;
    }
  }
  return lcm;
}

/** Deterministic PRNG (mulberry32): a seed in, uniform numbers in [0, 1) out. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Exact P(Σ ±k_i ≤ observed) over all 2^n equally likely sign patterns, by convolution. k_i are positive integers. */
export function signFlipExactLowerTail(magnitudes: readonly number[], observed: number): number {
  const total = magnitudes.reduce((a, b) => a + b, 0);
  let dist = new Float64Array(2 * total + 1);
  dist[total] = 1; // index = sum + total
  for (const k of magnitudes) {
    const next = new Float64Array(dist.length);
    for (let j = 0; j < dist.length; j++) {
      const p = dist[j];
      if (p === 0) continue;
      next[j - k] += p / 2;
      next[j + k] += p / 2;
    }
    dist = next;
  }
  let tail = 0;
  for (let j = 0; j <= Math.min(dist.length - 1, observed + total); j++) tail += dist[j];
  return Math.min(1, tail);
}

function signFlipMonteCarlo(differences: readonly number[], observed: number, draws: number, seed: number): number {
  const random = seededRandom(seed);
  const tolerance = 1e-9 * Math.max(1, differences.length);
  let atLeastAsExtreme = 0;
  for (let d = 0; d < draws; d++) {
    let sum = 0;
    for (const x of differences) sum += random() < 0.5 ? -x : x;
    if (sum <= observed + tolerance) atLeastAsExtreme++;
  }
  // The +1s count the observed pattern itself: a valid (never zero) permutation p-value.
  return (atLeastAsExtreme + 1) / (draws + 1);
}

/** The repeat-aware paired test that the head is worse (see the comment at the top of this file). */
export function pairedRegressionTest(cases: readonly PairedCase[], options: PairedTestOptions = {}): PairedTestResult {
  const usable = cases.filter((c) => c.baseOutcomes > 0 && c.headOutcomes > 0);
  const denominator = commonDenominator(usable);
  const fraction = (c: PairedCase) => c.headPassed / c.headOutcomes - c.basePassed / c.baseOutcomes;
  const numerators = denominator
    ? usable.map((c) => c.headPassed * (denominator / c.headOutcomes) - c.basePassed * (denominator / c.baseOutcomes))
    : usable.map(fraction);
  const moved = numerators.filter((k) => k !== 0);
  const worse = moved.filter((k) => k < 0).length;
  const better = moved.length - worse;

  const magnitudes = moved.map(Math.abs);
  if (magnitudes.every((m) => m === magnitudes[0])) {
    return { pValue: mcnemarExactOneSided(worse, better), method: 'mcnemar-exact', worse, better };
  }
  const observed = moved.reduce((a, b) => a + b, 0);
  const support = magnitudes.reduce((a, b) => a + b, 0);
  if (denominator && moved.length * (2 * support + 1) <= (options.maxExactWork ?? 50_000_000)) {
    return { pValue: signFlipExactLowerTail(magnitudes, observed), method: 'sign-flip-exact', worse, better };
  }
  const differences = usable.map(fraction).filter((d) => d !== 0);
  const observedFraction = differences.reduce((a, b) => a + b, 0);
  const pValue = signFlipMonteCarlo(
    differences,
    observedFraction,
    options.monteCarloDraws ?? 20_000,
    options.seed ?? 0x5eed,
  );
  return { pValue, method: 'sign-flip-monte-carlo', worse, better };
}

/**
 * Holm–Bonferroni step-down: which of the hypotheses are rejected at family-wise level α.
 * Used when a suite has several prompt × provider groups, so that more groups do not mean more false alarms.
 */
export function holmRejections(pValues: readonly number[], alpha: number): boolean[] {
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const rejected = new Array<boolean>(pValues.length).fill(false);
  for (let rank = 0; rank < order.length; rank++) {
    if (order[rank].p >= alpha / (order.length - rank)) break;
    rejected[order[rank].i] = true;
  }
  return rejected;
}

/**
 * Exact tails summed in log space can land a hair below their true value (1/20 as 0.04999…), which would let
 * p = α pass for p < α: they are nudged up by a relative 1e-9, conservative and far below any shown digit.
 */
export const conservative = (p: number) => Math.min(1, p * (1 + 1e-9));

/**
 * Holm-adjusted p-values: the smallest family-wise level at which each hypothesis is rejected by Holm's
 * step-down (so `adjusted[i] < α` ⇔ `holmRejections(p, α)[i]`).
 */
export function holmAdjusted(pValues: readonly number[]): number[] {
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(pValues.length).fill(1);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (order.length - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

/**
 * One case, exact: did the head's repeats pass less often than the base's? Under H0 (same pass probability on
 * both sides) the base and head repeats are exchangeable, so given the total passes the head's passes are
 * hypergeometric (Fisher's exact test, one-sided). p = P(head passes ≤ observed).
 */
export function fisherExactLowerTail(basePassed: number, baseN: number, headPassed: number, headN: number): number {
  const total = baseN + headN;
  const passes = basePassed + headPassed;
  const logDenominator = logChoose(total, headN);
  let p = 0;
  for (let k = Math.max(0, passes - baseN); k <= headPassed; k++) {
    p += Math.exp(logChoose(passes, k) + logChoose(total - passes, headN - k) - logDenominator);
  }
  return conservative(p);
}

/** The smallest p the exact per-case test can give with these repeats: every base repeat passed, every head one failed. */
export function fisherSmallestP(baseN: number, headN: number): number {
  return conservative(Math.exp(-logChoose(baseN + headN, headN)));
}

/** Fewest repeats per side (same on both) for which a per-case exact test can reach p < level. */
export function repeatsToDecide(level: number): number {
  let n = 1;
  while (fisherSmallestP(n, n) >= level && n < 64) n++;
  return n;
}

/** The smallest p the paired sign-flip test can give with n cases (every case moved down): 2^−n. */
export const pairedSmallestP = (cases: number) => Math.pow(2, -cases);

/** Fewest paired cases for which the paired test can reach p < level. */
export const casesToDecide = (level: number) => Math.max(1, Math.floor(-Math.log2(level)) + 1);

/**
 * Stratified exact test that the head is worse, for cases whose base and head repeats are independent draws
 * (fresh samples: nothing cached, nothing selected on them). Under H0 each case's repeats are exchangeable
 * between the sides, so given a case's total passes its head passes are hypergeometric (as in Fisher's test);
 * the statistic is the head's passes summed over cases, its null distribution the convolution of the cases'
 * hypergeometrics (an exact Cochran–Mantel–Haenszel test). Unlike the sign-flip over cases it uses every
 * repeat: four cases that go 3/3 → 0/3 give p = (1/20)^4, not 1/16. p = P(Σ head passes ≤ observed).
 */
export function stratifiedExactLowerTail(cases: readonly PairedCase[]): number {
  const { dist, observed } = stratifiedNull(cases);
  return conservative(lowerTail(dist, observed));
}

/** Under H0, the distribution of the head's passes summed over `cases` (index = passes), and the observed sum. */
export function stratifiedNull(cases: readonly PairedCase[]): { dist: Float64Array; observed: number } {
  let dist = new Float64Array([1]); // index = head passes so far
  let observed = 0;
  for (const c of cases) {
    if (c.baseOutcomes === 0 || c.headOutcomes === 0) continue;
    const total = c.baseOutcomes + c.headOutcomes;
    const passes = c.basePassed + c.headPassed;
    const low = Math.max(0, passes - c.baseOutcomes);
    const high = Math.min(passes, c.headOutcomes);
    const logDenominator = logChoose(total, c.headOutcomes);
    const pmf = new Float64Array(high + 1);
    for (let k = low; k <= high; k++)
      pmf[k] = Math.exp(logChoose(passes, k) + logChoose(total - passes, c.headOutcomes - k) - logDenominator);
    const next = new Float64Array(dist.length + high);
    for (let j = 0; j < dist.length; j++) {
      if (dist[j] === 0) continue;
      for (let k = low; k <= high; k++) next[j + k] += dist[j] * pmf[k];
    }
    dist = next;
    observed += c.headPassed;
  }
  return { dist, observed };
}

/** P(X ≤ t) for X distributed as `dist` (index = value). */
export function lowerTail(dist: Float64Array, t: number): number {
  let tail = 0;
  for (let j = 0; j <= Math.min(t, dist.length - 1); j++) tail += dist[j];
  return tail;
}
