// Loading promptfoo's assert-set: the set's own keys are checked, and each of its assertions exactly as a test's
// (the same normaliser), so a mistake inside a set is reported at `tests[i].assert[j].assert[k]`, file:line:col.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSuite } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'promptgate-assert-set-'));
  await writeFile(path.join(dir, 'check.mjs'), 'export default (output) => output.length > 3;\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

let written = 0;
/** Writes a config whose one test asserts `assertYaml` (indented under `assert:`) and loads it. */
async function load(assertYaml: string) {
  const file = path.join(dir, `config-${written++}.yaml`);
  await writeFile(
    file,
    `prompts: ['{{ text }}']\nproviders: [echo]\ntests:\n  - vars: { text: hello }\n    assert:\n${assertYaml}`,
  );
  return { file, suite: loadSuite(file) };
}

/** The message of the ConfigError loading `assertYaml` raises, with the config's path left out. */
async function loadError(assertYaml: string): Promise<string> {
  const { file, suite } = await load(assertYaml);
  const error: unknown = await suite.then(
    () => new Error('loaded without an error'),
    (err: unknown) => err,
  );
  if (!(error instanceof ConfigError)) throw error;
  return error.message.slice(error.message.indexOf(path.basename(file)) + path.basename(file).length);
}

test('a set loads with its threshold, weight and metric, and its assertions as a test would have them', async () => {
  const { suite } = await load(`      - type: assert-set
        threshold: 0.5
        weight: 2
        metric: quality
        assert:
          - type: contains
            value: hello
          - { type: not-icontains, value: BYE, weight: 3, metric: politeness }
          - type: javascript
            value: file://check.mjs
      - { type: equals, value: hello }
`);
  const loaded = await suite;
  expect(loaded.tests[0].assert).toEqual([
    {
      type: 'assert-set',
      threshold: 0.5,
      weight: 2,
      metric: 'quality',
      assert: [
        { type: 'contains', value: 'hello' },
        { type: 'not-icontains', value: 'BYE', weight: 3, metric: 'politeness' },
        { type: 'javascript', value: 'file://check.mjs' },
      ],
    },
    { type: 'equals', value: 'hello' },
  ]);
  // A script named inside a set is recorded like any other (the trust check and the changed-files check read it).
  expect(loaded.referencedFiles).toContain(path.join(dir, 'check.mjs'));
  // Each assertion of the set knows where it was written, for errors raised while it runs.
  expect(loaded.tests[0].assert[0].assert?.[2].location).toMatchObject({ line: 14, column: 13 });
});

// [what is wrong, the assertions as written, the error after the config's name]
const BAD: Array<[string, string, string]> = [
  [
    'an unknown type inside a set',
    `      - type: assert-set
        assert:
          - { type: contains, value: hello }
          - { type: containz, value: hello }
`,
    ':9:21: tests[0].assert[0].assert[1].type: unknown assertion type "containz" (did you mean "contains"?);',
  ],
  [
    'an invalid regex inside a set (checked as at the top level)',
    `      - type: assert-set
        assert:
          - { type: regex, value: '([' }
`,
    ':8:35: tests[0].assert[0].assert[0].value: invalid regular expression: /([/: Unterminated character class',
  ],
  [
    'a misspelt key of an assertion inside a set',
    `      - type: assert-set
        assert:
          - { type: contains, valeu: hello }
`,
    ':8:38: tests[0].assert[0].assert[0].valeu: unknown key in an assertion (did you mean "value"?);',
  ],
  [
    'a refused promptfoo type inside a set',
    `      - type: assert-set
        assert:
          - { type: pi }
`,
    ':8:21: tests[0].assert[0].assert[0].type: promptfoo\'s "pi" assertion is not supported by promptgate:',
  ],
  [
    'a set without assert',
    `      - type: assert-set
        threshold: 0.5
`,
    ':6:9: tests[0].assert[0].assert: expected a list of assertions',
  ],
  [
    'a set whose assert is not a list',
    `      - type: assert-set
        assert: { type: contains, value: hello }
`,
    ':7:17: tests[0].assert[0].assert: expected a list of assertions',
  ],
  [
    'an empty set',
    `      - type: assert-set
        assert: []
`,
    ':7:17: tests[0].assert[0].assert: expected at least one assertion (an assert-set with none checks nothing)',
  ],
  [
    'a set inside a set',
    `      - type: assert-set
        assert:
          - type: assert-set
            assert: [{ type: contains, value: hello }]
`,
    ':8:19: tests[0].assert[0].assert[0].type: an assert-set cannot hold another assert-set (promptfoo fails such a set when it runs); list these assertions in the outer set',
  ],
  [
    'select-best inside a set (promptfoo skips it there)',
    `      - type: assert-set
        assert:
          - { type: select-best, value: the friendliest }
`,
    ":8:21: tests[0].assert[0].assert[0].type: select-best compares the test's outputs and cannot be in an assert-set (promptfoo skips it there); put it in the test's assert",
  ],
  [
    'the not- form of a set',
    `      - type: not-assert-set
        assert: [{ type: contains, value: hello }]
`,
    ':6:15: tests[0].assert[0].type: assert-set has no not- form (promptfoo fails it when it runs); put not- on the assertions inside the set',
  ],
  [
    'a set threshold above 1',
    `      - type: assert-set
        threshold: 1.5
        assert: [{ type: contains, value: hello }]
`,
    ':7:20: tests[0].assert[0].threshold: expected a number from 0 to 1 (the weighted score of its assertions the set needs), got 1.5',
  ],
  [
    'a negative set weight',
    `      - type: assert-set
        weight: -1
        assert: [{ type: contains, value: hello }]
`,
    ':7:17: tests[0].assert[0].weight: expected a weight, 0 or more, got -1',
  ],
  [
    'a key promptfoo accepts on a set and applies to none of its assertions (config)',
    `      - type: assert-set
        config: { strict: true }
        assert: [{ type: javascript, value: 'context.config.strict' }]
`,
    ":7:17: tests[0].assert[0].config: not supported: promptfoo accepts `config` on an assert-set but hands it to none of the set's assertions; put it on each assertion that needs it",
  ],
  [
    'a transform on a set',
    `      - type: assert-set
        transform: output.trim()
        assert: [{ type: contains, value: hello }]
`,
    ":7:20: tests[0].assert[0].transform: not supported: promptfoo accepts `transform` on an assert-set but hands it to none of the set's assertions; put it on each assertion that needs it",
  ],
  [
    'a misspelt key of a set',
    `      - type: assert-set
        asert: [{ type: contains, value: hello }]
`,
    ':7:16: tests[0].assert[0].asert: unknown key in an assert-set (did you mean "assert"?); expected one of type, assert, threshold, weight, metric',
  ],
];

test.each(BAD)('%s is a located error', async (_what, assertYaml, message) => {
  expect(await loadError(assertYaml)).toContain(message);
});
