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
