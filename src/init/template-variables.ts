// Finds the variables a nunjucks prompt template reads, so `promptgate init` can write a test that fills
// every one of them. Only `{{ ... }}` output expressions are read for variables; `{% ... %}` tags are read
// just for the names they bind (for-loop variables, `set`, macro arguments), which are not inputs, and for
// the lists a for-loop walks, which need a list as their placeholder.

import { NOT_VARIABLE_NAMES } from '../prompts/variables.js';

/** What a placeholder must look like for the template to render every part of it. */
export type VariableShape =
  { kind: 'text' } | { kind: 'object'; fields: Map<string, VariableShape> } | { kind: 'list'; item: VariableShape };

const TAG = /\{\{-?([\s\S]*?)-?\}\}|\{%-?([\s\S]*?)-?%\}/g;
const STRING_LITERAL = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g;
const IDENTIFIER_PATH = /[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*/g;
/** Filters that fail on a string, so what they filter needs a list placeholder: `{{ tags | join(", ") }}`. */
const LIST_FILTER = /^\|\s*(join|sort|batch|slice|groupby|sum|select|reject|selectattr|rejectattr)\b/;

/** One variable read: its path, and whether it must be a list. */
interface Use {
  path: string[];
  list: boolean;
}

/** The template's input variables by name, in order of first use, each with the shape its uses need. */
export function templateVariables(template: string): Map<string, VariableShape> {
  const source = template
    .replace(/\{#[\s\S]*?#\}/g, '')
    .replace(/\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}/g, '');
  const bound = new Set<string>();
  const loops: Loop[] = [];
  const uses: Use[] = [];
  // Top-level names in the order the template first reads them: the order a reader meets them in.
  const appearance: string[] = [];

  for (const match of source.matchAll(TAG)) {
    if (match[1] !== undefined) {
      const read = usesIn(match[1]);
      uses.push(...read);
      appearance.push(...read.map((use) => use.path[0]));
    } else {
      const loop = readTag(match[2] ?? '', bound);
      if (loop) {
        loops.push(loop);
        if (loop.iterable[0] !== undefined) appearance.push(loop.iterable[0]);
      }
    }
  }

  const variables = new Map<string, VariableShape>();
  // A loop variable's fields tell what the list's items must hold: `{% for m in messages %}{{ m.text }}`.
  for (const loop of loops) {
    if (loop.iterable.length === 0 || bound.has(loop.iterable[0])) continue;
    const item: VariableShape = loop.names.length === 1 ? shapeOfUses(uses, loop.names[0]) : { kind: 'text' };
    place(variables, loop.iterable, { kind: 'list', item });
  }
  for (const use of uses) {
    if (!bound.has(use.path[0]))
      place(variables, use.path, use.list ? { kind: 'list', item: { kind: 'text' } } : { kind: 'text' });
  }
  return reorder(variables, appearance);
}

/** Identifier paths an expression reads: not filter names, not keywords, not keyword-argument names. */
function usesIn(expression: string): Use[] {
  const code = expression.replace(STRING_LITERAL, '""');
  const uses: Use[] = [];
  for (const match of code.matchAll(IDENTIFIER_PATH)) {
    const start = match.index ?? 0;
    const before = code.slice(0, start).trimEnd();
    const after = code.slice(start + match[0].length).trimStart();
    // A filter name, a method, or a test name (`x is defined`) is not a variable.
    if (before.endsWith('|') || before.endsWith('.') || /\bis(\s+not)?$/.test(before)) continue;
    if (/^=(?!=)/.test(after)) continue;
    let path = match[0].split('.').map((part) => part.trim());
    // `name.upper()` reads `name`; `range(3)` reads nothing.
    if (after.startsWith('(')) path = path.slice(0, -1);
    if (path.length === 0 || NOT_VARIABLE_NAMES.has(path[0])) continue;
    uses.push({ path, list: LIST_FILTER.test(after) });
  }
  return uses;
}

interface Loop {
  /** The names the loop binds: `item`, or `key, value`. */
  names: string[];
  /** The path of what it walks, e.g. `['order', 'items']`; empty when that is not a plain path. */
  iterable: string[];
}

/** Adds the names a tag binds to `bound`; returns the loop when the tag opens one. */
function readTag(tag: string, bound: Set<string>): Loop | undefined {
  const forTag = /^\s*for\s+([\w\s,]+?)\s+in\s+(.+)$/s.exec(tag);
  if (forTag) {
    const names = forTag[1]
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    names.forEach((name) => bound.add(name));
    return { names, iterable: usesIn(forTag[2])[0]?.path ?? [] };
  }
  const setTag = /^\s*set\s+([\w\s,]+?)\s*(=|$)/s.exec(tag);
  if (setTag) {
    setTag[1].split(',').forEach((name) => bound.add(name.trim()));
    return undefined;
  }
  const macroTag = /^\s*macro\s+(\w+)\s*\(([^)]*)\)/s.exec(tag);
  if (macroTag) {
    bound.add(macroTag[1]);
    for (const arg of macroTag[2].split(',')) {
      const name = arg.split('=')[0].trim();
      if (name) bound.add(name);
    }
  }
  return undefined;
}

/** The shape a loop variable's uses need for one list item. */
function shapeOfUses(uses: Use[], name: string): VariableShape {
  const item = new Map<string, VariableShape>();
  for (const use of uses) if (use.path[0] === name) place(item, use.path, { kind: 'text' });
  return item.get(name) ?? { kind: 'text' };
}

/** Records `leaf` at `path`, widening text to an object where a field of it is read. */
function place(into: Map<string, VariableShape>, path: string[], leaf: VariableShape): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  const existing = into.get(head);
  if (rest.length === 0) {
    if (existing === undefined || (existing.kind === 'text' && leaf.kind !== 'text')) into.set(head, leaf);
    return;
  }
  const fields = existing?.kind === 'object' ? existing.fields : new Map<string, VariableShape>();
  if (existing?.kind === 'list') return; // `items.length` and the like: the list already satisfies it.
  into.set(head, { kind: 'object', fields });
  place(fields, rest, leaf);
}

