// promptfoo's scenarios: each config entry crossed with each test, merged as promptfoo 0.123.1 merges them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSuite } from '../../src/config/load.js';
import { evaluateSuite } from '../../src/evaluate.js';

const CONFIG = path.resolve('__tests__/fixtures/config/scenarios/promptfooconfig.yaml');

test('the combined tests follow the written ones: entry × test, the test winning, defaultTest merged in', async () => {
  const suite = await loadSuite(CONFIG);
  expect(suite.tests.map((t) => [t.description, t.vars, t.assert.map((a) => a.type), t.metadata])).toEqual([
    [undefined, { greeting: 'Hello', name: 'Ada' }, ['contains'], undefined],
    ['Grace', { greeting: 'Hola', name: 'Grace' }, ['contains', 'starts-with'], undefined],
    [undefined, { greeting: 'Hej', name: 'Linus' }, ['contains', 'starts-with'], { who: 'linus' }],
    ['Grace', { greeting: 'Bonjour', name: 'Grace' }, ['contains'], { language: 'fr' }],
    [undefined, { greeting: 'Hej', name: 'Linus' }, ['contains'], { language: 'fr', who: 'linus' }],
  ]);
  const { results } = await evaluateSuite(suite, { env: {} });
  expect(results.map((r) => [r.output, r.pass])).toEqual([
    ['Hello, Ada', true],
    ['Hola, Grace', true],
    ['Hej, Linus', false],
    ['Bonjour, Grace', true],
    ['Hej, Linus', true],
  ]);
});

function configWith(scenarios: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'promptgate-scn-'));
  writeFileSync(path.join(dir, 'promptgate.yaml'), `prompts: ['{{ a }}']\nproviders: [echo]\nscenarios:\n${scenarios}`);
  return path.join(dir, 'promptgate.yaml');
}

test('without tests, each config entry runs once; without `tests:` at the top, the scenarios are the tests', async () => {
  const suite = await loadSuite(
    configWith('  - config:\n      - vars: {a: x}\n        assert: [{type: equals, value: x}]\n'),
  );
  expect(suite.tests.map((t) => t.vars)).toEqual([{ a: 'x' }]);
});

test.each([
  ['  - config: []\n', /promptgate\.yaml:4:13: scenarios\[0\]\.config: expected a list of partial tests/],
  [
    '  - config: [{vars: {a: 1}}]\n    test: []\n',
    /scenarios\[0\]\.test: unknown key in a scenario; expected one of description, config, tests/,
  ],
  ['  - config: [{vars: {a: 1}, asert: []}]\n', /scenarios\[0\]\.config\[0\]\.asert: unknown key in a test/],
  [
    '  - config: [{vars: {a: 1}}]\n    tests: [{vars: {a: 2}, asert: []}]\n',
    /scenarios\[0\]\.tests\[0\]\.asert: unknown key in a test/,
  ],
])('%j is a located error', async (scenarios, message) => {
  await expect(loadSuite(configWith(scenarios))).rejects.toThrow(message);
});

test("a config entry's options are warned about: promptfoo drops them", async () => {
  const suite = await loadSuite(
    configWith(
      '  - config:\n      - vars: {a: x}\n        options: {transform: output}\n    tests: [{assert: [{type: equals, value: x}]}]\n',
    ),
  );
  expect(suite.warnings).toEqual([
    expect.stringMatching(/scenarios\[0\]\.config\[0\]\.options: not used: promptfoo drops/),
  ]);
});
