import { Type } from '@sinclair/typebox';
import type { Db } from '../platform/db/index.ts';
import type { App } from '../platform/http/app.ts';
import { PROBLEM_TYPES, sendProblem } from '../platform/http/problem.ts';
import { paths } from '../platform/paths.ts';
import { findPostalCode, listMunicipalities } from './queries.ts';
import { MunicipalityNumber, PostalCode } from './schema.ts';

const Nullable = (schema: ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer> | ReturnType<typeof Type.Number>) => Type.Union([schema, Type.Null()]);

const MunicipalitySchema = Type.Object({
  number: MunicipalityNumber(),
  name: Type.String(),
  county_number: Type.String(),
  county_name: Type.String(),
  health_region_code: Type.String(),
  health_region_name: Type.String(),
  lat: Type.Number({ description: 'Interior point (pole of inaccessibility), WGS84: a point inside the municipality, often far from where people live' }),
  lon: Type.Number(),
  centre_lat: Type.Number({ description: 'Population centre, WGS84: the populated 250 m cell nearest the whole population (SSB grid, 1 January 2022); the finder measures distances from it' }),
  centre_lon: Type.Number(),
  population: Nullable(Type.Integer()),
  population_date: Nullable(Type.String({ format: 'date' })),
});

export async function referenceRoutes(app: App, { db }: { db: Db }) {
  app.get(paths.api.municipalities, {
    schema: {
      tags: ['reference'],
      summary: 'Municipalities (2024 division) with county, health region and newest population',
      response: { 200: Type.Object({ items: Type.Array(MunicipalitySchema), source: Type.String() }) },
    },
  }, async () => ({
    items: await listMunicipalities(db),
    source: 'Boundaries and names © Kartverket (CC BY 4.0); population: Statistisk sentralbyrå (SSB), table 07459 (NLOD); population centre: Statistisk sentralbyrå (SSB), 250 m population grid (2022, 2019)',
  }));

  app.get(paths.api.postalCode, {
    schema: {
      tags: ['reference'],
      summary: 'A postal code and its (primary) municipality',
      params: Type.Object({ code: PostalCode({ description: 'Four-digit postal code' }) }),
      response: {
        200: Type.Object({
          code: Type.String(), place: Type.String(), municipality_number: Nullable(Type.String()),
          municipality_name: Nullable(Type.String()), area_name: Nullable(Type.String()),
          lat: Nullable(Type.Number({ description: 'The point distances from this postal code are measured from, WGS84: its own point, or its municipality\'s population centre when it has none' })),
          lon: Nullable(Type.Number()),
          point: Type.Union([Type.Literal('postal_code'), Type.Literal('municipality_centre'), Type.Null()], { description: 'Where lat/lon come from' }),
          source: Type.String(),
        }),
      },
    },
  }, async (request, reply) => {
    const { code } = request.params;
    const found = await findPostalCode(db, code);
    if (!found) return sendProblem(reply, { type: PROBLEM_TYPES.notFound, title: 'Unknown postal code', status: 404, detail: `No postal code ${code} in the register` });
    return {
      code: found.code, place: found.place, municipality_number: found.municipality_number,
      municipality_name: found.municipality_name, area_name: found.area_name,
      lat: found.lat, lon: found.lon,
      point: found.point_is_own ? 'postal_code' as const : found.lat === null ? null : 'municipality_centre' as const,
      source: 'Bring (Posten Norge AS), postnummerregisteret, 2026-05-26; point: Erik Bolstad, postnummerkoordinatar (CC BY 3.0, www.erikbolstad.no/postnummer/)',
    };
  });
}
