import { parseCommand } from '../../src/cli/args.js';
import { UsageError } from '../../src/errors.js';

describe('parseCommand', () => {
  test.each([
    [[], { kind: 'help' }],
    [['--help'], { kind: 'help' }],
    [['--version'], { kind: 'version' }],
    [['init'], { kind: 'init', force: false }],
    [['schema'], { kind: 'schema', output: undefined }],
    [['schema', '-o', 's.json'], { kind: 'schema', output: 's.json' }],
    [['init', '--force'], { kind: 'init', force: true }],
    [['-v'], { kind: 'version' }],
    [
      ['eval'],
      {
        kind: 'eval',
        config: undefined,
        output: undefined,
        repeat: undefined,
        maxConcurrency: undefined,
        cache: true,
        budget: { overBudget: 'stop' },
      },
    ],
    [
      ['eval', '-c', 'x.yaml', '-o', 'out.json', '--repeat', '3', '--max-concurrency', '8', '--no-cache'],
      {
        kind: 'eval',
        config: 'x.yaml',
        output: 'out.json',
        repeat: 3,
        maxConcurrency: 8,
        cache: false,
        budget: { overBudget: 'stop' },
      },
    ],
    [
      ['compare', '--base', 'main', '--format', 'text', '-c', 'a.yaml', '-c', 'b.yaml'],
      {
        kind: 'compare',
        base: 'main',
        head: undefined,
        format: 'text',
        config: ['a.yaml', 'b.yaml'],
        prompts: [],
        shard: undefined,
        output: undefined,
        repeat: undefined,
        maxConcurrency: undefined,
        cache: true,
        budget: { overBudget: 'stop' },
        estimate: false,
      },
    ],
    [
      [
        'compare',
        '--base',
        'main',
        '--estimate',
        '--max-calls',
        '500',
        '--max-cost',
        '2.50',
        '--over-budget',
        'sample',
      ],
      {
        kind: 'compare',
        base: 'main',
        head: undefined,
        format: 'markdown',
        config: [],
        prompts: [],
        shard: undefined,
        output: undefined,
        repeat: undefined,
        maxConcurrency: undefined,
        cache: true,
        budget: { maxCalls: 500, maxCost: 2.5, overBudget: 'sample' },
        estimate: true,
      },
    ],
    [
      ['merge', 'a.json', 'b.json', '--format', 'json'],
      { kind: 'merge', files: ['a.json', 'b.json'], config: [], format: 'json', output: undefined, prompts: [] },
    ],
  ])('%j', (argv, expected) => {
    expect(parseCommand(argv)).toEqual(expected);
  });

  test.each([
    [['eval', '--max-calls', '2.5'], /--max-calls expects a whole number/],
    [['eval', '--max-calls', 'lots'], /--max-calls expects a whole number >= 0, got "lots"/],
    [['eval', '--max-cost', '2,50'], /--max-cost expects an amount in USD, e\.g\. 2\.50, got "2,50"/],
    [['eval', '--over-budget', 'shrug'], /--over-budget expects stop or sample, got "shrug"/],
    [['eval', '--estimate'], /--estimate belongs to "promptgate compare"/],
  ])('budget flags: %j is refused', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(message);
  });

  test.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['eval', '--repeat', '0'], '--repeat expects a whole number >= 1, got "0"'],
    [['eval', '--repeat', 'two'], '--repeat expects a whole number >= 1, got "two"'],
    [['eval', '--base', 'main'], '--base belongs to "promptgate compare"'],
    [['eval', '--bogus'], "Unknown option '--bogus'"],
    [['compare'], 'compare needs --base REF'],
    [['compare', '--base', 'main', '--head', 'x', '--worktree'], 'either --head REF or --worktree'],
    [['compare', '--base', 'main', '--format', 'html'], '--format expects markdown, text or json, got "html"'],
    [['merge'], 'merge needs the shard files'],
    [['eval', '--force'], '--force belongs to "promptgate init"'],
    [['merge', 'a.json', '--shard', '1/2'], '--shard does not apply to merge'],
    [['eval', 'stray'], "Unexpected argument 'stray'"],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });
});
