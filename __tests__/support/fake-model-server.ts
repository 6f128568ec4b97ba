// A loopback model server speaking OpenAI's /v1/chat/completions and Anthropic's /v1/messages, scriptable per test:
// a responder (request → reply text), a fixed latency, and a queue of faults consumed one per request. It also
// answers Hugging Face's classification tasks at /hf-inference/models/<model> (fixed scores, no faults), and the
// moderation graders' wire formats — OpenAI's /v1/moderations and Llama Guard's verdict as a finished Replicate
// prediction at /v1/predictions or /v1/models/<owner>/<name>/predictions (flagged when the text says "kill", no
// faults) — so that a suite's classifier and moderation graders run against it too.
// Deterministic by default (it echoes the last user message) and cheap enough for 10,000 requests at 50-way concurrency.
// The scripts run it in a child process too (scripts/fake-model-server.mjs); GET /stats tells them its counts.
import http, { type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

export type Api = 'openai' | 'anthropic';

export type Fault =
  /** An HTTP error status; `retryAfter` becomes the Retry-After header; `body` replaces the API-shaped error body. */
  | { kind: 'status'; status: number; retryAfter?: string; body?: string | ((request: RecordedRequest) => string) }
  /** Destroy the socket without a reply (ECONNRESET / "other side closed" at the client). */
  | { kind: 'reset' }
  /** Never answer; the request ends when the client aborts or the server closes. */
  | { kind: 'hang' }
  /** 200 with a truncated JSON body. */
  | { kind: 'malformed' }
  /** 200 with `choices: []` (OpenAI) or a message with no `content` (Anthropic). */
  | { kind: 'empty-choices' }
  /** 200 with a reply of `bytes` characters (default 1 MiB). */
  | { kind: 'huge'; bytes?: number }
  /** 200 and half of the body, then the socket is destroyed (a connection lost mid-response). */
  | { kind: 'cut' }
  /** Not a fault: the normal reply, gzip-encoded (as some proxies send it whatever was asked). */
  | { kind: 'gzip' };

/** Shorthands: a number is a status fault; a string names a fault kind. */
export type FaultInput = Fault | number | 'reset' | 'hang' | 'malformed' | 'empty-choices' | 'huge' | 'cut' | 'gzip';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (undefined when the body was not JSON). */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface ResponderInput {
  api: Api;
  model: string;
  /** The chat as sent (Anthropic's top-level `system` prepended as a system message). */
  messages: Array<{ role: string; content: string }>;
  lastUserMessage: string;
  request: RecordedRequest;
}

export type Responder = (input: ResponderInput) => string | Promise<string>;

export interface FakeModelServerOptions {
  responder?: Responder;
  latencyMs?: number;
  /** Keep every request in `requests` (default true); turn off for long benchmarks. */
  record?: boolean;
  /**
   * Enforce a token bucket of `burst` requests refilled at `perSecond`, as the vendor would: every answer carries
   * the API's rate-limit headers (OpenAI x-ratelimit-*-requests, Anthropic anthropic-ratelimit-requests-*), and a
   * request over the limit gets 429 with retry-after (and retry-after-ms).
   */
  rateLimit?: { perSecond: number; burst: number };
  /** Default 0: a free port. */
  port?: number;
}

/** What GET /stats answers: the counters, for a process that runs the server in another. */
export interface FakeModelServerStats {
  requestCount: number;
  connectionCount: number;
  limitedCount: number;
}

export interface FakeModelServer {
  /** Root URL, e.g. http://127.0.0.1:43123 — OpenAI base is `${url}/v1`, Anthropic base is `url`. */
  url: string;
  requests: RecordedRequest[];
  /** Queue faults: each subsequent request consumes the next one; requests after the queue empties succeed. */
  fail(...faults: FaultInput[]): void;
  setResponder(responder: Responder): void;
  setLatency(ms: number): void;
  /** Requests received so far (counted even when not recorded), GET /stats aside. */
  readonly requestCount: number;
  /** TCP connections accepted so far (a client that keeps connections alive opens few). */
  readonly connectionCount: number;
  /** TCP connections open now (a hung request's stays open until the client gives it up). */
  readonly openConnections: number;
  /** Requests refused with 429 by `rateLimit`. */
  readonly limitedCount: number;
  close(): Promise<void>;
}

/** Default responder: echo the last user message, so outputs are a pure function of the prompt. */
export const echoLastUserMessage: Responder = ({ lastUserMessage }) => lastUserMessage;

const ROUTES: Record<string, Api | undefined> = {
  '/v1/chat/completions': 'openai',
  '/chat/completions': 'openai',
  '/v1/messages': 'anthropic',
};

const STATUS_TEXT: Record<number, string> = { 529: 'Overloaded' };

function toFault(input: FaultInput): Fault {
  if (typeof input === 'number') return { kind: 'status', status: input };
  if (typeof input === 'string') return input === 'huge' ? { kind: 'huge' } : ({ kind: input } as Fault);
  return input;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content.map((b: { text?: unknown } | null) => (b && typeof b.text === 'string' ? b.text : '')).join('');
  return '';
}

/** Rough, deterministic token count: a token per 4 characters. */
export function fakeTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function chatOf(api: Api, body: { messages?: unknown; system?: unknown }): Array<{ role: string; content: string }> {
  const messages: unknown[] = Array.isArray(body.messages) ? body.messages : [];
  const chat = messages.map((m) => {
    const message = (m ?? {}) as { role?: unknown; content?: unknown };
    return { role: String(message.role), content: textOf(message.content) };
  });
  if (api === 'anthropic' && body.system !== undefined) chat.unshift({ role: 'system', content: textOf(body.system) });
  return chat;
}

function errorBody(api: Api, status: number, message = `fake ${api} server: scripted HTTP ${status}`): string {
  // OpenAI names a rate limit by what ran out (requests, tokens) and codes it rate_limit_exceeded.
  if (api === 'openai' && status === 429)
    return JSON.stringify({ error: { message, type: 'requests', param: null, code: 'rate_limit_exceeded' } });
  const type =
    status === 429
      ? 'rate_limit_error'
      : status === 529
        ? 'overloaded_error'
        : status >= 500
          ? 'api_error'
          : 'invalid_request_error';
  return JSON.stringify(
    api === 'anthropic' ? { type: 'error', error: { type, message } } : { error: { message, type, code: null } },
  );
}

function successBody(api: Api, model: string, prompt: string, reply: string, id: number): string {
  const input = fakeTokens(prompt);
  const output = fakeTokens(reply);
  if (api === 'anthropic') {
    return JSON.stringify({
      id: `msg_fake_${id}`,
      type: 'message',
      role: 'assistant',
      model,
      content: [{ type: 'text', text: reply }],
      stop_reason: 'end_turn',
      usage: { input_tokens: input, output_tokens: output },
    });
  }
  return JSON.stringify({
    id: `chatcmpl-fake-${id}`,
    object: 'chat.completion',
    created: 0,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: reply }, finish_reason: 'stop' }],
    usage: { prompt_tokens: input, completion_tokens: output, total_tokens: input + output },
  });
}

