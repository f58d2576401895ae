import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app.ts';
import { sentValue } from '../../platform/http/sent.ts';
import type { Config } from '../../platform/config.ts';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { sendPage } from '../../platform/views/render.ts';
import { Email, FormBody, formErrors, typed } from '../../platform/forms/index.ts';
import { queueRequestedMail } from '../../platform/mail/outbox.ts';
import { mailVerification } from '../verification-mail.ts';
import { hashPassword, passwordProblem, spendVerifyTime, verifyPassword } from '../passwords.ts';
import { startSession, stopSession } from '../plugin.ts';
import { readNext } from '../next.ts';
import { countAttempt, forgetAttempts, isLimited } from '../../platform/rate-limit.ts';
import { limits, loginPair, loginWait } from '../throttle.ts';
import { endAllSessions } from '../sessions.ts';
import type { Db } from '../../platform/db/index.ts';
import { checkToken, consumeToken, issueToken, spendTokens } from '../tokens.ts';
import { createUser, findUserByEmail, findUserById, markVerified, normaliseEmail, noteLogin, setPassword } from '../users.ts';
import { ForgotPage, LoginPage, RegisterPage, ResetPage, VerifyPage } from '../views/pages.tsx';
import { MessagePage } from '../../platform/views/message-page.tsx';
import { oidcConfigured } from './oidc.ts';

const m = msg.accounts;
const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$' }) });

/** Home of a signed-in person: their offers. */
export const AFTER_LOGIN = paths.selfService.mine;

