import { cp, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type * as ActionsCache from '@actions/cache';
import {
  listCacheEntries,
  outputCacheKey,
  outputCacheRestoreKeys,
  pruneOutputCache,
  restoreOutputCache,
  saveOutputCache,
  type CacheRestoreApi,
  type CacheSaveApi,
  type OutputCacheLocation,
} from '../../src/cache/actions-cache.js';
import { cacheKey, DiskCache } from '../../src/engine/cache.js';
import type { Logger } from '../../src/types.js';

// The real module must fit the seam the action passes it through (checked when this file compiles).
const realApiFits = (api: typeof ActionsCache): CacheRestoreApi & CacheSaveApi => api;
void realApiFits;

/**
 * The Actions cache service in memory, holding real directory copies. Like the service: a key is
 * immutable once saved, and lookup tries each key in order, exact match first, then the newest prefix match.
 */
class FakeCacheService implements CacheRestoreApi, CacheSaveApi {
  readonly calls: Array<{ op: 'restore' | 'save'; paths: string[]; keys: string[] }> = [];
  private readonly saved: Array<{ key: string; copy: string }> = [];
  failRestore?: Error;
  failSave?: Error;
  available = true;

  constructor(private readonly storeDir: string) {}

  isFeatureAvailable(): boolean {
    return this.available;
  }

  async restoreCache(paths: string[], primaryKey: string, restoreKeys: string[] = []): Promise<string | undefined> {
    this.calls.push({ op: 'restore', paths, keys: [primaryKey, ...restoreKeys] });
    if (this.failRestore) throw this.failRestore;
    for (const wanted of [primaryKey, ...restoreKeys]) {
      const match =
        this.saved.find((s) => s.key === wanted) ?? [...this.saved].reverse().find((s) => s.key.startsWith(wanted));
      if (match) {
        await cp(match.copy, paths[0], { recursive: true });
        return match.key;
      }
    }
    return undefined;
  }

  async saveCache(paths: string[], key: string): Promise<number> {
    this.calls.push({ op: 'save', paths, keys: [key] });
    if (this.failSave) throw this.failSave;
    if (this.saved.some((s) => s.key === key)) throw new Error(`Unable to reserve cache with key ${key}`);
    const copy = path.join(this.storeDir, String(this.saved.length));
    await cp(paths[0], copy, { recursive: true });
    this.saved.push({ key, copy });
    return this.saved.length;
  }

  keys(): string[] {
    return this.saved.map((s) => s.key);
  }
}

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, debug: () => {}, info: (m) => lines.push(`info: ${m}`), warn: (m) => lines.push(`warn: ${m}`) };
}

const keyFor = (prompt: string) =>
  cacheKey({ providerId: 'echo', cacheIdentity: '{}', renderedPrompt: prompt, repeat: 0 });

