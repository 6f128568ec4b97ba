// The sticky comment stays true to the newest head, and the results outlive the run: the bundled action, run
// as GitHub runs it, against a real repository, the loopback GitHub, a loopback model and a loopback artifact
// service speaking the Twirp + Azure Blob wire protocol of @actions/artifact.
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFakeArtifactService, type FakeArtifactService } from '../support/fake-artifact-service.js';
import { ROUTES } from '../support/fake-github.js';
import { runAction } from './run-action.js';
import { modelEnv, promptChange, promptText, pullRequestEvent, type Scenario } from './scenario.js';
import { useLoopbackWorld } from './world.js';

const world = useLoopbackWorld();
const MARKER = '<!-- promptgate:promptgate.yaml -->';
let artifacts: FakeArtifactService;
beforeAll(async () => {
  artifacts = await startFakeArtifactService();
});
afterAll(() => artifacts.close());

let nextPr = 300;

async function openPullRequest(baseSkill: number, headSkill: number) {
  const s = await promptChange({ baseSkill, headSkill });
  world.repos.push(s.repo);
  const pr = nextPr++;
  world.github.state.setPull(pr, { head: { sha: s.head, ref: 'feature' }, base: { sha: s.base, ref: 'main' } });
  return { s, pr };
}

function review(s: Scenario, pr: number, inputs: Record<string, string> = {}, env: Record<string, string> = {}) {
  return runAction({
    workspace: s.repo.dir,
    eventName: 'pull_request',
    payload: pullRequestEvent(s, pr),
    inputs,
    env: { ...modelEnv(world.model), ...env },
    apiUrl: world.github.url,
    sha: s.head,
  });
}

const ours = (pr: number) => world.github.state.commentsOn(pr).filter((c) => c.user.login === 'github-actions[bot]');

describe('the comment always describes the newest head', () => {
  test('after a regression comment, a revert updates it to say nothing is affected any more, and what changed', async () => {
    const { s, pr } = await openPullRequest(10, 5);
    const first = await review(s, pr);
    expect(first.outputs.verdict).toBe('regression');
    expect(first.code).toBe(1);
    const [regression] = ours(pr);
    expect(regression!.body).toContain('⛔');

    // The output cache the first run left in the workspace is not the author's to commit (init ignores it).
    await writeFile(path.join(s.repo.dir, '.git', 'info', 'exclude'), '.promptgate/\n');
    await s.repo.write('prompts/answer.txt', promptText(10));
    const reverted = { ...s, head: await s.repo.commit('revert the prompt') };
    world.github.state.setPull(pr, { head: { sha: reverted.head, ref: 'feature' } });
    const second = await review(reverted, pr);
    expect(second.code).toBe(0);
    expect(second.outputs.verdict).toBe('skipped');
    expect(second.stdout).toContain('no suite is affected any more');
    const after = ours(pr);
    expect(after).toHaveLength(1);
    expect(after[0].id).toBe(regression!.id);
    expect(after[0].body).not.toContain('⛔');
    expect(after[0].body).toContain('No suite is affected any more');
    expect(after[0].body).toContain(`since the review of \`${s.head.slice(0, 7)}\``);
    expect(after[0].body).toContain('`prompts/answer.txt`');
    expect(after[0].body).toContain(`<!-- promptgate-head:${reverted.head} -->`);
    expect(after[0].body).toContain(MARKER);
    expect(second.outputs['comment-url']).toBe(after[0].html_url);

    // Re-running on the same head leaves the comment as it is: it already says so.
    const settled = JSON.stringify(ours(pr));
    const again = await review(reverted, pr);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('as the comment already says');
    expect(JSON.stringify(ours(pr))).toBe(settled);
  });

  test('a pull request that never affected a suite still gets no comment', async () => {
    const { s, pr } = await openPullRequest(10, 10);
    await s.repo.write('prompts/answer.txt', promptText(10));
    const same = { ...s, head: await s.repo.commit('back to the base text') };
    world.github.state.setPull(pr, { head: { sha: same.head, ref: 'feature' } });
    const run = await review({ ...same, head: same.head }, pr);
    expect(run.outputs.verdict).toBe('skipped');
    expect(ours(pr)).toHaveLength(0);
    expect(run.stdout).toContain('no suite is affected by this pull request: no comment written');
  });

  test('duplicate comments of ours (two runs that both created one) are removed, others are left alone', async () => {
    const { s, pr } = await openPullRequest(10, 10);
    world.github.state.addComment(pr, `old run A\n${MARKER}`, 'github-actions[bot]');
    world.github.state.addComment(pr, `old run B\n${MARKER}`, 'github-actions[bot]');
    world.github.state.seedComment(pr, `pasted\n${MARKER}`, 'mallory');
    const run = await review(s, pr);
    expect(run.code).toBe(0);
    const mine = ours(pr);
    expect(mine).toHaveLength(1);
    expect(mine[0].body).toContain(`<!-- promptgate-head:${s.head} -->`);
    expect(world.github.state.commentsOn(pr).some((c) => c.body.startsWith('pasted'))).toBe(true);
    expect(run.stdout).toContain('removed 1 duplicate promptgate comment');
  });

  test('a push that lands while an older run writes: the newer review it replaced is restored', async () => {
    const { s, pr } = await openPullRequest(10, 10);
    const newer = 'f'.repeat(40);
    const newerBody = `newer review\n\n<!-- promptgate-head:${newer} -->\n\n${MARKER}\n`;
    world.github.state.addComment(pr, newerBody, 'github-actions[bot]');
    // The run checks the head (still its own), writes, and meanwhile the PR moves to the newer head.
    world.github.after(ROUTES.updateComment, (state) => state.setPull(pr, { head: { sha: newer, ref: 'feature' } }));
    const run = await review(s, pr);
    expect(run.stdout).toContain('the newer review is restored');
    const mine = ours(pr);
    expect(mine).toHaveLength(1);
    expect(mine[0].body).toBe(newerBody);
    expect(run.outputs.verdict).toBe('ship');
  });

  test('when the comment cannot be written, the outputs are still set and the log says why', async () => {
    const { s, pr } = await openPullRequest(10, 5);
    world.github.fail(ROUTES.createComment, { status: 422, body: { message: 'Validation Failed: locked' } });
    const run = await review(s, pr);
    expect(ours(pr)).toHaveLength(0);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('could not write the pull request comment');
    expect(run.outputs.verdict).toBe('regression');
    expect(Number(run.outputs['head-pass-rate'])).toBeCloseTo(0.5, 5);
    expect(run.outputs['report-path']).toMatch(/report\.json$/);
    expect(run.outputs.calls).toMatch(/^\d+$/);
  });

  test('the fail-on message shows the policy as given', async () => {
    const { s, pr } = await openPullRequest(10, 5);
    const run = await review(s, pr, { 'fail-on': 'regression, skipped' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('promptgate: regression (fail-on: regression,skipped)');
  });
});

function unzipList(bytes: Buffer): Promise<Record<string, string>> {
  return (async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'promptgate-artifact-'));
    const zip = path.join(dir, 'a.zip');
    await writeFile(zip, bytes);
    const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n');
    return Object.fromEntries(names.map((n) => [n, execFileSync('unzip', ['-p', zip, n], { encoding: 'utf8' })]));
  })();
}

