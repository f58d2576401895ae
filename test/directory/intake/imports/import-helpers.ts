import { sql } from 'kysely';
import type { Db } from '../../../../src/platform/db/index.ts';
import type { Page, Visitor } from '../../../accounts/client.ts';

/** A run's status, how many slices of its uploaded files are kept, and who made it. */
export async function runStatus(db: Db, id: string) {
  const { rows } = await sql<{ status: string; files: number; created_by: string | null }>`
    select status, (select count(*) from import_run_file f where f.run_id = r.id)::int as files, created_by from import_run r where id = ${id}`.execute(db);
  return rows[0]!;
}

export const runId = (location: string | undefined) => location!.split('/').pop()!;

/** The run page once its background check has finished (each view waits a little for it). */
export async function settled(visitor: Visitor, url: string): Promise<Page> {
  for (let i = 0; i < 120; i++) {
    const page = await visitor.get(url);
    if (page.$('#import-checking').length === 0) return page;
  }
  throw new Error(`the check of ${url} did not finish`);
}
