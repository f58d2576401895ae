import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { insertStory, type StoryFields } from '../../../src/experiences/stories/queries.ts';
import { HANDBOOK_SECTIONS, OUTCOME_THEMES, matchingSettings } from '../../../src/experiences/stories/links.ts';
import { backends, freshDatabase } from '../../helpers/db.ts';
import { TestClock, Visitor, appOnClock } from '../../accounts/client.ts';
import { aService, anOrganization, store } from '../../directory/factories.ts';

const BASE: Omit<StoryFields, 'pseudonym' | 'excerpts' | 'consents'> = {
  ageBand: '25-39', healthRegionCode: 'helse-vest', setting: 'kommune', serviceLevel: 'lavterskel', interviewYear: 2025, body: 'En fortelling.',
};
const both = [{ purpose: 'nettside' as const, givenOn: '2026-11-01' }, { purpose: 'handbok' as const, givenOn: '2026-11-01' }];

test('an offer\'s setting matches stories of the same setting, its parent, or a child of a parent it names', () => {
  assert.deepEqual(matchingSettings(['arena:spesialist:tsb', 'niva:behandling']).sort(), ['spesialist', 'spesialist:tsb']);
  assert.deepEqual(matchingSettings(['arena:spesialist']).sort(), ['spesialist', 'spesialist:dps', 'spesialist:phv', 'spesialist:tsb']);
  assert.deepEqual(matchingSettings(['arena:kommune', 'felt:rus']), ['kommune']);
  assert.deepEqual(matchingSettings(['niva:lavterskel']), []);
  assert.ok(Object.values(OUTCOME_THEMES).flat().length > 0);
});

