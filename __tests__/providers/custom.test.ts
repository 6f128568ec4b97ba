// file:// custom providers (promptfoo's contract) loaded from real fixture modules.
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../src/errors.js';
import { resolveProvider, resolveProviders } from '../../src/providers/index.js';
import { call } from './helpers.js';

const ROOT = path.resolve('__tests__/fixtures/providers/custom/root');

function custom(file: string, config: Record<string, unknown> = {}) {
  return resolveProvider(
    { id: `file://${file}`, config },
    { rootDir: ROOT, configFile: path.join(ROOT, 'promptgate.yaml') },
  );
}

describe('custom providers: export shapes', () => {
  it.each([
    [
      'a class constructed with {id, config}',
      'class-provider.mjs',
      { prefix: '> ' },
      { output: '> hi (topic=cats)', tokenUsage: { prompt: 3, completion: 5, total: 8 }, cost: 0.25 },
    ],
    ['a default-exported object with callApi', 'object-provider.mjs', {}, { output: 'HI' }],
    ['a CommonJS function (a bare string is the output)', 'function-provider.cjs', {}, { output: 'reversed: ih' }],
    ['a named callApi export', 'named-export-provider.js', {}, { output: { length: 2 } }],
    ['a module in a subdirectory', 'nested/deep-provider.mjs', {}, { output: 'deep:hi' }],
  ])('%s', async (_name, file, config, expected) => {
    const provider = await custom(file, config);
    expect(provider.id).toBe(`file://${file}`);
    expect(await call(provider, 'hi', { vars: { topic: 'cats' } })).toEqual(expected);
  });
});

describe('custom providers: failures', () => {
  it('a callApi that throws is a transient error (it is usually a network client)', async () => {
    const response = await call(await custom('throwing-provider.mjs'), 'x');
    expect(response).toEqual({
      error: 'file://throwing-provider.mjs: callApi threw: socket hang up while calling the upstream model',
      transient: true,
    });
  });

  it('a returned {error} keeps its transient flag and retryAfterMs, with config secrets redacted', async () => {
    const response = await call(await custom('error-provider.mjs', { apiKey: 'secret-key-42' }), 'x');
    expect(response).toEqual({
      error: 'file://error-provider.mjs: upstream said 503 for key [REDACTED]',
      transient: true,
      retryAfterMs: 1500,
    });
  });

  it('a return value that is neither text nor {output}/{error} is a non-transient error', async () => {
    const response = await call(await custom('bad-return-provider.mjs'), 'x');
    expect(response).toMatchObject({ transient: false });
    expect(response.error).toMatch(/callApi returned number; expected \{ output \} or \{ error \}/);
  });

  it('a provider that ignores the signal still ends the call when it aborts', async () => {
    const started = Date.now();
    const response = await call(await custom('hanging-provider.mjs'), 'x', { signal: AbortSignal.timeout(100) });
    expect(response).toEqual({ error: 'file://hanging-provider.mjs: timed out (aborted)', transient: true });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('custom providers: config errors', () => {
  it.each([
    ['a path outside the suite directory', '../outside-provider.mjs', /outside the suite's directory/],
    ['a missing file', 'missing.mjs', /no such file .*missing\.mjs/],
    [
      'a file that is not JavaScript',
      'package.json',
      /expected a JavaScript or TypeScript module ending in \.mjs, \.js, \.cjs, \.ts, \.mts or \.cts/,
    ],
    ['a module that exports no callApi', 'no-callapi.mjs', /exports no callApi; expected `export default class/],
    [
      'a module that fails to load',
      'load-error-provider.mjs',
      /loading .*load-error-provider\.mjs failed: Cannot find package "left-pad"/,
    ],
  ])('%s is a ConfigError located at the config file and key', async (_name, file, message) => {
    const attempt = resolveProviders(
      [
        { id: 'echo', config: {} },
        { id: `file://${file}`, config: {} },
      ],
      { rootDir: ROOT, configFile: path.join(ROOT, 'promptgate.yaml') },
    );
    await expect(attempt).rejects.toThrow(ConfigError);
    await expect(attempt).rejects.toThrow(message);
    await expect(attempt).rejects.toThrow(/promptgate\.yaml: providers\[1\]: provider "file:\/\//);
  });
});

describe('custom providers: cache identity', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'promptgate-custom-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('changes when the module file is edited, and never contains the config secrets', async () => {
    await copyFile(path.join(ROOT, 'object-provider.mjs'), path.join(dir, 'p.mjs'));
    const spec = { id: 'file://p.mjs', config: { apiKey: 'secret-key-42', model: 'm1' } };
    const before = (await resolveProvider(spec, { rootDir: dir })).cacheIdentity;
    const again = (await resolveProvider(spec, { rootDir: dir })).cacheIdentity;
    await writeFile(
      path.join(dir, 'p.mjs'),
      'export default { callApi: async (p) => ({ output: p.toLowerCase() }) };\n',
    );
    const after = (await resolveProvider(spec, { rootDir: dir })).cacheIdentity;

    // (Reloading the edited module is Node's job — the import URL carries the hash — but jest's module
    // registry ignores query strings, so only the identity is asserted here.)
    expect(again).toBe(before);
    expect(after).not.toBe(before);
    expect(before).toContain('"model":"m1"');
    expect(before).not.toContain('secret-key-42');
  });
});

describe('package:<name>:<export> (promptfoo: a provider exported by an npm package)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pg-package-'));
    const pkg = path.join(dir, 'node_modules', 'testpackage');
    await mkdir(pkg, { recursive: true });
    await writeFile(path.join(pkg, 'package.json'), JSON.stringify({ name: 'testpackage', main: './main.js' }));
    // promptfoo's own example package: a CommonJS module exporting a provider class by name.
    await writeFile(
      path.join(pkg, 'main.js'),
      'module.exports = { Provider: class { constructor(o) { this.o = o; } callApi(prompt) { return { output: `Echo: ${prompt} (${this.o.config.tone})` }; } } };\n',
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const resolvePackage = (id: string) =>
    resolveProvider(
      { id, config: { tone: 'dry' } },
      { rootDir: dir, configFile: path.join(dir, 'promptfooconfig.yaml') },
    );

  it("constructs the package's named export with {id, config} and calls it", async () => {
    const provider = await resolvePackage('package:testpackage:Provider');
    expect(await call(provider, 'bananas')).toEqual({ output: 'Echo: bananas (dry)' });
  });

  it.each([
    ['package:testpackage:Missing', /promptfooconfig\.yaml.*has no export named "Missing"/],
    ['package:not-installed:Provider', /cannot find package 'not-installed'.*install it next to the suite/],
    ['package:testpackage', /names no package and export; write it as package:<name>:<export>/],
  ])('%s is a located error', async (id, message) => {
    await expect(resolvePackage(id)).rejects.toThrow(message);
  });
});
