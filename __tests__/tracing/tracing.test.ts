// promptfoo's tracing, end to end through the real loader and engine: a custom provider on loopback posts
// OTLP/JSON spans for the trace id its context names to the run's receiver, and the trace-* assertions judge
// them as promptfoo 0.123.1 does.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { loadSuite } from '../../src/config/load.js';
import { evaluateSuite } from '../../src/evaluate.js';
import type { OutputCache } from '../../src/engine/cache.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// Posts spans named after the prompt's words for the case's own trace, and one for a trace no case opened.
const PROVIDER = `
import http from 'node:http';
function post(port, body) {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request({ host: '127.0.0.1', port, path: '/v1/traces', method: 'POST',
      headers: { 'content-type': 'application/json' } }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); });
    req.on('error', reject);
    req.end(data);
  });
}
const ns = (ms) => String(BigInt(1700000000000 + ms) * 1000000n);
export default class {
  constructor({ config }) { this.port = config.port; }
  async callApi(prompt, context) {
    const [, traceId, parent] = (context.traceparent || '--').split('-');
    if (!traceId || prompt.includes('quiet')) return { output: 'tp=' + (context.traceparent || 'none') };
    const spans = prompt.split(' ').slice(1).map((name, i) => ({
      traceId, spanId: String(i + 1).padStart(16, '0'), parentSpanId: parent, name,
      startTimeUnixNano: ns(0), endTimeUnixNano: ns(100 * (i + 1)),
      status: name.startsWith('bad') ? { code: 2, message: 'boom' } : { code: 1 },
    }));
    spans.push({ traceId: 'f'.repeat(32), spanId: 'e'.repeat(16), name: 'stray', startTimeUnixNano: ns(0), endTimeUnixNano: ns(1) });
    const status = await post(this.port, { resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ scope: { name: 's' }, spans }] }] });
    return { output: 'posted ' + status + ' tp=' + context.traceparent + ' case=' + context.testCaseId };
  }
}
`;

function suiteDir(config: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'promptgate-tracing-'));
  writeFileSync(path.join(dir, 'provider.mjs'), PROVIDER);
  writeFileSync(path.join(dir, 'promptfooconfig.yaml'), config);
  return path.join(dir, 'promptfooconfig.yaml');
}

const config = (port: number, tracing = true) => `
providers:
  - id: file://provider.mjs
    label: traced
    config: { port: ${port} }
prompts: ['go {{steps}}']
tests:
  - vars: { steps: 'step_a step_b bad_c' }
    assert:
      - type: trace-span-count
        value: { pattern: 'step_*', min: 2, max: 2 }
      - type: trace-span-duration
        value: { pattern: 'step_*', max: 150 }
      - type: trace-error-spans
        value: { max_count: 0 }
      - type: javascript
        value: "context.trace.spans.map((s) => s.name).join(',') === 'step_a,step_b,bad_c,traced'"
  - vars: { steps: 'quiet' }
    assert:
      - type: trace-span-count
        value: { pattern: '*', min: 2 }
      - type: trace-error-spans
        value: 0
${
  tracing
    ? `tracing:
  enabled: true
  otlp:
    http: { enabled: true, port: ${port}, acceptFormats: ['json'] }
`
    : ''
}`;

test('spans posted for the case trace are judged; a case without spans has only the call span', async () => {
  const port = await freePort();
  const suite = await loadSuite(suiteDir(config(port)));
  const { results } = await evaluateSuite(suite, { env: {} });
  const [spans, quiet] = results;
  expect(spans!.error).toBeUndefined();
  expect(spans!.output).toMatch(/^posted 200 tp=00-[0-9a-f]{32}-[0-9a-f]{16}-01 case=0-0$/);
  expect(spans!.assertions.map((a) => [a.type, a.pass, a.reason])).toEqual([
    ['trace-span-count', true, 'Found 2 spans matching pattern "step_*" (expected 2-2). Matched spans: step_a, step_b'],
    ['trace-span-duration', false, '1 span(s) exceed duration threshold 150ms. Slowest: step_b (200ms)'],
    ['trace-error-spans', false, 'Found 1 error spans, expected at most 0. Errors: bad_c (boom)'],
    ['javascript', true, 'Assertion passed'],
  ]);
  // No span of its own arrived: the call's span (named after the provider's label) is the trace.
  expect(quiet!.error).toBeUndefined();
  expect(quiet!.assertions.map((a) => [a.pass, a.reason])).toEqual([
    [false, 'Found 1 spans matching pattern "*", expected at least 2. Matched spans: traced'],
    [true, 'No errors found in 1 spans matching pattern "*"'],
  ]);
  // Two cases, two traces.
  expect(quiet!.output).not.toContain(spans!.output!.toString().split('tp=')[1]!.split('-')[1]);
});

test('the receiver is shut down when the run ends', async () => {
  const port = await freePort();
  await evaluateSuite(await loadSuite(suiteDir(config(port))), { env: {} });
  const refused = await new Promise<string>((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/v1/traces', method: 'GET' }, () => resolve('answered'));
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    req.end();
  });
  expect(refused).toBe('ECONNREFUSED');
});

test('a port in use stops the run with a clear error', async () => {
  const busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', () => resolve()));
  const port = (busy.address() as { port: number }).port;
  try {
    const suite = await loadSuite(suiteDir(config(port)));
    await expect(evaluateSuite(suite, { env: {} })).rejects.toThrow(
      `the OTLP trace receiver (tracing.otlp.http) could not listen on 127.0.0.1:${port}: port ${port} is in use`,
    );
  } finally {
    await new Promise((resolve) => busy.close(resolve));
  }
});

