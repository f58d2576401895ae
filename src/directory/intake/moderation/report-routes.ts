import type { App } from '../../../platform/http/app.ts';
import type { Db } from '../../../platform/db/index.ts';
import { Type } from '@sinclair/typebox';
import { countAttempt, isLimited, perClient } from '../../../platform/rate-limit.ts';
import type { Clock } from '../../../platform/clock.ts';
import { msg } from '../../../platform/i18n/index.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { paths } from '../../../platform/paths.ts';
import { sendPage } from '../../../platform/views/render.ts';
import { findPublicService } from '../../queries.ts';
import { addReport } from './queries.ts';
import { ReportPage, ReportThanks } from './views/report-page.tsx';

/** Error reports from one client address: at most 5 an hour. */
const reportLimit = (ip: string) => perClient('report', ip, 5, 60);

const m = msg.moderation.report;
const Params = Type.Object({ serviceId: Type.String({ pattern: UUID_PATTERN }) });
const str = (body: unknown, name: string) => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.trim() : '';
};

/** "Meld fra om feil" on any published entry; reports go to the moderation queue. */
export async function reportRoutes(app: App, { db, clock }: { db: Db; clock: Clock }) {
  app.get(paths.selfService.reportError(), { schema: { params: Params } }, async (request, reply) => {
    const { serviceId } = request.params;
    const service = await findPublicService(db, serviceId);
    if (!service) return reply.callNotFound();
    return sendPage(reply, ReportPage({ serviceId, serviceName: service.name, values: { message: '', email: '' }, errors: {}, csrfToken: request.csrfToken }));
  });

  app.post(paths.selfService.reportError(), { schema: { params: Params } }, async (request, reply) => {
    const { serviceId } = request.params;
    const service = await findPublicService(db, serviceId);
    if (!service) return reply.callNotFound();
    const values = { message: str(request.body, 'message'), email: str(request.body, 'email') };
    // a filled honeypot is a bot: it gets the same thanks, and nothing is stored
    if (str(request.body, 'nettsted') !== '') return sendPage(reply, ReportThanks({ serviceId }));
    const errors: Record<string, string> = {};
    if (!values.message || values.message.length > 2000) errors.message = m.messageRequired;
    if (values.email && (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email) || values.email.length > 254)) errors.email = m.emailInvalid;
    const page = (status: number, errs = errors) => sendPage(reply, ReportPage({ serviceId, serviceName: service.name, values, errors: errs, csrfToken: request.csrfToken }), status);
    if (Object.keys(errors).length > 0) return page(400);
    const limit = [reportLimit(request.ip)];
    const now = clock.now();
    if (await isLimited(db, limit, now)) return page(429, { message: m.rateLimited });
    await countAttempt(db, limit, now);
    await addReport(db, { serviceId, message: values.message, reporterEmail: values.email || null });
    return sendPage(reply, ReportThanks({ serviceId }));
  });
}
