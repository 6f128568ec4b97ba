// The shape of a promptfoo-compatible config, as zod schemas. Objects are loose where promptfoo's are
// (unknown keys are ignored, as promptfoo ignores them) and strict only for promptgate's own `gate:`,
// where a typo would otherwise silently fall back to a default threshold.
//
// Two views of one shape: `ConfigSchema` checks the top level when a config loads, leaving `prompts`,
// `providers` and `tests` to their resolvers (which read files and say more than a union's "invalid
// input" could); `ConfigDocumentSchema` spells those out too, from the same entry schemas, for the JSON
// Schema that editors use (src/schema). The `.meta()` titles and descriptions are what an editor shows.
import { z } from 'zod';
import { NOT_FORM_IGNORED, SUPPORTED_ASSERTION_TYPES } from '../assertions/index.js';
import type { GateConfig, SuiteRunSettings } from '../types.js';

export const DEFAULT_EVALUATE_OPTIONS: SuiteRunSettings = {
  maxConcurrency: 4,
  repeat: 1,
  timeoutMs: 60_000,
  maxRetries: 4,
  maxRateLimitWaitMs: 300_000,
};
export const DEFAULT_GATE: GateConfig = { ship: 0.9, fix: 0.5, alpha: 0.05, maxErrorRate: 0.1 };

/** `, got 1.5` / `, got "high"`: the value as written, short. */
function got(input: unknown): string {
  if (input === undefined) return '';
  const shown = JSON.stringify(input) ?? String(input);
  return `, got ${shown.length > 40 ? `${shown.slice(0, 37)}...` : shown}`;
}

/** One message for every way a value can miss `what` (wrong type, too small, too big), with the value. */
const expecting = (what: string) => ({ error: (issue: { input?: unknown }) => `expected ${what}${got(issue.input)}` });

const text = (what: string) => z.string({ error: `expected ${what} (a string)` });
const wholeNumber = (min: number) => {
  const what = `a whole number, ${min} or more`;
  return z.number(expecting(what)).int(expecting(what)).min(min, expecting(what));
};
const share = (what = 'a number from 0 to 1') =>
  z.number(expecting(what)).min(0, expecting(what)).max(1, expecting(what));

