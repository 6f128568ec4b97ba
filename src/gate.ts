// The gate: what the head's pass rate says to do next, and whether the check should fail.

/** What the head's pass rate alone says. */
export type GateDecision = 'ship' | 'fix-prompt' | 'fine-tune';

/** A suite's verdict: the gate, unless the evidence says the head regressed or the run cannot be trusted. */
export type Verdict = 'regression' | 'inconclusive' | GateDecision;

/** A verdict, or 'skipped' when no prompt the suite uses changed. */
export type CheckVerdict = Verdict | 'skipped';

export type FailOn = 'regression' | 'gate' | 'never';

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
  /** Too many calls errored to trust either pass rate. */
  inconclusive: boolean;
  /** The paired test (or a critical test) says the head is worse than the base. */
  regression: boolean;
  headPassRate: number;
}

/** Untrustworthy beats worse, and worse beats the gate. */
export function decideVerdict(evidence: Evidence, thresholds: GateThresholds): Verdict {
  if (evidence.inconclusive) return 'inconclusive';
  if (evidence.regression) return 'regression';
  return gate(evidence.headPassRate, thresholds);
}

/** Whether the check run should fail for this verdict under the `fail-on` policy. */
export function shouldFailCheck(verdict: CheckVerdict, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  if (verdict === 'regression') return true;
  if (verdict === 'fix-prompt') return failOn === 'gate';
  return false;
}

/** Worst first: a regression anywhere is the pull request's verdict, then a failed gate, then doubt. */
const SEVERITY: readonly CheckVerdict[] = ['regression', 'fix-prompt', 'inconclusive', 'fine-tune', 'ship', 'skipped'];

/** The verdict of several suites: the most severe one (no suites → skipped). */
export function combineVerdicts(verdicts: readonly CheckVerdict[]): CheckVerdict {
  return SEVERITY.find((v) => verdicts.includes(v)) ?? 'skipped';
}
