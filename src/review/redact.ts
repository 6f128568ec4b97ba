// Secrets never reach a report: a provider may echo its key back in an output or an error, and everything
// in the results can end up in the comment, the job summary or the JSON report. Pure.
import { redact } from '../providers/secrets.js';
import type { EvalResults } from '../types.js';

function redactDeep(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, secrets)]));
  }
  return value;
}

/** The results with every occurrence of every secret value replaced by [REDACTED]. */
export function redactResults(results: EvalResults, secrets: readonly string[]): EvalResults {
  const live = secrets.filter((s) => s.length >= 4);
  if (live.length === 0) return results;
  return redactDeep(results, live) as EvalResults;
}
