// promptfoo's generic `http` provider (and bare URL ids) against a loopback app endpoint, and the Python
// provider (`file://provider.py`) run through python3 with promptfoo's call_api contract.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveProvider } from '../../src/providers/index.js';
import type { ProviderSpec } from '../../src/types.js';
import { startVendorServer, type VendorServer } from '../support/vendor-server.js';
import { call } from './helpers.js';

const spec = (id: string, config: Record<string, unknown> = {}): ProviderSpec => ({ id, config });
let server: VendorServer;
let dir: string;
beforeEach(async () => {
  server = await startVendorServer();
  dir = await mkdtemp(path.join(os.tmpdir(), 'http-python-'));
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('http provider', () => {
  it('renders url, headers and body from the prompt and vars; transformResponse picks the answer', async () => {
    server.reply({ body: { reply: { text: 'Hi Ada' }, usage: { tokens: 3 } } });
    process.env.APP_TOKEN_FOR_TEST = 'app-token-0123456789';
    try {
      const provider = await resolveProvider(
        spec('http', {
          url: `${server.url}/chat/{{ tenant }}`,
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: 'Bearer {{ env.APP_TOKEN_FOR_TEST }}' },
          body: { message: '{{ prompt }}', user: { name: '{{ name }}' }, stream: false },
          queryParams: { lang: '{{ lang }}' },
          transformResponse: 'json.reply.text',
        }),
        { rootDir: dir },
      );
      const response = await call(provider, 'Say hi to "Ada"', { vars: { tenant: 'acme', name: 'Ada', lang: 'en' } });
      expect(response).toEqual({ output: 'Hi Ada' });
      const [request] = server.requests;
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/chat/acme');
      expect(request.query).toEqual({ lang: 'en' });
      expect(request.headers.authorization).toBe('Bearer app-token-0123456789');
      expect(request.body).toEqual({ message: 'Say hi to "Ada"', user: { name: 'Ada' }, stream: false });
    } finally {
      delete process.env.APP_TOKEN_FOR_TEST;
    }
  });

  it('a bare URL id is the endpoint; a transform may be a function over (json, text) or a file, and may return {output, tokenUsage}', async () => {
    await writeFile(
      path.join(dir, 'transform.mjs'),
      'export function parse(json, text, context) { return { output: json.answer + "!", tokenUsage: { total: json.n } }; }\n',
    );
    server.reply({ body: 'plain text answer' }, { body: { answer: 'from file', n: 9 } });
    const inline = await resolveProvider(
      spec(`${server.url}/generate`, { transformResponse: '(json, text) => text.toUpperCase()' }),
      { rootDir: dir },
    );
    expect(await call(inline, 'q')).toEqual({ output: 'PLAIN TEXT ANSWER' });
    expect(server.requests[0].body).toEqual({ prompt: 'q' });
    const fromFile = await resolveProvider(
      spec(`${server.url}/generate`, { transformResponse: 'file://transform.mjs:parse' }),
      {
        rootDir: dir,
      },
    );
    expect(await call(fromFile, 'q')).toEqual({ output: 'from file!', tokenUsage: { total: 9 } });
  });

  it('GET sends no body; a string body is sent as written', async () => {
    server.reply({ body: { ok: 1 } }, { body: { ok: 2 } });
    const get = await resolveProvider(
      spec('http', { url: `${server.url}/search?q={{ prompt | urlencode }}`, method: 'GET' }),
      {
        rootDir: dir,
      },
    );
    expect(await call(get, 'a b')).toEqual({ output: { ok: 1 } });
    expect(server.requests[0]).toMatchObject({ method: 'GET', raw: '', query: { q: 'a b' } });
    const text = await resolveProvider(
      spec('http', { url: server.url, headers: { 'content-type': 'text/plain' }, body: 'Question: {{ prompt }}' }),
      { rootDir: dir },
    );
    await call(text, 'why?');
    expect(server.requests[1].raw).toBe('Question: why?');
    expect(server.requests[1].headers['content-type']).toBe('text/plain');
  });

  it('sessionParser keeps the session id the server returned and offers it to the next request', async () => {
    server.reply({ headers: { 'x-session-id': 'sess-42' }, body: { text: 'first' } }, { body: { text: 'second' } });
    const provider = await resolveProvider(
      spec('http', {
        url: server.url,
        headers: { 'x-session-id': '{{ sessionId }}' },
        body: { message: '{{ prompt }}' },
        sessionParser: "data.headers['x-session-id']",
        transformResponse: 'json.text',
      }),
      { rootDir: dir },
    );
    await call(provider, 'one');
    expect(await call(provider, 'two')).toEqual({ output: 'second' });
    expect(server.requests[1].headers['x-session-id']).toBe('sess-42');
  });

  it('signatureAuth signs the rendered data template with the PEM key; the server can verify it', async () => {
    const { generateKeyPairSync, createVerify } = await import('node:crypto');
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await writeFile(path.join(dir, 'private_key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    server.reply({ body: { ok: true } });
    const provider = await resolveProvider(
      spec('http', {
        url: server.url,
        headers: { timestamp: '{{signatureTimestamp}}', signature: '{{signature}}' },
        signatureAuth: {
          privateKeyPath: './private_key.pem',
          signatureDataTemplate: 'promptfoo-app{{signatureTimestamp}}',
          signatureAlgorithm: 'SHA256',
        },
      }),
      { rootDir: dir },
    );
    await call(provider, 'x');
    const { timestamp, signature } = server.requests[0].headers as Record<string, string>;
    expect(Math.abs(Date.now() - Number(timestamp))).toBeLessThan(60_000);
    expect(createVerify('SHA256').update(`promptfoo-app${timestamp}`).verify(publicKey, signature, 'base64')).toBe(
      true,
    );
  });

  it('tls: a CA of its own verifies the server; without it the certificate is refused', async () => {
    const tlsDir = fileURLToPath(new URL('../fixtures/providers/tls/', import.meta.url));
    const secure = https.createServer(
      {
        cert: await readFile(path.join(tlsDir, 'server-cert.pem')),
        key: await readFile(path.join(tlsDir, 'server-key.pem')),
      },
      (req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ secure: true }));
      },
    );
    await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(secure.address() as AddressInfo).port}/chat`;
    try {
      const trusted = await resolveProvider(
        spec('http', { url, tls: { caPath: 'ca-cert.pem', rejectUnauthorized: true } }),
        {
          rootDir: tlsDir,
        },
      );
      expect(await call(trusted, 'x')).toEqual({ output: { secure: true } });
      const untrusted = await resolveProvider(spec('http', { url }), { rootDir: tlsDir });
      expect((await call(untrusted, 'x')).error).toMatch(
        /network error (UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT)/,
      );
      await expect(
        resolveProvider(spec('http', { url, tls: { caPath: 'absent.pem' } }), { rootDir: tlsDir }),
      ).rejects.toThrow(/config\.tls\.caPath: cannot read/);
      await expect(
        resolveProvider(spec('http', { url, tls: { jksPath: 'k.jks' } }), { rootDir: tlsDir }),
      ).rejects.toThrow(/config\.tls\.jksPath: not a TLS option/);
    } finally {
      secure.closeAllConnections();
      await new Promise((resolve) => secure.close(resolve));
    }
  });

  it('429 is retried with its retry-after, 401 is an error without the token, a throwing transform is an error', async () => {
    server.reply(
      { status: 429, headers: { 'retry-after': '1' }, body: { error: 'slow down' } },
      { status: 401, body: { error: 'bad token secret-header-token-123' } },
      { body: { nope: true } },
    );
    const provider = await resolveProvider(
      spec('http', {
        url: server.url,
        headers: { Authorization: 'secret-header-token-123' },
        transformResponse: 'json.a.b',
      }),
      { rootDir: dir },
    );
    expect(await call(provider, 'x')).toMatchObject({ transient: true, retryAfterMs: 1000 });
    const denied = await call(provider, 'x');
    expect(denied).toMatchObject({ transient: false });
    expect(denied.error).not.toContain('secret-header-token-123');
    expect(await call(provider, 'x')).toMatchObject({
      transient: false,
      error: expect.stringContaining('transformResponse threw'),
    });
  });

  it.each([
    [{}, /config\.url is required/],
    [{ url: 'http://x', request: 'POST / HTTP/1.1' }, /config\.request: a raw HTTP request text is not supported/],
    [{ url: 'http://x', transformResponse: 'json.(' }, /config\.transformResponse:/],
    [{ url: 'http://x', auth: { type: 'oauth' } }, /config\.auth\.tokenUrl: the OAuth token endpoint is required/],
    [{ url: 'http://x', auth: { type: 'digest' } }, /config\.auth: only \{type: bearer.*\{type: oauth/],
  ])('refuses %j with a located error', async (config, message) => {
    await expect(
      resolveProvider(spec('http', config), { rootDir: dir, configFile: 'suite.yaml', key: 'providers[0]' }),
    ).rejects.toThrow(message);
  });
});

describe('python provider', () => {
  it('calls call_api(prompt, options, context) and reads its dict; stdout prints do not interfere', async () => {
    await writeFile(
      path.join(dir, 'provider.py'),
      [
        'import json',
        'def call_api(prompt, options, context):',
        '    print("debug output on stdout")',
        "    return {\"output\": f\"{options['config']['prefix']}{prompt} for {context['vars']['who']}\",",
        '            "tokenUsage": {"prompt": 2, "completion": 3, "total": 5}, "cost": 0.001}',
      ].join('\n'),
    );
    const provider = await resolveProvider(spec('file://provider.py', { prefix: '>> ' }), {
      rootDir: dir,
      env: process.env,
    });
    expect(await call(provider, 'hello', { vars: { who: 'Bo' } })).toEqual({
      output: '>> hello for Bo',
      tokenUsage: { prompt: 2, completion: 3, total: 5 },
      cost: 0.001,
    });
  });

  it('calls a named async function; python:file.py works too', async () => {
    await writeFile(
      path.join(dir, 'agent.py'),
      'import asyncio\nasync def answer(prompt, options, context):\n    await asyncio.sleep(0)\n    return {"output": prompt[::-1]}\n',
    );
    const named = await resolveProvider(spec('file://agent.py:answer'), { rootDir: dir, env: process.env });
    expect(await call(named, 'abc')).toEqual({ output: 'cba' });
    await writeFile(path.join(dir, 'p.py'), 'def call_api(prompt, options, context):\n    return {"output": "ok"}\n');
    expect(await call(await resolveProvider(spec('python:p.py'), { rootDir: dir, env: process.env }), 'x')).toEqual({
      output: 'ok',
    });
  });

  it('an exception is a transient error with its type; a returned error is an error; a missing function is named', async () => {
    await writeFile(
      path.join(dir, 'bad.py'),
      'def call_api(prompt, options, context):\n    raise ConnectionError("upstream reset")\n' +
        'def refuse(prompt, options, context):\n    return {"error": "quota exceeded"}\n',
    );
    const raising = await resolveProvider(spec('file://bad.py'), { rootDir: dir, env: process.env });
    expect(await call(raising, 'x')).toMatchObject({
      transient: true,
      error: expect.stringContaining('ConnectionError: upstream reset'),
    });
    const refusing = await resolveProvider(spec('file://bad.py:refuse'), { rootDir: dir, env: process.env });
    expect(await call(refusing, 'x')).toMatchObject({
      error: 'file://bad.py:refuse: quota exceeded',
      transient: false,
    });
    const missing = await resolveProvider(spec('file://bad.py:nope'), { rootDir: dir, env: process.env });
    expect(await call(missing, 'x')).toMatchObject({
      transient: false,
      error: expect.stringContaining('defines no function nope'),
    });
  });

  it('is killed when the engine times the call out', async () => {
    await writeFile(
      path.join(dir, 'slow.py'),
      'import time\ndef call_api(prompt, options, context):\n    time.sleep(30)\n',
    );
    const provider = await resolveProvider(spec('file://slow.py'), { rootDir: dir, env: process.env });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    expect(await call(provider, 'x', { signal: controller.signal })).toMatchObject({
      transient: true,
      error: expect.stringContaining('timed out'),
    });
  });

  it('a missing file or an interpreter that is not there is a clear error', async () => {
    await expect(
      resolveProvider(spec('file://absent.py'), { rootDir: dir, env: process.env, configFile: 's.yaml' }),
    ).rejects.toThrow(/no such file/);
    await writeFile(path.join(dir, 'p.py'), 'def call_api(p, o, c):\n    return {"output": 1}\n');
    const provider = await resolveProvider(spec('file://p.py', { pythonExecutable: 'python-does-not-exist-3' }), {
      rootDir: dir,
      env: process.env,
    });
    expect(await call(provider, 'x')).toMatchObject({
      transient: false,
      error: expect.stringContaining('python-does-not-exist-3 was not found'),
    });
  });
});
