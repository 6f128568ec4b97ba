// The bundled action on other events and in hostile situations: push, nothing affected, untested prompt
// changes, a shallow clone (REST fallback), fork pull requests without secrets, pull_request_target with
// changed code, and a provider that echoes its key back.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createRepo } from '../support/git-repo.js';
import { useLoopbackWorld } from './world.js';
import { runAction } from './run-action.js';
import { modelEnv, promptChange, promptText, pullRequestEvent, skillResponder, suiteYaml } from './scenario.js';

const world = useLoopbackWorld();
let nextPr = 100;

async function baseRepo(extraYaml = '') {
  const repo = await createRepo();
  world.repos.push(repo);
  await repo.write('promptgate.yaml', suiteYaml({ extra: extraYaml }));
  await repo.write('prompts/answer.txt', promptText(10));
  await repo.write('README.md', '# demo\n');
  return { repo, base: await repo.commit('base') };
}

/** The bundled action on a pull request event in the loopback world (the model's key set unless `env` says). */
function reviewPull(
  workspace: string,
  event: unknown,
  sha: string,
  options: { eventName?: string; inputs?: Record<string, string>; env?: Record<string, string> } = {},
) {
  return runAction({
    workspace,
    eventName: options.eventName ?? 'pull_request',
    payload: event,
    inputs: options.inputs ?? {},
    env: options.env ?? modelEnv(world.model),
    apiUrl: world.github.url,
    sha,
  });
}

function openPull(base: string, head: string, patch: Record<string, unknown> = {}) {
  const pr = nextPr++;
  world.github.state.setPull(pr, { head: { sha: head, ref: 'feature' }, base: { sha: base, ref: 'main' } });
  const event = pullRequestEvent({ base, head }, pr) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  Object.assign(event.pull_request, patch);
  return { pr, event };
}

test('push: compares with `before`, reports to the summary and outputs, writes no comment', async () => {
  const s = await promptChange({ baseSkill: 10, headSkill: 5 });
  world.repos.push(s.repo);
  const before = world.github.state.comments.length;
  const run = await runAction({
    workspace: s.repo.dir,
    eventName: 'push',
    payload: { before: s.base, after: s.head, ref: 'refs/heads/main' },
    inputs: {},
    env: modelEnv(world.model),
    apiUrl: world.github.url,
    sha: s.head,
  });
  expect(run.outputs.verdict).toBe('regression');
  expect(run.code).toBe(1);
  expect(world.github.state.comments.length).toBe(before);
  expect(run.summary).toContain('Regression');
});

test('nothing affected: a log line, verdict skipped, no comment, no model call', async () => {
  const { repo, base } = await baseRepo();
  await repo.write('README.md', '# demo, reworded\n');
  const head = await repo.commit('docs only');
  const { pr, event } = openPull(base, head);
  const calls = world.model.requestCount;
  const run = await reviewPull(repo.dir, event, head);
  expect(run.code).toBe(0);
  expect(run.outputs.verdict).toBe('skipped');
  expect(run.stdout).toContain('no file this suite reads changed');
  expect(world.github.state.commentsOn(pr)).toHaveLength(0);
  expect(world.model.requestCount).toBe(calls);
});

test('a changed prompt file that no suite reads is reported as an untested prompt change', async () => {
  const { repo, base } = await baseRepo();
  await repo.write('prompts/orphan.txt', 'Nobody tests me.\n');
  const head = await repo.commit('orphan prompt');
  const { pr, event } = openPull(base, head);
  const run = await reviewPull(repo.dir, event, head, { inputs: { prompts: 'prompts/**/*.txt' } });
  expect(run.code).toBe(0);
  const [comment] = world.github.state.commentsOn(pr);
  expect(comment?.body).toContain('Prompt changes no suite tests');
  expect(comment?.body).toContain('prompts/orphan.txt');
});

test.each([
  ['a few files', 0],
  ["GitHub's 3,000-file cap (reported, not silently truncated)", 3200],
])('a shallow clone without the base commit falls back to the REST API: %s', async (_what, extraFiles) => {
  const s = await promptChange({ baseSkill: 10, headSkill: 5 });
  world.repos.push(s.repo);
  const shallow = path.join(await mkdtemp(path.join(os.tmpdir(), 'promptgate-shallow-')), 'ws');
  await promisify(execFile)('git', ['clone', '--quiet', '--depth', '1', `file://${s.repo.dir}`, shallow]);
  const { pr, event } = openPull(s.base, s.head);
  const others = Array.from({ length: extraFiles }, (_, i) => ({
    filename: `docs/page-${i}.md`,
    status: 'added' as const,
  }));
  world.github.state.setPull(pr, { files: [{ filename: 'prompts/answer.txt', status: 'modified' }, ...others] });
  world.github.state.setFile(s.base, 'prompts/answer.txt', promptText(10));
  world.github.state.setFile(s.base, 'promptgate.yaml', suiteYaml());
  const run = await reviewPull(shallow, event, s.head);
  expect(run.stdout).toContain('reading the pull request through the API');
  expect(run.outputs.verdict).toBe('regression');
  expect(Number(run.outputs['base-pass-rate'])).toBe(1);
  const comments = world.github.state.commentsOn(pr);
  expect(comments).toHaveLength(1);
  expect(comments[0].body.includes('3000 files')).toBe(extraFiles > 0);
});

