import { sql, type Kysely } from 'kysely';

/**
 * Runs a block of SQL one statement at a time (PGlite's extended protocol takes one statement per
 * call). Statements are separated by a semicolon at the end of a line; no function bodies here.
 */
export async function runStatements(db: Kysely<any>, block: string): Promise<void> {
  const statements = block
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.length > 0);
  for (const statement of statements) await sql.raw(statement).execute(db);
}
