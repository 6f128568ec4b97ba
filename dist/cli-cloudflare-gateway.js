import { s as str } from './cli-main.js';
import 'node:path';
import 'node:fs';
import 'node:os';
import 'events';
import 'fs';
import 'path';
import 'node:crypto';
import 'node:http';
import 'node:https';
import 'node:util';
import 'node:zlib';
import 'node:events';
import 'node:fs/promises';
import 'process';
import 'buffer';
import 'node:url';
import './cli-version.js';
import 'node:child_process';

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
