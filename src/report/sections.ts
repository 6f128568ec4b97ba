// Markdown sections of the report. Every piece of model or user text goes through escape.ts.
import { type CaseChange, type Comparison, type CriticalCheck, type RateComparison } from '../compare/compare.js';
import { codeBlock, escapeInline } from './escape.js';
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
  relativeChange,
  verdictDetail,
} from './format.js';
import type { ReportInput, SuiteReport } from './input.js';
import { suiteChangesSection } from './suite-changes.js';

/** How much to show: the budget lowers these one step at a time. */
export interface Detail {
  newlyPassing: boolean;
  flaky: boolean;
  stillFailing: boolean;
  /** Lines of each prompt diff shown; 0 lists the changed files only. */
  diffLines: number;
  /** Newly failing cases shown in full. */
  newlyFailing: number;
  /** Rows per collapsed list. */
  listRows: number;
  /** Code points per output excerpt. */
  excerptChars: number;
}

const ratio = (side: { passed: number; outcomes: number }) => `${side.passed}/${side.outcomes}`;
const where = (c: CaseChange) => `${escapeInline(c.promptId, 80)} × ${escapeInline(c.provider, 60)}`;
const title = (c: CaseChange) => `test ${c.testIdx}${c.description ? ` · ${escapeInline(c.description, 120)}` : ''}`;

function varsText(vars: Record<string, unknown>): string {
  const entries = Object.entries(vars);
  const shown = entries.slice(0, 8).map(([key, value]) => {
    const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
    return `${escapeInline(key, 40)} = ${escapeInline(text, 120)}`;
  });
  if (entries.length > 8) shown.push(`… ${entries.length - 8} more`);
  return shown.length ? shown.join(' · ') : '(none)';
}

export function headline(input: ReportInput): string {
  const { emoji, words } = VERDICT_WORDS[input.overallVerdict];
  const suite = input.suites.find((s) => s.verdict === input.overallVerdict) ?? input.suites[0];
  const detail = verdictDetail(
    input.overallVerdict,
    input.overallVerdict === 'skipped' && input.suites.length === 0 ? undefined : suite,
    input.datasetPath,
  );
  const which = input.suites.length > 1 && suite ? `suite ${escapeInline(suite.name, 80)}: ` : '';
  const gated = input.overallVerdict === 'skipped' ? '' : gateClause(suite);
  const heading = [`${emoji} ${words}`, ...(gated ? [gated] : []), blockClause(input)].join(' · ');
  return `## ${heading}${detail ? `\n\n${which}${escapeInline(detail, 400)}` : ''}`;
}

/** A pass rate with its Wilson 95% interval underneath, small: one column per side keeps the table narrow. */
function rateCell(r: RateComparison['base']): string {
  return `${percent(r.rate)}<br><sub>${percent(r.interval.low)}–${percent(r.interval.high)}</sub>`;
}

function rateRow(label: string, r: RateComparison, flagged: boolean): string {
  const p = `${formatP(r.adjustedP)}${flagged ? ' ⛔' : ''}`;
  return `| ${label} | ${rateCell(r.base)} | ${rateCell(r.head)} | ${points(r.delta)} | ${p} | ${r.cases} | ${r.base.errors} → ${r.head.errors} |`;
}

function ratesTable(c: Comparison): string {
  const rows = [
    // One label column and short headers: the table fits GitHub's 760 px comment column.
    '| Prompt × provider | Base <sub>95% CI</sub> | Head <sub>95% CI</sub> | Δ | p <sub>adj.</sub> | Cases | Errors |',
    '|---|--:|--:|--:|--:|--:|--:|',
    ...c.groups.map((g) =>
      rateRow(`${escapeInline(g.promptId, 60)}<br><sub>${escapeInline(g.provider, 60)}</sub>`, g, g.regression),
    ),
  ];
  if (c.groups.length !== 1)
    rows.push(
      rateRow('**All**', c.overall, c.overall.adjustedP < c.alpha && c.overall.base.passed + c.overall.base.failed > 0),
    );
  return rows.join('\n');
}

/** What the critical family said about a case, in words. */
function criticalLine(check: CriticalCheck | undefined): string[] {
  if (!check) return [];
  const p =
    check.pValue === undefined ? '' : `exact p = ${formatP(check.pValue)}, adjusted ${formatP(check.adjustedP!)}`;
  switch (check.status) {
    case 'regression':
      return [`- critical: ${p} — significant, a regression`];
    case 'undecided':
      return [
        `- critical: ${p} — not decidable with these repeats: needs ${check.repeatsNeeded} fresh repeats per side`,
      ];
    case 'not-significant':
      return [`- critical: ${p} — not significant, not counted`];
    default:
      return [];
  }
}

