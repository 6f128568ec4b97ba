// Parses the CLI's argv into one typed command object. Pure: no I/O, no process.exit.
import { parseArgs } from 'node:util';
import { closest, distance } from 'fastest-levenshtein';
import { UsageError } from '../errors.js';
import { EVAL_OUTPUT_FORMATS, evalOutputFormat } from '../report/eval-export.js';
import { parseFailOn, type FailOnPolicy } from '../review/fail-on.js';

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
  /** Exit EXIT_CHECK_FAILED when the pass rate is below this (0..1); also PROMPTFOO_PASS_RATE_THRESHOLD. */
  failUnder?: number;
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
  /** The action's `fail-on` policy: exit EXIT_CHECK_FAILED when it fails the check. Absent: never. */
  failOn?: FailOnPolicy;
  /** Write the fine-tuning dataset (JSONL of the failing cases of fine-tune suites) here. */
  dataset?: string;
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
  | { kind: 'help'; topic?: Topic }
  | { kind: 'version' };

/** The run finished and the gate says no: `compare --fail-on`, `eval --fail-under` (promptfoo's code). */
export const EXIT_CHECK_FAILED = 100;
/** Stopped with Ctrl-C (128 + SIGINT), after writing what finished. */
export const EXIT_INTERRUPTED = 130;

export const COMMANDS = ['init', 'eval', 'compare', 'merge', 'schema'] as const;
export type Topic = (typeof COMMANDS)[number];

export const USAGE = `promptgate — review prompt changes like code

Usage:
  promptgate eval [-c FILE] [-o results.json|.csv|.html] [--fail-under RATE] [--repeat N]
                  [--max-concurrency N] [--no-cache] [BUDGET]
  promptgate compare --base REF [--head REF | --worktree] [-c FILE]... [--format markdown|text|json]
                     [-o report.json] [--dataset FILE] [--fail-on POLICY] [--prompts GLOB]...
                     [--repeat N] [--max-concurrency N] [--no-cache] [BUDGET] [--estimate]
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
  compare   Evaluate the suite's prompts as they are at --base and at --head (default: the working tree),
            compare them per case and print the comment the GitHub Action would post.
            With --shard i/n only that shard's cases run, and a shard file is written instead.
  merge     Combine the shard files of one run (checked: same revisions and configs, every case exactly
            once) and print the report a single run would have printed.

Options:
  -c, --config FILE        Suite config (repeatable for compare).
  -o, --output FILE        eval: the results, as .json, .csv or .html (by extension); compare: the JSON report.
      --fail-under RATE    eval: exit 100 when the pass rate is below RATE (0..1, or a percentage such as 90%).
                           PROMPTFOO_PASS_RATE_THRESHOLD (a percentage, as promptfoo reads it) does the same.
      --fail-on POLICY     compare: exit 100 when the action's fail-on policy would fail the check
                           (regression, gate or never, optionally with skipped). Default: never.
      --dataset FILE       compare: write the failing cases of suites the gate sends to fine-tuning (JSONL).
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
  -h, --help               Show this help (promptgate COMMAND --help: that command's).
  -v, --version            Show the version.

Exit codes: 0 it ran (and passed what was asked), 1 a usage, config or git error to fix, 2 a bug in promptgate,
100 it ran and the check fails (--fail-on, --fail-under), 130 interrupted (Ctrl-C).
`;

const EXIT_CODES = USAGE.slice(USAGE.indexOf('Exit codes:'));

/** The help of one command: its usage lines, what it does, and the options it takes. */
export function helpFor(topic: Topic | undefined): string {
  if (!topic) return USAGE;
  const usageLines: string[] = [];
  let inUsage = false;
  for (const line of USAGE.split('\n')) {
    // A usage line, and the lines that continue it (indented deeper, starting with an option).
    if (line.startsWith(`  promptgate ${topic}`)) inUsage = true;
    else if (!/^ {6,}\[/.test(line)) inUsage = false;
    if (inUsage) usageLines.push(line);
  }
  const usage = usageLines.join('\n');
  const commands = USAGE.slice(USAGE.indexOf('Commands:'), USAGE.indexOf('Options:'));
  const what = commands
    .split(/\n(?= {2}[a-z])/)
    .find((block) => block.startsWith(`  ${topic} `))
    ?.trimEnd();
  const options = USAGE.slice(USAGE.indexOf('Options:'), USAGE.indexOf('Exit codes:'))
    .split(/\n(?= +-)/)
    .slice(1)
    .filter((block) => {
      const flags = [...(block.split(/ {2,}/)[1] ?? '').matchAll(/-{1,2}[a-z][a-z-]*/g)].map((m) => m[0]);
      const used = (flag: string) => new RegExp(`(^|[\\s[|])${flag}(?![\\w-])`, 'm').test(usage);
      return flags.some(used) || /^ {2}-[hv],/.test(block);
    })
    .map((block) => block.trimEnd());
  return [`Usage:\n${usage}`, what ? `\n${what}` : '', `\nOptions:\n${options.join('\n')}`, `\n${EXIT_CODES}`].join(
    '\n',
  );
}

/** ` (did you mean "compare"?)` for a word one or two edits from a command. */
function didYouMean(word: string): string {
  const nearest = closest(word, [...COMMANDS]);
  return distance(word, nearest) <= 2 ? ` Did you mean "${nearest}"?` : '';
}

/** ` Did you mean "--fail-on"?` for an unknown option one or two edits from one the help lists. */
function optionSuggestion(parseError: string): string {
  const unknown = /Unknown option '--([^']+)'/.exec(parseError)?.[1];
  if (!unknown) return '';
  const listed = [...new Set([...USAGE.matchAll(/--([a-z][a-z-]+)/g)].map((m) => m[1]))];
  const nearest = closest(unknown, listed);
  return distance(unknown, nearest) <= 2 ? ` Did you mean "--${nearest}"?` : '';
}

