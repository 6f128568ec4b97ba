// The terminal view of one eval run: a compact table and a summary line. Pure: returns text.
import type { CaseResult, EvalResults } from '../types.js';

export interface TableOptions {
  /** ANSI colour (only when stdout is a TTY). */
  color: boolean;
  /** Terminal width; cells are cut to fit. */
  width?: number;
  /** Show at most this many rows (failures and errors first); every hidden row is counted by outcome. */
  maxRows?: number;
  /** How to see every row, said under a cut table (e.g. "write them all with -o results.csv"). */
  seeAll?: string;
}

const ANSI = { red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', dim: '\x1b[2m', reset: '\x1b[0m' };

/** True when the text holds a surrogate (half of a character outside the BMP, such as most emoji). */
function hasSurrogates(text: string): boolean {
  return /[\uD800-\uDFFF]/.test(text);
}

/**
 * Width in code points, as Array.from counts them; without surrogates that is the length (the table has a
 * row per case, and splitting every cell into characters was most of its cost).
 */
function codePoints(text: string): number {
  return hasSurrogates(text) ? Array.from(text).length : text.length;
}

/** The text on one line: each run of whitespace one space, none at the ends. */
function flattened(text: string): string {
  return /\s/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

function oneLine(text: string, max: number): string {
  const flat = flattened(text);
  if (codePoints(flat) <= max) return flat;
  return cut(flat, max);
}

/** `flat` (one line, longer than `max` code points) cut to `max`, its last one an ellipsis. */
function cut(flat: string, max: number): string {
  const kept = Math.max(0, max - 1);
  // Without surrogates a code point is a UTF-16 unit: cut the string itself, not an array of its characters.
  if (!hasSurrogates(flat)) return `${flat.slice(0, kept)}…`;
  return `${Array.from(flat).slice(0, kept).join('')}…`;
}

/** pad(oneLine(text, max), max), measuring the text once: a row per case calls this for three of its cells. */
function fitted(text: string, max: number): string {
  const flat = flattened(text);
  const len = codePoints(flat);
  if (len > max) return cut(flat, max);
  return len === max ? flat : flat + ' '.repeat(max - len);
}

export function outcome(r: CaseResult): 'PASS' | 'FAIL' | 'ERROR' {
  if (r.error !== undefined) return 'ERROR';
  return r.pass ? 'PASS' : 'FAIL';
}

export function caseName(r: CaseResult): string {
  if (r.description) return r.description;
  // A loop, not entries/map/join: the table and the CSV name every case.
  let vars = '';
  for (const k of Object.keys(r.vars)) {
    const v = r.vars[k];
    vars += `${vars === '' ? '' : ' '}${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`;
  }
  return vars || `test ${r.testIdx + 1}`;
}

/** Why a case did not pass: its error, or its failed assertions' reasons. */
export function why(r: CaseResult): string {
  if (r.error !== undefined) return r.error;
  if (r.pass) return '';
  return r.assertions
    .filter((a) => !a.pass)
    .map((a) => a.reason)
    .join('; ');
}

function pad(text: string, width: number): string {
  const len = codePoints(text);
  return len >= width ? text : text + ' '.repeat(width - len);
}

export function formatEvalTable(results: EvalResults, options: TableOptions): string {
  const paint = (code: string, text: string) => (options.color ? `${code}${text}${ANSI.reset}` : text);
  const rank = { ERROR: 0, FAIL: 1, PASS: 2 } as const;
  const rows = [...results.results].sort(
    (a, b) => rank[outcome(a)] - rank[outcome(b)] || a.testIdx - b.testIdx || a.promptIdx - b.promptIdx,
  );
  const shown = options.maxRows === undefined ? rows : rows.slice(0, options.maxRows);
  const width = Math.max(60, options.width ?? 120);
  const nameW = Math.min(36, Math.floor(width * 0.3));
  const promptW = Math.min(24, Math.floor(width * 0.18));
  const providerW = Math.min(24, Math.floor(width * 0.18));
  const reasonW = Math.max(10, width - nameW - promptW - providerW - 6 - 6 - 10);
  const lines = [
    paint(
      ANSI.dim,
      `${pad('result', 6)} ${pad('score', 5)} ${pad('test', nameW)} ${pad('prompt', promptW)} ${pad('provider', providerW)} reason`,
    ),
  ];
  // Every row of a prompt or a provider shows the same cell: cut once.
  const promptCells = new Map<string, string>();
  const providerCells = new Map<string, string>();
  const cell = (cells: Map<string, string>, text: string, max: number): string => {
    let shown = cells.get(text);
    if (shown === undefined) cells.set(text, (shown = fitted(text, max)));
    return shown;
  };
  const outcomeCells = {
    PASS: paint(ANSI.green, pad('PASS', 6)),
    FAIL: paint(ANSI.red, pad('FAIL', 6)),
    ERROR: paint(ANSI.yellow, pad('ERROR', 6)),
  };
  for (const r of shown) {
    const o = outcome(r);
    const repeat = r.repeat > 0 ? ` #${r.repeat + 1}` : '';
    const reason = why(r);
    lines.push(
      `${outcomeCells[o]} ${pad(r.score.toFixed(2), 5)} ${fitted(caseName(r) + repeat, nameW)} ` +
        `${cell(promptCells, r.promptId, promptW)} ${cell(providerCells, r.provider, providerW)} ` +
        (reason === '' ? '' : oneLine(reason, reasonW)),
    );
  }
  if (shown.length < rows.length) {
    const hidden = { ERROR: 0, FAIL: 0, PASS: 0 };
    for (const r of rows.slice(shown.length)) hidden[outcome(r)]++;
    const parts = [
      hidden.FAIL > 0 ? `${hidden.FAIL} failing` : '',
      hidden.ERROR > 0 ? `${hidden.ERROR} errored` : '',
      hidden.PASS > 0 ? `${hidden.PASS} passing` : '',
    ].filter(Boolean);
    const note = `… ${rows.length - shown.length} more rows not shown: ${parts.join(', ')}${options.seeAll ? ` (${options.seeAll})` : ''}`;
    // A hidden failure is never dim: it must catch the eye as a failure would.
    lines.push(hidden.FAIL + hidden.ERROR > 0 ? paint(ANSI.red, note) : paint(ANSI.dim, note));
  }
  return lines.join('\n');
}

export function formatSummaryLine(results: EvalResults, calls?: { made: number; cached: number }): string {
  const s = results.stats;
  const rate = `${(s.passRate * 100).toFixed(1)}%`;
  const callText = calls ? ` · calls: ${calls.made} made, ${calls.cached} from cache` : '';
  return `${s.cases} cases: ${s.passed} passed, ${s.failed} failed, ${s.errors} errors · pass rate ${rate}${callText}`;
}
