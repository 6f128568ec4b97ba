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
      'a python provider, by file:// or python:',
      suite({
        providers: [
          { id: 'file://providers/model.py:answer', config: {} },
          { id: 'python:providers/other.py', config: { pythonExecutable: 'python3.12' } },
        ],
      }),
      [
        {
          what: 'custom provider module (providers[0] file://providers/model.py:answer)',
          file: 'evals/providers/model.py',
        },
        { what: 'python provider (providers[1] python:providers/other.py)', file: 'evals/providers/other.py' },
        { what: 'provider pythonExecutable (providers[1] python:providers/other.py)', file: 'evals/promptgate.yaml' },
      ],
    ],
    [
      "an http provider's transforms: inline ones are code from the config, file:// ones from their file",
      suite({
        providers: [
          {
            id: 'http',
            config: {
              url: 'https://app.example/chat',
              transformResponse: 'json.reply',
              transformRequest: 'file://transforms/request.js',
              sessionParser: 'data.headers["x-session"]',
              body: { message: '{{prompt}}' },
            },
          },
        ],
      }),
      [
        { what: 'provider transformResponse (providers[0] http)', file: 'evals/promptgate.yaml' },
        { what: 'provider transformRequest (providers[0] http)', file: 'evals/transforms/request.js' },
        { what: 'provider sessionParser (providers[0] http)', file: 'evals/promptgate.yaml' },
      ],
    ],
    [
      "a sagemaker provider's request transform and response path",
      suite({
        providers: [
          {
            id: 'sagemaker:jumpstart:ep',
            config: { transform: 'file://t.js', responseFormat: { path: 'json.generated_text' } },
          },
        ],
      }),
      [
        { what: 'provider transform (providers[0] sagemaker:jumpstart:ep)', file: 'evals/t.js' },
        { what: 'provider responseFormat.path (providers[0] sagemaker:jumpstart:ep)', file: 'evals/promptgate.yaml' },
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
