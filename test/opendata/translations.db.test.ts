import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { DATA_TERM_BY_CODE } from '../../src/directory/hsds/profile.ts';
import { backends } from '../helpers/db.ts';
import { appSuite } from '../helpers/app.ts';
import { aService, anOrganization, store } from '../directory/factories.ts';
import { compiledSchema, errorsOf } from './hsds/hsds-schemas.ts';
import { fhirProblems } from './fhir/fhir-validator.ts';

// An offer's text in other languages in open data (issue #17, docs/hsds-profile.md): HSDS carries
// each translated field as a data attribute translation:<field>:<language>, FHIR as the standard
// translation extension on the element, the CSV names the languages of the text.
for (const backend of backends()) {
  describe(`translations in HSDS, FHIR and the CSV, on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const org = anOrganization({ name: 'Åpne data kommune' });
    const translated = aService(org, {
      name: 'Korgruppe', description: 'Vi synger sammen.', applicationProcess: 'Ring oss.',
      translations: [
        { language: 'en', name: 'Choir group', description: 'We sing together.', applicationProcess: null },
        { language: 'nn', name: null, description: 'Vi syng saman.', applicationProcess: null },
      ],
    });
    const plain = aService(org, { name: 'Bandgruppe', description: 'Vi spiller i band.' });

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off' }, seed: (db) => store(db, [org], [translated, plain]) });
    before(() => ({ database, app } = suite));

    test('HSDS: one data attribute per translated field and language, valid against the compiled schema', async () => {
      const service = (await app.inject(`/hsds/services/${translated.id}`)).json() as { attributes: unknown[] };
      const validate = compiledSchema('service');
      assert.ok(validate(service), errorsOf(validate));
      const translations = (service.attributes as { link_type: string; value: string; taxonomy_term: { code: string; term_uri: string } }[])
        .filter((a) => a.taxonomy_term.code.startsWith('translation:'))
        .map((a) => [a.taxonomy_term.code, a.value, a.link_type]);
      assert.deepEqual(translations.sort(), [
        ['translation:description:en', 'We sing together.', 'data'],
        ['translation:description:nn', 'Vi syng saman.', 'data'],
        ['translation:name:en', 'Choir group', 'data'],
      ]);
      const none = (await app.inject(`/hsds/services/${plain.id}`)).json();
      assert.ok(!(none.attributes as { taxonomy_term: { code: string } }[]).some((a) => a.taxonomy_term.code.startsWith('translation:')));
    });

    test('HSDS: the translation terms are listed with the data taxonomy, and filter services that have that text', async () => {
      const term = DATA_TERM_BY_CODE.get('translation:description:en')!;
      const listed = (await app.inject(`/hsds/taxonomy_terms/${term.id}`)).json();
      assert.equal(listed.code, 'translation:description:en');
      assert.match(listed.name, /Beskrivelse på engelsk/);
      const filtered = (await app.inject(`/hsds/services?taxonomy_term_id=${term.id}`)).json();
      assert.deepEqual(filtered.contents.map((s: { id: string }) => s.id), [translated.id]);
    });

    test('FHIR: the translation extension on name and extraDetails, a valid R4 resource', async () => {
      const resource = (await app.inject(`/fhir/HealthcareService/${translated.id}`)).json();
      assert.deepEqual(fhirProblems(resource), []);
      assert.equal(resource.language, 'nb');
      assert.equal(resource.extraDetails, 'Vi synger sammen.');
      const inLanguage = (element: { extension: { url: string; extension: { url: string; valueCode?: string; valueString?: string }[] }[] }) =>
        element.extension.map((e) => [e.url, e.extension.find((x) => x.url === 'lang')!.valueCode, e.extension.find((x) => x.url === 'content')!.valueString]);
      assert.deepEqual(inLanguage(resource._extraDetails), [
        ['http://hl7.org/fhir/StructureDefinition/translation', 'en', 'We sing together.'],
        ['http://hl7.org/fhir/StructureDefinition/translation', 'nn', 'Vi syng saman.'],
      ]);
      assert.deepEqual(inLanguage(resource._name), [['http://hl7.org/fhir/StructureDefinition/translation', 'en', 'Choir group']]);
      const plainResource = (await app.inject(`/fhir/HealthcareService/${plain.id}`)).json();
      assert.equal(plainResource._extraDetails, undefined);
    });

    test('CSV: the last column names the languages each offer\'s text is written in', async () => {
      const lines = (await app.inject('/api/v1/services.csv?sortering=navn')).body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
      const header = lines[0]!.split(';');
      assert.equal(header.at(-1), 'tekstspråk');
      const row = (name: string) => lines.find((line) => line.includes(`;${name};`))!.split(';');
      assert.equal(row('Korgruppe').at(-1), 'nb, en, nn');
      assert.equal(row('Bandgruppe').at(-1), 'nb');
    });
  });
}