export async function authRoutes(app: App, { db, config }: { db: Db; config: Config }) {
  const oidc = oidcConfigured(config);
  const clock = config.clock;
  const loginPage = (request: FastifyRequest, reply: FastifyReply, values: { email: string; next: string }, errors: Record<string, string>, status: number, notice?: string) =>
    sendPage(reply, LoginPage({ values, errors, csrfToken: request.csrfToken, notice, oidc }), status);

  app.get(paths.accounts.login, async (request, reply) => {
    const target = readNext(sentValue(request.query, 'neste'));
    if (!target.ok) return sendPage(reply, MessagePage({ title: m.errors.badNextTitle, message: m.errors.badNext, links: [{ href: paths.accounts.login, text: m.login.title }] }), 400);
    if (request.user) return reply.redirect(target.path || AFTER_LOGIN, 303);
    return loginPage(request, reply, { email: '', next: target.path }, {}, 200);
  });

  app.post(paths.accounts.login, {
    schema: { body: FormBody({ email: Email, password: Type.String({ minLength: 1, maxLength: 1024 }), neste: Type.Optional(Type.String({ maxLength: 2000 })) }) },
    attachValidation: true,
  }, async (request, reply) => {
    const target = readNext(sentValue(request.body, 'neste'));
    const values = { email: typed(request.body, ['email']).email, next: target.ok ? target.path : '' };
    if (!target.ok) return loginPage(request, reply, values, {}, 400, m.errors.badNext);
    if (request.validationError) {
      return loginPage(request, reply, values, formErrors(request, { email: m.errors.emailInvalid, password: m.errors.passwordRequired }, m.errors.loginFailed), 400);
    }
    const { email, password } = request.body;
    const now = clock.now();
    // one address trying many accounts: a hard limit, on that address alone
    if (await isLimited(db, [limits.loginIp(request.ip)], now)) return loginPage(request, reply, values, { email: m.errors.locked }, 429);
    // one address trying one account: growing waits for that pair, never a lock on the account
    const wait = await loginWait(db, email, request.ip, now);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      return loginPage(request, reply, values, { email: m.errors.slowDown(Math.ceil(wait / 60)) }, 429);
    }
    const user = await findUserByEmail(db, email);
    const ok = user?.password_hash ? await verifyPassword(user.password_hash, password) : (await spendVerifyTime(password), false);
    if (!user || !ok) {
      await countAttempt(db, [limits.loginIp(request.ip), loginPair(email, request.ip)], now);
      return loginPage(request, reply, values, { email: m.errors.loginFailed }, 401);
    }
    if (!user.email_verified_at) {
      const mailed = await mailVerification(db, config, user);
      app.mailer.kick();
      return loginPage(request, reply, values, {}, 403, mailed.sent ? m.login.unverified : m.login.unverifiedRecent(mailed.retryMinutes));
    }
    await forgetAttempts(db, loginPair(email, request.ip));
    await startSession(db, request, reply, config, user.id);
    await noteLogin(db, user.id);
    return reply.redirect(values.next || AFTER_LOGIN, 303);
  });

  app.post(paths.accounts.logout, async (request, reply) => {
    await stopSession(db, request, reply);
    return reply.redirect(paths.home, 303);
  });

  app.get(paths.accounts.register, async (request, reply) => sendPage(reply, RegisterPage({ values: { email: '', name: '' }, errors: {}, csrfToken: request.csrfToken })));

  app.post(paths.accounts.register, {
    schema: { body: FormBody({ email: Email, name: Type.String({ maxLength: 200 }), password: Type.String({ maxLength: 1024 }) }) },
    attachValidation: true,
  }, async (request, reply) => {
    const values = typed(request.body, ['email', 'name']);
    const errors = request.validationError ? formErrors(request, { email: m.errors.emailInvalid, name: m.errors.nameTooLong, password: m.errors.too_long }, m.errors.emailInvalid) : {};
    const password = typed(request.body, ['password']).password;
    const problem = errors.password ? null : passwordProblem(password, values.email, values.name);
    if (problem) errors.password = m.errors[problem];
    if (Object.keys(errors).length > 0) return sendPage(reply, RegisterPage({ values, errors, csrfToken: request.csrfToken }), 400);
    const now = clock.now();
    if (await isLimited(db, [limits.registerIp(request.ip)], now)) {
      return sendPage(reply, RegisterPage({ values, errors: { email: m.errors.rateLimited }, csrfToken: request.csrfToken }), 429);
    }
    await countAttempt(db, [limits.registerIp(request.ip)], now);
    // hashed either way, so the answer takes as long whether the address is taken or not
    const passwordHash = await hashPassword(password);
    await db.transaction().execute(async (trx) => {
      const existing = await findUserByEmail(trx, values.email);
      if (existing) {
        await queueRequestedMail(trx, existing.email, null, now, async () => ({ subject: m.mail.existsSubject, body: m.mail.existsBody(`${config.publicUrl}${paths.accounts.login}`, `${config.publicUrl}${paths.accounts.forgot}`) + m.mail.signature }));
        return;
      }
      const id = await createUser(trx, { email: values.email, name: values.name.trim() || null, passwordHash, verified: false });
      await mailVerification(trx, config, { id, email: normaliseEmail(values.email) });
    });
    app.mailer.kick();
    return sendPage(reply, MessagePage({ title: m.register.sentTitle, message: m.register.sent(values.email.trim()) }));
  });

  /** A link that no longer works: 404 when unknown, 410 when expired or used, with where to go instead. */
  const tokenFailure = (reply: FastifyReply, title: string, reason: 'expired' | 'used' | 'unknown', link: { href: string; text: string } = { href: paths.accounts.login, text: m.login.title }) =>
    sendPage(reply, MessagePage({ title, message: m.verify[reason], links: [link] }), reason === 'unknown' ? 404 : 410);
  const forgotLink = { href: paths.accounts.forgot, text: m.forgot.title };

  app.get(paths.accounts.verify(), { schema: { params: TokenParams }, attachValidation: true }, async (request, reply) => {
    const { token } = request.params;
    const check = request.validationError ? { ok: false as const, reason: 'unknown' as const } : await checkToken(db, token, 'verify_email', clock.now());
    if (!check.ok) return tokenFailure(reply, m.verify.title, check.reason);
    return sendPage(reply, VerifyPage({ token, errors: {}, csrfToken: request.csrfToken }));
  });

  // The link proves the inbox, not who chose the password: someone else may have registered this
  // address. So the password chosen at registration must be given too; a person who does not
  // know it chooses a new one through "Glemt passord", which replaces it.
  app.post(paths.accounts.verify(), { schema: { params: TokenParams }, attachValidation: true }, async (request, reply) => {
    const { token } = request.params;
    const now = clock.now();
    const check = request.validationError ? { ok: false as const, reason: 'unknown' as const } : await checkToken(db, token, 'verify_email', now);
    if (!check.ok) return tokenFailure(reply, m.verify.title, check.reason);
    const password = typed(request.body, ['password']).password;
    const refuse = (message: string, status = 400) => sendPage(reply, VerifyPage({ token, errors: { password: message }, csrfToken: request.csrfToken }), status);
    if (!password) return refuse(m.errors.verifyPassword);
    const user = await findUserById(db, check.userId);
    if (!user) return tokenFailure(reply, m.verify.title, 'unknown');
    // a password check like signing in, so it is throttled like signing in
    const wait = await loginWait(db, user.email, request.ip, now);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      return refuse(m.errors.slowDown(Math.ceil(wait / 60)), 429);
    }
    const known = user.password_hash && password.length <= 1024 ? await verifyPassword(user.password_hash, password) : (await spendVerifyTime(password.slice(0, 1024)), false);
    if (!known) {
      await countAttempt(db, [limits.loginIp(request.ip), loginPair(user.email, request.ip)], now);
      return refuse(m.errors.verifyWrongPassword);
    }
    const used = await consumeToken(db, token, 'verify_email', now);
    if (!used.ok) return tokenFailure(reply, m.verify.title, used.reason);
    await markVerified(db, used.userId);
    return sendPage(reply, MessagePage({ title: m.verify.doneTitle, message: m.verify.done, links: [{ href: paths.accounts.login, text: m.login.title }] }));
  });

  app.get(paths.accounts.forgot, async (request, reply) => sendPage(reply, ForgotPage({ values: { email: '' }, errors: {}, csrfToken: request.csrfToken })));

  app.post(paths.accounts.forgot, { schema: { body: FormBody({ email: Email }) }, attachValidation: true }, async (request, reply) => {
    const values = typed(request.body, ['email']);
    if (request.validationError) return sendPage(reply, ForgotPage({ values, errors: { email: m.errors.emailInvalid }, csrfToken: request.csrfToken }), 400);
    const checks = [limits.resetIp(request.ip), limits.resetAccount(values.email)];
    const now = clock.now();
    if (await isLimited(db, checks, now)) return sendPage(reply, ForgotPage({ values, errors: { email: m.errors.rateLimited }, csrfToken: request.csrfToken }), 429);
    await countAttempt(db, checks, now);
    await db.transaction().execute(async (trx) => {
      const user = await findUserByEmail(trx, values.email);
      if (!user) return;
      await queueRequestedMail(trx, user.email, null, now, async (inner) => {
        const token = await issueToken(inner, user.id, 'reset_password', { now });
        return { subject: m.mail.resetSubject, body: m.mail.resetBody(`${config.publicUrl}${paths.accounts.reset(token)}`) + m.mail.signature };
      });
    });
    app.mailer.kick();
    return sendPage(reply, MessagePage({ title: m.forgot.sentTitle, message: m.forgot.sent }));
  });

  app.get(paths.accounts.reset(), { schema: { params: TokenParams }, attachValidation: true }, async (request, reply) => {
    const { token } = request.params;
    const check = request.validationError ? { ok: false as const, reason: 'unknown' as const } : await checkToken(db, token, 'reset_password', clock.now());
    if (!check.ok) return tokenFailure(reply, m.reset.title, check.reason, forgotLink);
    return sendPage(reply, ResetPage({ token, errors: {}, csrfToken: request.csrfToken }));
  });

  app.post(paths.accounts.reset(), {
    schema: { params: TokenParams, body: FormBody({ password: Type.String({ maxLength: 1024 }) }) },
    attachValidation: true,
  }, async (request, reply) => {
    const { token } = request.params;
    const now = clock.now();
    const check = await checkToken(db, token, 'reset_password', now);
    if (!check.ok) return tokenFailure(reply, m.reset.title, check.reason, forgotLink);
    const user = await findUserById(db, check.userId);
    const password = typed(request.body, ['password']).password;
    const problem = passwordProblem(password, user?.email ?? '', user?.name ?? '');
    if (problem) return sendPage(reply, ResetPage({ token, errors: { password: m.errors[problem] }, csrfToken: request.csrfToken }), 400);
    const passwordHash = await hashPassword(password);
    const done = await db.transaction().execute(async (trx) => {
      const used = await consumeToken(trx, token, 'reset_password', now);
      if (!used.ok) return used;
      await setPassword(trx, used.userId, passwordHash);
      // the link proved the person reads this inbox, and the password is theirs
      await markVerified(trx, used.userId);
      await spendTokens(trx, used.userId, 'verify_email', now);
      await endAllSessions(trx, used.userId);
      return used;
    });
    if (!done.ok) return tokenFailure(reply, m.reset.title, done.reason, forgotLink);
    return sendPage(reply, MessagePage({ title: m.reset.doneTitle, message: m.reset.done, links: [{ href: paths.accounts.login, text: m.login.title }] }));
  });
}
