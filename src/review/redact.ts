// Secrets never reach a report: a provider may echo its key back in an output or an error, and everything
// in the results can end up in the comment, the job summary or the JSON report. Pure.
import { redact } from '../providers/secrets.js';
import type { EvalResults } from '../types.js';

function holdsAny(text: string, needles: readonly string[]): boolean {
  for (const needle of needles) if (text.includes(needle)) return true;
  return false;
}

/**
 * The value with every secret replaced; unchanged parts are returned as they are (no copy of 20,000 results).
 * Plain loops: this visits every value of every result, and Object.entries' pairs and forEach's closures
 * took twice the time.
 */
function redactDeep(value: unknown, secrets: readonly string[], needles: readonly string[]): unknown {
  if (typeof value === 'string') return holdsAny(value, needles) ? redact(value, secrets) : value;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) continue; // a hole stays a hole, as forEach skips it
      const v: unknown = value[i];
      const r = redactDeep(v, secrets, needles);
      if (r !== v) (copy ??= [...(value as unknown[])])[i] = r;
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) {
    const v = record[keys[i]!];
    const r = redactDeep(v, secrets, needles);
    if (r !== v) (copy ??= { ...record })[keys[i]!] = r;
  }
  return copy ?? value;
}

/** Any value (results, a cached output) with every occurrence of every secret value replaced by [REDACTED]. */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
  const live = secrets.filter((s) => s.length >= 4);
  if (live.length === 0) return value;
  // What redact() replaces: each secret, and a header value's secret without its scheme ("Bearer …").
  const needles = live.flatMap((s) => [s, s.replace(/^(Bearer|Basic|Token)\s+/i, '')]).filter((n) => n.length >= 4);
  return redactDeep(value, live, needles) as T;
}

/** The results with every occurrence of every secret value replaced by [REDACTED]. */
export function redactResults(results: EvalResults, secrets: readonly string[]): EvalResults {
  return redactValue(results, secrets);
}
