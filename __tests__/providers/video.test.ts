// Video providers (openai:video — Sora; google:video — Veo; xai:video — Grok Imagine; bedrock:video is in
// bedrock-video.test.ts), against a loopback server speaking each Videos API:
// a job is created, polled until done, its MP4 downloaded and stored under the run's temp dir, and the output is
// promptfoo's `[Video: <prompt>](<file>)`.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { credentialVariables, requiredCredentials, resolveProvider } from '../../src/providers/index.js';
import type { ProviderSpec } from '../../src/types.js';
import { startVendorServer, type VendorServer } from '../support/vendor-server.js';
import { call, storedVideo } from './helpers.js';

const spec = (id: string, config: Record<string, unknown> = {}): ProviderSpec => ({ id, config });
let server: VendorServer;
let runnerTemp: string;
beforeEach(async () => {
  server = await startVendorServer();
  runnerTemp = await mkdtemp(path.join(os.tmpdir(), 'pg-video-'));
});
afterEach(async () => {
  await server.close();
  await rm(runnerTemp, { recursive: true, force: true });
});

const videoFileOf = (output: unknown) => storedVideo(output, runnerTemp);

describe('openai:video:<model> (Sora)', () => {
  const KEY = 'sk-video-test-0123456789';
  const sora = (model: string, config: Record<string, unknown> = {}) =>
    resolveProvider(spec(`openai:video:${model}`, { apiBaseUrl: server.url, poll_interval_ms: 5, ...config }), {
      rootDir: '.',
      env: { OPENAI_API_KEY: KEY, RUNNER_TEMP: runnerTemp },
    });

  it('creates a job, polls it until completed, downloads the MP4 and prices it per second', async () => {
    server.reply(
      { body: { id: 'video_123', status: 'queued' } },
      { body: { id: 'video_123', status: 'in_progress', progress: 40 } },
      { body: { id: 'video_123', status: 'completed' } },
      { headers: { 'content-type': 'video/mp4' }, body: 'MP4-BYTES' },
    );
    const provider = await sora('sora-2-pro', { size: '720x1280', seconds: 4 });
    const response = await call(provider, 'A cinematic shot of: [a cat] on a skateboard\nat sunset');
    expect(response.error).toBeUndefined();
    expect(String(response.output)).toMatch(/^\[Video: A cinematic shot of: \(a cat\) on a skateboard at\.\.\.\]\(/);
    expect((await videoFileOf(response.output)).toString()).toBe('MP4-BYTES');
    expect(response.cost).toBeCloseTo(1.2);
    const [create, poll1, poll2, download] = server.requests;
    expect(create).toMatchObject({ method: 'POST', path: '/videos' });
    expect(create.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(create.body).toEqual({
      model: 'sora-2-pro',
      prompt: 'A cinematic shot of: [a cat] on a skateboard\nat sunset',
      size: '720x1280',
      seconds: '4',
    });
    expect([poll1.method, poll1.path, poll2.path]).toEqual(['GET', '/videos/video_123', '/videos/video_123']);
    expect([download.method, download.path]).toEqual(['GET', '/videos/video_123/content']);
  });

  it("defaults to 1280x720 and 8 seconds; a remix posts to the source video's remix endpoint", async () => {
    server.reply({ body: { id: 'v1' } }, { body: { status: 'completed' } }, { body: 'X' });
    expect((await call(await sora('sora-2'), 'p')).cost).toBeCloseTo(0.8);
    expect(server.requests[0].body).toEqual({ model: 'sora-2', prompt: 'p', size: '1280x720', seconds: '8' });
    server.reply({ body: { id: 'v2' } }, { body: { status: 'completed' } }, { body: 'Y' });
    await call(await sora('sora-2', { remix_video_id: 'video_src' }), 'make it rain');
    expect(server.requests[3]).toMatchObject({
      path: '/videos/video_src/remix',
      body: { model: 'sora-2', prompt: 'make it rain' },
    });
  });

  it('a failed job, a job that outlives max_poll_time_ms and an HTTP error are errors, never outputs', async () => {
    server.reply({ body: { id: 'v1' } }, { body: { status: 'failed', error: { message: 'moderation blocked' } } });
    const failed = await call(await sora('sora-2'), 'p');
    expect(failed.error).toMatch(/video job v1 failed: moderation blocked/);
    expect(failed.output).toBeUndefined();

    server.setDefault({ body: { id: 'v2', status: 'in_progress' } });
    const slow = await call(await sora('sora-2', { max_poll_time_ms: 30 }), 'p');
    expect(slow.error).toMatch(/video job v2 did not finish within 0.03 s/);

    server.setDefault({ status: 401, body: { error: { message: 'bad key' } } });
    expect((await call(await sora('sora-2'), 'p')).error).toMatch(/HTTP 401.*bad key.*OPENAI_API_KEY/);
  });

  it('refuses a size or duration Sora does not make, and image-to-video, when the suite loads', async () => {
    await expect(sora('sora-2', { size: '1920x1080' })).rejects.toThrow(/config.size "1920x1080" is not a Sora size/);
    await expect(sora('sora-2', { seconds: 5 })).rejects.toThrow(/config.seconds 5 is not a Sora duration/);
    await expect(sora('sora-2', { input_reference: 'file://a.png' })).rejects.toThrow(/input_reference/);
  });

  it('without a key, names the variable and sends nothing', async () => {
    const provider = await resolveProvider(spec('openai:video:sora-2', { apiBaseUrl: server.url }), {
      rootDir: '.',
      env: {},
    });
    expect((await call(provider, 'p')).error).toMatch(/OPENAI_API_KEY/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('google:video:<model> (Veo on the Gemini API)', () => {
  const KEY = 'AIzaSy-veo-key-0123456789';
  const FIXTURES = path.resolve('__tests__/fixtures/providers/video');
  const veo = (model: string, config: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = { GEMINI_API_KEY: KEY }) =>
    resolveProvider(spec(`google:video:${model}`, { apiBaseUrl: server.url, pollIntervalMs: 5, ...config }), {
      rootDir: FIXTURES,
      env: { ...env, RUNNER_TEMP: runnerTemp },
    });
  const OPERATION = 'models/veo-3.1-generate-preview/operations/op-1';

  it("starts a long-running job, polls the operation, downloads the sample's file and prices it per second", async () => {
    server.reply(
      { body: { name: OPERATION } },
      { body: { name: OPERATION, done: false } },
      {
        body: {
          name: OPERATION,
          done: true,
          response: {
            generateVideoResponse: {
              generatedSamples: [{ video: { uri: `${server.url}/v1beta/files/f1:download?alt=media` } }],
            },
          },
        },
      },
      { headers: { 'content-type': 'video/mp4' }, body: 'VEO-MP4' },
    );
    const provider = await veo('veo-3.1-generate-preview', {
      aspectRatio: '16:9',
      resolution: '720p',
      durationSeconds: 6,
    });
    const response = await call(provider, 'Generate a video: a serene mountain');
    expect(response.error).toBeUndefined();
    expect(String(response.output)).toMatch(/^\[Video: Generate a video: a serene mountain\]\(/);
    expect((await videoFileOf(response.output)).toString()).toBe('VEO-MP4');
    expect(response.cost).toBeCloseTo(2.4);
    const [create, poll1, poll2, download] = server.requests;
    expect(create).toMatchObject({
      method: 'POST',
      path: '/v1beta/models/veo-3.1-generate-preview:predictLongRunning',
    });
    expect(create.headers['x-goog-api-key']).toBe(KEY);
    expect(create.body).toEqual({
      instances: [{ prompt: 'Generate a video: a serene mountain' }],
      parameters: { aspectRatio: '16:9', resolution: '720p', durationSeconds: 6 },
    });
    expect([poll1.method, poll1.path, poll2.path]).toEqual(['GET', `/v1beta/${OPERATION}`, `/v1beta/${OPERATION}`]);
    expect(download).toMatchObject({ method: 'GET', path: '/v1beta/files/f1:download', query: { alt: 'media' } });
    expect(download.headers['x-goog-api-key']).toBe(KEY);
  });

  it('sends the first frame from the project as inline data and stores an inline base64 video; veo-2 is unpriced', async () => {
    server.reply(
      { body: { name: 'op-2' } },
      {
        body: { done: true, response: { videos: [{ bytesBase64Encoded: Buffer.from('INLINE').toString('base64') }] } },
      },
    );
    const provider = await veo('veo-2.0-generate-001', { image: 'file://start-frame.jpg', duration: 5, seed: 7 });
    const response = await call(provider, 'Animate this image');
    expect((await videoFileOf(response.output)).toString()).toBe('INLINE');
    expect(response.cost).toBeUndefined();
    expect(server.requests[0].body).toEqual({
      instances: [
        {
          prompt: 'Animate this image',
          image: {
            inlineData: {
              mimeType: 'image/jpeg',
              data: Buffer.from('\xff\xd8\xffJPEGFRAME', 'latin1').toString('base64'),
            },
          },
        },
      ],
      parameters: { aspectRatio: '16:9', resolution: '720p', durationSeconds: 5, seed: 7 },
    });
  });

  it("extends an earlier generation (promptfoo's extension example): the operation name goes as the instance's video", async () => {
    const earlier =
      'projects/YOUR_PROJECT/locations/us-central1/publishers/google/models/veo-3.1-generate-preview/operations/YOUR_OPERATION_ID';
    const done = { body: { done: true, response: { videos: [{ bytesBase64Encoded: 'RVhU' }] } } };
    server.reply({ body: { name: 'op-ext' } }, done, { body: { name: 'op-src' } }, done);
    const extended = await call(
      await veo('veo-3.1-generate-preview', { extendVideoId: earlier, durationSeconds: 6 }),
      'Continue this video: a sunset',
    );
    expect((await videoFileOf(extended.output)).toString()).toBe('EXT');
    expect(server.requests[0].body).toEqual({
      instances: [{ prompt: 'Continue this video: a sunset', video: { operationName: earlier } }],
      parameters: { aspectRatio: '16:9', resolution: '720p', durationSeconds: 6 },
    });
    // sourceVideo is promptfoo's alias for it.
    await call(await veo('veo-3.1-generate-preview', { sourceVideo: 'models/m/operations/src' }), 'p');
    expect(server.requests[2].body).toMatchObject({
      instances: [{ video: { operationName: 'models/m/operations/src' } }],
    });
  });

  it("sends promptfoo's image-to-video settings (Veo 3.1, 6 s) with the frame inline", async () => {
    server.reply(
      { body: { name: 'op-img' } },
      { body: { done: true, response: { videos: [{ bytesBase64Encoded: 'SU1H' }] } } },
    );
    const provider = await veo('veo-3.1-generate-preview', {
      image: 'file://start-frame.jpg',
      aspectRatio: '16:9',
      durationSeconds: 6,
    });
    expect((await call(provider, 'Animate this image: zoom in')).error).toBeUndefined();
    expect(server.requests[0].body).toEqual({
      instances: [
        {
          prompt: 'Animate this image: zoom in',
          image: {
            inlineData: {
              mimeType: 'image/jpeg',
              data: Buffer.from('\xff\xd8\xffJPEGFRAME', 'latin1').toString('base64'),
            },
          },
        },
      ],
      parameters: { aspectRatio: '16:9', resolution: '720p', durationSeconds: 6 },
    });
  });

  it('a file URI on another host is downloaded without the key', async () => {
    const other = await startVendorServer({ body: 'ELSEWHERE' });
    try {
      server.reply(
        { body: { name: 'op-3' } },
        {
          body: {
            done: true,
            response: { generateVideoResponse: { generatedSamples: [{ video: { uri: `${other.url}/v.mp4` } }] } },
          },
        },
      );
      const response = await call(await veo('veo-3.1-fast-generate-preview'), 'p');
      expect((await videoFileOf(response.output)).toString()).toBe('ELSEWHERE');
      expect(other.requests[0].headers['x-goog-api-key']).toBeUndefined();
      expect(response.cost).toBeCloseTo(0.8);
    } finally {
      await other.close();
    }
  });

  it('a missing frame file, a failed operation and one with no video are errors', async () => {
    const missing = await call(await veo('veo-3.1-generate-preview', { image: 'file://nope.jpg' }), 'p');
    expect(missing.error).toMatch(/no image file nope\.jpg/);
    expect(server.requests).toHaveLength(0);

    server.reply({ body: { name: 'op-4' } }, { body: { done: true, error: { code: 3, message: 'prompt blocked' } } });
    expect((await call(await veo('veo-3.1-generate-preview'), 'p')).error).toMatch(
      /video generation failed: prompt blocked/,
    );

    server.reply({ body: { name: 'op-5' } }, { body: { done: true, response: {} } });
    expect((await call(await veo('veo-3.1-generate-preview'), 'p')).error).toMatch(
      /operation op-5 is done but holds no video/,
    );
  });

  it.each([
    [{ durationSeconds: 5 }, /config.durationSeconds: a 5 s video is not one veo-3.1-generate-preview makes/],
    // promptfoo's image example asks for 5 s, which promptfoo rejects for Veo 3.x too ("Invalid duration 5s").
    [{ image: 'file://start-frame.jpg', duration: 5 }, /config.duration: a 5 s video is not one veo-3.1/],
    [{ aspectRatio: '1:1' }, /config.aspectRatio "1:1" is not a Veo aspect ratio/],
    [{ resolution: '1080p', durationSeconds: 6 }, /need durationSeconds: 8/],
    [{ sourceVideo: 'file://clip.mp4' }, /config.sourceVideo must be the operation name of an earlier Veo generation/],
    [{ extendVideoId: 42 }, /config.extendVideoId must be the operation name .* not 42/],
    [{ projectId: 'my-project' }, /Vertex AI/],
  ])('refuses %j when the suite loads', async (config, message) => {
    await expect(veo('veo-3.1-generate-preview', config)).rejects.toThrow(message);
  });

  it('Veo 3 (not 3.1) makes 1080p only in 16:9, as promptfoo checks', async () => {
    const config = { aspectRatio: '9:16', resolution: '1080p' };
    await expect(veo('veo-3.0-generate-001', config)).rejects.toThrow(/Veo 3 makes 1080p video in 16:9 only/);
    await expect(veo('veo-3.1-generate-preview', config)).resolves.toBeDefined();
  });

  it('without a key, names the variables and sends nothing', async () => {
    expect((await call(await veo('veo-3.1-generate-preview', {}, {}), 'p')).error).toMatch(/GEMINI_API_KEY/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('xai:video:<model> (Grok Imagine)', () => {
  const KEY = 'xai-video-key-0123456789';
  const grok = (config: Record<string, unknown> = {}) =>
    resolveProvider(spec('xai:video:grok-imagine-video', { apiBaseUrl: server.url, poll_interval_ms: 5, ...config }), {
      rootDir: '.',
      env: { XAI_API_KEY: KEY, RUNNER_TEMP: runnerTemp },
    });

  it('creates a generation, polls until the reply carries video.url, stores the MP4, costs what xAI reports', async () => {
    const storage = await startVendorServer({ body: 'GROK-MP4' });
    try {
      server.reply(
        { body: { request_id: 'req-1' } },
        { body: { status: 'pending' } },
        {
          body: {
            video: { url: `${storage.url}/out/req-1.mp4`, duration: 3 },
            usage: { cost_in_usd_ticks: 1_500_000_000 },
          },
        },
      );
      const provider = await grok({ duration: 3, aspect_ratio: '16:9', resolution: '720p' });
      const response = await call(provider, 'Generate a video of: a red ball bouncing');
      expect(response.error).toBeUndefined();
      expect((await videoFileOf(response.output)).toString()).toBe('GROK-MP4');
      expect(response.cost).toBeCloseTo(0.15);
      const [create, poll1, poll2] = server.requests;
      expect(create).toMatchObject({ method: 'POST', path: '/videos/generations' });
      expect(create.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(create.body).toEqual({
        model: 'grok-imagine-video',
        prompt: 'Generate a video of: a red ball bouncing',
        duration: 3,
        aspect_ratio: '16:9',
        resolution: '720p',
      });
      expect([poll1.method, poll1.path, poll2.path]).toEqual(['GET', '/videos/req-1', '/videos/req-1']);
      // The storage host is not xAI's: it never sees the key.
      expect(storage.requests[0]).toMatchObject({ method: 'GET', path: '/out/req-1.mp4' });
      expect(storage.requests[0].headers.authorization).toBeUndefined();
    } finally {
      await storage.close();
    }
  });

  it('an edit posts to /videos/edits with the source video; without reported usage the cost is estimated', async () => {
    server.reply({ body: { request_id: 'req-2' } }, { body: { video: { url: '/files/v.mp4' } } }, { body: 'EDITED' });
    const response = await call(await grok({ video: { url: 'https://example.test/in.mp4' } }), 'make it night');
    expect((await videoFileOf(response.output)).toString()).toBe('EDITED');
    expect(response.cost).toBeCloseTo(0.4);
    expect(server.requests[0]).toMatchObject({
      path: '/videos/edits',
      body: { model: 'grok-imagine-video', prompt: 'make it night', video: { url: 'https://example.test/in.mp4' } },
    });
    // Same origin as the API: the key goes with the download.
    expect(server.requests[2]).toMatchObject({ path: '/files/v.mp4' });
    expect(server.requests[2].headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('a failed request and one that outlives max_poll_time_ms are errors', async () => {
    server.reply({ body: { request_id: 'req-3' } }, { body: { status: 'failed', error: 'content policy' } });
    expect((await call(await grok(), 'p')).error).toMatch(/video request req-3 failed: content policy/);
    server.reply({ body: { request_id: 'req-4' } });
    server.setDefault({ body: { status: 'processing' } });
    expect((await call(await grok({ max_poll_time_ms: 20 }), 'p')).error).toMatch(
      /video request req-4 did not finish within 0.02 s \(max_poll_time_ms\)/,
    );
  });

  it.each([
    [{ duration: 20 }, /config.duration 20 is not between 1 and 15 seconds/],
    [{ aspect_ratio: '21:9' }, /config.aspect_ratio "21:9" is not one of/],
    [{ resolution: '1080p' }, /config.resolution "1080p" is not one of 720p, 480p/],
    [{ image: { url: 'u' }, reference_images: [{ url: 'r' }] }, /cannot be combined/],
  ])('refuses %j when the suite loads', async (config, message) => {
    await expect(grok(config)).rejects.toThrow(message);
  });
});

describe('video ids name the key they need', () => {
  it.each([
    ['openai:video:sora-2', 'OPENAI_API_KEY'],
    ['xai:video:grok-imagine-video', 'XAI_API_KEY'],
  ])('%s needs %s', (id, variable) => {
    expect(credentialVariables({ id, config: {} })).toContain(variable);
    expect(requiredCredentials({ id, config: {} }, {})).toHaveLength(1);
  });
});
