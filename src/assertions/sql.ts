// is-sql and contains-sql, with promptfoo 0.123.1's semantics (src/assertions/sql.ts there): the output parses
// with node-sql-parser (5.4.0, promptfoo's version) in the dialect of `value.databaseType` (default MySQL),
// passes promptfoo's extra checks (balanced backticks, no `SELECT a b FROM` missing a comma, no
// generate_series in MySQL), and uses only `allowedTables` / `allowedColumns` (node-sql-parser's whitelist
// form, e.g. select::null::Products). contains-sql checks each ```sql (or unlabelled) code block, else the
// whole output. The subset: only the MySQL, PostgreSQL and Sqlite grammars are bundled (each is a few hundred
// kB; promptfoo loads all 20); another databaseType is a located error naming them. The not- forms invert.
import { invariant, MalformedAssertionError, type AssertionHandler, type AssertionInput } from './handler.js';

interface SqlParser {
  astify(sql: string, opt: { database: string }): unknown;
  parse(sql: string, opt: { database: string; type?: string }): { tableList?: string[]; columnList?: string[] };
  whiteListCheck(sql: string, list: string[], opt: { database: string; type?: string }): unknown;
}

// Loaded when first needed: most suites never check SQL.
type Grammar = { Parser?: new () => SqlParser; default?: { Parser: new () => SqlParser } };

const GRAMMARS: Record<string, () => Promise<Grammar>> = {
  MySQL: () => import('node-sql-parser/build/mysql.js') as unknown as Promise<Grammar>,
  PostgreSQL: () => import('node-sql-parser/build/postgresql.js') as unknown as Promise<Grammar>,
  Sqlite: () => import('node-sql-parser/build/sqlite.js') as unknown as Promise<Grammar>,
};

async function parserFor(databaseType: string): Promise<SqlParser> {
  const load = GRAMMARS[databaseType];
  if (!load) {
    throw new MalformedAssertionError(
      `databaseType "${databaseType}" is not bundled by promptgate; expected one of ${Object.keys(GRAMMARS).join(', ')} (node-sql-parser's names)`,
    );
  }
  // A CommonJS module whose exports Node cannot list: they come as `default` when imported.
  const grammar = await load();
  return new (grammar.Parser ?? grammar.default!.Parser)();
}

const IDENTIFIER = '[A-Za-z_][A-Za-z0-9_]*';
/** `SELECT a b FROM`: two bare names where a list needs a comma (node-sql-parser reads `b` as an alias). */
const missingComma = (modifiers: string) =>
  new RegExp(String.raw`\bselect\s+(?:${modifiers}\s+)*(?!${modifiers}\b)${IDENTIFIER}\s+${IDENTIFIER}\s+from\b`, 'i');
const STANDARD_MISSING_COMMA = missingComma('(?:all|distinct)');
const MYSQL_MISSING_COMMA = missingComma(
  '(?:all|distinct(?:row)?|high_priority|straight_join|sql_(?:big_result|buffer_result|cache|calc_found_rows|no_cache|small_result))',
);
const MYSQL_FAMILY = new Set(['MySQL', 'MariaDB']);
const BRACKET_IDENTIFIERS = new Set(['TransactSQL', 'Sqlite']);

function quotedEnd(sql: string, start: number, quote: string): number {
  const closing = quote === '[' ? ']' : quote;
  let cursor = start + 1;
  while (cursor < sql.length) {
    if (closing !== ']' && sql[cursor] === '\\') {
      cursor += 2;
      continue;
    }
    if (sql[cursor] === closing) {
      if (sql[cursor + 1] === closing) {
        cursor += 2;
        continue;
      }
      return cursor + 1;
    }
    cursor++;
  }
  return sql.length;
}

/** The SQL with strings and quoted names as ` ? ` and comments as a space, for the missing-comma heuristic. */
function stripIgnoredText(sql: string, databaseType: string): string {
  const chunks: string[] = [];
  const brackets = BRACKET_IDENTIFIERS.has(databaseType);
  let plainStart = 0;
  let cursor = 0;
  while (cursor < sql.length) {
    const char = sql[cursor];
    let ignoredEnd: number | undefined;
    let replacement = ' ';
    if (char === "'" || char === '"' || char === '`' || (char === '[' && brackets)) {
      ignoredEnd = quotedEnd(sql, cursor, char);
      replacement = ' ? ';
    } else if ((char === '-' && sql[cursor + 1] === '-') || char === '#') {
      ignoredEnd = cursor + 1;
      while (ignoredEnd < sql.length && sql[ignoredEnd] !== '\r' && sql[ignoredEnd] !== '\n') ignoredEnd++;
    } else if (char === '/' && sql[cursor + 1] === '*') {
      const commentEnd = sql.indexOf('*/', cursor + 2);
      ignoredEnd = commentEnd === -1 ? sql.length : commentEnd + 2;
    } else if (char === '$') {
      const delimiter = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(cursor))?.[0];
      if (delimiter) {
        const quoteEnd = sql.indexOf(delimiter, cursor + delimiter.length);
        ignoredEnd = quoteEnd === -1 ? sql.length : quoteEnd + delimiter.length;
        replacement = ' ? ';
      }
    }
    if (ignoredEnd === undefined) {
      cursor++;
      continue;
    }
    chunks.push(sql.slice(plainStart, cursor), replacement);
    cursor = ignoredEnd;
    plainStart = cursor;
  }
  chunks.push(sql.slice(plainStart));
  return chunks.join('');
}

