import { readFile } from 'node:fs/promises';
import node_https from 'node:https';
import path from 'node:path';
import { s as str, W as renderTemplateText, p as postJson, B as messageOf, a2 as configEnv, a3 as signerFor, a as secretsInConfig, f as failure, a4 as renderDeep, a5 as isSecretHeader, c as cacheIdentityOf, X as ConfigError } from './cli-main.js';
import { c as compileCode } from './cli-config-code.js';
import 'node:fs';
import 'node:os';
import 'events';
import 'fs';
import 'path';
import 'node:crypto';
import 'node:http';
import 'node:util';
import 'node:zlib';
import 'node:events';
import 'process';
import 'buffer';
import 'node:url';
import './cli-version.js';
import 'node:child_process';

// promptfoo's `auth: { type: oauth }` for the http provider: an OAuth 2.0 token from the token endpoint
// (client_credentials, or password with username/password), form-encoded as RFC 6749 asks, sent as a bearer
// token and kept until shortly before it expires. Its fields are templates (`{{ env.CLIENT_SECRET }}`).
const EARLY_MS = 60_000;
/** The oauth block checked when the suite loads; undefined when auth is not oauth. */
function oauthConfig(auth) {
    const a = (auth ?? {});
    if (a.type !== 'oauth')
        return undefined;
    const grantType = a.grantType ?? 'client_credentials';
    if (grantType !== 'client_credentials' && grantType !== 'password')
        throw new Error(`auth.grantType: expected client_credentials or password, got ${JSON.stringify(grantType)}`);
    if (!str(a.tokenUrl))
        throw new Error('auth.tokenUrl: the OAuth token endpoint is required');
    const scopes = Array.isArray(a.scopes) ? a.scopes.map(String).join(' ') : str(a.scopes);
    return {
        tokenUrl: str(a.tokenUrl),
        grantType,
        fields: {
            client_id: str(a.clientId),
            client_secret: str(a.clientSecret),
            ...(grantType === 'password' ? { username: str(a.username), password: str(a.password) } : {}),
            ...(scopes ? { scope: scopes } : {}),
        },
    };
}
/** A token source: fetches on first use and after expiry; failures come back as `{ error, transient }`. */
function oauthTokens(oauth, env, label) {
    let held;
    return async (signal) => {
        const rendered = Object.fromEntries(Object.entries(oauth.fields)
            .filter((e) => typeof e[1] === 'string')
            .map(([k, v]) => [k, renderTemplateText(v, { env })]));
        const secrets = [rendered.client_secret, rendered.password].filter((v) => Boolean(v));
        if (held && Date.now() < held.until)
            return { token: held.token, secrets: [...secrets, held.token] };
        const outcome = await postJson(renderTemplateText(oauth.tokenUrl, { env }), undefined, { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, {
            signal,
            secrets,
            label: `${label}: OAuth token`,
            bodyText: new URLSearchParams({ grant_type: oauth.grantType, ...rendered }).toString(),
            credentialHint: 'check auth.clientId and auth.clientSecret',
        });
        if (!outcome.ok)
            return {
                error: outcome.failure.error ?? 'the token request failed',
                transient: outcome.failure.transient === true,
            };
        const reply = outcome.body;
        if (typeof reply?.access_token !== 'string')
            return { error: `${label}: OAuth token: the reply has no access_token`, transient: true };
        const lifetime = typeof reply.expires_in === 'number' ? reply.expires_in * 1000 : 3_600_000;
        held = { token: reply.access_token, until: Date.now() + Math.max(0, lifetime - EARLY_MS) };
        return { token: held.token, secrets: [...secrets, held.token] };
    };
}

// promptfoo's generic HTTP provider (`http`, `https`, or a bare `https://…` id): the suite's own endpoint,
// called with a templated request and read with a transform. Templates are nunjucks over the test's vars and
// `prompt`; the URL and headers may also read `env` (minus the runner's reserved variables) for a token.
// `transformResponse`, `transformRequest` and `sessionParser` are JavaScript from the config: on untrusted
// events only the base revision's config runs (src/review/suite.ts), so this code is the base's.
/** Keys promptfoo's http provider has that promptgate refuses rather than ignores. */
const REFUSED_KEYS = {
    request: 'a raw HTTP request text is not supported; write url, method, headers and body instead',
    validateStatus: 'is not supported: a 2xx reply is an answer, 429/5xx are retried, any other status is an error',
};
/**
 * promptfoo's `auth` as header and query templates (rendered per call, so `{{ env.TOKEN }}` works): bearer,
 * basic and api_key (in a header or the query). OAuth (http-oauth.ts) fetches its token per call.
 */
function authParts(auth) {
    if (auth === undefined || oauthConfig(auth))
        return { headers: {}, query: {} };
    const a = (auth ?? {});
    if (a.type === 'bearer' && str(a.token))
        return { headers: { authorization: `Bearer ${str(a.token)}` }, query: {} };
    if (a.type === 'basic' && typeof a.username === 'string' && typeof a.password === 'string')
        return {
            headers: { authorization: `Basic ${Buffer.from(`${a.username}:${a.password}`).toString('base64')}` },
            query: {},
        };
    if (a.type === 'api_key' && str(a.value) && str(a.keyName)) {
        const part = { [str(a.keyName)]: str(a.value) };
        return a.placement === 'query' ? { headers: {}, query: part } : { headers: part, query: {} };
    }
    throw new Error('auth: only {type: bearer, token}, {type: basic, username, password}, {type: api_key, value, keyName, placement} and {type: oauth, tokenUrl, clientId, clientSecret} are supported');
}
/** TLS options promptfoo's http provider takes, as node:https names them; `*Path` ones are read from files. */
const TLS_VALUES = [
    'ca',
    'cert',
    'key',
    'pfx',
    'passphrase',
    'servername',
    'ciphers',
    'minVersion',
    'maxVersion',
];
const TLS_FILES = { caPath: 'ca', certPath: 'cert', keyPath: 'key', pfxPath: 'pfx' };
/** An https agent of this provider's own for `tls` (a CA, a client certificate, or rejectUnauthorized: false). */
async function tlsAgent(tls, rootDir) {
    if (tls === undefined)
        return undefined;
    if (!tls || typeof tls !== 'object')
        throw new Error('tls: expected an object (caPath, certPath, keyPath, pfxPath, …)');
    const t = tls;
    const known = new Set([...TLS_VALUES, ...Object.keys(TLS_FILES), 'rejectUnauthorized']);
    const unknown = Object.keys(t).filter((k) => !known.has(k));
    if (unknown.length > 0)
        throw new Error(`tls.${unknown[0]}: not a TLS option promptgate knows (${[...known].join(', ')})`);
    const options = { keepAlive: true };
    for (const key of TLS_VALUES)
        if (typeof t[key] === 'string')
            options[key] = t[key];
    for (const [key, option] of Object.entries(TLS_FILES)) {
        if (typeof t[key] !== 'string')
            continue;
        const file = path.resolve(rootDir, t[key]);
        try {
            options[option] = await readFile(file);
        }
        catch {
            throw new Error(`tls.${key}: cannot read ${file}`);
        }
    }
    if (typeof t.rejectUnauthorized === 'boolean')
        options.rejectUnauthorized = t.rejectUnauthorized;
    return new node_https.Agent(options);
}
/**
 * What the transform returned → a ProviderResponse: an object with `output` (or `error`) is taken as one, with
 * its tokenUsage, cost, metadata and guardrails; `fail` words a malformed one.
 */
function responseOf(value, fail) {
    if (value && typeof value === 'object' && !Array.isArray(value) && ('output' in value || 'error' in value)) {
        const r = value;
        const response = { output: r.output };
        if (typeof r.error === 'string' && r.error)
            response.error = r.error;
        if (r.tokenUsage && typeof r.tokenUsage === 'object')
            response.tokenUsage = r.tokenUsage;
        if (typeof r.cost === 'number')
            response.cost = r.cost;
        if (r.metadata && typeof r.metadata === 'object' && !Array.isArray(r.metadata))
            response.metadata = r.metadata;
        if (r.guardrails !== undefined) {
            if (!r.guardrails || typeof r.guardrails !== 'object' || Array.isArray(r.guardrails))
                return fail(`transformResponse returned \`guardrails\` that is not an object (${JSON.stringify(r.guardrails)}); expected { flagged, flaggedInput, flaggedOutput, reason }`);
            response.guardrails = r.guardrails;
        }
        return response;
    }
    return { output: value };
}
async function createHttpProvider(spec, idUrl, options) {
    const { config } = spec;
    const where = { file: options.configFile ?? path.join(options.rootDir, '<config>') };
    const key = options.key ?? 'provider';
    const located = (message) => new ConfigError(where, `provider "${spec.id}": ${message}`, key);
    for (const [name, why] of Object.entries(REFUSED_KEYS)) {
        if (config[name] !== undefined)
            throw located(`config.${name}: ${why}`);
    }
    const urlTemplate = str(config.url) ?? idUrl;
    if (!urlTemplate)
        throw located('config.url is required (the endpoint to call), e.g. url: https://example.com/api/chat');
    const method = (str(config.method) ?? 'POST').toUpperCase();
    let auth;
    try {
        auth = authParts(config.auth);
    }
    catch (err) {
        throw located(`config.${messageOf(err)}`);
    }
    const code = async (name, params) => {
        const source = config[name];
        if (source === undefined)
            return undefined;
        if (typeof source === 'function')
            return source;
        if (typeof source !== 'string')
            throw located(`config.${name}: expected JavaScript (an expression or file://path.js)`);
        try {
            return await compileCode(source, params, options.rootDir);
        }
        catch (err) {
            throw located(`config.${name}: ${messageOf(err)}`);
        }
    };
    const transformResponse = (await code('transformResponse', ['json', 'text', 'context'])) ??
        (await code('responseParser', ['json', 'text', 'context']));
    const transformRequest = await code('transformRequest', ['prompt', 'vars', 'context']);
    const sessionParser = await code('sessionParser', ['data']);
    const env = Object.fromEntries(Object.entries(configEnv(options.env ?? process.env)).filter((e) => typeof e[1] === 'string'));
    let sign;
    let agent;
    try {
        sign = signerFor(config.signatureAuth, options.rootDir, env);
        agent = await tlsAgent(config.tls, options.rootDir);
    }
    catch (err) {
        throw located(`config.${messageOf(err)}`);
    }
    let oauth;
    try {
        const oauthSettings = oauthConfig(config.auth);
        if (oauthSettings)
            oauth = oauthTokens(oauthSettings, env, spec.id);
    }
    catch (err) {
        throw located(`config.${messageOf(err)}`);
    }
    const configSecrets = secretsInConfig(config);
    // Only the latest session: promptfoo's multi-turn targets answer a conversation one call at a time.
    let sessionId;
    return {
        id: spec.id,
        label: spec.label,
        cacheIdentity: cacheIdentityOf(spec.id, config),
        async callApi(prompt, context) {
            const label = spec.id;
            let secrets = [...configSecrets];
            let sent = prompt;
            try {
                if (transformRequest)
                    sent = await transformRequest(prompt, context.vars, context);
            }
            catch (err) {
                return failure({ label, secrets }, `transformRequest threw: ${messageOf(err)}`, false);
            }
            let signed;
            try {
                signed = await sign?.();
            }
            catch (err) {
                return failure({ label, secrets }, `signing the request: ${messageOf(err)}`, false);
            }
            // `sessionId` is the provider's own variable: empty until a sessionParser found one (as in promptfoo).
            const vars = { ...context.vars, prompt: sent, sessionId: sessionId ?? context.vars.sessionId ?? '', ...signed };
            const withEnv = { ...vars, env };
            let url;
            let headers;
            try {
                url = renderTemplateText(urlTemplate, withEnv);
                const query = {
                    ...(config.queryParams && typeof config.queryParams === 'object' ? config.queryParams : {}),
                    ...auth.query,
                };
                if (Object.keys(query).length > 0) {
                    const parsed = new URL(url);
                    for (const [name, value] of Object.entries(renderDeep(query, withEnv)))
                        parsed.searchParams.set(name, String(value));
                    url = parsed.href;
                }
                for (const value of Object.values(auth.query))
                    secrets = [...secrets, renderTemplateText(value, withEnv)];
                headers = {};
                const configured = config.headers && typeof config.headers === 'object' ? config.headers : {};
                for (const [name, value] of Object.entries({ ...configured, ...auth.headers })) {
                    const rendered = renderTemplateText(String(value), withEnv);
                    headers[name.toLowerCase()] = rendered;
                    if (isSecretHeader(name) || name in auth.headers)
                        secrets = [...secrets, rendered];
                }
            }
            catch (err) {
                return failure({ label, secrets }, `rendering the request: ${messageOf(err)}`, false);
            }
            if (oauth) {
                const issued = await oauth(context.signal);
                if ('error' in issued)
                    return { error: issued.error, transient: issued.transient };
                headers.authorization = `Bearer ${issued.token}`;
                secrets = [...secrets, ...issued.secrets];
            }
            // promptfoo's http provider sends a traced case's trace context as the W3C header, over a configured one.
            if (context.traceparent !== undefined)
                headers.traceparent = context.traceparent;
            let bodyText;
            if (method !== 'GET' && method !== 'HEAD') {
                const body = config.body === undefined ? { prompt: sent } : renderDeep(config.body, vars);
                bodyText = typeof body === 'string' ? body : JSON.stringify(body);
            }
            const outcome = await postJson(url, undefined, headers, {
                signal: context.signal,
                secrets,
                label,
                method,
                ...(bodyText !== undefined ? { bodyText } : {}),
                acceptText: true,
                ...(agent && url.startsWith('https:') ? { agent } : {}),
                credentialHint: "check the credentials in this provider's headers",
            });
            if (!outcome.ok)
                return outcome.failure;
            const json = typeof outcome.body === 'string' ? undefined : outcome.body;
            const responseContext = { ...context, response: { status: outcome.status, headers: outcome.headers } };
            try {
                if (sessionParser) {
                    const parsed = await sessionParser({
                        headers: outcome.headers,
                        body: json ?? outcome.text,
                    });
                    if (parsed !== undefined && parsed !== null && parsed !== '')
                        sessionId = String(parsed);
                }
            }
            catch (err) {
                return failure({ label, secrets }, `sessionParser threw: ${messageOf(err)}`, false);
            }
            if (!transformResponse)
                return { output: json ?? outcome.text };
            try {
                return responseOf(await transformResponse(json, outcome.text, responseContext), (message) => failure({ label, secrets }, message, false));
            }
            catch (err) {
                return failure({ label, secrets }, `transformResponse threw: ${messageOf(err)}`, false);
            }
        },
    };
}

export { createHttpProvider };
