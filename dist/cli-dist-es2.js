import { r as resolveAwsSdkSigV4Config, g as getSmithyContext, B as BinaryDecisionDiagram, E as EndpointCache, d as decideEndpoint, a as awsEndpointFunctions, c as customEndpointFunctions, S as ServiceException, T as TypeRegistry, t as toUtf8, b as Sha256Node, N as NoOpLogger, A as AwsSdkSigV4Signer, e as toBase64, f as fromBase64, h as emitWarningIfUnsupportedVersion, i as resolveDefaultsModeConfig, j as emitWarningIfUnsupportedVersion$1, k as calculateBodyLength, u as createDefaultUserAgentProvider, v as getDefaultSocketTimeout, x as loadConfigsForDefaultMode, l as NODE_APP_ID_CONFIG_OPTIONS, m as NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, n as NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, o as NODE_RETRY_MODE_CONFIG_OPTIONS, D as DEFAULT_RETRY_MODE, p as NODE_REGION_CONFIG_FILE_OPTIONS, q as NODE_REGION_CONFIG_OPTIONS, s as NODE_MAX_ATTEMPT_CONFIG_OPTIONS, w as NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, y as getAwsRegionExtensionConfiguration, z as getDefaultExtensionConfiguration, C as getHttpHandlerExtensionConfiguration, F as resolveAwsRegionExtensionConfiguration, G as resolveDefaultRuntimeConfig, H as resolveHttpHandlerRuntimeConfig, I as Client, J as resolveUserAgentConfig, K as resolveRetryConfig, L as resolveRegionConfig, M as resolveEndpointConfig, O as getSchemaSerdePlugin, P as getUserAgentPlugin, Q as getRetryPlugin, R as getContentLengthPlugin, U as getHostHeaderPlugin, V as getLoggerPlugin, W as getRecursionDetectionPlugin, X as getHttpAuthSchemeEndpointRuleSetPlugin, Z as getHttpSigningPlugin, _ as resolveHostHeaderConfig, Y as DefaultIdentityProviderConfig, $ as makeBuilder, a0 as getEndpointPlugin } from './cli-ProtocolLib.js';
export { a1 as $Command } from './cli-ProtocolLib.js';
import { B as normalizeProvider, z as fromUtf8 } from './cli-SignatureV4.js';
import 'node:crypto';
import { p as parseUrl, l as loadConfig } from './cli-configLoader.js';
import { A as AwsRestJsonProtocol } from './cli-AwsRestJsonProtocol.js';
import { r as resolveDefaultSocketTimeout, b as buildAbortError, c as buildQueryString, H as HttpResponse, g as getTransformedHeaders, w as writeRequestBody, a as streamCollector } from './cli-write-request-body.js';
import { e as eventStreamSerdeProvider, r as resolveEventStreamSerdeConfig } from './cli-EventStreamSerdeConfig.js';
import { d as defaultProvider } from './cli-index3.js';
import http2 from 'node:http2';
import 'node:fs';
import './cli-escape-uri.js';
import './cli-loadSharedConfigFiles.js';
import 'node:path';
import './cli-readFile.js';
import 'node:os';
import 'node:fs/promises';
import './cli-httpRequest.js';
import 'node:stream';
import 'node:process';
import './cli-sdk-stream-mixin.js';
import 'node:zlib';

const createAggregatedClient = (commands, Client, options) => {
    for (const [command, CommandCtor] of Object.entries(commands)) {
        const methodImpl = async function (args, optionsOrCb, cb) {
            const command = new CommandCtor(args);
            if (typeof optionsOrCb === "function") {
                this.send(command, optionsOrCb);
            }
            else if (typeof cb === "function") {
                if (typeof optionsOrCb !== "object") {
                    throw new Error(`Expected http options but got ${typeof optionsOrCb}`);
                }
                this.send(command, optionsOrCb || {}, cb);
            }
            else {
                return this.send(command, optionsOrCb);
            }
        };
        const methodName = (command[0].toLowerCase() + command.slice(1)).replace(/Command$/, "");
        Client.prototype[methodName] = methodImpl;
    }
    const { paginators = {}, waiters = {} } = options ?? {};
    for (const [paginatorName, paginatorFn] of Object.entries(paginators)) {
        if (Client.prototype[paginatorName] === void 0) {
            Client.prototype[paginatorName] = function (commandInput = {}, paginationConfiguration, ...rest) {
                return paginatorFn({
                    ...paginationConfiguration,
                    client: this,
                }, commandInput, ...rest);
            };
        }
    }
    for (const [waiterName, waiterFn] of Object.entries(waiters)) {
        if (Client.prototype[waiterName] === void 0) {
            Client.prototype[waiterName] = async function (commandInput = {}, waiterConfiguration, ...rest) {
                let config = waiterConfiguration;
                if (typeof waiterConfiguration === "number") {
                    config = {
                        maxWaitTime: waiterConfiguration,
                    };
                }
                return waiterFn({
                    ...config,
                    client: this,
                }, commandInput, ...rest);
            };
        }
    }
};

const makePagedClientRequest = async (CommandCtor, client, input, withCommand = (_) => _, ...args) => {
    let command = new CommandCtor(input);
    command = withCommand(command) ?? command;
    return await client.send(command, ...args);
};
function createPaginator(ClientCtor, CommandCtor, inputTokenName, outputTokenName, pageSizeTokenName) {
    return async function* paginateOperation(config, input, ...additionalArguments) {
        const _input = input;
        let token = config.startingToken ?? _input[inputTokenName];
        let hasNext = true;
        let page;
        while (hasNext) {
            _input[inputTokenName] = token;
            if (pageSizeTokenName) {
                _input[pageSizeTokenName] = _input[pageSizeTokenName] ?? config.pageSize;
            }
            if (config.client instanceof ClientCtor) {
                page = await makePagedClientRequest(CommandCtor, config.client, input, config.withCommand, ...additionalArguments);
            }
            else {
                throw new Error(`Invalid client, expected instance of ${ClientCtor.name}`);
            }
            yield page;
            const prevToken = token;
            token = get(page, outputTokenName);
            hasNext = !!(token && (!config.stopOnSameToken || token !== prevToken));
        }
        return undefined;
    };
}
const get = (fromObject, path) => {
    let cursor = fromObject;
    const pathComponents = path.split(".");
    for (const step of pathComponents) {
        if (!cursor || typeof cursor !== "object") {
            return undefined;
        }
        cursor = cursor[step];
    }
    return cursor;
};

const defaultBedrockAgentRuntimeHttpAuthSchemeParametersProvider = async (config, context, input) => {
    return {
        operation: getSmithyContext(context).operation,
        region: await normalizeProvider(config.region)() || (() => {
            throw new Error("expected `region` to be configured for `aws.auth#sigv4`");
        })(),
    };
};
function createAwsAuthSigv4HttpAuthOption(authParameters) {
    return {
        schemeId: "aws.auth#sigv4",
        signingProperties: {
            name: "bedrock",
            region: authParameters.region,
        },
        propertiesExtractor: (config, context) => ({
            signingProperties: {
                config,
                context,
            },
        }),
    };
}
const defaultBedrockAgentRuntimeHttpAuthSchemeProvider = (authParameters) => {
    const options = [];
    switch (authParameters.operation) {
        default: {
            options.push(createAwsAuthSigv4HttpAuthOption(authParameters));
        }
    }
    return options;
};
const resolveHttpAuthSchemeConfig = (config) => {
    const config_0 = resolveAwsSdkSigV4Config(config);
    return Object.assign(config_0, {
        authSchemePreference: normalizeProvider(config.authSchemePreference ?? []),
    });
};

const resolveClientEndpointParameters = (options) => {
    return Object.assign(options, {
        useDualstackEndpoint: options.useDualstackEndpoint ?? false,
        useFipsEndpoint: options.useFipsEndpoint ?? false,
        defaultSigningName: "bedrock",
    });
};
const commonParams = {
    UseFIPS: { type: "builtInParams", name: "useFipsEndpoint" },
    Endpoint: { type: "builtInParams", name: "endpoint" },
    Region: { type: "builtInParams", name: "region" },
    UseDualStack: { type: "builtInParams", name: "useDualstackEndpoint" },
};

var version = "3.1164.0";
var packageInfo = {
	version: version};

const ids = new Uint16Array(1);
class ClientHttp2SessionRef {
    id = ids[0]++;
    total = 0;
    max = 0;
    session;
    refs = 0;
    constructor(session) {
        session.unref();
        this.session = session;
    }
    retain() {
        if (this.session.destroyed) {
            throw new Error("@smithy/node-http-handler - cannot acquire reference to destroyed session.");
        }
        this.refs += 1;
        this.total += 1;
        this.max = Math.max(this.refs, this.max);
        this.session.ref();
    }
    free() {
        if (this.session.destroyed) {
            return;
        }
        this.refs -= 1;
        if (this.refs === 0) {
            this.session.unref();
        }
        if (this.refs < 0) {
            throw new Error("@smithy/node-http-handler - ClientHttp2Session refcount at zero, cannot decrement.");
        }
    }
    deref() {
        return this.session;
    }
    close() {
        if (!this.session.closed) {
            this.session.close();
        }
    }
    destroy() {
        this.refs = 0;
        if (!this.session.destroyed) {
            this.session.setTimeout(0);
            this.session.destroy();
        }
    }
    useCount() {
        return this.refs;
    }
}

class NodeHttp2ConnectionPool {
    sessions = [];
    maxConcurrency = 0;
    constructor(sessions) {
        this.sessions = (sessions ?? []).map((session) => new ClientHttp2SessionRef(session));
    }
    poll() {
        let cleanup = false;
        for (const session of this.sessions) {
            if (session.deref().destroyed) {
                cleanup = true;
                continue;
            }
            if (!this.maxConcurrency || session.useCount() < this.maxConcurrency) {
                return session;
            }
        }
        if (cleanup) {
            for (const session of this.sessions) {
                if (session.deref().destroyed) {
                    this.remove(session);
                }
            }
        }
    }
    offerLast(ref) {
        this.sessions.push(ref);
    }
    remove(ref) {
        const ix = this.sessions.indexOf(ref);
        if (ix > -1) {
            this.sessions.splice(ix, 1);
        }
    }
    [Symbol.iterator]() {
        return this.sessions[Symbol.iterator]();
    }
    setMaxConcurrency(maxConcurrency) {
        this.maxConcurrency = maxConcurrency;
    }
    destroy(ref) {
        this.remove(ref);
        ref.destroy();
    }
}

class NodeHttp2ConnectionManager {
    config;
    connectOptions;
    connectionPools = new Map();
    constructor(config) {
        this.config = config;
        if (this.config.maxConcurrency && this.config.maxConcurrency <= 0) {
            throw new RangeError("maxConcurrency must be greater than zero.");
        }
    }
    lease(requestContext, connectionConfiguration) {
        const url = this.getUrlString(requestContext);
        const pool = this.getPool(url);
        if (!this.config.disableConcurrency && !connectionConfiguration.isEventStream) {
            const available = pool.poll();
            if (available) {
                available.retain();
                return available;
            }
        }
        const ref = new ClientHttp2SessionRef(this.connect(url));
        const session = ref.deref();
        if (this.config.maxConcurrency) {
            session.settings({ maxConcurrentStreams: this.config.maxConcurrency }, (err) => {
                if (err) {
                    throw new Error("Fail to set maxConcurrentStreams to " +
                        this.config.maxConcurrency +
                        "when creating new session for " +
                        requestContext.destination.toString());
                }
            });
        }
        const graceful = () => {
            this.removeFromPoolAndClose(url, ref);
        };
        const ensureDestroyed = () => {
            this.removeFromPoolAndCheckedDestroy(url, ref);
        };
        session.on("goaway", graceful);
        session.on("error", ensureDestroyed);
        session.on("frameError", ensureDestroyed);
        session.on("close", ensureDestroyed);
        if (connectionConfiguration.requestTimeout) {
            session.setTimeout(connectionConfiguration.requestTimeout, ensureDestroyed);
        }
        pool.offerLast(ref);
        ref.retain();
        return ref;
    }
    release(_requestContext, ref) {
        ref.free();
    }
    createIsolatedSession(requestContext, connectionConfiguration) {
        const url = this.getUrlString(requestContext);
        const ref = new ClientHttp2SessionRef(this.connect(url));
        const session = ref.deref();
        session.settings({ maxConcurrentStreams: 1 });
        const ensureDestroyed = () => {
            ref.destroy();
        };
        session.on("error", ensureDestroyed);
        session.on("frameError", ensureDestroyed);
        session.on("close", ensureDestroyed);
        const timeout = connectionConfiguration.requestTimeout ?? 300_000;
        session.setTimeout(timeout, ensureDestroyed);
        ref.retain();
        return ref;
    }
    destroy() {
        for (const [url, connectionPool] of this.connectionPools) {
            for (const session of [...connectionPool]) {
                session.destroy();
            }
            this.connectionPools.delete(url);
        }
    }
    setMaxConcurrentStreams(maxConcurrentStreams) {
        if (maxConcurrentStreams && maxConcurrentStreams <= 0) {
            throw new RangeError("maxConcurrentStreams must be greater than zero.");
        }
        this.config.maxConcurrency = maxConcurrentStreams;
        for (const pool of this.connectionPools.values()) {
            pool.setMaxConcurrency(maxConcurrentStreams);
        }
    }
    setDisableConcurrentStreams(disableConcurrentStreams) {
        this.config.disableConcurrency = disableConcurrentStreams;
    }
    setNodeHttp2ConnectOptions(nodeHttp2ConnectOptions) {
        this.connectOptions = nodeHttp2ConnectOptions;
    }
    debug() {
        const pools = {};
        for (const [url, pool] of this.connectionPools) {
            const sessions = [];
            for (const ref of pool) {
                sessions.push({
                    id: ref.id,
                    active: ref.useCount(),
                    maxConcurrent: ref.max,
                    totalRequests: ref.total,
                });
            }
            pools[url] = { sessions };
        }
        return pools;
    }
    removeFromPoolAndClose(authority, ref) {
        this.connectionPools.get(authority)?.remove(ref);
        ref.close();
    }
    removeFromPoolAndCheckedDestroy(authority, ref) {
        this.connectionPools.get(authority)?.remove(ref);
        ref.destroy();
    }
    getPool(url) {
        if (!this.connectionPools.has(url)) {
            const pool = new NodeHttp2ConnectionPool();
            if (this.config.maxConcurrency) {
                pool.setMaxConcurrency(this.config.maxConcurrency);
            }
            this.connectionPools.set(url, pool);
        }
        return this.connectionPools.get(url);
    }
    getUrlString(request) {
        return request.destination.toString();
    }
    connect(url) {
        return this.connectOptions === undefined ? http2.connect(url) : http2.connect(url, this.connectOptions);
    }
}

const { constants } = http2;
class NodeHttp2Handler {
    config;
    configProvider;
    metadata = { handlerProtocol: "h2" };
    connectionManager = new NodeHttp2ConnectionManager({});
    static create(instanceOrOptions) {
        if (typeof instanceOrOptions?.handle === "function") {
            return instanceOrOptions;
        }
        return new NodeHttp2Handler(instanceOrOptions);
    }
    constructor(options) {
        this.configProvider = new Promise((resolve, reject) => {
            if (typeof options === "function") {
                options()
                    .then((opts) => {
                    resolve(opts || {});
                })
                    .catch(reject);
            }
            else {
                resolve(options || {});
            }
        });
    }
    destroy() {
        this.connectionManager.destroy();
    }
    async handle(request, { abortSignal, requestTimeout, isEventStream } = {}) {
        if (!this.config) {
            const config = await this.configProvider;
            this.config = { ...config, defaultSocketTimeout: resolveDefaultSocketTimeout(config) };
            const { disableConcurrentStreams, maxConcurrentStreams, nodeHttp2ConnectOptions } = this.config;
            this.connectionManager.setDisableConcurrentStreams(disableConcurrentStreams ?? false);
            if (maxConcurrentStreams) {
                this.connectionManager.setMaxConcurrentStreams(maxConcurrentStreams);
            }
            if (nodeHttp2ConnectOptions) {
                this.connectionManager.setNodeHttp2ConnectOptions(nodeHttp2ConnectOptions);
            }
        }
        const { requestTimeout: configRequestTimeout, disableConcurrentStreams, sessionTimeout } = this.config;
        const useIsolatedSession = disableConcurrentStreams || isEventStream;
        const effectiveRequestTimeout = requestTimeout ?? configRequestTimeout;
        const defaultSocketTimeout = effectiveRequestTimeout === undefined && sessionTimeout === undefined
            ? this.config.defaultSocketTimeout
            : undefined;
        return new Promise((_resolve, _reject) => {
            let fulfilled = false;
            let writeRequestBodyPromise = undefined;
            const resolve = async (arg) => {
                await writeRequestBodyPromise;
                _resolve(arg);
            };
            const reject = async (arg) => {
                await writeRequestBodyPromise;
                _reject(arg);
            };
            if (abortSignal?.aborted) {
                fulfilled = true;
                const abortError = buildAbortError(abortSignal);
                reject(abortError);
                return;
            }
            const { hostname, method, port, protocol, query } = request;
            let auth = "";
            if (request.username != null || request.password != null) {
                const username = request.username ?? "";
                const password = request.password ?? "";
                auth = `${username}:${password}@`;
            }
            const authority = `${protocol}//${auth}${hostname}${port ? `:${port}` : ""}`;
            const requestContext = { destination: new URL(authority) };
            const connectConfig = {
                requestTimeout: this.config?.sessionTimeout,
                isEventStream,
            };
            const ref = useIsolatedSession
                ? this.connectionManager.createIsolatedSession(requestContext, connectConfig)
                : this.connectionManager.lease(requestContext, connectConfig);
            const session = ref.deref();
            const rejectWithDestroy = (err) => {
                if (useIsolatedSession) {
                    ref.destroy();
                }
                fulfilled = true;
                reject(err);
            };
            const queryString = query ? buildQueryString(query) : "";
            let path = request.path;
            if (queryString) {
                path += `?${queryString}`;
            }
            if (request.fragment) {
                path += `#${request.fragment}`;
            }
            const clientHttp2Stream = session.request({
                ...request.headers,
                [constants.HTTP2_HEADER_PATH]: path,
                [constants.HTTP2_HEADER_METHOD]: method,
            });
            if (effectiveRequestTimeout) {
                clientHttp2Stream.setTimeout(effectiveRequestTimeout, () => {
                    clientHttp2Stream.close();
                    const timeoutError = new Error(`Stream timed out because of no activity for ${effectiveRequestTimeout} ms`);
                    timeoutError.name = "TimeoutError";
                    rejectWithDestroy(timeoutError);
                });
            }
            else if (defaultSocketTimeout) {
                clientHttp2Stream.setTimeout(defaultSocketTimeout, () => {
                    const timeoutError = new Error(`Stream timed out because of no activity for ${defaultSocketTimeout} ms`);
                    timeoutError.name = "TimeoutError";
                    fulfilled = true;
                    reject(timeoutError);
                    clientHttp2Stream.destroy(timeoutError);
                    if (useIsolatedSession) {
                        ref.destroy();
                    }
                });
                clientHttp2Stream.once("response", () => clientHttp2Stream.setTimeout(defaultSocketTimeout));
            }
            if (abortSignal) {
                const onAbort = () => {
                    clientHttp2Stream.close();
                    const abortError = buildAbortError(abortSignal);
                    rejectWithDestroy(abortError);
                };
                if (typeof abortSignal.addEventListener === "function") {
                    const signal = abortSignal;
                    signal.addEventListener("abort", onAbort, { once: true });
                    clientHttp2Stream.once("close", () => signal.removeEventListener("abort", onAbort));
                }
                else {
                    abortSignal.onabort = onAbort;
                }
            }
            clientHttp2Stream.on("frameError", (type, code, id) => {
                rejectWithDestroy(new Error(`Frame type id ${type} in stream id ${id} has failed with code ${code}.`));
            });
            clientHttp2Stream.on("error", rejectWithDestroy);
            clientHttp2Stream.on("aborted", () => {
                rejectWithDestroy(new Error(`HTTP/2 stream is abnormally aborted in mid-communication with result code ${clientHttp2Stream.rstCode}.`));
            });
            clientHttp2Stream.on("response", (headers) => {
                const httpResponse = new HttpResponse({
                    statusCode: headers[":status"] ?? -1,
                    headers: getTransformedHeaders(headers),
                    body: clientHttp2Stream,
                });
                fulfilled = true;
                resolve({ response: httpResponse });
                if (useIsolatedSession) {
                    session.close();
                    clientHttp2Stream.on("end", () => {
                        ref.destroy();
                    });
                }
            });
            clientHttp2Stream.on("close", () => {
                if (useIsolatedSession) {
                    ref.destroy();
                }
                else {
                    this.connectionManager.release(requestContext, ref);
                }
                if (!fulfilled) {
                    const error = new Error("Unexpected error: http2 request did not get a response");
                    if (session.destroyed) {
                        error.name = "TimeoutError";
                    }
                    rejectWithDestroy(error);
                }
            });
            writeRequestBodyPromise = writeRequestBody(clientHttp2Stream, request, effectiveRequestTimeout);
        });
    }
    updateHttpClientConfig(key, value) {
        this.config = undefined;
        this.configProvider = this.configProvider.then((config) => {
            switch (key) {
                case Symbol.for("@smithy/defaultSocketTimeout"):
                    key = "defaultSocketTimeout";
                    value = resolveDefaultSocketTimeout(config) ?? value;
                    break;
            }
            return {
                ...config,
                [key]: value,
            };
        });
    }
    httpHandlerConfigs() {
        return this.config ?? {};
    }
}

const k = "ref";
const a = -1, b = true, c = "isSet", d = "PartitionResult", e = "booleanEquals", f = "getAttr", g = { [k]: "Endpoint" }, h = { [k]: d }, i = {}, j = [{ [k]: "Region" }];
const _data = {
    conditions: [
        [c, [g]],
        [c, j],
        ["aws.partition", j, d],
        [e, [{ [k]: "UseFIPS" }, b]],
        [e, [{ [k]: "UseDualStack" }, b]],
        [e, [{ fn: f, argv: [h, "supportsDualStack"] }, b]],
        [e, [{ fn: f, argv: [h, "supportsFIPS"] }, b]]
    ],
    results: [
        [a],
        [a, "Invalid Configuration: FIPS and custom endpoint are not supported"],
        [a, "Invalid Configuration: Dualstack and custom endpoint are not supported"],
        [g, i],
        ["https://bedrock-agent-runtime-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "FIPS and DualStack are enabled, but this partition does not support one or both"],
        ["https://bedrock-agent-runtime-fips.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "FIPS is enabled but this partition does not support FIPS"],
        ["https://bedrock-agent-runtime.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "DualStack is enabled but this partition does not support DualStack"],
        ["https://bedrock-agent-runtime.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "Invalid Configuration: Missing Region"]
    ]
};
const root = 2;
const r = 100_000_000;
const nodes = new Int32Array([
    -1, 1, -1,
    0, 12, 3,
    1, 4, r + 11,
    2, 5, r + 11,
    3, 8, 6,
    4, 7, r + 10,
    5, r + 8, r + 9,
    4, 10, 9,
    6, r + 6, r + 7,
    5, 11, r + 5,
    6, r + 4, r + 5,
    3, r + 1, 13,
    4, r + 2, r + 3,
]);
const bdd = BinaryDecisionDiagram.from(nodes, root, _data.conditions, _data.results);

const cache = new EndpointCache({
    size: 50,
    params: ["Endpoint", "Region", "UseDualStack", "UseFIPS"],
});
const defaultEndpointResolver = (endpointParams, context = {}) => {
    return cache.get(endpointParams, () => decideEndpoint(bdd, {
        endpointParams: endpointParams,
        logger: context.logger,
    }));
};
customEndpointFunctions.aws = awsEndpointFunctions;

class BedrockAgentRuntimeServiceException extends ServiceException {
    static shapeId = "smithy.ts.sdk.synthetic.com.amazonaws.bedrockagentruntime#BedrockAgentRuntimeServiceException";
    constructor(options) {
        super(options);
        Object.setPrototypeOf(this, BedrockAgentRuntimeServiceException.prototype);
    }
}

class AccessDeniedException extends BedrockAgentRuntimeServiceException {
    static shapeId = "com.amazonaws.bedrockagentruntime#AccessDeniedException";
    name = "AccessDeniedException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "AccessDeniedException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, AccessDeniedException.prototype);
    }
}
class BadGatewayException extends BedrockAgentRuntimeServiceException {
    static shapeId = "com.amazonaws.bedrockagentruntime#BadGatewayException";
    name = "BadGatewayException";
    $fault = "server";
    resourceName;
    constructor(opts) {
        super({
            name: "BadGatewayException",
            $fault: "server",
            ...opts,
        });
        Object.setPrototypeOf(this, BadGatewayException.prototype);
        this.resourceName = opts.resourceName;
    }
}
class ConflictException extends BedrockAgentRuntimeServiceException {
    static shapeId = "com.amazonaws.bedrockagentruntime#ConflictException";
    name = "ConflictException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ConflictException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ConflictException.prototype);
    }
}
class DependencyFailedException extends BedrockAgentRuntimeServiceException {
    static shapeId = "com.amazonaws.bedrockagentruntime#DependencyFailedException";
    name = "DependencyFailedException";
    $fault = "client";
    resourceName;
    constructor(opts) {
        super({
            name: "DependencyFailedException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, DependencyFailedException.prototype);
        this.resourceName = opts.resourceName;
    }
}
class InternalServerException extends BedrockAgentRuntimeServiceException {
    static shapeId = "com.amazonaws.bedrockagentruntime#InternalServerException";
    name = "InternalServerException";
    $fault = "server";
    reason;
    constructor(opts) {
        super({
            name: "InternalServerException",
            $fault: "server",
            ...opts,
        });
        Object.setPrototypeOf(this, InternalServerException.prototype);
        this.reason = opts.reason;
    }
}
class ResourceNotFoundException extends BedrockAgentRuntimeServiceException {
    static shapeId = "com.amazonaws.bedrockagentruntime#ResourceNotFoundException";
    name = "ResourceNotFoundException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ResourceNotFoundException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ResourceNotFoundException.prototype);
    }
}
class ServiceQuotaExceededException extends BedrockAgentRuntimeServiceException {
    static shapeId = "com.amazonaws.bedrockagentruntime#ServiceQuotaExceededException";
    name = "ServiceQuotaExceededException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ServiceQuotaExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ServiceQuotaExceededException.prototype);
    }
}
class ThrottlingException extends BedrockAgentRuntimeServiceException {
    static shapeId = "com.amazonaws.bedrockagentruntime#ThrottlingException";
    name = "ThrottlingException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ThrottlingException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ThrottlingException.prototype);
    }
}
class ValidationException extends BedrockAgentRuntimeServiceException {
    static shapeId = "com.amazonaws.bedrockagentruntime#ValidationException";
    name = "ValidationException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ValidationException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ValidationException.prototype);
    }
}
class ModelNotReadyException extends BedrockAgentRuntimeServiceException {
    static shapeId = "com.amazonaws.bedrockagentruntime#ModelNotReadyException";
    name = "ModelNotReadyException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ModelNotReadyException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ModelNotReadyException.prototype);
    }
}

