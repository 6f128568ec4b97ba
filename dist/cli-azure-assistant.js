import { azureBaseUrl, azureHeaders } from './cli-azure.js';
import { s as str, h as azureAuth, a as secretsInConfig, w as withConfigHeaders, k as keyHint, b as copyConfigParams, i as pollDelay, p as postJson, r as runToolCallback } from './cli-main.js';
import { k as keyedProvider } from './cli-keyed.js';
import './cli-openai-completions.js';
import 'node:path';
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
import 'node:fs/promises';
import 'process';
import 'buffer';
import 'node:url';
import './cli-version.js';
import 'node:child_process';

const ASSISTANT_API_VERSION = '2024-04-01-preview';
/** Run options promptfoo sends from the config, as the API names them (`modelName` becomes `model`). */
const RUN_PARAMS = ['temperature', 'top_p', 'tool_resources', 'tool_choice', 'tools', 'instructions'];
const POLL_MS = 1000;
const TERMINAL = ['completed', 'failed', 'cancelled', 'expired', 'incomplete'];
const contentText = (message) => (Array.isArray(message.content) ? message.content : [])
    .map((part) => part?.type === 'text' && typeof part.text?.value === 'string'
    ? part.text.value
    : `<${String(part?.type)} output>`)
    .join('\n');
