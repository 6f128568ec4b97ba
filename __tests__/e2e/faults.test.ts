// Faults around the bundled action: the runner stops the job mid-run (SIGTERM), and GitHub refuses or loses
// the comment. A check that blocks merges must never lie: what finished is still reported.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROUTES } from '../support/fake-github.js';
import { useLoopbackWorld } from './world.js';
import { ACTION_ENTRY, runAction } from './run-action.js';
import { modelEnv, promptChange, pullRequestEvent } from './scenario.js';

const world = useLoopbackWorld();

async function pull(pr: number) {
  const s = await promptChange({ baseSkill: 10, headSkill: 5 });
  world.repos.push(s.repo);
  world.github.state.setPull(pr, { head: { sha: s.head, ref: 'feature' }, base: { sha: s.base, ref: 'main' } });
  return s;
}

test('SIGTERM mid-run: the job summary says what finished, the check fails, no comment is written', async () => {
  const s = await pull(401);
  world.model.setLatency(200);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'promptgate-sigterm-'));
  const summary = path.join(tmp, 'summary.md');
  const eventPath = path.join(tmp, 'event.json');
  await writeFile(summary, '');
  await writeFile(eventPath, JSON.stringify(pullRequestEvent(s, 401)));
  await writeFile(path.join(tmp, 'output.txt'), '');
  const before = world.model.requestCount;
  try {
    const child = spawn(process.execPath, [ACTION_ENTRY], {
      cwd: s.repo.dir,
      env: {
        PATH: process.env.PATH,
        RUNNER_TEMP: tmp,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REPOSITORY: 'octo/demo',
        GITHUB_WORKSPACE: s.repo.dir,
        GITHUB_API_URL: world.github.url,
        GITHUB_SHA: s.head,
        GITHUB_OUTPUT: path.join(tmp, 'output.txt'),
        GITHUB_STEP_SUMMARY: summary,
        'INPUT_GITHUB-TOKEN': 'ghs_test',
        INPUT_CACHE: 'false',
        ...modelEnv(world.model),
      },
    });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait (bounded) until some cases have been answered, then stop the job as the runner would.
    for (let i = 0; i < 200 && world.model.requestCount - before < 10; i++) await new Promise((r) => setTimeout(r, 25));
    expect(world.model.requestCount - before).toBeGreaterThanOrEqual(10);
    child.kill('SIGTERM');
    expect(await exited).toBe(1);
    const text = await readFile(summary, 'utf8');
    expect(text).toContain('promptgate was interrupted (SIGTERM)');
    expect(text).toMatch(/\| promptgate\.yaml \| head \| \d+ \| \d+ \| \d+ \| 0 \|/);
    expect(Number(/(\d+) cases had finished/.exec(text)?.[1])).toBeGreaterThan(0);
    expect(stdout).toContain('::error::promptgate was interrupted');
    expect(world.github.state.commentsOn(401)).toHaveLength(0);
  } finally {
    world.model.setLatency(0);
  }
});

test('a token without pull-requests: write: a clear message naming the permission; summary and outputs still written', async () => {
  const s = await pull(402);
  world.github.fail(ROUTES.createComment, 'permission');
  const run = await runAction({
    workspace: s.repo.dir,
    eventName: 'pull_request',
    payload: pullRequestEvent(s, 402),
    inputs: { 'fail-on': 'never' },
    env: modelEnv(world.model),
    apiUrl: world.github.url,
    sha: s.head,
  });
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('pull-requests: write');
  expect(run.outputs.verdict).toBe('regression');
  expect(run.outputs['comment-url']).toBe('');
  expect(run.summary).toContain('Regression');
});

test('GitHub secondary rate limit and a 5xx on the comment are retried; a deleted comment is recreated', async () => {
  const s = await pull(403);
  const args = {
    workspace: s.repo.dir,
    eventName: 'pull_request',
    payload: pullRequestEvent(s, 403),
    inputs: { 'fail-on': 'never' },
    env: modelEnv(world.model),
    apiUrl: world.github.url,
    sha: s.head,
  };
  world.github.fail(ROUTES.createComment, 'server-error', {
    status: 403,
    body: { message: 'You have exceeded a secondary rate limit' },
    headers: { 'retry-after': '0' },
  });
  const first = await runAction(args);
  expect(first.code).toBe(0);
  expect(world.github.state.commentsOn(403)).toHaveLength(1);
  // Someone deletes the comment between our find and our update: the next run writes a new one.
  const [comment] = world.github.state.commentsOn(403);
  world.github.fail(ROUTES.updateComment, 'not-found');
  const second = await runAction(args);
  expect(second.code).toBe(0);
  expect(second.stdout).toContain('comment created');
  expect(world.github.state.commentsOn(403).filter((c) => c.id !== comment!.id)).toHaveLength(1);
});
