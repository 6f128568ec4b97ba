import { readTarget } from '../../src/action/event.js';
import { UsageError } from '../../src/errors.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const H = 'c'.repeat(40);
const read = (eventName: string, payload: unknown, baseInput?: string) =>
  readTarget({ eventName, payload, repository: 'octo/demo', sha: H, baseInput });

const pr = (headRepo?: string) => ({
  pull_request: {
    number: 7,
    base: { sha: A, repo: { full_name: 'octo/demo' } },
    head: { sha: B, ...(headRepo ? { repo: { full_name: headRepo } } : {}) },
  },
});

describe('readTarget: what the event asks us to compare', () => {
  test.each([
    [
      'pull_request',
      pr('octo/demo'),
      undefined,
      { kind: 'pull_request', base: A, head: B, number: 7, fromFork: false },
    ],
    ['pull_request', pr('mallory/demo'), undefined, { kind: 'pull_request', base: A, head: B, fromFork: true }],
    [
      'pull_request_target',
      pr('mallory/demo'),
      undefined,
      { kind: 'pull_request', event: 'pull_request_target', fromFork: true },
    ],
    ['pull_request', pr(), 'main', { base: 'main', head: B }],
    [
      'pull_request_target',
      { pull_request: { ...pr().pull_request, head: { sha: B, repo: null } } },
      undefined,
      { kind: 'pull_request', event: 'pull_request_target', fromFork: true },
    ],
    [
      'workflow_run',
      {
        workflow_run: {
          head_sha: B,
          head_repository: { full_name: 'mallory/demo' },
          repository: { full_name: 'octo/demo' },
          pull_requests: [{ number: 9, base: { sha: A }, head: { sha: B } }],
        },
      },
      undefined,
      { kind: 'pull_request', number: 9, base: A, head: B, fromFork: true },
    ],
    ['push', { before: A, after: B }, undefined, { kind: 'push', base: A, head: B }],
    ['push', { before: '0'.repeat(40), after: B }, 'main', { kind: 'push', base: 'main', head: B }],
    ['workflow_dispatch', {}, 'v1.2.0', { kind: 'workflow_dispatch', base: 'v1.2.0', head: H }],
  ])('%s', (eventName, payload, baseInput, expected) => {
    expect(read(eventName, payload, baseInput)).toMatchObject({ owner: 'octo', repo: 'demo', ...expected });
  });

  test.each([
    ['pull_request', { pull_request: { number: 7 } }, 'no pull request number, base SHA and head SHA'],
    ['workflow_run', { workflow_run: { pull_requests: [] } }, 'no pull request number, base SHA and head SHA'],
    ['push', { before: '0'.repeat(40), after: B }, 'set the `base` input'],
    ['workflow_dispatch', {}, 'set the `base` input'],
    ['issue_comment', {}, 'not on "issue_comment"'],
  ])('%s without what it needs is a usage error that says what to do', (eventName, payload, message) => {
    expect(() => read(eventName, payload)).toThrow(UsageError);
    expect(() => read(eventName, payload)).toThrow(message);
  });
});
