import './platform/node-env.ts'; // first: before anything that loads React
import { ConfigError, loadConfig } from './platform/config.ts';
import { DataDirLockedError, EXIT_DATA_DIR_LOCKED, openDatabase } from './platform/db/index.ts';
import { withStartupLock } from './platform/db/startup-lock.ts';
import { prepareDatabase } from './setup.ts';
import { createApp, WARM_UP_PATHS } from './app.ts';
import { warmUp } from './platform/http/warm-up.ts';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const database = await openDatabase(config);
  // instances starting at once take turns: migrations and first-start content run once
  const prepared = await withStartupLock(database, () => prepareDatabase(database.db, { demoData: config.demoData }));
  const app = await createApp(database.db, config);
  app.log.info({ database: database.kind, replica: config.databaseReadUrl !== undefined, migrations: prepared.migrations, demoServicesLoaded: prepared.demoLoaded }, 'database ready');

  /**
   * Graceful drain (SIGTERM from systemd, Docker, Kubernetes; SIGINT from a terminal): the
   * listening socket closes at once, so a proxy's new connections go to another instance;
   * requests in flight, and any that arrive on a connection already open, are answered (with
   * `Connection: close`); idle connections are closed; then the job worker finishes its run, the
   * mailer its delivery, and the database pool closes. Past DRAIN_SECONDS the process exits anyway.
   */
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal, drainSeconds: config.drainSeconds }, 'draining: no new connections, finishing requests in flight');
    const force = setTimeout(() => {
      app.log.error({ drainSeconds: config.drainSeconds }, 'drain took too long: exiting with requests still open');
      process.exit(1);
    }, config.drainSeconds * 1000).unref();
    // Node closes the connections idle at this moment only; one busy now (its request began before
    // the drain, so its answer keeps the connection alive) would otherwise sit idle until the
    // keep-alive timeout. Reap such connections as they come free.
    const reaper = setInterval(() => app.server.closeIdleConnections(), 200).unref();
    try {
      await app.close();
      clearInterval(reaper);
      // a handler whose client has gone (a proxy's timeout) may still be at work: let it finish
      if (app.requestsInFlight.count() > 0) {
        app.log.info({ requests: app.requestsInFlight.count() }, 'draining: handlers still at work after their clients disconnected');
        await app.requestsInFlight.idle();
      }
      app.log.info('connections closed, background work finished');
      await database.close();
    } catch (error) {
      app.log.error({ err: error }, 'error while shutting down');
      process.exit(1);
    }
    clearTimeout(force);
    app.log.info('drained: exiting');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // the busiest pages once, in process, so the first requests from a proxy are not all cold ones
  await warmUp(app, WARM_UP_PATHS);
  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  if (error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(EXIT_DATA_DIR_LOCKED);
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
