import type { Db } from '../platform/db/index.ts';
import { hashPassword } from './passwords.ts';
import { createUser, findUserByEmail, grantEditor } from './users.ts';

/** Demo only: published in the README so anyone trying the demo can sign in. Never use in production. */
export const DEMO_ACCOUNTS = {
  admin: { email: 'admin@demo.samklang.example', password: 'demo-moderator-samklang', name: 'Demo Moderator' },
  editor: { email: 'redaktor@demo.samklang.example', password: 'demo-redaktor-samklang', name: 'Demo Redaktør' },
} as const;

/** Creates the demo admin and the demo editor (of the first demo organisation) when they are missing. */
export async function loadDemoAccounts(db: Db): Promise<void> {
  const organization = await db.selectFrom('organization').select('id').where('is_demo', '=', true).orderBy('name').orderBy('id').executeTakeFirst();
  for (const [role, account] of Object.entries(DEMO_ACCOUNTS)) {
    if (await findUserByEmail(db, account.email)) continue;
    const id = await createUser(db, { email: account.email, name: account.name, passwordHash: await hashPassword(account.password), verified: true, isAdmin: role === 'admin' });
    if (role === 'editor' && organization) await grantEditor(db, id, organization.id);
  }
}
