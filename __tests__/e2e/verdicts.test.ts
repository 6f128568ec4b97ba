// Verdicts a reviewer can trust (issue 10), each through the bundled action on a real repository: the gate is
// always stated, errors are missing data, critical tests stay inside α, adjusted p-values are shown, and a suite
// too small to decide says so — with the exit code `fail-on` gives.
import type { Responder } from '../support/fake-model-server.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promptChange, promptText, skillResponder } from './scenario.js';
import { rerunPullRequest, reviewPullRequest, useLoopbackWorld } from './world.js';

const world = useLoopbackWorld();
world.nextPr = 300;

/** The skill model, except that the head's calls for these questions fail (HTTP 500 from the fake server). */
function headErrorsOn(questions: readonly number[]): Responder {
  return (input) => {
    const n = Number(/Question (\d+)/.exec(input.lastUserMessage)?.[1]);
    if (input.lastUserMessage.startsWith('Please answer') && questions.includes(n)) throw new Error('model down');
    return skillResponder(input);
  };
}

afterEach(() => world.model.setResponder(skillResponder));

const headline = (body: string) => body.split('\n').find((line) => line.startsWith('## '));

describe('the gate is always stated, with whether the check blocks', () => {
  test('a regression says what the gate says on the head and that the merge is blocked', async () => {
    const { run, comments } = await reviewPullRequest(world, { baseSkill: 10, headSkill: 6 });
    expect(run.outputs.verdict).toBe('regression');
    expect(run.code).toBe(1);
    expect(headline(comments()[0].body)).toBe(
      '## ⛔ Regression · gate: consider fine-tuning (60.0%) · merge blocked (fail-on: regression)',
    );
  });

  test('under fail-on never the same regression says it does not block', async () => {
    const { run, comments } = await reviewPullRequest(world, { baseSkill: 10, headSkill: 6 }, { 'fail-on': 'never' });
    expect(run.code).toBe(0);
    expect(headline(comments()[0].body)).toBe(
      '## ⛔ Regression · gate: consider fine-tuning (60.0%) · not blocking (fail-on: never)',
    );
  });
});

describe('errors are missing data', () => {
  test('cases that error on every head call are listed as newly erroring, and the verdict is inconclusive, not ship', async () => {
    world.model.setResponder(headErrorsOn([50, 51, 52, 53, 54, 55]));
    const { run, comments } = await reviewPullRequest(world, { baseSkill: 10, headSkill: 10, suite: { tests: 60 } });
    expect(run.outputs.verdict).toBe('inconclusive');
    expect(run.code).toBe(0);
    const body = comments()[0].body;
    expect(headline(body)).toBe(
      '## ⚠️ Inconclusive · gate: ship (100.0%) · not blocking (an inconclusive run blocks only with fail-on: regression,inconclusive)',
    );
    expect(body).toContain('#### ⚠️ Newly erroring (6)');
    expect(body).toContain('| test 50 · question 50 | file://prompts/answer.txt × openai:chat:fake-model | 1/1 | 1 |');
    expect(body).toContain(
      '- ⚠️ 6 calls errored (6 newly erroring cases): were the missing head outcomes fails, the head would be significantly worse (p = 0.016)',
    );
  });

  test('fail-on inconclusive blocks the same run', async () => {
    world.model.setResponder(headErrorsOn([50, 51, 52, 53, 54, 55]));
    const { run, comments } = await reviewPullRequest(
      world,
      { baseSkill: 10, headSkill: 10, suite: { tests: 60 } },
      { 'fail-on': 'regression,inconclusive' },
    );
    expect(run.outputs.verdict).toBe('inconclusive');
    expect(run.code).toBe(1);
    expect(headline(comments()[0].body)).toBe(
      '## ⚠️ Inconclusive · gate: ship (100.0%) · merge blocked (fail-on: regression,inconclusive)',
    );
  });

  test('a collapse strong enough despite 15% errors and a failing critical test is a regression (it was a green check)', async () => {
    world.model.setResponder(headErrorsOn([17, 18, 19]));
    const { run, comments } = await reviewPullRequest(world, {
      baseSkill: 10,
      headSkill: 2,
      suite: { critical: [5] },
    });
    expect(run.outputs.verdict).toBe('regression');
    expect(run.code).toBe(1);
    const body = comments()[0].body;
    expect(body).toContain('- ⛔ head worse than base overall');
    expect(body).toContain('Also missing or too little evidence (the regression stands):');
    expect(body).toContain('- ⚠️ 3 of 20 head calls errored (15.0%, more than the 10.0% allowed)');
    expect(body).toContain('#### ⚠️ Newly erroring (3)');
  });
});

