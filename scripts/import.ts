/**
 * Imports HSDS data (JSON, ndjson, tabular CSV with datapackage.json, a folder of CSV files) or a
 * sheet in Samklang's CSV template into the directory:
 *   npm run import -- <file|folder|url> [--dry-run] [--json]
 * Whoever runs this holds the database credentials, so it writes like an admin: no moderation, but
 * the run is kept (see the import page) and every change is audited as made by 'system'.
 * Editors import through the import page (/import), where their imports wait for moderation.
 * Uses the app's configuration (DATA_DIR, DATABASE_URL). Exit code 1 when the file has problems.
 */
import { ConfigError, loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/index.ts';
import { prepareDatabase } from '../src/setup.ts';
import type { ImportReport } from '../src/directory/intake/imports/pipeline/index.ts';
import { importFromCommandLine } from '../src/directory/intake/imports/index.ts';
import { nb } from '../src/platform/i18n/nb.ts';

const t = nb.hsdsImport.cli;
const SHOWN_CHANGES = 50;

function print(report: ImportReport): void {
  const lines: string[] = [];
  lines.push(`${t.heading(report.dryRun, report.source)}: ${report.ok ? t.ok : t.refused(report.problems.length)}`);
  for (const p of report.problems) lines.push(`  ${t.problem.padEnd(8)} ${p.where}: ${p.message}`);
  for (const w of report.warnings) lines.push(`  ${t.note.padEnd(8)} ${w.where}: ${w.message}`);
  for (const [table, c] of Object.entries(report.counts)) {
    lines.push(`  ${table.padEnd(24)} ${String(c.added).padStart(7)} ${t.added} ${String(c.changed).padStart(7)} ${t.changed} ${String(c.unchanged).padStart(7)} ${t.unchanged}`);
  }
  for (const change of report.changes.slice(0, SHOWN_CHANGES)) lines.push(`  ${report.dryRun ? t.wouldChange : t.changed}  ${change}`);
  if (report.changes.length > SHOWN_CHANGES) lines.push(`  ${t.more(report.changes.length - SHOWN_CHANGES)}`);
  if (report.ok && !report.dryRun) lines.push(`  ${t.reindexed(report.reindexed)}`);
  console.log(lines.join('\n'));
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const refs = args.filter((a) => !a.startsWith('--'));
  const unknown = [...flags].filter((f) => f !== '--dry-run' && f !== '--json');
  if (refs.length !== 1 || unknown.length > 0) {
    console.error(unknown.length ? `${t.unknownArgument(unknown[0]!)}\n${t.usage}` : t.usage);
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await prepareDatabase(database.db, { demoData: false });
    const report = await importFromCommandLine(database.db, refs[0]!, { dryRun: flags.has('--dry-run') });
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