for (const backend of backends()) {
  describe(`stories quoted on other pages on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const codes = new Map<string, string>();
    const org = anOrganization({ name: 'Testby kommune' });
    const municipal = aService(org, { name: 'Lavterskel i kommunen', terms: ['niva:lavterskel', 'arena:kommune'] });
    const specialist = aService(org, { name: 'Behandling i spesialisthelsetjenesten', terms: ['niva:behandling', 'arena:spesialist'] });
    const anonymous = () => new Visitor(app);
    let evidenceKey = '';

    /** A story straight into the database (the forms are tested in routes.db.test.ts), published unless told otherwise. */
    const aStory = async (pseudonym: string, fields: Partial<StoryFields>, status: 'publisert' | 'godkjent' = 'publisert') => {
      const { id, code } = await database.db.transaction().execute((trx) => insertStory(trx, {
        ...BASE, pseudonym, consents: both, excerpts: [
          { theme: 'brukerstyring', body: `${pseudonym} fikk bestemme selv.` },
          { theme: 'motivasjon', body: `${pseudonym} ville fortsette.` },
        ], ...fields,
      }, 'system'));
      await database.db.updateTable('experience_story').set({ status, published_at: status === 'publisert' ? new Date() : null }).where('id', '=', id).execute();
      codes.set(pseudonym, code);
      return id;
    };

    before(async () => {
      database = await freshDatabase(backend.name);
      await store(database.db, [org], [municipal, specialist]);
      app = await appOnClock(database.db, new TestClock());
      await aStory('Alfa', {});
      await aStory('Beta', { consents: [both[0]!] });
      await aStory('Gamma', {}, 'godkjent');
      await aStory('Delta', { setting: 'spesialist:dps', serviceLevel: 'behandling' });
      await aStory('Epsilon', { consents: [both[1]!] });
      const entry = await sql<{ key: string }>`select key from evidence_entry where outcomes::jsonb @> '["engagement_motivation"]'::jsonb order by key limit 1`.execute(database.db);
      evidenceKey = entry.rows[0]!.key;
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    const quotes = (page: Awaited<ReturnType<Visitor['get']>>) => page.$('section[aria-labelledby=erfaringer-fra-brukere] .story-excerpt').text();

    test('every handbook section in the table exists', async () => {
      const slugs = (await database.db.selectFrom('handbook_section').select('slug').execute()).map((r) => r.slug);
      assert.deepEqual(Object.keys(HANDBOOK_SECTIONS).filter((slug) => !slugs.includes(slug)), []);
    });

    test('a handbook section quotes only published stories whose tellers consented to the handbook, by theme and setting', async () => {
      const page = await anonymous().get('/veileder/brukermedvirkning-og-erfaringskonsulenter');
      assert.equal(page.status, 200);
      assert.match(page.$('#erfaringer-fra-brukere').text(), /Erfaringer fra brukere/);
      const text = quotes(page);
      assert.match(text, /(Alfa|Delta|Epsilon) fikk bestemme selv/);
      assert.doesNotMatch(text, /Beta/, 'consent to the website only');
      assert.doesNotMatch(text, /Gamma/, 'not published');
      assert.ok(page.$('.story-excerpt').length <= 2, 'one or two quotes');
      assert.equal(page.$('a[href="/erfaringer/tema/brukerstyring"]').length, 1);
      // the quote of a story without website consent is not linked to a story page that would not show it
      const epsilon = page.$('.story-excerpt').filter((_, li) => page.$(li).text().includes('Epsilon'));
      assert.equal(epsilon.length, 1, 'the newest first');
      assert.equal(epsilon.find('a').length, 0);
      assert.equal(page.$('.story-excerpt').filter((_, li) => page.$(li).text().includes('Delta')).find('a[href^="/erfaringer/fortellinger/"]').length, 1);

      const lowThreshold = quotes(await anonymous().get('/veileder/lavterskel-og-brukerstyrte-steder'));
      assert.match(lowThreshold, /Alfa/);
      assert.doesNotMatch(lowThreshold, /Delta/, 'another service level');
      const specialistSection = quotes(await anonymous().get('/veileder/spesialisthelsetjenesten'));
      assert.match(specialistSection, /Delta ville fortsette/);
      assert.doesNotMatch(specialistSection, /Alfa/, 'another setting');
      assert.equal((await anonymous().get('/veileder/forankring')).$('#erfaringer-fra-brukere').length, 0, 'no section where no theme fits');
    });

    test('an evidence entry quotes stories on its outcomes\' themes with website consent', async () => {
      const page = await anonymous().get(`/nettverket/kunnskap/kilde/${evidenceKey}`);
      assert.equal(page.status, 200);
      const text = quotes(page);
      assert.match(text, /ville fortsette/);
      assert.doesNotMatch(text, /Gamma|Epsilon/);
      assert.doesNotMatch(text, /fikk bestemme/, 'only the themes of the outcomes');
    });

    test('an offer\'s page quotes stories of the same setting and level with website consent', async () => {
      const municipalPage = await anonymous().get(`/tilbud/${municipal.id}`);
      const text = quotes(municipalPage);
      assert.match(text, /Alfa|Beta/);
      assert.doesNotMatch(text, /Delta|Gamma|Epsilon/);
      assert.match(municipalPage.$('section[aria-labelledby=erfaringer-fra-brukere]').text(), /ikke nødvendigvis i dette tilbudet/);
      assert.match(quotes(await anonymous().get(`/tilbud/${specialist.id}`)), /Delta/);
    });

    test('a withdrawn story vanishes at once from the handbook, the evidence library and the offer\'s page', async () => {
      const pages = [
        '/veileder/brukermedvirkning-og-erfaringskonsulenter', '/veileder/lavterskel-og-brukerstyrte-steder',
        `/nettverket/kunnskap/kilde/${evidenceKey}`, `/tilbud/${municipal.id}`,
      ];
      const before = await Promise.all(pages.map(async (url) => (await anonymous().get(url)).body));
      assert.ok(before.some((body) => body.includes('Alfa')));
      for (const name of ['Alfa', 'Beta']) {
        const teller = new Visitor(app, `10.3.0.${name.length}`);
        await teller.get('/erfaringer/trekk-tilbake');
        assert.equal((await teller.post('/erfaringer/trekk-tilbake', { kode: codes.get(name)! })).status, 303);
      }
      for (const url of pages) {
        const page = await anonymous().get(url);
        assert.equal(page.status, 200, url);
        assert.doesNotMatch(page.body, /Alfa|Beta/, url);
      }
    });
  });
}
