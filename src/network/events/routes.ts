// Seminars and meetings: the list, a page per event with registration, the secretariat's form,
// guests' links, the participant list, iCalendar, and minutes after the event.
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/index.ts';
import type { App } from '../../platform/http/app.ts';
import { sentString } from '../../platform/http/sent.ts';
import { msg, nb } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { isUuid, UUID_PATTERN } from '../../platform/ids.ts';
import { sendPage } from '../../platform/views/render.ts';
import { MessagePage } from '../../platform/views/message-page.tsx';
import { EMAIL_PATTERN, FormBody, typed, type Errors } from '../../platform/forms/index.ts';
import { mailLimitMessage } from '../../platform/mail/outbox.ts';
import { hasControlCharacter } from '../../platform/text.ts';
import { askToSignIn, forbid, requireUser } from '../../accounts/index.ts';
import { hasTopLevelHeading, lineDiff, renderMarkdown } from '../../handbook/index.ts';
import { networkGuards } from '../roles.ts';
import { eventAccess } from './access.ts';
import { EVENT_FIELDS, emptyEventValues, parseEventForm, valuesOf, type EventValues } from './form.ts';
import { toICalendar } from './ical.ts';
import { currentMinutes, listMinutes, saveMinutes } from './minutes.ts';
import {
  agendaOf, createEvent, findEvent, inputOf, listEvents, organisations, organiserList, ownRegistration, participantNames, registrationCounts,
  updateEvent, upcomingPublished, type EventRow,
} from './queries.ts';
import {
  cancelByToken, cancelForAccount, checkGuestToken, closedReason, confirmGuest, mailCancellation, promote, register, type Needs, type RegistrationContext,
} from './registration.ts';
import { eventsJob } from './reminders.ts';
import { eventsPersonalData } from './personal-data.ts';
import { EventsIndexPage, type ListedEvent } from './views/index-page.tsx';
import { EventPage, REGISTER_FIELDS, emptyRegisterValues, type EventPageProps, type RegisterValues } from './views/event-page.tsx';
import { EventFormPage } from './views/form-page.tsx';
import { ParticipantsPage } from './views/participants-page.tsx';
import { MinutesEditPage, MinutesHistoryPage, MinutesRevisionPage } from './views/minutes-pages.tsx';
import { GuestActionPage } from './views/guest-page.tsx';
import { eventTitle } from './views/components.tsx';

const Id = Type.Object({ id: Type.String({ pattern: UUID_PATTERN }) });
const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$' }) });
const NOTICES = ['pameldt', 'venteliste', 'allerede', 'avmeldt', 'epost', 'bekreftet', 'lagret'] as const;
type NoticeKey = (typeof NOTICES)[number];
const NoticeQuery = Type.Object({ melding: Type.Optional(Type.String({ maxLength: 20 })) });
const Text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const RegisterBody = FormBody({
  name: Text(1000), email: Text(1000), needs_dietary: Text(5000), needs_accessibility: Text(5000), needs_interpretation: Text(5000), needs_other: Text(5000),
});
const EventBody = FormBody(Object.fromEntries(EVENT_FIELDS.map((field) => [field, Text(50_000)])));
const MinutesBody = FormBody({ body: Text(300_000), note: Text(5000), handling: Text(20) });
const MINUTES_MAX = 200_000;

const noticeText = (key: NoticeKey): EventPageProps['notice'] => {
  const m = msg.networkEvents.register;
  const texts: Record<NoticeKey, string> = {
    pameldt: m.doneRegistered, venteliste: m.doneWaiting, allerede: m.doneAlready, avmeldt: m.doneCancelled, epost: m.guestSent,
    bekreftet: msg.networkEvents.guest.confirmedTitle, lagret: msg.networkEvents.form.saved,
  };
  return { text: texts[key], color: key === 'avmeldt' ? 'info' : 'success' };
};

const displayName = (request: FastifyRequest) => request.user?.name || request.user?.email || '';

