/**
 * The app as a benchmark serves it: the real createApp on the configured database (env as for
 * `npm start`), listening on BENCH_PORT on loopback. With BENCH_WORKERS > 1 it runs one process
 * per worker under node:cluster, sharing the port (PostgreSQL only: PGlite is one process).
 * Tells the parent "ready" over IPC once every process listens; stops on SIGTERM.
 */
import cluster from 'node:cluster';
import { loadConfig } from '../../src/platform/config.ts';
import { openDatabase } from '../../src/platform/db/index.ts';
import { createApp } from '../../src/app.ts';

const workers = Number(process.env.BENCH_WORKERS ?? '1');
const port = Number(process.env.BENCH_PORT);

async function serve(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  const app = await createApp(database.db, config);
  await app.listen({ port, host: '127.0.0.1' });
  process.on('SIGTERM', () => {
    // a normal exit, so --cpu-prof writes its profile
    void app.close().then(() => database.close()).finally(() => process.exit(0));
  });
  process.send?.('ready');
}

function supervise(): void {
  let ready = 0;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('message', (_worker, message) => {
    if (message === 'ready' && ++ready === workers) process.send?.('ready');
  });
  cluster.on('exit', (worker, code) => {
    if (code !== 0) console.error(`[serve] worker ${worker.process.pid} exited with ${code}`);
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  });
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  });
}

if (cluster.isPrimary && workers > 1) supervise();
else {
  serve().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
