// Excel test sheets (`tests: file://tests.xlsx#Cases`), read as promptfoo 0.123.1 reads them (its parseXlsxFile,
// with the same reader, read-excel-file 9.3.17): the sheet after `#` (a name, or a 1-based number; the first
// sheet without one), its first row the column names, every further row a test, made as a CSV row is made
// (csv.ts's testsFromTable). A cell becomes the string promptfoo makes of it: `String(value)` (42 → "42", a
// boolean → "true", a date cell → the JavaScript date string in the machine's time zone), an empty cell "".
// read-excel-file trims text cells and reads a formula's cached result. The reader is a chunk of its own,
// loaded only when a suite names a sheet. A legacy binary .xls workbook is refused: promptfoo cannot read one either.
import type { InvalidInputError } from 'read-excel-file/node';
import type { Table } from './csv.js';
import { locatedError, type KeyPath, type Locator } from './source.js';

/** A workbook's file name. */
export const WORKBOOK_FILE = /\.xlsx?$/i;

/** A reference promptfoo reads as a workbook: the path before any `#sheet` ends in .xlsx or .xls. */
export function isWorkbookReference(reference: string): boolean {
  return WORKBOOK_FILE.test(splitSheet(reference).file);
}

/** `tests.xlsx#Cases` → the file and the sheet, split as promptfoo splits them: at the first `#`, to the next. */
export function splitSheet(reference: string): { file: string; sheet?: string } {
  const [file, sheet] = reference.split('#') as [string, string | undefined];
  return sheet === undefined ? { file } : { file, sheet };
}

/** `0` → `A`, `27` → `AB`: how a spreadsheet names its columns. */
export function columnLetters(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** promptfoo's getSheetIndex: a whole number picks by position (1-based), anything else by exact name. */
function sheetIndex(specifier: string | undefined, names: string[], shown: string): number | string {
  if (!specifier) return 0;
  const trimmed = specifier.trim();
  if (/^[+-]?\d+$/.test(trimmed)) {
    const n = Number(trimmed);
    if (n < 1 || n > names.length) {
      return `${shown}#${specifier}: there is no sheet number ${n}; the workbook has ${names.length === 1 ? '1 sheet' : `${names.length} sheets`} (${names.map((name) => JSON.stringify(name)).join(', ')}), numbered from 1`;
    }
    return n - 1;
  }
  const index = names.indexOf(specifier);
  if (index < 0) {
    return `${shown}#${specifier}: no sheet is named ${JSON.stringify(specifier)} (names are matched exactly); the workbook's sheets: ${names.map((name) => JSON.stringify(name)).join(', ')}`;
  }
  return index;
}

/** What read-excel-file's refusal of a file means, and what to do. */
function unreadable(err: unknown, shown: string): string {
  const code = (err as Partial<InvalidInputError>).code;
  if (code === 'XLS_FILE_NOT_SUPPORTED') {
    return `${shown} is a legacy binary Excel workbook (.xls, Excel 97–2003), which promptfoo 0.123.1 cannot read either (its reader, read-excel-file, reads only .xlsx): save it as an Excel Workbook (.xlsx), or export the sheet to CSV, and point tests at that`;
  }
  const detail = err instanceof Error ? err.message : String(err);
  if (code === 'FILE_NOT_SUPPORTED' || code === 'INVALID_ZIP' || code === 'NO_DATA') {
    return `${shown} is not an .xlsx workbook (${code === 'NO_DATA' ? 'the file is empty' : detail}); save it from Excel, LibreOffice or Google Sheets as .xlsx, or export the sheet to CSV`;
  }
  return `${shown} could not be read as an .xlsx workbook: ${detail}; re-save it from a spreadsheet program, or export the sheet to CSV`;
}

/**
 * The rows of the named sheet of the workbook at `abs`, as text cells; an unreadable file, a missing sheet and a
 * sheet without tests are errors at the reference (`locator`, `at`), as in promptfoo.
 */
export async function readSheet(
  abs: string,
  specifier: string | undefined,
  shown: string,
  locator: Locator,
  at: KeyPath,
): Promise<Table> {
  const { default: readXlsxFile } = await import('read-excel-file/node');
  let sheets;
  try {
    sheets = await readXlsxFile(abs);
  } catch (err) {
    throw locatedError(locator, at, unreadable(err, shown));
  }
  const names = sheets.map((sheet) => sheet.sheet);
  if (names.length === 0) throw locatedError(locator, at, `${shown} has no sheets`);
  const index = sheetIndex(specifier, names, shown);
  if (typeof index === 'string') throw locatedError(locator, at, index);
  const name = names[index]!;
  const file = `${shown}#${name}`;
  const text = (cell: unknown): string => (cell === null || cell === undefined ? '' : String(cell));
  const rows = sheets[index]!.data;
  const header = (rows[0] ?? []).map(text);
  if (rows.length === 0 || header.every((cell) => cell === '')) {
    throw locatedError(
      locator,
      at,
      `${file}: ${rows.length === 0 ? 'the sheet is empty' : 'its first row (the column names: vars, __expected, …) is empty'}; promptfoo reads the first row as the column names and each further row as a test`,
    );
  }
  if (rows.length === 1) {
    throw locatedError(locator, at, `${file}: the sheet has column names but no rows below them; each row is a test`);
  }
  const records = rows.slice(1).map((row, i) => ({
    record: Object.fromEntries(header.map((column, c) => [column, text(row[c])])),
    // rows[0] is the sheet's row 1 (read-excel-file keeps leading empty rows).
    line: i + 2,
  }));
  if (!records.some(({ record }) => Object.values(record).some((cell) => cell.trim() !== ''))) {
    throw locatedError(locator, at, `${file}: every row below the column names is empty; each row is a test`);
  }
  return { file, header, rows: records, columnLabel: columnLetters };
}
