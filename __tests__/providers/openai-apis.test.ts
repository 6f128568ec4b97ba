// openai:responses / openai:completion / openai:embedding (and ollama:<model>) against a loopback server
// speaking each API: request shapes asserted, replies and errors modelled on OpenAI's documented examples.
import { resolveProvider } from '../../src/providers/index.js';
import type { EmbeddingProvider } from '../../src/providers/openai-completions.js';
import type { ProviderSpec } from '../../src/types.js';
import { startVendorServer, type VendorServer } from '../support/vendor-server.js';
import { call } from './helpers.js';

const KEY = 'sk-test-responses-0123456789';
let server: VendorServer;
beforeEach(async () => {
  server = await startVendorServer();
});
afterEach(async () => {
  await server.close();
});

const resolve = (id: string, config: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = { OPENAI_API_KEY: KEY }) =>
  resolveProvider({ id, config: { apiBaseUrl: `${server.url}/v1`, ...config } } as ProviderSpec, {
    rootDir: process.cwd(),
    env,
  });

/** A Responses API reply as OpenAI documents it: a reasoning item, then the assistant message. */
const responsesReply = (text: string) => ({
  id: 'resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b',
  object: 'response',
  status: 'completed',
  error: null,
  incomplete_details: null,
  output: [
    { type: 'reasoning', id: 'rs_1', summary: [] },
    {
      type: 'message',
      id: 'msg_1',
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text, annotations: [] }],
    },
  ],
  usage: { input_tokens: 36, output_tokens: 87, total_tokens: 123, output_tokens_details: { reasoning_tokens: 64 } },
});

describe('openai:responses', () => {
  it('sends input items and maps promptfoo keys onto the Responses shape', async () => {
    server.reply({ body: responsesReply('Four.') });
    const provider = await resolve('openai:responses:gpt-4.1', {
      max_output_tokens: 200,
      reasoning_effort: 'low',
      instructions: 'Be brief.',
      tools: [{ type: 'function', name: 'lookup', parameters: { type: 'object', properties: {} } }],
      tool_choice: 'auto',
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'answer', strict: true, schema: { type: 'object' } },
      },
    });
    const response = await call(
      provider,
      JSON.stringify([
        { role: 'system', content: 'You count.' },
        { role: 'user', content: 'What is 2+2?' },
      ]),
    );
    expect(response).toEqual({
      output: 'Four.',
      tokenUsage: { prompt: 36, completion: 87, total: 123 },
      cost: 36 * 2e-6 + 87 * 8e-6,
    });
    const [request] = server.requests;
    expect(request.path).toBe('/v1/responses');
    expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request.body).toEqual({
      model: 'gpt-4.1',
      input: [
        { role: 'system', content: 'You count.' },
        { role: 'user', content: 'What is 2+2?' },
      ],
      instructions: 'Be brief.',
      max_output_tokens: 200,
      tools: [{ type: 'function', name: 'lookup', parameters: { type: 'object', properties: {} } }],
      tool_choice: 'auto',
      reasoning: { effort: 'low' },
      text: { format: { type: 'json_schema', name: 'answer', strict: true, schema: { type: 'object' } } },
    });
  });

  it('answers with the function calls as JSON when the model called a tool instead of writing text', async () => {
    const call1 = { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'lookup', arguments: '{"q":"x"}' };
    server.reply({ body: { ...responsesReply(''), output: [call1] } });
    const response = await call(await resolve('openai:responses:gpt-4.1'), 'look it up');
    expect(JSON.parse(response.output as string)).toEqual([call1]);
  });

  it('reports a failed response as an error, transient for server_error', async () => {
    server.reply({
      body: { ...responsesReply(''), status: 'failed', error: { code: 'server_error', message: 'The model crashed.' } },
    });
    const response = await call(await resolve('openai:responses:gpt-4.1'), 'hi');
    expect(response).toMatchObject({
      error: 'openai:responses:gpt-4.1: server_error: The model crashed.',
      transient: true,
    });
  });

  it('retries a 429 after the retry-after the server asked for, and names the key on a 401', async () => {
    server.reply(
      {
        status: 429,
        headers: { 'retry-after-ms': '1500', 'x-ratelimit-remaining-requests': '0' },
        body: { error: { message: 'Rate limit reached for gpt-4.1', type: 'requests', code: 'rate_limit_exceeded' } },
      },
      {
        status: 401,
        body: {
          error: {
            message: 'Incorrect API key provided: sk-test-***',
            type: 'invalid_request_error',
            code: 'invalid_api_key',
          },
        },
      },
    );
    const provider = await resolve('openai:responses:gpt-4.1');
    expect(await call(provider, 'a')).toMatchObject({
      transient: true,
      retryAfterMs: 1500,
      error: expect.stringContaining('HTTP 429'),
    });
    const denied = await call(provider, 'b');
    expect(denied).toMatchObject({ transient: false });
    expect(denied.error).toContain('check OPENAI_API_KEY');
  });

  it('treats a malformed body as transient and a missing key as a clear error before any call', async () => {
    server.reply({ body: '{"object": "response", "output": [' });
    expect(await call(await resolve('openai:responses:gpt-4.1'), 'a')).toMatchObject({
      transient: true,
      error: expect.stringContaining('malformed JSON'),
    });
    const keyless = await resolve('openai:responses:gpt-4.1', {}, {});
    expect(await call(keyless, 'a')).toMatchObject({
      transient: false,
      error: expect.stringContaining('OPENAI_API_KEY is not set'),
    });
    expect(server.requests).toHaveLength(1);
  });

  it('xai:responses goes to xAI with XAI_API_KEY', async () => {
    server.reply({ body: responsesReply('Grok says hi') });
    const provider = await resolveProvider(
      { id: 'xai:responses:grok-4', config: { apiBaseUrl: `${server.url}/v1` } },
      { rootDir: '.', env: { XAI_API_KEY: 'xai-key-123456' } },
    );
    expect((await call(provider, 'hi')).output).toBe('Grok says hi');
    expect(server.requests[0].headers.authorization).toBe('Bearer xai-key-123456');
  });
});

