import { Type } from '@sinclair/typebox';
import type { Db } from '../../platform/db/index.ts';
import type { App } from '../../platform/http/app.ts';
import { sentString } from '../../platform/http/sent.ts';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { sendPage } from '../../platform/views/render.ts';
import { FormBody, formErrors, typed, type Errors } from '../../platform/forms/index.ts';
import { requireUser } from '../../accounts/index.ts';
import { listMunicipalities, MunicipalityNumber } from '../../reference/index.ts';
import { PHASES, type Phase } from '../content.ts';
import { listSections } from '../queries.ts';
import { ChecklistPage } from '../views/checklist-page.tsx';
import { PlanOverviewPage } from '../views/plan-overview.tsx';
import { NewPlanPage, PlannerIndexPage, type NewPlanValues } from '../views/planner-pages.tsx';
import { ReadinessPage } from '../views/readiness-page.tsx';
import { openPlan, savedNotice } from './access.ts';
import { itemsForPlan, osloToday, planProgress } from './checklist.ts';
import { readChecklist, readReadiness } from './forms.ts';
import { acceptInvitations, insertPlan, listItemStates, listPlansForMember, saveItemStates, updatePlanJson, type PlanRow } from './queries.ts';
import { readinessProfile } from './readiness.ts';
import { SETTINGS, SETTING_BY_CODE, SERVICE_LEVELS } from './settings.ts';

const p = paths.handbook.planner;
const m = msg.handbook.planner;
const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const NonBlank = (maxLength: number) => Type.String({ maxLength, pattern: '\\S' });
const NewPlanBody = FormBody({
  tittel: NonBlank(200),
  virksomhet: NonBlank(200),
  tjenestested: literals(SETTINGS.map((s) => s.code)),
  kommune: MunicipalityNumber(),
  niva: literals(SERVICE_LEVELS),
});
const NEW_PLAN_FIELDS = ['tittel', 'virksomhet', 'tjenestested', 'kommune', 'niva'] as const;

/** The plan's checklist: its items (from the handbook sections in the database) and their saved states. */
export async function planChecklist(db: Db, plan: PlanRow) {
  const sections = await listSections(db);
  const items = itemsForPlan(sections, SETTING_BY_CODE.get(plan.setting)?.sectionSlug);
  return { sections, items, states: await listItemStates(db, plan.id) };
}

