// CSV test files, read exactly as promptfoo reads them (src/csv.ts there): every column is a var, except
// `__expected` / `__expectedN` (an assertion each, written as `contains:x`, `not-icontains:x`,
// `javascript:...`, `grade:...`, or a plain value meaning `equals`), `__description`, `__threshold` and
// `__metric` (applied to the row's assertions), `__metadata:<name>` (`__metadata:<name>[]`: a list, split on
// commas) and `__config:__expected[N]:threshold` (one assertion's threshold). A spreadsheet's rows (xlsx.ts)
// become tests the same way (promptfoo's csvRowsToTestCases): testsFromTable is that one place. Pure: takes
// the text or the rows, returns raw tests with their line.
import { CsvError, parse } from 'csv-parse/sync';
import { ConfigError } from '../errors.js';

export interface CsvAssertion {
  type: string;
  value?: unknown;
  threshold?: number;
  metric?: string;
}

export interface CsvTest {
  /** 1-based line of the row (its last line when a quoted cell spans several). */
  line: number;
  vars: Record<string, string>;
  assert: CsvAssertion[];
  options: Record<string, unknown>;
  description?: string;
  threshold?: number;
  metadata?: Record<string, unknown>;
}

/**
 * promptfoo's base assertion types, longest first so that `contains-any` wins over `contains`. A prefix
 * that is not one of these leaves the cell a plain `equals` value (`Note: hi` is text, not an assertion).
 */
// prettier-ignore
const PROMPTFOO_ASSERTION_TYPES = [
  'answer-relevance', 'bleu', 'classifier', 'contains-all', 'contains-any', 'contains-html', 'contains-json',
  'contains-sql', 'contains-xml', 'contains', 'context-faithfulness', 'context-recall', 'context-relevance',
  'cost', 'equals', 'factuality', 'finish-reason', 'g-eval', 'gleu', 'icontains-all', 'icontains-any',
  'icontains', 'is-html', 'is-json', 'is-refusal', 'is-sql', 'is-valid-function-call',
  'is-valid-openai-function-call', 'is-valid-openai-tools-call', 'is-xml', 'javascript', 'latency',
  'levenshtein', 'llm-rubric', 'meteor', 'model-graded-closedqa', 'model-graded-factuality', 'moderation',
  'perplexity-score', 'perplexity', 'pi', 'python', 'regex', 'rouge-n', 'select-best', 'similar',
  'starts-with', 'trace-error-spans', 'trace-span-count', 'trace-span-duration', 'webhook', 'word-count',
].sort((a, b) => b.length - a.length);

const ASSERTION_PATTERN = new RegExp(
  `^(not-)?(${PROMPTFOO_ASSERTION_TYPES.join('|')})(?:\\((\\d+(?:\\.\\d+)?)\\))?(?::([\\s\\S]*))?$`,
);

/** Types whose CSV form carries a threshold, defaulting as promptfoo does (0.8 for similar, else 0.75). */
// prettier-ignore
const THRESHOLD_TYPES = new Set([
  'answer-relevance', 'classifier', 'context-faithfulness', 'context-recall', 'context-relevance', 'cost',
  'latency', 'levenshtein', 'perplexity-score', 'perplexity', 'rouge-n', 'similar', 'starts-with',
]);
const LIST_TYPES = new Set(['contains-all', 'contains-any', 'icontains-all', 'icontains-any']);

