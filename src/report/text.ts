// The report for a terminal (the CLI): the same facts as the comment, as plain aligned text.
import type { CaseChange, RateComparison } from '../compare/compare.js';
import { truncateCodePoints } from '../compare/excerpt.js';
import { revealInvisible } from './escape.js';
import {
  VERDICT_WORDS,
  blockClause,
  formatP,
  freshClause,
  gateClause,
  inconclusiveReasons,
  percent,
  points,
  regressionReasons,
  verdictDetail,
} from './format.js';
import type { ReportInput } from './input.js';

/** One line, no control characters: terminal escape sequences in model output must not reach the terminal. */
const isControl = (ch: string) => {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
};
const clean = (text: string, max: number) =>
  // Cut first: a 10 MB output is never spread into code points.
  [...revealInvisible(truncateCodePoints(text, max)).replace(/\r\n?|\n/g, ' ↵ ')]
    .map((ch) => (isControl(ch) ? '�' : ch))
    .join('');

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  return rows.map((r) =>
    r
      .map((cell, i) => cell + ' '.repeat(widths[i] - [...cell].length))
      .join('  ')
      .trimEnd(),
  );
}

const rateCells = (r: RateComparison) => [
  percent(r.base.rate),
  percent(r.head.rate),
  points(r.delta),
  formatP(r.adjustedP),
  String(r.cases),
  `${r.base.errors} → ${r.head.errors}`,
];

function caseLines(heading: string, list: CaseChange[]): string[] {
  if (list.length === 0) return [];
  return [
    `${heading} (${list.length}):`,
    ...list.map((c) => {
      const reason = c.head.reasons[0] ? ` — ${clean(c.head.reasons[0], 160)}` : '';
      return `    test ${c.testIdx} ${clean(c.description ?? '', 60)} [${clean(c.promptId, 40)} × ${clean(c.provider, 30)}] base ${c.base.passed}/${c.base.outcomes} → head ${c.head.passed}/${c.head.outcomes}${reason}`;
    }),
  ];
}

export function renderText(input: ReportInput): string {
  const { words } = VERDICT_WORDS[input.overallVerdict];
  const top = input.suites.find((s) => s.verdict === input.overallVerdict) ?? input.suites[0];
  const detail = verdictDetail(input.overallVerdict, top, input.datasetPath);
  const gated = input.overallVerdict === 'skipped' ? '' : gateClause(top);
  const heading = [words.toUpperCase(), ...(gated ? [gated] : []), blockClause(input)].join(' · ');
  const lines = [heading, ...(detail ? [`  ${clean(detail, 400)}`] : [])];
  for (const note of input.notes ?? []) lines.push(`note: ${clean(note, 500)}`);
  for (const suite of input.suites) {
    const c = suite.comparison;
    lines.push('', `Suite ${clean(suite.name, 100)}: ${VERDICT_WORDS[suite.verdict].words}`);
    const rows = [
      ['prompt', 'provider', 'base', 'head', 'Δ', 'p adj.', 'cases', 'errors'],
      ...c.groups.map((g) => [clean(g.promptId, 50), clean(g.provider, 40), ...rateCells(g)]),
    ];
    if (c.groups.length !== 1) rows.push(['all', '', ...rateCells(c.overall)]);
    lines.push(...table(rows).map((l) => `  ${l}`));
    if (c.fresh) lines.push(`  the tests use ${freshClause(c.fresh)}`);
    lines.push(...inconclusiveReasons(c).map((r) => `  inconclusive: ${clean(r, 300)}`));
    lines.push(...regressionReasons(c).map((r) => `  regression: ${clean(r, 300)}`));
    lines.push(...caseLines('  newly failing', c.newlyFailing), ...caseLines('  newly erroring', c.newlyErroring));
    lines.push(...caseLines('  newly passing', c.newlyPassing));
    lines.push(...caseLines('  flaky', c.flaky), ...caseLines('  still failing', c.stillFailing));
  }
  if (input.untestedPromptChanges.length)
    lines.push('', 'Prompt changes no suite tests:', ...input.untestedPromptChanges.map((f) => `  ${clean(f, 200)}`));
  lines.push(
    '',
    `base ${input.baseSha.slice(0, 7)} → head ${input.headSha.slice(0, 7)} · ${input.calls.made} calls made, ${input.calls.cached} from cache`,
  );
  return lines.join('\n') + '\n';
}
