import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import type { PositionRow } from '../forms.ts';
import { MAX_POSITIONS } from '../planning.ts';
import type { ScenarioResult } from '../scenario.ts';
import { ChangeTable, type ChangeRow } from './change-table.tsx';
import { SelectField, TextField, levelOptions, type Option } from './fields.tsx';
import { ratio, signed } from './format.ts';
import { MethodSection, PlanningFrame, type SourceFacts } from './sections.tsx';
import type { Errors } from '../../platform/forms/index.ts';
import { DataTable } from '../../platform/views/data-table.tsx';

const c = msg.coverage;
const s = c.scenario;
const cp = msg.coveragePlanning;

/** Every national measure before and after, in the order the atlas shows them. */
export function nationalChangeRows(result: ScenarioResult, unit: 'km' | 'min'): ChangeRow[] {
  const n = result.national;
  return [
    { label: c.change.fte, ...n.fte, digits: 1 },
    { label: c.change.reachableFte, ...n.reachableFte, digits: 1 },
    { label: c.change.meanScore, ...n.meanScore, digits: 3 },
    { label: c.change.gini, ...n.gini, digits: 3 },
    { label: c.change.theil, ...n.theil, digits: 3 },
    ...n.withoutOffer.map((w) => ({ label: c.change.withoutOffer(w.threshold, unit), ...w.share, share: true })),
    { label: c.change.shortage(c.shortage.severe), ...n.shortageCounts.severe },
    { label: c.change.shortage(c.shortage.moderate), ...n.shortageCounts.moderate },
    { label: c.change.shortagePopulation(c.shortage.severe), ...n.shortagePopulation.severe },
  ];
}

/** The municipalities that gain, largest gain first; the full list is in the API. */
export function ImprovedMunicipalities({ result, nameOf }: { result: ScenarioResult; nameOf: (id: string) => string }) {
  const improved = result.municipalities.filter((m) => (m.score.change ?? 0) > 1e-12).sort((a, b) => b.score.change! - a.score.change!);
  if (improved.length === 0) return null;
  return (
    <>
      <Heading level={3} data-size="xs">{c.change.municipalitiesHeading}</Heading>
      <DataTable zebra border id="forbedrede-kommuner" caption={c.change.municipalitiesCaption(improved.length)} rows={improved.slice(0, 30)} rowKey={(m) => m.id} columns={[
        { header: c.table.municipality, rowHeader: true, cell: (m) => <Link href={paths.coverage.municipality(m.id)}>{nameOf(m.id)}</Link> },
        { header: c.change.score, cell: (m) => ratio(m.score.before ?? 0) },
        { header: c.change.scoreAfter, cell: (m) => ratio(m.score.after ?? 0) },
        { header: c.change.change, cell: (m) => signed(m.score.change!, 3) },
        { header: c.change.shortageBefore, cell: (m) => c.shortage[m.shortage.before] },
        { header: c.change.shortageAfter, cell: (m) => c.shortage[m.shortage.after] },
      ]} />
    </>
  );
}

export interface ScenarioPageProps {
  niva: string;
  rows: PositionRow[];
  municipalityOptions: Option[];
  errors: Errors;
  result: ScenarioResult | null;
  leftOut: number;
  unit: 'km' | 'min';
  nameOf: (id: string) => string;
  facts: SourceFacts;
  showsDemoData: boolean;
}

export function ScenarioPage(props: ScenarioPageProps) {
  const { rows, errors, result } = props;
  return (
    <PlanningFrame title={s.title} lead={cp.scenario.lead} errors={errors} showsDemoData={props.showsDemoData}>
      <form method="get" action={paths.coverage.scenario}>
        <div className="search-form">
          <SelectField id="niva" name="niva" label={s.viewLevel} value={props.niva} error={errors.niva} options={levelOptions(true)} />
        </div>
        <fieldset className="ds-fieldset" id="stillinger">
          <legend className="ds-label">{s.positionsLegend}</legend>
          {rows.map((row, i) => (
            <fieldset key={i} className="ds-fieldset">
              <legend className="ds-label" data-weight="regular">{s.row(i + 1)}</legend>
              <div className="search-form">
                <SelectField id={`kommune-${i + 1}`} name="kommune" label={s.municipality} value={row.kommune} error={errors[`kommune-${i + 1}`]}
                  options={[{ value: '', label: s.choose }, ...props.municipalityOptions]} />
                <TextField id={`arsverk-${i + 1}`} name="arsverk" label={s.fte} hint={s.fteHint} value={row.arsverk} error={errors[`arsverk-${i + 1}`]} inputMode="decimal" />
                <SelectField id={`stillingsniva-${i + 1}`} name="stillingsniva" label={s.level} value={row.stillingsniva} error={errors[`stillingsniva-${i + 1}`]} options={levelOptions(false)} />
              </div>
              <div className="search-form">
                <TextField id={`breddegrad-${i + 1}`} name="breddegrad" label={cp.scenario.lat} hint={cp.scenario.coordinatesHint} value={row.breddegrad} error={errors[`breddegrad-${i + 1}`]} inputMode="decimal" />
                <TextField id={`lengdegrad-${i + 1}`} name="lengdegrad" label={cp.scenario.lon} value={row.lengdegrad} error={errors[`lengdegrad-${i + 1}`]} inputMode="decimal" />
              </div>
            </fieldset>
          ))}
        </fieldset>
        <div className="actions">
          <Button type="submit">{s.submit}</Button>{' '}
          {rows.length < MAX_POSITIONS && <Button type="submit" variant="secondary" name="rader" value={String(rows.length + 1)}>{s.addRow}</Button>}
        </div>
      </form>
      <section aria-labelledby="resultat">
        <Heading level={2} data-size="md" id="resultat">{s.resultHeading}</Heading>
        {!result ? <Paragraph>{s.nothing}</Paragraph> : (
          <>
            {props.leftOut > 0 && <Paragraph>{s.otherLevel(props.leftOut)}</Paragraph>}
            <ChangeTable id="scenario-endring" caption={s.tableCaption} beforeLabel={c.change.before} afterLabel={c.change.after} rows={nationalChangeRows(result, props.unit)} />
            <Paragraph>{s.shortageChanged(result.shortageChanged.length)}</Paragraph>
            <ImprovedMunicipalities result={result} nameOf={props.nameOf} />
          </>
        )}
      </section>
      <Paragraph>{cp.demand}</Paragraph>
      <MethodSection facts={props.facts} />
    </PlanningFrame>
  );
}
