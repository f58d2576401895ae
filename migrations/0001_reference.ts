import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// Municipalities, counties, health regions, population and postal codes (2024 division).
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create extension if not exists pg_trgm;

    create table health_region (
      code text primary key,
      name text not null unique
    );

    create table county (
      number char(2) primary key,
      name text not null,
      official_name text not null
    );

    create table municipality (
      number char(4) primary key,
      name text not null,
      county_number char(2) not null references county (number),
      health_region_code text not null references health_region (code),
      -- interior point (pole of inaccessibility of the largest polygon), WGS84 degrees
      lat double precision not null,
      lon double precision not null
    );
    create index municipality_name_trgm on municipality using gin (lower(name) gin_trgm_ops);

    create table population (
      municipality_number char(4) not null references municipality (number),
      date date not null,
      persons integer not null check (persons >= 0),
      primary key (municipality_number, date)
    );

    -- municipality_number is null for Svalbard and Jan Mayen, which are not municipalities
    create table postal_code (
      code char(4) primary key,
      place text not null,
      municipality_number char(4) references municipality (number),
      area_name text
    );

    create table reference_dataset (
      name text primary key,
      checksum text not null,
      loaded_at timestamptz not null default now()
    );
  `);
}
