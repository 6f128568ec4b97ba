// What the triggering event asks us to compare. Pure: the payload and env are passed in.
import { UsageError } from '../errors.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

export type ReviewTarget =
  | ({
      kind: 'pull_request';
      event: string;
      base: string;
      head: string;
      number: number;
      /** The head lives in a fork: GitHub passes no secrets to the run. */
      fromFork: boolean;
    } & RepoRef)
  | ({ kind: 'push' | 'workflow_dispatch'; event: string; base: string; head: string } & RepoRef);

const ZERO_SHA = /^0{40}$/;

interface PullSide {
  sha?: string;
  repo?: { full_name?: string } | null;
}

interface PullRequestPayload {
  pull_request?: { number?: number; base?: PullSide; head?: PullSide };
  workflow_run?: {
    head_sha?: string;
    head_repository?: { full_name?: string };
    repository?: { full_name?: string };
    pull_requests?: Array<{ number?: number; base?: PullSide; head?: PullSide }>;
  };
  before?: string;
  after?: string;
}

/** Events that run with the base repository's secrets and token while looking at a pull request's code. */
export const UNTRUSTED_EVENTS = new Set(['pull_request_target', 'workflow_run']);

/** The pull request an event is about: pull_request(_target) carry it, workflow_run lists it. */
function pullRequestOf(
  event: string,
  payload: PullRequestPayload,
  repository: string,
): { number?: number; base?: string; head?: string; fromFork: boolean } | undefined {
  if (event === 'pull_request' || event === 'pull_request_target') {
    const pr = payload.pull_request;
    const headRepo = pr?.head?.repo?.full_name;
    // A fork whose repository was deleted has `head.repo: null`: still a fork (no secrets), not a failure.
    const fromFork =
      pr?.head?.repo === null || (headRepo !== undefined && headRepo !== (pr?.base?.repo?.full_name ?? repository));
    return { number: pr?.number, base: pr?.base?.sha, head: pr?.head?.sha, fromFork };
  }
  if (event === 'workflow_run') {
    const run = payload.workflow_run;
    const pr = run?.pull_requests?.[0];
    const fromFork = (run?.head_repository?.full_name ?? repository) !== (run?.repository?.full_name ?? repository);
    return { number: pr?.number, base: pr?.base?.sha, head: pr?.head?.sha ?? run?.head_sha, fromFork };
  }
  return undefined;
}

export function readTarget(options: {
  eventName: string;
  payload: unknown;
  repository: string;
  sha: string;
  baseInput?: string;
}): ReviewTarget {
  const [owner, repo] = options.repository.split('/');
  if (!owner || !repo) throw new UsageError(`GITHUB_REPOSITORY should be owner/repo, got "${options.repository}"`);
  const payload = (options.payload ?? {}) as PullRequestPayload;
  const event = options.eventName;
  const pull = pullRequestOf(event, payload, options.repository);
  if (pull) {
    const { number, base, head, fromFork } = pull;
    if (!number || !base || !head) {
      throw new UsageError(`the ${event} event payload has no pull request number, base SHA and head SHA to review`);
    }
    return { kind: 'pull_request', event, base: options.baseInput ?? base, head, number, owner, repo, fromFork };
  }
  if (event === 'push') {
    const before = options.baseInput ?? payload.before;
    if (!before || ZERO_SHA.test(before)) {
      throw new UsageError(
        'this push has no previous commit to compare with (a new branch): set the `base` input, e.g. base: main',
      );
    }
    return { kind: 'push', event, base: before, head: payload.after ?? options.sha, owner, repo };
  }
  if (event === 'workflow_dispatch' || event === 'schedule' || event === 'workflow_call') {
    if (!options.baseInput) {
      throw new UsageError(
        `on ${event} there is nothing to compare with: set the \`base\` input (a branch, tag or SHA)`,
      );
    }
    return { kind: 'workflow_dispatch', event, base: options.baseInput, head: options.sha, owner, repo };
  }
  throw new UsageError(
    `promptgate runs on pull_request, pull_request_target, workflow_run, push and workflow_dispatch, not on "${event}"`,
  );
}
