// CI enforces what the scripts promise: .ci/run and the workflow run lint, the format check, actionlint and
// the tests on the fresh bundle; the project is tested on Node 20 and 24; the action tests itself as GitHub
// runs it (`uses: ./`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const commands = (script: string) =>
  script
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

test('.ci/run lints, checks formatting, bundles, runs actionlint, then the tests', () => {
  const steps = commands(read('.ci/run'));
  const at = (cmd: string) => {
    const i = steps.indexOf(cmd);
    expect([cmd, i >= 0]).toEqual([cmd, true]);
    return i;
  };
  const order = ['npm run lint', 'npm run format:check', 'npm run bundle', 'npm run actionlint', 'npm test'].map(at);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
});

test('npm run all bundles before the tests that run dist/', () => {
  const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
  const all = scripts.all!.split('&&').map((s) => s.trim());
  expect(all.indexOf('npm run bundle')).toBeGreaterThanOrEqual(0);
  expect(all.indexOf('npm run bundle')).toBeLessThan(all.indexOf('npm test'));
  expect(scripts.actionlint).toContain('scripts/actionlint.mjs');
});

test('the CI workflow runs .ci/run on Node 20 and 24', () => {
  const ci = parse(read('.github/workflows/ci.yml'));
  const job = ci.jobs.build;
  expect(job.strategy.matrix.node).toEqual([20, 24]);
  const setup = job.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/setup-node'));
  expect(setup.with['node-version']).toBe('${{ matrix.node }}');
  expect(job.steps.map((s: { run?: string }) => s.run)).toContain('bash .ci/run');
});

test('the self-test runs the action from this checkout (uses: ./) on the example suites, on node24', () => {
  const selfTest = parse(read('.github/workflows/self-test.yml'));
  const step = selfTest.jobs.promptgate.steps.find((s: { uses?: string }) => s.uses === './');
  expect(step.with.config).toContain('examples/promptgate.yaml');
  expect(parse(read('action.yml')).runs.using).toBe('node24');
});

test('installing from the repository ships the CLI, the action and the schema, never tests or fixtures', async () => {
  const { execFileSync } = await import('node:child_process');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const files = (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path);
  expect(files).toEqual(
    expect.arrayContaining(['dist/cli.js', 'dist/index.js', 'action.yml', 'promptgate.schema.json']),
  );
  const bin = JSON.parse(read('package.json')).bin.promptgate as string;
  expect(files).toContain(bin);
  expect(files.filter((f) => /^(__tests__|examples|src|scripts|docs|\.github|\.ci)\//.test(f))).toEqual([]);
});
