import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveInsideRoot, normalizeCustomResponse } from './index-custom.js';
import { s as str } from './index-credentials.js';
import { h as excerpt } from './index-http.js';
import { s as secretsInConfig, r as redact, c as cacheIdentityOf } from './index-secrets.js';
import 'node:module';
import './index-errors.js';
import './index-import.js';
import 'node:url';
import 'node:fs';
import 'node:os';
import './index-prices.js';
import './index-_commonjsHelpers.js';
import 'events';
import 'fs';
import 'path';
import './index-anthropic.js';
import 'node:http';
import 'node:https';
import 'node:util';
import 'node:zlib';
import 'node:events';
import './index-openai.js';
import './index-tool-callbacks.js';
import 'process';
import 'buffer';

// `file://provider.py[:function]` and `python:provider.py` — promptfoo's Python provider contract: a function
// (default `call_api`, sync or async) called as `call_api(prompt, options, context)` with options `{id, config}`
// and context `{vars, prompt}`, returning a dict `{output}` or `{error}` (tokenUsage and cost optional).
// Each call runs `python3` once (no shell) in the script's folder; the result comes back on file descriptor 3,
// so whatever the script prints to stdout cannot be mistaken for it.
const MAX_RESULT_BYTES = 16 * 1024 * 1024;
/** Loads the script as a module by path, calls the function, writes its JSON result to fd 3. */
const WRAPPER = `
import asyncio, importlib.util, inspect, json, os, sys, traceback
request = json.loads(sys.stdin.read())
out = os.fdopen(3, "w")
try:
    script = request["script"]
    sys.path.insert(0, os.path.dirname(script))
    spec = importlib.util.spec_from_file_location("promptgate_provider", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fn = getattr(module, request["function"], None)
    if fn is None:
        out.write(json.dumps({"__promptgate_error__": "%s defines no function %s(prompt, options, context)" % (script, request["function"]), "__transient__": False}))
        sys.exit(0)
    result = fn(request["prompt"], request["options"], request["context"])
    if inspect.isawaitable(result):
        async def settle(awaitable):
            return await awaitable
        result = asyncio.run(settle(result))
    out.write(json.dumps(result, default=str))
except SystemExit:
    raise
except BaseException as err:
    out.write(json.dumps({"__promptgate_error__": "%s: %s" % (type(err).__name__, err), "__trace__": traceback.format_exc()[-2000:], "__transient__": True}))
`;
async function createPythonProvider(spec, script, functionName, options) {
    const file = await resolveInsideRoot(`file://${script}`, options, new Set(['.py']), 'a Python file ending in .py');
    const source = await readFile(file);
    const contentHash = createHash('sha256').update(source).digest('hex');
    const python = str(spec.config.pythonExecutable) ?? str(options.env.PROMPTFOO_PYTHON) ?? 'python3';
    const secrets = secretsInConfig(spec.config);
    const label = spec.id;
    const fail = (message, transient) => ({
        error: redact(`${label}: ${message}`, secrets),
        transient,
    });
    return {
        id: spec.id,
        label: spec.label,
        cacheIdentity: cacheIdentityOf(spec.id, spec.config, { sha256: contentHash }),
        callApi(prompt, context) {
            const request = {
                script: file,
                function: functionName,
                prompt,
                options: { id: spec.id, config: spec.config },
                context: {
                    vars: context.vars,
                    prompt: { raw: context.prompt.raw, label: context.prompt.label },
                    // A traced case's trace context, as promptfoo hands it to call_api.
                    ...traceFields(context),
                },
            };
            return new Promise((resolve) => {
                if (context.signal?.aborted)
                    return resolve(fail('timed out (aborted)', true));
                const child = spawn(python, ['-c', WRAPPER], {
                    cwd: path.dirname(file),
                    env: options.env,
                    stdio: ['pipe', 'ignore', 'pipe', 'pipe'],
                    ...(context.signal ? { signal: context.signal } : {}),
                });
                const result = [];
                let resultBytes = 0;
                let stderr = '';
                let settled = false;
                const done = (response) => {
                    if (settled)
                        return;
                    settled = true;
                    resolve(response);
                };
                child.stdio[3].on('data', (chunk) => {
                    resultBytes += chunk.length;
                    if (resultBytes > MAX_RESULT_BYTES) {
                        child.kill('SIGKILL');
                        done(fail(`the result is larger than ${MAX_RESULT_BYTES} bytes`, false));
                    }
                    else
                        result.push(chunk);
                });
                child.stderr.on('data', (chunk) => {
                    stderr = (stderr + chunk.toString('utf8')).slice(-4e3);
                });
                child.on('error', (err) => {
                    if (err.name === 'AbortError')
                        return done(fail('timed out (aborted)', true));
                    if (err.code === 'ENOENT')
                        return done(fail(`${python} was not found: install Python 3, or set config.pythonExecutable`, false));
                    done(fail(`running ${python} failed: ${err.message}`, true));
                });
                child.on('close', (code) => {
                    const text = Buffer.concat(result).toString('utf8');
                    if (!text) {
                        return done(fail(`${python} exited with code ${code ?? 'null'} and no result${stderr ? `: ${excerpt(stderr)}` : ''}`, true));
                    }
                    let value;
                    try {
                        value = JSON.parse(text);
                    }
                    catch {
                        return done(fail(`the result is not JSON: ${excerpt(text, 120)}`, false));
                    }
                    const v = value;
                    if (v && typeof v === 'object' && typeof v.__promptgate_error__ === 'string') {
                        return done(fail(`${functionName} raised ${v.__promptgate_error__}`, v.__transient__ === true));
                    }
                    const response = normalizeCustomResponse(value, spec.id);
                    done(response.error === undefined ? response : { ...response, error: redact(response.error, secrets) });
                });
                child.stdin.on('error', () => { }); // a script that exits early closes stdin; the close handler reports it
                child.stdin.end(JSON.stringify(request));
            });
        },
    };
}
/** promptfoo's traceparent, evaluationId and testCaseId, when the case is traced. */
function traceFields(context) {
    const fields = {};
    if (context.traceparent !== undefined)
        fields.traceparent = context.traceparent;
    if (context.evaluationId !== undefined)
        fields.evaluationId = context.evaluationId;
    if (context.testCaseId !== undefined)
        fields.testCaseId = context.testCaseId;
    return fields;
}

export { createPythonProvider };
