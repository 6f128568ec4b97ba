import { changedSuiteFiles, untestedPromptChanges } from '../../src/review/affected.js';
import type { FileChange } from '../../src/git/changes.js';

const changes: FileChange[] = [
  { status: 'modified', path: 'prompts/a.txt' },
  { status: 'renamed', path: 'prompts/b2.txt', previousPath: 'prompts/b.txt' },
  { status: 'added', path: 'prompts/orphan.txt' },
  { status: 'deleted', path: 'prompts/gone.md' },
  { status: 'modified', path: 'README.md' },
];

describe('which suites a change affects', () => {
  test.each([
    [['promptgate.yaml', 'prompts/a.txt'], ['prompts/a.txt']],
    [['promptgate.yaml', 'prompts/b.txt'], ['prompts/b.txt']],
    [['promptgate.yaml', 'tests.csv'], []],
  ])('suite reading %j is affected by %j', (files, expected) => {
    expect(changedSuiteFiles(files, changes)).toEqual(expected);
  });

  test('changed prompt files no suite reads are untested', () => {
    const tested = new Set(['prompts/a.txt', 'prompts/b2.txt']);
    expect(untestedPromptChanges(changes, ['prompts/**/*.{txt,md}'], tested)).toEqual([
      'prompts/gone.md',
      'prompts/orphan.txt',
    ]);
    expect(untestedPromptChanges(changes, [], tested)).toEqual([]);
  });
});
