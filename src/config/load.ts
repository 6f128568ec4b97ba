// Loads a promptfoo-compatible config into a validated, normalised Suite. Every complaint is a ConfigError
// that says where (file:line:col, key path) and what was expected. The stages: parse the YAML keeping
// positions, check the top level, then resolve prompts, providers, defaultTest and tests (reading their
// files), merge defaultTest into each test, and apply promptgate's defaults and the caller's overrides.
import { existsSync } from 'node:fs';
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, UsageError } from '../errors.js';
import { envReferences } from '../prompts/render.js';
import { readsVariable } from '../prompts/variables.js';
import { displayPath } from '../paths.js';
import type { Suite, TestCase } from '../types.js';
import { firstInvalidUtf8, isFileRef, readText, resolveInside, type FileScope } from './files.js';
import { resolveExtensions, resolveTemplateFilters } from './extensions.js';
import { dereferenceLocal } from './refs.js';
import { resolveScenarios } from './scenarios.js';
import { resolveTracing } from './tracing.js';
import { checkKeys } from './keys.js';
import { isAllowed } from './filters.js';
import { resolvePrompts } from './prompts.js';
import { resolveProviderSpecs } from './providers.js';
import { ConfigSchema, DEFAULT_EVALUATE_OPTIONS, DEFAULT_GATE, type RawConfig } from './schema.js';
import { locatedError, SourceFile } from './source.js';
import {
  applyDefaultTest,
  checkKindGraders,
  expandVarCombinations,
  normaliseTest,
  resolveTests,
  testsWhenNoneWritten,
  type TestContext,
} from './tests.js';

export { resolvePrompts, type ResolvedPrompts, type ResolvePromptsOptions } from './prompts.js';

export interface LoadSuiteOptions {
  /** Command-line values win over the config's evaluateOptions. */
  overrides?: { repeat?: number; maxConcurrency?: number };
  /** No referenced file may resolve outside it. Default: the config's directory. */
  projectRoot?: string;
}

const DEFAULT_CONFIG_NAMES = ['promptgate.yaml', 'promptgate.yml', 'promptfooconfig.yaml', 'promptfooconfig.yml'];

