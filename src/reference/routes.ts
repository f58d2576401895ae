import { Type } from '@sinclair/typebox';
import type { Db } from '../platform/db/index.ts';
import type { App } from '../platform/http/app.ts';
import { PROBLEM_TYPES, sendProblem } from '../platform/http/problem.ts';
import { paths } from '../platform/paths.ts';
import { findPostalCode, listMunicipalities } from './queries.ts';
import { MunicipalityNumber, PostalCode } from './schema.ts';

const Nullable = (schema: ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>) => Type.Union([schema, Type.Null()]);

const MunicipalitySchema = Type.Object({
  number: MunicipalityNumber(),
  name: Type.String(),
  county_number: Type.String(),
  county_name: Type.String(),
  health_region_code: Type.String(),
  health_region_name: Type.String(),
  lat: Type.Number({ description: 'Interior point (pole of inaccessibility), WGS84' }),
  lon: Type.Number(),
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
    source: 'Boundaries and names © Kartverket (CC BY 4.0); population: Statistisk sentralbyrå (SSB), table 07459 (NLOD)',
  }));

  app.get(paths.api.postalCode, {
    schema: {
      tags: ['reference'],
      summary: 'A postal code and its (primary) municipality',
      params: Type.Object({ code: PostalCode({ description: 'Four-digit postal code' }) }),
      response: {
        200: Type.Object({
          code: Type.String(), place: Type.String(), municipality_number: Nullable(Type.String()),
          municipality_name: Nullable(Type.String()), area_name: Nullable(Type.String()), source: Type.String(),
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
      source: 'Bring (Posten Norge AS), postnummerregisteret, 2026-05-26',
    };
  });
}
