// promptfoo semantics: a rendered prompt that is a JSON array of {role, content} is a chat; anything else is one
// user message. Local on purpose: src/prompts/render.ts's parseChatMessages was a placeholder when this was written,
// and providers must also accept content arrays (images, tool results) that ChatMessage's `string` does not model.

export interface WireMessage {
  role: string;
  content: unknown;
  [key: string]: unknown;
}

function isWireMessage(value: unknown): value is WireMessage {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const m = value as Record<string, unknown>;
  return (
    typeof m.role === 'string' && (typeof m.content === 'string' || Array.isArray(m.content) || m.content === null)
  );
}

/** The messages a prompt stands for. */
export function toChatMessages(prompt: string): WireMessage[] {
  const trimmed = prompt.trim();
  if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed) && parsed.length > 0 && parsed.every(isWireMessage)) return parsed;
    } catch {
      // Not JSON after all: a prompt that merely starts with '['.
    }
  }
  return [{ role: 'user', content: prompt }];
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
