// Numbers and verdict words shared by the markdown and the plain-text report.
import type { CheckVerdict } from '../gate.js';
import type { SuiteReport } from './input.js';

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
    case 'inconclusive':
      return c.inconclusiveReason ?? rates;
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