const FileRefSchema = z
  .string()
  .regex(/^file:\/\//)
  .meta({ description: 'A file:// path relative to the config (globs allowed), e.g. file://tests/*.yaml' });

export const ProviderObjectSchema = z
  .looseObject({
    id: text('a provider id such as openai:chat:gpt-4o-mini').meta({
      description: 'echo, openai:chat:<model>, anthropic:messages:<model>, ollama:chat:<model>, file://p.mjs, exec:cmd',
    }),
    label: text('a label').optional(),
    config: z
      .record(z.string(), z.unknown(), {
        error: "expected a map of provider options, merged over each provider's config",
      })
      .nullish()
      .meta({ description: 'Provider options (temperature, max_tokens, ...); never put secrets here' }),
    prompts: z
      .array(z.string({ error: 'expected a prompt label or id' }), { error: 'expected a list of prompt labels or ids' })
      .optional()
      .meta({ description: 'Run only the prompts these labels or ids name (a trailing * matches a prefix)' }),
    transform: text('a JavaScript expression or file://script.js')
      .optional()
      .meta({ description: "Applied to this provider's output before the test's transform" }),
  })
  .meta({ id: 'Provider', title: 'Provider' });

/** A grading provider on an assertion or in a test's options: an id or `{id, config}`. */
export const ProviderRefSchema = z.union([z.string(), ProviderObjectSchema], {
  error: 'expected a provider id (string) or an object with an id',
});

export const AssertionSchema = z.looseObject({
  type: text('an assertion type such as contains, equals or javascript'),
  value: z.unknown().optional(),
  threshold: z.number().optional(),
  weight: z.number(expecting('a weight, 0 or more')).min(0, expecting('a weight, 0 or more')).optional(),
  metric: text('a metric name').optional(),
  provider: ProviderRefSchema.optional(),
  transform: text('a JavaScript expression or file://script.js').optional(),
  config: z
    .record(z.string(), z.unknown(), { error: 'expected a map (handed to the script as context.config)' })
    .optional(),
  rubricPrompt: z.unknown().optional(),
  contextTransform: text('a JavaScript expression or file://script.js').optional(),
});
export type RawAssertion = z.output<typeof AssertionSchema>;

/** promptfoo's assert-set: its assertions (each checked as one written outside a set) scored into one result. */
export const AssertionSetSchema = z.looseObject({
  type: z.literal('assert-set'),
  assert: z
    .array(z.unknown(), { error: 'expected a list of assertions' })
    .min(1, { error: 'expected at least one assertion (an assert-set with none checks nothing)' })
    .meta({ description: 'The assertions of the set; another assert-set, select-best or max-score cannot be one' }),
  threshold: share('a number from 0 to 1 (the weighted score of its assertions the set needs)')
    .optional()
    .meta({ description: 'Pass when the weighted score of the assertions reaches this; without it, all must pass' }),
  weight: z
    .number(expecting('a weight, 0 or more'))
    .min(0, expecting('a weight, 0 or more'))
    .optional()
    .meta({ description: "The set's weight among the test's assertions (default 1)" }),
  metric: text('a metric name').optional().meta({ description: "The set's score is reported under this name" }),
});
export type RawAssertionSet = z.output<typeof AssertionSetSchema>;

/** `tests[].providers`, `tests[].prompts`, `providers[].prompts`: labels or ids (a trailing * matches a prefix). */
const NameFilterSchema = (what: string) =>
  z
    .array(text(`a ${what} label or id`), { error: `expected a list of ${what} labels or ids` })
    .meta({ description: `Run only with the ${what}s these labels or ids name (a trailing * matches a prefix)` });

export const TestOptionsSchema = z.looseObject({
  transform: text('a JavaScript expression or file://script.js')
    .optional()
    .meta({ description: 'Applied to the output before the assertions: an expression over `output`, or file://x.js' }),
  transformVars: text('a JavaScript expression or file://script.js')
    .optional()
    .meta({ description: 'Applied to the vars before the prompt renders: an expression over `vars`, or file://x.js' }),
  provider: z
    .union(
      [
        z.string(),
        ProviderObjectSchema,
        // promptfoo's grader per kind: `{ text: ..., embedding: ..., classification: ..., moderation: ... }`.
        z.strictObject({
          text: ProviderRefSchema.optional(),
          embedding: ProviderRefSchema.optional(),
          classification: ProviderRefSchema.optional(),
          moderation: ProviderRefSchema.optional(),
        }),
      ],
      {
        error:
          'expected a provider id (string), an object with an id, or {text, embedding, classification, moderation} graders',
      },
    )
    .optional()
    .meta({
      description:
        'Grading provider for model-graded assertions (or {text, embedding, classification, moderation} per kind)',
    }),
  disableVarExpansion: z
    .boolean({ error: 'expected true or false' })
    .optional()
    .meta({ description: 'A list var is passed as one value instead of running the test once per item' }),
});

export const TestSchema = z.looseObject({
  description: text('a description').optional(),
  vars: z
    .union([z.record(z.string(), z.unknown()), z.string(), z.array(z.string())], {
      error: 'expected a map of variables, or file://vars.yaml (a path, a glob or a list of them)',
    })
    .nullish()
    .meta({ description: 'Template variables; a file:// value loads the file; a list of strings runs once per item' }),
  assert: z.array(z.unknown(), { error: 'expected a list of assertions' }).nullish(),
  threshold: share('a number from 0 to 1 (the weighted assertion score the test needs)')
    .optional()
    .meta({ description: 'Pass when the weighted score of the assertions reaches this (0 to 1)' }),
  options: TestOptionsSchema.nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  critical: z
    .boolean({ error: 'expected true or false' })
    .optional()
    .meta({ description: 'promptgate: a newly failing case of a critical test is always a regression' }),
  providers: NameFilterSchema('provider').nullish(),
  prompts: NameFilterSchema('prompt').nullish(),
  providerOutput: z
    .union([z.string(), z.record(z.string(), z.unknown())], { error: 'expected the output: a string or a map' })
    .optional()
    .meta({ description: 'promptfoo: scored as the output instead of calling a provider' }),
  provider: ProviderRefSchema.optional().meta({
    description: "promptfoo: this test's calls go to this provider instead of each of the suite's",
  }),
  // The reference itself is checked by the loader (src/config/scoring-function.ts).
  assertScoringFunction: z
    .string({ error: 'expected file://path/to/score.js[:function_name] or file://path/to/score.py[:function_name]' })
    .optional()
    .meta({
      description:
        "promptfoo: file://score.js[:fn] or file://score.py[:fn], called with (namedScores, context) to combine the test's assertion results into {pass, score, reason}",
    }),
});
export type RawTest = z.output<typeof TestSchema>;

export const PromptObjectSchema = z
  .looseObject({
    id: text('a prompt id or file://path').optional(),
    label: text('a label').optional(),
    raw: text('the prompt template').optional(),
    config: z
      .record(z.string(), z.unknown(), {
        error: "expected a map of provider options, merged over each provider's config",
      })
      .optional()
      .meta({ description: "merged into each provider's config for this prompt's calls (promptfoo)" }),
  })
  .meta({ title: 'Prompt', description: '{raw, id, label, config}, or {id: file://path, label}' });

export const EvaluateOptionsSchema = z
  .looseObject({
    maxConcurrency: wholeNumber(1).optional().meta({ description: 'Provider calls in flight (default 4)' }),
    repeat: wholeNumber(1).optional().meta({ description: 'Run every case this many times (default 1)' }),
    timeoutMs: wholeNumber(1).optional().meta({ description: 'Per-call timeout in milliseconds (default 60000)' }),
    maxRetries: wholeNumber(0).optional().meta({ description: 'Retries of a transient failure (default 4)' }),
    maxRateLimitWaitMs: wholeNumber(0).optional().meta({
      description:
        'How long one case may wait on a rate-limited provider (429/529) before it is an error; rate-limit waits do not use up maxRetries (default 300000)',
    }),
  })
  .meta({ title: 'Evaluate options' });

export const GateSchema = z
  .strictObject({
    ship: share().optional().meta({ description: 'Head pass rate above this: ship (default 0.9)' }),
    fix: share().optional().meta({ description: 'Head pass rate below this: fix the prompt first (default 0.5)' }),
    alpha: share().optional().meta({ description: 'Significance level of the paired regression test (default 0.05)' }),
    maxErrorRate: share()
      .optional()
      .meta({ description: 'Above this share of errors on either side the verdict is inconclusive (default 0.1)' }),
  })
  .meta({ title: 'Gate', description: "promptgate's merge gate on the head's pass rate" });

/** The top level. `prompts`, `providers` and `tests` are checked entry by entry by their resolvers. */
export const ConfigSchema = z.looseObject({
  description: text('a description').optional(),
  prompts: z.unknown().optional(),
  providers: z.unknown().optional(),
  targets: z.unknown().optional(),
  tests: z.unknown().optional(),
  defaultTest: z.unknown().optional(),
  evaluateOptions: EvaluateOptionsSchema.nullish(),
  gate: GateSchema.nullish(),
  env: z
    .record(z.string(), z.unknown(), { error: 'expected a map of variable names to values' })
    .nullish()
    .meta({ description: 'Values `{{ env.NAME }}` renders (only these: never the environment of the run)' }),
});
export type RawConfig = z.output<typeof ConfigSchema>;

// ---- The documented view, for the JSON Schema: every entry form the resolvers accept. ----

const AssertionTypeSchema = z
  .enum([
    ...SUPPORTED_ASSERTION_TYPES,
    ...SUPPORTED_ASSERTION_TYPES.filter((type) => !(type in NOT_FORM_IGNORED)).map((type) => `not-${type}`),
  ])
  .meta({ description: 'The check; a not- prefix inverts it' });

const DocumentedAssertionSchema = AssertionSchema.extend({ type: AssertionTypeSchema }).meta({
  id: 'Assertion',
  title: 'Assertion',
});

const DocumentedAssertionSetSchema = AssertionSetSchema.extend({
  assert: z.array(DocumentedAssertionSchema).min(1),
}).meta({
  id: 'AssertionSet',
  title: 'Assertion set',
  description: "promptfoo's assert-set: assertions scored as one",
});

const DocumentedTestSchema = TestSchema.extend({
  assert: z.array(z.union([DocumentedAssertionSchema, DocumentedAssertionSetSchema])).nullish(),
}).meta({ id: 'Test', title: 'Test' });

const ProvidersSchema = z
  .union([
    z.string(),
    z.array(
      z.union([
        z.string(),
        ProviderObjectSchema,
        // promptfoo's map form: `- openai:chat:gpt-4o-mini: { config: {...} }`.
        z.record(z.string(), ProviderObjectSchema.partial().nullable()),
      ]),
    ),
  ])
  .meta({ id: 'Providers', description: 'Provider ids such as openai:chat:gpt-4o-mini, or {id, label, config}' });

export const ConfigDocumentSchema = ConfigSchema.extend({
  prompts: z
    .union([z.string(), z.array(z.union([z.string(), PromptObjectSchema])).min(1), z.record(z.string(), z.string())])
    .meta({
      description: 'Templates: inline text, file://paths or globs (text, markdown, JSON chat), or {id, label, raw}',
    }),
  providers: ProvidersSchema.optional(),
  targets: ProvidersSchema.optional().meta({ description: "promptfoo's newer name for providers" }),
  tests: z
    .union([FileRefSchema, z.array(z.union([FileRefSchema, DocumentedTestSchema])).min(1)])
    .meta({ description: 'Tests inline, or file://tests.yaml|json|csv (globs allowed)' }),
  defaultTest: z
    .union([FileRefSchema, DocumentedTestSchema])
    .optional()
    .meta({ description: 'Merged into every test: vars (the test wins), assertions (these first), options' }),
}).meta({
  title: 'promptgate config',
  description:
    "A promptfoo-compatible eval suite with promptgate's gate. Keys promptgate does not use are allowed (promptfoo's).",
});
