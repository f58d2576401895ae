// Demo only (DEMO_DATA=on): one fictional organisation with the demo editor as its member contact,
// so the member pages, "Min side" and the request queue have something to show. Flagged is_demo
// and shown as fictional; the real members come from migration 0019.
import type { Db } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { DEMO_ACCOUNTS } from '../../accounts/index.ts';

const DEMO_ORGANIZATION = {
  slug: 'eksempel-fjordby-kommune',
  name: 'Fjordby kommune, musikkterapi',
  network_role: 'member' as const,
  kind: 'service' as const,
  description: 'En oppdiktet kommunal musikkterapitjeneste som viser hvordan siden til en organisasjon ser ut.',
  contribution: 'Eksempel: deler erfaringer fra lavterskeltilbud og bidrar på arbeidsseminarene.',
  contact_point: 'post@fjordby.example (fiktiv adresse)',
  source: 'Oppdiktet demodata.',
};

export async function loadNetworkDemo(db: Db): Promise<void> {
  await db.insertInto('network_organization').values({ id: newId(), ...DEMO_ORGANIZATION, is_demo: true })
    .onConflict((oc) => oc.column('slug').doNothing()).execute();
  const organization = await db.selectFrom('network_organization').select('id').where('slug', '=', DEMO_ORGANIZATION.slug).executeTakeFirstOrThrow();
  const editor = await db.selectFrom('app_user').select('id').where('email', '=', DEMO_ACCOUNTS.editor.email).executeTakeFirst();
  if (!editor) return;
  await db.insertInto('network_membership').values({
    id: newId(), user_id: editor.id, organization_id: organization.id, role: 'member_contact', status: 'approved', decided_at: new Date(),
  }).onConflict((oc) => oc.columns(['user_id', 'organization_id']).doNothing()).execute();
}
