// When the runner stops the job (cancel, timeout: SIGTERM), the job summary still says what finished.
// Counts only: no case text, so nothing unredacted can reach the summary.
import { appendFileSync } from 'node:fs';
import type { CaseResult } from '../types.js';

interface Tally {
  passed: number;
  failed: number;
  errors: number;
}

export class FinishedCases {
  private readonly tallies = new Map<string, Tally>();

  record(result: CaseResult, where: { config: string; side: 'base' | 'head' }): void {
    const key = `${where.config}\u0000${where.side}`;
    const tally = this.tallies.get(key) ?? { passed: 0, failed: 0, errors: 0 };
    if (result.error !== undefined) tally.errors++;
    else if (result.pass) tally.passed++;
    else tally.failed++;
    this.tallies.set(key, tally);
  }

  /** The job summary of an interrupted run. */
  summary(signal: string): string {
    const rows = [...this.tallies].map(([key, t]) => {
      const [config, side] = key.split('\u0000');
      return `| ${config} | ${side} | ${t.passed + t.failed + t.errors} | ${t.passed} | ${t.failed} | ${t.errors} |`;
    });
    const total = [...this.tallies.values()].reduce((n, t) => n + t.passed + t.failed + t.errors, 0);
    return [
      `## ⏹️ promptgate was interrupted (${signal})`,
      '',
      `The runner stopped the job before a verdict was reached. ${total} cases had finished:`,
      '',
      ...(rows.length
        ? ['| Config | Side | Finished | Passed | Failed | Errors |', '|---|---|--:|--:|--:|--:|', ...rows]
        : ['_(none)_']),
      '',
      'No comment was written and no verdict is given: re-run the job to review the pull request.',
      '',
    ].join('\n');
  }
}

/** On SIGTERM/SIGINT: append what finished to the job summary, then end the process as failed. */
export function reportOnInterrupt(finished: FinishedCases, summaryFile: string | undefined): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (summaryFile) {
        try {
          appendFileSync(summaryFile, finished.summary(signal));
        } catch {
          // The summary is a courtesy; the exit code below still says the run did not finish.
        }
      }
      process.stdout.write(`::error::promptgate was interrupted (${signal}) before a verdict was reached\n`);
      process.exit(1);
    });
  }
}
