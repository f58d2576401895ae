// The database a coverage command works on: the one the app is configured for, migrated and
// with reference data. With embedded PGlite, stop the app first: one process owns its files.
import { loadConfig } from '../../platform/config.ts';
import { openDatabase, type OpenedDatabase } from '../../platform/db/index.ts';
import { migrate } from '../../platform/db/migrate.ts';
import { loadReferenceData } from '../../reference/index.ts';

export async function openCommandDatabase(): Promise<OpenedDatabase> {
  const database = await openDatabase(loadConfig());
  await migrate(database.db);
  await loadReferenceData(database.db);
  return database;
}

/** Runs a command, reports a failure in one line and sets the exit code. */
export function runCommand(main: () => Promise<number>): void {
  main().then((code) => { process.exitCode = code; }, (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
