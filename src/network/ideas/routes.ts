// Pages and forms of "Hva skjer med ideene?": the public list, one idea (support, comments,
// moderation) and submitting an idea (the secretariat's actions: action-routes.ts). Thin: parse,
// check, call queries, render.
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/index.ts';
import type { App } from '../../platform/http/app.ts';
import { sentString } from '../../platform/http/sent.ts';
import { dropEmptyQueryValues } from '../../platform/http/problem.ts';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { sendPage } from '../../platform/views/render.ts';
import { FormBody, formErrors, typed, type Errors } from '../../platform/forms/index.ts';
import { requireUser } from '../../accounts/index.ts';
import { networkGuards, networkRoles } from '../roles.ts';
import { THEMES } from './model.ts';
import { ID, NonBlank, Uuid, hasErrors, isUuid, literals } from './schemas.ts';
import { listActions } from './action-queries.ts';
import {
  findComment, findIdea, hasSupported, insertComment, insertIdea, listComments, listEvents, listHiddenIdeas, listIdeas, listOrganizations,
  setHidden, toggleSupport, type IdeaRow,
} from './queries.ts';
import { IdeasPage } from './views/ideas-page.tsx';
import { IdeaPage, type IdeaPageProps } from './views/idea-page.tsx';
import { IDEA_FIELDS, IdeaFormPage, type IdeaValues } from './views/idea-form.tsx';

const m = msg.networkIdeas;
const p = paths.network.ideas;

const IdeaBody = FormBody({
  tittel: NonBlank(200),
  beskrivelse: Type.String({ maxLength: 4000 }),
  tema: literals(THEMES),
  arrangement: Type.Union([Type.Literal(''), Uuid]),
  kilde: Type.Optional(literals(['person', 'seminar'])),
});
const CommentBody = FormBody({ kommentar: NonBlank(2000) });
const HideBody = FormBody({ begrunnelse: NonBlank(1000) });
const FilterQuery = Type.Object({
  tema: Type.Optional(literals(THEMES)),
  arrangement: Type.Optional(Uuid),
  organisasjon: Type.Optional(Uuid),
});

