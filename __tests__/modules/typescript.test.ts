// TypeScript scripts, loaded wherever promptfoo 0.123.1 loads JavaScript (it runs them with tsx): each kind of
// script in one real suite run with the real engine, relative imports between TypeScript files as tsx resolves
// them, CommonJS globals as tsx gives a .ts file outside a "type": "module" package, and the errors of a file
// that does not parse. Types are stripped, never checked.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSuite } from '../../src/config/load.js';
import { evaluateSuite } from '../../src/evaluate.js';
import { importUserModule } from '../../src/modules/import.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'promptgate-ts-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

// Every file has types to strip; helper.ts is imported three ways (./helper.js, ./helper, ./helper.ts).
const SUITE = {
  'helper.ts': `export type Shout = (text: string) => string;
export const shout: Shout = (text: string): string => text.toUpperCase();
export enum Mark { Bang = '!' }
`,
  'gen.ts': `import { Mark } from './helper.js';
import path from 'node:path';
interface GeneratorConfig { names: string[] }
export async function generate(config: GeneratorConfig): Promise<object[]> {
  // A .ts file outside a "type": "module" package runs as CommonJS, as under tsx: __dirname is there.
  const where: string = path.basename(__dirname);
  return config.names.map((name) => ({
    vars: { name, where, sig: 'file://sign.ts' },
    assert: [{ type: 'javascript', value: 'file://check.ts:endsWithMark' }],
    options: { transform: 'file://trim.ts' },
    description: name + Mark.Bang,
  }));
}
`,
  'prompt.ts': `import { shout } from './helper';
export default ({ vars }: { vars: Record<string, string> }): string => \`fn \${shout(vars.name)} \${vars.sig}\`;
`,
  'shout.ts': `import { shout } from './helper.ts';
module.exports = (text: string) => shout(text);
`,
  'sign.ts': `export default function (varName: string, _prompt: string, vars: Record<string, string>) {
  return { output: \`\${varName}=\${vars.name}\` as const };
}
`,
  'provider.ts': `import { Mark } from './helper';
export default class Provider {
  private readonly suffix: string;
  constructor(options: { id: string; config: { suffix?: string } }) { this.suffix = options.config.suffix ?? Mark.Bang; }
  id(): string { return 'ts-provider'; }
  async callApi(prompt: string): Promise<{ output: string }> { return { output: \`  \${prompt}\${this.suffix}  \` }; }
}
`,
  'trim.ts': `export default (output: string): string => output.trim();
`,
  'check.ts': `export function endsWithMark(output: string, context: { vars: Record<string, unknown> }): boolean {
  return output.endsWith('?') && String(context.vars.where).startsWith('promptgate-ts-');
}
`,
  'score.ts': `type Scores = Record<string, number>;
export default (_named: Scores, context: { componentResults?: Array<{ pass: boolean }> }) => {
  const pass: boolean = (context.componentResults ?? []).every((r) => r.pass);
  return { pass, score: pass ? 1 : 0, reason: 'scored in TypeScript' };
};
`,
  'hooks.ts': `import { appendFileSync } from 'node:fs';
export function extensionHook(hookName: string, context: unknown): unknown {
  appendFileSync(__dirname + '/hooks.log', hookName + '\\n');
  return context;
}
`,
  'promptgate.yaml': `prompts:
  - file://prompt.ts
  - 'tpl {{ name | shout }} {{ sig }}'
providers:
  - id: file://provider.ts
    config: { suffix: '?' }
nunjucksFilters:
  shout: ./shout.ts
extensions:
  - file://hooks.ts:extensionHook
defaultTest:
  assertScoringFunction: file://score.ts
tests:
  - path: file://gen.ts:generate
    config: { names: [ada, grace] }
`,
};

test('each kind of TypeScript script loads and runs: generator, prompt function, filter, var script, provider, transform, javascript assertion, scoring function, hook', async () => {
  const dir = project(SUITE);
  const where = path.basename(dir);
  const suite = await loadSuite(path.join(dir, 'promptgate.yaml'));
  expect(suite.tests.map((t) => t.description)).toEqual(['ada!', 'grace!']);
  expect(suite.referencedFiles).toEqual(
    expect.arrayContaining(['gen.ts', 'prompt.ts', 'shout.ts', 'score.ts', 'hooks.ts'].map((f) => path.join(dir, f))),
  );
  const { results } = await evaluateSuite(suite, { env: {} });
  expect(results.map((r) => [r.output, r.pass, r.score, r.error]).sort()).toEqual(
    [
      [`fn ADA sig=ada?`, true, 1, undefined],
      [`fn GRACE sig=grace?`, true, 1, undefined],
      [`tpl ADA sig=ada?`, true, 1, undefined],
      [`tpl GRACE sig=grace?`, true, 1, undefined],
    ].sort(),
  );
  // The javascript assertion read the generator's __dirname var: the cases passed only with it.
  expect(results.every((r) => r.vars.where === where)).toBe(true);
  const hooks = readFileSync(path.join(dir, 'hooks.log'), 'utf8').trim().split('\n');
  expect([hooks[0], hooks.at(-1), hooks.length]).toEqual(['beforeAll', 'afterAll', 2 + 4 * 2]);
});

