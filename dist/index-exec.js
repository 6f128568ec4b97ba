import { spawn } from 'node:child_process';
import path from 'node:path';
import { C as ConfigError } from './index-errors.js';
import { h as excerpt } from './index-http.js';
import { s as secretsInConfig, c as cacheIdentityOf, r as redact } from './index-secrets.js';
import 'node:crypto';
import 'node:http';
import 'node:https';
import 'node:util';
import 'node:zlib';
import 'node:events';

// `exec:<command>` — promptfoo's script provider contract: run the command (no shell) with three extra arguments —
// the prompt, the provider options as JSON (`{id, config}`), the call context as JSON (`{vars, prompt}`) — and take
// trimmed stdout as the output. Runs in the suite's directory.
/** Output beyond this is a runaway script, not an answer. */
const MAX_STDOUT_BYTES = 16 * 1024 * 1024;
const STDERR_KEEP_BYTES = 64 * 1024;
/** Thrown by splitCommand for a command that cannot be split, e.g. an unclosed quote. */
class ExecCommandError extends Error {
    name = 'ExecCommandError';
}
/**
 * Split a command line into argv the way a POSIX shell would for plain words: whitespace separates,
 * '…' is literal, "…" allows \" and \\ escapes, a backslash outside quotes escapes the next character.
 * No globbing, variables or pipes: the command runs without a shell on purpose.
 */
function splitCommand(command) {
    const argv = [];
    let current = '';
    let inWord = false;
    let quote;
    for (let i = 0; i < command.length; i++) {
        const ch = command[i];
        if (quote === "'") {
            if (ch === "'")
                quote = undefined;
            else
                current += ch;
        }
        else if (quote === '"') {
            if (ch === '"')
                quote = undefined;
            else if (ch === '\\' && (command[i + 1] === '"' || command[i + 1] === '\\'))
                current += command[++i];
            else
                current += ch;
        }
        else if (ch === "'" || ch === '"') {
            quote = ch;
            inWord = true;
        }
        else if (ch === '\\' && i + 1 < command.length) {
            current += command[++i];
            inWord = true;
        }
        else if (/\s/.test(ch)) {
            if (inWord)
                argv.push(current);
            current = '';
            inWord = false;
        }
        else {
            current += ch;
            inWord = true;
        }
    }
    if (quote)
        throw new ExecCommandError(`unclosed ${quote} quote in exec command: ${command}`);
    if (inWord)
        argv.push(current);
    return argv;
}
function createExecProvider(spec, options) {
    const command = spec.id.slice('exec:'.length).trim();
    const where = { file: options.configFile ?? path.join(options.rootDir, '<config>') };
    let argv;
    try {
        argv = splitCommand(command);
    }
    catch (err) {
        throw new ConfigError(where, `provider "${spec.id}": ${err.message}`, options.key);
    }
    if (argv.length === 0)
        throw new ConfigError(where, `provider "${spec.id}": expected a command after "exec:", e.g. exec:node provider.mjs`, options.key);
    const [program, ...args] = argv;
    const secrets = secretsInConfig(spec.config);
    const fail = (message, transient) => ({
        error: redact(`${spec.id}: ${message}`, secrets),
        transient,
    });
    return {
        id: spec.id,
        label: spec.label,
        cacheIdentity: cacheIdentityOf(spec.id, spec.config),
        callApi(prompt, context) {
            if (context.signal?.aborted)
                return Promise.resolve(fail('timed out (aborted) before starting', true));
            const scriptArgs = [
                ...args,
                prompt,
                JSON.stringify({ id: spec.id, config: spec.config }),
                JSON.stringify({ vars: context.vars, prompt: context.prompt }),
            ];
            return new Promise((resolve) => {
                const child = spawn(program, scriptArgs, {
                    cwd: options.rootDir,
                    env: options.env,
                    signal: context.signal,
                    killSignal: 'SIGKILL',
                    stdio: ['ignore', 'pipe', 'pipe'],
                });
                const stdout = [];
                let stdoutBytes = 0;
                let stderr = '';
                let settled = false;
                const settle = (response) => {
                    if (!settled) {
                        settled = true;
                        resolve(response);
                    }
                };
                child.stdout.on('data', (chunk) => {
                    stdoutBytes += chunk.length;
                    if (stdoutBytes > MAX_STDOUT_BYTES) {
                        child.kill('SIGKILL');
                        settle(fail(`stdout exceeded ${MAX_STDOUT_BYTES} bytes; the process was killed`, false));
                        return;
                    }
                    stdout.push(chunk);
                });
                child.stderr.on('data', (chunk) => {
                    if (stderr.length < STDERR_KEEP_BYTES)
                        stderr += chunk.toString('utf8');
                });
                child.on('error', (err) => {
                    if (err.name === 'AbortError' || context.signal?.aborted)
                        settle(fail('timed out (aborted); the process was killed', true));
                    else if (err.code === 'ENOENT')
                        settle(fail(`command not found: ${program} (run from ${options.rootDir})`, false));
                    else
                        settle(fail(`could not run ${program}: ${err.message}`, false));
                });
                child.on('close', (code, signal) => {
                    if (context.signal?.aborted)
                        return settle(fail('timed out (aborted); the process was killed', true));
                    const errText = stderr.trim();
                    if (code !== 0) {
                        const how = code === null ? `was killed by ${signal}` : `exited with code ${code}`;
                        return settle(fail(`${program} ${how}${errText ? `: ${excerpt(errText)}` : ''}`, false));
                    }
                    const output = Buffer.concat(stdout).toString('utf8').trim();
                    // promptfoo: stderr with no stdout is a failure; stderr next to stdout is only noise.
                    if (output === '' && errText !== '')
                        return settle(fail(`no output; stderr: ${excerpt(errText)}`, false));
                    settle({ output });
                });
            });
        },
    };
}

export { ExecCommandError, createExecProvider, splitCommand };
