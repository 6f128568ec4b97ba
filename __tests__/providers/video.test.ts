// Video providers (openai:video — Sora; google:video — Veo), against a loopback server speaking each Videos API:
// a job is created, polled until done, its MP4 downloaded and stored under the run's temp dir, and the output is
// promptfoo's `[Video: <prompt>](<file>)`.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { resolveProvider } from '../../src/providers/index.js';
import type { ProviderSpec } from '../../src/types.js';
import { startVendorServer, type VendorServer } from '../support/vendor-server.js';
import { call } from './helpers.js';

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

/** The stored file a `[Video: …](file)` output names, checked to sit under the run's media dir. */
async function videoFileOf(output: unknown): Promise<Buffer> {
  const match = /^\[Video: [^\]]*\]\((.+)\)$/.exec(String(output));
  expect(match).not.toBeNull();
  const file = match![1];
  expect(file.startsWith(path.join(runnerTemp, 'promptgate', 'media') + path.sep)).toBe(true);
  expect(file.endsWith('.mp4')).toBe(true);
  return readFile(file);
}

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
    expect(slow.error).toMatch(/video job v2 did not complete within 0.03 s/);

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
