import {
  combineVerdicts,
  decideVerdict,
  failOnWords,
  gate,
  shouldFailCheck,
  type CheckVerdict,
  type FailOn,
} from '../src/gate.js';

const thresholds = { ship: 0.9, fix: 0.5 };

describe('gate: the head pass rate against ship 0.9 / fix 0.5', () => {
  it.each([
    [1.0, 'ship'],
    [0.94, 'ship'],
    [0.9, 'fine-tune'], // strictly above ship to ship
    [0.7, 'fine-tune'],
    [0.5, 'fine-tune'], // strictly below fix to fix
    [0.49, 'fix-prompt'],
    [0, 'fix-prompt'],
  ])('pass rate %f → %s', (rate, decision) => {
    expect(gate(rate, thresholds)).toBe(decision);
  });
});

describe('decideVerdict: regression > inconclusive > gate', () => {
  it.each([
    [{ inconclusive: true, regression: true, headPassRate: 0.95 }, 'regression'],
    [{ inconclusive: true, regression: false, headPassRate: 0.2 }, 'inconclusive'],
    [{ inconclusive: false, regression: true, headPassRate: 0.95 }, 'regression'],
    [{ inconclusive: false, regression: false, headPassRate: 0.95 }, 'ship'],
    [{ inconclusive: false, regression: false, headPassRate: 0.7 }, 'fine-tune'],
    [{ inconclusive: false, regression: false, headPassRate: 0.3 }, 'fix-prompt'],
  ])('%j → %s', (evidence, verdict) => {
    expect(decideVerdict(evidence, thresholds)).toBe(verdict);
  });
});

describe('shouldFailCheck', () => {
  // Columns: fail-on regression, gate, never, then each with `inconclusive` added.
  const table: Array<[CheckVerdict, Record<FailOn, boolean>, Record<FailOn, boolean>]> = [
    ['regression', { regression: true, gate: true, never: false }, { regression: true, gate: true, never: false }],
    ['fix-prompt', { regression: false, gate: true, never: false }, { regression: false, gate: true, never: false }],
    ['fine-tune', { regression: false, gate: false, never: false }, { regression: false, gate: false, never: false }],
    ['ship', { regression: false, gate: false, never: false }, { regression: false, gate: false, never: false }],
    ['inconclusive', { regression: false, gate: false, never: false }, { regression: true, gate: true, never: false }],
    ['skipped', { regression: false, gate: false, never: false }, { regression: false, gate: false, never: false }],
  ];
  it.each(table)('%s → %j, with inconclusive %j', (verdict, plain, withInconclusive) => {
    for (const failOn of ['regression', 'gate', 'never'] as const) {
      expect(shouldFailCheck(verdict, { failOn, inconclusive: false, skipped: false })).toBe(plain[failOn]);
      expect(shouldFailCheck(verdict, { failOn, inconclusive: true, skipped: false })).toBe(withInconclusive[failOn]);
    }
  });
});

describe('failOnWords: the policy as the input spells it', () => {
  it.each([
    [{ failOn: 'regression', inconclusive: false, skipped: false }, 'regression'],
    [{ failOn: 'gate', inconclusive: true, skipped: true }, 'gate,inconclusive,skipped'],
  ] as const)('%j → %s', (policy, words) => {
    expect(failOnWords(policy)).toBe(words);
  });
});

describe('combineVerdicts: the most severe suite speaks for the pull request', () => {
  it.each([
    [['ship', 'regression', 'inconclusive'], 'regression'],
    [['inconclusive', 'fix-prompt'], 'fix-prompt'],
    [['fine-tune', 'inconclusive', 'ship'], 'inconclusive'],
    [['ship', 'fine-tune'], 'fine-tune'],
    [['skipped', 'ship'], 'ship'],
    [['skipped'], 'skipped'],
    [[], 'skipped'],
  ] as Array<[CheckVerdict[], CheckVerdict]>)('%j → %s', (verdicts, expected) => {
    expect(combineVerdicts(verdicts)).toBe(expected);
  });
});
