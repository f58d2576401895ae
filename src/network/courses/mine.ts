// A person's own course registrations, completions and certificates: the section "Min side i
// nettverket" includes, and the data download's part.
import type { Tx } from '../../platform/db/index.ts';

export interface MyCourseRow {
  registration_id: string;
  run_id: string;
  course_title: string;
  course_slug: string;
  is_demo: boolean;
  starts_at: Date;
  ends_at: Date;
  status: 'unconfirmed' | 'registered' | 'waiting' | 'cancelled';
  attendance: 'attended' | 'absent' | null;
  completed_at: Date | null;
  certificate_code: string | null;
  certificate_name: string | null;
  certificate_issued_at: Date | null;
}

export async function myCourses(db: Tx, userId: string): Promise<MyCourseRow[]> {
  return db.selectFrom('network_registration as r').innerJoin('network_event as e', 'e.id', 'r.event_id')
    .innerJoin('network_course as c', 'c.id', 'e.course_id')
    .leftJoin('network_course_participation as p', 'p.registration_id', 'r.id')
    .leftJoin('network_course_certificate as k', 'k.registration_id', 'r.id')
    .select(['r.id as registration_id', 'e.id as run_id', 'c.title as course_title', 'c.slug as course_slug', 'c.is_demo', 'e.starts_at', 'e.ends_at',
      'r.status', 'p.attendance', 'p.completed_at', 'k.code as certificate_code', 'k.participant_name as certificate_name', 'k.issued_at as certificate_issued_at'])
    .where('r.user_id', '=', userId).orderBy('e.starts_at', 'desc').orderBy('r.id').execute();
}
