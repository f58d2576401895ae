import { BokmalContent } from '../../../platform/views/bokmal-content.tsx';
import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { formatHours, goalLines } from '../forms.ts';
import type { CourseRow, ModuleRow, RunRow } from '../queries.ts';
import { Breadcrumbs, CourseName } from './components.tsx';
import { fileSize, runDates } from './format.ts';

export interface CoursePageProps {
  course: CourseRow;
  modules: (ModuleRow & { html: string })[];
  runs: RunRow[];
  secretariat: boolean;
  organiser: boolean;
}

export function placesText(run: RunRow): string {
  const m = msg.networkCourses;
  if (run.capacity === null) return m.noLimit;
  const left = Math.max(0, run.capacity - run.registered);
  return left > 0 ? m.placesLeft(left, run.capacity) : m.full;
}

export function CoursePage({ course, modules, runs, secretariat, organiser }: CoursePageProps) {
  const m = msg.networkCourses;
  const goals = goalLines(course.learning_goals);
  return (
    <Layout title={course.title}>
      <Breadcrumbs />
      <article className="stack course-page">
        <Heading level={1} data-size="lg"><CourseName course={course} /></Heading>
        {course.is_demo && <Alert data-color="warning">{m.demoNote}</Alert>}
        {course.summary && <Paragraph className="lead">{course.summary}</Paragraph>}
        {(secretariat || organiser) && (
          <div className="admin-actions">
            {secretariat && <Link href={paths.network.courses.edit(course.slug)}>{m.admin.edit}</Link>}
            {secretariat && <Link href={paths.network.courses.newModule(course.slug)}>{m.admin.newModule}</Link>}
            <Link href={paths.network.courses.newRun(course.slug)}>{m.admin.newRun}</Link>
          </div>
        )}
        <dl className="facts">
          <dt>{m.facts.audiences}</dt><dd>{course.audiences.map((a) => m.audiences[a]).join(', ')}</dd>
          <dt>{m.facts.format}</dt><dd>{m.formats[course.format]}</dd>
          <dt>{m.facts.length}</dt><dd>{m.hours(formatHours(course.length_hours))}</dd>
          <dt>{m.facts.organization}</dt><dd>{course.organization_name}</dd>
        </dl>
        {goals.length > 0 && (
          <section aria-labelledby="goals-heading">
            <Heading level={2} data-size="sm" id="goals-heading">{m.goalsHeading}</Heading>
            <ul>{goals.map((goal, i) => <li key={i}>{goal}</li>)}</ul>
          </section>
        )}
        <section aria-labelledby="runs-heading">
          <Heading level={2} data-size="sm" id="runs-heading">{m.runsHeading}</Heading>
          {runs.length === 0 ? <Paragraph>{m.noRuns}</Paragraph> : (
            <ul className="run-list">
              {runs.map((r) => (
                <li key={r.id}>
                  <Paragraph><strong>{runDates(r.starts_at, r.ends_at)}</strong></Paragraph>
                  <dl className="facts">
                    {(r.place || r.online_url) && <><dt>{m.runColumns.where}</dt><dd>{r.place || m.digital}</dd></>}
                    <dt>{m.runColumns.places}</dt><dd>{r.status === 'cancelled' ? m.runForm.statuses.cancelled : placesText(r)}</dd>
                  </dl>
                  <Paragraph><Link href={paths.network.courses.run(r.id)}>{m.seeRun}<span className="visually-hidden"> ({runDates(r.starts_at, r.ends_at)})</span></Link></Paragraph>
                </li>
              ))}
            </ul>
          )}
        </section>
        {modules.length === 0 && <Paragraph>{m.noModules}</Paragraph>}
        {modules.map((module, index) => (
          <section key={module.id} aria-labelledby={`modul-${module.id}`} className="course-module">
            <Heading level={2} data-size="sm" id={`modul-${module.id}`}>{m.moduleTitle(index + 1, module.title)}</Heading>
            {secretariat && <Paragraph data-size="sm"><Link href={paths.network.courses.module(course.slug, module.id)}>{m.admin.editModule}<span className="visually-hidden">: {module.title}</span></Link></Paragraph>}
            <BokmalContent html={module.html} />
            {module.materials.length > 0 && (
              <>
                <Heading level={3} data-size="2xs">{m.materialsHeading(module.title)}</Heading>
                <ul>
                  {module.materials.map((f) => (
                    <li key={f.id}><Link href={paths.network.courses.material(f.id)} download>{m.materialLink(f.file_name, m.types[f.media_type] ?? f.media_type, fileSize(f.size_bytes))}</Link></li>
                  ))}
                </ul>
              </>
            )}
          </section>
        ))}
      </article>
    </Layout>
  );
}
