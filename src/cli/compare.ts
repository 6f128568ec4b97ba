// `promptgate compare` and `promptgate merge`: the pull request review, run locally. Prints the comment the
// action would post — the way to review a prompt change before pushing it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { requireDefaultConfig } from '../config/load.js';
import { CACHE_DIR, posixRelative } from '../paths.js';
import { mergeBase } from '../git/changes.js';
import { gitText } from '../git/exec.js';
import { materializeRevision } from '../git/materialize.js';
import { assertSafeRef } from '../git/refs.js';
import { createReviewProgress } from '../engine/progress.js';
import { estimate, review, reviewMerged, reviewShard, type ReviewInput, type ReviewResult } from '../pipeline.js';
import { excessSentence, spendPlanText } from '../report/spend-plan.js';
import { budgetOption } from '../engine/budget.js';
import { renderComment } from '../report/markdown.js';
import { renderText } from '../report/text.js';
import { fineTuneDataset } from '../review/dataset.js';
import { checkFailure } from '../review/fail-on.js';
import { buildReportInput, commentKey, reportDocument } from '../review/outputs.js';
import { collectPromptDiffs, gitSources, type ReviewSources } from '../review/sources.js';
import { readShardFile, shardFileName, writeReviewShard } from '../shard/shard-file.js';
import { parseShard } from '../shard/shard.js';
import {
  EXIT_CHECK_FAILED,
  EXIT_INTERRUPTED,
  type BudgetFlags,
  type CompareCommand,
  type MergeCommand,
  type OutputFormat,
} from './args.js';
import type { CliIo } from './io.js';

interface LocalReview {
  input: ReviewInput;
  /** Ends the progress line of the last side evaluated. */
  finishProgress(): void;
  /** Aborted on Ctrl-C: no new calls start. */
  interrupted: AbortSignal;
  /** Cases finished so far, over every suite and side. */
  finished(): number;
  sources: ReviewSources;
  configPaths: string[];
  cleanup(): Promise<void>;
}

/**
 * Sets a review up in the repository around the working directory. With a head ref the head's files are
 * written to a temp dir, as the base's are: the workspace is never touched.
 */
