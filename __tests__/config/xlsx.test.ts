// Excel test sheets, read as promptfoo 0.123.1 reads them (read-excel-file, then its CSV row rules): real .xlsx
// workbooks written in a temp dir, loaded through a config, and every way one can be wrong is a located error.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSuite } from '../../src/config/load.js';
import { evaluateSuite } from '../../src/evaluate.js';
import { xlsxWorkbook, type Sheet } from '../support/xlsx.js';

function project(files: Record<string, Buffer | string>, tests = 'file://tests.xlsx'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'promptgate-xlsx-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  writeFileSync(path.join(dir, 'promptgate.yaml'), `prompts: ['{{ q }}']\nproviders: [echo]\ntests: ${tests}\n`);
  return path.join(dir, 'promptgate.yaml');
}

const DECOY: Sheet = {
  name: 'Notes',
  rows: [
    ['q', '__expected'],
    ['decoy', 'decoy'],
  ],
};

const CASES: Sheet = {
  name: 'Cases',
  rows: [
    ['q', 'n', 'flag', 'day', 'formula', 'uncomputed', 'rich', 'failed', '__expected', '__metadata:tags[]'],
    [
      '  padded text  ',
      42,
      true,
      new Date(Date.UTC(2024, 0, 2)),
      { formula: 'A2&"!"', cached: 'padded text!' },
      { formula: 'NOW()' },
      { rich: ['bold ', 'and plain'] },
      { error: '#DIV/0!' },
      ' contains:padded',
      'a, b\\,c',
    ],
    [{ inline: 'second' }, 3.5, false, null, null, null, null, null, 'second', null],
  ],
};

test('the named sheet: its first row names the columns, each cell is the string promptfoo makes of it', async () => {
  const config = project({ 'tests.xlsx': xlsxWorkbook([DECOY, CASES]) }, 'file://tests.xlsx#Cases');
  const suite = await loadSuite(config);
  expect(suite.tests).toEqual([
    {
      vars: {
        // read-excel-file trims text; promptfoo then writes String(value) of every cell, "" for an empty one.
        q: 'padded text',
        n: '42',
        flag: 'true',
        day: String(new Date(Date.UTC(2024, 0, 2))),
        formula: 'padded text!',
        uncomputed: '',
        rich: 'bold and plain',
        failed: '',
      },
      assert: [{ type: 'contains', value: 'padded' }],
      options: {},
      metadata: { tags: ['a', 'b,c'] },
    },
    {
      vars: { q: 'second', n: '3.5', flag: 'false', day: '', formula: '', uncomputed: '', rich: '', failed: '' },
      assert: [{ type: 'equals', value: 'second' }],
      options: {},
    },
  ]);
  expect(suite.referencedFiles).toContain(path.join(path.dirname(config), 'tests.xlsx'));
  const { results } = await evaluateSuite(suite, { env: {} });
  expect(results.map((r) => [r.output, r.pass])).toEqual([
    ['padded text', true],
    ['second', true],
  ]);
});

test.each([
  ['file://tests.xlsx', 'decoy'],
  ['file://tests.xlsx#1', 'decoy'],
  ['file://tests.xlsx#', 'decoy'],
  ['file://tests.xlsx# 2 ', 'padded text'],
  ['[file://tests.xlsx#Cases]', 'padded text'],
  ['{path: "file://tests.xlsx#Cases"}', 'padded text'],
])('tests: %s reads the sheet promptfoo reads', async (tests, first) => {
  const suite = await loadSuite(project({ 'tests.xlsx': xlsxWorkbook([DECOY, CASES]) }, tests));
  expect(suite.tests[0]!.vars.q).toBe(first);
});

test('a glob over a folder reads the first sheet of each workbook it matches, beside its CSV files', async () => {
  const suite = await loadSuite(
    project(
      { 'data/a.xlsx': xlsxWorkbook([DECOY, CASES]), 'data/b.csv': 'q,__expected\ncsv,csv\n' },
      '[file://data/*]',
    ),
  );
  expect(suite.tests.map((t) => t.vars.q)).toEqual(['decoy', 'csv']);
});

test('a .xls file holding an .xlsx workbook is read, as promptfoo reads it (by its content)', async () => {
  const suite = await loadSuite(project({ 'tests.xls': xlsxWorkbook([CASES]) }, 'file://tests.xls'));
  expect(suite.tests).toHaveLength(2);
});

test('a row error is located at the sheet, row and column letter', async () => {
  const sheet: Sheet = {
    name: 'Cases',
    rows: [
      ['q', '__expected', '__threshold'],
      ['a', 'a', 0.5],
      ['b', 'b', 'high'],
    ],
  };
  await expect(loadSuite(project({ 'tests.xlsx': xlsxWorkbook([sheet]) }))).rejects.toThrow(
    'tests.xlsx#Cases:3: column C (__threshold): expected a number (the test\'s threshold, 0 to 1) or a blank cell, got "high"',
  );
  const badAssertion: Sheet = {
    name: 'S',
    rows: [
      ['q', '__expected'],
      ['a', 'a'],
      ['b', 'levenshtein(x):y'],
    ],
  };
  // A cell that is no assertion prefix is an equals value; one a test check refuses names the row.
  const suite = await loadSuite(project({ 'tests.xlsx': xlsxWorkbook([badAssertion]) }));
  expect(suite.tests[1]!.assert).toEqual([{ type: 'equals', value: 'levenshtein(x):y' }]);
});

