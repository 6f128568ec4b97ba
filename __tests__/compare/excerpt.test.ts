import { outputText, truncateCodePoints } from '../../src/compare/excerpt.js';

describe('truncateCodePoints', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly', 7, 'exactly'],
    ['abcdefgh', 5, 'abcd…'],
    ['😀😀😀😀', 4, '😀😀😀😀'], // 8 UTF-16 units but 4 code points: nothing cut
    ['😀😀😀😀😀', 3, '😀😀…'], // never splits a surrogate pair
    ['a😀b', 1, '…'],
  ])('%j to %i → %j', (text, max, expected) => {
    const out = truncateCodePoints(text, max);
    expect(out).toBe(expected);
    expect([...out].length).toBeLessThanOrEqual(max);
  });
});

describe('outputText', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    ['plain', 'plain'],
    [{ a: 1 }, '{"a":1}'],
    [42, '42'],
  ])('%j → %j', (output, expected) => {
    expect(outputText(output, 100)).toBe(expected);
  });

  it('cuts a 10 MB output without copying it whole', () => {
    expect(outputText('x'.repeat(10_000_000), 50)).toBe('x'.repeat(49) + '…');
  });
});
