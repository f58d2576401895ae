import { Type } from '@sinclair/typebox';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/index.ts';
import type { App } from '../../platform/http/app.ts';
import { sentString, sentValue } from '../../platform/http/sent.ts';
import { msg, formatInteger } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { sendPage } from '../../platform/views/render.ts';
import { invalidParams } from '../../platform/http/problem.ts';
import { Email, FormBody, formErrors, typed, type Errors } from '../../platform/forms/index.ts';
import { mailLimitMessage, queueRequestedMail } from '../../platform/mail/outbox.ts';
import { inLanguageOf, requireUser } from '../../accounts/index.ts';
import { BusinessCasePage } from '../views/business-case-page.tsx';
import { LocalPage } from '../views/local-page.tsx';
import { MemoPage } from '../views/memo-page.tsx';
import { DocumentsPage, MembersPage } from '../views/share-pages.tsx';
import { openPlan, savedNotice } from './access.ts';
import { BusinessCaseBodySchema, readBusinessCase, readStoredBusinessCase, type BusinessCaseError } from './business-case-form.ts';
import { calculateBusinessCase } from './calculator.ts';
import { osloToday } from './checklist.ts';
import { DOCUMENT_KINDS, planDocument } from './documents.ts';
import { readMemo } from './forms.ts';
import { localPicture } from './local.ts';
import { listMembers, removeMember, updatePlanJson, upsertMember, type PlanRow } from './queries.ts';
import { readinessProfile } from './readiness.ts';
import { planChecklist } from './routes.ts';
import { normaliseEmail } from '../../platform/text.ts';

const p = paths.handbook.planner;
const m = msg.handbook.planner;
const InviteBody = FormBody({ epost: Email, rolle: Type.Union([Type.Literal('editor'), Type.Literal('viewer')]) });
const RemoveBody = FormBody({ epost: Type.String({ maxLength: 254 }) });

function businessCaseMessage(error: BusinessCaseError): string {
  const e = m.businessCase.errors;
  if (error.kind === 'range') return e.range(formatInteger(error.min), formatInteger(error.max));
  return error.kind === 'whole' ? e.whole : e.number;
}

