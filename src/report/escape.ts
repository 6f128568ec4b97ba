// Model output is hostile text: it must never @mention anyone, cross-reference an issue, hide characters
// from the reviewer, inject HTML, break a table row, open a code fence that swallows the rest of the comment,
// close our <details>, or run long.
import { truncateCodePoints } from '../compare/excerpt.js';

export { truncateCodePoints };

/**
 * Characters a reviewer cannot see but that change what text means or how it reads: bidirectional controls
 * (Trojan Source: U+202A–202E, U+2066–2069, U+200E/200F, U+061C) and zero-width or invisible format characters
 * (U+200B–200D, U+2060–2064, U+FEFF, U+180E, U+00AD).
 */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Every invisible character shown as its code point, e.g. `⟨U+202E⟩`, so the reviewer sees what the model saw. */
export function revealInvisible(text: string): string {
  return text.replace(INVISIBLE, (ch) => `⟨U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/**
 * `@name`, `@org/team`, `#123`, `owner/repo#123` and `GH-123` in a code span: GitHub renders them as text —
 * no mention, no notification, no cross-reference written into someone's issue. (Run after escaping: the
 * tokens hold no character the escaping changes, and every backtick of the text itself is already escaped.)
 */
export function quoteReferences(escaped: string): string {
  return escaped
    .replace(/(^|[^\w`])(@[A-Za-z0-9][A-Za-z0-9_-]*(?:\/[A-Za-z0-9][A-Za-z0-9_.-]*)?)/g, '$1`$2`')
    .replace(/(^|[^\w`/.-])((?:[A-Za-z0-9][A-Za-z0-9_.-]*\/[A-Za-z0-9][A-Za-z0-9_.-]*)?#\d+)(?![\w`])/g, '$1`$2`')
    .replace(/(^|[^\w`])(GH-\d+)(?![\w`])/g, '$1`$2`');
}

/** For prose and table cells: no HTML, no mention or cross-reference, no table break, no link, one line. */
export function escapeInline(text: string, maxCodePoints = 300): string {
  const folded = revealInvisible(truncateCodePoints(text, maxCodePoints)).replace(/\r\n?|\n/g, ' ↵ ');
  return quoteReferences(
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
 * For the inside of a code fence (fenceFor makes it unbreakable; GitHub links no mention or reference in
 * code): only the invisible characters are made visible.
 */
export function neutralizeCode(text: string): string {
  return revealInvisible(text);
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
