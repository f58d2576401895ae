import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { rebuildOutdatedSearchIndex, searchServices } from '../../src/directory/index.ts';
import { reindexServices, servicesWithParts, type ChangedParts } from '../../src/directory/write.ts';
import { indexedTermWords } from '../../src/directory/synonyms.ts';
import { backends, freshDatabase } from '../helpers/db.ts';
import { aLocation, aService, anOrganization, store } from './factories.ts';

for (const backend of backends()) {
  describe(`the finder's rows on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    const org = anOrganization();
    const free = aService(org, { name: 'Åpent verksted', description: 'Vi spiller sammen.', terms: ['niva:lavterskel', 'kostnad:gratis', 'arena:kriminalomsorg'] });

    // two more services of another organisation, given at one shared place
    const other = anOrganization({ name: 'Annen helse' });
    const shared = aLocation({ name: 'Felleshuset' });
    const first = aService(other, { name: 'Første', locations: [shared] });
    const second = aService(other, { name: 'Andre' });

    before(async () => {
      database = await freshDatabase(backend.name);
      await store(database.db, [org, other], [free, first, second]);
      await sql`insert into service_at_location (id, service_id, location_id) values (${randomUUID()}, ${second.id}, ${shared.id})`.execute(database.db);
    });
    after(() => database.close());

    const search = (text: string) => searchServices(database.db, { text, place: null, radiusKm: null, filters: {}, age: null, sort: 'relevance', page: 1, perPage: 10 });

    test('rows built with an older format of the search document are rebuilt once at start', async () => {
      // as rows built before the classification's words were indexed
      await sql`update service_search set document = setweight(to_tsvector('norwegian', name), 'A')`.execute(database.db);
      await sql`update search_version set index_format = 0`.execute(database.db);
      assert.equal((await search('fengsel')).total, 0);
      assert.equal(await rebuildOutdatedSearchIndex(database.db), true);
      assert.equal((await search('fengsel')).total, 1);
      assert.equal((await search('gratis')).total, 1);
      assert.equal(await rebuildOutdatedSearchIndex(database.db), false);
    });

    test('rebuilding a service whose finder row would not change writes nothing, so the finder keeps its caches', async () => {
      const version = async () => (await sql<{ v: string }>`select version::text as v from search_version`.execute(database.db)).rows[0]!.v;
      const stored = async () => (await sql<{ name: string }>`select name from service_search where service_id = ${free.id}`.execute(database.db)).rows;
      const before = await version();
      // what the finder does not show: the row stays as it is
      await sql`update service set fees_description = 'Gratis for alle' where id = ${free.id}`.execute(database.db);
      await database.db.transaction().execute((trx) => reindexServices(trx, [free.id, first.id]));
      assert.equal(await version(), before);
      // a new name is the finder's: the row and the version move, with a new word for typo tolerance
      await sql`update service set name = 'Åpent lydverksted' where id = ${free.id}`.execute(database.db);
      await database.db.transaction().execute((trx) => reindexServices(trx, [free.id, first.id]));
      assert.notEqual(await version(), before);
      assert.deepEqual(await stored(), [{ name: 'Åpent lydverksted' }]);
      assert.equal((await search('lydverksted')).total, 1);
      assert.ok((await sql`select 1 from search_word where word = 'lydverksted'`.execute(database.db)).rows.length === 1);
      // leaving the finder is a change too
      const afterRename = await version();
      await sql`update service set status = 'inactive' where id = ${free.id}`.execute(database.db);
      await database.db.transaction().execute((trx) => reindexServices(trx, [free.id]));
      assert.notEqual(await version(), afterRename);
      assert.deepEqual(await stored(), []);
      await sql`update service set status = 'active', name = ${free.name} where id = ${free.id}`.execute(database.db);
      await database.db.transaction().execute((trx) => reindexServices(trx, [free.id]));
      assert.deepEqual(await stored(), [{ name: free.name }]);
    });

    test('the classification in words is each term\'s words in the order of the terms, as if stemmed as one text', async () => {
      // reindexServices stems each term's words once and joins the vectors per set of terms (migration 0034)
      const words = indexedTermWords();
      const { rows: [row] } = await sql<{ terms: string[]; document: string }>`
        select terms, ts_filter(document, '{d}')::text as document from service_search where service_id = ${free.id}`.execute(database.db);
      const text = row!.terms.map((key) => words[key]).filter((w) => w !== undefined).join(' ');
      assert.ok(row!.terms.length >= 3 && text.length > 0, JSON.stringify(row));
      const { rows: [expected] } = await sql<{ document: string }>`select setweight(to_tsvector('norwegian', ${text}), 'D')::text as document`.execute(database.db);
      // in the whole document the part stands after the others: positions counted from its first word
      const fromFirst = (vector: string) => {
        const entries = [...vector.matchAll(/('(?:[^']|'')+'):([\dD,]+)/g)].map(([, lexeme, positions]) => [lexeme!, positions!.split(',').map((p) => parseInt(p, 10))] as const);
        const first = Math.min(...entries.flatMap(([, positions]) => positions));
        return entries.map(([lexeme, positions]) => `${lexeme}:${positions.map((p) => p - first).join(',')}`);
      };
      assert.deepEqual(fromFirst(row!.document), fromFirst(expected!.document));
    });

    test('a changed part marks the services whose HSDS document includes it', async () => {
      const db = database.db;
      const { rows: [sal] } = await sql<{ id: string }>`select id from service_at_location where service_id = ${first.id}`.execute(db);
      const run = (statement: ReturnType<typeof sql>) => statement.execute(db);
      const [orgPhone, placePhone, salContact, contactPhone, serviceSchedule, phoneLanguage, funding] = Array.from({ length: 7 }, () => randomUUID());
      await run(sql`insert into phone (id, organization_id, number) values (${orgPhone}, ${org.id}, '1')`);
      await run(sql`insert into phone (id, location_id, number) values (${placePhone}, ${shared.id}, '2')`);
      await run(sql`insert into contact (id, service_at_location_id, name) values (${salContact}, ${sal!.id}, 'K')`);
      await run(sql`insert into phone (id, contact_id, number) values (${contactPhone}, ${salContact}, '3')`);
      await run(sql`insert into schedule (id, service_id) values (${serviceSchedule}, ${second.id})`);
      await run(sql`insert into language (id, phone_id, code) values (${phoneLanguage}, ${contactPhone}, 'nb')`);
      await run(sql`insert into funding (id, organization_id, source) values (${funding}, ${other.id}, 'Tilskudd')`);
      const owners = async (parts: ChangedParts) => (await servicesWithParts(db, parts)).sort();
      const sorted = (...ids: string[]) => ids.sort();
      assert.deepEqual(await owners({}), []);
      assert.deepEqual(await owners({ phone: [orgPhone!] }), [free.id]);
      assert.deepEqual(await owners({ phone: [placePhone!] }), sorted(first.id, second.id));
      assert.deepEqual(await owners({ contact: [salContact!] }), [first.id]);
      assert.deepEqual(await owners({ phone: [contactPhone!] }), [first.id]);
      assert.deepEqual(await owners({ language: [phoneLanguage!] }), [first.id]);
      assert.deepEqual(await owners({ schedule: [serviceSchedule!] }), [second.id]);
      assert.deepEqual(await owners({ funding: [funding!] }), sorted(first.id, second.id));
      assert.deepEqual(await owners({ location: [shared.id], organization: [org.id] }), sorted(free.id, first.id, second.id));
      assert.deepEqual(await owners({ address: [randomUUID()], accessibility: [randomUUID()] }), []);
    });
  });
}
