import { BokmalContent } from '../../../platform/views/bokmal-content.tsx';
import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { formatDateTime, msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import { DataTable } from '../../../platform/views/data-table.tsx';
import { CsrfField, ErrorSummary, TextArea, TextInput, type Errors } from '../../../platform/forms/index.ts';
import type { EventAccess } from '../access.ts';
import { whenText } from '../format.ts';
import type { AgendaRow, EventRow } from '../queries.ts';
import type { Closed } from '../registration.ts';
import { osloWallTime } from '../../../platform/oslo-time.ts';
import { KindTag, StatusTag, eventTitle } from './components.tsx';

export const REGISTER_FIELDS = ['name', 'email', 'needs_dietary', 'needs_accessibility', 'needs_interpretation', 'needs_other'] as const;
export type RegisterValues = Record<(typeof REGISTER_FIELDS)[number], string>;
export const emptyRegisterValues = (): RegisterValues => ({ name: '', email: '', needs_dietary: '', needs_accessibility: '', needs_interpretation: '', needs_other: '' });

export interface EventPageProps {
  event: EventRow;
  agenda: AgendaRow[];
  counts: { registered: number; waiting: number };
  access: EventAccess;
  /** the signed-in person, or null for a guest */
  viewer: { name: string } | null;
  /** the viewer's own registration, if any */
  own: { status: string } | null;
  closed: Closed | null;
  values: RegisterValues;
  errors: Errors;
  /** a message after an action (registered, cancelled, …) or why a registration was refused */
  notice: { text: string; color: 'success' | 'info' | 'danger' } | null;
  minutes: { html: string; changed: Date } | null;
  started: boolean;
  csrfToken: string;
}

const time = (d: Date) => osloWallTime(d).time;

export function EventPage(props: EventPageProps) {
  const m = msg.networkEvents;
  const { event, agenda, counts, access } = props;
  const failed = Object.keys(props.errors).length > 0;
  const title = eventTitle(event);
  return (
    <PageFrame title={failed ? m.errorTitle(title) : title} heading={title} className="stack event-page">
      <Paragraph data-size="sm"><Link href={paths.network.events.index}>{m.page.back}</Link></Paragraph>
      <p className="meta"><KindTag kind={event.kind} /> <StatusTag status={event.status} /></p>
      {event.is_demo && <Alert data-color="warning">{m.fictionalNote}</Alert>}
      {event.status === 'cancelled' && <Alert data-color="danger">{m.page.cancelledBanner}</Alert>}
      {event.status === 'draft' && <Alert data-color="warning">{m.page.draftBanner}</Alert>}
      {props.notice && <Alert data-color={props.notice.color} role={props.notice.color === 'danger' ? 'alert' : 'status'}>{props.notice.text}</Alert>}
      {(access.secretariat || access.member) && (
        <ul className="inline-links">
          {access.secretariat && <li><Link href={paths.network.events.edit(event.id)}>{m.page.edit}</Link></li>}
          {access.member && <li><Link href={paths.network.events.participants(event.id)}>{m.page.participants}</Link></li>}
        </ul>
      )}
      <dl className="facts">
        <dt>{m.page.when}</dt><dd>{whenText(event.starts_at, event.ends_at)}</dd>
        {event.place && <><dt>{m.page.where}</dt><dd>{event.place}</dd></>}
        {event.online_url && <><dt>{m.page.online}</dt><dd><Link href={event.online_url}>{m.page.onlineLink}</Link></dd></>}
        <dt>{m.page.organiser}</dt><dd>{event.organizer_name ?? m.page.noOrganiser}</dd>
        <dt>{m.page.capacity}</dt><dd>{m.page.capacityText(event.capacity, counts.registered, counts.waiting)}</dd>
        <dt>{m.page.deadline}</dt><dd>{event.registration_deadline ? formatDateTime(event.registration_deadline) : m.page.noDeadline}</dd>
        <dt>{m.page.accessibility}</dt><dd className="pre-line">{event.accessibility || m.page.noAccessibility}</dd>
      </dl>
      <Paragraph><Link href={paths.network.events.ics(event.id)}>{m.page.calendar}</Link></Paragraph>
      {event.purpose && (
        <section aria-labelledby="purpose-heading">
          <Heading level={2} data-size="md" id="purpose-heading">{m.page.purposeHeading}</Heading>
          <Paragraph className="pre-line">{event.purpose}</Paragraph>
        </section>
      )}
      {agenda.length > 0 && (
        <section aria-labelledby="agenda-heading">
          <Heading level={2} data-size="md" id="agenda-heading">{m.page.agendaHeading}</Heading>
          <DataTable caption={m.page.agendaCaption} captionClassName="visually-hidden" rows={agenda} rowKey={(_, index) => index} columns={[
            { header: m.page.agendaTime, cell: (item) => `${osloWallTime(item.starts_at).date === osloWallTime(event.starts_at).date ? '' : `${osloWallTime(item.starts_at).date} `}${time(item.starts_at)}${item.ends_at ? `–${time(item.ends_at)}` : ''}`, rowHeader: true },
            { header: m.page.agendaItem, cell: (item) => item.title },
          ]} />
        </section>
      )}
      {!props.started && event.status === 'published' && <Registration {...props} />}
      {(props.minutes || props.started) && (
        <section aria-labelledby="minutes-heading">
          <Heading level={2} data-size="md" id="minutes-heading">{m.page.minutesHeading}</Heading>
          {props.minutes
            ? <>
              <BokmalContent html={props.minutes.html} />
              <Paragraph data-size="sm">{m.minutes.lastChanged(formatDateTime(props.minutes.changed))}</Paragraph>
            </>
            : <Paragraph>{m.page.noMinutes}</Paragraph>}
          {access.organiser && (
            <ul className="inline-links">
              <li><Link href={paths.network.events.minutes(event.id)}>{m.page.minutesEdit}</Link></li>
              {props.minutes && <li><Link href={paths.network.events.minutesHistory(event.id)}>{m.page.minutesHistory}</Link></li>}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="ideas-heading">
        <Heading level={2} data-size="md" id="ideas-heading">{m.page.ideasHeading}</Heading>
        <ul>
          <li><Link href={`${paths.network.ideas.index}?arrangement=${event.id}`}>{m.page.ideasFromEvent}</Link></li>
          <li><Link href={`${paths.network.ideas.create}?arrangement=${event.id}`}>{m.page.ideaForEvent}</Link></li>
        </ul>
      </section>
    </PageFrame>
  );
}

function NeedsFields({ values, errors }: { values: RegisterValues; errors: Errors }) {
  const m = msg.networkEvents.register;
  return (
    <fieldset className="ds-fieldset needs" aria-describedby="needs-hint">
      <legend className="ds-label">{m.needsLegend}</legend>
      <p className="ds-paragraph" data-size="sm" id="needs-hint">{m.needsHint}</p>
      <TextInput id="needs_dietary" label={m.dietary} value={values.needs_dietary} error={errors.needs_dietary} maxLength={1000} />
      <TextInput id="needs_accessibility" label={m.accessibilityNeeds} value={values.needs_accessibility} error={errors.needs_accessibility} maxLength={1000} />
      <TextInput id="needs_interpretation" label={m.interpretation} value={values.needs_interpretation} error={errors.needs_interpretation} maxLength={1000} />
      <TextArea id="needs_other" label={m.other} value={values.needs_other} error={errors.needs_other} rows={2} maxLength={2000} />
    </fieldset>
  );
}

function Registration({ event, counts, viewer, own, closed, values, errors, csrfToken }: EventPageProps) {
  const m = msg.networkEvents.register;
  const holds = own && (own.status === 'registered' || own.status === 'waiting');
  const full = event.capacity !== null && counts.registered >= event.capacity;
  return (
    <section aria-labelledby="pamelding" className="registration">
      <Heading level={2} data-size="md" id="pamelding" tabIndex={-1}>{m.heading}</Heading>
      {event.registration_deadline && !closed && <Paragraph>{m.deadlineText(formatDateTime(event.registration_deadline))}</Paragraph>}
      <ErrorSummary errors={errors} heading={m.errorsHeading} />
      {holds && <Paragraph><strong>{own.status === 'registered' ? m.registered : m.waiting}</strong></Paragraph>}
      {closed && !holds && <Paragraph>{m.closed[closed]}</Paragraph>}
      {(!closed || holds) && (
        <form method="post" action={paths.network.events.register(event.id)} noValidate className="stack narrow-form">
          <CsrfField token={csrfToken} />
          {viewer
            ? !holds && <Paragraph>{m.signedInAs(viewer.name)}</Paragraph>
            : <>
              <Paragraph>{m.guestIntro}</Paragraph>
              <Paragraph data-size="sm"><Link href={`${paths.accounts.login}?neste=${encodeURIComponent(paths.network.events.event(event.id))}`}>{m.signInInstead}</Link></Paragraph>
              <TextInput id="name" label={m.name} value={values.name} error={errors.name} autoComplete="name" maxLength={200} />
              <TextInput id="email" label={m.email} type="email" value={values.email} error={errors.email} autoComplete="email" maxLength={254} />
            </>}
          {full && !holds && <Paragraph>{m.fullNote}</Paragraph>}
          <NeedsFields values={values} errors={errors} />
          <div className="actions"><Button type="submit">{holds ? m.updateNeeds : full ? m.submitWaiting : m.submit}</Button></div>
        </form>
      )}
      {holds && viewer && (
        <form method="post" action={paths.network.events.cancel(event.id)} noValidate>
          <CsrfField token={csrfToken} />
          <Button type="submit" variant="secondary">{m.cancel}</Button>
        </form>
      )}
    </section>
  );
}
