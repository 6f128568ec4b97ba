// What a review publishes, built from its result: the report's input and the JSON report document. Pure.
import { DEFAULT_FAIL_POLICY, shouldFailCheck, type FailPolicy } from '../gate.js';
import { sampleNote } from '../report/spend-plan.js';
import type { ReviewResult } from './types.js';
import { markerFor } from '../github/marker.js';
import type { ReportInput } from '../report/input.js';
import { VERSION } from '../version.js';

/**
 * One sticky comment per set of configs: two promptgate steps with different suites keep separate comments.
 * Only characters a hidden marker can hold (see markerFor); configs are joined with `+`.
 */
export function commentKey(configPaths: readonly string[]): string {
  return configPaths.map((p) => p.replace(/[^A-Za-z0-9._/@-]/g, '_')).join('+') || 'default';
}

export function buildReportInput(args: {
  result: ReviewResult;
  key: string;
  diffs: ReportInput['promptDiffs'];
  baseSha: string;
  headSha: string;
  runUrl?: string;
  datasetPath?: string;
  notes?: string[];
  /** The `fail-on` policy (the CLI has none: the action's default). */
  failPolicy?: FailPolicy;
}): ReportInput {
  const { result } = args;
  const failPolicy = args.failPolicy ?? DEFAULT_FAIL_POLICY;
  return {
    failPolicy,
    blocks: reviewBlocks(result, failPolicy),
    marker: markerFor(args.key),
    suites: result.suites.flatMap((s) =>
      s.comparison && s.suite
        ? [
            {
              name: s.name,
              comparison: s.comparison,
              verdict: s.verdict,
              gate: { ship: s.suite.gate.ship, fix: s.suite.gate.fix },
              ...(s.gate ? { gateDecision: s.gate } : {}),
              skippedPrompts: [
                ...s.skippedPrompts,
                ...s.newPrompts.map((id) => ({ id, reason: 'new in this pull request: evaluated on the head only' })),
                ...(s.baseProblem ? [{ id: s.configPath, reason: s.baseProblem }] : []),
              ],
              suiteChanges: s.suiteChanges,
              prSuite: s.prSuite && {
                passed: s.prSuite.passed,
                failed: s.prSuite.failed,
                errors: s.prSuite.errors,
                rate: s.prSuite.rate,
                newTests: s.prSuite.newTests,
              },
            },
          ]
        : [],
    ),
    overallVerdict: result.verdict,
    untestedPromptChanges: result.untestedPromptChanges,
    promptDiffs: args.diffs,
    baseSha: args.baseSha,
    headSha: args.headSha,
    runUrl: args.runUrl,
    datasetPath: args.datasetPath,
    calls: result.calls,
    notes: [
      ...(args.notes ?? []),
      ...sampleNote(result.spend),
      ...result.suites.flatMap((s) => (s.skippedReason ? [`${s.name}: ${s.skippedReason}`] : [])),
    ],
  };
}

/** Whether the check fails: the verdict under `fail-on`, or a suite skipped for credentials under `skipped`. */
export function reviewBlocks(result: ReviewResult, policy: FailPolicy): boolean {
  return shouldFailCheck(result.verdict, policy) || (policy.skipped && result.suites.some((s) => s.skippedReason));
}

/** The JSON report (an output of the action, `-o` of compare): everything decided, with per-case results. */
export function reportDocument(result: ReviewResult, target: { base: string; head: string }) {
  return {
    version: 1,
    promptgate: VERSION,
    base: target.base,
    head: target.head,
    verdict: result.verdict,
    basePassRate: result.basePassRate,
    headPassRate: result.headPassRate,
    regressions: result.regressions,
    calls: result.calls,
    untestedPromptChanges: result.untestedPromptChanges,
    suites: result.suites.map((s) => ({
      config: s.configPath,
      name: s.name,
      verdict: s.verdict,
      gate: s.gate ?? null,
      affectedBy: s.affectedBy,
      newPrompts: s.newPrompts,
      skippedPrompts: s.skippedPrompts,
      baseProblem: s.baseProblem ?? null,
      skippedReason: s.skippedReason ?? null,
      comparison: s.comparison ?? null,
      base: s.base ?? null,
      head: s.head ?? null,
    })),
  };
}
