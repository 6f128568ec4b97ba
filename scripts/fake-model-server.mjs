#!/usr/bin/env node
// Dependency-free OpenAI-compatible fake model for the benchmark and for end-to-end tests that run dist/ in a
// child process. Replies with the last user message after a fixed latency. The TypeScript twin with faults and
// Anthropic support is __tests__/support/fake-model-server.ts.
//   node scripts/fake-model-server.mjs [--port 0] [--latency 0]
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
const tokens = (text) => Math.ceil(text.length / 4);
const textOf = (c) => (typeof c === 'string' ? c : Array.isArray(c) ? c.map((b) => b?.text ?? '').join('') : '');

function reply(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

let served = 0;
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
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
    setTimeout(() => {
      reply(res, 200, {
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
      });
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
