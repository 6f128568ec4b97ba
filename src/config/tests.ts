// Resolves `tests` (inline, `file://` YAML/JSON/CSV files, globs, or a list mixing them) and `defaultTest`
// into TestCases, with promptfoo's semantics: `file://` vars load the file, defaultTest is merged into every
// test, and a var holding a list of strings runs the test once per string (cartesian over such vars).
// Every assertion is checked here so that a typo fails the load, at its line, not the 400th case.
import path from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import { isSupportedAssertionType, SUPPORTED_ASSERTION_TYPES, baseAssertionType } from '../assertions/index.js';
import type { AssertionSpec, ProviderSpec, SourceLocation, TestCase, TestOptions } from '../types.js';
import { testsFromCsv } from './csv.js';
import {
  expandFileRef,
  isFileRef,
  isGlob,
  readText,
  relativePosix,
  resolveInside,
  scriptPath,
  type FileScope,
} from './files.js';
import { normaliseProviderRef } from './providers.js';
import { AssertionSchema, TestSchema, type RawTest } from './schema.js';
import { checkWith, kindOf, locatedError, SourceFile, type KeyPath, type Locator } from './source.js';

export interface TestContext {
  scope: FileScope;
  /** How a file is named in error messages. */
  display: (abs: string) => string;
  /** Every file read or referenced (absolute); appended to. */
  files: Set<string>;
}

/** A raw test and where it was written. */
interface WrittenTest {
  value: unknown;
  locator: Locator;
  at: KeyPath;
}

const EXPECTED_TESTS = 'expected a list of tests, or file://tests.yaml|json|csv';

export async function resolveTests(
  entries: unknown,
  locator: Locator,
  at: KeyPath,
  ctx: TestContext,
): Promise<TestCase[]> {
  if (entries === undefined || entries === null) throw locatedError(locator, at, `is required: ${EXPECTED_TESTS}`);
  const list = typeof entries === 'string' ? [entries] : entries;
  if (!Array.isArray(list)) throw locatedError(locator, at, `${EXPECTED_TESTS}, got ${kindOf(entries)}`);
  const written: WrittenTest[] = [];
  for (const [i, entry] of list.entries()) {
    const entryAt = typeof entries === 'string' ? at : [...at, i];
    if (isFileRef(entry)) written.push(...(await testsFromFiles(entry, locator, entryAt, ctx)));
    else if (typeof entry === 'string')
      throw locatedError(locator, entryAt, `${EXPECTED_TESTS}; a string entry must start with file://`);
    else written.push({ value: entry, locator, at: entryAt });
  }
  if (written.length === 0) throw locatedError(locator, at, `is empty: ${EXPECTED_TESTS}`);
  const tests: TestCase[] = [];
  for (const test of written) tests.push(await normaliseTest(test.value, test.locator, test.at, ctx));
  return tests;
}

async function testsFromFiles(
  reference: string,
  locator: Locator,
  at: KeyPath,
  ctx: TestContext,
): Promise<WrittenTest[]> {
  const written: WrittenTest[] = [];
  for (const abs of await expandFileRef(reference, ctx.scope, locator, at)) {
    ctx.files.add(abs);
    const content = await readText(abs, ctx.scope, locator, at, isGlob(reference) ? reference : undefined);
    const shown = ctx.display(abs);
    const ext = path.extname(abs).toLowerCase();
    if (ext === '.csv') {
      for (const row of testsFromCsv(content, shown)) {
        const rowLocator: Locator = { displayPath: shown, locate: () => ({ file: shown, line: row.line, column: 1 }) };
        const { line: _line, ...value } = row;
        written.push({ value, locator: rowLocator, at: [] });
      }
    } else if (ext === '.yaml' || ext === '.yml' || ext === '.json') {
      const source = SourceFile.parse(content, shown);
      const value = source.toJS();
      const items = Array.isArray(value) ? value : [value];
      if (
        items.length === 0 ||
        items.some((item) => item === null || typeof item !== 'object' || Array.isArray(item))
      ) {
        throw locatedError(source, [], 'expected a list of tests (objects with vars and assert)');
      }
      items.forEach((item, i) => written.push({ value: item, locator: source, at: Array.isArray(value) ? [i] : [] }));
    } else {
      throw locatedError(
        locator,
        at,
        `${relativePosix(ctx.scope.rootDir, abs)}: unsupported test file type; expected .yaml, .yml, .json or .csv`,
      );
    }
  }
  return written;
}

