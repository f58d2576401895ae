import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backends } from '../../helpers/db.ts';
import { getPage } from '../../helpers/app.ts';
import { WITHOUT_POPULATION, useAtlasApp } from '../fixtures.db.ts';

// The fixture: offers in Bodø (1804), Tromsø (5501) and Balsfjord (5532); Narvik (1806) has no population figure.
const HELSE_NORD_COUNTIES = new Set(['18', '55', '56']);
/** Numbers are written with no-break spaces (12 345); compare as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

for (const backend of backends()) {
  describe(`the atlas in plain words and its map, on ${backend.name}`, { skip: backend.skip }, () => {
    const atlas = useAtlasApp(backend.name);

    test('a municipality with its own offer says so first, counts the offers within reach and compares itself with Norway', async () => {
      const { $ } = await getPage(atlas.app, '/dekning/kommune/1804');
      const words = $('#kort-fortalt').parent().find('p').map((_, p) => $(p).text()).get();
      assert.match(words[0]!, /^Bodø har eget tilbud om musikkterapi: .*Lavterskel band i Bodø/);
      assert.match(words.join(' '), /lavterskel i kommunen/);
      assert.match(words.join(' '), /oppfølging i (Tromsø|Balsfjord) \(\d+ km\)/);
      assert.match(words.join(' '), /2 tilbud ligger innen 60 km\./);
      assert.match(words.join(' '), /Tilgangen i Bodø er \d+,\d\d årsverk per 10\u00a0000 innbyggere, mot \d+,\d\d i landet som helhet\. Det er nr\. 1 av 356 kommuner\./);
      assert.equal($('#tilbud-innen').text(), '2');
      // Every key figure has a line saying what it means.
      assert.ok($('#folketall').parent().find('.key-figures__help').text().length > 0);
      assert.ok($('#tilgang').parent().find('.key-figures__help').text().length > 0);
      assert.doesNotMatch($('main').text(), /E2SFCA|docs\//);
      assert.equal($('a[href="/dekning/slik-har-vi-regnet"]').length, 1);
    });

    test('a municipality with no offer within reach names the nearest, how far it is, and that nothing is within 60 km', async () => {
      const { $ } = await getPage(atlas.app, '/dekning/kommune/1832');
      const words = $('#kort-fortalt').parent().find('p').map((_, p) => $(p).text()).get();
      assert.match(words[0]!, /^Nærmeste tilbud om musikkterapi fra Hemnes er \d+ km unna i luftlinje, i Bodø\.$/);
      assert.ok(words.includes('Det er ingen tilbud innen 60 km, den avstanden vi regner med at folk reiser for et slikt tilbud.'), words.join(' | '));
      assert.ok(words.includes('Ingen årsverk er innen rekkevidde fra Hemnes, så tilgangen er 0, den laveste i landet.'), words.join(' | '));
      assert.equal($('#tilbud-innen').text(), '0');
    });

    test('the national page leads with fairness in words: share without an offer within 60 km, where they live, how uneven', async () => {
      const { $ } = await getPage(atlas.app, '/dekning');
      const section = $('#hva-tallene-sier').parent();
      assert.ok(section.index() < $('form[aria-labelledby=valg]').index(), 'the words come before the controls');
      const text = section.find('p').map((_, p) => $(p).text()).get();
      // the sign kept to its number by a no-break space, as Norwegian writes it
      assert.match(text[0]!, /^\d+,\d\u00a0% av innbyggerne i Norge, [\d\s]+ personer, har ikke noe tilbud om musikkterapi innen 60 km\.$/);
      assert.match(text[1]!, /^Flest av dem bor i .+ \([\d\s]+\)/);
      assert.match(text.join(' '), /halvparten av innbyggerne som har dårligst tilgang, deler \d+(,\d)?\u00a0% av all tilgang/);
      // English writes the sign against the number and a decimal point
      const { $: en } = await getPage(atlas.app, '/dekning?lang=en');
      const words = en('#hva-tallene-sier').parent().find('p').map((_, p) => en(p).text()).get().join(' ');
      assert.match(words, /^\d+\.\d% of the residents of Norway/);
      assert.match(words, /share \d+(\.\d)?% of all accessibility/);

      // Gini and Theil stay, as secondary detail with an explanation.
      assert.match($('#nokkeltall').parent().text(), /Ulikhet målt med ett tall.*Gini-koeffisient.*0 betyr helt lik tilgang/s);
    });

    test('every municipality on the map is a link to its page, named by its name and value', async () => {
      const { $ } = await getPage(atlas.app, '/dekning?niva=lavterskel');
      const links = $('svg.atlas-map__svg a');
      assert.equal(links.length, 357);
      const bodo = $('svg.atlas-map__svg a:has(path[data-kommune=1804])');
      assert.equal(bodo.attr('href'), '/dekning/kommune/1804?niva=lavterskel');
      assert.match(bodo.attr('aria-label')!, /^Bodø: \d+,\d\d$/);
      assert.equal($(`svg.atlas-map__svg a:has(path[data-kommune=${WITHOUT_POPULATION}])`).attr('aria-label'), 'Narvik: Mangler folketall');
      assert.equal($('svg.atlas-map__svg').attr('viewBox')!.split(' ').length, 4);
      assert.ok(Number($('svg.atlas-map__svg').attr('height')) <= 760);
    });

    test('choosing a health region zooms the map to it and counts only its municipalities in the legend', async () => {
      const national = await getPage(atlas.app, '/dekning');
      const north = await getPage(atlas.app, '/dekning?helseregion=helse-nord');
      const inside = north.$('svg.atlas-map__svg a path').map((_, p) => north.$(p).attr('data-kommune')).get();
      assert.ok(inside.length > 0 && inside.every((id) => HELSE_NORD_COUNTIES.has(id.slice(0, 2))), 'only Helse Nord is drawn as links');
      assert.equal(inside.length, north.$('#kommunetabell tbody tr').length);
      // The rest is context: grey, not links, hidden from assistive technology.
      assert.equal(north.$('.atlas-map__outside').attr('aria-hidden'), 'true');
      const counts = north.$('.map-legend li').map((_, li) => Number(/\((\d+) kommuner?\)/.exec(north.$(li).text())![1])).get();
      assert.equal(counts.reduce((a, b) => a + b, 0), inside.length);
      assert.match(north.$('.atlas-map figcaption').text(), /Kartet viser Helse Nord \(\d+ kommuner\)/);
      // Zoomed: the same screen size shows a smaller part of Norway, so the box differs from the national one.
      assert.notEqual(north.$('svg.atlas-map__svg').attr('viewBox'), national.$('svg.atlas-map__svg').attr('viewBox'));
      const nationalCounts = national.$('.map-legend li').map((_, li) => Number(/\((\d+) kommuner?\)/.exec(national.$(li).text())![1])).get();
      assert.equal(nationalCounts.reduce((a, b) => a + b, 0), 357);
    });

    test('the shortage classes get a categorical legend, numeric measures their class breaks', async () => {
      const shortage = await getPage(atlas.app, '/dekning?indikator=mangel');
      const legend = shortage.$('.map-legend');
      assert.equal(legend.attr('data-kind'), 'categorical');
      assert.deepEqual(legend.find('li').map((_, li) => shortage.$(li).attr('data-kategori')).get(), ['none', 'moderate', 'severe']);
      assert.doesNotMatch(shortage.$('.atlas-map figcaption').text(), /kvintil|høyere verdi|like mange kommuner/);
      const distance = await getPage(atlas.app, '/dekning?indikator=avstand');
      assert.equal(distance.$('.map-legend').attr('data-kind'), 'numeric');
      assert.ok(distance.$('.map-legend li').map((_, li) => distance.$(li).text()).get().some((t) => /\d+ km/.test(t)), 'class breaks are stated');
      assert.match(distance.$('.atlas-map figcaption').text(), /omtrent like mange kommuner i hver/);
    });

    test('sortable headings are links with aria-sort, and the sorted one says its direction in words', async () => {
      const { $ } = await getPage(atlas.app, '/dekning?sorter=folketall&retning=stigende');
      const sorted = $('#kommunetabell th[data-sorter=folketall]');
      assert.equal(sorted.attr('aria-sort'), 'ascending');
      assert.equal(sorted.find('a.sort-link .visually-hidden').text(), ', sortert stigende');
      assert.match(sorted.find('a').attr('href')!, /retning=synkende/);
      assert.equal($('#kommunetabell th[data-sorter=kommune]').attr('aria-sort'), 'none');
      assert.equal($('#kommunetabell th[aria-sort=ascending], #kommunetabell th[aria-sort=descending]').length, 1);
    });

    test('"Slik har vi regnet" works the example step by step, gives the choices, the population date from the data and the sources with DOI', async () => {
      const { status, $ } = await getPage(atlas.app, '/dekning/slik-har-vi-regnet');
      assert.equal(status, 200);
      assert.equal($('h1').text(), 'Slik har vi regnet');
      assert.equal(plain($('[data-steg1=X]').text()), 'Tilbud X har 2 årsverk som deles på 9 470 vektede innbyggere. Det gir 2,112 årsverk per 10 000 innbyggere.');
      assert.equal(plain($('[data-steg2=A]').text()), 'Sted A: 1,00 × 2,112 + 0,68 × 1,344 = 3,026 årsverk per 10 000 innbyggere.');
      assert.equal(plain($('[data-steg2=C]').text()), 'Sted C: 0,22 × 2,112 = 0,465 årsverk per 10 000 innbyggere.');
      assert.match($('#eksempel-kontroll').text(), /blir summen 3 årsverk/);
      assert.match($('#valg').parent().text(), /vekt 1,00 fra 0 til 20 km, vekt 0,68 fra 20 til 40 km og vekt 0,22 fra 40 til 60 km/);
      assert.match($('#folketall-ar').text(), /per 1\. januar 2026\. Alle tall i atlaset bruker folketallet for 2026\./);
      assert.match($('#null-og-mangler').parent().text(), /«mangler» betyr at vi ikke har data/);
      assert.deepEqual($('#kilder').parent().find('a').map((_, a) => $(a).attr('href')).get(), ['https://doi.org/10.1068/b29120', 'https://doi.org/10.1016/j.healthplace.2009.06.002']);
    });
  });
}