export async function plannerMoreRoutes(app: App, { db, config }: { db: Db; config: Config }) {
  app.addHook('preHandler', requireUser);

  const businessCasePage = (plan: PlanRow, raw: Record<string, unknown>, csrfToken: string, notice: string | null, showErrors: boolean, schemaFailures: string[] = []) => {
    // a plan's stored values (GET) or what was just typed in the reader's language (POST)
    const read = showErrors ? readBusinessCase(raw) : readStoredBusinessCase(raw);
    for (const name of schemaFailures) read.errors[name] ??= { kind: 'number' };
    const errors: Errors = showErrors ? Object.fromEntries(Object.entries(read.errors).map(([name, error]) => [name, businessCaseMessage(error)])) : {};
    const values = showErrors ? Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string')) as Record<string, string> : read.values;
    return { read, page: BusinessCasePage({ plan, values, errors, result: read.input ? calculateBusinessCase(read.input) : null, csrfToken, notice }) };
  };

  app.get(p.businessCase(), async (request, reply) => {
    const plan = await openPlan(db, request, reply, 'read');
    if (!plan) return reply;
    return sendPage(reply, businessCasePage(plan, plan.business_case, request.csrfToken, savedNotice(request, m.saved), false).page);
  });

  app.post(p.businessCase(), { schema: { body: BusinessCaseBodySchema }, attachValidation: true }, async (request, reply) => {
    const plan = await openPlan(db, request, reply, 'edit');
    if (!plan) return reply;
    const raw = (request.body ?? {}) as Record<string, unknown>;
    const failures = invalidParams(request.validationError?.validation ?? []).map((param) => param.name);
    const { read, page } = businessCasePage(plan, raw, request.csrfToken, null, true, failures);
    if (Object.keys(read.errors).length > 0) return sendPage(reply, page, 400);
    await updatePlanJson(db, plan.id, 'business_case', read.stored);
    return reply.redirect(`${p.businessCase(plan.id)}?lagret=1`, 303);
  });

  app.get(p.memo(), async (request, reply) => {
    const plan = await openPlan(db, request, reply, 'read');
    if (!plan) return reply;
    return sendPage(reply, MemoPage({ plan, values: plan.memo, errors: {}, csrfToken: request.csrfToken, notice: savedNotice(request, m.saved) }));
  });

  app.post(p.memo(), async (request, reply) => {
    const plan = await openPlan(db, request, reply, 'edit');
    if (!plan) return reply;
    const read = readMemo(request.body);
    if (read.invalid.length > 0) {
      const errors = Object.fromEntries(read.invalid.map((name) => [name, m.memo.tooLong]));
      return sendPage(reply, MemoPage({ plan, values: read.values, errors, csrfToken: request.csrfToken }), 400);
    }
    await updatePlanJson(db, plan.id, 'memo', read.values);
    return reply.redirect(`${p.memo(plan.id)}?lagret=1`, 303);
  });

  app.get(p.local(), async (request, reply) => {
    const plan = await openPlan(db, request, reply, 'read');
    if (!plan) return reply;
    return sendPage(reply, LocalPage({ plan, picture: await localPicture(db, plan.municipality_number) }));
  });

  app.get(p.documents(), async (request, reply) => {
    const plan = await openPlan(db, request, reply, 'read');
    if (!plan) return reply;
    return sendPage(reply, DocumentsPage({ plan }));
  });

  app.get(p.document(), async (request, reply) => {
    const plan = await openPlan(db, request, reply, 'read');
    if (!plan) return reply;
    const file = sentString(request.params, 'kind') ?? '';
    const kind = DOCUMENT_KINDS.find((k) => `${k}.pdf` === file);
    if (!kind) return reply.callNotFound();
    const { items, states } = await planChecklist(db, plan);
    // stored text as bokmål reads it: documents.ts reads the funding lines the same way
    const read = readBusinessCase(plan.business_case, 'nb');
    const pdf = await planDocument(kind, {
      plan, items, states, businessCase: read.input ? calculateBusinessCase(read.input) : null, businessCaseValues: read.values,
      readiness: readinessProfile(plan.readiness), today: osloToday(),
    });
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${kind}.pdf"`).send(pdf);
  });

  const membersPage = async (plan: PlanRow, values: { epost: string; rolle: string }, errors: Errors, csrfToken: string, notice: string | null) =>
    MembersPage({ plan, members: await listMembers(db, plan.id), values, errors, csrfToken, notice });

  app.get(p.members(), async (request, reply) => {
    const plan = await openPlan(db, request, reply, 'read');
    if (!plan) return reply;
    const invited = sentValue(request.query, 'invitert');
    const removed = sentValue(request.query, 'fjernet');
    const notice = invited ? m.members.invited(String(invited)) : removed ? m.members.removed(String(removed)) : null;
    return sendPage(reply, await membersPage(plan, { epost: '', rolle: 'editor' }, {}, request.csrfToken, notice));
  });

  app.post(p.members(), { schema: { body: InviteBody }, attachValidation: true }, async (request, reply) => {
    const plan = await openPlan(db, request, reply, 'edit');
    if (!plan) return reply;
    const values = typed(request.body, ['epost', 'rolle']);
    // one person per invitation: several addresses (repeated fields, or a list in one) are refused
    const sent = sentValue(request.body, 'epost');
    const several = Array.isArray(sent) || (values.epost.match(/@/g) ?? []).length > 1;
    const errors = several ? { epost: m.members.errors.several } : formErrors(request, m.members.errors, m.members.errors.epost);
    if (Array.isArray(sent)) values.epost = sent.filter((v) => typeof v === 'string').join(', ');
    if (Object.keys(errors).length > 0) return sendPage(reply, await membersPage(plan, values, errors, request.csrfToken, null), 400);
    const invitee = normaliseEmail(values.epost);
    const role = request.body.rolle;
    const refused = await db.transaction().execute(async (trx) => {
      // a changed role is no new invitation: mail goes only to someone not yet on the plan
      if ((await listMembers(trx, plan.id)).some((member) => member.email === invitee)) {
        await upsertMember(trx, plan.id, invitee, role, request.user!.id);
        return null;
      }
      const inviter = request.user!.name || request.user!.email;
      const queued = await inLanguageOf(trx, invitee, () => queueRequestedMail(trx, invitee, request.user, config.clock.now(), async () => ({
        subject: m.members.mailSubject(plan.title),
        body: m.members.mailBody(inviter, plan.title, plan.organization_name, m.roles[role], `${config.publicUrl}${p.plan(plan.id)}`),
      })));
      if (!queued.queued) return queued;
      await upsertMember(trx, plan.id, invitee, role, request.user!.id);
      return null;
    });
    if (refused) return sendPage(reply, await membersPage(plan, values, { epost: mailLimitMessage(refused) }, request.csrfToken, null), 429);
    request.server.mailer?.kick();
    return reply.redirect(`${p.members(plan.id)}?invitert=${encodeURIComponent(invitee)}`, 303);
  });

  app.post(p.removeMember(), { schema: { body: RemoveBody }, attachValidation: true }, async (request, reply) => {
    const plan = await openPlan(db, request, reply, 'edit');
    if (!plan) return reply;
    const target = normaliseEmail(typed(request.body, ['epost']).epost);
    await removeMember(db, plan.id, target);
    return reply.redirect(`${p.members(plan.id)}?fjernet=${encodeURIComponent(target)}`, 303);
  });
}
