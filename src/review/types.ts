// The plain data of a review: what the pipeline is given (ReviewInput) and what it returns (ReviewResult, a
// SuiteReview per config). A leaf module: the pipeline, its stages and the edges all import it, it imports none
// of them.
import type { Comparison } from '../compare/compare.js';
import type { BudgetedPlan } from '../engine/budget.js';
import type { CallCounts, EvaluateOptions } from '../evaluate.js';
import type { CheckVerdict, GateDecision } from '../gate.js';
import type { FileChange } from '../git/changes.js';
import type { EvalResults, Suite } from '../types.js';
import type { SuiteChanges } from './suite-changes.js';

/** Writes the base revision's files (repository-relative paths or folders) into a directory. */
export type MaterializeBase = (paths: string[], destDir: string) => Promise<void>;

export interface ReviewInput {
  /** Repository root; the head's files are read from here (the workspace, or the head materialized). */
  repoDir: string;
  /** Suite configs, repository-relative. */
  configPaths: string[];
  /** Extra prompt globs: changed matches that no suite reads are reported as untested. */
  promptGlobs: string[];
  /** Files changed between base and head (repository-relative). */
  changes: FileChange[];
  /** The change list may be missing files (an API cap): every file of a suite then counts as changed. */
  changesIncomplete?: boolean;
  materializeBase: MaterializeBase;
  /** Writes the head revision's files as text (untrusted events read the head's prompts so, never the workspace). */
  materializeHead: MaterializeBase;
  /** A directory that already holds the base revision (the workspace, when it is checked out at the base). */
  baseTree?: string;
  /** Evaluate suites (and prompts) that no change touches too (e.g. `comment: always`). */
  evaluateUnaffected?: boolean;
  /**
   * `untrusted` (pull_request_target, workflow_run): everything that executes or decides comes from the base
   * revision's suite; the head gives only the text of the prompts that suite names. Default `trusted`: the
   * PR's suite is loaded too, and evaluated on the head beside the verdict when it differs from the base's.
   */
  trust?: 'trusted' | 'untrusted';
  /** Fork pull requests get no secrets: `skip` marks a suite without credentials skipped instead of failing. */
  missingCredentials?: 'fail' | 'skip';
  evaluate: EvaluateOptions;
}

export interface SuiteReview {
  /** Repository-relative config path. */
  configPath: string;
  name: string;
  /** The changed files this suite reads (config, prompts, tests, vars, scripts). */
  affectedBy: string[];
  /** Every file the suite reads, repository-relative (its config, prompts, tests, vars, scripts; both sides). */
  readFiles: string[];
  verdict: CheckVerdict;
  gate?: GateDecision;
  suite?: Suite;
  base?: EvalResults;
  head?: EvalResults;
  comparison?: Comparison;
  /** Head prompts the pull request adds: evaluated, with nothing to compare against. */
  newPrompts: string[];
  /** Prompts not run at all, and why (e.g. unchanged). */
  skippedPrompts: Array<{ id: string; reason: string }>;
  /** Why the base side could not be evaluated, when it could not. */
  baseProblem?: string;
  /** Why the suite was not evaluated at all, when it was skipped for a reason the reader must see. */
  skippedReason?: string;
  /** The pass rate the gate judged: the yardstick's head outcomes, with the new tests of the PR's suite. */
  gatePassRate?: number;
  /** What the pull request changed in the suite itself (tests, assertions, gate, providers, scripts). */
  suiteChanges?: SuiteChanges;
  /** The PR's own suite on the head, when it differs from the base's: shown beside the verdict. */
  prSuite?: PrSuiteOutcome;
  calls: CallCounts;
}

export interface PrSuiteOutcome {
  results: EvalResults;
  passed: number;
  failed: number;
  errors: number;
  /** passed / (passed + failed). */
  rate: number;
  /** Tests only the PR's suite has. */
  newTests: number;
  newTestOutcomes: { passed: number; failed: number; errors: number };
}

export interface ReviewResult {
  suites: SuiteReview[];
  /** Changed prompt files no suite reads. */
  untestedPromptChanges: string[];
  /** The overall verdict; 'skipped' when no suite was affected. */
  verdict: CheckVerdict;
  basePassRate: number | null;
  headPassRate: number | null;
  regressions: number;
  calls: CallCounts;
  /** The spend plan made before the first call; with `sample`, the run evaluated only a sample of the cases. */
  spend?: BudgetedPlan;
}
