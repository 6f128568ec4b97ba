import zlib from 'zlib';
import require$$3, { Duplex, PassThrough, Transform, pipeline } from 'stream';
import require$$0 from 'fs';
import 'path';
import { a6 as commonjsGlobal } from './cli-main.js';
import require$$1 from 'constants';
import require$$2 from 'util';
import require$$0$1 from 'assert';
import { r as requireInt64 } from './cli-Int64.js';
import fs from 'node:fs';
import { Blob } from 'node:buffer';
import Stream, { Readable, Transform as Transform$1 } from 'node:stream';
import { createRequire } from 'module';
import { Worker as Worker$1 } from 'node:worker_threads';
import 'node:path';
import 'node:os';
import 'events';
import 'node:crypto';
import 'node:http';
import 'node:https';
import 'node:util';
import 'node:zlib';
import 'node:events';
import 'node:fs/promises';
import 'process';
import 'buffer';
import 'node:url';
import './cli-version.js';
import 'node:child_process';

// This source code was originally copy-pasted from `fflate`'s `wcln` function
// and then refactored according to my personal taste. Also added comments.
// https://github.com/101arrowz/fflate/blob/master/src/index.ts
// An approximate regular expression of a javascript variable name letter.
// `\w` covers `a-z`, `A-Z`, `0-9`, and `_`.
// First letter can't be a digit, so this reg exp consists of two parts.
const JAVASCRIPT_VARIABLE_NAME_REG_EXP = /^[$_\u0080-\uFFFFa-zA-Z][$_\u0080-\uFFFF\w]*$/;
/**
 * In a given list of dependencies, it stringifies any functions to their javascript source code strings.
 * It could've used simple `.toString()` if it wasn't for "minification" process which eventually renames
 * all functions to random shortened names. Why do function names matter? Because the worker will have to
 * call those functions by name rather than by reference, because a worker can't share any runtime code
 * with the parent thread, hence the stringification to javascript source code.
 *
 * Alternatively, the code that is executed inside a worker could abstain from using global function references
 * and instead reference any functions from some kind of a `context` object. In that case, minifiers
 * won't touch the property names in that `context` object. The "pros" would be not having to use this "magic" function.
 * The "cons" would be having to prepend the `context.` prefix to every function being called,
 * and if any of those functions happen to call another functions, those would have to be called
 * from the `context` too, which could quickly turn the code into a context-passing "spaghetti" mess.
 * Not to mention having to define the `Context` type in case of TypeScript.
 * But otherwise, both approaches would work and there's no other difference between them.
 *
 * @param {function} getDependencies — Returns an array of dependencies. This function must adhere to a strict form: it has to be a "closure" that returns an array of named variables. The restriction is because the exact variable names have to be known from the stringified form of this function.
 * @returns {object} — An object of shape: `{ functions, values }` where `functions` contains the source code of any functions by their actual name, and `values` contains any "regular values" — strings, numbers, objects, arrays, etc — in their original (non-stringified) form.
 */
function stringifyFunctionReferences(getDependencies) {
    const functions = {};
    const variables = {};
    const references = getDependencies();
    const getReferencesSourceCode = getDependencies.toString();
    const referencedNames = getReferencesSourceCode.slice(getReferencesSourceCode.indexOf('[') + 1, getReferencesSourceCode.lastIndexOf(']')).split(',').map(_ => _.trim());
    // Although it doesn't seem to be reproducible in the tests,
    // I did experience a strange bug when commenting out a dependency
    // resulted in `referencedNames` still including the commented-out variable name.
    // To work around that, it could either validate that `references.length === referencedNames.length`,
    // or validate each referenced name for illegal characters (which includes "//").
    for (const name of referencedNames) {
        if (!JAVASCRIPT_VARIABLE_NAME_REG_EXP.test(name)) {
            throw new Error(`Invalid dependency name: ${name}`);
        }
    }
    let i = 0;
    while (i < references.length) {
        let name = referencedNames[i];
        let value = references[i];
        if (typeof value === 'function') {
            functions[name] = getFunctionSourceCode(value, name);
        }
        else {
            // Non-function/non-class values don't need to be stringified
            // because they could be just "cloned" in most cases, but not all cases:
            // https://developer.mozilla.org/en-US/docs/Web/API/Web_Workers_API/Structured_clone_algorithm
            variables[name] = value;
        }
        i++;
    }
    return {
        functions,
        variables
    };
}
/**
 * Returns the source code for a function or a class.
 *
 * For non-"native" classes, the end result will depend on the name of the class,
 * which should be passed as a second argument for that reason. Specifically,
 * the name of the class will be used when defining its `prototype` properties.
 *
 * "Native" functions or classes will be stringified to their "native" global name.
 * For example, a reference to `ArrayBuffer` will be stringified as `"ArrayBuffer"`.
 *
 * @param {function} func
 * @param {string} name
 * @returns {string}
 */
function getFunctionSourceCode(func, name) {
    const funcSourceCode = func.toString();
    // If the "function" is actually not a function but rather a class definition
    // then it should also replace the class name in the definition of any of its methods.
    if (func.prototype) {
        // "Native" classes don't have javascript source code because they're written in C++, etc.
        // In such case, the source code for such class could be replaced with the class name itself,
        // because "native" classes are globally available everywhere and printing a "native" class name
        // is evaluated as the definition of such class, so there's no need to pass the definition as source code.
        if (funcSourceCode.indexOf('[native code]') >= 0) {
            // `funcSourceCode` example: "function DOMParser() { [native code] }"
            const funcNameStartsAt = funcSourceCode.indexOf(' ', 'function'.length) + ' '.length;
            const funcNameEndsBefore = funcSourceCode.indexOf('(', funcNameStartsAt);
            return funcSourceCode.slice(funcNameStartsAt, funcNameEndsBefore);
        }
        else {
            // The code of non-"native" classes will have to include the source code
            // of all their `prototype` properties.
            let code = funcSourceCode;
            for (const key in func.prototype) {
                // Sidenote: For `TextDecoder` global class in Node.js, I saw it output a "weird" error
                // `TypeError: Value of "this" must be of type TextDecoder`  when attempting to read `func.prototype["encoding"]`.
                // Perhaps that's because the `encoding` property of `TextDecoder` is a "getter"
                // rather than a property, and that "getter" function relies on `this` being `TextDecoder`:
                // `get encoding() { return this.#encoding; }`.
                code += ';' + name + '.prototype.' + key + '=' + func.prototype[key].toString();
            }
            return code;
        }
    }
    else {
        return funcSourceCode;
    }
}

/**
 * Creates a worker.
 *
 * @example
 * ```js
 * // When running in a web browser.
 * import createWorkerInBrowser from './createWorkerInBrowser.ts'
 *
 * // Create a worker.
 * const workerFn = createWorkerFn(
 * 	// Creates a worker in a given environment.
 * 	createWorkerInBrowser,
 *
 * 	// (optional) Filters `transferList` argument.
 * 	undefined,
 *
 * 	// Any "outside" dependencies that're referenced in the function (below).
 * 	[() => [outsideVar1, outsideVar2, func1, func2]],
 *
 * 	// Returns a function in the worker that processes input data.
 * 	(respond) => {
 *  	return (data) => {
 * 			// Process the data (perform some kind of calculation).
 * 			const result = processData(data)
 * 			// Post the result of the calculation back to the main thread.
 * 			respond(result) // (optional) add `transferList` argument.
 * 		}
 *  },
 *
 * 	// A function in the main thread that will be called every time
 * 	// when the worker has finished processing the data
 * 	// (or threw an error while doing that).
 * 	(error, result) => {
 * 		if (error) {
 * 			workerFn.stop()
 * 			throw error
 * 		}
 * 		// If no more data will be passed to the worker, it should be terminated.
 * 		workerFn.stop()
 * 		console.log(result)
 * 	}
 * )
 *
 * workerFn.start()
 *
 * // Post a message with some data to the worker
 * // so that it starts processing the data
 * // and later posts a message back to the main thread
 * // with the result of the calculation.
 * workerFn.input(inputData) // (optional) add `transferList` argument.
 * ```
 *
 * @param {function} createWorkerInEnvironment — Creates a worker in a given environment. The worker must call globally-available `onMessage(data)` function every time it receives a message, and it must define a `var postMessage = (data) => void` function that posts a message to the parent (main) thread.
 * @param {function} createInputHandler — A "creator" that creates a function that will be called with message data every time a message is sent to this worker. The "creator" function receives a single argument — a function that posts data back to the main thread, with two arguments: `outputData` and (optional) `transferList`.
 * @param {function} onError — This function will be called every time when there was an error while processing an incoming message. It would be logical to call `worker.terminate()` inside this function.
 * @param {function} onOutput — This function will be called every time when done processing an incoming message.
 * @param {function} getFromCache — Could be used to add caching. Has no arguments. Returns the cached value.
 * @param {function} setInCache — Could be used to add caching. Receives the value to cache as an argument. Doesn't return anything.
 * @returns {Worker} — An object with methods: `start(getDependenciesFunctionOrArrayOfGetDependenciesFunctions)`, `stop()`, `input(data, [transferList])`. Calling `stop()` requests termination of the worker. Calling `stop()` multiple times is safe and will not throw any errors.
 */
function createWorker(createWorkerInEnvironment, createInputHandler, onError, onOutput, getFromCache, setInCache) {
    // Was the worker ever started?
    let started = false;
    let worker;
    // Stops the worker.
    const stop = () => {
        worker.stop();
    };
    // Ingests data into the worker.
    const ingest = (data, transferList) => {
        try {
            worker.ingest(data, transferList);
        }
        catch (error) {
            // If a `DOMException [DataCloneError]` is thrown, stop the worker, otherwise
            // it will stay running and will prevent Node.js process from exiting.
            stop();
            // Re-throw the error.
            throw error;
        }
    };
    // Starts the worker.
    const start = (arrayOfGetDependenciesFunctions, dependenciesTransferList) => {
        // A worker can't be started twice or restarted after being stopped.
        if (started) {
            throw new Error('Was started');
        }
        started = true;
        const cacheValue = getFromCache();
        const cachedCodeAndVars = cacheValue && cacheValue._;
        const codeAndVars = cachedCodeAndVars || getCodeAndVars(createInputHandler, arrayOfGetDependenciesFunctions);
        if (!cachedCodeAndVars) {
            setInCache({ _: codeAndVars });
        }
        const [code, vars] = codeAndVars;
        // Cache accessors for use in `createWorkerInEnvironment`.
        const getOtherFromCache = () => {
            const properties = getFromCache();
            if (properties) {
                return properties.other;
            }
        };
        const setOtherInCache = (value) => {
            setInCache(Object.assign(Object.assign({}, getFromCache()), { other: value }));
        };
        // Create a worker in a specific environment.
        worker = createWorkerInEnvironment(code, getOtherFromCache, setOtherInCache, onError, onOutput);
        // Here is still the main thread code.
        // Initialize the worker with the global variables by sending a message with the variables
        // to the worker.
        //
        // `transferList` is not used here because using it would result in the corresponding
        // values to become "detached" from the main thread, and, therefore, unusable at next
        // creation of same type of worker (if there'll ever be one).
        //
        if (vars) {
            ingest(vars, dependenciesTransferList);
        }
    };
    return {
        start,
        stop,
        ingest
    };
}
const JAVASCRIPT_CODE_BEFORE_CREATE_INPUT_HANDLER_FUNCTION = 
// Handles any messages that're sent from the main thread.
'var onMessage = function(data) {' +
    // The first message from the main thread will initialize the variables.
    // Put all initialization variables in the global scope.
    'for (var key in data) {' +
    'self[key] = data[key]' +
    '}' +
    // Any subsequent messages from the main thread will be handled
    // by a custom message handler returned from the supplied "creator" function.
    'onMessage = (';
const JAVASCRIPT_CODE_AFTER_CREATE_INPUT_HANDLER_FUNCTION = ')(postMessage)' +
    '}';
function getCodeAndVars(createInputHandler, arrayOfGetDependenciesFunctions) {
    const [functionDefinitions, vars] = createFunctionsCodeAndVars(arrayOfGetDependenciesFunctions);
    // Create javascript code of the worker.
    const code = functionDefinitions +
        ';' +
        JAVASCRIPT_CODE_BEFORE_CREATE_INPUT_HANDLER_FUNCTION +
        createInputHandler.toString() +
        JAVASCRIPT_CODE_AFTER_CREATE_INPUT_HANDLER_FUNCTION;
    return [code, vars];
}
function createFunctionsCodeAndVars(arrayOfGetDependenciesFunctions) {
    let funcs = {};
    let vars = {};
    for (const getDependencies of arrayOfGetDependenciesFunctions) {
        // Get stringified `functions` and `values`.
        const { functions, variables } = stringifyFunctionReferences(getDependencies);
        // Put the `functions` in the combined map.
        // If some keys get overridden, that's considered ok
        // because those're supposed to be the same global functions.
        funcs = Object.assign(Object.assign({}, funcs), functions);
        // Put the `values` in the combined map.
        // If some keys get overridden, that's considered ok
        // because those're supposed to be the same global variables.
        vars = Object.assign(Object.assign({}, vars), variables);
    }
    // For each referenced "external" function (or class), define it as a global variable
    // using the dependency name as the global variable's name
    // and the source code of the function (or class) as the global variable's value.
    //
    // "Native" global classes or functions such as `ArrayBuffer` won't have any source code
    // and it will be just their global name. This means that if someone passes something like
    // `ArrayBuffer` as a dependency, it will produce code like `ArrayBuffer=ArrayBuffer`,
    // which doesn't really make any sense, but it still works and it doesn't result in any bugs,
    // so it's not handled in any special way. And if someone passes something like
    // `const ab = ArrayBuffer` as a dependency, it will produce code like `ab=ArrayBuffer`,
    // and in such case it does make sense.
    //
    const functionDefinitions = Object.keys(funcs).map((functionName) => {
        return functionName + '=' + funcs[functionName];
    }).join(';');
    return [functionDefinitions, vars];
}

function createWorkerFunction_(createWorkerInEnvironment, fnOrAlias, createMethods, createInputHandler, handleError, handleOutput) {
    // "Started" and "stopped" flags.
    let started = false;
    let stopped = false;
    // "Closure" functions that return any external dependencies.
    let getDependenciesFunctions = [];
    // `transferList` for external dependencies.
    const dependenciesTransferList = undefined;
    let inputTransferList = () => [];
    let outputTransferList = () => [];
    // (optional) Caching.
    let alias = undefined;
    let cacheValue = undefined;
    const getFromCache = (cacheKey) => {
        return CACHE[cacheKey];
    };
    const setInCache = (cacheKey, value) => {
        CACHE[cacheKey] = value;
    };
    const mustHaveStarted = () => {
        if (!started) {
            throw new Error('Not started');
        }
    };
    const mustNotHaveStarted = () => {
        if (started) {
            throw new Error('Was started');
        }
    };
    const mustNotHaveStopped = () => {
        if (stopped) {
            throw new Error('Was stopped');
        }
    };
    const mustNotHaveAlias = () => {
        if (alias) {
            throw new Error('Has alias');
        }
    };
    const argumentMustBeFunction = (arg) => {
        if (typeof arg !== 'function') {
            throw new TypeError('Argument must be a function');
        }
    };
    let fn;
    // See whether the argument is an alias string or a function.
    if (typeof fnOrAlias === 'string') {
        alias = fnOrAlias;
        cacheValue = getFromCache(alias);
        // The additional `if` conditions were added just to work around
        // TypeScript compiler error message.
        if (!cacheValue || !cacheValue.$) {
            throw new Error('Not found');
        }
        // Restore the functions from cache.
        fn = cacheValue.$[0];
        getDependenciesFunctions = cacheValue.$[1];
        inputTransferList = cacheValue.$[2];
        outputTransferList = cacheValue.$[3];
        // The "expect error" guard below checks that a developer of this package
        // didn't "forget" to restore any other stuff from cache.
        // @ts-expect-error: All elements of the `cacheValue` array should be restored above. In case of adding new stuff in `cachedValue`, increment the index below accordingly.
        cacheValue.$[4];
    }
    else {
        fn = fnOrAlias;
    }
    // Validate the function.
    argumentMustBeFunction(fn);
    let worker;
    /**
     * Adds external dependencies.
     * These dependencies must not change after the function is started.
     *
     * @param {function} getDependencies — A "closure" function that returns an array of dependencies — global variables or functions — that will be used in this worker. If some dependencies get overlooked, the worker will throw "[name] is not defined".
     */
    const addDependencies_ = (getDependencies) => {
        mustNotHaveStopped();
        mustNotHaveStarted();
        // Non-TypeScript code argument validation.
        argumentMustBeFunction(getDependencies);
        getDependenciesFunctions.push(getDependencies);
    };
    // Starts the worker.
    const start = () => {
        mustNotHaveStopped();
        mustNotHaveStarted();
        // These dependencies can change before the function is started, but not after that.
        //
        // `createInputHandler()` is not supplied by the user, and it stays the same.
        // It's the same between any two "streaming" or non-"streaming" worker functions.
        //
        const getInitialDependencies = () => [
            fn,
            outputTransferList,
            createInputHandler
        ];
        addDependencies_(getInitialDependencies);
        started = true;
        worker.start(getDependenciesFunctions, dependenciesTransferList);
    };
    // Stops the worker.
    // Calling this function multiple times is normal and it won't produce any errors.
    const stop = () => {
        stopped = true;
        worker.stop();
    };
    // Sends input data to the worker.
    const sendToWorker = (inputArgs) => {
        worker.ingest([Date.now(), inputArgs], inputTransferList(...inputArgs));
    };
    // This variable is defined here just to work around TypeScript compiler error message:
    // "Type 'number' is not assignable to type 'undefined'."
    let numberOrUndefined;
    // Declare a worker function. It will be returned from this function.
    const workerFn = Object.assign({ inputLatency: numberOrUndefined, outputLatency: numberOrUndefined, 
        /**
         * Adds external dependencies.
         * These dependencies must not change after the function is started.
         *
         * @param {function} getDependencies — A "closure" function that returns an array of dependencies — global variables or functions — that will be used in this worker. If some dependencies get overlooked, the worker will throw "[name] is not defined".
         */
        addDependencies(getDependencies) {
            mustNotHaveAlias();
            addDependencies_(getDependencies);
        }, 
        // `transferList` for the arguments of the function.
        inputTransferList: (fn) => {
            mustNotHaveStopped();
            mustNotHaveStarted();
            mustNotHaveAlias();
            // Non-TypeScript code argument validation.
            argumentMustBeFunction(fn);
            inputTransferList = fn;
        }, 
        // `transferList` for the result of the function.
        outputTransferList: (fn) => {
            mustNotHaveStopped();
            mustNotHaveStarted();
            mustNotHaveAlias();
            // Non-TypeScript code argument validation.
            argumentMustBeFunction(fn);
            outputTransferList = fn;
        }, 
        // (optional) Enables caching.
        alias(alias_) {
            mustNotHaveStopped();
            mustNotHaveStarted();
            mustNotHaveAlias();
            alias = alias_;
            setInCache(alias, {
                $: [fn, getDependenciesFunctions, inputTransferList, outputTransferList]
            });
        },
        start,
        stop }, createMethods(start, stop, started, stopped, sendToWorker, mustHaveStarted, mustNotHaveStarted, mustNotHaveStopped));
    // Cache accessors for use in `createWorker`.
    const getOtherFromCache = () => {
        if (alias) {
            const properties = getFromCache(alias);
            if (properties) {
                return properties.other;
            }
        }
    };
    const setOtherInCache = (value) => {
        if (alias) {
            setInCache(alias, Object.assign(Object.assign({}, getFromCache(alias)), { other: value }));
        }
    };
    worker = createWorker(
    // Creates a worker in a specific environment such as a web browser or Node.js.
    createWorkerInEnvironment, 
    // This function will be executed in the worker thread.
    // It will be stringified and injected in the worker source code.
    // It must create an input handler function.
    (
    // This function sends output from the worker thread to the main thread.
    sendOutput_) => {
        let inputSentTimestamp = -1;
        let inputReceivedTimestamp = -1;
        const sendOutput = (output) => {
            sendOutput_([inputSentTimestamp, inputReceivedTimestamp, Date.now(), output], outputTransferList(output));
        };
        const inputHandler = createInputHandler(fn, sendOutput);
        return ([inputSentAt, input]) => {
            inputSentTimestamp = inputSentAt;
            inputReceivedTimestamp = Date.now();
            return inputHandler(input);
        };
    }, 
    // This function will be executed in the main thread
    // when an error is received from the worker.
    // Currently, we are in the main thread.
    (error) => {
        if (!stopped) {
            handleError(error);
        }
    }, 
    // This function will be executed in the main thread
    // when output is received from the worker.
    // Currently, we are in the main thread.
    ([inputSentTimestamp, inputReceivedTimestamp, outputTimestamp, output]) => {
        if (!stopped) {
            // `createInputHandler()` function could call `send()` right away
            // without waiting to receive any input.
            // In such case, `inputLatency` should stay `undefined`.
            if (inputSentTimestamp !== -1) {
                workerFn.inputLatency = inputReceivedTimestamp - inputSentTimestamp;
            }
            workerFn.outputLatency = Date.now() - outputTimestamp;
            handleOutput(output);
        }
    }, 
    // Caching.
    getOtherFromCache, setOtherInCache);
    return workerFn;
}
const CACHE = {};

function createWorkerFunction(createWorkerInEnvironment, fnOrAlias) {
    // When the worker function returns a monolithic response,
    // use `resolveCall()`/`rejectCall()` functions to report the response to the main thread.
    // These functions will `resolve` or `reject` the `Promise` returned from `.call()` or `.callOnce()`.
    let resolveCall = undefined;
    let rejectCall = undefined;
    const createMethods = (start, stop, started, stopped, sendToWorker, mustHaveStarted, mustNotHaveStarted, mustNotHaveStopped) => ({
        // Calls the function. Could be used multiple times.
        call(...args) {
            mustNotHaveStopped();
            mustHaveStarted();
            if (resolveCall || rejectCall) {
                throw new Error('Previous call not finished');
            }
            // isStreamingFn = false
            return new Promise((resolve, reject) => {
                resolveCall = resolve;
                rejectCall = reject;
                sendToWorker(args);
            });
        },
        // Calls the function once.
        callOnce(...args) {
            start();
            return this.call(...args).finally(stop);
        }
    });
    // This function will be executed in the worker thread.
    // It will be stringified and injected in the worker source code.
    // Therefore, it should be a "self-contained" function,
    // i.e. it shouldn't reference anything outside of its body.
    const createInputHandler = (fn, send) => {
        const isPromise = (anything) => {
            return (anything !== null &&
                typeof anything === 'object' &&
                typeof anything.then === 'function');
        };
        return (args) => {
            const result = fn(...args);
            if (isPromise(result)) {
                result.then(send);
            }
            else {
                send(result);
            }
        };
    };
    // This function will be executed in the main thread.
    // Currently, we are in the main thread.
    const handleError = (error) => {
        if (rejectCall) {
            rejectCall(error);
            resolveCall = undefined;
            rejectCall = undefined;
        }
        else {
            throw new Error('`reject` callback not found');
        }
    };
    // This function will be executed in the main thread.
    // Currently, we are in the main thread.
    const handleOutput = (output) => {
        if (resolveCall) {
            resolveCall(output);
            resolveCall = undefined;
            rejectCall = undefined;
        }
        else {
            throw new Error('`resolve` callback not found');
        }
    };
    return createWorkerFunction_(createWorkerInEnvironment, fnOrAlias, createMethods, createInputHandler, handleError, handleOutput);
}

// This source code was originally copy-pasted from `fflate`'s repository
// and then refactored according to my personal taste. Also added comments.
// https://github.com/101arrowz/fflate/blob/master/src/node-worker.ts
/**
 * Creates a worker in Node.js.
 *
 * Defines a `var postMessage = (data, [transferList]) => ...` function.
 * Requires a `var onMessage = (data) => ...` function to be defined.
 *
 * @param {string} javascriptCode
 * @param {function} getFromCache — Could be used to add caching. Has no arguments. Returns the cached value.
 * @param {function} setInCache — Could be used to add caching. Receives the value to cache as an argument. Doesn't return anything.
 * @param {function} onError — This function will be called every time when there was an error while processing an incoming message. It would be logical to call `worker.terminate()` inside this function.
 * @param {function} onOutput — This function will be called every time when done processing an incoming message.
 * @returns {Worker} — An object with methods: `ingest(data, transferList)`, `stop()`.
 */
function createWorkerInNode(javascriptCode, getFromCache, setInCache, onError, onOutput) {
    // This flag will be set to true upon calling `worker.terminate()`.
    // It will be used to tell if the worker terminated normally or abruptly.
    let requestedTermination = false;
    let processedError = false;
    // Worker's code.
    let code = getFromCache();
    if (!code) {
        code = createWorkerCode(javascriptCode);
        setInCache(code);
    }
    // Create a worker.
    const worker = new Worker$1(code, { eval: true })
        // The argument of an "error" event listener is an instance of the `Error` class.
        // This is regardless of the actual custom error class that the original error was created from.
        // The main thread will always receive any custom error as a vanilla JavaScript `Error` instance.
        //
        // Why:
        //
        // Node.js passes errors across the thread boundary using the HTML Structured Clone Algorithm.
        // This algorithm clones the data rather than sharing the live reference. When serialization happens:
        //
        // * Built-in error types (like `Error`, `TypeError`, `RangeError`) preserve their original native class wrapper.
        // * Custom, user-defined error classes lose their prototype chain.
        // * The custom properties on the error object are copied over, but the cloned object’s
        //   `constructor` is normalized back to the standard base `Error` class.
        //
        .on('error', (error) => {
        processedError = true;
        onError(error);
        // A Node.js worker always "exit"s after an "error",
        // so there's no need to call `worker.terminate()`.
    })
        .on('message', (message) => {
        onOutput(message);
    })
        // The "exit" event is emitted once the worker has stopped.
        // If the worker exited by calling `process.exit()`, the `exitCode` parameter
        // is the passed exit code argument.
        // If the worker was terminated, the `exitCode` parameter is `1`.
        .on('exit', (exitCode) => {
        // * `exitCode: 0` means "the worker has finished execution without any issues".
        // * `exitCode: 1` immediately follows "error" message.
        // Any non-zero `exitCode` means "the worker was stopped due to an application error".
        if (exitCode && !processedError && !requestedTermination) {
            // It looks like the worker can't possibly execute any code after receiving
            // the "exit" event, so it's safe to call the `callback()` here.
            onError(new Error('Exited with code ' + exitCode));
        }
    });
    // Calling `stop()` will request termination of the worker.
    const stop = () => {
        requestedTermination = true;
        // Stop all JavaScript execution in the worker thread as soon as possible.
        //
        // Returns a `Promise` for the exit `code`.
        // The returned `Promise` is fulfilled when the "exit" event is emitted.
        //
        // Calling `worker.terminate()` multiple times is safe and will not throw any errors.
        //
        Worker$1.prototype.terminate.call(worker);
        // Doesn't return the `Promise` in order for this API to be consistent with the web browser one.
    };
    return {
        stop,
        ingest: worker.postMessage.bind(worker)
    };
}
function createWorkerCode(javascriptCode) {
    return javascriptCode + ';' + JAVASCRIPT_CODE_ADDITIONAL;
}
const JAVASCRIPT_CODE_ADDITIONAL = 'var workerThreads = require("worker_threads")' + ';' +
    // Listen to incoming messages from the main thread.
    'workerThreads.parentPort.on("message", function(data) {' +
    'onMessage(data)' +
    '})' + ';' +
    // Define a `postMessage()` function that will be used to send messages to the main thread.
    'var postMessage = function(data, transferList) {' +
    'workerThreads.parentPort.postMessage(data, transferList)' +
    '}' + ';' +
    // In Node.js Workers, `self` is called `global`.
    // Any global variables in the `javascriptCode` can be accessed from
    // (and written to) by using `self.` prefix. It's not necessary to
    // access them through `self.` but it is an "officially supported" option.
    'self = global';

function createWorkerFunctionInNode(fnOrAlias) {
    return createWorkerFunction(createWorkerInNode, fnOrAlias);
}

function _typeof$8(o) { "@babel/helpers - typeof"; return _typeof$8 = "function" == typeof Symbol && "symbol" == typeof Symbol.iterator ? function (o) { return typeof o; } : function (o) { return o && "function" == typeof Symbol && o.constructor === Symbol && o !== Symbol.prototype ? "symbol" : typeof o; }, _typeof$8(o); }
// See `README.md` for more info

