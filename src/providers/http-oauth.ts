// promptfoo's `auth: { type: oauth }` for the http provider: an OAuth 2.0 token from the token endpoint
// (client_credentials, or password with username/password), form-encoded as RFC 6749 asks, sent as a bearer
// token and kept until shortly before it expires. Its fields are templates (`{{ env.CLIENT_SECRET }}`).
import { renderTemplateText } from '../prompts/render.js';
import { str } from './credentials.js';
import { postJson } from './http.js';

const EARLY_MS = 60_000;

export interface OAuthConfig {
  tokenUrl: string;
  grantType: 'client_credentials' | 'password';
  fields: Record<string, string | undefined>;
}

/** The oauth block checked when the suite loads; undefined when auth is not oauth. */
export function oauthConfig(auth: unknown): OAuthConfig | undefined {
  const a = (auth ?? {}) as Record<string, unknown>;
  if (a.type !== 'oauth') return undefined;
  const grantType = a.grantType ?? 'client_credentials';
  if (grantType !== 'client_credentials' && grantType !== 'password')
    throw new Error(`auth.grantType: expected client_credentials or password, got ${JSON.stringify(grantType)}`);
  if (!str(a.tokenUrl)) throw new Error('auth.tokenUrl: the OAuth token endpoint is required');
  const scopes = Array.isArray(a.scopes) ? a.scopes.map(String).join(' ') : str(a.scopes);
  return {
    tokenUrl: str(a.tokenUrl)!,
    grantType,
    fields: {
      client_id: str(a.clientId),
      client_secret: str(a.clientSecret),
      ...(grantType === 'password' ? { username: str(a.username), password: str(a.password) } : {}),
      ...(scopes ? { scope: scopes } : {}),
    },
  };
}

/** A token source: fetches on first use and after expiry; failures come back as `{ error, transient }`. */
export function oauthTokens(oauth: OAuthConfig, env: Record<string, string>, label: string) {
  let held: { token: string; until: number } | undefined;
  return async (
    signal?: AbortSignal,
  ): Promise<{ token: string; secrets: string[] } | { error: string; transient: boolean }> => {
    const rendered = Object.fromEntries(
      Object.entries(oauth.fields)
        .filter((e): e is [string, string] => typeof e[1] === 'string')
        .map(([k, v]) => [k, renderTemplateText(v, { env })]),
    );
    const secrets = [rendered.client_secret, rendered.password].filter((v): v is string => Boolean(v));
    if (held && Date.now() < held.until) return { token: held.token, secrets: [...secrets, held.token] };
    const outcome = await postJson(
      renderTemplateText(oauth.tokenUrl, { env }),
      undefined,
      { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      {
        signal,
        secrets,
        label: `${label}: OAuth token`,
        bodyText: new URLSearchParams({ grant_type: oauth.grantType, ...rendered }).toString(),
        credentialHint: 'check auth.clientId and auth.clientSecret',
      },
    );
    if (!outcome.ok)
      return {
        error: outcome.failure.error ?? 'the token request failed',
        transient: outcome.failure.transient === true,
      };
    const reply = outcome.body as { access_token?: unknown; expires_in?: unknown };
    if (typeof reply?.access_token !== 'string')
      return { error: `${label}: OAuth token: the reply has no access_token`, transient: true };
    const lifetime = typeof reply.expires_in === 'number' ? reply.expires_in * 1000 : 3_600_000;
    held = { token: reply.access_token, until: Date.now() + Math.max(0, lifetime - EARLY_MS) };
    return { token: held.token, secrets: [...secrets, held.token] };
  };
}
