// The failing cases as a fine-tuning dataset: when the gate says "consider fine-tuning", the cases the prompt
// cannot fix are exactly the examples a tuned model must learn. One JSON object per line. Pure.
import { parseChatMessages } from '../prompts/render.js';
import type { CaseResult, ChatMessage } from '../types.js';

export interface DatasetRecord {
  /** The conversation the model was given (a chat prompt's messages, else one user message). */
  messages: ChatMessage[];
  /** What the model answered, which failed; a labeller writes the right answer beside it. */
  rejected: string;
  vars: Record<string, unknown>;
  failedAssertions: Array<{ type: string; reason: string }>;
  meta: { promptId: string; provider: string; testIdx: number; repeat: number; description?: string };
}

export function datasetRecord(r: CaseResult): DatasetRecord {
  const prompt = r.prompt ?? '';
  return {
    messages: parseChatMessages(prompt) ?? [{ role: 'user', content: prompt }],
    rejected: typeof r.output === 'string' ? r.output : JSON.stringify(r.output ?? null),
    vars: r.vars,
    failedAssertions: r.assertions.filter((a) => !a.pass).map((a) => ({ type: a.type, reason: a.reason })),
    meta: {
      promptId: r.promptId,
      provider: r.provider,
      testIdx: r.testIdx,
      repeat: r.repeat,
      ...(r.description ? { description: r.description } : {}),
    },
  };
}

/** Failed (not errored) cases as JSONL; errors are not examples of anything. */
export function failingCasesJsonl(results: readonly CaseResult[]): { jsonl: string; count: number } {
  const failing = results.filter((r) => !r.pass && r.error === undefined);
  return { jsonl: failing.map((r) => JSON.stringify(datasetRecord(r)) + '\n').join(''), count: failing.length };
}

/**
 * The fine-tuning dataset of a review: the failing head cases of every suite whose gate says consider
 * fine-tuning. Undefined when there is none.
 */
export function fineTuneDataset(result: {
  suites: ReadonlyArray<{ verdict: string; head?: { results: readonly CaseResult[] } }>;
}): { jsonl: string; count: number } | undefined {
  const failing = result.suites.filter((s) => s.verdict === 'fine-tune' && s.head).flatMap((s) => s.head!.results);
  const dataset = failingCasesJsonl(failing);
  return dataset.count > 0 ? dataset : undefined;
}