function Parser_(options) {
  // `decode.js` file contents

  var fromCharCode = String.fromCharCode;
  var hasOwnProperty = Object.prototype.hasOwnProperty;
  var ENTITY_PATTERN = /&#(\d+);|&#x([0-9a-f]+);|&(\w+);/ig;
  var ENTITY_MAPPING = {
    'amp': '&',
    'apos': '\'',
    'gt': '>',
    'lt': '<',
    'quot': '"'
  };

  // map UPPERCASE variants of supported special chars
  Object.keys(ENTITY_MAPPING).forEach(function (k) {
    ENTITY_MAPPING[k.toUpperCase()] = ENTITY_MAPPING[k];
  });
  function replaceEntities(_, d, x, z) {
    // reserved names, i.e. &nbsp;
    if (z) {
      if (hasOwnProperty.call(ENTITY_MAPPING, z)) {
        return ENTITY_MAPPING[z];
      } else {
        // fall back to original value
        return '&' + z + ';';
      }
    }

    // decimal encoded char
    if (d) {
      return fromCharCode(d);
    }

    // hex encoded char
    return fromCharCode(parseInt(x, 16));
  }

  /**
   * A basic entity decoder that can decode a minimal
   * sub-set of reserved names (&amp;) as well as
   * hex (&#xaaf;) and decimal (&#1231;) encoded characters.
   *
   * @param {string} s
   *
   * @return {string} decoded string
   */
  function decodeEntities(s) {
    if (s.length > 3 && s.indexOf('&') !== -1) {
      return s.replace(ENTITY_PATTERN, replaceEntities);
    }
    return s;
  }

  // `parser.js` file contents

  var NON_WHITESPACE_OUTSIDE_ROOT_NODE = 'non-whitespace outside of root node';
  function error(msg) {
    return new Error(msg);
  }
  function missingNamespaceForPrefix(prefix) {
    return 'missing namespace for prefix <' + prefix + '>';
  }
  function getter(getFn) {
    return {
      'get': getFn,
      'enumerable': true
    };
  }
  function cloneNsMatrix(nsMatrix) {
    var clone = {},
      key;
    for (key in nsMatrix) {
      clone[key] = nsMatrix[key];
    }
    return clone;
  }

  // per-matrix element name cache; stored under a symbol so it is
  // invisible to the `for (key in nsMatrix)` clone above and gets
  // collected together with the matrix it belongs to
  var NAME_CACHE = Symbol('nameCache');
  function uriPrefix(prefix) {
    return prefix + '$uri';
  }
  function buildNsMatrix(nsUriToPrefix) {
    var nsMatrix = {},
      uri,
      prefix;
    for (uri in nsUriToPrefix) {
      prefix = nsUriToPrefix[uri];
      nsMatrix[prefix] = prefix;
      nsMatrix[uriPrefix(prefix)] = uri;
    }
    return nsMatrix;
  }
  function noopGetContext() {
    return {
      line: 0,
      column: 0
    };
  }
  function throwFunc(err) {
    throw err;
  }

  /**
   * Creates a new parser with the given options.
   *
   * @constructor
   *
   * @param  {!Object<string, ?>=} options
   */
  function Parser(options) {
    if (!this) {
      return new Parser(options);
    }
    var proxy = options && options['proxy'];
    var onText,
      onOpenTag,
      onCloseTag,
      onCDATA,
      onError = throwFunc,
      onWarning,
      onComment,
      onQuestion,
      onAttention;
    var getContext = noopGetContext;

    /**
     * Are we currently consuming a chunked stream of XML,
     * i.e. is a `write` call in progress that may be followed
     * by more chunks?
     *
     * @type {boolean}
     */
    var streaming = false;

    /**
     * Did we already encounter the root tag?
     *
     * Persisted across `write` calls so we can detect a missing
     * start tag once the stream ends.
     *
     * @type {boolean}
     */
    var rootTagFound = false;

    /**
     * Not yet parsed remainder of the previously written chunk,
     * i.e. an incomplete token that awaits more input.
     *
     * @type {string}
     */
    var leftoverXml = '';

    /**
     * Do we need to parse the current elements attributes for namespaces?
     *
     * @type {boolean}
     */
    var maybeNS = false;

    /**
     * Do we process namespaces at all?
     *
     * @type {boolean}
     */
    var isNamespace = false;

    /**
     * The caught error returned on parse end
     *
     * @type {Error}
     */
    var returnError = null;

    /**
     * Should we stop parsing?
     *
     * @type {boolean}
     */
    var parseStop = false;

    /**
     * Namespace + node state shared across (streamed) parse runs.
     */
    var nsMatrixStack, nsMatrix, nodeStack;

    /**
     * A map of { uri: prefix } used by the parser.
     *
     * This map will ensure we can normalize prefixes during processing;
     * for each uri, only one prefix will be exposed to the handlers.
     *
     * @type {!Object<string, string>}}
     */
    var nsUriToPrefix;

    /**
     * Handle parse error.
     *
     * @param  {string|Error} err
     */
    function handleError(err) {
      if (!(err instanceof Error)) {
        err = error(err);
      }
      returnError = err;
      onError(err, getContext);
    }

    /**
     * Handle parse error.
     *
     * @param  {string|Error} err
     */
    function handleWarning(err) {
      if (!onWarning) {
        return;
      }
      if (!(err instanceof Error)) {
        err = error(err);
      }
      onWarning(err, getContext);
    }

    /**
     * Register parse listener.
     *
     * @param  {string}   name
     * @param  {Function} cb
     *
     * @return {Parser}
     */
    this['on'] = function (name, cb) {
      if (typeof cb !== 'function') {
        throw error('required args <name, cb>');
      }
      switch (name) {
        case 'openTag':
          onOpenTag = cb;
          break;
        case 'text':
          onText = cb;
          break;
        case 'closeTag':
          onCloseTag = cb;
          break;
        case 'error':
          onError = cb;
          break;
        case 'warn':
          onWarning = cb;
          break;
        case 'cdata':
          onCDATA = cb;
          break;
        case 'attention':
          onAttention = cb;
          break;
        // <!XXXXX zzzz="eeee">
        case 'question':
          onQuestion = cb;
          break;
        // <? ....  ?>
        case 'comment':
          onComment = cb;
          break;
        default:
          throw error('unsupported event: ' + name);
      }
      return this;
    };

    /**
     * Set the namespace to prefix mapping.
     *
     * @example
     *
     * parser.ns({
     *   'http://foo': 'foo',
     *   'http://bar': 'bar'
     * });
     *
     * @param  {!Object<string, string>} nsMap
     *
     * @return {Parser}
     */
    this['ns'] = function (nsMap) {
      if (typeof nsMap === 'undefined') {
        nsMap = {};
      }
      if (_typeof$8(nsMap) !== 'object') {
        throw error('required args <nsMap={}>');
      }
      var _nsUriToPrefix = {},
        k;
      for (k in nsMap) {
        _nsUriToPrefix[k] = nsMap[k];
      }
      isNamespace = true;
      nsUriToPrefix = _nsUriToPrefix;
      return this;
    };

    /**
     * Reset the parser state before a (streamed) parse run.
     */
    function resetState() {
      nsMatrixStack = isNamespace ? [] : null;
      nsMatrix = isNamespace ? buildNsMatrix(nsUriToPrefix) : null;
      nodeStack = [];
      getContext = noopGetContext;
      parseStop = false;
      returnError = null;
      rootTagFound = false;
      leftoverXml = '';
    }

    /**
     * Parse a complete xml string.
     *
     * @param  {string} xml
     *
     * @return {Error} returnError, if not thrown
     */
    this['parse'] = function (xml) {
      if (typeof xml !== 'string') {
        throw error('required args <xml=string>');
      }
      if (streaming) {
        throw error('parse during stream; call end() first');
      }
      resetState();
      parse(xml);
      getContext = noopGetContext;
      parseStop = false;
      return returnError;
    };

    /**
     * Write the next chunk of a streamed xml string.
     *
     * Parse events are emitted for all complete tokens; an
     * incomplete trailing token is buffered until the next
     * `write` or, ultimately, reported as an error on `end`.
     *
     * @param  {string} xml
     *
     * @return {Parser} self
     */
    this['write'] = function (xml) {
      if (typeof xml !== 'string') {
        throw error('required args <xml=string>');
      }
      if (!streaming) {
        resetState();
        streaming = true;
      }
      if (!returnError) {
        leftoverXml = parse(leftoverXml + xml, true) || '';
      }
      return this;
    };

    /**
     * Finish parsing a streamed xml string, i.e. signal that
     * no more chunks will be written.
     *
     * @return {Error} returnError, if not thrown
     */
    this['end'] = function () {
      if (!streaming) {
        resetState();
      }

      // flush the buffered remainder, now treating an incomplete
      // trailing token as a hard error
      streaming = false;
      if (!returnError) {
        parse(leftoverXml);
      }
      leftoverXml = '';
      getContext = noopGetContext;
      parseStop = false;
      return returnError;
    };

    /**
     * Stop parsing.
     */
    this['stop'] = function () {
      parseStop = true;
    };

    /**
     * Parse string, invoking configured listeners on element.
     *
     * Namespace and node stack state is shared across (streamed)
     * invocations via the enclosing parser scope.
     *
     * Internal note: while `streaming`, an incomplete trailing token
     * is not treated as an error but returned so `write` can buffer it
     * and prepend it to the next chunk. This buffered remainder is an
     * implementation detail of the streaming buffer, not a public API;
     * outside of that case the return value is `undefined`.
     *
     * @param {string} xml
     * @param {boolean} streaming
     *
     * @return {string|undefined} buffered remainder, streaming internal use only
     */
    function parse(xml) {
      var streaming = arguments.length > 1 && arguments[1] !== undefined ? arguments[1] : false;
      var elNameCache = null,
        elNameCacheMatrix = null;
      var _nsMatrix,
        anonymousNsCount = 0,
        tagStart = false,
        tagEnd = false,
        i = 0,
        j = 0,
        x,
        y,
        q,
        w,
        v,
        xmlns,
        elementName,
        _elementName,
        elementProxy;
      var attrsString = '',
        attrsStart = 0,
        cachedAttrs // false = parsed with errors, null = needs parsing
      ;

      /**
       * Normalize a namespaced attribute name against the current
       * namespace matrix.
       *
       * @param {string} name
       * @param {string|boolean} defaultAlias
       *
       * @return {string|null} normalized name, or `null` when the prefix
       *                       has no namespace (a warning is emitted)
       */
      function normalizeAttrName(name, defaultAlias) {
        var w = name.indexOf(':');
        if (w === -1) {
          return name;
        }

        // normalize ns attribute name
        var nsName = nsMatrix[name.substring(0, w)];
        if (!nsName) {
          handleWarning(missingNamespaceForPrefix(name.substring(0, w)));
          return null;
        }
        return defaultAlias === nsName ? name.substr(w + 1) : nsName + name.substr(w);
      }

      /**
       * Parse attributes on demand and returns the parsed attributes.
       *
       * Return semantics: (1) `false` on attribute parse error,
       * (2) object hash on extracted attrs.
       *
       * @return {boolean|Object}
       */
      function getAttrs() {
        if (cachedAttrs !== null) {
          return cachedAttrs;
        }
        var nsUri,
          nsUriPrefix,
          defaultAlias = isNamespace && nsMatrix['xmlns'],
          attrList = isNamespace && maybeNS ? [] : null,
          i = attrsStart,
          s = attrsString,
          l = s.length,
          hasNewMatrix,
          newalias,
          value,
          alias,
          name,
          attrs = {},
          seenAttrs = new Set(),
          skipAttr,
          w,
          j;
        parseAttr: for (; i < l; i++) {
          skipAttr = false;
          w = s.charCodeAt(i);
          if (w === 32 || w < 14 && w > 8) {
            // WHITESPACE={ \f\n\r\t\v}
            continue;
          }

          // wait for non whitespace character
          if (w < 65 || w > 122 || w > 90 && w < 97) {
            if (w !== 95 && w !== 58) {
              // char 95"_" 58":"
              handleWarning('illegal first char attribute name');
              skipAttr = true;
            }
          }

          // parse attribute name
          for (j = i + 1; j < l; j++) {
            w = s.charCodeAt(j);
            if (w > 96 && w < 123 || w > 64 && w < 91 || w > 47 && w < 59 || w === 46 ||
            // '.'
            w === 45 ||
            // '-'
            w === 95 // '_'
            ) {
              continue;
            }

            // unexpected whitespace
            if (w === 32 || w < 14 && w > 8) {
              // WHITESPACE
              handleWarning('missing attribute value');
              i = j;
              continue parseAttr;
            }

            // expected "="
            if (w === 61) {
              // "=" == 61
              break;
            }
            handleWarning('illegal attribute name char');
            skipAttr = true;
          }
          name = s.substring(i, j);
          if (name === 'xmlns:xmlns') {
            handleWarning('illegal declaration of xmlns');
            skipAttr = true;
          }
          w = s.charCodeAt(j + 1);
          if (w === 34) {
            // '"'
            j = s.indexOf('"', i = j + 2);
            if (j === -1) {
              j = s.indexOf('\'', i);
              if (j !== -1) {
                handleWarning('attribute value quote missmatch');
                skipAttr = true;
              }
            }
          } else if (w === 39) {
            // "'"
            j = s.indexOf('\'', i = j + 2);
            if (j === -1) {
              j = s.indexOf('"', i);
              if (j !== -1) {
                handleWarning('attribute value quote missmatch');
                skipAttr = true;
              }
            }
          } else {
            handleWarning('missing attribute value quotes');
            skipAttr = true;

            // skip to next space
            for (j = j + 1; j < l; j++) {
              w = s.charCodeAt(j + 1);
              if (w === 32 || w < 14 && w > 8) {
                // WHITESPACE
                break;
              }
            }
          }
          if (j === -1) {
            handleWarning('missing closing quotes');
            j = l;
            skipAttr = true;
          }
          if (!skipAttr) {
            value = s.substring(i, j);
          }
          i = j;

          // ensure SPACE follows attribute
          // skip illegal content otherwise
          // example a="b"c
          for (; j + 1 < l; j++) {
            w = s.charCodeAt(j + 1);
            if (w === 32 || w < 14 && w > 8) {
              // WHITESPACE
              break;
            }

            // FIRST ILLEGAL CHAR
            if (i === j) {
              handleWarning('illegal character after attribute end');
              skipAttr = true;
            }
          }

          // advance cursor to next attribute
          i = j + 1;
          if (skipAttr) {
            continue parseAttr;
          }

          // check attribute re-declaration
          if (seenAttrs.has(name)) {
            handleWarning('attribute <' + name + '> already defined');
            continue;
          }
          seenAttrs.add(name);
          if (!isNamespace) {
            attrs[name] = value;
            continue;
          }

          // try to extract namespace information
          if (maybeNS) {
            newalias = name === 'xmlns' ? 'xmlns' : name.charCodeAt(0) === 120 && name.substr(0, 6) === 'xmlns:' ? name.substr(6) : null;

            // handle xmlns(:alias) assignment
            if (newalias !== null) {
              nsUri = decodeEntities(value);
              nsUriPrefix = uriPrefix(newalias);
              alias = nsUriToPrefix[nsUri];
              if (!alias) {
                // no prefix defined or prefix collision
                if (newalias === 'xmlns' || nsUriPrefix in nsMatrix && nsMatrix[nsUriPrefix] !== nsUri) {
                  // alocate free ns prefix
                  do {
                    alias = 'ns' + anonymousNsCount++;
                  } while (typeof nsMatrix[alias] !== 'undefined');
                } else {
                  alias = newalias;
                }
                nsUriToPrefix[nsUri] = alias;
              }
              if (nsMatrix[newalias] !== alias) {
                if (!hasNewMatrix) {
                  nsMatrix = cloneNsMatrix(nsMatrix);
                  hasNewMatrix = true;
                }
                nsMatrix[newalias] = alias;
                if (newalias === 'xmlns') {
                  nsMatrix[uriPrefix(alias)] = nsUri;
                  defaultAlias = alias;
                }
                nsMatrix[nsUriPrefix] = nsUri;
              }

              // expose xmlns(:asd)="..." in attributes
              attrs[name] = value;
              continue;
            }

            // collect attributes until all namespace
            // declarations are processed
            attrList.push(name, value);
            continue;
          } /** end if (maybeNs) */

          // handle attributes on element without
          // namespace declarations
          name = normalizeAttrName(name, defaultAlias);
          if (name === null) {
            continue;
          }
          attrs[name] = value;
        }

        // handle deferred, possibly namespaced attributes
        if (maybeNS) {
          // normalize captured attributes
          for (i = 0, l = attrList.length; i < l; i++) {
            name = normalizeAttrName(attrList[i++], defaultAlias);
            value = attrList[i];
            if (name === null) {
              continue;
            }
            attrs[name] = value;
          }

          // end: normalize captured attributes
        }

        return cachedAttrs = attrs;
      }

      /**
       * Extract the parse context { line, column, part }
       * from the current parser position.
       *
       * @return {Object} parse context
       */
      function getParseContext() {
        var splitsRe = /(\r\n|\r|\n)/g;
        var line = 0;
        var column = 0;
        var startOfLine = 0;
        var endOfLine = j;
        var match;
        var data;
        while (i >= startOfLine) {
          match = splitsRe.exec(xml);
          if (!match) {
            break;
          }

          // end of line = (break idx + break chars)
          endOfLine = match[0].length + match.index;
          if (endOfLine > i) {
            break;
          }

          // advance to next line
          line += 1;
          startOfLine = endOfLine;
        }

        // EOF errors
        if (i == -1) {
          column = endOfLine;
          data = xml.substring(j);
        } else
          // start errors
          if (j === 0) {
            data = xml.substring(j, i);
          }

          // other errors
          else {
            column = i - startOfLine;
            data = j == -1 ? xml.substring(i) : xml.substring(i, j + 1);
          }
        return {
          'data': data,
          'line': line,
          'column': column
        };
      }
      getContext = getParseContext;
      if (proxy) {
        elementProxy = Object.create({}, {
          'name': getter(function () {
            return elementName;
          }),
          'originalName': getter(function () {
            return _elementName;
          }),
          'attrs': getter(getAttrs),
          'ns': getter(function () {
            return nsMatrix;
          })
        });
      }

      // actual parse logic
      while (j !== -1) {
        if (xml.charCodeAt(j) === 60) {
          // "<"
          i = j;
        } else {
          i = xml.indexOf('<', j);
        }

        // no (more) tags found
        if (i === -1) {
          // buffer the remainder for the next chunk
          if (streaming) {
            return xml.substring(j);
          }
          if (nodeStack.length) {
            return handleError('unexpected end of file');
          }
          if (!rootTagFound) {
            return handleError('missing start tag');
          }
          if (j < xml.length) {
            if (xml.substring(j).trim()) {
              handleWarning(NON_WHITESPACE_OUTSIDE_ROOT_NODE);
            }
          }
          return;
        }

        // remember that we saw the root tag
        if (!rootTagFound) {
          rootTagFound = true;
        }

        // parse text
        if (j !== i) {
          if (nodeStack.length) {
            if (onText) {
              onText(xml.substring(j, i), decodeEntities, getContext);
              if (parseStop) {
                return;
              }
            }
          } else {
            if (xml.substring(j, i).trim()) {
              handleWarning(NON_WHITESPACE_OUTSIDE_ROOT_NODE);
              if (parseStop) {
                return;
              }
            }
          }
        }
        w = xml.charCodeAt(i + 1);

        // parse comments + CDATA
        if (w === 33) {
          // "!"
          q = xml.charCodeAt(i + 2);

          // CDATA section
          if (q === 91 && xml.substr(i + 3, 6) === 'CDATA[') {
            // 91 == "["
            j = xml.indexOf(']]>', i);
            if (j === -1) {
              if (streaming) {
                return xml.substring(i);
              }
              return handleError('unclosed cdata');
            }
            if (onCDATA) {
              onCDATA(xml.substring(i + 9, j), getContext);
              if (parseStop) {
                return;
              }
            }
            j += 3;
            continue;
          }

          // comment
          if (q === 45 && xml.charCodeAt(i + 3) === 45) {
            // 45 == "-"
            j = xml.indexOf('-->', i);
            if (j === -1) {
              if (streaming) {
                return xml.substring(i);
              }
              return handleError('unclosed comment');
            }
            if (onComment) {
              onComment(xml.substring(i + 4, j), decodeEntities, getContext);
              if (parseStop) {
                return;
              }
            }
            j += 3;
            continue;
          }
        }

        // parse question <? ... ?>
        if (w === 63) {
          // "?"
          j = xml.indexOf('?>', i);
          if (j === -1) {
            if (streaming) {
              return xml.substring(i);
            }
            return handleError('unclosed question');
          }
          if (onQuestion) {
            onQuestion(xml.substring(i, j + 2), getContext);
            if (parseStop) {
              return;
            }
          }
          j += 2;
          continue;
        }

        // find matching closing tag for attention or standard tags
        // for that we must skip through attribute values
        // (enclosed in single or double quotes)
        for (x = i + 1;; x++) {
          v = xml.charCodeAt(x);
          if (isNaN(v)) {
            if (streaming) {
              return xml.substring(i);
            }
            j = -1;
            return handleError('unclosed tag');
          }

          // [10] AttValue ::= '"' ([^<&"] | Reference)* '"' | "'" ([^<&'] | Reference)* "'"
          // skips the quoted string
          // (double quotes) does not appear in a literal enclosed by (double quotes)
          // (single quote) does not appear in a literal enclosed by (single quote)
          if (v === 34) {
            //  '"'
            q = xml.indexOf('"', x + 1);
            x = q !== -1 ? q : x;
          } else if (v === 39) {
            // "'"
            q = xml.indexOf("'", x + 1);
            x = q !== -1 ? q : x;
          } else if (v === 62) {
            // '>'
            j = x;
            break;
          }
        }

        // parse attention <! ...>
        // previously comment and CDATA have already been parsed
        if (w === 33) {
          // "!"

          if (onAttention) {
            onAttention(xml.substring(i, j + 1), decodeEntities, getContext);
            if (parseStop) {
              return;
            }
          }
          j += 1;
          continue;
        }

        // don't process attributes;
        // there are none
        cachedAttrs = {};

        // if (xml.charCodeAt(i+1) === 47) { // </...
        if (w === 47) {
          // </...
          tagStart = false;
          tagEnd = true;
          if (!nodeStack.length) {
            return handleError('missing open tag');
          }

          // verify open <-> close tag match
          x = elementName = nodeStack.pop();
          q = i + 2 + x.length;
          if (xml.substring(i + 2, q) !== x) {
            return handleError('closing tag mismatch');
          }

          // verify chars in close tag
          for (; q < j; q++) {
            w = xml.charCodeAt(q);
            if (w === 32 || w > 8 && w < 14) {
              // \f\n\r\t\v space
              continue;
            }
            return handleError('close tag');
          }
        } else {
          if (xml.charCodeAt(j - 1) === 47) {
            // .../>
            x = elementName = xml.substring(i + 1, j - 1);
            tagStart = true;
            tagEnd = true;
          } else {
            x = elementName = xml.substring(i + 1, j);
            tagStart = true;
            tagEnd = false;
          }
          if (!(w > 96 && w < 123 || w > 64 && w < 91 || w === 95 || w === 58)) {
            // char 95"_" 58":"
            return handleError('illegal first char nodeName');
          }
          for (q = 1, y = x.length; q < y; q++) {
            w = x.charCodeAt(q);
            if (w > 96 && w < 123 || w > 64 && w < 91 || w > 47 && w < 59 || w === 45 || w === 95 || w == 46) {
              continue;
            }
            if (w === 32 || w < 14 && w > 8) {
              // \f\n\r\t\v space
              elementName = x.substring(0, q);

              // maybe there are attributes
              cachedAttrs = null;
              break;
            }
            return handleError('invalid nodeName');
          }
          if (!tagEnd) {
            nodeStack.push(elementName);
          }
        }
        if (isNamespace) {
          _nsMatrix = nsMatrix;
          if (tagStart) {
            // remember old namespace
            // unless we're self-closing
            if (!tagEnd) {
              nsMatrixStack.push(_nsMatrix);
            }
            if (cachedAttrs === null) {
              // quick check, whether there may be namespace
              // declarations on the node; if that is the case
              // we need to eagerly parse the node attributes
              if (maybeNS = x.indexOf('xmlns', q) !== -1) {
                attrsStart = q;
                attrsString = x;
                getAttrs();
                maybeNS = false;
              }
            }
          }
          _elementName = elementName;

          // memoize normalized names per namespace matrix; tag names
          // typically repeat heavily and the matrix rarely changes.
          if (elNameCacheMatrix !== nsMatrix) {
            elNameCache = nsMatrix[NAME_CACHE];
            if (elNameCache === undefined) {
              elNameCache = nsMatrix[NAME_CACHE] = {};
            }
            elNameCacheMatrix = nsMatrix;
          }
          var _cachedName = elNameCache[elementName];
          if (_cachedName !== undefined) {
            elementName = _cachedName;
          } else {
            w = elementName.indexOf(':');
            if (w !== -1) {
              xmlns = nsMatrix[elementName.substring(0, w)];

              // prefix given; namespace must exist
              if (!xmlns) {
                return handleError('missing namespace on <' + _elementName + '>');
              }
              elementName = elementName.substr(w + 1);
            } else {
              xmlns = nsMatrix['xmlns'];

              // if no default namespace is defined,
              // we'll import the element as anonymous.
              //
              // it is up to users to correct that to the document defined
              // targetNamespace, or whatever their undersanding of the
              // XML spec mandates.
            }

            // adjust namespace prefixs as configured
            if (xmlns) {
              elementName = xmlns + ':' + elementName;
            }
            elNameCache[_elementName] = elementName;
          }
        }
        if (tagStart) {
          attrsStart = q;
          attrsString = x;
          if (onOpenTag) {
            if (proxy) {
              onOpenTag(elementProxy, decodeEntities, tagEnd, getContext);
            } else {
              onOpenTag(elementName, getAttrs, decodeEntities, tagEnd, getContext);
            }
            if (parseStop) {
              return;
            }
          }
        }
        if (tagEnd) {
          if (onCloseTag) {
            onCloseTag(proxy ? elementProxy : elementName, decodeEntities, tagStart, getContext);
            if (parseStop) {
              return;
            }
          }

          // restore old namespace
          if (isNamespace) {
            if (!tagStart) {
              nsMatrix = nsMatrixStack.pop();
            } else {
              nsMatrix = _nsMatrix;
            }
          }
        }
        j += 1;
      }
    } /** end parse */
  }

  return new Parser(options);
}

// Starting from version `11.x`, `saxen` dropped CommonJS export.
// CommonJS compatibility was requested by one of the users of this package:
// https://gitlab.com/catamphetamine/read-excel-file/-/work_items/115
// Because of that, `saxen` source code had to be copy-pasted.
//
// Not to mention that it would have to be copy-pasted anyway for compatiblity with `worker-f`
// because `Parser` is not a "self-contained" function.
//
// import { Parser } from 'saxen'

/**
 * Parses XML markup in a streaming fashion by calling the supplied callback functions as the XML markup is being input.
 * @param {any} state — The initial `state`. This `state` will supposedly be modified by the callback functions as the XML is being parsed.
 * @param {function} [onOpenTag]
 * @param {function} [onCloseTag]
 * @param {function} [onText]
 * @returns {object} An object with properties: `promise`, `write(string)`, `end()`. The `promise` resolves with nothing.
 */
function parseXmlStream(state, onOpenTag, onCloseTag, onText) {
  var errored = false;
  var mustNotHaveErrored = function mustNotHaveErrored() {
    if (errored) {
      // If this error is thrown then it means that there's a bug in the code
      // because the code should not have got here if the XML parsing process
      // has already errored.
      throw new Error('Errored');
    }
  };
  var resolvePromise;

  // const xmlns = false

  var parser = new Parser_();

  // // Whether it should parse XML "namespaces" (`xmlns` stuff).
  // // It parses faster when the "namespaces" mode is disabled.
  // // That's why it's not enabled.
  // if (xmlns) {
  //   // // See `xml/xlsxNamespaces.js` file for the list of possible `.xlsx` namespaces.
  //   // parser.ns(xlsxNamespaces)
  //   parser.ns()
  // }

  var write = function write(xml) {
    mustNotHaveErrored();
    parser.write(xml);
  };
  var end = function end() {
    mustNotHaveErrored();
    parser.end();
    resolvePromise();
  };

  // This `promise` resolves with the final `state` when finished parsing.
  var promise = new Promise(function (resolve, reject) {
    resolvePromise = resolve;

    // on XML parsing error
    var onerror = function onerror(error) {
      errored = true;
      // If the error is not re-thrown here, the parser will simply keep parsing,
      // i.e. it doesn't halt after encountering an error and doesn't require manual resuming.
      // So it must re-throw the error here in order for the parser to stop.
      // Because the error is thrown inside a `new Promise()` constructor,
      // the promise will reject automatically.
      throw error;
    };

    // got some text. `text` is the string of text.
    var ontext = function ontext(text, decodeEntities) {
      if (onText) {
        // `saxen` doesn't decode character references (`&#233;`, `&amp;`, etc) in text:
        // instead, it provides a `decodeEntities()` function for the consumer to call.
        onText(decodeEntities(text), state);
      }
    };

    // opened a tag. `node` has "name" and "attributes"
    var onopentag = function onopentag(elementName, getAttributes, decodeEntities, selfClosing, getContext) {
      if (onOpenTag) {
        var attributes = getAttributes();
        // `saxen` doesn't decode character references (`&#233;`, `&amp;`, etc)
        // in attribute values either, so decode them here.
        // The reason why `saxen` deliberately doesn't decode character references by default
        // is performance, I assume.
        for (var name in attributes) {
          // Also remove an `xmlns` prefix from the attribute name, if present.
          // When doing so, don't clean up the attribute name with a prefix
          // because it doesn't interfere, and it's faster this way.
          attributes[trimXmlnsPrefix(name, true)] = decodeEntities(attributes[name]);
        }
        onOpenTag(trimXmlnsPrefix(elementName), attributes, state);
      }
    };

    // closed a tag.
    var onclosetag = function onclosetag(elementName) {
      if (onCloseTag) {
        onCloseTag(trimXmlnsPrefix(elementName), state);
      }
    };
    parser.on('error', onerror);
    parser.on('text', ontext);
    parser.on('openTag', onopentag);
    parser.on('closeTag', onclosetag);
  });
  return {
    promise: promise,
    write: write,
    end: end
  };
}
function trimXmlnsPrefix(string, isAttributeName) {
  var i = 0;
  while (i < string.length) {
    if (string[i] === ':') {
      // If `string` is an attribute name, filter out `xmlns:...` cases
      // which aren't really attributes but rather xmlns schema URIs.
      if (isAttributeName && i === 5 && string.slice(0, 5) === 'xmlns') ; else {
        return string.slice(i + 1);
      }
    }
    i++;
  }
  return string;
}

function _typeof$7(o) { "@babel/helpers - typeof"; return _typeof$7 = "function" == typeof Symbol && "symbol" == typeof Symbol.iterator ? function (o) { return typeof o; } : function (o) { return o && "function" == typeof Symbol && o.constructor === Symbol && o !== Symbol.prototype ? "symbol" : typeof o; }, _typeof$7(o); }
function _createClass$4(Constructor, protoProps, staticProps) { Object.defineProperty(Constructor, "prototype", { writable: false }); return Constructor; }
function _classCallCheck$4(instance, Constructor) { if (!(instance instanceof Constructor)) { throw new TypeError("Cannot call a class as a function"); } }
function _inherits$4(subClass, superClass) { if (typeof superClass !== "function" && superClass !== null) { throw new TypeError("Super expression must either be null or a function"); } subClass.prototype = Object.create(superClass && superClass.prototype, { constructor: { value: subClass, writable: true, configurable: true } }); Object.defineProperty(subClass, "prototype", { writable: false }); if (superClass) _setPrototypeOf$4(subClass, superClass); }
function _createSuper$4(Derived) { var hasNativeReflectConstruct = _isNativeReflectConstruct$4(); return function _createSuperInternal() { var Super = _getPrototypeOf$4(Derived), result; if (hasNativeReflectConstruct) { var NewTarget = _getPrototypeOf$4(this).constructor; result = Reflect.construct(Super, arguments, NewTarget); } else { result = Super.apply(this, arguments); } return _possibleConstructorReturn$4(this, result); }; }
function _possibleConstructorReturn$4(self, call) { if (call && (_typeof$7(call) === "object" || typeof call === "function")) { return call; } else if (call !== void 0) { throw new TypeError("Derived constructors may only return object or undefined"); } return _assertThisInitialized$4(self); }
function _assertThisInitialized$4(self) { if (self === void 0) { throw new ReferenceError("this hasn't been initialised - super() hasn't been called"); } return self; }
function _wrapNativeSuper$3(Class) { var _cache = typeof Map === "function" ? new Map() : undefined; _wrapNativeSuper$3 = function _wrapNativeSuper(Class) { if (Class === null || !_isNativeFunction$3(Class)) return Class; if (typeof Class !== "function") { throw new TypeError("Super expression must either be null or a function"); } if (typeof _cache !== "undefined") { if (_cache.has(Class)) return _cache.get(Class); _cache.set(Class, Wrapper); } function Wrapper() { return _construct$3(Class, arguments, _getPrototypeOf$4(this).constructor); } Wrapper.prototype = Object.create(Class.prototype, { constructor: { value: Wrapper, enumerable: false, writable: true, configurable: true } }); return _setPrototypeOf$4(Wrapper, Class); }; return _wrapNativeSuper$3(Class); }
function _construct$3(Parent, args, Class) { if (_isNativeReflectConstruct$4()) { _construct$3 = Reflect.construct.bind(); } else { _construct$3 = function _construct(Parent, args, Class) { var a = [null]; a.push.apply(a, args); var Constructor = Function.bind.apply(Parent, a); var instance = new Constructor(); if (Class) _setPrototypeOf$4(instance, Class.prototype); return instance; }; } return _construct$3.apply(null, arguments); }
function _isNativeReflectConstruct$4() { if (typeof Reflect === "undefined" || !Reflect.construct) return false; if (Reflect.construct.sham) return false; if (typeof Proxy === "function") return true; try { Boolean.prototype.valueOf.call(Reflect.construct(Boolean, [], function () {})); return true; } catch (e) { return false; } }
function _isNativeFunction$3(fn) { return Function.toString.call(fn).indexOf("[native code]") !== -1; }
function _setPrototypeOf$4(o, p) { _setPrototypeOf$4 = Object.setPrototypeOf ? Object.setPrototypeOf.bind() : function _setPrototypeOf(o, p) { o.__proto__ = p; return o; }; return _setPrototypeOf$4(o, p); }
function _getPrototypeOf$4(o) { _getPrototypeOf$4 = Object.setPrototypeOf ? Object.getPrototypeOf.bind() : function _getPrototypeOf(o) { return o.__proto__ || Object.getPrototypeOf(o); }; return _getPrototypeOf$4(o); }
var InvalidSpreadsheetError = /*#__PURE__*/function (_Error) {
  _inherits$4(InvalidSpreadsheetError, _Error);
  var _super = _createSuper$4(InvalidSpreadsheetError);
  function InvalidSpreadsheetError(message) {
    var _this;
    _classCallCheck$4(this, InvalidSpreadsheetError);
    _this = _super.call(this, message);

    // Set `name` property.
    //
    // This error could be detected either by `instanceof InvalidInputError`
    // or by comparing its `name` property value to "InvalidInputError".
    // Why use the `name` comparison when `instanceof` operator is available?
    // Google AI tells that it does make sense in the cases when an error is
    // "serialized" and then "deserialized" in a "distributed" environment such as
    // throwing an error in a worker thread and then handling it in a main thread,
    // or when throwing it in one "microservice" and then catching it in another one,
    // or just logging as in `sentry.io`. And in those cases, `error.constructor.name`
    // isn't always available for same reason of "serializing" and then "deserializing".
    //
    // For example, even if `InvalidInputError` is a named export of this package,
    // when later bunding the application code with a bundler it will still be minified and renamed.
    // That's when the `name` property could be used to find out the actual type of the error
    // in case it gets thrown and reported to a remote system like `sentry.io`.
    //
    // By the way, core Node.js errors themselves have a `name` property.
    //
    _this.name = 'InvalidSpreadsheetError';
    return _this;
  }
  return _createClass$4(InvalidSpreadsheetError);
}( /*#__PURE__*/_wrapNativeSuper$3(Error));

/**
 * Parses XML markup by calling the supplied callback functions.
 * @param {string} xml
 * @param {any} state — The initial `state`. This `state` will supposedly be modified by the callback functions as the XML is being parsed.
 * @param {function} [onOpenTag]
 * @param {function} [onCloseTag]
 * @param {function} [onText]
 * @param {function} [onProgress] — If defined, will be called every time it finishes parsing yet another chunk of XML.
 * @returns {Promise<void>} Returns a `Promise` that resolves to nothing. Inspect the passed `state` argument for changes.
 */
function parseXml(xml, state, onOpenTag, onCloseTag, onText, onProgress) {
  var parser = parseXmlStream(state, onOpenTag, onCloseTag, onText);
  if (onProgress) {
    parseXmlInChunks(parser, xml, onProgress);
  } else {
    // Parse XML "all at once"
    parser.write(xml);
    parser.end();
  }
  return parser.promise.then(function (result) {
    return result;
  }, function (error) {
    // If the error is not re-thrown here, the parser will simply keep parsing,
    // i.e. it doesn't halt after encountering an error and doesn't require manual resuming.
    // So it must re-throw the error here in order for the parser to stop.
    // Because the error is thrown inside a `new Promise()` constructor,
    // the promise will reject automatically.
    var spreadsheetError = new InvalidSpreadsheetError(error.message);
    spreadsheetError.stack = error.stack;
    spreadsheetError.cause = error;
    throw spreadsheetError;
  });

  // This function is placed here inside the wrapper function body
  // in order to not to hav `worker-f`
  /**
   * Parses XML in chunks.
   * @param {object} parser — An object returned from `parseXmlStream()` function.
   * @param {string} xml
   * @param {function} [onProgress] — Will be called after yet another chunk of XML has been parsed.
   * @param {boolean} [nonBlocking] — If `true` is passed then it won't block the current thread while parsing. Otherwise, it will block the current thread until all the XML is parsed.
   */
  function parseXmlInChunks(parser, xml, onProgress, nonBlocking) {
    var MAX_CHUNK_PROCESSING_TIME = 7; // 16 ms — 60 fps, 7 ms — 144 fps
    var INITIAL_CHUNK_SIZE = 64 * 1024; // 64 KB
    var chunkSize = INITIAL_CHUNK_SIZE;

    /**
     * Parses next chunk of XML.
     * @returns {boolean} Returns `true` if there're more chunks to write.
     */
    var parseNextChunk = function parseNextChunk() {
      var startedAt = Date.now();
      if (xml.length > chunkSize) {
        parser.write(xml.slice(0, chunkSize));
        if (onProgress) {
          onProgress(false);
        }
        xml = xml.slice(chunkSize);
        var chunkProcessingTime = Date.now() - startedAt;
        if (chunkProcessingTime < MAX_CHUNK_PROCESSING_TIME * 0.5) {
          chunkSize *= 2;
        } else if (chunkProcessingTime > MAX_CHUNK_PROCESSING_TIME) {
          chunkSize /= 2;
        }
        return true;
      } else {
        parser.write(xml);
        parser.end();
        if (onProgress) {
          onProgress(true);
        }
        return false;
      }
    };

    /**
     * Parses next chunk of XML and then repeats.
     */
    var loop = function loop() {
      if (parseNextChunk()) {
        {
          loop();
        }
      }
    };
    loop();
  }
}

