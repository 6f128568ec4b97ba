// action.yml is what GitHub reads: it must parse, run the committed bundle on node24, and declare exactly the
// inputs the code reads and every output it sets.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { INPUT_NAMES } from '../../src/action/inputs.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const doc = parseDocument(readFileSync(path.join(root, 'action.yml'), 'utf8'));
const action = doc.toJS() as {
  runs: { using: string; main: string };
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
};

function sourcesOf(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8'))
    .join('\n');
}

test('parses without errors and runs dist/index.js on node24, with branding', () => {
  expect(doc.errors.map((e) => e.message)).toEqual([]);
  expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  expect(action.branding.icon).toBeTruthy();
  expect(action.branding.color).toBeTruthy();
});

test('declares exactly the inputs the action reads, each described', () => {
  expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort());
  for (const [name, input] of Object.entries(action.inputs)) {
    expect([name, typeof input.description]).toEqual([name, 'string']);
  }
  expect(action.inputs['github-token'].default).toBe('${{ github.token }}');
});

test('declares every output the action sets', () => {
  const code = sourcesOf(path.join(root, 'src'));
  const set = [...code.matchAll(/setOutput\('([^']+)'/g)].map((m) => m[1]);
  expect(set.length).toBeGreaterThan(5);
  for (const name of new Set(set)) expect(Object.keys(action.outputs)).toContain(name);
});

// The runner evaluates expressions in action metadata, where only `default:` values may use the `github`
// context; anything else stops every job at "Set up job" with "Failed to load action.yml".
const ALLOWED_EXPRESSION = /^\s*default:\s*['"]?\$\{\{\s*github\.[A-Za-z_.]+\s*\}\}['"]?\s*$/;

function misplacedExpressions(text: string): number[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => line.includes('${{') && !ALLOWED_EXPRESSION.test(line))
    .map(({ n }) => n);
}

test('has no ${{ }} expression outside a github-context default (GitHub refuses to load it)', () => {
  expect(misplacedExpressions(readFileSync(path.join(root, 'action.yml'), 'utf8'))).toEqual([]);
});

test.each([
  ['  default: ${{ github.token }}', []],
  ["  default: '${{ github.event.pull_request.number }}'", []],
  ['  description: "e.g. `${{ matrix.shard }}/4`"', [1]],
  ['  default: ${{ secrets.TOKEN }}', [1]],
  ['  default: x-${{ github.token }}', [1]],
])('the expression check flags %j as %j', (line, expected) => {
  expect(misplacedExpressions(line)).toEqual(expected);
});

test('the verdict output names exactly the verdicts the action sets (no value it never sets)', () => {
  const words = action.outputs.verdict!.description.match(/[a-z][a-z-]+/g) ?? [];
  const verdicts = ['ship', 'fine-tune', 'fix-prompt', 'regression', 'inconclusive', 'skipped'];
  for (const v of verdicts) expect(words).toContain(v);
  expect(words).not.toContain('unaffected');
});
