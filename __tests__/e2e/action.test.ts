// The bundled action, run as GitHub runs it, against a real git repository, a loopback GitHub REST API and a
// loopback world.model. Each verdict is reached by a real suite; the check fails only as `fail-on` says.
import { rerunPullRequest, reviewPullRequest, useLoopbackWorld } from './world.js';

const world = useLoopbackWorld();

describe('verdicts, each reached by a real suite', () => {
  test.each([
    // baseSkill, headSkill, verdict, gate, exit code with fail-on: regression
    [10, 10, 'ship', 'ship', 0],
    [7, 7, 'fine-tune', 'fine-tune', 0],
    [3, 3, 'fix-prompt', 'fix-prompt', 0],
    [10, 5, 'regression', 'fine-tune', 1],
  ])('base skill %i → head skill %i is %s', async (baseSkill, headSkill, verdict, gateDecision, code) => {
    const { run, comments } = await reviewPullRequest(world, { baseSkill, headSkill });
    expect(run.stderr).not.toContain('TypeError');
    expect(run.outputs.verdict).toBe(verdict);
    expect(run.outputs.gate).toBe(gateDecision);
    expect(Number(run.outputs['head-pass-rate'])).toBeCloseTo(headSkill / 10, 5);
    expect(Number(run.outputs['base-pass-rate'])).toBeCloseTo(baseSkill / 10, 5);
    expect(run.code).toBe(code);
    const posted = comments();
    expect(posted).toHaveLength(1);
    expect(posted[0].user.login).toBe('github-actions[bot]');
    expect(posted[0].body).toContain('<!-- promptgate:promptgate.yaml -->');
    expect(run.outputs['comment-url']).toBe(posted[0].html_url);
    expect(run.summary.length).toBeGreaterThan(100);
  });

  test('consider fine-tuning exports the failing cases as a JSONL dataset', async () => {
    const { run } = await reviewPullRequest(world, { baseSkill: 7, headSkill: 7 });
    const { readFile } = await import('node:fs/promises');
    const lines = (await readFile(run.outputs['dataset-path'], 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(6);
    const record = JSON.parse(lines[0]);
    expect(record.messages[0].content).toContain('Question 7');
    expect(record.failedAssertions[0].type).toBe('contains');
  });
});

describe('fail-on', () => {
  test.each([
    ['regression', 10, 5, 1],
    ['never', 10, 5, 0],
    ['regression', 3, 3, 0],
    ['gate', 3, 3, 1],
    ['gate', 7, 7, 0],
  ])('fail-on %s with base %i → head %i exits %i', async (failOn, baseSkill, headSkill, code) => {
    const { run } = await reviewPullRequest(world, { baseSkill, headSkill }, { 'fail-on': failOn });
    expect(run.code).toBe(code);
  });
});

describe('the sticky comment', () => {
  test('is created once and updated in place on the next run', async () => {
    const first = await reviewPullRequest(world, { baseSkill: 10, headSkill: 10 });
    const [comment] = first.comments();
    const { id, updated_at: createdAt } = comment!;
    const again = await rerunPullRequest(world, first);
    expect(again.stderr).toBe('');
    expect(again.stdout).toContain('comment updated');
    expect(again.code).toBe(0);
    const after = first.comments();
    expect(after).toHaveLength(1);
    expect(after[0].id).toBe(id);
    expect(after[0].updated_at).not.toBe(createdAt);
  });

  test('a comment by someone else that carries the marker is left alone', async () => {
    const { comments } = await reviewPullRequest(world, { baseSkill: 10, headSkill: 10 }, {}, (_s, pr) => {
      world.github.state.seedComment(pr, '<!-- promptgate:promptgate.yaml -->\nI pasted the marker', 'mallory');
    });
    const posted = comments();
    expect(posted).toHaveLength(2);
    expect(posted[0].body).toContain('I pasted the marker');
    expect(posted[1].user.login).toBe('github-actions[bot]');
  });

  test('a stale run (the PR head moved on) does not overwrite the newer result', async () => {
    const { run, comments } = await reviewPullRequest(world, { baseSkill: 10, headSkill: 5 }, {}, (_s, pr) => {
      world.github.state.setPull(pr, { head: { sha: 'c'.repeat(40), ref: 'feature' } });
    });
    expect(comments()).toHaveLength(0);
    expect(run.stdout).toContain('head moved on');
    expect(run.outputs.verdict).toBe('regression');
  });

  test('comment: off writes no comment but still the summary and outputs', async () => {
    const { run, comments } = await reviewPullRequest(world, { baseSkill: 10, headSkill: 10 }, { comment: 'off' });
    expect(comments()).toHaveLength(0);
    expect(run.outputs.verdict).toBe('ship');
    expect(run.summary).toContain('promptgate');
  });
});
