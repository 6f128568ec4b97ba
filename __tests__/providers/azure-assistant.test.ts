// azure:assistant:<id> against a loopback server speaking Azure OpenAI's Assistants API (threads, messages, runs,
// run steps, submit_tool_outputs): the call sequence and bodies asserted, replies shaped as the API documents them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requiredCredentials, resolveProvider } from '../../src/providers/index.js';
import type { ProviderSpec } from '../../src/types.js';
import {
  startVendorServer,
  type VendorReply,
  type VendorRequest,
  type VendorServer,
} from '../support/vendor-server.js';
import { call } from './helpers.js';

const KEY = 'azure-assistant-key-0123456789';
const ASSISTANT = 'asst_V3UgNCNUSAtHQdit8YimCKlJ';
let server: VendorServer;
beforeEach(async () => {
  server = await startVendorServer();
});
afterEach(async () => {
  await server.close();
});

const dir = mkdtempSync(path.join(os.tmpdir(), 'pg-assistant-'));
writeFileSync(
  path.join(dir, 'tools.json'),
  JSON.stringify([{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } }]),
);

const message = (role: string, text: string, created_at: number) => ({
  id: `msg_${created_at}`,
  object: 'thread.message',
  created_at,
  thread_id: 'thread_abc123',
  role,
  content: [{ type: 'text', text: { value: text, annotations: [] } }],
});
const run = (status: string, extra: Record<string, unknown> = {}) => ({
  id: 'run_abc123',
  object: 'thread.run',
  thread_id: 'thread_abc123',
  assistant_id: ASSISTANT,
  status,
  ...extra,
});

/** Replies by route; `runs` is the sequence of run states the create call and each poll return. */
function script(runs: unknown[], steps: unknown[] = [], answer = 'It is sunny in Paris.') {
  server.setDefault((request: VendorRequest): VendorReply => {
    const p = request.path;
    if (p === '/openai/threads') return { body: { id: 'thread_abc123', object: 'thread', created_at: 1 } };
    if (p.endsWith('/messages') && request.method === 'POST') return { body: message('user', request.body.content, 2) };
    if (p.endsWith('/messages'))
      return {
        body: { object: 'list', data: [message('assistant', answer, 4), message('user', 'Weather in Paris?', 2)] },
      };
    if (p.endsWith('/steps')) return { body: { object: 'list', data: steps } };
    return { body: runs.length > 1 ? runs.shift() : runs[0] };
  });
}

const assistant = (config: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = { AZURE_API_KEY: KEY }) =>
  resolveProvider(
    { id: `azure:assistant:${ASSISTANT}`, config: { apiBaseUrl: server.url, ...config } } as ProviderSpec,
    {
      rootDir: dir,
      env,
    },
  );

