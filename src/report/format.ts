// Numbers and verdict words shared by the markdown and the plain-text report: compare/ returns facts, and
// this file says them (the findings' sentences below).
import type { CaseChange, Comparison, InconclusiveFinding, RegressionFinding } from '../compare/compare.js';
import { failOnWords, type CheckVerdict, type GateDecision } from '../gate.js';
import type { ReportInput, SuiteReport } from './input.js';

export const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Signed change in percentage points, with a real minus sign. */
export function points(delta: number): string {
  const value = (100 * delta).toFixed(1);
  if (value === '0.0' || value === '-0.0') return '±0.0 pts';
  return delta > 0 ? `+${value} pts` : `−${value.slice(1)} pts`;
}

export function relativeChange(base: number, head: number): string {
  if (base === 0) return head === 0 ? '±0%' : 'new';
  const change = (100 * (head - base)) / base;
  if (Math.abs(change) < 0.05) return '±0%';
  return change > 0 ? `+${change.toFixed(1)}%` : `−${(-change).toFixed(1)}%`;
}

export const VERDICT_WORDS: Record<CheckVerdict, { emoji: string; words: string }> = {
  ship: { emoji: '✅', words: 'Ship' },
  regression: { emoji: '⛔', words: 'Regression' },
  inconclusive: { emoji: '⚠️', words: 'Inconclusive' },
  'fix-prompt': { emoji: '🛠️', words: 'Fix the prompt first' },
  'fine-tune': { emoji: '🎯', words: 'Consider fine-tuning' },
  skipped: { emoji: '⏭️', words: 'Skipped' },
};

/** What follows the verdict's words, e.g. "head 94.0% vs base 92.0%". Plain text: the caller escapes. */
export function verdictDetail(verdict: CheckVerdict, suite: SuiteReport | undefined, datasetPath?: string): string {
  if (!suite) return verdict === 'skipped' ? 'no prompt used by a suite changed' : '';
  const c = suite.comparison;
  const hasBase = c.overall.base.passed + c.overall.base.failed > 0;
  const rates = hasBase
    ? `head ${percent(c.overall.head.rate)} vs base ${percent(c.overall.base.rate)}`
    : `head ${percent(c.overall.head.rate)} (no base to compare: new in this pull request)`;
  switch (verdict) {
    case 'inconclusive': {
      const reasons = inconclusiveReasons(c);
      const more = reasons.length - 1;
      return `${rates}; ${reasons[0] ?? 'the evidence cannot decide'}${more > 0 ? ` (and ${more} more reason${more === 1 ? '' : 's'} below)` : ''}`;
    }
    case 'fix-prompt':
      return `${rates} (below ${percent(suite.gate.fix)})`;
    case 'fine-tune': {
      const n = c.headFailingCases;
      const cases = `${n} failing case${n === 1 ? '' : 's'}`;
      return datasetPath ? `${rates}; ${cases} exported as a dataset (${datasetPath})` : `${rates}; ${cases}`;
    }
    case 'skipped':
      return 'no prompt of this suite changed';
    default:
      return rates;
  }
}

/** "gate: consider fine-tuning (60.9%)": what the gate says on the head's pass rate, whatever the verdict. */
export function gateClause(suite: SuiteReport | undefined): string {
  if (!suite) return '';
  if (!suite.gateDecision) return 'gate: no head outcome to judge';
  return `gate: ${GATE_WORDS[suite.gateDecision]} (${percent(suite.comparison.overall.head.rate)})`;
}

/** Whether the check blocks the merge, and for a run that does not decide, what would make it block. */
export function blockClause(input: Pick<ReportInput, 'blocks' | 'failPolicy' | 'overallVerdict'>): string {
  if (input.blocks) return `merge blocked (fail-on: ${failOnWords(input.failPolicy)})`;
  if (input.failPolicy.failOn === 'never') return 'not blocking (fail-on: never)';
  if (input.overallVerdict === 'inconclusive')
    return `not blocking (an inconclusive run blocks only with fail-on: ${input.failPolicy.failOn},inconclusive)`;
  return 'not blocking';
}

/** What the fresh evidence was, for a reader: which samples the tests used, and where the design stopped. */
export function freshClause(f: NonNullable<Comparison['fresh']>): string {
  const redrawn = f.redrawn ? `, ${f.redrawn} of them drawn again because the first sample came from the cache` : '';
  const stop: Record<typeof f.stopped, string> = {
    screened: 'the head did no worse on its first samples, so only critical cases were re-run',
    early: 'stage 1 decided it',
    futile: 'stage 1 showed the head no worse, so it stopped there',
    final: `stage 2 re-ran ${f.stage2Cases} case(s) chosen by their stage-1 totals`,
  };
  return `fresh samples only: stage 1 is one per side of ${f.cases} case(s)${redrawn}; ${stop[f.stopped]} (${f.calls} calls beyond the first samples, none from the cache)`;
}

