// google:live:<model> against a loopback WebSocket server speaking Gemini's Live API (BidiGenerateContent):
// the setup and turn messages asserted, replies sent as the API does (binary frames of JSON), tool calls answered.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveProvider } from '../../src/providers/index.js';
import type { ProviderSpec } from '../../src/types.js';
import { startFakeWebSocketServer, type FakeSocket, type FakeWebSocketServer } from '../support/fake-websocket.js';
import { call } from './helpers.js';

const KEY = 'AIzaSy-live-key-0123456789';
const MODEL = 'gemini-2.5-flash-native-audio-preview-12-2025';
let server: FakeWebSocketServer;
let script: (socket: FakeSocket) => Promise<void>;
beforeEach(async () => {
  server = await startFakeWebSocketServer((socket) => script(socket));
});
afterEach(async () => {
  await server.close();
});

const dir = mkdtempSync(path.join(os.tmpdir(), 'pg-live-'));
writeFileSync(
  path.join(dir, 'tools.json'),
  JSON.stringify([{ functionDeclarations: [{ name: 'get_weather', parameters: { type: 'OBJECT' } }] }]),
);

const live = (config: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = { GOOGLE_API_KEY: KEY }) =>
  resolveProvider(
    {
      id: `google:live:${MODEL}`,
      config: { apiBaseUrl: server.url.replace(/^ws/, 'http'), ...config },
    } as ProviderSpec,
    {
      rootDir: dir,
      env,
    },
  );

/** The server's side of one text turn: setupComplete, the answer in two parts, turnComplete. */
const answer =
  (...parts: string[]) =>
  async (socket: FakeSocket) => {
    await socket.next();
    socket.send({ setupComplete: {} }, { binary: true });
    await socket.next();
    for (const text of parts) socket.send({ serverContent: { modelTurn: { parts: [{ text }] } } }, { binary: true });
    socket.send({ serverContent: { turnComplete: true } }, { binary: true });
  };

describe('google:live', () => {
  it('sends the setup, then the prompt as a turn; the output is the text with no tool calls', async () => {
    script = answer('The sea is salty because of ', 'weathering of rocks.');
    const provider = await live({
      generationConfig: { response_modalities: ['text'] },
      temperature: 0.2,
      timeoutMs: 5000,
    });
    const response = await call(provider, 'Why is the sea salty?');
    expect(response).toEqual({
      output: { text: 'The sea is salty because of weathering of rocks.', toolCall: { functionCalls: [] } },
    });
    const [socket] = server.connections;
    expect(socket.url).toBe(
      `/ws/google.ai.generativelanguage.v1alpha.GenerativeService.BidiGenerateContent?key=${KEY}`,
    );
    expect(socket.received[0]).toEqual({
      setup: {
        model: `models/${MODEL}`,
        generationConfig: { temperature: 0.2, responseModalities: ['TEXT'] },
      },
    });
    expect(socket.received[1]).toEqual({
      clientContent: { turns: [{ role: 'user', parts: [{ text: 'Why is the sea salty?' }] }], turnComplete: true },
    });
  });

  it('answers function calls with the callbacks and records them; tools come from file://', async () => {
    script = async (socket) => {
      await socket.next();
      socket.send({ setupComplete: {} });
      await socket.next();
      socket.send({
        toolCall: { functionCalls: [{ id: 'fc1', name: 'get_weather', args: { city: 'San Francisco' } }] },
      });
      const reply = await socket.next();
      socket.send({
        serverContent: {
          modelTurn: { parts: [{ text: `It is ${reply.toolResponse.functionResponses[0].response.temp}.` }] },
        },
      });
      socket.send({ serverContent: { turnComplete: true } });
    };
    const provider = await live({
      tools: 'file://tools.json',
      functionToolCallbacks: { get_weather: '(args) => ({ temp: "18C", city: JSON.parse(args).city })' },
    });
    const response = await call(provider, 'Weather in San Francisco?');
    expect(response.output).toEqual({
      text: 'It is 18C.',
      toolCall: { functionCalls: [{ id: 'fc1', name: 'get_weather', args: { city: 'San Francisco' } }] },
    });
    const [socket] = server.connections;
    expect((socket.received[0] as { setup: { tools: unknown } }).setup.tools).toEqual([
      { functionDeclarations: [{ name: 'get_weather', parameters: { type: 'OBJECT' } }] },
    ]);
    expect(socket.received[2]).toEqual({
      toolResponse: {
        functionResponses: [{ id: 'fc1', name: 'get_weather', response: { temp: '18C', city: 'San Francisco' } }],
      },
    });
  });

  it('an audio answer: the transcription is the text; speechConfig and outputAudioTranscription go where the API wants them', async () => {
    script = async (socket) => {
      await socket.next();
      socket.send({ setupComplete: {} });
      await socket.next();
      socket.send({
        serverContent: { modelTurn: { parts: [{ inlineData: { mimeType: 'audio/pcm', data: 'AAAA' } }] } },
      });
      socket.send({ serverContent: { outputTranscription: { text: "I'm doing " } } });
      socket.send({ serverContent: { outputTranscription: { text: 'well.' } } });
      socket.send({ serverContent: { turnComplete: true } });
    };
    const provider = await live({
      generationConfig: { response_modalities: ['audio'], outputAudioTranscription: {} },
      speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Charon' } } },
    });
    const response = await call(provider, "How you doin'?");
    expect(response.output).toEqual({
      text: "I'm doing well.",
      toolCall: { functionCalls: [] },
      audio: { transcript: "I'm doing well." },
    });
    expect(server.connections[0].received[0]).toEqual({
      setup: {
        model: `models/${MODEL}`,
        outputAudioTranscription: {},
        generationConfig: {
          responseModalities: ['AUDIO'],
          speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Charon' } } },
        },
      },
    });
  });

  it('a socket closed mid-answer, or no answer in time, is a transient error; the key never shows', async () => {
    script = async (socket) => {
      await socket.next();
      socket.close(1011);
    };
    const closed = await call(await live(), 'q');
    expect(closed).toMatchObject({ transient: true, error: expect.stringMatching(/socket closed \(code 1011/) });
    script = async (socket) => {
      await socket.next();
      socket.send({ setupComplete: {} });
    };
    const slow = await call(await live({ timeoutMs: 200 }), 'q');
    expect(slow).toMatchObject({ transient: true, error: expect.stringMatching(/no complete answer within 200 ms/) });
    expect(slow.error).not.toContain(KEY);
  });

  it('without a key nothing is opened; functionToolStatefulApi is refused when the suite loads', async () => {
    script = answer('x');
    expect((await call(await live({}, {}), 'q')).error).toMatch(/GOOGLE_API_KEY or GEMINI_API_KEY is not set/);
    expect(server.connections).toHaveLength(0);
    await expect(live({ functionToolStatefulApi: { url: 'http://127.0.0.1:8765' } })).rejects.toThrow(
      /functionToolStatefulApi starts a Python API server/,
    );
  });
});
