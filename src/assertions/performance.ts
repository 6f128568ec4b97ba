// What the call reported: latency and cost budgets (the case passes when the measured value is at or under
// `threshold`), and finish-reason (promptfoo 0.123.1: the provider's normalized finish reason equals `value`,
// case-insensitively; a provider that reports none fails it, and passes the not- form).
import { binary, invariant, type AssertionHandler } from './handler.js';

const latency: AssertionHandler = ({ assertion, ctx, inverse }) => {
  invariant(assertion.threshold !== undefined, 'Latency assertion must have a threshold in milliseconds', 'threshold');
  // A cached response was not timed: promptfoo refuses to judge it rather than pass it for free.
  if (ctx.cached || !Number.isFinite(ctx.latencyMs)) {
    throw new Error('Latency assertion does not support cached results. Rerun the eval with --no-cache');
  }
  const pass = ctx.latencyMs <= assertion.threshold !== inverse;
  return binary(
    pass,
    `Latency ${ctx.latencyMs}ms is ${inverse ? 'less than or equal to' : 'greater than'} threshold ${assertion.threshold}ms`,
  );
};

const cost: AssertionHandler = ({ assertion, ctx, inverse }) => {
  invariant(assertion.threshold !== undefined, 'Cost assertion must have a threshold', 'threshold');
  // Not the config's fault: this provider reports no cost, so the budget cannot be judged.
  if (ctx.cost === undefined) throw new Error('Cost assertion does not support providers that do not return cost');
  const pass = ctx.cost <= assertion.threshold !== inverse;
  return binary(
    pass,
    `Cost ${ctx.cost.toPrecision(2)} is ${inverse ? 'less than or equal to' : 'greater than'} threshold ${assertion.threshold}`,
  );
};

const finishReason: AssertionHandler = ({ value, ctx, inverse }) => {
  invariant(typeof value === 'string', '"finish-reason" assertion type must have a string value');
  if (!ctx.finishReason) return binary(inverse, 'Provider did not supply stop/finish reason');
  const pass = (value.toLowerCase() === ctx.finishReason.toLowerCase()) !== inverse;
  return binary(pass, `Expected finish reason ${inverse ? 'not ' : ''}"${value}" but got "${ctx.finishReason}"`);
};

export const performanceAssertions: Record<string, AssertionHandler> = {
  latency,
  cost,
  'finish-reason': finishReason,
};
