// Publishing a review: the report files and their artifact, the job summary, the outputs, the sticky comment
// and the check. The outputs are set before the comment is written, so a comment GitHub refuses never costs
// a later step the verdict.
import type * as Core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { messageOf } from '../errors.js';
import type { GateDecision } from '../gate.js';
import { GitHubPermissionError, type GitHubClient } from '../github/client.js';
import { writeStickyComment } from '../github/sticky.js';
import { beforeMarker, markerFor } from '../github/marker.js';
import type { ReviewResult } from '../review/types.js';
import { buildReportInput, commentKey, reportDocument } from '../review/outputs.js';
import { fineTuneDataset } from '../review/dataset.js';
import { checkFailure } from '../review/fail-on.js';
import { renderNoLongerAffected, resultsLink } from '../report/comment-status.js';
import { renderComment, renderSummary, COMMENT_MAX_CHARS } from '../report/markdown.js';
import type { Logger } from '../types.js';
import { artifactName, uploadResults, type ArtifactUploader, type UploadedArtifact } from './artifact.js';
import type { ReviewTarget } from './event.js';
import type { ActionInputs } from './inputs.js';

export interface PublishArgs {
  core: typeof Core;
  client: GitHubClient;
  inputs: ActionInputs;
  target: ReviewTarget;
  result: ReviewResult;
  diffs: Array<{ file: string; diff: string }>;
  configPaths: string[];
  env: NodeJS.ProcessEnv;
  logger: Logger;
  notes: string[];
  /** Files changed between two commits; undefined when either is not in the clone. */
  changedSince(from: string, to: string): Promise<string[] | undefined>;
  /** The artifact client; by default @actions/artifact's, loaded when the service is there. */
  uploader?: () => Promise<ArtifactUploader>;
}

function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID } = env;
  if (!GITHUB_SERVER_URL || !GITHUB_REPOSITORY || !GITHUB_RUN_ID) return undefined;
  return `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`;
}

const rate = (x: number | null) => (x === null ? '' : x.toFixed(4));

export async function publishReview(args: PublishArgs): Promise<void> {
  const { core, inputs, target, result, logger, env } = args;
  const outDir = path.join(env.RUNNER_TEMP || os.tmpdir(), 'promptgate');
  await mkdir(outDir, { recursive: true });
  const key = commentKey(args.configPaths);
  const dataset = fineTuneDataset(result);
  const datasetPath = dataset ? path.join(outDir, 'failing-cases.jsonl') : undefined;
  if (dataset && datasetPath) await writeFile(datasetPath, dataset.jsonl);
  const reportPath = path.join(outDir, 'report.json');
  await writeFile(reportPath, JSON.stringify(reportDocument(result, target), null, 2) + '\n');
  const reportFor = (datasetWhere: string | undefined) =>
    buildReportInput({
      result,
      key,
      diffs: args.diffs,
      baseSha: target.base,
      headSha: target.head,
      runUrl: runUrl(env),
      datasetPath: datasetWhere,
      notes: args.notes,
      failPolicy: inputs.failPolicy,
    });

  // The artifact carries the job's markdown too; inside it, the dataset is the file beside it.
  await writeFile(
    path.join(outDir, 'summary.md'),
    renderSummary(reportFor(dataset ? 'failing-cases.jsonl' : undefined)),
  );
  const artifact = inputs.artifact
    ? await uploadResults({
        name: artifactName(key, env),
        dir: outDir,
        files: ['report.json', 'summary.md', ...(dataset ? ['failing-cases.jsonl'] : [])],
        env,
        logger,
        uploader: args.uploader,
      })
    : undefined;
  const report = reportFor(
    dataset ? (artifact ? `failing-cases.jsonl in artifact ${artifact.name}` : datasetPath) : undefined,
  );
  const link = artifact ? resultsLink(artifact) : undefined;

  if (env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(renderSummary(report) + (link ? `\n\n${link}\n` : '')).write();
  }

  core.setOutput('verdict', result.verdict);
  core.setOutput('gate', overallGate(result));
  core.setOutput('base-pass-rate', rate(result.basePassRate));
  core.setOutput('head-pass-rate', rate(result.headPassRate));
  core.setOutput('regressions', String(result.regressions));
  core.setOutput('report-path', reportPath);
  core.setOutput('dataset-path', datasetPath ?? '');
  core.setOutput('calls', String(result.calls.made));
  core.setOutput('cached-calls', String(result.calls.cached));
  core.setOutput('artifact-id', artifact ? String(artifact.id) : '');
  core.setOutput('artifact-url', artifact?.url ?? '');

  let commentUrl = '';
  let commentError: string | undefined;
  try {
    commentUrl = await postComment(args, key, report, artifact);
  } catch (err) {
    commentError = `could not write the pull request comment: ${messageOf(err)}. The results are in the job summary and the outputs.`;
  }
  core.setOutput('comment-url', commentUrl);

  const failure = checkFailure(result, inputs.failPolicy);
  if (failure) core.setFailed(`promptgate: ${failure}. See the pull request comment or the job summary.`);
  if (commentError) core.setFailed(commentError);
}

