// The network's courses (issue #12): catalogue, modules and files, runs with sign-up, attendance
// and completion, certificates with a public check, and a person's own courses.
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/index.ts';
import type { App } from '../../platform/http/app.ts';
import { coursePersonalData } from './personal-data.ts';
import { courseRoutes } from './routes.ts';
import { courseRunRoutes } from './run-routes.ts';

export { MyCoursesSection } from './views/my-courses.tsx';
export { myCourses, type MyCourseRow } from './mine.ts';
export { loadDemoCourses } from './demo.ts';

/** Every route of the courses part, and its share of the data download and account deletion. */
export async function networkCourses(app: App, deps: { db: Db; config: Config }) {
  app.personalData.register(coursePersonalData);
  await courseRoutes(app, deps);
  await courseRunRoutes(app, deps);
}
