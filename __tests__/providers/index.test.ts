// Provider ids → providers; credentials needed; secrets to mask; cache identity.
import {
  parseProviderId,
  requiredCredentials,
  resolveProvider,
  resolveProviders,
  secretValues,
  UnknownProviderError,
} from '../../src/providers/index.js';
import type { ProviderSpec } from '../../src/types.js';
import { call } from './helpers.js';

const spec = (id: string, config: Record<string, unknown> = {}): ProviderSpec => ({ id, config });

describe('parseProviderId', () => {
  it.each([
    ['echo', { kind: 'echo' }],
    ['openai:chat:gpt-4o-mini', { kind: 'chat', flavor: 'openai', model: 'gpt-4o-mini' }],
    ['openai:gpt-4o', { kind: 'chat', flavor: 'openai', model: 'gpt-4o' }],
    [
      'openai:chat:ft:gpt-4o-mini:acme::abc123',
      { kind: 'chat', flavor: 'openai', model: 'ft:gpt-4o-mini:acme::abc123' },
    ],
    ['ollama:chat:llama3.2:1b', { kind: 'chat', flavor: 'ollama', model: 'llama3.2:1b' }],
    ['anthropic:messages:claude-3-5-haiku-20241022', { kind: 'anthropic', model: 'claude-3-5-haiku-20241022' }],
    ['file://providers/my.mjs', { kind: 'file' }],
    ['exec:python run.py', { kind: 'exec' }],
    // The forms promptfoo's own example suites use, as written there.
    ['openai:responses:gpt-5.1', { kind: 'responses', vendor: 'openai', model: 'gpt-5.1' }],
    ['openai:completion:davinci-002', { kind: 'completion', flavor: 'openai', model: 'davinci-002' }],
    ['openai:embedding:text-embedding-3-small', { kind: 'embedding', model: 'text-embedding-3-small' }],
    ['openai:embeddings:text-embedding-3-large', { kind: 'embedding', model: 'text-embedding-3-large' }],
    ['ollama:llama3', { kind: 'completion', flavor: 'ollama', model: 'llama3' }],
    ['anthropic:claude-sonnet-4-6', { kind: 'anthropic', model: 'claude-sonnet-4-6' }],
    ['azure:chat:gpt-5.1', { kind: 'azure', api: 'chat', deployment: 'gpt-5.1' }],
    ['azure:embeddings:emb', { kind: 'azure', api: 'embedding', deployment: 'emb' }],
    ['azure:responses:o4-mini', { kind: 'responses', vendor: 'azure', model: 'o4-mini' }],
    ['xai:responses:grok-4', { kind: 'responses', vendor: 'xai', model: 'grok-4' }],
    ['google:gemini-2.5-flash', { kind: 'google', model: 'gemini-2.5-flash' }],
    ['vertex:gemini-2.5-flash-002', { kind: 'vertex', model: 'gemini-2.5-flash-002' }],
    ['vertex:chat:gemini-pro', { kind: 'vertex', model: 'gemini-pro' }],
    ['bedrock:us.anthropic.claude-sonnet-4-6', { kind: 'bedrock', model: 'us.anthropic.claude-sonnet-4-6' }],
    ['bedrock:converse:amazon.nova-pro-v1:0', { kind: 'bedrock', model: 'amazon.nova-pro-v1:0' }],
    [
      'bedrock:kb:us.anthropic.claude-sonnet-4-6',
      { kind: 'bedrock', api: 'kb', model: 'us.anthropic.claude-sonnet-4-6' },
    ],
    ['bedrock:knowledge-base:amazon.nova-lite-v1:0', { kind: 'bedrock', api: 'kb', model: 'amazon.nova-lite-v1:0' }],
    ['bedrock-agent:ABCDEFGHIJ', { kind: 'bedrock', api: 'agent', model: 'ABCDEFGHIJ' }],
    ['bedrock:agents:ABCDEFGHIJ', { kind: 'bedrock', api: 'agent', model: 'ABCDEFGHIJ' }],
    [
      'bedrock:arn:aws:bedrock:us-east-1:123:inference-profile/us.x',
      { kind: 'bedrock', model: 'arn:aws:bedrock:us-east-1:123:inference-profile/us.x' },
    ],
    [
      'openrouter:deepseek/deepseek-r1',
      { kind: 'chat', flavor: 'openai', host: 'openrouter', model: 'deepseek/deepseek-r1' },
    ],
    ['xai:grok-4', { kind: 'chat', flavor: 'openai', host: 'xai', model: 'grok-4' }],
    ['aimlapi:chat:gpt-4o', { kind: 'chat', flavor: 'openai', host: 'aimlapi', model: 'gpt-4o' }],
    [
      'docker:ai/llama3.2:3B-Q4_K_M',
      { kind: 'chat', flavor: 'openai', host: 'docker', model: 'ai/llama3.2:3B-Q4_K_M' },
    ],
    ['http', { kind: 'http' }],
    ['https', { kind: 'http' }],
    ['https://example.com/chat', { kind: 'http', url: 'https://example.com/chat' }],
    ['file://provider.py', { kind: 'python', script: 'provider.py', functionName: 'call_api' }],
    [
      'file://provider.py:some_other_function',
      { kind: 'python', script: 'provider.py', functionName: 'some_other_function' },
    ],
    ['python:provider.py', { kind: 'python', script: 'provider.py', functionName: 'call_api' }],
    ['openai:image:dall-e-3', { kind: 'image', vendor: 'openai', model: 'dall-e-3' }],
    ['xai:image:grok-2-image', { kind: 'image', vendor: 'xai', model: 'grok-2-image' }],
    [
      'replicate:meta/llama-4-scout-instruct',
      { kind: 'replicate', replicate: 'text', model: 'meta/llama-4-scout-instruct' },
    ],
    ['replicate:image:owner/m:abc123', { kind: 'replicate', replicate: 'image', model: 'owner/m:abc123' }],
    ['sagemaker:jumpstart:my-ep', { kind: 'sagemaker', type: 'jumpstart', endpoint: 'my-ep' }],
    ['sagemaker:my-ep', { kind: 'sagemaker', endpoint: 'my-ep' }],
    [
      'huggingface:text-classification:facebook/roberta-hate-speech-dynabench-r4-target',
      { kind: 'hf-classification', task: 'text', model: 'facebook/roberta-hate-speech-dynabench-r4-target' },
    ],
    [
      'huggingface:token-classification:bigcode/starpii',
      { kind: 'hf-classification', task: 'token', model: 'bigcode/starpii' },
    ],
    ['openai:moderation:text-moderation-latest', { kind: 'moderation', model: 'text-moderation-latest' }],
    ['openai:moderation', { kind: 'moderation', model: 'omni-moderation-latest' }],
    [
      'replicate:moderation:meta/llama-guard-4-12b',
      { kind: 'replicate', replicate: 'moderation', model: 'meta/llama-guard-4-12b' },
    ],
  ])('%s', (id, expected) => {
    expect(parseProviderId(id)).toEqual(expected);
  });

  it.each([
    [
      'gemini:pro',
      /provider "gemini:pro" is not a provider promptgate knows; supported forms: echo, openai:<model>, .*bedrock:<model>.*http/,
    ],
    ['openai:chat:', /provider "openai:chat:" names no model; write it as openai:chat:<model>/],
    ['bedrock:kb:', /provider "bedrock:kb:" names no model; write it as bedrock:kb:<model>/],
    ['elevenlabs:agents', /ElevenLabs API promptgate does not call.*custom provider/],
    ['github:openai/gpt-4o-mini', /never reads for a provider; use openai:chat:<model> with apiBaseUrl/],
    ['huggingface:feature-extraction:BAAI/bge-small-en', /is an embeddings endpoint, not a chat model/],
    ['huggingface:token-classification:', /names no model; write it as huggingface:token-classification:<model>/],
    ['anthropic:messages:', /names no model/],
  ])('rejects %s with an error that says what to use instead', (id, message) => {
    expect(() => parseProviderId(id)).toThrow(UnknownProviderError);
    expect(() => parseProviderId(id)).toThrow(message);
  });

  it('resolveProviders rejects an unknown id', async () => {
    await expect(resolveProviders([spec('echo'), spec('gemini:pro')], { rootDir: '.' })).rejects.toThrow(
      /provider "gemini:pro"/,
    );
  });
});

