// `promptgate eval`: load a suite, check its keys, run it with progress, print a table and a summary, write the
// results (-o .json/.csv/.html), and gate on a pass-rate threshold (--fail-under, PROMPTFOO_PASS_RATE_THRESHOLD).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MissingCredentialsError, UsageError } from '../errors.js';
import { loadSuite, requireDefaultConfig } from '../config/load.js';
import { countCalls, evaluateLoadedSuite } from '../evaluate.js';
import { CACHE_DIR } from '../paths.js';
import { budgetOption } from '../engine/budget.js';
import { spendPlanText } from '../report/spend-plan.js';
import { createProgress } from '../engine/progress.js';
import { summarizeStats } from '../engine/stats.js';
import { requiredCredentials } from '../providers/index.js';
import { evalOutputFormat, renderEvalOutput } from '../report/eval-export.js';
import { formatEvalTable, formatSummaryLine } from '../report/eval-table.js';
import type { CaseResult, EvalResults, Suite } from '../types.js';
import { EXIT_CHECK_FAILED, EXIT_INTERRUPTED, type EvalCommand } from './args.js';
import type { CliIo } from './io.js';

/** Every key the suite's providers lack, found before any call, with the fix for a local shell. */
function assertCredentials(suite: Suite, configPath: string, io: CliIo): void {
  const missing = suite.providers.flatMap((p) =>
    requiredCredentials(p, io.env).map((name) => ({ provider: p.label ?? p.id, name })),
  );
  if (missing.length === 0) return;
  const names = [...new Set(missing.map((m) => m.name))];
  throw new MissingCredentialsError(
    `${path.relative(io.cwd, configPath) || configPath}: no credentials for ` +
      missing.map((m) => `provider ${m.provider} (${m.name} is not set)`).join(', ') +
      `. In this shell: ${names.map((n) => `export ${n}=<your key>`).join('; ')} — then run promptgate eval again.` +
      ' Nothing was called.',
  );
}

/** `--fail-under`, else promptfoo's PROMPTFOO_PASS_RATE_THRESHOLD (a percentage). */
function passRateThreshold(cmd: EvalCommand, env: NodeJS.ProcessEnv): { rate: number; from: string } | undefined {
  if (cmd.failUnder !== undefined) return { rate: cmd.failUnder, from: '--fail-under' };
  const raw = env.PROMPTFOO_PASS_RATE_THRESHOLD;
  if (raw === undefined || raw.trim() === '') return undefined;
  const pct = Number(raw);
  if (!Number.isFinite(pct) || pct < 0 || pct > 100) {
    throw new UsageError(`PROMPTFOO_PASS_RATE_THRESHOLD expects a percentage between 0 and 100, got "${raw}"`);
  }
  return { rate: pct / 100, from: 'PROMPTFOO_PASS_RATE_THRESHOLD' };
}

const percent = (x: number) => `${(x * 100).toFixed(1).replace(/\.0$/, '')}%`;

export async function runEvalCommand(cmd: EvalCommand, io: CliIo): Promise<number> {
  const configPath = cmd.config
    ? path.resolve(io.cwd, cmd.config)
    : requireDefaultConfig(io.cwd, io.cwd, 'pass -c FILE');
  const threshold = passRateThreshold(cmd, io.env);
  const suite = await loadSuite(configPath, {
    overrides: { repeat: cmd.repeat, maxConcurrency: cmd.maxConcurrency },
  });
  assertCredentials(suite, configPath, io);

  const progress = createProgress({ tty: io.isTTY, write: (text) => io.progress?.(text) });
  const finished: CaseResult[] = [];
  const controller = new AbortController();
  const stopListening = io.onInterrupt?.(() => controller.abort(new Error('interrupted (Ctrl-C)')));
  let results: EvalResults;
  let interruptedOf: number | undefined;
  let total = 0;
  try {
    ({ results } = await evaluateLoadedSuite(suite, {
      cacheDir: cmd.cache ? path.join(io.cwd, CACHE_DIR) : undefined,
      env: io.env,
      logger: io.logger,
      signal: controller.signal,
      onProgress: (done, all) => {
        total = all;
        progress.onProgress(done, all);
      },
      onResult: (result) => {
        finished.push(result);
        progress.onResult(result);
      },
      ...budgetOption(cmd.budget),
      onPlan: (planned) => io.stdout(spendPlanText(planned)),
    }));
  } catch (err) {
    if (!controller.signal.aborted) throw err;
    // Ctrl-C: what finished is still a result, shown and written as any other.
    interruptedOf = total;
    results = {
      version: 1,
      suite: suite.description ?? path.basename(suite.configPath),
      stats: summarizeStats(finished),
      results: finished,
    };
  } finally {
    stopListening?.();
  }
  progress.finish();
  const calls = countCalls(results);
  io.stdout(
    formatEvalTable(results, {
      color: io.color ?? false,
      width: io.columns,
      maxRows: io.isTTY ? 60 : undefined,
      seeAll: cmd.output
        ? `all of them are in ${cmd.output}`
        : 'see all: promptgate eval -o results.csv (or .html, .json)',
    }),
  );
  io.stdout(formatSummaryLine(results, calls));
  if (cmd.output) {
    const out = path.resolve(io.cwd, cmd.output);
    await writeFile(out, renderEvalOutput(evalOutputFormat(out) ?? '.json', results, calls));
    io.stdout(`results written to ${path.relative(io.cwd, out) || out}`);
  }
  if (interruptedOf !== undefined) {
    io.stderr(
      `promptgate: interrupted: ${results.results.length} of ${interruptedOf} cases had finished; they are shown above${cmd.output ? ' and written' : ''}.`,
    );
    return EXIT_INTERRUPTED;
  }
  if (threshold) {
    const { passed, failed, errors } = results.stats;
    const rate = passed + failed > 0 ? passed / (passed + failed) : undefined;
    if (rate === undefined || rate < threshold.rate) {
      const errorNote = errors > 0 ? `; ${errors} errors are not counted as outcomes` : '';
      io.stderr(
        `promptgate: pass rate ${rate === undefined ? 'unknown (no case passed or failed)' : percent(rate)} (${passed} of ${passed + failed}${errorNote}) is below ${threshold.from} ${percent(threshold.rate)}`,
      );
      return EXIT_CHECK_FAILED;
    }
  }
  return 0;
}
