import { sql } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { countCacheLookup } from '../../platform/metrics.ts';

/**
 * What derives from the finder's rows alone (typo expansions, facet counts, totals, the order of the first hits) is cached per
 * database handle while search_version stays the same. Triggers bump that version in the same
 * transaction as any change to service_search or search_word, and every search reads it first,
 * so no app instance serves counts older than the data it reads.
 */
const CACHE_ENTRIES = 1000;
const caches = new WeakMap<Db, { version: bigint; entries: Map<string, Promise<unknown>> }>();

export async function dataVersion(db: Db): Promise<bigint> {
  const { rows } = await sql<{ version: string }>`select version::text as version from search_version`.execute(db);
  return BigInt(rows[0]?.version ?? '0');
}

export function cached<T>(db: Db, version: bigint, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(db);
  // a request that read an older version (a write committed meanwhile) computes without caching
  if (cache && version < cache.version) return compute();
  if (!cache || version > cache.version) caches.set(db, (cache = { version, entries: new Map() }));
  const entries = cache.entries;
  let entry = entries.get(key) as Promise<T> | undefined;
  countCacheLookup('search', entry !== undefined);
  if (entry) entries.delete(key); // re-inserted below: the least recently used entry goes first
  else {
    const computing = compute();
    computing.catch(() => entries.get(key) === computing && entries.delete(key));
    entry = computing;
  }
  entries.set(key, entry);
  if (entries.size > CACHE_ENTRIES) entries.delete(entries.keys().next().value!);
  return entry;
}
