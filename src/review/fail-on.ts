// The `fail-on` policy, one parser and one decision for the action's input and `promptgate compare --fail-on`:
// when does a finished review fail the check. Pure.
import { shouldFailCheck, type CheckVerdict, type FailOn, type FailPolicy } from '../gate.js';
import { UsageError } from '../errors.js';

export interface FailOnPolicy extends FailPolicy {
  /** The policy as the user wrote it, normalised to `a,b`: quoted back in the failure message. */
  given: string;
}

const WORDS = ['regression', 'gate', 'never', 'inconclusive', 'skipped'] as const;

export const FAIL_ON_EXPECTED =
  'expected regression, gate or never, optionally with inconclusive and skipped (e.g. "regression,inconclusive,skipped")';

/** `regression`, `gate`, `never`, each optionally with `inconclusive` and `skipped`, separated by commas or spaces. */
export function parseFailOn(raw: string, where: string): FailOnPolicy {
  const words = raw.split(/[\s,]+/).filter(Boolean);
  const unknown = words.filter((w) => !(WORDS as readonly string[]).includes(w));
  if (unknown.length > 0) throw new UsageError(`${where}: ${FAIL_ON_EXPECTED}, got "${raw}"`);
  const given = (words.length > 0 ? words : ['regression']).join(',');
  const failOn: FailOn = words.includes('never') ? 'never' : words.includes('gate') ? 'gate' : 'regression';
  const also = (word: string) => words.includes(word) && failOn !== 'never';
  return { failOn, inconclusive: also('inconclusive'), skipped: also('skipped'), given };
}

/** The reason the check fails under the policy, or undefined when it passes. */
export function checkFailure(
  result: { verdict: CheckVerdict; suites: ReadonlyArray<{ skippedReason?: string }> },
  policy: FailPolicy & { given?: string },
): string | undefined {
  const given = policy.given ?? policy.failOn;
  if (shouldFailCheck(result.verdict, policy)) return `${result.verdict} (fail-on: ${given})`;
  if (policy.skipped && result.suites.some((s) => s.skippedReason)) {
    return `a suite was skipped for missing credentials (fail-on: ${given})`;
  }
  return undefined;
}

/** Whether the check fails: what the comment's headline says about merging. */
export function reviewBlocks(
  result: { verdict: CheckVerdict; suites: ReadonlyArray<{ skippedReason?: string }> },
  policy: FailPolicy,
): boolean {
  return checkFailure(result, policy) !== undefined;
}
