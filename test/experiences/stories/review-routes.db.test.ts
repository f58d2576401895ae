import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { newId } from '../../../src/platform/ids.ts';
import { insertStory } from '../../../src/experiences/stories/queries.ts';
import { CODE_TRIES_PER_HOUR } from '../../../src/experiences/stories/index.ts';
import { backends, freshDatabase } from '../../helpers/db.ts';
import { HOUR, PASSWORD, TestClock, Visitor, anAccount, appOnClock } from '../../accounts/client.ts';

const REVIEW = '/erfaringer/gjennomlesing';

for (const backend of backends()) {
  describe(`the teller's review of a draft on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const clock = new TestClock();
    let editor: Visitor;
    let address = 1;
    /** A teller on a phone of their own: a new address each time. */
    const teller = () => new Visitor(app, `10.4.0.${address++}`, 'Mozilla/5.0 (Tellerphone)');

    /** A story in review ('til_gjennomlesing' unless told), with its receipt code. */
    const aStory = async (pseudonym: string, status: 'til_gjennomlesing' | 'utkast' = 'til_gjennomlesing') => {
      const { id, code } = await database.db.transaction().execute((trx) => insertStory(trx, {
        pseudonym, ageBand: '40-59', healthRegionCode: 'helse-midt-norge', setting: 'kommune', serviceLevel: 'oppfolging', interviewYear: 2026,
        body: `${pseudonym} fortalte om musikken.\n\nDet andre avsnittet.`,
        excerpts: [{ theme: 'mestring', body: `${pseudonym} lærte å spille.` }],
        consents: [{ purpose: 'nettside', givenOn: '2026-11-20' }],
      }, 'system'));
      await database.db.updateTable('experience_story').set({ status }).where('id', '=', id).execute();
      return { id, code };
    };
    const open = async (visitor: Visitor, code: string) => {
      await visitor.get(REVIEW);
      return visitor.post(REVIEW, { kode: code });
    };
    const statusOf = async (id: string) => (await database.db.selectFrom('experience_story').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

    before(async () => {
      database = await freshDatabase(backend.name);
      app = await appOnClock(database.db, clock);
      const org = newId();
      await database.db.insertInto('network_organization').values({ id: org, slug: 'nettverket', name: 'Nettverket (fiktiv)', network_role: 'member', kind: 'other' }).execute();
      const user = await anAccount(database.db, { email: 'intervjuer@nettverk.example' });
      await database.db.insertInto('network_membership').values({ id: newId(), user_id: user, organization_id: org, role: 'participant', status: 'approved' }).execute();
      editor = new Visitor(app, '10.4.1.1');
      await editor.signIn('intervjuer@nettverk.example', PASSWORD);
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    test('with the receipt code the teller sees the draft as it would be published; the code is never in a URL', async () => {
      const { code } = await aStory('Solveig');
      const visitor = teller();
      const form = await visitor.get(REVIEW);
      assert.equal(form.status, 200);
      assert.equal(form.$('label[for=kode]').length, 1);
      assert.match(form.$('main').text(), /ingen konto/);
      const wrong = await visitor.post(REVIEW, { kode: 'AAAA-BBBB-CCCC-DDDD' });
      assert.equal(wrong.status, 400);
      assert.match(wrong.$('#kode-error').text(), /fant ingen fortelling/);
      assert.equal(wrong.$('#kode').val(), 'AAAA-BBBB-CCCC-DDDD', 'what was typed is kept');

      const draft = await visitor.post(REVIEW, { kode: code.toLowerCase().replace(/-/g, '') });
      assert.equal(draft.status, 200);
      assert.match(String(draft.headers['cache-control']), /no-store/);
      const main = draft.$('main').text();
      assert.match(draft.$('#draft-heading').text(), /Solveig/);
      assert.match(main, /Solveig fortalte om musikken/);
      assert.equal(draft.$('.story-draft p').filter((_, p) => /andre avsnittet/.test(draft.$(p).text())).length, 1, 'paragraphs as on the story page');
      assert.match(main, /Mestring: «Solveig lærte å spille\.»/);
      assert.match(main, /Helse Midt-Norge/);
      assert.match(draft.$('section[aria-labelledby=draft-consents]').text(), /Publisert på nettsiden/);
      const answer = draft.$(`form[action="${REVIEW}/svar"]`);
      assert.equal(answer.attr('method'), 'post');
      assert.equal(answer.find('button[name=svar]').length, 2, 'approve or ask for changes, without JavaScript');
      assert.equal(draft.$('label[for=kommentar]').length, 1);
      assert.doesNotMatch(draft.$('a').map((_, a) => draft.$(a).attr('href')).get().join(' '), new RegExp(code.slice(0, 4)));
    });

    test('approving moves the story to "godkjent av fortelleren", stored and audited without who sent it; the editor sees it', async () => {
      const { id, code } = await aStory('Aslak');
      const visitor = teller();
      await open(visitor, code);
      const sent = await visitor.post(`${REVIEW}/svar`, { kode: code, svar: 'godkjent', kommentar: 'Fint skrevet.' });
      assert.equal(sent.status, 303);
      assert.match((await visitor.get(sent.location!)).$('main').text(), /godkjent teksten/);
      assert.equal(await statusOf(id), 'godkjent');

      const rows = await database.db.selectFrom('experience_story_review').selectAll().where('story_id', '=', id).execute();
      assert.equal(rows.length, 1);
      assert.deepEqual(Object.keys(rows[0]!).sort(), ['comment', 'created_at', 'decision', 'id', 'story_id']);
      assert.equal(rows[0]!.decision, 'godkjent');
      assert.equal(rows[0]!.comment, 'Fint skrevet.');
      assert.doesNotMatch(JSON.stringify(rows), /10\.4\.|Tellerphone/);
      const audit = await database.db.selectFrom('audit_log').select(['last_action_type', 'field_name', 'previous_value', 'replacement_value', 'updated_by'])
        .where('resource_id', '=', id).where('last_action_type', '=', 'teller_review').orderBy('field_name').execute();
      assert.deepEqual(audit, [
        { last_action_type: 'teller_review', field_name: 'comment', previous_value: '', replacement_value: '13 tegn', updated_by: 'system' },
        { last_action_type: 'teller_review', field_name: 'status', previous_value: 'til_gjennomlesing', replacement_value: 'godkjent', updated_by: 'system' },
      ]);

      const page = await editor.get(`/nettverket/fortellinger/${id}`);
      const responses = page.$('section[aria-labelledby=teller-heading]').text();
      assert.match(responses, /Godkjent/);
      assert.match(responses, /Fint skrevet\./);
      assert.match(page.$('#status-heading').parent().text(), /Godkjent av fortelleren/);

      // answered once: the draft now says it does not wait for review, and a second answer is refused
      const again = await open(teller(), code);
      assert.match(again.$('main').text(), /venter ikke på gjennomlesing/);
      assert.equal(again.$('button[name=svar]').length, 0);
      assert.match(again.$('section[aria-labelledby=draft-earlier]').text(), /Godkjent/);
      const late = teller();
      await late.get(REVIEW);
      assert.equal((await late.post(`${REVIEW}/svar`, { kode: code, svar: 'endringer', kommentar: 'Nei likevel' })).status, 409);
      assert.equal(await statusOf(id), 'godkjent');
    });

    test('asking for changes needs a comment; it sends the story back to draft with the comment for the editor', async () => {
      const { id, code } = await aStory('Brita');
      const visitor = teller();
      await open(visitor, code);
      const empty = await visitor.post(`${REVIEW}/svar`, { kode: code, svar: 'endringer', kommentar: '  ' });
      assert.equal(empty.status, 400);
      assert.match(empty.$('title').text(), /^Feil/);
      assert.match(empty.$('#kommentar-error').text(), /Skriv hva som bør endres/);
      assert.match(empty.$('main').text(), /Brita fortalte om musikken/, 'the draft stays in view');
      const long = await visitor.post(`${REVIEW}/svar`, { kode: code, svar: 'endringer', kommentar: 'x'.repeat(2001) });
      assert.equal(long.status, 400);
      assert.equal(long.$('#kommentar').text().length, 2001, 'what was typed is kept');
      assert.equal(await statusOf(id), 'til_gjennomlesing');

      const sent = await visitor.post(`${REVIEW}/svar`, { kode: code, svar: 'endringer', kommentar: 'Ta bort året.\nOg bandnavnet.' });
      assert.equal(sent.status, 303);
      assert.match((await visitor.get(sent.location!)).$('main').text(), /retter teksten/);
      assert.equal(await statusOf(id), 'utkast');
      const page = await editor.get(`/nettverket/fortellinger/${id}`);
      assert.match(page.$('.story-reviews [data-decision=endringer]').text(), /Ba om endringer.*Ta bort året\.Og bandnavnet\./s);
    });

    test('a story not sent for review shows its status and takes no answer; a withdrawn story\'s code opens nothing', async () => {
      const { code } = await aStory('Cecilie', 'utkast');
      const page = await open(teller(), code);
      assert.equal(page.status, 200);
      assert.match(page.$('main').text(), /Status: Utkast/);
      assert.equal(page.$('button[name=svar]').length, 0);

      const gone = await aStory('Dag');
      const visitor = teller();
      await visitor.get('/erfaringer/trekk-tilbake');
      assert.equal((await visitor.post('/erfaringer/trekk-tilbake', { kode: gone.code })).status, 303);
      const after = await open(teller(), gone.code);
      assert.equal(after.status, 400);
      assert.doesNotMatch(after.body, /Dag fortalte/);
    });

    test('wrong codes are limited per address, in memory only; withdrawal counts with review', async () => {
      const { code } = await aStory('Eli');
      const guesser = new Visitor(app, '10.4.9.9');
      await guesser.get(REVIEW);
      for (let i = 0; i < CODE_TRIES_PER_HOUR - 1; i++) assert.equal((await guesser.post(REVIEW, { kode: `GUES-SNUM-BER${i}-XXXX` })).status, 400);
      await guesser.get('/erfaringer/trekk-tilbake');
      assert.equal((await guesser.post('/erfaringer/trekk-tilbake', { kode: 'GUES-SNUM-BERX-XXXX' })).status, 400);
      await guesser.get(REVIEW);
      const limited = await guesser.post(REVIEW, { kode: code });
      assert.equal(limited.status, 429, 'even the right code waits once the address is limited');
      assert.match(limited.$('#kode-error').text(), /for mange koder/);
      await guesser.get('/erfaringer/trekk-tilbake');
      assert.equal((await guesser.post('/erfaringer/trekk-tilbake', { kode: code })).status, 429);
      assert.equal((await open(teller(), code)).status, 200, 'another address is not affected');
      const hits = await database.db.selectFrom('rate_limit_hit').selectAll().execute();
      assert.ok(hits.every((h) => !JSON.stringify(h).includes('10.4.9.9')), 'no address stored');
      clock.advance(HOUR + 1000);
      assert.equal((await open(guesser, code)).status, 200, 'an hour later it may try again');
    });
  });
}
