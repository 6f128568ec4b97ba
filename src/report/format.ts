// Numbers and verdict words shared by the markdown and the plain-text report.
import { GATE_WORDS, type Comparison } from '../compare/compare.js';
import { failOnWords, type CheckVerdict } from '../gate.js';
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
      const more = c.inconclusiveReasons.length - 1;
      return `${rates}; ${c.inconclusiveReason ?? 'the evidence cannot decide'}${more > 0 ? ` (and ${more} more reason${more === 1 ? '' : 's'} below)` : ''}`;
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
