import { sql, type Insertable } from 'kysely';
import type { Database, Db, ServiceTable, Tx } from '../platform/db/index.ts';
import { nameUuid } from '../platform/ids.ts';
import type { OrganizationAggregate, ServiceAggregate } from './model.ts';
import { MODEL_COLUMNS } from './service-fields.ts';
import { TERM_BY_KEY } from './taxonomy.ts';
import { confirmedOn } from './freshness.ts';
import { indexedTermWords } from './synonyms.ts';

const BATCH = 5000;

/**
 * Inserts rows of one shape (the first row's keys are the columns). Each batch travels as one
 * JSON parameter that the table's own row type turns into typed values, instead of a VALUES list
 * with a parameter per value: 10,000 demo services loaded into PGlite in 6.8–7.0 s instead of
 * 7.9–8.0 s (PostgreSQL gains less; there index upkeep dominates).
 */
async function insertBatched<T extends keyof Database>(db: Tx, table: T, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = sql.join(Object.keys(rows[0]!).map((column) => sql.ref(column)));
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = JSON.stringify(rows.slice(i, i + BATCH));
    await sql`insert into ${sql.table(table)} (${columns})
      select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${batch}::json)`.execute(db);
  }
}

/** The HSDS identifier type for Norwegian organisation numbers (Enhetsregisteret). */
export const ORGANIZATION_NUMBER_TYPE = 'organisasjonsnummer';

export async function insertOrganizations(db: Tx, organizations: OrganizationAggregate[]): Promise<void> {
  await insertBatched(db, 'organization', organizations.map((o) => ({
    id: o.id, name: o.name, description: o.description, email: o.email, website: o.website, is_demo: o.isDemo,
  })));
  await insertBatched(db, 'organization_identifier', organizations.filter((o) => o.organizationNumber).map((o) => ({
    id: nameUuid(`orgnr:${o.organizationNumber}`), organization_id: o.id, identifier_scheme: 'NO-BRC',
    identifier_type: ORGANIZATION_NUMBER_TYPE, identifier: o.organizationNumber!,
  })));
}

function termId(key: string): string {
  const term = TERM_BY_KEY.get(key);
  if (!term) throw new Error(`Unknown taxonomy term "${key}"`);
  return term.id;
}

/**
 * Inserts services with their locations, addresses, contacts, phones, schedules, languages and
 * classification, in batches. The caller owns the transaction and calls reindexServices after.
 */
/** The columns of service the model holds (MODEL_COLUMNS): a write of a service sets every one of them. */
type ModelRow = { [K in keyof typeof MODEL_COLUMNS as (typeof MODEL_COLUMNS)[K] extends string ? K : never]-?: Insertable<ServiceTable>[K] };

/** A service's own row as the model holds it. */
export const serviceRow = (s: ServiceAggregate): ModelRow => ({
  id: s.id, organization_id: s.organizationId, name: s.name, description: s.description, status: s.status,
  email: s.email, url: s.url, application_process: s.applicationProcess, fees_description: s.feesDescription,
  eligibility_description: s.eligibilityDescription, wait_time: s.waitTime, minimum_age: s.minimumAge,
  maximum_age: s.maximumAge, assured_date: s.assuredDate, fte: s.fte, is_demo: s.isDemo,
});

export async function insertServices(db: Tx, services: ServiceAggregate[]): Promise<void> {
  await insertBatched(db, 'service', services.map(serviceRow));
  await insertServiceParts(db, services);
}

/**
 * Everything of a service but its own row: locations, addresses, accessibility, classification,
 * languages, phones, contacts, schedules. Used alone when a published service is replaced.
 */
