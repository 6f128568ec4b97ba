// Progress of a long run, for people watching a terminal or a CI log: done/total, pass/fail/error so far,
// elapsed time and an estimate of what is left. On a TTY one line redrawn at most ten times a second; in a log
// (every CI runner, the action) a line now and then — at each tenth of the run, at most every 2 s, and at least
// every 30 s while it runs — so a 10,000-case run neither floods the log nor looks hung. Pure: the clock and
// the writer are passed in.
import type { CaseResult } from '../types.js';

export interface ProgressOptions {
  /** One redrawn line (TTY) or separate lines (a log). */
  tty: boolean;
  write(text: string): void;
  now?: () => number;
  /** What is being run, e.g. "head" for one side of a review. */
  label?: string;
}

export interface Progress {
  /** Counts a finished case (pass, fail or error). */
  onResult(result: CaseResult): void;
  /** The runner's done/total. */
  onProgress(done: number, total: number): void;
  /** The last line (a TTY's line is ended). */
  finish(): void;
}

const TTY_REDRAW_MS = 100;
const LOG_MIN_MS = 2_000;
const LOG_MAX_MS = 30_000;

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${(ms / 1000).toFixed(s < 10 ? 1 : 0)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

export function createProgress(options: ProgressOptions): Progress {
  const now = options.now ?? Date.now;
  const started = now();
  const tally = { passed: 0, failed: 0, errors: 0 };
  let done = 0;
  let total = 0;
  let lastAt = started;
  // (A TTY's line appears after the first 100 ms: an instant run draws nothing.)
  let lastTenth = 0;
  let drawn = false;

  const line = () => {
    const elapsed = now() - started;
    const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
    const eta = done > 0 && done < total ? ` · ETA ${formatDuration((elapsed / done) * (total - done))}` : '';
    const label = options.label ? `${options.label}: ` : '';
    return (
      `${label}${done}/${total} cases (${pct}%) · ${tally.passed} passed, ${tally.failed} failed, ${tally.errors} errors` +
      ` · ${formatDuration(elapsed)}${eta}`
    );
  };
  const emit = () => {
    lastAt = now();
    drawn = true;
    options.write(options.tty ? `\r${line()}\x1b[K` : `${line()}\n`);
  };

  return {
    onResult(result) {
      if (result.error !== undefined) tally.errors++;
      else if (result.pass) tally.passed++;
      else tally.failed++;
    },
    onProgress(d, t) {
      done = d;
      total = t;
      if (d >= t) return; // finish() draws the last line
      if (options.tty && !drawn && now() - started < TTY_REDRAW_MS) return;
      const since = now() - lastAt;
      if (options.tty) {
        if (since >= TTY_REDRAW_MS) emit();
        return;
      }
      const tenth = t === 0 ? 10 : Math.floor((d / t) * 10);
      if ((tenth > lastTenth && since >= LOG_MIN_MS) || since >= LOG_MAX_MS) {
        lastTenth = tenth;
        emit();
      }
    },
    finish() {
      // A run too short for any line needs none at the end either: the summary follows.
      if (!drawn) return;
      emit();
      if (options.tty) options.write('\n');
    },
  };
}

/**
 * Progress over runs that follow one another (a review evaluates each suite's head, then its base): a new
 * line of counts starts when the results start coming from another suite or side. Results arrive before
 * their progress tick.
 */
export function createReviewProgress(options: ProgressOptions): {
  onResult(result: CaseResult, where: { config: string; side: string }): void;
  onProgress(done: number, total: number): void;
  finish(): void;
} {
  let current: Progress | undefined;
  let key = '';
  return {
    onResult(result, where) {
      const next = `${where.config} ${where.side}`;
      if (next !== key) {
        current?.finish();
        key = next;
        current = createProgress({ ...options, label: `${where.config} (${where.side})` });
      }
      current!.onResult(result);
    },
    onProgress: (done, total) => current?.onProgress(done, total),
    finish: () => current?.finish(),
  };
}
