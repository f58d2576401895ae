import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { newId } from '../../../src/platform/ids.ts';
import { backends, freshDatabase } from '../../helpers/db.ts';
import { PASSWORD, TestClock, Visitor, anAccount, appOnClock } from '../../accounts/client.ts';

const DAY = 24 * 3600_000;
const STORY = {
  pseudonym: 'Lars', alder: '25-39', region: 'helse-vest', tjenestested: 'kommune', niva: 'lavterskel', aar: '2025',
  tekst: 'Musikken ga meg et sted å være. Jeg møtte Per Hansen i bandet, og han ringte meg på 912 34 567.',
  'utdrag-1': 'Musikken ga meg et sted å være.', 'tema-1': 'tilhorighet',
  'utdrag-2': 'Vi spilte hver uke.', 'tema-2': 'fellesskap',
  'samtykke-rapporter': 'ja', 'dato-rapporter': '30.11.2026',
};

for (const backend of backends()) {
  describe(`stories told with consent on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const clock = new TestClock();
    let ip = 10;
    let writer: Visitor;
    let second: Visitor;
    const as = async (email: string) => {
      const visitor = new Visitor(app, `10.0.7.${ip++}`);
      const page = await visitor.signIn(email, PASSWORD);
      assert.ok(page.status === 303 || page.status === 302, `sign-in of ${email} answered ${page.status}`);
      return visitor;
    };
    const count = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(database.db)).rows[0]!.n);
    /** Writes a story as the writer; returns its id and the code on the receipt. */
    const write = async (form: Record<string, string> = STORY) => {
      await writer.get('/nettverket/fortellinger/ny');
      const receipt = await writer.post('/nettverket/fortellinger/ny', form);
      assert.equal(receipt.status, 200, receipt.$('[data-module=error-summary]').text());
      const code = receipt.$('.receipt-code').text().trim();
      const id = receipt.$('a[href^="/nettverket/fortellinger/"]').last().attr('href')!.split('/').pop()!;
      return { id, code, receipt };
    };
    const status = async (visitor: Visitor, id: string, til: string, extra: Record<string, string> = {}) => {
      await visitor.get(`/nettverket/fortellinger/${id}`);
      return visitor.post(`/nettverket/fortellinger/${id}/status`, { til, ...extra });
    };
    const publicBodies = async () => {
      const anonymous = new Visitor(app);
      return [(await anonymous.get('/erfaringer')).body, (await anonymous.get('/erfaringer/tema/tilhorighet')).body, (await anonymous.get('/erfaringer/tema/fellesskap')).body].join('\n');
    };

    before(async () => {
      database = await freshDatabase(backend.name);
      app = await appOnClock(database.db, clock);
      const db = database.db;
      const orgId = newId();
      await db.insertInto('network_organization').values({ id: orgId, slug: 'nettverket', name: 'Nettverket (fiktiv)', network_role: 'member', kind: 'other', is_demo: true }).execute();
      for (const email of ['skriver@nettverk.example', 'annen@nettverk.example']) {
        const id = await anAccount(db, { email, name: email.startsWith('skriver') ? 'Siri Skriver' : 'Anne Annen' });
        await db.insertInto('network_membership').values({ id: newId(), user_id: id, organization_id: orgId, role: 'participant', status: 'approved' }).execute();
      }
      await anAccount(db, { email: 'utenfor@example.com' });
      writer = await as('skriver@nettverk.example');
      second = await as('annen@nettverk.example');
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    test('only network members write stories; the form and the receipt say no teller data is stored', async () => {
      assert.equal((await new Visitor(app).get('/nettverket/fortellinger/ny')).status, 401);
      const outsider = await as('utenfor@example.com');
      assert.equal((await outsider.get('/nettverket/fortellinger/ny')).status, 403);
      const form = await writer.get('/nettverket/fortellinger/ny');
      assert.match(form.$('main').text(), /aldri navn, telefonnummer, e-postadresse eller fødselsdato/);
      assert.equal(form.$('#region option').length, 5, 'health regions only, never a municipality');
      const { id, code, receipt } = await write();
      assert.match(code, /^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
      assert.match(String(receipt.headers['cache-control']), /no-store/);
      const row = await database.db.selectFrom('experience_story').select(['withdrawal_code_hash', 'status', 'author_id']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.notEqual(row.withdrawal_code_hash, code);
      assert.equal(await count(sql`select count(*) as n from experience_story where withdrawal_code_hash like ${`%${code}%`}`), 0, 'the code itself is stored nowhere');
      assert.equal(row.status, 'utkast');
      const consent = await database.db.selectFrom('experience_story_consent').selectAll().where('story_id', '=', id).execute();
      assert.deepEqual(consent.map((c) => [c.purpose, c.given_on, c.text_version]), [['rapporter', '2026-11-30', 'samtykke-2026-11']]);
    });

    test('bad input comes back as Norwegian errors with everything typed kept', async () => {
      await writer.get('/nettverket/fortellinger/ny');
      const page = await writer.post('/nettverket/fortellinger/ny', { ...STORY, region: 'oslo', aar: '25', 'tema-2': '', 'samtykke-nettside': 'ja', 'dato-nettside': '31.02.2026' });
      assert.equal(page.status, 400);
      const summary = page.$('[data-module=error-summary]').text();
      assert.match(summary, /Velg en helseregion/);
      assert.match(summary, /fire sifre/);
      assert.match(summary, /trenger et tema/);
      assert.match(summary, /datoen samtykket ble gitt/);
      assert.equal(page.$('#tekst').text(), STORY.tekst);
      assert.equal(page.$('#utdrag-2').text(), 'Vi spilte hver uke.');
    });

    test('status flow: each step audited, website consent and a second editor needed, flags confirmed; nothing shows before', async () => {
      const { id } = await write({ ...STORY, pseudonym: 'Flytfortelling' });
      assert.doesNotMatch(await publicBodies(), /Flytfortelling/);
      assert.equal((await status(writer, id, 'publisert')).status, 400, 'not from utkast');
      assert.equal((await status(writer, id, 'til_gjennomlesing')).status, 303);
      assert.equal((await status(writer, id, 'godkjent')).status, 303);
      const own = await status(writer, id, 'publisert');
      assert.equal(own.status, 400);
      assert.match(own.$('#status-error').text(), /En annen redaktør må publisere/);
      const noConsent = await status(second, id, 'publisert');
      assert.match(noConsent.$('#status-error').text(), /ikke samtykket til publisering på nettsiden/);
      assert.doesNotMatch(await publicBodies(), /Flytfortelling/);

      // consent to the website, recorded by editing: the text is unchanged, so the status stays
      await writer.get(`/nettverket/fortellinger/${id}`);
      assert.equal((await writer.post(`/nettverket/fortellinger/${id}`, { ...STORY, pseudonym: 'Flytfortelling', 'samtykke-nettside': 'ja', 'dato-nettside': '2026-11-30' })).status, 303);
      const edit = await second.get(`/nettverket/fortellinger/${id}`);
      assert.match(edit.$('main').text(), /Godkjent av fortelleren/);
      const flags = edit.$('.identifier-flags li').map((_, li) => edit.$(li).attr('data-kind')).get();
      assert.ok(flags.includes('navn') && flags.includes('telefon'), flags.join());
      const unconfirmed = await second.post(`/nettverket/fortellinger/${id}/status`, { til: 'publisert' });
      assert.equal(unconfirmed.status, 400);
      assert.match(unconfirmed.$('#status-error').text(), /mulige identifikatorer/);
      assert.equal((await second.post(`/nettverket/fortellinger/${id}/status`, { til: 'publisert', bekreft: 'ja' })).status, 303);

      const shown = await publicBodies();
      assert.match(shown, /Flytfortelling/);
      const story = await new Visitor(app).get(`/erfaringer/fortellinger/${id}`);
      assert.equal(story.status, 200);
      assert.match(story.$('main').text(), /Helse Vest/);
      assert.doesNotMatch(story.body, /Siri Skriver|Anne Annen|nettverk\.example/, 'editors are never named publicly');
      const steps = await database.db.selectFrom('audit_log').select(['previous_value', 'replacement_value']).where('resource_id', '=', id).where('field_name', '=', 'status').orderBy('last_action_date').execute();
      assert.deepEqual(steps.map((s) => s.replacement_value), ['til_gjennomlesing', 'godkjent', 'publisert']);
      assert.equal(await count(sql`select count(*) as n from audit_log where resource_id = ${id} and (replacement_value like '%Musikken%' or previous_value like '%Musikken%')`), 0, 'the log never holds the text');

      // withdrawing the website consent (editing it away) hides the story at once, though still 'publisert'
      await writer.get(`/nettverket/fortellinger/${id}`);
      await writer.post(`/nettverket/fortellinger/${id}`, { ...STORY, pseudonym: 'Flytfortelling' });
      assert.doesNotMatch(await publicBodies(), /Flytfortelling/);
      assert.equal((await new Visitor(app).get(`/erfaringer/fortellinger/${id}`)).status, 404);
    });

    test('a cleared flag stays cleared, and a changed text goes back to the teller', async () => {
      const { id } = await write({ ...STORY, pseudonym: 'Ryddig', tekst: 'Jeg bodde i Storgata 12.' });
      let page = await writer.get(`/nettverket/fortellinger/${id}`);
      assert.equal(page.$('.identifier-flags li[data-kind=adresse] strong').text(), 'Storgata 12');
      assert.equal((await writer.post(`/nettverket/fortellinger/${id}/ufarlig`, { token: 'Storgata 12' })).status, 303);
      page = await writer.get(`/nettverket/fortellinger/${id}`);
      assert.match(page.$('.identifier-flags li[data-kind=adresse]').text(), /ufarlig/);
      await status(writer, id, 'til_gjennomlesing');
      await writer.get(`/nettverket/fortellinger/${id}`);
      const saved = await writer.post(`/nettverket/fortellinger/${id}`, { ...STORY, pseudonym: 'Ryddig', tekst: 'Jeg bodde et sted i byen.' });
      page = await writer.get(saved.location!);
      assert.match(page.$('main').text(), /satt tilbake til utkast/);
      assert.equal((await database.db.selectFrom('experience_story').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'utkast');
    });

    test('the withdrawal code removes a story from every page at once; its text is erased after 7 days, audited without it', async () => {
      const { id, code } = await write({ ...STORY, pseudonym: 'Trekkes', 'samtykke-nettside': 'ja', 'dato-nettside': '30.11.2026' });
      await status(writer, id, 'til_gjennomlesing');
      await status(writer, id, 'godkjent');
      await status(second, id, 'publisert', { bekreft: 'ja' });
      assert.match(await publicBodies(), /Trekkes/);

      const teller = new Visitor(app);
      const form = await teller.get('/erfaringer/trekk-tilbake');
      assert.match(form.$('main').text(), /ingen konto/);
      const wrong = await teller.post('/erfaringer/trekk-tilbake', { kode: 'AAAA-BBBB-CCCC-DDDD' });
      assert.equal(wrong.status, 400);
      assert.equal(wrong.$('#kode').val(), 'AAAA-BBBB-CCCC-DDDD');
      assert.match(wrong.$('#kode-error').text(), /fant ingen fortelling/);
      const done = await teller.post('/erfaringer/trekk-tilbake', { kode: code.toLowerCase().replace(/-/g, ' ') });
      assert.equal(done.status, 303);
      assert.match((await teller.get(done.location!)).$('main').text(), /7 dager/);

      assert.doesNotMatch(await publicBodies(), /Trekkes/);
      assert.equal((await new Visitor(app).get(`/erfaringer/fortellinger/${id}`)).status, 404);
      assert.doesNotMatch((await second.get('/nettverket/fortellinger')).body, /Trekkes/);
      assert.equal((await second.get(`/nettverket/fortellinger/${id}`)).status, 404);
      assert.equal((await teller.post('/erfaringer/trekk-tilbake', { kode: code })).status, 400, 'a code works once');
      const audit = await database.db.selectFrom('audit_log').selectAll().where('resource_id', '=', id).where('last_action_type', '=', 'withdraw').execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.updated_by, 'system');

      const job = app.jobs.list().find((j) => j.kind === 'experiences:erase-withdrawn-stories')!;
      clock.set(6 * DAY);
      await job.run();
      assert.equal(await count(sql`select count(*) as n from experience_story where id = ${id}`), 1, 'kept during the grace period');
      clock.set(7 * DAY + 60_000);
      try {
        await job.run();
      } finally {
        clock.set(0);
      }
      assert.equal(await count(sql`select count(*) as n from experience_story where id = ${id}`), 0);
      assert.equal(await count(sql`select count(*) as n from experience_story_excerpt where story_id = ${id}`), 0);
      assert.equal(await count(sql`select count(*) as n from audit_log where resource_id = ${id} and (replacement_value like '%Musikken%' or previous_value like '%Musikken%' or replacement_value like '%Trekkes%')`), 0);
    });

    test('the figures page shows counts under 5 as "færre enn 5", for network members only', async () => {
      assert.equal((await new Visitor(app).get('/nettverket/fortellinger/tall')).status, 401);
      const page = await writer.get('/nettverket/fortellinger/tall');
      assert.equal(page.status, 200);
      assert.match(page.$('main').text(), /færre enn 5/);
      assert.doesNotMatch(page.$('main td').text(), /^[1-4]$/m);
    });

    test('the editor downloads their authorship; deleting the account keeps the stories without them', async () => {
      await anAccount(database.db, { email: 'sletter@nettverk.example' });
      const orgId = (await database.db.selectFrom('network_organization').select('id').where('slug', '=', 'nettverket').executeTakeFirstOrThrow()).id;
      const userId = (await database.db.selectFrom('app_user').select('id').where('email', '=', 'sletter@nettverk.example').executeTakeFirstOrThrow()).id;
      await database.db.insertInto('network_membership').values({ id: newId(), user_id: userId, organization_id: orgId, role: 'participant', status: 'approved' }).execute();
      const editor = await as('sletter@nettverk.example');
      await editor.get('/nettverket/fortellinger/ny');
      await editor.post('/nettverket/fortellinger/ny', { ...STORY, pseudonym: 'Slettes ikke' });
      const data = JSON.parse((await editor.get('/konto/mine-data.json')).body) as { experienceStoriesWritten: { pseudonym: string }[] };
      assert.deepEqual(data.experienceStoriesWritten.map((s) => s.pseudonym), ['Slettes ikke']);
      assert.match((await editor.get('/konto/slett')).$('#fortellinger-som-berores').text(), /uten at du står oppført/);
      assert.equal((await editor.post('/konto/slett', { bekreft: 'sletter@nettverk.example' })).status, 200);
      const row = await database.db.selectFrom('experience_story').select('author_id').where('pseudonym', '=', 'Slettes ikke').executeTakeFirstOrThrow();
      assert.equal(row.author_id, null);
      const privacy = await new Visitor(app).get('/personvern');
      assert.match(privacy.$('section[aria-labelledby="data-fortellinger"]').text(), /aldri navn, telefonnummer/);
    });
  });
}
