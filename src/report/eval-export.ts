// `promptgate eval -o FILE` in the format its extension names, as promptfoo does: .json (the results
// document), .csv (one row per case) or .html (one self-contained page a person can open). Pure: returns text.
import type { CaseResult, EvalResults } from '../types.js';
import { caseName, outcome, why } from './eval-table.js';
import { formatSummaryLine } from './eval-table.js';

export const EVAL_OUTPUT_FORMATS = ['.json', '.csv', '.html'] as const;
export type EvalOutputFormat = (typeof EVAL_OUTPUT_FORMATS)[number];

/** The format a file name asks for, or undefined when its extension is not one eval writes. */
export function evalOutputFormat(file: string): EvalOutputFormat | undefined {
  const ext = /\.[^./\\]+$/.exec(file)?.[0]?.toLowerCase();
  return EVAL_OUTPUT_FORMATS.find((f) => f === ext);
}

const text = (value: unknown): string =>
  value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);

const COLUMNS: Array<[string, (r: CaseResult) => unknown]> = [
  ['result', outcome],
  ['test', caseName],
  ['prompt', (r) => r.promptId],
  ['provider', (r) => r.provider],
  ['repeat', (r) => r.repeat + 1],
  ['score', (r) => r.score],
  ['vars', (r) => r.vars],
  ['output', (r) => r.output],
  ['reason', why],
  ['latency_ms', (r) => r.latencyMs],
  ['cached', (r) => r.cached],
];

/**
 * RFC 4180: every field quoted, quotes doubled, CRLF between records. Model output is hostile text: a string
 * that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`.
 */
export function evalResultsCsv(results: EvalResults): string {
  const field = (v: unknown) => {
    const t = typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : text(v);
    return `"${t.replace(/"/g, '""')}"`;
  };
  const rows = [COLUMNS.map(([name]) => field(name)).join(',')];
  for (const r of results.results) rows.push(COLUMNS.map(([, get]) => field(get(r))).join(','));
  return rows.join('\r\n') + '\r\n';
}

const escapeHtml = (v: unknown) =>
  text(v).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1f2328}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #d0d7de;padding:4px 8px;vertical-align:top;text-align:left}
th{background:#f6f8fa;position:sticky;top:0}td.o{white-space:pre-wrap;max-width:40rem;font-family:ui-monospace,monospace;font-size:12px}
.PASS{color:#1a7f37;font-weight:600}.FAIL{color:#cf222e;font-weight:600}.ERROR{color:#9a6700;font-weight:600}`;

/** One page, no script, no external resource: opens from disk, attaches to an issue, survives the run. */
export function evalResultsHtml(results: EvalResults, calls?: { made: number; cached: number }): string {
  const rank = { ERROR: 0, FAIL: 1, PASS: 2 } as const;
  const rows = [...results.results].sort(
    (a, b) => rank[outcome(a)] - rank[outcome(b)] || a.testIdx - b.testIdx || a.promptIdx - b.promptIdx,
  );
  const head = COLUMNS.map(([name]) => `<th>${escapeHtml(name)}</th>`).join('');
  const body = rows
    .map((r) => {
      const cells = COLUMNS.map(([name, get]) => {
        const value = get(r);
        if (name === 'result') return `<td class="${escapeHtml(value)}">${escapeHtml(value)}</td>`;
        const cls = name === 'output' || name === 'vars' || name === 'reason' ? ' class="o"' : '';
        return `<td${cls}>${escapeHtml(value)}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>promptgate eval: ${escapeHtml(results.suite)}</title>
<style>${STYLE}</style></head>
<body><h1>promptgate eval: ${escapeHtml(results.suite)}</h1>
<p>${escapeHtml(formatSummaryLine(results, calls))}</p>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></body></html>
`;
}

/** The file's content for its format. */
export function renderEvalOutput(
  format: EvalOutputFormat,
  results: EvalResults,
  calls?: { made: number; cached: number },
): string {
  if (format === '.csv') return evalResultsCsv(results);
  if (format === '.html') return evalResultsHtml(results, calls);
  return JSON.stringify(results, null, 2) + '\n';
}
