import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// The coverage atlas: an optional travel-time matrix that replaces straight-line distance,
// and snapshots of the national indicators so the atlas can show change over time.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    -- minutes from one municipality's interior point to another's; (n, n) is the trip inside n
    create table coverage_travel_time (
      from_municipality char(4) not null references municipality (number),
      to_municipality char(4) not null references municipality (number),
      minutes double precision not null check (minutes >= 0),
      primary key (from_municipality, to_municipality)
    );

    -- at most one matrix is in use: this row describes it (no row: great-circle km)
    create table coverage_travel_time_set (
      id smallint primary key default 1 check (id = 1),
      checksum text not null,
      row_count integer not null,
      source_name text not null,
      loaded_at timestamptz not null default now()
    );

    create table coverage_snapshot (
      taken_on date not null,
      data_version text not null,
      -- 'YYYY-MM' in Europe/Oslo, so the automatic snapshot is unique per calendar month
      month char(7) not null,
      trigger text not null check (trigger in ('monthly', 'manual')),
      taken_at timestamptz not null default now(),
      indicators jsonb not null,
      primary key (taken_on, data_version)
    );
    create unique index coverage_snapshot_monthly on coverage_snapshot (month) where trigger = 'monthly';
    create index coverage_snapshot_taken_at on coverage_snapshot (taken_at desc);
  `);
}