let tmp: string;
let service: FakeCacheService;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'promptgate-actions-cache-'));
  await mkdir(path.join(tmp, 'service'));
  service = new FakeCacheService(path.join(tmp, 'service'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** One workflow run: a fresh runner (empty cache dir), restore, evaluate (write outputs), save. */
async function workflowRun(ref: string, outputs: string[], logger = recordingLogger()) {
  const runner = await mkdtemp(path.join(tmp, 'runner-'));
  const location: OutputCacheLocation = {
    dir: path.join(runner, 'cache'),
    prefix: 'linux',
    ref,
    defaultBranch: 'main',
    logger,
  };
  const restored = await restoreOutputCache(service, location);
  const disk = new DiskCache(location.dir);
  const hits: string[] = [];
  for (const prompt of outputs) {
    if (await disk.get(keyFor(prompt))) hits.push(prompt);
    else await disk.set(keyFor(prompt), { output: `out:${prompt}` });
  }
  const saved = await saveOutputCache(service, { ...location, restored });
  return { restored, saved, hits, logger, location };
}

describe('the output cache across workflow runs', () => {
  it('a first run restores nothing and saves what it wrote under its ref and the entry-list hash', async () => {
    const run = await workflowRun('refs/heads/main', ['a', 'b']);
    expect(run.restored.restoredKey).toBeUndefined();
    expect(run.hits).toEqual([]);
    expect(run.saved).toEqual({
      saved: true,
      added: 2,
      key: expect.stringMatching(/^promptgate-v1-linux-refs\/heads\/main-[0-9a-f]{16}$/),
    });
    expect(service.calls.map((c) => c.op)).toEqual(['restore', 'save']);
  });

  it('restores by prefix: this ref, then the default branch, then any', async () => {
    await workflowRun('refs/pull/7/merge', ['x']);
    expect(service.calls[0].keys).toEqual([
      'promptgate-v1-linux-refs/pull/7/merge-',
      'promptgate-v1-linux-refs/heads/main-',
      'promptgate-v1-linux-',
    ]);
  });

  it('on the default branch, does not list its own prefix twice', async () => {
    await workflowRun('refs/heads/main', ['x']);
    expect(service.calls[0].keys).toEqual(['promptgate-v1-linux-refs/heads/main-', 'promptgate-v1-linux-']);
  });

  it("a pull request starts from main's latest cache, and an unchanged prompt costs no call", async () => {
    await workflowRun('refs/heads/main', ['a']);
    const latestMain = await workflowRun('refs/heads/main', ['a', 'b']);
    const pr = await workflowRun('refs/pull/7/merge', ['a', 'b', 'c']);
    expect(pr.restored.restoredKey).toBe(latestMain.saved.key);
    expect(pr.hits).toEqual(['a', 'b']);
    expect(pr.saved).toMatchObject({
      saved: true,
      added: 1,
      key: expect.stringMatching(/^promptgate-v1-linux-refs\/pull\/7\/merge-/),
    });
  });

  it("a re-run of the pull request starts from the pull request's own cache", async () => {
    await workflowRun('refs/heads/main', ['a']);
    const first = await workflowRun('refs/pull/7/merge', ['a', 'c']);
    const rerun = await workflowRun('refs/pull/7/merge', ['a', 'c']);
    expect(rerun.restored.restoredKey).toBe(first.saved.key);
    expect(rerun.hits).toEqual(['a', 'c']);
  });

  it('does not save again when nothing was added since the restore', async () => {
    await workflowRun('refs/heads/main', ['a']);
    const again = await workflowRun('refs/heads/main', ['a']);
    expect(again.saved).toEqual({ saved: false, added: 0 });
    expect(service.calls.filter((c) => c.op === 'save')).toHaveLength(1);
    expect(again.logger.lines).toContain('info: no new outputs since the cache was restored; not saving it again');
  });

  it('does not save a cache that was only pruned (nothing new to keep)', async () => {
    await workflowRun('refs/heads/main', ['a', 'b']);
    const runner = await mkdtemp(path.join(tmp, 'runner-'));
    const location: OutputCacheLocation = { dir: path.join(runner, 'cache'), prefix: 'linux', ref: 'refs/heads/main' };
    const restored = await restoreOutputCache(service, location);
    const longAgo = new Date(Date.now() - 30 * 24 * 3600 * 1000);
    await utimes(new DiskCache(location.dir).pathFor(keyFor('a')), longAgo, longAgo);
    expect(await pruneOutputCache(location.dir, 7)).toBe(1);
    expect(await saveOutputCache(service, { ...location, restored })).toEqual({ saved: false, added: 0 });
  });

  it('restores the directory files as written (real files, readable by the disk cache)', async () => {
    await workflowRun('refs/heads/main', ['a']);
    const pr = await workflowRun('refs/pull/1/merge', []);
    const file = new DiskCache(pr.location.dir).pathFor(keyFor('a'));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, response: { output: 'out:a' } });
  });
});

describe('the cache service failing is a warning, never a failed run', () => {
  it('a restore that throws: warns and goes on with the local directory', async () => {
    service.failRestore = new Error('Cache service responded with 503');
    const run = await workflowRun('refs/heads/main', ['a']);
    expect(run.logger.lines).toContain(
      'warn: could not restore the output cache (the run goes on without it): Cache service responded with 503',
    );
    expect(run.saved.saved).toBe(true);
  });

  it('a save that throws: warns and reports not saved', async () => {
    service.failSave = new Error('Unable to reserve cache');
    const run = await workflowRun('refs/heads/main', ['a']);
    expect(run.saved).toMatchObject({ saved: false, added: 1 });
    expect(run.logger.lines).toContain(
      'warn: could not save the output cache (the results are not affected): Unable to reserve cache',
    );
  });

  it('a save the toolkit declined (-1): warns and reports not saved', async () => {
    const declining: CacheSaveApi = { saveCache: async () => -1 };
    const dir = path.join(tmp, 'cache');
    await new DiskCache(dir).set(keyFor('a'), { output: 'x' });
    const logger = recordingLogger();
    const saved = await saveOutputCache(declining, { dir, prefix: 'p', ref: 'refs/heads/main', logger });
    expect(saved.saved).toBe(false);
    expect(logger.lines.some((l) => l.startsWith('warn: the output cache was not saved as promptgate-v1-p-'))).toBe(
      true,
    );
  });

  it('no cache service here (e.g. a self-hosted runner without one): neither restore nor save is called', async () => {
    service.available = false;
    const run = await workflowRun('refs/heads/main', ['a']);
    expect(service.calls).toEqual([]);
    expect(run.saved).toMatchObject({ saved: false, added: 1 });
    expect(run.logger.lines[0]).toBe(
      'info: the Actions cache service is not available here; starting from the local output cache',
    );
  });

  it('refuses a prefix with a comma, which a cache key cannot hold', async () => {
    await expect(restoreOutputCache(service, { dir: tmp, prefix: 'a,b', ref: 'r' })).rejects.toThrow(
      /must not contain a comma/,
    );
  });
});

