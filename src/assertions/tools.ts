// is-valid-openai-tools-call, with promptfoo 0.123.1's semantics (assertions/openai.ts there): the output is
// a list of OpenAI tool calls (or an object holding `tool_calls`; JSON text is parsed only from the providers
// that return the calls as text where promptfoo returns objects: Provider.toolCalls), each `{function: {name, arguments}}`, naming a function the provider's
// `config.tools` declares (inline, or file://tools.json|yaml) with arguments that match its JSON schema.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { GradingResult } from '../types.js';
import { MalformedAssertionError, type AssertionHandler } from './handler.js';
import { compileSchema } from './json.js';

interface ToolCall {
  function: { name: string; arguments: string };
}

/** The calls as the provider made them: text is parsed only from a provider that returns them as JSON text. */
function parsed(output: unknown, json: boolean): unknown {
  if (typeof output !== 'string' || !json) return output;
  try {
    return JSON.parse(output) as unknown;
  } catch {
    return output;
  }
}

async function declaredTools(tools: unknown, rootDir: string): Promise<unknown> {
  if (typeof tools !== 'string' || !tools.startsWith('file://')) return tools;
  const file = path.resolve(rootDir, tools.slice('file://'.length));
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new MalformedAssertionError(`cannot read the provider's tools ${file}: ${(err as Error).message}`);
  }
  return /\.ya?ml$/i.test(file) ? (parseYaml(text) as unknown) : (JSON.parse(text) as unknown);
}

const fail = (reason: string): GradingResult => ({ pass: false, score: 0, reason });

const isValidOpenAiToolsCall: AssertionHandler = async ({ output, ctx, inverse }) => {
  if (inverse) throw new MalformedAssertionError('not-is-valid-openai-tools-call is not supported', 'type');
  let calls = parsed(output, ctx.providerToolCalls?.json === true);
  if (calls !== null && typeof calls === 'object' && 'tool_calls' in calls)
    calls = (calls as { tool_calls: unknown }).tool_calls;
  if (
    !Array.isArray(calls) ||
    calls.length === 0 ||
    calls.some((c) => typeof c?.function?.name !== 'string' || typeof c?.function?.arguments !== 'string')
  ) {
    return fail(`OpenAI did not return a valid-looking tools response: ${JSON.stringify(calls)}`);
  }
  const tools = await declaredTools(ctx.providerConfig?.tools, ctx.rootDir);
  if (!Array.isArray(tools)) return fail('No tools configured in provider, but output contains tool calls');
  const functions = tools
    .filter(
      (t): t is { type: string; function: { name: string; parameters?: unknown } } =>
        t?.type === 'function' && 'function' in t,
    )
    .map((t) => t.function);
  for (const call of calls as ToolCall[]) {
    const { name } = call.function;
    const schema = functions.find((f) => f.name === name)?.parameters;
    if (!schema) return fail(`Called "${name}", but there is no function with that name`);
    let args: unknown;
    try {
      args = JSON.parse(call.function.arguments);
    } catch (err) {
      return fail(`Call to "${name}" has arguments that are not JSON: ${(err as Error).message}`);
    }
    const validate = compileSchema(schema);
    if (!validate(args)) return fail(`Call to "${name}" does not match schema: ${JSON.stringify(validate.errors)}`);
  }
  return { pass: true, score: 1, reason: 'Assertion passed' };
};

/**
 * is-valid-function-call / is-valid-openai-function-call (promptfoo's functionToolCall.ts with the OpenAI chat
 * provider's validateFunctionCall): the output is one legacy OpenAI function call `{name, arguments}` (or an
 * object holding `function_call`; JSON text is parsed, as above) naming a function of the provider's `config.functions`
 * with arguments matching its schema. promptfoo turns every problem into a fail, and ignores the not- form.
 */
const isValidFunctionCall: AssertionHandler = async ({ assertion, output, ctx, inverse }) => {
  const type = assertion.type.replace(/^not-/, '');
  if (inverse) throw new MalformedAssertionError(`not-${type} is not supported`, 'type');
  if (/^(google|vertex)[:-]/.test(ctx.providerId)) {
    throw new MalformedAssertionError(
      `${type} on a Google provider checks Gemini's functionDeclarations format, which promptgate does not implement; use a javascript assertion over the output`,
      'type',
    );
  }
  if (ctx.providerToolCalls?.validatesFunctionCalls !== true) {
    return fail('Provider does not have functionality for checking function call.');
  }
  let call = parsed(output, ctx.providerToolCalls.json) as { name?: unknown; arguments?: unknown } | null;
  if (call !== null && typeof call === 'object' && 'function_call' in call)
    call = (call as { function_call: typeof call }).function_call;
  if (call === null || typeof call !== 'object' || typeof call.name !== 'string' || typeof call.arguments !== 'string')
    return fail(`OpenAI did not return a valid-looking function call: ${JSON.stringify(call)}`);
  const functions = await declaredTools(ctx.providerConfig?.functions, ctx.rootDir);
  let args: unknown;
  try {
    args = JSON.parse(call.arguments);
  } catch (err) {
    return fail((err as Error).message);
  }
  const name = call.name;
  const schema = Array.isArray(functions)
    ? (functions as Array<{ name?: unknown; parameters?: unknown }>).find((f) => f?.name === name)?.parameters
    : undefined;
  if (!schema) return fail(`Called "${name}", but there is no function with that name`);
  const validate = compileSchema(schema);
  if (!validate(args)) return fail(`Call to "${name}" does not match schema: ${JSON.stringify(validate.errors)}`);
  return { pass: true, score: 1, reason: 'Assertion passed' };
};

export const toolAssertions: Record<string, AssertionHandler> = {
  'is-valid-openai-tools-call': isValidOpenAiToolsCall,
  'is-valid-function-call': isValidFunctionCall,
  'is-valid-openai-function-call': isValidFunctionCall,
};
