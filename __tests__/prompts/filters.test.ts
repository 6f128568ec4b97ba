// promptfoo's `nunjucksFilters`: a suite's filter modules, loaded from a real config in a temp dir and run
// with the echo provider (its output is the rendered prompt). What promptfoo renders with them is recorded
// in the conformance suite (fixtures/conformance/filters); these are the edges: bad entries, a module that
// cannot load, and one suite's filters never reaching another's prompts.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSuite } from '../../src/config/load.js';
import { evaluateSuite, memoizedRender } from '../../src/evaluate.js';
import { templateFilters } from '../../src/prompts/functions.js';

/** A project with the given files and a config whose nunjucksFilters entry is `filters` (YAML). */
function project(filters: string, files: Record<string, string>, prompt = "'{{ word | shout }}'"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'promptgate-filters-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  writeFileSync(
    path.join(dir, 'promptgate.yaml'),
    `prompts: [${prompt}]\nproviders: [echo]\nnunjucksFilters: ${filters}\ntests:\n  - vars: { word: hi }\n    assert: [{ type: contains, value: HI }]\n`,
  );
  return path.join(dir, 'promptgate.yaml');
}

const SHOUT = { 'shout.mjs': 'export default (s) => String(s).toUpperCase() + "!";\n' };

test('a filter module is recorded as a file the suite reads, and renders the prompt', async () => {
  const config = project('{ shout: ./shout.mjs }', SHOUT);
  const suite = await loadSuite(config);
  expect(suite.nunjucksFilters).toEqual([{ name: 'shout', file: path.join(path.dirname(config), 'shout.mjs') }]);
  expect(suite.referencedFiles).toContain(path.join(path.dirname(config), 'shout.mjs'));
  const { results } = await evaluateSuite(suite, { env: {} });
  expect(results.map((r) => [r.output, r.pass])).toEqual([['HI!', true]]);
});

test('file://x.js:fn names one export of the module', async () => {
  const config = project("{ shout: 'file://lib/text.mjs:loud' }", {
    'lib/text.mjs': 'export const loud = (s) => `${s}`.toUpperCase();\nexport default () => "default";\n',
  });
  const { results } = await evaluateSuite(await loadSuite(config), { env: {} });
  expect(results[0]!.output).toBe('HI');
});

test.each([
  ['[./shout.mjs]', /nunjucksFilters: expected a map of filter names to JavaScript files/],
  ['{ shout: 3 }', /nunjucksFilters\.shout: expected a map of filter names/],
  ["{ 'shout-it': ./shout.mjs }", /"shout-it" is not a filter name a template can use/],
  ["{ shout: './*.mjs' }", /nunjucksFilters\.shout: \.\/\*\.mjs: name one file \(a glob is not supported/],
  ['{ shout: ./shout.py }', /a filter is a JavaScript or TypeScript module/],
  ['{ shout: ./absent.mjs }', /nunjucksFilters\.shout: .*absent\.mjs/],
  ['{ shout: ../../outside.mjs }', /outside the project root/],
])('nunjucksFilters: %s is a located error', async (filters, message) => {
  const config = project(filters, SHOUT);
  const load = loadSuite(config);
  await expect(load).rejects.toThrow(message);
  await expect(load).rejects.toThrow(/promptgate\.yaml:3:\d+/);
});

test.each([
  [
    'throws when imported',
    'throw new Error("broken filter module");\n',
    /nunjucksFilters\.shout: cannot load .*broken filter module/,
  ],
  ['exports no function', 'export const notAFunction = 1;\n', /nunjucksFilters\.shout: .*must export a function/],
])('a filter module that %s makes every case an error, not a fail', async (_, text, message) => {
  const config = project('{ shout: ./shout.mjs }', { 'shout.mjs': text });
  const { results } = await evaluateSuite(await loadSuite(config), { env: {} });
  expect(results).toHaveLength(1);
  expect(results[0]!.error).toMatch(message);
  expect(results[0]!.error).toMatch(/could not render prompt/);
});

test("one suite's filters never render another suite's prompt, even through one shared memo", async () => {
  const a = await loadSuite(project('{ shout: ./shout.mjs }', SHOUT));
  const b = await loadSuite(project('{ shout: ./shout.mjs }', { 'shout.mjs': 'export default (s) => `${s}?`;\n' }));
  const render = memoizedRender();
  const prompt = a.prompts[0]!;
  const vars = a.tests[0]!.vars;
  expect(await render(prompt, vars, undefined, await templateFilters(a))).toBe('HI!');
  expect(await render(prompt, vars, undefined, await templateFilters(b))).toBe('hi?');
  // Without filters the name is unknown to the template: an error, never the other suite's answer.
  expect(() => render(prompt, vars)).toThrow(/filter not found: shout/);
});

test('the filters apply to prompts only, as in promptfoo: an assertion value using one is an error of the case', async () => {
  const config = project('{ shout: ./shout.mjs }', SHOUT);
  const suite = await loadSuite(config);
  suite.tests[0]!.assert[0]!.value = '{{ word | shout }}';
  const { results } = await evaluateSuite(suite, { env: {} });
  expect(results[0]!.pass).toBe(false);
  expect(results[0]!.error).toMatch(/filter not found: shout/);
});

test('a template with a filter is rendered once per case and remembered; a plain one is rendered afresh, to the same text', async () => {
  const counting = {
    'shout.mjs':
      'export default (s) => { globalThis.__shoutCalls = (globalThis.__shoutCalls ?? 0) + 1; return String(s).toUpperCase(); };\n',
  };
  const suite = await loadSuite(project('{ shout: ./shout.mjs }', counting));
  const filters = await templateFilters(suite);
  const render = memoizedRender();
  const vars = suite.tests[0]!.vars;
  const calls = (): number => (globalThis as { __shoutCalls?: number }).__shoutCalls ?? 0;
  const before = calls();
  expect(render(suite.prompts[0]!, vars, undefined, filters)).toBe('HI');
  expect(render(suite.prompts[0]!, vars, undefined, filters)).toBe('HI');
  expect(calls() - before).toBe(1);
  // A prompt of text and bare outputs: no memo, the same text each time.
  const plain = { ...suite.prompts[0]!, raw: 'say {{ word }}' };
  expect(render(plain, vars, undefined, filters)).toBe('say hi');
  expect(render(plain, vars, undefined, filters)).toBe('say hi');
});