describe('openai:completion and ollama:<model>', () => {
  it('sends prompt and completion parameters, reads choices[0].text', async () => {
    server.reply({
      body: {
        id: 'cmpl-1',
        object: 'text_completion',
        choices: [{ text: ' a test.', index: 0, finish_reason: 'stop' }],
        usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 },
      },
    });
    const provider = await resolve('openai:completion:gpt-3.5-turbo-instruct', {
      max_tokens: 7,
      temperature: 0,
      tools: [],
    });
    expect(await call(provider, 'Say this is')).toMatchObject({
      output: ' a test.',
      tokenUsage: { prompt: 5, completion: 7, total: 12 },
    });
    expect(server.requests[0].path).toBe('/v1/completions');
    // Chat-only keys such as tools are not sent to the completions endpoint.
    expect(server.requests[0].body).toEqual({
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'Say this is',
      max_tokens: 7,
      temperature: 0,
    });
  });

  it('ollama:<model> uses the local completions endpoint without a key', async () => {
    server.reply({ body: { choices: [{ text: 'local' }] } });
    const provider = await resolveProvider(
      { id: 'ollama:llama3', config: { apiBaseUrl: server.url } },
      { rootDir: '.', env: {} },
    );
    expect(await call(provider, 'hi')).toMatchObject({ output: 'local' });
    expect(server.requests[0].path).toBe('/v1/completions');
    expect(server.requests[0].headers.authorization).toBeUndefined();
  });
});

