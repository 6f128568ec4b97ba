// The `fail-on` policy, one parser and one decision for the action's input and `promptgate compare --fail-on`:
// when does a finished review fail the check. Pure.
import { shouldFailCheck, type CheckVerdict, type FailOn } from '../gate.js';
import { UsageError } from '../errors.js';

export interface FailOnPolicy {
  failOn: FailOn;
  /** `skipped` was listed: a suite skipped for missing credentials (fork pull requests) fails the check too. */
  failOnSkipped: boolean;
  /** The policy as the user wrote it, normalised to `a,b`: quoted back in the failure message. */
  given: string;
}

const WORDS = ['regression', 'gate', 'never', 'skipped'] as const;

export const FAIL_ON_EXPECTED =
  'expected regression, gate or never (optionally with skipped, e.g. "regression,skipped")';

/** `regression`, `gate`, `never`, each optionally with `skipped`, separated by commas or spaces. */
export function parseFailOn(raw: string, where: string): FailOnPolicy {
  const words = raw.split(/[\s,]+/).filter(Boolean);
  const unknown = words.filter((w) => !(WORDS as readonly string[]).includes(w));
  if (unknown.length > 0) throw new UsageError(`${where}: ${FAIL_ON_EXPECTED}, got "${raw}"`);
  const given = (words.length > 0 ? words : ['regression']).join(',');
  const failOn: FailOn = words.includes('never') ? 'never' : words.includes('gate') ? 'gate' : 'regression';
  return { failOn, failOnSkipped: words.includes('skipped') && failOn !== 'never', given };
}

/** The reason the check fails under the policy, or undefined when it passes. */
export function checkFailure(
  result: { verdict: CheckVerdict; suites: ReadonlyArray<{ skippedReason?: string }> },
  policy: FailOnPolicy,
): string | undefined {
  if (shouldFailCheck(result.verdict, policy.failOn)) return `${result.verdict} (fail-on: ${policy.given})`;
  if (policy.failOnSkipped && result.suites.some((s) => s.skippedReason)) {
    return `a suite was skipped for missing credentials (fail-on: ${policy.given})`;
  }
  return undefined;
}
