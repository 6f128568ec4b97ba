// openai:transcription:<model> against a loopback server speaking OpenAI's /audio/transcriptions: the audio file
// the prompt names goes up as multipart with promptfoo's fields; the transcript (or diarized segments) comes back.
import path from 'node:path';
import { resolveProvider } from '../../src/providers/index.js';
import { startVendorServer, type VendorServer } from '../support/vendor-server.js';
import { call } from './helpers.js';

const KEY = 'sk-transcribe-0123456789';
const FIXTURES = path.resolve('__tests__/fixtures/providers');
let server: VendorServer;
beforeEach(async () => {
  server = await startVendorServer();
});
afterEach(async () => {
  await server.close();
});

const transcriber = (
  model: string,
  config: Record<string, unknown> = {},
  env: NodeJS.ProcessEnv = { OPENAI_API_KEY: KEY },
) =>
  resolveProvider(
    { id: `openai:transcription:${model}`, config: { apiBaseUrl: server.url, ...config } },
    { rootDir: FIXTURES, env },
  );

/** The multipart fields as received: name → values (a repeated field has several). */
function formFields(raw: string): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const part of raw.split(/--[-\w]+\r\n/)) {
    const match =
      /Content-Disposition: form-data; name="([^"]+)"(?:; filename="([^"]+)")?[\s\S]*?\r\n\r\n([\s\S]*?)\r\n$/.exec(
        part,
      );
    if (match) (fields[match[1]] ??= []).push(match[2] ? `file:${match[2]}:${match[3]}` : match[3]);
  }
  return fields;
}

describe('openai:transcription:<model>', () => {
  it("uploads the prompt's audio file with whisper-1's fields and answers with the transcript", async () => {
    server.reply({ body: { text: 'One small step for man.', task: 'transcribe', duration: 3.2 } });
    const provider = await transcriber('whisper-1', {
      language: 'en',
      temperature: 0,
      timestamp_granularities: ['word', 'segment'],
    });
    expect(await call(provider, ' audio/sample.mp3\n')).toEqual({ output: 'One small step for man.' });
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/audio/transcriptions' });
    expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(String(request.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
    expect(formFields(request.raw)).toEqual({
      file: ['file:sample.mp3:ID3FAKEAUDIO'],
      model: ['whisper-1'],
      language: ['en'],
      temperature: ['0'],
      'timestamp_granularities[]': ['word', 'segment'],
      response_format: ['verbose_json'],
    });
  });

  it('gpt-4o models ask for json; a diarizing model drops the prompt and its segments become lines', async () => {
    server.reply({ body: { text: 'hello' } });
    await call(await transcriber('gpt-4o-transcribe', { prompt: 'A talk about AI.' }), 'audio/sample.mp3');
    expect(formFields(server.requests[0].raw)).toMatchObject({
      prompt: ['A talk about AI.'],
      response_format: ['json'],
    });

    server.reply({
      body: {
        segments: [
          { speaker: 'A', text: 'Hello there.', start: 0, end: 1.5 },
          { speaker: 'B', text: 'Hi!', start: 1.5, end: 2.25 },
        ],
      },
    });
    const diarized = await call(
      await transcriber('gpt-4o-transcribe-diarize', { prompt: 'ignored', known_speaker_names: ['A', 'B'] }),
      'audio/sample.mp3',
    );
    expect(diarized.output).toBe('[0.00s - 1.50s] A: Hello there.\n[1.50s - 2.25s] B: Hi!');
    const fields = formFields(server.requests[1].raw);
    expect(fields.prompt).toBeUndefined();
    expect(fields).toMatchObject({
      response_format: ['diarized_json'],
      chunking_strategy: ['auto'],
      'known_speaker_names[]': ['A', 'B'],
    });
  });

  it('a missing or outside audio file, an HTTP error and a reply without text are errors', async () => {
    const provider = await transcriber('whisper-1');
    expect((await call(provider, 'audio/missing.mp3')).error).toMatch(/no audio file audio\/missing\.mp3/);
    expect((await call(provider, '/etc/hostname')).error).toMatch(/no audio file|outside/);
    expect(server.requests).toHaveLength(0);
    server.reply({ status: 400, body: { error: { message: 'Invalid file format.' } } }, { body: {} });
    expect((await call(provider, 'audio/sample.mp3')).error).toMatch(/HTTP 400.*Invalid file format/);
    expect((await call(provider, 'audio/sample.mp3')).error).toMatch(/no transcription/);
  });

  it('without a key, names the variable and sends nothing', async () => {
    expect((await call(await transcriber('whisper-1', {}, {}), 'audio/sample.mp3')).error).toMatch(/OPENAI_API_KEY/);
    expect(server.requests).toHaveLength(0);
  });
});
