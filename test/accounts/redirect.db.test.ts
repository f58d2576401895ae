import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { backends } from '../helpers/db.ts';
import { appSuite } from '../helpers/app.ts';
import { CONTROL_NEXT, FOREIGN_NEXT, PASSWORD, Visitor, anAccount, type Page } from './client.ts';

const SITE = 'https://samklang.test';

/** A redirect that stays on this site: same origin once resolved, and the exact default path. */
function staysHome(page: Page, expected: string, payload: string) {
  assert.equal(page.status, 303, `${JSON.stringify(payload)}: ${page.status}`);
  assert.equal(page.location, expected, JSON.stringify(payload));
  assert.equal(new URL(page.location!, SITE).origin, SITE, JSON.stringify(payload));
}

for (const backend of backends()) {
  describe(`accounts: where sign-in sends you (neste) on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let ip = 10;
    const visitor = () => new Visitor(app, `10.7.0.${ip++}`);

    const suite = appSuite(backend.name, { env: { PUBLIC_URL: SITE, JOB_WORKER: 'off' } });
    before(() => ({ database, app } = suite));
    before(async () => {
      await anAccount(database.db, { email: 'kari@example.no' });
    });

    test('POST sign-in: every foreign neste leads to the default page, never another host', async () => {
      for (const payload of FOREIGN_NEXT) {
        const v = visitor();
        await v.get('/logg-inn');
        staysHome(await v.post('/logg-inn', { email: 'kari@example.no', password: PASSWORD, neste: payload }), '/mine-tilbud', payload);
      }
    });

    test('GET /logg-inn?neste= signed in: every foreign neste leads to the default page; signed out: the form never carries it', async () => {
      const signedIn = visitor();
      await signedIn.signIn('kari@example.no', PASSWORD);
      for (const payload of FOREIGN_NEXT) {
        staysHome(await signedIn.get(`/logg-inn?neste=${encodeURIComponent(payload)}`), '/mine-tilbud', payload);
        const form = await visitor().get(`/logg-inn?neste=${encodeURIComponent(payload)}`);
        assert.equal(form.status, 200, payload);
        assert.equal(form.$('input[name=neste]').val(), '', payload);
      }
    });

    test('neste with control characters (CR, LF, tab, NUL) is a clear 400, never a 500, on both entry points', async () => {
      const signedIn = visitor();
      await signedIn.signIn('kari@example.no', PASSWORD);
      for (const payload of CONTROL_NEXT) {
        const get = await signedIn.get(`/logg-inn?neste=${encodeURIComponent(payload)}`);
        assert.equal(get.status, 400, JSON.stringify(payload));
        assert.match(get.$('main').text(), /ugyldig|nulltegn/, JSON.stringify(payload));
        assert.equal(get.headers['set-cookie'], undefined);
        const v = visitor();
        await v.get('/logg-inn');
        const post = await v.post('/logg-inn', { email: 'kari@example.no', password: PASSWORD, neste: payload });
        assert.equal(post.status, 400, JSON.stringify(payload));
        assert.match(post.$('main').text(), /ugyldig|nulltegn/, JSON.stringify(payload));
        // the sign-in form comes back without the value; a NUL is refused earlier, by the shared input guard's page
        assert.ok([undefined, ''].includes(post.$('input[name=neste]').val() as string | undefined), JSON.stringify(payload));
        assert.equal((await v.get('/konto')).status, 401, 'not signed in by a request that was refused');
      }
    });

    test('a path on this site is kept, query and all', async () => {
      const v = visitor();
      await v.get('/logg-inn');
      const page = await v.post('/logg-inn', { email: 'kari@example.no', password: PASSWORD, neste: '/tilbud?q=musikk%2Fterapi&side=2#treff' });
      assert.equal(page.location, '/tilbud?q=musikk%2Fterapi&side=2#treff');
      assert.equal((await v.get('/logg-inn?neste=%2Fkonto')).location, '/konto');
      // characters a header cannot carry are percent-encoded, not a 500
      assert.equal((await v.get(`/logg-inn?neste=${encodeURIComponent('/tilbud?q=漢字 Ørsta')}`)).location, '/mine-tilbud', 'a raw space is refused');
      assert.equal((await v.get(`/logg-inn?neste=${encodeURIComponent('/tilbud?q=漢字Ørsta')}`)).location, '/tilbud?q=%E6%BC%A2%E5%AD%97%C3%98rsta');
    });
  });
}
