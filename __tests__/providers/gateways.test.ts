// Gateways, local servers, Hugging Face text generation and classification, and watsonx.ai: helicone:<provider>/<model> (a Helicone AI Gateway,
// OpenAI's chat), cloudflare-gateway:<provider>:<model> (each provider's own API under the gateway's URL) and
// the bare `llama` id (a llama.cpp server's /completion), against loopback servers speaking those formats.
import { requiredCredentials, resolveProvider, secretValues } from '../../src/providers/index.js';
import type { ProviderSpec } from '../../src/types.js';
import { startVendorServer, type VendorServer } from '../support/vendor-server.js';
import { call } from './helpers.js';

let server: VendorServer;
beforeEach(async () => {
  server = await startVendorServer();
});
afterEach(async () => {
  await server.close();
});

const spec = (id: string, config: Record<string, unknown> = {}): ProviderSpec => ({ id, config });
const chatReply = (text: string) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 9, completion_tokens: 3, total_tokens: 12 },
});

describe('helicone:<provider>/<model>', () => {
  it("sends OpenAI's chat to the gateway's /ai route with the model as written, no key needed", async () => {
    server.reply({ body: chatReply('Paris.') });
    const provider = await resolveProvider(
      spec('helicone:openai/gpt-4o-mini', { baseUrl: server.url, max_tokens: 500 }),
      {
        rootDir: '.',
        env: {},
      },
    );
    expect((await call(provider, 'Capital of France?')).output).toBe('Paris.');
    expect(server.requests[0].path).toBe('/ai/chat/completions');
    expect(server.requests[0].body).toMatchObject({ model: 'openai/gpt-4o-mini', max_tokens: 500 });
  });

  it('a router goes to /router/<name>', async () => {
    server.reply({ body: chatReply('ok') });
    const provider = await resolveProvider(
      spec('helicone:anthropic/claude-sonnet-4-6', { baseUrl: server.url, router: 'prod' }),
      {
        rootDir: '.',
        env: {},
      },
    );
    await call(provider, 'hi');
    expect(server.requests[0].path).toBe('/router/prod/chat/completions');
  });
});

describe('cloudflare-gateway:<provider>:<model>', () => {
  const env = {
    OPENAI_API_KEY: 'sk-upstream-openai',
    ANTHROPIC_API_KEY: 'sk-ant-upstream',
    GROQ_API_KEY: 'gsk-upstream',
    CLOUDFLARE_API_KEY: 'cf-gateway-token',
  };
  const gateway = (id: string, config: Record<string, unknown> = {}) =>
    resolveProvider(
      spec(id, { accountId: 'acc123', gatewayId: 'gw1', gatewayBaseUrl: `${server.url}/v1/acc123/gw1`, ...config }),
      {
        rootDir: '.',
        env,
      },
    );

  it.each([
    [
      'cloudflare-gateway:openai:gpt-4o-mini',
      '/v1/acc123/gw1/openai/chat/completions',
      'authorization',
      'Bearer sk-upstream-openai',
    ],
    [
      'cloudflare-gateway:groq:llama-3.1-8b-instant',
      '/v1/acc123/gw1/groq/chat/completions',
      'authorization',
      'Bearer gsk-upstream',
    ],
  ])('%s goes to %s with the upstream key and the gateway token', async (id, path, header, value) => {
    server.reply({ body: chatReply('hello') });
    expect((await call(await gateway(id, { temperature: 0.7 }), 'hi')).output).toBe('hello');
    expect(server.requests[0].path).toBe(path);
    expect(server.requests[0].headers[header]).toBe(value);
    expect(server.requests[0].headers['cf-aig-authorization']).toBe('Bearer cf-gateway-token');
  });

  it("anthropic goes to the gateway's /anthropic/v1/messages in Anthropic's format", async () => {
    server.reply({
      body: {
        id: 'msg_1',
        type: 'message',
        role: 'assistant',
        content: [{ type: 'text', text: 'Hi there' }],
        stop_reason: 'end_turn',
        usage: { input_tokens: 5, output_tokens: 2 },
      },
    });
    const response = await call(
      await gateway('cloudflare-gateway:anthropic:claude-haiku-4-5-20251001', { max_tokens: 200 }),
      'hi',
    );
    expect(response.output).toBe('Hi there');
    expect(server.requests[0].path).toBe('/v1/acc123/gw1/anthropic/v1/messages');
    expect(server.requests[0].headers['x-api-key']).toBe('sk-ant-upstream');
  });

  it('without an account and gateway it is a located error; the gateway token is masked; unknown upstreams are named', async () => {
    await expect(
      resolveProvider(spec('cloudflare-gateway:openai:gpt-4o-mini'), { rootDir: '.', env: {}, configFile: 's.yaml' }),
    ).rejects.toThrow(/s\.yaml.*needs the gateway: set config\.accountId and config\.gatewayId/);
    expect(secretValues([spec('cloudflare-gateway:openai:gpt-4o-mini')], env)).toContain('cf-gateway-token');
    expect(requiredCredentials(spec('cloudflare-gateway:openai:gpt-4o-mini'), {})).toEqual(['OPENAI_API_KEY']);
    await expect(gateway('cloudflare-gateway:workers-ai:@cf/meta/llama')).rejects.toThrow(
      /gateway provider promptgate does not call/,
    );
  });
});

