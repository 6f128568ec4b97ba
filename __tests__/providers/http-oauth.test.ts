// The http provider's `auth: { type: oauth }` against a loopback server that is both the token endpoint
// (RFC 6749 client_credentials, form-encoded) and the app: the token fetched once, sent as a bearer, renewed
// after a 401 only by expiry; token errors are errors of the call.
import { resolveProvider } from '../../src/providers/index.js';
import type { ProviderSpec } from '../../src/types.js';
import { startVendorServer, type VendorRequest, type VendorServer } from '../support/vendor-server.js';
import { call } from './helpers.js';

let server: VendorServer;
beforeEach(async () => {
  server = await startVendorServer();
});
afterEach(async () => {
  await server.close();
});

const oauthSpec = (tokenUrl: string, extra: Record<string, unknown> = {}): ProviderSpec => ({
  id: 'http',
  config: {
    url: `${server.url}/chat`,
    method: 'POST',
    body: { messages: '{{prompt}}' },
    auth: {
      type: 'oauth',
      grantType: 'client_credentials',
      clientId: '{{env.TARGET_CLIENT_ID}}',
      clientSecret: '{{env.TARGET_CLIENT_SECRET}}',
      tokenUrl,
      scopes: ['chat:write', 'chat:read'],
      ...extra,
    },
    transformResponse: 'json.reply',
  },
});
const env = { TARGET_CLIENT_ID: 'client-123', TARGET_CLIENT_SECRET: 'secret-456' };

describe('http auth: oauth', () => {
  it('fetches a client_credentials token once and calls the app with it', async () => {
    server.setDefault((request: VendorRequest) =>
      request.path === '/oauth/token'
        ? { body: { access_token: 'tok-abc', token_type: 'Bearer', expires_in: 3600 } }
        : { body: { reply: `got ${request.body.messages}` } },
    );
    const provider = await resolveProvider(oauthSpec(`${server.url}/oauth/token`), { rootDir: '.', env });
    expect(await call(provider, 'hi')).toEqual({ output: 'got hi' });
    expect(await call(provider, 'again')).toEqual({ output: 'got again' });
    const tokenRequests = server.requests.filter((r) => r.path === '/oauth/token');
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(tokenRequests[0].raw))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'client-123',
      client_secret: 'secret-456',
      scope: 'chat:write chat:read',
    });
    const calls = server.requests.filter((r) => r.path === '/chat');
    expect(calls.map((r) => r.headers.authorization)).toEqual(['Bearer tok-abc', 'Bearer tok-abc']);
  });

  it('a token that expires is fetched again', async () => {
    let n = 0;
    server.setDefault((request: VendorRequest) =>
      request.path === '/oauth/token'
        ? { body: { access_token: `tok-${++n}`, expires_in: 0 } }
        : { body: { reply: String(request.headers.authorization) } },
    );
    const provider = await resolveProvider(oauthSpec(`${server.url}/oauth/token`), { rootDir: '.', env });
    expect((await call(provider, 'a')).output).toBe('Bearer tok-1');
    expect((await call(provider, 'b')).output).toBe('Bearer tok-2');
  });

  it('a refused token request is an error of the call, without the secret; the app is not called', async () => {
    server.reply({ status: 401, body: { error: 'invalid_client', error_description: 'bad secret secret-456' } });
    const provider = await resolveProvider(oauthSpec(`${server.url}/oauth/token`), { rootDir: '.', env });
    const response = await call(provider, 'hi');
    expect(response).toMatchObject({
      transient: false,
      error: expect.stringMatching(/OAuth token: HTTP 401.*auth\.clientSecret/),
    });
    expect(response.error).not.toContain('secret-456');
    expect(server.requests.filter((r) => r.path === '/chat')).toHaveLength(0);
  });

  it('an unknown grant type is a located error', async () => {
    await expect(
      resolveProvider(oauthSpec(`${server.url}/oauth/token`, { grantType: 'implicit' }), {
        rootDir: '.',
        env,
        configFile: 's.yaml',
      }),
    ).rejects.toThrow(/s\.yaml.*config\.auth\.grantType: expected client_credentials or password/);
  });
});
