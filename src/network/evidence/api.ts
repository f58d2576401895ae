// The library as open data: JSON (in the OpenAPI document), CSL-JSON for reference managers, and CSV.
import type { Db } from '../../platform/db/index.ts';
import type { App } from '../../platform/http/app.ts';
import { paths } from '../../platform/paths.ts';
import { sendCsvFile, type CsvValue } from '../../platform/csv.ts';
import { dropEmptyQueryValues } from '../../platform/http/problem.ts';
import { Type } from '@sinclair/typebox';
import { entryToCsl } from './csl.ts';
import { authorLine, type EvidenceEntry } from './model.ts';
import { ApiEntry, ApiQuery } from './params.ts';
import { listEntries } from './queries.ts';

const TAGS = ['network'];
const ATTRIBUTION = 'The national network for music therapy in substance use and mental health (Norway), via Samklang. Bibliographic facts only; entries with checked=false are not yet checked against their source. NLOD 2.0.';

function apiEntry(entry: EvidenceEntry, baseUrl: string) {
  return {
    key: entry.key, kind: entry.kind, title: entry.title, authors: entry.authors, authors_incomplete: entry.authors_incomplete, year: entry.year, container_title: entry.container_title,
    doi: entry.doi, url: entry.url, design: entry.design, population: entry.population, setting: entry.setting, outcomes: entry.outcomes,
    main_finding: entry.main_finding, effect_size: entry.effect_size, effect_size_source: entry.effect_size_source,
    checked: entry.checked_at !== null, checked_at: entry.checked_at?.toISOString() ?? null, page: `${baseUrl}${paths.network.evidence.entry(entry.key)}`,
  };
}

const CSV_COLUMNS = ['key', 'kind', 'authors', 'authors_incomplete', 'year', 'title', 'container_title', 'doi', 'url', 'design', 'population', 'setting', 'outcomes', 'main_finding', 'effect_size', 'effect_size_source', 'checked', 'checked_at', 'page'] as const;

export async function evidenceApiRoutes(app: App, { db }: { db: Db }) {
  const filterOf = (query: { design?: EvidenceEntry['design'] & string; population?: EvidenceEntry['population'] & string; outcome?: EvidenceEntry['outcomes'][number] }) =>
    ({ design: query.design, population: query.population, outcome: query.outcome });
  const baseUrl = (request: { protocol: string; host: string }) => `${request.protocol}://${request.host}`;

  app.get(paths.network.evidence.api.json, {
    preValidation: dropEmptyQueryValues,
    schema: {
      tags: TAGS, summary: 'The network\'s evidence library: studies, reviews, guidelines and other sources',
      querystring: ApiQuery,
      response: { 200: Type.Object({ items: Type.Array(ApiEntry), count: Type.Integer(), attribution: Type.String() }) },
    },
  }, async (request) => {
    const entries = await listEntries(db, filterOf(request.query));
    return { items: entries.map((entry) => apiEntry(entry, baseUrl(request))), count: entries.length, attribution: ATTRIBUTION };
  });

  app.get(paths.network.evidence.api.csl, {
    preValidation: dropEmptyQueryValues,
    schema: { tags: TAGS, summary: 'The evidence library as CSL-JSON (for Zotero and other reference managers); id is the citation key', querystring: ApiQuery },
  }, async (request, reply) => {
    const entries = await listEntries(db, filterOf(request.query));
    return reply.type('application/vnd.citationstyles.csl+json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="samklang-kunnskap.csl.json"')
      .send(JSON.stringify(entries.map(entryToCsl), null, 2));
  });

  app.get(paths.network.evidence.api.csv, {
    preValidation: dropEmptyQueryValues,
    schema: { tags: TAGS, summary: 'The evidence library as CSV (UTF-8 with BOM, comma-separated)', querystring: ApiQuery },
  }, async (request, reply) => {
    const entries = await listEntries(db, filterOf(request.query));
    const rows = entries.map((entry) => {
      const row = apiEntry(entry, baseUrl(request));
      const values: Record<(typeof CSV_COLUMNS)[number], CsvValue> = {
        ...row, authors: entry.authors.map(authorLine).join('; '), outcomes: entry.outcomes.join(';'),
      };
      return CSV_COLUMNS.map((column) => values[column]);
    });
    return sendCsvFile(reply, 'samklang-kunnskap.csv', [[...CSV_COLUMNS], ...rows], { delimiter: ',' });
  });
}
