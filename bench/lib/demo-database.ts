/** A throw-away database with generated demo services, as bench:kinds and bench:data-change measure on. */
import { sql } from 'kysely';
import { openPostgres } from '../../src/platform/db/index.ts';
import { prepareDatabase } from '../../src/setup.ts';
import { replaceDemoData } from '../../scripts/demo.ts';
import { createDatabase } from '../../scripts/ops-stack.ts';
import { corpusOf } from '../soak.ts';
import { parentOf } from './cpu.ts';

/**
 * Creates database `name` on the cluster at `clusterUrl`, migrates it, loads `services` generated
 * demo services and the demo content, analyses it, and returns its address, what bench:soak's
 * mix draws from, and the PostgreSQL server's process id (for its CPU).
 */
export async function demoDatabase(clusterUrl: string, name: string, services: number) {
  const { url } = await createDatabase(clusterUrl, name);
  const database = await openPostgres(url, 4);
  try {
    await prepareDatabase(database.db, { demoData: false });
    await replaceDemoData(database.db, { services });
    await prepareDatabase(database.db, { demoData: true });
    await sql`vacuum analyze`.execute(database.db);
    const corpus = await corpusOf(database.db);
    const postmaster = parentOf((await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db)).rows[0]!.pid)!;
    return { url, corpus, postmaster };
  } finally {
    await database.close();
  }
}
