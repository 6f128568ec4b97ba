// Keeps the output cache directory between workflow runs with the Actions cache service, so a re-run of
// a pull request, or a pull request that starts from its base branch's results, makes no call twice.
//
// The cache service's functions are passed in (the action passes @actions/cache's), so this file never
// imports @actions/* and runs in tests against a fake. The service is a speed-up only: every failure of it
// is a warning, never a failure of the run.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { DiskCache } from '../engine/cache.js';
import { sha256Hex } from '../engine/stable-json.js';
import { messageOf, UsageError } from '../errors.js';
import { silentLogger, type Logger } from '../types.js';

/** The part of @actions/cache that restoring needs (its `restoreCache` and `isFeatureAvailable`). */
export interface CacheRestoreApi {
  /** Lookup is by prefix: the newest cache whose key starts with a key wins, trying them in order. */
  restoreCache(paths: string[], primaryKey: string, restoreKeys?: string[]): Promise<string | undefined>;
  isFeatureAvailable?(): boolean;
}

/** The part of @actions/cache that saving needs; `saveCache` resolves to the cache id, -1 when not saved. */
export interface CacheSaveApi {
  saveCache(paths: string[], key: string): Promise<number>;
  isFeatureAvailable?(): boolean;
}

export interface OutputCacheLocation {
  /** The output cache directory. Pass the same string on restore and save: the service keys caches by it. */
  dir: string;
  /** Separates caches of different workflows or working directories; no commas. */
  prefix: string;
  /** The run's ref (GITHUB_REF), e.g. `refs/pull/12/merge` or `refs/heads/main`. */
  ref: string;
  /** The repository's default branch, whose latest cache a new branch or pull request starts from. */
  defaultBranch?: string;
  /**
   * Set on events that run an untrusted head with the base branch's ref (pull_request_target, workflow_run):
   * restore only the default branch's cache, and save under a key of this scope's own that no other run's
   * restore keys can match (its root differs from every trusted key's).
   */
  untrustedScope?: string;
  logger?: Logger;
}

/** What was in the directory right after restoring: saving compares against it. */
export interface RestoredOutputCache {
  /** The key of the cache restored, when one was. */
  restoredKey?: string;
  entries: ReadonlySet<string>;
}

export interface SavedOutputCache {
  saved: boolean;
  /** Entries written since the restore. */
  added: number;
  key?: string;
}

const KEY_VERSION = 'promptgate-v1';

/** Keys may not hold commas (the service splits on them). */
function keyPart(value: string): string {
  return value.replaceAll(',', '_');
}

function keyPrefixes(location: OutputCacheLocation): { own: string; fallbacks: string[] } {
  if (location.prefix.includes(',')) {
    throw new UsageError(`cache prefix "${location.prefix}" must not contain a comma (cache keys cannot hold one)`);
  }
  const root = `${KEY_VERSION}-${location.prefix}-`;
  if (location.untrustedScope !== undefined) {
    const own = `${KEY_VERSION}u-${location.prefix}-${keyPart(location.untrustedScope)}-`;
    const branch = location.defaultBranch ? `${root}refs/heads/${keyPart(location.defaultBranch)}-` : undefined;
    return { own, fallbacks: branch ? [branch] : [] };
  }
  const own = `${root}${keyPart(location.ref)}-`;
  const fallbacks = [
    location.defaultBranch ? `${root}refs/heads/${keyPart(location.defaultBranch)}-` : undefined,
    root,
  ];
  return { own, fallbacks: fallbacks.filter((k): k is string => k !== undefined && k !== own) };
}

/** The key a directory with these entries is saved under: it changes exactly when the entry list does. */
export function outputCacheKey(location: OutputCacheLocation, entries: Iterable<string>): string {
  return `${keyPrefixes(location).own}${entryListHash(entries)}`;
}

