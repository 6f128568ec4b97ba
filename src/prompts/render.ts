// Renders prompt templates with nunjucks, as promptfoo does: autoescape off, vars passed as they are so
// `{{ customer.name }}` and `{% for item in items %}` work. Where promptfoo would print an object var as
// `[object Object]`, a bare `{{ customer }}` prints the object's JSON here (arrays too: `["a","b"]`, not
// `a,b`): a prompt that mentions a structured var almost always means its content.
//
// A JSON prompt (a chat messages array, or any JSON object) is rendered value by value, so a var holding
// quotes or newlines cannot break the JSON; the result is the JSON text of the rendered value.
//
// Rendering runs once per case (10,000 times in the benchmark): one Environment, templates compiled once
// per distinct text, chat prompts parsed once per distinct raw text.
import nunjucks from 'nunjucks';
import './sandbox.js';
import { NOT_VARIABLE_NAMES, printedVariables, UndefinedVariableError } from './variables.js';
import type { ChatMessage, Prompt, TemplateFilters } from '../types.js';

/**
 * promptfoo's environment: autoescape off, and its `load` filter (JSON text → value). No `env` global
 * (promptfoo has one): a pull request could otherwise echo the runner's secrets.
 */
function newEnvironment(): nunjucks.Environment {
  const env = new nunjucks.Environment(null, { autoescape: false });
  env.addFilter('load', (text: string) => JSON.parse(text) as unknown);
  return env;
}
const environment = newEnvironment();

const compiled = new Map<string, nunjucks.Template>();
const printed = new Map<string, string[]>();

/**
 * A suite's `nunjucksFilters` get an environment of their own (the shared one plus those filters), and
 * templates compiled in it: one per filter set, so one suite's filters never reach another's prompts.
 */
const withFilters = new WeakMap<
  TemplateFilters,
  { environment: nunjucks.Environment; compiled: Map<string, nunjucks.Template> }
>();

function environmentFor(filters: TemplateFilters): {
  environment: nunjucks.Environment;
  compiled: Map<string, nunjucks.Template>;
} {
  let found = withFilters.get(filters);
  if (!found) {
    const own = newEnvironment();
    for (const [name, filter] of Object.entries(filters)) own.addFilter(name, filter);
    withFilters.set(filters, (found = { environment: own, compiled: new Map() }));
  }
  return found;
}

