import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import type { MyCourseRow } from '../mine.ts';
import { CourseName } from './components.tsx';
import { runDates } from './format.ts';

function statusText(row: MyCourseRow): string {
  const s = msg.networkCourses.mine.statuses;
  if (row.completed_at) return s.completed;
  if (row.status === 'registered' && row.attendance) return s[row.attendance];
  return s[row.status];
}

/**
 * The courses section of a person's own page: registrations, completed courses and certificates.
 * "Min side i nettverket" (/nettverket/min-side, the members part) includes it; `headingLevel`
 * fits it under that page's h1. Until then it stands alone at /nettverket/kurs/mine.
 */
export function MyCoursesSection({ rows, hasName, headingLevel = 2 }: { rows: MyCourseRow[]; hasName: boolean; headingLevel?: 2 | 3 }) {
  return (
    <section aria-labelledby="my-courses-heading" className="stack">
      <Heading level={headingLevel} data-size="sm" id="my-courses-heading">{msg.networkCourses.mine.heading}</Heading>
      <MyCoursesList rows={rows} hasName={hasName} headingLevel={headingLevel} />
    </section>
  );
}

/** The list alone, for a page that gives it its own heading ("Min side i nettverket"). */
export function MyCoursesList({ rows, hasName, headingLevel = 2 }: { rows: MyCourseRow[]; hasName: boolean; headingLevel?: 2 | 3 }) {
  const m = msg.networkCourses.mine;
  const c = paths.network.courses;
  return (
    <>
      <Paragraph>{m.intro}</Paragraph>
      {rows.length === 0 ? (
        <Paragraph>{m.none} <Link href={c.index}>{m.findCourses}</Link></Paragraph>
      ) : (
        <ul className="course-list" aria-label={m.registrationsCaption}>
          {rows.map((r) => (
            <li key={r.registration_id}>
              <Heading level={headingLevel + 1 as 3 | 4} data-size="2xs"><Link href={c.run(r.run_id)}><CourseName course={{ title: r.course_title, is_demo: r.is_demo }} /></Link></Heading>
              <dl className="facts">
                <dt>{m.columns.when}</dt><dd>{runDates(r.starts_at, r.ends_at)}</dd>
                <dt>{m.columns.status}</dt><dd>{statusText(r)}</dd>
                {r.completed_at && r.status === 'registered' && (
                  <>
                    <dt>{m.columns.certificate}</dt>
                    <dd>{!r.certificate_code && !hasName
                      ? <Link href={paths.accounts.changeName}>{m.needName}</Link>
                      : <Link href={c.certificate(r.registration_id)} download>{m.download(r.course_title)}</Link>}</dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function MyCoursesPage({ rows, hasName }: { rows: MyCourseRow[]; hasName: boolean }) {
  return (
    <PageFrame title={msg.networkCourses.mine.title} className="stack course-page">
      <MyCoursesSection rows={rows} hasName={hasName} />
    </PageFrame>
  );
}
