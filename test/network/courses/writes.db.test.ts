import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { backends, freshDatabase } from '../../helpers/db.ts';
import { anAccount } from '../../accounts/client.ts';
import { enrol } from '../../../src/network/courses/enrolment.ts';
import { findCertificate, issueCertificate } from '../../../src/network/courses/certificate.ts';
import { createCourse, createRun, saveAttendance, updateCourse, courseInputOf } from '../../../src/network/courses/writes.ts';
import { findCourse } from '../../../src/network/courses/queries.ts';
import { aNetworkOrganization } from './factories.ts';

const PUBLIC_URL = 'http://localhost:3000';

for (const backend of backends()) {
  describe(`course writes on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let org = '';
    let editor = '';
    before(async () => {
      database = await freshDatabase(backend.name);
      org = await aNetworkOrganization(database.db, 'Arrangøren');
      editor = await anAccount(database.db, { email: 'koordinator@example.no' });
    });
    after(async () => database.close());

    test('an edit is audited field by field, naming who changed what', async () => {
      const slug = await createCourse(database.db, { title: 'Ledelse', summary: '', audiences: ['ledere'], learningGoals: '', format: 'fysisk', lengthHours: 3, organizationId: org, status: 'draft' }, editor);
      const course = (await findCourse(database.db, slug))!;
      await updateCourse(database.db, course, { ...courseInputOf(course), lengthHours: 4.5, status: 'published' }, editor);
      const audit = await database.db.selectFrom('audit_log').select(['field_name', 'previous_value', 'replacement_value', 'updated_by', 'last_action_type'])
        .where('resource_id', '=', course.id).where('last_action_type', '=', 'update').orderBy('field_name').execute();
      assert.deepEqual(audit.map((a) => `${a.field_name}:${a.previous_value}→${a.replacement_value}`), ['length_hours:3→4.5', 'status:draft→published']);
      assert.ok(audit.every((a) => a.updated_by === editor));
      assert.equal((await findCourse(database.db, slug))!.length_hours, 4.5);
    });

    test('taking completion away deletes the certificate, and its code no longer verifies', async () => {
      const slug = await createCourse(database.db, { title: 'Grunnkurs', summary: '', audiences: ['kommune'], learningGoals: '', format: 'digitalt', lengthHours: 2, organizationId: org, status: 'published' }, editor);
      const course = (await findCourse(database.db, slug))!;
      const start = new Date(Date.now() + 3600_000);
      const run = await createRun(database.db, course, { startsAt: start, endsAt: new Date(start.getTime() + 3600_000), place: '', onlineUrl: null, capacity: null, deadline: null, accessibility: '', status: 'published' }, editor);
      const participant = await anAccount(database.db, { email: 'deltaker@example.no', name: 'Dag Deltaker' });
      await enrol(database.db, run, participant, new Date(), PUBLIC_URL);
      const registration = (await database.db.selectFrom('network_registration').select('id').where('event_id', '=', run).executeTakeFirstOrThrow()).id;
      const later = new Date(start.getTime() + 2 * 3600_000);
      assert.deepEqual(await issueCertificate(database.db, registration, participant, later), { kind: 'notCompleted' });
      await saveAttendance(database.db, run, [{ registrationId: registration, attendance: 'attended', completed: true }], editor, later);
      const issued = await issueCertificate(database.db, registration, participant, later);
      assert.equal(issued.kind, 'issued');
      const code = issued.kind === 'issued' ? issued.certificate.code : '';
      assert.equal((await findCertificate(database.db, code))?.participant_name, 'Dag Deltaker');
      await saveAttendance(database.db, run, [{ registrationId: registration, attendance: 'attended', completed: false }], editor, later);
      assert.equal(await findCertificate(database.db, code), undefined);
      const audit = await database.db.selectFrom('audit_log').select('field_name').where('resource_type', '=', 'network_course_certificate').where('previous_value', '=', code).execute();
      assert.equal(audit.length, 1);
    });
  });
}
