// Loading promptfoo's assertScoringFunction: a test's or defaultTest's file:// reference to a JavaScript or
// Python function, resolved against the config's directory, recorded among the suite's files, and inherited
// from defaultTest by every test that has none of its own. Anything else is a located error.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSuite } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'promptgate-scoring-fn-'));
  await mkdir(path.join(dir, 'scoring'));
  await mkdir(path.join(dir, 'tests'));
  await writeFile(
    path.join(dir, 'scoring/default.js'),
    'module.exports = () => ({ pass: true, score: 1, reason: "ok" });\n',
  );
  await writeFile(
    path.join(dir, 'scoring/min.mjs'),
    'export const minimum = () => ({ pass: true, score: 1, reason: "ok" });\n',
  );
  await writeFile(
    path.join(dir, 'scoring/accuracy.py'),
    'def calculate_score(named_scores, context):\n    return {"pass": True, "score": 1, "reason": "ok"}\n',
  );
  await writeFile(
    path.join(dir, 'tests/more.yaml'),
    '- vars: { text: from a file }\n  assertScoringFunction: file://scoring/min.mjs:minimum\n  assert: [{ type: contains, value: file }]\n',
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

let written = 0;
async function load(yaml: string) {
  const file = path.join(dir, `config-${written++}.yaml`);
  await writeFile(file, `prompts: ['{{ text }}']\nproviders: [echo]\n${yaml}`);
  return { file, suite: loadSuite(file) };
}

/** The message of the ConfigError loading `yaml` raises, from the config's name on. */
async function loadError(yaml: string): Promise<string> {
  const { file, suite } = await load(yaml);
  const error: unknown = await suite.then(
    () => new Error('loaded without an error'),
    (err: unknown) => err,
  );
  if (!(error instanceof ConfigError)) throw error;
  return error.message.slice(error.message.indexOf(path.basename(file)));
}

test("defaultTest's function is every test's unless a test names its own (JS, a named export, Python)", async () => {
  const { file, suite } = await load(`defaultTest:
  assertScoringFunction: file://./scoring/default.js
  assert: [{ type: contains, value: a, metric: letters }]
tests:
  - vars: { text: abc }
  - vars: { text: bcd }
    assertScoringFunction: file://scoring/accuracy.py:calculate_score
  - file://tests/more.yaml
`);
  const loaded = await suite;
  const refs = loaded.tests.map((t) => t.assertScoringFunction);
  expect(
    refs.map((r) => r && { reference: r.reference, file: r.file, functionName: r.functionName, language: r.language }),
  ).toEqual([
    {
      reference: 'file://./scoring/default.js',
      file: path.join(dir, 'scoring/default.js'),
      functionName: undefined,
      language: 'javascript',
    },
    {
      reference: 'file://scoring/accuracy.py:calculate_score',
      file: path.join(dir, 'scoring/accuracy.py'),
      functionName: 'calculate_score',
      language: 'python',
    },
    // A test from a tests file resolves against the config's directory, as promptfoo's basePath does.
    {
      reference: 'file://scoring/min.mjs:minimum',
      file: path.join(dir, 'scoring/min.mjs'),
      functionName: 'minimum',
      language: 'javascript',
    },
  ]);
  expect(refs.map((r) => r && `${path.basename(r.location.file)}:${r.location.line ?? '?'} ${r.at}`)).toEqual([
    `${path.basename(file)}:4 defaultTest.assertScoringFunction`,
    `${path.basename(file)}:9 tests[1].assertScoringFunction`,
    'more.yaml:2 [0].assertScoringFunction',
  ]);
  for (const script of ['default.js', 'accuracy.py', 'min.mjs'])
    expect(loaded.referencedFiles).toContain(path.join(dir, 'scoring', script));
});

test.each([
  [
    'a missing file',
    'file://scoring/gone.js',
    ':6:28: tests[0].assertScoringFunction: file://scoring/gone.js: no such file',
  ],
  [
    'a path without file://',
    'scoring/default.js',
    ':6:28: tests[0].assertScoringFunction: expected file://path/to/score.js[:function_name] (.js, .mjs, .cjs, .ts, .mts, .cts) or file://path/to/score.py[:function_name], got "scoring/default.js"',
  ],
  [
    'a file that is not a script',
    'file://tests/more.yaml',
    ':6:28: tests[0].assertScoringFunction: file://tests/more.yaml: expected file://path/to/score.js',
  ],
  [
    'a file outside the project',
    'file://../elsewhere.js',
    ':6:28: tests[0].assertScoringFunction: file://../elsewhere.js resolves to',
  ],
  ['not a string', '{ fn: x }', ':6:28: tests[0].assertScoringFunction: expected file://path/to/score.js'],
])('%s is a located error', async (_what, value, expected) => {
  const message = await loadError(`tests:
  - vars: { text: abc }
    assert: [{ type: contains, value: a }]
    assertScoringFunction: ${value}
`);
  expect(message).toContain(expected);
});

test('a misspelt key is still unknown, with the right one suggested', async () => {
  expect(
    await loadError(`tests:
  - vars: { text: abc }
    assertScoringFunctions: file://scoring/default.js
`),
  ).toContain('unknown key in a test (did you mean "assertScoringFunction"?)');
});
