// How often does promptgate cry wolf, how often does it catch a real drop, and what does it cost?
// Runs the real compiled code (`npm run simulate` builds it first): the adaptive loop of src/review/adaptive.ts
// with its sequential rule, compareResults and decideVerdict, on a stochastic model whose every call is a
// Bernoulli draw with the case's pass probability. Only the provider is simulated (the `resample` callback and
// the first samples); everything that decides is the pipeline's own code.
//
// Targets (issue 10): no-op false alarms ≤ α, also with 10% critical tests, with 9% errors, and for every cached
// base (the max over bases); power ≥ 0.8 for a 10-point drop on 100 cases at default settings; calls per
// verdict ≤ 60% of fixed repeat 3.
//
// Calls per verdict count the calls a review makes: a cached base's first samples are free, its redraws are not.
//
// TRIALS (default 1000) and BASES (default 24, each with BASE_TRIALS = 400 heads) set the size; SEED the seed;
// EARLY and STAGE2 (e.g. "0,2,1") try another design than the default (src/compare/sequential.ts).
import { compareResults } from '../build/compare/compare.js';
import { seededRandom, wilsonInterval } from '../build/compare/stats.js';
import { decideVerdict } from '../build/gate.js';
import { DEFAULT_DESIGN } from '../build/compare/sequential.js';
import { gatherFreshEvidence } from '../build/review/adaptive.js';

const ALPHA = 0.05;
const CASES = 100;
const TRIALS = Number(process.env.TRIALS ?? 1000);
const BASES = Number(process.env.BASES ?? 24);
const BASE_TRIALS = Number(process.env.BASE_TRIALS ?? 400);
const SEED = Number(process.env.SEED ?? 42);
const random = seededRandom(SEED);
const thresholds = { ship: 0.9, fix: 0.5, alpha: ALPHA, maxErrorRate: 0.1 };

/** Per-case pass probabilities mixed as in issue 10: 60% easy (0.95), 25% middling (0.7), 15% hard (0.3). */
const drawDifficulty = () => {
  const u = random();
  return u < 0.6 ? 0.95 : u < 0.85 ? 0.7 : 0.3;
};

/** One call: a pass with probability p, an error with probability errorRate. */
function call(testIdx, p, repeat, errorRate = 0, cached = false) {
  const error = errorRate > 0 && random() < errorRate ? 'HTTP 500' : undefined;
  const pass = !error && random() < p;
  return {
    testIdx,
    promptIdx: 0,
    promptId: 'prompt',
    provider: 'model',
    repeat,
    vars: {},
    output: error ? null : pass ? 'ok' : 'no',
    pass,
    score: pass ? 1 : 0,
    ...(error ? { error } : {}),
    assertions: [],
    latencyMs: 0,
    tokens: { prompt: 0, completion: 0, total: 0 },
    cost: 0,
    cached,
  };
}

const sample = (probs, repeats, errorRate) =>
  probs.flatMap((p, i) => Array.from({ length: repeats }, (_, r) => call(i, p, r, errorRate)));
const results = (list) => ({ version: 1, suite: 'sim', stats: {}, results: list });

/**
 * One review. `base` may be given (a cached base: its first samples reused). Adaptive: the pipeline's default
 * (repeat 1, then fresh repeats of the flips). Fixed: `repeats` samples per case per side, no fresh evidence.
 */
async function review({ pBase, pHead, critical = new Set(), headErrors = 0, base, mode = 'adaptive', repeats = 1 }) {
  const baseResults = base ?? sample(pBase, repeats, 0);
  const headResults = sample(pHead, repeats, headErrors);
  let calls = baseResults.filter((r) => !r.cached).length + headResults.length;
  let fresh;
  if (mode === 'adaptive') {
    fresh = await gatherFreshEvidence({
      base: baseResults,
      head: headResults,
      criticalTests: critical,
      alpha: ALPHA,
      ...(process.env.EARLY || process.env.STAGE2
        ? {
            design: {
              early: Number(process.env.EARLY ?? DEFAULT_DESIGN.early),
              stage2: (process.env.STAGE2 ?? DEFAULT_DESIGN.stage2.join(',')).split(',').map(Number),
            },
          }
        : {}),
      resample: async (cases, side, n) => {
        const probs = side === 'base' ? pBase : pHead;
        const errs = side === 'head' ? headErrors : 0;
        return cases.flatMap((c) => Array.from({ length: n }, (_, r) => call(c.testIdx, probs[c.testIdx], r, errs)));
      },
    });
    if (fresh) calls += fresh.calls;
  }
  const comparison = compareResults(results(baseResults), results(headResults), {
    alpha: ALPHA,
    maxErrorRate: thresholds.maxErrorRate,
    criticalTests: critical,
    gate: thresholds,
    ...(fresh ? { fresh } : {}),
  });
  const verdict = decideVerdict(
    {
      regression: comparison.regression,
      inconclusive: comparison.inconclusive,
      headPassRate: comparison.overall.head.rate,
    },
    thresholds,
  );
  return { verdict, calls };
}

const drawSuite = () => Array.from({ length: CASES }, drawDifficulty);
const drop10 = (p) => p.map((x) => Math.max(0, x - 0.1));
const criticalTenth = new Set(Array.from({ length: CASES / 10 }, (_, i) => i * 10));

