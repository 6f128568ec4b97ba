// promptfoo's `$ref` inside a config (assertionTemplates): the reference stands for the node it names.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSuite } from '../../src/config/load.js';

function config(text: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'promptgate-ref-'));
  writeFileSync(path.join(dir, 'promptgate.yaml'), text);
  return path.join(dir, 'promptgate.yaml');
}

const HEAD = "prompts: ['Arrr {{ x }}']\nproviders: [echo]\n";

test('an assertion written as $ref is the template it names; schemas under config keep their own $refs', async () => {
  const suite = await loadSuite(
    config(
      HEAD.replace(
        'providers: [echo]',
        'providers:\n  - id: echo\n    config: { schema: { $ref: "#/definitions/answer" } }',
      ) +
        'assertionTemplates:\n  pirate: { type: icontains, value: arrr }\n' +
        "tests:\n  - vars: { x: 1 }\n    assert:\n      - $ref: '#/assertionTemplates/pirate'\n      - type: contains\n        value: '1'\n",
    ),
  );
  expect(suite.tests[0]!.assert.map((a) => [a.type, a.value])).toEqual([
    ['icontains', 'arrr'],
    ['contains', '1'],
  ]);
  expect(suite.providers[0]!.config).toEqual({ schema: { $ref: '#/definitions/answer' } });
});

test.each([
  [
    "      - $ref: '#/assertionTemplates/missing'\n",
    /promptgate\.yaml:8:15: tests\[0\]\.assert\[0\]\.\$ref: #\/assertionTemplates\/missing names nothing in this config/,
  ],
  ["      - $ref: 'other.yaml#/x'\n", /tests\[0\]\.assert\[0\]\.\$ref: expected a reference inside this config/],
  [
    "      - $ref: '#/assertionTemplates/pirate'\n        weight: 2\n",
    /tests\[0\]\.assert\[0\]: a \$ref stands for the node it names: remove the keys beside it \(weight\)/,
  ],
  ["      - $ref: '#/tests/0/assert/0'\n", /refers to itself/],
])('%j is a located error', async (assertion, message) => {
  const text =
    HEAD +
    'assertionTemplates:\n  pirate: { type: icontains, value: arrr }\n' +
    `tests:\n  - vars: { x: 1 }\n    assert:\n${assertion}`;
  await expect(loadSuite(config(text))).rejects.toThrow(message);
});
