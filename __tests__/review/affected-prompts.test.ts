import { affectedPrompts } from '../../src/review/affected-prompts.js';
import type { Prompt } from '../../src/types.js';

const prompt = (id: string, raw: string, label = id): Prompt => ({ id, label, raw });

describe('affectedPrompts: only changed prompts are evaluated; unchanged ones are not re-run at all', () => {
  it.each([
    [
      'identical text',
      prompt('a', 'Classify: {{t}}'),
      prompt('a', 'Classify: {{t}}'),
      'unchanged',
      'unchanged: identical text at base and head',
    ],
    [
      'edited text',
      prompt('a', 'Classify: {{t}}'),
      prompt('a', 'Classify this: {{t}}'),
      'changed',
      'changed: the text differs between base and head',
    ],
    [
      'whitespace only (models see it)',
      prompt('a', 'Classify: {{t}}'),
      prompt('a', 'Classify:  {{t}}'),
      'changed',
      'changed: the text differs between base and head',
    ],
    [
      'renamed file, same text',
      prompt('file://old.txt', 'x', 'old'),
      prompt('file://new.txt', 'x', 'new'),
      'unchanged',
      'unchanged: identical text at base and head',
    ],
    ['no base version', undefined, prompt('a', 'x'), 'new', 'new: no base version to compare with'],
  ])('%s → %s', (_name, base, head, status, reason) => {
    const result = affectedPrompts([base], [head]);
    expect(result.prompts).toEqual([{ headIdx: 0, label: head.label, status, reason }]);
    expect(result.evaluate).toEqual(status === 'unchanged' ? [] : [0]);
    expect(result.prompts.filter((p) => p.status === 'unchanged').map((p) => p.headIdx)).toEqual(
      status === 'unchanged' ? [0] : [],
    );
  });

  it('splits a mixed suite by head index', () => {
    const head = [prompt('a', '1'), prompt('b', '2'), prompt('c', '3'), prompt('d', '4')];
    const base = [prompt('a', '1'), prompt('b', 'two'), undefined, prompt('d', '4')];
    const result = affectedPrompts(base, head);
    expect(result.evaluate).toEqual([1, 2]);
    expect(result.prompts.filter((p) => p.status === 'unchanged').map((p) => p.headIdx)).toEqual([0, 3]);
    expect(result.prompts.map((p) => p.status)).toEqual(['unchanged', 'changed', 'new', 'unchanged']);
  });

  it('refuses base prompts that are not aligned to the head prompts', () => {
    expect(() => affectedPrompts([prompt('a', '1')], [prompt('a', '1'), prompt('b', '2')])).toThrow(
      /aligned to the head prompts: got 1 for 2/,
    );
  });
});