describe('llama (a llama.cpp server)', () => {
  it("posts to /completion with n_predict and the sampling keys; the output is the reply's content", async () => {
    server.reply({ body: { content: 'A funny tweet.', tokens_evaluated: 12, tokens_predicted: 4, stop: true } });
    const provider = await resolveProvider(spec('llama', { baseUrl: server.url, temperature: 0.8, top_k: 40 }), {
      rootDir: '.',
      env: {},
    });
    expect(await call(provider, 'Write a funny tweet about cats')).toEqual({
      output: 'A funny tweet.',
      tokenUsage: { prompt: 12, completion: 4, total: 16 },
    });
    expect(server.requests[0].path).toBe('/completion');
    expect(server.requests[0].body).toEqual({
      prompt: 'Write a funny tweet about cats',
      n_predict: 512,
      temperature: 0.8,
      top_k: 40,
    });
  });

  it('a reply without content is a transient error; a 500 too', async () => {
    const provider = await resolveProvider(spec('llama', { baseUrl: server.url }), { rootDir: '.', env: {} });
    server.reply({ body: { error: 'loading' } }, { status: 500, body: { error: { message: 'slot unavailable' } } });
    expect(await call(provider, 'x')).toMatchObject({ transient: true, error: expect.stringMatching(/no `content`/) });
    expect(await call(provider, 'x')).toMatchObject({ transient: true, error: expect.stringMatching(/HTTP 500/) });
  });
});

describe('huggingface:text-generation:<model>', () => {
  it('posts {inputs, parameters} to the Inference Endpoint with the token; the output is generated_text', async () => {
    server.reply({ body: [{ generated_text: 'Hello from Gemma.' }] });
    const provider = await resolveProvider(
      spec('huggingface:text-generation:gemma-7b-it', {
        apiEndpoint: `${server.url}/endpoint`,
        temperature: 0.1,
        max_new_tokens: 64,
      }),
      { rootDir: '.', env: { HF_API_TOKEN: 'hf_token_0123' } },
    );
    expect(await call(provider, 'Say hello')).toEqual({ output: 'Hello from Gemma.' });
    expect(server.requests[0].path).toBe('/endpoint');
    expect(server.requests[0].headers.authorization).toBe('Bearer hf_token_0123');
    expect(server.requests[0].body).toEqual({
      inputs: 'Say hello',
      parameters: { temperature: 0.1, max_new_tokens: 64 },
    });
  });

  it('a model still loading (503) is transient; a reply without generated_text too; no token is needed', async () => {
    const provider = await resolveProvider(spec('huggingface:text-generation:gpt2', { apiEndpoint: server.url }), {
      rootDir: '.',
      env: {},
    });
    server.reply(
      { status: 503, body: { error: 'Model gpt2 is currently loading', estimated_time: 20 } },
      { body: { error: 'odd' } },
    );
    expect(await call(provider, 'x')).toMatchObject({
      transient: true,
      error: expect.stringMatching(/HTTP 503.*currently loading/),
    });
    expect(await call(provider, 'x')).toMatchObject({
      transient: true,
      error: expect.stringMatching(/no generated_text/),
    });
    expect(server.requests[0].headers.authorization).toBeUndefined();
    expect(requiredCredentials(spec('huggingface:text-generation:gpt2'), {})).toEqual([]);
  });
});

