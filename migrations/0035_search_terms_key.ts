import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// The finder's counts group the matching rows by their set of terms (search.ts, countRows).
// Grouping by the arrays themselves hashes and compares every row's terms (about 15 keys): at
// 100,000 demo services that was 30–40 ms of a broad search's count. terms_key names the set in
// 16 bytes (MD5 of the terms as JSON: an array's JSON is unambiguous, and the keys come from the
// taxonomy, so nobody can choose a colliding set), and the app looks each key's terms up once.
// to_json is marked stable for arrays of any type; for text[] it is immutable, which a generated
// column needs.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create function search_terms_key(terms text[]) returns uuid language sql immutable parallel safe
      as $$ select md5(to_json(terms)::text)::uuid $$;
    alter table service_search add column terms_key uuid not null generated always as (search_terms_key(terms)) stored;
    create index service_search_terms_key on service_search (terms_key);
  `);
}
