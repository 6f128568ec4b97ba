// Builds the ScoreContext a single assertion (or a whole test) is scored in, for the tables below.
import path from 'node:path';
import { scoreTest, type ScoreContext, type TestScore } from '../../src/assertions/index.js';
import { silentLogger, type AssertionSpec, type Provider, type TestCase } from '../../src/types.js';

export const FIXTURES = path.resolve('__tests__/fixtures/assertions');

export function context(
  output: unknown,
  test: Partial<TestCase> = {},
  extra: Partial<ScoreContext> = {},
): ScoreContext {
  const fullTest: TestCase = { vars: {}, assert: [], options: {}, ...test };
  return {
    output,
    prompt: typeof output === 'string' ? output : JSON.stringify(output),
    vars: fullTest.vars,
    test: fullTest,
    providerId: 'echo',
    latencyMs: 100,
    cached: false,
    rootDir: FIXTURES,
    gradingProvider: async (): Promise<Provider> => {
      throw new Error('no grading provider in this test');
    },
    logger: silentLogger,
    ...extra,
  };
}

/** Scores one assertion alone on an output. */
export function scoreOne(
  assertion: AssertionSpec,
  output: unknown,
  vars: Record<string, unknown> = {},
): Promise<TestScore> {
  return scoreTest(context(output, { vars, assert: [assertion] }));
}
