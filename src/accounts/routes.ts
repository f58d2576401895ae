import type { App } from '../platform/http/app.ts';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db/index.ts';
import { setOidcEnabled } from './guards.ts';
import { accountPageRoutes } from './routes/account.ts';
import { authRoutes } from './routes/auth.ts';
import { oidcConfigured, oidcRoutes } from './routes/oidc.ts';

/** Pages of the accounts domain: sign-in, registration, links from mail, own account, privacy, OIDC. */
export async function accountRoutes(app: App, { db, config }: { db: Db; config: Config }) {
  setOidcEnabled(oidcConfigured(config));
  await authRoutes(app, { db: db, config });
  await accountPageRoutes(app, { db: db, config });
  await oidcRoutes(app, { db: db, config });
}
