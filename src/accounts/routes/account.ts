import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app.ts';
import { sentValue } from '../../platform/http/sent.ts';
import type { Config } from '../../platform/config.ts';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { sendPage } from '../../platform/views/render.ts';
import { FormBody, typed } from '../../platform/forms/index.ts';
import { requireAdmin, requireUser } from '../guards.ts';
import { listOutbox } from '../../platform/mail/outbox.ts';
import { stopSession } from '../plugin.ts';
import { SESSION_DAYS, SESSION_IDLE_MINUTES } from '../sessions.ts';
import { deleteAccount, deletionNotices, personalData } from '../privacy.ts';
import type { Db } from '../../platform/db/index.ts';
import { AccountPage, DeleteAccountPage, OutboxPage, PrivacyPage } from '../views/account-pages.tsx';
import { MessagePage } from '../../platform/views/message-page.tsx';
import { pendingEmailChange } from '../settings.ts';
import { settingsRoutes } from './settings.ts';
import { normaliseEmail } from '../../platform/text.ts';

const m = msg.accounts;

export async function accountPageRoutes(app: App, { db, config }: { db: Db; config: Config }) {
  app.get(paths.accounts.privacy, async (_request, reply) => sendPage(reply, PrivacyPage({ operator: config.operator, sessionDays: SESSION_DAYS, idleHours: SESSION_IDLE_MINUTES / 60 })));

  app.get(paths.accounts.account, { preHandler: requireUser }, async (request, reply) => {
    const user = request.user!;
    const organizations = user.editorOf.length === 0 ? [] : await db.selectFrom('organization').select(['id', 'name'])
      .where('id', 'in', user.editorOf).orderBy('name').execute();
    const changed = sentValue(request.query, 'endret');
    const notice = changed ? m.settings.saved[String(changed)] ?? null : null;
    return sendPage(reply, AccountPage({ user, organizations, pendingEmail: await pendingEmailChange(db, user.id), notice }));
  });

  app.get(paths.accounts.data, { preHandler: requireUser }, async (request, reply) => {
    const data = await personalData(db, request.user!.id, app.personalData.sources);
    return reply.header('content-disposition', 'attachment; filename="samklang-mine-data.json"')
      .type('application/json; charset=utf-8').send(JSON.stringify({ exportedAt: new Date().toISOString(), ...data }, null, 2));
  });

  // the confirm page says what will become of the plans and other shared records before anything happens
  const deletePage = async (request: FastifyRequest, errors: Record<string, string>) => DeleteAccountPage({
    errors, csrfToken: request.csrfToken, notices: await deletionNotices(db, { id: request.user!.id, email: request.user!.email.toLowerCase() }, app.personalData.sources),
  });
  app.get(paths.accounts.delete, { preHandler: requireUser }, async (request, reply) => sendPage(reply, await deletePage(request, {})));

  app.post(paths.accounts.delete, { preHandler: requireUser, schema: { body: FormBody({ bekreft: Type.String({ maxLength: 254 }) }) }, attachValidation: true }, async (request, reply) => {
    const confirmation = normaliseEmail(typed(request.body, ['bekreft']).bekreft);
    if (confirmation !== request.user!.email.toLowerCase()) {
      return sendPage(reply, await deletePage(request, { bekreft: m.errors.confirmDelete }), 400);
    }
    const userId = request.user!.id;
    await db.transaction().execute((trx) => deleteAccount(trx, userId, app.personalData.sources));
    await stopSession(db, request, reply);
    return sendPage(reply, MessagePage({ title: m.deleteAccount.doneTitle, message: m.deleteAccount.done }));
  });

  await settingsRoutes(app, { db, config });

  app.get(paths.moderation.outbox, { preHandler: requireAdmin }, async (_request, reply) =>
    sendPage(reply, OutboxPage({ mails: await listOutbox(db), smtp: config.smtp !== undefined })));
}
