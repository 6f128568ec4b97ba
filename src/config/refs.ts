// promptfoo dereferences JSON references in a config before reading it (json-schema-ref-parser): a map
// `{ $ref: '#/assertionTemplates/name' }` stands for the node that pointer names, typically one of the
// config's `assertionTemplates`. Only references inside the config (`#/…`) are read here; one to another
// file, a pointer to nothing, a reference with siblings and a cycle are located errors.
// (Not under `config` maps or providers: see keepsOwnRefs.)
import { locatedError, type KeyPath, type Locator } from './source.js';

/**
 * Provider and prompt configs hold JSON Schemas (response formats, tool parameters) whose `$ref`s are the
 * schema's own: promptfoo leaves tool and function parameters alone for that reason; here every `config`
 * map, and the providers, keep theirs.
 */
function keepsOwnRefs(at: KeyPath, key: string): boolean {
  return key === 'config' || (at.length === 0 && (key === 'providers' || key === 'targets'));
}

/**
 * Whether `value` (the config's root when `atRoot`) holds a reference that dereferenceLocal would follow. Most
 * configs have none: they are returned as they are, without a copy of every node (a suite of 2,000 tests
 * spent megabytes of garbage on one).
 */
function holdsRefs(value: unknown, atRoot: boolean): boolean {
  if (Array.isArray(value)) return value.some((item) => holdsRefs(item, false));
  if (value === null || typeof value !== 'object') return false;
  if ('$ref' in value) return true;
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    if (!keepsOwnRefs(atRoot ? [] : NOT_ROOT, key) && holdsRefs(object[key], false)) return true;
  }
  return false;
}

/** Any path below the root, for keepsOwnRefs (which only asks whether it is the root). */
const NOT_ROOT: KeyPath = [''];

export function dereferenceLocal(root: unknown, locator: Locator): unknown {
  if (!holdsRefs(root, true)) return root;
  const visit = (value: unknown, at: KeyPath, resolving: readonly string[]): unknown => {
    if (Array.isArray(value)) return value.map((item, i) => visit(item, [...at, i], resolving));
    if (value === null || typeof value !== 'object') return value;
    const object = value as Record<string, unknown>;
    if ('$ref' in object) {
      const ref = object.$ref;
      if (typeof ref !== 'string' || !ref.startsWith('#/')) {
        throw locatedError(
          locator,
          [...at, '$ref'],
          `expected a reference inside this config, such as '#/assertionTemplates/name'; references to other files are not supported`,
        );
      }
      if (Object.keys(object).length > 1) {
        throw locatedError(
          locator,
          at,
          `a $ref stands for the node it names: remove the keys beside it (${Object.keys(object)
            .filter((k) => k !== '$ref')
            .join(', ')})`,
        );
      }
      if (resolving.includes(ref))
        throw locatedError(locator, [...at, '$ref'], `${ref} refers to itself (through ${resolving.join(' → ')})`);
      const path = ref
        .slice(2)
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
      let target: unknown = root;
      for (const part of path) {
        if (target === null || typeof target !== 'object' || !Object.prototype.hasOwnProperty.call(target, part)) {
          throw locatedError(locator, [...at, '$ref'], `${ref} names nothing in this config`);
        }
        target = (target as Record<string, unknown>)[part];
      }
      return visit(target, at, [...resolving, ref]);
    }
    return Object.fromEntries(
      Object.entries(object).map(([k, v]) => [k, keepsOwnRefs(at, k) ? v : visit(v, [...at, k], resolving)]),
    );
  };
  return visit(root, [], []);
}
