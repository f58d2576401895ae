// Pages and forms of stories: public pages under /erfaringer (no sign-in), the withdrawal form (the
// code alone), and the network members' pages under /nettverket/fortellinger. Thin: parse, check,
// call queries, render.
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/index.ts';
import type { StoryStatus } from '../../platform/db/index.ts';
import type { App } from '../../platform/http/app.ts';
import { sentString } from '../../platform/http/sent.ts';
import { msg } from '../../platform/i18n/index.ts';
import { isUuid } from '../../platform/ids.ts';
import { FormBody, formErrors, typed, type Errors } from '../../platform/forms/index.ts';
import { sendPage } from '../../platform/views/render.ts';
import { MessagePage } from '../../platform/views/message-page.tsx';
import { nextNight } from '../../platform/jobs.ts';
import { networkGuards } from '../../network/index.ts';
import { HEALTH_REGIONS, STATUSES, THEMES, TRANSITIONS } from './model.ts';
import { findIdentifiers } from './identifiers.ts';
import { STORY_FIELDS, STORY_MESSAGES, StoryBody, storyFields, valuesOf, type StoryValues } from './form.ts';
import {
  clearFlag, eraseWithdrawn, findStory, insertStory, interviewFigures, listStoriesForEditors, publicExcerpts, publicStories, publicStory,
  renewCode, setStatus, smallPlaces, storyReviews, updateStory, withdraw, type StoryRow,
} from './queries.ts';
import { storyPaths as p } from './paths.ts';
import type { MemoryThrottle } from '../surveys/throttle.ts';
import { ExperiencesPage, StoryPage, ThemePage } from './views/public-pages.tsx';
import { WithdrawPage } from './views/withdraw-page.tsx';
import { FiguresPage, ReceiptPage, StoryFormPage, StoryListPage } from './views/editor-pages.tsx';

const m = msg.experienceStories;
const hasErrors = (errors: Errors) => Object.keys(errors).length > 0;
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

export const ERASE_JOB = 'experiences:erase-withdrawn-stories';

