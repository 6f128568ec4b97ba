// promptfoo keys with promptfoo's meaning, loaded from a real config and run through the real engine with the
// echo provider (its output is the prompt it was sent): prompt and provider filters, a provider's transform,
// transformVars, the `env:` block, disableVarExpansion, an assertion's config and `- path:` test files. The
// cases that run, their outputs and verdicts are promptfoo 0.123.1's, recorded by scripts/record-conformance.sh.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadSuite } from '../../src/config/load.js';
import { evaluateSuite } from '../../src/evaluate.js';

const DIR = path.resolve('__tests__/fixtures/conformance/keys');
const CONFIG = path.join(DIR, 'promptfooconfig.yaml');

interface Recorded {
  testIdx: number;
  prompt: string;
  provider: string;
  output: string | null;
  pass: boolean;
}
const recorded = (JSON.parse(readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as { cases: Recorded[] }).cases;

test('runs exactly the cases promptfoo runs, each with the output and verdict promptfoo gives', async () => {
  const suite = await loadSuite(CONFIG);
  const { results } = await evaluateSuite(suite, { env: {} });
  const label = (promptIdx: number) => suite.prompts[promptIdx].label;
  const key = (r: { testIdx: number; prompt: string; provider: string }) => `${r.testIdx} ${r.prompt} ${r.provider}`;
  const ours = results.map((r) => ({
    key: key({ testIdx: r.testIdx, prompt: label(r.promptIdx), provider: r.provider }),
    output: r.output,
    pass: r.pass,
  }));
  const theirs = recorded.map((r) => ({ key: key(r), output: r.output, pass: r.pass }));
  const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
  expect(ours.sort(byKey)).toEqual(theirs.sort(byKey));
  // Spot checks of what the recording says, so that a re-recording that changed them is noticed.
  expect(ours.find((r) => r.key === '0 formal loud')!.output).toBe('HELLO, ADA.');
  expect(ours.filter((r) => r.key.startsWith('1 '))).toHaveLength(1);
  expect(ours.find((r) => r.key === '2 formal plain')!.output).toBe('Hello, Grace.');
});

test('{{ env.X }} renders only what the config declares in env:, never the process environment', async () => {
  const suite = await loadSuite(CONFIG);
  suite.prompts[0].raw = '{{ env.GREETING }} {{ env.HOME }} {{ env.GITHUB_TOKEN }}';
  const { results } = await evaluateSuite(suite, { env: { GITHUB_TOKEN: 'ghs_secret', HOME: '/root' } });
  expect(results[0].output).toBe('HELLO  ');
});

test('tests from a .jsonl file: one test per line, blank lines skipped, each line located in messages', async () => {
  const suite = await loadSuite(path.resolve('__tests__/fixtures/config/jsonl/promptfooconfig.yaml'));
  expect(suite.tests.map((t) => t.vars)).toEqual([{ n: 'a' }, { n: 'b' }]);
  // The second test has no assertions: a warning at its line.
  expect(suite.warnings).toEqual([expect.stringMatching(/t\.jsonl:3:1: this test has no assertions/)]);
});

test('options.providers (written in promptfoo examples, read by no promptfoo code) is a located warning; the graders stay the default', async () => {
  const { mkdtemp, rm, writeFile } = await import('node:fs/promises');
  const os = await import('node:os');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'options-providers-'));
  try {
    const config = path.join(dir, 'promptfooconfig.yaml');
    await writeFile(
      config,
      [
        'prompts: ["Hi {{ name }}"]',
        'providers: [echo]',
        'defaultTest:',
        '  options:',
        '    providers:',
        '      text: openai:gpt-4o-mini',
        'tests:',
        '  - vars: {name: Ada}',
        '    assert: [{type: contains, value: Ada}]',
        '',
      ].join('\n'),
    );
    const suite = await loadSuite(config);
    expect(suite.warnings).toEqual([
      expect.stringMatching(
        /promptfooconfig\.yaml:6:7: defaultTest\.options\.providers: not used: .*write `provider:`/,
      ),
    ]);
    expect(suite.defaultTest?.options?.provider).toBeUndefined();
    const { results } = await evaluateSuite(suite, { env: {} });
    expect(results.map((r) => r.pass)).toEqual([true]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
