import type { Db } from '../platform/db/index.ts';
import { FACETS, TAXONOMY_URI, TERM_BY_KEY, TERMS, taxonomyId } from './taxonomy.ts';

/** Writes the classification (taxonomy.ts) into the HSDS taxonomy tables; idempotent, run at start. */
export async function syncTaxonomy(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const facet of FACETS) {
      const row = { id: taxonomyId(facet), name: facet.name, description: facet.description, uri: `${TAXONOMY_URI}/${facet.id}`, version: '1' };
      await trx.insertInto('taxonomy').values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet({ name: row.name, description: row.description, uri: row.uri })).execute();
    }
    for (const term of TERMS) {
      const row = {
        id: term.id, code: term.code, name: term.name, description: term.description,
        parent_id: term.parentKey ? TERM_BY_KEY.get(term.parentKey)!.id : null,
        taxonomy: term.facet.id, language: 'nb', taxonomy_id: taxonomyId(term.facet),
        term_uri: `${TAXONOMY_URI}/${term.facet.id}/${term.code}`,
      };
      await trx.insertInto('taxonomy_term').values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet({ name: row.name, description: row.description, parent_id: row.parent_id })).execute();
    }
  });
}
