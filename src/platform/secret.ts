import type { Config } from './config.ts';
import { randomToken } from './crypto.ts';
import type { Db } from './db/index.ts';

const loaded = new WeakMap<object, Promise<string>>();

/**
 * The key that signs CSRF tokens and OIDC state: SESSION_SECRET when set; otherwise made once and
 * kept in the database, so every instance on the same database agrees without configuration.
 */
export function sessionSecret(db: Db, config: Pick<Config, 'sessionSecret'>): Promise<string> {
  if (config.sessionSecret) return Promise.resolve(config.sessionSecret);
  let secret = loaded.get(db);
  if (!secret) {
    secret = (async () => {
      await db.insertInto('app_setting').values({ name: 'session_secret', value: randomToken() })
        .onConflict((oc) => oc.column('name').doNothing()).execute();
      const row = await db.selectFrom('app_setting').select('value').where('name', '=', 'session_secret').executeTakeFirstOrThrow();
      return row.value;
    })();
    secret.catch(() => loaded.delete(db));
    loaded.set(db, secret);
  }
  return secret;
}
