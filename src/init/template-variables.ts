// Finds the variables a nunjucks prompt template reads, so `promptgate init` can write a test that fills
// every one of them. Only `{{ ... }}` output expressions are read for variables; `{% ... %}` tags are read
// just for the names they bind (for-loop variables, `set`, macro arguments), which are not inputs, and for
// the lists a for-loop walks, which need a list as their placeholder.

/** What a placeholder must look like for the template to render every part of it. */
export type VariableShape =
  | { kind: 'text' }
  | { kind: 'object'; fields: Map<string, VariableShape> }
  | { kind: 'list'; item: VariableShape };

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'if', 'else', 'true', 'false', 'none', 'null', 'True', 'False', 'None', 'loop', 'super', 'caller']);
const TAG = /\{\{-?([\s\S]*?)-?\}\}|\{%-?([\s\S]*?)-?%\}/g;
const STRING_LITERAL = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g;
const IDENTIFIER_PATH = /[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*/g;

/** The template's input variables by name, in order of first use, each with the shape its uses need. */
export function templateVariables(template: string): Map<string, VariableShape> {
  const source = template.replace(/\{#[\s\S]*?#\}/g, '').replace(/\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}/g, '');
  const bound = new Set<string>();
  const loops: Array<{ names: string[]; iterable: string[] }> = [];
  const uses: string[][] = [];

  for (const match of source.matchAll(TAG)) {
    if (match[1] !== undefined) uses.push(...pathsIn(match[1]));
    else readTag(match[2] ?? '', bound, loops);
  }

  const variables = new Map<string, VariableShape>();
  // A loop variable's fields tell what the list's items must hold: `{% for m in messages %}{{ m.text }}`.
  for (const loop of loops) {
    if (loop.iterable.length === 0 || bound.has(loop.iterable[0]!)) continue;
    const item: VariableShape = loop.names.length === 1 ? shapeOfUses(uses, loop.names[0]!) : { kind: 'text' };
    place(variables, loop.iterable, { kind: 'list', item });
  }
  for (const path of uses) {
    if (!bound.has(path[0]!)) place(variables, path, { kind: 'text' });
  }
  return reorder(variables, [...uses, ...loops.map((loop) => loop.iterable)]);
}

/** Identifier paths an expression reads: not filter names, not keywords, not keyword-argument names. */
function pathsIn(expression: string): string[][] {
  const code = expression.replace(STRING_LITERAL, '""');
  const paths: string[][] = [];
  for (const match of code.matchAll(IDENTIFIER_PATH)) {
    const start = match.index ?? 0;
    const before = code.slice(0, start).trimEnd();
    const after = code.slice(start + match[0].length).trimStart();
    if (before.endsWith('|') || before.endsWith('.') || /\d$/.test(before)) continue;
    if (/^=(?!=)/.test(after)) continue;
    let path = match[0].split('.').map((part) => part.trim());
    // `name.upper()` reads `name`; `range(3)` reads nothing.
    if (after.startsWith('(')) path = path.slice(0, -1);
    if (path.length === 0 || KEYWORDS.has(path[0]!)) continue;
    paths.push(path);
  }
  return paths;
}

function readTag(tag: string, bound: Set<string>, loops: Array<{ names: string[]; iterable: string[] }>): void {
  const forTag = /^\s*for\s+([\w\s,]+?)\s+in\s+(.+)$/s.exec(tag);
  if (forTag) {
    const names = forTag[1]!.split(',').map((name) => name.trim()).filter(Boolean);
    names.forEach((name) => bound.add(name));
    const iterable = pathsIn(forTag[2]!)[0] ?? [];
    loops.push({ names, iterable });
    return;
  }
  const setTag = /^\s*set\s+([\w\s,]+?)\s*(=|$)/s.exec(tag);
  if (setTag) {
    setTag[1]!.split(',').forEach((name) => bound.add(name.trim()));
    return;
  }
  const macroTag = /^\s*macro\s+(\w+)\s*\(([^)]*)\)/s.exec(tag);
  if (macroTag) {
    bound.add(macroTag[1]!);
    for (const arg of macroTag[2]!.split(',')) {
      const name = arg.split('=')[0]!.trim();
      if (name) bound.add(name);
    }
  }
}

/** The shape a loop variable's uses need for one list item. */
function shapeOfUses(uses: string[][], name: string): VariableShape {
  const item = new Map<string, VariableShape>();
  for (const path of uses) if (path[0] === name) place(item, path, { kind: 'text' });
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
function reorder(variables: Map<string, VariableShape>, inOrder: string[][]): Map<string, VariableShape> {
  const ordered = new Map<string, VariableShape>();
  for (const path of inOrder) {
    const name = path[0];
    if (name !== undefined && variables.has(name) && !ordered.has(name)) ordered.set(name, variables.get(name)!);
  }
  return ordered;
}

/** A value of the shape: text says which variable it stands for, so a reader knows what to replace. */
export function placeholderValue(shape: VariableShape, path: string[]): unknown {
  switch (shape.kind) {
    case 'text':
      return `example ${path.join(' ')}`;
    case 'object':
      return Object.fromEntries([...shape.fields].map(([field, inner]) => [field, placeholderValue(inner, [...path, field])]));
    case 'list':
      return [placeholderValue(shape.item, [...path.slice(0, -1), singular(path[path.length - 1] ?? 'item')])];
  }
}

/** Placeholder vars for a whole template. */
export function placeholderVars(variables: Map<string, VariableShape>): Record<string, unknown> {
  return Object.fromEntries([...variables].map(([name, shape]) => [name, placeholderValue(shape, [name])]));
}

function singular(name: string): string {
  return name.length > 1 && name.endsWith('s') && !name.endsWith('ss') ? name.slice(0, -1) : `${name} item`;
}
