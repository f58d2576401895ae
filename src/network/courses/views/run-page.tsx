import { Alert, Button, Heading, Link, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { CsrfField, ErrorSummary, type Errors } from '../../../platform/forms/index.ts';
import { formatDate, formatDateTime, msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { DataTable } from '../../../platform/views/data-table.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { Closed } from '../enrolment.ts';
import type { CourseRow, ParticipantRow, RunRow } from '../queries.ts';
import { placesText } from './course-page.tsx';
import { Breadcrumbs, CourseName } from './components.tsx';
import { runDates } from './format.ts';

export interface RunPageProps {
  course: CourseRow;
  run: RunRow;
  /** null: not signed in */
  me: { status: 'registered' | 'waiting' | 'none'; waitingPosition: number | null } | null;
  closed: Closed | null;
  /** set for the organiser: everyone registered or waiting, and the attendance form's state */
  organiser: { participants: ParticipantRow[]; marks: Record<string, { attendance: string; completed: boolean }>; errors: Errors; mayMark: boolean; canEdit: boolean } | null;
  notice?: string | undefined;
  csrfToken: string;
  loginUrl: string;
}

const personName = (p: { name: string | null; email: string }) => p.name || p.email;

export function RunPage(props: RunPageProps) {
  const { course, run, me, closed, organiser, notice, csrfToken } = props;
  const m = msg.networkCourses;
  const r = m.run;
  const c = paths.network.courses;
  const title = r.title(course.title, formatDate(run.starts_at));
  const failed = organiser && Object.keys(organiser.errors).length > 0;
  return (
    <Layout title={failed ? m.errorTitle(title) : title}>
      <Breadcrumbs course={course} />
      <div className="stack detail course-page">
        <Heading level={1} data-size="lg"><CourseName course={course} />, {formatDate(run.starts_at)}</Heading>
        {(course.is_demo || run.is_demo) && <Alert data-color="warning">{m.demoNote}</Alert>}
        {notice && <Alert data-color="success" role="status">{notice}</Alert>}
        {run.status === 'cancelled' && <Alert data-color="warning">{r.cancelledRun}</Alert>}
        {run.status === 'draft' && <Alert data-color="info">{r.draftRun}</Alert>}
        {organiser?.canEdit && <Paragraph><Link href={c.editRun(run.id)}>{r.edit}</Link></Paragraph>}
        <dl className="facts">
          <dt>{r.course}</dt><dd><Link href={c.course(course.slug)}>{course.title}</Link></dd>
          <dt>{r.when}</dt><dd>{runDates(run.starts_at, run.ends_at)}</dd>
          {run.place && <><dt>{r.where}</dt><dd>{run.place}</dd></>}
          {run.online_url && me?.status === 'registered' && <><dt>{r.online}</dt><dd><Link href={run.online_url}>{run.online_url}</Link></dd></>}
          <dt>{r.places}</dt><dd>{placesText(run)}</dd>
          {run.registration_deadline && <><dt>{r.deadline}</dt><dd>{formatDate(run.registration_deadline)}</dd></>}
          {run.accessibility && <><dt>{r.accessibility}</dt><dd>{run.accessibility}</dd></>}
          <dt>{r.organizer}</dt><dd>{course.organization_name}</dd>
        </dl>
        <section aria-labelledby="registration-heading" className="stack">
          <Heading level={2} data-size="sm" id="registration-heading">{r.registrationHeading}</Heading>
          <Registration {...props} />
        </section>
        {organiser && <Participants run={run} organiser={organiser} csrfToken={csrfToken} />}
      </div>
    </Layout>
  );
}

function Registration({ run, me, closed, csrfToken, loginUrl }: RunPageProps) {
  const r = msg.networkCourses.run;
  const c = paths.network.courses;
  if (me && me.status !== 'none') {
    return (
      <>
        <Paragraph>{me.status === 'registered' ? r.youAreRegistered : r.youAreWaiting(me.waitingPosition ?? 1)}</Paragraph>
        <form method="post" action={c.cancel(run.id)}>
          <CsrfField token={csrfToken} />
          <Button type="submit" variant="secondary">{r.cancel}</Button>
        </form>
      </>
    );
  }
  if (closed) return <Paragraph>{r.closed} {r.closedReason[closed]}</Paragraph>;
  if (!me) return <Paragraph><Link href={loginUrl}>{r.signInToRegister}</Link></Paragraph>;
  return (
    <form method="post" action={c.register(run.id)}>
      <CsrfField token={csrfToken} />
      <Button type="submit">{r.register}</Button>
    </form>
  );
}

function Participants({ run, organiser, csrfToken }: { run: RunRow; organiser: NonNullable<RunPageProps['organiser']>; csrfToken: string }) {
  const r = msg.networkCourses.run;
  const registered = organiser.participants.filter((p) => p.status === 'registered');
  const waiting = organiser.participants.filter((p) => p.status === 'waiting');
  const { errors, marks } = organiser;
  return (
    <section aria-labelledby="participants-heading" className="stack">
      <Heading level={2} data-size="sm" id="participants-heading" tabIndex={-1}>{r.participantsHeading}</Heading>
      <Paragraph>{r.participantsIntro}</Paragraph>
      <ErrorSummary errors={errors} anchor={(field) => (field === 'form' ? 'participants-heading' : field)} />
      {registered.length === 0 ? <Paragraph>{r.noParticipants}</Paragraph> : (
        <form method="post" action={paths.network.courses.attendance(run.id)} noValidate className="stack">
          <CsrfField token={csrfToken} />
          {!organiser.mayMark && <Paragraph>{r.attendanceTooEarly}</Paragraph>}
          <DataTable caption={r.participantsCaption} rows={registered} rowKey={(p) => p.registration_id} columns={[
            { header: r.columns.name, rowHeader: true, cell: (p) => <>{personName(p)}{p.name && <span className="subtle"> ({p.email})</span>}</> },
            { header: r.columns.attendance, cell: (p) => {
              const value = marks[p.registration_id]?.attendance ?? p.attendance ?? '';
              const id = `oppmote-${p.registration_id}`;
              return (
                <fieldset className="ds-fieldset radio-group radio-group--inline attendance">
                  <legend className="visually-hidden">{r.attendanceFor(personName(p))}</legend>
                  {(['', 'attended', 'absent'] as const).map((option) => (
                    <span key={option} className="choice">
                      <input className="ds-input" type="radio" id={`${id}-${option || 'none'}`} name={id} value={option} defaultChecked={value === option} disabled={!organiser.mayMark} />
                      <label className="ds-label" data-weight="regular" htmlFor={`${id}-${option || 'none'}`}>{r.attendance[option || 'unmarked']}</label>
                    </span>
                  ))}
                </fieldset>
              );
            } },
            { header: r.columns.completed, cell: (p) => {
              const id = `fullfort-${p.registration_id}`;
              const checked = marks[p.registration_id]?.completed ?? !!p.completed_at;
              return (
                <>
                  <span className="choice">
                    <input className="ds-input" type="checkbox" id={id} name={id} value="ja" defaultChecked={checked} disabled={!organiser.mayMark}
                      aria-describedby={errors[id] ? `${id}-error` : undefined} aria-invalid={errors[id] ? true : undefined} />
                    <label className="ds-label" data-weight="regular" htmlFor={id}>{r.completed(personName(p))}</label>
                  </span>
                  {p.completed_at && <Paragraph data-size="sm" className="subtle">{r.completedAt(formatDateTime(p.completed_at), p.completed_by_name ?? r.deletedUser)}</Paragraph>}
                  {errors[id] && <ValidationMessage id={`${id}-error`}>{errors[id]}</ValidationMessage>}
                </>
              );
            } },
          ]} />
          {organiser.mayMark && <div className="actions"><Button type="submit">{r.saveAttendance}</Button></div>}
        </form>
      )}
      {waiting.length > 0 && (
        <>
          <Heading level={3} data-size="xs">{r.waitingHeading}</Heading>
          <DataTable caption={r.waitingCaption} captionClassName="visually-hidden" rows={waiting} rowKey={(p) => p.registration_id} columns={[
            { header: r.waitingColumns.position, cell: (p) => String(waiting.indexOf(p) + 1) },
            { header: r.waitingColumns.name, rowHeader: true, cell: (p) => personName(p) },
            { header: r.waitingColumns.since, cell: (p) => (p.waiting_since ? formatDateTime(p.waiting_since) : '') },
          ]} />
        </>
      )}
    </section>
  );
}
