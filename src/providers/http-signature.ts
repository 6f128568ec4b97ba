// promptfoo's `signatureAuth` for the http provider: each call signs `signatureDataTemplate` (rendered with
// `signatureTimestamp`, the time in ms) with a private key and offers `{{ signature }}` (base64) and
// `{{ signatureTimestamp }}` to the url, header and body templates. The key comes as promptfoo takes it:
// `type: pem` (privateKey text or privateKeyPath), `type: jks` (a Java keystore: keystorePath or
// keystoreContent, keystorePassword, keyAlias), or `type: pfx` (a PKCS#12 file: pfxPath or pfxContent with
// pfxPassword; or certPath and keyPath, certContent and keyContent). The settings are checked when the provider
// is built; the key itself is read and decoded at the first call, as promptfoo does, so a call without it is
// an error of that call. Key files are the config's own inputs, resolved against the suite's directory (on
// untrusted events only the base revision's config runs, src/review/suite.ts).
import { createPrivateKey, createSign, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type * as Forge from 'node-forge';
import { messageOf } from '../errors.js';
import { renderTemplateText } from '../prompts/render.js';

export type SignatureType = 'pem' | 'jks' | 'pfx';
export type Signer = () => Promise<{ signature: string; signatureTimestamp: number }>;

/** The env variables promptfoo reads a keystore's password from when the config does not give one. */
export const KEYSTORE_PASSWORD_VARS: Record<'jks' | 'pfx', string> = {
  jks: 'PROMPTFOO_JKS_PASSWORD',
  pfx: 'PROMPTFOO_PFX_PASSWORD',
};

/** promptfoo's type detection: `type`, then the file name of an uploaded certificate, then which keys are set. */
export function signatureTypeOf(auth: Record<string, unknown>): SignatureType | undefined {
  if (typeof auth.type === 'string' && auth.type) return auth.type as SignatureType;
  const filename = typeof auth.certificateFilename === 'string' ? auth.certificateFilename.toLowerCase() : undefined;
  if (filename?.endsWith('.pfx') || filename?.endsWith('.p12')) return 'pfx';
  if (filename?.endsWith('.jks')) return 'jks';
  if (filename?.endsWith('.pem') || filename?.endsWith('.key')) return 'pem';
  if (auth.privateKeyPath || auth.privateKey) return 'pem';
  if (auth.keystorePath || auth.keystoreContent) return 'jks';
  if (auth.pfxPath || auth.pfxContent || (auth.certPath && auth.keyPath)) return 'pfx';
  return undefined;
}

/** The keys promptfoo's signatureAuth schemas take (its typed, legacy and uploaded-certificate forms). */
const SIGNATURE_KEYS = new Set([
  'type',
  'signatureValidityMs',
  'signatureRefreshBufferMs',
  'signatureDataTemplate',
  'signatureAlgorithm',
  'privateKeyPath',
  'privateKey',
  'keystorePath',
  'keystoreContent',
  'keystorePassword',
  'keyAlias',
  'keyPassword',
  'pfxPath',
  'pfxContent',
  'pfxPassword',
  'certPath',
  'keyPath',
  'certContent',
  'keyContent',
  'certificateContent',
  'certificatePassword',
  'certificateFilename',
  // Bookkeeping of promptfoo's web UI, which writes them beside the settings; checked below.
  'enabled',
  'certificateType',
  'keyInputType',
]);

/** promptfoo's web UI keys: its provider ignores them, so they may only agree with what the settings do. */
function checkUiKeys(settings: Record<string, unknown>, type: SignatureType): void {
  if (settings.enabled !== undefined && settings.enabled !== true)
    throw new Error(
      `signatureAuth.enabled: promptfoo signs whenever signatureAuth is set (got ${JSON.stringify(settings.enabled)}); remove signatureAuth to send requests unsigned`,
    );
  if (settings.certificateType !== undefined && settings.certificateType !== type)
    throw new Error(
      `signatureAuth.certificateType: ${JSON.stringify(settings.certificateType)} disagrees with the key settings, which are ${type}`,
    );
  const input = settings.keyInputType;
  if (input !== undefined && !['upload', 'path', 'base64'].includes(input as string))
    throw new Error(`signatureAuth.keyInputType: expected upload, path or base64 (got ${JSON.stringify(input)})`);
}

/** Where the key comes from, decided once from the settings: a reader the first call runs. */
type KeySource = () => Promise<KeyObject>;

function decodeBase64(value: string, key: string): Buffer {
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length === 0) throw new Error(`signatureAuth.${key}: expected base64 content`);
  return bytes;
}

async function readKeyFile(value: string, key: string, rootDir: string): Promise<Buffer> {
  const file = path.resolve(rootDir, value);
  try {
    return await readFile(file);
  } catch {
    throw new Error(`signatureAuth.${key}: cannot read ${file}`);
  }
}

