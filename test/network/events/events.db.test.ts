import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { backends, freshDatabase } from '../../helpers/db.ts';
import { HOUR, PASSWORD, TestClock, Visitor, anAccount, appOnClock, lastMailTo, pathOf } from '../../accounts/client.ts';
import { DAY, aMember, anEvent, anOrganisation, statuses } from './helpers.ts';

const EVENT_FORM = {
  kind: 'nettverksmote', title: 'Nettverksmøte i mars', purpose: 'Planlegge året.', startDate: '4.3.2031', startTime: '10:00', endDate: '',
  endTime: '14:00', place: 'Møterom 2, Bergen', onlineUrl: '', organizerId: '', capacity: '12', deadlineDate: '2031-03-01', deadlineTime: '',
  accessibility: 'Heis og teleslynge.', agenda: '10:00–10:30 Velkommen\n10:30-12:00 Gruppearbeid\n13:00 Oppsummering', status: 'published',
};

for (const backend of backends()) {
  describe(`network events on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const clock = new TestClock();
    let organiserOrg: string;
    let otherOrg: string;

    before(async () => {
      database = await freshDatabase(backend.name);
      app = await appOnClock(database.db, clock);
      const db = database.db;
      await anAccount(db, { email: 'admin@nettverket.no', name: 'Ada Admin', admin: true });
      await anAccount(db, { email: 'utenfor@example.no', name: 'Ulla Utenfor' });
      organiserOrg = await anOrganisation(db, 'arrangor');
      otherOrg = await anOrganisation(db, 'annen');
      const secretariatOrg = await anOrganisation(db, 'sekretariatet');
      await aMember(db, 'koordinator@nettverket.no', secretariatOrg, 'coordinator', 'Kari Koordinator');
      await aMember(db, 'kontakt@arrangor.no', organiserOrg, 'member_contact', 'Kjell Kontakt');
      await aMember(db, 'kontakt@annen.no', otherOrg, 'member_contact', 'Anne Annen');
      await aMember(db, 'deltaker@annen.no', otherOrg, 'participant', 'Dag Deltaker');
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    const signedIn = async (email: string) => {
      const visitor = new Visitor(app);
      const page = await visitor.signIn(email, PASSWORD);
      assert.equal(page.status, 303, `sign-in of ${email}`);
      // a page with a form after sign-in: the session's CSRF token
      await visitor.get('/nettverket/arrangementer');
      return visitor;
    };

    test('only the secretariat creates events: the public is asked to sign in, others are refused', async () => {
      assert.equal((await new Visitor(app).get('/nettverket/arrangementer/nytt')).status, 401);
      assert.equal((await (await signedIn('kontakt@arrangor.no')).get('/nettverket/arrangementer/nytt')).status, 403);
      const coordinator = await signedIn('koordinator@nettverket.no');
      assert.equal((await coordinator.get('/nettverket/arrangementer/nytt')).status, 200);
      const saved = await coordinator.post('/nettverket/arrangementer/nytt', EVENT_FORM);
      assert.equal(saved.status, 303);
      const page = await coordinator.get(saved.location!);
      assert.equal(page.status, 200);
      assert.equal(page.$('h1').text(), 'Nettverksmøte i mars');
      assert.match(page.$('.facts').text(), /4\. mars 2031 kl\. 10:00–14:00/);
      assert.deepEqual(page.$('main table tbody tr').map((_, el) => page.$(el).text()).get(), ['10:00–10:30Velkommen', '10:30–12:00Gruppearbeid', '13:00Oppsummering']);
      const row = await database.db.selectFrom('network_event').select(['starts_at', 'registration_deadline', 'capacity']).where('title', '=', 'Nettverksmøte i mars').executeTakeFirstOrThrow();
      assert.equal(row.starts_at.toISOString(), '2031-03-04T09:00:00.000Z', 'Norwegian winter time is UTC+1');
      assert.equal(row.registration_deadline?.toISOString(), '2031-03-01T22:59:00.000Z', 'a deadline without a time is the end of that day');
      const audit = await database.db.selectFrom('audit_log').select('field_name').where('resource_type', '=', 'network_event').where('last_action_type', '=', 'create').execute();
      assert.ok(audit.some((a) => a.field_name === 'title'));
    });

    test('editing: more places move the waiting list up; cancelling the event mails everyone who had a place or waited', async () => {
      const db = database.db;
      const coordinator = await signedIn('koordinator@nettverket.no');
      await coordinator.post('/nettverket/arrangementer/nytt', { ...EVENT_FORM, title: 'Møte som endres', capacity: '1' });
      const { id } = await db.selectFrom('network_event').select('id').where('title', '=', 'Møte som endres').executeTakeFirstOrThrow();
      for (const email of ['deltaker@annen.no', 'kontakt@annen.no']) await (await signedIn(email)).post(`/nettverket/arrangementer/${id}/pamelding`, {});
      assert.deepEqual(await statuses(db, id), { registered: 1, waiting: 1 });
      const form = await coordinator.get(`/nettverket/arrangementer/${id}/endre`);
      assert.equal(form.$('#startDate').val(), '04.03.2031');
      assert.equal(form.$('#endDate').val(), '', 'the same day as the start');
      assert.equal(form.$('#agenda').text(), '10:00–10:30 Velkommen\n10:30–12:00 Gruppearbeid\n13:00 Oppsummering');
      assert.equal((await coordinator.post(`/nettverket/arrangementer/${id}/endre`, { ...EVENT_FORM, title: 'Møte som endres', capacity: '2' })).status, 303);
      assert.deepEqual(await statuses(db, id), { registered: 2 });
      assert.match((await lastMailTo(db, 'kontakt@annen.no')).subject, /Du har fått plass/);
      assert.equal((await coordinator.post(`/nettverket/arrangementer/${id}/endre`, { ...EVENT_FORM, title: 'Møte som endres', capacity: '2', status: 'cancelled' })).status, 303);
      assert.match((await lastMailTo(db, 'deltaker@annen.no')).subject, /^Avlyst: Møte som endres/);
      const audit = await db.selectFrom('audit_log').select(['field_name', 'previous_value', 'replacement_value']).where('resource_id', '=', id).where('last_action_type', '=', 'update').execute();
      assert.ok(audit.some((a) => a.field_name === 'capacity' && a.previous_value === '1' && a.replacement_value === '2'));
      assert.ok(audit.some((a) => a.field_name === 'status' && a.replacement_value === 'cancelled'));
    });

    test('impossible dates and other bad input get Norwegian errors beside the fields, with everything typed kept', async () => {
      const coordinator = await signedIn('koordinator@nettverket.no');
      await coordinator.get('/nettverket/arrangementer/nytt');
      const bad = { ...EVENT_FORM, title: 'Beholdt tittel', startDate: '2026-02-30', endTime: '25:00', onlineUrl: 'http://usikker.example', capacity: '-3', agenda: '10:00 Ok\nuten tid', deadlineDate: '2031-13-01' };
      const page = await coordinator.post('/nettverket/arrangementer/nytt', bad);
      assert.equal(page.status, 400);
      assert.match(page.$('title').text(), /^Feil:/);
      assert.match(page.$('#startDate-error').text(), /Datoen 2026-02-30 finnes ikke/);
      assert.match(page.$('#endTime-error').text(), /tt:mm/);
      assert.match(page.$('#onlineUrl-error').text(), /https:\/\//);
      assert.match(page.$('#capacity-error').text(), /helt tall/);
      assert.match(page.$('#deadlineDate-error').text(), /finnes ikke/);
      assert.ok(page.$('.ds-error-summary a[href="#startDate"]').length === 1 || page.$('a[href="#startDate"]').length === 1);
      assert.equal(page.$('#title').val(), 'Beholdt tittel');
      assert.equal(page.$('#agenda').text(), '10:00 Ok\nuten tid');
      assert.equal(page.$('#startDate').val(), '2026-02-30');
      // end before start, and an agenda item outside the event
      const later = await coordinator.post('/nettverket/arrangementer/nytt', { ...EVENT_FORM, endTime: '09:00', agenda: '08:00 For tidlig' });
      assert.equal(later.status, 400);
      assert.match(later.$('#endTime-error').text(), /slutte før/);
      // a summer-time gap: 02:30 on the last Sunday of March 2031 does not exist in Norway
      const gap = await coordinator.post('/nettverket/arrangementer/nytt', { ...EVENT_FORM, startDate: '2031-03-30', startTime: '02:30', endTime: '04:00', deadlineDate: '' });
      assert.equal(gap.status, 400);
      assert.match(gap.$('#startTime-error').text(), /finnes ikke/);
      // a body that is not even strings is refused as a page, not a 500
      const weird = await coordinator.post('/nettverket/arrangementer/nytt', { ...EVENT_FORM, title: ['a', 'b'] });
      assert.equal(weird.status, 400);
    });

    test('the list shows upcoming and past events; drafts only to the secretariat; unknown ids are 404', async () => {
      const db = database.db;
      const draft = await anEvent(db, { title: 'Hemmelig utkast', status: 'draft' });
      await anEvent(db, { title: 'Gammelt seminar', daysAhead: -40 });
      const list = await new Visitor(app).get('/nettverket/arrangementer');
      assert.equal(list.status, 200);
      assert.match(list.$('section[aria-labelledby=past-heading]').text(), /Gammelt seminar/);
      assert.doesNotMatch(list.body, /Hemmelig utkast/);
      assert.equal((await new Visitor(app).get(`/nettverket/arrangementer/${draft}`)).status, 404);
      assert.equal((await new Visitor(app).get('/nettverket/arrangementer/ikke-en-id')).status, 404);
      const coordinator = await signedIn('koordinator@nettverket.no');
      assert.match((await coordinator.get('/nettverket/arrangementer')).body, /Hemmelig utkast/);
      assert.equal((await coordinator.get(`/nettverket/arrangementer/${draft}`)).status, 200);
    });

    test('a signed-in person registers in one step with needs, sees the status, and cancels; the form works without script', async () => {
      const db = database.db;
      const eventId = await anEvent(db, { capacity: 1, title: 'Lite seminar' });
      const ulla = await signedIn('utenfor@example.no');
      const page = await ulla.get(`/nettverket/arrangementer/${eventId}`);
      assert.equal(page.$('form[action$="/pamelding"] input[name=email]').length, 0, 'no address asked of an account');
      const done = await ulla.post(`/nettverket/arrangementer/${eventId}/pamelding`, { needs_dietary: 'Vegetar', needs_accessibility: '', needs_interpretation: '', needs_other: '' });
      assert.equal(done.status, 303);
      const after = await ulla.get(done.location!);
      assert.match(after.$('[role=status]').text(), /Du er påmeldt/);
      assert.match(after.$('.registration').text(), /Du er påmeldt\./);
      assert.equal(after.$('#needs_dietary').val(), 'Vegetar');
      assert.match((await lastMailTo(db, 'utenfor@example.no')).subject, /Du er påmeldt: Lite seminar/);
      // the next one waits
      const dag = await signedIn('deltaker@annen.no');
      const waiting = await dag.post(`/nettverket/arrangementer/${eventId}/pamelding`, {});
      assert.match((await dag.get(waiting.location!)).$('[role=status]').text(), /ventelisten/);
      // Ulla cancels: Dag gets the place
      const cancelled = await ulla.post(`/nettverket/arrangementer/${eventId}/avmelding`, {});
      assert.equal(cancelled.status, 303);
      assert.deepEqual(await statuses(db, eventId), { registered: 1, cancelled: 1 });
      assert.match((await lastMailTo(db, 'deltaker@annen.no')).subject, /Du har fått plass/);
    });

    test('a guest registers by name and address, confirms through the link (asked first), and cancels through the link in the mail', async () => {
      const db = database.db;
      const eventId = await anEvent(db, { title: 'Åpent seminar' });
      const guest = new Visitor(app);
      await guest.get(`/nettverket/arrangementer/${eventId}`);
      const missing = await guest.post(`/nettverket/arrangementer/${eventId}/pamelding`, { name: 'Gunn Gjest', email: 'ikke-en-adresse', needs_interpretation: 'Tegnspråktolk' });
      assert.equal(missing.status, 400);
      assert.match(missing.$('#email-error').text(), /gyldig e-postadresse/);
      assert.equal(missing.$('#name').val(), 'Gunn Gjest');
      assert.equal(missing.$('#needs_interpretation').val(), 'Tegnspråktolk');
      const sent = await guest.post(`/nettverket/arrangementer/${eventId}/pamelding`, { name: 'Gunn Gjest', email: 'gunn@example.no', needs_interpretation: 'Tegnspråktolk' });
      assert.equal(sent.status, 303);
      assert.match((await guest.get(sent.location!)).$('[role=status]').text(), /Sjekk e-posten/);
      assert.deepEqual(await statuses(db, eventId), { unconfirmed: 1 });
      const link = pathOf((await lastMailTo(db, 'gunn@example.no')).link!);
      const ask = await guest.get(link);
      assert.equal(ask.status, 200);
      assert.deepEqual(await statuses(db, eventId), { unconfirmed: 1 }, 'opening the link alone confirms nothing');
      const confirmed = await guest.post(link, {});
      assert.equal(confirmed.status, 200);
      assert.match(confirmed.$('main').text(), /Du er påmeldt «Åpent seminar»/);
      assert.deepEqual(await statuses(db, eventId), { registered: 1 });
      const cancelLink = pathOf((await lastMailTo(db, 'gunn@example.no')).body.match(/https?:\/\/\S+\/avmeld\/\S+/)![0]);
      assert.equal((await guest.get(cancelLink)).status, 200);
      const gone = await guest.post(cancelLink, {});
      assert.equal(gone.status, 200);
      assert.deepEqual(await statuses(db, eventId), {});
      assert.equal((await guest.get(cancelLink)).status, 404, 'the link stops working with the registration');
      assert.equal((await guest.get('/nettverket/pamelding/bekreft/kort')).status, 404);
    });

    test('after the deadline the page says so, and a registration is refused with 409, not lost silently', async () => {
      const db = database.db;
      const eventId = await anEvent(db, { registrationDeadline: new Date(Date.now() + DAY) });
      clock.set(2 * DAY);
      try {
        const guest = new Visitor(app);
        await guest.get('/logg-inn');
        const page = await guest.get(`/nettverket/arrangementer/${eventId}`);
        assert.match(page.$('.registration').text(), /Påmeldingsfristen er ute/);
        assert.equal(page.$('form[action$="/pamelding"]').length, 0);
        const refused = await guest.post(`/nettverket/arrangementer/${eventId}/pamelding`, { name: 'Sen Gjest', email: 'sen@example.no' });
        assert.equal(refused.status, 409);
        assert.match(refused.$('[role=alert]').text(), /fristen er ute/);
      } finally {
        clock.set(0);
      }
    });

    test('the participant list: names for network members only, needs and addresses only for the organisers', async () => {
      const db = database.db;
      const eventId = await anEvent(db, { organizerId: organiserOrg, title: 'Seminar med behov' });
      const ulla = await signedIn('utenfor@example.no');
      await ulla.get(`/nettverket/arrangementer/${eventId}`);
      await ulla.post(`/nettverket/arrangementer/${eventId}/pamelding`, { needs_dietary: 'Glutenfri', needs_accessibility: 'Rullestol' });
      const url = `/nettverket/arrangementer/${eventId}/deltakere`;
      assert.equal((await new Visitor(app).get(url)).status, 401);
      assert.equal((await ulla.get(url)).status, 403, 'not a network member');
      for (const email of ['deltaker@annen.no', 'kontakt@annen.no']) {
        const member = await (await signedIn(email)).get(url);
        assert.equal(member.status, 200, email);
        assert.match(member.$('main table').first().text(), /Ulla Utenfor/);
        assert.doesNotMatch(member.body, /Glutenfri|Rullestol|utenfor@example\.no/, `${email} sees no needs or addresses`);
      }
      for (const email of ['kontakt@arrangor.no', 'koordinator@nettverket.no', 'admin@nettverket.no']) {
        const organiser = await (await signedIn(email)).get(url);
        assert.equal(organiser.status, 200, email);
        assert.match(organiser.$('#organiser-heading').parent().text(), /Glutenfri/);
        assert.match(organiser.body, /utenfor@example\.no/);
      }
      // the event page itself never shows others' needs
      assert.doesNotMatch((await new Visitor(app).get(`/nettverket/arrangementer/${eventId}`)).body, /Glutenfri/);
    });

    test('iCalendar: one event and the feed, valid lines, Europe/Oslo times with their VTIMEZONE', async () => {
      const db = database.db;
      const startsAt = new Date('2031-06-10T07:30:00Z'); // 09:30 summer time in Norway
      const eventId = await anEvent(db, { title: 'Sommerseminar, med komma; og semikolon', startsAt, endsAt: new Date('2031-06-10T13:00:00Z'), agenda: [{ startsAt, endsAt: null, title: 'Start' }] });
      await anEvent(db, { title: 'Upublisert', status: 'draft' });
      const one = await app.inject({ method: 'GET', url: `/nettverket/arrangementer/${eventId}/kalender.ics` });
      assert.equal(one.statusCode, 200);
      assert.match(one.headers['content-type'] as string, /^text\/calendar/);
      const lines = one.body.split('\r\n');
      assert.equal(lines[0], 'BEGIN:VCALENDAR');
      assert.equal(lines.filter(Boolean).at(-1), 'END:VCALENDAR');
      assert.ok(lines.every((line) => Buffer.byteLength(line) <= 75), 'folded at 75 octets');
      assert.ok(!/[^\r]\n/.test(one.body), 'every line ends in CRLF');
      assert.ok(lines.includes('TZID:Europe/Oslo'));
      assert.ok(lines.includes('DTSTART;TZID=Europe/Oslo:20310610T093000'));
      assert.ok(lines.includes('DTEND;TZID=Europe/Oslo:20310610T150000'));
      const unfolded = one.body.replace(/\r\n /g, '');
      assert.match(unfolded, /SUMMARY:Sommerseminar\\, med komma\\; og semikolon/);
      assert.match(unfolded, new RegExp(`UID:${eventId}@samklang`));
      const begins = lines.filter((l) => l.startsWith('BEGIN:')).length;
      assert.equal(begins, lines.filter((l) => l.startsWith('END:')).length);
      const feed = await app.inject({ method: 'GET', url: '/nettverket/arrangementer.ics' });
      assert.equal(feed.statusCode, 200);
      assert.match(feed.body, /Sommerseminar/);
      assert.doesNotMatch(feed.body, /Upublisert/);
      assert.doesNotMatch(feed.body, /Gammelt seminar/);
    });

    test('a reminder goes once per registration, two days before, found by moving the clock', async () => {
      const db = database.db;
      const eventId = await anEvent(db, { daysAhead: 5, title: 'Seminar med påminnelse' });
      const userId = await anAccount(db, { email: 'paminnet@example.no', name: 'Per Påminnet' });
      const { register } = await import('../../../src/network/events/registration.ts');
      await register(db, { publicUrl: 'http://x', now: new Date() }, eventId, { kind: 'account', userId });
      const job = app.jobs.list().find((j) => j.kind === 'network:event-reminders')!;
      const reminders = async () => (await db.selectFrom('mail_outbox').select('id').where('to_address', '=', 'paminnet@example.no').where('subject', 'like', 'Påminnelse%').execute()).length;
      await job.run();
      assert.equal(await reminders(), 0, 'five days ahead: too early');
      clock.set(4 * DAY);
      try {
        await job.run();
        assert.equal(await reminders(), 1);
        await job.run();
        assert.equal(await reminders(), 1, 'once only');
      } finally {
        clock.set(0);
      }
    });

    test('minutes after the event: organisers preview, save versions, see the history and a diff; not before the event, not others', async () => {
      const db = database.db;
      const past = await anEvent(db, { daysAhead: -2, organizerId: organiserOrg, title: 'Seminar som var' });
      const future = await anEvent(db, { organizerId: organiserOrg });
      const kjell = await signedIn('kontakt@arrangor.no');
      assert.equal((await kjell.get(`/nettverket/arrangementer/${future}/referat`)).status, 409);
      assert.equal((await (await signedIn('kontakt@annen.no')).get(`/nettverket/arrangementer/${past}/referat`)).status, 403);
      assert.equal((await new Visitor(app).get(`/nettverket/arrangementer/${past}/referat`)).status, 401);
      await kjell.get(`/nettverket/arrangementer/${past}/referat`);
      const preview = await kjell.post(`/nettverket/arrangementer/${past}/referat`, { body: '## Hva vi gjorde\n\nVi jobbet i grupper.', note: '', handling: 'forhandsvis' });
      assert.equal(preview.status, 200);
      assert.equal(preview.$('.preview .handbook-body h2').text(), 'Hva vi gjorde');
      const h1 = await kjell.post(`/nettverket/arrangementer/${past}/referat`, { body: '# Stor tittel', note: '', handling: 'lagre' });
      assert.equal(h1.status, 400);
      assert.equal(h1.$('#body').text(), '# Stor tittel');
      assert.equal((await kjell.post(`/nettverket/arrangementer/${past}/referat`, { body: '## Hva vi gjorde\n\nVi jobbet i grupper.', note: 'Første utkast', handling: 'lagre' })).status, 303);
      assert.equal((await kjell.post(`/nettverket/arrangementer/${past}/referat`, { body: '## Hva vi gjorde\n\nVi jobbet i tre grupper.', note: '', handling: 'lagre' })).status, 303);
      const page = await new Visitor(app).get(`/nettverket/arrangementer/${past}`);
      assert.match(page.$('section[aria-labelledby=minutes-heading]').text(), /Vi jobbet i tre grupper/);
      const history = await kjell.get(`/nettverket/arrangementer/${past}/referat/historikk`);
      assert.match(history.$('main table').text(), /Kjell Kontakt/);
      const diff = await kjell.get(`/nettverket/arrangementer/${past}/referat/historikk/2`);
      assert.match(diff.$('.diff ins').text(), /tre grupper/);
      assert.match(diff.$('.diff del').text(), /i grupper/);
    });

    test('download and deletion: registrations are in the data; deleting the account gives its place to the waiting list', async () => {
      const db = database.db;
      const eventId = await anEvent(db, { capacity: 1, title: 'Fullt seminar' });
      await anAccount(db, { email: 'sletter@example.no', name: 'Siri Sletter' });
      const siri = await signedIn('sletter@example.no');
      await siri.get(`/nettverket/arrangementer/${eventId}`);
      await siri.post(`/nettverket/arrangementer/${eventId}/pamelding`, { needs_dietary: 'Laktosefri' });
      const dag = await signedIn('deltaker@annen.no');
      await dag.post(`/nettverket/arrangementer/${eventId}/pamelding`, {});
      const data = JSON.parse((await siri.get('/konto/mine-data.json')).body) as { eventRegistrations: { event: string; needs_dietary: string }[] };
      assert.deepEqual(data.eventRegistrations.map((r) => [r.event, r.needs_dietary]), [['Fullt seminar', 'Laktosefri']]);
      const confirm = await siri.get('/konto/slett');
      assert.match(confirm.$('main').text(), /Fullt seminar/);
      const deleted = await siri.post('/konto/slett', { bekreft: 'sletter@example.no' });
      assert.equal(deleted.status, 200);
      assert.deepEqual(await statuses(db, eventId), { registered: 1 });
      assert.match((await lastMailTo(db, 'deltaker@annen.no')).subject, /Du har fått plass: Fullt seminar/);
    });

    test('HTTP sign-ups in parallel never overbook either', async () => {
      const db = database.db;
      const eventId = await anEvent(db, { capacity: 3 });
      const visitors = await Promise.all(Array.from({ length: 8 }, async (_, i) => {
        await anAccount(db, { email: `parallell${i}@example.no`, name: `Parallell ${i}` });
        const visitor = await signedIn(`parallell${i}@example.no`);
        await visitor.get(`/nettverket/arrangementer/${eventId}`);
        return visitor;
      }));
      const results = await Promise.all(visitors.map((v) => v.post(`/nettverket/arrangementer/${eventId}/pamelding`, {})));
      assert.ok(results.every((r) => r.status === 303));
      assert.deepEqual(await statuses(db, eventId), { registered: 3, waiting: 5 });
    });
  });
}
