// The shape of a promptfoo-compatible config, as zod schemas. Objects are loose where promptfoo's are
// (unknown keys are ignored, as promptfoo ignores them) and strict only for promptgate's own `gate:`,
// where a typo would otherwise silently fall back to a default threshold.
import { z } from 'zod';
import type { EvaluateOptions, GateConfig } from '../types.js';

export const DEFAULT_EVALUATE_OPTIONS: EvaluateOptions = {
  maxConcurrency: 4,
  repeat: 1,
  timeoutMs: 60_000,
  maxRetries: 4,
};
export const DEFAULT_GATE: GateConfig = { ship: 0.9, fix: 0.5, alpha: 0.05, maxErrorRate: 0.1 };

const text = (what: string) => z.string({ error: `expected ${what} (a string)` });
const positiveInt = z.number().int().positive();
const share = z.number().min(0).max(1);

export const ProviderObjectSchema = z.looseObject({
  id: text('a provider id such as openai:chat:gpt-4o-mini'),
  label: text('a label').optional(),
  config: z.record(z.string(), z.unknown()).nullish(),
});

/** A grading provider on an assertion or in a test's options: an id or `{id, config}`. */
export const ProviderRefSchema = z.union([z.string(), ProviderObjectSchema], {
  error: 'expected a provider id (string) or an object with an id',
});

export const AssertionSchema = z.looseObject({
  type: text('an assertion type such as contains, equals or javascript'),
  value: z.unknown().optional(),
  threshold: z.number().optional(),
  weight: z.number().min(0).optional(),
  metric: text('a metric name').optional(),
  provider: ProviderRefSchema.optional(),
  transform: text('a JavaScript expression or file://script.js').optional(),
});

export const TestOptionsSchema = z.looseObject({
  transform: text('a JavaScript expression or file://script.js').optional(),
  provider: ProviderRefSchema.optional(),
});

export const TestSchema = z.looseObject({
  description: text('a description').optional(),
  vars: z
    .union([z.record(z.string(), z.unknown()), z.string()], {
      error: 'expected a map of variables or file://vars.yaml',
    })
    .nullish(),
  assert: z.array(z.unknown(), { error: 'expected a list of assertions' }).nullish(),
  threshold: z.number().optional(),
  options: TestOptionsSchema.nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  critical: z.boolean({ error: 'expected true or false' }).optional(),
});
export type RawTest = z.output<typeof TestSchema>;

export const PromptObjectSchema = z.looseObject({
  id: text('a prompt id or file://path').optional(),
  label: text('a label').optional(),
  raw: text('the prompt template').optional(),
});

export const EvaluateOptionsSchema = z.looseObject({
  maxConcurrency: positiveInt.optional(),
  repeat: positiveInt.optional(),
  timeoutMs: positiveInt.optional(),
  maxRetries: z.number().int().min(0).optional(),
});

export const GateSchema = z.strictObject({
  ship: share.optional(),
  fix: share.optional(),
  alpha: share.optional(),
  maxErrorRate: share.optional(),
});

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
});
export type RawConfig = z.output<typeof ConfigSchema>;
