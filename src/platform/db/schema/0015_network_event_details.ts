// Row types of the tables of migrations/0015_network_event_details.ts: an event's agenda, guests'
// links and the minutes' revisions. The columns 0015 adds to network_registration are in
// 0014_network_events.ts.
import type { ColumnType } from 'kysely';
import type { NullableTimestamp, Timestamp } from './columns.ts';

type Moment = ColumnType<Date, Date | string, Date | string>;

export type NetworkAgendaItemTable = {
  id: string;
  event_id: string;
  position: number;
  starts_at: Moment;
  ends_at: NullableTimestamp;
  title: string;
};

export type RegistrationTokenPurpose = 'confirm' | 'cancel';
export type NetworkRegistrationTokenTable = {
  /** SHA-256 of the token in the link; the token itself is never stored */
  token_hash: string;
  registration_id: string;
  purpose: RegistrationTokenPurpose;
  created_at: Moment;
  expires_at: Moment;
  used_at: NullableTimestamp;
};

export type NetworkEventMinutesTable = {
  id: string;
  event_id: string;
  /** 1, 2, …: the newest is the minutes as they stand */
  number: number;
  body: string;
  /** the name shown in the history; author_id lets it go with the account */
  author: string | null;
  author_id: string | null;
  note: string | null;
  created_at: Timestamp;
};

export interface NetworkEventDetailsTables {
  network_agenda_item: NetworkAgendaItemTable;
  network_registration_token: NetworkRegistrationTokenTable;
  network_event_minutes: NetworkEventMinutesTable;
}