/** `--fail-under`: a rate 0..1, or a percentage `90%`. */
function rateOption(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(raw.trim());
  const value = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
  if (!(value >= 0 && value <= 1)) {
    throw new UsageError(`--${name} expects a pass rate between 0 and 1 (or a percentage such as 90%), got "${raw}"`);
  }
  return value;
}

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
  if (first === undefined || first === '-h' || first === '--help') return { kind: 'help' };
  if (first === '-v' || first === '--version') return { kind: 'version' };
  if (first === 'help') {
    const topic = argv[1];
    if (topic === undefined) return { kind: 'help' };
    if ((COMMANDS as readonly string[]).includes(topic)) return { kind: 'help', topic: topic as Topic };
    throw new UsageError(`no help on "${topic}": it is not a command.${didYouMean(topic)} Run "promptgate --help".`);
  }
  if (!(COMMANDS as readonly string[]).includes(first)) {
    throw new UsageError(
      `unknown command "${first}".${didYouMean(first)} Commands: ${COMMANDS.join(', ')}. Run "promptgate --help".`,
    );
  }
  const command = first as Topic;
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
        'fail-on': { type: 'string' },
        'fail-under': { type: 'string' },
        dataset: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    const message = (err as Error).message;
    throw new UsageError(`${message}.${optionSuggestion(message)} Run "promptgate ${command} --help" for its options.`);
  }
  const v = parsed.values;
  if (v.help) return { kind: 'help', topic: command };
  if (command !== 'eval' && v['fail-under'] !== undefined) {
    throw new UsageError('--fail-under belongs to "promptgate eval"; compare gates with --fail-on');
  }
  if (command !== 'compare' && (v['fail-on'] !== undefined || v.dataset !== undefined)) {
    throw new UsageError(`--${v['fail-on'] !== undefined ? 'fail-on' : 'dataset'} belongs to "promptgate compare"`);
  }
  const common = {
    repeat: positiveInt('repeat', v.repeat),
    maxConcurrency: positiveInt('max-concurrency', v['max-concurrency']),
    cache: !v['no-cache'],
    output: v.output,
    budget: budgetFlags(v['max-calls'], v['max-cost'], v['over-budget']),
  };
  if (v.estimate && first !== 'compare') throw new UsageError('--estimate belongs to "promptgate compare"');
  if (v.force && first !== 'init') throw new UsageError('--force belongs to "promptgate init"');
  switch (command) {
    case 'init':
      return { kind: 'init', force: Boolean(v.force) };
    case 'schema':
      return { kind: 'schema', output: v.output };
    case 'eval': {
      if ((v.config?.length ?? 0) > 1) throw new UsageError('eval takes one -c FILE; use compare for several suites');
      for (const k of ['base', 'head', 'format', 'prompts', 'shard'] as const) {
        if (v[k] !== undefined) throw new UsageError(`--${k} belongs to "promptgate compare", not eval`);
      }
      if (v.output !== undefined && !evalOutputFormat(v.output)) {
        throw new UsageError(
          `-o ${v.output}: eval writes ${EVAL_OUTPUT_FORMATS.join(', ')} (chosen by the file's extension); use one of them`,
        );
      }
      return { kind: 'eval', config: v.config?.[0], ...common, failUnder: rateOption('fail-under', v['fail-under']) };
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
        failOn: v['fail-on'] === undefined ? undefined : parseFailOn(v['fail-on'], '--fail-on'),
        dataset: v.dataset,
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
  }
}
