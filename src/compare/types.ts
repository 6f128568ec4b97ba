// The data a comparison returns: rates, tests, case lists and findings — facts only; report/ words them.
import type { GateDecision, GateThresholds } from '../gate.js';
import type { FreshEvidence, FreshStop } from './sequential.js';
import type { Interval, PairedTestMethod } from './stats.js';

export interface CompareOptions {
  /** Significance level of the one-sided regression test. */
  alpha: number;
  /** Above this share of errored calls on either side the comparison is inconclusive. */
  maxErrorRate: number;
  /** testIdx of the tests marked critical: a newly failing case is a regression when its own exact test says so. */
  criticalTests?: ReadonlySet<number>;
  /** The gate's thresholds: errors that could move the head's rate across one make the comparison inconclusive. */
  gate?: GateThresholds;
  /** Longest output excerpt kept per case, in code points (the report cuts shorter). */
  excerptChars?: number;
  /**
   * Fresh evidence (adaptive repeats, sequential.ts): when given, the tests use only samples drawn in this run —
   * the first samples screen, the fresh ones decide — and rates and lists stay on the first samples.
   */
  fresh?: FreshEvidence;
  /** With repeats: how many cached results were drawn again before these results were compared. */
  redrawn?: number;
}

export interface SideRate {
  passed: number;
  failed: number;
  errors: number;
  /** passed / (passed + failed); 0 when there is no outcome. */
  rate: number;
  /** Wilson 95% interval of the rate. */
  interval: Interval;
}

export interface RateComparison {
  base: SideRate;
  head: SideRate;
  /** head.rate − base.rate. */
  delta: number;
  /** One-sided p-value for "head worse than base" (not adjusted). */
  pValue: number;
  /** On α's scale after the α split and the gatekeeping/Holm correction: flagged ⇔ adjustedP < α. */
  adjustedP: number;
  method: PairedTestMethod;
  /** Cases with at least one outcome on both sides (the pairs the test used). */
  cases: number;
}

export interface GroupComparison extends RateComparison {
  promptIdx: number;
  promptId: string;
  provider: string;
  /** Rejected by the Holm-corrected family of tests. */
  regression: boolean;
}

export interface SideOutcome {
  passed: number;
  outcomes: number;
  errors: number;
  /** Output of a representative repeat (one that agrees with the side's majority), cut to excerptChars. */
  excerpt: string;
  /** Distinct reasons of failed assertions (and errors) over this side's repeats. */
  reasons: string[];
}

export interface CaseChange {
  testIdx: number;
  promptIdx: number;
  promptId: string;
  provider: string;
  description?: string;
  vars: Record<string, unknown>;
  critical: boolean;
  base: SideOutcome;
  head: SideOutcome;
}

export type CriticalStatus =
  /** Newly failing and its exact test rejects: a regression. */
  | 'regression'
  /** Newly failing, but these repeats cannot reach significance whatever they show: needs fresh repeats. */
  | 'undecided'
  /** Newly failing, the test could have rejected and did not. */
  | 'not-significant'
  /** Outcomes on the base, every head call errored. */
  | 'no-head-outcome';

export interface CriticalCheck {
  change: CaseChange;
  status: CriticalStatus;
  /** Raw one-sided exact p over the case's repeats (absent without head outcomes). */
  pValue?: number;
  adjustedP?: number;
  /** Repeats per side that could decide it (status undecided). */
  repeatsNeeded?: number;
}

export interface UsagePerCall {
  /** Calls that returned (errors excluded). */
  calls: number;
  tokens: number;
  cost: number;
  /** Mean over calls that reached the provider (cache hits excluded); null when all were cached. */
  latencyMs: number | null;
  /** Standard error of that mean (0 with one live call); null when all were cached. */
  latencyStdErrMs: number | null;
}

export interface Comparison {
  alpha: number;
  maxErrorRate: number;
  overall: RateComparison;
  groups: GroupComparison[];
  newlyFailing: CaseChange[];
  newlyPassing: CaseChange[];
  stillFailing: CaseChange[];
  flaky: CaseChange[];
  /** Cases with outcomes on the base whose every head call errored: missing evidence, not passes. */
  newlyErroring: CaseChange[];
  /** Every critical case that is newly failing or has no head outcome, with what its test says. */
  critical: CriticalCheck[];
  /** Levels of the two families (paired tests, critical cases); they sum to alpha. */
  levels: { paired: number; critical: number };
  /** With repeats: how many cached results were drawn again (a cached sample never enters the test). */
  redrawn?: number;
  /** When the tests ran on fresh evidence: its cases, calls, where the design stopped, and stage 2's cases. */
  fresh?: { cases: number; redrawn: number; stage2Cases: number; calls: number; stopped: FreshStop };
  /** Set when no drop could be significant with this few paired cases. */
  tooSmall?: { cases: number; casesNeeded: number; everyCaseWorse: boolean };
  /** Cases whose head majority fails (paired or not): what a fine-tuning dataset would hold. */
  headFailingCases: number;
  regression: boolean;
  /** Which rules found a regression, with their evidence (report/findings.ts words them). */
  regressionFindings: RegressionFinding[];
  inconclusive: boolean;
  /** Why the evidence cannot decide (empty when it can), most important first. */
  inconclusiveFindings: InconclusiveFinding[];
  /** Share of calls that errored on each side. */
  errorRate: { base: number; head: number };
  usage: {
    base: UsagePerCall;
    head: UsagePerCall;
    /** Head latency differs beyond twice its standard error. */ latencyChanged: boolean;
  };
}

/** A rule that found a regression, and the evidence it rests on. */
export type RegressionFinding =
  /** The overall paired test (or the fresh evidence's group-sequential one) rejected at `level`. */
  | { rule: 'overall'; pValue: number; level: number; split: boolean; fresh?: { cases: number; stages: 1 | 2 } }
  /** A prompt × provider group, after the overall test and Holm over `groups` groups. */
  | { rule: 'group'; promptId: string; provider: string; pValue: number; adjustedP: number; groups: number }
  /** A critical case newly failing whose own exact test rejected. */
  | { rule: 'critical'; change: CaseChange; pValue: number; adjustedP: number };

/** Why the evidence cannot decide. */
export type InconclusiveFinding =
  /** Nothing to compare: no case ran, none produced an outcome, or none on both sides. */
  | { rule: 'no-outcome'; what: 'no-case-ran' | 'no-outcome' | 'no-paired-outcome' }
  | { rule: 'critical-undecided'; change: CaseChange; repeatsNeeded: number }
  | { rule: 'critical-no-head-outcome'; change: CaseChange }
  /** A side's share of errored calls is above the allowed one. */
  | { rule: 'error-share'; side: 'base' | 'head'; errors: number; calls: number; maxErrorRate: number }
  /** Were the missing head outcomes fails (and the base's passes), the head would be significantly worse. */
  | { rule: 'errors-could-hide'; errors: number; newlyErroring: number; pValue: number }
  /** The fresh evidence's strata can never reach significance. */
  | { rule: 'too-little-fresh'; cases: number; smallestP: number }
  /** Too few paired cases for the paired test to reach significance, and some got worse. */
  | {
      rule: 'too-small';
      cases: number;
      casesNeeded: number;
      everyCaseWorse: boolean;
      baseRate: number;
      headRate: number;
    }
  /** The head's errors, were they fails, would move its pass rate across a gate threshold. */
  | { rule: 'errors-move-gate'; errors: number; worstRate: number; now: GateDecision; then: GateDecision };
