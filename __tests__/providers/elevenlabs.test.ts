// elevenlabs:* against a loopback server speaking ElevenLabs' REST API: JSON and multipart requests asserted
// (the multipart body parsed by the platform's own FormData), audio replies as bytes, errors as ElevenLabs sends them.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseProviderId, requiredCredentials, resolveProvider } from '../../src/providers/index.js';
import { subtitles } from '../../src/providers/elevenlabs.js';
import type { ProviderSpec } from '../../src/types.js';
import { startVendorServer, type VendorRequest, type VendorServer } from '../support/vendor-server.js';
import { call } from './helpers.js';

const KEY = 'sk_elevenlabs_test_0123456789';
let server: VendorServer;
beforeEach(async () => {
  server = await startVendorServer();
});
afterEach(async () => {
  await server.close();
});

const dir = mkdtempSync(path.join(os.tmpdir(), 'pg-elevenlabs-'));
mkdirSync(path.join(dir, 'audio'));
writeFileSync(path.join(dir, 'audio', 'sample1.mp3'), 'ID3-fake-mp3-audio-bytes');

const eleven = (
  id: string,
  config: Record<string, unknown> = {},
  env: NodeJS.ProcessEnv = { ELEVENLABS_API_KEY: KEY },
) => resolveProvider({ id, config: { baseUrl: `${server.url}/v1`, ...config } } as ProviderSpec, { rootDir: dir, env });

async function formOf(request: VendorRequest): Promise<FormData> {
  return new Request('http://x/', {
    method: 'POST',
    body: request.raw,
    headers: { 'content-type': String(request.headers['content-type']) },
  }).formData();
}

describe('elevenlabs:tts', () => {
  it("posts the text with the voice, model and settings; the output is promptfoo's, priced per character", async () => {
    server.reply({ headers: { 'content-type': 'audio/mpeg' }, body: 'ID3\u0004fake-mp3' });
    const provider = await eleven('elevenlabs:tts:rachel', {
      modelId: 'eleven_flash_v2_5',
      voiceId: '21m00Tcm4TlvDq8ikWAM',
      outputFormat: 'mp3_44100_128',
      voiceSettings: { stability: 0.5, similarity_boost: 0.75 },
      seed: 7,
    });
    const prompt = 'Welcome to ElevenLabs!';
    expect(await call(provider, prompt)).toEqual({
      output: `Generated ${prompt.length} characters of speech`,
      tokenUsage: { prompt: prompt.length, completion: 0, total: prompt.length },
      cost: prompt.length / 50_000,
    });
    const [request] = server.requests;
    expect(request.path).toBe('/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM');
    expect(request.query).toEqual({ output_format: 'mp3_44100_128', optimize_streaming_latency: '0' });
    expect(request.headers['xi-api-key']).toBe(KEY);
    expect(request.body).toEqual({
      text: prompt,
      model_id: 'eleven_flash_v2_5',
      voice_settings: { stability: 0.5, similarity_boost: 0.75 },
      seed: 7,
    });
  });

  it('streaming uses the /stream endpoint; the voice comes from the id when voiceId is not set', async () => {
    server.reply({ body: 'chunk1chunk2' });
    const provider = await eleven('elevenlabs:tts:pNInz6obpgDQGcFmaJgB', { streaming: true });
    expect((await call(provider, 'Hi')).output).toBe('Generated 2 characters of speech (streaming)');
    expect(server.requests[0].path).toBe('/v1/text-to-speech/pNInz6obpgDQGcFmaJgB/stream');
    expect(server.requests[0].body.model_id).toBe('eleven_multilingual_v2');
  });

  it('an empty reply, a 429 and a 401 are errors as they should be; the key is never shown', async () => {
    const provider = await eleven('elevenlabs:tts');
    server.reply(
      { body: '' },
      {
        status: 429,
        headers: { 'retry-after': '1' },
        body: { detail: { status: 'too_many_concurrent_requests', message: 'Too many concurrent requests.' } },
      },
      { status: 401, body: { detail: { status: 'invalid_api_key', message: `Invalid API key ${KEY}` } } },
    );
    expect(await call(provider, 'x')).toMatchObject({ error: expect.stringMatching(/no audio/), transient: true });
    expect(await call(provider, 'x')).toMatchObject({ transient: true, retryAfterMs: 1000 });
    const denied = await call(provider, 'x');
    expect(denied).toMatchObject({ transient: false, error: expect.stringMatching(/HTTP 401.*ELEVENLABS_API_KEY/) });
    expect(denied.error).not.toContain(KEY);
  });

  it('voice design and pronunciation dictionaries are refused when the suite loads, not ignored', async () => {
    await expect(eleven('elevenlabs:tts', { voiceDesign: { description: 'a pirate' } })).rejects.toThrow(
      /config\.voiceDesign designs a voice first/,
    );
  });
});

