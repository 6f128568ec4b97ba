// bedrock:<model> / bedrock:converse:<model> against a loopback server speaking the Converse API. The
// SigV4 signature is checked the way AWS checks it: recomputed over the request the server received.
import { createHash } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { bedrockPriceFamily } from '../../src/providers/bedrock.js';
import { requiredCredentials, resolveProvider, secretValues } from '../../src/providers/index.js';
import type { ProviderSpec } from '../../src/types.js';
import { startVendorServer, type VendorRequest, type VendorServer } from '../support/vendor-server.js';
import { call } from './helpers.js';

const CREDS = {
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  AWS_SESSION_TOKEN: 'session-token-xyz',
};
const spec = (id: string, config: Record<string, unknown> = {}): ProviderSpec => ({ id, config });
let server: VendorServer;
beforeEach(async () => {
  server = await startVendorServer();
});
afterEach(async () => {
  await server.close();
});

const converseReply = {
  output: { message: { role: 'assistant', content: [{ text: 'Hello from Nova' }] } },
  stopReason: 'end_turn',
  usage: { inputTokens: 12, outputTokens: 6, totalTokens: 18 },
  metrics: { latencyMs: 321 },
};

/** Recompute the signature from what arrived; equal only if the signed bytes, host, path and date all match. */
async function expectValidSignature(request: VendorRequest, region: string): Promise<void> {
  const auth = String(request.headers.authorization);
  const match =
    /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/(\d{8})\/([\w-]+)\/bedrock\/aws4_request, SignedHeaders=([\w;-]+), Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  expect(match).not.toBeNull();
  expect(match![2]).toBe(region);
  // The signer takes the payload hash from this header when it is there: it must be the hash of the bytes received.
  expect(request.headers['x-amz-content-sha256']).toBe(createHash('sha256').update(request.raw).digest('hex'));
  const signedHeaders = match![3].split(';');
  const headers = Object.fromEntries(signedHeaders.map((name) => [name, String(request.headers[name])]));
  const amzDate = String(request.headers['x-amz-date']);
  const signingDate = new Date(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  const [hostname, port] = String(request.headers.host).split(':');
  const signer = new SignatureV4({
    service: 'bedrock',
    region,
    sha256: Sha256,
    credentials: {
      accessKeyId: CREDS.AWS_ACCESS_KEY_ID,
      secretAccessKey: CREDS.AWS_SECRET_ACCESS_KEY,
      sessionToken: CREDS.AWS_SESSION_TOKEN,
    },
  });
  const expected = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: hostname!,
      port: Number(port),
      path: request.path,
      query: {},
      headers,
      body: request.raw,
    },
    { signingDate },
  );
  expect(auth).toBe(expected.headers.authorization);
}

