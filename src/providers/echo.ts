// promptfoo's `echo` provider: the output is the prompt. Free, instant, deterministic — for wiring checks and demos.
import type { Provider, ProviderSpec } from '../types.js';
import { cacheIdentityOf } from './secrets.js';

export function createEchoProvider(spec: ProviderSpec): Provider {
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
