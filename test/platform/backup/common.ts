import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { sql } from 'kysely';
import type { Db } from '../../../src/platform/db/index.ts';
import { newId } from '../../../src/platform/ids.ts';
import { tableFigures, type TableFigures } from '../../../src/platform/backup/index.ts';

const ROOT = new URL('../../..', import.meta.url).pathname;

/** A folder for this test file's databases and backups, removed afterwards. */
export function workFolder(): string {
  const work = mkdtempSync(join(tmpdir(), 'samklang-backup-test-'));
  after(() => rmSync(work, { recursive: true, force: true }));
  return work;
}

/** Runs `npm run <script>` as an operator would (tsx, the real config), with the given database settings. */
export function npmRun(script: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  const { DATABASE_URL: _unset, ...base } = process.env;
  const result = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    cwd: ROOT, env: { ...base, LOG_LEVEL: 'silent', ...env }, encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Rows no migration or seed writes: text with quotes, newlines and non-ASCII, and a timestamp. */
export async function addRows(db: Db) {
  for (const [i, body] of ['første linje\nandre «linje» med \'sitat\'', 'ære være Øystein', '\\ tab\there'].entries()) {
    await db.insertInto('mail_outbox').values({ id: newId(), to_address: `person${i}@example.no`, subject: `Emne ${i}`, body }).execute();
  }
  await sql`update mail_outbox set sent_at = timestamptz '2026-01-02 03:04:05.678+01' where subject = 'Emne 1'`.execute(db);
}

export async function figuresOf(db: Db): Promise<Record<string, TableFigures>> {
  return db.transaction().execute((trx) => tableFigures({ query: (text) => sql.raw(text).execute(trx) }));
}

export const backupDirOf = (out: string) => /Backup written: (.+)/.exec(out)?.[1]?.trim() ?? assert.fail(`no folder in: ${out}`);

