import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config.ts';
import { nb } from '../../platform/i18n/nb.ts';
import { paths } from '../../platform/paths.ts';
import { sendPage } from '../../platform/views/render.ts';
import { Email, FormBody, formErrors, safeNext, typed } from '../forms.ts';
import { queueRequestedMail } from '../mail/outbox.ts';
import { mailVerification } from '../mail/verification.ts';
import { hashPassword, passwordProblem, spendVerifyTime, verifyPassword } from '../passwords.ts';
import { startSession, stopSession } from '../plugin.ts';
import { countAttempt, forgetAttempts, isLimited, limits } from '../rate-limit.ts';
import { endAllSessions } from '../sessions.ts';
import type { AccountsDb } from '../tables.ts';
import { checkToken, consumeToken, issueToken } from '../tokens.ts';
import { createUser, findUserByEmail, findUserById, markVerified, noteLogin, setPassword } from '../users.ts';
import { ForgotPage, LoginPage, MessagePage, RegisterPage, ResetPage, VerifyPage } from '../views/pages.tsx';
import { oidcConfigured } from './oidc.ts';

const m = nb.accounts;
const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$' }) });

/** Home of a signed-in person: their offers. */
export const AFTER_LOGIN = paths.selfService.mine;

export async function authRoutes(app: FastifyInstance, { db, config }: { db: AccountsDb; config: Config }) {
  const oidc = oidcConfigured(config);
  const loginPage = (request: FastifyRequest, reply: FastifyReply, values: { email: string; next: string }, errors: Record<string, string>, status: number, notice?: string) =>
    sendPage(reply, LoginPage({ values, errors, csrfToken: request.csrfToken, notice, oidc }), status);

  app.get(paths.accounts.login, async (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).neste, '');
    if (request.user) return reply.redirect(next || AFTER_LOGIN, 303);
    return loginPage(request, reply, { email: '', next }, {}, 200);
  });

  app.post(paths.accounts.login, {
    schema: { body: FormBody({ email: Email, password: Type.String({ minLength: 1, maxLength: 1024 }), neste: Type.Optional(Type.String({ maxLength: 2000 })) }) },
    attachValidation: true,
  }, async (request, reply) => {
    const values = { email: typed(request.body, ['email']).email!, next: safeNext(typed(request.body, ['neste']).neste, '') };
    if (request.validationError) {
      return loginPage(request, reply, values, formErrors(request, { email: m.errors.emailInvalid, password: m.errors.passwordRequired }, m.errors.loginFailed), 400);
    }
    const { email, password } = request.body as { email: string; password: string };
    const checks = [limits.loginIp(request.ip), limits.loginAccount(email)];
    if (await isLimited(db, checks)) return loginPage(request, reply, values, { email: m.errors.locked }, 429);
    const user = await findUserByEmail(db, email);
    const ok = user?.password_hash ? await verifyPassword(user.password_hash, password) : (await spendVerifyTime(password), false);
    if (!user || !ok) {
      await countAttempt(db, checks);
      return loginPage(request, reply, values, { email: m.errors.loginFailed }, 401);
    }
    if (!user.email_verified_at) {
      const mailed = await mailVerification(db, config, user);
      app.mailer.kick();
      return loginPage(request, reply, values, {}, 403, mailed.sent ? m.login.unverified : m.login.unverifiedRecent(mailed.retryMinutes));
    }
    await forgetAttempts(db, limits.loginAccount(email));
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
    const values = typed(request.body, ['email', 'name']) as { email: string; name: string };
    const errors = request.validationError ? formErrors(request, { email: m.errors.emailInvalid, name: m.errors.nameTooLong, password: m.errors.too_long }, m.errors.emailInvalid) : {};
    const password = typed(request.body, ['password']).password!;
    const problem = errors.password ? null : passwordProblem(password, values.email);
    if (problem) errors.password = m.errors[problem];
    if (Object.keys(errors).length > 0) return sendPage(reply, RegisterPage({ values, errors, csrfToken: request.csrfToken }), 400);
    if (await isLimited(db, [limits.registerIp(request.ip)])) {
      return sendPage(reply, RegisterPage({ values, errors: { email: m.errors.rateLimited }, csrfToken: request.csrfToken }), 429);
    }
    await countAttempt(db, [limits.registerIp(request.ip)]);
    // hashed either way, so the answer takes as long whether the address is taken or not
    const passwordHash = await hashPassword(password);
    await db.transaction().execute(async (trx) => {
      const existing = await findUserByEmail(trx, values.email);
      if (existing) {
        await queueRequestedMail(trx, existing.email, null, async () => ({ subject: m.mail.existsSubject, body: m.mail.existsBody(`${config.publicUrl}${paths.accounts.login}`, `${config.publicUrl}${paths.accounts.forgot}`) + m.mail.signature }));
        return;
      }
      const id = await createUser(trx, { email: values.email, name: values.name.trim() || null, passwordHash, verified: false });
      await mailVerification(trx, config, { id, email: values.email.trim().toLowerCase() });
    });
    app.mailer.kick();
    return sendPage(reply, MessagePage({ title: m.register.sentTitle, message: m.register.sent(values.email.trim()) }));
  });

  /** A link that no longer works: 404 when unknown, 410 when expired or used, with where to go instead. */
  const tokenFailure = (reply: FastifyReply, title: string, reason: 'expired' | 'used' | 'unknown', link: { href: string; text: string } = { href: paths.accounts.login, text: m.login.title }) =>
    sendPage(reply, MessagePage({ title, message: m.verify[reason], links: [link] }), reason === 'unknown' ? 404 : 410);
  const forgotLink = { href: paths.accounts.forgot, text: m.forgot.title };

  app.get(paths.accounts.verify(), { schema: { params: TokenParams }, attachValidation: true }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const check = request.validationError ? { ok: false as const, reason: 'unknown' as const } : await checkToken(db, token, 'verify_email');
    if (!check.ok) return tokenFailure(reply, m.verify.title, check.reason);
    return sendPage(reply, VerifyPage({ token, csrfToken: request.csrfToken }));
  });

  app.post(paths.accounts.verify(), { schema: { params: TokenParams }, attachValidation: true }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const used = request.validationError ? { ok: false as const, reason: 'unknown' as const } : await consumeToken(db, token, 'verify_email');
    if (!used.ok) return tokenFailure(reply, m.verify.title, used.reason);
    await markVerified(db, used.userId);
    return sendPage(reply, MessagePage({ title: m.verify.doneTitle, message: m.verify.done, links: [{ href: paths.accounts.login, text: m.login.title }] }));
  });

  app.get(paths.accounts.forgot, async (request, reply) => sendPage(reply, ForgotPage({ values: { email: '' }, errors: {}, csrfToken: request.csrfToken })));

  app.post(paths.accounts.forgot, { schema: { body: FormBody({ email: Email }) }, attachValidation: true }, async (request, reply) => {
    const values = typed(request.body, ['email']) as { email: string };
    if (request.validationError) return sendPage(reply, ForgotPage({ values, errors: { email: m.errors.emailInvalid }, csrfToken: request.csrfToken }), 400);
    const checks = [limits.resetIp(request.ip), limits.resetAccount(values.email)];
    if (await isLimited(db, checks)) return sendPage(reply, ForgotPage({ values, errors: { email: m.errors.rateLimited }, csrfToken: request.csrfToken }), 429);
    await countAttempt(db, checks);
    await db.transaction().execute(async (trx) => {
      const user = await findUserByEmail(trx, values.email);
      if (!user) return;
      await queueRequestedMail(trx, user.email, null, async (inner) => {
        const token = await issueToken(inner, user.id, 'reset_password');
        return { subject: m.mail.resetSubject, body: m.mail.resetBody(`${config.publicUrl}${paths.accounts.reset(token)}`) + m.mail.signature };
      });
    });
    app.mailer.kick();
    return sendPage(reply, MessagePage({ title: m.forgot.sentTitle, message: m.forgot.sent }));
  });

  app.get(paths.accounts.reset(), { schema: { params: TokenParams }, attachValidation: true }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const check = request.validationError ? { ok: false as const, reason: 'unknown' as const } : await checkToken(db, token, 'reset_password');
    if (!check.ok) return tokenFailure(reply, m.reset.title, check.reason, forgotLink);
    return sendPage(reply, ResetPage({ token, errors: {}, csrfToken: request.csrfToken }));
  });

  app.post(paths.accounts.reset(), {
    schema: { params: TokenParams, body: FormBody({ password: Type.String({ maxLength: 1024 }) }) },
    attachValidation: true,
  }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const check = await checkToken(db, token, 'reset_password');
    if (!check.ok) return tokenFailure(reply, m.reset.title, check.reason, forgotLink);
    const user = await findUserById(db, check.userId);
    const password = typed(request.body, ['password']).password!;
    const problem = passwordProblem(password, user?.email ?? '');
    if (problem) return sendPage(reply, ResetPage({ token, errors: { password: m.errors[problem] }, csrfToken: request.csrfToken }), 400);
    const passwordHash = await hashPassword(password);
    const done = await db.transaction().execute(async (trx) => {
      const used = await consumeToken(trx, token, 'reset_password');
      if (!used.ok) return used;
      await setPassword(trx, used.userId, passwordHash);
      // the link proved the person reads this inbox
      await markVerified(trx, used.userId);
      await endAllSessions(trx, used.userId);
      return used;
    });
    if (!done.ok) return tokenFailure(reply, m.reset.title, done.reason, forgotLink);
    return sendPage(reply, MessagePage({ title: m.reset.doneTitle, message: m.reset.done, links: [{ href: paths.accounts.login, text: m.login.title }] }));
  });
}