export async function insertServiceParts(db: Tx, services: ServiceAggregate[]): Promise<void> {
  const child = (serviceId: string, kind: string, i: number) => nameUuid(`${kind}:${serviceId}:${i}`);
  const locations = services.flatMap((s) => s.locations.map((l) => ({ s, l })));
  await insertBatched(db, 'location', locations.map(({ s, l }) => ({
    id: l.id, organization_id: s.organizationId, name: l.name, description: l.description, transportation: l.transportation,
    latitude: l.latitude, longitude: l.longitude, is_confidential: l.isConfidential,
    // change requests saved before the flag existed have none: hidden
    name_shown: l.nameShown === true,
    municipality_number: l.municipalityNumber, is_demo: s.isDemo,
    location_type: l.address || l.latitude !== null ? 'physical' : 'virtual',
  })));
  await insertBatched(db, 'address', locations.filter(({ l }) => l.address).map(({ l }) => ({
    id: nameUuid(`address:${l.id}`), location_id: l.id, address_1: l.address!.address1, city: l.address!.city,
    postal_code: l.address!.postalCode, state_province: l.address!.stateProvince, country: 'NO', address_type: 'physical',
  })));
  await insertBatched(db, 'accessibility', locations.filter(({ l }) => l.accessibilityDescription).map(({ l }) => ({
    id: nameUuid(`accessibility:${l.id}`), location_id: l.id, description: l.accessibilityDescription,
  })));
  await insertBatched(db, 'service_at_location', locations.map(({ s, l }) => ({
    id: nameUuid(`sal:${s.id}:${l.id}`), service_id: s.id, location_id: l.id,
  })));
  await insertBatched(db, 'attribute', [
    ...services.flatMap((s) => s.terms.map((key) => ({
      id: nameUuid(`attr:${s.id}:${key}`), link_id: s.id, link_entity: 'service', link_type: 'classification', taxonomy_term_id: termId(key),
    }))),
    ...locations.flatMap(({ l }) => l.accessibility.map((key) => ({
      id: nameUuid(`attr:${l.id}:${key}`), link_id: l.id, link_entity: 'location', link_type: 'accessibility', taxonomy_term_id: termId(key),
    }))),
  ]);
  await insertBatched(db, 'language', services.flatMap((s) => s.languages.map((code, i) => ({
    id: child(s.id, 'language', i), service_id: s.id, code,
  }))));
  await insertBatched(db, 'phone', services.flatMap((s) => s.phones.map((p, i) => ({
    id: child(s.id, 'phone', i), service_id: s.id, number: p.number, description: p.description,
  }))));
  await insertBatched(db, 'contact', services.flatMap((s) => s.contacts.map((c, i) => ({
    id: child(s.id, 'contact', i), service_id: s.id, name: c.name, title: c.title, email: c.email,
  }))));
  await insertBatched(db, 'service_translation', services.flatMap((s) => (s.translations ?? []).map((t) => ({
    id: translationId(s.id, t.language), service_id: s.id, language: t.language,
    name: t.name, description: t.description, application_process: t.applicationProcess,
  }))));
  await insertBatched(db, 'schedule', services.flatMap((s) => s.schedules.map((sc, i) => ({
    id: child(s.id, 'schedule', i), service_id: s.id, freq: 'WEEKLY', byday: sc.byday, opens_at: sc.opensAt,
    // HSDS timezone is one UTC offset, which Norwegian time (+1 or +2 by season) cannot be; the
    // times are local time in Norway, and a text such as 'Europe/Oslo' here would not survive an export
    closes_at: sc.closesAt, description: sc.description, timezone: null,
  }))));
}

/** The id of a service's text in one language: the same for the editor, the demo data and an import (HSDS data attributes). */
export const translationId = (serviceId: string, language: string) => nameUuid(`service-translation:${serviceId}:${language}`);

/** The parts of services an import or editor writes, by table, as ids of changed (or new) rows. */
export type ChangedParts = Partial<Record<'organization' | 'program' | 'location' | 'address' | 'accessibility' | 'service_at_location' | 'contact' | 'phone'
  | 'schedule' | 'language' | 'attribute' | 'funding' | 'service_area' | 'cost_option' | 'required_document' | 'service_translation', string[]>>;

/**
 * The services whose HSDS document (and FHIR resource) includes one of these rows: a phone,
 * schedule, contact or language of the service, of one of its locations or service_at_locations,
 * or of its organisation; a location (or its address or accessibility) it is given at; its
 * organisation, program, funding, areas, cost options and required documents; an attribute on any
 * of these. Read after the rows are written, so links are as they are now.
 */
