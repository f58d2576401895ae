import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { newId } from '../../../src/platform/ids.ts';
import { backends } from '../../helpers/db.ts';
import { appSuite } from '../../helpers/app.ts';
import { PASSWORD, Visitor, anAccount, lastMailTo } from '../../accounts/client.ts';

const SEEDED = ['Fagrådet – Rusfeltets hovedorganisasjon', 'NAPHA', 'Fem KoRus (regionale kompetansesentre rus)', 'Norges musikkhøgskole',
  'Universitetet i Bergen', 'Ressurssenter for musikkterapi i kommunene – Fredrikstad kommune', 'Mental Helse', 'Mental Helse Ung',
  'Erfaringssentrum', 'RIO', 'A-larm'];

for (const backend of backends()) {
  describe(`network members on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let ip = 10;
    const ids: Record<string, string> = {};
    const orgs: Record<string, string> = {};
    const as = async (email: string) => {
      const visitor = new Visitor(app, `10.0.3.${ip++}`);
      const page = await visitor.signIn(email, PASSWORD);
      assert.equal(page.status, 303, `sign-in of ${email}`);
      return visitor;
    };
    const membership = async (user: string, org: string, role: 'coordinator' | 'member_contact' | 'participant', status: 'pending' | 'approved' = 'approved') => {
      const id = newId();
      await database.db.insertInto('network_membership').values({ id, user_id: ids[user]!, organization_id: orgs[org]!, role, status }).execute();
      return id;
    };
    const statusOf = async (user: string, org: string) => (await database.db.selectFrom('network_membership').select(['status', 'role', 'reason'])
      .where('user_id', '=', ids[user]!).where('organization_id', '=', orgs[org]!).executeTakeFirst()) ?? null;
    const audit = (resourceId: string) => database.db.selectFrom('audit_log').select(['last_action_type', 'field_name', 'replacement_value', 'updated_by'])
      .where('resource_id', '=', resourceId).execute();
    /** Asks to join through the pages; the membership's id. */
    const join = async (visitor: Visitor, slug: string, form: Record<string, string> = { rolle: 'participant', melding: '' }) => {
      await visitor.get(`/nettverket/medlemmer/${slug}/bli-med`);
      const page = await visitor.post(`/nettverket/medlemmer/${slug}/bli-med`, form);
      assert.equal(page.status, 303);
      assert.equal(page.location, `/nettverket/medlemmer/${slug}?sendt=1`);
    };
    const requestId = async (user: string, org: string) => (await database.db.selectFrom('network_membership').select('id')
      .where('user_id', '=', ids[user]!).where('organization_id', '=', orgs[org]!).executeTakeFirstOrThrow()).id;

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off', PUBLIC_URL: 'https://samklang.test' } });
    before(() => ({ database, app } = suite));
    before(async () => {
      for (const row of await database.db.selectFrom('network_organization').select(['id', 'slug']).execute()) orgs[row.slug] = row.id;
      ids.admin = await anAccount(database.db, { email: 'admin@samklang.test', name: 'Ada Admin', admin: true });
      for (const name of ['koordinator', 'napha', 'mentalhelse', 'ola', 'kari', 'per', 'lise', 'nils', 'siri']) {
        ids[name] = await anAccount(database.db, { email: `${name}@example.no`, name: name[0]!.toUpperCase() + name.slice(1) });
      }
      await membership('koordinator', 'fagradet', 'coordinator');
      await membership('napha', 'napha', 'member_contact');
      await membership('mentalhelse', 'mental-helse', 'member_contact');
    });

    test('the front page says what the network is, with its sources, and links to every part; the menu links to it', async () => {
      const page = await new Visitor(app).get('/nettverket');
      assert.equal(page.status, 200);
      assert.equal(page.$('h1').text(), 'Nasjonalt nettverk for musikkterapi – rus og psykisk helse');
      const links = page.$('main a').map((_, a) => page.$(a).attr('href')).get();
      for (const href of ['/nettverket/medlemmer', '/nettverket/arrangementer', '/nettverket/ideer', '/nettverket/kunnskap', '/nettverket/kurs']) assert.ok(links.includes(href), href);
      assert.match(page.$('section[aria-labelledby="kilder"]').text(), /Etableringshåndbok for musikkterapi og rus i psykisk helsetjeneste/);
      assert.equal(page.$('header nav a[href="/nettverket"]').text(), 'Nettverket');
      const signedIn = await (await as('ola@example.no')).get('/nettverket');
      assert.equal(signedIn.$('main a[href="/nettverket/min-side"]').length, 1);
      assert.equal(signedIn.$('main a[href="/nettverket/medlemmer/foresporsler"]').length, 0);
    });

    test('the real members and guests are listed by role, each with its source and nothing invented', async () => {
      const list = await new Visitor(app).get('/nettverket/medlemmer');
      assert.equal(list.status, 200);
      const names = (id: string) => list.$(`section[aria-labelledby="${id}"] li a`).map((_, a) => list.$(a).text()).get();
      assert.deepEqual(new Set([...names('gruppe-member'), ...names('gruppe-guest')]), new Set(SEEDED));
      assert.deepEqual(new Set(names('gruppe-guest')), new Set(['Mental Helse', 'Mental Helse Ung', 'Erfaringssentrum', 'RIO', 'A-larm']));
      const page = await new Visitor(app).get('/nettverket/medlemmer/napha');
      assert.equal(page.status, 200);
      assert.equal(page.$('h1').text(), 'NAPHA');
      const facts = page.$('dl.facts').text();
      assert.match(facts, /Rolle i nettverketMedlem/);
      assert.match(facts, /Hvem de erIkke oppgitt/);
      assert.match(facts, /KontaktpunktIkke oppgitt/);
      assert.match(facts, /Kilde.*første arbeidsseminaret/);
      assert.match(page.$('main').text(), /Logg inn for å be om å bli med/);
      assert.equal((await new Visitor(app).get('/nettverket/medlemmer/finnes-ikke')).status, 404);
      assert.equal((await new Visitor(app).get('/nettverket/medlemmer/Ugyldig_Slug')).status, 404);
      const rows = await database.db.selectFrom('network_organization').select(['website', 'contact_point', 'is_demo']).where('slug', 'in', Object.keys(orgs)).execute();
      assert.ok(rows.every((row) => row.website === null && row.contact_point === '' && !row.is_demo));
    });

    test('join, approve by the member contact, member: mail, audit, own page, then leave', async () => {
      const ola = await as('ola@example.no');
      assert.equal((await ola.get('/nettverket/medlemmer/napha/bli-med')).status, 200);
      await join(ola, 'napha', { rolle: 'participant', melding: 'Jeg jobber med rusfeltet i NAPHA.' });
      const pending = await ola.get('/nettverket/medlemmer/napha?sendt=1');
      assert.match(pending.$('main').text(), /Forespørselen er sendt/);
      assert.match(pending.$('main').text(), /venter på svar/);
      assert.equal((await ola.get('/nettverket/medlemmer/napha/bli-med')).status, 409);
      const notice = await lastMailTo(database.db, 'napha@example.no');
      assert.equal(notice.subject, 'Ny forespørsel om å bli med i NAPHA');
      assert.equal(notice.link, 'https://samklang.test/nettverket/medlemmer/foresporsler');

      const contact = await as('napha@example.no');
      const queue = await contact.get('/nettverket/medlemmer/foresporsler');
      assert.equal(queue.status, 200);
      assert.match(queue.$('main').text(), /Ola \(ola@example\.no\) ber om å bli med i NAPHA/);
      assert.match(queue.$('main').text(), /Jeg jobber med rusfeltet i NAPHA\./);
      assert.match((await contact.get('/nettverket/min-side')).$('main').text(), /Én forespørsel venter på deg/);
      const id = await requestId('ola', 'napha');
      const decided = await contact.post(`/nettverket/medlemmer/foresporsler/${id}`, { handling: 'godkjenn', rolle: 'participant', begrunnelse: '' });
      assert.equal(decided.status, 303);
      assert.match((await contact.get(decided.location!)).$('main').text(), /Ola \(ola@example\.no\) er godkjent i NAPHA/);
      assert.deepEqual(await statusOf('ola', 'napha'), { status: 'approved', role: 'participant', reason: null });
      const mail = await lastMailTo(database.db, 'ola@example.no');
      assert.equal(mail.subject, 'Du er med i NAPHA');
      assert.equal(mail.link, 'https://samklang.test/nettverket/min-side');
      const trail = await audit(id);
      assert.ok(trail.some((a) => a.last_action_type === 'request' && a.field_name === 'status' && a.replacement_value === 'pending' && a.updated_by === ids.ola));
      assert.ok(trail.some((a) => a.last_action_type === 'approve' && a.field_name === 'status' && a.replacement_value === 'approved' && a.updated_by === ids.napha));

      const mine = await ola.get('/nettverket/min-side');
      assert.match(mine.$('section[aria-labelledby="mine-organisasjoner"]').text(), /NAPHA.*Deltaker, godkjent/);
      const orgPage = await ola.get('/nettverket/medlemmer/napha');
      assert.match(orgPage.$('main').text(), /Du er med i organisasjonen som deltaker/);
      // a second decision on the same request finds it decided
      assert.equal((await contact.post(`/nettverket/medlemmer/foresporsler/${id}`, { handling: 'avsla', rolle: 'participant', begrunnelse: 'Nei' })).status, 409);

      const left = await ola.post('/nettverket/medlemmer/napha/forlat', {});
      assert.equal(left.status, 303);
      assert.match((await ola.get(left.location!)).$('main').text(), /Du er ikke lenger med i NAPHA/);
      assert.equal(await statusOf('ola', 'napha'), null);
      assert.ok((await audit(id)).some((a) => a.last_action_type === 'leave' && a.field_name === 'status' && a.replacement_value === '' && a.updated_by === ids.ola));
      assert.equal((await ola.post('/nettverket/medlemmer/napha/forlat', {})).status, 409);
    });

    test('a rejection needs a reason; the person sees it on the page and in the mail and may ask again', async () => {
      const kari = await as('kari@example.no');
      await join(kari, 'mental-helse', { rolle: 'member_contact', melding: 'Jeg vil være kontaktperson.' });
      const id = await requestId('kari', 'mental-helse');
      const contact = await as('mentalhelse@example.no');
      await contact.get('/nettverket/medlemmer/foresporsler');
      const missing = await contact.post(`/nettverket/medlemmer/foresporsler/${id}`, { handling: 'avsla', rolle: 'member_contact', begrunnelse: '   ' });
      assert.equal(missing.status, 400);
      assert.match(missing.$('title').text(), /^Feil: /);
      assert.equal(missing.$(`#begrunnelse-${id}-error`).text(), 'Skriv en begrunnelse for avslaget. Den som ba om å bli med, får se den.');
      assert.equal(missing.$('.ds-error-summary a').attr('href'), `#begrunnelse-${id}`);
      const tooLong = await contact.post(`/nettverket/medlemmer/foresporsler/${id}`, { handling: 'avsla', rolle: 'member_contact', begrunnelse: 'x'.repeat(1001) });
      assert.equal(tooLong.status, 400);
      assert.equal(tooLong.$(`#begrunnelse-${id}`).text(), 'x'.repeat(1001));
      assert.equal((await statusOf('kari', 'mental-helse'))!.status, 'pending');

      const rejected = await contact.post(`/nettverket/medlemmer/foresporsler/${id}`, { handling: 'avsla', rolle: 'member_contact', begrunnelse: 'Vi har allerede en kontaktperson.' });
      assert.equal(rejected.status, 303);
      const page = await kari.get('/nettverket/medlemmer/mental-helse');
      assert.match(page.$('main').text(), /Forespørselen din ble avslått\. Begrunnelse: Vi har allerede en kontaktperson\./);
      assert.match((await kari.get('/nettverket/min-side')).$('main').text(), /Avslått[\s\S]*Vi har allerede en kontaktperson\./i);
      const mail = await lastMailTo(database.db, 'kari@example.no');
      assert.match(mail.body, /Begrunnelse: Vi har allerede en kontaktperson\./);
      assert.ok((await audit(id)).some((a) => a.last_action_type === 'reject' && a.field_name === 'reason' && a.replacement_value === 'Vi har allerede en kontaktperson.'));
      // asking again puts the request back in the queue, without the old decision
      await join(kari, 'mental-helse', { rolle: 'participant', melding: '' });
      assert.deepEqual(await statusOf('kari', 'mental-helse'), { status: 'pending', role: 'participant', reason: null });
    });

    test('who may decide: a member contact only for their own organisation, never their own request, coordinator only by the secretariat', async () => {
      const per = await as('per@example.no');
      await join(per, 'mental-helse');
      const perRequest = await requestId('per', 'mental-helse');
      // NAPHA's contact does not decide for Mental Helse, and does not see the request
      const napha = await as('napha@example.no');
      assert.doesNotMatch((await napha.get('/nettverket/medlemmer/foresporsler')).$('main').text(), /per@example\.no/);
      assert.equal((await napha.post(`/nettverket/medlemmer/foresporsler/${perRequest}`, { handling: 'godkjenn', rolle: 'participant' })).status, 403);
      // people with no decision to make are refused the queue; the public must sign in
      assert.equal((await per.get('/nettverket/medlemmer/foresporsler')).status, 403);
      assert.equal((await per.post(`/nettverket/medlemmer/foresporsler/${perRequest}`, { handling: 'godkjenn', rolle: 'participant' })).status, 403);
      assert.equal((await new Visitor(app).get('/nettverket/medlemmer/foresporsler')).status, 401);
      // a member contact cannot make anyone coordinator
      const mh = await as('mentalhelse@example.no');
      await mh.get('/nettverket/medlemmer/foresporsler');
      const coordinator = await mh.post(`/nettverket/medlemmer/foresporsler/${perRequest}`, { handling: 'godkjenn', rolle: 'coordinator' });
      assert.equal(coordinator.status, 403);
      assert.equal(coordinator.$(`#rolle-${perRequest}-error`).text(), 'Bare sekretariatet kan gjøre noen til koordinator.');
      assert.equal((await statusOf('per', 'mental-helse'))!.status, 'pending');
      assert.equal((await mh.get('/nettverket/medlemmer/foresporsler')).$(`#rolle-${perRequest} option[value="coordinator"]`).length, 0);
      // nobody decides their own request: the coordinator asks to join NAPHA
      const coord = await as('koordinator@example.no');
      await join(coord, 'napha');
      const own = await requestId('koordinator', 'napha');
      const queue = await coord.get('/nettverket/medlemmer/foresporsler');
      assert.match(queue.$('main').text(), /Dette er din egen forespørsel/);
      assert.equal((await coord.post(`/nettverket/medlemmer/foresporsler/${own}`, { handling: 'godkjenn', rolle: 'participant' })).status, 403);
      assert.equal((await statusOf('koordinator', 'napha'))!.status, 'pending');
      // the secretariat decides for any organisation, and may grant coordinator
      const granted = await coord.post(`/nettverket/medlemmer/foresporsler/${perRequest}`, { handling: 'godkjenn', rolle: 'coordinator' });
      assert.equal(granted.status, 303);
      assert.deepEqual(await statusOf('per', 'mental-helse'), { status: 'approved', role: 'coordinator', reason: null });
      assert.equal((await per.get('/nettverket/medlemmer/ny')).status, 200, 'a new coordinator is secretariat');
    });

    test('only the secretariat manages organisations; bad input gets Norwegian errors and keeps every value', async () => {
      assert.equal((await new Visitor(app).get('/nettverket/medlemmer/ny')).status, 401);
      assert.equal((await (await as('napha@example.no')).get('/nettverket/medlemmer/ny')).status, 403);
      assert.equal((await (await as('napha@example.no')).get('/nettverket/medlemmer/napha/rediger')).status, 403);
      const coord = await as('koordinator@example.no');
      await coord.get('/nettverket/medlemmer/ny');
      const bad = { navn: '  ', slug: 'Ugyldig Adresse', rolle: 'guest', type: 'user_organisation', beskrivelse: 'Beskrivelse som skal bli stående', bidrag: '', kontaktpunkt: 'post@eksempel.no', nettsted: 'http://eksempel.no', kilde: 'Referat fra nettverksmøtet' };
      const page = await coord.post('/nettverket/medlemmer/ny', bad);
      assert.equal(page.status, 400);
      assert.equal(page.$('#navn-error').text(), 'Skriv navnet på organisasjonen (høyst 200 tegn).');
      assert.match(page.$('#slug-error').text(), /små bokstaver/);
      assert.match(page.$('#nettsted-error').text(), /https:\/\//);
      assert.equal(page.$('#beskrivelse').text(), 'Beskrivelse som skal bli stående');
      assert.equal(page.$('#nettsted').val(), 'http://eksempel.no');
      assert.equal(page.$('#kilde').text(), 'Referat fra nettverksmøtet');
      assert.equal(page.$('#rolle option[selected]').val(), 'guest');
      const badRole = await coord.post('/nettverket/medlemmer/ny', { ...bad, navn: 'Ny forening', slug: '', nettsted: '', rolle: 'boss' });
      assert.equal(badRole.status, 400);
      assert.equal(badRole.$('#rolle-error').text(), 'Velg rollen i nettverket.');
      const taken = await coord.post('/nettverket/medlemmer/ny', { ...bad, navn: 'Ny forening', slug: 'napha', nettsted: '' });
      assert.equal(taken.status, 409);
      assert.match(taken.$('#slug-error').text(), /har allerede denne adressen/);
      assert.equal((await coord.post('/nettverket/medlemmer/ny', { ...bad, navn: 'Ny forening', slug: 'foresporsler', nettsted: '' })).status, 400);

      const created = await coord.post('/nettverket/medlemmer/ny', { ...bad, navn: 'Ny forening for brukere', slug: '', nettsted: 'https://eksempel.no' });
      assert.equal(created.status, 303);
      assert.equal(created.location, '/nettverket/medlemmer/ny-forening-for-brukere?ny=1');
      const shown = await coord.get(created.location!);
      assert.match(shown.$('dl.facts').text(), /Rolle i nettverketGjest/);
      assert.equal(shown.$('dl.facts a[href="https://eksempel.no"]').length, 1);
      const row = await database.db.selectFrom('network_organization').select(['id', 'is_demo']).where('slug', '=', 'ny-forening-for-brukere').executeTakeFirstOrThrow();
      assert.equal(row.is_demo, false);
      assert.ok((await audit(row.id)).some((a) => a.last_action_type === 'create' && a.field_name === 'name' && a.replacement_value === 'Ny forening for brukere'));

      await coord.get('/nettverket/medlemmer/ny-forening-for-brukere/rediger');
      const edited = await coord.post('/nettverket/medlemmer/ny-forening-for-brukere/rediger', { ...bad, navn: 'Ny forening for brukere', slug: 'ny-forening', nettsted: '', bidrag: 'Deltar på seminarene.' });
      assert.equal(edited.status, 303);
      assert.equal(edited.location, '/nettverket/medlemmer/ny-forening?lagret=1');
      assert.ok((await audit(row.id)).some((a) => a.last_action_type === 'update' && a.field_name === 'contribution' && a.replacement_value === 'Deltar på seminarene.'));
      assert.equal((await coord.post('/nettverket/medlemmer/ny-forening/rediger', { ...bad, navn: 'Ny forening', slug: 'rio', nettsted: '' })).status, 409);
    });

    test('the secretariat changes roles and removes memberships, never its own; site admins appoint coordinators', async () => {
      const lise = await membership('lise', 'rio', 'participant');
      const coordId = await membership('koordinator', 'rio', 'participant');
      // RIO's people page: the secretariat manages, a participant may not look
      assert.equal((await (await as('lise@example.no')).get('/nettverket/medlemmer/rio/deltakere')).status, 403);
      const coord = await as('koordinator@example.no');
      const people = await coord.get('/nettverket/medlemmer/rio/deltakere');
      assert.equal(people.status, 200);
      assert.match(people.$('main').text(), /lise@example\.no/);
      assert.equal(people.$('#utnevn').length, 0, 'only site admins appoint coordinators');
      assert.equal((await coord.post(`/nettverket/medlemmer/rio/deltakere/${lise}/rolle`, { rolle: 'member_contact' })).status, 303);
      assert.equal((await statusOf('lise', 'rio'))!.role, 'member_contact');
      assert.ok((await audit(lise)).some((a) => a.last_action_type === 'change_role' && a.replacement_value === 'member_contact' && a.updated_by === ids.koordinator));
      // now RIO's member contact sees the people page but may not change anything
      const liseVisitor = await as('lise@example.no');
      assert.equal((await liseVisitor.get('/nettverket/medlemmer/rio/deltakere')).status, 200);
      assert.equal((await liseVisitor.post(`/nettverket/medlemmer/rio/deltakere/${coordId}/rolle`, { rolle: 'participant' })).status, 403);
      assert.equal((await coord.post(`/nettverket/medlemmer/rio/deltakere/${lise}/rolle`, { rolle: 'sjef' })).status, 400);
      assert.equal((await coord.post(`/nettverket/medlemmer/rio/deltakere/${coordId}/rolle`, { rolle: 'member_contact' })).status, 403, 'not one\'s own');
      assert.equal((await coord.post(`/nettverket/medlemmer/rio/deltakere/${coordId}/fjern`, {})).status, 403, 'not one\'s own');
      assert.equal((await coord.post(`/nettverket/medlemmer/napha/deltakere/${lise}/fjern`, {})).status, 404, 'a membership of another organisation');
      assert.equal((await coord.post(`/nettverket/medlemmer/rio/deltakere/${lise}/fjern`, {})).status, 303);
      assert.equal(await statusOf('lise', 'rio'), null);
      assert.ok((await audit(lise)).some((a) => a.last_action_type === 'remove'));

      // appointing: site admins only
      assert.equal((await coord.post('/nettverket/medlemmer/rio/deltakere/koordinator', { epost: 'nils@example.no' })).status, 403);
      const admin = await as('admin@samklang.test');
      await admin.get('/nettverket/medlemmer/rio/deltakere');
      const unknown = await admin.post('/nettverket/medlemmer/rio/deltakere/koordinator', { epost: 'ingen@example.no' });
      assert.equal(unknown.status, 400);
      assert.equal(unknown.$('#epost-error').text(), 'Vi finner ingen konto med denne e-postadressen. Personen må registrere seg først.');
      assert.equal(unknown.$('#epost').val(), 'ingen@example.no');
      assert.equal((await admin.post('/nettverket/medlemmer/rio/deltakere/koordinator', { epost: 'Nils@Example.no' })).status, 303);
      assert.deepEqual(await statusOf('nils', 'rio'), { status: 'approved', role: 'coordinator', reason: null });
      assert.equal((await lastMailTo(database.db, 'nils@example.no')).subject, 'Du er koordinator i nettverket');
      assert.match((await (await as('nils@example.no')).get('/nettverket/min-side')).$('main').text(), /Du er i nettverkets sekretariat/);
    });

    test('the data download includes memberships and requests, and deleting the account removes them', async () => {
      const siri = await as('siri@example.no');
      await join(siri, 'a-larm', { rolle: 'participant', melding: 'Hilsen Siri' });
      // A-larm has no member contact: the coordinators hear of the request
      assert.equal((await lastMailTo(database.db, 'koordinator@example.no')).subject, 'Ny forespørsel om å bli med i A-larm');
      const data = JSON.parse((await siri.get('/konto/mine-data.json')).body) as { networkMemberships: { organization: string; status: string; note: string }[] };
      assert.deepEqual(data.networkMemberships.map((row) => [row.organization, row.status, row.note]), [['A-larm', 'pending', 'Hilsen Siri']]);
      const confirm = await siri.get('/konto/slett');
      assert.match(confirm.$('#medlemskap-som-slettes').parent().text(), /A-larm: Deltaker, venter på svar/);
      assert.equal((await siri.post('/konto/slett', { bekreft: 'siri@example.no' })).status, 200);
      const left = await database.db.selectFrom('network_membership').select('id').where('user_id', '=', ids.siri!).execute();
      assert.deepEqual(left, []);
    });
  });
}
