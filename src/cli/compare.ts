// `promptgate compare` and `promptgate merge`: the pull request review, run locally. Prints the comment the
// action would post — the way to review a prompt change before pushing it.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { requireDefaultConfig } from '../config/load.js';
import { mergeBase } from '../git/changes.js';
import { gitText } from '../git/exec.js';
import { materializeRevision } from '../git/materialize.js';
import { assertSafeRef } from '../git/refs.js';
import { estimate, review, reviewMerged, reviewShard, type ReviewInput, type ReviewResult } from '../pipeline.js';
import { excessSentence, spendPlanText } from '../report/spend-plan.js';
import { renderComment } from '../report/markdown.js';
import { renderText } from '../report/text.js';
import { buildReportInput, commentKey, reportDocument } from '../review/outputs.js';
import { collectPromptDiffs, gitSources, type ReviewSources } from '../review/sources.js';
import { configHash, readShardFile, writeShardFile } from '../shard/shard-file.js';
import { parseShard } from '../shard/shard.js';
import type { BudgetFlags, CompareCommand, MergeCommand, OutputFormat } from './args.js';
import { budgetOption } from '../engine/budget.js';
import type { CliIo } from './io.js';

interface LocalReview {
  input: ReviewInput;
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
  const configPaths = configs.map((c) => path.relative(repoDir, c).split(path.sep).join('/'));
  const cwdInRepo = path.relative(repoDir, io.cwd).split(path.sep).join('/');
  const headDir = head ? await mkdtemp(path.join(os.tmpdir(), 'promptgate-head-')) : undefined;
  const cleanup = async () => {
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
        cacheDir: cmd.cache ? path.join(io.cwd, '.promptgate', 'cache') : undefined,
        env: io.env,
        logger: io.logger,
        onProgress: io.isTTY ? io.progress : undefined,
        ...(cmd.budget ? budgetOption(cmd.budget) : {}),
        onPlan: (planned) => io.logger.info(spendPlanText(planned)),
      },
    };
    return { input, sources, configPaths, cleanup };
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
    if (cmd.estimate) {
      const { plan, excess } = await estimate(local.input);
      io.stdout(spendPlanText({ plan }));
      if (excess) io.stdout(excessSentence(excess));
      return 0;
    }
    if (shard) {
      const { sides, calls } = await reviewShard(local.input, shard);
      const configs = await Promise.all(
        local.configPaths.map(async (p) => ({
          path: p,
          hash: configHash(await readFile(path.join(local.input.repoDir, p), 'utf8')),
        })),
      );
      const file = path.resolve(io.cwd, cmd.output ?? `promptgate-shard-${shard.index}-of-${shard.total}.json`);
      await writeShardFile(file, { version: 1, kind: 'promptgate-shard', shard, ...target, configs, sides });
      io.stdout(`shard ${shard.index}/${shard.total}: ${calls.made} calls made, ${calls.cached} from cache → ${file}`);
      return 0;
    }
    const result = await review(local.input);
    await printReport(result, local, target, cmd.format, cmd.output, io);
    return 0;
  } finally {
    await local.cleanup();
  }
}

export async function runMergeCommand(cmd: MergeCommand, io: CliIo): Promise<number> {
  const files = await Promise.all(cmd.files.map((f) => readShardFile(path.resolve(io.cwd, f))));
  const { base, head } = files[0]!.data;
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