describe('critical tests inside α', () => {
  test('at the default repeat the critical flip gets fresh repeats on both sides and is decided: a regression', async () => {
    const { run, comments } = await reviewPullRequest(world, { baseSkill: 10, headSkill: 9, suite: { critical: [9] } });
    expect(run.outputs.verdict).toBe('regression');
    expect(run.code).toBe(1);
    const body = comments()[0].body;
    expect(body).toContain(
      '- ⛔ critical test 9 (question 9) on file://prompts/answer.txt × openai:chat:fake-model newly failing (exact test over its repeats p = 0.014, adjusted 0.029 &lt; α = 0.05)',
    );
    // Stage 2: 2 repeats per side of the 2 flipped cases, 1 of the 18 others (44 calls); the critical case
    // needs 4 repeats per side drawn after its selection: 2 more (4 calls).
    expect(body).toContain(
      'stage 1 is one per side of 20 case(s); stage 2 re-ran 20 case(s) chosen by their stage-1 totals (48 calls beyond the first samples, none from the cache)',
    );
  });

  test('with repeat 2 (no fresh repeats) the same flip cannot be decided: inconclusive, naming the repeats it needs', async () => {
    const { run, comments } = await reviewPullRequest(
      world,
      { baseSkill: 10, headSkill: 9, suite: { critical: [9] } },
      { repeat: '2' },
    );
    expect(run.outputs.verdict).toBe('inconclusive');
    expect(run.code).toBe(0);
    expect(comments()[0].body).toContain(
      '- ⚠️ critical test 9 (question 9) on file://prompts/answer.txt × openai:chat:fake-model is newly failing, but 2 base and 2 head outcome(s) cannot decide it: it needs 4 fresh repeats per side',
    );
  });

  test('with repeat 4 the critical flip is significant on its own', async () => {
    const { run } = await reviewPullRequest(
      world,
      { baseSkill: 10, headSkill: 9, suite: { critical: [9] } },
      { repeat: '4' },
    );
    expect(run.outputs.verdict).toBe('regression');
    expect(run.code).toBe(1);
  });

  test('a critical test whose every head call errors makes the verdict inconclusive, named (it was ✅ Ship)', async () => {
    world.model.setResponder(headErrorsOn([3]));
    const { run, comments } = await reviewPullRequest(world, {
      baseSkill: 10,
      headSkill: 10,
      suite: { critical: [3] },
    });
    expect(run.outputs.verdict).toBe('inconclusive');
    expect(comments()[0].body).toContain(
      '- ⚠️ critical test 3 (question 3) on file://prompts/answer.txt × openai:chat:fake-model has no head outcome: every head call errored',
    );
  });
});

describe('adjusted p-values', () => {
  test('with critical tests the paired test has α/2: the table shows p on α’s scale', async () => {
    const { comments } = await reviewPullRequest(
      world,
      { baseSkill: 10, headSkill: 8, suite: { critical: [0] } },
      { repeat: '2' },
    );
    const body = comments()[0].body;
    // 4 of 20 cases broke 2/2 → 0/2: sign-flip p = 1/16 = 0.0625, adjusted ×2 = 0.13: not flagged.
    expect(body).toContain('| Δ | p <sub>adj.</sub> |');
    expect(body).toContain('| −20.0 pts | 0.13 |');
  });
});

describe('gatekeeping over prompt groups', () => {
  test('the overall test first, then each prompt Holm-corrected: only the prompt that dropped is flagged', async () => {
    const s = await promptChange({ baseSkill: 10, headSkill: 10 });
    world.repos.push(s.repo);
    const yaml = (await readFile(path.join(s.repo.dir, 'promptgate.yaml'), 'utf8')).replace(
      '  - file://prompts/answer.txt\n',
      '  - file://prompts/answer.txt\n  - file://prompts/second.txt\n',
    );
    await s.repo.write('promptgate.yaml', yaml);
    await s.repo.write('prompts/second.txt', promptText(10, 'Second prompt'));
    const base = await s.repo.commit('two prompts');
    await s.repo.write('prompts/answer.txt', promptText(5, 'Kindly answer the question'));
    await s.repo.write('prompts/second.txt', promptText(10, 'Second prompt, reworded'));
    const head = await s.repo.commit('both prompts edited; the first loses half its skill');
    const pr = world.nextPr++;
    world.github.state.setPull(pr, { head: { sha: head, ref: 'feature' }, base: { sha: base, ref: 'main' } });
    const run = await rerunPullRequest(world, { s: { repo: s.repo, base, head }, pr });
    expect(run.outputs.verdict).toBe('regression');
    const body = world.github.state.commentsOn(pr)[0].body;
    const row = (prompt: string) => body.split('\n').find((l) => l.startsWith(`| file://prompts/${prompt}<br>`))!;
    // Stage 1 decides (10 flips down of 10); the group's p is its stage-1 p over the early share (2^−10 / 0.4), Holm ×2.
    expect(row('answer.txt')).toMatch(/\| −50\.0 pts \| 0\.0049 ⛔ \| 20 \|/);
    expect(row('second.txt')).toMatch(/\| ±0\.0 pts \| 1 \| 20 \|/);
    expect(body).toMatch(/^\| \*\*All\*\* \|.* \| <0\.001 ⛔ \| 40 \|/m);
    expect(body).toContain('adjusted for the overall test first and Holm over 2 groups');
  });
});

