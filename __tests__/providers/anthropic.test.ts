// anthropic:messages:<model> against the loopback fake server.
import { resolveProvider } from '../../src/providers/index.js';
import {
  fakeTokens,
  startFakeModelServer,
  type FakeModelServer,
  type FaultInput,
} from '../support/fake-model-server.js';
import { call } from './helpers.js';

const KEY = 'sk-ant-test-abcdef0123456789';
let server: FakeModelServer;

beforeEach(async () => {
  server = await startFakeModelServer();
});
afterEach(async () => {
  await server.close();
});

function anthropic(
  config: Record<string, unknown> = {},
  env: NodeJS.ProcessEnv = { ANTHROPIC_API_KEY: KEY },
  model = 'claude-3-5-haiku-20241022',
) {
  return resolveProvider(
    { id: `anthropic:messages:${model}`, config: { apiBaseUrl: server.url, ...config } },
    { rootDir: '.', env },
  );
}

describe('anthropic messages: success', () => {
  it('posts to /v1/messages with the key, the API version and a default max_tokens of 1024', async () => {
    const response = await call(await anthropic(), 'Name a color.');
    expect(response.output).toBe('Name a color.');
    const [request] = server.requests;
    expect(request.path).toBe('/v1/messages');
    expect(request.headers['x-api-key']).toBe(KEY);
    expect(request.headers['anthropic-version']).toBe('2023-06-01');
    expect(request.body).toEqual({
      model: 'claude-3-5-haiku-20241022',
      max_tokens: 1024,
      messages: [{ role: 'user', content: 'Name a color.' }],
    });
  });

  it('moves system messages to the top-level system field and passes temperature and max_tokens', async () => {
    const chat = [
      { role: 'system', content: 'You are terse.' },
      { role: 'system', content: 'Answer in French.' },
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: 'Bonjour' },
      { role: 'user', content: 'Goodbye' },
    ];
    const response = await call(await anthropic({ temperature: 0, max_tokens: 64 }), JSON.stringify(chat));
    expect(response.output).toBe('Goodbye');
    expect(server.requests[0].body).toEqual({
      model: 'claude-3-5-haiku-20241022',
      max_tokens: 64,
      temperature: 0,
      system: 'You are terse.\n\nAnswer in French.',
      messages: chat.slice(2),
    });
  });

  it('concatenates text blocks and ignores the others', async () => {
    server.fail({
      kind: 'status',
      status: 200,
      body: JSON.stringify({
        content: [
          { type: 'thinking', thinking: 'hmm' },
          { type: 'text', text: 'Hello, ' },
          { type: 'text', text: 'world' },
        ],
        usage: { input_tokens: 10, output_tokens: 4 },
      }),
    });
    const response = await call(await anthropic(), 'hi');
    expect(response.output).toBe('Hello, world');
    expect(response.tokenUsage).toEqual({ prompt: 10, completion: 4, total: 14 });
  });

  it('returns tool_use blocks as JSON when there is no text', async () => {
    const toolUse = { type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { q: 'x' } };
    server.fail({ kind: 'status', status: 200, body: JSON.stringify({ content: [toolUse] }) });
    const response = await call(await anthropic(), 'use a tool');
    expect(JSON.parse(response.output as string)).toEqual([toolUse]);
  });

  it('reports usage and prices a known model', async () => {
    const response = await call(await anthropic(), 'sixteen chars!!!');
    const tokens = fakeTokens('sixteen chars!!!');
    expect(response.tokenUsage).toEqual({ prompt: tokens, completion: tokens, total: 2 * tokens });
    expect(response.cost).toBeCloseTo(tokens * 0.8e-6 + tokens * 4e-6, 12);
  });

  it('reads base URL and key from ANTHROPIC_BASE_URL and ANTHROPIC_API_KEY', async () => {
    const provider = await resolveProvider(
      { id: 'anthropic:messages:claude-sonnet-4-5', config: {} },
      { rootDir: '.', env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: server.url } },
    );
    expect((await call(provider, 'ok')).output).toBe('ok');
    expect(server.requests[0].path).toBe('/v1/messages');
  });
});

describe('anthropic messages: failures', () => {
  const cases: Array<[string, FaultInput, boolean, RegExp]> = [
    ['529 overloaded', 529, true, /HTTP 529 Overloaded: overloaded_error: /],
    ['429 rate limit', 429, true, /HTTP 429 Too Many Requests: rate_limit_error/],
    ['500', 500, true, /HTTP 500 Internal Server Error: api_error/],
    ['400 invalid request', 400, false, /HTTP 400 Bad Request: invalid_request_error/],
    ['401 bad key', 401, false, /HTTP 401 Unauthorized: .*check ANTHROPIC_API_KEY/],
    ['connection reset', 'reset', true, /network error/],
    ['truncated JSON', 'malformed', true, /malformed JSON/],
    ['a message with no content', 'empty-choices', true, /no `content` array/],
  ];

  it.each(cases)('%s → transient=%s', async (_name, fault, transient, message) => {
    server.fail(fault);
    const response = await call(await anthropic(), 'hello');
    expect(response).toMatchObject({ transient });
    expect(response.error).toMatch(message);
    expect(server.requestCount).toBe(1);
  });

  it('carries Retry-After from a 529', async () => {
    server.fail({ kind: 'status', status: 529, retryAfter: '3' });
    expect(await call(await anthropic(), 'x')).toMatchObject({ transient: true, retryAfterMs: 3000 });
  });

  it('times out a hung request through the signal', async () => {
    server.fail('hang');
    const response = await call(await anthropic(), 'x', { signal: AbortSignal.timeout(100) });
    expect(response).toMatchObject({ transient: true });
    expect(response.error).toMatch(/timed out/);
  });

  it('without a key, names ANTHROPIC_API_KEY and does not call', async () => {
    const response = await call(await anthropic({}, {}), 'x');
    expect(response).toMatchObject({ transient: false });
    expect(response.error).toMatch(/ANTHROPIC_API_KEY is not set/);
    expect(server.requestCount).toBe(0);
  });

  it('redacts a key configured inline and echoed back by the server', async () => {
    const inlineKey = 'sk-ant-inline-key-999';
    server.fail({
      kind: 'status',
      status: 403,
      body: (request) => `forbidden for ${String(request.headers['x-api-key'])}`,
    });
    const response = await call(await anthropic({ apiKey: inlineKey }, {}), 'x');
    expect(response.error).toBe(
      "anthropic:messages:claude-3-5-haiku-20241022: HTTP 403 Forbidden: forbidden for [REDACTED] (check ANTHROPIC_API_KEY, or apiKey in this provider's config)",
    );
  });
});