describe('elevenlabs:stt / alignment / isolation', () => {
  it('stt uploads the audio file the prompt names with the model, language and diarization; the output is the text', async () => {
    server.reply({ body: { language_code: 'en', text: 'One small step for man.', words: [] } });
    const provider = await eleven('elevenlabs:stt:diarization', {
      modelId: 'scribe_v1',
      language: 'en',
      diarization: true,
      maxSpeakers: 3,
    });
    expect(await call(provider, 'audio/sample1.mp3')).toEqual({ output: 'One small step for man.' });
    const [request] = server.requests;
    expect(request.path).toBe('/v1/speech-to-text');
    const form = await formOf(request);
    expect(form.get('model_id')).toBe('scribe_v1');
    expect(form.get('language_code')).toBe('en');
    expect(form.get('diarize')).toBe('true');
    expect(form.get('num_speakers')).toBe('3');
    const file = form.get('file') as File;
    expect(file.name).toBe('sample1.mp3');
    expect(await file.text()).toBe('ID3-fake-mp3-audio-bytes');
  });

  it('a missing audio file, or one outside the project, is an error before any call', async () => {
    const provider = await eleven('elevenlabs:stt');
    expect(await call(provider, 'audio/missing.mp3')).toMatchObject({
      error: expect.stringMatching(/no audio file audio\/missing\.mp3/),
      transient: false,
    });
    expect((await call(provider, '/etc/hostname.mp3')).error).toMatch(/no audio file|outside/);
    expect(server.requests).toHaveLength(0);
  });

  it('alignment sends the transcript with vars.audioFile and formats SRT or JSON as vars.format says', async () => {
    const words = [
      { text: 'One', start: 0.1, end: 0.4, loss: 0.1 },
      { text: 'small', start: 0.5, end: 0.9, loss: 0.1 },
      { text: 'step.', start: 2.6, end: 3.05, loss: 0.2 },
    ];
    server.setDefault({ body: { characters: [], words, loss: 0.1 } });
    const provider = await eleven('elevenlabs:alignment:srt');
    const srt = await call(provider, 'One small step.', {
      vars: { audioFile: 'audio/sample1.mp3', transcript: 'One small step.', format: 'srt' },
    });
    expect(srt.output).toBe('1\n00:00:00,100 --> 00:00:00,900\nOne small\n\n2\n00:00:02,600 --> 00:00:03,050\nstep.\n');
    const form = await formOf(server.requests[0]);
    expect(form.get('text')).toBe('One small step.');
    expect(server.requests[0].path).toBe('/v1/forced-alignment');
    const json = await call(provider, 'One small step.', { vars: { audioFile: 'audio/sample1.mp3' } });
    expect(JSON.parse(String(json.output)).words).toHaveLength(3);
    expect(subtitles(words, 'vtt').startsWith('WEBVTT\n\n1\n')).toBe(true);
  });

  it("isolation uploads the audio as `audio` and answers promptfoo's sentence", async () => {
    server.reply({ headers: { 'content-type': 'audio/mpeg' }, body: 'clean-audio' });
    const provider = await eleven('elevenlabs:isolation:basic', { outputFormat: 'mp3_44100_128' });
    const response = await call(provider, 'audio/sample1.mp3');
    expect(response.output).toBe('Audio isolated successfully from sample1.mp3');
    expect(response.cost).toBeCloseTo(24 / 32_000 / 600);
    const form = await formOf(server.requests[0]);
    expect(server.requests[0].path).toBe('/v1/audio-isolation');
    expect((form.get('audio') as File).name).toBe('sample1.mp3');
  });
});

describe('elevenlabs:history', () => {
  it("gets a conversation by vars.conversationId, or lists an agent's conversations as a summary", async () => {
    server.reply(
      { body: { conversation_id: 'conv_123', agent_id: 'agent_456', status: 'done', transcript: [] } },
      {
        body: {
          conversations: [
            { conversation_id: 'conv_1', status: 'done', duration_seconds: 12, history: [{}, {}], created_at: 5 },
          ],
        },
      },
    );
    const provider = await eleven('elevenlabs:history', { agentId: 'agent_456' });
    const one = await call(provider, 'Reference example', { vars: { conversationId: 'conv_123' } });
    expect(JSON.parse(String(one.output)).conversation_id).toBe('conv_123');
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/v1/convai/conversations/conv_123' });
    const list = await call(provider, 'Reference example', { vars: { limit: 5 } });
    expect(JSON.parse(String(list.output))).toEqual({
      agent_id: 'agent_456',
      total_conversations: 1,
      conversations: [
        { conversation_id: 'conv_1', status: 'done', duration_seconds: 12, turn_count: 2, created_at: 5 },
      ],
    });
    expect(server.requests[1]).toMatchObject({
      path: '/v1/convai/agents/agent_456/conversations',
      query: { limit: '5' },
    });
  });
});

describe('elevenlabs ids and keys', () => {
  it('parses the APIs it calls, names the ones it does not, and asks for ELEVENLABS_API_KEY', async () => {
    expect(parseProviderId('elevenlabs:tts:rachel')).toEqual({ kind: 'elevenlabs', api: 'tts', variant: 'rachel' });
    expect(parseProviderId('elevenlabs:history')).toEqual({ kind: 'elevenlabs', api: 'history' });
    expect(() => parseProviderId('elevenlabs:agents')).toThrow(/ElevenLabs API promptgate does not call/);
    expect(requiredCredentials({ id: 'elevenlabs:tts', config: {} }, {})).toEqual(['ELEVENLABS_API_KEY']);
    const provider = await eleven('elevenlabs:tts', {}, {});
    expect((await call(provider, 'x')).error).toMatch(/ELEVENLABS_API_KEY is not set/);
    expect(server.requests).toHaveLength(0);
  });
});
