import { Type } from '@sinclair/typebox';
import type { App } from '../platform/http/app.ts';
import type { Db } from '../platform/db/index.ts';
import { PROBLEM_TYPES, sendProblem } from '../platform/http/problem.ts';
import { msg, nb } from '../platform/i18n/index.ts';
import { paths } from '../platform/paths.ts';
import { OneOf } from '../platform/http/one-of.ts';
import { yieldToRequests } from '../platform/event-loop.ts';
import { sendExport } from './hsds/export-cache.ts';
import { METHOD_NOT_ALLOWED, refuseWrites } from './read-only.ts';
import { BOM, CSV_TYPE, csvAttachment, csvLine, csvRows, type CsvWriteOptions } from '../platform/csv.ts';
import { FinderQuerySchema, toSearchQuery, placeFrom, searchServices, textLanguagesOf, type SearchHit, LANGUAGE_FACET, LANGUAGES, termNames } from '../directory/index.ts';

// ---- /api/v1/services.csv: the finder's hits as a spreadsheet ----

/**
 * The finder's parameters and sep. Others are ignored, as on the finder page (cache busters,
 * tracking tags), and are no part of what the download is kept under.
 */
const CsvQuerySchema = Type.Object({
  ...FinderQuerySchema.properties,
  sep: Type.Optional(OneOf([';', ','], {
    description: '";" (the default): semicolons between columns and decimal commas, as Norwegian Excel opens it; ",": commas and decimal points (RFC 4180, for programs)',
  })),
}, { additionalProperties: true });
const KNOWN_PARAMS = new Set(Object.keys(CsvQuerySchema.properties));

/** The delimiter a query asks for: semicolon unless sep=, (Norwegian spreadsheets read that). */
export const delimiterOf = (sep: string | undefined): CsvWriteOptions['delimiter'] => (sep === ',' ? ',' : ';');

/** The most specific term names of the given facets, or the language names. */
function facetCell(hit: SearchHit, facet: string): string {
  if (facet === LANGUAGE_FACET) return hit.terms.filter((k) => k.startsWith(`${facet}:`)).map((k) => LANGUAGES[k.slice(facet.length + 1)] ?? k).join(', ');
  return termNames(hit.terms, [facet]).join(', ');
}

/** The CSV of the finder's hits in pieces: the header, then a few thousand hits at a time. */
/**
 * `textLanguages`: per hit, the languages its text is written in (BCP 47: nb and its translations'),
 * the last column; a hit missing there has its bokmål text only.
 */
export function* servicesCsvPieces(hits: SearchHit[], options: CsvWriteOptions & { baseUrl: string; textLanguages?: Map<string, string[]> }): Generator<string> {
  const c = nb.openData.csvColumns; // open data: column names and values stay bokmål in every language
  const facets: [string, string][] = [[c.level, 'niva'], [c.field, 'felt'], [c.setting, 'arena'], [c.group, 'malgruppe'], [c.access, 'tilgang'],
    [c.referrers, 'henviser'], [c.format, 'format'], [c.cost, 'kostnad'], [c.languages, LANGUAGE_FACET]];
  const header = [c.id, c.name, c.organization, c.status, ...facets.map(([name]) => name), c.municipalities, c.digital, c.lat, c.lon,
    c.distance, c.assured, c.demo, c.url, c.textLanguages];
  const yesNo = (value: boolean) => (value ? nb.openData.yes : nb.openData.no);
  yield BOM + csvLine(header, options);
  for (let i = 0; i < hits.length; i += 2000) {
    yield csvRows(hits.slice(i, i + 2000).map((hit) => [
      hit.id, hit.name, hit.organizationName, hit.status, ...facets.map(([, facet]) => facetCell(hit, facet)), hit.municipalityNumbers.join(', '),
      yesNo(hit.isDigital), hit.lat, hit.lon, hit.distanceKm === null ? null : Math.round(hit.distanceKm * 10) / 10, hit.assuredDate,
      yesNo(hit.isDemo), `${options.baseUrl}${paths.service(hit.id)}`, (options.textLanguages?.get(hit.id) ?? ['nb']).join(', '),
    ]), options);
  }
}

export function servicesCsv(hits: SearchHit[], options: CsvWriteOptions & { baseUrl: string; textLanguages?: Map<string, string[]> }): string {
  return [...servicesCsvPieces(hits, options)].join('');
}

/** Every hit, not a page: a spreadsheet is for working with the whole selection. */
const CSV_LIMIT = 100_000;

export async function servicesCsvRoutes(app: App, { db }: { db: Db }) {
  refuseWrites(app, [paths.servicesCsv], (request, reply) => sendProblem(reply, {
    type: METHOD_NOT_ALLOWED, title: 'Method not allowed', status: 405, detail: `The CSV export is read-only: ${request.method} is not offered; use GET`,
  }));
  app.get(paths.servicesCsv, {
    schema: {
      tags: ['services'], summary: 'The finder\'s hits as CSV (UTF-8 with BOM)',
      description: 'The same parameters as /api/v1/services; every hit, not one page. Semicolons and decimal commas unless sep=, (then commas and decimal points). Unknown parameters are ignored.',
      querystring: CsvQuerySchema,
    },
  }, async (request, reply) => {
    const query = request.query;
    const located = await placeFrom(db, query);
    if (located.problem) {
      return sendProblem(reply, { type: PROBLEM_TYPES.validation, title: 'Invalid request parameters', status: 400, errors: [{ name: located.problem.field, reason: located.problem.message }] });
    }
    const search = { ...toSearchQuery(query, located), page: 1, perPage: CSV_LIMIT };
    const baseUrl = `${request.protocol}://${request.host}`;
    // kept per directory version and query: the same download again is read from disk, not searched and written again
    const known = Object.entries({ ...query, sep: delimiterOf(query.sep) }).filter(([name]) => KNOWN_PARAMS.has(name)).sort(([a], [b]) => a.localeCompare(b));
    const key = `services.csv\u0000${baseUrl}\u0000${JSON.stringify(known)}`;
    return sendExport(request, reply, db, {
      key, type: CSV_TYPE, disposition: csvAttachment('samklang-tilbud.csv'),
      build: async function* () {
        const result = await searchServices(db, search);
        const textLanguages = await textLanguagesOf(db, result.hits.map((hit) => hit.id));
        for (const piece of servicesCsvPieces(result.hits, { delimiter: delimiterOf(query.sep), baseUrl, textLanguages })) {
          yield piece;
          await yieldToRequests();
        }
      },
    });
  });
}
