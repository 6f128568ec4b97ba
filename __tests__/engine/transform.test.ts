import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../src/errors.js';
import { TransformCache } from '../../src/engine/transform.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/engine/transforms');
const context = { vars: { name: 'Ada' }, prompt: { id: 'p1', label: 'greeting', raw: 'Hi {{name}}' } };

describe('test.options.transform (promptfoo semantics)', () => {
  const transforms = new TransformCache(fixtures);

  test.each([
    ['an expression over output', 'output.toUpperCase()', 'hello', 'HELLO'],
    ['an expression using context.vars', 'output + " " + context.vars.name', 'hi', 'hi Ada'],
    ['an expression using context.prompt', 'context.prompt.label', 'x', 'greeting'],
    ['a one-line body starting with return', 'return output.length', 'four', 4],
    ['a multi-line function body', 'const parsed = JSON.parse(output);\nreturn parsed.answer;', '{"answer":7}', 7],
    ['a block scalar ending in a newline', 'output.trim()\n', '  padded  ', 'padded'],
    ['an async body', 'return Promise.resolve(output + "!")\n', 'wait', 'wait!'],
    ['a file:// default export', 'file://upper.mjs', 'hey', 'HEY for Ada'],
    ['a file:// named export', 'file://named.js:firstLine', 'one\ntwo', 'one'],
  ])('%s', async (_name, code, output, expected) => {
    await expect(transforms.apply(code, output, context)).resolves.toEqual(expected);
  });

  test.each([
    ['a body without return', 'const x = output;\nx.toUpperCase();', /returned undefined.*needs a `return`/],
    ['invalid JavaScript', 'output.(', /not valid JavaScript/],
    ['a transform that throws', 'JSON.parse(output)', /JSON/],
  ])('rejects %s', async (_name, code, message) => {
    await expect(transforms.apply(code, 'not json', context)).rejects.toThrow(message);
  });

  test.each([
    ['a missing file', 'file://nope.mjs', /nope\.mjs: options\.transform: transform file not found/],
    ['a module without a function', 'file://not-a-function.mjs', /expected a default export that is a function/],
    ['a missing named export', 'file://named.js:lastLine', /expected a function named `lastLine`/],
    ['a non-JavaScript file', 'file://transform.py', /expected a JavaScript file/],
  ])('reports %s as a ConfigError naming the file', async (_name, code, message) => {
    const error = await transforms.apply(code, 'x', context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
  });
});