function caseBlock(c: CaseChange, critical: readonly CriticalCheck[], detail: Detail): string {
  return [
    `**${title(c)}** · ${where(c)} · head passed ${ratio(c.head)}, base ${ratio(c.base)}${c.critical ? ' · **critical**' : ''}`,
    '',
    ...criticalLine(critical.find((k) => k.change === c)),
    `- vars: ${varsText(c.vars)}`,
    `- failed: ${c.head.reasons.length ? c.head.reasons.map((r) => escapeInline(r, 300)).join(' · ') : '(no reason given)'}`,
    '',
    'Base output:',
    '',
    codeBlock(c.base.excerpt, 'text', detail.excerptChars),
    '',
    'Head output:',
    '',
    codeBlock(c.head.excerpt, 'text', detail.excerptChars),
  ].join('\n');
}

/** The check a case failed first (its assertion type, or `error`): what its group is named after. */
const failedCheck = (c: CaseChange) => /^([^:]+):/.exec(c.head.reasons[0] ?? '')?.[1] ?? 'no reason given';

/**
 * Newly failing cases grouped by the check they failed: one collapsed group per check, its cases inside.
 * Critical cases come first and stay open: they are the ones a reviewer must see.
 */
function newlyFailingSection(list: CaseChange[], critical: readonly CriticalCheck[], detail: Detail): string {
  if (list.length === 0) return '';
  let budget = detail.newlyFailing;
  const take = (cases: CaseChange[]) => {
    const shown = cases.slice(0, Math.max(0, budget));
    budget -= shown.length;
    return shown;
  };
  const parts: string[] = take(list.filter((c) => c.critical)).map((c) => caseBlock(c, critical, detail));
  const groups = new Map<string, CaseChange[]>();
  for (const c of list.filter((c) => !c.critical))
    groups.set(failedCheck(c), [...(groups.get(failedCheck(c)) ?? []), c]);
  for (const [check, cases] of [...groups].sort((x, y) => y[1].length - x[1].length || x[0].localeCompare(y[0]))) {
    const shown = take(cases);
    const example = escapeInline(cases[0].head.reasons[0]?.slice(check.length + 1).trim() ?? '', 120);
    const summary = `${escapeInline(check, 60)} — ${cases.length} case${cases.length === 1 ? '' : 's'}${example ? `, e.g. ${example}` : ''}`;
    const hidden = cases.length - shown.length;
    const more = hidden > 0 ? `\n\n_…and ${hidden} more: the full list is in the job summary._` : '';
    const body = shown.length
      ? shown.map((c) => caseBlock(c, critical, detail)).join('\n\n')
      : '_Shown in the job summary._';
    parts.push(`<details>\n<summary>${summary}</summary>\n\n${body}${more}\n\n</details>`);
  }
  return `#### ❌ Newly failing (${list.length})\n\n${parts.join('\n\n')}`;
}

/** A collapsed table of cases; `reason` adds the head's failure reasons. */
function collapsedList(heading: string, list: CaseChange[], detail: Detail, withReason: boolean): string {
  if (list.length === 0) return '';
  const shown = list.slice(0, detail.listRows);
  const header = withReason
    ? '| Test | Prompt × provider | Base | Head | Head failed because |\n|---|---|--:|--:|---|'
    : '| Test | Prompt × provider | Base | Head |\n|---|---|--:|--:|';
  const rows = shown.map((c) => {
    const cells = [title(c), where(c), ratio(c.base), ratio(c.head)];
    if (withReason) cells.push(c.head.reasons.map((r) => escapeInline(r, 200)).join(' · ') || '—');
    return `| ${cells.join(' | ')} |`;
  });
  const more =
    list.length > shown.length
      ? `\n\n_…and ${list.length - shown.length} more: the full list is in the job summary._`
      : '';
  return `<details>\n<summary>${heading} (${list.length})</summary>\n\n${header}\n${rows.join('\n')}${more}\n\n</details>`;
}