class ZipFileError extends Error {
  constructor(code, message) {
    super(message || code);
    this.code = code;
  }
}

function createZipFileError(error) {
  const zipFileError = new ZipFileError(error.code, error.message);
  // Keep original stack if it exists
  if (error.stack) {
    zipFileError.stack = error.stack;
  }
  // Clean up stack trace a bit in Node.js/V8 environments
  Error.captureStackTrace(zipFileError, createZipFileError);
  // `Error.prototype.cause` property indicates the specific, original reason
  // a given error occurred. Standardized in ES2022, it allows you to chain errors
  // by catching a low-level exception and re-throwing a meaningful, high-level error
  // without wiping out the diagnostic context or stack trace of the original failure.
  //
  // Adding a `.cause` property mimics modern error chaining for environments that support it
  // while remaining completely harmless in older systems.
  //
  zipFileError.cause = error;
  // Return the error.
  return zipFileError;
}

// It's not clear why did they extract a string into a variable.
const FUNCTION_STRING = 'function';

const PullStreamConstructor = function() {
  this.buffer = Buffer.from('');

  const self = this;
  self.on('finish', function() {
    self.finished = true;
    self.emit('chunk', false);
  });
};

const _write = function(chunk, e, cb) {
  this.buffer = Buffer.concat([this.buffer, chunk]);
  this.cb = cb;
  this.emit('chunk');
};

// The `eof` parameter is interpreted as `file_length` if the type is number
// otherwise (i.e. buffer) it is interpreted as a pattern signaling end of stream
const stream = function(eof, includeEof) {
  const p = new PassThrough();
  let done;
  const self = this;

  function cb() {
    if (typeof self.cb === FUNCTION_STRING) {
      const callback = self.cb;
      self.cb = undefined;
      return callback();
    }
  }

  function pull() {
    let packet;
    if (self.buffer && self.buffer.length) {
      if (typeof eof === 'number') {
        packet = self.buffer.slice(0, eof);
        self.buffer = self.buffer.slice(eof);
        eof -= packet.length;
        done = done || !eof;
      } else {
        let match = self.buffer.indexOf(eof);
        if (match !== -1) {
          // store signature match byte offset to allow us to reference
          // this for zip64 offset
          self.match = match;
          if (includeEof) match = match + eof.length;
          packet = self.buffer.slice(0, match);
          self.buffer = self.buffer.slice(match);
          done = true;
        } else {
          const len = self.buffer.length - eof.length;
          if (len <= 0) {
            cb();
          } else {
            packet = self.buffer.slice(0, len);
            self.buffer = self.buffer.slice(len);
          }
        }
      }
      if (packet) p.write(packet, function() {
        if (self.buffer.length === 0 || (eof.length && self.buffer.length <= eof.length)) cb();
      });
    }

    if (!done) {
      if (self.finished) {
        self.removeListener('chunk', pull);
        self.emit('error', new ZipFileError('FILE_ENDED'));
        return;
      }

    } else {
      self.removeListener('chunk', pull);
      p.end();
    }
  }

  self.on('chunk', pull);
  pull();
  return p;
};

const pull = function(eof, includeEof) {
  if (eof === 0) return Promise.resolve('');

  // If we already have the required data in buffer
  // we can resolve the request immediately
  if (!isNaN(eof) && this.buffer.length > eof) {
    const data = this.buffer.slice(0, eof);
    this.buffer = this.buffer.slice(eof);
    return Promise.resolve(data);
  }

  // Otherwise we stream until we have it
  let buffer = Buffer.from('');
  const self = this;

  const concatStream = new Transform({
    transform
  });

  function transform (d, e, cb) {
    buffer = Buffer.concat([buffer, d]);
    cb();
  }

  let rejectHandler;
  let pullStreamRejectHandler;
  return new Promise(function(resolve, reject) {
    rejectHandler = reject;
    pullStreamRejectHandler = function(e) {
      self.__emittedError = e;
      reject(e);
    };
    if (self.finished)
      return reject(new ZipFileError('FILE_ENDED'));
    self.once('error', pullStreamRejectHandler); // reject any errors from pullstream itself
    self.stream(eof, includeEof)
      .on('error', reject)
      .pipe(concatStream)
      .on('finish', function() {resolve(buffer);})
      .on('error', reject);
  })
    .finally(function() {
      self.removeListener('error', rejectHandler);
      self.removeListener('error', pullStreamRejectHandler);
    });
};

class PullStream extends Duplex {
  constructor() {
    super({ decodeStrings: false, objectMode: true });
    PullStreamConstructor.call(this);
  }

  _write(chunk, e, cb) {
    return _write.call(this, chunk, e, cb);
  };

  // The `eof` parameter is interpreted as `file_length` if the type is number
  // otherwise (i.e. buffer) it is interpreted as a pattern signaling end of stream
  stream(eof, includeEof) {
    return stream.call(this, eof, includeEof);
  };

  pull(eof, includeEof) {
    return pull.call(this, eof, includeEof);
  };

  _read() {};
}

class NoopStream extends Transform {
  _transform(d, e, cb) { cb() ;};
}

/**
 * Reads an entry as a `Buffer`.
 * @param {*} entry
 * @returns {Promise<Buffer>}
 */
function readAsBuffer(entry) {
  return new Promise(function(resolve, reject) {
    const chunks = [];

    const bufferStream = new Transform({
      transform
    })
      .on('finish', function() {
        resolve(Buffer.concat(chunks));
      })
      .on('error', reject);

    function transform(d, e, cb) {
      chunks.push(d);
      cb();
    }
    entry.on('error', reject)
      .pipe(bufferStream);
  });
}

function parseUIntLE(buffer, offset, size) {
  let result;
  switch(size) {
    case 1:
      result = buffer.readUInt8(offset);
      break;
    case 2:
      result = buffer.readUInt16LE(offset);
      break;
    case 4:
      result = buffer.readUInt32LE(offset);
      break;
    case 8:
      result = Number(buffer.readBigUInt64LE(offset));
      break;
    default:
      throw new Error('Unsupported UInt LE size!');
  }
  return result;
}

/**
 * Parses sequential unsigned little endian numbers from the head of the passed buffer according to
 * the specified format passed.  If the buffer is not large enough to satisfy the full format,
 * null values will be assigned to the remaining keys.
 * @param {*} buffer The buffer to sequentially extract numbers from.
 * @param {*} format Expected format to follow when extrcting values from the buffer.  A list of list entries
 * with the following structure:
 * [
 *   [
 *     <key>,  // Name of the key to assign the extracted number to.
 *     <size>  // The size in bytes of the number to extract. possible values are 1, 2, 4, 8.
 *   ],
 *   ...
 * ]
 * @returns An object with keys set to their associated extracted values.
 */
function parse(buffer, format) {
  const result = {};
  let offset = 0;
  for(const [key, size] of format) {
    if(buffer.length >= offset + size) {
      result[key] = parseUIntLE(buffer, offset, size);
    }
    else {
      result[key] = null;
    }
    offset += size;
  }
  return result;
}

function parseExtraField(extraField, vars) {
  let extra;
  // Find the ZIP64 header, if present.
  while(!extra && extraField && extraField.length) {
    const candidateExtra = parse(extraField, [
      ['signature', 2],
      ['partSize', 2],
    ]);

    if(candidateExtra.signature === 0x0001) {
      // parse buffer based on data in ZIP64 central directory; order is important!
      const fieldsToExpect = [];
      if (vars.uncompressedSize === 0xffffffff) fieldsToExpect.push(['uncompressedSize', 8]);
      if (vars.compressedSize === 0xffffffff) fieldsToExpect.push(['compressedSize', 8]);
      if (vars.offsetToLocalFileHeader === 0xffffffff) fieldsToExpect.push(['offsetToLocalFileHeader', 8]);

      // slice off the 4 bytes for signature and partSize
      extra = parse(extraField.slice(4), fieldsToExpect);
    } else {
      // Advance the buffer to the next part.
      // The total size of this part is the 4 byte header + partsize.
      extraField = extraField.slice(candidateExtra.partSize + 4);
    }
  }

  extra = extra || {};

  if (vars.compressedSize === 0xffffffff)
    vars.compressedSize = extra.compressedSize;

  if (vars.uncompressedSize === 0xffffffff)
    vars.uncompressedSize= extra.uncompressedSize;

  if (vars.offsetToLocalFileHeader === 0xffffffff)
    vars.offsetToLocalFileHeader = extra.offsetToLocalFileHeader;

  return extra;
}

// Dates in zip file entries are stored as DosDateTime
// Spec is here: https://docs.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-dosdatetimetofiletime

function parseDateTime(date, time) {
  const day = date & 0x1F;
  const month = date >> 5 & 0x0F;
  const year = (date >> 9 & 0x7F) + 1980;
  const seconds = time ? (time & 0x1F) * 2 : 0;
  const minutes = time ? (time >> 5) & 0x3F : 0;
  const hours = time ? (time >> 11): 0;

  return new Date(Date.UTC(year, month-1, day, hours, minutes, seconds));
}

const endDirectorySignature = Buffer.alloc(4);
endDirectorySignature.writeUInt32LE(0x06054b50, 0);

function Parse(opts) {
  return new Parser(opts);
}

const ParserConstructor = function(opts) {
  this._opts = opts;
  const self = this;
  self.on('finish', function() {
    self.emit('end');
    self.emit('close');
  });
  self._readRecord().catch(function(e) {
    if (!self.__emittedError || self.__emittedError !== e)
      self.emit('error', e);
  });
};

const _readRecord = function () {
  const self = this;

  return self.pull(4).then(function(data) {
    if (data.length === 0)
      return;

    const signature = data.readUInt32LE(0);

    if (signature === 0x34327243) {
      return self._readCrxHeader();
    }
    if (signature === 0x04034b50) {
      return self._readFile();
    }
    else if (signature === 0x02014b50) {
      self.reachedCD = true;
      return self._readCentralDirectoryFileHeader();
    }
    else if (signature === 0x06054b50) {
      return self._readEndOfCentralDirectoryRecord();
    }
    else if (self.reachedCD) {
      // _readEndOfCentralDirectoryRecord expects the EOCD
      // signature to be consumed so set includeEof=true
      const includeEof = true;
      return self.pull(endDirectorySignature, includeEof).then(function() {
        return self._readEndOfCentralDirectoryRecord();
      });
    }
    else
      self.emit('error', new ZipFileError('INVALID_SIGNATURE', 'invalid signature: 0x' + signature.toString(16)));
  }).then((function(loop) {
    if(loop) {
      return self._readRecord();
    }
  }));
};

const _readCrxHeader = function() {
  const self = this;
  return self.pull(12).then(function(data) {
    self.crxHeader = parse(data, [
      ['version', 4],
      ['pubKeyLength', 4],
      ['signatureLength', 4],
    ]);
    return self.pull(self.crxHeader.pubKeyLength + self.crxHeader.signatureLength);
  }).then(function(data) {
    self.crxHeader.publicKey = data.slice(0, self.crxHeader.pubKeyLength);
    self.crxHeader.signature = data.slice(self.crxHeader.pubKeyLength);
    self.emit('crx-header', self.crxHeader);
    return true;
  });
};

const _readFile = function () {
  const self = this;
  return self.pull(26).then(function(data) {
    const vars = parse(data, [
      ['versionsNeededToExtract', 2],
      ['flags', 2],
      ['compressionMethod', 2],
      ['lastModifiedTime', 2],
      ['lastModifiedDate', 2],
      ['crc32', 4],
      ['compressedSize', 4],
      ['uncompressedSize', 4],
      ['fileNameLength', 2],
      ['extraFieldLength', 2],
    ]);

    vars.lastModifiedDateTime = parseDateTime(vars.lastModifiedDate, vars.lastModifiedTime);

    if (self.crxHeader) vars.crxHeader = self.crxHeader;

    return self.pull(vars.fileNameLength).then(function(fileNameBuffer) {
      const fileName = fileNameBuffer.toString('utf8');
      const entry = new PassThrough();
      let __autodraining = false;

      entry.autodrain = function() {
        __autodraining = true;
        const draining = entry.pipe(new NoopStream());
        draining.promise = function() {
          return new Promise(function(resolve, reject) {
            draining.on('finish', resolve);
            draining.on('error', reject);
          });
        };
        return draining;
      };

      entry.buffer = function() {
        return readAsBuffer(entry);
      };

      entry.path = fileName;
      entry.props = {};
      entry.props.path = fileName;
      entry.props.pathBuffer = fileNameBuffer;
      entry.props.flags = {
        "isUnicode": (vars.flags & 0x800) != 0
      };
      entry.type = (vars.uncompressedSize === 0 && /[/\\]$/.test(fileName)) ? 'Directory' : 'File';

      if (self._opts.verbose) {
        if (entry.type === 'Directory') {
          console.log('   creating:', fileName);
        } else if (entry.type === 'File') {
          if (vars.compressionMethod === 0) {
            console.log(' extracting:', fileName);
          } else {
            console.log('  inflating:', fileName);
          }
        }
      }

      return self.pull(vars.extraFieldLength).then(function(extraField) {
        const extra = parseExtraField(extraField, vars);

        entry.vars = vars;
        entry.extra = extra;

        if (self._opts.forceStream) {
          self.push(entry);
        } else {
          self.emit('entry', entry);

          if (self._readableState.pipesCount || (self._readableState.pipes && self._readableState.pipes.length))
            self.push(entry);
        }

        if (self._opts.verbose)
          console.log({
            filename:fileName,
            vars: vars,
            extra: extra
          });

        const fileSizeKnown = !(vars.flags & 0x08) || vars.compressedSize > 0;
        let eof;

        entry.__autodraining = __autodraining; // expose __autodraining for test purposes
        const inflater = (vars.compressionMethod && !__autodraining) ? zlib.createInflateRaw() : PassThrough();

        if (fileSizeKnown) {
          entry.size = vars.uncompressedSize;
          eof = vars.compressedSize;
        } else {
          eof = Buffer.alloc(4);
          eof.writeUInt32LE(0x08074b50, 0);
        }

        return new Promise(function(resolve, reject) {
          pipeline(
            self.stream(eof),
            inflater,
            entry,
            function (err) {
              if (err) {
                // "Z_DATA_ERROR" occurs when the `zlib` module attempts to decompress data
                // that is corrupt, truncated, or formatted with an unexpected compression header.
                if (err.code === 'Z_DATA_ERROR') {
                  err = createZipFileError(err);
                }
                return reject(err);
              }

              return fileSizeKnown ? resolve(fileSizeKnown) : self._processDataDescriptor(entry).then(resolve).catch(reject);
            }
          );
        });
      });
    });
  });
};

const _processDataDescriptor = function (entry) {
  const self = this;
  return self.pull(16).then(function(data) {
    const vars = parse(data, [
      ['dataDescriptorSignature', 4],
      ['crc32', 4],
      ['compressedSize', 4],
      ['uncompressedSize', 4],
    ]);

    entry.size = vars.uncompressedSize;
    return true;
  });
};

const _readCentralDirectoryFileHeader = function () {
  const self = this;
  return self.pull(42).then(function(data) {
    const vars = parse(data, [
      ['versionMadeBy', 2],
      ['versionsNeededToExtract', 2],
      ['flags', 2],
      ['compressionMethod', 2],
      ['lastModifiedTime', 2],
      ['lastModifiedDate', 2],
      ['crc32', 4],
      ['compressedSize', 4],
      ['uncompressedSize', 4],
      ['fileNameLength', 2],
      ['extraFieldLength', 2],
      ['fileCommentLength', 2],
      ['diskNumber', 2],
      ['internalFileAttributes', 2],
      ['externalFileAttributes', 4],
      ['offsetToLocalFileHeader', 4],
    ]);

    return self.pull(vars.fileNameLength).then(function(fileName) {
      vars.fileName = fileName.toString('utf8');
      return self.pull(vars.extraFieldLength);
    })
      .then(function() {
        return self.pull(vars.fileCommentLength);
      })
      .then(function() {
        return true;
      });
  });
};

const _readEndOfCentralDirectoryRecord = function() {
  const self = this;
  return self.pull(18).then(function(data) {

    const vars = parse(data, [
      ['diskNumber', 2],
      ['diskStart', 2],
      ['numberOfRecordsOnDisk', 2],
      ['numberOfRecords', 2],
      ['sizeOfCentralDirectory', 4],
      ['offsetToStartOfCentralDirectory', 4],
      ['commentLength', 2],
    ]);

    return self.pull(vars.commentLength).then(function() {
      self.end();
      self.push(null);
    });

  });
};

const promise = function() {
  const self = this;
  return new Promise(function(resolve, reject) {
    self.on('finish', resolve);
    self.on('error', reject);
  });
};

class Parser extends PullStream {
  constructor(opts = { verbose: false }) {
    super(opts);
    ParserConstructor.call(this, opts);
  }

  _readRecord() {
    return _readRecord.call(this);
  };

  _readCrxHeader() {
    return _readCrxHeader.call(this);
  };

  _readFile() {
    return _readFile.call(this);
  };

  _processDataDescriptor(entry) {
    return _processDataDescriptor.call(this, entry);
  };

  _readCentralDirectoryFileHeader() {
    return _readCentralDirectoryFileHeader.call(this);
  };

  _readEndOfCentralDirectoryRecord() {
    return _readEndOfCentralDirectoryRecord.call(this);
  };

  promise() {
    return promise.call(this);
  };
}

var polyfills;
var hasRequiredPolyfills;

function requirePolyfills () {
	if (hasRequiredPolyfills) return polyfills;
	hasRequiredPolyfills = 1;
	var constants = require$$1;

	var origCwd = process.cwd;
	var cwd = null;

	var platform = process.env.GRACEFUL_FS_PLATFORM || process.platform;

	process.cwd = function() {
	  if (!cwd)
	    cwd = origCwd.call(process);
	  return cwd
	};
	try {
	  process.cwd();
	} catch (er) {}

	// This check is needed until node.js 12 is required
	if (typeof process.chdir === 'function') {
	  var chdir = process.chdir;
	  process.chdir = function (d) {
	    cwd = null;
	    chdir.call(process, d);
	  };
	  if (Object.setPrototypeOf) Object.setPrototypeOf(process.chdir, chdir);
	}

	polyfills = patch;

	function patch (fs) {
	  // (re-)implement some things that are known busted or missing.

	  // lchmod, broken prior to 0.6.2
	  // back-port the fix here.
	  if (constants.hasOwnProperty('O_SYMLINK') &&
	      process.version.match(/^v0\.6\.[0-2]|^v0\.5\./)) {
	    patchLchmod(fs);
	  }

	  // lutimes implementation, or no-op
	  if (!fs.lutimes) {
	    patchLutimes(fs);
	  }

	  // https://github.com/isaacs/node-graceful-fs/issues/4
	  // Chown should not fail on einval or eperm if non-root.
	  // It should not fail on enosys ever, as this just indicates
	  // that a fs doesn't support the intended operation.

	  fs.chown = chownFix(fs.chown);
	  fs.fchown = chownFix(fs.fchown);
	  fs.lchown = chownFix(fs.lchown);

	  fs.chmod = chmodFix(fs.chmod);
	  fs.fchmod = chmodFix(fs.fchmod);
	  fs.lchmod = chmodFix(fs.lchmod);

	  fs.chownSync = chownFixSync(fs.chownSync);
	  fs.fchownSync = chownFixSync(fs.fchownSync);
	  fs.lchownSync = chownFixSync(fs.lchownSync);

	  fs.chmodSync = chmodFixSync(fs.chmodSync);
	  fs.fchmodSync = chmodFixSync(fs.fchmodSync);
	  fs.lchmodSync = chmodFixSync(fs.lchmodSync);

	  fs.stat = statFix(fs.stat);
	  fs.fstat = statFix(fs.fstat);
	  fs.lstat = statFix(fs.lstat);

	  fs.statSync = statFixSync(fs.statSync);
	  fs.fstatSync = statFixSync(fs.fstatSync);
	  fs.lstatSync = statFixSync(fs.lstatSync);

	  // if lchmod/lchown do not exist, then make them no-ops
	  if (fs.chmod && !fs.lchmod) {
	    fs.lchmod = function (path, mode, cb) {
	      if (cb) process.nextTick(cb);
	    };
	    fs.lchmodSync = function () {};
	  }
	  if (fs.chown && !fs.lchown) {
	    fs.lchown = function (path, uid, gid, cb) {
	      if (cb) process.nextTick(cb);
	    };
	    fs.lchownSync = function () {};
	  }

	  // on Windows, A/V software can lock the directory, causing this
	  // to fail with an EACCES or EPERM if the directory contains newly
	  // created files.  Try again on failure, for up to 60 seconds.

	  // Set the timeout this long because some Windows Anti-Virus, such as Parity
	  // bit9, may lock files for up to a minute, causing npm package install
	  // failures. Also, take care to yield the scheduler. Windows scheduling gives
	  // CPU to a busy looping process, which can cause the program causing the lock
	  // contention to be starved of CPU by node, so the contention doesn't resolve.
	  if (platform === "win32") {
	    fs.rename = typeof fs.rename !== 'function' ? fs.rename
	    : (function (fs$rename) {
	      function rename (from, to, cb) {
	        var start = Date.now();
	        var backoff = 0;
	        fs$rename(from, to, function CB (er) {
	          if (er
	              && (er.code === "EACCES" || er.code === "EPERM" || er.code === "EBUSY")
	              && Date.now() - start < 60000) {
	            setTimeout(function() {
	              fs.stat(to, function (stater, st) {
	                if (stater && stater.code === "ENOENT")
	                  fs$rename(from, to, CB);
	                else
	                  cb(er);
	              });
	            }, backoff);
	            if (backoff < 100)
	              backoff += 10;
	            return;
	          }
	          if (cb) cb(er);
	        });
	      }
	      if (Object.setPrototypeOf) Object.setPrototypeOf(rename, fs$rename);
	      return rename
	    })(fs.rename);
	  }

	  // if read() returns EAGAIN, then just try it again.
	  fs.read = typeof fs.read !== 'function' ? fs.read
	  : (function (fs$read) {
	    function read (fd, buffer, offset, length, position, callback_) {
	      var callback;
	      if (callback_ && typeof callback_ === 'function') {
	        var eagCounter = 0;
	        callback = function (er, _, __) {
	          if (er && er.code === 'EAGAIN' && eagCounter < 10) {
	            eagCounter ++;
	            return fs$read.call(fs, fd, buffer, offset, length, position, callback)
	          }
	          callback_.apply(this, arguments);
	        };
	      }
	      return fs$read.call(fs, fd, buffer, offset, length, position, callback)
	    }

	    // This ensures `util.promisify` works as it does for native `fs.read`.
	    if (Object.setPrototypeOf) Object.setPrototypeOf(read, fs$read);
	    return read
	  })(fs.read);

	  fs.readSync = typeof fs.readSync !== 'function' ? fs.readSync
	  : (function (fs$readSync) { return function (fd, buffer, offset, length, position) {
	    var eagCounter = 0;
	    while (true) {
	      try {
	        return fs$readSync.call(fs, fd, buffer, offset, length, position)
	      } catch (er) {
	        if (er.code === 'EAGAIN' && eagCounter < 10) {
	          eagCounter ++;
	          continue
	        }
	        throw er
	      }
	    }
	  }})(fs.readSync);

	  function patchLchmod (fs) {
	    fs.lchmod = function (path, mode, callback) {
	      fs.open( path
	             , constants.O_WRONLY | constants.O_SYMLINK
	             , mode
	             , function (err, fd) {
	        if (err) {
	          if (callback) callback(err);
	          return
	        }
	        // prefer to return the chmod error, if one occurs,
	        // but still try to close, and report closing errors if they occur.
	        fs.fchmod(fd, mode, function (err) {
	          fs.close(fd, function(err2) {
	            if (callback) callback(err || err2);
	          });
	        });
	      });
	    };

	    fs.lchmodSync = function (path, mode) {
	      var fd = fs.openSync(path, constants.O_WRONLY | constants.O_SYMLINK, mode);

	      // prefer to return the chmod error, if one occurs,
	      // but still try to close, and report closing errors if they occur.
	      var threw = true;
	      var ret;
	      try {
	        ret = fs.fchmodSync(fd, mode);
	        threw = false;
	      } finally {
	        if (threw) {
	          try {
	            fs.closeSync(fd);
	          } catch (er) {}
	        } else {
	          fs.closeSync(fd);
	        }
	      }
	      return ret
	    };
	  }

	  function patchLutimes (fs) {
	    if (constants.hasOwnProperty("O_SYMLINK") && fs.futimes) {
	      fs.lutimes = function (path, at, mt, cb) {
	        fs.open(path, constants.O_SYMLINK, function (er, fd) {
	          if (er) {
	            if (cb) cb(er);
	            return
	          }
	          fs.futimes(fd, at, mt, function (er) {
	            fs.close(fd, function (er2) {
	              if (cb) cb(er || er2);
	            });
	          });
	        });
	      };

	      fs.lutimesSync = function (path, at, mt) {
	        var fd = fs.openSync(path, constants.O_SYMLINK);
	        var ret;
	        var threw = true;
	        try {
	          ret = fs.futimesSync(fd, at, mt);
	          threw = false;
	        } finally {
	          if (threw) {
	            try {
	              fs.closeSync(fd);
	            } catch (er) {}
	          } else {
	            fs.closeSync(fd);
	          }
	        }
	        return ret
	      };

	    } else if (fs.futimes) {
	      fs.lutimes = function (_a, _b, _c, cb) { if (cb) process.nextTick(cb); };
	      fs.lutimesSync = function () {};
	    }
	  }

	  function chmodFix (orig) {
	    if (!orig) return orig
	    return function (target, mode, cb) {
	      return orig.call(fs, target, mode, function (er) {
	        if (chownErOk(er)) er = null;
	        if (cb) cb.apply(this, arguments);
	      })
	    }
	  }

	  function chmodFixSync (orig) {
	    if (!orig) return orig
	    return function (target, mode) {
	      try {
	        return orig.call(fs, target, mode)
	      } catch (er) {
	        if (!chownErOk(er)) throw er
	      }
	    }
	  }


	  function chownFix (orig) {
	    if (!orig) return orig
	    return function (target, uid, gid, cb) {
	      return orig.call(fs, target, uid, gid, function (er) {
	        if (chownErOk(er)) er = null;
	        if (cb) cb.apply(this, arguments);
	      })
	    }
	  }

	  function chownFixSync (orig) {
	    if (!orig) return orig
	    return function (target, uid, gid) {
	      try {
	        return orig.call(fs, target, uid, gid)
	      } catch (er) {
	        if (!chownErOk(er)) throw er
	      }
	    }
	  }

	  function statFix (orig) {
	    if (!orig) return orig
	    // Older versions of Node erroneously returned signed integers for
	    // uid + gid.
	    return function (target, options, cb) {
	      if (typeof options === 'function') {
	        cb = options;
	        options = null;
	      }
	      function callback (er, stats) {
	        if (stats) {
	          if (stats.uid < 0) stats.uid += 0x100000000;
	          if (stats.gid < 0) stats.gid += 0x100000000;
	        }
	        if (cb) cb.apply(this, arguments);
	      }
	      return options ? orig.call(fs, target, options, callback)
	        : orig.call(fs, target, callback)
	    }
	  }

	  function statFixSync (orig) {
	    if (!orig) return orig
	    // Older versions of Node erroneously returned signed integers for
	    // uid + gid.
	    return function (target, options) {
	      var stats = options ? orig.call(fs, target, options)
	        : orig.call(fs, target);
	      if (stats) {
	        if (stats.uid < 0) stats.uid += 0x100000000;
	        if (stats.gid < 0) stats.gid += 0x100000000;
	      }
	      return stats;
	    }
	  }

	  // ENOSYS means that the fs doesn't support the op. Just ignore
	  // that, because it doesn't matter.
	  //
	  // if there's no getuid, or if getuid() is something other
	  // than 0, and the error is EINVAL or EPERM, then just ignore
	  // it.
	  //
	  // This specific case is a silent failure in cp, install, tar,
	  // and most other unix tools that manage permissions.
	  //
	  // When running as root, or if other types of errors are
	  // encountered, then it's strict.
	  function chownErOk (er) {
	    if (!er)
	      return true

	    if (er.code === "ENOSYS")
	      return true

	    var nonroot = !process.getuid || process.getuid() !== 0;
	    if (nonroot) {
	      if (er.code === "EINVAL" || er.code === "EPERM")
	        return true
	    }

	    return false
	  }
	}
	return polyfills;
}

var legacyStreams;
var hasRequiredLegacyStreams;

function requireLegacyStreams () {
	if (hasRequiredLegacyStreams) return legacyStreams;
	hasRequiredLegacyStreams = 1;
	var Stream = require$$3.Stream;

	legacyStreams = legacy;

	function legacy (fs) {
	  return {
	    ReadStream: ReadStream,
	    WriteStream: WriteStream
	  }

	  function ReadStream (path, options) {
	    if (!(this instanceof ReadStream)) return new ReadStream(path, options);

	    Stream.call(this);

	    var self = this;

	    this.path = path;
	    this.fd = null;
	    this.readable = true;
	    this.paused = false;

	    this.flags = 'r';
	    this.mode = 438; /*=0666*/
	    this.bufferSize = 64 * 1024;

	    options = options || {};

	    // Mixin options into this
	    var keys = Object.keys(options);
	    for (var index = 0, length = keys.length; index < length; index++) {
	      var key = keys[index];
	      this[key] = options[key];
	    }

	    if (this.encoding) this.setEncoding(this.encoding);

	    if (this.start !== undefined) {
	      if ('number' !== typeof this.start) {
	        throw TypeError('start must be a Number');
	      }
	      if (this.end === undefined) {
	        this.end = Infinity;
	      } else if ('number' !== typeof this.end) {
	        throw TypeError('end must be a Number');
	      }

	      if (this.start > this.end) {
	        throw new Error('start must be <= end');
	      }

	      this.pos = this.start;
	    }

	    if (this.fd !== null) {
	      process.nextTick(function() {
	        self._read();
	      });
	      return;
	    }

	    fs.open(this.path, this.flags, this.mode, function (err, fd) {
	      if (err) {
	        self.emit('error', err);
	        self.readable = false;
	        return;
	      }

	      self.fd = fd;
	      self.emit('open', fd);
	      self._read();
	    });
	  }

	  function WriteStream (path, options) {
	    if (!(this instanceof WriteStream)) return new WriteStream(path, options);

	    Stream.call(this);

	    this.path = path;
	    this.fd = null;
	    this.writable = true;

	    this.flags = 'w';
	    this.encoding = 'binary';
	    this.mode = 438; /*=0666*/
	    this.bytesWritten = 0;

	    options = options || {};

	    // Mixin options into this
	    var keys = Object.keys(options);
	    for (var index = 0, length = keys.length; index < length; index++) {
	      var key = keys[index];
	      this[key] = options[key];
	    }

	    if (this.start !== undefined) {
	      if ('number' !== typeof this.start) {
	        throw TypeError('start must be a Number');
	      }
	      if (this.start < 0) {
	        throw new Error('start must be >= zero');
	      }

	      this.pos = this.start;
	    }

	    this.busy = false;
	    this._queue = [];

	    if (this.fd === null) {
	      this._open = fs.open;
	      this._queue.push([this._open, this.path, this.flags, this.mode, undefined]);
	      this.flush();
	    }
	  }
	}
	return legacyStreams;
}

var clone_1;
var hasRequiredClone;

function requireClone () {
	if (hasRequiredClone) return clone_1;
	hasRequiredClone = 1;

	clone_1 = clone;

	var getPrototypeOf = Object.getPrototypeOf || function (obj) {
	  return obj.__proto__
	};

	function clone (obj) {
	  if (obj === null || typeof obj !== 'object')
	    return obj

	  if (obj instanceof Object)
	    var copy = { __proto__: getPrototypeOf(obj) };
	  else
	    var copy = Object.create(null);

	  Object.getOwnPropertyNames(obj).forEach(function (key) {
	    Object.defineProperty(copy, key, Object.getOwnPropertyDescriptor(obj, key));
	  });

	  return copy
	}
	return clone_1;
}

var gracefulFs;
var hasRequiredGracefulFs;

