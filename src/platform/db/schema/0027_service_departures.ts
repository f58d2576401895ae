// Row types of the table migrations/0027_service_departures.ts made.
import type { Timestamp } from './columns.ts';

/** A deleted service, kept 90 days so consumers that sync learn it left (written by a trigger). */
export interface ServiceDepartureTable {
  service_id: string;
  organization_id: string;
  name: string;
  left_at: Timestamp;
}

export interface ServiceDeparturesTables {
  service_departure: ServiceDepartureTable;
}