/** Cases with outcomes on the base and only errors on the head: missing evidence, never passes. */
function newlyErroringSection(list: CaseChange[], detail: Detail): string {
  if (list.length === 0) return '';
  const shown = list.slice(0, detail.listRows);
  const rows = shown.map(
    (c) =>
      `| ${title(c)}${c.critical ? ' · **critical**' : ''} | ${where(c)} | ${ratio(c.base)} | ${c.head.errors} | ${escapeInline(c.head.reasons[0]?.replace(/^error: /, '') ?? '', 200)} |`,
  );
  const more = list.length > shown.length ? `\n\n_…and ${list.length - shown.length} more: see the job summary._` : '';
  return `#### ⚠️ Newly erroring (${list.length})\n\nOutcomes on the base, only errors on the head: missing evidence, not passes.\n\n| Test | Prompt × provider | Base | Head errors | Error |\n|---|---|--:|--:|---|\n${rows.join('\n')}${more}`;
}

/** Where the p-values come from when fresh samples decided. */
function freshNote(c: Comparison): string {
  if (c.redrawn)
    return `<sub>🔁 ${c.redrawn} result(s) that came from the cache were drawn again before the test, so a cached base cannot decide the verdict.</sub>`;
  if (!c.fresh) return '';
  return `<sub>🔁 The tests use ${freshClause(c.fresh)}, so a cached base cannot decide the verdict. Rates and lists are the first samples.</sub>`;
}

/** A suite too small for any drop to be significant says so, and what it would take. */
function tooSmallNote(c: Comparison): string {
  if (!c.tooSmall || c.inconclusive) return '';
  return `ℹ️ Too small for any drop to be significant: ${c.tooSmall.cases} paired case(s), and the paired test's smallest p is 1/${2 ** c.tooSmall.cases}. It needs at least ${c.tooSmall.casesNeeded} cases (more repeats do not help: the test counts cases).`;
}

function legend(c: Comparison, suite: SuiteReport): string {
  const tests =
    c.levels.critical > 0
      ? `α = ${c.alpha} split in half between the paired test over repeats (overall first, then each prompt × provider, Holm) and the critical cases (exact test over each case's repeats, Holm)`
      : `one-sided paired test over repeats, α = ${c.alpha}; overall first, then each prompt × provider (Holm)`;
  return (
    `<sub>Gate: ship above ${percent(suite.gate.ship)}, fix the prompt below ${percent(suite.gate.fix)}. Regression: ${tests}; p adjusted to α's scale, ⛔ below α. ` +
    `Pass rates count outcomes; errors are missing data, shown apart (inconclusive when they could change the verdict, or above ${percent(c.maxErrorRate)}).</sub>`
  );
}

const omitted = (what: string, n: number) => (n > 0 ? `_${n} ${what} omitted to fit: see the job summary._` : '');

/** Tokens and cost per call when there are any; latency only when it changed beyond its noise. */
function usageTable(usage: Comparison['usage']): string {
  const { base, head } = usage;
  const rows: string[] = [];
  if (base.tokens > 0 || head.tokens > 0)
    rows.push(
      `| Tokens | ${base.tokens.toFixed(1)} | ${head.tokens.toFixed(1)} | ${relativeChange(base.tokens, head.tokens)} |`,
    );
  if (base.cost > 0 || head.cost > 0)
    rows.push(
      `| Cost | $${base.cost.toFixed(6)} | $${head.cost.toFixed(6)} | ${relativeChange(base.cost, head.cost)} |`,
    );
  if (usage.latencyChanged && base.latencyMs !== null && head.latencyMs !== null)
    rows.push(
      `| Latency | ${Math.round(base.latencyMs)} ms | ${Math.round(head.latencyMs)} ms | ${relativeChange(base.latencyMs, head.latencyMs)} |`,
    );
  if (rows.length === 0) return '';
  return ['| Per call | Base | Head | Change |', '|---|--:|--:|--:|', ...rows].join('\n');
}

