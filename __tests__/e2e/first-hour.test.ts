// The README's first hour, walked as a new user walks it: `promptgate init` in a repository with a prompt, the
// first `promptgate eval` green, commit, change the prompt, open a pull request — and the workflow init wrote,
// run as GitHub runs it (its inputs, dist/index.js, the loopback GitHub), posts the review.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { createRepo } from '../support/git-repo.js';
import { runAction } from './run-action.js';
import { cli } from './run-cli.js';
import { useLoopbackWorld } from './world.js';

const world = useLoopbackWorld();

test('init → eval → commit → a prompt change on a pull request gets a review comment', async () => {
  const repo = await createRepo();
  world.repos.push(repo);
  await repo.write('prompts/greet.txt', 'Greet {{ name }} from {{ city }} warmly.\n');
  await repo.write('README.md', '# my app\n');
  const setUp = await repo.commit('an app with a prompt');

  const init = await cli(['init'], { cwd: repo.dir });
  expect(init.code).toBe(0);
  expect(init.stdout).toContain('Wrote promptgate.yaml');
  expect(await readFile(path.join(repo.dir, '.gitignore'), 'utf8')).toContain('.promptgate/');
  const first = await cli(['eval'], { cwd: repo.dir });
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(/1 cases: 1 passed, 0 failed, 0 errors/);
  const base = await repo.commit('promptgate init');
  // The first eval's cache is ignored, not committed (a committed cache would answer every case itself).
  expect(await repo.git('ls-files')).not.toContain('.promptgate');
  expect(await repo.git('diff', '--name-only', setUp, base)).toBe(
    ['.github/workflows/prompt-review.yml', '.gitignore', 'promptgate.yaml'].join('\n'),
  );

  await repo.write('prompts/greet.txt', 'Greet {{ name }} from {{ city }} warmly, in one sentence.\n');
  await repo.write('prompts/farewell.txt', 'Say goodbye to {{ name }}.\n');
  const head = await repo.commit('reword the greeting; add a farewell prompt');

  // The step exactly as the workflow init wrote it.
  const workflow = parse(await readFile(path.join(repo.dir, '.github/workflows/prompt-review.yml'), 'utf8'));
  expect(workflow.on).toEqual({ pull_request: null });
  const step = workflow.jobs.promptgate.steps.find((s: { uses?: string }) => s.uses?.startsWith('promptgate/'));
  const pr = 900;
  world.github.state.setPull(pr, { head: { sha: head, ref: 'reword' }, base: { sha: base, ref: 'main' } });
  const run = await runAction({
    workspace: repo.dir,
    eventName: 'pull_request',
    payload: {
      action: 'opened',
      number: pr,
      pull_request: { number: pr, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'reword' } },
      repository: { name: 'demo', owner: { login: 'octo' } },
    },
    inputs: step.with,
    apiUrl: world.github.url,
    sha: head,
  });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.outputs.verdict).toBe('ship');
  const [comment] = world.github.state.commentsOn(pr);
  expect(comment!.body).toContain('<!-- promptgate:promptgate.yaml -->');
  expect(comment!.body).toContain('prompts/greet.txt');
  // The new prompt file no suite reads yet is reported, thanks to the `prompts` globs init set.
  expect(comment!.body).toContain('prompts/farewell.txt');
});
