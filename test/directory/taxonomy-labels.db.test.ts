import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { catalogues, withLanguage } from '../../src/platform/i18n/index.ts';
import { FACETS, LANGUAGES, TERMS } from '../../src/directory/taxonomy.ts';
import { facetLabel, languageLabel, termLabel } from '../../src/directory/taxonomy-labels.ts';
import { backends } from '../helpers/db.ts';
import { getPage, appSuite } from '../helpers/app.ts';
import { aService, anOrganization, store } from './factories.ts';

// The classification in the reader's language: every term, facet and offer language has a label in
// bokmål, nynorsk and English, pages show the reader's, and the open data keeps the bokmål names.

test('every term, facet and offer language has a label in every catalogue, and no label is left over', () => {
  for (const [language, catalogue] of Object.entries(catalogues)) {
    assert.deepEqual(Object.keys(catalogue.taxonomy.terms).sort(), TERMS.map((t) => t.key).sort(), `terms in ${language}`);
    assert.deepEqual(Object.keys(catalogue.taxonomy.facets).sort(), FACETS.map((f) => f.id).sort(), `facets in ${language}`);
    assert.deepEqual(Object.keys(catalogue.taxonomy.languages).sort(), Object.keys(LANGUAGES).sort(), `languages in ${language}`);
    for (const label of Object.values(catalogue.taxonomy.terms)) assert.ok(label.name.trim() && label.description.trim(), `empty label in ${language}`);
  }
});

test('labels follow the reader\'s language; the taxonomy keeps its bokmål names; an unknown key shows as itself', () => {
  assert.equal(withLanguage('nb', () => termLabel('kostnad:gratis')), 'Gratis');
  assert.equal(withLanguage('en', () => termLabel('kostnad:gratis')), 'Free');
  assert.equal(withLanguage('nn', () => termLabel('niva:lavterskel')), 'Lågterskeltilbod');
  assert.equal(withLanguage('en', () => facetLabel('malgruppe')), 'Target group');
  assert.equal(withLanguage('en', () => languageLabel('se')), 'Northern Sami');
  assert.equal(withLanguage('en', () => TERMS.find((t) => t.key === 'kostnad:gratis')!.name), 'Gratis');
  assert.equal(withLanguage('en', () => termLabel('kostnad:ukjent')), 'kostnad:ukjent');
});

for (const backend of backends()) {
  describe(`taxonomy labels on pages on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const org = anOrganization({ name: 'Språkprøve (fiktiv)', isDemo: true });
    const service = aService(org, {
      name: 'Gratis gruppe for unge (fiktiv)', isDemo: true, languages: ['nb', 'en'],
      terms: ['niva:lavterskel', 'felt:rus', 'kostnad:gratis', 'format:gruppe', 'malgruppe:unge-voksne', 'tilgang:henvisning', 'henviser:fastlege'],
    });

    const suite = appSuite(backend.name, { seed: (db) => store(db, [org], [service]) });
    before(() => ({ database, app } = suite));

    test('the finder\'s filters and the tags on its hits are in the reader\'s language', async () => {
      const english = await getPage(app, '/tilbud?lang=en');
      const legends = english.$('.filters legend').map((_, el) => english.$(el).text()).get();
      assert.ok(legends.includes('Service level') && legends.includes('Cost'), legends.join(', '));
      assert.match(english.$('.filters').text(), /Free/);
      assert.match(english.$('.filters').text(), /Northern Sami/);
      assert.doesNotMatch(english.$('.filters').text(), /Tjenestenivå|Gratis|Nordsamisk/);
      const nynorsk = await getPage(app, '/tilbud?lang=nn');
      assert.match(nynorsk.$('.filters').text(), /Lågterskeltilbod/);
      assert.match(nynorsk.$('.filters').text(), /Tenestenivå/);
    });

    test('the offer page\'s facts and access route are in the reader\'s language', async () => {
      const page = await getPage(app, `/tilbud/${service.id}?lang=en`);
      const main = page.$('main').text();
      for (const label of ['Low-threshold', 'Free', 'Group', 'Young adults', 'GP', 'English, Norwegian']) assert.ok(main.includes(label), `${label} in ${main}`);
      assert.doesNotMatch(main, /Lavterskeltilbud|Fastlege|Unge voksne/);
    });

    test('English and nynorsk words find the offer as the bokmål ones do', async () => {
      for (const q of ['free', 'group', 'youth', 'ungdom', 'unge vaksne', 'lågterskel', 'tilvising', 'substance use']) {
        const { $ } = await getPage(app, `/tilbud?q=${encodeURIComponent(q)}&lang=en`);
        assert.match($('main').text(), /Gratis gruppe for unge/, q);
      }
    });

    test('the open data keeps the canonical bokmål names whatever the reader\'s language', async () => {
      const response = await app.inject({ url: '/hsds/taxonomy_terms?top_only=true&per_page=500&lang=en', headers: { 'accept-language': 'en' } });
      const names = (response.json() as { contents: { code: string; name: string }[] }).contents.map((t) => t.name);
      assert.ok(names.includes('Lavterskeltilbud') && names.includes('Gratis'), names.join(', '));
      assert.ok(!names.includes('Free'));
    });
  });
}