function requireGracefulFs () {
	if (hasRequiredGracefulFs) return gracefulFs;
	hasRequiredGracefulFs = 1;
	var fs = require$$0;
	var polyfills = requirePolyfills();
	var legacy = requireLegacyStreams();
	var clone = requireClone();

	var util = require$$2;

	/* istanbul ignore next - node 0.x polyfill */
	var gracefulQueue;
	var previousSymbol;

	/* istanbul ignore else - node 0.x polyfill */
	if (typeof Symbol === 'function' && typeof Symbol.for === 'function') {
	  gracefulQueue = Symbol.for('graceful-fs.queue');
	  // This is used in testing by future versions
	  previousSymbol = Symbol.for('graceful-fs.previous');
	} else {
	  gracefulQueue = '___graceful-fs.queue';
	  previousSymbol = '___graceful-fs.previous';
	}

	function noop () {}

	function publishQueue(context, queue) {
	  Object.defineProperty(context, gracefulQueue, {
	    get: function() {
	      return queue
	    }
	  });
	}

	var debug = noop;
	if (util.debuglog)
	  debug = util.debuglog('gfs4');
	else if (/\bgfs4\b/i.test(process.env.NODE_DEBUG || ''))
	  debug = function() {
	    var m = util.format.apply(util, arguments);
	    m = 'GFS4: ' + m.split(/\n/).join('\nGFS4: ');
	    console.error(m);
	  };

	// Once time initialization
	if (!fs[gracefulQueue]) {
	  // This queue can be shared by multiple loaded instances
	  var queue = commonjsGlobal[gracefulQueue] || [];
	  publishQueue(fs, queue);

	  // Patch fs.close/closeSync to shared queue version, because we need
	  // to retry() whenever a close happens *anywhere* in the program.
	  // This is essential when multiple graceful-fs instances are
	  // in play at the same time.
	  fs.close = (function (fs$close) {
	    function close (fd, cb) {
	      return fs$close.call(fs, fd, function (err) {
	        // This function uses the graceful-fs shared queue
	        if (!err) {
	          resetQueue();
	        }

	        if (typeof cb === 'function')
	          cb.apply(this, arguments);
	      })
	    }

	    Object.defineProperty(close, previousSymbol, {
	      value: fs$close
	    });
	    return close
	  })(fs.close);

	  fs.closeSync = (function (fs$closeSync) {
	    function closeSync (fd) {
	      // This function uses the graceful-fs shared queue
	      fs$closeSync.apply(fs, arguments);
	      resetQueue();
	    }

	    Object.defineProperty(closeSync, previousSymbol, {
	      value: fs$closeSync
	    });
	    return closeSync
	  })(fs.closeSync);

	  if (/\bgfs4\b/i.test(process.env.NODE_DEBUG || '')) {
	    process.on('exit', function() {
	      debug(fs[gracefulQueue]);
	      require$$0$1.equal(fs[gracefulQueue].length, 0);
	    });
	  }
	}

	if (!commonjsGlobal[gracefulQueue]) {
	  publishQueue(commonjsGlobal, fs[gracefulQueue]);
	}

	gracefulFs = patch(clone(fs));
	if (process.env.TEST_GRACEFUL_FS_GLOBAL_PATCH && !fs.__patched) {
	    gracefulFs = patch(fs);
	    fs.__patched = true;
	}

	function patch (fs) {
	  // Everything that references the open() function needs to be in here
	  polyfills(fs);
	  fs.gracefulify = patch;

	  fs.createReadStream = createReadStream;
	  fs.createWriteStream = createWriteStream;
	  var fs$readFile = fs.readFile;
	  fs.readFile = readFile;
	  function readFile (path, options, cb) {
	    if (typeof options === 'function')
	      cb = options, options = null;

	    return go$readFile(path, options, cb)

	    function go$readFile (path, options, cb, startTime) {
	      return fs$readFile(path, options, function (err) {
	        if (err && (err.code === 'EMFILE' || err.code === 'ENFILE'))
	          enqueue([go$readFile, [path, options, cb], err, startTime || Date.now(), Date.now()]);
	        else {
	          if (typeof cb === 'function')
	            cb.apply(this, arguments);
	        }
	      })
	    }
	  }

	  var fs$writeFile = fs.writeFile;
	  fs.writeFile = writeFile;
	  function writeFile (path, data, options, cb) {
	    if (typeof options === 'function')
	      cb = options, options = null;

	    return go$writeFile(path, data, options, cb)

	    function go$writeFile (path, data, options, cb, startTime) {
	      return fs$writeFile(path, data, options, function (err) {
	        if (err && (err.code === 'EMFILE' || err.code === 'ENFILE'))
	          enqueue([go$writeFile, [path, data, options, cb], err, startTime || Date.now(), Date.now()]);
	        else {
	          if (typeof cb === 'function')
	            cb.apply(this, arguments);
	        }
	      })
	    }
	  }

	  var fs$appendFile = fs.appendFile;
	  if (fs$appendFile)
	    fs.appendFile = appendFile;
	  function appendFile (path, data, options, cb) {
	    if (typeof options === 'function')
	      cb = options, options = null;

	    return go$appendFile(path, data, options, cb)

	    function go$appendFile (path, data, options, cb, startTime) {
	      return fs$appendFile(path, data, options, function (err) {
	        if (err && (err.code === 'EMFILE' || err.code === 'ENFILE'))
	          enqueue([go$appendFile, [path, data, options, cb], err, startTime || Date.now(), Date.now()]);
	        else {
	          if (typeof cb === 'function')
	            cb.apply(this, arguments);
	        }
	      })
	    }
	  }

	  var fs$copyFile = fs.copyFile;
	  if (fs$copyFile)
	    fs.copyFile = copyFile;
	  function copyFile (src, dest, flags, cb) {
	    if (typeof flags === 'function') {
	      cb = flags;
	      flags = 0;
	    }
	    return go$copyFile(src, dest, flags, cb)

	    function go$copyFile (src, dest, flags, cb, startTime) {
	      return fs$copyFile(src, dest, flags, function (err) {
	        if (err && (err.code === 'EMFILE' || err.code === 'ENFILE'))
	          enqueue([go$copyFile, [src, dest, flags, cb], err, startTime || Date.now(), Date.now()]);
	        else {
	          if (typeof cb === 'function')
	            cb.apply(this, arguments);
	        }
	      })
	    }
	  }

	  var fs$readdir = fs.readdir;
	  fs.readdir = readdir;
	  var noReaddirOptionVersions = /^v[0-5]\./;
	  function readdir (path, options, cb) {
	    if (typeof options === 'function')
	      cb = options, options = null;

	    var go$readdir = noReaddirOptionVersions.test(process.version)
	      ? function go$readdir (path, options, cb, startTime) {
	        return fs$readdir(path, fs$readdirCallback(
	          path, options, cb, startTime
	        ))
	      }
	      : function go$readdir (path, options, cb, startTime) {
	        return fs$readdir(path, options, fs$readdirCallback(
	          path, options, cb, startTime
	        ))
	      };

	    return go$readdir(path, options, cb)

	    function fs$readdirCallback (path, options, cb, startTime) {
	      return function (err, files) {
	        if (err && (err.code === 'EMFILE' || err.code === 'ENFILE'))
	          enqueue([
	            go$readdir,
	            [path, options, cb],
	            err,
	            startTime || Date.now(),
	            Date.now()
	          ]);
	        else {
	          if (files && files.sort)
	            files.sort();

	          if (typeof cb === 'function')
	            cb.call(this, err, files);
	        }
	      }
	    }
	  }

	  if (process.version.substr(0, 4) === 'v0.8') {
	    var legStreams = legacy(fs);
	    ReadStream = legStreams.ReadStream;
	    WriteStream = legStreams.WriteStream;
	  }

	  var fs$ReadStream = fs.ReadStream;
	  if (fs$ReadStream) {
	    ReadStream.prototype = Object.create(fs$ReadStream.prototype);
	    ReadStream.prototype.open = ReadStream$open;
	  }

	  var fs$WriteStream = fs.WriteStream;
	  if (fs$WriteStream) {
	    WriteStream.prototype = Object.create(fs$WriteStream.prototype);
	    WriteStream.prototype.open = WriteStream$open;
	  }

	  Object.defineProperty(fs, 'ReadStream', {
	    get: function () {
	      return ReadStream
	    },
	    set: function (val) {
	      ReadStream = val;
	    },
	    enumerable: true,
	    configurable: true
	  });
	  Object.defineProperty(fs, 'WriteStream', {
	    get: function () {
	      return WriteStream
	    },
	    set: function (val) {
	      WriteStream = val;
	    },
	    enumerable: true,
	    configurable: true
	  });

	  // legacy names
	  var FileReadStream = ReadStream;
	  Object.defineProperty(fs, 'FileReadStream', {
	    get: function () {
	      return FileReadStream
	    },
	    set: function (val) {
	      FileReadStream = val;
	    },
	    enumerable: true,
	    configurable: true
	  });
	  var FileWriteStream = WriteStream;
	  Object.defineProperty(fs, 'FileWriteStream', {
	    get: function () {
	      return FileWriteStream
	    },
	    set: function (val) {
	      FileWriteStream = val;
	    },
	    enumerable: true,
	    configurable: true
	  });

	  function ReadStream (path, options) {
	    if (this instanceof ReadStream)
	      return fs$ReadStream.apply(this, arguments), this
	    else
	      return ReadStream.apply(Object.create(ReadStream.prototype), arguments)
	  }

	  function ReadStream$open () {
	    var that = this;
	    open(that.path, that.flags, that.mode, function (err, fd) {
	      if (err) {
	        if (that.autoClose)
	          that.destroy();

	        that.emit('error', err);
	      } else {
	        that.fd = fd;
	        that.emit('open', fd);
	        that.read();
	      }
	    });
	  }

	  function WriteStream (path, options) {
	    if (this instanceof WriteStream)
	      return fs$WriteStream.apply(this, arguments), this
	    else
	      return WriteStream.apply(Object.create(WriteStream.prototype), arguments)
	  }

	  function WriteStream$open () {
	    var that = this;
	    open(that.path, that.flags, that.mode, function (err, fd) {
	      if (err) {
	        that.destroy();
	        that.emit('error', err);
	      } else {
	        that.fd = fd;
	        that.emit('open', fd);
	      }
	    });
	  }

	  function createReadStream (path, options) {
	    return new fs.ReadStream(path, options)
	  }

	  function createWriteStream (path, options) {
	    return new fs.WriteStream(path, options)
	  }

	  var fs$open = fs.open;
	  fs.open = open;
	  function open (path, flags, mode, cb) {
	    if (typeof mode === 'function')
	      cb = mode, mode = null;

	    return go$open(path, flags, mode, cb)

	    function go$open (path, flags, mode, cb, startTime) {
	      return fs$open(path, flags, mode, function (err, fd) {
	        if (err && (err.code === 'EMFILE' || err.code === 'ENFILE'))
	          enqueue([go$open, [path, flags, mode, cb], err, startTime || Date.now(), Date.now()]);
	        else {
	          if (typeof cb === 'function')
	            cb.apply(this, arguments);
	        }
	      })
	    }
	  }

	  return fs
	}

	function enqueue (elem) {
	  debug('ENQUEUE', elem[0].name, elem[1]);
	  fs[gracefulQueue].push(elem);
	  retry();
	}

	// keep track of the timeout between retry() calls
	var retryTimer;

	// reset the startTime and lastTime to now
	// this resets the start of the 60 second overall timeout as well as the
	// delay between attempts so that we'll retry these jobs sooner
	function resetQueue () {
	  var now = Date.now();
	  for (var i = 0; i < fs[gracefulQueue].length; ++i) {
	    // entries that are only a length of 2 are from an older version, don't
	    // bother modifying those since they'll be retried anyway.
	    if (fs[gracefulQueue][i].length > 2) {
	      fs[gracefulQueue][i][3] = now; // startTime
	      fs[gracefulQueue][i][4] = now; // lastTime
	    }
	  }
	  // call retry to make sure we're actively processing the queue
	  retry();
	}

	function retry () {
	  // clear the timer and remove it to help prevent unintended concurrency
	  clearTimeout(retryTimer);
	  retryTimer = undefined;

	  if (fs[gracefulQueue].length === 0)
	    return

	  var elem = fs[gracefulQueue].shift();
	  var fn = elem[0];
	  var args = elem[1];
	  // these items may be unset if they were added by an older graceful-fs
	  var err = elem[2];
	  var startTime = elem[3];
	  var lastTime = elem[4];

	  // if we don't have a startTime we have no way of knowing if we've waited
	  // long enough, so go ahead and retry this item now
	  if (startTime === undefined) {
	    debug('RETRY', fn.name, args);
	    fn.apply(null, args);
	  } else if (Date.now() - startTime >= 60000) {
	    // it's been more than 60 seconds total, bail now
	    debug('TIMEOUT', fn.name, args);
	    var cb = args.pop();
	    if (typeof cb === 'function')
	      cb.call(null, err);
	  } else {
	    // the amount of time between the last attempt and right now
	    var sinceAttempt = Date.now() - lastTime;
	    // the amount of time between when we first tried, and when we last tried
	    // rounded up to at least 1
	    var sinceStart = Math.max(lastTime - startTime, 1);
	    // backoff. wait longer than the total time we've been retrying, but only
	    // up to a maximum of 100ms
	    var desiredDelay = Math.min(sinceStart * 1.2, 100);
	    // it's been long enough since the last retry, do it again
	    if (sinceAttempt >= desiredDelay) {
	      debug('RETRY', fn.name, args);
	      fn.apply(null, args.concat([startTime]));
	    } else {
	      // if we can't do this job yet, push it to the end of the queue
	      // and let the next iteration check again
	      fs[gracefulQueue].push(elem);
	    }
	  }

	  // schedule our next run if one isn't already scheduled
	  if (retryTimer === undefined) {
	    retryTimer = setTimeout(retry, 0);
	  }
	}
	return gracefulFs;
}

requireGracefulFs();

requireInt64();

const signature = Buffer.alloc(4);
signature.writeUInt32LE(0x06054b50, 0);

function _typeof$6(o) { "@babel/helpers - typeof"; return _typeof$6 = "function" == typeof Symbol && "symbol" == typeof Symbol.iterator ? function (o) { return typeof o; } : function (o) { return o && "function" == typeof Symbol && o.constructor === Symbol && o !== Symbol.prototype ? "symbol" : typeof o; }, _typeof$6(o); }
function _createClass$3(Constructor, protoProps, staticProps) { Object.defineProperty(Constructor, "prototype", { writable: false }); return Constructor; }
function _classCallCheck$3(instance, Constructor) { if (!(instance instanceof Constructor)) { throw new TypeError("Cannot call a class as a function"); } }
function _inherits$3(subClass, superClass) { if (typeof superClass !== "function" && superClass !== null) { throw new TypeError("Super expression must either be null or a function"); } subClass.prototype = Object.create(superClass && superClass.prototype, { constructor: { value: subClass, writable: true, configurable: true } }); Object.defineProperty(subClass, "prototype", { writable: false }); if (superClass) _setPrototypeOf$3(subClass, superClass); }
function _createSuper$3(Derived) { var hasNativeReflectConstruct = _isNativeReflectConstruct$3(); return function _createSuperInternal() { var Super = _getPrototypeOf$3(Derived), result; if (hasNativeReflectConstruct) { var NewTarget = _getPrototypeOf$3(this).constructor; result = Reflect.construct(Super, arguments, NewTarget); } else { result = Super.apply(this, arguments); } return _possibleConstructorReturn$3(this, result); }; }
function _possibleConstructorReturn$3(self, call) { if (call && (_typeof$6(call) === "object" || typeof call === "function")) { return call; } else if (call !== void 0) { throw new TypeError("Derived constructors may only return object or undefined"); } return _assertThisInitialized$3(self); }
function _assertThisInitialized$3(self) { if (self === void 0) { throw new ReferenceError("this hasn't been initialised - super() hasn't been called"); } return self; }
function _wrapNativeSuper$2(Class) { var _cache = typeof Map === "function" ? new Map() : undefined; _wrapNativeSuper$2 = function _wrapNativeSuper(Class) { if (Class === null || !_isNativeFunction$2(Class)) return Class; if (typeof Class !== "function") { throw new TypeError("Super expression must either be null or a function"); } if (typeof _cache !== "undefined") { if (_cache.has(Class)) return _cache.get(Class); _cache.set(Class, Wrapper); } function Wrapper() { return _construct$2(Class, arguments, _getPrototypeOf$3(this).constructor); } Wrapper.prototype = Object.create(Class.prototype, { constructor: { value: Wrapper, enumerable: false, writable: true, configurable: true } }); return _setPrototypeOf$3(Wrapper, Class); }; return _wrapNativeSuper$2(Class); }
function _construct$2(Parent, args, Class) { if (_isNativeReflectConstruct$3()) { _construct$2 = Reflect.construct.bind(); } else { _construct$2 = function _construct(Parent, args, Class) { var a = [null]; a.push.apply(a, args); var Constructor = Function.bind.apply(Parent, a); var instance = new Constructor(); if (Class) _setPrototypeOf$3(instance, Class.prototype); return instance; }; } return _construct$2.apply(null, arguments); }
function _isNativeReflectConstruct$3() { if (typeof Reflect === "undefined" || !Reflect.construct) return false; if (Reflect.construct.sham) return false; if (typeof Proxy === "function") return true; try { Boolean.prototype.valueOf.call(Reflect.construct(Boolean, [], function () {})); return true; } catch (e) { return false; } }
function _isNativeFunction$2(fn) { return Function.toString.call(fn).indexOf("[native code]") !== -1; }
function _setPrototypeOf$3(o, p) { _setPrototypeOf$3 = Object.setPrototypeOf ? Object.setPrototypeOf.bind() : function _setPrototypeOf(o, p) { o.__proto__ = p; return o; }; return _setPrototypeOf$3(o, p); }
function _getPrototypeOf$3(o) { _getPrototypeOf$3 = Object.setPrototypeOf ? Object.getPrototypeOf.bind() : function _getPrototypeOf(o) { return o.__proto__ || Object.getPrototypeOf(o); }; return _getPrototypeOf$3(o); }
var UnzipError = /*#__PURE__*/function (_Error) {
  _inherits$3(UnzipError, _Error);
  var _super = _createSuper$3(UnzipError);
  function UnzipError() {
    _classCallCheck$3(this, UnzipError);
    return _super.apply(this, arguments);
  }
  return _createClass$3(UnzipError);
}( /*#__PURE__*/_wrapNativeSuper$2(Error));
function createUnzipError(error) {
  var unzipError = new UnzipError(error.message);
  // Keep original stack if it exists
  if (error.stack) {
    unzipError.stack = error.stack;
  }
  // Clean up stack trace a bit in Node.js/V8 environments
  if (Error.captureStackTrace) {
    Error.captureStackTrace(unzipError, createUnzipError);
  }
  // `Error.prototype.cause` property indicates the specific, original reason
  // a given error occurred. Standardized in ES2022, it allows you to chain errors
  // by catching a low-level exception and re-throwing a meaningful, high-level error
  // without wiping out the diagnostic context or stack trace of the original failure.
  //
  // Adding a `.cause` property mimics modern error chaining for environments that support it
  // while remaining completely harmless in older systems.
  //
  unzipError.cause = error;
  // Return the error.
  return unzipError;
}

// Considerations:
//
// * `unzipper` unpacks a `.zip` file using Node.js's "native" `zlib` module.
//   This means that it's more performant than any equivalent pure-javascript decompressor.
//
// * `unzipper` is a true "streaming" unpacker: it works in a "pull" fashion rather than a "push" one.
//   New chunks of archived data are only read and decompressed as the receiver is ready to process them.
//
// * `unzipper` can completely skip a given compressed file entry if it's of no interest.
//   This means that a `.zip` archive could be read in multiple passes without performance penalty.

var PROMISE_RESOLVE_VALUE = undefined;

/**
 * Reads `*.zip` file contents.
 * @param  {Stream} stream
 * @param  {function} onFile
 * @param  {function} onFileData
 * @param  {function} onFileDataEnd
 * @return {Promise<void>}
 */
function unzipFromStream_(stream, onFile, onFileData, onFileDataEnd) {
  return new Promise(function (resolve, reject) {
    var promises = [];
    var errored = false;
    var onError = function onError(error) {
      if (error instanceof ZipFileError) {
        error = createUnzipError(error);
      }
      if (!errored) {
        errored = true;
        reject(error);
      }
    };
    stream
    // This first "error" listener catches errors emitted from the input stream (for example, a file read error).
    //
    // That's because the .pipe() method does not automatically propagate errors
    // from a source (input) stream to the destination stream or the end of the pipeline.
    // You would need to attach an 'error' event handler to each stream in the chain.
    //
    // A more convenient alternative would be to use `stream.pipeline()` function:
    // `pipeline(stream1, stream2, (error) => { ... })`
    //
    .on('error', onError)
    // Pipe the input stream through the unzipper stream.
    .pipe(Parse())
    // This second "error" listener catches the unzipper stream errors.
    //
    // That's because the .pipe() method does not automatically propagate errors
    // from a source (input) stream to the destination stream or the end of the pipeline.
    // You would need to attach an 'error' event handler to each stream in the chain.
    //
    // A more convenient alternative would be to use `stream.pipeline()` function:
    // `pipeline(stream1, stream2, (error) => { ... })`
    //
    .on('error', onError)
    // The unzipper stream is closed when all `entries` have been reported.
    .on('finish', function () {
      if (!errored) {
        // Wait for all `entries` to be read.
        // The second argument of `.then()` function is not required
        // but I didn't remove it just to potentially prevent any potential silly bugs
        // in case of some potential changes in some potential future.
        Promise.all(promises).then(function () {
          resolve(PROMISE_RESOLVE_VALUE);
        }, onError);
      }
    }).on('entry', function (entry) {
      // See if this file should be ignored.
      var ignore = false;
      // `entry.type` could be 'Directory' or 'File'.
      // Ignore anything except files.
      if (entry.type === 'Directory') {
        ignore = true;
      }
      if (errored) {
        ignore = true;
      }
      // `entry.vars.uncompressedSize` will be `0` for `.zip` archives
      // that were created in a streaming fashion.
      // The `const fileSizeKnown = ...` code was copy-pasted from `node-unzipper` source code:
      // https://github.com/ZJONSSON/node-unzipper/blob/master/lib/Open/unzip.js
      var uncompressedFileSizeIsKnown = !(entry.vars.flags & 0x08) || entry.vars.compressedSize > 0;
      var uncompressedFileSize = uncompressedFileSizeIsKnown ? entry.vars.uncompressedSize : undefined;
      if (onFile(entry.path, uncompressedFileSize) === false) {
        ignore = true;
      }

      // If this file should be ignored.
      if (ignore) {
        // Call `entry.autodrain()` when you do not intend to process a specific `entry`'s raw data.
        // Otherwise, if an `entry` is not consumed (via .pipe(), .buffer(), or .autodrain()),
        // the stream will halt, preventing further file processing.
        entry.autodrain().on('error', onError);
        return;
      }
      promises.push(new Promise(function (resolve) {
        // `entry` seems to be a generic Node.js stream.
        // `entry.pipe()` pipes the file contents to a stream.
        // `entry.stream()` returns a readable stream.
        // `entry.buffer()` returns a promise that resolves to a `Buffer` with the file contents.
        entry.on('data', function (data) {
          onFileData(entry.path, data);
        }).on('error', function (error) {
          onError(error);
        }).on('finish', function () {
          onFileDataEnd(entry.path);
          resolve();
        });
      }));
    });
  });
}

function _createForOfIteratorHelperLoose$3(o, allowArrayLike) { var it = typeof Symbol !== "undefined" && o[Symbol.iterator] || o["@@iterator"]; if (it) return (it = it.call(o)).next.bind(it); if (Array.isArray(o) || (it = _unsupportedIterableToArray$4(o)) || allowArrayLike) { if (it) o = it; var i = 0; return function () { if (i >= o.length) return { done: true }; return { done: false, value: o[i++] }; }; } throw new TypeError("Invalid attempt to iterate non-iterable instance.\nIn order to be iterable, non-array objects must have a [Symbol.iterator]() method."); }
function _unsupportedIterableToArray$4(o, minLen) { if (!o) return; if (typeof o === "string") return _arrayLikeToArray$4(o, minLen); var n = Object.prototype.toString.call(o).slice(8, -1); if (n === "Object" && o.constructor) n = o.constructor.name; if (n === "Map" || n === "Set") return Array.from(o); if (n === "Arguments" || /^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(n)) return _arrayLikeToArray$4(o, minLen); }
function _arrayLikeToArray$4(arr, len) { if (len == null || len > arr.length) len = arr.length; for (var i = 0, arr2 = new Array(len); i < len; i++) arr2[i] = arr[i]; return arr2; }

/**
 * Reads `*.zip` file contents.
 * @param  {Stream} stream
 * @return {Promise<Record<string,Buffer>>} Resolves to an object holding `*.zip` file entries. P.S. `Buffer` is a `Uint8Array`.
 */
function unzipFromStream(stream) {
  var _ref = arguments.length > 1 && arguments[1] !== undefined ? arguments[1] : {},
    filter = _ref.filter;
  // The `files` object stores the files and their contents.
  var files = {};
  var filesData = {};

  // `fileSize` is optional and will not be present for `.zip` archives
  // that were created in a streaming fashion.
  var onFile = function onFile(filePath, fileSize) {
    // See if this file should be ignored.
    // If it should, this entry won't be processed, i.e. `Unzip` will not try
    // to decompress its data, and will just discard it.
    if (filter && !filter({
      path: filePath
    })) {
      return false;
    }
    // filesData[filePath] = []
    filesData[filePath] = {
      size: fileSize,
      chunks: [],
      buffer: fileSize === undefined ? undefined : Buffer.alloc(fileSize),
      position: 0
    };
  };
  var onFileData = function onFileData(filePath, chunk) {
    // filesData[filePath].push(chunk)
    if (filesData[filePath].size === undefined) {
      filesData[filePath].chunks.push(chunk);
    } else {
      filesData[filePath].position += chunk.copy(filesData[filePath].buffer, filesData[filePath].position);
    }
  };
  var onFileDataEnd = function onFileDataEnd(filePath) {
    if (filesData[filePath].size === undefined) {
      // // `Buffer.concat()` will produce a pooled buffer if it's <= 4KB.
      // let buffer = Buffer.concat(filesData[filePath].chunks)
      // if (isBufferPooled(buffer)) {
      // 	// Here it uses `Buffer.allocUnsafeSlow()` instead of the regular `Buffer.alloc()`.
      // 	// The reason is that `Buffer.allocUnsafeSlow()` doesn't bother resetting the memory
      // 	// that is being allocated, which is fine because it will be overwritten anyway.
      // 	// It could also have used `Buffer.allocUnsafe()` if it wasn't returning pooled buffers,
      // 	// which is what is being avoided here in the first place.
      // 	const pooledBuffer = buffer
      // 	buffer = Buffer.allocUnsafeSlow(buffer.byteLength)
      // 	pooledBuffer.copy(buffer)
      // }
      // files[filePath] = buffer
      files[filePath] = concatChunksToNonPooledBuffer(filesData[filePath].chunks);
    } else {
      files[filePath] = filesData[filePath].buffer;
    }
    delete filesData[filePath];
  };
  return unzipFromStream_(stream, onFile, onFileData, onFileDataEnd).then(function () {
    return files;
  });
}

// // Node.js allocates small buffers (<= 4KB) in a shared 8KB pool.
// // This interferes with passing such buffers to another worker thread.
// // In order for a buffer to be transferrable to another worker thread,
// // it has to be non-pooled.
// function isBufferPooled(buffer) {
// 	// If it doesn't utilize the full underlying `ArrayBuffer`, it's sliced out of a pool.
// 	if (buffer.byteOffset > 0) {
// 		return true
// 	}
//
// 	// If it starts at `0`, but the underlying allocation is larger than the buffer itself, it's pooled/
// 	if (buffer.buffer.byteLength > buffer.byteLength) {
// 		return true
// 	}
//
// 	return false
// }

// Concatenates chunks into a non-"pooled" buffer.
//
// It could've simply used `Buffer.concat(chunks)` to concatenate chunks into a buffer.
// But, while using `Buffer.concat()` is simple, it results in a Node.js optimization
// when it uses a "shared" memory region of about `8KB` to co-locate this array buffer
// with other small array buffers if this array buffer is small too (i.e. <= `4KB`).
//
// Such co-location results in the inability to "transfer" this buffer
// to a worker thread.
//
// A workaround is to manually allocate a separate memory region of a certain size.
// This way, the resulting buffer will be non-"pooled".
//
function concatChunksToNonPooledBuffer(chunks) {
  // Calculate the total byte length of all the chunks combined.
  var totalLength = chunks.reduce(function (sum, chunk) {
    return sum + chunk.length;
  }, 0);

  // Allocate a non-pooled buffer.
  // Here it uses `Buffer.allocUnsafeSlow()` instead of the regular `Buffer.alloc()`.
  // The reason is that `Buffer.allocUnsafeSlow()` doesn't bother resetting the memory
  // that is being allocated, which is fine because it will be overwritten anyway.
  // It could also have used `Buffer.allocUnsafe()` if it wasn't returning pooled buffers,
  // which is what is being avoided here in the first place.
  var buffer = Buffer.allocUnsafeSlow(totalLength);

  // Manually copy each chunk into the buffer.
  var offset = 0;
  for (var _iterator = _createForOfIteratorHelperLoose$3(chunks), _step; !(_step = _iterator()).done;) {
    var chunk = _step.value;
    chunk.copy(buffer, offset);
    offset += chunk.length;
  }
  return buffer;
}

function _typeof$5(o) { "@babel/helpers - typeof"; return _typeof$5 = "function" == typeof Symbol && "symbol" == typeof Symbol.iterator ? function (o) { return typeof o; } : function (o) { return o && "function" == typeof Symbol && o.constructor === Symbol && o !== Symbol.prototype ? "symbol" : typeof o; }, _typeof$5(o); }
function _createClass$2(Constructor, protoProps, staticProps) { Object.defineProperty(Constructor, "prototype", { writable: false }); return Constructor; }
function _classCallCheck$2(instance, Constructor) { if (!(instance instanceof Constructor)) { throw new TypeError("Cannot call a class as a function"); } }
function _inherits$2(subClass, superClass) { if (typeof superClass !== "function" && superClass !== null) { throw new TypeError("Super expression must either be null or a function"); } subClass.prototype = Object.create(superClass && superClass.prototype, { constructor: { value: subClass, writable: true, configurable: true } }); Object.defineProperty(subClass, "prototype", { writable: false }); if (superClass) _setPrototypeOf$2(subClass, superClass); }
function _createSuper$2(Derived) { var hasNativeReflectConstruct = _isNativeReflectConstruct$2(); return function _createSuperInternal() { var Super = _getPrototypeOf$2(Derived), result; if (hasNativeReflectConstruct) { var NewTarget = _getPrototypeOf$2(this).constructor; result = Reflect.construct(Super, arguments, NewTarget); } else { result = Super.apply(this, arguments); } return _possibleConstructorReturn$2(this, result); }; }
function _possibleConstructorReturn$2(self, call) { if (call && (_typeof$5(call) === "object" || typeof call === "function")) { return call; } else if (call !== void 0) { throw new TypeError("Derived constructors may only return object or undefined"); } return _assertThisInitialized$2(self); }
function _assertThisInitialized$2(self) { if (self === void 0) { throw new ReferenceError("this hasn't been initialised - super() hasn't been called"); } return self; }
function _wrapNativeSuper$1(Class) { var _cache = typeof Map === "function" ? new Map() : undefined; _wrapNativeSuper$1 = function _wrapNativeSuper(Class) { if (Class === null || !_isNativeFunction$1(Class)) return Class; if (typeof Class !== "function") { throw new TypeError("Super expression must either be null or a function"); } if (typeof _cache !== "undefined") { if (_cache.has(Class)) return _cache.get(Class); _cache.set(Class, Wrapper); } function Wrapper() { return _construct$1(Class, arguments, _getPrototypeOf$2(this).constructor); } Wrapper.prototype = Object.create(Class.prototype, { constructor: { value: Wrapper, enumerable: false, writable: true, configurable: true } }); return _setPrototypeOf$2(Wrapper, Class); }; return _wrapNativeSuper$1(Class); }
function _construct$1(Parent, args, Class) { if (_isNativeReflectConstruct$2()) { _construct$1 = Reflect.construct.bind(); } else { _construct$1 = function _construct(Parent, args, Class) { var a = [null]; a.push.apply(a, args); var Constructor = Function.bind.apply(Parent, a); var instance = new Constructor(); if (Class) _setPrototypeOf$2(instance, Class.prototype); return instance; }; } return _construct$1.apply(null, arguments); }
function _isNativeReflectConstruct$2() { if (typeof Reflect === "undefined" || !Reflect.construct) return false; if (Reflect.construct.sham) return false; if (typeof Proxy === "function") return true; try { Boolean.prototype.valueOf.call(Reflect.construct(Boolean, [], function () {})); return true; } catch (e) { return false; } }
function _isNativeFunction$1(fn) { return Function.toString.call(fn).indexOf("[native code]") !== -1; }
function _setPrototypeOf$2(o, p) { _setPrototypeOf$2 = Object.setPrototypeOf ? Object.setPrototypeOf.bind() : function _setPrototypeOf(o, p) { o.__proto__ = p; return o; }; return _setPrototypeOf$2(o, p); }
function _getPrototypeOf$2(o) { _getPrototypeOf$2 = Object.setPrototypeOf ? Object.getPrototypeOf.bind() : function _getPrototypeOf(o) { return o.__proto__ || Object.getPrototypeOf(o); }; return _getPrototypeOf$2(o); }
// This code was originally submitted by Etienne Prothon.
// https://gitlab.com/catamphetamine/read-excel-file/-/merge_requests/11

// An error thrown when the input passed to `readXlsxFile()` is not a valid `.xlsx` file.
//
// Carries a documented, stable `code` property that consumers can reliably
// branch on — same convention as the schema-parsing `InvalidError` class
// (`error.code`) — instead of string-matching a low-level error message
// leaked from a transitive dependency (Hyrum's law).
//
// The `name` property is set so that the error type can also be detected via
// `error.name === 'InvalidInputError'` in setups where `instanceof` is unreliable
// (e.g. when both the ES-module and the CommonJS builds of this package end up
// being loaded in the same application).

