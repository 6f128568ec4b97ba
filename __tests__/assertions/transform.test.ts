// The one transform implementation (tests' options.transform and transformVars, assertions' and providers'
// transform), with promptfoo 0.123.1's semantics: one line is an expression (`return ` is prepended), code
// with a newline is a function body verbatim. The engine and the assertions both call this; the conformance
// suite checks the same function against promptfoo's recorded answers.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyTransform } from '../../src/assertions/transform.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/engine/transforms');
const context = { vars: { name: 'Ada' }, prompt: { id: 'p1', label: 'greeting', raw: 'Hi {{name}}' } };
const apply = (code: string, output: unknown) => applyTransform(code, output, context, fixtures);

describe('transform (promptfoo semantics)', () => {
  test.each([
    ['an expression over output', 'output.toUpperCase()', 'hello', 'HELLO'],
    ['an expression using context.vars', 'output + " " + context.vars.name', 'hi', 'hi Ada'],
    ['an expression using context.prompt', 'context.prompt.label', 'x', 'greeting'],
    ['a multi-line function body', 'const parsed = JSON.parse(output);\nreturn parsed.answer;', '{"answer":7}', 7],
    ['a block scalar body that returns', 'return output.trim()\n', '  padded  ', 'padded'],
    ['an async body', 'return Promise.resolve(output + "!")\n', 'wait', 'wait!'],
    ['a non-string output', 'output.items.length', { items: [1, 2] }, 2],
    ['a file:// default export', 'file://upper.mjs', 'hey', 'HEY for Ada'],
    ['a file:// named export', 'file://named.js:firstLine', 'one\ntwo', 'one'],
  ])('%s', async (_name, code, output, expected) => {
    await expect(apply(code, output)).resolves.toEqual(expected);
  });

  test.each([
    // promptfoo prepends `return ` to one line: `return return output.trim()` does not compile.
    ['a one-line `return`', 'return output.length', /not valid JavaScript/],
    // ... and a block scalar's newline makes an expression a body without `return`.
    ['a block scalar expression without return', 'output.trim()\n', /did not return a value/],
    ['a body without return', 'const x = output;\nx.toUpperCase();', /did not return a value/],
    ['invalid JavaScript', 'output.(', /not valid JavaScript/],
    ['a transform that throws', 'JSON.parse(output)', /Transform failed.*JSON/],
    ['a missing named export', 'file://named.js:lastLine', /no exported function "lastLine"/],
    ['a module without a function', 'file://not-a-function.mjs', /must export a function/],
    ['a Python transform', 'file://transform.py', /only JavaScript and TypeScript transforms/],
  ])('rejects %s', async (_name, code, message) => {
    await expect(apply(code, 'not json')).rejects.toThrow(message);
  });

  test('transformVars sees the vars as `vars` and returns the new ones', async () => {
    await expect(
      applyTransform('({ ...vars, shout: vars.name.toUpperCase() })', { name: 'ada' }, context, fixtures, 'vars'),
    ).resolves.toEqual({ name: 'ada', shout: 'ADA' });
  });
});
