// promptfoo's `assertScoringFunction` on a test or defaultTest: `file://score.js[:fn]` (.js, .mjs, .cjs, .ts, .mts, .cts) or
// `file://score.py[:fn]`, resolved against the config's directory (promptfoo's basePath, also for a test read
// from a tests file), inside the project, and recorded as a file the suite reads. The engine calls it in place
// of the weighted mean (src/assertions/scoring-function.ts). On untrusted events only the base revision's
// config is loaded, so it is the base's code.
import path from 'node:path';
import { isJavascriptFile } from '../modules/import.js';
import type { ScoringFunctionRef } from '../types.js';
import { isFileRef, parseFileReference, resolveInside } from './files.js';
import { formatKeyPath, kindOf, locatedError, type KeyPath, type Locator } from './source.js';
import type { TestContext } from './tests.js';

const EXPECTED =
  'expected file://path/to/score.js[:function_name] (.js, .mjs, .cjs, .ts, .mts, .cts) or file://path/to/score.py[:function_name]';

export async function resolveScoringFunction(
  value: unknown,
  locator: Locator,
  at: KeyPath,
  ctx: TestContext,
): Promise<ScoringFunctionRef> {
  if (!isFileRef(value)) {
    const got = typeof value === 'string' ? `"${value}"` : kindOf(value);
    throw locatedError(locator, at, `${EXPECTED}, got ${got} (promptfoo accepts only a file:// reference here)`);
  }
  const { path: relative, functionName } = parseFileReference(value);
  const ext = path.extname(relative).toLowerCase();
  if (!isJavascriptFile(relative) && ext !== '.py') throw locatedError(locator, at, `${value}: ${EXPECTED}`);
  const file = await resolveInside(relative, ctx.scope, locator, at);
  ctx.files.add(file);
  const ref: ScoringFunctionRef = {
    reference: value,
    file,
    language: ext === '.py' ? 'python' : 'javascript',
    location: locator.locate(at),
    at: formatKeyPath(at),
  };
  if (functionName !== undefined) ref.functionName = functionName;
  return ref;
}
