// Cloudflare AI Gateway (`cloudflare-gateway:<provider>:<model>`): the provider's own API, unchanged, at
// `https://gateway.ai.cloudflare.com/v1/<account>/<gateway>/<provider>`, with the provider's own key; an
// authenticated gateway also takes its token in `cf-aig-authorization`. Only the spec changes; the call is the
// provider's (openai.ts, anthropic.ts, the compatible hosts).
import type { ProviderSpec } from '../types.js';
import { str } from './credentials.js';

export const CLOUDFLARE_TOKEN_VAR = 'CLOUDFLARE_API_KEY';

export function cloudflareGatewaySpec(spec: ProviderSpec, segment: string, env: NodeJS.ProcessEnv): ProviderSpec {
  const { config } = spec;
  const account = str(config.accountId) ?? str(env.CLOUDFLARE_ACCOUNT_ID);
  const gateway = str(config.gatewayId) ?? str(env.CLOUDFLARE_GATEWAY_ID);
  if (!account || !gateway) {
    throw new Error(
      'needs the gateway: set config.accountId and config.gatewayId (or CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_GATEWAY_ID)',
    );
  }
  const base =
    str(config.gatewayBaseUrl) ??
    `https://gateway.ai.cloudflare.com/v1/${encodeURIComponent(account)}/${encodeURIComponent(gateway)}`;
  const token = str(config.cloudflareApiKey) ?? str(env[str(config.cloudflareApiKeyEnvar) ?? CLOUDFLARE_TOKEN_VAR]);
  const headers = {
    ...(token ? { 'cf-aig-authorization': `Bearer ${token}` } : {}),
    ...(config.headers as Record<string, unknown> | undefined),
  };
  return {
    ...spec,
    config: {
      ...config,
      apiBaseUrl: `${base.replace(/\/+$/, '')}/${segment}`,
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
    },
  };
}
