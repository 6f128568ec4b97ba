// Which head prompts need evaluating at all. A prompt whose text is identical at base and head gives the
// same rendered prompts, so the same cache keys and (for a deterministic provider) the same outcomes on
// both sides: running it costs calls and can only add noise to the comparison. Pure.
import type { Prompt } from '../types.js';
import { stableStringify } from '../engine/stable-json.js';

export type PromptStatus = 'changed' | 'new' | 'unchanged';

export interface PromptVerdict {
  /** Position in the head's prompts. */
  headIdx: number;
  label: string;
  status: PromptStatus;
  /** For the comment: why the prompt was or was not evaluated. */
  reason: string;
}

export interface AffectedPrompts {
  /** Head prompt indexes to evaluate on both sides (a new prompt: on the head only), ascending. */
  evaluate: number[];
  prompts: PromptVerdict[];
}

export const PROMPT_REASONS: Record<PromptStatus, string> = {
  changed: 'changed: the text differs between base and head',
  new: 'new: no base version to compare with',
  unchanged: 'unchanged: identical text at base and head',
};

/**
 * `basePrompts[i]` is the earlier version of `headPrompts[i]` (pairPrompts' output), or undefined when the
 * pull request adds it. Only the raw template text decides: a new label or id with the same text is
 * unchanged, and a change of whitespace is a change (models see whitespace).
 */
export function affectedPrompts(
  basePrompts: ReadonlyArray<Prompt | undefined>,
  headPrompts: readonly Prompt[],
): AffectedPrompts {
  if (basePrompts.length !== headPrompts.length) {
    throw new RangeError(
      `base prompts must be aligned to the head prompts: got ${basePrompts.length} for ${headPrompts.length} head prompts`,
    );
  }
  const prompts = headPrompts.map((head, headIdx): PromptVerdict => {
    const base = basePrompts[headIdx];
    const same =
      base !== undefined && base.raw === head.raw && stableStringify(base.config) === stableStringify(head.config);
    const status: PromptStatus = base === undefined ? 'new' : same ? 'unchanged' : 'changed';
    return { headIdx, label: head.label, status, reason: PROMPT_REASONS[status] };
  });
  return {
    evaluate: prompts.filter((p) => p.status !== 'unchanged').map((p) => p.headIdx),
    prompts,
  };
}
