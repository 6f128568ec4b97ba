// Which credentials each provider family reads, whether they are there, and their values (to mask in logs).
// Pure and light: no provider code is loaded to answer "can this suite run here?". A provider reads its
// key from the same functions, so the check and the call never disagree.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { envReferences } from '../prompts/render.js';
import type { ProviderSpec } from '../types.js';
import { anthropicApiKey, anthropicKeyVar } from './anthropic.js';
import { COMPATIBLE_HOSTS } from './compatible-hosts.js';
import { KEYSTORE_PASSWORD_VARS, signatureTypeOf } from './http-signature.js';
import type { ParsedId } from './ids.js';
import { openAiApiKey, openAiKeyVar, type OpenAiFlavor } from './openai.js';
import { isRunnerVariable } from './secrets.js';

export interface Credentials {
  /** Env variables the provider reads credentials from (set or not). */
  variables: string[];
  /** What is missing to call it: env variable names, or a phrase naming the alternatives. [] when it can run. */
  missing: string[];
  /** The credential values it would send. */
  values: string[];
}

export const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;

/** Throws when config names a reserved variable; the caller turns it into a located error. */
export function checkEnvName(name: string, key: string): string {
  if (isRunnerVariable(name)) {
    throw new Error(
      `${key}: ${name} is reserved for the runner and the action (INPUT_*, GITHUB_*, ACTIONS_*, RUNNER_*); name a variable of your own`,
    );
  }
  return name;
}

/** Every `*Envar` key in a provider's config names an env variable to read: none may be a reserved one. */
export function checkConfigEnvNames(config: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(config)) {
    if (/envar$/i.test(key) && typeof value === 'string') checkEnvName(value, `config.${key}`);
  }
}

/** The env variable a compatible host reads its key from. */
export function hostKeyVar(host: string, config: Record<string, unknown>): string {
  return str(config.apiKeyEnvar) ?? COMPATIBLE_HOSTS[host].keyVar;
}

/** Base URL of a compatible host: config, then the host's env variable, then its public default. */
export function hostBaseUrl(host: string, config: Record<string, unknown>, env: NodeJS.ProcessEnv): string {
  const entry = COMPATIBLE_HOSTS[host];
  if (host === 'databricks') {
    // promptfoo: `workspaceUrl` (or DATABRICKS_WORKSPACE_URL); the OpenAI-compatible API is under /serving-endpoints.
    const workspace = str(config.apiBaseUrl) ?? str(config.workspaceUrl) ?? str(env.DATABRICKS_WORKSPACE_URL);
    if (!workspace) return '';
    const base = workspace.replace(/\/+$/, '');
    return base.endsWith('/serving-endpoints') ? base : `${base}/serving-endpoints`;
  }
  if (host === 'openclaw' && !str(config.apiBaseUrl)) {
    // promptfoo's order: config.gateway_url, OPENCLAW_GATEWAY_URL, the local gateway (OPENCLAW_GATEWAY_PORT);
    // a ws(s):// gateway URL is the same server over http(s).
    const port = /^\d+$/.test(str(env.OPENCLAW_GATEWAY_PORT) ?? '') ? str(env.OPENCLAW_GATEWAY_PORT) : '18789';
    const gateway = str(config.gateway_url) ?? str(env.OPENCLAW_GATEWAY_URL) ?? `http://127.0.0.1:${port}`;
    return `${gateway.replace(/^ws(s?):\/\//, 'http$1://').replace(/\/+$/, '')}/v1`;
  }
  if (host === 'helicone' && !str(config.apiBaseUrl)) {
    const gateway = (str(config.baseUrl) ?? 'http://localhost:8080').replace(/\/+$/, '');
    return str(config.router) ? `${gateway}/router/${str(config.router)}` : `${gateway}/ai`;
  }
  return (
    str(config.apiBaseUrl) ??
    (entry.baseUrlVar ? str(env[entry.baseUrlVar]) : undefined) ??
    entry.baseUrl
  ).replace(/\/+$/, '');
}

