// replicate:* (predictions API, Prefer: wait, polling) and sagemaker:* (InvokeEndpoint, SigV4) against
// loopback servers in their wire formats; the http provider's api_key auth.
import { requiredCredentials, resolveProvider } from '../../src/providers/index.js';
import { readLlamaGuard } from '../../src/providers/replicate.js';
import type { ProviderSpec } from '../../src/types.js';
import { startVendorServer, type VendorServer } from '../support/vendor-server.js';
import { call } from './helpers.js';

const spec = (id: string, config: Record<string, unknown> = {}): ProviderSpec => ({ id, config });
const TOKEN = 'r8_test_token_0123456789';
let server: VendorServer;
beforeEach(async () => {
  server = await startVendorServer();
});
afterEach(async () => {
  await server.close();
});

describe('replicate', () => {
  const replicate = (id: string, config: Record<string, unknown> = {}) =>
    resolveProvider(spec(id, { apiBaseUrl: server.url, ...config }), {
      rootDir: '.',
      env: { REPLICATE_API_TOKEN: TOKEN },
    });

  it('creates a prediction on the model with Prefer: wait and joins the streamed tokens', async () => {
    server.reply({
      status: 201,
      body: {
        id: 'gm3qorzdhgbfurvjtvhg6dckhu',
        status: 'succeeded',
        output: ['The', ' sky', ' is', ' blue.'],
        metrics: { input_token_count: 12, output_token_count: 4, predict_time: 0.5 },
        urls: { get: `${server.url}/v1/predictions/gm3qorzdhgbfurvjtvhg6dckhu` },
      },
    });
    const provider = await replicate('replicate:meta/llama-4-scout-instruct', {
      temperature: 0.5,
      max_tokens: 64,
      system_prompt: 'Be brief.',
    });
    expect(await call(provider, 'Why is the sky blue?')).toMatchObject({
      output: 'The sky is blue.',
      tokenUsage: { prompt: 12, completion: 4, total: 16 },
    });
    const [request] = server.requests;
    expect(request.path).toBe('/v1/models/meta/llama-4-scout-instruct/predictions');
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request.headers.prefer).toBe('wait');
    expect(request.body).toEqual({
      input: { prompt: 'Why is the sky blue?', temperature: 0.5, max_tokens: 64, system_prompt: 'Be brief.' },
    });
  });

  it('a pinned version goes to /v1/predictions; a prediction still running is polled until it settles', async () => {
    const get = `${server.url}/v1/predictions/abc`;
    server.reply(
      { status: 201, body: { id: 'abc', status: 'starting', output: null, urls: { get } } },
      { body: { id: 'abc', status: 'processing', output: null, urls: { get } } },
      { body: { id: 'abc', status: 'succeeded', output: ['https://replicate.delivery/x/out-0.png'], urls: { get } } },
    );
    const provider = await replicate(
      'replicate:image:stability-ai/sdxl:7762fd07cf82c948538e41f63f77d685e02b063e37e496e96eefd46c929f9bdc',
      { width: 768 },
    );
    expect((await call(provider, 'a red fox')).output).toBe('https://replicate.delivery/x/out-0.png');
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/predictions',
      'GET /v1/predictions/abc',
      'GET /v1/predictions/abc',
    ]);
    expect(server.requests[0].body).toEqual({
      version: '7762fd07cf82c948538e41f63f77d685e02b063e37e496e96eefd46c929f9bdc',
      input: { prompt: 'a red fox', width: 768 },
    });
  });

  it('a failed prediction is an error; 429 is retried; the key is never sent to another origin', async () => {
    server.reply(
      { body: { status: 'failed', error: 'CUDA out of memory' } },
      {
        status: 429,
        headers: { 'retry-after': '4' },
        body: { title: 'Too Many Requests', detail: 'Request was throttled.', status: 429 },
      },
      { body: { status: 'processing', urls: { get: 'https://attacker.example/poll' } } },
    );
    const provider = await replicate('replicate:meta/meta-llama-3-8b-instruct');
    expect(await call(provider, 'x')).toMatchObject({
      transient: false,
      error: expect.stringContaining('the prediction failed: CUDA out of memory'),
    });
    expect(await call(provider, 'x')).toMatchObject({ transient: true, retryAfterMs: 4000 });
    expect(await call(provider, 'x')).toMatchObject({
      transient: false,
      error: expect.stringContaining('https://attacker.example'),
    });
    expect(server.requests).toHaveLength(3);
    expect(requiredCredentials(spec('replicate:meta/x'), {})).toEqual(['REPLICATE_API_TOKEN or REPLICATE_API_KEY']);
  });
});

