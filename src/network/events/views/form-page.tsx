import { Button, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import { CsrfField, ErrorSummary, Select, TextArea, TextInput, type Errors } from '../../../platform/forms/index.ts';
import { EVENT_KINDS, EVENT_STATUSES } from '../queries.ts';
import { LIMITS, type EventValues } from '../form.ts';

/** The secretariat's form for a new event or an edit: plain fields, Norwegian time, the agenda one item per line. */
export function EventFormPage(props: { eventId: string | null; values: EventValues; errors: Errors; organisations: { id: string; name: string }[]; csrfToken: string }) {
  const m = msg.networkEvents.form;
  const { values, errors } = props;
  const title = props.eventId ? m.editTitle(values.title) : m.createTitle;
  const failed = Object.keys(errors).length > 0;
  return (
    <PageFrame title={failed ? msg.networkEvents.errorTitle(title) : title} heading={title} className="stack detail">
      <Paragraph data-size="sm"><Link href={props.eventId ? paths.network.events.event(props.eventId) : paths.network.events.index}>{props.eventId ? msg.networkEvents.minutes.back : msg.networkEvents.page.back}</Link></Paragraph>
      <Paragraph>{m.intro}</Paragraph>
      <ErrorSummary errors={errors} heading={m.errorsHeading} />
      <form id="form" method="post" action={props.eventId ? paths.network.events.edit(props.eventId) : paths.network.events.create} noValidate className="stack" data-module="unsaved-warning" data-unsaved={failed ? 'true' : undefined}>
        <CsrfField token={props.csrfToken} />
        <Select id="kind" label={m.kind} value={values.kind} error={errors.kind} options={EVENT_KINDS.map((kind) => ({ value: kind, label: msg.networkEvents.kinds[kind] }))} />
        <TextInput id="title" label={m.title} value={values.title} error={errors.title} maxLength={LIMITS.title} />
        <TextArea id="purpose" label={m.purpose} hint={m.purposeHint} value={values.purpose} error={errors.purpose} rows={4} maxLength={LIMITS.purpose} />
        <div className="field-row">
          <TextInput id="startDate" label={m.startDate} hint={m.dateHint} value={values.startDate} error={errors.startDate} />
          <TextInput id="startTime" label={m.startTime} hint={m.timeHint} value={values.startTime} error={errors.startTime} />
        </div>
        <div className="field-row">
          <TextInput id="endDate" label={m.endDate} hint={m.endDateHint} value={values.endDate} error={errors.endDate} />
          <TextInput id="endTime" label={m.endTime} hint={m.timeHint} value={values.endTime} error={errors.endTime} />
        </div>
        <TextInput id="place" label={m.place} hint={m.placeHint} value={values.place} error={errors.place} maxLength={LIMITS.place} />
        <TextInput id="onlineUrl" label={m.onlineUrl} hint={m.onlineUrlHint} type="url" value={values.onlineUrl} error={errors.onlineUrl} maxLength={LIMITS.onlineUrl} />
        <Select id="organizerId" label={m.organizer} value={values.organizerId} error={errors.organizerId}
          options={[{ value: '', label: m.noOrganizer }, ...props.organisations.map((o) => ({ value: o.id, label: o.name }))]} />
        <TextInput id="capacity" label={m.capacity} hint={m.capacityHint} inputMode="numeric" value={values.capacity} error={errors.capacity} maxLength={6} />
        <div className="field-row">
          <TextInput id="deadlineDate" label={m.deadlineDate} hint={m.dateHint} value={values.deadlineDate} error={errors.deadlineDate} />
          <TextInput id="deadlineTime" label={m.deadlineTime} hint={m.deadlineTimeHint} value={values.deadlineTime} error={errors.deadlineTime} />
        </div>
        <TextArea id="accessibility" label={m.accessibility} hint={m.accessibilityHint} value={values.accessibility} error={errors.accessibility} rows={3} maxLength={LIMITS.accessibility} />
        <TextArea id="agenda" label={m.agenda} hint={m.agendaHint} value={values.agenda} error={errors.agenda} rows={8} />
        <Select id="status" label={m.status} hint={m.statusHint} value={values.status} error={errors.status} options={EVENT_STATUSES.map((status) => ({ value: status, label: msg.networkEvents.statuses[status] }))} />
        <div className="actions"><Button type="submit">{m.save}</Button></div>
      </form>
    </PageFrame>
  );
}
