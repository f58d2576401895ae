import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// The directory, shaped after Open Referral HSDS 3.0 (same table and column names, UUID ids),
// plus a few columns of our own, each marked "ours". HSDS export is then a mapping.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table organization (
      id uuid primary key,
      name text not null,
      alternate_name text,
      description text not null default '',
      email text,
      website text,
      legal_status text,
      year_incorporated integer,
      logo text,
      uri text,
      parent_organization_id uuid references organization (id),
      is_demo boolean not null default false, -- ours: fictional demo data
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table organization_identifier (
      id uuid primary key,
      organization_id uuid not null references organization (id) on delete cascade,
      identifier_scheme text,
      identifier_type text not null,
      identifier text not null
    );
    create unique index organization_identifier_unique on organization_identifier (identifier_type, identifier);

    create table service (
      id uuid primary key,
      organization_id uuid not null references organization (id),
      name text not null,
      alternate_name text,
      description text not null default '',
      url text,
      email text,
      status text not null default 'active'
        check (status in ('active', 'inactive', 'defunct', 'temporarily closed')),
      interpretation_services text,
      application_process text,
      fees_description text,
      wait_time text,
      eligibility_description text,
      minimum_age integer check (minimum_age >= 0),
      maximum_age integer check (maximum_age >= 0),
      assured_date date,
      assurer_email text,
      alert text,
      fte numeric(6, 2) check (fte >= 0), -- ours: music-therapist capacity (årsverk)
      is_demo boolean not null default false, -- ours
      last_modified timestamptz not null default now(),
      created_at timestamptz not null default now(),
      check (minimum_age is null or maximum_age is null or minimum_age <= maximum_age)
    );
    create index service_organization on service (organization_id);

    create table location (
      id uuid primary key,
      location_type text not null default 'physical' check (location_type in ('physical', 'postal', 'virtual')),
      url text,
      organization_id uuid references organization (id),
      name text,
      alternate_name text,
      description text,
      transportation text,
      latitude double precision check (latitude between -90 and 90),
      longitude double precision check (longitude between -180 and 180),
      external_identifier text,
      external_identifier_type text,
      is_confidential boolean not null default false, -- ours: address hidden, contact point shown
      municipality_number char(4) references municipality (number), -- ours
      is_demo boolean not null default false -- ours
    );
    create index location_organization on location (organization_id);

    create table address (
      id uuid primary key,
      location_id uuid not null references location (id) on delete cascade,
      attention text,
      address_1 text not null,
      address_2 text,
      city text not null,
      region text,
      state_province text not null,
      postal_code text not null,
      country char(2) not null default 'NO',
      address_type text not null default 'physical' check (address_type in ('physical', 'postal', 'virtual'))
    );
    create index address_location on address (location_id);

    create table service_at_location (
      id uuid primary key,
      service_id uuid not null references service (id) on delete cascade,
      location_id uuid not null references location (id) on delete cascade,
      description text,
      unique (service_id, location_id)
    );
    create index service_at_location_location on service_at_location (location_id);

    create table contact (
      id uuid primary key,
      organization_id uuid references organization (id) on delete cascade,
      service_id uuid references service (id) on delete cascade,
      service_at_location_id uuid references service_at_location (id) on delete cascade,
      location_id uuid references location (id) on delete cascade,
      name text,
      title text,
      department text,
      email text
    );
    create index contact_service on contact (service_id);

    create table phone (
      id uuid primary key,
      location_id uuid references location (id) on delete cascade,
      service_id uuid references service (id) on delete cascade,
      organization_id uuid references organization (id) on delete cascade,
      contact_id uuid references contact (id) on delete cascade,
      service_at_location_id uuid references service_at_location (id) on delete cascade,
      number text not null,
      extension text,
      type text,
      description text
    );
    create index phone_service on phone (service_id);
    create index phone_location on phone (location_id);

    create table schedule (
      id uuid primary key,
      service_id uuid references service (id) on delete cascade,
      location_id uuid references location (id) on delete cascade,
      service_at_location_id uuid references service_at_location (id) on delete cascade,
      valid_from date,
      valid_to date,
      dtstart date,
      timezone text,
      until date,
      count integer,
      wkst text,
      freq text check (freq in ('WEEKLY', 'MONTHLY')),
      interval integer,
      byday text,
      byweekno text,
      bymonthday text,
      byyearday text,
      description text,
      opens_at time,
      closes_at time,
      schedule_link text,
      attending_type text,
      notes text
    );
    create index schedule_service on schedule (service_id);

    create table language (
      id uuid primary key,
      service_id uuid references service (id) on delete cascade,
      location_id uuid references location (id) on delete cascade,
      phone_id uuid references phone (id) on delete cascade,
      name text,
      code text,
      note text
    );
    create index language_service on language (service_id);

    create table accessibility (
      id uuid primary key,
      location_id uuid references location (id) on delete cascade,
      description text,
      details text,
      url text
    );
    create index accessibility_location on accessibility (location_id);

    create table taxonomy (
      id uuid primary key,
      name text not null,
      description text not null,
      uri text,
      version text
    );

    create table taxonomy_term (
      id uuid primary key,
      code text,
      name text not null,
      description text not null,
      parent_id uuid references taxonomy_term (id),
      taxonomy text,
      language text,
      taxonomy_id uuid references taxonomy (id),
      term_uri text
    );
    create unique index taxonomy_term_code on taxonomy_term (taxonomy_id, code);

    create table attribute (
      id uuid primary key,
      link_id uuid not null,
      taxonomy_term_id uuid not null references taxonomy_term (id),
      link_type text,
      link_entity text not null check (link_entity in ('service', 'location', 'organization', 'service_at_location')),
      value text,
      label text
    );
    create index attribute_link on attribute (link_entity, link_id);
    create unique index attribute_unique on attribute (link_entity, link_id, taxonomy_term_id);

    -- ours: one row per published service, rebuilt by the application whenever a service or
    -- anything it shows changes; the finder reads only this table.
    create table service_search (
      service_id uuid primary key references service (id) on delete cascade,
      organization_id uuid not null,
      name text not null,
      organization_name text not null,
      status text not null,
      -- classification codes, ancestors included, e.g. {niva:lavterskel, arena:spesialist, arena:spesialist:dps}
      terms text[] not null,
      municipality_numbers text[] not null,
      document tsvector not null,
      -- the point distance is measured from: the first public location, or the municipality's
      -- interior point for a confidential one; null for digital-only services
      lat double precision,
      lon double precision,
      is_digital boolean not null,
      minimum_age integer,
      maximum_age integer,
      assured_date date,
      is_demo boolean not null
    );
    create index service_search_terms on service_search using gin (terms);
    create index service_search_document on service_search using gin (document);
    create index service_search_municipalities on service_search using gin (municipality_numbers);
    -- nearest-first scans and bounding boxes around a place (degrees; the exact distance is computed after)
    create index service_search_point on service_search using gist (point(lon, lat));
    -- with the box above, lets "digital, or within the radius" be read from indexes (a BitmapOr)
    create index service_search_digital on service_search (service_id) where is_digital;

    -- ours: the words of all searchable text, for typo-tolerant matching with pg_trgm
    create table search_word (
      word text primary key
    );
    create index search_word_trgm on search_word using gin (word gin_trgm_ops);

    -- ours: changes in the same transaction as any change to the finder's rows or words, so caches
    -- of what is derived from them (facet counts, typo expansions) can tell they are stale
    create table search_version (
      only_row boolean primary key default true check (only_row),
      version bigint not null
    );
    insert into search_version (version) values (0);
    create function bump_search_version() returns trigger language plpgsql as $$
      begin update search_version set version = version + 1; return null; end
    $$;
    create trigger service_search_changed after insert or update or delete or truncate on service_search
      for each statement execute function bump_search_version();
    create trigger search_word_changed after insert or update or delete or truncate on search_word
      for each statement execute function bump_search_version();

    -- Foreign keys without an index make each cascaded delete scan the referencing table, so
    -- removing 100,000 demo services was quadratic (not done after minutes). Partial where most
    -- values are empty.
    create index organization_identifier_organization on organization_identifier (organization_id);
    create index organization_parent on organization (parent_organization_id) where parent_organization_id is not null;
    create index contact_organization on contact (organization_id) where organization_id is not null;
    create index contact_service_at_location on contact (service_at_location_id) where service_at_location_id is not null;
    create index contact_location on contact (location_id) where location_id is not null;
    create index phone_organization on phone (organization_id) where organization_id is not null;
    create index phone_contact on phone (contact_id) where contact_id is not null;
    create index phone_service_at_location on phone (service_at_location_id) where service_at_location_id is not null;
    create index schedule_location on schedule (location_id) where location_id is not null;
    create index schedule_service_at_location on schedule (service_at_location_id) where service_at_location_id is not null;
    create index language_location on language (location_id) where location_id is not null;
    create index language_phone on language (phone_id) where phone_id is not null;
  `);
}
