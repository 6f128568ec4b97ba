import { parseInputs } from '../../src/action/inputs.js';
import { UsageError } from '../../src/errors.js';

const given = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

describe('parseInputs', () => {
  test('defaults when nothing is given', () => {
    expect(parseInputs(given({ 'github-token': 't' }))).toEqual({
      configs: [],
      promptGlobs: [],
      token: 't',
      failPolicy: { failOn: 'regression', inconclusive: false, skipped: false },
      allowUntrustedCode: false,
      repeat: undefined,
      maxConcurrency: undefined,
      cache: true,
      comment: 'on-change',
      base: undefined,
      workingDirectory: '.',
      mode: 'review',
      shard: undefined,
      shardResults: 'promptgate-shards',
      cacheMaxAgeDays: 30,
      budget: { overBudget: 'stop' },
    });
  });

  test('max-calls, max-cost and over-budget make the budget', () => {
    expect(parseInputs(given({ 'max-calls': '500', 'max-cost': '$2.50', 'over-budget': 'sample' })).budget).toEqual({
      maxCalls: 500,
      maxCost: 2.5,
      overBudget: 'sample',
    });
  });

  test('multi-line lists, numbers and enums', () => {
    const inputs = parseInputs(
      given({
        config: 'a/promptgate.yaml\n\n  b/promptfooconfig.yaml  \n# a comment\n',
        prompts: 'prompts/**/*.txt\r\nsrc/**/*.prompt.md',
        'fail-on': 'gate',
        repeat: '3',
        'max-concurrency': '16',
        cache: 'FALSE',
        comment: 'always',
        base: 'main',
        'working-directory': 'packages/bot',
      }),
    );
    expect(inputs).toMatchObject({
      configs: ['a/promptgate.yaml', 'b/promptfooconfig.yaml'],
      promptGlobs: ['prompts/**/*.txt', 'src/**/*.prompt.md'],
      failPolicy: { failOn: 'gate', inconclusive: false, skipped: false },
      repeat: 3,
      maxConcurrency: 16,
      cache: false,
      comment: 'always',
      base: 'main',
      workingDirectory: 'packages/bot',
    });
  });

  test.each([
    ['gate', 'gate', false, false],
    ['regression, skipped', 'regression', false, true],
    ['gate,skipped', 'gate', false, true],
    ['regression,inconclusive', 'regression', true, false],
    ['gate inconclusive skipped', 'gate', true, true],
    ['inconclusive', 'regression', true, false],
    ['never', 'never', false, false],
    ['never,skipped', 'never', false, false],
    ['never,inconclusive', 'never', false, false],
  ])('fail-on "%s" → %s, inconclusive fails: %s, skipped fails: %s', (words, failOn, inconclusive, skipped) => {
    expect(parseInputs(given({ 'fail-on': words })).failPolicy).toEqual({ failOn, inconclusive, skipped });
  });

  test.each([
    [
      { 'fail-on': 'sometimes' },
      'input fail-on: expected regression, gate or never, optionally with inconclusive and skipped',
    ],
    [{ 'allow-untrusted-code': 'maybe' }, 'input allow-untrusted-code: expected true or false, got "maybe"'],
    [{ repeat: '0' }, 'input repeat: expected a whole number >= 1, got "0"'],
    [{ 'max-concurrency': '2.5' }, 'input max-concurrency: expected a whole number >= 1, got "2.5"'],
    [{ cache: 'yes' }, 'input cache: expected true or false, got "yes"'],
    [{ mode: 'split' }, 'input mode: expected review or merge, got "split"'],
    [{ shard: '2 of 4' }, 'input shard: expected i/n, e.g. 2/4, got "2 of 4"'],
    [{ 'cache-max-age-days': '-1' }, 'input cache-max-age-days: expected a whole number >= 1, got "-1"'],
    [{ comment: 'never' }, 'input comment: expected on-change, always or off, got "never"'],
    [{ 'max-calls': 'many' }, 'input max-calls: expected a whole number >= 0, got "many"'],
    [{ 'max-cost': '2,50' }, 'input max-cost: expected an amount in USD, e.g. 2.50, got "2,50"'],
    [{ 'over-budget': 'shrink' }, 'input over-budget: expected stop or sample, got "shrink"'],
  ])('%j is refused with a message naming the input', (inputs, message) => {
    expect(() => parseInputs(given(inputs))).toThrow(UsageError);
    expect(() => parseInputs(given(inputs))).toThrow(message);
  });
});
