import { osloDate } from '../../platform/clock.ts';
import { PHASES, type ChecklistItem, type Phase } from '../content.ts';
import type { ItemStatus } from '../tables.ts';

/** A checklist item in a plan: the handbook's item, where it comes from, and the plan's state of it. */
export interface PlanItem extends ChecklistItem {
  sectionSlug: string;
  sectionTitle: string;
}
export interface ItemState {
  status: ItemStatus;
  owner: string | null;
  dueDate: string | null;
  comment: string | null;
}
export const OPEN: ItemState = { status: 'open', owner: null, dueDate: null, comment: null };

/** Part 4 (service settings) starts at order 400: only the plan's own setting applies there. */
const SETTING_PART_FROM = 400;

/** The items a plan works through: every general section's, plus its own setting's. */
export function itemsForPlan(
  sections: { slug: string; title: string; sort_order: number; checklist: ChecklistItem[] }[],
  settingSectionSlug: string | undefined,
): PlanItem[] {
  return sections
    .filter((section) => section.sort_order < SETTING_PART_FROM || section.slug === settingSectionSlug)
    .flatMap((section) => section.checklist.map((item) => ({ ...item, sectionSlug: section.slug, sectionTitle: section.title })))
    .sort((a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase));
}

export interface PhaseProgress {
  phase: Phase;
  total: number;
  done: number;
  notRelevant: number;
  open: number;
  /** done or not relevant, as a whole percent of the phase's items */
  percentComplete: number;
  overdue: PlanItem[];
}

const isOverdue = (state: ItemState, today: string) => state.status === 'open' && state.dueDate !== null && state.dueDate < today;

/** Completion per phase and overall, and the open items whose due date has passed (today: 'YYYY-MM-DD' in Europe/Oslo). */
export function planProgress(items: PlanItem[], states: Map<string, ItemState>, today: string) {
  const phases: PhaseProgress[] = PHASES.map((phase) => {
    const inPhase = items.filter((item) => item.phase === phase);
    const stateOf = (item: PlanItem) => states.get(item.id) ?? OPEN;
    const done = inPhase.filter((item) => stateOf(item).status === 'done').length;
    const notRelevant = inPhase.filter((item) => stateOf(item).status === 'not_relevant').length;
    return {
      phase, total: inPhase.length, done, notRelevant, open: inPhase.length - done - notRelevant,
      percentComplete: inPhase.length ? Math.round(((done + notRelevant) / inPhase.length) * 100) : 100,
      overdue: inPhase.filter((item) => isOverdue(stateOf(item), today)),
    };
  });
  const total = phases.reduce((n, p) => n + p.total, 0);
  const closed = phases.reduce((n, p) => n + p.done + p.notRelevant, 0);
  return { phases, total, closed, percentComplete: total ? Math.round((closed / total) * 100) : 100, overdue: phases.flatMap((p) => p.overdue) };
}

/** Today's date in Norway, as the due dates are meant. */
export const osloToday = osloDate;
