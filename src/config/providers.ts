// `providers` (or promptfoo's newer alias `targets`) normalised to ProviderSpec. Ids are not interpreted
// here — src/providers resolves them — only their shape is checked, and `file://` modules are recorded
// (and checked to exist inside the project) because a change to one affects the suite.
import type { ProviderSpec } from '../types.js';
import { isFileRef, resolveInside, scriptPath, type FileScope } from './files.js';
import { checkKeys } from './keys.js';
import { ProviderObjectSchema } from './schema.js';
import { checkWith, kindOf, locatedError, type KeyPath, type Locator } from './source.js';

const EXPECTED = 'expected a list of providers: ids such as openai:chat:gpt-4o-mini, or objects {id, label, config}';
const EXPECTED_ONE = 'expected a provider: an id such as openai:chat:gpt-4o-mini, or an object {id, label, config}';

/** A grading provider reference (`provider:` on an assertion or a test's options) as ProviderSpec or id. */
export function normaliseProviderRef(
  ref: string | { id: string; label?: string; config?: Record<string, unknown> | null },
): string | ProviderSpec {
  if (typeof ref === 'string') return ref;
  const spec: ProviderSpec = { ...ref, id: ref.id, config: ref.config ?? {} };
  if (ref.label === undefined) delete spec.label;
  return spec;
}

export async function resolveProviderSpecs(
  entries: unknown,
  locator: Locator,
  at: KeyPath,
  scope: FileScope,
  files: Set<string>,
): Promise<ProviderSpec[]> {
  if (entries === undefined || entries === null) throw locatedError(locator, at, `is required: ${EXPECTED}`);
  const list = typeof entries === 'string' ? [entries] : entries;
  if (!Array.isArray(list)) throw locatedError(locator, at, `${EXPECTED}, got ${kindOf(entries)}`);
  if (list.length === 0) throw locatedError(locator, at, `is empty: ${EXPECTED}`);
  const specs: ProviderSpec[] = [];
  for (const [i, entry] of list.entries()) {
    const entryAt = typeof entries === 'string' ? at : [...at, i];
    const { spec, idAt } = providerOf(entry, locator, entryAt);
    if (isFileRef(spec.id)) files.add(await resolveInside(scriptPath(spec.id), scope, locator, idAt));
    // The tools file is read when is-valid-openai-tools-call checks a call: a file the suite reads.
    if (isFileRef(spec.config.tools) && !/\{\{|\{%/.test(spec.config.tools))
      files.add(
        await resolveInside(spec.config.tools.slice('file://'.length), scope, locator, [...entryAt, 'config', 'tools']),
      );
    if (isFileRef(spec.transform) && !/\{\{|\{%/.test(spec.transform))
      files.add(await resolveInside(scriptPath(spec.transform), scope, locator, [...entryAt, 'transform']));
    specs.push(spec);
  }
  return specs;
}

function providerOf(entry: unknown, locator: Locator, at: KeyPath): { spec: ProviderSpec; idAt: KeyPath } {
  if (typeof entry === 'string') return { spec: { id: entry, config: {} }, idAt: at };
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    throw locatedError(locator, at, `${EXPECTED_ONE}, got ${kindOf(entry)}`);
  }
  const object = entry as Record<string, unknown>;
  const keys = Object.keys(object);
  // promptfoo's map form: `- openai:chat:gpt-4o-mini: { config: {...} }` (one key, the id, and no `id:`).
  if (!('id' in object) && keys.length === 1) {
    const id = keys[0];
    const options = object[id] ?? {};
    if (options !== null && typeof options === 'object') checkKeys(options, 'provider', locator, [...at, id]);
    const checked = checkWith(locator, ProviderObjectSchema.partial(), options, [...at, id]);
    const spec = normaliseProviderRef({ ...checked, id: checked.id ?? id }) as ProviderSpec;
    return { spec, idAt: [...at, id] };
  }
  checkKeys(object, 'provider', locator, at);
  const checked = checkWith(locator, ProviderObjectSchema, object, at);
  return { spec: normaliseProviderRef(checked) as ProviderSpec, idAt: [...at, 'id'] };
}