export async function plannerRoutes(app: App, { db }: { db: Db }) {
  app.addHook('preHandler', requireUser);
  const userId = (request: { user: { id: string } | null }) => request.user!.id;

  app.get(p.index, async (request, reply) => {
    await acceptInvitations(db, userId(request));
    return sendPage(reply, PlannerIndexPage({ plans: await listPlansForMember(db, userId(request)) }));
  });

  const municipalities = () => listMunicipalities(db);
  app.get(p.create, async (request, reply) => {
    // a link from the coverage atlas may name the municipality; anything else is ignored
    const wanted = sentString(request.query, 'kommune');
    const kommune = wanted !== undefined && /^[0-9]{4}$/.test(wanted) ? wanted : '';
    const values: NewPlanValues = { tittel: '', virksomhet: '', tjenestested: '', kommune, niva: '' };
    return sendPage(reply, NewPlanPage({ values, errors: {}, municipalities: await municipalities(), csrfToken: request.csrfToken }));
  });

  app.post(p.create, { schema: { body: NewPlanBody }, attachValidation: true }, async (request, reply) => {
    const values: NewPlanValues = typed(request.body, NEW_PLAN_FIELDS);
    const errors: Errors = formErrors(request, m.create.errors, m.create.errors.tittel);
    const list = await municipalities();
    if (!errors.kommune && !list.some((mu) => mu.number === values.kommune)) errors.kommune = m.create.errors.kommune;
    if (Object.keys(errors).length > 0) return sendPage(reply, NewPlanPage({ values, errors, municipalities: list, csrfToken: request.csrfToken }), 400);
    const id = await db.transaction().execute((trx) => insertPlan(trx, {
      title: values.tittel.trim(), organizationName: values.virksomhet.trim(), setting: values.tjenestested,
      municipalityNumber: values.kommune, serviceLevel: values.niva as PlanRow['service_level'],
    }, userId(request)));
    return reply.redirect(p.plan(id), 303);
  });

  app.get(p.plan(), async (request, reply) => {
    const plan = await openPlan(db, request, reply, 'read');
    if (!plan) return reply;
    const { items, states } = await planChecklist(db, plan);
    return sendPage(reply, PlanOverviewPage({ plan, progress: planProgress(items, states, osloToday()), states }));
  });

  app.get(p.checklist(), async (request, reply) => {
    const plan = await openPlan(db, request, reply, 'read');
    if (!plan) return reply;
    const { items, states } = await planChecklist(db, plan);
    return sendPage(reply, ChecklistPage({ plan, items, states, failed: null, csrfToken: request.csrfToken, notice: savedNotice(request, m.saved) }));
  });

  // the whole checklist in one form: every phase is saved together, or nothing is and all that was typed comes back
  app.post(p.checklist(), async (request, reply) => {
    const plan = await openPlan(db, request, reply, 'edit');
    if (!plan) return reply;
    const { items, states } = await planChecklist(db, plan);
    const read = readChecklist(items, request.body);
    if (read.errors.size > 0) {
      const text = new Map(items.map((item) => [item.id, item.text]));
      const errors: Errors = Object.fromEntries([...read.errors].map(([field, kind]) => {
        const itemText = text.get(field.replace(/-(status|ansvarlig|frist|kommentar)$/, '')) ?? '';
        return [field, m.checklist.errorFor(itemText, m.checklist.errors[kind])];
      }));
      return sendPage(reply, ChecklistPage({ plan, items, states, failed: { typed: read.typed, errors }, csrfToken: request.csrfToken }), 400);
    }
    await db.transaction().execute((trx) => saveItemStates(trx, plan.id, read.states, userId(request)));
    // the button pressed names its phase: back to where the person was
    const phase = sentString(request.body, 'fase');
    const anchor = phase !== undefined && (PHASES as readonly string[]).includes(phase) ? `#fase-${phase}` : '';
    return reply.redirect(`${p.checklist(plan.id)}?lagret=1${anchor}`, 303);
  });

  const readinessPage = async (plan: PlanRow, typedValues: Record<string, string>, errors: Errors, csrfToken: string, notice: string | null) => {
    const answers = Object.fromEntries(Object.entries(typedValues).filter(([, v]) => /^[1-5]$/.test(v)).map(([k, v]) => [k, Number(v)]));
    const titles = new Map((await listSections(db)).map((s) => [s.slug, s.title]));
    return ReadinessPage({ plan, profile: readinessProfile(answers), typed: typedValues, errors, sectionTitles: titles, csrfToken, notice });
  };

  app.get(p.readiness(), async (request, reply) => {
    const plan = await openPlan(db, request, reply, 'read');
    if (!plan) return reply;
    const saved = Object.fromEntries(Object.entries(plan.readiness).map(([k, v]) => [k, String(v)]));
    return sendPage(reply, await readinessPage(plan, saved, {}, request.csrfToken, savedNotice(request, m.saved)));
  });

  app.post(p.readiness(), async (request, reply) => {
    const plan = await openPlan(db, request, reply, 'edit');
    if (!plan) return reply;
    const read = readReadiness(request.body);
    if (read.invalid.length > 0) {
      const errors = Object.fromEntries(read.invalid.map((id) => [id, m.readiness.error]));
      return sendPage(reply, await readinessPage(plan, read.typed, errors, request.csrfToken, null), 400);
    }
    await updatePlanJson(db, plan.id, 'readiness', read.answers);
    return reply.redirect(`${p.readiness(plan.id)}?lagret=1`, 303);
  });
}
