// The http provider's `signatureAuth` (promptfoo's request signing) against a loopback app endpoint: every key
// form promptfoo takes (PEM text, file, base64 or env; PKCS#12 files, modern, legacy-encrypted and EC, or a
// cert and key pair; Java keystores) signs the data template, and the server verifies the received signature
// with the key's public half. Fixtures in fixtures/providers/signature were made with openssl and keytool
// (PFX password `pfx-pass`; JKS store password `jks-pass`, key password `key-pass`, alias `client`).
import { createVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { credentialVariables, requiredCredentials, resolveProvider, secretValues } from '../../src/providers/index.js';
import type { ProviderSpec } from '../../src/types.js';
import { startVendorServer, type VendorServer } from '../support/vendor-server.js';
import { call } from './helpers.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/providers/signature');
const base64 = (file: string) => readFileSync(path.join(fixtures, file)).toString('base64');
const rsaPublic = readFileSync(path.join(fixtures, 'client-public.pem'), 'utf8');
const ecPublic = readFileSync(path.join(fixtures, 'ec-public.pem'), 'utf8');
const pemKey = readFileSync(path.join(fixtures, 'client-key.pem'), 'utf8');

let server: VendorServer;
beforeEach(async () => {
  server = await startVendorServer();
});
afterEach(async () => {
  await server.close();
});

function signed(signatureAuth: Record<string, unknown>): ProviderSpec {
  return {
    id: 'http',
    config: {
      url: server.url,
      body: { prompt: '{{ prompt }}' },
      headers: { 'x-timestamp': '{{signatureTimestamp}}', 'x-signature': '{{signature}}' },
      transformResponse: 'json.ok',
      signatureAuth: { signatureDataTemplate: 'app:{{signatureTimestamp}}', ...signatureAuth },
    },
  };
}

function received(index = 0): { timestamp: string; signature: string } {
  const headers = server.requests[index].headers as Record<string, string>;
  return { timestamp: headers['x-timestamp'], signature: headers['x-signature'] };
}

async function withEnv<T>(vars: Record<string, string>, run: () => Promise<T>): Promise<T> {
  Object.assign(process.env, vars);
  try {
    return await run();
  } finally {
    for (const name of Object.keys(vars)) delete process.env[name];
  }
}