/** promptfoo's assertionFromString. */
export function assertionFromString(expected: string): CsvAssertion {
  for (const prefix of ['javascript:', 'fn:', 'eval:']) {
    if (expected.startsWith(prefix)) return { type: 'javascript', value: expected.slice(prefix.length).trim() };
  }
  if (expected.startsWith('grade:')) return { type: 'llm-rubric', value: expected.slice('grade:'.length) };
  if (expected.startsWith('llm-rubric:')) return { type: 'llm-rubric', value: expected.slice('llm-rubric:'.length) };
  if (expected.startsWith('python:') || (expected.startsWith('file://') && /\.py(:|$)/.test(expected))) {
    // `python:` and `file://` are both 7 characters long.
    return { type: 'python', value: expected.slice(7).trim() };
  }
  if (expected.startsWith('file://') && /\.(js|ts)(:|$)/.test(expected)) {
    // promptfoo drops `file://` here and its javascript assertion re-reads the path.
    return { type: 'javascript', value: expected.trim() };
  }
  const match = ASSERTION_PATTERN.exec(expected);
  if (!match) return { type: 'equals', value: expected };
  const [, not, type, thresholdText, value] = match as unknown as [
    string,
    string | undefined,
    string,
    string | undefined,
    string | undefined,
  ];
  const fullType = not ? `not-${type}` : type;
  if (LIST_TYPES.has(type)) return { type: fullType, value: value ? commaSeparated(value) : value };
  // promptfoo 0.123 trims the value: `contains: x` checks for "x".
  const trimmed = value?.trim();
  if (THRESHOLD_TYPES.has(type)) {
    const threshold = thresholdText === undefined ? undefined : finiteNumber(thresholdText);
    return { type: fullType, value: trimmed, threshold: threshold ?? (type === 'similar' ? 0.8 : 0.75) };
  }
  return trimmed === undefined ? { type: fullType } : { type: fullType, value: trimmed };
}

/**
 * promptfoo 0.123's parseFiniteNumber, its one reading of a number in a CSV cell (`__threshold`,
 * `__config:…:threshold`, `similar(0.9)`): the trimmed cell must be a whole decimal literal (`0`, `.5`, `+1e-3`);
 * anything else (blank, `0.5x`, `0x1`, `Infinity`) is no number.
 */
function finiteNumber(cell: string): number | undefined {
  const trimmed = cell.trim();
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(trimmed)) return undefined;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/**
 * promptfoo's parseCommaSeparatedAssertionValues: fields split on commas and trimmed, empty ones skipped; a
 * field in double quotes may hold commas (`""` or `\"` is a quote inside it).
 */