describe('echo', () => {
  it('returns the prompt, free and instant', async () => {
    const provider = await resolveProvider(spec('echo'), { rootDir: '.' });
    expect(await call(provider, 'same text back')).toEqual({
      output: 'same text back',
      tokenUsage: { prompt: 0, completion: 0, total: 0 },
      cost: 0,
    });
  });
});

describe('requiredCredentials: what a fork PR without secrets lacks', () => {
  it.each([
    ['openai with no key', spec('openai:chat:gpt-4o-mini'), {}, ['OPENAI_API_KEY']],
    ['openai with the env key', spec('openai:gpt-4o'), { OPENAI_API_KEY: 'sk-1' }, []],
    ['openai with an empty env key', spec('openai:gpt-4o'), { OPENAI_API_KEY: '' }, ['OPENAI_API_KEY']],
    ['openai with an inline key', spec('openai:gpt-4o', { apiKey: 'sk-inline' }), {}, []],
    [
      'openai with apiKeyEnvar',
      spec('openai:gpt-4o', { apiKeyEnvar: 'TEAM_KEY' }),
      { OPENAI_API_KEY: 'sk-1' },
      ['TEAM_KEY'],
    ],
    ['anthropic with no key', spec('anthropic:messages:claude-3-haiku'), {}, ['ANTHROPIC_API_KEY']],
    ['anthropic with the env key', spec('anthropic:messages:claude-3-haiku'), { ANTHROPIC_API_KEY: 'a' }, []],
    ['ollama (local, keyless)', spec('ollama:chat:llama3'), {}, []],
    ['echo', spec('echo'), {}, []],
    ['a custom module', spec('file://p.mjs'), {}, []],
    ['a command', spec('exec:node p.mjs'), {}, []],
  ])('%s', (_name, providerSpec, env, missing) => {
    expect(requiredCredentials(providerSpec, env)).toEqual(missing);
  });
});