/**
 * Hugging Face's text classification (`[[{label, score}]]`) or, for a body that asks for aggregated tokens,
 * token classification (`[{entity_group, score, word, start, end}]`, the input's first word): fixed scores.
 */
function classificationBody(body: { inputs?: unknown; parameters?: { aggregation_strategy?: unknown } }): string {
  const text = String(body.inputs ?? '');
  if (body.parameters?.aggregation_strategy === undefined)
    return JSON.stringify([
      [
        { label: 'LABEL_0', score: 0.75 },
        { label: 'LABEL_1', score: 0.25 },
      ],
    ]);
  const word = /\S+/.exec(text);
  return JSON.stringify(
    word
      ? [{ entity_group: 'FAKE', score: 0.5, word: word[0], start: word.index, end: word.index + word[0].length }]
      : [],
  );
}

/** Whether the fake moderators flag a text: it says "kill" (a violent crime, to Llama Guard). */
const flaggedByFakeModerator = (text: string): boolean => /\bkill/i.test(text);

/** OpenAI's /v1/moderations answer for `{ model, input }` (a string, or text parts): one result. */
function moderationBody(body: { model?: unknown; input?: unknown }): string {
  const parts: unknown[] = Array.isArray(body.input) ? body.input : [body.input];
  const text = parts
    .map((part) => (typeof part === 'string' ? part : String((part as { text?: unknown })?.text ?? '')))
    .join(' ');
  const flagged = flaggedByFakeModerator(text);
  return JSON.stringify({
    id: 'modr-fake',
    model: String(body.model ?? 'omni-moderation-latest'),
    results: [
      {
        flagged,
        categories: { violence: flagged, hate: false },
        category_scores: { violence: flagged ? 0.9 : 0.01, hate: 0.01 },
      },
    ],
  });
}

