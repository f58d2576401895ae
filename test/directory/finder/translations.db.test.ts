import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { backends } from '../../helpers/db.ts';
import { getPage, appSuite } from '../../helpers/app.ts';
import { aService, anOrganization, store } from '../factories.ts';

// The offer's own text in the reader's language (issue #17): the finder's hits and the offer page
// show it where the offer has it, marked with its language, and fall back to the bokmål text marked
// lang="nb". Free text finds words of the translations too. The language facet (?sprak=) stays what
// it was: the languages the offer is given in, not the languages its text is written in.
for (const backend of backends()) {
  describe(`offers' text in the reader's language in the finder, on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const org = anOrganization({ name: 'Språkhuset (fiktiv)' });
    // written in three languages, but the sessions themselves are in Norwegian only
    const translated = aService(org, {
      name: 'Trommegruppe på Tøyen', description: 'Vi spiller trommer sammen hver tirsdag.', languages: ['nb'],
      applicationProcess: 'Ring oss først.',
      translations: [
        { language: 'en', name: 'Drumming group at Tøyen', description: 'We play drums together every Tuesday.', applicationProcess: 'Call us first.' },
        { language: 'nn', name: null, description: 'Vi spelar trommer saman kvar tysdag.', applicationProcess: null },
      ],
    });
    // written in bokmål only, but the therapist also works in English
    const bokmalOnly = aService(org, { name: 'Sanggruppe på Tøyen', description: 'Vi synger sammen.', languages: ['nb', 'en'] });

    const suite = appSuite(backend.name, { seed: (db) => store(db, [org], [translated, bokmalOnly]) });
    before(() => ({ database, app } = suite));

    const hit = ($: Awaited<ReturnType<typeof getPage>>['$'], id: string) => $(`.hit:has(a[href="/tilbud/${id}"])`);

    test('in English, a hit shows the English name and description marked lang="en", and a bokmål-only one marked lang="nb"', async () => {
      const { status, $ } = await getPage(app, '/tilbud?lang=en');
      assert.equal(status, 200);
      assert.equal($('html').attr('lang'), 'en');
      const english = hit($, translated.id);
      assert.equal(english.find('h3 a').text(), 'Drumming group at Tøyen');
      assert.equal(english.find('h3 a').attr('lang'), 'en');
      assert.equal(english.find('.hit__summary').text(), 'We play drums together every Tuesday.');
      assert.equal(english.find('.hit__summary').attr('lang'), 'en');
      const bokmal = hit($, bokmalOnly.id);
      assert.equal(bokmal.find('.hit__summary').text(), 'Vi synger sammen.');
      assert.equal(bokmal.find('.hit__summary').attr('lang'), 'nb');
      assert.equal(bokmal.find('h3 a').attr('lang'), 'nb');
    });

    test('in nynorsk the nynorsk description, and the name (not translated) in bokmål; in bokmål the offer\'s own text', async () => {
      const nn = await getPage(app, '/tilbud?lang=nn');
      assert.equal(hit(nn.$, translated.id).find('.hit__summary').attr('lang'), 'nn');
      assert.equal(hit(nn.$, translated.id).find('h3 a').text(), 'Trommegruppe på Tøyen');
      assert.equal(hit(nn.$, translated.id).find('h3 a').attr('lang'), 'nb');
      const nb = await getPage(app, '/tilbud?lang=nb');
      assert.equal(hit(nb.$, translated.id).find('.hit__summary').text(), 'Vi spiller trommer sammen hver tirsdag.');
    });

    test('the offer page in English: name, description and how to get in from the translation; a bokmål-only page says so', async () => {
      const { $ } = await getPage(app, `/tilbud/${translated.id}?lang=en`);
      assert.equal($('h1').text(), 'Drumming group at Tøyen');
      assert.equal($('h1').attr('lang'), 'en');
      assert.match($('title').text(), /Drumming group at Tøyen/);
      assert.equal($('.lead').attr('lang'), 'en');
      assert.equal($('.access-route p[lang=en]').text(), 'Call us first.');
      assert.doesNotMatch($('main').text(), /only in Norwegian|Bokmål only/);
      const plain = await getPage(app, `/tilbud/${bokmalOnly.id}?lang=en`);
      assert.equal(plain.$('.lead').attr('lang'), 'nb');
      assert.equal(plain.$('.lead').text(), 'Vi synger sammen.');
      assert.match(plain.$('main').text(), /described itself in Norwegian \(Bokmål\) only/);
      const inBokmal = await getPage(app, `/tilbud/${bokmalOnly.id}?lang=nb`);
      assert.doesNotMatch(inBokmal.$('main').text(), /har beskrevet seg selv på bokmål/);
    });

    test('free text finds words of a translation, in any page language', async () => {
      for (const query of ['drumming', 'Tuesday', 'tysdag']) {
        const { $ } = await getPage(app, `/tilbud?q=${query}&lang=en`);
        assert.equal($('.hit').length, 1, query);
        assert.equal(hit($, translated.id).length, 1, query);
      }
    });

    test('"tilbud på engelsk" is the language facet: offers given in English, whatever language their text is in', async () => {
      const { $ } = await getPage(app, '/tilbud?sprak=en&lang=en');
      assert.equal($('.hit').length, 1);
      assert.equal(hit($, bokmalOnly.id).length, 1);
      const api = await app.inject('/api/v1/services?sprak=en');
      assert.deepEqual(api.json().items.map((i: { id: string }) => i.id), [bokmalOnly.id]);
    });

    test('the JSON API gives the translations of an offer', async () => {
      const response = await app.inject(`/api/v1/services/${translated.id}`);
      assert.deepEqual(response.json().translations, [
        { language: 'en', name: 'Drumming group at Tøyen', description: 'We play drums together every Tuesday.', application_process: 'Call us first.' },
        { language: 'nn', name: null, description: 'Vi spelar trommer saman kvar tysdag.', application_process: null },
      ]);
    });

    test('the finder\'s JSON gives each hit\'s name in the languages it has one in, whatever the language asked', async () => {
      for (const lang of ['nb', 'en']) {
        const items: { id: string; name: string; translations: unknown[] }[] = (await app.inject(`/api/v1/services?lang=${lang}`)).json().items;
        const drums = items.find((i) => i.id === translated.id)!;
        assert.equal(drums.name, 'Trommegruppe på Tøyen');
        // the nynorsk translation has no name: only the English one is listed
        assert.deepEqual(drums.translations, [{ language: 'en', name: 'Drumming group at Tøyen' }]);
        assert.deepEqual(items.find((i) => i.id === bokmalOnly.id)!.translations, []);
      }
    });
  });
}
