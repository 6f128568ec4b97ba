// The CLI's one entry: parse, dispatch, map errors to exit codes. Never calls process.exit itself.
import { ConfigError, UsageError, messageOf } from '../errors.js';
import { VERSION } from '../version.js';
import { parseCommand, USAGE } from './args.js';
import { runEvalCommand } from './eval.js';
import { runCompareCommand } from './compare.js';
import type { CliIo } from './io.js';

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const cmd = parseCommand(argv);
    switch (cmd.kind) {
      case 'help':
        io.stdout(USAGE);
        return 0;
      case 'version':
        io.stdout(VERSION);
        return 0;
      case 'eval':
        return await runEvalCommand(cmd, io);
      case 'compare':
        return await runCompareCommand(cmd, io);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`promptgate: ${err.message}`);
      return 1;
    }
    if (err instanceof ConfigError) {
      io.stderr(`promptgate: config error: ${err.message}`);
      return 1;
    }
    io.stderr(`promptgate: ${messageOf(err)}`);
    return 2;
  }
}
