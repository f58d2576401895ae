import { Readable, Transform, pipeline } from 'node:stream';
import { promisify } from 'node:util';
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_FIELD } from '../forms/csrf.ts';

/**
 * Response compression with Node's own zlib (brotli and gzip), one onSend hook for every route.
 * - Text-like types only (HTML, CSS, JavaScript, JSON, CSV, XML, SVG, ndjson): images, PDFs and
 *   archives are compressed already, and compressing them again only costs time.
 * - Streams stay streams (the exports are hundreds of megabytes): piped through a compressor.
 * - A compressed representation is a different set of bytes, so a strong ETag becomes weak
 *   (as nginx does); If-None-Match is compared weakly (etagMatches), so 304s keep working.
 * - HTML carrying a CSRF token is not compressed: compression beside reflected input (the search
 *   box) would let an attacker who sees the traffic's length guess the token (BREACH). Public pages
 *   carry no token, so they are compressed; pages of signed-in people and forms are not.
 */

export type Encoding = 'br' | 'gzip';

/** Bodies smaller than this gain less from compression than the header costs. */
export const MIN_COMPRESS_BYTES = 1024;

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|x-ndjson|manifest\+json|[a-z.+-]*\+(json|xml))|image\/svg\+xml)/i;

export function isCompressibleType(type: unknown): boolean {
  return typeof type === 'string' && COMPRESSIBLE.test(type);
}

/**
 * The encoding to answer with for an Accept-Encoding header: brotli before gzip at equal weight,
 * none for a client that asks for neither (or refuses both with q=0).
 */
export function negotiateEncoding(header: string | string[] | undefined): Encoding | null {
  if (!header) return null;
  const weights = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (name: Encoding) => weights.get(name) ?? (name === 'gzip' ? weights.get('x-gzip') : undefined) ?? weights.get('*') ?? 0;
  const br = weightOf('br');
  const gz = weightOf('gzip');
  if (br <= 0 && gz <= 0) return null;
  return br >= gz ? 'br' : 'gzip';
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Pages are made per request: a middle quality, fast and still far smaller than gzip's best. */
const DYNAMIC_BROTLI_QUALITY = 5;
/** Files sent unchanged to everyone are compressed once, as small as brotli can. */
const STATIC_BROTLI_QUALITY = 11;

export function compressBody(body: Buffer, encoding: Encoding, kind: 'dynamic' | 'static' = 'dynamic'): Promise<Buffer> {
  if (encoding === 'gzip') return gzipAsync(body, { level: kind === 'static' ? 9 : 6 });
  return brotli(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: kind === 'static' ? STATIC_BROTLI_QUALITY : DYNAMIC_BROTLI_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

function compressor(encoding: Encoding): Transform {
  return encoding === 'br'
    ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: DYNAMIC_BROTLI_QUALITY, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } })
    : createGzip({ level: 6 });
}

/** Adds a field to Vary without repeating it. */
export function addVary(reply: FastifyReply, field: string) {
  const current = reply.getHeader('vary');
  const fields = String(current ?? '').split(',').map((f) => f.trim()).filter(Boolean);
  if (fields.includes('*') || fields.some((f) => f.toLowerCase() === field.toLowerCase())) return;
  reply.header('vary', [...fields, field].join(', '));
}

const weak = (tag: string) => (tag.startsWith('W/') ? tag : `W/${tag}`);
const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/** If-None-Match by the weak comparison RFC 9110 asks for: W/"x" matches "x"; a list or * too. */
export function etagMatches(ifNoneMatch: string | string[] | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  const sent = (Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch).split(',').map((t) => t.trim());
  return sent.some((t) => t === '*' || opaque(t) === opaque(tag));
}

export function weakenEtag(reply: FastifyReply) {
  const tag = reply.getHeader('etag');
  if (typeof tag === 'string' && tag) reply.header('etag', weak(tag));
}

const isStream = (payload: unknown): payload is Readable => typeof (payload as Readable | null)?.pipe === 'function';

async function compressPayload(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (payload === null || payload === undefined || reply.getHeader('content-encoding')) return payload;
  if (reply.statusCode === 304) {
    // the 304 names the representation the client holds: weak when what it holds was compressed
    const inm = request.headers['if-none-match'];
    const tag = reply.getHeader('etag');
    if (typeof tag === 'string' && typeof inm === 'string' && inm.includes(weak(tag))) weakenEtag(reply);
    return payload;
  }
  if (reply.statusCode < 200 || reply.statusCode === 204) return payload;
  const type = reply.getHeader('content-type');
  if (!isCompressibleType(type)) return payload;
  if (/no-transform/i.test(String(reply.getHeader('cache-control') ?? ''))) return payload;
  if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    if (body.length < MIN_COMPRESS_BYTES) return payload;
    if (String(type).startsWith('text/html') && body.includes(`name="${CSRF_FIELD}"`)) return payload;
    addVary(reply, 'Accept-Encoding');
    const encoding = negotiateEncoding(request.headers['accept-encoding']);
    if (!encoding) return payload;
    const compressed = await compressBody(body, encoding);
    reply.header('content-encoding', encoding).header('content-length', compressed.length);
    weakenEtag(reply);
    return compressed;
  }
  if (isStream(payload)) {
    addVary(reply, 'Accept-Encoding');
    const encoding = negotiateEncoding(request.headers['accept-encoding']);
    if (!encoding) return payload;
    reply.removeHeader('content-length');
    reply.header('content-encoding', encoding);
    weakenEtag(reply);
    const out = compressor(encoding);
    // an error on either side ends both; Fastify sees it on the stream it sends
    return pipeline(payload, out, () => {});
  }
  return payload;
}

/** Registers compression for every response of the app (call before any route is added). */
export function registerCompression(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => compressPayload(request, reply, payload));
}

/** A text kept to be sent again (a cached answer), with its compressed forms, each made when first asked for. */
export interface KeptBody {
  readonly text: string;
  readonly bytes: Buffer;
  readonly compressed: Partial<Record<Encoding, Promise<Buffer>>>;
}

export const keptBody = (text: string): KeptBody => ({ text, bytes: Buffer.from(text), compressed: {} });

/** The memory a kept body holds, estimated: its text (UTF-16 at worst), its bytes and room for its compressed forms, each far smaller. */
export const keptBodyBytes = (kept: KeptBody): number => 2 * kept.text.length + 64 + kept.bytes.length * 1.5;

/**
 * Sends a kept text (its content type already set), compressed as the client accepts, as the
 * onSend hook would, but compressed only once per encoding: the compressed form is kept with it.
 */
export async function sendKeptBody(request: FastifyRequest, reply: FastifyReply, kept: KeptBody): Promise<FastifyReply> {
  if (kept.bytes.length < MIN_COMPRESS_BYTES) return reply.send(kept.text);
  addVary(reply, 'Accept-Encoding');
  const encoding = negotiateEncoding(request.headers['accept-encoding']);
  if (!encoding) return reply.send(kept.text);
  let compressing = kept.compressed[encoding];
  if (!compressing) {
    const started = compressBody(kept.bytes, encoding);
    kept.compressed[encoding] = compressing = started;
    started.catch(() => kept.compressed[encoding] === started && delete kept.compressed[encoding]);
  }
  const compressed = await compressing;
  reply.header('content-encoding', encoding).header('content-length', compressed.length);
  weakenEtag(reply);
  return reply.send(compressed);
}
