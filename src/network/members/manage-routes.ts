// The secretariat's side of the members part: creating and editing organisations, an
// organisation's people (roles changed and memberships removed by the secretariat, seen by its
// member contacts too), and site admins appointing coordinators. Every write is audited.
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/index.ts';
import type { App } from '../../platform/http/app.ts';
import { sentString } from '../../platform/http/sent.ts';
import { msg } from '../../platform/i18n/index.ts';
import { isUuid, newId, UUID_PATTERN } from '../../platform/ids.ts';
import { paths } from '../../platform/paths.ts';
import { normaliseEmail } from '../../platform/text.ts';
import { sendPage } from '../../platform/views/render.ts';
import { MessagePage } from '../../platform/views/message-page.tsx';
import { Email, FormBody, formErrors, typed, type Errors } from '../../platform/forms/index.ts';
import { queueMail } from '../../platform/mail/outbox.ts';
import { forbid, recordChanges, requireAdmin, requireUser, inLanguageOf } from '../../accounts/index.ts';
import { mayApproveFor, networkGuards, networkRoles } from '../roles.ts';
import { changesOf, membershipFields } from './audit.ts';
import { checkOrganization, organizationColumns, OrganizationBody, ORGANIZATION_FIELDS, type OrganizationValues } from './forms.ts';
import { findMembership, findMembershipById, membershipsIn, slugTaken, type OrganizationRow } from './queries.ts';
import { ALL_ROLES, refusalToDecide } from './rules.ts';
import { organizationOf, SlugParams } from './routes.ts';
import { OrganizationFormPage } from './views/organization-form.tsx';
import { PeoplePage, type PeoplePageProps } from './views/people-page.tsx';

const m = msg.networkMembers;
const g = m.manage;
const p = paths.network.members;
const MembershipParams = Type.Object({ slug: SlugParams.properties.slug, id: Type.String({ pattern: UUID_PATTERN }) });
const RoleBody = FormBody({ rolle: Type.Union(ALL_ROLES.map((r) => Type.Literal(r))) });
const AppointBody = FormBody({ epost: Email });

const organizationValues = (o: OrganizationRow): OrganizationValues => ({
  navn: o.name, slug: o.slug, rolle: o.network_role, type: o.kind, beskrivelse: o.description, bidrag: o.contribution,
  kontaktpunkt: o.contact_point, nettsted: o.website ?? '', kilde: o.source,
});
const auditedOrganization = (o: ReturnType<typeof organizationColumns>) => ({ ...o, website: o.website ?? '' });
const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

