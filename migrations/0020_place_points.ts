import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

// Points that distances start from where people live (issue #13, item 4):
// - municipality.centre_lat/centre_lon: the municipality's population centre, the populated 250 m
//   cell nearest the whole population (SSB's 250 m grid, 1 January 2022: "sentrumsrute" in
//   data/reference/kommune-befolkningssenter.csv). The finder, the API and HSDS measure a
//   municipality's distances from it. lat/lon (the pole of inaccessibility) stay as they are: the
//   coverage atlas reads them.
// - postal_code.lat/lon: the postal code's own point (Erik Bolstad's postal code coordinates,
//   data/reference/postnummer-punkt.csv); null for a code the points file lacks, which is then
//   measured from its municipality's centre.
// Existing rows get the interior point as a stand-in, and the reference data's bookkeeping row is
// removed, so the next start loads the real points (loadReferenceData) before anything is served.
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    alter table municipality add column centre_lat double precision, add column centre_lon double precision;
    update municipality set centre_lat = lat, centre_lon = lon;
    alter table municipality alter column centre_lat set not null, alter column centre_lon set not null;

    alter table postal_code add column lat double precision, add column lon double precision;
    alter table postal_code add constraint postal_code_point check ((lat is null) = (lon is null));

    delete from reference_dataset where name = 'reference';
  `);
}
