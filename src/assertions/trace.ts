// promptfoo 0.123.1's trace assertions (src/assertions/traceSpanCount.ts, traceSpanDuration.ts,
// traceErrorSpans.ts): they read the spans of the case's trace that the engine hands them (ctx.trace) and
// judge their count, durations and errors; reasons word for word. A case without a trace (tracing is not
// enabled for it) cannot be judged: an error, as in promptfoo. Their not- forms are refused where written
// (promptfoo's handlers ignore the not-; see NOT_FORM_IGNORED).
import type { TraceData, TraceSpan } from '../types.js';
import { invariant, type AssertionHandler, type AssertionInput } from './handler.js';

/** promptfoo's matchesPattern: a glob over the span name (`*` any run, `?` one character), case-insensitive. */
export function matchesSpanPattern(name: string, pattern: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i').test(name);
}

function traceOf(input: AssertionInput, type: string): TraceData {
  const trace = input.ctx.trace;
  if (!trace) {
    throw new Error(
      `No trace data available for ${type} assertion (the case is not traced: set tracing.enabled: true, or metadata.tracingEnabled: true on the test)`,
    );
  }
  return trace;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const spanCount: AssertionHandler = (input) => {
  const { spans } = traceOf(input, 'trace-span-count');
  const value = input.assertion.value;
  invariant(
    isObject(value) && Boolean(value.pattern),
    'trace-span-count assertion must have a value object with pattern property',
  );
  const pattern = String(value.pattern);
  const min = value.min as number | undefined;
  const max = value.max as number | undefined;
  const matching = spans.filter((span) => matchesSpanPattern(span.name, pattern));
  const count = matching.length;
  let pass = true;
  let reason: string;
  if (min !== undefined && count < min) {
    pass = false;
    reason = `Found ${count} spans matching pattern "${pattern}", expected at least ${min}`;
  } else if (max !== undefined && count > max) {
    pass = false;
    reason = `Found ${count} spans matching pattern "${pattern}", expected at most ${max}`;
  } else {
    reason = `Found ${count} spans matching pattern "${pattern}"`;
    if (min !== undefined && max !== undefined) reason += ` (expected ${min}-${max})`;
    else if (min !== undefined) reason += ` (expected at least ${min})`;
    else if (max !== undefined) reason += ` (expected at most ${max})`;
  }
  if (matching.length > 0) reason += `. Matched spans: ${[...new Set(matching.map((s) => s.name))].join(', ')}`;
  return { pass, score: pass ? 1 : 0, reason };
};

/** promptfoo's calculatePercentile: nearest rank. */
function percentileOf(durations: number[], percentile: number): number {
  if (durations.length === 0) return 0;
  const sorted = [...durations].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((percentile / 100) * sorted.length) - 1)]!;
}

const spanDuration: AssertionHandler = (input) => {
  const { spans } = traceOf(input, 'trace-span-duration');
  const value = input.assertion.value;
  invariant(
    isObject(value) && typeof value.max === 'number',
    'trace-span-duration assertion must have a value object with max property',
  );
  const pattern = (value.pattern ?? '*') as string;
  const max = value.max as number;
  const percentile = value.percentile as number | undefined;
  invariant(
    percentile === undefined || (Number.isFinite(percentile) && percentile >= 0 && percentile <= 100),
    'trace-span-duration assertion percentile must be a number between 0 and 100',
  );
  const matching = spans.filter(
    (span): span is TraceSpan & { endTime: number } =>
      matchesSpanPattern(span.name, pattern) && span.startTime !== undefined && span.endTime !== undefined,
  );
  if (matching.length === 0) {
    return { pass: true, score: 1, reason: `No spans found matching pattern "${pattern}" with complete timing data` };
  }
  const durations = matching.map((span) => ({ name: span.name, duration: span.endTime - span.startTime }));
  let pass = true;
  let reason: string;
  if (percentile === undefined) {
    const slow = durations.filter((s) => s.duration > max);
    if (slow.length > 0) {
      pass = false;
      const top = slow.sort((a, b) => b.duration - a.duration).slice(0, 3);
      reason = `${slow.length} span(s) exceed duration threshold ${max}ms. `;
      reason += `Slowest: ${top.map((s) => `${s.name} (${s.duration}ms)`).join(', ')}`;
    } else {
      const longest = Math.max(...durations.map((s) => s.duration));
      reason = `All ${matching.length} spans matching pattern "${pattern}" completed within ${max}ms (max: ${longest}ms)`;
    }
  } else {
    const at = percentileOf(
      durations.map((s) => s.duration),
      percentile,
    );
    if (at > max) {
      pass = false;
      const slowest = durations
        .filter((s) => s.duration >= at)
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 3);
      reason = `${percentile}th percentile duration (${at}ms) exceeds threshold ${max}ms. `;
      reason += `Slowest spans: ${slowest.map((s) => `${s.name} (${s.duration}ms)`).join(', ')}`;
    } else {
      reason = `${percentile}th percentile duration (${at}ms) is within threshold ${max}ms`;
    }
  }
  return { pass, score: pass ? 1 : 0, reason };
};

