import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addVary, compressBody, isCompressibleType, negotiateEncoding, type Encoding } from './compress.ts';
import { designsystemetSubset } from './designsystemet-css.ts';

const require = createRequire(import.meta.url);
const own = (name: string) => fileURLToPath(new URL(`../../../assets/${name}`, import.meta.url));

/**
 * The files the pages load, from Designsystemet's packages and assets/, versioned by content hash:
 * a path, or the content built at start (ds.css: only the components the pages use).
 */
const SOURCES: Record<string, string | (() => string)> = {
  'theme.css': require.resolve('@digdir/designsystemet-theme/digdir.css'),
  'ds.css': () => designsystemetSubset(),
  'app.css': own('app.css'),
  'app.js': own('app.js'),
  'use-location.js': own('use-location.js'),
  'finder.js': own('finder.js'),
  'atlas.css': own('atlas.css'),
  'atlas-map.js': own('atlas-map.js'),
  'favicon.svg': own('favicon.svg'),
  'favicon.ico': own('favicon.ico'),
  'apple-touch-icon.png': own('apple-touch-icon.png'),
};

const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
  png: 'image/png',
};

/** Icons browsers and home screens ask for at fixed addresses (no hash): kept a day. */
const FIXED = ['favicon.ico', 'apple-touch-icon.png'];

interface Asset {
  body: Buffer;
  hash: string;
  type: string;
  /** compressed once, at brotli's best, when first asked for */
  encoded: Map<Encoding, Promise<Buffer>>;
}
let assets: Map<string, Asset> | undefined;

function loadAssets(): Map<string, Asset> {
  assets ??= new Map(Object.entries(SOURCES).map(([name, source]) => {
    const body = typeof source === 'string' ? readFileSync(source) : Buffer.from(source());
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    return [name, { body, hash, type: TYPES[name.split('.').pop()!]!, encoded: new Map() }];
  }));
  return assets;
}

/** URL of an asset with its content hash, so browsers may cache it for a year. */
export function assetUrl(name: string): string {
  const asset = loadAssets().get(name);
  if (!asset) throw new Error(`Unknown asset ${name}`);
  return `/assets/${asset.hash}/${name}`;
}

async function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: Asset, cacheControl: string) {
  reply.type(asset.type).header('cache-control', cacheControl);
  if (!isCompressibleType(asset.type)) return reply.send(asset.body);
  addVary(reply, 'Accept-Encoding');
  const encoding = negotiateEncoding(request.headers['accept-encoding']);
  if (!encoding) return reply.send(asset.body);
  let encoded = asset.encoded.get(encoding);
  if (!encoded) asset.encoded.set(encoding, (encoded = compressBody(asset.body, encoding, 'static')));
  return reply.header('content-encoding', encoding).send(await encoded);
}

export async function assetRoutes(app: FastifyInstance) {
  loadAssets();
  app.get<{ Params: { hash: string; name: string } }>('/assets/:hash/:name', async (request, reply) => {
    const asset = loadAssets().get(request.params.name);
    if (!asset) return reply.callNotFound();
    const immutable = asset.hash === request.params.hash;
    return sendAsset(request, reply, asset, immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  });
  for (const name of FIXED) {
    app.get(`/${name}`, { config: { rateLimit: false } }, async (request, reply) => sendAsset(request, reply, loadAssets().get(name)!, 'public, max-age=86400'));
  }
}
