// The bundled CLI (dist/cli.js), run as a user runs it.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../../src/version.js';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server.js';
import { cli } from './run-cli.js';
import { modelEnv, promptChange, promptText, skillResponder, suiteYaml } from './scenario.js';

const suiteYamlWith = (tests: number) => suiteYaml({ tests });

const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url));

let model: FakeModelServer;
beforeAll(async () => {
  model = await startFakeModelServer({ responder: skillResponder, record: false });
});
afterAll(() => model.close());

test('--version and --help', async () => {
  expect((await cli(['--version'], { cwd: EXAMPLES })).stdout.trim()).toBe(VERSION);
  const help = await cli(['--help'], { cwd: EXAMPLES });
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('promptgate eval');
  expect(help.stdout).toContain('promptgate compare');
});

test('eval runs the example suite offline and writes the results JSON', async () => {
  const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'promptgate-cli-')), 'results.json');
  const run = await cli(['eval', '--no-cache', '-o', out], { cwd: EXAMPLES });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const results = JSON.parse(await readFile(out, 'utf8'));
  expect(results.version).toBe(1);
  expect(results.stats.cases).toBe(results.results.length);
  expect(run.stdout).toContain(`${results.stats.cases} cases: ${results.stats.passed} passed`);
  // The last example test asks for JSON, which only the classifier prompt does: real fails are reported.
  expect(results.stats.failed).toBeGreaterThan(0);
});

test('a broken config exits 1 with the file, line and column', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'promptgate-cli-'));
  await writeFile(
    path.join(dir, 'promptgate.yaml'),
    'prompts:\n  - "Hi {{ name }}"\nproviders:\n  - echo\ntests:\n  - vars: { name: x }\n    assert:\n      - type: containz\n        value: x\n',
  );
  const run = await cli(['eval'], { cwd: dir });
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/promptgate\.yaml:8:\d+/);
  expect(run.stderr).toContain('containz');
});

test('a prompt that prints a variable a test does not define: that case is an error naming it, not an empty string', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'promptgate-cli-'));
  await writeFile(
    path.join(dir, 'promptgate.yaml'),
    'prompts:\n  - "Hi {{ name }}"\nproviders:\n  - echo\ntests:\n  - vars: { name: Ada }\n    assert: [{ type: contains, value: Ada }]\n  - vars: { nmae: Bob }\n    assert: [{ type: contains, value: Hi }]\n',
  );
  const out = path.join(dir, 'results.json');
  const run = await cli(['eval', '--no-cache', '-o', out], { cwd: dir });
  const results = JSON.parse(await readFile(out, 'utf8'));
  expect(results.stats).toMatchObject({ passed: 1, failed: 0, errors: 1 });
  expect(results.results[1].error).toContain('prints {{ name }}, which this test does not define');
  expect(run.stdout).toContain('1 error');
});

test('TypeScript scripts run from the bundle: the type stripper is a chunk of dist/ found beside it', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'promptgate-cli-ts-'));
  const files: Record<string, string> = {
    'helper.ts': 'export const shout = (text: string): string => text.toUpperCase();\n',
    'gen.ts':
      "import { shout } from './helper.js';\ninterface Config { names: string[] }\nexport default (config: Config) => config.names.map((name: string) => ({ vars: { name: shout(name) }, assert: [{ type: 'javascript', value: 'file://check.ts' }] }));\n",
    'prompt.ts': 'export default ({ vars }: { vars: Record<string, string> }): string => `Hi ${vars.name}`;\n',
    'provider.ts':
      'export default class { constructor(private options: { id: string }) {} id(): string { return this.options.id; } async callApi(prompt: string) { return { output: `${prompt}!` as const }; } }\n',
    'check.ts': "export default (output: string): boolean => output.endsWith('!');\n",
    'promptgate.yaml':
      'prompts: [file://prompt.ts]\nproviders: [file://provider.ts]\ntests:\n  - path: file://gen.ts\n    config: { names: [ada, grace] }\n',
  };
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  const out = path.join(dir, 'results.json');
  const run = await cli(['eval', '--no-cache', '-o', out], { cwd: dir });
  expect(run.stderr).toBe('');
  const results = JSON.parse(await readFile(out, 'utf8'));
  expect(results.results.map((r: { output: string; pass: boolean }) => [r.output, r.pass])).toEqual([
    ['Hi ADA!', true],
    ['Hi GRACE!', true],
  ]);
  // A syntax error names the file, line and column.
  await writeFile(path.join(dir, 'helper.ts'), 'export const shout = (text: string): => text;\n');
  const broken = await cli(['eval', '--no-cache', '-o', out], { cwd: dir });
  expect(broken.code).toBe(1);
  expect(broken.stderr).toContain(`${path.join(dir, 'helper.ts')}:1:36: Unexpected token`);
});

