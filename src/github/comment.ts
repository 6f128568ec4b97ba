// The sticky comment: one comment per PR (and key), found by a hidden marker AND by being ours, then
// updated in place. A handful of small verbs in the manner of marocchino/sticky-pull-request-comment.
import { GitHubApiError, paginate, type GitHubClient, type RequestHint } from './client.js';
import { markerFor, withMarker } from './marker.js';

export { markerFor, withMarker } from './marker.js';

/** Who the Actions GITHUB_TOKEN writes as. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/** GitHub's limit on a comment body, in characters. */
export const COMMENT_BODY_LIMIT = 65536;

const WRITE_COMMENTS: RequestHint = {
  // On a PR, issue comments need pull-requests: write (issues: write covers plain issues).
  permission: 'pull-requests: write',
  consequence: 'The results are still in the job summary.',
};
const READ_COMMENTS: RequestHint = { permission: 'pull-requests: read', consequence: WRITE_COMMENTS.consequence };

export interface IssueRef {
  owner: string;
  repo: string;
  issue_number: number;
}

export interface PostedComment {
  id: number;
  url: string;
  body: string;
  author: string;
}

interface GitHubComment {
  id: number;
  html_url: string;
  body?: string | null;
  user?: { login: string } | null;
}

const toPosted = (c: GitHubComment): PostedComment => ({
  id: c.id,
  url: c.html_url,
  body: c.body ?? '',
  author: c.user?.login ?? '',
});

/**
 * Whose comments count as ours. A personal token can ask `GET /user`; the GITHUB_TOKEN (an installation
 * token) gets 403 there, and then we are `github-actions[bot]`. A GitHub App token other than the
 * Actions one should pass its `<app-slug>[bot]` login explicitly instead of relying on this.
 */
export async function resolveSelfLogin(client: GitHubClient): Promise<string> {
  try {
    const { data } = await client.request<{ login?: string }>('GET /user');
    return data.login ?? ACTIONS_BOT_LOGIN;
  } catch (err) {
    if (err instanceof GitHubApiError && [401, 403, 404].includes(err.status)) return ACTIONS_BOT_LOGIN;
    throw err;
  }
}

/**
 * Every comment on the issue that carries the marker and was written by selfLogin, oldest first. A comment
 * by anyone else is never adopted, even with the marker pasted in: we would otherwise overwrite it.
 */
export async function findStickyComments(
  client: GitHubClient,
  args: IssueRef & { marker: string; selfLogin: string },
): Promise<PostedComment[]> {
  const { owner, repo, issue_number } = args;
  const comments = await paginate<GitHubComment>(
    client,
    'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    { owner, repo, issue_number },
    READ_COMMENTS,
  );
  return comments.filter((c) => c.user?.login === args.selfLogin && (c.body ?? '').includes(args.marker)).map(toPosted);
}

/** The first of them: the one sticky comment. */
export async function findStickyComment(
  client: GitHubClient,
  args: IssueRef & { marker: string; selfLogin: string },
): Promise<PostedComment | undefined> {
  return (await findStickyComments(client, args))[0];
}

/** Deletes a comment; one already gone is not an error. */
export async function deleteComment(
  client: GitHubClient,
  ref: { owner: string; repo: string; comment_id: number },
): Promise<void> {
  try {
    await client.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...ref }, WRITE_COMMENTS);
  } catch (err) {
    if (err instanceof GitHubApiError && err.status === 404) return;
    throw err;
  }
}

/** Makes a body fit: receives the body GitHub refused and its limit in characters. */
export type Shrink = (body: string, limit: number) => string;

export async function createComment(
  client: GitHubClient,
  ref: IssueRef,
  body: string,
  shrink?: Shrink,
): Promise<PostedComment> {
  return withShrinkRetry(body, shrink, async (text) => {
    const { data } = await client.request<GitHubComment>(
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      { ...ref, body: text },
      WRITE_COMMENTS,
    );
    return toPosted(data);
  });
}

/** Updates a comment in place; undefined when it no longer exists (someone deleted it). */
export async function updateComment(
  client: GitHubClient,
  ref: { owner: string; repo: string; comment_id: number },
  body: string,
  shrink?: Shrink,
): Promise<PostedComment | undefined> {
  try {
    return await withShrinkRetry(body, shrink, async (text) => {
      const { data } = await client.request<GitHubComment>(
        'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
        { ...ref, body: text },
        WRITE_COMMENTS,
      );
      return toPosted(data);
    });
  } catch (err) {
    if (err instanceof GitHubApiError && err.status === 404) return undefined;
    throw err;
  }
}

function isBodyTooLong(err: unknown): boolean {
  return err instanceof GitHubApiError && err.status === 422 && /too long/i.test(err.githubMessage);
}

/** Tries body; when GitHub says it is too long, tries shrink(body) once. */
async function withShrinkRetry<T>(
  body: string,
  shrink: Shrink | undefined,
  send: (text: string) => Promise<T>,
): Promise<T> {
  try {
    return await send(body);
  } catch (err) {
    if (!isBodyTooLong(err)) throw err;
    if (!shrink) {
      throw new GitHubApiError(
        (err as GitHubApiError).route,
        422,
        (err as GitHubApiError).githubMessage,
        `GitHub refused the comment: its ${body.length} characters exceed the ${COMMENT_BODY_LIMIT}-character limit, and no shrink was given.`,
      );
    }
    const smaller = shrink(body, COMMENT_BODY_LIMIT);
    try {
      return await send(smaller);
    } catch (again) {
      if (!isBodyTooLong(again)) throw again;
      throw new GitHubApiError(
        (again as GitHubApiError).route,
        422,
        (again as GitHubApiError).githubMessage,
        `GitHub refused the comment even after shrinking it from ${body.length} to ${smaller.length} characters (limit ${COMMENT_BODY_LIMIT}).`,
      );
    }
  }
}

export interface UpsertArgs extends IssueRef {
  /** The comment's key (see markerFor); one sticky comment per key and PR. */
  key: string;
  body: string;
  /** Our login; resolved with resolveSelfLogin when absent. */
  selfLogin?: string;
  shrink?: Shrink;
}

export interface UpsertResult {
  id: number;
  url: string;
  action: 'created' | 'updated';
  /** The body the comment had before this write (an update), to restore if the write turns out stale. */
  previousBody?: string;
  /** Our login, as resolved for this write. */
  selfLogin: string;
}

/** Finds our comment for key and updates it, or creates it (also when it vanished between find and update). */
export async function upsertStickyComment(client: GitHubClient, args: UpsertArgs): Promise<UpsertResult> {
  const { owner, repo, issue_number } = args;
  const marker = markerFor(args.key);
  const body = withMarker(args.body, marker);
  // The marker must survive shrinking, or the next run would not find the comment.
  const markerRoom = marker.length + 4;
  const shrink =
    args.shrink && ((text: string, limit: number) => withMarker(args.shrink!(text, limit - markerRoom), marker));
  const selfLogin = args.selfLogin ?? (await resolveSelfLogin(client));

  const existing = await findStickyComment(client, { owner, repo, issue_number, marker, selfLogin });
  if (existing) {
    const updated = await updateComment(client, { owner, repo, comment_id: existing.id }, body, shrink);
    if (updated) return { id: updated.id, url: updated.url, action: 'updated', previousBody: existing.body, selfLogin };
  }
  const created = await createComment(client, { owner, repo, issue_number }, body, shrink);
  return { id: created.id, url: created.url, action: 'created', selfLogin };
}