test('a trace assertion on a case that is not traced is an error, not a fail', async () => {
  const suite = await loadSuite(suiteDir(config(await freePort(), false)));
  const { results } = await evaluateSuite(suite, { env: {} });
  expect(results[0]!.output).toBe('tp=none');
  expect(results.map((r) => r.error)).toEqual([
    expect.stringContaining('No trace data available for trace-span-count assertion'),
    expect.stringContaining('No trace data available for trace-span-count assertion'),
  ]);
});

test('a traced case is never answered from the cache, nor written to it', async () => {
  const used: string[] = [];
  const cache: OutputCache = {
    get: async () => (used.push('get'), { output: 'cached' }),
    set: async () => void used.push('set'),
    stats: () => ({ hits: 0, misses: 0, writes: 0 }),
  } as unknown as OutputCache;
  const suite = await loadSuite(suiteDir(config(await freePort())));
  const { results } = await evaluateSuite(suite, { env: {}, cache });
  expect(results.map((r) => r.cached)).toEqual([false, false]);
  expect(results[0]!.output).toMatch(/^posted 200/);
  expect(used).toEqual([]);
});

test.each([
  ['tracing: { enabled: true, otlp: { http: { enabled: true, prt: 4318 } } }', 'tracing.otlp.http.prt: unknown key'],
  ["tracing: { enabled: true, provider: { id: tempo, endpoint: 'http://x' } }", 'tracing.provider: not supported'],
  ['tracing: { enabled: true, failOnReceiverStartFailure: false }', 'promptgate always stops a run'],
  [
    'tracing: { enabled: true, otlp: { http: { enabled: true, port: 4318, acceptFormats: [xml] } } }',
    'expected "json" or "protobuf"',
  ],
  ['tracing: { otlp: {} }', 'tracing.enabled is required'],
])('%s is a located error', async (block, message) => {
  const file = suiteDir(
    `providers: [echo]\nprompts: [hi]\ntests: [{ assert: [{ type: contains, value: hi }] }]\n${block}\n`,
  );
  await expect(loadSuite(file)).rejects.toThrow(message);
  await expect(loadSuite(file)).rejects.toThrow(/promptfooconfig\.yaml:\d+:\d+/);
});

test('a not- trace assertion is refused: promptfoo ignores the not-', async () => {
  const file = suiteDir(
    `providers: [echo]\nprompts: [hi]\ntests: [{ assert: [{ type: not-trace-span-count, value: { pattern: '*', min: 1 } }] }]\n`,
  );
  await expect(loadSuite(file)).rejects.toThrow('promptfoo grades not-trace-span-count exactly as trace-span-count');
});

// A hand-written protobuf encoder for the few ExportTraceServiceRequest fields the test sends.
const varint = (n: bigint): number[] => {
  const out: number[] = [];
  do {
    let byte = Number(n & 0x7fn);
    n >>= 7n;
    if (n > 0n) byte |= 0x80;
    out.push(byte);
  } while (n > 0n);
  return out;
};
const field = (n: number, bytes: Uint8Array | number[]): number[] => [
  ...varint(BigInt((n << 3) | 2)),
  ...varint(BigInt(bytes.length)),
  ...bytes,
];
const str = (n: number, s: string) => field(n, [...Buffer.from(s)]);
const fixed64 = (n: number, v: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(v);
  return [...varint(BigInt((n << 3) | 1)), ...b];
};

test('protobuf spans are decoded as promptfoo decodes them', async () => {
  const { parseOtlpProtobuf } = await import('../../src/tracing/otlp.js');
  const kv = (key: string, value: number[]) => field(1, [...str(1, key), ...field(2, value)]);
  const span = [
    ...field(1, [...Buffer.from('0af7651916cd43dd8448eb211c80319c', 'hex')]),
    ...field(2, [...Buffer.from('b7ad6b7169203331', 'hex')]),
    ...str(5, 'retrieve_document_0'),
    ...varint(BigInt((6 << 3) | 0)),
    ...varint(3n),
    ...fixed64(7, 1700000000000000000n),
    ...fixed64(8, 1700000000250000000n),
    ...field(9, [...str(1, 'doc.index'), ...field(2, [...varint(BigInt((3 << 3) | 0)), ...varint(2n)])]),
    ...field(15, [...str(2, 'slow'), ...varint(BigInt((3 << 3) | 0)), ...varint(2n)]),
  ];
  const request = field(1, [
    ...field(1, kv('service.name', str(1, 'py'))),
    ...field(2, [...field(1, str(1, 'scope')), ...field(2, span)]),
  ]);
  expect(parseOtlpProtobuf(Uint8Array.from(request))).toEqual([
    {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      span: {
        spanId: 'b7ad6b7169203331',
        name: 'retrieve_document_0',
        startTime: 1700000000000,
        endTime: Number(1700000000250000000n) / 1e6, // promptfoo: nanoseconds / 1e6, float as it falls
        attributes: {
          'service.name': 'py',
          'doc.index': 2,
          'otel.scope.name': 'scope',
          'otel.span.kind': 'client',
          'otel.span.kind_code': 3,
        },
        statusCode: 2,
        statusMessage: 'slow',
      },
    },
  ]);
});