describe('http signatureAuth key forms', () => {
  it.each<[string, Record<string, unknown>, Record<string, string>, string]>([
    ['a PEM file', { type: 'pem', privateKeyPath: 'client-key.pem' }, {}, rsaPublic],
    ['a PEM key written in the config, without a type', { privateKey: pemKey }, {}, rsaPublic],
    [
      'a base64 PEM read from an env variable',
      { type: 'pem', privateKey: '{{ env.SIGNING_KEY_FOR_TEST }}' },
      { SIGNING_KEY_FOR_TEST: Buffer.from(pemKey).toString('base64') },
      rsaPublic,
    ],
    [
      "promptfoo's web UI form (enabled, certificateType, keyInputType beside a base64 key from env)",
      {
        enabled: true,
        certificateType: 'pem',
        keyInputType: 'base64',
        type: 'pem',
        privateKey: '{{env.SIGNING_KEY_FOR_TEST}}',
        signatureValidityMs: 900000,
      },
      { SIGNING_KEY_FOR_TEST: Buffer.from(pemKey).toString('base64') },
      rsaPublic,
    ],
    [
      "an uploaded PEM (promptfoo's certificateContent, typed by its file name)",
      { certificateContent: Buffer.from(pemKey).toString('base64'), certificateFilename: 'key.pem' },
      {},
      rsaPublic,
    ],
    ['a PKCS#12 file', { type: 'pfx', pfxPath: 'client.pfx', pfxPassword: 'pfx-pass' }, {}, rsaPublic],
    [
      'a legacy (RC2/3DES) PKCS#12 file, with the password from PROMPTFOO_PFX_PASSWORD',
      { type: 'pfx', pfxPath: 'client-legacy.pfx' },
      { PROMPTFOO_PFX_PASSWORD: 'pfx-pass' },
      rsaPublic,
    ],
    [
      'base64 PKCS#12 content',
      { type: 'pfx', pfxContent: base64('client.pfx'), pfxPassword: 'pfx-pass' },
      {},
      rsaPublic,
    ],
    ['an EC key in a PKCS#12 file', { type: 'pfx', pfxPath: 'ec.pfx', pfxPassword: 'pfx-pass' }, {}, ecPublic],
    [
      'a cert and key file pair',
      { type: 'pfx', certPath: 'client-cert.pem', keyPath: 'client-key.pem' },
      {},
      rsaPublic,
    ],
    [
      'base64 cert and key content',
      { type: 'pfx', certContent: base64('client-cert.pem'), keyContent: base64('client-key.pem') },
      {},
      rsaPublic,
    ],
    [
      'a Java keystore with an alias and a key password',
      {
        type: 'jks',
        keystorePath: 'client.jks',
        keystorePassword: 'jks-pass',
        keyAlias: 'client',
        keyPassword: 'key-pass',
      },
      {},
      rsaPublic,
    ],
    [
      'an uploaded Java keystore (certificateContent and certificatePassword, typed by its file name)',
      {
        certificateContent: base64('client.jks'),
        certificateFilename: 'client.jks',
        certificatePassword: 'jks-pass',
        keyPassword: 'key-pass',
      },
      {},
      rsaPublic,
    ],
  ])('signs with %s; the server verifies the signature with the public key', async (_, auth, env, publicKey) => {
    server.reply({ body: { ok: 'yes' } });
    const response = await withEnv(env, async () => {
      const provider = await resolveProvider(signed(auth), { rootDir: fixtures });
      return call(provider, 'hello');
    });
    expect(response).toEqual({ output: 'yes' });
    const { timestamp, signature } = received();
    expect(Math.abs(Date.now() - Number(timestamp))).toBeLessThan(60_000);
    expect(createVerify('SHA256').update(`app:${timestamp}`).verify(publicKey, signature, 'base64')).toBe(true);
    // The control: the same signature does not verify other data, nor under the other key.
    expect(
      createVerify('SHA256')
        .update(`app:${Number(timestamp) + 1}`)
        .verify(publicKey, signature, 'base64'),
    ).toBe(false);
    const other = publicKey === rsaPublic ? ecPublic : rsaPublic;
    expect(createVerify('SHA256').update(`app:${timestamp}`).verify(other, signature, 'base64')).toBe(false);
  });

  it('signatureAlgorithm and a written \\n in the data template are used as promptfoo uses them', async () => {
    server.reply({ body: { ok: 'yes' } });
    const provider = await resolveProvider(
      signed({
        privateKeyPath: 'client-key.pem',
        signatureAlgorithm: 'SHA512',
        signatureDataTemplate: 'app\\n{{signatureTimestamp}}',
      }),
      { rootDir: fixtures },
    );
    await call(provider, 'x');
    const { timestamp, signature } = received();
    expect(createVerify('SHA512').update(`app\n${timestamp}`).verify(rsaPublic, signature, 'base64')).toBe(true);
    expect(createVerify('SHA256').update(`app\n${timestamp}`).verify(rsaPublic, signature, 'base64')).toBe(false);
  });

  it('one signature serves every call while it is valid, as in promptfoo; signatureValidityMs 0 signs each call', async () => {
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
    server.reply({ body: { ok: 'a' } }, { body: { ok: 'b' } }, { body: { ok: 'c' } }, { body: { ok: 'd' } });
    const reused = await resolveProvider(signed({ privateKeyPath: 'client-key.pem' }), { rootDir: fixtures });
    await call(reused, 'one');
    await pause();
    await call(reused, 'two');
    expect(received(1)).toEqual(received(0));
    const fresh = await resolveProvider(signed({ privateKeyPath: 'client-key.pem', signatureValidityMs: 0 }), {
      rootDir: fixtures,
    });
    await call(fresh, 'three');
    await pause();
    await call(fresh, 'four');
    expect(received(3).timestamp).not.toBe(received(2).timestamp);
    expect(received(3).signature).not.toBe(received(2).signature);
  });
});

