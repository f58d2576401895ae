import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { backends } from '../../helpers/db.ts';
import { getPage, appSuite } from '../../helpers/app.ts';
import { aService, anOrganization, store } from '../factories.ts';

for (const backend of backends()) {
  describe(`the finder's result list on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    const org = anOrganization({ name: 'Resultatprøven' });
    const inOslo = ['Sangstund', 'Bandøving', 'Lyttegruppe'].map((name) => aService(org, { name, terms: ['niva:lavterskel', 'felt:rus'] }));
    const digital = [
      aService(org, { name: 'Låtskriving på video', terms: ['niva:lavterskel', 'format:digital'], locations: [] }),
      aService(org, { name: 'Samtale og musikk på video', terms: ['niva:oppfolging', 'format:digital'], locations: [] }),
    ];

    const suite = appSuite(backend.name, { seed: (db) => store(db, [org], [...inOslo, ...digital]) });
    before(() => ({ database, app } = suite));

    test('a page past the last one redirects (303) to the last page, keeping every other parameter', async () => {
      const response = await app.inject('/tilbud?q=&niva=lavterskel&felt=rus&antall=1&side=999&sted=0154');
      assert.equal(response.statusCode, 303);
      const target = new URL(String(response.headers.location), 'http://x');
      assert.equal(target.pathname, '/tilbud');
      // lavterskel and rus: the three in Oslo
      assert.equal(target.searchParams.get('side'), '3');
      assert.deepEqual(target.searchParams.getAll('niva'), ['lavterskel']);
      assert.equal(target.searchParams.get('felt'), 'rus');
      assert.equal(target.searchParams.get('antall'), '1');
      assert.equal(target.searchParams.get('sted'), '0154');
      const last = await getPage(app, String(response.headers.location));
      assert.equal(last.status, 200);
      assert.match(last.$('.pagination').text(), /Side 3 av 3/);
    });

    test('with everything on one page, a page too far goes to the list without a page number; no hits at all stays put', async () => {
      const response = await app.inject('/tilbud?niva=lavterskel&niva=oppfolging&side=2');
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/tilbud?niva=lavterskel&niva=oppfolging');
      const none = await getPage(app, '/tilbud?q=xylofonorkester&side=4');
      assert.equal(none.status, 200);
      assert.match(none.$('.no-hits').text(), /Ingen treff/);
    });

    test('the note on digital offers reads right for one and for several', async () => {
      const one = await getPage(app, '/tilbud?sted=0154&q=l%C3%A5tskriving');
      assert.equal(one.$('.ds-alert').filter((_, a) => one.$(a).text().includes('digital')).text().trim(),
        '1 av treffene er et digitalt tilbud som du kan bruke uansett hvor du bor.');
      const two = await getPage(app, '/tilbud?sted=0154');
      assert.equal(two.$('.ds-alert').filter((_, a) => two.$(a).text().includes('digital')).text().trim(),
        '2 av treffene er digitale tilbud som du kan bruke uansett hvor du bor.');
    });
  });
}
