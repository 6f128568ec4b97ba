// promptfoo's prompt functions (.cjs/.mjs/.py), loaded from a real config and run through the real engine with
// the echo provider (its output is the prompt it was sent), so each output below is the rendered prompt.
import path from 'node:path';
import { loadSuite, resolvePrompts } from '../../src/config/load.js';
import { evaluateSuite } from '../../src/evaluate.js';
import { promptText, renderPromptWithFunction } from '../../src/prompts/functions.js';

const DIR = path.resolve('__tests__/fixtures/config/prompt-functions');
const CONFIG = path.join(DIR, 'promptfooconfig.yaml');

test('each function builds its prompt from the vars and the provider; the result is rendered as a template', async () => {
  const suite = await loadSuite(CONFIG);
  expect(suite.prompts.map((p) => [p.id, p.label])).toEqual([
    ['file://prompt.cjs:greet', 'prompt.cjs:greet'],
    ['file://prompt.mjs', 'prompt.mjs'],
    ['file://prompt.py:chat', 'python chat'],
  ]);
  // The script's text is the prompt's raw text, so that an edited script is a changed prompt.
  expect(suite.prompts[0]!.raw).toContain('module.exports.greet');
  expect(suite.referencedFiles).toEqual(expect.arrayContaining([path.join(DIR, 'prompt.py')]));
  const { results } = await evaluateSuite(suite, { env: {} });
  expect(results.map((r) => r.error)).toEqual([undefined, undefined, undefined]);
  expect(results.map((r) => r.output)).toEqual([
    'Hello Ada (warm) via echo/mirror',
    JSON.stringify([{ role: 'user', content: 'Write to Ada' }], null, 2),
    JSON.stringify(
      [
        { role: 'system', content: 'Be warm.' },
        { role: 'user', content: 'Hi Ada from echo' },
      ],
      null,
      2,
    ),
  ]);
  expect(results.every((r) => r.pass)).toBe(true);
});

test("a pull request's prompt function is read as text but never run on untrusted events", async () => {
  const { prompts } = await resolvePrompts(['file://prompt.cjs:greet'], DIR, CONFIG, { runsCode: false });
  expect(prompts[0]!.raw).toContain('module.exports.greet');
  await expect(renderPromptWithFunction(prompts[0]!, { name: 'Ada' }, { id: 'echo' })).rejects.toThrow(
    /is the pull request's code, which does not run on untrusted events/,
  );
});

test.each([
  ['text', 'Hi', 'Hi'],
  ['{prompt} with text', { prompt: 'Hi' }, 'Hi'],
  ['{prompt} with messages', { prompt: [{ role: 'user', content: 'Hi' }] }, '[{"role":"user","content":"Hi"}]'],
  ['messages', [{ role: 'user', content: 'Hi' }], '[{"role":"user","content":"Hi"}]'],
])('a function returning %s is read as promptfoo reads it', (_, result, text) => {
  expect(promptText(result, 'p')).toBe(text);
});

test.each([
  [42, /must return a string or object, got number/],
  [null, /must return a string or object, got null/],
  [{ prompt: 'Hi', config: { temperature: 0 } }, /returned a config: a prompt's own provider config is not supported/],
])('a function returning %p is an error', (result, message) => {
  expect(() => promptText(result, 'p')).toThrow(message);
});

test('a function that throws makes the case an error, not a fail', async () => {
  const suite = await loadSuite(CONFIG);
  suite.prompts = [{ ...suite.prompts[2]!, function: { ...suite.prompts[2]!.function!, functionName: 'missing' } }];
  const { results } = await evaluateSuite(suite, { env: {} });
  expect(results[0]!.error).toMatch(
    /could not render prompt "python chat": prompt function python chat failed: [\s\S]*no attribute .missing./,
  );
});
