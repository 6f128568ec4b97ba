import require$$1$3 from 'child_process';
import require$$0$2 from 'fs';
import require$$1 from 'https';
import require$$3 from 'stream';
import require$$1$1 from 'os';
import require$$0$4 from 'events';
import require$$0$3 from 'process';
import require$$2 from 'util';
import path from 'path';
import require$$0$5 from 'crypto';
import require$$1$2 from 'querystring';
import require$$0$6 from 'buffer';

function _mergeNamespaces(n, m) {
	m.forEach(function (e) {
		e && typeof e !== 'string' && !Array.isArray(e) && Object.keys(e).forEach(function (k) {
			if (k !== 'default' && !(k in n)) {
				var d = Object.getOwnPropertyDescriptor(e, k);
				Object.defineProperty(n, k, d.get ? d : {
					enumerable: true,
					get: function () { return e[k]; }
				});
			}
		});
	});
	return Object.freeze(n);
}

var src$3 = {};

var googleauth = {};

var src$2 = {};

var gaxios = {};

var extend;
var hasRequiredExtend;

function requireExtend () {
	if (hasRequiredExtend) return extend;
	hasRequiredExtend = 1;

	var hasOwn = Object.prototype.hasOwnProperty;
	var toStr = Object.prototype.toString;
	var defineProperty = Object.defineProperty;
	var gOPD = Object.getOwnPropertyDescriptor;

	var isArray = function isArray(arr) {
		if (typeof Array.isArray === 'function') {
			return Array.isArray(arr);
		}

		return toStr.call(arr) === '[object Array]';
	};

	var isPlainObject = function isPlainObject(obj) {
		if (!obj || toStr.call(obj) !== '[object Object]') {
			return false;
		}

		var hasOwnConstructor = hasOwn.call(obj, 'constructor');
		var hasIsPrototypeOf = obj.constructor && obj.constructor.prototype && hasOwn.call(obj.constructor.prototype, 'isPrototypeOf');
		// Not own constructor property must be Object
		if (obj.constructor && !hasOwnConstructor && !hasIsPrototypeOf) {
			return false;
		}

		// Own properties are enumerated firstly, so to speed up,
		// if last one is own, then all properties are own.
		var key;
		for (key in obj) { /**/ }

		return typeof key === 'undefined' || hasOwn.call(obj, key);
	};

	// If name is '__proto__', and Object.defineProperty is available, define __proto__ as an own property on target
	var setProperty = function setProperty(target, options) {
		if (defineProperty && options.name === '__proto__') {
			defineProperty(target, options.name, {
				enumerable: true,
				configurable: true,
				value: options.newValue,
				writable: true
			});
		} else {
			target[options.name] = options.newValue;
		}
	};

	// Return undefined instead of __proto__ if '__proto__' is not an own property
	var getProperty = function getProperty(obj, name) {
		if (name === '__proto__') {
			if (!hasOwn.call(obj, name)) {
				return void 0;
			} else if (gOPD) {
				// In early versions of node, obj['__proto__'] is buggy when obj has
				// __proto__ as an own property. Object.getOwnPropertyDescriptor() works.
				return gOPD(obj, name).value;
			}
		}

		return obj[name];
	};

	extend = function extend() {
		var options, name, src, copy, copyIsArray, clone;
		var target = arguments[0];
		var i = 1;
		var length = arguments.length;
		var deep = false;

		// Handle a deep copy situation
		if (typeof target === 'boolean') {
			deep = target;
			target = arguments[1] || {};
			// skip the boolean and the target
			i = 2;
		}
		if (target == null || (typeof target !== 'object' && typeof target !== 'function')) {
			target = {};
		}

		for (; i < length; ++i) {
			options = arguments[i];
			// Only deal with non-null/undefined values
			if (options != null) {
				// Extend the base object
				for (name in options) {
					src = getProperty(target, name);
					copy = getProperty(options, name);

					// Prevent never-ending loop
					if (target !== copy) {
						// Recurse if we're merging plain objects or arrays
						if (deep && copy && (isPlainObject(copy) || (copyIsArray = isArray(copy)))) {
							if (copyIsArray) {
								copyIsArray = false;
								clone = src && isArray(src) ? src : [];
							} else {
								clone = src && isPlainObject(src) ? src : {};
							}

							// Never move original objects, clone them
							setProperty(target, { name: name, newValue: extend(deep, clone, copy) });

						// Don't bring in undefined values
						} else if (typeof copy !== 'undefined') {
							setProperty(target, { name: name, newValue: copy });
						}
					}
				}
			}
		}

		// Return the modified object
		return target;
	};
	return extend;
}

var common = {};

var name$1 = "gaxios";
var version$1 = "7.3.1";
var description$1 = "A simple common HTTP client specifically for Google APIs and services.";
var main$1 = "build/cjs/src/index.js";
var types$1 = "build/cjs/src/index.d.ts";
var files$1 = [
	"build/"
];
var exports$1 = {
	".": {
		"import": {
			types: "./build/esm/src/index.d.ts",
			"default": "./build/esm/src/index.js"
		},
		require: {
			types: "./build/cjs/src/index.d.ts",
			"default": "./build/cjs/src/index.js"
		}
	}
};
var scripts$1 = {
	lint: "gts check --no-inline-config",
	test: "c8 mocha build/esm/test",
	"presystem-test": "npm run compile",
	"system-test": "mocha build/esm/system-test --timeout 80000",
	compile: "tsc -b ./tsconfig.json ./tsconfig.cjs.json && node utils/enable-esm.mjs",
	fix: "gts fix",
	prepare: "npm run compile",
	pretest: "npm run compile",
	webpack: "webpack",
	"prebrowser-test": "npm run compile",
	"browser-test": "node build/browser-test/browser-test-runner.js",
	docs: "jsdoc -c .jsdoc.js",
	"samples-test": "cd samples/ && npm link ../ && npm test && cd ../",
	prelint: "cd samples; npm link ../; npm install",
	clean: "gts clean"
};
var repository$1 = {
	type: "git",
	directory: "core/packages/gaxios",
	url: "https://github.com/googleapis/google-cloud-node.git"
};
var keywords$1 = [
	"google"
];
var engines$1 = {
	node: ">=18"
};
var author$1 = "Google, LLC";
var license$1 = "Apache-2.0";
var devDependencies$1 = {
	"@babel/plugin-proposal-private-methods": "^7.18.6",
	"@types/cors": "^2.8.6",
	"@types/express": "^5.0.0",
	"@types/extend": "^3.0.1",
	"@types/mocha": "^10.0.10",
	"@types/multiparty": "4.2.1",
	"@types/mv": "^2.1.0",
	"@types/ncp": "^2.0.8",
	"@types/node": "^24.0.0",
	"@types/sinon": "^21.0.0",
	"@types/tmp": "^0.2.6",
	assert: "^2.0.0",
	browserify: "^17.0.0",
	c8: "^10.1.3",
	cors: "^2.8.5",
	express: "^5.0.0",
	gts: "^6.0.2",
	"is-docker": "^3.0.0",
	jsdoc: "^4.0.4",
	"jsdoc-fresh": "^5.0.0",
	"jsdoc-region-tag": "^4.0.0",
	karma: "^6.0.0",
	"karma-chrome-launcher": "^3.0.0",
	"karma-coverage": "^2.0.0",
	"karma-firefox-launcher": "^2.0.0",
	"karma-mocha": "^2.0.0",
	"karma-remap-coverage": "^0.1.5",
	"karma-sourcemap-loader": "^0.4.0",
	"karma-webpack": "^5.0.0",
	mocha: "^11.1.0",
	multiparty: "^4.2.1",
	mv: "^2.1.1",
	ncp: "^2.0.0",
	nock: "14.0.5",
	"null-loader": "^4.0.1",
	"pack-n-play": "^4.0.0",
	puppeteer: "^24.0.0",
	sinon: "21.0.3",
	"stream-browserify": "^3.0.0",
	tmp: "0.2.7",
	"ts-loader": "^9.5.2",
	typescript: "5.8.3",
	"undici-types": "^7.24.1",
	webpack: "^5.97.1",
	"webpack-cli": "^6.0.1"
};
var dependencies$1 = {
	extend: "^3.0.2",
	"https-proxy-agent": "^7.0.1",
	"node-fetch": "^3.3.2"
};
var homepage$1 = "https://github.com/googleapis/google-cloud-node/tree/main/core/packages/gaxios";
var require$$0$1 = {
	name: name$1,
	version: version$1,
	description: description$1,
	main: main$1,
	types: types$1,
	files: files$1,
	exports: exports$1,
	scripts: scripts$1,
	repository: repository$1,
	keywords: keywords$1,
	engines: engines$1,
	author: author$1,
	license: license$1,
	devDependencies: devDependencies$1,
	dependencies: dependencies$1,
	homepage: homepage$1
};

var util$1;
var hasRequiredUtil$1;

function requireUtil$1 () {
	if (hasRequiredUtil$1) return util$1;
	hasRequiredUtil$1 = 1;
	// Copyright 2023 Google LLC
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//    http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	const pkg = require$$0$1;
	util$1 = { pkg };
	
	return util$1;
}

var hasRequiredCommon;

function requireCommon () {
	if (hasRequiredCommon) return common;
	hasRequiredCommon = 1;
	(function (exports) {
		// Copyright 2018 Google LLC
		// Licensed under the Apache License, Version 2.0 (the "License");
		// you may not use this file except in compliance with the License.
		// You may obtain a copy of the License at
		//
		//    http://www.apache.org/licenses/LICENSE-2.0
		//
		// Unless required by applicable law or agreed to in writing, software
		// distributed under the License is distributed on an "AS IS" BASIS,
		// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
		// See the License for the specific language governing permissions and
		// limitations under the License.
		var __importDefault = (common && common.__importDefault) || function (mod) {
		    return (mod && mod.__esModule) ? mod : { "default": mod };
		};
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.GaxiosError = exports.GAXIOS_ERROR_SYMBOL = void 0;
		exports.defaultErrorRedactor = defaultErrorRedactor;
		const extend_1 = __importDefault(requireExtend());
		const util_cjs_1 = __importDefault(requireUtil$1());
		const pkg = util_cjs_1.default.pkg;
		/**
		 * Support `instanceof` operator for `GaxiosError`s in different versions of this library.
		 *
		 * @see {@link GaxiosError[Symbol.hasInstance]}
		 */
		exports.GAXIOS_ERROR_SYMBOL = Symbol.for(`${pkg.name}-gaxios-error`);
		class GaxiosError extends Error {
		    config;
		    response;
		    /**
		     * An error code.
		     * Can be a system error code, DOMException error name, or any error's 'code' property where it is a `string`.
		     *
		     * It is only a `number` when the cause is sourced from an API-level error (AIP-193).
		     *
		     * @see {@link https://nodejs.org/api/errors.html#errorcode error.code}
		     * @see {@link https://developer.mozilla.org/en-US/docs/Web/API/DOMException#error_names DOMException#error_names}
		     * @see {@link https://google.aip.dev/193#http11json-representation AIP-193}
		     *
		     * @example
		     * 'ECONNRESET'
		     *
		     * @example
		     * 'TimeoutError'
		     *
		     * @example
		     * 500
		     */
		    code;
		    /**
		     * An HTTP Status code.
		     * @see {@link https://developer.mozilla.org/en-US/docs/Web/API/Response/status Response#status}
		     *
		     * @example
		     * 500
		     */
		    status;
		    /**
		     * @deprecated use {@link GaxiosError.cause} instead.
		     *
		     * @see {@link https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Error/cause Error#cause}
		     *
		     * @privateRemarks
		     *
		     * We will want to remove this property later as the modern `cause` property is better suited
		     * for displaying and relaying nested errors. Keeping this here makes the resulting
		     * error log larger than it needs to be.
		     *
		     */
		    error;
		    /**
		     * Support `instanceof` operator for `GaxiosError` across builds/duplicated files.
		     *
		     * @see {@link GAXIOS_ERROR_SYMBOL}
		     * @see {@link GaxiosError[Symbol.hasInstance]}
		     * @see {@link https://github.com/microsoft/TypeScript/issues/13965#issuecomment-278570200}
		     * @see {@link https://stackoverflow.com/questions/46618852/require-and-instanceof}
		     * @see {@link https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Function/@@hasInstance#reverting_to_default_instanceof_behavior}
		     */
		    [exports.GAXIOS_ERROR_SYMBOL] = pkg.version;
		    /**
		     * Support `instanceof` operator for `GaxiosError` across builds/duplicated files.
		     *
		     * @see {@link GAXIOS_ERROR_SYMBOL}
		     * @see {@link GaxiosError[GAXIOS_ERROR_SYMBOL]}
		     */
		    static [Symbol.hasInstance](instance) {
		        if (instance &&
		            typeof instance === 'object' &&
		            exports.GAXIOS_ERROR_SYMBOL in instance &&
		            instance[exports.GAXIOS_ERROR_SYMBOL] === pkg.version) {
		            return true;
		        }
		        // fallback to native
		        return Function.prototype[Symbol.hasInstance].call(GaxiosError, instance);
		    }
		    constructor(message, config, response, cause) {
		        super(message, { cause });
		        this.config = config;
		        this.response = response;
		        this.error = cause instanceof Error ? cause : undefined;
		        // deep-copy config as we do not want to mutate
		        // the existing config for future retries/use
		        this.config = (0, extend_1.default)(true, {}, config);
		        if (this.response) {
		            this.response.config = (0, extend_1.default)(true, {}, this.response.config);
		        }
		        if (this.response) {
		            try {
		                this.response.data = translateData(this.config.responseType, 
		                // workaround for `node-fetch`'s `.data` deprecation...
		                this.response?.bodyUsed ? this.response?.data : undefined);
		            }
		            catch {
		                // best effort - don't throw an error within an error
		                // we could set `this.response.config.responseType = 'unknown'`, but
		                // that would mutate future calls with this config object.
		            }
		            this.status = this.response.status;
		        }
		        if (cause instanceof DOMException) {
		            // The DOMException's equivalent to code is its name
		            // E.g.: name = `TimeoutError`, code = number
		            // https://developer.mozilla.org/en-US/docs/Web/API/DOMException/name
		            this.code = cause.name;
		        }
		        else if (cause &&
		            typeof cause === 'object' &&
		            'code' in cause &&
		            (typeof cause.code === 'string' || typeof cause.code === 'number')) {
		            this.code = cause.code;
		        }
		    }
		    /**
		     * An AIP-193 conforming error extractor.
		     *
		     * @see {@link https://google.aip.dev/193#http11json-representation AIP-193}
		     *
		     * @internal
		     * @expiremental
		     *
		     * @param res the response object
		     * @returns the extracted error information
		     */
		    static extractAPIErrorFromResponse(res, defaultErrorMessage = 'The request failed') {
		        let message = defaultErrorMessage;
		        // Use res.data as the error message
		        if (typeof res.data === 'string') {
		            message = res.data;
		        }
		        if (res.data &&
		            typeof res.data === 'object' &&
		            'error' in res.data &&
		            res.data.error &&
		            !res.ok) {
		            if (typeof res.data.error === 'string') {
		                return {
		                    message: res.data.error,
		                    code: res.status,
		                    status: res.statusText,
		                };
		            }
		            if (typeof res.data.error === 'object') {
		                // extract status from data.message
		                message =
		                    'message' in res.data.error &&
		                        typeof res.data.error.message === 'string'
		                        ? res.data.error.message
		                        : message;
		                // extract status from data.error
		                const status = 'status' in res.data.error &&
		                    typeof res.data.error.status === 'string'
		                    ? res.data.error.status
		                    : res.statusText;
		                // extract code from data.error
		                const code = 'code' in res.data.error && typeof res.data.error.code === 'number'
		                    ? res.data.error.code
		                    : res.status;
		                if ('errors' in res.data.error &&
		                    Array.isArray(res.data.error.errors)) {
		                    const errorMessages = [];
		                    for (const e of res.data.error.errors) {
		                        if (typeof e === 'object' &&
		                            'message' in e &&
		                            typeof e.message === 'string') {
		                            errorMessages.push(e.message);
		                        }
		                    }
		                    return Object.assign({
		                        message: errorMessages.join('\n') || message,
		                        code,
		                        status,
		                    }, res.data.error);
		                }
		                return Object.assign({
		                    message,
		                    code,
		                    status,
		                }, res.data.error);
		            }
		        }
		        return {
		            message,
		            code: res.status,
		            status: res.statusText,
		        };
		    }
		}
		exports.GaxiosError = GaxiosError;
		function translateData(responseType, data) {
		    switch (responseType) {
		        case 'stream':
		            return data;
		        case 'json':
		            return JSON.parse(JSON.stringify(data));
		        case 'arraybuffer':
		            return JSON.parse(Buffer.from(data).toString('utf8'));
		        case 'blob':
		            return JSON.parse(data.text());
		        default:
		            return data;
		    }
		}
		/**
		 * An experimental error redactor.
		 *
		 * @param config Config to potentially redact properties of
		 * @param response Config to potentially redact properties of
		 *
		 * @experimental
		 */
		function defaultErrorRedactor(data) {
		    const REDACT = '<<REDACTED> - See `errorRedactor` option in `gaxios` for configuration>.';
		    function redactHeaders(headers) {
		        if (!headers)
		            return;
		        headers.forEach((_, key) => {
		            // any casing of `Authentication`
		            // any casing of `Authorization`
		            // anything containing secret, such as 'client secret'
		            if (/^authentication$/i.test(key) ||
		                /^authorization$/i.test(key) ||
		                /secret/i.test(key))
		                headers.set(key, REDACT);
		        });
		    }
		    function redactString(obj, key) {
		        if (typeof obj === 'object' &&
		            obj !== null &&
		            typeof obj[key] === 'string') {
		            const text = obj[key];
		            if (/grant_type=/i.test(text) ||
		                /assertion=/i.test(text) ||
		                /secret/i.test(text)) {
		                obj[key] = REDACT;
		            }
		        }
		    }
		    function redactObject(obj) {
		        if (!obj || typeof obj !== 'object') {
		            return;
		        }
		        else if (obj instanceof FormData ||
		            obj instanceof URLSearchParams ||
		            // support `node-fetch` FormData/URLSearchParams
		            ('forEach' in obj && 'set' in obj)) {
		            obj.forEach((_, key) => {
		                if (['grant_type', 'assertion'].includes(key) || /secret/.test(key)) {
		                    obj.set(key, REDACT);
		                }
		            });
		        }
		        else {
		            if ('grant_type' in obj) {
		                obj['grant_type'] = REDACT;
		            }
		            if ('assertion' in obj) {
		                obj['assertion'] = REDACT;
		            }
		            if ('client_secret' in obj) {
		                obj['client_secret'] = REDACT;
		            }
		        }
		    }
		    if (data.config) {
		        redactHeaders(data.config.headers);
		        redactString(data.config, 'data');
		        redactObject(data.config.data);
		        redactString(data.config, 'body');
		        redactObject(data.config.body);
		        if (data.config.url.searchParams.has('token')) {
		            data.config.url.searchParams.set('token', REDACT);
		        }
		        if (data.config.url.searchParams.has('client_secret')) {
		            data.config.url.searchParams.set('client_secret', REDACT);
		        }
		    }
		    if (data.response) {
		        defaultErrorRedactor({ config: data.response.config });
		        redactHeaders(data.response.headers);
		        // workaround for `node-fetch`'s `.data` deprecation...
		        if (data.response.bodyUsed) {
		            redactString(data.response, 'data');
		            redactObject(data.response.data);
		        }
		    }
		    return data;
		}
		
	} (common));
	return common;
}

var retry = {};

var hasRequiredRetry;

function requireRetry () {
	if (hasRequiredRetry) return retry;
	hasRequiredRetry = 1;
	// Copyright 2018 Google LLC
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//    http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(retry, "__esModule", { value: true });
	retry.getRetryConfig = getRetryConfig;
	async function getRetryConfig(err) {
	    let config = getConfig(err);
	    if (!err || !err.config || (!config && !err.config.retry)) {
	        return { shouldRetry: false };
	    }
	    config = config || {};
	    config.currentRetryAttempt = config.currentRetryAttempt || 0;
	    config.retry =
	        config.retry === undefined || config.retry === null ? 3 : config.retry;
	    config.httpMethodsToRetry = config.httpMethodsToRetry || [
	        'GET',
	        'HEAD',
	        'PUT',
	        'OPTIONS',
	        'DELETE',
	    ];
	    config.noResponseRetries =
	        config.noResponseRetries === undefined || config.noResponseRetries === null
	            ? 2
	            : config.noResponseRetries;
	    config.retryDelayMultiplier = config.retryDelayMultiplier
	        ? config.retryDelayMultiplier
	        : 2;
	    config.timeOfFirstRequest = config.timeOfFirstRequest
	        ? config.timeOfFirstRequest
	        : Date.now();
	    config.totalTimeout = config.totalTimeout
	        ? config.totalTimeout
	        : Number.MAX_SAFE_INTEGER;
	    config.maxRetryDelay = config.maxRetryDelay
	        ? config.maxRetryDelay
	        : Number.MAX_SAFE_INTEGER;
	    // If this wasn't in the list of status codes where we want
	    // to automatically retry, return.
	    const retryRanges = [
	        // https://en.wikipedia.org/wiki/List_of_HTTP_status_codes
	        // 1xx - Retry (Informational, request still processing)
	        // 2xx - Do not retry (Success)
	        // 3xx - Do not retry (Redirect)
	        // 4xx - Do not retry (Client errors)
	        // 408 - Retry ("Request Timeout")
	        // 429 - Retry ("Too Many Requests")
	        // 5xx - Retry (Server errors)
	        [100, 199],
	        [408, 408],
	        [429, 429],
	        [500, 599],
	    ];
	    config.statusCodesToRetry = config.statusCodesToRetry || retryRanges;
	    // Put the config back into the err
	    err.config.retryConfig = config;
	    // Determine if we should retry the request
	    const shouldRetryFn = config.shouldRetry || shouldRetryRequest;
	    if (!(await shouldRetryFn(err))) {
	        return { shouldRetry: false, config: err.config };
	    }
	    const delay = getNextRetryDelay(config);
	    // We're going to retry!  Increment the counter.
	    err.config.retryConfig.currentRetryAttempt += 1;
	    // Create a promise that invokes the retry after the backOffDelay
	    const backoff = config.retryBackoff
	        ? config.retryBackoff(err, delay)
	        : new Promise(resolve => {
	            setTimeout(resolve, delay);
	        });
	    // Notify the user if they added an `onRetryAttempt` handler
	    if (config.onRetryAttempt) {
	        await config.onRetryAttempt(err);
	    }
	    // Return the promise in which recalls Gaxios to retry the request
	    await backoff;
	    return { shouldRetry: true, config: err.config };
	}
	/**
	 * Determine based on config if we should retry the request.
	 * @param err The GaxiosError passed to the interceptor.
	 */
	function shouldRetryRequest(err) {
	    const config = getConfig(err);
	    if ((err.config.signal?.aborted && err.code !== 'TimeoutError') ||
	        err.code === 'AbortError') {
	        return false;
	    }
	    // If there's no config, or retries are disabled, return.
	    if (!config || config.retry === 0) {
	        return false;
	    }
	    // Check if this error has no response (ETIMEDOUT, ENOTFOUND, etc)
	    if (!err.response &&
	        (config.currentRetryAttempt || 0) >= config.noResponseRetries) {
	        return false;
	    }
	    // Only retry with configured HttpMethods.
	    if (!config.httpMethodsToRetry ||
	        !config.httpMethodsToRetry.includes(err.config.method?.toUpperCase() || 'GET')) {
	        return false;
	    }
	    // If this wasn't in the list of status codes where we want
	    // to automatically retry, return.
	    if (err.response && err.response.status) {
	        let isInRange = false;
	        for (const [min, max] of config.statusCodesToRetry) {
	            const status = err.response.status;
	            if (status >= min && status <= max) {
	                isInRange = true;
	                break;
	            }
	        }
	        if (!isInRange) {
	            return false;
	        }
	    }
	    // If we are out of retry attempts, return
	    config.currentRetryAttempt = config.currentRetryAttempt || 0;
	    if (config.currentRetryAttempt >= config.retry) {
	        return false;
	    }
	    return true;
	}
	/**
	 * Acquire the raxConfig object from an GaxiosError if available.
	 * @param err The Gaxios error with a config object.
	 */
	function getConfig(err) {
	    if (err && err.config && err.config.retryConfig) {
	        return err.config.retryConfig;
	    }
	    return;
	}
	/**
	 * Gets the delay to wait before the next retry.
	 *
	 * @param {RetryConfig} config The current set of retry options
	 * @returns {number} the amount of ms to wait before the next retry attempt.
	 */
	function getNextRetryDelay(config) {
	    // Calculate time to wait with exponential backoff.
	    // If this is the first retry, look for a configured retryDelay.
	    const retryDelay = config.currentRetryAttempt
	        ? 0
	        : (config.retryDelay ?? 100);
	    // Formula: retryDelay + ((retryDelayMultiplier^currentRetryAttempt - 1 / 2) * 1000)
	    const calculatedDelay = retryDelay +
	        ((Math.pow(config.retryDelayMultiplier, config.currentRetryAttempt) - 1) /
	            2) *
	            1000;
	    const maxAllowableDelay = config.totalTimeout - (Date.now() - config.timeOfFirstRequest);
	    return Math.min(calculatedDelay, maxAllowableDelay, config.maxRetryDelay);
	}
	
	return retry;
}

var interceptor = {};

var hasRequiredInterceptor;

function requireInterceptor () {
	if (hasRequiredInterceptor) return interceptor;
	hasRequiredInterceptor = 1;
	// Copyright 2024 Google LLC
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//    http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(interceptor, "__esModule", { value: true });
	interceptor.GaxiosInterceptorManager = void 0;
	/**
	 * Class to manage collections of GaxiosInterceptors for both requests and responses.
	 */
	class GaxiosInterceptorManager extends Set {
	}
	interceptor.GaxiosInterceptorManager = GaxiosInterceptorManager;
	
	return interceptor;
}

var hasRequiredGaxios;

function requireGaxios () {
	if (hasRequiredGaxios) return gaxios;
	hasRequiredGaxios = 1;
	// Copyright 2018 Google LLC
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//    http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	var __importDefault = (gaxios && gaxios.__importDefault) || function (mod) {
	    return (mod && mod.__esModule) ? mod : { "default": mod };
	};
	var _a;
	Object.defineProperty(gaxios, "__esModule", { value: true });
	gaxios.Gaxios = void 0;
	const extend_1 = __importDefault(requireExtend());
	const https_1 = require$$1;
	const common_js_1 = requireCommon();
	const retry_js_1 = requireRetry();
	const stream_1 = require$$3;
	const interceptor_js_1 = requireInterceptor();
	const randomUUID = async () => globalThis.crypto?.randomUUID() || (await import('crypto')).randomUUID();
	const HTTP_STATUS_NO_CONTENT = 204;
	class Gaxios {
	    agentCache = new Map();
	    /**
	     * Default HTTP options that will be used for every HTTP request.
	     */
	    defaults;
	    /**
	     * Interceptors
	     */
	    interceptors;
	    /**
	     * The Gaxios class is responsible for making HTTP requests.
	     * @param defaults The default set of options to be used for this instance.
	     */
	    constructor(defaults) {
	        this.defaults = defaults || {};
	        this.interceptors = {
	            request: new interceptor_js_1.GaxiosInterceptorManager(),
	            response: new interceptor_js_1.GaxiosInterceptorManager(),
	        };
	    }
	    /**
	     * A {@link fetch `fetch`} compliant API for {@link Gaxios}.
	     *
	     * @remarks
	     *
	     * This is useful as a drop-in replacement for `fetch` API usage.
	     *
	     * @example
	     *
	     * ```ts
	     * const gaxios = new Gaxios();
	     * const myFetch: typeof fetch = (...args) => gaxios.fetch(...args);
	     * await myFetch('https://example.com');
	     * ```
	     *
	     * @param args `fetch` API or `Gaxios#request` parameters
	     * @returns the {@link Response} with Gaxios-added properties
	     */
	    fetch(...args) {
	        // Up to 2 parameters in either overload
	        const input = args[0];
	        const init = args[1];
	        let url = undefined;
	        const headers = new Headers();
	        // prepare URL
	        if (typeof input === 'string') {
	            url = new URL(input);
	        }
	        else if (input instanceof URL) {
	            url = input;
	        }
	        else if (input && input.url) {
	            url = new URL(input.url);
	        }
	        // prepare headers
	        if (input && typeof input === 'object' && 'headers' in input) {
	            _a.mergeHeaders(headers, input.headers);
	        }
	        if (init) {
	            _a.mergeHeaders(headers, new Headers(init.headers));
	        }
	        // prepare request
	        if (typeof input === 'object' && !(input instanceof URL)) {
	            // input must have been a non-URL object
	            return this.request({ ...init, ...input, headers, url });
	        }
	        else {
	            // input must have been a string or URL
	            return this.request({ ...init, headers, url });
	        }
	    }
	    /**
	     * Perform an HTTP request with the given options.
	     * @param opts Set of HTTP options that will be used for this HTTP request.
	     */
	    async request(opts = {}) {
	        let prepared = await this.#prepareRequest(opts);
	        prepared = await this.#applyRequestInterceptors(prepared);
	        return this.#applyResponseInterceptors(this._request(prepared));
	    }
	    async _defaultAdapter(config) {
	        const fetchImpl = config.fetchImplementation ||
	            this.defaults.fetchImplementation ||
	            (await _a.#getFetch());
	        // node-fetch v3 warns when `data` is present
	        // https://github.com/node-fetch/node-fetch/issues/1000
	        const preparedOpts = { ...config };
	        delete preparedOpts.data;
	        const res = (await fetchImpl(config.url, preparedOpts));
	        const data = await this.getResponseData(config, res);
	        if (!Object.getOwnPropertyDescriptor(res, 'data')?.configurable) {
	            // Work-around for `node-fetch` v3 as accessing `data` would otherwise throw
	            Object.defineProperties(res, {
	                data: {
	                    configurable: true,
	                    writable: true,
	                    enumerable: true,
	                    value: data,
	                },
	            });
	        }
	        // Keep object as an instance of `Response`
	        return Object.assign(res, { config, data });
	    }
	    /**
	     * Internal, retryable version of the `request` method.
	     * @param opts Set of HTTP options that will be used for this HTTP request.
	     */
	    async _request(opts) {
	        try {
	            let translatedResponse;
	            if (opts.adapter) {
	                translatedResponse = await opts.adapter(opts, this._defaultAdapter.bind(this));
	            }
	            else {
	                translatedResponse = await this._defaultAdapter(opts);
	            }
	            if (!opts.validateStatus(translatedResponse.status)) {
	                if (opts.responseType === 'stream') {
	                    const response = [];
	                    for await (const chunk of translatedResponse.data) {
	                        response.push(chunk);
	                    }
	                    translatedResponse.data = Buffer.concat(response.map(c => (typeof c === 'string' ? Buffer.from(c) : c))).toString('utf8');
	                }
	                const errorInfo = common_js_1.GaxiosError.extractAPIErrorFromResponse(translatedResponse, `Request failed with status code ${translatedResponse.status}`);
	                throw new common_js_1.GaxiosError(errorInfo?.message, opts, translatedResponse, errorInfo);
	            }
	            return translatedResponse;
	        }
	        catch (e) {
	            let err;
	            if (e instanceof common_js_1.GaxiosError) {
	                err = e;
	            }
	            else if (e instanceof Error) {
	                err = new common_js_1.GaxiosError(e.message, opts, undefined, e);
	            }
	            else {
	                err = new common_js_1.GaxiosError('Unexpected Gaxios Error', opts, undefined, e);
	            }
	            const { shouldRetry, config } = await (0, retry_js_1.getRetryConfig)(err);
	            if (shouldRetry && config) {
	                err.config.retryConfig.currentRetryAttempt =
	                    config.retryConfig.currentRetryAttempt;
	                // The error's config could be redacted - therefore we only want to
	                // copy the retry state over to the existing config
	                opts.retryConfig = err.config?.retryConfig;
	                // re-prepare timeout for the next request
	                this.#appendTimeoutToSignal(opts);
	                return this._request(opts);
	            }
	            if (opts.errorRedactor) {
	                opts.errorRedactor(err);
	            }
	            throw err;
	        }
	    }
	    async getResponseData(opts, res) {
	        if (res.status === HTTP_STATUS_NO_CONTENT) {
	            return '';
	        }
	        if (opts.maxContentLength &&
	            res.headers.has('content-length') &&
	            opts.maxContentLength <
	                Number.parseInt(res.headers?.get('content-length') || '')) {
	            throw new common_js_1.GaxiosError("Response's `Content-Length` is over the limit.", opts, Object.assign(res, { config: opts }));
	        }
	        switch (opts.responseType) {
	            case 'stream':
	                return res.body;
	            case 'json': {
	                const data = await res.text();
	                try {
	                    return JSON.parse(data);
	                }
	                catch {
	                    return data;
	                }
	            }
	            case 'arraybuffer':
	                return res.arrayBuffer();
	            case 'blob':
	                return res.blob();
	            case 'text':
	                return res.text();
	            default:
	                return this.getResponseDataFromContentType(res);
	        }
	    }
	    #urlMayUseProxy(url, noProxy = []) {
	        const candidate = new URL(url);
	        const noProxyList = [...noProxy];
	        const noProxyEnvList = (process.env.NO_PROXY ?? process.env.no_proxy)?.split(',') || [];
	        for (const rule of noProxyEnvList) {
	            noProxyList.push(rule.trim());
	        }
	        for (const rule of noProxyList) {
	            // Match regex
	            if (rule instanceof RegExp) {
	                if (rule.test(candidate.toString())) {
	                    return false;
	                }
	            }
	            // Match URL
	            else if (rule instanceof URL) {
	                if (rule.origin === candidate.origin) {
	                    return false;
	                }
	            }
	            // Match string regex
	            else if (rule.startsWith('*.') || rule.startsWith('.')) {
	                const cleanedRule = rule.replace(/^\*\./, '.');
	                if (candidate.hostname.endsWith(cleanedRule)) {
	                    return false;
	                }
	            }
	            // Basic string match
	            else if (rule === candidate.origin ||
	                rule === candidate.hostname ||
	                rule === candidate.href) {
	                return false;
	            }
	        }
	        return true;
	    }
	    /**
	     * Applies the request interceptors. The request interceptors are applied after the
	     * call to prepareRequest is completed.
	     *
	     * @param {GaxiosOptionsPrepared} options The current set of options.
	     *
	     * @returns {Promise<GaxiosOptionsPrepared>} Promise that resolves to the set of options or response after interceptors are applied.
	     */
	    async #applyRequestInterceptors(options) {
	        let promiseChain = Promise.resolve(options);
	        for (const interceptor of this.interceptors.request.values()) {
	            if (interceptor) {
	                promiseChain = promiseChain.then(interceptor.resolved, interceptor.rejected);
	            }
	        }
	        return promiseChain;
	    }
	    /**
	     * Applies the response interceptors. The response interceptors are applied after the
	     * call to request is made.
	     *
	     * @param {GaxiosOptionsPrepared} options The current set of options.
	     *
	     * @returns {Promise<GaxiosOptionsPrepared>} Promise that resolves to the set of options or response after interceptors are applied.
	     */
	    async #applyResponseInterceptors(response) {
	        let promiseChain = Promise.resolve(response);
	        for (const interceptor of this.interceptors.response.values()) {
	            if (interceptor) {
	                promiseChain = promiseChain.then(interceptor.resolved, interceptor.rejected);
	            }
	        }
	        return promiseChain;
	    }
	    /**
	     * Validates the options, merges them with defaults, and prepare request.
	     *
	     * @param options The original options passed from the client.
	     * @returns Prepared options, ready to make a request
	     */
	    async #prepareRequest(options) {
	        // Prepare Headers - copy in order to not mutate the original objects
	        const preparedHeaders = new Headers(this.defaults.headers);
	        _a.mergeHeaders(preparedHeaders, options.headers);
	        // Merge options
	        const opts = (0, extend_1.default)(true, {}, this.defaults, options);
	        if (!opts.url) {
	            throw new Error('URL is required.');
	        }
	        if (opts.baseURL) {
	            opts.url = new URL(opts.url, opts.baseURL);
	        }
	        // don't modify the properties of a default or provided URL
	        opts.url = new URL(opts.url);
	        if (opts.params) {
	            if (opts.paramsSerializer) {
	                let additionalQueryParams = opts.paramsSerializer(opts.params);
	                if (additionalQueryParams.startsWith('?')) {
	                    additionalQueryParams = additionalQueryParams.slice(1);
	                }
	                const prefix = opts.url.toString().includes('?') ? '&' : '?';
	                opts.url = opts.url + prefix + additionalQueryParams;
	            }
	            else {
	                const url = opts.url instanceof URL ? opts.url : new URL(opts.url);
	                for (const [key, value] of new URLSearchParams(opts.params)) {
	                    url.searchParams.append(key, value);
	                }
	                opts.url = url;
	            }
	        }
	        if (typeof options.maxContentLength === 'number') {
	            opts.size = options.maxContentLength;
	        }
	        if (typeof options.maxRedirects === 'number') {
	            opts.follow = options.maxRedirects;
	        }
	        const shouldDirectlyPassData = typeof opts.data === 'string' ||
	            opts.data instanceof ArrayBuffer ||
	            opts.data instanceof Blob ||
	            // Node 18 does not have a global `File` object
	            (globalThis.File && opts.data instanceof File) ||
	            opts.data instanceof FormData ||
	            opts.data instanceof stream_1.Readable ||
	            opts.data instanceof ReadableStream ||
	            opts.data instanceof String ||
	            opts.data instanceof URLSearchParams ||
	            ArrayBuffer.isView(opts.data) || // `Buffer` (Node.js), `DataView`, `TypedArray`
	            /**
	             * @deprecated `node-fetch` or another third-party's request types
	             */
	            ['Blob', 'File', 'FormData'].includes(opts.data?.constructor?.name || '');
	        if (opts.multipart?.length) {
	            const boundary = await randomUUID();
	            preparedHeaders.set('content-type', `multipart/related; boundary=${boundary}`);
	            opts.body = stream_1.Readable.from(this.getMultipartRequest(opts.multipart, boundary));
	        }
	        else if (shouldDirectlyPassData) {
	            opts.body = opts.data;
	        }
	        else if (typeof opts.data === 'object') {
	            if (preparedHeaders.get('Content-Type') ===
	                'application/x-www-form-urlencoded') {
	                // If www-form-urlencoded content type has been set, but data is
	                // provided as an object, serialize the content
	                opts.body = opts.paramsSerializer
	                    ? opts.paramsSerializer(opts.data)
	                    : new URLSearchParams(opts.data);
	            }
	            else {
	                if (!preparedHeaders.has('content-type')) {
	                    preparedHeaders.set('content-type', 'application/json');
	                }
	                opts.body = JSON.stringify(opts.data);
	            }
	        }
	        else if (opts.data) {
	            opts.body = opts.data;
	        }
	        opts.validateStatus = opts.validateStatus || this.validateStatus;
	        opts.responseType = opts.responseType || 'unknown';
	        if (!preparedHeaders.has('accept') && opts.responseType === 'json') {
	            preparedHeaders.set('accept', 'application/json');
	        }
	        const proxy = opts.proxy ||
	            process?.env?.HTTPS_PROXY ||
	            process?.env?.https_proxy ||
	            process?.env?.HTTP_PROXY ||
	            process?.env?.http_proxy;
	        if (opts.agent) ;
	        else if (proxy && this.#urlMayUseProxy(opts.url, opts.noProxy)) {
	            const HttpsProxyAgent = await _a.#getProxyAgent();
	            if (this.agentCache.has(proxy)) {
	                opts.agent = this.agentCache.get(proxy);
	            }
	            else {
	                opts.agent = new HttpsProxyAgent(proxy, {
	                    cert: opts.cert,
	                    key: opts.key,
	                });
	                this.agentCache.set(proxy, opts.agent);
	            }
	        }
	        else if (opts.cert && opts.key) {
	            // Configure client for mTLS
	            if (this.agentCache.has(opts.key)) {
	                opts.agent = this.agentCache.get(opts.key);
	            }
	            else {
	                opts.agent = new https_1.Agent({
	                    cert: opts.cert,
	                    key: opts.key,
	                });
	                this.agentCache.set(opts.key, opts.agent);
	            }
	        }
	        if (typeof opts.errorRedactor !== 'function' &&
	            opts.errorRedactor !== false) {
	            opts.errorRedactor = common_js_1.defaultErrorRedactor;
	        }
	        if (opts.body && !('duplex' in opts)) {
	            /**
	             * required for Node.js and the type isn't available today
	             * @link https://github.com/nodejs/node/issues/46221
	             * @link https://github.com/microsoft/TypeScript-DOM-lib-generator/issues/1483
	             */
	            opts.duplex = 'half';
	        }
	        this.#appendTimeoutToSignal(opts);
	        return Object.assign(opts, {
	            headers: preparedHeaders,
	            url: opts.url instanceof URL ? opts.url : new URL(opts.url),
	        });
	    }
	    #appendTimeoutToSignal(opts) {
	        if (opts.timeout) {
	            const timeoutSignal = AbortSignal.timeout(opts.timeout);
	            if (opts.signal && !opts.signal.aborted) {
	                opts.signal = AbortSignal.any([opts.signal, timeoutSignal]);
	            }
	            else {
	                opts.signal = timeoutSignal;
	            }
	        }
	    }
	    /**
	     * By default, throw for any non-2xx status code
	     * @param status status code from the HTTP response
	     */
	    validateStatus(status) {
	        return status >= 200 && status < 300;
	    }
	    /**
	     * Attempts to parse a response by looking at the Content-Type header.
	     * @param {Response} response the HTTP response.
	     * @returns a promise that resolves to the response data.
	     */
	    async getResponseDataFromContentType(response) {
	        let contentType = response.headers.get('Content-Type');
	        if (contentType === null) {
	            // Maintain existing functionality by calling text()
	            return response.text();
	        }
	        contentType = contentType.toLowerCase();
	        if (contentType.includes('application/json')) {
	            let data = await response.text();
	            try {
	                data = JSON.parse(data);
	            }
	            catch {
	                // continue
	            }
	            return data;
	        }
	        else if (contentType.match(/^text\//)) {
	            return response.text();
	        }
	        else {
	            // If the content type is something not easily handled, just return the raw data (blob)
	            return response.blob();
	        }
	    }
	    /**
	     * Creates an async generator that yields the pieces of a multipart/related request body.
	     * This implementation follows the spec: https://www.ietf.org/rfc/rfc2387.txt. However, recursive
	     * multipart/related requests are not currently supported.
	     *
	     * @param {GaxiosMultipartOptions[]} multipartOptions the pieces to turn into a multipart/related body.
	     * @param {string} boundary the boundary string to be placed between each part.
	     */
	    async *getMultipartRequest(multipartOptions, boundary) {
	        const finale = `--${boundary}--`;
	        for (const currentPart of multipartOptions) {
	            const partContentType = currentPart.headers.get('Content-Type') || 'application/octet-stream';
	            const preamble = `--${boundary}\r\nContent-Type: ${partContentType}\r\n\r\n`;
	            yield preamble;
	            if (typeof currentPart.content === 'string') {
	                yield currentPart.content;
	            }
	            else {
	                yield* currentPart.content;
	            }
	            yield '\r\n';
	        }
	        yield finale;
	    }
	    /**
	     * A cache for the lazily-loaded proxy agent.
	     *
	     * Should use {@link Gaxios[#getProxyAgent]} to retrieve.
	     */
	    // using `import` to dynamically import the types here
	    static #proxyAgent;
	    /**
	     * A cache for the lazily-loaded fetch library.
	     *
	     * Should use {@link Gaxios[#getFetch]} to retrieve.
	     */
	    //
	    static #fetch;
	    /**
	     * Imports, caches, and returns a proxy agent - if not already imported
	     *
	     * @returns A proxy agent
	     */
	    static async #getProxyAgent() {
	        this.#proxyAgent ||= (await import('./cli-index6.js').then(function (n) { return n.i; })).HttpsProxyAgent;
	        return this.#proxyAgent;
	    }
	    static async #getFetch() {
	        const hasWindow = typeof window !== 'undefined' && !!window;
	        this.#fetch ||= hasWindow
	            ? window.fetch
	            : (await import('./cli-src.js')).default;
	        return this.#fetch;
	    }
	    /**
	     * Merges headers.
	     * If the base headers do not exist a new `Headers` object will be returned.
	     *
	     * @remarks
	     *
	     * Using this utility can be helpful when the headers are not known to exist:
	     * - if they exist as `Headers`, that instance will be used
	     *   - it improves performance and allows users to use their existing references to their `Headers`
	     * - if they exist in another form (`HeadersInit`), they will be used to create a new `Headers` object
	     * - if the base headers do not exist a new `Headers` object will be created
	     *
	     * @param base headers to append/overwrite to
	     * @param append headers to append/overwrite with
	     * @returns the base headers instance with merged `Headers`
	     */
	    static mergeHeaders(base, ...append) {
	        base = base instanceof Headers ? base : new Headers(base);
	        for (const headers of append) {
	            const add = headers instanceof Headers ? headers : new Headers(headers);
	            add.forEach((value, key) => {
	                // set-cookie is the only header that would repeat.
	                // A bit of background: https://developer.mozilla.org/en-US/docs/Web/API/Headers/getSetCookie
	                key === 'set-cookie' ? base.append(key, value) : base.set(key, value);
	            });
	        }
	        return base;
	    }
	}
	gaxios.Gaxios = Gaxios;
	_a = Gaxios;
	
	return gaxios;
}

var hasRequiredSrc$3;

function requireSrc$3 () {
	if (hasRequiredSrc$3) return src$2;
	hasRequiredSrc$3 = 1;
	(function (exports) {
		// Copyright 2018 Google LLC
		// Licensed under the Apache License, Version 2.0 (the "License");
		// you may not use this file except in compliance with the License.
		// You may obtain a copy of the License at
		//
		//    http://www.apache.org/licenses/LICENSE-2.0
		//
		// Unless required by applicable law or agreed to in writing, software
		// distributed under the License is distributed on an "AS IS" BASIS,
		// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
		// See the License for the specific language governing permissions and
		// limitations under the License.
		var __createBinding = (src$2 && src$2.__createBinding) || (Object.create ? (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    var desc = Object.getOwnPropertyDescriptor(m, k);
		    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
		      desc = { enumerable: true, get: function() { return m[k]; } };
		    }
		    Object.defineProperty(o, k2, desc);
		}) : (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    o[k2] = m[k];
		}));
		var __exportStar = (src$2 && src$2.__exportStar) || function(m, exports) {
		    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
		};
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.instance = exports.Gaxios = exports.GaxiosError = void 0;
		exports.request = request;
		const gaxios_js_1 = requireGaxios();
		Object.defineProperty(exports, "Gaxios", { enumerable: true, get: function () { return gaxios_js_1.Gaxios; } });
		var common_js_1 = requireCommon();
		Object.defineProperty(exports, "GaxiosError", { enumerable: true, get: function () { return common_js_1.GaxiosError; } });
		__exportStar(requireInterceptor(), exports);
		/**
		 * The default instance used when the `request` method is directly
		 * invoked.
		 */
		exports.instance = new gaxios_js_1.Gaxios();
		/**
		 * Make an HTTP request using the given options.
		 * @param opts Options for the request
		 */
		async function request(opts) {
		    return exports.instance.request(opts);
		}
		
	} (src$2));
	return src$2;
}

var src$1 = {};

var jsonBigint = {exports: {}};

var stringify = {exports: {}};

var bignumber$1 = {exports: {}};

var bignumber = bignumber$1.exports;

var hasRequiredBignumber;

function requireBignumber () {
	if (hasRequiredBignumber) return bignumber$1.exports;
	hasRequiredBignumber = 1;
	(function (module) {
(function (globalObject) {

		/*
		 *      bignumber.js v9.3.1
		 *      A JavaScript library for arbitrary-precision arithmetic.
		 *      https://github.com/MikeMcl/bignumber.js
		 *      Copyright (c) 2025 Michael Mclaughlin <M8ch88l@gmail.com>
		 *      MIT Licensed.
		 *
		 *      BigNumber.prototype methods     |  BigNumber methods
		 *                                      |
		 *      absoluteValue            abs    |  clone
		 *      comparedTo                      |  config               set
		 *      decimalPlaces            dp     |      DECIMAL_PLACES
		 *      dividedBy                div    |      ROUNDING_MODE
		 *      dividedToIntegerBy       idiv   |      EXPONENTIAL_AT
		 *      exponentiatedBy          pow    |      RANGE
		 *      integerValue                    |      CRYPTO
		 *      isEqualTo                eq     |      MODULO_MODE
		 *      isFinite                        |      POW_PRECISION
		 *      isGreaterThan            gt     |      FORMAT
		 *      isGreaterThanOrEqualTo   gte    |      ALPHABET
		 *      isInteger                       |  isBigNumber
		 *      isLessThan               lt     |  maximum              max
		 *      isLessThanOrEqualTo      lte    |  minimum              min
		 *      isNaN                           |  random
		 *      isNegative                      |  sum
		 *      isPositive                      |
		 *      isZero                          |
		 *      minus                           |
		 *      modulo                   mod    |
		 *      multipliedBy             times  |
		 *      negated                         |
		 *      plus                            |
		 *      precision                sd     |
		 *      shiftedBy                       |
		 *      squareRoot               sqrt   |
		 *      toExponential                   |
		 *      toFixed                         |
		 *      toFormat                        |
		 *      toFraction                      |
		 *      toJSON                          |
		 *      toNumber                        |
		 *      toPrecision                     |
		 *      toString                        |
		 *      valueOf                         |
		 *
		 */


		  var BigNumber,
		    isNumeric = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i,
		    mathceil = Math.ceil,
		    mathfloor = Math.floor,

		    bignumberError = '[BigNumber Error] ',
		    tooManyDigits = bignumberError + 'Number primitive has more than 15 significant digits: ',

		    BASE = 1e14,
		    LOG_BASE = 14,
		    MAX_SAFE_INTEGER = 0x1fffffffffffff,         // 2^53 - 1
		    // MAX_INT32 = 0x7fffffff,                   // 2^31 - 1
		    POWS_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13],
		    SQRT_BASE = 1e7,

		    // EDITABLE
		    // The limit on the value of DECIMAL_PLACES, TO_EXP_NEG, TO_EXP_POS, MIN_EXP, MAX_EXP, and
		    // the arguments to toExponential, toFixed, toFormat, and toPrecision.
		    MAX = 1E9;                                   // 0 to MAX_INT32


		  /*
		   * Create and return a BigNumber constructor.
		   */
		  function clone(configObject) {
		    var div, convertBase, parseNumeric,
		      P = BigNumber.prototype = { constructor: BigNumber, toString: null, valueOf: null },
		      ONE = new BigNumber(1),


		      //----------------------------- EDITABLE CONFIG DEFAULTS -------------------------------


		      // The default values below must be integers within the inclusive ranges stated.
		      // The values can also be changed at run-time using BigNumber.set.

		      // The maximum number of decimal places for operations involving division.
		      DECIMAL_PLACES = 20,                     // 0 to MAX

		      // The rounding mode used when rounding to the above decimal places, and when using
		      // toExponential, toFixed, toFormat and toPrecision, and round (default value).
		      // UP         0 Away from zero.
		      // DOWN       1 Towards zero.
		      // CEIL       2 Towards +Infinity.
		      // FLOOR      3 Towards -Infinity.
		      // HALF_UP    4 Towards nearest neighbour. If equidistant, up.
		      // HALF_DOWN  5 Towards nearest neighbour. If equidistant, down.
		      // HALF_EVEN  6 Towards nearest neighbour. If equidistant, towards even neighbour.
		      // HALF_CEIL  7 Towards nearest neighbour. If equidistant, towards +Infinity.
		      // HALF_FLOOR 8 Towards nearest neighbour. If equidistant, towards -Infinity.
		      ROUNDING_MODE = 4,                       // 0 to 8

		      // EXPONENTIAL_AT : [TO_EXP_NEG , TO_EXP_POS]

		      // The exponent value at and beneath which toString returns exponential notation.
		      // Number type: -7
		      TO_EXP_NEG = -7,                         // 0 to -MAX

		      // The exponent value at and above which toString returns exponential notation.
		      // Number type: 21
		      TO_EXP_POS = 21,                         // 0 to MAX

		      // RANGE : [MIN_EXP, MAX_EXP]

		      // The minimum exponent value, beneath which underflow to zero occurs.
		      // Number type: -324  (5e-324)
		      MIN_EXP = -1e7,                          // -1 to -MAX

		      // The maximum exponent value, above which overflow to Infinity occurs.
		      // Number type:  308  (1.7976931348623157e+308)
		      // For MAX_EXP > 1e7, e.g. new BigNumber('1e100000000').plus(1) may be slow.
		      MAX_EXP = 1e7,                           // 1 to MAX

		      // Whether to use cryptographically-secure random number generation, if available.
		      CRYPTO = false,                          // true or false

		      // The modulo mode used when calculating the modulus: a mod n.
		      // The quotient (q = a / n) is calculated according to the corresponding rounding mode.
		      // The remainder (r) is calculated as: r = a - n * q.
		      //
		      // UP        0 The remainder is positive if the dividend is negative, else is negative.
		      // DOWN      1 The remainder has the same sign as the dividend.
		      //             This modulo mode is commonly known as 'truncated division' and is
		      //             equivalent to (a % n) in JavaScript.
		      // FLOOR     3 The remainder has the same sign as the divisor (Python %).
		      // HALF_EVEN 6 This modulo mode implements the IEEE 754 remainder function.
		      // EUCLID    9 Euclidian division. q = sign(n) * floor(a / abs(n)).
		      //             The remainder is always positive.
		      //
		      // The truncated division, floored division, Euclidian division and IEEE 754 remainder
		      // modes are commonly used for the modulus operation.
		      // Although the other rounding modes can also be used, they may not give useful results.
		      MODULO_MODE = 1,                         // 0 to 9

		      // The maximum number of significant digits of the result of the exponentiatedBy operation.
		      // If POW_PRECISION is 0, there will be unlimited significant digits.
		      POW_PRECISION = 0,                       // 0 to MAX

		      // The format specification used by the BigNumber.prototype.toFormat method.
		      FORMAT = {
		        prefix: '',
		        groupSize: 3,
		        secondaryGroupSize: 0,
		        groupSeparator: ',',
		        decimalSeparator: '.',
		        fractionGroupSize: 0,
		        fractionGroupSeparator: '\xA0',        // non-breaking space
		        suffix: ''
		      },

		      // The alphabet used for base conversion. It must be at least 2 characters long, with no '+',
		      // '-', '.', whitespace, or repeated character.
		      // '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ$_'
		      ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz',
		      alphabetHasNormalDecimalDigits = true;


		    //------------------------------------------------------------------------------------------


		    // CONSTRUCTOR


		    /*
		     * The BigNumber constructor and exported function.
		     * Create and return a new instance of a BigNumber object.
		     *
		     * v {number|string|BigNumber} A numeric value.
		     * [b] {number} The base of v. Integer, 2 to ALPHABET.length inclusive.
		     */
		    function BigNumber(v, b) {
		      var alphabet, c, caseChanged, e, i, isNum, len, str,
		        x = this;

		      // Enable constructor call without `new`.
		      if (!(x instanceof BigNumber)) return new BigNumber(v, b);

		      if (b == null) {

		        if (v && v._isBigNumber === true) {
		          x.s = v.s;

		          if (!v.c || v.e > MAX_EXP) {
		            x.c = x.e = null;
		          } else if (v.e < MIN_EXP) {
		            x.c = [x.e = 0];
		          } else {
		            x.e = v.e;
		            x.c = v.c.slice();
		          }

		          return;
		        }

		        if ((isNum = typeof v == 'number') && v * 0 == 0) {

		          // Use `1 / n` to handle minus zero also.
		          x.s = 1 / v < 0 ? (v = -v, -1) : 1;

		          // Fast path for integers, where n < 2147483648 (2**31).
		          if (v === ~~v) {
		            for (e = 0, i = v; i >= 10; i /= 10, e++);

		            if (e > MAX_EXP) {
		              x.c = x.e = null;
		            } else {
		              x.e = e;
		              x.c = [v];
		            }

		            return;
		          }

		          str = String(v);
		        } else {

		          if (!isNumeric.test(str = String(v))) return parseNumeric(x, str, isNum);

		          x.s = str.charCodeAt(0) == 45 ? (str = str.slice(1), -1) : 1;
		        }

		        // Decimal point?
		        if ((e = str.indexOf('.')) > -1) str = str.replace('.', '');

		        // Exponential form?
		        if ((i = str.search(/e/i)) > 0) {

		          // Determine exponent.
		          if (e < 0) e = i;
		          e += +str.slice(i + 1);
		          str = str.substring(0, i);
		        } else if (e < 0) {

		          // Integer.
		          e = str.length;
		        }

		      } else {

		        // '[BigNumber Error] Base {not a primitive number|not an integer|out of range}: {b}'
		        intCheck(b, 2, ALPHABET.length, 'Base');

		        // Allow exponential notation to be used with base 10 argument, while
		        // also rounding to DECIMAL_PLACES as with other bases.
		        if (b == 10 && alphabetHasNormalDecimalDigits) {
		          x = new BigNumber(v);
		          return round(x, DECIMAL_PLACES + x.e + 1, ROUNDING_MODE);
		        }

		        str = String(v);

		        if (isNum = typeof v == 'number') {

		          // Avoid potential interpretation of Infinity and NaN as base 44+ values.
		          if (v * 0 != 0) return parseNumeric(x, str, isNum, b);

		          x.s = 1 / v < 0 ? (str = str.slice(1), -1) : 1;

		          // '[BigNumber Error] Number primitive has more than 15 significant digits: {n}'
		          if (BigNumber.DEBUG && str.replace(/^0\.0*|\./, '').length > 15) {
		            throw Error
		             (tooManyDigits + v);
		          }
		        } else {
		          x.s = str.charCodeAt(0) === 45 ? (str = str.slice(1), -1) : 1;
		        }

		        alphabet = ALPHABET.slice(0, b);
		        e = i = 0;

		        // Check that str is a valid base b number.
		        // Don't use RegExp, so alphabet can contain special characters.
		        for (len = str.length; i < len; i++) {
		          if (alphabet.indexOf(c = str.charAt(i)) < 0) {
		            if (c == '.') {

		              // If '.' is not the first character and it has not be found before.
		              if (i > e) {
		                e = len;
		                continue;
		              }
		            } else if (!caseChanged) {

		              // Allow e.g. hexadecimal 'FF' as well as 'ff'.
		              if (str == str.toUpperCase() && (str = str.toLowerCase()) ||
		                  str == str.toLowerCase() && (str = str.toUpperCase())) {
		                caseChanged = true;
		                i = -1;
		                e = 0;
		                continue;
		              }
		            }

		            return parseNumeric(x, String(v), isNum, b);
		          }
		        }

		        // Prevent later check for length on converted number.
		        isNum = false;
		        str = convertBase(str, b, 10, x.s);

		        // Decimal point?
		        if ((e = str.indexOf('.')) > -1) str = str.replace('.', '');
		        else e = str.length;
		      }

		      // Determine leading zeros.
		      for (i = 0; str.charCodeAt(i) === 48; i++);

		      // Determine trailing zeros.
		      for (len = str.length; str.charCodeAt(--len) === 48;);

		      if (str = str.slice(i, ++len)) {
		        len -= i;

		        // '[BigNumber Error] Number primitive has more than 15 significant digits: {n}'
		        if (isNum && BigNumber.DEBUG &&
		          len > 15 && (v > MAX_SAFE_INTEGER || v !== mathfloor(v))) {
		            throw Error
		             (tooManyDigits + (x.s * v));
		        }

		         // Overflow?
		        if ((e = e - i - 1) > MAX_EXP) {

		          // Infinity.
		          x.c = x.e = null;

		        // Underflow?
		        } else if (e < MIN_EXP) {

		          // Zero.
		          x.c = [x.e = 0];
		        } else {
		          x.e = e;
		          x.c = [];

		          // Transform base

		          // e is the base 10 exponent.
		          // i is where to slice str to get the first element of the coefficient array.
		          i = (e + 1) % LOG_BASE;
		          if (e < 0) i += LOG_BASE;  // i < 1

		          if (i < len) {
		            if (i) x.c.push(+str.slice(0, i));

		            for (len -= LOG_BASE; i < len;) {
		              x.c.push(+str.slice(i, i += LOG_BASE));
		            }

		            i = LOG_BASE - (str = str.slice(i)).length;
		          } else {
		            i -= len;
		          }

		          for (; i--; str += '0');
		          x.c.push(+str);
		        }
		      } else {

		        // Zero.
		        x.c = [x.e = 0];
		      }
		    }


		    // CONSTRUCTOR PROPERTIES


		    BigNumber.clone = clone;

		    BigNumber.ROUND_UP = 0;
		    BigNumber.ROUND_DOWN = 1;
		    BigNumber.ROUND_CEIL = 2;
		    BigNumber.ROUND_FLOOR = 3;
		    BigNumber.ROUND_HALF_UP = 4;
		    BigNumber.ROUND_HALF_DOWN = 5;
		    BigNumber.ROUND_HALF_EVEN = 6;
		    BigNumber.ROUND_HALF_CEIL = 7;
		    BigNumber.ROUND_HALF_FLOOR = 8;
		    BigNumber.EUCLID = 9;


		    /*
		     * Configure infrequently-changing library-wide settings.
		     *
		     * Accept an object with the following optional properties (if the value of a property is
		     * a number, it must be an integer within the inclusive range stated):
		     *
		     *   DECIMAL_PLACES   {number}           0 to MAX
		     *   ROUNDING_MODE    {number}           0 to 8
		     *   EXPONENTIAL_AT   {number|number[]}  -MAX to MAX  or  [-MAX to 0, 0 to MAX]
		     *   RANGE            {number|number[]}  -MAX to MAX (not zero)  or  [-MAX to -1, 1 to MAX]
		     *   CRYPTO           {boolean}          true or false
		     *   MODULO_MODE      {number}           0 to 9
		     *   POW_PRECISION       {number}           0 to MAX
		     *   ALPHABET         {string}           A string of two or more unique characters which does
		     *                                       not contain '.'.
		     *   FORMAT           {object}           An object with some of the following properties:
		     *     prefix                 {string}
		     *     groupSize              {number}
		     *     secondaryGroupSize     {number}
		     *     groupSeparator         {string}
		     *     decimalSeparator       {string}
		     *     fractionGroupSize      {number}
		     *     fractionGroupSeparator {string}
		     *     suffix                 {string}
		     *
		     * (The values assigned to the above FORMAT object properties are not checked for validity.)
		     *
		     * E.g.
		     * BigNumber.config({ DECIMAL_PLACES : 20, ROUNDING_MODE : 4 })
		     *
		     * Ignore properties/parameters set to null or undefined, except for ALPHABET.
		     *
		     * Return an object with the properties current values.
		     */
		    BigNumber.config = BigNumber.set = function (obj) {
		      var p, v;

		      if (obj != null) {

		        if (typeof obj == 'object') {

		          // DECIMAL_PLACES {number} Integer, 0 to MAX inclusive.
		          // '[BigNumber Error] DECIMAL_PLACES {not a primitive number|not an integer|out of range}: {v}'
		          if (obj.hasOwnProperty(p = 'DECIMAL_PLACES')) {
		            v = obj[p];
		            intCheck(v, 0, MAX, p);
		            DECIMAL_PLACES = v;
		          }

		          // ROUNDING_MODE {number} Integer, 0 to 8 inclusive.
		          // '[BigNumber Error] ROUNDING_MODE {not a primitive number|not an integer|out of range}: {v}'
		          if (obj.hasOwnProperty(p = 'ROUNDING_MODE')) {
		            v = obj[p];
		            intCheck(v, 0, 8, p);
		            ROUNDING_MODE = v;
		          }

		          // EXPONENTIAL_AT {number|number[]}
		          // Integer, -MAX to MAX inclusive or
		          // [integer -MAX to 0 inclusive, 0 to MAX inclusive].
		          // '[BigNumber Error] EXPONENTIAL_AT {not a primitive number|not an integer|out of range}: {v}'
		          if (obj.hasOwnProperty(p = 'EXPONENTIAL_AT')) {
		            v = obj[p];
		            if (v && v.pop) {
		              intCheck(v[0], -MAX, 0, p);
		              intCheck(v[1], 0, MAX, p);
		              TO_EXP_NEG = v[0];
		              TO_EXP_POS = v[1];
		            } else {
		              intCheck(v, -MAX, MAX, p);
		              TO_EXP_NEG = -(TO_EXP_POS = v < 0 ? -v : v);
		            }
		          }

		          // RANGE {number|number[]} Non-zero integer, -MAX to MAX inclusive or
		          // [integer -MAX to -1 inclusive, integer 1 to MAX inclusive].
		          // '[BigNumber Error] RANGE {not a primitive number|not an integer|out of range|cannot be zero}: {v}'
		          if (obj.hasOwnProperty(p = 'RANGE')) {
		            v = obj[p];
		            if (v && v.pop) {
		              intCheck(v[0], -MAX, -1, p);
		              intCheck(v[1], 1, MAX, p);
		              MIN_EXP = v[0];
		              MAX_EXP = v[1];
		            } else {
		              intCheck(v, -MAX, MAX, p);
		              if (v) {
		                MIN_EXP = -(MAX_EXP = v < 0 ? -v : v);
		              } else {
		                throw Error
		                 (bignumberError + p + ' cannot be zero: ' + v);
		              }
		            }
		          }

		          // CRYPTO {boolean} true or false.
		          // '[BigNumber Error] CRYPTO not true or false: {v}'
		          // '[BigNumber Error] crypto unavailable'
		          if (obj.hasOwnProperty(p = 'CRYPTO')) {
		            v = obj[p];
		            if (v === !!v) {
		              if (v) {
		                if (typeof crypto != 'undefined' && crypto &&
		                 (crypto.getRandomValues || crypto.randomBytes)) {
		                  CRYPTO = v;
		                } else {
		                  CRYPTO = !v;
		                  throw Error
		                   (bignumberError + 'crypto unavailable');
		                }
		              } else {
		                CRYPTO = v;
		              }
		            } else {
		              throw Error
		               (bignumberError + p + ' not true or false: ' + v);
		            }
		          }

		          // MODULO_MODE {number} Integer, 0 to 9 inclusive.
		          // '[BigNumber Error] MODULO_MODE {not a primitive number|not an integer|out of range}: {v}'
		          if (obj.hasOwnProperty(p = 'MODULO_MODE')) {
		            v = obj[p];
		            intCheck(v, 0, 9, p);
		            MODULO_MODE = v;
		          }

		          // POW_PRECISION {number} Integer, 0 to MAX inclusive.
		          // '[BigNumber Error] POW_PRECISION {not a primitive number|not an integer|out of range}: {v}'
		          if (obj.hasOwnProperty(p = 'POW_PRECISION')) {
		            v = obj[p];
		            intCheck(v, 0, MAX, p);
		            POW_PRECISION = v;
		          }

		          // FORMAT {object}
		          // '[BigNumber Error] FORMAT not an object: {v}'
		          if (obj.hasOwnProperty(p = 'FORMAT')) {
		            v = obj[p];
		            if (typeof v == 'object') FORMAT = v;
		            else throw Error
		             (bignumberError + p + ' not an object: ' + v);
		          }

		          // ALPHABET {string}
		          // '[BigNumber Error] ALPHABET invalid: {v}'
		          if (obj.hasOwnProperty(p = 'ALPHABET')) {
		            v = obj[p];

		            // Disallow if less than two characters,
		            // or if it contains '+', '-', '.', whitespace, or a repeated character.
		            if (typeof v == 'string' && !/^.?$|[+\-.\s]|(.).*\1/.test(v)) {
		              alphabetHasNormalDecimalDigits = v.slice(0, 10) == '0123456789';
		              ALPHABET = v;
		            } else {
		              throw Error
		               (bignumberError + p + ' invalid: ' + v);
		            }
		          }

		        } else {

		          // '[BigNumber Error] Object expected: {v}'
		          throw Error
		           (bignumberError + 'Object expected: ' + obj);
		        }
		      }

		      return {
		        DECIMAL_PLACES: DECIMAL_PLACES,
		        ROUNDING_MODE: ROUNDING_MODE,
		        EXPONENTIAL_AT: [TO_EXP_NEG, TO_EXP_POS],
		        RANGE: [MIN_EXP, MAX_EXP],
		        CRYPTO: CRYPTO,
		        MODULO_MODE: MODULO_MODE,
		        POW_PRECISION: POW_PRECISION,
		        FORMAT: FORMAT,
		        ALPHABET: ALPHABET
		      };
		    };


		    /*
		     * Return true if v is a BigNumber instance, otherwise return false.
		     *
		     * If BigNumber.DEBUG is true, throw if a BigNumber instance is not well-formed.
		     *
		     * v {any}
		     *
		     * '[BigNumber Error] Invalid BigNumber: {v}'
		     */
		    BigNumber.isBigNumber = function (v) {
		      if (!v || v._isBigNumber !== true) return false;
		      if (!BigNumber.DEBUG) return true;

		      var i, n,
		        c = v.c,
		        e = v.e,
		        s = v.s;

		      out: if ({}.toString.call(c) == '[object Array]') {

		        if ((s === 1 || s === -1) && e >= -MAX && e <= MAX && e === mathfloor(e)) {

		          // If the first element is zero, the BigNumber value must be zero.
		          if (c[0] === 0) {
		            if (e === 0 && c.length === 1) return true;
		            break out;
		          }

		          // Calculate number of digits that c[0] should have, based on the exponent.
		          i = (e + 1) % LOG_BASE;
		          if (i < 1) i += LOG_BASE;

		          // Calculate number of digits of c[0].
		          //if (Math.ceil(Math.log(c[0] + 1) / Math.LN10) == i) {
		          if (String(c[0]).length == i) {

		            for (i = 0; i < c.length; i++) {
		              n = c[i];
		              if (n < 0 || n >= BASE || n !== mathfloor(n)) break out;
		            }

		            // Last element cannot be zero, unless it is the only element.
		            if (n !== 0) return true;
		          }
		        }

		      // Infinity/NaN
		      } else if (c === null && e === null && (s === null || s === 1 || s === -1)) {
		        return true;
		      }

		      throw Error
		        (bignumberError + 'Invalid BigNumber: ' + v);
		    };


		    /*
		     * Return a new BigNumber whose value is the maximum of the arguments.
		     *
		     * arguments {number|string|BigNumber}
		     */
		    BigNumber.maximum = BigNumber.max = function () {
		      return maxOrMin(arguments, -1);
		    };


		    /*
		     * Return a new BigNumber whose value is the minimum of the arguments.
		     *
		     * arguments {number|string|BigNumber}
		     */
		    BigNumber.minimum = BigNumber.min = function () {
		      return maxOrMin(arguments, 1);
		    };


		    /*
		     * Return a new BigNumber with a random value equal to or greater than 0 and less than 1,
		     * and with dp, or DECIMAL_PLACES if dp is omitted, decimal places (or less if trailing
		     * zeros are produced).
		     *
		     * [dp] {number} Decimal places. Integer, 0 to MAX inclusive.
		     *
		     * '[BigNumber Error] Argument {not a primitive number|not an integer|out of range}: {dp}'
		     * '[BigNumber Error] crypto unavailable'
		     */
		    BigNumber.random = (function () {
		      var pow2_53 = 0x20000000000000;

		      // Return a 53 bit integer n, where 0 <= n < 9007199254740992.
		      // Check if Math.random() produces more than 32 bits of randomness.
		      // If it does, assume at least 53 bits are produced, otherwise assume at least 30 bits.
		      // 0x40000000 is 2^30, 0x800000 is 2^23, 0x1fffff is 2^21 - 1.
		      var random53bitInt = (Math.random() * pow2_53) & 0x1fffff
		       ? function () { return mathfloor(Math.random() * pow2_53); }
		       : function () { return ((Math.random() * 0x40000000 | 0) * 0x800000) +
		         (Math.random() * 0x800000 | 0); };

		      return function (dp) {
		        var a, b, e, k, v,
		          i = 0,
		          c = [],
		          rand = new BigNumber(ONE);

		        if (dp == null) dp = DECIMAL_PLACES;
		        else intCheck(dp, 0, MAX);

		        k = mathceil(dp / LOG_BASE);

		        if (CRYPTO) {

		          // Browsers supporting crypto.getRandomValues.
		          if (crypto.getRandomValues) {

		            a = crypto.getRandomValues(new Uint32Array(k *= 2));

		            for (; i < k;) {

		              // 53 bits:
		              // ((Math.pow(2, 32) - 1) * Math.pow(2, 21)).toString(2)
		              // 11111 11111111 11111111 11111111 11100000 00000000 00000000
		              // ((Math.pow(2, 32) - 1) >>> 11).toString(2)
		              //                                     11111 11111111 11111111
		              // 0x20000 is 2^21.
		              v = a[i] * 0x20000 + (a[i + 1] >>> 11);

		              // Rejection sampling:
		              // 0 <= v < 9007199254740992
		              // Probability that v >= 9e15, is
		              // 7199254740992 / 9007199254740992 ~= 0.0008, i.e. 1 in 1251
		              if (v >= 9e15) {
		                b = crypto.getRandomValues(new Uint32Array(2));
		                a[i] = b[0];
		                a[i + 1] = b[1];
		              } else {

		                // 0 <= v <= 8999999999999999
		                // 0 <= (v % 1e14) <= 99999999999999
		                c.push(v % 1e14);
		                i += 2;
		              }
		            }
		            i = k / 2;

		          // Node.js supporting crypto.randomBytes.
		          } else if (crypto.randomBytes) {

		            // buffer
		            a = crypto.randomBytes(k *= 7);

		            for (; i < k;) {

		              // 0x1000000000000 is 2^48, 0x10000000000 is 2^40
		              // 0x100000000 is 2^32, 0x1000000 is 2^24
		              // 11111 11111111 11111111 11111111 11111111 11111111 11111111
		              // 0 <= v < 9007199254740992
		              v = ((a[i] & 31) * 0x1000000000000) + (a[i + 1] * 0x10000000000) +
		                 (a[i + 2] * 0x100000000) + (a[i + 3] * 0x1000000) +
		                 (a[i + 4] << 16) + (a[i + 5] << 8) + a[i + 6];

		              if (v >= 9e15) {
		                crypto.randomBytes(7).copy(a, i);
		              } else {

		                // 0 <= (v % 1e14) <= 99999999999999
		                c.push(v % 1e14);
		                i += 7;
		              }
		            }
		            i = k / 7;
		          } else {
		            CRYPTO = false;
		            throw Error
		             (bignumberError + 'crypto unavailable');
		          }
		        }

		        // Use Math.random.
		        if (!CRYPTO) {

		          for (; i < k;) {
		            v = random53bitInt();
		            if (v < 9e15) c[i++] = v % 1e14;
		          }
		        }

		        k = c[--i];
		        dp %= LOG_BASE;

		        // Convert trailing digits to zeros according to dp.
		        if (k && dp) {
		          v = POWS_TEN[LOG_BASE - dp];
		          c[i] = mathfloor(k / v) * v;
		        }

		        // Remove trailing elements which are zero.
		        for (; c[i] === 0; c.pop(), i--);

		        // Zero?
		        if (i < 0) {
		          c = [e = 0];
		        } else {

		          // Remove leading elements which are zero and adjust exponent accordingly.
		          for (e = -1 ; c[0] === 0; c.splice(0, 1), e -= LOG_BASE);

		          // Count the digits of the first element of c to determine leading zeros, and...
		          for (i = 1, v = c[0]; v >= 10; v /= 10, i++);

		          // adjust the exponent accordingly.
		          if (i < LOG_BASE) e -= LOG_BASE - i;
		        }

		        rand.e = e;
		        rand.c = c;
		        return rand;
		      };
		    })();


		    /*
		     * Return a BigNumber whose value is the sum of the arguments.
		     *
		     * arguments {number|string|BigNumber}
		     */
		    BigNumber.sum = function () {
		      var i = 1,
		        args = arguments,
		        sum = new BigNumber(args[0]);
		      for (; i < args.length;) sum = sum.plus(args[i++]);
		      return sum;
		    };


		    // PRIVATE FUNCTIONS


		    // Called by BigNumber and BigNumber.prototype.toString.
		    convertBase = (function () {
		      var decimal = '0123456789';

		      /*
		       * Convert string of baseIn to an array of numbers of baseOut.
		       * Eg. toBaseOut('255', 10, 16) returns [15, 15].
		       * Eg. toBaseOut('ff', 16, 10) returns [2, 5, 5].
		       */
		      function toBaseOut(str, baseIn, baseOut, alphabet) {
		        var j,
		          arr = [0],
		          arrL,
		          i = 0,
		          len = str.length;

		        for (; i < len;) {
		          for (arrL = arr.length; arrL--; arr[arrL] *= baseIn);

		          arr[0] += alphabet.indexOf(str.charAt(i++));

		          for (j = 0; j < arr.length; j++) {

		            if (arr[j] > baseOut - 1) {
		              if (arr[j + 1] == null) arr[j + 1] = 0;
		              arr[j + 1] += arr[j] / baseOut | 0;
		              arr[j] %= baseOut;
		            }
		          }
		        }

		        return arr.reverse();
		      }

		      // Convert a numeric string of baseIn to a numeric string of baseOut.
		      // If the caller is toString, we are converting from base 10 to baseOut.
		      // If the caller is BigNumber, we are converting from baseIn to base 10.
		      return function (str, baseIn, baseOut, sign, callerIsToString) {
		        var alphabet, d, e, k, r, x, xc, y,
		          i = str.indexOf('.'),
		          dp = DECIMAL_PLACES,
		          rm = ROUNDING_MODE;

		        // Non-integer.
		        if (i >= 0) {
		          k = POW_PRECISION;

		          // Unlimited precision.
		          POW_PRECISION = 0;
		          str = str.replace('.', '');
		          y = new BigNumber(baseIn);
		          x = y.pow(str.length - i);
		          POW_PRECISION = k;

		          // Convert str as if an integer, then restore the fraction part by dividing the
		          // result by its base raised to a power.

		          y.c = toBaseOut(toFixedPoint(coeffToString(x.c), x.e, '0'),
		           10, baseOut, decimal);
		          y.e = y.c.length;
		        }

		        // Convert the number as integer.

		        xc = toBaseOut(str, baseIn, baseOut, callerIsToString
		         ? (alphabet = ALPHABET, decimal)
		         : (alphabet = decimal, ALPHABET));

		        // xc now represents str as an integer and converted to baseOut. e is the exponent.
		        e = k = xc.length;

		        // Remove trailing zeros.
		        for (; xc[--k] == 0; xc.pop());

		        // Zero?
		        if (!xc[0]) return alphabet.charAt(0);

		        // Does str represent an integer? If so, no need for the division.
		        if (i < 0) {
		          --e;
		        } else {
		          x.c = xc;
		          x.e = e;

		          // The sign is needed for correct rounding.
		          x.s = sign;
		          x = div(x, y, dp, rm, baseOut);
		          xc = x.c;
		          r = x.r;
		          e = x.e;
		        }

		        // xc now represents str converted to baseOut.

		        // The index of the rounding digit.
		        d = e + dp + 1;

		        // The rounding digit: the digit to the right of the digit that may be rounded up.
		        i = xc[d];

		        // Look at the rounding digits and mode to determine whether to round up.

		        k = baseOut / 2;
		        r = r || d < 0 || xc[d + 1] != null;

		        r = rm < 4 ? (i != null || r) && (rm == 0 || rm == (x.s < 0 ? 3 : 2))
		              : i > k || i == k &&(rm == 4 || r || rm == 6 && xc[d - 1] & 1 ||
		               rm == (x.s < 0 ? 8 : 7));

		        // If the index of the rounding digit is not greater than zero, or xc represents
		        // zero, then the result of the base conversion is zero or, if rounding up, a value
		        // such as 0.00001.
		        if (d < 1 || !xc[0]) {

		          // 1^-dp or 0
		          str = r ? toFixedPoint(alphabet.charAt(1), -dp, alphabet.charAt(0)) : alphabet.charAt(0);
		        } else {

		          // Truncate xc to the required number of decimal places.
		          xc.length = d;

		          // Round up?
		          if (r) {

		            // Rounding up may mean the previous digit has to be rounded up and so on.
		            for (--baseOut; ++xc[--d] > baseOut;) {
		              xc[d] = 0;

		              if (!d) {
		                ++e;
		                xc = [1].concat(xc);
		              }
		            }
		          }

		          // Determine trailing zeros.
		          for (k = xc.length; !xc[--k];);

		          // E.g. [4, 11, 15] becomes 4bf.
		          for (i = 0, str = ''; i <= k; str += alphabet.charAt(xc[i++]));

		          // Add leading zeros, decimal point and trailing zeros as required.
		          str = toFixedPoint(str, e, alphabet.charAt(0));
		        }

		        // The caller will add the sign.
		        return str;
		      };
		    })();


		    // Perform division in the specified base. Called by div and convertBase.
		    div = (function () {

		      // Assume non-zero x and k.
		      function multiply(x, k, base) {
		        var m, temp, xlo, xhi,
		          carry = 0,
		          i = x.length,
		          klo = k % SQRT_BASE,
		          khi = k / SQRT_BASE | 0;

		        for (x = x.slice(); i--;) {
		          xlo = x[i] % SQRT_BASE;
		          xhi = x[i] / SQRT_BASE | 0;
		          m = khi * xlo + xhi * klo;
		          temp = klo * xlo + ((m % SQRT_BASE) * SQRT_BASE) + carry;
		          carry = (temp / base | 0) + (m / SQRT_BASE | 0) + khi * xhi;
		          x[i] = temp % base;
		        }

		        if (carry) x = [carry].concat(x);

		        return x;
		      }

		      function compare(a, b, aL, bL) {
		        var i, cmp;

		        if (aL != bL) {
		          cmp = aL > bL ? 1 : -1;
		        } else {

		          for (i = cmp = 0; i < aL; i++) {

		            if (a[i] != b[i]) {
		              cmp = a[i] > b[i] ? 1 : -1;
		              break;
		            }
		          }
		        }

		        return cmp;
		      }

		      function subtract(a, b, aL, base) {
		        var i = 0;

		        // Subtract b from a.
		        for (; aL--;) {
		          a[aL] -= i;
		          i = a[aL] < b[aL] ? 1 : 0;
		          a[aL] = i * base + a[aL] - b[aL];
		        }

		        // Remove leading zeros.
		        for (; !a[0] && a.length > 1; a.splice(0, 1));
		      }

		      // x: dividend, y: divisor.
		      return function (x, y, dp, rm, base) {
		        var cmp, e, i, more, n, prod, prodL, q, qc, rem, remL, rem0, xi, xL, yc0,
		          yL, yz,
		          s = x.s == y.s ? 1 : -1,
		          xc = x.c,
		          yc = y.c;

		        // Either NaN, Infinity or 0?
		        if (!xc || !xc[0] || !yc || !yc[0]) {

		          return new BigNumber(

		           // Return NaN if either NaN, or both Infinity or 0.
		           !x.s || !y.s || (xc ? yc && xc[0] == yc[0] : !yc) ? NaN :

		            // Return ±0 if x is ±0 or y is ±Infinity, or return ±Infinity as y is ±0.
		            xc && xc[0] == 0 || !yc ? s * 0 : s / 0
		         );
		        }

		        q = new BigNumber(s);
		        qc = q.c = [];
		        e = x.e - y.e;
		        s = dp + e + 1;

		        if (!base) {
		          base = BASE;
		          e = bitFloor(x.e / LOG_BASE) - bitFloor(y.e / LOG_BASE);
		          s = s / LOG_BASE | 0;
		        }

		        // Result exponent may be one less then the current value of e.
		        // The coefficients of the BigNumbers from convertBase may have trailing zeros.
		        for (i = 0; yc[i] == (xc[i] || 0); i++);

		        if (yc[i] > (xc[i] || 0)) e--;

		        if (s < 0) {
		          qc.push(1);
		          more = true;
		        } else {
		          xL = xc.length;
		          yL = yc.length;
		          i = 0;
		          s += 2;

		          // Normalise xc and yc so highest order digit of yc is >= base / 2.

		          n = mathfloor(base / (yc[0] + 1));

		          // Not necessary, but to handle odd bases where yc[0] == (base / 2) - 1.
		          // if (n > 1 || n++ == 1 && yc[0] < base / 2) {
		          if (n > 1) {
		            yc = multiply(yc, n, base);
		            xc = multiply(xc, n, base);
		            yL = yc.length;
		            xL = xc.length;
		          }

		          xi = yL;
		          rem = xc.slice(0, yL);
		          remL = rem.length;

		          // Add zeros to make remainder as long as divisor.
		          for (; remL < yL; rem[remL++] = 0);
		          yz = yc.slice();
		          yz = [0].concat(yz);
		          yc0 = yc[0];
		          if (yc[1] >= base / 2) yc0++;
		          // Not necessary, but to prevent trial digit n > base, when using base 3.
		          // else if (base == 3 && yc0 == 1) yc0 = 1 + 1e-15;

		          do {
		            n = 0;

		            // Compare divisor and remainder.
		            cmp = compare(yc, rem, yL, remL);

		            // If divisor < remainder.
		            if (cmp < 0) {

		              // Calculate trial digit, n.

		              rem0 = rem[0];
		              if (yL != remL) rem0 = rem0 * base + (rem[1] || 0);

		              // n is how many times the divisor goes into the current remainder.
		              n = mathfloor(rem0 / yc0);

		              //  Algorithm:
		              //  product = divisor multiplied by trial digit (n).
		              //  Compare product and remainder.
		              //  If product is greater than remainder:
		              //    Subtract divisor from product, decrement trial digit.
		              //  Subtract product from remainder.
		              //  If product was less than remainder at the last compare:
		              //    Compare new remainder and divisor.
		              //    If remainder is greater than divisor:
		              //      Subtract divisor from remainder, increment trial digit.

		              if (n > 1) {

		                // n may be > base only when base is 3.
		                if (n >= base) n = base - 1;

		                // product = divisor * trial digit.
		                prod = multiply(yc, n, base);
		                prodL = prod.length;
		                remL = rem.length;

		                // Compare product and remainder.
		                // If product > remainder then trial digit n too high.
		                // n is 1 too high about 5% of the time, and is not known to have
		                // ever been more than 1 too high.
		                while (compare(prod, rem, prodL, remL) == 1) {
		                  n--;

		                  // Subtract divisor from product.
		                  subtract(prod, yL < prodL ? yz : yc, prodL, base);
		                  prodL = prod.length;
		                  cmp = 1;
		                }
		              } else {

		                // n is 0 or 1, cmp is -1.
		                // If n is 0, there is no need to compare yc and rem again below,
		                // so change cmp to 1 to avoid it.
		                // If n is 1, leave cmp as -1, so yc and rem are compared again.
		                if (n == 0) {

		                  // divisor < remainder, so n must be at least 1.
		                  cmp = n = 1;
		                }

		                // product = divisor
		                prod = yc.slice();
		                prodL = prod.length;
		              }

		              if (prodL < remL) prod = [0].concat(prod);

		              // Subtract product from remainder.
		              subtract(rem, prod, remL, base);
		              remL = rem.length;

		               // If product was < remainder.
		              if (cmp == -1) {

		                // Compare divisor and new remainder.
		                // If divisor < new remainder, subtract divisor from remainder.
		                // Trial digit n too low.
		                // n is 1 too low about 5% of the time, and very rarely 2 too low.
		                while (compare(yc, rem, yL, remL) < 1) {
		                  n++;

		                  // Subtract divisor from remainder.
		                  subtract(rem, yL < remL ? yz : yc, remL, base);
		                  remL = rem.length;
		                }
		              }
		            } else if (cmp === 0) {
		              n++;
		              rem = [0];
		            } // else cmp === 1 and n will be 0

		            // Add the next digit, n, to the result array.
		            qc[i++] = n;

		            // Update the remainder.
		            if (rem[0]) {
		              rem[remL++] = xc[xi] || 0;
		            } else {
		              rem = [xc[xi]];
		              remL = 1;
		            }
		          } while ((xi++ < xL || rem[0] != null) && s--);

		          more = rem[0] != null;

		          // Leading zero?
		          if (!qc[0]) qc.splice(0, 1);
		        }

		        if (base == BASE) {

		          // To calculate q.e, first get the number of digits of qc[0].
		          for (i = 1, s = qc[0]; s >= 10; s /= 10, i++);

		          round(q, dp + (q.e = i + e * LOG_BASE - 1) + 1, rm, more);

		        // Caller is convertBase.
		        } else {
		          q.e = e;
		          q.r = +more;
		        }

		        return q;
		      };
		    })();


		    /*
		     * Return a string representing the value of BigNumber n in fixed-point or exponential
		     * notation rounded to the specified decimal places or significant digits.
		     *
		     * n: a BigNumber.
		     * i: the index of the last digit required (i.e. the digit that may be rounded up).
		     * rm: the rounding mode.
		     * id: 1 (toExponential) or 2 (toPrecision).
		     */
		    function format(n, i, rm, id) {
		      var c0, e, ne, len, str;

		      if (rm == null) rm = ROUNDING_MODE;
		      else intCheck(rm, 0, 8);

		      if (!n.c) return n.toString();

		      c0 = n.c[0];
		      ne = n.e;

		      if (i == null) {
		        str = coeffToString(n.c);
		        str = id == 1 || id == 2 && (ne <= TO_EXP_NEG || ne >= TO_EXP_POS)
		         ? toExponential(str, ne)
		         : toFixedPoint(str, ne, '0');
		      } else {
		        n = round(new BigNumber(n), i, rm);

		        // n.e may have changed if the value was rounded up.
		        e = n.e;

		        str = coeffToString(n.c);
		        len = str.length;

		        // toPrecision returns exponential notation if the number of significant digits
		        // specified is less than the number of digits necessary to represent the integer
		        // part of the value in fixed-point notation.

		        // Exponential notation.
		        if (id == 1 || id == 2 && (i <= e || e <= TO_EXP_NEG)) {

		          // Append zeros?
		          for (; len < i; str += '0', len++);
		          str = toExponential(str, e);

		        // Fixed-point notation.
		        } else {
		          i -= ne + (id === 2 && e > ne);
		          str = toFixedPoint(str, e, '0');

		          // Append zeros?
		          if (e + 1 > len) {
		            if (--i > 0) for (str += '.'; i--; str += '0');
		          } else {
		            i += e - len;
		            if (i > 0) {
		              if (e + 1 == len) str += '.';
		              for (; i--; str += '0');
		            }
		          }
		        }
		      }

		      return n.s < 0 && c0 ? '-' + str : str;
		    }


		    // Handle BigNumber.max and BigNumber.min.
		    // If any number is NaN, return NaN.
		    function maxOrMin(args, n) {
		      var k, y,
		        i = 1,
		        x = new BigNumber(args[0]);

		      for (; i < args.length; i++) {
		        y = new BigNumber(args[i]);
		        if (!y.s || (k = compare(x, y)) === n || k === 0 && x.s === n) {
		          x = y;
		        }
		      }

		      return x;
		    }


		    /*
		     * Strip trailing zeros, calculate base 10 exponent and check against MIN_EXP and MAX_EXP.
		     * Called by minus, plus and times.
		     */
		    function normalise(n, c, e) {
		      var i = 1,
		        j = c.length;

		       // Remove trailing zeros.
		      for (; !c[--j]; c.pop());

		      // Calculate the base 10 exponent. First get the number of digits of c[0].
		      for (j = c[0]; j >= 10; j /= 10, i++);

		      // Overflow?
		      if ((e = i + e * LOG_BASE - 1) > MAX_EXP) {

		        // Infinity.
		        n.c = n.e = null;

		      // Underflow?
		      } else if (e < MIN_EXP) {

		        // Zero.
		        n.c = [n.e = 0];
		      } else {
		        n.e = e;
		        n.c = c;
		      }

		      return n;
		    }


		    // Handle values that fail the validity test in BigNumber.
		    parseNumeric = (function () {
		      var basePrefix = /^(-?)0([xbo])(?=\w[\w.]*$)/i,
		        dotAfter = /^([^.]+)\.$/,
		        dotBefore = /^\.([^.]+)$/,
		        isInfinityOrNaN = /^-?(Infinity|NaN)$/,
		        whitespaceOrPlus = /^\s*\+(?=[\w.])|^\s+|\s+$/g;

		      return function (x, str, isNum, b) {
		        var base,
		          s = isNum ? str : str.replace(whitespaceOrPlus, '');

		        // No exception on ±Infinity or NaN.
		        if (isInfinityOrNaN.test(s)) {
		          x.s = isNaN(s) ? null : s < 0 ? -1 : 1;
		        } else {
		          if (!isNum) {

		            // basePrefix = /^(-?)0([xbo])(?=\w[\w.]*$)/i
		            s = s.replace(basePrefix, function (m, p1, p2) {
		              base = (p2 = p2.toLowerCase()) == 'x' ? 16 : p2 == 'b' ? 2 : 8;
		              return !b || b == base ? p1 : m;
		            });

		            if (b) {
		              base = b;

		              // E.g. '1.' to '1', '.1' to '0.1'
		              s = s.replace(dotAfter, '$1').replace(dotBefore, '0.$1');
		            }

		            if (str != s) return new BigNumber(s, base);
		          }

		          // '[BigNumber Error] Not a number: {n}'
		          // '[BigNumber Error] Not a base {b} number: {n}'
		          if (BigNumber.DEBUG) {
		            throw Error
		              (bignumberError + 'Not a' + (b ? ' base ' + b : '') + ' number: ' + str);
		          }

		          // NaN
		          x.s = null;
		        }

		        x.c = x.e = null;
		      }
		    })();


		    /*
		     * Round x to sd significant digits using rounding mode rm. Check for over/under-flow.
		     * If r is truthy, it is known that there are more digits after the rounding digit.
		     */
		    function round(x, sd, rm, r) {
		      var d, i, j, k, n, ni, rd,
		        xc = x.c,
		        pows10 = POWS_TEN;

		      // if x is not Infinity or NaN...
		      if (xc) {

		        // rd is the rounding digit, i.e. the digit after the digit that may be rounded up.
		        // n is a base 1e14 number, the value of the element of array x.c containing rd.
		        // ni is the index of n within x.c.
		        // d is the number of digits of n.
		        // i is the index of rd within n including leading zeros.
		        // j is the actual index of rd within n (if < 0, rd is a leading zero).
		        out: {

		          // Get the number of digits of the first element of xc.
		          for (d = 1, k = xc[0]; k >= 10; k /= 10, d++);
		          i = sd - d;

		          // If the rounding digit is in the first element of xc...
		          if (i < 0) {
		            i += LOG_BASE;
		            j = sd;
		            n = xc[ni = 0];

		            // Get the rounding digit at index j of n.
		            rd = mathfloor(n / pows10[d - j - 1] % 10);
		          } else {
		            ni = mathceil((i + 1) / LOG_BASE);

		            if (ni >= xc.length) {

		              if (r) {

		                // Needed by sqrt.
		                for (; xc.length <= ni; xc.push(0));
		                n = rd = 0;
		                d = 1;
		                i %= LOG_BASE;
		                j = i - LOG_BASE + 1;
		              } else {
		                break out;
		              }
		            } else {
		              n = k = xc[ni];

		              // Get the number of digits of n.
		              for (d = 1; k >= 10; k /= 10, d++);

		              // Get the index of rd within n.
		              i %= LOG_BASE;

		              // Get the index of rd within n, adjusted for leading zeros.
		              // The number of leading zeros of n is given by LOG_BASE - d.
		              j = i - LOG_BASE + d;

		              // Get the rounding digit at index j of n.
		              rd = j < 0 ? 0 : mathfloor(n / pows10[d - j - 1] % 10);
		            }
		          }

		          r = r || sd < 0 ||

		          // Are there any non-zero digits after the rounding digit?
		          // The expression  n % pows10[d - j - 1]  returns all digits of n to the right
		          // of the digit at j, e.g. if n is 908714 and j is 2, the expression gives 714.
		           xc[ni + 1] != null || (j < 0 ? n : n % pows10[d - j - 1]);

		          r = rm < 4
		           ? (rd || r) && (rm == 0 || rm == (x.s < 0 ? 3 : 2))
		           : rd > 5 || rd == 5 && (rm == 4 || r || rm == 6 &&

		            // Check whether the digit to the left of the rounding digit is odd.
		            ((i > 0 ? j > 0 ? n / pows10[d - j] : 0 : xc[ni - 1]) % 10) & 1 ||
		             rm == (x.s < 0 ? 8 : 7));

		          if (sd < 1 || !xc[0]) {
		            xc.length = 0;

		            if (r) {

		              // Convert sd to decimal places.
		              sd -= x.e + 1;

		              // 1, 0.1, 0.01, 0.001, 0.0001 etc.
		              xc[0] = pows10[(LOG_BASE - sd % LOG_BASE) % LOG_BASE];
		              x.e = -sd || 0;
		            } else {

		              // Zero.
		              xc[0] = x.e = 0;
		            }

		            return x;
		          }

		          // Remove excess digits.
		          if (i == 0) {
		            xc.length = ni;
		            k = 1;
		            ni--;
		          } else {
		            xc.length = ni + 1;
		            k = pows10[LOG_BASE - i];

		            // E.g. 56700 becomes 56000 if 7 is the rounding digit.
		            // j > 0 means i > number of leading zeros of n.
		            xc[ni] = j > 0 ? mathfloor(n / pows10[d - j] % pows10[j]) * k : 0;
		          }

		          // Round up?
		          if (r) {

		            for (; ;) {

		              // If the digit to be rounded up is in the first element of xc...
		              if (ni == 0) {

		                // i will be the length of xc[0] before k is added.
		                for (i = 1, j = xc[0]; j >= 10; j /= 10, i++);
		                j = xc[0] += k;
		                for (k = 1; j >= 10; j /= 10, k++);

		                // if i != k the length has increased.
		                if (i != k) {
		                  x.e++;
		                  if (xc[0] == BASE) xc[0] = 1;
		                }

		                break;
		              } else {
		                xc[ni] += k;
		                if (xc[ni] != BASE) break;
		                xc[ni--] = 0;
		                k = 1;
		              }
		            }
		          }

		          // Remove trailing zeros.
		          for (i = xc.length; xc[--i] === 0; xc.pop());
		        }

		        // Overflow? Infinity.
		        if (x.e > MAX_EXP) {
		          x.c = x.e = null;

		        // Underflow? Zero.
		        } else if (x.e < MIN_EXP) {
		          x.c = [x.e = 0];
		        }
		      }

		      return x;
		    }


		    function valueOf(n) {
		      var str,
		        e = n.e;

		      if (e === null) return n.toString();

		      str = coeffToString(n.c);

		      str = e <= TO_EXP_NEG || e >= TO_EXP_POS
		        ? toExponential(str, e)
		        : toFixedPoint(str, e, '0');

		      return n.s < 0 ? '-' + str : str;
		    }


		    // PROTOTYPE/INSTANCE METHODS


		    /*
		     * Return a new BigNumber whose value is the absolute value of this BigNumber.
		     */
		    P.absoluteValue = P.abs = function () {
		      var x = new BigNumber(this);
		      if (x.s < 0) x.s = 1;
		      return x;
		    };


		    /*
		     * Return
		     *   1 if the value of this BigNumber is greater than the value of BigNumber(y, b),
		     *   -1 if the value of this BigNumber is less than the value of BigNumber(y, b),
		     *   0 if they have the same value,
		     *   or null if the value of either is NaN.
		     */
		    P.comparedTo = function (y, b) {
		      return compare(this, new BigNumber(y, b));
		    };


		    /*
		     * If dp is undefined or null or true or false, return the number of decimal places of the
		     * value of this BigNumber, or null if the value of this BigNumber is ±Infinity or NaN.
		     *
		     * Otherwise, if dp is a number, return a new BigNumber whose value is the value of this
		     * BigNumber rounded to a maximum of dp decimal places using rounding mode rm, or
		     * ROUNDING_MODE if rm is omitted.
		     *
		     * [dp] {number} Decimal places: integer, 0 to MAX inclusive.
		     * [rm] {number} Rounding mode. Integer, 0 to 8 inclusive.
		     *
		     * '[BigNumber Error] Argument {not a primitive number|not an integer|out of range}: {dp|rm}'
		     */
		    P.decimalPlaces = P.dp = function (dp, rm) {
		      var c, n, v,
		        x = this;

		      if (dp != null) {
		        intCheck(dp, 0, MAX);
		        if (rm == null) rm = ROUNDING_MODE;
		        else intCheck(rm, 0, 8);

		        return round(new BigNumber(x), dp + x.e + 1, rm);
		      }

		      if (!(c = x.c)) return null;
		      n = ((v = c.length - 1) - bitFloor(this.e / LOG_BASE)) * LOG_BASE;

		      // Subtract the number of trailing zeros of the last number.
		      if (v = c[v]) for (; v % 10 == 0; v /= 10, n--);
		      if (n < 0) n = 0;

		      return n;
		    };


		    /*
		     *  n / 0 = I
		     *  n / N = N
		     *  n / I = 0
		     *  0 / n = 0
		     *  0 / 0 = N
		     *  0 / N = N
		     *  0 / I = 0
		     *  N / n = N
		     *  N / 0 = N
		     *  N / N = N
		     *  N / I = N
		     *  I / n = I
		     *  I / 0 = I
		     *  I / N = N
		     *  I / I = N
		     *
		     * Return a new BigNumber whose value is the value of this BigNumber divided by the value of
		     * BigNumber(y, b), rounded according to DECIMAL_PLACES and ROUNDING_MODE.
		     */
		    P.dividedBy = P.div = function (y, b) {
		      return div(this, new BigNumber(y, b), DECIMAL_PLACES, ROUNDING_MODE);
		    };


		    /*
		     * Return a new BigNumber whose value is the integer part of dividing the value of this
		     * BigNumber by the value of BigNumber(y, b).
		     */
		    P.dividedToIntegerBy = P.idiv = function (y, b) {
		      return div(this, new BigNumber(y, b), 0, 1);
		    };


		    /*
		     * Return a BigNumber whose value is the value of this BigNumber exponentiated by n.
		     *
		     * If m is present, return the result modulo m.
		     * If n is negative round according to DECIMAL_PLACES and ROUNDING_MODE.
		     * If POW_PRECISION is non-zero and m is not present, round to POW_PRECISION using ROUNDING_MODE.
		     *
		     * The modular power operation works efficiently when x, n, and m are integers, otherwise it
		     * is equivalent to calculating x.exponentiatedBy(n).modulo(m) with a POW_PRECISION of 0.
		     *
		     * n {number|string|BigNumber} The exponent. An integer.
		     * [m] {number|string|BigNumber} The modulus.
		     *
		     * '[BigNumber Error] Exponent not an integer: {n}'
		     */
		    P.exponentiatedBy = P.pow = function (n, m) {
		      var half, isModExp, i, k, more, nIsBig, nIsNeg, nIsOdd, y,
		        x = this;

		      n = new BigNumber(n);

		      // Allow NaN and ±Infinity, but not other non-integers.
		      if (n.c && !n.isInteger()) {
		        throw Error
		          (bignumberError + 'Exponent not an integer: ' + valueOf(n));
		      }

		      if (m != null) m = new BigNumber(m);

		      // Exponent of MAX_SAFE_INTEGER is 15.
		      nIsBig = n.e > 14;

		      // If x is NaN, ±Infinity, ±0 or ±1, or n is ±Infinity, NaN or ±0.
		      if (!x.c || !x.c[0] || x.c[0] == 1 && !x.e && x.c.length == 1 || !n.c || !n.c[0]) {

		        // The sign of the result of pow when x is negative depends on the evenness of n.
		        // If +n overflows to ±Infinity, the evenness of n would be not be known.
		        y = new BigNumber(Math.pow(+valueOf(x), nIsBig ? n.s * (2 - isOdd(n)) : +valueOf(n)));
		        return m ? y.mod(m) : y;
		      }

		      nIsNeg = n.s < 0;

		      if (m) {

		        // x % m returns NaN if abs(m) is zero, or m is NaN.
		        if (m.c ? !m.c[0] : !m.s) return new BigNumber(NaN);

		        isModExp = !nIsNeg && x.isInteger() && m.isInteger();

		        if (isModExp) x = x.mod(m);

		      // Overflow to ±Infinity: >=2**1e10 or >=1.0000024**1e15.
		      // Underflow to ±0: <=0.79**1e10 or <=0.9999975**1e15.
		      } else if (n.e > 9 && (x.e > 0 || x.e < -1 || (x.e == 0
		        // [1, 240000000]
		        ? x.c[0] > 1 || nIsBig && x.c[1] >= 24e7
		        // [80000000000000]  [99999750000000]
		        : x.c[0] < 8e13 || nIsBig && x.c[0] <= 9999975e7))) {

		        // If x is negative and n is odd, k = -0, else k = 0.
		        k = x.s < 0 && isOdd(n) ? -0 : 0;

		        // If x >= 1, k = ±Infinity.
		        if (x.e > -1) k = 1 / k;

		        // If n is negative return ±0, else return ±Infinity.
		        return new BigNumber(nIsNeg ? 1 / k : k);

		      } else if (POW_PRECISION) {

		        // Truncating each coefficient array to a length of k after each multiplication
		        // equates to truncating significant digits to POW_PRECISION + [28, 41],
		        // i.e. there will be a minimum of 28 guard digits retained.
		        k = mathceil(POW_PRECISION / LOG_BASE + 2);
		      }

		      if (nIsBig) {
		        half = new BigNumber(0.5);
		        if (nIsNeg) n.s = 1;
		        nIsOdd = isOdd(n);
		      } else {
		        i = Math.abs(+valueOf(n));
		        nIsOdd = i % 2;
		      }

		      y = new BigNumber(ONE);

		      // Performs 54 loop iterations for n of 9007199254740991.
		      for (; ;) {

		        if (nIsOdd) {
		          y = y.times(x);
		          if (!y.c) break;

		          if (k) {
		            if (y.c.length > k) y.c.length = k;
		          } else if (isModExp) {
		            y = y.mod(m);    //y = y.minus(div(y, m, 0, MODULO_MODE).times(m));
		          }
		        }

		        if (i) {
		          i = mathfloor(i / 2);
		          if (i === 0) break;
		          nIsOdd = i % 2;
		        } else {
		          n = n.times(half);
		          round(n, n.e + 1, 1);

		          if (n.e > 14) {
		            nIsOdd = isOdd(n);
		          } else {
		            i = +valueOf(n);
		            if (i === 0) break;
		            nIsOdd = i % 2;
		          }
		        }

		        x = x.times(x);

		        if (k) {
		          if (x.c && x.c.length > k) x.c.length = k;
		        } else if (isModExp) {
		          x = x.mod(m);    //x = x.minus(div(x, m, 0, MODULO_MODE).times(m));
		        }
		      }

		      if (isModExp) return y;
		      if (nIsNeg) y = ONE.div(y);

		      return m ? y.mod(m) : k ? round(y, POW_PRECISION, ROUNDING_MODE, more) : y;
		    };


		    /*
		     * Return a new BigNumber whose value is the value of this BigNumber rounded to an integer
		     * using rounding mode rm, or ROUNDING_MODE if rm is omitted.
		     *
		     * [rm] {number} Rounding mode. Integer, 0 to 8 inclusive.
		     *
		     * '[BigNumber Error] Argument {not a primitive number|not an integer|out of range}: {rm}'
		     */
		    P.integerValue = function (rm) {
		      var n = new BigNumber(this);
		      if (rm == null) rm = ROUNDING_MODE;
		      else intCheck(rm, 0, 8);
		      return round(n, n.e + 1, rm);
		    };


		    /*
		     * Return true if the value of this BigNumber is equal to the value of BigNumber(y, b),
		     * otherwise return false.
		     */
		    P.isEqualTo = P.eq = function (y, b) {
		      return compare(this, new BigNumber(y, b)) === 0;
		    };


		    /*
		     * Return true if the value of this BigNumber is a finite number, otherwise return false.
		     */
		    P.isFinite = function () {
		      return !!this.c;
		    };


		    /*
		     * Return true if the value of this BigNumber is greater than the value of BigNumber(y, b),
		     * otherwise return false.
		     */
		    P.isGreaterThan = P.gt = function (y, b) {
		      return compare(this, new BigNumber(y, b)) > 0;
		    };


		    /*
		     * Return true if the value of this BigNumber is greater than or equal to the value of
		     * BigNumber(y, b), otherwise return false.
		     */
		    P.isGreaterThanOrEqualTo = P.gte = function (y, b) {
		      return (b = compare(this, new BigNumber(y, b))) === 1 || b === 0;

		    };


		    /*
		     * Return true if the value of this BigNumber is an integer, otherwise return false.
		     */
		    P.isInteger = function () {
		      return !!this.c && bitFloor(this.e / LOG_BASE) > this.c.length - 2;
		    };


		    /*
		     * Return true if the value of this BigNumber is less than the value of BigNumber(y, b),
		     * otherwise return false.
		     */
		    P.isLessThan = P.lt = function (y, b) {
		      return compare(this, new BigNumber(y, b)) < 0;
		    };


		    /*
		     * Return true if the value of this BigNumber is less than or equal to the value of
		     * BigNumber(y, b), otherwise return false.
		     */
		    P.isLessThanOrEqualTo = P.lte = function (y, b) {
		      return (b = compare(this, new BigNumber(y, b))) === -1 || b === 0;
		    };


		    /*
		     * Return true if the value of this BigNumber is NaN, otherwise return false.
		     */
		    P.isNaN = function () {
		      return !this.s;
		    };


		    /*
		     * Return true if the value of this BigNumber is negative, otherwise return false.
		     */
		    P.isNegative = function () {
		      return this.s < 0;
		    };


		    /*
		     * Return true if the value of this BigNumber is positive, otherwise return false.
		     */
		    P.isPositive = function () {
		      return this.s > 0;
		    };


		    /*
		     * Return true if the value of this BigNumber is 0 or -0, otherwise return false.
		     */
		    P.isZero = function () {
		      return !!this.c && this.c[0] == 0;
		    };


		    /*
		     *  n - 0 = n
		     *  n - N = N
		     *  n - I = -I
		     *  0 - n = -n
		     *  0 - 0 = 0
		     *  0 - N = N
		     *  0 - I = -I
		     *  N - n = N
		     *  N - 0 = N
		     *  N - N = N
		     *  N - I = N
		     *  I - n = I
		     *  I - 0 = I
		     *  I - N = N
		     *  I - I = N
		     *
		     * Return a new BigNumber whose value is the value of this BigNumber minus the value of
		     * BigNumber(y, b).
		     */
		    P.minus = function (y, b) {
		      var i, j, t, xLTy,
		        x = this,
		        a = x.s;

		      y = new BigNumber(y, b);
		      b = y.s;

		      // Either NaN?
		      if (!a || !b) return new BigNumber(NaN);

		      // Signs differ?
		      if (a != b) {
		        y.s = -b;
		        return x.plus(y);
		      }

		      var xe = x.e / LOG_BASE,
		        ye = y.e / LOG_BASE,
		        xc = x.c,
		        yc = y.c;

		      if (!xe || !ye) {

		        // Either Infinity?
		        if (!xc || !yc) return xc ? (y.s = -b, y) : new BigNumber(yc ? x : NaN);

		        // Either zero?
		        if (!xc[0] || !yc[0]) {

		          // Return y if y is non-zero, x if x is non-zero, or zero if both are zero.
		          return yc[0] ? (y.s = -b, y) : new BigNumber(xc[0] ? x :

		           // IEEE 754 (2008) 6.3: n - n = -0 when rounding to -Infinity
		           ROUNDING_MODE == 3 ? -0 : 0);
		        }
		      }

		      xe = bitFloor(xe);
		      ye = bitFloor(ye);
		      xc = xc.slice();

		      // Determine which is the bigger number.
		      if (a = xe - ye) {

		        if (xLTy = a < 0) {
		          a = -a;
		          t = xc;
		        } else {
		          ye = xe;
		          t = yc;
		        }

		        t.reverse();

		        // Prepend zeros to equalise exponents.
		        for (b = a; b--; t.push(0));
		        t.reverse();
		      } else {

		        // Exponents equal. Check digit by digit.
		        j = (xLTy = (a = xc.length) < (b = yc.length)) ? a : b;

		        for (a = b = 0; b < j; b++) {

		          if (xc[b] != yc[b]) {
		            xLTy = xc[b] < yc[b];
		            break;
		          }
		        }
		      }

		      // x < y? Point xc to the array of the bigger number.
		      if (xLTy) {
		        t = xc;
		        xc = yc;
		        yc = t;
		        y.s = -y.s;
		      }

		      b = (j = yc.length) - (i = xc.length);

		      // Append zeros to xc if shorter.
		      // No need to add zeros to yc if shorter as subtract only needs to start at yc.length.
		      if (b > 0) for (; b--; xc[i++] = 0);
		      b = BASE - 1;

		      // Subtract yc from xc.
		      for (; j > a;) {

		        if (xc[--j] < yc[j]) {
		          for (i = j; i && !xc[--i]; xc[i] = b);
		          --xc[i];
		          xc[j] += BASE;
		        }

		        xc[j] -= yc[j];
		      }

		      // Remove leading zeros and adjust exponent accordingly.
		      for (; xc[0] == 0; xc.splice(0, 1), --ye);

		      // Zero?
		      if (!xc[0]) {

		        // Following IEEE 754 (2008) 6.3,
		        // n - n = +0  but  n - n = -0  when rounding towards -Infinity.
		        y.s = ROUNDING_MODE == 3 ? -1 : 1;
		        y.c = [y.e = 0];
		        return y;
		      }

		      // No need to check for Infinity as +x - +y != Infinity && -x - -y != Infinity
		      // for finite x and y.
		      return normalise(y, xc, ye);
		    };


		    /*
		     *   n % 0 =  N
		     *   n % N =  N
		     *   n % I =  n
		     *   0 % n =  0
		     *  -0 % n = -0
		     *   0 % 0 =  N
		     *   0 % N =  N
		     *   0 % I =  0
		     *   N % n =  N
		     *   N % 0 =  N
		     *   N % N =  N
		     *   N % I =  N
		     *   I % n =  N
		     *   I % 0 =  N
		     *   I % N =  N
		     *   I % I =  N
		     *
		     * Return a new BigNumber whose value is the value of this BigNumber modulo the value of
		     * BigNumber(y, b). The result depends on the value of MODULO_MODE.
		     */
		    P.modulo = P.mod = function (y, b) {
		      var q, s,
		        x = this;

		      y = new BigNumber(y, b);

		      // Return NaN if x is Infinity or NaN, or y is NaN or zero.
		      if (!x.c || !y.s || y.c && !y.c[0]) {
		        return new BigNumber(NaN);

		      // Return x if y is Infinity or x is zero.
		      } else if (!y.c || x.c && !x.c[0]) {
		        return new BigNumber(x);
		      }

		      if (MODULO_MODE == 9) {

		        // Euclidian division: q = sign(y) * floor(x / abs(y))
		        // r = x - qy    where  0 <= r < abs(y)
		        s = y.s;
		        y.s = 1;
		        q = div(x, y, 0, 3);
		        y.s = s;
		        q.s *= s;
		      } else {
		        q = div(x, y, 0, MODULO_MODE);
		      }

		      y = x.minus(q.times(y));

		      // To match JavaScript %, ensure sign of zero is sign of dividend.
		      if (!y.c[0] && MODULO_MODE == 1) y.s = x.s;

		      return y;
		    };


		    /*
		     *  n * 0 = 0
		     *  n * N = N
		     *  n * I = I
		     *  0 * n = 0
		     *  0 * 0 = 0
		     *  0 * N = N
		     *  0 * I = N
		     *  N * n = N
		     *  N * 0 = N
		     *  N * N = N
		     *  N * I = N
		     *  I * n = I
		     *  I * 0 = N
		     *  I * N = N
		     *  I * I = I
		     *
		     * Return a new BigNumber whose value is the value of this BigNumber multiplied by the value
		     * of BigNumber(y, b).
		     */
		    P.multipliedBy = P.times = function (y, b) {
		      var c, e, i, j, k, m, xcL, xlo, xhi, ycL, ylo, yhi, zc,
		        base, sqrtBase,
		        x = this,
		        xc = x.c,
		        yc = (y = new BigNumber(y, b)).c;

		      // Either NaN, ±Infinity or ±0?
		      if (!xc || !yc || !xc[0] || !yc[0]) {

		        // Return NaN if either is NaN, or one is 0 and the other is Infinity.
		        if (!x.s || !y.s || xc && !xc[0] && !yc || yc && !yc[0] && !xc) {
		          y.c = y.e = y.s = null;
		        } else {
		          y.s *= x.s;

		          // Return ±Infinity if either is ±Infinity.
		          if (!xc || !yc) {
		            y.c = y.e = null;

		          // Return ±0 if either is ±0.
		          } else {
		            y.c = [0];
		            y.e = 0;
		          }
		        }

		        return y;
		      }

		      e = bitFloor(x.e / LOG_BASE) + bitFloor(y.e / LOG_BASE);
		      y.s *= x.s;
		      xcL = xc.length;
		      ycL = yc.length;

		      // Ensure xc points to longer array and xcL to its length.
		      if (xcL < ycL) {
		        zc = xc;
		        xc = yc;
		        yc = zc;
		        i = xcL;
		        xcL = ycL;
		        ycL = i;
		      }

		      // Initialise the result array with zeros.
		      for (i = xcL + ycL, zc = []; i--; zc.push(0));

		      base = BASE;
		      sqrtBase = SQRT_BASE;

		      for (i = ycL; --i >= 0;) {
		        c = 0;
		        ylo = yc[i] % sqrtBase;
		        yhi = yc[i] / sqrtBase | 0;

		        for (k = xcL, j = i + k; j > i;) {
		          xlo = xc[--k] % sqrtBase;
		          xhi = xc[k] / sqrtBase | 0;
		          m = yhi * xlo + xhi * ylo;
		          xlo = ylo * xlo + ((m % sqrtBase) * sqrtBase) + zc[j] + c;
		          c = (xlo / base | 0) + (m / sqrtBase | 0) + yhi * xhi;
		          zc[j--] = xlo % base;
		        }

		        zc[j] = c;
		      }

		      if (c) {
		        ++e;
		      } else {
		        zc.splice(0, 1);
		      }

		      return normalise(y, zc, e);
		    };


		    /*
		     * Return a new BigNumber whose value is the value of this BigNumber negated,
		     * i.e. multiplied by -1.
		     */
		    P.negated = function () {
		      var x = new BigNumber(this);
		      x.s = -x.s || null;
		      return x;
		    };


		    /*
		     *  n + 0 = n
		     *  n + N = N
		     *  n + I = I
		     *  0 + n = n
		     *  0 + 0 = 0
		     *  0 + N = N
		     *  0 + I = I
		     *  N + n = N
		     *  N + 0 = N
		     *  N + N = N
		     *  N + I = N
		     *  I + n = I
		     *  I + 0 = I
		     *  I + N = N
		     *  I + I = I
		     *
		     * Return a new BigNumber whose value is the value of this BigNumber plus the value of
		     * BigNumber(y, b).
		     */
		    P.plus = function (y, b) {
		      var t,
		        x = this,
		        a = x.s;

		      y = new BigNumber(y, b);
		      b = y.s;

		      // Either NaN?
		      if (!a || !b) return new BigNumber(NaN);

		      // Signs differ?
		       if (a != b) {
		        y.s = -b;
		        return x.minus(y);
		      }

		      var xe = x.e / LOG_BASE,
		        ye = y.e / LOG_BASE,
		        xc = x.c,
		        yc = y.c;

		      if (!xe || !ye) {

		        // Return ±Infinity if either ±Infinity.
		        if (!xc || !yc) return new BigNumber(a / 0);

		        // Either zero?
		        // Return y if y is non-zero, x if x is non-zero, or zero if both are zero.
		        if (!xc[0] || !yc[0]) return yc[0] ? y : new BigNumber(xc[0] ? x : a * 0);
		      }

		      xe = bitFloor(xe);
		      ye = bitFloor(ye);
		      xc = xc.slice();

		      // Prepend zeros to equalise exponents. Faster to use reverse then do unshifts.
		      if (a = xe - ye) {
		        if (a > 0) {
		          ye = xe;
		          t = yc;
		        } else {
		          a = -a;
		          t = xc;
		        }

		        t.reverse();
		        for (; a--; t.push(0));
		        t.reverse();
		      }

		      a = xc.length;
		      b = yc.length;

		      // Point xc to the longer array, and b to the shorter length.
		      if (a - b < 0) {
		        t = yc;
		        yc = xc;
		        xc = t;
		        b = a;
		      }

		      // Only start adding at yc.length - 1 as the further digits of xc can be ignored.
		      for (a = 0; b;) {
		        a = (xc[--b] = xc[b] + yc[b] + a) / BASE | 0;
		        xc[b] = BASE === xc[b] ? 0 : xc[b] % BASE;
		      }

		      if (a) {
		        xc = [a].concat(xc);
		        ++ye;
		      }

		      // No need to check for zero, as +x + +y != 0 && -x + -y != 0
		      // ye = MAX_EXP + 1 possible
		      return normalise(y, xc, ye);
		    };


		    /*
		     * If sd is undefined or null or true or false, return the number of significant digits of
		     * the value of this BigNumber, or null if the value of this BigNumber is ±Infinity or NaN.
		     * If sd is true include integer-part trailing zeros in the count.
		     *
		     * Otherwise, if sd is a number, return a new BigNumber whose value is the value of this
		     * BigNumber rounded to a maximum of sd significant digits using rounding mode rm, or
		     * ROUNDING_MODE if rm is omitted.
		     *
		     * sd {number|boolean} number: significant digits: integer, 1 to MAX inclusive.
		     *                     boolean: whether to count integer-part trailing zeros: true or false.
		     * [rm] {number} Rounding mode. Integer, 0 to 8 inclusive.
		     *
		     * '[BigNumber Error] Argument {not a primitive number|not an integer|out of range}: {sd|rm}'
		     */
		    P.precision = P.sd = function (sd, rm) {
		      var c, n, v,
		        x = this;

		      if (sd != null && sd !== !!sd) {
		        intCheck(sd, 1, MAX);
		        if (rm == null) rm = ROUNDING_MODE;
		        else intCheck(rm, 0, 8);

		        return round(new BigNumber(x), sd, rm);
		      }

		      if (!(c = x.c)) return null;
		      v = c.length - 1;
		      n = v * LOG_BASE + 1;

		      if (v = c[v]) {

		        // Subtract the number of trailing zeros of the last element.
		        for (; v % 10 == 0; v /= 10, n--);

		        // Add the number of digits of the first element.
		        for (v = c[0]; v >= 10; v /= 10, n++);
		      }

		      if (sd && x.e + 1 > n) n = x.e + 1;

		      return n;
		    };


		    /*
		     * Return a new BigNumber whose value is the value of this BigNumber shifted by k places
		     * (powers of 10). Shift to the right if n > 0, and to the left if n < 0.
		     *
		     * k {number} Integer, -MAX_SAFE_INTEGER to MAX_SAFE_INTEGER inclusive.
		     *
		     * '[BigNumber Error] Argument {not a primitive number|not an integer|out of range}: {k}'
		     */
		    P.shiftedBy = function (k) {
		      intCheck(k, -MAX_SAFE_INTEGER, MAX_SAFE_INTEGER);
		      return this.times('1e' + k);
		    };


		    /*
		     *  sqrt(-n) =  N
		     *  sqrt(N) =  N
		     *  sqrt(-I) =  N
		     *  sqrt(I) =  I
		     *  sqrt(0) =  0
		     *  sqrt(-0) = -0
		     *
		     * Return a new BigNumber whose value is the square root of the value of this BigNumber,
		     * rounded according to DECIMAL_PLACES and ROUNDING_MODE.
		     */
		    P.squareRoot = P.sqrt = function () {
		      var m, n, r, rep, t,
		        x = this,
		        c = x.c,
		        s = x.s,
		        e = x.e,
		        dp = DECIMAL_PLACES + 4,
		        half = new BigNumber('0.5');

		      // Negative/NaN/Infinity/zero?
		      if (s !== 1 || !c || !c[0]) {
		        return new BigNumber(!s || s < 0 && (!c || c[0]) ? NaN : c ? x : 1 / 0);
		      }

		      // Initial estimate.
		      s = Math.sqrt(+valueOf(x));

		      // Math.sqrt underflow/overflow?
		      // Pass x to Math.sqrt as integer, then adjust the exponent of the result.
		      if (s == 0 || s == 1 / 0) {
		        n = coeffToString(c);
		        if ((n.length + e) % 2 == 0) n += '0';
		        s = Math.sqrt(+n);
		        e = bitFloor((e + 1) / 2) - (e < 0 || e % 2);

		        if (s == 1 / 0) {
		          n = '5e' + e;
		        } else {
		          n = s.toExponential();
		          n = n.slice(0, n.indexOf('e') + 1) + e;
		        }

		        r = new BigNumber(n);
		      } else {
		        r = new BigNumber(s + '');
		      }

		      // Check for zero.
		      // r could be zero if MIN_EXP is changed after the this value was created.
		      // This would cause a division by zero (x/t) and hence Infinity below, which would cause
		      // coeffToString to throw.
		      if (r.c[0]) {
		        e = r.e;
		        s = e + dp;
		        if (s < 3) s = 0;

		        // Newton-Raphson iteration.
		        for (; ;) {
		          t = r;
		          r = half.times(t.plus(div(x, t, dp, 1)));

		          if (coeffToString(t.c).slice(0, s) === (n = coeffToString(r.c)).slice(0, s)) {

		            // The exponent of r may here be one less than the final result exponent,
		            // e.g 0.0009999 (e-4) --> 0.001 (e-3), so adjust s so the rounding digits
		            // are indexed correctly.
		            if (r.e < e) --s;
		            n = n.slice(s - 3, s + 1);

		            // The 4th rounding digit may be in error by -1 so if the 4 rounding digits
		            // are 9999 or 4999 (i.e. approaching a rounding boundary) continue the
		            // iteration.
		            if (n == '9999' || !rep && n == '4999') {

		              // On the first iteration only, check to see if rounding up gives the
		              // exact result as the nines may infinitely repeat.
		              if (!rep) {
		                round(t, t.e + DECIMAL_PLACES + 2, 0);

		                if (t.times(t).eq(x)) {
		                  r = t;
		                  break;
		                }
		              }

		              dp += 4;
		              s += 4;
		              rep = 1;
		            } else {

		              // If rounding digits are null, 0{0,4} or 50{0,3}, check for exact
		              // result. If not, then there are further digits and m will be truthy.
		              if (!+n || !+n.slice(1) && n.charAt(0) == '5') {

		                // Truncate to the first rounding digit.
		                round(r, r.e + DECIMAL_PLACES + 2, 1);
		                m = !r.times(r).eq(x);
		              }

		              break;
		            }
		          }
		        }
		      }

		      return round(r, r.e + DECIMAL_PLACES + 1, ROUNDING_MODE, m);
		    };


		    /*
		     * Return a string representing the value of this BigNumber in exponential notation and
		     * rounded using ROUNDING_MODE to dp fixed decimal places.
		     *
		     * [dp] {number} Decimal places. Integer, 0 to MAX inclusive.
		     * [rm] {number} Rounding mode. Integer, 0 to 8 inclusive.
		     *
		     * '[BigNumber Error] Argument {not a primitive number|not an integer|out of range}: {dp|rm}'
		     */
		    P.toExponential = function (dp, rm) {
		      if (dp != null) {
		        intCheck(dp, 0, MAX);
		        dp++;
		      }
		      return format(this, dp, rm, 1);
		    };


		    /*
		     * Return a string representing the value of this BigNumber in fixed-point notation rounding
		     * to dp fixed decimal places using rounding mode rm, or ROUNDING_MODE if rm is omitted.
		     *
		     * Note: as with JavaScript's number type, (-0).toFixed(0) is '0',
		     * but e.g. (-0.00001).toFixed(0) is '-0'.
		     *
		     * [dp] {number} Decimal places. Integer, 0 to MAX inclusive.
		     * [rm] {number} Rounding mode. Integer, 0 to 8 inclusive.
		     *
		     * '[BigNumber Error] Argument {not a primitive number|not an integer|out of range}: {dp|rm}'
		     */
		    P.toFixed = function (dp, rm) {
		      if (dp != null) {
		        intCheck(dp, 0, MAX);
		        dp = dp + this.e + 1;
		      }
		      return format(this, dp, rm);
		    };


		    /*
		     * Return a string representing the value of this BigNumber in fixed-point notation rounded
		     * using rm or ROUNDING_MODE to dp decimal places, and formatted according to the properties
		     * of the format or FORMAT object (see BigNumber.set).
		     *
		     * The formatting object may contain some or all of the properties shown below.
		     *
		     * FORMAT = {
		     *   prefix: '',
		     *   groupSize: 3,
		     *   secondaryGroupSize: 0,
		     *   groupSeparator: ',',
		     *   decimalSeparator: '.',
		     *   fractionGroupSize: 0,
		     *   fractionGroupSeparator: '\xA0',      // non-breaking space
		     *   suffix: ''
		     * };
		     *
		     * [dp] {number} Decimal places. Integer, 0 to MAX inclusive.
		     * [rm] {number} Rounding mode. Integer, 0 to 8 inclusive.
		     * [format] {object} Formatting options. See FORMAT pbject above.
		     *
		     * '[BigNumber Error] Argument {not a primitive number|not an integer|out of range}: {dp|rm}'
		     * '[BigNumber Error] Argument not an object: {format}'
		     */
		    P.toFormat = function (dp, rm, format) {
		      var str,
		        x = this;

		      if (format == null) {
		        if (dp != null && rm && typeof rm == 'object') {
		          format = rm;
		          rm = null;
		        } else if (dp && typeof dp == 'object') {
		          format = dp;
		          dp = rm = null;
		        } else {
		          format = FORMAT;
		        }
		      } else if (typeof format != 'object') {
		        throw Error
		          (bignumberError + 'Argument not an object: ' + format);
		      }

		      str = x.toFixed(dp, rm);

		      if (x.c) {
		        var i,
		          arr = str.split('.'),
		          g1 = +format.groupSize,
		          g2 = +format.secondaryGroupSize,
		          groupSeparator = format.groupSeparator || '',
		          intPart = arr[0],
		          fractionPart = arr[1],
		          isNeg = x.s < 0,
		          intDigits = isNeg ? intPart.slice(1) : intPart,
		          len = intDigits.length;

		        if (g2) {
		          i = g1;
		          g1 = g2;
		          g2 = i;
		          len -= i;
		        }

		        if (g1 > 0 && len > 0) {
		          i = len % g1 || g1;
		          intPart = intDigits.substr(0, i);
		          for (; i < len; i += g1) intPart += groupSeparator + intDigits.substr(i, g1);
		          if (g2 > 0) intPart += groupSeparator + intDigits.slice(i);
		          if (isNeg) intPart = '-' + intPart;
		        }

		        str = fractionPart
		         ? intPart + (format.decimalSeparator || '') + ((g2 = +format.fractionGroupSize)
		          ? fractionPart.replace(new RegExp('\\d{' + g2 + '}\\B', 'g'),
		           '$&' + (format.fractionGroupSeparator || ''))
		          : fractionPart)
		         : intPart;
		      }

		      return (format.prefix || '') + str + (format.suffix || '');
		    };


		    /*
		     * Return an array of two BigNumbers representing the value of this BigNumber as a simple
		     * fraction with an integer numerator and an integer denominator.
		     * The denominator will be a positive non-zero value less than or equal to the specified
		     * maximum denominator. If a maximum denominator is not specified, the denominator will be
		     * the lowest value necessary to represent the number exactly.
		     *
		     * [md] {number|string|BigNumber} Integer >= 1, or Infinity. The maximum denominator.
		     *
		     * '[BigNumber Error] Argument {not an integer|out of range} : {md}'
		     */
		    P.toFraction = function (md) {
		      var d, d0, d1, d2, e, exp, n, n0, n1, q, r, s,
		        x = this,
		        xc = x.c;

		      if (md != null) {
		        n = new BigNumber(md);

		        // Throw if md is less than one or is not an integer, unless it is Infinity.
		        if (!n.isInteger() && (n.c || n.s !== 1) || n.lt(ONE)) {
		          throw Error
		            (bignumberError + 'Argument ' +
		              (n.isInteger() ? 'out of range: ' : 'not an integer: ') + valueOf(n));
		        }
		      }

		      if (!xc) return new BigNumber(x);

		      d = new BigNumber(ONE);
		      n1 = d0 = new BigNumber(ONE);
		      d1 = n0 = new BigNumber(ONE);
		      s = coeffToString(xc);

		      // Determine initial denominator.
		      // d is a power of 10 and the minimum max denominator that specifies the value exactly.
		      e = d.e = s.length - x.e - 1;
		      d.c[0] = POWS_TEN[(exp = e % LOG_BASE) < 0 ? LOG_BASE + exp : exp];
		      md = !md || n.comparedTo(d) > 0 ? (e > 0 ? d : n1) : n;

		      exp = MAX_EXP;
		      MAX_EXP = 1 / 0;
		      n = new BigNumber(s);

		      // n0 = d1 = 0
		      n0.c[0] = 0;

		      for (; ;)  {
		        q = div(n, d, 0, 1);
		        d2 = d0.plus(q.times(d1));
		        if (d2.comparedTo(md) == 1) break;
		        d0 = d1;
		        d1 = d2;
		        n1 = n0.plus(q.times(d2 = n1));
		        n0 = d2;
		        d = n.minus(q.times(d2 = d));
		        n = d2;
		      }

		      d2 = div(md.minus(d0), d1, 0, 1);
		      n0 = n0.plus(d2.times(n1));
		      d0 = d0.plus(d2.times(d1));
		      n0.s = n1.s = x.s;
		      e = e * 2;

		      // Determine which fraction is closer to x, n0/d0 or n1/d1
		      r = div(n1, d1, e, ROUNDING_MODE).minus(x).abs().comparedTo(
		          div(n0, d0, e, ROUNDING_MODE).minus(x).abs()) < 1 ? [n1, d1] : [n0, d0];

		      MAX_EXP = exp;

		      return r;
		    };


		    /*
		     * Return the value of this BigNumber converted to a number primitive.
		     */
		    P.toNumber = function () {
		      return +valueOf(this);
		    };


		    /*
		     * Return a string representing the value of this BigNumber rounded to sd significant digits
		     * using rounding mode rm or ROUNDING_MODE. If sd is less than the number of digits
		     * necessary to represent the integer part of the value in fixed-point notation, then use
		     * exponential notation.
		     *
		     * [sd] {number} Significant digits. Integer, 1 to MAX inclusive.
		     * [rm] {number} Rounding mode. Integer, 0 to 8 inclusive.
		     *
		     * '[BigNumber Error] Argument {not a primitive number|not an integer|out of range}: {sd|rm}'
		     */
		    P.toPrecision = function (sd, rm) {
		      if (sd != null) intCheck(sd, 1, MAX);
		      return format(this, sd, rm, 2);
		    };


		    /*
		     * Return a string representing the value of this BigNumber in base b, or base 10 if b is
		     * omitted. If a base is specified, including base 10, round according to DECIMAL_PLACES and
		     * ROUNDING_MODE. If a base is not specified, and this BigNumber has a positive exponent
		     * that is equal to or greater than TO_EXP_POS, or a negative exponent equal to or less than
		     * TO_EXP_NEG, return exponential notation.
		     *
		     * [b] {number} Integer, 2 to ALPHABET.length inclusive.
		     *
		     * '[BigNumber Error] Base {not a primitive number|not an integer|out of range}: {b}'
		     */
		    P.toString = function (b) {
		      var str,
		        n = this,
		        s = n.s,
		        e = n.e;

		      // Infinity or NaN?
		      if (e === null) {
		        if (s) {
		          str = 'Infinity';
		          if (s < 0) str = '-' + str;
		        } else {
		          str = 'NaN';
		        }
		      } else {
		        if (b == null) {
		          str = e <= TO_EXP_NEG || e >= TO_EXP_POS
		           ? toExponential(coeffToString(n.c), e)
		           : toFixedPoint(coeffToString(n.c), e, '0');
		        } else if (b === 10 && alphabetHasNormalDecimalDigits) {
		          n = round(new BigNumber(n), DECIMAL_PLACES + e + 1, ROUNDING_MODE);
		          str = toFixedPoint(coeffToString(n.c), n.e, '0');
		        } else {
		          intCheck(b, 2, ALPHABET.length, 'Base');
		          str = convertBase(toFixedPoint(coeffToString(n.c), e, '0'), 10, b, s, true);
		        }

		        if (s < 0 && n.c[0]) str = '-' + str;
		      }

		      return str;
		    };


		    /*
		     * Return as toString, but do not accept a base argument, and include the minus sign for
		     * negative zero.
		     */
		    P.valueOf = P.toJSON = function () {
		      return valueOf(this);
		    };


		    P._isBigNumber = true;

		    if (configObject != null) BigNumber.set(configObject);

		    return BigNumber;
		  }


		  // PRIVATE HELPER FUNCTIONS

		  // These functions don't need access to variables,
		  // e.g. DECIMAL_PLACES, in the scope of the `clone` function above.


		  function bitFloor(n) {
		    var i = n | 0;
		    return n > 0 || n === i ? i : i - 1;
		  }


		  // Return a coefficient array as a string of base 10 digits.
		  function coeffToString(a) {
		    var s, z,
		      i = 1,
		      j = a.length,
		      r = a[0] + '';

		    for (; i < j;) {
		      s = a[i++] + '';
		      z = LOG_BASE - s.length;
		      for (; z--; s = '0' + s);
		      r += s;
		    }

		    // Determine trailing zeros.
		    for (j = r.length; r.charCodeAt(--j) === 48;);

		    return r.slice(0, j + 1 || 1);
		  }


		  // Compare the value of BigNumbers x and y.
		  function compare(x, y) {
		    var a, b,
		      xc = x.c,
		      yc = y.c,
		      i = x.s,
		      j = y.s,
		      k = x.e,
		      l = y.e;

		    // Either NaN?
		    if (!i || !j) return null;

		    a = xc && !xc[0];
		    b = yc && !yc[0];

		    // Either zero?
		    if (a || b) return a ? b ? 0 : -j : i;

		    // Signs differ?
		    if (i != j) return i;

		    a = i < 0;
		    b = k == l;

		    // Either Infinity?
		    if (!xc || !yc) return b ? 0 : !xc ^ a ? 1 : -1;

		    // Compare exponents.
		    if (!b) return k > l ^ a ? 1 : -1;

		    j = (k = xc.length) < (l = yc.length) ? k : l;

		    // Compare digit by digit.
		    for (i = 0; i < j; i++) if (xc[i] != yc[i]) return xc[i] > yc[i] ^ a ? 1 : -1;

		    // Compare lengths.
		    return k == l ? 0 : k > l ^ a ? 1 : -1;
		  }


		  /*
		   * Check that n is a primitive number, an integer, and in range, otherwise throw.
		   */
		  function intCheck(n, min, max, name) {
		    if (n < min || n > max || n !== mathfloor(n)) {
		      throw Error
		       (bignumberError + (name || 'Argument') + (typeof n == 'number'
		         ? n < min || n > max ? ' out of range: ' : ' not an integer: '
		         : ' not a primitive number: ') + String(n));
		    }
		  }


		  // Assumes finite n.
		  function isOdd(n) {
		    var k = n.c.length - 1;
		    return bitFloor(n.e / LOG_BASE) == k && n.c[k] % 2 != 0;
		  }


		  function toExponential(str, e) {
		    return (str.length > 1 ? str.charAt(0) + '.' + str.slice(1) : str) +
		     (e < 0 ? 'e' : 'e+') + e;
		  }


		  function toFixedPoint(str, e, z) {
		    var len, zs;

		    // Negative exponent?
		    if (e < 0) {

		      // Prepend zeros.
		      for (zs = z + '.'; ++e; zs += z);
		      str = zs + str;

		    // Positive exponent
		    } else {
		      len = str.length;

		      // Append zeros.
		      if (++e > len) {
		        for (zs = z, e -= len; --e; zs += z);
		        str += zs;
		      } else if (e < len) {
		        str = str.slice(0, e) + '.' + str.slice(e);
		      }
		    }

		    return str;
		  }


		  // EXPORT


		  BigNumber = clone();
		  BigNumber['default'] = BigNumber.BigNumber = BigNumber;

		  // AMD.
		  if (module.exports) {
		    module.exports = BigNumber;

		  // Browser.
		  } else {
		    if (!globalObject) {
		      globalObject = typeof self != 'undefined' && self ? self : window;
		    }

		    globalObject.BigNumber = BigNumber;
		  }
		})(bignumber); 
	} (bignumber$1));
	return bignumber$1.exports;
}

var hasRequiredStringify;

function requireStringify () {
	if (hasRequiredStringify) return stringify.exports;
	hasRequiredStringify = 1;
	(function (module) {
		var BigNumber = requireBignumber();

		/*
		    json2.js
		    2013-05-26

		    Public Domain.

		    NO WARRANTY EXPRESSED OR IMPLIED. USE AT YOUR OWN RISK.

		    See http://www.JSON.org/js.html


		    This code should be minified before deployment.
		    See http://javascript.crockford.com/jsmin.html

		    USE YOUR OWN COPY. IT IS EXTREMELY UNWISE TO LOAD CODE FROM SERVERS YOU DO
		    NOT CONTROL.


		    This file creates a global JSON object containing two methods: stringify
		    and parse.

		        JSON.stringify(value, replacer, space)
		            value       any JavaScript value, usually an object or array.

		            replacer    an optional parameter that determines how object
		                        values are stringified for objects. It can be a
		                        function or an array of strings.

		            space       an optional parameter that specifies the indentation
		                        of nested structures. If it is omitted, the text will
		                        be packed without extra whitespace. If it is a number,
		                        it will specify the number of spaces to indent at each
		                        level. If it is a string (such as '\t' or '&nbsp;'),
		                        it contains the characters used to indent at each level.

		            This method produces a JSON text from a JavaScript value.

		            When an object value is found, if the object contains a toJSON
		            method, its toJSON method will be called and the result will be
		            stringified. A toJSON method does not serialize: it returns the
		            value represented by the name/value pair that should be serialized,
		            or undefined if nothing should be serialized. The toJSON method
		            will be passed the key associated with the value, and this will be
		            bound to the value

		            For example, this would serialize Dates as ISO strings.

		                Date.prototype.toJSON = function (key) {
		                    function f(n) {
		                        // Format integers to have at least two digits.
		                        return n < 10 ? '0' + n : n;
		                    }

		                    return this.getUTCFullYear()   + '-' +
		                         f(this.getUTCMonth() + 1) + '-' +
		                         f(this.getUTCDate())      + 'T' +
		                         f(this.getUTCHours())     + ':' +
		                         f(this.getUTCMinutes())   + ':' +
		                         f(this.getUTCSeconds())   + 'Z';
		                };

		            You can provide an optional replacer method. It will be passed the
		            key and value of each member, with this bound to the containing
		            object. The value that is returned from your method will be
		            serialized. If your method returns undefined, then the member will
		            be excluded from the serialization.

		            If the replacer parameter is an array of strings, then it will be
		            used to select the members to be serialized. It filters the results
		            such that only members with keys listed in the replacer array are
		            stringified.

		            Values that do not have JSON representations, such as undefined or
		            functions, will not be serialized. Such values in objects will be
		            dropped; in arrays they will be replaced with null. You can use
		            a replacer function to replace those with JSON values.
		            JSON.stringify(undefined) returns undefined.

		            The optional space parameter produces a stringification of the
		            value that is filled with line breaks and indentation to make it
		            easier to read.

		            If the space parameter is a non-empty string, then that string will
		            be used for indentation. If the space parameter is a number, then
		            the indentation will be that many spaces.

		            Example:

		            text = JSON.stringify(['e', {pluribus: 'unum'}]);
		            // text is '["e",{"pluribus":"unum"}]'


		            text = JSON.stringify(['e', {pluribus: 'unum'}], null, '\t');
		            // text is '[\n\t"e",\n\t{\n\t\t"pluribus": "unum"\n\t}\n]'

		            text = JSON.stringify([new Date()], function (key, value) {
		                return this[key] instanceof Date ?
		                    'Date(' + this[key] + ')' : value;
		            });
		            // text is '["Date(---current time---)"]'


		        JSON.parse(text, reviver)
		            This method parses a JSON text to produce an object or array.
		            It can throw a SyntaxError exception.

		            The optional reviver parameter is a function that can filter and
		            transform the results. It receives each of the keys and values,
		            and its return value is used instead of the original value.
		            If it returns what it received, then the structure is not modified.
		            If it returns undefined then the member is deleted.

		            Example:

		            // Parse the text. Values that look like ISO date strings will
		            // be converted to Date objects.

		            myData = JSON.parse(text, function (key, value) {
		                var a;
		                if (typeof value === 'string') {
		                    a =
		/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2}(?:\.\d*)?)Z$/.exec(value);
		                    if (a) {
		                        return new Date(Date.UTC(+a[1], +a[2] - 1, +a[3], +a[4],
		                            +a[5], +a[6]));
		                    }
		                }
		                return value;
		            });

		            myData = JSON.parse('["Date(09/09/2001)"]', function (key, value) {
		                var d;
		                if (typeof value === 'string' &&
		                        value.slice(0, 5) === 'Date(' &&
		                        value.slice(-1) === ')') {
		                    d = new Date(value.slice(5, -1));
		                    if (d) {
		                        return d;
		                    }
		                }
		                return value;
		            });


		    This is a reference implementation. You are free to copy, modify, or
		    redistribute.
		*/

		/*jslint evil: true, regexp: true */

		/*members "", "\b", "\t", "\n", "\f", "\r", "\"", JSON, "\\", apply,
		    call, charCodeAt, getUTCDate, getUTCFullYear, getUTCHours,
		    getUTCMinutes, getUTCMonth, getUTCSeconds, hasOwnProperty, join,
		    lastIndex, length, parse, prototype, push, replace, slice, stringify,
		    test, toJSON, toString, valueOf
		*/


		// Create a JSON object only if one does not already exist. We create the
		// methods in a closure to avoid creating global variables.

		var JSON = module.exports;

		(function () {

		    var escapable = /[\\\"\x00-\x1f\x7f-\x9f\u00ad\u0600-\u0604\u070f\u17b4\u17b5\u200c-\u200f\u2028-\u202f\u2060-\u206f\ufeff\ufff0-\uffff]/g,
		        gap,
		        indent,
		        meta = {    // table of character substitutions
		            '\b': '\\b',
		            '\t': '\\t',
		            '\n': '\\n',
		            '\f': '\\f',
		            '\r': '\\r',
		            '"' : '\\"',
		            '\\': '\\\\'
		        },
		        rep;


		    function quote(string) {

		// If the string contains no control characters, no quote characters, and no
		// backslash characters, then we can safely slap some quotes around it.
		// Otherwise we must also replace the offending characters with safe escape
		// sequences.

		        escapable.lastIndex = 0;
		        return escapable.test(string) ? '"' + string.replace(escapable, function (a) {
		            var c = meta[a];
		            return typeof c === 'string'
		                ? c
		                : '\\u' + ('0000' + a.charCodeAt(0).toString(16)).slice(-4);
		        }) + '"' : '"' + string + '"';
		    }


		    function str(key, holder) {

		// Produce a string from holder[key].

		        var i,          // The loop counter.
		            k,          // The member key.
		            v,          // The member value.
		            length,
		            mind = gap,
		            partial,
		            value = holder[key],
		            isBigNumber = value != null && (value instanceof BigNumber || BigNumber.isBigNumber(value));

		// If the value has a toJSON method, call it to obtain a replacement value.

		        if (value && typeof value === 'object' &&
		                typeof value.toJSON === 'function') {
		            value = value.toJSON(key);
		        }

		// If we were called with a replacer function, then call the replacer to
		// obtain a replacement value.

		        if (typeof rep === 'function') {
		            value = rep.call(holder, key, value);
		        }

		// What happens next depends on the value's type.

		        switch (typeof value) {
		        case 'string':
		            if (isBigNumber) {
		                return value;
		            } else {
		                return quote(value);
		            }

		        case 'number':

		// JSON numbers must be finite. Encode non-finite numbers as null.

		            return isFinite(value) ? String(value) : 'null';

		        case 'boolean':
		        case 'null':
		        case 'bigint':

		// If the value is a boolean or null, convert it to a string. Note:
		// typeof null does not produce 'null'. The case is included here in
		// the remote chance that this gets fixed someday.

		            return String(value);

		// If the type is 'object', we might be dealing with an object or an array or
		// null.

		        case 'object':

		// Due to a specification blunder in ECMAScript, typeof null is 'object',
		// so watch out for that case.

		            if (!value) {
		                return 'null';
		            }

		// Make an array to hold the partial results of stringifying this object value.

		            gap += indent;
		            partial = [];

		// Is the value an array?

		            if (Object.prototype.toString.apply(value) === '[object Array]') {

		// The value is an array. Stringify every element. Use null as a placeholder
		// for non-JSON values.

		                length = value.length;
		                for (i = 0; i < length; i += 1) {
		                    partial[i] = str(i, value) || 'null';
		                }

		// Join all of the elements together, separated with commas, and wrap them in
		// brackets.

		                v = partial.length === 0
		                    ? '[]'
		                    : gap
		                    ? '[\n' + gap + partial.join(',\n' + gap) + '\n' + mind + ']'
		                    : '[' + partial.join(',') + ']';
		                gap = mind;
		                return v;
		            }

		// If the replacer is an array, use it to select the members to be stringified.

		            if (rep && typeof rep === 'object') {
		                length = rep.length;
		                for (i = 0; i < length; i += 1) {
		                    if (typeof rep[i] === 'string') {
		                        k = rep[i];
		                        v = str(k, value);
		                        if (v) {
		                            partial.push(quote(k) + (gap ? ': ' : ':') + v);
		                        }
		                    }
		                }
		            } else {

		// Otherwise, iterate through all of the keys in the object.

		                Object.keys(value).forEach(function(k) {
		                    var v = str(k, value);
		                    if (v) {
		                        partial.push(quote(k) + (gap ? ': ' : ':') + v);
		                    }
		                });
		            }

		// Join all of the member texts together, separated with commas,
		// and wrap them in braces.

		            v = partial.length === 0
		                ? '{}'
		                : gap
		                ? '{\n' + gap + partial.join(',\n' + gap) + '\n' + mind + '}'
		                : '{' + partial.join(',') + '}';
		            gap = mind;
		            return v;
		        }
		    }

		// If the JSON object does not yet have a stringify method, give it one.

		    if (typeof JSON.stringify !== 'function') {
		        JSON.stringify = function (value, replacer, space) {

		// The stringify method takes a value and an optional replacer, and an optional
		// space parameter, and returns a JSON text. The replacer can be a function
		// that can replace values, or an array of strings that will select the keys.
		// A default replacer method can be provided. Use of the space parameter can
		// produce text that is more easily readable.

		            var i;
		            gap = '';
		            indent = '';

		// If the space parameter is a number, make an indent string containing that
		// many spaces.

		            if (typeof space === 'number') {
		                for (i = 0; i < space; i += 1) {
		                    indent += ' ';
		                }

		// If the space parameter is a string, it will be used as the indent string.

		            } else if (typeof space === 'string') {
		                indent = space;
		            }

		// If there is a replacer, it must be a function or an array.
		// Otherwise, throw an error.

		            rep = replacer;
		            if (replacer && typeof replacer !== 'function' &&
		                    (typeof replacer !== 'object' ||
		                    typeof replacer.length !== 'number')) {
		                throw new Error('JSON.stringify');
		            }

		// Make a fake root object containing our value under the key of ''.
		// Return the result of stringifying the value.

		            return str('', {'': value});
		        };
		    }
		}()); 
	} (stringify));
	return stringify.exports;
}

var parse;
var hasRequiredParse;

function requireParse () {
	if (hasRequiredParse) return parse;
	hasRequiredParse = 1;
	var BigNumber = null;

	// regexpxs extracted from
	// (c) BSD-3-Clause
	// https://github.com/fastify/secure-json-parse/graphs/contributors and https://github.com/hapijs/bourne/graphs/contributors

	const suspectProtoRx = /(?:_|\\u005[Ff])(?:_|\\u005[Ff])(?:p|\\u0070)(?:r|\\u0072)(?:o|\\u006[Ff])(?:t|\\u0074)(?:o|\\u006[Ff])(?:_|\\u005[Ff])(?:_|\\u005[Ff])/;
	const suspectConstructorRx = /(?:c|\\u0063)(?:o|\\u006[Ff])(?:n|\\u006[Ee])(?:s|\\u0073)(?:t|\\u0074)(?:r|\\u0072)(?:u|\\u0075)(?:c|\\u0063)(?:t|\\u0074)(?:o|\\u006[Ff])(?:r|\\u0072)/;

	/*
	    json_parse.js
	    2012-06-20

	    Public Domain.

	    NO WARRANTY EXPRESSED OR IMPLIED. USE AT YOUR OWN RISK.

	    This file creates a json_parse function.
	    During create you can (optionally) specify some behavioural switches

	        require('json-bigint')(options)

	            The optional options parameter holds switches that drive certain
	            aspects of the parsing process:
	            * options.strict = true will warn about duplicate-key usage in the json.
	              The default (strict = false) will silently ignore those and overwrite
	              values for keys that are in duplicate use.

	    The resulting function follows this signature:
	        json_parse(text, reviver)
	            This method parses a JSON text to produce an object or array.
	            It can throw a SyntaxError exception.

	            The optional reviver parameter is a function that can filter and
	            transform the results. It receives each of the keys and values,
	            and its return value is used instead of the original value.
	            If it returns what it received, then the structure is not modified.
	            If it returns undefined then the member is deleted.

	            Example:

	            // Parse the text. Values that look like ISO date strings will
	            // be converted to Date objects.

	            myData = json_parse(text, function (key, value) {
	                var a;
	                if (typeof value === 'string') {
	                    a =
	/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2}(?:\.\d*)?)Z$/.exec(value);
	                    if (a) {
	                        return new Date(Date.UTC(+a[1], +a[2] - 1, +a[3], +a[4],
	                            +a[5], +a[6]));
	                    }
	                }
	                return value;
	            });

	    This is a reference implementation. You are free to copy, modify, or
	    redistribute.

	    This code should be minified before deployment.
	    See http://javascript.crockford.com/jsmin.html

	    USE YOUR OWN COPY. IT IS EXTREMELY UNWISE TO LOAD CODE FROM SERVERS YOU DO
	    NOT CONTROL.
	*/

	/*members "", "\"", "\/", "\\", at, b, call, charAt, f, fromCharCode,
	    hasOwnProperty, message, n, name, prototype, push, r, t, text
	*/

	var json_parse = function (options) {

	  // This is a function that can parse a JSON text, producing a JavaScript
	  // data structure. It is a simple, recursive descent parser. It does not use
	  // eval or regular expressions, so it can be used as a model for implementing
	  // a JSON parser in other languages.

	  // We are defining the function inside of another function to avoid creating
	  // global variables.

	  // Default options one can override by passing options to the parse()
	  var _options = {
	    strict: false, // not being strict means do not generate syntax errors for "duplicate key"
	    storeAsString: false, // toggles whether the values should be stored as BigNumber (default) or a string
	    alwaysParseAsBig: false, // toggles whether all numbers should be Big
	    useNativeBigInt: false, // toggles whether to use native BigInt instead of bignumber.js
	    protoAction: 'error',
	    constructorAction: 'error',
	  };

	  // If there are options, then use them to override the default _options
	  if (options !== undefined && options !== null) {
	    if (options.strict === true) {
	      _options.strict = true;
	    }
	    if (options.storeAsString === true) {
	      _options.storeAsString = true;
	    }
	    _options.alwaysParseAsBig =
	      options.alwaysParseAsBig === true ? options.alwaysParseAsBig : false;
	    _options.useNativeBigInt =
	      options.useNativeBigInt === true ? options.useNativeBigInt : false;

	    if (typeof options.constructorAction !== 'undefined') {
	      if (
	        options.constructorAction === 'error' ||
	        options.constructorAction === 'ignore' ||
	        options.constructorAction === 'preserve'
	      ) {
	        _options.constructorAction = options.constructorAction;
	      } else {
	        throw new Error(
	          `Incorrect value for constructorAction option, must be "error", "ignore" or undefined but passed ${options.constructorAction}`
	        );
	      }
	    }

	    if (typeof options.protoAction !== 'undefined') {
	      if (
	        options.protoAction === 'error' ||
	        options.protoAction === 'ignore' ||
	        options.protoAction === 'preserve'
	      ) {
	        _options.protoAction = options.protoAction;
	      } else {
	        throw new Error(
	          `Incorrect value for protoAction option, must be "error", "ignore" or undefined but passed ${options.protoAction}`
	        );
	      }
	    }
	  }

	  var at, // The index of the current character
	    ch, // The current character
	    escapee = {
	      '"': '"',
	      '\\': '\\',
	      '/': '/',
	      b: '\b',
	      f: '\f',
	      n: '\n',
	      r: '\r',
	      t: '\t',
	    },
	    text,
	    error = function (m) {
	      // Call error when something is wrong.

	      throw {
	        name: 'SyntaxError',
	        message: m,
	        at: at,
	        text: text,
	      };
	    },
	    next = function (c) {
	      // If a c parameter is provided, verify that it matches the current character.

	      if (c && c !== ch) {
	        error("Expected '" + c + "' instead of '" + ch + "'");
	      }

	      // Get the next character. When there are no more characters,
	      // return the empty string.

	      ch = text.charAt(at);
	      at += 1;
	      return ch;
	    },
	    number = function () {
	      // Parse a number value.

	      var number,
	        string = '';

	      if (ch === '-') {
	        string = '-';
	        next('-');
	      }
	      while (ch >= '0' && ch <= '9') {
	        string += ch;
	        next();
	      }
	      if (ch === '.') {
	        string += '.';
	        while (next() && ch >= '0' && ch <= '9') {
	          string += ch;
	        }
	      }
	      if (ch === 'e' || ch === 'E') {
	        string += ch;
	        next();
	        if (ch === '-' || ch === '+') {
	          string += ch;
	          next();
	        }
	        while (ch >= '0' && ch <= '9') {
	          string += ch;
	          next();
	        }
	      }
	      number = +string;
	      if (!isFinite(number)) {
	        error('Bad number');
	      } else {
	        if (BigNumber == null) BigNumber = requireBignumber();
	        //if (number > 9007199254740992 || number < -9007199254740992)
	        // Bignumber has stricter check: everything with length > 15 digits disallowed
	        if (string.length > 15)
	          return _options.storeAsString
	            ? string
	            : _options.useNativeBigInt
	            ? BigInt(string)
	            : new BigNumber(string);
	        else
	          return !_options.alwaysParseAsBig
	            ? number
	            : _options.useNativeBigInt
	            ? BigInt(number)
	            : new BigNumber(number);
	      }
	    },
	    string = function () {
	      // Parse a string value.

	      var hex,
	        i,
	        string = '',
	        uffff;

	      // When parsing for string values, we must look for " and \ characters.

	      if (ch === '"') {
	        var startAt = at;
	        while (next()) {
	          if (ch === '"') {
	            if (at - 1 > startAt) string += text.substring(startAt, at - 1);
	            next();
	            return string;
	          }
	          if (ch === '\\') {
	            if (at - 1 > startAt) string += text.substring(startAt, at - 1);
	            next();
	            if (ch === 'u') {
	              uffff = 0;
	              for (i = 0; i < 4; i += 1) {
	                hex = parseInt(next(), 16);
	                if (!isFinite(hex)) {
	                  break;
	                }
	                uffff = uffff * 16 + hex;
	              }
	              string += String.fromCharCode(uffff);
	            } else if (typeof escapee[ch] === 'string') {
	              string += escapee[ch];
	            } else {
	              break;
	            }
	            startAt = at;
	          }
	        }
	      }
	      error('Bad string');
	    },
	    white = function () {
	      // Skip whitespace.

	      while (ch && ch <= ' ') {
	        next();
	      }
	    },
	    word = function () {
	      // true, false, or null.

	      switch (ch) {
	        case 't':
	          next('t');
	          next('r');
	          next('u');
	          next('e');
	          return true;
	        case 'f':
	          next('f');
	          next('a');
	          next('l');
	          next('s');
	          next('e');
	          return false;
	        case 'n':
	          next('n');
	          next('u');
	          next('l');
	          next('l');
	          return null;
	      }
	      error("Unexpected '" + ch + "'");
	    },
	    value, // Place holder for the value function.
	    array = function () {
	      // Parse an array value.

	      var array = [];

	      if (ch === '[') {
	        next('[');
	        white();
	        if (ch === ']') {
	          next(']');
	          return array; // empty array
	        }
	        while (ch) {
	          array.push(value());
	          white();
	          if (ch === ']') {
	            next(']');
	            return array;
	          }
	          next(',');
	          white();
	        }
	      }
	      error('Bad array');
	    },
	    object = function () {
	      // Parse an object value.

	      var key,
	        object = Object.create(null);

	      if (ch === '{') {
	        next('{');
	        white();
	        if (ch === '}') {
	          next('}');
	          return object; // empty object
	        }
	        while (ch) {
	          key = string();
	          white();
	          next(':');
	          if (
	            _options.strict === true &&
	            Object.hasOwnProperty.call(object, key)
	          ) {
	            error('Duplicate key "' + key + '"');
	          }

	          if (suspectProtoRx.test(key) === true) {
	            if (_options.protoAction === 'error') {
	              error('Object contains forbidden prototype property');
	            } else if (_options.protoAction === 'ignore') {
	              value();
	            } else {
	              object[key] = value();
	            }
	          } else if (suspectConstructorRx.test(key) === true) {
	            if (_options.constructorAction === 'error') {
	              error('Object contains forbidden constructor property');
	            } else if (_options.constructorAction === 'ignore') {
	              value();
	            } else {
	              object[key] = value();
	            }
	          } else {
	            object[key] = value();
	          }

	          white();
	          if (ch === '}') {
	            next('}');
	            return object;
	          }
	          next(',');
	          white();
	        }
	      }
	      error('Bad object');
	    };

	  value = function () {
	    // Parse a JSON value. It could be an object, an array, a string, a number,
	    // or a word.

	    white();
	    switch (ch) {
	      case '{':
	        return object();
	      case '[':
	        return array();
	      case '"':
	        return string();
	      case '-':
	        return number();
	      default:
	        return ch >= '0' && ch <= '9' ? number() : word();
	    }
	  };

	  // Return the json_parse function. It will have access to all of the above
	  // functions and variables.

	  return function (source, reviver) {
	    var result;

	    text = source + '';
	    at = 0;
	    ch = ' ';
	    result = value();
	    white();
	    if (ch) {
	      error('Syntax error');
	    }

	    // If there is a reviver function, we recursively walk the new structure,
	    // passing each name/value pair to the reviver function for possible
	    // transformation, starting with a temporary root object that holds the result
	    // in an empty key. If there is not a reviver function, we simply return the
	    // result.

	    return typeof reviver === 'function'
	      ? (function walk(holder, key) {
	          var v,
	            value = holder[key];
	          if (value && typeof value === 'object') {
	            Object.keys(value).forEach(function (k) {
	              v = walk(value, k);
	              if (v !== undefined) {
	                value[k] = v;
	              } else {
	                delete value[k];
	              }
	            });
	          }
	          return reviver.call(holder, key, value);
	        })({ '': result }, '')
	      : result;
	  };
	};

	parse = json_parse;
	return parse;
}

var hasRequiredJsonBigint;

function requireJsonBigint () {
	if (hasRequiredJsonBigint) return jsonBigint.exports;
	hasRequiredJsonBigint = 1;
	var json_stringify = requireStringify().stringify;
	var json_parse     = requireParse();

	jsonBigint.exports = function(options) {
	    return  {
	        parse: json_parse(options),
	        stringify: json_stringify
	    }
	};
	//create the default method members with no options applied for backwards compatibility
	jsonBigint.exports.parse = json_parse();
	jsonBigint.exports.stringify = json_stringify;
	return jsonBigint.exports;
}

var gcpResidency = {};

var hasRequiredGcpResidency;

function requireGcpResidency () {
	if (hasRequiredGcpResidency) return gcpResidency;
	hasRequiredGcpResidency = 1;
	(function (exports) {
		/**
		 * Copyright 2022 Google LLC
		 *
		 * Licensed under the Apache License, Version 2.0 (the "License");
		 * you may not use this file except in compliance with the License.
		 * You may obtain a copy of the License at
		 *
		 *      http://www.apache.org/licenses/LICENSE-2.0
		 *
		 * Unless required by applicable law or agreed to in writing, software
		 * distributed under the License is distributed on an "AS IS" BASIS,
		 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
		 * See the License for the specific language governing permissions and
		 * limitations under the License.
		 */
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.GCE_LINUX_BIOS_PATHS = void 0;
		exports.isGoogleCloudServerless = isGoogleCloudServerless;
		exports.isGoogleComputeEngineLinux = isGoogleComputeEngineLinux;
		exports.isGoogleComputeEngineMACAddress = isGoogleComputeEngineMACAddress;
		exports.isGoogleComputeEngine = isGoogleComputeEngine;
		exports.detectGCPResidency = detectGCPResidency;
		const fs_1 = require$$0$2;
		const os_1 = require$$1$1;
		/**
		 * Known paths unique to Google Compute Engine Linux instances
		 */
		exports.GCE_LINUX_BIOS_PATHS = {
		    BIOS_DATE: '/sys/class/dmi/id/bios_date',
		    BIOS_VENDOR: '/sys/class/dmi/id/bios_vendor',
		};
		const GCE_MAC_ADDRESS_REGEX = /^42:01/;
		/**
		 * Determines if the process is running on a Google Cloud Serverless environment (Cloud Run or Cloud Functions instance).
		 *
		 * Uses the:
		 * - {@link https://cloud.google.com/run/docs/container-contract#env-vars Cloud Run environment variables}.
		 * - {@link https://cloud.google.com/functions/docs/env-var Cloud Functions environment variables}.
		 *
		 * @returns {boolean} `true` if the process is running on GCP serverless, `false` otherwise.
		 */
		function isGoogleCloudServerless() {
		    /**
		     * `CLOUD_RUN_JOB` is used for Cloud Run Jobs
		     * - See {@link https://cloud.google.com/run/docs/container-contract#env-vars Cloud Run environment variables}.
		     *
		     * `FUNCTION_NAME` is used in older Cloud Functions environments:
		     * - See {@link https://cloud.google.com/functions/docs/env-var Python 3.7 and Go 1.11}.
		     *
		     * `K_SERVICE` is used in Cloud Run and newer Cloud Functions environments:
		     * - See {@link https://cloud.google.com/run/docs/container-contract#env-vars Cloud Run environment variables}.
		     * - See {@link https://cloud.google.com/functions/docs/env-var Cloud Functions newer runtimes}.
		     */
		    const isGFEnvironment = process.env.CLOUD_RUN_JOB ||
		        process.env.FUNCTION_NAME ||
		        process.env.K_SERVICE;
		    return !!isGFEnvironment;
		}
		/**
		 * Determines if the process is running on a Linux Google Compute Engine instance.
		 *
		 * @returns {boolean} `true` if the process is running on Linux GCE, `false` otherwise.
		 */
		function isGoogleComputeEngineLinux() {
		    if ((0, os_1.platform)() !== 'linux')
		        return false;
		    try {
		        // ensure this file exist
		        (0, fs_1.statSync)(exports.GCE_LINUX_BIOS_PATHS.BIOS_DATE);
		        // ensure this file exist and matches
		        const biosVendor = (0, fs_1.readFileSync)(exports.GCE_LINUX_BIOS_PATHS.BIOS_VENDOR, 'utf8');
		        return /Google/.test(biosVendor);
		    }
		    catch {
		        return false;
		    }
		}
		/**
		 * Determines if the process is running on a Google Compute Engine instance with a known
		 * MAC address.
		 *
		 * @returns {boolean} `true` if the process is running on GCE (as determined by MAC address), `false` otherwise.
		 */
		function isGoogleComputeEngineMACAddress() {
		    const interfaces = (0, os_1.networkInterfaces)();
		    for (const item of Object.values(interfaces)) {
		        if (!item)
		            continue;
		        for (const { mac } of item) {
		            if (GCE_MAC_ADDRESS_REGEX.test(mac)) {
		                return true;
		            }
		        }
		    }
		    return false;
		}
		/**
		 * Determines if the process is running on a Google Compute Engine instance.
		 *
		 * @returns {boolean} `true` if the process is running on GCE, `false` otherwise.
		 */
		function isGoogleComputeEngine() {
		    return isGoogleComputeEngineLinux() || isGoogleComputeEngineMACAddress();
		}
		/**
		 * Determines if the process is running on Google Cloud Platform.
		 *
		 * @returns {boolean} `true` if the process is running on GCP, `false` otherwise.
		 */
		function detectGCPResidency() {
		    return isGoogleCloudServerless() || isGoogleComputeEngine();
		}
		
	} (gcpResidency));
	return gcpResidency;
}

var src = {};

var loggingUtils = {};

var colours = {};

var hasRequiredColours;

function requireColours () {
	if (hasRequiredColours) return colours;
	hasRequiredColours = 1;
	// Copyright 2024 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//     https://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(colours, "__esModule", { value: true });
	colours.Colours = void 0;
	/**
	 * Handles figuring out if we can use ANSI colours and handing out the escape codes.
	 *
	 * This is for package-internal use only, and may change at any time.
	 *
	 * @private
	 * @internal
	 */
	class Colours {
	    /**
	     * @param stream The stream (e.g. process.stderr)
	     * @returns true if the stream should have colourization enabled
	     */
	    static isEnabled(stream) {
	        return (stream && // May happen in browsers.
	            stream.isTTY &&
	            (typeof stream.getColorDepth === 'function'
	                ? stream.getColorDepth() > 2
	                : true));
	    }
	    static refresh() {
	        Colours.enabled = Colours.isEnabled(process === null || process === void 0 ? void 0 : process.stderr);
	        if (!this.enabled) {
	            Colours.reset = '';
	            Colours.bright = '';
	            Colours.dim = '';
	            Colours.red = '';
	            Colours.green = '';
	            Colours.yellow = '';
	            Colours.blue = '';
	            Colours.magenta = '';
	            Colours.cyan = '';
	            Colours.white = '';
	            Colours.grey = '';
	        }
	        else {
	            Colours.reset = '\u001b[0m';
	            Colours.bright = '\u001b[1m';
	            Colours.dim = '\u001b[2m';
	            Colours.red = '\u001b[31m';
	            Colours.green = '\u001b[32m';
	            Colours.yellow = '\u001b[33m';
	            Colours.blue = '\u001b[34m';
	            Colours.magenta = '\u001b[35m';
	            Colours.cyan = '\u001b[36m';
	            Colours.white = '\u001b[37m';
	            Colours.grey = '\u001b[90m';
	        }
	    }
	}
	colours.Colours = Colours;
	Colours.enabled = false;
	Colours.reset = '';
	Colours.bright = '';
	Colours.dim = '';
	Colours.red = '';
	Colours.green = '';
	Colours.yellow = '';
	Colours.blue = '';
	Colours.magenta = '';
	Colours.cyan = '';
	Colours.white = '';
	Colours.grey = '';
	Colours.refresh();
	
	return colours;
}

var hasRequiredLoggingUtils;

function requireLoggingUtils () {
	if (hasRequiredLoggingUtils) return loggingUtils;
	hasRequiredLoggingUtils = 1;
	(function (exports) {
		// Copyright 2021-2024 Google LLC
		//
		// Licensed under the Apache License, Version 2.0 (the "License");
		// you may not use this file except in compliance with the License.
		// You may obtain a copy of the License at
		//
		//     https://www.apache.org/licenses/LICENSE-2.0
		//
		// Unless required by applicable law or agreed to in writing, software
		// distributed under the License is distributed on an "AS IS" BASIS,
		// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
		// See the License for the specific language governing permissions and
		// limitations under the License.
		var __createBinding = (loggingUtils && loggingUtils.__createBinding) || (Object.create ? (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    var desc = Object.getOwnPropertyDescriptor(m, k);
		    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
		      desc = { enumerable: true, get: function() { return m[k]; } };
		    }
		    Object.defineProperty(o, k2, desc);
		}) : (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    o[k2] = m[k];
		}));
		var __setModuleDefault = (loggingUtils && loggingUtils.__setModuleDefault) || (Object.create ? (function(o, v) {
		    Object.defineProperty(o, "default", { enumerable: true, value: v });
		}) : function(o, v) {
		    o["default"] = v;
		});
		var __importStar = (loggingUtils && loggingUtils.__importStar) || (function () {
		    var ownKeys = function(o) {
		        ownKeys = Object.getOwnPropertyNames || function (o) {
		            var ar = [];
		            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
		            return ar;
		        };
		        return ownKeys(o);
		    };
		    return function (mod) {
		        if (mod && mod.__esModule) return mod;
		        var result = {};
		        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
		        __setModuleDefault(result, mod);
		        return result;
		    };
		})();
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.env = exports.DebugLogBackendBase = exports.placeholder = exports.AdhocDebugLogger = exports.LogSeverity = void 0;
		exports.getNodeBackend = getNodeBackend;
		exports.getDebugBackend = getDebugBackend;
		exports.getStructuredBackend = getStructuredBackend;
		exports.setBackend = setBackend;
		exports.log = log;
		const events_1 = require$$0$4;
		const process = __importStar(require$$0$3);
		const util = __importStar(require$$2);
		const colours_1 = requireColours();
		// Some functions (as noted) are based on the Node standard library, from
		// the following file:
		//
		// https://github.com/nodejs/node/blob/main/lib/internal/util/debuglog.js
		/**
		 * This module defines an ad-hoc debug logger for Google Cloud Platform
		 * client libraries in Node. An ad-hoc debug logger is a tool which lets
		 * users use an external, unified interface (in this case, environment
		 * variables) to determine what logging they want to see at runtime. This
		 * isn't necessarily fed into the console, but is meant to be under the
		 * control of the user. The kind of logging that will be produced by this
		 * is more like "call retry happened", not "events you'd want to record
		 * in Cloud Logger".
		 *
		 * More for Googlers implementing libraries with it:
		 * go/cloud-client-logging-design
		 */
		/**
		 * Possible log levels. These are a subset of Cloud Observability levels.
		 * https://cloud.google.com/logging/docs/reference/v2/rest/v2/LogEntry#LogSeverity
		 */
		var LogSeverity;
		(function (LogSeverity) {
		    LogSeverity["DEFAULT"] = "DEFAULT";
		    LogSeverity["DEBUG"] = "DEBUG";
		    LogSeverity["INFO"] = "INFO";
		    LogSeverity["WARNING"] = "WARNING";
		    LogSeverity["ERROR"] = "ERROR";
		})(LogSeverity || (exports.LogSeverity = LogSeverity = {}));
		/**
		 * Our logger instance. This actually contains the meat of dealing
		 * with log lines, including EventEmitter. This contains the function
		 * that will be passed back to users of the package.
		 */
		class AdhocDebugLogger extends events_1.EventEmitter {
		    /**
		     * @param upstream The backend will pass a function that will be
		     *   called whenever our logger function is invoked.
		     */
		    constructor(namespace, upstream) {
		        super();
		        this.namespace = namespace;
		        this.upstream = upstream;
		        this.func = Object.assign(this.invoke.bind(this), {
		            // Also add an instance pointer back to us.
		            instance: this,
		            // And pull over the EventEmitter functionality.
		            on: (event, listener) => this.on(event, listener),
		        });
		        // Convenience methods for log levels.
		        this.func.debug = (...args) => this.invokeSeverity(LogSeverity.DEBUG, ...args);
		        this.func.info = (...args) => this.invokeSeverity(LogSeverity.INFO, ...args);
		        this.func.warn = (...args) => this.invokeSeverity(LogSeverity.WARNING, ...args);
		        this.func.error = (...args) => this.invokeSeverity(LogSeverity.ERROR, ...args);
		        this.func.sublog = (namespace) => log(namespace, this.func);
		    }
		    invoke(fields, ...args) {
		        // Push out any upstream logger first.
		        if (this.upstream) {
		            try {
		                this.upstream(fields, ...args);
		            }
		            catch (e) {
		                // Swallow exceptions to avoid interfering with other logging.
		            }
		        }
		        // Emit sink events.
		        try {
		            this.emit('log', fields, args);
		        }
		        catch (e) {
		            // Swallow exceptions to avoid interfering with other logging.
		        }
		    }
		    invokeSeverity(severity, ...args) {
		        this.invoke({ severity }, ...args);
		    }
		}
		exports.AdhocDebugLogger = AdhocDebugLogger;
		/**
		 * This can be used in place of a real logger while waiting for Promises or disabling logging.
		 */
		exports.placeholder = new AdhocDebugLogger('', () => { }).func;
		/**
		 * The base class for debug logging backends. It's possible to use this, but the
		 * same non-guarantees above still apply (unstable interface, etc).
		 *
		 * @private
		 * @internal
		 */
		class DebugLogBackendBase {
		    constructor() {
		        var _a;
		        this.cached = new Map();
		        this.filters = [];
		        this.filtersSet = false;
		        // Look for the Node config variable for what systems to enable. We'll store
		        // these for the log method below, which will call setFilters() once.
		        let nodeFlag = (_a = process.env[exports.env.nodeEnables]) !== null && _a !== void 0 ? _a : '*';
		        if (nodeFlag === 'all') {
		            nodeFlag = '*';
		        }
		        this.filters = nodeFlag.split(',');
		    }
		    log(namespace, fields, ...args) {
		        try {
		            if (!this.filtersSet) {
		                this.setFilters();
		                this.filtersSet = true;
		            }
		            let logger = this.cached.get(namespace);
		            if (!logger) {
		                logger = this.makeLogger(namespace);
		                this.cached.set(namespace, logger);
		            }
		            logger(fields, ...args);
		        }
		        catch (e) {
		            // Silently ignore all errors; we don't want them to interfere with
		            // the user's running app.
		            // e;
		            console.error(e);
		        }
		    }
		}
		exports.DebugLogBackendBase = DebugLogBackendBase;
		// The basic backend. This one definitely works, but it's less feature-filled.
		//
		// Rather than using util.debuglog, this implements the same basic logic directly.
		// The reason for this decision is that debuglog checks the value of the
		// NODE_DEBUG environment variable before any user code runs; we therefore
		// can't pipe our own enables into it (and util.debuglog will never print unless
		// the user duplicates it into NODE_DEBUG, which isn't reasonable).
		//
		class NodeBackend extends DebugLogBackendBase {
		    constructor() {
		        super(...arguments);
		        // Default to allowing all systems, since we gate earlier based on whether the
		        // variable is empty.
		        this.enabledRegexp = /.*/g;
		    }
		    isEnabled(namespace) {
		        return this.enabledRegexp.test(namespace);
		    }
		    makeLogger(namespace) {
		        if (!this.enabledRegexp.test(namespace)) {
		            return () => { };
		        }
		        return (fields, ...args) => {
		            var _a;
		            // TODO: `fields` needs to be turned into a string here, one way or another.
		            const nscolour = `${colours_1.Colours.green}${namespace}${colours_1.Colours.reset}`;
		            const pid = `${colours_1.Colours.yellow}${process.pid}${colours_1.Colours.reset}`;
		            let level;
		            switch (fields.severity) {
		                case LogSeverity.ERROR:
		                    level = `${colours_1.Colours.red}${fields.severity}${colours_1.Colours.reset}`;
		                    break;
		                case LogSeverity.INFO:
		                    level = `${colours_1.Colours.magenta}${fields.severity}${colours_1.Colours.reset}`;
		                    break;
		                case LogSeverity.WARNING:
		                    level = `${colours_1.Colours.yellow}${fields.severity}${colours_1.Colours.reset}`;
		                    break;
		                default:
		                    level = (_a = fields.severity) !== null && _a !== void 0 ? _a : LogSeverity.DEFAULT;
		                    break;
		            }
		            const msg = util.formatWithOptions({ colors: colours_1.Colours.enabled }, ...args);
		            const filteredFields = Object.assign({}, fields);
		            delete filteredFields.severity;
		            const fieldsJson = Object.getOwnPropertyNames(filteredFields).length
		                ? JSON.stringify(filteredFields)
		                : '';
		            const fieldsColour = fieldsJson
		                ? `${colours_1.Colours.grey}${fieldsJson}${colours_1.Colours.reset}`
		                : '';
		            console.error('%s [%s|%s] %s%s', pid, nscolour, level, msg, fieldsJson ? ` ${fieldsColour}` : '');
		        };
		    }
		    // Regexp patterns below are from here:
		    // https://github.com/nodejs/node/blob/c0aebed4b3395bd65d54b18d1fd00f071002ac20/lib/internal/util/debuglog.js#L36
		    setFilters() {
		        const totalFilters = this.filters.join(',');
		        const regexp = totalFilters
		            .replace(/[|\\{}()[\]^$+?.]/g, '\\$&')
		            .replace(/\*/g, '.*')
		            .replace(/,/g, '$|^');
		        this.enabledRegexp = new RegExp(`^${regexp}$`, 'i');
		    }
		}
		/**
		 * @returns A backend based on Node util.debuglog; this is the default.
		 */
		function getNodeBackend() {
		    return new NodeBackend();
		}
		class DebugBackend extends DebugLogBackendBase {
		    constructor(pkg) {
		        super();
		        this.debugPkg = pkg;
		    }
		    makeLogger(namespace) {
		        const debugLogger = this.debugPkg(namespace);
		        return (fields, ...args) => {
		            // TODO: `fields` needs to be turned into a string here.
		            debugLogger(args[0], ...args.slice(1));
		        };
		    }
		    setFilters() {
		        var _a;
		        const existingFilters = (_a = process.env['NODE_DEBUG']) !== null && _a !== void 0 ? _a : '';
		        process.env['NODE_DEBUG'] = `${existingFilters}${existingFilters ? ',' : ''}${this.filters.join(',')}`;
		    }
		}
		/**
		 * Creates a "debug" package backend. The user must call require('debug') and pass
		 * the resulting object to this function.
		 *
		 * ```
		 *  setBackend(getDebugBackend(require('debug')))
		 * ```
		 *
		 * https://www.npmjs.com/package/debug
		 *
		 * Note: Google does not explicitly endorse or recommend this package; it's just
		 * being provided as an option.
		 *
		 * @returns A backend based on the npm "debug" package.
		 */
		function getDebugBackend(debugPkg) {
		    return new DebugBackend(debugPkg);
		}
		/**
		 * This pretty much works like the Node logger, but it outputs structured
		 * logging JSON matching Google Cloud's ingestion specs. Rather than handling
		 * its own output, it wraps another backend. The passed backend must be a subclass
		 * of `DebugLogBackendBase` (any of the backends exposed by this package will work).
		 */
		class StructuredBackend extends DebugLogBackendBase {
		    constructor(upstream) {
		        var _a;
		        super();
		        this.upstream = (_a = upstream) !== null && _a !== void 0 ? _a : undefined;
		    }
		    makeLogger(namespace) {
		        var _a;
		        const debugLogger = (_a = this.upstream) === null || _a === void 0 ? void 0 : _a.makeLogger(namespace);
		        return (fields, ...args) => {
		            var _a;
		            const severity = (_a = fields.severity) !== null && _a !== void 0 ? _a : LogSeverity.INFO;
		            const json = Object.assign({
		                severity,
		                message: util.format(...args),
		            }, fields);
		            const jsonString = JSON.stringify(json);
		            if (debugLogger) {
		                debugLogger(fields, jsonString);
		            }
		            else {
		                console.log('%s', jsonString);
		            }
		        };
		    }
		    setFilters() {
		        var _a;
		        (_a = this.upstream) === null || _a === void 0 ? void 0 : _a.setFilters();
		    }
		}
		/**
		 * Creates a "structured logging" backend. This pretty much works like the
		 * Node logger, but it outputs structured logging JSON matching Google
		 * Cloud's ingestion specs instead of plain text.
		 *
		 * ```
		 *  setBackend(getStructuredBackend())
		 * ```
		 *
		 * @param upstream If you want to use something besides the Node backend to
		 *   write the actual log lines into, pass that here.
		 * @returns A backend based on Google Cloud structured logging.
		 */
		function getStructuredBackend(upstream) {
		    return new StructuredBackend(upstream);
		}
		/**
		 * The environment variables that we standardized on, for all ad-hoc logging.
		 */
		exports.env = {
		    /**
		     * Filter wildcards specific to the Node syntax, and similar to the built-in
		     * utils.debuglog() environment variable. If missing, disables logging.
		     */
		    nodeEnables: 'GOOGLE_SDK_NODE_LOGGING',
		};
		// Keep a copy of all namespaced loggers so users can reliably .on() them.
		// Note that these cached functions will need to deal with changes in the backend.
		const loggerCache = new Map();
		// Our current global backend. This might be:
		let cachedBackend = undefined;
		/**
		 * Set the backend to use for our log output.
		 * - A backend object
		 * - null to disable logging
		 * - undefined for "nothing yet", defaults to the Node backend
		 *
		 * @param backend Results from one of the get*Backend() functions.
		 */
		function setBackend(backend) {
		    cachedBackend = backend;
		    loggerCache.clear();
		}
		/**
		 * Creates a logging function. Multiple calls to this with the same namespace
		 * will produce the same logger, with the same event emitter hooks.
		 *
		 * Namespaces can be a simple string ("system" name), or a qualified string
		 * (system:subsystem), which can be used for filtering, or for "system:*".
		 *
		 * @param namespace The namespace, a descriptive text string.
		 * @returns A function you can call that works similar to console.log().
		 */
		function log(namespace, parent) {
		    // If the enable environment variable isn't set, do nothing. The user
		    // can still choose to set a backend of their choice using the manual
		    // `setBackend()`.
		    if (!cachedBackend) {
		        const enablesFlag = process.env[exports.env.nodeEnables];
		        if (!enablesFlag) {
		            return exports.placeholder;
		        }
		    }
		    // This might happen mostly if the typings are dropped in a user's code,
		    // or if they're calling from JavaScript.
		    if (!namespace) {
		        return exports.placeholder;
		    }
		    // Handle sub-loggers.
		    if (parent) {
		        namespace = `${parent.instance.namespace}:${namespace}`;
		    }
		    // Reuse loggers so things like event sinks are persistent.
		    const existing = loggerCache.get(namespace);
		    if (existing) {
		        return existing.func;
		    }
		    // Do we have a backend yet?
		    if (cachedBackend === null) {
		        // Explicitly disabled.
		        return exports.placeholder;
		    }
		    else if (cachedBackend === undefined) {
		        // One hasn't been made yet, so default to Node.
		        cachedBackend = getNodeBackend();
		    }
		    // The logger is further wrapped so we can handle the backend changing out.
		    const logger = (() => {
		        let previousBackend = undefined;
		        const newLogger = new AdhocDebugLogger(namespace, (fields, ...args) => {
		            if (previousBackend !== cachedBackend) {
		                // Did the user pass a custom backend?
		                if (cachedBackend === null) {
		                    // Explicitly disabled.
		                    return;
		                }
		                else if (cachedBackend === undefined) {
		                    // One hasn't been made yet, so default to Node.
		                    cachedBackend = getNodeBackend();
		                }
		                previousBackend = cachedBackend;
		            }
		            cachedBackend === null || cachedBackend === void 0 ? void 0 : cachedBackend.log(namespace, fields, ...args);
		        });
		        return newLogger;
		    })();
		    loggerCache.set(namespace, logger);
		    return logger.func;
		}
		
	} (loggingUtils));
	return loggingUtils;
}

var hasRequiredSrc$2;

function requireSrc$2 () {
	if (hasRequiredSrc$2) return src;
	hasRequiredSrc$2 = 1;
	(function (exports) {
		// Copyright 2024 Google LLC
		//
		// Licensed under the Apache License, Version 2.0 (the "License");
		// you may not use this file except in compliance with the License.
		// You may obtain a copy of the License at
		//
		//     https://www.apache.org/licenses/LICENSE-2.0
		//
		// Unless required by applicable law or agreed to in writing, software
		// distributed under the License is distributed on an "AS IS" BASIS,
		// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
		// See the License for the specific language governing permissions and
		// limitations under the License.
		var __createBinding = (src && src.__createBinding) || (Object.create ? (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    var desc = Object.getOwnPropertyDescriptor(m, k);
		    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
		      desc = { enumerable: true, get: function() { return m[k]; } };
		    }
		    Object.defineProperty(o, k2, desc);
		}) : (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    o[k2] = m[k];
		}));
		var __exportStar = (src && src.__exportStar) || function(m, exports) {
		    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
		};
		Object.defineProperty(exports, "__esModule", { value: true });
		__exportStar(requireLoggingUtils(), exports);
		
	} (src));
	return src;
}

var hasRequiredSrc$1;

function requireSrc$1 () {
	if (hasRequiredSrc$1) return src$1;
	hasRequiredSrc$1 = 1;
	(function (exports) {
		var __createBinding = (src$1 && src$1.__createBinding) || (Object.create ? (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    var desc = Object.getOwnPropertyDescriptor(m, k);
		    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
		      desc = { enumerable: true, get: function() { return m[k]; } };
		    }
		    Object.defineProperty(o, k2, desc);
		}) : (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    o[k2] = m[k];
		}));
		var __setModuleDefault = (src$1 && src$1.__setModuleDefault) || (Object.create ? (function(o, v) {
		    Object.defineProperty(o, "default", { enumerable: true, value: v });
		}) : function(o, v) {
		    o["default"] = v;
		});
		var __importStar = (src$1 && src$1.__importStar) || (function () {
		    var ownKeys = function(o) {
		        ownKeys = Object.getOwnPropertyNames || function (o) {
		            var ar = [];
		            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
		            return ar;
		        };
		        return ownKeys(o);
		    };
		    return function (mod) {
		        if (mod && mod.__esModule) return mod;
		        var result = {};
		        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
		        __setModuleDefault(result, mod);
		        return result;
		    };
		})();
		var __exportStar = (src$1 && src$1.__exportStar) || function(m, exports) {
		    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
		};
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.gcpResidencyCache = exports.METADATA_SERVER_DETECTION = exports.HEADERS = exports.HEADER_VALUE = exports.HEADER_NAME = exports.SECONDARY_HOST_ADDRESS = exports.HOST_ADDRESS = exports.BASE_PATH = void 0;
		exports.instance = instance;
		exports.project = project;
		exports.universe = universe;
		exports.bulk = bulk;
		exports.isAvailable = isAvailable;
		exports.resetIsAvailableCache = resetIsAvailableCache;
		exports.getGCPResidency = getGCPResidency;
		exports.setGCPResidency = setGCPResidency;
		exports.requestTimeout = requestTimeout;
		/**
		 * Copyright 2018 Google LLC
		 *
		 * Licensed under the Apache License, Version 2.0 (the "License");
		 * you may not use this file except in compliance with the License.
		 * You may obtain a copy of the License at
		 *
		 *      http://www.apache.org/licenses/LICENSE-2.0
		 *
		 * Unless required by applicable law or agreed to in writing, software
		 * distributed under the License is distributed on an "AS IS" BASIS,
		 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
		 * See the License for the specific language governing permissions and
		 * limitations under the License.
		 */
		const gaxios_1 = requireSrc$3();
		const jsonBigint = requireJsonBigint();
		const gcp_residency_1 = requireGcpResidency();
		const logger = __importStar(requireSrc$2());
		exports.BASE_PATH = '/computeMetadata/v1';
		exports.HOST_ADDRESS = 'http://169.254.169.254';
		exports.SECONDARY_HOST_ADDRESS = 'http://metadata.google.internal.';
		exports.HEADER_NAME = 'Metadata-Flavor';
		exports.HEADER_VALUE = 'Google';
		exports.HEADERS = Object.freeze({ [exports.HEADER_NAME]: exports.HEADER_VALUE });
		const log = logger.log('gcp-metadata');
		/**
		 * Metadata server detection override options.
		 *
		 * Available via `process.env.METADATA_SERVER_DETECTION`.
		 */
		exports.METADATA_SERVER_DETECTION = Object.freeze({
		    'assume-present': "don't try to ping the metadata server, but assume it's present",
		    none: "don't try to ping the metadata server, but don't try to use it either",
		    'bios-only': "treat the result of a BIOS probe as canonical (don't fall back to pinging)",
		    'ping-only': 'skip the BIOS probe, and go straight to pinging',
		});
		/**
		 * Returns the base URL while taking into account the GCE_METADATA_HOST
		 * environment variable if it exists.
		 *
		 * @returns The base URL, e.g., http://169.254.169.254/computeMetadata/v1.
		 */
		function getBaseUrl(baseUrl) {
		    if (!baseUrl) {
		        baseUrl =
		            process.env.GCE_METADATA_IP ||
		                process.env.GCE_METADATA_HOST ||
		                exports.HOST_ADDRESS;
		    }
		    // If no scheme is provided default to HTTP:
		    if (!/^https?:\/\//.test(baseUrl)) {
		        baseUrl = `http://${baseUrl}`;
		    }
		    return new URL(exports.BASE_PATH, baseUrl).href;
		}
		// Accepts an options object passed from the user to the API. In previous
		// versions of the API, it referred to a `Request` or an `Axios` request
		// options object.  Now it refers to an object with very limited property
		// names. This is here to help ensure users don't pass invalid options when
		// they  upgrade from 0.4 to 0.5 to 0.8.
		function validate(options) {
		    Object.keys(options).forEach(key => {
		        switch (key) {
		            case 'params':
		            case 'property':
		            case 'headers':
		                break;
		            case 'qs':
		                throw new Error("'qs' is not a valid configuration option. Please use 'params' instead.");
		            default:
		                throw new Error(`'${key}' is not a valid configuration option.`);
		        }
		    });
		}
		async function metadataAccessor(type, options = {}, noResponseRetries = 3, fastFail = false) {
		    const headers = new Headers(exports.HEADERS);
		    let metadataKey = '';
		    let params = {};
		    if (typeof type === 'object') {
		        const metadataAccessor = type;
		        new Headers(metadataAccessor.headers).forEach((value, key) => headers.set(key, value));
		        metadataKey = metadataAccessor.metadataKey;
		        params = metadataAccessor.params || params;
		        noResponseRetries = metadataAccessor.noResponseRetries || noResponseRetries;
		        fastFail = metadataAccessor.fastFail || fastFail;
		    }
		    else {
		        metadataKey = type;
		    }
		    if (typeof options === 'string') {
		        metadataKey += `/${options}`;
		    }
		    else {
		        validate(options);
		        if (options.property) {
		            metadataKey += `/${options.property}`;
		        }
		        new Headers(options.headers).forEach((value, key) => headers.set(key, value));
		        params = options.params || params;
		    }
		    const requestMethod = fastFail ? fastFailMetadataRequest : gaxios_1.request;
		    const req = {
		        url: `${getBaseUrl()}/${metadataKey}`,
		        headers,
		        retryConfig: { noResponseRetries },
		        params,
		        responseType: 'text',
		        timeout: requestTimeout(),
		    };
		    log.info('instance request %j', req);
		    const res = await requestMethod(req);
		    log.info('instance metadata is %s', res.data);
		    const metadataFlavor = res.headers.get(exports.HEADER_NAME);
		    if (metadataFlavor !== exports.HEADER_VALUE) {
		        throw new RangeError(`Invalid response from metadata service: incorrect ${exports.HEADER_NAME} header. Expected '${exports.HEADER_VALUE}', got ${metadataFlavor ? `'${metadataFlavor}'` : 'no header'}`);
		    }
		    if (typeof res.data === 'string') {
		        try {
		            return jsonBigint.parse(res.data);
		        }
		        catch {
		            /* ignore */
		        }
		    }
		    return res.data;
		}
		async function fastFailMetadataRequest(options) {
		    const secondaryOptions = {
		        ...options,
		        url: options.url
		            ?.toString()
		            .replace(getBaseUrl(), getBaseUrl(exports.SECONDARY_HOST_ADDRESS)),
		    };
		    // We race a connection between DNS/IP to metadata server. There are a couple
		    // reasons for this:
		    //
		    // 1. the DNS is slow in some GCP environments; by checking both, we might
		    //    detect the runtime environment significantly faster.
		    // 2. we can't just check the IP, which is tarpitted and slow to respond
		    //    on a user's local machine.
		    //
		    // Returns first resolved promise or if all promises get rejected we return an AggregateError.
		    //
		    // Note, however, if a failure happens prior to a success, a rejection should
		    // occur, this is for folks running locally.
		    //
		    const r1 = (0, gaxios_1.request)(options);
		    const r2 = (0, gaxios_1.request)(secondaryOptions);
		    return Promise.any([r1, r2]);
		}
		/**
		 * Obtain metadata for the current GCE instance.
		 *
		 * @see {@link https://cloud.google.com/compute/docs/metadata/predefined-metadata-keys}
		 *
		 * @example
		 * ```
		 * const serviceAccount: {} = await instance('service-accounts/');
		 * const serviceAccountEmail: string = await instance('service-accounts/default/email');
		 * ```
		 */
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		function instance(options) {
		    return metadataAccessor('instance', options);
		}
		/**
		 * Obtain metadata for the current GCP project.
		 *
		 * @see {@link https://cloud.google.com/compute/docs/metadata/predefined-metadata-keys}
		 *
		 * @example
		 * ```
		 * const projectId: string = await project('project-id');
		 * const numericProjectId: number = await project('numeric-project-id');
		 * ```
		 */
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		function project(options) {
		    return metadataAccessor('project', options);
		}
		/**
		 * Obtain metadata for the current universe.
		 *
		 * @see {@link https://cloud.google.com/compute/docs/metadata/predefined-metadata-keys}
		 *
		 * @example
		 * ```
		 * const universeDomain: string = await universe('universe-domain');
		 * ```
		 */
		function universe(options) {
		    return metadataAccessor('universe', options);
		}
		/**
		 * Retrieve metadata items in parallel.
		 *
		 * @see {@link https://cloud.google.com/compute/docs/metadata/predefined-metadata-keys}
		 *
		 * @example
		 * ```
		 * const data = await bulk([
		 *   {
		 *     metadataKey: 'instance',
		 *   },
		 *   {
		 *     metadataKey: 'project/project-id',
		 *   },
		 * ] as const);
		 *
		 * // data.instance;
		 * // data['project/project-id'];
		 * ```
		 *
		 * @param properties The metadata properties to retrieve
		 * @returns The metadata in `metadatakey:value` format
		 */
		async function bulk(properties) {
		    const r = {};
		    await Promise.all(properties.map(item => {
		        return (async () => {
		            const res = await metadataAccessor(item);
		            const key = item.metadataKey;
		            r[key] = res;
		        })();
		    }));
		    return r;
		}
		/*
		 * How many times should we retry detecting GCP environment.
		 */
		function detectGCPAvailableRetries() {
		    return process.env.DETECT_GCP_RETRIES
		        ? Number(process.env.DETECT_GCP_RETRIES)
		        : 0;
		}
		let cachedIsAvailableResponse;
		/**
		 * Determine if the metadata server is currently available.
		 */
		async function isAvailable() {
		    if (process.env.METADATA_SERVER_DETECTION) {
		        const value = process.env.METADATA_SERVER_DETECTION.trim().toLocaleLowerCase();
		        if (!(value in exports.METADATA_SERVER_DETECTION)) {
		            throw new RangeError(`Unknown \`METADATA_SERVER_DETECTION\` env variable. Got \`${value}\`, but it should be \`${Object.keys(exports.METADATA_SERVER_DETECTION).join('`, `')}\`, or unset`);
		        }
		        switch (value) {
		            case 'assume-present':
		                return true;
		            case 'none':
		                return false;
		            case 'bios-only':
		                return getGCPResidency();
		            // continue, we want to ping the server
		        }
		    }
		    try {
		        // If a user is instantiating several GCP libraries at the same time,
		        // this may result in multiple calls to isAvailable(), to detect the
		        // runtime environment. We use the same promise for each of these calls
		        // to reduce the network load.
		        if (cachedIsAvailableResponse === undefined) {
		            cachedIsAvailableResponse = metadataAccessor('instance', undefined, detectGCPAvailableRetries(), 
		            // If the default HOST_ADDRESS has been overridden, we should not
		            // make an effort to try SECONDARY_HOST_ADDRESS (as we are likely in
		            // a non-GCP environment):
		            !(process.env.GCE_METADATA_IP || process.env.GCE_METADATA_HOST));
		        }
		        await cachedIsAvailableResponse;
		        return true;
		    }
		    catch (e) {
		        const err = e;
		        if (process.env.DEBUG_AUTH) {
		            console.info(err);
		        }
		        if (err.type === 'request-timeout') {
		            // If running in a GCP environment, metadata endpoint should return
		            // within ms.
		            return false;
		        }
		        if (err.response && err.response.status === 404) {
		            return false;
		        }
		        else {
		            if (!(err.response && err.response.status === 404) &&
		                // A warning is emitted if we see an unexpected err.code, or err.code
		                // is not populated:
		                (!err.code ||
		                    ![
		                        'EHOSTDOWN',
		                        'EHOSTUNREACH',
		                        'ENETUNREACH',
		                        'ENOENT',
		                        'ENOTFOUND',
		                        'ECONNREFUSED',
		                    ].includes(err.code.toString()))) {
		                let code = 'UNKNOWN';
		                if (err.code)
		                    code = err.code.toString();
		                process.emitWarning(`received unexpected error = ${err.message} code = ${code}`, 'MetadataLookupWarning');
		            }
		            // Failure to resolve the metadata service means that it is not available.
		            return false;
		        }
		    }
		}
		/**
		 * reset the memoized isAvailable() lookup.
		 */
		function resetIsAvailableCache() {
		    cachedIsAvailableResponse = undefined;
		}
		/**
		 * A cache for the detected GCP Residency.
		 */
		exports.gcpResidencyCache = null;
		/**
		 * Detects GCP Residency.
		 * Caches results to reduce costs for subsequent calls.
		 *
		 * @see setGCPResidency for setting
		 */
		function getGCPResidency() {
		    if (exports.gcpResidencyCache === null) {
		        setGCPResidency();
		    }
		    return exports.gcpResidencyCache;
		}
		/**
		 * Sets the detected GCP Residency.
		 * Useful for forcing metadata server detection behavior.
		 *
		 * Set `null` to autodetect the environment (default behavior).
		 * @see getGCPResidency for getting
		 */
		function setGCPResidency(value = null) {
		    exports.gcpResidencyCache = value !== null ? value : (0, gcp_residency_1.detectGCPResidency)();
		}
		/**
		 * Obtain the timeout for requests to the metadata server.
		 *
		 * In certain environments and conditions requests can take longer than
		 * the default timeout to complete. This function will determine the
		 * appropriate timeout based on the environment.
		 *
		 * @returns {number} a request timeout duration in milliseconds.
		 */
		function requestTimeout() {
		    return getGCPResidency() ? 0 : 3000;
		}
		__exportStar(requireGcpResidency(), exports);
		
	} (src$1));
	return src$1;
}

var crypto$3 = {};

var crypto$2 = {};

var base64Js = {};

var hasRequiredBase64Js;

function requireBase64Js () {
	if (hasRequiredBase64Js) return base64Js;
	hasRequiredBase64Js = 1;

	base64Js.byteLength = byteLength;
	base64Js.toByteArray = toByteArray;
	base64Js.fromByteArray = fromByteArray;

	var lookup = [];
	var revLookup = [];
	var Arr = typeof Uint8Array !== 'undefined' ? Uint8Array : Array;

	var code = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
	for (var i = 0, len = code.length; i < len; ++i) {
	  lookup[i] = code[i];
	  revLookup[code.charCodeAt(i)] = i;
	}

	// Support decoding URL-safe base64 strings, as Node.js does.
	// See: https://en.wikipedia.org/wiki/Base64#URL_applications
	revLookup['-'.charCodeAt(0)] = 62;
	revLookup['_'.charCodeAt(0)] = 63;

	function getLens (b64) {
	  var len = b64.length;

	  if (len % 4 > 0) {
	    throw new Error('Invalid string. Length must be a multiple of 4')
	  }

	  // Trim off extra bytes after placeholder bytes are found
	  // See: https://github.com/beatgammit/base64-js/issues/42
	  var validLen = b64.indexOf('=');
	  if (validLen === -1) validLen = len;

	  var placeHoldersLen = validLen === len
	    ? 0
	    : 4 - (validLen % 4);

	  return [validLen, placeHoldersLen]
	}

	// base64 is 4/3 + up to two characters of the original data
	function byteLength (b64) {
	  var lens = getLens(b64);
	  var validLen = lens[0];
	  var placeHoldersLen = lens[1];
	  return ((validLen + placeHoldersLen) * 3 / 4) - placeHoldersLen
	}

	function _byteLength (b64, validLen, placeHoldersLen) {
	  return ((validLen + placeHoldersLen) * 3 / 4) - placeHoldersLen
	}

	function toByteArray (b64) {
	  var tmp;
	  var lens = getLens(b64);
	  var validLen = lens[0];
	  var placeHoldersLen = lens[1];

	  var arr = new Arr(_byteLength(b64, validLen, placeHoldersLen));

	  var curByte = 0;

	  // if there are placeholders, only get up to the last complete 4 chars
	  var len = placeHoldersLen > 0
	    ? validLen - 4
	    : validLen;

	  var i;
	  for (i = 0; i < len; i += 4) {
	    tmp =
	      (revLookup[b64.charCodeAt(i)] << 18) |
	      (revLookup[b64.charCodeAt(i + 1)] << 12) |
	      (revLookup[b64.charCodeAt(i + 2)] << 6) |
	      revLookup[b64.charCodeAt(i + 3)];
	    arr[curByte++] = (tmp >> 16) & 0xFF;
	    arr[curByte++] = (tmp >> 8) & 0xFF;
	    arr[curByte++] = tmp & 0xFF;
	  }

	  if (placeHoldersLen === 2) {
	    tmp =
	      (revLookup[b64.charCodeAt(i)] << 2) |
	      (revLookup[b64.charCodeAt(i + 1)] >> 4);
	    arr[curByte++] = tmp & 0xFF;
	  }

	  if (placeHoldersLen === 1) {
	    tmp =
	      (revLookup[b64.charCodeAt(i)] << 10) |
	      (revLookup[b64.charCodeAt(i + 1)] << 4) |
	      (revLookup[b64.charCodeAt(i + 2)] >> 2);
	    arr[curByte++] = (tmp >> 8) & 0xFF;
	    arr[curByte++] = tmp & 0xFF;
	  }

	  return arr
	}

	function tripletToBase64 (num) {
	  return lookup[num >> 18 & 0x3F] +
	    lookup[num >> 12 & 0x3F] +
	    lookup[num >> 6 & 0x3F] +
	    lookup[num & 0x3F]
	}

	function encodeChunk (uint8, start, end) {
	  var tmp;
	  var output = [];
	  for (var i = start; i < end; i += 3) {
	    tmp =
	      ((uint8[i] << 16) & 0xFF0000) +
	      ((uint8[i + 1] << 8) & 0xFF00) +
	      (uint8[i + 2] & 0xFF);
	    output.push(tripletToBase64(tmp));
	  }
	  return output.join('')
	}

	function fromByteArray (uint8) {
	  var tmp;
	  var len = uint8.length;
	  var extraBytes = len % 3; // if we have 1 byte left, pad 2 bytes
	  var parts = [];
	  var maxChunkLength = 16383; // must be multiple of 3

	  // go through the array every three bytes, we'll deal with trailing stuff later
	  for (var i = 0, len2 = len - extraBytes; i < len2; i += maxChunkLength) {
	    parts.push(encodeChunk(uint8, i, (i + maxChunkLength) > len2 ? len2 : (i + maxChunkLength)));
	  }

	  // pad the end with zeros, but make sure to not forget the extra bytes
	  if (extraBytes === 1) {
	    tmp = uint8[len - 1];
	    parts.push(
	      lookup[tmp >> 2] +
	      lookup[(tmp << 4) & 0x3F] +
	      '=='
	    );
	  } else if (extraBytes === 2) {
	    tmp = (uint8[len - 2] << 8) + uint8[len - 1];
	    parts.push(
	      lookup[tmp >> 10] +
	      lookup[(tmp >> 4) & 0x3F] +
	      lookup[(tmp << 2) & 0x3F] +
	      '='
	    );
	  }

	  return parts.join('')
	}
	return base64Js;
}

var shared$1 = {};

var hasRequiredShared$1;

function requireShared$1 () {
	if (hasRequiredShared$1) return shared$1;
	hasRequiredShared$1 = 1;
	// Copyright 2025 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(shared$1, "__esModule", { value: true });
	shared$1.fromArrayBufferToHex = fromArrayBufferToHex;
	/**
	 * Converts an ArrayBuffer to a hexadecimal string.
	 * @param arrayBuffer The ArrayBuffer to convert to hexadecimal string.
	 * @return The hexadecimal encoding of the ArrayBuffer.
	 */
	function fromArrayBufferToHex(arrayBuffer) {
	    // Convert buffer to byte array.
	    const byteArray = Array.from(new Uint8Array(arrayBuffer));
	    // Convert bytes to hex string.
	    return byteArray
	        .map(byte => {
	        return byte.toString(16).padStart(2, '0');
	    })
	        .join('');
	}
	
	return shared$1;
}

var hasRequiredCrypto$2;

function requireCrypto$2 () {
	if (hasRequiredCrypto$2) return crypto$2;
	hasRequiredCrypto$2 = 1;
	// Copyright 2019 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	/* global window */
	Object.defineProperty(crypto$2, "__esModule", { value: true });
	crypto$2.BrowserCrypto = void 0;
	// This file implements crypto functions we need using in-browser
	// SubtleCrypto interface `window.crypto.subtle`.
	const base64js = requireBase64Js();
	const shared_1 = requireShared$1();
	class BrowserCrypto {
	    constructor() {
	        if (typeof window === 'undefined' ||
	            window.crypto === undefined ||
	            window.crypto.subtle === undefined) {
	            throw new Error("SubtleCrypto not found. Make sure it's an https:// website.");
	        }
	    }
	    async sha256DigestBase64(str) {
	        // SubtleCrypto digest() method is async, so we must make
	        // this method async as well.
	        // To calculate SHA256 digest using SubtleCrypto, we first
	        // need to convert an input string to an ArrayBuffer:
	        const inputBuffer = new TextEncoder().encode(str);
	        // Result is ArrayBuffer as well.
	        const outputBuffer = await window.crypto.subtle.digest('SHA-256', inputBuffer);
	        return base64js.fromByteArray(new Uint8Array(outputBuffer));
	    }
	    randomBytesBase64(count) {
	        const array = new Uint8Array(count);
	        window.crypto.getRandomValues(array);
	        return base64js.fromByteArray(array);
	    }
	    static padBase64(base64) {
	        // base64js requires padding, so let's add some '='
	        while (base64.length % 4 !== 0) {
	            base64 += '=';
	        }
	        return base64;
	    }
	    async verify(pubkey, data, signature) {
	        const algo = {
	            name: 'RSASSA-PKCS1-v1_5',
	            hash: { name: 'SHA-256' },
	        };
	        const dataArray = new TextEncoder().encode(data);
	        const signatureArray = base64js.toByteArray(BrowserCrypto.padBase64(signature));
	        const cryptoKey = await window.crypto.subtle.importKey('jwk', pubkey, algo, true, ['verify']);
	        // SubtleCrypto's verify method is async so we must make
	        // this method async as well.
	        const result = await window.crypto.subtle.verify(algo, cryptoKey, Buffer.from(signatureArray), dataArray);
	        return result;
	    }
	    async sign(privateKey, data) {
	        const algo = {
	            name: 'RSASSA-PKCS1-v1_5',
	            hash: { name: 'SHA-256' },
	        };
	        const dataArray = new TextEncoder().encode(data);
	        const cryptoKey = await window.crypto.subtle.importKey('jwk', privateKey, algo, true, ['sign']);
	        // SubtleCrypto's sign method is async so we must make
	        // this method async as well.
	        const result = await window.crypto.subtle.sign(algo, cryptoKey, dataArray);
	        return base64js.fromByteArray(new Uint8Array(result));
	    }
	    decodeBase64StringUtf8(base64) {
	        const uint8array = base64js.toByteArray(BrowserCrypto.padBase64(base64));
	        const result = new TextDecoder().decode(uint8array);
	        return result;
	    }
	    encodeBase64StringUtf8(text) {
	        const uint8array = new TextEncoder().encode(text);
	        const result = base64js.fromByteArray(uint8array);
	        return result;
	    }
	    /**
	     * Computes the SHA-256 hash of the provided string.
	     * @param str The plain text string to hash.
	     * @return A promise that resolves with the SHA-256 hash of the provided
	     *   string in hexadecimal encoding.
	     */
	    async sha256DigestHex(str) {
	        // SubtleCrypto digest() method is async, so we must make
	        // this method async as well.
	        // To calculate SHA256 digest using SubtleCrypto, we first
	        // need to convert an input string to an ArrayBuffer:
	        const inputBuffer = new TextEncoder().encode(str);
	        // Result is ArrayBuffer as well.
	        const outputBuffer = await window.crypto.subtle.digest('SHA-256', inputBuffer);
	        return (0, shared_1.fromArrayBufferToHex)(outputBuffer);
	    }
	    /**
	     * Computes the HMAC hash of a message using the provided crypto key and the
	     * SHA-256 algorithm.
	     * @param key The secret crypto key in utf-8 or ArrayBuffer format.
	     * @param msg The plain text message.
	     * @return A promise that resolves with the HMAC-SHA256 hash in ArrayBuffer
	     *   format.
	     */
	    async signWithHmacSha256(key, msg) {
	        // Convert key, if provided in ArrayBuffer format, to string.
	        const rawKey = typeof key === 'string'
	            ? key
	            : String.fromCharCode(...new Uint16Array(key));
	        const enc = new TextEncoder();
	        const cryptoKey = await window.crypto.subtle.importKey('raw', enc.encode(rawKey), {
	            name: 'HMAC',
	            hash: {
	                name: 'SHA-256',
	            },
	        }, false, ['sign']);
	        return window.crypto.subtle.sign('HMAC', cryptoKey, enc.encode(msg));
	    }
	}
	crypto$2.BrowserCrypto = BrowserCrypto;
	
	return crypto$2;
}

var crypto$1 = {};

var hasRequiredCrypto$1;

function requireCrypto$1 () {
	if (hasRequiredCrypto$1) return crypto$1;
	hasRequiredCrypto$1 = 1;
	// Copyright 2019 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(crypto$1, "__esModule", { value: true });
	crypto$1.NodeCrypto = void 0;
	const crypto = require$$0$5;
	class NodeCrypto {
	    async sha256DigestBase64(str) {
	        return crypto.createHash('sha256').update(str).digest('base64');
	    }
	    randomBytesBase64(count) {
	        return crypto.randomBytes(count).toString('base64');
	    }
	    async verify(pubkey, data, signature) {
	        const verifier = crypto.createVerify('RSA-SHA256');
	        verifier.update(data);
	        verifier.end();
	        return verifier.verify(pubkey, signature, 'base64');
	    }
	    async sign(privateKey, data) {
	        const signer = crypto.createSign('RSA-SHA256');
	        signer.update(data);
	        signer.end();
	        return signer.sign(privateKey, 'base64');
	    }
	    decodeBase64StringUtf8(base64) {
	        return Buffer.from(base64, 'base64').toString('utf-8');
	    }
	    encodeBase64StringUtf8(text) {
	        return Buffer.from(text, 'utf-8').toString('base64');
	    }
	    /**
	     * Computes the SHA-256 hash of the provided string.
	     * @param str The plain text string to hash.
	     * @return A promise that resolves with the SHA-256 hash of the provided
	     *   string in hexadecimal encoding.
	     */
	    async sha256DigestHex(str) {
	        return crypto.createHash('sha256').update(str).digest('hex');
	    }
	    /**
	     * Computes the HMAC hash of a message using the provided crypto key and the
	     * SHA-256 algorithm.
	     * @param key The secret crypto key in utf-8 or ArrayBuffer format.
	     * @param msg The plain text message.
	     * @return A promise that resolves with the HMAC-SHA256 hash in ArrayBuffer
	     *   format.
	     */
	    async signWithHmacSha256(key, msg) {
	        const cryptoKey = typeof key === 'string' ? key : toBuffer(key);
	        return toArrayBuffer(crypto.createHmac('sha256', cryptoKey).update(msg).digest());
	    }
	}
	crypto$1.NodeCrypto = NodeCrypto;
	/**
	 * Converts a Node.js Buffer to an ArrayBuffer.
	 * https://stackoverflow.com/questions/8609289/convert-a-binary-nodejs-buffer-to-javascript-arraybuffer
	 * @param buffer The Buffer input to covert.
	 * @return The ArrayBuffer representation of the input.
	 */
	function toArrayBuffer(buffer) {
	    const ab = new ArrayBuffer(buffer.length);
	    const view = new Uint8Array(ab);
	    for (let i = 0; i < buffer.length; ++i) {
	        view[i] = buffer[i];
	    }
	    return ab;
	}
	/**
	 * Converts an ArrayBuffer to a Node.js Buffer.
	 * @param arrayBuffer The ArrayBuffer input to covert.
	 * @return The Buffer representation of the input.
	 */
	function toBuffer(arrayBuffer) {
	    return Buffer.from(arrayBuffer);
	}
	
	return crypto$1;
}

var hasRequiredCrypto;

function requireCrypto () {
	if (hasRequiredCrypto) return crypto$3;
	hasRequiredCrypto = 1;
	(function (exports) {
		// Copyright 2019 Google LLC
		//
		// Licensed under the Apache License, Version 2.0 (the "License");
		// you may not use this file except in compliance with the License.
		// You may obtain a copy of the License at
		//
		//      http://www.apache.org/licenses/LICENSE-2.0
		//
		// Unless required by applicable law or agreed to in writing, software
		// distributed under the License is distributed on an "AS IS" BASIS,
		// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
		// See the License for the specific language governing permissions and
		// limitations under the License.
		/* global window */
		var __createBinding = (crypto$3 && crypto$3.__createBinding) || (Object.create ? (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    var desc = Object.getOwnPropertyDescriptor(m, k);
		    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
		      desc = { enumerable: true, get: function() { return m[k]; } };
		    }
		    Object.defineProperty(o, k2, desc);
		}) : (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    o[k2] = m[k];
		}));
		var __exportStar = (crypto$3 && crypto$3.__exportStar) || function(m, exports) {
		    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
		};
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.createCrypto = createCrypto;
		exports.hasBrowserCrypto = hasBrowserCrypto;
		const crypto_1 = requireCrypto$2();
		const crypto_2 = requireCrypto$1();
		__exportStar(requireShared$1(), exports);
		// Crypto interface will provide required crypto functions.
		// Use `createCrypto()` factory function to create an instance
		// of Crypto. It will either use Node.js `crypto` module, or
		// use browser's SubtleCrypto interface. Since most of the
		// SubtleCrypto methods return promises, we must make those
		// methods return promises here as well, even though in Node.js
		// they are synchronous.
		function createCrypto() {
		    if (hasBrowserCrypto()) {
		        return new crypto_1.BrowserCrypto();
		    }
		    return new crypto_2.NodeCrypto();
		}
		function hasBrowserCrypto() {
		    return (typeof window !== 'undefined' &&
		        typeof window.crypto !== 'undefined' &&
		        typeof window.crypto.subtle !== 'undefined');
		}
		
	} (crypto$3));
	return crypto$3;
}

var computeclient = {};

var oauth2client = {};

var safeBuffer = {exports: {}};

/*! safe-buffer. MIT License. Feross Aboukhadijeh <https://feross.org/opensource> */

var hasRequiredSafeBuffer;

function requireSafeBuffer () {
	if (hasRequiredSafeBuffer) return safeBuffer.exports;
	hasRequiredSafeBuffer = 1;
	(function (module, exports) {
		/* eslint-disable node/no-deprecated-api */
		var buffer = require$$0$6;
		var Buffer = buffer.Buffer;

		// alternative to using Object.keys for old browsers
		function copyProps (src, dst) {
		  for (var key in src) {
		    dst[key] = src[key];
		  }
		}
		if (Buffer.from && Buffer.alloc && Buffer.allocUnsafe && Buffer.allocUnsafeSlow) {
		  module.exports = buffer;
		} else {
		  // Copy properties from require('buffer')
		  copyProps(buffer, exports);
		  exports.Buffer = SafeBuffer;
		}

		function SafeBuffer (arg, encodingOrOffset, length) {
		  return Buffer(arg, encodingOrOffset, length)
		}

		SafeBuffer.prototype = Object.create(Buffer.prototype);

		// Copy static methods from Buffer
		copyProps(Buffer, SafeBuffer);

		SafeBuffer.from = function (arg, encodingOrOffset, length) {
		  if (typeof arg === 'number') {
		    throw new TypeError('Argument must not be a number')
		  }
		  return Buffer(arg, encodingOrOffset, length)
		};

		SafeBuffer.alloc = function (size, fill, encoding) {
		  if (typeof size !== 'number') {
		    throw new TypeError('Argument must be a number')
		  }
		  var buf = Buffer(size);
		  if (fill !== undefined) {
		    if (typeof encoding === 'string') {
		      buf.fill(fill, encoding);
		    } else {
		      buf.fill(fill);
		    }
		  } else {
		    buf.fill(0);
		  }
		  return buf
		};

		SafeBuffer.allocUnsafe = function (size) {
		  if (typeof size !== 'number') {
		    throw new TypeError('Argument must be a number')
		  }
		  return Buffer(size)
		};

		SafeBuffer.allocUnsafeSlow = function (size) {
		  if (typeof size !== 'number') {
		    throw new TypeError('Argument must be a number')
		  }
		  return buffer.SlowBuffer(size)
		}; 
	} (safeBuffer, safeBuffer.exports));
	return safeBuffer.exports;
}

var paramBytesForAlg_1;
var hasRequiredParamBytesForAlg;

function requireParamBytesForAlg () {
	if (hasRequiredParamBytesForAlg) return paramBytesForAlg_1;
	hasRequiredParamBytesForAlg = 1;

	function getParamSize(keySize) {
		var result = ((keySize / 8) | 0) + (keySize % 8 === 0 ? 0 : 1);
		return result;
	}

	var paramBytesForAlg = {
		ES256: getParamSize(256),
		ES384: getParamSize(384),
		ES512: getParamSize(521)
	};

	function getParamBytesForAlg(alg) {
		var paramBytes = paramBytesForAlg[alg];
		if (paramBytes) {
			return paramBytes;
		}

		throw new Error('Unknown algorithm "' + alg + '"');
	}

	paramBytesForAlg_1 = getParamBytesForAlg;
	return paramBytesForAlg_1;
}

var ecdsaSigFormatter;
var hasRequiredEcdsaSigFormatter;

function requireEcdsaSigFormatter () {
	if (hasRequiredEcdsaSigFormatter) return ecdsaSigFormatter;
	hasRequiredEcdsaSigFormatter = 1;

	var Buffer = requireSafeBuffer().Buffer;

	var getParamBytesForAlg = requireParamBytesForAlg();

	var MAX_OCTET = 0x80,
		CLASS_UNIVERSAL = 0,
		PRIMITIVE_BIT = 0x20,
		TAG_SEQ = 0x10,
		TAG_INT = 0x02,
		ENCODED_TAG_SEQ = (TAG_SEQ | PRIMITIVE_BIT) | (CLASS_UNIVERSAL << 6),
		ENCODED_TAG_INT = TAG_INT | (CLASS_UNIVERSAL << 6);

	function base64Url(base64) {
		return base64
			.replace(/=/g, '')
			.replace(/\+/g, '-')
			.replace(/\//g, '_');
	}

	function signatureAsBuffer(signature) {
		if (Buffer.isBuffer(signature)) {
			return signature;
		} else if ('string' === typeof signature) {
			return Buffer.from(signature, 'base64');
		}

		throw new TypeError('ECDSA signature must be a Base64 string or a Buffer');
	}

	function derToJose(signature, alg) {
		signature = signatureAsBuffer(signature);
		var paramBytes = getParamBytesForAlg(alg);

		// the DER encoded param should at most be the param size, plus a padding
		// zero, since due to being a signed integer
		var maxEncodedParamLength = paramBytes + 1;

		var inputLength = signature.length;

		var offset = 0;
		if (signature[offset++] !== ENCODED_TAG_SEQ) {
			throw new Error('Could not find expected "seq"');
		}

		var seqLength = signature[offset++];
		if (seqLength === (MAX_OCTET | 1)) {
			seqLength = signature[offset++];
		}

		if (inputLength - offset < seqLength) {
			throw new Error('"seq" specified length of "' + seqLength + '", only "' + (inputLength - offset) + '" remaining');
		}

		if (signature[offset++] !== ENCODED_TAG_INT) {
			throw new Error('Could not find expected "int" for "r"');
		}

		var rLength = signature[offset++];

		if (inputLength - offset - 2 < rLength) {
			throw new Error('"r" specified length of "' + rLength + '", only "' + (inputLength - offset - 2) + '" available');
		}

		if (maxEncodedParamLength < rLength) {
			throw new Error('"r" specified length of "' + rLength + '", max of "' + maxEncodedParamLength + '" is acceptable');
		}

		var rOffset = offset;
		offset += rLength;

		if (signature[offset++] !== ENCODED_TAG_INT) {
			throw new Error('Could not find expected "int" for "s"');
		}

		var sLength = signature[offset++];

		if (inputLength - offset !== sLength) {
			throw new Error('"s" specified length of "' + sLength + '", expected "' + (inputLength - offset) + '"');
		}

		if (maxEncodedParamLength < sLength) {
			throw new Error('"s" specified length of "' + sLength + '", max of "' + maxEncodedParamLength + '" is acceptable');
		}

		var sOffset = offset;
		offset += sLength;

		if (offset !== inputLength) {
			throw new Error('Expected to consume entire buffer, but "' + (inputLength - offset) + '" bytes remain');
		}

		var rPadding = paramBytes - rLength,
			sPadding = paramBytes - sLength;

		var dst = Buffer.allocUnsafe(rPadding + rLength + sPadding + sLength);

		for (offset = 0; offset < rPadding; ++offset) {
			dst[offset] = 0;
		}
		signature.copy(dst, offset, rOffset + Math.max(-rPadding, 0), rOffset + rLength);

		offset = paramBytes;

		for (var o = offset; offset < o + sPadding; ++offset) {
			dst[offset] = 0;
		}
		signature.copy(dst, offset, sOffset + Math.max(-sPadding, 0), sOffset + sLength);

		dst = dst.toString('base64');
		dst = base64Url(dst);

		return dst;
	}

	function countPadding(buf, start, stop) {
		var padding = 0;
		while (start + padding < stop && buf[start + padding] === 0) {
			++padding;
		}

		var needsSign = buf[start + padding] >= MAX_OCTET;
		if (needsSign) {
			--padding;
		}

		return padding;
	}

	function joseToDer(signature, alg) {
		signature = signatureAsBuffer(signature);
		var paramBytes = getParamBytesForAlg(alg);

		var signatureBytes = signature.length;
		if (signatureBytes !== paramBytes * 2) {
			throw new TypeError('"' + alg + '" signatures must be "' + paramBytes * 2 + '" bytes, saw "' + signatureBytes + '"');
		}

		var rPadding = countPadding(signature, 0, paramBytes);
		var sPadding = countPadding(signature, paramBytes, signature.length);
		var rLength = paramBytes - rPadding;
		var sLength = paramBytes - sPadding;

		var rsBytes = 1 + 1 + rLength + 1 + 1 + sLength;

		var shortLength = rsBytes < MAX_OCTET;

		var dst = Buffer.allocUnsafe((shortLength ? 2 : 3) + rsBytes);

		var offset = 0;
		dst[offset++] = ENCODED_TAG_SEQ;
		if (shortLength) {
			// Bit 8 has value "0"
			// bits 7-1 give the length.
			dst[offset++] = rsBytes;
		} else {
			// Bit 8 of first octet has value "1"
			// bits 7-1 give the number of additional length octets.
			dst[offset++] = MAX_OCTET	| 1;
			// length, base 256
			dst[offset++] = rsBytes & 0xff;
		}
		dst[offset++] = ENCODED_TAG_INT;
		dst[offset++] = rLength;
		if (rPadding < 0) {
			dst[offset++] = 0;
			offset += signature.copy(dst, offset, 0, paramBytes);
		} else {
			offset += signature.copy(dst, offset, rPadding, paramBytes);
		}
		dst[offset++] = ENCODED_TAG_INT;
		dst[offset++] = sLength;
		if (sPadding < 0) {
			dst[offset++] = 0;
			signature.copy(dst, offset, paramBytes);
		} else {
			signature.copy(dst, offset, paramBytes + sPadding);
		}

		return dst;
	}

	ecdsaSigFormatter = {
		derToJose: derToJose,
		joseToDer: joseToDer
	};
	return ecdsaSigFormatter;
}

var util = {};

var hasRequiredUtil;

function requireUtil () {
	if (hasRequiredUtil) return util;
	hasRequiredUtil = 1;
	// Copyright 2023 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(util, "__esModule", { value: true });
	util.LRUCache = void 0;
	util.snakeToCamel = snakeToCamel;
	util.originalOrCamelOptions = originalOrCamelOptions;
	util.removeUndefinedValuesInObject = removeUndefinedValuesInObject;
	util.isValidFile = isValidFile;
	util.getWellKnownCertificateConfigFileLocation = getWellKnownCertificateConfigFileLocation;
	const fs = require$$0$2;
	const os = require$$1$1;
	const path$1 = path;
	const WELL_KNOWN_CERTIFICATE_CONFIG_FILE = 'certificate_config.json';
	const CLOUDSDK_CONFIG_DIRECTORY = 'gcloud';
	/**
	 * Returns the camel case of a provided string.
	 *
	 * @remarks
	 *
	 * Match any `_` and not `_` pair, then return the uppercase of the not `_`
	 * character.
	 *
	 * @param str the string to convert
	 * @returns the camelCase'd string
	 */
	function snakeToCamel(str) {
	    return str.replace(/([_][^_])/g, match => match.slice(1).toUpperCase());
	}
	/**
	 * Get the value of `obj[key]` or `obj[camelCaseKey]`, with a preference
	 * for original, non-camelCase key.
	 *
	 * @param obj object to lookup a value in
	 * @returns a `get` function for getting `obj[key || snakeKey]`, if available
	 */
	function originalOrCamelOptions(obj) {
	    /**
	     *
	     * @param key an index of object, preferably snake_case
	     * @returns the value `obj[key || snakeKey]`, if available
	     */
	    function get(key) {
	        const o = (obj || {});
	        return o[key] ?? o[snakeToCamel(key)];
	    }
	    return { get };
	}
	/**
	 * A simple LRU cache utility.
	 * Not meant for external usage.
	 *
	 * @experimental
	 */
	class LRUCache {
	    capacity;
	    /**
	     * Maps are in order. Thus, the older item is the first item.
	     *
	     * {@link https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Map}
	     */
	    #cache = new Map();
	    maxAge;
	    constructor(options) {
	        this.capacity = options.capacity;
	        this.maxAge = options.maxAge;
	    }
	    /**
	     * Moves the key to the end of the cache.
	     *
	     * @param key the key to move
	     * @param value the value of the key
	     */
	    #moveToEnd(key, value) {
	        this.#cache.delete(key);
	        this.#cache.set(key, {
	            value,
	            lastAccessed: Date.now(),
	        });
	    }
	    /**
	     * Add an item to the cache.
	     *
	     * @param key the key to upsert
	     * @param value the value of the key
	     */
	    set(key, value) {
	        this.#moveToEnd(key, value);
	        this.#evict();
	    }
	    /**
	     * Get an item from the cache.
	     *
	     * @param key the key to retrieve
	     */
	    get(key) {
	        const item = this.#cache.get(key);
	        if (!item)
	            return;
	        this.#moveToEnd(key, item.value);
	        this.#evict();
	        return item.value;
	    }
	    /**
	     * Maintain the cache based on capacity and TTL.
	     */
	    #evict() {
	        const cutoffDate = this.maxAge ? Date.now() - this.maxAge : 0;
	        /**
	         * Because we know Maps are in order, this item is both the
	         * last item in the list (capacity) and oldest (maxAge).
	         */
	        let oldestItem = this.#cache.entries().next();
	        while (!oldestItem.done &&
	            (this.#cache.size > this.capacity || // too many
	                oldestItem.value[1].lastAccessed < cutoffDate) // too old
	        ) {
	            this.#cache.delete(oldestItem.value[0]);
	            oldestItem = this.#cache.entries().next();
	        }
	    }
	}
	util.LRUCache = LRUCache;
	// Given and object remove fields where value is undefined.
	function removeUndefinedValuesInObject(object) {
	    Object.entries(object).forEach(([key, value]) => {
	        if (value === undefined || value === 'undefined') {
	            delete object[key];
	        }
	    });
	    return object;
	}
	/**
	 * Helper to check if a path points to a valid file.
	 */
	async function isValidFile(filePath) {
	    try {
	        const stats = await fs.promises.lstat(filePath);
	        return stats.isFile();
	    }
	    catch (e) {
	        return false;
	    }
	}
	/**
	 * Determines the well-known gcloud location for the certificate config file.
	 * @returns The platform-specific path to the configuration file.
	 * @internal
	 */
	function getWellKnownCertificateConfigFileLocation() {
	    const configDir = process.env.CLOUDSDK_CONFIG ||
	        (_isWindows()
	            ? path$1.join(process.env.APPDATA || '', CLOUDSDK_CONFIG_DIRECTORY)
	            : path$1.join(process.env.HOME || '', '.config', CLOUDSDK_CONFIG_DIRECTORY));
	    return path$1.join(configDir, WELL_KNOWN_CERTIFICATE_CONFIG_FILE);
	}
	/**
	 * Checks if the current operating system is Windows.
	 * @returns True if the OS is Windows, false otherwise.
	 * @internal
	 */
	function _isWindows() {
	    return os.platform().startsWith('win');
	}
	
	return util;
}

var authclient = {};

var shared = {};

var name = "google-auth-library";
var version = "10.9.1";
var author = "Google Inc.";
var description = "Google APIs Authentication Client Library for Node.js";
var engines = {
	node: ">=18"
};
var main = "./build/src/index.js";
var types = "./build/src/index.d.ts";
var repository = {
	type: "git",
	directory: "core/packages/google-auth-library-nodejs",
	url: "https://github.com/googleapis/google-cloud-node.git"
};
var keywords = [
	"google",
	"api",
	"google apis",
	"client",
	"client library"
];
var dependencies = {
	"base64-js": "^1.3.0",
	"ecdsa-sig-formatter": "^1.0.11",
	gaxios: "^7.1.4",
	"gcp-metadata": "8.1.2",
	"google-logging-utils": "1.1.3",
	jws: "^4.0.0"
};
var devDependencies = {
	"@types/base64-js": "^1.2.5",
	"@types/jws": "^3.1.0",
	"@types/mocha": "^10.0.10",
	"@types/mv": "^2.1.0",
	"@types/ncp": "^2.0.8",
	"@types/node": "^24.0.0",
	"@types/sinon": "^21.0.0",
	"assert-rejects": "^1.0.0",
	c8: "^10.1.3",
	codecov: "^3.8.3",
	gts: "^6.0.2",
	"is-docker": "^3.0.0",
	jsdoc: "^4.0.4",
	"jsdoc-fresh": "^5.0.0",
	"jsdoc-region-tag": "^4.0.0",
	karma: "^6.0.0",
	"karma-chrome-launcher": "^3.0.0",
	"karma-coverage": "^2.0.0",
	"karma-firefox-launcher": "^2.0.0",
	"karma-mocha": "^2.0.0",
	"karma-sourcemap-loader": "^0.4.0",
	"karma-webpack": "^5.0.1",
	keypair: "^1.0.4",
	mocha: "^11.1.0",
	mv: "^2.1.1",
	ncp: "^2.0.0",
	nock: "^14.0.5",
	"null-loader": "^4.0.1",
	puppeteer: "^24.0.0",
	sinon: "21.0.3",
	"ts-loader": "^9.5.2",
	typescript: "5.8.3",
	webpack: "^5.97.1",
	"webpack-cli": "^6.0.1"
};
var files = [
	"build/src",
	"!build/src/**/*.map"
];
var scripts = {
	test: "c8 mocha build/test",
	clean: "gts clean",
	prepare: "npm run compile",
	lint: "gts check --no-inline-config",
	compile: "tsc -p .",
	fix: "gts fix",
	pretest: "npm run compile -- --sourceMap",
	docs: "jsdoc -c .jsdoc.js",
	"samples-setup": "cd samples/ && npm link ../ && npm run setup && cd ../",
	"samples-test": "cd samples/ && npm link ../ && npm test && cd ../",
	"system-test": "mocha build/system-test --timeout 60000",
	"presystem-test": "npm run compile -- --sourceMap",
	webpack: "webpack",
	"browser-test": "karma start",
	prelint: "cd samples; npm link ../; npm install"
};
var license = "Apache-2.0";
var homepage = "https://github.com/googleapis/google-cloud-node/tree/main/core/packages/google-auth-library-nodejs";
var require$$0 = {
	name: name,
	version: version,
	author: author,
	description: description,
	engines: engines,
	main: main,
	types: types,
	repository: repository,
	keywords: keywords,
	dependencies: dependencies,
	devDependencies: devDependencies,
	files: files,
	scripts: scripts,
	license: license,
	homepage: homepage
};

var hasRequiredShared;

function requireShared () {
	if (hasRequiredShared) return shared;
	hasRequiredShared = 1;
	// Copyright 2023 Google LLC
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//    http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(shared, "__esModule", { value: true });
	shared.USER_AGENT = shared.PRODUCT_NAME = shared.pkg = void 0;
	const pkg = require$$0;
	shared.pkg = pkg;
	const PRODUCT_NAME = 'google-api-nodejs-client';
	shared.PRODUCT_NAME = PRODUCT_NAME;
	const USER_AGENT = `${PRODUCT_NAME}/${pkg.version}`;
	shared.USER_AGENT = USER_AGENT;
	
	return shared;
}

var hasRequiredAuthclient;

function requireAuthclient () {
	if (hasRequiredAuthclient) return authclient;
	hasRequiredAuthclient = 1;
	(function (exports) {
		// Copyright 2012 Google LLC
		//
		// Licensed under the Apache License, Version 2.0 (the "License");
		// you may not use this file except in compliance with the License.
		// You may obtain a copy of the License at
		//
		//      http://www.apache.org/licenses/LICENSE-2.0
		//
		// Unless required by applicable law or agreed to in writing, software
		// distributed under the License is distributed on an "AS IS" BASIS,
		// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
		// See the License for the specific language governing permissions and
		// limitations under the License.
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.AuthClient = exports.DEFAULT_EAGER_REFRESH_THRESHOLD_MILLIS = exports.DEFAULT_UNIVERSE = void 0;
		const events_1 = require$$0$4;
		const gaxios_1 = requireSrc$3();
		const util_1 = requireUtil();
		const google_logging_utils_1 = requireSrc$2();
		const shared_cjs_1 = requireShared();
		/**
		 * The default cloud universe
		 *
		 * @see {@link AuthJSONOptions.universe_domain}
		 */
		exports.DEFAULT_UNIVERSE = 'googleapis.com';
		/**
		 * The default {@link AuthClientOptions.eagerRefreshThresholdMillis}
		 */
		exports.DEFAULT_EAGER_REFRESH_THRESHOLD_MILLIS = 5 * 60 * 1000;
		/**
		 * The base of all Auth Clients.
		 */
		class AuthClient extends events_1.EventEmitter {
		    apiKey;
		    projectId;
		    /**
		     * The quota project ID. The quota project can be used by client libraries for the billing purpose.
		     * See {@link https://cloud.google.com/docs/quota Working with quotas}
		     */
		    quotaProjectId;
		    /**
		     * The {@link Gaxios `Gaxios`} instance used for making requests.
		     */
		    transporter;
		    credentials = {};
		    eagerRefreshThresholdMillis = exports.DEFAULT_EAGER_REFRESH_THRESHOLD_MILLIS;
		    forceRefreshOnFailure = false;
		    universeDomain = exports.DEFAULT_UNIVERSE;
		    /**
		     * Symbols that can be added to GaxiosOptions to specify the method name that is
		     * making an RPC call, for logging purposes, as well as a string ID that can be
		     * used to correlate calls and responses.
		     */
		    static RequestMethodNameSymbol = Symbol('request method name');
		    static RequestLogIdSymbol = Symbol('request log id');
		    constructor(opts = {}) {
		        super();
		        const options = (0, util_1.originalOrCamelOptions)(opts);
		        // Shared auth options
		        this.apiKey = opts.apiKey;
		        this.projectId = options.get('project_id') ?? null;
		        this.quotaProjectId = options.get('quota_project_id');
		        this.credentials = options.get('credentials') ?? {};
		        this.universeDomain = options.get('universe_domain') ?? exports.DEFAULT_UNIVERSE;
		        // Shared client options
		        this.transporter = opts.transporter ?? new gaxios_1.Gaxios(opts.transporterOptions);
		        if (options.get('useAuthRequestParameters') !== false) {
		            this.transporter.interceptors.request.add(AuthClient.DEFAULT_REQUEST_INTERCEPTOR);
		            this.transporter.interceptors.response.add(AuthClient.DEFAULT_RESPONSE_INTERCEPTOR);
		        }
		        if (opts.eagerRefreshThresholdMillis) {
		            this.eagerRefreshThresholdMillis = opts.eagerRefreshThresholdMillis;
		        }
		        this.forceRefreshOnFailure = opts.forceRefreshOnFailure ?? false;
		    }
		    /**
		     * A {@link fetch `fetch`} compliant API for {@link AuthClient}.
		     *
		     * @see {@link AuthClient.request} for the classic method.
		     *
		     * @remarks
		     *
		     * This is useful as a drop-in replacement for `fetch` API usage.
		     *
		     * @example
		     *
		     * ```ts
		     * const authClient = new AuthClient();
		     * const fetchWithAuthClient: typeof fetch = (...args) => authClient.fetch(...args);
		     * await fetchWithAuthClient('https://example.com');
		     * ```
		     *
		     * @param args `fetch` API or {@link Gaxios.fetch `Gaxios#fetch`} parameters
		     * @returns the {@link GaxiosResponse} with Gaxios-added properties
		     */
		    fetch(...args) {
		        // Up to 2 parameters in either overload
		        const input = args[0];
		        const init = args[1];
		        let url = undefined;
		        const headers = new Headers();
		        // prepare URL
		        if (typeof input === 'string') {
		            url = new URL(input);
		        }
		        else if (input instanceof URL) {
		            url = input;
		        }
		        else if (input && input.url) {
		            url = new URL(input.url);
		        }
		        // prepare headers
		        if (input && typeof input === 'object' && 'headers' in input) {
		            gaxios_1.Gaxios.mergeHeaders(headers, input.headers);
		        }
		        if (init) {
		            gaxios_1.Gaxios.mergeHeaders(headers, new Headers(init.headers));
		        }
		        // prepare request
		        if (typeof input === 'object' && !(input instanceof URL)) {
		            // input must have been a non-URL object
		            return this.request({ ...init, ...input, headers, url });
		        }
		        else {
		            // input must have been a string or URL
		            return this.request({ ...init, headers, url });
		        }
		    }
		    /**
		     * Sets the auth credentials.
		     */
		    setCredentials(credentials) {
		        this.credentials = credentials;
		    }
		    /**
		     * Append additional headers, e.g., x-goog-user-project, shared across the
		     * classes inheriting AuthClient. This method should be used by any method
		     * that overrides getRequestMetadataAsync(), which is a shared helper for
		     * setting request information in both gRPC and HTTP API calls.
		     *
		     * @param headers object to append additional headers to.
		     */
		    addSharedMetadataHeaders(headers) {
		        // quota_project_id, stored in application_default_credentials.json, is set in
		        // the x-goog-user-project header, to indicate an alternate account for
		        // billing and quota:
		        if (!headers.has('x-goog-user-project') && // don't override a value the user sets.
		            this.quotaProjectId) {
		            headers.set('x-goog-user-project', this.quotaProjectId);
		        }
		        return headers;
		    }
		    /**
		     * Adds the `x-goog-user-project` and `authorization` headers to the target Headers
		     * object, if they exist on the source.
		     *
		     * @param target the headers to target
		     * @param source the headers to source from
		     * @returns the target headers
		     */
		    addUserProjectAndAuthHeaders(target, source) {
		        const xGoogUserProject = source.get('x-goog-user-project');
		        const authorizationHeader = source.get('authorization');
		        if (xGoogUserProject) {
		            target.set('x-goog-user-project', xGoogUserProject);
		        }
		        if (authorizationHeader) {
		            target.set('authorization', authorizationHeader);
		        }
		        return target;
		    }
		    static log = (0, google_logging_utils_1.log)('auth');
		    static DEFAULT_REQUEST_INTERCEPTOR = {
		        resolved: async (config) => {
		            // Set `x-goog-api-client`, if not already set
		            if (!config.headers.has('x-goog-api-client')) {
		                const nodeVersion = process.version.replace(/^v/, '');
		                config.headers.set('x-goog-api-client', `gl-node/${nodeVersion}`);
		            }
		            // Set `User-Agent`
		            const userAgent = config.headers.get('User-Agent');
		            if (!userAgent) {
		                config.headers.set('User-Agent', shared_cjs_1.USER_AGENT);
		            }
		            else if (!userAgent.includes(`${shared_cjs_1.PRODUCT_NAME}/`)) {
		                config.headers.set('User-Agent', `${userAgent} ${shared_cjs_1.USER_AGENT}`);
		            }
		            try {
		                const symbols = config;
		                const methodName = symbols[AuthClient.RequestMethodNameSymbol];
		                // This doesn't need to be very unique or interesting, it's just an aid for
		                // matching requests to responses.
		                const logId = `${Math.floor(Math.random() * 1000)}`;
		                symbols[AuthClient.RequestLogIdSymbol] = logId;
		                // Boil down the object we're printing out.
		                const logObject = {
		                    url: config.url,
		                    headers: config.headers,
		                };
		                if (methodName) {
		                    AuthClient.log.info('%s [%s] request %j', methodName, logId, logObject);
		                }
		                else {
		                    AuthClient.log.info('[%s] request %j', logId, logObject);
		                }
		            }
		            catch (e) {
		                // Logging must not create new errors; swallow them all.
		            }
		            return config;
		        },
		    };
		    static DEFAULT_RESPONSE_INTERCEPTOR = {
		        resolved: async (response) => {
		            try {
		                const symbols = response.config;
		                const methodName = symbols[AuthClient.RequestMethodNameSymbol];
		                const logId = symbols[AuthClient.RequestLogIdSymbol];
		                if (methodName) {
		                    AuthClient.log.info('%s [%s] response %j', methodName, logId, response.data);
		                }
		                else {
		                    AuthClient.log.info('[%s] response %j', logId, response.data);
		                }
		            }
		            catch (e) {
		                // Logging must not create new errors; swallow them all.
		            }
		            return response;
		        },
		        rejected: async (error) => {
		            try {
		                const symbols = error.config;
		                const methodName = symbols[AuthClient.RequestMethodNameSymbol];
		                const logId = symbols[AuthClient.RequestLogIdSymbol];
		                if (methodName) {
		                    AuthClient.log.info('%s [%s] error %j', methodName, logId, error.response?.data);
		                }
		                else {
		                    AuthClient.log.error('[%s] error %j', logId, error.response?.data);
		                }
		            }
		            catch (e) {
		                // Logging must not create new errors; swallow them all.
		            }
		            // Re-throw the error.
		            throw error;
		        },
		    };
		    /**
		     * Sets the method name that is making a Gaxios request, so that logging may tag
		     * log lines with the operation.
		     * @param config A Gaxios request config
		     * @param methodName The method name making the call
		     */
		    static setMethodName(config, methodName) {
		        try {
		            const symbols = config;
		            symbols[AuthClient.RequestMethodNameSymbol] = methodName;
		        }
		        catch (e) {
		            // Logging must not create new errors; swallow them all.
		        }
		    }
		    /**
		     * Retry config for Auth-related requests.
		     *
		     * @remarks
		     *
		     * This is not a part of the default {@link AuthClient.transporter transporter/gaxios}
		     * config as some downstream APIs would prefer if customers explicitly enable retries,
		     * such as GCS.
		     */
		    static get RETRY_CONFIG() {
		        return {
		            retry: true,
		            retryConfig: {
		                httpMethodsToRetry: ['GET', 'PUT', 'POST', 'HEAD', 'OPTIONS', 'DELETE'],
		            },
		        };
		    }
		}
		exports.AuthClient = AuthClient;
		
	} (authclient));
	return authclient;
}

var loginticket = {};

var hasRequiredLoginticket;

function requireLoginticket () {
	if (hasRequiredLoginticket) return loginticket;
	hasRequiredLoginticket = 1;
	// Copyright 2014 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(loginticket, "__esModule", { value: true });
	loginticket.LoginTicket = void 0;
	class LoginTicket {
	    envelope;
	    payload;
	    /**
	     * Create a simple class to extract user ID from an ID Token
	     *
	     * @param {string} env Envelope of the jwt
	     * @param {TokenPayload} pay Payload of the jwt
	     * @constructor
	     */
	    constructor(env, pay) {
	        this.envelope = env;
	        this.payload = pay;
	    }
	    getEnvelope() {
	        return this.envelope;
	    }
	    getPayload() {
	        return this.payload;
	    }
	    /**
	     * Create a simple class to extract user ID from an ID Token
	     *
	     * @return The user ID
	     */
	    getUserId() {
	        const payload = this.getPayload();
	        if (payload && payload.sub) {
	            return payload.sub;
	        }
	        return null;
	    }
	    /**
	     * Returns attributes from the login ticket.  This can contain
	     * various information about the user session.
	     *
	     * @return The envelope and payload
	     */
	    getAttributes() {
	        return { envelope: this.getEnvelope(), payload: this.getPayload() };
	    }
	}
	loginticket.LoginTicket = LoginTicket;
	
	return loginticket;
}

var hasRequiredOauth2client;

function requireOauth2client () {
	if (hasRequiredOauth2client) return oauth2client;
	hasRequiredOauth2client = 1;
	// Copyright 2019 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(oauth2client, "__esModule", { value: true });
	oauth2client.OAuth2Client = oauth2client.ClientAuthentication = oauth2client.CertificateFormat = oauth2client.CodeChallengeMethod = void 0;
	const gaxios_1 = requireSrc$3();
	const querystring = require$$1$2;
	const stream = require$$3;
	const formatEcdsa = requireEcdsaSigFormatter();
	const util_1 = requireUtil();
	const crypto_1 = requireCrypto();
	const authclient_1 = requireAuthclient();
	const loginticket_1 = requireLoginticket();
	var CodeChallengeMethod;
	(function (CodeChallengeMethod) {
	    CodeChallengeMethod["Plain"] = "plain";
	    CodeChallengeMethod["S256"] = "S256";
	})(CodeChallengeMethod || (oauth2client.CodeChallengeMethod = CodeChallengeMethod = {}));
	var CertificateFormat;
	(function (CertificateFormat) {
	    CertificateFormat["PEM"] = "PEM";
	    CertificateFormat["JWK"] = "JWK";
	})(CertificateFormat || (oauth2client.CertificateFormat = CertificateFormat = {}));
	/**
	 * The client authentication type. Supported values are basic, post, and none.
	 * https://datatracker.ietf.org/doc/html/rfc7591#section-2
	 */
	var ClientAuthentication;
	(function (ClientAuthentication) {
	    ClientAuthentication["ClientSecretPost"] = "ClientSecretPost";
	    ClientAuthentication["ClientSecretBasic"] = "ClientSecretBasic";
	    ClientAuthentication["None"] = "None";
	})(ClientAuthentication || (oauth2client.ClientAuthentication = ClientAuthentication = {}));
	class OAuth2Client extends authclient_1.AuthClient {
	    redirectUri;
	    certificateCache = {};
	    certificateExpiry = null;
	    certificateCacheFormat = CertificateFormat.PEM;
	    refreshTokenPromises = new Map();
	    endpoints;
	    issuers;
	    clientAuthentication;
	    // TODO: refactor tests to make this private
	    _clientId;
	    // TODO: refactor tests to make this private
	    _clientSecret;
	    refreshHandler;
	    /**
	     * An OAuth2 Client for Google APIs.
	     *
	     * @param options The OAuth2 Client Options. Passing an `clientId` directly is **@DEPRECATED**.
	     * @param clientSecret **@DEPRECATED**. Provide a {@link OAuth2ClientOptions `OAuth2ClientOptions`} object in the first parameter instead.
	     * @param redirectUri **@DEPRECATED**. Provide a {@link OAuth2ClientOptions `OAuth2ClientOptions`} object in the first parameter instead.
	     */
	    constructor(options = {}, 
	    /**
	     * @deprecated - provide a {@link OAuth2ClientOptions `OAuth2ClientOptions`} object in the first parameter instead
	     */
	    clientSecret, 
	    /**
	     * @deprecated - provide a {@link OAuth2ClientOptions `OAuth2ClientOptions`} object in the first parameter instead
	     */
	    redirectUri) {
	        super(typeof options === 'object' ? options : {});
	        if (typeof options !== 'object') {
	            options = {
	                clientId: options,
	                clientSecret,
	                redirectUri,
	            };
	        }
	        this._clientId = options.clientId || options.client_id;
	        this._clientSecret = options.clientSecret || options.client_secret;
	        this.redirectUri = options.redirectUri || options.redirect_uris?.[0];
	        this.endpoints = {
	            tokenInfoUrl: 'https://oauth2.googleapis.com/tokeninfo',
	            oauth2AuthBaseUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
	            oauth2TokenUrl: 'https://oauth2.googleapis.com/token',
	            oauth2RevokeUrl: 'https://oauth2.googleapis.com/revoke',
	            oauth2FederatedSignonPemCertsUrl: 'https://www.googleapis.com/oauth2/v1/certs',
	            oauth2FederatedSignonJwkCertsUrl: 'https://www.googleapis.com/oauth2/v3/certs',
	            oauth2IapPublicKeyUrl: 'https://www.gstatic.com/iap/verify/public_key',
	            ...options.endpoints,
	        };
	        this.clientAuthentication =
	            options.clientAuthentication || ClientAuthentication.ClientSecretPost;
	        this.issuers = options.issuers || [
	            'accounts.google.com',
	            'https://accounts.google.com',
	            this.universeDomain,
	        ];
	    }
	    /**
	     * @deprecated use instance's {@link OAuth2Client.endpoints}
	     */
	    static GOOGLE_TOKEN_INFO_URL = 'https://oauth2.googleapis.com/tokeninfo';
	    /**
	     * Clock skew - five minutes in seconds
	     */
	    static CLOCK_SKEW_SECS_ = 300;
	    /**
	     * The default max Token Lifetime is one day in seconds
	     */
	    static DEFAULT_MAX_TOKEN_LIFETIME_SECS_ = 86400;
	    /**
	     * Generates URL for consent page landing.
	     * @param opts Options.
	     * @return URL to consent page.
	     */
	    generateAuthUrl(opts = {}) {
	        if (opts.code_challenge_method && !opts.code_challenge) {
	            throw new Error('If a code_challenge_method is provided, code_challenge must be included.');
	        }
	        opts.response_type = opts.response_type || 'code';
	        opts.client_id = opts.client_id || this._clientId;
	        opts.redirect_uri = opts.redirect_uri || this.redirectUri;
	        // Allow scopes to be passed either as array or a string
	        if (Array.isArray(opts.scope)) {
	            opts.scope = opts.scope.join(' ');
	        }
	        const rootUrl = this.endpoints.oauth2AuthBaseUrl.toString();
	        return (rootUrl +
	            '?' +
	            querystring.stringify(opts));
	    }
	    generateCodeVerifier() {
	        // To make the code compatible with browser SubtleCrypto we need to make
	        // this method async.
	        throw new Error('generateCodeVerifier is removed, please use generateCodeVerifierAsync instead.');
	    }
	    /**
	     * Convenience method to automatically generate a code_verifier, and its
	     * resulting SHA256. If used, this must be paired with a S256
	     * code_challenge_method.
	     *
	     * For a full example see:
	     * https://github.com/googleapis/google-auth-library-nodejs/blob/main/samples/oauth2-codeVerifier.js
	     */
	    async generateCodeVerifierAsync() {
	        // base64 encoding uses 6 bits per character, and we want to generate128
	        // characters. 6*128/8 = 96.
	        const crypto = (0, crypto_1.createCrypto)();
	        const randomString = crypto.randomBytesBase64(96);
	        // The valid characters in the code_verifier are [A-Z]/[a-z]/[0-9]/
	        // "-"/"."/"_"/"~". Base64 encoded strings are pretty close, so we're just
	        // swapping out a few chars.
	        const codeVerifier = randomString
	            .replace(/\+/g, '~')
	            .replace(/=/g, '_')
	            .replace(/\//g, '-');
	        // Generate the base64 encoded SHA256
	        const unencodedCodeChallenge = await crypto.sha256DigestBase64(codeVerifier);
	        // We need to use base64UrlEncoding instead of standard base64
	        const codeChallenge = unencodedCodeChallenge
	            .split('=')[0]
	            .replace(/\+/g, '-')
	            .replace(/\//g, '_');
	        return { codeVerifier, codeChallenge };
	    }
	    getToken(codeOrOptions, callback) {
	        const options = typeof codeOrOptions === 'string' ? { code: codeOrOptions } : codeOrOptions;
	        if (callback) {
	            this.getTokenAsync(options).then(r => callback(null, r.tokens, r.res), e => callback(e, null, e.response));
	        }
	        else {
	            return this.getTokenAsync(options);
	        }
	    }
	    async getTokenAsync(options) {
	        const url = this.endpoints.oauth2TokenUrl.toString();
	        const headers = new Headers();
	        const values = {
	            client_id: options.client_id || this._clientId,
	            code_verifier: options.codeVerifier,
	            code: options.code,
	            grant_type: 'authorization_code',
	            redirect_uri: options.redirect_uri || this.redirectUri,
	        };
	        if (this.clientAuthentication === ClientAuthentication.ClientSecretBasic) {
	            const basic = Buffer.from(`${this._clientId}:${this._clientSecret}`);
	            headers.set('authorization', `Basic ${basic.toString('base64')}`);
	        }
	        if (this.clientAuthentication === ClientAuthentication.ClientSecretPost) {
	            values.client_secret = this._clientSecret;
	        }
	        const opts = {
	            ...OAuth2Client.RETRY_CONFIG,
	            method: 'POST',
	            url,
	            data: new URLSearchParams((0, util_1.removeUndefinedValuesInObject)(values)),
	            headers,
	        };
	        authclient_1.AuthClient.setMethodName(opts, 'getTokenAsync');
	        const res = await this.transporter.request(opts);
	        const tokens = res.data;
	        if (res.data && res.data.expires_in) {
	            tokens.expiry_date = new Date().getTime() + res.data.expires_in * 1000;
	            delete tokens.expires_in;
	        }
	        this.emit('tokens', tokens);
	        return { tokens, res };
	    }
	    /**
	     * Refreshes the access token.
	     * @param refresh_token Existing refresh token.
	     * @private
	     */
	    async refreshToken(refreshToken) {
	        if (!refreshToken) {
	            return this.refreshTokenNoCache(refreshToken);
	        }
	        // If a request to refresh using the same token has started,
	        // return the same promise.
	        if (this.refreshTokenPromises.has(refreshToken)) {
	            return this.refreshTokenPromises.get(refreshToken);
	        }
	        const p = this.refreshTokenNoCache(refreshToken).then(r => {
	            this.refreshTokenPromises.delete(refreshToken);
	            return r;
	        }, e => {
	            this.refreshTokenPromises.delete(refreshToken);
	            throw e;
	        });
	        this.refreshTokenPromises.set(refreshToken, p);
	        return p;
	    }
	    async refreshTokenNoCache(refreshToken) {
	        if (!refreshToken) {
	            throw new Error('No refresh token is set.');
	        }
	        const url = this.endpoints.oauth2TokenUrl.toString();
	        const data = {
	            refresh_token: refreshToken,
	            client_id: this._clientId,
	            client_secret: this._clientSecret,
	            grant_type: 'refresh_token',
	        };
	        let res;
	        try {
	            const opts = {
	                ...OAuth2Client.RETRY_CONFIG,
	                method: 'POST',
	                url,
	                data: new URLSearchParams((0, util_1.removeUndefinedValuesInObject)(data)),
	            };
	            authclient_1.AuthClient.setMethodName(opts, 'refreshTokenNoCache');
	            // request for new token
	            res = await this.transporter.request(opts);
	        }
	        catch (e) {
	            if (e instanceof gaxios_1.GaxiosError &&
	                e.message === 'invalid_grant' &&
	                e.response?.data &&
	                /ReAuth/i.test(e.response.data.error_description)) {
	                e.message = JSON.stringify(e.response.data);
	            }
	            throw e;
	        }
	        const tokens = res.data;
	        // TODO: de-duplicate this code from a few spots
	        if (res.data && res.data.expires_in) {
	            tokens.expiry_date = new Date().getTime() + res.data.expires_in * 1000;
	            delete tokens.expires_in;
	        }
	        this.emit('tokens', tokens);
	        return { tokens, res };
	    }
	    refreshAccessToken(callback) {
	        if (callback) {
	            this.refreshAccessTokenAsync().then(r => callback(null, r.credentials, r.res), callback);
	        }
	        else {
	            return this.refreshAccessTokenAsync();
	        }
	    }
	    async refreshAccessTokenAsync() {
	        const r = await this.refreshToken(this.credentials.refresh_token);
	        const tokens = r.tokens;
	        tokens.refresh_token = this.credentials.refresh_token;
	        this.credentials = tokens;
	        return { credentials: this.credentials, res: r.res };
	    }
	    getAccessToken(callback) {
	        if (callback) {
	            this.getAccessTokenAsync().then(r => callback(null, r.token, r.res), callback);
	        }
	        else {
	            return this.getAccessTokenAsync();
	        }
	    }
	    async getAccessTokenAsync() {
	        const shouldRefresh = !this.credentials.access_token || this.isTokenExpiring();
	        if (shouldRefresh) {
	            if (!this.credentials.refresh_token) {
	                if (this.refreshHandler) {
	                    const refreshedAccessToken = await this.processAndValidateRefreshHandler();
	                    if (refreshedAccessToken?.access_token) {
	                        this.setCredentials(refreshedAccessToken);
	                        return { token: this.credentials.access_token };
	                    }
	                }
	                else {
	                    throw new Error('No refresh token or refresh handler callback is set.');
	                }
	            }
	            const r = await this.refreshAccessTokenAsync();
	            if (!r.credentials || (r.credentials && !r.credentials.access_token)) {
	                throw new Error('Could not refresh access token.');
	            }
	            return { token: r.credentials.access_token, res: r.res };
	        }
	        else {
	            return { token: this.credentials.access_token };
	        }
	    }
	    /**
	     * The main authentication interface.  It takes an optional url which when
	     * present is the endpoint being accessed, and returns a Promise which
	     * resolves with authorization header fields.
	     *
	     * In OAuth2Client, the result has the form:
	     * { authorization: 'Bearer <access_token_value>' }
	     */
	    async getRequestHeaders(url) {
	        const headers = (await this.getRequestMetadataAsync(url)).headers;
	        return headers;
	    }
	    async getRequestMetadataAsync(url) {
	        const thisCreds = this.credentials;
	        if (!thisCreds.access_token &&
	            !thisCreds.refresh_token &&
	            !this.apiKey &&
	            !this.refreshHandler) {
	            throw new Error('No access, refresh token, API key or refresh handler callback is set.');
	        }
	        if (thisCreds.access_token && !this.isTokenExpiring()) {
	            thisCreds.token_type = thisCreds.token_type || 'Bearer';
	            const headers = new Headers({
	                authorization: thisCreds.token_type + ' ' + thisCreds.access_token,
	            });
	            return { headers: this.addSharedMetadataHeaders(headers) };
	        }
	        // If refreshHandler exists, call processAndValidateRefreshHandler().
	        if (this.refreshHandler) {
	            const refreshedAccessToken = await this.processAndValidateRefreshHandler();
	            if (refreshedAccessToken?.access_token) {
	                this.setCredentials(refreshedAccessToken);
	                const headers = new Headers({
	                    authorization: 'Bearer ' + this.credentials.access_token,
	                });
	                return { headers: this.addSharedMetadataHeaders(headers) };
	            }
	        }
	        if (this.apiKey) {
	            return { headers: new Headers({ 'X-Goog-Api-Key': this.apiKey }) };
	        }
	        let r = null;
	        let tokens = null;
	        try {
	            r = await this.refreshToken(thisCreds.refresh_token);
	            tokens = r.tokens;
	        }
	        catch (err) {
	            const e = err;
	            if (e.response &&
	                (e.response.status === 403 || e.response.status === 404)) {
	                e.message = `Could not refresh access token: ${e.message}`;
	            }
	            throw e;
	        }
	        const credentials = this.credentials;
	        credentials.token_type = credentials.token_type || 'Bearer';
	        tokens.refresh_token = credentials.refresh_token;
	        this.credentials = tokens;
	        const headers = new Headers({
	            authorization: credentials.token_type + ' ' + tokens.access_token,
	        });
	        return { headers: this.addSharedMetadataHeaders(headers), res: r.res };
	    }
	    /**
	     * Generates an URL to revoke the given token.
	     * @param token The existing token to be revoked.
	     *
	     * @deprecated use instance method {@link OAuth2Client.getRevokeTokenURL}
	     */
	    static getRevokeTokenUrl(token) {
	        return new OAuth2Client().getRevokeTokenURL(token).toString();
	    }
	    /**
	     * Generates a URL to revoke the given token.
	     *
	     * @param token The existing token to be revoked.
	     */
	    getRevokeTokenURL(token) {
	        const url = new URL(this.endpoints.oauth2RevokeUrl);
	        url.searchParams.append('token', token);
	        return url;
	    }
	    revokeToken(token, callback) {
	        const opts = {
	            ...OAuth2Client.RETRY_CONFIG,
	            url: this.getRevokeTokenURL(token).toString(),
	            method: 'POST',
	        };
	        authclient_1.AuthClient.setMethodName(opts, 'revokeToken');
	        if (callback) {
	            this.transporter
	                .request(opts)
	                .then(r => callback(null, r), callback);
	        }
	        else {
	            return this.transporter.request(opts);
	        }
	    }
	    revokeCredentials(callback) {
	        if (callback) {
	            this.revokeCredentialsAsync().then(res => callback(null, res), callback);
	        }
	        else {
	            return this.revokeCredentialsAsync();
	        }
	    }
	    async revokeCredentialsAsync() {
	        const token = this.credentials.access_token;
	        this.credentials = {};
	        if (token) {
	            return this.revokeToken(token);
	        }
	        else {
	            throw new Error('No access token to revoke.');
	        }
	    }
	    request(opts, callback) {
	        if (callback) {
	            this.requestAsync(opts).then(r => callback(null, r), e => {
	                return callback(e, e.response);
	            });
	        }
	        else {
	            return this.requestAsync(opts);
	        }
	    }
	    async requestAsync(opts, reAuthRetried = false) {
	        try {
	            const r = await this.getRequestMetadataAsync();
	            opts.headers = gaxios_1.Gaxios.mergeHeaders(opts.headers);
	            this.addUserProjectAndAuthHeaders(opts.headers, r.headers);
	            if (this.apiKey) {
	                opts.headers.set('X-Goog-Api-Key', this.apiKey);
	            }
	            return await this.transporter.request(opts);
	        }
	        catch (e) {
	            const res = e.response;
	            if (res) {
	                const statusCode = res.status;
	                // Retry the request for metadata if the following criteria are true:
	                // - We haven't already retried.  It only makes sense to retry once.
	                // - The response was a 401 or a 403
	                // - The request didn't send a readableStream
	                // - An access_token and refresh_token were available, but either no
	                //   expiry_date was available or the forceRefreshOnFailure flag is set.
	                //   The absent expiry_date case can happen when developers stash the
	                //   access_token and refresh_token for later use, but the access_token
	                //   fails on the first try because it's expired. Some developers may
	                //   choose to enable forceRefreshOnFailure to mitigate time-related
	                //   errors.
	                // Or the following criteria are true:
	                // - We haven't already retried.  It only makes sense to retry once.
	                // - The response was a 401 or a 403
	                // - The request didn't send a readableStream
	                // - No refresh_token was available
	                // - An access_token and a refreshHandler callback were available, but
	                //   either no expiry_date was available or the forceRefreshOnFailure
	                //   flag is set. The access_token fails on the first try because it's
	                //   expired. Some developers may choose to enable forceRefreshOnFailure
	                //   to mitigate time-related errors.
	                const mayRequireRefresh = this.credentials &&
	                    this.credentials.access_token &&
	                    this.credentials.refresh_token &&
	                    (!this.credentials.expiry_date || this.forceRefreshOnFailure);
	                const mayRequireRefreshWithNoRefreshToken = this.credentials &&
	                    this.credentials.access_token &&
	                    !this.credentials.refresh_token &&
	                    (!this.credentials.expiry_date || this.forceRefreshOnFailure) &&
	                    this.refreshHandler;
	                const isReadableStream = res.config.data instanceof stream.Readable;
	                const isAuthErr = statusCode === 401 || statusCode === 403;
	                if (!reAuthRetried &&
	                    isAuthErr &&
	                    !isReadableStream &&
	                    mayRequireRefresh) {
	                    await this.refreshAccessTokenAsync();
	                    return this.requestAsync(opts, true);
	                }
	                else if (!reAuthRetried &&
	                    isAuthErr &&
	                    !isReadableStream &&
	                    mayRequireRefreshWithNoRefreshToken) {
	                    const refreshedAccessToken = await this.processAndValidateRefreshHandler();
	                    if (refreshedAccessToken?.access_token) {
	                        this.setCredentials(refreshedAccessToken);
	                    }
	                    return this.requestAsync(opts, true);
	                }
	            }
	            throw e;
	        }
	    }
	    verifyIdToken(options, callback) {
	        // This function used to accept two arguments instead of an options object.
	        // Check the types to help users upgrade with less pain.
	        // This check can be removed after a 2.0 release.
	        if (callback && typeof callback !== 'function') {
	            throw new Error('This method accepts an options object as the first parameter, which includes the idToken, audience, and maxExpiry.');
	        }
	        if (callback) {
	            this.verifyIdTokenAsync(options).then(r => callback(null, r), callback);
	        }
	        else {
	            return this.verifyIdTokenAsync(options);
	        }
	    }
	    async verifyIdTokenAsync(options) {
	        if (!options.idToken) {
	            throw new Error('The verifyIdToken method requires an ID Token');
	        }
	        const response = await this.getFederatedSignonCertsAsync();
	        const login = await this.verifySignedJwtWithCertsAsync(options.idToken, response.certs, options.audience, this.issuers, options.maxExpiry);
	        return login;
	    }
	    /**
	     * Obtains information about the provisioned access token.  Especially useful
	     * if you want to check the scopes that were provisioned to a given token.
	     *
	     * @param accessToken Required.  The Access Token for which you want to get
	     * user info.
	     */
	    async getTokenInfo(accessToken) {
	        const { data } = await this.transporter.request({
	            ...OAuth2Client.RETRY_CONFIG,
	            method: 'POST',
	            headers: {
	                'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
	                authorization: `Bearer ${accessToken}`,
	            },
	            url: this.endpoints.tokenInfoUrl.toString(),
	        });
	        const info = Object.assign({
	            expiry_date: new Date().getTime() + data.expires_in * 1000,
	            scopes: data.scope.split(' '),
	        }, data);
	        delete info.expires_in;
	        delete info.scope;
	        return info;
	    }
	    getFederatedSignonCerts(callback) {
	        if (callback) {
	            this.getFederatedSignonCertsAsync().then(r => callback(null, r.certs, r.res), callback);
	        }
	        else {
	            return this.getFederatedSignonCertsAsync();
	        }
	    }
	    async getFederatedSignonCertsAsync() {
	        const nowTime = new Date().getTime();
	        const format = (0, crypto_1.hasBrowserCrypto)()
	            ? CertificateFormat.JWK
	            : CertificateFormat.PEM;
	        if (this.certificateExpiry &&
	            nowTime < this.certificateExpiry.getTime() &&
	            this.certificateCacheFormat === format) {
	            return { certs: this.certificateCache, format };
	        }
	        let res;
	        let url;
	        switch (format) {
	            case CertificateFormat.PEM:
	                url = this.endpoints.oauth2FederatedSignonPemCertsUrl.toString();
	                break;
	            case CertificateFormat.JWK:
	                url = this.endpoints.oauth2FederatedSignonJwkCertsUrl.toString();
	                break;
	            default:
	                throw new Error(`Unsupported certificate format ${format}`);
	        }
	        try {
	            const opts = {
	                ...OAuth2Client.RETRY_CONFIG,
	                url,
	            };
	            authclient_1.AuthClient.setMethodName(opts, 'getFederatedSignonCertsAsync');
	            res = await this.transporter.request(opts);
	        }
	        catch (e) {
	            if (e instanceof Error) {
	                e.message = `Failed to retrieve verification certificates: ${e.message}`;
	            }
	            throw e;
	        }
	        const cacheControl = res?.headers.get('cache-control');
	        let cacheAge = -1;
	        if (cacheControl) {
	            const maxAge = /max-age=(?<maxAge>[0-9]+)/.exec(cacheControl)?.groups
	                ?.maxAge;
	            if (maxAge) {
	                // Cache results with max-age (in seconds)
	                cacheAge = Number(maxAge) * 1000; // milliseconds
	            }
	        }
	        let certificates = {};
	        switch (format) {
	            case CertificateFormat.PEM:
	                certificates = res.data;
	                break;
	            case CertificateFormat.JWK:
	                for (const key of res.data.keys) {
	                    certificates[key.kid] = key;
	                }
	                break;
	            default:
	                throw new Error(`Unsupported certificate format ${format}`);
	        }
	        const now = new Date();
	        this.certificateExpiry =
	            cacheAge === -1 ? null : new Date(now.getTime() + cacheAge);
	        this.certificateCache = certificates;
	        this.certificateCacheFormat = format;
	        return { certs: certificates, format, res };
	    }
	    getIapPublicKeys(callback) {
	        if (callback) {
	            this.getIapPublicKeysAsync().then(r => callback(null, r.pubkeys, r.res), callback);
	        }
	        else {
	            return this.getIapPublicKeysAsync();
	        }
	    }
	    async getIapPublicKeysAsync() {
	        let res;
	        const url = this.endpoints.oauth2IapPublicKeyUrl.toString();
	        try {
	            const opts = {
	                ...OAuth2Client.RETRY_CONFIG,
	                url,
	            };
	            authclient_1.AuthClient.setMethodName(opts, 'getIapPublicKeysAsync');
	            res = await this.transporter.request(opts);
	        }
	        catch (e) {
	            if (e instanceof Error) {
	                e.message = `Failed to retrieve verification certificates: ${e.message}`;
	            }
	            throw e;
	        }
	        return { pubkeys: res.data, res };
	    }
	    verifySignedJwtWithCerts() {
	        // To make the code compatible with browser SubtleCrypto we need to make
	        // this method async.
	        throw new Error('verifySignedJwtWithCerts is removed, please use verifySignedJwtWithCertsAsync instead.');
	    }
	    /**
	     * Verify the id token is signed with the correct certificate
	     * and is from the correct audience.
	     * @param jwt The jwt to verify (The ID Token in this case).
	     * @param certs The array of certs to test the jwt against.
	     * @param requiredAudience The audience to test the jwt against.
	     * @param issuers The allowed issuers of the jwt (Optional).
	     * @param maxExpiry The max expiry the certificate can be (Optional).
	     * @return Returns a promise resolving to LoginTicket on verification.
	     */
	    async verifySignedJwtWithCertsAsync(jwt, certs, requiredAudience, issuers, maxExpiry) {
	        const crypto = (0, crypto_1.createCrypto)();
	        if (!maxExpiry) {
	            maxExpiry = OAuth2Client.DEFAULT_MAX_TOKEN_LIFETIME_SECS_;
	        }
	        const segments = jwt.split('.');
	        if (segments.length !== 3) {
	            throw new Error('Wrong number of segments in token: ' + jwt);
	        }
	        const signed = segments[0] + '.' + segments[1];
	        let signature = segments[2];
	        let envelope;
	        let payload;
	        try {
	            envelope = JSON.parse(crypto.decodeBase64StringUtf8(segments[0]));
	        }
	        catch (err) {
	            if (err instanceof Error) {
	                err.message = `Can't parse token envelope: ${segments[0]}': ${err.message}`;
	            }
	            throw err;
	        }
	        if (!envelope) {
	            throw new Error("Can't parse token envelope: " + segments[0]);
	        }
	        try {
	            payload = JSON.parse(crypto.decodeBase64StringUtf8(segments[1]));
	        }
	        catch (err) {
	            if (err instanceof Error) {
	                err.message = `Can't parse token payload '${segments[0]}`;
	            }
	            throw err;
	        }
	        if (!payload) {
	            throw new Error("Can't parse token payload: " + segments[1]);
	        }
	        if (!Object.prototype.hasOwnProperty.call(certs, envelope.kid)) {
	            // If this is not present, then there's no reason to attempt verification
	            throw new Error('No pem found for envelope: ' + JSON.stringify(envelope));
	        }
	        const cert = certs[envelope.kid];
	        if (envelope.alg === 'ES256') {
	            signature = formatEcdsa.joseToDer(signature, 'ES256').toString('base64');
	        }
	        const verified = await crypto.verify(cert, signed, signature);
	        if (!verified) {
	            throw new Error('Invalid token signature: ' + jwt);
	        }
	        if (!payload.iat) {
	            throw new Error('No issue time in token: ' + JSON.stringify(payload));
	        }
	        if (!payload.exp) {
	            throw new Error('No expiration time in token: ' + JSON.stringify(payload));
	        }
	        const iat = Number(payload.iat);
	        if (isNaN(iat))
	            throw new Error('iat field using invalid format');
	        const exp = Number(payload.exp);
	        if (isNaN(exp))
	            throw new Error('exp field using invalid format');
	        const now = new Date().getTime() / 1000;
	        if (exp >= now + maxExpiry) {
	            throw new Error('Expiration time too far in future: ' + JSON.stringify(payload));
	        }
	        const earliest = iat - OAuth2Client.CLOCK_SKEW_SECS_;
	        const latest = exp + OAuth2Client.CLOCK_SKEW_SECS_;
	        if (now < earliest) {
	            throw new Error('Token used too early, ' +
	                now +
	                ' < ' +
	                earliest +
	                ': ' +
	                JSON.stringify(payload));
	        }
	        if (now > latest) {
	            throw new Error('Token used too late, ' +
	                now +
	                ' > ' +
	                latest +
	                ': ' +
	                JSON.stringify(payload));
	        }
	        if (issuers && issuers.indexOf(payload.iss) < 0) {
	            throw new Error('Invalid issuer, expected one of [' +
	                issuers +
	                '], but got ' +
	                payload.iss);
	        }
	        // Check the audience matches if we have one
	        if (typeof requiredAudience !== 'undefined' && requiredAudience !== null) {
	            const aud = payload.aud;
	            let audVerified = false;
	            // If the requiredAudience is an array, check if it contains token
	            // audience
	            if (requiredAudience.constructor === Array) {
	                audVerified = requiredAudience.indexOf(aud) > -1;
	            }
	            else {
	                audVerified = aud === requiredAudience;
	            }
	            if (!audVerified) {
	                throw new Error('Wrong recipient, payload audience != requiredAudience');
	            }
	        }
	        return new loginticket_1.LoginTicket(envelope, payload);
	    }
	    /**
	     * Returns a promise that resolves with AccessTokenResponse type if
	     * refreshHandler is defined.
	     * If not, nothing is returned.
	     */
	    async processAndValidateRefreshHandler() {
	        if (this.refreshHandler) {
	            const accessTokenResponse = await this.refreshHandler();
	            if (!accessTokenResponse.access_token) {
	                throw new Error('No access token is returned by the refreshHandler callback.');
	            }
	            return accessTokenResponse;
	        }
	        return;
	    }
	    /**
	     * Returns true if a token is expired or will expire within
	     * eagerRefreshThresholdMillismilliseconds.
	     * If there is no expiry time, assumes the token is not expired or expiring.
	     */
	    isTokenExpiring() {
	        const expiryDate = this.credentials.expiry_date;
	        return expiryDate
	            ? expiryDate <= new Date().getTime() + this.eagerRefreshThresholdMillis
	            : false;
	    }
	}
	oauth2client.OAuth2Client = OAuth2Client;
	
	return oauth2client;
}

var hasRequiredComputeclient;

function requireComputeclient () {
	if (hasRequiredComputeclient) return computeclient;
	hasRequiredComputeclient = 1;
	// Copyright 2013 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(computeclient, "__esModule", { value: true });
	computeclient.Compute = void 0;
	const gaxios_1 = requireSrc$3();
	const gcpMetadata = requireSrc$1();
	const oauth2client_1 = requireOauth2client();
	class Compute extends oauth2client_1.OAuth2Client {
	    serviceAccountEmail;
	    scopes;
	    /**
	     * Google Compute Engine service account credentials.
	     *
	     * Retrieve access token from the metadata server.
	     * See: https://cloud.google.com/compute/docs/access/authenticate-workloads#applications
	     */
	    constructor(options = {}) {
	        super(options);
	        // Start with an expired refresh token, which will automatically be
	        // refreshed before the first API call is made.
	        this.credentials = { expiry_date: 1, refresh_token: 'compute-placeholder' };
	        this.serviceAccountEmail = options.serviceAccountEmail || 'default';
	        this.scopes = Array.isArray(options.scopes)
	            ? options.scopes
	            : options.scopes
	                ? [options.scopes]
	                : [];
	    }
	    /**
	     * Refreshes the access token.
	     * @param refreshToken Unused parameter
	     */
	    async refreshTokenNoCache() {
	        const tokenPath = `service-accounts/${this.serviceAccountEmail}/token`;
	        let data;
	        try {
	            const instanceOptions = {
	                property: tokenPath,
	            };
	            if (this.scopes.length > 0) {
	                instanceOptions.params = {
	                    scopes: this.scopes.join(','),
	                };
	            }
	            data = await gcpMetadata.instance(instanceOptions);
	        }
	        catch (e) {
	            if (e instanceof gaxios_1.GaxiosError) {
	                e.message = `Could not refresh access token: ${e.message}`;
	                this.wrapError(e);
	            }
	            throw e;
	        }
	        const tokens = data;
	        if (data && data.expires_in) {
	            tokens.expiry_date = new Date().getTime() + data.expires_in * 1000;
	            delete tokens.expires_in;
	        }
	        this.emit('tokens', tokens);
	        return { tokens, res: null };
	    }
	    /**
	     * Fetches an ID token.
	     * @param targetAudience the audience for the fetched ID token.
	     */
	    async fetchIdToken(targetAudience) {
	        const idTokenPath = `service-accounts/${this.serviceAccountEmail}/identity` +
	            `?format=full&audience=${targetAudience}`;
	        let idToken;
	        try {
	            const instanceOptions = {
	                property: idTokenPath,
	            };
	            idToken = await gcpMetadata.instance(instanceOptions);
	        }
	        catch (e) {
	            if (e instanceof Error) {
	                e.message = `Could not fetch ID token: ${e.message}`;
	            }
	            throw e;
	        }
	        return idToken;
	    }
	    wrapError(e) {
	        const res = e.response;
	        if (res && res.status) {
	            e.status = res.status;
	            if (res.status === 403) {
	                e.message =
	                    'A Forbidden error was returned while attempting to retrieve an access ' +
	                        'token for the Compute Engine built-in service account. This may be because the Compute ' +
	                        'Engine instance does not have the correct permission scopes specified: ' +
	                        e.message;
	            }
	            else if (res.status === 404) {
	                e.message =
	                    'A Not Found error was returned while attempting to retrieve an access' +
	                        'token for the Compute Engine built-in service account. This may be because the Compute ' +
	                        'Engine instance does not have any permission scopes specified: ' +
	                        e.message;
	            }
	        }
	    }
	}
	computeclient.Compute = Compute;
	
	return computeclient;
}

var idtokenclient = {};

var hasRequiredIdtokenclient;

function requireIdtokenclient () {
	if (hasRequiredIdtokenclient) return idtokenclient;
	hasRequiredIdtokenclient = 1;
	// Copyright 2020 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(idtokenclient, "__esModule", { value: true });
	idtokenclient.IdTokenClient = void 0;
	const oauth2client_1 = requireOauth2client();
	class IdTokenClient extends oauth2client_1.OAuth2Client {
	    targetAudience;
	    idTokenProvider;
	    /**
	     * Google ID Token client
	     *
	     * Retrieve ID token from the metadata server.
	     * See: https://cloud.google.com/docs/authentication/get-id-token#metadata-server
	     */
	    constructor(options) {
	        super(options);
	        this.targetAudience = options.targetAudience;
	        this.idTokenProvider = options.idTokenProvider;
	    }
	    async getRequestMetadataAsync() {
	        if (!this.credentials.id_token ||
	            !this.credentials.expiry_date ||
	            this.isTokenExpiring()) {
	            const idToken = await this.idTokenProvider.fetchIdToken(this.targetAudience);
	            this.credentials = {
	                id_token: idToken,
	                expiry_date: this.getIdTokenExpiryDate(idToken),
	            };
	        }
	        const headers = new Headers({
	            authorization: 'Bearer ' + this.credentials.id_token,
	        });
	        return { headers };
	    }
	    getIdTokenExpiryDate(idToken) {
	        const payloadB64 = idToken.split('.')[1];
	        if (payloadB64) {
	            const payload = JSON.parse(Buffer.from(payloadB64, 'base64').toString('ascii'));
	            return payload.exp * 1000;
	        }
	    }
	}
	idtokenclient.IdTokenClient = IdTokenClient;
	
	return idtokenclient;
}

var envDetect = {};

var hasRequiredEnvDetect;

function requireEnvDetect () {
	if (hasRequiredEnvDetect) return envDetect;
	hasRequiredEnvDetect = 1;
	// Copyright 2018 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(envDetect, "__esModule", { value: true });
	envDetect.GCPEnv = void 0;
	envDetect.clear = clear;
	envDetect.getEnv = getEnv;
	const gcpMetadata = requireSrc$1();
	var GCPEnv;
	(function (GCPEnv) {
	    GCPEnv["APP_ENGINE"] = "APP_ENGINE";
	    GCPEnv["KUBERNETES_ENGINE"] = "KUBERNETES_ENGINE";
	    GCPEnv["CLOUD_FUNCTIONS"] = "CLOUD_FUNCTIONS";
	    GCPEnv["COMPUTE_ENGINE"] = "COMPUTE_ENGINE";
	    GCPEnv["CLOUD_RUN"] = "CLOUD_RUN";
	    GCPEnv["CLOUD_RUN_JOBS"] = "CLOUD_RUN_JOBS";
	    GCPEnv["NONE"] = "NONE";
	})(GCPEnv || (envDetect.GCPEnv = GCPEnv = {}));
	let envPromise;
	function clear() {
	    envPromise = undefined;
	}
	async function getEnv() {
	    if (envPromise) {
	        return envPromise;
	    }
	    envPromise = getEnvMemoized();
	    return envPromise;
	}
	async function getEnvMemoized() {
	    let env = GCPEnv.NONE;
	    if (isAppEngine()) {
	        env = GCPEnv.APP_ENGINE;
	    }
	    else if (isCloudFunction()) {
	        env = GCPEnv.CLOUD_FUNCTIONS;
	    }
	    else if (await isComputeEngine()) {
	        if (await isKubernetesEngine()) {
	            env = GCPEnv.KUBERNETES_ENGINE;
	        }
	        else if (isCloudRun()) {
	            env = GCPEnv.CLOUD_RUN;
	        }
	        else if (isCloudRunJob()) {
	            env = GCPEnv.CLOUD_RUN_JOBS;
	        }
	        else {
	            env = GCPEnv.COMPUTE_ENGINE;
	        }
	    }
	    else {
	        env = GCPEnv.NONE;
	    }
	    return env;
	}
	function isAppEngine() {
	    return !!(process.env.GAE_SERVICE || process.env.GAE_MODULE_NAME);
	}
	function isCloudFunction() {
	    return !!(process.env.FUNCTION_NAME || process.env.FUNCTION_TARGET);
	}
	/**
	 * This check only verifies that the environment is running knative.
	 * This must be run *after* checking for Kubernetes, otherwise it will
	 * return a false positive.
	 */
	function isCloudRun() {
	    return !!process.env.K_CONFIGURATION;
	}
	function isCloudRunJob() {
	    return !!process.env.CLOUD_RUN_JOB;
	}
	async function isKubernetesEngine() {
	    try {
	        await gcpMetadata.instance('attributes/cluster-name');
	        return true;
	    }
	    catch (e) {
	        return false;
	    }
	}
	async function isComputeEngine() {
	    return gcpMetadata.isAvailable();
	}
	
	return envDetect;
}

var jwtclient = {};

var googleToken = {};

var tokenHandler = {};

var getToken = {};

var jwsSign = {};

var jws = {};

/*global module, process*/

var dataStream;
var hasRequiredDataStream;

function requireDataStream () {
	if (hasRequiredDataStream) return dataStream;
	hasRequiredDataStream = 1;
	var Buffer = requireSafeBuffer().Buffer;
	var Stream = require$$3;
	var util = require$$2;

	function DataStream(data) {
	  this.buffer = null;
	  this.writable = true;
	  this.readable = true;

	  // No input
	  if (!data) {
	    this.buffer = Buffer.alloc(0);
	    return this;
	  }

	  // Stream
	  if (typeof data.pipe === 'function') {
	    this.buffer = Buffer.alloc(0);
	    data.pipe(this);
	    return this;
	  }

	  // Buffer or String
	  // or Object (assumedly a passworded key)
	  if (data.length || typeof data === 'object') {
	    this.buffer = data;
	    this.writable = false;
	    process.nextTick(function () {
	      this.emit('end', data);
	      this.readable = false;
	      this.emit('close');
	    }.bind(this));
	    return this;
	  }

	  throw new TypeError('Unexpected data type ('+ typeof data + ')');
	}
	util.inherits(DataStream, Stream);

	DataStream.prototype.write = function write(data) {
	  this.buffer = Buffer.concat([this.buffer, Buffer.from(data)]);
	  this.emit('data', data);
	};

	DataStream.prototype.end = function end(data) {
	  if (data)
	    this.write(data);
	  this.emit('end', data);
	  this.emit('close');
	  this.writable = false;
	  this.readable = false;
	};

	dataStream = DataStream;
	return dataStream;
}

/*jshint node:true */

var bufferEqualConstantTime;
var hasRequiredBufferEqualConstantTime;

function requireBufferEqualConstantTime () {
	if (hasRequiredBufferEqualConstantTime) return bufferEqualConstantTime;
	hasRequiredBufferEqualConstantTime = 1;
	var Buffer = require$$0$6.Buffer; // browserify
	var SlowBuffer = require$$0$6.SlowBuffer;

	bufferEqualConstantTime = bufferEq;

	function bufferEq(a, b) {

	  // shortcutting on type is necessary for correctness
	  if (!Buffer.isBuffer(a) || !Buffer.isBuffer(b)) {
	    return false;
	  }

	  // buffer sizes should be well-known information, so despite this
	  // shortcutting, it doesn't leak any information about the *contents* of the
	  // buffers.
	  if (a.length !== b.length) {
	    return false;
	  }

	  var c = 0;
	  for (var i = 0; i < a.length; i++) {
	    /*jshint bitwise:false */
	    c |= a[i] ^ b[i]; // XOR
	  }
	  return c === 0;
	}

	bufferEq.install = function() {
	  Buffer.prototype.equal = SlowBuffer.prototype.equal = function equal(that) {
	    return bufferEq(this, that);
	  };
	};

	var origBufEqual = Buffer.prototype.equal;
	var origSlowBufEqual = SlowBuffer.prototype.equal;
	bufferEq.restore = function() {
	  Buffer.prototype.equal = origBufEqual;
	  SlowBuffer.prototype.equal = origSlowBufEqual;
	};
	return bufferEqualConstantTime;
}

var jwa;
var hasRequiredJwa;

function requireJwa () {
	if (hasRequiredJwa) return jwa;
	hasRequiredJwa = 1;
	var Buffer = requireSafeBuffer().Buffer;
	var crypto = require$$0$5;
	var formatEcdsa = requireEcdsaSigFormatter();
	var util = require$$2;

	var MSG_INVALID_ALGORITHM = '"%s" is not a valid algorithm.\n  Supported algorithms are:\n  "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512" and "none".';
	var MSG_INVALID_SECRET = 'secret must be a string or buffer';
	var MSG_INVALID_VERIFIER_KEY = 'key must be a string or a buffer';
	var MSG_INVALID_SIGNER_KEY = 'key must be a string, a buffer or an object';

	var supportsKeyObjects = typeof crypto.createPublicKey === 'function';
	if (supportsKeyObjects) {
	  MSG_INVALID_VERIFIER_KEY += ' or a KeyObject';
	  MSG_INVALID_SECRET += 'or a KeyObject';
	}

	function checkIsPublicKey(key) {
	  if (Buffer.isBuffer(key)) {
	    return;
	  }

	  if (typeof key === 'string') {
	    return;
	  }

	  if (!supportsKeyObjects) {
	    throw typeError(MSG_INVALID_VERIFIER_KEY);
	  }

	  if (typeof key !== 'object') {
	    throw typeError(MSG_INVALID_VERIFIER_KEY);
	  }

	  if (typeof key.type !== 'string') {
	    throw typeError(MSG_INVALID_VERIFIER_KEY);
	  }

	  if (typeof key.asymmetricKeyType !== 'string') {
	    throw typeError(MSG_INVALID_VERIFIER_KEY);
	  }

	  if (typeof key.export !== 'function') {
	    throw typeError(MSG_INVALID_VERIFIER_KEY);
	  }
	}
	function checkIsPrivateKey(key) {
	  if (Buffer.isBuffer(key)) {
	    return;
	  }

	  if (typeof key === 'string') {
	    return;
	  }

	  if (typeof key === 'object') {
	    return;
	  }

	  throw typeError(MSG_INVALID_SIGNER_KEY);
	}
	function checkIsSecretKey(key) {
	  if (Buffer.isBuffer(key)) {
	    return;
	  }

	  if (typeof key === 'string') {
	    return key;
	  }

	  if (!supportsKeyObjects) {
	    throw typeError(MSG_INVALID_SECRET);
	  }

	  if (typeof key !== 'object') {
	    throw typeError(MSG_INVALID_SECRET);
	  }

	  if (key.type !== 'secret') {
	    throw typeError(MSG_INVALID_SECRET);
	  }

	  if (typeof key.export !== 'function') {
	    throw typeError(MSG_INVALID_SECRET);
	  }
	}

	function fromBase64(base64) {
	  return base64
	    .replace(/=/g, '')
	    .replace(/\+/g, '-')
	    .replace(/\//g, '_');
	}

	function toBase64(base64url) {
	  base64url = base64url.toString();

	  var padding = 4 - base64url.length % 4;
	  if (padding !== 4) {
	    for (var i = 0; i < padding; ++i) {
	      base64url += '=';
	    }
	  }

	  return base64url
	    .replace(/\-/g, '+')
	    .replace(/_/g, '/');
	}

	function typeError(template) {
	  var args = [].slice.call(arguments, 1);
	  var errMsg = util.format.bind(util, template).apply(null, args);
	  return new TypeError(errMsg);
	}

	function bufferOrString(obj) {
	  return Buffer.isBuffer(obj) || typeof obj === 'string';
	}

	function normalizeInput(thing) {
	  if (!bufferOrString(thing))
	    thing = JSON.stringify(thing);
	  return thing;
	}

	function createHmacSigner(bits) {
	  return function sign(thing, secret) {
	    checkIsSecretKey(secret);
	    thing = normalizeInput(thing);
	    var hmac = crypto.createHmac('sha' + bits, secret);
	    var sig = (hmac.update(thing), hmac.digest('base64'));
	    return fromBase64(sig);
	  }
	}

	var bufferEqual;
	var timingSafeEqual = 'timingSafeEqual' in crypto ? function timingSafeEqual(a, b) {
	  if (a.byteLength !== b.byteLength) {
	    return false;
	  }

	  return crypto.timingSafeEqual(a, b)
	} : function timingSafeEqual(a, b) {
	  if (!bufferEqual) {
	    bufferEqual = requireBufferEqualConstantTime();
	  }

	  return bufferEqual(a, b)
	};

	function createHmacVerifier(bits) {
	  return function verify(thing, signature, secret) {
	    var computedSig = createHmacSigner(bits)(thing, secret);
	    return timingSafeEqual(Buffer.from(signature), Buffer.from(computedSig));
	  }
	}

	function createKeySigner(bits) {
	 return function sign(thing, privateKey) {
	    checkIsPrivateKey(privateKey);
	    thing = normalizeInput(thing);
	    // Even though we are specifying "RSA" here, this works with ECDSA
	    // keys as well.
	    var signer = crypto.createSign('RSA-SHA' + bits);
	    var sig = (signer.update(thing), signer.sign(privateKey, 'base64'));
	    return fromBase64(sig);
	  }
	}

	function createKeyVerifier(bits) {
	  return function verify(thing, signature, publicKey) {
	    checkIsPublicKey(publicKey);
	    thing = normalizeInput(thing);
	    signature = toBase64(signature);
	    var verifier = crypto.createVerify('RSA-SHA' + bits);
	    verifier.update(thing);
	    return verifier.verify(publicKey, signature, 'base64');
	  }
	}

	function createPSSKeySigner(bits) {
	  return function sign(thing, privateKey) {
	    checkIsPrivateKey(privateKey);
	    thing = normalizeInput(thing);
	    var signer = crypto.createSign('RSA-SHA' + bits);
	    var sig = (signer.update(thing), signer.sign({
	      key: privateKey,
	      padding: crypto.constants.RSA_PKCS1_PSS_PADDING,
	      saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST
	    }, 'base64'));
	    return fromBase64(sig);
	  }
	}

	function createPSSKeyVerifier(bits) {
	  return function verify(thing, signature, publicKey) {
	    checkIsPublicKey(publicKey);
	    thing = normalizeInput(thing);
	    signature = toBase64(signature);
	    var verifier = crypto.createVerify('RSA-SHA' + bits);
	    verifier.update(thing);
	    return verifier.verify({
	      key: publicKey,
	      padding: crypto.constants.RSA_PKCS1_PSS_PADDING,
	      saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST
	    }, signature, 'base64');
	  }
	}

	function createECDSASigner(bits) {
	  var inner = createKeySigner(bits);
	  return function sign() {
	    var signature = inner.apply(null, arguments);
	    signature = formatEcdsa.derToJose(signature, 'ES' + bits);
	    return signature;
	  };
	}

	function createECDSAVerifer(bits) {
	  var inner = createKeyVerifier(bits);
	  return function verify(thing, signature, publicKey) {
	    signature = formatEcdsa.joseToDer(signature, 'ES' + bits).toString('base64');
	    var result = inner(thing, signature, publicKey);
	    return result;
	  };
	}

	function createNoneSigner() {
	  return function sign() {
	    return '';
	  }
	}

	function createNoneVerifier() {
	  return function verify(thing, signature) {
	    return signature === '';
	  }
	}

	jwa = function jwa(algorithm) {
	  var signerFactories = {
	    hs: createHmacSigner,
	    rs: createKeySigner,
	    ps: createPSSKeySigner,
	    es: createECDSASigner,
	    none: createNoneSigner,
	  };
	  var verifierFactories = {
	    hs: createHmacVerifier,
	    rs: createKeyVerifier,
	    ps: createPSSKeyVerifier,
	    es: createECDSAVerifer,
	    none: createNoneVerifier,
	  };
	  var match = algorithm.match(/^(RS|PS|ES|HS)(256|384|512)$|^(none)$/);
	  if (!match)
	    throw typeError(MSG_INVALID_ALGORITHM, algorithm);
	  var algo = (match[1] || match[3]).toLowerCase();
	  var bits = match[2];

	  return {
	    sign: signerFactories[algo](bits),
	    verify: verifierFactories[algo](bits),
	  }
	};
	return jwa;
}

/*global module*/

var tostring;
var hasRequiredTostring;

function requireTostring () {
	if (hasRequiredTostring) return tostring;
	hasRequiredTostring = 1;
	var Buffer = require$$0$6.Buffer;

	tostring = function toString(obj) {
	  if (typeof obj === 'string')
	    return obj;
	  if (typeof obj === 'number' || Buffer.isBuffer(obj))
	    return obj.toString();
	  return JSON.stringify(obj);
	};
	return tostring;
}

/*global module*/

var signStream;
var hasRequiredSignStream;

function requireSignStream () {
	if (hasRequiredSignStream) return signStream;
	hasRequiredSignStream = 1;
	var Buffer = requireSafeBuffer().Buffer;
	var DataStream = requireDataStream();
	var jwa = requireJwa();
	var Stream = require$$3;
	var toString = requireTostring();
	var util = require$$2;

	function base64url(string, encoding) {
	  return Buffer
	    .from(string, encoding)
	    .toString('base64')
	    .replace(/=/g, '')
	    .replace(/\+/g, '-')
	    .replace(/\//g, '_');
	}

	function jwsSecuredInput(header, payload, encoding) {
	  encoding = encoding || 'utf8';
	  var encodedHeader = base64url(toString(header), 'binary');
	  var encodedPayload = base64url(toString(payload), encoding);
	  return util.format('%s.%s', encodedHeader, encodedPayload);
	}

	function jwsSign(opts) {
	  var header = opts.header;
	  var payload = opts.payload;
	  var secretOrKey = opts.secret || opts.privateKey;
	  var encoding = opts.encoding;
	  var algo = jwa(header.alg);
	  var securedInput = jwsSecuredInput(header, payload, encoding);
	  var signature = algo.sign(securedInput, secretOrKey);
	  return util.format('%s.%s', securedInput, signature);
	}

	function SignStream(opts) {
	  var secret = opts.secret;
	  secret = secret == null ? opts.privateKey : secret;
	  secret = secret == null ? opts.key : secret;
	  if (/^hs/i.test(opts.header.alg) === true && secret == null) {
	    throw new TypeError('secret must be a string or buffer or a KeyObject')
	  }
	  var secretStream = new DataStream(secret);
	  this.readable = true;
	  this.header = opts.header;
	  this.encoding = opts.encoding;
	  this.secret = this.privateKey = this.key = secretStream;
	  this.payload = new DataStream(opts.payload);
	  this.secret.once('close', function () {
	    if (!this.payload.writable && this.readable)
	      this.sign();
	  }.bind(this));

	  this.payload.once('close', function () {
	    if (!this.secret.writable && this.readable)
	      this.sign();
	  }.bind(this));
	}
	util.inherits(SignStream, Stream);

	SignStream.prototype.sign = function sign() {
	  try {
	    var signature = jwsSign({
	      header: this.header,
	      payload: this.payload.buffer,
	      secret: this.secret.buffer,
	      encoding: this.encoding
	    });
	    this.emit('done', signature);
	    this.emit('data', signature);
	    this.emit('end');
	    this.readable = false;
	    return signature;
	  } catch (e) {
	    this.readable = false;
	    this.emit('error', e);
	    this.emit('close');
	  }
	};

	SignStream.sign = jwsSign;

	signStream = SignStream;
	return signStream;
}

/*global module*/

var verifyStream;
var hasRequiredVerifyStream;

function requireVerifyStream () {
	if (hasRequiredVerifyStream) return verifyStream;
	hasRequiredVerifyStream = 1;
	var Buffer = requireSafeBuffer().Buffer;
	var DataStream = requireDataStream();
	var jwa = requireJwa();
	var Stream = require$$3;
	var toString = requireTostring();
	var util = require$$2;
	var JWS_REGEX = /^[a-zA-Z0-9\-_]+?\.[a-zA-Z0-9\-_]+?\.([a-zA-Z0-9\-_]+)?$/;

	function isObject(thing) {
	  return Object.prototype.toString.call(thing) === '[object Object]';
	}

	function safeJsonParse(thing) {
	  if (isObject(thing))
	    return thing;
	  try { return JSON.parse(thing); }
	  catch (e) { return undefined; }
	}

	function headerFromJWS(jwsSig) {
	  var encodedHeader = jwsSig.split('.', 1)[0];
	  return safeJsonParse(Buffer.from(encodedHeader, 'base64').toString('binary'));
	}

	function securedInputFromJWS(jwsSig) {
	  return jwsSig.split('.', 2).join('.');
	}

	function signatureFromJWS(jwsSig) {
	  return jwsSig.split('.')[2];
	}

	function payloadFromJWS(jwsSig, encoding) {
	  encoding = encoding || 'utf8';
	  var payload = jwsSig.split('.')[1];
	  return Buffer.from(payload, 'base64').toString(encoding);
	}

	function isValidJws(string) {
	  return JWS_REGEX.test(string) && !!headerFromJWS(string);
	}

	function jwsVerify(jwsSig, algorithm, secretOrKey) {
	  if (!algorithm) {
	    var err = new Error("Missing algorithm parameter for jws.verify");
	    err.code = "MISSING_ALGORITHM";
	    throw err;
	  }
	  jwsSig = toString(jwsSig);
	  var signature = signatureFromJWS(jwsSig);
	  var securedInput = securedInputFromJWS(jwsSig);
	  var algo = jwa(algorithm);
	  return algo.verify(securedInput, signature, secretOrKey);
	}

	function jwsDecode(jwsSig, opts) {
	  opts = opts || {};
	  jwsSig = toString(jwsSig);

	  if (!isValidJws(jwsSig))
	    return null;

	  var header = headerFromJWS(jwsSig);

	  if (!header)
	    return null;

	  var payload = payloadFromJWS(jwsSig);
	  if (header.typ === 'JWT' || opts.json)
	    payload = JSON.parse(payload, opts.encoding);

	  return {
	    header: header,
	    payload: payload,
	    signature: signatureFromJWS(jwsSig)
	  };
	}

	function VerifyStream(opts) {
	  opts = opts || {};
	  var secretOrKey = opts.secret;
	  secretOrKey = secretOrKey == null ? opts.publicKey : secretOrKey;
	  secretOrKey = secretOrKey == null ? opts.key : secretOrKey;
	  if (/^hs/i.test(opts.algorithm) === true && secretOrKey == null) {
	    throw new TypeError('secret must be a string or buffer or a KeyObject')
	  }
	  var secretStream = new DataStream(secretOrKey);
	  this.readable = true;
	  this.algorithm = opts.algorithm;
	  this.encoding = opts.encoding;
	  this.secret = this.publicKey = this.key = secretStream;
	  this.signature = new DataStream(opts.signature);
	  this.secret.once('close', function () {
	    if (!this.signature.writable && this.readable)
	      this.verify();
	  }.bind(this));

	  this.signature.once('close', function () {
	    if (!this.secret.writable && this.readable)
	      this.verify();
	  }.bind(this));
	}
	util.inherits(VerifyStream, Stream);
	VerifyStream.prototype.verify = function verify() {
	  try {
	    var valid = jwsVerify(this.signature.buffer, this.algorithm, this.key.buffer);
	    var obj = jwsDecode(this.signature.buffer, this.encoding);
	    this.emit('done', valid, obj);
	    this.emit('data', valid);
	    this.emit('end');
	    this.readable = false;
	    return valid;
	  } catch (e) {
	    this.readable = false;
	    this.emit('error', e);
	    this.emit('close');
	  }
	};

	VerifyStream.decode = jwsDecode;
	VerifyStream.isValid = isValidJws;
	VerifyStream.verify = jwsVerify;

	verifyStream = VerifyStream;
	return verifyStream;
}

/*global exports*/

var hasRequiredJws;

function requireJws () {
	if (hasRequiredJws) return jws;
	hasRequiredJws = 1;
	var SignStream = requireSignStream();
	var VerifyStream = requireVerifyStream();

	var ALGORITHMS = [
	  'HS256', 'HS384', 'HS512',
	  'RS256', 'RS384', 'RS512',
	  'PS256', 'PS384', 'PS512',
	  'ES256', 'ES384', 'ES512'
	];

	jws.ALGORITHMS = ALGORITHMS;
	jws.sign = SignStream.sign;
	jws.verify = VerifyStream.verify;
	jws.decode = VerifyStream.decode;
	jws.isValid = VerifyStream.isValid;
	jws.createSign = function createSign(opts) {
	  return new SignStream(opts);
	};
	jws.createVerify = function createVerify(opts) {
	  return new VerifyStream(opts);
	};
	return jws;
}

var hasRequiredJwsSign;

function requireJwsSign () {
	if (hasRequiredJwsSign) return jwsSign;
	hasRequiredJwsSign = 1;
	// Copyright 2025 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(jwsSign, "__esModule", { value: true });
	jwsSign.buildPayloadForJwsSign = buildPayloadForJwsSign;
	jwsSign.getJwsSign = getJwsSign;
	const jws_1 = requireJws();
	/** The default algorithm for signing JWTs. */
	const ALG_RS256 = 'RS256';
	/** The URL for Google's OAuth 2.0 token endpoint. */
	const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
	/**
	 * Builds the JWT payload for signing.
	 * @param tokenOptions The options for the token.
	 * @returns The JWT payload.
	 */
	function buildPayloadForJwsSign(tokenOptions) {
	    const iat = Math.floor(new Date().getTime() / 1000);
	    const payload = {
	        iss: tokenOptions.iss,
	        scope: tokenOptions.scope,
	        aud: GOOGLE_TOKEN_URL,
	        exp: iat + 3600,
	        iat,
	        sub: tokenOptions.sub,
	        ...tokenOptions.additionalClaims,
	    };
	    return payload;
	}
	/**
	 * Creates a signed JWS (JSON Web Signature).
	 * @param tokenOptions The options for the token.
	 * @returns The signed JWS.
	 */
	function getJwsSign(tokenOptions) {
	    const payload = buildPayloadForJwsSign(tokenOptions);
	    return (0, jws_1.sign)({
	        header: { alg: ALG_RS256 },
	        payload,
	        secret: tokenOptions.key,
	    });
	}
	
	return jwsSign;
}

var hasRequiredGetToken;

function requireGetToken () {
	if (hasRequiredGetToken) return getToken;
	hasRequiredGetToken = 1;
	// Copyright 2025 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(getToken, "__esModule", { value: true });
	getToken.getToken = getToken$1;
	const jwsSign_1 = requireJwsSign();
	/** The URL for Google's OAuth 2.0 token endpoint. */
	const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
	/** The grant type for JWT-based authorization. */
	const GOOGLE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
	/**
	 * Generates the request options for fetching a token.
	 * @param tokenOptions The options for the token.
	 * @returns The Gaxios options for the request.
	 */
	const generateRequestOptions = (tokenOptions) => {
	    return {
	        method: 'POST',
	        url: GOOGLE_TOKEN_URL,
	        data: new URLSearchParams({
	            grant_type: GOOGLE_GRANT_TYPE, // Grant type for JWT
	            assertion: (0, jwsSign_1.getJwsSign)(tokenOptions),
	        }),
	        responseType: 'json',
	        retryConfig: {
	            httpMethodsToRetry: ['POST'],
	        },
	    };
	};
	/**
	 * Fetches an access token.
	 * @param tokenOptions The options for the token.
	 * @returns A promise that resolves with the token data.
	 */
	async function getToken$1(tokenOptions) {
	    if (!tokenOptions.transporter) {
	        throw new Error('No transporter set.');
	    }
	    try {
	        const gaxiosOptions = generateRequestOptions(tokenOptions);
	        const response = await tokenOptions.transporter.request(gaxiosOptions);
	        return response.data;
	    }
	    catch (e) {
	        // The error is re-thrown, but we want to format it to be more
	        // informative.
	        const err = e;
	        const errorData = err.response?.data;
	        if (errorData?.error) {
	            err.message = `${errorData.error}: ${errorData.error_description}`;
	        }
	        throw err;
	    }
	}
	
	return getToken;
}

var getCredentials = {};

var errorWithCode = {};

var hasRequiredErrorWithCode;

function requireErrorWithCode () {
	if (hasRequiredErrorWithCode) return errorWithCode;
	hasRequiredErrorWithCode = 1;
	// Copyright 2025 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(errorWithCode, "__esModule", { value: true });
	errorWithCode.ErrorWithCode = void 0;
	class ErrorWithCode extends Error {
	    code;
	    constructor(message, code) {
	        super(message);
	        this.code = code;
	    }
	}
	errorWithCode.ErrorWithCode = ErrorWithCode;
	
	return errorWithCode;
}

var hasRequiredGetCredentials;

function requireGetCredentials () {
	if (hasRequiredGetCredentials) return getCredentials;
	hasRequiredGetCredentials = 1;
	// Copyright 2025 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(getCredentials, "__esModule", { value: true });
	getCredentials.getCredentials = getCredentials$1;
	const path$1 = path;
	const fs = require$$0$2;
	const util_1 = require$$2;
	const errorWithCode_1 = requireErrorWithCode();
	const readFile = fs.readFile
	    ? (0, util_1.promisify)(fs.readFile)
	    : async () => {
	        // if running in the web-browser, fs.readFile may not have been shimmed.
	        throw new errorWithCode_1.ErrorWithCode('use key rather than keyFile.', 'MISSING_CREDENTIALS');
	    };
	var ExtensionFiles;
	(function (ExtensionFiles) {
	    ExtensionFiles["JSON"] = ".json";
	    ExtensionFiles["DER"] = ".der";
	    ExtensionFiles["CRT"] = ".crt";
	    ExtensionFiles["PEM"] = ".pem";
	    ExtensionFiles["P12"] = ".p12";
	    ExtensionFiles["PFX"] = ".pfx";
	})(ExtensionFiles || (ExtensionFiles = {}));
	/**
	 * Provides credentials from a JSON key file.
	 */
	class JsonCredentialsProvider {
	    keyFilePath;
	    constructor(keyFilePath) {
	        this.keyFilePath = keyFilePath;
	    }
	    /**
	     * Reads a JSON key file and extracts the private key and client email.
	     * @returns A promise that resolves with the credentials.
	     */
	    async getCredentials() {
	        const key = await readFile(this.keyFilePath, 'utf8');
	        let body;
	        try {
	            body = JSON.parse(key);
	        }
	        catch (error) {
	            const err = error;
	            throw new Error(`Invalid JSON key file: ${err.message}`);
	        }
	        const privateKey = body.private_key;
	        const clientEmail = body.client_email;
	        if (!privateKey || !clientEmail) {
	            throw new errorWithCode_1.ErrorWithCode('private_key and client_email are required.', 'MISSING_CREDENTIALS');
	        }
	        return { privateKey, clientEmail };
	    }
	}
	/**
	 * Provides credentials from a PEM-like key file.
	 */
	class PemCredentialsProvider {
	    keyFilePath;
	    constructor(keyFilePath) {
	        this.keyFilePath = keyFilePath;
	    }
	    /**
	     * Reads a PEM-like key file.
	     * @returns A promise that resolves with the private key.
	     */
	    async getCredentials() {
	        const privateKey = await readFile(this.keyFilePath, 'utf8');
	        return { privateKey };
	    }
	}
	/**
	 * Handles unsupported P12/PFX certificate types.
	 */
	class P12CredentialsProvider {
	    /**
	     * Throws an error as P12/PFX certificates are not supported.
	     * @returns A promise that rejects with an error.
	     */
	    async getCredentials() {
	        throw new errorWithCode_1.ErrorWithCode('*.p12 certificates are not supported after v6.1.2. ' +
	            'Consider utilizing *.json format or converting *.p12 to *.pem using the OpenSSL CLI.', 'UNKNOWN_CERTIFICATE_TYPE');
	    }
	}
	/**
	 * Factory class to create the appropriate credentials provider.
	 */
	class CredentialsProviderFactory {
	    /**
	     * Creates a credential provider based on the key file extension.
	     * @param keyFilePath The path to the key file.
	     * @returns An instance of a class that implements ICredentialsProvider.
	     */
	    static create(keyFilePath) {
	        const keyFileExtension = path$1.extname(keyFilePath);
	        switch (keyFileExtension) {
	            case ExtensionFiles.JSON:
	                return new JsonCredentialsProvider(keyFilePath);
	            case ExtensionFiles.DER:
	            case ExtensionFiles.CRT:
	            case ExtensionFiles.PEM:
	                return new PemCredentialsProvider(keyFilePath);
	            case ExtensionFiles.P12:
	            case ExtensionFiles.PFX:
	                return new P12CredentialsProvider();
	            default:
	                throw new errorWithCode_1.ErrorWithCode('Unknown certificate type. Type is determined based on file extension. ' +
	                    'Current supported extensions are *.json, and *.pem.', 'UNKNOWN_CERTIFICATE_TYPE');
	        }
	    }
	}
	/**
	 * Given a keyFile, extract the key and client email if available
	 * @param keyFile Path to a json, pem, or p12 file that contains the key.
	 * @returns an object with privateKey and clientEmail properties
	 */
	async function getCredentials$1(keyFilePath) {
	    const provider = CredentialsProviderFactory.create(keyFilePath);
	    return provider.getCredentials();
	}
	
	return getCredentials;
}

var hasRequiredTokenHandler;

function requireTokenHandler () {
	if (hasRequiredTokenHandler) return tokenHandler;
	hasRequiredTokenHandler = 1;
	Object.defineProperty(tokenHandler, "__esModule", { value: true });
	tokenHandler.TokenHandler = void 0;
	const getToken_1 = requireGetToken();
	const getCredentials_1 = requireGetCredentials();
	/**
	 * Manages the fetching and caching of access tokens.
	 */
	class TokenHandler {
	    /** The cached access token. */
	    token;
	    /** The expiration time of the cached access token. */
	    tokenExpiresAt;
	    /** A promise for an in-flight token request. */
	    inFlightRequest;
	    tokenOptions;
	    /**
	     * Creates an instance of TokenHandler.
	     * @param tokenOptions The options for fetching tokens.
	     * @param transporter The transporter to use for making requests.
	     */
	    constructor(tokenOptions) {
	        this.tokenOptions = tokenOptions;
	    }
	    /**
	     * Processes the credentials, loading them from a key file if necessary.
	     * This method is called before any token request.
	     */
	    async processCredentials() {
	        if (!this.tokenOptions.key && !this.tokenOptions.keyFile) {
	            throw new Error('No key or keyFile set.');
	        }
	        if (!this.tokenOptions.key && this.tokenOptions.keyFile) {
	            const credentials = await (0, getCredentials_1.getCredentials)(this.tokenOptions.keyFile);
	            this.tokenOptions.key = credentials.privateKey;
	            this.tokenOptions.email = credentials.clientEmail;
	        }
	    }
	    /**
	     * Checks if the cached token is expired or close to expiring.
	     * @returns True if the token is expiring, false otherwise.
	     */
	    isTokenExpiring() {
	        if (!this.token || !this.tokenExpiresAt) {
	            return true;
	        }
	        const now = new Date().getTime();
	        const eagerRefreshThresholdMillis = this.tokenOptions.eagerRefreshThresholdMillis ?? 0;
	        return this.tokenExpiresAt <= now + eagerRefreshThresholdMillis;
	    }
	    /**
	     * Returns whether the token has completely expired.
	     *
	     * @returns true if the token has expired, false otherwise.
	     */
	    hasExpired() {
	        new Date().getTime();
	        if (this.token && this.tokenExpiresAt) {
	            const now = new Date().getTime();
	            return now >= this.tokenExpiresAt;
	        }
	        return true;
	    }
	    /**
	     * Fetches an access token, using a cached one if available and not expired.
	     * @param forceRefresh If true, forces a new token to be fetched.
	     * @returns A promise that resolves with the token data.
	     */
	    async getToken(forceRefresh) {
	        // Ensure credentials are processed before proceeding.
	        await this.processCredentials();
	        // If there's an in-flight request, return it.
	        if (this.inFlightRequest && !forceRefresh) {
	            return this.inFlightRequest;
	        }
	        // If we have a valid, non-expiring token, return it.
	        if (this.token && !this.isTokenExpiring() && !forceRefresh) {
	            return this.token;
	        }
	        // Otherwise, fetch a new token.
	        try {
	            this.inFlightRequest = (0, getToken_1.getToken)(this.tokenOptions);
	            const token = await this.inFlightRequest;
	            // Cache the new token and its expiration time.
	            this.token = token;
	            this.tokenExpiresAt =
	                new Date().getTime() + (token.expires_in ?? 0) * 1000;
	            return token;
	        }
	        finally {
	            // Clear the in-flight request promise once it's settled.
	            this.inFlightRequest = undefined;
	        }
	    }
	}
	tokenHandler.TokenHandler = TokenHandler;
	
	return tokenHandler;
}

var revokeToken = {};

var hasRequiredRevokeToken;

function requireRevokeToken () {
	if (hasRequiredRevokeToken) return revokeToken;
	hasRequiredRevokeToken = 1;
	// Copyright 2025 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(revokeToken, "__esModule", { value: true });
	revokeToken.revokeToken = revokeToken$1;
	/** The URL for Google's OAuth 2.0 token revocation endpoint. */
	const GOOGLE_REVOKE_TOKEN_URL = 'https://oauth2.googleapis.com/revoke?token=';
	/** The default retry behavior for the revoke token request. */
	const DEFAULT_RETRY_VALUE = true;
	/**
	 * Revokes a given access token.
	 * @param accessToken The access token to revoke.
	 * @param transporter The transporter to make the request with.
	 * @returns A promise that resolves with the revocation response.
	 */
	async function revokeToken$1(accessToken, transporter) {
	    const url = GOOGLE_REVOKE_TOKEN_URL + accessToken;
	    return await transporter.request({
	        url,
	        retry: DEFAULT_RETRY_VALUE,
	    });
	}
	
	return revokeToken;
}

var hasRequiredGoogleToken;

function requireGoogleToken () {
	if (hasRequiredGoogleToken) return googleToken;
	hasRequiredGoogleToken = 1;
	// Copyright 2025 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(googleToken, "__esModule", { value: true });
	googleToken.GoogleToken = void 0;
	const gaxios_1 = requireSrc$3();
	const tokenHandler_1 = requireTokenHandler();
	const revokeToken_1 = requireRevokeToken();
	/**
	 * The GoogleToken class is used to manage authentication with Google's OAuth 2.0 authorization server.
	 * It handles fetching, caching, and refreshing of access tokens.
	 */
	class GoogleToken {
	    /** The configuration options for this token instance. */
	    tokenOptions;
	    /** The handler for token fetching and caching logic. */
	    tokenHandler;
	    /**
	     * Create a GoogleToken.
	     *
	     * @param options  Configuration object.
	     */
	    constructor(options) {
	        this.tokenOptions = options || {};
	        // If a transporter is not set, by default set it to use gaxios.
	        this.tokenOptions.transporter = this.tokenOptions.transporter || {
	            request: opts => (0, gaxios_1.request)(opts),
	        };
	        if (!this.tokenOptions.iss) {
	            this.tokenOptions.iss = this.tokenOptions.email;
	        }
	        if (typeof this.tokenOptions.scope === 'object') {
	            this.tokenOptions.scope = this.tokenOptions.scope.join(' ');
	        }
	        this.tokenHandler = new tokenHandler_1.TokenHandler(this.tokenOptions);
	    }
	    get expiresAt() {
	        return this.tokenHandler.tokenExpiresAt;
	    }
	    /**
	     * The most recent access token obtained by this client.
	     */
	    get accessToken() {
	        return this.tokenHandler.token?.access_token;
	    }
	    /**
	     * The most recent ID token obtained by this client.
	     */
	    get idToken() {
	        return this.tokenHandler.token?.id_token;
	    }
	    /**
	     * The token type of the most recent access token.
	     */
	    get tokenType() {
	        return this.tokenHandler.token?.token_type;
	    }
	    /**
	     * The refresh token for the current credentials.
	     */
	    get refreshToken() {
	        return this.tokenHandler.token?.refresh_token;
	    }
	    /**
	     * A boolean indicating if the current token has expired.
	     */
	    hasExpired() {
	        return this.tokenHandler.hasExpired();
	    }
	    /**
	     * A boolean indicating if the current token is expiring soon,
	     * based on the `eagerRefreshThresholdMillis` option.
	     */
	    isTokenExpiring() {
	        return this.tokenHandler.isTokenExpiring();
	    }
	    getToken(callbackOrOptions, opts = { forceRefresh: false }) {
	        // Handle the various method overloads.
	        let callback;
	        if (typeof callbackOrOptions === 'function') {
	            callback = callbackOrOptions;
	        }
	        else if (typeof callbackOrOptions === 'object') {
	            opts = callbackOrOptions;
	        }
	        // Delegate the token fetching to the token handler.
	        const promise = this.tokenHandler.getToken(opts.forceRefresh ?? false);
	        // If a callback is provided, use it, otherwise return the promise.
	        if (callback) {
	            promise.then(token => callback(null, token), callback);
	        }
	        return promise;
	    }
	    revokeToken(callback) {
	        if (!this.accessToken) {
	            return Promise.reject(new Error('No token to revoke.'));
	        }
	        const promise = (0, revokeToken_1.revokeToken)(this.accessToken, this.tokenOptions.transporter);
	        // If a callback is provided, use it.
	        if (callback) {
	            promise.then(() => callback(), callback);
	        }
	        // After revoking, reset the token handler to clear the cached token.
	        this.tokenHandler = new tokenHandler_1.TokenHandler(this.tokenOptions);
	    }
	    /**
	     * Returns the configuration options for this token instance.
	     */
	    get googleTokenOptions() {
	        return this.tokenOptions;
	    }
	}
	googleToken.GoogleToken = GoogleToken;
	
	return googleToken;
}

var jwtaccess = {};

var hasRequiredJwtaccess;

function requireJwtaccess () {
	if (hasRequiredJwtaccess) return jwtaccess;
	hasRequiredJwtaccess = 1;
	// Copyright 2015 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(jwtaccess, "__esModule", { value: true });
	jwtaccess.JWTAccess = void 0;
	const jws = requireJws();
	const util_1 = requireUtil();
	const DEFAULT_HEADER = {
	    alg: 'RS256',
	    typ: 'JWT',
	};
	class JWTAccess {
	    email;
	    key;
	    keyId;
	    projectId;
	    eagerRefreshThresholdMillis;
	    cache = new util_1.LRUCache({
	        capacity: 500,
	        maxAge: 60 * 60 * 1000,
	    });
	    /**
	     * JWTAccess service account credentials.
	     *
	     * Create a new access token by using the credential to create a new JWT token
	     * that's recognized as the access token.
	     *
	     * @param email the service account email address.
	     * @param key the private key that will be used to sign the token.
	     * @param keyId the ID of the private key used to sign the token.
	     */
	    constructor(email, key, keyId, eagerRefreshThresholdMillis) {
	        this.email = email;
	        this.key = key;
	        this.keyId = keyId;
	        this.eagerRefreshThresholdMillis =
	            eagerRefreshThresholdMillis ?? 5 * 60 * 1000;
	    }
	    /**
	     * Ensures that we're caching a key appropriately, giving precedence to scopes vs. url
	     *
	     * @param url The URI being authorized.
	     * @param scopes The scope or scopes being authorized
	     * @returns A string that returns the cached key.
	     */
	    getCachedKey(url, scopes) {
	        let cacheKey = url;
	        if (scopes && Array.isArray(scopes) && scopes.length) {
	            cacheKey = url ? `${url}_${scopes.join('_')}` : `${scopes.join('_')}`;
	        }
	        else if (typeof scopes === 'string') {
	            cacheKey = url ? `${url}_${scopes}` : scopes;
	        }
	        if (!cacheKey) {
	            throw Error('Scopes or url must be provided');
	        }
	        return cacheKey;
	    }
	    /**
	     * Get a non-expired access token, after refreshing if necessary.
	     *
	     * @param url The URI being authorized.
	     * @param additionalClaims An object with a set of additional claims to
	     * include in the payload.
	     * @returns An object that includes the authorization header.
	     */
	    getRequestHeaders(url, additionalClaims, scopes) {
	        // Return cached authorization headers, unless we are within
	        // eagerRefreshThresholdMillis ms of them expiring:
	        const key = this.getCachedKey(url, scopes);
	        const cachedToken = this.cache.get(key);
	        const now = Date.now();
	        if (cachedToken &&
	            cachedToken.expiration - now > this.eagerRefreshThresholdMillis) {
	            // Copying headers into a new `Headers` object to avoid potential leakage -
	            // as this is a cache it is possible for multiple requests to reference this
	            // same value.
	            return new Headers(cachedToken.headers);
	        }
	        const iat = Math.floor(Date.now() / 1000);
	        const exp = JWTAccess.getExpirationTime(iat);
	        let defaultClaims;
	        // Turn scopes into space-separated string
	        if (Array.isArray(scopes)) {
	            scopes = scopes.join(' ');
	        }
	        // If scopes are specified, sign with scopes
	        if (scopes) {
	            defaultClaims = {
	                iss: this.email,
	                sub: this.email,
	                scope: scopes,
	                exp,
	                iat,
	            };
	        }
	        else {
	            defaultClaims = {
	                iss: this.email,
	                sub: this.email,
	                aud: url,
	                exp,
	                iat,
	            };
	        }
	        // if additionalClaims are provided, ensure they do not collide with
	        // other required claims.
	        if (additionalClaims) {
	            for (const claim in defaultClaims) {
	                if (additionalClaims[claim]) {
	                    throw new Error(`The '${claim}' property is not allowed when passing additionalClaims. This claim is included in the JWT by default.`);
	                }
	            }
	        }
	        const header = this.keyId
	            ? { ...DEFAULT_HEADER, kid: this.keyId }
	            : DEFAULT_HEADER;
	        const payload = Object.assign(defaultClaims, additionalClaims);
	        // Sign the jwt and add it to the cache
	        const signedJWT = jws.sign({ header, payload, secret: this.key });
	        const headers = new Headers({ authorization: `Bearer ${signedJWT}` });
	        this.cache.set(key, {
	            expiration: exp * 1000,
	            headers,
	        });
	        return headers;
	    }
	    /**
	     * Returns an expiration time for the JWT token.
	     *
	     * @param iat The issued at time for the JWT.
	     * @returns An expiration time for the JWT.
	     */
	    static getExpirationTime(iat) {
	        const exp = iat + 3600; // 3600 seconds = 1 hour
	        return exp;
	    }
	    /**
	     * Create a JWTAccess credentials instance using the given input options.
	     * @param json The input object.
	     */
	    fromJSON(json) {
	        if (!json) {
	            throw new Error('Must pass in a JSON object containing the service account auth settings.');
	        }
	        if (!json.client_email) {
	            throw new Error('The incoming JSON object does not contain a client_email field');
	        }
	        if (!json.private_key) {
	            throw new Error('The incoming JSON object does not contain a private_key field');
	        }
	        // Extract the relevant information from the json key file.
	        this.email = json.client_email;
	        this.key = json.private_key;
	        this.keyId = json.private_key_id;
	        this.projectId = json.project_id;
	    }
	    fromStream(inputStream, callback) {
	        if (callback) {
	            this.fromStreamAsync(inputStream).then(() => callback(), callback);
	        }
	        else {
	            return this.fromStreamAsync(inputStream);
	        }
	    }
	    fromStreamAsync(inputStream) {
	        return new Promise((resolve, reject) => {
	            if (!inputStream) {
	                reject(new Error('Must pass in a stream containing the service account auth settings.'));
	            }
	            let s = '';
	            inputStream
	                .setEncoding('utf8')
	                .on('data', chunk => (s += chunk))
	                .on('error', reject)
	                .on('end', () => {
	                try {
	                    const data = JSON.parse(s);
	                    this.fromJSON(data);
	                    resolve();
	                }
	                catch (err) {
	                    reject(err);
	                }
	            });
	        });
	    }
	}
	jwtaccess.JWTAccess = JWTAccess;
	
	return jwtaccess;
}

var hasRequiredJwtclient;

function requireJwtclient () {
	if (hasRequiredJwtclient) return jwtclient;
	hasRequiredJwtclient = 1;
	// Copyright 2013 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(jwtclient, "__esModule", { value: true });
	jwtclient.JWT = void 0;
	const googleToken_1 = requireGoogleToken();
	const getCredentials_1 = requireGetCredentials();
	const jwtaccess_1 = requireJwtaccess();
	const oauth2client_1 = requireOauth2client();
	const authclient_1 = requireAuthclient();
	class JWT extends oauth2client_1.OAuth2Client {
	    email;
	    keyFile;
	    key;
	    keyId;
	    defaultScopes;
	    scopes;
	    scope;
	    subject;
	    gtoken;
	    additionalClaims;
	    useJWTAccessWithScope;
	    defaultServicePath;
	    access;
	    /**
	     * JWT service account credentials.
	     *
	     * Retrieve access token using gtoken.
	     *
	     * @param options the
	     */
	    constructor(options = {}) {
	        super(options);
	        this.email = options.email;
	        this.keyFile = options.keyFile;
	        this.key = options.key;
	        this.keyId = options.keyId;
	        this.scopes = options.scopes;
	        this.subject = options.subject;
	        this.additionalClaims = options.additionalClaims;
	        // Start with an expired refresh token, which will automatically be
	        // refreshed before the first API call is made.
	        this.credentials = { refresh_token: 'jwt-placeholder', expiry_date: 1 };
	    }
	    /**
	     * Creates a copy of the credential with the specified scopes.
	     * @param scopes List of requested scopes or a single scope.
	     * @return The cloned instance.
	     */
	    createScoped(scopes) {
	        const jwt = new JWT(this);
	        jwt.scopes = scopes;
	        return jwt;
	    }
	    /**
	     * Obtains the metadata to be sent with the request.
	     *
	     * @param url the URI being authorized.
	     */
	    async getRequestMetadataAsync(url) {
	        url = this.defaultServicePath ? `https://${this.defaultServicePath}/` : url;
	        const useSelfSignedJWT = (!this.hasUserScopes() && url) ||
	            (this.useJWTAccessWithScope && this.hasAnyScopes()) ||
	            this.universeDomain !== authclient_1.DEFAULT_UNIVERSE;
	        if (this.subject && this.universeDomain !== authclient_1.DEFAULT_UNIVERSE) {
	            throw new RangeError(`Service Account user is configured for the credential. Domain-wide delegation is not supported in universes other than ${authclient_1.DEFAULT_UNIVERSE}`);
	        }
	        if (!this.apiKey && useSelfSignedJWT) {
	            if (this.additionalClaims &&
	                this.additionalClaims.target_audience) {
	                const { tokens } = await this.refreshToken();
	                return {
	                    headers: this.addSharedMetadataHeaders(new Headers({
	                        authorization: `Bearer ${tokens.id_token}`,
	                    })),
	                };
	            }
	            else {
	                // no scopes have been set, but a uri has been provided. Use JWTAccess
	                // credentials.
	                if (!this.access) {
	                    this.access = new jwtaccess_1.JWTAccess(this.email, this.key, this.keyId, this.eagerRefreshThresholdMillis);
	                }
	                let scopes;
	                if (this.hasUserScopes()) {
	                    scopes = this.scopes;
	                }
	                else if (!url) {
	                    scopes = this.defaultScopes;
	                }
	                const useScopes = this.useJWTAccessWithScope ||
	                    this.universeDomain !== authclient_1.DEFAULT_UNIVERSE;
	                const headers = await this.access.getRequestHeaders(url ?? undefined, this.additionalClaims, 
	                // Scopes take precedent over audience for signing,
	                // so we only provide them if `useJWTAccessWithScope` is on or
	                // if we are in a non-default universe
	                useScopes ? scopes : undefined);
	                return { headers: this.addSharedMetadataHeaders(headers) };
	            }
	        }
	        else if (this.hasAnyScopes() || this.apiKey) {
	            return super.getRequestMetadataAsync(url);
	        }
	        else {
	            // If no audience, apiKey, or scopes are provided, we should not attempt
	            // to populate any headers:
	            return { headers: new Headers() };
	        }
	    }
	    /**
	     * Fetches an ID token.
	     * @param targetAudience the audience for the fetched ID token.
	     */
	    async fetchIdToken(targetAudience) {
	        // Create a new gToken for fetching an ID token
	        const gtoken = new googleToken_1.GoogleToken({
	            iss: this.email,
	            sub: this.subject,
	            scope: this.scopes || this.defaultScopes,
	            keyFile: this.keyFile,
	            key: this.key,
	            additionalClaims: { target_audience: targetAudience },
	            transporter: this.transporter,
	        });
	        await gtoken.getToken({
	            forceRefresh: true,
	        });
	        if (!gtoken.idToken) {
	            throw new Error('Unknown error: Failed to fetch ID token');
	        }
	        return gtoken.idToken;
	    }
	    /**
	     * Determine if there are currently scopes available.
	     */
	    hasUserScopes() {
	        if (!this.scopes) {
	            return false;
	        }
	        return this.scopes.length > 0;
	    }
	    /**
	     * Are there any default or user scopes defined.
	     */
	    hasAnyScopes() {
	        if (this.scopes && this.scopes.length > 0)
	            return true;
	        if (this.defaultScopes && this.defaultScopes.length > 0)
	            return true;
	        return false;
	    }
	    authorize(callback) {
	        if (callback) {
	            this.authorizeAsync().then(r => callback(null, r), callback);
	        }
	        else {
	            return this.authorizeAsync();
	        }
	    }
	    async authorizeAsync() {
	        const result = await this.refreshToken();
	        if (!result) {
	            throw new Error('No result returned');
	        }
	        this.credentials = result.tokens;
	        this.credentials.refresh_token = 'jwt-placeholder';
	        this.key = this.gtoken.googleTokenOptions?.key;
	        this.email = this.gtoken.googleTokenOptions?.iss;
	        return result.tokens;
	    }
	    /**
	     * Refreshes the access token.
	     * @param refreshToken ignored
	     * @private
	     */
	    async refreshTokenNoCache() {
	        const gtoken = this.createGToken();
	        const token = await gtoken.getToken({
	            forceRefresh: this.isTokenExpiring(),
	        });
	        const tokens = {
	            access_token: token.access_token,
	            token_type: 'Bearer',
	            expiry_date: gtoken.expiresAt,
	            id_token: gtoken.idToken,
	        };
	        this.emit('tokens', tokens);
	        return { res: null, tokens };
	    }
	    /**
	     * Create a gToken if it doesn't already exist.
	     */
	    createGToken() {
	        if (!this.gtoken) {
	            this.gtoken = new googleToken_1.GoogleToken({
	                iss: this.email,
	                sub: this.subject,
	                scope: this.scopes || this.defaultScopes,
	                keyFile: this.keyFile,
	                key: this.key,
	                additionalClaims: this.additionalClaims,
	                transporter: this.transporter,
	            });
	        }
	        return this.gtoken;
	    }
	    /**
	     * Create a JWT credentials instance using the given input options.
	     * @param json The input object.
	     *
	     * @remarks
	     *
	     * **Important**: If you accept a credential configuration (credential JSON/File/Stream) from an external source for authentication to Google Cloud, you must validate it before providing it to any Google API or library. Providing an unvalidated credential configuration to Google APIs can compromise the security of your systems and data. For more information, refer to {@link https://cloud.google.com/docs/authentication/external/externally-sourced-credentials Validate credential configurations from external sources}.
	     */
	    fromJSON(json) {
	        if (!json) {
	            throw new Error('Must pass in a JSON object containing the service account auth settings.');
	        }
	        if (!json.client_email) {
	            throw new Error('The incoming JSON object does not contain a client_email field');
	        }
	        if (!json.private_key) {
	            throw new Error('The incoming JSON object does not contain a private_key field');
	        }
	        // Extract the relevant information from the json key file.
	        this.email = json.client_email;
	        this.key = json.private_key;
	        this.keyId = json.private_key_id;
	        this.projectId = json.project_id;
	        this.quotaProjectId = json.quota_project_id;
	        this.universeDomain = json.universe_domain || this.universeDomain;
	    }
	    fromStream(inputStream, callback) {
	        if (callback) {
	            this.fromStreamAsync(inputStream).then(() => callback(), callback);
	        }
	        else {
	            return this.fromStreamAsync(inputStream);
	        }
	    }
	    fromStreamAsync(inputStream) {
	        return new Promise((resolve, reject) => {
	            if (!inputStream) {
	                throw new Error('Must pass in a stream containing the service account auth settings.');
	            }
	            let s = '';
	            inputStream
	                .setEncoding('utf8')
	                .on('error', reject)
	                .on('data', chunk => (s += chunk))
	                .on('end', () => {
	                try {
	                    const data = JSON.parse(s);
	                    this.fromJSON(data);
	                    resolve();
	                }
	                catch (e) {
	                    reject(e);
	                }
	            });
	        });
	    }
	    /**
	     * Creates a JWT credentials instance using an API Key for authentication.
	     * @param apiKey The API Key in string form.
	     */
	    fromAPIKey(apiKey) {
	        if (typeof apiKey !== 'string') {
	            throw new Error('Must provide an API Key string.');
	        }
	        this.apiKey = apiKey;
	    }
	    /**
	     * Using the key or keyFile on the JWT client, obtain an object that contains
	     * the key and the client email.
	     */
	    async getCredentials() {
	        if (this.key) {
	            return { private_key: this.key, client_email: this.email };
	        }
	        else if (this.keyFile) {
	            this.createGToken();
	            const creds = await (0, getCredentials_1.getCredentials)(this.keyFile);
	            return { private_key: creds.privateKey, client_email: creds.clientEmail };
	        }
	        throw new Error('A key or a keyFile must be provided to getCredentials.');
	    }
	}
	jwtclient.JWT = JWT;
	
	return jwtclient;
}

var refreshclient = {};

var hasRequiredRefreshclient;

function requireRefreshclient () {
	if (hasRequiredRefreshclient) return refreshclient;
	hasRequiredRefreshclient = 1;
	// Copyright 2015 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(refreshclient, "__esModule", { value: true });
	refreshclient.UserRefreshClient = refreshclient.USER_REFRESH_ACCOUNT_TYPE = void 0;
	const oauth2client_1 = requireOauth2client();
	const authclient_1 = requireAuthclient();
	refreshclient.USER_REFRESH_ACCOUNT_TYPE = 'authorized_user';
	class UserRefreshClient extends oauth2client_1.OAuth2Client {
	    // TODO: refactor tests to make this private
	    // In a future gts release, the _propertyName rule will be lifted.
	    // This is also a hard one because `this.refreshToken` is a function.
	    _refreshToken;
	    /**
	     * The User Refresh Token client.
	     *
	     * @param optionsOrClientId The User Refresh Token client options. Passing an `clientId` directly is **@DEPRECATED**.
	     * @param clientSecret **@DEPRECATED**. Provide a {@link UserRefreshClientOptions `UserRefreshClientOptions`} object in the first parameter instead.
	     * @param refreshToken **@DEPRECATED**. Provide a {@link UserRefreshClientOptions `UserRefreshClientOptions`} object in the first parameter instead.
	     * @param eagerRefreshThresholdMillis **@DEPRECATED**. Provide a {@link UserRefreshClientOptions `UserRefreshClientOptions`} object in the first parameter instead.
	     * @param forceRefreshOnFailure **@DEPRECATED**. Provide a {@link UserRefreshClientOptions `UserRefreshClientOptions`} object in the first parameter instead.
	     */
	    constructor(optionsOrClientId, 
	    /**
	     * @deprecated - provide a {@link UserRefreshClientOptions `UserRefreshClientOptions`} object in the first parameter instead
	     */
	    clientSecret, 
	    /**
	     * @deprecated - provide a {@link UserRefreshClientOptions `UserRefreshClientOptions`} object in the first parameter instead
	     */
	    refreshToken, 
	    /**
	     * @deprecated - provide a {@link UserRefreshClientOptions `UserRefreshClientOptions`} object in the first parameter instead
	     */
	    eagerRefreshThresholdMillis, 
	    /**
	     * @deprecated - provide a {@link UserRefreshClientOptions `UserRefreshClientOptions`} object in the first parameter instead
	     */
	    forceRefreshOnFailure) {
	        const opts = optionsOrClientId && typeof optionsOrClientId === 'object'
	            ? optionsOrClientId
	            : {
	                clientId: optionsOrClientId,
	                clientSecret,
	                refreshToken,
	                eagerRefreshThresholdMillis,
	                forceRefreshOnFailure,
	            };
	        super(opts);
	        this._refreshToken = opts.refreshToken;
	        this.credentials.refresh_token = opts.refreshToken;
	    }
	    /**
	     * Refreshes the access token.
	     * @param refreshToken An ignored refreshToken..
	     * @param callback Optional callback.
	     */
	    async refreshTokenNoCache() {
	        return super.refreshTokenNoCache(this._refreshToken);
	    }
	    async fetchIdToken(targetAudience) {
	        const opts = {
	            ...UserRefreshClient.RETRY_CONFIG,
	            url: this.endpoints.oauth2TokenUrl,
	            method: 'POST',
	            data: new URLSearchParams({
	                client_id: this._clientId,
	                client_secret: this._clientSecret,
	                grant_type: 'refresh_token',
	                refresh_token: this._refreshToken,
	                target_audience: targetAudience,
	            }),
	            responseType: 'json',
	        };
	        authclient_1.AuthClient.setMethodName(opts, 'fetchIdToken');
	        const res = await this.transporter.request(opts);
	        return res.data.id_token;
	    }
	    /**
	     * Create a UserRefreshClient credentials instance using the given input
	     * options.
	     * @param json The input object.
	     */
	    fromJSON(json) {
	        if (!json) {
	            throw new Error('Must pass in a JSON object containing the user refresh token');
	        }
	        if (json.type !== 'authorized_user') {
	            throw new Error('The incoming JSON object does not have the "authorized_user" type');
	        }
	        if (!json.client_id) {
	            throw new Error('The incoming JSON object does not contain a client_id field');
	        }
	        if (!json.client_secret) {
	            throw new Error('The incoming JSON object does not contain a client_secret field');
	        }
	        if (!json.refresh_token) {
	            throw new Error('The incoming JSON object does not contain a refresh_token field');
	        }
	        this._clientId = json.client_id;
	        this._clientSecret = json.client_secret;
	        this._refreshToken = json.refresh_token;
	        this.credentials.refresh_token = json.refresh_token;
	        this.quotaProjectId = json.quota_project_id;
	        this.universeDomain = json.universe_domain || this.universeDomain;
	    }
	    fromStream(inputStream, callback) {
	        if (callback) {
	            this.fromStreamAsync(inputStream).then(() => callback(), callback);
	        }
	        else {
	            return this.fromStreamAsync(inputStream);
	        }
	    }
	    async fromStreamAsync(inputStream) {
	        return new Promise((resolve, reject) => {
	            if (!inputStream) {
	                return reject(new Error('Must pass in a stream containing the user refresh token.'));
	            }
	            let s = '';
	            inputStream
	                .setEncoding('utf8')
	                .on('error', reject)
	                .on('data', chunk => (s += chunk))
	                .on('end', () => {
	                try {
	                    const data = JSON.parse(s);
	                    this.fromJSON(data);
	                    return resolve();
	                }
	                catch (err) {
	                    return reject(err);
	                }
	            });
	        });
	    }
	    /**
	     * Create a UserRefreshClient credentials instance using the given input
	     * options.
	     * @param json The input object.
	     */
	    static fromJSON(json) {
	        const client = new UserRefreshClient();
	        client.fromJSON(json);
	        return client;
	    }
	}
	refreshclient.UserRefreshClient = UserRefreshClient;
	
	return refreshclient;
}

var impersonated = {};

var hasRequiredImpersonated;

function requireImpersonated () {
	if (hasRequiredImpersonated) return impersonated;
	hasRequiredImpersonated = 1;
	/**
	 * Copyright 2021 Google LLC
	 *
	 * Licensed under the Apache License, Version 2.0 (the "License");
	 * you may not use this file except in compliance with the License.
	 * You may obtain a copy of the License at
	 *
	 *      http://www.apache.org/licenses/LICENSE-2.0
	 *
	 * Unless required by applicable law or agreed to in writing, software
	 * distributed under the License is distributed on an "AS IS" BASIS,
	 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	 * See the License for the specific language governing permissions and
	 * limitations under the License.
	 */
	Object.defineProperty(impersonated, "__esModule", { value: true });
	impersonated.Impersonated = impersonated.IMPERSONATED_ACCOUNT_TYPE = void 0;
	const oauth2client_1 = requireOauth2client();
	const gaxios_1 = requireSrc$3();
	const util_1 = requireUtil();
	impersonated.IMPERSONATED_ACCOUNT_TYPE = 'impersonated_service_account';
	class Impersonated extends oauth2client_1.OAuth2Client {
	    sourceClient;
	    targetPrincipal;
	    targetScopes;
	    delegates;
	    lifetime;
	    endpoint;
	    /**
	     * Impersonated service account credentials.
	     *
	     * Create a new access token by impersonating another service account.
	     *
	     * Impersonated Credentials allowing credentials issued to a user or
	     * service account to impersonate another. The source project using
	     * Impersonated Credentials must enable the "IAMCredentials" API.
	     * Also, the target service account must grant the orginating principal
	     * the "Service Account Token Creator" IAM role.
	     *
	     * **IMPORTANT**: This method does not validate the credential configuration.
	     * A security risk occurs when a credential configuration configured with
	     * malicious URLs is used. When the credential configuration is accepted from
	     * an untrusted source, you should validate it before using it with this
	     * method. For more details, see
	     * https://cloud.google.com/docs/authentication/external/externally-sourced-credentials.
	     *
	     * @param {object} options - The configuration object.
	     * @param {object} [options.sourceClient] the source credential used as to
	     * acquire the impersonated credentials.
	     * @param {string} [options.targetPrincipal] the service account to
	     * impersonate.
	     * @param {string[]} [options.delegates] the chained list of delegates
	     * required to grant the final access_token. If set, the sequence of
	     * identities must have "Service Account Token Creator" capability granted to
	     * the preceding identity. For example, if set to [serviceAccountB,
	     * serviceAccountC], the sourceCredential must have the Token Creator role on
	     * serviceAccountB. serviceAccountB must have the Token Creator on
	     * serviceAccountC. Finally, C must have Token Creator on target_principal.
	     * If left unset, sourceCredential must have that role on targetPrincipal.
	     * @param {string[]} [options.targetScopes] scopes to request during the
	     * authorization grant.
	     * @param {number} [options.lifetime] number of seconds the delegated
	     * credential should be valid for up to 3600 seconds by default, or 43,200
	     * seconds by extending the token's lifetime, see:
	     * https://cloud.google.com/iam/docs/creating-short-lived-service-account-credentials#sa-credentials-oauth
	     * @param {string} [options.endpoint] api endpoint override.
	     */
	    constructor(options = {}) {
	        super(options);
	        // Start with an expired refresh token, which will automatically be
	        // refreshed before the first API call is made.
	        this.credentials = {
	            expiry_date: 1,
	            refresh_token: 'impersonated-placeholder',
	        };
	        this.sourceClient = options.sourceClient ?? new oauth2client_1.OAuth2Client();
	        this.targetPrincipal = options.targetPrincipal ?? '';
	        this.delegates = options.delegates ?? [];
	        this.targetScopes = options.targetScopes ?? [];
	        this.lifetime = options.lifetime ?? 3600;
	        const usingExplicitUniverseDomain = !!(0, util_1.originalOrCamelOptions)(options).get('universe_domain');
	        if (!usingExplicitUniverseDomain) {
	            // override the default universe with the source's universe
	            this.universeDomain = this.sourceClient.universeDomain;
	        }
	        else if (this.sourceClient.universeDomain !== this.universeDomain) {
	            // non-default universe and is not matching the source - this could be a credential leak
	            throw new RangeError(`Universe domain ${this.sourceClient.universeDomain} in source credentials does not match ${this.universeDomain} universe domain set for impersonated credentials.`);
	        }
	        this.endpoint =
	            options.endpoint ?? `https://iamcredentials.${this.universeDomain}`;
	    }
	    /**
	     * Signs some bytes.
	     *
	     * {@link https://cloud.google.com/iam/docs/reference/credentials/rest/v1/projects.serviceAccounts/signBlob Reference Documentation}
	     * @param blobToSign String to sign.
	     *
	     * @returns A {@link SignBlobResponse} denoting the keyID and signedBlob in base64 string
	     */
	    async sign(blobToSign) {
	        await this.sourceClient.getAccessToken();
	        const name = `projects/-/serviceAccounts/${this.targetPrincipal}`;
	        const u = `${this.endpoint}/v1/${name}:signBlob`;
	        const body = {
	            delegates: this.delegates,
	            payload: Buffer.from(blobToSign).toString('base64'),
	        };
	        const res = await this.sourceClient.request({
	            ...Impersonated.RETRY_CONFIG,
	            url: u,
	            data: body,
	            method: 'POST',
	        });
	        return res.data;
	    }
	    /** The service account email to be impersonated. */
	    getTargetPrincipal() {
	        return this.targetPrincipal;
	    }
	    /**
	     * Refreshes the access token.
	     */
	    async refreshToken() {
	        try {
	            await this.sourceClient.getAccessToken();
	            const name = 'projects/-/serviceAccounts/' + this.targetPrincipal;
	            const u = `${this.endpoint}/v1/${name}:generateAccessToken`;
	            const body = {
	                delegates: this.delegates,
	                scope: this.targetScopes,
	                lifetime: this.lifetime + 's',
	            };
	            const res = await this.sourceClient.request({
	                ...Impersonated.RETRY_CONFIG,
	                url: u,
	                data: body,
	                method: 'POST',
	            });
	            const tokenResponse = res.data;
	            this.credentials.access_token = tokenResponse.accessToken;
	            this.credentials.expiry_date = Date.parse(tokenResponse.expireTime);
	            return {
	                tokens: this.credentials,
	                res,
	            };
	        }
	        catch (error) {
	            if (!(error instanceof Error))
	                throw error;
	            let status = 0;
	            let message = '';
	            if (error instanceof gaxios_1.GaxiosError) {
	                status = error?.response?.data?.error?.status;
	                message = error?.response?.data?.error?.message;
	            }
	            if (status && message) {
	                error.message = `${status}: unable to impersonate: ${message}`;
	                throw error;
	            }
	            else {
	                error.message = `unable to impersonate: ${error}`;
	                throw error;
	            }
	        }
	    }
	    /**
	     * Generates an OpenID Connect ID token for a service account.
	     *
	     * {@link https://cloud.google.com/iam/docs/reference/credentials/rest/v1/projects.serviceAccounts/generateIdToken Reference Documentation}
	     *
	     * @param targetAudience the audience for the fetched ID token.
	     * @param options the for the request
	     * @return an OpenID Connect ID token
	     */
	    async fetchIdToken(targetAudience, options) {
	        await this.sourceClient.getAccessToken();
	        const name = `projects/-/serviceAccounts/${this.targetPrincipal}`;
	        const u = `${this.endpoint}/v1/${name}:generateIdToken`;
	        const body = {
	            delegates: this.delegates,
	            audience: targetAudience,
	            includeEmail: options?.includeEmail ?? true,
	            useEmailAzp: options?.includeEmail ?? true,
	        };
	        const res = await this.sourceClient.request({
	            ...Impersonated.RETRY_CONFIG,
	            url: u,
	            data: body,
	            method: 'POST',
	        });
	        return res.data.token;
	    }
	}
	impersonated.Impersonated = Impersonated;
	
	return impersonated;
}

var externalclient = {};

var baseexternalclient = {};

var stscredentials = {};

var oauth2common = {};

var hasRequiredOauth2common;

function requireOauth2common () {
	if (hasRequiredOauth2common) return oauth2common;
	hasRequiredOauth2common = 1;
	// Copyright 2021 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(oauth2common, "__esModule", { value: true });
	oauth2common.OAuthClientAuthHandler = void 0;
	oauth2common.getErrorFromOAuthErrorResponse = getErrorFromOAuthErrorResponse;
	const gaxios_1 = requireSrc$3();
	const crypto_1 = requireCrypto();
	/** List of HTTP methods that accept request bodies. */
	const METHODS_SUPPORTING_REQUEST_BODY = ['PUT', 'POST', 'PATCH'];
	/**
	 * Abstract class for handling client authentication in OAuth-based
	 * operations.
	 * When request-body client authentication is used, only application/json and
	 * application/x-www-form-urlencoded content types for HTTP methods that support
	 * request bodies are supported.
	 */
	class OAuthClientAuthHandler {
	    #crypto = (0, crypto_1.createCrypto)();
	    #clientAuthentication;
	    transporter;
	    /**
	     * Instantiates an OAuth client authentication handler.
	     * @param options The OAuth Client Auth Handler instance options. Passing an `ClientAuthentication` directly is **@DEPRECATED**.
	     */
	    constructor(options) {
	        if (options && 'clientId' in options) {
	            this.#clientAuthentication = options;
	            this.transporter = new gaxios_1.Gaxios();
	        }
	        else {
	            this.#clientAuthentication = options?.clientAuthentication;
	            this.transporter = options?.transporter || new gaxios_1.Gaxios();
	        }
	    }
	    /**
	     * Applies client authentication on the OAuth request's headers or POST
	     * body but does not process the request.
	     * @param opts The GaxiosOptions whose headers or data are to be modified
	     *   depending on the client authentication mechanism to be used.
	     * @param bearerToken The optional bearer token to use for authentication.
	     *   When this is used, no client authentication credentials are needed.
	     */
	    applyClientAuthenticationOptions(opts, bearerToken) {
	        opts.headers = gaxios_1.Gaxios.mergeHeaders(opts.headers);
	        // Inject authenticated header.
	        this.injectAuthenticatedHeaders(opts, bearerToken);
	        // Inject authenticated request body.
	        if (!bearerToken) {
	            this.injectAuthenticatedRequestBody(opts);
	        }
	    }
	    /**
	     * Applies client authentication on the request's header if either
	     * basic authentication or bearer token authentication is selected.
	     *
	     * @param opts The GaxiosOptions whose headers or data are to be modified
	     *   depending on the client authentication mechanism to be used.
	     * @param bearerToken The optional bearer token to use for authentication.
	     *   When this is used, no client authentication credentials are needed.
	     */
	    injectAuthenticatedHeaders(opts, bearerToken) {
	        // Bearer token prioritized higher than basic Auth.
	        if (bearerToken) {
	            opts.headers = gaxios_1.Gaxios.mergeHeaders(opts.headers, {
	                authorization: `Bearer ${bearerToken}`,
	            });
	        }
	        else if (this.#clientAuthentication?.confidentialClientType === 'basic') {
	            opts.headers = gaxios_1.Gaxios.mergeHeaders(opts.headers);
	            const clientId = this.#clientAuthentication.clientId;
	            const clientSecret = this.#clientAuthentication.clientSecret || '';
	            const base64EncodedCreds = this.#crypto.encodeBase64StringUtf8(`${clientId}:${clientSecret}`);
	            gaxios_1.Gaxios.mergeHeaders(opts.headers, {
	                authorization: `Basic ${base64EncodedCreds}`,
	            });
	        }
	    }
	    /**
	     * Applies client authentication on the request's body if request-body
	     * client authentication is selected.
	     *
	     * @param opts The GaxiosOptions whose headers or data are to be modified
	     *   depending on the client authentication mechanism to be used.
	     */
	    injectAuthenticatedRequestBody(opts) {
	        if (this.#clientAuthentication?.confidentialClientType === 'request-body') {
	            const method = (opts.method || 'GET').toUpperCase();
	            if (!METHODS_SUPPORTING_REQUEST_BODY.includes(method)) {
	                throw new Error(`${method} HTTP method does not support ` +
	                    `${this.#clientAuthentication.confidentialClientType} ` +
	                    'client authentication');
	            }
	            // Get content-type
	            const headers = new Headers(opts.headers);
	            const contentType = headers.get('content-type');
	            // Inject authenticated request body
	            if (contentType?.startsWith('application/x-www-form-urlencoded') ||
	                opts.data instanceof URLSearchParams) {
	                const data = new URLSearchParams(opts.data ?? '');
	                data.append('client_id', this.#clientAuthentication.clientId);
	                data.append('client_secret', this.#clientAuthentication.clientSecret || '');
	                opts.data = data;
	            }
	            else if (contentType?.startsWith('application/json')) {
	                opts.data = opts.data || {};
	                Object.assign(opts.data, {
	                    client_id: this.#clientAuthentication.clientId,
	                    client_secret: this.#clientAuthentication.clientSecret || '',
	                });
	            }
	            else {
	                throw new Error(`${contentType} content-types are not supported with ` +
	                    `${this.#clientAuthentication.confidentialClientType} ` +
	                    'client authentication');
	            }
	        }
	    }
	    /**
	     * Retry config for Auth-related requests.
	     *
	     * @remarks
	     *
	     * This is not a part of the default {@link AuthClient.transporter transporter/gaxios}
	     * config as some downstream APIs would prefer if customers explicitly enable retries,
	     * such as GCS.
	     */
	    static get RETRY_CONFIG() {
	        return {
	            retry: true,
	            retryConfig: {
	                httpMethodsToRetry: ['GET', 'PUT', 'POST', 'HEAD', 'OPTIONS', 'DELETE'],
	            },
	        };
	    }
	}
	oauth2common.OAuthClientAuthHandler = OAuthClientAuthHandler;
	/**
	 * Converts an OAuth error response to a native JavaScript Error.
	 * @param resp The OAuth error response to convert to a native Error object.
	 * @param err The optional original error. If provided, the error properties
	 *   will be copied to the new error.
	 * @return The converted native Error object.
	 */
	function getErrorFromOAuthErrorResponse(resp, err) {
	    // Error response.
	    const errorCode = resp.error;
	    const errorDescription = resp.error_description;
	    const errorUri = resp.error_uri;
	    let message = `Error code ${errorCode}`;
	    if (typeof errorDescription !== 'undefined') {
	        message += `: ${errorDescription}`;
	    }
	    if (typeof errorUri !== 'undefined') {
	        message += ` - ${errorUri}`;
	    }
	    const newError = new Error(message);
	    // Copy properties from original error to newly generated error.
	    if (err) {
	        const keys = Object.keys(err);
	        if (err.stack) {
	            // Copy error.stack if available.
	            keys.push('stack');
	        }
	        keys.forEach(key => {
	            // Do not overwrite the message field.
	            if (key !== 'message') {
	                Object.defineProperty(newError, key, {
	                    value: err[key],
	                    writable: false,
	                    enumerable: true,
	                });
	            }
	        });
	    }
	    return newError;
	}
	
	return oauth2common;
}

var hasRequiredStscredentials;

function requireStscredentials () {
	if (hasRequiredStscredentials) return stscredentials;
	hasRequiredStscredentials = 1;
	// Copyright 2021 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(stscredentials, "__esModule", { value: true });
	stscredentials.StsCredentials = void 0;
	const gaxios_1 = requireSrc$3();
	const authclient_1 = requireAuthclient();
	const oauth2common_1 = requireOauth2common();
	const util_1 = requireUtil();
	/**
	 * Implements the OAuth 2.0 token exchange based on
	 * https://tools.ietf.org/html/rfc8693
	 */
	class StsCredentials extends oauth2common_1.OAuthClientAuthHandler {
	    #tokenExchangeEndpoint;
	    /**
	     * Initializes an STS credentials instance.
	     *
	     * @param options The STS credentials instance options. Passing an `tokenExchangeEndpoint` directly is **@DEPRECATED**.
	     * @param clientAuthentication **@DEPRECATED**. Provide a {@link StsCredentialsConstructionOptions `StsCredentialsConstructionOptions`} object in the first parameter instead.
	     */
	    constructor(options = {
	        tokenExchangeEndpoint: '',
	    }, 
	    /**
	     * @deprecated - provide a {@link StsCredentialsConstructionOptions `StsCredentialsConstructionOptions`} object in the first parameter instead
	     */
	    clientAuthentication) {
	        if (typeof options !== 'object' || options instanceof URL) {
	            options = {
	                tokenExchangeEndpoint: options,
	                clientAuthentication,
	            };
	        }
	        super(options);
	        this.#tokenExchangeEndpoint = options.tokenExchangeEndpoint;
	    }
	    /**
	     * Exchanges the provided token for another type of token based on the
	     * rfc8693 spec.
	     * @param stsCredentialsOptions The token exchange options used to populate
	     *   the token exchange request.
	     * @param additionalHeaders Optional additional headers to pass along the
	     *   request.
	     * @param options Optional additional GCP-specific non-spec defined options
	     *   to send with the request.
	     *   Example: `&options=${encodeUriComponent(JSON.stringified(options))}`
	     * @return A promise that resolves with the token exchange response containing
	     *   the requested token and its expiration time.
	     */
	    async exchangeToken(stsCredentialsOptions, headers, options) {
	        const values = {
	            grant_type: stsCredentialsOptions.grantType,
	            resource: stsCredentialsOptions.resource,
	            audience: stsCredentialsOptions.audience,
	            scope: stsCredentialsOptions.scope?.join(' '),
	            requested_token_type: stsCredentialsOptions.requestedTokenType,
	            subject_token: stsCredentialsOptions.subjectToken,
	            subject_token_type: stsCredentialsOptions.subjectTokenType,
	            actor_token: stsCredentialsOptions.actingParty?.actorToken,
	            actor_token_type: stsCredentialsOptions.actingParty?.actorTokenType,
	            // Non-standard GCP-specific options.
	            options: options && JSON.stringify(options),
	        };
	        const opts = {
	            ...StsCredentials.RETRY_CONFIG,
	            url: this.#tokenExchangeEndpoint.toString(),
	            method: 'POST',
	            headers,
	            data: new URLSearchParams((0, util_1.removeUndefinedValuesInObject)(values)),
	            responseType: 'json',
	        };
	        authclient_1.AuthClient.setMethodName(opts, 'exchangeToken');
	        // Apply OAuth client authentication.
	        this.applyClientAuthenticationOptions(opts);
	        try {
	            const response = await this.transporter.request(opts);
	            // Successful response.
	            const stsSuccessfulResponse = response.data;
	            stsSuccessfulResponse.res = response;
	            return stsSuccessfulResponse;
	        }
	        catch (error) {
	            // Translate error to OAuthError.
	            if (error instanceof gaxios_1.GaxiosError && error.response) {
	                throw (0, oauth2common_1.getErrorFromOAuthErrorResponse)(error.response.data, 
	                // Preserve other fields from the original error.
	                error);
	            }
	            // Request could fail before the server responds.
	            throw error;
	        }
	    }
	}
	stscredentials.StsCredentials = StsCredentials;
	
	return stscredentials;
}

var hasRequiredBaseexternalclient;

function requireBaseexternalclient () {
	if (hasRequiredBaseexternalclient) return baseexternalclient;
	hasRequiredBaseexternalclient = 1;
	(function (exports) {
		// Copyright 2021 Google LLC
		//
		// Licensed under the Apache License, Version 2.0 (the "License");
		// you may not use this file except in compliance with the License.
		// You may obtain a copy of the License at
		//
		//      http://www.apache.org/licenses/LICENSE-2.0
		//
		// Unless required by applicable law or agreed to in writing, software
		// distributed under the License is distributed on an "AS IS" BASIS,
		// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
		// See the License for the specific language governing permissions and
		// limitations under the License.
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.BaseExternalAccountClient = exports.CLOUD_RESOURCE_MANAGER = exports.EXTERNAL_ACCOUNT_TYPE = exports.EXPIRATION_TIME_OFFSET = void 0;
		const gaxios_1 = requireSrc$3();
		const stream = require$$3;
		const authclient_1 = requireAuthclient();
		const sts = requireStscredentials();
		const util_1 = requireUtil();
		const shared_cjs_1 = requireShared();
		/**
		 * The required token exchange grant_type: rfc8693#section-2.1
		 */
		const STS_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:token-exchange';
		/**
		 * The requested token exchange requested_token_type: rfc8693#section-2.1
		 */
		const STS_REQUEST_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
		/** The default OAuth scope to request when none is provided. */
		const DEFAULT_OAUTH_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
		/** Default impersonated token lifespan in seconds.*/
		const DEFAULT_TOKEN_LIFESPAN = 3600;
		/**
		 * Offset to take into account network delays and server clock skews.
		 */
		exports.EXPIRATION_TIME_OFFSET = 5 * 60 * 1000;
		/**
		 * The credentials JSON file type for external account clients.
		 * There are 3 types of JSON configs:
		 * 1. authorized_user => Google end user credential
		 * 2. service_account => Google service account credential
		 * 3. external_Account => non-GCP service (eg. AWS, Azure, K8s)
		 */
		exports.EXTERNAL_ACCOUNT_TYPE = 'external_account';
		/**
		 * Cloud resource manager URL used to retrieve project information.
		 *
		 * @deprecated use {@link BaseExternalAccountClient.cloudResourceManagerURL} instead
		 **/
		exports.CLOUD_RESOURCE_MANAGER = 'https://cloudresourcemanager.googleapis.com/v1/projects/';
		/** The workforce audience pattern. */
		const WORKFORCE_AUDIENCE_PATTERN = '//iam\\.googleapis\\.com/locations/[^/]+/workforcePools/[^/]+/providers/.+';
		const DEFAULT_TOKEN_URL = 'https://sts.{universeDomain}/v1/token';
		/**
		 * Base external account client. This is used to instantiate AuthClients for
		 * exchanging external account credentials for GCP access token and authorizing
		 * requests to GCP APIs.
		 * The base class implements common logic for exchanging various type of
		 * external credentials for GCP access token. The logic of determining and
		 * retrieving the external credential based on the environment and
		 * credential_source will be left for the subclasses.
		 */
		class BaseExternalAccountClient extends authclient_1.AuthClient {
		    /**
		     * OAuth scopes for the GCP access token to use. When not provided,
		     * the default https://www.googleapis.com/auth/cloud-platform is
		     * used.
		     */
		    scopes;
		    projectNumber;
		    audience;
		    subjectTokenType;
		    stsCredential;
		    clientAuth;
		    credentialSourceType;
		    cachedAccessToken;
		    serviceAccountImpersonationUrl;
		    serviceAccountImpersonationLifetime;
		    workforcePoolUserProject;
		    configLifetimeRequested;
		    tokenUrl;
		    /**
		     * @example
		     * ```ts
		     * new URL('https://cloudresourcemanager.googleapis.com/v1/projects/');
		     * ```
		     */
		    cloudResourceManagerURL;
		    supplierContext;
		    /**
		     * A pending access token request. Used for concurrent calls.
		     */
		    #pendingAccessToken = null;
		    /**
		     * Instantiate a BaseExternalAccountClient instance using the provided JSON
		     * object loaded from an external account credentials file.
		     * @param options The external account options object typically loaded
		     *   from the external account JSON credential file. The camelCased options
		     *   are aliases for the snake_cased options.
		     */
		    constructor(options) {
		        super(options);
		        const opts = (0, util_1.originalOrCamelOptions)(options);
		        const type = opts.get('type');
		        if (type && type !== exports.EXTERNAL_ACCOUNT_TYPE) {
		            throw new Error(`Expected "${exports.EXTERNAL_ACCOUNT_TYPE}" type but ` +
		                `received "${options.type}"`);
		        }
		        const clientId = opts.get('client_id');
		        const clientSecret = opts.get('client_secret');
		        this.tokenUrl =
		            opts.get('token_url') ??
		                DEFAULT_TOKEN_URL.replace('{universeDomain}', this.universeDomain);
		        const subjectTokenType = opts.get('subject_token_type');
		        const workforcePoolUserProject = opts.get('workforce_pool_user_project');
		        const serviceAccountImpersonationUrl = opts.get('service_account_impersonation_url');
		        const serviceAccountImpersonation = opts.get('service_account_impersonation');
		        const serviceAccountImpersonationLifetime = (0, util_1.originalOrCamelOptions)(serviceAccountImpersonation).get('token_lifetime_seconds');
		        this.cloudResourceManagerURL = new URL(opts.get('cloud_resource_manager_url') ||
		            `https://cloudresourcemanager.${this.universeDomain}/v1/projects/`);
		        if (clientId) {
		            this.clientAuth = {
		                confidentialClientType: 'basic',
		                clientId,
		                clientSecret,
		            };
		        }
		        this.stsCredential = new sts.StsCredentials({
		            tokenExchangeEndpoint: this.tokenUrl,
		            clientAuthentication: this.clientAuth,
		        });
		        this.scopes = opts.get('scopes') || [DEFAULT_OAUTH_SCOPE];
		        this.cachedAccessToken = null;
		        this.audience = opts.get('audience');
		        this.subjectTokenType = subjectTokenType;
		        this.workforcePoolUserProject = workforcePoolUserProject;
		        const workforceAudiencePattern = new RegExp(WORKFORCE_AUDIENCE_PATTERN);
		        if (this.workforcePoolUserProject &&
		            !this.audience.match(workforceAudiencePattern)) {
		            throw new Error('workforcePoolUserProject should not be set for non-workforce pool ' +
		                'credentials.');
		        }
		        this.serviceAccountImpersonationUrl = serviceAccountImpersonationUrl;
		        this.serviceAccountImpersonationLifetime =
		            serviceAccountImpersonationLifetime;
		        if (this.serviceAccountImpersonationLifetime) {
		            this.configLifetimeRequested = true;
		        }
		        else {
		            this.configLifetimeRequested = false;
		            this.serviceAccountImpersonationLifetime = DEFAULT_TOKEN_LIFESPAN;
		        }
		        this.projectNumber = this.getProjectNumber(this.audience);
		        this.supplierContext = {
		            audience: this.audience,
		            subjectTokenType: this.subjectTokenType,
		            transporter: this.transporter,
		        };
		    }
		    /** The service account email to be impersonated, if available. */
		    getServiceAccountEmail() {
		        if (this.serviceAccountImpersonationUrl) {
		            if (this.serviceAccountImpersonationUrl.length > 256) {
		                /**
		                 * Prevents DOS attacks.
		                 * @see {@link https://github.com/googleapis/google-auth-library-nodejs/security/code-scanning/84}
		                 **/
		                throw new RangeError(`URL is too long: ${this.serviceAccountImpersonationUrl}`);
		            }
		            // Parse email from URL. The formal looks as follows:
		            // https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/name@project-id.iam.gserviceaccount.com:generateAccessToken
		            const re = /serviceAccounts\/(?<email>[^:]+):generateAccessToken$/;
		            const result = re.exec(this.serviceAccountImpersonationUrl);
		            return result?.groups?.email || null;
		        }
		        return null;
		    }
		    /**
		     * Provides a mechanism to inject GCP access tokens directly.
		     * When the provided credential expires, a new credential, using the
		     * external account options, is retrieved.
		     * @param credentials The Credentials object to set on the current client.
		     */
		    setCredentials(credentials) {
		        super.setCredentials(credentials);
		        this.cachedAccessToken = credentials;
		    }
		    /**
		     * @return A promise that resolves with the current GCP access token
		     *   response. If the current credential is expired, a new one is retrieved.
		     */
		    async getAccessToken() {
		        // If cached access token is unavailable or expired, force refresh.
		        if (!this.cachedAccessToken || this.isExpired(this.cachedAccessToken)) {
		            await this.refreshAccessTokenAsync();
		        }
		        // Return GCP access token in GetAccessTokenResponse format.
		        return {
		            token: this.cachedAccessToken.access_token,
		            res: this.cachedAccessToken.res,
		        };
		    }
		    /**
		     * The main authentication interface. It takes an optional url which when
		     * present is the endpoint being accessed, and returns a Promise which
		     * resolves with authorization header fields.
		     *
		     * The result has the form:
		     * { authorization: 'Bearer <access_token_value>' }
		     */
		    async getRequestHeaders() {
		        const accessTokenResponse = await this.getAccessToken();
		        const headers = new Headers({
		            authorization: `Bearer ${accessTokenResponse.token}`,
		        });
		        return this.addSharedMetadataHeaders(headers);
		    }
		    request(opts, callback) {
		        if (callback) {
		            this.requestAsync(opts).then(r => callback(null, r), e => {
		                return callback(e, e.response);
		            });
		        }
		        else {
		            return this.requestAsync(opts);
		        }
		    }
		    /**
		     * @return A promise that resolves with the project ID corresponding to the
		     *   current workload identity pool or current workforce pool if
		     *   determinable. For workforce pool credential, it returns the project ID
		     *   corresponding to the workforcePoolUserProject.
		     *   This is introduced to match the current pattern of using the Auth
		     *   library:
		     *   const projectId = await auth.getProjectId();
		     *   const url = `https://dns.googleapis.com/dns/v1/projects/${projectId}`;
		     *   const res = await client.request({ url });
		     *   The resource may not have permission
		     *   (resourcemanager.projects.get) to call this API or the required
		     *   scopes may not be selected:
		     *   https://cloud.google.com/resource-manager/reference/rest/v1/projects/get#authorization-scopes
		     */
		    async getProjectId() {
		        const projectNumber = this.projectNumber || this.workforcePoolUserProject;
		        if (this.projectId) {
		            // Return previously determined project ID.
		            return this.projectId;
		        }
		        else if (projectNumber) {
		            // Preferable not to use request() to avoid retrial policies.
		            const headers = await this.getRequestHeaders();
		            const opts = {
		                ...BaseExternalAccountClient.RETRY_CONFIG,
		                headers,
		                url: `${this.cloudResourceManagerURL.toString()}${projectNumber}`,
		                responseType: 'json',
		            };
		            authclient_1.AuthClient.setMethodName(opts, 'getProjectId');
		            const response = await this.transporter.request(opts);
		            this.projectId = response.data.projectId;
		            return this.projectId;
		        }
		        return null;
		    }
		    /**
		     * Authenticates the provided HTTP request, processes it and resolves with the
		     * returned response.
		     * @param opts The HTTP request options.
		     * @param reAuthRetried Whether the current attempt is a retry after a failed attempt due to an auth failure.
		     * @return A promise that resolves with the successful response.
		     */
		    async requestAsync(opts, reAuthRetried = false) {
		        let response;
		        try {
		            const requestHeaders = await this.getRequestHeaders();
		            opts.headers = gaxios_1.Gaxios.mergeHeaders(opts.headers);
		            this.addUserProjectAndAuthHeaders(opts.headers, requestHeaders);
		            response = await this.transporter.request(opts);
		        }
		        catch (e) {
		            const res = e.response;
		            if (res) {
		                const statusCode = res.status;
		                // Retry the request for metadata if the following criteria are true:
		                // - We haven't already retried.  It only makes sense to retry once.
		                // - The response was a 401 or a 403
		                // - The request didn't send a readableStream
		                // - forceRefreshOnFailure is true
		                const isReadableStream = res.config.data instanceof stream.Readable;
		                const isAuthErr = statusCode === 401 || statusCode === 403;
		                if (!reAuthRetried &&
		                    isAuthErr &&
		                    !isReadableStream &&
		                    this.forceRefreshOnFailure) {
		                    await this.refreshAccessTokenAsync();
		                    return await this.requestAsync(opts, true);
		                }
		            }
		            throw e;
		        }
		        return response;
		    }
		    /**
		     * Forces token refresh, even if unexpired tokens are currently cached.
		     * External credentials are exchanged for GCP access tokens via the token
		     * exchange endpoint and other settings provided in the client options
		     * object.
		     * If the service_account_impersonation_url is provided, an additional
		     * step to exchange the external account GCP access token for a service
		     * account impersonated token is performed.
		     * @return A promise that resolves with the fresh GCP access tokens.
		     */
		    async refreshAccessTokenAsync() {
		        // Use an existing access token request, or cache a new one
		        this.#pendingAccessToken =
		            this.#pendingAccessToken || this.#internalRefreshAccessTokenAsync();
		        try {
		            return await this.#pendingAccessToken;
		        }
		        finally {
		            // clear pending access token for future requests
		            this.#pendingAccessToken = null;
		        }
		    }
		    async #internalRefreshAccessTokenAsync() {
		        // Retrieve the external credential.
		        const subjectToken = await this.retrieveSubjectToken();
		        // Construct the STS credentials options.
		        const stsCredentialsOptions = {
		            grantType: STS_GRANT_TYPE,
		            audience: this.audience,
		            requestedTokenType: STS_REQUEST_TOKEN_TYPE,
		            subjectToken,
		            subjectTokenType: this.subjectTokenType,
		            // generateAccessToken requires the provided access token to have
		            // scopes:
		            // https://www.googleapis.com/auth/iam or
		            // https://www.googleapis.com/auth/cloud-platform
		            // The new service account access token scopes will match the user
		            // provided ones.
		            scope: this.serviceAccountImpersonationUrl
		                ? [DEFAULT_OAUTH_SCOPE]
		                : this.getScopesArray(),
		        };
		        // Exchange the external credentials for a GCP access token.
		        // Client auth is prioritized over passing the workforcePoolUserProject
		        // parameter for STS token exchange.
		        const additionalOptions = !this.clientAuth && this.workforcePoolUserProject
		            ? { userProject: this.workforcePoolUserProject }
		            : undefined;
		        const additionalHeaders = new Headers({
		            'x-goog-api-client': this.getMetricsHeaderValue(),
		        });
		        const stsResponse = await this.stsCredential.exchangeToken(stsCredentialsOptions, additionalHeaders, additionalOptions);
		        if (this.serviceAccountImpersonationUrl) {
		            this.cachedAccessToken = await this.getImpersonatedAccessToken(stsResponse.access_token);
		        }
		        else if (stsResponse.expires_in) {
		            // Save response in cached access token.
		            this.cachedAccessToken = {
		                access_token: stsResponse.access_token,
		                expiry_date: new Date().getTime() + stsResponse.expires_in * 1000,
		                res: stsResponse.res,
		            };
		        }
		        else {
		            // Save response in cached access token.
		            this.cachedAccessToken = {
		                access_token: stsResponse.access_token,
		                res: stsResponse.res,
		            };
		        }
		        // Save credentials.
		        this.credentials = {};
		        Object.assign(this.credentials, this.cachedAccessToken);
		        delete this.credentials.res;
		        // Trigger tokens event to notify external listeners.
		        this.emit('tokens', {
		            refresh_token: null,
		            expiry_date: this.cachedAccessToken.expiry_date,
		            access_token: this.cachedAccessToken.access_token,
		            token_type: 'Bearer',
		            id_token: null,
		        });
		        // Return the cached access token.
		        return this.cachedAccessToken;
		    }
		    /**
		     * Returns the workload identity pool project number if it is determinable
		     * from the audience resource name.
		     * @param audience The STS audience used to determine the project number.
		     * @return The project number associated with the workload identity pool, if
		     *   this can be determined from the STS audience field. Otherwise, null is
		     *   returned.
		     */
		    getProjectNumber(audience) {
		        // STS audience pattern:
		        // //iam.googleapis.com/projects/$PROJECT_NUMBER/locations/...
		        const match = audience.match(/\/projects\/([^/]+)/);
		        if (!match) {
		            return null;
		        }
		        return match[1];
		    }
		    /**
		     * Exchanges an external account GCP access token for a service
		     * account impersonated access token using iamcredentials
		     * GenerateAccessToken API.
		     * @param token The access token to exchange for a service account access
		     *   token.
		     * @return A promise that resolves with the service account impersonated
		     *   credentials response.
		     */
		    async getImpersonatedAccessToken(token) {
		        const opts = {
		            ...BaseExternalAccountClient.RETRY_CONFIG,
		            url: this.serviceAccountImpersonationUrl,
		            method: 'POST',
		            headers: {
		                'content-type': 'application/json',
		                authorization: `Bearer ${token}`,
		            },
		            data: {
		                scope: this.getScopesArray(),
		                lifetime: this.serviceAccountImpersonationLifetime + 's',
		            },
		            responseType: 'json',
		        };
		        authclient_1.AuthClient.setMethodName(opts, 'getImpersonatedAccessToken');
		        const response = await this.transporter.request(opts);
		        const successResponse = response.data;
		        return {
		            access_token: successResponse.accessToken,
		            // Convert from ISO format to timestamp.
		            expiry_date: new Date(successResponse.expireTime).getTime(),
		            res: response,
		        };
		    }
		    /**
		     * Returns whether the provided credentials are expired or not.
		     * If there is no expiry time, assumes the token is not expired or expiring.
		     * @param accessToken The credentials to check for expiration.
		     * @return Whether the credentials are expired or not.
		     */
		    isExpired(accessToken) {
		        const now = new Date().getTime();
		        return accessToken.expiry_date
		            ? now >= accessToken.expiry_date - this.eagerRefreshThresholdMillis
		            : false;
		    }
		    /**
		     * @return The list of scopes for the requested GCP access token.
		     */
		    getScopesArray() {
		        // Since scopes can be provided as string or array, the type should
		        // be normalized.
		        if (typeof this.scopes === 'string') {
		            return [this.scopes];
		        }
		        return this.scopes || [DEFAULT_OAUTH_SCOPE];
		    }
		    getMetricsHeaderValue() {
		        const nodeVersion = process.version.replace(/^v/, '');
		        const saImpersonation = this.serviceAccountImpersonationUrl !== undefined;
		        const credentialSourceType = this.credentialSourceType
		            ? this.credentialSourceType
		            : 'unknown';
		        return `gl-node/${nodeVersion} auth/${shared_cjs_1.pkg.version} google-byoid-sdk source/${credentialSourceType} sa-impersonation/${saImpersonation} config-lifetime/${this.configLifetimeRequested}`;
		    }
		    getTokenUrl() {
		        return this.tokenUrl;
		    }
		}
		exports.BaseExternalAccountClient = BaseExternalAccountClient;
		
	} (baseexternalclient));
	return baseexternalclient;
}

var identitypoolclient = {};

var filesubjecttokensupplier = {};

var hasRequiredFilesubjecttokensupplier;

function requireFilesubjecttokensupplier () {
	if (hasRequiredFilesubjecttokensupplier) return filesubjecttokensupplier;
	hasRequiredFilesubjecttokensupplier = 1;
	// Copyright 2024 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(filesubjecttokensupplier, "__esModule", { value: true });
	filesubjecttokensupplier.FileSubjectTokenSupplier = void 0;
	const util_1 = require$$2;
	const fs = require$$0$2;
	// fs.readfile is undefined in browser karma tests causing
	// `npm run browser-test` to fail as test.oauth2.ts imports this file via
	// src/index.ts.
	// Fallback to void function to avoid promisify throwing a TypeError.
	const readFile = (0, util_1.promisify)(fs.readFile ?? (() => { }));
	const realpath = (0, util_1.promisify)(fs.realpath ?? (() => { }));
	const lstat = (0, util_1.promisify)(fs.lstat ?? (() => { }));
	/**
	 * Internal subject token supplier implementation used when a file location
	 * is configured in the credential configuration used to build an {@link IdentityPoolClient}
	 */
	class FileSubjectTokenSupplier {
	    filePath;
	    formatType;
	    subjectTokenFieldName;
	    /**
	     * Instantiates a new file based subject token supplier.
	     * @param opts The file subject token supplier options to build the supplier
	     *   with.
	     */
	    constructor(opts) {
	        this.filePath = opts.filePath;
	        this.formatType = opts.formatType;
	        this.subjectTokenFieldName = opts.subjectTokenFieldName;
	    }
	    /**
	     * Returns the subject token stored at the file specified in the constructor.
	     * @param context {@link ExternalAccountSupplierContext} from the calling
	     *   {@link IdentityPoolClient}, contains the requested audience and subject
	     *   token type for the external account identity. Not used.
	     */
	    async getSubjectToken() {
	        // Make sure there is a file at the path. lstatSync will throw if there is
	        // nothing there.
	        let parsedFilePath = this.filePath;
	        try {
	            // Resolve path to actual file in case of symlink. Expect a thrown error
	            // if not resolvable.
	            parsedFilePath = await realpath(parsedFilePath);
	            if (!(await lstat(parsedFilePath)).isFile()) {
	                throw new Error();
	            }
	        }
	        catch (err) {
	            if (err instanceof Error) {
	                err.message = `The file at ${parsedFilePath} does not exist, or it is not a file. ${err.message}`;
	            }
	            throw err;
	        }
	        let subjectToken;
	        const rawText = await readFile(parsedFilePath, { encoding: 'utf8' });
	        if (this.formatType === 'text') {
	            subjectToken = rawText;
	        }
	        else if (this.formatType === 'json' && this.subjectTokenFieldName) {
	            const json = JSON.parse(rawText);
	            subjectToken = json[this.subjectTokenFieldName];
	        }
	        if (!subjectToken) {
	            throw new Error('Unable to parse the subject_token from the credential_source file');
	        }
	        return subjectToken;
	    }
	}
	filesubjecttokensupplier.FileSubjectTokenSupplier = FileSubjectTokenSupplier;
	
	return filesubjecttokensupplier;
}

var urlsubjecttokensupplier = {};

var hasRequiredUrlsubjecttokensupplier;

function requireUrlsubjecttokensupplier () {
	if (hasRequiredUrlsubjecttokensupplier) return urlsubjecttokensupplier;
	hasRequiredUrlsubjecttokensupplier = 1;
	// Copyright 2024 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(urlsubjecttokensupplier, "__esModule", { value: true });
	urlsubjecttokensupplier.UrlSubjectTokenSupplier = void 0;
	const authclient_1 = requireAuthclient();
	/**
	 * Internal subject token supplier implementation used when a URL
	 * is configured in the credential configuration used to build an {@link IdentityPoolClient}
	 */
	class UrlSubjectTokenSupplier {
	    url;
	    headers;
	    formatType;
	    subjectTokenFieldName;
	    additionalGaxiosOptions;
	    /**
	     * Instantiates a URL subject token supplier.
	     * @param opts The URL subject token supplier options to build the supplier with.
	     */
	    constructor(opts) {
	        this.url = opts.url;
	        this.formatType = opts.formatType;
	        this.subjectTokenFieldName = opts.subjectTokenFieldName;
	        this.headers = opts.headers;
	        this.additionalGaxiosOptions = opts.additionalGaxiosOptions;
	    }
	    /**
	     * Sends a GET request to the URL provided in the constructor and resolves
	     * with the returned external subject token.
	     * @param context {@link ExternalAccountSupplierContext} from the calling
	     *   {@link IdentityPoolClient}, contains the requested audience and subject
	     *   token type for the external account identity. Not used.
	     */
	    async getSubjectToken(context) {
	        const opts = {
	            ...this.additionalGaxiosOptions,
	            url: this.url,
	            method: 'GET',
	            headers: this.headers,
	            responseType: this.formatType,
	        };
	        authclient_1.AuthClient.setMethodName(opts, 'getSubjectToken');
	        let subjectToken;
	        if (this.formatType === 'text') {
	            const response = await context.transporter.request(opts);
	            subjectToken = response.data;
	        }
	        else if (this.formatType === 'json' && this.subjectTokenFieldName) {
	            const response = await context.transporter.request(opts);
	            subjectToken = response.data[this.subjectTokenFieldName];
	        }
	        if (!subjectToken) {
	            throw new Error('Unable to parse the subject_token from the credential_source URL');
	        }
	        return subjectToken;
	    }
	}
	urlsubjecttokensupplier.UrlSubjectTokenSupplier = UrlSubjectTokenSupplier;
	
	return urlsubjecttokensupplier;
}

var certificatesubjecttokensupplier = {};

var hasRequiredCertificatesubjecttokensupplier;

function requireCertificatesubjecttokensupplier () {
	if (hasRequiredCertificatesubjecttokensupplier) return certificatesubjecttokensupplier;
	hasRequiredCertificatesubjecttokensupplier = 1;
	(function (exports) {
		// Copyright 2025 Google LLC
		//
		// Licensed under the Apache License, Version 2.0 (the "License");
		// you may not use this file except in compliance with the License.
		// You may obtain a copy of the License at
		//
		//      http://www.apache.org/licenses/LICENSE-2.0
		//
		// Unless required by applicable law or agreed to in writing, software
		// distributed under the License is distributed on an "AS IS" BASIS,
		// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
		// See the License for the specific language governing permissions and
		// limitations under the License.
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.CertificateSubjectTokenSupplier = exports.InvalidConfigurationError = exports.CertificateSourceUnavailableError = exports.CERTIFICATE_CONFIGURATION_ENV_VARIABLE = void 0;
		const util_1 = requireUtil();
		const fs = require$$0$2;
		const crypto_1 = require$$0$5;
		const https = require$$1;
		exports.CERTIFICATE_CONFIGURATION_ENV_VARIABLE = 'GOOGLE_API_CERTIFICATE_CONFIG';
		/**
		 * Thrown when the certificate source cannot be located or accessed.
		 */
		class CertificateSourceUnavailableError extends Error {
		    constructor(message) {
		        super(message);
		        this.name = 'CertificateSourceUnavailableError';
		    }
		}
		exports.CertificateSourceUnavailableError = CertificateSourceUnavailableError;
		/**
		 * Thrown for invalid configuration that is not related to file availability.
		 */
		class InvalidConfigurationError extends Error {
		    constructor(message) {
		        super(message);
		        this.name = 'InvalidConfigurationError';
		    }
		}
		exports.InvalidConfigurationError = InvalidConfigurationError;
		/**
		 * A subject token supplier that uses a client certificate for authentication.
		 * It provides the certificate chain as the subject token for identity federation.
		 */
		class CertificateSubjectTokenSupplier {
		    certificateConfigPath;
		    trustChainPath;
		    cert;
		    key;
		    /**
		     * Initializes a new instance of the CertificateSubjectTokenSupplier.
		     * @param opts The configuration options for the supplier.
		     */
		    constructor(opts) {
		        if (!opts.useDefaultCertificateConfig && !opts.certificateConfigLocation) {
		            throw new InvalidConfigurationError('Either `useDefaultCertificateConfig` must be true or a `certificateConfigLocation` must be provided.');
		        }
		        if (opts.useDefaultCertificateConfig && opts.certificateConfigLocation) {
		            throw new InvalidConfigurationError('Both `useDefaultCertificateConfig` and `certificateConfigLocation` cannot be provided.');
		        }
		        this.trustChainPath = opts.trustChainPath;
		        this.certificateConfigPath = opts.certificateConfigLocation ?? '';
		    }
		    /**
		     * Creates an HTTPS agent configured with the client certificate and private key for mTLS.
		     * @returns An mTLS-configured https.Agent.
		     */
		    async createMtlsHttpsAgent() {
		        if (!this.key || !this.cert) {
		            throw new InvalidConfigurationError('Cannot create mTLS Agent with missing certificate or key');
		        }
		        return new https.Agent({ key: this.key, cert: this.cert });
		    }
		    /**
		     * Constructs the subject token, which is the base64-encoded certificate chain.
		     * @returns A promise that resolves with the subject token.
		     */
		    async getSubjectToken() {
		        // The "subject token" in this context is the processed certificate chain.
		        this.certificateConfigPath = await this.#resolveCertificateConfigFilePath();
		        const { certPath, keyPath } = await this.#getCertAndKeyPaths();
		        ({ cert: this.cert, key: this.key } = await this.#getKeyAndCert(certPath, keyPath));
		        return await this.#processChainFromPaths(this.cert);
		    }
		    /**
		     * Resolves the absolute path to the certificate configuration file
		     * by checking the "certificate_config_location" provided in the ADC file,
		     * or the "GOOGLE_API_CERTIFICATE_CONFIG" environment variable
		     * or in the default gcloud path.
		     * @param overridePath An optional path to check first.
		     * @returns The resolved file path.
		     */
		    async #resolveCertificateConfigFilePath() {
		        // 1. Check for the override path from constructor options.
		        const overridePath = this.certificateConfigPath;
		        if (overridePath) {
		            if (await (0, util_1.isValidFile)(overridePath)) {
		                return overridePath;
		            }
		            throw new CertificateSourceUnavailableError(`Provided certificate config path is invalid: ${overridePath}`);
		        }
		        // 2. Check the standard environment variable.
		        const envPath = process.env[exports.CERTIFICATE_CONFIGURATION_ENV_VARIABLE];
		        if (envPath) {
		            if (await (0, util_1.isValidFile)(envPath)) {
		                return envPath;
		            }
		            throw new CertificateSourceUnavailableError(`Path from environment variable "${exports.CERTIFICATE_CONFIGURATION_ENV_VARIABLE}" is invalid: ${envPath}`);
		        }
		        // 3. Check the well-known gcloud config location.
		        const wellKnownPath = (0, util_1.getWellKnownCertificateConfigFileLocation)();
		        if (await (0, util_1.isValidFile)(wellKnownPath)) {
		            return wellKnownPath;
		        }
		        // 4. If none are found, throw an error.
		        throw new CertificateSourceUnavailableError('Could not find certificate configuration file. Searched override path, ' +
		            `the "${exports.CERTIFICATE_CONFIGURATION_ENV_VARIABLE}" env var, and the gcloud path (${wellKnownPath}).`);
		    }
		    /**
		     * Reads and parses the certificate config JSON file to extract the certificate and key paths.
		     * @returns An object containing the certificate and key paths.
		     */
		    async #getCertAndKeyPaths() {
		        const configPath = this.certificateConfigPath;
		        let fileContents;
		        try {
		            fileContents = await fs.promises.readFile(configPath, 'utf8');
		        }
		        catch (err) {
		            throw new CertificateSourceUnavailableError(`Failed to read certificate config file at: ${configPath}`);
		        }
		        try {
		            const config = JSON.parse(fileContents);
		            const certPath = config?.cert_configs?.workload?.cert_path;
		            const keyPath = config?.cert_configs?.workload?.key_path;
		            if (!certPath || !keyPath) {
		                throw new InvalidConfigurationError(`Certificate config file (${configPath}) is missing required "cert_path" or "key_path" in the workload config.`);
		            }
		            return { certPath, keyPath };
		        }
		        catch (e) {
		            if (e instanceof InvalidConfigurationError)
		                throw e;
		            throw new InvalidConfigurationError(`Failed to parse certificate config from ${configPath}: ${e.message}`);
		        }
		    }
		    /**
		     * Reads and parses the cert and key files get their content and check valid format.
		     * @returns An object containing the cert content and key content in buffer format.
		     */
		    async #getKeyAndCert(certPath, keyPath) {
		        let cert, key;
		        try {
		            cert = await fs.promises.readFile(certPath);
		            new crypto_1.X509Certificate(cert);
		        }
		        catch (err) {
		            const message = err instanceof Error ? err.message : String(err);
		            throw new CertificateSourceUnavailableError(`Failed to read certificate file at ${certPath}: ${message}`);
		        }
		        try {
		            key = await fs.promises.readFile(keyPath);
		            (0, crypto_1.createPrivateKey)(key);
		        }
		        catch (err) {
		            const message = err instanceof Error ? err.message : String(err);
		            throw new CertificateSourceUnavailableError(`Failed to read private key file at ${keyPath}: ${message}`);
		        }
		        return { cert, key };
		    }
		    /**
		     * Reads the leaf certificate and trust chain, combines them,
		     * and returns a JSON array of base64-encoded certificates.
		     * @returns A stringified JSON array of the certificate chain.
		     */
		    async #processChainFromPaths(leafCertBuffer) {
		        const leafCert = new crypto_1.X509Certificate(leafCertBuffer);
		        // If no trust chain is provided, just use the successfully parsed leaf certificate.
		        if (!this.trustChainPath) {
		            return JSON.stringify([leafCert.raw.toString('base64')]);
		        }
		        // Handle the trust chain logic.
		        try {
		            const chainPems = await fs.promises.readFile(this.trustChainPath, 'utf8');
		            const pemBlocks = chainPems.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? [];
		            const chainCerts = pemBlocks.map((pem, index) => {
		                try {
		                    return new crypto_1.X509Certificate(pem);
		                }
		                catch (err) {
		                    const message = err instanceof Error ? err.message : String(err);
		                    // Throw a more precise error if a single certificate in the chain is invalid.
		                    throw new InvalidConfigurationError(`Failed to parse certificate at index ${index} in trust chain file ${this.trustChainPath}: ${message}`);
		                }
		            });
		            const leafIndex = chainCerts.findIndex(chainCert => leafCert.raw.equals(chainCert.raw));
		            let finalChain;
		            if (leafIndex === -1) {
		                // Leaf not found, so prepend it to the chain.
		                finalChain = [leafCert, ...chainCerts];
		            }
		            else if (leafIndex === 0) {
		                // Leaf is already the first element, so the chain is correctly ordered.
		                finalChain = chainCerts;
		            }
		            else {
		                // Leaf is in the chain but not at the top, which is invalid.
		                throw new InvalidConfigurationError(`Leaf certificate exists in the trust chain but is not the first entry (found at index ${leafIndex}).`);
		            }
		            return JSON.stringify(finalChain.map(cert => cert.raw.toString('base64')));
		        }
		        catch (err) {
		            // Re-throw our specific configuration errors.
		            if (err instanceof InvalidConfigurationError)
		                throw err;
		            const message = err instanceof Error ? err.message : String(err);
		            throw new CertificateSourceUnavailableError(`Failed to process certificate chain from ${this.trustChainPath}: ${message}`);
		        }
		    }
		}
		exports.CertificateSubjectTokenSupplier = CertificateSubjectTokenSupplier;
		
	} (certificatesubjecttokensupplier));
	return certificatesubjecttokensupplier;
}

var hasRequiredIdentitypoolclient;

function requireIdentitypoolclient () {
	if (hasRequiredIdentitypoolclient) return identitypoolclient;
	hasRequiredIdentitypoolclient = 1;
	// Copyright 2021 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(identitypoolclient, "__esModule", { value: true });
	identitypoolclient.IdentityPoolClient = void 0;
	const baseexternalclient_1 = requireBaseexternalclient();
	const util_1 = requireUtil();
	const filesubjecttokensupplier_1 = requireFilesubjecttokensupplier();
	const urlsubjecttokensupplier_1 = requireUrlsubjecttokensupplier();
	const certificatesubjecttokensupplier_1 = requireCertificatesubjecttokensupplier();
	const stscredentials_1 = requireStscredentials();
	const gaxios_1 = requireSrc$3();
	/**
	 * Defines the Url-sourced and file-sourced external account clients mainly
	 * used for K8s and Azure workloads.
	 */
	class IdentityPoolClient extends baseexternalclient_1.BaseExternalAccountClient {
	    subjectTokenSupplier;
	    /**
	     * Instantiate an IdentityPoolClient instance using the provided JSON
	     * object loaded from an external account credentials file.
	     * An error is thrown if the credential is not a valid file-sourced or
	     * url-sourced credential or a workforce pool user project is provided
	     * with a non workforce audience.
	     * @param options The external account options object typically loaded
	     *   from the external account JSON credential file. The camelCased options
	     *   are aliases for the snake_cased options.
	     */
	    constructor(options) {
	        super(options);
	        const opts = (0, util_1.originalOrCamelOptions)(options);
	        const credentialSource = opts.get('credential_source');
	        const subjectTokenSupplier = opts.get('subject_token_supplier');
	        // Validate credential sourcing configuration.
	        if (!credentialSource && !subjectTokenSupplier) {
	            throw new Error('A credential source or subject token supplier must be specified.');
	        }
	        if (credentialSource && subjectTokenSupplier) {
	            throw new Error('Only one of credential source or subject token supplier can be specified.');
	        }
	        if (subjectTokenSupplier) {
	            this.subjectTokenSupplier = subjectTokenSupplier;
	            this.credentialSourceType = 'programmatic';
	        }
	        else {
	            const credentialSourceOpts = (0, util_1.originalOrCamelOptions)(credentialSource);
	            const formatOpts = (0, util_1.originalOrCamelOptions)(credentialSourceOpts.get('format'));
	            // Text is the default format type.
	            const formatType = formatOpts.get('type') || 'text';
	            const formatSubjectTokenFieldName = formatOpts.get('subject_token_field_name');
	            if (formatType !== 'json' && formatType !== 'text') {
	                throw new Error(`Invalid credential_source format "${formatType}"`);
	            }
	            if (formatType === 'json' && !formatSubjectTokenFieldName) {
	                throw new Error('Missing subject_token_field_name for JSON credential_source format');
	            }
	            const file = credentialSourceOpts.get('file');
	            const url = credentialSourceOpts.get('url');
	            const certificate = credentialSourceOpts.get('certificate');
	            const headers = credentialSourceOpts.get('headers');
	            if ((file && url) || (url && certificate) || (file && certificate)) {
	                throw new Error('No valid Identity Pool "credential_source" provided, must be either file, url, or certificate.');
	            }
	            else if (file) {
	                this.credentialSourceType = 'file';
	                this.subjectTokenSupplier = new filesubjecttokensupplier_1.FileSubjectTokenSupplier({
	                    filePath: file,
	                    formatType: formatType,
	                    subjectTokenFieldName: formatSubjectTokenFieldName,
	                });
	            }
	            else if (url) {
	                this.credentialSourceType = 'url';
	                this.subjectTokenSupplier = new urlsubjecttokensupplier_1.UrlSubjectTokenSupplier({
	                    url: url,
	                    formatType: formatType,
	                    subjectTokenFieldName: formatSubjectTokenFieldName,
	                    headers: headers,
	                    additionalGaxiosOptions: IdentityPoolClient.RETRY_CONFIG,
	                });
	            }
	            else if (certificate) {
	                this.credentialSourceType = 'certificate';
	                const certificateSubjecttokensupplier = new certificatesubjecttokensupplier_1.CertificateSubjectTokenSupplier({
	                    useDefaultCertificateConfig: certificate.use_default_certificate_config,
	                    certificateConfigLocation: certificate.certificate_config_location,
	                    trustChainPath: certificate.trust_chain_path,
	                });
	                this.subjectTokenSupplier = certificateSubjecttokensupplier;
	            }
	            else {
	                throw new Error('No valid Identity Pool "credential_source" provided, must be either file, url, or certificate.');
	            }
	        }
	    }
	    /**
	     * Triggered when a external subject token is needed to be exchanged for a GCP
	     * access token via GCP STS endpoint. Gets a subject token by calling
	     * the configured {@link SubjectTokenSupplier}
	     * @return A promise that resolves with the external subject token.
	     */
	    async retrieveSubjectToken() {
	        const subjectToken = await this.subjectTokenSupplier.getSubjectToken(this.supplierContext);
	        if (this.subjectTokenSupplier instanceof certificatesubjecttokensupplier_1.CertificateSubjectTokenSupplier) {
	            const mtlsAgent = await this.subjectTokenSupplier.createMtlsHttpsAgent();
	            this.stsCredential = new stscredentials_1.StsCredentials({
	                tokenExchangeEndpoint: this.getTokenUrl(),
	                clientAuthentication: this.clientAuth,
	                transporter: new gaxios_1.Gaxios({ agent: mtlsAgent }),
	            });
	            this.transporter = new gaxios_1.Gaxios({
	                ...(this.transporter.defaults || {}),
	                agent: mtlsAgent,
	            });
	        }
	        return subjectToken;
	    }
	}
	identitypoolclient.IdentityPoolClient = IdentityPoolClient;
	
	return identitypoolclient;
}

var awsclient = {};

var awsrequestsigner = {};

var hasRequiredAwsrequestsigner;

function requireAwsrequestsigner () {
	if (hasRequiredAwsrequestsigner) return awsrequestsigner;
	hasRequiredAwsrequestsigner = 1;
	// Copyright 2021 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(awsrequestsigner, "__esModule", { value: true });
	awsrequestsigner.AwsRequestSigner = void 0;
	const gaxios_1 = requireSrc$3();
	const crypto_1 = requireCrypto();
	/** AWS Signature Version 4 signing algorithm identifier.  */
	const AWS_ALGORITHM = 'AWS4-HMAC-SHA256';
	/**
	 * The termination string for the AWS credential scope value as defined in
	 * https://docs.aws.amazon.com/general/latest/gr/sigv4-create-string-to-sign.html
	 */
	const AWS_REQUEST_TYPE = 'aws4_request';
	/**
	 * Implements an AWS API request signer based on the AWS Signature Version 4
	 * signing process.
	 * https://docs.aws.amazon.com/general/latest/gr/signature-version-4.html
	 */
	class AwsRequestSigner {
	    getCredentials;
	    region;
	    crypto;
	    /**
	     * Instantiates an AWS API request signer used to send authenticated signed
	     * requests to AWS APIs based on the AWS Signature Version 4 signing process.
	     * This also provides a mechanism to generate the signed request without
	     * sending it.
	     * @param getCredentials A mechanism to retrieve AWS security credentials
	     *   when needed.
	     * @param region The AWS region to use.
	     */
	    constructor(getCredentials, region) {
	        this.getCredentials = getCredentials;
	        this.region = region;
	        this.crypto = (0, crypto_1.createCrypto)();
	    }
	    /**
	     * Generates the signed request for the provided HTTP request for calling
	     * an AWS API. This follows the steps described at:
	     * https://docs.aws.amazon.com/general/latest/gr/sigv4_signing.html
	     * @param amzOptions The AWS request options that need to be signed.
	     * @return A promise that resolves with the GaxiosOptions containing the
	     *   signed HTTP request parameters.
	     */
	    async getRequestOptions(amzOptions) {
	        if (!amzOptions.url) {
	            throw new RangeError('"url" is required in "amzOptions"');
	        }
	        // Stringify JSON requests. This will be set in the request body of the
	        // generated signed request.
	        const requestPayloadData = typeof amzOptions.data === 'object'
	            ? JSON.stringify(amzOptions.data)
	            : amzOptions.data;
	        const url = amzOptions.url;
	        const method = amzOptions.method || 'GET';
	        const requestPayload = amzOptions.body || requestPayloadData;
	        const additionalAmzHeaders = amzOptions.headers;
	        const awsSecurityCredentials = await this.getCredentials();
	        const uri = new URL(url);
	        if (typeof requestPayload !== 'string' && requestPayload !== undefined) {
	            throw new TypeError(`'requestPayload' is expected to be a string if provided. Got: ${requestPayload}`);
	        }
	        const headerMap = await generateAuthenticationHeaderMap({
	            crypto: this.crypto,
	            host: uri.host,
	            canonicalUri: uri.pathname,
	            canonicalQuerystring: uri.search.slice(1),
	            method,
	            region: this.region,
	            securityCredentials: awsSecurityCredentials,
	            requestPayload,
	            additionalAmzHeaders,
	        });
	        // Append additional optional headers, eg. X-Amz-Target, Content-Type, etc.
	        const headers = gaxios_1.Gaxios.mergeHeaders(
	        // Add x-amz-date if available.
	        headerMap.amzDate ? { 'x-amz-date': headerMap.amzDate } : {}, {
	            authorization: headerMap.authorizationHeader,
	            host: uri.host,
	        }, additionalAmzHeaders || {});
	        if (awsSecurityCredentials.token) {
	            gaxios_1.Gaxios.mergeHeaders(headers, {
	                'x-amz-security-token': awsSecurityCredentials.token,
	            });
	        }
	        const awsSignedReq = {
	            url,
	            method: method,
	            headers,
	        };
	        if (requestPayload !== undefined) {
	            awsSignedReq.body = requestPayload;
	        }
	        return awsSignedReq;
	    }
	}
	awsrequestsigner.AwsRequestSigner = AwsRequestSigner;
	/**
	 * Creates the HMAC-SHA256 hash of the provided message using the
	 * provided key.
	 *
	 * @param crypto The crypto instance used to facilitate cryptographic
	 *   operations.
	 * @param key The HMAC-SHA256 key to use.
	 * @param msg The message to hash.
	 * @return The computed hash bytes.
	 */
	async function sign(crypto, key, msg) {
	    return await crypto.signWithHmacSha256(key, msg);
	}
	/**
	 * Calculates the signing key used to calculate the signature for
	 * AWS Signature Version 4 based on:
	 * https://docs.aws.amazon.com/general/latest/gr/sigv4-calculate-signature.html
	 *
	 * @param crypto The crypto instance used to facilitate cryptographic
	 *   operations.
	 * @param key The AWS secret access key.
	 * @param dateStamp The '%Y%m%d' date format.
	 * @param region The AWS region.
	 * @param serviceName The AWS service name, eg. sts.
	 * @return The signing key bytes.
	 */
	async function getSigningKey(crypto, key, dateStamp, region, serviceName) {
	    const kDate = await sign(crypto, `AWS4${key}`, dateStamp);
	    const kRegion = await sign(crypto, kDate, region);
	    const kService = await sign(crypto, kRegion, serviceName);
	    const kSigning = await sign(crypto, kService, 'aws4_request');
	    return kSigning;
	}
	/**
	 * Generates the authentication header map needed for generating the AWS
	 * Signature Version 4 signed request.
	 *
	 * @param option The options needed to compute the authentication header map.
	 * @return The AWS authentication header map which constitutes of the following
	 *   components: amz-date, authorization header and canonical query string.
	 */
	async function generateAuthenticationHeaderMap(options) {
	    const additionalAmzHeaders = gaxios_1.Gaxios.mergeHeaders(options.additionalAmzHeaders);
	    const requestPayload = options.requestPayload || '';
	    // iam.amazonaws.com host => iam service.
	    // sts.us-east-2.amazonaws.com => sts service.
	    const serviceName = options.host.split('.')[0];
	    const now = new Date();
	    // Format: '%Y%m%dT%H%M%SZ'.
	    const amzDate = now
	        .toISOString()
	        .replace(/[-:]/g, '')
	        .replace(/\.[0-9]+/, '');
	    // Format: '%Y%m%d'.
	    const dateStamp = now.toISOString().replace(/[-]/g, '').replace(/T.*/, '');
	    // Add AWS token if available.
	    if (options.securityCredentials.token) {
	        additionalAmzHeaders.set('x-amz-security-token', options.securityCredentials.token);
	    }
	    // Header keys need to be sorted alphabetically.
	    const amzHeaders = gaxios_1.Gaxios.mergeHeaders({
	        host: options.host,
	    }, 
	    // Previously the date was not fixed with x-amz- and could be provided manually.
	    // https://github.com/boto/botocore/blob/879f8440a4e9ace5d3cf145ce8b3d5e5ffb892ef/tests/unit/auth/aws4_testsuite/get-header-value-trim.req
	    additionalAmzHeaders.has('date') ? {} : { 'x-amz-date': amzDate }, additionalAmzHeaders);
	    let canonicalHeaders = '';
	    // TypeScript is missing `Headers#keys` at the time of writing
	    const signedHeadersList = [
	        ...amzHeaders.keys(),
	    ].sort();
	    signedHeadersList.forEach(key => {
	        canonicalHeaders += `${key}:${amzHeaders.get(key)}\n`;
	    });
	    const signedHeaders = signedHeadersList.join(';');
	    const payloadHash = await options.crypto.sha256DigestHex(requestPayload);
	    // https://docs.aws.amazon.com/general/latest/gr/sigv4-create-canonical-request.html
	    const canonicalRequest = `${options.method.toUpperCase()}\n` +
	        `${options.canonicalUri}\n` +
	        `${options.canonicalQuerystring}\n` +
	        `${canonicalHeaders}\n` +
	        `${signedHeaders}\n` +
	        `${payloadHash}`;
	    const credentialScope = `${dateStamp}/${options.region}/${serviceName}/${AWS_REQUEST_TYPE}`;
	    // https://docs.aws.amazon.com/general/latest/gr/sigv4-create-string-to-sign.html
	    const stringToSign = `${AWS_ALGORITHM}\n` +
	        `${amzDate}\n` +
	        `${credentialScope}\n` +
	        (await options.crypto.sha256DigestHex(canonicalRequest));
	    // https://docs.aws.amazon.com/general/latest/gr/sigv4-calculate-signature.html
	    const signingKey = await getSigningKey(options.crypto, options.securityCredentials.secretAccessKey, dateStamp, options.region, serviceName);
	    const signature = await sign(options.crypto, signingKey, stringToSign);
	    // https://docs.aws.amazon.com/general/latest/gr/sigv4-add-signature-to-request.html
	    const authorizationHeader = `${AWS_ALGORITHM} Credential=${options.securityCredentials.accessKeyId}/` +
	        `${credentialScope}, SignedHeaders=${signedHeaders}, ` +
	        `Signature=${(0, crypto_1.fromArrayBufferToHex)(signature)}`;
	    return {
	        // Do not return x-amz-date if date is available.
	        amzDate: additionalAmzHeaders.has('date') ? undefined : amzDate,
	        authorizationHeader,
	        canonicalQuerystring: options.canonicalQuerystring,
	    };
	}
	
	return awsrequestsigner;
}

var defaultawssecuritycredentialssupplier = {};

var hasRequiredDefaultawssecuritycredentialssupplier;

function requireDefaultawssecuritycredentialssupplier () {
	if (hasRequiredDefaultawssecuritycredentialssupplier) return defaultawssecuritycredentialssupplier;
	hasRequiredDefaultawssecuritycredentialssupplier = 1;
	// Copyright 2024 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(defaultawssecuritycredentialssupplier, "__esModule", { value: true });
	defaultawssecuritycredentialssupplier.DefaultAwsSecurityCredentialsSupplier = void 0;
	const authclient_1 = requireAuthclient();
	/**
	 * Internal AWS security credentials supplier implementation used by {@link AwsClient}
	 * when a credential source is provided instead of a user defined supplier.
	 * The logic is summarized as:
	 * 1. If imdsv2_session_token_url is provided in the credential source, then
	 *    fetch the aws session token and include it in the headers of the
	 *    metadata requests. This is a requirement for IDMSv2 but optional
	 *    for IDMSv1.
	 * 2. Retrieve AWS region from availability-zone.
	 * 3a. Check AWS credentials in environment variables. If not found, get
	 *     from security-credentials endpoint.
	 * 3b. Get AWS credentials from security-credentials endpoint. In order
	 *     to retrieve this, the AWS role needs to be determined by calling
	 *     security-credentials endpoint without any argument. Then the
	 *     credentials can be retrieved via: security-credentials/role_name
	 * 4. Generate the signed request to AWS STS GetCallerIdentity action.
	 * 5. Inject x-goog-cloud-target-resource into header and serialize the
	 *    signed request. This will be the subject-token to pass to GCP STS.
	 */
	class DefaultAwsSecurityCredentialsSupplier {
	    regionUrl;
	    securityCredentialsUrl;
	    imdsV2SessionTokenUrl;
	    additionalGaxiosOptions;
	    /**
	     * Instantiates a new DefaultAwsSecurityCredentialsSupplier using information
	     * from the credential_source stored in the ADC file.
	     * @param opts The default aws security credentials supplier options object to
	     *   build the supplier with.
	     */
	    constructor(opts) {
	        this.regionUrl = opts.regionUrl;
	        this.securityCredentialsUrl = opts.securityCredentialsUrl;
	        this.imdsV2SessionTokenUrl = opts.imdsV2SessionTokenUrl;
	        this.additionalGaxiosOptions = opts.additionalGaxiosOptions;
	    }
	    /**
	     * Returns the active AWS region. This first checks to see if the region
	     * is available as an environment variable. If it is not, then the supplier
	     * will call the region URL.
	     * @param context {@link ExternalAccountSupplierContext} from the calling
	     *   {@link AwsClient}, contains the requested audience and subject token type
	     *   for the external account identity.
	     * @return A promise that resolves with the AWS region string.
	     */
	    async getAwsRegion(context) {
	        // Priority order for region determination:
	        // AWS_REGION > AWS_DEFAULT_REGION > metadata server.
	        if (this.#regionFromEnv) {
	            return this.#regionFromEnv;
	        }
	        const metadataHeaders = new Headers();
	        if (!this.#regionFromEnv && this.imdsV2SessionTokenUrl) {
	            metadataHeaders.set('x-aws-ec2-metadata-token', await this.#getImdsV2SessionToken(context.transporter));
	        }
	        if (!this.regionUrl) {
	            throw new RangeError('Unable to determine AWS region due to missing ' +
	                '"options.credential_source.region_url"');
	        }
	        const opts = {
	            ...this.additionalGaxiosOptions,
	            url: this.regionUrl,
	            method: 'GET',
	            responseType: 'text',
	            headers: metadataHeaders,
	        };
	        authclient_1.AuthClient.setMethodName(opts, 'getAwsRegion');
	        const response = await context.transporter.request(opts);
	        // Remove last character. For example, if us-east-2b is returned,
	        // the region would be us-east-2.
	        return response.data.substr(0, response.data.length - 1);
	    }
	    /**
	     * Returns AWS security credentials. This first checks to see if the credentials
	     * is available as environment variables. If it is not, then the supplier
	     * will call the security credentials URL.
	     * @param context {@link ExternalAccountSupplierContext} from the calling
	     *   {@link AwsClient}, contains the requested audience and subject token type
	     *   for the external account identity.
	     * @return A promise that resolves with the AWS security credentials.
	     */
	    async getAwsSecurityCredentials(context) {
	        // Check environment variables for permanent credentials first.
	        // https://docs.aws.amazon.com/general/latest/gr/aws-sec-cred-types.html
	        if (this.#securityCredentialsFromEnv) {
	            return this.#securityCredentialsFromEnv;
	        }
	        const metadataHeaders = new Headers();
	        if (this.imdsV2SessionTokenUrl) {
	            metadataHeaders.set('x-aws-ec2-metadata-token', await this.#getImdsV2SessionToken(context.transporter));
	        }
	        // Since the role on a VM can change, we don't need to cache it.
	        const roleName = await this.#getAwsRoleName(metadataHeaders, context.transporter);
	        // Temporary credentials typically last for several hours.
	        // Expiration is returned in response.
	        // Consider future optimization of this logic to cache AWS tokens
	        // until their natural expiration.
	        const awsCreds = await this.#retrieveAwsSecurityCredentials(roleName, metadataHeaders, context.transporter);
	        return {
	            accessKeyId: awsCreds.AccessKeyId,
	            secretAccessKey: awsCreds.SecretAccessKey,
	            token: awsCreds.Token,
	        };
	    }
	    /**
	     * @param transporter The transporter to use for requests.
	     * @return A promise that resolves with the IMDSv2 Session Token.
	     */
	    async #getImdsV2SessionToken(transporter) {
	        const opts = {
	            ...this.additionalGaxiosOptions,
	            url: this.imdsV2SessionTokenUrl,
	            method: 'PUT',
	            responseType: 'text',
	            headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '300' },
	        };
	        authclient_1.AuthClient.setMethodName(opts, '#getImdsV2SessionToken');
	        const response = await transporter.request(opts);
	        return response.data;
	    }
	    /**
	     * @param headers The headers to be used in the metadata request.
	     * @param transporter The transporter to use for requests.
	     * @return A promise that resolves with the assigned role to the current
	     *   AWS VM. This is needed for calling the security-credentials endpoint.
	     */
	    async #getAwsRoleName(headers, transporter) {
	        if (!this.securityCredentialsUrl) {
	            throw new Error('Unable to determine AWS role name due to missing ' +
	                '"options.credential_source.url"');
	        }
	        const opts = {
	            ...this.additionalGaxiosOptions,
	            url: this.securityCredentialsUrl,
	            method: 'GET',
	            responseType: 'text',
	            headers: headers,
	        };
	        authclient_1.AuthClient.setMethodName(opts, '#getAwsRoleName');
	        const response = await transporter.request(opts);
	        return response.data;
	    }
	    /**
	     * Retrieves the temporary AWS credentials by calling the security-credentials
	     * endpoint as specified in the `credential_source` object.
	     * @param roleName The role attached to the current VM.
	     * @param headers The headers to be used in the metadata request.
	     * @param transporter The transporter to use for requests.
	     * @return A promise that resolves with the temporary AWS credentials
	     *   needed for creating the GetCallerIdentity signed request.
	     */
	    async #retrieveAwsSecurityCredentials(roleName, headers, transporter) {
	        const opts = {
	            ...this.additionalGaxiosOptions,
	            url: `${this.securityCredentialsUrl}/${roleName}`,
	            headers: headers,
	            responseType: 'json',
	        };
	        authclient_1.AuthClient.setMethodName(opts, '#retrieveAwsSecurityCredentials');
	        const response = await transporter.request(opts);
	        return response.data;
	    }
	    get #regionFromEnv() {
	        // The AWS region can be provided through AWS_REGION or AWS_DEFAULT_REGION.
	        // Only one is required.
	        return (process.env['AWS_REGION'] || process.env['AWS_DEFAULT_REGION'] || null);
	    }
	    get #securityCredentialsFromEnv() {
	        // Both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are required.
	        if (process.env['AWS_ACCESS_KEY_ID'] &&
	            process.env['AWS_SECRET_ACCESS_KEY']) {
	            return {
	                accessKeyId: process.env['AWS_ACCESS_KEY_ID'],
	                secretAccessKey: process.env['AWS_SECRET_ACCESS_KEY'],
	                token: process.env['AWS_SESSION_TOKEN'],
	            };
	        }
	        return null;
	    }
	}
	defaultawssecuritycredentialssupplier.DefaultAwsSecurityCredentialsSupplier = DefaultAwsSecurityCredentialsSupplier;
	
	return defaultawssecuritycredentialssupplier;
}

var hasRequiredAwsclient;

function requireAwsclient () {
	if (hasRequiredAwsclient) return awsclient;
	hasRequiredAwsclient = 1;
	// Copyright 2021 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(awsclient, "__esModule", { value: true });
	awsclient.AwsClient = void 0;
	const awsrequestsigner_1 = requireAwsrequestsigner();
	const baseexternalclient_1 = requireBaseexternalclient();
	const defaultawssecuritycredentialssupplier_1 = requireDefaultawssecuritycredentialssupplier();
	const util_1 = requireUtil();
	const gaxios_1 = requireSrc$3();
	/**
	 * AWS external account client. This is used for AWS workloads, where
	 * AWS STS GetCallerIdentity serialized signed requests are exchanged for
	 * GCP access token.
	 */
	class AwsClient extends baseexternalclient_1.BaseExternalAccountClient {
	    environmentId;
	    awsSecurityCredentialsSupplier;
	    regionalCredVerificationUrl;
	    awsRequestSigner;
	    region;
	    static #DEFAULT_AWS_REGIONAL_CREDENTIAL_VERIFICATION_URL = 'https://sts.{region}.amazonaws.com?Action=GetCallerIdentity&Version=2011-06-15';
	    /**
	     * @deprecated AWS client no validates the EC2 metadata address.
	     **/
	    static AWS_EC2_METADATA_IPV4_ADDRESS = '169.254.169.254';
	    /**
	     * @deprecated AWS client no validates the EC2 metadata address.
	     **/
	    static AWS_EC2_METADATA_IPV6_ADDRESS = 'fd00:ec2::254';
	    /**
	     * Instantiates an AwsClient instance using the provided JSON
	     * object loaded from an external account credentials file.
	     * An error is thrown if the credential is not a valid AWS credential.
	     * @param options The external account options object typically loaded
	     *   from the external account JSON credential file.
	     */
	    constructor(options) {
	        super(options);
	        const opts = (0, util_1.originalOrCamelOptions)(options);
	        const credentialSource = opts.get('credential_source');
	        const awsSecurityCredentialsSupplier = opts.get('aws_security_credentials_supplier');
	        // Validate credential sourcing configuration.
	        if (!credentialSource && !awsSecurityCredentialsSupplier) {
	            throw new Error('A credential source or AWS security credentials supplier must be specified.');
	        }
	        if (credentialSource && awsSecurityCredentialsSupplier) {
	            throw new Error('Only one of credential source or AWS security credentials supplier can be specified.');
	        }
	        if (awsSecurityCredentialsSupplier) {
	            this.awsSecurityCredentialsSupplier = awsSecurityCredentialsSupplier;
	            this.regionalCredVerificationUrl =
	                AwsClient.#DEFAULT_AWS_REGIONAL_CREDENTIAL_VERIFICATION_URL;
	            this.credentialSourceType = 'programmatic';
	        }
	        else {
	            const credentialSourceOpts = (0, util_1.originalOrCamelOptions)(credentialSource);
	            this.environmentId = credentialSourceOpts.get('environment_id');
	            // This is only required if the AWS region is not available in the
	            // AWS_REGION or AWS_DEFAULT_REGION environment variables.
	            const regionUrl = credentialSourceOpts.get('region_url');
	            // This is only required if AWS security credentials are not available in
	            // environment variables.
	            const securityCredentialsUrl = credentialSourceOpts.get('url');
	            const imdsV2SessionTokenUrl = credentialSourceOpts.get('imdsv2_session_token_url');
	            this.awsSecurityCredentialsSupplier =
	                new defaultawssecuritycredentialssupplier_1.DefaultAwsSecurityCredentialsSupplier({
	                    regionUrl: regionUrl,
	                    securityCredentialsUrl: securityCredentialsUrl,
	                    imdsV2SessionTokenUrl: imdsV2SessionTokenUrl,
	                });
	            this.regionalCredVerificationUrl = credentialSourceOpts.get('regional_cred_verification_url');
	            this.credentialSourceType = 'aws';
	            // Data validators.
	            this.validateEnvironmentId();
	        }
	        this.awsRequestSigner = null;
	        this.region = '';
	    }
	    validateEnvironmentId() {
	        const match = this.environmentId?.match(/^(aws)(\d+)$/);
	        if (!match || !this.regionalCredVerificationUrl) {
	            throw new Error('No valid AWS "credential_source" provided');
	        }
	        else if (parseInt(match[2], 10) !== 1) {
	            throw new Error(`aws version "${match[2]}" is not supported in the current build.`);
	        }
	    }
	    /**
	     * Triggered when an external subject token is needed to be exchanged for a
	     * GCP access token via GCP STS endpoint. This will call the
	     * {@link AwsSecurityCredentialsSupplier} to retrieve an AWS region and AWS
	     * Security Credentials, then use them to create a signed AWS STS request that
	     * can be exchanged for a GCP access token.
	     * @return A promise that resolves with the external subject token.
	     */
	    async retrieveSubjectToken() {
	        // Initialize AWS request signer if not already initialized.
	        if (!this.awsRequestSigner) {
	            this.region = await this.awsSecurityCredentialsSupplier.getAwsRegion(this.supplierContext);
	            this.awsRequestSigner = new awsrequestsigner_1.AwsRequestSigner(async () => {
	                return this.awsSecurityCredentialsSupplier.getAwsSecurityCredentials(this.supplierContext);
	            }, this.region);
	        }
	        // Generate signed request to AWS STS GetCallerIdentity API.
	        // Use the required regional endpoint. Otherwise, the request will fail.
	        const options = await this.awsRequestSigner.getRequestOptions({
	            ...AwsClient.RETRY_CONFIG,
	            url: this.regionalCredVerificationUrl.replace('{region}', this.region),
	            method: 'POST',
	        });
	        // The GCP STS endpoint expects the headers to be formatted as:
	        // [
	        //   {key: 'x-amz-date', value: '...'},
	        //   {key: 'authorization', value: '...'},
	        //   ...
	        // ]
	        // And then serialized as:
	        // encodeURIComponent(JSON.stringify({
	        //   url: '...',
	        //   method: 'POST',
	        //   headers: [{key: 'x-amz-date', value: '...'}, ...]
	        // }))
	        const reformattedHeader = [];
	        const extendedHeaders = gaxios_1.Gaxios.mergeHeaders({
	            // The full, canonical resource name of the workload identity pool
	            // provider, with or without the HTTPS prefix.
	            // Including this header as part of the signature is recommended to
	            // ensure data integrity.
	            'x-goog-cloud-target-resource': this.audience,
	        }, options.headers);
	        // Reformat header to GCP STS expected format.
	        extendedHeaders.forEach((value, key) => reformattedHeader.push({ key, value }));
	        // Serialize the reformatted signed request.
	        return encodeURIComponent(JSON.stringify({
	            url: options.url,
	            method: options.method,
	            headers: reformattedHeader,
	        }));
	    }
	}
	awsclient.AwsClient = AwsClient;
	
	return awsclient;
}

var pluggableAuthClient = {};

var executableResponse = {};

var hasRequiredExecutableResponse;

function requireExecutableResponse () {
	if (hasRequiredExecutableResponse) return executableResponse;
	hasRequiredExecutableResponse = 1;
	// Copyright 2022 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(executableResponse, "__esModule", { value: true });
	executableResponse.InvalidSubjectTokenError = executableResponse.InvalidMessageFieldError = executableResponse.InvalidCodeFieldError = executableResponse.InvalidTokenTypeFieldError = executableResponse.InvalidExpirationTimeFieldError = executableResponse.InvalidSuccessFieldError = executableResponse.InvalidVersionFieldError = executableResponse.ExecutableResponseError = executableResponse.ExecutableResponse = void 0;
	const SAML_SUBJECT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:saml2';
	const OIDC_SUBJECT_TOKEN_TYPE1 = 'urn:ietf:params:oauth:token-type:id_token';
	const OIDC_SUBJECT_TOKEN_TYPE2 = 'urn:ietf:params:oauth:token-type:jwt';
	/**
	 * Defines the response of a 3rd party executable run by the pluggable auth client.
	 */
	class ExecutableResponse {
	    /**
	     * The version of the Executable response. Only version 1 is currently supported.
	     */
	    version;
	    /**
	     * Whether the executable ran successfully.
	     */
	    success;
	    /**
	     * The epoch time for expiration of the token in seconds.
	     */
	    expirationTime;
	    /**
	     * The type of subject token in the response, currently supported values are:
	     * urn:ietf:params:oauth:token-type:saml2
	     * urn:ietf:params:oauth:token-type:id_token
	     * urn:ietf:params:oauth:token-type:jwt
	     */
	    tokenType;
	    /**
	     * The error code from the executable.
	     */
	    errorCode;
	    /**
	     * The error message from the executable.
	     */
	    errorMessage;
	    /**
	     * The subject token from the executable, format depends on tokenType.
	     */
	    subjectToken;
	    /**
	     * Instantiates an ExecutableResponse instance using the provided JSON object
	     * from the output of the executable.
	     * @param responseJson Response from a 3rd party executable, loaded from a
	     * run of the executable or a cached output file.
	     */
	    constructor(responseJson) {
	        // Check that the required fields exist in the json response.
	        if (!responseJson.version) {
	            throw new InvalidVersionFieldError("Executable response must contain a 'version' field.");
	        }
	        if (responseJson.success === undefined) {
	            throw new InvalidSuccessFieldError("Executable response must contain a 'success' field.");
	        }
	        this.version = responseJson.version;
	        this.success = responseJson.success;
	        // Validate required fields for a successful response.
	        if (this.success) {
	            this.expirationTime = responseJson.expiration_time;
	            this.tokenType = responseJson.token_type;
	            // Validate token type field.
	            if (this.tokenType !== SAML_SUBJECT_TOKEN_TYPE &&
	                this.tokenType !== OIDC_SUBJECT_TOKEN_TYPE1 &&
	                this.tokenType !== OIDC_SUBJECT_TOKEN_TYPE2) {
	                throw new InvalidTokenTypeFieldError("Executable response must contain a 'token_type' field when successful " +
	                    `and it must be one of ${OIDC_SUBJECT_TOKEN_TYPE1}, ${OIDC_SUBJECT_TOKEN_TYPE2}, or ${SAML_SUBJECT_TOKEN_TYPE}.`);
	            }
	            // Validate subject token.
	            if (this.tokenType === SAML_SUBJECT_TOKEN_TYPE) {
	                if (!responseJson.saml_response) {
	                    throw new InvalidSubjectTokenError(`Executable response must contain a 'saml_response' field when token_type=${SAML_SUBJECT_TOKEN_TYPE}.`);
	                }
	                this.subjectToken = responseJson.saml_response;
	            }
	            else {
	                if (!responseJson.id_token) {
	                    throw new InvalidSubjectTokenError("Executable response must contain a 'id_token' field when " +
	                        `token_type=${OIDC_SUBJECT_TOKEN_TYPE1} or ${OIDC_SUBJECT_TOKEN_TYPE2}.`);
	                }
	                this.subjectToken = responseJson.id_token;
	            }
	        }
	        else {
	            // Both code and message must be provided for unsuccessful responses.
	            if (!responseJson.code) {
	                throw new InvalidCodeFieldError("Executable response must contain a 'code' field when unsuccessful.");
	            }
	            if (!responseJson.message) {
	                throw new InvalidMessageFieldError("Executable response must contain a 'message' field when unsuccessful.");
	            }
	            this.errorCode = responseJson.code;
	            this.errorMessage = responseJson.message;
	        }
	    }
	    /**
	     * @return A boolean representing if the response has a valid token. Returns
	     * true when the response was successful and the token is not expired.
	     */
	    isValid() {
	        return !this.isExpired() && this.success;
	    }
	    /**
	     * @return A boolean representing if the response is expired. Returns true if the
	     * provided timeout has passed.
	     */
	    isExpired() {
	        return (this.expirationTime !== undefined &&
	            this.expirationTime < Math.round(Date.now() / 1000));
	    }
	}
	executableResponse.ExecutableResponse = ExecutableResponse;
	/**
	 * An error thrown by the ExecutableResponse class.
	 */
	class ExecutableResponseError extends Error {
	    constructor(message) {
	        super(message);
	        Object.setPrototypeOf(this, new.target.prototype);
	    }
	}
	executableResponse.ExecutableResponseError = ExecutableResponseError;
	/**
	 * An error thrown when the 'version' field in an executable response is missing or invalid.
	 */
	class InvalidVersionFieldError extends ExecutableResponseError {
	}
	executableResponse.InvalidVersionFieldError = InvalidVersionFieldError;
	/**
	 * An error thrown when the 'success' field in an executable response is missing or invalid.
	 */
	class InvalidSuccessFieldError extends ExecutableResponseError {
	}
	executableResponse.InvalidSuccessFieldError = InvalidSuccessFieldError;
	/**
	 * An error thrown when the 'expiration_time' field in an executable response is missing or invalid.
	 */
	class InvalidExpirationTimeFieldError extends ExecutableResponseError {
	}
	executableResponse.InvalidExpirationTimeFieldError = InvalidExpirationTimeFieldError;
	/**
	 * An error thrown when the 'token_type' field in an executable response is missing or invalid.
	 */
	class InvalidTokenTypeFieldError extends ExecutableResponseError {
	}
	executableResponse.InvalidTokenTypeFieldError = InvalidTokenTypeFieldError;
	/**
	 * An error thrown when the 'code' field in an executable response is missing or invalid.
	 */
	class InvalidCodeFieldError extends ExecutableResponseError {
	}
	executableResponse.InvalidCodeFieldError = InvalidCodeFieldError;
	/**
	 * An error thrown when the 'message' field in an executable response is missing or invalid.
	 */
	class InvalidMessageFieldError extends ExecutableResponseError {
	}
	executableResponse.InvalidMessageFieldError = InvalidMessageFieldError;
	/**
	 * An error thrown when the subject token in an executable response is missing or invalid.
	 */
	class InvalidSubjectTokenError extends ExecutableResponseError {
	}
	executableResponse.InvalidSubjectTokenError = InvalidSubjectTokenError;
	
	return executableResponse;
}

var pluggableAuthHandler = {};

var hasRequiredPluggableAuthHandler;

function requirePluggableAuthHandler () {
	if (hasRequiredPluggableAuthHandler) return pluggableAuthHandler;
	hasRequiredPluggableAuthHandler = 1;
	// Copyright 2022 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(pluggableAuthHandler, "__esModule", { value: true });
	pluggableAuthHandler.PluggableAuthHandler = pluggableAuthHandler.ExecutableError = void 0;
	const executable_response_1 = requireExecutableResponse();
	const childProcess = require$$1$3;
	const fs = require$$0$2;
	/**
	 * Error thrown from the executable run by PluggableAuthClient.
	 */
	class ExecutableError extends Error {
	    /**
	     * The exit code returned by the executable.
	     */
	    code;
	    constructor(message, code) {
	        super(`The executable failed with exit code: ${code} and error message: ${message}.`);
	        this.code = code;
	        Object.setPrototypeOf(this, new.target.prototype);
	    }
	}
	pluggableAuthHandler.ExecutableError = ExecutableError;
	/**
	 * A handler used to retrieve 3rd party token responses from user defined
	 * executables and cached file output for the PluggableAuthClient class.
	 */
	class PluggableAuthHandler {
	    commandComponents;
	    timeoutMillis;
	    outputFile;
	    /**
	     * Instantiates a PluggableAuthHandler instance using the provided
	     * PluggableAuthHandlerOptions object.
	     */
	    constructor(options) {
	        if (!options.command) {
	            throw new Error('No command provided.');
	        }
	        this.commandComponents = PluggableAuthHandler.parseCommand(options.command);
	        this.timeoutMillis = options.timeoutMillis;
	        if (!this.timeoutMillis) {
	            throw new Error('No timeoutMillis provided.');
	        }
	        this.outputFile = options.outputFile;
	    }
	    /**
	     * Calls user provided executable to get a 3rd party subject token and
	     * returns the response.
	     * @param envMap a Map of additional Environment Variables required for
	     *   the executable.
	     * @return A promise that resolves with the executable response.
	     */
	    retrieveResponseFromExecutable(envMap) {
	        return new Promise((resolve, reject) => {
	            // Spawn process to run executable using added environment variables.
	            const child = childProcess.spawn(this.commandComponents[0], this.commandComponents.slice(1), {
	                env: { ...process.env, ...Object.fromEntries(envMap) },
	            });
	            let output = '';
	            // Append stdout to output as executable runs.
	            child.stdout.on('data', (data) => {
	                output += data;
	            });
	            // Append stderr as executable runs.
	            child.stderr.on('data', (err) => {
	                output += err;
	            });
	            // Set up a timeout to end the child process and throw an error.
	            const timeout = setTimeout(() => {
	                // Kill child process and remove listeners so 'close' event doesn't get
	                // read after child process is killed.
	                child.removeAllListeners();
	                child.kill();
	                return reject(new Error('The executable failed to finish within the timeout specified.'));
	            }, this.timeoutMillis);
	            child.on('close', (code) => {
	                // Cancel timeout if executable closes before timeout is reached.
	                clearTimeout(timeout);
	                if (code === 0) {
	                    // If the executable completed successfully, try to return the parsed response.
	                    try {
	                        const responseJson = JSON.parse(output);
	                        const response = new executable_response_1.ExecutableResponse(responseJson);
	                        return resolve(response);
	                    }
	                    catch (error) {
	                        if (error instanceof executable_response_1.ExecutableResponseError) {
	                            return reject(error);
	                        }
	                        return reject(new executable_response_1.ExecutableResponseError(`The executable returned an invalid response: ${output}`));
	                    }
	                }
	                else {
	                    return reject(new ExecutableError(output, code.toString()));
	                }
	            });
	        });
	    }
	    /**
	     * Checks user provided output file for response from previous run of
	     * executable and return the response if it exists, is formatted correctly, and is not expired.
	     */
	    async retrieveCachedResponse() {
	        if (!this.outputFile || this.outputFile.length === 0) {
	            return undefined;
	        }
	        let filePath;
	        try {
	            filePath = await fs.promises.realpath(this.outputFile);
	        }
	        catch {
	            // If file path cannot be resolved, return undefined.
	            return undefined;
	        }
	        if (!(await fs.promises.lstat(filePath)).isFile()) {
	            // If path does not lead to file, return undefined.
	            return undefined;
	        }
	        const responseString = await fs.promises.readFile(filePath, {
	            encoding: 'utf8',
	        });
	        if (responseString === '') {
	            return undefined;
	        }
	        try {
	            const responseJson = JSON.parse(responseString);
	            const response = new executable_response_1.ExecutableResponse(responseJson);
	            // Check if response is successful and unexpired.
	            if (response.isValid()) {
	                return new executable_response_1.ExecutableResponse(responseJson);
	            }
	            return undefined;
	        }
	        catch (error) {
	            if (error instanceof executable_response_1.ExecutableResponseError) {
	                throw error;
	            }
	            throw new executable_response_1.ExecutableResponseError(`The output file contained an invalid response: ${responseString}`);
	        }
	    }
	    /**
	     * Parses given command string into component array, splitting on spaces unless
	     * spaces are between quotation marks.
	     */
	    static parseCommand(command) {
	        // Split the command into components by splitting on spaces,
	        // unless spaces are contained in quotation marks.
	        const components = command.match(/(?:[^\s"]+|"[^"]*")+/g);
	        if (!components) {
	            throw new Error(`Provided command: "${command}" could not be parsed.`);
	        }
	        // Remove quotation marks from the beginning and end of each component if they are present.
	        for (let i = 0; i < components.length; i++) {
	            if (components[i][0] === '"' && components[i].slice(-1) === '"') {
	                components[i] = components[i].slice(1, -1);
	            }
	        }
	        return components;
	    }
	}
	pluggableAuthHandler.PluggableAuthHandler = PluggableAuthHandler;
	
	return pluggableAuthHandler;
}

var hasRequiredPluggableAuthClient;

function requirePluggableAuthClient () {
	if (hasRequiredPluggableAuthClient) return pluggableAuthClient;
	hasRequiredPluggableAuthClient = 1;
	(function (exports) {
		// Copyright 2022 Google LLC
		//
		// Licensed under the Apache License, Version 2.0 (the "License");
		// you may not use this file except in compliance with the License.
		// You may obtain a copy of the License at
		//
		//      http://www.apache.org/licenses/LICENSE-2.0
		//
		// Unless required by applicable law or agreed to in writing, software
		// distributed under the License is distributed on an "AS IS" BASIS,
		// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
		// See the License for the specific language governing permissions and
		// limitations under the License.
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.PluggableAuthClient = exports.ExecutableError = void 0;
		const baseexternalclient_1 = requireBaseexternalclient();
		const executable_response_1 = requireExecutableResponse();
		const pluggable_auth_handler_1 = requirePluggableAuthHandler();
		var pluggable_auth_handler_2 = requirePluggableAuthHandler();
		Object.defineProperty(exports, "ExecutableError", { enumerable: true, get: function () { return pluggable_auth_handler_2.ExecutableError; } });
		/**
		 * The default executable timeout when none is provided, in milliseconds.
		 */
		const DEFAULT_EXECUTABLE_TIMEOUT_MILLIS = 30 * 1000;
		/**
		 * The minimum allowed executable timeout in milliseconds.
		 */
		const MINIMUM_EXECUTABLE_TIMEOUT_MILLIS = 5 * 1000;
		/**
		 * The maximum allowed executable timeout in milliseconds.
		 */
		const MAXIMUM_EXECUTABLE_TIMEOUT_MILLIS = 120 * 1000;
		/**
		 * The environment variable to check to see if executable can be run.
		 * Value must be set to '1' for the executable to run.
		 */
		const GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES = 'GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES';
		/**
		 * The maximum currently supported executable version.
		 */
		const MAXIMUM_EXECUTABLE_VERSION = 1;
		/**
		 * PluggableAuthClient enables the exchange of workload identity pool external credentials for
		 * Google access tokens by retrieving 3rd party tokens through a user supplied executable. These
		 * scripts/executables are completely independent of the Google Cloud Auth libraries. These
		 * credentials plug into ADC and will call the specified executable to retrieve the 3rd party token
		 * to be exchanged for a Google access token.
		 *
		 * <p>To use these credentials, the GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES environment variable
		 * must be set to '1'. This is for security reasons.
		 *
		 * <p>Both OIDC and SAML are supported. The executable must adhere to a specific response format
		 * defined below.
		 *
		 * <p>The executable must print out the 3rd party token to STDOUT in JSON format. When an
		 * output_file is specified in the credential configuration, the executable must also handle writing the
		 * JSON response to this file.
		 *
		 * <pre>
		 * OIDC response sample:
		 * {
		 *   "version": 1,
		 *   "success": true,
		 *   "token_type": "urn:ietf:params:oauth:token-type:id_token",
		 *   "id_token": "HEADER.PAYLOAD.SIGNATURE",
		 *   "expiration_time": 1620433341
		 * }
		 *
		 * SAML2 response sample:
		 * {
		 *   "version": 1,
		 *   "success": true,
		 *   "token_type": "urn:ietf:params:oauth:token-type:saml2",
		 *   "saml_response": "...",
		 *   "expiration_time": 1620433341
		 * }
		 *
		 * Error response sample:
		 * {
		 *   "version": 1,
		 *   "success": false,
		 *   "code": "401",
		 *   "message": "Error message."
		 * }
		 * </pre>
		 *
		 * <p>The "expiration_time" field in the JSON response is only required for successful
		 * responses when an output file was specified in the credential configuration
		 *
		 * <p>The auth libraries will populate certain environment variables that will be accessible by the
		 * executable, such as: GOOGLE_EXTERNAL_ACCOUNT_AUDIENCE, GOOGLE_EXTERNAL_ACCOUNT_TOKEN_TYPE,
		 * GOOGLE_EXTERNAL_ACCOUNT_INTERACTIVE, GOOGLE_EXTERNAL_ACCOUNT_IMPERSONATED_EMAIL, and
		 * GOOGLE_EXTERNAL_ACCOUNT_OUTPUT_FILE.
		 *
		 * <p>Please see this repositories README for a complete executable request/response specification.
		 */
		class PluggableAuthClient extends baseexternalclient_1.BaseExternalAccountClient {
		    /**
		     * The command used to retrieve the third party token.
		     */
		    command;
		    /**
		     * The timeout in milliseconds for running executable,
		     * set to default if none provided.
		     */
		    timeoutMillis;
		    /**
		     * The path to file to check for cached executable response.
		     */
		    outputFile;
		    /**
		     * Executable and output file handler.
		     */
		    handler;
		    /**
		     * Instantiates a PluggableAuthClient instance using the provided JSON
		     * object loaded from an external account credentials file.
		     * An error is thrown if the credential is not a valid pluggable auth credential.
		     * @param options The external account options object typically loaded from
		     *   the external account JSON credential file.
		     */
		    constructor(options) {
		        super(options);
		        if (!options.credential_source.executable) {
		            throw new Error('No valid Pluggable Auth "credential_source" provided.');
		        }
		        this.command = options.credential_source.executable.command;
		        if (!this.command) {
		            throw new Error('No valid Pluggable Auth "credential_source" provided.');
		        }
		        // Check if the provided timeout exists and if it is valid.
		        if (options.credential_source.executable.timeout_millis === undefined) {
		            this.timeoutMillis = DEFAULT_EXECUTABLE_TIMEOUT_MILLIS;
		        }
		        else {
		            this.timeoutMillis = options.credential_source.executable.timeout_millis;
		            if (this.timeoutMillis < MINIMUM_EXECUTABLE_TIMEOUT_MILLIS ||
		                this.timeoutMillis > MAXIMUM_EXECUTABLE_TIMEOUT_MILLIS) {
		                throw new Error(`Timeout must be between ${MINIMUM_EXECUTABLE_TIMEOUT_MILLIS} and ` +
		                    `${MAXIMUM_EXECUTABLE_TIMEOUT_MILLIS} milliseconds.`);
		            }
		        }
		        this.outputFile = options.credential_source.executable.output_file;
		        this.handler = new pluggable_auth_handler_1.PluggableAuthHandler({
		            command: this.command,
		            timeoutMillis: this.timeoutMillis,
		            outputFile: this.outputFile,
		        });
		        this.credentialSourceType = 'executable';
		    }
		    /**
		     * Triggered when an external subject token is needed to be exchanged for a
		     * GCP access token via GCP STS endpoint.
		     * This uses the `options.credential_source` object to figure out how
		     * to retrieve the token using the current environment. In this case,
		     * this calls a user provided executable which returns the subject token.
		     * The logic is summarized as:
		     * 1. Validated that the executable is allowed to run. The
		     *    GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES environment must be set to
		     *    1 for security reasons.
		     * 2. If an output file is specified by the user, check the file location
		     *    for a response. If the file exists and contains a valid response,
		     *    return the subject token from the file.
		     * 3. Call the provided executable and return response.
		     * @return A promise that resolves with the external subject token.
		     */
		    async retrieveSubjectToken() {
		        // Check if the executable is allowed to run.
		        if (process.env[GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES] !== '1') {
		            throw new Error('Pluggable Auth executables need to be explicitly allowed to run by ' +
		                'setting the GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES environment ' +
		                'Variable to 1.');
		        }
		        let executableResponse = undefined;
		        // Try to get cached executable response from output file.
		        if (this.outputFile) {
		            executableResponse = await this.handler.retrieveCachedResponse();
		        }
		        // If no response from output file, call the executable.
		        if (!executableResponse) {
		            // Set up environment map with required values for the executable.
		            const envMap = new Map();
		            envMap.set('GOOGLE_EXTERNAL_ACCOUNT_AUDIENCE', this.audience);
		            envMap.set('GOOGLE_EXTERNAL_ACCOUNT_TOKEN_TYPE', this.subjectTokenType);
		            // Always set to 0 because interactive mode is not supported.
		            envMap.set('GOOGLE_EXTERNAL_ACCOUNT_INTERACTIVE', '0');
		            if (this.outputFile) {
		                envMap.set('GOOGLE_EXTERNAL_ACCOUNT_OUTPUT_FILE', this.outputFile);
		            }
		            const serviceAccountEmail = this.getServiceAccountEmail();
		            if (serviceAccountEmail) {
		                envMap.set('GOOGLE_EXTERNAL_ACCOUNT_IMPERSONATED_EMAIL', serviceAccountEmail);
		            }
		            executableResponse =
		                await this.handler.retrieveResponseFromExecutable(envMap);
		        }
		        if (executableResponse.version > MAXIMUM_EXECUTABLE_VERSION) {
		            throw new Error(`Version of executable is not currently supported, maximum supported version is ${MAXIMUM_EXECUTABLE_VERSION}.`);
		        }
		        // Check that response was successful.
		        if (!executableResponse.success) {
		            throw new pluggable_auth_handler_1.ExecutableError(executableResponse.errorMessage, executableResponse.errorCode);
		        }
		        // Check that response contains expiration time if output file was specified.
		        if (this.outputFile) {
		            if (!executableResponse.expirationTime) {
		                throw new executable_response_1.InvalidExpirationTimeFieldError('The executable response must contain the `expiration_time` field for successful responses when an output_file has been specified in the configuration.');
		            }
		        }
		        // Check that response is not expired.
		        if (executableResponse.isExpired()) {
		            throw new Error('Executable response is expired.');
		        }
		        // Return subject token from response.
		        return executableResponse.subjectToken;
		    }
		}
		exports.PluggableAuthClient = PluggableAuthClient;
		
	} (pluggableAuthClient));
	return pluggableAuthClient;
}

var hasRequiredExternalclient;

function requireExternalclient () {
	if (hasRequiredExternalclient) return externalclient;
	hasRequiredExternalclient = 1;
	// Copyright 2021 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(externalclient, "__esModule", { value: true });
	externalclient.ExternalAccountClient = void 0;
	const baseexternalclient_1 = requireBaseexternalclient();
	const identitypoolclient_1 = requireIdentitypoolclient();
	const awsclient_1 = requireAwsclient();
	const pluggable_auth_client_1 = requirePluggableAuthClient();
	/**
	 * Dummy class with no constructor. Developers are expected to use fromJSON.
	 */
	class ExternalAccountClient {
	    constructor() {
	        throw new Error('ExternalAccountClients should be initialized via: ' +
	            'ExternalAccountClient.fromJSON(), ' +
	            'directly via explicit constructors, eg. ' +
	            'new AwsClient(options), new IdentityPoolClient(options), new' +
	            'PluggableAuthClientOptions, or via ' +
	            'new GoogleAuth(options).getClient()');
	    }
	    /**
	     * This static method will instantiate the
	     * corresponding type of external account credential depending on the
	     * underlying credential source.
	     *
	     * **IMPORTANT**: This method does not validate the credential configuration.
	     * A security risk occurs when a credential configuration configured with
	     * malicious URLs is used. When the credential configuration is accepted from
	     * an untrusted source, you should validate it before using it with this
	     * method. For more details, see
	     * https://cloud.google.com/docs/authentication/external/externally-sourced-credentials.
	     *
	     * @param options The external account options object typically loaded
	     *   from the external account JSON credential file.
	     * @return A BaseExternalAccountClient instance or null if the options
	     *   provided do not correspond to an external account credential.
	     */
	    static fromJSON(options) {
	        if (options && options.type === baseexternalclient_1.EXTERNAL_ACCOUNT_TYPE) {
	            if (options.credential_source?.environment_id) {
	                return new awsclient_1.AwsClient(options);
	            }
	            else if (options.credential_source?.executable) {
	                return new pluggable_auth_client_1.PluggableAuthClient(options);
	            }
	            else {
	                return new identitypoolclient_1.IdentityPoolClient(options);
	            }
	        }
	        else {
	            return null;
	        }
	    }
	}
	externalclient.ExternalAccountClient = ExternalAccountClient;
	
	return externalclient;
}

var externalAccountAuthorizedUserClient = {};

var hasRequiredExternalAccountAuthorizedUserClient;

function requireExternalAccountAuthorizedUserClient () {
	if (hasRequiredExternalAccountAuthorizedUserClient) return externalAccountAuthorizedUserClient;
	hasRequiredExternalAccountAuthorizedUserClient = 1;
	// Copyright 2023 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(externalAccountAuthorizedUserClient, "__esModule", { value: true });
	externalAccountAuthorizedUserClient.ExternalAccountAuthorizedUserClient = externalAccountAuthorizedUserClient.EXTERNAL_ACCOUNT_AUTHORIZED_USER_TYPE = void 0;
	const authclient_1 = requireAuthclient();
	const oauth2common_1 = requireOauth2common();
	const gaxios_1 = requireSrc$3();
	const stream = require$$3;
	const baseexternalclient_1 = requireBaseexternalclient();
	/**
	 * The credentials JSON file type for external account authorized user clients.
	 */
	externalAccountAuthorizedUserClient.EXTERNAL_ACCOUNT_AUTHORIZED_USER_TYPE = 'external_account_authorized_user';
	const DEFAULT_TOKEN_URL = 'https://sts.{universeDomain}/v1/oauthtoken';
	/**
	 * Handler for token refresh requests sent to the token_url endpoint for external
	 * authorized user credentials.
	 */
	class ExternalAccountAuthorizedUserHandler extends oauth2common_1.OAuthClientAuthHandler {
	    #tokenRefreshEndpoint;
	    /**
	     * Initializes an ExternalAccountAuthorizedUserHandler instance.
	     * @param url The URL of the token refresh endpoint.
	     * @param transporter The transporter to use for the refresh request.
	     * @param clientAuthentication The client authentication credentials to use
	     *   for the refresh request.
	     */
	    constructor(options) {
	        super(options);
	        this.#tokenRefreshEndpoint = options.tokenRefreshEndpoint;
	    }
	    /**
	     * Requests a new access token from the token_url endpoint using the provided
	     *   refresh token.
	     * @param refreshToken The refresh token to use to generate a new access token.
	     * @param additionalHeaders Optional additional headers to pass along the
	     *   request.
	     * @return A promise that resolves with the token refresh response containing
	     *   the requested access token and its expiration time.
	     */
	    async refreshToken(refreshToken, headers) {
	        const opts = {
	            ...ExternalAccountAuthorizedUserHandler.RETRY_CONFIG,
	            url: this.#tokenRefreshEndpoint,
	            method: 'POST',
	            headers,
	            data: new URLSearchParams({
	                grant_type: 'refresh_token',
	                refresh_token: refreshToken,
	            }),
	            responseType: 'json',
	        };
	        authclient_1.AuthClient.setMethodName(opts, 'refreshToken');
	        // Apply OAuth client authentication.
	        this.applyClientAuthenticationOptions(opts);
	        try {
	            const response = await this.transporter.request(opts);
	            // Successful response.
	            const tokenRefreshResponse = response.data;
	            tokenRefreshResponse.res = response;
	            return tokenRefreshResponse;
	        }
	        catch (error) {
	            // Translate error to OAuthError.
	            if (error instanceof gaxios_1.GaxiosError && error.response) {
	                throw (0, oauth2common_1.getErrorFromOAuthErrorResponse)(error.response.data, 
	                // Preserve other fields from the original error.
	                error);
	            }
	            // Request could fail before the server responds.
	            throw error;
	        }
	    }
	}
	/**
	 * External Account Authorized User Client. This is used for OAuth2 credentials
	 * sourced using external identities through Workforce Identity Federation.
	 * Obtaining the initial access and refresh token can be done through the
	 * Google Cloud CLI.
	 */
	class ExternalAccountAuthorizedUserClient extends authclient_1.AuthClient {
	    cachedAccessToken;
	    externalAccountAuthorizedUserHandler;
	    refreshToken;
	    /**
	     * Instantiates an ExternalAccountAuthorizedUserClient instances using the
	     * provided JSON object loaded from a credentials files.
	     * An error is throws if the credential is not valid.
	     * @param options The external account authorized user option object typically
	     *   from the external accoutn authorized user JSON credential file.
	     */
	    constructor(options) {
	        super(options);
	        if (options.universe_domain) {
	            this.universeDomain = options.universe_domain;
	        }
	        this.refreshToken = options.refresh_token;
	        const clientAuthentication = {
	            confidentialClientType: 'basic',
	            clientId: options.client_id,
	            clientSecret: options.client_secret,
	        };
	        this.externalAccountAuthorizedUserHandler =
	            new ExternalAccountAuthorizedUserHandler({
	                tokenRefreshEndpoint: options.token_url ??
	                    DEFAULT_TOKEN_URL.replace('{universeDomain}', this.universeDomain),
	                transporter: this.transporter,
	                clientAuthentication,
	            });
	        this.cachedAccessToken = null;
	        this.quotaProjectId = options.quota_project_id;
	        // As threshold could be zero,
	        // eagerRefreshThresholdMillis || EXPIRATION_TIME_OFFSET will override the
	        // zero value.
	        if (typeof options?.eagerRefreshThresholdMillis !== 'number') {
	            this.eagerRefreshThresholdMillis = baseexternalclient_1.EXPIRATION_TIME_OFFSET;
	        }
	        else {
	            this.eagerRefreshThresholdMillis = options
	                .eagerRefreshThresholdMillis;
	        }
	        this.forceRefreshOnFailure = !!options?.forceRefreshOnFailure;
	    }
	    async getAccessToken() {
	        // If cached access token is unavailable or expired, force refresh.
	        if (!this.cachedAccessToken || this.isExpired(this.cachedAccessToken)) {
	            await this.refreshAccessTokenAsync();
	        }
	        // Return GCP access token in GetAccessTokenResponse format.
	        return {
	            token: this.cachedAccessToken.access_token,
	            res: this.cachedAccessToken.res,
	        };
	    }
	    async getRequestHeaders() {
	        const accessTokenResponse = await this.getAccessToken();
	        const headers = new Headers({
	            authorization: `Bearer ${accessTokenResponse.token}`,
	        });
	        return this.addSharedMetadataHeaders(headers);
	    }
	    request(opts, callback) {
	        if (callback) {
	            this.requestAsync(opts).then(r => callback(null, r), e => {
	                return callback(e, e.response);
	            });
	        }
	        else {
	            return this.requestAsync(opts);
	        }
	    }
	    /**
	     * Authenticates the provided HTTP request, processes it and resolves with the
	     * returned response.
	     * @param opts The HTTP request options.
	     * @param reAuthRetried Whether the current attempt is a retry after a failed attempt due to an auth failure.
	     * @return A promise that resolves with the successful response.
	     */
	    async requestAsync(opts, reAuthRetried = false) {
	        let response;
	        try {
	            const requestHeaders = await this.getRequestHeaders();
	            opts.headers = gaxios_1.Gaxios.mergeHeaders(opts.headers);
	            this.addUserProjectAndAuthHeaders(opts.headers, requestHeaders);
	            response = await this.transporter.request(opts);
	        }
	        catch (e) {
	            const res = e.response;
	            if (res) {
	                const statusCode = res.status;
	                // Retry the request for metadata if the following criteria are true:
	                // - We haven't already retried.  It only makes sense to retry once.
	                // - The response was a 401 or a 403
	                // - The request didn't send a readableStream
	                // - forceRefreshOnFailure is true
	                const isReadableStream = res.config.data instanceof stream.Readable;
	                const isAuthErr = statusCode === 401 || statusCode === 403;
	                if (!reAuthRetried &&
	                    isAuthErr &&
	                    !isReadableStream &&
	                    this.forceRefreshOnFailure) {
	                    await this.refreshAccessTokenAsync();
	                    return await this.requestAsync(opts, true);
	                }
	            }
	            throw e;
	        }
	        return response;
	    }
	    /**
	     * Forces token refresh, even if unexpired tokens are currently cached.
	     * @return A promise that resolves with the refreshed credential.
	     */
	    async refreshAccessTokenAsync() {
	        // Refresh the access token using the refresh token.
	        const refreshResponse = await this.externalAccountAuthorizedUserHandler.refreshToken(this.refreshToken);
	        this.cachedAccessToken = {
	            access_token: refreshResponse.access_token,
	            expiry_date: new Date().getTime() + refreshResponse.expires_in * 1000,
	            res: refreshResponse.res,
	        };
	        if (refreshResponse.refresh_token !== undefined) {
	            this.refreshToken = refreshResponse.refresh_token;
	        }
	        return this.cachedAccessToken;
	    }
	    /**
	     * Returns whether the provided credentials are expired or not.
	     * If there is no expiry time, assumes the token is not expired or expiring.
	     * @param credentials The credentials to check for expiration.
	     * @return Whether the credentials are expired or not.
	     */
	    isExpired(credentials) {
	        const now = new Date().getTime();
	        return credentials.expiry_date
	            ? now >= credentials.expiry_date - this.eagerRefreshThresholdMillis
	            : false;
	    }
	}
	externalAccountAuthorizedUserClient.ExternalAccountAuthorizedUserClient = ExternalAccountAuthorizedUserClient;
	
	return externalAccountAuthorizedUserClient;
}

var gdchclient = {};

var hasRequiredGdchclient;

function requireGdchclient () {
	if (hasRequiredGdchclient) return gdchclient;
	hasRequiredGdchclient = 1;
	(function (exports) {
		// Copyright 2026 Google LLC
		//
		// Licensed under the Apache License, Version 2.0 (the "License");
		// you may not use this file except in compliance with the License.
		// You may obtain a copy of the License at
		//
		//      http://www.apache.org/licenses/LICENSE-2.0
		//
		// Unless required by applicable law or agreed to in writing, software
		// distributed under the License is distributed on an "AS IS" BASIS,
		// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
		// See the License for the specific language governing permissions and
		// limitations under the License.
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.GdchClient = exports.GDCH_SERVICE_ACCOUNT_TYPE = void 0;
		const crypto = require$$0$5;
		const fs = require$$0$2;
		const https = require$$1;
		const oauth2client_1 = requireOauth2client();
		const DEFAULT_LIFETIME_IN_SECONDS = 3600;
		exports.GDCH_SERVICE_ACCOUNT_TYPE = 'gdch_service_account';
		class GdchClient extends oauth2client_1.OAuth2Client {
		    projectId;
		    privateKeyId;
		    privateKey;
		    serviceIdentityName;
		    tokenServerUri;
		    caCertPath;
		    apiAudience;
		    lifetime;
		    gdchOptions;
		    caAgentPromise;
		    cachedCaCertPath;
		    lastCaCertReadTime = 0;
		    CA_CERT_TTL_MS = 5 * 60 * 1000;
		    constructor(options = {}) {
		        super(options);
		        this.gdchOptions = options;
		        this.projectId = options.projectId || undefined;
		        this.privateKeyId = options.privateKeyId;
		        this.privateKey = options.privateKey;
		        this.serviceIdentityName = options.serviceIdentityName;
		        this.tokenServerUri = options.tokenServerUri;
		        this.caCertPath = options.caCertPath;
		        this.apiAudience = options.apiAudience;
		        this.lifetime = options.lifetime || DEFAULT_LIFETIME_IN_SECONDS;
		        // Start with an expired refresh token, which will automatically be
		        // refreshed before the first API call is made.
		        this.credentials = { refresh_token: 'gdch-placeholder', expiry_date: 1 };
		    }
		    createWithGdchAudience(apiAudience) {
		        if (!apiAudience) {
		            throw new Error('Audience cannot be null or empty for GDCH service account credentials.');
		        }
		        return new GdchClient({
		            ...this.gdchOptions,
		            projectId: this.projectId,
		            privateKeyId: this.privateKeyId,
		            privateKey: this.privateKey,
		            serviceIdentityName: this.serviceIdentityName,
		            tokenServerUri: this.tokenServerUri,
		            caCertPath: this.caCertPath,
		            lifetime: this.lifetime,
		            apiAudience,
		        });
		    }
		    fromJSON(json) {
		        if (!json) {
		            throw new Error('Must pass in a JSON object containing the GDCH credentials settings.');
		        }
		        if (json.type !== exports.GDCH_SERVICE_ACCOUNT_TYPE) {
		            throw new Error(`The incoming JSON object does not have the "${exports.GDCH_SERVICE_ACCOUNT_TYPE}" type`);
		        }
		        if (json.format_version !== '1') {
		            throw new Error('Only format version 1 is supported.');
		        }
		        if (!json.project) {
		            throw new Error('The incoming JSON object does not contain a project field');
		        }
		        if (!json.private_key_id) {
		            throw new Error('The incoming JSON object does not contain a private_key_id field');
		        }
		        if (!json.private_key) {
		            throw new Error('The incoming JSON object does not contain a private_key field');
		        }
		        if (!json.name) {
		            throw new Error('The incoming JSON object does not contain a name field');
		        }
		        if (!json.token_uri) {
		            throw new Error('The incoming JSON object does not contain a token_uri field');
		        }
		        this.projectId = json.project;
		        this.privateKeyId = json.private_key_id;
		        this.privateKey = json.private_key;
		        this.serviceIdentityName = json.name;
		        this.tokenServerUri = json.token_uri;
		        this.caCertPath = json.ca_cert_path;
		        this.gdchOptions = {
		            ...this.gdchOptions,
		            projectId: json.project,
		            privateKeyId: json.private_key_id,
		            privateKey: json.private_key,
		            serviceIdentityName: json.name,
		            tokenServerUri: json.token_uri,
		            caCertPath: json.ca_cert_path,
		        };
		    }
		    async refreshTokenNoCache() {
		        if (!this.apiAudience) {
		            throw new Error('Audience cannot be null or empty for GDCH service account credentials. ' +
		                'Specify the audience by calling createWithGdchAudience.');
		        }
		        if (!this.privateKey) {
		            throw new Error('Private key is not configured for GDCH credentials.');
		        }
		        if (!this.privateKeyId) {
		            throw new Error('Private key ID is not configured for GDCH credentials.');
		        }
		        if (!this.projectId) {
		            throw new Error('Project is not configured for GDCH credentials.');
		        }
		        if (!this.serviceIdentityName) {
		            throw new Error('Service identity name is not configured for GDCH credentials.');
		        }
		        if (!this.tokenServerUri) {
		            throw new Error('Token server URI is not configured for GDCH credentials.');
		        }
		        const assertion = this.createAssertion();
		        const data = {
		            audience: this.apiAudience,
		            grant_type: 'urn:ietf:params:oauth:token-type:token-exchange',
		            requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
		            subject_token: assertion,
		            subject_token_type: 'urn:k8s:params:oauth:token-type:serviceaccount',
		        };
		        const requestOpts = {
		            url: this.tokenServerUri,
		            method: 'POST',
		            headers: {
		                'Content-Type': 'application/json',
		            },
		            data,
		            responseType: 'json',
		            timeout: 10000,
		            retry: true,
		            retryConfig: {
		                httpMethodsToRetry: ['POST'],
		                statusCodesToRetry: [[500, 599]],
		                noResponseRetries: 3,
		            },
		        };
		        if (this.caCertPath) {
		            requestOpts.agent = await this.getCaAgent();
		        }
		        try {
		            const res = await this.transporter.request(requestOpts);
		            const tokenResponse = res.data;
		            if (!tokenResponse.access_token) {
		                throw new Error('Token response did not contain an access_token.');
		            }
		            if (!tokenResponse.expires_in) {
		                throw new Error('Token response did not contain an expires_in field.');
		            }
		            const tokens = {
		                access_token: tokenResponse.access_token,
		                token_type: 'STS-Bearer',
		                expiry_date: Date.now() + tokenResponse.expires_in * 1000,
		            };
		            this.emit('tokens', tokens);
		            return { res, tokens };
		        }
		        catch (e) {
		            if (e && e.config && e.config.data) {
		                try {
		                    if (typeof e.config.data === 'string') {
		                        const parsedData = JSON.parse(e.config.data);
		                        if (parsedData.subject_token) {
		                            parsedData.subject_token = '***REDACTED***';
		                            e.config.data = JSON.stringify(parsedData);
		                        }
		                    }
		                    else if (typeof e.config.data === 'object' && e.config.data.subject_token) {
		                        e.config.data.subject_token = '***REDACTED***';
		                    }
		                }
		                catch { }
		            }
		            if (e instanceof Error) {
		                e.message = `Error getting access token for GDCH service account: ${e.message}, iss: ${this.serviceIdentityName}`;
		            }
		            throw e;
		        }
		    }
		    createAssertion() {
		        const header = {
		            alg: 'ES256',
		            typ: 'JWT',
		            kid: this.privateKeyId,
		        };
		        const issSub = `system:serviceaccount:${this.projectId}:${this.serviceIdentityName}`;
		        const currentTime = Math.floor(Date.now() / 1000);
		        const payload = {
		            iss: issSub,
		            sub: issSub,
		            iat: currentTime,
		            exp: currentTime + this.lifetime,
		            aud: this.tokenServerUri,
		        };
		        const encodedHeader = this.base64UrlEncode(JSON.stringify(header));
		        const encodedPayload = this.base64UrlEncode(JSON.stringify(payload));
		        const signingInput = `${encodedHeader}.${encodedPayload}`;
		        const signature = crypto.sign('sha256', Buffer.from(signingInput), {
		            key: this.privateKey,
		            dsaEncoding: 'ieee-p1363',
		        });
		        const encodedSignature = this.base64UrlEncode(signature);
		        return `${signingInput}.${encodedSignature}`;
		    }
		    async requestAsync(opts, retry = false) {
		        if (this.caCertPath && !opts.agent) {
		            const url = (opts.url || '').toString();
		            if (!url.includes('googleapis.com') && !url.includes('google.com')) {
		                opts.agent = await this.getCaAgent();
		            }
		        }
		        return super.requestAsync(opts, retry);
		    }
		    getCaAgent() {
		        if (!this.caCertPath) {
		            this.caAgentPromise = undefined;
		            this.cachedCaCertPath = undefined;
		            this.lastCaCertReadTime = 0;
		            return undefined;
		        }
		        const now = Date.now();
		        const isCacheExpired = now - this.lastCaCertReadTime > this.CA_CERT_TTL_MS;
		        if (this.caAgentPromise &&
		            this.caCertPath === this.cachedCaCertPath &&
		            !isCacheExpired) {
		            return this.caAgentPromise;
		        }
		        this.cachedCaCertPath = this.caCertPath;
		        this.lastCaCertReadTime = now;
		        const currentPath = this.caCertPath;
		        this.caAgentPromise = (async () => {
		            try {
		                const ca = await fs.promises.readFile(currentPath);
		                return new https.Agent({ ca });
		            }
		            catch (err) {
		                if (this.cachedCaCertPath === currentPath) {
		                    this.caAgentPromise = undefined;
		                    this.cachedCaCertPath = undefined;
		                    this.lastCaCertReadTime = 0;
		                }
		                if (err instanceof Error) {
		                    err.message = `Error reading certificate file from CA cert path, value '${currentPath}': ${err.message}`;
		                }
		                throw err;
		            }
		        })();
		        return this.caAgentPromise;
		    }
		    toJSON() {
		        return {
		            ...this,
		            privateKey: this.privateKey ? '***REDACTED***' : undefined,
		            _clientSecret: this._clientSecret ? '***REDACTED***' : undefined,
		            apiKey: this.apiKey ? '***REDACTED***' : undefined,
		            gdchOptions: this.gdchOptions
		                ? {
		                    ...this.gdchOptions,
		                    privateKey: this.gdchOptions.privateKey ? '***REDACTED***' : undefined,
		                    clientSecret: this.gdchOptions.clientSecret ? '***REDACTED***' : undefined,
		                    client_secret: this.gdchOptions.client_secret ? '***REDACTED***' : undefined,
		                    apiKey: this.gdchOptions.apiKey ? '***REDACTED***' : undefined,
		                    credentials: this.gdchOptions.credentials
		                        ? {
		                            ...this.gdchOptions.credentials,
		                            access_token: this.gdchOptions.credentials.access_token
		                                ? '***REDACTED***'
		                                : undefined,
		                            refresh_token: this.gdchOptions.credentials.refresh_token
		                                ? '***REDACTED***'
		                                : undefined,
		                        }
		                        : undefined,
		                }
		                : undefined,
		            credentials: {
		                ...this.credentials,
		                access_token: this.credentials?.access_token ? '***REDACTED***' : undefined,
		                refresh_token: this.credentials?.refresh_token ? '***REDACTED***' : undefined,
		            },
		        };
		    }
		    [Symbol.for('nodejs.util.inspect.custom')]() {
		        return this.toJSON();
		    }
		    base64UrlEncode(str) {
		        const buffer = typeof str === 'string' ? Buffer.from(str) : str;
		        return buffer.toString('base64url');
		    }
		}
		exports.GdchClient = GdchClient;
		
	} (gdchclient));
	return gdchclient;
}

var hasRequiredGoogleauth;

function requireGoogleauth () {
	if (hasRequiredGoogleauth) return googleauth;
	hasRequiredGoogleauth = 1;
	(function (exports) {
		// Copyright 2019 Google LLC
		//
		// Licensed under the Apache License, Version 2.0 (the "License");
		// you may not use this file except in compliance with the License.
		// You may obtain a copy of the License at
		//
		//      http://www.apache.org/licenses/LICENSE-2.0
		//
		// Unless required by applicable law or agreed to in writing, software
		// distributed under the License is distributed on an "AS IS" BASIS,
		// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
		// See the License for the specific language governing permissions and
		// limitations under the License.
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.GoogleAuth = exports.GoogleAuthExceptionMessages = void 0;
		const child_process_1 = require$$1$3;
		const fs = require$$0$2;
		const gaxios_1 = requireSrc$3();
		const gcpMetadata = requireSrc$1();
		const os = require$$1$1;
		const path$1 = path;
		const crypto_1 = requireCrypto();
		const computeclient_1 = requireComputeclient();
		const idtokenclient_1 = requireIdtokenclient();
		const envDetect_1 = requireEnvDetect();
		const jwtclient_1 = requireJwtclient();
		const refreshclient_1 = requireRefreshclient();
		const impersonated_1 = requireImpersonated();
		const externalclient_1 = requireExternalclient();
		const baseexternalclient_1 = requireBaseexternalclient();
		const authclient_1 = requireAuthclient();
		const externalAccountAuthorizedUserClient_1 = requireExternalAccountAuthorizedUserClient();
		const gdchclient_1 = requireGdchclient();
		const util_1 = requireUtil();
		exports.GoogleAuthExceptionMessages = {
		    API_KEY_WITH_CREDENTIALS: 'API Keys and Credentials are mutually exclusive authentication methods and cannot be used together.',
		    NO_PROJECT_ID_FOUND: 'Unable to detect a Project Id in the current environment. \n' +
		        'To learn more about authentication and Google APIs, visit: \n' +
		        'https://cloud.google.com/docs/authentication/getting-started',
		    NO_CREDENTIALS_FOUND: 'Unable to find credentials in current environment. \n' +
		        'To learn more about authentication and Google APIs, visit: \n' +
		        'https://cloud.google.com/docs/authentication/getting-started',
		    NO_ADC_FOUND: 'Could not load the default credentials. Browse to https://cloud.google.com/docs/authentication/getting-started for more information.',
		    NO_UNIVERSE_DOMAIN_FOUND: 'Unable to detect a Universe Domain in the current environment.\n' +
		        'To learn more about Universe Domain retrieval, visit: \n' +
		        'https://cloud.google.com/compute/docs/metadata/predefined-metadata-keys',
		};
		class GoogleAuth {
		    /**
		     * Caches a value indicating whether the auth layer is running on Google
		     * Compute Engine.
		     * @private
		     */
		    checkIsGCE = undefined;
		    useJWTAccessWithScope;
		    defaultServicePath;
		    // Note:  this properly is only public to satisfy unit tests.
		    // https://github.com/Microsoft/TypeScript/issues/5228
		    get isGCE() {
		        return this.checkIsGCE;
		    }
		    _findProjectIdPromise;
		    _cachedProjectId;
		    // To save the contents of the JSON credential file
		    jsonContent = null;
		    apiKey;
		    cachedCredential = null;
		    /**
		     * A pending {@link AuthClient}. Used for concurrent {@link GoogleAuth.getClient} calls.
		     */
		    #pendingAuthClient = null;
		    /**
		     * Scopes populated by the client library by default. We differentiate between
		     * these and user defined scopes when deciding whether to use a self-signed JWT.
		     */
		    defaultScopes;
		    keyFilename;
		    scopes;
		    clientOptions = {};
		    /**
		     * Configuration is resolved in the following order of precedence:
		     * - {@link GoogleAuthOptions.credentials `credentials`}
		     * - {@link GoogleAuthOptions.keyFilename `keyFilename`}
		     * - {@link GoogleAuthOptions.keyFile `keyFile`}
		     *
		     * {@link GoogleAuthOptions.clientOptions `clientOptions`} are passed to the
		     * {@link AuthClient `AuthClient`s}.
		     *
		     * @param opts
		     */
		    constructor(opts = {}) {
		        this._cachedProjectId = opts.projectId || null;
		        this.cachedCredential = opts.authClient || null;
		        this.keyFilename = opts.keyFilename || opts.keyFile;
		        this.scopes = opts.scopes;
		        this.clientOptions = opts.clientOptions || {};
		        this.jsonContent = opts.credentials || null;
		        this.apiKey = opts.apiKey || this.clientOptions.apiKey || null;
		        // Cannot use both API Key + Credentials
		        if (this.apiKey && (this.jsonContent || this.clientOptions.credentials)) {
		            throw new RangeError(exports.GoogleAuthExceptionMessages.API_KEY_WITH_CREDENTIALS);
		        }
		        if (opts.universeDomain) {
		            this.clientOptions.universeDomain = opts.universeDomain;
		        }
		    }
		    // GAPIC client libraries should always use self-signed JWTs. The following
		    // variables are set on the JWT client in order to indicate the type of library,
		    // and sign the JWT with the correct audience and scopes (if not supplied).
		    setGapicJWTValues(client) {
		        client.defaultServicePath = this.defaultServicePath;
		        client.useJWTAccessWithScope = this.useJWTAccessWithScope;
		        client.defaultScopes = this.defaultScopes;
		    }
		    getProjectId(callback) {
		        if (callback) {
		            this.getProjectIdAsync().then(r => callback(null, r), callback);
		        }
		        else {
		            return this.getProjectIdAsync();
		        }
		    }
		    /**
		     * A temporary method for internal `getProjectId` usages where `null` is
		     * acceptable. In a future major release, `getProjectId` should return `null`
		     * (as the `Promise<string | null>` base signature describes) and this private
		     * method should be removed.
		     *
		     * @returns Promise that resolves with project id (or `null`)
		     */
		    async getProjectIdOptional() {
		        try {
		            return await this.getProjectId();
		        }
		        catch (e) {
		            if (e instanceof Error &&
		                e.message === exports.GoogleAuthExceptionMessages.NO_PROJECT_ID_FOUND) {
		                return null;
		            }
		            else {
		                throw e;
		            }
		        }
		    }
		    /**
		     * A private method for finding and caching a projectId.
		     *
		     * Supports environments in order of precedence:
		     * - GCLOUD_PROJECT or GOOGLE_CLOUD_PROJECT environment variable
		     * - GOOGLE_APPLICATION_CREDENTIALS JSON file
		     * - Cloud SDK: `gcloud config config-helper --format json`
		     * - GCE project ID from metadata server
		     *
		     * @returns projectId
		     */
		    async findAndCacheProjectId() {
		        let projectId = null;
		        projectId ||= await this.getProductionProjectId();
		        projectId ||= await this.getFileProjectId();
		        projectId ||= await this.getDefaultServiceProjectId();
		        projectId ||= await this.getGCEProjectId();
		        projectId ||= await this.getExternalAccountClientProjectId();
		        if (projectId) {
		            this._cachedProjectId = projectId;
		            return projectId;
		        }
		        else {
		            throw new Error(exports.GoogleAuthExceptionMessages.NO_PROJECT_ID_FOUND);
		        }
		    }
		    async getProjectIdAsync() {
		        if (this._cachedProjectId) {
		            return this._cachedProjectId;
		        }
		        if (!this._findProjectIdPromise) {
		            this._findProjectIdPromise = this.findAndCacheProjectId();
		        }
		        return this._findProjectIdPromise;
		    }
		    /**
		     * Retrieves a universe domain from the metadata server via
		     * {@link gcpMetadata.universe}.
		     *
		     * @returns a universe domain
		     */
		    async getUniverseDomainFromMetadataServer() {
		        let universeDomain;
		        try {
		            universeDomain = await gcpMetadata.universe('universe-domain');
		            universeDomain ||= authclient_1.DEFAULT_UNIVERSE;
		        }
		        catch (e) {
		            if (e && e?.response?.status === 404) {
		                universeDomain = authclient_1.DEFAULT_UNIVERSE;
		            }
		            else {
		                throw e;
		            }
		        }
		        return universeDomain;
		    }
		    /**
		     * Retrieves, caches, and returns the universe domain in the following order
		     * of precedence:
		     * - The universe domain in {@link GoogleAuth.clientOptions}
		     * - An existing or ADC {@link AuthClient}'s universe domain
		     * - {@link gcpMetadata.universe}, if {@link Compute} client
		     *
		     * @returns The universe domain
		     */
		    async getUniverseDomain() {
		        let universeDomain = (0, util_1.originalOrCamelOptions)(this.clientOptions).get('universe_domain');
		        try {
		            universeDomain ??= (await this.getClient()).universeDomain;
		        }
		        catch {
		            // client or ADC is not available
		            universeDomain ??= authclient_1.DEFAULT_UNIVERSE;
		        }
		        return universeDomain;
		    }
		    /**
		     * @returns Any scopes (user-specified or default scopes specified by the
		     *   client library) that need to be set on the current Auth client.
		     */
		    getAnyScopes() {
		        return this.scopes || this.defaultScopes;
		    }
		    getApplicationDefault(optionsOrCallback = {}, callback) {
		        let options;
		        if (typeof optionsOrCallback === 'function') {
		            callback = optionsOrCallback;
		        }
		        else {
		            options = optionsOrCallback;
		        }
		        if (callback) {
		            this.getApplicationDefaultAsync(options).then(r => callback(null, r.credential, r.projectId), callback);
		        }
		        else {
		            return this.getApplicationDefaultAsync(options);
		        }
		    }
		    async getApplicationDefaultAsync(options = {}) {
		        // If we've already got a cached credential, return it.
		        // This will also preserve one's configured quota project, in case they
		        // set one directly on the credential previously.
		        if (this.cachedCredential) {
		            // cache, while preserving existing quota project preferences
		            return await this.#prepareAndCacheClient(this.cachedCredential, null);
		        }
		        let credential;
		        // Check for the existence of a local environment variable pointing to the
		        // location of the credential file. This is typically used in local
		        // developer scenarios.
		        credential =
		            await this._tryGetApplicationCredentialsFromEnvironmentVariable(options);
		        if (credential) {
		            if (credential instanceof jwtclient_1.JWT) {
		                credential.scopes = this.scopes;
		            }
		            else if (credential instanceof baseexternalclient_1.BaseExternalAccountClient) {
		                credential.scopes = this.getAnyScopes();
		            }
		            return await this.#prepareAndCacheClient(credential);
		        }
		        // Look in the well-known credential file location.
		        credential =
		            await this._tryGetApplicationCredentialsFromWellKnownFile(options);
		        if (credential) {
		            if (credential instanceof jwtclient_1.JWT) {
		                credential.scopes = this.scopes;
		            }
		            else if (credential instanceof baseexternalclient_1.BaseExternalAccountClient) {
		                credential.scopes = this.getAnyScopes();
		            }
		            return await this.#prepareAndCacheClient(credential);
		        }
		        // Determine if we're running on GCE.
		        if (await this._checkIsGCE()) {
		            options.scopes = this.getAnyScopes();
		            return await this.#prepareAndCacheClient(new computeclient_1.Compute(options));
		        }
		        throw new Error(exports.GoogleAuthExceptionMessages.NO_ADC_FOUND);
		    }
		    async #prepareAndCacheClient(credential, quotaProjectIdOverride = process.env['GOOGLE_CLOUD_QUOTA_PROJECT'] || null) {
		        const projectId = await this.getProjectIdOptional();
		        if (quotaProjectIdOverride) {
		            credential.quotaProjectId = quotaProjectIdOverride;
		        }
		        this.cachedCredential = credential;
		        return { credential, projectId };
		    }
		    /**
		     * Determines whether the auth layer is running on Google Compute Engine.
		     * Checks for GCP Residency, then fallback to checking if metadata server
		     * is available.
		     *
		     * @returns A promise that resolves with the boolean.
		     * @api private
		     */
		    async _checkIsGCE() {
		        if (this.checkIsGCE === undefined) {
		            this.checkIsGCE =
		                gcpMetadata.getGCPResidency() || (await gcpMetadata.isAvailable());
		        }
		        return this.checkIsGCE;
		    }
		    /**
		     * Attempts to load default credentials from the environment variable path..
		     * @returns Promise that resolves with the OAuth2Client or null.
		     * @api private
		     */
		    async _tryGetApplicationCredentialsFromEnvironmentVariable(options) {
		        const credentialsPath = process.env['GOOGLE_APPLICATION_CREDENTIALS'] ||
		            process.env['google_application_credentials'];
		        if (!credentialsPath || credentialsPath.length === 0) {
		            return null;
		        }
		        try {
		            return await this._getApplicationCredentialsFromFilePath(credentialsPath, options);
		        }
		        catch (e) {
		            if (e instanceof Error) {
		                e.message = `Unable to read the credential file specified by the GOOGLE_APPLICATION_CREDENTIALS environment variable: ${e.message}`;
		            }
		            throw e;
		        }
		    }
		    /**
		     * Attempts to load default credentials from a well-known file location
		     * @return Promise that resolves with the OAuth2Client or null.
		     * @api private
		     */
		    async _tryGetApplicationCredentialsFromWellKnownFile(options) {
		        // First, figure out the location of the Cloud SDK config directory. The
		        // `CLOUDSDK_CONFIG` environment variable overrides the platform-specific
		        // default location; when it is set, `gcloud` stores the application default
		        // credentials file there, so it takes precedence.
		        let configDir = process.env['CLOUDSDK_CONFIG'];
		        if (!configDir) {
		            if (this._isWindows()) {
		                // Windows
		                if (process.env['APPDATA']) {
		                    configDir = path$1.join(process.env['APPDATA'], 'gcloud');
		                }
		            }
		            else {
		                // Linux or Mac
		                const home = process.env['HOME'];
		                if (home) {
		                    configDir = path$1.join(home, '.config', 'gcloud');
		                }
		            }
		        }
		        // The config directory could not be determined.
		        if (!configDir) {
		            return null;
		        }
		        const location = path$1.join(configDir, 'application_default_credentials.json');
		        // The file does not exist.
		        if (!fs.existsSync(location)) {
		            return null;
		        }
		        // The file seems to exist. Try to use it.
		        const client = await this._getApplicationCredentialsFromFilePath(location, options);
		        return client;
		    }
		    /**
		     * Attempts to load default credentials from a file at the given path..
		     * @param filePath The path to the file to read.
		     * @returns Promise that resolves with the OAuth2Client
		     * @api private
		     */
		    async _getApplicationCredentialsFromFilePath(filePath, options = {}) {
		        // Make sure the path looks like a string.
		        if (!filePath || filePath.length === 0) {
		            throw new Error('The file path is invalid.');
		        }
		        // Make sure there is a file at the path. lstatSync will throw if there is
		        // nothing there.
		        try {
		            // Resolve path to actual file in case of symlink. Expect a thrown error
		            // if not resolvable.
		            filePath = fs.realpathSync(filePath);
		            if (!fs.lstatSync(filePath).isFile()) {
		                throw new Error();
		            }
		        }
		        catch (err) {
		            if (err instanceof Error) {
		                err.message = `The file at ${filePath} does not exist, or it is not a file. ${err.message}`;
		            }
		            throw err;
		        }
		        // Now open a read stream on the file, and parse it.
		        const readStream = fs.createReadStream(filePath);
		        return this.fromStream(readStream, options);
		    }
		    /**
		     * Create a credentials instance using a given impersonated input options.
		     * @param json The impersonated input object.
		     * @returns JWT or UserRefresh Client with data
		     */
		    fromImpersonatedJSON(json) {
		        if (!json) {
		            throw new Error('Must pass in a JSON object containing an  impersonated refresh token');
		        }
		        if (json.type !== impersonated_1.IMPERSONATED_ACCOUNT_TYPE) {
		            throw new Error(`The incoming JSON object does not have the "${impersonated_1.IMPERSONATED_ACCOUNT_TYPE}" type`);
		        }
		        if (!json.source_credentials) {
		            throw new Error('The incoming JSON object does not contain a source_credentials field');
		        }
		        if (!json.service_account_impersonation_url) {
		            throw new Error('The incoming JSON object does not contain a service_account_impersonation_url field');
		        }
		        const sourceClient = this.fromJSON(json.source_credentials);
		        if (json.service_account_impersonation_url?.length > 256) {
		            /**
		             * Prevents DOS attacks.
		             * @see {@link https://github.com/googleapis/google-auth-library-nodejs/security/code-scanning/85}
		             **/
		            throw new RangeError(`Target principal is too long: ${json.service_account_impersonation_url}`);
		        }
		        // Extract service account from service_account_impersonation_url
		        const targetPrincipal = /(?<target>[^/]+):(generateAccessToken|generateIdToken)$/.exec(json.service_account_impersonation_url)?.groups?.target;
		        if (!targetPrincipal) {
		            throw new RangeError(`Cannot extract target principal from ${json.service_account_impersonation_url}`);
		        }
		        const targetScopes = (this.scopes || json.scopes || this.defaultScopes) ?? [];
		        return new impersonated_1.Impersonated({
		            ...json,
		            sourceClient,
		            targetPrincipal,
		            targetScopes: Array.isArray(targetScopes) ? targetScopes : [targetScopes],
		        });
		    }
		    /**
		     * Create a credentials instance using the given input options.
		     * This client is not cached.
		     *
		     * **Important**: If you accept a credential configuration (credential JSON/File/Stream) from an external source for authentication to Google Cloud, you must validate it before providing it to any Google API or library. Providing an unvalidated credential configuration to Google APIs can compromise the security of your systems and data. For more information, refer to {@link https://cloud.google.com/docs/authentication/external/externally-sourced-credentials Validate credential configurations from external sources}.
		     *
		     * @deprecated This method is being deprecated because of a potential security risk.
		     *
		     * This method does not validate the credential configuration. The security
		     * risk occurs when a credential configuration is accepted from a source that
		     * is not under your control and used without validation on your side.
		     *
		     * If you know that you will be loading credential configurations of a
		     * specific type, it is recommended to use a credential-type-specific
		     * constructor. This will ensure that an unexpected credential type with
		     * potential for malicious intent is not loaded unintentionally. You might
		     * still have to do validation for certain credential types. Please follow
		     * the recommendation for that method. For example, if you want to load only
		     * service accounts, you can use the `JWT` constructor:
		     * ```
		     * const {JWT} = require('google-auth-library');
		     * const keys = require('/path/to/key.json');
		     * const client = new JWT({
		     *   email: keys.client_email,
		     *   key: keys.private_key,
		     *   scopes: ['https://www.googleapis.com/auth/cloud-platform'],
		     * });
		     * ```
		     *
		     * If you are loading your credential configuration from an untrusted source and have
		     * not mitigated the risks (e.g. by validating the configuration yourself), make
		     * these changes as soon as possible to prevent security risks to your environment.
		     *
		     * Regardless of the method used, it is always your responsibility to validate
		     * configurations received from external sources.
		     *
		     * For more details, see https://cloud.google.com/docs/authentication/external/externally-sourced-credentials.
		     *
		     * @param json The input object.
		     * @param options The JWT or UserRefresh options for the client
		     * @returns JWT or UserRefresh Client with data
		     */
		    fromJSON(json, options = {}) {
		        let client;
		        // user's preferred universe domain
		        const preferredUniverseDomain = (0, util_1.originalOrCamelOptions)(options).get('universe_domain');
		        if (json.type === refreshclient_1.USER_REFRESH_ACCOUNT_TYPE) {
		            client = new refreshclient_1.UserRefreshClient(options);
		            client.fromJSON(json);
		        }
		        else if (json.type === impersonated_1.IMPERSONATED_ACCOUNT_TYPE) {
		            client = this.fromImpersonatedJSON(json);
		        }
		        else if (json.type === baseexternalclient_1.EXTERNAL_ACCOUNT_TYPE) {
		            client = externalclient_1.ExternalAccountClient.fromJSON({
		                ...json,
		                ...options,
		            });
		            client.scopes = this.getAnyScopes();
		        }
		        else if (json.type === externalAccountAuthorizedUserClient_1.EXTERNAL_ACCOUNT_AUTHORIZED_USER_TYPE) {
		            client = new externalAccountAuthorizedUserClient_1.ExternalAccountAuthorizedUserClient({
		                ...json,
		                ...options,
		            });
		        }
		        else if (json.type === gdchclient_1.GDCH_SERVICE_ACCOUNT_TYPE) {
		            client = new gdchclient_1.GdchClient(options);
		            client.fromJSON(json);
		        }
		        else {
		            options.scopes = this.scopes;
		            client = new jwtclient_1.JWT(options);
		            this.setGapicJWTValues(client);
		            client.fromJSON(json);
		        }
		        if (preferredUniverseDomain) {
		            client.universeDomain = preferredUniverseDomain;
		        }
		        return client;
		    }
		    /**
		     * Return a JWT or UserRefreshClient from JavaScript object, caching both the
		     * object used to instantiate and the client.
		     * @param json The input object.
		     * @param options The JWT or UserRefresh options for the client
		     * @returns JWT or UserRefresh Client with data
		     */
		    _cacheClientFromJSON(json, options) {
		        const client = this.fromJSON(json, options);
		        // cache both raw data used to instantiate client and client itself.
		        this.jsonContent = json;
		        this.cachedCredential = client;
		        return client;
		    }
		    fromStream(inputStream, optionsOrCallback = {}, callback) {
		        let options = {};
		        if (typeof optionsOrCallback === 'function') {
		            callback = optionsOrCallback;
		        }
		        else {
		            options = optionsOrCallback;
		        }
		        if (callback) {
		            this.fromStreamAsync(inputStream, options).then(r => callback(null, r), callback);
		        }
		        else {
		            return this.fromStreamAsync(inputStream, options);
		        }
		    }
		    fromStreamAsync(inputStream, options) {
		        return new Promise((resolve, reject) => {
		            if (!inputStream) {
		                throw new Error('Must pass in a stream containing the Google auth settings.');
		            }
		            const chunks = [];
		            inputStream
		                .setEncoding('utf8')
		                .on('error', reject)
		                .on('data', chunk => chunks.push(chunk))
		                .on('end', () => {
		                try {
		                    try {
		                        const data = JSON.parse(chunks.join(''));
		                        const r = this._cacheClientFromJSON(data, options);
		                        return resolve(r);
		                    }
		                    catch (err) {
		                        // If we failed parsing this.keyFileName, assume that it
		                        // is a PEM or p12 certificate:
		                        if (!this.keyFilename)
		                            throw err;
		                        const client = new jwtclient_1.JWT({
		                            ...this.clientOptions,
		                            keyFile: this.keyFilename,
		                        });
		                        this.cachedCredential = client;
		                        this.setGapicJWTValues(client);
		                        return resolve(client);
		                    }
		                }
		                catch (err) {
		                    return reject(err);
		                }
		            });
		        });
		    }
		    /**
		     * Create a credentials instance using the given API key string.
		     * The created client is not cached. In order to create and cache it use the {@link GoogleAuth.getClient `getClient`} method after first providing an {@link GoogleAuth.apiKey `apiKey`}.
		     *
		     * @param apiKey The API key string
		     * @param options An optional options object.
		     * @returns A JWT loaded from the key
		     */
		    fromAPIKey(apiKey, options = {}) {
		        return new jwtclient_1.JWT({ ...options, apiKey });
		    }
		    /**
		     * Determines whether the current operating system is Windows.
		     * @api private
		     */
		    _isWindows() {
		        const sys = os.platform();
		        if (sys && sys.length >= 3) {
		            if (sys.substring(0, 3).toLowerCase() === 'win') {
		                return true;
		            }
		        }
		        return false;
		    }
		    /**
		     * Run the Google Cloud SDK command that prints the default project ID
		     */
		    async getDefaultServiceProjectId() {
		        return new Promise(resolve => {
		            (0, child_process_1.exec)('gcloud config config-helper --format json', (err, stdout) => {
		                if (!err && stdout) {
		                    try {
		                        const projectId = JSON.parse(stdout).configuration.properties.core.project;
		                        resolve(projectId);
		                        return;
		                    }
		                    catch (e) {
		                        // ignore errors
		                    }
		                }
		                resolve(null);
		            });
		        });
		    }
		    /**
		     * Loads the project id from environment variables.
		     * @api private
		     */
		    getProductionProjectId() {
		        return (process.env['GCLOUD_PROJECT'] ||
		            process.env['GOOGLE_CLOUD_PROJECT'] ||
		            process.env['gcloud_project'] ||
		            process.env['google_cloud_project']);
		    }
		    /**
		     * Loads the project id from the GOOGLE_APPLICATION_CREDENTIALS json file.
		     * @api private
		     */
		    async getFileProjectId() {
		        if (this.cachedCredential) {
		            // Try to read the project ID from the cached credentials file
		            return this.cachedCredential.projectId;
		        }
		        // Ensure the projectId is loaded from the keyFile if available.
		        if (this.keyFilename) {
		            const creds = await this.getClient();
		            if (creds && creds.projectId) {
		                return creds.projectId;
		            }
		        }
		        // Try to load a credentials file and read its project ID
		        const r = await this._tryGetApplicationCredentialsFromEnvironmentVariable();
		        if (r) {
		            return r.projectId;
		        }
		        else {
		            return null;
		        }
		    }
		    /**
		     * Gets the project ID from external account client if available.
		     */
		    async getExternalAccountClientProjectId() {
		        if (!this.jsonContent || this.jsonContent.type !== baseexternalclient_1.EXTERNAL_ACCOUNT_TYPE) {
		            return null;
		        }
		        const creds = await this.getClient();
		        // Do not suppress the underlying error, as the error could contain helpful
		        // information for debugging and fixing. This is especially true for
		        // external account creds as in order to get the project ID, the following
		        // operations have to succeed:
		        // 1. Valid credentials file should be supplied.
		        // 2. Ability to retrieve access tokens from STS token exchange API.
		        // 3. Ability to exchange for service account impersonated credentials (if
		        //    enabled).
		        // 4. Ability to get project info using the access token from step 2 or 3.
		        // Without surfacing the error, it is harder for developers to determine
		        // which step went wrong.
		        return await creds.getProjectId();
		    }
		    /**
		     * Gets the Compute Engine project ID if it can be inferred.
		     */
		    async getGCEProjectId() {
		        try {
		            const r = await gcpMetadata.project('project-id');
		            return r;
		        }
		        catch (e) {
		            // Ignore any errors
		            return null;
		        }
		    }
		    getCredentials(callback) {
		        if (callback) {
		            this.getCredentialsAsync().then(r => callback(null, r), callback);
		        }
		        else {
		            return this.getCredentialsAsync();
		        }
		    }
		    async getCredentialsAsync() {
		        const client = await this.getClient();
		        if (client instanceof impersonated_1.Impersonated) {
		            return { client_email: client.getTargetPrincipal() };
		        }
		        if (client instanceof baseexternalclient_1.BaseExternalAccountClient) {
		            const serviceAccountEmail = client.getServiceAccountEmail();
		            if (serviceAccountEmail) {
		                return {
		                    client_email: serviceAccountEmail,
		                    universe_domain: client.universeDomain,
		                };
		            }
		        }
		        if (this.jsonContent) {
		            return {
		                client_email: this.jsonContent.client_email,
		                private_key: this.jsonContent.private_key,
		                universe_domain: this.jsonContent.universe_domain,
		            };
		        }
		        if (await this._checkIsGCE()) {
		            const [client_email, universe_domain] = await Promise.all([
		                gcpMetadata.instance('service-accounts/default/email'),
		                this.getUniverseDomain(),
		            ]);
		            return { client_email, universe_domain };
		        }
		        throw new Error(exports.GoogleAuthExceptionMessages.NO_CREDENTIALS_FOUND);
		    }
		    /**
		     * Automatically obtain an {@link AuthClient `AuthClient`} based on the
		     * provided configuration. If no options were passed, use Application
		     * Default Credentials.
		     */
		    async getClient() {
		        if (this.cachedCredential) {
		            return this.cachedCredential;
		        }
		        // Use an existing auth client request, or cache a new one
		        this.#pendingAuthClient =
		            this.#pendingAuthClient || this.#determineClient();
		        try {
		            const client = await this.#pendingAuthClient;
		            if (client instanceof gdchclient_1.GdchClient && !client.apiAudience) {
		                const opts = this.clientOptions;
		                const endpoint = opts.apiEndpoint || opts.servicePath;
		                if (endpoint) {
		                    const scheme = endpoint.startsWith('http') ? '' : 'https://';
		                    const formattedAudience = `${scheme}${endpoint}`.replace(/\/+$/, '');
		                    const newClient = client.createWithGdchAudience(formattedAudience);
		                    this.cachedCredential = newClient;
		                    return newClient;
		                }
		            }
		            return client;
		        }
		        finally {
		            // reset the pending auth client in case it is changed later
		            this.#pendingAuthClient = null;
		        }
		    }
		    async #determineClient() {
		        if (this.jsonContent) {
		            return this._cacheClientFromJSON(this.jsonContent, this.clientOptions);
		        }
		        else if (this.keyFilename) {
		            const filePath = path$1.resolve(this.keyFilename);
		            const stream = fs.createReadStream(filePath);
		            return await this.fromStreamAsync(stream, this.clientOptions);
		        }
		        else if (this.apiKey) {
		            const client = await this.fromAPIKey(this.apiKey, this.clientOptions);
		            client.scopes = this.scopes;
		            const { credential } = await this.#prepareAndCacheClient(client);
		            return credential;
		        }
		        else {
		            const { credential } = await this.getApplicationDefaultAsync(this.clientOptions);
		            return credential;
		        }
		    }
		    /**
		     * Creates a client which will fetch an ID token for authorization.
		     * @param targetAudience the audience for the fetched ID token.
		     * @returns IdTokenClient for making HTTP calls authenticated with ID tokens.
		     */
		    async getIdTokenClient(targetAudience) {
		        const client = await this.getClient();
		        if (!('fetchIdToken' in client)) {
		            throw new Error('Cannot fetch ID token in this environment, use GCE or set the GOOGLE_APPLICATION_CREDENTIALS environment variable to a service account credentials JSON file.');
		        }
		        return new idtokenclient_1.IdTokenClient({ targetAudience, idTokenProvider: client });
		    }
		    /**
		     * Automatically obtain application default credentials, and return
		     * an access token for making requests.
		     */
		    async getAccessToken() {
		        const client = await this.getClient();
		        return (await client.getAccessToken()).token;
		    }
		    /**
		     * Obtain the HTTP headers that will provide authorization for a given
		     * request.
		     */
		    async getRequestHeaders(url) {
		        const client = await this.getClient();
		        return client.getRequestHeaders(url);
		    }
		    /**
		     * Obtain credentials for a request, then attach the appropriate headers to
		     * the request options.
		     * @param opts Axios or Request options on which to attach the headers
		     */
		    async authorizeRequest(opts = {}) {
		        const url = opts.url;
		        const client = await this.getClient();
		        const headers = await client.getRequestHeaders(url);
		        opts.headers = gaxios_1.Gaxios.mergeHeaders(opts.headers, headers);
		        return opts;
		    }
		    /**
		     * A {@link fetch `fetch`} compliant API for {@link GoogleAuth}.
		     *
		     * @see {@link GoogleAuth.request} for the classic method.
		     *
		     * @remarks
		     *
		     * This is useful as a drop-in replacement for `fetch` API usage.
		     *
		     * @example
		     *
		     * ```ts
		     * const auth = new GoogleAuth();
		     * const fetchWithAuth: typeof fetch = (...args) => auth.fetch(...args);
		     * await fetchWithAuth('https://example.com');
		     * ```
		     *
		     * @param args `fetch` API or {@link Gaxios.fetch `Gaxios#fetch`} parameters
		     * @returns the {@link GaxiosResponse} with Gaxios-added properties
		     */
		    async fetch(...args) {
		        const client = await this.getClient();
		        return client.fetch(...args);
		    }
		    /**
		     * Automatically obtain application default credentials, and make an
		     * HTTP request using the given options.
		     *
		     * @see {@link GoogleAuth.fetch} for the modern method.
		     *
		     * @param opts Axios request options for the HTTP request.
		     */
		    async request(opts) {
		        const client = await this.getClient();
		        return client.request(opts);
		    }
		    /**
		     * Determine the compute environment in which the code is running.
		     */
		    getEnv() {
		        return (0, envDetect_1.getEnv)();
		    }
		    /**
		     * Sign the given data with the current private key, or go out
		     * to the IAM API to sign it.
		     * @param data The data to be signed.
		     * @param endpoint A custom endpoint to use.
		     *
		     * @example
		     * ```
		     * sign('data', 'https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/');
		     * ```
		     */
		    async sign(data, endpoint) {
		        const client = await this.getClient();
		        const universe = await this.getUniverseDomain();
		        endpoint =
		            endpoint ||
		                `https://iamcredentials.${universe}/v1/projects/-/serviceAccounts/`;
		        if (client instanceof impersonated_1.Impersonated) {
		            const signed = await client.sign(data);
		            return signed.signedBlob;
		        }
		        const crypto = (0, crypto_1.createCrypto)();
		        if (client instanceof jwtclient_1.JWT && client.key) {
		            const sign = await crypto.sign(client.key, data);
		            return sign;
		        }
		        const creds = await this.getCredentials();
		        if (!creds.client_email) {
		            throw new Error('Cannot sign data without `client_email`.');
		        }
		        return this.signBlob(crypto, creds.client_email, data, endpoint);
		    }
		    async signBlob(crypto, emailOrUniqueId, data, endpoint) {
		        const url = new URL(endpoint + `${emailOrUniqueId}:signBlob`);
		        const res = await this.request({
		            method: 'POST',
		            url: url.href,
		            data: {
		                payload: crypto.encodeBase64StringUtf8(data),
		            },
		            retry: true,
		            retryConfig: {
		                httpMethodsToRetry: ['POST'],
		            },
		        });
		        return res.data.signedBlob;
		    }
		}
		exports.GoogleAuth = GoogleAuth;
		
	} (googleauth));
	return googleauth;
}

var iam = {};

var hasRequiredIam;

function requireIam () {
	if (hasRequiredIam) return iam;
	hasRequiredIam = 1;
	// Copyright 2014 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(iam, "__esModule", { value: true });
	iam.IAMAuth = void 0;
	class IAMAuth {
	    selector;
	    token;
	    /**
	     * IAM credentials.
	     *
	     * @param selector the iam authority selector
	     * @param token the token
	     * @constructor
	     */
	    constructor(selector, token) {
	        this.selector = selector;
	        this.token = token;
	        this.selector = selector;
	        this.token = token;
	    }
	    /**
	     * Acquire the HTTP headers required to make an authenticated request.
	     */
	    getRequestHeaders() {
	        return {
	            'x-goog-iam-authority-selector': this.selector,
	            'x-goog-iam-authorization-token': this.token,
	        };
	    }
	}
	iam.IAMAuth = IAMAuth;
	
	return iam;
}

var downscopedclient = {};

var hasRequiredDownscopedclient;

function requireDownscopedclient () {
	if (hasRequiredDownscopedclient) return downscopedclient;
	hasRequiredDownscopedclient = 1;
	(function (exports) {
		// Copyright 2021 Google LLC
		//
		// Licensed under the Apache License, Version 2.0 (the "License");
		// you may not use this file except in compliance with the License.
		// You may obtain a copy of the License at
		//
		//      http://www.apache.org/licenses/LICENSE-2.0
		//
		// Unless required by applicable law or agreed to in writing, software
		// distributed under the License is distributed on an "AS IS" BASIS,
		// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
		// See the License for the specific language governing permissions and
		// limitations under the License.
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.DownscopedClient = exports.EXPIRATION_TIME_OFFSET = exports.MAX_ACCESS_BOUNDARY_RULES_COUNT = void 0;
		const gaxios_1 = requireSrc$3();
		const stream = require$$3;
		const authclient_1 = requireAuthclient();
		const sts = requireStscredentials();
		/**
		 * The required token exchange grant_type: rfc8693#section-2.1
		 */
		const STS_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:token-exchange';
		/**
		 * The requested token exchange requested_token_type: rfc8693#section-2.1
		 */
		const STS_REQUEST_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
		/**
		 * The requested token exchange subject_token_type: rfc8693#section-2.1
		 */
		const STS_SUBJECT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
		/**
		 * The maximum number of access boundary rules a Credential Access Boundary
		 * can contain.
		 */
		exports.MAX_ACCESS_BOUNDARY_RULES_COUNT = 10;
		/**
		 * Offset to take into account network delays and server clock skews.
		 */
		exports.EXPIRATION_TIME_OFFSET = 5 * 60 * 1000;
		/**
		 * Defines a set of Google credentials that are downscoped from an existing set
		 * of Google OAuth2 credentials. This is useful to restrict the Identity and
		 * Access Management (IAM) permissions that a short-lived credential can use.
		 * The common pattern of usage is to have a token broker with elevated access
		 * generate these downscoped credentials from higher access source credentials
		 * and pass the downscoped short-lived access tokens to a token consumer via
		 * some secure authenticated channel for limited access to Google Cloud Storage
		 * resources.
		 */
		class DownscopedClient extends authclient_1.AuthClient {
		    authClient;
		    credentialAccessBoundary;
		    cachedDownscopedAccessToken;
		    stsCredential;
		    /**
		     * Instantiates a downscoped client object using the provided source
		     * AuthClient and credential access boundary rules.
		     * To downscope permissions of a source AuthClient, a Credential Access
		     * Boundary that specifies which resources the new credential can access, as
		     * well as an upper bound on the permissions that are available on each
		     * resource, has to be defined. A downscoped client can then be instantiated
		     * using the source AuthClient and the Credential Access Boundary.
		     * @param options the {@link DownscopedClientOptions `DownscopedClientOptions`} to use. Passing an `AuthClient` directly is **@DEPRECATED**.
		     * @param credentialAccessBoundary **@DEPRECATED**. Provide a {@link DownscopedClientOptions `DownscopedClientOptions`} object in the first parameter instead.
		     */
		    constructor(
		    /**
		     * AuthClient is for backwards-compatibility.
		     */
		    options, 
		    /**
		     * @deprecated - provide a {@link DownscopedClientOptions `DownscopedClientOptions`} object in the first parameter instead
		     */
		    credentialAccessBoundary = {
		        accessBoundary: {
		            accessBoundaryRules: [],
		        },
		    }) {
		        super(options instanceof authclient_1.AuthClient ? {} : options);
		        if (options instanceof authclient_1.AuthClient) {
		            this.authClient = options;
		            this.credentialAccessBoundary = credentialAccessBoundary;
		        }
		        else {
		            this.authClient = options.authClient;
		            this.credentialAccessBoundary = options.credentialAccessBoundary;
		        }
		        // Check 1-10 Access Boundary Rules are defined within Credential Access
		        // Boundary.
		        if (this.credentialAccessBoundary.accessBoundary.accessBoundaryRules
		            .length === 0) {
		            throw new Error('At least one access boundary rule needs to be defined.');
		        }
		        else if (this.credentialAccessBoundary.accessBoundary.accessBoundaryRules.length >
		            exports.MAX_ACCESS_BOUNDARY_RULES_COUNT) {
		            throw new Error('The provided access boundary has more than ' +
		                `${exports.MAX_ACCESS_BOUNDARY_RULES_COUNT} access boundary rules.`);
		        }
		        // Check at least one permission should be defined in each Access Boundary
		        // Rule.
		        for (const rule of this.credentialAccessBoundary.accessBoundary
		            .accessBoundaryRules) {
		            if (rule.availablePermissions.length === 0) {
		                throw new Error('At least one permission should be defined in access boundary rules.');
		            }
		        }
		        this.stsCredential = new sts.StsCredentials({
		            tokenExchangeEndpoint: `https://sts.${this.universeDomain}/v1/token`,
		        });
		        this.cachedDownscopedAccessToken = null;
		    }
		    /**
		     * Provides a mechanism to inject Downscoped access tokens directly.
		     * The expiry_date field is required to facilitate determination of the token
		     * expiration which would make it easier for the token consumer to handle.
		     * @param credentials The Credentials object to set on the current client.
		     */
		    setCredentials(credentials) {
		        if (!credentials.expiry_date) {
		            throw new Error('The access token expiry_date field is missing in the provided ' +
		                'credentials.');
		        }
		        super.setCredentials(credentials);
		        this.cachedDownscopedAccessToken = credentials;
		    }
		    async getAccessToken() {
		        // If the cached access token is unavailable or expired, force refresh.
		        // The Downscoped access token will be returned in
		        // DownscopedAccessTokenResponse format.
		        if (!this.cachedDownscopedAccessToken ||
		            this.isExpired(this.cachedDownscopedAccessToken)) {
		            await this.refreshAccessTokenAsync();
		        }
		        // Return Downscoped access token in DownscopedAccessTokenResponse format.
		        return {
		            token: this.cachedDownscopedAccessToken.access_token,
		            expirationTime: this.cachedDownscopedAccessToken.expiry_date,
		            res: this.cachedDownscopedAccessToken.res,
		        };
		    }
		    /**
		     * The main authentication interface. It takes an optional url which when
		     * present is the endpoint being accessed, and returns a Promise which
		     * resolves with authorization header fields.
		     *
		     * The result has the form:
		     * { authorization: 'Bearer <access_token_value>' }
		     */
		    async getRequestHeaders() {
		        const accessTokenResponse = await this.getAccessToken();
		        const headers = new Headers({
		            authorization: `Bearer ${accessTokenResponse.token}`,
		        });
		        return this.addSharedMetadataHeaders(headers);
		    }
		    request(opts, callback) {
		        if (callback) {
		            this.requestAsync(opts).then(r => callback(null, r), e => {
		                return callback(e, e.response);
		            });
		        }
		        else {
		            return this.requestAsync(opts);
		        }
		    }
		    /**
		     * Authenticates the provided HTTP request, processes it and resolves with the
		     * returned response.
		     * @param opts The HTTP request options.
		     * @param reAuthRetried Whether the current attempt is a retry after a failed attempt due to an auth failure
		     * @return A promise that resolves with the successful response.
		     */
		    async requestAsync(opts, reAuthRetried = false) {
		        let response;
		        try {
		            const requestHeaders = await this.getRequestHeaders();
		            opts.headers = gaxios_1.Gaxios.mergeHeaders(opts.headers);
		            this.addUserProjectAndAuthHeaders(opts.headers, requestHeaders);
		            response = await this.transporter.request(opts);
		        }
		        catch (e) {
		            const res = e.response;
		            if (res) {
		                const statusCode = res.status;
		                // Retry the request for metadata if the following criteria are true:
		                // - We haven't already retried.  It only makes sense to retry once.
		                // - The response was a 401 or a 403
		                // - The request didn't send a readableStream
		                // - forceRefreshOnFailure is true
		                const isReadableStream = res.config.data instanceof stream.Readable;
		                const isAuthErr = statusCode === 401 || statusCode === 403;
		                if (!reAuthRetried &&
		                    isAuthErr &&
		                    !isReadableStream &&
		                    this.forceRefreshOnFailure) {
		                    await this.refreshAccessTokenAsync();
		                    return await this.requestAsync(opts, true);
		                }
		            }
		            throw e;
		        }
		        return response;
		    }
		    /**
		     * Forces token refresh, even if unexpired tokens are currently cached.
		     * GCP access tokens are retrieved from authclient object/source credential.
		     * Then GCP access tokens are exchanged for downscoped access tokens via the
		     * token exchange endpoint.
		     * @return A promise that resolves with the fresh downscoped access token.
		     */
		    async refreshAccessTokenAsync() {
		        // Retrieve GCP access token from source credential.
		        const subjectToken = (await this.authClient.getAccessToken()).token;
		        // Construct the STS credentials options.
		        const stsCredentialsOptions = {
		            grantType: STS_GRANT_TYPE,
		            requestedTokenType: STS_REQUEST_TOKEN_TYPE,
		            subjectToken: subjectToken,
		            subjectTokenType: STS_SUBJECT_TOKEN_TYPE,
		        };
		        // Exchange the source AuthClient access token for a Downscoped access
		        // token.
		        const stsResponse = await this.stsCredential.exchangeToken(stsCredentialsOptions, undefined, this.credentialAccessBoundary);
		        /**
		         * The STS endpoint will only return the expiration time for the downscoped
		         * access token if the original access token represents a service account.
		         * The downscoped token's expiration time will always match the source
		         * credential expiration. When no expires_in is returned, we can copy the
		         * source credential's expiration time.
		         */
		        const sourceCredExpireDate = this.authClient.credentials?.expiry_date || null;
		        const expiryDate = stsResponse.expires_in
		            ? new Date().getTime() + stsResponse.expires_in * 1000
		            : sourceCredExpireDate;
		        // Save response in cached access token.
		        this.cachedDownscopedAccessToken = {
		            access_token: stsResponse.access_token,
		            expiry_date: expiryDate,
		            res: stsResponse.res,
		        };
		        // Save credentials.
		        this.credentials = {};
		        Object.assign(this.credentials, this.cachedDownscopedAccessToken);
		        delete this.credentials.res;
		        // Trigger tokens event to notify external listeners.
		        this.emit('tokens', {
		            refresh_token: null,
		            expiry_date: this.cachedDownscopedAccessToken.expiry_date,
		            access_token: this.cachedDownscopedAccessToken.access_token,
		            token_type: 'Bearer',
		            id_token: null,
		        });
		        // Return the cached access token.
		        return this.cachedDownscopedAccessToken;
		    }
		    /**
		     * Returns whether the provided credentials are expired or not.
		     * If there is no expiry time, assumes the token is not expired or expiring.
		     * @param downscopedAccessToken The credentials to check for expiration.
		     * @return Whether the credentials are expired or not.
		     */
		    isExpired(downscopedAccessToken) {
		        const now = new Date().getTime();
		        return downscopedAccessToken.expiry_date
		            ? now >=
		                downscopedAccessToken.expiry_date - this.eagerRefreshThresholdMillis
		            : false;
		    }
		}
		exports.DownscopedClient = DownscopedClient;
		
	} (downscopedclient));
	return downscopedclient;
}

var passthrough = {};

var hasRequiredPassthrough;

function requirePassthrough () {
	if (hasRequiredPassthrough) return passthrough;
	hasRequiredPassthrough = 1;
	// Copyright 2024 Google LLC
	//
	// Licensed under the Apache License, Version 2.0 (the "License");
	// you may not use this file except in compliance with the License.
	// You may obtain a copy of the License at
	//
	//      http://www.apache.org/licenses/LICENSE-2.0
	//
	// Unless required by applicable law or agreed to in writing, software
	// distributed under the License is distributed on an "AS IS" BASIS,
	// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	// See the License for the specific language governing permissions and
	// limitations under the License.
	Object.defineProperty(passthrough, "__esModule", { value: true });
	passthrough.PassThroughClient = void 0;
	const authclient_1 = requireAuthclient();
	/**
	 * An AuthClient without any Authentication information. Useful for:
	 * - Anonymous access
	 * - Local Emulators
	 * - Testing Environments
	 *
	 */
	class PassThroughClient extends authclient_1.AuthClient {
	    /**
	     * Creates a request without any authentication headers or checks.
	     *
	     * @remarks
	     *
	     * In testing environments it may be useful to change the provided
	     * {@link AuthClient.transporter} for any desired request overrides/handling.
	     *
	     * @param opts
	     * @returns The response of the request.
	     */
	    async request(opts) {
	        return this.transporter.request(opts);
	    }
	    /**
	     * A required method of the base class.
	     * Always will return an empty object.
	     *
	     * @returns {}
	     */
	    async getAccessToken() {
	        return {};
	    }
	    /**
	     * A required method of the base class.
	     * Always will return an empty object.
	     *
	     * @returns {}
	     */
	    async getRequestHeaders() {
	        return new Headers();
	    }
	}
	passthrough.PassThroughClient = PassThroughClient;
	
	return passthrough;
}

var hasRequiredSrc;

function requireSrc () {
	if (hasRequiredSrc) return src$3;
	hasRequiredSrc = 1;
	(function (exports) {
		var __createBinding = (src$3 && src$3.__createBinding) || (Object.create ? (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    var desc = Object.getOwnPropertyDescriptor(m, k);
		    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
		      desc = { enumerable: true, get: function() { return m[k]; } };
		    }
		    Object.defineProperty(o, k2, desc);
		}) : (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    o[k2] = m[k];
		}));
		var __exportStar = (src$3 && src$3.__exportStar) || function(m, exports) {
		    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
		};
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.GoogleAuth = exports.auth = exports.GDCH_SERVICE_ACCOUNT_TYPE = exports.GdchClient = exports.PassThroughClient = exports.ExternalAccountAuthorizedUserClient = exports.EXTERNAL_ACCOUNT_AUTHORIZED_USER_TYPE = exports.ExecutableError = exports.PluggableAuthClient = exports.DownscopedClient = exports.BaseExternalAccountClient = exports.ExternalAccountClient = exports.IdentityPoolClient = exports.AwsRequestSigner = exports.AwsClient = exports.UserRefreshClient = exports.LoginTicket = exports.ClientAuthentication = exports.OAuth2Client = exports.CodeChallengeMethod = exports.Impersonated = exports.JWT = exports.JWTAccess = exports.IdTokenClient = exports.IAMAuth = exports.GCPEnv = exports.Compute = exports.DEFAULT_UNIVERSE = exports.AuthClient = exports.gaxios = exports.gcpMetadata = void 0;
		// Copyright 2017 Google LLC
		//
		// Licensed under the Apache License, Version 2.0 (the "License");
		// you may not use this file except in compliance with the License.
		// You may obtain a copy of the License at
		//
		//      http://www.apache.org/licenses/LICENSE-2.0
		//
		// Unless required by applicable law or agreed to in writing, software
		// distributed under the License is distributed on an "AS IS" BASIS,
		// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
		// See the License for the specific language governing permissions and
		// limitations under the License.
		const googleauth_1 = requireGoogleauth();
		Object.defineProperty(exports, "GoogleAuth", { enumerable: true, get: function () { return googleauth_1.GoogleAuth; } });
		// Export common deps to ensure types/instances are the exact match. Useful
		// for consistently configuring the library across versions.
		exports.gcpMetadata = requireSrc$1();
		exports.gaxios = requireSrc$3();
		var authclient_1 = requireAuthclient();
		Object.defineProperty(exports, "AuthClient", { enumerable: true, get: function () { return authclient_1.AuthClient; } });
		Object.defineProperty(exports, "DEFAULT_UNIVERSE", { enumerable: true, get: function () { return authclient_1.DEFAULT_UNIVERSE; } });
		var computeclient_1 = requireComputeclient();
		Object.defineProperty(exports, "Compute", { enumerable: true, get: function () { return computeclient_1.Compute; } });
		var envDetect_1 = requireEnvDetect();
		Object.defineProperty(exports, "GCPEnv", { enumerable: true, get: function () { return envDetect_1.GCPEnv; } });
		var iam_1 = requireIam();
		Object.defineProperty(exports, "IAMAuth", { enumerable: true, get: function () { return iam_1.IAMAuth; } });
		var idtokenclient_1 = requireIdtokenclient();
		Object.defineProperty(exports, "IdTokenClient", { enumerable: true, get: function () { return idtokenclient_1.IdTokenClient; } });
		var jwtaccess_1 = requireJwtaccess();
		Object.defineProperty(exports, "JWTAccess", { enumerable: true, get: function () { return jwtaccess_1.JWTAccess; } });
		var jwtclient_1 = requireJwtclient();
		Object.defineProperty(exports, "JWT", { enumerable: true, get: function () { return jwtclient_1.JWT; } });
		var impersonated_1 = requireImpersonated();
		Object.defineProperty(exports, "Impersonated", { enumerable: true, get: function () { return impersonated_1.Impersonated; } });
		var oauth2client_1 = requireOauth2client();
		Object.defineProperty(exports, "CodeChallengeMethod", { enumerable: true, get: function () { return oauth2client_1.CodeChallengeMethod; } });
		Object.defineProperty(exports, "OAuth2Client", { enumerable: true, get: function () { return oauth2client_1.OAuth2Client; } });
		Object.defineProperty(exports, "ClientAuthentication", { enumerable: true, get: function () { return oauth2client_1.ClientAuthentication; } });
		var loginticket_1 = requireLoginticket();
		Object.defineProperty(exports, "LoginTicket", { enumerable: true, get: function () { return loginticket_1.LoginTicket; } });
		var refreshclient_1 = requireRefreshclient();
		Object.defineProperty(exports, "UserRefreshClient", { enumerable: true, get: function () { return refreshclient_1.UserRefreshClient; } });
		var awsclient_1 = requireAwsclient();
		Object.defineProperty(exports, "AwsClient", { enumerable: true, get: function () { return awsclient_1.AwsClient; } });
		var awsrequestsigner_1 = requireAwsrequestsigner();
		Object.defineProperty(exports, "AwsRequestSigner", { enumerable: true, get: function () { return awsrequestsigner_1.AwsRequestSigner; } });
		var identitypoolclient_1 = requireIdentitypoolclient();
		Object.defineProperty(exports, "IdentityPoolClient", { enumerable: true, get: function () { return identitypoolclient_1.IdentityPoolClient; } });
		var externalclient_1 = requireExternalclient();
		Object.defineProperty(exports, "ExternalAccountClient", { enumerable: true, get: function () { return externalclient_1.ExternalAccountClient; } });
		var baseexternalclient_1 = requireBaseexternalclient();
		Object.defineProperty(exports, "BaseExternalAccountClient", { enumerable: true, get: function () { return baseexternalclient_1.BaseExternalAccountClient; } });
		var downscopedclient_1 = requireDownscopedclient();
		Object.defineProperty(exports, "DownscopedClient", { enumerable: true, get: function () { return downscopedclient_1.DownscopedClient; } });
		var pluggable_auth_client_1 = requirePluggableAuthClient();
		Object.defineProperty(exports, "PluggableAuthClient", { enumerable: true, get: function () { return pluggable_auth_client_1.PluggableAuthClient; } });
		Object.defineProperty(exports, "ExecutableError", { enumerable: true, get: function () { return pluggable_auth_client_1.ExecutableError; } });
		var externalAccountAuthorizedUserClient_1 = requireExternalAccountAuthorizedUserClient();
		Object.defineProperty(exports, "EXTERNAL_ACCOUNT_AUTHORIZED_USER_TYPE", { enumerable: true, get: function () { return externalAccountAuthorizedUserClient_1.EXTERNAL_ACCOUNT_AUTHORIZED_USER_TYPE; } });
		Object.defineProperty(exports, "ExternalAccountAuthorizedUserClient", { enumerable: true, get: function () { return externalAccountAuthorizedUserClient_1.ExternalAccountAuthorizedUserClient; } });
		var passthrough_1 = requirePassthrough();
		Object.defineProperty(exports, "PassThroughClient", { enumerable: true, get: function () { return passthrough_1.PassThroughClient; } });
		var gdchclient_1 = requireGdchclient();
		Object.defineProperty(exports, "GdchClient", { enumerable: true, get: function () { return gdchclient_1.GdchClient; } });
		Object.defineProperty(exports, "GDCH_SERVICE_ACCOUNT_TYPE", { enumerable: true, get: function () { return gdchclient_1.GDCH_SERVICE_ACCOUNT_TYPE; } });
		__exportStar(requireGoogleToken(), exports);
		const auth = new googleauth_1.GoogleAuth();
		exports.auth = auth;
		
	} (src$3));
	return src$3;
}

var srcExports = requireSrc();

var index = /*#__PURE__*/_mergeNamespaces({
	__proto__: null
}, [srcExports]);

export { index as i };
