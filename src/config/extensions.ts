// A config's JavaScript that runs beside the engine, resolved inside the project and recorded as files the
// suite reads: `extensions:` (promptfoo's hooks), a list of `file://hooks.js:fn` / `file://hooks.py:fn`, which
// the engine calls (src/engine/extensions.ts); and `nunjucksFilters:` (filter name → a module exporting the
// filter function), imported when a run starts (src/prompts/functions.ts). On untrusted events only the base
// revision's config is loaded, so both are the base's code.
import path from 'node:path';
import { isJavascriptFile } from '../modules/import.js';
import type { ExtensionHook, TemplateFilterRef } from '../types.js';
import { isFileRef, parseFileReference, resolveInside, type FileScope } from './files.js';
import { locatedError, type Locator } from './source.js';

const EXPECTED = 'expected a list of file://path/to/hooks.js:function_name (or .py) references';

export async function resolveExtensions(
  value: unknown,
  locator: Locator,
  scope: FileScope,
  files: Set<string>,
): Promise<ExtensionHook[]> {
  if (!Array.isArray(value)) throw locatedError(locator, ['extensions'], EXPECTED);
  const hooks: ExtensionHook[] = [];
  for (const [i, reference] of value.entries()) {
    const at = ['extensions', i];
    if (!isFileRef(reference)) throw locatedError(locator, at, EXPECTED);
    const { path: relative, functionName } = parseFileReference(reference);
    if (functionName === undefined) {
      throw locatedError(
        locator,
        at,
        `${reference}: name the hook function, as promptfoo requires (${reference}:function_name)`,
      );
    }
    const ext = path.extname(relative).toLowerCase();
    if (!isJavascriptFile(relative) && ext !== '.py') throw locatedError(locator, at, `${reference}: ${EXPECTED}`);
    const file = await resolveInside(relative, scope, locator, at);
    files.add(file);
    hooks.push({ reference, file, functionName, language: ext === '.py' ? 'python' : 'javascript' });
  }
  return hooks;
}

const FILTERS_EXPECTED =
  'expected a map of filter names to JavaScript files, e.g. { allcaps: ./filters/allcaps.js } (each exporting the filter function)';

/** promptfoo's `nunjucksFilters`: each filter's module resolved inside the project (its path is relative to the config). */
export async function resolveTemplateFilters(
  value: unknown,
  locator: Locator,
  scope: FileScope,
  files: Set<string>,
): Promise<TemplateFilterRef[]> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw locatedError(locator, ['nunjucksFilters'], FILTERS_EXPECTED);
  const filters: TemplateFilterRef[] = [];
  for (const [name, reference] of Object.entries(value)) {
    const at = ['nunjucksFilters', name];
    if (!/^[A-Za-z_]\w*$/.test(name))
      throw locatedError(locator, at, `"${name}" is not a filter name a template can use (letters, digits and _)`);
    if (typeof reference !== 'string' || reference.trim() === '') throw locatedError(locator, at, FILTERS_EXPECTED);
    const { path: relative, functionName } = parseFileReference(reference);
    if (/[*?[\]{}]/.test(relative))
      throw locatedError(
        locator,
        at,
        `${reference}: name one file (a glob is not supported: each filter is one function)`,
      );
    if (!isJavascriptFile(relative)) {
      throw locatedError(
        locator,
        at,
        `${reference}: a filter is a JavaScript or TypeScript module (.js, .mjs, .cjs, .ts, .mts or .cts) exporting the filter function`,
      );
    }
    const file = await resolveInside(relative, scope, locator, at);
    files.add(file);
    filters.push(functionName === undefined ? { name, file } : { name, file, functionName });
  }
  return filters;
}
