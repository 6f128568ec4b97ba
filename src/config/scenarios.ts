// promptfoo's `scenarios:` (promptfoo 0.123.1, evaluator.ts): each scenario crosses its `config` entries
// (partial tests) with its `tests`; a combined test takes the config entry's fields with the test's winning,
// vars merged (the test's win), assertions the entry's then the test's, metadata merged, and the test's own
// options only (promptfoo drops an entry's options: warned here). The combined tests follow the config's
// `tests`, and defaultTest is merged into them like into any test.
import type { TestCase } from '../types.js';
import { locatedError, type Locator } from './source.js';
import { normaliseTest, resolveTests, type TestContext } from './tests.js';

const SCENARIO_KEYS = ['description', 'config', 'tests'];

export async function resolveScenarios(value: unknown, locator: Locator, ctx: TestContext): Promise<TestCase[]> {
  if (!Array.isArray(value)) throw locatedError(locator, ['scenarios'], 'expected a list of scenarios {config, tests}');
  const combined: TestCase[] = [];
  for (const [i, scenario] of value.entries()) {
    const at = ['scenarios', i];
    if (scenario === null || typeof scenario !== 'object' || Array.isArray(scenario)) {
      throw locatedError(locator, at, 'expected a scenario: an object with config (a list of partial tests) and tests');
    }
    for (const key of Object.keys(scenario)) {
      if (!SCENARIO_KEYS.includes(key)) {
        throw locatedError(
          locator,
          [...at, key],
          `unknown key in a scenario; expected one of ${SCENARIO_KEYS.join(', ')}`,
        );
      }
    }
    const { config, tests } = scenario as { config?: unknown; tests?: unknown };
    if (!Array.isArray(config) || config.length === 0) {
      throw locatedError(
        locator,
        [...at, 'config'],
        'expected a list of partial tests (vars, assert, …) to cross with the tests',
      );
    }
    const entries: TestCase[] = [];
    for (const [j, item] of config.entries()) {
      const entry = await normaliseTest(item, locator, [...at, 'config', j], ctx, 'defaultTest');
      if (Object.keys(entry.options).length > 0) {
        ctx.warnings.push(
          locatedError(
            locator,
            [...at, 'config', j, 'options'],
            "not used: promptfoo drops a scenario config's options (each combined test has its own test's options only); put them on the tests or in defaultTest.options",
          ).message,
        );
      }
      entries.push(entry);
    }
    // promptfoo runs a scenario without tests once per config entry, with no vars of its own.
    const own =
      tests === undefined || tests === null
        ? [{ vars: {}, assert: [], options: {} } satisfies TestCase]
        : await resolveTests(tests, locator, [...at, 'tests'], {
            ...ctx,
            // The config entries' assertions count as defaults: a test relying on them is not warned about.
            defaultAsserts: (ctx.defaultAsserts ?? 0) + Math.min(...entries.map((e) => e.assert.length)),
          });
    for (const entry of entries) for (const test of own) combined.push(combine(entry, test));
  }
  return combined;
}

function combine(entry: TestCase, test: TestCase): TestCase {
  const merged: TestCase = {
    ...entry,
    ...test,
    vars: { ...entry.vars, ...test.vars },
    assert: [...entry.assert, ...test.assert],
    options: test.options,
  };
  if (entry.metadata || test.metadata) merged.metadata = { ...entry.metadata, ...test.metadata };
  return merged;
}
