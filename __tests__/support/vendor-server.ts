// A loopback server for the vendor wire formats fake-model-server.ts does not speak (Responses, Gemini, Bedrock
// Converse, Azure, generic HTTP endpoints): every request is recorded, and each test scripts the replies —
// a queue of canned responses (status, headers, body) consumed one per request, then a default reply.
import http, { type IncomingHttpHeaders } from 'node:http';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';

export interface VendorRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The body as received. */
  raw: string;
  /** Parsed JSON body, or undefined when it was not JSON. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface VendorReply {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or bytes as they are (a malformed body is a string). */
  body?: unknown;
  /** Destroy the socket instead of answering. */
  reset?: boolean;
}

export type ReplyFn = (request: VendorRequest) => VendorReply | Promise<VendorReply>;

export interface VendorServer {
  url: string;
  requests: VendorRequest[];
  /** Queue replies for the next requests, in order. */
  reply(...replies: VendorReply[]): void;
  /** The reply once the queue is empty. */
  setDefault(reply: VendorReply | ReplyFn): void;
  close(): Promise<void>;
}

export async function startVendorServer(
  defaultReply: VendorReply | ReplyFn = { body: {} },
  /** `http2`: cleartext HTTP/2 (prior knowledge), what AWS's SDK clients speak for event-stream services. */
  options: { http2?: boolean } = {},
): Promise<VendorServer> {
  const requests: VendorRequest[] = [];
  const queue: VendorReply[] = [];
  let fallback: VendorReply | ReplyFn = defaultReply;
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A reply function that throws answers 500 (the test sees an HTTP error, not an unhandled rejection).
    const answer = async () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://localhost');
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = undefined;
      }
      const request: VendorRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        raw,
        body,
      };
      requests.push(request);
      const next = queue.shift() ?? (typeof fallback === 'function' ? await fallback(request) : fallback);
      if (next.reset) {
        req.socket.destroy();
        return;
      }
      const text =
        typeof next.body === 'string' || next.body instanceof Uint8Array ? next.body : JSON.stringify(next.body ?? {});
      res.writeHead(next.status ?? 200, { 'content-type': 'application/json', ...next.headers });
      res.end(text);
    };
    req.on('end', () => {
      answer().catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `vendor server reply failed: ${String(err)}` } }));
      });
    });
  };
  // http2's compatibility API hands the same (req, res) shapes to the same handler.
  const sessions = new Set<http2.ServerHttp2Session>();
  const server = options.http2
    ? http2.createServer(handle as unknown as Parameters<typeof http2.createServer>[0])
    : http.createServer(handle);
  if (options.http2)
    (server as http2.Http2Server).on('session', (session: http2.ServerHttp2Session) => {
      sessions.add(session);
      session.on('close', () => sessions.delete(session));
    });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => queue.push(...replies),
    setDefault: (reply) => {
      fallback = reply;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (server instanceof http.Server) server.closeAllConnections();
        for (const session of sessions) session.destroy();
        server.close(() => resolve());
      }),
  };
}
