// Why the model stopped, in promptfoo's normalized words (promptfoo 0.123.1, src/util/finishReason.ts): each
// vendor's reason lowercased and mapped to OpenAI's (Anthropic's end_turn is `stop`, max_tokens is `length`,
// tool_use is `tool_calls`); an unknown reason is kept lowercased. Read by the finish-reason assertion.
const FINISH_REASON_MAP: Readonly<Record<string, string>> = {
  stop: 'stop',
  length: 'length',
  content_filter: 'content_filter',
  tool_calls: 'tool_calls',
  function_call: 'tool_calls',
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_use: 'tool_calls',
  refusal: 'content_filter',
  pause_turn: 'pause_turn',
};

/** `{ finishReason }` to spread into a provider response, or nothing when the vendor gave none. */
export function finishReasonOf(raw: unknown): { finishReason?: string } {
  if (typeof raw !== 'string' || raw.trim() === '') return {};
  const key = raw.trim().toLowerCase();
  return { finishReason: FINISH_REASON_MAP[key] ?? key };
}