test('the assertion, scoring function and transform decide: a failing TypeScript check fails the case', async () => {
  const dir = project({
    ...SUITE,
    'check.ts': 'export const endsWithMark = (output: string): boolean => output.endsWith("!");\n',
  });
  const { results } = await evaluateSuite(await loadSuite(path.join(dir, 'promptgate.yaml')), { env: {} });
  expect(results.map((r) => [r.pass, r.error])).toEqual(Array(4).fill([false, undefined]));
});

test('.mts and .cts load, and an edited file runs afresh', async () => {
  const dir = project({
    'a.mts': 'export default (x: number): number => x * 2;\n',
    'b.cts':
      'const { two } = require("./two.cts") as { two: number };\nmodule.exports = { times: (x: number) => x * two };\n',
    'two.cts': 'export const two: number = 2;\n',
  });
  const a = await importUserModule(path.join(dir, 'a.mts'));
  expect((a.namespace.default as { default: (x: number) => number }).default(21)).toBe(42);
  const b = await importUserModule(path.join(dir, 'b.cts'));
  expect((b.namespace.times as (x: number) => number)(4)).toBe(8);
  writeFileSync(path.join(dir, 'a.mts'), 'export default (x: number): number => x * 3;\n');
  const edited = await importUserModule(path.join(dir, 'a.mts'));
  expect((edited.namespace.default as { default: (x: number) => number }).default(21)).toBe(63);
  expect(edited.contentHash).not.toBe(a.contentHash);
});

test('a type error is not checked (promptfoo does not either): the script runs', async () => {
  const dir = project({ 'gen.ts': 'const n: string = 42;\nexport default () => [{ vars: { n } }];\n' });
  writeFileSync(path.join(dir, 'promptgate.yaml'), `prompts: ['{{ n }}']\nproviders: [echo]\ntests: file://gen.ts\n`);
  const suite = await loadSuite(path.join(dir, 'promptgate.yaml'));
  expect(suite.tests.map((t) => t.vars.n)).toEqual([42]);
});

test.each([
  [
    'a syntax error is located at file:line:col',
    'const a = 1;\nconst b: = 2;\nexport default () => [];\n',
    /promptgate\.yaml:3:8: tests: file:\/\/gen\.ts: the test generator failed: cannot load .*gen\.ts: .*gen\.ts:2:10: Unexpected token/,
  ],
  [
    'a syntax error after types are stripped is located at its line',
    'const a: number = 1;\nexport default () => [a +];\n',
    /gen\.ts:2:\d+: Unexpected token/,
  ],
  [
    'top-level await says why',
    'const rows: number[] = await Promise.resolve([]);\nexport default () => rows;\n',
    /gen\.ts: top-level await is not available: a TypeScript script runs as CommonJS/,
  ],
  [
    'a missing import names what it looked for',
    "import { x } from './nowhere';\nexport default () => [x];\n",
    /the test generator failed: cannot load .*gen\.ts: (Error: )?Cannot find module '\.\/nowhere'/,
  ],
])('%s', async (_what, source, message) => {
  const dir = project({ 'gen.ts': source });
  writeFileSync(path.join(dir, 'promptgate.yaml'), `prompts: ['{{ n }}']\nproviders: [echo]\ntests: file://gen.ts\n`);
  await expect(loadSuite(path.join(dir, 'promptgate.yaml'))).rejects.toThrow(message);
});

test('a tests file whose export is a list, not a function, is the tests (promptfoo: staticTests.ts), in .ts as in .mjs', async () => {
  const dir = project({
    'static.ts': "type T = { vars: Record<string, string> };\nexport default [{ vars: { n: 'ts' } }] satisfies T[];\n",
    'static.mjs': "export const tests = [{ vars: { n: 'mjs' } }];\n",
    'promptgate.yaml':
      "prompts: ['{{ n }}']\nproviders: [echo]\ntests:\n  - file://static.ts\n  - file://static.mjs:tests\n",
  });
  const suite = await loadSuite(path.join(dir, 'promptgate.yaml'));
  expect(suite.tests.map((t) => t.vars.n)).toEqual(['ts', 'mjs']);
});
