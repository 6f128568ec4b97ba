import type { AssertionSpec } from '../../src/types.js';
import { buildFunctionBody } from '../../src/assertions/script.js';
import { scoreOne } from './context.js';

// [assertion, output, vars, expected pass, expected score]
const cases: Array<[AssertionSpec, string, Record<string, unknown>, boolean, number]> = [
  [{ type: 'javascript', value: "output.includes('Ada')" }, 'Ada', {}, true, 1],
  [{ type: 'javascript', value: "output.includes('Bob')" }, 'Ada', {}, false, 0],
  [{ type: 'not-javascript', value: "output.includes('Bob')" }, 'Ada', {}, true, 1],
  [{ type: 'javascript', value: 'output === context.vars.name' }, 'Ada', { name: 'Ada' }, true, 1],
  [{ type: 'javascript', value: 'context.prompt.length === 3' }, 'Ada', {}, true, 1],
  [{ type: 'javascript', value: 'const n = output.length; n === 3;' }, 'Ada', {}, true, 1],
  [
    { type: 'javascript', value: 'const words = output.split(" ");\nreturn words.length === 2;\n' },
    'Ada L',
    {},
    true,
    1,
  ],
  // Numbers are scores: pass when > 0 without a threshold, when >= threshold with one.
  [{ type: 'javascript', value: '0.3' }, 'x', {}, true, 0.3],
  [{ type: 'javascript', value: '0' }, 'x', {}, false, 0],
  [{ type: 'javascript', value: '0.4', threshold: 0.5 }, 'x', {}, false, 0.4],
  [{ type: 'javascript', value: '0.5', threshold: 0.5 }, 'x', {}, true, 0.5],
  [{ type: 'not-javascript', value: '0.2' }, 'x', {}, false, 0.2],
  [{ type: 'javascript', value: "({ pass: true, score: 0.25, reason: 'quarter' })" }, 'x', {}, true, 0.25],
  [{ type: 'not-javascript', value: "({ pass: true, score: 0.25, reason: 'quarter' })" }, 'x', {}, false, 0.25],
  [{ type: 'javascript', value: '({ pass: true })' }, 'x', {}, false, 0],
  [{ type: 'javascript', value: 'Promise.resolve(true)' }, 'x', {}, true, 1],
  // A throwing or unparsable inline script is a failure in promptfoo, not an error.
  [{ type: 'javascript', value: 'JSON.parse(output).ok' }, 'not json', {}, false, 0],
  [{ type: 'javascript', value: 'output ===' }, 'x', {}, false, 0],
  [{ type: 'javascript', value: "output.endsWith('{{ who }}')" }, 'hi Ada', { who: 'Ada' }, true, 1],
  [{ type: 'javascript', value: 'file://default-export.mjs' }, 'the answer', {}, true, 1],
  [{ type: 'javascript', value: 'file://scripts.mjs:lengthScore' }, 'abcde', {}, true, 0.5],
  [{ type: 'javascript', value: 'file://scripts.mjs:verdict' }, 'Ada', { expected: 'Ada' }, true, 0.7],
  [{ type: 'javascript', value: 'file://scripts.mjs:verdict' }, 'Bob', { expected: 'Ada' }, false, 0.7],
  [{ type: 'contains', value: 'ADA', transform: 'output.toUpperCase()' }, 'ada', {}, true, 1],
  [{ type: 'contains', value: 'ADA', transform: 'file://scripts.mjs:shout' }, 'ada', {}, true, 1],
  [{ type: 'equals', value: 3, transform: 'output.length' }, 'ada', {}, true, 1],
];

describe('javascript assertions and transforms', () => {
  test.each(cases)('%j on %j with %j → pass %s, score %s', async (assertion, output, vars, pass, score) => {
    const result = await scoreOne(assertion, output, vars);
    expect(result.error).toBeUndefined();
    expect(result.pass).toBe(pass);
    expect(result.score).toBeCloseTo(score, 12);
  });

  test('a failing script reason shows the code', async () => {
    const result = await scoreOne({ type: 'javascript', value: 'output.length > 5' }, 'Ada');
    expect(result.reason).toBe('Custom function returned false\noutput.length > 5');
  });

  test.each([
    [{ type: 'javascript', value: 'file://scripts.mjs:boom' }, /script exploded/],
    [{ type: 'javascript', value: 'file://scripts.mjs:nothing' }, /has no exported function "nothing"/],
    [{ type: 'javascript', value: 'file://nowhere.mjs' }, /cannot load .*nowhere\.mjs/],
    [{ type: 'contains', value: 'x', transform: 'output.missing.deeper' }, /Transform failed/],
    [{ type: 'contains', value: 'x', transform: 'undefined' }, /Transform function did not return a value/],
  ] as Array<[AssertionSpec, RegExp]>)('%j is an error of the case', async (assertion, message) => {
    const result = await scoreOne(assertion, 'output');
    expect(result.pass).toBe(false);
    expect(result.error).toMatch(message);
  });
});

describe('buildFunctionBody', () => {
  test.each([
    ["output === 'a'", "return output === 'a'"],
    ['output.length > 1;;', 'return output.length > 1'],
    ["const s = output; s === 'a;b'", "const s = output; return s === 'a;b'"],
    ['let x = 1', 'let x = 1'],
  ])('%j → %j', (code, body) => {
    expect(buildFunctionBody(code)).toBe(body);
  });
});