/** A test (or defaultTest) as written → TestCase with files loaded and assertions checked; not yet merged. */
export async function normaliseTest(
  value: unknown,
  locator: Locator,
  at: KeyPath,
  ctx: TestContext,
): Promise<TestCase> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw locatedError(locator, at, 'expected a test: an object with vars and assert');
  }
  const raw: RawTest = checkWith(locator, TestSchema, value, at);
  const test: TestCase = {
    vars: await loadVars(raw.vars, locator, [...at, 'vars'], ctx),
    assert: [],
    options: await normaliseOptions(raw.options ?? {}, locator, [...at, 'options'], ctx),
  };
  for (const [j, item] of (raw.assert ?? []).entries()) {
    test.assert.push(await normaliseAssertion(item, locator, [...at, 'assert', j], ctx));
  }
  if (raw.description !== undefined) test.description = raw.description;
  if (raw.threshold !== undefined) test.threshold = raw.threshold;
  if (raw.critical !== undefined) test.critical = raw.critical;
  if (raw.metadata) test.metadata = raw.metadata;
  return test;
}

async function normaliseOptions(
  raw: Record<string, unknown>,
  locator: Locator,
  at: KeyPath,
  ctx: TestContext,
): Promise<TestOptions> {
  const options: TestOptions = { ...raw };
  if (typeof raw.transform === 'string') await noteScript(raw.transform, locator, [...at, 'transform'], ctx);
  if (raw.provider !== undefined) {
    options.provider = await providerRef(raw.provider as string | ProviderSpec, locator, [...at, 'provider'], ctx);
  }
  return options;
}

async function providerRef(ref: string | ProviderSpec, locator: Locator, at: KeyPath, ctx: TestContext) {
  const normalised = normaliseProviderRef(ref);
  const id = typeof normalised === 'string' ? normalised : normalised.id;
  await noteScript(id, locator, typeof normalised === 'string' ? at : [...at, 'id'], ctx);
  return normalised;
}

async function normaliseAssertion(
  item: unknown,
  locator: Locator,
  at: KeyPath,
  ctx: TestContext,
): Promise<AssertionSpec> {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    throw locatedError(
      locator,
      at,
      'expected an assertion: an object with a type, e.g. { type: contains, value: hello }',
    );
  }
  const raw = checkWith(locator, AssertionSchema, item, at);
  if (!isSupportedAssertionType(raw.type)) {
    throw locatedError(
      locator,
      [...at, 'type'],
      `unknown assertion type "${raw.type}"${didYouMean(raw.type)}; expected one of ${SUPPORTED_ASSERTION_TYPES.join(', ')} (or a not- form)`,
    );
  }
  if (baseAssertionType(raw.type) === 'regex') checkRegex(raw.value, locator, [...at, 'value']);
  const spec: AssertionSpec = { type: raw.type };
  if (raw.value !== undefined) spec.value = raw.value;
  if (raw.threshold !== undefined) spec.threshold = raw.threshold;
  if (raw.weight !== undefined) spec.weight = raw.weight;
  if (raw.metric !== undefined) spec.metric = raw.metric;
  if (raw.transform !== undefined) {
    spec.transform = raw.transform;
    await noteScript(raw.transform, locator, [...at, 'transform'], ctx);
  }
  if (raw.provider !== undefined)
    spec.provider = await providerRef(raw.provider as string | ProviderSpec, locator, [...at, 'provider'], ctx);
  const values = Array.isArray(raw.value) ? raw.value : [raw.value];
  for (const [k, value] of values.entries()) {
    if (typeof value === 'string')
      await noteScript(value, locator, Array.isArray(raw.value) ? [...at, 'value', k] : [...at, 'value'], ctx);
  }
  definePositionLazily(spec, locator, at);
  return spec;
}

/**
 * `spec.location`, computed when first read (an error message, the trust check). Positions need the YAML
 * document, which a plain-JSON suite of 10,000 tests never builds otherwise. Not enumerable: where a test was
 * written is not part of what it checks (cache keys, shard identities, reports).
 */
function definePositionLazily(spec: AssertionSpec, locator: Locator, at: KeyPath): void {
  let known: SourceLocation | undefined | null = null;
  Object.defineProperty(spec, 'location', {
    configurable: true,
    enumerable: false,
    get(): SourceLocation | undefined {
      if (known === null) {
        const where = locator.locate(at);
        known = 'line' in where ? where : undefined;
      }
      return known;
    },
  });
}

