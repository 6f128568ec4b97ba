// Shared by the provider tests: one call with a minimal context.
import type { CallContext, Provider, ProviderResponse } from '../../src/types.js';

export function contextFor(vars: Record<string, unknown> = {}, signal?: AbortSignal): CallContext {
  return { vars, prompt: { id: 'p1', label: 'p1', raw: '{{question}}' }, signal };
}

export function call(
  provider: Provider,
  prompt: string,
  options: { vars?: Record<string, unknown>; signal?: AbortSignal } = {},
): Promise<ProviderResponse> {
  return provider.callApi(prompt, contextFor(options.vars, options.signal));
}
