// CSV `__expected` cells become assertions exactly as promptfoo's assertionFromString makes them.
import { assertionFromString, testsFromCsv } from '../../src/config/csv.js';

test.each([
  ['Hello world', { type: 'equals', value: 'Hello world' }],
  ['Note: not an assertion', { type: 'equals', value: 'Note: not an assertion' }],
  ['contains:Paris', { type: 'contains', value: 'Paris' }],
  ['contains: Paris', { type: 'contains', value: 'Paris' }],
  ['not-icontains:london', { type: 'not-icontains', value: 'london' }],
  ['icontains-any:red, green ,blue', { type: 'icontains-any', value: ['red', 'green', 'blue'] }],
  ['not-contains-all:a,b', { type: 'not-contains-all', value: ['a', 'b'] }],
  // promptfoo 0.123: quoted fields may hold commas; empty fields are skipped
  ['contains-any:"a, b", c', { type: 'contains-any', value: ['a, b', 'c'] }],
  ['contains-any:a,,b,', { type: 'contains-any', value: ['a', 'b'] }],
  ['similar:  a cat', { type: 'similar', value: 'a cat', threshold: 0.8 }],
  ['regex:^\\d+$', { type: 'regex', value: '^\\d+$' }],
  ['is-json', { type: 'is-json' }],
  ['contains-json:{"type":"object"}', { type: 'contains-json', value: '{"type":"object"}' }],
  ['starts-with:Dear', { type: 'starts-with', value: 'Dear', threshold: 0.75 }],
  ['levenshtein(3):kitten', { type: 'levenshtein', value: 'kitten', threshold: 3 }],
  ['javascript: output.length < 10', { type: 'javascript', value: 'output.length < 10' }],
  ['fn:output === "x"', { type: 'javascript', value: 'output === "x"' }],
  ['eval:true', { type: 'javascript', value: 'true' }],
  ['file://checks.js:isShort', { type: 'javascript', value: 'file://checks.js:isShort' }],
  ['grade:is polite', { type: 'llm-rubric', value: 'is polite' }],
  ['llm-rubric: is concise', { type: 'llm-rubric', value: ' is concise' }],
  ['python: output == "x"', { type: 'python', value: 'output == "x"' }],
])('%j → %j', (cell, expected) => {
  expect(assertionFromString(cell)).toEqual(expected);
});

test('rows: vars, assertions, description, threshold, metric; blank cells add no assertion', () => {
  const csv = 'q,__expected1,__expected2,__description,__threshold,__metric\n"a, b",contains:a,,first,0.5,m\nc,c,,,,\n';
  expect(testsFromCsv(csv, 't.csv')).toEqual([
    {
      line: 2,
      vars: { q: 'a, b' },
      assert: [{ type: 'contains', value: 'a', metric: 'm' }],
      options: {},
      description: 'first',
      threshold: 0.5,
    },
    { line: 3, vars: { q: 'c' }, assert: [{ type: 'equals', value: 'c' }], options: {} },
  ]);
});

test.each([
  [
    'a,b\n1,2\n3\n',
    't.csv:3: this row has 1 cell but the header has 2 cells (a, b); every row needs one cell per column, and a cell holding a comma must be quoted',
  ],
  ['a,b\n1,"2\n', 't.csv:2: Quote Not Closed: the parsing is finished with an opening quote'],
])('malformed CSV %j → %s', (csv, message) => {
  expect(() => testsFromCsv(csv, 't.csv')).toThrow(message);
});

// promptfoo 0.123.1's __config:<assertion column>:threshold: the row's assertion at that position (blank
// assertion cells not counted) gets the threshold, and the test's metadata.threshold the last one given.
test('__config:__expected[N]:threshold sets the threshold of the assertion its column names', () => {
  const csv = [
    'q,__expected1,__expected2,__config:__expected:threshold,__config:__expected2:threshold,__threshold',
    // `__expected` is the first assertion column; a threshold in the cell wins over one in the assertion
    'a,contains: a,levenshtein(3):abc,0.9, 1 ,',
    // a blank assertion cell after the others: promptfoo still needs its number, and uses it nowhere
    'b,javascript: 0.5,,0,2,0',
    // every decimal literal promptfoo reads: signs, a leading dot, exponents
    'c,javascript: 1,javascript: 0,+.5,1e-1,',
  ].join('\n');
  expect(testsFromCsv(csv, 't.csv')).toEqual([
    {
      line: 2,
      vars: { q: 'a' },
      assert: [
        { type: 'contains', value: 'a', threshold: 0.9 },
        { type: 'levenshtein', value: 'abc', threshold: 1 },
      ],
      options: {},
      metadata: { threshold: 1 },
    },
    {
      line: 3,
      vars: { q: 'b' },
      assert: [{ type: 'javascript', value: '0.5', threshold: 0 }],
      options: {},
      // `__threshold` 0 is a threshold (promptfoo 0.123's parseFiniteNumber); a blank cell is none
      threshold: 0,
      metadata: { threshold: 0 },
    },
    {
      line: 4,
      vars: { q: 'c' },
      assert: [
        { type: 'javascript', value: '1', threshold: 0.5 },
        { type: 'javascript', value: '0', threshold: 0.1 },
      ],
      options: {},
      metadata: { threshold: 0.1 },
    },
  ]);
});

test('a __config threshold overrides a __metadata:threshold column, as promptfoo copies it last', () => {
  const csv = '__expected,__metadata:threshold,__metadata:team,__config:__expected:threshold\nx,high,core,0.25\n';
  expect(testsFromCsv(csv, 't.csv')[0]!.metadata).toEqual({ threshold: 0.25, team: 'core' });
});

