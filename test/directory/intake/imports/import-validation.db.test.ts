import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase, Db } from '../../../../src/platform/db/index.ts';
import { importSource } from '../../../../src/directory/intake/imports/pipeline/index.ts';
import { backends } from '../../../helpers/db.ts';
import { appSuite } from '../../../helpers/app.ts';
import { PASSWORD, Visitor, anAccount } from '../../../accounts/client.ts';
import { tempFile } from '../../../opendata/examples.ts';
import { anOrganization, store } from '../../factories.ts';
import { runId, runStatus, settled } from './import-helpers.ts';

const FILE_FIELD = 'filer';

/** How many rows the directory holds in the tables an import writes, and the audit entries. */
async function counts(db: Db): Promise<string> {
  const { rows } = await sql<Record<string, number>>`select (select count(*) from service)::int as service, (select count(*) from schedule)::int as schedule,
    (select count(*) from audit_log)::int as audit`.execute(db);
  return JSON.stringify(rows[0]);
}

for (const backend of backends()) {
  describe(`what the write would refuse, the check refuses first, on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let db: Db;
    let app: FastifyInstance;
    let admin: Visitor;
    const own = anOrganization({ name: 'Valideringsby kommune' });
    const service = (fields: Record<string, unknown>) => ({ id: randomUUID(), organization_id: own.id, name: 'Kor', description: 'Syng.', status: 'active', ...fields });

    /** The attacks of issue #10 item 11, each with the field its problem must name. */
    const attacks: { name: string; file: string; text: () => string; field: RegExp }[] = [
      { name: 'a date that is not in the calendar (2026-02-31)', file: 'dato.json', text: () => JSON.stringify(service({ assured_date: '2026-02-31' })), field: /assured_date/ },
      { name: 'a date-time with month 13 and hour 99 (2026-13-45T99:99:99Z)', file: 'tid.json', text: () => JSON.stringify(service({ last_modified: '2026-13-45T99:99:99Z' })), field: /last_modified/ },
      { name: 'a NUL character in text', file: 'nul.json', text: () => JSON.stringify(service({ description: 'Syng\u0000 sammen.' })), field: /description/ },
      { name: 'a NUL character in a field name', file: 'nulfelt.json', text: () => JSON.stringify(service({ 'fo\u0000o': 'x', description: 'ok\u0000' })), field: /description/ },
      { name: 'a schedule date past the month\'s end (valid_from 2026-04-31)', file: 'plan.json', text: () => JSON.stringify(service({ schedules: [{ id: randomUUID(), valid_from: '2026-04-31', freq: 'WEEKLY' }] })), field: /valid_from/ },
      { name: 'JSON nested 20,000 deep (arrays)', file: 'dyp.json', text: () => `${'['.repeat(20_000)}${']'.repeat(20_000)}`, field: /nestet dypere/ },
      {
        name: 'JSON nested 20,000 deep (services in organisations)', file: 'dyp2.json', field: /nestet dypere/,
        text: () => {
          // written as text: JSON.stringify itself cannot go this deep
          const open = (i: number) => `{"id":"${randomUUID()}","organization_id":"${own.id}","name":"Kor ${i}","description":"x","status":"active","organization":{"id":"${own.id}","name":"x","services":[`;
          return `${Array.from({ length: 20_000 }, (_, i) => open(i)).join('')}${JSON.stringify(service({}))}${']}}'.repeat(20_000)}`;
        },
      },
    ];

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off' }, seed: (db) => store(db, [own], []) });
    before(() => ({ database, db, app } = suite));
    before(async () => {
      await anAccount(db, { email: 'sekretariat@example.no', admin: true });
      admin = new Visitor(app, '10.9.0.1');
      await admin.signIn('sekretariat@example.no', PASSWORD);
    });

    for (const attack of attacks) {
      test(`${attack.name}: a problem at the check, the same at the write, nothing written, never a 500`, async () => {
        const before = await counts(db);
        const file = tempFile(attack.file, attack.text());
        const checked = await importSource(db, file, { dryRun: true });
        assert.equal(checked.ok, false, 'the check refuses it');
        assert.ok(checked.problems.some((p) => attack.field.test(p.message)), JSON.stringify(checked.problems).slice(0, 500));
        // one validator: the write refuses the same way, with the same problems, before touching the database
        const written = await importSource(db, file, { dryRun: false });
        assert.equal(written.ok, false);
        assert.deepEqual(written.problems, checked.problems);
        assert.equal(await counts(db), before, 'nothing written');

        await admin.get('/import');
        const uploaded = await admin.upload('/import', [{ field: FILE_FIELD, name: attack.file, content: attack.text() }]);
        assert.equal(uploaded.status, 303);
        const page = await settled(admin, uploaded.location!);
        assert.equal(page.status, 200);
        assert.equal((await runStatus(db, runId(uploaded.location))).status, 'invalid', page.$('main').text().slice(0, 400));
        assert.ok(attack.field.test(page.$('main table').first().text()), page.$('main').text().slice(0, 400));
        assert.equal(page.$('button[name=handling][value=importer]').length, 0, '"Importer nå" is never offered');
        assert.equal(await counts(db), before);
      });
    }

    test('a value the database refuses anyway is one clear problem and writes nothing, never a 500', async () => {
      // a trigger stands for any constraint the validator does not know: the write must end in a refusal, not a crash
      await sql`create function refuse_test_schedule() returns trigger language plpgsql as $$
        begin if new.notes = 'avvis meg' then raise exception 'timeplanen avvises i testen'; end if; return new; end $$`.execute(db);
      await sql`create trigger refuse_test_schedule before insert on schedule for each row execute function refuse_test_schedule()`.execute(db);
      try {
        const before = await counts(db);
        const services = Array.from({ length: 30 }, (_, i) => service({ name: `Kor ${i}`, schedules: i === 29 ? [{ id: randomUUID(), notes: 'avvis meg' }] : [] }));
        const report = await importSource(db, tempFile('sent.ndjson', services.map((s) => JSON.stringify(s)).join('\n')), { dryRun: false });
        assert.equal(report.ok, false);
        assert.match(report.problems[0]!.message, /Databasen tok ikke imot importen \(.*timeplanen avvises i testen.*\)\. Ingenting er lagret/);
        assert.equal(report.reindexed, 0);
        assert.equal(await counts(db), before, 'the services before the refused row are not written either');
      } finally {
        await sql`drop trigger refuse_test_schedule on schedule`.execute(db);
        await sql`drop function refuse_test_schedule()`.execute(db);
      }
    });
  });
}
