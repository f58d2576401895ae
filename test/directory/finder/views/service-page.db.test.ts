import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../../src/platform/db/index.ts';
import { telHref } from '../../../../src/directory/finder/views/components.tsx';
import { backends } from '../../../helpers/db.ts';
import { getPage, appSuite } from '../../../helpers/app.ts';
import { aLocation, aService, anOrganization, store } from '../../factories.ts';

// The verified help lines, copied from the project's shared DOMAIN.md with their sources
const VERIFIED = readFileSync(new URL('../../../../docs/help-lines.md', import.meta.url), 'utf8');

test('phone numbers become dialable tel: addresses, Norwegian eight-digit numbers with +47', () => {
  assert.equal(telHref('+47 22 33 44 55'), 'tel:+4722334455');
  assert.equal(telHref('22 33 44 55'), 'tel:+4722334455');
  assert.equal(telHref('0047 22-33-44-55'), 'tel:+4722334455');
  assert.equal(telHref('(+47) 22.33.44.55'), 'tel:+4722334455');
  assert.equal(telHref('113'), 'tel:113');
  assert.equal(telHref('116 117'), 'tel:116117');
  assert.equal(telHref('+46 8 123 456 78'), 'tel:+4681234567' + '8');
  assert.equal(telHref('ring sentralbordet'), null);
  assert.equal(telHref('javascript:alert(1)'), null);
});

