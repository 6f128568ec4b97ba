// Azure OpenAI (`azure:chat:<deployment>`, `azure:completion:…`, `azure:embedding:…`): OpenAI's request and
// response bodies at `{resource}/openai/deployments/{deployment}/…?api-version=…`, authorised with an `api-key`
// header or an Entra ID bearer token. `azure:responses:…` is in openai-responses.ts.
import type { Provider, ProviderResponse, ProviderSpec } from '../types.js';
import { toChatMessages } from './chat-messages.js';
import { azureAuth, keyHint, missingKeyMessage, str } from './credentials.js';
import { applyPassthrough, copyConfigParams, failure, postJson, withConfigHeaders } from './http.js';
import { completionOutput, embeddingOf } from './openai-completions.js';
import { BODY_PARAMS, outputOf, usageOf, type ChatCompletion, type HttpProviderOptions } from './openai.js';
import { costOf, priceFor } from './prices.js';
import { cacheIdentityOf, secretsInConfig } from './secrets.js';

export const AZURE_API_VERSION = '2024-10-21';

/** `https://<resource>.openai.azure.com` from apiBaseUrl, apiHost (promptfoo writes a bare host) or their env variables. */
export function azureBaseUrl(config: Record<string, unknown>, env: NodeJS.ProcessEnv): string {
  const host = str(config.apiHost) ?? str(env.AZURE_API_HOST) ?? str(env.AZURE_OPENAI_API_HOST);
  const base =
    str(config.apiBaseUrl) ??
    str(env.AZURE_API_BASE_URL) ??
    str(env.AZURE_OPENAI_API_BASE_URL) ??
    (host ? (/^https?:\/\//.test(host) ? host : `https://${host}`) : undefined);
  if (!base) {
    throw new Error(
      'names no Azure resource: set config.apiHost (e.g. my-resource.openai.azure.com) or AZURE_API_HOST, or config.apiBaseUrl',
    );
  }
  return base.replace(/\/+$/, '').replace(/\/openai$/, '');
}

export function azureHeaders(auth: { apiKey?: string; bearer?: string }): Record<string, string> {
  if (auth.apiKey) return { 'api-key': auth.apiKey };
  return auth.bearer ? { authorization: `Bearer ${auth.bearer}` } : {};
}

export type AzureApi = 'chat' | 'completion' | 'embedding';
const PATHS: Record<AzureApi, string> = {
  chat: 'chat/completions',
  completion: 'completions',
  embedding: 'embeddings',
};

export function createAzureProvider(
  spec: ProviderSpec,
  api: AzureApi,
  deployment: string,
  options: HttpProviderOptions,
): Provider {
  const { config } = spec;
  const base = azureBaseUrl(config, options.env);
  const version = str(config.apiVersion) ?? str(options.env.AZURE_API_VERSION) ?? AZURE_API_VERSION;
  const url = `${base}/openai/deployments/${encodeURIComponent(deployment)}/${PATHS[api]}?api-version=${encodeURIComponent(version)}`;
  const auth = azureAuth(config, options.env);
  const secrets = [...secretsInConfig(config), ...[auth.apiKey, auth.bearer].filter((v): v is string => Boolean(v))];
  const headers = withConfigHeaders(azureHeaders(auth), config);
  // A deployment is named by its owner; promptfoo prices it by `config.deployment_name`'s model when given.
  const price = priceFor(str(config.modelName) ?? deployment, config);
  const label = spec.id;
  const hint = keyHint(auth.variables.join(' / '));

  return {
    // promptfoo's Azure chat provider returns tool calls as objects; it has no function-call validator.
    toolCalls: { json: true, validatesFunctionCalls: false },
    id: spec.id,
    label: spec.label,
    cacheIdentity: cacheIdentityOf(spec.id, config, { base }),
    async callApi(prompt, context): Promise<ProviderResponse> {
      if (!auth.apiKey && !auth.bearer) {
        return failure({ label, secrets }, missingKeyMessage(auth.variables.join(' or ')), false);
      }
      let body: Record<string, unknown>;
      if (api === 'embedding') body = { input: prompt };
      else {
        body = api === 'chat' ? { messages: toChatMessages(prompt) } : { prompt };
        copyConfigParams(body, config, BODY_PARAMS);
      }
      applyPassthrough(body, config);
      const outcome = await postJson(url, body, headers, {
        signal: context.signal,
        secrets,
        label,
        credentialHint: hint,
      });
      if (!outcome.ok) return outcome.failure;
      const reply = outcome.body as ChatCompletion & { choices?: Array<{ text?: unknown }> };
      const tokenUsage = usageOf(reply?.usage);
      const cost = costOf(price, tokenUsage);
      if (api === 'embedding') {
        const embedding = embeddingOf(reply);
        if (!embedding) return failure({ label, secrets }, 'the response has no data[0].embedding', true);
        return { output: embedding, tokenUsage, cost };
      }
      const choice = Array.isArray(reply?.choices) ? reply.choices[0] : undefined;
      if (!choice) return failure({ label, secrets }, 'the response has no choices[0] (empty choices)', true);
      if (api === 'completion') return { output: completionOutput(choice), tokenUsage, cost };
      const message = (choice as { message?: Parameters<typeof outputOf>[0] }).message;
      if (!message) return failure({ label, secrets }, 'the response has no choices[0].message', true);
      return { output: outputOf(message), tokenUsage, cost };
    },
  };
}
