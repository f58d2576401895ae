// Row types of the tables of migrations/0018_network_courses.ts: the network's courses, their
// modules and files, attendance and completion per registration, and certificates. The course a
// run belongs to is network_event.course_id (in 0014_network_events.ts).
import type { ColumnType } from 'kysely';
import type { NullableTimestamp, Timestamp } from './columns.ts';

export type CourseAudience = 'erfaringskonsulenter' | 'kommune' | 'spesialisthelsetjenesten' | 'ledere';
export type CourseFormat = 'fysisk' | 'digitalt' | 'kombinert';
export type CourseStatus = 'draft' | 'published';
export type NetworkCourseTable = {
  id: string;
  slug: string;
  title: string;
  summary: ColumnType<string, string | undefined, string>;
  audiences: ColumnType<CourseAudience[], CourseAudience[], CourseAudience[]>;
  /** one goal per line */
  learning_goals: ColumnType<string, string | undefined, string>;
  format: CourseFormat;
  length_hours: number;
  organization_id: string;
  status: ColumnType<CourseStatus, CourseStatus | undefined, CourseStatus>;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type NetworkCourseModuleTable = {
  id: string;
  course_id: string;
  position: number;
  title: string;
  /** Markdown */
  body: ColumnType<string, string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type NetworkCourseMaterialTable = {
  id: string;
  module_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  content: Uint8Array;
  created_at: Timestamp;
};

export type CourseAttendance = 'attended' | 'absent';
export type NetworkCourseParticipationTable = {
  registration_id: string;
  attendance: CourseAttendance | null;
  attendance_marked_by: string | null;
  attendance_marked_at: NullableTimestamp;
  completed_at: NullableTimestamp;
  completed_by: string | null;
};

export type NetworkCourseCertificateTable = {
  id: string;
  registration_id: string;
  code: string;
  /** the participant's name as it was when the certificate was issued */
  participant_name: string;
  course_title: string;
  issued_at: Timestamp;
};

export interface NetworkCoursesTables {
  network_course: NetworkCourseTable;
  network_course_module: NetworkCourseModuleTable;
  network_course_material: NetworkCourseMaterialTable;
  network_course_participation: NetworkCourseParticipationTable;
  network_course_certificate: NetworkCourseCertificateTable;
}
