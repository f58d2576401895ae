// Pages and forms of "Hva skjer med ideene?": the public list, one idea (support, comments,
// moderation), submitting an idea, and the secretariat's actions with their timelines. Thin: parse,
// check, call queries, render.
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/index.ts';
import type { App } from '../../platform/http/app.ts';
import { sentString, sentValue } from '../../platform/http/sent.ts';
import { dropEmptyQueryValues } from '../../platform/http/problem.ts';
import { nb } from '../../platform/i18n/nb.ts';
import { paths } from '../../platform/paths.ts';
import { sendPage } from '../../platform/views/render.ts';
import { FormBody, formErrors, typed, type Errors } from '../../platform/forms/index.ts';
import { UUID_PATTERN } from '../../platform/ids.ts';
import { requireUser } from '../../accounts/index.ts';
import { networkGuards, networkRoles } from '../roles.ts';
import { ACTION_STATUSES, THEMES, linksText, parseDate, parseLinks, parsePercent } from './model.ts';
import {
  addUpdate, findAction, findComment, findIdea, hasSupported, ideasOfAction, ideasWithoutAction, insertAction, insertComment, insertIdea,
  linksOf, listActions, listComments, listEvents, listHiddenIdeas, listIdeas, listOrganizations, setHidden, toggleSupport, updateAction, updatesOf,
  type ActionFields, type IdeaRow,
} from './queries.ts';
import { IdeasPage } from './views/ideas-page.tsx';
import { IdeaPage, type IdeaPageProps } from './views/idea-page.tsx';
import { IDEA_FIELDS, IdeaFormPage, type IdeaValues } from './views/idea-form.tsx';
import { ACTION_FIELDS, ActionFormPage, ActionPage, UPDATE_FIELDS, type ActionValues, type UpdateValues } from './views/action-pages.tsx';

const m = nb.networkIdeas;
const p = paths.network.ideas;
const Uuid = Type.String({ pattern: UUID_PATTERN });
const ID = Type.Object({ id: Uuid });
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const NonBlank = (maxLength: number) => Type.String({ maxLength, pattern: '\\S' });
const isUuid = (value: string) => new RegExp(UUID_PATTERN).test(value);

const IdeaBody = FormBody({
  tittel: NonBlank(200),
  beskrivelse: Type.String({ maxLength: 4000 }),
  tema: literals(THEMES),
  arrangement: Type.Union([Type.Literal(''), Uuid]),
  kilde: Type.Optional(literals(['person', 'seminar'])),
});
const CommentBody = FormBody({ kommentar: NonBlank(2000) });
const HideBody = FormBody({ begrunnelse: NonBlank(1000) });
const ActionBody = FormBody({
  ideer: Type.Optional(Type.Union([Uuid, Type.Array(Uuid, { maxItems: 200 })])),
  tittel: NonBlank(200),
  beskrivelse: Type.String({ maxLength: 4000 }),
  organisasjon: Type.Union([Type.Literal(''), Uuid]),
  kontakt: Type.String({ maxLength: 300 }),
  start: Type.String({ maxLength: 10 }),
  frist: Type.String({ maxLength: 10 }),
  status: literals(ACTION_STATUSES),
  begrunnelse: Type.String({ maxLength: 1000 }),
  fremdrift: Type.String({ maxLength: 5 }),
  lenker: Type.String({ maxLength: 20_000 }),
});
const UpdateBody = FormBody({
  dato: Type.String({ maxLength: 10 }),
  tekst: NonBlank(4000),
  ny_status: Type.Union([Type.Literal(''), literals(ACTION_STATUSES)]),
  arsak: Type.String({ maxLength: 1000 }),
  ny_fremdrift: Type.String({ maxLength: 5 }),
});
const FilterQuery = Type.Object({
  tema: Type.Optional(literals(THEMES)),
  arrangement: Type.Optional(Uuid),
  organisasjon: Type.Optional(Uuid),
});