async function setUpLocalReview(
  cmd: {
    config: string[];
    prompts: string[];
    repeat?: number;
    maxConcurrency?: number;
    cache: boolean;
    budget?: BudgetFlags;
  },
  base: string,
  head: string | undefined,
  io: CliIo,
): Promise<LocalReview> {
  assertSafeRef(base, '--base');
  if (head) assertSafeRef(head, '--head');
  const repoDir = (await gitText(io.cwd, ['rev-parse', '--show-toplevel'])).trim();
  const configs =
    cmd.config.length > 0
      ? cmd.config.map((c) => path.resolve(io.cwd, c))
      : [requireDefaultConfig(io.cwd, io.cwd, 'pass -c FILE')];
  const configPaths = configs.map((c) => posixRelative(repoDir, c));
  const cwdInRepo = posixRelative(repoDir, io.cwd);
  const progress = createReviewProgress({ tty: io.isTTY, write: (text) => io.progress?.(text) });
  const controller = new AbortController();
  let finished = 0;
  const headDir = head ? await mkdtemp(path.join(os.tmpdir(), 'promptgate-head-')) : undefined;
  const stopListening = io.onInterrupt?.(() => controller.abort(new Error('interrupted (Ctrl-C)')));
  const cleanup = async () => {
    stopListening?.();
    if (headDir) await rm(headDir, { recursive: true, force: true });
  };
  try {
    if (head && headDir) await materializeRevision(repoDir, head, 'all', headDir);
    // A local branch may not have merged the base's newer commits: compare with the fork point.
    const sources = await gitSources(repoDir, base, head, await mergeBase(repoDir, base, head ?? 'HEAD'));
    const input: ReviewInput = {
      repoDir: headDir ?? repoDir,
      configPaths,
      promptGlobs: cmd.prompts.map((g) => path.posix.join(cwdInRepo, g)),
      changes: sources.changes,
      materializeBase: sources.materializeBase,
      materializeHead: sources.materializeHead,
      evaluate: {
        repeat: cmd.repeat,
        maxConcurrency: cmd.maxConcurrency,
        cacheDir: cmd.cache ? path.join(io.cwd, CACHE_DIR) : undefined,
        env: io.env,
        logger: io.logger,
        signal: controller.signal,
        onProgress: progress.onProgress,
        onResult: (result, where) => {
          finished++;
          progress.onResult(result, where);
        },
        ...(cmd.budget ? budgetOption(cmd.budget) : {}),
        onPlan: (planned) => io.logger.info(spendPlanText(planned)),
      },
    };
    return {
      input,
      sources,
      configPaths,
      cleanup,
      finishProgress: progress.finish,
      interrupted: controller.signal,
      finished: () => finished,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

async function printReport(
  result: ReviewResult,
  local: LocalReview,
  target: { base: string; head: string },
  format: OutputFormat,
  output: string | undefined,
  io: CliIo,
): Promise<void> {
  const diffs = await collectPromptDiffs(result, local.sources);
  const report = buildReportInput({
    result,
    key: commentKey(local.configPaths),
    diffs,
    baseSha: target.base,
    headSha: target.head,
    notes: local.sources.notes,
  });
  const document = reportDocument(result, target);
  if (format === 'json') io.stdout(JSON.stringify(document, null, 2));
  else if (format === 'text') io.stdout(renderText(report));
  else io.stdout(renderComment(report));
  if (output) await writeFile(path.resolve(io.cwd, output), JSON.stringify(document, null, 2) + '\n');
}

export async function runCompareCommand(cmd: CompareCommand, io: CliIo): Promise<number> {
  const shard = cmd.shard ? parseShard(cmd.shard) : undefined;
  const local = await setUpLocalReview(cmd, cmd.base, cmd.head, io);
  try {
    const target = { base: cmd.base, head: cmd.head ?? 'working tree' };
    if (shard) {
      const { sides, calls } = await reviewShard(local.input, shard);
      const file = path.resolve(io.cwd, cmd.output ?? shardFileName(shard));
      const { repoDir } = local.input;
      await writeReviewShard(file, { shard, ...target, repoDir, configPaths: local.configPaths, sides });
      io.stdout(`shard ${shard.index}/${shard.total}: ${calls.made} calls made, ${calls.cached} from cache → ${file}`);
      return 0;
    }
    if (cmd.estimate) {
      const { plan, excess } = await estimate(local.input);
      io.stdout(spendPlanText({ plan }));
      if (excess) io.stdout(excessSentence(excess));
      return 0;
    }
    let result: ReviewResult;
    try {
      result = await review(local.input);
    } catch (err) {
      if (!local.interrupted.aborted) throw err;
      local.finishProgress();
      // A comparison needs both sides of every case: a partial run has no verdict to print.
      io.stderr(
        `promptgate: interrupted before a verdict: ${local.finished()} cases had finished (kept in the output cache, so a re-run does not ask for them again${cmd.cache ? '' : ' — but --no-cache was given'}).`,
      );
      return EXIT_INTERRUPTED;
    }
    local.finishProgress();
    await printReport(result, local, target, cmd.format, cmd.output, io);
    if (cmd.dataset) {
      const dataset = fineTuneDataset(result);
      const file = path.resolve(io.cwd, cmd.dataset);
      await writeFile(file, dataset?.jsonl ?? '');
      io.stderr(
        dataset
          ? `dataset: ${dataset.count} failing cases → ${path.relative(io.cwd, file) || file}`
          : `dataset: no suite's gate says consider fine-tuning, so ${path.relative(io.cwd, file) || file} is empty`,
      );
    }
    const failure = cmd.failOn && checkFailure(result, cmd.failOn);
    if (failure) {
      io.stderr(`promptgate: the check fails: ${failure}`);
      return EXIT_CHECK_FAILED;
    }
    return 0;
  } finally {
    await local.cleanup();
  }
}

export async function runMergeCommand(cmd: MergeCommand, io: CliIo): Promise<number> {
  const files = await Promise.all(cmd.files.map((f) => readShardFile(path.resolve(io.cwd, f))));
  const { base, head } = files[0].data;
  // Shards of a working-tree comparison compare against the working tree here too.
  const headRef = head === 'working tree' ? undefined : head;
  const local = await setUpLocalReview({ ...cmd, cache: false }, base, headRef, io);
  try {
    const result = await reviewMerged(local.input, files);
    await printReport(result, local, { base, head }, cmd.format, cmd.output, io);
    return 0;
  } finally {
    await local.cleanup();
  }
}