describe('the results outlive the run', () => {
  const service = () => ({ ACTIONS_RUNTIME_TOKEN: artifacts.runtimeToken, ACTIONS_RESULTS_URL: `${artifacts.url}/` });

  test('the report, the markdown and the dataset are one artifact, linked from the comment and the summary', async () => {
    const { s, pr } = await openPullRequest(7, 7);
    const run = await review(s, pr, {}, service());
    expect(run.outputs.verdict).toBe('fine-tune');
    const artifact = artifacts.artifacts.find((a) => String(a.id) === run.outputs['artifact-id']);
    expect(artifact).toBeDefined();
    expect(artifact!.finalized).toBe(true);
    expect(artifact!.name).toBe('promptgate-promptgate.yaml');
    const url = `https://github.com/octo/demo/actions/runs/4242/artifacts/${artifact!.id}`;
    expect(run.outputs['artifact-url']).toBe(url);
    const files = await unzipList(artifact!.bytes!);
    expect(Object.keys(files).sort()).toEqual(['failing-cases.jsonl', 'report.json', 'summary.md']);
    expect(JSON.parse(files['report.json']).verdict).toBe('fine-tune');
    expect(files['failing-cases.jsonl'].trim().split('\n')).toHaveLength(6);
    expect(files['summary.md']).toContain('failing-cases.jsonl');
    const [comment] = ours(pr);
    expect(comment!.body).toContain(`(${url})`);
    expect(comment!.body).toContain(`failing-cases.jsonl in artifact ${artifact!.name}`);
    expect(run.summary).toContain(url);
  });

  test('artifact: false uploads nothing and leaves the outputs empty', async () => {
    const { s, pr } = await openPullRequest(10, 10);
    const before = artifacts.calls.length;
    const run = await review(s, pr, { artifact: 'false' }, service());
    expect(run.code).toBe(0);
    expect(artifacts.calls.length).toBe(before);
    expect(run.outputs['artifact-id']).toBe('');
    expect(run.outputs['artifact-url']).toBe('');
  });

  test('an artifact service that fails is a warning: the review still publishes', async () => {
    const { s, pr } = await openPullRequest(10, 10);
    const run = await review(
      s,
      pr,
      {},
      { ACTIONS_RUNTIME_TOKEN: 'not-a-jwt', ACTIONS_RESULTS_URL: `${artifacts.url}/` },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('could not upload the results artifact');
    expect(run.outputs.verdict).toBe('ship');
    expect(run.outputs['artifact-id']).toBe('');
    expect(ours(pr)).toHaveLength(1);
  });
});
