// The spend plan in words: a table per provider (planned calls, answered by the cache, estimated tokens and
// cost), as plain text for the terminal and the log, and as markdown for the job summary.
import type { BudgetedPlan, SampleFacts } from '../engine/budget.js';
import { spendTotals, type BudgetExcess, type SpendLine, type SpendPlan } from '../engine/spend-plan.js';
import { escapeInline } from './escape.js';

/** 1234567 → "1,234,567" (without Intl: its first use costs a CLI run ~0.1 s of start-up). */
const int = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const usd = (n: number): string => (n > 0 && n < 0.01 ? `$${n.toFixed(4)}` : `$${n.toFixed(2)}`);

const BASIS: Record<SpendLine['outputBasis'], string> = {
  cache: 'output tokens: the average of cached answers',
  max_tokens: 'output tokens: max_tokens per call (an upper bound)',
  assumed: 'output tokens: an assumed 256 per call (64 for a grader)',
};

function rows(plan: SpendPlan): string[][] {
  return plan.lines.map((line) => [
    line.role === 'grader' ? `${line.provider} (grader)` : line.provider,
    int(line.planned),
    int(line.cached),
    int(line.planned - line.cached),
    `${int(line.promptTokens)} in / ${int(line.completionTokens)} out`,
    line.cost === undefined ? 'price unknown' : usd(line.cost),
  ]);
}

const HEADER = ['provider', 'planned calls', 'from cache', 'to make', 'est. tokens', 'est. cost'];

function totalLine(plan: SpendPlan): string {
  const totals = spendTotals(plan);
  const unpriced = totals.unpriced.length > 0 ? ` (not counting ${totals.unpriced.join(', ')}: price unknown)` : '';
  return `${int(totals.calls)} calls to make, ${int(totals.cached)} answered by the cache; estimated cost ${usd(totals.cost)}${unpriced}`;
}

function bases(plan: SpendPlan): string[] {
  return [...new Set(plan.lines.filter((l) => l.planned > l.cached).map((l) => BASIS[l.outputBasis]))];
}

function sampleSentence(sample: SampleFacts): string {
  const limit =
    sample.excess.limit === 'max-calls'
      ? `${int(sample.excess.planned)} calls, more than max-calls (${int(sample.excess.allowed)})`
      : `an estimated ${usd(sample.excess.planned)}, more than max-cost (${usd(sample.excess.allowed)})`;
  return (
    `The full run would make ${limit}: over-budget is "sample", so a deterministic sample of ` +
    `${(sample.fraction * 100).toFixed(1)}% of the cases runs (the same cases on base and head).`
  );
}

export function excessSentence(excess: BudgetExcess): string {
  return excess.limit === 'max-calls'
    ? `over budget: ${int(excess.planned)} calls to make, max-calls is ${int(excess.allowed)}`
    : `over budget: an estimated ${usd(excess.planned)}, max-cost is ${usd(excess.allowed)}`;
}

/** For the terminal and the log. */
export function spendPlanText(planned: BudgetedPlan): string {
  const table = [HEADER, ...rows(planned.plan)];
  const widths = HEADER.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  const lines = [
    'spend plan (before any call):',
    ...table.map(
      (row) => '  ' + row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '),
    ),
    `  ${totalLine(planned.plan)}`,
    ...bases(planned.plan).map((b) => `  ${b}`),
  ];
  if (planned.sample) lines.push(`  ${sampleSentence(planned.sample)}`);
  return lines.join('\n');
}

/** For the job summary. */
export function spendPlanMarkdown(planned: BudgetedPlan): string {
  const cells = (row: string[]) => `| ${row.map((c) => escapeInline(c, 120).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [
    '### Spend plan',
    '',
    cells(HEADER),
    `|${HEADER.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...rows(planned.plan).map(cells),
    '',
    `${totalLine(planned.plan)}. ${bases(planned.plan).join('; ')}`,
    ...(planned.sample ? ['', `> ⚠️ ${sampleSentence(planned.sample)}`] : []),
    '',
  ].join('\n');
}

/** The note a report carries when only a sample ran. */
export function sampleNote(planned: BudgetedPlan | undefined): string[] {
  return planned?.sample ? [sampleSentence(planned.sample)] : [];
}
