// Assertion registry. PLACEHOLDER being replaced by the assertions work: signatures are the contract.
import type { AssertionResult, Provider, TestCase, Logger } from '../types.js';

export const SUPPORTED_ASSERTION_TYPES = [
  'equals',
  'contains',
  'icontains',
  'contains-any',
  'contains-all',
  'icontains-any',
  'icontains-all',
  'starts-with',
  'regex',
  'is-json',
  'contains-json',
  'javascript',
  'levenshtein',
  'latency',
  'cost',
  'word-count',
  'llm-rubric',
] as const;

/** True for a supported type or its `not-` form. */
export function isSupportedAssertionType(type: string): boolean {
  const base = type.startsWith('not-') ? type.slice(4) : type;
  return (SUPPORTED_ASSERTION_TYPES as readonly string[]).includes(base);
}

export interface ScoreContext {
  /** The provider's output after the test's transform. */
  output: unknown;
  /** The rendered prompt. */
  prompt: string;
  vars: Record<string, unknown>;
  test: TestCase;
  providerId: string;
  latencyMs: number;
  cost?: number;
  cached: boolean;
  /** Directory `file://` references resolve against. */
  rootDir: string;
  /** Resolves a grading provider for model-graded assertions (default: the suite's first provider). */
  gradingProvider: (spec?: TestCase['options']['provider']) => Promise<Provider>;
  logger: Logger;
}

export interface TestScore {
  pass: boolean;
  score: number;
  reason: string;
  assertions: AssertionResult[];
  /** Set when an assertion could not run (grader call failed, script threw): the case is an error. */
  error?: string;
}

export async function scoreTest(_ctx: ScoreContext): Promise<TestScore> {
  throw new Error('scoreTest: not implemented yet');
}
