import { realpath } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { X as ConfigError, B as messageOf, Y as JAVASCRIPT_EXTENSIONS, Z as importUserModule, a as secretsInConfig, _ as redact, c as cacheIdentityOf, $ as promptfooDefault } from './cli-main.js';
import 'node:fs';
import 'node:os';
import 'events';
import 'fs';
import 'path';
import 'node:crypto';
import 'node:http';
import 'node:https';
import 'node:util';
import 'node:zlib';
import 'node:events';
import 'process';
import 'buffer';
import 'node:url';
import './cli-version.js';
import 'node:child_process';

// `file://provider.mjs` — promptfoo's custom provider contract: the default export is a class constructed with
// `{ id, config }` whose instances have `callApi(prompt, context)`. Also accepted: a default-exported object with
// `callApi`, a default-exported function (it *is* callApi), or a named `callApi` export.
//
// A callApi that throws is reported as a TRANSIENT error: custom providers usually wrap a network client, and a
// throw is how those surface timeouts and resets. A provider that knows better returns `{ error, transient }`.
const MODULE_EXTENSIONS = new Set(JAVASCRIPT_EXTENSIONS);
/** Absolute path of the module, refusing anything outside rootDir (after resolving symlinks). */
async function resolveInsideRoot(reference, options, extensions = MODULE_EXTENSIONS, expected = 'a JavaScript or TypeScript module ending in .mjs, .js, .cjs, .ts, .mts or .cts') {
    const where = { file: options.configFile ?? path.join(options.rootDir, '<config>') };
    const relative = reference.slice('file://'.length);
    if (!extensions.has(path.extname(relative).toLowerCase())) {
        throw new ConfigError(where, `provider "${reference}": expected ${expected}`, options.key);
    }
    const root = await realpath(options.rootDir);
    let absolute;
    try {
        absolute = await realpath(path.resolve(root, relative));
    }
    catch {
        throw new ConfigError(where, `provider "${reference}": no such file ${path.resolve(root, relative)} (paths resolve against ${root})`, options.key);
    }
    const fromRoot = path.relative(root, absolute);
    if (fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) {
        throw new ConfigError(where, `provider "${reference}": resolves to ${absolute}, outside the suite's directory ${root}; keep provider modules inside it`, options.key);
    }
    return absolute;
}
function findCallApi(mod, spec) {
    const exported = promptfooDefault(mod);
    if (typeof exported === 'function') {
        const proto = exported.prototype;
        if (proto && typeof proto.callApi === 'function') {
            const Ctor = exported;
            const instance = new Ctor({ id: spec.id, config: spec.config });
            return instance.callApi.bind(instance);
        }
        return exported;
    }
    if (exported && typeof exported === 'object' && typeof exported.callApi === 'function') {
        const holder = exported;
        return holder.callApi.bind(holder);
    }
    if (typeof mod.callApi === 'function')
        return mod.callApi;
    return undefined;
}
/** Whatever callApi returned → a ProviderResponse; a bare string is taken as the output. */
function normalizeCustomResponse(value, id) {
    if (typeof value === 'string')
        return { output: value };
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
        return {
            error: `${id}: callApi returned ${value === null ? 'null' : typeof value}; expected { output } or { error }`,
            transient: false,
        };
    }
    const r = value;
    const response = {};
    if ('output' in r)
        response.output = r.output;
    if (r.error !== undefined && r.error !== null && r.error !== '') {
        response.error = `${id}: ${typeof r.error === 'string' ? r.error : messageOf(r.error)}`;
        response.transient = r.transient === true;
        if (typeof r.retryAfterMs === 'number')
            response.retryAfterMs = r.retryAfterMs;
    }
    if (r.tokenUsage && typeof r.tokenUsage === 'object')
        response.tokenUsage = r.tokenUsage;
    if (typeof r.cost === 'number')
        response.cost = r.cost;
    if (!('output' in r) && response.error === undefined) {
        return { error: `${id}: callApi returned an object with neither "output" nor "error"`, transient: false };
    }
    return response;
}
/** Run callApi, but give up when the engine's timeout fires: a module that ignores `context.signal` cannot hang a run. */
async function callUntilAborted(call, prompt, context, id) {
    const { signal } = context;
    const timedOut = { error: `${id}: timed out (aborted)`, transient: true };
    if (signal?.aborted)
        return timedOut;
    let onAbort;
    const aborted = new Promise((resolve) => {
        onAbort = () => resolve(timedOut);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
    const called = (async () => {
        try {
            return normalizeCustomResponse(await call(prompt, context), id);
        }
        catch (err) {
            return { error: `${id}: callApi threw: ${messageOf(err)}`, transient: true };
        }
    })();
    try {
        return await Promise.race([called, aborted]);
    }
    finally {
        if (onAbort)
            signal?.removeEventListener('abort', onAbort);
    }
}
async function createCustomProvider(spec, options) {
    return providerFromModule(spec, await resolveInsideRoot(spec.id, options), undefined, options);
}
/**
 * promptfoo's `package:<name>:<export>`: the named export of an npm package installed where the suite is (Node's
 * own resolution from the suite's directory), used as a custom provider — a class, an object with callApi, or a
 * function.
 */
async function createPackageProvider(spec, packageName, exportName, options) {
    const where = { file: options.configFile ?? path.join(options.rootDir, '<config>') };
    let file;
    try {
        file = createRequire(path.join(path.resolve(options.rootDir), 'package.json')).resolve(packageName);
    }
    catch (err) {
        throw new ConfigError(where, `provider "${spec.id}": cannot find package '${packageName}' from ${path.resolve(options.rootDir)} (${messageOf(err)}); install it next to the suite`, options.key);
    }
    return providerFromModule(spec, file, exportName, options);
}
async function providerFromModule(spec, file, exportName, options) {
    const where = { file: options.configFile ?? file };
    let mod;
    let contentHash;
    try {
        ({ namespace: mod, contentHash } = await importUserModule(file));
    }
    catch (err) {
        throw new ConfigError(where, `provider "${spec.id}": loading ${file} failed: ${messageOf(err)}`, options.key);
    }
    if (exportName !== undefined) {
        // CommonJS exports arrive as `default` (and sometimes as named exports too).
        const named = mod[exportName] ?? mod.default?.[exportName];
        if (named === undefined) {
            throw new ConfigError(where, `provider "${spec.id}": ${file} has no export named "${exportName}"`, options.key);
        }
        mod = { default: named };
    }
    let callApi;
    try {
        callApi = findCallApi(mod, spec);
    }
    catch (err) {
        throw new ConfigError(where, `provider "${spec.id}": constructing the default-exported class failed: ${messageOf(err)}`, options.key);
    }
    if (!callApi) {
        throw new ConfigError(where, `provider "${spec.id}": ${file} exports no callApi; expected \`export default class { constructor({ id, config }) {} async callApi(prompt, context) { return { output } } }\``, options.key);
    }
    const call = callApi;
    const secrets = secretsInConfig(spec.config);
    return {
        id: spec.id,
        label: spec.label,
        // The module's content is part of its identity: editing the provider invalidates cached outputs.
        cacheIdentity: cacheIdentityOf(spec.id, spec.config, { sha256: contentHash }),
        async callApi(prompt, context) {
            const response = await callUntilAborted(call, prompt, context, spec.id);
            return response.error === undefined ? response : { ...response, error: redact(response.error, secrets) };
        },
    };
}

export { createCustomProvider, createPackageProvider, normalizeCustomResponse, resolveInsideRoot };
