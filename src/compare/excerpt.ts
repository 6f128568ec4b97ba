// Plain-text helpers for carrying model output around without carrying megabytes of it.

/** Truncate to at most `max` code points (never splitting a surrogate pair), ending with an ellipsis when cut. */
export function truncateCodePoints(text: string, max: number): string {
  if (text.length <= max) return text; // fewer UTF-16 units than max → fewer code points too
  let count = 0;
  let end = 0;
  for (const ch of text) {
    if (count === max - 1) {
      // One slot left: keep the last code point only if it finishes the text.
      return end + ch.length === text.length ? text : text.slice(0, end) + '…';
    }
    count++;
    end += ch.length;
  }
  return text;
}

/** Any output as text: strings as they are, anything else as JSON. Cut early so huge outputs never travel. */
export function outputText(output: unknown, max: number): string {
  if (output === null || output === undefined) return '';
  if (typeof output === 'string') return truncateCodePoints(output.slice(0, max * 2 + 2), max);
  let text: string;
  try {
    text = JSON.stringify(output) ?? String(output);
  } catch {
    text = String(output);
  }
  return truncateCodePoints(text.slice(0, max * 2 + 2), max);
}
