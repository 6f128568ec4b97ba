// writeStickyComment: the comment ends up describing the pull request's newest head, however runs overlap.
// Against the loopback GitHub, as a table of races.
import { headRecord, markerFor, recordedHead } from '../../src/github/marker.js';
import { writeStickyComment } from '../../src/github/sticky.js';
import { ROUTES, startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { clientFor } from './helpers.js';

const PR = { owner: 'octo', repo: 'demo', issue_number: 5 };
const MARKER = markerFor('default');
const OURS = 'github-actions[bot]';
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub();
  fake.state.setPull(5, { head: { sha: A, ref: 'feature' } });
});
afterEach(() => fake.close());

function write(
  head: string,
  options: { onlyReplace?: boolean; body?: (p: { head?: string }) => string | undefined } = {},
) {
  const { client, warnings } = clientFor(fake);
  const logged: string[] = [];
  const logger = { debug() {}, info: (m: string) => logged.push(m), warn: (m: string) => warnings.push(m) };
  const result = writeStickyComment(client, {
    ...PR,
    key: 'default',
    head,
    logger,
    onlyReplace: options.onlyReplace,
    body: options.body ?? (() => `review of ${head.slice(0, 1)}`),
  });
  return { result, warnings, logged };
}

test('records the head it describes, beside the marker', async () => {
  const written = await write(A).result;
  expect(written?.action).toBe('created');
  const [c] = fake.state.commentsOn(5);
  expect(c!.body).toBe(`review of a\n\n${headRecord(A)}\n\n${MARKER}\n`);
  expect(recordedHead(c!.body)).toBe(A);
});

test('a run whose head is no longer the PR head writes nothing', async () => {
  fake.state.setPull(5, { head: { sha: B, ref: 'feature' } });
  const run = write(A);
  expect(await run.result).toBeUndefined();
  expect(fake.state.commentsOn(5)).toHaveLength(0);
  expect(run.warnings[0]).toContain('head moved on');
});

test('onlyReplace never starts a conversation', async () => {
  expect(await write(A, { onlyReplace: true }).result).toBeUndefined();
  expect(fake.state.commentsOn(5)).toHaveLength(0);
});

test('the body sees the head the replaced comment recorded; undefined leaves it as it is', async () => {
  await write(A).result;
  const seen: Array<string | undefined> = [];
  fake.state.setPull(5, { head: { sha: B, ref: 'feature' } });
  await write(B, { body: (p) => (seen.push(p.head), 'second') }).result;
  expect(seen).toEqual([A]);
  const before = fake.state.commentsOn(5)[0].body;
  const kept = await write(B, { body: () => undefined }).result;
  expect(kept?.action).toBe('unchanged');
  expect(fake.state.commentsOn(5)[0].body).toBe(before);
});

test.each([
  ['the replaced comment described the newer head: it is given back', B, true],
  ['the replaced comment was older still: ours stays for the newer run to replace', C, false],
])('a push lands during the write — %s', async (_case, recorded, restored) => {
  const earlier = `earlier\n\n${headRecord(recorded)}\n\n${MARKER}\n`;
  fake.state.addComment(5, earlier, OURS);
  fake.after(ROUTES.updateComment, (state) => state.setPull(5, { head: { sha: B, ref: 'feature' } }));
  const run = write(A);
  await run.result;
  const [c] = fake.state.commentsOn(5);
  expect(c!.body === earlier).toBe(restored);
  expect(run.warnings.join('\n')).toContain(
    restored ? 'the newer review is restored' : 'the run for it replaces this one',
  );
});

test('duplicates of ours go; a lookalike of someone else stays', async () => {
  fake.state.addComment(5, `one\n${MARKER}`, OURS);
  fake.state.addComment(5, `two\n${MARKER}`, OURS);
  fake.state.seedComment(5, `mine\n${MARKER}`, 'mallory');
  const run = write(A);
  const written = await run.result;
  const left = fake.state.commentsOn(5);
  expect(left.map((c) => c.user.login)).toEqual([OURS, 'mallory']);
  expect(left[0].id).toBe(written!.id);
  expect(run.logged).toContain('removed 1 duplicate promptgate comment');
});