export async function servicesWithParts(db: Tx, parts: ChangedParts): Promise<string[]> {
  const list = (table: keyof ChangedParts) => parts[table] ?? [];
  // the rows of these tables among the parts that point to an owner through `column`, as one union
  const owners = (column: string, tables: (keyof ChangedParts)[]) => sql.join(tables.map((table) =>
    sql`select ${sql.ref(column)} as id from ${sql.table(table)} where id = any(${list(table)}::uuid[]) and ${sql.ref(column)} is not null`), sql` union `);
  const attributesOf = (entity: string) => sql`select link_id from attribute where id = any(${list('attribute')}::uuid[]) and link_entity = ${sql.lit(entity)}`;
  const { rows } = await sql<{ id: string }>`
    with
      org as (select unnest(${[...list('organization')]}::uuid[]) as id
        union ${owners('organization_id', ['phone', 'contact', 'funding', 'program'])}
        union ${attributesOf('organization')}),
      loc as (select unnest(${[...list('location')]}::uuid[]) as id
        union ${owners('location_id', ['address', 'accessibility', 'phone', 'contact', 'schedule', 'language'])}
        union ${attributesOf('location')}),
      sal as (select unnest(${[...list('service_at_location')]}::uuid[]) as id
        union ${owners('service_at_location_id', ['phone', 'contact', 'schedule'])}
        union ${attributesOf('service_at_location')}),
      contact_of as (select id from contact where id = any(${list('contact')}::uuid[])
        union select contact_id from phone where id = any(${list('phone')}::uuid[]) and contact_id is not null
        union select p.contact_id from language l join phone p on p.id = l.phone_id where l.id = any(${list('language')}::uuid[]) and p.contact_id is not null)
    ${owners('service_id', ['phone', 'schedule', 'language', 'funding', 'service_area', 'cost_option', 'required_document', 'service_translation'])}
    union select p.service_id from language l join phone p on p.id = l.phone_id where l.id = any(${list('language')}::uuid[]) and p.service_id is not null
    union select c.service_id from contact c where c.id in (select id from contact_of) and c.service_id is not null
    union select id from service where program_id = any(${list('program')}::uuid[])
    union ${attributesOf('service')}
    union select id from service where organization_id in (select id from org)
    union select service_id from service_at_location where location_id in (select id from loc)
      or location_id in (select c.location_id from contact c where c.id in (select id from contact_of))
      or id in (select id from sal)
      or id in (select c.service_at_location_id from contact c where c.id in (select id from contact_of))`.execute(db);
  return rows.map((row) => row.id);
}

/**
 * Moves last_modified of these services to now, so consumers that sync with modified_after (HSDS)
 * or meta.lastUpdated (FHIR) see the change of any of their parts.
 */
export async function touchServices(db: Tx, serviceIds: string[]): Promise<void> {
  if (serviceIds.length === 0) return;
  await sql`update service set last_modified = now() where id = any(${serviceIds}::uuid[])`.execute(db);
}

/**
 * The format of the finder's rows: raise it when reindexServices puts other text in the search
 * document or another column in the row, and every database rebuilds its rows once at start
 * (rebuildOutdatedSearchIndex).
 * 1: the classification in people's words, postal places and location names (issue #13).
 * 2: the service's text in other languages (service_translation, issue #17).
 * 3: term names in nynorsk and English, and English and nynorsk search words (issue #17).
 * 4: texts_key, naming the texts a hit shows beside the row (migration 0037).
 */
export const SEARCH_INDEX_FORMAT = 4;

/** Rebuilds every finder row when they were built with an older format of the document; returns whether it did. */
export async function rebuildOutdatedSearchIndex(db: Db): Promise<boolean> {
  const row = await db.selectFrom('search_version').select('index_format').executeTakeFirst();
  if ((row?.index_format ?? 0) >= SEARCH_INDEX_FORMAT) return false;
  await db.transaction().execute((trx) => reindexServices(trx));
  return true;
}

/** The finder row's columns, in the order reindexServices' select makes them. */
const FINDER_COLUMNS = ['service_id', 'organization_id', 'name', 'organization_name', 'status', 'terms', 'municipality_numbers', 'document',
  'lat', 'lon', 'is_digital', 'minimum_age', 'maximum_age', 'assured_date', 'is_demo', 'confirmed_on', 'texts_key'] as const;

/**
 * Rebuilds the finder's rows for the given services (all when omitted): their text document,
 * classification keys (with ancestors), municipalities and the point distances are measured from.
 * Services that are not active or temporarily closed leave the finder.
 */
