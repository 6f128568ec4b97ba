// OpenAI-compatible hosts by name, anthropic:<model>, and Azure OpenAI, against loopback servers speaking
// their wire formats.
import { COMPATIBLE_HOSTS } from '../../src/providers/compatible-hosts.js';
import { hostBaseUrl } from '../../src/providers/credentials.js';
import { requiredCredentials, resolveProvider, secretValues } from '../../src/providers/index.js';
import type { ProviderSpec } from '../../src/types.js';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server.js';
import { startVendorServer, type VendorServer } from '../support/vendor-server.js';
import { call } from './helpers.js';

const spec = (id: string, config: Record<string, unknown> = {}): ProviderSpec => ({ id, config });

describe('OpenAI-compatible hosts', () => {
  let server: FakeModelServer;
  beforeEach(async () => {
    server = await startFakeModelServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it.each([
    ['openrouter:deepseek/deepseek-r1', 'OPENROUTER_API_KEY', 'deepseek/deepseek-r1'],
    ['xai:grok-4', 'XAI_API_KEY', 'grok-4'],
    ['mistral:mistral-large-latest', 'MISTRAL_API_KEY', 'mistral-large-latest'],
    ['groq:llama-4-scout-17b-16e-instruct', 'GROQ_API_KEY', 'llama-4-scout-17b-16e-instruct'],
    ['deepseek:deepseek-chat', 'DEEPSEEK_API_KEY', 'deepseek-chat'],
    ['together:meta-llama/Llama-3-70b', 'TOGETHER_API_KEY', 'meta-llama/Llama-3-70b'],
    ['fireworks:accounts/fireworks/models/llama-v3', 'FIREWORKS_API_KEY', 'accounts/fireworks/models/llama-v3'],
    ['perplexity:sonar-pro', 'PERPLEXITY_API_KEY', 'sonar-pro'],
    ['cerebras:llama-4-scout-17b-16e-instruct', 'CEREBRAS_API_KEY', 'llama-4-scout-17b-16e-instruct'],
    [
      'hyperbolic:meta-llama/Meta-Llama-3.1-70B-Instruct',
      'HYPERBOLIC_API_KEY',
      'meta-llama/Meta-Llama-3.1-70B-Instruct',
    ],
    ['aimlapi:chat:gpt-4o', 'AIML_API_KEY', 'gpt-4o'],
  ])('%s sends the chat with %s to the host', async (id, keyVar, model) => {
    const key = `${keyVar.toLowerCase()}-secret-value`;
    const provider = await resolveProvider(spec(id, { apiBaseUrl: `${server.url}/v1`, temperature: 0 }), {
      rootDir: '.',
      env: { [keyVar]: key, OPENAI_API_KEY: 'must-not-be-sent' },
    });
    expect(await call(provider, 'hello host')).toMatchObject({ output: 'hello host' });
    const [request] = server.requests;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe(`Bearer ${key}`);
    expect(request.body).toMatchObject({ model, temperature: 0, messages: [{ role: 'user', content: 'hello host' }] });
    expect(requiredCredentials(spec(id), {})).toEqual([keyVar]);
    expect(secretValues([spec(id)], { [keyVar]: key })).toEqual([key]);
  });

  it("a host's own request keys reach its body (perplexity search filters, xai search_parameters)", async () => {
    const provider = await resolveProvider(
      spec('perplexity:sonar-pro', {
        apiBaseUrl: `${server.url}/v1`,
        search_domain_filter: ['wikipedia.org'],
        web_search_options: { search_context_size: 'low' },
        passthrough: { return_images: false },
      }),
      { rootDir: '.', env: { PERPLEXITY_API_KEY: 'pplx-key-123456' } },
    );
    await call(provider, 'q');
    expect(server.requests[0].body).toMatchObject({
      model: 'sonar-pro',
      search_domain_filter: ['wikipedia.org'],
      web_search_options: { search_context_size: 'low' },
      return_images: false,
    });
  });

  it('each host has its documented public base URL when the config names none', () => {
    expect(hostBaseUrl('openrouter', {}, {})).toBe('https://openrouter.ai/api/v1');
    expect(hostBaseUrl('groq', {}, {})).toBe('https://api.groq.com/openai/v1');
    expect(hostBaseUrl('perplexity', {}, {})).toBe('https://api.perplexity.ai');
    expect(hostBaseUrl('litellm', {}, { LITELLM_BASE_URL: 'http://proxy:4000/' })).toBe('http://proxy:4000');
    expect(hostBaseUrl('databricks', { workspaceUrl: 'https://w.cloud.databricks.com' }, {})).toBe(
      'https://w.cloud.databricks.com/serving-endpoints',
    );
    for (const [name, host] of Object.entries(COMPATIBLE_HOSTS)) {
      if (name !== 'databricks') expect(host.baseUrl).toMatch(/^https?:\/\/[^/]+/);
    }
  });

  it('a keyless local host (litellm, docker) runs without a key and reports none missing', async () => {
    const provider = await resolveProvider(spec('litellm:gpt-4.1', { apiBaseUrl: server.url }), {
      rootDir: '.',
      env: {},
    });
    expect(await call(provider, 'via proxy')).toMatchObject({ output: 'via proxy' });
    expect(server.requests[0].path).toBe('/v1/chat/completions');
    expect(requiredCredentials(spec('docker:ai/llama3.2'), {})).toEqual([]);
  });

  it('an auth error names the host key variable', async () => {
    server.fail({ kind: 'status', status: 401, body: '{"error":{"message":"No auth credentials found","code":401}}' });
    const provider = await resolveProvider(spec('openrouter:x/y', { apiBaseUrl: `${server.url}/v1` }), {
      rootDir: '.',
      env: { OPENROUTER_API_KEY: 'or-key-123456' },
    });
    const response = await call(provider, 'hi');
    expect(response).toMatchObject({ transient: false });
    expect(response.error).toContain('check OPENROUTER_API_KEY');
  });

  it('databricks without a workspace is a located config error', async () => {
    await expect(
      resolveProvider(spec('databricks:databricks-claude-sonnet-4'), {
        rootDir: '.',
        env: {},
        configFile: 'suite.yaml',
        key: 'providers[0]',
      }),
    ).rejects.toThrow(
      /suite\.yaml: providers\[0\]: provider "databricks:databricks-claude-sonnet-4": databricks needs the base URL/,
    );
  });

  it('config may not read the runner reserved variables', async () => {
    await expect(
      resolveProvider(spec('openai:gpt-4o', { apiKeyEnvar: 'GITHUB_TOKEN' }), {
        rootDir: '.',
        env: {},
        configFile: 'suite.yaml',
      }),
    ).rejects.toThrow(/config\.apiKeyEnvar: GITHUB_TOKEN is reserved for the runner/);
  });
});

describe('anthropic:<model> (promptfoo alias of anthropic:messages:<model>)', () => {
  let server: FakeModelServer;
  beforeEach(async () => {
    server = await startFakeModelServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('moves system prompts to `system`, passes tools and thinking, returns the text', async () => {
    const provider = await resolveProvider(
      spec('anthropic:claude-sonnet-4-6', {
        apiBaseUrl: server.url,
        max_tokens: 2048,
        thinking: { type: 'enabled', budget_tokens: 1024 },
        tools: [{ name: 'get_weather', input_schema: { type: 'object' } }],
      }),
      { rootDir: '.', env: { ANTHROPIC_API_KEY: 'sk-ant-test-123' } },
    );
    const prompt = JSON.stringify([
      { role: 'system', content: 'Be terse.' },
      { role: 'user', content: 'Weather?' },
    ]);
    expect((await call(provider, prompt)).output).toBe('Weather?');
    expect(server.requests[0].body).toMatchObject({
      model: 'claude-sonnet-4-6',
      system: 'Be terse.',
      max_tokens: 2048,
      thinking: { type: 'enabled', budget_tokens: 1024 },
      tools: [{ name: 'get_weather', input_schema: { type: 'object' } }],
      messages: [{ role: 'user', content: 'Weather?' }],
    });
  });

  it('a 529 overloaded error is transient', async () => {
    server.fail({ kind: 'status', status: 529, retryAfter: '2' });
    const provider = await resolveProvider(spec('anthropic:claude-haiku-4-5-20251001', { apiBaseUrl: server.url }), {
      rootDir: '.',
      env: { ANTHROPIC_API_KEY: 'sk-ant-test-123' },
    });
    expect(await call(provider, 'x')).toMatchObject({ transient: true, retryAfterMs: 2000 });
  });
});

describe('azure', () => {
  let server: VendorServer;
  beforeEach(async () => {
    server = await startVendorServer();
  });
  afterEach(async () => {
    await server.close();
  });
  const chatReply = {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'Hello from Azure' } }],
    usage: { prompt_tokens: 10, completion_tokens: 4, total_tokens: 14 },
  };

  it('azure:chat:<deployment> calls the deployment with api-version and the api-key header', async () => {
    server.reply({ body: chatReply });
    const provider = await resolveProvider(
      spec('azure:chat:gpt-4o-prod', { apiHost: server.url, apiVersion: '2024-10-21', temperature: 0.1, seed: 3 }),
      { rootDir: '.', env: { AZURE_API_KEY: 'azure-key-0123456789' } },
    );
    expect(await call(provider, 'hi')).toMatchObject({
      output: 'Hello from Azure',
      tokenUsage: { prompt: 10, completion: 4, total: 14 },
    });
    const [request] = server.requests;
    expect(request.path).toBe('/openai/deployments/gpt-4o-prod/chat/completions');
    expect(request.query).toEqual({ 'api-version': '2024-10-21' });
    expect(request.headers['api-key']).toBe('azure-key-0123456789');
    expect(request.headers.authorization).toBeUndefined();
    expect(request.body).toEqual({ messages: [{ role: 'user', content: 'hi' }], temperature: 0.1, seed: 3 });
  });

  it('uses an Entra ID bearer token when there is no api key', async () => {
    server.reply({ body: chatReply });
    const provider = await resolveProvider(spec('azure:chat:dep', { apiBaseUrl: server.url }), {
      rootDir: '.',
      env: { AZURE_OPENAI_AD_TOKEN: 'eyJ0eXAiOiJKV1Qi.entra' },
    });
    await call(provider, 'hi');
    expect(server.requests[0].headers.authorization).toBe('Bearer eyJ0eXAiOiJKV1Qi.entra');
  });

  it('azure:responses:<deployment> uses the v1 Responses route', async () => {
    server.reply({
      body: {
        status: 'completed',
        output: [{ type: 'message', content: [{ type: 'output_text', text: 'r' }] }],
        usage: { input_tokens: 1, output_tokens: 1 },
      },
    });
    const provider = await resolveProvider(spec('azure:responses:o4-mini', { apiHost: server.url }), {
      rootDir: '.',
      env: { AZURE_OPENAI_API_KEY: 'azure-key-abcdef' },
    });
    expect((await call(provider, 'hi')).output).toBe('r');
    expect(server.requests[0].path).toBe('/openai/v1/responses');
    expect(server.requests[0].body).toMatchObject({ model: 'o4-mini', input: [{ role: 'user', content: 'hi' }] });
  });

  it('a 429 with retry-after is transient; a 401 names the Azure variables; the key never appears in errors', async () => {
    server.reply(
      {
        status: 429,
        headers: { 'retry-after': '7' },
        body: {
          error: {
            code: '429',
            message: 'Requests to the ChatCompletions_Create Operation have exceeded call rate limit.',
          },
        },
      },
      {
        status: 401,
        body: {
          error: { code: '401', message: 'Access denied due to invalid subscription key azure-key-0123456789.' },
        },
      },
    );
    const provider = await resolveProvider(spec('azure:chat:dep', { apiHost: server.url }), {
      rootDir: '.',
      env: { AZURE_API_KEY: 'azure-key-0123456789' },
    });
    expect(await call(provider, 'a')).toMatchObject({ transient: true, retryAfterMs: 7000 });
    const denied = await call(provider, 'b');
    expect(denied.error).toContain('AZURE_API_KEY');
    expect(denied.error).not.toContain('azure-key-0123456789');
  });

  it('without a resource it is a located config error; without a key the variables are named', async () => {
    await expect(
      resolveProvider(spec('azure:chat:dep'), { rootDir: '.', env: {}, configFile: 's.yaml' }),
    ).rejects.toThrow(/s\.yaml: .*names no Azure resource: set config\.apiHost/);
    expect(requiredCredentials(spec('azure:chat:dep'), {})).toEqual([
      'AZURE_API_KEY or AZURE_OPENAI_API_KEY (or AZURE_OPENAI_AD_TOKEN)',
    ]);
  });
});
