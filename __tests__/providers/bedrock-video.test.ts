// bedrock:video (Nova Reel, Luma Ray) against a loopback server speaking Bedrock's async-invoke API and S3's GET:
// every request SigV4-signed for its service, the MP4 stored under the run's temp dir.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { resolveProvider } from '../../src/providers/index.js';
import type { ProviderSpec } from '../../src/types.js';
import { startVendorServer, type VendorServer } from '../support/vendor-server.js';
import { call, storedVideo } from './helpers.js';

const spec = (id: string, config: Record<string, unknown> = {}): ProviderSpec => ({ id, config });
let server: VendorServer;
let runnerTemp: string;
beforeEach(async () => {
  server = await startVendorServer();
  runnerTemp = await mkdtemp(path.join(os.tmpdir(), 'pg-bedrock-video-'));
});
afterEach(async () => {
  await server.close();
  await rm(runnerTemp, { recursive: true, force: true });
});
const videoFileOf = (output: unknown) => storedVideo(output, runnerTemp);

describe('bedrock:video:<model> (Nova Reel, Luma Ray on Bedrock)', () => {
  const CREDS = { AWS_ACCESS_KEY_ID: 'AKIDVIDEO', AWS_SECRET_ACCESS_KEY: 'video-secret-key-0123456789' };
  const ARN = 'arn:aws:bedrock:us-east-1:123456789012:async-invoke/abc123';
  const bedrock = (model: string, config: Record<string, unknown> = {}) =>
    resolveProvider(
      spec(`bedrock:video:${model}`, {
        endpoint: server.url,
        s3Endpoint: server.url,
        s3OutputUri: 's3://my-bucket/reel-outputs',
        pollIntervalMs: 5,
        ...config,
      }),
      { rootDir: path.resolve('__tests__/fixtures/providers/video'), env: { ...CREDS, RUNNER_TEMP: runnerTemp } },
    );
  const scopeOf = (auth: unknown) =>
    /Credential=AKIDVIDEO\/\d{8}\/([\w-]+)\/(\w+)\/aws4_request/.exec(String(auth))?.slice(1);

  it('starts an async invoke, polls it, fetches output.mp4 from S3 (each request signed for its service)', async () => {
    server.reply(
      { body: { invocationArn: ARN } },
      { body: { status: 'InProgress' } },
      {
        body: {
          status: 'Completed',
          outputDataConfig: { s3OutputDataConfig: { s3Uri: 's3://my-bucket/reel-outputs/abc123' } },
        },
      },
      { headers: { 'content-type': 'video/mp4' }, body: 'REEL-MP4' },
    );
    const provider = await bedrock('amazon.nova-reel-v1:1', { region: 'us-east-1', durationSeconds: 6, seed: 3 });
    const response = await call(provider, 'A red panda reviewing documents');
    expect(response.error).toBeUndefined();
    expect((await videoFileOf(response.output)).toString()).toBe('REEL-MP4');
    const [start, poll1, poll2, download] = server.requests;
    expect(start).toMatchObject({ method: 'POST', path: '/async-invoke' });
    expect(start.body).toEqual({
      modelId: 'amazon.nova-reel-v1:1',
      modelInput: {
        taskType: 'TEXT_VIDEO',
        textToVideoParams: { text: 'A red panda reviewing documents' },
        videoGenerationConfig: { durationSeconds: 6, fps: 24, dimension: '1280x720', seed: 3 },
      },
      outputDataConfig: { s3OutputDataConfig: { s3Uri: 's3://my-bucket/reel-outputs' } },
    });
    expect(scopeOf(start.headers.authorization)).toEqual(['us-east-1', 'bedrock']);
    expect([poll1.method, poll1.path, poll2.path]).toEqual([
      'GET',
      `/async-invoke/${encodeURIComponent(ARN)}`,
      `/async-invoke/${encodeURIComponent(ARN)}`,
    ]);
    expect(scopeOf(poll1.headers.authorization)).toEqual(['us-east-1', 'bedrock']);
    expect(download).toMatchObject({ method: 'GET', path: '/my-bucket/reel-outputs/abc123/output.mp4' });
    expect(scopeOf(download.headers.authorization)).toEqual(['us-east-1', 's3']);
    expect(download.headers['x-amz-content-sha256']).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it("sends Luma Ray's input; with downloadFromS3: false the output names the S3 object", async () => {
    server.reply(
      { body: { invocationArn: ARN } },
      { body: { status: 'Completed', outputDataConfig: { s3OutputDataConfig: { s3Uri: 's3://b/luma/abc123/' } } } },
    );
    const provider = await bedrock('luma.ray-v2:0', {
      region: 'us-west-2',
      duration: '5s',
      resolution: '720p',
      aspectRatio: '16:9',
      downloadFromS3: false,
    });
    const response = await call(provider, 'A red panda typing');
    expect(response.output).toBe('[Video: A red panda typing](s3://b/luma/abc123/output.mp4)');
    expect(server.requests[0].body.modelInput).toEqual({
      prompt: 'A red panda typing',
      aspect_ratio: '16:9',
      duration: '5s',
      resolution: '720p',
    });
    expect(scopeOf(server.requests[0].headers.authorization)).toEqual(['us-west-2', 'bedrock']);
    expect(server.requests).toHaveLength(2);
  });

  it('a frame from the project goes as bytes; a failed job and a failed download are errors', async () => {
    server.reply(
      { body: { invocationArn: ARN } },
      { body: { status: 'Failed', failureMessage: 'ValidationException' } },
    );
    const failed = await call(await bedrock('amazon.nova-reel-v1:1', { image: 'file://start-frame.jpg' }), 'p');
    expect(failed.error).toMatch(/video job failed: ValidationException/);
    expect(server.requests[0].body.modelInput.textToVideoParams.images).toEqual([
      { format: 'jpeg', source: { bytes: Buffer.from('\xff\xd8\xffJPEGFRAME', 'latin1').toString('base64') } },
    ]);
    server.reply(
      { body: { invocationArn: ARN } },
      { body: { status: 'Completed', outputDataConfig: { s3OutputDataConfig: { s3Uri: 's3://b/x' } } } },
      { status: 403, body: '<Error><Code>AccessDenied</Code></Error>' },
    );
    expect((await call(await bedrock('amazon.nova-reel-v1:1'), 'p')).error).toMatch(/HTTP 403/);
  });

  it.each([
    ['amazon.nova-reel-v1:1', { s3OutputUri: undefined }, /needs config.s3OutputUri/],
    ['amazon.nova-reel-v1:1', { durationSeconds: 12 }, /TEXT_VIDEO makes 6 s videos only/],
    ['amazon.nova-reel-v1:1', { taskType: 'MULTI_SHOT_AUTOMATED' }, /multi-shot/],
    ['luma.ray-v2:0', { duration: '7s' }, /config.duration "7s" is not 5s or 9s/],
    ['luma.ray-v2:0', { startImage: 'file://a.png' }, /keyframes/],
    ['stability.video-v1', {}, /not a Bedrock video model promptgate knows/],
  ])('%s with %j is refused when the suite loads', async (model, config, message) => {
    await expect(bedrock(model, config)).rejects.toThrow(message);
  });
});
