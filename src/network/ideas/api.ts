// Open data of the ideas part: ideas and actions as JSON (in the OpenAPI document) and CSV, and the
// Atom feed. Hidden ideas and comments are never exported, and no author is named: an idea is the
// network's, not a person's, once it is public.
import { Type, type Static } from '@sinclair/typebox';
import { Feed } from 'feed';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/index.ts';
import type { App } from '../../platform/http/app.ts';
import { dropEmptyQueryValues } from '../../platform/http/problem.ts';
import { msg, nb } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { UUID_PATTERN } from '../../platform/ids.ts';
import { sendCsvFile } from '../../platform/csv.ts';
import { ACTION_STATUSES, THEMES } from './model.ts';
import { listIdeas, type IdeaFilter, type IdeaRow } from './queries.ts';
import { feedEntries, ideaIdsByAction, listActions, type ActionRow } from './action-queries.ts';

const m = msg.networkIdeas;
const p = paths.network.ideas;
const Uuid = Type.String({ pattern: UUID_PATTERN, format: 'uuid' });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Enum = (values: readonly string[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});

const FilterSchema = Type.Object({
  theme: Type.Optional(Enum(THEMES, 'only ideas of this theme, and actions made of such ideas')),
  event: Type.Optional({ ...Uuid, description: 'only ideas from this event (network_event id), and actions made of them' }),
  organization: Type.Optional({ ...Uuid, description: 'only actions this network organisation is responsible for, and the ideas they were made of' }),
}, { additionalProperties: false });
const CsvFilterSchema = Type.Object({
  ...FilterSchema.properties,
  sep: Type.Optional(Enum([',', ';'], '";" for Norwegian Excel: semicolon between columns')),
}, { additionalProperties: false });

const IdeaSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  description: Type.String(),
  theme: Enum(THEMES),
  theme_label: Type.String({ description: 'the theme in Norwegian bokmål' }),
  source: Enum(['person', 'seminar'], '"seminar": captured on paper at the event; no person is named either way'),
  event_id: Nullable(Uuid),
  event_title: Nullable(Type.String()),
  action_id: Nullable({ ...Uuid, description: 'the action the idea became' }),
  supports: Type.Integer({ minimum: 0 }),
  comments: Type.Integer({ minimum: 0 }),
  created_at: Type.String({ format: 'date-time' }),
  is_demo: Type.Boolean({ description: 'fictional demo content' }),
  url: Type.String({ format: 'uri' }),
});
const IdeaListSchema = Type.Object({ items: Type.Array(IdeaSchema) });

const ActionSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  description: Type.String(),
  organization_id: Nullable(Uuid),
  organization_name: Nullable(Type.String()),
  contact: Type.String({ description: 'a contact point (a function or a shared address), not necessarily a person' }),
  start_date: Nullable(Type.String({ format: 'date' })),
  due_date: Nullable(Type.String({ format: 'date' })),
  status: Enum(ACTION_STATUSES),
  status_label: Type.String(),
  status_reason: Nullable(Type.String({ description: 'why it was laid aside (lagt_bort)' })),
  progress: Type.Integer({ minimum: 0, maximum: 100, description: 'percent done' }),
  idea_ids: Type.Array(Uuid),
  updated_at: Type.String({ format: 'date-time' }),
  is_demo: Type.Boolean(),
  url: Type.String({ format: 'uri' }),
});
const ActionListSchema = Type.Object({ items: Type.Array(ActionSchema) });

type Filter = Static<typeof FilterSchema>;
const toFilter = (query: Filter): IdeaFilter => ({ theme: query.theme as IdeaFilter['theme'], eventId: query.event, organizationId: query.organization });

const csvResponse = { 200: { description: 'CSV file (UTF-8 with BOM)', content: { 'text/csv': { schema: Type.String() } } } };

