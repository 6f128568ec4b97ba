// promptfoo semantics: a rendered prompt that is a JSON array of {role, content} is a chat; anything else is one
// user message. Content arrays (images, tool results) are sent as written.
import { parseChatJson, type RawMessage } from '../prompts/render.js';

export type WireMessage = RawMessage;

/** The messages a prompt stands for. */
export function toChatMessages(prompt: string): WireMessage[] {
  return parseChatJson(prompt) ?? [{ role: 'user', content: prompt }];
}

/** Plain text of a message's content (string, or text blocks of a content array). */
export function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((block) =>
        block && typeof block === 'object' && typeof (block as { text?: unknown }).text === 'string'
          ? (block as { text: string }).text
          : '',
      )
      .join('');
  }
  return '';
}
