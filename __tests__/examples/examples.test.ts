// The example project and `npm run demo`, run as a new user runs them: the bundled CLI, offline, no key.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(ROOT, 'dist', 'cli.js');
const EXAMPLES = path.join(ROOT, 'examples');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function node(args: string[], cwd = ROOT): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd, env: { PATH: process.env.PATH, HOME: os.tmpdir() }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

interface EvalResults {
  stats: { cases: number; passed: number; failed: number; errors: number; passRate: number };
  results: { description?: string; output: unknown; pass: boolean }[];
}

async function evalSuite(config: string): Promise<EvalResults> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'promptgate-examples-'));
  try {
    const out = path.join(dir, 'results.json');
    const run = await node([CLI, 'eval', '-c', config, '--no-cache', '-o', out]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    return JSON.parse(await readFile(out, 'utf8')) as EvalResults;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: these tests run the bundled CLI; run \`npm run bundle\``);
});

describe('npm run demo', () => {
  let demo: Run;
  let checks: string;
  let review: string;
  beforeAll(async () => {
    demo = await node([path.join(ROOT, 'scripts', 'demo.mjs')]);
    [checks, review] = demo.stdout.split(/^\s*2\. Pull-request review.*$/m);
  }, 60_000);

  test('runs both parts and exits 0', () => {
    expect(demo.stderr).not.toContain('demo failed');
    expect(demo.code).toBe(0);
    expect(review).toBeDefined();
  });

  test('part 1 evaluates the prompt checks and prints the summary line', () => {
    expect(checks).toContain('1. Prompt checks');
    expect(checks).toMatch(/^12 cases: 12 passed, 0 failed, 0 errors · pass rate 100\.0%/m);
  });

  test('part 2 prints the sticky comment of a regression', () => {
    expect(review).toContain('<!-- promptgate:promptgate.yaml -->');
    expect(review).toMatch(
      /^## ⛔ Regression · gate: consider fine-tuning \([\d.]+%\) · merge blocked \(fail-on: regression\)$/m,
    );
    expect(review).toMatch(/^head [\d.]+% vs base 95\.7%$/m);
  });

  test('part 2 lists the newly failing cases, the critical fraud test among them', () => {
    const newlyFailing = Number(/#### ❌ Newly failing \((\d+)\)/.exec(review)?.[1] ?? 0);
    expect(newlyFailing).toBeGreaterThanOrEqual(6);
    expect(review).toMatch(
      /critical test \d+ \(fraud report is urgent\) on .* newly failing \(exact test over its repeats/,
    );
    expect(review).toMatch(/\*\*test \d+ · fraud report is urgent\*\*.*\*\*critical\*\*/);
    expect(review).toContain('{"category":"billing","urgency":"normal"}'); // a head output, shown
  });

  test("part 2 shows the classifier's diff: the urgency rule removed", () => {
    expect(review).toContain('<summary>prompts/classify.txt');
    expect(review).toMatch(/^-Rate urgency as low, normal or high\. Anything mentioning fraud/m);
    expect(review).toContain('+and rate its urgency as low, normal or high.');
  });

  test('part 2 reports tokens and cost from the simulated model', () => {
    expect(review).toMatch(/^\| Tokens \| [\d.]+ \| [\d.]+ \|/m);
    expect(review).toMatch(/^\| Cost \| \$0\.0000\d+ \| \$0\.0000\d+ \|/m);
  });

  test('the temporary repository is removed', () => {
    const repo = /^Changed in (\S+):$/m.exec(review)?.[1];
    expect(repo).toBeDefined();
    expect(existsSync(repo!)).toBe(false);
  });
});

describe('the example suites', () => {
  test('the classifier suite passes well enough to ship, with no errors', async () => {
    const results = await evalSuite('examples/promptgate.yaml');
    expect(results.stats.errors).toBe(0);
    expect(results.stats.cases).toBeGreaterThanOrEqual(20);
    expect(results.stats.passRate).toBeGreaterThan(0.9);
  });

  test.each(['examples/promptgate.reply.yaml', 'examples/promptgate.summarize.yaml', 'examples/prompt-checks.yaml'])(
    '%s passes on the committed prompts',
    async (config) => {
      const results = await evalSuite(config);
      expect(results.stats).toMatchObject({ errors: 0, failed: 0 });
      expect(results.stats.passed).toBeGreaterThan(0);
    },
  );

  test('the simulated model is deterministic: two runs give the same outputs', async () => {
    const outputs = async () => (await evalSuite('examples/promptgate.yaml')).results.map((r) => r.output);
    expect(await outputs()).toEqual(await outputs());
  });
});

// The simulated model follows only what a prompt says: drop an instruction and the behaviour it asked for
// goes away. That is what makes a prompt edit visible in a review.
describe('the simulated model follows the prompt', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'promptgate-examples-'));
    await cp(EXAMPLES, dir, { recursive: true });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function editPrompt(file: string, edit: (text: string) => string) {
    const at = path.join(dir, 'prompts', file);
    await writeFile(at, edit(await readFile(at, 'utf8')));
  }

  test.each([
    // [prompt, the instruction removed, suite, tests expected to fail]
    ['classify.txt', /^Answer with JSON only.*$/m, 'promptgate.yaml', 23],
    ['reply.txt', /^- Never promise a refund.*$/m, 'promptgate.reply.yaml', 2],
    ['reply.txt', /^- End with: .*$/m, 'promptgate.reply.yaml', 7],
    ['reply.txt', /^- Greet .*$/m, 'promptgate.reply.yaml', 7],
    ['summarize.txt', / in three bullet points/, 'promptgate.summarize.yaml', 5],
    ['summarize.txt', /^Keep product names and order numbers.*$/m, 'promptgate.summarize.yaml', 3],
  ])('%s without %s fails %s on %i tests', async (prompt, instruction, suite, failing) => {
    await editPrompt(prompt, (text) => {
      expect(text).toMatch(instruction);
      return text.replace(instruction, '');
    });
    const results = await evalSuite(path.join(dir, suite));
    expect(results.stats.errors).toBe(0);
    expect(results.stats.failed).toBe(failing);
  });

  test('the regressed classifier in changes/ fails exactly the urgency cases', async () => {
    await cp(path.join(EXAMPLES, 'changes', 'classify-regressed.txt'), path.join(dir, 'prompts', 'classify.txt'));
    const results = await evalSuite(path.join(dir, 'promptgate.yaml'));
    const failing = results.results.filter((r) => !r.pass).map((r) => r.description);
    expect(failing).toHaveLength(9);
    expect(failing).toContain('fraud report is urgent');
    expect(failing).toContain('closing an account that is still billed is an account request'); // fails on base too
  });
});