describe('fork pull requests get no secrets', () => {
  const fork = { head: { sha: '', ref: 'feature', repo: { full_name: 'mallory/demo' } } };
  test.each([
    ['regression', 0],
    ['regression,skipped', 1],
  ])('fail-on %s: skipped with a clear reason, exit %i, no model call', async (failOn, code) => {
    const s = await promptChange({ baseSkill: 10, headSkill: 5 });
    world.repos.push(s.repo);
    const { pr, event } = openPull(s.base, s.head);
    event.pull_request.head = { ...fork.head, sha: s.head };
    event.pull_request.base = { sha: s.base, ref: 'main', repo: { full_name: 'octo/demo' } };
    const calls = world.model.requestCount;
    // No OPENAI_API_KEY: GitHub withholds secrets from forks.
    const run = await reviewPull(s.repo.dir, event, s.head, {
      inputs: { 'fail-on': failOn },
      env: { OPENAI_BASE_URL: `${world.model.url}/v1` },
    });
    expect(run.outputs.verdict).toBe('skipped');
    expect(run.code).toBe(code);
    expect(world.model.requestCount).toBe(calls);
    const [comment] = world.github.state.commentsOn(pr);
    expect(comment?.body).toContain(
      'no credentials for provider openai:chat:fake-model (OPENAI_API_KEY) on fork pull requests',
    );
  });

  test('the same missing key on a pull request from the repository itself fails the check and says what to set', async () => {
    const s = await promptChange({ baseSkill: 10, headSkill: 10 });
    world.repos.push(s.repo);
    const { event } = openPull(s.base, s.head);
    const run = await reviewPull(s.repo.dir, event, s.head, { env: { OPENAI_BASE_URL: `${world.model.url}/v1` } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::');
    expect(run.stdout).toContain('OPENAI_API_KEY');
  });
});

describe('pull_request_target: code from the pull request does not run', () => {
  const jsAssert = `    - type: javascript\n      value: "output.length > 0"\n`;
  const withJs = (yaml: string) => yaml.replace('      value: OK\n', `      value: OK\n${jsAssert}`);

  async function changedConfigWithCode() {
    const { repo, base } = await baseRepo();
    await repo.write('promptgate.yaml', withJs(suiteYaml()));
    await repo.write('prompts/answer.txt', promptText(10, 'Please answer the question'));
    return { repo, base, head: await repo.commit('adds a javascript assertion') };
  }

  test("a javascript assertion the PR added is not run: the base's suite judges the head's prompt", async () => {
    const { repo, base, head } = await changedConfigWithCode();
    const { pr, event } = openPull(base, head);
    const run = await reviewPull(repo.dir, event, head, { eventName: 'pull_request_target' });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('::error::');
    expect(run.stdout).not.toContain("evaluating the pull request's version of the suite");
    expect(run.outputs.verdict).toBe('ship');
    const [comment] = world.github.state.commentsOn(pr);
    expect(comment?.body).toContain('promptgate.yaml');
  });

  test('allow-untrusted-code: true runs it', async () => {
    const { repo, base, head } = await changedConfigWithCode();
    const { event } = openPull(base, head);
    const run = await reviewPull(repo.dir, event, head, {
      eventName: 'pull_request_target',
      inputs: { 'allow-untrusted-code': 'true' },
    });
    expect(run.code).toBe(0);
    expect(run.outputs.verdict).toBe('ship');
  });

  test('a prompt-only change runs, even when the unchanged config has a javascript assertion', async () => {
    const { repo } = await baseRepo();
    await repo.write('promptgate.yaml', withJs(suiteYaml()));
    const base = await repo.commit('config with code, already on main');
    await repo.write('prompts/answer.txt', promptText(10, 'Please answer the question'));
    const head = await repo.commit('prompt only');
    const { event } = openPull(base, head);
    const run = await reviewPull(repo.dir, event, head, { eventName: 'pull_request_target' });
    expect(run.code).toBe(0);
    expect(run.outputs.verdict).toBe('ship');
  });
});

test('a provider that echoes its key back: the key reaches no comment, summary or report', async () => {
  const key = 'sk-live-SECRET-0123456789';
  const s = await promptChange({ baseSkill: 10, headSkill: 5 });
  world.repos.push(s.repo);
  const { pr, event } = openPull(s.base, s.head);
  world.model.setResponder(
    (input) => `${skillResponder(input)} (auth: ${String(input.request.headers.authorization)})`,
  );
  try {
    const run = await reviewPull(s.repo.dir, event, s.head, {
      env: { OPENAI_API_KEY: key, OPENAI_BASE_URL: `${world.model.url}/v1` },
    });
    expect(run.outputs.verdict).toBe('regression');
    const [comment] = world.github.state.commentsOn(pr);
    const report = await readFile(run.outputs['report-path'], 'utf8');
    expect(report).toContain('[REDACTED]');
    // The runner hides masked values in the log; `::add-mask::` is how the action tells it to.
    expect(run.stdout).toContain(`::add-mask::${key}`);
    const log = run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'));
    for (const text of [comment!.body, run.summary, report, ...log, run.stderr]) expect(text).not.toContain(key);
  } finally {
    world.model.setResponder(skillResponder);
  }
});

test('a suite the pull request adds has no base: judged by the gate alone, new prompts said so', async () => {
  const repo = await createRepo();
  world.repos.push(repo);
  await repo.write('README.md', '# demo\n');
  const base = await repo.commit('before the suite');
  await repo.write('promptgate.yaml', suiteYaml());
  await repo.write('prompts/answer.txt', promptText(10));
  const head = await repo.commit('adds a suite');
  const { pr, event } = openPull(base, head);
  const run = await reviewPull(repo.dir, event, head);
  expect(run.code).toBe(0);
  expect(run.outputs.verdict).toBe('ship');
  expect(run.outputs['head-pass-rate']).toBe('1.0000');
  const [comment] = world.github.state.commentsOn(pr);
  expect(comment!.body).toContain('new in this pull request: evaluated on the head only');
  expect(comment!.body).not.toContain('Inconclusive');
  expect(comment!.body).toContain('head 100.0% (no base to compare: new in this pull request)');
});
