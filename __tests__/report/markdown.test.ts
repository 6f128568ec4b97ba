import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBlocks } from '../../src/report/budget.js';
import { COMMENT_MAX_CHARS, renderComment, renderSummary } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { many, row } from '../compare/fixtures.js';
import { input, scenarios, suite } from './scenarios.js';

const outputs = join(dirname(fileURLToPath(import.meta.url)), '..', '__outputs__');

/**
 * Compare with the committed golden file; write it when UPDATE_GOLDEN=1, or when it is missing on a developer's
 * machine. Under CI a missing golden file fails: a comment nobody reviewed would otherwise pass as its own answer.
 */
function expectGolden(name: string, actual: string): void {
  const file = join(outputs, name);
  if (!existsSync(file) && process.env.CI && process.env.UPDATE_GOLDEN !== '1') {
    throw new Error(`golden file __tests__/__outputs__/${name} is missing: run UPDATE_GOLDEN=1 npm test and commit it`);
  }
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(outputs, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('golden comments (regenerate with UPDATE_GOLDEN=1 and review the diff)', () => {
  it.each(Object.keys(scenarios))('%s', (name) => {
    expectGolden(`comment-${name}.md`, renderComment(scenarios[name]()));
  });

  it('plain text for the terminal', () => {
    expectGolden('text-regression.txt', renderText(scenarios.regression()));
  });
});

describe('renderComment: layout', () => {
  it.each([
    ['ship', /^## ✅ Ship · gate: ship \(95\.3%\) · not blocking$/m, 'head 95.3% vs base 92.0%'],
    [
      'regression',
      /^## ⛔ Regression · gate: consider fine-tuning \(80\.0%\) · merge blocked \(fail-on: regression\)$/m,
      'head 80.0% vs base 100.0%',
    ],
    [
      'inconclusive',
      /^## ⚠️ Inconclusive · gate: ship \(100\.0%\) · not blocking \(an inconclusive run blocks only with fail-on: regression,inconclusive\)$/m,
      'head 100.0% vs base 100.0%; 8 of 20 head calls errored (40.0%, more than the 10.0% allowed) (and 2 more reasons below)',
    ],
    [
      'fix-prompt',
      /^## 🛠️ Fix the prompt first · gate: fix the prompt first \(40\.0%\) · not blocking$/m,
      'head 40.0% vs base 40.0% (below 50.0%)',
    ],
    [
      'fine-tune',
      /^## 🎯 Consider fine-tuning · gate: consider fine-tuning \(75\.0%\) · not blocking$/m,
      'head 75.0% vs base 70.0%; 5 failing cases exported as a dataset (promptgate-failing-cases.jsonl)',
    ],
  ])(
    '%s: the verdict, the gate and whether it blocks right after the marker, the detail below',
    (name, verdictLine, detail) => {
      const md = renderComment(scenarios[name]());
      const [marker, blank, verdict, blank2, detailLine] = md.split('\n');
      expect([marker, blank, blank2]).toEqual(['<!-- promptgate:report -->', '', '']);
      expect(verdict).toMatch(verdictLine);
      expect(detailLine).toBe(detail);
    },
  );

  it.each([
    [{ failOn: 'gate', inconclusive: false, skipped: false }, 'fix-prompt', '· merge blocked (fail-on: gate)'],
    [{ failOn: 'never', inconclusive: true, skipped: false }, 'regression', '· not blocking (fail-on: never)'],
    [
      { failOn: 'regression', inconclusive: true, skipped: false },
      'inconclusive',
      '· merge blocked (fail-on: regression,inconclusive)',
    ],
  ] as const)('the headline follows the fail-on policy %j (%s)', (failPolicy, name, ending) => {
    const scenario = scenarios[name]();
    const md = renderComment(input(scenario.suites, { failPolicy }));
    expect(md.split('\n')[2].endsWith(ending)).toBe(true);
  });

  it('regression: names the critical case, its vars, excerpts and reason', () => {
    const md = renderComment(scenarios.regression());
    expect(md).toContain('**test 32 · case 32** · prompts/p0.txt × echo · head passed 0/1, base 1/1 · **critical**');
    expect(md).toContain(
      '- critical: exact p = 0.5, adjusted 1 — not decidable with these repeats: needs 4 fresh repeats per side',
    );
    expect(md).toContain('- vars: question = Can I get a refund?');
    expect(md).toContain('- failed: contains: expected output to contain "refund"');
    expect(md).toContain('Head output:\n\n```text\nNo.\n```');
    expect(md).toContain(
      '- ⚠️ critical test 32 (case 32) on prompts/p0.txt × echo is newly failing, but 1 base and 1 head outcome(s) cannot decide it',
    );
  });

  it('no per-call table when there is no usage to show (no tokens, no cost, latency within its noise)', () => {
    const free = { tokens: 0, cost: 0 };
    const s = suite('free', many(10, 'P', 0, free), many(10, 'P', 0, free));
    expect(renderComment(input([s]))).not.toContain('| Per call |');
  });

  it('latency appears only when it changed beyond its noise', () => {
    const s = suite('slow', many(10, 'P', 0, { latencyMs: 200 }), many(10, 'P', 0, { latencyMs: 900 }));
    expect(renderComment(input([s]))).toContain('| Latency | 200 ms | 900 ms | +350.0% |');
  });

  it('newly failing cases are grouped by the check they failed, critical ones first and open', () => {
    const base = many(12, 'P');
    const head = [
      row(0, 'F', { reason: 'must mention the refund' }),
      ...many(5, 'F', 1),
      ...many(2, 'E', 6),
      ...many(4, 'P', 8),
    ];
    const md = renderComment(input([suite('grouped', base, head, [0])]));
    const start = md.indexOf('#### ❌ Newly failing (6)');
    const section = md.slice(start, md.indexOf('####', start + 4));
    expect(section.indexOf('**test 0 · case 0**')).toBeLessThan(section.indexOf('<details>'));
    expect(section.match(/^<summary>/gm)).toEqual(['<summary>']); // one group for the five `contains` failures
    expect(section).toContain('<summary>contains — 5 cases, e.g. expected "good" in output</summary>');
  });

  it('footer: short SHAs, run link, calls', () => {
    const md = renderComment(scenarios.ship());
    expect(md.trimEnd().split('\n').at(-1)).toBe(
      '<sub>base 1111111 → head 2222222 · [workflow run](https://github.com/acme/app/actions/runs/42) · 120 calls made, 30 served from cache · promptgate</sub>',
    );
  });

  it('puts each prompt diff in a collapsed block with a diff fence', () => {
    expect(renderComment(scenarios.ship())).toContain(
      '<details>\n<summary>prompts/p0.txt (+1 −1)</summary>\n\n```diff\n--- a/prompts/p0.txt',
    );
  });
});

/** Structural checks of markdown we must keep whole, whatever the model wrote. */
/** The markdown GitHub renders as markup: fenced blocks and code spans removed (their text is shown as is). */
function outsideCode(md: string): string {
  const kept: string[] = [];
  let fence: string | undefined;
  for (const line of md.split('\n')) {
    if (fence) {
      if (line.trimEnd() === fence) fence = undefined;
      continue;
    }
    const opening = /^(`{3,})/.exec(line);
    if (opening) fence = opening[1];
    else kept.push(line.replace(/(?<!\\)`[^`]*`/g, ''));
  }
  return kept.join('\n');
}

function expectStructureIntact(md: string, budget: number): void {
  expect(md.length).toBeLessThanOrEqual(budget);
  expect(openBlocks(md)).toEqual({ details: 0 }); // every fence closed, <details> balanced
  const markup = outsideCode(md);
  const opens = markup.match(/^<details>$/gm)?.length ?? 0;
  const closes = markup.match(/^<\/details>$/gm)?.length ?? 0;
  expect(opens).toBe(closes);
  expect(markup).not.toMatch(/<script/i);
  expect(markup).not.toMatch(/@(?=[A-Za-z0-9_-])/); // no linkable mention outside code
  expect(markup).not.toMatch(/(?<![\w&])#\d/); // no issue cross-reference outside code
  expect(md).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/); // no invisible character at all
  expect(md.startsWith('<!-- promptgate:report -->\n')).toBe(true);
}

describe('hostile model output cannot break the comment', () => {
  const hostile = [
    '@octocat please merge',
    'cc @acme/security-team',
    'closes #1 and octo/demo#2, see GH-3',
    'admin\u202e\u2066 // check later\u2069\u2066if (isAdmin)\u2069\u200b',
    '</details></details></details>\n\n# I closed your details',
    '<script>alert(document.cookie)</script><img src=x onerror=alert(1)>',
    '| a | b |\n|---|---|\n| injected | row |',
    '```\n</details>\n```````\nnot code anymore',
    'x'.repeat(10_000_000),
  ];

  const hostileInput = () => {
    const base = many(hostile.length * 2, 'P');
    const head = hostile.flatMap((output, i) => [
      row(2 * i, 'F', {
        output,
        reason: output.slice(0, 500),
        description: output.slice(0, 200),
        vars: { [`@k${i}`]: output.slice(0, 300) },
      }),
      row(2 * i + 1, 'P', { output }),
    ]);
    const s = suite('hostile', base, head);
    return input([s], {
      untestedPromptChanges: ['prompts/@evil<script>.txt'],
      promptDiffs: [{ file: 'prompts/</details>.txt', diff: '+```\n+</details>\n+<script>x</script> @everyone\n' }],
    });
  };

  it('comment: structure intact within 65,000 characters', () => {
    expectStructureIntact(renderComment(hostileInput()), COMMENT_MAX_CHARS);
  });

  it('summary: structure intact within 1 MiB', () => {
    const md = renderSummary(hostileInput());
    expectStructureIntact(md, 1024 * 1024);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(1024 * 1024);
  });

  it('text: no control characters reach the terminal', () => {
    const s = suite('t', [row(0, 'P')], [row(0, 'F', { reason: '\u001b[31mred\u001b[0m\nsecond line' })]);
    const text = renderText(input([s]));
    expect(text).not.toContain('\u001b');
    expect(text).toContain('[31mred');
  });
});

describe('budget: drops the least useful content first', () => {
  // Many newly passing, flaky and still failing cases, a few newly failing, a long diff.
  const big = () => {
    const base = [
      ...many(300, 'PPP'),
      ...many(300, 'FFF', 300),
      ...many(300, 'PPF', 600),
      ...many(5, 'PPP', 900),
      ...many(300, 'FFF', 1000),
    ];
    const head = [
      ...many(300, 'PPP'),
      ...many(300, 'PPP', 300),
      ...many(300, 'PFP', 600),
      ...many(5, 'FFF', 900),
      ...many(300, 'FFF', 1000),
    ];
    const diff = Array.from({ length: 3000 }, (_, i) => `+line ${i} of a very long prompt`).join('\n');
    return input([suite('big', base, head)], { promptDiffs: [{ file: 'prompts/p0.txt', diff }] });
  };

  it.each([
    // budget, what must still be there, what must be gone
    [200_000, ['Newly passing (300)', 'Flaky', 'Still failing', '+line 2999'], []],
    [
      20_000,
      ['Newly failing (5)', 'Still failing (300)', 'line 10 of'],
      ['Newly passing (300)', 'Flaky (repeats', '+line 2999'],
    ],
    [
      8_400,
      ['Newly failing (5)', 'Still failing (300)', '+line 14 of', '2985 more lines'],
      ['+line 15 of', 'Newly passing (300)', 'Flaky (repeats'],
    ],
    [
      4_000,
      ['Newly failing (5)', '300 still failing cases omitted', '- prompts/p0.txt (+3000 −0)'],
      ['Still failing (300)', '```diff'],
    ],
  ] as Array<[number, string[], string[]]>)('at %i characters', (budget, kept, dropped) => {
    const md = renderComment(big(), { maxChars: budget });
    expectStructureIntact(md, budget);
    for (const text of kept) expect(md).toContain(text);
    for (const text of dropped) expect(md).not.toContain(text);
    if (budget < 200_000) expect(md).toContain('the full report is in the job summary');
  });

  it('a budget too small for any level still yields closed, valid markdown', () => {
    const md = renderComment(big(), { maxChars: 1500 });
    expectStructureIntact(md, 1500);
    expect(md).toContain('the full report is in the job summary');
  });
});
