/**
 * Imports HSDS data (JSON, ndjson, tabular CSV with datapackage.json, a folder of CSV files) or a
 * sheet in Samklang's CSV template into the directory:
 *   npm run import -- <file|folder|url> [--dry-run] [--json]
 * Admin only for now: there are no accounts yet. When the accounts issue lands, imported entries
 * go through its moderation rules instead of straight into the directory.
 * Uses the app's configuration (DATA_DIR, DATABASE_URL). Exit code 1 when the file has problems.
 */
import { ConfigError, loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/index.ts';
import { prepareDatabase } from '../src/setup.ts';
import { importSource, type ImportReport } from '../src/directory/hsds/index.ts';

const USAGE = 'Usage: npm run import -- <file|folder|url> [--dry-run] [--json]';
const SHOWN_CHANGES = 50;

function print(report: ImportReport): void {
  const lines: string[] = [];
  lines.push(`${report.dryRun ? 'Dry run of' : 'Import of'} ${report.source}: ${report.ok ? 'OK' : `${report.problems.length} problem(s), nothing was changed`}`);
  for (const p of report.problems) lines.push(`  problem  ${p.where}: ${p.message}`);
  for (const w of report.warnings) lines.push(`  note     ${w.where}: ${w.message}`);
  for (const [table, c] of Object.entries(report.counts)) {
    lines.push(`  ${table.padEnd(24)} ${String(c.added).padStart(7)} new ${String(c.changed).padStart(7)} changed ${String(c.unchanged).padStart(7)} unchanged`);
  }
  for (const change of report.changes.slice(0, SHOWN_CHANGES)) lines.push(`  ${report.dryRun ? 'would change' : 'changed'}  ${change}`);
  if (report.changes.length > SHOWN_CHANGES) lines.push(`  … and ${report.changes.length - SHOWN_CHANGES} more changed rows (--json lists all)`);
  if (report.ok && !report.dryRun) lines.push(`  finder entries rebuilt: ${report.reindexed}`);
  console.log(lines.join('\n'));
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const refs = args.filter((a) => !a.startsWith('--'));
  const unknown = [...flags].filter((f) => f !== '--dry-run' && f !== '--json');
  if (refs.length !== 1 || unknown.length > 0) {
    console.error(unknown.length ? `unknown argument ${unknown[0]}\n${USAGE}` : USAGE);
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await prepareDatabase(database.db, { demoData: false });
    const report = await importSource(database.db, refs[0]!, { dryRun: flags.has('--dry-run') });
    if (flags.has('--json')) console.log(JSON.stringify(report, null, 2));
    else print(report);
    return report.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().then((code) => { process.exitCode = code; }, (error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error));
  process.exitCode = error instanceof ConfigError ? 78 : 1;
});
