import { fitToBudget, openBlocks, trimToBudget, utf8Length } from '../../src/report/budget.js';

describe('openBlocks', () => {
  it.each([
    ['text', { details: 0 }],
    ['<details>\n<summary>x</summary>\n\nbody', { details: 1 }],
    ['<details>\n\n</details>', { details: 0 }],
    ['```text\n</details>\n<details>', { fence: '```', details: 0 }],
    ['<details>\n\n````diff\n```\nstill inside', { fence: '````', details: 1 }],
  ])('%j → %j', (markdown, expected) => {
    expect(openBlocks(markdown)).toEqual(expected);
  });
});

describe('trimToBudget', () => {
  const doc = [
    '# title',
    '<details>',
    '<summary>s</summary>',
    '',
    '```text',
    ...Array.from({ length: 50 }, (_, i) => `line ${i}`),
    '```',
    '',
    '</details>',
  ].join('\n');

  it('cuts on a line boundary and re-closes what the cut left open', () => {
    const out = trimToBudget(doc, '\n\nTAIL', 200);
    expect(out.length).toBeLessThanOrEqual(200);
    expect(out.endsWith('TAIL')).toBe(true);
    expect(openBlocks(out)).toEqual({ details: 0 });
    expect(out).toMatch(/line \d+\n```\n\n<\/details>\n\nTAIL$/);
  });

  it('leaves a document that fits untouched', () => {
    expect(trimToBudget('short', '!', 100)).toBe('short!');
  });
});

describe('fitToBudget', () => {
  it('uses the richest level that fits and says when it trimmed', () => {
    const render = (level: number) => 'x'.repeat(100 - 30 * level);
    const tail = (trimmed: boolean) => (trimmed ? '[t]' : '');
    expect(fitToBudget(render, 3, 200, tail)).toBe('x'.repeat(100));
    expect(fitToBudget(render, 3, 80, tail)).toBe('x'.repeat(70) + '[t]');
    expect(fitToBudget(render, 3, 30, tail).length).toBeLessThanOrEqual(30);
  });
});

describe('utf8Length', () => {
  it.each([
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
  ])('%j → %i bytes', (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
    expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });
});
