// promptfoo's test generators: `tests: file://gen.py:fn`, `file://gen.js[:fn]` (or .ts), and `- path: … config: {…}`
// (promptfoo 0.123.1's readStandaloneTestsFile): a JavaScript module's function (or default export) is called
// with the entry's config — an export that is not a function, such as a list, is the tests themselves — and a
// Python function (default `generate_tests`) with the config when one is given; it returns the list of tests. The script is code of the suite, run while the suite loads: like every
// script, on untrusted events it is the base revision's (only the base's suite is loaded there). The files a
// script reads for itself are not known to promptgate, so only the script counts as read.
import path from 'node:path';
import { runPython } from '../assertions/python.js';
import { loadScriptExport } from '../assertions/script.js';
import { parseFileReference, resolveInside } from './files.js';
import { fileLocator, locatedError, type KeyPath, type Locator } from './source.js';
import type { TestContext } from './tests.js';
import type { WrittenTest } from './test-files.js';

export const GENERATOR_EXTENSIONS = /\.([cm]?[jt]s|py)$/i;

export async function testsFromScript(
  reference: string,
  config: Record<string, unknown> | undefined,
  locator: Locator,
  at: KeyPath,
  ctx: TestContext,
): Promise<WrittenTest[]> {
  const { path: relative, functionName } = parseFileReference(reference);
  const ext = path.extname(relative).toLowerCase();
  const abs = await resolveInside(relative, ctx.scope, locator, at);
  ctx.files.add(abs);
  let result: unknown;
  try {
    if (ext === '.py') {
      result = await runPython(abs, functionName ?? 'generate_tests', config === undefined ? [] : [config]);
    } else {
      // promptfoo's readJavascriptTestCases: a function is called with the config; any other export is the tests.
      const exported = await loadScriptExport(abs, functionName);
      result = typeof exported === 'function' ? await (exported as (c: unknown) => unknown)(config) : exported;
    }
  } catch (err) {
    throw locatedError(
      locator,
      at,
      `${reference}: the test generator failed: ${(err as Error).message ?? String(err)}`,
    );
  }
  if (!Array.isArray(result) || result.some((t) => t === null || typeof t !== 'object' || Array.isArray(t))) {
    throw locatedError(
      locator,
      at,
      `${reference}: a test generator must return a list of tests (objects with vars and assert), got ${Array.isArray(result) ? 'a list with other items' : result === null ? 'null' : typeof result}`,
    );
  }
  // Generated tests have no positions; their errors name the generator and the test's index.
  const shown = `${ctx.display(abs)}${functionName ? `:${functionName}` : ''} (generated)`;
  return result.map((value, i) => ({ value, locator: fileLocator(shown), at: [i] }));
}
