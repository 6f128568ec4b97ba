// Publishing a review: the report files, the job summary, the sticky comment, the outputs and the check.
import type * as Core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { messageOf } from '../errors.js';
import { failOnWords, type GateDecision } from '../gate.js';
import { GitHubPermissionError, type GitHubClient } from '../github/client.js';
import { upsertStickyComment } from '../github/comment.js';
import { getPullRequest } from '../github/pr.js';
import type { ReviewResult } from '../review/types.js';
import { buildReportInput, commentKey, reportDocument, reviewBlocks } from '../review/outputs.js';
import { failingCasesJsonl } from '../review/dataset.js';
import { renderComment, renderSummary, COMMENT_MAX_CHARS } from '../report/markdown.js';
import type { Logger } from '../types.js';
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
}

function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID } = env;
  if (!GITHUB_SERVER_URL || !GITHUB_REPOSITORY || !GITHUB_RUN_ID) return undefined;
  return `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`;
}

/** When a suite's gate says consider fine-tuning, its failing head cases are the dataset. */
async function writeDataset(result: ReviewResult, file: string): Promise<{ path: string; count: number } | undefined> {
  const failing = result.suites.filter((s) => s.verdict === 'fine-tune' && s.head).flatMap((s) => s.head!.results);
  if (failing.length === 0) return undefined;
  const { jsonl, count } = failingCasesJsonl(failing);
  if (count === 0) return undefined;
  await writeFile(file, jsonl);
  return { path: file, count };
}

const rate = (x: number | null) => (x === null ? '' : x.toFixed(4));

export async function publishReview(args: PublishArgs): Promise<void> {
  const { core, inputs, target, result, logger, env } = args;
  const outDir = path.join(env.RUNNER_TEMP || os.tmpdir(), 'promptgate');
  await mkdir(outDir, { recursive: true });
  const dataset = await writeDataset(result, path.join(outDir, 'failing-cases.jsonl'));
  const key = commentKey(args.configPaths);
  const report = buildReportInput({
    result,
    key,
    diffs: args.diffs,
    baseSha: target.base,
    headSha: target.head,
    runUrl: runUrl(env),
    datasetPath: dataset?.path,
    notes: args.notes,
    failPolicy: inputs.failPolicy,
  });
  const reportPath = path.join(outDir, 'report.json');
  await writeFile(reportPath, JSON.stringify(reportDocument(result, target), null, 2) + '\n');

  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderSummary(report)).write();

  let commentUrl = '';
  const wantsComment =
    target.kind === 'pull_request' &&
    inputs.comment !== 'off' &&
    (inputs.comment === 'always' ||
      result.verdict !== 'skipped' ||
      result.untestedPromptChanges.length > 0 ||
      result.suites.some((s) => s.skippedReason));
  if (wantsComment && target.kind === 'pull_request') {
    commentUrl = await postComment(args, key, report);
  } else if (target.kind === 'pull_request' && inputs.comment === 'on-change') {
    logger.info('no suite is affected by this pull request: no comment written');
  }

  core.setOutput('verdict', result.verdict);
  core.setOutput('gate', overallGate(result));
  core.setOutput('base-pass-rate', rate(result.basePassRate));
  core.setOutput('head-pass-rate', rate(result.headPassRate));
  core.setOutput('regressions', String(result.regressions));
  core.setOutput('report-path', reportPath);
  core.setOutput('dataset-path', dataset?.path ?? '');
  core.setOutput('comment-url', commentUrl);
  core.setOutput('calls', String(result.calls.made));
  core.setOutput('cached-calls', String(result.calls.cached));

  const policy = inputs.failPolicy;
  if (reviewBlocks(result, policy)) {
    core.setFailed(
      `promptgate: ${result.verdict} (fail-on: ${failOnWords(policy)}). See the pull request comment or the job summary.`,
    );
  }
}

/** Worst first: the output names the gate of the suite that needs the most work. */
const GATE_SEVERITY: readonly GateDecision[] = ['fix-prompt', 'fine-tune', 'ship'];

function overallGate(result: ReviewResult): GateDecision | '' {
  const gates = new Set(result.suites.flatMap((s) => (s.gate ? [s.gate] : [])));
  return GATE_SEVERITY.find((g) => gates.has(g)) ?? '';
}

async function postComment(
  args: PublishArgs,
  key: string,
  report: Parameters<typeof renderComment>[0],
): Promise<string> {
  const { client, target, logger } = args;
  if (target.kind !== 'pull_request') return '';
  const ref = { owner: target.owner, repo: target.repo };
  try {
    // An older run must never overwrite a newer result: only the run for the PR's current head writes.
    const pr = await getPullRequest(client, { ...ref, pull_number: target.number });
    if (pr.headSha !== target.head) {
      logger.warn(
        `the pull request's head moved on (${pr.headSha.slice(0, 7)}) since this run's ${target.head.slice(0, 7)}: the comment is left to the newer run`,
      );
      return '';
    }
    const posted = await upsertStickyComment(client, {
      ...ref,
      issue_number: target.number,
      key,
      body: renderComment(report),
      shrink: (_body, limit) => renderComment(report, { maxChars: Math.min(limit, COMMENT_MAX_CHARS) - 2_000 }),
    });
    logger.info(`comment ${posted.action}: ${posted.url}`);
    return posted.url;
  } catch (err) {
    if (err instanceof GitHubPermissionError) {
      logger.warn(`${err.message} The results are in the job summary and the outputs.`);
      return '';
    }
    throw new Error(`could not write the pull request comment: ${messageOf(err)}`, { cause: err });
  }
}
