// npm run backup -- [--out <folder>] [--keep <n>]
// Writes a consistent backup of the configured database (DATABASE_URL: pg_dump custom format;
// otherwise the embedded PGlite's data directory, which needs the app stopped) into a new folder
// <folder>/samklang-<UTC time>/ with manifest.json, and prints that folder's path.
// --keep <n>: afterwards deletes all but the newest n backups in <folder>. See docs/operations.md.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../src/platform/config.ts';
import { DataDirLockedError, EXIT_DATA_DIR_LOCKED } from '../src/platform/db/index.ts';
import { createBackup, pruneBackups } from '../src/platform/backup/index.ts';

const USAGE = 'Usage: npm run backup -- [--out <folder>] [--keep <n>]   (default folder: ./backups)';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { out: { type: 'string' }, keep: { type: 'string' } }, strict: true }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 64; // EX_USAGE
  }
  if (values.keep !== undefined && !/^[1-9][0-9]{0,3}$/.test(values.keep)) {
    console.error(`--keep must be a whole number from 1 (got "${values.keep}")\n${USAGE}`);
    return 64;
  }
  const config = loadConfig();
  const parent = resolve(values.out ?? 'backups');
  const started = Date.now();
  const { dir, manifest } = await createBackup(config, parent);
  const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
  console.log(`Backup written: ${dir}`);
  console.log(`  ${manifest.database}, schema ${manifest.schemaVersion ?? '(none)'}, ${Object.keys(manifest.tables).length} tables, ${rows} rows, ${manifest.file.bytes} bytes, ${Date.now() - started} ms`);
  if (values.keep) for (const old of pruneBackups(parent, Number(values.keep))) console.log(`Deleted old backup: ${old}`);
  return 0;
}

main().then((code) => { process.exitCode = code; }, (error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exitCode = 78; // EX_CONFIG
  } else if (error instanceof DataDirLockedError) {
    console.error(`${error.message}\nA backup of the embedded database needs the app stopped (or use PostgreSQL).`);
    process.exitCode = EXIT_DATA_DIR_LOCKED;
  } else {
    console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
});
