// is-valid-openai-tools-call against the provider's declared tools, as promptfoo 0.123.1 checks it.
import { scoreTest } from '../../src/assertions/index.js';
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

async function check(output: unknown, providerConfig: Record<string, unknown> = { tools }) {
  return scoreTest(context(output, { assert: [{ type: 'is-valid-openai-tools-call' }] }, { providerConfig }));
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

test('no tools in the provider config fails with the reason', async () => {
  const result = await check([call('get_weather', { city: 'Oslo' })], {});
  expect(result.assertions[0].reason).toBe('No tools configured in provider, but output contains tool calls');
});
