import { mkdtemp, readdir, rm, utimes, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { cacheKey, DiskCache, type CacheKeyParts } from '../../src/engine/cache.js';
import { MemoryCache } from '../support/memory-cache.js';

const parts: CacheKeyParts = {
  providerId: 'openai:chat:gpt-4o-mini',
  cacheIdentity: '{"model":"gpt-4o-mini","temperature":0}',
  renderedPrompt: 'Summarise: the cat sat',
  repeat: 0,
};

describe('cacheKey', () => {
  test('is a sha256 hex digest, the same for the same parts', () => {
    expect(cacheKey(parts)).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey({ ...parts })).toBe(cacheKey(parts));
  });

  test.each<[string, Partial<CacheKeyParts>]>([
    ['provider id', { providerId: 'openai:chat:gpt-4o' }],
    ['config identity', { cacheIdentity: '{"model":"gpt-4o-mini","temperature":0.7}' }],
    ['rendered prompt', { renderedPrompt: 'Summarise: the dog sat' }],
    ['repeat', { repeat: 1 }],
  ])('changes with the %s', (_name, change) => {
    expect(cacheKey({ ...parts, ...change })).not.toBe(cacheKey(parts));
  });
});

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('DiskCache', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'promptgate-cache-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const key = cacheKey(parts);

  test('returns what was stored, sharded by key prefix, counting hits, misses and writes', async () => {
    const cache = new DiskCache(dir);
    expect(await cache.get(key)).toBeUndefined();
    await cache.set(key, { output: { answer: 42 }, tokenUsage: { prompt: 3, completion: 2 }, cost: 0.001 });
    expect(await cache.get(key)).toEqual({
      output: { answer: 42 },
      tokenUsage: { prompt: 3, completion: 2 },
      cost: 0.001,
    });
    expect(await allFiles(dir)).toEqual([path.join(key.slice(0, 2), `${key}.json`)]);
    expect(cache.stats()).toEqual({ hits: 1, misses: 1, writes: 1 });
  });

  test('a second instance over the same directory sees the entry', async () => {
    await new DiskCache(dir).set(key, { output: 'persisted' });
    expect(await new DiskCache(dir).get(key)).toEqual({ output: 'persisted' });
  });

  test.each([
    ['an error', { error: 'HTTP 500', transient: true }],
    ['a permanent error with output', { output: 'partial', error: 'content filter' }],
    ['no output', {}],
  ])('never stores %s', async (_name, response) => {
    const cache = new DiskCache(dir);
    await cache.set(key, response);
    expect(await allFiles(dir)).toEqual([]);
    expect(cache.stats().writes).toBe(0);
  });

  test("keeps the provider's metadata (a knowledge base's citations), which a contextTransform reads on a hit", async () => {
    const cache = new DiskCache(dir);
    const key = cacheKey(parts);
    const metadata = { citations: [{ retrievedReferences: [{ content: { text: 'chunk' } }] }] };
    await cache.set(key, { output: 'answer', metadata, transient: false });
    expect(await new DiskCache(dir).get(key)).toEqual({ output: 'answer', metadata });
  });

  test("keeps the provider's guardrail verdict, which the guardrails assertion judges on a hit", async () => {
    const cache = new DiskCache(dir);
    const key = cacheKey(parts);
    const guardrails = { flagged: true, flaggedInput: true, flaggedOutput: false, reason: 'Prompt Injection' };
    await cache.set(key, { output: 'BLOCKED', guardrails });
    expect(await new DiskCache(dir).get(key)).toEqual({ output: 'BLOCKED', guardrails });
  });

  test('drops retry hints, keeping only what describes the output', async () => {
    const cache = new DiskCache(dir);
    await cache.set(key, { output: 'x', transient: false, retryAfterMs: 5 });
    expect(await cache.get(key)).toEqual({ output: 'x' });
  });

  test.each([
    ['truncated JSON', '{"version":1,"response":{"out'],
    ['an empty file', ''],
    ['another version', '{"version":0,"response":{"output":"old"}}'],
    ['an entry without output', '{"version":1,"response":{}}'],
    ['a stored error', '{"version":1,"response":{"output":null,"error":"x"}}'],
  ])('treats %s as a miss and removes it', async (_name, content) => {
    const cache = new DiskCache(dir);
    const file = cache.pathFor(key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    expect(await cache.get(key)).toBeUndefined();
    expect(cache.stats()).toEqual({ hits: 0, misses: 1, writes: 0 });
    expect(await allFiles(dir)).toEqual([]);
  });

  test('writes atomically: concurrent writes leave whole entries and no temp files', async () => {
    const cache = new DiskCache(dir);
    const keys = Array.from({ length: 30 }, (_, i) => cacheKey({ ...parts, repeat: i }));
    await Promise.all(keys.flatMap((k, i) => [cache.set(k, { output: `a${i}` }), cache.set(k, { output: `a${i}` })]));
    const files = await allFiles(dir);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files).toHaveLength(30);
    for (const [i, k] of keys.entries()) expect(await cache.get(k)).toEqual({ output: `a${i}` });
  });

  test('rejects a key that is not a sha256 digest (it becomes a path)', async () => {
    await expect(new DiskCache(dir).get('../../etc/passwd')).rejects.toThrow(/64 lowercase hex/);
  });

  test('prune deletes entries older than maxAge and counts them', async () => {
    const cache = new DiskCache(dir);
    const oldKeys = [0, 1, 2].map((r) => cacheKey({ ...parts, repeat: r }));
    const freshKey = cacheKey({ ...parts, repeat: 9 });
    for (const k of [...oldKeys, freshKey]) await cache.set(k, { output: 'x' });
    const now = Date.now();
    const twoDaysAgo = new Date(now - 2 * 86_400_000);
    for (const k of oldKeys) await utimes(cache.pathFor(k), twoDaysAgo, twoDaysAgo);
    // A temp file stranded by a crash is swept too, but is not an entry.
    const stray = path.join(path.dirname(cache.pathFor(freshKey)), '.stray.tmp');
    await writeFile(stray, '{"ver');
    await utimes(stray, twoDaysAgo, twoDaysAgo);

    expect(await cache.prune(86_400_000, now)).toBe(3);
    expect(await allFiles(dir)).toEqual([path.relative(dir, cache.pathFor(freshKey))]);
    expect(await cache.get(freshKey)).toEqual({ output: 'x' });
  });

  test('a hit marks the entry as used, so prune keeps what is still read', async () => {
    const cache = new DiskCache(dir);
    const [readKey, unreadKey] = [0, 1].map((r) => cacheKey({ ...parts, repeat: r }));
    for (const k of [readKey!, unreadKey!]) await cache.set(k, { output: 'x' });
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    for (const k of [readKey!, unreadKey!]) await utimes(cache.pathFor(k), twoDaysAgo, twoDaysAgo);

    expect(await cache.get(readKey!)).toEqual({ output: 'x' });
    expect(await cache.prune(86_400_000)).toBe(1);
    expect(await allFiles(dir)).toEqual([path.relative(dir, cache.pathFor(readKey!))]);
  });

  test('prune of a missing directory removes nothing', async () => {
    expect(await new DiskCache(path.join(dir, 'never-created')).prune(0)).toBe(0);
  });
});

describe('MemoryCache', () => {
  test('behaves like the disk cache: successes only, copies out, counts', async () => {
    const cache = new MemoryCache();
    const key = cacheKey(parts);
    await cache.set(key, { error: 'HTTP 429', transient: true });
    expect(await cache.get(key)).toBeUndefined();
    await cache.set(key, { output: { list: [1] } });
    const first = await cache.get(key);
    (first!.output as { list: number[] }).list.push(2);
    expect(await cache.get(key)).toEqual({ output: { list: [1] } });
    expect(cache.stats()).toEqual({ hits: 2, misses: 1, writes: 1 });
  });
});
