// The GitHub Action: reads inputs and the event, runs the review, publishes. The only file that knows @actions/*.
import * as core from '@actions/core';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readTarget, UNTRUSTED_EVENTS, type ReviewTarget } from './action/event.js';
import { parseInputs, type ActionInputs } from './action/inputs.js';
import { publishReview } from './action/publish.js';
import { FinishedCases, reportOnInterrupt } from './action/interrupt.js';
import { actionSources } from './action/sources.js';
import { pruneOutputCache, restoreOutputCache, saveOutputCache } from './cache/actions-cache.js';
import { requireDefaultConfig } from './config/load.js';
import { posixRelative } from './paths.js';
import { budgetOption } from './engine/budget.js';
import { createReviewProgress } from './engine/progress.js';
import { changedFiles, hasCommit, revParse } from './git/changes.js';
import { messageOf, UsageError } from './errors.js';
import { gitText } from './git/exec.js';
import { createGitHubClient, type GitHubClient } from './github/client.js';
import { review, reviewMerged, reviewShard, type ReviewInput, type ReviewResult } from './pipeline.js';
import { collectPromptDiffs, type ReviewSources } from './review/sources.js';
import { spendPlanMarkdown, spendPlanText } from './report/spend-plan.js';
import { readShardFile, shardFileName, writeReviewShard } from './shard/shard-file.js';
import { parseShard } from './shard/shard.js';
import { secretEnvValues } from './providers/secrets.js';
import type { Logger } from './types.js';

const logger: Logger = {
  debug: (m) => core.debug(m),
  info: (m) => core.info(m),
  warn: (m) => core.warning(m),
};

export async function run(): Promise<void> {
  try {
    const inputs = parseInputs((name) => core.getInput(name));
    const env = process.env;
    const finished = new FinishedCases();
    reportOnInterrupt(finished, env.GITHUB_STEP_SUMMARY);
    core.setSecret(inputs.token);
    // Provider keys come from the environment: mask them in the log before anything can print one.
    for (const value of secretEnvValues(env)) core.setSecret(value);
    const eventPath = env.GITHUB_EVENT_PATH;
    const payload = eventPath ? JSON.parse(await readFile(eventPath, 'utf8')) : {};
    const target = readTarget({
      eventName: env.GITHUB_EVENT_NAME ?? '',
      payload,
      repository: env.GITHUB_REPOSITORY ?? '',
      sha: env.GITHUB_SHA ?? '',
      baseInput: inputs.base,
    });
    const repoDir = path.resolve(env.GITHUB_WORKSPACE ?? process.cwd());
    const workDir = path.resolve(repoDir, inputs.workingDirectory);
    const configPaths = configsToReview(inputs, repoDir, workDir);
    const client = createGitHubClient({ token: inputs.token, baseUrl: env.GITHUB_API_URL, logger });
    const sources = await actionSources({ repoDir, target, client, logger });
    // Outside the checkout: a `.promptgate/cache` committed to the repository must not answer any call. Only the
    // Actions cache fills this directory.
    const cacheDir = path.join(env.RUNNER_TEMP ?? os.tmpdir(), 'promptgate', 'output-cache');
    // A job log is not a terminal: progress comes as a line now and then, so a long run never looks hung.
    const progress = createReviewProgress({ tty: false, write: (text) => core.info(text.trimEnd()) });
    const trust = UNTRUSTED_EVENTS.has(target.event) && !inputs.allowUntrustedCode ? 'untrusted' : 'trusted';
    const workspaceIsBase = target.base !== target.head && (await checkedOutAt(repoDir, target.base));
    if (workspaceIsBase && trust === 'trusted') {
      // A trusted review reads the head's suite and prompts from the workspace: here that is the base.
      logger.warn(
        'the workspace is checked out at the base commit, so the head would be compared with itself: check out the pull request head (actions/checkout `ref:`), or drop allow-untrusted-code so only its prompt text is read',
      );
    }
    const reviewInput: ReviewInput = {
      repoDir,
      configPaths,
      promptGlobs: inputs.promptGlobs.map((g) => path.posix.join(inputs.workingDirectory, g)),
      changes: sources.changes,
      changesIncomplete: sources.changesIncomplete,
      materializeBase: sources.materializeBase,
      materializeHead: sources.materializeHead,
      baseTree: workspaceIsBase ? repoDir : undefined,
      evaluateUnaffected: inputs.comment === 'always',
      trust,
      missingCredentials: target.kind === 'pull_request' && target.fromFork ? 'skip' : 'fail',
      evaluate: {
        repeat: inputs.repeat,
        maxConcurrency: inputs.maxConcurrency,
        cacheDir: inputs.cache ? cacheDir : undefined,
        env,
        logger,
        secrets: [inputs.token],
        onProgress: progress.onProgress,
        onResult: (result, where) => {
          finished.record(result, where);
          progress.onResult(result, where);
        },
        ...budgetOption(inputs.budget),
        onPlan: async (planned) => {
          logger.info(spendPlanText(planned));
          if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(spendPlanMarkdown(planned)).write();
        },
      },
    };

    if (inputs.mode === 'merge') {
      const files = await findShardFiles(path.resolve(workDir, inputs.shardResults));
      const result = await reviewMerged(reviewInput, await Promise.all(files.map((f) => readShardFile(f))));
      await publish(inputs, target, client, result, sources, configPaths, env);
      return;
    }
    await withPersistentCache(inputs, cacheDir, env, payload, target, async () => {
      if (inputs.shard) {
        await runShard(inputs, target, reviewInput, repoDir, workDir, configPaths);
        return;
      }
      const result = await review(reviewInput);
      await publish(inputs, target, client, result, sources, configPaths, env);
    });
  } catch (err) {
    core.setFailed(messageOf(err));
  }
}

