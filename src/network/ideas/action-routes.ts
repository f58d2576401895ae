// The secretariat's actions: making one of ideas, editing it (and adding later ideas), and its
// timeline of dated updates; the public action page. Thin: parse, check, call queries, render.
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/index.ts';
import type { App } from '../../platform/http/app.ts';
import { sentString } from '../../platform/http/sent.ts';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { sendPage } from '../../platform/views/render.ts';
import { FormBody, formErrors, normaliseDate, typed, type Errors } from '../../platform/forms/index.ts';
import { networkGuards, networkRoles } from '../roles.ts';
import { ACTION_STATUSES, linksText, parseLinks, parsePercent } from './model.ts';
import { ID, NonBlank, Uuid, hasErrors, isUuid, literals, sentList } from './schemas.ts';
import { ideasOfAction, ideasWithoutAction, listOrganizations } from './queries.ts';
import { addUpdate, findAction, insertAction, linksOf, updateAction, updatesOf, type ActionFields } from './action-queries.ts';
import { ACTION_FIELDS, ActionFormPage, ActionPage, UPDATE_FIELDS, type ActionValues, type UpdateValues } from './views/action-pages.tsx';

const m = msg.networkIdeas;
const p = paths.network.ideas;

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

export async function actionRoutes(app: App, { db }: { db: Db }) {
  const { requireSecretariat } = networkGuards(db);

  /** The action form's values checked beyond their schema: real dates in order, a percent, a reason when laid aside, known links. */
  const readAction = (request: FastifyRequest, organizations: { id: string }[]): { values: ActionValues; errors: Errors; fields: ActionFields | null } => {
    const f = m.actionForm.errors;
    const values: ActionValues = { ...typed(request.body, ACTION_FIELDS), ideer: sentList(request.body, 'ideer') };
    const errors = formErrors(request, {
      ideer: f.ideas, tittel: f.title, beskrivelse: f.description, organisasjon: f.organization, kontakt: f.contact, start: f.startDate,
      frist: f.dueDate, status: f.status, begrunnelse: f.statusReason, fremdrift: f.progress, lenker: f.links(1),
    }, f.form);
    const start = normaliseDate(values.start);
    const due = normaliseDate(values.frist);
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
    const date = normaliseDate(values.dato);
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

/** An idea was taken by another action while the form was filled in: the transaction is undone. */
class IdeaTaken extends Error {}
