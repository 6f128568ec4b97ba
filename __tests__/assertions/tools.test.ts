// is-valid-openai-tools-call against the provider's declared tools, as promptfoo 0.123.1 checks it.
import { scoreTest, type ScoreContext } from '../../src/assertions/index.js';
import { context } from './context.js';

const tools = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  },
];
const call = (name: string, args: unknown) => ({
  type: 'function',
  function: { name, arguments: JSON.stringify(args) },
});

// promptgate's OpenAI chat provider: it returns the calls as JSON text, promptfoo's returns the objects.
const OPENAI_CHAT = { json: true, validatesFunctionCalls: true };

async function check(
  output: unknown,
  providerConfig: Record<string, unknown> = { tools },
  providerToolCalls: ScoreContext['providerToolCalls'] = OPENAI_CHAT,
) {
  return scoreTest(
    context(output, { assert: [{ type: 'is-valid-openai-tools-call' }] }, { providerConfig, providerToolCalls }),
  );
}

test.each([
  ['a call that matches the schema', [call('get_weather', { city: 'Oslo' })], true, /Assertion passed/],
  [
    'the calls as JSON text (promptgate’s OpenAI provider output)',
    JSON.stringify([call('get_weather', { city: 'Oslo' })]),
    true,
    /passed/,
  ],
  ['an object holding tool_calls', { tool_calls: [call('get_weather', { city: 'Oslo' })] }, true, /passed/],
  ['arguments that miss a required property', [call('get_weather', {})], false, /does not match schema/],
  ['an undeclared function', [call('get_time', {})], false, /no function with that name/],
  ['plain text', 'It is sunny.', false, /did not return a valid-looking tools response/],
])('%s → pass %s', async (_name, output, pass, reason) => {
  const result = await check(output);
  expect(result.error).toBeUndefined();
  expect(result.pass).toBe(pass);
  expect(result.assertions[0].reason).toMatch(reason);
});

test('from a provider whose calls promptfoo returns as text (echo, http), JSON text is no call, as in promptfoo', async () => {
  const text = JSON.stringify([call('get_weather', { city: 'Oslo' })]);
  const echo = { json: false, validatesFunctionCalls: false };
  const result = await check(text, { tools }, echo);
  expect(result.pass).toBe(false);
  expect(result.assertions[0].reason).toMatch(/did not return a valid-looking tools response/);
  // The objects themselves (a custom provider's, an http transformResponse's) are checked.
  expect((await check(JSON.parse(text), { tools }, echo)).pass).toBe(true);
});

test('no tools in the provider config fails with the reason', async () => {
  const result = await check([call('get_weather', { city: 'Oslo' })], {});
  expect(result.assertions[0].reason).toBe('No tools configured in provider, but output contains tool calls');
});

describe('is-valid-function-call (legacy OpenAI functions, as promptfoo 0.123.1 checks them)', () => {
  const functions = [tools[0].function];
  const fnCall = (name: string, args: unknown) => ({ name, arguments: JSON.stringify(args) });
  const checkFn = (output: unknown, type = 'is-valid-function-call', extra: Record<string, unknown> = {}) =>
    scoreTest(
      context(
        output,
        { assert: [{ type }] },
        { providerConfig: { functions }, providerToolCalls: OPENAI_CHAT, ...extra },
      ),
    );

  test.each([
    ['a call that matches the schema', fnCall('get_weather', { city: 'Oslo' }), true, /Assertion passed/],
    ['the call as JSON text', JSON.stringify(fnCall('get_weather', { city: 'Oslo' })), true, /passed/],
    ['an object holding function_call', { function_call: fnCall('get_weather', { city: 'Oslo' }) }, true, /passed/],
    ['arguments that miss a required property', fnCall('get_weather', {}), false, /does not match schema/],
    ['an undeclared function', fnCall('get_time', {}), false, /no function with that name/],
    ['arguments that are not JSON', { name: 'get_weather', arguments: '{city' }, false, /JSON/],
    ['plain text', 'It is sunny.', false, /did not return a valid-looking function call/],
  ])('%s → pass %s', async (_name, output, pass, reason) => {
    for (const type of ['is-valid-function-call', 'is-valid-openai-function-call']) {
      const result = await checkFn(output, type);
      expect(result.error).toBeUndefined();
      expect(result.pass).toBe(pass);
      expect(result.score).toBe(pass ? 1 : 0);
      expect(result.assertions[0].reason).toMatch(reason);
    }
  });

  test.each([
    ['echo, http, anthropic… (no toolCalls)', undefined],
    ['Azure chat (calls as text, no validator in promptfoo)', { json: true, validatesFunctionCalls: false }],
  ])('a provider without promptfoo’s function-call validator fails it, as in promptfoo: %s', async (_what, calls) => {
    const result = await checkFn(fnCall('get_weather', { city: 'Oslo' }), 'is-valid-function-call', {
      providerToolCalls: calls,
    });
    expect(result.pass).toBe(false);
    expect(result.assertions[0].reason).toBe('Provider does not have functionality for checking function call.');
  });

  test('no functions configured: the call names no function (a fail)', async () => {
    const result = await checkFn(fnCall('get_weather', { city: 'Oslo' }), 'is-valid-function-call', {
      providerConfig: {},
    });
    expect(result.pass).toBe(false);
    expect(result.assertions[0].reason).toMatch(/no function with that name/);
  });

  test('a Google provider (functionDeclarations) and the not- form are errors, not silent checks', async () => {
    const google = await checkFn(fnCall('get_weather', { city: 'Oslo' }), 'is-valid-function-call', {
      providerId: 'google:gemini-2.0-flash',
    });
    expect(google.error).toMatch(/functionDeclarations/);
    const inverse = await checkFn(fnCall('get_weather', { city: 'Oslo' }), 'not-is-valid-function-call');
    expect(inverse.error).toMatch(/not supported/);
  });
});
