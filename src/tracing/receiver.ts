// The run's OTLP/HTTP receiver (promptfoo's `tracing.otlp.http`): POST /v1/traces with JSON or protobuf, as
// accepted. It keeps spans only for trace ids a case has opened and not yet closed — every case gets a fresh
// random trace id, so a span never reaches another case, another side of a review, or a later run; spans
// of any other trace are answered 200 and dropped, as promptfoo's store drops spans of unknown traces.
// One server per host:port in the process, shared by the runs that use it at once (a review's base and head
// run together when they draw fresh samples), closed when the last run releases it.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { TraceFormat, TraceSpan, TracingConfig } from '../types.js';
import { InvalidTracePayload, parseOtlpJson, parseOtlpProtobuf, redactSpan, type ParsedSpan } from './otlp.js';

type ReceiverSettings = NonNullable<TracingConfig['receiver']>;

/** promptfoo's receiver takes up to 10 MB per request. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

const CONTENT_TYPES: Readonly<Record<string, TraceFormat>> = {
  'application/json': 'json',
  'application/x-protobuf': 'protobuf',
};

/** The receiver could not listen (the port is taken, the address is not this machine's): the run stops. */
export class TraceReceiverError extends Error {
  override name = 'TraceReceiverError';
}

/** The spans of the traces a run has open, in the order they arrived. */
export interface TraceBuffer {
  open(traceId: string): void;
  /** The spans that arrived for an open trace so far (a copy). */
  spans(traceId: string): TraceSpan[];
  /** Records a span of the run's own (the provider call's) in an open trace. */
  add(traceId: string, span: TraceSpan): void;
  /** Stops collecting a trace and forgets its spans; later spans for it are dropped. */
  close(traceId: string): void;
}

/** A run's hold on a receiver: a TraceBuffer fed by the receiver; release it when the run ends. */
export interface TraceReceiverLease extends TraceBuffer {
  /** Where the receiver listens, e.g. http://127.0.0.1:4318. */
  readonly url: string;
  release(): Promise<void>;
}

/** The traces of a run without a receiver (tracing enabled, otlp.http not): only the run's own spans. */
export function memoryTraces(): TraceBuffer {
  const traces = new Map<string, TraceSpan[]>();
  return {
    open: (traceId) => void traces.set(traceId, []),
    spans: (traceId) => [...(traces.get(traceId) ?? [])],
    add: (traceId, span) => void traces.get(traceId)?.push(span),
    close: (traceId) => void traces.delete(traceId),
  };
}

interface Shared {
  server: Server;
  settings: ReceiverSettings;
  traces: Map<string, TraceSpan[]>;
  users: number;
  url: string;
}

const running = new Map<string, Promise<Shared>>();

function formatOf(req: IncomingMessage): TraceFormat | undefined {
  const mime = req.headers['content-type']?.split(';', 1)[0]?.trim().toLowerCase();
  return mime === undefined ? undefined : CONTENT_TYPES[mime];
}

function answer(res: import('node:http').ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function store(shared: Shared, parsed: ParsedSpan[]): void {
  for (const { traceId, span } of parsed) {
    const spans = shared.traces.get(traceId);
    if (spans) spans.push(redactSpan(span, shared.settings.redactAttributes));
  }
}

function handle(shared: Shared, req: IncomingMessage, res: import('node:http').ServerResponse): void {
  const path = (req.url ?? '').split('?', 1)[0];
  if (path === '/v1/traces' && req.method === 'GET') {
    answer(res, 200, { service: 'promptgate-otlp-receiver', supported_formats: shared.settings.acceptFormats });
    return;
  }
  if (path === '/health' && req.method === 'GET') {
    answer(res, 200, { status: 'ok' });
    return;
  }
  if (path !== '/v1/traces' || req.method !== 'POST') {
    answer(res, 404, { error: 'Not found' });
    return;
  }
  const format = formatOf(req);
  if (!format || !shared.settings.acceptFormats.includes(format)) {
    req.resume();
    answer(res, 415, { error: 'Unsupported content type' });
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let tooBig = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) tooBig = true;
    else chunks.push(chunk);
  });
  req.on('end', () => {
    if (tooBig) {
      answer(res, 413, { error: 'request entity too large' });
      return;
    }
    const body = Buffer.concat(chunks);
    try {
      if (format === 'json') {
        let json: unknown;
        try {
          json = JSON.parse(body.toString('utf8'));
        } catch {
          answer(res, 400, { error: 'Invalid JSON' });
          return;
        }
        store(shared, parseOtlpJson(json));
      } else {
        store(shared, parseOtlpProtobuf(body));
      }
      answer(res, 200, { partialSuccess: {} });
    } catch (error) {
      answer(res, error instanceof InvalidTracePayload ? 400 : 500, {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  });
  req.on('error', () => res.destroy());
}

async function start(settings: ReceiverSettings): Promise<Shared> {
  const shared = { settings, traces: new Map(), users: 0 } as unknown as Shared;
  const server = createServer((req, res) => handle(shared, req, res));
  shared.server = server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const where = `${settings.host}:${settings.port}`;
      const why =
        error.code === 'EADDRINUSE'
          ? `port ${settings.port} is in use (another collector, or another run of this suite); free it or set tracing.otlp.http.port to a free port`
          : error.code === 'EADDRNOTAVAIL'
            ? `${settings.host} is not an address of this machine; set tracing.otlp.http.host (default 127.0.0.1)`
            : (error.message ?? String(error));
      reject(
        new TraceReceiverError(`the OTLP trace receiver (tracing.otlp.http) could not listen on ${where}: ${why}`),
      );
    });
    server.listen(settings.port, settings.host, () => resolve());
  });
  // A keep-alive exporter must not hold the run open once it ends.
  server.keepAliveTimeout = 1000;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  shared.url = `http://${host}:${settings.port}`;
  return shared;
}

/** Starts the receiver `settings` describe, or joins the one this process already runs there. */
export async function acquireTraceReceiver(settings: ReceiverSettings): Promise<TraceReceiverLease> {
  const key = `${settings.host}:${settings.port}`;
  let pending = running.get(key);
  if (!pending) {
    pending = start(settings);
    running.set(key, pending);
    pending.catch(() => running.delete(key));
  }
  const shared = await pending;
  if (
    shared.settings.acceptFormats.join() !== settings.acceptFormats.join() ||
    shared.settings.redactAttributes.join() !== settings.redactAttributes.join()
  ) {
    throw new TraceReceiverError(
      `the OTLP trace receiver on ${key} is already running for another suite with other acceptFormats or redactAttributes; give this suite's tracing.otlp.http another port`,
    );
  }
  shared.users++;
  let released = false;
  const owned = new Set<string>();
  return {
    url: shared.url,
    open(traceId) {
      owned.add(traceId);
      shared.traces.set(traceId, []);
    },
    spans: (traceId) => [...(shared.traces.get(traceId) ?? [])],
    add: (traceId, span) => void shared.traces.get(traceId)?.push(span),
    close(traceId) {
      owned.delete(traceId);
      shared.traces.delete(traceId);
    },
    async release() {
      if (released) return;
      released = true;
      for (const traceId of owned) shared.traces.delete(traceId);
      if (--shared.users > 0) return;
      running.delete(key);
      await new Promise<void>((resolve) => {
        shared.server.close(() => resolve());
        shared.server.closeAllConnections();
      });
    },
  };
}