describe('azure:assistant', () => {
  it('creates a thread, adds the prompt, runs the assistant with the config, and answers with the transcript', async () => {
    script(
      [run('queued'), run('completed')],
      [
        {
          id: 'step_1',
          type: 'tool_calls',
          step_details: {
            type: 'tool_calls',
            tool_calls: [{ id: 'fs_1', type: 'file_search', file_search: { ranking_options: {} } }],
          },
        },
      ],
    );
    const provider = await assistant({
      apiVersion: '2024-05-01-preview',
      temperature: 0.7,
      tools: [{ type: 'file_search' }],
      tool_resources: { file_search: { vector_store_ids: ['vs_1'] } },
      instructions: 'Be brief.',
      debug: true,
    });
    const response = await call(provider, 'Weather in Paris?');
    expect(response.error).toBeUndefined();
    expect(response.output).toBe(
      [
        '[User] Weather in Paris?',
        '[Ran file search]',
        '[File search details: {"ranking_options":{}}]',
        '[Assistant] It is sunny in Paris.',
      ].join('\n\n'),
    );
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /openai/threads',
      'POST /openai/threads/thread_abc123/messages',
      'POST /openai/threads/thread_abc123/runs',
      'GET /openai/threads/thread_abc123/runs/run_abc123',
      'GET /openai/threads/thread_abc123/messages',
      'GET /openai/threads/thread_abc123/runs/run_abc123/steps',
    ]);
    expect(server.requests.every((r) => r.query['api-version'] === '2024-05-01-preview')).toBe(true);
    expect(server.requests.every((r) => r.headers['api-key'] === KEY)).toBe(true);
    expect(server.requests[1].body).toEqual({ role: 'user', content: 'Weather in Paris?' });
    expect(server.requests[2].body).toEqual({
      assistant_id: ASSISTANT,
      temperature: 0.7,
      tools: [{ type: 'file_search' }],
      tool_resources: { file_search: { vector_store_ids: ['vs_1'] } },
      instructions: 'Be brief.',
    });
  });

  it('answers requires_action with the callbacks through submit_tool_outputs (tools read from file://)', async () => {
    const toolCall = {
      id: 'call_1',
      type: 'function',
      function: { name: 'get_weather', arguments: '{"location":"Paris"}' },
    };
    script(
      [
        run('requires_action', {
          required_action: { type: 'submit_tool_outputs', submit_tool_outputs: { tool_calls: [toolCall] } },
        }),
        run('completed'),
      ],
      [
        {
          id: 'step_1',
          type: 'tool_calls',
          step_details: { tool_calls: [{ ...toolCall, function: { ...toolCall.function, output: '{"temp":22}' } }] },
        },
      ],
    );
    const provider = await assistant({
      tools: 'file://tools.json',
      functionToolCallbacks: { get_weather: 'async (args) => ({ temp: 22, where: JSON.parse(args).location })' },
    });
    const response = await call(provider, 'Weather in Paris?');
    expect(response.output).toBe(
      [
        '[User] Weather in Paris?',
        '[Call function get_weather with arguments {"location":"Paris"}]',
        '[Function output: {"temp":22}]',
        '[Assistant] It is sunny in Paris.',
      ].join('\n\n'),
    );
    const submit = server.requests.find((r) => r.path.endsWith('/submit_tool_outputs'));
    expect(submit?.body).toEqual({ tool_outputs: [{ tool_call_id: 'call_1', output: '{"temp":22,"where":"Paris"}' }] });
    expect(server.requests[2].body.tools[0].function.name).toBe('get_weather');
    expect(server.requests[2].body.functionToolCallbacks).toBeUndefined();
  });

  it('a throwing callback is reported to the assistant; a call without a callback is an error', async () => {
    const required = (name: string) =>
      run('requires_action', {
        required_action: {
          type: 'submit_tool_outputs',
          submit_tool_outputs: {
            tool_calls: [{ id: 'call_9', type: 'function', function: { name, arguments: '{}' } }],
          },
        },
      });
    script([required('lookup'), run('completed')]);
    const provider = await assistant({ functionToolCallbacks: { lookup: '() => { throw new Error("db down"); }' } });
    expect((await call(provider, 'q')).error).toBeUndefined();
    const submit = server.requests.find((r) => r.path.endsWith('/submit_tool_outputs'));
    expect(submit?.body.tool_outputs[0].output).toBe('{"error":"Error in lookup: db down"}');

    script([required('other')]);
    expect(await call(provider, 'q')).toMatchObject({
      error: expect.stringMatching(/called the function "other", which has no entry in config\.functionToolCallbacks/),
      transient: false,
    });
  });

  it('a failed run is an error, transient for rate limits; HTTP errors keep their status', async () => {
    const provider = await assistant();
    script([run('failed', { last_error: { code: 'rate_limit_exceeded', message: 'Rate limit reached.' } })]);
    expect(await call(provider, 'q')).toMatchObject({
      error: expect.stringMatching(/the run failed: rate_limit_exceeded - Rate limit reached\./),
      transient: true,
    });
    script([run('failed', { last_error: { code: 'invalid_prompt', message: 'Bad.' } })]);
    expect(await call(provider, 'q')).toMatchObject({ transient: false });
    server.reply({
      status: 401,
      body: { error: { code: '401', message: 'Access denied due to invalid subscription key.' } },
    });
    expect(await call(provider, 'q')).toMatchObject({
      error: expect.stringMatching(/HTTP 401.*invalid subscription key.*AZURE_API_KEY/),
      transient: false,
    });
  });

  it('needs an Azure key or token, and a resource', async () => {
    const provider = await assistant({}, {});
    expect((await call(provider, 'q')).error).toMatch(/AZURE_API_KEY/);
    expect(server.requests).toHaveLength(0);
    expect(requiredCredentials({ id: `azure:assistant:${ASSISTANT}`, config: {} }, {})).toHaveLength(1);
    await expect(
      resolveProvider({ id: `azure:assistant:${ASSISTANT}`, config: {} }, { rootDir: dir, env: {} }),
    ).rejects.toThrow(/names no Azure resource/);
  });
});
