// The CLI outside GitHub, run as a user runs it (dist/cli.js): it gates (documented exit codes), writes what it
// is asked in the format asked, finds a missing key before any call, shows progress in a log, honours
// NO_COLOR/FORCE_COLOR, gives each command its own help, and writes what finished on Ctrl-C.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server.js';
import { cli, CLI_ENTRY as CLI } from './run-cli.js';
import { modelEnv, promptChange, skillResponder, suiteYaml, promptText } from './scenario.js';

let model: FakeModelServer;
let slowModel: FakeModelServer;
beforeAll(async () => {
  model = await startFakeModelServer({ responder: skillResponder, record: false });
  slowModel = await startFakeModelServer({ responder: skillResponder, record: false, latencyMs: 150 });
});
afterAll(async () => {
  await model.close();
  await slowModel.close();
});

/** A project whose suite passes skill/10 of 20 cases against the fake model. */
async function project(skill: number, tests = 20): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'promptgate-gates-'));
  await writeFile(path.join(dir, 'promptgate.yaml'), suiteYaml({ tests }));
  await import('node:fs/promises').then((fs) => fs.mkdir(path.join(dir, 'prompts')));
  await writeFile(path.join(dir, 'prompts', 'answer.txt'), promptText(skill));
  return dir;
}

/**
 * Starts the CLI against the slow model and presses Ctrl-C once it has answered a few calls (40 cases at
 * 150 ms each, one at a time, take 6 s).
 */
async function interruptedRun(args: string[], cwd: string) {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: os.tmpdir(), ...modelEnv(slowModel) },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const started = slowModel.requestCount;
  while (slowModel.requestCount < started + 3) await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGINT');
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

async function oneAtATime(dir: string): Promise<void> {
  const file = path.join(dir, 'promptgate.yaml');
  await writeFile(file, (await readFile(file, 'utf8')).replace('maxConcurrency: 8', 'maxConcurrency: 1'));
}

