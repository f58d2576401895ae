import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { addVary, compressBody, MIN_COMPRESS_BYTES, negotiateEncoding, type Encoding } from '../../platform/http/compress.ts';
import { countCacheLookup } from '../../platform/metrics.ts';

/**
 * Finder pages as sent to the public, kept in memory per database handle while the data they show
 * stays the same: the finder's rows (search_version) and the directory (directory_version, which
 * moves with any change to an offer, so the texts a hit shows are covered too), both read per
 * request in one cheap statement, so every instance sees a change committed by any other at its
 * next request. The key (finderPageKey) holds everything else a page depends on: the language, the
 * site's origin, the address as asked (query included) and the freshness cut-offs (the Oslo day
 * and the thresholds). Only pages of readers who are not signed in are kept (the layout of a
 * signed-in one holds their name and a CSRF token), and only whole, successful ones. Each is
 * compressed once per encoding and kept with its text. Bounded by bytes, least recently used out first.
 */
export const FINDER_PAGE_CACHE_BYTES = 32 * 1024 * 1024;

interface KeptPage {
  html: string;
  bytes: Buffer;
  compressed: Partial<Record<Encoding, Promise<Buffer>>>;
}

const kept = new WeakMap<Db, { state: string; pages: Map<string, KeptPage>; bytes: number }>();
const sizeOf = (page: KeptPage) => 2 * page.html.length + page.bytes.length;

/** The state of the data a finder page shows, read in one statement. */
export async function finderState(db: Db): Promise<string> {
  const { rows } = await sql<{ state: string }>`
    select (select version from search_version)::text || ':' || (select version from directory_version)::text as state`.execute(db);
  return rows[0]?.state ?? '';
}

export function keptFinderPage(db: Db, state: string, key: string): KeptPage | undefined {
  const store = kept.get(db);
  const page = store?.state === state ? store.pages.get(key) : undefined;
  countCacheLookup('finder_page', page !== undefined);
  if (page) {
    store!.pages.delete(key); // re-inserted: the least recently used entry stays first
    store!.pages.set(key, page);
  }
  return page;
}

export function keepFinderPage(db: Db, state: string, key: string, html: string): KeptPage {
  const page: KeptPage = { html, bytes: Buffer.from(html), compressed: {} };
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

/** Sends a kept page, compressed as the client accepts (as platform/http/compress.ts would), once per encoding. */
export async function sendKeptFinderPage(request: FastifyRequest, reply: FastifyReply, page: KeptPage): Promise<FastifyReply> {
  reply.status(200).type('text/html; charset=utf-8');
  if (page.bytes.length < MIN_COMPRESS_BYTES) return reply.send(page.html);
  addVary(reply, 'Accept-Encoding');
  const encoding = negotiateEncoding(request.headers['accept-encoding']);
  if (!encoding) return reply.send(page.html);
  let compressing = page.compressed[encoding];
  if (!compressing) {
    const started = compressBody(page.bytes, encoding);
    page.compressed[encoding] = compressing = started;
    started.catch(() => page.compressed[encoding] === started && delete page.compressed[encoding]);
  }
  const body = await compressing;
  return reply.header('content-encoding', encoding).header('content-length', body.length).send(body);
}
