import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backends, freshDatabase } from '../helpers/db.ts';
import { getPage, testApp } from '../helpers/app.ts';
import { WITHOUT_POPULATION, bodoLow, unconfirmed, useAtlasApp } from './fixtures.db.ts';

const cells = ($: Awaited<ReturnType<typeof getPage>>['$'], selector: string) => $(selector).map((_, el) => $(el).text().trim()).get();

for (const backend of backends()) {
  describe(`coverage atlas pages on ${backend.name}`, { skip: backend.skip }, () => {
    const atlas = useAtlasApp(backend.name);

    test('the atlas shows a map with a legend and class breaks, and a table of all 357 municipalities', async () => {
      const { status, $ } = await getPage(atlas.app, '/dekning');
      assert.equal(status, 200);
      assert.equal($('h1').text(), 'Dekningsatlas');
      assert.equal($('#kommunetabell tbody tr').length, 357);
      assert.equal($('svg.atlas-map__svg path[data-kommune]').length, 357);
      assert.match($('#kart-tittel').text(), /Kart over kommunene: Tilgang/);
      const legend = cells($, '.map-legend li');
      assert.ok(legend.length >= 2);
      assert.ok(legend.some((l) => /Mangler folketall \(1 kommune\)/.test(l)), legend.join(' | '));
      assert.match($('.atlas-map figcaption').text(), /like mange kommuner i hver/);
      assert.equal($('nav a[href="/dekning"]').text(), 'Dekning');
    });

    test('a municipality page links only to offers whose pages open: one nobody has confirmed for 18 months is neither counted nor linked', async () => {
      const { $, body } = await getPage(atlas.app, '/dekning/kommune/0301');
      assert.ok(!body.includes(unconfirmed.id), 'the unconfirmed offer is not on the page');
      const offers = [...new Set($('main a[href^="/tilbud/"]').map((_, a) => $(a).attr('href')!).get())];
      assert.ok(offers.length > 0, 'the nearest offers are linked');
      for (const href of offers) assert.equal((await atlas.app.inject({ url: href })).statusCode, 200, href);
      assert.equal((await atlas.app.inject({ url: `/tilbud/${unconfirmed.id}` })).statusCode, 404, 'as the finder has it');
      assert.match($('main').text(), /Tilbud som ingen har bekreftet på 18 måneder, er ikke med før de er bekreftet igjen/);
    });

    test('the map names municipalities in text hidden from assistive technology, the links carrying the names', async () => {
      const { $ } = await getPage(atlas.app, '/dekning');
      const labels = $('svg.atlas-map__svg g.atlas-map__labels');
      assert.equal(labels.attr('aria-hidden'), 'true');
      const names = labels.find('text').map((_, el) => $(el).text()).get();
      assert.ok(names.includes('Oslo') && names.includes('Bergen'), names.join(', '));
      const north = await getPage(atlas.app, '/dekning?helseregion=helse-nord');
      const northNames = north.$('g.atlas-map__labels text').map((_, el) => north.$(el).text()).get();
      assert.ok(northNames.includes('Bodø') && northNames.includes('Tromsø') && !northNames.includes('Oslo'), northNames.join(', '));
    });

    test('the method can be chosen in a plain GET form: the figures follow, the choice stays in links, bad values get Norwegian errors', async () => {
      const plain = await getPage(atlas.app, '/dekning?sorter=tilgang');
      assert.equal(plain.$('details#beregningsmate').attr('open'), undefined);
      const chosen = await getPage(atlas.app, '/dekning?sorter=tilgang&metode=2sfca&vekt=trinn&beta=1,5&radius=120');
      assert.equal(chosen.status, 200);
      assert.notEqual(chosen.$('details#beregningsmate').attr('open'), undefined);
      // radio buttons, whose long labels wrap at a phone's width
      assert.equal(chosen.$('input[name="metode"][checked]').attr('value'), '2sfca');
      assert.equal(chosen.$('input[name="vekt"][checked]').attr('value'), 'trinn');
      assert.equal(chosen.$('#metode').attr('type'), 'radio', 'the first button carries the id the error summary links to');
      assert.equal(chosen.$('#radius').attr('value'), '120');
      assert.notDeepEqual(cells(chosen.$, '#kommunetabell tbody tr td'), cells(plain.$, '#kommunetabell tbody tr td'));
      const sortLink = chosen.$('#kommunetabell th[aria-sort] a').first().attr('href')!;
      assert.match(sortLink, /metode=2sfca/);
      assert.match(sortLink, /radius=120/);
      for (const [query, field, message] of [
        ['radius=5', 'radius', /helt tall fra 10 til 200/],
        ['vekt=gravitasjon&beta=9', 'beta', /fra 0,5 til 3/],
        ['metode=4sfca', 'metode', /Velg en av metodene/],
      ] as const) {
        const bad = await getPage(atlas.app, `/dekning?${query}`);
        assert.equal(bad.status, 400, query);
        assert.match(bad.$(`#${field}-feil`).text(), message);
        assert.notEqual(bad.$('details#beregningsmate').attr('open'), undefined);
      }
      const method = await getPage(atlas.app, '/dekning/slik-har-vi-regnet');
      assert.equal(method.$('a[href="/dekning#beregningsmate"]').length, 1);
    });

    test('figures, inequality and sources are on the page: population date, distance used, Gini, Theil, Lorenz table', async () => {
      const { $ } = await getPage(atlas.app, '/dekning');
      const facts = $('#om-tallene').parent().text();
      assert.match(facts, /Folketall per 1\. januar 2026/);
      assert.match($('[data-avstand]').attr('data-avstand')!, /great-circle/);
      assert.match($('[data-avstand]').text(), /luftlinje/);
      assert.match($('section[aria-labelledby=nokkeltall]').text(), /Gini-koeffisient/);
      assert.match($('section[aria-labelledby=nokkeltall]').text(), /Theil-indeks/);
      assert.match($('section[aria-labelledby=nokkeltall]').text(), /Uten tilbud innen 120 km/);
      assert.equal($('figure.lorenz svg[role=img]').length, 1);
      assert.equal($('table:has(caption:contains("tideler")) tbody tr').length, 10);
      assert.equal($('#theiltabell tbody tr').length, 4);
    });

    test('digital offers are shown on their own, never merged into the map or the table', async () => {
      const { $ } = await getPage(atlas.app, '/dekning');
      assert.match($('#digitalt-sammendrag').text(), /^1 digitalt tilbud med til sammen 0,4 årsverk/);
      assert.match($('section[aria-labelledby=nokkeltall] dl').text(), /Digitale tilbud \(regnet for seg\)1/);
      assert.match($('section[aria-labelledby=nokkeltall] dl').text(), /Årsverk musikkterapi3,5/);
    });

    test('a municipality without a population figure is shown as missing, not as zero', async () => {
      const { $ } = await getPage(atlas.app, '/dekning');
      const row = $(`#kommunetabell tr[data-kommune=${WITHOUT_POPULATION}] td`);
      assert.equal(row.eq(1).text(), 'mangler');
      assert.equal(row.eq(5).text(), 'mangler');
      assert.match($(`a:has(path[data-kommune=${WITHOUT_POPULATION}])`).attr('aria-label')!, /Mangler folketall/);
    });

    test('drill-down by health region and by county narrows the figures, the table and the counties', async () => {
      const north = await getPage(atlas.app, '/dekning?helseregion=helse-nord');
      assert.equal(north.status, 200);
      assert.match(north.$('#nokkeltall').text(), /Helse Nord/);
      const counties = new Set(cells(north.$, '#kommunetabell tbody td:nth-of-type(1)'));
      assert.deepEqual([...counties].sort(), ['Finnmark', 'Nordland', 'Troms']);
      assert.equal(north.$('#helseregion option[selected]').attr('value'), 'helse-nord');
      assert.ok(cells(north.$, '#fylketabell tbody th').every((name) => ['Finnmark', 'Nordland', 'Troms', 'Trøndelag'].includes(name)));
      const nordland = await getPage(atlas.app, '/dekning?fylke=18&indikator=avstand');
      assert.deepEqual([...new Set(cells(nordland.$, '#kommunetabell tbody td:nth-of-type(1)'))], ['Nordland']);
      assert.match(nordland.$('#kart').text(), /Avstand/);
      assert.equal(nordland.$('a:contains("Vis hele landet")').attr('href'), '/dekning?indikator=avstand');
    });

    test('the table sorts by a column through plain links, and says how it is sorted', async () => {
      const { $ } = await getPage(atlas.app, '/dekning?sorter=folketall&retning=synkende');
      assert.equal($('#kommunetabell tbody tr').first().find('th').text(), 'Oslo');
      assert.equal($('#kommunetabell th[data-sorter=folketall]').attr('aria-sort'), 'descending');
      assert.match($('#kommunetabell th[data-sorter=folketall] a').attr('href')!, /retning=stigende/);
      // A missing value sorts last in either direction.
      assert.equal($('#kommunetabell tbody tr').last().attr('data-kommune'), WITHOUT_POPULATION);
    });

    test('bad parameters give a Norwegian error page with status 400 that keeps the valid choices', async () => {
      const { status, $ } = await getPage(atlas.app, '/dekning?indikator=tull&niva=behandling&helseregion=helse-vest');
      assert.equal(status, 400);
      assert.match($('title').text(), /^Feil/);
      assert.equal($('.ds-error-summary a[href="#indikator"]').text(), 'Velg et av målene i listen.');
      assert.equal($('#indikator-feil').text(), 'Velg et av målene i listen.');
      assert.equal($('#niva option[selected]').attr('value'), 'behandling');
      assert.equal($('#helseregion option[selected]').attr('value'), 'helse-vest');
      assert.equal($('#kommunetabell').length, 0);
      const county = await getPage(atlas.app, '/dekning?fylke=03&helseregion=helse-nord');
      assert.equal(county.status, 400);
      assert.match(county.$('#fylke-feil').text(), /ingen kommuner i den valgte helseregionen/);
    });

    test('"Hva om" adds positions and shows each measure now, with the positions, and the change', async () => {
      const { status, $ } = await getPage(atlas.app, '/dekning/hva-om?kommune=5501&arsverk=1%2C5&stillingsniva=lavterskel&kommune=&arsverk=&stillingsniva=lavterskel');
      assert.equal(status, 200);
      const fte = $('#scenario-endring tr:has(th:contains("Årsverk"))').first().find('td');
      assert.deepEqual(cells($, '#scenario-endring thead th'), ['Mål', 'Nå', 'Med stillingene', 'Endring']);
      assert.deepEqual(fte.map((_, td) => $(td).text()).get(), ['3,5', '5', '+1,5']);
      assert.ok($('#forbedrede-kommuner tbody tr').length > 0);
      assert.equal($('#kommune-1 option[selected]').attr('value'), '5501');
      assert.equal($('#arsverk-1').attr('value'), '1,5');
    });

    test('"Hva om" keeps what was typed and shows the error beside the field', async () => {
      const { status, $ } = await getPage(atlas.app, '/dekning/hva-om?kommune=5501&arsverk=mye&stillingsniva=lavterskel');
      assert.equal(status, 400);
      assert.equal($('#arsverk-1').attr('value'), 'mye');
      assert.equal($('#arsverk-1').attr('aria-invalid'), 'true');
      assert.match($('#arsverk-1-feil').text(), /^Stilling 1: Skriv antall årsverk/);
      assert.equal($('#scenario-endring').length, 0);
    });

    test('"Beste neste plassering" proposes K municipalities, explains the method and links to "Hva om"', async () => {
      const { status, $ } = await getPage(atlas.app, '/dekning/beste-plassering?antall=2&arsverk=1&mal=gini&niva=alle');
      assert.equal(status, 200);
      assert.equal($('#plasseringer tbody tr').length, 2);
      assert.match($('#metode').parent().text(), /nest beste forslaget/);
      assert.match($('a:contains("Åpne forslaget")').attr('href')!, /^\/dekning\/hva-om\?niva=alle&kommune=\d{4}&kommune=\d{4}/);
      const bad = await getPage(atlas.app, '/dekning/beste-plassering?antall=40&arsverk=0');
      assert.equal(bad.status, 400);
      assert.ok(bad.$('#antall-feil').text().length > 0);
      assert.ok(bad.$('#arsverk-feil').text().length > 0);
      assert.equal(bad.$('#antall').attr('value'), '40');
    });

    test('"Beste neste plassering" by default counts people newly within reach and says how far ahead each choice is', async () => {
      const { status, $ } = await getPage(atlas.app, '/dekning/beste-plassering?antall=2&arsverk=1');
      assert.equal(status, 200);
      assert.equal($('#mal option[selected]').attr('value'), 'naerhet');
      assert.equal($('#plasseringer tbody tr').length, 2);
      const summaries = $('section[aria-labelledby="forslag"] li').map((_, li) => $(li).text()).get();
      assert.equal(summaries.length, 2);
      assert.match(summaries[0]!, /^Stilling 1 i .+: [\d\s\u00a0]+ flere innbyggere får et tilbud innen 60 km\. Det er [\d\s\u00a0]+ innbyggere bedre enn nest beste forslag, .+\.$/);
      assert.match($('a:contains("Last ned forslaget som CSV")').attr('href')!, /^\/api\/v1\/coverage\/placement\.csv\?level=all&k=2&fte=1&objective=reach$/);
    });

    test('"Hva om" places a position by coordinates, and rejects coordinates outside Norway beside the field', async () => {
      const { status, $ } = await getPage(atlas.app, '/dekning/hva-om?kommune=&arsverk=1&stillingsniva=lavterskel&breddegrad=69%2C6496&lengdegrad=18%2C956');
      assert.equal(status, 200);
      const fte = $('#scenario-endring tr:has(th:contains("Årsverk"))').first().find('td');
      assert.deepEqual(fte.map((_, td) => $(td).text()).get(), ['3,5', '4,5', '+1']);
      assert.equal($('#breddegrad-1').attr('value'), '69,6496');
      const outside = await getPage(atlas.app, '/dekning/hva-om?kommune=&arsverk=1&stillingsniva=lavterskel&breddegrad=66&lengdegrad=6');
      assert.equal(outside.status, 400);
      assert.match(outside.$('#breddegrad-1-feil').text(), /ligger ikke i Norge/);
      const nan = await getPage(atlas.app, '/dekning/hva-om?kommune=&arsverk=1&stillingsniva=lavterskel&breddegrad=NaN&lengdegrad=Infinity');
      assert.equal(nan.status, 400);
      assert.equal(nan.$('#breddegrad-1').attr('value'), 'NaN');
      assert.match(nan.$('#lengdegrad-1-feil').text(), /lengdegrad/);
    });

    test('the municipality profile shows population, offers in and near it, nearest per level, rank and +1 FTE', async () => {
      const { status, $ } = await getPage(atlas.app, '/dekning/kommune/1804');
      assert.equal(status, 200);
      assert.equal($('h1').text(), 'Dekning i Bodø');
      assert.match($('#folketall').text(), /^\d+\s\d{3} \(per 1\. januar 2026\)$/);
      assert.equal($('a[href="/tilbud?kommune=1804"]').length, 1);
      assert.equal($(`#tilbud-nar a[href="/tilbud/${bodoLow.id}"]`).text(), 'Lavterskel band i Bodø');
      assert.deepEqual(cells($, '#naermeste-per-niva tbody th'), ['Lavterskel', 'Oppfølging', 'Behandling']);
      assert.match($('#tilgang').text(), /nr\. \d+ av 356 kommuner/);
      assert.ok($('#mangelklasse').text().length > 0);
      assert.equal($('#pluss-en-endring tbody tr').length, 4);
      assert.match($('#pluss-en-endring tbody tr').first().find('td').last().text(), /^\+/);
      assert.equal($('section[aria-labelledby=planlegg] a').attr('href'), '/planlegger/ny?kommune=1804');
    });

    test('the profile of a municipality without population says so', async () => {
      const { status, $ } = await getPage(atlas.app, `/dekning/kommune/${WITHOUT_POPULATION}`);
      assert.equal(status, 200);
      assert.equal($('#folketall').text(), 'mangler');
      assert.match($('#mangel-grunner').text(), /Folketallet mangler/);
    });

    test('an unknown municipality number is 404', async () => {
      assert.equal((await getPage(atlas.app, '/dekning/kommune/9999')).status, 404);
      assert.equal((await getPage(atlas.app, '/dekning/kommune/oslo')).status, 404);
    });
  });
}

for (const backend of backends()) {
  describe(`coverage atlas without any offers on ${backend.name}`, { skip: backend.skip }, () => {
    test('a fresh install shows the atlas with no access anywhere, and says inequality cannot be measured yet', async () => {
      const database = await freshDatabase(backend.name);
      const app = await testApp(database.db);
      try {
        const { status, $ } = await getPage(app, '/dekning');
        assert.equal(status, 200);
        assert.match($('section[aria-labelledby=ulikhet]').text(), /Ingen har tilgang ennå/);
        assert.match($('[data-avstand]').parent().text(), /ingen publiserte, aktive tilbud/);
        assert.equal($('#kommunetabell tbody tr').length, 357);
      } finally {
        await app.close();
        await database.close();
      }
    });
  });
}