function pemKey(text: string, key: string): KeyObject {
  // A PEM pasted as base64 (promptfoo's "base64 key string" input) is the same key.
  const pem = text.includes('-----BEGIN') ? text : Buffer.from(text, 'base64').toString('utf8');
  try {
    return createPrivateKey(pem);
  } catch (err) {
    throw new Error(`signatureAuth.${key}: not a PEM private key (${messageOf(err)})`, { cause: err });
  }
}

function password(auth: Record<string, string>, type: 'jks' | 'pfx', env: Record<string, string>): string {
  const own = type === 'jks' ? auth.keystorePassword : auth.pfxPassword;
  const found = own || auth.certificatePassword || env[KEYSTORE_PASSWORD_VARS[type]];
  if (!found) {
    const key = type === 'jks' ? 'keystorePassword' : 'pfxPassword';
    throw new Error(
      `signatureAuth.${key}: the ${type.toUpperCase()} password is required; set ${key} (or certificatePassword) or ${KEYSTORE_PASSWORD_VARS[type]}`,
    );
  }
  return found;
}

async function jksKey(keystore: Buffer, auth: Record<string, string>, storePassword: string): Promise<KeyObject> {
  const jks = (await import('jks-js')) as unknown as {
    toPem(keystore: Buffer, password: string, keyPassword?: string): Record<string, { key?: string; ca?: string }>;
  };
  let entries: Record<string, { key?: string }>;
  try {
    entries = jks.toPem(keystore, storePassword, auth.keyPassword || undefined);
  } catch (err) {
    throw new Error(
      `signatureAuth: cannot open the JKS keystore (wrong password or not a keystore): ${messageOf(err)}`,
      { cause: err },
    );
  }
  const aliases = Object.keys(entries);
  if (aliases.length === 0) throw new Error('signatureAuth: the JKS keystore holds no entries');
  const alias = auth.keyAlias || aliases[0];
  const entry = entries[alias];
  if (!entry)
    throw new Error(`signatureAuth.keyAlias: no alias '${alias}' in the JKS keystore (it has ${aliases.join(', ')})`);
  if (!entry.key) throw new Error(`signatureAuth.keyAlias: '${alias}' in the JKS keystore holds no private key`);
  return pemKey(entry.key, 'keyAlias');
}

async function pfxKey(pfx: Buffer, pfxPassword: string): Promise<KeyObject> {
  const { default: forge } = await import('node-forge');
  let bags: { key?: unknown; asn1?: unknown }[];
  try {
    const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(pfx.toString('binary')), pfxPassword);
    const oids = forge.pki.oids;
    bags = [
      ...(p12.getBags({ bagType: oids.pkcs8ShroudedKeyBag })[oids.pkcs8ShroudedKeyBag] ?? []),
      ...(p12.getBags({ bagType: oids.keyBag })[oids.keyBag] ?? []),
    ];
  } catch (err) {
    throw new Error(`signatureAuth: cannot open the PFX file (wrong password or not PKCS#12): ${messageOf(err)}`, {
      cause: err,
    });
  }
  const bag = bags[0];
  if (!bag) throw new Error('signatureAuth: the PFX file holds no private key');
  // node-forge decodes RSA keys itself; any other kind (EC) is left as its PKCS#8 structure for node:crypto.
  if (bag.key) return createPrivateKey(forge.pki.privateKeyToPem(bag.key as Forge.pki.rsa.PrivateKey));
  const der = Buffer.from(forge.asn1.toDer(bag.asn1 as Forge.asn1.Asn1).getBytes(), 'binary');
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

