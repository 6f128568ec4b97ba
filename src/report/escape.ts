// Model output is hostile text: it must never @mention anyone, inject HTML, break a table row,
// open a code fence that swallows the rest of the comment, close our <details>, or run long.
import { truncateCodePoints } from '../compare/excerpt.js';

export { truncateCodePoints };

const ZERO_WIDTH_JOINER = '\u200d';
const ZERO_WIDTH_SPACE = '\u200b';

/** `@name` and `@org/team` → `@\u200dname`: still readable, no longer a mention (nor a notification). */
export function breakMentions(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9_-])/g, `@${ZERO_WIDTH_JOINER}`);
}

/** For prose and table cells: no HTML, no mention, no table break, no link or code span, one line. */
export function escapeInline(text: string, maxCodePoints = 300): string {
  const folded = truncateCodePoints(text, maxCodePoints).replace(/\r\n?|\n/g, ' ↵ ');
  return breakMentions(
    folded
      .replace(/\\/g, '\\\\')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/\|/g, '\\|')
      .replace(/`/g, '\\`')
      .replace(/\[/g, '\\[')
      .replace(/\]/g, '\\]'),
  );
}

/**
 * For the inside of a code fence, where entities would show literally: break mentions, and put a
 * zero-width space after `<` before a tag name, so even a broken fence could not open or close a tag.
 */
export function neutralizeCode(text: string): string {
  return breakMentions(text).replace(/<(?=[A-Za-z/!?])/g, `<${ZERO_WIDTH_SPACE}`);
}

/** A fence longer than any backtick run inside, so the content cannot close it early. */
export function fenceFor(content: string): string {
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longestRun + 1));
}

/** A fenced code block of (untrusted) text, cut to maxCodePoints. */
export function codeBlock(text: string, language = 'text', maxCodePoints = 400): string {
  const body = neutralizeCode(truncateCodePoints(text, maxCodePoints)).replace(/\r\n?/g, '\n');
  const fence = fenceFor(body);
  return `${fence}${language}\n${body}${body.endsWith('\n') ? '' : '\n'}${fence}`;
}
