import { Link } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';

/** A course's title, "(fiktiv)" after a demo course's and "Utkast" after an unpublished one's. */
export function CourseName({ course }: { course: { title: string; is_demo: boolean; status?: string } }) {
  const m = msg.networkCourses;
  return (
    <>
      {course.title}
      {course.is_demo && <> {m.demo}</>}
      {course.status === 'draft' && <span className="subtle"> – {m.draft}</span>}
    </>
  );
}

export function Breadcrumbs({ course }: { course?: { slug: string; title: string } }) {
  const m = msg.networkCourses;
  return (
    <nav aria-label={m.breadcrumbs} className="breadcrumbs">
      <ol>
        <li><Link href={paths.network.courses.index}>{m.title}</Link></li>
        {course && <li><Link href={paths.network.courses.course(course.slug)}>{course.title}</Link></li>}
      </ol>
    </nav>
  );
}