test('the moderation graders need their vendor key: OPENAI_API_KEY, REPLICATE_API_TOKEN (or _KEY)', () => {
  expect(requiredCredentials(spec('openai:moderation:omni-moderation-latest'), {})).toEqual(['OPENAI_API_KEY']);
  expect(requiredCredentials(spec('openai:moderation'), { OPENAI_API_KEY: 'sk' })).toEqual([]);
  expect(requiredCredentials(spec('replicate:moderation:meta/llama-guard-4-12b'), {})).toEqual([
    'REPLICATE_API_TOKEN or REPLICATE_API_KEY',
  ]);
  expect(requiredCredentials(spec('replicate:moderation:meta/llama-guard-4-12b'), { REPLICATE_API_KEY: 'r8' })).toEqual(
    [],
  );
});

describe("Llama Guard's verdict, as the moderation assertion reads it", () => {
  const flag = (code: string, description: string) => ({ code, description, confidence: 1 });
  it.each<[string, unknown, unknown]>([
    ['safe', 'safe', []],
    ['safe, with whitespace around it', '\n safe \n', []],
    ['unsafe with codes', 'unsafe\nS1,S10', [flag('S1', 'Violent Crimes'), flag('S10', 'Hate')]],
    [
      'codes with spaces, repeated',
      'unsafe\n S6, S6 ,S14',
      [flag('S6', 'Specialized Advice'), flag('S14', 'Code Interpreter Abuse')],
    ],
    ["a later Llama Guard's code keeps its name", 'unsafe\nS15', [flag('S15', 'S15')]],
    ['unsafe with no code is still flagged', 'unsafe', [flag('unsafe', 'unsafe (no category given)')]],
    [
      'anything else is not a verdict',
      'The answer is safe.',
      /did not answer safe or unsafe \(got "The answer is safe\."\)/,
    ],
    ['nor is a non-string output', { verdict: 'safe' }, /did not answer safe or unsafe/],
  ])('%s', (_name, output, expected) => {
    const flags = readLlamaGuard(output);
    if (expected instanceof RegExp) expect(flags).toMatch(expected);
    else expect(flags).toEqual(expected);
  });
});

