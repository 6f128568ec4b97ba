// Prompt entries re-resolved against another directory (the base revision, materialized into a temp
// dir) give the same ids with that directory's text, so head and base prompts pair by id.
import path from 'node:path';
import { findDefaultConfig, loadSuite, resolvePrompts } from '../../src/config/load.js';

const FIXTURES = path.resolve('__tests__/fixtures/config');

test('a loaded suite records its prompts as written, and the globs among them', async () => {
  const { writtenPrompts } = await loadSuite(path.join(FIXTURES, 'good/promptgate.yaml'));
  expect((writtenPrompts.entries as unknown[])[1]).toBe('file://prompts/two.txt');
  expect(writtenPrompts.globs).toEqual(['prompts/many/*.md']);
  expect(writtenPrompts.locator.locate(['prompts', 3])).toMatchObject({ line: 7 });
});

test('the same entries resolve against the base revision: same ids, older text', async () => {
  const { writtenPrompts: written } = await loadSuite(path.join(FIXTURES, 'good/promptgate.yaml'));
  const entries = [(written.entries as unknown[])[1], (written.entries as unknown[])[5]]; // file://prompts/two.txt and {id: file://prompts/single.txt, label}
  const baseDir = path.join(FIXTURES, 'base-revision');
  const { prompts, files } = await resolvePrompts(entries, baseDir, written.locator.displayPath);
  expect(prompts).toEqual([
    {
      id: 'file://prompts/two.txt:1',
      label: 'prompts/two.txt:1',
      raw: 'First prompt (older) for {{ name }}',
      file: 'prompts/two.txt',
    },
    {
      id: 'file://prompts/two.txt:2',
      label: 'prompts/two.txt:2',
      raw: 'Second prompt (older) for {{ name }}',
      file: 'prompts/two.txt',
    },
    {
      id: 'file://prompts/single.txt',
      label: 'Single file',
      raw: 'Single (older) {{ name }}',
      file: 'prompts/single.txt',
    },
  ]);
  expect(files).toEqual([path.join(baseDir, 'prompts/two.txt'), path.join(baseDir, 'prompts/single.txt')]);
});

test.each([
  // [entries, expected ids]
  [['Hi {{ x }}'], ['Hi {{ x }}']],
  ['Only one {{ x }}', ['Only one {{ x }}']],
  [[{ raw: 'R {{ x }}', label: 'L' }], ['R {{ x }}']],
  [[{ id: 'plain id text' }], ['plain id text']],
  [{ 'file://prompts/single.txt': 'Map label' }, ['file://prompts/single.txt']],
  [[{ id: 'two', raw: 'file://prompts/two.txt' }], ['two:1', 'two:2']],
])('entries %j → ids %j', async (entries, ids) => {
  const { prompts } = await resolvePrompts(entries, path.join(FIXTURES, 'good'), 'promptgate.yaml');
  expect(prompts.map((p) => p.id)).toEqual(ids);
});

test.each([
  // [entries, the globs recorded]
  [['file://prompts/many/*.md', 'file://prompts/two.txt'], ['prompts/many/*.md']],
  [{ 'file://prompts/many/*.md': 'Map glob' }, ['prompts/many/*.md']],
  [[{ id: 'many', raw: 'file://prompts/many/*.md' }], ['prompts/many/*.md']],
  [['Inline *.md is not a glob'], []],
])('entries %j record the globs %j', async (entries, globs) => {
  expect((await resolvePrompts(entries, path.join(FIXTURES, 'good'), 'promptgate.yaml')).globs).toEqual(globs);
});

test('without a YAML document, errors name the config file', async () => {
  await expect(resolvePrompts([42], path.join(FIXTURES, 'good'), 'promptgate.yaml')).rejects.toThrow(
    'promptgate.yaml: prompts[0]: expected a prompt string, a file://path or an object {id, label, raw}',
  );
});

test.each([
  ['both', 'promptgate.yml'],
  ['promptfoo-only', 'promptfooconfig.yml'],
  ['none', undefined],
])('findDefaultConfig in %s → %s', (dir, name) => {
  const found = findDefaultConfig(path.join(FIXTURES, 'default-names', dir));
  expect(found).toBe(name && path.join(FIXTURES, 'default-names', dir, name));
});

test('one prompt written twice under two labels runs twice, the later id taking its label (promptfoo)', async () => {
  const text = 'Tell me about {{ topic }}';
  const { prompts } = await resolvePrompts(
    [text, { id: text, label: 'text' }, { raw: text, label: 'again' }],
    path.join(FIXTURES, 'good'),
    'promptgate.yaml',
  );
  expect(prompts.map((p) => [p.id, p.label])).toEqual([
    [text, text],
    [`${text}#text`, 'text'],
    [`${text}#again`, 'again'],
  ]);
});
