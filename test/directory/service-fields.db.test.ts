import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { MODEL_COLUMNS, type ColumnPlaces, type FieldPlaces } from '../../src/directory/index.ts';
import { loadServiceAggregate } from '../../src/directory/queries.ts';
import { API_FIELDS } from '../../src/directory/finder/api-schema.ts';
import { DIFF_FIELDS, flattenService } from '../../src/directory/intake/self-service/diff.ts';
import { HSDS_COLUMNS } from '../../src/opendata/hsds/objects.ts';
import { FHIR_COLUMNS } from '../../src/opendata/fhir/resources.ts';
import { backends } from '../helpers/db.ts';
import { appSuite } from '../helpers/app.ts';
import { aService, anOrganization, store } from './factories.ts';

// Every output lists every field of a service (src/directory/service-fields.ts), so a new field
// fails to compile until each output has placed it. This checks the placements are true: with
// every field of one service filled, each field arrives where its output says it goes.

/** A value at a place: a dotted path ("eligibility.0.comment"), "attribute:<code>" (HSDS) or "telecom:<system>" (FHIR). */
function at(document: unknown, place: string): unknown {
  const [kind, code] = place.split(':');
  const doc = document as Record<string, unknown>;
  if (code !== undefined && kind === 'attribute') {
    return (doc.attributes as { value: string; taxonomy_term: { code: string } }[]).find((a) => a.taxonomy_term.code === code)?.value;
  }
  if (code !== undefined && kind === 'telecom') return (doc.telecom as { system: string; value: string }[]).find((t) => t.system === code)?.value;
  return place.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], document);
}

/** The value is there: the same text, or for a flag or a list something non-empty. */
function arrived(value: unknown, expected: unknown, where: string) {
  assert.ok(value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0), `${where}: missing`);
  if (typeof expected === 'string' || typeof expected === 'number') {
    assert.ok(JSON.stringify(value).includes(String(expected)), `${where}: ${JSON.stringify(value)} lacks ${expected}`);
  }
}

const placed = (places: ColumnPlaces | FieldPlaces) => Object.entries(places).filter((entry): entry is [string, string] => typeof entry[1] === 'string');

for (const backend of backends()) {
  describe(`every field of a service arrives where each output places it, on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let row: Record<string, unknown>;
    const org = anOrganization({ name: 'Feltprøve kommune' });
    const service = aService(org, {
      name: 'Feltprøve', description: 'Alle felt fylt ut.', status: 'active', email: 'felt@prove.example', url: 'https://prove.example/felt',
      applicationProcess: 'Ring oss', feesDescription: 'Gratis', eligibilityDescription: 'Voksne med rusproblemer', waitTime: 'To uker',
      minimumAge: 18, maximumAge: 67, assuredDate: '2026-10-01', fte: 1.5, isDemo: true, languages: ['nb', 'en'],
      phones: [{ number: '12345678', description: null }], contacts: [{ name: 'Kari Kontakt', title: null, email: null }],
      schedules: [{ byday: 'MO', opensAt: '09:00', closesAt: '15:00', description: null }],
      translations: [{ language: 'en', name: 'Field test', description: 'Every field filled in.', applicationProcess: 'Call us' }],
    });

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off' }, seed: async (db) => {
      await store(db, [org], [service]);
      // the columns only an import fills
      await db.insertInto('program').values({ id: '5a0b3c1e-7f57-4b8e-9d2a-1c6f0e0f2a42', organization_id: org.id, name: 'Feltprogram' }).execute();
      await sql`update service set alternate_name = 'Feltalias', interpretation_services = 'Tolk ved behov', assurer_email = 'bekrefter@prove.example',
        alert = 'Stengt i juli', program_id = '5a0b3c1e-7f57-4b8e-9d2a-1c6f0e0f2a42' where id = ${service.id}`.execute(db);
      row = (await db.selectFrom('service').selectAll().where('id', '=', service.id).executeTakeFirstOrThrow()) as Record<string, unknown>;
    } });
    before(() => ({ database, app } = suite));

    const stored = (column: string) => (row[column] instanceof Date ? (row[column] as Date).toISOString().slice(0, 19) : row[column]);

    test('the model: each column placed in it holds the stored value', async () => {
      const aggregate = await loadServiceAggregate(database.db, service.id);
      for (const [column, field] of placed(MODEL_COLUMNS)) assert.equal(aggregate![field as keyof typeof aggregate], row[column], column);
    });

    test('HSDS and FHIR: each column placed in the document is there', async () => {
      const hsds = (await app.inject(`/hsds/services/${service.id}`)).json();
      for (const [column, place] of placed(HSDS_COLUMNS)) arrived(at(hsds, place), column === 'is_demo' ? true : stored(column), `HSDS ${column} → ${place}`);
      const fhir = (await app.inject(`/fhir/HealthcareService/${service.id}`)).json();
      for (const [column, place] of placed(FHIR_COLUMNS)) {
        arrived(at(fhir, place), ['is_demo', 'status'].includes(column) ? true : stored(column), `FHIR ${column} → ${place}`);
      }
    });

    test('the JSON API and the moderation diff: each field of the model placed there is there', async () => {
      const api = (await app.inject(`/api/v1/services/${service.id}`)).json();
      const aggregate = (await loadServiceAggregate(database.db, service.id))!;
      for (const [field, place] of placed(API_FIELDS)) {
        const value = aggregate[field as keyof typeof aggregate];
        arrived(at(api, place), typeof value === 'boolean' || typeof value === 'object' ? true : value, `API ${field} → ${place}`);
      }
      const flat = flattenService(aggregate);
      for (const [field, place] of placed(DIFF_FIELDS)) {
        const fields = flat.filter((f) => (place.endsWith('.*') ? f.field.startsWith(place.slice(0, -1)) || (place === 'location.*' && f.resourceType === 'location') : f.field === place));
        assert.ok(fields.some((f) => f.value !== ''), `diff ${field} → ${place}`);
      }
    });
  });
}
