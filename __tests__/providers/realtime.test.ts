// openai:realtime:<model> and xai:voice:<model> against a loopback WebSocket server speaking the Realtime API's
// events: the session, the user item and response.create asserted; deltas, function calls and errors as sent.
import { resolveProvider } from '../../src/providers/index.js';
import type { ProviderSpec } from '../../src/types.js';
import { startFakeWebSocketServer, type FakeSocket, type FakeWebSocketServer } from '../support/fake-websocket.js';
import { call } from './helpers.js';

const KEY = 'sk-realtime-test-0123456789';
let server: FakeWebSocketServer;
let script: (socket: FakeSocket) => Promise<void>;
beforeEach(async () => {
  server = await startFakeWebSocketServer((socket) => script(socket));
});
afterEach(async () => {
  await server.close();
});

const realtime = (
  id: string,
  config: Record<string, unknown> = {},
  env: NodeJS.ProcessEnv = { OPENAI_API_KEY: KEY, XAI_API_KEY: KEY },
) =>
  resolveProvider(
    { id, config: { apiBaseUrl: `${server.url.replace(/^ws/, 'http')}/v1`, ...config } } as ProviderSpec,
    {
      rootDir: '.',
      env,
    },
  );

/** Reads the three client events, then streams the answer as OpenAI documents it. */
async function answerWith(socket: FakeSocket, events: unknown[]) {
  socket.send({ type: 'session.created', session: { id: 'sess_1' } });
  for (let i = 0; i < 3; i++) await socket.next();
  for (const event of events) socket.send(event);
}

describe('openai:realtime', () => {
  it('updates the session from the config, sends the prompt as an item, and answers with the text deltas', async () => {
    script = (socket) =>
      answerWith(socket, [
        { type: 'response.created', response: { id: 'resp_1' } },
        { type: 'response.text.delta', delta: 'Real-time AI ' },
        { type: 'response.text.delta', delta: 'lowers latency.' },
        { type: 'response.done', response: { id: 'resp_1', status: 'completed' } },
      ]);
    const provider = await realtime('openai:realtime:gpt-4o-realtime-preview-2024-12-17', {
      modalities: ['text'],
      instructions: 'Be concise.',
      temperature: 0.7,
      websocketTimeout: 5000,
    });
    expect(await call(provider, 'Benefits of real-time AI?')).toEqual({ output: 'Real-time AI lowers latency.' });
    const [socket] = server.connections;
    expect(socket.url).toBe('/v1/realtime?model=gpt-4o-realtime-preview-2024-12-17');
    expect(socket.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(socket.headers['openai-beta']).toBe('realtime=v1');
    expect(socket.received).toEqual([
      { type: 'session.update', session: { modalities: ['text'], instructions: 'Be concise.', temperature: 0.7 } },
      {
        type: 'conversation.item.create',
        item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Benefits of real-time AI?' }] },
      },
      { type: 'response.create', response: { modalities: ['text'] } },
    ]);
  });

  it('answers a function call with its callback and a new response; the output lists the calls', async () => {
    script = async (socket) => {
      await answerWith(socket, [
        {
          type: 'response.function_call_arguments.done',
          call_id: 'call_1',
          name: 'get_weather',
          arguments: '{"location":"San Francisco, CA"}',
        },
        { type: 'response.done', response: { status: 'completed' } },
      ]);
      await socket.next(); // function_call_output
      await socket.next(); // response.create
      socket.send({ type: 'response.audio_transcript.delta', delta: 'It is foggy, 15 degrees.' });
      socket.send({ type: 'response.done', response: { status: 'completed' } });
    };
    const provider = await realtime('openai:realtime:gpt-realtime', {
      modalities: ['text', 'audio'],
      tools: [{ type: 'function', name: 'get_weather', parameters: { type: 'object' } }],
      functionToolCallbacks: { get_weather: '(args) => ({ forecast: "foggy", celsius: 15 })' },
    });
    expect((await call(provider, 'Weather in SF?')).output).toEqual({
      text: 'It is foggy, 15 degrees.',
      functionCalls: [
        {
          name: 'get_weather',
          arguments: { location: 'San Francisco, CA' },
          result: '{"forecast":"foggy","celsius":15}',
        },
      ],
    });
    const [socket] = server.connections;
    expect((socket.received[0] as { session: { tools: unknown[] } }).session.tools).toHaveLength(1);
    expect(socket.received[3]).toEqual({
      type: 'conversation.item.create',
      item: { type: 'function_call_output', call_id: 'call_1', output: '{"forecast":"foggy","celsius":15}' },
    });
  });

  it('an error event is an error (rate limits transient); a dropped socket is transient; no key, no socket', async () => {
    script = (socket) =>
      answerWith(socket, [
        { type: 'error', error: { type: 'invalid_request_error', code: 'invalid_value', message: 'Bad voice.' } },
      ]);
    const provider = await realtime('openai:realtime:gpt-realtime');
    expect(await call(provider, 'q')).toMatchObject({
      error: expect.stringMatching(/invalid_value: Bad voice\./),
      transient: false,
    });
    script = (socket) =>
      answerWith(socket, [{ type: 'error', error: { code: 'rate_limit_exceeded', message: 'Slow down.' } }]);
    expect(await call(provider, 'q')).toMatchObject({ transient: true });
    script = async (socket) => {
      await socket.next();
      socket.close(1011);
    };
    expect(await call(provider, 'q')).toMatchObject({ transient: true, error: expect.stringMatching(/socket closed/) });
    const keyless = await realtime('openai:realtime:gpt-realtime', {}, {});
    const before = server.connections.length;
    expect((await call(keyless, 'q')).error).toMatch(/OPENAI_API_KEY is not set/);
    expect(server.connections).toHaveLength(before);
  });
});

describe('xai:voice', () => {
  it("sends xAI's session (lower-case voice, server VAD, PCM audio) with XAI_API_KEY; answers with the transcript", async () => {
    script = (socket) =>
      answerWith(socket, [
        { type: 'response.output_audio.delta', delta: 'AAAA' },
        { type: 'response.output_audio_transcript.delta', delta: 'Hello! How can I help?' },
        { type: 'response.done', response: { status: 'completed' } },
      ]);
    const provider = await realtime('xai:voice:grok-3', { voice: 'Ara', instructions: 'Be brief.' });
    expect(await call(provider, 'Hello!')).toEqual({ output: 'Hello! How can I help?' });
    const [socket] = server.connections;
    expect(socket.url).toBe('/v1/realtime?model=grok-3');
    expect(socket.headers['openai-beta']).toBeUndefined();
    expect(socket.received[0]).toEqual({
      type: 'session.update',
      session: {
        voice: 'ara',
        instructions: 'Be brief.',
        turn_detection: { type: 'server_vad' },
        audio: {
          input: { format: { type: 'audio/pcm', rate: 24000 } },
          output: { format: { type: 'audio/pcm', rate: 24000 } },
        },
      },
    });
    expect(socket.received[2]).toEqual({ type: 'response.create', response: { modalities: ['text', 'audio'] } });
  });
});
