// The courses part of "download my data" and of account deletion: course registrations with
// attendance, completion and certificates. Deletion removes attendance, completion and
// certificates (so a certificate's code then verifies as not found); the registrations themselves
// go with the account (network_registration's foreign key cascades, and the events part erases them).
import type { Tx } from '../../platform/db/index.ts';
import type { DataSubject, DeletionNotice, PersonalDataSource } from '../../accounts/index.ts';
import { msg } from '../../platform/i18n/index.ts';
import { myCourses } from './mine.ts';

const ownRegistrations = (db: Tx, userId: string) => db.selectFrom('network_registration').select('id').where('user_id', '=', userId);

async function collect(db: Tx, subject: DataSubject): Promise<Record<string, unknown>> {
  const rows = await myCourses(db, subject.id);
  return {
    networkCourses: rows.map((row) => ({
      course: row.course_title, startsAt: row.starts_at, endsAt: row.ends_at, registration: row.status,
      attendance: row.attendance, completedAt: row.completed_at,
      certificate: row.certificate_code ? { code: row.certificate_code, name: row.certificate_name, issuedAt: row.certificate_issued_at } : null,
    })),
  };
}

async function notice(db: Tx, subject: DataSubject): Promise<DeletionNotice | null> {
  const row = await db.selectFrom('network_course_certificate').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('registration_id', 'in', ownRegistrations(db, subject.id)).executeTakeFirstOrThrow();
  const count = Number(row.n);
  if (count === 0) return null;
  const m = msg.networkCourses.deletionNotice;
  return { id: 'kursbevis', heading: m.heading, items: [...m.items(count)] };
}

async function erase(db: Tx, subject: DataSubject): Promise<void> {
  await db.deleteFrom('network_course_certificate').where('registration_id', 'in', ownRegistrations(db, subject.id)).execute();
  await db.deleteFrom('network_course_participation').where('registration_id', 'in', ownRegistrations(db, subject.id)).execute();
}

export const coursePersonalData: PersonalDataSource = { collect, notice, erase };
