// PLACEHOLDER being replaced by the config/render work: signatures are the contract.
import type { ChatMessage, Prompt } from '../types.js';

/** Render a prompt template with the test's vars (nunjucks, autoescape off, promptfoo semantics). */
export function renderPrompt(_prompt: Prompt, _vars: Record<string, unknown>): string {
  throw new Error('renderPrompt: not implemented yet');
}

/** If the rendered prompt is a JSON chat messages array, return it; else null. */
export function parseChatMessages(_rendered: string): ChatMessage[] | null {
  throw new Error('parseChatMessages: not implemented yet');
}
