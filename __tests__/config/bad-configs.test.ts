// The bad-input corpus: every mistake a user can make in a suite is reported where it was written
// (file:line:col), with its key path and what would be right. One folder per mistake under
// __tests__/fixtures/bad-configs/, each a small project whose promptgate.yaml is loaded as it is.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadSuite } from '../../src/config/load.js';
import { firstInvalidUtf8 } from '../../src/config/files.js';
import { checkJsonSyntax } from '../../src/config/source.js';
import { SUPPORTED_ASSERTION_TYPES } from '../../src/assertions/index.js';
import { ConfigError } from '../../src/errors.js';

const BAD = '__tests__/fixtures/bad-configs';
const ABS = path.resolve(BAD);
// The list itself is the registry's (it grows with every type); what is checked is the place and the hint.
const TYPES = SUPPORTED_ASSERTION_TYPES.join(', ');

async function loadError(fixture: string): Promise<ConfigError> {
  const error: unknown = await loadSuite(path.join(BAD, fixture, 'promptgate.yaml')).then(
    () => new Error(`${fixture} loaded without an error`),
    (err: unknown) => err,
  );
  if (!(error instanceof ConfigError)) throw error;
  return error;
}

// [fixture folder, the message after `__tests__/fixtures/bad-configs/`]
const CORPUS: Array<[string, string]> = [
  // Syntax and encoding
  [
    'yaml-syntax',
    'yaml-syntax/promptgate.yaml:2:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
  ],
  ['duplicate-key', 'duplicate-key/promptgate.yaml:3:1: invalid YAML: Map keys must be unique'],
  ['config-latin1', 'config-latin1/promptgate.yaml:3:6: byte 0xE9 is not valid UTF-8; save the config as UTF-8 text'],
  [
    'non-utf8',
    'non-utf8/promptgate.yaml:2:5: prompts[0]: prompts/latin1.txt is not valid UTF-8 at line 1, column 4 (byte 0xE9); save it as UTF-8 text',
  ],
  [
    'binary-glob',
    'binary-glob/promptgate.yaml:2:5: prompts[0]: prompts/logo.png is a binary file (matched by file://prompts/*; narrow the glob to text files, e.g. by extension); expected UTF-8 text',
  ],
  [
    'vars-invalid-json',
    'vars-invalid-json/vars/profile.json:4:1: invalid JSON: Expected double-quoted property name; JSON allows no trailing commas, comments or single quotes (YAML does: rename the file .yaml to use them)',
  ],
  [
    'ragged-csv',
    'ragged-csv/tests/ragged.csv:3: this row has 1 cell but the header has 2 cells (name, __expected); every row needs one cell per column, and a cell holding a comma must be quoted',
  ],
  [
    'csv-config-column',
    "csv-config-column/tests/thresholds.csv:2: column 5 (__config:__expected3:threshold): names __expected3, but this file has no __expected3 column (its assertion columns: __expected1, __expected2); promptfoo would give the threshold to the row's assertion number 3, whichever column that is",
  ],
  // Wrong types
  [
    'tests-number',
    'tests-number/promptgate.yaml:3:8: tests: expected a list of tests, or file://tests.yaml|json|csv, got a number (3)',
  ],
  [
    'test-threshold-string',
    'test-threshold-string/promptgate.yaml:5:16: tests[0].threshold: expected a number from 0 to 1 (the weighted assertion score the test needs), got "high"',
  ],
  ['critical-string', 'critical-string/promptgate.yaml:5:15: tests[0].critical: expected true or false'],
  [
    'vars-list',
    'vars-list/promptgate.yaml:4:11: tests[0].vars: expected a map of variables, or file://vars.yaml (a path, a glob or a list of them)',
  ],
  [
    'provider-number',
    'provider-number/promptgate.yaml:4:5: providers[1]: expected a provider: an id such as openai:chat:gpt-4o-mini, or an object {id, label, config}, got a number (42)',
  ],
  [
    'provider-id-number',
    'provider-id-number/promptgate.yaml:4:9: providers[1].id: expected a provider id such as openai:chat:gpt-4o-mini (a string)',
  ],
  // Missing or empty
  [
    'empty-prompts',
    'empty-prompts/promptgate.yaml:1:10: prompts: is empty: expected a list of prompts (strings, file://paths or {id, label, raw} objects)',
  ],
  [
    'empty-tests',
    'empty-tests/promptgate.yaml:3:8: tests: is empty: expected a list of tests, or file://tests.yaml|json|csv',
  ],
  [
    'no-providers',
    'no-providers/promptgate.yaml:1:1: providers: is required: expected a list of providers: ids such as openai:chat:gpt-4o-mini, or objects {id, label, config}',
  ],
  [
    'missing-prompt-file',
    `missing-prompt-file/promptgate.yaml:3:5: prompts[1]: file://prompts/nope.txt: no such file (looked for ${ABS}/missing-prompt-file/prompts/nope.txt)`,
  ],
  [
    'missing-tests-file',
    `missing-tests-file/promptgate.yaml:5:5: tests[1]: file://tests/missing.yaml: no such file (looked for ${ABS}/missing-tests-file/tests/missing.yaml)`,
  ],
  [
    'missing-vars-file',
    `missing-vars-file/promptgate.yaml:5:12: tests[0].vars.doc: file://vars/none.txt: no such file (looked for ${ABS}/missing-vars-file/vars/none.txt)`,
  ],
  // Assertions
  [
    'unknown-assertion',
    `unknown-assertion/promptgate.yaml:9:15: tests[1].assert[1].type: unknown assertion type "containz" (did you mean "contains"?); expected one of ${TYPES} (or a not- form)`,
  ],
  [
    'assertion-type-missing',
    'assertion-type-missing/promptgate.yaml:5:9: tests[0].assert[0].type: expected an assertion type such as contains, equals or javascript (a string)',
  ],
  [
    'bad-regex',
    'bad-regex/promptgate.yaml:6:16: tests[0].assert[0].value: invalid regular expression: /([/: Unterminated character class',
  ],
  [
    'bad-test-file',
    'bad-test-file/tests/bad-assert.yaml:5:15: [0].assert[0].weight: expected a weight, 0 or more, got -1',
  ],
  // Identity and ranges
  [
    'duplicate-prompt-ids',
    'duplicate-prompt-ids/promptgate.yaml:4:5: prompts[1]: duplicate prompt "greet" with the label "greet" (also prompts[0], line 2); give one of them a distinct label or id',
  ],
  [
    'test-threshold-range',
    'test-threshold-range/promptgate.yaml:6:16: tests[0].threshold: expected a number from 0 to 1 (the weighted assertion score the test needs), got 1.5',
  ],
  ['gate-ship-range', 'gate-ship-range/promptgate.yaml:5:9: gate.ship: expected a number from 0 to 1, got 2'],
  [
    'gate-order',
    'gate-order/promptgate.yaml:6:8: gate.fix: gate.fix (0.9) must not exceed gate.ship (0.5): below fix means "fix first", above ship means "ship"',
  ],
  ['gate-typo', 'gate-typo/promptgate.yaml:5:8: gate.shp: unknown key "shp"'],
  [
    'repeat-zero',
    'repeat-zero/promptgate.yaml:5:11: evaluateOptions.repeat: expected a whole number, 1 or more, got 0',
  ],
  // Keys: a typo at any level is an error with "did you mean"; a promptfoo key promptgate does not implement is
  // refused by name, with what to do instead (a silently ignored key would run a different suite).
  [
    'test-key-typo',
    'test-key-typo/promptgate.yaml:6:7: tests[0].asert: unknown key in a test (did you mean "assert"?); expected one of description, vars, assert, threshold, options, metadata, critical, providers, prompts, provider, providerOutput, assertScoringFunction',
  ],
  [
    'assertion-key-typo',
    'assertion-key-typo/promptgate.yaml:5:34: tests[0].assert[0].valeu: unknown key in an assertion (did you mean "value"?); expected one of type, value, threshold, weight, metric, transform, provider, config, rubricPrompt, contextTransform',
  ],
  [
    'config-key-typo',
    'config-key-typo/promptgate.yaml:4:3: test: unknown key in the config (did you mean "tests"?); expected one of description, prompts, providers, targets, tests, defaultTest, evaluateOptions, gate, env, extensions, nunjucksFilters, scenarios, assertionTemplates, tracing, $schema',
  ],
  [
    'provider-key-typo',
    'provider-key-typo/promptgate.yaml:4:12: providers[0].lable: unknown key in a provider (did you mean "label"?); expected one of id, label, config, prompts, transform',
  ],
  [
    'refused-store-output-as',
    "refused-store-output-as/promptgate.yaml:6:22: tests[0].options.storeOutputAs: not supported: promptfoo's storeOutputAs (feeding one test's output into the next test's vars) needs tests to run in order, one after another; promptgate runs cases independently: put the earlier output in the later test's vars",
  ],
  [
    'conversation-var',
    "conversation-var/promptgate.yaml:3:5: prompts[1]: the prompt reads _conversation, promptfoo's history of the earlier cases of this prompt and provider (filled as they finish); promptgate runs each case on its own and has no such history: give the test the turns it needs as a var of its own, or set options.disableConversationVar: true on the test or in defaultTest (promptfoo then leaves _conversation undefined) — test #2 does not",
  ],
  [
    'extension-without-function',
    'extension-without-function/promptgate.yaml:4:5: extensions[0]: file://hooks.js: name the hook function, as promptfoo requires (file://hooks.js:function_name)',
  ],
  [
    'prompt-config',
    "prompt-config/promptgate.yaml:3:13: prompts[0].config: expected a map of provider options, merged over each provider's config",
  ],
  [
    'redteam-config',
    'redteam-config/promptgate.yaml:4:3: redteam: this is a promptfoo redteam config, not an eval suite: it has no tests, only the plan to generate them. Generate them with `npx promptfoo redteam generate -c <this config> -o redteam-tests.yaml`, commit that file and point `tests: file://redteam-tests.yaml` at it (its promptfoo:redteam:* graders are not supported by promptgate)',
  ],
  [
    'huggingface-tests',
    "huggingface-tests/promptgate.yaml:4:5: tests[0]: huggingface://datasets/cais/mmlu?split=test: promptfoo's Hugging Face datasets are fetched over the network, which promptgate does not do (a gate must not depend on a download): export the rows to a CSV, JSONL or YAML file, commit it and point tests at it",
  ],
  [
    'prompt-function',
    "prompt-function/promptgate.yaml:2:5: prompts[0]: file://prompt.py: name the function that builds the prompt (file://prompt.py:function_name); promptfoo's legacy form that runs the whole script and reads its printed output is not supported",
  ],
  [
    'env-undeclared',
    'env-undeclared/promptgate.yaml:2:3: env: prompt "{{ env.GREETING }} {{ env.GITHUB_TOKEN }}" renders {{ env.GITHUB_TOKEN }}, which the config\'s env: block does not declare; declare it there (promptgate never renders the process environment: it holds the run\'s secrets)',
  ],
  [
    'classifier-no-grader',
    "classifier-no-grader/promptgate.yaml:9:9: not-classifier needs a classification provider (options.provider names graders per kind, but no `classification` one): set the assertion's provider, or options.provider (in the test or defaultTest), to huggingface:text-classification:<model> or huggingface:token-classification:<model>",
  ],
  [
    'classifier-in-set-no-grader',
    "classifier-in-set-no-grader/promptgate.yaml:10:13: classifier needs a classification provider: set the assertion's provider, or options.provider (in the test or defaultTest), to huggingface:text-classification:<model> or huggingface:token-classification:<model>",
  ],
  [
    'not-moderation',
    'not-moderation/promptgate.yaml:6:15: tests[0].assert[0].type: not-moderation: promptfoo grades not-moderation exactly as moderation (the not- is ignored); write moderation, or a javascript assertion for a check that must be flagged',
  ],
  [
    'moderation-not-a-moderator',
    `moderation-not-a-moderator/promptgate.yaml:9:9: moderation: its options.provider's moderation entry "openai:gpt-4o-mini" is not a moderation provider; use openai:moderation:<model> or replicate:moderation:<owner>/<model>[:<version>], or leave it out for promptfoo's default (OpenAI's omni-moderation-latest)`,
  ],
  [
    'moderation-provider-not-a-moderator',
    `moderation-provider-not-a-moderator/promptgate.yaml:6:9: moderation: its provider "replicate:meta/llama-guard-3-8b" is not a moderation provider; use openai:moderation:<model> or replicate:moderation:<owner>/<model>[:<version>], or leave it out for promptfoo's default (OpenAI's omni-moderation-latest)`,
  ],
  // Files outside the project
  [
    'path-escape',
    `path-escape/promptgate.yaml:2:5: prompts[0]: file://../../etc/passwd resolves to ${path.resolve(BAD, '../etc/passwd')}, outside the project root ${ABS}/path-escape; keep referenced files inside it`,
  ],
  [
    'symlink-escape',
    `symlink-escape/promptgate.yaml:2:5: prompts[0]: file://prompts/escape.txt is a symlink to ${ABS}/README.md, outside the project root ${ABS}/symlink-escape; keep referenced files inside it`,
  ],
];