describe('secretValues: everything the caller must mask', () => {
  it('collects env keys, inline keys and auth headers once each, and skips unknown ids', () => {
    const specs = [
      spec('openai:chat:gpt-4o-mini'),
      spec('openai:gpt-4o'),
      spec('anthropic:messages:claude-3-haiku', { apiKey: 'sk-ant-inline' }),
      spec('file://p.mjs', { headers: { Authorization: 'Bearer tok-123', 'X-Trace': 'not-secret' } }),
      spec('openai:gpt-4o', { apiKeyEnvar: 'TEAM_KEY' }),
      spec('nonsense:x', { apiKey: 'still-masked' }),
    ];
    const env = { OPENAI_API_KEY: 'sk-env', TEAM_KEY: 'sk-team', ANTHROPIC_API_KEY: 'unused-because-inline' };
    expect(secretValues(specs, env).sort()).toEqual(
      ['Bearer tok-123', 'sk-ant-inline', 'sk-env', 'sk-team', 'still-masked'].sort(),
    );
  });
});

describe('config keys that would change the output if dropped', () => {
  it.each([
    [
      { functionToolCallbacks: { get_weather: 'async () => 1' } },
      /config\.functionToolCallbacks runs JavaScript tool callbacks/,
    ],
    [{ showThinking: true }, /config\.showThinking would add the model.s thinking to the output/],
  ])('%j is a located error', async (config, message) => {
    await expect(
      resolveProvider(spec('anthropic:claude-sonnet-4-6', config), {
        rootDir: '.',
        configFile: 's.yaml',
        key: 'providers[0]',
      }),
    ).rejects.toThrow(message);
  });

  it('showThinking: false is what happens anyway, and is accepted', async () => {
    await expect(
      resolveProvider(spec('anthropic:claude-sonnet-4-6', { showThinking: false }), { rootDir: '.', env: {} }),
    ).resolves.toBeDefined();
  });
});

