// What the CLI needs from the process, passed in so commands can be tested without one.
import type { Logger } from '../types.js';

export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  columns?: number;
  stdout(text: string): void;
  stderr(text: string): void;
  logger: Logger;
  /** Redraws a one-line progress indicator (TTY only); `final` ends the line. */
  progress(done: number, total: number, final?: boolean): void;
}

export function processIo(): CliIo {
  const isTTY = Boolean(process.stdout.isTTY);
  let lastDraw = 0;
  return {
    cwd: process.cwd(),
    env: process.env,
    isTTY,
    columns: process.stdout.columns,
    stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
    logger: {
      debug: (m) => {
        if (process.env.PROMPTGATE_DEBUG) process.stderr.write(`debug: ${m}\n`);
      },
      info: (m) => process.stderr.write(`${m}\n`),
      warn: (m) => process.stderr.write(`warning: ${m}\n`),
    },
    progress(done, total, final) {
      if (!isTTY) return;
      const now = Date.now();
      // Redraw at most ten times a second: a 10,000-case run must not spend its time on the terminal.
      if (!final && now - lastDraw < 100) return;
      lastDraw = now;
      const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
      process.stderr.write(`\r${done}/${total} cases (${pct}%)${final ? '\n' : ''}`);
    },
  };
}
