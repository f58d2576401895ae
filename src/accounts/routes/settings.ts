import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app.ts';
import { sentValue } from '../../platform/http/sent.ts';
import type { Config } from '../../platform/config.ts';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { sendPage } from '../../platform/views/render.ts';
import { hasControlCharacter } from '../../platform/text.ts';
import { Email, FormBody, formErrors, typed } from '../../platform/forms/index.ts';
import { requireUser } from '../guards.ts';
import { mailLimitMessage, queueMail, queueRequestedMail } from '../../platform/mail/outbox.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../passwords.ts';
import { currentSessionToken, startSession, stopSession } from '../plugin.ts';
import { countAttempt, isLimited, type Limit } from '../../platform/rate-limit.ts';
import { endAllSessions, endOtherSessions, listSessions } from '../sessions.ts';
import { confirmEmailChange } from '../settings.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { checkToken, issueToken } from '../tokens.ts';
import { findUserByEmail, findUserById, normaliseEmail, setPassword, type UserRow } from '../users.ts';
import { MessagePage } from '../../platform/views/message-page.tsx';
import { ChangeEmailPage, ChangeNamePage, ChangePasswordPage, ConfirmEmailPage, SessionsPage } from '../views/settings-pages.tsx';
import type { Errors } from '../../platform/forms/index.ts';

const m = msg.accounts;
const s = m.settings;
const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$' }) });
const Secret = Type.String({ maxLength: 1024 });

/** Guessing the current password through these forms (with a stolen session) is limited like sign-in. */
const currentPasswordLimit = (userId: string): Limit => ({ bucket: `settings:current-password:${userId}`, max: 5, windowMinutes: 15 });

/** The error for the "current password" field, or null when it is right. A wrong one is counted. */
async function currentPasswordError(db: Tx, user: UserRow, typedPassword: string, now: Date): Promise<{ message: string; status: number } | null> {
  if (!user.password_hash) return null;
  const limit = currentPasswordLimit(user.id);
  if (await isLimited(db, [limit], now)) return { message: s.tooManyTries, status: 429 };
  if (!typedPassword) return { message: s.password.currentMissing, status: 400 };
  if (await verifyPassword(user.password_hash, typedPassword)) return null;
  await countAttempt(db, [limit], now);
  return { message: s.password.currentWrong, status: 400 };
}