describe('credentials in new providers configs', () => {
  it('AWS keys, auth tokens, api_key values and signing keys are masked and never in a cache key', async () => {
    const specs = [
      spec('bedrock:amazon.nova-lite-v1:0', {
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: 'aws-secret-123',
        sessionToken: 'aws-session-456',
      }),
      spec('http', { url: 'http://x', auth: { type: 'bearer', token: 'bearer-789' } }),
      spec('http', { url: 'http://x', auth: { type: 'api_key', keyName: 'X-Key', value: 'apikey-000' } }),
      spec('vertex:gemini-2.5-pro', { credentials: '{"type":"service_account","private_key":"pk-111"}' }),
    ];
    expect(secretValues(specs, {}).sort()).toEqual(
      [
        'apikey-000',
        'aws-secret-123',
        'aws-session-456',
        'bearer-789',
        '{"type":"service_account","private_key":"pk-111"}',
      ].sort(),
    );
    const identity = (await resolveProvider(specs[1], { rootDir: '.' })).cacheIdentity;
    expect(identity).not.toContain('bearer-789');
    expect(JSON.parse(identity).config.auth).toEqual({ type: 'bearer' });
    const bedrock = (await resolveProvider(specs[0], { rootDir: '.', env: {} })).cacheIdentity;
    expect(bedrock).not.toContain('aws-secret-123');
    expect(bedrock).not.toContain('aws-session-456');
  });
});

describe('cacheIdentity', () => {
  const identity = async (providerSpec: ProviderSpec, env: NodeJS.ProcessEnv = {}) =>
    (await resolveProvider(providerSpec, { rootDir: '.', env })).cacheIdentity;

  it('is stable under key order and excludes keys and auth headers', async () => {
    const a = await identity(
      spec('openai:gpt-4o', {
        temperature: 0,
        apiKey: 'sk-secret-1',
        headers: { Authorization: 'Bearer sk-secret-1', 'X-Team': 'a' },
        response_format: { type: 'json_object', schema: { b: 1, a: 2 } },
      }),
    );
    const b = await identity(
      spec('openai:gpt-4o', {
        response_format: { schema: { a: 2, b: 1 }, type: 'json_object' },
        headers: { 'X-Team': 'a' },
        temperature: 0,
      }),
    );
    expect(a).toBe(b);
    expect(a).not.toContain('sk-secret-1');
    expect(JSON.parse(a)).toEqual({
      id: 'openai:gpt-4o',
      config: {
        headers: { 'X-Team': 'a' },
        response_format: { schema: { a: 2, b: 1 }, type: 'json_object' },
        temperature: 0,
      },
    });
  });

  it.each([
    ['the model', spec('openai:gpt-4o', { temperature: 0 }), spec('openai:gpt-4o-mini', { temperature: 0 })],
    ['a sampling parameter', spec('openai:gpt-4o', { temperature: 0 }), spec('openai:gpt-4o', { temperature: 1 })],
    [
      'the base URL',
      spec('anthropic:messages:c', { apiBaseUrl: 'http://a' }),
      spec('anthropic:messages:c', { apiBaseUrl: 'http://b' }),
    ],
  ])('changes with %s', async (_name, left, right) => {
    expect(await identity(left)).not.toBe(await identity(right));
  });
});