var MESSAGES = {
  XLS_FILE_NOT_SUPPORTED: 'You passed a legacy `.xls` file. Only `.xlsx` files are supported',
  FILE_NOT_SUPPORTED: 'Doesn\'t look like an `.xlsx` file',
  INVALID_ZIP: 'Couldn\'t unzip `.xlsx` file contents',
  NO_DATA: 'No data'
};

// `.xlsx` files are just ZIP archives, so every valid `.xlsx` file starts with a
// ZIP local file header signature "PK" (`0x50 0x4B`). When the input isn't a ZIP
// archive, a 3rd-party unzipper library throws an obscure low-level error
// (for example `"invalid signature: 0xe011cfd0"` — the four leading bytes of a
// binary `.xls` file read in little-endian).
// That gives the caller nothing stable to branch on, and the exact wording can change
// depending on the 3rd-party unzipper library being used.
// This error standardizes the handling of cases when an invalid file is passed.
var InvalidInputError = /*#__PURE__*/function (_Error) {
  _inherits$2(InvalidInputError, _Error);
  var _super = _createSuper$2(InvalidInputError);
  /**
   * Creates an `InvalidInputError` instance.
   * @param {string} code
   * @param {any} [cause]
   */
  function InvalidInputError(code, cause) {
    var _this;
    _classCallCheck$2(this, InvalidInputError);
    _this = _super.call(this, MESSAGES[code] || code);

    // Set `code` property.
    _this.code = code;

    // Set `name` property.
    //
    // This error could be detected either by `instanceof InvalidInputError`
    // or by comparing its `name` property value to "InvalidInputError".
    // Why use the `name` comparison when `instanceof` operator is available?
    // Google AI tells that it does make sense in the cases when an error is
    // "serialized" and then "deserialized" in a "distributed" environment such as
    // throwing an error in a worker thread and then handling it in a main thread,
    // or when throwing it in one "microservice" and then catching it in another one,
    // or just logging as in `sentry.io`. And in those cases, `error.constructor.name`
    // isn't always available for same reason of "serializing" and then "deserializing".
    //
    // For example, even if `InvalidInputError` is a named export of this package,
    // when later bunding the application code with a bundler it will still be minified and renamed.
    // That's when the `name` property could be used to find out the actual type of the error
    // in case it gets thrown and reported to a remote system like `sentry.io`.
    //
    // By the way, core Node.js errors themselves have a `name` property.
    //
    _this.name = 'InvalidInputError';

    // Set `cause` property.
    //
    // `Error.prototype.cause` property indicates the specific, original reason
    // a given error occurred. Standardized in ES2022, it allows you to chain errors
    // by catching a low-level exception and re-throwing a meaningful, high-level error
    // without wiping out the diagnostic context or stack trace of the original failure.
    //
    // Adding a `.cause` property mimics modern error chaining for environments that support it
    // while remaining completely harmless in older systems.
    //
    _this.cause = cause;
    return _this;
  }
  return _createClass$2(InvalidInputError);
}( /*#__PURE__*/_wrapNativeSuper$1(Error));

/**
 * Converts Node.js input argument to a stream.
 * @param  {(string|Stream|Buffer|Blob)} input - A Node.js readable stream or a `Buffer` or a `Blob` or a path to a file.
 * @returns {Stream}
 */
function convertInputToNodeStream(input) {
  return input instanceof Stream ? input : input instanceof Buffer ? createReadableStreamFromBuffer(input) : input instanceof Blob ? createReadableStreamFromBlob(input) : fs.createReadStream(input);
}

// Creates a readable stream from a `Buffer`.
function createReadableStreamFromBuffer(buffer) {
  return Readable.from(buffer);
}

// Creates a readable stream from a `Blob`.
function createReadableStreamFromBlob(blob) {
  // Convert a web `ReadableStream` to a Node.js `Readable` `Stream`.
  return Readable.fromWeb(blob.stream());
}

// An `.xlsx` `.zip` archive could contain all kinds of files,
// such as `.bin` printer settings or `.png` images, etc.
//
// Because `read-excel-file` doesn't support returning any of those types of data,
// there's no need to read those files from the `.xlsx` `.zip` archive,
// optimizing the unpacking process a little bit.
//
function filterZipArchiveEntry(_ref) {
  var path = _ref.path;
  return path.endsWith('.xml') || path.endsWith('.xml.rels');
}

// This code was originally submitted by Etienne Prothon.
// https://gitlab.com/catamphetamine/read-excel-file/-/merge_requests/11

// ZIP local file header signature: "PK\x03\x04". The first two bytes "PK" are
// shared by every ZIP variant (including the empty-archive `PK\x05\x06` and the
// spanned `PK\x07\x08` markers), so matching just "PK" up front avoids rejecting
// any valid — if unusual — archive; anything malformed past that point is still
// caught by the actual unzipper.
var ZIP_FILE_SIGNATURE = [0x50, 0x4B];

// The first four bytes of the OLE2 Compound File Binary format (`0xD0 0xCF 0x11 0xE0`),
// which is the container of legacy binary `.xls` files.
var XLS_FILE_SIGNATURE = [0xD0, 0xCF, 0x11, 0xE0];
var FILE_TYPE_SIGNATURES = [ZIP_FILE_SIGNATURE, XLS_FILE_SIGNATURE];
var XLS_FILE_TYPE = FILE_TYPE_SIGNATURES.indexOf(XLS_FILE_SIGNATURE);

/**
 * Creates a function get determines a file type based on the leading bytes.
 * @return {function} A function that receives a `byte` (an element of a `Uint8Array`) and returns a `type: number?` — an index in the file types "enum", or `-1` if it doesn't match any file type, or `undefined` if it's still deciding on the file type.
 * @throws {InvalidInputError}
 */
function createFileTypeDetector() {
  var type;
  var possibleTypes = indexesOf(FILE_TYPE_SIGNATURES);
  var i = 0;
  // Returns a function that should be called for each leading byte of the file
  // until it starts returning a number.
  return function (_byte) {
    // If the type of the file is still being determined.
    if (isNaN(type)) {
      var t;
      possibleTypes = possibleTypes.filter(function (typeIndex) {
        if (_byte === FILE_TYPE_SIGNATURES[typeIndex][i]) {
          if (FILE_TYPE_SIGNATURES[typeIndex].length === i + 1) {
            t = typeIndex;
          }
          return true;
        }
      });
      if (possibleTypes.length === 1) {
        type = t;
      } else if (possibleTypes.length === 0) {
        // `type: -1` means "the type of the file couldn't be determined"
        type = -1;
      }
    }
    i++;
    return type;
  };
}
function indexesOf(array) {
  var indexes = [];
  var i = 0;
  while (i < array.length) {
    indexes.push(i);
    i++;
  }
  return indexes;
}

function validateByte(_byte2, fileTypeDetector) {
  var fileType = fileTypeDetector(_byte2);
  if (fileType !== undefined) {
    // If it has determined that the file type is `.xls`.
    if (fileType === XLS_FILE_TYPE) {
      throw new InvalidInputError('XLS_FILE_NOT_SUPPORTED');
    }
    // If it has determined that the file type is none of the known ones.
    if (fileType < 0) {
      throw new InvalidInputError('FILE_NOT_SUPPORTED');
    }
    return true;
  }
}
function noFileTypeCouldBeDetermined(byteCount) {
  // The file type couldn't be determined — not enough bytes.
  throw new InvalidInputError(byteCount === 0 ? 'NO_DATA' : 'FILE_NOT_SUPPORTED');
}

function _typeof$4(o) { "@babel/helpers - typeof"; return _typeof$4 = "function" == typeof Symbol && "symbol" == typeof Symbol.iterator ? function (o) { return typeof o; } : function (o) { return o && "function" == typeof Symbol && o.constructor === Symbol && o !== Symbol.prototype ? "symbol" : typeof o; }, _typeof$4(o); }
function _createForOfIteratorHelperLoose$2(o, allowArrayLike) { var it = typeof Symbol !== "undefined" && o[Symbol.iterator] || o["@@iterator"]; if (it) return (it = it.call(o)).next.bind(it); if (Array.isArray(o) || (it = _unsupportedIterableToArray$3(o)) || allowArrayLike) { if (it) o = it; var i = 0; return function () { if (i >= o.length) return { done: true }; return { done: false, value: o[i++] }; }; } throw new TypeError("Invalid attempt to iterate non-iterable instance.\nIn order to be iterable, non-array objects must have a [Symbol.iterator]() method."); }
function _unsupportedIterableToArray$3(o, minLen) { if (!o) return; if (typeof o === "string") return _arrayLikeToArray$3(o, minLen); var n = Object.prototype.toString.call(o).slice(8, -1); if (n === "Object" && o.constructor) n = o.constructor.name; if (n === "Map" || n === "Set") return Array.from(o); if (n === "Arguments" || /^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(n)) return _arrayLikeToArray$3(o, minLen); }
function _arrayLikeToArray$3(arr, len) { if (len == null || len > arr.length) len = arr.length; for (var i = 0, arr2 = new Array(len); i < len; i++) arr2[i] = arr[i]; return arr2; }
function _classCallCheck$1(instance, Constructor) { if (!(instance instanceof Constructor)) { throw new TypeError("Cannot call a class as a function"); } }
function _defineProperties(target, props) { for (var i = 0; i < props.length; i++) { var descriptor = props[i]; descriptor.enumerable = descriptor.enumerable || false; descriptor.configurable = true; if ("value" in descriptor) descriptor.writable = true; Object.defineProperty(target, _toPropertyKey$2(descriptor.key), descriptor); } }
function _createClass$1(Constructor, protoProps, staticProps) { if (protoProps) _defineProperties(Constructor.prototype, protoProps); Object.defineProperty(Constructor, "prototype", { writable: false }); return Constructor; }
function _toPropertyKey$2(arg) { var key = _toPrimitive$2(arg, "string"); return _typeof$4(key) === "symbol" ? key : String(key); }
function _toPrimitive$2(input, hint) { if (_typeof$4(input) !== "object" || input === null) return input; var prim = input[Symbol.toPrimitive]; if (prim !== undefined) { var res = prim.call(input, hint); if (_typeof$4(res) !== "object") return res; throw new TypeError("@@toPrimitive must return a primitive value."); } return (hint === "string" ? String : Number)(input); }
function _inherits$1(subClass, superClass) { if (typeof superClass !== "function" && superClass !== null) { throw new TypeError("Super expression must either be null or a function"); } subClass.prototype = Object.create(superClass && superClass.prototype, { constructor: { value: subClass, writable: true, configurable: true } }); Object.defineProperty(subClass, "prototype", { writable: false }); if (superClass) _setPrototypeOf$1(subClass, superClass); }
function _setPrototypeOf$1(o, p) { _setPrototypeOf$1 = Object.setPrototypeOf ? Object.setPrototypeOf.bind() : function _setPrototypeOf(o, p) { o.__proto__ = p; return o; }; return _setPrototypeOf$1(o, p); }
function _createSuper$1(Derived) { var hasNativeReflectConstruct = _isNativeReflectConstruct$1(); return function _createSuperInternal() { var Super = _getPrototypeOf$1(Derived), result; if (hasNativeReflectConstruct) { var NewTarget = _getPrototypeOf$1(this).constructor; result = Reflect.construct(Super, arguments, NewTarget); } else { result = Super.apply(this, arguments); } return _possibleConstructorReturn$1(this, result); }; }
function _possibleConstructorReturn$1(self, call) { if (call && (_typeof$4(call) === "object" || typeof call === "function")) { return call; } else if (call !== void 0) { throw new TypeError("Derived constructors may only return object or undefined"); } return _assertThisInitialized$1(self); }
function _assertThisInitialized$1(self) { if (self === void 0) { throw new ReferenceError("this hasn't been initialised - super() hasn't been called"); } return self; }
function _isNativeReflectConstruct$1() { if (typeof Reflect === "undefined" || !Reflect.construct) return false; if (Reflect.construct.sham) return false; if (typeof Proxy === "function") return true; try { Boolean.prototype.valueOf.call(Reflect.construct(Boolean, [], function () {})); return true; } catch (e) { return false; } }
function _getPrototypeOf$1(o) { _getPrototypeOf$1 = Object.setPrototypeOf ? Object.getPrototypeOf.bind() : function _getPrototypeOf(o) { return o.__proto__ || Object.getPrototypeOf(o); }; return _getPrototypeOf$1(o); }

/**
 * Verifies that an input stream represents a valid `.xlsx` file.
 *
 * Throws an `InvalidInputError` when the input isn't an `.xlsx` file.
 */
var InputValidationStream = /*#__PURE__*/function (_Transform) {
  _inherits$1(InputValidationStream, _Transform);
  var _super = _createSuper$1(InputValidationStream);
  function InputValidationStream() {
    var _this;
    _classCallCheck$1(this, InputValidationStream);
    _this = _super.call(this);
    _this.d = createFileTypeDetector();
    _this.i = 0;
    _this.chunks = [];
    return _this;
  }
  _createClass$1(InputValidationStream, [{
    key: "_transform",
    value: function _transform(chunk, encoding, callback) {
      if (this.d) {
        // Don't send this chunk to the unzipper stream yet,
        // otherwise it might throw an invalid `.zip` archive error
        // before it has detected an `.xls` file.
        this.chunks.push(chunk);
        // Validate the bytes of the chunk.
        for (var _iterator = _createForOfIteratorHelperLoose$2(chunk), _step; !(_step = _iterator()).done;) {
          var _byte = _step.value;
          try {
            if (validateByte(_byte, this.d)) {
              this.d = undefined;
              chunk = Buffer.concat(this.chunks);
              this.chunks = undefined;
              break;
            }
          } catch (error) {
            // Destroy the stream with a validation error,
            // halt further processing and emit an "error" event.
            return callback(error);
          }
          this.i++;
        }
        if (this.d) {
          return callback();
        }
      }

      // Pass the chunk down to the next stream destination
      this.push(chunk);
      callback();
    }

    // `_flush()` is called when there will be no more input, before the "end" event is emitted.
  }, {
    key: "_flush",
    value: function _flush(callback) {
      // If it's still deciding on the file type and there will be no more bytes to read
      // then the file is too short and it should throw an error.
      if (this.d) {
        try {
          noFileTypeCouldBeDetermined(this.i);
        } catch (error) {
          // Destroy the stream with a validation error
          // and emit an "error" event instead of an "end" event.
          return callback(error);
        }
      }
      // Call the callback to signal that flushing is complete.
      callback();
    }
  }]);
  return InputValidationStream;
}(Transform$1);

// This code is used to profile reading `.xlsx` files.
// It shows how much time each stage executes for.
// To enable the logs with the timing, set a global variable
// called `READ_EXCEL_FILE_CHECKPOINTS` in Node.js or web browser.

// This global variable is only exported to be added in the dependencies of a worker function.
// See `worker-f` package for more info.
var latestCheckpointTimestamp;
function checkpoint(name) {
  var now = Date.now();

  // See if the global flag for "should output log" is set to `true`.
  var shouldOutputLog = typeof global !== 'undefined' ? Boolean(global.READ_EXCEL_FILE_CHECKPOINTS) : typeof window !== 'undefined' ? Boolean(window.READ_EXCEL_FILE_CHECKPOINTS) : false;
  if (shouldOutputLog) {
    if (latestCheckpointTimestamp) {
      console.log('  -', now - latestCheckpointTimestamp, 'ms');
    }
    console.log('*', name);
  }
  latestCheckpointTimestamp = now;
}
function resetCheckpoint() {
  latestCheckpointTimestamp = undefined;
}

/**
 * Unpacks `*.xlsx` file contents.
 * An `.xlsx` file is really just a `.zip` archive with `.xml` files inside.
 * @param  {(string|Stream|Buffer|Blob)} input
 * @return {Promise<Record<string,Uint8Array>} Resolves to an object holding `*.xlsx` file entries.
 */
function unpackXlsxFile(input) {
  resetCheckpoint();
  checkpoint('unpack files');
  var stream = convertInputToNodeStream(input);
  return new Promise(function (resolve, reject) {
    var streamWithInputValidation = stream
    // Because the original `stream` reference is going to be replaced,
    // while it still has that reference here, it should set up a listener
    // to catch errors emitted from the input stream (for example, a file read error).
    //
    // That's because the .pipe() method does not automatically propagate errors
    // from a source (input) stream to the destination stream or the end of the pipeline.
    // You would need to attach an 'error' event handler to each stream in the chain.
    //
    // A more convenient alternative would be to use `stream.pipeline()` function:
    // `pipeline(stream1, stream2, (error) => { ... })`
    //
    .on('error', reject)
    // Pipe the input through file type validation stream.
    // If the file type is invalid, the updated `stream` reference will emit
    // an "error" event, which is going to be caught inside `unzipFromStream_()` function.
    .pipe(new InputValidationStream());
    unzipFromStream(streamWithInputValidation, {
      filter: filterZipArchiveEntry
    }).then(resolve, function (error) {
      if (error instanceof UnzipError) {
        reject(new InvalidInputError('INVALID_ZIP', error.cause));
      } else {
        reject(error);
      }
    });
  });
}

// This file was originally submitted by Osama Ansar.
// https://github.com/catamphetamine/read-excel-file/pull/126

/**
 * Decodes the `_xHHHH_` escape sequences of the `ST_Xstring` ("Escaped String") type
 * (ECMA-376 Part 1, §22.9.2.19), which is used in `.xlsx` files to encode characters
 * that're considered illegal in the XML 1.0 specification.
 *
 * One might ask: "For those characters, why not simply use XML's own escaping mechanism?".
 * I.e. why not simply encode illegal characters as "&#xHHHH;"? The answer is: the XML 1.0 specification
 * doesn't allow using the entire range `0000`...`HHHH` when escaping characters via "&#xHHHH;".
 * Specifically, it doesn't allow "control characters" such as "carriage return" or "backspace"
 * be encoded that way. For example, "&#x0008;" character sequence (backspace) is illegal in XML 1.0.
 * Later, XML 1.1 fixed this by allowing any character sequence except for "&#x0000;". But despite
 * the specification change, XML 1.1 is rarely supported by modern parsers, browsers, and web services.
 * Relying on it usually breaks interoperability, and the XLSX specification is based on XML 1.0 anyway.
 *
 * So in XLSX specification, illegal XML characters are written as `_x` + 4 hexadecimal digits + `_`.
 * And when there's a legitimate subtring "_xHHHH_" that shouldn't be confused with an escaped character,
 * it is written as `_x005F_xHHHH_`, i.e. with its leading "_" character escaped, and the rest characters
 * left untouched.
 *
 * When decoding an "_xHHHH_" substrings in a string, matches are replaced left to right and don't overlap,
 * so `_x005F_x0041_` is decoded as "_x0041_" and not as "_A".
 *
 * @param {string} string
 * @returns {string}
 */
function unescapeXlsxString(string) {
  // Skip the regular expression for the most common case of no escapes.
  // Performing this check results in significantly better performance
  // compared to if it jumped right to the execution of the regexp below.
  //
  // Why it's faster:
  //
  // * Fast-path rejection: If "_x" is absent, .indexOf("_x") bails out in nanoseconds
  //   without ever touching the regex engine or allocating match arrays.
  // * Reduced engine overhead: Invoking .replace(), .match(), or .exec() with a global regexp
  //   carries setup and state-tracking overhead, even when there is no match.
  // * SIMD optimization: Substring searches for short, fixed literals like "_x"
  //   are heavily optimized at the hardware level in modern JS runtimes.
  //
  if (string.indexOf('_x') < 0) {
    return string;
  }
  return string.replace(/_x([0-9A-Fa-f]{4})_/g, function (_, hex) {
    return String.fromCharCode(parseInt(hex, 16));
  });
}

/**
 * Parses spreadsheet info.
 * @param {string} content
 * @param  {function} parseXml — SAX XML parser.
 * @returns {object} An object of shape `{ epoch1904: boolean, sheets: Sheet[] }`.
 */
function parseSpreadsheetInfo(content, parseXml) {
  var state = createInitialState();
  return parseXml(content, state, onOpenTag, null, null).then(function () {
    return getResultFromState(state);
  });
  function createInitialState() {
    return {
      workbookPr: undefined,
      sheets: []
    };
  }
  function getResultFromState(state) {
    return {
      epoch1904: state.workbookPr ? state.workbookPr.epoch1904 : false,
      sheets: state.sheets
    };
  }
  function onOpenTag(tagName, attributes, state) {
    if (tagName === 'workbookPr') {
      // The official Open XML specification dictates that the top-level `<workbook/>` element
      // should only contain exactly one `<workbookPr/>` element. In case of multiple ones,
      // only the first one is being read and the rest are simply ignored.
      //
      // There's a `1904-based-dates.xlsx` test case that happens to include multiple `<workbookPr/>`
      // elements by accident, most likely because I edited its `.xml` files by hand and didn't notice
      // the already-existing `<workbookPr/>` tag.
      //
      // At first I thought about just fixing that one `.xlsx` test file but later
      // I saw that another library called `SheetJS` specifically handles such cases
      // by only reading the first `<workbookPr/>` element and ignoring the rest,
      // so I though that perhaps it would make some sense to do same thing here.
      // https://github.com/SheetJS/sheetjs/issues/1619
      //
      if (!state.workbookPr) {
        // Read `<workbookPr/>` element attributes to detect whether dates are 1900-based or 1904-based.
        // https://support.microsoft.com/en-gb/help/214330/differences-between-the-1900-and-the-1904-date-system-in-excel
        // http://webapp.docx4java.org/OnlineDemo/ecma376/SpreadsheetML/workbookPr.html
        state.workbookPr = {
          epoch1904: attributes.date1904 === '1'
        };
      }
    } else if (tagName === 'sheet') {
      // Example of `<sheets/>` element:
      // ```
      // <sheets>
      //   <sheet
      //     xmlns:ns="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
      //     name="Sheet1"
      //     sheetId="1"
      //     ns:id="rId3"/>
      // </sheets>
      // ```
      if (attributes.name) {
        state.sheets.push({
          // `sheetId` attribute value is an arbitrary, `1`-based unique positive integer
          // assigned to a worksheet, typically starting at `1` for the first sheet.
          //  Deleting and adding new sheets might cause the sheetId values to become non-sequential.
          // For example, `sheetId`s could be `1`, `2`, `4`, if sheet `3` was deleted.
          id: Number(attributes.sheetId),
          // A sheet name could potentially include _xHHHH_ escaped characters.
          name: unescapeXlsxString(attributes.name),
          relationId: attributes.id
        });
      }
    }
  }
}

/**
 * Returns sheet file paths.
 * Seems that the correct place to look for the `sheetId` -> `filename` mapping
 * is `xl/_rels/workbook.xml.rels` file.
 * https://github.com/tidyverse/readxl/issues/104
 * @param  {string} content — `xl/_rels/workbook.xml.rels` file contents.
 * @param  {function} parseXml — SAX XML parser.
 * @return {object} — An object of shape `{ sheets: Record<string, string>, sharedStrings: string?, styles: string? }`
 */
function parseFilePaths(content, parseXml) {
  // There're two standards of `.xlsx` files:
  // * So-called "transitional", that emerged originally in 2006 and debuted widely with Microsoft Office 2007.
  // * So-called "strict", that emerged in 2008  with the publication of the ISO/IEC 29500 specification.
  //
  // "Transitional" standard was released in 2007 and includes legacy elements, old namespaces,
  // and compatibility features to support conversions from 1990s binary format `.xls`.
  // This remains Excel's default save format.
  //
  // "Strict" standard was introduced conceptually in 2008, but fully realized with modern namespaces
  // and no legacy tags (like VML or old drawing quirks) later on. Microsoft added reading support
  // in Excel 2010 and the ability to save Strict files starting in Excel 2013.
  //
  var RELATIONSHIPS_BASE_URL_TRANSITIONAL_STANDARD = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
  var RELATIONSHIPS_BASE_URL_STRICT_STANDARD = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

  // Example:
  // <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  //   ...
  //   <Relationship
  //     Id="rId3"
  //     Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
  //     Target="worksheets/sheet1.xml"/>
  // </Relationships>
  var state = createInitialState();
  return parseXml(content, state, onOpenTag, null, null).then(function () {
    return getResultFromState(state);
  });
  function createInitialState() {
    return {
      sheets: {},
      sharedStrings: undefined,
      styles: undefined
    };
  }
  function getResultFromState(state) {
    return state;
  }
  function onOpenTag(tagName, attributes, state) {
    if (tagName === 'Relationship') {
      addFilePathForRelation(state, attributes.Id, attributes.Type, attributes.Target);
    }
  }
  function addFilePathForRelation(state, id, type, target) {
    switch (type) {
      case RELATIONSHIPS_BASE_URL_TRANSITIONAL_STANDARD + 'styles':
      case RELATIONSHIPS_BASE_URL_STRICT_STANDARD + 'styles':
        state.styles = getFilePathFromRelationTarget(target);
        break;
      case RELATIONSHIPS_BASE_URL_TRANSITIONAL_STANDARD + 'sharedStrings':
      case RELATIONSHIPS_BASE_URL_STRICT_STANDARD + 'sharedStrings':
        state.sharedStrings = getFilePathFromRelationTarget(target);
        break;
      case RELATIONSHIPS_BASE_URL_TRANSITIONAL_STANDARD + 'worksheet':
      case RELATIONSHIPS_BASE_URL_STRICT_STANDARD + 'worksheet':
        state.sheets[id] = getFilePathFromRelationTarget(target);
        break;
    }
  }
  function getFilePathFromRelationTarget(path) {
    // Normally, `path` is a relative path inside the ZIP archive,
    // like "worksheets/sheet1.xml", or "sharedStrings.xml", or "styles.xml".
    // There has been one weird case when file path was an absolute path,
    // like "/xl/worksheets/sheet1.xml" (specifically for sheets):
    // https://github.com/catamphetamine/read-excel-file/pull/95
    // Other libraries (like `xlsx`) and software (like Google Docs)
    // seem to support such absolute file paths, so this library does too.
    if (path[0] === '/') {
      return path.slice('/'.length);
    }
    // // Seems like a path could also be a URL.
    // // http://officeopenxml.com/anatomyofOOXML-xlsx.php
    // if (/^[a-z]+\:\/\//.test(path)) {
    //   return path
    // }
    return 'xl/' + path;
  }
}

function _typeof$3(o) { "@babel/helpers - typeof"; return _typeof$3 = "function" == typeof Symbol && "symbol" == typeof Symbol.iterator ? function (o) { return typeof o; } : function (o) { return o && "function" == typeof Symbol && o.constructor === Symbol && o !== Symbol.prototype ? "symbol" : typeof o; }, _typeof$3(o); }
var _excluded = ["xfId"];
function ownKeys$1(e, r) { var t = Object.keys(e); if (Object.getOwnPropertySymbols) { var o = Object.getOwnPropertySymbols(e); r && (o = o.filter(function (r) { return Object.getOwnPropertyDescriptor(e, r).enumerable; })), t.push.apply(t, o); } return t; }
function _objectSpread$1(e) { for (var r = 1; r < arguments.length; r++) { var t = null != arguments[r] ? arguments[r] : {}; r % 2 ? ownKeys$1(Object(t), true).forEach(function (r) { _defineProperty$1(e, r, t[r]); }) : Object.getOwnPropertyDescriptors ? Object.defineProperties(e, Object.getOwnPropertyDescriptors(t)) : ownKeys$1(Object(t)).forEach(function (r) { Object.defineProperty(e, r, Object.getOwnPropertyDescriptor(t, r)); }); } return e; }
function _defineProperty$1(obj, key, value) { key = _toPropertyKey$1(key); if (key in obj) { Object.defineProperty(obj, key, { value: value, enumerable: true, configurable: true, writable: true }); } else { obj[key] = value; } return obj; }
function _toPropertyKey$1(arg) { var key = _toPrimitive$1(arg, "string"); return _typeof$3(key) === "symbol" ? key : String(key); }
function _toPrimitive$1(input, hint) { if (_typeof$3(input) !== "object" || input === null) return input; var prim = input[Symbol.toPrimitive]; if (prim !== undefined) { var res = prim.call(input, hint); if (_typeof$3(res) !== "object") return res; throw new TypeError("@@toPrimitive must return a primitive value."); } return (hint === "string" ? String : Number)(input); }
function _objectWithoutProperties(source, excluded) { if (source == null) return {}; var target = _objectWithoutPropertiesLoose(source, excluded); var key, i; if (Object.getOwnPropertySymbols) { var sourceSymbolKeys = Object.getOwnPropertySymbols(source); for (i = 0; i < sourceSymbolKeys.length; i++) { key = sourceSymbolKeys[i]; if (excluded.indexOf(key) >= 0) continue; if (!Object.prototype.propertyIsEnumerable.call(source, key)) continue; target[key] = source[key]; } } return target; }
function _objectWithoutPropertiesLoose(source, excluded) { if (source == null) return {}; var target = {}; var sourceKeys = Object.keys(source); var key, i; for (i = 0; i < sourceKeys.length; i++) { key = sourceKeys[i]; if (excluded.indexOf(key) >= 0) continue; target[key] = source[key]; } return target; }
/**
 * Parses `.xlsx` file styles.
 * http://officeopenxml.com/SSstyles.php
 * Returns an array of cell styles.
 * A cell style index is the cell style ID.
 * @param {string} content
 * @param  {function} parseXml — SAX XML parser.
 * @returns {object} styles
 */
function parseStyles(content, parseXml) {
  // https://social.msdn.microsoft.com/Forums/sqlserver/en-US/708978af-b598-45c4-a598-d3518a5a09f0/howwhen-is-cellstylexfs-vs-cellxfs-applied-to-a-cell?forum=os_binaryfile
  // https://www.office-forums.com/threads/cellxfs-cellstylexfs.2163519/
  var state = createInitialState();
  return parseXml(content, state, onOpenTag, onCloseTag, null).then(function () {
    return getResultFromState(state);
  });
  function createInitialState() {
    return {
      numberFormats: [],
      baseStyles: [],
      // The first `164` elements of the `styles` array are going to be `undefined`
      // because those represent the built-in "default" styles in `.xlsx` specification.
      // These "default" styles have IDs from `0` to `163`, i.e. according to their index.
      styles: [],
      cellStyleXfs: false,
      cellXfs: false
    };
  }
  function getResultFromState(state) {
    return state.styles.map(function (style) {
      if (style.xfId) {
        var xfId = style.xfId,
          styleProperties = _objectWithoutProperties(style, _excluded);
        return _objectSpread$1(_objectSpread$1({}, state.baseStyles[xfId]), styleProperties);
      } else {
        return style;
      }
    });
  }
  function onOpenTag(tagName, attributes, state) {
    if (tagName === 'numFmt') {
      // `<numFmts/>` element contains `<numFmt/>` elements.
      // `<numFmt/>` defines a "number format" template.
      // The value of `numFmtId` attribute is a (numeric) ID of this "number format".
      var numFmtId = Number(attributes.numFmtId);
      var numberFormat = {
        id: numFmtId
      };
      //
      // If (and only if) `numFmtId` is >= 164, it is supposed to specify a `formatCode` (a template).
      //
      // For some reason, Microsoft Excel 2007 doesn't allow to redefine `numFmtId="99"`
      // but at the same time does allow redefining `numFmtId="100"`.
      //
      // Google AI says:
      //
      // "Standard built-in Excel formats use IDs from 0 to 49 (and some regional ones up to 81).
      //  IDs 164 and above are officially reserved for custom formats, but third-party spreadsheet
      //  generators or older templates frequently assign custom IDs starting at 100 (or lower)"
      //
      // Because of such "non-strict" behavior of Microsoft Excel 2007 regarding overwriting
      // number formats with ID >= 100, this package mimicks such "non-strict" approach.
      //
      if (numFmtId >= 100) {
        numberFormat.template = attributes.formatCode;
      }
      state.numberFormats[numFmtId] = numberFormat;
    } else if (tagName === 'cellStyleXfs') {
      // `<cellStyleXfs/>` contains "base styles" that could be extended by `<cellXfs/>`.
      // These styles don't apply to individual cells directly. They can only be extended.
      state.cellStyleXfs = true;
    } else if (tagName === 'cellXfs') {
      // `<cellXfs/>` contains individual cell styles. They can extend "base styles".
      state.cellXfs = true;
    } else if (tagName === 'xf') {
      if (state.cellStyleXfs) {
        // The index of a `<xf/>` element is by definition its numeric ID.
        // Therefore, even empty `style` elements still must be put into the array.
        state.baseStyles.push(parseCellStyle(attributes));
      } else if (state.cellXfs) {
        var style = parseCellStyle(attributes, state.numberFormats);
        // A style might extend a "base style" by its numeric ID.
        if (attributes.xfId) {
          style.xfId = Number(attributes.xfId);
        }
        // The index of a `<xf/>` element is by definition its numeric ID.
        // Therefore, even empty `style` elements still must be put into the array.
        state.styles.push(style);
      }
    }
  }
  function onCloseTag(tagName, state) {
    if (tagName === 'cellStyleXfs') {
      state.cellStyleXfs = false;
    } else if (tagName === 'cellXfs') {
      state.cellXfs = false;
    }
  }
  function parseCellStyle(attributes, numberFormats) {
    var style = {};
    // `numFmtId` in `<cellStyleXfs/>` and `<cellXfs/>` is a numerical ID
    // referencing the cell's "number format". Values from `0` to `163` are built-in formats,
    // while values `164` and above are custom formats defined in the `<numFmts/>` element.
    if (attributes.numFmtId) {
      var numFmtId = Number(attributes.numFmtId);
      // Built-in number formats don't have a `<numFmt/>` element in `styles.xml`.
      // https://hexdocs.pm/xlsxir/number_styles.html
      if (numberFormats && numberFormats[numFmtId]) {
        // Non-built-in number format.
        style.numberFormat = numberFormats[numFmtId];
      } else {
        // Built-in number format.
        style.numberFormat = {
          id: numFmtId
        };
      }
    }
    return style;
  }
}

