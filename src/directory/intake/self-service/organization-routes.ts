import type { App } from '../../../platform/http/app.ts';
import type { Db } from '../../../platform/db/index.ts';
import { Type } from '@sinclair/typebox';
import { requireUser } from '../../../accounts/index.ts';
import { msg } from '../../../platform/i18n/index.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { paths } from '../../../platform/paths.ts';
import { sendPage } from '../../../platform/views/render.ts';
import { isWebUrl } from '../../model.ts';
import { isValidOrganizationNumber, normaliseOrganizationNumber } from './orgnr.ts';
import { claimOrganization, createOrganization, organizationByNumber, registrationsOf } from './store.ts';
import { StartPage, type StartValues } from './views/start-page.tsx';

const m = msg.selfService;
const EMPTY: StartValues = { orgnr: '', orgName: '', website: '', orgEmail: '', note: '' };
const str = (body: unknown, name: string) => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.trim() : '';
};

const CreateBody = Type.Object({
  orgnr: Type.String({ maxLength: 20 }),
  orgName: Type.String({ maxLength: 200 }),
  website: Type.String({ maxLength: 500 }),
  orgEmail: Type.String({ maxLength: 254 }),
}, { additionalProperties: true });

/** "Registrer et tilbud", step one: register a new organisation (its number checked) or claim one. */
export async function organizationRoutes(app: App, { db }: { db: Db }) {
  app.get(paths.selfService.start, { preHandler: requireUser }, async (request, reply) =>
    sendPage(reply, StartPage({ values: EMPTY, errors: {}, csrfToken: request.csrfToken, existing: null })));

  app.post(paths.selfService.createOrganization, { preHandler: requireUser, schema: { body: CreateBody }, attachValidation: true }, async (request, reply) => {
    const values: StartValues = { ...EMPTY, orgnr: str(request.body, 'orgnr'), orgName: str(request.body, 'orgName'), website: str(request.body, 'website'), orgEmail: str(request.body, 'orgEmail') };
    const errors: Record<string, string> = {};
    const orgnr = normaliseOrganizationNumber(values.orgnr);
    if (!isValidOrganizationNumber(orgnr)) errors.orgnr = m.errors.organizationNumber;
    if (!values.orgName || values.orgName.length > 200) errors.orgName = m.errors.organizationName;
    if (values.website && !isWebUrl(values.website)) errors.website = m.errors.website;
    if (values.orgEmail && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.orgEmail)) errors.orgEmail = m.errors.email;
    if (Object.keys(errors).length > 0) return sendPage(reply, StartPage({ values, errors, csrfToken: request.csrfToken, existing: null }), 400);
    const existing = await organizationByNumber(db, orgnr);
    if (existing) {
      const own = request.user!.editorOf.includes(existing.id) || (await registrationsOf(db, request.user!.id)).some((o) => o.id === existing.id);
      if (own) return reply.redirect(paths.selfService.newService(existing.id), 303);
      return sendPage(reply, StartPage({ values, errors: {}, csrfToken: request.csrfToken, existing }), 409);
    }
    const id = await db.transaction().execute((trx) => createOrganization(trx, { name: values.orgName, organizationNumber: orgnr, website: values.website || null, email: values.orgEmail || null, note: '' }, request.user!.id));
    return reply.redirect(`${paths.selfService.newService(id)}?melding=registrert`, 303);
  });

  app.post(paths.selfService.claimOrganization, {
    preHandler: requireUser,
    schema: { body: Type.Object({ organizationId: Type.String({ pattern: UUID_PATTERN }), note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: true }) },
    attachValidation: true,
  }, async (request, reply) => {
    if (request.validationError) return sendPage(reply, StartPage({ values: EMPTY, errors: {}, csrfToken: request.csrfToken, existing: null }), 400);
    const { organizationId } = request.body;
    const org = await db.selectFrom('organization').select(['id', 'name']).where('id', '=', organizationId).executeTakeFirst();
    if (!org) return reply.callNotFound();
    if (request.user!.editorOf.includes(org.id)) return sendPage(reply, StartPage({ values: EMPTY, errors: {}, csrfToken: request.csrfToken, existing: null, notice: m.start.alreadyEditor }));
    await claimOrganization(db, org.id, request.user!.id, str(request.body, 'note'));
    return sendPage(reply, StartPage({ values: EMPTY, errors: {}, csrfToken: request.csrfToken, existing: null, notice: m.start.claimSent }));
  });
}
