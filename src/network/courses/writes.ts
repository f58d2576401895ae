// Every change to courses, modules, files, runs and attendance: one transaction each, audited field
// by field with recordChanges (who, when, old and new value).
import { recordChanges, type AuditChange } from '../../accounts/index.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { lockRunRow, promoteWaiting } from './enrolment.ts';
import { headingSlug } from './slug.ts';
import type { CourseInput, RunInput } from './forms.ts';
import { slugTaken, type CourseRow, type RunRow } from './queries.ts';

type Values = Record<string, string>;

/** One audit change per field whose value differs (all fields when there was nothing before). */
export function changes(resourceType: string, resourceId: string, before: Values | null, after: Values): AuditChange[] {
  const actionType = before ? 'update' : 'create';
  return Object.entries(after).filter(([field, value]) => !before || before[field] !== value).map(([field, value]) => ({
    resourceId, resourceType, actionType, fieldName: field, previousValue: before?.[field] ?? '', replacementValue: value,
  }));
}

const courseAudit = (c: CourseInput): Values => ({
  title: c.title, summary: c.summary, audiences: c.audiences.join(','), learning_goals: c.learningGoals, format: c.format,
  length_hours: String(c.lengthHours), organization_id: c.organizationId, status: c.status,
});
const courseColumns = (c: CourseInput) => ({
  title: c.title, summary: c.summary, audiences: c.audiences, learning_goals: c.learningGoals, format: c.format,
  length_hours: c.lengthHours, organization_id: c.organizationId, status: c.status,
});
export const courseInputOf = (row: CourseRow): CourseInput => ({
  title: row.title, summary: row.summary, audiences: row.audiences, learningGoals: row.learning_goals, format: row.format,
  lengthHours: row.length_hours, organizationId: row.organization_id, status: row.status,
});

