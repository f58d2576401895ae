import { Link, Paragraph } from '@digdir/designsystemet-react';
import { formatDate, nb } from '../../../platform/i18n/nb.ts';
import { paths } from '../../../platform/paths.ts';
import { DataTable } from '../../../platform/views/data-table.tsx';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import { formatHours } from '../forms.ts';
import type { CourseRow } from '../queries.ts';
import { CourseName } from './components.tsx';

export function CataloguePage({ courses, secretariat }: { courses: (CourseRow & { next_run: Date | null })[]; secretariat: boolean }) {
  const m = nb.networkCourses;
  return (
    <PageFrame title={m.title}>
      <Paragraph className="lead">{m.lead}</Paragraph>
      <ul className="course-links">
        <li><Link href={paths.network.courses.mine}>{m.mineLink}</Link></li>
        <li><Link href={paths.network.courses.verifyForm}>{m.verifyLink}</Link></li>
        {secretariat && <li><Link href={paths.network.courses.create}>{m.create}</Link></li>}
      </ul>
      {courses.length === 0 ? <Paragraph>{m.none}</Paragraph> : (
        <div className="table-scroll">
          <DataTable caption={m.catalogueCaption} captionClassName="visually-hidden" rows={courses} rowKey={(c) => c.id} columns={[
            { header: m.columns.title, rowHeader: true, cell: (c) => <Link href={paths.network.courses.course(c.slug)}><CourseName course={c} /></Link> },
            { header: m.columns.audiences, cell: (c) => c.audiences.map((a) => m.audiences[a]).join(', ') },
            { header: m.columns.format, cell: (c) => m.formats[c.format] },
            { header: m.columns.length, cell: (c) => m.hours(formatHours(c.length_hours)) },
            { header: m.columns.organization, cell: (c) => c.organization_name },
            { header: m.columns.nextRun, cell: (c) => (c.next_run ? formatDate(c.next_run) : m.noRun) },
          ]} />
        </div>
      )}
    </PageFrame>
  );
}
