import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);
const own = (name: string) => fileURLToPath(new URL(`../../../assets/${name}`, import.meta.url));

/** The files the pages load, from Designsystemet's packages and assets/; versioned by content hash. */
const SOURCES: Record<string, string> = {
  'theme.css': require.resolve('@digdir/designsystemet-theme/digdir.css'),
  'ds.css': require.resolve('@digdir/designsystemet-css'),
  'app.css': own('app.css'),
  'app.js': own('app.js'),
  'use-location.js': own('use-location.js'),
};

interface Asset {
  body: Buffer;
  hash: string;
  type: string;
}
let assets: Map<string, Asset> | undefined;

function loadAssets(): Map<string, Asset> {
  assets ??= new Map(Object.entries(SOURCES).map(([name, file]) => {
    const body = readFileSync(file);
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    return [name, { body, hash, type: name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8' }];
  }));
  return assets;
}

/** URL of an asset with its content hash, so browsers may cache it for a year. */
export function assetUrl(name: string): string {
  const asset = loadAssets().get(name);
  if (!asset) throw new Error(`Unknown asset ${name}`);
  return `/assets/${asset.hash}/${name}`;
}

export async function assetRoutes(app: FastifyInstance) {
  loadAssets();
  app.get<{ Params: { hash: string; name: string } }>('/assets/:hash/:name', async (request, reply) => {
    const asset = loadAssets().get(request.params.name);
    if (!asset) return reply.callNotFound();
    const immutable = asset.hash === request.params.hash;
    return reply
      .type(asset.type)
      .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      .send(asset.body);
  });
}
