// openai:chat:<model> / openai:<model> / ollama:chat:<model> against the loopback fake server.
import { resolveProvider } from '../../src/providers/index.js';
import type { ProviderSpec } from '../../src/types.js';
import {
  fakeTokens,
  startFakeModelServer,
  type FakeModelServer,
  type FaultInput,
} from '../support/fake-model-server.js';
import { call } from './helpers.js';

const KEY = 'sk-test-0123456789abcdef';
let server: FakeModelServer;

beforeEach(async () => {
  server = await startFakeModelServer();
});
afterEach(async () => {
  await server.close();
});

function openai(
  id = 'openai:chat:gpt-4o-mini',
  config: Record<string, unknown> = {},
  env: NodeJS.ProcessEnv = { OPENAI_API_KEY: KEY },
) {
  const spec: ProviderSpec = { id, config: { apiBaseUrl: `${server.url}/v1`, ...config } };
  return resolveProvider(spec, { rootDir: process.cwd(), env });
}

describe('openai chat: success', () => {
  it('sends the prompt as one user message with the key and the configured parameters', async () => {
    const provider = await openai('openai:chat:gpt-4o-mini', {
      temperature: 0.2,
      max_tokens: 50,
      top_p: 0.9,
      stop: ['\n'],
      seed: 7,
      response_format: { type: 'text' },
    });
    const response = await call(provider, 'What is 2+2?');

    expect(response).toMatchObject({ output: 'What is 2+2?' });
    expect(response.error).toBeUndefined();
    const [request] = server.requests;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request.body).toEqual({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'What is 2+2?' }],
      temperature: 0.2,
      max_tokens: 50,
      top_p: 0.9,
      stop: ['\n'],
      seed: 7,
      response_format: { type: 'text' },
    });
  });

  it('sends a rendered JSON chat as the messages array', async () => {
    const chat = [
      { role: 'system', content: 'Answer tersely.' },
      { role: 'user', content: 'Capital of France?' },
    ];
    const response = await call(await openai(), JSON.stringify(chat));
    expect(server.requests[0].body.messages).toEqual(chat);
    expect(response.output).toBe('Capital of France?');
  });

  it.each([
    ['a prompt that only starts with a bracket', '[draft] write a haiku'],
    ['a JSON array that is not a chat', '[1, 2, 3]'],
  ])('treats %s as plain text', async (_name, prompt) => {
    await call(await openai(), prompt);
    expect(server.requests[0].body.messages).toEqual([{ role: 'user', content: prompt }]);
  });

  it('reports token usage and prices a known model from the table', async () => {
    const response = await call(await openai('openai:chat:gpt-4o-mini-2024-07-18'), 'twelve chars');
    const tokens = fakeTokens('twelve chars');
    expect(response.tokenUsage).toEqual({ prompt: tokens, completion: tokens, total: 2 * tokens });
    expect(response.cost).toBeCloseTo(tokens * 0.15e-6 + tokens * 0.6e-6, 12);
  });

  it.each([
    ['config.cost (per token, both directions)', { cost: 0.001 }, 0.001, 0.001],
    ['config.inputCost / outputCost', { inputCost: 0.002, outputCost: 0.004 }, 0.002, 0.004],
  ])('prices with %s over the table', async (_name, config, input, output) => {
    const response = await call(await openai('openai:chat:gpt-4o-mini', config), 'abcdefgh');
    expect(response.cost).toBeCloseTo(2 * input + 2 * output, 12);
  });

  it('leaves cost undefined for an unknown model with no configured price', async () => {
    const response = await call(await openai('openai:my-finetune'), 'hi');
    expect(response.output).toBe('hi');
    expect(response.cost).toBeUndefined();
    expect(server.requests[0].body.model).toBe('my-finetune');
  });

  it('returns tool calls as JSON when the message has no content', async () => {
    const toolCalls = [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"x"}' } }];
    server.fail({
      kind: 'status',
      status: 200,
      body: JSON.stringify({ choices: [{ message: { role: 'assistant', content: null, tool_calls: toolCalls } }] }),
    });
    const response = await call(await openai(), 'use a tool');
    expect(JSON.parse(response.output as string)).toEqual(toolCalls);
  });

  it('returns a legacy function call (config.functions) as JSON when the message has no content', async () => {
    const functionCall = { name: 'lookup', arguments: '{"q":"x"}' };
    server.fail({
      kind: 'status',
      status: 200,
      body: JSON.stringify({
        choices: [{ message: { role: 'assistant', content: null, function_call: functionCall } }],
      }),
    });
    const response = await call(await openai(), 'call a function');
    expect(JSON.parse(response.output as string)).toEqual(functionCall);
  });

  it('passes extra headers through and reads base URL and key from the environment', async () => {
    const provider = await resolveProvider(
      { id: 'openai:gpt-4o', config: { headers: { 'X-Team': 'prompts' } } },
      { rootDir: process.cwd(), env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: `${server.url}/v1` } },
    );
    await call(provider, 'hello');
    expect(server.requests[0].headers['x-team']).toBe('prompts');
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('reads the key from apiKeyEnvar when configured', async () => {
    const provider = await openai(
      'openai:chat:gpt-4o-mini',
      { apiKeyEnvar: 'TEAM_OPENAI_KEY' },
      { TEAM_OPENAI_KEY: 'sk-team-key-123' },
    );
    await call(provider, 'hello');
    expect(server.requests[0].headers.authorization).toBe('Bearer sk-team-key-123');
  });

  it('decodes a gzip-encoded reply', async () => {
    server.fail('gzip');
    expect(await call(await openai(), 'compressed')).toMatchObject({ output: 'compressed' });
  });

  it('keeps one connection alive for calls made one after another', async () => {
    const provider = await openai();
    for (const word of ['one', 'two', 'three']) expect((await call(provider, word)).output).toBe(word);
    expect(server.requestCount).toBe(3);
    expect(server.connectionCount).toBe(1);
  });

  it('returns a 1 MiB reply whole', async () => {
    server.fail('huge');
    const response = await call(await openai(), 'go');
    expect((response.output as string).length).toBe(1024 * 1024);
  });
});