/** Whether the workspace is a clean checkout of `sha` (pull_request_target checks out the base): then it is the base's tree. */
async function checkedOutAt(repoDir: string, sha: string): Promise<boolean> {
  try {
    return (
      (await revParse(repoDir, 'HEAD')) === sha && (await gitText(repoDir, ['status', '--porcelain'])).trim() === ''
    );
  } catch {
    return false;
  }
}

function configsToReview(inputs: ActionInputs, repoDir: string, workDir: string): string[] {
  const configs =
    inputs.configs.length > 0
      ? inputs.configs
      : [requireDefaultConfig(workDir, inputs.workingDirectory, 'set the `config` input')];
  return configs.map((c) => posixRelative(repoDir, path.resolve(workDir, c)));
}

async function publish(
  inputs: ActionInputs,
  target: ReviewTarget,
  client: GitHubClient,
  result: ReviewResult,
  sources: ReviewSources,
  configPaths: string[],
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const diffs = await collectPromptDiffs(result, sources);
  const repoDir = path.resolve(env.GITHUB_WORKSPACE ?? process.cwd());
  await publishReview({
    core,
    client,
    inputs,
    target,
    result,
    diffs,
    configPaths,
    env,
    logger,
    notes: sources.notes,
    // What changed since the head an earlier comment described, when both commits are in the clone.
    changedSince: async (from, to) => {
      if (!(await hasCommit(repoDir, from)) || !(await hasCommit(repoDir, to))) return undefined;
      return (await changedFiles(repoDir, from, to)).map((c) => c.path);
    },
  });
}

/** The output cache lives on between workflow runs in the Actions cache: restored first, saved last. */
async function withPersistentCache(
  inputs: ActionInputs,
  dir: string,
  env: NodeJS.ProcessEnv,
  payload: { repository?: { default_branch?: string } },
  target: ReviewTarget,
  work: () => Promise<void>,
): Promise<void> {
  if (!inputs.cache) return work();
  const location = {
    dir,
    prefix: inputs.workingDirectory.replace(/[^A-Za-z0-9._/-]/g, '_'),
    ref: env.GITHUB_REF ?? 'unknown',
    defaultBranch: payload.repository?.default_branch,
    // pull_request_target and workflow_run run on the base branch's ref: what they save must not become the base
    // branch's cache, which every trusted run restores.
    untrustedScope:
      UNTRUSTED_EVENTS.has(target.event) && target.kind === 'pull_request' ? `pr-${target.number}` : undefined,
    logger,
  };
  // The cache service announces itself in the environment; without it there is nothing to restore or save.
  if (!env.ACTIONS_CACHE_URL && !env.ACTIONS_RESULTS_URL) {
    logger.info('the Actions cache service is not available here; the output cache stays local to this run');
    return work();
  }
  const actionsCache = await import('@actions/cache');
  const restored = await restoreOutputCache(actionsCache, location);
  try {
    await work();
  } finally {
    try {
      const pruned = await pruneOutputCache(dir, inputs.cacheMaxAgeDays);
      if (pruned > 0) logger.info(`pruned ${pruned} cached outputs older than ${inputs.cacheMaxAgeDays} days`);
    } catch (err) {
      logger.warn(`could not prune the output cache: ${messageOf(err)}`);
    }
    await saveOutputCache(actionsCache, { ...location, restored });
  }
}

async function runShard(
  inputs: ActionInputs,
  target: ReviewTarget,
  reviewInput: ReviewInput,
  repoDir: string,
  workDir: string,
  configPaths: string[],
): Promise<void> {
  const shard = parseShard(inputs.shard!);
  const { sides, calls } = await reviewShard(reviewInput, shard);
  const file = path.join(workDir, shardFileName(shard));
  await writeReviewShard(file, { shard, base: target.base, head: target.head, repoDir, configPaths, sides });
  logger.info(`shard ${shard.index}/${shard.total}: ${calls.made} calls made, ${calls.cached} from cache → ${file}`);
  core.setOutput('shard-path', file);
  core.setOutput('calls', String(calls.made));
  core.setOutput('cached-calls', String(calls.cached));
}

/** Every *.json below dir (download-artifact may nest each artifact in a folder of its own). */
async function findShardFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (err) {
    throw new UsageError(
      `mode: merge found no shard files: cannot read ${dir} (${messageOf(err)}). Download the shard artifacts there, or set \`shard-results\`.`,
    );
  }
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort();
  if (files.length === 0) throw new UsageError(`mode: merge found no *.json shard files in ${dir}`);
  return files;
}
