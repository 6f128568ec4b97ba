import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { r as renderTemplateText, e as envReferences } from './index-prices.js';
import { anthropicApiKey, anthropicKeyVar } from './index-anthropic.js';
import { createSign, createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { m as messageOf } from './index-errors.js';
import { openAiApiKey, openAiKeyVar } from './index-openai.js';
import { b as isRunnerVariable } from './index-secrets.js';

// Hosts that speak OpenAI's chat completions under their own name (`openrouter:<model>`, `groq:<model>`, ...):
// each is the OpenAI wire format with its own base URL and key variable, as promptfoo documents them.
// Pure data, so id parsing and credential checks need no provider code.
const COMPATIBLE_HOSTS = {
    openrouter: {
        baseUrl: 'https://openrouter.ai/api/v1',
        keyVar: 'OPENROUTER_API_KEY',
        bodyKeys: ['transforms', 'models', 'route', 'provider', 'reasoning', 'usage'],
        docs: 'https://www.promptfoo.dev/docs/providers/openrouter/',
    },
    xai: {
        baseUrl: 'https://api.x.ai/v1',
        keyVar: 'XAI_API_KEY',
        bodyKeys: ['search_parameters'],
        docs: 'https://www.promptfoo.dev/docs/providers/xai/',
    },
    mistral: {
        baseUrl: 'https://api.mistral.ai/v1',
        keyVar: 'MISTRAL_API_KEY',
        docs: 'https://www.promptfoo.dev/docs/providers/mistral/',
    },
    groq: {
        baseUrl: 'https://api.groq.com/openai/v1',
        keyVar: 'GROQ_API_KEY',
        bodyKeys: ['include_reasoning', 'reasoning_format'],
        docs: 'https://www.promptfoo.dev/docs/providers/groq/',
    },
    deepseek: {
        baseUrl: 'https://api.deepseek.com/v1',
        keyVar: 'DEEPSEEK_API_KEY',
        docs: 'https://www.promptfoo.dev/docs/providers/deepseek/',
    },
    together: {
        baseUrl: 'https://api.together.xyz/v1',
        keyVar: 'TOGETHER_API_KEY',
        docs: 'https://www.promptfoo.dev/docs/providers/togetherai/',
    },
    fireworks: {
        baseUrl: 'https://api.fireworks.ai/inference/v1',
        keyVar: 'FIREWORKS_API_KEY',
        docs: 'https://www.promptfoo.dev/docs/providers/fireworks/',
    },
    perplexity: {
        baseUrl: 'https://api.perplexity.ai',
        keyVar: 'PERPLEXITY_API_KEY',
        bodyKeys: [
            'search_domain_filter',
            'search_recency_filter',
            'search_after_date_filter',
            'search_before_date_filter',
            'return_related_questions',
            'return_images',
            'web_search_options',
            'search_mode',
        ],
        docs: 'https://www.promptfoo.dev/docs/providers/perplexity/',
    },
    cerebras: {
        baseUrl: 'https://api.cerebras.ai/v1',
        keyVar: 'CEREBRAS_API_KEY',
        docs: 'https://www.promptfoo.dev/docs/providers/cerebras/',
    },
    hyperbolic: {
        baseUrl: 'https://api.hyperbolic.xyz/v1',
        keyVar: 'HYPERBOLIC_API_KEY',
        docs: 'https://www.promptfoo.dev/docs/providers/hyperbolic/',
    },
    litellm: {
        baseUrl: 'http://0.0.0.0:4000',
        baseUrlVar: 'LITELLM_BASE_URL',
        keyVar: 'LITELLM_API_KEY',
        keyOptional: true,
        docs: 'https://www.promptfoo.dev/docs/providers/litellm/',
    },
    databricks: {
        // The workspace is the user's own: promptfoo reads it from DATABRICKS_WORKSPACE_URL (or config.workspaceUrl).
        baseUrl: '',
        baseUrlVar: 'DATABRICKS_WORKSPACE_URL',
        keyVar: 'DATABRICKS_TOKEN',
        docs: 'https://www.promptfoo.dev/docs/providers/databricks/',
    },
    openclaw: {
        // `openclaw:<agent>` calls the agent by OpenClaw's model id `openclaw/<agent>` (ids.ts) on the gateway;
        // the gateway URL and token come from config (gateway_url, auth_token) or the env (credentials.ts).
        baseUrl: 'http://127.0.0.1:18789/v1',
        keyVar: 'OPENCLAW_GATEWAY_TOKEN',
        keyOptional: true,
        docs: 'https://www.promptfoo.dev/docs/providers/openclaw/',
    },
    docker: {
        baseUrl: 'http://localhost:12434/engines/v1',
        baseUrlVar: 'DOCKER_MODEL_RUNNER_BASE_URL',
        keyVar: 'DOCKER_MODEL_RUNNER_API_KEY',
        keyOptional: true,
        docs: 'https://www.promptfoo.dev/docs/providers/docker/',
    },
    truefoundry: {
        baseUrl: 'https://gateway.truefoundry.ai',
        keyVar: 'TRUEFOUNDRY_API_KEY',
        bodyKeys: ['metadata', 'loggingConfig', 'mcp_servers', 'iteration_limit'],
        docs: 'https://www.promptfoo.dev/docs/providers/truefoundry/',
    },
    aimlapi: {
        baseUrl: 'https://api.aimlapi.com/v1',
        keyVar: 'AIML_API_KEY',
        docs: 'https://www.promptfoo.dev/docs/providers/aimlapi/',
    },
    cometapi: {
        baseUrl: 'https://api.cometapi.com/v1',
        keyVar: 'COMETAPI_KEY',
        docs: 'https://www.promptfoo.dev/docs/providers/cometapi/',
    },
    cohere: {
        // Cohere's OpenAI-compatible endpoint: the same chat models, OpenAI's request and response shapes.
        baseUrl: 'https://api.cohere.ai/compatibility/v1',
        keyVar: 'COHERE_API_KEY',
        docs: 'https://docs.cohere.com/docs/compatibility-api',
    },
    huggingface: {
        // Hugging Face's inference router (OpenAI-compatible chat for the models it serves).
        baseUrl: 'https://router.huggingface.co/v1',
        keyVar: 'HF_TOKEN',
        docs: 'https://www.promptfoo.dev/docs/providers/huggingface/',
    },
    llama: {
        baseUrl: 'https://api.llama.com/compat/v1',
        keyVar: 'LLAMA_API_KEY',
        docs: 'https://www.promptfoo.dev/docs/providers/llamaApi/',
    },
    nscale: {
        baseUrl: 'https://inference.api.nscale.com/v1',
        keyVar: 'NSCALE_SERVICE_TOKEN',
        docs: 'https://www.promptfoo.dev/docs/providers/nscale/',
    },
    helicone: {
        // A self-hosted Helicone AI Gateway (promptfoo's default): config.baseUrl, `/ai` or `/router/<router>`.
        baseUrl: 'http://localhost:8080/ai',
        keyVar: 'HELICONE_API_KEY',
        keyOptional: true,
        placeholderKey: 'placeholder-api-key',
        docs: 'https://www.promptfoo.dev/docs/providers/helicone/',
    },
    vercel: {
        baseUrl: 'https://ai-gateway.vercel.sh/v1',
        keyVar: 'VERCEL_AI_GATEWAY_API_KEY',
        docs: 'https://www.promptfoo.dev/docs/providers/vercel/',
    },
};
/** The model part of `<host>:<model>` or `<host>:chat:<model>` (promptfoo accepts both for most hosts). */
function hostModel(rest) {
    return rest[0] === 'chat' && rest.length > 1 ? rest.slice(1).join(':') : rest.join(':');
}

// promptfoo's `signatureAuth` for the http provider: each call signs `signatureDataTemplate` (rendered with
// `signatureTimestamp`, the time in ms) with a private key and offers `{{ signature }}` (base64) and
// `{{ signatureTimestamp }}` to the url, header and body templates. The key comes as promptfoo takes it:
// `type: pem` (privateKey text or privateKeyPath), `type: jks` (a Java keystore: keystorePath or
// keystoreContent, keystorePassword, keyAlias), or `type: pfx` (a PKCS#12 file: pfxPath or pfxContent with
// pfxPassword; or certPath and keyPath, certContent and keyContent). The settings are checked when the provider
// is built; the key itself is read and decoded at the first call, as promptfoo does, so a call without it is
// an error of that call. Key files are the config's own inputs, resolved against the suite's directory (on
// untrusted events only the base revision's config runs, src/review/suite.ts).
/** The env variables promptfoo reads a keystore's password from when the config does not give one. */
const KEYSTORE_PASSWORD_VARS = {
    jks: 'PROMPTFOO_JKS_PASSWORD',
    pfx: 'PROMPTFOO_PFX_PASSWORD',
};
/** promptfoo's type detection: `type`, then the file name of an uploaded certificate, then which keys are set. */
function signatureTypeOf(auth) {
    if (typeof auth.type === 'string' && auth.type)
        return auth.type;
    const filename = typeof auth.certificateFilename === 'string' ? auth.certificateFilename.toLowerCase() : undefined;
    if (filename?.endsWith('.pfx') || filename?.endsWith('.p12'))
        return 'pfx';
    if (filename?.endsWith('.jks'))
        return 'jks';
    if (filename?.endsWith('.pem') || filename?.endsWith('.key'))
        return 'pem';
    if (auth.privateKeyPath || auth.privateKey)
        return 'pem';
    if (auth.keystorePath || auth.keystoreContent)
        return 'jks';
    if (auth.pfxPath || auth.pfxContent || (auth.certPath && auth.keyPath))
        return 'pfx';
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
function checkUiKeys(settings, type) {
    if (settings.enabled !== undefined && settings.enabled !== true)
        throw new Error(`signatureAuth.enabled: promptfoo signs whenever signatureAuth is set (got ${JSON.stringify(settings.enabled)}); remove signatureAuth to send requests unsigned`);
    if (settings.certificateType !== undefined && settings.certificateType !== type)
        throw new Error(`signatureAuth.certificateType: ${JSON.stringify(settings.certificateType)} disagrees with the key settings, which are ${type}`);
    const input = settings.keyInputType;
    if (input !== undefined && !['upload', 'path', 'base64'].includes(input))
        throw new Error(`signatureAuth.keyInputType: expected upload, path or base64 (got ${JSON.stringify(input)})`);
}
function decodeBase64(value, key) {
    const bytes = Buffer.from(value, 'base64');
    if (bytes.length === 0)
        throw new Error(`signatureAuth.${key}: expected base64 content`);
    return bytes;
}
async function readKeyFile(value, key, rootDir) {
    const file = path.resolve(rootDir, value);
    try {
        return await readFile(file);
    }
    catch {
        throw new Error(`signatureAuth.${key}: cannot read ${file}`);
    }
}
function pemKey(text, key) {
    // A PEM pasted as base64 (promptfoo's "base64 key string" input) is the same key.
    const pem = text.includes('-----BEGIN') ? text : Buffer.from(text, 'base64').toString('utf8');
    try {
        return createPrivateKey(pem);
    }
    catch (err) {
        throw new Error(`signatureAuth.${key}: not a PEM private key (${messageOf(err)})`, { cause: err });
    }
}
function password(auth, type, env) {
    const own = type === 'jks' ? auth.keystorePassword : auth.pfxPassword;
    const found = own || auth.certificatePassword || env[KEYSTORE_PASSWORD_VARS[type]];
    if (!found) {
        const key = type === 'jks' ? 'keystorePassword' : 'pfxPassword';
        throw new Error(`signatureAuth.${key}: the ${type.toUpperCase()} password is required; set ${key} (or certificatePassword) or ${KEYSTORE_PASSWORD_VARS[type]}`);
    }
    return found;
}
async function jksKey(keystore, auth, storePassword) {
    const jks = (await import('./index-index6.js').then(function (n) { return n.i; }));
    let entries;
    try {
        entries = jks.toPem(keystore, storePassword, auth.keyPassword || undefined);
    }
    catch (err) {
        throw new Error(`signatureAuth: cannot open the JKS keystore (wrong password or not a keystore): ${messageOf(err)}`, { cause: err });
    }
    const aliases = Object.keys(entries);
    if (aliases.length === 0)
        throw new Error('signatureAuth: the JKS keystore holds no entries');
    const alias = auth.keyAlias || aliases[0];
    const entry = entries[alias];
    if (!entry)
        throw new Error(`signatureAuth.keyAlias: no alias '${alias}' in the JKS keystore (it has ${aliases.join(', ')})`);
    if (!entry.key)
        throw new Error(`signatureAuth.keyAlias: '${alias}' in the JKS keystore holds no private key`);
    return pemKey(entry.key, 'keyAlias');
}
async function pfxKey(pfx, pfxPassword) {
    const { default: forge } = await import('./index-index3.js').then(function (n) { return n.i; });
    let bags;
    try {
        const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(pfx.toString('binary')), pfxPassword);
        const oids = forge.pki.oids;
        bags = [
            ...(p12.getBags({ bagType: oids.pkcs8ShroudedKeyBag })[oids.pkcs8ShroudedKeyBag] ?? []),
            ...(p12.getBags({ bagType: oids.keyBag })[oids.keyBag] ?? []),
        ];
    }
    catch (err) {
        throw new Error(`signatureAuth: cannot open the PFX file (wrong password or not PKCS#12): ${messageOf(err)}`, {
            cause: err,
        });
    }
    const bag = bags[0];
    if (!bag)
        throw new Error('signatureAuth: the PFX file holds no private key');
    // node-forge decodes RSA keys itself; any other kind (EC) is left as its PKCS#8 structure for node:crypto.
    if (bag.key)
        return createPrivateKey(forge.pki.privateKeyToPem(bag.key));
    const der = Buffer.from(forge.asn1.toDer(bag.asn1).getBytes(), 'binary');
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}
/** The key source of these settings; throws (for a located error) when no source or an unknown type is set. */
function keySource(auth, type, rootDir, env) {
    switch (type) {
        case 'pem':
            if (auth.privateKeyPath)
                return async () => pemKey((await readKeyFile(auth.privateKeyPath, 'privateKeyPath', rootDir)).toString('utf8'), 'privateKeyPath');
            if (auth.privateKey)
                return async () => pemKey(auth.privateKey, 'privateKey');
            if (auth.certificateContent)
                return async () => pemKey(decodeBase64(auth.certificateContent, 'certificateContent').toString('utf8'), 'certificateContent');
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
            throw new Error('signatureAuth: type pfx needs pfxPath or pfxContent (with pfxPassword), both certPath and keyPath, or both certContent and keyContent');
        }
        default:
            throw new Error(`signatureAuth.type: expected pem, jks or pfx (got ${String(type)})`);
    }
}
/**
 * The signer of a provider's `signatureAuth`, or undefined without one. Its string settings may read
 * `{{ env.NAME }}` (a key kept in a secret). Throws, for a located error, on settings that cannot sign.
 */