/**
 * Parses `sharedStrings.xml` file.
 * @param {string} content
 * @param {function} parseXml — SAX XML parser.
 * @returns {Promise<string[]>}
 */
function parseSharedStrings(content, parseXml) {
  var state = createInitialState();
  return parseXml(content, state, onOpenTag, onCloseTag, onText).then(function () {
    return getResultFromState(state);
  });
  function createInitialState() {
    return {
      si: undefined,
      strings: []
    };
  }
  function getResultFromState(state) {
    return state.strings;
  }

  // In an XLSX `sharedStrings.xml` file, a <si/> (string item) element can have
  // either a single child <t/> element (meaning that "rich formatting" is not used)
  // or multiple child <r/> elements (meaning that "rich formatting" is used).
  function onOpenTag(tagName, attributes, state) {
    if (tagName === 'si') {
      state.si = createInitialStateInSharedString();
    } else if (state.si) {
      onOpenTagInSharedString(tagName, attributes, state.si);
    }
  }
  function onCloseTag(tagName, state) {
    if (tagName === 'si') {
      // Decode any potential `_xHHHH_`-encoded characters in a shared string.
      // Do it after all the `<t/>` chunks of the string have been concatenated.
      state.strings.push(unescapeXlsxString(state.si.string));
      state.si = undefined;
    } else if (state.si) {
      onCloseTagInSharedString(tagName, state.si);
    }
  }
  function onText(text, state) {
    if (state.si) {
      onTextInSharedString(text, state.si);
    }
  }

  // Shared String

  function createInitialStateInSharedString() {
    return {
      t: false,
      r: false,
      rPh: false,
      string: ''
    };
  }

  // In an XLSX `sharedStrings.xml` file, a <si/> (string item) element can have
  // either a single child <t/> element (meaning that "rich formatting" is not used)
  // or multiple child <r/> elements (meaning that "rich formatting" is used).
  function onOpenTagInSharedString(tagName, attributes, state) {
    // The possible children of <si> are:
    // * <t>: Represents a simple text string. For plain text, this is the only child.
    // * <r>: Represents a rich text run. When a cell contains text where only some words are bolded, colored, or styled differently, multiple <r> elements are used to break the text into formatted segments.
    // * <rPh> (Phonetic Run): Used primarily for East Asian languages to provide phonetic reading/pronunciation data (e.g., furigana in Japanese). It associates a phonetic pronunciation run right alongside the base string text tag <t>.
    // * <phoneticPr>: Defines the phonetic properties used for East Asian languages, specifically mapping how strings should be read for sorting and pronunciation.
    if (tagName === 't') {
      state.t = true;
    } else if (tagName === 'r') {
      // The possible children of <r/> are:
      // * <rPr> (Run Properties): The formatting properties for the text (font, size, color, bold, italic, etc.).
      // * <t> (Text): The actual text payload.
      // * <rPh> (Phonetic Run): Phonetic pronunciation guidance (used for East Asian languages like Japanese). It associates a phonetic pronunciation run right alongside the base string text tag <t>.
      state.r = true;
    } else if (tagName === 'rPh') {
      // The possible children of <rPh/> are:
      // * <t> (Text):  Contains the actual phonetic text or reading (usually in Katakana for Japanese) that corresponds to the associated character string.
      state.rPh = true;
    }
  }
  function onCloseTagInSharedString(tagName, state) {
    if (tagName === 't') {
      state.t = false;
    } else if (tagName === 'r') {
      state.r = false;
    } else if (tagName === 'rPh') {
      state.rPh = false;
    }
  }
  function onTextInSharedString(text, state) {
    if (state.rPh) ; else if (state.t) {
      if (state.r) {
        // An `<r/>` element could contain multiple `<t/>` elements,
        // the text content from all of which should be concatenated.
        state.string += text;
      } else {
        state.string = text;
      }
    }
  }
}

// Parses an Excel Date (represented by a "serial" floating-point number)
// into a javascript `Date` timestamp in UTC+0 timezone (with time is set to 00:00).
//
// https://www.pcworld.com/article/3063622/software/mastering-excel-date-time-serial-numbers-networkdays-datevalue-and-more.html
// "If you need to calculate dates in your spreadsheets,
//  Excel uses its own unique system, which it calls Serial Numbers".
//
function parseExcelTimestamp(excelSerialDate, epoch1904) {
  // "Excel serial date" is just a (fractional) count of days passed since `00/01/1900`.
  //
  // In contrast, "Unix timestamps" use `01/01/1970` as the baseline for numeric dates.
  //
  // In order to convert one into another, it should calculate the count of days elapsed
  // since `00/01/1900` (Excel epoch) till `01/01/1970` (Unix epoch), or the count of days
  // between year `1900` and year `1970`, plus one day.
  //
  // It also should account for the number of "leap years" between year `1900` and year `1970`,
  // which is 17 of them. https://kalender-365.de/leap-years.php
  //
  // "One year has the length of 365 days, 5 hours, 48 minutes and 45 seconds.
  //  These are 365.2421875 days. This is hard to calculate with, so for practical reasons
  //  a normal year has been given 365 days and a leap year 366 days. In leap years,
  //  February 29th is added as leap day, which doesn't exist in a normal year.
  //  A leap year is every 4 years, but not every 100 years, then again every 400 years.
  //  So the year 1900 wasn't a leap year, but 2000 was".
  //
  // And also, Excel has a historical bug when it incorrectly assumes year `1900` to be a leap year,
  // and, as a result, all Excel serial dates starting from March 1st, 1900 lag 1 day behind
  // and require an additional 1 day to be added to them in order to be converted to a proper timestamp.
  //
  // https://learn.microsoft.com/en-us/answers/questions/5249322/why-does-microsoft-excel-considers-29-02-1900-to-b?forum=msoffice-all&referrer=answers#:~:text=This%20made%20it%20easier%20for,other%20programs%20that%20use%20dates.
  //
  // "When Lotus 1-2-3 was first released, the program assumed that the year 1900 was a leap year,
  //  even though it actually was not a leap year. This made it easier for the program to handle
  //  leap years and caused no harm to almost all date calculations in Lotus 1-2-3.
  //
  //  When Microsoft Multiplan and Microsoft Excel were released, they also assumed that 1900
  //  was a leap year. This assumption allowed Microsoft Multiplan and Microsoft Excel to use
  //  the same serial date system used by Lotus 1-2-3 and provide greater compatibility with Lotus 1-2-3.
  //  Treating 1900 as a leap year also made it easier for users to move worksheets from one program
  //  to the other".
  //
  // So the historical bug is basically that Excel thinks that February 29th, 1900 existed
  // while in reality it didn't. That's why it's actually 1 day off for any date after that one.
  //
  var NUMBER_OF_LEAP_YEARS_BETWEEN_1900_AND_1970 = 17;
  var JANUARY_0TH_1900_DAY = 1;
  var ERRONEOUS_FEBRUARY_29_1990_DAY = 1;

  // An approximate count of seconds in a day is:
  // 24 hours * 60 minutes in an hour * 60 seconds in a minute
  //
  // It is approximate because a minute could be longer than 60 seconds, due to "leap seconds".
  //
  // Still, javascript `Date`, and UNIX time in general, intentionally
  // drop the concept of "leap seconds" in order to make things simpler.
  // So this approximation is valid and doesn't result in any bugs.
  // https://stackoverflow.com/questions/53019726/where-are-the-leap-seconds-in-javascript
  //
  // "The JavaScript Date object specifically adheres to the concept of Unix Time
  //  (albeit with higher precision). This is part of the POSIX specification,
  //  and thus is sometimes called "POSIX Time". It does not count leap seconds,
  //  but rather assumes every day had exactly 86,400 seconds. You can read about
  //  this in section 20.3.1.1 of the current ECMAScript specification, which states:
  //
  //  "Time is measured in ECMAScript in milliseconds since 01 January, 1970 UTC.
  //   In time values leap seconds are ignored. It is assumed that there are exactly
  //   86,400,000 milliseconds per day."
  //
  // The reason is that the unpredictable nature of leap seconds makes them very
  // difficult to work with in APIs. One can't generally pass timestamps around
  // that need leap seconds tables to be interpreted correctly, and expect that
  // one system will interpret them the same as another. For example, a timestamp
  // `1483228826` that accounts for "leap seconds" should've been interpreted as
  // "2017-01-01T00:00:00Z", but if the receiver doesn't account for "leap seconds",
  // they would interpret it as "2017-01-01T00:00:26Z" (e.g. POSIX-based systems like Linux),
  // So "leap seconds" aren't really portable.
  // Even on systems that have full frequently-updated "leap second" tables,
  // there's no telling what adjustments those tables will contain in the future
  // (i.e. beyond the 6-month IERS announcement period) because "leap seconds" can't be
  // determined by a fixed mathematical formula or something like that. Instead,
  // scientists introduce them as needed based on the observed Earth's rotation around the sun.
  //
  // "Because the Earth's rotational speed varies in response to climatic and geological events,
  //  UTC leap seconds are irregularly spaced and not precisely predictable. The decision to insert
  // a leap second is made by the International Earth Rotation and Reference Systems Service (IERS),
  // typically about six months in advance, to ensure that the difference between UTC and UT1
  // does not exceed ±0.9 seconds."
  //
  // One example is year `1900` which is "every fourth year" but it still is not a "leap year".
  //
  // To reiterate: to support leap seconds in a programming language, the implementation
  // must go out of its way to do so, and must make tradeoffs that are not always acceptable.
  // Though there are exceptions, the general position is to not support them - not because
  // of any subversion or active countermeasures, but because supporting them properly is much,
  // much harder.
  //
  // https://en.wikipedia.org/wiki/Unix_time#Leap_seconds
  // https://en.wikipedia.org/wiki/Leap_year
  // https://en.wikipedia.org/wiki/Leap_second
  //
  var DAY = 24 * 60 * 60 * 1000;
  var DAYS_IN_YEAR = 365;

  // Windows operating system uses floating-point numbers to represent dates,
  // where the number represents the count of days elapsed since January 0th, 1900.
  //
  // This also means that there're 2 aspects associated with this choice:
  //
  // * January 1st, 1900, 00:00 is represented by `1` rather than `0`, which looks a bit weird.
  // * 1900 is a special year because it's a "one in a 100 years" occasion when it's not a leap year.
  //
  // To work around those two aspects, Mac OS chose another baseline — January 1st, 1900.
  // Although, that only postponed the second issue because 2100 is going to be the next "speciaL" year
  // which is not going to be a "leap" one.
  //
  // Older versions of Excel on Mac OS used year 1904 as the default baseline for numeric dates.
  // Since 2011, Microsoft Excel on Mac OS uses year 1900 as the default baseline for cross-platform consistency.
  // https://support.microsoft.com/en-us/office/date-systems-in-excel-e7fe7167-48a9-4b96-bb53-5612a800b487
  //
  // So the 1904 baseline is now deprecated, although still available to be configured manually.
  // So it still might be encountered in Excel files created on MacOS.
  // In that case, the Excel file contains a special flag — `<workbook><workbookPr date1904="1"/>...` —
  // that tells the application which baseline is being used for numeric date timestamps.
  //
  if (epoch1904) {
    // Convert the numeric date timestamp from 1904 baseline to 1900 baseline.
    excelSerialDate += (1904 - 1900) * DAYS_IN_YEAR + JANUARY_0TH_1900_DAY + ERRONEOUS_FEBRUARY_29_1990_DAY;
  }
  var daysBeforeUnixEpoch = JANUARY_0TH_1900_DAY + ERRONEOUS_FEBRUARY_29_1990_DAY + (1970 - 1900) * DAYS_IN_YEAR + NUMBER_OF_LEAP_YEARS_BETWEEN_1900_AND_1970;
  return Math.floor((excelSerialDate - daysBeforeUnixEpoch) * DAY);
}

// In some date formats, there's a ";@" postfix.
// It instructs the spreadsheet editor application to display any non-numeric
// value as is instead of hiding it or something like that.
//
// For example, if one inputs "Some text" instead of a date in such cell,
// it will still show "Some text" instead of an empty cell, even though
// the value is strictly-speaking invalid.
//
// Specifically, ";" means "anything before this applies only to a numeric value,
// while anything after it applies to a text value". And a follow-up "@" means
// "for a text value, just output it as is".
//
// It's not really clear why would anyone add such a feature to a format.
// Perhaps it feels more "user-friendly" towards a non-"tech-savvy" user
// of a spreadsheet editor application.
//
// Format examples:
//
// * "m/d/yyyy;@"
// * "[$-414]mmmm\ yyyy;@"
//
// This variable is exported only to be specified in `worker-f` dependencies.
//
var DATE_FORMAT_POSTFIX_THAT_ALLOWS_ANY_ARBITRARY_TEXT_INPUT = /;@$/;

// Date format template will be cleared of any "unrelated" characters.
//
// * Characters `a-z` are "related" because they're used as date format tokens.
//   * d — Day
//   * yyyy — Year
//   * etc
//
// * Characters `0#?,.%` are "related" because they indicate a numeric number format.
//   * 0 — Mandatory digit placeholder
//   * # — Optional digit placeholder
//   * ? — Digit placeholder that aligns decimals or fraction spaces
//   * , or . — Thousands and decimal separators. This one is ignored because
//     it could also be present in a valid date template: "d mmmm yyyy г." or "mmm dddd, yyyy"
//   * % — Percentage multiplier
//
// This  variable is exported only to be specified in `worker-f` dependencies.
//
var DATE_FORMAT_TOKEN_SPLITTER_REG_EXP = /[^a-z0#\?%]+/;

/**
 * XLSX standard does have "d" type for dates, but it's not commonly used.
 * Instead, `.xlsx` files use "n" type for storing both numbers and dates (as timestamps).
 * So how does one tell if a cell value should be interpreted as a number or as a date?
 * The answer is in the "format" that is used to "format" the cell value: if it's
 * date-specific then it's a date, otherwise it's a number.
 * This function tells if a given number format template represents a date rather than a number.
 * @param {number} formatId
 * @param {string} template
 * @param {boolean?[]} dateFormatDetectionCache
 * @returns {boolean}
 */
function isDateFormat(formatId, template, dateFormatDetectionCache) {
  var cachedResult = dateFormatDetectionCache[formatId];
  if (cachedResult === undefined) {
    return dateFormatDetectionCache[formatId] = isDateFormatTemplate(template);
  }
  return cachedResult;
}

/**
 * XLSX standard does have "d" type for dates, but it's not commonly used.
 * Instead, `.xlsx` files use "n" type for storing both numbers and dates (as timestamps).
 * So how does one tell if a cell value should be interpreted as a number or as a date?
 * The answer is in the "format" that is used to "format" the cell value: if it's
 * date-specific then it's a date, otherwise it's a number.
 * This function tells if a given number format template represents a date rather than a number.
 * @param {string} numberFormat
 * @returns {boolean}
 */
function isDateFormatTemplate(template) {
  // Date format tokens could be in upper case or in lower case.
  // Normalize the format template by lowercasing it first.
  template = template.toLowerCase();

  // In some date formats, there's an ";@" suffix. Remove it.
  //
  // Adding ";@"" at the end ensures that if someone types text into the cell
  // instead of a date, Excel displays that text normally rather than hiding it or throwing an error.
  // Because it occurs in almost all Excel date formats, it should be stripped.
  //
  template = template.replace(DATE_FORMAT_POSTFIX_THAT_ALLOWS_ANY_ARBITRARY_TEXT_INPUT, '');

  // Replace any escaped characters with a dummy placeholder
  // that won't be recognized as a "meaningful" character,
  // and therefore it won't influence further parsing.
  //
  // The dummy placeholder is not removed because it still acts as a sepaarator
  // between potential adjacent "meaningful" tokens. If it was simply removed
  // then it could potentially merge two valid date format tokens into an invalid one.
  // Example: "d\my" → "d y" (tokens: "d" and "y" — both valid) vs "d\my" → "dy" (unknown token "dy").
  //
  // Escaping is done by putting a backslash (\) directly before a character.
  // For example, `0.00\m` displays letter "m" literally instead of interpreting it
  // as a month or minute token.
  //
  template = template.replace(/\\./g, ' ');

  // Split the template by semicolon character into potential multiple independent parts
  // and then test each part independently. If one part represents a date format then
  // the entire format does.
  //
  // What are the cases when there could be a semicolon in a date format tempalte:
  //
  // * There could be a conditional prefix — `[Condition]TrueFormat;FalseFormat` —
  //   that splits the template into `TrueFormat` and `FalseFormat` parts which
  //   should be evaluated independently. If `TrueFormat` or `FalseFormat` part
  //   represents a date format then the entire format represents a date.
  //
  //   * Example: `[<45000]"Old: "yyyy-mm-dd;yyyy-mm-dd` displays "Old"
  //     if the date serial is under 45000, otherwise it shows the date.
  //
  //     * Possible operators:
  //       * [>number] (Greater than)
  //       * [>=number] (Greater than or equal to)
  //       * [<number] (Less than)
  //       * [<=number] (Less than or equal to)
  //       * [=number] (Equal to)
  //       * [<>number] (Not equal to)
  //
  //   * Excel only allows one conditional prefix to be used.
  //     * Correct: `[<45000]MM/DD/YYYY; DD-MMM-YYYY`
  //     * Incorrect: `[<45000]MM/DD/YYYY; [>=45000]DD-MMM-YYYY`
  //
  // * Another possible case of using semicolons is dividing a format for different types of data:
  //   `Positive values; Negative values; Zero values; Text`.
  //   In such case, if any of these parts represent a date then the entire format represents a date.
  //
  //   * Example: `yyyy-mm-dd;[Red]yyyy-mm-dd; "No Date"` — Displays normal dates normally,
  //     negative/error serials in red, and text/zero entries as "No Date".
  //
  var templates = template.split(';');

  // If any of the sub-templates represent a date then the entire template represents a date.
  return templates.some(isDateFormatSubTemplate);

  /**
   * Tells if a given format template formats a date.
   * @param {string} template
   * @returns {boolean}
   */
  function isDateFormatSubTemplate(template) {
    // Replace any quoted text with a dummy placeholder
    // that won't be recognized as a "meaningful" character,
    // and therefore it won't influence further parsing.
    //
    // The dummy placeholder is not removed because it still acts as a sepaarator
    // between potential adjacent "meaningful" tokens.If it was simply removed
    // then it could potentially merge two valid date format tokens into an invalid one.
    // Example: `d"-"y` → `d y` (tokens: "d" and "y" — both valid) vs `d"-"y` → `dy` (unknown token "dy").
    //
    // Formats could include arbitrary prefixes or postfixes.
    // Example: `"Date: "yyyy-mm-dd` will display "Date: 2026-06-06".
    // Example: `yyyy-mm-dd "EST"` will display "2026-08-09 EST".
    //
    template = template.replace(/"[^"]*"/g, ' ');

    // Remove ".0" or ".00" or ".000" tokens from the format template.
    //
    // * Adding ".0" after "s" tells Excel to displays the fractional part of a second
    //   rounded to one decimal place (tenths). For example, a template "mm:ss.0"
    //   will output: 30:00.0, 30:00.1, 30:00.2, etc.
    //
    //   * Another example: "[ss].0" format displays elapsed time in seconds
    //     with fractional tenths of a second, allowing seconds to accumulate
    //     past 59 without rolling over into minutes: 59.0, 60.0, 61.0, 62.0, etc.
    //
    // * Adding ".00" after "s" tells Excel to displays the fractional part of a second
    //   rounded to two decimal places (hundredths). For example, a template "mm:ss.00"
    //   will output: 30:00.00, 30:00.01, 30:00.02, etc.
    //
    // * Adding ".000" after "s" (such as "ss.000" or "s.000") displays milliseconds
    //   (fractional seconds) up to three decimal places: 30:00.000, etc.
    //
    // Sidenote: The character before `00` or `000` could not only be `.` but also `,`
    // depending on the system's language settings (European regions use `,`).
    //
    // Such tokens are also used in general number formats, so they're not exclusive to dates.
    // For example, ".000" token forces a number to display exactly three decimal places,
    // padding with zeros if necessary and rounding if there are more.
    //
    // This is the reason why "00" or "000" aren't added to `DATE_TEMPLATE_TOKENS` —
    // because they're not exclusively "date template tokens" but rather
    // "numeric template tokens" in general. Hence, they should be removed
    // at the clean-up stage, because their presence can't be a deciding factor
    // when telling if a given template corresponds to a date or not.
    //
    template = template.replace(/(\[?[smhd]{1,2}\]?)[\.\,]00?0?/g, '$1');

    // Replace elapsed time brackets with regular time tokens.
    //
    // Formats like `[h]:mm:ss` or `[m]:ss` explicitly represent durations (elapsed time)
    // rather than standard calendar dates, but they are parsed under the Date/Time engine
    // umbrella in Excel. The presence of `[d]` or `[h]` or `[m]` or `[s]` with square brackets
    // (or same tokens with duplicate letters like `[ss]` that conditionally add a leading zero)
    // automatically  categorizes it as a Time format.
    //
    template = template.replace(/\[([smhd]{1,2})\]/g, '$1');

    // Remove any prefixes from the format template.
    //
    // There could be multiple prefixes in a date format template.
    // Example: `[Yellow][DBNum1][$-404]yyyy"年"m"月"d"日";@`
    // Any of those prefixes, as their name suggests, could only be present at the start.
    // They could be present in any number and in any order.
    // All those prefixes should be stripped.
    //
    // What kinds of prefixes could there be?
    //
    // * Conditional prefix — `[Condition]TrueFormat;FalseFormat` — has already been explained earlier.
    //
    // * Native number modifier — It changes standard numbers or date values into native character sets,
    //   specifically lowercase Kanji, Chinese, or Korean numerals.
    //
    //   Example values:
    //
    //   * [DBNum1] / [NatNum1]: Displays numbers as lowercase or standard Kanji/native numerals
    //     (e.g., 一, 二, 三).
    //   * [DBNum2] / [NatNum2]: Displays numbers as formal/uppercase Kanji or traditional numerals
    //     (e.g., 壱, 弐, 参).
    //   * [DBNum3] / [NatNum3]: Displays numbers using full-width Arabic numerals.
    //   * [DBNum4]: Often maps to specific local simplified or phonetic numeral representations
    //     depending on the system language settings.
    //
    // * Color prefix — outputs the value in a given color.
    //
    //   Example values:
    //
    //   * `[ColorN]`
    //   * `[Red]`
    //   * `[Yellow]`
    //
    // * Locale prefix — outputs the value using according to a given locale.
    //
    //   Syntax format: [$-LCID], where "LCID" means "Windows Locale ID" and is a hexademical number.
    //
    //   Example values:
    //
    //   * [$-0409] — English (United States)
    //   * [$-0809] — English (United Kingdom)
    //   * [$-0407] — German (Germany)
    //   * [$-40c] — French (France)
    //   * [$-ru-RU] — Russian (Russia)
    //   * [$-x-sysdate] — Uses the computer's local system long date format
    //
    //   Example: `[$-0407]dd-mmm-yyyy` forces the short month name to output in German.
    //
    //   Such prefix could also specify an alternative calendar system using specific trailing letters:
    //
    //   Example values:
    //
    //   * [$-,F] — Lunar calendar
    //   * [$-,G] — Indian Civil calendar
    //   * [$-,M] — Persian calendar
    //   * [$-,N] — Hijri (Islamic) calendar
    //   * [$-,106] or [$-0106] — Arabic / Islamic calendar
    //   * [$-,B1] (legacy) — Forces standard Gregorian interpretation
    //   * [$-,B2] (legacy) — Forces Hijri interpretation mode
    //
    //   Seeing a locale prefix in a format doesn't necessarily imply that this is a date format.
    //   For example, `[$-409]#,##0.00` format could be used on a generic number to force
    //   standard dot-and-comma layout that is used the US English locale.
    //
    template = template.replace(/\[[^\]]*\]/g, '');

    // Extract any remaining alphabetic parts from what's left from the template string.
    // Example: "mm/dd/yyyy" → ["mm", "dd", "yyyy"]
    var tokens = template.split(DATE_FORMAT_TOKEN_SPLITTER_REG_EXP)
    // Filter out any empty-string tokens.
    // For example, Russian template "d mmmm yyyy г." contains "г." postfix after year.
    // Splitting it by the above regexp would prodce an empty-string token at the end of the template.
    // Similarly, splitting a non-existing template "г. d mmmm yyyy" by the regexp above
    // would produce an empty-string token at the start of the template.
    // So any instances of an empty-string token at the start or at the end should be filtered out.
    // Normally, Excel would escape any such "г." strings (and even spaced) with a backslash,
    // but an `.xlsx` file could come from any other source that does not perform such escaping,
    // such as a hand-made script.
    .filter(function (_) {
      return _;
    });

    // Normally, if there're any date-specific tokens in the template then it is considered
    // a date format. Otherwise, it is considered a number format.
    //
    // That algorithm works if the format template parsing engine is solid and covered
    // with a gazillion of tests, because otherwise it could potentially produce "false positive"
    // results due to the very "permissive" nature of it making a decision.
    //
    // If the format parsing engine has some kind of a bug, and falsely categorizes a format
    // to represent a date when in reality it represents a number, things could go wrong
    // and the user would get weird output when some numbers are presented as if they were dates.
    //
    // In order to avoid such "false positives", there're two ways:
    // * Someone ports a format template parsing engine from an existing spreadsheet editor application's code.
    // * The format template parsing engine stays as is but becomes less permissive when making a decision.
    //
    // The latter approach is used, meaning that inclusion of any "unexpected" characters in the template
    // will stop it from being treated as a date template. What should the "unexpected" characters be then?
    // I'd suppose that those should be ones that're known to be used in numeric number formats:
    //
    // * 0 — Mandatory digit placeholder
    // * # — Optional digit placeholder
    // * ? — Digit placeholder that aligns decimals or fraction spaces
    // * , or . — Thousands and decimal separators. This one is not included because it could also be used in date formats.
    // * % — Percentage multiplier

    return tokens.length === 0
    // If no date-template-specific tokens are present in what's left from the template string
    // then it could be any kind of template such as a generic numeric template
    // such as "$#,##0.00" currency template or "0.0%" percentage template.
    // I.e. it's better to output a "false positive" here rather than end up
    // accidentally interpreting numbers as dates, which users wouldn't want.
    ? false
    // If a non-date-format-specific token is found, then it might not necessarily be a date format.
    // In order to make a certain guess and avoid "false positives", it should treat any
    // unexpected situations as "not a date template" so that it doesn't accidentally
    // interpret numbers as dates, which users wouldn't want.
    : tokens.every(function (token) {
      return DATE_FORMAT_TEMPLATE_TOKENS.indexOf(token) >= 0;
    });
  }
}

// These tokens could be in upper case or in lower case.
// There seems to be no single standard, so using lower case.
//
// This is exported only to be specified in `worker-f` dependencies.
//
var DATE_FORMAT_TEMPLATE_TOKENS = [
// Seconds.
's',
// Seconds (min two digits). Example: "05".
'ss',
// Minutes. Could also means months, depending on the context. Example: "5".
'm',
// Minutes (min two digits). Could also means months, depending on the context. Example: "05".
'mm',
// Hours. Example: "1".
'h',
// Hours (min two digits). Example: "01".
'hh',
// "am" part of "am/pm" or "AM/PM".
'am',
// "pm" part of "am/pm" or "AM/PM".
'pm',
// "a" part of "a/p" or "A/P".
'a',
// "p" part of "a/p" or "A/P".
'p',
// Day. Example: "1"
'd',
// Day (min two digits). Example: "01"
'dd',
// Short, three-letter abbreviation for the day of the week. Example: "Mon"
'ddd',
// Full name of the day of the week. Example: "Monday"
'dddd',
// Abbreviated weekday name. Example: "Mon", "Tue"
'aaa',
// Full weekday name. Example: "Monday", "Tuesday"
'aaaa',
// First letter of the weekday name. Example: "M", "T"
'aaaaa',
// Month (numeric). Could also mean minutes, depending on the context. Example: "1".
'm',
// Month (numeric, min two digits). Could also mean minutes, depending on the context. Example: "01".
'mm',
// Month (shortened month name). Example: "Jan".
'mmm',
// Month (full month name). Example: "January".
'mmmm',
// Month (first letter). Example: "J".
'mmmmm',
// Excel typically treats a single `y` the same as `yy` in custom formatting,
// though standard practice is using `yy` or `yyyy`.
'y',
// Two-digit year, with a leading zero if needed. Example: "01".
'yy',
// Full year. Example: "2001".
'yyyy',
//
// `e` or `ee` token stands for "era year" and represents an era-based year,
// primarily supporting Japanese, Taiwanese, or Minguo/Buddhist calendar systems.
// An example of an "era year" would be Heisei or Reiwa year numbers,
// or Buddhist Era years which are Gregorian years plus 543.
//
// * `e` outputs the era year as a 4-digit (or unpadded) number.
//   For example, `2026` or `115` depending on the active regional era.
//   In standard Western/Gregorian locales, Excel often falls back to treating `e`
//   similarly to a regular year layout.
//
// * `ee` outputs a 2-digit padded era year. For example, `26` or `15`.
//
// * `eeee` — While `yyyy` is the standard token for a 4-digit year,
//   `eeee` is historically used for specialized international calendar eras
//   (like the Japanese or Taiwanese imperial eras). However, in standard
//   Western/Gregorian system locales, Excel treats `eeee` exactly like `yyyy`.
'e', 'ee', 'eeee'];

// XLSX does have "d" type for dates, but it's not commonly used.
// Instead, it prefers using "n" type for storing dates as timestamps.
//
// Whether a numeric value is a number or a date timestamp, it sometimes could be
// detected by looking at the value "format" and seeing if it's a date-specific one.

function isDateFormatStyle(style, defaultDateFormat, shouldGuessDateFormatFromNumberFormatTemplate, dateFormatDetectionCache) {
  if (!style.numberFormat) {
    return false;
  }
  if (
  // Whether it's a "number format" that's conventionally used for storing date timestamps.
  BUILT_IN_DATE_FORMAT_IDS.indexOf(style.numberFormat.id) >= 0 ||
  // Whether it's a "number format" that uses a "formatting template"
  // that the developer is certain is a date formatting template.
  defaultDateFormat && style.numberFormat.template === defaultDateFormat ||
  // Whether the "smart formatting template" feature is not disabled
  // and it has detected that it's a date formatting template by looking at it.
  shouldGuessDateFormatFromNumberFormatTemplate && style.numberFormat.template && isDateFormat(style.numberFormat.id, style.numberFormat.template, dateFormatDetectionCache)) {
    return true;
  }
  return false;
}

// Built-in formats have ID < 164.
// Some of those formats are intended to use when displaying dates.
//
// Depending on the "locale" used by the spreadsheet viewing application,
// different built-in format IDs might correspond to different templates.
// https://learn.microsoft.com/en-us/dotnet/api/documentformat.openxml.spreadsheet.numberingformat?view=openxml-2.8.1
//
// Here's a list of "locale"-independent built-in format IDs that're known to represent dates.
//
var LOCALE_INDEPENDENT_BUILT_IN_DATE_FORMAT_IDS = [14,
// mm-dd-yy
15,
// d-mmm-yy
16,
// d-mmm
17,
// mmm-yy
18,
// h:mm AM/PM
19,
// h:mm:ss AM/PM
20,
// h:mm
21,
// h:mm:ss
22,
// m/d/yy h:mm
45,
// mm:ss
46,
// [h]:mm:ss
47 // mmss.0
];

// "zh-tw" OR "zh-cn" locales.
// Language glyphs (aka "hieroglyphs") are not replaced with their respective unicode values here.
var MAINLAND_CHINESE_OR_TAIWANESE_LOCALE_BUILT_IN_DATE_FORMAT_IDS = [27,
// [$-404]e/m/d OR yyyy"年"m"月"
28,
// [$-404]e"年"m"月"d"日" OR m"月"d"日"
29,
// [$-404]e"年"m"月"d"日" OR m"月"d"日"
30,
// m/d/yy OR m-d-yy
31,
// yyyy"年"m"月"d"日" OR yyyy"年"m"月"d"日"
32,
// hh"時"mm"分" OR h"时"mm"分"
33,
// hh"時"mm"分"ss"秒" OR h"时"mm"分"ss"秒"
34,
// 上午/下午hh"時"mm"分" OR 上午/下午h"时"mm"分"
35,
// 上午/下午hh"時"mm"分"ss"秒" OR 上午/下午h"时"mm"分"ss"秒"
36,
// [$-404]e/m/d OR yyyy"年"m"月"
50,
// [$-404]e/m/d OR yyyy"年"m"月"
51,
// [$-404]e"年"m"月"d"日" OR m"月"d"日"
52,
// 上午/下午hh"時"mm"分" OR yyyy"年"m"月"
53,
// 上午/下午hh"時"mm"分"ss"秒" OR m"月"d"日"
54,
// [$-404]e"年"m"月"d"日" OR m"月"d"日"
55,
// 上午/下午hh"時"mm"分" OR 上午/下午h"时"mm"分"
56,
// 上午/下午hh"時"mm"分"ss"秒" OR 上午/下午h"时"mm"分"ss"秒"
57,
// [$-404]e/m/d OR yyyy"年"m"月"
58 // [$-404]e"年"m"月"d"日" OR m"月"d"日"
];