describe('bedrock (Converse API)', () => {
  it('sends messages, system and inferenceConfig, signed with SigV4 for the configured region', async () => {
    server.reply({ body: converseReply });
    const provider = await resolveProvider(
      spec('bedrock:converse:amazon.nova-lite-v1:0', {
        endpoint: server.url,
        region: 'eu-west-1',
        max_tokens: 256,
        temperature: 0.2,
        top_p: 0.9,
        stop: ['END'],
        toolConfig: { tools: [{ toolSpec: { name: 'calc', inputSchema: { json: { type: 'object' } } } }] },
      }),
      { rootDir: '.', env: CREDS },
    );
    const prompt = JSON.stringify([
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Hi' },
    ]);
    expect(await call(provider, prompt)).toEqual({
      output: 'Hello from Nova',
      tokenUsage: { prompt: 12, completion: 6, total: 18 },
      cost: 12 * 0.06e-6 + 6 * 0.24e-6,
    });
    const [request] = server.requests;
    expect(request.path).toBe('/model/amazon.nova-lite-v1%3A0/converse');
    expect(request.body).toEqual({
      messages: [{ role: 'user', content: [{ text: 'Hi' }] }],
      system: [{ text: 'You are terse.' }],
      inferenceConfig: { maxTokens: 256, temperature: 0.2, topP: 0.9, stopSequences: ['END'] },
      toolConfig: { tools: [{ toolSpec: { name: 'calc', inputSchema: { json: { type: 'object' } } } }] },
    });
    expect(request.headers['x-amz-security-token']).toBe(CREDS.AWS_SESSION_TOKEN);
    await expectValidSignature(request, 'eu-west-1');
  });

  it('bedrock:<claude model> passes thinking through; the output shows it as promptfoo does unless showThinking: false', async () => {
    const reply = {
      body: {
        output: {
          message: {
            role: 'assistant',
            content: [
              { reasoningContent: { reasoningText: { text: 'thinking…', signature: 'sig-1' } } },
              { text: 'Answer' },
              { toolUse: { toolUseId: 't1', name: 'calc', input: { x: 1 } } },
            ],
          },
        },
        usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 },
      },
    };
    server.reply(reply, reply);
    const provider = await resolveProvider(
      spec('bedrock:us.anthropic.claude-sonnet-4-6', {
        endpoint: server.url,
        thinking: { type: 'enabled', budget_tokens: 1024 },
      }),
      { rootDir: '.', env: { ...CREDS, AWS_REGION: 'us-west-2' } },
    );
    const toolUse = '{"type":"tool_use","id":"t1","name":"calc","input":{"x":1}}';
    expect((await call(provider, 'q')).output).toBe(
      `<thinking>\nthinking…\n</thinking>\n\nSignature: sig-1\n\nAnswer\n\n${toolUse}`,
    );
    const hidden = await resolveProvider(
      spec('bedrock:us.anthropic.claude-sonnet-4-6', { endpoint: server.url, showThinking: false }),
      {
        rootDir: '.',
        env: CREDS,
      },
    );
    expect((await call(hidden, 'q')).output).toBe(`Answer\n\n${toolUse}`);
    expect(server.requests[0].body.additionalModelRequestFields).toEqual({
      thinking: { type: 'enabled', budget_tokens: 1024 },
    });
    await expectValidSignature(server.requests[0], 'us-west-2');
  });

  it('ThrottlingException (429) and ServiceUnavailable (503) are transient; AccessDenied (403) is not and names the fix', async () => {
    server.reply(
      {
        status: 429,
        headers: { 'x-amzn-errortype': 'ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/' },
        body: { message: 'Too many requests, please wait before trying again.' },
      },
      {
        status: 503,
        headers: { 'x-amzn-errortype': 'ServiceUnavailableException' },
        body: { message: 'Bedrock is unable to process your request.' },
      },
      {
        status: 403,
        headers: { 'x-amzn-errortype': 'AccessDeniedException' },
        body: { Message: 'User is not authorized to perform: bedrock:InvokeModel' },
      },
      { body: '{"output": {"message"' },
    );
    const provider = await resolveProvider(spec('bedrock:amazon.nova-pro-v1:0', { endpoint: server.url }), {
      rootDir: '.',
      env: CREDS,
    });
    expect(await call(provider, 'a')).toMatchObject({
      transient: true,
      error: expect.stringContaining('Too many requests'),
    });
    expect(await call(provider, 'b')).toMatchObject({ transient: true });
    const denied = await call(provider, 'c');
    expect(denied).toMatchObject({ transient: false, error: expect.stringContaining('check the AWS credentials') });
    expect(denied.error).not.toContain(CREDS.AWS_SECRET_ACCESS_KEY);
    expect(await call(provider, 'd')).toMatchObject({
      transient: true,
      error: expect.stringContaining('malformed JSON'),
    });
  });

  it("promptfoo's Nova and tool keys map onto Converse: interfaceConfig, toolChoice, reasoningConfig", async () => {
    server.reply({ body: converseReply });
    const tools = [{ toolSpec: { name: 'calc', inputSchema: { json: { type: 'object' } } } }];
    const provider = await resolveProvider(
      spec('bedrock:us.amazon.nova-2-lite-v1:0', {
        endpoint: server.url,
        interfaceConfig: { max_new_tokens: 300, temperature: 0.3 },
        tools,
        toolChoice: { auto: {} },
        reasoningConfig: { type: 'enabled', maxReasoningEffort: 'low' },
      }),
      { rootDir: '.', env: CREDS },
    );
    await call(provider, 'x');
    expect(server.requests[0].body).toMatchObject({
      inferenceConfig: { maxTokens: 300, temperature: 0.3 },
      toolConfig: { tools, toolChoice: { auto: {} } },
      additionalModelRequestFields: { reasoningConfig: { type: 'enabled', maxReasoningEffort: 'low' } },
    });
  });

  it('a Bedrock API key is sent as a bearer token instead of a signature', async () => {
    server.reply({ body: converseReply });
    const provider = await resolveProvider(spec('bedrock:amazon.nova-micro-v1:0', { endpoint: server.url }), {
      rootDir: '.',
      env: { AWS_BEARER_TOKEN_BEDROCK: 'bedrock-api-key-abc123' },
    });
    await call(provider, 'x');
    expect(server.requests[0].headers.authorization).toBe('Bearer bedrock-api-key-abc123');
  });

  it('knows which credentials are missing and which values to mask', () => {
    expect(
      requiredCredentials(spec('bedrock:x'), {
        HOME: '/nonexistent',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/c',
        AWS_CONFIG_FILE: '/nonexistent/f',
      }),
    ).toEqual([
      'AWS credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, a role, or AWS_BEARER_TOKEN_BEDROCK)',
    ]);
    expect(requiredCredentials(spec('bedrock:x'), CREDS)).toEqual([]);
    expect(requiredCredentials(spec('bedrock:x'), { AWS_PROFILE: 'dev' })).toEqual([]);
    expect(secretValues([spec('bedrock:x')], CREDS).sort()).toEqual(
      [CREDS.AWS_SECRET_ACCESS_KEY, CREDS.AWS_SESSION_TOKEN].sort(),
    );
  });

  it.each([
    ['us.anthropic.claude-sonnet-4-6', 'claude-sonnet-4-6'],
    ['us.anthropic.claude-haiku-4-5-20251001-v1:0', 'claude-haiku-4-5'],
    ['amazon.nova-lite-v1:0', 'nova-lite'],
    ['arn:aws:bedrock:us-east-1:123:inference-profile/us.amazon.nova-pro-v1:0', 'nova-pro'],
  ])('prices %s as %s', (model, family) => {
    expect(bedrockPriceFamily(model)).toBe(family);
  });
});