/**
 * A compatible host's spec as the OpenAI provider reads it: the host's base URL and key variable filled in
 * (config still wins). Hosts that run locally without a key use the keyless flavor.
 */
export function hostSpec(
  spec: ProviderSpec,
  host: string,
  env: NodeJS.ProcessEnv,
): { spec: ProviderSpec; flavor: OpenAiFlavor } {
  const entry = COMPATIBLE_HOSTS[host];
  const apiBaseUrl = hostBaseUrl(host, spec.config, env);
  if (!apiBaseUrl) {
    throw new Error(
      `${host} needs the base URL of your own endpoint: set ${entry.baseUrlVar ?? 'config.apiBaseUrl'} or config.apiBaseUrl`,
    );
  }
  // The host's own keys travel in `passthrough`, which the OpenAI provider merges into the body.
  const own = Object.fromEntries(
    (entry.bodyKeys ?? []).filter((k) => spec.config[k] !== undefined).map((k) => [k, spec.config[k]]),
  );
  const passthrough =
    Object.keys(own).length > 0
      ? { passthrough: { ...own, ...(spec.config.passthrough as Record<string, unknown> | undefined) } }
      : {};
  const keyVar = hostKeyVar(host, spec.config);
  // OpenClaw's bearer secret may be written in its config as a token or a password.
  const openClawSecret =
    host === 'openclaw' ? (str(spec.config.auth_token) ?? str(spec.config.auth_password)) : undefined;
  if (openClawSecret && !str(spec.config.apiKey))
    spec = { ...spec, config: { ...spec.config, apiKey: openClawSecret } };
  const placeholder =
    entry.placeholderKey && !str(spec.config.apiKey) && !str(env[keyVar]) ? { apiKey: entry.placeholderKey } : {};
  return {
    spec: {
      ...spec,
      config: { ...spec.config, apiBaseUrl, apiKeyEnvar: keyVar, ...placeholder, ...passthrough },
    },
    flavor: entry.keyOptional && !entry.placeholderKey ? 'ollama' : 'openai',
  };
}

/** Azure OpenAI: an `api-key` (config.apiKey, apiKeyEnvar, AZURE_API_KEY, AZURE_OPENAI_API_KEY) or an Entra bearer token. */
export const AZURE_KEY_VARS = ['AZURE_API_KEY', 'AZURE_OPENAI_API_KEY'] as const;
export const QUIVERAI_KEY_VAR = 'QUIVERAI_API_KEY';
export const AZURE_TOKEN_VAR = 'AZURE_OPENAI_AD_TOKEN';

export function azureAuth(
  config: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
): { apiKey?: string; bearer?: string; variables: string[] } {
  const keyVars = str(config.apiKeyEnvar) ? [str(config.apiKeyEnvar)!] : [...AZURE_KEY_VARS];
  const apiKey = str(config.apiKey) ?? keyVars.map((name) => str(env[name])).find(Boolean);
  const bearer = str(config.azureAdToken) ?? str(env[AZURE_TOKEN_VAR]);
  return {
    ...(apiKey ? { apiKey } : {}),
    ...(bearer ? { bearer } : {}),
    variables: [...keyVars, AZURE_TOKEN_VAR],
  };
}

export const ELEVENLABS_APIS = ['tts', 'stt', 'alignment', 'isolation', 'history'] as const;
export type ElevenLabsApi = (typeof ELEVENLABS_APIS)[number];
export const elevenLabsKeyVar = (config: Record<string, unknown>): string =>
  str(config.apiKeyEnvar) ?? 'ELEVENLABS_API_KEY';
export const elevenLabsApiKey = (config: Record<string, unknown>, env: NodeJS.ProcessEnv): string | undefined =>
  str(config.apiKey) ?? str(env[elevenLabsKeyVar(config)]);

/** fal.ai's and ModelsLab's key variables (or the config's apiKeyEnvar). */
export const imageHostKeyVar = (host: 'fal' | 'modelslab', config: Record<string, unknown>): string =>
  str(config.apiKeyEnvar) ?? (host === 'fal' ? 'FAL_KEY' : 'MODELSLAB_API_KEY');