/** The comment once nothing is affected; `since` is the head the replaced comment described. */
async function noLongerAffected(args: PublishArgs, since: string | undefined): Promise<string> {
  const { target } = args;
  return renderNoLongerAffected({
    previousHead: since,
    headSha: target.head,
    baseSha: target.base,
    changedSince: since ? await args.changedSince(since, target.head) : undefined,
    runUrl: runUrl(args.env),
  });
}

/** Worst first: the output names the gate of the suite that needs the most work. */
const GATE_SEVERITY: readonly GateDecision[] = ['fix-prompt', 'fine-tune', 'ship'];

function overallGate(result: ReviewResult): GateDecision | '' {
  const gates = new Set(result.suites.flatMap((s) => (s.gate ? [s.gate] : [])));
  return GATE_SEVERITY.find((g) => gates.has(g)) ?? '';
}

/** Whether the review has anything to say on the pull request (else an earlier comment is marked as stale). */
function hasFindings(result: ReviewResult): boolean {
  return (
    result.verdict !== 'skipped' ||
    result.untestedPromptChanges.length > 0 ||
    result.suites.some((s) => s.skippedReason)
  );
}

async function postComment(
  args: PublishArgs,
  key: string,
  report: Parameters<typeof renderComment>[0],
  artifact: UploadedArtifact | undefined,
): Promise<string> {
  const { client, target, logger, inputs, result } = args;
  if (target.kind !== 'pull_request' || inputs.comment === 'off') return '';
  const marker = markerFor(key);
  const link = artifact ? resultsLink(artifact) : undefined;
  const withLink = (body: string) => (link ? beforeMarker(body, marker, link) : body);
  const findings = inputs.comment === 'always' || hasFindings(result);
  try {
    const written = await writeStickyComment(client, {
      owner: target.owner,
      repo: target.repo,
      issue_number: target.number,
      key,
      head: target.head,
      logger,
      // Nothing affected: never start a conversation, but an earlier review must not stand for this head.
      onlyReplace: !findings,
      body: async (previous) =>
        findings
          ? withLink(renderComment(report))
          : // A re-run on the head the comment already describes as unaffected leaves it as it is.
            previous.head === target.head
            ? undefined
            : await noLongerAffected(args, previous.head),
      shrink: (_body, limit) =>
        withLink(renderComment(report, { maxChars: Math.min(limit, COMMENT_MAX_CHARS) - 2_000 })),
    });
    if (!written) {
      if (!findings) logger.info('no suite is affected by this pull request: no comment written');
      return '';
    }
    logger.info(
      findings
        ? `comment ${written.action}: ${written.url}`
        : written.action === 'unchanged'
          ? `no suite is affected any more, as the comment already says: ${written.url}`
          : `no suite is affected any more: the earlier comment now says so: ${written.url}`,
    );
    return written.url;
  } catch (err) {
    if (err instanceof GitHubPermissionError) {
      logger.warn(`${err.message} The results are in the job summary and the outputs.`);
      return '';
    }
    throw err;
  }
}
