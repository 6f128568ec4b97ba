// Which variables a template prints that it does not define itself: `{{ name }}` and `{{ name.field }}` (not
// `{{ name | default("") }}`, not names a `set`, `for` or macro binds). Rendering such a template for a test
// that does not define the variable is an error of that case, not an empty string in the prompt: the
// difference between "the prompt says nothing about the customer" and a typo in `{{ custmer }}`. Pure.
import nunjucks from 'nunjucks';

interface AstNode {
  typename: string;
  value?: unknown;
  fields?: string[];
  [field: string]: unknown;
}

const GLOBALS = new Set(['range', 'cycler', 'joiner', 'loop', 'caller', 'super']);

/**
 * Names that `{{ name }}` does not read as the variable of that name: nunjucks' literals, its operators and its
 * globals. For readers of a template's text that do not parse it (render.ts's plain outputs, init's placeholders).
 */
export const NOT_VARIABLE_NAMES: ReadonlySet<string> = new Set([
  'true',
  'false',
  'True',
  'False',
  'none',
  'None',
  'null',
  'and',
  'or',
  'not',
  'in',
  'is',
  'if',
  'else',
  ...GLOBALS,
]);

const isNode = (value: unknown): value is AstNode =>
  value !== null && typeof value === 'object' && typeof (value as AstNode).typename === 'string';

function children(node: AstNode): unknown[] {
  return (node.fields ?? []).map((field) => node[field]);
}

function visit(value: unknown, each: (node: AstNode) => void): void {
  if (Array.isArray(value)) return value.forEach((v) => visit(v, each));
  if (!isNode(value)) return;
  each(value);
  for (const child of children(value)) visit(child, each);
}

function symbolsIn(value: unknown): string[] {
  const names: string[] = [];
  visit(value, (n) => {
    if (n.typename === 'Symbol' && typeof n.value === 'string') names.push(n.value);
  });
  return names;
}

/** The root variable of `name` or `name.a[0].b`, if the expression is only that. */
function printedRoot(node: unknown): string | undefined {
  if (!isNode(node)) return undefined;
  if (node.typename === 'Symbol' && typeof node.value === 'string') return node.value;
  if (node.typename === 'LookupVal') return printedRoot(node.target);
  return undefined;
}

/** Top-level variable names the template prints without defining them; [] when it cannot be parsed. */
export function printedVariables(source: string): string[] {
  let root: unknown;
  try {
    root = (nunjucks as unknown as { parser: { parse(src: string): unknown } }).parser.parse(source);
  } catch {
    return []; // The renderer reports the syntax error itself.
  }
  const bound = new Set<string>(GLOBALS);
  const printed = new Set<string>();
  visit(root, (n) => {
    if (n.typename === 'Set') for (const name of symbolsIn(n.targets)) bound.add(name);
    if (n.typename === 'For' || n.typename === 'AsyncEach' || n.typename === 'AsyncAll') {
      for (const name of symbolsIn(n.name)) bound.add(name);
    }
    if (n.typename === 'Macro' || n.typename === 'Caller') for (const name of symbolsIn(n.args)) bound.add(name);
    if (n.typename === 'FromImport' || n.typename === 'Import')
      for (const name of symbolsIn(n.names ?? n.target)) bound.add(name);
    if (n.typename === 'Output') {
      for (const child of (n.children as unknown[] | undefined) ?? []) {
        const name = printedRoot(child);
        if (name) printed.add(name);
      }
    }
  });
  return [...printed].filter((name) => !bound.has(name));
}

/** Whether the template reads the variable anywhere (printed, looped over, filtered, tested); false when unparsable. */
export function readsVariable(source: string, name: string): boolean {
  if (!source.includes(name)) return false;
  let root: unknown;
  try {
    root = (nunjucks as unknown as { parser: { parse(src: string): unknown } }).parser.parse(source);
  } catch {
    return false;
  }
  return symbolsIn(root).includes(name);
}

export class UndefinedVariableError extends Error {
  constructor(readonly variable: string) {
    super(
      `the template prints {{ ${variable} }}, which this test does not define: add \`${variable}\` to the test's vars ` +
        `(or defaultTest.vars), or write {{ ${variable} | default("") }} where it is optional`,
    );
    this.name = 'UndefinedVariableError';
  }
}
