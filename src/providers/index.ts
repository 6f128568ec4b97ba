// Provider ids → providers. ids.ts says which wire format an id means; each family's code is imported only
// when a suite uses it, so a run that calls one vendor loads one vendor (and `--version` none).
import { ConfigError, messageOf } from '../errors.js';
import type { Provider, ProviderSpec } from '../types.js';
import { checkConfigEnvNames, credentialsOf, hostSpec, workflowSecrets } from './credentials.js';
import { parseProviderId, UnknownProviderError, type ParsedId } from './ids.js';
import { secretsInConfig } from './secrets.js';

export {
  parseProviderId,
  SUPPORTED_PROVIDER_FORMS,
  UnknownProviderError,
  type OpenAiApi,
  type ParsedId,
} from './ids.js';

export interface ResolveOptions {
  /** Directory `file://` and `exec:` resolve against (the suite's rootDir). */
  rootDir: string;
  env?: NodeJS.ProcessEnv;
  /** The config file, named in errors about a provider spec. */
  configFile?: string;
}

/**
 * Config keys promptfoo honours that would change the output here if ignored: refused with a located error
 * rather than accepted and dropped.
 */
const REFUSED_CONFIG: Record<string, (value: unknown) => string | undefined> = {
  functionToolCallbacks: () =>
    'runs JavaScript tool callbacks, which promptgate does not: the tool calls come back as JSON to assert on; run the tools in a custom provider (file://provider.mjs) instead',
  showThinking: (value) =>
    value === false
      ? undefined
      : "would add the model's thinking to the output, which promptgate always leaves out: remove the key (or set it to false)",
};

export async function resolveProvider(
  spec: ProviderSpec,
  options: ResolveOptions & { key?: string },
): Promise<Provider> {
  const env = options.env ?? process.env;
  const parsed = parseProviderId(spec.id);
  const where = { file: options.configFile ?? '<config>' };
  const key = options.key ?? 'provider';
  try {
    checkConfigEnvNames(spec.config);
  } catch (err) {
    throw new ConfigError(where, `provider "${spec.id}": ${messageOf(err)}`, key);
  }
  for (const [name, refuse] of Object.entries(REFUSED_CONFIG)) {
    // Bedrock writes thinking into the output as promptfoo does; the other families leave it out.
    if (name === 'showThinking' && parsed.kind === 'bedrock') continue;
    // OpenAI's chat and Responses APIs, assistants and the socket APIs run promptfoo's tool callbacks (tool-callbacks.ts).
    const runsCallbacks =
      ['chat', 'responses', 'assistant', 'realtime'].includes(parsed.kind) ||
      (parsed.kind === 'google' && parsed.api === 'live');
    if (name === 'functionToolCallbacks' && runsCallbacks) continue;
    const reason = spec.config[name] === undefined ? undefined : refuse(spec.config[name]);
    if (reason) throw new ConfigError(where, `provider "${spec.id}": config.${name} ${reason}`, key);
  }
  try {
    const routed = 'gateway' in parsed && parsed.gateway ? await viaCloudflareGateway(spec, parsed, env) : spec;
    return await createProvider(routed, parsed, options, env, where, key);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof UnknownProviderError) throw err;
    // A provider's own constructor names what is wrong with its config (a missing resource, an unknown model).
    throw new ConfigError(where, `provider "${spec.id}" ${messageOf(err)}`, key);
  }
}

/** The spec with the gateway as its base URL and, when set, the gateway's own token (cf-aig-authorization). */
async function viaCloudflareGateway(spec: ProviderSpec, parsed: ParsedId, env: NodeJS.ProcessEnv) {
  const { cloudflareGatewaySpec } = await import('./cloudflare-gateway.js');
  const segment = parsed.kind === 'chat' ? (parsed.host ?? 'openai') : 'anthropic';
  return cloudflareGatewaySpec(spec, segment, env);
}

