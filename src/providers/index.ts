// Provider ids → providers. The only place that knows which id prefix means which wire format.
import { UserError } from '../errors.js';
import type { Provider, ProviderSpec } from '../types.js';
import { anthropicApiKey, createAnthropicProvider, missingAnthropicCredentials } from './anthropic.js';
import { createCustomProvider } from './custom.js';
import { createEchoProvider } from './echo.js';
import { createExecProvider } from './exec.js';
import { createOpenAiProvider, missingOpenAiCredentials, openAiApiKey, type OpenAiFlavor } from './openai.js';
import { secretsInConfig } from './secrets.js';

export const SUPPORTED_PROVIDER_FORMS = [
  'echo',
  'openai:chat:<model>',
  'openai:<model>',
  'anthropic:messages:<model>',
  'ollama:chat:<model>',
  'file://<path>.mjs|.js|.cjs',
  'exec:<command>',
] as const;

export class UnknownProviderError extends UserError {
  override name = 'UnknownProviderError';
  constructor(
    readonly providerId: string,
    reason = 'is not a provider promptgate knows',
  ) {
    super(`provider "${providerId}" ${reason}; supported forms: ${SUPPORTED_PROVIDER_FORMS.join(', ')}`);
  }
}

export interface ResolveOptions {
  /** Directory `file://` and `exec:` resolve against (the suite's rootDir). */
  rootDir: string;
  env?: NodeJS.ProcessEnv;
  /** The config file, named in errors about a provider spec. */
  configFile?: string;
}

type ParsedId =
  | { kind: 'echo' }
  | { kind: 'chat'; flavor: OpenAiFlavor; model: string }
  | { kind: 'anthropic'; model: string }
  | { kind: 'file' }
  | { kind: 'exec' };

/** Which wire format an id means, and its model; throws UnknownProviderError for anything else. */
export function parseProviderId(id: string): ParsedId {
  if (id === 'echo') return { kind: 'echo' };
  if (id.startsWith('file://')) return { kind: 'file' };
  if (id.startsWith('exec:')) return { kind: 'exec' };
  const [prefix, ...rest] = id.split(':');
  const need = (model: string | undefined, form: string): string => {
    if (!model) throw new UnknownProviderError(id, `names no model; write it as ${form}`);
    return model;
  };
  if (prefix === 'openai') {
    if (rest[0] === 'chat')
      return { kind: 'chat', flavor: 'openai', model: need(rest.slice(1).join(':'), 'openai:chat:<model>') };
    if (rest.length === 1) return { kind: 'chat', flavor: 'openai', model: need(rest[0], 'openai:<model>') };
    throw new UnknownProviderError(id, `uses an OpenAI API promptgate does not speak (only chat completions)`);
  }
  if (prefix === 'ollama' && rest[0] === 'chat')
    return { kind: 'chat', flavor: 'ollama', model: need(rest.slice(1).join(':'), 'ollama:chat:<model>') };
  if (prefix === 'anthropic' && rest[0] === 'messages')
    return { kind: 'anthropic', model: need(rest.slice(1).join(':'), 'anthropic:messages:<model>') };
  throw new UnknownProviderError(id);
}

export async function resolveProvider(
  spec: ProviderSpec,
  options: ResolveOptions & { key?: string },
): Promise<Provider> {
  const env = options.env ?? process.env;
  const parsed = parseProviderId(spec.id);
  switch (parsed.kind) {
    case 'echo':
      return createEchoProvider(spec);
    case 'chat':
      return createOpenAiProvider(spec, parsed.flavor, parsed.model, { env });
    case 'anthropic':
      return createAnthropicProvider(spec, parsed.model, { env });
    case 'file':
      return createCustomProvider(spec, { rootDir: options.rootDir, configFile: options.configFile, key: options.key });
    case 'exec':
      return createExecProvider(spec, {
        rootDir: options.rootDir,
        env,
        configFile: options.configFile,
        key: options.key,
      });
  }
}

export async function resolveProviders(specs: readonly ProviderSpec[], options: ResolveOptions): Promise<Provider[]> {
  return Promise.all(specs.map((spec, i) => resolveProvider(spec, { ...options, key: `providers[${i}]` })));
}

/** Names of the env vars (or config keys) this provider needs and lacks; [] when it can run. Fork PRs have no secrets. */
export function requiredCredentials(spec: ProviderSpec, env: NodeJS.ProcessEnv = process.env): string[] {
  const parsed = parseProviderId(spec.id);
  if (parsed.kind === 'chat') return missingOpenAiCredentials(parsed.flavor, spec.config, env);
  if (parsed.kind === 'anthropic') return missingAnthropicCredentials(spec.config, env);
  return [];
}

/** Every credential value these providers would send, for the caller to mask in logs (core.setSecret). */
export function secretValues(specs: readonly ProviderSpec[], env: NodeJS.ProcessEnv = process.env): string[] {
  const found = new Set<string>();
  for (const spec of specs) {
    for (const value of secretsInConfig(spec.config)) found.add(value);
    let parsed: ParsedId;
    try {
      parsed = parseProviderId(spec.id);
    } catch {
      continue; // resolveProviders reports unknown ids; masking must not fail on them.
    }
    const key =
      parsed.kind === 'chat'
        ? openAiApiKey(parsed.flavor, spec.config, env)
        : parsed.kind === 'anthropic'
          ? anthropicApiKey(spec.config, env)
          : undefined;
    if (key) found.add(key);
  }
  return [...found];
}