const OLE_HEADER = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.alloc(504)]);

test.each([
  [
    'a sheet name that is not there',
    { 'tests.xlsx': xlsxWorkbook([DECOY, CASES]) },
    'file://tests.xlsx#cases',
    /promptgate\.yaml:3:8: tests: \S*tests\.xlsx#cases: no sheet is named "cases" \(names are matched exactly\); the workbook's sheets: "Notes", "Cases"$/,
  ],
  [
    'a sheet number past the last',
    { 'tests.xlsx': xlsxWorkbook([DECOY, CASES]) },
    'file://tests.xlsx#3',
    'tests.xlsx#3: there is no sheet number 3; the workbook has 2 sheets ("Notes", "Cases"), numbered from 1',
  ],
  [
    'an empty sheet',
    { 'tests.xlsx': xlsxWorkbook([{ name: 'Blank', rows: [] }]) },
    'file://tests.xlsx',
    'tests.xlsx#Blank: the sheet is empty; promptfoo reads the first row as the column names and each further row as a test',
  ],
  [
    'a sheet whose first row is empty',
    { 'tests.xlsx': xlsxWorkbook([{ name: 'Low', firstRow: 2, rows: [['q'], ['a']] }]) },
    'file://tests.xlsx',
    'tests.xlsx#Low: its first row (the column names: vars, __expected, …) is empty',
  ],
  [
    'column names and no rows',
    { 'tests.xlsx': xlsxWorkbook([{ name: 'Head', rows: [['q', '__expected']] }]) },
    'file://tests.xlsx',
    'tests.xlsx#Head: the sheet has column names but no rows below them; each row is a test',
  ],
  [
    // Blank and whitespace cells, an uncomputed formula: no row at all (read-excel-file drops trailing empty rows).
    'rows that are all blank',
    {
      'tests.xlsx': xlsxWorkbook([
        {
          name: 'Hollow',
          rows: [
            ['q', 'r'],
            ['', { formula: 'X1' }],
            [null, '  '],
          ],
        },
      ]),
    },
    'file://tests.xlsx',
    'tests.xlsx#Hollow: the sheet has column names but no rows below them; each row is a test',
  ],
  [
    // A repeated column name keeps its last cell (as promptfoo's row object does): here always a blank one.
    'rows whose every kept cell is blank',
    {
      'tests.xlsx': xlsxWorkbook([
        {
          name: 'Twice',
          rows: [
            ['q', 'q'],
            ['lost', null],
          ],
        },
      ]),
    },
    'file://tests.xlsx',
    'tests.xlsx#Twice: every row below the column names is empty; each row is a test',
  ],
  [
    'a text file named .xlsx',
    { 'tests.xlsx': 'q,__expected\na,a\n' },
    'file://tests.xlsx',
    "tests.xlsx is not an .xlsx workbook (Doesn't look like an `.xlsx` file); save it from Excel, LibreOffice or Google Sheets as .xlsx, or export the sheet to CSV",
  ],
  [
    'a truncated workbook',
    { 'tests.xlsx': xlsxWorkbook([CASES]).subarray(0, 300) },
    'file://tests.xlsx',
    "tests.xlsx is not an .xlsx workbook (Couldn't unzip `.xlsx` file contents)",
  ],
  [
    'an empty file',
    { 'tests.xlsx': '' },
    'file://tests.xlsx',
    'tests.xlsx is not an .xlsx workbook (the file is empty)',
  ],
  [
    'a legacy binary .xls workbook',
    { 'tests.xls': OLE_HEADER },
    'file://tests.xls',
    'tests.xls is a legacy binary Excel workbook (.xls, Excel 97–2003), which promptfoo 0.123.1 cannot read either (its reader, read-excel-file, reads only .xlsx): save it as an Excel Workbook (.xlsx), or export the sheet to CSV, and point tests at that',
  ],
  ['a workbook that is not there', {}, 'file://tests.xlsx#Cases', 'tests: file://tests.xlsx: no such file'],
  [
    'a glob of workbooks',
    { 'a.xlsx': xlsxWorkbook([CASES]) },
    'file://*.xlsx',
    'tests: file://*.xlsx: promptfoo reads a workbook reference as one file, not a glob',
  ],
])('%s is a located error', async (_, files, tests, message) => {
  await expect(loadSuite(project(files, tests))).rejects.toThrow(message);
});

test("promptfoo's simple-csv example: its Excel workbook and its CSV file make the same tests", async () => {
  const example = path.resolve('__tests__/fixtures/promptfoo-examples/simple-csv');
  const [sheet, csv] = await Promise.all([
    loadSuite(path.join(example, 'promptfooconfig.xlsx.yaml')),
    loadSuite(path.join(example, 'promptfooconfig.yaml')),
  ]);
  expect(sheet.tests).toHaveLength(4);
  expect(sheet.tests).toEqual(csv.tests);
});
