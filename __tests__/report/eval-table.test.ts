// The terminal table never hides a failure without counting it, and says how to see every row.
import { formatEvalTable } from '../../src/report/eval-table.js';
import type { CaseResult, EvalResults } from '../../src/types.js';

function results(outcomes: Array<'pass' | 'fail' | 'error'>): EvalResults {
  const rows = outcomes.map(
    (o, i) =>
      ({
        testIdx: i,
        promptIdx: 0,
        promptId: 'p',
        provider: 'echo',
        repeat: 0,
        vars: { n: i },
        output: 'x',
        pass: o === 'pass',
        score: o === 'pass' ? 1 : 0,
        error: o === 'error' ? 'boom' : undefined,
        assertions: o === 'fail' ? [{ type: 'contains', pass: false, score: 0, reason: 'no OK' }] : [],
        latencyMs: 1,
        tokens: {},
        cost: 0,
        cached: false,
      }) as unknown as CaseResult,
  );
  return {
    version: 1,
    suite: 's',
    stats: { cases: rows.length, passed: 0, failed: 0, errors: 0, passRate: 0 },
    results: rows,
  };
}

test('more failures than rows: the hidden ones are counted as failures, and the way to see all is given', () => {
  const table = formatEvalTable(results([...Array(5).fill('fail'), 'error', 'pass', 'pass']), {
    color: false,
    maxRows: 3,
    seeAll: 'see all: promptgate eval -o results.csv',
  });
  const lines = table.split('\n');
  expect(lines).toHaveLength(1 + 3 + 1);
  expect(lines.at(-1)).toBe('… 5 more rows not shown: 3 failing, 2 passing (see all: promptgate eval -o results.csv)');
});

test('only passing rows hidden: said so', () => {
  const table = formatEvalTable(results(['fail', 'pass', 'pass', 'pass']), { color: false, maxRows: 2 });
  expect(table.split('\n').at(-1)).toBe('… 2 more rows not shown: 2 passing');
  expect(table).toContain('FAIL');
});

test('a long cell is cut to its width in characters with an ellipsis, whitespace folded, and a surrogate pair never split', () => {
  const data = results(['pass', 'pass', 'pass']);
  const long = 'Reply with\n  exactly this word: {{word}} and nothing else';
  data.results[0]!.promptId = long;
  data.results[1]!.promptId = long;
  data.results[2]!.promptId = '😀'.repeat(30);
  // width 120: the prompt column is 21 characters wide.
  const rows = formatEvalTable(data, { color: false, width: 120 }).split('\n').slice(1);
  const promptCell = (row: string): string => row.split(' ').slice(3).join(' ');
  expect(rows[0]).toContain('Reply with exactly t… ');
  expect(rows[1]).toContain('Reply with exactly t… ');
  expect(promptCell(rows[2]!)).toContain(`${'😀'.repeat(20)}… `);
  expect(rows[2]).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no lone high surrogate
});