// "ja-jp" OR "ko-kr" locales.
// Language glyphs (aka "hieroglyphs") are not replaced with their respective unicode values here.
var JAPANESE_OR_KOREAN_LOCALE_BUILT_IN_DATE_FORMAT_IDS = [27,
// [$-411]ge.m.d OR yyyy"年" mm"月" dd"日"
28,
// [$-411]ggge"年"m"月"d"日" OR mm-dd
29,
// [$-411]ggge"年"m"月"d"日" OR mm-dd
30,
// m/d/yy OR mm-dd-yy
31,
// yyyy"年"m"月"d"日" OR yyyy"년" mm"월" dd"일"
32,
// h"時"mm"分" OR h"시" mm"분"
33,
// h"時"mm"分"ss"秒" OR h"시" mm"분" ss"초"
34,
// yyyy"年"m"月" OR yyyy-mm-dd
35,
// m"月"d"日" OR yyyy-mm-dd
36,
// [$-411]ge.m.d OR yyyy"年" mm"月" dd"日"
50,
// [$-411]ge.m.d OR yyyy"年" mm"月" dd"日"
51,
// [$-411]ggge"年"m"月"d"日" OR mm-dd
52,
// yyyy"年"m"月" OR yyyy-mm-dd
53,
// m"月"d"日" OR yyyy-mm-dd
54,
// [$-411]ggge"年"m"月"d"日" OR mm-dd
55,
// yyyy"年"m"月" OR yyyy-mm-dd
56,
// m"月"d"日" OR yyyy-mm-dd
57,
// [$-411]ge.m.d OR yyyy"年" mm"月" dd"日"
58 // [$-411]ggge"年"m"月"d"日" OR mm-dd
];

// "th-th" locale.
// Language glyphs (aka "hieroglyphs") are not replaced with their respective unicode values here.
var THAI_LOCALE_BUILT_IN_DATE_FORMAT_IDS = [71,
// ว/ด/ปปปป
72,
// ว-ดดด-ปป
73,
// ว-ดดด
74,
// ดดด-ปป
75,
// ช:นน
76,
// ช:นน:ทท
77,
// ว/ด/ปปปป ช:นน
78,
// นน:ทท
79,
// [ช]:นน:ทท
80,
// นน:ทท.0
81 // d/m/bb
];

// This is exported only to be passed in `worker-f` dependencies.
//
// Start with language-agnostic date format IDs.
var BUILT_IN_DATE_FORMAT_IDS = LOCALE_INDEPENDENT_BUILT_IN_DATE_FORMAT_IDS.concat(
// Add Mainland Chinese or Taiwanese date format IDs that haven't already been added.
MAINLAND_CHINESE_OR_TAIWANESE_LOCALE_BUILT_IN_DATE_FORMAT_IDS).concat(
// Add Japanese or Korean date format IDs that haven't already been added.
JAPANESE_OR_KOREAN_LOCALE_BUILT_IN_DATE_FORMAT_IDS.filter(function (numberFormatId) {
  return MAINLAND_CHINESE_OR_TAIWANESE_LOCALE_BUILT_IN_DATE_FORMAT_IDS.indexOf(numberFormatId) < 0;
})).concat(
// Add Thai date format IDs that haven't already been added.
THAI_LOCALE_BUILT_IN_DATE_FORMAT_IDS.filter(function (numberFormatId) {
  return MAINLAND_CHINESE_OR_TAIWANESE_LOCALE_BUILT_IN_DATE_FORMAT_IDS.indexOf(numberFormatId) < 0;
}).filter(function (numberFormatId) {
  return JAPANESE_OR_KOREAN_LOCALE_BUILT_IN_DATE_FORMAT_IDS.indexOf(numberFormatId) < 0;
}));

function _slicedToArray$1(arr, i) { return _arrayWithHoles$1(arr) || _iterableToArrayLimit$1(arr, i) || _unsupportedIterableToArray$2(arr, i) || _nonIterableRest$1(); }
function _nonIterableRest$1() { throw new TypeError("Invalid attempt to destructure non-iterable instance.\nIn order to be iterable, non-array objects must have a [Symbol.iterator]() method."); }
function _unsupportedIterableToArray$2(o, minLen) { if (!o) return; if (typeof o === "string") return _arrayLikeToArray$2(o, minLen); var n = Object.prototype.toString.call(o).slice(8, -1); if (n === "Object" && o.constructor) n = o.constructor.name; if (n === "Map" || n === "Set") return Array.from(o); if (n === "Arguments" || /^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(n)) return _arrayLikeToArray$2(o, minLen); }
function _arrayLikeToArray$2(arr, len) { if (len == null || len > arr.length) len = arr.length; for (var i = 0, arr2 = new Array(len); i < len; i++) arr2[i] = arr[i]; return arr2; }
function _iterableToArrayLimit$1(r, l) { var t = null == r ? null : "undefined" != typeof Symbol && r[Symbol.iterator] || r["@@iterator"]; if (null != t) { var e, n, i, u, a = [], f = true, o = false; try { if (i = (t = t.call(r)).next, 0 === l) ; else for (; !(f = (e = i.call(t)).done) && (a.push(e.value), a.length !== l); f = !0); } catch (r) { o = true, n = r; } finally { try { if (!f && null != t["return"] && (u = t["return"](), Object(u) !== u)) return; } finally { if (o) throw n; } } return a; } }
function _arrayWithHoles$1(arr) { if (Array.isArray(arr)) return arr; }

// An empty cell has `null` value.
var EMPTY_CELL_VALUE$1 = null;

// This variable represents a cell with a `null` value.
// It is exported only to be specified as a dependency when using `worker-f`.
var EMPTY_CELL = [null, EMPTY_CELL_VALUE$1];

/**
 * Parses a cell from the info extracted from XML.
 * @param {string} [t] — `<c t/>` attribute value (cell type). One of: b (Boolean), e (Error), n (Number), d (Date), s (String).
 * @param {string} [s] — `<c s/>` attribute value (formatting style ID). When present, should be a stringified zero-based index of the formatting style for a numberic cell.
 * @param {string} [v] — `<v/>` element text content (value). Will be `undefined` if the `<v/>` element absent. Will be an empty string `""` if the `<v/>` element is present but is empty.
 * @param {string} [inlineString] — Inline string value.
 * @param {any[]} parameters
 * @returns {[string|null,string|number|boolean|null] | string} Either `[type, value]` or `error`, where `value` is the cell value, `type` depends on the type of `value` and could be one of: 's' (string), 'b' (boolean), 'n' (number string), 'd' (date timestamp), 'e' (formula cell error), `null` (null); `error` is an error message: `VALUE_MISSING`, `VALUE_INVALID`, `FORMAT_INVALID`, `TYPE_INVALID`.
 */
function parseCell(t, s, v, inlineString, _ref) {
  var _ref2 = _slicedToArray$1(_ref, 7),
    sharedStrings = _ref2[0],
    styles = _ref2[1],
    epoch1904 = _ref2[2],
    dateFormatDetectionCache = _ref2[3],
    defaultDateFormat = _ref2[4],
    dateTemplateParser = _ref2[5],
    parseNumberCustom = _ref2[6];
  // Available Excel cell types:
  // https://github.com/SheetJS/sheetjs/blob/19620da30be2a7d7b9801938a0b9b1fd3c4c4b00/docbits/52_datatype.md
  //
  // Some other document (seems to be old):
  // http://webapp.docx4java.org/OnlineDemo/ecma376/SpreadsheetML/ST_CellType.html
  //
  // The default cell type is "n" (numeric), according to XLSX specification.
  //
  switch (t || 'n') {
    // `t="str"` means that the cell value is calculated using a formula.
    // The formula is defined as the text of a child `<f/>` element.
    //
    // It could optionally include a `<v/>` element whose text is the cached result
    // of the calculation from the last time the file was saved in a spreadsheet editor application.
    //
    // An optional `<v/>` element holds a pre-computed result of the formula defined by `<f/>`.
    //
    // Example:
    //
    // <c r="B3" t="str">
    // 	<f>CONCATENATE(C1,D1)</f>
    // 	<v>C1ValueD1Value</v>
    // </c>
    //
    // Here's a guide on formulas in XLSX files:
    // https://github.com/MiniMax-AI/skills/blob/main/skills/minimax-xlsx/references/validate.md
    //
    case 'str':
      // The `<v/>` element could be absent because it's not required to be pre-computed by the spec.
      // In such case, `v` argument value would be `undefined`.
      // Because this package can't include the whole formula calculation engine,
      // it has to interpret this situation as an error.
      if (v === undefined) {
        return 'VALUE_MISSING';
      }
      // The `<v/>` element could be present but its text content could be empty
      // because the formula returns an empty string.
      // For example, a valid case of `v` argument value being an empty string `""` is when
      // a formula in cell `A1` is `=CONCATENATE(B1,C1)` and both `B1` and `C1` cells are empty.
      if (!v) {
        return EMPTY_CELL;
      }
      return ['s', v];

    // `t="inlineStr"` means that `<is/>` holds the string value.
    //
    // Inside a `<c t="inlineStr"/>`, the specification requires there to exist an `<is/>` element,
    // and within that `<is/>` element it requires to exist a `<t/>` element.
    //
    // Example:
    //
    // <c r="A1" s="1" t="inlineStr">
    //   <is>
    //     <t>
    //       Test 123
    //     </t>
    //   </is>
    // </c>
    //
    case 'inlineStr':
      if (inlineString === undefined) {
        return 'VALUE_MISSING';
      }
      return ['s', inlineString];

    // `type="s"` means that the string value is stored in the Shared Strings Table.
    // This way it attempts to compress the `.xlsx` file by reusing all string values
    // in case they repeat throughout the spreadsheet.
    //
    // This optimization can't be used when writing an `.xlsx` file in a "streaming"
    // fashion, i.e. when the entire spreadsheet data is not known in adavance
    // at the start of writing the file.
    // But it can be used in all other situations. And hence, it is used.
    // So this is the most common cell type, actually.
    //
    // Example:
    //
    // <c r="A3" t="s">
    //   <v>3</v>
    // </c>
    //
    case 's':
      // If a cell has no value then there's no `<c/>` element for it.
      // If a `<c/>` element exists then it's not empty.
      // The `<v/>` element's text is a zero-based index in the "shared strings" dictionary.
      if (!v) {
        return 'VALUE_MISSING';
      }
      var sharedStringIndex = Number(v);
      // The shared string index value could be:
      // * not a number
      // * a number but a fractional one
      // * an integer that is out of bounds of the shared strings array
      if (isNaN(sharedStringIndex) || sharedStrings[sharedStringIndex] === undefined) {
        return 'VALUE_INVALID';
      }
      return ['s', sharedStrings[sharedStringIndex]];

    // Boolean (TRUE/FALSE) values are stored as either "1" or "0" in cells of type "b".
    //
    // Example:
    //
    // <c r="A1" t="b">
    //   <v>1</v>
    // </c>
    //
    case 'b':
      if (!v) {
        return 'VALUE_MISSING';
      }
      if (v === '1') {
        return ['b', true];
      }
      if (v === '0') {
        return ['b', false];
      }
      return 'VALUE_INVALID';

    // If cell type is "e", the `<v/>` element's text is an error code string (required).
    //
    // Example:
    //
    // <c r="A1" t="e">
    //   <f>1/0</f>
    //   <v>#DIV/0!</v>
    // </c>
    //
    case 'e':
      // Examples of error codes:
      //
      // '#NULL!'
      // '#DIV/0!'
      // '#VALUE!'
      // '#REF!'
      // '#NAME!'
      // '#NUM!'
      // '#N/A'
      // '#SPILL!'
      //
      // The description of each error could be read in the formulas guide:
      // https://github.com/MiniMax-AI/skills/blob/main/skills/minimax-xlsx/references/validate.md
      //
      if (!v) {
        return 'VALUE_MISSING';
      }
      return ['e', v];

    // XLSX supports date cells of type "d", though it seems like it (almost?) never
    // uses type "d" for storing dates, preferring type "n" and numeric timestamp instead.
    // The value of a "d" cell is supposedly a string in "ISO 8601" format.
    // I haven't seen an `.xlsx` file having such cells.
    //
    // Example:
    //
    // <c r="A1" s="1" t="d">
    //   <v>
    //     2021-06-10T00:47:45.700Z
    //   </v>
    // </c>
    //
    case 'd':
      if (!v) {
        return EMPTY_CELL;
      }
      var parsedDate = new Date(v);
      if (isNaN(parsedDate.valueOf())) {
        return 'VALUE_INVALID';
      }
      return ['d', parsedDate.getTime()];

    // type "n" is used for numeric cells.
    //
    // An optional `s` attribute defines how this number should be formatted — 
    // it should be a zero-based index of the style (XF record) in `styles.xml`.
    //
    // Example:
    //
    // <c r="A1" s="1" t="n">
    //   <v>123.45</v>
    // </c>
    //
    case 'n':
      // Numeric cell value is allowed to be missing in the XLSX specification
      // because "n" is the default type of a cell, so it ends up representing empty cells too.
      if (!v) {
        return EMPTY_CELL;
      }
      // XLSX does support `type: "d"` cells for storing dates, but it's not commonly used.
      // Instead, it prefers using `type: "n"` cells for storing dates as timestamps
      // with a corresponding `s` formatting style.
      if (s) {
        var styleId = Number(s);
        // The style ID value could be:
        // * not a number
        // * a number but a fractional one
        // * an integer that is out of bounds of the styles array
        if (isNaN(styleId) || styles[styleId] === undefined) {
          return 'FORMAT_INVALID';
        }
        // Whether it's a date cell or just a numeric cell could only be determined
        // by looking at the formatting style.
        if (isDateFormatStyle(styles[styleId], defaultDateFormat, dateTemplateParser, dateFormatDetectionCache)) {
          var timestamp = Number(v);
          if (isNaN(timestamp)) {
            return 'VALUE_INVALID';
          }
          // First, parse the "serial date" number from string.
          // Then convert the "serial date" number to a date timestamp.
          return ['d', parseExcelTimestamp(timestamp, epoch1904)];
        }
      }
      // Return the cell value as a number,
      // unless custom `parseNumber()` function was passed,
      // in which case return the number as an unparsed string.
      // Some people prefer passing a custom `parseNumber()` function
      // to parse "big integers" without losing any precision.
      if (parseNumberCustom) {
        return ['n', v];
      }
      var number = Number(v);
      if (isNaN(number)) {
        return 'VALUE_INVALID';
      }
      return ['n', number];
    default:
      return 'TYPE_INVALID';
  }
}

/**
 * Parses cell address into a row number and a column number.
 * Examples: "A1" → [1,1], "B2" → [2,2], "AA2091" → [2091, 27], "R988" → [988, 18].
 * @param {string} cellAddress
 * @returns {number[]} Returns `[rowNumber, columnNumber]`
 */
function parseCellAddress(cellAddress) {
  // const CELL_ADDRESS_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z']

  // Split a cell coordinate into the letter part (left) and numeric part (right).
  // Cell coordinate example: "AA2091", "R988", "B1".
  var columnNumber = 0;
  var i = 0;
  while (i < cellAddress.length) {
    var charCode = cellAddress.charCodeAt(i);
    // `48` is the character code of "0", `57` is the character code of "9".
    if (charCode >= 48 && charCode <= 57) {
      var rowNumber = Number(cellAddress.slice(i));
      if (isNaN(rowNumber)) {
        invalidCellAddress(cellAddress);
      }
      return [
      // Row number (starting at `1`).
      rowNumber,
      // Column number (starting at `1`).
      columnNumber];
    }
    // Convert a letter coordinate to a digit coordinate.
    // Examples: "A" -> 1, "B" -> 2, "Z" -> 26, "AA" -> 27, etc.
    columnNumber *= 26; // Same as: CELL_ADDRESS_LETTERS.length
    columnNumber += cellAddress.charCodeAt(i) - 64; // Same as: CELL_ADDRESS_LETTERS.indexOf(cellAddress[i]) + 1
    i++;
  }
  invalidCellAddress(cellAddress);
}
function invalidCellAddress(cellAddress) {
  throw new Error("<c r=\"".concat(cellAddress, "\">"));
}

function _slicedToArray(arr, i) { return _arrayWithHoles(arr) || _iterableToArrayLimit(arr, i) || _unsupportedIterableToArray$1(arr, i) || _nonIterableRest(); }
function _nonIterableRest() { throw new TypeError("Invalid attempt to destructure non-iterable instance.\nIn order to be iterable, non-array objects must have a [Symbol.iterator]() method."); }
function _iterableToArrayLimit(r, l) { var t = null == r ? null : "undefined" != typeof Symbol && r[Symbol.iterator] || r["@@iterator"]; if (null != t) { var e, n, i, u, a = [], f = true, o = false; try { if (i = (t = t.call(r)).next, 0 === l) ; else for (; !(f = (e = i.call(t)).done) && (a.push(e.value), a.length !== l); f = !0); } catch (r) { o = true, n = r; } finally { try { if (!f && null != t["return"] && (u = t["return"](), Object(u) !== u)) return; } finally { if (o) throw n; } } return a; } }
function _arrayWithHoles(arr) { if (Array.isArray(arr)) return arr; }
function _createForOfIteratorHelperLoose$1(o, allowArrayLike) { var it = typeof Symbol !== "undefined" && o[Symbol.iterator] || o["@@iterator"]; if (it) return (it = it.call(o)).next.bind(it); if (Array.isArray(o) || (it = _unsupportedIterableToArray$1(o)) || allowArrayLike) { if (it) o = it; var i = 0; return function () { if (i >= o.length) return { done: true }; return { done: false, value: o[i++] }; }; } throw new TypeError("Invalid attempt to iterate non-iterable instance.\nIn order to be iterable, non-array objects must have a [Symbol.iterator]() method."); }
function _unsupportedIterableToArray$1(o, minLen) { if (!o) return; if (typeof o === "string") return _arrayLikeToArray$1(o, minLen); var n = Object.prototype.toString.call(o).slice(8, -1); if (n === "Object" && o.constructor) n = o.constructor.name; if (n === "Map" || n === "Set") return Array.from(o); if (n === "Arguments" || /^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(n)) return _arrayLikeToArray$1(o, minLen); }
function _arrayLikeToArray$1(arr, len) { if (len == null || len > arr.length) len = arr.length; for (var i = 0, arr2 = new Array(len); i < len; i++) arr2[i] = arr[i]; return arr2; }

// An empty cell has `null` value.
var EMPTY_CELL_VALUE = null;

/**
 * Parses a `sheet.xml` file.
 * @param {string} content
 * @param {function} parseXml — SAX XML parser.
 * @param {object} options
 * @returns {Promise<SheetData>}
 */
function parseSheet(content, parseXml, _ref) {
  var sharedStrings = _ref.sharedStrings,
    styles = _ref.styles,
    epoch1904 = _ref.epoch1904,
    dateFormatDetectionCache = _ref.dateFormatDetectionCache,
    options = _ref.options;
  var parseCellParameters = [sharedStrings, styles, epoch1904, dateFormatDetectionCache, options.dateFormat,
  // defaultDateFormat
  options.smartDateParser !== false,
  // dateTemplateParser
  options.parseNumber // parseNumberCustom
  ];

  var rows = [];
  var errors = [];
  var state = createInitialState();
  return parseXml(content, state, onOpenTag, onCloseTag, onText, onProgress).then(function () {
    var _state$sheetData = state.sheetData,
      rowCount = _state$sheetData.rowCount,
      columnCount = _state$sheetData.columnCount,
      dataRowCount = _state$sheetData.dataRowCount,
      dataColumnCount = _state$sheetData.dataColumnCount;
    // Drop (discard) empty rows at the bottom.
    if (dataRowCount < rowCount) {
      rows = rows.slice(0, dataRowCount);
    }
    // Drop (discard) empty columns at the right side.
    if (dataColumnCount < columnCount) {
      var i = 0;
      while (i < rows.length) {
        if (rows[i].length > dataColumnCount) {
          rows[i] = rows[i].slice(0, dataColumnCount);
        }
        i++;
      }
    }
    // Add `null` values where there're "gaps" at the right side of rows.
    for (var _iterator = _createForOfIteratorHelperLoose$1(rows), _step; !(_step = _iterator()).done;) {
      var row = _step.value;
      while (row.length < dataColumnCount) {
        row.push(EMPTY_CELL_VALUE);
      }
    }
    return rows;
  });
  function createInitialState() {
    return {
      dimension: undefined,
      sheetData: undefined
    };
  }
  function getRowsFromState(state) {
    return state.sheetData.rows;
  }
  function setRowsInState(state, rows) {
    state.sheetData.rowIndexShift += state.sheetData.rows.length - rows.length;
    state.sheetData.rows = rows;
  }
  function getErrorsFromState(state) {
    return state.sheetData.errors;
  }
  function setErrorsInState(state, errors) {
    state.sheetData.errors = errors;
  }
  function throwInvalidCellError(_ref2) {
    var row = _ref2.row,
      column = _ref2.column,
      error = _ref2.error;
    // The sheet name or index is unknown, so it's not reported here.
    throw new InvalidSpreadsheetError("<c/> at row ".concat(row, ", col ").concat(column, ": ").concat(error));
  }
  function onProgress(end) {
    // A `sheet{id}.xml` file could contain enough metadata before `<sheetData/>` element
    // to span multiple XML parsing chunks, meaning that `state.sheetData` might be `undefined`
    // until a few leading chunks of `sheet{id}.xml` file have been parsed.
    // https://github.com/catamphetamine/read-excel-file/pull/125
    if (!state.sheetData) {
      return;
    }

    // Here, it could look at `state.dimension?` in order to avoid reading unused cells.
    // For example, there could be a sheet with a million rows and a million columns
    // but only the top-left cell in that sheet would be not an empty cell.
    // The rest of the cells could be empty, but it would be valid for such sheet to exist.
    // So there would be empty `<row/>` or `<c/>` elements all around, and those could be skipped
    // if `<dimension/>` element is present in the `sheet.xml` file.
    // The `<dimension/>` element tells which area of the sheet really contains non-empty data.
    // But it's an optional element, and also there's an additional question of:
    // "What should happen if an .xlsx writer sets it erroneously? Should it auto-repair such sheet?".
    // I imagine, such situations aren't really possible in real life but still mathematically it's possible,
    // because the `<dimension/>` element is more of a "supplementary" or "advisory" one
    // and it's not supposed to "break" anything in case its value is incorrect.
    // So that's why `read-excel-file` just simply ignores the `<dimension/>` element
    // even though it can read and "understand" it.
    // console.log(state.dimension)
    var rowsRead = getRowsFromState(state);
    var errorsEncountered = getErrorsFromState(state);
    if (end) {
      rows = rows.concat(rowsRead);
      errors = errors.concat(errorsEncountered);
      if (errors.length > 0) {
        throwInvalidCellError(errors[0]);
      }
    } else {
      if (rowsRead.length > 1) {
        // The rows except for the last one have already been "finalized",
        // i.e. it can be said that those rows don't have any more cells yet to be parsed.
        // The last row is still being read so it's not "finalized" yet,
        // i.e. it's unknown at this point whether there will be more cells of it.
        var finalizedRows = rowsRead.slice(0, -1);
        // Move the finalized rows from the "in-progress" rows to the "result" rows.
        rows = rows.concat(finalizedRows);
        // Add any errors that have been encountered while parsing this chunk of rows.
        errors = errors.concat(errorsEncountered);
        // Proceeed with just the last row and the next chunk.
        setRowsInState(state, rowsRead.slice(-1));
        // Proceeed with clean errors list.
        setErrorsInState(state, []);
      }
    }
  }
  function onOpenTag(tagName, attributes, state) {
    if (tagName === 'dimension') {
      state.dimension = parseSheetDimensionRef(attributes.ref);
    } else if (tagName === 'sheetData') {
      state.sheetData = createInitialStateInSheetData();
    } else if (state.sheetData) {
      onOpenTagInSheetData(tagName, attributes, state.sheetData);
    }
  }
  function onCloseTag(tagName, state) {
    if (state.sheetData) {
      onCloseTagInSheetData(tagName, state.sheetData);
    }
  }
  function onText(text, state) {
    if (state.sheetData) {
      onTextInSheetData(text, state.sheetData);
    }
  }

  /**
   * Sheet "dimension" defines the spreadsheet area containing all non-empty cells.
   * Any cells outside the "dimension" are considered empty and should be ignored.
   * https://docs.microsoft.com/en-us/dotnet/api/documentformat.openxml.spreadsheet.sheetdimension?view=openxml-2.8.1
   * @param {string} `ref` — The value of `<dimension ref/>` attribute.
   * @returns {[[number,number],[number,number]]} `undefined` or `[{ row, column }, { row, column }]` — "From row number and column number to row number and column number".
   */
  function parseSheetDimensionRef(ref) {
    var dimensions = ref.split(':').map(parseCellAddress);
    // Sometimes there can be just a single cell as a spreadsheet's "dimensions".
    // For example, the default "dimensions" in Apache POI library is "A1",
    // meaning that only the first cell in the spreadsheet is used.
    //
    // A quote from Apache POI library:
    // "Single cell ranges are formatted like single cell references (e.g. 'A1' instead of 'A1:A1')."
    //
    if (dimensions.length === 1) {
      dimensions = [dimensions[0], dimensions[0]];
    }
    return dimensions;
  }

  // Sheet Data

  function createInitialStateInSheetData() {
    return {
      c: undefined,
      rows: [],
      row: undefined,
      rowNumber: undefined,
      // How many rows have been removed from the start of `state.rows`
      // as part of `onProgress()` handler calls.
      rowIndexShift: 0,
      // Current position in the sheet.
      cursor: [0, 0],
      // Total row count.
      rowCount: 0,
      // Total column count.
      columnCount: 0,
      // Non-empty row count.
      dataRowCount: 0,
      // Non-empty column count.
      dataColumnCount: 0,
      // Cell with errors.
      errors: []
    };
  }
  function onOpenTagInSheetData(tagName, attributes, state) {
    if (tagName === 'row') {
      // Read an optional `r` attribute, which represents a 1-based row number.
      // If the `r` attribute is not present on a `<row>` then the row number is either defined by
      // `<c>` elements in it, or just assumed to be "previous row number + 1".
      if (attributes.r) {
        state.rowNumber = Number(attributes.r);
      }
      state.row = [];
    } else if (tagName === 'c') {
      state.c = createInitialStateInCell();
      state.c.attributes = attributes;
    } else if (state.c) {
      onOpenTagInCell(tagName, attributes, state.c);
    }
  }
  function onCloseTagInSheetData(tagName, state) {
    if (tagName === 'row') {
      // If the row number is known, check for any inter-row gaps that it might introduce.
      if (state.rowNumber) {
        // Google AI says that `<row>` elements must be ordered by row number ascending,
        // so the code assumes that there can't be an out-of-order `<row>`.
        var previousRowNumber = state.rowIndexShift + state.rows.length;
        if (state.rowNumber <= previousRowNumber) {
          throw new InvalidSpreadsheetError("Out-of-place <row/> number ".concat(state.rowNumber, " follows <row/> number ").concat(previousRowNumber));
        }
        // Insert empty rows where there're gaps between the rows.
        while (state.rowNumber > state.rowIndexShift + state.rows.length + 1) {
          state.rows.push([]);
        }
      }
      // Add the parsed row to the list of rows.
      state.rows.push(state.row);
      // Update the total non-empty row count.
      if (state.row.length > 0) {
        state.dataRowCount = state.rowNumber;
      }
      // Update the total row count.
      if (state.rowNumber > state.rowCount) {
        state.rowCount = state.rowNumber;
      }
      // Reset state.
      state.row = undefined;
      state.rowNumber = undefined;
    } else if (tagName === 'c') {
      var cell = parseCellFromXmlData(state.c);
      // Google AI says that the Open XML specification (ISO/IEC 29500) strictly dictates
      // that `<c>` elements within `sheet.xml` (or specifically `<sheetData>`)
      // must be written in ascending order of their `r` attributes (e.g., "A1", "B1", "C1").
      if (cell.row < state.cursor[0] || cell.row === state.cursor[0] && cell.column <= state.cursor[1]) {
        throw new InvalidSpreadsheetError("Out-of-place <c/> at row ".concat(cell.row, " col ").concat(cell.column, " follows <c/> at row ").concat(state.cursor[0], " col ").concat(state.cursor[1]));
      }
      // Update the cursor.
      state.cursor[0] = cell.row;
      state.cursor[1] = cell.column;
      // If the `r` attribute is not present on a `<row>` then the row number is either defined by
      // `<c>` elements in it, or just assumed to be "previous row number + 1".
      if (!state.rowNumber) {
        state.rowNumber = cell.row;
      }
      // If the cell has an error.
      if (cell.error) {
        {
          throwInvalidCellError(cell);
        }
        state.errors.push(cell);
      }
      // If the cell is not empty.
      else if (cell.value !== EMPTY_CELL_VALUE) {
        // Insert empty cells where there're gaps between the columns.
        while (cell.column > state.row.length + 1) {
          state.row.push(EMPTY_CELL_VALUE);
        }
        // Add the parsed cell value to the list of cell values in the current row.
        state.row.push(cell.value);
        // Update the total non-empty column count.
        if (cell.column > state.dataColumnCount) {
          state.dataColumnCount = cell.column;
        }
      }
      // Update the total column count.
      if (cell.column > state.columnCount) {
        state.columnCount = cell.column;
      }
      // Reset state.
      state.c = undefined;
    } else if (state.c) {
      onCloseTagInCell(tagName, state.c);
    }
  }
  function onTextInSheetData(text, state) {
    if (state.c) {
      onTextInCell(text, state.c);
    }
  }

  /**
   * Parses the XML values of a `<c/>` element into an object representing a cell value.
   * @param {object} — `{ attributes: Record<string,string>, inlineString?: string, vText?: string }`. If `<v/>` element is present but is empty, `vText` will be an empty string. If `<v/>` element is absent, `vText` will be `undefined`.
   * @returns {object} Either `{ row: number, column: number, error: string }` or `{ row: number, column: number, value: string|number|boolean|null }`
   */
  function parseCellFromXmlData(_ref3) {
    var attributes = _ref3.attributes,
      inlineString = _ref3.inlineString,
      vText = _ref3.vText;
    var _parseCellAddress = parseCellAddress(attributes.r),
      _parseCellAddress2 = _slicedToArray(_parseCellAddress, 2),
      row = _parseCellAddress2[0],
      column = _parseCellAddress2[1];
    var errorOrTypeAndValue = parseCellAndTrimValue(attributes.t, attributes.s, vText, inlineString, parseCellParameters, options.trim !== false);
    if (typeof errorOrTypeAndValue === 'string') {
      return {
        row: row,
        column: column,
        error: errorOrTypeAndValue
        // // Report the "raw" unparsed value of the cell for potential debugging.
        // // Also report the cell type and the format in case of a numeric value.
        // //
        // // For "inline string" cells, the value should actually be the `inlineString` argument
        // // rather than `vText` argument, but the only case when it could throw an error
        // // when parsing an "inline string" cell is `VALUE_MISSING` which means that
        // // `inlineString` argument is `undefined`, same as `vText` argument in this case,
        // // so the resulting `value` property is correct anyway.
        // //
        // value: vText,
        // type: attributes.t,
        // formatId: attributes.s
      };
    }

    return {
      row: row,
      column: column,
      value: parseCellValue(errorOrTypeAndValue[1], errorOrTypeAndValue[0])
    };
  }

  // Here, it could also parse "merged cells" and then return them in some special way.
  // But then it's not clear what should be the way to return such merged cells.
  // I.e. should it just return it as a duplicate value in each one of the merged cells?
  // Or should it keep the current behavior of only returning the value of the top-most left-most cell
  // and then just return `null` for the rest of the cells in a "merged cells" group?
  // Perhaps the latter (current) approach is the most sensible one, so there's no need
  // to change anything.
  //
  // const mergedCells = getMergedCellCoordinates(sheetDocument)
  // for (const mergedCell of mergedCells) {
  //   const [from, to] = mergedCell.split(':').map(parseCellAddress)
  //   console.log('Merged Cell.', 'From:', from, 'To:', to)
  // }

  // Cell

  /**
   * Parses a cell from the info extracted from the cell XML.
   * If the cell is of type string, it trims the value (by default).
   *
   * Receives same arguments as `parseCell()` function, with an additional argument
   * `trimStrings: boolean` which tells if it should trim any string values.
   *
   * Produces same result as `parseCell()` function, except for cells of type "e".
   */
  function parseCellAndTrimValue(t, s, v, inlineString, parameters, trimStrings) {
    // Parse cell value from cell XML.
    var errorOrTypeAndValue = parseCellWithRepairAbility(t, s, v, inlineString, parameters);
    // Trim any text cell values (by default)
    if (Array.isArray(errorOrTypeAndValue) && errorOrTypeAndValue[0] === 's') {
      // A developer could optionally disable the automatic trimming of all strings.
      // For example, leading spaces might express a tree-like hierarchy, in which case they should be preserved.
      // https://github.com/catamphetamine/read-excel-file/pull/106#issuecomment-1136062917
      if (trimStrings) {
        errorOrTypeAndValue[1] = errorOrTypeAndValue[1].trim();
      }
      // Convert empty strings to `null`
      if (errorOrTypeAndValue[1] === '') {
        return EMPTY_CELL;
      }
    }
    // Return the cell's type and value.
    return errorOrTypeAndValue;
  }

  /**
   * Parses cell value and optionally repairs any repairable errors.
   * Receives same arguments as `parseCell()` function.
   * Produces same result as `parseCell()` function, except for cells of type "e".
   */
  function parseCellWithRepairAbility(t, s, v, inlineString, parameters) {
    // Parse cell value from cell XML.
    var errorOrTypeAndValue = parseCell(t, s, v, inlineString, parameters);
    // If the cell value was expected but is missing,
    // it is considered a repairable situation.
    if (errorOrTypeAndValue === 'VALUE_MISSING') {
      // The default cell type is "n" (numeric), according to XLSX specification.
      switch (t || 'n') {
        // * If the cell is defined by a formula.
        // * Or contains an inline string.
        // * Or contains a shared string.
        // * Or contains a boolean value.
        case 'str':
        case 'inlineStr':
        case 's':
        case 'b':
          // * If the formula result is not pre-computed (which is allowed by the spec)
          // then just ignore this cell.
          // * If the inline string value is not specified then just ignore this cell.
          // * If the shared string index is not specified then just ignore this cell.
          // * If the boolean value is not specified then just ignore this cell.
          return EMPTY_CELL;
      }
    }
    // If the cell contains a formula that couldn't be calculated due to an error,
    // simply ignore such cell and assume it to be empty.
    if (t === 'e') {
      return EMPTY_CELL;
    }
    // Return either the error code or the cell's type and value.
    return errorOrTypeAndValue;
  }

  /**
   * For certain types of cell, it transforms the value.
   * Specifically, for cells of type "n" or "d", it transforms the value to `Number` or `Date` respectively.
   *
   * The reason it is done separately is because before this function is called,
   * the cells are easily "serializable". And after this function is called,
   * some of the cells' `value` properties become instances of `Date` class or any other class,
   * such as `BigInt`, serializing which would require additional manual steps to be performed.
   * Serializing cells could be utilized in case of "transferring" data between workers
   * with a `transferList`, argument which could hypothetically result in better performance
   * and less time being blocked by the "synchronous" JSON serialization.
   *
   * @param {string|number|boolean|null} value
   * @param {string} type — One of: "s", "n", "d", "b", "-"
   * @return {string|ParsedNumber|Date|boolean|null}
   */
  function parseCellValue(value, type) {
    if (type === 'n') {
      // Parse number from string.
      // Supports custom parsing function to work around the javascript number precision limitation.
      // https://gitlab.com/catamphetamine/read-excel-file/-/issues/85
      if (options.parseNumber) {
        return options.parseNumber(value);
      }
      return value;
    } else if (type === 'd') {
      return new Date(value);
    } else {
      return value;
    }
  }
  function createInitialStateInCell() {
    return {
      v: false,
      is: false,
      t: false,
      r: false,
      rPh: false,
      vText: undefined,
      inlineString: undefined,
      attributes: undefined
    };
  }
  function onOpenTagInCell(tagName, attributes, state) {
    if (tagName === 'v') {
      state.v = true;
    } else if (tagName === 'is') {
      // The possible children of <is> are:
      // * <t> (Text): The standard child to hold plain, simple text.
      // * <r> (Rich Text Run): Used for applying different formatting styles (like bold or italic) to specific segments of text within a single cell.
      // * <rPh> (Phonetic Run): Used primarily for East Asian languages to provide phonetic reading/pronunciation data (e.g., furigana in Japanese). It associates a phonetic pronunciation run right alongside the base string text tag <t>.
      // * <phoneticPr> (Phonetic Properties): Defines formatting and settings for the phonetic text.
      state.is = true;
      state.inlineString = '';
    } else if (tagName === 't') {
      state.t = true;
    } else if (tagName === 'r') {
      // The possible children of <r/> are:
      // * <rPr> (Run Properties): The formatting properties for the text (font, size, color, bold, italic, etc.).
      // * <t> (Text): The actual text payload.
      // * <rPh> (Phonetic Run): Phonetic pronunciation guidance (used for East Asian languages like Japanese). It associates a phonetic pronunciation run right alongside the base string text tag <t>.
      state.r = true;
    } else if (tagName === 'rPh') {
      // The possible children of <rPh/> are:
      // * <t> (Text):  Contains the actual phonetic text or reading (usually in Katakana for Japanese) that corresponds to the associated character string.
      state.rPh = true;
    }
  }
  function onCloseTagInCell(tagName, state) {
    if (tagName === 'v') {
      state.v = false;
      // There can only be one `<v/>` element inside a given `<c/>` element.
      // Hence, if a `<v/>` element is closed, the `vText` is finalized.
      //
      // If the `<v/>` element had no text content, set `vText` to an empty string `""` rather than `undefined`.
      // This way, it will be able to differentiate between two cases: when a `<v/>` element is present but empty,
      // and when a `<v/>` element is absent, because it makes a subtle difference when reading formula cells.
      // * When `<f/>` formula is present but its result is not pre-computed, the `<v/>` element is absent.
      // * When `<f/>` formula is present and its result is an empty string, the `<v/>` element is present but empty.
      state.vText || (state.vText = '');
      //
      // If this cell contains a formula, `vText` should be checked for any potential
      // `_xHHHH_`-encoded characters.
      if (state.attributes.t === 'str') {
        // Decode any potential `_xHHHH_`-encoded characters in the formula.
        state.vText = unescapeXlsxString(state.vText);
      }
    } else if (tagName === 'is') {
      state.is = false;
      // Decode any potential `_xHHHH_`-encoded characters in an inline string.
      // Do it after all the `<t/>` chunks of the string have been concatenated.
      state.inlineString = unescapeXlsxString(state.inlineString);
    } else if (tagName === 't') {
      state.t = false;
    } else if (tagName === 'r') {
      state.r = false;
    } else if (tagName === 'rPh') {
      state.rPh = false;
    }
  }
  function onTextInCell(text, state) {
    if (state.v) {
      state.vText = text;
    } else if (state.is) {
      if (state.rPh) ; else if (state.t) {
        if (state.r) {
          // An `<r/>` element could contain multiple `<t/>` elements,
          // the text content from all of which should be concatenated.
          state.inlineString += text;
        } else {
          state.inlineString = text;
        }
      }
    }
  }
}

