// Renders prompt templates with nunjucks, as promptfoo does: autoescape off, vars passed as they are so
// `{{ customer.name }}` and `{% for item in items %}` work. Where promptfoo would print an object var as
// `[object Object]`, a bare `{{ customer }}` prints the object's JSON here (arrays too: `["a","b"]`, not
// `a,b`): a prompt that mentions a structured var almost always means its content.
//
// A chat prompt (the raw text is a JSON array of {role, content}) is rendered message by message, so a
// var holding quotes or newlines cannot break the JSON; the result is the JSON text of the rendered array.
//
// Rendering runs once per case (10,000 times in the benchmark): one Environment, templates compiled once
// per distinct text, chat prompts parsed once per distinct raw text.
import nunjucks from 'nunjucks';
import './sandbox.js';
import { printedVariables, UndefinedVariableError } from './variables.js';
import type { ChatMessage, Prompt } from '../types.js';

// No `env` global (promptfoo has one): a pull request could otherwise echo the runner's secrets.
const environment = new nunjucks.Environment(null, { autoescape: false });
environment.addFilter('load', (text: string) => JSON.parse(text) as unknown);

const compiled = new Map<string, nunjucks.Template>();
const printed = new Map<string, string[]>();

/**
 * The compiled template for a source text, reused across cases (prompts and assertion values share one
 * environment); undefined for text without template syntax, which renders as itself.
 */
export function compileTemplate(source: string): nunjucks.Template | undefined {
  if (!/\{[{%#]/.test(source)) return undefined;
  let template = compiled.get(source);
  if (!template) {
    template = new nunjucks.Template(source, environment, undefined, true);
    compiled.set(source, template);
  }
  return template;
}

/** Renders one template string; text without template syntax is returned as it is. */
export function renderTemplateText(source: string, vars: Record<string, unknown>): string {
  const template = compileTemplate(source);
  if (!template) return source;
  let names = printed.get(source);
  if (!names) printed.set(source, (names = printedVariables(source)));
  for (const name of names)
    if (!Object.prototype.hasOwnProperty.call(vars, name)) throw new UndefinedVariableError(name);
  return template.render(printableVars(vars));
}

/** Render a prompt template with the test's vars (nunjucks, autoescape off, promptfoo semantics). */
export function renderPrompt(prompt: Prompt, vars: Record<string, unknown>): string {
  const chat = chatTemplate(prompt.raw);
  if (!chat) return renderTemplateText(prompt.raw, vars);
  return JSON.stringify(chat.map((message) => ({ ...message, content: renderDeep(message.content, vars) })));
}

/** If the rendered prompt is a JSON chat messages array, return it; else null. */
export function parseChatMessages(rendered: string): ChatMessage[] | null {
  const parsed = parseChatJson(rendered);
  if (!parsed) return null;
  return parsed.map((m) => ({
    role: m.role,
    content: typeof m.content === 'string' ? m.content : JSON.stringify(m.content),
  }));
}

export type RawMessage = { role: string; content: unknown } & Record<string, unknown>;

/**
 * The messages as written when the rendered prompt is a JSON array of `{role, content}` (content may be an
 * array of parts: images, tool results), else null. Providers send these as they are.
 */
export function parseChatJson(rendered: string): RawMessage[] | null {
  if (!/^\s*\[/.test(rendered)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(rendered);
  } catch {
    return null;
  }
  return isMessageArray(parsed) ? parsed : null;
}

function isMessageArray(value: unknown): value is RawMessage[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (m) =>
        m !== null && typeof m === 'object' && typeof (m as RawMessage).role === 'string' && 'content' in (m as object),
    )
  );
}

const chatTemplates = new Map<string, RawMessage[] | null>();

function chatTemplate(raw: string): RawMessage[] | null {
  let messages = chatTemplates.get(raw);
  if (messages === undefined) {
    messages = null;
    if (/^\s*\[/.test(raw)) {
      try {
        const parsed: unknown = JSON.parse(raw);
        if (isMessageArray(parsed)) messages = parsed;
      } catch {
        // Not JSON: an ordinary template that happens to start with `[`.
      }
    }
    chatTemplates.set(raw, messages);
  }
  return messages;
}

/** Message content is a string, or (multimodal) parts whose strings are templates too. */
function renderDeep(value: unknown, vars: Record<string, unknown>): unknown {
  if (typeof value === 'string') return renderTemplateText(value, vars);
  if (Array.isArray(value)) return value.map((item) => renderDeep(item, vars));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderDeep(v, vars)]));
  }
  return value;
}

// Vars objects are shared by every prompt, provider and repeat of a test: convert each once. Vars are
// treated as immutable once loaded (the engine never mutates them), so the cached copy stays right.
const printable = new WeakMap<object, object>();

/** Copies of object/array vars that print as JSON; everything else (fields, loops, filters) unchanged. */
function printableVars(vars: Record<string, unknown>): Record<string, unknown> {
  let needed = false;
  for (const key in vars) {
    const value = vars[key];
    if (value !== null && typeof value === 'object') {
      needed = true;
      break;
    }
  }
  if (!needed) return vars;
  return printableValue(vars) as Record<string, unknown>;
}

function printableValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const cached = printable.get(value);
  if (cached) return cached;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value)
    ? value.map(printableValue)
    : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, printableValue(v)]));
  // Non-enumerable, so loops over keys, `| dump` and `| length` ignore it.
  Object.defineProperty(copy, 'toString', { value: () => JSON.stringify(value), enumerable: false });
  printable.set(value, copy);
  return copy;
}