describe('huggingface:text-classification|token-classification:<model>', () => {
  it("is promptfoo's call: the router's hf-inference URL by default, HF_TOKEN before HF_API_TOKEN as bearer", async () => {
    const env = { HF_TOKEN: 'hf_token_a', HF_API_TOKEN: 'hf_token_b' };
    const byDefault = await resolveProvider(spec('huggingface:text-classification:org/model'), { rootDir: '.', env });
    expect(byDefault.endpoint).toMatch(/^https:\/\/router\.huggingface\.co\/hf-inference\/models\/org\/model \(key /);
    const provider = await resolveProvider(
      spec('huggingface:text-classification:org/model', { apiEndpoint: `${server.url}/models/org/model` }),
      { rootDir: '.', env },
    );
    server.reply({ body: [[{ label: 'LABEL_0', score: 1 }]] });
    expect(await call(provider, 'hi')).toEqual({ output: { LABEL_0: 1 } });
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/models/org/model' });
    expect(server.requests[0].headers.authorization).toBe('Bearer hf_token_a');
    expect(server.requests[0].body).toEqual({ inputs: 'hi', parameters: {} });
    expect(secretValues([spec('huggingface:token-classification:org/ner')], { HF_API_TOKEN: 'hf_token_b' })).toEqual([
      'hf_token_b',
    ]);
    expect(requiredCredentials(spec('huggingface:text-classification:org/model'), {})).toEqual([]);
  });

  it('the output is the label → score map; a flat list of labels is read too; an apiKey in the config wins', async () => {
    const provider = await resolveProvider(
      spec('huggingface:text-classification:org/model', { apiEndpoint: `${server.url}/x`, apiKey: 'hf_inline_1' }),
      { rootDir: '.', env: { HF_TOKEN: 'hf_env_token' } },
    );
    server.reply(
      {
        body: [
          [
            { label: 'POSITIVE', score: 0.75 },
            { label: 'NEGATIVE', score: 0.25 },
          ],
        ],
      },
      { body: [{ label: 'POSITIVE', score: 0.5 }] },
    );
    expect(await call(provider, 'great')).toEqual({ output: { POSITIVE: 0.75, NEGATIVE: 0.25 } });
    expect(await call(provider, 'fine')).toEqual({ output: { POSITIVE: 0.5 } });
    expect(server.requests[0].headers.authorization).toBe('Bearer hf_inline_1');
  });

  it('token classification sends the config options and keeps each group its highest score; 503 is transient', async () => {
    const provider = await resolveProvider(
      spec('huggingface:token-classification:org/ner', {
        apiEndpoint: server.url,
        aggregation_strategy: 'max',
        use_cache: false,
      }),
      { rootDir: '.', env: {} },
    );
    server.reply(
      { status: 503, body: { error: 'Model org/ner is currently loading', estimated_time: 12 } },
      {
        body: [
          { entity_group: 'PER', score: 0.5 },
          { entity_group: 'PER', score: 0.75 },
          { entity_group: 'LOC', score: 0.25 },
        ],
      },
    );
    expect(await call(provider, 'x')).toMatchObject({
      transient: true,
      error: expect.stringMatching(/HTTP 503.*currently loading/),
    });
    expect(await call(provider, 'Ada in Paris')).toEqual({ output: { PER: 0.75, LOC: 0.25 } });
    expect(server.requests[1].body).toEqual({
      inputs: 'Ada in Paris',
      parameters: { aggregation_strategy: 'max' },
      options: { use_cache: false, wait_for_model: false },
    });
    expect(server.requests[1].headers.authorization).toBeUndefined();
  });
});

describe('watsonx:<model>', () => {
  const watsonx = (env: NodeJS.ProcessEnv, config: Record<string, unknown> = {}) =>
    resolveProvider(
      spec('watsonx:ibm/granite-3-3-8b-instruct', {
        serviceUrl: server.url,
        iamUrl: `${server.url}/identity/token`,
        ...config,
      }),
      {
        rootDir: '.',
        env: { WATSONX_AI_PROJECT_ID: 'proj-1', ...env },
      },
    );
  const generation = (text: string) => ({
    model_id: 'ibm/granite-3-3-8b-instruct',
    results: [{ generated_text: text, generated_token_count: 6, input_token_count: 11, stop_reason: 'eos_token' }],
  });

  it('exchanges the API key at IAM once, then generates with the bearer token and the project', async () => {
    server.reply(
      {
        body: {
          access_token: 'iam-access-token-xyz',
          refresh_token: 'not_supported',
          token_type: 'Bearer',
          expires_in: 3600,
        },
      },
      { body: generation('Granite says hi.') },
      { body: generation('Again.') },
    );
    const provider = await watsonx({ WATSONX_AI_APIKEY: 'ibm-cloud-key-0123' });
    expect(await call(provider, 'Hello')).toMatchObject({
      output: 'Granite says hi.',
      tokenUsage: { prompt: 11, completion: 6, total: 17 },
    });
    expect((await call(provider, 'Hello again')).output).toBe('Again.');
    const [iam, first, second] = server.requests;
    expect(iam.path).toBe('/identity/token');
    expect(iam.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(iam.raw).get('apikey')).toBe('ibm-cloud-key-0123');
    expect(new URLSearchParams(iam.raw).get('grant_type')).toBe('urn:ibm:params:oauth:grant-type:apikey');
    expect(first.path).toBe('/ml/v1/text/generation');
    expect(first.query).toEqual({ version: '2023-05-29' });
    expect(first.headers.authorization).toBe('Bearer iam-access-token-xyz');
    expect(first.body).toEqual({
      input: 'Hello',
      model_id: 'ibm/granite-3-3-8b-instruct',
      project_id: 'proj-1',
      parameters: { max_new_tokens: 100 },
    });
    expect(second.path).toBe('/ml/v1/text/generation');
    expect(server.requests).toHaveLength(3);
  });

  it('a bearer token is used as given; a bad key at IAM is an error naming the variable; no project is a located error', async () => {
    server.reply({ body: generation('ok') });
    const withToken = await watsonx({ WATSONX_AI_BEARER_TOKEN: 'given-bearer' });
    expect((await call(withToken, 'x')).output).toBe('ok');
    expect(server.requests[0].headers.authorization).toBe('Bearer given-bearer');
    server.reply({
      status: 400,
      body: { errorCode: 'BXNIM0415E', errorMessage: 'Provided API key could not be found.' },
    });
    const badKey = await watsonx({ WATSONX_AI_APIKEY: 'wrong-key-0123' });
    const failed = await call(badKey, 'x');
    expect(failed).toMatchObject({ transient: false, error: expect.stringMatching(/HTTP 400/) });
    expect(failed.error).not.toContain('wrong-key-0123');
    await expect(
      resolveProvider(spec('watsonx:ibm/granite-3-3-8b-instruct'), {
        rootDir: '.',
        env: { WATSONX_AI_APIKEY: 'k' },
        configFile: 's.yaml',
      }),
    ).rejects.toThrow(/s\.yaml.*names no project: set config\.projectId or WATSONX_AI_PROJECT_ID/);
    expect(requiredCredentials(spec('watsonx:ibm/granite-3-3-8b-instruct'), {})).toEqual([
      'WATSONX_AI_APIKEY (or WATSONX_AI_BEARER_TOKEN)',
    ]);
  });
});
