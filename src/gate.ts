// The gate: what the head's pass rate says to do next, and whether the check should fail.

/** What the head's pass rate alone says. */
export type GateDecision = 'ship' | 'fix-prompt' | 'fine-tune';

/** A suite's verdict: the gate, unless the evidence says the head regressed or the run cannot decide. */
export type Verdict = 'regression' | 'inconclusive' | GateDecision;

/** A verdict, or 'skipped' when no prompt the suite uses changed. */
export type CheckVerdict = Verdict | 'skipped';

export type FailOn = 'regression' | 'gate' | 'never';

/** The `fail-on` input as data: the report states from it whether the check blocks. */
export interface FailPolicy {
  failOn: FailOn;
  /** `inconclusive` listed: a run that cannot decide blocks too. */
  inconclusive: boolean;
  /** `skipped` listed: a suite skipped for missing credentials blocks. */
  skipped: boolean;
}

/** The policy as the input would spell it, e.g. `regression,inconclusive`. */
export function failOnWords(policy: FailPolicy): string {
  return [policy.failOn, ...(policy.inconclusive ? ['inconclusive'] : []), ...(policy.skipped ? ['skipped'] : [])].join(
    ',',
  );
}

export const DEFAULT_FAIL_POLICY: FailPolicy = { failOn: 'regression', inconclusive: false, skipped: false };

export interface GateThresholds {
  /** Pass rate strictly above this → ship. */
  ship: number;
  /** Pass rate strictly below this → fix the prompt first. */
  fix: number;
}

/** > ship → ship; < fix → fix the prompt first; in between → the prompt is close, consider fine-tuning. */
export function gate(passRate: number, { ship, fix }: GateThresholds): GateDecision {
  if (passRate > ship) return 'ship';
  if (passRate < fix) return 'fix-prompt';
  return 'fine-tune';
}

export interface Evidence {
  /** The missing or too scarce evidence could change the verdict (errors, an undecided critical test, a tiny suite). */
  inconclusive: boolean;
  /** The paired test (or a critical test) says, at level α, that the head is worse than the base. */
  regression: boolean;
  headPassRate: number;
}

/** Worse beats doubt (evidence strong enough despite errors is still a regression), and doubt beats the gate. */
export function decideVerdict(evidence: Evidence, thresholds: GateThresholds): Verdict {
  if (evidence.regression) return 'regression';
  if (evidence.inconclusive) return 'inconclusive';
  return gate(evidence.headPassRate, thresholds);
}

/** Whether the check run should fail for this verdict under the `fail-on` policy. */
export function shouldFailCheck(verdict: CheckVerdict, policy: FailPolicy): boolean {
  if (policy.failOn === 'never') return false;
  if (verdict === 'regression') return true;
  if (verdict === 'inconclusive') return policy.inconclusive;
  if (verdict === 'fix-prompt') return policy.failOn === 'gate';
  return false;
}

/** Worst first: a regression anywhere is the pull request's verdict, then a failed gate, then doubt. */
const SEVERITY: readonly CheckVerdict[] = ['regression', 'fix-prompt', 'inconclusive', 'fine-tune', 'ship', 'skipped'];

/** The verdict of several suites: the most severe one (no suites → skipped). */
export function combineVerdicts(verdicts: readonly CheckVerdict[]): CheckVerdict {
  return SEVERITY.find((v) => verdicts.includes(v)) ?? 'skipped';
}