/** A finished Replicate prediction whose output is Llama Guard's verdict on `input.prompt`. */
function predictionBody(body: { input?: { prompt?: unknown } }): string {
  const verdict = flaggedByFakeModerator(String(body.input?.prompt ?? '')) ? 'unsafe\nS1' : 'safe';
  return JSON.stringify({ id: 'fake-prediction', status: 'succeeded', output: verdict, urls: {} });
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, STATUS_TEXT[status] ?? http.STATUS_CODES[status] ?? '', {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

interface BucketAnswer {
  ok: boolean;
  headers: Record<string, string>;
}

/** A token bucket answering with the headers `api` sends about it. */
function tokenBucket(limit: { perSecond: number; burst: number }): (api: Api) => BucketAnswer {
  let tokens = limit.burst;
  let at = performance.now();
  return (api) => {
    const now = performance.now();
    tokens = Math.min(limit.burst, tokens + ((now - at) * limit.perSecond) / 1000);
    at = now;
    const ok = tokens >= 1;
    if (ok) tokens -= 1;
    const resetMs = Math.ceil(((limit.burst - tokens) * 1000) / limit.perSecond);
    const headers: Record<string, string> =
      api === 'anthropic'
        ? {
            'anthropic-ratelimit-requests-limit': String(limit.burst),
            'anthropic-ratelimit-requests-remaining': String(Math.floor(tokens)),
            'anthropic-ratelimit-requests-reset': new Date(Date.now() + resetMs).toISOString(),
          }
        : {
            'x-ratelimit-limit-requests': String(limit.burst),
            'x-ratelimit-remaining-requests': String(Math.floor(tokens)),
            'x-ratelimit-reset-requests': `${resetMs}ms`,
          };
    if (!ok) {
      const waitMs = Math.ceil(((1 - tokens) * 1000) / limit.perSecond);
      headers['retry-after'] = String(Math.ceil(waitMs / 1000));
      headers['retry-after-ms'] = String(waitMs);
    }
    return { ok, headers };
  };
}

export async function startFakeModelServer(options: FakeModelServerOptions = {}): Promise<FakeModelServer> {
  let responder = options.responder ?? echoLastUserMessage;
  let latencyMs = options.latencyMs ?? 0;
  const record = options.record ?? true;
  const faults: Fault[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let requestCount = 0;
  let connectionCount = 0;
  let limitedCount = 0;
  const bucket = options.rateLimit ? tokenBucket(options.rateLimit) : undefined;

  const handle = async (
    method: string,
    path: string,
    headers: IncomingHttpHeaders,
    raw: string,
    res: ServerResponse,
  ) => {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = undefined;
    }
    if (method === 'GET' && path === '/stats') {
      const stats: FakeModelServerStats = { requestCount, connectionCount, limitedCount };
      return send(res, 200, JSON.stringify(stats));
    }
    const request: RecordedRequest = { method, path, headers, body };
    const id = ++requestCount;
    if (record) requests.push(request);

    if (method === 'POST' && path.startsWith('/hf-inference/models/') && body && typeof body === 'object')
      return send(res, 200, classificationBody(body));
    if (method === 'POST' && path === '/v1/moderations' && body && typeof body === 'object')
      return send(res, 200, moderationBody(body));
    if (
      method === 'POST' &&
      /^\/v1\/(models\/[^/]+\/[^/]+\/)?predictions$/.test(path) &&
      body &&
      typeof body === 'object'
    )
      return send(res, 201, predictionBody(body));
    const api = ROUTES[path.split('?')[0]];
    if (method !== 'POST' || !api)
      return send(res, 404, JSON.stringify({ error: { message: `no route ${method} ${path}` } }));
    if (body === undefined) return send(res, 400, JSON.stringify({ error: { message: 'request body is not JSON' } }));

    const allowed = bucket?.(api);
    if (allowed && !allowed.ok) {
      limitedCount++;
      return send(res, 429, errorBody(api, 429, 'Rate limit reached for requests'), allowed.headers);
    }
    const limitHeaders = allowed?.headers ?? {};
    const fault = faults.shift();
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));

    if (fault?.kind === 'reset') return res.socket?.destroy();
    if (fault?.kind === 'hang') return; // the socket closes when the client aborts, or in close()
    if (fault?.kind === 'status') {
      const text =
        typeof fault.body === 'function' ? fault.body(request) : (fault.body ?? errorBody(api, fault.status));
      return send(res, fault.status, text, fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {});
    }
    if (fault?.kind === 'malformed')
      return send(
        res,
        200,
        '{"id":"chatcmpl-fake","choices":[{"index":0,"message":{"role":"assistant","content":"trunc',
      );
    if (fault?.kind === 'empty-choices') {
      return send(
        res,
        200,
        JSON.stringify(
          api === 'anthropic'
            ? { id: `msg_fake_${id}`, type: 'message', role: 'assistant' }
            : { id: `chatcmpl-fake-${id}`, choices: [] },
        ),
      );
    }

    const messages = chatOf(api, body as { messages?: unknown; system?: unknown });
    const lastUser = [...messages].reverse().find((m) => m.role === 'user');
    const model = String((body as { model?: unknown }).model ?? 'fake-model');
    const reply =
      fault?.kind === 'huge'
        ? 'x'.repeat(fault.bytes ?? 1024 * 1024)
        : await responder({ api, model, messages, lastUserMessage: lastUser?.content ?? '', request });
    const text = successBody(api, model, messages.map((m) => m.content).join('\n'), reply, id);
    if (fault === undefined) return send(res, 200, text, limitHeaders);
    if (fault?.kind === 'cut') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.write(text.slice(0, Math.floor(text.length / 2)));
      // Destroy once the half is on the wire, so the client sees a response that stops short.
      return setTimeout(() => res.socket?.destroy(), 20);
    }
    if (fault?.kind === 'gzip') {
      const zipped = gzipSync(text);
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': zipped.length,
      });
      return res.end(zipped);
    }
    send(res, 200, text);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handle(req.method ?? 'GET', req.url ?? '/', req.headers, Buffer.concat(chunks).toString('utf8'), res).catch(
        (err: unknown) => {
          if (!res.headersSent)
            send(res, 500, JSON.stringify({ error: { message: `fake server responder failed: ${String(err)}` } }));
        },
      );
    });
  });
  server.keepAliveTimeout = 30_000;
  server.on('connection', (socket) => {
    connectionCount++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get requestCount() {
      return requestCount;
    },
    get connectionCount() {
      return connectionCount;
    },
    get openConnections() {
      return sockets.size;
    },
    get limitedCount() {
      return limitedCount;
    },
    fail(...inputs) {
      faults.push(...inputs.map(toFault));
    },
    setResponder(next) {
      responder = next;
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy(); // hung requests and idle keep-alive connections
      });
    },
  };
}
