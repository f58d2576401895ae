import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { Migrator, sql } from 'kysely';
import { migrations } from '../../../migrations/index.ts';
import type { Db, OpenedDatabase } from '../../../src/platform/db/index.ts';
import { backends, emptyDatabase } from '../../helpers/db.ts';

async function migrateTo(db: Db, name: string) {
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(name);
  if (error) throw error;
}

/**
 * Plans made while members were keyed by email are converted to accounts: what belonged to a
 * deleted account does not pass to whoever registered its address later.
 */
for (const backend of backends()) {
  describe(`migration 0011 (plans by account) on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    const ids = {
      owner: randomUUID(), editor: randomUUID(), viewer: randomUUID(), unverified: randomUUID(), reRegistered: randomUUID(), admin: randomUUID(),
      alive: randomUUID(), orphan: randomUUID(), handedOn: randomUUID(), revision: randomUUID(), section: randomUUID(),
    };

    before(async () => {
      database = await emptyDatabase(backend.name);
      const db = database.db;
      await migrateTo(db, '0007_imports');
      await sql`insert into health_region (code, name) values ('N', 'Nord')`.execute(db);
      await sql`insert into county (number, name, official_name) values ('18', 'Nordland', 'Nordland')`.execute(db);
      await sql`insert into municipality (number, name, county_number, health_region_code, lat, lon) values ('1804', 'Bodø', '18', 'N', 67.28, 14.4)`.execute(db);
      const user = (id: string, email: string, verified: boolean, created: string, admin = false, name: string | null = null) =>
        sql`insert into app_user (id, email, name, email_verified_at, created_at, is_admin) values (${id}, ${email}, ${name}, ${verified ? created : null}, ${created}, ${admin})`.execute(db);
      await user(ids.owner, 'Eier@example.no', true, '2026-01-01T00:00:00Z');
      await user(ids.editor, 'redaktor@example.no', true, '2026-01-01T00:00:00Z');
      await user(ids.viewer, 'leser@example.no', true, '2026-01-01T00:00:00Z');
      await user(ids.unverified, 'ubekreftet@example.no', false, '2026-01-01T00:00:00Z');
      // registered after the plans were made: the address's first account made them and was deleted
      await user(ids.reRegistered, 'gammel@example.no', true, '2026-06-01T00:00:00Z');
      await user(ids.admin, 'admin@example.no', true, '2026-01-01T00:00:00Z', true, 'Ada Admin');
      const plan = (id: string, title: string, by: string) =>
        sql`insert into establishment_plan (id, title, organization_name, setting, municipality_number, service_level, created_by_email, created_at)
            values (${id}, ${title}, 'Bodø kommune', 'kommune', '1804', 'oppfolging', ${by}, '2026-02-01T00:00:00Z')`.execute(db);
      const member = (planId: string, email: string, role: string, by: string | null, at: string) =>
        sql`insert into establishment_plan_member (plan_id, email, role, invited_by_email, created_at) values (${planId}, ${email}, ${role}, ${by}, ${at})`.execute(db);
      await plan(ids.alive, 'Levende plan', 'eier@example.no');
      await member(ids.alive, 'eier@example.no', 'owner', null, '2026-02-01T00:00:00Z');
      await member(ids.alive, 'redaktor@example.no', 'editor', 'eier@example.no', '2026-02-02T00:00:00Z');
      await member(ids.alive, 'ubekreftet@example.no', 'viewer', 'eier@example.no', '2026-02-03T00:00:00Z');
      await member(ids.alive, 'ingen-konto@example.no', 'viewer', 'eier@example.no', '2026-02-04T00:00:00Z');
      await sql`insert into establishment_plan_item (plan_id, item_id, status, updated_by_email) values (${ids.alive}, 'rom-1', 'done', 'redaktor@example.no')`.execute(db);
      // a deleted account's plan that nobody else was on, its address registered again since
      await plan(ids.orphan, 'Foreldreløs plan', 'gammel@example.no');
      await member(ids.orphan, 'gammel@example.no', 'owner', null, '2026-02-01T00:00:00Z');
      // a deleted account's plan shared with a reader and an editor: the editor takes it over
      await plan(ids.handedOn, 'Delt plan', 'borte@example.no');
      await member(ids.handedOn, 'borte@example.no', 'owner', null, '2026-02-01T00:00:00Z');
      await member(ids.handedOn, 'leser@example.no', 'viewer', 'borte@example.no', '2026-02-02T00:00:00Z');
      await member(ids.handedOn, 'redaktor@example.no', 'editor', 'borte@example.no', '2026-02-03T00:00:00Z');
      await sql`insert into handbook_section (id, slug, source_path, part, sort_order, title, summary, sources, checklist, body, body_text, status, reviewed_by, file_checksum)
                values (${ids.section}, 'a', 'a.md', '1', 1, 'A', 'A', '[]', '[]', 'a', 'a', 'gjennomgått', 'Ada Admin', 'x')`.execute(db);
      await sql`insert into handbook_revision (id, section_id, number, title, summary, sources, body, origin, author)
                values (${ids.revision}, ${ids.section}, 2, 'A', 'A', '[]', 'a', 'browser', 'admin@example.no')`.execute(db);
      await migrateTo(db, '0011_plan_accounts');
    });
    after(async () => {
      await database.close();
    });

    const rows = async (query: ReturnType<typeof sql>) => (await query.execute(database.db)).rows as Record<string, unknown>[];

    test('members with a verified account become that account; other addresses become invitations', async () => {
      const members = await rows(sql`select user_id, role from establishment_plan_member where plan_id = ${ids.alive} order by role`);
      assert.deepEqual(members, [{ user_id: ids.editor, role: 'editor' }, { user_id: ids.owner, role: 'owner' }]);
      const invitations = await rows(sql`select email, role, invited_by from establishment_plan_invitation where plan_id = ${ids.alive} order by email`);
      assert.deepEqual(invitations, [
        { email: 'ingen-konto@example.no', role: 'viewer', invited_by: ids.owner },
        { email: 'ubekreftet@example.no', role: 'viewer', invited_by: ids.owner },
      ]);
      assert.deepEqual(await rows(sql`select created_by from establishment_plan where id = ${ids.alive}`), [{ created_by: ids.owner }]);
      assert.deepEqual(await rows(sql`select updated_by from establishment_plan_item where plan_id = ${ids.alive}`), [{ updated_by: ids.editor }]);
    });

    test('a plan of a deleted account is not handed to whoever registered its address later', async () => {
      assert.deepEqual(await rows(sql`select id from establishment_plan where id = ${ids.orphan}`), []);
      assert.deepEqual(await rows(sql`select plan_id from establishment_plan_member where user_id = ${ids.reRegistered}`), []);
    });

    test('a shared plan whose owner is gone passes to its longest-standing editor', async () => {
      const members = await rows(sql`select user_id, role from establishment_plan_member where plan_id = ${ids.handedOn} order by role`);
      assert.deepEqual(members, [{ user_id: ids.editor, role: 'owner' }, { user_id: ids.viewer, role: 'viewer' }]);
    });

    test('the handbook\'s editor and reviewer are linked to their account', async () => {
      assert.deepEqual(await rows(sql`select author_id from handbook_revision where id = ${ids.revision}`), [{ author_id: ids.admin }]);
      assert.deepEqual(await rows(sql`select reviewed_by_id from handbook_section where id = ${ids.section}`), [{ reviewed_by_id: ids.admin }]);
    });
  });
}
