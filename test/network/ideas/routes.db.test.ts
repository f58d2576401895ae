import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { sql } from 'kysely';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { newId } from '../../../src/platform/ids.ts';
import { backends } from '../../helpers/db.ts';
import { appSuite } from '../../helpers/app.ts';
import { PASSWORD, Visitor, anAccount } from '../../accounts/client.ts';

const IDEA = { tittel: 'Kurs for erfaringskonsulenter', beskrivelse: 'Et kort kurs om musikkterapi.', tema: 'kompetanse', arrangement: '' };
const ACTION = { tittel: 'Kurs i Finnmark', beskrivelse: 'Vi lager kurset.', organisasjon: '', kontakt: 'Sekretariatet', start: '01.02.2027', frist: '2027-06-30', status: 'i_gang', begrunnelse: '', fremdrift: '10', lenker: '/dekning?fylke=56 Dekningen i Finnmark' };

for (const backend of backends()) {
  describe(`ideas that become actions on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let ip = 10;
    let eventId = '';
    let orgId = '';
    let otherOrgId = '';
    let secretariat: Visitor;
    let member: Visitor;
    let other: Visitor;
    const as = async (email: string) => {
      const visitor = new Visitor(app, `10.0.3.${ip++}`);
      const page = await visitor.signIn(email, PASSWORD);
      assert.ok(page.status === 303 || page.status === 302, `sign-in of ${email} answered ${page.status}`);
      return visitor;
    };
    const count = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(database.db)).rows[0]!.n);
    /** Submits an idea as this visitor and returns its page path. */
    const submit = async (visitor: Visitor, form: Record<string, string> = IDEA) => {
      await visitor.get('/nettverket/ideer/ny');
      const page = await visitor.post('/nettverket/ideer/ny', form);
      assert.equal(page.status, 303, page.$('.ds-error-summary, [data-module=error-summary]').text());
      assert.match(page.location!, /^\/nettverket\/ideer\/[0-9a-f-]{36}$/);
      return page.location!;
    };
    const idOf = (path: string) => path.split('/').pop()!;
    const makeAction = async (ideaPaths: string[], form: Record<string, string> = ACTION) => {
      await secretariat.get('/nettverket/ideer/tiltak/ny');
      return secretariat.post('/nettverket/ideer/tiltak/ny', { ...form, ideer: ideaPaths.map(idOf) });
    };

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off', PUBLIC_URL: 'https://samklang.test' } });
    before(() => ({ database, app } = suite));
    before(async () => {
      const db = database.db;
      orgId = newId();
      otherOrgId = newId();
      await db.insertInto('network_organization').values([
        { id: orgId, slug: 'sekretariatet', name: 'Sekretariatet (fiktiv)', network_role: 'secretariat', kind: 'other', is_demo: true },
        { id: otherOrgId, slug: 'brukerforeningen', name: 'Brukerforeningen (fiktiv)', network_role: 'member', kind: 'user_organisation', is_demo: true },
      ]).execute();
      const coordinator = await anAccount(db, { email: 'koordinator@nettverk.example' });
      await db.insertInto('network_membership').values({ id: newId(), user_id: coordinator, organization_id: orgId, role: 'coordinator', status: 'approved' }).execute();
      await anAccount(db, { email: 'medlem@nettverk.example', name: 'Mona Medlem' });
      await anAccount(db, { email: 'annen@nettverk.example', name: 'Anne Annen' });
      eventId = newId();
      await db.insertInto('network_event').values({ id: eventId, kind: 'arbeidsseminar', title: 'Arbeidsseminar i Oslo (fiktiv)', starts_at: '2026-10-01T08:00:00Z', ends_at: '2026-10-01T15:00:00Z', status: 'published', is_demo: true }).execute();
      secretariat = await as('koordinator@nettverk.example');
      member = await as('medlem@nettverk.example');
      other = await as('annen@nettverk.example');
    });

    test('people who are not signed in read the page but are asked to sign in to submit or support', async () => {
      const anonymous = new Visitor(app, '10.0.4.1');
      const page = await anonymous.get('/nettverket/ideer');
      assert.equal(page.status, 200);
      assert.equal(page.$('h1').text(), 'Hva skjer med ideene?');
      assert.equal((await anonymous.get('/nettverket/ideer/ny')).status, 401);
      const idea = await submit(member, { ...IDEA, tittel: 'Idé som anonyme ser' });
      assert.equal((await anonymous.get(idea)).status, 200);
      assert.equal((await anonymous.get(idea)).$('form[action$="/stotte"]').length, 0, 'no support button without sign-in');
      assert.equal((await anonymous.post(`${idea}/stotte`, {})).status, 401);
    });

    test('a signed-in person submits an idea that shows on the public page without their name', async () => {
      const path = await submit(member, { ...IDEA, tittel: 'Musikkterapi på legevakten', arrangement: eventId });
      const page = await member.get(path);
      assert.equal(page.$('h1').text(), 'Musikkterapi på legevakten');
      assert.match(page.$('dl.network-facts').text(), /Kompetanse og kurs/);
      assert.equal(page.$(`dl.network-facts a[href="/nettverket/arrangementer/${eventId}"]`).text(), 'Arbeidsseminar i Oslo (fiktiv)');
      const list = await new Visitor(app).get('/nettverket/ideer');
      assert.match(list.$('#ideas-heading').parent().text(), /Musikkterapi på legevakten/);
      assert.doesNotMatch(list.body, /Mona Medlem|medlem@nettverk/);
      assert.equal(await count(sql`select count(*) as n from audit_log where resource_id = ${idOf(path)} and resource_type = 'network_idea'`) > 0, true, 'the new idea is audited');
    });

    test('bad input comes back as a Norwegian error with everything typed kept', async () => {
      await member.get('/nettverket/ideer/ny');
      const page = await member.post('/nettverket/ideer/ny', { tittel: '   ', beskrivelse: 'Beholdt tekst', tema: 'ukjent', arrangement: 'ikke-en-id' });
      assert.equal(page.status, 400);
      assert.match(page.$('title').text(), /^Feil:/);
      const summary = page.$('[data-module=error-summary]').text();
      assert.match(summary, /Skriv ideen i én setning/);
      assert.match(summary, /Velg et tema/);
      assert.match(summary, /Velg et arrangement/);
      assert.equal(page.$('#beskrivelse').text(), 'Beholdt tekst');
      // an event id that is no published event
      const unknown = await member.post('/nettverket/ideer/ny', { ...IDEA, arrangement: newId() });
      assert.equal(unknown.status, 400);
      assert.match(unknown.$('#arrangement-error').text(), /Velg et arrangement/);
    });

    test('only the secretariat enters ideas from a seminar, credited to the seminar with no person named', async () => {
      // a member who sends kilde=seminar still submits their own idea
      const own = await submit(member, { ...IDEA, tittel: 'Egen idé', arrangement: eventId, kilde: 'seminar' });
      assert.equal((await database.db.selectFrom('network_idea').select(['source', 'author_id']).where('id', '=', idOf(own)).executeTakeFirstOrThrow()).source, 'person');
      assert.equal((await member.get('/nettverket/ideer/ny')).$('#kilde').length, 0, 'members are not offered the choice');

      await secretariat.get('/nettverket/ideer/ny');
      const missingEvent = await secretariat.post('/nettverket/ideer/ny', { ...IDEA, tittel: 'Fra papirlapp', kilde: 'seminar' });
      assert.equal(missingEvent.status, 400);
      assert.match(missingEvent.$('#arrangement-error').text(), /må knyttes til seminaret/);
      assert.equal(missingEvent.$('#tittel').val(), 'Fra papirlapp');
      const paper = await submit(secretariat, { ...IDEA, tittel: 'Fra papirlapp', kilde: 'seminar', arrangement: eventId });
      const row = await database.db.selectFrom('network_idea').select(['source', 'author_id', 'entered_by', 'event_id']).where('id', '=', idOf(paper)).executeTakeFirstOrThrow();
      assert.equal(row.source, 'seminar');
      assert.equal(row.author_id, null);
      assert.equal(row.event_id, eventId);
      assert.match((await new Visitor(app).get(paper)).$('dl.network-facts').text(), /Samlet inn på papir på seminaret/);
    });

    test('support: one per person, a second press withdraws it, and the database refuses a duplicate', async () => {
      const path = await submit(member, { ...IDEA, tittel: 'Støtt meg' });
      await other.get(path);
      assert.equal((await other.post(`${path}/stotte`, {})).status, 303);
      let page = await other.get(path);
      assert.match(page.$('main').text(), /1 støtter/);
      assert.match(page.$('main').text(), /Du støtter denne ideen/);
      assert.equal((await other.post(`${path}/stotte`, {})).status, 303);
      page = await other.get(path);
      assert.match(page.$('main').text(), /0 støtter/);
      await other.post(`${path}/stotte`, {});
      await member.get(path);
      await member.post(`${path}/stotte`, {});
      assert.match((await member.get(path)).$('main').text(), /2 støtter/);
      const userId = (await database.db.selectFrom('app_user').select('id').where('email', '=', 'annen@nettverk.example').executeTakeFirstOrThrow()).id;
      await assert.rejects(database.db.insertInto('network_idea_support').values({ idea_id: idOf(path), user_id: userId }).execute(), 'the primary key refuses a second support');
    });

    test('supports sent at the same moment by one person never make two and never fail', async () => {
      const path = await submit(member, { ...IDEA, tittel: 'Trykk fort' });
      await other.get(path);
      const answers = await Promise.all(Array.from({ length: 6 }, () => other.post(`${path}/stotte`, {})));
      assert.ok(answers.every((a) => a.status === 303), answers.map((a) => a.status).join());
      assert.ok(await count(sql`select count(*) as n from network_idea_support where idea_id = ${idOf(path)}`) <= 1);
    });

    test('comments: signed-in people comment; an empty comment is refused and nothing typed is lost', async () => {
      const path = await submit(member, { ...IDEA, tittel: 'Kommenter meg' });
      await other.get(path);
      const empty = await other.post(`${path}/kommentarer`, { kommentar: '  ' });
      assert.equal(empty.status, 400);
      assert.match(empty.$('#kommentar-error').text(), /Skriv en kommentar/);
      const tooLong = await other.post(`${path}/kommentarer`, { kommentar: 'x'.repeat(2001) });
      assert.equal(tooLong.status, 400);
      assert.equal(tooLong.$('#kommentar').text().length, 2001);
      assert.equal((await other.post(`${path}/kommentarer`, { kommentar: 'God idé, vi blir med.' })).status, 303);
      const page = await new Visitor(app).get(path);
      assert.match(page.$('.comment-list').text(), /God idé, vi blir med\./);
      assert.match(page.$('main').text(), /1 kommentar/);
    });

    test('only the secretariat hides an idea, with a reason; it leaves every public page and export and its author sees why', async () => {
      const path = await submit(member, { ...IDEA, tittel: 'Skal skjules', tema: 'forskning' });
      const id = idOf(path);
      await other.get(path);
      assert.equal((await other.post(`${path}/skjul`, { begrunnelse: 'Spam' })).status, 403);
      await secretariat.get(path);
      const noReason = await secretariat.post(`${path}/skjul`, { begrunnelse: '' });
      assert.equal(noReason.status, 400);
      assert.match(noReason.$('#begrunnelse-error').text(), /Skriv en begrunnelse/);
      assert.equal((await secretariat.post(`${path}/skjul`, { begrunnelse: 'Inneholder personopplysninger' })).status, 303);

      const anonymous = new Visitor(app);
      assert.equal((await anonymous.get(path)).status, 404);
      assert.equal((await other.get(path)).status, 404);
      assert.doesNotMatch((await anonymous.get('/nettverket/ideer')).body, /Skal skjules/);
      assert.doesNotMatch((await anonymous.get('/nettverket/ideer?tema=forskning')).body, /Skal skjules/);
      const json = (await app.inject('/api/v1/network/ideas')).json() as { items: { id: string }[] };
      assert.ok(!json.items.some((i) => i.id === id), 'not in the JSON');
      assert.doesNotMatch((await app.inject('/api/v1/network/ideas.csv')).body, /Skal skjules/);
      assert.doesNotMatch((await app.inject('/nettverket/ideer/feed.atom')).body, /Skal skjules/);
      assert.equal((await other.post(`${path}/stotte`, {})).status, 404, 'a hidden idea cannot be supported');

      // the author finds it on the public page, with the reason, and no one else does
      assert.match((await member.get('/nettverket/ideer')).$('#hidden-heading').parent().text(), /Skal skjules.*Inneholder personopplysninger/);
      assert.equal((await other.get('/nettverket/ideer')).$('#hidden-heading').length, 0);
      assert.match((await secretariat.get('/nettverket/ideer')).$('#hidden-heading').parent().text(), /Skal skjules/);
      const own = await member.get(path);
      assert.equal(own.status, 200);
      assert.match(own.$('main').text(), /Inneholder personopplysninger/);
      const audit = await database.db.selectFrom('audit_log').select(['last_action_type', 'replacement_value']).where('resource_id', '=', id).where('field_name', '=', 'hidden_reason').execute();
      assert.deepEqual(audit.map((a) => [a.last_action_type, a.replacement_value]), [['hide', 'Inneholder personopplysninger']]);

      await secretariat.get(path);
      assert.equal((await secretariat.post(`${path}/vis`, {})).status, 303);
      assert.equal((await anonymous.get(path)).status, 200);
    });

    test('the secretariat hides a comment; the public no longer sees it, its writer sees the reason', async () => {
      const path = await submit(member, { ...IDEA, tittel: 'Med stygg kommentar' });
      await other.get(path);
      await other.post(`${path}/kommentarer`, { kommentar: 'Upassende kommentar' });
      const commentId = (await database.db.selectFrom('network_idea_comment').select('id').where('body', '=', 'Upassende kommentar').executeTakeFirstOrThrow()).id;
      await member.get(path);
      assert.equal((await member.post(`/nettverket/ideer/kommentarer/${commentId}/skjul`, { begrunnelse: 'Nei' })).status, 403);
      await secretariat.get(path);
      assert.equal((await secretariat.post(`/nettverket/ideer/kommentarer/${commentId}/skjul`, { begrunnelse: 'Bryter retningslinjene' })).status, 303);
      assert.doesNotMatch((await new Visitor(app).get(path)).body, /Upassende kommentar/);
      const writer = await other.get(path);
      assert.match(writer.$('.comment-list').text(), /Bryter retningslinjene/);
    });

    test('only the secretariat makes actions', async () => {
      const path = await submit(member, { ...IDEA, tittel: 'Ikke for medlemmer' });
      assert.equal((await member.get('/nettverket/ideer/tiltak/ny')).status, 403);
      await member.get(path);
      assert.equal((await member.post('/nettverket/ideer/tiltak/ny', { ...ACTION, ideer: idOf(path) })).status, 403);
      assert.equal((await new Visitor(app).get('/nettverket/ideer/tiltak/ny')).status, 401);
      assert.equal(await count(sql`select count(*) as n from network_action where title = ${ACTION.tittel}`), 0);
    });

    test('impossible dates, a due date before the start, "lagt bort" without reason and foreign links are refused', async () => {
      const path = await submit(member, { ...IDEA, tittel: 'Dårlige data' });
      const page = await makeAction([path], { ...ACTION, start: '31.02.2027', frist: '2027-13-01', fremdrift: '120', lenker: 'https://evil.example Ondt\n/dekning Gyldig' });
      assert.equal(page.status, 400);
      assert.match(page.$('#start-error').text(), /dato som finnes/);
      assert.match(page.$('#frist-error').text(), /dato som finnes/);
      assert.match(page.$('#fremdrift-error').text(), /0 til 100/);
      assert.match(page.$('#lenker-error').text(), /linje 1/);
      assert.equal(page.$('#tittel').val(), ACTION.tittel, 'the form comes back filled in');
      assert.equal(page.$(`input[name=ideer][value=${idOf(path)}]`).is('[checked]'), true);
      const order = await makeAction([path], { ...ACTION, start: '2027-06-01', frist: '2027-01-01' });
      assert.match(order.$('#frist-error').text(), /før startdatoen/);
      const aside = await makeAction([path], { ...ACTION, status: 'lagt_bort' });
      assert.match(aside.$('#begrunnelse-error').text(), /hvorfor tiltaket legges bort/);
      const unknownPrefix = await makeAction([path], { ...ACTION, lenker: '/konto Min konto' });
      assert.match(unknownPrefix.$('#lenker-error').text(), /linje 1/);
      const noIdeas = await makeAction([], ACTION);
      assert.match(noIdeas.$('#ideer-error').text(), /Velg minst én idé/);
      assert.equal(await count(sql`select count(*) as n from network_action`), 0, 'nothing written');
    });

    let actionPath = '';
    let linkedIdeas: string[] = [];
    test('the secretariat turns two ideas into an action; each idea shows the action and the action lists them', async () => {
      linkedIdeas = [await submit(member, { ...IDEA, tittel: 'Idé én', tema: 'tilgang', arrangement: eventId }), await submit(other, { ...IDEA, tittel: 'Idé to', tema: 'tilgang' })];
      const created = await makeAction(linkedIdeas, { ...ACTION, organisasjon: otherOrgId });
      assert.equal(created.status, 303, created.$('[data-module=error-summary]').text());
      actionPath = created.location!;
      const action = await new Visitor(app).get(actionPath);
      assert.equal(action.$('h1').text(), ACTION.tittel);
      assert.match(action.$('dl.network-facts').text(), /Brukerforeningen \(fiktiv\)/);
      assert.match(action.$('dl.network-facts').text(), /1\. februar 2027/);
      assert.equal(action.$('progress').attr('value'), '10');
      assert.match(action.$('.progress-line').text(), /10 % gjennomført/);
      assert.deepEqual(action.$('#ideas-heading').parent().find('h3 a').map((_, a) => action.$(a).attr('href')).get().sort(), [...linkedIdeas].sort());
      assert.equal(action.$('a[href="/dekning?fylke=56"]').text(), 'Dekningen i Finnmark');
      for (const path of linkedIdeas) {
        const idea = await new Visitor(app).get(path);
        assert.equal(idea.$(`dl.network-facts a[href="${actionPath}"]`).text(), ACTION.tittel);
      }
      // an idea already in an action cannot be taken again
      const again = await makeAction([linkedIdeas[0]!], { ...ACTION, tittel: 'Dobbelt' });
      assert.equal(again.status, 400);
      assert.equal(await count(sql`select count(*) as n from network_action where title = 'Dobbelt'`), 0);
      assert.ok(await count(sql`select count(*) as n from audit_log where resource_type = 'network_action' and resource_id = ${idOf(actionPath)}`) > 0);
    });

    test('timeline updates change status and progress; "lagt bort" needs a reason; members cannot add updates', async () => {
      await member.get(actionPath);
      assert.equal((await member.post(`${actionPath}/oppdateringer`, { dato: '2027-02-10', tekst: 'x', ny_status: '', arsak: '', ny_fremdrift: '' })).status, 403);
      await secretariat.get(actionPath);
      const bad = await secretariat.post(`${actionPath}/oppdateringer`, { dato: '30.02.2027', tekst: 'Første samling holdt', ny_status: 'lagt_bort', arsak: '', ny_fremdrift: '101' });
      assert.equal(bad.status, 400);
      assert.match(bad.$('#dato-error').text(), /dato som finnes/);
      assert.match(bad.$('#arsak-error').text(), /hvorfor/);
      assert.match(bad.$('#ny_fremdrift-error').text(), /0 til 100/);
      assert.equal(bad.$('#tekst').text(), 'Første samling holdt');
      const ok = await secretariat.post(`${actionPath}/oppdateringer`, { dato: '10.02.2027', tekst: 'Første samling holdt', ny_status: 'ferdig', arsak: '', ny_fremdrift: '100' });
      assert.equal(ok.status, 303);
      const page = await new Visitor(app).get(actionPath);
      assert.match(page.$('.timeline').text(), /10\. februar 2027/);
      assert.match(page.$('.timeline').text(), /Status endret til: Ferdig/);
      assert.equal(page.$('progress').attr('value'), '100');
      const aside = await secretariat.post(`${actionPath}/oppdateringer`, { dato: '2027-03-01', tekst: 'Stoppet', ny_status: 'lagt_bort', arsak: 'Ingen midler', ny_fremdrift: '' });
      assert.equal(aside.status, 303);
      assert.match((await new Visitor(app).get(actionPath)).$('dl.network-facts').text(), /Ingen midler/);
      const row = await database.db.selectFrom('network_action').select(['status', 'status_reason', 'progress']).where('id', '=', idOf(actionPath)).executeTakeFirstOrThrow();
      assert.deepEqual(row, { status: 'lagt_bort', status_reason: 'Ingen midler', progress: 100 });
    });

    test('the secretariat edits an action and adds an idea to it, and the change is audited field by field', async () => {
      const later = await submit(other, { ...IDEA, tittel: 'Idé fra senere møte', tema: 'etablering' });
      const edit = await secretariat.get(`${actionPath}/endre`);
      assert.equal(edit.$(`input[name=ideer][value=${linkedIdeas[0]!.split('/').pop()}]`).length, 0, 'ideas already in an action are not offered');
      const form = { ...ACTION, organisasjon: otherOrgId, status: 'i_gang', tittel: 'Kurs i Finnmark og Troms', fremdrift: '60' };
      const badDate = await secretariat.post(`${actionPath}/endre`, { ...form, frist: '2027-02-30' });
      assert.equal(badDate.status, 400);
      assert.equal(badDate.$('#tittel').val(), 'Kurs i Finnmark og Troms');
      const taken = await secretariat.post(`${actionPath}/endre`, { ...form, ideer: idOf(linkedIdeas[0]!) });
      assert.equal(taken.status, 400, 'an idea already in an action is refused');
      assert.equal((await secretariat.post(`${actionPath}/endre`, { ...form, ideer: idOf(later) })).status, 303);
      const page = await new Visitor(app).get(actionPath);
      assert.equal(page.$('h1').text(), 'Kurs i Finnmark og Troms');
      assert.equal(page.$(`#ideas-heading`).parent().find(`a[href="${later}"]`).length, 1);
      assert.equal((await new Visitor(app).get(later)).$(`dl.network-facts a[href="${actionPath}"]`).length, 1);
      linkedIdeas.push(later);
      const audit = await database.db.selectFrom('audit_log').select('field_name').where('resource_id', '=', idOf(actionPath)).where('last_action_type', '=', 'update').execute();
      assert.ok(audit.some((a) => a.field_name === 'title'));
      assert.equal((await member.get(`${actionPath}/endre`)).status, 403);
    });

    test('the public page filters by theme, event and organisation with a plain GET form', async () => {
      const page = await new Visitor(app).get('/nettverket/ideer');
      const form = page.$('form[method=get]');
      assert.equal(form.attr('action'), '/nettverket/ideer');
      assert.deepEqual(form.find('select').map((_, s) => page.$(s).attr('name')).get(), ['tema', 'arrangement', 'organisasjon']);
      const byTheme = await new Visitor(app).get('/nettverket/ideer?tema=tilgang&arrangement=&organisasjon=');
      const ideaTitles = byTheme.$('#ideas-heading').parent().find('h3').map((_, h) => byTheme.$(h).text()).get();
      assert.deepEqual(ideaTitles.sort(), ['Idé én', 'Idé to'].sort());
      assert.equal(byTheme.$('#tema option[selected]').val(), 'tilgang');
      const byEvent = await new Visitor(app).get(`/nettverket/ideer?arrangement=${eventId}`);
      const eventIdeas = byEvent.$('#ideas-heading').parent().find('h3').map((_, h) => byEvent.$(h).text()).get();
      assert.ok(eventIdeas.includes('Idé én') && !eventIdeas.includes('Idé to'));
      assert.equal(byEvent.$('#actions-heading').parent().find('h3').length, 1, 'the action made of an idea from the event');
      const byOrg = await new Visitor(app).get(`/nettverket/ideer?organisasjon=${orgId}`);
      assert.equal(byOrg.$('#actions-heading').parent().find('h3').length, 0);
      const byOtherOrg = await new Visitor(app).get(`/nettverket/ideer?organisasjon=${otherOrgId}`);
      assert.equal(byOtherOrg.$('#actions-heading').parent().find('h3').length, 1);
      const bad = await new Visitor(app).get('/nettverket/ideer?tema=tull');
      assert.equal(bad.status, 400);
      assert.match(bad.$('main').text(), /verdi vi ikke kjenner/);
    });

    test('the Atom feed is valid Atom with new ideas, actions and timeline updates', async () => {
      const response = await app.inject('/nettverket/ideer/feed.atom');
      assert.equal(response.statusCode, 200);
      assert.match(response.headers['content-type'] as string, /^application\/atom\+xml/);
      const { load } = await import('cheerio');
      const $ = load(response.body, { xml: true });
      const feed = $('feed');
      assert.equal(feed.attr('xmlns'), 'http://www.w3.org/2005/Atom');
      for (const required of ['id', 'title', 'updated', 'author > name']) assert.ok(feed.children(required.split(' ')[0]!).length >= 1, `feed has ${required}`);
      const entries = $('entry');
      assert.ok(entries.length >= 3);
      entries.each((_, entry) => {
        const e = $(entry);
        assert.equal(e.children('id').length, 1);
        assert.ok(e.children('title').text().length > 0);
        assert.ok(!Number.isNaN(Date.parse(e.children('updated').text())), 'updated is a date');
        assert.match(e.children('link').attr('href') ?? '', /^https:\/\/samklang\.test\/nettverket\/ideer\//);
      });
      const titles = entries.map((_, e) => $(e).children('title').text()).get();
      assert.ok(titles.includes('Ny idé: Idé to'));
      assert.ok(titles.some((t) => t.startsWith('Oppdatering: ')));
      assert.ok(titles.some((t) => t.startsWith('Nytt tiltak: ')));
    });

    test('ideas and actions as JSON, described in the OpenAPI document, and CSV without any author', async () => {
      type OpenApi = { paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, { schema: object }> }> } }> };
      const openapi = (await app.inject('/api/openapi.json')).json() as OpenApi;
      for (const path of ['/api/v1/network/ideas', '/api/v1/network/actions', '/api/v1/network/ideas.csv', '/api/v1/network/actions.csv']) assert.ok(openapi.paths[path], path);
      // the real responses match the schemas the document gives for them
      const ajv = new Ajv2020.default({ strict: false, allErrors: true });
      addFormats.default(ajv);
      for (const path of ['/api/v1/network/ideas', '/api/v1/network/actions']) {
        const validate = ajv.compile(openapi.paths[path]!.get!.responses['200']!.content!['application/json']!.schema);
        assert.ok(validate((await app.inject(path)).json()), `${path}: ${ajv.errorsText(validate.errors)}`);
      }
      const ideas = (await app.inject('/api/v1/network/ideas?theme=tilgang')).json() as { items: { title: string; action_id: string | null; theme_label: string }[] };
      assert.deepEqual(ideas.items.map((i) => i.title).sort(), ['Idé én', 'Idé to'].sort());
      assert.ok(ideas.items.every((i) => i.action_id === idOf(actionPath) && i.theme_label === 'Tilgang'));
      const actions = (await app.inject('/api/v1/network/actions')).json() as { items: { id: string; idea_ids: string[]; progress: number; status: string }[] };
      assert.deepEqual(actions.items.find((a) => a.id === idOf(actionPath))!.idea_ids.sort(), linkedIdeas.map(idOf).sort());
      const bad = await app.inject('/api/v1/network/ideas?theme=tull');
      assert.equal(bad.statusCode, 400);
      assert.match(bad.headers['content-type'] as string, /application\/problem\+json/);
      const csv = await app.inject('/api/v1/network/ideas.csv');
      assert.match(csv.headers['content-type'] as string, /text\/csv/);
      const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
      assert.equal(lines[0], 'id,tittel,beskrivelse,tema,kilde,arrangement_id,arrangement,tiltak_id,støtter,innsendt,eksempel');
      assert.doesNotMatch(csv.body, /Mona Medlem|Anne Annen|@nettverk\.example/);
      // a title a spreadsheet would run as a formula is written as text
      await submit(member, { ...IDEA, tittel: '=HYPERLINK("https://evil.example")', tema: 'okonomi' });
      const guarded = await app.inject('/api/v1/network/ideas.csv?theme=okonomi');
      assert.match(guarded.body, /"'=HYPERLINK\(""https:\/\/evil\.example""\)"/);
      const actionsCsv = await app.inject('/api/v1/network/actions.csv?sep=;');
      assert.match(actionsCsv.body, /Kurs i Finnmark og Troms/);
      assert.doesNotMatch(actionsCsv.body, /@nettverk\.example/);
    });

    test('a person downloads their ideas, supports and comments; deleting the account keeps the ideas without their author', async () => {
      await anAccount(database.db, { email: 'sletter@nettverk.example', name: 'Siri Sletter' });
      const siri = await as('sletter@nettverk.example');
      const path = await submit(siri, { ...IDEA, tittel: 'Siris idé' });
      await siri.get(path);
      await siri.post(`${path}/stotte`, {});
      await siri.post(`${path}/kommentarer`, { kommentar: 'Siris kommentar' });
      const data = JSON.parse((await siri.get('/konto/mine-data.json')).body) as { networkIdeas: { title: string }[]; networkIdeaSupports: unknown[]; networkIdeaComments: { body: string }[] };
      assert.deepEqual(data.networkIdeas.map((i) => i.title), ['Siris idé']);
      assert.equal(data.networkIdeaSupports.length, 1);
      assert.deepEqual(data.networkIdeaComments.map((c) => c.body), ['Siris kommentar']);
      const confirm = await siri.get('/konto/slett');
      assert.match(confirm.$('#ideer-som-berores').text(), /blir stående, men uten kobling til deg/);
      assert.equal((await siri.post('/konto/slett', { bekreft: 'sletter@nettverk.example' })).status, 200);
      const idea = await database.db.selectFrom('network_idea').select(['author_id']).where('id', '=', idOf(path)).executeTakeFirstOrThrow();
      assert.equal(idea.author_id, null);
      assert.equal(await count(sql`select count(*) as n from network_idea_support where idea_id = ${idOf(path)}`), 0);
      assert.equal(await count(sql`select count(*) as n from network_idea_comment where idea_id = ${idOf(path)}`), 0);
      assert.equal(await count(sql`select count(*) as n from audit_log where replacement_value like '%Siris kommentar%'`), 0, 'no copy of the comment is left in the audit log');
      assert.equal((await new Visitor(app).get(path)).status, 200, 'the idea stays public');
      const privacy = await new Visitor(app).get('/personvern');
      assert.match(privacy.$('section[aria-labelledby="data-ideer"]').text(), /uten kobling til deg/);
    });

    test('unknown and malformed ids are 404, never 500', async () => {
      for (const url of ['/nettverket/ideer/ikke-en-id', `/nettverket/ideer/${newId()}`, '/nettverket/ideer/tiltak/ikke-en-id', `/nettverket/ideer/tiltak/${newId()}`]) {
        assert.equal((await new Visitor(app).get(url)).status, 404, url);
      }
      await secretariat.get('/nettverket/ideer');
      assert.equal((await secretariat.post('/nettverket/ideer/ikke-en-id/skjul', { begrunnelse: 'x' })).status, 404);
      assert.equal((await secretariat.post(`/nettverket/ideer/tiltak/${newId()}/oppdateringer`, { dato: '2027-01-01', tekst: 'x', ny_status: '', arsak: '', ny_fremdrift: '' })).status, 404);
    });
  });
}
