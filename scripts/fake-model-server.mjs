#!/usr/bin/env node
// The tests' fake model server (__tests__/support/fake-model-server.ts) in a process of its own, for the
// benchmarks and the examples' measurement, whose CPU must not be the measured CLI's:
//   node scripts/fake-model-server.mjs [--port 0] [--latency 0] [--rate 0 --burst N]
// It echoes the last user message after --latency ms. With --rate R (requests per second) it enforces a token
// bucket of --burst requests (default R) refilled at R/s, as the vendors document their limits: every answer
// carries the rate-limit headers, and a request over the limit gets 429 with retry-after (seconds) and
// retry-after-ms. GET /stats answers {"requestCount": n, "limitedCount": n, "connectionCount": n}.
// Prints "fake-model-server listening on http://127.0.0.1:<port>" once ready; the OpenAI base URL is that + /v1.
import { startFakeModelServer } from './test-support.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  const value = i === -1 ? undefined : Number(process.argv[i + 1]);
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} expects a non-negative integer, got ${process.argv[i + 1]}`);
    process.exit(2);
  }
  return value;
}

const port = option('port', 0);
const latencyMs = option('latency', 0);
const rate = option('rate', 0);
const burst = option('burst', rate);

const server = await startFakeModelServer({
  port,
  latencyMs,
  record: false,
  rateLimit: rate > 0 ? { perSecond: rate, burst } : undefined,
});
console.log(`fake-model-server listening on ${server.url}`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close().then(() => process.exit(0)));