async function rate(trials, make) {
  let regressions = 0;
  let inconclusive = 0;
  let calls = 0;
  for (let t = 0; t < trials; t++) {
    const r = await review(make());
    if (r.verdict === 'regression') regressions++;
    if (r.verdict === 'inconclusive') inconclusive++;
    calls += r.calls;
  }
  return { regression: regressions / trials, inconclusive: inconclusive / trials, calls: calls / trials };
}

const started = Date.now();
const rows = [];
const add = (name, r, target) => rows.push({ name, ...r, target });

const noop = () => {
  const p = drawSuite();
  return { pBase: p, pHead: p };
};
add('no-op, adaptive (default)', await rate(TRIALS, noop), `regression ≤ ${ALPHA}`);
add(
  'no-op, 10% critical tests',
  await rate(TRIALS, () => ({ ...noop(), critical: criticalTenth })),
  `regression ≤ ${ALPHA}`,
);
add('no-op, 9% head errors', await rate(TRIALS, () => ({ ...noop(), headErrors: 0.09 })), `regression ≤ ${ALPHA}`);
add('no-op, fixed repeat 1 (no fresh repeats)', await rate(TRIALS, () => ({ ...noop(), mode: 'fixed' })), '');
add(
  'no-op, fixed repeat 3',
  await rate(TRIALS, () => ({ ...noop(), mode: 'fixed', repeats: 3 })),
  `regression ≤ ${ALPHA}`,
);

const drop = () => {
  const p = drawSuite();
  return { pBase: p, pHead: drop10(p) };
};
add('10-point drop, adaptive (default)', await rate(TRIALS, drop), 'power ≥ 0.8');
add(
  '10-point drop in 20 cases (0.5 each), adaptive',
  await rate(TRIALS, () => {
    const p = drawSuite();
    return { pBase: p, pHead: p.map((x, i) => (i < 20 ? Math.max(0, x - 0.5) : x)) };
  }),
  '',
);
add('10-point drop, fixed repeat 1', await rate(TRIALS, () => ({ ...drop(), mode: 'fixed' })), '');
add('10-point drop, fixed repeat 3', await rate(TRIALS, () => ({ ...drop(), mode: 'fixed', repeats: 3 })), '');

// Conditioned on a cached base: one first sample of the base, reused by every no-op head.
let worstBase = 0;
let worstFixed = 0;
let meanBase = 0;
for (let b = 0; b < BASES; b++) {
  const p = drawSuite();
  const base = sample(p, 1, 0).map((r) => ({ ...r, cached: true }));
  const adaptive = await rate(BASE_TRIALS, () => ({ pBase: p, pHead: p, base }));
  const fixed = await rate(BASE_TRIALS, () => ({ pBase: p, pHead: p, base, mode: 'fixed' }));
  worstBase = Math.max(worstBase, adaptive.regression);
  worstFixed = Math.max(worstFixed, fixed.regression);
  meanBase += adaptive.regression / BASES;
}

/** The max over BASES rates that binomial noise alone reaches 95% of the time when every base's true rate is α. */
function noiseMax() {
  let cdf = 0;
  let term = Math.pow(1 - ALPHA, BASE_TRIALS);
  for (let k = 0; k <= BASE_TRIALS; k++) {
    cdf += term;
    if (Math.pow(cdf, BASES) >= 0.95) return k / BASE_TRIALS;
    term *= ((BASE_TRIALS - k) / (k + 1)) * (ALPHA / (1 - ALPHA));
  }
  return 1;
}

const pct = (x) => x.toFixed(3);
const width = Math.max(...rows.map((r) => r.name.length));
console.log(
  `${CASES} cases, pass probabilities 60% 0.95 / 25% 0.7 / 15% 0.3, α = ${ALPHA}, ${TRIALS} trials per row, seed ${SEED}\n`,
);
console.log(`${'scenario'.padEnd(width)}  regression  inconclusive  calls/verdict  target`);
for (const r of rows) {
  console.log(
    `${r.name.padEnd(width)}  ${pct(r.regression).padStart(10)}  ${pct(r.inconclusive).padStart(12)}  ${r.calls.toFixed(1).padStart(13)}  ${r.target}`,
  );
}
const fixed3 = rows.find((r) => r.name === '10-point drop, fixed repeat 3');
const adaptive = rows.find((r) => r.name === '10-point drop, adaptive (default)');
console.log(
  `\ncached base, no-op heads (${BASES} bases × ${BASE_TRIALS} heads each): false-alarm rate max over bases ${pct(worstBase)} (95% interval ${pct(wilsonInterval(Math.round(worstBase * BASE_TRIALS), BASE_TRIALS).low)}–${pct(wilsonInterval(Math.round(worstBase * BASE_TRIALS), BASE_TRIALS).high)}), mean ${pct(meanBase)} adaptive (target ≤ ${ALPHA}; noise alone puts the max of ${BASES} rates at α up to ${pct(noiseMax())}); ${pct(worstFixed)} max with fixed repeat 1 tested against the cached sample`,
);
console.log(
  `calls per verdict on the drop: adaptive ${adaptive.calls.toFixed(1)} = ${((100 * adaptive.calls) / fixed3.calls).toFixed(0)}% of fixed repeat 3 (${fixed3.calls.toFixed(0)}; target ≤ 60%), power ${pct(adaptive.regression)} vs ${pct(fixed3.regression)}`,
);
console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
