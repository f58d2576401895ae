import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { formatDate, msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import { formatHours } from '../forms.ts';
import type { CourseRow } from '../queries.ts';
import { CourseName } from './components.tsx';

/** The catalogue: one entry per course with its facts, a list rather than a table so it reads well on a phone. */
export function CataloguePage({ courses, secretariat }: { courses: (CourseRow & { next_run: Date | null })[]; secretariat: boolean }) {
  const m = msg.networkCourses;
  return (
    <PageFrame title={m.title} className="stack course-page">
      <Paragraph className="lead">{m.lead}</Paragraph>
      <ul className="course-links">
        <li><Link href={paths.network.courses.mine}>{m.mineLink}</Link></li>
        <li><Link href={paths.network.courses.verifyForm}>{m.verifyLink}</Link></li>
        {secretariat && <li><Link href={paths.network.courses.create}>{m.create}</Link></li>}
      </ul>
      {courses.length === 0 ? <Paragraph>{m.none}</Paragraph> : (
        <ul className="course-list" aria-label={m.catalogueCaption}>
          {courses.map((c) => (
            <li key={c.id}>
              <Heading level={2} data-size="xs"><Link href={paths.network.courses.course(c.slug)}><CourseName course={c} /></Link></Heading>
              {c.summary && <Paragraph data-size="sm">{c.summary}</Paragraph>}
              <dl className="facts">
                <dt>{m.columns.audiences}</dt><dd>{c.audiences.map((a) => m.audiences[a]).join(', ')}</dd>
                <dt>{m.columns.format}</dt><dd>{m.formats[c.format]}</dd>
                <dt>{m.columns.length}</dt><dd>{m.hours(formatHours(c.length_hours))}</dd>
                <dt>{m.columns.organization}</dt><dd>{c.organization_name}</dd>
                <dt>{m.columns.nextRun}</dt><dd>{c.next_run ? formatDate(c.next_run) : m.noRun}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </PageFrame>
  );
}