test('a usage error exits 1 and says how to fix it', async () => {
  const run = await cli(['eval', '--repeat', 'lots'], { cwd: EXAMPLES });
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('--repeat expects a whole number');
});

test('compare prints the comment the action would post', async () => {
  const s = await promptChange({ baseSkill: 10, headSkill: 5 });
  try {
    const run = await cli(['compare', '--base', s.base, '--head', s.head, '--no-cache'], {
      cwd: s.repo.dir,
      env: modelEnv(model),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('<!-- promptgate:');
    expect(run.stdout).toMatch(/Regression/i);
    expect(run.stdout).toContain('prompts/answer.txt');
    const text = await cli(['compare', '--base', s.base, '--format', 'json', '--no-cache'], {
      cwd: s.repo.dir,
      env: modelEnv(model),
    });
    // The working tree is the head commit here: same verdict as --head.
    expect(JSON.parse(text.stdout).verdict).toBe('regression');
  } finally {
    await s.repo.cleanup();
  }
});

test('compare --estimate prints the spend plan and calls no provider', async () => {
  const s = await promptChange({ baseSkill: 10, headSkill: 5 });
  try {
    const before = model.requestCount;
    const run = await cli(
      ['compare', '--base', s.base, '--head', s.head, '--no-cache', '--estimate', '--max-calls', '1'],
      {
        cwd: s.repo.dir,
        env: modelEnv(model),
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/spend plan \(before any call\)/);
    expect(run.stdout).toMatch(/\d+ calls to make, 0 answered by the cache/);
    expect(run.stdout).toMatch(/over budget: \d+ calls to make, max-calls is 1/);
    expect(model.requestCount).toBe(before);
  } finally {
    await s.repo.cleanup();
  }
});

test('schema prints the committed promptgate.schema.json', async () => {
  const run = await cli(['schema'], { cwd: EXAMPLES });
  expect(run.code).toBe(0);
  const committed = await readFile(new URL('../../promptgate.schema.json', import.meta.url), 'utf8');
  expect(run.stdout).toBe(committed);
});

test('init in a fresh project writes a suite whose first eval is green, and never overwrites', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'promptgate-init-'));
  const { mkdir } = await import('node:fs/promises');
  await mkdir(path.join(dir, 'prompts'));
  await writeFile(path.join(dir, 'prompts', 'greet.txt'), 'Greet {{ name }} from {{ city }} warmly.\n');
  const init = await cli(['init'], { cwd: dir });
  expect(init.code).toBe(0);
  expect(await readFile(path.join(dir, 'promptgate.yaml'), 'utf8')).toContain('file://prompts/greet.txt');
  expect(await readFile(path.join(dir, '.github', 'workflows', 'prompt-review.yml'), 'utf8')).toContain(
    'pull-requests: write',
  );
  const out = path.join(dir, 'results.json');
  const evaluated = await cli(['eval', '--no-cache', '-o', out], { cwd: dir });
  expect(evaluated.code).toBe(0);
  expect(JSON.parse(await readFile(out, 'utf8')).stats.passRate).toBe(1);
  await writeFile(path.join(dir, 'promptgate.yaml'), '# mine\n');
  const again = await cli(['init'], { cwd: dir });
  expect(again.code).toBe(0);
  expect(again.stdout).toContain('--force');
  expect(await readFile(path.join(dir, 'promptgate.yaml'), 'utf8')).toBe('# mine\n');
});