interface SqlValue {
  databaseType: string;
  allowedTables?: string[];
  allowedColumns?: string[];
}

function sqlValue(value: unknown): SqlValue {
  invariant(!value || typeof value === 'object', 'is-sql assertion must have a object value.');
  const written = (value ?? {}) as Record<string, unknown>;
  const list = (key: string): string[] | undefined => {
    const items = written[key];
    if (items === undefined) return undefined;
    invariant(Array.isArray(items) && items.every((i) => typeof i === 'string'), `${key} must be a list of strings`);
    return items;
  };
  const databaseType = written.databaseType || 'MySQL';
  invariant(typeof databaseType === 'string', 'databaseType must be a string such as MySQL');
  return { databaseType, allowedTables: list('allowedTables'), allowedColumns: list('allowedColumns') };
}

/** promptfoo's handleIsSql: the verdict, and its reasons when it failed. */
async function checkSql(sql: string, value: SqlValue, inverse: boolean): Promise<{ pass: boolean; reason: string }> {
  const { databaseType, allowedTables, allowedColumns } = value;
  const parser = await parserFor(databaseType);
  const reasons: string[] = [];
  const nonConforming = `SQL statement does not conform to the provided ${databaseType} database syntax.`;
  const trimmed = sql.trim();
  if (trimmed.length === 0) reasons.push(nonConforming);
  if ((trimmed.match(/`/g)?.length ?? 0) % 2 !== 0) reasons.push(nonConforming);
  const heuristic = MYSQL_FAMILY.has(databaseType) ? MYSQL_MISSING_COMMA : STANDARD_MISSING_COMMA;
  if (heuristic.test(stripIgnoredText(trimmed, databaseType))) reasons.push(nonConforming);
  if (databaseType === 'MySQL' && /\bgenerate_series\s*\(/i.test(trimmed)) reasons.push(nonConforming);
  let pass: boolean;
  try {
    parser.astify(sql, { database: databaseType });
    pass = !inverse;
  } catch {
    pass = inverse;
    reasons.push(nonConforming);
  }
  if (reasons.length > 0) pass = inverse;
  const whitelist = (type: 'table' | 'column', allowed: string[], listed: string[]) => {
    try {
      parser.whiteListCheck(sql, listed, { database: databaseType, type });
    } catch (err) {
      pass = inverse;
      let found: string[] = [];
      try {
        const parsed = parser.parse(sql, { database: databaseType, type });
        found = (type === 'table' ? parsed.tableList : parsed.columnList) ?? [];
      } catch {
        // the whitelist error below says what was wrong
      }
      reasons.push(
        found.length > 0
          ? `SQL references unauthorized ${type}(s). Found: [${found.join(', ')}]. Allowed: [${allowed.join(', ')}].`
          : `SQL validation failed: ${err instanceof Error ? err.message : String(err)}.`,
      );
    }
  };
  if (allowedTables) whitelist('table', allowedTables, allowedTables);
  if (allowedColumns) {
    // node-sql-parser lists a column of an unnamed table as select::null::name: allow that form too.
    const listed = [...allowedColumns];
    for (const item of allowedColumns) {
      const parts = item.split('::');
      const alternative = `${parts[0]}::null::${parts[2]}`;
      if (parts.length === 3 && parts[1] !== 'null' && !listed.includes(alternative)) listed.push(alternative);
    }
    whitelist('column', allowedColumns, listed);
  }
  if (inverse && !pass && reasons.length === 0) reasons.push('The output SQL statement is valid');
  return { pass, reason: pass ? 'Assertion passed' : reasons.join(' ') };
}

/** The bodies of ``` / ~~~ code blocks labelled sql or not labelled, in order (CommonMark fences). */
function sqlCodeBlocks(output: string): string[] {
  const blocks: string[] = [];
  let open: { body: string[]; char: string; length: number; isSql: boolean } | undefined;
  for (const line of output.split(/\r\n?|\n/)) {
    const fence = /^[ \t]{0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (!open) {
      if (fence) {
        const language = fence[2].trim().toLowerCase();
        open = { body: [], char: fence[1][0], length: fence[1].length, isSql: language === '' || language === 'sql' };
      }
      continue;
    }
    if (fence && /^[ \t]*$/.test(fence[2]) && fence[1][0] === open.char && fence[1].length >= open.length) {
      if (open.isSql) blocks.push(open.body.join('\n').trim());
      open = undefined;
    } else open.body.push(line);
  }
  return blocks;
}

const isSql: AssertionHandler = async ({ value, outputString, inverse }: AssertionInput) => {
  const { pass, reason } = await checkSql(outputString, sqlValue(value), inverse);
  return { pass, score: pass ? 1 : 0, reason };
};

const containsSql: AssertionHandler = async ({ value, outputString, inverse }: AssertionInput) => {
  const written = sqlValue(value);
  const blocks = sqlCodeBlocks(outputString);
  let reason = 'Output does not contain valid SQL';
  let found = false;
  for (const candidate of blocks.length > 0 ? blocks : [outputString]) {
    if (candidate.trim().length === 0) continue;
    const result = await checkSql(candidate, written, false);
    if (result.pass) {
      found = true;
      break;
    }
    reason = result.reason;
  }
  const pass = inverse ? !found : found;
  return {
    pass,
    score: pass ? 1 : 0,
    reason: pass ? 'Assertion passed' : found ? 'The output SQL statement is valid' : reason,
  };
};

export const sqlAssertions: Record<string, AssertionHandler> = { 'is-sql': isSql, 'contains-sql': containsSql };