/** Restore keys, most specific first: this ref's latest cache, then the default branch's, then any. */
export function outputCacheRestoreKeys(location: OutputCacheLocation): { primaryKey: string; restoreKeys: string[] } {
  const { own, fallbacks } = keyPrefixes(location);
  return { primaryKey: own, restoreKeys: fallbacks };
}

export function entryListHash(entries: Iterable<string>): string {
  return sha256Hex([...entries].sort().join('\n')).slice(0, 16);
}

/** Repository-independent names of the cache's entries (`ab/abcd….json`); temp files of a crashed write excluded. */
export async function listCacheEntries(dir: string): Promise<Set<string>> {
  const entries = new Set<string>();
  const walk = async (relative: string): Promise<void> => {
    let children;
    try {
      children = await readdir(path.join(dir, relative), { withFileTypes: true });
    } catch {
      return; // No directory yet: nothing cached.
    }
    for (const child of children) {
      const name = relative ? `${relative}/${child.name}` : child.name;
      if (child.isDirectory()) await walk(name);
      else if (child.isFile() && !child.name.endsWith('.tmp')) entries.add(name);
    }
  };
  await walk('');
  return entries;
}

function serviceAvailable(api: { isFeatureAvailable?(): boolean }, logger: Logger, what: string): boolean {
  if (!api.isFeatureAvailable || api.isFeatureAvailable()) return true;
  logger.info(`the Actions cache service is not available here; ${what}`);
  return false;
}

export async function restoreOutputCache(
  api: CacheRestoreApi,
  location: OutputCacheLocation,
): Promise<RestoredOutputCache> {
  const logger = location.logger ?? silentLogger;
  const { primaryKey, restoreKeys } = outputCacheRestoreKeys(location);
  let restoredKey: string | undefined;
  if (serviceAvailable(api, logger, 'starting from the local output cache')) {
    try {
      restoredKey = await api.restoreCache([location.dir], primaryKey, restoreKeys);
      logger.info(
        restoredKey ? `output cache restored from ${restoredKey}` : 'no saved output cache yet; starting empty',
      );
    } catch (error) {
      logger.warn(`could not restore the output cache (the run goes on without it): ${messageOf(error)}`);
    }
  }
  return { ...(restoredKey !== undefined ? { restoredKey } : {}), entries: await listCacheEntries(location.dir) };
}

/**
 * Saves the directory when the run added entries since `restored` (pruning alone is not worth an upload).
 * Without `restored`, any entry counts as added.
 */
export async function saveOutputCache(
  api: CacheSaveApi,
  location: OutputCacheLocation & { restored?: RestoredOutputCache },
): Promise<SavedOutputCache> {
  const logger = location.logger ?? silentLogger;
  const entries = await listCacheEntries(location.dir);
  const before = location.restored?.entries ?? new Set<string>();
  const added = [...entries].filter((e) => !before.has(e)).length;
  if (added === 0) {
    logger.info('no new outputs since the cache was restored; not saving it again');
    return { saved: false, added };
  }
  const key = outputCacheKey(location, entries);
  if (!serviceAvailable(api, logger, `the ${added} new outputs are not kept for the next run`)) {
    return { saved: false, added, key };
  }
  try {
    const id = await api.saveCache([location.dir], key);
    if (id === -1) {
      logger.warn(`the output cache was not saved as ${key} (see the cache service's message above)`);
      return { saved: false, added, key };
    }
    logger.info(`output cache saved as ${key} (${added} new outputs, ${entries.size} in all)`);
    return { saved: true, added, key };
  } catch (error) {
    logger.warn(`could not save the output cache (the results are not affected): ${messageOf(error)}`);
    return { saved: false, added, key };
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Drops entries written more than `maxAgeDays` ago, so a long-lived cache does not grow without bound. */
export async function pruneOutputCache(dir: string, maxAgeDays: number, now: number = Date.now()): Promise<number> {
  if (!(maxAgeDays > 0)) throw new UsageError(`cache max age must be a positive number of days, got ${maxAgeDays}`);
  return new DiskCache(dir).prune(maxAgeDays * DAY_MS, now);
}