describe('eval -o writes the format its extension names, or refuses', () => {
  test.each([
    ['results.json', (t: string) => expect(JSON.parse(t).stats.cases).toBe(20)],
    [
      'results.csv',
      (t: string) => {
        const lines = t.trim().split('\r\n');
        expect(lines[0]).toBe(
          '"result","test","prompt","provider","repeat","score","vars","output","reason","latency_ms","cached"',
        );
        expect(lines).toHaveLength(21);
        expect(lines.filter((l) => l.startsWith('"FAIL"'))).toHaveLength(6);
      },
    ],
    [
      'results.html',
      (t: string) => {
        expect(t.startsWith('<!doctype html>')).toBe(true);
        expect(t).toContain('<style>');
        expect(t).not.toMatch(/<script|<link|src=/);
        expect(t.match(/<tr>/g)).toHaveLength(21);
        expect(t).toContain('class="FAIL"');
      },
    ],
  ])('%s', async (file, check) => {
    const dir = await project(7);
    const run = await cli(['eval', '--no-cache', '-o', file], { cwd: dir, env: modelEnv(model) });
    expect(run.code).toBe(0);
    check(await readFile(path.join(dir, file), 'utf8'));
  });

  test('an extension eval does not write is refused before anything runs', async () => {
    const dir = await project(7);
    const before = model.requestCount;
    const run = await cli(['eval', '-o', 'out.txt'], { cwd: dir, env: modelEnv(model) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('-o out.txt: eval writes .json, .csv, .html');
    expect(existsSync(path.join(dir, 'out.txt'))).toBe(false);
    expect(model.requestCount).toBe(before);
  });
});

describe('eval gates on a pass rate, exiting 100 as promptfoo does', () => {
  test.each([
    [['--fail-under', '0.9'], {}, 100, 'pass rate 70% (14 of 20) is below --fail-under 90%'],
    [['--fail-under', '70%'], {}, 0, ''],
    [[], { PROMPTFOO_PASS_RATE_THRESHOLD: '80' }, 100, 'is below PROMPTFOO_PASS_RATE_THRESHOLD 80%'],
    [[], { PROMPTFOO_PASS_RATE_THRESHOLD: '50' }, 0, ''],
    [[], {}, 0, ''],
    [['--fail-under', '1.5'], {}, 1, '--fail-under expects a pass rate between 0 and 1'],
  ])('eval %j with %j exits %i', async (args, env, code, message) => {
    const dir = await project(7);
    const run = await cli(['eval', '--no-cache', ...args], { cwd: dir, env: { ...modelEnv(model), ...env } });
    expect(run.stderr).toContain(message);
    expect(run.code).toBe(code);
  });
});

describe('compare gates with the action’s fail-on policy', () => {
  test.each([
    [['--fail-on', 'regression'], 100, 'the check fails: regression (fail-on: regression)'],
    [['--fail-on', 'never'], 0, ''],
    [[], 0, ''],
    [['--fail-on', 'sometimes'], 1, '--fail-on: expected regression, gate or never'],
  ])('compare on a regression with %j exits %i', async (args, code, message) => {
    const s = await promptChange({ baseSkill: 10, headSkill: 5 });
    try {
      const run = await cli(['compare', '--base', s.base, '--head', s.head, '--no-cache', ...args], {
        cwd: s.repo.dir,
        env: modelEnv(model),
      });
      expect(run.stderr).toContain(message);
      expect(run.code).toBe(code);
    } finally {
      await s.repo.cleanup();
    }
  });

  test('compare --dataset writes the failing cases of a fine-tune suite as JSONL', async () => {
    const s = await promptChange({ baseSkill: 7, headSkill: 7 });
    try {
      const out = path.join(s.repo.dir, 'dataset.jsonl');
      const run = await cli(['compare', '--base', s.base, '--head', s.head, '--no-cache', '--dataset', out], {
        cwd: s.repo.dir,
        env: modelEnv(model),
      });
      expect(run.code).toBe(0);
      const lines = (await readFile(out, 'utf8')).trim().split('\n');
      expect(lines).toHaveLength(6);
      expect(JSON.parse(lines[0]).failedAssertions[0].type).toBe('contains');
      expect(run.stderr).toContain('dataset: 6 failing cases');
    } finally {
      await s.repo.cleanup();
    }
  });
});

test('a missing key is found before any call, with the fix for a local shell, the provider named once', async () => {
  const dir = await project(7);
  const before = model.requestCount;
  const run = await cli(['eval', '--no-cache'], { cwd: dir, env: { OPENAI_BASE_URL: `${model.url}/v1` } });
  expect(run.code).toBe(1);
  expect(model.requestCount).toBe(before);
  expect(run.stderr).toContain('export OPENAI_API_KEY=<your key>');
  expect(run.stderr.match(/openai:chat:fake-model/g)).toHaveLength(1);
  expect(run.stdout).toBe('');
});

describe('the terminal', () => {
  test('outside a TTY a long run prints progress lines: done/total, pass/fail so far, elapsed, ETA', async () => {
    const dir = await project(7);
    await oneAtATime(dir);
    // 20 cases at 150 ms, one at a time: 3 s, so lines at the tenths after the first 2 s.
    const run = await cli(['eval', '--no-cache'], { cwd: dir, env: modelEnv(slowModel) });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^1\d\/20 cases \(\d+%\) · \d+ passed, \d+ failed, 0 errors · \d\.\d s · ETA \d\.\d s$/m,
    );
    expect(run.stderr).toMatch(/^20\/20 cases \(100%\) · 14 passed, 6 failed, 0 errors · \d\.\d s$/m);
    expect(run.stderr).not.toContain('\r');
  });

  test('a short run prints no progress: the summary says it all', async () => {
    const run = await cli(['eval', '--no-cache'], { cwd: await project(7), env: modelEnv(model) });
    expect(run.stderr).toBe('');
  });

  test('colour: none outside a TTY or with NO_COLOR, on with FORCE_COLOR', async () => {
    const dir = await project(7);
    const plain = await cli(['eval'], { cwd: dir, env: modelEnv(model) });
    const forced = await cli(['eval'], { cwd: dir, env: { ...modelEnv(model), FORCE_COLOR: '1' } });
    const both = await cli(['eval'], { cwd: dir, env: { ...modelEnv(model), FORCE_COLOR: '0', NO_COLOR: '1' } });
    expect(plain.stdout).not.toContain('\x1b[');
    expect(forced.stdout).toContain('\x1b[31mFAIL');
    expect(both.stdout).not.toContain('\x1b[');
  });

  test('promptgate <cmd> --help is that command’s help; a misspelt command gets a suggestion', async () => {
    const cwd = os.tmpdir();
    const help = await cli(['eval', '--help'], { cwd });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('promptgate eval [-c FILE]');
    expect(help.stdout).toContain('--fail-under');
    expect(help.stdout).not.toContain('promptgate compare');
    expect(help.stdout).not.toContain('--shard');
    expect((await cli(['help', 'compare'], { cwd })).stdout).toContain('--fail-on POLICY');
    const typo = await cli(['evl'], { cwd });
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('unknown command "evl". Did you mean "eval"?');
  });

  test('Ctrl-C writes what finished (table and -o file) and exits 130', async () => {
    const dir = await project(7, 40);
    await oneAtATime(dir);
    const { code, stdout, stderr } = await interruptedRun(['eval', '--no-cache', '-o', 'partial.json'], dir);
    expect(code).toBe(130);
    const partial = JSON.parse(await readFile(path.join(dir, 'partial.json'), 'utf8'));
    expect(partial.results.length).toBeGreaterThan(0);
    expect(partial.results.length).toBeLessThan(40);
    expect(partial.stats.cases).toBe(partial.results.length);
    expect(stdout).toContain(`${partial.results.length} cases:`);
    expect(stderr).toContain(`interrupted: ${partial.results.length} of 40 cases had finished`);
  });

  test('Ctrl-C during compare: no verdict from half a run, the count of what finished, exit 130', async () => {
    const s = await promptChange({ baseSkill: 10, headSkill: 5, suite: { tests: 40 } });
    try {
      await oneAtATime(s.repo.dir);
      const { code, stdout, stderr } = await interruptedRun(['compare', '--base', s.base], s.repo.dir);
      expect(code).toBe(130);
      expect(stdout).not.toContain('<!-- promptgate:');
      expect(stderr).toMatch(/interrupted before a verdict: \d+ cases had finished \(kept in the output cache/);
    } finally {
      await s.repo.cleanup();
    }
  });
});