function signerFor(auth, rootDir, env) {
    if (auth === undefined)
        return undefined;
    if (!auth || typeof auth !== 'object' || Array.isArray(auth))
        throw new Error('signatureAuth: expected an object (type, and the key: privateKeyPath, pfxPath, keystorePath, …)');
    const settings = auth;
    const unknown = Object.keys(settings).find((name) => !SIGNATURE_KEYS.has(name));
    if (unknown)
        throw new Error(`signatureAuth.${unknown}: not a signatureAuth setting (expected one of ${[...SIGNATURE_KEYS].join(', ')})`);
    const type = signatureTypeOf(settings);
    if (!type)
        throw new Error('signatureAuth: set type (pem, jks or pfx) and its key (privateKeyPath, keystorePath, pfxPath, …)');
    checkUiKeys(settings, type);
    // Every setting but the data template (rendered per signature with the timestamp) is rendered with env once.
    const rendered = {};
    for (const [name, value] of Object.entries(settings)) {
        if (typeof value === 'string' && name !== 'signatureDataTemplate')
            rendered[name] = renderTemplateText(value, { env });
    }
    const validityMs = durationSetting(settings, 'signatureValidityMs') ?? 300_000;
    // promptfoo renews a signature once it is within this margin of expiring (10% of its validity by default).
    const bufferMs = durationSetting(settings, 'signatureRefreshBufferMs') ?? Math.floor(validityMs * 0.1);
    const source = keySource(rendered, type, rootDir, env);
    const algorithm = rendered.signatureAlgorithm || 'SHA256';
    const template = typeof settings.signatureDataTemplate === 'string' ? settings.signatureDataTemplate : '{{signatureTimestamp}}';
    let key;
    let current;
    let signedAt = 0;
    const sign = async (signatureTimestamp) => {
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
function durationSetting(settings, name) {
    const value = settings[name];
    if (value === undefined)
        return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
        throw new Error(`signatureAuth.${name}: expected a number of milliseconds (got ${JSON.stringify(value)})`);
    return value;
}

// Which credentials each provider family reads, whether they are there, and their values (to mask in logs).
// Pure and light: no provider code is loaded to answer "can this suite run here?". A provider reads its
// key from the same functions, so the check and the call never disagree.
const str = (v) => typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
/** Throws when config names a reserved variable; the caller turns it into a located error. */
function checkEnvName(name, key) {
    if (isRunnerVariable(name)) {
        throw new Error(`${key}: ${name} is reserved for the runner and the action (INPUT_*, GITHUB_*, ACTIONS_*, RUNNER_*); name a variable of your own`);
    }
    return name;
}
/** Every `*Envar` key in a provider's config names an env variable to read: none may be a reserved one. */
function checkConfigEnvNames(config) {
    for (const [key, value] of Object.entries(config)) {
        if (/envar$/i.test(key) && typeof value === 'string')
            checkEnvName(value, `config.${key}`);
    }
}
/** The env variable a compatible host reads its key from. */
function hostKeyVar(host, config) {
    return str(config.apiKeyEnvar) ?? COMPATIBLE_HOSTS[host].keyVar;
}
/** Base URL of a compatible host: config, then the host's env variable, then its public default. */
function hostBaseUrl(host, config, env) {
    const entry = COMPATIBLE_HOSTS[host];
    if (host === 'databricks') {
        // promptfoo: `workspaceUrl` (or DATABRICKS_WORKSPACE_URL); the OpenAI-compatible API is under /serving-endpoints.
        const workspace = str(config.apiBaseUrl) ?? str(config.workspaceUrl) ?? str(env.DATABRICKS_WORKSPACE_URL);
        if (!workspace)
            return '';
        const base = workspace.replace(/\/+$/, '');
        return base.endsWith('/serving-endpoints') ? base : `${base}/serving-endpoints`;
    }
    if (host === 'openclaw' && !str(config.apiBaseUrl)) {
        // promptfoo's order: config.gateway_url, OPENCLAW_GATEWAY_URL, the local gateway (OPENCLAW_GATEWAY_PORT);
        // a ws(s):// gateway URL is the same server over http(s).
        const port = /^\d+$/.test(str(env.OPENCLAW_GATEWAY_PORT) ?? '') ? str(env.OPENCLAW_GATEWAY_PORT) : '18789';
        const gateway = str(config.gateway_url) ?? str(env.OPENCLAW_GATEWAY_URL) ?? `http://127.0.0.1:${port}`;
        return `${gateway.replace(/^ws(s?):\/\//, 'http$1://').replace(/\/+$/, '')}/v1`;
    }
    if (host === 'helicone' && !str(config.apiBaseUrl)) {
        const gateway = (str(config.baseUrl) ?? 'http://localhost:8080').replace(/\/+$/, '');
        return str(config.router) ? `${gateway}/router/${str(config.router)}` : `${gateway}/ai`;
    }
    return (str(config.apiBaseUrl) ??
        (entry.baseUrlVar ? str(env[entry.baseUrlVar]) : undefined) ??
        entry.baseUrl).replace(/\/+$/, '');
}
/**
 * A compatible host's spec as the OpenAI provider reads it: the host's base URL and key variable filled in
 * (config still wins). Hosts that run locally without a key use the keyless flavor.
 */
function hostSpec(spec, host, env) {
    const entry = COMPATIBLE_HOSTS[host];
    const apiBaseUrl = hostBaseUrl(host, spec.config, env);
    if (!apiBaseUrl) {
        throw new Error(`${host} needs the base URL of your own endpoint: set ${entry.baseUrlVar ?? 'config.apiBaseUrl'} or config.apiBaseUrl`);
    }
    // The host's own keys travel in `passthrough`, which the OpenAI provider merges into the body.
    const own = Object.fromEntries((entry.bodyKeys ?? []).filter((k) => spec.config[k] !== undefined).map((k) => [k, spec.config[k]]));
    const passthrough = Object.keys(own).length > 0
        ? { passthrough: { ...own, ...spec.config.passthrough } }
        : {};
    const keyVar = hostKeyVar(host, spec.config);
    // OpenClaw's bearer secret may be written in its config as a token or a password.
    const openClawSecret = host === 'openclaw' ? (str(spec.config.auth_token) ?? str(spec.config.auth_password)) : undefined;
    if (openClawSecret && !str(spec.config.apiKey))
        spec = { ...spec, config: { ...spec.config, apiKey: openClawSecret } };
    const placeholder = entry.placeholderKey && !str(spec.config.apiKey) && !str(env[keyVar]) ? { apiKey: entry.placeholderKey } : {};
    return {
        spec: {
            ...spec,
            config: { ...spec.config, apiBaseUrl, apiKeyEnvar: keyVar, ...placeholder, ...passthrough },
        },
        flavor: entry.keyOptional && !entry.placeholderKey ? 'ollama' : 'openai',
    };
}
/** Azure OpenAI: an `api-key` (config.apiKey, apiKeyEnvar, AZURE_API_KEY, AZURE_OPENAI_API_KEY) or an Entra bearer token. */
const AZURE_KEY_VARS = ['AZURE_API_KEY', 'AZURE_OPENAI_API_KEY'];
const QUIVERAI_KEY_VAR = 'QUIVERAI_API_KEY';
const AZURE_TOKEN_VAR = 'AZURE_OPENAI_AD_TOKEN';
function azureAuth(config, env) {
    const keyVars = str(config.apiKeyEnvar) ? [str(config.apiKeyEnvar)] : [...AZURE_KEY_VARS];
    const apiKey = str(config.apiKey) ?? keyVars.map((name) => str(env[name])).find(Boolean);
    const bearer = str(config.azureAdToken) ?? str(env[AZURE_TOKEN_VAR]);
    return {
        ...(apiKey ? { apiKey } : {}),
        ...(bearer ? { bearer } : {}),
        variables: [...keyVars, AZURE_TOKEN_VAR],
    };
}
const ELEVENLABS_APIS = ['tts', 'stt', 'alignment', 'isolation', 'history'];
const elevenLabsKeyVar = (config) => str(config.apiKeyEnvar) ?? 'ELEVENLABS_API_KEY';
const elevenLabsApiKey = (config, env) => str(config.apiKey) ?? str(env[elevenLabsKeyVar(config)]);
/** fal.ai's and ModelsLab's key variables (or the config's apiKeyEnvar). */
const imageHostKeyVar = (host, config) => str(config.apiKeyEnvar) ?? (host === 'fal' ? 'FAL_KEY' : 'MODELSLAB_API_KEY');
/** Replicate's key variables, in the order promptfoo reads them. */
const REPLICATE_KEY_VARS = ['REPLICATE_API_TOKEN', 'REPLICATE_API_KEY'];
/** Hugging Face's token variables, in the order promptfoo reads them (optional: public models answer without one). */
const HF_TOKEN_VARS = ['HF_TOKEN', 'HF_API_TOKEN'];
function hfToken(config, env) {
    if (str(config.apiKeyEnvar))
        return str(config.apiKey) ?? str(env[str(config.apiKeyEnvar)]);
    return str(config.apiKey) ?? HF_TOKEN_VARS.map((name) => str(env[name])).find(Boolean);
}
/** watsonx.ai: a bearer token as given, or an IBM Cloud API key to exchange for one. */
function watsonxAuth(config, env) {
    const apiKey = str(config.apiKey) ?? str(env[str(config.apiKeyEnvar) ?? 'WATSONX_AI_APIKEY']);
    const bearer = str(config.apiBearerToken) ?? str(env[str(config.apiBearerTokenEnvar) ?? 'WATSONX_AI_BEARER_TOKEN']);
    return { apiKey, bearer, values: [apiKey, bearer].filter((v) => Boolean(v)) };
}
const GOOGLE_KEY_VARS = ['GOOGLE_API_KEY', 'GEMINI_API_KEY'];
function googleApiKey(config, env) {
    if (str(config.apiKeyEnvar))
        return str(config.apiKey) ?? str(env[str(config.apiKeyEnvar)]);
    return str(config.apiKey) ?? GOOGLE_KEY_VARS.map((name) => str(env[name])).find(Boolean);
}
/** Where Google's auth library finds credentials without us: a key file, or gcloud's application-default login. */
function hasGoogleCredentials(config, env) {
    if (str(config.credentials) || str(config.keyFilename) || str(env.GOOGLE_APPLICATION_CREDENTIALS))
        return true;
    const gcloud = str(env.CLOUDSDK_CONFIG) ?? path.join(os.homedir(), '.config', 'gcloud');
    return existsSync(path.join(gcloud, 'application_default_credentials.json'));
}
const AWS_KEY_VARS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];
const AWS_BEDROCK_TOKEN_VAR = 'AWS_BEARER_TOKEN_BEDROCK';
/** Whether the standard AWS chain has something to start from: keys, a profile, a web identity, a container role. */
function hasAwsCredentials(config, env, bearerCounts = true) {
    if (str(config.accessKeyId) && str(config.secretAccessKey))
        return true;
    if (bearerCounts && (str(config.apiKey) || str(env[AWS_BEDROCK_TOKEN_VAR])))
        return true;
    if (str(env.AWS_ACCESS_KEY_ID) && str(env.AWS_SECRET_ACCESS_KEY))
        return true;
    if (str(config.profile) || str(env.AWS_PROFILE) || str(env.AWS_WEB_IDENTITY_TOKEN_FILE))
        return true;
    if (str(env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI) || str(env.AWS_CONTAINER_CREDENTIALS_FULL_URI))
        return true;
    const home = os.homedir();
    return (existsSync(str(env.AWS_SHARED_CREDENTIALS_FILE) ?? path.join(home, '.aws', 'credentials')) ||
        existsSync(str(env.AWS_CONFIG_FILE) ?? path.join(home, '.aws', 'config')));
}
const none = { variables: [], missing: [], values: [] };
function keyed(variable, value, optional = false) {
    return { variables: [variable], missing: value || optional ? [] : [variable], values: value ? [value] : [] };
}
function openAi(flavor, config, env) {
    return keyed(openAiKeyVar(flavor, config), openAiApiKey(flavor, config, env), flavor === 'ollama');
}
function credentialsOf(parsed, config, env) {
    if ('gateway' in parsed && parsed.gateway === 'cloudflare') {
        // The upstream provider's key, and the gateway's own token when the gateway is authenticated.
        const upstream = credentialsOf({ ...parsed, gateway: undefined }, config, env);
        const token = str(config.cloudflareApiKey) ?? str(env[str(config.cloudflareApiKeyEnvar) ?? 'CLOUDFLARE_API_KEY']);
        return {
            ...upstream,
            variables: [...upstream.variables, 'CLOUDFLARE_ACCOUNT_ID', 'CLOUDFLARE_GATEWAY_ID', 'CLOUDFLARE_API_KEY'],
            values: token ? [...upstream.values, token] : upstream.values,
        };
    }
    switch (parsed.kind) {
        case 'chat': {
            if (!parsed.host)
                return openAi(parsed.flavor, config, env);
            const variable = hostKeyVar(parsed.host, config);
            const value = str(config.apiKey) ?? str(env[variable]);
            return keyed(variable, value, COMPATIBLE_HOSTS[parsed.host].keyOptional);
        }
        case 'completion':
            return openAi(parsed.flavor, config, env);
        case 'embedding':
        case 'moderation':
        case 'transcription':
            return openAi('openai', config, env);
        case 'quiverai':
            return keyed(QUIVERAI_KEY_VAR, str(config.apiKey) ?? str(env[QUIVERAI_KEY_VAR]));
        case 'image':
        case 'video':
        case 'realtime': {
            if (parsed.vendor === 'openai')
                return openAi('openai', config, env);
            const variable = str(config.apiKeyEnvar) ?? 'XAI_API_KEY';
            return keyed(variable, str(config.apiKey) ?? str(env[variable]));
        }
        case 'responses': {
            if (parsed.vendor === 'openai')
                return openAi('openai', config, env);
            if (parsed.vendor === 'xai') {
                const variable = str(config.apiKeyEnvar) ?? 'XAI_API_KEY';
                return keyed(variable, str(config.apiKey) ?? str(env[variable]));
            }
            return azureCredentials(config, env);
        }
        case 'azure':
        case 'assistant':
            return azureCredentials(config, env);
        case 'anthropic':
            return keyed(anthropicKeyVar(config), anthropicApiKey(config, env));
        case 'elevenlabs':
            return keyed(elevenLabsKeyVar(config), elevenLabsApiKey(config, env));
        case 'watsonx': {
            const auth = watsonxAuth(config, env);
            return {
                variables: ['WATSONX_AI_APIKEY', 'WATSONX_AI_BEARER_TOKEN', 'WATSONX_AI_PROJECT_ID'],
                missing: auth.values.length > 0 ? [] : ['WATSONX_AI_APIKEY (or WATSONX_AI_BEARER_TOKEN)'],
                values: auth.values,
            };
        }
        case 'hf-text':
        case 'hf-classification': {
            const value = hfToken(config, env);
            const variables = str(config.apiKeyEnvar) ? [str(config.apiKeyEnvar)] : [...HF_TOKEN_VARS];
            return { variables, missing: [], values: value ? [value] : [] };
        }
        case 'image-host': {
            const variable = imageHostKeyVar(parsed.host, config);
            return keyed(variable, str(config.apiKey) ?? str(env[variable]));
        }
        case 'google': {
            // google:image with a projectId is Imagen on Vertex AI: Google Cloud credentials, no API key.
            if (parsed.api === 'image' && config.projectId !== undefined)
                return credentialsOf({ kind: 'vertex', model: parsed.model }, config, env);
            const value = googleApiKey(config, env);
            const variables = str(config.apiKeyEnvar) ? [str(config.apiKeyEnvar)] : [...GOOGLE_KEY_VARS];
            return { variables, missing: value ? [] : [variables.join(' or ')], values: value ? [value] : [] };
        }
        case 'vertex': {
            const apiKey = str(config.apiKey) ?? str(env.VERTEX_API_KEY);
            const ok = Boolean(apiKey) || hasGoogleCredentials(config, env);
            return {
                variables: ['GOOGLE_APPLICATION_CREDENTIALS', 'VERTEX_PROJECT_ID', 'VERTEX_REGION'],
                missing: ok ? [] : ['GOOGLE_APPLICATION_CREDENTIALS (or gcloud application-default login)'],
                values: apiKey ? [apiKey] : [],
            };
        }
        case 'replicate': {
            const value = str(config.apiKey) ??
                (str(config.apiKeyEnvar)
                    ? str(env[str(config.apiKeyEnvar)])
                    : REPLICATE_KEY_VARS.map((name) => str(env[name])).find(Boolean));
            const variables = str(config.apiKeyEnvar) ? [str(config.apiKeyEnvar)] : [...REPLICATE_KEY_VARS];
            return { variables, missing: value ? [] : [variables.join(' or ')], values: value ? [value] : [] };
        }
        case 'sagemaker':
        case 'bedrock': {
            // The Agents runtime (InvokeAgent, RetrieveAndGenerate) takes SigV4 only: a Bedrock API key is no credential there.
            const bearerCounts = !(parsed.kind === 'bedrock' && (parsed.api === 'kb' || parsed.api === 'agent'));
            const values = [
                str(config.secretAccessKey),
                str(config.sessionToken),
                str(config.apiKey),
                str(env.AWS_SECRET_ACCESS_KEY),
                str(env.AWS_SESSION_TOKEN),
                str(env[AWS_BEDROCK_TOKEN_VAR]),
            ].filter((v) => Boolean(v));
            return {
                variables: [...AWS_KEY_VARS, 'AWS_REGION', 'AWS_PROFILE', ...(bearerCounts ? [AWS_BEDROCK_TOKEN_VAR] : [])],
                missing: hasAwsCredentials(config, env, bearerCounts)
                    ? []
                    : [
                        `AWS credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE${bearerCounts ? ', a role, or AWS_BEARER_TOKEN_BEDROCK' : ' or a role'})`,
                    ],
                values,
            };
        }
        case 'http':
            return httpCredentials(config, env);
        default:
            return none;
    }
}
/** Every `{{ env.NAME }}` the string values of a config (at any depth) read. */
function envReferencesIn(value) {
    if (typeof value === 'string')
        return envReferences(value);
    if (Array.isArray(value))
        return value.flatMap(envReferencesIn);
    if (value && typeof value === 'object')
        return Object.values(value).flatMap(envReferencesIn);
    return [];
}
/**
 * The http provider reads the variables its templates name (`Authorization: Bearer {{ env.APP_TOKEN }}`, a
 * signing key `privateKey: '{{ env.SIGNING_KEY }}'`), and promptfoo's keystore password variable for a
 * JKS or PFX signature without a password of its own. Those the signature needs are missing when unset (it
 * cannot sign without them); the values of those in `auth` and `signatureAuth` are credentials to mask.
 */
function httpCredentials(config, env) {
    // The runner's own variables are never in a template's env (secrets.ts configEnv): not a secret to pass.
    const variables = new Set(envReferencesIn(config).filter((name) => !isRunnerVariable(name)));
    const held = new Set([...envReferencesIn(config.auth), ...envReferencesIn(config.signatureAuth)]);
    const needed = new Set(envReferencesIn(config.signatureAuth));
    const signature = config.signatureAuth;
    if (signature && typeof signature === 'object' && !Array.isArray(signature)) {
        const settings = signature;
        const type = signatureTypeOf(settings);
        const own = type === 'jks' ? settings.keystorePassword : settings.pfxPassword;
        const keystore = type === 'jks' ||
            (type === 'pfx' && Boolean(settings.pfxPath || settings.pfxContent || settings.certificateContent));
        if (keystore && !own && !settings.certificatePassword) {
            for (const set of [variables, held, needed])
                set.add(KEYSTORE_PASSWORD_VARS[type]);
        }
    }
    return {
        variables: [...variables],
        missing: [...needed].filter((name) => !str(env[name])),
        values: [...held].map((name) => str(env[name])).filter((v) => Boolean(v)),
    };
}
function azureCredentials(config, env) {
    const auth = azureAuth(config, env);
    const values = [auth.apiKey, auth.bearer].filter((v) => Boolean(v));
    return {
        variables: auth.variables,
        missing: values.length > 0 ? [] : [`${auth.variables.slice(0, -1).join(' or ')} (or ${AZURE_TOKEN_VAR})`],
        values,
    };
}
/** The error of a call made without its key: which variable(s) to set, or the config key. */
function missingKeyMessage(variables) {
    return `${variables} is not set: export it, or set apiKey (or apiKeyEnvar) in this provider's config`;
}
/** Appended to a 401/403: where the key came from. */
function keyHint(variables) {
    return `check ${variables}, or apiKey in this provider's config`;
}

export { AWS_BEDROCK_TOKEN_VAR as A, COMPATIBLE_HOSTS as C, ELEVENLABS_APIS as E, GOOGLE_KEY_VARS as G, HF_TOKEN_VARS as H, QUIVERAI_KEY_VAR as Q, REPLICATE_KEY_VARS as R, azureAuth as a, elevenLabsKeyVar as b, signerFor as c, hostModel as d, elevenLabsApiKey as e, credentialsOf as f, googleApiKey as g, hfToken as h, imageHostKeyVar as i, checkConfigEnvNames as j, keyHint as k, hostSpec as l, missingKeyMessage as m, str as s, watsonxAuth as w };
