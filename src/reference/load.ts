import { sql } from 'kysely';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Db } from '../platform/db/index.ts';
import { checksum, parseSimpleCsv, readReferenceFile } from './files.ts';
import { AREAS_OUTSIDE_MUNICIPALITIES, HEALTH_REGIONS, healthRegionCode } from './regions.ts';

const FILES = [
  'kommuner.csv', 'befolkning.csv', 'postnummer.csv', 'geo/Fylker-S.topojson', 'kommune-befolkningssenter.csv', 'postnummer-punkt.csv',
] as const;

/**
 * Loads municipalities (with their interior point and population centre), counties, health
 * regions, population and postal codes (with their own point) into their tables, in one
 * transaction. Skips the work when the same files were loaded before (by checksum of them all).
 * Returns true when it loaded.
 */
export async function loadReferenceData(db: Db): Promise<boolean> {
  const texts = Object.fromEntries(FILES.map((name) => [name, readReferenceFile(name)])) as Record<(typeof FILES)[number], string>;
  const sum = checksum(...FILES.map((name) => texts[name]));
  const loaded = await db.selectFrom('reference_dataset').select('checksum').where('name', '=', 'reference').executeTakeFirst();
  if (loaded?.checksum === sum) return false;

  const municipalities = parseSimpleCsv(texts['kommuner.csv']);
  const population = parseSimpleCsv(texts['befolkning.csv']);
  const postalCodes = parseSimpleCsv(texts['postnummer.csv']);
  const centres = new Map(parseSimpleCsv(texts['kommune-befolkningssenter.csv']).map((c) => [c.kommunenummer!, c]));
  const postalPoints = new Map(parseSimpleCsv(texts['postnummer-punkt.csv']).map((p) => [p.postnummer!, p]));
  const counties = topojsonCounties(texts['geo/Fylker-S.topojson']);
  const shortCountyName = new Map(municipalities.map((m) => [m.fylkesnummer!, m.fylkesnavn!]));

  await db.transaction().execute(async (trx) => {
    for (const region of HEALTH_REGIONS) {
      await trx.insertInto('health_region').values(region)
        .onConflict((oc) => oc.column('code').doUpdateSet({ name: region.name })).execute();
    }
    for (const county of counties) {
      const row = { number: county.number, name: shortCountyName.get(county.number) ?? county.name, official_name: county.officialName };
      await trx.insertInto('county').values(row)
        .onConflict((oc) => oc.column('number').doUpdateSet({ name: row.name, official_name: row.official_name })).execute();
    }
    const municipalityRows = municipalities.map((m) => {
      // the recommended single point: the populated cell nearest the whole population (sentrumsrute)
      const centre = centres.get(m.kommunenummer!);
      if (!centre) throw new Error(`kommune-befolkningssenter.csv has no row for municipality ${m.kommunenummer}`);
      return {
        number: m.kommunenummer!,
        name: m.kommunenavn!,
        county_number: m.fylkesnummer!,
        health_region_code: healthRegionCode(m.helseregion!),
        lat: Number(m.lat),
        lon: Number(m.lon),
        centre_lat: Number(centre.sentrumsrute_lat),
        centre_lon: Number(centre.sentrumsrute_lon),
      };
    });
    await trx.insertInto('municipality').values(municipalityRows)
      .onConflict((oc) => oc.column('number').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        county_number: eb.ref('excluded.county_number'),
        health_region_code: eb.ref('excluded.health_region_code'),
        lat: eb.ref('excluded.lat'),
        lon: eb.ref('excluded.lon'),
        centre_lat: eb.ref('excluded.centre_lat'),
        centre_lon: eb.ref('excluded.centre_lon'),
      }))).execute();

    const populationRows = population.map((p) => ({ municipality_number: p.kommunenummer!, date: p.dato!, persons: Number(p.befolkning) }));
    await trx.insertInto('population').values(populationRows)
      .onConflict((oc) => oc.columns(['municipality_number', 'date']).doUpdateSet((eb) => ({ persons: eb.ref('excluded.persons') }))).execute();

    const postalRows = postalCodes.map((p) => {
      const area = AREAS_OUTSIDE_MUNICIPALITIES[p.kommunenummer!];
      // a code newer than the points file has no point of its own: it is measured from its municipality's centre
      const point = postalPoints.get(p.postnummer!);
      return {
        code: p.postnummer!, place: p.poststed!, municipality_number: area ? null : p.kommunenummer!, area_name: area ?? null,
        lat: point ? Number(point.lat) : null, lon: point ? Number(point.lon) : null,
      };
    });
    await sql`delete from postal_code`.execute(trx);
    for (let i = 0; i < postalRows.length; i += 2000) {
      await trx.insertInto('postal_code').values(postalRows.slice(i, i + 2000)).execute();
    }
    await trx.insertInto('reference_dataset').values({ name: 'reference', checksum: sum })
      .onConflict((oc) => oc.column('name').doUpdateSet({ checksum: sum, loaded_at: new Date() })).execute();
  });
  return true;
}

function topojsonCounties(text: string): { number: string; name: string; officialName: string }[] {
  const topology = JSON.parse(text) as Topology<{ Fylker: GeometryCollection<{ fylkesnummer: string; name: string; fylkesnavn: string }> }>;
  return topology.objects.Fylker.geometries.map((g) => {
    const p = g.properties as { fylkesnummer: string; name: string; fylkesnavn: string };
    return { number: p.fylkesnummer, name: p.name, officialName: p.fylkesnavn };
  });
}
