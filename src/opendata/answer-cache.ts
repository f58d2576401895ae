import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/index.ts';
import { keptBody, sendKeptBody, type KeptBody } from '../platform/http/compress.ts';
import type { Validators } from './conditional.ts';

/**
 * What the open-data lists derive from the directory (the ordered ids a search matches, a page's
 * JSON as sent) kept in memory per database handle while the directory's data version and the
 * Oslo day stay the same: the validators every open-data answer reads first (conditional.ts, one
 * one-row query), so no instance serves an answer older than the data version it just read, and
 * a change through any write path (the triggers of migrations 0008 and 0029 bump the version in
 * the same transaction) shows at the next request on every instance. A miss is computed once
 * however many requests ask for it meanwhile (they share the promise). Memory is bounded by an
 * estimate of each value's size: the least recently used entries go first.
 */

/** Bytes of estimated value size kept per database handle. */
export const ANSWER_CACHE_BYTES = 48 * 1024 * 1024;

interface Entry {
  value: Promise<unknown>;
  bytes: number;
}
interface Generation {
  version: number;
  day: string;
  entries: Map<string, Entry>;
  bytes: number;
}
const generations = new WeakMap<Db, Generation>();

/** Estimated bytes held by a list of ids (a UUID string and its slot). */
export const idListBytes = (ids: readonly string[]) => 96 * ids.length + 64;
/** Estimated bytes held by a string (UTF-16 at worst). */
export const textBytes = (text: string) => 2 * text.length + 64;

/**
 * The value for `key` at the validators' version and day, computed now when it is not kept.
 * A request that read an older version than the one kept (a write committed meanwhile) computes
 * without keeping.
 */
export function cachedAnswer<T>(db: Db, validators: Pick<Validators, 'version' | 'day'>, key: string, compute: () => Promise<T>, size: (value: T) => number): Promise<T> {
  let generation = generations.get(db);
  if (generation && validators.version < generation.version) return compute();
  if (!generation || validators.version > generation.version || validators.day !== generation.day) {
    generations.set(db, (generation = { version: validators.version, day: validators.day, entries: new Map(), bytes: 0 }));
  }
  const kept = generation;
  const found = kept.entries.get(key);
  if (found) {
    // re-inserted: the least recently used entry is the first in the map
    kept.entries.delete(key);
    kept.entries.set(key, found);
    return found.value as Promise<T>;
  }
  const entry: Entry = { value: compute(), bytes: 0 };
  kept.entries.set(key, entry);
  entry.value.then((value) => {
    if (kept.entries.get(key) !== entry) return;
    entry.bytes = size(value as T);
    kept.bytes += entry.bytes;
    for (const [oldest, old] of kept.entries) {
      if (kept.bytes <= ANSWER_CACHE_BYTES) break;
      kept.entries.delete(oldest);
      kept.bytes -= old.bytes;
    }
  }, () => {
    if (kept.entries.get(key) === entry) kept.entries.delete(key);
  });
  return entry.value as Promise<T>;
}

/**
 * Sends the answer kept under `key` (built now when it is not kept) with this content type,
 * compressed as the client accepts, once per encoding (platform/http/compress.ts sendKeptBody).
 */
export async function sendKept(request: FastifyRequest, reply: FastifyReply, db: Db, validators: Pick<Validators, 'version' | 'day'>, key: string, type: string,
  build: () => Promise<string>): Promise<FastifyReply> {
  const kept = await cachedAnswer<KeptBody>(db, validators, key, async () => keptBody(await build()),
    (answer) => textBytes(answer.text) + answer.bytes.length * 1.5); // and room for its compressed forms, each far smaller
  reply.type(type);
  return sendKeptBody(request, reply, kept);
}