/** Replicate's key variables, in the order promptfoo reads them. */
export const REPLICATE_KEY_VARS = ['REPLICATE_API_TOKEN', 'REPLICATE_API_KEY'] as const;

/** Hugging Face's token variables, in the order promptfoo reads them (optional: public models answer without one). */
export const HF_TOKEN_VARS = ['HF_TOKEN', 'HF_API_TOKEN'] as const;
export function hfToken(config: Record<string, unknown>, env: NodeJS.ProcessEnv): string | undefined {
  if (str(config.apiKeyEnvar)) return str(config.apiKey) ?? str(env[str(config.apiKeyEnvar)!]);
  return str(config.apiKey) ?? HF_TOKEN_VARS.map((name) => str(env[name])).find(Boolean);
}

/** watsonx.ai: a bearer token as given, or an IBM Cloud API key to exchange for one. */
export function watsonxAuth(config: Record<string, unknown>, env: NodeJS.ProcessEnv) {
  const apiKey = str(config.apiKey) ?? str(env[str(config.apiKeyEnvar) ?? 'WATSONX_AI_APIKEY']);
  const bearer = str(config.apiBearerToken) ?? str(env[str(config.apiBearerTokenEnvar) ?? 'WATSONX_AI_BEARER_TOKEN']);
  return { apiKey, bearer, values: [apiKey, bearer].filter((v): v is string => Boolean(v)) };
}

export const GOOGLE_KEY_VARS = ['GOOGLE_API_KEY', 'GEMINI_API_KEY'] as const;

export function googleApiKey(config: Record<string, unknown>, env: NodeJS.ProcessEnv): string | undefined {
  if (str(config.apiKeyEnvar)) return str(config.apiKey) ?? str(env[str(config.apiKeyEnvar)!]);
  return str(config.apiKey) ?? GOOGLE_KEY_VARS.map((name) => str(env[name])).find(Boolean);
}

/** Where Google's auth library finds credentials without us: a key file, or gcloud's application-default login. */
function hasGoogleCredentials(config: Record<string, unknown>, env: NodeJS.ProcessEnv): boolean {
  if (str(config.credentials) || str(config.keyFilename) || str(env.GOOGLE_APPLICATION_CREDENTIALS)) return true;
  const gcloud = str(env.CLOUDSDK_CONFIG) ?? path.join(os.homedir(), '.config', 'gcloud');
  return existsSync(path.join(gcloud, 'application_default_credentials.json'));
}

export const AWS_KEY_VARS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] as const;
export const AWS_BEDROCK_TOKEN_VAR = 'AWS_BEARER_TOKEN_BEDROCK';

/** Whether the standard AWS chain has something to start from: keys, a profile, a web identity, a container role. */
function hasAwsCredentials(config: Record<string, unknown>, env: NodeJS.ProcessEnv, bearerCounts = true): boolean {
  if (str(config.accessKeyId) && str(config.secretAccessKey)) return true;
  if (bearerCounts && (str(config.apiKey) || str(env[AWS_BEDROCK_TOKEN_VAR]))) return true;
  if (str(env.AWS_ACCESS_KEY_ID) && str(env.AWS_SECRET_ACCESS_KEY)) return true;
  if (str(config.profile) || str(env.AWS_PROFILE) || str(env.AWS_WEB_IDENTITY_TOKEN_FILE)) return true;
  if (str(env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI) || str(env.AWS_CONTAINER_CREDENTIALS_FULL_URI)) return true;
  const home = os.homedir();
  return (
    existsSync(str(env.AWS_SHARED_CREDENTIALS_FILE) ?? path.join(home, '.aws', 'credentials')) ||
    existsSync(str(env.AWS_CONFIG_FILE) ?? path.join(home, '.aws', 'config'))
  );
}

const none: Credentials = { variables: [], missing: [], values: [] };