for (const backend of backends()) {
  describe(`an offer's page on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const org = anOrganization({ name: 'Fjordklang (fiktiv)', isDemo: true });
    const open = aService(org, {
      name: 'Bandgruppe i Bodø (fiktiv)', isDemo: true, email: 'post@fjordklang.example',
      terms: ['niva:oppfolging', 'felt:rus', 'tilgang:egenhenvisning', 'tilgang:henvisning', 'henviser:fastlege', 'henviser:nav'],
      phones: [{ number: '+47 75 12 34 56', description: 'Resepsjonen' }, { number: 'se nettsiden', description: null }],
      contacts: [{ name: 'Kari Eksempel (fiktiv)', title: 'Musikkterapeut', email: 'kari@fjordklang.example' }],
      applicationProcess: 'Ring oss, så avtaler vi en første samtale.',
      locations: [aLocation({ name: 'Kulturhuset (fiktivt)', latitude: 67.2804, longitude: 14.4049, municipalityNumber: '1804', address: { address1: 'Storgata 1', postalCode: '8006', city: 'Bodø', stateProvince: 'Nordland' } })],
    });
    const selfOnly = aService(org, { name: 'Drop-in sang (fiktiv)', isDemo: true, terms: ['niva:lavterskel', 'tilgang:egenhenvisning'] });
    const unsaid = aService(org, { name: 'Uten tilgang oppgitt (fiktiv)', isDemo: true, terms: ['niva:behandling'] });
    const secret = aService(org, {
      name: 'Skjermet gruppe (fiktiv)', isDemo: true, terms: ['niva:behandling', 'tilgang:henvisning', 'henviser:spesialisthelsetjenesten'],
      locations: [aLocation({ isConfidential: true, latitude: 59.9111, longitude: 10.7503, municipalityNumber: '0301', address: { address1: 'Hemmeligveien 9', postalCode: '0150', city: 'Oslo', stateProvince: 'Oslo' } })],
    });

    const suite = appSuite(backend.name, { seed: (db) => store(db, [org], [open, selfOnly, unsaid, secret]) });
    before(() => ({ database, app } = suite));

    test('phones are tel: links with the normalised number, and emails are mailto: links', async () => {
      const { $ } = await getPage(app, `/tilbud/${open.id}`);
      const tel = $('main dl a[href^="tel:"]');
      assert.equal(tel.length, 1);
      assert.equal(tel.attr('href'), 'tel:+4775123456');
      assert.equal(tel.text(), '+47 75 12 34 56');
      assert.equal(tel.attr('aria-label'), 'Ring +47 75 12 34 56');
      // a "number" no phone can dial stays text
      assert.match($('main').text(), /se nettsiden/);
      assert.equal($('main a[href*="nettsiden"]').length, 0);
      const mails = $('main a[href^="mailto:"]').map((_, a) => $(a).attr('href')).get();
      assert.deepEqual(mails, ['mailto:post@fjordklang.example', 'mailto:kari@fjordklang.example']);
    });

    test('a public place has a small inline map of its municipality with a dot, and a link to OpenStreetMap that says it is external', async () => {
      const { $ } = await getPage(app, `/tilbud/${open.id}`);
      const svg = $('.location-map svg');
      assert.equal(svg.length, 1);
      assert.equal(svg.attr('role'), 'img');
      assert.match(svg.find('title').text(), /Bodø kommune/);
      assert.equal(svg.find('path.location-map__area').length, 1);
      assert.equal(svg.find('circle.location-map__dot').length, 1);
      assert.equal($('main img, main iframe').length, 0, 'nothing is loaded from elsewhere');
      const link = $('.location-map a[href^="https://www.openstreetmap.org/"]');
      assert.equal(link.length, 1);
      assert.match(String(link.attr('href')), /mlat=67\.28040&mlon=14\.40490/);
      assert.match(link.text(), /Vis i kart/);
      assert.match(link.text(), /ekstern side/);
    });

    test('a confidential place shows no map, no map link and no coordinates', async () => {
      const { $, body } = await getPage(app, `/tilbud/${secret.id}`);
      assert.match($('main').text(), /Adressen er skjermet/);
      assert.equal($('.location-map').length, 0);
      assert.equal($('svg circle').length, 0);
      assert.ok(!body.includes('openstreetmap'));
      for (const coordinate of ['59.911', '10.750', 'Hemmeligveien']) assert.ok(!body.includes(coordinate), coordinate);
    });

    test('the way in is explained in plain words for the access terms and each referrer', async () => {
      const both = await getPage(app, `/tilbud/${open.id}`);
      const section = both.$('section.access-route');
      assert.equal(section.find('h2').text(), 'Slik kommer du inn');
      assert.equal(section.find('[data-route]').attr('data-route'), 'both');
      assert.match(section.text(), /Du kan ta kontakt selv, eller bli henvist/);
      assert.match(section.find('[data-referrer=fastlege] dd').text(), /Fastlegen din/);
      assert.match(section.find('[data-referrer=nav] dd').text(), /Veilederen din i Nav/);
      assert.match(section.text(), /Ring oss, så avtaler vi en første samtale\./);

      const self = await getPage(app, `/tilbud/${selfOnly.id}`);
      assert.match(self.$('section.access-route').text(), /Du trenger ikke henvisning/);
      assert.equal(self.$('section.access-route [data-referrer]').length, 0);

      const referral = await getPage(app, `/tilbud/${secret.id}`);
      assert.match(referral.$('section.access-route').text(), /Du trenger en henvisning/);
      assert.match(referral.$('[data-referrer=spesialisthelsetjenesten] dd').text(), /DPS eller i rusbehandling/);

      const none = await getPage(app, `/tilbud/${unsaid.id}`);
      assert.match(none.$('section.access-route').text(), /ikke oppgitt om du trenger henvisning/);
    });

    test('"Trenger du hjelp nå?" lists emergency and help lines, each dialable and with a source from the verified table', async () => {
      const { $ } = await getPage(app, `/tilbud/${open.id}`);
      const box = $('aside.help-now');
      assert.equal(box.length, 1);
      assert.equal(box.attr('aria-labelledby'), 'help-now-heading');
      assert.equal($('#help-now-heading').text(), 'Trenger du hjelp nå?');
      // placed near the top: before the page's first h2 section
      assert.ok(box.index() < $('article h2').not('#help-now-heading').first().index());
      const lines = box.find('li.help-line');
      assert.ok(lines.length >= 6);
      lines.each((_, li) => {
        const number = $(li).find('.help-line__number').text();
        assert.equal($(li).find('.help-line__number').attr('href'), `tel:${number.replace(/ /g, '').replace(/^(\d{8})$/, '+47$1')}`);
        // the number is one that was verified, and its source's address is the one given for it
        const row = VERIFIED.split('\n').find((line) => line.startsWith(`| ${number} |`));
        assert.ok(row, `${number} is in the verified table`);
        const source = $(li).find('.help-line__source a');
        assert.equal(source.length, 1, number);
        const href = String(source.attr('href'));
        assert.ok(row.includes(`, ${href} (`), `${number}: ${href} is the source the verified table names`);
        assert.match(source.text(), /ekstern side/);
      });
      const numbers = lines.find('.help-line__number').map((_, a) => $(a).text()).get();
      for (const expected of ['113', '112', '116 117', '116 123', '22 40 00 40']) assert.ok(numbers.includes(expected), expected);
      // unverified numbers (RUSinfo) stay out
      assert.ok(!numbers.some((n) => n.includes('915')));
      assert.match(box.text(), /30\. november 2026/);
    });

    test('the page has its own meta description naming the offer and its place', async () => {
      const { $ } = await getPage(app, `/tilbud/${open.id}`);
      const description = String($('meta[name=description]').attr('content'));
      assert.match(description, /Bandgruppe i Bodø \(fiktiv\)/);
      assert.match(description, /i Bodø/);
    });
  });
}
