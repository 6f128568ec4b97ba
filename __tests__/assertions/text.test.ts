import type { AssertionSpec } from '../../src/types.js';
import { parseCommaSeparatedValues } from '../../src/assertions/text.js';
import { scoreOne } from './context.js';

// [assertion, output, expected pass]; every text assertion scores 1 on pass and 0 on fail.
const cases: Array<[AssertionSpec, string, boolean]> = [
  [{ type: 'equals', value: 'Hello' }, 'Hello', true],
  [{ type: 'equals', value: 'Hello' }, 'hello', false],
  [{ type: 'not-equals', value: 'Hello' }, 'hello', true],
  [{ type: 'equals', value: 42 }, '42', true],
  [{ type: 'equals', value: { a: 1, b: [1, 2] } }, '{"b":[1,2],"a":1}', true],
  [{ type: 'equals', value: { a: 1 } }, 'not json', false],
  [{ type: 'not-equals', value: { a: 1 } }, 'not json', true],
  [{ type: 'contains', value: 'Straße' }, 'Ünïcödé Straße', true],
  [{ type: 'contains', value: 'straße' }, 'Ünïcödé Straße', false],
  [{ type: 'icontains', value: 'ÜNÏCÖDÉ' }, 'Ünïcödé Straße', true],
  [{ type: 'not-icontains', value: 'straße' }, 'Ünïcödé Straße', false],
  [{ type: 'contains', value: 42 }, 'order 42', true],
  [{ type: 'contains', value: '$5.00 (x)' }, 'costs $5.00 (x)', true],
  [{ type: 'contains-any', value: ['kiwi', 'pear'] }, 'a pear', true],
  [{ type: 'contains-any', value: 'kiwi, "s, p", mango' }, 'pears, plums', true],
  [{ type: 'contains-any', value: ['Pear'] }, 'a pear', false],
  [{ type: 'not-contains-any', value: ['kiwi', 'mango'] }, 'a pear', true],
  [{ type: 'icontains-any', value: ['PEAR'] }, 'a pear', true],
  [{ type: 'contains-all', value: ['a', 'pear'] }, 'a pear', true],
  [{ type: 'contains-all', value: ['pear', 'kiwi'] }, 'a pear', false],
  [{ type: 'contains-all', value: [] }, 'anything', true],
  [{ type: 'icontains-all', value: 'QUICK, fox' }, 'The Quick Fox', true],
  [{ type: 'not-icontains-all', value: ['quick', 'zebra'] }, 'The Quick Fox', true],
  [{ type: 'starts-with', value: 'Price:' }, 'Price: $5', true],
  [{ type: 'starts-with', value: 'Price:' }, 'Answer: Price: $5', false],
  [{ type: 'not-starts-with', value: 'Answer' }, 'Price', true],
  [{ type: 'regex', value: '\\$\\d+\\.\\d{2}' }, 'costs $5.00', true],
  [{ type: 'regex', value: '^Price' }, 'Answer: Price', false],
  [{ type: 'not-regex', value: '\\[' }, 'no brackets', true],
  [{ type: 'regex', value: '([' }, 'anything', false],
  [{ type: 'not-regex', value: '([' }, 'anything', false],
  [{ type: 'word-count', value: 3 }, ' one two  three ', true],
  [{ type: 'word-count', value: '3' }, 'one two three', true],
  [{ type: 'word-count', value: 0 }, '', true],
  [{ type: 'word-count', value: { min: 2, max: 4 } }, 'one two three', true],
  [{ type: 'word-count', value: { min: 4 } }, 'one two three', false],
  [{ type: 'word-count', value: { max: 2 } }, 'one two three', false],
  [{ type: 'not-word-count', value: { min: 5 } }, 'one two three', true],
  [{ type: 'levenshtein', value: 'sitting' }, 'kitten', true],
  [{ type: 'levenshtein', value: 'sitting', threshold: 2 }, 'kitten', false],
  [{ type: 'levenshtein', value: 'kitten' }, 'Answer: kitten', false],
  [{ type: 'not-levenshtein', value: 'kitchen', threshold: 1 }, 'kitten', true], // 2 edits > 1
  [{ type: 'not-levenshtein', value: 'kitchen', threshold: 2 }, 'kitten', false],
];

describe('text assertions', () => {
  test.each(cases)('%j on %j → pass %s', async (assertion, output, pass) => {
    const result = await scoreOne(assertion, output);
    expect(result.error).toBeUndefined();
    expect(result.pass).toBe(pass);
    expect(result.score).toBe(pass ? 1 : 0);
  });

  test('string values are nunjucks templates over the vars, without HTML escaping', async () => {
    const result = await scoreOne({ type: 'contains', value: '{{ tag }} & {{ who }}' }, 'say <b> & Ada', {
      tag: '<b>',
      who: 'Ada',
    });
    expect(result.pass).toBe(true);
  });

  test('failure reasons say what was expected', async () => {
    const result = await scoreOne({ type: 'contains-all', value: ['pear', 'kiwi'] }, 'a pear');
    expect(result.reason).toBe('Expected output to contain all of [pear, kiwi]. Missing: [kiwi]');
  });

  test.each([
    [
      { type: 'contains' },
      /assert\[0\]\.value: contains: "contains" assertion type must have a string or number value/,
    ],
    [{ type: 'starts-with', value: '' }, /must have a string value/],
    [{ type: 'word-count', value: { min: 5, max: 1 } }, /min \(5\) must be less than or equal to max \(1\)/],
    [{ type: 'levenshtein', value: 3 }, /must have a string value/],
    [{ type: 'no-such-check', value: 'x' }, /assert\[0\]\.type: .*unknown assertion type "no-such-check"/],
  ] as Array<[AssertionSpec, RegExp]>)('a malformed %j is an error, not a fail', async (assertion, message) => {
    const result = await scoreOne(assertion, 'output');
    expect(result.pass).toBe(false);
    expect(result.error).toMatch(message);
  });

  test('a malformed assertion error names the file position the loader recorded', async () => {
    const result = await scoreOne({ type: 'regex', location: { file: 'suite.yaml', line: 12, column: 9 } }, 'x');
    expect(result.error).toMatch(/^suite\.yaml:12:9: assert\[0\]\.value: regex:/);
  });
});

describe('parseCommaSeparatedValues', () => {
  test.each([
    ['a, b,c', ['a', 'b', 'c']],
    ['a,, b ,', ['a', 'b']],
    ['"x, y", z', ['x, y', 'z']],
    ['"say \\"hi\\"", "a""b"', ['say "hi"', 'a"b']],
  ])('%j → %j', (input, fields) => {
    expect(parseCommaSeparatedValues(input)).toEqual(fields);
  });

  test('an unterminated quote is rejected', () => {
    expect(() => parseCommaSeparatedValues('"open, b')).toThrow(/Unterminated quoted field/);
  });
});