describe('openai chat: failures are classified, never thrown, never retried', () => {
  const cases: Array<[string, FaultInput, boolean, RegExp]> = [
    ['429 rate limit', 429, true, /HTTP 429 Too Many Requests: requests: fake openai server/],
    ['500', 500, true, /HTTP 500/],
    ['502', 502, true, /HTTP 502/],
    ['503', 503, true, /HTTP 503/],
    ['529 overloaded', 529, true, /HTTP 529 Overloaded/],
    ['408 request timeout', 408, true, /HTTP 408/],
    ['409 conflict', 409, true, /HTTP 409/],
    ['400 bad request', 400, false, /HTTP 400 Bad Request: invalid_request_error/],
    ['404 unknown model', 404, false, /HTTP 404/],
    [
      '401 bad key',
      401,
      false,
      /HTTP 401 Unauthorized: .*\(check OPENAI_API_KEY, or apiKey in this provider's config\)/,
    ],
    ['connection reset', 'reset', true, /network error/],
    ['truncated JSON body', 'malformed', true, /malformed JSON in the response \(\d+ bytes\)/],
    ['connection lost mid-response', 'cut', true, /network error ECONNRESET while reading the response/],
    ['empty choices', 'empty-choices', true, /empty choices/],
  ];

  it.each(cases)('%s → transient=%s', async (_name, fault, transient, message) => {
    server.fail(fault);
    const response = await call(await openai(), 'hello');
    expect(response.output).toBeUndefined();
    expect(response.transient).toBe(transient);
    expect(response.error).toMatch(/^openai:chat:gpt-4o-mini: /);
    expect(response.error).toMatch(message);
    expect(server.requestCount).toBe(1); // exactly one attempt: the engine owns retries
  });

  it.each([
    ['seconds', '2', 2000],
    ['fractional seconds', '0.5', 500],
  ])('turns a Retry-After in %s into retryAfterMs', async (_name, header, ms) => {
    server.fail({ kind: 'status', status: 429, retryAfter: header });
    const response = await call(await openai(), 'hello');
    expect(response).toMatchObject({ transient: true, retryAfterMs: ms });
  });

  it('answers the next request normally once the fault queue is empty', async () => {
    server.fail(503);
    const provider = await openai();
    expect((await call(provider, 'one')).transient).toBe(true);
    expect(await call(provider, 'two')).toMatchObject({ output: 'two' });
  });

  it('a refused connection is transient and names the cause', async () => {
    const closed = await startFakeModelServer();
    const url = closed.url;
    await closed.close();
    const provider = await resolveProvider(
      { id: 'openai:chat:gpt-4o-mini', config: { apiBaseUrl: `${url}/v1` } },
      { rootDir: '.', env: { OPENAI_API_KEY: KEY } },
    );
    const response = await call(provider, 'hello');
    expect(response).toMatchObject({ transient: true });
    expect(response.error).toMatch(/network error ECONNREFUSED/);
  });

  it('gives up when the signal aborts a hung request, as a transient timeout', async () => {
    server.fail('hang');
    const started = Date.now();
    const response = await call(await openai(), 'hello', { signal: AbortSignal.timeout(150) });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(response).toMatchObject({ transient: true });
    expect(response.error).toMatch(/timed out/);
  });

  it('does not call at all with an already-aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    const response = await call(await openai(), 'hello', { signal: controller.signal });
    expect(response.transient).toBe(true);
    expect(server.requestCount).toBe(0);
  });

  it('without a key, fails without calling and names the variable to set', async () => {
    const response = await call(await openai('openai:chat:gpt-4o-mini', {}, {}), 'hello');
    expect(response).toMatchObject({ transient: false });
    expect(response.error).toMatch(/OPENAI_API_KEY is not set/);
    expect(server.requestCount).toBe(0);
  });

  it('never repeats the key, even when the server echoes it in the error body', async () => {
    server.fail({
      kind: 'status',
      status: 401,
      body: (request) =>
        JSON.stringify({ error: { message: `Incorrect API key provided: ${String(request.headers.authorization)}` } }),
    });
    const response = await call(await openai(), 'hello');
    expect(response.error).toContain('[REDACTED]');
    expect(response.error).not.toContain(KEY);
    expect(response.error).not.toContain(KEY.slice(3));
  });
});

describe('ollama chat', () => {
  it('calls the OpenAI-compatible endpoint under OLLAMA_BASE_URL, with no key and no cost', async () => {
    const provider = await resolveProvider(
      { id: 'ollama:chat:llama3.2:1b', config: {} },
      { rootDir: '.', env: { OLLAMA_BASE_URL: server.url } },
    );
    const response = await call(provider, 'hi there');
    expect(response).toMatchObject({ output: 'hi there', cost: 0 });
    expect(server.requests[0].path).toBe('/v1/chat/completions');
    expect(server.requests[0].body.model).toBe('llama3.2:1b');
    expect(server.requests[0].headers.authorization).toBeUndefined();
  });

  it('classifies failures like OpenAI', async () => {
    server.fail(503);
    const provider = await resolveProvider(
      { id: 'ollama:chat:llama3', config: { apiBaseUrl: server.url } },
      { rootDir: '.', env: {} },
    );
    expect(await call(provider, 'x')).toMatchObject({ transient: true });
  });
});