/** True when the text holds template syntax (`{{`, `{%` or `{#`): text without it renders as itself. */
function hasTemplateSyntax(text: string): boolean {
  return /\{[{%#]/.test(text);
}

/**
 * The compiled template for a source text, reused across cases (prompts and assertion values share one
 * environment; a prompt of a suite with `nunjucksFilters` uses that suite's); undefined for text without
 * template syntax, which renders as itself.
 */
export function compileTemplate(source: string, filters?: TemplateFilters): nunjucks.Template | undefined {
  if (!hasTemplateSyntax(source)) return undefined;
  const { environment: env, compiled: cache } = filters ? environmentFor(filters) : { environment, compiled };
  let template = cache.get(source);
  if (!template) {
    template = new nunjucks.Template(source, env, undefined, true);
    cache.set(source, template);
  }
  return template;
}

/** The variables a template text reads from `env` (`{{ env.NAME }}`, or a tag reading `env.NAME`), in order. */
export function envReferences(source: string): string[] {
  return [...source.matchAll(/\{[{%][^}]*?\benv\.([A-Za-z_]\w*)/g)].map((match) => match[1]);
}

/** Renders one template string; text without template syntax is returned as it is. */
export function renderTemplateText(source: string, vars: Record<string, unknown>, filters?: TemplateFilters): string {
  if (!hasTemplateSyntax(source)) return source;
  let names = printed.get(source);
  if (!names) printed.set(source, (names = printedVariables(source)));
  for (const name of names)
    if (!Object.prototype.hasOwnProperty.call(vars, name)) throw new UndefinedVariableError(name);
  return joinedOutputs(source, vars) ?? compileTemplate(source, filters)!.render(printableVars(vars));
}

/**
 * A template that is only text and bare outputs (`Dear {{ name }},`): its texts, and the names printed between
 * them (texts[0] name[0] texts[1] … texts[n]). null for anything else: a tag, a comment, a filter, a field,
 * whitespace control, a literal, an unclosed `{{`.
 */
interface Outputs {
  texts: string[];
  names: string[];
}

const outputsOf = new Map<string, Outputs | null>();

function outputsFor(source: string): Outputs | null {
  let outputs = outputsOf.get(source);
  if (outputs === undefined) outputsOf.set(source, (outputs = plainOutputs(source)));
  return outputs;
}

function plainOutputs(source: string): Outputs | null {
  const texts: string[] = [];
  const names: string[] = [];
  const output = /\{\{\s*([A-Za-z_]\w*)\s*\}\}/g;
  let from = 0;
  for (let match = output.exec(source); match; match = output.exec(source)) {
    if (NOT_VARIABLE_NAMES.has(match[1])) return null;
    texts.push(source.slice(from, match.index));
    names.push(match[1]);
    from = match.index + match[0].length;
  }
  texts.push(source.slice(from));
  // A text with a tag of its own, a stray `#}` (an error in nunjucks), or a `{` that makes the next output's `{{`
  // a `{{{`, is nunjucks' to read.
  const plain = texts.every(
    (text, i) => !hasTemplateSyntax(text) && !text.includes('#}') && (i === names.length || !text.endsWith('{')),
  );
  return plain ? { texts, names } : null;
}

/**
 * What nunjucks renders for a template of text and bare outputs, without its runtime (a Context, a Frame and a
 * compiled function per case): each var a string, number or boolean, printed as nunjucks prints it. undefined
 * when the template has more, or a var is of another kind (an object prints as its JSON, null as nothing): the
 * caller renders those with nunjucks. Names are checked as defined before this runs.
 */
function joinedOutputs(source: string, vars: Record<string, unknown>): string | undefined {
  const outputs = outputsFor(source);
  if (outputs === null) return undefined;
  const { texts, names } = outputs;
  let text = texts[0];
  for (let i = 0; i < names.length; i++) {
    const value = vars[names[i]];
    if (typeof value === 'string') text += value;
    else if (typeof value === 'number' || typeof value === 'boolean') text += String(value);
    else return undefined;
    text += texts[i + 1];
  }
  return text;
}

/**
 * Render a prompt template with the test's vars (nunjucks, autoescape off, promptfoo 0.123.1 semantics): a
 * string var loses one trailing newline (a YAML `|` block ends in one), and a prompt that is JSON (a chat
 * messages array, or any object) has each string value rendered, so a var holding quotes or newlines is
 * JSON-escaped, and is sent as that JSON, indented by 2 as promptfoo does (its
 * PROMPTFOO_DISABLE_JSON_AUTOESCAPE is not read: JSON prompts are always rendered this way).
 */
export function renderPrompt(prompt: Prompt, vars: Record<string, unknown>, filters?: TemplateFilters): string {
  const promptVars = preparedVars(vars);
  const json = jsonTemplate(prompt.raw);
  if (json === null) return renderTemplateText(wrappedText(prompt.raw), templatedVars(promptVars, filters), filters);
  // promptfoo renders a JSON prompt's values without the suite's nunjucksFilters; when that fails (a value
  // uses one), it renders the prompt's compact JSON text as one template with them (no JSON escaping).
  try {
    return JSON.stringify(renderDeep(json, promptVars), null, 2);
  } catch (err) {
    if (!filters) throw err;
    return renderTemplateText(JSON.stringify(json), templatedVars(promptVars, filters), filters);
  }
}

/**
 * True when the prompt's own text renders without nunjucks' runtime (a text prompt of text and bare outputs, or
 * of no template at all): rendering it again costs less than remembering what it rendered (evaluate.ts
 * memoizedRender). Vars that are templates themselves keep their own memo (templatedVars).
 */
export function rendersPlainly(prompt: Prompt): boolean {
  if (prompt.function || jsonTemplate(prompt.raw) !== null) return false;
  const text = wrappedText(prompt.raw);
  return !hasTemplateSyntax(text) || outputsFor(text) !== null;
}

const prepared = new WeakMap<Record<string, unknown>, Record<string, unknown>>();

/**
 * The vars as promptfoo 0.123.1's renderPrompt leaves them (it changes them in place, so its assertions see
 * them so too): each string var loses one trailing newline, then resolveVariables — up to 5 passes in which
 * a string var's first `{{ name }}` (a bare name, no filter) becomes that var's value, unless the var is
 * undefined, which leaves the whole value as written. An object or list prints as JSON, as in templates
 * here. Computed once per vars object; the vars given are not changed.
 */
export function preparedVars(vars: Record<string, unknown>): Record<string, unknown> {
  // Vars with nothing to prepare (the usual test) are checked again rather than remembered: a WeakMap entry
  // per case costs every GC more than the scan.
  if (asWritten(vars)) return vars;
  let done = prepared.get(vars);
  if (!done) {
    done = resolveVariables(withoutTrailingNewline(vars));
    prepared.set(vars, done);
  }
  return done;
}

/**
 * True when no string var ends in a newline or holds a `{`: then neither promptfoo's preparation nor a var's own
 * rendering changes anything, and the vars are used as they are (the usual test: one scan, no copies).
 */
function asWritten(vars: Record<string, unknown>): boolean {
  for (const key in vars) {
    const value = vars[key];
    if (typeof value === 'string' && (value.endsWith('\n') || value.includes('{'))) return false;
  }
  return true;
}

function withoutTrailingNewline(vars: Record<string, unknown>): Record<string, unknown> {
  let trimmed = vars;
  for (const key in vars) {
    const value = vars[key];
    if (typeof value === 'string' && value.endsWith('\n')) {
      if (trimmed === vars) trimmed = { ...vars };
      trimmed[key] = value.slice(0, -1);
    }
  }
  return trimmed;
}

function resolveVariables(vars: Record<string, unknown>): Record<string, unknown> {
  let resolved = vars;
  for (let pass = 0; pass < 5; pass++) {
    let changed = false;
    for (const key of Object.keys(resolved)) {
      const value = resolved[key];
      if (typeof value !== 'string') continue;
      const match = /\{\{\s*(\w+)\s*\}\}/.exec(value);
      if (!match || !Object.prototype.hasOwnProperty.call(resolved, match[1])) continue;
      const replacement = resolved[match[1]];
      if (replacement === undefined) continue;
      if (resolved === vars) resolved = { ...vars };
      // String.replace with a string, as promptfoo: `$&` and the like in the value are replacement patterns.
      resolved[key] = value.replace(
        match[0],
        replacement !== null && typeof replacement === 'object' ? JSON.stringify(replacement) : String(replacement),
      );
      changed = true;
    }
    if (!changed) break;
  }
  return resolved;
}

const templated = new WeakMap<Record<string, unknown>, Map<TemplateFilters | undefined, Record<string, unknown>>>();

/**
 * What a text prompt is rendered with in promptfoo 0.123.1: each string var is itself rendered as a template
 * over the vars, unless it names a var the test does not define (then it is kept as written). A JSON prompt's
 * values see the prepared vars as they are.
 */
function templatedVars(vars: Record<string, unknown>, filters?: TemplateFilters): Record<string, unknown> {
  if (asWritten(vars)) return vars;
  let byFilters = templated.get(vars);
  if (!byFilters) templated.set(vars, (byFilters = new Map()));
  let done = byFilters.get(filters);
  if (!done) {
    done = vars;
    for (const key of Object.keys(vars)) {
      const value = vars[key];
      if (typeof value !== 'string' || !hasTemplateSyntax(value) || namesUndefinedVariable(value, vars)) continue;
      const rendered = renderTemplateText(partialWrapped(value), vars, filters);
      if (rendered === value) continue;
      if (done === vars) done = { ...vars };
      done[key] = rendered;
    }
    byFilters.set(filters, done);
  }
  return done;
}

/** promptfoo's referencesUndefinedVariables over its extractVariablesFromTemplate (a regex, not the parser). */
function namesUndefinedVariable(template: string, vars: Record<string, unknown>): boolean {
  const names = new Set<string>();
  const text = template.replace(/\{#[\s\S]*?#\}/g, '');
  for (const m of text.matchAll(
    /\{\{[\s]*([^{}\s|]+)[\s]*(?:\|[^}]+)?\}\}|\{%[\s]*(?:if|for)[\s]+([^{}\s]+)[\s]*.*?%\}/g,
  )) {
    const name = m[1] || m[2];
    if (name) names.add(name);
  }
  for (const m of text.matchAll(/\{%[\s]*for[\s]+(\w+)[\s]+in[\s]+(\w+)[\s]*%\}/g)) {
    names.delete(m[1]);
    names.add(m[2]);
  }
  return [...names].some((name) => {
    const root = /^([A-Za-z_]\w*)/.exec(name)?.[1];
    return (
      root !== undefined &&
      root !== 'env' &&
      (!Object.prototype.hasOwnProperty.call(vars, root) || vars[root] === undefined)
    );
  });
}

const wrappedTexts = new Map<string, string>();

/** partialWrapped of a prompt's text, worked out once per text (a prompt is rendered for every case). */
function wrappedText(raw: string): string {
  let text = wrappedTexts.get(raw);
  if (text === undefined) wrappedTexts.set(raw, (text = partialWrapped(raw)));
  return text;
}

/** promptfoo's autoWrapRawIfPartialNunjucks: text with an unclosed `{%`, `{{` or `{#` is rendered as it is. */
function partialWrapped(text: string): string {
  const partial = /({%[^%]*$|{{[^}]*$|{#[^#]*$)/m.test(text);
  const wrapped = /{%\s*raw\s*%}/.test(text) && /{%\s*endraw\s*%}/.test(text);
  return partial && !wrapped ? `{% raw %}${text}{% endraw %}` : text;
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

const jsonTemplates = new Map<string, object | null>();

/** The prompt's JSON (an object or array) when its raw text is JSON, else null; parsed once per text. */
function jsonTemplate(raw: string): object | null {
  let parsed = jsonTemplates.get(raw);
  if (parsed === undefined) {
    parsed = null;
    if (/^\s*[[{]/.test(raw)) {
      try {
        const value: unknown = JSON.parse(raw);
        if (value !== null && typeof value === 'object') parsed = value;
      } catch {
        // Not JSON: an ordinary template that happens to start with `[` or `{`.
      }
    }
    jsonTemplates.set(raw, parsed);
  }
  return parsed;
}

/**
 * Every string of a value (at any depth) rendered as a template: a JSON prompt's message content, whose
 * multimodal parts hold templates too, and the http provider's body and headers.
 */
export function renderDeep(value: unknown, vars: Record<string, unknown>): unknown {
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