test('promptfoo 0.123.1: __metadata:name[] is a list split on unescaped commas, a blank metadata cell sets nothing', () => {
  const csv = '__expected,__metadata:tags[],__metadata:team\nx,"ai, data\\,science ,ml",\ny,,core\n';
  expect(testsFromCsv(csv, 't.csv').map((t) => t.metadata)).toEqual([
    { tags: ['ai', 'data,science', 'ml'] },
    { team: 'core' },
  ]);
});

test('promptfoo 0.123.1 trims column names and assertion cells: " __expected" with " contains:x" is a contains', () => {
  const csv = 'q, __expected\na, contains:x\n';
  expect(testsFromCsv(csv, 't.csv')).toEqual([
    { line: 2, vars: { q: 'a' }, assert: [{ type: 'contains', value: 'x' }], options: {} },
  ]);
});

// Each promptfoo refuses (throws) — or silently misapplies, which promptgate refuses too — at the row's
// line, naming the cell's column by number and header.
test.each([
  [
    'q,__expected,__config:__expectedX:threshold\na,x,0.5\n',
    't.csv:2: column 3 (__config:__expectedX:threshold): "__expectedX" is not an assertion column: expected __expected or __expectedN with N a positive integer',
  ],
  [
    'q,__expected1,__config:__expected0:threshold\na,x,0.5\n',
    't.csv:2: column 3 (__config:__expected0:threshold): "__expected0" is not an assertion column: expected __expected or __expectedN with N a positive integer',
  ],
  [
    'q,__expected,__config:__expected:weight\na,x,2\n',
    `t.csv:2: column 3 (__config:__expected:weight): promptfoo's __config columns set only an assertion's threshold, not "weight" (use __metric for a metric; for other assertion settings write the test in YAML)`,
  ],
  [
    'q,__expected,__config:__expected:threshold\na,x,0.5\nb,y,\n',
    `t.csv:3: column 3 (__config:__expected:threshold): expected a number (the threshold of __expected's assertion), got ""; promptfoo refuses a blank or non-numeric cell here, so every row needs one`,
  ],
  [
    // promptfoo 0.123 drops a __threshold that is not a number without a word
    'q,__expected,__threshold\na,x,0.5x\n',
    't.csv:2: column 3 (__threshold): expected a number (the test\'s threshold, 0 to 1) or a blank cell, got "0.5x"',
  ],
  [
    'q,__expected,__config:__expected:threshold\na,x,0.5x\n',
    `t.csv:2: column 3 (__config:__expected:threshold): expected a number (the threshold of __expected's assertion), got "0.5x"; promptfoo refuses a blank or non-numeric cell here, so every row needs one`,
  ],
  [
    // promptfoo warns and ignores a __config column of another shape
    'q,__expected1,__config:__expected1\na,x,0.7\n',
    't.csv:2: column 3 (__config:__expected1): expected __config:__expected:threshold or __config:__expectedN:threshold (promptfoo warns and ignores any other __config: column, so its values would set nothing)',
  ],
  [
    // the column names an assertion column the file does not have
    'q,__expected1,__expected2,__config:__expected3:threshold\na,x,y,0.5\n',
    "t.csv:2: column 4 (__config:__expected3:threshold): names __expected3, but this file has no __expected3 column (its assertion columns: __expected1, __expected2); promptfoo would give the threshold to the row's assertion number 3, whichever column that is",
  ],
  [
    // promptfoo numbers the row's non-blank assertions: __expected2's threshold would go to __expected3's
    'q,__expected1,__expected2,__expected3,__config:__expected2:threshold\na,,y,z,0.5\n',
    "t.csv:2: column 5 (__config:__expected2:threshold): promptfoo counts only the row's non-blank assertion cells (blank here: __expected1), so it would give this threshold to __expected3's assertion, not to __expected2's; fill the blank assertion cells, or write this test in YAML",
  ],
  [
    'q,__expected1,__expected2,__config:__expected2:threshold\na,,y,0.5\n',
    "t.csv:2: column 4 (__config:__expected2:threshold): promptfoo counts only the row's non-blank assertion cells (blank here: __expected1), so it would give this threshold to no assertion, not to __expected2's; fill the blank assertion cells, or write this test in YAML",
  ],
  [
    'q,__expected1,__expected2,__expected3,__config:__expected2:threshold\na,x,,z,0.5\n',
    "t.csv:2: column 5 (__config:__expected2:threshold): promptfoo counts only the row's non-blank assertion cells (blank here: __expected2), so it would give this threshold to __expected3's assertion (__expected2 is blank); fill the blank assertion cells, or write this test in YAML",
  ],
  [
    'q,__expected1,__config:__expected:threshold,__config:__expected1:threshold\na,x,0.5,0.6\n',
    "t.csv:2: column 4 (__config:__expected1:threshold): __config:__expected:threshold already sets the threshold of the same assertion (promptfoo would keep only this column's)",
  ],
  [
    '__providerOutput,__expected\nhi,hi\n',
    't.csv:2: column 1 (__providerOutput): not supported by promptgate; supported special columns are __expected, __expectedN, __description, __threshold, __metric, __metadata:<name> and __config:__expectedN:threshold',
  ],
])('bad __config or special column %j → %s', (csv, message) => {
  expect(() => testsFromCsv(csv, 't.csv')).toThrow(message);
});
