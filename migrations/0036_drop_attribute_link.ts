import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// attribute_link (link_entity, link_id) is the leading part of attribute_unique (link_entity,
// link_id, taxonomy_term_id), which serves every look-up by link as well (the finder's rebuild
// already read attribute_unique). Keeping both made each written attribute update two B-trees at a
// random place: loading the 202,126 attributes of 20,000 demo services took 3.3–4.7 s with it and
// 2.3–3.1 s without (COPY, 2026-12-01, BENCHMARKS.md).
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, 'drop index if exists attribute_link;');
}
