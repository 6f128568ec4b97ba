// The CLI's one entry: parse, dispatch, map errors to exit codes (0 ran, 1 something to fix, 2 a bug of ours).
// Never calls process.exit itself.
import path from 'node:path';
import { ConfigError, UsageError, UserError, messageOf } from '../errors.js';
import { UnknownProviderError } from '../providers/index.js';
import { VERSION } from '../version.js';
import { parseCommand, USAGE } from './args.js';
import { runEvalCommand } from './eval.js';
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
      // The other commands load what they need when they run, so `eval` starts without them.
      case 'compare':
        return await (await import('./compare.js')).runCompareCommand(cmd, io);
      case 'merge':
        return await (await import('./compare.js')).runMergeCommand(cmd, io);
      case 'schema': {
        const { schemaFileText, writeSchemaFile } = await import('../schema/schema.js');
        if (cmd.output) await writeSchemaFile(path.resolve(io.cwd, cmd.output));
        else io.stdout(schemaFileText());
        return 0;
      }
      case 'init':
        await (
          await import('../init/index.js')
        ).runInit({ cwd: io.cwd, force: cmd.force, log: (line) => io.stdout(line) });
        return 0;
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`promptgate: ${err.message}`);
      return 1;
    }
    if (err instanceof ConfigError || err instanceof UnknownProviderError) {
      io.stderr(`promptgate: config error: ${err.message}`);
      return 1;
    }
    // Things the user can fix (a ref, a shard set, a key): exit 1 with the message. Anything else is
    // promptgate's own failure: exit 2.
    if (err instanceof UserError) {
      io.stderr(`promptgate: ${messageOf(err)}`);
      return 1;
    }
    io.stderr(`promptgate: ${messageOf(err)}`);
    return 2;
  }
}
