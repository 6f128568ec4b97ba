// What a suite would run, and which of it a pull request changed: the pull_request_target trust boundary.
import { codeUses, untrustedCode } from '../../src/review/trust.js';
import type { Suite, TestCase } from '../../src/types.js';

const repo = '/repo';
const testCase = (partial: Partial<TestCase>): TestCase => ({ vars: {}, assert: [], options: {}, ...partial });

function suite(partial: Partial<Suite>): Suite {
  return {
    configPath: '/repo/evals/promptgate.yaml',
    rootDir: '/repo/evals',
    prompts: [{ id: 'file://p.txt', label: 'p.txt', raw: 'x', file: 'p.txt' }],
    providers: [{ id: 'echo', config: {} }],
    tests: [],
    evaluateOptions: { maxConcurrency: 1, repeat: 1, timeoutMs: 1000, maxRetries: 0 },
    gate: { ship: 0.9, fix: 0.5, alpha: 0.05, maxErrorRate: 0.1 },
    referencedFiles: [],
    ...partial,
  };
}

describe('codeUses: everything besides text that a suite executes, and where it comes from', () => {
  test.each([
    [
      'prompts, vars and plain assertions are text',
      suite({ tests: [testCase({ assert: [{ type: 'contains', value: 'x' }] })] }),
      [],
    ],
    [
      'a custom provider module',
      suite({ providers: [{ id: 'file://providers/model.mjs', config: {} }] }),
      [{ what: 'custom provider module (providers[0] file://providers/model.mjs)', file: 'evals/providers/model.mjs' }],
    ],
    [
      'an exec provider: the config that names the command, and the script it runs',
      suite({ providers: [{ id: 'exec: node scripts/run.mjs --fast', config: {} }] }),
      [
        { what: 'exec provider (providers[0] exec: node scripts/run.mjs --fast)', file: 'evals/promptgate.yaml' },
        {
          what: 'exec provider script (providers[0] exec: node scripts/run.mjs --fast)',
          file: 'evals/scripts/run.mjs',
        },
      ],
    ],
    [
      'an inline javascript assertion is code from the file it is written in',
      suite({
        tests: [
          testCase({
            assert: [
              {
                type: 'not-javascript',
                value: 'output.length > 3',
                location: { file: '/repo/evals/tests.yaml', line: 3, column: 5 },
              },
            ],
          }),
        ],
      }),
      [{ what: 'javascript assertion (tests[0].assert[0])', file: 'evals/tests.yaml' }],
    ],
    [
      'a javascript file, a transform file, and a grader module',
      suite({
        tests: [
          testCase({
            options: { transform: 'file://t.js', provider: 'file://grader.mjs' },
            assert: [
              { type: 'javascript', value: 'file://checks.js:fn' },
              { type: 'llm-rubric', value: 'polite', provider: { id: 'exec: ./grade.sh', config: {} } },
            ],
          }),
        ],
      }),
      [
        { what: 'custom provider module (tests[0].options.provider)', file: 'evals/grader.mjs' },
        { what: 'output transform (tests[0])', file: 'evals/t.js' },
        { what: 'javascript assertion (tests[0].assert[0])', file: 'evals/checks.js' },
        { what: 'exec provider (tests[0].assert[1].provider)', file: 'evals/promptgate.yaml' },
        { what: 'exec provider script (tests[0].assert[1].provider)', file: 'evals/grade.sh' },
      ],
    ],
    [
      'python assertions, vars and provider transforms, per-kind graders',
      suite({
        providers: [{ id: 'echo', config: {}, transform: 'file://shout.js' }],
        tests: [
          testCase({
            options: {
              transformVars: '({ ...vars })',
              provider: { text: 'file://grader.mjs', embedding: 'openai:embedding:e' } as never,
            },
            assert: [{ type: 'python', value: 'file://checks.py' }],
          }),
        ],
      }),
      [
        { what: 'provider transform (providers[0])', file: 'evals/shout.js' },
        { what: 'custom provider module (tests[0].options.provider.text)', file: 'evals/grader.mjs' },
        { what: 'vars transform (tests[0])', file: 'evals/promptgate.yaml' },
        { what: 'python assertion (tests[0].assert[0])', file: 'evals/checks.py' },
      ],
    ],
  ])('%s', (_name, s, expected) => {
    expect(codeUses(s, repo)).toEqual(expected);
  });
});

test('untrustedCode: only code whose file the pull request changed', () => {
  const uses = [
    { what: 'a', file: 'evals/promptgate.yaml' },
    { what: 'b', file: 'evals/checks.js' },
  ];
  expect(untrustedCode(uses, new Set(['evals/p.txt']))).toEqual([]);
  expect(untrustedCode(uses, new Set(['evals/checks.js', 'evals/p.txt']))).toEqual([uses[1]]);
});
