import { s as str } from './index-credentials.js';
import 'node:fs';
import 'node:os';
import 'node:path';
import './index-prices.js';
import './index-_commonjsHelpers.js';
import 'events';
import 'fs';
import 'path';
import './index-anthropic.js';
import './index-http.js';
import 'node:crypto';
import 'node:http';
import 'node:https';
import 'node:util';
import 'node:zlib';
import 'node:events';
import './index-secrets.js';
import 'node:fs/promises';
import './index-errors.js';
import './index-openai.js';
import './index-tool-callbacks.js';
import 'process';
import 'buffer';
import './index-import.js';
import 'node:url';

const CLOUDFLARE_TOKEN_VAR = 'CLOUDFLARE_API_KEY';
function cloudflareGatewaySpec(spec, segment, env) {
    const { config } = spec;
    const account = str(config.accountId) ?? str(env.CLOUDFLARE_ACCOUNT_ID);
    const gateway = str(config.gatewayId) ?? str(env.CLOUDFLARE_GATEWAY_ID);
    if (!account || !gateway) {
        throw new Error('needs the gateway: set config.accountId and config.gatewayId (or CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_GATEWAY_ID)');
    }
    const base = str(config.gatewayBaseUrl) ??
        `https://gateway.ai.cloudflare.com/v1/${encodeURIComponent(account)}/${encodeURIComponent(gateway)}`;
    const token = str(config.cloudflareApiKey) ?? str(env[str(config.cloudflareApiKeyEnvar) ?? CLOUDFLARE_TOKEN_VAR]);
    const headers = {
        ...(token ? { 'cf-aig-authorization': `Bearer ${token}` } : {}),
        ...config.headers,
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

export { CLOUDFLARE_TOKEN_VAR, cloudflareGatewaySpec };