describe('small suites', () => {
  test('a 4-case collapse 100% → 0% is decided by fresh samples of the 4 cases: a regression (it was a passing check)', async () => {
    const { run, comments } = await reviewPullRequest(world, { baseSkill: 10, headSkill: 0, suite: { tests: 4 } });
    expect(run.outputs.verdict).toBe('regression');
    expect(run.code).toBe(1);
    // Stage 1 (4 flips down: p = 1/16) cannot; stage 2 (2 repeats per side each, all failing) does.
    expect(comments()[0].body).toContain('stage 2 re-ran 4 case(s) chosen by their stage-1 totals');
    expect(comments()[0].body).toContain('exact group-sequential p &lt; 0.001 &lt; α = 0.05');
  });

  test('a 1-case collapse cannot be decided even so: inconclusive, and fail-on inconclusive blocks it', async () => {
    const change = { baseSkill: 10, headSkill: 0, suite: { tests: 1 } };
    const { run, comments } = await reviewPullRequest(world, change);
    expect(run.outputs.verdict).toBe('inconclusive');
    expect(run.code).toBe(0);
    expect(comments()[0].body).toContain(
      '- ⚠️ too little fresh evidence: the 1 case(s) and their fresh repeats can never reach significance (the smallest p is 0.083)',
    );
    const blocking = await reviewPullRequest(world, change, { 'fail-on': 'regression,inconclusive' });
    expect(blocking.run.code).toBe(1);
  });

  test('with repeat 2 (no fresh repeats) a 4-case collapse says it is too small and what it needs', async () => {
    const { run, comments } = await reviewPullRequest(
      world,
      { baseSkill: 10, headSkill: 0, suite: { tests: 4 } },
      { repeat: '2' },
    );
    expect(run.outputs.verdict).toBe('inconclusive');
    expect(comments()[0].body).toContain(
      '- ⚠️ too small to decide: every case got worse (base 100.0% → head 0.0%), but 4 paired case(s) can never reach significance (the smallest p is 1/16); it needs at least 5 cases',
    );
  });

  test('a small suite that did not get worse keeps its gate verdict and says it is too small', async () => {
    const { run, comments } = await reviewPullRequest(world, { baseSkill: 10, headSkill: 10, suite: { tests: 3 } });
    expect(run.outputs.verdict).toBe('ship');
    expect(comments()[0].body).toContain(
      "ℹ️ Too small for any drop to be significant: 3 paired case(s), and the paired test's smallest p is 1/8.",
    );
  });
});

describe('fresh evidence: a cached base is one sample, so it only screens', () => {
  test('a re-run draws afresh every first sample that came from the cache: the test uses none of them', async () => {
    const first = await reviewPullRequest(world, { baseSkill: 10, headSkill: 6 });
    expect(first.run.outputs.verdict).toBe('regression');
    // 20 cases × 2 sides, all drawn in this run: they are stage 1, and 8 flips down of 8 decide it (p = 1/256).
    expect(first.run.outputs.calls).toBe('40');
    expect(first.comments()[0].body).toContain(
      'stage 1 is one per side of 20 case(s); stage 1 decided it (0 calls beyond the first samples, none from the cache)',
    );
    const requests = world.model.requestCount;
    const again = await rerunPullRequest(world, first);
    expect(again.outputs.verdict).toBe('regression');
    // Whatever the cache holds (here the Actions cache service is absent, so it lives one run), a first sample
    // that came from it is drawn again for the test: every run makes its 40 fresh calls.
    const cached = Number(again.outputs['cached-calls']);
    expect(cached).toBeLessThanOrEqual(40);
    expect(Number(again.outputs.calls)).toBe(40);
    expect(world.model.requestCount - requests).toBe(40);
  });
});

describe('reviewers are not misled by what the model or the suite wrote', () => {
  test('invisible characters are shown, mentions and issue references stay text', async () => {
    world.model.setResponder((input) =>
      input.lastUserMessage.startsWith('Please answer')
        ? 'Sorry \u202eKO\u202c @octocat fixes #12 and octo/demo#3\u200b'
        : skillResponder(input),
    );
    const { run, comments } = await reviewPullRequest(world, {
      baseSkill: 10,
      headSkill: 10,
      suite: { tests: 6 },
      // A prompt edit that hides a bidi isolate in the diff.
      headExtraFiles: {
        'prompts/answer.txt': 'Please answer the question carefully.\u2066\nSkill: 10\nQuestion {{ n }}\n',
      },
    });
    expect(run.outputs.verdict).toBe('regression');
    const body = comments()[0].body;
    // In the output excerpts (code blocks): visible code points, and GitHub links nothing inside code.
    expect(body).toContain('Sorry ⟨U+202E⟩KO⟨U+202C⟩ @octocat fixes #12 and octo/demo#3⟨U+200B⟩');
    // In the prompt diff too.
    expect(body).toContain('+Please answer the question carefully.⟨U+2066⟩');
    expect(body).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
    // Our own case labels never take the #N form.
    expect(body).toContain('**test 0 · question 0**');
    expect(body).not.toMatch(/\*\*#\d/);
  });
});
