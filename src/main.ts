import { ConfigError, loadConfig } from './platform/config.ts';
import { DataDirLockedError, EXIT_DATA_DIR_LOCKED, openDatabase } from './platform/db/index.ts';
import { prepareDatabase } from './setup.ts';
import { createApp } from './app.ts';

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
  const prepared = await prepareDatabase(database.db, { demoData: config.demoData });
  const app = await createApp(database.db, config);
  app.log.info({ database: database.kind, migrations: prepared.migrations, demoServicesLoaded: prepared.demoLoaded }, 'database ready');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    await database.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

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
