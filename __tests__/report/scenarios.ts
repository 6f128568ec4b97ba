// Realistic report inputs built from real comparisons of fixture results.
import { compareResults } from '../../src/compare/compare.js';
import { DEFAULT_FAIL_POLICY, decideVerdict, gate, shouldFailCheck } from '../../src/gate.js';
import type { ReportInput, SuiteReport } from '../../src/report/input.js';
import { evalResults, many, row, type Row } from '../compare/fixtures.js';

const gateConfig = { ship: 0.9, fix: 0.5, alpha: 0.05, maxErrorRate: 0.1 };

export function suite(name: string, base: Row[], head: Row[], critical: number[] = []): SuiteReport {
  const comparison = compareResults(evalResults(base), evalResults(head), {
    alpha: 0.05,
    maxErrorRate: 0.1,
    criticalTests: new Set(critical),
    gate: gateConfig,
  });
  const verdict = decideVerdict(
    {
      inconclusive: comparison.inconclusive,
      regression: comparison.regression,
      headPassRate: comparison.overall.head.rate,
    },
    gateConfig,
  );
  const headRate = comparison.overall.head;
  const gateDecision = headRate.passed + headRate.failed > 0 ? { gateDecision: gate(headRate.rate, gateConfig) } : {};
  return { name, comparison, verdict, gate: gateConfig, ...gateDecision };
}

export function input(suites: SuiteReport[], extra: Partial<ReportInput> = {}): ReportInput {
  const overallVerdict = extra.overallVerdict ?? suites[0]?.verdict ?? 'skipped';
  const failPolicy = extra.failPolicy ?? DEFAULT_FAIL_POLICY;
  return {
    marker: '<!-- promptgate:report -->',
    suites,
    overallVerdict,
    failPolicy,
    blocks: shouldFailCheck(overallVerdict, failPolicy),
    untestedPromptChanges: [],
    promptDiffs: [
      {
        file: 'prompts/p0.txt',
        diff: '--- a/prompts/p0.txt\n+++ b/prompts/p0.txt\n@@ -1,2 +1,2 @@\n-You are a helpful assistant.\n+You are a terse assistant.\n Answer: {{question}}\n',
      },
    ],
    baseSha: '1111111aaaaaaabbbbbbbcccccccdddddddeeee',
    headSha: '2222222aaaaaaabbbbbbbcccccccdddddddeeee',
    runUrl: 'https://github.com/acme/app/actions/runs/42',
    calls: { made: 120, cached: 30 },
    ...extra,
  };
}

/** The named scenarios the golden files pin down, one per verdict. */
export const scenarios: Record<string, () => ReportInput> = {
  ship: () =>
    input([
      suite(
        'support-bot',
        [...many(46, 'PPP'), ...many(4, 'FFF', 46)],
        [...many(47, 'PPP'), row(47, 'PFP'), ...many(2, 'FFF', 48)],
      ),
    ]),
  regression: () =>
    input([
      suite(
        'support-bot',
        many(40, 'P'),
        [
          ...many(32, 'P'),
          row(32, 'F', {
            reason: 'expected output to contain "refund"',
            vars: { question: 'Can I get a refund?' },
            output: 'No.',
          }),
          ...many(7, 'F', 33),
        ],
        [32],
      ),
    ]),
  inconclusive: () => input([suite('support-bot', many(20, 'P'), [...many(12, 'P'), ...many(8, 'E', 12)])]),
  'fix-prompt': () =>
    input([suite('support-bot', [...many(8, 'P'), ...many(12, 'F', 8)], [...many(8, 'P'), ...many(12, 'F', 8)])]),
  'fine-tune': () =>
    input([suite('support-bot', [...many(14, 'P'), ...many(6, 'F', 14)], [...many(15, 'P'), ...many(5, 'F', 15)])], {
      datasetPath: 'promptgate-failing-cases.jsonl',
      untestedPromptChanges: ['prompts/unused.txt'],
    }),
  'two-suites': () => {
    const a = suite('support-bot', many(20, 'P'), many(20, 'P'));
    const b = suite('summarizer', many(30, 'P', 0, { promptIdx: 1, provider: 'openai:chat:gpt-4o-mini' }), [
      ...many(20, 'P', 0, { promptIdx: 1, provider: 'openai:chat:gpt-4o-mini' }),
      ...many(10, 'F', 20, { promptIdx: 1, provider: 'openai:chat:gpt-4o-mini' }),
    ]);
    return input([a, b], { overallVerdict: 'regression' });
  },
};
