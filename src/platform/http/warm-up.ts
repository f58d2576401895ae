import type { FastifyInstance } from 'fastify';

/**
 * Before an instance listens, it asks itself for the site's busiest public pages, in process
 * (`inject`, no socket): the code paths are compiled, the database pool holds warm connections,
 * and the kept answers (the plain finder, the atlas, the first open-data pages) are filled. So a
 * new instance behind a proxy under load does not start with every request a cold one. A page
 * that fails is logged and skipped: warming never stops a start.
 */
export async function warmUp(app: FastifyInstance, urls: readonly string[]): Promise<void> {
  const started = performance.now();
  for (const url of urls) {
    try {
      const response = await app.inject({ method: 'GET', url, headers: { accept: url.startsWith('/api/') || url.startsWith('/hsds/') ? 'application/json' : 'text/html' } });
      if (response.statusCode >= 400) app.log.warn({ url, status: response.statusCode }, 'warm-up: page not answered');
    } catch (error) {
      app.log.warn({ err: error, url }, 'warm-up: page failed');
    }
  }
  app.log.info({ pages: urls.length, ms: Math.round(performance.now() - started) }, 'warmed up');
}
