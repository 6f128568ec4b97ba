import { m as missingKeyMessage } from './index-credentials.js';
import { e as endpointOf, f as failure } from './index-http.js';
import { c as cacheIdentityOf } from './index-secrets.js';

function keyedProvider(parts, call) {
    const { spec, apiKey, secrets } = parts;
    const fail = (message, transient) => failure({ label: spec.id, secrets }, message, transient);
    return {
        id: spec.id,
        label: spec.label,
        cacheIdentity: cacheIdentityOf(spec.id, spec.config),
        endpoint: endpointOf(parts.url, apiKey),
        async callApi(prompt, context) {
            if (!apiKey)
                return fail(missingKeyMessage(parts.keyVars), false);
            return call(prompt, context, fail);
        },
    };
}

export { keyedProvider as k };
