// promptgate vs promptfoo: every case of each conformance suite, rendered and scored by promptgate, must get
// the output, pass and score that promptfoo itself recorded (scripts/record-conformance.sh → expected.json
// next to each suite's config), and error where promptfoo errored. The suites use the echo provider, so a
// case's output is its rendered prompt.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyTransform, scoreTest } from '../../src/assertions/index.js';
import { loadSuite } from '../../src/config/load.js';
import { templateFilters } from '../../src/prompts/functions.js';
import { renderPrompt } from '../../src/prompts/render.js';
import { createEchoProvider } from '../../src/providers/echo.js';
import { silentLogger, type Suite } from '../../src/types.js';

const FIXTURES = path.resolve('__tests__/fixtures/conformance');
// The assertion suite, and one folder per further area.
const SUITES = [
  '.',
  'rendering',
  'xml',
  'graded',
  'sql',
  'text-scores',
  'html',
  'filters',
  'csv-thresholds',
  'scoring',
  'xlsx',
];

interface RecordedCase {
  testIdx: number;
  promptIdx: number;
  description: string;
  output: string | null;
  pass: boolean;
  score: number;
  /** First line of promptfoo's error, when the case errored there. */
  error?: string;
}

function recording(dir: string): { promptfooVersion: string; cases: RecordedCase[] } {
  return JSON.parse(readFileSync(path.join(FIXTURES, dir, 'expected.json'), 'utf8')) as {
    promptfooVersion: string;
    cases: RecordedCase[];
  };
}

/** What the engine does with one case, minus the provider call (echo: the output is the prompt). */
async function runCase(suite: Suite, recorded: RecordedCase) {
  const test = suite.tests[recorded.testIdx];
  const prompt = suite.prompts[recorded.promptIdx];
  const rendered = renderPrompt(prompt, test.vars, await templateFilters(suite));
  let output: unknown = rendered;
  // The test's own transform runs before the assertions (the engine's job in a real run).
  if (test.options.transform) {
    output = await applyTransform(
      test.options.transform,
      output,
      { vars: test.vars, prompt: { label: prompt.label } },
      suite.rootDir,
    );
  }
  const score = await scoreTest({
    output,
    prompt: rendered,
    vars: test.vars,
    test,
    providerId: 'echo',
    latencyMs: 0,
    cached: false,
    rootDir: suite.rootDir,
    // A suite's grader may be promptfoo's echo: its answer is the grading prompt. No other grader is reachable.
    gradingProvider: (spec) =>
      spec === 'echo'
        ? Promise.resolve(createEchoProvider({ id: 'echo', config: {} }))
        : Promise.reject(new Error('the conformance suites grade with echo only')),
    logger: silentLogger,
  });
  return { output, score };
}

describe.each(SUITES)('conformance suite %s', (dir) => {
  const expected = recording(dir);
  let suite: Suite;

  beforeAll(async () => {
    suite = await loadSuite(path.join(FIXTURES, dir, 'promptfooconfig.yaml'));
  });

  test(`the recording covers the whole suite (promptfoo ${expected.promptfooVersion})`, () => {
    expect(expected.cases).toHaveLength(suite.tests.length * suite.prompts.length);
  });

  describe.each(expected.cases)('test $testIdx × prompt $promptIdx: $description', (recorded) => {
    if (recorded.error !== undefined) {
      test(`errors as in promptfoo: ${recorded.error}`, async () => {
        const outcome = await runCase(suite, recorded).then(
          ({ score }) => score.error ?? 'no error',
          (err: unknown) => (err instanceof Error ? err.message : String(err)),
        );
        expect(outcome).toContain(recorded.error!.replace(/^\w*Error: /, ''));
      });
      return;
    }
    test(`pass ${recorded.pass}, score ${recorded.score}`, async () => {
      const { output, score } = await runCase(suite, recorded);
      if (recorded.output !== null) expect(output).toBe(recorded.output);
      expect(score.error).toBeUndefined();
      expect(score.pass).toBe(recorded.pass);
      expect(Math.abs(score.score - recorded.score)).toBeLessThanOrEqual(1e-9);
    });
  });
});
