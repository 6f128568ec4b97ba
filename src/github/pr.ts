// A pull request as the GitHub API sees it: its files, its head/base, a file at a ref. Used when the
// action cannot (or need not) ask git: e.g. a shallow checkout, or the stale-run check.
import type { FileChange } from '../git/changes.js';
import { GitHubApiError, paginate, type GitHubClient } from './client.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface PullRef extends RepoRef {
  pull_number: number;
}

/** GitHub lists at most this many files of a pull request; beyond it the list is silently cut. */
export const PULL_FILES_CAP = 3000;

export interface PullRequestFiles {
  files: FileChange[];
  /** True when GitHub's 3,000-file cap was reached: some changed files may be missing from `files`. */
  truncated: boolean;
}

interface GitHubPullFile {
  filename: string;
  status: string;
  previous_filename?: string;
}

/** Maps GitHub's file status to ours; undefined for entries that are not changes ('unchanged'). */
export function toFileChange(file: GitHubPullFile): FileChange | undefined {
  switch (file.status) {
    case 'added':
      return { status: 'added', path: file.filename };
    case 'removed':
      return { status: 'deleted', path: file.filename };
    case 'modified':
    case 'changed': // mode or type change: the content may differ, treat as modified
      return { status: 'modified', path: file.filename };
    case 'renamed':
      return file.previous_filename
        ? { status: 'renamed', path: file.filename, previousPath: file.previous_filename }
        : { status: 'modified', path: file.filename };
    case 'copied':
      return file.previous_filename
        ? { status: 'copied', path: file.filename, previousPath: file.previous_filename }
        : { status: 'added', path: file.filename };
    case 'unchanged':
      return undefined;
    default:
      // A status GitHub adds later: safest to look at the file rather than skip it.
      return { status: 'modified', path: file.filename };
  }
}

const READ_PULLS = { permission: 'pull-requests: read' };

export async function listPullRequestFiles(client: GitHubClient, ref: PullRef): Promise<PullRequestFiles> {
  const raw = await paginate<GitHubPullFile>(
    client,
    'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
    { ...ref },
    READ_PULLS,
  );
  const files = raw.map(toFileChange).filter((f): f is FileChange => f !== undefined);
  return { files, truncated: raw.length >= PULL_FILES_CAP };
}

export interface PullRequestHead {
  headSha: string;
  baseSha: string;
  state: 'open' | 'closed';
  headRef: string;
  baseRef: string;
}

/** The PR as it is now: compare headSha with the run's SHA to notice a run that a newer push overtook. */
export async function getPullRequest(client: GitHubClient, ref: PullRef): Promise<PullRequestHead> {
  const { data } = await client.request<{
    state: 'open' | 'closed';
    head: { sha: string; ref: string };
    base: { sha: string; ref: string };
  }>('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...ref }, READ_PULLS);
  return {
    headSha: data.head.sha,
    baseSha: data.base.sha,
    state: data.state,
    headRef: data.head.ref,
    baseRef: data.base.ref,
  };
}

interface ContentFile {
  type: string;
  encoding?: string;
  content?: string;
}

/** The bytes of path at ref via the contents API; undefined when it does not exist there. */
export async function getFileAtRef(
  client: GitHubClient,
  args: RepoRef & { path: string; ref: string },
): Promise<Buffer | undefined> {
  const params = { owner: args.owner, repo: args.repo, path: args.path.replace(/^\.?\/+/, ''), ref: args.ref };
  const route = 'GET /repos/{owner}/{repo}/contents/{path}';
  const hint = { permission: 'contents: read' };
  let data: ContentFile | ContentFile[];
  try {
    data = (await client.request<ContentFile | ContentFile[]>(route, params, hint)).data;
  } catch (err) {
    if (err instanceof GitHubApiError && err.status === 404) return undefined;
    throw err;
  }
  if (Array.isArray(data) || data.type !== 'file') {
    throw new GitHubApiError(
      route,
      200,
      `${args.path} at ${args.ref} is a ${Array.isArray(data) ? 'directory' : data.type}, not a file`,
    );
  }
  if (data.encoding === 'base64' && typeof data.content === 'string') return Buffer.from(data.content, 'base64');
  // Files over 1 MB come back with encoding "none": ask for the raw bytes instead.
  const raw = await client.request<ArrayBuffer | string>(
    route,
    { ...params, headers: { accept: 'application/vnd.github.raw' } },
    hint,
  );
  return typeof raw.data === 'string' ? Buffer.from(raw.data, 'utf8') : Buffer.from(raw.data);
}
