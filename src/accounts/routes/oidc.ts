import * as client from 'openid-client';
import { sql } from 'kysely';
import type { App } from '../../platform/http/app.ts';
import { sentValue } from '../../platform/http/sent.ts';
import type { Config } from '../../platform/config.ts';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { sendPage } from '../../platform/views/render.ts';
import { hmac, sameText } from '../../platform/crypto.ts';
import { readNext } from '../next.ts';
import { cookieOptions, signingSecret, startSession } from '../plugin.ts';
import type { Db } from '../../platform/db/index.ts';
import { clearUnproven, createUser, findUserByEmail, noteLogin } from '../users.ts';
import { MessagePage } from '../../platform/views/message-page.tsx';

const STATE_COOKIE = 'samklang_oidc';
const m = msg.accounts;

export const oidcConfigured = (config: Config): boolean => config.oidc !== undefined;

interface Pending { state: string; nonce: string; verifier: string; next: string }

const seal = (secret: string, value: Pending) => {
  const body = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${body}.${hmac(secret, `oidc:${body}`)}`;
};
function unseal(secret: string, cookie: string | undefined): Pending | null {
  const [body, mac] = (cookie ?? '').split('.');
  if (!body || !mac || !sameText(mac, hmac(secret, `oidc:${body}`))) return null;
  return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Pending;
}

/** Plain http is accepted only for a provider on this machine (tests, local development). */
const isLocal = (issuer: string) => /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(issuer);

/**
 * Single sign-on through OpenID Connect (authorisation code flow with PKCE, state and nonce), as
 * offered by ID-porten and HelseID. An account is found by the provider's subject, else linked by a
 * verified email, else created.
 */
export async function oidcRoutes(app: App, { db, config }: { db: Db; config: Config }) {
  const settings = config.oidc;
  if (!settings) return;
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () => {
    discovered ??= client.discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined,
      isLocal(settings.issuer) ? { execute: [client.allowInsecureRequests] } : undefined);
    discovered.catch(() => { discovered = undefined; });
    return discovered;
  };
  const redirectUri = `${config.publicUrl}${paths.accounts.oidcCallback}`;
  const failed = (reply: Parameters<typeof sendPage>[0], message: string = m.errors.oidcFailed) =>
    sendPage(reply, MessagePage({ title: m.login.title, message, links: [{ href: paths.accounts.login, text: m.login.title }] }), 400);

  app.get(paths.accounts.oidcStart, async (request, reply) => {
    const target = readNext(sentValue(request.query, 'neste'));
    if (!target.ok) return failed(reply, m.errors.badNext);
    let oidc: client.Configuration;
    try {
      oidc = await configuration();
    } catch (error) {
      request.log.error({ err: error }, 'OpenID Connect discovery failed');
      return failed(reply);
    }
    const pending: Pending = {
      state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(),
      next: target.path,
    };
    const url = client.buildAuthorizationUrl(oidc, {
      redirect_uri: redirectUri, scope: 'openid email profile', state: pending.state, nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier), code_challenge_method: 'S256',
    });
    reply.setCookie(STATE_COOKIE, seal(signingSecret(request), pending), { ...cookieOptions(config), maxAge: 600 });
    return reply.redirect(url.href, 303);
  });

  app.get(paths.accounts.oidcCallback, async (request, reply) => {
    const pending = unseal(signingSecret(request), request.cookies[STATE_COOKIE]);
    reply.clearCookie(STATE_COOKIE, { path: '/' });
    if (!pending) return failed(reply);
    let claims: { sub: string; email?: unknown; email_verified?: unknown; name?: unknown };
    try {
      const oidc = await configuration();
      const tokens = await client.authorizationCodeGrant(oidc, new URL(request.url, config.publicUrl), {
        pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce,
      });
      claims = tokens.claims()!;
      if (typeof claims.email !== 'string') claims = { ...claims, ...(await client.fetchUserInfo(oidc, tokens.access_token, claims.sub)) };
    } catch (error) {
      request.log.warn({ err: error }, 'OpenID Connect sign-in failed');
      return failed(reply);
    }
    if (typeof claims.email !== 'string' || claims.email_verified !== true) return failed(reply, m.errors.oidcUnverified);
    const email = claims.email;
    const name = typeof claims.name === 'string' ? claims.name : null;
    const userId = await db.transaction().execute(async (trx) => {
      const bySubject = await trx.selectFrom('app_user').select('id')
        .where('oidc_issuer', '=', settings.issuer).where('oidc_subject', '=', claims.sub).executeTakeFirst();
      if (bySubject) return bySubject.id;
      const byEmail = await findUserByEmail(trx, email);
      if (byEmail) {
        // an unverified account was registered by someone who never proved the address, maybe
        // not its owner: the provider's proof links it, without the password or name they chose
        await clearUnproven(trx, byEmail.id, name);
        await trx.updateTable('app_user').set({ oidc_issuer: settings.issuer, oidc_subject: claims.sub, email_verified_at: sql`coalesce(email_verified_at, now())` })
          .where('id', '=', byEmail.id).execute();
        return byEmail.id;
      }
      return createUser(trx, { email, name, passwordHash: null, verified: true, oidc: { issuer: settings.issuer, subject: claims.sub } });
    });
    await startSession(db, request, reply, config, userId);
    await noteLogin(db, userId);
    // checked again: the cookie is signed by us, but a rule tightened since must still hold
    const target = readNext(pending.next);
    return reply.redirect((target.ok && target.path) || paths.selfService.mine, 303);
  });
}