/** The config `eval` uses when none is named: promptgate's own name first, then promptfoo's. */
export function findDefaultConfig(dir: string): string | undefined {
  for (const name of DEFAULT_CONFIG_NAMES) {
    const candidate = path.resolve(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The default config of `dir`, or the one "no config found" error, ending with how to name one instead. */
export function requireDefaultConfig(dir: string, shownDir: string, orElse: string): string {
  const found = findDefaultConfig(dir);
  if (!found) {
    throw new UsageError(`no config found in ${shownDir}: add promptgate.yaml (or promptfooconfig.yaml), or ${orElse}`);
  }
  return found;
}

export { displayPath } from '../paths.js';

interface RawConfigFile {
  /** Absolute path. */
  configPath: string;
  source: SourceFile;
  /** The top level, shape-checked; `prompts`, `providers`, `tests` are still as written. */
  config: RawConfig;
}

/** Reads and parses a config, checking only its top level (`prompts`, `providers`, `tests` still as written). */
async function readRawConfig(configPath: string): Promise<RawConfigFile> {
  const abs = path.resolve(configPath);
  const shown = displayPath(abs);
  let bytes: Buffer;
  try {
    // A config that is a symlink could make a reviewed path stand for any file: refused like other symlinks.
    if ((await lstat(abs)).isSymbolicLink()) {
      throw new ConfigError({ file: shown }, 'the config is a symlink; commit the config file itself');
    }
    bytes = await readFile(abs);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(
      { file: shown },
      `cannot read the config: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const byte = bad ? `byte 0x${bad.byte.toString(16).toUpperCase()} ` : '';
    throw new ConfigError(
      { file: shown, line: bad?.line, column: bad?.column },
      `${byte}is not valid UTF-8; save the config as UTF-8 text`,
    );
  }
  const source = SourceFile.parse(text, shown);
  const value = dereferenceLocal(source.toJS(), source);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(source.locate([]), 'expected a map with prompts, providers and tests');
  }
  return { configPath: abs, source, config: source.check(ConfigSchema, value, []) };
}

export async function loadSuite(configPath: string, options: LoadSuiteOptions = {}): Promise<Suite> {
  const { configPath: abs, source, config } = await readRawConfig(configPath);
  const rootDir = path.dirname(abs);
  const scope: FileScope = { rootDir, projectRoot: path.resolve(options.projectRoot ?? rootDir) };
  const files = new Set<string>([abs]);
  const warnings = checkKeys(config, 'config', source, []);
  if (config.evaluateOptions)
    warnings.push(...checkKeys(config.evaluateOptions, 'evaluateOptions', source, ['evaluateOptions']));
  const tracing = resolveTracing((config as Record<string, unknown>).tracing, source, warnings);
  const ctx: TestContext = { scope, display: displayPath, files, warnings };
  // First, so that a redteam config is told what it is before its missing prompts are complained about.
  const noTests = config.tests === undefined || config.tests === null;
  const scenarios = config.scenarios === undefined || config.scenarios === null ? undefined : config.scenarios;
  const untested = noTests && !scenarios ? testsWhenNoneWritten(config, source, ctx) : undefined;

  const {
    prompts,
    files: promptFiles,
    globs: promptGlobs,
  } = await resolvePrompts(config.prompts, rootDir, source.displayPath, {
    locator: source,
    projectRoot: scope.projectRoot,
  });
  for (const file of promptFiles) files.add(file);

  const providersKey = config.providers === undefined && config.targets !== undefined ? 'targets' : 'providers';
  const providers = await resolveProviderSpecs(config[providersKey], source, [providersKey], scope, files);

  const defaultTest = await loadDefaultTest(config.defaultTest, source, ctx);
  ctx.defaultAsserts = defaultTest?.assert.length ?? 0;
  const written = untested ?? (noTests ? [] : await resolveTests(config.tests, source, ['tests'], ctx));
  // promptfoo's scenarios add their combined tests after the written ones.
  if (scenarios) written.push(...(await resolveScenarios(scenarios, source, ctx)));
  const tests = written.flatMap((test) => expandVarCombinations(applyDefaultTest(test, defaultTest)));
  checkKindGraders(tests);

  const gate = { ...DEFAULT_GATE, ...stripUndefined(config.gate ?? {}) };
  if (gate.fix > gate.ship) {
    throw locatedError(
      source,
      config.gate?.fix !== undefined ? ['gate', 'fix'] : ['gate', 'ship'],
      `gate.fix (${gate.fix}) must not exceed gate.ship (${gate.ship}): below fix means "fix first", above ship means "ship"`,
    );
  }
  const evaluateOptions = {
    ...DEFAULT_EVALUATE_OPTIONS,
    ...stripUndefined(config.evaluateOptions ?? {}),
    ...stripUndefined(options.overrides ?? {}),
  };

  const extensions =
    config.extensions === undefined || config.extensions === null
      ? undefined
      : await resolveExtensions(config.extensions, source, scope, files);
  const nunjucksFilters =
    config.nunjucksFilters === undefined || config.nunjucksFilters === null
      ? undefined
      : await resolveTemplateFilters(config.nunjucksFilters, source, scope, files);

  const suite: Suite = {
    configPath: abs,
    rootDir,
    prompts,
    writtenPrompts: { entries: config.prompts, locator: source, globs: promptGlobs },
    providers,
    tests,
    evaluateOptions: {
      maxConcurrency: evaluateOptions.maxConcurrency,
      repeat: evaluateOptions.repeat,
      timeoutMs: evaluateOptions.timeoutMs,
      maxRetries: evaluateOptions.maxRetries,
      maxRateLimitWaitMs: evaluateOptions.maxRateLimitWaitMs,
    },
    gate,
    referencedFiles: [...files].sort(),
  };
  if (config.description !== undefined) suite.description = config.description;
  if (defaultTest) suite.defaultTest = defaultTest;
  if (warnings.length > 0) suite.warnings = warnings;
  if (config.env)
    suite.env = Object.fromEntries(
      Object.entries(config.env).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    );
  checkEnvReferences(prompts, suite.env ?? {}, source);
  checkConversationVar(prompts, tests, config.prompts, source);
  if (extensions) suite.extensions = extensions;
  if (nunjucksFilters && nunjucksFilters.length > 0) suite.nunjucksFilters = nunjucksFilters;
  if (tracing) suite.tracing = tracing;
  return suite;
}

/** `defaultTest` is a test (without its own identity) or, as promptfoo allows, `file://defaults.yaml`. */
async function loadDefaultTest(value: unknown, source: SourceFile, ctx: TestContext): Promise<TestCase | undefined> {
  if (value === undefined || value === null) return undefined;
  if (!isFileRef(value)) return normaliseTest(value, source, ['defaultTest'], ctx, 'defaultTest');
  const abs = await resolveInside(value.slice('file://'.length), ctx.scope, source, ['defaultTest']);
  ctx.files.add(abs);
  const file = SourceFile.parse(await readText(abs, ctx.scope, source, ['defaultTest']), displayPath(abs));
  return normaliseTest(file.toJS(), file, [], ctx, 'defaultTest');
}

/**
 * A prompt that reads `_conversation` gets, in promptfoo 0.123.1, the earlier cases of its prompt and provider
 * as they finish (a history that depends on the order cases run in); promptgate runs each case on its own, so
 * such a prompt is refused unless every test that runs it sets `disableConversationVar` (promptfoo then leaves
 * the var undefined, as promptgate does).
 */
function checkConversationVar(
  prompts: Suite['prompts'],
  tests: TestCase[],
  written: unknown,
  source: SourceFile,
): void {
  for (const prompt of prompts) {
    if (prompt.function || !readsVariable(prompt.raw, '_conversation')) continue;
    const i = tests.findIndex((t) => t.options.disableConversationVar !== true && isAllowed(prompt, t.prompts));
    if (i < 0) continue;
    const entries = Array.isArray(written) ? (written as unknown[]) : [];
    const at = entries.findIndex((e) => {
      if (typeof e === 'string') return e === prompt.raw || e === prompt.id;
      const entry = (typeof e === 'object' && e !== null ? e : {}) as { raw?: unknown; id?: unknown; label?: unknown };
      return entry.raw === prompt.raw || entry.id === prompt.id || entry.label === prompt.label;
    });
    const test = tests[i].description !== undefined ? `the test "${tests[i].description}"` : `test #${i + 1}`;
    throw locatedError(
      source,
      at >= 0 ? ['prompts', at] : ['prompts'],
      `the prompt reads _conversation, promptfoo's history of the earlier cases of this prompt and provider (filled as they finish); promptgate runs each case on its own and has no such history: give the test the turns it needs as a var of its own, or set options.disableConversationVar: true on the test or in defaultTest (promptfoo then leaves _conversation undefined) — ${test} does not`,
    );
  }
}

/**
 * `{{ env.NAME }}` renders only the config's `env:` block, so a prompt naming a variable that is not declared
 * there would silently render empty: a located error instead, saying why the environment is not read.
 */
function checkEnvReferences(prompts: Suite['prompts'], env: Record<string, string>, source: SourceFile): void {
  for (const prompt of prompts) {
    if (prompt.function) continue; // its raw text is the script, not a template
    for (const name of envReferences(prompt.raw)) {
      if (name in env) continue;
      throw locatedError(
        source,
        Object.keys(env).length > 0 ? ['env'] : ['prompts'],
        `prompt "${prompt.label}" renders {{ env.${name} }}, which the config's env: block does not declare; declare it there (promptgate never renders the process environment: it holds the run's secrets)`,
      );
    }
  }
}

function stripUndefined<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as Partial<T>;
}
