// CSV test files, read exactly as promptfoo reads them (src/csv.ts there): every column is a var, except
// `__expected` / `__expectedN` (an assertion each, written as `contains:x`, `not-icontains:x`,
// `javascript:...`, `grade:...`, or a plain value meaning `equals`), `__description`, `__threshold` and
// `__metric` (applied to the row's assertions). Pure: takes the text, returns raw tests with their line.
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
  metadata?: Record<string, string>;
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
    const threshold = thresholdText === undefined ? Number.NaN : Number.parseFloat(thresholdText);
    return {
      type: fullType,
      value: trimmed,
      threshold: Number.isFinite(threshold) ? threshold : type === 'similar' ? 0.8 : 0.75,
    };
  }
  return trimmed === undefined ? { type: fullType } : { type: fullType, value: trimmed };
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

/** Parses a CSV test file; a malformed file is a ConfigError at its line. */
export function testsFromCsv(content: string, displayPath: string): CsvTest[] {
  let rows: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    rows = parse(content, { columns: true, bom: true, skip_empty_lines: true, info: true });
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
  return rows.map(({ record, info }) => testFromRow(record, info.lines, displayPath));
}

function cells(n: number): string {
  return n === 1 ? '1 cell' : `${n} cells`;
}

function testFromRow(row: Record<string, string>, line: number, displayPath: string): CsvTest {
  const test: CsvTest = { line, vars: {}, assert: [], options: {} };
  let metric: string | undefined;
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith('__expected')) {
      if (value.trim() !== '') test.assert.push(assertionFromString(value));
    } else if (key === '__prefix' || key === '__suffix') {
      test.options[key.slice(2)] = value;
    } else if (key === '__description') {
      if (value) test.description = value;
    } else if (key === '__metric') {
      metric = value;
    } else if (key === '__threshold') {
      const threshold = Number.parseFloat(value);
      if (threshold) test.threshold = threshold;
    } else if (key.startsWith('__metadata:')) {
      (test.metadata ??= {})[key.slice('__metadata:'.length)] = value;
    } else if (key.startsWith('__')) {
      // promptfoo's __providerOutput, __config:… and any other special column: refused, never read as a var.
      if (value.trim() !== '') {
        throw new ConfigError(
          { file: displayPath, line },
          `column ${key}: not supported by promptgate; supported special columns are __expected, __expectedN, __description, __threshold, __metric and __metadata:<name>`,
        );
      }
    } else {
      test.vars[key] = value;
    }
  }
  if (metric) for (const assertion of test.assert) assertion.metric = metric;
  return test;
}