const hasErrors = (errors: Errors) => Object.keys(errors).length > 0;
const sentList = (body: unknown, name: string): string[] => {
  const value = sentValue(body, name);
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
};

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

  // ---- actions ----
  /** The action form's values checked beyond their schema: real dates in order, a percent, a reason when laid aside, known links. */
  const readAction = (request: FastifyRequest, organizations: { id: string }[]): { values: ActionValues; errors: Errors; fields: ActionFields | null } => {
    const f = m.actionForm.errors;
    const values: ActionValues = { ...typed(request.body, ACTION_FIELDS), ideer: sentList(request.body, 'ideer') };
    const errors = formErrors(request, {
      ideer: f.ideas, tittel: f.title, beskrivelse: f.description, organisasjon: f.organization, kontakt: f.contact, start: f.startDate,
      frist: f.dueDate, status: f.status, begrunnelse: f.statusReason, fremdrift: f.progress, lenker: f.links(1),
    }, f.form);
    const start = parseDate(values.start);
    const due = parseDate(values.frist);
    if (start === undefined) errors.start ??= f.startDate;
    if (due === undefined) errors.frist ??= f.dueDate;
    if (start && due && due < start) errors.frist ??= f.dueBeforeStart;
    const progress = parsePercent(values.fremdrift);
    if (progress === undefined) errors.fremdrift ??= f.progress;
    if (values.status === 'lagt_bort' && !values.begrunnelse.trim()) errors.begrunnelse ??= f.statusReason;
    if (values.organisasjon && !organizations.some((o) => o.id === values.organisasjon)) errors.organisasjon ??= f.organization;
    const links = parseLinks(values.lenker);
    if ('badLine' in links) errors.lenker ??= links.badLine === 0 ? f.tooManyLinks : f.links(links.badLine);
    if (hasErrors(errors) || 'badLine' in links) return { values, errors, fields: null };
    return {
      values, errors,
      fields: {
        title: values.tittel.trim(), description: values.beskrivelse.trim().replace(/\r\n/g, '\n'), organizationId: values.organisasjon || null,
        contact: values.kontakt.trim(), startDate: start ?? null, dueDate: due ?? null, status: values.status as ActionFields['status'],
        statusReason: values.status === 'lagt_bort' ? values.begrunnelse.trim() : null, progress: progress ?? 0, links: links.links,
      },
    };
  };

  const emptyAction: ActionValues = { tittel: '', beskrivelse: '', organisasjon: '', kontakt: '', start: '', frist: '', status: 'planlagt', begrunnelse: '', fremdrift: '0', lenker: '', ideer: [] };

  app.get(p.createAction, { preHandler: requireSecretariat }, async (request, reply) => {
    const wanted = sentString(request.query, 'ide');
    const values = { ...emptyAction, ideer: wanted && isUuid(wanted) ? [wanted] : [] };
    return sendPage(reply, ActionFormPage({ mode: { kind: 'new' }, values, errors: {}, ideas: await ideasWithoutAction(db), organizations: await listOrganizations(db), csrfToken: request.csrfToken }));
  });

  app.post(p.createAction, { preHandler: requireSecretariat, schema: { body: ActionBody }, attachValidation: true }, async (request, reply) => {
    const [ideas, organizations] = await Promise.all([ideasWithoutAction(db), listOrganizations(db)]);
    const { values, errors, fields } = readAction(request, organizations);
    const chosen = [...new Set(values.ideer)];
    if (chosen.length === 0 || !chosen.every((id) => ideas.some((i) => i.id === id))) errors.ideer = m.actionForm.errors.ideas;
    if (fields && !errors.ideer) {
      const id = await db.transaction().execute(async (trx) => {
        const made = await insertAction(trx, fields, chosen, request.user!.id);
        // an idea taken by another action meanwhile: undo everything
        if (!made) throw new IdeaTaken();
        return made;
      }).catch((error: unknown) => { if (error instanceof IdeaTaken) return null; throw error; });
      if (id) return reply.redirect(p.action(id), 303);
      errors.ideer = m.actionForm.errors.ideas;
    }
    return sendPage(reply, ActionFormPage({ mode: { kind: 'new' }, values, errors, ideas: await ideasWithoutAction(db), organizations, csrfToken: request.csrfToken }), 400);
  });

  const emptyUpdate = (): UpdateValues => ({ dato: '', tekst: '', ny_status: '', arsak: '', ny_fremdrift: '' });
  const actionPage = async (request: FastifyRequest, reply: FastifyReply, actionId: string, form?: { values: UpdateValues; errors: Errors }) => {
    const action = isUuid(actionId) ? await findAction(db, actionId) : undefined;
    if (!action) return reply.callNotFound();
    const roles = await networkRoles(db, request);
    const [ideas, links, updates] = await Promise.all([ideasOfAction(db, action.id), linksOf(db, action.id), updatesOf(db, action.id)]);
    const secretariat = roles.secretariat ? { csrfToken: request.csrfToken, ...(form ?? { values: emptyUpdate(), errors: {} }) } : null;
    return sendPage(reply, ActionPage({ action, ideas, links, updates, secretariat }), form && hasErrors(form.errors) ? 400 : 200);
  };

  app.get(p.action(), async (request, reply) => actionPage(request, reply, sentString(request.params, 'id') ?? ''));

  app.post(p.actionUpdate(), { preHandler: requireSecretariat, schema: { params: ID, body: UpdateBody }, attachValidation: true }, async (request, reply) => {
    const actionId = sentString(request.params, 'id') ?? '';
    const action = isUuid(actionId) ? await findAction(db, actionId) : undefined;
    if (!action) return reply.callNotFound();
    const f = m.updateForm.errors;
    const values: UpdateValues = typed(request.body, UPDATE_FIELDS);
    const errors = formErrors(request, { dato: f.date, tekst: f.body, ny_status: f.status, arsak: f.reason, ny_fremdrift: f.progress }, f.form);
    const date = parseDate(values.dato);
    if (!date) errors.dato ??= f.date;
    const progress = parsePercent(values.ny_fremdrift);
    if (progress === undefined) errors.ny_fremdrift ??= f.progress;
    const laidAside = values.ny_status === 'lagt_bort' && action.status !== 'lagt_bort';
    if (laidAside && !values.arsak.trim()) errors.arsak ??= f.reason;
    if (hasErrors(errors) || !date) return actionPage(request, reply, action.id, { values, errors });
    await db.transaction().execute((trx) => addUpdate(trx, action.id, {
      happenedOn: date, body: values.tekst.trim().replace(/\r\n/g, '\n'), status: (values.ny_status || null) as ActionFields['status'] | null,
      reason: values.arsak.trim() || null, progress: progress ?? null,
    }, request.user!.id));
    return reply.redirect(`${p.action(action.id)}#timeline-heading`, 303);
  });

  app.get(p.editAction(), { preHandler: requireSecretariat, schema: { params: ID }, attachValidation: true }, async (request, reply) => {
    const action = request.validationError ? undefined : await findAction(db, request.params.id);
    if (!action) return reply.callNotFound();
    const values: ActionValues = {
      tittel: action.title, beskrivelse: action.description, organisasjon: action.organization_id ?? '', kontakt: action.contact,
      start: action.start_date ?? '', frist: action.due_date ?? '', status: action.status, begrunnelse: action.status_reason ?? '',
      fremdrift: String(action.progress), lenker: linksText(await linksOf(db, action.id)), ideer: [],
    };
    return sendPage(reply, ActionFormPage({ mode: { kind: 'edit', id: action.id, title: action.title }, values, errors: {}, ideas: await ideasWithoutAction(db), organizations: await listOrganizations(db), csrfToken: request.csrfToken }));
  });

  app.post(p.editAction(), { preHandler: requireSecretariat, schema: { params: ID, body: ActionBody }, attachValidation: true }, async (request, reply) => {
    const id = sentString(request.params, 'id') ?? '';
    const action = isUuid(id) ? await findAction(db, id) : undefined;
    if (!action) return reply.callNotFound();
    const [ideas, organizations] = await Promise.all([ideasWithoutAction(db), listOrganizations(db)]);
    const { values, errors, fields } = readAction(request, organizations);
    const more = [...new Set(values.ideer)];
    if (!more.every((ideaId) => ideas.some((i) => i.id === ideaId))) errors.ideer = m.actionForm.errors.moreIdeas;
    if (fields && !errors.ideer) {
      const saved = await db.transaction().execute(async (trx) => {
        if (!(await updateAction(trx, action.id, fields, more, request.user!.id))) throw new IdeaTaken();
        return true;
      }).catch((error: unknown) => { if (error instanceof IdeaTaken) return false; throw error; });
      if (saved) return reply.redirect(p.action(action.id), 303);
      errors.ideer = m.actionForm.errors.moreIdeas;
    }
    return sendPage(reply, ActionFormPage({ mode: { kind: 'edit', id: action.id, title: action.title }, values, errors, ideas: await ideasWithoutAction(db), organizations, csrfToken: request.csrfToken }), 400);
  });
}

class IdeaTaken extends Error {}