describe('the saved key', () => {
  const location: OutputCacheLocation = { dir: '/unused', prefix: 'linux', ref: 'refs/pull/3/merge' };

  it('depends only on the entry list, not on its order', () => {
    expect(outputCacheKey(location, ['aa/1.json', 'bb/2.json'])).toBe(
      outputCacheKey(location, ['bb/2.json', 'aa/1.json']),
    );
    expect(outputCacheKey(location, ['aa/1.json', 'bb/2.json'])).not.toBe(outputCacheKey(location, ['aa/1.json']));
  });

  it('an untrusted head (pull_request_target) restores only the default branch and saves where no other run looks', () => {
    const trusted: OutputCacheLocation = { ...location, ref: 'refs/heads/main', defaultBranch: 'main' };
    const untrusted: OutputCacheLocation = { ...trusted, untrustedScope: 'pr-7' };
    expect(outputCacheRestoreKeys(untrusted)).toEqual({
      primaryKey: 'promptgate-v1u-linux-pr-7-',
      restoreKeys: ['promptgate-v1-linux-refs/heads/main-'],
    });
    const saved = outputCacheKey(untrusted, ['aa/1.json']);
    // Restore matches by prefix: no trusted run's keys (own ref, default branch, any) is a prefix of it.
    const trustedKeys = outputCacheRestoreKeys(trusted);
    for (const key of [trustedKeys.primaryKey, ...trustedKeys.restoreKeys]) expect(saved.startsWith(key)).toBe(false);
    const otherPr = outputCacheRestoreKeys({ ...untrusted, untrustedScope: 'pr-8' });
    for (const key of [otherPr.primaryKey, ...otherPr.restoreKeys]) expect(saved.startsWith(key)).toBe(false);
  });

  it('keeps commas out of the ref', () => {
    expect(outputCacheKey({ ...location, ref: 'refs/heads/a,b' }, [])).toMatch(
      /^promptgate-v1-linux-refs\/heads\/a_b-[0-9a-f]{16}$/,
    );
  });

  it('lists entries but not temp files of an interrupted write', async () => {
    const dir = path.join(tmp, 'cache');
    await new DiskCache(dir).set(keyFor('a'), { output: 'x' });
    await writeFile(path.join(dir, keyFor('a').slice(0, 2), '.partial.tmp'), '{');
    expect([...(await listCacheEntries(dir))]).toEqual([`${keyFor('a').slice(0, 2)}/${keyFor('a')}.json`]);
    expect(await listCacheEntries(path.join(tmp, 'missing'))).toEqual(new Set());
  });
});

describe('pruneOutputCache', () => {
  it('drops entries older than the max age and keeps recent ones', async () => {
    const dir = path.join(tmp, 'cache');
    const disk = new DiskCache(dir);
    await disk.set(keyFor('old'), { output: 'old' });
    await disk.set(keyFor('new'), { output: 'new' });
    const now = Date.now();
    const tenDaysAgo = new Date(now - 10 * 24 * 3600 * 1000);
    await utimes(disk.pathFor(keyFor('old')), tenDaysAgo, tenDaysAgo);
    expect(await pruneOutputCache(dir, 7, now)).toBe(1);
    expect(await disk.get(keyFor('old'))).toBeUndefined();
    expect(await disk.get(keyFor('new'))).toEqual({ output: 'new' });
  });

  it.each([0, -1, Number.NaN])('refuses a max age of %p days', async (days) => {
    await expect(pruneOutputCache(tmp, days)).rejects.toThrow(/positive number of days/);
  });
});