async function createProvider(
  spec: ProviderSpec,
  parsed: ParsedId,
  options: ResolveOptions & { key?: string },
  env: NodeJS.ProcessEnv,
  where: { file: string },
  key: string,
): Promise<Provider> {
  switch (parsed.kind) {
    case 'echo':
      return (await import('./echo.js')).createEchoProvider(spec);
    case 'llamacpp':
      return (await import('./llama-cpp.js')).createLlamaCppProvider(spec);
    case 'chat': {
      const { createOpenAiProvider } = await import('./openai.js');
      const { loadToolCallbacks, loadToolsFile } = await import('./tool-callbacks.js');
      const tooling = {
        callbacks: await loadToolCallbacks(spec.config.functionToolCallbacks, options.rootDir),
        tools: spec.config.tools === undefined ? undefined : await loadToolsFile(spec.config.tools, options.rootDir),
      };
      if (!parsed.host) return createOpenAiProvider(spec, parsed.flavor, parsed.model, { env, ...tooling });
      let host: ReturnType<typeof hostSpec>;
      try {
        host = hostSpec(spec, parsed.host, env);
      } catch (err) {
        throw new ConfigError(where, `provider "${spec.id}": ${messageOf(err)}`, key);
      }
      return createOpenAiProvider(host.spec, host.flavor, parsed.model, { env, ...tooling });
    }
    case 'responses': {
      const { loadToolCallbacks } = await import('./tool-callbacks.js');
      const callbacks = await loadToolCallbacks(spec.config.functionToolCallbacks, options.rootDir);
      return (await import('./openai-responses.js')).createResponsesProvider(spec, parsed.vendor, parsed.model, {
        env,
        callbacks,
      });
    }
    case 'completion':
      return (await import('./openai-completions.js')).createCompletionProvider(spec, parsed.flavor, parsed.model, {
        env,
      });
    case 'embedding':
      return (await import('./openai-completions.js')).createEmbeddingProvider(spec, parsed.model, { env });
    case 'moderation':
      return (await import('./openai-moderation.js')).createModerationProvider(spec, parsed.model, { env });
    case 'image':
      return (await import('./openai-image.js')).createImageProvider(spec, parsed.vendor, parsed.model, { env });
    case 'realtime': {
      const { loadToolCallbacks, loadToolsFile } = await import('./tool-callbacks.js');
      return (await import('./realtime.js')).createRealtimeProvider(spec, parsed.vendor, parsed.model, {
        env,
        callbacks: await loadToolCallbacks(spec.config.functionToolCallbacks, options.rootDir),
        tools: await loadToolsFile(spec.config.tools, options.rootDir),
      });
    }
    case 'anthropic':
      return (await import('./anthropic.js')).createAnthropicProvider(spec, parsed.model, { env });
    case 'azure':
      return (await import('./azure.js')).createAzureProvider(spec, parsed.api, parsed.deployment, { env });
    case 'assistant': {
      const { loadToolCallbacks, loadToolsFile } = await import('./tool-callbacks.js');
      const callbacks = await loadToolCallbacks(spec.config.functionToolCallbacks, options.rootDir);
      const tools = await loadToolsFile(spec.config.tools, options.rootDir);
      return (await import('./azure-assistant.js')).createAzureAssistantProvider(spec, parsed.assistantId, {
        env,
        callbacks,
        tools,
      });
    }
    case 'google':
      if (parsed.api === 'image' && spec.config.projectId !== undefined) {
        const { imagenModel } = await import('./google-image.js');
        return (await import('./vertex.js')).createVertexProvider(spec, imagenModel(parsed.model), { env });
      }
      if (parsed.api === 'video')
        return (await import('./google-video.js')).createGoogleVideoProvider(spec, parsed.model, {
          env,
          rootDir: options.rootDir,
        });
      if (parsed.api === 'image')
        return (await import('./google-image.js')).createGoogleImageProvider(spec, parsed.model, { env });
      if (parsed.api === 'live') {
        const { loadToolCallbacks, loadToolsFile } = await import('./tool-callbacks.js');
        return (await import('./google-live.js')).createGoogleLiveProvider(spec, parsed.model, {
          env,
          callbacks: await loadToolCallbacks(spec.config.functionToolCallbacks, options.rootDir),
          tools: await loadToolsFile(spec.config.tools, options.rootDir),
        });
      }
      return (await import('./google.js')).createGeminiProvider(spec, parsed.model, { env });
    case 'vertex':
      return (await import('./vertex.js')).createVertexProvider(spec, parsed.model, { env });
    case 'bedrock':
      if (parsed.api === 'video')
        return (await import('./bedrock-video.js')).createBedrockVideoProvider(spec, parsed.model, {
          env,
          rootDir: options.rootDir,
        });
      if (parsed.api === 'agent')
        return (await import('./bedrock-agents.js')).createBedrockAgentProvider(spec, parsed.model, { env });
      if (parsed.api === 'kb')
        return (await import('./bedrock-agents.js')).createBedrockKnowledgeBaseProvider(spec, parsed.model, { env });
      return (await import('./bedrock.js')).createBedrockProvider(spec, parsed.model, { env });
    case 'replicate':
      return (await import('./replicate.js')).createReplicateProvider(spec, parsed.replicate, parsed.model, { env });
    case 'watsonx':
      return (await import('./watsonx.js')).createWatsonxProvider(spec, parsed.model, { env });
    case 'hf-text':
      return (await import('./huggingface.js')).createHuggingFaceTextProvider(spec, parsed.model, { env });
    case 'hf-classification':
      return (await import('./huggingface.js')).createHuggingFaceClassificationProvider(
        spec,
        parsed.task,
        parsed.model,
        { env },
      );
    case 'quiverai':
      return (await import('./quiverai.js')).createQuiverAiProvider(spec, parsed.model, { env });
    case 'transcription':
      return (await import('./openai-transcription.js')).createTranscriptionProvider(spec, parsed.model, {
        env,
        rootDir: options.rootDir,
      });
    case 'video':
      if (parsed.vendor === 'xai')
        return (await import('./xai-video.js')).createXaiVideoProvider(spec, parsed.model, { env });
      return (await import('./openai-video.js')).createOpenAiVideoProvider(spec, parsed.model, { env });
    case 'image-host':
      return (await import('./image-hosts.js')).createImageHostProvider(spec, parsed.host, parsed.model, { env });
    case 'elevenlabs':
      return (await import('./elevenlabs.js')).createElevenLabsProvider(spec, parsed.api, parsed.variant, {
        env,
        rootDir: options.rootDir,
      });
    case 'sagemaker': {
      const { createSageMakerProvider, SAGEMAKER_TYPES } = await import('./sagemaker.js');
      const type = parsed.type ?? (typeof spec.config.modelType === 'string' ? spec.config.modelType : 'custom');
      if (!(SAGEMAKER_TYPES as readonly string[]).includes(type)) {
        throw new ConfigError(
          where,
          `provider "${spec.id}": config.modelType "${type}" is not one of ${SAGEMAKER_TYPES.join(', ')}`,
          key,
        );
      }
      return createSageMakerProvider(spec, type as (typeof SAGEMAKER_TYPES)[number], parsed.endpoint, {
        env,
        rootDir: options.rootDir,
      });
    }
    case 'http':
      return (await import('./http-generic.js')).createHttpProvider(spec, parsed.url, {
        rootDir: options.rootDir,
        env,
        configFile: options.configFile,
        key: options.key,
      });
    case 'websocket':
      return (await import('./websocket-generic.js')).createWebSocketProvider(spec, parsed.url, {
        rootDir: options.rootDir,
      });
    case 'file':
      return (await import('./custom.js')).createCustomProvider(spec, {
        rootDir: options.rootDir,
        configFile: options.configFile,
        key: options.key,
      });
    case 'package':
      return (await import('./custom.js')).createPackageProvider(spec, parsed.packageName, parsed.exportName, {
        rootDir: options.rootDir,
        configFile: options.configFile,
        key: options.key,
      });
    case 'python':
      return (await import('./python.js')).createPythonProvider(spec, parsed.script, parsed.functionName, {
        rootDir: options.rootDir,
        env,
        configFile: options.configFile,
        key: options.key,
      });
    case 'exec':
      return (await import('./exec.js')).createExecProvider(spec, {
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
  return credentialsOf(parseProviderId(spec.id), spec.config, env).missing;
}

/** The env variables a provider reads its credentials from, whether set or not (for `init` and the README). */
export function credentialVariables(spec: ProviderSpec): string[] {
  return credentialsOf(parseProviderId(spec.id), spec.config, {}).variables;
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
    for (const value of credentialsOf(parsed, spec.config, env).values) found.add(value);
  }
  return [...found];
}

/** The repository secrets a workflow must pass for these providers, once each, in order; unknown ids are skipped. */
export function suiteSecrets(specs: readonly ProviderSpec[]): string[] {
  const names = new Set<string>();
  for (const spec of specs) {
    try {
      for (const name of workflowSecrets(parseProviderId(spec.id), spec.config)) names.add(name);
    } catch {
      // the loader reports unknown ids; a workflow is still worth writing
    }
  }
  return [...names];
}
