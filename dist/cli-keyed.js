import { M as missingKeyMessage, e as endpointOf, c as cacheIdentityOf, f as failure } from './cli-main.js';

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
