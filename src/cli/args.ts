// Parses the CLI's argv into one typed command object. Pure: no I/O, no process.exit.
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';

export type OutputFormat = 'markdown' | 'text' | 'json';

export interface EvalCommand {
  kind: 'eval';
  config?: string;
  output?: string;
  repeat?: number;
  maxConcurrency?: number;
  cache: boolean;
}

export interface CompareCommand {
  kind: 'compare';
  config: string[];
  base: string;
  /** A ref to compare against; absent means the working tree. */
  head?: string;
  format: OutputFormat;
  output?: string;
  repeat?: number;
  maxConcurrency?: number;
  cache: boolean;
  prompts: string[];
}

export type Command = EvalCommand | CompareCommand | { kind: 'help'; topic?: string } | { kind: 'version' };

export const USAGE = `promptgate — review prompt changes like code

Usage:
  promptgate eval [-c FILE] [-o results.json] [--repeat N] [--max-concurrency N] [--no-cache]
  promptgate compare --base REF [--head REF | --worktree] [-c FILE]... [--format markdown|text|json]
                     [-o report.json] [--repeat N] [--max-concurrency N] [--no-cache]
  promptgate --help | --version

Commands:
  eval      Evaluate a suite (promptgate.yaml, else promptfooconfig.yaml) and print a table and a summary.
            Exits 0 when the suite ran, whatever its pass rate; 1 on a config or usage error.
  compare   Evaluate the suite's prompts as they are at --base and at --head (default: the working tree),
            compare them per case and print the comment the GitHub Action would post.

Options:
  -c, --config FILE        Suite config (repeatable for compare).
  -o, --output FILE        Write the results (eval) or the report (compare) as JSON.
      --repeat N           Run every case N times (overrides evaluateOptions.repeat).
      --max-concurrency N  Provider calls in flight at once (overrides evaluateOptions.maxConcurrency).
      --no-cache           Do not read or write the output cache (.promptgate/cache).
      --base REF           Base revision for compare (branch, tag or SHA).
      --head REF           Head revision for compare; omit (or --worktree) to use the working tree.
      --prompts GLOB       Extra prompt globs whose changes are reported when no suite tests them.
      --format F           compare output: markdown (default), text or json.
  -h, --help               Show this help.
  -v, --version            Show the version.
`;

function positiveInt(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(raw)) throw new UsageError(`--${name} expects a whole number >= 1, got "${raw}"`);
  return Number(raw);
}

export function parseCommand(argv: string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') return { kind: 'help' };
  if (first === '-v' || first === '--version') return { kind: 'version' };
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: false,
      strict: true,
      options: {
        config: { type: 'string', short: 'c', multiple: true },
        output: { type: 'string', short: 'o' },
        repeat: { type: 'string' },
        'max-concurrency': { type: 'string' },
        'no-cache': { type: 'boolean', default: false },
        base: { type: 'string' },
        head: { type: 'string' },
        worktree: { type: 'boolean', default: false },
        format: { type: 'string' },
        prompts: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}. Run "promptgate --help" for the options.`);
  }
  const v = parsed.values;
  if (v.help) return { kind: 'help', topic: first };
  const common = {
    repeat: positiveInt('repeat', v.repeat),
    maxConcurrency: positiveInt('max-concurrency', v['max-concurrency']),
    cache: !v['no-cache'],
    output: v.output,
  };
  switch (first) {
    case 'eval': {
      if ((v.config?.length ?? 0) > 1) throw new UsageError('eval takes one -c FILE; use compare for several suites');
      for (const k of ['base', 'head', 'format', 'prompts'] as const) {
        if (v[k] !== undefined) throw new UsageError(`--${k} belongs to "promptgate compare", not eval`);
      }
      return { kind: 'eval', config: v.config?.[0], ...common };
    }
    case 'compare': {
      if (!v.base) throw new UsageError('compare needs --base REF (the revision to compare against), e.g. --base main');
      if (v.head && v.worktree) throw new UsageError('use either --head REF or --worktree, not both');
      const format = v.format ?? 'markdown';
      if (format !== 'markdown' && format !== 'text' && format !== 'json') {
        throw new UsageError(`--format expects markdown, text or json, got "${format}"`);
      }
      return {
        kind: 'compare',
        config: v.config ?? [],
        base: v.base,
        head: v.head,
        format,
        prompts: v.prompts ?? [],
        ...common,
      };
    }
    default:
      throw new UsageError(`unknown command "${first}". Commands: eval, compare. Run "promptgate --help".`);
  }
}