/** Own account: name, email (confirmed by a link before it takes effect), password, sessions. */
export async function settingsRoutes(app: App, { db, config }: { db: Db; config: Config }) {
  const me = async (request: FastifyRequest) => (await findUserById(db, request.user!.id))!;
  const forgotLink = `${config.publicUrl}${paths.accounts.forgot}`;

  app.get(paths.accounts.changeName, { preHandler: requireUser }, async (request, reply) =>
    sendPage(reply, ChangeNamePage({ values: { navn: request.user!.name ?? '' }, errors: {}, csrfToken: request.csrfToken })));

  app.post(paths.accounts.changeName, { preHandler: requireUser, schema: { body: FormBody({ navn: Type.String({ maxLength: 200 }) }) }, attachValidation: true }, async (request, reply) => {
    const values = typed(request.body, ['navn']);
    const problem = request.validationError ? s.name.tooLong : hasControlCharacter(values.navn) ? s.name.control : null;
    if (problem) return sendPage(reply, ChangeNamePage({ values, errors: { navn: problem }, csrfToken: request.csrfToken }), 400);
    await db.updateTable('app_user').set({ name: values.navn.trim() || null }).where('id', '=', request.user!.id).execute();
    return reply.redirect(`${paths.accounts.account}?endret=navn`, 303);
  });

  app.get(paths.accounts.changePassword, { preHandler: requireUser }, async (request, reply) =>
    sendPage(reply, ChangePasswordPage({ errors: {}, csrfToken: request.csrfToken, hasPassword: !!(await me(request)).password_hash })));

  app.post(paths.accounts.changePassword, { preHandler: requireUser, schema: { body: FormBody({ gjeldende: Secret, passord: Secret }) }, attachValidation: true }, async (request, reply) => {
    const user = await me(request);
    if (!user.password_hash) return sendPage(reply, ChangePasswordPage({ errors: {}, csrfToken: request.csrfToken, hasPassword: false }), 400);
    const { gjeldende, passord } = typed(request.body, ['gjeldende', 'passord']);
    const errors: Errors = {};
    const current = await currentPasswordError(db, user, gjeldende, config.clock.now());
    if (current) errors.gjeldende = current.message;
    // the site's password rules, whatever they are (passwords.ts)
    const problem = passwordProblem(passord, user.email, user.name ?? '');
    if (problem) errors.passord = m.errors[problem];
    if (Object.keys(errors).length > 0) return sendPage(reply, ChangePasswordPage({ errors, csrfToken: request.csrfToken, hasPassword: true }), current?.status ?? 400);
    const passwordHash = await hashPassword(passord);
    await db.transaction().execute(async (trx) => {
      await setPassword(trx, user.id, passwordHash);
      // whoever else was signed in (perhaps the reason for the change) is signed out
      await endAllSessions(trx, user.id);
      await queueMail(trx, { to: user.email, subject: s.password.mailSubject, body: s.password.mailBody(forgotLink) + m.mail.signature });
    });
    await startSession(db, request, reply, config, user.id);
    app.mailer.kick();
    return reply.redirect(`${paths.accounts.account}?endret=passord`, 303);
  });

  const emailPage = (request: FastifyRequest, reply: FastifyReply, user: UserRow, values: { epost: string }, errors: Errors, status = 200) =>
    sendPage(reply, ChangeEmailPage({ values, errors, csrfToken: request.csrfToken, hasPassword: !!user.password_hash, currentEmail: user.email }), status);

  app.get(paths.accounts.changeEmail, { preHandler: requireUser }, async (request, reply) => emailPage(request, reply, await me(request), { epost: '' }, {}));

  app.post(paths.accounts.changeEmail, { preHandler: requireUser, schema: { body: FormBody({ epost: Email, gjeldende: Type.Optional(Secret) }) }, attachValidation: true }, async (request, reply) => {
    const user = await me(request);
    const values = typed(request.body, ['epost']);
    const newEmail = normaliseEmail(values.epost);
    const errors: Errors = {};
    if (formErrors(request, {}, '').epost !== undefined || hasControlCharacter(values.epost)) errors.epost = s.email.invalid;
    else if (newEmail === normaliseEmail(user.email)) errors.epost = s.email.same;
    const current = await currentPasswordError(db, user, typed(request.body, ['gjeldende']).gjeldende, config.clock.now());
    if (current) errors.gjeldende = current.message;
    if (Object.keys(errors).length > 0) return emailPage(request, reply, user, values, errors, current?.status === 429 ? 429 : 400);
    const refused = await db.transaction().execute(async (trx) => {
      // an address another account has gets no link, and the answer is the same: the form tells no one which addresses have accounts
      if (await findUserByEmail(trx, newEmail)) return null;
      const now = config.clock.now();
      const queued = await queueRequestedMail(trx, newEmail, { id: user.id }, now, async (inner) => {
        const token = await issueToken(inner, user.id, 'change_email', { newEmail, now });
        return { subject: s.email.newSubject, body: s.email.newBody(`${config.publicUrl}${paths.accounts.confirmEmail(token)}`) + m.mail.signature };
      });
      if (!queued.queued) return queued;
      await queueMail(trx, { to: user.email, subject: s.email.oldSubject, body: s.email.oldBody(newEmail, forgotLink) + m.mail.signature });
      return null;
    });
    if (refused) return emailPage(request, reply, user, values, { epost: mailLimitMessage(refused) }, 429);
    app.mailer.kick();
    return sendPage(reply, MessagePage({ title: s.email.sentTitle, message: s.email.sent(newEmail), links: [{ href: paths.accounts.account, text: s.back }] }));
  });

  const linkFailure = (reply: FastifyReply, reason: 'expired' | 'used' | 'unknown' | 'taken') =>
    sendPage(reply, MessagePage({
      title: s.email.confirmTitle, message: reason === 'taken' ? s.email.taken : reason === 'expired' ? s.email.expired : m.verify[reason],
      links: [{ href: paths.accounts.account, text: m.account.title }],
    }), reason === 'unknown' ? 404 : reason === 'taken' ? 409 : 410);

  app.get(paths.accounts.confirmEmail(), { schema: { params: TokenParams }, attachValidation: true }, async (request, reply) => {
    const { token } = request.params;
    const check = request.validationError ? { ok: false as const, reason: 'unknown' as const } : await checkToken(db, token, 'change_email', config.clock.now());
    if (!check.ok) return linkFailure(reply, check.reason);
    return sendPage(reply, ConfirmEmailPage({ token, newEmail: check.newEmail ?? '', csrfToken: request.csrfToken }));
  });

  app.post(paths.accounts.confirmEmail(), { schema: { params: TokenParams }, attachValidation: true }, async (request, reply) => {
    const { token } = request.params;
    if (request.validationError) return linkFailure(reply, 'unknown');
    let done;
    try {
      done = await db.transaction().execute((trx) => confirmEmailChange(trx, token, config.clock.now()));
    } catch (error) {
      // two accounts confirming one address at the same moment: the unique index lets one win
      if ((error as { code?: string }).code !== '23505') throw error;
      done = { ok: false as const, reason: 'taken' as const };
    }
    if (!done.ok) return linkFailure(reply, done.reason);
    return sendPage(reply, MessagePage({ title: s.email.doneTitle, message: s.email.done(done.email), links: [{ href: paths.accounts.account, text: m.account.title }] }));
  });

  app.get(paths.accounts.sessions, { preHandler: requireUser }, async (request, reply) => {
    const sessions = await listSessions(db, request.user!.id, currentSessionToken(request), config.clock.now());
    const notice = sentValue(request.query, 'endret') === 'okter' ? s.saved.okter! : null;
    return sendPage(reply, SessionsPage({ sessions, csrfToken: request.csrfToken, notice }));
  });

  app.post(paths.accounts.endOtherSessions, { preHandler: requireUser }, async (request, reply) => {
    await endOtherSessions(db, request.user!.id, currentSessionToken(request)!);
    return reply.redirect(`${paths.accounts.sessions}?endret=okter`, 303);
  });

  app.post(paths.accounts.endAllSessions, { preHandler: requireUser }, async (request, reply) => {
    await endAllSessions(db, request.user!.id);
    await stopSession(db, request, reply);
    return reply.redirect(paths.accounts.login, 303);
  });
}
