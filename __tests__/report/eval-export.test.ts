// eval -o: the format the extension names. Model output is hostile: it cannot break the CSV's quoting, run as a
// spreadsheet formula, or inject markup into the HTML page.
import { evalOutputFormat, evalResultsCsv, evalResultsHtml } from '../../src/report/eval-export.js';
import type { CaseResult, EvalResults } from '../../src/types.js';

const hostile = '=HYPERLINK("http://x") "quoted", <script>alert(1)</script>\nsecond line';
const results: EvalResults = {
  version: 1,
  suite: 'demo <suite>',
  stats: { cases: 1, passed: 0, failed: 1, errors: 0, passRate: 0 },
  results: [
    {
      testIdx: 0,
      promptIdx: 0,
      promptId: 'p',
      provider: 'echo',
      repeat: 0,
      vars: { n: -1 },
      output: hostile,
      pass: false,
      score: 0,
      assertions: [{ type: 'contains', pass: false, score: 0, reason: 'no OK' }],
      latencyMs: 3,
      tokens: {},
      cost: 0,
      cached: false,
    } as unknown as CaseResult,
  ],
};

test.each([
  ['r.json', '.json'],
  ['r.CSV', '.csv'],
  ['dir.v2/r.html', '.html'],
  ['r.txt', undefined],
  ['r', undefined],
  ['r.json.bak', undefined],
])('%s → %s', (file, format) => expect(evalOutputFormat(file)).toBe(format));

test('CSV: quotes doubled, a formula neutralised, line breaks kept inside the quoted field', () => {
  const csv = evalResultsCsv(results);
  const [, row] = csv.split('\r\n');
  expect(row).toContain(`"'=HYPERLINK(""http://x"") ""quoted"", <script>alert(1)</script>\nsecond line"`);
  expect(row).toContain('"{""n"":-1}"');
  expect(row!.startsWith('"FAIL","n=-1","p","echo","1","0",')).toBe(true);
});

test('HTML: everything escaped, nothing loaded or run', () => {
  const html = evalResultsHtml(results);
  expect(html).not.toContain('<script>');
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(html).toContain('<title>promptgate eval: demo &lt;suite&gt;</title>');
  expect(html).not.toMatch(/<script|<link|<img|src=|href=/);
});