/** The key source of these settings; throws (for a located error) when no source or an unknown type is set. */
function keySource(
  auth: Record<string, string>,
  type: SignatureType,
  rootDir: string,
  env: Record<string, string>,
): KeySource {
  switch (type) {
    case 'pem':
      if (auth.privateKeyPath)
        return async () =>
          pemKey(
            (await readKeyFile(auth.privateKeyPath, 'privateKeyPath', rootDir)).toString('utf8'),
            'privateKeyPath',
          );
      if (auth.privateKey) return async () => pemKey(auth.privateKey, 'privateKey');
      if (auth.certificateContent)
        return async () =>
          pemKey(decodeBase64(auth.certificateContent, 'certificateContent').toString('utf8'), 'certificateContent');
      throw new Error('signatureAuth: type pem needs privateKeyPath or privateKey (a PEM private key)');
    case 'jks': {
      const content = auth.keystoreContent || auth.certificateContent;
      const contentKey = auth.keystoreContent ? 'keystoreContent' : 'certificateContent';
      if (!content && !auth.keystorePath)
        throw new Error('signatureAuth: type jks needs keystorePath or keystoreContent (base64)');
      return async () => {
        const storePassword = password(auth, 'jks', env);
        const keystore = content
          ? decodeBase64(content, contentKey)
          : await readKeyFile(auth.keystorePath, 'keystorePath', rootDir);
        return jksKey(keystore, auth, storePassword);
      };
    }
    case 'pfx': {
      const content = auth.pfxContent || auth.certificateContent;
      const contentKey = auth.pfxContent ? 'pfxContent' : 'certificateContent';
      if (content || auth.pfxPath)
        return async () => {
          const pfxPassword = password(auth, 'pfx', env);
          const pfx = content ? decodeBase64(content, contentKey) : await readKeyFile(auth.pfxPath, 'pfxPath', rootDir);
          return pfxKey(pfx, pfxPassword);
        };
      if (auth.certContent && auth.keyContent)
        return async () => pemKey(decodeBase64(auth.keyContent, 'keyContent').toString('utf8'), 'keyContent');
      if (auth.certPath && auth.keyPath)
        return async () => {
          // promptfoo signs with the key alone, but refuses a pair whose certificate file is missing.
          await readKeyFile(auth.certPath, 'certPath', rootDir);
          return pemKey((await readKeyFile(auth.keyPath, 'keyPath', rootDir)).toString('utf8'), 'keyPath');
        };
      throw new Error(
        'signatureAuth: type pfx needs pfxPath or pfxContent (with pfxPassword), both certPath and keyPath, or both certContent and keyContent',
      );
    }
    default:
      throw new Error(`signatureAuth.type: expected pem, jks or pfx (got ${String(type)})`);
  }
}

/**
 * The signer of a provider's `signatureAuth`, or undefined without one. Its string settings may read
 * `{{ env.NAME }}` (a key kept in a secret). Throws, for a located error, on settings that cannot sign.
 */
export function signerFor(auth: unknown, rootDir: string, env: Record<string, string>): Signer | undefined {
  if (auth === undefined) return undefined;
  if (!auth || typeof auth !== 'object' || Array.isArray(auth))
    throw new Error('signatureAuth: expected an object (type, and the key: privateKeyPath, pfxPath, keystorePath, …)');
  const settings = auth as Record<string, unknown>;
  const unknown = Object.keys(settings).find((name) => !SIGNATURE_KEYS.has(name));
  if (unknown)
    throw new Error(
      `signatureAuth.${unknown}: not a signatureAuth setting (expected one of ${[...SIGNATURE_KEYS].join(', ')})`,
    );
  const type = signatureTypeOf(settings);
  if (!type)
    throw new Error('signatureAuth: set type (pem, jks or pfx) and its key (privateKeyPath, keystorePath, pfxPath, …)');
  checkUiKeys(settings, type);
  // Every setting but the data template (rendered per signature with the timestamp) is rendered with env once.
  const rendered: Record<string, string> = {};
  for (const [name, value] of Object.entries(settings)) {
    if (typeof value === 'string' && name !== 'signatureDataTemplate')
      rendered[name] = renderTemplateText(value, { env });
  }
  const validityMs = durationSetting(settings, 'signatureValidityMs') ?? 300_000;
  // promptfoo renews a signature once it is within this margin of expiring (10% of its validity by default).
  const bufferMs = durationSetting(settings, 'signatureRefreshBufferMs') ?? Math.floor(validityMs * 0.1);
  const source = keySource(rendered, type, rootDir, env);
  const algorithm = rendered.signatureAlgorithm || 'SHA256';
  const template =
    typeof settings.signatureDataTemplate === 'string' ? settings.signatureDataTemplate : '{{signatureTimestamp}}';
  let key: Promise<KeyObject> | undefined;
  let current: Promise<{ signature: string; signatureTimestamp: number }> | undefined;
  let signedAt = 0;
  const sign = async (signatureTimestamp: number) => {
    key ??= source();
    const privateKey = await key;
    // promptfoo turns a written `\n` of the template into a newline.
    const data = renderTemplateText(template, { signatureTimestamp }).replace(/\\n/g, '\n');
    return { signature: createSign(algorithm).update(data).sign(privateKey, 'base64'), signatureTimestamp };
  };
  // As promptfoo does, one signature serves every call while it is valid: concurrent calls share it.
  return () => {
    const now = Date.now();
    if (!current || now - signedAt + bufferMs >= validityMs) {
      signedAt = now;
      current = sign(now);
    }
    return current;
  };
}

function durationSetting(settings: Record<string, unknown>, name: string): number | undefined {
  const value = settings[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new Error(`signatureAuth.${name}: expected a number of milliseconds (got ${JSON.stringify(value)})`);
  return value;
}
