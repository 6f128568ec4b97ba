// Justifies the choice of paired test in src/compare/stats.ts with figures: how often does each candidate
// flag a regression when nothing changed (false regressions, target ≤ α), and how often does it catch a real
// 10-point drop in pass rate (power, target ≥ 0.8)? Uses the real compiled code: `npm run simulate` builds it
// (and prints the verdict-level figures), then `node scripts/simulate-tests.mjs`.
import { mcnemarExactOneSided, pairedRegressionTest, seededRandom } from '../build/compare/stats.js';

const ALPHA = 0.05;
const CASES = 100;
const REPEATS = 3;
const TRIALS = Number(process.env.TRIALS ?? 4000);
const SEED = 42;
const random = seededRandom(SEED);

/** Per-case pass probability ~ Beta(4, 1), mean 0.8: most cases are easy, some are hard, a few are coin flips. */
const drawDifficulty = () => Math.pow(random(), 1 / 4);
const run = (p) => Array.from({ length: REPEATS }, () => (random() < p ? 1 : 0));
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/** Each candidate: (base repeats per case, head repeats per case) → is it flagged as a regression? */
const candidates = {
  'bare delta (head rate < base rate)': (base, head) => sum(head.map(sum)) < sum(base.map(sum)),
  'McNemar, first repeat only': (base, head) => {
    const b = base.filter((r, i) => r[0] === 1 && head[i][0] === 0).length;
    const c = base.filter((r, i) => r[0] === 0 && head[i][0] === 1).length;
    return mcnemarExactOneSided(b, c) < ALPHA;
  },
  [`McNemar, majority of ${REPEATS} repeats`]: (base, head) => {
    const major = (r) => (2 * sum(r) > r.length ? 1 : 0);
    const b = base.filter((r, i) => major(r) === 1 && major(head[i]) === 0).length;
    const c = base.filter((r, i) => major(r) === 0 && major(head[i]) === 1).length;
    return mcnemarExactOneSided(b, c) < ALPHA;
  },
  'sign test on cases whose fraction moved': (base, head) => {
    const b = base.filter((r, i) => sum(head[i]) < sum(r)).length;
    const c = base.filter((r, i) => sum(head[i]) > sum(r)).length;
    return mcnemarExactOneSided(b, c) < ALPHA;
  },
  'sign-flip on pass fractions (chosen)': (base, head) => {
    const cases = base.map((r, i) => ({
      basePassed: sum(r),
      baseOutcomes: REPEATS,
      headPassed: sum(head[i]),
      headOutcomes: REPEATS,
    }));
    return pairedRegressionTest(cases).pValue < ALPHA;
  },
};

/** A scenario turns the base's per-case probabilities into the head's. */
const scenarios = {
  'same model (no change)': (p) => p,
  '10-point drop, spread over every case': (p) => p.map((x) => Math.max(0, x - 0.1)),
  '10-point drop, concentrated (20 cases lose 0.5)': (p) => p.map((x, i) => (i < 20 ? Math.max(0, x - 0.5) : x)),
};

const rates = {};
for (const [scenario, toHead] of Object.entries(scenarios)) {
  const flagged = Object.fromEntries(Object.keys(candidates).map((k) => [k, 0]));
  let drop = 0;
  for (let t = 0; t < TRIALS; t++) {
    const pBase = Array.from({ length: CASES }, drawDifficulty);
    const pHead = toHead(pBase);
    drop += (sum(pBase) - sum(pHead)) / CASES;
    const base = pBase.map(run);
    const head = pHead.map(run);
    for (const [name, test] of Object.entries(candidates)) if (test(base, head)) flagged[name]++;
  }
  rates[scenario] = Object.fromEntries(Object.entries(flagged).map(([k, v]) => [k, v / TRIALS]));
  rates[scenario].meanDrop = drop / TRIALS;
}

const names = Object.keys(scenarios);
console.log(
  `${CASES} cases × ${REPEATS} repeats per side, pass probabilities ~ Beta(4, 1), ${TRIALS} trials per scenario, α = ${ALPHA}, seed ${SEED}`,
);
console.log(
  `mean true drop per scenario: ${names.map((s) => `${s}: ${(100 * rates[s].meanDrop).toFixed(1)} pts`).join('; ')}\n`,
);
const width = Math.max(...Object.keys(candidates).map((k) => k.length));
console.log(
  `${'test'.padEnd(width)}  ${['false regressions', 'power (spread)', 'power (concentrated)'].map((h) => h.padStart(22)).join('')}`,
);
for (const name of Object.keys(candidates)) {
  console.log(`${name.padEnd(width)}  ${names.map((s) => rates[s][name].toFixed(3).padStart(22)).join('')}`);
}
