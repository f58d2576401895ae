// The library's public pages: the list with filters, an entry, the guidelines and the evidence map.
import { Type } from '@sinclair/typebox';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/index.ts';
import type { App } from '../../platform/http/app.ts';
import { sentString } from '../../platform/http/sent.ts';
import { dropEmptyQueryValues } from '../../platform/http/problem.ts';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { sendPage } from '../../platform/views/render.ts';
import type { PageSection } from '../../platform/views/page-section.ts';
import { networkRoles } from '../roles.ts';
import { evidenceApiRoutes } from './api.ts';
import { evidencePersonalData } from './personal-data.ts';
import { GUIDELINES } from './guidelines.ts';
import { KEY_PATTERN } from './model.ts';
import { PageQuery } from './params.ts';
import { checkerName, findEntries, findEntry, listEntries, mapCounts } from './queries.ts';
import { evidenceSecretariatRoutes } from './routes-secretariat.ts';
import { EntryPage } from './views/entry-page.tsx';
import { GuidelinesPage } from './views/guidelines-page.tsx';
import { ListPage } from './views/list-page.tsx';
import { MapPage } from './views/map-page.tsx';

export const KeyParams = Type.Object({ key: Type.String({ pattern: KEY_PATTERN }) });

export async function evidenceRoutes(app: App, deps: { db: Db; config: Config; evidenceExperiences: PageSection<[outcomes: readonly string[]]> }) {
  const { db } = deps;
  const m = msg.networkEvidence;
  app.personalData.register(evidencePersonalData);
  await evidenceApiRoutes(app, deps);
  await evidenceSecretariatRoutes(app, deps);
  const secretariatOf = async (request: Parameters<typeof networkRoles>[1]) => (await networkRoles(db, request)).secretariat;

  app.get(paths.network.evidence.index, { schema: { querystring: PageQuery }, attachValidation: true, preValidation: dropEmptyQueryValues }, async (request, reply) => {
    const secretariat = await secretariatOf(request);
    const filter = { design: sentString(request.query, 'design') ?? '', populasjon: sentString(request.query, 'populasjon') ?? '', utfall: sentString(request.query, 'utfall') ?? '' };
    if (request.validationError) {
      return sendPage(reply, ListPage({ entries: await listEntries(db), filter, error: m.list.badFilter, secretariat }), 400);
    }
    const { design, populasjon, utfall, importert, hoppet } = request.query;
    const entries = await listEntries(db, { design, population: populasjon, outcome: utfall });
    const notice = importert !== undefined ? m.list.imported(importert, hoppet ?? 0) : undefined;
    return sendPage(reply, ListPage({ entries, filter, notice, secretariat }));
  });

  app.get(paths.network.evidence.entry(), { schema: { params: KeyParams }, attachValidation: true }, async (request, reply) => {
    const entry = request.validationError ? undefined : await findEntry(db, request.params.key);
    if (!entry) return reply.callNotFound();
    const secretariat = (await secretariatOf(request)) ? { csrfToken: request.csrfToken } : null;
    return sendPage(reply, EntryPage({ entry, checkerName: await checkerName(db, entry.checked_by), secretariat, experiences: await deps.evidenceExperiences(db, entry.outcomes) }));
  });

  app.get(paths.network.evidence.guidelines, async (request, reply) => {
    const entries = await findEntries(db, GUIDELINES.map((g) => g.key));
    return sendPage(reply, GuidelinesPage({ entries: new Map(entries.map((entry) => [entry.key, entry])), secretariat: await secretariatOf(request) }));
  });

  app.get(paths.network.evidence.map, async (request, reply) => {
    const { cells, unclassified } = await mapCounts(db);
    return sendPage(reply, MapPage({ cells, unclassified, secretariat: await secretariatOf(request) }));
  });
}
