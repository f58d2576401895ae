import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { backends, freshDatabase } from '../helpers/db.ts';
import { getPage, testApp } from '../helpers/app.ts';

/**
 * Every table, classified: the privacy page section that describes the personal data it holds, or
 * null when it holds none. A new table fails this test until it is classified here, described on
 * the privacy page, and covered by the data download and account deletion (src/accounts/privacy.ts).
 */
const TABLES: Record<string, string | null> = {
  app_user: 'konto',
  organization_editor: 'roller',
  organization_claim: 'roller',
  user_session: 'okter',
  user_token: 'lenker',
  rate_limit_hit: 'misbruk',
  mail_outbox: 'epost',
  audit_log: 'endringer',
  change_request: 'endringer',
  import_run: 'importer',
  import_run_file: 'importer',
  error_report: 'feilmeldinger',
  establishment_plan: 'planer',
  establishment_plan_member: 'planer',
  establishment_plan_invitation: 'planer',
  establishment_plan_item: 'planer',
  handbook_revision: 'veilederen',
  handbook_section: 'veilederen',
  network_membership: 'nettverket',
  network_organization: null,
  network_registration: 'arrangementer',
  network_event: null,
  evidence_entry: 'kunnskapsbiblioteket',
  network_agenda_item: null,
  network_registration_token: 'arrangementer',
  network_event_minutes: 'arrangementer',
  network_idea: 'ideer',
  network_idea_support: 'ideer',
  network_idea_comment: 'ideer',
  // actions name a contact point, not a person; their updates and links are the network's own text
  network_action: null,
  network_action_update: null,
  network_action_link: null,
  network_course: null,
  network_course_module: null,
  network_course_material: null,
  network_course_participation: 'kurs',
  network_course_certificate: 'kurs',
  // stories: the editors' authorship; tellers are never named (their control is the withdrawal code)
  experience_story: 'fortellinger',
  experience_story_excerpt: null,
  experience_story_consent: 'fortellinger',
  experience_story_cleared: 'fortellinger',
  // the teller's responses to a draft: no account and nothing about who sent them; erased with the story
  experience_story_review: null,
  // anonymous: no person, address or time finer than a month (the page says so)
  experience_survey_answer: 'sporreskjema',
  experience_survey_score: 'sporreskjema',
  experience_survey_day: null,
  // published by the organisations themselves, as contact for their services
  organization: 'kontaktpersoner',
  service: 'kontaktpersoner',
  contact: 'kontaktpersoner',
  phone: 'kontaktpersoner',
  // no personal data
  health_region: null, county: null, municipality: null, population: null, postal_code: null, reference_dataset: null,
  organization_identifier: null, location: null, address: null, service_at_location: null, schedule: null, language: null,
  accessibility: null, taxonomy: null, taxonomy_term: null, attribute: null, service_search: null, search_word: null,
  search_version: null, search_facet_count: null, coverage_travel_time: null, coverage_travel_time_set: null, coverage_snapshot: null,
  app_setting: null, job: null, freshness_reminder: null, directory_version: null,
  // HSDS tables of migration 0026 and the departures of 0027: about offers, no persons
  program: null, funding: null, service_area: null, cost_option: null, required_document: null, service_departure: null,
  // the offers' own text in other languages (0031): about offers, no persons
  service_translation: null,
};

const OPERATOR = {
  OPERATOR_NAME: 'Nasjonalt nettverk for musikkterapi (fiktiv)',
  OPERATOR_ORGNR: '123 456 785',
  OPERATOR_ADDRESS: 'Postboks 1, 0101 Oslo',
  OPERATOR_EMAIL: 'personvern@nettverk.example',
  OPERATOR_DPO: 'Pia Personvern, ombud@nettverk.example',
};

for (const backend of backends()) {
  describe(`the privacy page on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let demo: FastifyInstance;
    let configured: FastifyInstance;

    before(async () => {
      database = await freshDatabase(backend.name);
      demo = await testApp(database.db, { JOB_WORKER: 'off' });
      configured = await testApp(database.db, { JOB_WORKER: 'off', ...OPERATOR });
    });
    after(async () => {
      await demo.close();
      await configured.close();
      await database.close();
    });

    test('every table in the database is classified, and each kind of personal data has its section on the page', async () => {
      const { rows } = await sql<{ table_name: string }>`select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'`.execute(database.db);
      const unclassified = rows.map((r) => r.table_name).filter((name) => !(name in TABLES));
      assert.deepEqual(unclassified, [], 'classify each new table in TABLES and describe its personal data on /personvern');

      const page = await getPage(demo, '/personvern');
      assert.equal(page.status, 200);
      for (const section of new Set(Object.values(TABLES).filter((s): s is string => s !== null))) {
        const kind = page.$(`section[aria-labelledby="data-${section}"]`);
        assert.equal(kind.length, 1, `a section about ${section}`);
        const labels = kind.find('dt').map((_, el) => page.$(el).text()).get();
        assert.deepEqual(labels, ['Hva', 'Hvorfor', 'Rettslig grunnlag', 'Hvor lenge', 'Hvem ser det'], section);
        const values = kind.find('dd').map((_, el) => page.$(el).text().trim()).get();
        assert.ok(values.every((v) => v.length > 10), `${section}: every answer is written out`);
        assert.match(kind.find('dd').eq(2).text(), /artikkel 6 nr\. 1 bokstav [bf]/, `${section}: the legal basis names its letter`);
      }
      // the cookie names and the session lifetime are the ones the code uses
      assert.match(page.$('main').text(), /samklang_sesjon/);
      assert.match(page.$('main').text(), /samklang_skjema/);
      assert.match(page.$('section[aria-labelledby="data-okter"]').text(), /14 dager/);
    });

    test('the controller comes from configuration, shown as "ikke satt" when it is not configured', async () => {
      const unset = await getPage(demo, '/personvern');
      const values = unset.$('dl.controller dd').map((_, el) => unset.$(el).text()).get();
      assert.deepEqual(values, ['ikke satt', 'ikke satt', 'ikke satt', 'ikke satt', 'ikke satt']);

      const set = await getPage(configured, '/personvern');
      const text = set.$('dl.controller').text();
      assert.match(text, /Navn\s*Nasjonalt nettverk for musikkterapi \(fiktiv\)/);
      assert.match(text, /Organisasjonsnummer\s*123456785/);
      assert.match(text, /Postboks 1, 0101 Oslo/);
      assert.match(text, /personvern@nettverk\.example/);
      assert.match(text, /Personvernombud\s*Pia Personvern, ombud@nettverk\.example/);
      assert.doesNotMatch(set.$('main').text(), /ikke satt/);
      assert.match(set.$('main').text(), /på personvern@nettverk\.example/, 'requests go to the configured address');
    });

    test('the page names every right and the complaint to Datatilsynet', async () => {
      const page = await getPage(demo, '/personvern');
      const rights = page.$('ul.rights').text();
      for (const right of ['Innsyn', 'Retting', 'Sletting', 'Begrensning', 'Dataportabilitet', 'Protest']) assert.match(rights, new RegExp(`${right}:`));
      const complaint = page.$('section, main').text();
      assert.match(complaint, /klage til Datatilsynet/);
      assert.match(complaint, /datatilsynet\.no/);
      // no made-up addresses: the only web address on the page is the authority's own domain
      const addresses = page.$('main').text().match(/\b[a-z0-9.-]+\.(no|com|org)\b(\/\S*)?/gi) ?? [];
      assert.deepEqual([...new Set(addresses)], ['datatilsynet.no']);
    });
  });
}
