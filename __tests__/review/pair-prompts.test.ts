import { pairPrompts } from '../../src/review/pair-prompts.js';
import type { Prompt } from '../../src/types.js';

const file = (f: string, n?: number): Prompt => ({
  id: `file://${f}${n ? `:${n}` : ''}`,
  label: f,
  raw: `text of ${f}${n ?? ''}`,
  file: f,
});
const inline = (raw: string, id = raw): Prompt => ({ id, label: raw, raw });

describe('pairPrompts', () => {
  test('same ids pair; a prompt the PR adds has no base', () => {
    const base = [file('prompts/a.txt'), file('prompts/b.txt')];
    const head = [file('prompts/a.txt'), file('prompts/c.txt'), file('prompts/b.txt')];
    expect(pairPrompts(base, head, [], '')).toEqual([base[0], undefined, base[1]]);
  });

  test('a renamed file pairs with its old path, position by position, in a config below the repo root', () => {
    const base = [file('prompts/old.txt', 1), file('prompts/old.txt', 2)];
    const head = [file('prompts/new.txt', 1), file('prompts/new.txt', 2)];
    const changes = [
      { status: 'renamed' as const, path: 'suite/prompts/new.txt', previousPath: 'suite/prompts/old.txt' },
    ];
    expect(pairPrompts(base, head, changes, 'suite')).toEqual([base[0], base[1]]);
  });

  test('an edited inline prompt pairs with the one in its place when the list kept its length', () => {
    const base = [inline('Hello {{name}}'), file('p.txt')];
    const head = [inline('Hi there {{name}}'), file('p.txt')];
    expect(pairPrompts(base, head, [], '')).toEqual([base[0], base[1]]);
  });

  test('inline prompts do not pair by position when prompts were added or removed', () => {
    const base = [inline('Hello {{name}}')];
    const head = [inline('Hi {{name}}'), inline('Yo {{name}}')];
    expect(pairPrompts(base, head, [], '')).toEqual([undefined, undefined]);
  });

  test('explicit ids pair whatever the text', () => {
    const base = [inline('old words', 'greeting')];
    const head = [inline('new words', 'greeting')];
    expect(pairPrompts(base, head, [], '')).toEqual([base[0]]);
  });
});
