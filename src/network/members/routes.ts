// The members part for everyone: the public member list and organisation pages, asking to join and
// leaving, the queue where member contacts and the secretariat decide, and "Min side i nettverket".
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { App } from '../../platform/http/app.ts';
import { sentString } from '../../platform/http/sent.ts';
import { msg } from '../../platform/i18n/index.ts';
import { newId, UUID_PATTERN } from '../../platform/ids.ts';
import { paths } from '../../platform/paths.ts';
import { sendPage } from '../../platform/views/render.ts';
import { MessagePage } from '../../platform/views/message-page.tsx';
import { FormBody, formErrors, typed, type Errors } from '../../platform/forms/index.ts';
import { queueMail, queueRequestedMail } from '../../platform/mail/outbox.ts';
import { forbid, recordChanges, requireUser, inLanguageOf } from '../../accounts/index.ts';
import { mayApproveFor, networkRoles } from '../roles.ts';
import { MY_PAGE_SECTIONS } from '../my-page.ts';
import { changesOf, membershipFields } from './audit.ts';
import { decidersOf, decideRequest, findMembership, findMembershipById, findOrganization, findPersonMembership, listOrganizations, membershipsIn, membershipsOf, upsertRequest, type OrganizationRow } from './queries.ts';
import { ALL_ROLES, grantableRoles, refusalToDecide, REQUESTABLE_ROLES } from './rules.ts';
import { MemberListPage } from './views/list-page.tsx';
import { OrganizationPage } from './views/organization-page.tsx';
import { JoinPage } from './views/join-page.tsx';
import { personLabel, RequestsPage } from './views/requests-page.tsx';
import { MyNetworkPage } from './views/my-page.tsx';

const m = msg.networkMembers;
const p = paths.network.members;
const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
const SLUG = new RegExp(SLUG_PATTERN);
export const SlugParams = Type.Object({ slug: Type.String({ pattern: SLUG_PATTERN, maxLength: 80 }) });
const IdParams = Type.Object({ id: Type.String({ pattern: UUID_PATTERN }) });
const JoinBody = FormBody({
  rolle: Type.Union(REQUESTABLE_ROLES.map((r) => Type.Literal(r))),
  melding: Type.Optional(Type.String({ maxLength: 1000 })),
});
const DecideBody = FormBody({
  handling: Type.Union([Type.Literal('godkjenn'), Type.Literal('avsla')]),
  rolle: Type.Union(ALL_ROLES.map((r) => Type.Literal(r))),
  begrunnelse: Type.Optional(Type.String({ maxLength: 1000 })),
});

/** The organisation named by the route's slug, or a 404 page (undefined: the reply is sent). */
export async function organizationOf(db: Tx, request: FastifyRequest, reply: FastifyReply): Promise<OrganizationRow | undefined> {
  // read as sent: a body that failed its schema must still find its organisation
  const slug = sentString(request.params, 'slug');
  const organization = slug && SLUG.test(slug) ? await findOrganization(db, slug) : undefined;
  if (!organization) await reply.callNotFound();
  return organization;
}

