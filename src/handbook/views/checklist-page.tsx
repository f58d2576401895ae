import { Button, Link, Paragraph } from '@digdir/designsystemet-react';
import { formatDate, msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { CsrfField, ErrorSummary, RadioGroup, TextArea, TextInput, type Errors } from '../../platform/forms/index.ts';
import { PHASES, type Phase } from '../content.ts';
import { OPEN, type ItemState, type PlanItem } from '../planner/checklist.ts';
import type { PlanRow } from '../planner/queries.ts';
import { PlanLayout } from './plan-layout.tsx';
import { DataTable } from '../../platform/views/data-table.tsx';

const m = msg.handbook.planner.checklist;
const STATUSES = (['open', 'done', 'not_relevant'] as const).map((value) => ({ value, label: m.statuses[value] }));

/** What an item's fields show: saved states, or what was just typed when the save failed. */
export interface TypedItem {
  status: string;
  owner: string;
  due: string;
  comment: string;
}
export const typedFromState = (state: ItemState): TypedItem => ({ status: state.status, owner: state.owner ?? '', due: state.dueDate ?? '', comment: state.comment ?? '' });

export interface ChecklistPageProps {
  plan: PlanRow;
  items: PlanItem[];
  states: Map<string, ItemState>;
  /** a save that failed: what was typed in every phase, and the errors */
  failed: { typed: Map<string, TypedItem>; errors: Errors } | null;
  csrfToken: string;
  notice?: string | null;
}

/**
 * One form for every phase, so a save never drops what was typed in another phase. Each phase
 * ends with a save button for the whole list (it brings the reader back to that phase); with
 * JavaScript, leaving the page with unsaved changes asks first (data-module="unsaved-warning").
 */
export function ChecklistPage(props: ChecklistPageProps) {
  const { plan, items, states, failed } = props;
  const editable = plan.role !== 'viewer';
  const phases = PHASES.map((phase) => {
    const inPhase = items.filter((item) => item.phase === phase);
    const closed = inPhase.filter((item) => (states.get(item.id) ?? OPEN).status !== 'open').length;
    return { phase, inPhase, closed };
  });
  const typedFor = (item: PlanItem) => failed?.typed.get(item.id) ?? typedFromState(states.get(item.id) ?? OPEN);
  const heading = (phase: Phase, closed: number, total: number) => (
    <h2 className="ds-heading" data-size="sm" id={`fase-${phase}`}>{msg.handbook.phases[phase]} <span className="phase-count">({m.phaseStatus(closed, total)})</span></h2>
  );
  if (!editable) {
    return (
      <PlanLayout plan={plan} tab="checklist" heading={m.title} notice={props.notice}>
        <Paragraph>{m.introReadOnly}</Paragraph>
        {phases.map(({ phase, inPhase, closed }) => (
          <section key={phase} aria-labelledby={`fase-${phase}`} className="phase">
            {heading(phase, closed, inPhase.length)}
            {inPhase.length === 0 ? <Paragraph>{m.noItems}</Paragraph> : <ReadOnlyItems items={inPhase} states={states} />}
          </section>
        ))}
      </PlanLayout>
    );
  }
  return (
    <PlanLayout plan={plan} tab="checklist" heading={m.title} notice={props.notice}>
      <Paragraph>{m.intro}</Paragraph>
      {failed && <ErrorSummary errors={failed.errors} heading={msg.handbook.planner.errorsHeading} />}
      <form method="post" noValidate action={paths.handbook.planner.checklist(plan.id)} className="stack checklist-form"
        data-module="unsaved-warning" data-unsaved={failed ? 'true' : undefined}>
        <CsrfField token={props.csrfToken} />
        {phases.map(({ phase, inPhase, closed }) => (
          <section key={phase} aria-labelledby={`fase-${phase}`} className="phase">
            {heading(phase, closed, inPhase.length)}
            {inPhase.length === 0 ? <Paragraph>{m.noItems}</Paragraph> : (
              <>
                {inPhase.map((item) => <ItemFields key={item.id} item={item} typed={typedFor(item)} errors={failed?.errors ?? {}} />)}
                <div className="actions"><Button type="submit" name="fase" value={phase}>{m.save}</Button></div>
              </>
            )}
          </section>
        ))}
      </form>
    </PlanLayout>
  );
}

function ItemFields({ item, typed, errors }: { item: PlanItem; typed: TypedItem; errors: Errors }) {
  return (
    <fieldset className="ds-fieldset checklist-item" id={item.id}>
      <legend className="ds-label">{item.text}</legend>
      <Paragraph data-size="sm"><Link href={paths.handbook.section(item.sectionSlug)}>{m.readMore(item.sectionTitle)}</Link></Paragraph>
      <RadioGroup id={`${item.id}-status`} name={`${item.id}-status`} legend={m.status} options={STATUSES} value={typed.status} error={errors[`${item.id}-status`]} inline />
      <div className="item-grid">
        <TextInput id={`${item.id}-ansvarlig`} label={m.owner} value={typed.owner} error={errors[`${item.id}-ansvarlig`]} maxLength={200} />
        <TextInput id={`${item.id}-frist`} label={m.due} hint={m.dueHint} type={errors[`${item.id}-frist`] ? 'text' : 'date'} value={typed.due} error={errors[`${item.id}-frist`]} />
      </div>
      <TextArea id={`${item.id}-kommentar`} label={m.comment} value={typed.comment} error={errors[`${item.id}-kommentar`]} rows={2} maxLength={2000} />
    </fieldset>
  );
}

function ReadOnlyItems({ items, states }: { items: PlanItem[]; states: Map<string, ItemState> }) {
  return (
    <DataTable rows={items.map((item) => ({ item, state: states.get(item.id) ?? OPEN }))} rowKey={({ item }) => item.id} columns={[
      { header: msg.handbook.checklistHeading, cell: ({ item }) => <Link href={paths.handbook.section(item.sectionSlug)}>{item.text}</Link> },
      { header: m.status, cell: ({ state }) => m.statuses[state.status] },
      { header: m.owner, cell: ({ state }) => state.owner ?? '' },
      { header: m.due, cell: ({ state }) => (state.dueDate ? formatDate(state.dueDate) : '') },
      { header: m.comment, cell: ({ state }) => state.comment ?? '' },
    ]} />
  );
}