function commaSeparated(value: string): string[] {
  const fields: string[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < value.length && /\s/.test(value[i])) i++;
  };
  while (i < value.length) {
    for (skipSpace(); value[i] === ','; skipSpace()) i++;
    if (i >= value.length) break;
    if (value[i] === '"') {
      let field = '';
      let closed = false;
      for (i++; i < value.length;) {
        if (value[i] === '\\' && (value[i + 1] === '"' || value[i + 1] === '\\')) {
          field += value[i + 1];
          i += 2;
        } else if (value[i] === '"' && value[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (value[i] === '"') {
          i++;
          closed = true;
          break;
        } else field += value[i++];
      }
      if (!closed) throw new Error(`unterminated quoted value in ${JSON.stringify(value)}`);
      fields.push(field);
      skipSpace();
      if (i < value.length && value[i] !== ',')
        throw new Error(`expected a comma after the quoted value in ${JSON.stringify(value)}`);
    } else {
      const start = i;
      while (i < value.length && value[i] !== ',') i++;
      fields.push(value.slice(start, i).trim());
    }
  }
  return fields;
}

/** Rows of cells by column name, as promptfoo hands them to testCaseFromCsvRow, and where each row is. */
export interface Table {
  /** The file, as named in messages. */
  file: string;
  /** The column names, in order (a message names a cell's column by position). */
  header: string[];
  rows: Array<{ record: Record<string, string>; line: number }>;
  /** How a column is named by position (0-based) in a message: `column 3` in a CSV file, `column C` in a sheet. */
  columnLabel?: (index: number) => string;
}

/** Parses a CSV test file; a malformed file is a ConfigError at its line. */
export function testsFromCsv(content: string, displayPath: string): CsvTest[] {
  let rows: Array<{ record: Record<string, string>; info: { lines: number } }>;
  let header: string[] = [];
  try {
    rows = parse(content, {
      columns: (names: string[]) => (header = names),
      bom: true,
      skip_empty_lines: true,
      info: true,
    });
  } catch (err) {
    if (err instanceof CsvError) {
      const {
        lines: line,
        record,
        columns,
      } = err as CsvError & {
        lines?: number;
        record?: unknown[];
        columns?: Array<{ name?: string }>;
      };
      const ragged =
        err.code === 'CSV_RECORD_INCONSISTENT_COLUMNS' || err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH';
      const detail =
        ragged && record && columns
          ? `this row has ${cells(record.length)} but the header has ${cells(columns.length)} (${columns.map((c) => c.name).join(', ')}); every row needs one cell per column, and a cell holding a comma must be quoted`
          : err.message.replace(/ (at|on) line \d+$/, '');
      throw new ConfigError({ file: displayPath, line }, detail);
    }
    throw err;
  }
  return testsFromTable({
    file: displayPath,
    header,
    rows: rows.map(({ record, info }) => ({ record, line: info.lines })),
  });
}

/** promptfoo's csvRowsToTestCases: one test a row, whatever file the rows came from. */
export function testsFromTable(table: Table): CsvTest[] {
  const columnLabel = table.columnLabel ?? ((index: number) => String(index + 1));
  // promptfoo trims each column name: ` __expected` is an assertion column.
  const header = table.header.map((name) => name.trim());
  const trimmed = table.header.some((name, i) => name !== header[i]);
  return table.rows.map(({ record, line }) =>
    testFromRow(
      trimmed ? Object.fromEntries(Object.entries(record).map(([name, value]) => [name.trim(), value])) : record,
      { file: table.file, line, header, columnLabel },
    ),
  );
}

function cells(n: number): string {
  return n === 1 ? '1 cell' : `${n} cells`;
}

/** Where a row is: its file, its line and the header (to name a cell's column by position). */
interface RowPlace {
  file: string;
  line: number;
  header: string[];
  columnLabel: (index: number) => string;
}

function cellError(at: RowPlace, column: string, detail: string): ConfigError {
  return new ConfigError(
    { file: at.file, line: at.line },
    `column ${at.columnLabel(at.header.indexOf(column))} (${column}): ${detail}`,
  );
}

function testFromRow(row: Record<string, string>, at: RowPlace): CsvTest {
  const test: CsvTest = { line: at.line, vars: {}, assert: [], options: {} };
  let metric: string | undefined;
  /** The column each of the row's assertions came from: promptfoo numbers them by position, blanks skipped. */
  const assertionColumns: string[] = [];
  const thresholds: ConfigThreshold[] = [];
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith('__expected')) {
      if (value.trim() !== '') {
        // promptfoo reads the trimmed cell: ` contains:x` is a contains assertion.
        test.assert.push(assertionFromString(value.trim()));
        assertionColumns.push(key);
      }
    } else if (key === '__prefix' || key === '__suffix') {
      test.options[key.slice(2)] = value;
    } else if (key === '__description') {
      if (value) test.description = value;
    } else if (key === '__metric') {
      metric = value;
    } else if (key === '__threshold') {
      // promptfoo 0.123 drops a cell that is not a number without a word; a blank cell is no threshold.
      const threshold = finiteNumber(value);
      if (threshold !== undefined) test.threshold = threshold;
      else if (value.trim() !== '')
        throw cellError(
          at,
          key,
          `expected a number (the test's threshold, 0 to 1) or a blank cell, got ${JSON.stringify(value)}`,
        );
    } else if (key.startsWith('__metadata:')) {
      // promptfoo skips a blank cell; `__metadata:tags[]` is a list split on commas (a backslash before a comma keeps it in the item).
      const name = key.slice('__metadata:'.length);
      if (value.trim() === '') continue;
      (test.metadata ??= {})[name.endsWith('[]') ? name.slice(0, -2) : name] = name.endsWith('[]')
        ? value.split(/(?<!\\),/).map((item) => item.trim().replace(/\\,/g, ','))
        : value;
    } else if (key.startsWith('__config:') && key.split(':').length === 3) {
      thresholds.push(configThreshold(key, value, at));
    } else if (key.startsWith('__')) {
      // promptfoo's __providerOutput, a malformed __config:… and any other special column: refused, never read
      // as a var.
      if (value.trim() !== '') {
        throw cellError(
          at,
          key,
          key.startsWith('__config:')
            ? 'expected __config:__expected:threshold or __config:__expectedN:threshold (promptfoo warns and ignores any other __config: column, so its values would set nothing)'
            : 'not supported by promptgate; supported special columns are __expected, __expectedN, __description, __threshold, __metric, __metadata:<name> and __config:__expectedN:threshold',
        );
      }
    } else {
      test.vars[key] = value;
    }
  }
  if (metric) for (const assertion of test.assert) assertion.metric = metric;
  // promptfoo gives the thresholds out by assertion position: the last one given is metadata.threshold.
  const byIndex = new Map<number, ConfigThreshold>();
  for (const config of thresholds) {
    checkReceiver(config, row, assertionColumns, at);
    const earlier = byIndex.get(config.index);
    if (earlier) {
      throw cellError(
        at,
        config.column,
        `${earlier.column} already sets the threshold of the same assertion (promptfoo would keep only this column's)`,
      );
    }
    byIndex.set(config.index, config);
  }
  for (const config of [...byIndex.values()].sort((a, b) => a.index - b.index)) {
    const assertion = test.assert[config.index];
    if (assertion === undefined) continue; // the named cell is blank: promptfoo still needs the number, uses none
    assertion.threshold = config.threshold;
    (test.metadata ??= {}).threshold = config.threshold;
  }
  return test;
}