function keyed(variable: string, value: string | undefined, optional = false): Credentials {
  return { variables: [variable], missing: value || optional ? [] : [variable], values: value ? [value] : [] };
}

function openAi(flavor: OpenAiFlavor, config: Record<string, unknown>, env: NodeJS.ProcessEnv): Credentials {
  return keyed(openAiKeyVar(flavor, config), openAiApiKey(flavor, config, env), flavor === 'ollama');
}

export function credentialsOf(parsed: ParsedId, config: Record<string, unknown>, env: NodeJS.ProcessEnv): Credentials {
  if ('gateway' in parsed && parsed.gateway === 'cloudflare') {
    // The upstream provider's key, and the gateway's own token when the gateway is authenticated.
    const upstream = credentialsOf({ ...parsed, gateway: undefined }, config, env);
    const token = str(config.cloudflareApiKey) ?? str(env[str(config.cloudflareApiKeyEnvar) ?? 'CLOUDFLARE_API_KEY']);
    return {
      ...upstream,
      variables: [...upstream.variables, 'CLOUDFLARE_ACCOUNT_ID', 'CLOUDFLARE_GATEWAY_ID', 'CLOUDFLARE_API_KEY'],
      values: token ? [...upstream.values, token] : upstream.values,
    };
  }
  switch (parsed.kind) {
    case 'chat': {
      if (!parsed.host) return openAi(parsed.flavor, config, env);
      const variable = hostKeyVar(parsed.host, config);
      const value = str(config.apiKey) ?? str(env[variable]);
      return keyed(variable, value, COMPATIBLE_HOSTS[parsed.host].keyOptional);
    }
    case 'completion':
      return openAi(parsed.flavor, config, env);
    case 'embedding':
    case 'moderation':
    case 'transcription':
      return openAi('openai', config, env);
    case 'quiverai':
      return keyed(QUIVERAI_KEY_VAR, str(config.apiKey) ?? str(env[QUIVERAI_KEY_VAR]));
    case 'image':
    case 'video':
    case 'realtime': {
      if (parsed.vendor === 'openai') return openAi('openai', config, env);
      const variable = str(config.apiKeyEnvar) ?? 'XAI_API_KEY';
      return keyed(variable, str(config.apiKey) ?? str(env[variable]));
    }
    case 'responses': {
      if (parsed.vendor === 'openai') return openAi('openai', config, env);
      if (parsed.vendor === 'xai') {
        const variable = str(config.apiKeyEnvar) ?? 'XAI_API_KEY';
        return keyed(variable, str(config.apiKey) ?? str(env[variable]));
      }
      return azureCredentials(config, env);
    }
    case 'azure':
    case 'assistant':
      return azureCredentials(config, env);
    case 'anthropic':
      return keyed(anthropicKeyVar(config), anthropicApiKey(config, env));
    case 'elevenlabs':
      return keyed(elevenLabsKeyVar(config), elevenLabsApiKey(config, env));
    case 'watsonx': {
      const auth = watsonxAuth(config, env);
      return {
        variables: ['WATSONX_AI_APIKEY', 'WATSONX_AI_BEARER_TOKEN', 'WATSONX_AI_PROJECT_ID'],
        missing: auth.values.length > 0 ? [] : ['WATSONX_AI_APIKEY (or WATSONX_AI_BEARER_TOKEN)'],
        values: auth.values,
      };
    }
    case 'hf-text':
    case 'hf-classification': {
      const value = hfToken(config, env);
      const variables = str(config.apiKeyEnvar) ? [str(config.apiKeyEnvar)!] : [...HF_TOKEN_VARS];
      return { variables, missing: [], values: value ? [value] : [] };
    }
    case 'image-host': {
      const variable = imageHostKeyVar(parsed.host, config);
      return keyed(variable, str(config.apiKey) ?? str(env[variable]));
    }
    case 'google': {
      // google:image with a projectId is Imagen on Vertex AI: Google Cloud credentials, no API key.
      if (parsed.api === 'image' && config.projectId !== undefined)
        return credentialsOf({ kind: 'vertex', model: parsed.model }, config, env);
      const value = googleApiKey(config, env);
      const variables = str(config.apiKeyEnvar) ? [str(config.apiKeyEnvar)!] : [...GOOGLE_KEY_VARS];
      return { variables, missing: value ? [] : [variables.join(' or ')], values: value ? [value] : [] };
    }
    case 'vertex': {
      const apiKey = str(config.apiKey) ?? str(env.VERTEX_API_KEY);
      const ok = Boolean(apiKey) || hasGoogleCredentials(config, env);
      return {
        variables: ['GOOGLE_APPLICATION_CREDENTIALS', 'VERTEX_PROJECT_ID', 'VERTEX_REGION'],
        missing: ok ? [] : ['GOOGLE_APPLICATION_CREDENTIALS (or gcloud application-default login)'],
        values: apiKey ? [apiKey] : [],
      };
    }
    case 'replicate': {
      const value =
        str(config.apiKey) ??
        (str(config.apiKeyEnvar)
          ? str(env[str(config.apiKeyEnvar)!])
          : REPLICATE_KEY_VARS.map((name) => str(env[name])).find(Boolean));
      const variables = str(config.apiKeyEnvar) ? [str(config.apiKeyEnvar)!] : [...REPLICATE_KEY_VARS];
      return { variables, missing: value ? [] : [variables.join(' or ')], values: value ? [value] : [] };
    }
    case 'sagemaker':
    case 'bedrock': {
      // The Agents runtime (InvokeAgent, RetrieveAndGenerate) takes SigV4 only: a Bedrock API key is no credential there.
      const bearerCounts = !(parsed.kind === 'bedrock' && (parsed.api === 'kb' || parsed.api === 'agent'));
      const values = [
        str(config.secretAccessKey),
        str(config.sessionToken),
        str(config.apiKey),
        str(env.AWS_SECRET_ACCESS_KEY),
        str(env.AWS_SESSION_TOKEN),
        str(env[AWS_BEDROCK_TOKEN_VAR]),
      ].filter((v): v is string => Boolean(v));
      return {
        variables: [...AWS_KEY_VARS, 'AWS_REGION', 'AWS_PROFILE', ...(bearerCounts ? [AWS_BEDROCK_TOKEN_VAR] : [])],
        missing: hasAwsCredentials(config, env, bearerCounts)
          ? []
          : [
              `AWS credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE${bearerCounts ? ', a role, or AWS_BEARER_TOKEN_BEDROCK' : ' or a role'})`,
            ],
        values,
      };
    }
    case 'http':
      return httpCredentials(config, env);
    default:
      return none;
  }
}

