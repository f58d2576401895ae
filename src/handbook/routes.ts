import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db/index.ts';
import type { App } from '../platform/http/app.ts';
import { sentString } from '../platform/http/sent.ts';
import { msg } from '../platform/i18n/index.ts';
import { paths } from '../platform/paths.ts';
import { sendPage } from '../platform/views/render.ts';
import type { PageSection } from '../platform/views/page-section.ts';
import type { CiteSources } from '../platform/views/source-list.tsx';
import { FormBody, formErrors, typed, type Errors } from '../platform/forms/index.ts';
import { requireAdmin } from '../accounts/index.ts';
import { lineDiff } from './diff.ts';
import { hasTopLevelHeading, renderMarkdown } from './markdown.ts';
import { findSection, listRevisions, listSections, markReviewed, updateFromBrowser } from './queries.ts';
import { searchHandbook } from './search.ts';
import { osloToday } from './planner/checklist.ts';
import { plannerRoutes } from './planner/routes.ts';
import { plannerMoreRoutes } from './planner/routes-more.ts';
import { plannerPersonalData } from './planner/personal-data.ts';
import { HandbookIndexPage } from './views/handbook-index.tsx';
import { SectionPage } from './views/section-page.tsx';
import { HandbookSearchPage } from './views/search-page.tsx';
import { EditPage, type EditValues } from './views/edit-page.tsx';
import { HistoryPage, RevisionPage } from './views/history-page.tsx';

const SLUG = Type.Object({ slug: Type.String({ pattern: '^[a-z0-9-]{1,100}$' }) });
const NonBlank = (maxLength: number) => Type.String({ maxLength, pattern: '\\S' });
const EditBody = FormBody({
  title: NonBlank(200),
  summary: NonBlank(500),
  sources: Type.String({ maxLength: 20_000 }),
  body: NonBlank(200_000),
  note: Type.Optional(Type.String({ maxLength: 500 })),
  handling: Type.Optional(Type.Union([Type.Literal('forhandsvis'), Type.Literal('lagre')])),
});
const EDIT_FIELDS = ['title', 'summary', 'sources', 'body', 'note'] as const;
const sourceLines = (text: string) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
const authorOf = (request: FastifyRequest) => request.user?.name || request.user?.email || '';

/**
 * Handed in by src/app.ts, since both domains import the handbook: `cite`, the network's resolver of
 * `@key` sources, and `handbookExperiences`, the experiences' quotes on a section's page.
 */
