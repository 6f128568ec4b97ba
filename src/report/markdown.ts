// The sticky comment and the job summary: the same report, with different budgets.
import { fitToBudget, utf16Length, utf8Length, type Measure } from './budget.js';
import type { ReportInput } from './input.js';
import {
  diffsSection,
  footer,
  headline,
  markerLine,
  notesSection,
  suiteSection,
  untestedSection,
  type Detail,
} from './sections.js';

export type { ReportInput, SuiteReport } from './input.js';

/** GitHub rejects comments over 65,536 characters; keep a margin. */
export const COMMENT_MAX_CHARS = 65_000;
/** The job summary's limit is 1 MiB. */
export const SUMMARY_MAX_BYTES = 1024 * 1024;

const FULL: Detail = {
  newlyPassing: true,
  flaky: true,
  stillFailing: true,
  diffLines: Number.MAX_SAFE_INTEGER,
  newlyFailing: 30,
  listRows: 50,
  excerptChars: 400,
};

/** Least useful first: newly passing, flaky, then diffs shortened, then still failing, then fewer failing cases. */
const COMMENT_LEVELS: Detail[] = [
  FULL,
  { ...FULL, newlyPassing: false },
  { ...FULL, newlyPassing: false, flaky: false },
  { ...FULL, newlyPassing: false, flaky: false, diffLines: 60 },
  { ...FULL, newlyPassing: false, flaky: false, diffLines: 15 },
  { ...FULL, newlyPassing: false, flaky: false, diffLines: 0 },
  { ...FULL, newlyPassing: false, flaky: false, diffLines: 0, stillFailing: false },
  {
    ...FULL,
    newlyPassing: false,
    flaky: false,
    diffLines: 0,
    stillFailing: false,
    newlyFailing: 10,
    excerptChars: 200,
  },
  { ...FULL, newlyPassing: false, flaky: false, diffLines: 0, stillFailing: false, newlyFailing: 3, excerptChars: 120 },
];

const SUMMARY_LEVELS: Detail[] = COMMENT_LEVELS.map((d) => ({
  ...d,
  newlyFailing: d.newlyFailing * 10,
  listRows: 1000,
  excerptChars: d.excerptChars * 5,
}));

function renderBody(input: ReportInput, detail: Detail): string {
  const several = input.suites.length > 1;
  return [
    markerLine(input.marker),
    headline(input),
    notesSection(input.notes),
    ...input.suites.map((s) => suiteSection(s, detail, several)),
    untestedSection(input.untestedPromptChanges),
    diffsSection(input.promptDiffs, detail),
  ]
    .filter(Boolean)
    .join('\n\n');
}

function render(input: ReportInput, levels: Detail[], max: number, measure: Measure, trimmedNote: string): string {
  const tail = (trimmed: boolean) => `\n\n${trimmed ? `> ℹ️ ${trimmedNote}\n\n` : ''}${footer(input)}`;
  return fitToBudget((level) => renderBody(input, levels[level]), levels.length, max, tail, measure);
}

/** The sticky pull-request comment, at most `maxChars` characters. */
export function renderComment(input: ReportInput, options: { maxChars?: number } = {}): string {
  const note = 'Shortened to fit a pull-request comment: the full report is in the job summary of the workflow run.';
  return render(input, COMMENT_LEVELS, options.maxChars ?? COMMENT_MAX_CHARS, utf16Length, note);
}

/** The job summary: the same report with room for every case, at most `maxBytes` UTF-8 bytes. */
export function renderSummary(input: ReportInput, options: { maxBytes?: number } = {}): string {
  const note = 'Shortened to fit the 1 MiB job summary: the results JSON artifact has every case.';
  return render(input, SUMMARY_LEVELS, options.maxBytes ?? SUMMARY_MAX_BYTES, utf8Length, note);
}
