import { formatDate, msg } from '../../platform/i18n/index.ts';
import { PHASES } from '../content.ts';
import { formatKroner, formatNumber } from '../views/format.ts';
import type { BusinessCaseResult } from './calculator.ts';
import { parseNumber } from './business-case-form.ts';
import { OPEN, planProgress, type ItemState, type PlanItem } from './checklist.ts';
import { PdfWriter } from './pdf.ts';
import type { PlanRow } from './queries.ts';
import type { ReadinessProfile } from './readiness.ts';
import { SETTING_BY_CODE, serviceLevelName } from './settings.ts';

export const DOCUMENT_KINDS = ['vedtaksnotat', 'stillingsbeskrivelse', 'evalueringsplan'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Everything a document is made from: the plan as it is now. */
export interface PlanSnapshot {
  plan: PlanRow;
  items: PlanItem[];
  states: Map<string, ItemState>;
  businessCase: BusinessCaseResult | null;
  /** what was typed in the calculator (the position size as written) */
  businessCaseValues: Record<string, string>;
  readiness: ReadinessProfile;
  today: string;
}

const t = () => msg.handbook.planner.pdf;
const memoText = (snapshot: PlanSnapshot, field: string) => snapshot.plan.memo[field]?.trim() ?? '';

function header(pdf: PdfWriter, title: string, snapshot: PlanSnapshot) {
  const { plan } = snapshot;
  pdf.title(title, plan.title);
  pdf.facts([
    [t().facts.organization, plan.organization_name],
    [t().facts.municipality, plan.municipality_name],
    [t().facts.setting, SETTING_BY_CODE.get(plan.setting)?.name ?? plan.setting],
    [t().facts.level, serviceLevelName(plan.service_level)],
  ]);
  pdf.paragraph(`${t().generated(formatDate(snapshot.today))}. ${t().draftNote}`, { subtle: true });
}

function section(pdf: PdfWriter, heading: string, text: string) {
  pdf.heading(heading);
  pdf.paragraph(text || t().notFilled);
}

function costTable(pdf: PdfWriter, result: BusinessCaseResult, percent: string) {
  const b = msg.handbook.planner.businessCase;
  pdf.table([b.line, b.amount], [
    [b.salaryLine(percent), formatKroner(result.salaryCost)],
    [b.employerLine, formatKroner(result.employerCost)],
    [b.otherYearlyLine, formatKroner(result.otherYearlyCost)],
    [b.yearlyLine, formatKroner(result.yearlyCost)],
    [b.oneTimeLine, formatKroner(result.oneTimeCost)],
    [b.firstYearLine, formatKroner(result.firstYearCost)],
  ], [0.65, 0.35], [1]);
}

function fundingTable(pdf: PdfWriter, result: BusinessCaseResult, values: Record<string, string>) {
  const b = msg.handbook.planner.businessCase;
  const kr = (name: string) => formatKroner(parseNumber(values[name] ?? '', 'nb') || 0);
  pdf.table([b.line, b.amount], [
    [b.ownBudget, kr('finans_egne')],
    [b.stateGrant, kr('finans_tilskudd')],
    [b.otherFunding, kr('finans_annet')],
    [b.fundingLine, formatKroner(result.fundingPerYear)],
    [result.yearlyGap >= 0 ? b.gapLine : b.surplusLine, formatKroner(Math.abs(result.yearlyGap))],
    [b.firstYearGapLine, formatKroner(Math.max(0, result.firstYearGap))],
  ], [0.65, 0.35], [1]);
}

function sensitivityTable(pdf: PdfWriter, result: BusinessCaseResult) {
  const b = msg.handbook.planner.businessCase;
  if (result.sensitivity.length === 0) return pdf.paragraph(b.noScenarios);
  pdf.paragraph(t().memo.benefitNote, { subtle: true });
  pdf.table(
    [...t().memo.sensitivityHeaders],
    result.sensitivity.map((s) => [
      b.scenarios[s.scenario], formatNumber(s.assumption.participants), formatNumber(s.assumption.dropoutReductionPoints),
      formatKroner(s.assumption.costPerBrokenCourse), formatKroner(s.avoidedCost), formatKroner(s.netPerYear),
    ]),
    [0.16, 0.13, 0.17, 0.18, 0.18, 0.18], [1, 2, 3, 4, 5],
  );
}

function decisionMemo(pdf: PdfWriter, s: PlanSnapshot) {
  const m = t().memo;
  const stored = parseNumber(s.businessCaseValues.stillingsprosent ?? '', 'nb');
  const percent = stored === null || Number.isNaN(stored) ? '' : formatNumber(stored);
  header(pdf, m.title, s);
  pdf.heading(m.background);
  pdf.paragraph(m.guidelines);
  if (memoText(s, 'bakgrunn')) pdf.paragraph(memoText(s, 'bakgrunn'));
  section(pdf, m.need, memoText(s, 'behov'));
  pdf.heading(m.proposal);
  const setting = SETTING_BY_CODE.get(s.plan.setting)?.name ?? s.plan.setting;
  pdf.paragraph([m.proposalFacts(serviceLevelName(s.plan.service_level), setting, s.plan.municipality_name), percent ? m.position(percent) : ''].filter(Boolean).join(' '));
  if (memoText(s, 'forslag')) pdf.paragraph(memoText(s, 'forslag'));
  pdf.heading(m.costs);
  if (s.businessCase) costTable(pdf, s.businessCase, percent);
  else pdf.paragraph(m.noBusinessCase);
  pdf.heading(m.financing);
  if (s.businessCase) fundingTable(pdf, s.businessCase, s.businessCaseValues);
  else pdf.paragraph(m.noBusinessCase);
  pdf.heading(m.benefit);
  if (s.businessCase) sensitivityTable(pdf, s.businessCase);
  else pdf.paragraph(m.noBusinessCase);
  section(pdf, m.risks, memoText(s, 'risiko'));
  section(pdf, m.evaluation, memoText(s, 'evaluering'));
  checklistStatus(pdf, s);
  pdf.heading(t().sourcesHeading);
  pdf.bullets(t().guidelineSources);
}

function checklistStatus(pdf: PdfWriter, s: PlanSnapshot) {
  const m = t().memo;
  const o = msg.handbook.planner.overview;
  const progress = planProgress(s.items, s.states, s.today);
  pdf.heading(m.checklist);
  pdf.paragraph(m.checklistIntro(progress.closed, progress.total));
  pdf.table(
    [o.phase, o.done, o.notRelevant, o.open, o.complete],
    progress.phases.filter((p) => p.total > 0).map((p) => [msg.handbook.phases[p.phase], String(p.done), String(p.notRelevant), String(p.open), o.percent(p.percentComplete)]),
    [0.4, 0.15, 0.15, 0.15, 0.15], [1, 2, 3, 4],
  );
  if (progress.overdue.length > 0) {
    pdf.paragraph(m.overdue);
    pdf.bullets(progress.overdue.map((item) => {
      const state = s.states.get(item.id) ?? OPEN;
      return o.overdueItem(item.text, formatDate(state.dueDate!), state.owner);
    }));
  }
  if (s.readiness.answered > 0) {
    pdf.paragraph(m.readiness);
    pdf.bullets(s.readiness.domains.filter((d) => d.average !== null).map((d) => `${d.name}: ${formatNumber(d.average!)}`));
  }
}

function jobDescription(pdf: PdfWriter, s: PlanSnapshot) {
  const j = t().job;
  header(pdf, j.title(s.businessCaseValues.stillingsprosent ?? ''), s);
  pdf.heading(j.purpose);
  pdf.paragraph(j.purposeText(s.plan.organization_name, serviceLevelName(s.plan.service_level)));
  pdf.heading(j.tasks);
  const own = memoText(s, 'oppgaver').split('\n').map((line) => line.replace(/^[-•*]\s*/, '').trim()).filter(Boolean);
  if (own.length > 0) pdf.bullets(own);
  else {
    pdf.paragraph(j.tasksSuggested, { subtle: true });
    pdf.bullets([...(j.defaultTasks[s.plan.service_level] ?? []), ...j.defaultTasks.common!]);
  }
  pdf.heading(j.qualifications);
  pdf.paragraph(j.required);
  pdf.bullets(j.desired);
  pdf.heading(j.organisation);
  pdf.paragraph(j.organisationText);
  pdf.heading(t().sourcesHeading);
  pdf.bullets(t().guidelineSources);
}

function evaluationPlan(pdf: PdfWriter, s: PlanSnapshot) {
  const e = t().evaluation;
  const c = msg.handbook.planner.checklist;
  header(pdf, e.title, s);
  section(pdf, e.goals, memoText(s, 'evaluering'));
  pdf.heading(e.measures);
  pdf.bullets(e.measureList);
  pdf.heading(e.when);
  pdf.bullets(e.whenList);
  pdf.heading(e.responsibility);
  const items = s.items.filter((item) => item.phase === PHASES[PHASES.length - 1]);
  pdf.bullets(items.map((item) => {
    const state = s.states.get(item.id) ?? OPEN;
    return e.item(item.text, c.statuses[state.status], state.owner, state.dueDate ? formatDate(state.dueDate) : null);
  }));
}

const WRITERS: Record<DocumentKind, { title: (s: PlanSnapshot) => string; write: (pdf: PdfWriter, s: PlanSnapshot) => void }> = {
  vedtaksnotat: { title: () => t().memo.title, write: decisionMemo },
  stillingsbeskrivelse: { title: (s) => t().job.title(s.businessCaseValues.stillingsprosent ?? ''), write: jobDescription },
  evalueringsplan: { title: () => t().evaluation.title, write: evaluationPlan },
};

/** One of the plan's documents as PDF bytes, with the Norwegian text in an embedded font. */
export function planDocument(kind: DocumentKind, snapshot: PlanSnapshot): Promise<Buffer> {
  const writer = WRITERS[kind];
  const pdf = new PdfWriter(`${writer.title(snapshot)} – ${snapshot.plan.title}`);
  writer.write(pdf, snapshot);
  return pdf.finish(t().page);
}
