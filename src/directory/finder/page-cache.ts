import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { keptBody, sendKeptBody, type KeptBody } from '../../platform/http/compress.ts';
import { countCacheLookup } from '../../platform/metrics.ts';

/**
 * Finder pages as sent to the public, kept in memory per database handle while the data they show
 * stays the same: the finder's rows (search_version) and the directory (directory_version, which
 * moves with any change to an offer, so the texts a hit shows are covered too), both read per
 * request in one cheap statement, so every instance sees a change committed by any other at its
 * next request. The key (made by the finder's route) holds everything else a page depends on: the language, the
 * site's origin, the address as asked (query included) and the freshness cut-offs (the Oslo day
 * and the thresholds). Only pages of readers who are not signed in are kept (the layout of a
 * signed-in one holds their name and a CSRF token), and only whole, successful ones. Each is
 * compressed once per encoding and kept with its text. Bounded by bytes, least recently used out first.
 */
export const FINDER_PAGE_CACHE_BYTES = 32 * 1024 * 1024;

const kept = new WeakMap<Db, { state: string; pages: Map<string, KeptBody>; bytes: number }>();
const sizeOf = (page: KeptBody) => 2 * page.text.length + page.bytes.length;

/** The state of the data a finder page shows, read in one statement. */
export async function finderState(db: Db): Promise<string> {
  const { rows } = await sql<{ state: string }>`
    select (select version from search_version)::text || ':' || (select version from directory_version)::text as state`.execute(db);
  return rows[0]?.state ?? '';
}

export function keptFinderPage(db: Db, state: string, key: string): KeptBody | undefined {
  const store = kept.get(db);
  const page = store?.state === state ? store.pages.get(key) : undefined;
  countCacheLookup('finder_page', page !== undefined);
  if (page) {
    store!.pages.delete(key); // re-inserted: the least recently used entry stays first
    store!.pages.set(key, page);
  }
  return page;
}

export function keepFinderPage(db: Db, state: string, key: string, html: string): KeptBody {
  const page = keptBody(html);
  let store = kept.get(db);
  if (!store || store.state !== state) kept.set(db, (store = { state, pages: new Map(), bytes: 0 }));
  const before = store.pages.get(key);
  if (before) store.bytes -= sizeOf(before);
  store.pages.delete(key);
  store.pages.set(key, page);
  store.bytes += sizeOf(page);
  for (const [oldest, value] of store.pages) {
    if (store.bytes <= FINDER_PAGE_CACHE_BYTES) break;
    store.pages.delete(oldest);
    store.bytes -= sizeOf(value);
  }
  return page;
}

/** Sends a kept page, compressed as the client accepts, once per encoding. */
export function sendKeptFinderPage(request: FastifyRequest, reply: FastifyReply, page: KeptBody): Promise<FastifyReply> {
  return sendKeptBody(request, reply.status(200).type('text/html; charset=utf-8'), page);
}