test('compare --shard and merge give the single run’s verdict', async () => {
  const s = await promptChange({ baseSkill: 10, headSkill: 5 });
  try {
    const env = modelEnv(model);
    const shards: string[] = [];
    for (const i of [1, 2]) {
      const file = path.join(s.repo.dir, `s${i}.json`);
      const run = await cli(
        ['compare', '--base', s.base, '--head', s.head, '--no-cache', '--shard', `${i}/2`, '-o', file],
        { cwd: s.repo.dir, env },
      );
      expect(run.code).toBe(0);
      shards.push(file);
    }
    const merged = await cli(['merge', ...shards, '--format', 'json'], { cwd: s.repo.dir, env });
    expect(merged.code).toBe(0);
    expect(JSON.parse(merged.stdout).verdict).toBe('regression');
    const missing = await cli(['merge', shards[0]], { cwd: s.repo.dir, env });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('cannot be merged');
  } finally {
    await s.repo.cleanup();
  }
});

test('compare with two suites: one comment, a section per suite, the most severe verdict', async () => {
  const s = await promptChange({ baseSkill: 10, headSkill: 5 });
  try {
    // A second suite over the same prompt with an easier bar: only question numbers 0–4, which skill 5 answers.
    const second = suiteYamlWith(5).replace('description: skill suite', 'description: easy suite');
    await writeFile(path.join(s.repo.dir, 'easy.yaml'), second);
    await s.repo.commit('adds the easy suite');
    const run = await cli(
      ['compare', '--base', s.base, '-c', 'promptgate.yaml', '-c', 'easy.yaml', '--no-cache', '--format', 'json'],
      { cwd: s.repo.dir, env: modelEnv(model) },
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.verdict).toBe('regression');
    expect(report.suites.map((x: { name: string; verdict: string }) => [x.name, x.verdict])).toEqual([
      ['skill suite', 'regression'],
      ['easy suite', 'ship'],
    ]);
    const markdown = await cli(
      ['compare', '--base', s.base, '-c', 'promptgate.yaml', '-c', 'easy.yaml', '--no-cache'],
      {
        cwd: s.repo.dir,
        env: modelEnv(model),
      },
    );
    expect(markdown.stdout).toContain('<!-- promptgate:promptgate.yaml+easy.yaml -->');
    expect(markdown.stdout).toContain('### Suite skill suite');
    expect(markdown.stdout).toContain('### Suite easy suite');
  } finally {
    await s.repo.cleanup();
  }
});

test('compare from a branch that has not merged main: prompts main changed since the fork are not the branch’s', async () => {
  const { createRepo } = await import('../support/git-repo.js');
  const repo = await createRepo();
  try {
    const yaml = suiteYaml().replace(
      '  - file://prompts/answer.txt\n',
      '  - file://prompts/answer.txt\n  - file://prompts/second.txt\n',
    );
    await repo.write('promptgate.yaml', yaml);
    await repo.write('prompts/answer.txt', promptText(10));
    await repo.write('prompts/second.txt', promptText(10, 'Second prompt'));
    await repo.commit('fork point');
    await repo.git('checkout', '--quiet', '-b', 'feature');
    await repo.write('prompts/answer.txt', promptText(10, 'Kindly answer the question'));
    await repo.commit('feature rewords the first prompt');
    await repo.git('checkout', '--quiet', 'main');
    await repo.write('prompts/second.txt', promptText(3, 'Second prompt'));
    await repo.commit('main changes the second prompt meanwhile');
    await repo.git('checkout', '--quiet', 'feature');
    const run = await cli(['compare', '--base', 'main', '--no-cache', '--format', 'json'], {
      cwd: repo.dir,
      env: modelEnv(model),
    });
    expect(run.code).toBe(0);
    const [suite] = JSON.parse(run.stdout).suites;
    expect(suite.verdict).toBe('ship');
    expect(suite.skippedPrompts).toEqual([
      { id: 'prompts/second.txt', reason: 'unchanged: identical text at base and head' },
    ]);
  } finally {
    await repo.cleanup();
  }
});
