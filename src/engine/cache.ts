// A content-addressed output cache. The key is a hash of everything that determines the output, so a
// changed prompt, model setting or repeat index is simply a different entry: nothing ever needs evicting
// for correctness, only pruning for disk space.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProviderResponse } from '../types.js';
import { sha256Hex, stableStringify } from './stable-json.js';

export interface CacheKeyParts {
  providerId: string;
  /** Provider.cacheIdentity: model, temperature, ... (never secrets). */
  cacheIdentity: string;
  renderedPrompt: string;
  /** Part of the key so `repeat: 3` samples three outputs instead of replaying one. */
  repeat: number;
}

export function cacheKey(parts: CacheKeyParts): string {
  return sha256Hex(
    stableStringify({
      providerId: parts.providerId,
      cacheIdentity: parts.cacheIdentity,
      renderedPrompt: parts.renderedPrompt,
      repeat: parts.repeat,
    }),
  );
}

export interface CacheStats {
  hits: number;
  misses: number;
  writes: number;
}

export interface OutputCache {
  get(key: string): Promise<ProviderResponse | undefined>;
  /** Stores a successful response; responses carrying an error are ignored. */
  set(key: string, response: ProviderResponse): Promise<void>;
  stats(): CacheStats;
}

/** Only what describes the output is kept: never an error, never retry hints. */
export function storable(response: ProviderResponse): ProviderResponse | undefined {
  if (response.error !== undefined || response.output === undefined) return undefined;
  const kept: ProviderResponse = { output: response.output };
  if (response.tokenUsage) kept.tokenUsage = response.tokenUsage;
  if (response.cost !== undefined) kept.cost = response.cost;
  // A knowledge base's citations, an agent's trace: what a contextTransform reads on a cache hit too.
  if (response.metadata !== undefined) kept.metadata = response.metadata;
  // A guardrail's verdict is part of the answer: a cache hit must be judged as the call was.
  if (response.guardrails !== undefined) kept.guardrails = response.guardrails;
  return kept;
}

const ENTRY_VERSION = 1;
const KEY_PATTERN = /^[0-9a-f]{64}$/;

interface StoredEntry {
  version: typeof ENTRY_VERSION;
  response: ProviderResponse;
}

/**
 * Entries live at `<dir>/<first two hex digits>/<key>.json` so no directory grows past a few thousand
 * files. Each is written to a temp file in the same directory and renamed into place: rename is atomic
 * on one filesystem, so a crash leaves either the old state or the whole new entry, never half of one.
 */
export class DiskCache implements OutputCache {
  private readonly counts: CacheStats = { hits: 0, misses: 0, writes: 0 };
  /** Hits whose mtime update is still in flight (prune waits for them). */
  private readonly touching = new Set<Promise<void>>();

  constructor(readonly dir: string) {}

  pathFor(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new Error(`cache key must be 64 lowercase hex digits (sha256), got "${key}"`);
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<ProviderResponse | undefined> {
    const file = this.pathFor(key);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      this.counts.misses++;
      return undefined;
    }
    const response = parseEntry(text);
    if (!response) {
      // Corrupt or from an incompatible version: treat as a miss and clear it so it is rewritten.
      await rm(file, { force: true });
      this.counts.misses++;
      return undefined;
    }
    this.counts.hits++;
    this.touch(file);
    return response;
  }

  /**
   * Marks an entry as used by setting its mtime to now, so `prune` (which goes by mtime) keeps what is
   * still read. Not awaited: a hit must not wait for a metadata write, and a failed touch only means the
   * entry may be pruned and fetched again.
   */
  private touch(file: string): void {
    const now = new Date();
    const touched: Promise<void> = utimes(file, now, now)
      .catch(() => {})
      .finally(() => this.touching.delete(touched));
    this.touching.add(touched);
  }

  async set(key: string, response: ProviderResponse): Promise<void> {
    const kept = storable(response);
    if (!kept) return;
    const file = this.pathFor(key);
    const shard = path.dirname(file);
    await mkdir(shard, { recursive: true });
    const temp = path.join(shard, `.${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const entry: StoredEntry = { version: ENTRY_VERSION, response: kept };
    try {
      await writeFile(temp, JSON.stringify(entry));
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    this.counts.writes++;
  }

  /** Deletes entries (and stray temp files) not written or read within `maxAgeMs`; returns how many entries went. */
  async prune(maxAgeMs: number, now: number = Date.now()): Promise<number> {
    await Promise.all(this.touching);
    let removed = 0;
    for (const shard of await listDir(this.dir)) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      const shardDir = path.join(this.dir, shard);
      for (const name of await listDir(shardDir)) {
        const file = path.join(shardDir, name);
        const info = await stat(file).catch(() => undefined);
        if (!info?.isFile() || now - info.mtimeMs <= maxAgeMs) continue;
        await rm(file, { force: true });
        if (name.endsWith('.json')) removed++;
      }
    }
    return removed;
  }

  stats(): CacheStats {
    return { ...this.counts };
  }
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

function parseEntry(text: string): ProviderResponse | undefined {
  try {
    const entry = JSON.parse(text) as Partial<StoredEntry> | null;
    if (!entry || entry.version !== ENTRY_VERSION) return undefined;
    const response = entry.response;
    if (!response || typeof response !== 'object' || !('output' in response) || response.error !== undefined) {
      return undefined;
    }
    return response;
  } catch {
    return undefined;
  }
}
