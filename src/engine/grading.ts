// The grading provider for model-graded assertions: the suite's first provider unless the test or the
// assertion names another, which is resolved on first use (most suites never need one) and memoised.
import type { Provider, ProviderSpec } from '../types.js';
import { stableStringify } from './stable-json.js';

export type ResolveProviders = (
  specs: ProviderSpec[],
  options: { rootDir: string; env: NodeJS.ProcessEnv; configFile?: string },
) => Promise<Provider[]>;

/** One grader: an id or `{id, config}`; undefined for the suite's default (per-kind graders are read with graderFor). */
export type GradingProviderSpec = string | ProviderSpec | undefined;

export function createGradingProviders(options: {
  defaultProvider: Provider | undefined;
  resolveProviders: ResolveProviders;
  rootDir: string;
  /** Named in errors about a provider spec. */
  configFile?: string;
  env: NodeJS.ProcessEnv;
}): (spec: GradingProviderSpec) => Promise<Provider> {
  const resolved = new Map<string, Promise<Provider>>();
  return async (spec) => {
    if (spec === undefined) {
      if (!options.defaultProvider) throw new Error('no grading provider: the suite has no providers');
      return options.defaultProvider;
    }
    const normalised: ProviderSpec = typeof spec === 'string' ? { id: spec, config: {} } : spec;
    const key = stableStringify(normalised);
    let provider = resolved.get(key);
    if (!provider) {
      provider = options
        .resolveProviders([normalised], {
          rootDir: options.rootDir,
          env: options.env,
          ...(options.configFile !== undefined ? { configFile: options.configFile } : {}),
        })
        .then((providers) => {
          const first = providers[0];
          if (!first) throw new Error(`grading provider "${normalised.id}" did not resolve to a provider`);
          return first;
        });
      resolved.set(key, provider);
    }
    return provider;
  };
}