export async function storyRoutes(app: App, { db, config, codeThrottle }: { db: Db; config: Config; codeThrottle: MemoryThrottle }) {
  const { requireNetworkMember } = networkGuards(db);
  const now = () => config.clock.now();

  app.jobs.register({ kind: ERASE_JOB, next: nextNight, run: async () => { await eraseWithdrawn(db, now()); } });

  // ---- public ----
  app.get(p.index, async (_request, reply) => {
    const [excerpts, stories] = await Promise.all([publicExcerpts(db), publicStories(db)]);
    return sendPage(reply, ExperiencesPage({ excerpts, stories }));
  });

  app.get(p.theme(), async (request, reply) => {
    const theme = THEMES.find((t) => t === sentString(request.params, 'tema'));
    if (!theme) return reply.callNotFound();
    return sendPage(reply, ThemePage({ theme, excerpts: await publicExcerpts(db, theme) }));
  });

  app.get(p.story(), async (request, reply) => {
    const id = sentString(request.params, 'id') ?? '';
    const story = isUuid(id) ? await publicStory(db, id) : undefined;
    return story ? sendPage(reply, StoryPage({ story })) : reply.callNotFound();
  });

  // ---- withdrawal: the code alone, no account ----
  app.get(p.withdraw, async (request, reply) => sendPage(noStore(reply), WithdrawPage({ code: '', errors: {}, csrfToken: request.csrfToken })));

  app.post(p.withdraw, { schema: { body: FormBody({ kode: Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' }) }) }, attachValidation: true }, async (request, reply) => {
    const { kode } = typed(request.body, ['kode']);
    const errors = formErrors(request, { kode: m.withdraw.errors.code }, m.withdraw.errors.form);
    // wrong codes are counted per address in memory only (shared with the teller's review)
    if (!hasErrors(errors) && codeThrottle.blocked(request.ip, now())) {
      return sendPage(noStore(reply), WithdrawPage({ code: kode, errors: { kode: m.review.errors.tooMany }, csrfToken: request.csrfToken }), 429);
    }
    if (!hasErrors(errors) && !(await db.transaction().execute((trx) => withdraw(trx, kode, now())))) {
      codeThrottle.count(request.ip, now());
      errors.kode = m.withdraw.errors.code;
    }
    if (hasErrors(errors)) return sendPage(noStore(reply), WithdrawPage({ code: kode, errors, csrfToken: request.csrfToken }), 400);
    return reply.redirect(`${p.withdraw}/ferdig`, 303);
  });
  app.get(`${p.withdraw}/ferdig`, async (_request, reply) =>
    sendPage(reply, MessagePage({ title: m.withdraw.doneTitle, message: m.withdraw.done, links: [{ href: p.index, text: m.back }] })));

  // ---- the network's editors ----
  const e = p.editor;
  app.get(e.index, { preHandler: requireNetworkMember }, async (_request, reply) => sendPage(reply, StoryListPage({ stories: await listStoriesForEditors(db) })));
  app.get(e.figures, { preHandler: requireNetworkMember }, async (_request, reply) => sendPage(reply, FiguresPage({ figures: await interviewFigures(db) })));

  const known = HEALTH_REGIONS.map((r) => r.name);
  const editPage = async (request: FastifyRequest, reply: FastifyReply, story: StoryRow, values: StoryValues, errors: Errors, extra: { notice?: string; statusError?: string } = {}) => {
    const flags = findIdentifiers([story.pseudonym, story.body, ...story.excerpts.map((x) => x.body)].join('\n\n'), await smallPlaces(db), known);
    const failed = hasErrors(errors) || !!extra.statusError;
    return sendPage(reply, StoryFormPage({
      story, values, errors, csrfToken: request.csrfToken, flags, isAuthor: story.author_id === request.user!.id, ...extra,
      reviews: await storyReviews(db, story.id), reviewUrl: `${config.publicUrl}${p.review}`,
    }), failed ? 400 : 200);
  };
  const storyOf = async (request: FastifyRequest) => {
    const id = sentString(request.params, 'id') ?? '';
    return isUuid(id) ? findStory(db, id) : undefined;
  };
  const readForm = (request: FastifyRequest) => {
    const values: StoryValues = typed(request.body, STORY_FIELDS);
    const errors = formErrors(request, STORY_MESSAGES, m.editor.errors.form);
    const fields = storyFields(values, errors);
    return { values, errors, fields };
  };
  const receipt = (reply: FastifyReply, story: StoryRow, code: string) => sendPage(noStore(reply), ReceiptPage({ story, code, publicUrl: config.publicUrl }));

  app.get(e.create, { preHandler: requireNetworkMember }, async (request, reply) =>
    sendPage(reply, StoryFormPage({ values: { aar: String(now().getUTCFullYear()) }, errors: {}, csrfToken: request.csrfToken })));

  // a new story answers with its receipt: the withdrawal code is shown this once, never stored
  app.post(e.create, { preHandler: requireNetworkMember, schema: { body: StoryBody }, attachValidation: true }, async (request, reply) => {
    const { values, errors, fields } = readForm(request);
    if (hasErrors(errors)) return sendPage(reply, StoryFormPage({ values, errors, csrfToken: request.csrfToken }), 400);
    const { id, code } = await db.transaction().execute((trx) => insertStory(trx, fields, request.user!.id));
    return receipt(reply, (await findStory(db, id))!, code);
  });

  app.get(e.edit(), { preHandler: requireNetworkMember }, async (request, reply) => {
    const story = await storyOf(request);
    if (!story) return reply.callNotFound();
    const notice = sentString(request.query, 'lagret') === 'tilbake' ? m.editor.textChanged : sentString(request.query, 'lagret') ? m.editor.saved : undefined;
    return editPage(request, reply, story, valuesOf(story), {}, notice ? { notice } : {});
  });

  app.post(e.edit(), { preHandler: requireNetworkMember, schema: { body: StoryBody }, attachValidation: true }, async (request, reply) => {
    const story = await storyOf(request);
    if (!story) return reply.callNotFound();
    const { values, errors, fields } = readForm(request);
    if (hasErrors(errors)) return editPage(request, reply, story, values, errors);
    const reset = await db.transaction().execute((trx) => updateStory(trx, story, fields, request.user!.id));
    return reply.redirect(`${e.edit(story.id)}?lagret=${reset ? 'tilbake' : 'ja'}`, 303);
  });

  app.post(e.status(), { preHandler: requireNetworkMember, schema: { body: FormBody({ til: Type.Union(STATUSES.map((s) => Type.Literal(s))), bekreft: Type.Optional(Type.String()) }) }, attachValidation: true }, async (request, reply) => {
    const story = await storyOf(request);
    if (!story) return reply.callNotFound();
    const s = m.editor.status;
    const to = sentString(request.body, 'til') as StoryStatus;
    const refuse = (message: string) => editPage(request, reply, story, valuesOf(story), {}, { statusError: message });
    if (request.validationError || !TRANSITIONS[story.status].includes(to)) return refuse(s.notAllowed);
    if (to === 'publisert') {
      if (story.author_id === request.user!.id) return refuse(s.notYourOwn);
      if (!story.consents.some((c) => c.purpose === 'nettside')) return refuse(s.needsWebsiteConsent);
      const flags = findIdentifiers([story.pseudonym, story.body, ...story.excerpts.map((x) => x.body)].join('\n\n'), await smallPlaces(db), known);
      const open = flags.filter((f) => !story.cleared.includes(f.token));
      if (open.length > 0 && sentString(request.body, 'bekreft') !== 'ja') return refuse(s.flagsUnconfirmed);
    }
    await db.transaction().execute((trx) => setStatus(trx, story, to, request.user!.id, now()));
    return reply.redirect(`${e.edit(story.id)}#status-heading`, 303);
  });

  app.post(e.clear(), { preHandler: requireNetworkMember, schema: { body: FormBody({ token: Type.String({ minLength: 1, maxLength: 200 }) }) }, attachValidation: true }, async (request, reply) => {
    const story = await storyOf(request);
    if (!story) return reply.callNotFound();
    if (!request.validationError) await db.transaction().execute((trx) => clearFlag(trx, story.id, sentString(request.body, 'token')!, request.user!.id));
    return reply.redirect(`${e.edit(story.id)}#flags-heading`, 303);
  });

  app.post(e.receipt(), { preHandler: requireNetworkMember }, async (request, reply) => {
    const story = await storyOf(request);
    if (!story) return reply.callNotFound();
    const code = await db.transaction().execute((trx) => renewCode(trx, story.id, request.user!.id));
    return receipt(reply, story, code);
  });
}
