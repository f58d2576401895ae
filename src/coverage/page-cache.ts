// What the atlas's pages derive from one atlas state (a municipality's figures, the figures of
// one /dekning query, the snapshot history), kept with that state object: a new data stamp brings
// a new state, and everything derived from the old one goes with it. Each kind keeps at most a
// fixed number of entries, the least recently used leaving first. Lookups count as the
// 'atlas_page' cache in /metrics.
import { countCacheLookup } from '../platform/metrics.ts';
import type { AtlasState } from './service.ts';

const kept = new WeakMap<AtlasState, Map<string, Map<string, unknown>>>();

/** The value for `key` of kind `kind` derived from `state`, computed on first use. */
export function derived<T>(state: AtlasState, kind: string, key: string, limit: number, compute: () => T): T {
  let kinds = kept.get(state);
  if (!kinds) kept.set(state, (kinds = new Map()));
  let entries = kinds.get(kind);
  if (!entries) kinds.set(kind, (entries = new Map()));
  const hit = entries.has(key);
  countCacheLookup('atlas_page', hit);
  if (hit) {
    const value = entries.get(key) as T;
    entries.delete(key); // re-inserted last: the most recently used
    entries.set(key, value);
    return value;
  }
  const value = compute();
  entries.set(key, value);
  if (entries.size > limit) entries.delete(entries.keys().next().value!);
  if (value instanceof Promise) value.catch(() => entries.get(key) === value && entries.delete(key));
  return value;
}
