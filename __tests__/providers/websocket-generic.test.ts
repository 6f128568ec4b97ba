// promptfoo's ws:// provider against a loopback WebSocket server: the rendered message asserted, the answer read
// by transformResponse or folded by streamResponse as promptfoo's examples write them.
import { resolveProvider } from '../../src/providers/index.js';
import { startFakeWebSocketServer, type FakeSocket, type FakeWebSocketServer } from '../support/fake-websocket.js';
import { call } from './helpers.js';

let server: FakeWebSocketServer;
let script: (socket: FakeSocket) => Promise<void>;
beforeEach(async () => {
  server = await startFakeWebSocketServer((socket) => script(socket));
});
afterEach(async () => {
  await server.close();
});

const ws = (config: Record<string, unknown>, path = '') =>
  resolveProvider({ id: `${server.url}${path}`, config }, { rootDir: '.', env: {} });

describe('ws:// (promptfoo websocket provider)', () => {
  it('renders messageTemplate with the vars and prompt, and reads the answer with transformResponse', async () => {
    script = async (socket) => {
      const request = await socket.next();
      socket.send({ output: `echo: ${request.prompt} (${request.model})` });
    };
    const provider = await ws({
      messageTemplate: '{"prompt": {{prompt | dump}}, "model": {{model | dump}}}',
      transformResponse: 'data.output',
      headers: { 'X-Team': 'evals' },
    });
    expect(await call(provider, 'Rephrase "hi"', { vars: { model: 'small' } })).toEqual({
      output: 'echo: Rephrase "hi" (small)',
    });
    expect(server.connections[0].received[0]).toEqual({ prompt: 'Rephrase "hi"', model: 'small' });
    expect(server.connections[0].headers['x-team']).toBe('evals');
  });

  it("streamResponse folds the messages until it says done (promptfoo's example)", async () => {
    script = async (socket) => {
      await socket.next();
      socket.send({ type: 'chunk', message: 'Bon' });
      socket.send({ type: 'message', message: 'Bonjour le monde' });
    };
    const provider = await ws(
      {
        messageTemplate: '{"input": {{prompt | dump}}}',
        streamResponse:
          '(accumulator, event, context) => {\n  const { message, type } = JSON.parse(event.data);\n  if (type === "message") { return [{ output: message }, true]; }\n  if (type === "error") { return [{ error: message }, true]; }\n  return [{ output: message }, false];\n}',
      },
      '/ws-stream',
    );
    expect(await call(provider, 'Hello world')).toEqual({ output: 'Bonjour le monde' });
    expect(server.connections[0].url).toBe('/ws-stream');
    expect(server.connections[0].received[0]).toEqual({ input: 'Hello world' });
  });

  it('an {error} answer is an error; a silent server times out (transient); a throwing transform is an error', async () => {
    const stream =
      '(acc, event) => { const m = JSON.parse(event.data); return [m.type === "error" ? { error: m.message } : { output: m.message }, true]; }';
    script = async (socket) => {
      await socket.next();
      socket.send({ type: 'error', message: 'model overloaded' });
    };
    expect(await call(await ws({ streamResponse: stream }), 'x')).toMatchObject({
      error: expect.stringMatching(/model overloaded/),
      transient: false,
    });
    script = async (socket) => {
      await socket.next();
    };
    expect(await call(await ws({ timeoutMs: 200 }), 'x')).toMatchObject({
      transient: true,
      error: expect.stringMatching(/within 200 ms/),
    });
    script = async (socket) => {
      await socket.next();
      socket.send('not json');
    };
    expect(await call(await ws({ transformResponse: 'data.missing.field' }), 'x')).toMatchObject({
      transient: false,
      error: expect.stringMatching(/a config transform threw/),
    });
    script = async (socket) => {
      await socket.next();
      socket.send('plain text answer');
    };
    expect(await call(await ws({}), 'x')).toEqual({ output: 'plain text answer' });
  });
});