test.each(CORPUS)('%s → %s', async (fixture, message) => {
  const error = await loadError(fixture);
  expect(error.message).toBe(`${BAD}/${message}`);
});

test('every fixture folder has its expected message in the table', () => {
  const folders = readdirSync(BAD, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  expect(folders).toEqual(CORPUS.map(([fixture]) => fixture).sort());
});

test('the error carries its location and key path as data, for annotations', async () => {
  const error = await loadError('unknown-assertion');
  expect(error.location).toEqual({ file: `${BAD}/unknown-assertion/promptgate.yaml`, line: 9, column: 15 });
  expect(error.key).toBe('tests[1].assert[1].type');
});

test('a file outside the config directory is allowed when the project root includes it', async () => {
  const suite = await loadSuite(path.join(BAD, 'symlink-escape/promptgate.yaml'), { projectRoot: ABS });
  expect(suite.prompts[0]).toMatchObject({ id: 'file://prompts/escape.txt', raw: expect.stringMatching(/^# Broken/) });
});

test('a missing config file is a ConfigError naming it', async () => {
  await expect(loadSuite(path.join(BAD, 'no-such-config.yaml'))).rejects.toThrow(
    `${BAD}/no-such-config.yaml: cannot read the config: ENOENT`,
  );
});

describe('where a broken file is broken', () => {
  test.each([
    // [bytes, the first byte that is not UTF-8 and its 1-based line and column]
    ['Latin-1 after ASCII', Buffer.from('caf\xe9', 'latin1'), { line: 1, column: 4, byte: 0xe9 }],
    [
      'on a later line',
      Buffer.concat([Buffer.from('ok\nné\n'), Buffer.from([0x80])]),
      { line: 3, column: 1, byte: 0x80 },
    ],
    [
      'a U+FFFD written in the file is not the error',
      Buffer.concat([Buffer.from('a\uFFFDb'), Buffer.from([0xff])]),
      { line: 1, column: 4, byte: 0xff },
    ],
    ['after a BOM', Buffer.concat([Buffer.from('\uFEFFx'), Buffer.from([0xc3])]), { line: 1, column: 3, byte: 0xc3 }],
    ['valid UTF-8', Buffer.from('naïve ✓\n'), undefined],
  ])('%s', (_name, bytes, expected) => {
    expect(firstInvalidUtf8(bytes)).toEqual(expected);
  });

  test.each([
    // [JSON text, the message]
    ['{\n  "a": 1,\n}', 'x.json:3:1: invalid JSON: Expected double-quoted property name'],
    ['{"a": ', 'x.json:1:7: invalid JSON: Unexpected end of JSON input'],
    ['{"a": 1', "x.json:1:8: invalid JSON: Expected ',' or '}' after property value"],
    ['[1 2]', "x.json:1:4: invalid JSON: Expected ',' or ']' after array element"],
    // V8 names the token but not where it is: the file alone, without the quoted text.
    ['{"a": nope}', "x.json: invalid JSON: Unexpected token 'o'"],
  ])('JSON %j → %s', (text, message) => {
    expect(() => checkJsonSyntax(text, 'x.json')).toThrow(message);
  });
});
