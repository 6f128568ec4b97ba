// Writing the sticky comment so that it always ends up describing the pull request's newest head, however
// runs for one pull request overlap: the head is checked right before and right after the write, a write that
// turned out stale gives the newer result back, and duplicates of ours (two runs that both created one) go.
import type { Logger } from '../types.js';
import {
  deleteComment,
  findStickyComments,
  resolveSelfLogin,
  upsertStickyComment,
  updateComment,
  type IssueRef,
  type Shrink,
  type UpsertResult,
} from './comment.js';
import type { GitHubClient } from './client.js';
import { beforeMarker, headRecord, markerFor, recordedHead, withMarker } from './marker.js';
import { getPullRequest } from './pr.js';

export interface StickyWrite extends IssueRef {
  key: string;
  /** The head commit this run reviewed. */
  head: string;
  logger: Logger;
  /** Only update a comment of ours that exists; never create one. */
  onlyReplace?: boolean;
  /**
   * The body, given what the comment it replaces recorded (the head it described); undefined leaves that
   * comment as it is (it already says what this run would).
   */
  body(previous: { head?: string }): Promise<string | undefined> | string | undefined;
  shrink?: Shrink;
}

const short = (sha: string) => sha.slice(0, 7);

export interface StickyResult {
  id: number;
  url: string;
  action: UpsertResult['action'] | 'unchanged';
}

/** The comment written, or undefined when this run must not write (a newer head, or nothing to replace). */
export async function writeStickyComment(client: GitHubClient, args: StickyWrite): Promise<StickyResult | undefined> {
  const { owner, repo, issue_number, logger } = args;
  const pull = { owner, repo, pull_number: issue_number };
  const before = await getPullRequest(client, pull);
  if (before.headSha !== args.head) {
    logger.warn(
      `the pull request's head moved on (${short(before.headSha)}) since this run's ${short(args.head)}: the comment is left to the newer run`,
    );
    return undefined;
  }
  const marker = markerFor(args.key);
  const selfLogin = await resolveSelfLogin(client);
  const ours = await findStickyComments(client, { owner, repo, issue_number, marker, selfLogin });
  if (ours.length === 0 && args.onlyReplace) return undefined;
  const previousHead = ours[0] && recordedHead(ours[0].body);
  const stamp = (text: string) => beforeMarker(withMarker(text, marker), marker, headRecord(args.head));
  const body = await args.body({ head: previousHead });
  if (body === undefined && ours[0]) return { id: ours[0].id, url: ours[0].url, action: 'unchanged' };
  const written = await upsertStickyComment(client, {
    owner,
    repo,
    issue_number,
    key: args.key,
    selfLogin,
    body: stamp(body ?? ''),
    shrink: args.shrink && ((text, limit) => stamp(args.shrink!(text, limit - 80))),
  });

  const after = await getPullRequest(client, pull);
  if (after.headSha !== args.head) {
    // A newer push landed while this run wrote. If the comment already described that newer head, give it back.
    if (written.previousBody && recordedHead(written.previousBody) === after.headSha) {
      await updateComment(client, { owner, repo, comment_id: written.id }, written.previousBody);
      logger.warn(
        `the pull request's head moved on (${short(after.headSha)}) while this run's ${short(args.head)} wrote the comment: the newer review is restored`,
      );
    } else {
      logger.warn(
        `the pull request's head moved on (${short(after.headSha)}) while this run's ${short(args.head)} wrote the comment: the run for it replaces this one`,
      );
    }
  }
  const duplicates = (await findStickyComments(client, { owner, repo, issue_number, marker, selfLogin })).filter(
    (c) => c.id !== written.id,
  );
  for (const c of duplicates) await deleteComment(client, { owner, repo, comment_id: c.id });
  if (duplicates.length > 0) {
    logger.info(`removed ${duplicates.length} duplicate promptgate comment${duplicates.length === 1 ? '' : 's'}`);
  }
  return written;
}