/** One `__config:<assertion column>:threshold` cell, read as promptfoo 0.123.1 reads it. */
interface ConfigThreshold {
  column: string;
  /** `__expected` or `__expectedN`, as the column names it. */
  names: string;
  /** promptfoo's target: the row's assertion at this position (0 for `__expected` and `__expected1`). */
  index: number;
  threshold: number;
}

/** promptfoo throws on each of these, for every row, whatever the row's assertions: so does promptgate. */
function configThreshold(column: string, value: string, at: RowPlace): ConfigThreshold {
  const [, names, key] = column.split(':') as [string, string, string];
  const n = /^__expected(\d+)$/.exec(names)?.[1];
  const index =
    names === '__expected' ? 0 : n !== undefined && Number.parseInt(n, 10) >= 1 ? Number.parseInt(n, 10) - 1 : -1;
  if (index < 0) {
    throw cellError(
      at,
      column,
      `"${names}" is not an assertion column: expected __expected or __expectedN with N a positive integer`,
    );
  }
  if (key !== 'threshold') {
    throw cellError(
      at,
      column,
      `promptfoo's __config columns set only an assertion's threshold, not "${key}" (use __metric for a metric; for other assertion settings write the test in YAML)`,
    );
  }
  const threshold = finiteNumber(value);
  if (threshold === undefined) {
    throw cellError(
      at,
      column,
      `expected a number (the threshold of ${names}'s assertion), got ${JSON.stringify(value)}; promptfoo refuses a blank or non-numeric cell here, so every row needs one`,
    );
  }
  return { column, names, index, threshold };
}

/**
 * promptfoo gives a `__config:__expectedN:threshold` cell to the row's assertion number N, counting only the
 * row's non-blank assertion cells and never checking the column it names (and copies it to the test's
 * `metadata.threshold`). So a threshold can land on another column's assertion, or on none while its own
 * column has one: promptgate refuses both rather than silently do either. `__expected` names the first
 * assertion column when no column has that very name (as in promptfoo's csv-metadata example).
 */
function checkReceiver(
  config: ConfigThreshold,
  row: Record<string, string>,
  assertionColumns: string[],
  at: RowPlace,
): void {
  const headerAssertions = at.header.filter((name) => name.startsWith('__expected'));
  const named = headerAssertions.includes(config.names)
    ? config.names
    : config.names === '__expected'
      ? headerAssertions[0]
      : undefined;
  if (named === undefined) {
    throw cellError(
      at,
      config.column,
      `names ${config.names}, but this file has no ${config.names} column (its assertion columns: ${headerAssertions.join(', ') || 'none'}); promptfoo would give the threshold to the row's assertion number ${config.index + 1}, whichever column that is`,
    );
  }
  const receiver = assertionColumns[config.index];
  const meant = row[named]?.trim() ? named : undefined;
  if (receiver === meant) return;
  const blanks = headerAssertions.filter((name) => !row[name]?.trim()).join(', ');
  throw cellError(
    at,
    config.column,
    `promptfoo counts only the row's non-blank assertion cells (blank here: ${blanks}), so it would give this threshold to ${receiver === undefined ? 'no assertion' : `${receiver}'s assertion`}${meant === undefined ? ` (${named} is blank)` : `, not to ${named}'s`}; fill the blank assertion cells, or write this test in YAML`,
  );
}