const _A = "Attribution";
const _AAG = "AgentActionGroup";
const _AAGg = "AgentActionGroups";
const _ACII = "AgentCollaboratorInvocationInput";
const _ACIO = "AgentCollaboratorInvocationOutput";
const _ACIP = "AgentCollaboratorInputPayload";
const _ACM = "ApiContentMap";
const _ACOP = "AgentCollaboratorOutputPayload";
const _ACPS = "AgentCollaboratorPayloadString";
const _ADE = "AccessDeniedException";
const _AGE = "ActionGroupExecutor";
const _AGII = "ActionGroupInvocationInput";
const _AGIO = "ActionGroupInvocationOutput";
const _AGN = "ActionGroupName";
const _AGOS = "ActionGroupOutputString";
const _AII = "ApiInvocationInput";
const _AP = "ApiPath";
const _APE = "AnalyzePromptEvent";
const _APIS = "APISchema";
const _APp = "ApiParameter";
const _APpi = "ApiParameters";
const _AR = "AgenticRetriever";
const _ARA = "AgenticRetrieveAction";
const _ARAD = "AgenticRetrieveActionDetails";
const _ARAI = "AgenticRetrieveAppliedInstruction";
const _ARAg = "AgenticRetrieveActions";
const _ARB = "ApiRequestBody";
const _ARBGC = "AgenticRetrieveBedrockGuardrailConfiguration";
const _ARBRC = "AgenticRetrieveBedrockRerankingConfiguration";
const _ARBRMC = "AgenticRetrieveBedrockRerankingModelConfiguration";
const _ARC = "AgenticRetrieveCitation";
const _ARCED = "AgenticRetrieveCodeExecutionDetails";
const _ARCEDL = "AgenticRetrieveCodeExecutionDocumentList";
const _ARCEDg = "AgenticRetrieveCodeExecutionDocument";
const _ARCL = "AgenticRetrieveCitationList";
const _ARCR = "AgenticRetrieveCitationReference";
const _ARCRL = "AgenticRetrieveCitationReferenceList";
const _ARCg = "AgenticRetrieveConfiguration";
const _ARF = "AgenticRetrieveFailure";
const _ARFDED = "AgenticRetrieveFullDocExpansionDetails";
const _ARFg = "AgenticRetrieveFailures";
const _ARGR = "AgenticRetrieveGeneratedResponse";
const _ARGW = "AgenticRetrieveGuardrailWarning";
const _ARIC = "AgenticRetrieveInstructionConfiguration";
const _ARM = "AgenticRetrieveMessage";
const _ARMC = "AgenticRetrieveMemoryConfiguration";
const _ARMCg = "AgenticRetrieveMessageContent";
const _ARMMF = "AgenticRetrieveMemoryMetadataFilter";
const _ARMMFL = "AgenticRetrieveMemoryMetadataFilterList";
const _ARMMFLg = "AgenticRetrieveMemoryMetadataFilterLeft";
const _ARMMFR = "AgenticRetrieveMemoryMetadataFilterRight";
const _ARMMV = "AgenticRetrieveMemoryMetadataValue";
const _ARMRC = "AgenticRetrieveMemoryRetrievalConfig";
const _ARMRCL = "AgenticRetrieveMemoryRetrievalConfigList";
const _ARMRD = "AgenticRetrieveMemoryRetrieveDetails";
const _ARMSB = "AgenticRetrieveMemorySessionBinding";
const _ARMg = "AgenticRetrieveMessages";
const _ARPC = "AgenticRetrievePolicyConfiguration";
const _ARR = "AgenticRetrieveResults";
const _ARRC = "AgenticRetrieveRerankingConfiguration";
const _ARRE = "AgenticRetrieveResponseEvent";
const _ARREg = "AgenticRetrieveResultEvent";
const _ARRI = "AgenticRetrieveResultItem";
const _ARS = "AgenticRetrieveStream";
const _ARSM = "AgenticRetrieveSourceMetadata";
const _ARSML = "AgenticRetrieveSourceMetadataList";
const _ARSR = "AgenticRetrieveSourceRetriever";
const _ARSRL = "AgenticRetrieveSourceRetrieverList";
const _ARSRO = "AgenticRetrieveStreamResponseOutput";
const _ARSRg = "AgenticRetrieveStreamRequest";
const _ARSRge = "AgenticRetrieveStreamResponse";
const _ARTE = "AgenticRetrieveTraceEvent";
const _ARTEA = "AgenticRetrieveTraceEventAttributes";
const _ARTR = "AgenticRetrieveTraceResults";
const _ARTRI = "AgenticRetrieveTraceResultItem";
const _ARW = "AgenticRetrieveWarnings";
const _ARWM = "AgenticRetrieveWarningMessage";
const _ARWg = "AgenticRetrieveWarning";
const _ARg = "AgenticRetrievers";
const _ARp = "ApiResult";
const _AS = "AudioSegment";
const _AT = "AgentTraces";
const _BCB = "ByteContentBlob";
const _BCD = "ByteContentDoc";
const _BCF = "ByteContentFile";
const _BFMC = "BedrockFoundationModelConfiguration";
const _BFMMC = "BedrockFoundationModelModelConfiguration";
const _BGE = "BadGatewayException";
const _BMC = "BedrockModelConfigurations";
const _BPT = "BasePromptTemplate";
const _BRC = "BedrockRerankingConfiguration";
const _BRMC = "BedrockRerankingModelConfiguration";
const _BSCB = "BedrockSessionContentBlocks";
const _BSCBe = "BedrockSessionContentBlock";
const _C = "Citation";
const _CB = "ContentBody";
const _CBo = "ContentBlocks";
const _CBon = "ContentBlock";
const _CC = "CollaboratorConfiguration";
const _CCa = "CallerChain";
const _CCo = "CollaboratorConfigurations";
const _CE = "ConflictException";
const _CEi = "CitationEvent";
const _CH = "ConversationHistory";
const _CI = "CollaborationInstruction";
const _CIDA = "CheckIngestedDocumentAcl";
const _CIDAR = "CheckIngestedDocumentAclRequest";
const _CIDARh = "CheckIngestedDocumentAclResponse";
const _CIII = "CodeInterpreterInvocationInput";
const _CIIO = "CodeInterpreterInvocationOutput";
const _CIR = "CreateInvocationRequest";
const _CIRr = "CreateInvocationResponse";
const _CIr = "CreateInvocation";
const _CM = "ContentMap";
const _CO = "CustomOrchestration";
const _COT = "CustomOrchestrationTrace";
const _COTE = "CustomOrchestrationTraceEvent";
const _CRE = "ConditionResultEvent";
const _CS = "CreateSession";
const _CSR = "CreateSessionRequest";
const _CSRr = "CreateSessionResponse";
const _Ca = "Caller";
const _Ci = "Citations";
const _Co = "Collaborator";
const _Col = "Collaborators";
const _DA = "DocumentAcl";
const _DAC = "DocumentAclCondition";
const _DACL = "DocumentAclConditionList";
const _DAG = "DocumentAclGroup";
const _DAGL = "DocumentAclGroupList";
const _DAM = "DocumentAclMembership";
const _DAMR = "DeleteAgentMemoryRequest";
const _DAMRe = "DeleteAgentMemoryResponse";
const _DAMe = "DeleteAgentMemory";
const _DAU = "DocumentAclUser";
const _DAUL = "DocumentAclUserList";
const _DFE = "DependencyFailedException";
const _DS = "DeleteSession";
const _DSR = "DeleteSessionRequest";
const _DSRe = "DeleteSessionResponse";
const _ES = "ExternalSource";
const _ESGC = "ExternalSourcesGenerationConfiguration";
const _ESR = "EndSessionRequest";
const _ESRAGC = "ExternalSourcesRetrieveAndGenerateConfiguration";
const _ESRn = "EndSessionResponse";
const _ESn = "EndSession";
const _ESx = "ExternalSources";
const _F = "Function";
const _FA = "FilterAttribute";
const _FB = "FileBody";
const _FCE = "FlowCompletionEvent";
const _FD = "FunctionDefinition";
const _FEC = "FlowExecutionContent";
const _FEE = "FlowExecutionError";
const _FEEl = "FlowExecutionErrors";
const _FEElo = "FlowExecutionEvents";
const _FEElow = "FlowExecutionEvent";
const _FEIE = "FlowExecutionInputEvent";
const _FEOE = "FlowExecutionOutputEvent";
const _FES = "FlowExecutionSummary";
const _FESl = "FlowExecutionSummaries";
const _FFE = "FlowFailureEvent";
const _FFR = "FieldForReranking";
const _FFRi = "FieldsForReranking";
const _FI = "FlowInput";
const _FIC = "FlowInputContent";
const _FIF = "FlowInputField";
const _FIFl = "FlowInputFields";
const _FII = "FunctionInvocationInput";
const _FIl = "FlowInputs";
const _FMC = "FoundationModelConfiguration";
const _FMTIC = "FlowMultiTurnInputContent";
const _FMTIRE = "FlowMultiTurnInputRequestEvent";
const _FNIE = "FlowNodeInputExpression";
const _FOC = "FlowOutputContent";
const _FOE = "FlowOutputEvent";
const _FOF = "FlowOutputField";
const _FOFl = "FlowOutputFields";
const _FP = "FilePart";
const _FPu = "FunctionParameter";
const _FPun = "FunctionParameters";
const _FR = "FinalResponse";
const _FRS = "FailureReasonString";
const _FRSi = "FinalResponseString";
const _FRSl = "FlowResponseStream";
const _FRu = "FunctionResult";
const _FS = "FileSource";
const _FSu = "FunctionSchema";
const _FT = "FailureTrace";
const _FTC = "FlowTraceCondition";
const _FTCNRE = "FlowTraceConditionNodeResultEvent";
const _FTCl = "FlowTraceConditions";
const _FTDE = "FlowTraceDependencyEvent";
const _FTE = "FlowTraceEvent";
const _FTNAE = "FlowTraceNodeActionEvent";
const _FTNIC = "FlowTraceNodeInputContent";
const _FTNIE = "FlowTraceNodeInputEvent";
const _FTNIEC = "FlowTraceNodeInputExecutionChain";
const _FTNIECI = "FlowTraceNodeInputExecutionChainItem";
const _FTNIF = "FlowTraceNodeInputField";
const _FTNIFl = "FlowTraceNodeInputFields";
const _FTNIS = "FlowTraceNodeInputSource";
const _FTNOC = "FlowTraceNodeOutputContent";
const _FTNOE = "FlowTraceNodeOutputEvent";
const _FTNOF = "FlowTraceNodeOutputField";
const _FTNOFl = "FlowTraceNodeOutputFields";
const _FTNON = "FlowTraceNodeOutputNext";
const _FTNONL = "FlowTraceNodeOutputNextList";
const _FTl = "FlowTrace";
const _Fu = "Functions";
const _GA = "GuardrailAssessment";
const _GAL = "GuardrailAssessmentList";
const _GAM = "GetAgentMemory";
const _GAMR = "GetAgentMemoryRequest";
const _GAMRe = "GetAgentMemoryResponse";
const _GC = "GenerationConfiguration";
const _GCF = "GuardrailContentFilter";
const _GCFL = "GuardrailContentFilterList";
const _GCPA = "GuardrailContentPolicyAssessment";
const _GCW = "GuardrailCustomWord";
const _GCWA = "GuardrailConfigurationWithArn";
const _GCWL = "GuardrailCustomWordList";
const _GCu = "GuardrailConfiguration";
const _GDC = "GetDocumentContent";
const _GDCR = "GetDocumentContentRequest";
const _GDCRe = "GetDocumentContentResponse";
const _GE = "GuardrailEvent";
const _GEFS = "GetExecutionFlowSnapshot";
const _GEFSR = "GetExecutionFlowSnapshotRequest";
const _GEFSRe = "GetExecutionFlowSnapshotResponse";
const _GFE = "GetFlowExecution";
const _GFER = "GetFlowExecutionRequest";
const _GFERe = "GetFlowExecutionResponse";
const _GIDA = "GetIngestedDocumentAcl";
const _GIDAR = "GetIngestedDocumentAclRequest";
const _GIDARe = "GetIngestedDocumentAclResponse";
const _GIS = "GetInvocationStep";
const _GISR = "GetInvocationStepRequest";
const _GISRe = "GetInvocationStepResponse";
const _GMW = "GuardrailManagedWord";
const _GMWL = "GuardrailManagedWordList";
const _GPEF = "GuardrailPiiEntityFilter";
const _GPEFL = "GuardrailPiiEntityFilterList";
const _GQ = "GeneratedQuery";
const _GQR = "GenerateQueryRequest";
const _GQRe = "GenerateQueryResponse";
const _GQe = "GeneratedQueries";
const _GQen = "GenerateQuery";
const _GRF = "GuardrailRegexFilter";
const _GRFL = "GuardrailRegexFilterList";
const _GRP = "GeneratedResponsePart";
const _GS = "GetSession";
const _GSIPA = "GuardrailSensitiveInformationPolicyAssessment";
const _GSR = "GetSessionRequest";
const _GSRe = "GetSessionResponse";
const _GT = "GuardrailTopic";
const _GTL = "GuardrailTopicList";
const _GTPA = "GuardrailTopicPolicyAssessment";
const _GTu = "GuardrailTrace";
const _GWPA = "GuardrailWordPolicyAssessment";
const _I = "Identifier";
const _IA = "InvokeAgent";
const _IAFP = "InlineAgentFilePart";
const _IAPP = "InlineAgentPayloadPart";
const _IAR = "InvokeAgentRequest";
const _IARCP = "InlineAgentReturnControlPayload";
const _IARS = "InlineAgentResponseStream";
const _IARn = "InvokeAgentResponse";
const _IATP = "InlineAgentTracePart";
const _IB = "ImageBlock";
const _IBMC = "InlineBedrockModelConfigurations";
const _IC = "InferenceConfig";
const _ICn = "InferenceConfiguration";
const _IF = "InputFile";
const _IFC = "ImplicitFilterConfiguration";
const _IFR = "InvokeFlowRequest";
const _IFRn = "InvokeFlowResponse";
const _IFn = "InputFiles";
const _IFnv = "InvokeFlow";
const _II = "ImageInput";
const _IIA = "InvokeInlineAgent";
const _IIAR = "InvokeInlineAgentRequest";
const _IIARn = "InvokeInlineAgentResponse";
const _IIM = "InvocationInputMember";
const _IIS = "ImageInputSource";
const _IIm = "ImageInputs";
const _IIn = "InputImage";
const _IInv = "InvocationInput";
const _IInvo = "InvocationInputs";
const _IP = "InputPrompt";
const _IRM = "InvocationResultMember";
const _IS = "InvocationStep";
const _ISE = "InternalServerException";
const _ISP = "InvocationStepPayload";
const _ISS = "InlineSessionState";
const _ISSn = "InvocationStepSummary";
const _ISSnv = "InvocationStepSummaries";
const _ISm = "ImageSource";
const _ISn = "InvocationSummary";
const _ISnv = "InvocationSummaries";
const _IT = "InputText";
const _In = "Instruction";
const _KB = "KnowledgeBase";
const _KBC = "KnowledgeBaseConfiguration";
const _KBCn = "KnowledgeBaseConfigurations";
const _KBLI = "KnowledgeBaseLookupInput";
const _KBLIS = "KnowledgeBaseLookupInputString";
const _KBLO = "KnowledgeBaseLookupOutput";
const _KBQ = "KnowledgeBaseQuery";
const _KBRAGC = "KnowledgeBaseRetrieveAndGenerateConfiguration";
const _KBRC = "KnowledgeBaseRetrievalConfiguration";
const _KBRCn = "KnowledgeBaseRetrieverConfiguration";
const _KBRR = "KnowledgeBaseRetrievalResult";
const _KBRRn = "KnowledgeBaseRetrievalResults";
const _KBVSC = "KnowledgeBaseVectorSearchConfiguration";
const _KBn = "KnowledgeBases";
const _LFE = "ListFlowExecutions";
const _LFEE = "ListFlowExecutionEvents";
const _LFEER = "ListFlowExecutionEventsRequest";
const _LFEERi = "ListFlowExecutionEventsResponse";
const _LFER = "ListFlowExecutionsRequest";
const _LFERi = "ListFlowExecutionsResponse";
const _LI = "ListInvocations";
const _LIR = "ListInvocationsRequest";
const _LIRi = "ListInvocationsResponse";
const _LIS = "ListInvocationSteps";
const _LISR = "ListInvocationStepsRequest";
const _LISRi = "ListInvocationStepsResponse";
const _LS = "ListSessions";
const _LSR = "ListSessionsRequest";
const _LSRi = "ListSessionsResponse";
const _LTFR = "ListTagsForResource";
const _LTFRR = "ListTagsForResourceRequest";
const _LTFRRi = "ListTagsForResourceResponse";
const _M = "Message";
const _MAS = "MetadataAttributeSchema";
const _MASL = "MetadataAttributeSchemaList";
const _MCFR = "MetadataConfigurationForReranking";
const _MFMC = "MantleFoundationModelConfiguration";
const _MFMMC = "MantleFoundationModelModelConfiguration";
const _MII = "ModelInvocationInput";
const _MNRE = "ModelNotReadyException";
const _MPC = "ModelPerformanceConfiguration";
const _MSBRC = "ManagedSearchBedrockRerankingConfiguration";
const _MSBRMC = "ManagedSearchBedrockRerankingModelConfiguration";
const _MSC = "ManagedSearchConfiguration";
const _MSRC = "ManagedSearchRerankingConfiguration";
const _MSS = "MemorySessionSummary";
const _Me = "Metadata";
const _Mem = "Memories";
const _Memo = "Memory";
const _Mes = "Messages";
const _N = "Name";
const _NAE = "NodeActionEvent";
const _NDE = "NodeDependencyEvent";
const _NEC = "NodeExecutionContent";
const _NFE = "NodeFailureEvent";
const _NIE = "NodeInputEvent";
const _NIEC = "NodeInputExecutionChain";
const _NIECI = "NodeInputExecutionChainItem";
const _NIF = "NodeInputField";
const _NIFo = "NodeInputFields";
const _NIS = "NodeInputSource";
const _NOE = "NodeOutputEvent";
const _NOF = "NodeOutputField";
const _NOFo = "NodeOutputFields";
const _NON = "NodeOutputNext";
const _NONL = "NodeOutputNextList";
const _NTE = "NodeTraceElements";
const _O = "Observation";
const _OC = "OrchestrationConfiguration";
const _OE = "OrchestrationExecutor";
const _OF = "OutputFile";
const _OFu = "OutputFiles";
const _OMIO = "OrchestrationModelInvocationOutput";
const _OP = "OptimizedPrompt";
const _OPE = "OptimizedPromptEvent";
const _OPR = "OptimizePromptRequest";
const _OPRp = "OptimizePromptResponse";
const _OPS = "OptimizedPromptStream";
const _OPp = "OptimizePrompt";
const _OS = "OutputString";
const _OT = "OrchestrationTrace";
const _P = "Payload";
const _PB = "PartBody";
const _PC = "PerformanceConfiguration";
const _PCC = "PromptCreationConfigurations";
const _PCr = "PromptConfiguration";
const _PCro = "PromptConfigurations";
const _PD = "ParameterDetail";
const _PIS = "PutInvocationStep";
const _PISR = "PutInvocationStepRequest";
const _PISRu = "PutInvocationStepResponse";
const _PL = "ParameterList";
const _PM = "ParameterMap";
const _POC = "PromptOverrideConfiguration";
const _PP = "PayloadPart";
const _PPMIO = "PostProcessingModelInvocationOutput";
const _PPMIOr = "PreProcessingModelInvocationOutput";
const _PPPR = "PostProcessingParsedResponse";
const _PPPRr = "PreProcessingParsedResponse";
const _PPT = "PostProcessingTrace";
const _PPTr = "PreProcessingTrace";
const _PPr = "PropertyParameters";
const _PT = "PromptText";
const _PTr = "PromptTemplate";
const _PU = "PresignedUrl";
const _Pa = "Parameter";
const _Par = "Parameters";
const _QGI = "QueryGenerationInput";
const _QTC = "QueryTransformationConfiguration";
const _R = "Rationale";
const _RAG = "RetrieveAndGenerate";
const _RAGC = "RetrieveAndGenerateConfiguration";
const _RAGI = "RetrieveAndGenerateInput";
const _RAGO = "RetrieveAndGenerateOutput";
const _RAGOE = "RetrieveAndGenerateOutputEvent";
const _RAGR = "RetrieveAndGenerateRequest";
const _RAGRe = "RetrieveAndGenerateResponse";
const _RAGS = "RetrieveAndGenerateStream";
const _RAGSC = "RetrieveAndGenerateSessionConfiguration";
const _RAGSR = "RetrieveAndGenerateStreamRequest";
const _RAGSRO = "RetrieveAndGenerateStreamResponseOutput";
const _RAGSRe = "RetrieveAndGenerateStreamResponse";
const _RB = "RequestBody";
const _RBe = "ResponseBody";
const _RC = "RerankingConfiguration";
const _RCB = "ReasoningContentBlock";
const _RCIR = "ReturnControlInvocationResults";
const _RCMIO = "RoutingClassifierModelInvocationOutput";
const _RCP = "ReturnControlPayload";
const _RCR = "ReturnControlResults";
const _RCT = "RoutingClassifierTrace";
const _RCe = "RetrievalContent";
const _RCet = "RetrieverConfiguration";
const _RD = "ResourceDescription";
const _RDe = "RerankDocument";
const _RF = "RetrievalFilter";
const _RFL = "RetrievalFilterList";
const _RMSMC = "RerankingMetadataSelectiveModeConfiguration";
const _RN = "ResourceName";
const _RNFE = "ResourceNotFoundException";
const _RO = "RetrievalOverrides";
const _RQ = "RerankQuery";
const _RQL = "RerankQueriesList";
const _RR = "RawResponse";
const _RRC = "RetrievalResultContent";
const _RRCC = "RetrievalResultContentColumn";
const _RRCDL = "RetrievalResultCustomDocumentLocation";
const _RRCL = "RetrievalResultConfluenceLocation";
const _RRCR = "RetrievalResultContentRow";
const _RRGDL = "RetrievalResultGoogleDriveLocation";
const _RRKDL = "RetrievalResultKendraDocumentLocation";
const _RRL = "RetrievalResultLocation";
const _RRLe = "RerankResultsList";
const _RRM = "RetrievalResultMetadata";
const _RRODL = "RetrievalResultOneDriveLocation";
const _RRSL = "RetrievalResultS3Location";
const _RRSLe = "RetrievalResultSalesforceLocation";
const _RRSLet = "RetrievalResultSqlLocation";
const _RRSPL = "RetrievalResultSharePointLocation";
const _RRWL = "RetrievalResultWebLocation";
const _RRe = "RepromptResponse";
const _RRer = "RerankRequest";
const _RRera = "RerankResponse";
const _RReran = "RerankResult";
const _RRet = "RetrievedReference";
const _RRetr = "RetrieveRequest";
const _RRetri = "RetrieveResponse";
const _RRetrie = "RetrievedReferences";
const _RS = "RationaleString";
const _RSL = "RerankSourcesList";
const _RSe = "RerankSource";
const _RSes = "ResponseStream";
const _RTB = "ReasoningTextBlock";
const _RTD = "RerankTextDocument";
const _Re = "Rerank";
const _Ret = "Retrieve";
const _S = "Source";
const _SC = "SatisfiedCondition";
const _SCa = "SatisfiedConditions";
const _SCt = "StreamingConfigurations";
const _SFE = "StartFlowExecution";
const _SFER = "StartFlowExecutionRequest";
const _SFERt = "StartFlowExecutionResponse";
const _SFERto = "StopFlowExecutionRequest";
const _SFERtop = "StopFlowExecutionResponse";
const _SFEt = "StopFlowExecution";
const _SI = "S3Identifier";
const _SL = "S3Location";
const _SOD = "S3ObjectDoc";
const _SOF = "S3ObjectFile";
const _SQEE = "ServiceQuotaExceededException";
const _SS = "SessionState";
const _SSe = "SessionSummary";
const _SSes = "SessionSummaries";
const _Sp = "Span";
const _T = "Trace";
const _TC = "TransformationConfiguration";
const _TE = "ThrottlingException";
const _TEr = "TraceElements";
const _TIC = "TextInferenceConfig";
const _TKBI = "TraceKnowledgeBaseId";
const _TP = "TextPrompt";
const _TPT = "TextPromptTemplate";
const _TPr = "TracePart";
const _TR = "TagResource";
const _TRP = "TextResponsePart";
const _TRR = "TagResourceRequest";
const _TRRa = "TagResourceResponse";
const _TTSC = "TextToSqlConfiguration";
const _TTSKBC = "TextToSqlKnowledgeBaseConfiguration";
const _U = "Usage";
const _UC = "UserContext";
const _UR = "UntagResource";
const _URR = "UntagResourceRequest";
const _URRn = "UntagResourceResponse";
const _US = "UpdateSession";
const _USR = "UpdateSessionRequest";
const _USRp = "UpdateSessionResponse";
const _V = "Verb";
const _VE = "ValidationException";
const _VS = "VideoSegment";
const _VSBRC = "VectorSearchBedrockRerankingConfiguration";
const _VSBRMC = "VectorSearchBedrockRerankingModelConfiguration";
const _VSRC = "VectorSearchRerankingConfiguration";
const _a = "answer";
const _aA = "andAll";
const _aAA = "agentAliasArn";
const _aAI = "agentAliasId";
const _aC = "agentCollaboration";
const _aCAA = "agentCollaboratorAliasArn";
const _aCII = "agentCollaboratorInvocationInput";
const _aCIO = "agentCollaboratorInvocationOutput";
const _aCN = "agentCollaboratorName";
const _aDE = "accessDeniedException";
const _aG = "actionGroup";
const _aGE = "actionGroupExecutor";
const _aGI = "applyGuardrailInterval";
const _aGII = "actionGroupInvocationInput";
const _aGIO = "actionGroupInvocationOutput";
const _aGN = "actionGroupName";
const _aGc = "actionGroups";
const _aI = "actorId";
const _aII = "apiInvocationInput";
const _aIT = "actionInvocationType";
const _aIg = "agentId";
const _aIp = "appliedInstruction";
const _aL = "allowList";
const _aMRF = "additionalModelRequestFields";
const _aN = "agentName";
const _aP = "apiPath";
const _aPE = "analyzePromptEvent";
const _aR = "apiResult";
const _aRC = "agenticRetrieveConfiguration";
const _aS = "apiSchema";
const _aT = "agentTraces";
const _aV = "agentVersion";
const _ac = "action";
const _act = "actions";
const _at = "attributes";
const _att = "attribution";
const _au = "audio";
const _b = "body";
const _bC = "byteContent";
const _bFMC = "bedrockFoundationModelConfiguration";
const _bGC = "bedrockGuardrailConfiguration";
const _bGE = "badGatewayException";
const _bMC = "bedrockModelConfigurations";
const _bPT = "basePromptTemplate";
const _bRC = "bedrockRerankingConfiguration";
const _by = "bytes";
const _c = "client";
const _cA = "createdAt";
const _cB = "contentBlocks";
const _cC = "collaboratorConfigurations";
const _cCa = "callerChain";
const _cCu = "customControl";
const _cDL = "customDocumentLocation";
const _cE = "codeExecution";
const _cEKA = "customerEncryptionKeyArn";
const _cEo = "conflictException";
const _cH = "conversationHistory";
const _cI = "collaboratorInstruction";
const _cIII = "codeInterpreterInvocationInput";
const _cIIO = "codeInterpreterInvocationOutput";
const _cL = "confluenceLocation";
const _cN = "collaboratorName";
const _cNRT = "conditionNodeResultTrace";
const _cNo = "conditionName";
const _cNol = "columnName";
const _cO = "conditionOperator";
const _cOT = "customOrchestrationTrace";
const _cOu = "customOrchestration";
const _cP = "contentPolicy";
const _cR = "completionReason";
const _cRE = "conditionResultEvent";
const _cRI = "clientRequestId";
const _cS = "confirmationState";
const _cT = "contentType";
const _cV = "columnValue";
const _cW = "customWords";
const _ca = "category";
const _ch = "chunk";
const _ci = "citations";
const _cit = "citation";
const _co = "content";
const _cod = "code";
const _col = "collaborators";
const _com = "completion";
const _con = "configuration";
const _cond = "conditions";
const _conf = "confidence";
const _d = "description";
const _dA = "documentAcl";
const _dCL = "documentContentLength";
const _dFE = "dependencyFailedException";
const _dI = "documentId";
const _dL = "denyList";
const _dSI = "dataSourceId";
const _dTV = "dateTimeValue";
const _da = "data";
const _de = "definition";
const _do = "documents";
const _doc = "document";
const _e = "error";
const _eA = "executionArn";
const _eAn = "endedAt";
const _eC = "errorCode";
const _eCx = "executionChain";
const _eE = "executionError";
const _eI = "endIndex";
const _eIx = "executionIdentifier";
const _eIxe = "executionId";
const _eKA = "encryptionKeyArn";
const _eM = "errorMessage";
const _eO = "executionOutput";
const _ePTS = "excludePreviousThinkingSteps";
const _eRA = "executionRoleArn";
const _eS = "endSession";
const _eSC = "externalSourcesConfiguration";
const _eT = "executionType";
const _eTn = "enableTrace";
const _eTnd = "endTime";
const _eTv = "eventTime";
const _eTve = "eventType";
const _eTx = "executionTimeout";
const _en = "end";
const _eq = "equals";
const _er = "errors";
const _ev = "event";
const _ex = "executor";
const _exp = "expression";
const _f = "function";
const _fAI = "flowAliasIdentifier";
const _fC = "failureCode";
const _fCE = "flowCompletionEvent";
const _fDE = "fullDocumentExpansion";
const _fEE = "flowExecutionEvents";
const _fEN = "flowExecutionName";
const _fES = "flowExecutionSummaries";
const _fFE = "flowFailureEvent";
const _fI = "flowIdentifier";
const _fIE = "flowInputEvent";
const _fII = "functionInvocationInput";
const _fM = "foundationModel";
const _fMC = "foundationModelConfiguration";
const _fMT = "foundationModelType";
const _fMTIRE = "flowMultiTurnInputRequestEvent";
const _fN = "fieldName";
const _fOE = "flowOutputEvent";
const _fR = "failureReason";
const _fRi = "finalResponse";
const _fRu = "functionResult";
const _fS = "functionSchema";
const _fT = "failureTrace";
const _fTE = "flowTraceEvent";
const _fTEi = "fieldsToExclude";
const _fTI = "fieldsToInclude";
const _fV = "flowVersion";
const _fa = "failures";
const _fi = "files";
const _fie = "fields";
const _fil = "filters";
const _filt = "filter";
const _fo = "format";
const _fu = "functions";
const _g = "groups";
const _gA = "guardrailAction";
const _gC = "guardrailConfiguration";
const _gCe = "generationConfiguration";
const _gDL = "googleDriveLocation";
const _gI = "guardrailId";
const _gIu = "guardrailIdentifier";
const _gR = "generatedResponse";
const _gRP = "generatedResponsePart";
const _gRe = "generateResponse";
const _gT = "greaterThan";
const _gTOE = "greaterThanOrEquals";
const _gTu = "guardrailTrace";
const _gV = "guardrailVersion";
const _gu = "guardrail";
const _h = "http";
const _hA = "hasAccess";
const _hE = "httpError";
const _hH = "httpHeader";
const _hM = "httpMethod";
const _hQ = "httpQuery";
const _hSC = "httpStatusCode";
const _i = "input";
const _iA = "inputAssessments";
const _iC = "inferenceConfig";
const _iCn = "inlineContent";
const _iCnf = "inferenceConfiguration";
const _iDS = "inlineDocumentSource";
const _iFC = "implicitFilterConfiguration";
const _iFN = "inputFieldName";
const _iI = "invocationId";
const _iIn = "invocationIdentifier";
const _iInv = "invocationInputs";
const _iInvo = "invocationInput";
const _iQ = "inputQuery";
const _iS = "invocationStep";
const _iSE = "internalServerException";
const _iSI = "invocationStepId";
const _iSS = "inlineSessionState";
const _iSSn = "invocationStepSummaries";
const _iST = "invocationStepTime";
const _iSTTLIS = "idleSessionTTLInSeconds";
const _iSn = "invocationSummaries";
const _iT = "invocationType";
const _iTn = "inputText";
const _iTnp = "inputTokens";
const _iV = "isValid";
const _id = "id";
const _ide = "identifier";
const _im = "images";
const _ima = "image";
const _in = "instruction";
const _in_ = "in";
const _ind = "index";
const _inp = "inputs";
const _jD = "jsonDocument";
const _k = "key";
const _kB = "knowledgeBases";
const _kBA = "knowledgeBaseArn";
const _kBC = "knowledgeBaseConfiguration";
const _kBCn = "knowledgeBaseConfigurations";
const _kBI = "knowledgeBaseId";
const _kBLI = "knowledgeBaseLookupInput";
const _kBLO = "knowledgeBaseLookupOutput";
const _kBn = "knowledgeBase";
const _kDL = "kendraDocumentLocation";
const _kKA = "kmsKeyArn";
const _l = "left";
const _lC = "listContains";
const _lT = "lessThan";
const _lTOE = "lessThanOrEquals";
const _lUA = "lastUpdatedAt";
const _la = "latency";
const _lam = "lambda";
const _lo = "location";
const _m = "message";
const _mA = "modelArn";
const _mAI = "maxAgentIteration";
const _mAe = "metadataAttributes";
const _mC = "modelConfiguration";
const _mCe = "memoryConfiguration";
const _mCem = "memoryContents";
const _mCet = "metadataConfiguration";
const _mF = "metadataFilters";
const _mFMC = "mantleFoundationModelConfiguration";
const _mI = "memoryId";
const _mII = "modelInvocationInput";
const _mIO = "modelInvocationOutput";
const _mIa = "maxItems";
const _mIe = "mediaId";
const _mK = "metadataKey";
const _mL = "maximumLength";
const _mNOR = "maxNumberOfResults";
const _mNRE = "modelNotReadyException";
const _mPC = "modelPerformanceConfiguration";
const _mR = "memoryRetrieve";
const _mRa = "maxResults";
const _mRe = "memberRelation";
const _mSC = "managedSearchConfiguration";
const _mT = "mediaType";
const _mTa = "maxTokens";
const _mTe = "memoryType";
const _mTi = "mimeType";
const _mV = "metadataValue";
const _mWL = "managedWordLists";
const _ma = "match";
const _me = "metadata";
const _mes = "messages";
const _mo = "mode";
const _n = "namespace";
const _nAE = "nodeActionEvent";
const _nAT = "nodeActionTrace";
const _nDE = "nodeDependencyEvent";
const _nDT = "nodeDependencyTrace";
const _nE = "notEquals";
const _nFE = "nodeFailureEvent";
const _nI = "notIn";
const _nIE = "nodeInputEvent";
const _nIN = "nodeInputName";
const _nIT = "nodeInputTrace";
const _nN = "nodeName";
const _nOE = "nodeOutputEvent";
const _nON = "nodeOutputName";
const _nOR = "numberOfResults";
const _nORR = "numberOfRerankedResults";
const _nOT = "nodeOutputTrace";
const _nP = "namespacePath";
const _nT = "nextToken";
const _nTo = "nodeType";
const _nV = "numberValue";
const _na = "name";
const _ne = "next";
const _o = "output";
const _oA = "outputAssessments";
const _oAr = "orAll";
const _oC = "orchestrationConfiguration";
const _oDL = "oneDriveLocation";
const _oF = "outputFormat";
const _oFN = "outputFieldName";
const _oL = "overrideLambda";
const _oN = "operationName";
const _oP = "optimizedPrompt";
const _oPE = "optimizedPromptEvent";
const _oR = "operationRequest";
const _oRp = "operationResponse";
const _oST = "overrideSearchType";
const _oT = "orchestrationType";
const _oTTM = "operationTotalTimeMs";
const _oTr = "orchestrationTrace";
const _oTu = "outputTokens";
const _ob = "observation";
const _op = "operator";
const _p = "parameters";
const _pAGS = "parentActionGroupSignature";
const _pAGSP = "parentActionGroupSignatureParams";
const _pC = "policyConfiguration";
const _pCC = "promptCreationConfigurations";
const _pCM = "promptCreationMode";
const _pCTTI = "previousConversationTurnsToInclude";
const _pCe = "performanceConfig";
const _pCr = "promptConfigurations";
const _pE = "piiEntities";
const _pI = "projectId";
const _pM = "persistenceMode";
const _pMa = "parserMode";
const _pOC = "promptOverrideConfiguration";
const _pPT = "preProcessingTrace";
const _pPTo = "postProcessingTrace";
const _pR = "parsedResponse";
const _pS = "promptState";
const _pSA = "promptSessionAttributes";
const _pT = "promptTemplate";
const _pTr = "promptType";
const _pU = "presignedUrl";
const _pa = "payload";
const _pr = "properties";
const _q = "queries";
const _qGI = "queryGenerationInput";
const _qTC = "queryTransformationConfiguration";
const _qu = "query";
const _r = "reason";
const _rA = "resourceArn";
const _rAGC = "retrieveAndGenerateConfiguration";
const _rB = "requestBody";
const _rBe = "responseBody";
const _rC = "rerankingConfiguration";
const _rCH = "relayConversationHistory";
const _rCIR = "returnControlInvocationResults";
const _rCP = "returnControlPayload";
const _rCR = "returnControlResults";
const _rCT = "routingClassifierTrace";
const _rCe = "retrievalConfigs";
const _rCea = "reasoningContent";
const _rCed = "redactedContent";
const _rCeq = "requireConfirmation";
const _rCet = "retrievalConfiguration";
const _rCetu = "returnControl";
const _rE = "responseEvent";
const _rI = "resultIndex";
const _rIC = "retrievalInstructionConfiguration";
const _rII = "retrievalInstructionId";
const _rIe = "requestId";
const _rM = "retrievalMetadata";
const _rMT = "rerankingModelType";
const _rN = "resourceName";
const _rNFE = "resourceNotFoundException";
const _rO = "retrievalOverrides";
const _rQ = "retrievalQuery";
const _rR = "retrievalResponse";
const _rRa = "rawResponse";
const _rRe = "retrievedReferences";
const _rRep = "repromptResponse";
const _rRet = "retrievalResults";
const _rS = "responseState";
const _rSe = "responseStream";
const _rSel = "relevanceScore";
const _rT = "retrievalType";
const _rTe = "reasoningText";
const _ra = "rationale";
const _re = "retrieve";
const _ref = "references";
const _reg = "regex";
const _rege = "regexes";
const _req = "required";
const _res = "results";
const _resu = "result";
const _ret = "retrievers";
const _ri = "right";
const _ro = "role";
const _row = "row";
const _s = "smithy.ts.sdk.synthetic.com.amazonaws.bedrockagentruntime";
const _sA = "sessionArn";
const _sAe = "sessionAttributes";
const _sAo = "sourceArn";
const _sAt = "startedAt";
const _sB = "sessionBinding";
const _sBN = "s3BucketName";
const _sC = "satisfiedConditions";
const _sCe = "sessionConfiguration";
const _sCt = "streamingConfigurations";
const _sCtr = "stringContains";
const _sET = "sessionExpiryTime";
const _sFR = "streamFinalResponse";
const _sI = "startIndex";
const _sIP = "sensitiveInformationPolicy";
const _sIe = "sessionId";
const _sIes = "sessionIdentifier";
const _sIt = "strategyId";
const _sL = "s3Location";
const _sLV = "stringListValue";
const _sLa = "salesforceLocation";
const _sLq = "sqlLocation";
const _sM = "sessionMetadata";
const _sMC = "selectiveModeConfiguration";
const _sMe = "selectionMode";
const _sN = "serviceName";
const _sOK = "s3ObjectKey";
const _sPL = "sharePointLocation";
const _sQEE = "serviceQuotaExceededException";
const _sR = "sourceRetrievers";
const _sRo = "sourceRetriever";
const _sS = "sessionStatus";
const _sST = "sessionStartTime";
const _sSe = "sessionState";
const _sSes = "sessionSummaries";
const _sSess = "sessionSummary";
const _sSt = "stopSequences";
const _sT = "sourceType";
const _sTt = "startTime";
const _sTu = "summaryText";
const _sU = "s3Uri";
const _sV = "stringValue";
const _sW = "startsWith";
const _s_ = "s3";
const _sc = "score";
const _se = "server";
const _si = "signature";
const _so = "sources";
const _sou = "source";
const _sp = "span";
const _sq = "sql";
const _st = "stream";
const _sta = "status";
const _star = "start";
const _ste = "step";
const _str = "streaming";
const _su = "summary";
const _t = "text";
const _tC = "transformationConfiguration";
const _tD = "textDocument";
const _tE = "traceElements";
const _tEh = "throttlingException";
const _tEr = "traceEvent";
const _tI = "traceId";
const _tIC = "textInferenceConfig";
const _tK = "topK";
const _tKa = "tagKeys";
const _tMI = "targetModelId";
const _tP = "topicPolicy";
const _tPT = "textPromptTemplate";
const _tPe = "textPrompt";
const _tPo = "topP";
const _tQ = "textQuery";
const _tRP = "textResponsePart";
const _tTM = "totalTimeMs";
const _tTSC = "textToSqlConfiguration";
const _ta = "tags";
const _te = "temperature";
const _ti = "timestamp";
const _to = "topics";
const _tr = "transcription";
const _tra = "trace";
const _ty = "type";
const _u = "users";
const _uC = "userContext";
const _uCs = "useCase";
const _uI = "userId";
const _ur = "url";
const _uri = "uri";
const _us = "usage";
const _v = "verb";
const _vE = "validationException";
const _vSC = "vectorSearchConfiguration";
const _va = "value";
const _ve = "version";
const _vi = "video";
const _w = "warnings";
const _wL = "webLocation";
const _wP = "wordPolicy";
const _xabact = "x-amzn-bedrock-agent-content-type";
const _xabami = "x-amz-bedrock-agent-memory-id";
const _xabasi = "x-amz-bedrock-agent-session-id";
const _xabfei = "x-amz-bedrock-flow-execution-id";
const _xabkbsi = "x-amzn-bedrock-knowledge-base-session-id";
const _xasa = "x-amz-source-arn";
const n0 = "com.amazonaws.bedrockagentruntime";
const _s_registry = new TypeRegistry(_s);
var BedrockAgentRuntimeServiceException$ = [-3, _s, "BedrockAgentRuntimeServiceException", 0, [], []];
_s_registry.registerError(BedrockAgentRuntimeServiceException$, BedrockAgentRuntimeServiceException);
const n0_registry = new TypeRegistry(n0);
var AccessDeniedException$ = [-3, n0, _ADE,
    { [_e]: _c, [_hE]: 403 },
    [_m],
    [0]
];
n0_registry.registerError(AccessDeniedException$, AccessDeniedException);
var BadGatewayException$ = [-3, n0, _BGE,
    { [_e]: _se, [_hE]: 502 },
    [_m, _rN],
    [0, 0]
];
n0_registry.registerError(BadGatewayException$, BadGatewayException);
var ConflictException$ = [-3, n0, _CE,
    { [_e]: _c, [_hE]: 409 },
    [_m],
    [0]
];
n0_registry.registerError(ConflictException$, ConflictException);
var DependencyFailedException$ = [-3, n0, _DFE,
    { [_e]: _c, [_hE]: 424 },
    [_m, _rN],
    [0, 0]
];
n0_registry.registerError(DependencyFailedException$, DependencyFailedException);
var InternalServerException$ = [-3, n0, _ISE,
    { [_e]: _se, [_hE]: 500 },
    [_m, _r],
    [0, 0]
];
n0_registry.registerError(InternalServerException$, InternalServerException);
var ModelNotReadyException$ = [-3, n0, _MNRE,
    { [_e]: _c, [_hE]: 424 },
    [_m],
    [0]
];
n0_registry.registerError(ModelNotReadyException$, ModelNotReadyException);
var ResourceNotFoundException$ = [-3, n0, _RNFE,
    { [_e]: _c, [_hE]: 404 },
    [_m],
    [0]
];
n0_registry.registerError(ResourceNotFoundException$, ResourceNotFoundException);
var ServiceQuotaExceededException$ = [-3, n0, _SQEE,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(ServiceQuotaExceededException$, ServiceQuotaExceededException);
var ThrottlingException$ = [-3, n0, _TE,
    { [_e]: _c, [_hE]: 429 },
    [_m],
    [0]
];
n0_registry.registerError(ThrottlingException$, ThrottlingException);
var ValidationException$ = [-3, n0, _VE,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(ValidationException$, ValidationException);
const errorTypeRegistries = [
    _s_registry,
    n0_registry,
];
var ActionGroupName = [0, n0, _AGN, 8, 0];
var ActionGroupOutputString = [0, n0, _AGOS, 8, 0];
var AgentCollaboratorPayloadString = [0, n0, _ACPS, 8, 0];
var ApiPath = [0, n0, _AP, 8, 0];
var BasePromptTemplate = [0, n0, _BPT, 8, 0];
var ByteContentBlob = [0, n0, _BCB, 8, 21];
var CollaborationInstruction = [0, n0, _CI, 8, 0];
var FailureReasonString = [0, n0, _FRS, 8, 0];
var FileBody = [0, n0, _FB, 8, 21];
var FinalResponseString = [0, n0, _FRSi, 8, 0];
var FlowNodeInputExpression = [0, n0, _FNIE, 8, 0];
var Function = [0, n0, _F, 8, 0];
var Identifier = [0, n0, _I, 8, 0];
var InputText = [0, n0, _IT, 8, 0];
var Instruction = [0, n0, _In, 8, 0];
var KnowledgeBaseLookupInputString = [0, n0, _KBLIS, 8, 0];
var Name = [0, n0, _N, 8, 0];
var OutputString = [0, n0, _OS, 8, 0];
var PartBody = [0, n0, _PB, 8, 21];
var Payload = [0, n0, _P, 8, 0];
var PresignedUrl = [0, n0, _PU, 8, 0];
var PromptText = [0, n0, _PT, 8, 0];
var RationaleString = [0, n0, _RS, 8, 0];
var ResourceDescription = [0, n0, _RD, 8, 0];
var ResourceName = [0, n0, _RN, 8, 0];
var Source$1 = [0, n0, _S, 8, 0];
var TextPromptTemplate = [0, n0, _TPT, 8, 0];
var TraceKnowledgeBaseId = [0, n0, _TKBI, 8, 0];
var Verb = [0, n0, _V, 8, 0];
var ActionGroupInvocationInput$ = [3, n0, _AGII,
    0,
    [_aGN, _v, _aP, _p, _rB, _f, _eT, _iI],
    [[() => ActionGroupName, 0], [() => Verb, 0], [() => ApiPath, 0], () => _Parameters, () => RequestBody$, [() => Function, 0], 0, 0]
];
var ActionGroupInvocationOutput$ = [3, n0, _AGIO,
    0,
    [_t, _me],
    [[() => ActionGroupOutputString, 0], [() => Metadata$, 0]]
];
var AgentActionGroup$ = [3, n0, _AAG,
    0,
    [_aGN, _d, _pAGS, _aGE, _aS, _fS, _pAGSP],
    [[() => ResourceName, 0], [() => ResourceDescription, 0], 0, () => ActionGroupExecutor$, [() => APISchema$, 0], [() => FunctionSchema$, 0], 128 | 0], 1
];
var AgentCollaboratorInputPayload$ = [3, n0, _ACIP,
    0,
    [_ty, _t, _rCR],
    [0, [() => AgentCollaboratorPayloadString, 0], [() => ReturnControlResults$, 0]]
];
var AgentCollaboratorInvocationInput$ = [3, n0, _ACII,
    0,
    [_aCN, _aCAA, _i],
    [0, 0, [() => AgentCollaboratorInputPayload$, 0]]
];
var AgentCollaboratorInvocationOutput$ = [3, n0, _ACIO,
    0,
    [_aCN, _aCAA, _o, _me],
    [0, 0, [() => AgentCollaboratorOutputPayload$, 0], [() => Metadata$, 0]]
];
var AgentCollaboratorOutputPayload$ = [3, n0, _ACOP,
    0,
    [_ty, _t, _rCP],
    [0, [() => AgentCollaboratorPayloadString, 0], [() => ReturnControlPayload$, 0]]
];
var AgenticRetrieveAction$ = [3, n0, _ARA,
    0,
    [_re, _fDE, _mR, _cE],
    [[() => AgenticRetrieveActionDetails$, 0], () => AgenticRetrieveFullDocExpansionDetails$, [() => AgenticRetrieveMemoryRetrieveDetails$, 0], () => AgenticRetrieveCodeExecutionDetails$]
];
var AgenticRetrieveActionDetails$ = [3, n0, _ARAD,
    0,
    [_iQ, _sR],
    [[() => AgenticRetrieveMessageContent$, 0], () => AgenticRetrieveSourceRetrieverList], 2
];
var AgenticRetrieveAppliedInstruction$ = [3, n0, _ARAI,
    0,
    [_id, _ve],
    [0, 0], 1
];
var AgenticRetrieveBedrockGuardrailConfiguration$ = [3, n0, _ARBGC,
    0,
    [_gI, _gV],
    [0, 0], 2
];
var AgenticRetrieveBedrockRerankingConfiguration$ = [3, n0, _ARBRC,
    0,
    [_mC],
    [() => AgenticRetrieveBedrockRerankingModelConfiguration$], 1
];
var AgenticRetrieveBedrockRerankingModelConfiguration$ = [3, n0, _ARBRMC,
    0,
    [_mA],
    [0], 1
];
var AgenticRetrieveCitation$ = [3, n0, _ARC,
    0,
    [_sI, _eI, _ref],
    [1, 1, () => AgenticRetrieveCitationReferenceList], 3
];
var AgenticRetrieveCitationReference$ = [3, n0, _ARCR,
    0,
    [_rI],
    [1], 1
];
var AgenticRetrieveCodeExecutionDetails$ = [3, n0, _ARCED,
    0,
    [_do],
    [() => AgenticRetrieveCodeExecutionDocumentList]
];
var AgenticRetrieveCodeExecutionDocument$ = [3, n0, _ARCEDg,
    0,
    [_dI, _sRo],
    [0, () => AgenticRetrieveSourceRetriever$]
];
var AgenticRetrieveConfiguration$ = [3, n0, _ARCg,
    0,
    [_fMT, _fMC, _rMT, _rC, _mAI],
    [0, () => FoundationModelConfiguration$, 0, () => AgenticRetrieveRerankingConfiguration$, 1]
];
var AgenticRetrieveFailure$ = [3, n0, _ARF,
    0,
    [_m],
    [0], 1
];
var AgenticRetrieveFullDocExpansionDetails$ = [3, n0, _ARFDED,
    0,
    [_dI, _sRo],
    [0, () => AgenticRetrieveSourceRetriever$]
];
var AgenticRetrieveGeneratedResponse$ = [3, n0, _ARGR,
    0,
    [_a, _ci],
    [0, () => AgenticRetrieveCitationList], 1
];
var AgenticRetrieveGuardrailWarning$ = [3, n0, _ARGW,
    0,
    [_id, _ve, _ac, _m],
    [0, 0, 0, 0], 3
];
var AgenticRetrieveInstructionConfiguration$ = [3, n0, _ARIC,
    0,
    [_rII, _ve],
    [0, 0], 1
];
var AgenticRetrieveMemoryConfiguration$ = [3, n0, _ARMC,
    0,
    [_mI, _sB, _rCe, _pM],
    [0, () => AgenticRetrieveMemorySessionBinding$, () => AgenticRetrieveMemoryRetrievalConfigList, 0], 1
];
var AgenticRetrieveMemoryMetadataFilter$ = [3, n0, _ARMMF,
    0,
    [_l, _op, _ri],
    [() => AgenticRetrieveMemoryMetadataFilterLeft$, 0, () => AgenticRetrieveMemoryMetadataFilterRight$], 2
];
var AgenticRetrieveMemoryRetrievalConfig$ = [3, n0, _ARMRC,
    0,
    [_n, _nP, _sIt, _mF],
    [0, 0, 0, () => AgenticRetrieveMemoryMetadataFilterList]
];
var AgenticRetrieveMemoryRetrieveDetails$ = [3, n0, _ARMRD,
    0,
    [_iQ, _mI, _n, _nP, _sIt],
    [[() => AgenticRetrieveMessageContent$, 0], 0, 0, 0, 0], 2
];
var AgenticRetrieveMemorySessionBinding$ = [3, n0, _ARMSB,
    0,
    [_aI, _sIe],
    [0, 0], 2
];
var AgenticRetrieveMessage$ = [3, n0, _ARM,
    0,
    [_co, _ro],
    [[() => AgenticRetrieveMessageContent$, 0], 0], 2
];
var AgenticRetrieveMessageContent$ = [3, n0, _ARMCg,
    8,
    [_t],
    [0]
];
var AgenticRetrievePolicyConfiguration$ = [3, n0, _ARPC,
    0,
    [_bGC],
    [() => AgenticRetrieveBedrockGuardrailConfiguration$]
];
var AgenticRetriever$ = [3, n0, _AR,
    0,
    [_con, _d],
    [[() => RetrieverConfiguration$, 0], 0], 1
];
var AgenticRetrieveRerankingConfiguration$ = [3, n0, _ARRC,
    0,
    [_ty, _bRC],
    [0, () => AgenticRetrieveBedrockRerankingConfiguration$], 1
];
var AgenticRetrieveResponseEvent$ = [3, n0, _ARRE,
    0,
    [_t],
    [0], 1
];
var AgenticRetrieveResultEvent$ = [3, n0, _ARREg,
    0,
    [_res, _gR, _nT],
    [() => AgenticRetrieveResults, () => AgenticRetrieveGeneratedResponse$, 0], 1
];
var AgenticRetrieveResultItem$ = [3, n0, _ARRI,
    0,
    [_co, _sRo, _me],
    [() => RetrievalContent$, () => AgenticRetrieveSourceRetriever$, 128 | 15], 2
];
var AgenticRetrieveSourceMetadata$ = [3, n0, _ARSM,
    0,
    [_ide, _rT],
    [0, 0]
];
var AgenticRetrieveSourceRetriever$ = [3, n0, _ARSR,
    0,
    [_ide],
    [0], 1
];
var AgenticRetrieveStreamRequest$ = [3, n0, _ARSRg,
    0,
    [_mes, _ret, _aRC, _pC, _nT, _uC, _mCe, _rIC, _gRe],
    [[() => AgenticRetrieveMessages, 0], [() => AgenticRetrievers, 0], () => AgenticRetrieveConfiguration$, () => AgenticRetrievePolicyConfiguration$, 0, [() => UserContext$, 0], () => AgenticRetrieveMemoryConfiguration$, () => AgenticRetrieveInstructionConfiguration$, 2], 3
];
var AgenticRetrieveStreamResponse$ = [3, n0, _ARSRge,
    0,
    [_st],
    [[() => AgenticRetrieveStreamResponseOutput$, 16]], 1
];
var AgenticRetrieveTraceEvent$ = [3, n0, _ARTE,
    0,
    [_id, _ti, _at],
    [0, 1, [() => AgenticRetrieveTraceEventAttributes$, 0]], 3
];
var AgenticRetrieveTraceEventAttributes$ = [3, n0, _ARTEA,
    0,
    [_ste, _sta, _m, _act, _w, _fa, _rM, _rR, _aIp],
    [0, 0, 0, [() => AgenticRetrieveActions, 0], () => AgenticRetrieveWarnings, () => AgenticRetrieveFailures, () => AgenticRetrieveSourceMetadataList, () => AgenticRetrieveTraceResults, () => AgenticRetrieveAppliedInstruction$], 3
];
var AgenticRetrieveTraceResultItem$ = [3, n0, _ARTRI,
    0,
    [_co, _me, _sRo],
    [() => RetrievalContent$, 128 | 15, () => AgenticRetrieveSourceRetriever$]
];
var AgenticRetrieveWarningMessage$ = [3, n0, _ARWM,
    0,
    [_m],
    [0], 1
];
var AnalyzePromptEvent$ = [3, n0, _APE,
    8,
    [_m],
    [0]
];
var ApiInvocationInput$ = [3, n0, _AII,
    0,
    [_aG, _hM, _aP, _p, _rB, _aIT, _aIg, _cN],
    [0, 0, [() => ApiPath, 0], () => ApiParameters, () => ApiRequestBody$, 0, 0, [() => Name, 0]], 1
];
var ApiParameter$ = [3, n0, _APp,
    0,
    [_na, _ty, _va],
    [0, 0, 0]
];
var ApiRequestBody$ = [3, n0, _ARB,
    0,
    [_co],
    [() => ApiContentMap]
];
var ApiResult$ = [3, n0, _ARp,
    0,
    [_aG, _hM, _aP, _cS, _rS, _hSC, _rBe, _aIg],
    [0, 0, [() => ApiPath, 0], 0, 0, 1, () => ResponseBody, 0], 1
];
var Attribution$ = [3, n0, _A,
    0,
    [_ci],
    [[() => Citations, 0]]
];
var AudioSegment$ = [3, n0, _AS,
    0,
    [_sU, _tr],
    [0, 0], 1
];
var BedrockFoundationModelConfiguration$ = [3, n0, _BFMC,
    0,
    [_mC],
    [() => BedrockFoundationModelModelConfiguration$], 1
];
var BedrockFoundationModelModelConfiguration$ = [3, n0, _BFMMC,
    0,
    [_mA],
    [0], 1
];
var BedrockModelConfigurations$ = [3, n0, _BMC,
    0,
    [_pCe],
    [() => PerformanceConfiguration$]
];
var BedrockRerankingConfiguration$ = [3, n0, _BRC,
    0,
    [_mC, _nOR],
    [() => BedrockRerankingModelConfiguration$, 1], 1
];
var BedrockRerankingModelConfiguration$ = [3, n0, _BRMC,
    0,
    [_mA, _aMRF],
    [0, 128 | 15], 1
];
var ByteContentDoc$ = [3, n0, _BCD,
    0,
    [_ide, _cT, _da],
    [[() => Identifier, 0], 0, [() => ByteContentBlob, 0]], 3
];
var ByteContentFile$ = [3, n0, _BCF,
    0,
    [_mT, _da],
    [0, [() => ByteContentBlob, 0]], 2
];
var CheckIngestedDocumentAclRequest$ = [3, n0, _CIDAR,
    0,
    [_kBI, _dSI, _dI, _uC],
    [[0, 1], [0, 1], 0, [() => UserContext$, 0]], 4
];
var CheckIngestedDocumentAclResponse$ = [3, n0, _CIDARh,
    0,
    [_hA],
    [2], 1
];
var Citation$ = [3, n0, _C,
    0,
    [_gRP, _rRe],
    [[() => GeneratedResponsePart$, 0], [() => RetrievedReferences, 0]]
];
var CitationEvent$ = [3, n0, _CEi,
    0,
    [_cit, _gRP, _rRe],
    [[() => Citation$, 0], [() => GeneratedResponsePart$, 0], [() => RetrievedReferences, 0]]
];
var CodeInterpreterInvocationInput$ = [3, n0, _CIII,
    0,
    [_cod, _fi],
    [0, 64 | 0]
];
var CodeInterpreterInvocationOutput$ = [3, n0, _CIIO,
    0,
    [_eO, _eE, _fi, _eTx, _me],
    [0, 0, 64 | 0, 2, [() => Metadata$, 0]]
];
var Collaborator$ = [3, n0, _Co,
    0,
    [_fM, _in, _cEKA, _iSTTLIS, _aGc, _kB, _gC, _pOC, _aC, _cC, _aN],
    [0, [() => Instruction, 0], 0, 1, [() => AgentActionGroups, 0], [() => KnowledgeBases, 0], () => GuardrailConfigurationWithArn$, [() => PromptOverrideConfiguration$, 0], 0, [() => CollaboratorConfigurations, 0], [() => Name, 0]], 2
];
var CollaboratorConfiguration$ = [3, n0, _CC,
    0,
    [_cN, _cI, _aAA, _rCH],
    [[() => Name, 0], [() => CollaborationInstruction, 0], 0, 0], 2
];
var ConditionResultEvent$ = [3, n0, _CRE,
    8,
    [_nN, _ti, _sC],
    [0, 5, [() => SatisfiedConditions, 0]], 3
];
var ContentBody$ = [3, n0, _CB,
    0,
    [_b, _im],
    [0, () => ImageInputs]
];
var ConversationHistory$ = [3, n0, _CH,
    0,
    [_mes],
    [[() => Messages, 0]]
];
var CreateInvocationRequest$ = [3, n0, _CIR,
    0,
    [_sIes, _iI, _d],
    [[0, 1], 0, 0], 1
];
var CreateInvocationResponse$ = [3, n0, _CIRr,
    0,
    [_sIe, _iI, _cA],
    [0, 0, 5], 3
];
var CreateSessionRequest$ = [3, n0, _CSR,
    0,
    [_sM, _eKA, _ta],
    [128 | 0, 0, 128 | 0]
];
var CreateSessionResponse$ = [3, n0, _CSRr,
    0,
    [_sIe, _sA, _sS, _cA],
    [0, 0, 0, 5], 4
];
var CustomOrchestration$ = [3, n0, _CO,
    0,
    [_ex],
    [() => OrchestrationExecutor$]
];
var CustomOrchestrationTrace$ = [3, n0, _COT,
    8,
    [_tI, _ev],
    [0, [() => CustomOrchestrationTraceEvent$, 0]]
];
var CustomOrchestrationTraceEvent$ = [3, n0, _COTE,
    8,
    [_t],
    [0]
];
var DeleteAgentMemoryRequest$ = [3, n0, _DAMR,
    0,
    [_aIg, _aAI, _mI, _sIe],
    [[0, 1], [0, 1], [0, { [_hQ]: _mI }], [0, { [_hQ]: _sIe }]], 2
];
var DeleteAgentMemoryResponse$ = [3, n0, _DAMRe,
    0,
    [],
    []
];
var DeleteSessionRequest$ = [3, n0, _DSR,
    0,
    [_sIes],
    [[0, 1]], 1
];
var DeleteSessionResponse$ = [3, n0, _DSRe,
    0,
    [],
    []
];
var DocumentAcl$ = [3, n0, _DA,
    8,
    [_aL, _dL],
    [() => DocumentAclMembership$, () => DocumentAclMembership$]
];
var DocumentAclCondition$ = [3, n0, _DAC,
    0,
    [_cO, _u, _g],
    [0, () => DocumentAclUserList, () => DocumentAclGroupList]
];
var DocumentAclGroup$ = [3, n0, _DAG,
    0,
    [_id, _ty],
    [0, 0], 2
];
var DocumentAclMembership$ = [3, n0, _DAM,
    0,
    [_mRe, _cond],
    [0, () => DocumentAclConditionList]
];
var DocumentAclUser$ = [3, n0, _DAU,
    0,
    [_id, _ty],
    [0, 0], 2
];
var EndSessionRequest$ = [3, n0, _ESR,
    0,
    [_sIes],
    [[0, 1]], 1
];
var EndSessionResponse$ = [3, n0, _ESRn,
    0,
    [_sIe, _sA, _sS],
    [0, 0, 0], 3
];
var ExternalSource$ = [3, n0, _ES,
    0,
    [_sT, _sL, _bC],
    [0, () => S3ObjectDoc$, [() => ByteContentDoc$, 0]], 1
];
var ExternalSourcesGenerationConfiguration$ = [3, n0, _ESGC,
    0,
    [_pT, _gC, _iC, _aMRF, _pCe],
    [[() => PromptTemplate$, 0], () => GuardrailConfiguration$, () => InferenceConfig$, 128 | 15, () => PerformanceConfiguration$]
];
var ExternalSourcesRetrieveAndGenerateConfiguration$ = [3, n0, _ESRAGC,
    0,
    [_mA, _so, _gCe],
    [0, [() => ExternalSources, 0], [() => ExternalSourcesGenerationConfiguration$, 0]], 2
];
var FailureTrace$ = [3, n0, _FT,
    8,
    [_tI, _fR, _fC, _me],
    [0, [() => FailureReasonString, 0], 1, [() => Metadata$, 0]]
];
var FieldForReranking$ = [3, n0, _FFR,
    0,
    [_fN],
    [0], 1
];
var FilePart$ = [3, n0, _FP,
    0,
    [_fi],
    [[() => OutputFiles, 0]]
];
var FileSource$ = [3, n0, _FS,
    0,
    [_sT, _sL, _bC],
    [0, () => S3ObjectFile$, [() => ByteContentFile$, 0]], 1
];
var FilterAttribute$ = [3, n0, _FA,
    0,
    [_k, _va],
    [0, 15], 2
];
var FinalResponse$ = [3, n0, _FR,
    0,
    [_t, _me],
    [[() => FinalResponseString, 0], [() => Metadata$, 0]]
];
var FlowCompletionEvent$ = [3, n0, _FCE,
    8,
    [_cR],
    [0], 1
];
var FlowExecutionError$ = [3, n0, _FEE,
    0,
    [_nN, _e, _m],
    [0, 0, 0]
];
var FlowExecutionInputEvent$ = [3, n0, _FEIE,
    8,
    [_nN, _ti, _fie],
    [0, 5, [() => FlowInputFields, 0]], 3
];
var FlowExecutionOutputEvent$ = [3, n0, _FEOE,
    8,
    [_nN, _ti, _fie],
    [0, 5, [() => FlowOutputFields, 0]], 3
];
var FlowExecutionSummary$ = [3, n0, _FES,
    0,
    [_eA, _fAI, _fI, _fV, _sta, _cA, _eAn],
    [0, 0, 0, 0, 0, 5, 5], 6
];
var FlowFailureEvent$ = [3, n0, _FFE,
    8,
    [_ti, _eC, _eM],
    [5, 0, 0], 3
];
var FlowInput$ = [3, n0, _FI,
    0,
    [_nN, _co, _nON, _nIN],
    [0, [() => FlowInputContent$, 0], 0, 0], 2
];
var FlowInputField$ = [3, n0, _FIF,
    8,
    [_na, _co],
    [0, [() => FlowExecutionContent$, 0]], 2
];
var FlowMultiTurnInputRequestEvent$ = [3, n0, _FMTIRE,
    8,
    [_nN, _nTo, _co],
    [0, 0, () => FlowMultiTurnInputContent$], 3
];
var FlowOutputEvent$ = [3, n0, _FOE,
    8,
    [_nN, _nTo, _co],
    [0, 0, () => FlowOutputContent$], 3
];
var FlowOutputField$ = [3, n0, _FOF,
    8,
    [_na, _co],
    [0, [() => FlowExecutionContent$, 0]], 2
];
var FlowTraceCondition$ = [3, n0, _FTC,
    8,
    [_cNo],
    [0], 1
];
var FlowTraceConditionNodeResultEvent$ = [3, n0, _FTCNRE,
    8,
    [_nN, _ti, _sC],
    [0, 5, [() => FlowTraceConditions, 0]], 3
];
var FlowTraceDependencyEvent$ = [3, n0, _FTDE,
    8,
    [_nN, _ti, _tE],
    [0, 5, [() => TraceElements$, 0]], 3
];
var FlowTraceEvent$ = [3, n0, _FTE,
    0,
    [_tra],
    [[() => FlowTrace$, 0]], 1
];
var FlowTraceNodeActionEvent$ = [3, n0, _FTNAE,
    8,
    [_nN, _ti, _rIe, _sN, _oN, _oR, _oRp],
    [0, 5, 0, 0, 0, 15, 15], 5
];
var FlowTraceNodeInputEvent$ = [3, n0, _FTNIE,
    8,
    [_nN, _ti, _fie],
    [0, 5, [() => FlowTraceNodeInputFields, 0]], 3
];
var FlowTraceNodeInputExecutionChainItem$ = [3, n0, _FTNIECI,
    8,
    [_nN, _ty, _ind],
    [0, 0, 1], 2
];
var FlowTraceNodeInputField$ = [3, n0, _FTNIF,
    8,
    [_nIN, _co, _sou, _ty, _ca, _eCx],
    [0, [() => FlowTraceNodeInputContent$, 0], [() => FlowTraceNodeInputSource$, 0], 0, 0, [() => FlowTraceNodeInputExecutionChain, 0]], 2
];
var FlowTraceNodeInputSource$ = [3, n0, _FTNIS,
    8,
    [_nN, _oFN, _exp],
    [0, 0, [() => FlowNodeInputExpression, 0]], 3
];
var FlowTraceNodeOutputEvent$ = [3, n0, _FTNOE,
    8,
    [_nN, _ti, _fie],
    [0, 5, [() => FlowTraceNodeOutputFields, 0]], 3
];
var FlowTraceNodeOutputField$ = [3, n0, _FTNOF,
    8,
    [_nON, _co, _ne, _ty],
    [0, () => FlowTraceNodeOutputContent$, [() => FlowTraceNodeOutputNextList, 0], 0], 2
];
var FlowTraceNodeOutputNext$ = [3, n0, _FTNON,
    8,
    [_nN, _iFN],
    [0, 0], 2
];
var FoundationModelConfiguration$ = [3, n0, _FMC,
    0,
    [_ty, _bFMC, _mFMC],
    [0, () => BedrockFoundationModelConfiguration$, () => MantleFoundationModelConfiguration$], 1
];
var FunctionDefinition$ = [3, n0, _FD,
    0,
    [_na, _d, _p, _rCeq],
    [[() => ResourceName, 0], 0, () => ParameterMap, 0], 1
];
var FunctionInvocationInput$ = [3, n0, _FII,
    0,
    [_aG, _p, _f, _aIT, _aIg, _cN],
    [0, () => FunctionParameters, 0, 0, 0, [() => Name, 0]], 1
];
var FunctionParameter$ = [3, n0, _FPu,
    0,
    [_na, _ty, _va],
    [0, 0, 0]
];
var FunctionResult$ = [3, n0, _FRu,
    0,
    [_aG, _cS, _f, _rBe, _rS, _aIg],
    [0, 0, 0, () => ResponseBody, 0, 0], 1
];
var GeneratedQuery$ = [3, n0, _GQ,
    8,
    [_ty, _sq],
    [0, 0]
];
var GeneratedResponsePart$ = [3, n0, _GRP,
    0,
    [_tRP],
    [[() => TextResponsePart$, 0]]
];
var GenerateQueryRequest$ = [3, n0, _GQR,
    0,
    [_qGI, _tC],
    [[() => QueryGenerationInput$, 0], () => TransformationConfiguration$], 2
];
var GenerateQueryResponse$ = [3, n0, _GQRe,
    0,
    [_q],
    [[() => GeneratedQueries, 0]]
];
var GenerationConfiguration$ = [3, n0, _GC,
    0,
    [_pT, _gC, _iC, _aMRF, _pCe],
    [[() => PromptTemplate$, 0], () => GuardrailConfiguration$, () => InferenceConfig$, 128 | 15, () => PerformanceConfiguration$]
];
var GetAgentMemoryRequest$ = [3, n0, _GAMR,
    0,
    [_aIg, _aAI, _mTe, _mI, _nT, _mIa],
    [[0, 1], [0, 1], [0, { [_hQ]: _mTe }], [0, { [_hQ]: _mI }], [0, { [_hQ]: _nT }], [1, { [_hQ]: _mIa }]], 4
];
var GetAgentMemoryResponse$ = [3, n0, _GAMRe,
    0,
    [_nT, _mCem],
    [0, () => Memories]
];
var GetDocumentContentRequest$ = [3, n0, _GDCR,
    0,
    [_kBI, _dSI, _dI, _mIe, _oF, _uC],
    [[0, 1], [0, 1], [0, 1], 0, 0, [() => UserContext$, 0]], 3
];
var GetDocumentContentResponse$ = [3, n0, _GDCRe,
    0,
    [_mTi, _pU, _dCL],
    [0, [() => PresignedUrl, 0], 1], 2
];
var GetExecutionFlowSnapshotRequest$ = [3, n0, _GEFSR,
    0,
    [_fI, _fAI, _eIx],
    [[0, 1], [0, 1], [0, 1]], 3
];
var GetExecutionFlowSnapshotResponse$ = [3, n0, _GEFSRe,
    0,
    [_fI, _fAI, _fV, _eRA, _de, _cEKA],
    [0, 0, 0, 0, 0, 0], 5
];
var GetFlowExecutionRequest$ = [3, n0, _GFER,
    0,
    [_fI, _fAI, _eIx],
    [[0, 1], [0, 1], [0, 1]], 3
];
var GetFlowExecutionResponse$ = [3, n0, _GFERe,
    0,
    [_eA, _sta, _sAt, _fAI, _fI, _fV, _eAn, _er],
    [0, 0, 5, 0, 0, 0, 5, () => FlowExecutionErrors], 6
];
var GetIngestedDocumentAclRequest$ = [3, n0, _GIDAR,
    0,
    [_kBI, _dSI, _dI],
    [[0, 1], [0, 1], 0], 3
];
var GetIngestedDocumentAclResponse$ = [3, n0, _GIDARe,
    0,
    [_dA],
    [[() => DocumentAcl$, 0]], 1
];
var GetInvocationStepRequest$ = [3, n0, _GISR,
    0,
    [_iIn, _iSI, _sIes],
    [0, [0, 1], [0, 1]], 3
];
var GetInvocationStepResponse$ = [3, n0, _GISRe,
    0,
    [_iS],
    [[() => InvocationStep$, 0]], 1
];
var GetSessionRequest$ = [3, n0, _GSR,
    0,
    [_sIes],
    [[0, 1]], 1
];
var GetSessionResponse$ = [3, n0, _GSRe,
    0,
    [_sIe, _sA, _sS, _cA, _lUA, _sM, _eKA],
    [0, 0, 0, 5, 5, 128 | 0, 0], 5
];
var GuardrailAssessment$ = [3, n0, _GA,
    8,
    [_tP, _cP, _wP, _sIP],
    [[() => GuardrailTopicPolicyAssessment$, 0], [() => GuardrailContentPolicyAssessment$, 0], [() => GuardrailWordPolicyAssessment$, 0], [() => GuardrailSensitiveInformationPolicyAssessment$, 0]]
];
var GuardrailConfiguration$ = [3, n0, _GCu,
    0,
    [_gI, _gV],
    [0, 0], 2
];
var GuardrailConfigurationWithArn$ = [3, n0, _GCWA,
    0,
    [_gIu, _gV],
    [0, 0], 2
];
var GuardrailContentFilter$ = [3, n0, _GCF,
    8,
    [_ty, _conf, _ac],
    [0, 0, 0]
];
var GuardrailContentPolicyAssessment$ = [3, n0, _GCPA,
    8,
    [_fil],
    [[() => GuardrailContentFilterList, 0]]
];
var GuardrailCustomWord$ = [3, n0, _GCW,
    8,
    [_ma, _ac],
    [0, 0]
];
var GuardrailEvent$ = [3, n0, _GE,
    0,
    [_ac],
    [0]
];
var GuardrailManagedWord$ = [3, n0, _GMW,
    8,
    [_ma, _ty, _ac],
    [0, 0, 0]
];
var GuardrailPiiEntityFilter$ = [3, n0, _GPEF,
    8,
    [_ty, _ma, _ac],
    [0, 0, 0]
];
var GuardrailRegexFilter$ = [3, n0, _GRF,
    8,
    [_na, _reg, _ma, _ac],
    [0, 0, 0, 0]
];
var GuardrailSensitiveInformationPolicyAssessment$ = [3, n0, _GSIPA,
    8,
    [_pE, _rege],
    [[() => GuardrailPiiEntityFilterList, 0], [() => GuardrailRegexFilterList, 0]]
];
var GuardrailTopic$ = [3, n0, _GT,
    8,
    [_na, _ty, _ac],
    [0, 0, 0]
];
var GuardrailTopicPolicyAssessment$ = [3, n0, _GTPA,
    8,
    [_to],
    [[() => GuardrailTopicList, 0]]
];
var GuardrailTrace$ = [3, n0, _GTu,
    8,
    [_ac, _tI, _iA, _oA, _me],
    [0, 0, [() => GuardrailAssessmentList, 0], [() => GuardrailAssessmentList, 0], [() => Metadata$, 0]]
];
var GuardrailWordPolicyAssessment$ = [3, n0, _GWPA,
    8,
    [_cW, _mWL],
    [[() => GuardrailCustomWordList, 0], [() => GuardrailManagedWordList, 0]]
];
var ImageBlock$ = [3, n0, _IB,
    0,
    [_fo, _sou],
    [0, () => ImageSource$], 2
];
var ImageInput$ = [3, n0, _II,
    0,
    [_fo, _sou],
    [0, () => ImageInputSource$], 2
];
var ImplicitFilterConfiguration$ = [3, n0, _IFC,
    0,
    [_mAe, _mA],
    [[() => MetadataAttributeSchemaList, 0], 0], 2
];
var InferenceConfig$ = [3, n0, _IC,
    0,
    [_tIC],
    [() => TextInferenceConfig$]
];
var InferenceConfiguration$ = [3, n0, _ICn,
    0,
    [_te, _tPo, _tK, _mL, _sSt],
    [1, 1, 1, 1, 64 | 0]
];
var InlineAgentFilePart$ = [3, n0, _IAFP,
    0,
    [_fi],
    [[() => OutputFiles, 0]]
];
var InlineAgentPayloadPart$ = [3, n0, _IAPP,
    8,
    [_by, _att],
    [[() => PartBody, 0], [() => Attribution$, 0]]
];
var InlineAgentReturnControlPayload$ = [3, n0, _IARCP,
    8,
    [_iInv, _iI],
    [[() => InvocationInputs, 0], 0]
];
var InlineAgentTracePart$ = [3, n0, _IATP,
    8,
    [_sIe, _tra, _cCa, _eTv, _cN],
    [0, [() => Trace$, 0], () => CallerChain, 5, [() => Name, 0]]
];
var InlineBedrockModelConfigurations$ = [3, n0, _IBMC,
    0,
    [_pCe],
    [() => PerformanceConfiguration$]
];
var InlineSessionState$ = [3, n0, _ISS,
    0,
    [_sAe, _pSA, _rCIR, _iI, _fi, _cH],
    [128 | 0, 128 | 0, [() => ReturnControlInvocationResults, 0], 0, [() => InputFiles, 0], [() => ConversationHistory$, 0]]
];
var InputFile$ = [3, n0, _IF,
    0,
    [_na, _sou, _uCs],
    [0, [() => FileSource$, 0], 0], 3
];
var InputImage$ = [3, n0, _IIn,
    0,
    [_fo, _iCn],
    [0, [() => ByteContentBlob, 0]], 2
];
var InvocationInput$ = [3, n0, _IInv,
    8,
    [_tI, _iT, _aGII, _kBLI, _cIII, _aCII],
    [0, 0, [() => ActionGroupInvocationInput$, 0], [() => KnowledgeBaseLookupInput$, 0], () => CodeInterpreterInvocationInput$, [() => AgentCollaboratorInvocationInput$, 0]]
];
var InvocationStep$ = [3, n0, _IS,
    0,
    [_sIe, _iI, _iSI, _iST, _pa],
    [0, 0, 0, 5, [() => InvocationStepPayload$, 0]], 5
];
var InvocationStepSummary$ = [3, n0, _ISSn,
    0,
    [_sIe, _iI, _iSI, _iST],
    [0, 0, 0, 5], 4
];
var InvocationSummary$ = [3, n0, _ISn,
    0,
    [_sIe, _iI, _cA],
    [0, 0, 5], 3
];
var InvokeAgentRequest$ = [3, n0, _IAR,
    0,
    [_aIg, _aAI, _sIe, _sSe, _eS, _eTn, _iTn, _mI, _bMC, _sCt, _pCC, _sAo],
    [[0, 1], [0, 1], [0, 1], [() => SessionState$, 0], 2, 2, [() => InputText, 0], 0, () => BedrockModelConfigurations$, () => StreamingConfigurations$, () => PromptCreationConfigurations$, [0, { [_hH]: _xasa }]], 3
];
var InvokeAgentResponse$ = [3, n0, _IARn,
    0,
    [_com, _cT, _sIe, _mI],
    [[() => ResponseStream$, 16], [0, { [_hH]: _xabact }], [0, { [_hH]: _xabasi }], [0, { [_hH]: _xabami }]], 3
];
var InvokeFlowRequest$ = [3, n0, _IFR,
    0,
    [_fI, _fAI, _inp, _eTn, _mPC, _eIxe],
    [[0, 1], [0, 1], [() => FlowInputs, 0], 2, () => ModelPerformanceConfiguration$, 0], 3
];
var InvokeFlowResponse$ = [3, n0, _IFRn,
    0,
    [_rSe, _eIxe],
    [[() => FlowResponseStream$, 16], [0, { [_hH]: _xabfei }]], 1
];
var InvokeInlineAgentRequest$ = [3, n0, _IIAR,
    0,
    [_fM, _in, _sIe, _cEKA, _iSTTLIS, _aGc, _kB, _gC, _pOC, _aC, _cC, _aN, _eS, _eTn, _iTn, _sCt, _pCC, _iSS, _col, _bMC, _oT, _cOu],
    [0, [() => Instruction, 0], [0, 1], 0, 1, [() => AgentActionGroups, 0], [() => KnowledgeBases, 0], () => GuardrailConfigurationWithArn$, [() => PromptOverrideConfiguration$, 0], 0, [() => CollaboratorConfigurations, 0], [() => Name, 0], 2, 2, [() => InputText, 0], () => StreamingConfigurations$, () => PromptCreationConfigurations$, [() => InlineSessionState$, 0], [() => Collaborators, 0], () => InlineBedrockModelConfigurations$, 0, () => CustomOrchestration$], 3
];
var InvokeInlineAgentResponse$ = [3, n0, _IIARn,
    0,
    [_com, _cT, _sIe],
    [[() => InlineAgentResponseStream$, 16], [0, { [_hH]: _xabact }], [0, { [_hH]: _xabasi }]], 3
];
var KnowledgeBase$ = [3, n0, _KB,
    0,
    [_kBI, _d, _rCet],
    [0, [() => ResourceDescription, 0], [() => KnowledgeBaseRetrievalConfiguration$, 0]], 2
];
var KnowledgeBaseConfiguration$ = [3, n0, _KBC,
    0,
    [_kBI, _rCet],
    [0, [() => KnowledgeBaseRetrievalConfiguration$, 0]], 2
];
var KnowledgeBaseLookupInput$ = [3, n0, _KBLI,
    0,
    [_t, _kBI],
    [[() => KnowledgeBaseLookupInputString, 0], [() => TraceKnowledgeBaseId, 0]]
];
var KnowledgeBaseLookupOutput$ = [3, n0, _KBLO,
    0,
    [_rRe, _me],
    [[() => RetrievedReferences, 0], [() => Metadata$, 0]]
];
var KnowledgeBaseQuery$ = [3, n0, _KBQ,
    8,
    [_ty, _t, _ima],
    [0, 0, [() => InputImage$, 0]]
];
var KnowledgeBaseRetrievalConfiguration$ = [3, n0, _KBRC,
    0,
    [_vSC, _mSC],
    [[() => KnowledgeBaseVectorSearchConfiguration$, 0], [() => ManagedSearchConfiguration$, 0]]
];
var KnowledgeBaseRetrievalResult$ = [3, n0, _KBRR,
    0,
    [_co, _lo, _sc, _me, _dI],
    [[() => RetrievalResultContent$, 0], [() => RetrievalResultLocation$, 0], 1, [() => RetrievalResultMetadata, 0], 0], 1
];
var KnowledgeBaseRetrieveAndGenerateConfiguration$ = [3, n0, _KBRAGC,
    0,
    [_kBI, _mA, _rCet, _gCe, _oC],
    [0, 0, [() => KnowledgeBaseRetrievalConfiguration$, 0], [() => GenerationConfiguration$, 0], [() => OrchestrationConfiguration$, 0]], 2
];
var KnowledgeBaseRetrieverConfiguration$ = [3, n0, _KBRCn,
    0,
    [_kBI, _rO],
    [0, [() => RetrievalOverrides$, 0]], 1
];
var KnowledgeBaseVectorSearchConfiguration$ = [3, n0, _KBVSC,
    0,
    [_nOR, _oST, _filt, _rC, _iFC],
    [1, 0, [() => RetrievalFilter$, 0], [() => VectorSearchRerankingConfiguration$, 0], [() => ImplicitFilterConfiguration$, 0]]
];
var ListFlowExecutionEventsRequest$ = [3, n0, _LFEER,
    0,
    [_fI, _fAI, _eIx, _eTve, _mRa, _nT],
    [[0, 1], [0, 1], [0, 1], [0, { [_hQ]: _eTve }], [1, { [_hQ]: _mRa }], [0, { [_hQ]: _nT }]], 4
];
var ListFlowExecutionEventsResponse$ = [3, n0, _LFEERi,
    0,
    [_fEE, _nT],
    [[() => FlowExecutionEvents, 0], 0], 1
];
var ListFlowExecutionsRequest$ = [3, n0, _LFER,
    0,
    [_fI, _fAI, _mRa, _nT],
    [[0, 1], [0, { [_hQ]: _fAI }], [1, { [_hQ]: _mRa }], [0, { [_hQ]: _nT }]], 1
];
var ListFlowExecutionsResponse$ = [3, n0, _LFERi,
    0,
    [_fES, _nT],
    [() => FlowExecutionSummaries, 0], 1
];
var ListInvocationsRequest$ = [3, n0, _LIR,
    0,
    [_sIes, _nT, _mRa],
    [[0, 1], [0, { [_hQ]: _nT }], [1, { [_hQ]: _mRa }]], 1
];
var ListInvocationsResponse$ = [3, n0, _LIRi,
    0,
    [_iSn, _nT],
    [() => InvocationSummaries, 0], 1
];
var ListInvocationStepsRequest$ = [3, n0, _LISR,
    0,
    [_sIes, _iIn, _nT, _mRa],
    [[0, 1], 0, [0, { [_hQ]: _nT }], [1, { [_hQ]: _mRa }]], 1
];
var ListInvocationStepsResponse$ = [3, n0, _LISRi,
    0,
    [_iSSn, _nT],
    [() => InvocationStepSummaries, 0], 1
];
var ListSessionsRequest$ = [3, n0, _LSR,
    0,
    [_mRa, _nT],
    [[1, { [_hQ]: _mRa }], [0, { [_hQ]: _nT }]]
];
var ListSessionsResponse$ = [3, n0, _LSRi,
    0,
    [_sSes, _nT],
    [() => SessionSummaries, 0], 1
];
var ListTagsForResourceRequest$ = [3, n0, _LTFRR,
    0,
    [_rA],
    [[0, 1]], 1
];
var ListTagsForResourceResponse$ = [3, n0, _LTFRRi,
    0,
    [_ta],
    [128 | 0]
];
var ManagedSearchBedrockRerankingConfiguration$ = [3, n0, _MSBRC,
    0,
    [_mC, _nORR, _mCet],
    [() => ManagedSearchBedrockRerankingModelConfiguration$, 1, [() => MetadataConfigurationForReranking$, 0]], 1
];
var ManagedSearchBedrockRerankingModelConfiguration$ = [3, n0, _MSBRMC,
    0,
    [_mA, _aMRF],
    [0, 128 | 15], 1
];
var ManagedSearchConfiguration$ = [3, n0, _MSC,
    0,
    [_nOR, _filt, _rMT, _rC],
    [1, [() => RetrievalFilter$, 0], 0, [() => ManagedSearchRerankingConfiguration$, 0]]
];
var ManagedSearchRerankingConfiguration$ = [3, n0, _MSRC,
    0,
    [_ty, _bRC],
    [0, [() => ManagedSearchBedrockRerankingConfiguration$, 0]], 1
];
var MantleFoundationModelConfiguration$ = [3, n0, _MFMC,
    0,
    [_mC],
    [() => MantleFoundationModelModelConfiguration$], 1
];
var MantleFoundationModelModelConfiguration$ = [3, n0, _MFMMC,
    0,
    [_mA, _pI],
    [0, 0], 1
];
var MemorySessionSummary$ = [3, n0, _MSS,
    0,
    [_mI, _sIe, _sST, _sET, _sTu],
    [0, 0, 5, 5, 0]
];
var Message$ = [3, n0, _M,
    0,
    [_ro, _co],
    [0, [() => ContentBlocks, 0]], 2
];
var Metadata$ = [3, n0, _Me,
    8,
    [_sTt, _eTnd, _tTM, _oTTM, _cRI, _us],
    [5, 5, 1, 1, 0, [() => Usage$, 0]]
];
var MetadataAttributeSchema$ = [3, n0, _MAS,
    8,
    [_k, _ty, _d],
    [0, 0, 0], 3
];
var MetadataConfigurationForReranking$ = [3, n0, _MCFR,
    0,
    [_sMe, _sMC],
    [0, [() => RerankingMetadataSelectiveModeConfiguration$, 0]], 1
];
var ModelInvocationInput$ = [3, n0, _MII,
    8,
    [_tI, _t, _ty, _oL, _pCM, _iCnf, _pMa, _fM],
    [0, [() => PromptText, 0], 0, 0, 0, () => InferenceConfiguration$, 0, 0]
];
var ModelPerformanceConfiguration$ = [3, n0, _MPC,
    0,
    [_pCe],
    [() => PerformanceConfiguration$]
];
var NodeActionEvent$ = [3, n0, _NAE,
    8,
    [_nN, _ti, _rIe, _sN, _oN, _oR, _oRp],
    [0, 5, 0, 0, 0, 15, 15], 5
];
var NodeDependencyEvent$ = [3, n0, _NDE,
    8,
    [_nN, _ti, _tE],
    [0, 5, [() => NodeTraceElements$, 0]], 3
];
var NodeFailureEvent$ = [3, n0, _NFE,
    8,
    [_nN, _ti, _eC, _eM],
    [0, 5, 0, 0], 4
];
var NodeInputEvent$ = [3, n0, _NIE,
    8,
    [_nN, _ti, _fie],
    [0, 5, [() => NodeInputFields, 0]], 3
];
var NodeInputExecutionChainItem$ = [3, n0, _NIECI,
    0,
    [_nN, _ty, _ind],
    [0, 0, 1], 2
];
var NodeInputField$ = [3, n0, _NIF,
    8,
    [_na, _co, _sou, _ty, _ca, _eCx],
    [0, [() => NodeExecutionContent$, 0], [() => NodeInputSource$, 0], 0, 0, () => NodeInputExecutionChain], 2
];
var NodeInputSource$ = [3, n0, _NIS,
    0,
    [_nN, _oFN, _exp],
    [0, 0, [() => FlowNodeInputExpression, 0]], 3
];
var NodeOutputEvent$ = [3, n0, _NOE,
    8,
    [_nN, _ti, _fie],
    [0, 5, [() => NodeOutputFields, 0]], 3
];
var NodeOutputField$ = [3, n0, _NOF,
    8,
    [_na, _co, _ne, _ty],
    [0, [() => NodeExecutionContent$, 0], [() => NodeOutputNextList, 0], 0], 2
];
var NodeOutputNext$ = [3, n0, _NON,
    8,
    [_nN, _iFN],
    [0, 0], 2
];
var Observation$ = [3, n0, _O,
    8,
    [_tI, _ty, _aGIO, _aCIO, _kBLO, _fRi, _rRep, _cIIO],
    [0, 0, [() => ActionGroupInvocationOutput$, 0], [() => AgentCollaboratorInvocationOutput$, 0], [() => KnowledgeBaseLookupOutput$, 0], [() => FinalResponse$, 0], [() => RepromptResponse$, 0], [() => CodeInterpreterInvocationOutput$, 0]]
];
var OptimizedPromptEvent$ = [3, n0, _OPE,
    8,
    [_oP],
    [[() => OptimizedPrompt$, 0]]
];
var OptimizePromptRequest$ = [3, n0, _OPR,
    0,
    [_i, _tMI],
    [[() => InputPrompt$, 0], 0], 2
];
var OptimizePromptResponse$ = [3, n0, _OPRp,
    0,
    [_oP],
    [[() => OptimizedPromptStream$, 16]], 1
];
var OrchestrationConfiguration$ = [3, n0, _OC,
    0,
    [_pT, _iC, _aMRF, _qTC, _pCe],
    [[() => PromptTemplate$, 0], () => InferenceConfig$, 128 | 15, () => QueryTransformationConfiguration$, () => PerformanceConfiguration$]
];
var OrchestrationModelInvocationOutput$ = [3, n0, _OMIO,
    8,
    [_tI, _rRa, _me, _rCea],
    [0, [() => RawResponse$, 0], [() => Metadata$, 0], [() => ReasoningContentBlock$, 0]]
];
var OutputFile$ = [3, n0, _OF,
    8,
    [_na, _ty, _by],
    [0, 0, [() => FileBody, 0]]
];
var Parameter$ = [3, n0, _Pa,
    0,
    [_na, _ty, _va],
    [0, 0, 0]
];
var ParameterDetail$ = [3, n0, _PD,
    0,
    [_ty, _d, _req],
    [0, 0, 2], 1
];
var PayloadPart$ = [3, n0, _PP,
    8,
    [_by, _att],
    [[() => PartBody, 0], [() => Attribution$, 0]]
];
var PerformanceConfiguration$ = [3, n0, _PC,
    0,
    [_la],
    [0]
];
var PostProcessingModelInvocationOutput$ = [3, n0, _PPMIO,
    8,
    [_tI, _pR, _rRa, _me, _rCea],
    [0, [() => PostProcessingParsedResponse$, 0], [() => RawResponse$, 0], [() => Metadata$, 0], [() => ReasoningContentBlock$, 0]]
];
var PostProcessingParsedResponse$ = [3, n0, _PPPR,
    8,
    [_t],
    [[() => OutputString, 0]]
];
var PreProcessingModelInvocationOutput$ = [3, n0, _PPMIOr,
    8,
    [_tI, _pR, _rRa, _me, _rCea],
    [0, [() => PreProcessingParsedResponse$, 0], [() => RawResponse$, 0], [() => Metadata$, 0], [() => ReasoningContentBlock$, 0]]
];
var PreProcessingParsedResponse$ = [3, n0, _PPPRr,
    8,
    [_ra, _iV],
    [[() => RationaleString, 0], 2]
];
var PromptConfiguration$ = [3, n0, _PCr,
    0,
    [_pTr, _pCM, _pS, _bPT, _iCnf, _pMa, _fM, _aMRF],
    [0, 0, 0, [() => BasePromptTemplate, 0], () => InferenceConfiguration$, 0, 0, 15]
];
var PromptCreationConfigurations$ = [3, n0, _PCC,
    0,
    [_pCTTI, _ePTS],
    [1, 2]
];
var PromptOverrideConfiguration$ = [3, n0, _POC,
    8,
    [_pCr, _oL],
    [[() => PromptConfigurations, 0], 0], 1
];
var PromptTemplate$ = [3, n0, _PTr,
    0,
    [_tPT],
    [[() => TextPromptTemplate, 0]]
];
var PropertyParameters$ = [3, n0, _PPr,
    0,
    [_pr],
    [() => ParameterList]
];
var PutInvocationStepRequest$ = [3, n0, _PISR,
    0,
    [_sIes, _iIn, _iST, _pa, _iSI],
    [[0, 1], 0, 5, [() => InvocationStepPayload$, 0], 0], 4
];
var PutInvocationStepResponse$ = [3, n0, _PISRu,
    0,
    [_iSI],
    [0], 1
];
var QueryGenerationInput$ = [3, n0, _QGI,
    8,
    [_ty, _t],
    [0, 0], 2
];
var QueryTransformationConfiguration$ = [3, n0, _QTC,
    0,
    [_ty],
    [0], 1
];
var Rationale$ = [3, n0, _R,
    8,
    [_tI, _t],
    [0, [() => RationaleString, 0]]
];
var RawResponse$ = [3, n0, _RR,
    8,
    [_co],
    [0]
];
var ReasoningTextBlock$ = [3, n0, _RTB,
    8,
    [_t, _si],
    [0, 0], 1
];
var RepromptResponse$ = [3, n0, _RRe,
    8,
    [_t, _sou],
    [0, [() => Source$1, 0]]
];
var RequestBody$ = [3, n0, _RB,
    0,
    [_co],
    [() => ContentMap]
];
var RerankDocument$ = [3, n0, _RDe,
    8,
    [_ty, _tD, _jD],
    [0, [() => RerankTextDocument$, 0], 15], 1
];
var RerankingConfiguration$ = [3, n0, _RC,
    0,
    [_ty, _bRC],
    [0, () => BedrockRerankingConfiguration$], 2
];
var RerankQuery$ = [3, n0, _RQ,
    8,
    [_ty, _tQ],
    [0, [() => RerankTextDocument$, 0]], 2
];
var RerankRequest$ = [3, n0, _RRer,
    0,
    [_q, _so, _rC, _nT],
    [[() => RerankQueriesList, 0], [() => RerankSourcesList, 0], () => RerankingConfiguration$, 0], 3
];
var RerankResponse$ = [3, n0, _RRera,
    0,
    [_res, _nT],
    [[() => RerankResultsList, 0], 0], 1
];
var RerankResult$ = [3, n0, _RReran,
    0,
    [_ind, _rSel, _doc],
    [1, 1, [() => RerankDocument$, 0]], 2
];
var RerankSource$ = [3, n0, _RSe,
    8,
    [_ty, _iDS],
    [0, [() => RerankDocument$, 0]], 2
];
var RerankTextDocument$ = [3, n0, _RTD,
    8,
    [_t],
    [0]
];
var RetrievalContent$ = [3, n0, _RCe,
    0,
    [_mTi, _bC, _t],
    [0, 21, 0], 1
];
var RetrievalOverrides$ = [3, n0, _RO,
    0,
    [_filt, _mNOR],
    [[() => RetrievalFilter$, 0], 1]
];
var RetrievalResultConfluenceLocation$ = [3, n0, _RRCL,
    0,
    [_ur],
    [0]
];
var RetrievalResultContent$ = [3, n0, _RRC,
    8,
    [_ty, _t, _bC, _vi, _au, _row],
    [0, 0, 0, () => VideoSegment$, () => AudioSegment$, [() => RetrievalResultContentRow, 0]]
];
var RetrievalResultContentColumn$ = [3, n0, _RRCC,
    8,
    [_cNol, _cV, _ty],
    [0, 0, 0]
];
var RetrievalResultCustomDocumentLocation$ = [3, n0, _RRCDL,
    0,
    [_id],
    [0]
];
var RetrievalResultGoogleDriveLocation$ = [3, n0, _RRGDL,
    0,
    [_ur],
    [0]
];
var RetrievalResultKendraDocumentLocation$ = [3, n0, _RRKDL,
    0,
    [_uri],
    [0]
];
var RetrievalResultLocation$ = [3, n0, _RRL,
    8,
    [_ty, _sL, _wL, _cL, _sLa, _sPL, _cDL, _kDL, _sLq, _oDL, _gDL],
    [0, () => RetrievalResultS3Location$, () => RetrievalResultWebLocation$, () => RetrievalResultConfluenceLocation$, () => RetrievalResultSalesforceLocation$, () => RetrievalResultSharePointLocation$, () => RetrievalResultCustomDocumentLocation$, () => RetrievalResultKendraDocumentLocation$, () => RetrievalResultSqlLocation$, () => RetrievalResultOneDriveLocation$, () => RetrievalResultGoogleDriveLocation$], 1
];
var RetrievalResultOneDriveLocation$ = [3, n0, _RRODL,
    0,
    [_ur],
    [0]
];
var RetrievalResultS3Location$ = [3, n0, _RRSL,
    0,
    [_uri],
    [0]
];
var RetrievalResultSalesforceLocation$ = [3, n0, _RRSLe,
    0,
    [_ur],
    [0]
];
var RetrievalResultSharePointLocation$ = [3, n0, _RRSPL,
    0,
    [_ur],
    [0]
];
var RetrievalResultSqlLocation$ = [3, n0, _RRSLet,
    0,
    [_qu],
    [0]
];
var RetrievalResultWebLocation$ = [3, n0, _RRWL,
    0,
    [_ur],
    [0]
];
var RetrieveAndGenerateConfiguration$ = [3, n0, _RAGC,
    0,
    [_ty, _kBC, _eSC],
    [0, [() => KnowledgeBaseRetrieveAndGenerateConfiguration$, 0], [() => ExternalSourcesRetrieveAndGenerateConfiguration$, 0]], 1
];
var RetrieveAndGenerateInput$ = [3, n0, _RAGI,
    8,
    [_t],
    [0], 1
];
var RetrieveAndGenerateOutput$ = [3, n0, _RAGO,
    8,
    [_t],
    [0], 1
];
var RetrieveAndGenerateOutputEvent$ = [3, n0, _RAGOE,
    8,
    [_t],
    [0], 1
];
var RetrieveAndGenerateRequest$ = [3, n0, _RAGR,
    0,
    [_i, _sIe, _rAGC, _sCe, _uC],
    [[() => RetrieveAndGenerateInput$, 0], 0, [() => RetrieveAndGenerateConfiguration$, 0], () => RetrieveAndGenerateSessionConfiguration$, [() => UserContext$, 0]], 1
];
var RetrieveAndGenerateResponse$ = [3, n0, _RAGRe,
    0,
    [_sIe, _o, _ci, _gA],
    [0, [() => RetrieveAndGenerateOutput$, 0], [() => Citations, 0], 0], 2
];
var RetrieveAndGenerateSessionConfiguration$ = [3, n0, _RAGSC,
    0,
    [_kKA],
    [0], 1
];
var RetrieveAndGenerateStreamRequest$ = [3, n0, _RAGSR,
    0,
    [_i, _sIe, _rAGC, _sCe, _uC],
    [[() => RetrieveAndGenerateInput$, 0], 0, [() => RetrieveAndGenerateConfiguration$, 0], () => RetrieveAndGenerateSessionConfiguration$, [() => UserContext$, 0]], 1
];
var RetrieveAndGenerateStreamResponse$ = [3, n0, _RAGSRe,
    0,
    [_st, _sIe],
    [[() => RetrieveAndGenerateStreamResponseOutput$, 16], [0, { [_hH]: _xabkbsi }]], 2
];
var RetrievedReference$ = [3, n0, _RRet,
    0,
    [_co, _lo, _me],
    [[() => RetrievalResultContent$, 0], [() => RetrievalResultLocation$, 0], [() => RetrievalResultMetadata, 0]]
];
var RetrieveRequest$ = [3, n0, _RRetr,
    0,
    [_kBI, _rQ, _rCet, _gC, _nT, _uC],
    [[0, 1], [() => KnowledgeBaseQuery$, 0], [() => KnowledgeBaseRetrievalConfiguration$, 0], () => GuardrailConfiguration$, 0, [() => UserContext$, 0]], 2
];
var RetrieveResponse$ = [3, n0, _RRetri,
    0,
    [_rRet, _gA, _nT],
    [[() => KnowledgeBaseRetrievalResults, 0], 0, 0], 1
];
var ReturnControlPayload$ = [3, n0, _RCP,
    8,
    [_iInv, _iI],
    [[() => InvocationInputs, 0], 0]
];
var ReturnControlResults$ = [3, n0, _RCR,
    0,
    [_iI, _rCIR],
    [0, [() => ReturnControlInvocationResults, 0]]
];
var RoutingClassifierModelInvocationOutput$ = [3, n0, _RCMIO,
    8,
    [_tI, _rRa, _me],
    [0, [() => RawResponse$, 0], [() => Metadata$, 0]]
];
var S3Identifier$ = [3, n0, _SI,
    0,
    [_sBN, _sOK],
    [0, 0]
];
var S3Location$ = [3, n0, _SL,
    0,
    [_uri],
    [0], 1
];
var S3ObjectDoc$ = [3, n0, _SOD,
    0,
    [_uri],
    [0], 1
];
var S3ObjectFile$ = [3, n0, _SOF,
    0,
    [_uri],
    [0], 1
];
var SatisfiedCondition$ = [3, n0, _SC,
    8,
    [_cNo],
    [0], 1
];
var SessionState$ = [3, n0, _SS,
    0,
    [_sAe, _pSA, _rCIR, _iI, _fi, _kBCn, _cH],
    [128 | 0, 128 | 0, [() => ReturnControlInvocationResults, 0], 0, [() => InputFiles, 0], [() => KnowledgeBaseConfigurations, 0], [() => ConversationHistory$, 0]]
];
var SessionSummary$ = [3, n0, _SSe,
    0,
    [_sIe, _sA, _sS, _cA, _lUA],
    [0, 0, 0, 5, 5], 5
];
var Span$ = [3, n0, _Sp,
    0,
    [_star, _en],
    [1, 1]
];
var StartFlowExecutionRequest$ = [3, n0, _SFER,
    0,
    [_fI, _fAI, _inp, _fEN, _mPC],
    [[0, 1], [0, 1], [() => FlowInputs, 0], 0, () => ModelPerformanceConfiguration$], 3
];
var StartFlowExecutionResponse$ = [3, n0, _SFERt,
    0,
    [_eA],
    [0]
];
var StopFlowExecutionRequest$ = [3, n0, _SFERto,
    0,
    [_fI, _fAI, _eIx],
    [[0, 1], [0, 1], [0, 1]], 3
];
var StopFlowExecutionResponse$ = [3, n0, _SFERtop,
    0,
    [_sta, _eA],
    [0, 0], 1
];
var StreamingConfigurations$ = [3, n0, _SCt,
    0,
    [_sFR, _aGI],
    [2, 1]
];
var TagResourceRequest$ = [3, n0, _TRR,
    0,
    [_rA, _ta],
    [[0, 1], 128 | 0], 2
];
var TagResourceResponse$ = [3, n0, _TRRa,
    0,
    [],
    []
];
var TextInferenceConfig$ = [3, n0, _TIC,
    0,
    [_te, _tPo, _mTa, _sSt],
    [1, 1, 1, 64 | 0]
];
var TextPrompt$ = [3, n0, _TP,
    8,
    [_t],
    [0], 1
];
var TextResponsePart$ = [3, n0, _TRP,
    8,
    [_t, _sp],
    [0, () => Span$]
];
var TextToSqlConfiguration$ = [3, n0, _TTSC,
    0,
    [_ty, _kBC],
    [0, () => TextToSqlKnowledgeBaseConfiguration$], 1
];
var TextToSqlKnowledgeBaseConfiguration$ = [3, n0, _TTSKBC,
    0,
    [_kBA],
    [0], 1
];
var TracePart$ = [3, n0, _TPr,
    8,
    [_sIe, _tra, _cCa, _eTv, _cN, _aIg, _aAI, _aV],
    [0, [() => Trace$, 0], () => CallerChain, 5, [() => Name, 0], 0, 0, 0]
];
var TransformationConfiguration$ = [3, n0, _TC,
    0,
    [_mo, _tTSC],
    [0, () => TextToSqlConfiguration$], 1
];
var UntagResourceRequest$ = [3, n0, _URR,
    0,
    [_rA, _tKa],
    [[0, 1], [64 | 0, { [_hQ]: _tKa }]], 2
];
var UntagResourceResponse$ = [3, n0, _URRn,
    0,
    [],
    []
];
var UpdateSessionRequest$ = [3, n0, _USR,
    0,
    [_sIes, _sM],
    [[0, 1], 128 | 0], 1
];
var UpdateSessionResponse$ = [3, n0, _USRp,
    0,
    [_sIe, _sA, _sS, _cA, _lUA],
    [0, 0, 0, 5, 5], 5
];
var Usage$ = [3, n0, _U,
    8,
    [_iTnp, _oTu],
    [1, 1]
];
var UserContext$ = [3, n0, _UC,
    8,
    [_uI],
    [0], 1
];
var VectorSearchBedrockRerankingConfiguration$ = [3, n0, _VSBRC,
    0,
    [_mC, _nORR, _mCet],
    [() => VectorSearchBedrockRerankingModelConfiguration$, 1, [() => MetadataConfigurationForReranking$, 0]], 1
];
var VectorSearchBedrockRerankingModelConfiguration$ = [3, n0, _VSBRMC,
    0,
    [_mA, _aMRF],
    [0, 128 | 15], 1
];
var VectorSearchRerankingConfiguration$ = [3, n0, _VSRC,
    0,
    [_ty, _bRC],
    [0, [() => VectorSearchBedrockRerankingConfiguration$, 0]], 1
];
var VideoSegment$ = [3, n0, _VS,
    0,
    [_sU, _su],
    [0, 0], 1
];
var AgentActionGroups = [1, n0, _AAGg,
    0, [() => AgentActionGroup$,
        0]
];
var AgenticRetrieveActions = [1, n0, _ARAg,
    0, [() => AgenticRetrieveAction$,
        0]
];
var AgenticRetrieveCitationList = [1, n0, _ARCL,
    0, () => AgenticRetrieveCitation$
];
var AgenticRetrieveCitationReferenceList = [1, n0, _ARCRL,
    0, () => AgenticRetrieveCitationReference$
];
var AgenticRetrieveCodeExecutionDocumentList = [1, n0, _ARCEDL,
    0, () => AgenticRetrieveCodeExecutionDocument$
];
var AgenticRetrieveFailures = [1, n0, _ARFg,
    0, () => AgenticRetrieveFailure$
];
var AgenticRetrieveMemoryMetadataFilterList = [1, n0, _ARMMFL,
    0, () => AgenticRetrieveMemoryMetadataFilter$
];
var AgenticRetrieveMemoryRetrievalConfigList = [1, n0, _ARMRCL,
    0, () => AgenticRetrieveMemoryRetrievalConfig$
];
var AgenticRetrieveMessages = [1, n0, _ARMg,
    0, [() => AgenticRetrieveMessage$,
        0]
];
var AgenticRetrieveResults = [1, n0, _ARR,
    0, () => AgenticRetrieveResultItem$
];
var AgenticRetrievers = [1, n0, _ARg,
    0, [() => AgenticRetriever$,
        0]
];
var AgenticRetrieveSourceMetadataList = [1, n0, _ARSML,
    0, () => AgenticRetrieveSourceMetadata$
];
var AgenticRetrieveSourceRetrieverList = [1, n0, _ARSRL,
    0, () => AgenticRetrieveSourceRetriever$
];
var AgenticRetrieveTraceResults = [1, n0, _ARTR,
    0, () => AgenticRetrieveTraceResultItem$
];
var AgenticRetrieveWarnings = [1, n0, _ARW,
    0, () => AgenticRetrieveWarning$
];
var AgentTraces = [1, n0, _AT,
    0, [() => TracePart$,
        0]
];
var ApiParameters = [1, n0, _APpi,
    0, () => ApiParameter$
];
var BedrockSessionContentBlocks = [1, n0, _BSCB,
    0, [() => BedrockSessionContentBlock$,
        0]
];
var CallerChain = [1, n0, _CCa,
    0, () => Caller$
];
var Citations = [1, n0, _Ci,
    0, [() => Citation$,
        0]
];
var CollaboratorConfigurations = [1, n0, _CCo,
    0, [() => CollaboratorConfiguration$,
        0]
];
var Collaborators = [1, n0, _Col,
    0, [() => Collaborator$,
        0]
];
var ContentBlocks = [1, n0, _CBo,
    0, [() => ContentBlock$,
        0]
];
var DocumentAclConditionList = [1, n0, _DACL,
    0, () => DocumentAclCondition$
];
var DocumentAclGroupList = [1, n0, _DAGL,
    0, () => DocumentAclGroup$
];
var DocumentAclUserList = [1, n0, _DAUL,
    0, () => DocumentAclUser$
];
var ExternalSources = [1, n0, _ESx,
    0, [() => ExternalSource$,
        0]
];
var FieldsForReranking = [1, n0, _FFRi,
    8, () => FieldForReranking$
];
var FlowExecutionErrors = [1, n0, _FEEl,
    0, () => FlowExecutionError$
];
var FlowExecutionEvents = [1, n0, _FEElo,
    0, [() => FlowExecutionEvent$,
        0]
];
var FlowExecutionSummaries = [1, n0, _FESl,
    0, () => FlowExecutionSummary$
];
var FlowInputFields = [1, n0, _FIFl,
    0, [() => FlowInputField$,
        0]
];
var FlowInputs = [1, n0, _FIl,
    0, [() => FlowInput$,
        0]
];
var FlowOutputFields = [1, n0, _FOFl,
    0, [() => FlowOutputField$,
        0]
];
var FlowTraceConditions = [1, n0, _FTCl,
    0, [() => FlowTraceCondition$,
        0]
];
var FlowTraceNodeInputExecutionChain = [1, n0, _FTNIEC,
    8, [() => FlowTraceNodeInputExecutionChainItem$,
        0]
];
var FlowTraceNodeInputFields = [1, n0, _FTNIFl,
    0, [() => FlowTraceNodeInputField$,
        0]
];
var FlowTraceNodeOutputFields = [1, n0, _FTNOFl,
    0, [() => FlowTraceNodeOutputField$,
        0]
];
var FlowTraceNodeOutputNextList = [1, n0, _FTNONL,
    0, [() => FlowTraceNodeOutputNext$,
        0]
];
var FunctionParameters = [1, n0, _FPun,
    0, () => FunctionParameter$
];
var Functions = [1, n0, _Fu,
    0, [() => FunctionDefinition$,
        0]
];
var GeneratedQueries = [1, n0, _GQe,
    0, [() => GeneratedQuery$,
        0]
];
var GuardrailAssessmentList = [1, n0, _GAL,
    0, [() => GuardrailAssessment$,
        0]
];
var GuardrailContentFilterList = [1, n0, _GCFL,
    8, [() => GuardrailContentFilter$,
        0]
];
var GuardrailCustomWordList = [1, n0, _GCWL,
    8, [() => GuardrailCustomWord$,
        0]
];
var GuardrailManagedWordList = [1, n0, _GMWL,
    8, [() => GuardrailManagedWord$,
        0]
];
var GuardrailPiiEntityFilterList = [1, n0, _GPEFL,
    8, [() => GuardrailPiiEntityFilter$,
        0]
];
var GuardrailRegexFilterList = [1, n0, _GRFL,
    8, [() => GuardrailRegexFilter$,
        0]
];
var GuardrailTopicList = [1, n0, _GTL,
    8, [() => GuardrailTopic$,
        0]
];
var ImageInputs = [1, n0, _IIm,
    0, () => ImageInput$
];
var InputFiles = [1, n0, _IFn,
    0, [() => InputFile$,
        0]
];
var InvocationInputs = [1, n0, _IInvo,
    0, [() => InvocationInputMember$,
        0]
];
var InvocationStepSummaries = [1, n0, _ISSnv,
    0, () => InvocationStepSummary$
];
var InvocationSummaries = [1, n0, _ISnv,
    0, () => InvocationSummary$
];
var KnowledgeBaseConfigurations = [1, n0, _KBCn,
    0, [() => KnowledgeBaseConfiguration$,
        0]
];
var KnowledgeBaseRetrievalResults = [1, n0, _KBRRn,
    8, [() => KnowledgeBaseRetrievalResult$,
        0]
];
var KnowledgeBases = [1, n0, _KBn,
    0, [() => KnowledgeBase$,
        0]
];
var Memories = [1, n0, _Mem,
    0, () => Memory$
];
var Messages = [1, n0, _Mes,
    0, [() => Message$,
        0]
];
var MetadataAttributeSchemaList = [1, n0, _MASL,
    0, [() => MetadataAttributeSchema$,
        0]
];
var NodeInputExecutionChain = [1, n0, _NIEC,
    0, () => NodeInputExecutionChainItem$
];
var NodeInputFields = [1, n0, _NIFo,
    0, [() => NodeInputField$,
        0]
];
var NodeOutputFields = [1, n0, _NOFo,
    0, [() => NodeOutputField$,
        0]
];
var NodeOutputNextList = [1, n0, _NONL,
    0, [() => NodeOutputNext$,
        0]
];
var OutputFiles = [1, n0, _OFu,
    0, [() => OutputFile$,
        0]
];
var ParameterList = [1, n0, _PL,
    0, () => Parameter$
];
var _Parameters = [1, n0, _Par,
    0, () => Parameter$
];
var PromptConfigurations = [1, n0, _PCro,
    0, [() => PromptConfiguration$,
        0]
];
var RerankQueriesList = [1, n0, _RQL,
    8, [() => RerankQuery$,
        0]
];
var RerankResultsList = [1, n0, _RRLe,
    0, [() => RerankResult$,
        0]
];
var RerankSourcesList = [1, n0, _RSL,
    8, [() => RerankSource$,
        0]
];
var RetrievalFilterList = [1, n0, _RFL,
    0, [() => RetrievalFilter$,
        0]
];
var RetrievalResultContentRow = [1, n0, _RRCR,
    8, [() => RetrievalResultContentColumn$,
        0]
];
var RetrievedReferences = [1, n0, _RRetrie,
    0, [() => RetrievedReference$,
        0]
];
var ReturnControlInvocationResults = [1, n0, _RCIR,
    0, [() => InvocationResultMember$,
        0]
];
var SatisfiedConditions = [1, n0, _SCa,
    0, [() => SatisfiedCondition$,
        0]
];
var SessionSummaries = [1, n0, _SSes,
    0, () => SessionSummary$
];
var ApiContentMap = [2, n0, _ACM,
    0, 0, () => PropertyParameters$
];
var ContentMap = [2, n0, _CM,
    0, 0, () => _Parameters
];
var ParameterMap = [2, n0, _PM,
    0, 0, () => ParameterDetail$
];
var ResponseBody = [2, n0, _RBe,
    0, 0, () => ContentBody$
];
var RetrievalResultMetadata = [2, n0, _RRM,
    8, 0, 15
];
var ActionGroupExecutor$ = [4, n0, _AGE,
    0,
    [_lam, _cCu],
    [0, 0]
];
var AgenticRetrieveMemoryMetadataFilterLeft$ = [4, n0, _ARMMFLg,
    0,
    [_mK],
    [0]
];
var AgenticRetrieveMemoryMetadataFilterRight$ = [4, n0, _ARMMFR,
    0,
    [_mV],
    [() => AgenticRetrieveMemoryMetadataValue$]
];
var AgenticRetrieveMemoryMetadataValue$ = [4, n0, _ARMMV,
    0,
    [_sV, _nV, _sLV, _dTV],
    [0, 1, 64 | 0, 4]
];
var AgenticRetrieveStreamResponseOutput$ = [4, n0, _ARSRO,
    { [_str]: 1 },
    [_resu, _tEr, _rE, _iSE, _vE, _rNFE, _sQEE, _tEh, _aDE, _cEo, _dFE, _bGE],
    [() => AgenticRetrieveResultEvent$, [() => AgenticRetrieveTraceEvent$, 0], () => AgenticRetrieveResponseEvent$, [() => InternalServerException$, 0], [() => ValidationException$, 0], [() => ResourceNotFoundException$, 0], [() => ServiceQuotaExceededException$, 0], [() => ThrottlingException$, 0], [() => AccessDeniedException$, 0], [() => ConflictException$, 0], [() => DependencyFailedException$, 0], [() => BadGatewayException$, 0]]
];
var AgenticRetrieveWarning$ = [4, n0, _ARWg,
    0,
    [_m, _gu],
    [() => AgenticRetrieveWarningMessage$, () => AgenticRetrieveGuardrailWarning$]
];
var APISchema$ = [4, n0, _APIS,
    0,
    [_s_, _pa],
    [() => S3Identifier$, [() => Payload, 0]]
];
var BedrockSessionContentBlock$ = [4, n0, _BSCBe,
    8,
    [_t, _ima],
    [0, () => ImageBlock$]
];
var Caller$ = [4, n0, _Ca,
    0,
    [_aAA],
    [0]
];
var ContentBlock$ = [4, n0, _CBon,
    8,
    [_t],
    [0]
];
var FlowExecutionContent$ = [4, n0, _FEC,
    8,
    [_doc],
    [15]
];
var FlowExecutionEvent$ = [4, n0, _FEElow,
    0,
    [_fIE, _fOE, _nIE, _nOE, _cRE, _nFE, _fFE, _nAE, _nDE],
    [[() => FlowExecutionInputEvent$, 0], [() => FlowExecutionOutputEvent$, 0], [() => NodeInputEvent$, 0], [() => NodeOutputEvent$, 0], [() => ConditionResultEvent$, 0], [() => NodeFailureEvent$, 0], [() => FlowFailureEvent$, 0], [() => NodeActionEvent$, 0], [() => NodeDependencyEvent$, 0]]
];
var FlowInputContent$ = [4, n0, _FIC,
    8,
    [_doc],
    [15]
];
var FlowMultiTurnInputContent$ = [4, n0, _FMTIC,
    0,
    [_doc],
    [15]
];
var FlowOutputContent$ = [4, n0, _FOC,
    0,
    [_doc],
    [15]
];
var FlowResponseStream$ = [4, n0, _FRSl,
    { [_str]: 1 },
    [_fOE, _fCE, _fTE, _iSE, _vE, _rNFE, _sQEE, _tEh, _aDE, _cEo, _dFE, _bGE, _fMTIRE],
    [[() => FlowOutputEvent$, 0], [() => FlowCompletionEvent$, 0], [() => FlowTraceEvent$, 0], [() => InternalServerException$, 0], [() => ValidationException$, 0], [() => ResourceNotFoundException$, 0], [() => ServiceQuotaExceededException$, 0], [() => ThrottlingException$, 0], [() => AccessDeniedException$, 0], [() => ConflictException$, 0], [() => DependencyFailedException$, 0], [() => BadGatewayException$, 0], [() => FlowMultiTurnInputRequestEvent$, 0]]
];
var FlowTrace$ = [4, n0, _FTl,
    8,
    [_nIT, _nOT, _cNRT, _nAT, _nDT],
    [[() => FlowTraceNodeInputEvent$, 0], [() => FlowTraceNodeOutputEvent$, 0], [() => FlowTraceConditionNodeResultEvent$, 0], [() => FlowTraceNodeActionEvent$, 0], [() => FlowTraceDependencyEvent$, 0]]
];
var FlowTraceNodeInputContent$ = [4, n0, _FTNIC,
    8,
    [_doc],
    [15]
];
var FlowTraceNodeOutputContent$ = [4, n0, _FTNOC,
    0,
    [_doc],
    [15]
];
var FunctionSchema$ = [4, n0, _FSu,
    0,
    [_fu],
    [[() => Functions, 0]]
];
var ImageInputSource$ = [4, n0, _IIS,
    0,
    [_by],
    [21]
];
var ImageSource$ = [4, n0, _ISm,
    0,
    [_by, _sL],
    [21, () => S3Location$]
];
var InlineAgentResponseStream$ = [4, n0, _IARS,
    { [_str]: 1 },
    [_ch, _tra, _rCetu, _iSE, _vE, _rNFE, _sQEE, _tEh, _aDE, _cEo, _dFE, _bGE, _fi],
    [[() => InlineAgentPayloadPart$, 0], [() => InlineAgentTracePart$, 0], [() => InlineAgentReturnControlPayload$, 0], [() => InternalServerException$, 0], [() => ValidationException$, 0], [() => ResourceNotFoundException$, 0], [() => ServiceQuotaExceededException$, 0], [() => ThrottlingException$, 0], [() => AccessDeniedException$, 0], [() => ConflictException$, 0], [() => DependencyFailedException$, 0], [() => BadGatewayException$, 0], [() => InlineAgentFilePart$, 0]]
];
var InputPrompt$ = [4, n0, _IP,
    0,
    [_tPe],
    [[() => TextPrompt$, 0]]
];
var InvocationInputMember$ = [4, n0, _IIM,
    0,
    [_aII, _fII],
    [[() => ApiInvocationInput$, 0], [() => FunctionInvocationInput$, 0]]
];
var InvocationResultMember$ = [4, n0, _IRM,
    0,
    [_aR, _fRu],
    [[() => ApiResult$, 0], () => FunctionResult$]
];
var InvocationStepPayload$ = [4, n0, _ISP,
    0,
    [_cB],
    [[() => BedrockSessionContentBlocks, 0]]
];
var Memory$ = [4, n0, _Memo,
    0,
    [_sSess],
    [() => MemorySessionSummary$]
];
var NodeExecutionContent$ = [4, n0, _NEC,
    8,
    [_doc],
    [15]
];
var NodeTraceElements$ = [4, n0, _NTE,
    8,
    [_aT],
    [[() => AgentTraces, 0]]
];
var OptimizedPrompt$ = [4, n0, _OP,
    0,
    [_tPe],
    [[() => TextPrompt$, 0]]
];
var OptimizedPromptStream$ = [4, n0, _OPS,
    { [_str]: 1 },
    [_oPE, _aPE, _iSE, _tEh, _vE, _dFE, _aDE, _bGE],
    [[() => OptimizedPromptEvent$, 0], [() => AnalyzePromptEvent$, 0], [() => InternalServerException$, 0], [() => ThrottlingException$, 0], [() => ValidationException$, 0], [() => DependencyFailedException$, 0], [() => AccessDeniedException$, 0], [() => BadGatewayException$, 0]]
];
var OrchestrationExecutor$ = [4, n0, _OE,
    0,
    [_lam],
    [0]
];
var OrchestrationTrace$ = [4, n0, _OT,
    8,
    [_ra, _iInvo, _ob, _mII, _mIO],
    [[() => Rationale$, 0], [() => InvocationInput$, 0], [() => Observation$, 0], [() => ModelInvocationInput$, 0], [() => OrchestrationModelInvocationOutput$, 0]]
];
var PostProcessingTrace$ = [4, n0, _PPT,
    8,
    [_mII, _mIO],
    [[() => ModelInvocationInput$, 0], [() => PostProcessingModelInvocationOutput$, 0]]
];
var PreProcessingTrace$ = [4, n0, _PPTr,
    8,
    [_mII, _mIO],
    [[() => ModelInvocationInput$, 0], [() => PreProcessingModelInvocationOutput$, 0]]
];
var ReasoningContentBlock$ = [4, n0, _RCB,
    8,
    [_rTe, _rCed],
    [[() => ReasoningTextBlock$, 0], 21]
];
var RerankingMetadataSelectiveModeConfiguration$ = [4, n0, _RMSMC,
    0,
    [_fTI, _fTEi],
    [[() => FieldsForReranking, 0], [() => FieldsForReranking, 0]]
];
var ResponseStream$ = [4, n0, _RSes,
    { [_str]: 1 },
    [_ch, _tra, _rCetu, _iSE, _vE, _rNFE, _sQEE, _tEh, _aDE, _cEo, _dFE, _bGE, _mNRE, _fi],
    [[() => PayloadPart$, 0], [() => TracePart$, 0], [() => ReturnControlPayload$, 0], [() => InternalServerException$, 0], [() => ValidationException$, 0], [() => ResourceNotFoundException$, 0], [() => ServiceQuotaExceededException$, 0], [() => ThrottlingException$, 0], [() => AccessDeniedException$, 0], [() => ConflictException$, 0], [() => DependencyFailedException$, 0], [() => BadGatewayException$, 0], [() => ModelNotReadyException$, 0], [() => FilePart$, 0]]
];
var RetrievalFilter$ = [4, n0, _RF,
    8,
    [_eq, _nE, _gT, _gTOE, _lT, _lTOE, _in_, _nI, _sW, _lC, _sCtr, _aA, _oAr],
    [() => FilterAttribute$, () => FilterAttribute$, () => FilterAttribute$, () => FilterAttribute$, () => FilterAttribute$, () => FilterAttribute$, () => FilterAttribute$, () => FilterAttribute$, () => FilterAttribute$, () => FilterAttribute$, () => FilterAttribute$, [() => RetrievalFilterList, 0], [() => RetrievalFilterList, 0]]
];
var RetrieveAndGenerateStreamResponseOutput$ = [4, n0, _RAGSRO,
    { [_str]: 1 },
    [_o, _cit, _gu, _iSE, _vE, _rNFE, _sQEE, _tEh, _aDE, _cEo, _dFE, _bGE],
    [[() => RetrieveAndGenerateOutputEvent$, 0], [() => CitationEvent$, 0], () => GuardrailEvent$, [() => InternalServerException$, 0], [() => ValidationException$, 0], [() => ResourceNotFoundException$, 0], [() => ServiceQuotaExceededException$, 0], [() => ThrottlingException$, 0], [() => AccessDeniedException$, 0], [() => ConflictException$, 0], [() => DependencyFailedException$, 0], [() => BadGatewayException$, 0]]
];
var RetrieverConfiguration$ = [4, n0, _RCet,
    0,
    [_kBn],
    [[() => KnowledgeBaseRetrieverConfiguration$, 0]]
];
var RoutingClassifierTrace$ = [4, n0, _RCT,
    8,
    [_iInvo, _ob, _mII, _mIO],
    [[() => InvocationInput$, 0], [() => Observation$, 0], [() => ModelInvocationInput$, 0], [() => RoutingClassifierModelInvocationOutput$, 0]]
];
var Trace$ = [4, n0, _T,
    8,
    [_gTu, _pPT, _oTr, _pPTo, _rCT, _fT, _cOT],
    [[() => GuardrailTrace$, 0], [() => PreProcessingTrace$, 0], [() => OrchestrationTrace$, 0], [() => PostProcessingTrace$, 0], [() => RoutingClassifierTrace$, 0], [() => FailureTrace$, 0], [() => CustomOrchestrationTrace$, 0]]
];
var TraceElements$ = [4, n0, _TEr,
    8,
    [_aT],
    [[() => AgentTraces, 0]]
];
var AgenticRetrieveStream$ = [9, n0, _ARS,
    { [_h]: ["POST", "/agenticRetrieveStream", 200] }, () => AgenticRetrieveStreamRequest$, () => AgenticRetrieveStreamResponse$
];
var CheckIngestedDocumentAcl$ = [9, n0, _CIDA,
    { [_h]: ["POST", "/knowledgebases/{knowledgeBaseId}/datasources/{dataSourceId}/check-ingested-document-acl", 200] }, () => CheckIngestedDocumentAclRequest$, () => CheckIngestedDocumentAclResponse$
];
var CreateInvocation$ = [9, n0, _CIr,
    { [_h]: ["PUT", "/sessions/{sessionIdentifier}/invocations/", 201] }, () => CreateInvocationRequest$, () => CreateInvocationResponse$
];
var CreateSession$ = [9, n0, _CS,
    { [_h]: ["PUT", "/sessions/", 201] }, () => CreateSessionRequest$, () => CreateSessionResponse$
];
var DeleteAgentMemory$ = [9, n0, _DAMe,
    { [_h]: ["DELETE", "/agents/{agentId}/agentAliases/{agentAliasId}/memories", 202] }, () => DeleteAgentMemoryRequest$, () => DeleteAgentMemoryResponse$
];
var DeleteSession$ = [9, n0, _DS,
    { [_h]: ["DELETE", "/sessions/{sessionIdentifier}/", 200] }, () => DeleteSessionRequest$, () => DeleteSessionResponse$
];
var EndSession$ = [9, n0, _ESn,
    { [_h]: ["PATCH", "/sessions/{sessionIdentifier}", 200] }, () => EndSessionRequest$, () => EndSessionResponse$
];
var GenerateQuery$ = [9, n0, _GQen,
    { [_h]: ["POST", "/generateQuery", 200] }, () => GenerateQueryRequest$, () => GenerateQueryResponse$
];
var GetAgentMemory$ = [9, n0, _GAM,
    { [_h]: ["GET", "/agents/{agentId}/agentAliases/{agentAliasId}/memories", 200] }, () => GetAgentMemoryRequest$, () => GetAgentMemoryResponse$
];
var GetDocumentContent$ = [9, n0, _GDC,
    { [_h]: ["POST", "/knowledgebases/{knowledgeBaseId}/datasources/{dataSourceId}/documents/{documentId}/content", 200] }, () => GetDocumentContentRequest$, () => GetDocumentContentResponse$
];
var GetExecutionFlowSnapshot$ = [9, n0, _GEFS,
    { [_h]: ["GET", "/flows/{flowIdentifier}/aliases/{flowAliasIdentifier}/executions/{executionIdentifier}/flowsnapshot", 200] }, () => GetExecutionFlowSnapshotRequest$, () => GetExecutionFlowSnapshotResponse$
];
var GetFlowExecution$ = [9, n0, _GFE,
    { [_h]: ["GET", "/flows/{flowIdentifier}/aliases/{flowAliasIdentifier}/executions/{executionIdentifier}", 200] }, () => GetFlowExecutionRequest$, () => GetFlowExecutionResponse$
];
var GetIngestedDocumentAcl$ = [9, n0, _GIDA,
    { [_h]: ["POST", "/knowledgebases/{knowledgeBaseId}/datasources/{dataSourceId}/get-ingested-document-acl", 200] }, () => GetIngestedDocumentAclRequest$, () => GetIngestedDocumentAclResponse$
];
var GetInvocationStep$ = [9, n0, _GIS,
    { [_h]: ["POST", "/sessions/{sessionIdentifier}/invocationSteps/{invocationStepId}", 200] }, () => GetInvocationStepRequest$, () => GetInvocationStepResponse$
];
var GetSession$ = [9, n0, _GS,
    { [_h]: ["GET", "/sessions/{sessionIdentifier}/", 200] }, () => GetSessionRequest$, () => GetSessionResponse$
];
var InvokeAgent$ = [9, n0, _IA,
    { [_h]: ["POST", "/agents/{agentId}/agentAliases/{agentAliasId}/sessions/{sessionId}/text", 200] }, () => InvokeAgentRequest$, () => InvokeAgentResponse$
];
var InvokeFlow$ = [9, n0, _IFnv,
    { [_h]: ["POST", "/flows/{flowIdentifier}/aliases/{flowAliasIdentifier}", 200] }, () => InvokeFlowRequest$, () => InvokeFlowResponse$
];
var InvokeInlineAgent$ = [9, n0, _IIA,
    { [_h]: ["POST", "/agents/{sessionId}", 200] }, () => InvokeInlineAgentRequest$, () => InvokeInlineAgentResponse$
];
var ListFlowExecutionEvents$ = [9, n0, _LFEE,
    { [_h]: ["GET", "/flows/{flowIdentifier}/aliases/{flowAliasIdentifier}/executions/{executionIdentifier}/events", 200] }, () => ListFlowExecutionEventsRequest$, () => ListFlowExecutionEventsResponse$
];
var ListFlowExecutions$ = [9, n0, _LFE,
    { [_h]: ["GET", "/flows/{flowIdentifier}/executions", 200] }, () => ListFlowExecutionsRequest$, () => ListFlowExecutionsResponse$
];
var ListInvocations$ = [9, n0, _LI,
    { [_h]: ["POST", "/sessions/{sessionIdentifier}/invocations/", 200] }, () => ListInvocationsRequest$, () => ListInvocationsResponse$
];
var ListInvocationSteps$ = [9, n0, _LIS,
    { [_h]: ["POST", "/sessions/{sessionIdentifier}/invocationSteps/", 200] }, () => ListInvocationStepsRequest$, () => ListInvocationStepsResponse$
];
var ListSessions$ = [9, n0, _LS,
    { [_h]: ["POST", "/sessions/", 200] }, () => ListSessionsRequest$, () => ListSessionsResponse$
];
var ListTagsForResource$ = [9, n0, _LTFR,
    { [_h]: ["GET", "/tags/{resourceArn}", 200] }, () => ListTagsForResourceRequest$, () => ListTagsForResourceResponse$
];
var OptimizePrompt$ = [9, n0, _OPp,
    { [_h]: ["POST", "/optimize-prompt", 200] }, () => OptimizePromptRequest$, () => OptimizePromptResponse$
];
var PutInvocationStep$ = [9, n0, _PIS,
    { [_h]: ["PUT", "/sessions/{sessionIdentifier}/invocationSteps/", 201] }, () => PutInvocationStepRequest$, () => PutInvocationStepResponse$
];
var Rerank$ = [9, n0, _Re,
    { [_h]: ["POST", "/rerank", 200] }, () => RerankRequest$, () => RerankResponse$
];
var Retrieve$ = [9, n0, _Ret,
    { [_h]: ["POST", "/knowledgebases/{knowledgeBaseId}/retrieve", 200] }, () => RetrieveRequest$, () => RetrieveResponse$
];
var RetrieveAndGenerate$ = [9, n0, _RAG,
    { [_h]: ["POST", "/retrieveAndGenerate", 200] }, () => RetrieveAndGenerateRequest$, () => RetrieveAndGenerateResponse$
];
var RetrieveAndGenerateStream$ = [9, n0, _RAGS,
    { [_h]: ["POST", "/retrieveAndGenerateStream", 200] }, () => RetrieveAndGenerateStreamRequest$, () => RetrieveAndGenerateStreamResponse$
];
var StartFlowExecution$ = [9, n0, _SFE,
    { [_h]: ["POST", "/flows/{flowIdentifier}/aliases/{flowAliasIdentifier}/executions", 200] }, () => StartFlowExecutionRequest$, () => StartFlowExecutionResponse$
];
var StopFlowExecution$ = [9, n0, _SFEt,
    { [_h]: ["POST", "/flows/{flowIdentifier}/aliases/{flowAliasIdentifier}/executions/{executionIdentifier}/stop", 200] }, () => StopFlowExecutionRequest$, () => StopFlowExecutionResponse$
];
var TagResource$ = [9, n0, _TR,
    { [_h]: ["POST", "/tags/{resourceArn}", 200] }, () => TagResourceRequest$, () => TagResourceResponse$
];
var UntagResource$ = [9, n0, _UR,
    { [_h]: ["DELETE", "/tags/{resourceArn}", 200] }, () => UntagResourceRequest$, () => UntagResourceResponse$
];
var UpdateSession$ = [9, n0, _US,
    { [_h]: ["PUT", "/sessions/{sessionIdentifier}/", 200] }, () => UpdateSessionRequest$, () => UpdateSessionResponse$
];

const getRuntimeConfig$1 = (config) => {
    return {
        apiVersion: "2023-07-26",
        base64Decoder: config?.base64Decoder ?? fromBase64,
        base64Encoder: config?.base64Encoder ?? toBase64,
        disableHostPrefix: config?.disableHostPrefix ?? false,
        endpointProvider: config?.endpointProvider ?? defaultEndpointResolver,
        extensions: config?.extensions ?? [],
        httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? defaultBedrockAgentRuntimeHttpAuthSchemeProvider,
        httpAuthSchemes: config?.httpAuthSchemes ?? [
            {
                schemeId: "aws.auth#sigv4",
                identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4"),
                signer: new AwsSdkSigV4Signer(),
            },
        ],
        logger: config?.logger ?? new NoOpLogger(),
        protocol: config?.protocol ?? AwsRestJsonProtocol,
        protocolSettings: config?.protocolSettings ?? {
            defaultNamespace: "com.amazonaws.bedrockagentruntime",
            errorTypeRegistries,
            version: "2023-07-26",
            serviceTarget: "AmazonBedrockAgentRunTimeService",
        },
        serviceId: config?.serviceId ?? "Bedrock Agent Runtime",
        sha256: config?.sha256 ?? Sha256Node,
        urlParser: config?.urlParser ?? parseUrl,
        utf8Decoder: config?.utf8Decoder ?? fromUtf8,
        utf8Encoder: config?.utf8Encoder ?? toUtf8,
    };
};

const getRuntimeConfig = (config) => {
    emitWarningIfUnsupportedVersion(process.version);
    const defaultsMode = resolveDefaultsModeConfig(config);
    const defaultConfigProvider = () => defaultsMode().then(loadConfigsForDefaultMode);
    const clientSharedValues = getRuntimeConfig$1(config);
    emitWarningIfUnsupportedVersion$1(process.version);
    const loaderConfig = {
        profile: config?.profile,
        logger: clientSharedValues.logger,
        signingName: "bedrock",
    };
    return {
        ...clientSharedValues,
        ...config,
        runtime: "node",
        defaultsMode,
        authSchemePreference: config?.authSchemePreference ?? loadConfig(NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, loaderConfig),
        bodyLengthChecker: config?.bodyLengthChecker ?? calculateBodyLength,
        credentialDefaultProvider: config?.credentialDefaultProvider ?? defaultProvider,
        defaultSocketTimeout: getDefaultSocketTimeout(config?.requestHandler, 900_000),
        defaultUserAgentProvider: config?.defaultUserAgentProvider ?? createDefaultUserAgentProvider({ serviceId: clientSharedValues.serviceId, clientVersion: packageInfo.version }),
        eventStreamSerdeProvider: config?.eventStreamSerdeProvider ?? eventStreamSerdeProvider,
        maxAttempts: config?.maxAttempts ?? loadConfig(NODE_MAX_ATTEMPT_CONFIG_OPTIONS, config),
        region: config?.region ?? loadConfig(NODE_REGION_CONFIG_OPTIONS, { ...NODE_REGION_CONFIG_FILE_OPTIONS, ...loaderConfig }),
        requestHandler: NodeHttp2Handler.create(config?.requestHandler ?? (async () => ({
            ...await defaultConfigProvider(),
            disableConcurrentStreams: true
        }))),
        retryMode: config?.retryMode ??
            loadConfig({
                ...NODE_RETRY_MODE_CONFIG_OPTIONS,
                default: async () => (await defaultConfigProvider()).retryMode || DEFAULT_RETRY_MODE,
            }, config),
        streamCollector: config?.streamCollector ?? streamCollector,
        useDualstackEndpoint: config?.useDualstackEndpoint ?? loadConfig(NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        useFipsEndpoint: config?.useFipsEndpoint ?? loadConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        userAgentAppId: config?.userAgentAppId ?? loadConfig(NODE_APP_ID_CONFIG_OPTIONS, loaderConfig),
    };
};

const getHttpAuthExtensionConfiguration = (runtimeConfig) => {
    const _httpAuthSchemes = runtimeConfig.httpAuthSchemes;
    let _httpAuthSchemeProvider = runtimeConfig.httpAuthSchemeProvider;
    let _credentials = runtimeConfig.credentials;
    return {
        setHttpAuthScheme(httpAuthScheme) {
            const index = _httpAuthSchemes.findIndex((scheme) => scheme.schemeId === httpAuthScheme.schemeId);
            if (index === -1) {
                _httpAuthSchemes.push(httpAuthScheme);
            }
            else {
                _httpAuthSchemes.splice(index, 1, httpAuthScheme);
            }
        },
        httpAuthSchemes() {
            return _httpAuthSchemes;
        },
        setHttpAuthSchemeProvider(httpAuthSchemeProvider) {
            _httpAuthSchemeProvider = httpAuthSchemeProvider;
        },
        httpAuthSchemeProvider() {
            return _httpAuthSchemeProvider;
        },
        setCredentials(credentials) {
            _credentials = credentials;
        },
        credentials() {
            return _credentials;
        },
    };
};
const resolveHttpAuthRuntimeConfig = (config) => {
    return {
        httpAuthSchemes: config.httpAuthSchemes(),
        httpAuthSchemeProvider: config.httpAuthSchemeProvider(),
        credentials: config.credentials(),
    };
};

const resolveRuntimeExtensions = (runtimeConfig, extensions) => {
    const extensionConfiguration = Object.assign(getAwsRegionExtensionConfiguration(runtimeConfig), getDefaultExtensionConfiguration(runtimeConfig), getHttpHandlerExtensionConfiguration(runtimeConfig), getHttpAuthExtensionConfiguration(runtimeConfig));
    extensions.forEach((extension) => extension.configure(extensionConfiguration));
    return Object.assign(runtimeConfig, resolveAwsRegionExtensionConfiguration(extensionConfiguration), resolveDefaultRuntimeConfig(extensionConfiguration), resolveHttpHandlerRuntimeConfig(extensionConfiguration), resolveHttpAuthRuntimeConfig(extensionConfiguration));
};

class BedrockAgentRuntimeClient extends Client {
    config;
    constructor(...[configuration]) {
        const _config_0 = getRuntimeConfig(configuration || {});
        super(_config_0);
        this.initConfig = _config_0;
        const _config_1 = resolveClientEndpointParameters(_config_0);
        const _config_2 = resolveUserAgentConfig(_config_1);
        const _config_3 = resolveRetryConfig(_config_2);
        const _config_4 = resolveRegionConfig(_config_3);
        const _config_5 = resolveHostHeaderConfig(_config_4);
        const _config_6 = resolveEndpointConfig(_config_5);
        const _config_7 = resolveEventStreamSerdeConfig(_config_6);
        const _config_8 = resolveHttpAuthSchemeConfig(_config_7);
        const _config_9 = resolveRuntimeExtensions(_config_8, configuration?.extensions || []);
        this.config = _config_9;
        this.middlewareStack.use(getSchemaSerdePlugin(this.config));
        this.middlewareStack.use(getUserAgentPlugin(this.config));
        this.middlewareStack.use(getRetryPlugin(this.config));
        this.middlewareStack.use(getContentLengthPlugin(this.config));
        this.middlewareStack.use(getHostHeaderPlugin(this.config));
        this.middlewareStack.use(getLoggerPlugin(this.config));
        this.middlewareStack.use(getRecursionDetectionPlugin(this.config));
        this.middlewareStack.use(getHttpAuthSchemeEndpointRuleSetPlugin(this.config, {
            httpAuthSchemeParametersProvider: defaultBedrockAgentRuntimeHttpAuthSchemeParametersProvider,
            identityProviderConfigProvider: async (config) => new DefaultIdentityProviderConfig({
                "aws.auth#sigv4": config.credentials,
            }),
        }));
        this.middlewareStack.use(getHttpSigningPlugin(this.config));
    }
    destroy() {
        super.destroy();
    }
}

const command = makeBuilder(commonParams, "AmazonBedrockAgentRunTimeService", "BedrockAgentRuntimeClient", getEndpointPlugin);
const _ep0 = {};
const _mw0 = (Command, cs, config, o) => [];

class AgenticRetrieveStreamCommand extends command(_ep0, _mw0, "AgenticRetrieveStream", AgenticRetrieveStream$) {
}

class CheckIngestedDocumentAclCommand extends command(_ep0, _mw0, "CheckIngestedDocumentAcl", CheckIngestedDocumentAcl$) {
}

class CreateInvocationCommand extends command(_ep0, _mw0, "CreateInvocation", CreateInvocation$) {
}

class CreateSessionCommand extends command(_ep0, _mw0, "CreateSession", CreateSession$) {
}

class DeleteAgentMemoryCommand extends command(_ep0, _mw0, "DeleteAgentMemory", DeleteAgentMemory$) {
}

class DeleteSessionCommand extends command(_ep0, _mw0, "DeleteSession", DeleteSession$) {
}

class EndSessionCommand extends command(_ep0, _mw0, "EndSession", EndSession$) {
}

class GenerateQueryCommand extends command(_ep0, _mw0, "GenerateQuery", GenerateQuery$) {
}

class GetAgentMemoryCommand extends command(_ep0, _mw0, "GetAgentMemory", GetAgentMemory$) {
}

class GetDocumentContentCommand extends command(_ep0, _mw0, "GetDocumentContent", GetDocumentContent$) {
}

class GetExecutionFlowSnapshotCommand extends command(_ep0, _mw0, "GetExecutionFlowSnapshot", GetExecutionFlowSnapshot$) {
}

class GetFlowExecutionCommand extends command(_ep0, _mw0, "GetFlowExecution", GetFlowExecution$) {
}

class GetIngestedDocumentAclCommand extends command(_ep0, _mw0, "GetIngestedDocumentAcl", GetIngestedDocumentAcl$) {
}

class GetInvocationStepCommand extends command(_ep0, _mw0, "GetInvocationStep", GetInvocationStep$) {
}

class GetSessionCommand extends command(_ep0, _mw0, "GetSession", GetSession$) {
}

class InvokeAgentCommand extends command(_ep0, _mw0, "InvokeAgent", InvokeAgent$) {
}

class InvokeFlowCommand extends command(_ep0, _mw0, "InvokeFlow", InvokeFlow$) {
}

class InvokeInlineAgentCommand extends command(_ep0, _mw0, "InvokeInlineAgent", InvokeInlineAgent$) {
}

class ListFlowExecutionEventsCommand extends command(_ep0, _mw0, "ListFlowExecutionEvents", ListFlowExecutionEvents$) {
}

class ListFlowExecutionsCommand extends command(_ep0, _mw0, "ListFlowExecutions", ListFlowExecutions$) {
}

class ListInvocationsCommand extends command(_ep0, _mw0, "ListInvocations", ListInvocations$) {
}

class ListInvocationStepsCommand extends command(_ep0, _mw0, "ListInvocationSteps", ListInvocationSteps$) {
}

class ListSessionsCommand extends command(_ep0, _mw0, "ListSessions", ListSessions$) {
}

class ListTagsForResourceCommand extends command(_ep0, _mw0, "ListTagsForResource", ListTagsForResource$) {
}

class OptimizePromptCommand extends command(_ep0, _mw0, "OptimizePrompt", OptimizePrompt$) {
}

class PutInvocationStepCommand extends command(_ep0, _mw0, "PutInvocationStep", PutInvocationStep$) {
}

class RerankCommand extends command(_ep0, _mw0, "Rerank", Rerank$) {
}

class RetrieveAndGenerateCommand extends command(_ep0, _mw0, "RetrieveAndGenerate", RetrieveAndGenerate$) {
}

class RetrieveAndGenerateStreamCommand extends command(_ep0, _mw0, "RetrieveAndGenerateStream", RetrieveAndGenerateStream$) {
}

class RetrieveCommand extends command(_ep0, _mw0, "Retrieve", Retrieve$) {
}

class StartFlowExecutionCommand extends command(_ep0, _mw0, "StartFlowExecution", StartFlowExecution$) {
}

class StopFlowExecutionCommand extends command(_ep0, _mw0, "StopFlowExecution", StopFlowExecution$) {
}

class TagResourceCommand extends command(_ep0, _mw0, "TagResource", TagResource$) {
}

class UntagResourceCommand extends command(_ep0, _mw0, "UntagResource", UntagResource$) {
}

class UpdateSessionCommand extends command(_ep0, _mw0, "UpdateSession", UpdateSession$) {
}

const paginateGetAgentMemory = createPaginator(BedrockAgentRuntimeClient, GetAgentMemoryCommand, "nextToken", "nextToken", "maxItems");

const paginateListFlowExecutionEvents = createPaginator(BedrockAgentRuntimeClient, ListFlowExecutionEventsCommand, "nextToken", "nextToken", "maxResults");

const paginateListFlowExecutions = createPaginator(BedrockAgentRuntimeClient, ListFlowExecutionsCommand, "nextToken", "nextToken", "maxResults");

const paginateListInvocations = createPaginator(BedrockAgentRuntimeClient, ListInvocationsCommand, "nextToken", "nextToken", "maxResults");

const paginateListInvocationSteps = createPaginator(BedrockAgentRuntimeClient, ListInvocationStepsCommand, "nextToken", "nextToken", "maxResults");

const paginateListSessions = createPaginator(BedrockAgentRuntimeClient, ListSessionsCommand, "nextToken", "nextToken", "maxResults");

const paginateRerank = createPaginator(BedrockAgentRuntimeClient, RerankCommand, "nextToken", "nextToken", "");

const paginateRetrieve = createPaginator(BedrockAgentRuntimeClient, RetrieveCommand, "nextToken", "nextToken", "");

const commands = {
    AgenticRetrieveStreamCommand,
    CheckIngestedDocumentAclCommand,
    CreateInvocationCommand,
    CreateSessionCommand,
    DeleteAgentMemoryCommand,
    DeleteSessionCommand,
    EndSessionCommand,
    GenerateQueryCommand,
    GetAgentMemoryCommand,
    GetDocumentContentCommand,
    GetExecutionFlowSnapshotCommand,
    GetFlowExecutionCommand,
    GetIngestedDocumentAclCommand,
    GetInvocationStepCommand,
    GetSessionCommand,
    InvokeAgentCommand,
    InvokeFlowCommand,
    InvokeInlineAgentCommand,
    ListFlowExecutionEventsCommand,
    ListFlowExecutionsCommand,
    ListInvocationsCommand,
    ListInvocationStepsCommand,
    ListSessionsCommand,
    ListTagsForResourceCommand,
    OptimizePromptCommand,
    PutInvocationStepCommand,
    RerankCommand,
    RetrieveCommand,
    RetrieveAndGenerateCommand,
    RetrieveAndGenerateStreamCommand,
    StartFlowExecutionCommand,
    StopFlowExecutionCommand,
    TagResourceCommand,
    UntagResourceCommand,
    UpdateSessionCommand,
};
const paginators = {
    paginateGetAgentMemory,
    paginateListFlowExecutionEvents,
    paginateListFlowExecutions,
    paginateListInvocations,
    paginateListInvocationSteps,
    paginateListSessions,
    paginateRerank,
    paginateRetrieve,
};
class BedrockAgentRuntime extends BedrockAgentRuntimeClient {
}
createAggregatedClient(commands, BedrockAgentRuntime, { paginators });

const CustomControlMethod = {
    RETURN_CONTROL: "RETURN_CONTROL",
};
const ExecutionType = {
    LAMBDA: "LAMBDA",
    RETURN_CONTROL: "RETURN_CONTROL",
};
const ActionGroupSignature = {
    AMAZON_CODEINTERPRETER: "AMAZON.CodeInterpreter",
    AMAZON_USERINPUT: "AMAZON.UserInput",
    ANTHROPIC_BASH: "ANTHROPIC.Bash",
    ANTHROPIC_COMPUTER: "ANTHROPIC.Computer",
    ANTHROPIC_TEXTEDITOR: "ANTHROPIC.TextEditor",
};
const ActionInvocationType = {
    RESULT: "RESULT",
    USER_CONFIRMATION: "USER_CONFIRMATION",
    USER_CONFIRMATION_AND_RESULT: "USER_CONFIRMATION_AND_RESULT",
};
const ParameterType = {
    ARRAY: "array",
    BOOLEAN: "boolean",
    INTEGER: "integer",
    NUMBER: "number",
    STRING: "string",
};
const RequireConfirmation = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const AgentCollaboration = {
    DISABLED: "DISABLED",
    SUPERVISOR: "SUPERVISOR",
    SUPERVISOR_ROUTER: "SUPERVISOR_ROUTER",
};
const ConfirmationState = {
    CONFIRM: "CONFIRM",
    DENY: "DENY",
};
const ImageInputFormat = {
    GIF: "gif",
    JPEG: "jpeg",
    PNG: "png",
    WEBP: "webp",
};
const ResponseState = {
    FAILURE: "FAILURE",
    REPROMPT: "REPROMPT",
};
const PayloadType = {
    RETURN_CONTROL: "RETURN_CONTROL",
    TEXT: "TEXT",
};
const FoundationModelConfigurationType = {
    BEDROCK_FOUNDATION_MODEL: "BEDROCK_FOUNDATION_MODEL",
    MANTLE_FOUNDATION_MODEL: "MANTLE_FOUNDATION_MODEL",
};
const FoundationModelType = {
    CUSTOM: "CUSTOM",
    MANAGED: "MANAGED",
};
const AgenticRetrieveRerankingConfigurationType = {
    BEDROCK_RERANKING_MODEL: "BEDROCK_RERANKING_MODEL",
};
const AgenticRetrieveRerankingModelType = {
    CUSTOM: "CUSTOM",
    MANAGED: "MANAGED",
    NONE: "NONE",
};
const GuardrailAction = {
    INTERVENED: "INTERVENED",
    NONE: "NONE",
};
const AgenticRetrieveMemoryPersistenceMode = {
    DEFAULT: "DEFAULT",
    NONE: "NONE",
};
const AgenticRetrieveMemoryMetadataFilterOperator = {
    AFTER: "AFTER",
    BEFORE: "BEFORE",
    CONTAINS: "CONTAINS",
    EQUALS_TO: "EQUALS_TO",
    EXISTS: "EXISTS",
    GREATER_THAN: "GREATER_THAN",
    GREATER_THAN_OR_EQUALS: "GREATER_THAN_OR_EQUALS",
    LESS_THAN: "LESS_THAN",
    LESS_THAN_OR_EQUALS: "LESS_THAN_OR_EQUALS",
    NOT_EXISTS: "NOT_EXISTS",
};
const ConversationRole = {
    ASSISTANT: "assistant",
    USER: "user",
};
const AgenticRetrieveType = {
    BEDROCK_AGENT_CORE_MEMORY: "BedrockAgentCoreMemory",
    BEDROCK_KNOWLEDGE_BASE: "BedrockKnowledgeBase",
};
const AgenticRetrieveStatus = {
    FAILED: "FAILED",
    IN_PROGRESS: "IN_PROGRESS",
    SUCCEEDED: "SUCCEEDED",
};
const AgenticRetrieveStep = {
    CODE_EXECUTION: "CodeExecution",
    FULL_DOCUMENT_EXPANSION: "FullDocumentExpansion",
    PLANNING: "Planning",
    RETRIEVAL: "Retrieval",
    SESSION_HISTORY_LOAD: "SessionHistoryLoad",
    SPECULATIVE_RETRIEVAL: "SpeculativeRetrieval",
};
const GuardrailContentPolicyAction = {
    BLOCKED: "BLOCKED",
};
const GuardrailContentFilterConfidence = {
    HIGH: "HIGH",
    LOW: "LOW",
    MEDIUM: "MEDIUM",
    NONE: "NONE",
};
const GuardrailContentFilterType = {
    HATE: "HATE",
    INSULTS: "INSULTS",
    MISCONDUCT: "MISCONDUCT",
    PROMPT_ATTACK: "PROMPT_ATTACK",
    SEXUAL: "SEXUAL",
    VIOLENCE: "VIOLENCE",
};
const GuardrailSensitiveInformationPolicyAction = {
    ANONYMIZED: "ANONYMIZED",
    BLOCKED: "BLOCKED",
};
const GuardrailPiiEntityType = {
    ADDRESS: "ADDRESS",
    AGE: "AGE",
    AWS_ACCESS_KEY: "AWS_ACCESS_KEY",
    AWS_SECRET_KEY: "AWS_SECRET_KEY",
    CA_HEALTH_NUMBER: "CA_HEALTH_NUMBER",
    CA_SOCIAL_INSURANCE_NUMBER: "CA_SOCIAL_INSURANCE_NUMBER",
    CREDIT_DEBIT_CARD_CVV: "CREDIT_DEBIT_CARD_CVV",
    CREDIT_DEBIT_CARD_EXPIRY: "CREDIT_DEBIT_CARD_EXPIRY",
    CREDIT_DEBIT_CARD_NUMBER: "CREDIT_DEBIT_CARD_NUMBER",
    DRIVER_ID: "DRIVER_ID",
    EMAIL: "EMAIL",
    INTERNATIONAL_BANK_ACCOUNT_NUMBER: "INTERNATIONAL_BANK_ACCOUNT_NUMBER",
    IP_ADDRESS: "IP_ADDRESS",
    LICENSE_PLATE: "LICENSE_PLATE",
    MAC_ADDRESS: "MAC_ADDRESS",
    NAME: "NAME",
    PASSWORD: "PASSWORD",
    PHONE: "PHONE",
    PIN: "PIN",
    SWIFT_CODE: "SWIFT_CODE",
    UK_NATIONAL_HEALTH_SERVICE_NUMBER: "UK_NATIONAL_HEALTH_SERVICE_NUMBER",
    UK_NATIONAL_INSURANCE_NUMBER: "UK_NATIONAL_INSURANCE_NUMBER",
    UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER: "UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER",
    URL: "URL",
    USERNAME: "USERNAME",
    US_BANK_ACCOUNT_NUMBER: "US_BANK_ACCOUNT_NUMBER",
    US_BANK_ROUTING_NUMBER: "US_BANK_ROUTING_NUMBER",
    US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER: "US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER",
    US_PASSPORT_NUMBER: "US_PASSPORT_NUMBER",
    US_SOCIAL_SECURITY_NUMBER: "US_SOCIAL_SECURITY_NUMBER",
    VEHICLE_IDENTIFICATION_NUMBER: "VEHICLE_IDENTIFICATION_NUMBER",
};
const GuardrailTopicPolicyAction = {
    BLOCKED: "BLOCKED",
};
const GuardrailTopicType = {
    DENY: "DENY",
};
const GuardrailWordPolicyAction = {
    BLOCKED: "BLOCKED",
};
const GuardrailManagedWordType = {
    PROFANITY: "PROFANITY",
};
const InvocationType = {
    ACTION_GROUP: "ACTION_GROUP",
    ACTION_GROUP_CODE_INTERPRETER: "ACTION_GROUP_CODE_INTERPRETER",
    AGENT_COLLABORATOR: "AGENT_COLLABORATOR",
    FINISH: "FINISH",
    KNOWLEDGE_BASE: "KNOWLEDGE_BASE",
};
const CreationMode = {
    DEFAULT: "DEFAULT",
    OVERRIDDEN: "OVERRIDDEN",
};
const PromptType = {
    KNOWLEDGE_BASE_RESPONSE_GENERATION: "KNOWLEDGE_BASE_RESPONSE_GENERATION",
    ORCHESTRATION: "ORCHESTRATION",
    POST_PROCESSING: "POST_PROCESSING",
    PRE_PROCESSING: "PRE_PROCESSING",
    ROUTING_CLASSIFIER: "ROUTING_CLASSIFIER",
};
const RetrievalResultContentColumnType = {
    BLOB: "BLOB",
    BOOLEAN: "BOOLEAN",
    DOUBLE: "DOUBLE",
    LONG: "LONG",
    NULL: "NULL",
    STRING: "STRING",
};
const RetrievalResultContentType = {
    AUDIO: "AUDIO",
    IMAGE: "IMAGE",
    ROW: "ROW",
    TEXT: "TEXT",
    VIDEO: "VIDEO",
};
const RetrievalResultLocationType = {
    CONFLUENCE: "CONFLUENCE",
    CUSTOM: "CUSTOM",
    GOOGLEDRIVE: "GOOGLEDRIVE",
    KENDRA: "KENDRA",
    ONEDRIVE: "ONEDRIVE",
    S3: "S3",
    SALESFORCE: "SALESFORCE",
    SHAREPOINT: "SHAREPOINT",
    SQL: "SQL",
    WEB: "WEB",
};
const Source = {
    ACTION_GROUP: "ACTION_GROUP",
    KNOWLEDGE_BASE: "KNOWLEDGE_BASE",
    PARSER: "PARSER",
};
const Type = {
    ACTION_GROUP: "ACTION_GROUP",
    AGENT_COLLABORATOR: "AGENT_COLLABORATOR",
    ASK_USER: "ASK_USER",
    FINISH: "FINISH",
    KNOWLEDGE_BASE: "KNOWLEDGE_BASE",
    REPROMPT: "REPROMPT",
};
const FlowExecutionErrorType = {
    TIMED_OUT: "ExecutionTimedOut",
};
const FlowExecutionStatus = {
    ABORTED: "Aborted",
    FAILED: "Failed",
    RUNNING: "Running",
    SUCCEEDED: "Succeeded",
    TIMED_OUT: "TimedOut",
};
const FlowExecutionEventType = {
    FLOW: "Flow",
    NODE: "Node",
};
const FlowErrorCode = {
    INTERNAL_SERVER: "INTERNAL_SERVER",
    NODE_EXECUTION_FAILED: "NODE_EXECUTION_FAILED",
    VALIDATION: "VALIDATION",
};
const NodeErrorCode = {
    BAD_GATEWAY: "BAD_GATEWAY",
    DEPENDENCY_FAILED: "DEPENDENCY_FAILED",
    INTERNAL_SERVER: "INTERNAL_SERVER",
    VALIDATION: "VALIDATION",
};
const FlowNodeInputCategory = {
    EXIT_LOOP: "ExitLoop",
    LOOP_CONDITION: "LoopCondition",
    RETURN_VALUE_TO_LOOP_START: "ReturnValueToLoopStart",
};
const FlowControlNodeType = {
    ITERATOR: "Iterator",
    LOOP: "Loop",
};
const FlowNodeIODataType = {
    ARRAY: "Array",
    BOOLEAN: "Boolean",
    NUMBER: "Number",
    OBJECT: "Object",
    STRING: "String",
};
const PerformanceConfigLatency = {
    OPTIMIZED: "optimized",
    STANDARD: "standard",
};
const FlowCompletionReason = {
    INPUT_REQUIRED: "INPUT_REQUIRED",
    SUCCESS: "SUCCESS",
};
const NodeType = {
    CONDITION_NODE: "ConditionNode",
    FLOW_INPUT_NODE: "FlowInputNode",
    FLOW_OUTPUT_NODE: "FlowOutputNode",
    KNOWLEDGE_BASE_NODE: "KnowledgeBaseNode",
    LAMBDA_FUNCTION_NODE: "LambdaFunctionNode",
    LEX_NODE: "LexNode",
    PROMPT_NODE: "PromptNode",
};
const InputQueryType = {
    TEXT: "TEXT",
};
const QueryTransformationMode = {
    TEXT_TO_SQL: "TEXT_TO_SQL",
};
const TextToSqlConfigurationType = {
    KNOWLEDGE_BASE: "KNOWLEDGE_BASE",
};
const GeneratedQueryType = {
    REDSHIFT_SQL: "REDSHIFT_SQL",
};
const DocumentOutputFormat = {
    EXTRACTED: "EXTRACTED",
    RAW: "RAW",
};
const DocumentAclMemberRelation = {
    AND: "AND",
    OR: "OR",
};
const DocumentAclMembershipType = {
    DATA_SOURCE: "DATA_SOURCE",
    KNOWLEDGE_BASE: "KNOWLEDGE_BASE",
};
const FileSourceType = {
    BYTE_CONTENT: "BYTE_CONTENT",
    S3: "S3",
};
const FileUseCase = {
    CHAT: "CHAT",
    CODE_INTERPRETER: "CODE_INTERPRETER",
};
const RerankingMetadataSelectionMode = {
    ALL: "ALL",
    SELECTIVE: "SELECTIVE",
};
const ManagedSearchRerankingConfigurationType = {
    BEDROCK_RERANKING_MODEL: "BEDROCK_RERANKING_MODEL",
};
const RerankingModelType = {
    CUSTOM: "CUSTOM",
    MANAGED: "MANAGED",
    NONE: "NONE",
};
const AttributeType = {
    BOOLEAN: "BOOLEAN",
    NUMBER: "NUMBER",
    STRING: "STRING",
    STRING_LIST: "STRING_LIST",
};
const SearchType = {
    HYBRID: "HYBRID",
    SEMANTIC: "SEMANTIC",
};
const VectorSearchRerankingConfigurationType = {
    BEDROCK_RERANKING_MODEL: "BEDROCK_RERANKING_MODEL",
};
const RelayConversationHistory = {
    DISABLED: "DISABLED",
    TO_COLLABORATOR: "TO_COLLABORATOR",
};
const PromptState = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const OrchestrationType = {
    CUSTOM_ORCHESTRATION: "CUSTOM_ORCHESTRATION",
    DEFAULT: "DEFAULT",
};
const MemoryType = {
    SESSION_SUMMARY: "SESSION_SUMMARY",
};
const RerankQueryContentType = {
    TEXT: "TEXT",
};
const RerankingConfigurationType = {
    BEDROCK_RERANKING_MODEL: "BEDROCK_RERANKING_MODEL",
};
const RerankDocumentType = {
    JSON: "JSON",
    TEXT: "TEXT",
};
const RerankSourceType = {
    INLINE: "INLINE",
};
const ExternalSourceType = {
    BYTE_CONTENT: "BYTE_CONTENT",
    S3: "S3",
};
const QueryTransformationType = {
    QUERY_DECOMPOSITION: "QUERY_DECOMPOSITION",
};
const RetrieveAndGenerateType = {
    EXTERNAL_SOURCES: "EXTERNAL_SOURCES",
    KNOWLEDGE_BASE: "KNOWLEDGE_BASE",
};
const GuadrailAction = {
    INTERVENED: "INTERVENED",
    NONE: "NONE",
};
const InputImageFormat = {
    gif: "gif",
    jpeg: "jpeg",
    png: "png",
    webp: "webp",
};
const KnowledgeBaseQueryType = {
    IMAGE: "IMAGE",
    TEXT: "TEXT",
};
const SessionStatus = {
    ACTIVE: "ACTIVE",
    ENDED: "ENDED",
    EXPIRED: "EXPIRED",
};
const ImageFormat = {
    GIF: "gif",
    JPEG: "jpeg",
    PNG: "png",
    WEBP: "webp",
};

export { APISchema$, AccessDeniedException, AccessDeniedException$, ActionGroupExecutor$, ActionGroupInvocationInput$, ActionGroupInvocationOutput$, ActionGroupSignature, ActionInvocationType, AgentActionGroup$, AgentCollaboration, AgentCollaboratorInputPayload$, AgentCollaboratorInvocationInput$, AgentCollaboratorInvocationOutput$, AgentCollaboratorOutputPayload$, AgenticRetrieveAction$, AgenticRetrieveActionDetails$, AgenticRetrieveAppliedInstruction$, AgenticRetrieveBedrockGuardrailConfiguration$, AgenticRetrieveBedrockRerankingConfiguration$, AgenticRetrieveBedrockRerankingModelConfiguration$, AgenticRetrieveCitation$, AgenticRetrieveCitationReference$, AgenticRetrieveCodeExecutionDetails$, AgenticRetrieveCodeExecutionDocument$, AgenticRetrieveConfiguration$, AgenticRetrieveFailure$, AgenticRetrieveFullDocExpansionDetails$, AgenticRetrieveGeneratedResponse$, AgenticRetrieveGuardrailWarning$, AgenticRetrieveInstructionConfiguration$, AgenticRetrieveMemoryConfiguration$, AgenticRetrieveMemoryMetadataFilter$, AgenticRetrieveMemoryMetadataFilterLeft$, AgenticRetrieveMemoryMetadataFilterOperator, AgenticRetrieveMemoryMetadataFilterRight$, AgenticRetrieveMemoryMetadataValue$, AgenticRetrieveMemoryPersistenceMode, AgenticRetrieveMemoryRetrievalConfig$, AgenticRetrieveMemoryRetrieveDetails$, AgenticRetrieveMemorySessionBinding$, AgenticRetrieveMessage$, AgenticRetrieveMessageContent$, AgenticRetrievePolicyConfiguration$, AgenticRetrieveRerankingConfiguration$, AgenticRetrieveRerankingConfigurationType, AgenticRetrieveRerankingModelType, AgenticRetrieveResponseEvent$, AgenticRetrieveResultEvent$, AgenticRetrieveResultItem$, AgenticRetrieveSourceMetadata$, AgenticRetrieveSourceRetriever$, AgenticRetrieveStatus, AgenticRetrieveStep, AgenticRetrieveStream$, AgenticRetrieveStreamCommand, AgenticRetrieveStreamRequest$, AgenticRetrieveStreamResponse$, AgenticRetrieveStreamResponseOutput$, AgenticRetrieveTraceEvent$, AgenticRetrieveTraceEventAttributes$, AgenticRetrieveTraceResultItem$, AgenticRetrieveType, AgenticRetrieveWarning$, AgenticRetrieveWarningMessage$, AgenticRetriever$, AnalyzePromptEvent$, ApiInvocationInput$, ApiParameter$, ApiRequestBody$, ApiResult$, AttributeType, Attribution$, AudioSegment$, BadGatewayException, BadGatewayException$, BedrockAgentRuntime, BedrockAgentRuntimeClient, BedrockAgentRuntimeServiceException, BedrockAgentRuntimeServiceException$, BedrockFoundationModelConfiguration$, BedrockFoundationModelModelConfiguration$, BedrockModelConfigurations$, BedrockRerankingConfiguration$, BedrockRerankingModelConfiguration$, BedrockSessionContentBlock$, ByteContentDoc$, ByteContentFile$, Caller$, CheckIngestedDocumentAcl$, CheckIngestedDocumentAclCommand, CheckIngestedDocumentAclRequest$, CheckIngestedDocumentAclResponse$, Citation$, CitationEvent$, CodeInterpreterInvocationInput$, CodeInterpreterInvocationOutput$, Collaborator$, CollaboratorConfiguration$, ConditionResultEvent$, ConfirmationState, ConflictException, ConflictException$, ContentBlock$, ContentBody$, ConversationHistory$, ConversationRole, CreateInvocation$, CreateInvocationCommand, CreateInvocationRequest$, CreateInvocationResponse$, CreateSession$, CreateSessionCommand, CreateSessionRequest$, CreateSessionResponse$, CreationMode, CustomControlMethod, CustomOrchestration$, CustomOrchestrationTrace$, CustomOrchestrationTraceEvent$, DeleteAgentMemory$, DeleteAgentMemoryCommand, DeleteAgentMemoryRequest$, DeleteAgentMemoryResponse$, DeleteSession$, DeleteSessionCommand, DeleteSessionRequest$, DeleteSessionResponse$, DependencyFailedException, DependencyFailedException$, DocumentAcl$, DocumentAclCondition$, DocumentAclGroup$, DocumentAclMemberRelation, DocumentAclMembership$, DocumentAclMembershipType, DocumentAclUser$, DocumentOutputFormat, EndSession$, EndSessionCommand, EndSessionRequest$, EndSessionResponse$, ExecutionType, ExternalSource$, ExternalSourceType, ExternalSourcesGenerationConfiguration$, ExternalSourcesRetrieveAndGenerateConfiguration$, FailureTrace$, FieldForReranking$, FilePart$, FileSource$, FileSourceType, FileUseCase, FilterAttribute$, FinalResponse$, FlowCompletionEvent$, FlowCompletionReason, FlowControlNodeType, FlowErrorCode, FlowExecutionContent$, FlowExecutionError$, FlowExecutionErrorType, FlowExecutionEvent$, FlowExecutionEventType, FlowExecutionInputEvent$, FlowExecutionOutputEvent$, FlowExecutionStatus, FlowExecutionSummary$, FlowFailureEvent$, FlowInput$, FlowInputContent$, FlowInputField$, FlowMultiTurnInputContent$, FlowMultiTurnInputRequestEvent$, FlowNodeIODataType, FlowNodeInputCategory, FlowOutputContent$, FlowOutputEvent$, FlowOutputField$, FlowResponseStream$, FlowTrace$, FlowTraceCondition$, FlowTraceConditionNodeResultEvent$, FlowTraceDependencyEvent$, FlowTraceEvent$, FlowTraceNodeActionEvent$, FlowTraceNodeInputContent$, FlowTraceNodeInputEvent$, FlowTraceNodeInputExecutionChainItem$, FlowTraceNodeInputField$, FlowTraceNodeInputSource$, FlowTraceNodeOutputContent$, FlowTraceNodeOutputEvent$, FlowTraceNodeOutputField$, FlowTraceNodeOutputNext$, FoundationModelConfiguration$, FoundationModelConfigurationType, FoundationModelType, FunctionDefinition$, FunctionInvocationInput$, FunctionParameter$, FunctionResult$, FunctionSchema$, GenerateQuery$, GenerateQueryCommand, GenerateQueryRequest$, GenerateQueryResponse$, GeneratedQuery$, GeneratedQueryType, GeneratedResponsePart$, GenerationConfiguration$, GetAgentMemory$, GetAgentMemoryCommand, GetAgentMemoryRequest$, GetAgentMemoryResponse$, GetDocumentContent$, GetDocumentContentCommand, GetDocumentContentRequest$, GetDocumentContentResponse$, GetExecutionFlowSnapshot$, GetExecutionFlowSnapshotCommand, GetExecutionFlowSnapshotRequest$, GetExecutionFlowSnapshotResponse$, GetFlowExecution$, GetFlowExecutionCommand, GetFlowExecutionRequest$, GetFlowExecutionResponse$, GetIngestedDocumentAcl$, GetIngestedDocumentAclCommand, GetIngestedDocumentAclRequest$, GetIngestedDocumentAclResponse$, GetInvocationStep$, GetInvocationStepCommand, GetInvocationStepRequest$, GetInvocationStepResponse$, GetSession$, GetSessionCommand, GetSessionRequest$, GetSessionResponse$, GuadrailAction, GuardrailAction, GuardrailAssessment$, GuardrailConfiguration$, GuardrailConfigurationWithArn$, GuardrailContentFilter$, GuardrailContentFilterConfidence, GuardrailContentFilterType, GuardrailContentPolicyAction, GuardrailContentPolicyAssessment$, GuardrailCustomWord$, GuardrailEvent$, GuardrailManagedWord$, GuardrailManagedWordType, GuardrailPiiEntityFilter$, GuardrailPiiEntityType, GuardrailRegexFilter$, GuardrailSensitiveInformationPolicyAction, GuardrailSensitiveInformationPolicyAssessment$, GuardrailTopic$, GuardrailTopicPolicyAction, GuardrailTopicPolicyAssessment$, GuardrailTopicType, GuardrailTrace$, GuardrailWordPolicyAction, GuardrailWordPolicyAssessment$, ImageBlock$, ImageFormat, ImageInput$, ImageInputFormat, ImageInputSource$, ImageSource$, ImplicitFilterConfiguration$, InferenceConfig$, InferenceConfiguration$, InlineAgentFilePart$, InlineAgentPayloadPart$, InlineAgentResponseStream$, InlineAgentReturnControlPayload$, InlineAgentTracePart$, InlineBedrockModelConfigurations$, InlineSessionState$, InputFile$, InputImage$, InputImageFormat, InputPrompt$, InputQueryType, InternalServerException, InternalServerException$, InvocationInput$, InvocationInputMember$, InvocationResultMember$, InvocationStep$, InvocationStepPayload$, InvocationStepSummary$, InvocationSummary$, InvocationType, InvokeAgent$, InvokeAgentCommand, InvokeAgentRequest$, InvokeAgentResponse$, InvokeFlow$, InvokeFlowCommand, InvokeFlowRequest$, InvokeFlowResponse$, InvokeInlineAgent$, InvokeInlineAgentCommand, InvokeInlineAgentRequest$, InvokeInlineAgentResponse$, KnowledgeBase$, KnowledgeBaseConfiguration$, KnowledgeBaseLookupInput$, KnowledgeBaseLookupOutput$, KnowledgeBaseQuery$, KnowledgeBaseQueryType, KnowledgeBaseRetrievalConfiguration$, KnowledgeBaseRetrievalResult$, KnowledgeBaseRetrieveAndGenerateConfiguration$, KnowledgeBaseRetrieverConfiguration$, KnowledgeBaseVectorSearchConfiguration$, ListFlowExecutionEvents$, ListFlowExecutionEventsCommand, ListFlowExecutionEventsRequest$, ListFlowExecutionEventsResponse$, ListFlowExecutions$, ListFlowExecutionsCommand, ListFlowExecutionsRequest$, ListFlowExecutionsResponse$, ListInvocationSteps$, ListInvocationStepsCommand, ListInvocationStepsRequest$, ListInvocationStepsResponse$, ListInvocations$, ListInvocationsCommand, ListInvocationsRequest$, ListInvocationsResponse$, ListSessions$, ListSessionsCommand, ListSessionsRequest$, ListSessionsResponse$, ListTagsForResource$, ListTagsForResourceCommand, ListTagsForResourceRequest$, ListTagsForResourceResponse$, ManagedSearchBedrockRerankingConfiguration$, ManagedSearchBedrockRerankingModelConfiguration$, ManagedSearchConfiguration$, ManagedSearchRerankingConfiguration$, ManagedSearchRerankingConfigurationType, MantleFoundationModelConfiguration$, MantleFoundationModelModelConfiguration$, Memory$, MemorySessionSummary$, MemoryType, Message$, Metadata$, MetadataAttributeSchema$, MetadataConfigurationForReranking$, ModelInvocationInput$, ModelNotReadyException, ModelNotReadyException$, ModelPerformanceConfiguration$, NodeActionEvent$, NodeDependencyEvent$, NodeErrorCode, NodeExecutionContent$, NodeFailureEvent$, NodeInputEvent$, NodeInputExecutionChainItem$, NodeInputField$, NodeInputSource$, NodeOutputEvent$, NodeOutputField$, NodeOutputNext$, NodeTraceElements$, NodeType, Observation$, OptimizePrompt$, OptimizePromptCommand, OptimizePromptRequest$, OptimizePromptResponse$, OptimizedPrompt$, OptimizedPromptEvent$, OptimizedPromptStream$, OrchestrationConfiguration$, OrchestrationExecutor$, OrchestrationModelInvocationOutput$, OrchestrationTrace$, OrchestrationType, OutputFile$, Parameter$, ParameterDetail$, ParameterType, PayloadPart$, PayloadType, PerformanceConfigLatency, PerformanceConfiguration$, PostProcessingModelInvocationOutput$, PostProcessingParsedResponse$, PostProcessingTrace$, PreProcessingModelInvocationOutput$, PreProcessingParsedResponse$, PreProcessingTrace$, PromptConfiguration$, PromptCreationConfigurations$, PromptOverrideConfiguration$, PromptState, PromptTemplate$, PromptType, PropertyParameters$, PutInvocationStep$, PutInvocationStepCommand, PutInvocationStepRequest$, PutInvocationStepResponse$, QueryGenerationInput$, QueryTransformationConfiguration$, QueryTransformationMode, QueryTransformationType, Rationale$, RawResponse$, ReasoningContentBlock$, ReasoningTextBlock$, RelayConversationHistory, RepromptResponse$, RequestBody$, RequireConfirmation, Rerank$, RerankCommand, RerankDocument$, RerankDocumentType, RerankQuery$, RerankQueryContentType, RerankRequest$, RerankResponse$, RerankResult$, RerankSource$, RerankSourceType, RerankTextDocument$, RerankingConfiguration$, RerankingConfigurationType, RerankingMetadataSelectionMode, RerankingMetadataSelectiveModeConfiguration$, RerankingModelType, ResourceNotFoundException, ResourceNotFoundException$, ResponseState, ResponseStream$, RetrievalContent$, RetrievalFilter$, RetrievalOverrides$, RetrievalResultConfluenceLocation$, RetrievalResultContent$, RetrievalResultContentColumn$, RetrievalResultContentColumnType, RetrievalResultContentType, RetrievalResultCustomDocumentLocation$, RetrievalResultGoogleDriveLocation$, RetrievalResultKendraDocumentLocation$, RetrievalResultLocation$, RetrievalResultLocationType, RetrievalResultOneDriveLocation$, RetrievalResultS3Location$, RetrievalResultSalesforceLocation$, RetrievalResultSharePointLocation$, RetrievalResultSqlLocation$, RetrievalResultWebLocation$, Retrieve$, RetrieveAndGenerate$, RetrieveAndGenerateCommand, RetrieveAndGenerateConfiguration$, RetrieveAndGenerateInput$, RetrieveAndGenerateOutput$, RetrieveAndGenerateOutputEvent$, RetrieveAndGenerateRequest$, RetrieveAndGenerateResponse$, RetrieveAndGenerateSessionConfiguration$, RetrieveAndGenerateStream$, RetrieveAndGenerateStreamCommand, RetrieveAndGenerateStreamRequest$, RetrieveAndGenerateStreamResponse$, RetrieveAndGenerateStreamResponseOutput$, RetrieveAndGenerateType, RetrieveCommand, RetrieveRequest$, RetrieveResponse$, RetrievedReference$, RetrieverConfiguration$, ReturnControlPayload$, ReturnControlResults$, RoutingClassifierModelInvocationOutput$, RoutingClassifierTrace$, S3Identifier$, S3Location$, S3ObjectDoc$, S3ObjectFile$, SatisfiedCondition$, SearchType, ServiceQuotaExceededException, ServiceQuotaExceededException$, SessionState$, SessionStatus, SessionSummary$, Source, Span$, StartFlowExecution$, StartFlowExecutionCommand, StartFlowExecutionRequest$, StartFlowExecutionResponse$, StopFlowExecution$, StopFlowExecutionCommand, StopFlowExecutionRequest$, StopFlowExecutionResponse$, StreamingConfigurations$, TagResource$, TagResourceCommand, TagResourceRequest$, TagResourceResponse$, TextInferenceConfig$, TextPrompt$, TextResponsePart$, TextToSqlConfiguration$, TextToSqlConfigurationType, TextToSqlKnowledgeBaseConfiguration$, ThrottlingException, ThrottlingException$, Trace$, TraceElements$, TracePart$, TransformationConfiguration$, Type, UntagResource$, UntagResourceCommand, UntagResourceRequest$, UntagResourceResponse$, UpdateSession$, UpdateSessionCommand, UpdateSessionRequest$, UpdateSessionResponse$, Usage$, UserContext$, ValidationException, ValidationException$, VectorSearchBedrockRerankingConfiguration$, VectorSearchBedrockRerankingModelConfiguration$, VectorSearchRerankingConfiguration$, VectorSearchRerankingConfigurationType, VideoSegment$, Client as __Client, errorTypeRegistries, paginateGetAgentMemory, paginateListFlowExecutionEvents, paginateListFlowExecutions, paginateListInvocationSteps, paginateListInvocations, paginateListSessions, paginateRerank, paginateRetrieve };
