// Secrets never reach a report: a provider may echo its key back in an output or an error, and everything
// in the results can end up in the comment, the job summary or the JSON report. Pure.
import { redact } from '../providers/secrets.js';
import type { EvalResults } from '../types.js';

/** The value with every secret replaced; unchanged parts are returned as they are (no copy of 20,000 results). */
function redactDeep(value: unknown, secrets: readonly string[], needles: readonly string[]): unknown {
  if (typeof value === 'string') return needles.some((n) => value.includes(n)) ? redact(value, secrets) : value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((v, i) => {
      const r = redactDeep(v, secrets, needles);
      if (r !== v) (copy ??= [...value])[i] = r;
    });
    return copy ?? value;
  }
  if (value && typeof value === 'object') {
    let copy: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(value)) {
      const r = redactDeep(v, secrets, needles);
      if (r !== v) (copy ??= { ...(value as Record<string, unknown>) })[k] = r;
    }
    return copy ?? value;
  }
  return value;
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
