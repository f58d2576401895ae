import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { backends, freshDatabase } from '../../helpers/db.ts';
import { anAccount } from '../../accounts/client.ts';
import { cancelEnrolment, enrol, waitingPosition } from '../../../src/network/courses/enrolment.ts';
import { createCourse, createRun, runInputOf, updateRun } from '../../../src/network/courses/writes.ts';
import { findCourse, findRun } from '../../../src/network/courses/queries.ts';
import { aNetworkOrganization } from './factories.ts';

const PUBLIC_URL = 'http://localhost:3000';

const DAY = 24 * 3600_000;

for (const backend of backends()) {
  describe(`course run enrolment on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    const users: string[] = [];
    const now = new Date();
    let course: NonNullable<Awaited<ReturnType<typeof findCourse>>>;
    const aRun = (capacity: number | null, options: { deadline?: Date; status?: 'draft' | 'published' | 'cancelled' } = {}) => createRun(database.db, course, {
      startsAt: new Date(now.getTime() + 10 * DAY), endsAt: new Date(now.getTime() + 10 * DAY + 6 * 3600_000), place: '', onlineUrl: null,
      capacity, deadline: options.deadline ?? null, accessibility: '', status: options.status ?? 'published',
    }, 'system');
    const statuses = async (runId: string) => (await database.db.selectFrom('network_registration').select(['user_id', 'status']).where('event_id', '=', runId).execute());

    before(async () => {
      database = await freshDatabase(backend.name);
      const org = await aNetworkOrganization(database.db, 'Arrangøren');
      const slug = await createCourse(database.db, { title: 'Kurs', summary: '', audiences: ['ledere'], learningGoals: '', format: 'fysisk', lengthHours: 3, organizationId: org, status: 'published' }, 'system');
      course = (await findCourse(database.db, slug))!;
      for (let i = 0; i < 12; i++) users.push(await anAccount(database.db, { email: `deltaker${i}@example.no` }));
    });
    after(async () => database.close());

    test('twelve sign-ups at once for five places: five get a place, seven wait, none twice', async () => {
      const run = await aRun(5);
      const outcomes = await Promise.all(users.map((user) => enrol(database.db, run, user, now, PUBLIC_URL)));
      assert.equal(outcomes.filter((o) => o.kind === 'registered').length, 5);
      assert.equal(outcomes.filter((o) => o.kind === 'waiting').length, 7);
      const rows = await statuses(run);
      assert.equal(rows.length, 12);
      assert.equal(rows.filter((r) => r.status === 'registered').length, 5);
    });

    test('a cancelled place goes to the first on the waiting list; a waiting person who cancels frees nothing', async () => {
      const run = await aRun(1);
      for (const user of users.slice(0, 3)) await enrol(database.db, run, user, new Date(now.getTime() + users.indexOf(user) * 1000), PUBLIC_URL);
      assert.equal(await waitingPosition(database.db, run, users[2]!), 2);
      assert.equal(await cancelEnrolment(database.db, run, users[2]!, now, PUBLIC_URL), true);
      assert.equal((await statuses(run)).find((r) => r.user_id === users[0])?.status, 'registered');
      assert.equal(await cancelEnrolment(database.db, run, users[0]!, now, PUBLIC_URL), true);
      assert.equal((await statuses(run)).find((r) => r.user_id === users[1])?.status, 'registered');
      // signing up again after cancelling: at the end of the line
      assert.deepEqual(await enrol(database.db, run, users[0]!, now, PUBLIC_URL), { kind: 'waiting' });
      assert.equal(await cancelEnrolment(database.db, run, users[5]!, now, PUBLIC_URL), false, 'nothing to cancel');
    });

    test('raising the capacity gives the new places to the waiting list in order', async () => {
      const runId = await aRun(1);
      for (const [i, user] of users.slice(0, 4).entries()) await enrol(database.db, runId, user, new Date(now.getTime() + i * 1000), PUBLIC_URL);
      const run = (await findRun(database.db, runId))!;
      await updateRun(database.db, run, { ...runInputOf(run), capacity: 3 }, 'system', { now, publicUrl: PUBLIC_URL });
      const rows = await statuses(runId);
      assert.deepEqual(users.slice(0, 4).map((u) => rows.find((r) => r.user_id === u)?.status), ['registered', 'registered', 'registered', 'waiting']);
    });

    test('no sign-ups after the deadline, for a run not published, or for what is not a course run', async () => {
      assert.deepEqual(await enrol(database.db, await aRun(null, { deadline: new Date(now.getTime() - DAY) }), users[0]!, now, PUBLIC_URL), { kind: 'closed', reason: 'deadline' });
      assert.deepEqual(await enrol(database.db, await aRun(null, { status: 'draft' }), users[0]!, now, PUBLIC_URL), { kind: 'closed', reason: 'notOpen' });
      assert.deepEqual(await enrol(database.db, await aRun(null), users[0]!, new Date(now.getTime() + 11 * DAY), PUBLIC_URL), { kind: 'closed', reason: 'started' });
      assert.deepEqual(await enrol(database.db, '00000000-0000-4000-8000-000000000000', users[0]!, now, PUBLIC_URL), { kind: 'notFound' });
    });
  });
}