describe('http signatureAuth errors', () => {
  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      'a wrong PKCS#12 password',
      { type: 'pfx', pfxPath: 'client.pfx', pfxPassword: 'nope' },
      /cannot open the PFX file/,
    ],
    [
      'a wrong keystore password',
      { type: 'jks', keystorePath: 'client.jks', keystorePassword: 'nope' },
      /cannot open the JKS keystore/,
    ],
    [
      'an alias the keystore lacks',
      { type: 'jks', keystorePath: 'client.jks', keystorePassword: 'jks-pass', keyPassword: 'key-pass', keyAlias: 'x' },
      /no alias 'x' in the JKS keystore \(it has client\)/,
    ],
    [
      'a keystore without a password',
      { type: 'jks', keystorePath: 'client.jks' },
      /keystorePassword: the JKS password is required; .*PROMPTFOO_JKS_PASSWORD/,
    ],
    [
      'a key file that is absent',
      { type: 'pem', privateKeyPath: 'absent.pem' },
      /privateKeyPath: cannot read .*absent\.pem/,
    ],
    ['a key that is not PEM', { type: 'pem', privateKey: 'bm90IGEga2V5' }, /privateKey: not a PEM private key/],
    [
      'a certificate file that is absent',
      { type: 'pfx', certPath: 'absent.pem', keyPath: 'client-key.pem' },
      /certPath: cannot read/,
    ],
  ])('%s makes each call an error (not a fail), without a request', async (_, auth, message) => {
    const provider = await resolveProvider(signed(auth), { rootDir: fixtures });
    const response = await call(provider, 'x');
    expect(response).toMatchObject({ transient: false, error: expect.stringMatching(message) });
    expect(response.error).toContain('signing the request');
    expect(response.output).toBeUndefined();
    expect(server.requests).toHaveLength(0);
  });

  it.each<[Record<string, unknown>, RegExp]>([
    [{ type: 'der', privateKey: 'x' }, /config\.signatureAuth\.type: expected pem, jks or pfx \(got der\)/],
    [{ privateKeyFile: 'k.pem' }, /config\.signatureAuth\.privateKeyFile: not a signatureAuth setting/],
    [{ type: 'jks', keyAlias: 'client' }, /config\.signatureAuth: type jks needs keystorePath or keystoreContent/],
    [{ type: 'pfx', certPath: 'client-cert.pem' }, /config\.signatureAuth: type pfx needs pfxPath or pfxContent/],
    [{ type: 'pem' }, /config\.signatureAuth: type pem needs privateKeyPath or privateKey/],
    [{ certificatePassword: 'x' }, /config\.signatureAuth: set type \(pem, jks or pfx\)/],
    [{ privateKeyPath: 'client-key.pem', signatureValidityMs: '5m' }, /signatureValidityMs: expected a number/],
    [{ enabled: false, privateKeyPath: 'client-key.pem' }, /signatureAuth\.enabled: promptfoo signs whenever/],
    [
      { certificateType: 'jks', privateKeyPath: 'client-key.pem' },
      /signatureAuth\.certificateType: "jks" disagrees with the key settings, which are pem/,
    ],
    [{ keyInputType: 'paste', privateKeyPath: 'client-key.pem' }, /signatureAuth\.keyInputType: expected upload/],
    ['key.pem' as unknown as Record<string, unknown>, /config\.signatureAuth: expected an object/],
  ])('refuses %j with a located error', async (auth, message) => {
    const spec = signed({});
    spec.config.signatureAuth = auth;
    const built = resolveProvider(spec, { rootDir: fixtures, configFile: 'suite.yaml', key: 'providers[0]' });
    await expect(built).rejects.toThrow(message);
    await expect(built).rejects.toThrow(/suite\.yaml.*providers\[0\]/s);
  });
});

describe('http signatureAuth credentials', () => {
  it('a key read from env is a needed, masked credential the workflow must pass; a keystore password falls back to promptfoo’s variable', () => {
    const fromEnv = signed({ privateKey: '{{ env.SIGNING_KEY_FOR_TEST }}' });
    fromEnv.config.headers = {
      authorization: 'Bearer {{ env.APP_TOKEN_FOR_TEST }}',
      'x-run': '{{ env.GITHUB_RUN_ID }}',
    };
    expect(credentialVariables(fromEnv).sort()).toEqual(['APP_TOKEN_FOR_TEST', 'SIGNING_KEY_FOR_TEST']);
    expect(requiredCredentials(fromEnv, {})).toEqual(['SIGNING_KEY_FOR_TEST']);
    expect(requiredCredentials(fromEnv, { SIGNING_KEY_FOR_TEST: 'k' })).toEqual([]);
    expect(secretValues([fromEnv], { SIGNING_KEY_FOR_TEST: 'the-signing-key-123' })).toContain('the-signing-key-123');

    const keystore = signed({ type: 'jks', keystorePath: 'client.jks' });
    expect(requiredCredentials(keystore, {})).toEqual(['PROMPTFOO_JKS_PASSWORD']);
    expect(secretValues([keystore], { PROMPTFOO_JKS_PASSWORD: 'jks-pass-value' })).toContain('jks-pass-value');
    const withPassword = signed({ type: 'jks', keystorePath: 'client.jks', keystorePassword: 'jks-pass' });
    expect(requiredCredentials(withPassword, {})).toEqual([]);
    expect(secretValues([withPassword], {})).toContain('jks-pass');
  });
});
