// Parses the CLI's argv into one typed command object. Pure: no I/O, no process.exit.
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';

export type OutputFormat = 'markdown' | 'text' | 'json';

/** `--max-calls`, `--max-cost`, `--over-budget`: checked against the spend plan before the first call. */
export interface BudgetFlags {
  maxCalls?: number;
  maxCost?: number;
  overBudget: 'stop' | 'sample';
}

export interface EvalCommand {
  kind: 'eval';
  config?: string;
  output?: string;
  repeat?: number;
  maxConcurrency?: number;
  cache: boolean;
  budget: BudgetFlags;
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
  /** `i/n`: run only this shard's cases and write a shard file (-o, default promptgate-shard-i-of-n.json). */
  shard?: string;
  budget: BudgetFlags;
  /** Print the spend plan and exit: no provider is called. */
  estimate: boolean;
}

export interface MergeCommand {
  kind: 'merge';
  files: string[];
  config: string[];
  format: OutputFormat;
  output?: string;
  prompts: string[];
}

export type Command =
  | { kind: 'init'; force: boolean }
  | { kind: 'schema'; output?: string }
  | EvalCommand
  | CompareCommand
  | MergeCommand
  | { kind: 'help'; topic?: string }
  | { kind: 'version' };

export const USAGE = `promptgate — review prompt changes like code

Usage:
  promptgate eval [-c FILE] [-o results.json] [--repeat N] [--max-concurrency N] [--no-cache] [BUDGET]
  promptgate compare --base REF [--head REF | --worktree] [-c FILE]... [--format markdown|text|json]
                     [-o report.json] [--repeat N] [--max-concurrency N] [--no-cache] [BUDGET] [--estimate]
  promptgate compare --base REF ... --shard i/n [-o shard.json]
  promptgate merge SHARD.json... [-c FILE]... [--format markdown|text|json] [-o report.json]
  promptgate init [--force]
  promptgate schema [-o promptgate.schema.json]
  promptgate --help | --version

Commands:
  init      Find the prompt files here, write a starter promptgate.yaml (one test per prompt) and a
            .github/workflows/prompt-review.yml. Never overwrites a file without --force.
  schema    Print (or write with -o) the JSON Schema of promptgate.yaml, for editors.
  eval      Evaluate a suite (promptgate.yaml, else promptfooconfig.yaml) and print a table and a summary.
            Exits 0 when the suite ran, whatever its pass rate; 1 on a config or usage error.
  compare   Evaluate the suite's prompts as they are at --base and at --head (default: the working tree),
            compare them per case and print the comment the GitHub Action would post.
            With --shard i/n only that shard's cases run, and a shard file is written instead.
  merge     Combine the shard files of one run (checked: same revisions and configs, every case exactly
            once) and print the report a single run would have printed.

Options:
  -c, --config FILE        Suite config (repeatable for compare).
  -o, --output FILE        Write the results (eval) or the report (compare) as JSON.
      --repeat N           Run every case N times (overrides evaluateOptions.repeat).
      --max-concurrency N  Provider calls in flight at once (overrides evaluateOptions.maxConcurrency).
      --no-cache           Do not read or write the output cache (.promptgate/cache).
      --base REF           Base revision for compare (branch, tag or SHA).
      --head REF           Head revision for compare; omit (or --worktree) to use the working tree.
      --prompts GLOB       Extra prompt globs whose changes are reported when no suite tests them.
      --format F           compare/merge output: markdown (default), text or json.
      --shard i/n          compare: run only shard i of n (a deterministic, balanced split of the cases).
      --estimate           compare: print the spend plan (calls per provider, cache hits, tokens, cost) and exit.
  BUDGET (the spend plan is printed before the first call either way):
      --max-calls N        Stop before the first call when the run would make more than N provider calls.
      --max-cost USD       Stop before the first call when the run's estimated cost is above USD.
      --over-budget M      stop (default), or sample: evaluate a deterministic sample of the cases that fits.
  -h, --help               Show this help.
  -v, --version            Show the version.
`;

