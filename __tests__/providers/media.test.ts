// Image providers that are not OpenAI's: google:image (Imagen's predict), fal:image, modelslab:image, against a loopback
// server speaking its wire format — request shape asserted, replies and errors as Google documents them.
import { requiredCredentials, resolveProvider } from '../../src/providers/index.js';
import type { ProviderSpec } from '../../src/types.js';
import { startVendorServer, type VendorServer } from '../support/vendor-server.js';
import { call } from './helpers.js';

const GOOGLE_KEY = 'AIzaSy-imagen-key-0123456789';
const spec = (id: string, config: Record<string, unknown> = {}): ProviderSpec => ({ id, config });
let server: VendorServer;
beforeEach(async () => {
  server = await startVendorServer();
});
afterEach(async () => {
  await server.close();
});

describe('google:image:<model> (Imagen on the Gemini API)', () => {
  const imagen = (
    model: string,
    config: Record<string, unknown> = {},
    env: NodeJS.ProcessEnv = { GEMINI_API_KEY: GOOGLE_KEY },
  ) => resolveProvider(spec(`google:image:${model}`, { apiBaseUrl: server.url, ...config }), { rootDir: '.', env });

  it("predicts with promptfoo's parameters and answers with the first image as a data URI, priced per image", async () => {
    server.reply({
      body: {
        predictions: [
          { mimeType: 'image/png', bytesBase64Encoded: 'iVBORw0KGgoAAAANSUhEUg==' },
          { mimeType: 'image/png', bytesBase64Encoded: 'iVBORw0KGgoSECOND==' },
        ],
      },
    });
    const provider = await imagen('imagen-4.0-ultra-generate-preview-06-06', { aspectRatio: '16:9', n: 2 });
    expect(await call(provider, '  A robot painting a sunset  ')).toEqual({
      output: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==',
      cost: 0.12,
    });
    const [request] = server.requests;
    expect(request.path).toBe('/v1beta/models/imagen-4.0-ultra-generate-preview-06-06:predict');
    expect(request.headers['x-goog-api-key']).toBe(GOOGLE_KEY);
    expect(request.body).toEqual({
      instances: [{ prompt: 'A robot painting a sunset' }],
      parameters: {
        sampleCount: 2,
        aspectRatio: '16:9',
        personGeneration: 'allow_all',
        safetySetting: 'block_low_and_above',
      },
    });
  });

  it('a model named without imagen- gets the prefix; Vertex-style {image} predictions are read too', async () => {
    server.reply({ body: { predictions: [{ image: { bytesBase64Encoded: 'AAAA', mimeType: 'image/jpeg' } }] } });
    const provider = await imagen('3.0-generate-002');
    expect(await call(provider, 'a cat')).toEqual({ output: 'data:image/jpeg;base64,AAAA', cost: 0.04 });
    expect(server.requests[0].path).toBe('/v1beta/models/imagen-3.0-generate-002:predict');
  });

  it('an empty prediction list (the safety filter) is an error, a 429 is transient, a 400 is not', async () => {
    const provider = await imagen('imagen-3.0-generate-002');
    server.reply(
      { body: {} },
      {
        status: 429,
        headers: { 'retry-after': '2' },
        body: { error: { code: 429, message: 'Resource has been exhausted.', status: 'RESOURCE_EXHAUSTED' } },
      },
      { status: 400, body: { error: { code: 400, message: 'Invalid aspect ratio.', status: 'INVALID_ARGUMENT' } } },
    );
    expect(await call(provider, 'x')).toMatchObject({
      error: expect.stringMatching(/no image was generated/),
      transient: false,
    });
    expect(await call(provider, 'x')).toMatchObject({ transient: true, retryAfterMs: 2000 });
    expect(await call(provider, 'x')).toMatchObject({
      transient: false,
      error: expect.stringMatching(/HTTP 400.*Invalid aspect ratio/),
    });
  });

  it('needs GOOGLE_API_KEY or GEMINI_API_KEY before any call', async () => {
    const provider = await imagen('imagen-3.0-generate-002', {}, {});
    expect((await call(provider, 'x')).error).toMatch(/GOOGLE_API_KEY or GEMINI_API_KEY is not set/);
    expect(server.requests).toHaveLength(0);
    expect(requiredCredentials(spec('google:image:imagen-3.0-generate-002'), {})).toEqual([
      'GOOGLE_API_KEY or GEMINI_API_KEY',
    ]);
  });

  it("with projectId it is Imagen on Vertex AI: the project's predict, its safety level, seed without watermark", async () => {
    server.reply({ body: { predictions: [{ bytesBase64Encoded: 'VERTEX', mimeType: 'image/png' }] } });
    const config = {
      apiBaseUrl: server.url,
      apiKey: 'vertex-express-key-0123',
      projectId: 'my-project',
      region: 'us-central1',
      safetyFilterLevel: 'block_some',
      seed: 42,
      addWatermark: false,
    };
    const provider = await resolveProvider(spec('google:image:imagen-4.0-generate-preview-06-06', config), {
      rootDir: '.',
      env: {},
    });
    expect(await call(provider, 'a lighthouse')).toEqual({ output: 'data:image/png;base64,VERTEX', cost: 0.04 });
    const [request] = server.requests;
    expect(request.path).toBe(
      '/v1/projects/my-project/locations/us-central1/publishers/google/models/imagen-4.0-generate-preview-06-06:predict',
    );
    expect(request.body.parameters).toEqual({
      sampleCount: 1,
      aspectRatio: '1:1',
      personGeneration: 'allow_all',
      safetySetting: 'block_some',
      addWatermark: false,
      seed: 42,
    });
    // Google Cloud credentials, not a Gemini API key.
    expect(requiredCredentials(spec('google:image:imagen-3.0-generate-002', { projectId: 'p' }), {})).not.toContain(
      'GOOGLE_API_KEY or GEMINI_API_KEY',
    );
  });
});