/** promptfoo's isErrorSpan: an ERROR status, an HTTP-like status code, an error attribute or message. */
export function isErrorSpan(span: TraceSpan): boolean {
  if (span.statusCode === 2) return true;
  if (span.statusCode && span.statusCode >= 400) return true;
  const attributes = span.attributes;
  if (attributes) {
    for (const key of ['error', 'exception', 'failed', 'failure']) {
      const v = attributes[key];
      if (v === true || v === 'true' || (typeof v === 'object' && v !== null)) return true;
    }
    const http = attributes['http.status_code'];
    if (http !== undefined && http !== null) {
      const code = Number(http);
      if (!Number.isNaN(code) && code >= 400) return true;
    }
    if (attributes['otel.status_code'] === 'ERROR' || attributes['status.code'] === 'ERROR') return true;
  }
  return Boolean(span.statusMessage && /error|failed|failure|exception|timeout|abort/i.test(span.statusMessage));
}

const errorSpans: AssertionHandler = (input) => {
  const { spans } = traceOf(input, 'trace-error-spans');
  const value = input.assertion.value;
  let maxCount: number | undefined;
  let maxPercentage: number | undefined;
  let pattern = '*';
  if (typeof value === 'number') maxCount = value;
  else if (isObject(value)) {
    maxCount = value.max_count as number | undefined;
    maxPercentage = value.max_percentage as number | undefined;
    pattern = (value.pattern as string | undefined) || '*';
  }
  if (maxCount === undefined && maxPercentage === undefined) maxCount = 0;
  const matching = spans.filter((span) => matchesSpanPattern(span.name, pattern));
  if (matching.length === 0) return { pass: true, score: 1, reason: `No spans found matching pattern "${pattern}"` };
  const errors = matching.filter(isErrorSpan);
  const count = errors.length;
  const percentage = (count / matching.length) * 100;
  let pass = true;
  let reason: string;
  if (maxCount !== undefined && count > maxCount) {
    pass = false;
    const details = errors.slice(0, 3).map((span) => {
      if (span.statusMessage) return `${span.name} (${span.statusMessage})`;
      if (span.statusCode) return `${span.name} (status: ${span.statusCode})`;
      return span.name;
    });
    reason = `Found ${count} error spans, expected at most ${maxCount}. Errors: ${details.join(', ')}`;
    if (errors.length > 3) reason += ` and ${errors.length - 3} more`;
  } else if (maxPercentage !== undefined && percentage > maxPercentage) {
    pass = false;
    reason = `Error rate ${percentage.toFixed(1)}% exceeds threshold ${maxPercentage}% (${count} errors out of ${matching.length} spans)`;
  } else if (count === 0) {
    reason = `No errors found in ${matching.length} spans matching pattern "${pattern}"`;
  } else {
    reason = `Found ${count} error(s) in ${matching.length} spans (${percentage.toFixed(1)}%)`;
    if (maxCount !== undefined) reason += `, within threshold of ${maxCount}`;
    if (maxPercentage !== undefined) reason += `, within threshold of ${maxPercentage}%`;
  }
  return { pass, score: pass ? 1 : 0, reason };
};

export const traceAssertions: Record<string, AssertionHandler> = {
  'trace-span-count': spanCount,
  'trace-span-duration': spanDuration,
  'trace-error-spans': errorSpans,
};
