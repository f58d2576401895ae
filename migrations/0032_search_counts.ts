import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// The finder's counts for a search with no words, filters, age or radius (the plain list, and a
// place sorted nearest first), kept up to date by the writes themselves (issue #18, item 6): counting
// them from the rows read every finder row and unnested its terms (over 250 ms at 100,000
// services, paid again after every write). Per term key ('' for the row itself), the date the
// finder measures freshness from ('infinity' when there is none: never hidden) and whether the row
// has a point; a search sums the rows at or after its hidden cut-off. Statement-level triggers
// with transition tables change it in the same statement as the finder's rows, so a bulk rebuild
// costs one grouped upsert.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table search_facet_count (
      key text not null,
      confirmed_on date not null,
      without_point boolean not null,
      n integer not null,
      primary key (key, confirmed_on, without_point)
    );
    insert into search_facet_count (key, confirmed_on, without_point, n)
      select key, coalesce(confirmed_on, 'infinity'), lat is null, count(*)
      from service_search, unnest(array['']::text[] || terms) key group by 1, 2, 3;

    create function count_search_rows() returns trigger language plpgsql as $$
      begin
        if tg_op = 'TRUNCATE' then
          delete from search_facet_count;
          return null;
        end if;
        -- keys in one order, so two writers lock the count rows in the same order
        if tg_op in ('UPDATE', 'DELETE') then
          insert into search_facet_count as c (key, confirmed_on, without_point, n)
            select key, coalesce(confirmed_on, 'infinity'), lat is null, -count(*)
            from old_rows, unnest(array['']::text[] || terms) key group by 1, 2, 3 order by 1, 2, 3
          on conflict (key, confirmed_on, without_point) do update set n = c.n + excluded.n;
        end if;
        if tg_op in ('UPDATE', 'INSERT') then
          insert into search_facet_count as c (key, confirmed_on, without_point, n)
            select key, coalesce(confirmed_on, 'infinity'), lat is null, count(*)
            from new_rows, unnest(array['']::text[] || terms) key group by 1, 2, 3 order by 1, 2, 3
          on conflict (key, confirmed_on, without_point) do update set n = c.n + excluded.n;
        end if;
        return null;
      end
    $$;
    -- a trigger with transition tables answers one kind of statement
    create trigger service_search_counted_insert after insert on service_search
      referencing new table as new_rows for each statement execute function count_search_rows();
    create trigger service_search_counted_update after update on service_search
      referencing old table as old_rows new table as new_rows for each statement execute function count_search_rows();
    create trigger service_search_counted_delete after delete on service_search
      referencing old table as old_rows for each statement execute function count_search_rows();
    create trigger service_search_counted_truncate after truncate on service_search
      for each statement execute function count_search_rows();
  `);
}