/** Every `{{ env.NAME }}` the string values of a config (at any depth) read. */
function envReferencesIn(value: unknown): string[] {
  if (typeof value === 'string') return envReferences(value);
  if (Array.isArray(value)) return value.flatMap(envReferencesIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(envReferencesIn);
  return [];
}

/**
 * The http provider reads the variables its templates name (`Authorization: Bearer {{ env.APP_TOKEN }}`, a
 * signing key `privateKey: '{{ env.SIGNING_KEY }}'`), and promptfoo's keystore password variable for a
 * JKS or PFX signature without a password of its own. Those the signature needs are missing when unset (it
 * cannot sign without them); the values of those in `auth` and `signatureAuth` are credentials to mask.
 */
function httpCredentials(config: Record<string, unknown>, env: NodeJS.ProcessEnv): Credentials {
  // The runner's own variables are never in a template's env (secrets.ts configEnv): not a secret to pass.
  const variables = new Set(envReferencesIn(config).filter((name) => !isRunnerVariable(name)));
  const held = new Set([...envReferencesIn(config.auth), ...envReferencesIn(config.signatureAuth)]);
  const needed = new Set(envReferencesIn(config.signatureAuth));
  const signature = config.signatureAuth;
  if (signature && typeof signature === 'object' && !Array.isArray(signature)) {
    const settings = signature as Record<string, unknown>;
    const type = signatureTypeOf(settings);
    const own = type === 'jks' ? settings.keystorePassword : settings.pfxPassword;
    const keystore =
      type === 'jks' ||
      (type === 'pfx' && Boolean(settings.pfxPath || settings.pfxContent || settings.certificateContent));
    if (keystore && !own && !settings.certificatePassword) {
      for (const set of [variables, held, needed]) set.add(KEYSTORE_PASSWORD_VARS[type as 'jks' | 'pfx']);
    }
  }
  return {
    variables: [...variables],
    missing: [...needed].filter((name) => !str(env[name])),
    values: [...held].map((name) => str(env[name])).filter((v): v is string => Boolean(v)),
  };
}

function azureCredentials(config: Record<string, unknown>, env: NodeJS.ProcessEnv): Credentials {
  const auth = azureAuth(config, env);
  const values = [auth.apiKey, auth.bearer].filter((v): v is string => Boolean(v));
  return {
    variables: auth.variables,
    missing: values.length > 0 ? [] : [`${auth.variables.slice(0, -1).join(' or ')} (or ${AZURE_TOKEN_VAR})`],
    values,
  };
}

/**
 * The secrets a workflow must pass for this provider to run on GitHub (`init` writes them into the workflow's
 * env). Keyless local servers need none; Vertex authenticates with a credentials file, not a secret.
 */
export function workflowSecrets(parsed: ParsedId, config: Record<string, unknown>): string[] {
  switch (parsed.kind) {
    case 'chat':
      if (parsed.host) return COMPATIBLE_HOSTS[parsed.host].keyOptional ? [] : [hostKeyVar(parsed.host, config)];
      return parsed.flavor === 'ollama' ? [] : [openAiKeyVar('openai', config)];
    case 'completion':
      return parsed.flavor === 'ollama' ? [] : [openAiKeyVar('openai', config)];
    case 'embedding':
    case 'moderation':
    case 'transcription':
      return [openAiKeyVar('openai', config)];
    case 'quiverai':
      return [QUIVERAI_KEY_VAR];
    case 'image':
    case 'video':
    case 'realtime':
      return [parsed.vendor === 'xai' ? (str(config.apiKeyEnvar) ?? 'XAI_API_KEY') : openAiKeyVar('openai', config)];
    case 'responses':
      if (parsed.vendor === 'openai') return [openAiKeyVar('openai', config)];
      if (parsed.vendor === 'xai') return [str(config.apiKeyEnvar) ?? 'XAI_API_KEY'];
      return [str(config.apiKeyEnvar) ?? AZURE_KEY_VARS[0]];
    case 'azure':
    case 'assistant':
      return [str(config.apiKeyEnvar) ?? AZURE_KEY_VARS[0]];
    case 'anthropic':
      return [anthropicKeyVar(config)];
    case 'elevenlabs':
      return [elevenLabsKeyVar(config)];
    case 'image-host':
      return [imageHostKeyVar(parsed.host, config)];
    case 'watsonx':
      return ['WATSONX_AI_APIKEY', 'WATSONX_AI_PROJECT_ID'];
    case 'google':
      if (parsed.api === 'image' && config.projectId !== undefined) return [];
      return [str(config.apiKeyEnvar) ?? GOOGLE_KEY_VARS[0]];
    case 'replicate':
      return [str(config.apiKeyEnvar) ?? 'REPLICATE_API_TOKEN'];
    case 'sagemaker':
    case 'bedrock':
      return ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'];
    case 'http':
      return httpCredentials(config, {}).variables;
    default:
      return [];
  }
}

/** The error of a call made without its key: which variable(s) to set, or the config key. */
export function missingKeyMessage(variables: string): string {
  return `${variables} is not set: export it, or set apiKey (or apiKeyEnvar) in this provider's config`;
}

/** Appended to a 401/403: where the key came from. */
export function keyHint(variables: string): string {
  return `check ${variables}, or apiKey in this provider's config`;
}
