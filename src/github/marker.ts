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
