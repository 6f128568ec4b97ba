// A config's `extensions:` (promptfoo's hooks): a list of `file://hooks.js:fn` / `file://hooks.py:fn`, each
// resolved inside the project and recorded as a file the suite reads. The engine calls them
// (src/engine/extensions.ts).
import path from 'node:path';
import type { ExtensionHook } from '../types.js';
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
    if (!['.js', '.mjs', '.cjs', '.py'].includes(ext)) {
      throw locatedError(
        locator,
        at,
        ext === '.ts'
          ? `${reference}: TypeScript hooks are not supported (promptgate does not compile TypeScript); write it in JavaScript (.js/.mjs/.cjs) or Python`
          : `${reference}: ${EXPECTED}`,
      );
    }
    const file = await resolveInside(relative, scope, locator, at);
    files.add(file);
    hooks.push({ reference, file, functionName, language: ext === '.py' ? 'python' : 'javascript' });
  }
  return hooks;
}