export async function reindexServices(db: Tx, serviceIds?: string[]): Promise<void> {
  const only = (ids: string[] | undefined) => (ids ? sql`and s.id = any(${ids}::uuid[])` : sql``);
  // Rows written earlier in this transaction are invisible to autovacuum; without fresh statistics
  // the planner takes the tables for empty: rebuilding 100,000 demo services was still running
  // after 5 minutes, against 22 s with statistics.
  const bulk = !serviceIds || serviceIds.length > 1000;
  const termWords = JSON.stringify(indexedTermWords());
  if (bulk) {
    await sql`analyze service, organization, attribute, service_at_location, location, language, service_translation`.execute(db);
    // for the rest of this transaction: the planner's cost of a bulk rebuild is far above jit_above_cost, and compiling it took 0.6 s
    // of a 20,000-service import's rebuild for nothing (a server without JIT ignores the setting)
    // and the sort into place order spilled 50 MB to disk at 20,000 services with the default work_mem
    await sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`.execute(db);
  }
  // Set-based: each part (terms, places, translations, point) is gathered for all the services at
  // once and grouped, instead of a lateral subquery per service; each term's words are stemmed
  // once and joined per distinct set of terms (many services share one). 20,000 imported services:
  // 6.3 s before (most of it per-row lookups and to_tsvector of the term words), see BENCHMARKS.md.
  const finderRows = (ids: string[] | undefined) => {
    const chosen = sql`select id from chosen`;
    return sql`
    with chosen as materialized (
      select s.id from service s join organization o on o.id = s.organization_id
      -- an organisation waiting for a moderator publishes nothing (see organizationApproved)
      where s.status in ('active', 'temporarily closed') and not o.awaiting_approval ${only(ids)}
    ),
    terms as (
      select service_id, array_agg(distinct key order by key) as keys from (
        select a.link_id as service_id, t.taxonomy || ':' || t.code as key
          from attribute a join taxonomy_term t on t.id = a.taxonomy_term_id
          where a.link_entity = 'service' and a.link_id in (${chosen})
        union all
        select a.link_id, p.taxonomy || ':' || p.code
          from attribute a join taxonomy_term t on t.id = a.taxonomy_term_id join taxonomy_term p on p.id = t.parent_id
          where a.link_entity = 'service' and a.link_id in (${chosen})
        union all
        select sal.service_id, t.taxonomy || ':' || t.code
          from service_at_location sal
          join attribute a on a.link_entity = 'location' and a.link_id = sal.location_id
          join taxonomy_term t on t.id = a.taxonomy_term_id
          where sal.service_id in (${chosen})
        union all
        select lang.service_id, 'sprak:' || lang.code from language lang where lang.service_id in (${chosen}) and lang.code is not null
      ) k group by service_id
    ),
    -- the classification in words people use: term names and synonyms (synonyms.ts), each term's
    -- words stemmed once, then joined per distinct set of terms (migration 0034)
    term_word as materialized (
      select key, setweight(to_tsvector('norwegian', words), 'D') as document from jsonb_each_text(${termWords}::jsonb) w (key, words)
    ),
    term_words as (
      select keys, coalesce((
        select tsvector_concat_agg(w.document order by k.n) from unnest(keys) with ordinality k (key, n) join term_word w on w.key = k.key
      ), ''::tsvector) as document
      from (select distinct keys from terms) d
    ),
    places as (
      -- place names: municipalities, and the postal places and names of locations that are not confidential
      select sal.service_id, array_agg(distinct l.municipality_number) as numbers,
        concat_ws(' ', string_agg(distinct m.name, ' '),
          string_agg(distinct concat_ws(' ', l.name, ad.city), ' ') filter (where not l.is_confidential)) as names
      from service_at_location sal
      join location l on l.id = sal.location_id
      join municipality m on m.number = l.municipality_number
      left join address ad on ad.location_id = l.id
      where sal.service_id in (${chosen})
      group by sal.service_id
    ),
    translated as (
      select t.service_id, string_agg(t.name, ' ' order by t.language) as names,
        string_agg(concat_ws(' ', t.description, t.application_process), ' ' order by t.language) as texts,
        json_agg(json_build_array(t.language, t.name, t.description) order by t.language) as shown
      from service_translation t where t.service_id in (${chosen})
      group by t.service_id
    ),
    -- a confidential location, or one without coordinates, is placed at its municipality's
    -- population centre (where the finder measures a municipality from), never at its address
    point as (
      select distinct on (sal.service_id) sal.service_id,
        case when l.is_confidential then m.centre_lat else coalesce(l.latitude, m.centre_lat) end as lat,
        case when l.is_confidential then m.centre_lon else coalesce(l.longitude, m.centre_lon) end as lon
      from service_at_location sal
      join location l on l.id = sal.location_id
      left join municipality m on m.number = l.municipality_number
      where sal.service_id in (${chosen}) and (l.latitude is not null or m.number is not null)
      order by sal.service_id, l.is_confidential, sal.id
    )
    select s.id, s.organization_id, s.name, o.name, s.status,
      coalesce(terms.keys, '{}'), coalesce(places.numbers, '{}'),
      setweight(to_tsvector('norwegian', s.name), 'A')
        || setweight(to_tsvector('norwegian', o.name), 'B')
        || setweight(to_tsvector('norwegian', coalesce(places.names, '')), 'B')
        || setweight(to_tsvector('norwegian', s.description || ' ' || coalesce(s.application_process, '') || ' ' || coalesce(s.eligibility_description, '')), 'C')
        -- the text in other languages, with the same stemmer as the query: a reader who types a word
        -- of the English or nynorsk text finds the offer, and its names weigh as names
        || setweight(to_tsvector('norwegian', coalesce(translated.names, '')), 'A')
        || setweight(to_tsvector('norwegian', coalesce(translated.texts, '')), 'C')
        || coalesce(term_words.document, ''::tsvector),
      point.lat, point.lon,
      coalesce('format:digital' = any(terms.keys), false),
      s.minimum_age, s.maximum_age, s.assured_date, s.is_demo,
      -- freshness is measured from the last confirmation, else from when the entry was made
      ${confirmedOn()},
      -- the texts a hit shows that the row does not hold as written (hitTexts): a change of them
      -- rewrites the row, so the finder's answers kept per search_version show it (migration 0037)
      md5(json_build_array(s.description, translated.shown)::text)::uuid
    from chosen c
    join service s on s.id = c.id
    join organization o on o.id = s.organization_id
    left join terms on terms.service_id = s.id
    left join term_words on term_words.keys = terms.keys
    left join places on places.service_id = s.id
    left join translated on translated.service_id = s.id
    left join point on point.service_id = s.id
    -- a full rebuild writes rows in place order, so searches near a place read few pages
    order by places.numbers[1], point.lat, point.lon
  `;
  };
  let ids = serviceIds;
  if (ids && !bulk) {
    // Only rows whose content changes are rewritten: the finder's caches are kept per search_version,
    // which any write to service_search or search_word moves (a statement trigger fires even for no
    // rows), so saving what the finder does not show (a waiting time, a contact) leaves them warm.
    // as stored: the select's municipality numbers are char(4)[], the table's text[]
    const fresh = sql.join(FINDER_COLUMNS.map((c) => (c === 'municipality_numbers' ? sql`f.${sql.ref(c)}::text[]` : sql`f.${sql.ref(c)}`)));
    const stored = sql.join(FINDER_COLUMNS.map((c) => sql`ss.${sql.ref(c)}`));
    const { rows } = await sql<{ id: string }>`
      with f (${sql.join(FINDER_COLUMNS.map((c) => sql.ref(c)))}) as (${finderRows(ids)})
      select coalesce(f.service_id, ss.service_id) as id
      from f full join (select * from service_search where service_id = any(${ids}::uuid[])) ss on ss.service_id = f.service_id
      where (${fresh}) is distinct from (${stored})`.execute(db);
    ids = rows.map((r) => r.id);
    if (ids.length === 0) return;
  }
  // ids is never empty here: a small set with nothing to rewrite returned above, a bulk one has over 1,000
  if (ids) await sql`delete from service_search where service_id = any(${ids}::uuid[])`.execute(db);
  else await sql`delete from service_search`.execute(db);
  await sql`insert into service_search (${sql.join(FINDER_COLUMNS.map((c) => sql.ref(c)))}) ${finderRows(ids)}`.execute(db);
  if (ids && !bulk) {
    // written only when there are new words, for the same reason
    const { rows } = await sql<{ word: string }>`
      select distinct word from service_search, unnest(tsvector_to_array(document)) word where service_id = any(${ids}::uuid[])
      except select word from search_word`.execute(db);
    if (rows.length > 0) await sql`insert into search_word (word) select unnest(${rows.map((r) => r.word)}::text[]) on conflict do nothing`.execute(db);
  } else {
    // ts_stat reads each document once in C: 0.2 s for 20,000 services where unnesting each into rows and grouping them took 0.4–0.7 s
    const documents = ids ? sql`format('select document from service_search where service_id = any(%L)', ${ids}::uuid[])` : sql`'select document from service_search'`;
    await sql`insert into search_word (word) select word from ts_stat(${documents}) on conflict do nothing`.execute(db);
  }
  if (!serviceIds) await db.updateTable('search_version').set({ index_format: SEARCH_INDEX_FORMAT }).execute();
  // PGlite runs no autovacuum: without this the finder's tables would never get statistics there
  if (bulk) await sql`analyze service_search, search_word`.execute(db);
}