/** Orders the top-level names by their first appearance in the template. */
function reorder(variables: Map<string, VariableShape>, appearance: string[]): Map<string, VariableShape> {
  const ordered = new Map<string, VariableShape>();
  for (const name of appearance) {
    if (variables.has(name) && !ordered.has(name)) ordered.set(name, variables.get(name)!);
  }
  return ordered;
}

/** A value of the shape: text says which variable it stands for, so a reader knows what to replace. */
export function placeholderValue(shape: VariableShape, path: string[]): unknown {
  switch (shape.kind) {
    case 'text':
      return `example ${path.join(' ')}`;
    case 'object':
      return Object.fromEntries(
        [...shape.fields].map(([field, inner]) => [field, placeholderValue(inner, [...path, field])]),
      );
    case 'list': {
      const item = placeholderValue(shape.item, [...path.slice(0, -1), singular(path[path.length - 1] ?? 'item')]);
      // A list of strings in `vars` runs the test once per string (promptfoo's semantics), so the template
      // would see one string; nested one level deeper it is passed as one list, as the template needs.
      return typeof item === 'string' ? [[item]] : [item];
    }
  }
}

/** Placeholder vars for a whole template. */
export function placeholderVars(variables: Map<string, VariableShape>): Record<string, unknown> {
  return Object.fromEntries([...variables].map(([name, shape]) => [name, placeholderValue(shape, [name])]));
}

function singular(name: string): string {
  return name.length > 1 && name.endsWith('s') && !name.endsWith('ss') ? name.slice(0, -1) : `${name} item`;
}

/**
 * The variables of several templates together, each with a shape that serves all of its uses: a name read
 * as text in one prompt and as an object or list in another becomes the object or list, since every test
 * runs against every prompt.
 */
export function mergeVariables(all: Array<Map<string, VariableShape>>): Map<string, VariableShape> {
  const merged = new Map<string, VariableShape>();
  for (const variables of all) {
    for (const [name, shape] of variables) {
      const earlier = merged.get(name);
      merged.set(name, earlier ? mergeShape(earlier, shape) : shape);
    }
  }
  return merged;
}

function mergeShape(a: VariableShape, b: VariableShape): VariableShape {
  if (a.kind === 'text') return b;
  if (b.kind === 'text') return a;
  if (a.kind === 'object' && b.kind === 'object')
    return { kind: 'object', fields: mergeVariables([a.fields, b.fields]) };
  if (a.kind === 'list' && b.kind === 'list') return { kind: 'list', item: mergeShape(a.item, b.item) };
  return a; // a list in one prompt and an object in another: no one value is both; keep the first.
}
