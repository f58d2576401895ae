import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/index.ts';
import { keptBody, keptBodyBytes, sendKeptBody, type KeptBody } from '../platform/http/compress.ts';
import { keptAnswers, type Stamp } from '../platform/kept-answers.ts';
import type { Validators } from './conditional.ts';

export { idListBytes } from '../platform/kept-answers.ts';

/**
 * What the open-data lists derive from the directory (the ordered ids a search matches, a page's
 * JSON as sent) kept in memory per database handle while the directory's data version and the
 * Oslo day stay the same (platform/kept-answers.ts): the validators every open-data answer reads
 * first (conditional.ts, one one-row query), so a change through any write path (the triggers of
 * migrations 0008 and 0029 bump the version in the same transaction) shows at the next request on
 * every instance. `/metrics` counts it as `cache="opendata"`.
 */

/** Bytes of estimated value size kept per database handle. */
export const ANSWER_CACHE_BYTES = 48 * 1024 * 1024;

const answers = keptAnswers('opendata', ANSWER_CACHE_BYTES);
const stampOf = (validators: Pick<Validators, 'version' | 'day'>): Stamp => ({ key: `${validators.version}:${validators.day}`, order: validators.version });

/** The value for `key` at the validators' version and day, computed now (once) when it is not kept. */
export function cachedAnswer<T>(db: Db, validators: Pick<Validators, 'version' | 'day'>, key: string, compute: () => Promise<T>, size: (value: T) => number): Promise<T> {
  return answers.answer(db, stampOf(validators), key, compute, size);
}

/**
 * Sends the answer kept under `key` (built now when it is not kept) with this content type,
 * compressed as the client accepts, once per encoding (platform/http/compress.ts sendKeptBody).
 */
export async function sendKept(request: FastifyRequest, reply: FastifyReply, db: Db, validators: Pick<Validators, 'version' | 'day'>, key: string, type: string,
  build: () => Promise<string>): Promise<FastifyReply> {
  const kept = await cachedAnswer<KeptBody>(db, validators, key, async () => keptBody(await build()), keptBodyBytes);
  reply.type(type);
  return sendKeptBody(request, reply, kept);
}
