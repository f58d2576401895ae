import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/index.ts';
import { isAlive } from '../../platform/db/lock.ts';
import { yieldToRequests } from '../../platform/event-loop.ts';
import { clientHolds, currentValidators, stateValidators, type Validators } from '../conditional.ts';

/**
 * Whole-directory exports (HSDS tabular JSON, the finder's CSV) are built once per directory
 * version and kept, so a client fetching one a few times a second costs one build, not one per
 * request. Kept on disk, not in memory: an export of a large directory is hundreds of megabytes.
 * The day is part of the key too, since the public audience leaves out entries by their age.
 */

/** An export as it is being built: pieces of text, each given while the event loop gets its turn between them. */
export type ExportBuilder = () => AsyncIterable<string>;

interface Entry {
  version: number;
  day: string;
  file: Promise<string>;
}

/** At most this many exports kept per database handle (one per distinct query of the CSV). */
const KEPT = 16;
const caches = new WeakMap<Db, Map<string, Entry>>();
let folder: string | null = null;

const FOLDER = /^samklang-exports-(\d+)-/;

/**
 * Removes the export folders of processes that are gone: one stopped by a signal (SIGKILL, or
 * SIGTERM without a handler) never runs its exit handler. The folder's name holds its process id.
 */
export function sweepExportFolders(under = tmpdir()): void {
  for (const name of readdirSync(under)) {
    const pid = FOLDER.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !isAlive(Number(pid))) rmSync(join(under, name), { recursive: true, force: true });
  }
}

function exportFolder(): string {
  if (folder) return folder;
  sweepExportFolders();
  const made = mkdtempSync(join(tmpdir(), `samklang-exports-${process.pid}-`));
  process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  return (folder = made);
}

async function write(build: ExportBuilder): Promise<string> {
  const path = join(exportFolder(), `${randomUUID()}.part`);
  const handle = await open(path, 'w', 0o600);
  try {
    for await (const piece of build()) {
      await handle.write(piece);
      await yieldToRequests();
    }
  } catch (error) {
    await handle.close();
    await rm(path, { force: true });
    throw error;
  }
  await handle.close();
  return path;
}

/** An export's file goes a minute after it is replaced: a request may still be starting to send it. */
function discard(entry: Entry) {
  setTimeout(() => void entry.file.then((path) => rm(path, { force: true })).catch(() => {}), 60_000).unref();
}

/** The export's file at the current version and day, built now if it is not kept. */
async function kept(db: Db, key: string, validators: Validators, build: ExportBuilder): Promise<{ file: string; hit: boolean }> {
  const { version, day } = validators; // the day is the one the finder's freshness rule is judged by
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const entry = cache.get(key);
  if (entry && entry.version === version && entry.day === day) {
    cache.delete(key);
    cache.set(key, entry);
    return { file: await entry.file, hit: true };
  }
  // a request that read an older version than the one kept (a write committed meanwhile) builds without keeping
  if (entry && entry.version > version) {
    const once: Entry = { version, day, file: write(build) };
    discard(once);
    return { file: await once.file, hit: false };
  }
  const file = write(build);
  const fresh: Entry = { version, day, file };
  cache.set(key, fresh);
  if (entry) discard(entry);
  file.catch(() => cache.get(key) === fresh && cache.delete(key));
  if (cache.size > KEPT) {
    const [oldest, old] = cache.entries().next().value as [string, Entry];
    cache.delete(oldest);
    discard(old);
  }
  return { file: await file, hit: false };
}

/**
 * Sends an export from the cache (built first when the directory changed), streamed from disk.
 * x-samklang-cache says whether it was kept; the ETag and Last-Modified let a client ask again
 * with If-None-Match or If-Modified-Since, and get a 304 without the export being built or read.
 */
export async function sendExport(request: FastifyRequest, reply: FastifyReply, db: Db, options: { key: string; type: string; disposition?: string; build: ExportBuilder }) {
  const current = await currentValidators(db);
  // one export's tag differs from another's at the same version (the CSV of each query)
  const validators = { ...current, etag: `"${current.version}-${current.day}-${createHash('sha256').update(options.key).digest('hex').slice(0, 16)}"` };
  stateValidators(reply, validators);
  if (options.disposition) reply.header('content-disposition', options.disposition);
  if (clientHolds(request, validators)) return reply.code(304).send();
  const { file, hit } = await kept(db, options.key, validators, options.build);
  reply.header('x-samklang-cache', hit ? 'hit' : 'miss');
  return reply.type(options.type).send(createReadStream(file));
}