function positiveInt(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(raw)) throw new UsageError(`--${name} expects a whole number >= 1, got "${raw}"`);
  return Number(raw);
}

function outputFormat(raw: string | undefined): OutputFormat {
  const format = raw ?? 'markdown';
  if (format !== 'markdown' && format !== 'text' && format !== 'json') {
    throw new UsageError(`--format expects markdown, text or json, got "${format}"`);
  }
  return format;
}

function budgetFlags(calls: string | undefined, cost: string | undefined, mode: string | undefined): BudgetFlags {
  const maxCalls = calls === undefined ? undefined : /^\d+$/.test(calls) ? Number(calls) : NaN;
  if (Number.isNaN(maxCalls)) throw new UsageError(`--max-calls expects a whole number >= 0, got "${calls}"`);
  const maxCost = cost === undefined ? undefined : /^\$?\d+(\.\d+)?$/.test(cost) ? Number(cost.replace('$', '')) : NaN;
  if (Number.isNaN(maxCost)) throw new UsageError(`--max-cost expects an amount in USD, e.g. 2.50, got "${cost}"`);
  const overBudget = mode ?? 'stop';
  if (overBudget !== 'stop' && overBudget !== 'sample') {
    throw new UsageError(`--over-budget expects stop or sample, got "${overBudget}"`);
  }
  return {
    ...(maxCalls !== undefined ? { maxCalls } : {}),
    ...(maxCost !== undefined ? { maxCost } : {}),
    overBudget,
  };
}

export function parseCommand(argv: string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') return { kind: 'help' };
  if (first === '-v' || first === '--version') return { kind: 'version' };
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: first === 'merge',
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
        shard: { type: 'string' },
        'max-calls': { type: 'string' },
        'max-cost': { type: 'string' },
        'over-budget': { type: 'string' },
        estimate: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
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
    budget: budgetFlags(v['max-calls'], v['max-cost'], v['over-budget']),
  };
  if (v.estimate && first !== 'compare') throw new UsageError('--estimate belongs to "promptgate compare"');
  if (v.force && first !== 'init') throw new UsageError('--force belongs to "promptgate init"');
  switch (first) {
    case 'init':
      return { kind: 'init', force: Boolean(v.force) };
    case 'schema':
      return { kind: 'schema', output: v.output };
    case 'eval': {
      if ((v.config?.length ?? 0) > 1) throw new UsageError('eval takes one -c FILE; use compare for several suites');
      for (const k of ['base', 'head', 'format', 'prompts', 'shard'] as const) {
        if (v[k] !== undefined) throw new UsageError(`--${k} belongs to "promptgate compare", not eval`);
      }
      return { kind: 'eval', config: v.config?.[0], ...common };
    }
    case 'compare': {
      if (!v.base) throw new UsageError('compare needs --base REF (the revision to compare against), e.g. --base main');
      if (v.head && v.worktree) throw new UsageError('use either --head REF or --worktree, not both');
      const format = outputFormat(v.format);
      return {
        kind: 'compare',
        config: v.config ?? [],
        base: v.base,
        head: v.head,
        format,
        prompts: v.prompts ?? [],
        shard: v.shard,
        estimate: Boolean(v.estimate),
        ...common,
      };
    }
    case 'merge': {
      if (parsed.positionals.length === 0) {
        throw new UsageError('merge needs the shard files to combine, e.g. promptgate merge shards/*.json');
      }
      for (const k of [
        'base',
        'head',
        'shard',
        'repeat',
        'max-concurrency',
        'max-calls',
        'max-cost',
        'over-budget',
      ] as const) {
        if (v[k] !== undefined) throw new UsageError(`--${k} does not apply to merge: the shard files say it`);
      }
      return {
        kind: 'merge',
        files: parsed.positionals,
        config: v.config ?? [],
        format: outputFormat(v.format),
        output: v.output,
        prompts: v.prompts ?? [],
      };
    }
    default:
      throw new UsageError(
        `unknown command "${first}". Commands: init, eval, compare, merge, schema. Run "promptgate --help".`,
      );
  }
}
