// The action's inputs, read once and validated with zod into one typed options object.
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { FailPolicy } from '../gate.js';

export interface ActionInputs {
  configs: string[];
  promptGlobs: string[];
  token: string;
  /** `fail-on`: which verdicts fail the check (and, through the report, what the comment says blocks). */
  failPolicy: FailPolicy;
  /** Run code from files the PR changed even on pull_request_target / workflow_run. */
  allowUntrustedCode: boolean;
  repeat?: number;
  maxConcurrency?: number;
  cache: boolean;
  comment: 'on-change' | 'always' | 'off';
  base?: string;
  workingDirectory: string;
  /** `review` (default), or `merge`: combine the shard files of a matrix run and report as one run would. */
  mode: 'review' | 'merge';
  /** `i/n`: run only this shard's cases and write a shard file (no comment, no verdict). */
  shard?: string;
  /** Where the merge job finds the shard files (a directory, searched recursively for *.json). */
  shardResults: string;
  /** Output cache entries older than this many days are pruned before the cache is saved. */
  cacheMaxAgeDays: number;
  /** `max-calls`, `max-cost`, `over-budget`: checked against the spend plan before the first call. */
  budget: { maxCalls?: number; maxCost?: number; overBudget: 'stop' | 'sample' };
}

const lines = (raw: string) =>
  raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));

const optionalCount = (name: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || /^[1-9]\d*$/.test(v), { message: `${name}: expected a whole number >= 1` })
    .transform((v) => (v === '' ? undefined : Number(v)));

const FAIL_ON_WORDS = ['regression', 'gate', 'never', 'inconclusive', 'skipped'];

const booleanInput = (name: string, fallback: 'true' | 'false') =>
  z
    .string()
    .trim()
    .transform((v) => v.toLowerCase() || fallback)
    .pipe(z.enum(['true', 'false'], { message: `${name}: expected true or false` }))
    .transform((v) => v === 'true');

const schema = z.object({
  config: z.string().transform(lines),
  prompts: z.string().transform(lines),
  'github-token': z.string(),
  'fail-on': z
    .string()
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .refine((words) => words.every((w) => FAIL_ON_WORDS.includes(w)), {
      message:
        'fail-on: expected regression, gate or never, optionally with inconclusive and skipped (e.g. "regression,inconclusive")',
    }),
  'allow-untrusted-code': booleanInput('allow-untrusted-code', 'false'),
  repeat: optionalCount('repeat'),
  'max-concurrency': optionalCount('max-concurrency'),
  cache: booleanInput('cache', 'true'),
  comment: z
    .string()
    .trim()
    .transform((v) => v || 'on-change')
    .pipe(z.enum(['on-change', 'always', 'off'], { message: 'comment: expected on-change, always or off' })),
  base: z.string().trim(),
  mode: z
    .string()
    .trim()
    .transform((v) => v || 'review')
    .pipe(z.enum(['review', 'merge'], { message: 'mode: expected review or merge' })),
  shard: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d+\/\d+$/.test(v), { message: 'shard: expected i/n, e.g. 2/4' }),
  'shard-results': z
    .string()
    .trim()
    .transform((v) => v || 'promptgate-shards'),
  'cache-max-age-days': z
    .string()
    .trim()
    .refine((v) => v === '' || /^[1-9]\d*$/.test(v), { message: 'cache-max-age-days: expected a whole number >= 1' })
    .transform((v) => (v === '' ? 30 : Number(v))),
  'max-calls': z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d+$/.test(v), { message: 'max-calls: expected a whole number >= 0' })
    .transform((v) => (v === '' ? undefined : Number(v))),
  'max-cost': z
    .string()
    .trim()
    .refine((v) => v === '' || /^\$?\d+(\.\d+)?$/.test(v), {
      message: 'max-cost: expected an amount in USD, e.g. 2.50',
    })
    .transform((v) => (v === '' ? undefined : Number(v.replace('$', '')))),
  'over-budget': z
    .string()
    .trim()
    .transform((v) => v || 'stop')
    .pipe(z.enum(['stop', 'sample'], { message: 'over-budget: expected stop or sample' })),
  'working-directory': z
    .string()
    .trim()
    .transform((v) => v || '.'),
});

type InputName = keyof z.input<typeof schema>;
/** Every input the action reads; action.yml must declare exactly these. */
export const INPUT_NAMES = Object.keys(schema.shape) as InputName[];

/** `never` wins over everything; `gate` includes `regression`; `inconclusive` and `skipped` add to either. */
function failPolicy(words: readonly string[]): FailPolicy {
  const never = words.includes('never');
  return {
    failOn: never ? 'never' : words.includes('gate') ? 'gate' : 'regression',
    inconclusive: !never && words.includes('inconclusive'),
    skipped: !never && words.includes('skipped'),
  };
}

/** `getInput` is @actions/core's (or a test's): it returns '' for an input that was not given. */
export function parseInputs(getInput: (name: string) => string): ActionInputs {
  const raw = Object.fromEntries(INPUT_NAMES.map((n) => [n, getInput(n)]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `input ${i.message}, got "${raw[String(i.path[0]) as InputName]}"`);
    throw new UsageError(problems.join('; '));
  }
  const v = parsed.data;
  return {
    configs: v.config,
    promptGlobs: v.prompts,
    token: v['github-token'],
    failPolicy: failPolicy(v['fail-on']),
    allowUntrustedCode: v['allow-untrusted-code'],
    repeat: v.repeat,
    maxConcurrency: v['max-concurrency'],
    cache: v.cache,
    comment: v.comment,
    base: v.base || undefined,
    workingDirectory: v['working-directory'],
    mode: v.mode,
    shard: v.shard || undefined,
    shardResults: v['shard-results'],
    cacheMaxAgeDays: v['cache-max-age-days'],
    budget: {
      ...(v['max-calls'] !== undefined ? { maxCalls: v['max-calls'] } : {}),
      ...(v['max-cost'] !== undefined ? { maxCost: v['max-cost'] } : {}),
      overBudget: v['over-budget'],
    },
  };
}