async function freeSlug(db: Tx, title: string): Promise<string> {
  const base = headingSlug(title);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base.slice(0, 76)}-${n}`;
    if (!(await slugTaken(db, slug))) return slug;
  }
}

export async function createCourse(db: Db, input: CourseInput, actor: string, options: { isDemo?: boolean } = {}): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const id = newId();
    const slug = await freeSlug(trx, input.title);
    await trx.insertInto('network_course').values({ id, slug, ...courseColumns(input), is_demo: options.isDemo ?? false }).execute();
    await recordChanges(trx, actor, changes('network_course', id, null, { slug, ...courseAudit(input) }));
    return slug;
  });
}

export async function updateCourse(db: Db, course: CourseRow, input: CourseInput, actor: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('network_course').set({ ...courseColumns(input), updated_at: new Date() }).where('id', '=', course.id).execute();
    await recordChanges(trx, actor, changes('network_course', course.id, courseAudit(courseInputOf(course)), courseAudit(input)));
  });
}

type ModuleInput = { title: string; position: number; body: string };
const moduleAudit = (m: ModuleInput): Values => ({ title: m.title, position: String(m.position), body: m.body });

export async function createModule(db: Db, courseId: string, input: ModuleInput, actor: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const id = newId();
    await trx.insertInto('network_course_module').values({ id, course_id: courseId, ...input }).execute();
    await recordChanges(trx, actor, changes('network_course_module', id, null, { course_id: courseId, ...moduleAudit(input) }));
    return id;
  });
}

export async function updateModule(db: Db, before: ModuleInput & { id: string }, input: ModuleInput, actor: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('network_course_module').set({ ...input, updated_at: new Date() }).where('id', '=', before.id).execute();
    await recordChanges(trx, actor, changes('network_course_module', before.id, moduleAudit(before), moduleAudit(input)));
  });
}

export async function deleteModule(db: Db, module: ModuleInput & { id: string }, actor: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('network_course_module').where('id', '=', module.id).execute();
    await recordChanges(trx, actor, Object.entries(moduleAudit(module)).map(([field, value]) => ({
      resourceId: module.id, resourceType: 'network_course_module', actionType: 'delete', fieldName: field, previousValue: value, replacementValue: '',
    })));
  });
}

export async function addMaterial(db: Db, moduleId: string, file: { name: string; mediaType: string; content: Buffer }, actor: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const id = newId();
    await trx.insertInto('network_course_material').values({ id, module_id: moduleId, file_name: file.name, media_type: file.mediaType, size_bytes: file.content.length, content: file.content }).execute();
    await recordChanges(trx, actor, changes('network_course_material', id, null, { module_id: moduleId, file_name: file.name, media_type: file.mediaType, size_bytes: String(file.content.length) }));
    return id;
  });
}

export async function deleteMaterial(db: Db, material: { id: string; file_name: string }, actor: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('network_course_material').where('id', '=', material.id).execute();
    await recordChanges(trx, actor, [{ resourceId: material.id, resourceType: 'network_course_material', actionType: 'delete', fieldName: 'file_name', previousValue: material.file_name, replacementValue: '' }]);
  });
}

const runAudit = (r: RunInput): Values => ({
  starts_at: r.startsAt.toISOString(), ends_at: r.endsAt.toISOString(), place: r.place, online_url: r.onlineUrl ?? '',
  capacity: r.capacity === null ? '' : String(r.capacity), registration_deadline: r.deadline?.toISOString() ?? '', accessibility: r.accessibility, status: r.status,
});
const runColumns = (r: RunInput) => ({
  starts_at: r.startsAt, ends_at: r.endsAt, place: r.place, online_url: r.onlineUrl, capacity: r.capacity,
  registration_deadline: r.deadline, accessibility: r.accessibility, status: r.status,
});
export const runInputOf = (r: RunRow): RunInput => ({
  startsAt: r.starts_at, endsAt: r.ends_at, place: r.place, onlineUrl: r.online_url, capacity: r.capacity,
  deadline: r.registration_deadline, accessibility: r.accessibility, status: r.status,
});

/** A run is a network_event of kind 'course_run': the course's title, organised by the course's organisation. */
export async function createRun(db: Db, course: CourseRow, input: RunInput, actor: string, options: { isDemo?: boolean } = {}): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const id = newId();
    await trx.insertInto('network_event').values({
      id, kind: 'course_run', course_id: course.id, title: course.title, organizer_id: course.organization_id,
      created_by: actor === 'system' ? null : actor, is_demo: options.isDemo ?? false, ...runColumns(input),
    }).execute();
    await recordChanges(trx, actor, changes('network_event', id, null, { kind: 'course_run', course_id: course.id, ...runAudit(input) }));
    return id;
  });
}

export async function updateRun(db: Db, run: RunRow, input: RunInput, actor: string, context: { now: Date; publicUrl: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockRunRow(trx, run.id);
    await trx.updateTable('network_event').set({ ...runColumns(input), updated_at: new Date() }).where('id', '=', run.id).execute();
    await recordChanges(trx, actor, changes('network_event', run.id, runAudit(runInputOf(run)), runAudit(input)));
    // more places (or no limit any more): the waiting list moves up
    if (input.status === 'published') await promoteWaiting(trx, run.id, context.now, context.publicUrl);
  });
}

export interface AttendanceMark {
  registrationId: string;
  attendance: 'attended' | 'absent' | null;
  completed: boolean;
}

/**
 * Saves the organiser's marks for a run's registered participants. Completion keeps its first
 * date and marker while it stays ticked; taking it away deletes the participant's certificate (its
 * code then verifies as not found).
 */
export async function saveAttendance(db: Db, runId: string, marks: AttendanceMark[], actor: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const registered = await trx.selectFrom('network_registration as r').leftJoin('network_course_participation as p', 'p.registration_id', 'r.id')
      .select(['r.id', 'p.attendance', 'p.completed_at', 'p.completed_by', 'p.attendance_marked_by', 'p.attendance_marked_at', 'p.registration_id'])
      .where('r.event_id', '=', runId).where('r.status', '=', 'registered').execute();
    for (const mark of marks) {
      const row = registered.find((r) => r.id === mark.registrationId);
      if (!row) continue;
      const before = { attendance: row.attendance ?? '', completed: row.completed_at ? 'true' : 'false' };
      const after = { attendance: mark.attendance ?? '', completed: mark.completed ? 'true' : 'false' };
      const changed = changes('network_course_participation', row.id, before, after);
      if (changed.length === 0) continue;
      const attendanceChanged = before.attendance !== after.attendance;
      const values = {
        attendance: mark.attendance,
        attendance_marked_by: attendanceChanged ? actor : row.attendance_marked_by ?? null,
        attendance_marked_at: attendanceChanged ? now : row.attendance_marked_at ?? null,
        completed_at: mark.completed ? row.completed_at ?? now : null,
        completed_by: mark.completed ? row.completed_by ?? actor : null,
      };
      if (row.registration_id) await trx.updateTable('network_course_participation').set(values).where('registration_id', '=', row.id).execute();
      else await trx.insertInto('network_course_participation').values({ registration_id: row.id, ...values }).execute();
      if (!mark.completed && row.completed_at) {
        const removed = await trx.deleteFrom('network_course_certificate').where('registration_id', '=', row.id).returning('code').executeTakeFirst();
        if (removed) changed.push({ resourceId: row.id, resourceType: 'network_course_certificate', actionType: 'delete', fieldName: 'code', previousValue: removed.code, replacementValue: '' });
      }
      await recordChanges(trx, actor, changed);
    }
  });
}