export async function eventRoutes(app: App, deps: { db: Db; config: Config }) {
  const { db, config } = deps;
  const guards = networkGuards(db);
  const ctx = (): RegistrationContext => ({ publicUrl: config.publicUrl, now: config.clock.now() });
  app.jobs.register(eventsJob(db, config, () => app.mailer.deliver()));
  app.personalData.register(eventsPersonalData(config));

  /** The event if this person may see it: drafts only for the secretariat. */
  async function visibleEvent(request: FastifyRequest, id: string | undefined): Promise<EventRow | undefined> {
    const event = id ? await findEvent(db, id) : undefined;
    if (!event) return undefined;
    if (event.status === 'draft' && !(await eventAccess(db, request, event)).secretariat) return undefined;
    return event;
  }

  async function eventPage(request: FastifyRequest, reply: FastifyReply, event: EventRow, form: { values?: RegisterValues; errors?: Errors; notice?: EventPageProps['notice'] }, status = 200) {
    const now = config.clock.now();
    const access = await eventAccess(db, request, event);
    const own = request.user ? await ownRegistration(db, event.id, request.user.id) : undefined;
    const values = form.values ?? {
      ...emptyRegisterValues(),
      ...(own && own.status !== 'cancelled' ? { needs_dietary: own.needs_dietary, needs_accessibility: own.needs_accessibility, needs_interpretation: own.needs_interpretation, needs_other: own.needs } : {}),
    };
    const minutes = await currentMinutes(db, event.id);
    return sendPage(reply, EventPage({
      event, agenda: await agendaOf(db, event.id), counts: await registrationCounts(db, event.id), access,
      viewer: request.user ? { name: displayName(request) } : null, own: own ?? null, closed: closedReason(event, now),
      values, errors: form.errors ?? {}, notice: form.notice ?? null,
      minutes: minutes ? { html: renderMarkdown(minutes.body).html, changed: minutes.created_at } : null,
      started: now.getTime() >= event.starts_at.getTime(), csrfToken: request.csrfToken,
    }), status);
  }

  app.get(paths.network.events.index, async (request, reply) => {
    const access = request.user ? await eventAccess(db, request, { organizer_id: null }) : null;
    const { upcoming, past } = await listEvents(db, config.clock.now(), { drafts: !!access?.secretariat });
    const ids = [...upcoming, ...past].map((event) => event.id);
    const counts = ids.length === 0 ? [] : await db.selectFrom('network_registration').select(['event_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('event_id', 'in', ids).where('status', '=', 'registered').groupBy('event_id').execute();
    const minuted = ids.length === 0 ? [] : await db.selectFrom('network_event_minutes').select('event_id').distinct().where('event_id', 'in', ids).execute();
    const listed = (event: EventRow): ListedEvent => ({
      event, registered: Number(counts.find((c) => c.event_id === event.id)?.n ?? 0), hasMinutes: minuted.some((row) => row.event_id === event.id),
    });
    return sendPage(reply, EventsIndexPage({ upcoming: upcoming.map(listed), past: past.map(listed), secretariat: !!access?.secretariat }));
  });

  app.get(paths.network.events.feed, async (_request, reply) => {
    const events = await upcomingPublished(db, config.clock.now());
    const withAgenda = await Promise.all(events.map(async (event) => ({ event, agenda: await agendaOf(db, event.id) })));
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="nettverket.ics"')
      .send(toICalendar(withAgenda, config.publicUrl, msg.networkEvents.title));
  });

  // --- the secretariat's form ---
  const formPage = async (request: FastifyRequest, reply: FastifyReply, eventId: string | null, values: EventValues, errors: Errors, status = 200) =>
    sendPage(reply, EventFormPage({ eventId, values, errors, organisations: await organisations(db), csrfToken: request.csrfToken }), status);

  app.get(paths.network.events.create, { preHandler: guards.requireSecretariat }, async (request, reply) => formPage(request, reply, null, emptyEventValues(), {}));

  app.post(paths.network.events.create, { preHandler: guards.requireSecretariat, schema: { body: EventBody }, attachValidation: true }, async (request, reply) => {
    const values = typed(request.body, EVENT_FIELDS);
    const { input, errors } = parseEventForm(values, (await organisations(db)).map((o) => o.id));
    if (request.validationError) errors.form ??= msg.networkEvents.register.errors.form;
    if (!input || Object.keys(errors).length > 0) return formPage(request, reply, null, values, errors, 400);
    const id = await createEvent(db, input, request.user!.id);
    return reply.redirect(`${paths.network.events.event(id)}?melding=lagret`, 303);
  });

  app.get(paths.network.events.edit(), { preHandler: guards.requireSecretariat, schema: { params: Id }, attachValidation: true }, async (request, reply) => {
    const event = request.validationError ? undefined : await findEvent(db, request.params.id);
    if (!event) return reply.callNotFound();
    return formPage(request, reply, event.id, valuesOf(inputOf(event, await agendaOf(db, event.id))), {});
  });

  app.post(paths.network.events.edit(), { preHandler: guards.requireSecretariat, schema: { params: Id, body: EventBody }, attachValidation: true }, async (request, reply) => {
    const id = sentString(request.params, 'id') ?? '';
    const event = isUuid(id) ? await findEvent(db, id) : undefined;
    if (!event) return reply.callNotFound();
    const values = typed(request.body, EVENT_FIELDS);
    const { input, errors } = parseEventForm(values, (await organisations(db)).map((o) => o.id));
    if (request.validationError) errors.form ??= msg.networkEvents.register.errors.form;
    if (!input || Object.keys(errors).length > 0) return formPage(request, reply, event.id, values, errors, 400);
    await db.transaction().execute(async (trx) => {
      await trx.selectFrom('network_event').select('id').where('id', '=', event.id).forUpdate().execute();
      const before = await findEvent(trx, event.id);
      await updateEvent(trx, event.id, inputOf(before!, await agendaOf(trx, event.id)), input, request.user!.id);
      // cancelled now: everyone who had a place or waited is told; else more places move the waiting list up
      if (input.status === 'cancelled' && before!.status !== 'cancelled') await mailCancellation(trx, ctx(), event.id);
      else await promote(trx, ctx(), event.id);
    });
    app.mailer.kick();
    return reply.redirect(`${paths.network.events.event(event.id)}?melding=lagret`, 303);
  });

  // --- one event ---
  app.get(paths.network.events.event(), { schema: { params: Id, querystring: NoticeQuery }, attachValidation: true }, async (request, reply) => {
    const event = await visibleEvent(request, request.validationError ? undefined : request.params.id);
    if (!event) return reply.callNotFound();
    const key = sentString(request.query, 'melding');
    return eventPage(request, reply, event, { notice: key && (NOTICES as readonly string[]).includes(key) ? noticeText(key as NoticeKey) : null });
  });

  app.get(paths.network.events.ics(), { schema: { params: Id }, attachValidation: true }, async (request, reply) => {
    const event = await visibleEvent(request, request.validationError ? undefined : request.params.id);
    if (!event) return reply.callNotFound();
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="arrangement.ics"')
      .send(toICalendar([{ event, agenda: await agendaOf(db, event.id) }], config.publicUrl, eventTitle(event)));
  });

  app.post(paths.network.events.register(), { schema: { params: Id, body: RegisterBody }, attachValidation: true }, async (request, reply) => {
    const id = sentString(request.params, 'id') ?? '';
    const event = isUuid(id) ? await visibleEvent(request, id) : undefined;
    if (!event) return reply.callNotFound();
    const values = typed(request.body, REGISTER_FIELDS);
    const errors = registerErrors(values, !request.user, !!request.validationError);
    if (Object.keys(errors).length > 0) return eventPage(request, reply, event, { values, errors }, 400);
    const needs: Needs = { dietary: values.needs_dietary, accessibility: values.needs_accessibility, interpretation: values.needs_interpretation, other: values.needs_other };
    const registrant = request.user ? { kind: 'account' as const, userId: request.user.id } : { kind: 'guest' as const, name: values.name, email: values.email };
    const result = await register(db, ctx(), event.id, registrant, needs);
    if (!result.ok) {
      const text = result.reason === 'mail_limit' ? mailLimitMessage({ limit: 'recipient', retryMinutes: result.retryMinutes }) : msg.networkEvents.register.closed[result.reason];
      return eventPage(request, reply, event, { values, notice: { text, color: 'danger' } }, result.reason === 'mail_limit' ? 429 : 409);
    }
    app.mailer.kick();
    const key: NoticeKey = result.kind === 'guest' ? 'epost' : result.already ? 'allerede' : result.status === 'waiting' ? 'venteliste' : 'pameldt';
    return reply.redirect(`${paths.network.events.event(event.id)}?melding=${key}#pamelding`, 303);
  });

  app.post(paths.network.events.cancel(), { preHandler: requireUser, schema: { params: Id }, attachValidation: true }, async (request, reply) => {
    const event = request.validationError ? undefined : await findEvent(db, request.params.id);
    if (!event) return reply.callNotFound();
    await cancelForAccount(db, ctx(), event.id, request.user!.id);
    app.mailer.kick();
    return reply.redirect(`${paths.network.events.event(event.id)}?melding=avmeldt#pamelding`, 303);
  });

  // --- guests' links: a page that asks, then a POST that acts ---
  const badLink = (reply: FastifyReply, reason: keyof typeof nb.networkEvents.guest.badLink, status = 410) =>
    sendPage(reply, MessagePage({ title: msg.networkEvents.guest.badLinkTitle, message: msg.networkEvents.guest.badLink[reason], links: [{ href: paths.network.events.index, text: msg.networkEvents.page.back }] }), reason === 'unknown' ? 404 : status);

  app.get(paths.network.events.guestConfirm(), { schema: { params: TokenParams }, attachValidation: true }, async (request, reply) => {
    if (request.validationError) return badLink(reply, 'unknown');
    const check = await checkGuestToken(db, request.params.token, 'confirm', config.clock.now());
    if (!check.ok) return badLink(reply, check.reason);
    const event = await findEvent(db, check.eventId);
    if (!event) return badLink(reply, 'not_found');
    if (check.status !== 'registered' && check.status !== 'waiting') return badLink(reply, 'unknown');
    const g = msg.networkEvents.guest;
    return sendPage(reply, GuestActionPage({
      title: g.confirmTitle, text: g.confirmText(eventTitle(event)), action: paths.network.events.guestConfirm(request.params.token), button: g.confirmButton,
      back: { href: paths.network.events.event(event.id), text: g.toEvent }, csrfToken: request.csrfToken,
    }));
  });

  app.post(paths.network.events.guestConfirm(), { schema: { params: TokenParams }, attachValidation: true }, async (request, reply) => {
    if (request.validationError) return badLink(reply, 'unknown');
    const result = await confirmGuest(db, ctx(), request.params.token);
    if (!result.ok) return badLink(reply, result.reason);
    app.mailer.kick();
    const event = await findEvent(db, result.eventId);
    const g = msg.networkEvents.guest;
    const title = event ? eventTitle(event) : '';
    return sendPage(reply, MessagePage({
      title: g.confirmedTitle, message: result.status === 'waiting' ? g.confirmedWaiting(title) : g.confirmedRegistered(title),
      links: [{ href: paths.network.events.event(result.eventId), text: g.toEvent }],
    }));
  });

  app.get(paths.network.events.guestCancel(), { schema: { params: TokenParams }, attachValidation: true }, async (request, reply) => {
    if (request.validationError) return badLink(reply, 'unknown');
    const check = await checkGuestToken(db, request.params.token, 'cancel', config.clock.now());
    if (!check.ok) return badLink(reply, check.reason);
    const event = await findEvent(db, check.eventId);
    if (!event) return badLink(reply, 'not_found');
    const g = msg.networkEvents.guest;
    return sendPage(reply, GuestActionPage({
      title: g.cancelTitle, text: g.cancelText(eventTitle(event)), action: paths.network.events.guestCancel(request.params.token), button: g.cancelButton,
      back: { href: paths.network.events.event(event.id), text: g.toEvent }, csrfToken: request.csrfToken,
    }));
  });

  app.post(paths.network.events.guestCancel(), { schema: { params: TokenParams }, attachValidation: true }, async (request, reply) => {
    if (request.validationError) return badLink(reply, 'unknown');
    const result = await cancelByToken(db, ctx(), request.params.token);
    if (!result.ok) return badLink(reply, result.reason);
    app.mailer.kick();
    const g = msg.networkEvents.guest;
    return sendPage(reply, MessagePage({ title: g.cancelledTitle, message: g.cancelled, links: [{ href: paths.network.events.event(result.eventId), text: g.toEvent }] }));
  });

  // --- who comes: names for members, needs for organisers ---
  app.get(paths.network.events.participants(), { preHandler: guards.requireNetworkMember, schema: { params: Id }, attachValidation: true }, async (request, reply) => {
    const event = await visibleEvent(request, request.validationError ? undefined : request.params.id);
    if (!event) return reply.callNotFound();
    const access = await eventAccess(db, request, event);
    return sendPage(reply, ParticipantsPage({ event, names: await participantNames(db, event.id), organiser: access.organiser ? await organiserList(db, event.id) : null }));
  });

  // --- minutes: organisers write them once the event has started ---
  async function organiserEvent(request: FastifyRequest, reply: FastifyReply): Promise<EventRow | null> {
    if (!request.user) {
      await askToSignIn(request, reply);
      return null;
    }
    const id = sentString(request.params, 'id') ?? '';
    const event = isUuid(id) ? await visibleEvent(request, id) : undefined;
    if (!event) {
      await reply.callNotFound();
      return null;
    }
    if (!(await eventAccess(db, request, event)).organiser) {
      await forbid(request, reply);
      return null;
    }
    return event;
  }

  app.get(paths.network.events.minutes(), async (request, reply) => {
    const event = await organiserEvent(request, reply);
    if (!event) return reply;
    const current = await currentMinutes(db, event.id);
    const started = config.clock.now().getTime() >= event.starts_at.getTime();
    const errors: Errors = started ? {} : { body: msg.networkEvents.minutes.errors.notYet };
    return sendPage(reply, MinutesEditPage({ eventId: event.id, eventTitle: eventTitle(event), values: { body: current?.body ?? '', note: '' }, errors, preview: null, csrfToken: request.csrfToken }), started ? 200 : 409);
  });

  app.post(paths.network.events.minutes(), { schema: { body: MinutesBody }, attachValidation: true }, async (request, reply) => {
    const event = await organiserEvent(request, reply);
    if (!event) return reply;
    const m = msg.networkEvents.minutes.errors;
    const values = typed(request.body, ['body', 'note'] as const);
    const errors: Errors = {};
    if (!values.body.trim() || values.body.length > MINUTES_MAX) errors.body = m.body;
    else if (hasTopLevelHeading(values.body)) errors.body = m.bodyH1;
    if (values.note.length > 500 || hasControlCharacter(values.note)) errors.note = m.note;
    if (config.clock.now().getTime() < event.starts_at.getTime()) errors.body = m.notYet;
    if (request.validationError) errors.body ??= m.body;
    const preview = sentString(request.body, 'handling') !== 'lagre';
    const failed = Object.keys(errors).length > 0;
    if (failed || preview) {
      return sendPage(reply, MinutesEditPage({
        eventId: event.id, eventTitle: eventTitle(event), values, errors, preview: errors.body ? null : renderMarkdown(values.body).html, csrfToken: request.csrfToken,
      }), failed ? 400 : 200);
    }
    await saveMinutes(db, event.id, values.body.replace(/\r\n/g, '\n'), { id: request.user!.id, name: displayName(request) }, values.note.trim() || null);
    return reply.redirect(`${paths.network.events.event(event.id)}#minutes-heading`, 303);
  });

  app.get(paths.network.events.minutesHistory(), async (request, reply) => {
    const event = await organiserEvent(request, reply);
    if (!event) return reply;
    return sendPage(reply, MinutesHistoryPage({ eventId: event.id, eventTitle: eventTitle(event), revisions: await listMinutes(db, event.id) }));
  });

  const RevisionParams = Type.Object({ id: Id.properties.id, number: Type.Integer({ minimum: 2, maximum: 1_000_000 }) });
  app.get(paths.network.events.minutesRevision(), { schema: { params: RevisionParams }, attachValidation: true }, async (request, reply) => {
    if (request.validationError) return reply.callNotFound();
    const event = await organiserEvent(request, reply);
    if (!event) return reply;
    const revisions = await listMinutes(db, event.id);
    const current = revisions.find((r) => r.number === request.params.number);
    const before = revisions.find((r) => r.number === request.params.number - 1);
    if (!current || !before) return reply.callNotFound();
    return sendPage(reply, MinutesRevisionPage({ eventId: event.id, eventTitle: eventTitle(event), number: current.number, lines: lineDiff(before.body, current.body) }));
  });
}

function registerErrors(values: RegisterValues, guest: boolean, unreadable: boolean): Errors {
  const m = msg.networkEvents.register.errors;
  const errors: Errors = {};
  if (guest) {
    const name = values.name.trim();
    if (!name || name.length > 200) errors.name = m.name;
    else if (hasControlCharacter(name)) errors.name = m.control;
    const email = values.email.trim();
    if (!new RegExp(EMAIL_PATTERN).test(email) || email.length > 254) errors.email = m.email;
  }
  for (const field of ['needs_dietary', 'needs_accessibility', 'needs_interpretation'] as const) {
    if (values[field].length > 1000) errors[field] = m[field];
    else if (hasControlCharacter(values[field])) errors[field] = m.control;
  }
  if (values.needs_other.length > 2000) errors.needs_other = m.needs_other;
  else if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(values.needs_other)) errors.needs_other = m.control;
  // the summary's link lands on the section's heading
  if (unreadable && Object.keys(errors).length === 0) errors.pamelding = m.form;
  return errors;
}