describe('openai:image / xai:image', () => {
  it("dall-e-3: sends size, n, response_format and its own keys; answers with promptfoo's markdown image", async () => {
    server.reply({
      body: { created: 1, data: [{ url: 'https://images.example/img-1.png', revised_prompt: 'a cat' }] },
    });
    const provider = await resolve('openai:image:dall-e-3', {
      size: '1792x1024',
      quality: 'hd',
      style: 'vivid',
      background: 'x',
    });
    const prompt = 'A [very] long prompt about a cat\nsitting on a windowsill in the afternoon sun';
    expect(await call(provider, prompt)).toMatchObject({
      output: '![A (very) long prompt about a cat sitting on a w...](https://images.example/img-1.png)',
    });
    expect(server.requests[0].path).toBe('/v1/images/generations');
    expect(server.requests[0].body).toEqual({
      model: 'dall-e-3',
      prompt,
      n: 1,
      size: '1792x1024',
      response_format: 'url',
      quality: 'hd',
      style: 'vivid',
    });
  });

  it('gpt-image models answer in base64: the output is the reply JSON, usage counted; no response_format sent', async () => {
    const reply = {
      data: [{ b64_json: 'iVBORw0KGgo=' }],
      usage: { input_tokens: 10, output_tokens: 4160, total_tokens: 4170 },
    };
    server.reply(
      { body: reply },
      {
        status: 400,
        body: {
          error: {
            message: 'Your request was rejected by the safety system.',
            type: 'image_generation_user_error',
            code: 'moderation_blocked',
          },
        },
      },
    );
    const provider = await resolve('openai:image:gpt-image-1', { quality: 'low', output_format: 'webp' });
    expect(await call(provider, 'a fox')).toMatchObject({
      output: JSON.stringify(reply),
      tokenUsage: { prompt: 10, completion: 4160, total: 4170 },
    });
    expect(server.requests[0].body).toEqual({
      model: 'gpt-image-1',
      prompt: 'a fox',
      n: 1,
      size: '1024x1024',
      quality: 'low',
      output_format: 'webp',
    });
    expect(await call(provider, 'blocked')).toMatchObject({
      transient: false,
      error: expect.stringContaining('rejected by the safety system'),
    });
  });

  it('xai:image uses xAI with its key and sends no size unless configured', async () => {
    server.reply({ body: { data: [{ url: 'https://x.ai/i.jpg' }] } });
    const provider = await resolveProvider(
      { id: 'xai:image:grok-2-image', config: { apiBaseUrl: `${server.url}/v1` } },
      { rootDir: '.', env: { XAI_API_KEY: 'xai-key-123456' } },
    );
    expect((await call(provider, 'sunset')).output).toBe('![sunset](https://x.ai/i.jpg)');
    expect(server.requests[0].headers.authorization).toBe('Bearer xai-key-123456');
    expect(server.requests[0].body).toEqual({ model: 'grok-2-image', prompt: 'sunset', n: 1, response_format: 'url' });
  });
});

describe('openai:embedding', () => {
  it('embed() returns the vector, usage and cost; callApi returns the vector as output', async () => {
    const reply = {
      object: 'list',
      data: [{ object: 'embedding', index: 0, embedding: [0.0023, -0.0093, 0.015] }],
      model: 'text-embedding-3-small',
      usage: { prompt_tokens: 8, total_tokens: 8 },
    };
    server.reply({ body: reply }, { body: reply });
    const provider = (await resolve('openai:embedding:text-embedding-3-small', { dimensions: 3 })) as EmbeddingProvider;
    expect(await provider.embed('The food was delicious')).toEqual({
      embedding: [0.0023, -0.0093, 0.015],
      tokenUsage: { prompt: 8, total: 8 },
      cost: 8 * 0.02e-6,
    });
    expect(server.requests[0].path).toBe('/v1/embeddings');
    expect(server.requests[0].body).toEqual({
      model: 'text-embedding-3-small',
      input: 'The food was delicious',
      dimensions: 3,
    });
    expect((await call(provider, 'x')).output).toEqual([0.0023, -0.0093, 0.015]);
  });

  it('a reply without a vector is a transient error, not an empty embedding', async () => {
    server.reply({ body: { object: 'list', data: [] } });
    const provider = (await resolve('openai:embedding:text-embedding-3-small')) as EmbeddingProvider;
    expect(await provider.embed('x')).toMatchObject({
      transient: true,
      error: expect.stringContaining('data[0].embedding'),
    });
  });
});
