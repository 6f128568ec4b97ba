// A traced case's trace, as promptfoo 0.123.1 makes one (src/tracing/evaluatorTracing.ts): a fresh random
// W3C trace id, a root span id and the provider call's span id (the traceparent the provider receives names
// the call's span), the span promptfoo itself records for the call (named after the provider's label or
// id), and how long to wait for the provider's spans before the assertions read them.
import { randomBytes } from 'node:crypto';
import type { AssertionSpec, Suite, TestCase, TraceSpan } from '../types.js';
import { VERSION } from '../version.js';

export interface CaseTrace {
  traceId: string;
  /** The span id of the case (promptfoo's `promptfoo.test_case` root span). */
  rootSpanId: string;
  /** The span id of the provider call: the parent of every span the provider makes. */
  callSpanId: string;
  /** `00-<traceId>-<callSpanId>-01`, W3C Trace Context. */
  traceparent: string;
  evaluationId: string;
  testCaseId: string;
  metadata: Record<string, unknown>;
}

/** promptfoo's rule: a case is traced when the suite's tracing is enabled or its test's metadata says so. */
export function isTraced(test: TestCase, suite: Pick<Suite, 'tracing'>): boolean {
  return suite.tracing?.enabled === true || test.metadata?.tracingEnabled === true;
}

/** Whether any case of the suite is traced (promptfoo starts the receiver only then). */
export function suiteIsTraced(suite: Pick<Suite, 'tracing' | 'tests'>): boolean {
  return suite.tracing?.enabled === true || suite.tests.some((test) => test.metadata?.tracingEnabled === true);
}

const TRACE_TYPES = new Set(['javascript', 'python', 'trace-error-spans', 'trace-span-count', 'trace-span-duration']);

/** promptfoo's assertionMayNeedTraceContext: the assertions that are handed the case's trace. */
export function mayReadTrace(assertion: AssertionSpec): boolean {
  if (assertion.assert) return assertion.assert.some(mayReadTrace);
  const base = assertion.type.startsWith('not-') ? assertion.type.slice(4) : assertion.type;
  return TRACE_TYPES.has(base) || (typeof assertion.value === 'string' && assertion.value.startsWith('file://'));
}

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

/** A new evaluation id per run (promptfoo's `eval-…`), the trace's `evaluationId`. */
export function newEvaluationId(): string {
  return `eval-${hex(6)}-${new Date().toISOString().slice(0, 19)}`;
}

export function newCaseTrace(
  evaluationId: string,
  test: TestCase,
  at: { testIdx: number; promptIdx: number; repeat: number; providerId: string; vars: Record<string, unknown> },
): CaseTrace {
  const traceId = hex(16);
  const callSpanId = hex(8);
  const written = test.metadata?.testCaseId;
  return {
    traceId,
    rootSpanId: hex(8),
    callSpanId,
    traceparent: `00-${traceId}-${callSpanId}-01`,
    evaluationId,
    testCaseId: typeof written === 'string' && written ? written : `${at.testIdx}-${at.promptIdx}`,
    metadata: {
      testIdx: at.testIdx,
      promptIdx: at.promptIdx,
      providerId: at.providerId,
      repeatIndex: at.repeat,
      vars: at.vars,
    },
  };
}

function targetType(providerId: string): string {
  if (providerId.startsWith('mcp')) return 'mcp';
  if (providerId.startsWith('ws')) return 'websocket';
  return providerId.startsWith('http') ? 'http' : 'provider';
}

/** The span promptfoo records around every traced provider call (its withTargetSpan), ended when the call is. */
export function callSpan(
  trace: CaseTrace,
  call: {
    providerId: string;
    label?: string;
    promptLabel: string;
    testIdx: number;
    startTime: number;
    endTime: number;
    error?: string;
  },
): TraceSpan {
  const attributes: Record<string, unknown> = {
    'service.name': 'promptgate',
    'service.version': VERSION,
    'promptfoo.provider.id': call.providerId,
    'promptfoo.span.role': 'target',
    'promptfoo.target.type': targetType(call.providerId),
  };
  if (call.label) attributes['promptfoo.target.label'] = call.label;
  attributes['promptfoo.prompt.label'] = call.promptLabel;
  attributes['promptfoo.eval.id'] = trace.evaluationId;
  attributes['promptfoo.test.index'] = call.testIdx;
  const span: TraceSpan = {
    spanId: trace.callSpanId,
    parentSpanId: trace.rootSpanId,
    name: call.label || call.providerId,
    startTime: call.startTime,
    endTime: call.endTime,
    attributes,
    statusCode: call.error === undefined ? 1 : 2,
  };
  if (call.error !== undefined) span.statusMessage = call.error;
  return span;
}

/**
 * promptfoo's loadTraceData: read the trace every 250 ms, up to 6 times, until two reads in a row find the
 * same (non-zero) number of spans — a provider's exporter may post its spans just after it answers.
 */
export async function settledSpans(
  read: () => TraceSpan[],
  sleep: (ms: number) => Promise<void>,
  policy = { attempts: 6, delayMs: 250, stablePolls: 2 },
): Promise<TraceSpan[]> {
  let last = -1;
  let stable = 0;
  let spans: TraceSpan[] = [];
  for (let attempt = 0; attempt < policy.attempts; attempt++) {
    spans = read();
    if (spans.length > 0) {
      stable = spans.length === last ? stable + 1 : 1;
      last = spans.length;
      if (stable >= policy.stablePolls || attempt === policy.attempts - 1) return spans;
    } else {
      stable = 0;
      last = 0;
    }
    if (attempt < policy.attempts - 1) await sleep(policy.delayMs);
  }
  return spans;
}
