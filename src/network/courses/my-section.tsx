// The courses section of "Min side i nettverket": registrations, completed courses and certificates.
import type { Tx } from '../../platform/db/index.ts';
import { msg } from '../../platform/i18n/index.ts';
import type { SessionUser } from '../../accounts/index.ts';
import type { MyPageSection } from '../my-page.ts';
import { myCourses } from './mine.ts';
import { MyCoursesList } from './views/my-courses.tsx';

export async function myCoursesSection(db: Tx, user: SessionUser): Promise<MyPageSection | null> {
  const rows = await myCourses(db, user.id);
  const named = await db.selectFrom('app_user').select('name').where('id', '=', user.id).executeTakeFirst();
  return { id: 'mine-kurs', heading: msg.networkCourses.mine.heading, content: <MyCoursesList rows={rows} hasName={!!named?.name?.trim()} /> };
}
