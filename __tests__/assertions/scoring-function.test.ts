// promptfoo's assertScoringFunction at run time: after the test's own assertions are scored, the function gets
// what promptfoo 0.123.1's AssertionsResult.testResult gives it — (namedScores: the weighted mean per metric,
// { threshold, parentAssertionSet, componentResults, tokensUsed }) — and its {pass, score, reason} are the
// test's. A function that throws, cannot be loaded or answers something else makes the case an error.
import { mkdtempSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scoreTest } from '../../src/assertions/index.js';
import type { AssertionSpec, ScoringFunctionRef } from '../../src/types.js';
import { context } from './context.js';

// Made when the module loads: the table of error cases below names its files.
const dir = mkdtempSync(path.join(tmpdir(), 'promptgate-scoring-run-'));
beforeAll(async () => {
  const files: Record<string, string> = {
    // Answers with what it was given, so that the test can read it back from the reason.
    'echo.js': `module.exports = (namedScores, context) => ({
  pass: namedScores.accuracy >= 0.5,
  score: namedScores.accuracy,
  reason: JSON.stringify({ namedScores, context, hasThresholdKey: 'threshold' in context }),
});\n`,
    'named.mjs': `export const minimum = (namedScores, context) => {
  const min = Math.min(...Object.values(namedScores));
  return { pass: min >= (context.threshold ?? 0.7), score: min, reason: 'minimum ' + min, namedScores: { minimum: min } };
};\n`,
    'func.mjs': `export function func(namedScores) { return { pass: true, score: 0.25, reason: 'func export' }; }\n`,
    'throws.js': `module.exports = { broken() { throw new Error('no accuracy score'); } };\n`,
    'malformed.js': `module.exports = { noReason: () => ({ pass: true, score: 1 }), nan: () => ({ pass: true, score: NaN, reason: 'x' }), badNamed: () => ({ pass: true, score: 1, reason: 'x', namedScores: { a: 'high' } }) };\n`,
    'score.py': `import json

def calculate_score(named_scores, context):
    return {"pass": named_scores.get("accuracy", 0) >= context.get("threshold", 0.7), "score": named_scores.get("accuracy", 0), "reason": json.dumps({"named_scores": named_scores, "context": context}, sort_keys=True)}

def func(named_scores, context):
    return {"pass": False, "score": 0.1, "reason": "python default"}

def broken(named_scores, context):
    raise ValueError("python scorer broke")

def not_a_result(named_scores, context):
    return 0.5
`,
  };
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function ref(file: string, functionName?: string): ScoringFunctionRef {
  const reference = `file://${file}${functionName ? `:${functionName}` : ''}`;
  return {
    reference,
    file: path.join(dir, file),
    ...(functionName ? { functionName } : {}),
    language: file.endsWith('.py') ? 'python' : 'javascript',
    location: { file: 'promptfooconfig.yaml', line: 7, column: 26 },
    at: 'tests[1].assertScoringFunction',
  };
}

const accurate: AssertionSpec = { type: 'contains', value: 'Hola', metric: 'accuracy' };
const fluent: AssertionSpec = { type: 'contains', value: 'amigo', metric: 'fluency', weight: 2 };
const moreAccurate: AssertionSpec = { type: 'icontains', value: 'HOLA', metric: 'accuracy', weight: 3 };

function score(scorer: ScoringFunctionRef, assert: AssertionSpec[], extra: { threshold?: number } = {}) {
  return scoreTest(context('Hola, que tal?', { assert, assertScoringFunction: scorer, ...extra }));
}

test('a JavaScript function sees the weighted named scores, the threshold and each result with its assertion', async () => {
  const result = await score(ref('echo.js'), [accurate, fluent, moreAccurate], { threshold: 0.9 });
  expect(result.error).toBeUndefined();
  const seen = JSON.parse(result.reason) as Record<string, unknown>;
  expect(seen).toEqual({
    namedScores: { accuracy: 1, fluency: 0 },
    context: {
      threshold: 0.9,
      componentResults: [
        { pass: true, score: 1, reason: 'Assertion passed', assertion: accurate },
        { pass: false, score: 0, reason: 'Expected output to contain "amigo"', assertion: fluent },
        { pass: true, score: 1, reason: 'Assertion passed', assertion: moreAccurate },
      ],
      tokensUsed: { total: 0, prompt: 0, completion: 0, cached: 0, numRequests: 0 },
    },
    // promptfoo passes the key even when the test has no threshold (undefined): JSON drops it above.
    hasThresholdKey: true,
  });
  // The function's verdict replaces the weighted mean (4/6, failing because fluency failed).
  expect([result.pass, result.score]).toEqual([true, 1]);
  // The function's verdict with its reason comes first, then the assertions one by one.
  expect(result.assertions.map((a) => [a.type, a.pass])).toEqual([
    ['assertScoringFunction', true],
    ['contains', true],
    ['contains', false],
    ['icontains', true],
  ]);
  expect(result.assertions[0]).toEqual({ type: 'assertScoringFunction', pass: true, score: 1, reason: result.reason });
});

test("a named export's verdict and named scores are the test's; the threshold is the function's to use", async () => {
  const result = await score(ref('named.mjs', 'minimum'), [accurate, fluent]);
  expect(result).toMatchObject({ pass: false, score: 0, reason: 'minimum 0', namedScores: { minimum: 0 } });
  expect(result.error).toBeUndefined();
  const passing = await score(ref('named.mjs', 'minimum'), [accurate, { ...fluent, value: 'que' }], { threshold: 1 });
  expect(passing).toMatchObject({ pass: true, score: 1, reason: 'minimum 1' });
});

test("without a function name, a module's `func` export is called, as promptfoo's loadFunction does", async () => {
  expect(await score(ref('func.mjs'), [accurate])).toMatchObject({ pass: true, score: 0.25, reason: 'func export' });
});

test('an assert-set reaches the function as its result followed by its assertions', async () => {
  const set: AssertionSpec = { type: 'assert-set', metric: 'accuracy', assert: [accurate, fluent] };
  const seen = JSON.parse((await score(ref('echo.js'), [set])).reason) as {
    namedScores: Record<string, number>;
    context: { componentResults: Array<Record<string, unknown>> };
  };
  expect(seen.namedScores).toEqual({ accuracy: 1 / 3, fluency: 0 });
  const [own, ...inner] = seen.context.componentResults;
  expect(own).toMatchObject({ pass: false, score: 1 / 3, reason: 'Expected output to contain "amigo"' });
  expect(own!.assertion).toBeUndefined();
  expect(inner.map((r) => r.assertion)).toEqual([accurate, fluent]);
  expect(own!.componentResults).toEqual(inner);
});

test('a Python function gets the same arguments as JSON (no threshold key when the test has none)', async () => {
  const result = await score(ref('score.py', 'calculate_score'), [accurate, fluent]);
  expect(result.error).toBeUndefined();
  expect([result.pass, result.score]).toEqual([true, 1]);
  const seen = JSON.parse(result.reason) as { named_scores: unknown; context: Record<string, unknown> };
  expect(seen.named_scores).toEqual({ accuracy: 1, fluency: 0 });
  expect(Object.keys(seen.context).sort()).toEqual(['componentResults', 'tokensUsed']);
  const strict = await score(ref('score.py', 'calculate_score'), [{ ...accurate, value: 'Adios' }], { threshold: 0 });
  expect([strict.pass, strict.score]).toEqual([true, 0]);
  expect(await score(ref('score.py'), [accurate])).toMatchObject({ pass: false, score: 0.1, reason: 'python default' });
});

test.each([
  [
    'a JavaScript function that throws',
    ref('throws.js', 'broken'),
    'promptfooconfig.yaml:7:26: tests[1].assertScoringFunction: file://throws.js:broken threw: no accuracy score',
  ],
  [
    'a missing export',
    ref('throws.js', 'absent'),
    'promptfooconfig.yaml:7:26: tests[1].assertScoringFunction: file://throws.js:absent could not be loaded:',
  ],
  [
    'an answer without a reason',
    ref('malformed.js', 'noReason'),
    'tests[1].assertScoringFunction: file://malformed.js:noReason must return a GradingResult {pass: boolean, score: number, reason: string}; got {"pass":true,"score":1}',
  ],
  [
    'a NaN score',
    ref('malformed.js', 'nan'),
    'must return a GradingResult {pass: boolean, score: number, reason: string} with a finite score',
  ],
  [
    'named scores that are not numbers',
    ref('malformed.js', 'badNamed'),
    'whose namedScores, when given, map metric names to numbers',
  ],
  [
    'a Python function that raises',
    ref('score.py', 'broken'),
    'promptfooconfig.yaml:7:26: tests[1].assertScoringFunction: file://score.py:broken failed: ',
  ],
  [
    'a Python function answering a number',
    ref('score.py', 'not_a_result'),
    'file://score.py:not_a_result must return a GradingResult',
  ],
])('%s makes the case an error, never a fail', async (_what, scorer, message) => {
  const result = await score(scorer, [accurate]);
  expect(result.error).toContain(message);
  expect(result).toMatchObject({ pass: false, score: 0, reason: result.error });
  expect(result.assertions).toHaveLength(1);
});

test("a Python function's traceback reaches the message", async () => {
  expect((await score(ref('score.py', 'broken'), [accurate])).error).toContain('ValueError: python scorer broke');
});

test('a test with no assertions is not scored by the function (promptfoo: "No assertions")', async () => {
  expect(await score(ref('throws.js', 'broken'), [])).toMatchObject({ pass: true, score: 1, reason: 'No assertions' });
});
