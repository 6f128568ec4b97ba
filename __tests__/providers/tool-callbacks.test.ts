// promptfoo's functionToolCallbacks: inline and file:// callbacks compiled when the suite loads, run on the
// Responses API's function calls (loopback server in the Responses wire format); a throwing callback is an error.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveProvider } from '../../src/providers/index.js';
import { loadToolCallbacks } from '../../src/providers/tool-callbacks.js';
import type { ProviderSpec } from '../../src/types.js';
import { startVendorServer, type VendorServer } from '../support/vendor-server.js';
import { call } from './helpers.js';

let server: VendorServer;
beforeEach(async () => {
  server = await startVendorServer();
});
afterEach(async () => {
  await server.close();
});

const dir = mkdtempSync(path.join(os.tmpdir(), 'pg-callbacks-'));
writeFileSync(
  path.join(dir, 'weather.js'),
  'exports.getWeather = async (args) => ({ location: JSON.parse(args).location, temperature: 22 });\n',
);

const functionCall = (name: string, args: string, id = 'call_1') => ({
  type: 'function_call',
  id: `fc_${id}`,
  call_id: id,
  name,
  arguments: args,
  status: 'completed',
});
const reply = (...output: unknown[]) => ({
  id: 'resp_1',
  object: 'response',
  status: 'completed',
  error: null,
  output,
  usage: { input_tokens: 40, output_tokens: 12, total_tokens: 52 },
});

const responses = (config: Record<string, unknown>) =>
  resolveProvider(
    { id: 'openai:responses:gpt-4o', config: { apiBaseUrl: `${server.url}/v1`, ...config } } as ProviderSpec,
    {
      rootDir: dir,
      env: { OPENAI_API_KEY: 'sk-test-callbacks' },
    },
  );

describe('loadToolCallbacks', () => {
  it('compiles arrow functions, function expressions and file:// exports', async () => {
    const callbacks = await loadToolCallbacks(
      {
        add: 'async (args) => { const { a, b } = JSON.parse(args); return String(a + b); }',
        echo: 'function (args) {\n  return args;\n}',
        get_weather: 'file://weather.js:getWeather',
      },
      dir,
    );
    expect(await callbacks!.get('add')!('{"a":5,"b":6}')).toBe('11');
    expect(await callbacks!.get('echo')!('x')).toBe('x');
    expect(await callbacks!.get('get_weather')!('{"location":"Paris"}')).toEqual({
      location: 'Paris',
      temperature: 22,
    });
  });

  it.each([
    [{ add: '(args) => {' }, /functionToolCallbacks\.add/],
    [{ add: '42' }, /functionToolCallbacks\.add: the source is not a function/],
    [{ add: 7 }, /functionToolCallbacks\.add: expected JavaScript source/],
    [['add'], /expected a map from function name/],
    [{ add: 'file://missing.js:add' }, /cannot load/],
  ])('%j is refused when the suite loads', async (value, message) => {
    await expect(loadToolCallbacks(value, dir)).rejects.toThrow(message);
  });
});

