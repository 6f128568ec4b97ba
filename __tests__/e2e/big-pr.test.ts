// Big pull requests, through the pure and edge modules (not dist): a megabyte prompt, five hundred prompt
// files behind one glob, and a change list of thousands of files. No timing assertions: each of these
// finishing within the test timeout at all is what rules out a quadratic pass; the checks are on the results.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadSuite } from '../../src/config/load.js';
import { parseNameStatus } from '../../src/git/changes.js';
import { renderPrompt } from '../../src/prompts/render.js';
import { changedSuiteFiles, untestedPromptChanges } from '../../src/review/affected.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'promptgate-big-pr-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A project under `dir/name` with a promptgate.yaml and the given files. */
async function project(name: string, config: string, files: Record<string, string>): Promise<string> {
  const root = path.join(dir, name);
  for (const [file, content] of Object.entries({ 'promptgate.yaml': config, ...files })) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), content);
  }
  return path.join(root, 'promptgate.yaml');
}

test('a 1 MB prompt file loads and renders to the expected size', async () => {
  const line = (i: number) => `Rule ${i}: answer {{ name }} in {{ lang }}, citing the policy — never guess.\n`;
  const lines = Array.from({ length: 14_000 }, (_, i) => line(i));
  const raw = lines.join('');
  expect(Buffer.byteLength(raw)).toBeGreaterThan(1024 * 1024);
  const config = await project(
    'huge-prompt',
    [
      'prompts: [file://prompts/policy.txt]',
      'providers: [echo]',
      'tests: [{ vars: { name: Ada, lang: French } }]',
    ].join('\n'),
    { 'prompts/policy.txt': raw },
  );

  const suite = await loadSuite(config);
  expect(suite.prompts).toHaveLength(1);
  // A .txt prompt is trimmed, as promptfoo trims it: the last newline goes.
  expect(suite.prompts[0].raw).toBe(raw.trimEnd());

  const rendered = renderPrompt(suite.prompts[0], suite.tests[0].vars);
  // Every line loses two placeholders and gains the two values.
  const perLine = 'Ada'.length + 'French'.length - '{{ name }}'.length - '{{ lang }}'.length;
  expect(rendered.length).toBe(raw.length - 1 + lines.length * perLine);
  expect(rendered.split('\n')[13_999]).toBe('Rule 13999: answer Ada in French, citing the policy — never guess.');
});

test('500 prompt files behind one glob load with unique ids, in sorted order', async () => {
  // Written in a shuffled order, in nested folders, with unpadded numbers: the order is the sorted path.
  const names = Array.from({ length: 500 }, (_, i) => `prompts/team-${i % 7}/p${(i * 37) % 500}.md`);
  const files = Object.fromEntries(names.map((name) => [name, `Prompt ${name} for {{ name }}\n`]));
  const config = await project(
    'many-prompts',
    ['prompts: [file://prompts/**/*.md]', 'providers: [echo]', 'tests: [{ vars: { name: Ada } }]'].join('\n'),
    files,
  );

  const suite = await loadSuite(config);
  const ids = suite.prompts.map((p) => p.id);
  expect(ids).toHaveLength(500);
  expect(new Set(ids).size).toBe(500);
  expect(ids).toEqual([...names].sort().map((name) => `file://${name}`));
  expect(suite.prompts[0]).toEqual({
    id: 'file://prompts/team-0/p0.md',
    label: 'prompts/team-0/p0.md',
    raw: 'Prompt prompts/team-0/p0.md for {{ name }}\n',
    file: 'prompts/team-0/p0.md',
  });
  expect(suite.referencedFiles).toHaveLength(501); // the config and every prompt
});

describe('a change list of 3,000+ files', () => {
  // The suite reads 500 prompts and a tests file. The pull request touches, as `git diff --name-status -z`
  // reports it: 100 of the suite's prompts, 20 renamed away from suite paths, 1,000 prompt files no suite
  // reads (added, modified, deleted), and 2,000 unrelated files.
  const suiteFiles = [
    'promptgate.yaml',
    'tests/cases.yaml',
    ...Array.from({ length: 500 }, (_, i) => `prompts/suite/p${i}.md`),
  ];
  const records: string[] = [];
  for (let i = 0; i < 100; i++) records.push('M', `prompts/suite/p${i * 5}.md`);
  for (let i = 0; i < 20; i++) records.push('R097', `prompts/suite/p${i * 5 + 1}.md`, `prompts/moved/p${i}.md`);
  for (let i = 0; i < 1000; i++) records.push('AMD'[i % 3], `prompts/drafts/d${i}.md`);
  for (let i = 0; i < 2000; i++) records.push('M', `src/module${i}.ts`);
  const changes = parseNameStatus(`${records.join('\0')}\0`);

  test('it parses into one change per file', () => {
    expect(changes).toHaveLength(3120);
    expect(changes[100]).toEqual({
      status: 'renamed',
      previousPath: 'prompts/suite/p1.md',
      path: 'prompts/moved/p0.md',
    });
  });

  test("changedSuiteFiles: the suite's modified prompts and the ones renamed away, sorted", () => {
    const changed = changedSuiteFiles(suiteFiles, changes);
    const expected = [
      ...Array.from({ length: 100 }, (_, i) => `prompts/suite/p${i * 5}.md`),
      ...Array.from({ length: 20 }, (_, i) => `prompts/suite/p${i * 5 + 1}.md`),
    ].sort();
    expect(changed).toEqual(expected);
  });

  test('untestedPromptChanges: every changed prompt no suite reads, deleted ones included, sorted', () => {
    const untested = untestedPromptChanges(changes, ['prompts/**/*.md'], new Set(suiteFiles));
    const expected = [
      ...Array.from({ length: 20 }, (_, i) => `prompts/moved/p${i}.md`),
      ...Array.from({ length: 1000 }, (_, i) => `prompts/drafts/d${i}.md`),
    ].sort();
    expect(untested).toEqual(expected);
    expect(untested).not.toContain('src/module0.ts');
  });
});
