// What the report is rendered from: everything already decided, nothing left to compute but words.
import type { Comparison } from '../compare/compare.js';
import type { CheckVerdict, FailPolicy, GateDecision, GateThresholds } from '../gate.js';
import type { SuiteChanges } from '../review/suite-changes.js';
import type { PrSuiteSummary } from './suite-changes.js';

export interface SuiteReport {
  name: string;
  comparison: Comparison;
  verdict: CheckVerdict;
  gate: GateThresholds;
  /** What the gate says on the head's pass rate (absent when the head has no outcome to judge). */
  gateDecision?: GateDecision;
  /** Prompts of the suite that were not evaluated, and why (e.g. unchanged, or no base version). */
  skippedPrompts?: Array<{ id: string; reason: string }>;
  /** What the pull request changed in the suite itself; the verdict used the base's suite. */
  suiteChanges?: SuiteChanges;
  /** The PR's suite on the head, when it was run. */
  prSuite?: PrSuiteSummary;
}

export interface ReportInput {
  /** The hidden HTML comment that identifies the sticky comment, e.g. `<!-- promptgate:report -->`. */
  marker: string;
  suites: SuiteReport[];
  overallVerdict: CheckVerdict;
  /** The `fail-on` policy the check ran under, and whether it fails the check for this review. */
  failPolicy: FailPolicy;
  blocks: boolean;
  /** Prompt files changed in the pull request that no suite uses. */
  untestedPromptChanges: string[];
  promptDiffs: Array<{ file: string; /** unified diff */ diff: string }>;
  baseSha: string;
  headSha: string;
  runUrl?: string;
  /** Where the failing cases were exported (fine-tune verdict). */
  datasetPath?: string;
  calls: { made: number; cached: number };
  /** How the facts were gathered, when the reader should know (e.g. GitHub's 3,000-file cap was reached). */
  notes?: string[];
}
