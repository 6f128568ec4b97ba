import { c as cacheIdentityOf } from './index-secrets.js';

function createEchoProvider(spec) {
    return {
        id: spec.id,
        label: spec.label,
        cacheIdentity: cacheIdentityOf(spec.id, spec.config),
        price: { input: 0, output: 0 },
        async callApi(prompt) {
            return { output: prompt, tokenUsage: { prompt: 0, completion: 0, total: 0 }, cost: 0 };
        },
    };
}

export { createEchoProvider };
