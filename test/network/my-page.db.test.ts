import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { loadDemoCourses, loadDemoEvents } from '../../src/network/index.ts';
import { register } from '../../src/network/events/registration.ts';
import { backends } from '../helpers/db.ts';
import { appSuite } from '../helpers/app.ts';
import { PASSWORD, Visitor, anAccount } from '../accounts/client.ts';

// "Min side i nettverket" gathers a person's things from every part: memberships, event
// registrations and courses (registered through the one registration machinery of events).
for (const backend of backends()) {
  describe(`Min side i nettverket on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off', PUBLIC_URL: 'https://samklang.test' } });
    before(() => ({ database, app } = suite));
    before(async () => {
      await loadDemoEvents(database.db);
      await loadDemoCourses(database.db);
    });

    test('shows the events and course runs a person has signed up for, each linked', async () => {
      const userId = await anAccount(database.db, { email: 'deltaker@example.no', name: 'Dina Deltaker' });
      const visitor = new Visitor(app, '10.0.9.1');
      assert.equal((await visitor.signIn('deltaker@example.no', PASSWORD)).status, 303);

      const empty = await visitor.get('/nettverket/min-side');
      assert.equal(empty.status, 200);
      assert.equal(empty.$('#mine-pameldinger').length, 1);
      assert.equal(empty.$('#mine-kurs').length, 1);

      const now = new Date();
      const upcoming = await database.db.selectFrom('network_event').select(['id', 'kind', 'title']).where('status', '=', 'published')
        .where('starts_at', '>', now).execute();
      const seminar = upcoming.find((e) => e.kind !== 'course_run')!;
      const run = upcoming.find((e) => e.kind === 'course_run')!;
      for (const event of [seminar, run]) {
        const result = await register(database.db, { publicUrl: 'https://samklang.test', now }, event.id, { kind: 'account', userId });
        assert.ok(result.ok, event.title);
      }

      const page = await visitor.get('/nettverket/min-side');
      const events = page.$('section[aria-labelledby="mine-pameldinger"]');
      assert.ok(events.find(`a[href="/nettverket/arrangementer/${seminar.id}"]`).length === 1, 'the seminar is listed');
      assert.equal(events.find(`a[href="/nettverket/kurs/kursrunder/${run.id}"]`).length, 0, 'a course run is the courses section\'s');
      const courses = page.$('section[aria-labelledby="mine-kurs"]');
      assert.equal(courses.find(`a[href="/nettverket/kurs/kursrunder/${run.id}"]`).length, 1, 'the course run is listed');
    });
  });
}
