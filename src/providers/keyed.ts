// The shell every keyed HTTP provider shares: its identity, cache identity and limiter endpoint, the one
// wording of a missing key (checked at call time, so a suite loads without keys), and `fail` for errors with
// the provider's secrets scrubbed. The wire format is the caller's.
import type { CallContext, Provider, ProviderResponse, ProviderSpec } from '../types.js';
import { missingKeyMessage } from './credentials.js';
import { endpointOf, failure } from './http.js';
import { cacheIdentityOf } from './secrets.js';

export type Fail = (message: string, transient: boolean) => ProviderResponse;

export function keyedProvider(
  parts: {
    spec: ProviderSpec;
    /** Where calls go (the limiter's key, with a hash of the key). */
    url: string;
    apiKey: string | undefined;
    /** The variable(s) the key is read from, for the missing-key message. */
    keyVars: string;
    secrets: readonly string[];
  },
  call: (prompt: string, context: CallContext, fail: Fail) => Promise<ProviderResponse>,
): Provider {
  const { spec, apiKey, secrets } = parts;
  const fail: Fail = (message, transient) => failure({ label: spec.id, secrets }, message, transient);
  return {
    id: spec.id,
    label: spec.label,
    cacheIdentity: cacheIdentityOf(spec.id, spec.config),
    endpoint: endpointOf(parts.url, apiKey),
    async callApi(prompt, context) {
      if (!apiKey) return fail(missingKeyMessage(parts.keyVars), false);
      return call(prompt, context, fail);
    },
  };
}
