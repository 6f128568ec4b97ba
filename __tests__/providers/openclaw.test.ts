// openclaw[:<agent>]: an OpenClaw gateway's OpenAI-compatible chat completions, against a loopback gateway —
// the agent called by OpenClaw's model id, the gateway URL and bearer secret from config or the env.
import { credentialVariables, parseProviderId, resolveProvider } from '../../src/providers/index.js';
import { startVendorServer, type VendorServer } from '../support/vendor-server.js';
import { call } from './helpers.js';

let server: VendorServer;
const chatReply = {
  id: 'c1',
  object: 'chat.completion',
  choices: [{ index: 0, message: { role: 'assistant', content: '2 + 2 is 4.' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 9, completion_tokens: 5, total_tokens: 14 },
};
beforeEach(async () => {
  server = await startVendorServer({ body: chatReply });
});
afterEach(async () => {
  await server.close();
});

describe('openclaw[:<agent>]', () => {
  it('calls the agent on the gateway named by OPENCLAW_GATEWAY_URL with OPENCLAW_GATEWAY_TOKEN', async () => {
    const provider = await resolveProvider(
      { id: 'openclaw:main', config: {} },
      {
        rootDir: '.',
        env: { OPENCLAW_GATEWAY_URL: server.url.replace(/^http/, 'ws'), OPENCLAW_GATEWAY_TOKEN: 'oc-token-123' },
      },
    );
    expect((await call(provider, 'Answer in exactly one sentence: What is 2 + 2?')).output).toBe('2 + 2 is 4.');
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/chat/completions' });
    expect(request.body.model).toBe('openclaw/main');
    expect(request.headers.authorization).toBe('Bearer oc-token-123');
  });

  it('config.gateway_url and auth_password win; without a secret it calls the gateway keyless, never with OPENAI_API_KEY', async () => {
    const withPassword = await resolveProvider(
      { id: 'openclaw', config: { gateway_url: server.url, auth_password: 'pw-456' } },
      { rootDir: '.', env: {} },
    );
    await call(withPassword, 'hi');
    expect(server.requests[0].body.model).toBe('openclaw/default');
    expect(server.requests[0].headers.authorization).toBe('Bearer pw-456');

    const keyless = await resolveProvider(
      { id: 'openclaw:coding-agent', config: { gateway_url: server.url } },
      { rootDir: '.', env: { OPENAI_API_KEY: 'sk-must-not-leak' } },
    );
    expect((await call(keyless, 'hi')).error).toBeUndefined();
    expect(server.requests[1].headers.authorization).toBeUndefined();
    expect(credentialVariables({ id: 'openclaw:main', config: {} })).not.toContain('OPENAI_API_KEY');
  });

  it('the WebSocket agent, Responses and embedding forms are refused by name', () => {
    for (const id of ['openclaw:agent:main', 'openclaw:responses:main', 'openclaw:embedding:main'])
      expect(() => parseProviderId(id)).toThrow(/OpenClaw API promptgate does not speak/);
  });
});