export async function memberRoutes(app: App, { db, config }: { db: Db; config: Config }) {
  const myPageLink = `${config.publicUrl}${p.myPage}`;

  app.get(p.index, async (request, reply) => {
    const roles = await networkRoles(db, request);
    return sendPage(reply, MemberListPage({ organizations: await listOrganizations(db), manage: roles.secretariat }));
  });

  app.get(p.organization(), { schema: { params: SlugParams }, attachValidation: true }, async (request, reply) => {
    const organization = await organizationOf(db, request, reply);
    if (!organization) return reply;
    const roles = await networkRoles(db, request);
    const viewer = request.user ? {
      csrfToken: request.csrfToken,
      membership: (await findMembership(db, request.user.id, organization.id)) ?? null,
      mayDecide: roles.secretariat || roles.contactOf.includes(organization.id),
      secretariat: roles.secretariat,
    } : null;
    const notice = sentString(request.query, 'sendt') ? m.organization.requestSent
      : sentString(request.query, 'lagret') ? m.organization.saved
        : sentString(request.query, 'ny') ? m.organization.created : null;
    return sendPage(reply, OrganizationPage({ organization, viewer, notice }));
  });

  // asking to join
  const alreadyMember = async (request: FastifyRequest, reply: FastifyReply, organization: OrganizationRow) => {
    const membership = await findMembership(db, request.user!.id, organization.id);
    if (membership?.status !== 'approved' && membership?.status !== 'pending') return false;
    await sendPage(reply, MessagePage({
      title: m.join.alreadyTitle, message: membership.status === 'approved' ? m.join.already : m.join.alreadyPending,
      links: [{ href: p.organization(organization.slug), text: organization.name }, { href: p.myPage, text: m.myPage.title }],
    }), 409);
    return true;
  };

  app.get(p.join(), { preHandler: requireUser, schema: { params: SlugParams }, attachValidation: true }, async (request, reply) => {
    const organization = await organizationOf(db, request, reply);
    if (!organization || await alreadyMember(request, reply, organization)) return reply;
    return sendPage(reply, JoinPage({ organization, values: { rolle: 'participant', melding: '' }, errors: {}, csrfToken: request.csrfToken }));
  });

  app.post(p.join(), { preHandler: requireUser, schema: { params: SlugParams, body: JoinBody }, attachValidation: true }, async (request, reply) => {
    const organization = await organizationOf(db, request, reply);
    if (!organization || await alreadyMember(request, reply, organization)) return reply;
    const values = typed(request.body, ['rolle', 'melding']);
    const errors: Errors = formErrors(request, m.join.errors, m.join.errors.rolle);
    if (Object.keys(errors).length > 0) return sendPage(reply, JoinPage({ organization, values, errors, csrfToken: request.csrfToken }), 400);
    const user = request.user!;
    const role = request.body.rolle;
    const note = (request.body.melding ?? '').trim();
    await db.transaction().execute(async (trx) => {
      const before = await findMembership(trx, user.id, organization.id);
      const id = await upsertRequest(trx, { id: newId(), userId: user.id, organizationId: organization.id, role, note, now: config.clock.now() });
      const after = { user_id: user.id, organization_id: organization.id, role, status: 'pending', note, reason: null };
      await recordChanges(trx, user.id, changesOf('network_membership', id, 'request', before ? membershipFields(before) : null, membershipFields(after)));
      // the organisation's member contacts hear of it; where it has none, the network's coordinators
      const deciders = await decidersOf(trx, organization.id);
      for (const to of deciders.filter((email) => email !== user.email)) {
        // a request is kept even when a mail limit holds the notice back: it waits in the queue either way
        await inLanguageOf(trx, to, () => queueRequestedMail(trx, to, user, config.clock.now(), async () => ({
          subject: m.mail.requestSubject(organization.name),
          body: m.mail.requestBody(user.name || user.email, organization.name, m.roles[role], `${config.publicUrl}${p.requests}`),
        })));
      }
    });
    request.server.mailer?.kick();
    return reply.redirect(`${p.organization(organization.slug)}?sendt=1`, 303);
  });

  // leaving, or withdrawing a request
  app.post(p.leave(), { preHandler: requireUser, schema: { params: SlugParams }, attachValidation: true }, async (request, reply) => {
    const organization = await organizationOf(db, request, reply);
    if (!organization) return reply;
    const user = request.user!;
    const left = await db.transaction().execute(async (trx) => {
      const membership = await findMembership(trx, user.id, organization.id);
      if (!membership) return false;
      await trx.deleteFrom('network_membership').where('id', '=', membership.id).execute();
      await recordChanges(trx, user.id, changesOf('network_membership', membership.id, 'leave', membershipFields(membership), null));
      return true;
    });
    if (!left) return sendPage(reply, MessagePage({ title: organization.name, message: m.leave.none, links: [{ href: p.myPage, text: m.myPage.title }] }), 409);
    return reply.redirect(`${p.myPage}?forlatt=${encodeURIComponent(organization.slug)}`, 303);
  });

  // the queue of requests this person may decide
  const requestsPage = async (request: FastifyRequest, extra: { errors?: Errors; values?: Record<string, string>; notice?: string | null } = {}) => {
    const roles = await networkRoles(db, request);
    const requests = await membershipsIn(db, roles.secretariat ? null : roles.contactOf, 'pending');
    return RequestsPage({ requests, viewerId: request.user!.id, grantable: grantableRoles(roles), csrfToken: request.csrfToken, ...extra });
  };
  const decidesAny = async (request: FastifyRequest) => {
    const roles = await networkRoles(db, request);
    return roles.secretariat || roles.contactOf.length > 0;
  };

  app.get(p.requests, { preHandler: requireUser }, async (request, reply) => {
    if (!(await decidesAny(request))) return forbid(request, reply);
    const decided = sentString(request.query, 'godkjent') ?? sentString(request.query, 'avslatt');
    let notice: string | null = null;
    if (decided) {
      const row = /^[0-9a-f-]{36}$/i.test(decided) ? await findPersonMembership(db, decided) : undefined;
      if (row && mayApproveFor(await networkRoles(db, request), row.organization_id)) notice = row.status === 'approved' ? m.requests.approved(personLabel(row), row.organization_name) : m.requests.rejected(personLabel(row), row.organization_name);
    }
    return sendPage(reply, await requestsPage(request, { notice }));
  });

  app.post(p.decide(), { preHandler: requireUser, schema: { params: IdParams, body: DecideBody }, attachValidation: true }, async (request, reply) => {
    const id = sentString(request.params, 'id') ?? '';
    const membership = /^[0-9a-f-]{36}$/i.test(id) ? await findMembershipById(db, id) : undefined;
    if (!membership) return reply.callNotFound();
    const roles = await networkRoles(db, request);
    const user = request.user!;
    const values = typed(request.body, ['rolle', 'begrunnelse', 'handling']);
    const role = ALL_ROLES.find((r) => r === values.rolle) ?? membership.role;
    const refusal = refusalToDecide(roles, user.id, membership, role);
    if (refusal === 'own' || refusal === 'not_decider') return forbid(request, reply);
    const errors: Errors = {};
    const reason = values.begrunnelse.trim();
    const failed = formErrors(request, {}, 'invalid');
    if (failed.rolle || refusal === 'coordinator') errors[`rolle-${id}`] = refusal === 'coordinator' ? m.requests.errors.coordinator : m.requests.errors.role;
    if (failed.begrunnelse) errors[`begrunnelse-${id}`] = m.requests.errors.reasonLength;
    else if (values.handling === 'avsla' && !reason) errors[`begrunnelse-${id}`] = m.requests.errors.reason;
    if (failed.handling) errors[`rolle-${id}`] ??= m.requests.errors.role;
    if (Object.keys(errors).length > 0) {
      const status = refusal === 'coordinator' ? 403 : 400;
      return sendPage(reply, await requestsPage(request, { errors, values: { [`rolle-${id}`]: values.rolle, [`begrunnelse-${id}`]: values.begrunnelse } }), status);
    }
    const approve = values.handling === 'godkjenn';
    const decided = await db.transaction().execute(async (trx) => {
      const now = config.clock.now();
      const done = await decideRequest(trx, id, { status: approve ? 'approved' : 'rejected', role, reason: approve ? (reason || null) : reason, by: user.id, at: now });
      if (!done) return false;
      const after = { ...membership, role, status: approve ? 'approved' : 'rejected', reason: approve ? (reason || null) : reason };
      await recordChanges(trx, user.id, changesOf('network_membership', id, approve ? 'approve' : 'reject', membershipFields(membership), membershipFields(after)));
      const person = await trx.selectFrom('app_user').select('email').where('id', '=', membership.user_id).executeTakeFirstOrThrow();
      const organization = await trx.selectFrom('network_organization').select('name').where('id', '=', membership.organization_id).executeTakeFirstOrThrow();
      const mail = m.mail;
      await inLanguageOf(trx, person.email, () => queueMail(trx, approve
        ? { to: person.email, subject: mail.approvedSubject(organization.name), body: mail.approvedBody(organization.name, m.roles[role], myPageLink) }
        : { to: person.email, subject: mail.rejectedSubject(organization.name), body: mail.rejectedBody(organization.name, reason, myPageLink) }));
      return true;
    });
    if (!decided) {
      return sendPage(reply, MessagePage({ title: m.requests.decidedAlreadyTitle, message: m.requests.decidedAlready, links: [{ href: p.requests, text: m.requests.title }] }), 409);
    }
    request.server.mailer?.kick();
    return reply.redirect(`${p.requests}?${approve ? 'godkjent' : 'avslatt'}=${id}`, 303);
  });

  app.get(p.myPage, { preHandler: requireUser }, async (request, reply) => {
    const user = request.user!;
    const roles = await networkRoles(db, request);
    const decides = roles.secretariat || roles.contactOf.length > 0;
    const waiting = decides ? (await membershipsIn(db, roles.secretariat ? null : roles.contactOf, 'pending')).filter((r) => r.user_id !== user.id).length : null;
    const sections = (await Promise.all(MY_PAGE_SECTIONS.map((source) => source(db, user)))).filter((s) => s !== null);
    const leftSlug = sentString(request.query, 'forlatt');
    const left = leftSlug && /^[a-z0-9-]{1,80}$/.test(leftSlug) ? await findOrganization(db, leftSlug) : undefined;
    return sendPage(reply, MyNetworkPage({
      memberships: await membershipsOf(db, user.id), waiting, secretariat: roles.secretariat, sections, notice: left ? m.leave.done(left.name) : null,
    }));
  });
}
