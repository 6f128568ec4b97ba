// An output cache in memory, for tests: the disk cache's contract (only what describes an output is kept, and
// readers get a copy) without the files.
import { storable, type CacheStats, type OutputCache } from '../../src/engine/cache.js';
import type { ProviderResponse } from '../../src/types.js';

export class MemoryCache implements OutputCache {
  private readonly entries = new Map<string, string>();
  private readonly counts: CacheStats = { hits: 0, misses: 0, writes: 0 };

  async get(key: string): Promise<ProviderResponse | undefined> {
    const entry = this.entries.get(key);
    if (entry === undefined) {
      this.counts.misses++;
      return undefined;
    }
    this.counts.hits++;
    // A copy, as the disk cache gives: callers may not mutate what is stored.
    return JSON.parse(entry) as ProviderResponse;
  }

  async set(key: string, response: ProviderResponse): Promise<void> {
    const kept = storable(response);
    if (!kept) return;
    this.entries.set(key, JSON.stringify(kept));
    this.counts.writes++;
  }

  stats(): CacheStats {
    return { ...this.counts };
  }
}