export function suiteSection(suite: SuiteReport, detail: Detail, several: boolean): string {
  const c = suite.comparison;
  const { emoji, words } = VERDICT_WORDS[suite.verdict];
  const parts: string[] = [`### Suite ${escapeInline(suite.name, 100)}`];
  if (several) {
    const gated = suite.verdict === 'skipped' ? '' : ` · ${gateClause(suite)}`;
    parts.push(`**${emoji} ${words}**${gated} — ${escapeInline(verdictDetail(suite.verdict, suite), 300)}`);
  }
  parts.push(legend(c, suite));
  if (suite.skippedPrompts?.length) {
    parts.push(
      `Not compared: ${suite.skippedPrompts.map((p) => `${escapeInline(p.id, 80)} (${escapeInline(p.reason, 120)})`).join(' · ')}`,
    );
  }
  if (suite.verdict === 'skipped' && c.overall.cases === 0) return parts.join('\n\n');
  parts.push(ratesTable(c));
  parts.push(freshNote(c));
  parts.push(suiteChangesSection(suite.suiteChanges, suite.prSuite));
  const regression = regressionReasons(c);
  const inconclusive = inconclusiveReasons(c);
  if (regression.length) parts.push(regression.map((r) => `- ⛔ ${escapeInline(r, 300)}`).join('\n'));
  if (inconclusive.length) {
    const what = c.regression ? 'Also missing or too little evidence (the regression stands)' : 'Inconclusive';
    parts.push(`${what}:\n\n${inconclusive.map((r) => `- ⚠️ ${escapeInline(r, 300)}`).join('\n')}`);
  }
  parts.push(tooSmallNote(c));
  parts.push(newlyFailingSection(c.newlyFailing, c.critical, detail));
  parts.push(newlyErroringSection(c.newlyErroring, detail));
  parts.push(
    detail.newlyPassing
      ? collapsedList('✅ Newly passing', c.newlyPassing, detail, false)
      : omitted('newly passing cases', c.newlyPassing.length),
  );
  parts.push(
    detail.flaky
      ? collapsedList('🎲 Flaky (repeats disagree)', c.flaky, detail, true)
      : omitted('flaky cases', c.flaky.length),
  );
  parts.push(
    detail.stillFailing
      ? collapsedList('🔁 Still failing', c.stillFailing, detail, true)
      : omitted('still failing cases', c.stillFailing.length),
  );
  parts.push(usageTable(c.usage));
  return parts.filter(Boolean).join('\n\n');
}

export function notesSection(notes: readonly string[] | undefined): string {
  if (!notes?.length) return '';
  return notes.map((n) => `> ⚠️ ${escapeInline(n, 500)}`).join('\n>\n');
}

export function untestedSection(files: string[]): string {
  if (files.length === 0) return '';
  return `### ⚠️ Prompt changes no suite tests\n\n${files.map((f) => `- ${escapeInline(f, 200)}`).join('\n')}`;
}

function diffStat(diff: string): string {
  const lines = diff.split('\n');
  const added = lines.filter((l) => l.startsWith('+') && !l.startsWith('+++')).length;
  const removed = lines.filter((l) => l.startsWith('-') && !l.startsWith('---')).length;
  return `+${added} −${removed}`;
}

export function diffsSection(diffs: ReportInput['promptDiffs'], detail: Detail): string {
  if (diffs.length === 0) return '';
  if (detail.diffLines === 0) {
    return `### Prompt diffs\n\n${diffs.map((d) => `- ${escapeInline(d.file, 200)} (${diffStat(d.diff)})`).join('\n')}\n\n${omitted('diffs', diffs.length)}`;
  }
  const blocks = diffs.map((d) => {
    const lines = d.diff.replace(/\n$/, '').split('\n');
    const shown = lines.slice(0, detail.diffLines).join('\n');
    const cut =
      lines.length > detail.diffLines
        ? `\n\n_…${lines.length - detail.diffLines} more lines: see the job summary._`
        : '';
    return `<details>\n<summary>${escapeInline(d.file, 200)} (${diffStat(d.diff)})</summary>\n\n${codeBlock(shown, 'diff', Number.MAX_SAFE_INTEGER)}${cut}\n\n</details>`;
  });
  return `### Prompt diffs\n\n${blocks.join('\n\n')}`;
}

function safeUrl(url: string): string | undefined {
  if (!/^https?:\/\/[^\s]+$/.test(url)) return undefined;
  return url.replace(/[()<>"'`]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const shortSha = (sha: string) => (/^[0-9a-f]{7,64}$/i.test(sha) ? sha.slice(0, 7) : escapeInline(sha, 12));

export function footer(input: ReportInput): string {
  const url = input.runUrl ? safeUrl(input.runUrl) : undefined;
  const parts = [
    `base ${shortSha(input.baseSha)} → head ${shortSha(input.headSha)}`,
    ...(url ? [`[workflow run](${url})`] : []),
    `${input.calls.made} calls made, ${input.calls.cached} served from cache`,
    'promptgate',
  ];
  return `---\n<sub>${parts.join(' · ')}</sub>\n`;
}

/** The marker is ours, but check it is one HTML comment so it can never open anything. */
export function markerLine(marker: string): string {
  if (!/^<!--[^]*?-->$/.test(marker) || marker.slice(4, -3).includes('--')) {
    return `<!-- ${marker.replace(/-->|--|[<>]/g, '')} -->`;
  }
  return marker;
}
