// What the CLI needs from the process, passed in so commands can be tested without one.
import type { Logger } from '../types.js';

export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** stdout is a terminal: the table is cut to fit, progress is one redrawn line. */
  isTTY: boolean;
  /** ANSI colour: FORCE_COLOR, else NO_COLOR, else a TTY decides. */
  color?: boolean;
  columns?: number;
  stdout(text: string): void;
  stderr(text: string): void;
  logger: Logger;
  /** Writes progress as given (a TTY line starts with \r; a log line ends with \n). Default: nowhere. */
  progress?(text: string): void;
  /** Calls handler on Ctrl-C (SIGINT) until the returned function is called. */
  onInterrupt?(handler: () => void): () => void;
}

/**
 * Colour, as the conventions say (no-color.org, force-color.org): FORCE_COLOR (other than 0/false) turns it
 * on, NO_COLOR (non-empty) turns it off, else it follows whether the output is a terminal.
 */
export function colorEnabled(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}

export function processIo(): CliIo {
  const isTTY = Boolean(process.stdout.isTTY);
  return {
    cwd: process.cwd(),
    env: process.env,
    isTTY,
    color: colorEnabled(process.env, isTTY),
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
    progress: (text) => process.stderr.write(text),
    onInterrupt(handler) {
      let presses = 0;
      // The first Ctrl-C stops new calls and lets the command write what finished; a second one quits now.
      const listener = () => {
        presses++;
        if (presses > 1) process.exit(130);
        process.stderr.write(
          '\ninterrupted: finishing the calls in flight and writing what finished (Ctrl-C again to quit now)\n',
        );
        handler();
      };
      process.on('SIGINT', listener);
      return () => process.off('SIGINT', listener);
    },
  };
}
