// promptgate vs promptfoo through the whole engine: the suites here need more than one case's rendering and
// scoring (providerOutput, a test's provider, latency and cost, list vars crossed into several cases, vars
// files, checks that compare a test's outputs), so each is loaded and run by evaluateSuite with the echo
// provider, and every case must get the output, pass and score promptfoo 0.123.1 recorded
// (scripts/record-conformance.sh → expected.json), and error where promptfoo errored.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadSuite } from '../../src/config/load.js';
import { evaluateSuite } from '../../src/evaluate.js';

const FIXTURES = path.resolve('__tests__/fixtures/conformance');
const SUITES = ['engine', 'comparison'];

interface RecordedCase {
  testIdx: number;
  prompt: string;
  provider: string;
  description: string;
  output: unknown;
  pass: boolean;
  score: number;
  error?: string;
}

interface Compared {
  key: string;
  output: unknown;
  pass: boolean;
  score: number;
  error: boolean;
}

function recording(dir: string): RecordedCase[] {
  return (JSON.parse(readFileSync(path.join(FIXTURES, dir, 'expected.json'), 'utf8')) as { cases: RecordedCase[] })
    .cases;
}

// promptfoo numbers the cases of a list var (and of a scenario) as tests of their own; promptgate keeps the
// test's index and runs it once per value, in the same order. The description and the order within it match.
function keyed<T extends { description: string; prompt: string; provider: string }>(cases: T[]) {
  const seen = new Map<string, number>();
  return cases.map((c) => {
    const base = `${c.description} | ${c.prompt} | ${c.provider}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { key: `${base} #${n}`, c };
  });
}

const round = (x: number) => Math.round(x * 1e9) / 1e9;

describe.each(SUITES)('engine conformance suite %s', (dir) => {
  const expected = recording(dir);
  let ours: Compared[];

  beforeAll(async () => {
    const suite = await loadSuite(path.join(FIXTURES, dir, 'promptfooconfig.yaml'));
    const { results } = await evaluateSuite(suite, { env: {} });
    const sorted = [...results].sort((a, b) => a.testIdx - b.testIdx || a.promptIdx - b.promptIdx);
    ours = keyed(
      sorted.map((r) => ({
        ...r,
        description: r.description ?? '',
        prompt: suite.prompts[r.promptIdx].label,
      })),
    ).map(({ key, c }) => ({
      key,
      output: c.error ? null : c.output,
      pass: c.pass,
      score: round(c.score),
      error: c.error !== undefined,
    }));
  });

  test('runs the cases promptfoo runs', () => {
    expect(ours.map((c) => c.key).sort()).toEqual(
      keyed(expected)
        .map(({ key }) => key)
        .sort(),
    );
  });

  describe.each(keyed(expected))('$key', ({ key, c: recorded }) => {
    const label = recorded.error
      ? `errors as in promptfoo: ${recorded.error}`
      : `pass ${recorded.pass}, score ${recorded.score}`;
    test(label, () => {
      const mine = ours.find((c) => c.key === key);
      expect(mine).toBeDefined();
      if (recorded.error !== undefined) {
        expect(mine!.error).toBe(true);
        return;
      }
      expect({ ...mine, key: undefined }).toEqual({
        key: undefined,
        output: recorded.output,
        pass: recorded.pass,
        score: round(recorded.score),
        error: false,
      });
    });
  });
});
