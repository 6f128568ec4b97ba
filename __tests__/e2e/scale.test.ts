// Scale and cost through the bundled action: three shards and a merge give the single run's comment; a pull
// request whose base was evaluated on main before makes no model call for its base side; unchanged prompts
// are not run at all.
import { copyFile, mkdir, mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { useLoopbackWorld } from './world.js';
import { runAction } from './run-action.js';
import { modelEnv, promptChange, promptText, pullRequestEvent, type Scenario } from './scenario.js';

const world = useLoopbackWorld();

async function scenario(baseSkill: number, headSkill: number): Promise<Scenario> {
  const s = await promptChange({ baseSkill, headSkill });
  world.repos.push(s.repo);
  return s;
}

function pullRequest(s: Scenario, pr: number) {
  world.github.state.setPull(pr, { head: { sha: s.head, ref: 'feature' }, base: { sha: s.base, ref: 'main' } });
  return {
    workspace: s.repo.dir,
    eventName: 'pull_request',
    payload: pullRequestEvent(s, pr),
    env: modelEnv(world.model),
    apiUrl: world.github.url,
    sha: s.head,
  };
}

/**
 * main's own run evaluates the prompt that is now the pull request's base (a run on main's commit, with the
 * workspace checked out there, as actions/checkout would). The output cache lives outside the checkout: the
 * runner temp it returns, given to the pull request's run, stands for the Actions cache restoring main's outputs.
 */
async function evaluatedOnMain(s: Scenario, inputs: Record<string, string>): Promise<string> {
  await s.repo.git('checkout', '--quiet', s.base);
  const runnerTemp = await mkdtemp(path.join(os.tmpdir(), 'promptgate-restored-'));
  const onMain = await runAction({
    runnerTemp,
    workspace: s.repo.dir,
    eventName: 'push',
    payload: { before: s.base, after: s.base },
    inputs: { base: s.base, 'fail-on': 'never', comment: 'always', ...inputs },
    env: modelEnv(world.model),
    apiUrl: world.github.url,
    sha: s.base,
  });
  expect(onMain.code).toBe(0);
  await s.repo.git('checkout', '--quiet', 'main');
  return runnerTemp;
}

test('three shards and a merge post exactly the comment a single run posts', async () => {
  const s = await scenario(10, 5);
  const single = await runAction({ ...pullRequest(s, 301), inputs: { cache: 'false' } });
  expect(single.outputs.verdict).toBe('regression');

  const shardDir = path.join(s.repo.dir, 'promptgate-shards');
  await mkdir(shardDir, { recursive: true });
  const shardCalls: number[] = [];
  for (const i of [1, 2, 3]) {
    const shard = await runAction({ ...pullRequest(s, 302), inputs: { cache: 'false', shard: `${i}/3` } });
    expect(shard.code).toBe(0);
    expect(shard.outputs.verdict).toBeUndefined();
    shardCalls.push(Number(shard.outputs.calls));
    // What actions/upload-artifact and download-artifact (merge-multiple) would do.
    await copyFile(shard.outputs['shard-path'], path.join(shardDir, path.basename(shard.outputs['shard-path'])));
  }
  expect(world.github.state.commentsOn(302)).toHaveLength(0);
  expect(Math.min(...shardCalls)).toBeGreaterThan(0);

  const merged = await runAction({ ...pullRequest(s, 302), inputs: { cache: 'false', mode: 'merge' } });
  // The shards make the first samples; the merge job re-runs the flipped cases (adaptive repeats), as a single run does.
  expect(shardCalls.reduce((a, b) => a + b, 0)).toBe(40);
  expect(Number(merged.outputs.calls)).toBe(Number(single.outputs.calls));
  expect(merged.outputs.verdict).toBe('regression');
  expect(merged.code).toBe(1);
  expect(merged.outputs['head-pass-rate']).toBe(single.outputs['head-pass-rate']);
  // Latency is measured, so it differs from run to run (and its row shows only when it moved beyond its
  // noise); everything else must be identical.
  const timeless = (body: string) => body.replace(/^\| Latency \|.*\n/m, '');
  expect(timeless(world.github.state.commentsOn(302)[0].body)).toBe(
    timeless(world.github.state.commentsOn(301)[0].body),
  );
});

test('a merge with a shard missing is refused and names what is missing', async () => {
  const s = await scenario(10, 5);
  const shardDir = path.join(s.repo.dir, 'promptgate-shards');
  await mkdir(shardDir, { recursive: true });
  for (const i of [1, 3]) {
    const shard = await runAction({ ...pullRequest(s, 303), inputs: { cache: 'false', shard: `${i}/3` } });
    await copyFile(shard.outputs['shard-path'], path.join(shardDir, path.basename(shard.outputs['shard-path'])));
  }
  const merged = await runAction({ ...pullRequest(s, 303), inputs: { cache: 'false', mode: 'merge' } });
  expect(merged.code).toBe(1);
  expect(merged.stdout).toContain('cannot be merged');
  expect(merged.stdout).toMatch(/shard 2/);
  expect(world.github.state.commentsOn(303)).toHaveLength(0);
});

test('a base already evaluated on main costs no first-sample call; the footer counts calls made and cached', async () => {
  const s = await scenario(10, 6);
  const runnerTemp = await evaluatedOnMain(s, {});

  const pr = await runAction({ ...pullRequest(s, 304), inputs: {}, runnerTemp });
  const report = JSON.parse(await readFile(pr.outputs['report-path'], 'utf8'));
  const base = report.suites[0].base.results as Array<{ cached: boolean }>;
  const head = report.suites[0].head.results as Array<{ cached: boolean }>;
  expect(base.length).toBe(20);
  expect(base.every((r) => r.cached)).toBe(true);
  expect(head.some((r) => r.cached)).toBe(false);
  expect(pr.outputs['cached-calls']).toBe('20');
  // 20 head calls, and the 20 cached base samples drawn again for the test (a cached base only screens);
  // stage 1 then decides it (8 flips down of 8: p = 1/256).
  expect(pr.outputs.calls).toBe('40');
  const body = world.github.state.commentsOn(304)[0].body;
  expect(body).toContain('40 calls made, 20 served from cache');
  expect(body).toContain(
    'stage 1 is one per side of 20 case(s), 20 of them drawn again because the first sample came from the cache; stage 1 decided it (20 calls beyond the first samples, none from the cache)',
  );
});

test('with repeats, the cached base results are drawn again before the test: a cached sample never decides', async () => {
  const s = await scenario(10, 6);
  const runnerTemp = await evaluatedOnMain(s, { repeat: '2' });

  const pr = await runAction({ ...pullRequest(s, 306), inputs: { repeat: '2' }, runnerTemp });
  expect(pr.outputs.verdict).toBe('regression');
  // 20 cases × 2 repeats on the head; the base's 40 came from the cache and are drawn again.
  expect(pr.outputs['cached-calls']).toBe('40');
  expect(pr.outputs.calls).toBe('80');
  const report = JSON.parse(await readFile(pr.outputs['report-path'], 'utf8'));
  expect((report.suites[0].base.results as Array<{ cached: boolean }>).some((r) => r.cached)).toBe(false);
  expect(world.github.state.commentsOn(306)[0].body).toContain(
    '40 result(s) that came from the cache were drawn again before the test',
  );
});

test('only the changed prompt runs: an unchanged prompt of the same suite is not evaluated and says why', async () => {
  const s = await scenario(10, 10);
  await s.repo.write('prompts/second.txt', promptText(8, 'Second prompt'));
  const yaml = (await readFile(path.join(s.repo.dir, 'promptgate.yaml'), 'utf8')).replace(
    '  - file://prompts/answer.txt\n',
    '  - file://prompts/answer.txt\n  - file://prompts/second.txt\n',
  );
  await s.repo.write('promptgate.yaml', yaml);
  const base = await s.repo.commit('two prompts');
  await s.repo.write('prompts/answer.txt', promptText(10, 'Kindly answer the question'));
  const head = await s.repo.commit('reword the first prompt only');
  const changed: Scenario = { repo: s.repo, base, head };
  const calls = world.model.requestCount;
  const run = await runAction({ ...pullRequest(changed, 305), inputs: { cache: 'false' } });
  expect(run.outputs.verdict).toBe('ship');
  expect(world.model.requestCount - calls).toBe(40); // 20 tests × the changed prompt × 2 sides
  const body = world.github.state.commentsOn(305)[0].body;
  expect(body).toContain('prompts/second.txt');
  expect(body).toContain('unchanged: identical text at base and head');
});
