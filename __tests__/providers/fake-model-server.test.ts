// The loopback model server other suites rely on, in process and as the scripts run it (a child process).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { resolveProvider } from '../../src/providers/index.js';
import type { Provider } from '../../src/types.js';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server.js';
import { call } from './helpers.js';

const KEY = 'sk-fake';

async function openaiAt(baseUrl: string): Promise<Provider> {
  return resolveProvider(
    { id: 'openai:chat:gpt-4o-mini', config: { apiBaseUrl: baseUrl } },
    { rootDir: '.', env: { OPENAI_API_KEY: KEY } },
  );
}

async function inParallel<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

describe('startFakeModelServer', () => {
  let server: FakeModelServer;
  afterEach(async () => {
    await server.close();
  });

  it("answers Hugging Face's text and token classification at /hf-inference/models/<model>", async () => {
    server = await startFakeModelServer();
    const classifier = (task: string) =>
      resolveProvider(
        {
          id: `huggingface:${task}-classification:org/m`,
          config: { apiEndpoint: `${server.url}/hf-inference/models/org/m` },
        },
        { rootDir: '.', env: {} },
      );
    expect(await call(await classifier('text'), 'I am Ada')).toEqual({ output: { LABEL_0: 0.75, LABEL_1: 0.25 } });
    expect(await call(await classifier('token'), 'I am Ada')).toEqual({ output: { FAKE: 0.5 } });
    expect(await call(await classifier('token'), '  ')).toEqual({ output: {} });
    expect(server.requests.map((r) => r.path)).toEqual(Array(3).fill('/hf-inference/models/org/m'));
  });

  it("answers OpenAI's moderations and Llama Guard predictions on Replicate, flagging a text that says kill", async () => {
    server = await startFakeModelServer();
    const env = { OPENAI_API_KEY: KEY, REPLICATE_API_TOKEN: 'r8-fake' };
    const moderator = (id: string, apiBaseUrl: string) =>
      resolveProvider({ id, config: { apiBaseUrl } }, { rootDir: '.', env });
    const openai = await moderator('openai:moderation:omni-moderation-latest', `${server.url}/v1`);
    const llamaGuard = await moderator('replicate:moderation:meta/llama-guard-4-12b', server.url);
    const pinned = await moderator('replicate:moderation:meta/llama-guard-3-8b:146d1220', server.url);
    expect(await call(openai, 'bananas')).toEqual({ output: [] });
    expect(await call(openai, 'kill it')).toEqual({
      output: [{ code: 'violence', description: 'violence', confidence: 0.9 }],
    });
    // A moderation model answers its text, as any Replicate model does; the moderation assertion reads it.
    expect((await call(llamaGuard, 'Human: hi\n\nAssistant: bananas')).output).toBe('safe');
    const verdict = (await call(pinned, 'Human: hi\n\nAssistant: kill it')).output;
    expect(verdict).toBe('unsafe\nS1');
    expect(pinned.moderation?.flags(verdict)).toEqual([{ code: 'S1', description: 'Violent Crimes', confidence: 1 }]);
    expect(server.requests.map((r) => r.path)).toEqual([
      '/v1/moderations',
      '/v1/moderations',
      '/v1/models/meta/llama-guard-4-12b/predictions',
      '/v1/predictions',
    ]);
  });

  it('echoes the last user message by default and records what it received', async () => {
    server = await startFakeModelServer();
    const provider = await openaiAt(`${server.url}/v1`);
    const chat = [
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'ok' },
      { role: 'user', content: 'second' },
    ];
    expect((await call(provider, JSON.stringify(chat))).output).toBe('second');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      body: { model: 'gpt-4o-mini', messages: chat },
    });
  });

  it('uses a scripted responder and latency', async () => {
    server = await startFakeModelServer({
      responder: ({ model, lastUserMessage }) => `${model} says ${lastUserMessage.length}`,
    });
    server.setLatency(120);
    const provider = await openaiAt(`${server.url}/v1`);
    const started = Date.now();
    expect((await call(provider, 'four')).output).toBe('gpt-4o-mini says 4');
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    server.setResponder(() => 'changed');
    server.setLatency(0);
    expect((await call(provider, 'x')).output).toBe('changed');
  });

  it('consumes queued faults in order, one per request', async () => {
    server = await startFakeModelServer();
    server.fail(429, 'reset', { kind: 'status', status: 503, retryAfter: '1' });
    const provider = await openaiAt(`${server.url}/v1`);
    const responses = [];
    for (let i = 0; i < 4; i++) responses.push(await call(provider, `n${i}`));
    expect(responses.map((r) => r.error?.match(/HTTP \d+|network error/)?.[0] ?? r.output)).toEqual([
      'HTTP 429',
      'network error',
      'HTTP 503',
      'n3',
    ]);
  });

  it.each([
    [
      'OpenAI',
      '/v1/chat/completions',
      'x-ratelimit-remaining-requests',
      {
        error: { type: 'requests', code: 'rate_limit_exceeded', message: expect.stringMatching(/^Rate limit reached/) },
      },
    ],
    [
      'Anthropic',
      '/v1/messages',
      'anthropic-ratelimit-requests-remaining',
      { type: 'error', error: { type: 'rate_limit_error' } },
    ],
  ])('refuses a request over its rate limit as %s does', async (_vendor, route, remaining, body) => {
    server = await startFakeModelServer({ rateLimit: { perSecond: 1, burst: 1 } });
    const post = () =>
      fetch(`${server.url}${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
      });
    const first = await post();
    expect([first.status, await first.json()]).toEqual([200, expect.anything()]);
    const second = await post();
    expect([second.status, second.headers.get(remaining)]).toEqual([429, '0']);
    expect(Number(second.headers.get('retry-after-ms'))).toBeGreaterThan(0);
    expect(await second.json()).toMatchObject(body);
    expect(server.limitedCount).toBe(1);
  });

  it('tells its counts at GET /stats, which it does not count', async () => {
    server = await startFakeModelServer({ rateLimit: { perSecond: 1, burst: 1 } });
    const provider = await openaiAt(`${server.url}/v1`);
    await call(provider, 'a');
    await call(provider, 'b');
    const stats = async () => (await fetch(`${server.url}/stats`)).json();
    expect(await stats()).toEqual({ requestCount: 2, connectionCount: expect.any(Number), limitedCount: 1 });
    expect(await stats()).toMatchObject({ requestCount: 2 });
    expect(server.requests).toHaveLength(2);
  });

  it('answers 404 for an unknown route', async () => {
    server = await startFakeModelServer();
    const response = await call(await openaiAt(`${server.url}/nope`), 'x');
    expect(response).toMatchObject({ transient: false });
    expect(response.error).toMatch(/HTTP 404 Not Found: no route POST \/nope\/chat\/completions/);
  });

  it('closes promptly even with a request still hanging', async () => {
    server = await startFakeModelServer();
    server.fail('hang');
    const pending = call(await openaiAt(`${server.url}/v1`), 'x');
    while (server.requestCount === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await server.close();
    expect(await pending).toMatchObject({ transient: true });
  });

  it('serves 10,000 requests at 50-way concurrency, each answered with its own prompt', async () => {
    server = await startFakeModelServer({ record: false });
    const provider = await openaiAt(`${server.url}/v1`);
    const started = Date.now();
    const outputs = await inParallel(10_000, 50, async (i) => (await call(provider, `case ${i}`)).output);
    const elapsed = Date.now() - started;
    expect(outputs.every((output, i) => output === `case ${i}`)).toBe(true);
    expect(server.requestCount).toBe(10_000);
    expect(server.requests).toHaveLength(0);
    expect(elapsed).toBeLessThan(20_000);
  });
});

describe('scripts/fake-model-server.mjs (the same server in a child process)', () => {
  let child: ChildProcess | undefined;
  afterEach(async () => {
    if (child && child.exitCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('prints its URL and answers OpenAI chat completions after the configured latency', async () => {
    child = spawn(process.execPath, [path.resolve('scripts/fake-model-server.mjs'), '--port', '0', '--latency', '50'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
    const url = line.match(/listening on (http:\/\/127\.0\.0\.1:\d+)$/)?.[1];
    expect(url).toBeDefined();

    const provider = await openaiAt(`${url}/v1`);
    const started = Date.now();
    const response = await call(
      provider,
      JSON.stringify([
        { role: 'system', content: 'sys' },
        { role: 'user', content: 'ping' },
      ]),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(response).toMatchObject({ output: 'ping', tokenUsage: { prompt: 2, completion: 1, total: 3 } });
  });

  it('enforces --rate and --burst, and tells the 429s it sent at GET /stats', async () => {
    child = spawn(process.execPath, [path.resolve('scripts/fake-model-server.mjs'), '--rate', '1', '--burst', '1'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
    const url = line.match(/listening on (http:\/\/127\.0\.0\.1:\d+)$/)?.[1];
    const provider = await openaiAt(`${url}/v1`);
    expect((await call(provider, 'one')).output).toBe('one');
    expect((await call(provider, 'two')).error).toMatch(/HTTP 429/);
    expect(await (await fetch(`${url}/stats`)).json()).toMatchObject({ requestCount: 2, limitedCount: 1 });
  });

  it('refuses a bad --latency', async () => {
    child = spawn(process.execPath, [path.resolve('scripts/fake-model-server.mjs'), '--latency', 'soon'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(2);
    expect(stderr).toMatch(/--latency expects a non-negative integer, got soon/);
  });
});
