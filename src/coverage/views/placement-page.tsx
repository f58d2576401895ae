import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import type { PlacementResult } from '../planning.ts';
import { ChangeTable } from './change-table.tsx';
import { SelectField, TextField, levelOptions } from './fields.tsx';
import { number, ratio } from './format.ts';
import { ImprovedMunicipalities, nationalChangeRows } from './scenario-page.tsx';
import { MethodSection, PlanningFrame, type SourceFacts } from './sections.tsx';
import type { Errors } from '../../platform/forms/index.ts';
import { DataTable } from '../../platform/views/data-table.tsx';

const c = msg.coverage;
const p = c.placement;
const cp = msg.coveragePlanning;

export interface PlacementValues {
  niva: string;
  antall: string;
  arsverk: string;
  mal: string;
}

export interface PlacementPageProps {
  values: PlacementValues;
  errors: Errors;
  result: PlacementResult | null;
  /** The chosen positions opened in "Hva om", to adjust them. */
  scenarioHref: string | null;
  /** The same result as CSV. */
  csvHref: string | null;
  /** The distance the default goal counts people within (the catchment). */
  reach: number;
  unit: 'km' | 'min';
  nameOf: (id: string) => string;
  facts: SourceFacts;
  showsDemoData: boolean;
}

/** How much better the winner is, in the objective's own terms. */
function marginText(result: PlacementResult, margin: number | null): string | null {
  if (margin === null) return null;
  const objective = result.greedy.objective;
  if (objective === 'reach') return cp.marginPeople(margin);
  return objective === 'gini' ? cp.marginGini(number(margin, 4, true)) : cp.marginScore(number(margin, 4, true));
}

function Steps({ result, nameOf, unit }: { result: PlacementResult; nameOf: (id: string) => string; unit: 'km' | 'min' }) {
  const reach = result.greedy.reachKm;
  return (
    <>
      <ul>
        {result.greedy.steps.map((step) => (
          <li key={step.step}>{cp.stepSummary({
            step: step.step, name: nameOf(step.candidateId), objective: result.greedy.objective, newlyWithin: step.newlyWithinPopulation,
            reach, unit, runnerUp: step.runnerUp ? nameOf(step.runnerUp.candidateId) : null, margin: marginText(result, step.margin),
            decidedBy: step.decidedBy, tied: step.tiedOnObjective,
          })}</li>
        ))}
      </ul>
      <DataTable zebra border id="plasseringer" caption={cp.stepsCaption} rows={result.greedy.steps} rowKey={(step) => step.step} columns={[
        { header: cp.columns.step, cell: (step) => step.step },
        { header: cp.columns.municipality, rowHeader: true, cell: (step) => <Link href={paths.coverage.municipality(step.candidateId)}>{nameOf(step.candidateId)}</Link> },
        { header: cp.columns.newlyWithin(reach, unit), cell: (step) => number(step.newlyWithinPopulation) },
        { header: cp.columns.distanceFall(unit), cell: (step) => number(step.distanceFall, 2, true) },
        { header: cp.columns.meanAfter, cell: (step) => ratio(step.meanScore, 3) },
        { header: cp.columns.giniAfter, cell: (step) => number(step.gini, 3, true) },
        { header: cp.columns.runnerUp, cell: (step) => (step.runnerUp ? nameOf(step.runnerUp.candidateId) : '–') },
        { header: cp.columns.margin, cell: (step) => marginText(result, step.margin) ?? '–' },
        { header: cp.columns.decidedBy, cell: (step) => cp.decided[step.decidedBy] },
      ]} />
    </>
  );
}

export function PlacementPage(props: PlacementPageProps) {
  const { values, errors, result } = props;
  return (
    <PlanningFrame title={p.title} lead={p.lead} errors={errors} showsDemoData={props.showsDemoData}>
      <form method="get" action={paths.coverage.placement}>
        <div className="search-form">
          <TextField id="antall" name="antall" label={p.k} value={values.antall} error={errors.antall} inputMode="numeric" />
          <TextField id="arsverk" name="arsverk" label={p.fte} hint={c.scenario.fteHint} value={values.arsverk} error={errors.arsverk} inputMode="decimal" />
          <SelectField id="mal" name="mal" label={p.objective} value={values.mal} error={errors.mal}
            options={Object.entries(cp.objectives).map(([value, label]) => ({ value, label }))} />
          <SelectField id="niva" name="niva" label={c.controls.level} value={values.niva} error={errors.niva} options={levelOptions(true)} />
          <div className="actions"><Button type="submit">{p.submit}</Button></div>
        </div>
      </form>
      {result && (
        <section aria-labelledby="forslag">
          <Heading level={2} data-size="md" id="forslag">{p.resultHeading}</Heading>
          <Steps result={result} nameOf={props.nameOf} unit={props.unit} />
          {props.scenarioHref && <Paragraph><Link href={props.scenarioHref}>{p.openScenario}</Link></Paragraph>}
          {props.csvHref && <Paragraph><Link href={props.csvHref}>{cp.csv}</Link></Paragraph>}
          <ChangeTable id="plassering-endring" caption={c.scenario.tableCaption} beforeLabel={c.change.before} afterLabel={c.change.after}
            rows={nationalChangeRows(result.scenario, props.unit)} />
          <ImprovedMunicipalities result={result.scenario} nameOf={props.nameOf} />
        </section>
      )}
      <section aria-labelledby="metode">
        <Heading level={2} data-size="sm" id="metode">{cp.methodHeading}</Heading>
        {cp.method(props.reach, props.unit).map((text) => <Paragraph key={text}>{text}</Paragraph>)}
        <Paragraph>{cp.demand}</Paragraph>
      </section>
      <MethodSection facts={props.facts} />
    </PlanningFrame>
  );
}
