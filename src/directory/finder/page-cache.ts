import type { FastifyReply, FastifyRequest } from 'fastify';
import { readsOwnWrites, type Db } from '../../platform/db/index.ts';
import { keptBody, keptBodyBytes, sendKeptBody, type KeptBody } from '../../platform/http/compress.ts';
import { keptAnswers, sharedFreshRead, type Stamp } from '../../platform/kept-answers.ts';
import { dataVersion } from './search-cache.ts';

/**
 * The finder's answers to the public (its pages, and its API's JSON) as sent, kept in memory per
 * database handle while the data they show stays the same (platform/kept-answers.ts): the finder's
 * rows, whose version (search_version) is read per request in one cheap statement, so every
 * instance sees a change committed by any other at its next request. A row names the texts a hit
 * shows that it does not hold itself (texts_key, migration 0037), so a change of those rewrites it
 * too; a change the finder does not show (a waiting time, a phone number) leaves the kept answers as
 * they are. (Until 2026-12-02 they followed the directory's version as well, so every such save
 * made every instance compute its finder answers again.) The key (made by the
 * finder's routes) holds everything else an answer depends on: the language, the site's origin,
 * the address as asked (query included) and the freshness cut-offs (the Oslo day and the
 * thresholds). Only answers to readers who are not signed in are kept (the layout of a signed-in
 * one holds their name and a CSRF token), and only whole, successful ones. Each is compressed once
 * per encoding and kept with its text. `/metrics` counts them as `cache="finder_page"` and
 * `cache="finder_api"`.
 */
export const FINDER_PAGE_CACHE_BYTES = 32 * 1024 * 1024;
export const FINDER_API_CACHE_BYTES = 16 * 1024 * 1024;

export type FinderAnswers = 'page' | 'api';
const stores = { page: keptAnswers('finder_page', FINDER_PAGE_CACHE_BYTES), api: keptAnswers('finder_api', FINDER_API_CACHE_BYTES) };

/** The state of the data the finder shows: its stamp, and the search version it holds (for searchServices). */
export interface FinderState extends Stamp { searchVersion: bigint }

async function readState(db: Db): Promise<FinderState> {
  const version = await dataVersion(db);
  return { key: String(version), order: Number(version), searchVersion: version };
}

/** Per handle, one shared read for requests that read the replica and one for those that must read the primary (after their own write). */
const stateReads = new WeakMap<Db, { replica: () => Promise<FinderState>; primary: () => Promise<FinderState> }>();

/** The state of the data a finder answer shows, read in one statement after the request arrived (shared by the requests waiting for it). */
export function finderState(db: Db): Promise<FinderState> {
  let reads = stateReads.get(db);
  if (!reads) stateReads.set(db, (reads = { replica: sharedFreshRead(() => readState(db)), primary: sharedFreshRead(() => readState(db)) }));
  return readsOwnWrites() ? reads.primary() : reads.replica();
}

/** What a finder route computes for a key: a whole answer to keep, or something else (a page with errors, a redirect, a problem) only sent. */
export type FinderOutcome<Other> = { kept: KeptBody } | { other: Other };

/**
 * The finder's answer for key at this state: the kept one, or computed once for every request
 * that asks for it meanwhile (a cold start's many identical searches cost one). A whole answer
 * is kept; anything else goes to those waiting for it and is computed again by the next.
 */
export function finderAnswer<Other>(kind: FinderAnswers, db: Db, state: FinderState, key: string, compute: () => Promise<FinderOutcome<Other>>): Promise<FinderOutcome<Other>> {
  return stores[kind].answer(db, state, key, compute, (outcome) => ('kept' in outcome ? keptBodyBytes(outcome.kept) : null));
}

/** A whole answer's text, ready to keep. */
export const keptAnswer = (text: string): FinderOutcome<never> => ({ kept: keptBody(text) });

/** Sends a kept answer with its content type, compressed as the client accepts, once per encoding. */
export function sendKeptFinderAnswer(request: FastifyRequest, reply: FastifyReply, type: string, answer: KeptBody): Promise<FastifyReply> {
  return sendKeptBody(request, reply.status(200).type(type), answer);
}
