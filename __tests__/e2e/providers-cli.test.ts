// The bundled CLI (dist/cli.js) running a suite that names providers as promptfoo suites do — Gemini, Bedrock,
// the Responses API, an OpenAI-compatible host, the http provider and a Python provider — each reaching a
// loopback server in its wire format through its lazily loaded chunk, with the engine's retries on a 429.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVendorServer, type VendorServer } from '../support/vendor-server.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

function cli(args: string[], options: { cwd: string; env: Record<string, string> }) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: options.cwd, env: { PATH: process.env.PATH, HOME: os.tmpdir(), ...options.env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Each vendor answers the last words of the question it was sent, in its own reply shape. */
function vendorReply(path: string, body: unknown): { body: unknown } {
  const text = JSON.stringify(body ?? {});
  const answer = /capital of (\w+)/i.exec(text)?.[1] === 'France' ? 'Paris' : 'unknown';
  if (path.endsWith(':generateContent'))
    return { body: { candidates: [{ content: { parts: [{ text: answer }] }, finishReason: 'STOP' }] } };
  if (path.endsWith('/converse'))
    return {
      body: {
        output: { message: { content: [{ text: answer }] } },
        usage: { inputTokens: 5, outputTokens: 1, totalTokens: 6 },
      },
    };
  if (path.endsWith('/responses'))
    return {
      body: { status: 'completed', output: [{ type: 'message', content: [{ type: 'output_text', text: answer }] }] },
    };
  if (path.endsWith('/chat/completions')) return { body: { choices: [{ message: { content: answer } }] } };
  return { body: { reply: answer } };
}

let server: VendorServer;
beforeAll(async () => {
  server = await startVendorServer();
  server.setDefault((request) => vendorReply(request.path, request.body));
});
afterAll(() => server.close());

test('eval calls each provider family at its endpoint and grades the answers', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'promptgate-providers-'));
  await writeFile(
    path.join(dir, 'provider.py'),
    'def call_api(prompt, options, context):\n    return {"output": "Paris" if "France" in prompt else "unknown"}\n',
  );
  await writeFile(
    path.join(dir, 'promptfooconfig.yaml'),
    [
      'prompts:',
      '  - "What is the capital of {{ country }}?"',
      'providers:',
      `  - id: google:gemini-2.5-flash`,
      `    config: { apiBaseUrl: "${server.url}" }`,
      `  - id: bedrock:converse:amazon.nova-lite-v1:0`,
      `    config: { endpoint: "${server.url}", region: eu-west-1 }`,
      `  - id: openai:responses:gpt-4.1-mini`,
      `    config: { apiBaseUrl: "${server.url}/v1" }`,
      `  - id: groq:llama-4-scout-17b-16e-instruct`,
      `    config: { apiBaseUrl: "${server.url}/openai/v1" }`,
      `  - id: ${server.url}/chat`,
      `    config: { body: { q: "{{ prompt }}" }, transformResponse: json.reply }`,
      '  - file://provider.py',
      'tests:',
      '  - vars: { country: France }',
      '    assert: [{ type: equals, value: Paris }]',
      '',
    ].join('\n'),
  );
  // The first Gemini call is rate limited: the engine waits as asked and retries it.
  server.reply({
    status: 429,
    headers: { 'retry-after': '0' },
    body: { error: { code: 429, message: 'Resource has been exhausted', status: 'RESOURCE_EXHAUSTED' } },
  });
  const out = path.join(dir, 'results.json');
  const run = await cli(['eval', '--no-cache', '-o', out], {
    cwd: dir,
    env: {
      GOOGLE_API_KEY: 'google-key-123456',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'aws-secret-0123456789',
      OPENAI_API_KEY: 'sk-openai-123456',
      GROQ_API_KEY: 'gsk-groq-123456',
    },
  });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const results = JSON.parse(await readFile(out, 'utf8'));
  expect(
    results.results.map((r: { provider: string; output: unknown; pass: boolean }) => [r.provider, r.output, r.pass]),
  ).toEqual([
    ['google:gemini-2.5-flash', 'Paris', true],
    ['bedrock:converse:amazon.nova-lite-v1:0', 'Paris', true],
    ['openai:responses:gpt-4.1-mini', 'Paris', true],
    ['groq:llama-4-scout-17b-16e-instruct', 'Paris', true],
    [`${server.url}/chat`, 'Paris', true],
    ['file://provider.py', 'Paris', true],
  ]);
  const paths = server.requests.map((r) => r.path);
  expect(paths.filter((p) => p.endsWith(':generateContent'))).toHaveLength(2);
  expect(paths).toEqual(
    expect.arrayContaining([
      '/model/amazon.nova-lite-v1%3A0/converse',
      '/v1/responses',
      '/openai/v1/chat/completions',
      '/chat',
    ]),
  );
});
