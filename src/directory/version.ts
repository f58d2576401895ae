import { sql } from 'kysely';
import type { Tx } from '../platform/db/index.ts';

/**
 * The directory's data version (migration 0008): triggers bump it in the same transaction as any
 * change to a table the import writes and the open-data exports read. What was derived at one
 * version (an import's check, an export) is still right while the version is the same.
 */
export async function directoryVersion(db: Tx): Promise<number> {
  const { rows } = await sql<{ version: string }>`select version::text as version from directory_version`.execute(db);
  return Number(rows[0]?.version ?? 0);
}
