// promptfoo keys with promptfoo's meaning, loaded from a real config and run through the real engine with the
// echo provider (its output is the prompt it was sent): prompt and provider filters, a provider's transform,
// transformVars, the `env:` block, disableVarExpansion, an assertion's config and `- path:` test files.
import path from 'node:path';
import { loadSuite } from '../../src/config/load.js';
import { evaluateSuite } from '../../src/evaluate.js';

const CONFIG = path.resolve('__tests__/fixtures/config/promptfoo-keys/promptfooconfig.yaml');

test('runs exactly the cases the filters allow, each as promptfoo would send it', async () => {
  const suite = await loadSuite(CONFIG);
  const { results } = await evaluateSuite(suite, { env: {} });
  const rows = results.map((r) => [r.testIdx, r.promptId, r.provider, r.output, r.pass]);
  expect(rows).toEqual([
    // test 0: the loud provider runs only the formal prompt, and shouts (its transform).
    [0, 'formal', 'loud', 'HELLO, ADA.', true],
    [0, 'formal', 'plain', 'Hello, Ada.', true],
    [0, 'casual', 'plain', 'hey Ada', true],
    // test 1: only the casual prompt (and the loud provider does not run it).
    [1, 'casual', 'plain', 'hey Alan', true],
    // test 2: only the plain provider; transformVars capitalised the name before rendering.
    [2, 'formal', 'plain', 'Hello, Grace.', true],
    [2, 'casual', 'plain', 'hey Grace', true],
    // test 3: the list stays one value (printed as JSON), and the javascript assertion reads its config.
    [3, 'casual', 'plain', 'hey ["Ada","Alan"]', true],
    // test 4, from `- path: file://more-tests.csv`.
    [4, 'formal', 'loud', 'HELLO, LINUS.', false],
    [4, 'formal', 'plain', 'Hello, Linus.', true],
    [4, 'casual', 'plain', 'hey Linus', true],
  ]);
  expect(results[2 + 0]!.vars).toEqual({ name: 'Ada' });
  expect(results.find((r) => r.testIdx === 2)!.vars).toEqual({ name: 'Grace' });
});

test('{{ env.X }} renders only what the config declares in env:, never the process environment', async () => {
  const suite = await loadSuite(CONFIG);
  suite.prompts[0]!.raw = '{{ env.GREETING }} {{ env.HOME }} {{ env.GITHUB_TOKEN }}';
  const { results } = await evaluateSuite(suite, { env: { GITHUB_TOKEN: 'ghs_secret', HOME: '/root' } });
  expect(results[0]!.output).toBe('HELLO  ');
});
