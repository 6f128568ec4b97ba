// The sticky comment's hidden marker: pure, so reports can carry it without loading the GitHub client.
import { UsageError } from '../errors.js';

/** The hidden HTML marker for a key, e.g. `<!-- promptgate:suite-a -->`. */
export function markerFor(key: string): string {
  if (!/^[A-Za-z0-9._:/@+-]+$/.test(key)) {
    throw new UsageError(
      `comment key ${JSON.stringify(key)} cannot go in a hidden marker: use letters, digits and . _ : / @ + - (no spaces), e.g. "default" or "suite-a".`,
    );
  }
  return `<!-- promptgate:${key} -->`;
}

/** body with the marker on its last line, unless it already carries it. */
export function withMarker(body: string, marker: string): string {
  return body.includes(marker) ? body : `${body.replace(/\n+$/, '')}\n\n${marker}\n`;
}

/** A hidden record of the head commit a comment describes, so a later run knows what it said and when. */
export function headRecord(sha: string): string {
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) return '';
  return `<!-- promptgate-head:${sha} -->`;
}

/** The head a comment of ours recorded, if it did. */
export function recordedHead(body: string): string | undefined {
  return /<!-- promptgate-head:([0-9a-f]{7,64}) -->/i.exec(body)?.[1];
}

/** Inserts `line` before the hidden marker at the end of a rendered comment (or appends it). */
export function beforeMarker(body: string, marker: string, line: string): string {
  const at = body.lastIndexOf(marker);
  if (at < 0) return `${body.replace(/\n+$/, '')}\n\n${line}\n`;
  return `${body.slice(0, at).replace(/\n+$/, '')}\n\n${line}\n\n${body.slice(at)}`;
}
