import { sql, type Kysely } from 'kysely';

/**
 * Splits a block of SQL into statements at a semicolon that ends a line. A dollar-quoted body
 * (`$$ … $$`, as in a PL/pgSQL function) is kept whole even when its lines end in semicolons.
 */
export function splitStatements(block: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  let inBody = false;
  for (const line of block.split('\n')) {
    current.push(line);
    // an odd number of $$ on a line opens or closes a body
    if (((line.match(/\$\$/g) ?? []).length) % 2 === 1) inBody = !inBody;
    if (!inBody && /;\s*$/.test(line)) {
      statements.push(current.join('\n').replace(/;\s*$/, ''));
      current = [];
    }
  }
  statements.push(current.join('\n'));
  return statements
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}

/**
 * Runs a block of SQL one statement at a time (PGlite's extended protocol takes one statement per
 * call). Statements are separated by a semicolon at the end of a line (see splitStatements).
 */
export async function runStatements(db: Kysely<any>, block: string): Promise<void> {
  for (const statement of splitStatements(block)) await sql.raw(statement).execute(db);
}
