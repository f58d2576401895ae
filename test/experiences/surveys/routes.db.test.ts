import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { newId } from '../../../src/platform/ids.ts';
import { backends, freshDatabase } from '../../helpers/db.ts';
import { PASSWORD, TestClock, Visitor, anAccount, appOnClock, HOUR } from '../../accounts/client.ts';
import { assertTaggedPdf } from '../../helpers/pdf.ts';
import { aService, anOrganization, store } from '../../directory/factories.ts';

const FULL = { versjon: 'v1', q_listened: '5', q_decided: '4', q_helped: '4', q_safe: '5', q_respected: '5', q_access: '3', q_informed: 'vet_ikke', q_recommend: '5', fritekst: '' };

for (const backend of backends()) {
  describe(`the anonymous survey of an offer on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const clock = new TestClock();
    let ip = 1;
    const org = anOrganization({ name: 'Testby kommune' });
    const other = anOrganization({ name: 'Annen kommune' });
    const service = aService(org, { name: 'Musikkgruppe Testby' });
    const busy = aService(org, { name: 'Travel gruppe' });
    const crowd = aService(other, { name: 'Mange svar' });
    const answerUrl = (id: string) => `/erfaringer/sporsmal/${id}`;
    /** A new person, from a new address, who opens the form and sends it. */
    const answer = async (id: string, form: Record<string, string> = FULL) => {
      const visitor = new Visitor(app, `10.1.${Math.floor(ip / 250)}.${ip++ % 250}`, 'Mozilla/5.0 (Testphone)');
      await visitor.get(answerUrl(id));
      return visitor.post(answerUrl(id), form);
    };
    const rowsOf = (id: string) => database.db.selectFrom('experience_survey_answer').selectAll().where('service_id', '=', id).execute();

    before(async () => {
      database = await freshDatabase(backend.name);
      await store(database.db, [org, other], [service, busy, crowd]);
      await anAccount(database.db, { email: 'redaktor@testby.example', editorOf: [org.id] });
      await anAccount(database.db, { email: 'annen@annen.example', editorOf: [other.id] });
      await anAccount(database.db, { email: 'sekretariat@nettverk.example', admin: true });
      // network coordinators (the secretariat without being site admins); one of them edits the crowded offer
      const network = newId();
      await database.db.insertInto('network_organization').values({ id: network, slug: 'nettverket', name: 'Nettverket (fiktiv)', network_role: 'member', kind: 'other' }).execute();
      for (const [email, editorOf] of [['koordinator@nettverk.example', []], ['koordinator@annen.example', [other.id]]] as const) {
        const id = await anAccount(database.db, { email, editorOf: [...editorOf] });
        await database.db.insertInto('network_membership').values({ id: newId(), user_id: id, organization_id: network, role: 'coordinator', status: 'approved' }).execute();
      }
      app = await appOnClock(database.db, clock);
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    test('the survey is a plain form: a fieldset with a legend and six radio buttons per question, a free-text field, no sign-in', async () => {
      const page = await new Visitor(app).get(answerUrl(service.id));
      assert.equal(page.status, 200);
      const form = page.$('main form[method=post]');
      assert.equal(form.attr('action'), answerUrl(service.id));
      const fieldsets = form.find('fieldset');
      assert.equal(fieldsets.length, 8);
      fieldsets.each((_, fs) => {
        assert.ok(page.$(fs).children('legend').text().length > 5);
        const radios = page.$(fs).find('input[type=radio]');
        assert.equal(radios.length, 6);
        radios.each((__, r) => assert.equal(page.$(`label[for="${page.$(r).attr('id')}"]`).length, 1, 'each radio has its label'));
      });
      assert.match(fieldsets.first().text(), /lyttet til/);
      assert.match(fieldsets.first().text(), /Vet ikke/);
      assert.equal(page.$('label[for=fritekst]').length, 1);
      assert.equal(page.$('input[name=nettside]').closest('[aria-hidden=true]').length, 1, 'the honeypot is hidden from screen readers');
      assert.equal(page.$('input[name=nettside]').attr('tabindex'), '-1');
      assert.equal((await new Visitor(app).get(answerUrl('00000000-0000-4000-8000-000000000000'))).status, 404);
    });

    test('the only cookie is the form\'s CSRF cookie, and a post without its token is refused', async () => {
      const visitor = new Visitor(app, '10.9.9.9');
      await visitor.get(answerUrl(service.id));
      assert.deepEqual([...visitor.cookies.keys()], ['samklang_skjema']);
      const refused = await visitor.post(answerUrl(service.id), FULL, { csrf: null });
      assert.equal(refused.status, 403);
      assert.equal((await rowsOf(service.id)).length, 0);
    });

    test('an answer is stored with nothing identifying: no address, user agent, cookie or time finer than the month', async () => {
      const sent = await answer(service.id, { ...FULL, fritekst: 'Det var fint å spille sammen.' });
      assert.equal(sent.status, 303);
      assert.equal(sent.location, `${answerUrl(service.id)}/takk`);
      const rows = await rowsOf(service.id);
      assert.equal(rows.length, 1);
      const row = rows[0]!;
      const month = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', timeZone: 'Europe/Oslo' }).format(clock.now()).slice(0, 7);
      assert.deepEqual(Object.keys(row).sort(), ['answered_month', 'free_text', 'held_for_moderation', 'id', 'is_demo', 'question_version', 'service_id']);
      assert.equal(row.answered_month, month);
      assert.equal(row.question_version, 'v1');
      const text = JSON.stringify(rows);
      assert.doesNotMatch(text, /10\.1\.|Testphone|Mozilla/);
      const scores = await database.db.selectFrom('experience_survey_score').select(['question', 'score']).where('answer_id', '=', row.id).orderBy('question').execute();
      assert.equal(scores.length, 8);
      assert.deepEqual(scores.find((s) => s.question === 'informed'), { question: 'informed', score: null }, '"vet ikke" is stored as no score');
      const audit = await database.db.selectFrom('audit_log').select('id').where('resource_id', '=', row.id).execute();
      assert.equal(audit.length, 0, 'no timestamped copy in the audit log');
      const thanks = await new Visitor(app).get(sent.location!);
      assert.equal(thanks.status, 200);
    });

    test('an empty or bad answer gets a Norwegian error with the form filled in again; nothing is stored', async () => {
      const empty = await answer(service.id, { versjon: 'v1', fritekst: '  ' });
      assert.equal(empty.status, 400);
      assert.match(empty.$('title').text(), /^Feil/);
      assert.match(empty.$('main').text(), /Svar på minst ett spørsmål/);
      const bad = await answer(service.id, { ...FULL, q_helped: '7', fritekst: 'Beholdes' });
      assert.equal(bad.status, 400);
      assert.match(bad.$('#q_helped-error').text(), /Velg et tall fra 1 til 5/);
      assert.equal(bad.$('input[name=q_listened][value="5"]').attr('checked'), 'checked');
      assert.equal(bad.$('textarea[name=fritekst]').text(), 'Beholdes');
      assert.equal((await rowsOf(service.id)).length, 1);
    });

    test('a filled honeypot is thanked and ignored', async () => {
      const bot = await answer(service.id, { ...FULL, nettside: 'http://spam.example' });
      assert.equal(bot.status, 303);
      assert.equal((await rowsOf(service.id)).length, 1);
    });

    test('one address may send ten answers an hour, counted in memory only; the eleventh keeps what was typed', async () => {
      const visitor = new Visitor(app, '10.7.7.7');
      await visitor.get(answerUrl(busy.id));
      for (let i = 0; i < 10; i++) assert.equal((await visitor.post(answerUrl(busy.id), FULL)).status, 303);
      const limited = await visitor.post(answerUrl(busy.id), { ...FULL, fritekst: 'Nummer elleve' });
      assert.equal(limited.status, 429);
      assert.match(limited.$('main').text(), /mange svar fra denne adressen/);
      assert.equal(limited.$('textarea[name=fritekst]').text(), 'Nummer elleve');
      const hits = await database.db.selectFrom('rate_limit_hit').selectAll().execute();
      assert.ok(hits.every((h) => !JSON.stringify(h).includes('10.7.7.7')), 'not in the rate_limit_hit table');
      clock.advance(HOUR + 1000);
      assert.equal((await visitor.post(answerUrl(busy.id), FULL)).status, 303, 'an hour later it may answer again');
      assert.equal((await rowsOf(busy.id)).length, 11);
    });

    test('concurrent answers are counted exactly, and those over the daily cap are kept aside', async () => {
      const visitors = await Promise.all(Array.from({ length: 60 }, async (_, i) => {
        const visitor = new Visitor(app, `10.20.${Math.floor(i / 200)}.${i % 200}`);
        await visitor.get(answerUrl(crowd.id));
        return visitor;
      }));
      const sent = await Promise.all(visitors.map((v) => v.post(answerUrl(crowd.id), FULL)));
      assert.ok(sent.every((s) => s.status === 303));
      const rows = await rowsOf(crowd.id);
      assert.equal(rows.length, 60);
      assert.equal(rows.filter((r) => r.held_for_moderation).length, 10, 'fifty a day are counted; the rest wait for moderation');
      const scores = await database.db.selectFrom('experience_survey_score').select((eb) => eb.fn.countAll<string>().as('n'))
        .where('answer_id', 'in', rows.map((r) => r.id)).executeTakeFirstOrThrow();
      assert.equal(Number(scores.n), 60 * 8);
      const day = await database.db.selectFrom('experience_survey_day').select('answers').where('service_id', '=', crowd.id).executeTakeFirstOrThrow();
      assert.equal(day.answers, 60);
      const results = await new Visitor(app).get(`/erfaringer/tilbud/${crowd.id}`);
      assert.match(results.$('.survey-period').text(), /^50 svar fra /);
    });

    test('the offer\'s editors see how many answers are kept aside (a count only); the secretariat (admins and coordinators) decides on them, audited', async () => {
      const editor = new Visitor(app, '10.60.0.1');
      await editor.signIn('annen@annen.example', PASSWORD);
      const seen = await editor.get(`/erfaringer/tilbud/${crowd.id}`);
      assert.match(seen.$('.survey-held').text(), /10 svar er holdt tilbake/);
      assert.equal(seen.$('input[name=handling]').length, 0, 'editors cannot release their own answers');
      assert.equal((await editor.post(`/erfaringer/tilbud/${crowd.id}/tilbakeholdt`, { handling: 'telle' })).status, 403);
      const stranger = await new Visitor(app).get(`/erfaringer/tilbud/${crowd.id}`);
      assert.doesNotMatch(stranger.$('main').text(), /holdt tilbake/, 'the public does not see them');

      // a coordinator who edits the offer is its editor here: no deciding on one's own answers
      const ownCoordinator = new Visitor(app, '10.60.0.3');
      await ownCoordinator.signIn('koordinator@annen.example', PASSWORD);
      assert.equal((await ownCoordinator.get(`/erfaringer/tilbud/${crowd.id}`)).$('input[name=handling]').length, 0);
      assert.equal((await ownCoordinator.post(`/erfaringer/tilbud/${crowd.id}/tilbakeholdt`, { handling: 'telle' })).status, 403);

      const admin = new Visitor(app, '10.60.0.2');
      await admin.signIn('sekretariat@nettverk.example', PASSWORD);
      assert.equal((await admin.get(`/erfaringer/tilbud/${crowd.id}`)).$('fieldset input[name=handling]').length, 2, 'site admins decide');

      const coordinator = new Visitor(app, '10.60.0.4');
      await coordinator.signIn('koordinator@nettverk.example', PASSWORD);
      const form = await coordinator.get(`/erfaringer/tilbud/${crowd.id}`);
      assert.match(form.$('section[aria-labelledby=tilbakeholdt]').text(), /10 svar er holdt tilbake/);
      assert.equal(form.$('fieldset input[name=handling]').length, 2);
      assert.equal(form.$('.survey-free-text').length, 0, 'the secretariat does not read the offer\'s free text');
      const missing = await coordinator.post(`/erfaringer/tilbud/${crowd.id}/tilbakeholdt`, {});
      assert.equal(missing.status, 400);
      assert.match(missing.$('#handling-error').text(), /Velg om svarene/);
      const counted = await coordinator.post(`/erfaringer/tilbud/${crowd.id}/tilbakeholdt`, { handling: 'telle' });
      assert.equal(counted.status, 303);
      const results = await new Visitor(app).get(`/erfaringer/tilbud/${crowd.id}`);
      assert.match(results.$('.survey-period').text(), /^60 svar fra /);
      const audit = await database.db.selectFrom('audit_log').select(['resource_type', 'previous_value', 'replacement_value']).where('resource_id', '=', crowd.id).execute();
      assert.deepEqual(audit, [{ resource_type: 'experience_survey', previous_value: '10', replacement_value: 'count' }]);
      assert.equal((await coordinator.get(`/erfaringer/tilbud/${crowd.id}`)).$('input[name=handling]').length, 0, 'nothing left to decide');
    });

    test('the results page shows nothing under five answers, then the summary with the number and the period', async () => {
      const few = await new Visitor(app).get(`/erfaringer/tilbud/${service.id}`);
      assert.equal(few.status, 200);
      assert.equal(few.$('table').length, 0);
      assert.match(few.$('.survey-too-few').text(), /færre enn fem/);
      for (let i = 0; i < 4; i++) await answer(service.id, { ...FULL, fritekst: i === 0 ? 'Kari Nordmann var flink, ring henne på 912 34 567 eller kari@example.org' : '' });
      const page = await new Visitor(app).get(`/erfaringer/tilbud/${service.id}`);
      assert.match(page.$('.survey-period').text(), /^5 svar fra [a-zæøå]+ \d{4} til [a-zæøå]+ \d{4}\.$/);
      assert.equal(page.$('table tbody tr').length, 8);
      assert.equal(page.$('table tbody tr').first().find('th').text(), 'Følte du at du ble lyttet til?');
      assert.doesNotMatch(page.body, /fint å spille|912 34 567|Nordmann/, 'free text is never published');
      assert.equal(page.$('#fritekst').length, 0);
      // the offer's page links here with a plain link
      const offer = await new Visitor(app).get(`/tilbud/${service.id}`);
      assert.equal(offer.$(`a[href="/erfaringer/tilbud/${service.id}"]`).length, 1);
      assert.equal(offer.$(`a[href="/erfaringer/sporsmal/${service.id}"]`).length, 1);
    });

    test('the offer\'s editors see the free text after the threshold, with likely identifiers masked; other editors do not', async () => {
      const editor = new Visitor(app, '10.50.0.1');
      await editor.signIn('redaktor@testby.example', PASSWORD);
      const page = await editor.get(`/erfaringer/tilbud/${service.id}`);
      const texts = page.$('.survey-free-text li').map((_, li) => page.$(li).text()).get();
      assert.equal(texts.length, 2);
      assert.ok(texts.includes('Det var fint å spille sammen.'));
      const masked = texts.find((t) => t.includes('[skjult]'))!;
      assert.doesNotMatch(masked, /Nordmann|912 34 567|kari@example\.org/);
      const stranger = new Visitor(app, '10.50.0.2');
      await stranger.signIn('annen@annen.example', PASSWORD);
      const notEditor = await stranger.get(`/erfaringer/tilbud/${service.id}`);
      assert.equal(notEditor.$('.survey-free-text').length, 0);
      assert.doesNotMatch(notEditor.body, /fint å spille/);
    });

    test('editors get a QR code (SVG) and an A4 poster PDF; others are refused', async () => {
      const editor = new Visitor(app, '10.50.0.3');
      await editor.signIn('redaktor@testby.example', PASSWORD);
      const page = await editor.get(`/erfaringer/tilbud/${service.id}/plakat`);
      assert.equal(page.status, 200);
      assert.equal(page.$('[role=img] svg').length, 1);
      assert.match(page.$('[role=img]').attr('aria-label')!, new RegExp(`/erfaringer/sporsmal/${service.id}$`));
      const pdf = await app.inject({ method: 'GET', url: `/erfaringer/tilbud/${service.id}/plakat.pdf`, headers: { cookie: editor.cookieHeader } });
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
      // tagged PDF/UA: the texts in the structure, the QR code a figure whose alternative text gives the address
      const structure = assertTaggedPdf(pdf.rawPayload, { language: 'nb-NO', artifacts: /Samklang – musikkterapi i rus og psykisk helse/ });
      assert.match(structure, /^ {2}H1 \(block\)\n {4}"Hvordan var det for deg\?"/m);
      assert.match(structure, /^ {2}Figure\b/m);
      assert.match(pdf.rawPayload.toString('latin1'), new RegExp(`/Alt \\(QR-kode til http[^)]+/erfaringer/sporsmal/${service.id}\\)`), 'the figure\'s alternative text');
      assert.equal((await new Visitor(app).get(`/erfaringer/tilbud/${service.id}/plakat`)).status, 401);
      const stranger = new Visitor(app, '10.50.0.4');
      await stranger.signIn('annen@annen.example', PASSWORD);
      assert.equal((await stranger.get(`/erfaringer/tilbud/${service.id}/plakat`)).status, 403);
    });

    test('the open CSV holds aggregates per health region and service level, only for cells of five or more', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/v1/experiences/surveys.csv' });
      assert.equal(response.statusCode, 200);
      assert.match(response.headers['content-type'] as string, /^text\/csv/);
      const lines = response.body.replace(/^\uFEFF/, '').trim().split('\r\n');
      assert.equal(lines[0], 'helseregion,tjenesteniva,sporsmalsversjon,sporsmal,fra_maned,til_maned,antall_svar,snitt');
      assert.equal(lines.length, 1 + 8, 'one cell (lavterskel in one region), eight questions');
      assert.ok(lines.slice(1).every((l) => Number(l.split(',')[6]) >= 5));
      assert.doesNotMatch(response.body, /fint å spille/);
      const overview = await new Visitor(app).get('/erfaringer/sporsmal');
      assert.equal(overview.status, 200);
      assert.equal(overview.$('table tbody tr').length, 8);
      assert.match(overview.$('table tbody tr').first().text(), /Helse Sør-Øst|Lavterskel/i);
      assert.equal(overview.$('a[href="/api/v1/experiences/surveys.csv"]').length, 1);

      // the atlas and the network's front page show the same cells compactly: region, level, number of answers, the period, the CSV
      for (const url of ['/dekning', '/nettverket']) {
        const page = await new Visitor(app).get(url);
        assert.equal(page.status, 200, url);
        const section = page.$('section[aria-labelledby=svar-fra-brukerne]');
        assert.equal(section.length, 1, url);
        assert.match(section.find('.survey-period').text(), /^Svar fra [a-zæøå]+ \d{4} til [a-zæøå]+ \d{4}/);
        const rows = section.find('tbody tr').map((_, tr) => page.$(tr).find('th, td').map((__, c) => page.$(c).text()).get().join('|')).get();
        assert.equal(rows.length, 1, `${url}: ${rows.join('; ')}`);
        assert.match(rows[0]!, /\|Lavterskeltilbud\|\d+$/);
        assert.ok(Number(rows[0]!.split('|')[2]) >= 5);
        assert.equal(section.find('a[href="/api/v1/experiences/surveys.csv"]').length, 1);
        assert.equal(section.find('a[href="/erfaringer/sporsmal"]').length, 1);
      }
    });
  });
}