/** The tool calls of the run's steps as promptfoo writes them into the transcript. */
function toolCallBlocks(steps) {
    const blocks = [];
    for (const step of steps) {
        if (step?.type !== 'tool_calls' || !Array.isArray(step.step_details?.tool_calls))
            continue;
        for (const call of step.step_details.tool_calls) {
            if (call?.type === 'function' && call.function) {
                blocks.push(`[Call function ${String(call.function.name)} with arguments ${String(call.function.arguments)}]`);
                if (typeof call.function.output === 'string' && call.function.output)
                    blocks.push(`[Function output: ${call.function.output}]`);
            }
            else if (call?.type === 'code_interpreter' && call.code_interpreter) {
                const outputs = Array.isArray(call.code_interpreter.outputs) ? call.code_interpreter.outputs : [];
                const text = outputs
                    .map((o) => (o?.type === 'logs' ? String(o.logs) : `<${String(o?.type)} output>`))
                    .join('\n');
                blocks.push('[Code interpreter input]', String(call.code_interpreter.input || '[No input]'));
                blocks.push('[Code interpreter output]', text || '[No output]');
            }
            else if (call?.type === 'file_search' && call.file_search) {
                blocks.push('[Ran file search]', `[File search details: ${JSON.stringify(call.file_search)}]`);
            }
            else if (call?.type === 'retrieval') {
                blocks.push('[Ran retrieval]');
            }
            else {
                blocks.push(`[Unknown tool call type: ${String(call?.type)}]`);
            }
        }
    }
    return blocks;
}
/** `[User] …`, then the tool calls, then `[Assistant] …` for each reply, oldest first. */
function assistantTranscript(messages, tools) {
    const sorted = [...messages].sort((a, b) => Number(a.created_at ?? 0) - Number(b.created_at ?? 0));
    const user = sorted.find((m) => m.role === 'user');
    const blocks = [
        ...(user ? [`[User] ${contentText(user)}`] : []),
        ...tools,
        ...sorted.filter((m) => m.role === 'assistant').map((m) => `[Assistant] ${contentText(m)}`),
    ];
    return blocks.join('\n\n').trim();
}
function createAzureAssistantProvider(spec, assistantId, options) {
    const { config } = spec;
    const base = `${azureBaseUrl(config, options.env)}/openai`;
    const version = encodeURIComponent(str(config.apiVersion) ?? ASSISTANT_API_VERSION);
    const auth = azureAuth(config, options.env);
    const apiKey = auth.apiKey ?? auth.bearer;
    const secrets = [...secretsInConfig(config), ...[auth.apiKey, auth.bearer].filter((v) => Boolean(v))];
    const headers = withConfigHeaders(azureHeaders(auth), config);
    const label = spec.id;
    const hint = keyHint(auth.variables.join(' / '));
    const url = (path) => `${base}/${path}?api-version=${version}`;
    const keyVars = `${auth.variables.slice(0, -1).join(' or ')} (or ${auth.variables.at(-1)})`;
    return keyedProvider({ spec, url: url('threads'), apiKey, keyVars, secrets }, async (prompt, context, fail) => {
        const request = (path, body) => postJson(url(path), body, headers, {
            signal: context.signal,
            secrets,
            label,
            credentialHint: hint,
            ...(body === undefined ? { method: 'GET' } : {}),
        });
        const thread = await request('threads', {});
        if (!thread.ok)
            return thread.failure;
        const threadId = thread.body?.id;
        if (typeof threadId !== 'string')
            return fail('the thread has no id', true);
        const message = await request(`threads/${threadId}/messages`, { role: 'user', content: prompt });
        if (!message.ok)
            return message.failure;
        const runBody = { assistant_id: assistantId };
        copyConfigParams(runBody, { ...config, tools: options.tools }, RUN_PARAMS);
        if (str(config.modelName))
            runBody.model = config.modelName;
        let outcome = await request(`threads/${threadId}/runs`, runBody);
        for (;;) {
            if (!outcome.ok)
                return outcome.failure;
            const run = outcome.body;
            if (typeof run?.id !== 'string')
                return fail('the run has no id', true);
            if (run.status === 'completed')
                return transcript(request, threadId, run.id, fail);
            if (typeof run.status === 'string' && TERMINAL.includes(run.status))
                return runFailure(run, fail);
            if (run.status === 'requires_action') {
                const submitted = await submitToolOutputs(run, options.callbacks, (body) => request(`threads/${threadId}/runs/${String(run.id)}/submit_tool_outputs`, body));
                if (typeof submitted === 'string')
                    return fail(submitted, false);
                outcome = submitted;
                continue;
            }
            await pollDelay(POLL_MS, context.signal);
            if (context.signal?.aborted)
                return fail('timed out waiting for the run', true);
            outcome = await request(`threads/${threadId}/runs/${run.id}`);
        }
    });
}
/** Each function call's callback result (a thrown error as `{error}`); a call without a callback ends the call. */
async function submitToolOutputs(run, callbacks, submit) {
    const calls = run.required_action?.submit_tool_outputs?.tool_calls ?? [];
    const outputs = [];
    for (const call of calls) {
        const name = String(call?.function?.name);
        const callback = callbacks?.get(name);
        if (!callback) {
            return `the assistant called the function "${name}", which has no entry in config.functionToolCallbacks`;
        }
        let output;
        try {
            output = await runToolCallback(callback, call.function?.arguments);
        }
        catch (err) {
            // As promptfoo does: the assistant is told the tool failed, and the run goes on.
            output = JSON.stringify({ error: `Error in ${name}: ${err instanceof Error ? err.message : String(err)}` });
        }
        outputs.push({ tool_call_id: call.id, output });
    }
    return submit({ tool_outputs: outputs });
}
function runFailure(run, fail) {
    const code = typeof run.last_error?.code === 'string' ? run.last_error.code : '';
    const message = typeof run.last_error?.message === 'string' ? run.last_error.message : '';
    // rate_limit_exceeded and server_error are worth another try; a failed run for the prompt's sake is not.
    const transient = /rate_limit|server_error/.test(code);
    return fail(`the run ${String(run.status)}${code || message ? `: ${code}${code && message ? ' - ' : ''}${message}` : ''}`, transient);
}
async function transcript(request, threadId, runId, fail) {
    const messages = await request(`threads/${threadId}/messages`);
    if (!messages.ok)
        return messages.failure;
    const steps = await request(`threads/${threadId}/runs/${runId}/steps`);
    if (!steps.ok)
        return steps.failure;
    const data = messages.body?.data;
    if (!Array.isArray(data))
        return fail('the thread messages have no data list', true);
    const stepData = steps.body?.data;
    return { output: assistantTranscript(data, toolCallBlocks(Array.isArray(stepData) ? stepData : [])) };
}

export { ASSISTANT_API_VERSION, assistantTranscript, createAzureAssistantProvider, toolCallBlocks };
