// Row types of the tables of migrations/0014_network_events.ts: the network's events and the
// registrations for them.
import type { ColumnType } from 'kysely';
import type { NullableTimestamp, Timestamp } from './columns.ts';

export type NetworkEventKind = 'arbeidsseminar' | 'nettverksmote' | 'webinar' | 'course_run';
export type NetworkEventStatus = 'draft' | 'published' | 'cancelled';
export type NetworkEventTable = {
  id: string;
  kind: NetworkEventKind;
  title: string;
  purpose: ColumnType<string, string | undefined, string>;
  starts_at: ColumnType<Date, Date | string, Date | string>;
  ends_at: ColumnType<Date, Date | string, Date | string>;
  place: ColumnType<string, string | undefined, string>;
  online_url: string | null;
  organizer_id: string | null;
  /** null: no limit */
  capacity: number | null;
  registration_deadline: NullableTimestamp;
  accessibility: ColumnType<string, string | undefined, string>;
  status: ColumnType<NetworkEventStatus, NetworkEventStatus | undefined, NetworkEventStatus>;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** the course of a 'course_run' (migration 0018) */
  course_id: ColumnType<string | null, string | null | undefined, string | null>;
};

export type RegistrationStatus = 'unconfirmed' | 'registered' | 'waiting' | 'cancelled';
export type NetworkRegistrationTable = {
  id: string;
  event_id: string;
  /** an account's registration; null for a guest's */
  user_id: string | null;
  /** a guest's registration, by address (lower case); null for an account's */
  guest_email: string | null;
  guest_name: string | null;
  status: RegistrationStatus;
  /** dietary, accessibility, interpretation: seen only by the event's organisers */
  needs: ColumnType<string, string | undefined, string>;
  created_at: Timestamp;
  confirmed_at: NullableTimestamp;
  waiting_since: NullableTimestamp;
  cancelled_at: NullableTimestamp;
  /** needs split by kind (migration 0015); `needs` above holds other needs */
  needs_dietary: ColumnType<string, string | undefined, string>;
  needs_accessibility: ColumnType<string, string | undefined, string>;
  needs_interpretation: ColumnType<string, string | undefined, string>;
  /** when the reminder mail was queued: once per registration (migration 0015) */
  reminder_sent_at: NullableTimestamp;
};

export interface NetworkEventsTables {
  network_event: NetworkEventTable;
  network_registration: NetworkRegistrationTable;
}
