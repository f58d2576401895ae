import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { loadEvidenceSeed } from '../../../src/network/index.ts';
import { backends } from '../../helpers/db.ts';
import { getPage, appSuite } from '../../helpers/app.ts';
import { PASSWORD, Visitor, anAccount } from '../../accounts/client.ts';
import { PEOPLE, evidencePeople } from './helpers.ts';

const LIST = '/nettverket/kunnskap';
const FORM = {
  kind: 'study', title: 'Fiktiv kohortstudie om angst (testdata)', authors: 'Nordmann, Kari\nTestgruppen', year: '2024', container: 'Tidsskrift for testdata',
  doi: 'https://doi.org/10.5555/SAMKLANG.FORM.1', url: '', design: 'cohort', population: 'mental_health', setting: 'DPS, dagbehandling',
  outcomes: ['anxiety', 'social_functioning'], mainFinding: 'Deltakerne rapporterte mindre angst (fiktivt eksempel).', effectSize: 'd = 0,4 (fiktiv)', effectSizeSource: 'Tabell 2 (fiktiv)',
};

for (const backend of backends()) {
  describe(`the evidence library's pages and data on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let coordinator: Visitor;

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off' } });
    before(() => ({ database, app } = suite));
    before(async () => {
      await evidencePeople(database.db);
      await anAccount(database.db, { email: 'admin@nettverket.no', name: 'Ada Admin', admin: true });
      coordinator = new Visitor(app);
      await coordinator.signIn(PEOPLE.coordinator, PASSWORD);
    });

    test('the seed is in the library at start, every entry unchecked, and loading it again changes nothing', async () => {
      const rows = await database.db.selectFrom('evidence_entry').select(['key', 'checked_at', 'main_finding', 'effect_size', 'origin']).where('origin', '=', 'seed').execute();
      assert.equal(rows.length, 24);
      assert.ok(rows.every((row) => row.checked_at === null && row.main_finding === '' && row.effect_size === ''));
      assert.equal(await loadEvidenceSeed(database.db), 0);
      const { $ } = await getPage(app, LIST);
      assert.equal($('h1').text(), 'Kunnskapsbiblioteket');
      assert.equal($('.evidence-table tbody tr').length, 24);
      assert.equal($('.evidence-table tbody tr').filter((_, row) => /Ikke kontrollert/.test($(row).text())).length, 24);
      assert.match($('#evidence-count').text(), /24 kilder/);
    });

    test('filters by design, population and outcome through a plain GET form; "both" counts for rus', async () => {
      const rct = await getPage(app, `${LIST}?design=rct`);
      assert.equal(rct.$('#design option[selected]').val(), 'rct');
      const rctKeys = rct.$('.evidence-table tbody th a').map((_, a) => rct.$(a).attr('href')).get();
      assert.ok(rctKeys.includes('/nettverket/kunnskap/kilde/silverman2015-jmt-lyric-analysis-motivation'));
      assert.ok(!rctKeys.includes('/nettverket/kunnskap/kilde/ghetti2022-cochrane-sud'));
      const rus = await getPage(app, `${LIST}?populasjon=rus`);
      const rusLinks = rus.$('.evidence-table tbody th a').map((_, a) => rus.$(a).attr('href')).get();
      assert.ok(rusLinks.includes('/nettverket/kunnskap/kilde/ghetti2022-cochrane-sud'));
      assert.ok(rusLinks.includes('/nettverket/kunnskap/kilde/trzebinski2022-recovery-metasynthesis-no'), 'rus and mental health both');
      assert.ok(!rusLinks.includes('/nettverket/kunnskap/kilde/geretsegger2017-cochrane-schizophrenia'));
      const empty = await getPage(app, `${LIST}?design=cohort&utfall=craving&populasjon=`);
      assert.equal(empty.status, 200);
      assert.match(empty.$('main').text(), /Ingen kilder passer filtrene/);
      const bad = await getPage(app, `${LIST}?design=meta&utfall=%00`);
      assert.equal(bad.status, 400);
    });

    test('an unknown filter value is a 400 with a Norwegian message and the full list', async () => {
      const bad = await getPage(app, `${LIST}?design=metaanalyse`);
      assert.equal(bad.status, 400);
      assert.match(bad.$('.evidence-filters').text(), /Filteret har en verdi vi ikke kjenner/);
    });

    test('the map counts entries per outcome and design, and each non-empty cell links to exactly its studies', async () => {
      const { status, $ } = await getPage(app, '/nettverket/kunnskap/kart');
      assert.equal(status, 200);
      const table = $('table.evidence-map');
      assert.equal(table.find('caption').text(), 'Antall kilder per utfall og studiedesign');
      assert.equal(table.find('thead th[scope=col]').length, 6);
      assert.equal(table.find('tbody th[scope=row]').length, 7);
      const entries = await database.db.selectFrom('evidence_entry').select(['design', 'outcomes']).execute();
      const cells = table.find('tbody td');
      assert.equal(cells.length, 7 * 5);
      let links = 0;
      for (const cell of cells.toArray()) {
        const link = $(cell).find('a');
        if (link.length === 0) {
          assert.equal($(cell).text(), '0');
          continue;
        }
        links++;
        const url = new URL(link.attr('href')!, 'http://x');
        const design = url.searchParams.get('design');
        const outcome = url.searchParams.get('utfall');
        const expected = entries.filter((e) => e.design === design && e.outcomes.includes(outcome as never)).length;
        assert.equal(Number(link.text()), expected, `${outcome} × ${design}`);
        const list = await getPage(app, link.attr('href')!);
        assert.equal(list.$('.evidence-table tbody tr').length, expected);
      }
      assert.ok(links >= 2, 'the seed has RCTs on craving and on motivation');
      const rctCraving = table.find('a[href="/nettverket/kunnskap?design=rct&utfall=craving"]');
      assert.equal(rctCraving.text(), '2');
    });

    test('an entry page: citation, "ikke registrert" where nothing is known, no effect size invented, how to cite it', async () => {
      const { status, $ } = await getPage(app, '/nettverket/kunnskap/kilde/ghetti2022-cochrane-sud');
      assert.equal(status, 200);
      assert.equal($('h1').text(), 'Music therapy for people with substance use disorders');
      // the page's title adds the first author and year: two works of one title get different titles
      assert.equal($('title').text(), 'Music therapy for people with substance use disorders (Ghetti mfl. 2022) – Samklang');
      const sameTitle = await Promise.all(['kielland-stige-trondalen-rusfag', 'polyfon-musikkterapi-i-rusfeltet'].map((key) => getPage(app, `/nettverket/kunnskap/kilde/${key}`)));
      assert.deepEqual(sameTitle.map((page) => page.$('h1').text()), ['Musikkterapi i rusfeltet', 'Musikkterapi i rusfeltet']);
      assert.notEqual(sameTitle[0]!.$('title').text(), sameTitle[1]!.$('title').text());
      assert.match($('.evidence-citation').text(), /^Ghetti, C\.; Chen, X\.-J\.; Brenner, A\. K\. mfl\. \(2022\)\. Music therapy for people with substance use disorders\. Cochrane Database of Systematic Reviews\.$/);
      assert.match($('main').text(), /Ikke kontrollert/);
      assert.match($('main').text(), /Hovedfunn \(oppsummert av nettverket\)ikke registrert/);
      assert.match($('main').text(), /Ingen effektstørrelse registrert/);
      assert.equal($('a[href="https://doi.org/10.1002/14651858.cd012576.pub3"]').length, 1);
      assert.match($('main').text(), /@ghetti2022-cochrane-sud/);
      assert.equal($('form[action$="/kontroller"]').length, 0, 'the public cannot check');
      // a record that shows only its first author says so: "mfl.", never a sole author
      const partial = await getPage(app, '/nettverket/kunnskap/kilde/geretsegger2017-cochrane-schizophrenia');
      assert.match(partial.$('.evidence-citation').text(), /^Geretsegger, M\. mfl\. \(2017\)\./);
      assert.match(partial.$('title').text(), /\(Geretsegger mfl\. 2017\) – Samklang$/);
      const guideline = await getPage(app, '/nettverket/kunnskap/kilde/hdir2013-is1957-psykose');
      assert.match(guideline.$('.evidence-citation').text(), /psykoselidelser \(IS-1957\)\. Helsedirektoratet\.$/);
      assert.equal((await getPage(app, '/nettverket/kunnskap/kilde/finnes-ikke')).status, 404);
      assert.equal((await getPage(app, '/nettverket/kunnskap/kilde/Ugyldig%20N%C3%B8kkel')).status, 404);
    });

    test('the guidelines page: three guidelines in our words, the grade only where known, source links from the seed', async () => {
      const { $ } = await getPage(app, '/nettverket/kunnskap/retningslinjer');
      const sections = $('.evidence-guideline');
      assert.equal(sections.length, 3);
      assert.match(sections.eq(0).text(), /Anbefalingsgrad A, evidensnivå 1a/);
      assert.match(sections.eq(1).text(), /Ingen gradering oppgitt i våre kilder/);
      assert.equal(sections.eq(2).find('a[href="https://www.helsedirektoratet.no/retningslinjer/avrusning-fra-rusmidler-og-vanedannende-legemidler"]').length, 1);
      assert.equal(sections.eq(0).find('a[href="/nettverket/kunnskap/kilde/hdir2013-is1957-psykose"]').length, 1);
    });

    test('the secretariat adds an entry with a validated form; errors keep every value typed', async () => {
      await coordinator.get('/nettverket/kunnskap/ny');
      const bad = await coordinator.post('/nettverket/kunnskap/ny', { ...FORM, doi: '10.12/x y', year: '1850', url: 'ftp://x', effectSizeSource: '', design: 'metaanalyse' });
      assert.equal(bad.status, 400);
      assert.match(bad.$('title').text(), /^Feil: Legg til kilde/);
      const summary = bad.$('.ds-error-summary').text();
      for (const message of [/DOI-en må se ut som 10\.1234\/noe/, /mellom 1900 og \d{4}/, /Lenken må starte med https:\/\//, /Skriv hvor i kilden effektstørrelsen står/, /Velg et studiedesign fra listen/]) assert.match(summary, message);
      assert.equal(bad.$('#title').val(), FORM.title);
      assert.equal(bad.$('#authors').text(), FORM.authors);
      assert.equal(bad.$('#doi').val(), '10.12/x y');
      assert.equal(bad.$('#outcomes-anxiety').attr('checked'), 'checked');
      assert.equal(bad.$('#mainFinding').text(), FORM.mainFinding);
      const taken = await coordinator.post('/nettverket/kunnskap/ny', { ...FORM, doi: 'doi:10.1002/14651858.CD012576.PUB3' });
      assert.equal(taken.status, 400);
      assert.match(taken.$('#doi-error').text(), /har allerede denne DOI-en/);
      const created = await coordinator.post('/nettverket/kunnskap/ny', FORM);
      assert.equal(created.status, 303);
      assert.equal(created.location, '/nettverket/kunnskap/kilde/nordmann2024-fiktiv');
      const page = await coordinator.get(created.location!);
      assert.match(page.$('main').text(), /d = 0,4 \(fiktiv\)Oppgitt i kilden: Tabell 2 \(fiktiv\)/);
      assert.match(page.$('main').text(), /Angst, Sosial fungering/);
      const row = await database.db.selectFrom('evidence_entry').selectAll().where('key', '=', 'nordmann2024-fiktiv').executeTakeFirstOrThrow();
      assert.equal(row.doi, '10.5555/samklang.form.1');
      assert.deepEqual(row.authors, [{ family: 'Nordmann', given: 'Kari' }, { literal: 'Testgruppen' }]);
      assert.equal(row.checked_at, null);
      const audit = await database.db.selectFrom('audit_log').select(['field_name', 'last_action_type']).where('resource_id', '=', row.id).execute();
      assert.ok(audit.some((a) => a.field_name === 'doi' && a.last_action_type === 'create'));
    });

    test('marking an entry checked records who and when (audited); changing its citation makes it unchecked again', async () => {
      const url = '/nettverket/kunnskap/kilde/nordmann2024-fiktiv';
      const page = await coordinator.get(url);
      assert.equal(page.$('form[action$="/kontroller"]').length, 1);
      const checked = await coordinator.post(`${url}/kontroller`, {});
      assert.equal(checked.status, 303);
      const after = await getPage(app, url);
      assert.match(after.$('main').text(), /Kontrollert \d+\. \w+ \d{4} Kari Koordinator \(fiktiv\)/);
      const row = await database.db.selectFrom('evidence_entry').select(['id', 'checked_at', 'checked_by']).where('key', '=', 'nordmann2024-fiktiv').executeTakeFirstOrThrow();
      assert.ok(row.checked_at && row.checked_by);
      assert.ok(await database.db.selectFrom('audit_log').select('id').where('resource_id', '=', row.id).where('last_action_type', '=', 'check').executeTakeFirst());
      // a finding edited: still checked
      await coordinator.get(`${url}/endre`);
      assert.equal((await coordinator.post(`${url}/endre`, { ...FORM, mainFinding: 'Endret hovedfunn (fiktivt).' })).status, 303);
      assert.notEqual((await database.db.selectFrom('evidence_entry').select('checked_at').where('id', '=', row.id).executeTakeFirstOrThrow()).checked_at, null);
      // the year edited: unchecked again, audited
      const edit = await coordinator.get(`${url}/endre`);
      assert.equal(edit.$('#year').val(), '2024');
      assert.equal((await coordinator.post(`${url}/endre`, { ...FORM, year: '2023', authorsIncomplete: 'ja', mainFinding: 'Endret hovedfunn (fiktivt).' })).status, 303);
      assert.match((await getPage(app, url)).$('.evidence-citation').text(), /^Nordmann, K\.; Testgruppen mfl\. \(2023\)/);
      const unchecked = await database.db.selectFrom('evidence_entry').select(['checked_at', 'year']).where('id', '=', row.id).executeTakeFirstOrThrow();
      assert.deepEqual(unchecked, { checked_at: null, year: 2023 });
      const log = await database.db.selectFrom('audit_log').select(['field_name', 'previous_value', 'replacement_value', 'last_action_type']).where('resource_id', '=', row.id).where('last_action_type', 'in', ['update', 'uncheck']).execute();
      assert.ok(log.some((l) => l.field_name === 'year' && l.previous_value === '2024' && l.replacement_value === '2023'));
      assert.ok(log.some((l) => l.last_action_type === 'uncheck'));
      // the edit form refuses another entry's DOI
      const clash = await coordinator.post(`${url}/endre`, { ...FORM, doi: '10.1093/jmt/thu057' });
      assert.equal(clash.status, 400);
    });

    test('only the secretariat adds, edits and checks: the public signs in first, members and others are refused', async () => {
      const url = '/nettverket/kunnskap/kilde/ghetti2022-cochrane-sud';
      const anonymous = new Visitor(app);
      await anonymous.get(url);
      assert.equal((await anonymous.get('/nettverket/kunnskap/ny')).status, 401);
      for (const email of [PEOPLE.participant, PEOPLE.outsider]) {
        const someone = new Visitor(app);
        await someone.signIn(email, PASSWORD);
        const page = await someone.get(url);
        assert.equal(page.$('form[action$="/kontroller"]').length, 0);
        assert.equal((await someone.get('/nettverket/kunnskap/ny')).status, 403);
        assert.equal((await someone.post('/nettverket/kunnskap/ny', FORM)).status, 403);
        assert.equal((await someone.get(`${url}/endre`)).status, 403);
        assert.equal((await someone.post(`${url}/endre`, FORM)).status, 403);
        assert.equal((await someone.post(`${url}/kontroller`, {})).status, 403);
      }
      const entry = await database.db.selectFrom('evidence_entry').select(['checked_at', 'title']).where('key', '=', 'ghetti2022-cochrane-sud').executeTakeFirstOrThrow();
      assert.deepEqual(entry, { checked_at: null, title: 'Music therapy for people with substance use disorders' });
      // a site admin is secretariat too
      const admin = new Visitor(app);
      await admin.signIn('admin@nettverket.no', PASSWORD);
      assert.equal((await admin.get('/nettverket/kunnskap/ny')).status, 200);
    });

    test('open data: JSON documented in the OpenAPI document, CSL-JSON with the seed\'s facts, CSV', async () => {
      const json = await app.inject({ url: '/api/v1/network/evidence?design=rct&outcome=craving' });
      assert.equal(json.statusCode, 200);
      const body = json.json() as { items: { key: string; checked: boolean; page: string; outcomes: string[] }[]; count: number };
      assert.equal(body.count, 2);
      assert.ok(body.items.every((item) => item.outcomes.includes('craving') && item.checked === false));
      assert.match(body.items[0]!.page, /\/nettverket\/kunnskap\/kilde\//);
      const bad = await app.inject({ url: '/api/v1/network/evidence?design=meta' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.headers['content-type'] as string, /application\/problem\+json/);
      const openapi = (await app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, { get?: { parameters?: { name: string }[] } }> };
      const documented = openapi.paths['/api/v1/network/evidence'];
      assert.ok(documented?.get);
      assert.deepEqual(documented.get.parameters?.map((p) => p.name).sort(), ['design', 'outcome', 'population']);
      const csl = await app.inject({ url: '/api/v1/network/evidence.csl.json' });
      const records = JSON.parse(csl.body) as { id: string; DOI?: string; author?: unknown[]; note?: string }[];
      const geretsegger = records.find((r) => r.id === 'geretsegger2017-cochrane-schizophrenia')!;
      assert.equal(geretsegger.DOI, '10.1002/14651858.CD004025.pub4', 'the seed record as written, not re-cased');
      assert.equal(geretsegger.author?.length, 1, 'no co-author added');
      const csv = await app.inject({ url: '/api/v1/network/evidence.csv?population=rus' });
      assert.match(csv.headers['content-type'] as string, /text\/csv/);
      const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
      assert.equal(lines[0], 'key,kind,authors,authors_incomplete,year,title,container_title,doi,url,design,population,setting,outcomes,main_finding,effect_size,effect_size_source,checked,checked_at,page');
      assert.ok(lines.some((line) => line.startsWith('ghetti2022-cochrane-sud,study,Ghetti, Claire;')) === false, 'authors with commas are quoted');
      assert.ok(lines.some((line) => line.startsWith('ghetti2022-cochrane-sud,study,"Ghetti, Claire; Chen, Xi-Jing;')));
    });

    test('one source list: a handbook section cites a library entry by key, and the about page cites the guidelines', async () => {
      const admin = new Visitor(app);
      await admin.signIn('admin@nettverket.no', PASSWORD);
      const edit = await admin.get('/veileder/nasjonale-retningslinjer/rediger');
      assert.equal(edit.status, 200);
      const values = {
        title: String(edit.$('#title').val()), summary: edit.$('#summary').text(), body: edit.$('#body').text(),
        sources: `${edit.$('#sources').text()}\n@hdir2016-is2211-avrusning\n@finnes-ikke-fiktiv`, note: '', handling: 'lagre',
      };
      assert.equal((await admin.post('/veileder/nasjonale-retningslinjer/rediger', values)).status, 303);
      const { $ } = await getPage(app, '/veileder/nasjonale-retningslinjer');
      const cited = $('.sources a[href="/nettverket/kunnskap/kilde/hdir2016-is2211-avrusning"]');
      assert.equal(cited.length, 1);
      assert.match(cited.text(), /^Helsedirektoratet \(2016\)\. Nasjonal faglig retningslinje for avrusning/);
      assert.match(cited.parent().text(), /Ikke kontrollert/);
      assert.match($('.sources').text(), /@finnes-ikke-fiktiv/, 'an unknown key stays as written');
      // the handbook's own content cites the library too: the research section's reviews and guideline
      const research = await getPage(app, '/veileder/kunnskapsgrunnlag');
      assert.deepEqual(research.$('.sources a').map((_, a) => research.$(a).attr('href')).get(), [
        '/nettverket/kunnskap/kilde/geretsegger2017-cochrane-schizophrenia', '/nettverket/kunnskap/kilde/aalbers2017-cochrane-depression',
        '/nettverket/kunnskap/kilde/ghetti2022-cochrane-sud', '/nettverket/kunnskap/kilde/hdir2013-is1957-psykose',
      ]);
      assert.match(research.$('.sources li').eq(3).text(), /Cochrane Library, systematiske oversikter om musikkterapi\./);
      const about = await getPage(app, '/om');
      assert.equal(about.$('.sources a[href^="/nettverket/kunnskap/kilde/"]').length, 6);
      assert.equal(about.$('.sources h2').text(), 'Kunnskapsgrunnlag');
    });
  });
}
