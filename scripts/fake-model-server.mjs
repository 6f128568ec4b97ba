#!/usr/bin/env node
// Dependency-free OpenAI-compatible fake model for the benchmark and for end-to-end tests that run dist/ in a
// child process. Replies with the last user message after a fixed latency. The TypeScript twin with faults and
// Anthropic support is __tests__/support/fake-model-server.ts.
//   node scripts/fake-model-server.mjs [--port 0] [--latency 0] [--rate 0 --burst N]
// With --rate R (requests per second) it enforces a token bucket of --burst requests (default R) refilled at R/s,
// as OpenAI documents its limits: every answer carries x-ratelimit-{limit,remaining,reset}-requests, and a
// request over the limit gets 429 with retry-after (seconds) and retry-after-ms. GET /stats answers
// {"served": n, "limited": n} (requests answered, and of them refused with 429).
// Prints "fake-model-server listening on http://127.0.0.1:<port>" once ready; the OpenAI base URL is that + /v1.
import http from 'node:http';

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
const latency = option('latency', 0);
const rate = option('rate', 0);
const burst = option('burst', rate);

/** The token bucket: `take()` spends a request, or says how long until one is there. */
const bucket = { tokens: burst, at: performance.now() };
function take() {
  const now = performance.now();
  bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) * rate) / 1000);
  bucket.at = now;
  const ok = bucket.tokens >= 1;
  if (ok) bucket.tokens -= 1;
  const headers = {
    'x-ratelimit-limit-requests': String(burst),
    'x-ratelimit-remaining-requests': String(Math.floor(bucket.tokens)),
    'x-ratelimit-reset-requests': `${Math.ceil(((burst - bucket.tokens) * 1000) / rate)}ms`,
  };
  if (ok) return { ok, headers };
  const waitMs = Math.ceil(((1 - bucket.tokens) * 1000) / rate);
  return {
    ok,
    headers: { ...headers, 'retry-after': String(Math.ceil(waitMs / 1000)), 'retry-after-ms': String(waitMs) },
  };
}
let limited = 0;
const tokens = (text) => Math.ceil(text.length / 4);
const textOf = (c) => (typeof c === 'string' ? c : Array.isArray(c) ? c.map((b) => b?.text ?? '').join('') : '');

function reply(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

let served = 0;
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (req.method === 'GET' && req.url === '/stats') return reply(res, 200, { served, limited });
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      return reply(res, 404, { error: { message: `no route ${req.method} ${req.url}` } });
    }
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return reply(res, 400, { error: { message: 'request body is not JSON' } });
    }
    const messages = Array.isArray(body.messages) ? body.messages : [];
    const lastUser = [...messages].reverse().find((m) => m?.role === 'user');
    const content = textOf(lastUser?.content);
    const promptTokens = tokens(messages.map((m) => textOf(m?.content)).join('\n'));
    const id = ++served;
    const allowed = rate > 0 ? take() : { ok: true, headers: {} };
    if (!allowed.ok) {
      limited++;
      const error = { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' };
      return reply(res, 429, { error }, allowed.headers);
    }
    setTimeout(() => {
      reply(
        res,
        200,
        {
          id: `chatcmpl-fake-${id}`,
          object: 'chat.completion',
          created: 0,
          model: body.model ?? 'fake-model',
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage: {
            prompt_tokens: promptTokens,
            completion_tokens: tokens(content),
            total_tokens: promptTokens + tokens(content),
          },
        },
        allowed.headers,
      );
    }, latency);
  });
});
server.keepAliveTimeout = 30_000;

server.listen(port, '127.0.0.1', () => {
  console.log(`fake-model-server listening on http://127.0.0.1:${server.address().port}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
