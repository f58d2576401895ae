import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { nb } from '../../platform/i18n/nb.ts';
import { paths } from '../../platform/paths.ts';
import type { PlacementResult } from '../planning.ts';
import { ChangeTable } from './change-table.tsx';
import { SelectField, TextField, levelOptions } from './fields.tsx';
import { number, ratio } from './format.ts';
import { ImprovedMunicipalities, nationalChangeRows } from './scenario-page.tsx';
import { MethodSection, PlanningFrame, type SourceFacts } from './sections.tsx';
import type { Errors } from '../../platform/forms/index.ts';
import { DataTable } from '../../platform/views/data-table.tsx';

const c = nb.coverage;
const p = c.placement;

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
  unit: 'km' | 'min';
  nameOf: (id: string) => string;
  facts: SourceFacts;
  showsDemoData: boolean;
}

function Steps({ result, nameOf }: { result: PlacementResult; nameOf: (id: string) => string }) {
  return (
    <DataTable zebra border id="plasseringer" caption={p.stepsCaption} rows={result.greedy.steps} rowKey={(step) => step.step} columns={[
      { header: p.step, cell: (step) => step.step },
      { header: p.municipality, rowHeader: true, cell: (step) => <Link href={paths.coverage.municipality(step.candidateId)}>{nameOf(step.candidateId)}</Link> },
      { header: p.meanAfter, cell: (step) => ratio(step.meanScore, 3) },
      { header: p.giniAfter, cell: (step) => number(step.gini, 3, true) },
      { header: p.newlyCovered, cell: (step) => number(step.newlyCoveredPopulation) },
      { header: p.tied, cell: (step) => number(step.tiedOnObjective) },
    ]} />
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
            options={Object.entries(p.objectives).map(([value, label]) => ({ value, label }))} />
          <SelectField id="niva" name="niva" label={c.controls.level} value={values.niva} error={errors.niva} options={levelOptions(true)} />
          <div className="actions"><Button type="submit">{p.submit}</Button></div>
        </div>
      </form>
      {result && (
        <section aria-labelledby="forslag">
          <Heading level={2} data-size="md" id="forslag">{p.resultHeading}</Heading>
          <Steps result={result} nameOf={props.nameOf} />
          {props.scenarioHref && <Paragraph><Link href={props.scenarioHref}>{p.openScenario}</Link></Paragraph>}
          <ChangeTable id="plassering-endring" caption={c.scenario.tableCaption} beforeLabel={c.change.before} afterLabel={c.change.after}
            rows={nationalChangeRows(result.scenario, props.unit)} />
          <ImprovedMunicipalities result={result.scenario} nameOf={props.nameOf} />
        </section>
      )}
      <section aria-labelledby="metode">
        <Heading level={2} data-size="sm" id="metode">{p.methodHeading}</Heading>
        {p.method.map((text) => <Paragraph key={text}>{text}</Paragraph>)}
      </section>
      <MethodSection facts={props.facts} />
    </PlanningFrame>
  );
}
