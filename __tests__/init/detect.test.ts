// Which files `promptgate init` proposes as prompts.
import { detectPromptFiles } from '../../src/init/detect.js';
import { emptyDir, removeTempDirs, writeFiles } from './temp-dir.js';

afterAll(removeTempDirs);

describe('prompt file detection', () => {
  test.each([
    // [file, detected?]
    ['prompts/classify.txt', true],
    ['prompts/reply.md', true],
    ['prompts/chat.json', true],
    ['prompts/nested/deep/summary.j2', true],
    ['prompts/README.md', false],
    ['prompts/loader.ts', false],
    ['system.prompt', true],
    ['src/agent/system.prompt.md', true],
    ['src/agent/notes.prompt.txt', true],
    ['src/agent/notes.md', false],
    ['app/prompts/triage.txt', true],
    ['app/prompts/triage.yaml', false],
    ['app/prompts/v2/triage.txt', false],
    ['templates/email/welcome.njk', true],
    ['templates/email/welcome.html', false],
    ['node_modules/some-lib/prompts/x.txt', false],
    ['dist/prompts/x.txt', false],
    ['build/x.prompt', false],
    ['.git/prompts/x.txt', false],
    ['.github/prompts/review.prompt.md', false],
    ['packages/bot/node_modules/y/prompts/x.txt', false],
  ])('%s → %s', async (file, detected) => {
    const dir = await emptyDir();
    await writeFiles(dir, { [file]: 'Hello {{ name }}' });
    expect((await detectPromptFiles(dir)).files).toEqual(detected ? [file] : []);
  });

  test('files come sorted, whatever order the folder lists them in', async () => {
    const dir = await emptyDir();
    await writeFiles(dir, { 'prompts/b.txt': 'b', 'a.prompt': 'a', 'prompts/a.txt': 'a', 'lib/prompts/c.md': 'c' });
    expect((await detectPromptFiles(dir)).files).toEqual([
      'a.prompt',
      'lib/prompts/c.md',
      'prompts/a.txt',
      'prompts/b.txt',
    ]);
  });

  test('a long list is capped, and the total says how many there were', async () => {
    const dir = await emptyDir();
    const files = Object.fromEntries(
      Array.from({ length: 25 }, (_, i) => [`prompts/p${String(i).padStart(2, '0')}.txt`, 'x']),
    );
    await writeFiles(dir, files);
    const detected = await detectPromptFiles(dir);
    expect(detected.total).toBe(25);
    expect(detected.files).toHaveLength(20);
    expect(detected.files[19]).toBe('prompts/p19.txt');
  });
});