describe('fal:image:<model> and modelslab:image:<model>', () => {
  it("fal: posts the prompt and the model's inputs to fal.run/<model> with Key auth; the output is a markdown image", async () => {
    server.reply({
      body: { images: [{ url: 'https://fal.media/files/cat.png', width: 1024, height: 768 }], seed: 42 },
    });
    const provider = await resolveProvider(
      spec('fal:image:fal-ai/flux/dev', {
        apiBaseUrl: server.url,
        seed: 42,
        num_inference_steps: 28,
        image_size: 'landscape_4_3',
      }),
      { rootDir: '.', env: { FAL_KEY: 'fal-key-0123' } },
    );
    expect(await call(provider, 'A [cat] in space')).toEqual({
      output: '![A (cat) in space](https://fal.media/files/cat.png)',
    });
    const [request] = server.requests;
    expect(request.path).toBe('/fal-ai/flux/dev');
    expect(request.headers.authorization).toBe('Key fal-key-0123');
    expect(request.body).toEqual({
      prompt: 'A [cat] in space',
      seed: 42,
      num_inference_steps: 28,
      image_size: 'landscape_4_3',
    });
    expect(requiredCredentials(spec('fal:image:fal-ai/flux/dev'), {})).toEqual(['FAL_KEY']);
  });

  it('modelslab: the key goes in the body; a processing image is polled at /images/fetch/<id>; status error is an error', async () => {
    server.reply(
      { body: { status: 'processing', id: 77, request_id: 'req-77', eta: 1, fetch_result: 'x', output: null } },
      { body: { status: 'success', id: 77, output: ['https://cdn.modelslab.com/77.png'] } },
      { body: { status: 'error', message: 'Invalid model_id' } },
    );
    const provider = await resolveProvider(
      spec('modelslab:image:flux', { apiBaseUrl: server.url, width: 1024, height: 1024 }),
      {
        rootDir: '.',
        env: { MODELSLAB_API_KEY: 'ml-key-0123' },
      },
    );
    expect(await call(provider, 'a lighthouse')).toEqual({
      output: '![a lighthouse](https://cdn.modelslab.com/77.png)',
    });
    expect(server.requests[0].path).toBe('/images/text2img');
    expect(server.requests[0].body).toMatchObject({
      key: 'ml-key-0123',
      model_id: 'flux',
      prompt: 'a lighthouse',
      width: 1024,
      samples: 1,
    });
    expect(server.requests[1]).toMatchObject({ path: '/images/fetch/req-77', body: { key: 'ml-key-0123' } });
    const failed = await call(provider, 'x');
    expect(failed).toMatchObject({ transient: false, error: expect.stringMatching(/ModelsLab: Invalid model_id/) });
    expect(failed.error).not.toContain('ml-key-0123');
  });
});
