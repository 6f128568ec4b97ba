// `promptgate eval`: load a suite, run it, print a table and a summary, optionally write the results JSON.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { requireDefaultConfig } from '../config/load.js';
import { evaluateConfig } from '../evaluate.js';
import { formatEvalTable, formatSummaryLine } from '../report/eval-table.js';
import { spendPlanText } from '../report/spend-plan.js';
import { budgetOption } from '../engine/budget.js';
import type { EvalCommand } from './args.js';
import type { CliIo } from './io.js';

export async function runEvalCommand(cmd: EvalCommand, io: CliIo): Promise<number> {
  const configPath = cmd.config
    ? path.resolve(io.cwd, cmd.config)
    : requireDefaultConfig(io.cwd, io.cwd, 'pass -c FILE');
  const progress = io.isTTY ? io.progress : undefined;
  const { results, calls } = await evaluateConfig(configPath, {
    repeat: cmd.repeat,
    maxConcurrency: cmd.maxConcurrency,
    cacheDir: cmd.cache ? path.join(io.cwd, '.promptgate', 'cache') : undefined,
    env: io.env,
    logger: io.logger,
    onProgress: progress,
    ...budgetOption(cmd.budget),
    onPlan: (planned) => io.stdout(spendPlanText(planned)),
  });
  progress?.(results.stats.cases, results.stats.cases, true);
  io.stdout(formatEvalTable(results, { color: io.isTTY, width: io.columns, maxRows: io.isTTY ? 60 : undefined }));
  io.stdout(formatSummaryLine(results, calls));
  if (cmd.output) {
    const out = path.resolve(io.cwd, cmd.output);
    await writeFile(out, JSON.stringify(results, null, 2) + '\n');
    io.stdout(`results written to ${path.relative(io.cwd, out) || out}`);
  }
  return 0;
}