var require$1 = createRequire('/');
// DEFLATE is a complex format; to read this code, you should probably check the RFC first:
// https://tools.ietf.org/html/rfc1951
// You may also wish to take a look at the guide I made about this program:
// https://gist.github.com/101arrowz/253f31eb5abc3d9275ab943003ffecad
// Some of the following code is similar to that of UZIP.js:
// https://github.com/photopea/UZIP.js
// However, the vast majority of the codebase has diverged from UZIP.js to increase performance and reduce bundle size.
// Sometimes 0 will appear where -1 would be more appropriate. This is because using a uint
// is better for memory in most engines (I *think*).
var _a;
// Mediocre shim
var Worker;
var isMarkedAsUntransferable;
try {
    (_a = require$1('worker_threads'), Worker = _a.Worker, isMarkedAsUntransferable = _a.isMarkedAsUntransferable);
}
catch (e) {
}

// aliases for shorter compressed code (most minifers don't do this)
var u8 = Uint8Array, u16 = Uint16Array, i32 = Int32Array;
// fixed length extra bits
var fleb = new u8([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0, /* unused */ 0, 0, /* impossible */ 0]);
// fixed distance extra bits
var fdeb = new u8([0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, /* unused */ 0, 0]);
// get base, reverse index map from extra bits
var freb = function (eb, start) {
    var b = new u16(31);
    for (var i = 0; i < 31; ++i) {
        b[i] = start += 1 << eb[i - 1];
    }
    // numbers here are at max 18 bits
    var r = new i32(b[30]);
    for (var i = 1; i < 30; ++i) {
        for (var j = b[i]; j < b[i + 1]; ++j) {
            r[j] = ((j - b[i]) << 5) | i;
        }
    }
    return { b: b, r: r };
};
var _a = freb(fleb, 2), fl = _a.b, revfl = _a.r;
// we can ignore the fact that the other numbers are wrong; they never happen anyway
fl[28] = 258, revfl[258] = 28;
freb(fdeb, 0);
// map of value to reverse (assuming 16 bits)
var rev = new u16(32768);
for (var i = 0; i < 32768; ++i) {
    // reverse table algorithm from SO
    var x = ((i & 0xAAAA) >> 1) | ((i & 0x5555) << 1);
    x = ((x & 0xCCCC) >> 2) | ((x & 0x3333) << 2);
    x = ((x & 0xF0F0) >> 4) | ((x & 0x0F0F) << 4);
    rev[i] = (((x & 0xFF00) >> 8) | ((x & 0x00FF) << 8)) >> 1;
}
// fixed length tree
var flt = new u8(288);
for (var i = 0; i < 144; ++i)
    flt[i] = 8;
for (var i = 144; i < 256; ++i)
    flt[i] = 9;
for (var i = 256; i < 280; ++i)
    flt[i] = 7;
for (var i = 280; i < 288; ++i)
    flt[i] = 8;
// fixed distance tree
var fdt = new u8(32);
for (var i = 0; i < 32; ++i)
    fdt[i] = 5;
// typed array slice - allows garbage collector to free original reference,
// while being more compatible than .slice
var slc = function (v, s, e) {
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    // can't use .constructor in case user-supplied
    return new u8(v.subarray(s, e));
};
// error codes
var ec = [
    'unexpected EOF',
    'invalid block type',
    'invalid length/literal',
    'invalid distance',
    'stream finished',
    'no stream handler',
    , // determined by compression function
    'no callback',
    'invalid UTF-8 data',
    'extra field too long',
    'date not in range 1980-2099',
    'filename too long',
    'stream finishing',
    'invalid zip data'
    // determined by unknown compression method
];
var err = function (ind, msg, nt) {
    var e = new Error(msg || ec[ind]);
    e.code = ind;
    if (Error.captureStackTrace)
        Error.captureStackTrace(e, err);
    if (!nt)
        throw e;
    return e;
};
// empty
var et = /*#__PURE__*/ new u8(0);
// text decoder
var td = typeof TextDecoder != 'undefined' && /*#__PURE__*/ new TextDecoder();
// text decoder stream
var tds = 0;
try {
    td.decode(et, { stream: true });
    tds = 1;
}
catch (e) { }
// decode UTF8
var dutf8 = function (d) {
    for (var r = '', i = 0;;) {
        var c = d[i++];
        var eb = (c > 127) + (c > 223) + (c > 239);
        if (i + eb > d.length)
            return { s: r, r: slc(d, i - 1) };
        if (!eb)
            r += String.fromCharCode(c);
        else if (eb == 3) {
            c = ((c & 15) << 18 | (d[i++] & 63) << 12 | (d[i++] & 63) << 6 | (d[i++] & 63)) - 65536,
                r += String.fromCharCode(55296 | (c >> 10), 56320 | (c & 1023));
        }
        else if (eb & 1)
            r += String.fromCharCode((c & 31) << 6 | (d[i++] & 63));
        else
            r += String.fromCharCode((c & 15) << 12 | (d[i++] & 63) << 6 | (d[i++] & 63));
    }
};
/**
 * Converts a Uint8Array to a string
 * @param dat The data to decode to string
 * @param latin1 Whether or not to interpret the data as Latin-1. This should
 *               not need to be true unless encoding to binary string.
 * @returns The original UTF-8/Latin-1 string
 */
function strFromU8$1(dat, latin1) {
    var r; if (td) {
        return td.decode(dat);
    }
    else {
        var _a = dutf8(dat), s = _a.s, r = _a.r;
        if (r.length)
            err(8);
        return s;
    }
}

// Sidenote: `strFromU8()` function from `fflate` is not "self-contained",
// i.e. it references some variables outside of its scope,
// which doesn't work with `worker-f` package and throws an error: "td is not defined".
//
// But `woker-f` package is currently not used, so this `import` is not commented out.
//

/**
 * @param {Record<string,Uint8Array} entries
 * @returns {Record<string,string>}
 */
function convertValuesFromUint8ArraysToStrings(entries) {
  checkpoint('convert files to strings');
  var convertedEntries = {};
  for (var _i = 0, _Object$keys = Object.keys(entries); _i < _Object$keys.length; _i++) {
    var key = _Object$keys[_i];
    convertedEntries[key] = strFromU8(entries[key]);
  }
  return convertedEntries;
}

// There's a strange thing with using `fflate`'s `strFromU8()` function:
// when `import`ed directly from `fflate` package, the benchmark runs about 10% slower
// then when using `new TextDecoder().decode(data)`, even though `strFromU8()`
// does the same thing internally. So it's a bit mysterious.
//
// Because manually calling `new TextDecoder().decode(data)` is measurably faster for some reason,
// `fflate`'s `strFromU8()` is used as a backup for old web browsers that don't support `TextDecoder`.
//
/**
 * Converts a Uint8Array to a string
 * @param data The data to decode to string
 * @param latin1 Whether or not to interpret the data as Latin-1. This should
 *               not need to be true unless encoding to binary string.
 * @returns The original UTF-8/Latin-1 string
 */
function strFromU8(data) {
  // https://caniuse.com/?search=TextDecoder
  if (typeof TextDecoder !== 'undefined') {
    return new TextDecoder().decode(data);
  } else {
    return strFromU8$1(data);
    // Alternatively, it could call a copy-pasted "rest" part of the `strFromU8()` function:
    // const [string, leftovers] = decodeUtf8String(data)
    // console.log(leftovers)
    // if (leftovers.length) {
    // 	throw new Error('Decode UTF8')
    // }
    // return string
  }
}

// This function's code is a copy-paste of `dutf8()` function in `fflate` repository from Jul 12th, 2026.
// https://github.com/101arrowz/fflate/blob/master/src/index.ts
//
// By the way, this function errors when running test case:
// "made-in-macos-excel-2011-with-custom-font".
// The leftover is `Uint8Array(2) [ 255, 217 ]`.
// To reproduce the error, replace the entire `strFromU8()` function
// in `convertValuesFromUint8ArraysToStrings()` with this function and see what happens.
//
// /**
//  * Decodes a `Uint8Array` into a UTF8 string.
//  * @param {Uint8Array} d
//  * @returns {[string, Uint8Array]} — The decoded string and what's left undecoded
//  */
// export function decodeUtf8String(d) {
//   for (let s = '', i = 0;;) {
//     let c = d[i++]
//     const charType = (c > 127) + (c > 223) + (c > 239)
//     if (i + charType > d.length) {
// 			// Returns a slice of an array.
// 			// Allows garbage collector to free the original reference.
// 			// This function is browser-compatible than `Uint8Array.slice()`.
// 			const leftovers = new Uint8Array(d.subarray(i - 1))
// 			return [s, leftovers]
// 		}
//     if (!charType) {
// 			s += String.fromCharCode(c)
// 		} else if (charType == 3) {
//       c = ((c & 15) << 18 | (d[i++] & 63) << 12 | (d[i++] & 63) << 6 | (d[i++] & 63)) - 65536
//       s += String.fromCharCode(55296 | (c >> 10), 56320 | (c & 1023))
//     } else if (charType & 1) {
// 			s += String.fromCharCode((c & 31) << 6 | (d[i++] & 63))
// 		} else {
// 			s += String.fromCharCode((c & 15) << 12 | (d[i++] & 63) << 6 | (d[i++] & 63))
// 		}
//   }
// }

function _typeof$2(o) { "@babel/helpers - typeof"; return _typeof$2 = "function" == typeof Symbol && "symbol" == typeof Symbol.iterator ? function (o) { return typeof o; } : function (o) { return o && "function" == typeof Symbol && o.constructor === Symbol && o !== Symbol.prototype ? "symbol" : typeof o; }, _typeof$2(o); }
function isPromise(anything) {
  return _typeof$2(anything) === 'object' && typeof anything.then === 'function';
}

// export default function isPromise<Value>(anything: unknown): anything is Promise<Value> {
//   return (
//     typeof anything === 'object' &&
//     typeof (anything as Promise<unknown>).then === 'function'
//   )
// }

function _typeof$1(o) { "@babel/helpers - typeof"; return _typeof$1 = "function" == typeof Symbol && "symbol" == typeof Symbol.iterator ? function (o) { return typeof o; } : function (o) { return o && "function" == typeof Symbol && o.constructor === Symbol && o !== Symbol.prototype ? "symbol" : typeof o; }, _typeof$1(o); }
function _createClass(Constructor, protoProps, staticProps) { Object.defineProperty(Constructor, "prototype", { writable: false }); return Constructor; }
function _classCallCheck(instance, Constructor) { if (!(instance instanceof Constructor)) { throw new TypeError("Cannot call a class as a function"); } }
function _inherits(subClass, superClass) { if (typeof superClass !== "function" && superClass !== null) { throw new TypeError("Super expression must either be null or a function"); } subClass.prototype = Object.create(superClass && superClass.prototype, { constructor: { value: subClass, writable: true, configurable: true } }); Object.defineProperty(subClass, "prototype", { writable: false }); if (superClass) _setPrototypeOf(subClass, superClass); }
function _createSuper(Derived) { var hasNativeReflectConstruct = _isNativeReflectConstruct(); return function _createSuperInternal() { var Super = _getPrototypeOf(Derived), result; if (hasNativeReflectConstruct) { var NewTarget = _getPrototypeOf(this).constructor; result = Reflect.construct(Super, arguments, NewTarget); } else { result = Super.apply(this, arguments); } return _possibleConstructorReturn(this, result); }; }
function _possibleConstructorReturn(self, call) { if (call && (_typeof$1(call) === "object" || typeof call === "function")) { return call; } else if (call !== void 0) { throw new TypeError("Derived constructors may only return object or undefined"); } return _assertThisInitialized(self); }
function _assertThisInitialized(self) { if (self === void 0) { throw new ReferenceError("this hasn't been initialised - super() hasn't been called"); } return self; }
function _wrapNativeSuper(Class) { var _cache = typeof Map === "function" ? new Map() : undefined; _wrapNativeSuper = function _wrapNativeSuper(Class) { if (Class === null || !_isNativeFunction(Class)) return Class; if (typeof Class !== "function") { throw new TypeError("Super expression must either be null or a function"); } if (typeof _cache !== "undefined") { if (_cache.has(Class)) return _cache.get(Class); _cache.set(Class, Wrapper); } function Wrapper() { return _construct(Class, arguments, _getPrototypeOf(this).constructor); } Wrapper.prototype = Object.create(Class.prototype, { constructor: { value: Wrapper, enumerable: false, writable: true, configurable: true } }); return _setPrototypeOf(Wrapper, Class); }; return _wrapNativeSuper(Class); }
function _construct(Parent, args, Class) { if (_isNativeReflectConstruct()) { _construct = Reflect.construct.bind(); } else { _construct = function _construct(Parent, args, Class) { var a = [null]; a.push.apply(a, args); var Constructor = Function.bind.apply(Parent, a); var instance = new Constructor(); if (Class) _setPrototypeOf(instance, Class.prototype); return instance; }; } return _construct.apply(null, arguments); }
function _isNativeReflectConstruct() { if (typeof Reflect === "undefined" || !Reflect.construct) return false; if (Reflect.construct.sham) return false; if (typeof Proxy === "function") return true; try { Boolean.prototype.valueOf.call(Reflect.construct(Boolean, [], function () {})); return true; } catch (e) { return false; } }
function _isNativeFunction(fn) { return Function.toString.call(fn).indexOf("[native code]") !== -1; }
function _setPrototypeOf(o, p) { _setPrototypeOf = Object.setPrototypeOf ? Object.setPrototypeOf.bind() : function _setPrototypeOf(o, p) { o.__proto__ = p; return o; }; return _setPrototypeOf(o, p); }
function _getPrototypeOf(o) { _getPrototypeOf = Object.setPrototypeOf ? Object.getPrototypeOf.bind() : function _getPrototypeOf(o) { return o.__proto__ || Object.getPrototypeOf(o); }; return _getPrototypeOf(o); }
var SheetNotFoundError = /*#__PURE__*/function (_Error) {
  _inherits(SheetNotFoundError, _Error);
  var _super = _createSuper(SheetNotFoundError);
  function SheetNotFoundError(sheet, sheets) {
    var _this;
    _classCallCheck(this, SheetNotFoundError);
    _this = _super.call(this, "Sheet not found: ".concat(typeof sheet === 'number' ? sheet + '. Sheet count: ' + sheets.length : sheet + '. Available sheets: ' + sheets.join(', ')));

    // Set `name` property.
    //
    // This error could be detected either by `instanceof InvalidInputError`
    // or by comparing its `name` property value to "InvalidInputError".
    // Why use the `name` comparison when `instanceof` operator is available?
    // Google AI tells that it does make sense in the cases when an error is
    // "serialized" and then "deserialized" in a "distributed" environment such as
    // throwing an error in a worker thread and then handling it in a main thread,
    // or when throwing it in one "microservice" and then catching it in another one,
    // or just logging as in `sentry.io`. And in those cases, `error.constructor.name`
    // isn't always available for same reason of "serializing" and then "deserializing".
    //
    // For example, even if `InvalidInputError` is a named export of this package,
    // when later bunding the application code with a bundler it will still be minified and renamed.
    // That's when the `name` property could be used to find out the actual type of the error
    // in case it gets thrown and reported to a remote system like `sentry.io`.
    //
    // By the way, core Node.js errors themselves have a `name` property.
    //
    _this.name = 'SheetNotFoundError';

    // Sheet name or sheet number.
    _this.sheet = sheet;

    // Available sheet names.
    _this.sheets = sheets;
    return _this;
  }
  return _createClass(SheetNotFoundError);
}( /*#__PURE__*/_wrapNativeSuper(Error));

function _typeof(o) { "@babel/helpers - typeof"; return _typeof = "function" == typeof Symbol && "symbol" == typeof Symbol.iterator ? function (o) { return typeof o; } : function (o) { return o && "function" == typeof Symbol && o.constructor === Symbol && o !== Symbol.prototype ? "symbol" : typeof o; }, _typeof(o); }
function _createForOfIteratorHelperLoose(o, allowArrayLike) { var it = typeof Symbol !== "undefined" && o[Symbol.iterator] || o["@@iterator"]; if (it) return (it = it.call(o)).next.bind(it); if (Array.isArray(o) || (it = _unsupportedIterableToArray(o)) || allowArrayLike) { if (it) o = it; var i = 0; return function () { if (i >= o.length) return { done: true }; return { done: false, value: o[i++] }; }; } throw new TypeError("Invalid attempt to iterate non-iterable instance.\nIn order to be iterable, non-array objects must have a [Symbol.iterator]() method."); }
function _unsupportedIterableToArray(o, minLen) { if (!o) return; if (typeof o === "string") return _arrayLikeToArray(o, minLen); var n = Object.prototype.toString.call(o).slice(8, -1); if (n === "Object" && o.constructor) n = o.constructor.name; if (n === "Map" || n === "Set") return Array.from(o); if (n === "Arguments" || /^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(n)) return _arrayLikeToArray(o, minLen); }
function _arrayLikeToArray(arr, len) { if (len == null || len > arr.length) len = arr.length; for (var i = 0, arr2 = new Array(len); i < len; i++) arr2[i] = arr[i]; return arr2; }
function ownKeys(e, r) { var t = Object.keys(e); if (Object.getOwnPropertySymbols) { var o = Object.getOwnPropertySymbols(e); r && (o = o.filter(function (r) { return Object.getOwnPropertyDescriptor(e, r).enumerable; })), t.push.apply(t, o); } return t; }
function _objectSpread(e) { for (var r = 1; r < arguments.length; r++) { var t = null != arguments[r] ? arguments[r] : {}; r % 2 ? ownKeys(Object(t), true).forEach(function (r) { _defineProperty(e, r, t[r]); }) : Object.getOwnPropertyDescriptors ? Object.defineProperties(e, Object.getOwnPropertyDescriptors(t)) : ownKeys(Object(t)).forEach(function (r) { Object.defineProperty(e, r, Object.getOwnPropertyDescriptor(t, r)); }); } return e; }
function _defineProperty(obj, key, value) { key = _toPropertyKey(key); if (key in obj) { Object.defineProperty(obj, key, { value: value, enumerable: true, configurable: true, writable: true }); } else { obj[key] = value; } return obj; }
function _toPropertyKey(arg) { var key = _toPrimitive(arg, "string"); return _typeof(key) === "symbol" ? key : String(key); }
function _toPrimitive(input, hint) { if (_typeof(input) !== "object" || input === null) return input; var prim = input[Symbol.toPrimitive]; if (prim !== undefined) { var res = prim.call(input, hint); if (_typeof(res) !== "object") return res; throw new TypeError("@@toPrimitive must return a primitive value."); } return (hint === "string" ? String : Number)(input); }

/**
 * Reads data from an `.xlsx` file.
 * @param  {function} parseXml — SAX XML parser.
 * @param  {Record<string,Uint8Array>} contents - A map of `.xml` files inside the `.xlsx` file (which itself is just a zipped directory).
 * @param  {object} [options]
 * @return {Promise<Sheet[]>}
 */
function parseSpreadsheetContents(parseXml, contents_) {
  var options = arguments.length > 2 && arguments[2] !== undefined ? arguments[2] : {};
  // For an introduction in reading `.xlsx` files see "The minimum viable XLSX reader":
  // https://www.brendanlong.com/the-minimum-viable-xlsx-reader.html

  // Convert the values in `contents_` from `Uint8Array`s to `string`s.
  //
  // This function is a bit of a bottleneck on large `.xlsx` files.
  // For example, when running the benchmark, the time of calling this function is:
  //
  // * "1mb.xlsx" — 2
  // * "10mb.xlsx" — 7
  // * "50mb.xlsx" — 35
  //
  // When running this code in a worker, it's no longer a "bottleneck"
  // because in that case it doesn't block the main thread.
  //
  var contents = convertValuesFromUint8ArraysToStrings(contents_);

  // Because of how `.xlsx` file contents are defined in the specification,
  // it will have to be read in 3 passes:
  // * First pass — read the actual file paths
  // * Second pass — read "shared strings" and "styles"
  // * Thirs pass — read the sheets data

  checkpoint('parse spreadsheet info and file paths');

  // Get spreadsheet info and the paths to files.
  return readFiles(getXmlFilesAtFixedPaths(), contents, parseXml).then(function (_ref) {
    var spreadsheetInfo = _ref.spreadsheetInfo,
      filePaths = _ref.filePaths;
    checkpoint('parse "shared strings" and "styles"');

    // Parse "shared strings" and "styles".
    return readFiles(getXmlFilesAtNonFixedPaths(filePaths), contents, parseXml).then(function (_ref2) {
      var sharedStrings = _ref2.sharedStrings,
        styles = _ref2.styles;
      var sheetRelationIdsToRead = options.sheets ? options.sheets.map(function (sheet) {
        return getSheetRelationId(sheet, spreadsheetInfo.sheets);
      }) : spreadsheetInfo.sheets.map(function (_) {
        return _.relationId;
      });
      checkpoint("parse sheet".concat(sheetRelationIdsToRead.length === 1 ? '' : 's', " data"));
      var dateFormatDetectionCache = [];

      // Parse sheets data.
      return readFiles(getSheetDataXmlFiles(filePaths, sheetRelationIdsToRead, {
        sharedStrings: sharedStrings,
        styles: styles,
        epoch1904: spreadsheetInfo.epoch1904,
        dateFormatDetectionCache: dateFormatDetectionCache,
        options: options
      }), contents, parseXml).then(function (sheetsData) {
        checkpoint('end');
        // Return sheets data.
        return sheetRelationIdsToRead.map(function (sheetRelationId) {
          return {
            sheet: getSheetNameByRelationId(sheetRelationId, spreadsheetInfo.sheets),
            data: sheetsData[sheetRelationId]
          };
        });
      });
    });
  });
}

/**
 * Reads data from an `.xlsx` file in a worker.
 * @param  {function} [createWorkerFunction] — Creates a worker function. Not used.
 * @param  {function} parseXml — SAX XML parser.
 * @param  {Record<string,Uint8Array>} contents - A map of `.xml` files inside the `.xlsx` file (which itself is just a zipped directory).
 * @param  {object} [options]
 * @return {Promise<Sheet[]>}
 */
function parseSpreadsheetContentsInWorker(createWorkerFunction, parseXml, contents, options) {
  // Assign a default value of `null` to `parseNumber()` function in the `options`.
  // The reason is that the worker code requires it to be non-`undefined`.
  // Otherwise, it would throw "parseNumber is not defined".
  if (!(options && options.parseNumber)) {
    options = _objectSpread(_objectSpread({}, options), {}, {
      parseNumber: null
    });
  }
  return parseSpreadsheetContents(parseXml, contents, options);
}
function getSheetRelationId(sheet, sheets) {
  if (typeof sheet === 'string') {
    for (var _iterator = _createForOfIteratorHelperLoose(sheets), _step; !(_step = _iterator()).done;) {
      var _sheet = _step.value;
      if (_sheet.name === sheet) {
        return _sheet.relationId;
      }
    }
  } else {
    if (sheet <= sheets.length) {
      return sheets[sheet - 1].relationId;
    }
  }
  throw new SheetNotFoundError(sheet, sheets.map(function (_) {
    return _.name;
  }));
}
function getSheetNameByRelationId(sheetRelationId, sheets) {
  for (var _iterator2 = _createForOfIteratorHelperLoose(sheets), _step2; !(_step2 = _iterator2()).done;) {
    var sheet = _step2.value;
    if (sheet.relationId === sheetRelationId) {
      return sheet.name;
    }
  }
  // The only way of getting `sheetRelationId` here is from the `sheets`,
  // so this error is not technically possible. And if it is thrown
  // then it means that there's a bug in the code because it's not
  // supposed to get `sheetRelationId` from anywhere other than the `sheets`.
  throw new Error("Sheet relation ID not found: ".concat(sheetRelationId));
}
function getXmlFilesAtFixedPaths() {
  return {
    // Read the paths to certain files inside the `.xlsx` file, which is itself just a `.zip` archive.
    // These paths aren't standardized between different spreadsheet editors.
    // https://github.com/tidyverse/readxl/issues/104
    'xl/_rels/workbook.xml.rels': {
      name: 'filePaths',
      parse: parseFilePaths
    },
    // General info on the spreadsheet.
    'xl/workbook.xml': {
      name: 'spreadsheetInfo',
      parse: parseSpreadsheetInfo
    }
  };
}
function getXmlFilesAtNonFixedPaths(filePaths) {
  var _ref3;
  return _ref3 = {}, _defineProperty(_ref3, filePaths.sharedStrings || 'xl/sharedStrings.xml', {
    name: 'sharedStrings',
    // `parseSharedStrings()` returns a `Promise`.
    parse: parseSharedStrings,
    // It seems that "sharedStrings.xml" is not required to exist.
    // For example, that could be the case when a spreadsheet doesn't contain any strings.
    // https://github.com/catamphetamine/read-excel-file/issues/85
    fallback: Promise.resolve([])
  }), _defineProperty(_ref3, filePaths.styles || 'xl/styles.xml', {
    name: 'styles',
    parse: parseStyles,
    fallback: {}
  }), _ref3;
}

// Returns the list of sheet data `.xml` files.
function getSheetDataXmlFiles(filePaths, sheetRelationIdsToRead, sheetDataParserParameters) {
  return Object.keys(filePaths.sheets).filter(function (sheetRelationId) {
    return sheetRelationIdsToRead.includes(sheetRelationId);
  }).reduce(function (filesInfo, sheetRelationId) {
    return _objectSpread(_objectSpread({}, filesInfo), {}, _defineProperty({}, filePaths.sheets[sheetRelationId], {
      name: sheetRelationId,
      // `parseSheet()` returns a `Promise`.
      parse: function parse(content, parseXml) {
        return parseSheet(content, parseXml, sheetDataParserParameters);
      }
    }));
  }, {});
}

// In case of converting `.zip` file reader from a "read-and-return" one to a "streaming" one,
// this function could be modified to process the files as they come rather than all-at-once.

// Reads files from inside an `.xlsx` archive by file paths.
//
// In case of converting `.zip` file reader from a "read-and-return" one to a "streaming" one,
// this function could be modified to process the files as they come rather than all-at-once.
//
// But there's a catch: inside an `.xlsx` file, some file paths are not fixed
// and are instead defined in "xl/_rels/workbook.xml.rels" file,
// which presents a "chicken and an egg" dilemma: how could one possibly
// read an `.xlsx` file in one go when the order of the files inside it isn't fixed
// and could be random. Most likely, in the majority of cases, "xl/_rels/workbook.xml.rels"
// file is gonna be one of the first in a given `.xlsx` archive, but still it's not guaranteed.
// A solution would be reading an `.xlsx` file in two passes: one pass would be just to read
// the "xl/_rels/workbook.xml.rels" and ignore decompressing anything else,
// and then the second pass would be to read all other files whose paths are now known.
//
// Returns:
// * If none of the `parse()` functions returned a `Promise`, it returns a map of files' contents.
// * If any of the `parse()` functions returned a `Promise`, it returns a `Promise` that resolves to a map of files' contents.
//
function readFiles(filesInfo, contents, parseXml) {
  // Get files' contents.
  var results = {};
  var _loop = function _loop() {
    var filePath = _Object$keys[_i];
    var fileInfo = filesInfo[filePath];
    results[fileInfo.name] = contents[filePath] === undefined ? fileInfo.fallback === undefined ? function () {
      throw new InvalidSpreadsheetError("\"".concat(filePath, "\" file not found inside the `.xlsx` file"));
    }() : fileInfo.fallback : fileInfo.parse(contents[filePath], parseXml);
  };
  for (var _i = 0, _Object$keys = Object.keys(filesInfo); _i < _Object$keys.length; _i++) {
    _loop();
  }
  // Resolve any `Promise`s.
  var promises = [];
  var _loop2 = function _loop2() {
    var name = _Object$keys2[_i2];
    if (isPromise(results[name])) {
      promises.push(results[name].then(function (result) {
        results[name] = result;
      }));
    }
  };
  for (var _i2 = 0, _Object$keys2 = Object.keys(results); _i2 < _Object$keys2.length; _i2++) {
    _loop2();
  }
  if (promises.length > 0) {
    return Promise.all(promises).then(function () {
      return results;
    });
  }
  return results;
}

/**
 * Reads an `.xlsx` file.
 * @param  {(string|Stream|Buffer|Blob)} input
 * @param  {object} [options]
 * @return {Promise<Sheet[]>}
 */
function readXlsxFile(input, options) {
  return unpackXlsxFile(input).then(function (contents) {
    return parseSpreadsheetContentsInWorker(createWorkerFunctionInNode, parseXml, contents, options);
  });
}

export { InvalidInputError, InvalidSpreadsheetError, SheetNotFoundError, readXlsxFile as default };
