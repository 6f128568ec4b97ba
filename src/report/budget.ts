// Fitting a report under a size limit: render less and less until it fits, and as a last resort cut on a
// line boundary and close whatever the cut left open (a code fence, <details>), so the markdown stays whole.

export type Measure = (text: string) => number;

/** GitHub counts a comment's characters; UTF-16 units are never fewer than code points, so this is safe. */
export const utf16Length: Measure = (text) => text.length;

/** The job summary's limit is in bytes. */
export const utf8Length: Measure = (text) => {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4; // a surrogate pair: one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
};

interface OpenBlocks {
  fence?: string;
  details: number;
}

/** Which fence and how many <details> are still open at the end of the markdown (ours sit on their own lines). */
export function openBlocks(markdown: string): OpenBlocks {
  let fence: string | undefined;
  let details = 0;
  for (const line of markdown.split('\n')) {
    if (fence) {
      if (line.trimEnd() === fence) fence = undefined;
      continue;
    }
    const opening = /^(`{3,}|~{3,})/.exec(line);
    if (opening) fence = opening[1];
    else if (/^<details[\s>]/.test(line)) details++;
    else if (/^<\/details>/.test(line) && details > 0) details--;
  }
  return fence === undefined ? { details } : { fence, details };
}

function closing(blocks: OpenBlocks): string {
  return (blocks.fence ? `\n${blocks.fence}` : '') + '\n\n</details>'.repeat(blocks.details);
}

/**
 * Cut `markdown` on a line boundary so that it, the closers of whatever it leaves open, and `tail`
 * fit in `max`. A line longer than the budget is cut by code points.
 */
export function trimToBudget(markdown: string, tail: string, max: number, measure: Measure = utf16Length): string {
  if (measure(markdown + tail) <= max) return markdown + tail;
  const lines = markdown.split('\n');
  let low = 0;
  let high = lines.length;
  const attempt = (count: number) => {
    const kept = lines.slice(0, count).join('\n');
    return kept + closing(openBlocks(kept)) + tail;
  };
  // Binary search on the number of whole lines kept (the closers only grow by a bounded amount).
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(attempt(mid)) <= max) low = mid;
    else high = mid - 1;
  }
  const result = attempt(low);
  if (measure(result) <= max) return result;
  // Not even the closers and tail fit: give up structure and cut the tail by code points.
  return [...tail].slice(0, Math.max(0, max)).join('');
}

/**
 * Render at the richest detail level that fits; if none does, trim the leanest on a line boundary.
 * `render(level)` gets 0 (everything) up to `levels - 1` (the least).
 */
export function fitToBudget(
  render: (level: number) => string,
  levels: number,
  max: number,
  tail: (trimmed: boolean) => string,
  measure: Measure = utf16Length,
): string {
  for (let level = 0; level < levels; level++) {
    const body = render(level);
    const full = body + tail(level > 0);
    if (measure(full) <= max) return full;
  }
  return trimToBudget(render(levels - 1), tail(true), max, measure);
}