export async function ideasApiRoutes(app: App, { db, config }: { db: Db; config: Config }) {
  const url = (path: string) => `${config.publicUrl}${path}`;
  const ideaJson = (i: IdeaRow): Static<typeof IdeaSchema> => ({
    id: i.id, title: i.title, description: i.description, theme: i.theme, theme_label: m.themes[i.theme], source: i.source,
    event_id: i.event_id, event_title: i.event_title, action_id: i.action_id, supports: i.supports, comments: i.comments,
    created_at: i.created_at.toISOString(), is_demo: i.is_demo, url: url(p.idea(i.id)),
  });
  const actionJson = (a: ActionRow, ideaIds: string[]): Static<typeof ActionSchema> => ({
    id: a.id, title: a.title, description: a.description, organization_id: a.organization_id, organization_name: a.organization_name,
    contact: a.contact, start_date: a.start_date, due_date: a.due_date, status: a.status, status_label: m.statuses[a.status],
    status_reason: a.status_reason, progress: a.progress, idea_ids: ideaIds, updated_at: a.updated_at.toISOString(), is_demo: a.is_demo, url: url(p.action(a.id)),
  });

  app.get(p.api.ideas, {
    preValidation: dropEmptyQueryValues,
    schema: { tags: ['network'], summary: 'Ideas of the music-therapy network', description: 'Every visible idea, newest first. Hidden ideas are never listed and no author is named.', querystring: FilterSchema, response: { 200: IdeaListSchema } },
  }, async (request) => ({ items: (await listIdeas(db, toFilter(request.query))).map(ideaJson) }));

  app.get(p.api.actions, {
    preValidation: dropEmptyQueryValues,
    schema: { tags: ['network'], summary: 'Actions the network made of ideas', description: 'Each action with its status, progress in percent and the ideas it was made of.', querystring: FilterSchema, response: { 200: ActionListSchema } },
  }, async (request) => {
    const [actions, ideaIds] = await Promise.all([listActions(db, toFilter(request.query)), ideaIdsByAction(db)]);
    return { items: actions.map((a) => actionJson(a, ideaIds.get(a.id) ?? [])) };
  });

  app.get(p.api.ideasCsv, {
    preValidation: dropEmptyQueryValues,
    schema: { tags: ['network'], summary: 'Ideas as CSV', querystring: CsvFilterSchema, response: csvResponse },
  }, async (request, reply) => {
    const options = { delimiter: request.query.sep === ';' ? ';' as const : ',' as const };
    const ideas = await listIdeas(db, toFilter(request.query));
    return sendCsvFile(reply, 'ideer.csv', [[...nb.networkIdeas.csv.ideas], ...ideas.map((i) => [
      i.id, i.title, i.description, m.themes[i.theme], i.source, i.event_id, i.event_title, i.action_id, i.supports, i.created_at.toISOString(), i.is_demo,
    ])], options);
  });

  app.get(p.api.actionsCsv, {
    preValidation: dropEmptyQueryValues,
    schema: { tags: ['network'], summary: 'Actions as CSV', querystring: CsvFilterSchema, response: csvResponse },
  }, async (request, reply) => {
    const options = { delimiter: request.query.sep === ';' ? ';' as const : ',' as const };
    const [actions, ideaIds] = await Promise.all([listActions(db, toFilter(request.query)), ideaIdsByAction(db)]);
    return sendCsvFile(reply, 'tiltak.csv', [[...nb.networkIdeas.csv.actions], ...actions.map((a) => [
      a.id, a.title, a.description, a.organization_name, a.contact, a.start_date, a.due_date, m.statuses[a.status], a.status_reason, a.progress,
      (ideaIds.get(a.id) ?? []).join(' '), a.updated_at.toISOString(), a.is_demo,
    ])], options);
  });

  app.get(p.feed, async (_request, reply) => {
    const { ideas, actions, updates } = await feedEntries(db);
    const items = [
      ...ideas.map((i) => ({ title: m.feed.newIdea(i.title), id: `urn:uuid:${i.id}`, link: url(p.idea(i.id)), date: i.created_at, description: i.description || m.themes[i.theme] })),
      ...actions.map((a) => ({ title: m.feed.newAction(a.title), id: `urn:uuid:${a.id}`, link: url(p.action(a.id)), date: a.created_at, description: a.description || a.title })),
      ...updates.map((u) => ({
        title: m.feed.actionUpdate(u.action_title), id: `urn:uuid:${u.id}`, link: url(p.action(u.action_id)), date: u.created_at,
        description: [u.body, u.status ? m.action.updateStatus(m.statuses[u.status]) : '', u.progress !== null ? m.action.updateProgress(u.progress) : ''].filter(Boolean).join(' '),
      })),
    ].sort((a, b) => b.date.getTime() - a.date.getTime()).slice(0, 50);
    const feed = new Feed({
      id: url(p.feed), title: m.feed.title, description: m.feed.description, link: url(p.index), language: 'nb',
      updated: items[0]?.date ?? new Date(0), feedLinks: { atom: url(p.feed) }, copyright: 'NLOD 2.0', generator: 'Samklang',
      author: { name: 'Samklang' },
    });
    for (const item of items) feed.addItem(item);
    return reply.type('application/atom+xml; charset=utf-8').send(feed.atom1());
  });
}
