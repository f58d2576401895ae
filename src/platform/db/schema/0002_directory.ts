// Row types of the tables of migrations/0002_directory.ts (HSDS 3.0 and our search tables); the
// columns later migrations add are marked with their migration.
import type { ColumnType } from 'kysely';
import type { Timestamp, WithDefault } from './columns.ts';

export interface OrganizationTable {
  id: string;
  name: string;
  alternate_name: string | null;
  description: WithDefault<string>;
  email: string | null;
  website: string | null;
  legal_status: string | null;
  year_incorporated: number | null;
  logo: string | null;
  uri: string | null;
  parent_organization_id: string | null;
  is_demo: WithDefault<boolean>;
  /** ours (migration 0012): registered through self-service and not yet approved by a moderator: published nowhere */
  awaiting_approval: WithDefault<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface OrganizationIdentifierTable {
  id: string;
  organization_id: string;
  identifier_scheme: string | null;
  identifier_type: string;
  identifier: string;
}
export type ServiceStatus = 'active' | 'inactive' | 'defunct' | 'temporarily closed';
export interface ServiceTable {
  id: string;
  organization_id: string;
  name: string;
  alternate_name: string | null;
  description: WithDefault<string>;
  url: string | null;
  email: string | null;
  status: WithDefault<ServiceStatus>;
  interpretation_services: string | null;
  application_process: string | null;
  fees_description: string | null;
  wait_time: string | null;
  eligibility_description: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  assured_date: string | null;
  assurer_email: string | null;
  alert: string | null;
  fte: number | null;
  is_demo: WithDefault<boolean>;
  /** HSDS 3.0 (migration 0026): the program the service belongs to */
  program_id: string | null;
  last_modified: Timestamp;
  created_at: Timestamp;
}
export interface LocationTable {
  id: string;
  location_type: WithDefault<'physical' | 'postal' | 'virtual'>;
  url: string | null;
  organization_id: string | null;
  name: string | null;
  alternate_name: string | null;
  description: string | null;
  transportation: string | null;
  latitude: number | null;
  longitude: number | null;
  external_identifier: string | null;
  external_identifier_type: string | null;
  is_confidential: WithDefault<boolean>;
  /** ours (migration 0012): a confidential location's name may be shown (its editor says so); hidden by default */
  name_shown: WithDefault<boolean>;
  municipality_number: string | null;
  is_demo: WithDefault<boolean>;
}
export interface AddressTable {
  id: string;
  location_id: string;
  attention: string | null;
  address_1: string;
  address_2: string | null;
  city: string;
  region: string | null;
  state_province: string;
  postal_code: string;
  country: WithDefault<string>;
  address_type: WithDefault<'physical' | 'postal' | 'virtual'>;
}
export interface ServiceAtLocationTable {
  id: string;
  service_id: string;
  location_id: string;
  description: string | null;
}
export interface ContactTable {
  id: string;
  organization_id: string | null;
  service_id: string | null;
  service_at_location_id: string | null;
  location_id: string | null;
  name: string | null;
  title: string | null;
  department: string | null;
  email: string | null;
}
export interface PhoneTable {
  id: string;
  location_id: string | null;
  service_id: string | null;
  organization_id: string | null;
  contact_id: string | null;
  service_at_location_id: string | null;
  number: string;
  extension: string | null;
  type: string | null;
  description: string | null;
}
export interface ScheduleTable {
  id: string;
  service_id: string | null;
  location_id: string | null;
  service_at_location_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  dtstart: string | null;
  timezone: string | null;
  until: string | null;
  count: number | null;
  wkst: string | null;
  freq: 'WEEKLY' | 'MONTHLY' | null;
  interval: number | null;
  byday: string | null;
  byweekno: string | null;
  bymonthday: string | null;
  byyearday: string | null;
  description: string | null;
  opens_at: string | null;
  closes_at: string | null;
  schedule_link: string | null;
  attending_type: string | null;
  notes: string | null;
}
export interface LanguageTable {
  id: string;
  service_id: string | null;
  location_id: string | null;
  phone_id: string | null;
  name: string | null;
  code: string | null;
  note: string | null;
}
export interface AccessibilityTable {
  id: string;
  location_id: string | null;
  description: string | null;
  details: string | null;
  url: string | null;
}
export interface TaxonomyTable {
  id: string;
  name: string;
  description: string;
  uri: string | null;
  version: string | null;
}
export interface TaxonomyTermTable {
  id: string;
  code: string | null;
  name: string;
  description: string;
  parent_id: string | null;
  taxonomy: string | null;
  language: string | null;
  taxonomy_id: string | null;
  term_uri: string | null;
}
export interface AttributeTable {
  id: string;
  link_id: string;
  taxonomy_term_id: string;
  link_type: string | null;
  link_entity: 'service' | 'location' | 'organization' | 'service_at_location';
  value: string | null;
  label: string | null;
}
export interface ServiceSearchTable {
  service_id: string;
  organization_id: string;
  name: string;
  organization_name: string;
  status: ServiceStatus;
  terms: string[];
  municipality_numbers: string[];
  document: string;
  lat: number | null;
  lon: number | null;
  is_digital: boolean;
  minimum_age: number | null;
  maximum_age: number | null;
  assured_date: string | null;
  is_demo: boolean;
  /** added by migrations/0005_accounts.ts */
  confirmed_on: string | null;
  /** added by migrations/0035_search_terms_key.ts: names the set of terms (generated from terms) */
  terms_key: ColumnType<string, never, never>;
  /** added by migrations/0037_search_texts_key.ts: names the texts a hit shows that the row does not hold (null until the row is built again) */
  texts_key: string | null;
}
export interface SearchWordTable {
  word: string;
}
/** One row: bumped by triggers whenever a table the search reads changes. */
export interface SearchVersionTable {
  only_row: ColumnType<boolean, never, never>;
  version: number;
  /** added by migrations/0021_search_words.ts: the format of service_search.document the rows were built with */
  index_format: ColumnType<number, never, number>;
}

export interface DirectoryTables {
  organization: OrganizationTable;
  organization_identifier: OrganizationIdentifierTable;
  service: ServiceTable;
  location: LocationTable;
  address: AddressTable;
  service_at_location: ServiceAtLocationTable;
  contact: ContactTable;
  phone: PhoneTable;
  schedule: ScheduleTable;
  language: LanguageTable;
  accessibility: AccessibilityTable;
  taxonomy: TaxonomyTable;
  taxonomy_term: TaxonomyTermTable;
  attribute: AttributeTable;
  service_search: ServiceSearchTable;
  search_word: SearchWordTable;
  search_version: SearchVersionTable;
}
