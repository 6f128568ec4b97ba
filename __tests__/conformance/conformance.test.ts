// promptgate vs promptfoo: every case of the conformance suite, scored by promptgate, must get the pass
// and score that promptfoo itself recorded (scripts/record-conformance.sh → expected.json). The suite
// uses the echo provider, so a case's output is its rendered prompt.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyTransform, scoreTest } from '../../src/assertions/index.js';
import { loadSuite } from '../../src/config/load.js';
import { renderPrompt } from '../../src/prompts/render.js';
import { silentLogger, type Suite } from '../../src/types.js';

const FIXTURES = path.resolve('__tests__/fixtures/conformance');
const CONFIG = path.join(FIXTURES, 'promptfooconfig.yaml');

interface RecordedCase {
  testIdx: number;
  promptIdx: number;
  description: string;
  output: string | null;
  pass: boolean;
  score: number;
}
const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as {
  promptfooVersion: string;
  cases: RecordedCase[];
};

let suite: Suite;

beforeAll(async () => {
  suite = await loadSuite(CONFIG);
});

test(`the recording covers the whole suite (promptfoo ${expected.promptfooVersion})`, () => {
  expect(expected.cases).toHaveLength(suite.tests.length * suite.prompts.length);
});

describe.each(expected.cases)('test $testIdx × prompt $promptIdx: $description', (recorded) => {
  test(`pass ${recorded.pass}, score ${recorded.score}`, async () => {
    const test = suite.tests[recorded.testIdx]!;
    const prompt = suite.prompts[recorded.promptIdx]!;
    const rendered = renderPrompt(prompt, test.vars);
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
    if (recorded.output !== null) expect(output).toBe(recorded.output);
    const result = await scoreTest({
      output,
      prompt: rendered,
      vars: test.vars,
      test,
      providerId: 'echo',
      latencyMs: 0,
      cached: false,
      rootDir: suite.rootDir,
      gradingProvider: () => Promise.reject(new Error('the conformance suite has no model-graded assertions')),
      logger: silentLogger,
    });
    expect(result.error).toBeUndefined();
    expect(result.pass).toBe(recorded.pass);
    expect(Math.abs(result.score - recorded.score)).toBeLessThanOrEqual(1e-9);
  });
});
