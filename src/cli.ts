// CLI entry (bin "promptgate"): runs the command and exits with its code.
import { processIo } from './cli/io.js';
import { runCli } from './cli/run.js';

process.exitCode = await runCli(process.argv.slice(2), processIo());
