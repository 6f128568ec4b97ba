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
  ])('%s', (id, expected) => {
    expect(parseProviderId(id)).toEqual(expected);
  });

  it.each([
    [
      'bedrock:claude',
      /provider "bedrock:claude" is not a provider promptgate knows; supported forms: echo, openai:chat:<model>, openai:<model>, anthropic:messages:<model>, ollama:chat:<model>, file:\/\/<path>/,
    ],
    ['openai:chat:', /provider "openai:chat:" names no model; write it as openai:chat:<model>/],
    ['openai:completion:davinci-002', /only chat completions/],
    ['ollama:llama3', /is not a provider promptgate knows/],
    ['anthropic:messages:', /names no model/],
  ])('rejects %s with an error that lists the supported forms', (id, message) => {
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
