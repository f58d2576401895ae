// npm run restore -- <backup folder> [--force]
// Restores a backup written by `npm run backup` into the configured database (DATABASE_URL, or
// the embedded PGlite in DATA_DIR), which must be empty. --force replaces a database that is not:
// on PostgreSQL the public schema is dropped with everything in it first; an embedded database
// folder is moved aside to <DATA_DIR>/db.replaced-<time>. Afterwards every table's row count and
// checksum is compared with the manifest. Exit codes: 0 restored and checked; 65 the backup is
// unusable (nothing changed); 73 the target is not empty (nothing changed); 70 the restored
// tables differ from the backup; 75 the embedded database is in use. See docs/operations.md.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../src/platform/config.ts';
import { DataDirLockedError, EXIT_DATA_DIR_LOCKED } from '../src/platform/db/index.ts';
import { BackupInvalidError, RestoreMismatchError, TargetNotEmptyError, restoreBackup } from '../src/platform/backup/index.ts';

const USAGE = 'Usage: npm run restore -- <backup folder> [--force]   (--force: replace a database that is not empty)';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ options: { force: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 64; // EX_USAGE
  }
  if (parsed.positionals.length !== 1) {
    console.error(USAGE);
    return 64;
  }
  const config = loadConfig();
  const dir = resolve(parsed.positionals[0]!);
  const started = Date.now();
  const result = await restoreBackup(config, dir, { replace: parsed.values.force === true });
  const rows = Object.values(result.tables).reduce((sum, t) => sum + t.rows, 0);
  console.log(`Restored ${dir}`);
  console.log(`  ${result.manifest.database}, schema ${result.manifest.schemaVersion ?? '(none)'}, backup of ${result.manifest.createdAt}`);
  console.log(`  checked: ${Object.keys(result.tables).length} tables, ${rows} rows, every row count and checksum as in the manifest (${Date.now() - started} ms)`);
  if (result.movedAside) console.log(`  the database that was there is kept at ${result.movedAside} (delete it once you are sure)`);
  return 0;
}

main().then((code) => { process.exitCode = code; }, (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ConfigError) {
    console.error(message);
    process.exitCode = 78; // EX_CONFIG
  } else if (error instanceof DataDirLockedError) {
    console.error(`${message}\nStop the app before restoring its embedded database.`);
    process.exitCode = EXIT_DATA_DIR_LOCKED;
  } else if (error instanceof BackupInvalidError) {
    console.error(`Not restored: ${message}`);
    process.exitCode = 65; // EX_DATAERR
  } else if (error instanceof TargetNotEmptyError) {
    console.error(`Not restored: ${message}. Restore into an empty database, or add --force to replace it.`);
    process.exitCode = 73; // EX_CANTCREAT
  } else if (error instanceof RestoreMismatchError) {
    console.error(message);
    process.exitCode = 70; // EX_SOFTWARE
  } else {
    console.error(`Restore failed: ${message}`);
    process.exitCode = 1;
  }
});