export async function ideasRoutes(app: App, { db }: { db: Db }) {
  const { requireSecretariat } = networkGuards(db);

  // ---- the public page ----
  app.get(p.index, { preValidation: dropEmptyQueryValues, schema: { querystring: FilterQuery }, attachValidation: true }, async (request, reply) => {
    const roles = await networkRoles(db, request);
    const badFilter = !!request.validationError;
    const filter = badFilter ? {} : { theme: request.query.tema, eventId: request.query.arrangement, organizationId: request.query.organisasjon };
    const [ideas, actions, events, organizations, hidden] = await Promise.all([listIdeas(db, filter), listActions(db, filter), listEvents(db), listOrganizations(db),
      request.user ? listHiddenIdeas(db, { userId: request.user.id, secretariat: roles.secretariat }) : []]);
    const shown = { tema: filter.theme ?? '', arrangement: filter.eventId ?? '', organisasjon: filter.organizationId ?? '' };
    return sendPage(reply, IdeasPage({ ideas, actions, hidden, filter: shown, events, organizations, badFilter, signedIn: !!request.user, secretariat: roles.secretariat }), badFilter ? 400 : 200);
  });

  // ---- one idea ----
  /** The idea as this person may see it: a hidden idea only for its author and the secretariat. */
  const visibleIdea = async (request: FastifyRequest, id: string): Promise<IdeaRow | undefined> => {
    if (!isUuid(id)) return undefined;
    const idea = await findIdea(db, id);
    if (!idea || idea.hidden_reason === null) return idea;
    const roles = await networkRoles(db, request);
    return roles.secretariat || (request.user && idea.author_id === request.user.id) ? idea : undefined;
  };

  const ideaPage = async (request: FastifyRequest, reply: FastifyReply, idea: IdeaRow, failed?: IdeaPageProps['failed']) => {
    const roles = await networkRoles(db, request);
    const viewer = request.user
      ? { id: request.user.id, secretariat: roles.secretariat, supports: await hasSupported(db, idea.id, request.user.id), csrfToken: request.csrfToken }
      : null;
    return sendPage(reply, IdeaPage({ idea, comments: await listComments(db, idea.id), viewer, failed }), failed ? 400 : 200);
  };

  app.get(p.idea(), async (request, reply) => {
    const idea = await visibleIdea(request, sentString(request.params, 'id') ?? '');
    return idea ? ideaPage(request, reply, idea) : reply.callNotFound();
  });

  // ---- submitting an idea ----
  const ideaForm = async (request: FastifyRequest, reply: FastifyReply, values: IdeaValues, errors: Errors) => {
    const roles = await networkRoles(db, request);
    return sendPage(reply, IdeaFormPage({ values, errors, events: await listEvents(db), secretariat: roles.secretariat, csrfToken: request.csrfToken }), hasErrors(errors) ? 400 : 200);
  };

  app.get(p.create, { preHandler: requireUser }, async (request, reply) => {
    const wanted = sentString(request.query, 'arrangement') ?? '';
    return ideaForm(request, reply, { tittel: '', beskrivelse: '', tema: '', arrangement: isUuid(wanted) ? wanted : '', kilde: 'person' }, {});
  });

  app.post(p.create, { preHandler: requireUser, schema: { body: IdeaBody }, attachValidation: true }, async (request, reply) => {
    const values: IdeaValues = typed(request.body, IDEA_FIELDS);
    const e = m.form.errors;
    const errors = formErrors(request, { tittel: e.title, beskrivelse: e.description, tema: e.theme, arrangement: e.event, kilde: e.source }, e.form);
    const roles = await networkRoles(db, request);
    const events = await listEvents(db);
    if (!errors.arrangement && values.arrangement && !events.some((e) => e.id === values.arrangement)) errors.arrangement = m.form.errors.event;
    // only the secretariat enters ideas on behalf of a seminar; anyone else's idea is their own
    const source = roles.secretariat && values.kilde === 'seminar' ? 'seminar' : 'person';
    if (source === 'seminar' && !values.arrangement && !errors.arrangement) errors.arrangement = m.form.errors.seminarNeedsEvent;
    if (hasErrors(errors)) return ideaForm(request, reply, values, errors);
    const id = await db.transaction().execute((trx) => insertIdea(trx, {
      title: values.tittel.trim(), description: values.beskrivelse.trim().replace(/\r\n/g, '\n'), theme: values.tema as IdeaRow['theme'],
      eventId: values.arrangement || null, source,
    }, request.user!.id));
    return reply.redirect(p.idea(id), 303);
  });

  // ---- support, comments, moderation ----
  app.post(p.support(), { preHandler: requireUser, schema: { params: ID }, attachValidation: true }, async (request, reply) => {
    const idea = request.validationError ? undefined : await findIdea(db, request.params.id);
    if (!idea || idea.hidden_reason !== null) return reply.callNotFound();
    await db.transaction().execute((trx) => toggleSupport(trx, idea.id, request.user!.id));
    return reply.redirect(p.idea(idea.id), 303);
  });

  app.post(p.comment(), { preHandler: requireUser, schema: { params: ID, body: CommentBody }, attachValidation: true }, async (request, reply) => {
    const id = sentString(request.params, 'id') ?? '';
    const idea = isUuid(id) ? await findIdea(db, id) : undefined;
    if (!idea || idea.hidden_reason !== null) return reply.callNotFound();
    const errors = formErrors(request, { kommentar: m.comment.errors.body }, m.comment.errors.form);
    const { kommentar } = typed(request.body, ['kommentar']);
    if (hasErrors(errors)) return ideaPage(request, reply, idea, { form: 'comment', value: kommentar, errors: { kommentar: errors.kommentar ?? m.comment.errors.body } });
    await db.transaction().execute((trx) => insertComment(trx, idea.id, kommentar.trim().replace(/\r\n/g, '\n'), request.user!.id));
    return reply.redirect(`${p.idea(idea.id)}#comments-heading`, 303);
  });

  app.post(p.hide(), { preHandler: requireSecretariat, schema: { params: ID, body: HideBody }, attachValidation: true }, async (request, reply) => {
    const id = sentString(request.params, 'id') ?? '';
    const idea = isUuid(id) ? await findIdea(db, id) : undefined;
    if (!idea) return reply.callNotFound();
    const { begrunnelse } = typed(request.body, ['begrunnelse']);
    if (request.validationError) return ideaPage(request, reply, idea, { form: 'hide', value: begrunnelse, errors: { begrunnelse: m.hide.errors.reason } });
    await db.transaction().execute((trx) => setHidden(trx, 'network_idea', idea.id, begrunnelse.trim(), request.user!.id));
    return reply.redirect(p.idea(idea.id), 303);
  });

  app.post(p.show(), { preHandler: requireSecretariat, schema: { params: ID }, attachValidation: true }, async (request, reply) => {
    const idea = request.validationError ? undefined : await findIdea(db, request.params.id);
    if (!idea) return reply.callNotFound();
    if (idea.hidden_reason !== null) await db.transaction().execute((trx) => setHidden(trx, 'network_idea', idea.id, null, request.user!.id));
    return reply.redirect(p.idea(idea.id), 303);
  });

  app.post(p.hideComment(), { preHandler: requireSecretariat, schema: { params: ID, body: HideBody }, attachValidation: true }, async (request, reply) => {
    const id = sentString(request.params, 'id') ?? '';
    const comment = isUuid(id) ? await findComment(db, id) : undefined;
    const idea = comment && await findIdea(db, comment.idea_id);
    if (!comment || !idea) return reply.callNotFound();
    const { begrunnelse } = typed(request.body, ['begrunnelse']);
    if (request.validationError) return ideaPage(request, reply, idea, { form: `hide-${comment.id}`, value: begrunnelse, errors: { [`skjul-${comment.id}`]: m.hide.errors.reason } });
    await db.transaction().execute((trx) => setHidden(trx, 'network_idea_comment', comment.id, begrunnelse.trim(), request.user!.id));
    return reply.redirect(`${p.idea(idea.id)}#comments-heading`, 303);
  });
}
