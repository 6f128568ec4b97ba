// promptfoo's extension hooks (`extensions: [file://hooks.js:fn]`), with promptfoo 0.123.1's semantics
// (evaluatorHelpers.runExtensionHook): a function named after a hook (beforeAll, beforeEach, afterEach,
// afterAll) runs for that hook only and is called with (context, { hookName }); any other function runs for
// every hook and is called with (hookName, context). A hook that throws stops the run, naming the hook.
//
// What a hook may change: beforeEach's returned `test` may change the case's vars (promptfoo runs the case
// with the returned test). The suite itself is fixed when it loads — both sides of a review, every shard and
// the spend plan run the same cases — so a beforeAll that returns other tests or prompts is an error saying
// so, as is a beforeEach that changes more than vars. Hooks run once per run of the suite: a review runs
// the suite once per side, so beforeAll and afterAll run once for the base's prompts and once for the head's.
// Hooks are code of the suite: on untrusted events they come from the base revision's suite, like every script.
import { runPython } from '../assertions/python.js';
import { loadScriptFunction } from '../assertions/script.js';
import { stableStringify } from './stable-json.js';
import type { CaseResult, ExtensionHook, ExtensionHookName, Prompt, Suite, TestCase } from '../types.js';

export const EXTENSION_HOOK_NAMES: readonly ExtensionHookName[] = ['beforeAll', 'beforeEach', 'afterEach', 'afterAll'];

export class ExtensionHookError extends Error {}

/** Calls every extension that runs for `hookName`, in order; returns what each returned. */
async function runHook(
  hooks: readonly ExtensionHook[],
  hookName: ExtensionHookName,
  context: object,
): Promise<unknown[]> {
  const returned: unknown[] = [];
  for (const hook of hooks) {
    const own = (EXTENSION_HOOK_NAMES as readonly string[]).includes(hook.functionName);
    if (own && hook.functionName !== hookName) continue;
    // Python receives JSON: what a JavaScript hook sees, less functions and cycles.
    const args = own ? [context, { hookName }] : [hookName, context];
    try {
      returned.push(
        hook.language === 'python'
          ? await runPython(hook.file, hook.functionName, JSON.parse(JSON.stringify(args)) as unknown[])
          : await (
              await hookFunction(hook)
            )(...args),
      );
    } catch (err) {
      throw new ExtensionHookError(
        `extension hook "${hookName}" failed for ${hook.reference}: ${(err as Error).message ?? String(err)}`,
      );
    }
  }
  return returned;
}

/**
 * promptfoo loads hooks as transforms (util/transform.ts): the named export, else the module itself when it
 * is a function (`module.exports = hook`), else its default export.
 */
async function hookFunction(hook: ExtensionHook): Promise<(...args: unknown[]) => unknown> {
  try {
    return await loadScriptFunction(hook.file, hook.functionName);
  } catch (named) {
    try {
      return await loadScriptFunction(hook.file);
    } catch {
      throw named;
    }
  }
}

/** The suite as hooks see it (promptfoo's `context.suite`): plain JSON data, a copy each time. */
function suiteContext(suite: Suite, prompts: readonly Prompt[]): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify({
      description: suite.description,
      prompts: prompts.map(({ id, label, raw }) => ({ id, label, raw })),
      providers: suite.providers.map(({ id, label }) => ({ id, label })),
      tests: suite.tests,
      // promptfoo's evaluator gives hooks a defaultTest with an assert list even when the config has none
      // (a hook may push to context.suite.defaultTest.assert).
      defaultTest: { ...suite.defaultTest, assert: suite.defaultTest?.assert ?? [] },
    }),
  ) as Record<string, unknown>;
}

/** promptfoo's EvaluateResult fields a hook reads, from a case's result. */
function resultContext(result: CaseResult): Record<string, unknown> {
  return {
    ...result,
    success: result.pass,
    response: { output: result.output },
    provider: { id: result.provider },
    ...(result.error !== undefined ? { error: result.error } : {}),
  };
}

function unchanged(a: unknown, b: unknown): boolean {
  return stableStringify(a) === stableStringify(b);
}

/** The hooks of one run of a suite. */
export class ExtensionRun {
  constructor(
    private readonly hooks: readonly ExtensionHook[],
    private readonly suite: Suite,
    private readonly prompts: readonly Prompt[],
  ) {}

  async beforeAll(): Promise<void> {
    const original = suiteContext(this.suite, this.prompts);
    // A JavaScript hook may also change the suite in place (promptfoo keeps such changes): checked too.
    const given = { suite: suiteContext(this.suite, this.prompts) };
    const returned = await runHook(this.hooks, 'beforeAll', given);
    const suites = [
      given.suite,
      ...returned.map((out) => (out as { suite?: Record<string, unknown> } | undefined)?.suite),
    ];
    for (const suite of suites) {
      if (!suite) continue;
      for (const key of ['tests', 'prompts', 'defaultTest'] as const) {
        if (key in suite && !unchanged(suite[key], original[key])) {
          throw new ExtensionHookError(
            `extension hook "beforeAll" changed the suite's ${key}: promptgate fixes a suite's ${key} when it loads (both sides of a review, every shard and the spend plan count the same cases, and this hook runs per side, after the plan), so a hook may not change them; ${key === 'tests' ? 'generate tests with a test generator (tests: file://gen.py:fn or - path: file://gen.js, run when the suite loads) instead' : key === 'defaultTest' ? "write the assertion in the config's defaultTest.assert instead (promptfoo merges defaultTest into every test, the hook's ones too)" : "list the prompts in the config's prompts instead (a prompt function, file://prompts.js:fn, can build them)"}`,
          );
        }
      }
    }
  }

  /** The test the case runs with: the suite's, or with the vars a beforeEach hook set. */
  async beforeEach(test: TestCase): Promise<TestCase> {
    const given = { test: JSON.parse(JSON.stringify(test)) as Record<string, unknown> };
    const returned = await runHook(this.hooks, 'beforeEach', given);
    // promptfoo runs the case with the last returned test, else with the one the hooks were given.
    const last = returned
      .map((out) => (out as { test?: Record<string, unknown> } | undefined)?.test)
      .filter(Boolean)
      .pop();
    const { vars, ...rest } = last ?? given.test;
    const { vars: _vars, ...fixed } = test;
    if (!unchanged(rest, fixed)) {
      throw new ExtensionHookError(
        'extension hook "beforeEach" changed more of the test than its vars; promptgate applies only vars from beforeEach (assertions and options are fixed when the suite loads)',
      );
    }
    if (vars === null || typeof vars !== 'object' || Array.isArray(vars)) {
      throw new ExtensionHookError('extension hook "beforeEach" returned a test whose vars are not a map');
    }
    return unchanged(vars, test.vars) ? test : { ...test, vars: vars as Record<string, unknown> };
  }

  async afterEach(test: TestCase, result: CaseResult): Promise<void> {
    await runHook(this.hooks, 'afterEach', {
      test: JSON.parse(JSON.stringify(test)) as unknown,
      result: resultContext(result),
    });
  }

  async afterAll(results: readonly CaseResult[]): Promise<void> {
    await runHook(this.hooks, 'afterAll', {
      suite: suiteContext(this.suite, this.prompts),
      prompts: this.prompts.map(({ id, label, raw }) => ({ id, label, raw })),
      results: results.map(resultContext),
    });
  }
}
