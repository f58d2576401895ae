import type { Config } from '../platform/config.ts';
import { randomToken } from './crypto.ts';
import { accountsDb, type AccountsDb } from './tables.ts';

const loaded = new WeakMap<object, Promise<string>>();

/**
 * The key that signs CSRF tokens and OIDC state: SESSION_SECRET when set; otherwise made once and
 * kept in the database, so every instance on the same database agrees without configuration.
 */
export function sessionSecret(db: AccountsDb, config: Pick<Config, 'sessionSecret'>): Promise<string> {
  if (config.sessionSecret) return Promise.resolve(config.sessionSecret);
  let secret = loaded.get(db);
  if (!secret) {
    secret = (async () => {
      const tables = accountsDb(db);
      await tables.insertInto('app_setting').values({ name: 'session_secret', value: randomToken() })
        .onConflict((oc) => oc.column('name').doNothing()).execute();
      const row = await tables.selectFrom('app_setting').select('value').where('name', '=', 'session_secret').executeTakeFirstOrThrow();
      return row.value;
    })();
    secret.catch(() => loaded.delete(db));
    loaded.set(db, secret);
  }
  return secret;
}
