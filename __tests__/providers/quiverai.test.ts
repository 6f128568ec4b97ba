// quiverai:<model> against a loopback server speaking QuiverAI's /svgs/generations: promptfoo's request keys,
// the SVG as the output.
import { credentialVariables, resolveProvider } from '../../src/providers/index.js';
import { startVendorServer, type VendorServer } from '../support/vendor-server.js';
import { call } from './helpers.js';

const KEY = 'qv-test-key-0123456789';
let server: VendorServer;
beforeEach(async () => {
  server = await startVendorServer();
});
afterEach(async () => {
  await server.close();
});
const quiver = (config: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = { QUIVERAI_API_KEY: KEY }) =>
  resolveProvider(
    { id: 'quiverai:arrow-preview', config: { apiBaseUrl: server.url, ...config } },
    { rootDir: '.', env },
  );

describe('quiverai:<model>', () => {
  it('posts the prompt with the configured keys and answers with the SVG', async () => {
    server.reply({
      body: { id: 'r1', data: [{ svg: '<svg>cat</svg>', mime_type: 'image/svg+xml' }], usage: { total_tokens: 0 } },
    });
    const provider = await quiver({
      max_output_tokens: 8192,
      instructions: 'Flat design',
      references: ['https://x.test/a.png'],
    });
    expect(await call(provider, 'Create a simple SVG icon of: a cat')).toEqual({
      output: '<svg>cat</svg>',
      tokenUsage: { total: 0, prompt: 0, completion: 0 },
    });
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/svgs/generations' });
    expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request.body).toEqual({
      model: 'arrow-preview',
      prompt: 'Create a simple SVG icon of: a cat',
      stream: false,
      max_output_tokens: 8192,
      instructions: 'Flat design',
      references: [{ url: 'https://x.test/a.png' }],
    });
  });

  it('several SVGs are joined by a blank line; no SVG and an HTTP error are errors', async () => {
    server.reply({ body: { data: [{ svg: '<svg>1</svg>' }, { svg: '<svg>2</svg>' }] } }, { body: { data: [] } });
    expect((await call(await quiver({ n: 2 }), 'p')).output).toBe('<svg>1</svg>\n\n<svg>2</svg>');
    expect((await call(await quiver(), 'p')).error).toMatch(/no SVG/);
    server.reply({ status: 401, body: { status: 401, code: 'unauthorized', message: 'bad key' } });
    expect((await call(await quiver(), 'p')).error).toMatch(/HTTP 401.*QUIVERAI_API_KEY/);
  });

  it('without a key, names the variable and sends nothing; vectorize is refused by name', async () => {
    expect((await call(await quiver({}, {}), 'p')).error).toMatch(/QUIVERAI_API_KEY/);
    expect(server.requests).toHaveLength(0);
    expect(credentialVariables({ id: 'quiverai:arrow-preview', config: {} })).toEqual(['QUIVERAI_API_KEY']);
    await expect(resolveProvider({ id: 'quiverai:vectorize:arrow-1.1', config: {} }, { rootDir: '.' })).rejects.toThrow(
      /vectorizes an image/,
    );
  });
});
