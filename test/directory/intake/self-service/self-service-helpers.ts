import type { Db } from '../../../../src/platform/db/index.ts';
import { sql } from 'kysely';

/** A complete, valid service form as a browser would post it. */
export function serviceForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    name: 'Bandverksted på Grønland', description: 'Vi spiller i band sammen, uten krav til erfaring.', status: 'active', fte: '0,8',
    url: 'https://example.no/band', email: 'band@example.no', term: ['niva:lavterskel', 'felt:rus', 'arena:kommune', 'malgruppe:voksne', 'format:gruppe', 'tilgang:egenhenvisning', 'kostnad:gratis'],
    sprak: ['nb', 'en'], eligibilityDescription: 'Voksne med rusutfordringer.', minimumAge: '18', maximumAge: '',
    applicationProcess: 'Kom innom.', waitTime: 'Ingen ventetid', feesDescription: 'Gratis',
    'phone-0-number': '+47 22 00 00 00', 'phone-0-description': 'Resepsjon',
    'contact-0-name': 'Kari Musikkterapeut', 'contact-0-title': 'Musikkterapeut', 'contact-0-email': 'kari@example.no',
    'schedule-0-day': ['TU', 'TH'], 'schedule-0-opens': '12:00', 'schedule-0-closes': '15:00', 'schedule-0-description': 'Drop-in',
    'location-0-id': '', 'location-0-name': 'Kulturhuset', 'location-0-address1': 'Tøyengata 2', 'location-0-postalCode': '0190',
    'location-0-city': '', 'location-0-latitude': '59,9127', 'location-0-longitude': '10.7605', 'location-0-transportation': 'T-bane til Grønland',
    'location-0-accessibility': ['tilgjengelighet:trinnfri'], 'location-0-accessibilityDescription': 'Heis',
    handling: 'send',
    ...overrides,
  };
}

export async function auditRows(db: Db, resourceId: string) {
  const { rows } = await sql<{ field_name: string; previous_value: string; replacement_value: string; last_action_type: string; updated_by: string }>`
    select field_name, previous_value, replacement_value, last_action_type, updated_by from audit_log where resource_id = ${resourceId} order by last_action_date, field_name`.execute(db);
  return rows;
}

export async function changeRequestOf(db: Db, name: string) {
  const { rows } = await sql<{ id: string; service_id: string; status: string; reason: string | null }>`
    select id, service_id, status, reason from change_request where proposed->>'name' = ${name} order by created_at desc limit 1`.execute(db);
  return rows[0];
}
