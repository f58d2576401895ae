import type { Db } from './db/index.ts';
import { countCacheLookup, type CacheName } from './metrics.ts';

/**
 * Answers derived from the database (a page as sent, the ordered ids of a search) kept in memory
 * per database handle for one generation of the data: a stamp the caller reads per request in one
 * cheap statement (data versions that triggers move in the same transaction as any change, and the
 * Oslo day where the answer depends on it). A new stamp starts a new, empty generation, so no
 * instance serves an answer older than the data it has just read, whichever instance wrote.
 *
 * - `order` says which of two stamps is newer (the versions only grow): a request that read an
 *   older stamp than the one kept (a write committed meanwhile) is answered without keeping.
 * - Memory is bounded by an estimate of each answer's size; the least recently used go first.
 * - `answer` computes a missing answer once however many requests ask for it meanwhile (they
 *   share its promise); when `size` says `null` (a page with errors, a redirect) the result goes
 *   to those waiting for it and is not kept.
 */
export interface Stamp {
  /** equal for the same data */
  key: string;
  /** grows with the data: a smaller order is older data */
  order: number;
}

interface Entry {
  value: Promise<unknown>;
  bytes: number;
}
interface Generation {
  stamp: Stamp;
  entries: Map<string, Entry>;
  bytes: number;
}

export interface KeptAnswers {
  /** The answer kept under key for this stamp, computed now (once for all who ask meanwhile) when it is not kept; kept if size gives a number. */
  answer<T>(db: Db, stamp: Stamp, key: string, compute: () => Promise<T>, size: (value: T) => number | null): Promise<T>;
}

/** A store of kept answers, counted in /metrics as `cache`, holding at most about maxBytes per database handle. */
export function keptAnswers(cache: CacheName, maxBytes: number): KeptAnswers {
  const generations = new WeakMap<Db, Generation>();

  /** The generation for this stamp, or undefined when the stamp is older than the kept one. */
  function generationOf(db: Db, stamp: Stamp): Generation | undefined {
    const kept = generations.get(db);
    if (kept?.stamp.key === stamp.key) return kept;
    if (kept && stamp.order < kept.stamp.order) return undefined;
    const fresh: Generation = { stamp, entries: new Map(), bytes: 0 };
    generations.set(db, fresh);
    return fresh;
  }

  function counted(generation: Generation, entry: Entry, bytes: number): void {
    entry.bytes = bytes;
    generation.bytes += bytes;
    for (const [oldest, old] of generation.entries) {
      if (generation.bytes <= maxBytes) break;
      generation.entries.delete(oldest);
      generation.bytes -= old.bytes;
    }
  }

  function found(generation: Generation | undefined, key: string): Entry | undefined {
    const entry = generation?.entries.get(key);
    countCacheLookup(cache, entry !== undefined);
    if (entry) {
      // re-inserted: the least recently used entry is the first in the map
      generation!.entries.delete(key);
      generation!.entries.set(key, entry);
    }
    return entry;
  }

  return {
    answer<T>(db: Db, stamp: Stamp, key: string, compute: () => Promise<T>, size: (value: T) => number | null): Promise<T> {
      const generation = generationOf(db, stamp);
      const kept = found(generation, key);
      if (kept) return kept.value as Promise<T>;
      if (!generation) return compute();
      const entry: Entry = { value: compute(), bytes: 0 };
      generation.entries.set(key, entry);
      entry.value.then((value) => {
        if (generation.entries.get(key) !== entry) return;
        const bytes = size(value as T);
        if (bytes === null) generation.entries.delete(key);
        else counted(generation, entry, bytes);
      }, () => {
        if (generation.entries.get(key) === entry) generation.entries.delete(key);
      });
      return entry.value as Promise<T>;
    },
  };
}

/** Estimated bytes held by a list of ids (a UUID string and its slot). */
export const idListBytes = (ids: readonly string[]) => 96 * ids.length + 64;

/**
 * A read of a data stamp shared by the requests that wait for it, never older than any of them:
 * a request joins the read that starts next (when one is running, the one after it), so what it
 * gets was read after it arrived, and a change committed before it arrived is seen. Under load
 * each process then sends one stamp statement at a time instead of one per request.
 */
export function sharedFreshRead<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let next: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const reading = read();
    running = reading;
    next = null;
    const done = () => { if (running === reading) running = null; };
    reading.then(done, done);
    return reading;
  };
  return () => {
    if (!running) return start();
    next ??= running.then(start, start);
    return next;
  };
}
