import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { backends, freshDatabase } from '../../helpers/db.ts';
import { assertTaggedPdf, pdfInfo, pdfText } from '../../helpers/pdf.ts';
import { PASSWORD, TestClock, Visitor, anAccount, appOnClock, HOUR } from '../../accounts/client.ts';
import { createCourse } from '../../../src/network/courses/writes.ts';
import { findCourse } from '../../../src/network/courses/queries.ts';
import { aMember, aNetworkOrganization } from './factories.ts';

const DAY = 24 * HOUR;
/** 'YYYY-MM-DD' in Norway, `days` from now. */
const osloDay = (days: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + days * DAY));

for (const backend of backends()) {
  describe(`course runs, attendance and certificates on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const clock = new TestClock();
    let ip = 10;
    const as = async (email: string) => {
      const visitor = new Visitor(app, `10.0.6.${ip++}`);
      const page = await visitor.signIn(email, PASSWORD);
      assert.equal(page.status, 303, `sign-in of ${email}`);
      return visitor;
    };
    let coursePath = '';
    let contact: Visitor;

    before(async () => {
      database = await freshDatabase(backend.name);
      app = await appOnClock(database.db, clock, { PUBLIC_URL: 'https://samklang.test' });
      const org = await aNetworkOrganization(database.db, 'Kompetansesenteret');
      const other = await aNetworkOrganization(database.db, 'Annen organisasjon');
      await aMember(database.db, 'kontakt@kompetanse.example', org, 'member_contact', 'Kari Kontakt');
      await aMember(database.db, 'kontakt@annen.example', other, 'member_contact');
      await anAccount(database.db, { email: 'admin@nettverk.example', admin: true });
      for (const [email, name] of [['anne@example.no', 'Anne Ås'], ['bjorn@example.no', 'Bjørn Berg'], ['cecilie@example.no', 'Cecilie Dahl'], ['david@example.no', 'David Eng']] as const) await anAccount(database.db, { email, name });
      await anAccount(database.db, { email: 'utennavn@example.no' });
      const slug = await createCourse(database.db, {
        title: 'Erfaringskompetanse og musikk', summary: '', audiences: ['erfaringskonsulenter'], learningGoals: '', format: 'digitalt',
        lengthHours: 12, organizationId: org, status: 'published',
      }, 'system');
      coursePath = `/nettverket/kurs/${slug}`;
      contact = await as('kontakt@kompetanse.example');
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    const RUN = () => ({ startdato: osloDay(10), starttid: '09:00', sluttdato: osloDay(11), slutttid: '15:30', sted: 'Møterom 1', lenke: '', plasser: '2', frist: '', tilgjengelighet: 'Trinnfri adkomst', status: 'published' });
    const newRun = async (values: Record<string, string> = {}) => {
      await contact.get(`${coursePath}/kursrunder/ny`);
      return contact.post(`${coursePath}/kursrunder/ny`, { ...RUN(), ...values });
    };

    test('the organisation\'s member contact creates a run; others may not', async () => {
      const created = await newRun();
      assert.equal(created.status, 303);
      assert.match(created.location!, /^\/nettverket\/kurs\/kursrunder\/[0-9a-f-]{36}$/);
      const row = await database.db.selectFrom('network_event').select(['kind', 'course_id', 'title', 'capacity']).where('id', '=', created.location!.split('/').pop()!).executeTakeFirstOrThrow();
      assert.equal(row.kind, 'course_run');
      assert.equal(row.capacity, 2);
      const course = await new Visitor(app).get(coursePath);
      assert.match(course.$('#runs-heading').parent().text(), /2 av 2 ledige/);
      for (const email of ['kontakt@annen.example', 'anne@example.no']) {
        const other = await as(email);
        assert.equal((await other.get(`${coursePath}/kursrunder/ny`)).status, 403, email);
        assert.equal((await other.post(`${coursePath}/kursrunder/ny`, RUN())).status, 403, email);
      }
      assert.equal((await new Visitor(app).get(`${coursePath}/kursrunder/ny`)).status, 401);
    });

    test('impossible dates and other bad input are named beside their fields, and everything typed is kept', async () => {
      const page = await newRun({ startdato: '2027-02-30', plasser: '0', lenke: 'http://usikker.example' });
      assert.equal(page.status, 400);
      assert.match(page.$('#startdato-error').text(), /dato som finnes/);
      assert.match(page.$('#plasser-error').text(), /helt tall/);
      assert.match(page.$('#lenke-error').text(), /https:\/\//);
      assert.equal(page.$('#startdato').val(), '2027-02-30');
      assert.equal(page.$('#sted').val(), 'Møterom 1');
      const backwards = await newRun({ sluttdato: osloDay(9) });
      assert.match(backwards.$('#sluttdato-error').text(), /slutte før den starter/);
      const late = await newRun({ frist: osloDay(12) });
      assert.match(late.$('#frist-error').text(), /før kursrunden starter/);
      assert.equal(late.$('#frist').val(), osloDay(12));
    });

    let runPath = '';
    test('sign-up: places first, then the waiting list; a cancelled place goes to the first waiting', async () => {
      runPath = (await newRun()).location!;
      const anonymous = new Visitor(app);
      const anonymousPage = await anonymous.get(runPath);
      await anonymous.get('/logg-inn'); // a form token, as a forged form would carry
      assert.equal((await anonymous.post(`${runPath}/pamelding`, {})).status, 401);
      assert.match(anonymousPage.$('#registration-heading').parent().text(), /Logg inn for å melde deg på/);

      const anne = await as('anne@example.no');
      await anne.get(runPath);
      const registered = await anne.post(`${runPath}/pamelding`, {});
      assert.equal(registered.status, 303);
      assert.match((await anne.get(registered.location!)).$('main').text(), /Du er påmeldt kursrunden/);
      const bjorn = await as('bjorn@example.no');
      await bjorn.get(runPath);
      await bjorn.post(`${runPath}/pamelding`, {});
      const cecilie = await as('cecilie@example.no');
      await cecilie.get(runPath);
      const waiting = await cecilie.post(`${runPath}/pamelding`, {});
      assert.match(waiting.location!, /melding=venteliste/);
      assert.match((await cecilie.get(runPath)).$('main').text(), /venteliste som nummer 1/);
      // signing up twice changes nothing
      await anne.get(runPath);
      await anne.post(`${runPath}/pamelding`, {});
      const statuses = async () => (await database.db.selectFrom('network_registration as r').innerJoin('app_user as u', 'u.id', 'r.user_id')
        .select(['u.email', 'r.status']).where('r.event_id', '=', runPath.split('/').pop()!).orderBy('u.email').execute()).map((r) => `${r.email}:${r.status}`);
      assert.deepEqual(await statuses(), ['anne@example.no:registered', 'bjorn@example.no:registered', 'cecilie@example.no:waiting']);

      await bjorn.get(runPath);
      assert.equal((await bjorn.post(`${runPath}/avmelding`, {})).status, 303);
      assert.deepEqual(await statuses(), ['anne@example.no:registered', 'bjorn@example.no:cancelled', 'cecilie@example.no:registered']);
      // the organiser sees the list; a participant does not
      assert.match((await contact.get(runPath)).$('#participants-heading').parent().text(), /Anne Ås/);
      assert.equal((await anne.get(runPath)).$('#participants-heading').length, 0);
    });

    test('parallel sign-ups never overbook a run', async () => {
      const run = (await newRun({ plasser: '3' })).location!;
      const emails = Array.from({ length: 8 }, (_, i) => `samtidig${i}@example.no`);
      const visitors = [];
      for (const email of emails) {
        await anAccount(database.db, { email });
        const visitor = await as(email);
        await visitor.get(run);
        visitors.push(visitor);
      }
      const answers = await Promise.all(visitors.map((v) => v.post(`${run}/pamelding`, {})));
      assert.ok(answers.every((a) => a.status === 303));
      const rows = await database.db.selectFrom('network_registration').select('status').where('event_id', '=', run.split('/').pop()!).execute();
      assert.equal(rows.filter((r) => r.status === 'registered').length, 3);
      assert.equal(rows.filter((r) => r.status === 'waiting').length, 5);
    });

    test('attendance: only the organiser, only once the run has started, completion only for those who came', async () => {
      await contact.get(runPath);
      const ids = await database.db.selectFrom('network_registration as r').innerJoin('app_user as u', 'u.id', 'r.user_id').select(['r.id', 'u.email'])
        .where('r.event_id', '=', runPath.split('/').pop()!).where('r.status', '=', 'registered').orderBy('u.email').execute();
      const [anne, cecilie] = [ids[0]!.id, ids[1]!.id];
      const early = await contact.post(`${runPath}/oppmote`, { [`oppmote-${anne}`]: 'attended' });
      assert.equal(early.status, 400);
      assert.match(early.$('.ds-error-summary').text(), /når kursrunden har startet/);

      clock.set(11 * DAY);
      // sessions end after two idle hours on the app's clock: sign in again
      contact = await as('kontakt@kompetanse.example');
      const participant = await as('anne@example.no');
      await participant.get(runPath);
      assert.equal((await participant.post(`${runPath}/oppmote`, { [`oppmote-${anne}`]: 'attended', [`fullfort-${anne}`]: 'ja' })).status, 403);

      await contact.get(runPath);
      const wrong = await contact.post(`${runPath}/oppmote`, { [`oppmote-${anne}`]: 'attended', [`fullfort-${anne}`]: 'ja', [`oppmote-${cecilie}`]: 'absent', [`fullfort-${cecilie}`]: 'ja' });
      assert.equal(wrong.status, 400);
      assert.match(wrong.$(`#fullfort-${cecilie}-error`).text(), /Cecilie Dahl kan ikke ha fullført uten å ha møtt/);
      assert.ok(wrong.$(`#oppmote-${cecilie}-absent`).is('[checked]'), 'the marks as typed come back');
      assert.ok(wrong.$(`#fullfort-${anne}`).is('[checked]'));

      const saved = await contact.post(`${runPath}/oppmote`, { [`oppmote-${anne}`]: 'attended', [`fullfort-${anne}`]: 'ja', [`oppmote-${cecilie}`]: 'absent' });
      assert.equal(saved.status, 303);
      const page = await contact.get(saved.location!);
      assert.match(page.$('main').text(), /Fullført .* registrert av Kari Kontakt/);
      const audit = await database.db.selectFrom('audit_log').select(['field_name', 'replacement_value']).where('resource_id', '=', anne).where('resource_type', '=', 'network_course_participation').execute();
      assert.deepEqual(audit.map((a) => `${a.field_name}=${a.replacement_value}`).sort(), ['attendance=attended', 'completed=true']);
    });

    let code = '';
    test('a completed participant downloads a certificate PDF with name, course, dates, length, organisation and a code', async () => {
      const anne = await as('anne@example.no');
      const mine = await anne.get('/nettverket/kurs/mine');
      const link = mine.$('a[href$="kursbevis.pdf"]').attr('href')!;
      assert.ok(link, 'the own page offers the certificate');
      assert.match(mine.$('main').text(), /Fullført/);
      const response = await app.inject({ method: 'GET', url: link, headers: { cookie: anne.cookieHeader } });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'application/pdf');
      assert.match(String(response.headers['content-disposition']), /attachment; filename="kursbevis.pdf"/);
      const text = pdfText(response.rawPayload, { layout: true });
      assert.match(text, /Kursbevis/);
      assert.match(text, /Anne Ås/);
      assert.match(text, /Erfaringskompetanse og musikk/);
      assert.match(text, /12 timer/);
      assert.match(text, /Kompetansesenteret/);
      assert.match(text, /09:00/);
      code = /Kontrollkode: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(text)?.[1] ?? '';
      assert.ok(code, 'the code is printed');
      assert.match(text, new RegExp(`https://samklang.test/nettverket/kurs/bevis/${code}`));
      const info = pdfInfo(response.rawPayload);
      assert.match(info, /Title:\s+Kursbevis: Erfaringskompetanse og musikk/);
      const structure = assertTaggedPdf(response.rawPayload, { language: 'nb-NO' });
      assert.match(structure, /^ {2}H2 \(block\)\n {4}"Anne Ås"/m, 'the participant\'s name is a heading');
      // a second download is the same certificate
      const again = pdfText((await app.inject({ method: 'GET', url: link, headers: { cookie: anne.cookieHeader } })).rawPayload, { layout: true });
      assert.match(again, new RegExp(code));

      // nobody else gets it: not the organiser, not another participant
      for (const email of ['kontakt@kompetanse.example', 'cecilie@example.no']) {
        const other = await as(email);
        assert.equal((await other.get(link)).status, 404, email);
      }
      const cecilie = await as('cecilie@example.no');
      assert.equal((await cecilie.get('/nettverket/kurs/mine')).$('a[href$="kursbevis.pdf"]').length, 0, 'absent: no certificate');
    });

    test('the public check says a certificate is genuine, showing only name, course and run', async () => {
      const page = await new Visitor(app).get(`/nettverket/kurs/bevis/${code}`);
      assert.equal(page.status, 200);
      assert.equal(page.$('h1').text(), 'Kursbeviset er ekte');
      assert.match(page.$('dl.facts').text(), /Anne Ås/);
      assert.match(page.$('dl.facts').text(), /Erfaringskompetanse og musikk/);
      assert.doesNotMatch(page.body, /anne@example\.no/);
      const typed = await new Visitor(app).get(`/nettverket/kurs/bevis?kode=${encodeURIComponent(` ${code.toLowerCase().replace(/-/g, '')} `)}`);
      assert.equal(typed.status, 303);
      assert.equal(typed.location, `/nettverket/kurs/bevis/${code}`);
      const unknown = await new Visitor(app).get('/nettverket/kurs/bevis/AAAA-BBBB-CCCC');
      assert.equal(unknown.status, 404);
      assert.equal(unknown.$('h1').text(), 'Fant ikke kursbeviset');
      const bad = await new Visitor(app).get('/nettverket/kurs/bevis?kode=123');
      assert.equal(bad.status, 400);
      assert.match(bad.$('#kode-error').text(), /tolv bokstaver og tall/);
      assert.equal(bad.$('#kode').val(), '123');
    });

    test('a participant without a name is asked for one before a certificate is made', async () => {
      const run = (await newRun({ startdato: osloDay(12), sluttdato: osloDay(12) })).location!;
      const nameless = await as('utennavn@example.no');
      await nameless.get(run);
      await nameless.post(`${run}/pamelding`, {});
      const registration = await database.db.selectFrom('network_registration as r').innerJoin('app_user as u', 'u.id', 'r.user_id').select('r.id')
        .where('u.email', '=', 'utennavn@example.no').executeTakeFirstOrThrow();
      clock.set(13 * DAY);
      contact = await as('kontakt@kompetanse.example');
      const nameless2 = await as('utennavn@example.no');
      await contact.get(run);
      assert.equal((await contact.post(`${run}/oppmote`, { [`oppmote-${registration.id}`]: 'attended', [`fullfort-${registration.id}`]: 'ja' })).status, 303);
      const mine = await nameless2.get('/nettverket/kurs/mine');
      assert.equal(mine.$('a[href="/konto/navn"]').length, 1);
      const asked = await nameless2.get(`/nettverket/kurs/mine/${registration.id}/kursbevis.pdf`);
      assert.equal(asked.status, 409);
      assert.match(asked.$('main').text(), /navnet ditt/);
      assert.equal((await database.db.selectFrom('network_course_certificate').select('id').where('registration_id', '=', registration.id).execute()).length, 0);
    });

    test('privacy: the data download holds attendance, completion and the certificate; deletion removes them and the code no longer verifies', async () => {
      const anne = await as('anne@example.no');
      const data = JSON.parse((await anne.get('/konto/mine-data.json')).body) as { networkCourses: { course: string; attendance: string; completedAt: string; certificate: { code: string; name: string } | null }[] };
      const entry = data.networkCourses.find((c) => c.certificate);
      assert.equal(entry?.course, 'Erfaringskompetanse og musikk');
      assert.equal(entry?.attendance, 'attended');
      assert.ok(entry?.completedAt);
      assert.deepEqual(entry?.certificate && { code: entry.certificate.code, name: entry.certificate.name }, { code, name: 'Anne Ås' });

      const confirm = await anne.get('/konto/slett');
      assert.match(confirm.$('main').text(), /Kontrollkoden på et nedlastet kursbevis virker ikke lenger/);
      assert.equal((await anne.post('/konto/slett', { bekreft: 'anne@example.no' })).status, 200);
      assert.equal((await database.db.selectFrom('network_course_certificate').select('id').where('code', '=', code).execute()).length, 0);
      const check = await new Visitor(app).get(`/nettverket/kurs/bevis/${code}`);
      assert.equal(check.status, 404);
      assert.doesNotMatch(check.body, /Anne Ås/);
    });
  });
}
