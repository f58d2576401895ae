// All SQL of the courses part: courses, modules, files and course runs (network_event rows of kind
// 'course_run' with course_id). Functions take the handle first and return rows.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/index.ts';
import type { CourseAudience, CourseFormat, CourseStatus, NetworkEventStatus } from '../../platform/db/index.ts';

export interface CourseRow {
  id: string;
  slug: string;
  title: string;
  summary: string;
  audiences: CourseAudience[];
  learning_goals: string;
  format: CourseFormat;
  length_hours: number;
  organization_id: string;
  organization_name: string;
  status: CourseStatus;
  is_demo: boolean;
}

const courseColumns = ['c.id', 'c.slug', 'c.title', 'c.summary', 'c.audiences', 'c.learning_goals', 'c.format', 'c.length_hours',
  'c.organization_id', 'o.name as organization_name', 'c.status', 'c.is_demo'] as const;

export async function listCourses(db: Tx, options: { drafts: boolean; now: Date }): Promise<(CourseRow & { next_run: Date | null })[]> {
  let query = db.selectFrom('network_course as c').innerJoin('network_organization as o', 'o.id', 'c.organization_id')
    .select(courseColumns)
    .select((eb) => eb.selectFrom('network_event as e').select((e) => e.fn.min('e.starts_at').as('next'))
      .whereRef('e.course_id', '=', 'c.id').where('e.status', '=', 'published').where('e.starts_at', '>', options.now).as('next_run'))
    .orderBy('c.title').orderBy('c.id');
  if (!options.drafts) query = query.where('c.status', '=', 'published');
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, next_run: row.next_run ? new Date(row.next_run) : null }));
}

export async function findCourse(db: Tx, slug: string): Promise<CourseRow | undefined> {
  return db.selectFrom('network_course as c').innerJoin('network_organization as o', 'o.id', 'c.organization_id')
    .select(courseColumns).where('c.slug', '=', slug).executeTakeFirst();
}

export async function listOrganizations(db: Tx): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('network_organization').select(['id', 'name']).orderBy('name').execute();
}

export async function slugTaken(db: Tx, slug: string): Promise<boolean> {
  return !!(await db.selectFrom('network_course').select('id').where('slug', '=', slug).executeTakeFirst());
}

export interface ModuleRow {
  id: string;
  position: number;
  title: string;
  body: string;
  materials: MaterialInfo[];
}
export interface MaterialInfo {
  id: string;
  module_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
}

export async function listModules(db: Tx, courseId: string): Promise<ModuleRow[]> {
  const modules = await db.selectFrom('network_course_module').select(['id', 'position', 'title', 'body'])
    .where('course_id', '=', courseId).orderBy('position').orderBy('created_at').execute();
  if (modules.length === 0) return [];
  const materials = await db.selectFrom('network_course_material').select(['id', 'module_id', 'file_name', 'media_type', 'size_bytes'])
    .where('module_id', 'in', modules.map((m) => m.id)).orderBy('file_name').orderBy('id').execute();
  return modules.map((m) => ({ ...m, materials: materials.filter((f) => f.module_id === m.id) }));
}

export async function findModule(db: Tx, courseId: string, id: string) {
  return (await listModules(db, courseId)).find((m) => m.id === id);
}

/** A file with its bytes, and whether its course is published (drafts' files are for the secretariat only). */
export async function findMaterial(db: Tx, id: string) {
  const row = await db.selectFrom('network_course_material as f').innerJoin('network_course_module as m', 'm.id', 'f.module_id')
    .innerJoin('network_course as c', 'c.id', 'm.course_id')
    .select(['f.id', 'f.file_name', 'f.media_type', 'f.size_bytes', 'f.content', 'f.module_id', 'c.slug', 'c.status'])
    .where('f.id', '=', id).executeTakeFirst();
  // PGlite reads bytea as Uint8Array, node-postgres as Buffer
  return row ? { ...row, content: Buffer.from(row.content.buffer, row.content.byteOffset, row.content.byteLength) } : undefined;
}

export interface RunRow {
  id: string;
  course_id: string;
  starts_at: Date;
  ends_at: Date;
  place: string;
  online_url: string | null;
  organizer_id: string | null;
  capacity: number | null;
  registration_deadline: Date | null;
  accessibility: string;
  status: NetworkEventStatus;
  is_demo: boolean;
  registered: number;
  waiting: number;
}

const runColumns = ['e.id', 'e.starts_at', 'e.ends_at', 'e.place', 'e.online_url', 'e.organizer_id', 'e.capacity',
  'e.registration_deadline', 'e.accessibility', 'e.status', 'e.is_demo'] as const;

function runsQuery(db: Tx) {
  return db.selectFrom('network_event as e').select(runColumns)
    .select((eb) => [
      eb.ref('e.course_id').$notNull().as('course_id'),
      eb.selectFrom('network_registration as r').select((r) => r.fn.countAll<number>().as('n')).whereRef('r.event_id', '=', 'e.id').where('r.status', '=', 'registered').as('registered'),
      eb.selectFrom('network_registration as r').select((r) => r.fn.countAll<number>().as('n')).whereRef('r.event_id', '=', 'e.id').where('r.status', '=', 'waiting').as('waiting'),
    ])
    .where('e.kind', '=', 'course_run').where('e.course_id', 'is not', null);
}
const toRun = (row: Omit<RunRow, 'registered' | 'waiting'> & { registered: number | null; waiting: number | null }): RunRow =>
  ({ ...row, registered: Number(row.registered ?? 0), waiting: Number(row.waiting ?? 0) });

export async function listRuns(db: Tx, courseId: string, options: { drafts: boolean }): Promise<RunRow[]> {
  let query = runsQuery(db).where('e.course_id', '=', courseId).orderBy('e.starts_at').orderBy('e.id');
  if (!options.drafts) query = query.where('e.status', '!=', 'draft');
  return (await query.execute()).map(toRun);
}

export async function findRun(db: Tx, id: string): Promise<RunRow | undefined> {
  const row = await runsQuery(db).where('e.id', '=', id).executeTakeFirst();
  return row ? toRun(row) : undefined;
}

export async function findCourseById(db: Tx, id: string): Promise<CourseRow | undefined> {
  return db.selectFrom('network_course as c').innerJoin('network_organization as o', 'o.id', 'c.organization_id')
    .select(courseColumns).where('c.id', '=', id).executeTakeFirst();
}

export interface ParticipantRow {
  registration_id: string;
  status: 'registered' | 'waiting';
  name: string | null;
  email: string;
  waiting_since: Date | null;
  attendance: 'attended' | 'absent' | null;
  completed_at: Date | null;
  completed_by_name: string | null;
}

/** Registered and waiting accounts of a run, the waiting list in its order. */
export async function listParticipants(db: Tx, runId: string): Promise<ParticipantRow[]> {
  const rows = await db.selectFrom('network_registration as r').innerJoin('app_user as u', 'u.id', 'r.user_id')
    .leftJoin('network_course_participation as p', 'p.registration_id', 'r.id')
    .leftJoin('app_user as b', 'b.id', 'p.completed_by')
    .select(['r.id as registration_id', 'r.status', 'u.name', 'u.email', 'r.waiting_since', 'p.attendance', 'p.completed_at',
      sql<string | null>`coalesce(b.name, b.email)`.as('completed_by_name')])
    .where('r.event_id', '=', runId).where('r.status', 'in', ['registered', 'waiting'])
    .orderBy(sql`coalesce(r.waiting_since, r.created_at)`).orderBy('r.id').execute();
  return rows as ParticipantRow[];
}