export async function handbookRoutes(app: App, deps: { db: Db; config: Config; cite: CiteSources; handbookExperiences: PageSection<[slug: string]> }) {
  const { db } = deps;
  const m = msg.handbook;
  app.personalData.register(plannerPersonalData);
  // the planner is for signed-in people only: its own scopes, so the sign-in hook stays there
  await app.register(async (scope) => plannerRoutes(scope, deps));
  await app.register(async (scope) => plannerMoreRoutes(scope, deps));

  app.get(paths.handbook.index, async (_request, reply) => sendPage(reply, HandbookIndexPage({ sections: await listSections(db) })));

  app.get(paths.handbook.search, { schema: { querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })) }) }, attachValidation: true }, async (request, reply) => {
    const q = sentString(request.query, 'q') ?? '';
    if (request.validationError) return sendPage(reply, HandbookSearchPage({ query: q, hits: null, error: m.searchTooLong }), 400);
    return sendPage(reply, HandbookSearchPage({ query: q, hits: q.trim() ? await searchHandbook(db, q) : null }));
  });

  app.get(paths.handbook.section(), { schema: { params: SLUG }, attachValidation: true }, async (request, reply) => {
    const sections = request.validationError ? [] : await listSections(db);
    const index = sections.findIndex((s) => s.slug === request.params.slug);
    const section = sections[index];
    if (!section) return reply.callNotFound();
    const admin = request.user?.isAdmin ? { csrfToken: request.csrfToken } : null;
    const sources = await deps.cite(db, section.sources);
    const experiences = await deps.handbookExperiences(db, section.slug);
    return sendPage(reply, SectionPage({ section, sources, rendered: renderMarkdown(section.body), previous: sections[index - 1], next: sections[index + 1], admin, experiences }));
  });

  app.get(paths.handbook.edit(), { preHandler: requireAdmin, schema: { params: SLUG }, attachValidation: true }, async (request, reply) => {
    const section = request.validationError ? undefined : await findSection(db, request.params.slug);
    if (!section) return reply.callNotFound();
    const values: EditValues = { title: section.title, summary: section.summary, sources: section.sources.join('\n'), body: section.body, note: '' };
    return sendPage(reply, EditPage({ slug: section.slug, values, errors: {}, preview: null, csrfToken: request.csrfToken }));
  });

  app.post(paths.handbook.edit(), { preHandler: requireAdmin, schema: { params: SLUG, body: EditBody }, attachValidation: true }, async (request, reply) => {
    const section = await findSection(db, request.params.slug);
    if (!section) return reply.callNotFound();
    const values: EditValues = typed(request.body, EDIT_FIELDS);
    const errors: Errors = formErrors(request, m.editor.errors, m.editor.errors.body);
    if (!errors.sources && sourceLines(values.sources).some((line) => line.length > 500)) errors.sources = m.editor.errors.sources;
    if (!errors.body && hasTopLevelHeading(values.body)) errors.body = m.editor.errors.bodyH1;
    delete errors.handling;
    const preview = sentString(request.body, 'handling') !== 'lagre';
    if (Object.keys(errors).length > 0 || preview) {
      const rendered = errors.body ? null : renderMarkdown(values.body);
      return sendPage(reply, EditPage({ slug: section.slug, values, errors, preview: rendered, csrfToken: request.csrfToken }), Object.keys(errors).length > 0 ? 400 : 200);
    }
    const content = { title: values.title.trim(), summary: values.summary.trim(), sources: sourceLines(values.sources), body: values.body.replace(/\r\n/g, '\n'), bodyText: renderMarkdown(values.body).text };
    await db.transaction().execute((trx) => updateFromBrowser(trx, section.id, content, { name: authorOf(request), id: request.user!.id }, values.note.trim() || null));
    return reply.redirect(paths.handbook.section(section.slug), 303);
  });

  app.post(paths.handbook.review(), { preHandler: requireAdmin, schema: { params: SLUG }, attachValidation: true }, async (request, reply) => {
    const section = request.validationError ? undefined : await findSection(db, request.params.slug);
    if (!section) return reply.callNotFound();
    await markReviewed(db, section.id, { name: authorOf(request), id: request.user!.id }, osloToday());
    return reply.redirect(paths.handbook.section(section.slug), 303);
  });

  app.get(paths.handbook.history(), { preHandler: requireAdmin, schema: { params: SLUG }, attachValidation: true }, async (request, reply) => {
    const section = request.validationError ? undefined : await findSection(db, request.params.slug);
    if (!section) return reply.callNotFound();
    return sendPage(reply, HistoryPage({ slug: section.slug, title: section.title, revisions: await listRevisions(db, section.id) }));
  });

  const RevisionParams = Type.Object({ slug: SLUG.properties.slug, number: Type.Integer({ minimum: 2, maximum: 1_000_000 }) });
  app.get(paths.handbook.revision(), { preHandler: requireAdmin, schema: { params: RevisionParams }, attachValidation: true }, async (request, reply) => {
    const section = request.validationError ? undefined : await findSection(db, request.params.slug);
    if (!section) return reply.callNotFound();
    const { number } = request.params;
    const revisions = await listRevisions(db, section.id);
    const current = revisions.find((r) => r.number === number);
    const before = revisions.find((r) => r.number === number - 1);
    if (!current || !before) return reply.callNotFound();
    const f = m.historyPage.fields;
    const diffs = [
      { label: f.title, lines: lineDiff(before.title, current.title) },
      { label: f.summary, lines: lineDiff(before.summary, current.summary) },
      { label: f.sources, lines: lineDiff(before.sources.join('\n'), current.sources.join('\n')) },
      { label: f.body, lines: lineDiff(before.body, current.body) },
    ];
    return sendPage(reply, RevisionPage({ slug: section.slug, title: section.title, number, diffs }));
  });
}
