// Secrets never leave a provider: not in error messages (a server may echo the key back), not in cache keys.
const REDACTED = '[REDACTED]';
/** Config keys whose values are credentials. */
const SECRET_CONFIG_KEYS = new Set([
    'apikey',
    'api_key',
    'token',
    'password',
    // AWS keys (Bedrock, SageMaker), an Entra token (Azure), a service-account JSON (Vertex), a signing key (http).
    'secretaccesskey',
    'sessiontoken',
    'azureadtoken',
    'credentials',
    'privatekey',
    'passphrase',
]);
/** Objects in a provider's config whose own keys may be credentials: the http provider's `auth` and `signatureAuth`. */
const SECRET_HOLDERS = new Set(['auth', 'signatureauth']);
/** Inside those: the api_key auth's `value` too. */
const HELD_SECRET_KEYS = new Set([...SECRET_CONFIG_KEYS, 'value', 'keystorepassword']);
/** Header names whose values are credentials. */
const SECRET_HEADER_NAMES = new Set(['authorization', 'x-api-key', 'api-key', 'proxy-authorization', 'cookie']);
/** Replace every occurrence of every known secret value. Very short values are skipped: they would shred the text. */
function redact(text, secrets) {
    let out = text;
    for (const secret of secrets) {
        if (secret.length < 4)
            continue;
        out = out.split(secret).join(REDACTED);
        // A bearer token is usually the key itself; also catch it without the scheme the header carried.
        const bare = secret.replace(/^(Bearer|Basic|Token)\s+/i, '');
        if (bare !== secret && bare.length >= 4)
            out = out.split(bare).join(REDACTED);
    }
    return out;
}
function isSecretHeader(name) {
    return SECRET_HEADER_NAMES.has(name.toLowerCase());
}
/** Credential values written in a provider's config: `apiKey` and secret-bearing `headers`. */
function secretsInConfig(config) {
    const found = [];
    for (const [key, value] of Object.entries(config)) {
        if (SECRET_CONFIG_KEYS.has(key.toLowerCase()) && typeof value === 'string' && value)
            found.push(value);
        if (SECRET_HOLDERS.has(key.toLowerCase()) && value && typeof value === 'object') {
            for (const [inner, held] of Object.entries(value)) {
                if (HELD_SECRET_KEYS.has(inner.toLowerCase()) && typeof held === 'string' && held)
                    found.push(held);
            }
        }
    }
    const headers = config.headers;
    if (headers && typeof headers === 'object') {
        for (const [name, value] of Object.entries(headers)) {
            if (isSecretHeader(name) && typeof value === 'string' && value)
                found.push(value);
        }
    }
    return found;
}
/** The config without credentials: what may go into a cache key or a log. */
function withoutSecrets(config) {
    const out = {};
    for (const [key, value] of Object.entries(config)) {
        if (SECRET_CONFIG_KEYS.has(key.toLowerCase()))
            continue;
        if (SECRET_HOLDERS.has(key.toLowerCase()) && value && typeof value === 'object') {
            out[key] = Object.fromEntries(Object.entries(value).filter(([inner]) => !HELD_SECRET_KEYS.has(inner.toLowerCase())));
            continue;
        }
        if (key === 'headers' && value && typeof value === 'object') {
            out.headers = Object.fromEntries(Object.entries(value).filter(([name]) => !isSecretHeader(name)));
            continue;
        }
        out[key] = value;
    }
    return out;
}
/** JSON with object keys sorted at every depth, so equal configs give equal strings whatever their key order. */
function stableJson(value) {
    return JSON.stringify(sortKeys(value));
}
function sortKeys(value) {
    if (Array.isArray(value))
        return value.map(sortKeys);
    if (value && typeof value === 'object') {
        const entries = Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
    }
    return value;
}
/** What a cache entry for this provider is keyed by besides the prompt; `extra` carries e.g. a file's content hash. */
function cacheIdentityOf(id, config, extra = {}) {
    return stableJson({ id, config: withoutSecrets(config), ...extra });
}
/**
 * Variables the runner and GitHub set (`INPUT_GITHUB-TOKEN` is the action's token, `ACTIONS_RUNTIME_TOKEN` the
 * cache and artifact services' credential): no config may read them, as a key variable or otherwise.
 */
const RUNNER_VARIABLE = /^(INPUT_|GITHUB_|ACTIONS_|RUNNER_)/i;
function isRunnerVariable(name) {
    return RUNNER_VARIABLE.test(name);
}
/** The environment as a config may see it: without the runner's and GitHub's own variables. */
function configEnv(env) {
    const visible = {};
    for (const [name, value] of Object.entries(env))
        if (!isRunnerVariable(name))
            visible[name] = value;
    return visible;
}
/** Names that hold credentials by convention (`OPENAI_API_KEY`, `HF_TOKEN`, `DB_PASSWORD`, `AWS_SECRET_ACCESS_KEY`). */
const SECRET_VARIABLE = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?|PRIVATE)(_|$)/i;
/**
 * Values of the environment that are credentials by their name, and the runner's own tokens: masked in the
 * log and redacted from every result, comment, summary, report, dataset and cache entry. A custom provider
 * may read any variable, so these are scrubbed whether or not a provider's config names them.
 */
function secretEnvValues(env) {
    const found = [];
    for (const [name, value] of Object.entries(env)) {
        if (!value || value.length < 4)
            continue;
        if (SECRET_VARIABLE.test(name) || name === 'INPUT_GITHUB-TOKEN' || name === 'INPUT_GITHUB_TOKEN')
            found.push(value);
    }
    return found;
}

export { configEnv as a, isRunnerVariable as b, cacheIdentityOf as c, secretEnvValues as d, stableJson as e, isSecretHeader as i, redact as r, secretsInConfig as s };
