// review() in-process, as a table: the pipeline's seams (which suite is the yardstick, what the head gives on
// untrusted events, what is affected) without spawning dist/. Both revisions live in memory; the echo provider
// answers with the prompt itself, so a prompt's text decides its pass.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FileChange } from '../../src/git/changes.js';
import { review } from '../../src/pipeline.js';
import type { MaterializeBase, ReviewInput } from '../../src/review/types.js';

type Tree = Record<string, string>;

async function writeTree(dir: string, tree: Tree, paths?: readonly string[]): Promise<void> {
  for (const [file, text] of Object.entries(tree)) {
    if (paths && !paths.includes('.') && !paths.includes(file)) continue;
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
}

const fromTree =
  (tree: Tree): MaterializeBase =>
  (paths, dest) =>
    writeTree(dest, tree, paths);

function changesBetween(base: Tree, head: Tree): FileChange[] {
  const files = new Set([...Object.keys(base), ...Object.keys(head)]);
  return [...files].flatMap((f): FileChange[] => {
    if (!(f in base)) return [{ path: f, status: 'added' }];
    if (!(f in head)) return [{ path: f, status: 'deleted' }];
    return base[f] === head[f] ? [] : [{ path: f, status: 'modified' }];
  });
}

const suite = (assertValue = 'polite', extra = '') =>
  `prompts: [file://prompt.txt]\nproviders: [echo]\ntests:\n${[1, 2, 3, 4, 5, 6]
    .map(
      (n) =>
        `  - description: case ${n}\n    vars: { n: ${n} }\n    assert: [{ type: icontains, value: ${assertValue} }]\n`,
    )
    .join('')}${extra}`;
const POLITE = 'Be polite. Case {{ n }}.';
const RUDE = 'Be brief. Case {{ n }}.';

async function run(base: Tree, head: Tree, options: Partial<ReviewInput> = {}) {
  const repoDir = await mkdtemp(path.join(os.tmpdir(), 'promptgate-pipeline-'));
  if (options.trust !== 'untrusted') await writeTree(repoDir, head);
  else await writeTree(repoDir, base); // pull_request_target: the workspace is the base
  return review({
    repoDir,
    configPaths: ['promptgate.yaml'],
    promptGlobs: [],
    changes: changesBetween(base, head),
    materializeBase: fromTree(base),
    materializeHead: fromTree(head),
    evaluate: { repeat: 1 },
    ...options,
  });
}

const base = { 'promptgate.yaml': suite(), 'prompt.txt': POLITE };

test.each<[string, Tree, Partial<ReviewInput>, Record<string, unknown>]>([
  [
    'a prompt-only change that drops the instruction',
    { ...base, 'prompt.txt': RUDE },
    {},
    { verdict: 'regression', headPassRate: 0, basePassRate: 1 },
  ],
  [
    'the same drop with the assertion loosened: judged by the base’s tests',
    { 'promptgate.yaml': suite('case'), 'prompt.txt': RUDE },
    {},
    { verdict: 'regression', headPassRate: 0, basePassRate: 1 },
  ],
  [
    'a tests-only change: main’s real pass rate on both sides',
    { ...base, 'promptgate.yaml': suite('never') },
    {},
    { verdict: 'ship', headPassRate: 1, basePassRate: 1 },
  ],
  ['nothing the suite reads changed', { ...base, 'README.md': 'x' }, {}, { verdict: 'skipped' }],
  [
    'a capped change list counts every file as changed',
    { ...base, 'README.md': 'x' },
    { changesIncomplete: true },
    { verdict: 'ship', headPassRate: 1 },
  ],
  [
    'untrusted: the head’s prompt text under the base’s suite',
    { 'promptgate.yaml': suite('case'), 'prompt.txt': RUDE },
    { trust: 'untrusted' },
    { verdict: 'regression', headPassRate: 0 },
  ],
])('%s', async (_what, head, options, expected) => {
  const result = await run(base, head, options);
  expect(result).toMatchObject(expected);
});

test('trusted: the PR’s own suite runs on the head beside the verdict, with the test changes listed', async () => {
  const result = await run(base, { 'promptgate.yaml': suite('case'), 'prompt.txt': RUDE });
  const [s] = result.suites;
  expect(s!.suiteChanges).toMatchObject({ files: ['promptgate.yaml'], evaluated: true });
  expect(s!.suiteChanges!.tests).toHaveLength(6);
  expect(s!.suiteChanges!.tests.every((t) => t.status === 'changed' && t.loosened)).toBe(true);
  expect(s!.prSuite).toMatchObject({ rate: 1, passed: 6 });
});

test('untrusted: the PR’s suite is not loaded; its changes are listed as files, not run', async () => {
  const result = await run(base, { 'promptgate.yaml': suite('case'), 'prompt.txt': RUDE }, { trust: 'untrusted' });
  const [s] = result.suites;
  expect(s!.suiteChanges).toEqual({ files: ['promptgate.yaml'], evaluated: false, tests: [] });
  expect(s!.prSuite).toBeUndefined();
});

test('untrusted: a suite the pull request adds is skipped with why; trusted: judged by the gate alone', async () => {
  const added = { 'promptgate.yaml': suite(), 'prompt.txt': POLITE };
  const untrusted = await run({}, added, { trust: 'untrusted' });
  expect(untrusted.verdict).toBe('skipped');
  expect(untrusted.suites[0].skippedReason).toMatch(/the pull request adds this suite/);
  const trusted = await run({}, added);
  expect(trusted).toMatchObject({ verdict: 'ship', basePassRate: null, headPassRate: 1 });
});

test('a changed prompt the suite reads is not an untested change; one no suite reads is', async () => {
  const result = await run(base, { ...base, 'prompt.txt': RUDE, 'orphan.txt': 'x' }, { promptGlobs: ['*.txt'] });
  expect(result.untestedPromptChanges).toEqual(['orphan.txt']);
});

test('untrusted: only the prompt files the base names or its globs match are read from the head', async () => {
  const globSuite = suite().replace('prompts: [file://prompt.txt]', 'prompts: [file://prompts/*.txt]');
  const globBase = { 'promptgate.yaml': globSuite, 'prompts/a.txt': POLITE };
  const head = { ...globBase, 'prompts/a.txt': RUDE, 'prompts/b.txt': POLITE, 'README.md': 'x', 'lib.mjs': 'y' };
  const asked: string[] = [];
  const result = await run(globBase, head, {
    trust: 'untrusted',
    materializeHead: async (paths, dest) => {
      asked.push(...paths);
      await fromTree(head)(paths, dest);
    },
  });
  expect(asked.sort()).toEqual(['prompts/a.txt', 'prompts/b.txt']);
  // The new prompt file is evaluated under the base's tests, on the head only.
  expect(result.suites[0].newPrompts).toEqual(['prompts/b.txt']);
});

test('untrusted: a head that deletes a prompt file the base names is skipped with why, not a failed run', async () => {
  const head = { 'promptgate.yaml': suite() };
  const result = await run(base, head, { trust: 'untrusted' });
  expect(result.verdict).toBe('skipped');
  expect(result.suites[0].skippedReason).toMatch(/names prompts the pull request no longer has/);
});
