// Writes the committed Excel workbook of the xlsx conformance suite (__tests__/fixtures/conformance/xlsx/
// tests.xlsx) with the tests' own writer (__tests__/support/xlsx.ts). Re-run by hand after changing the rows
// below, then re-record promptfoo's answers (scripts/record-conformance.sh) and review both diffs.
//   node scripts/make-xlsx-fixtures.mjs
import { writeFileSync } from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

register('./ts-hooks.mjs', import.meta.url);
const { xlsxWorkbook } = await import('../__tests__/support/xlsx.ts');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, '__tests__/fixtures/conformance/xlsx/tests.xlsx');

// The first sheet is a decoy: the suite names the second (`#Cases`).
const notes = {
  name: 'Notes',
  rows: [
    ['text', '__expected'],
    ['never read', 'contains:never'],
  ],
};
const header = [
  'text',
  'n',
  'flag',
  'formula',
  'rich',
  '__expected1',
  '__expected2',
  '__config:__expected2:threshold',
  '__threshold',
  '__metric',
  '__description',
  '__metadata:tags[]',
];
const cases = {
  name: 'Cases',
  rows: [
    header,
    // Text is trimmed by the reader; a number is String(value); a boolean "true"/"false".
    [
      '  padded  ',
      42,
      true,
      { formula: 'A2&"!"', cached: 'padded!' },
      { rich: ['bold ', 'plain'] },
      'contains:padded|42|true|padded!|bold plain',
      'icontains:BOLD',
      0.5,
      null,
      'm',
      'cells as text',
      'a,b\\,c',
    ],
    // An uncomputed formula and an error cell are empty; a fraction keeps its digits.
    [
      { inline: 'inline' },
      0.1,
      false,
      { formula: 'NOW()' },
      { error: '#DIV/0!' },
      'inline|0.1|false||',
      null,
      0,
      null,
      null,
      'empty cells',
      null,
    ],
    // A numeric assertion cell, read as an equals of its string.
    [7, 7, null, null, null, 7, null, 0, null, null, 'a number as the expected value', null],
    // (promptfoo needs a number in every __config cell.) A levenshtein threshold from its __config cell; the test passes at half its assertions.
    [
      'kitten',
      1,
      null,
      null,
      null,
      'contains:sitting',
      'levenshtein:kitten|1|||',
      3,
      0.5,
      null,
      'config threshold and test threshold',
      null,
    ],
    // No description: promptfoo names the row.
    ['last', -2.5, true, null, null, 'starts-with:last|-2.5|true', null, 0, null, null, null, null],
  ],
};
writeFileSync(OUT, xlsxWorkbook([notes, cases]));
console.log(`wrote ${path.relative(ROOT, OUT)}`);