describe('sagemaker', () => {
  const CREDS = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'sagemaker-secret-key-123456' };
  const sagemaker = (id: string, config: Record<string, unknown> = {}) =>
    resolveProvider(spec(id, { apiBaseUrl: server.url, region: 'us-west-2', ...config }), { rootDir: '.', env: CREDS });

  it.each([
    [
      'sagemaker:jumpstart:my-llama',
      { inputs: 'Hi', parameters: { max_new_tokens: 50, temperature: 0.1 } },
      [{ generated_text: 'Hello there' }],
      'Hello there',
    ],
    [
      'sagemaker:huggingface:my-mistral',
      { inputs: 'Hi', parameters: { max_new_tokens: 50, temperature: 0.1 } },
      { generated_text: 'Bonjour' },
      'Bonjour',
    ],
    [
      'sagemaker:openai:my-endpoint',
      { messages: [{ role: 'user', content: 'Hi' }], max_tokens: 50, temperature: 0.1 },
      {
        choices: [{ message: { role: 'assistant', content: 'Hey' } }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      },
      'Hey',
    ],
    [
      'sagemaker:anthropic:my-claude',
      { messages: [{ role: 'user', content: 'Hi' }], max_tokens: 50, temperature: 0.1 },
      { content: [{ type: 'text', text: 'Claude here' }], usage: { input_tokens: 1, output_tokens: 2 } },
      'Claude here',
    ],
    ['sagemaker:embedding:my-embedder', { text_inputs: 'Hi' }, { embedding: [0.1, 0.2] }, [0.1, 0.2]],
  ])('%s sends its container body, signed for sagemaker, and reads its reply', async (id, body, reply, output) => {
    server.reply({ body: reply });
    const provider = await sagemaker(id, { maxTokens: 50, temperature: 0.1 });
    expect((await call(provider, 'Hi')).output).toEqual(output);
    const [request] = server.requests;
    expect(request.path).toBe(`/endpoints/${id.split(':')[2]}/invocations`);
    expect(request.body).toEqual(body);
    expect(String(request.headers.authorization)).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-west-2\/sagemaker\/aws4_request, /,
    );
  });

  it('config.transform reshapes the prompt and responseFormat.path picks the answer (promptfoo JavaScript forms)', async () => {
    server.reply({ body: [{ generated_text: 'a poem', details: {} }] });
    const provider = await sagemaker('sagemaker:llama:my-llama', {
      transform: '// Llama-2 chat format\nreturn `<s>[INST] ${prompt} [/INST]`;',
      responseFormat: { path: 'json[0].generated_text' },
    });
    expect(await call(provider, 'Write a poem')).toEqual({ output: 'a poem' });
    expect(server.requests[0].body.inputs).toBe('<s>[INST] Write a poem [/INST]');
    await expect(
      resolveProvider(spec('sagemaker:llama:x', { contentType: 'text/csv' }), { rootDir: '.', env: CREDS }),
    ).rejects.toThrow(/config\.contentType: only application\/json/);
  });

  it('errors: throttling is transient, a model error is not and never shows the secret; bad modelType is located', async () => {
    server.reply(
      { status: 429, body: { message: 'ThrottlingException: Rate exceeded' } },
      {
        status: 424,
        body: { ErrorCode: 'CLIENT_ERROR_FROM_MODEL', Message: 'Received client error (400) from primary' },
      },
    );
    const provider = await sagemaker('sagemaker:jumpstart:ep');
    expect(await call(provider, 'x')).toMatchObject({ transient: true });
    const failed = await call(provider, 'x');
    expect(failed).toMatchObject({ transient: false, error: expect.stringContaining('HTTP 424') });
    expect(failed.error).not.toContain(CREDS.AWS_SECRET_ACCESS_KEY);
    await expect(
      resolveProvider(spec('sagemaker:my-endpoint', { modelType: 'bert' }), {
        rootDir: '.',
        env: CREDS,
        configFile: 's.yaml',
      }),
    ).rejects.toThrow(
      /s\.yaml: provider: provider "sagemaker:my-endpoint": config\.modelType "bert" is not one of openai/,
    );
  });
});

describe('http auth api_key', () => {
  it('puts the key in the named header (rendered from env) or the query, and redacts it', async () => {
    server.reply({ body: { ok: 1 } }, { status: 401, body: { error: 'bad key secret-api-key-0123' } });
    const header = await resolveProvider(
      spec('http', {
        url: server.url,
        auth: { type: 'api_key', value: '{{ env.TARGET_KEY }}', keyName: 'X-API-Key', placement: 'header' },
      }),
      { rootDir: '.', env: { TARGET_KEY: 'secret-api-key-0123' } },
    );
    await call(header, 'x');
    expect(server.requests[0].headers['x-api-key']).toBe('secret-api-key-0123');
    const query = await resolveProvider(
      spec('http', {
        url: server.url,
        auth: { type: 'api_key', value: 'secret-api-key-0123', keyName: 'key', placement: 'query' },
      }),
      { rootDir: '.', env: {} },
    );
    const denied = await call(query, 'x');
    expect(server.requests[1].query).toEqual({ key: 'secret-api-key-0123' });
    expect(denied.error).not.toContain('secret-api-key-0123');
  });
});
