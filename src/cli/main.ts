// Everything the CLI does beyond `--version`, behind one dynamic import (see src/cli.ts).
import { processIo } from './io.js';
import { runCli } from './run.js';

export function main(argv: string[]): Promise<number> {
  return runCli(argv, processIo());
}