describe('openai:responses with functionToolCallbacks', () => {
  it("answers with the callback's result instead of the function call (promptfoo's example: addNumbers)", async () => {
    server.reply({ body: reply(functionCall('addNumbers', '{"a":5,"b":6}')) });
    const provider = await responses({
      tools: [{ type: 'function', name: 'addNumbers', parameters: { type: 'object' } }],
      functionToolCallbacks: {
        addNumbers: 'async (args) => { const { a, b } = JSON.parse(args); return String(a + b); }',
      },
    });
    expect(await call(provider, 'What is 5 + 6?')).toMatchObject({
      output: '11',
      tokenUsage: { prompt: 40, completion: 12, total: 52 },
    });
    expect(server.requests[0].body.tools[0].name).toBe('addNumbers');
    expect(server.requests[0].body.functionToolCallbacks).toBeUndefined();
  });

  it('several calls: one result per line, JSON for results that are objects and for calls without a callback', async () => {
    server.reply({
      body: reply(functionCall('get_weather', '{"location":"Paris"}', 'a'), functionCall('unknown_tool', '{}', 'b')),
    });
    const provider = await responses({ functionToolCallbacks: { get_weather: 'file://weather.js:getWeather' } });
    const lines = String((await call(provider, 'weather?')).output).split('\n');
    expect(JSON.parse(lines[0])).toEqual({ location: 'Paris', temperature: 22 });
    expect(JSON.parse(lines[1])).toMatchObject({ name: 'unknown_tool', call_id: 'b' });
  });

  it('a reply with text and no function call is the text; a throwing callback is an error naming it', async () => {
    const provider = await responses({ functionToolCallbacks: { boom: '() => { throw new Error("db down"); }' } });
    server.reply({
      body: reply({ type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'No tool needed.' }] }),
    });
    expect((await call(provider, 'hi')).output).toBe('No tool needed.');
    server.reply({ body: reply(functionCall('boom', '{}')) });
    expect(await call(provider, 'hi')).toMatchObject({
      error: expect.stringMatching(/functionToolCallbacks\.boom threw: db down/),
      transient: false,
    });
  });

  it('providers that do not run callbacks (Anthropic) refuse the key with a located error', async () => {
    await expect(
      resolveProvider(
        { id: 'anthropic:claude-sonnet-4-6', config: { functionToolCallbacks: { f: '() => 1' } } },
        {
          rootDir: dir,
          configFile: 's.yaml',
        },
      ),
    ).rejects.toThrow(/s\.yaml.*config\.functionToolCallbacks runs JavaScript tool callbacks/);
  });
});

describe('openai:<model> (chat) with functionToolCallbacks', () => {
  const chat = (config: Record<string, unknown>) =>
    resolveProvider(
      { id: 'openai:gpt-4.1-mini', config: { apiBaseUrl: `${server.url}/v1`, ...config } } as ProviderSpec,
      {
        rootDir: dir,
        env: { OPENAI_API_KEY: 'sk-test-callbacks' },
      },
    );
  const toolCalls = (...calls: Array<[string, string]>) => ({
    id: 'chatcmpl-1',
    object: 'chat.completion',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: null,
          tool_calls: calls.map(([name, args], i) => ({
            id: `call_${i}`,
            type: 'function',
            function: { name, arguments: args },
          })),
        },
        finish_reason: 'tool_calls',
      },
    ],
    usage: { prompt_tokens: 20, completion_tokens: 8, total_tokens: 28 },
  });

  it("the results of the calls that have a callback are the output, one per line (promptfoo's chat)", async () => {
    writeFileSync(
      path.join(dir, 'get_user.json'),
      JSON.stringify({ type: 'function', function: { name: 'get_weather' } }),
    );
    server.reply({ body: toolCalls(['get_weather', '{"location":"Oslo"}'], ['no_callback', '{}']) });
    const provider = await chat({
      tools: ['file://get_user.json'],
      tool_choice: 'auto',
      functionToolCallbacks: { get_weather: 'file://weather.js:getWeather' },
    });
    expect(await call(provider, 'Weather?')).toMatchObject({
      output: '{"location":"Oslo","temperature":22}',
      tokenUsage: { prompt: 20, completion: 8, total: 28 },
    });
    // A list of file:// tools is read, each file one tool.
    expect(server.requests[0].body.tools).toEqual([{ type: 'function', function: { name: 'get_weather' } }]);
    expect(server.requests[0].body.functionToolCallbacks).toBeUndefined();
  });

  it('without a matching callback the tool calls stay the output; a throwing callback is an error', async () => {
    const provider = await chat({ functionToolCallbacks: { boom: '() => { throw new Error("down"); }' } });
    server.reply({ body: toolCalls(['other', '{}']) });
    expect(JSON.parse(String((await call(provider, 'x')).output))[0].function.name).toBe('other');
    server.reply({ body: toolCalls(['boom', '{}']) });
    expect(await call(provider, 'x')).toMatchObject({
      error: expect.stringMatching(/functionToolCallbacks\.boom threw: down/),
      transient: false,
    });
  });
});
