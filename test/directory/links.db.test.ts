import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { importSource } from '../../src/directory/intake/imports/pipeline/index.ts';
import { backends } from '../helpers/db.ts';
import { appSuite } from '../helpers/app.ts';
import { PASSWORD, Visitor, anAccount } from '../accounts/client.ts';
import { tempFile } from '../opendata/examples.ts';
import { aService, anOrganization, store } from './factories.ts';
import { serviceForm } from './intake/self-service/self-service-helpers.ts';

// Issue #10, item 12: links with other schemes than http(s) are refused coming in and never
// rendered as links going out; an organisation is never its own ancestor.
const ATTACKS = ['javascript:alert(document.cookie)', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'vbscript:msgbox(1)', 'JavaScript:alert(1)'];

for (const backend of backends()) {
  describe(`links and organisation parents, on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let editor: Visitor;
    const org = anOrganization({ name: 'Lenkeby kommune' });
    const service = aService(org, { name: 'Lenket tilbud' });

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off' }, seed: (db) => store(db, [org], [service]) });
    before(() => ({ database, app } = suite));
    before(async () => {
      await anAccount(database.db, { email: 'lenke@example.no', editorOf: [org.id] });
      editor = new Visitor(app, '10.12.0.1');
      await editor.signIn('lenke@example.no', PASSWORD);
    });

    const ndjson = (...documents: Record<string, unknown>[]) => documents.map((d) => JSON.stringify(d)).join('\n');
    // a website tells the reader the document is an organisation (a bare id, name and description could be a taxonomy)
    const newOrganization = (overrides: Record<string, unknown> = {}) => ({ id: randomUUID(), name: 'Importert forening', description: '', website: 'https://forening.example', ...overrides });

    test('an import refuses a link of any other scheme than http(s), names it, and writes nothing', async () => {
      for (const attack of ATTACKS) {
        const organization = newOrganization({ website: attack });
        const documents = ndjson(
          organization,
          { id: randomUUID(), organization_id: organization.id, name: 'Importert tilbud', description: '', status: 'active', url: attack },
          { id: randomUUID(), location_type: 'physical', organization_id: organization.id, name: 'Sted', url: attack },
        );
        const report = await importSource(database.db, tempFile('lenker.ndjson', documents), { dryRun: false });
        assert.equal(report.ok, false, attack);
        const messages = report.problems.map((p) => p.message).join('\n');
        for (const field of ['website', 'url']) assert.match(messages, new RegExp(`${field}.*https://`), `${attack}: ${messages}`);
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from organization where id = ${organization.id}`.execute(database.db);
        assert.equal(rows[0]!.n, 0);
      }
    });

    test('our CSV template refuses the same in its nettside column', async () => {
      const header = 'navn;organisasjon;organisasjonsnummer;status;adresse;postnummer;poststed;niva;felt;nettside';
      const report = await importSource(database.db, tempFile('mal.csv', `${header}\r\nTilbud;Lenkeby kommune;974760673;aktiv;Gata 1;0150;Oslo;lavterskel;rus;javascript:alert(1)\r\n`), { dryRun: true });
      assert.equal(report.ok, false);
      assert.match(report.problems.map((p) => p.message).join('\n'), /https:\/\//);
    });

    test('the service form and the organisation registration refuse such a link with a message beside the field, keeping what was typed', async () => {
      for (const attack of ATTACKS) {
        await editor.get(`/mine-tilbud/${org.id}/nytt-tilbud`);
        const page = await editor.post(`/mine-tilbud/${org.id}/nytt-tilbud`, serviceForm({ url: attack }));
        assert.equal(page.status, 400, attack);
        assert.match(page.$('#url-error').text(), /https:\/\//);
        assert.equal(page.$('#url').attr('value'), attack);
        await editor.get('/registrer-tilbud');
        const start = await editor.post('/registrer-tilbud/ny-organisasjon', { orgnr: '923609016', orgName: 'Lenkelaget', website: attack, orgEmail: '' });
        assert.equal(start.status, 400, attack);
        assert.match(start.$('#website-error').text(), /https:\/\//);
      }
    });

    test('a link already stored with another scheme is shown as text, never as a link; a web address stays a link', async () => {
      for (const attack of ATTACKS) {
        await sql`update service set url = ${attack}, email = ${'x@y.no?bcc=z@w.no'} where id = ${service.id}`.execute(database.db);
        const page = await editor.get(`/tilbud/${service.id}`);
        assert.equal(page.status, 200);
        const hrefs = page.$('a[href]').map((_, a) => page.$(a).attr('href')!).get();
        assert.ok(!hrefs.some((href) => /^\s*(javascript|data|vbscript):/i.test(href) || href.includes('bcc=')), `${attack}: ${hrefs.join(' ')}`);
        assert.match(page.$('main').text(), new RegExp(attack.slice(0, 10).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
        // the open data leaves such a link out rather than hand it to someone else's page
        for (const url of [`/api/v1/services/${service.id}`, `/hsds/services/${service.id}`, `/hsds/services?full=true`, `/fhir/HealthcareService/${service.id}`, '/hsds/tabular.json']) {
          const body = (await app.inject({ method: 'GET', url })).body;
          assert.ok(!body.includes(attack), `${url} publishes ${attack}`);
        }
      }
      await sql`update service set url = 'https://lenkeby.example/musikk', email = 'post@lenkeby.example' where id = ${service.id}`.execute(database.db);
      const page = await editor.get(`/tilbud/${service.id}`);
      assert.equal(page.$('a[href="https://lenkeby.example/musikk"]').length, 1);
      assert.equal(page.$('a[href="mailto:post@lenkeby.example"]').length, 1);
    });

    test('an import that would make an organisation its own ancestor is refused with the chain, in the file or through the directory', async () => {
      const a = newOrganization({ name: 'A-forening' });
      const b = newOrganization({ name: 'B-forening', parent_organization_id: a.id });
      const loop = await importSource(database.db, tempFile('sirkel.ndjson', ndjson({ ...a, parent_organization_id: b.id }, b)), { dryRun: false });
      assert.equal(loop.ok, false);
      assert.match(loop.problems.map((p) => p.message).join('\n'), new RegExp(`${a.id} → ${b.id} → ${a.id}`));
      const self = newOrganization({ name: 'Selvforelder' });
      const own = await importSource(database.db, tempFile('selv.ndjson', ndjson({ ...self, parent_organization_id: self.id })), { dryRun: true });
      assert.equal(own.ok, false);
      // B is stored under A; a later file puts A under B
      const lawful = await importSource(database.db, tempFile('lovlig.ndjson', ndjson(a, b)), { dryRun: false });
      assert.ok(lawful.ok, JSON.stringify(lawful.problems));
      const later = await importSource(database.db, tempFile('senere.ndjson', ndjson({ ...a, parent_organization_id: b.id })), { dryRun: false });
      assert.equal(later.ok, false);
      assert.match(later.problems[0]!.message, /sin egen overordnede/);
      const { rows } = await sql<{ parent_organization_id: string | null }>`select parent_organization_id from organization where id = ${a.id}`.execute(database.db);
      assert.equal(rows[0]!.parent_organization_id, null);
    });

    test('the database itself refuses a parent cycle from any writer', async () => {
      const { rows } = await sql<{ id: string }>`select id from organization where name in ('A-forening', 'B-forening') order by name`.execute(database.db);
      const [a, b] = rows.map((r) => r.id) as [string, string];
      await assert.rejects(sql`update organization set parent_organization_id = ${b} where id = ${a}`.execute(database.db), /own ancestor/);
      await assert.rejects(sql`update organization set parent_organization_id = id where id = ${a}`.execute(database.db), /own ancestor/);
    });
  });
}