/** p-values as people read them: 2 significant digits, tiny ones as "<0.001". */
export function formatP(p: number): string {
  if (p < 0.001) return '<0.001';
  return p
    .toPrecision(2)
    .replace(/^(\d\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

/** "p = 0.012" or "p < 0.001". */
export function pClause(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${formatP(p)}`;
}

/** What each gate decision tells the author, in lower case. */
export const GATE_WORDS: Record<GateDecision, string> = {
  ship: 'ship',
  'fix-prompt': 'fix the prompt first',
  'fine-tune': 'consider fine-tuning',
};

const caseName = (c: CaseChange) =>
  `test ${c.testIdx}${c.description ? ` (${c.description})` : ''} on ${c.promptId} × ${c.provider}`;

/** Why it is a regression, one sentence per finding. */
export function regressionReasons(c: Comparison): string[] {
  const alpha = `α = ${c.alpha}`;
  return c.regressionFindings.map((f: RegressionFinding) => {
    switch (f.rule) {
      case 'overall': {
        const split = f.split ? `α/2 = ${formatP(f.level)}, α split with critical tests` : alpha;
        const stages = f.fresh?.stages === 2 ? 'two stages' : 'one stage';
        const level = f.fresh ? `${split}; fresh samples of ${f.fresh.cases} cases, in ${stages}` : split;
        return `head worse than base overall (${f.fresh ? 'exact group-sequential' : 'one-sided paired'} ${pClause(f.pValue)} < ${level})`;
      }
      case 'group':
        return `${f.promptId} × ${f.provider}: head worse (${pClause(f.pValue)}; adjusted for the overall test first and Holm over ${f.groups} groups: ${formatP(f.adjustedP)} < ${alpha})`;
      case 'critical':
        return `critical ${caseName(f.change)} newly failing (exact test over its repeats ${pClause(f.pValue)}, adjusted ${formatP(f.adjustedP)} < ${alpha})`;
    }
  });
}

const NO_OUTCOME: Record<Extract<InconclusiveFinding, { rule: 'no-outcome' }>['what'], string> = {
  'no-case-ran': 'no case ran',
  'no-outcome': 'no case produced an outcome',
  'no-paired-outcome': 'no case produced an outcome on both base and head',
};

/** Why the evidence cannot decide, one sentence per finding, most important first. */
export function inconclusiveReasons(c: Comparison): string[] {
  return c.inconclusiveFindings.map((f: InconclusiveFinding) => {
    switch (f.rule) {
      case 'no-outcome':
        return NO_OUTCOME[f.what];
      case 'critical-undecided':
        return `critical ${caseName(f.change)} is newly failing, but ${f.change.base.outcomes} base and ${f.change.head.outcomes} head outcome(s) cannot decide it: it needs ${f.repeatsNeeded} fresh repeats per side`;
      case 'critical-no-head-outcome':
        return `critical ${caseName(f.change)} has no head outcome: every head call errored`;
      case 'error-share':
        return `${f.errors} of ${f.calls} ${f.side} calls errored (${percent(f.errors / f.calls)}, more than the ${percent(f.maxErrorRate)} allowed)`;
      case 'errors-could-hide': {
        const erroring = f.newlyErroring ? ` (${f.newlyErroring} newly erroring cases)` : '';
        return `${f.errors} calls errored${erroring}: were the missing head outcomes fails, the head would be significantly worse (${pClause(f.pValue)})`;
      }
      case 'too-little-fresh':
        return `too little fresh evidence: the ${f.cases} case(s) and their fresh repeats can never reach significance (the smallest p is ${formatP(f.smallestP)}); more repeats (the \`repeat\` input) or more cases would decide it`;
      case 'too-small': {
        const collapse = f.everyCaseWorse
          ? `every case got worse (base ${percent(f.baseRate)} → head ${percent(f.headRate)}), but `
          : '';
        return `too small to decide: ${collapse}${f.cases} paired case(s) can never reach significance (the smallest p is 1/${2 ** f.cases}); it needs at least ${f.casesNeeded} cases`;
      }
      case 'errors-move-gate':
        return `${f.errors} head calls errored: were they fails, the head's pass rate would be ${percent(f.worstRate)} and the gate would say ${GATE_WORDS[f.then]} instead of ${GATE_WORDS[f.now]}`;
    }
  });
}
