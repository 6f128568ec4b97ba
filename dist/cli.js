#!/usr/bin/env node
import { V as VERSION } from './cli-version.js';

// CLI entry (bin "promptgate"). `--version` answers before the engine is even loaded: the rest of the CLI is
// a separate chunk (dist/cli-main.js), imported only when there is work to do.
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    process.stdout.write(`${VERSION}\n`);
}
else {
    const { main } = await import('./cli-main.js').then(function (n) { return n.b4; });
    process.exitCode = await main(argv);
}