/** ` (did you mean "contains"?)` for a type one or two edits away from a supported one. */
function didYouMean(type: string): string {
  const prefix = type.startsWith('not-') ? 'not-' : '';
  const base = baseAssertionType(type);
  const nearest = closest(base, [...SUPPORTED_ASSERTION_TYPES]);
  return distance(base, nearest) <= 2 ? ` (did you mean "${prefix}${nearest}"?)` : '';
}

/** A pattern is compiled when the suite loads: a broken one is a config error, not a failing case. */
function checkRegex(value: unknown, locator: Locator, at: KeyPath): void {
  if (typeof value !== 'string') throw locatedError(locator, at, 'expected a regular expression (a string)');
  if (/\{\{|\{%/.test(value)) return; // rendered per case; checked when it runs
  try {
    new RegExp(value);
  } catch (err) {
    throw locatedError(
      locator,
      at,
      `invalid regular expression: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`,
    );
  }
}

/** A `file://` script or data file named by an assertion, transform or provider: must exist inside the project. */
async function noteScript(reference: string, locator: Locator, at: KeyPath, ctx: TestContext): Promise<void> {
  if (!isFileRef(reference) || /\{\{|\{%/.test(reference)) return;
  ctx.files.add(await resolveInside(scriptPath(reference), ctx.scope, locator, at));
}

async function loadVars(
  raw: RawTest['vars'],
  locator: Locator,
  at: KeyPath,
  ctx: TestContext,
): Promise<Record<string, unknown>> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw === 'string') {
    // promptfoo: `vars: file://vars.yaml` loads the whole map.
    if (!isFileRef(raw)) throw locatedError(locator, at, 'expected a map of variables or file://vars.yaml');
    const loaded = await loadVarFile(raw, locator, at, ctx);
    if (loaded === null || typeof loaded !== 'object' || Array.isArray(loaded)) {
      throw locatedError(locator, at, `${raw} must hold a map of variables`);
    }
    return loaded as Record<string, unknown>;
  }
  const vars: Record<string, unknown> = { ...raw };
  for (const [name, value] of Object.entries(vars)) {
    if (isFileRef(value)) vars[name] = await loadVarFile(value, locator, [...at, name], ctx);
  }
  return vars;
}

const SCRIPT_VAR = /\.(m?js|cjs|ts|py)(:[\w$]+)?$/i;

/** promptfoo's vars files: JSON and YAML parse, anything else is text; a glob gives one value per file. */
async function loadVarFile(reference: string, locator: Locator, at: KeyPath, ctx: TestContext): Promise<unknown> {
  if (SCRIPT_VAR.test(reference)) {
    throw locatedError(
      locator,
      at,
      `${reference}: vars computed by scripts are not supported; expected a text, JSON or YAML file`,
    );
  }
  const files = await expandFileRef(reference, ctx.scope, locator, at);
  const values: unknown[] = [];
  for (const abs of files) {
    ctx.files.add(abs);
    const content = await readText(abs, ctx.scope, locator, at, isGlob(reference) ? reference : undefined);
    const ext = path.extname(abs).toLowerCase();
    if (ext === '.json' || ext === '.yaml' || ext === '.yml') {
      values.push(SourceFile.parse(content, ctx.display(abs)).toJS());
    } else {
      values.push(content);
    }
  }
  return isGlob(reference) ? values : values[0];
}

/** promptfoo's defaultTest merge: vars shallow-merged (the test wins), defaultTest's assertions first. */
export function applyDefaultTest(test: TestCase, defaults: TestCase | undefined): TestCase {
  if (!defaults) return test;
  const merged: TestCase = {
    ...defaults,
    ...test,
    vars: { ...defaults.vars, ...test.vars },
    assert: [...defaults.assert, ...test.assert],
    options: { ...defaults.options, ...test.options },
  };
  if (defaults.metadata || test.metadata) merged.metadata = { ...defaults.metadata, ...test.metadata };
  return merged;
}

/**
 * promptfoo runs a test once per combination of its list-of-strings vars (`lang: [fr, de]`); a list of
 * anything else is passed as one value. The first such var varies slowest, as in promptfoo.
 */
export function expandVarCombinations(test: TestCase): TestCase[] {
  let combinations: Array<Record<string, unknown>> = [{}];
  for (const [name, value] of Object.entries(test.vars)) {
    const values = Array.isArray(value) && value.length > 0 && typeof value[0] === 'string' ? value : [value];
    combinations = combinations.flatMap((combination) => values.map((v) => ({ ...combination, [name]: v })));
  }
  return combinations.length === 1 ? [test] : combinations.map((vars) => ({ ...test, vars }));
}
