// `python` assertions, run by the python3 on PATH, with promptfoo 0.123.1's semantics.
import { scoreTest } from '../../src/assertions/index.js';
import { buildPythonScript } from '../../src/assertions/python.js';
import type { AssertionSpec } from '../../src/types.js';
import { context } from './context.js';

async function grade(assertion: AssertionSpec, output = 'Hello Ada') {
  return scoreTest(context(output, { vars: { name: 'Ada' }, assert: [assertion] }));
}

describe('python', () => {
  test.each([
    // [assertion, pass, score]
    [{ type: 'python', value: "'Ada' in output" }, true, 1],
    [{ type: 'python', value: "'Bob' in output" }, false, 0],
    [{ type: 'not-python', value: "'Bob' in output" }, true, 1],
    [{ type: 'python', value: 'len(output) / 100' }, true, 0.09],
    [{ type: 'python', value: 'len(output) / 100', threshold: 0.5 }, false, 0.09],
    [{ type: 'python', value: "context['vars']['name'] == 'Ada'" }, true, 1],
    // multi-line: the body of main(output, context), indented as written
    [
      {
        type: 'python',
        value: "words = output.split()\nreturn {'pass': len(words) == 2, 'score': 0.7, 'reason': 'two words'}",
      },
      true,
      0.7,
    ],
    // a dict with snake_case keys; a threshold above its score fails it
    [{ type: 'python', value: 'file://checks.py:graded', threshold: 0.5 }, false, 0.4],
    [{ type: 'python', value: 'file://checks.py:graded' }, true, 0.4],
    [{ type: 'python', value: 'file://checks.py' }, true, 1],
    // answers as text are read as promptfoo reads them
    [{ type: 'python', value: "'true'" }, true, 1],
    [{ type: 'python', value: "'0.25'" }, true, 0.25],
  ] as Array<[AssertionSpec, boolean, number]>)('%j → pass %s, score %s', async (assertion, pass, score) => {
    const result = await grade(assertion);
    expect(result.error).toBeUndefined();
    expect(result.pass).toBe(pass);
    expect(result.score).toBeCloseTo(score, 12);
  });

  test.each([
    ['raises', '1 / 0', /Python code execution failed: [\s\S]*ZeroDivisionError/],
    ['a file function that raises', 'file://checks.py:broken', /ValueError: no luck/],
    ['returns something else', "['a']", /must return a boolean, number/],
  ])('code that %s fails with the reason, as in promptfoo', async (_name, value, reason) => {
    const result = await grade({ type: 'python', value });
    if (value.startsWith('file://')) {
      // A file function runs before the handler: in promptfoo that is an error of the case.
      expect(result.error).toMatch(reason);
    } else {
      expect(result.error).toBeUndefined();
      expect(result.pass).toBe(false);
      expect(result.reason).toMatch(reason);
    }
  });

  test("inline code becomes promptfoo's main(output, context)", () => {
    expect(buildPythonScript('output == "x"')).toBe(
      'import json\n\ndef main(output, context):\n    return output == "x"\n',
    );
    expect(buildPythonScript('  x = 1\n  return x')).toBe(
      'import json\n\ndef main(output, context):\n    x = 1\n    return x\n',
    );
  });
});
