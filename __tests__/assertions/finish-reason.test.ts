// finish-reason reads why the model stopped from the vendor's reply, normalized as promptfoo does: OpenAI's
// choices[0].finish_reason and Anthropic's stop_reason, each from a loopback server speaking that wire format.
import { startVendorServer, type VendorRequest, type VendorServer } from '../support/vendor-server.js';
import { makeSuite } from '../engine/support.js';
import { evaluateSuite } from '../../src/evaluate.js';
import type { AssertionSpec, Suite } from '../../src/types.js';

// The prompt names the reason the fake vendor reports; "none" leaves it out.
function reply(request: VendorRequest) {
  const prompt = JSON.stringify(request.body);
  const reason = /reason=(\w+)/.exec(prompt)?.[1];
  const given = reason === 'none' ? undefined : reason;
  if (request.path === '/v1/messages') {
    return {
      body: {
        type: 'message',
        role: 'assistant',
        content: [{ type: 'text', text: 'ok' }],
        ...(given ? { stop_reason: given } : {}),
        usage: { input_tokens: 1, output_tokens: 1 },
      },
    };
  }
  return {
    body: {
      choices: [
        { index: 0, message: { role: 'assistant', content: 'ok' }, ...(given ? { finish_reason: given } : {}) },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    },
  };
}

let server: VendorServer;
beforeAll(async () => {
  server = await startVendorServer(reply);
});
afterAll(() => server.close());

async function verdict(vendor: 'openai' | 'anthropic', reason: string, assertion: AssertionSpec) {
  const provider =
    vendor === 'openai'
      ? { id: 'openai:chat:gpt-4o-mini', config: { apiBaseUrl: `${server.url}/v1`, apiKey: 'sk-test' } }
      : { id: 'anthropic:messages:claude-3-5-haiku-latest', config: { apiBaseUrl: server.url, apiKey: 'sk-test' } };
  const suite: Suite = makeSuite(
    {
      configPath: '/tmp/finish/promptfooconfig.yaml',
      rootDir: '/tmp/finish',
      prompts: [{ id: 'p', label: 'p', raw: 'reason={{ reason }}' }],
      providers: [provider],
      tests: [{ vars: { reason }, assert: [assertion], options: {} }],
    },
    { maxConcurrency: 1, timeoutMs: 10_000, maxRetries: 0 },
  );
  const [result] = (await evaluateSuite(suite, { env: {} })).results;
  expect(result!.error).toBeUndefined();
  return [result!.pass, result!.assertions[0]!.reason];
}

test.each([
  ['openai', 'stop', { type: 'finish-reason', value: 'stop' }, [true, 'Assertion passed']],
  [
    'openai',
    'length',
    { type: 'finish-reason', value: 'STOP' },
    [false, 'Expected finish reason "STOP" but got "length"'],
  ],
  ['openai', 'function_call', { type: 'finish-reason', value: 'tool_calls' }, [true, 'Assertion passed']],
  ['anthropic', 'end_turn', { type: 'finish-reason', value: 'stop' }, [true, 'Assertion passed']],
  ['anthropic', 'tool_use', { type: 'finish-reason', value: 'tool_calls' }, [true, 'Assertion passed']],
  [
    'anthropic',
    'max_tokens',
    { type: 'not-finish-reason', value: 'length' },
    [false, 'Expected finish reason not "length" but got "length"'],
  ],
  ['openai', 'none', { type: 'finish-reason', value: 'stop' }, [false, 'Provider did not supply stop/finish reason']],
  ['openai', 'none', { type: 'not-finish-reason', value: 'stop' }, [true, 'Assertion passed']],
] as const)('%s reports %s: %j', async (vendor, reason, assertion, expected) => {
  expect(await verdict(vendor, reason, assertion)).toEqual(expected);
});