export async function manageRoutes(app: App, { db, config }: { db: Db; config: Config }) {
  const { requireSecretariat } = networkGuards(db);
  const myPageLink = `${config.publicUrl}${p.myPage}`;

  /** Validates the form; the row values, or the errors and the status to answer with. */
  const readOrganization = async (request: FastifyRequest, exceptId: string | null) => {
    const values = typed(request.body, ORGANIZATION_FIELDS);
    const errors: Errors = formErrors(request, g.errors, g.errors.navn);
    const { slug, problems } = checkOrganization(values);
    for (const [field, problem] of Object.entries(problems)) errors[field] ??= g.errors[problem];
    let status = 400;
    if (!errors.slug && await slugTaken(db, slug, exceptId)) {
      errors.slug = g.errors.slugTaken;
      if (Object.keys(errors).length === 1) status = 409;
    }
    return { values, errors, status, columns: Object.keys(errors).length === 0 ? organizationColumns(values, slug) : null };
  };

  const createPage = (values: OrganizationValues, errors: Errors, csrfToken: string) =>
    OrganizationFormPage({ title: g.createTitle, submit: g.createSubmit, action: p.create, values, errors, csrfToken });
  const editPage = (organization: OrganizationRow, values: OrganizationValues, errors: Errors, csrfToken: string) =>
    OrganizationFormPage({ title: g.editTitle(organization.name), submit: g.editSubmit, action: p.edit(organization.slug), values, errors, csrfToken });

  app.get(p.create, { preHandler: requireSecretariat }, async (request, reply) => {
    const empty = Object.fromEntries(ORGANIZATION_FIELDS.map((f) => [f, ''])) as OrganizationValues;
    return sendPage(reply, createPage({ ...empty, rolle: 'member', type: 'other' }, {}, request.csrfToken));
  });

  app.post(p.create, { preHandler: requireSecretariat, schema: { body: OrganizationBody }, attachValidation: true }, async (request, reply) => {
    const read = await readOrganization(request, null);
    if (!read.columns) return sendPage(reply, createPage(read.values, read.errors, request.csrfToken), read.status);
    const columns = read.columns;
    const id = newId();
    try {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('network_organization').values({ id, ...columns, is_demo: false }).execute();
        await recordChanges(trx, request.user!.id, changesOf('network_organization', id, 'create', null, auditedOrganization(columns)));
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return sendPage(reply, createPage(read.values, { slug: g.errors.slugTaken }, request.csrfToken), 409);
    }
    return reply.redirect(`${p.organization(columns.slug)}?ny=1`, 303);
  });

  app.get(p.edit(), { preHandler: requireSecretariat, schema: { params: SlugParams }, attachValidation: true }, async (request, reply) => {
    const organization = await organizationOf(db, request, reply);
    if (!organization) return reply;
    return sendPage(reply, editPage(organization, organizationValues(organization), {}, request.csrfToken));
  });

  app.post(p.edit(), { preHandler: requireSecretariat, schema: { params: SlugParams, body: OrganizationBody }, attachValidation: true }, async (request, reply) => {
    const organization = await organizationOf(db, request, reply);
    if (!organization) return reply;
    const read = await readOrganization(request, organization.id);
    if (!read.columns) return sendPage(reply, editPage(organization, read.values, read.errors, request.csrfToken), read.status);
    const columns = read.columns;
    try {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('network_organization').set({ ...columns, updated_at: config.clock.now() }).where('id', '=', organization.id).execute();
        const before = auditedOrganization(organizationColumns(organizationValues(organization), organization.slug));
        await recordChanges(trx, request.user!.id, changesOf('network_organization', organization.id, 'update', before, auditedOrganization(columns)));
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return sendPage(reply, editPage(organization, read.values, { slug: g.errors.slugTaken }, request.csrfToken), 409);
    }
    return reply.redirect(`${p.organization(columns.slug)}?lagret=1`, 303);
  });

  // an organisation's people
  const peoplePage = async (request: FastifyRequest, organization: OrganizationRow, extra: Pick<PeoplePageProps, 'errors' | 'values' | 'notice'> = {}) => {
    const roles = await networkRoles(db, request);
    return PeoplePage({
      organization, people: await membershipsIn(db, [organization.id]), viewerId: request.user!.id, manage: roles.secretariat,
      appoint: request.user!.isAdmin, csrfToken: request.csrfToken, ...extra,
    });
  };

  app.get(p.people(), { preHandler: requireUser, schema: { params: SlugParams }, attachValidation: true }, async (request, reply) => {
    const organization = await organizationOf(db, request, reply);
    if (!organization) return reply;
    if (!mayApproveFor(await networkRoles(db, request), organization.id)) return forbid(request, reply);
    const done = sentString(request.query, 'endret') ? g.roleChanged : sentString(request.query, 'fjernet') ? g.removed : sentString(request.query, 'utnevnt') ? g.appointed : null;
    return sendPage(reply, await peoplePage(request, organization, { notice: done }));
  });

  /** The membership of the route's organisation that the secretariat acts on; null when the reply is sent. */
  const targetMembership = async (request: FastifyRequest, organization: OrganizationRow, reply: Parameters<typeof forbid>[1]) => {
    const id = sentString(request.params, 'id') ?? '';
    const membership = isUuid(id) ? await findMembershipById(db, id) : undefined;
    if (!membership || membership.organization_id !== organization.id) {
      await reply.callNotFound();
      return null;
    }
    if (membership.user_id === request.user!.id) {
      await sendPage(reply, MessagePage({ title: g.notYourselfTitle, message: g.notYourself, links: [{ href: p.people(organization.slug), text: g.peopleTitle(organization.name) }] }), 403);
      return null;
    }
    return membership;
  };

  app.post(p.changeRole(), { preHandler: requireSecretariat, schema: { params: MembershipParams, body: RoleBody }, attachValidation: true }, async (request, reply) => {
    const organization = await organizationOf(db, request, reply);
    if (!organization) return reply;
    const membership = await targetMembership(request, organization, reply);
    if (!membership) return reply;
    const rolle = typed(request.body, ['rolle']).rolle;
    const role = ALL_ROLES.find((r) => r === rolle);
    if (!role || refusalToDecide(await networkRoles(db, request), request.user!.id, membership, role)) {
      return sendPage(reply, await peoplePage(request, organization, { errors: { [`rolle-${membership.id}`]: m.requests.errors.role }, values: { [`rolle-${membership.id}`]: rolle } }), 400);
    }
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('network_membership').set({ role }).where('id', '=', membership.id).execute();
      await recordChanges(trx, request.user!.id, changesOf('network_membership', membership.id, 'change_role', membershipFields(membership), membershipFields({ ...membership, role })));
    });
    return reply.redirect(`${p.people(organization.slug)}?endret=1`, 303);
  });

  app.post(p.remove(), { preHandler: requireSecretariat, schema: { params: MembershipParams }, attachValidation: true }, async (request, reply) => {
    const organization = await organizationOf(db, request, reply);
    if (!organization) return reply;
    const membership = await targetMembership(request, organization, reply);
    if (!membership) return reply;
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('network_membership').where('id', '=', membership.id).execute();
      await recordChanges(trx, request.user!.id, changesOf('network_membership', membership.id, 'remove', membershipFields(membership), null));
    });
    return reply.redirect(`${p.people(organization.slug)}?fjernet=1`, 303);
  });

  app.post(p.appointCoordinator(), { preHandler: requireAdmin, schema: { params: SlugParams, body: AppointBody }, attachValidation: true }, async (request, reply) => {
    const organization = await organizationOf(db, request, reply);
    if (!organization) return reply;
    const epost = typed(request.body, ['epost']).epost;
    const fail = (message: string) => peoplePage(request, organization, { errors: { epost: message }, values: { epost } }).then((page) => sendPage(reply, page, 400));
    if (request.validationError) return fail(g.appointErrors.epost);
    const person = await db.selectFrom('app_user').select(['id', 'email']).where('email', '=', normaliseEmail(epost)).executeTakeFirst();
    if (!person) return fail(g.appointErrors.noAccount);
    const admin = request.user!;
    await db.transaction().execute(async (trx) => {
      const before = await findMembership(trx, person.id, organization.id);
      const now = config.clock.now();
      const id = before?.id ?? newId();
      await trx.insertInto('network_membership').values({
        id, user_id: person.id, organization_id: organization.id, role: 'coordinator', status: 'approved', requested_at: now, decided_by: admin.id, decided_at: now,
      }).onConflict((oc) => oc.columns(['user_id', 'organization_id']).doUpdateSet({ role: 'coordinator', status: 'approved', decided_by: admin.id, decided_at: now, reason: null })).execute();
      const after = { user_id: person.id, organization_id: organization.id, role: 'coordinator', status: 'approved', note: before?.note ?? '', reason: null };
      await recordChanges(trx, admin.id, changesOf('network_membership', id, 'appoint', before ? membershipFields(before) : null, membershipFields(after)));
      await inLanguageOf(trx, person.email, () => queueMail(trx, { to: person.email, subject: m.mail.appointedSubject, body: m.mail.appointedBody(organization.name, myPageLink) }));
    });
    request.server.mailer?.kick();
    return reply.redirect(`${p.people(organization.slug)}?utnevnt=1`, 303);
  });
}
