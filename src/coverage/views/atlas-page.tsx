import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { assetUrl } from '../../platform/http/assets.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { LorenzResult } from '../inequality.ts';
import { INDICATORS, type Indicator } from '../params.ts';
import type { UnitFigures } from '../present.ts';
import type { SnapshotHistory } from '../snapshots.ts';
import type { LevelChoice, LevelIndicators } from '../snapshot-model.ts';
import type { TheilResult } from '../theil.ts';
import { GroupTable, MunicipalityTable, type SortState } from './atlas-tables.tsx';
import { Choropleth } from './choropleth.tsx';
import type { LabelPlace } from './map-labels.ts';
import type { MapClasses } from './map-categories.ts';
import { fairnessSentences } from './plain-words.ts';
import { withQuery } from './urls.ts';
import { SelectField, TextField, levelOptions, type Option } from './fields.tsx';
import { RadioGroup } from '../../platform/forms/index.ts';
import { DEFAULT_CHOICE, PAGE_DECAYS, PAGE_METHODS } from '../method-choice.ts';
import { number, ratio } from './format.ts';
import { KeyFigures, SnapshotChange } from './key-figures.tsx';
import { LorenzChart, LorenzTable } from './lorenz.tsx';
import { DigitalSection, HistorySection, MethodSection, type DigitalFacts, type SourceFacts } from './sections.tsx';
import { ErrorSummary, type Errors } from '../../platform/forms/index.ts';
import { DataTable } from '../../platform/views/data-table.tsx';
import { PartSlot, renderPart, type RenderedPart } from './prerendered.tsx';

const c = msg.coverage;

export interface AtlasValues {
  indikator: string;
  niva: string;
  helseregion: string;
  fylke: string;
  sorter: string;
  retning: string;
  metode: string;
  vekt: string;
  beta: string;
  radius: string;
}

export interface AtlasData {
  indicator: Indicator;
  level: LevelChoice;
  levelLabel: string;
  unit: 'km' | 'min';
  map: MapClasses & { selected: (id: string) => boolean; places: ReadonlyMap<string, LabelPlace> };
  tableRows: UnitFigures[];
  tableCaption: string;
  sort: SortState;
  summary: UnitFigures;
  theil: TheilResult;
  showTheil: boolean;
  regions: UnitFigures[];
  counties: UnitFigures[];
  countiesHeading: string;
  drill: { region: (row: UnitFigures) => string; county: (row: UnitFigures) => string; all: string | null };
  lorenz: LorenzResult;
  gini: number;
  regionName: (code: string) => string;
  digital: DigitalFacts;
  history: SnapshotHistory;
  current: LevelIndicators;
  previous: LevelIndicators | undefined;
  facts: SourceFacts;
  notes: string[];
  csv: { municipalities: string; municipalitiesSemicolon: string; regions: string; counties: string; lorenz: string; theil: string; snapshots: string };
}

export interface AtlasPageProps {
  values: AtlasValues;
  errors: Errors;
  regionOptions: Option[];
  countyOptions: Option[];
  data: AtlasData | null;
  showsDemoData: boolean;
  /** the anonymous survey's answers per health region and level (from experiences/) */
  experiences?: React.ReactNode;
  /** `data`'s fairness and atlas parts already rendered (atlasParts): the page leaves slots for them. */
  parts?: AtlasParts;
}

export interface AtlasParts {
  fairness: RenderedPart;
  atlas: RenderedPart;
}

/** What the page shows of `data`, rendered once: the same for every reader of the same language. */
export function atlasParts(data: AtlasData): AtlasParts {
  return { fairness: renderPart('fairness', <Fairness data={data} />), atlas: renderPart('atlas', <Atlas data={data} />) };
}

function Controls({ values, errors, regionOptions, countyOptions }: Pick<AtlasPageProps, 'values' | 'errors' | 'regionOptions' | 'countyOptions'>) {
  return (
    <form method="get" action={paths.coverage.atlas} aria-labelledby="valg">
      <Heading level={2} data-size="xs" id="valg">{c.controls.heading}</Heading>
      <div className="search-form">
        <SelectField id="indikator" name="indikator" label={c.controls.indicator} value={values.indikator} error={errors.indikator}
          options={INDICATORS.map((key) => ({ value: key, label: c.indicators[key].label }))} />
        <SelectField id="niva" name="niva" label={c.controls.level} value={values.niva} error={errors.niva} options={levelOptions(true)} />
        <SelectField id="helseregion" name="helseregion" label={c.controls.region} value={values.helseregion} error={errors.helseregion}
          options={[{ value: '', label: c.controls.allRegions }, ...regionOptions]} />
        <SelectField id="fylke" name="fylke" label={c.controls.county} value={values.fylke} error={errors.fylke}
          options={[{ value: '', label: c.controls.allCounties }, ...countyOptions]} />
        {values.sorter && !errors.sorter && <input type="hidden" name="sorter" value={values.sorter} />}
        {values.retning && !errors.sorter && <input type="hidden" name="retning" value={values.retning} />}
        <div className="actions"><Button type="submit">{c.controls.submit}</Button></div>
      </div>
      <MethodChoiceFields values={values} errors={errors} />
    </form>
  );
}

/** The method settings, folded away unless one is chosen or wrong; plain GET fields, in the address. */
function MethodChoiceFields({ values, errors }: Pick<AtlasPageProps, 'values' | 'errors'>) {
  const t = c.controls.methodChoice;
  const chosen = values.metode !== DEFAULT_CHOICE.method || values.vekt !== 'trinn' || values.radius !== String(DEFAULT_CHOICE.catchmentKm)
    || Boolean(errors.metode || errors.vekt || errors.beta || errors.radius);
  return (
    <details className="method-choice" id="beregningsmate" open={chosen}>
      <summary>{t.legend}</summary>
      <Paragraph data-size="sm">{t.intro}</Paragraph>
      <div className="search-form">
        {/* radio buttons, not selects: these choices' labels are long, and a select cuts them at a phone's width */}
        <RadioGroup id="metode" name="metode" legend={t.method} value={values.metode} error={errors.metode} errorSuffix="feil"
          options={PAGE_METHODS.map((key) => ({ value: key, label: t.methods[key] }))} />
        <RadioGroup id="vekt" name="vekt" legend={t.decay} value={values.vekt} error={errors.vekt} errorSuffix="feil"
          options={PAGE_DECAYS.map((key) => ({ value: key, label: t.decays[key] }))} />
        <TextField id="beta" name="beta" label={t.beta} hint={t.betaHint} value={values.beta} error={errors.beta} inputMode="decimal" />
        <TextField id="radius" name="radius" label={t.radius} hint={t.radiusHint} value={values.radius} error={errors.radius} inputMode="numeric" />
        <div className="actions"><Button type="submit">{c.controls.submit}</Button></div>
      </div>
      <Paragraph data-size="sm"><Link href={`${paths.coverage.method}#valg`}>{t.moreLink}</Link></Paragraph>
    </details>
  );
}

function Csv({ href, semicolon }: { href: string; semicolon?: string }) {
  return (
    <Paragraph data-size="sm">
      <Link href={href}>{c.csv}</Link>
      {semicolon && <> · <Link href={semicolon}>{c.csvSemicolon}</Link></>}
    </Paragraph>
  );
}

function Inequality({ data }: { data: AtlasData }) {
  const q = c.inequality;
  const theil = data.theil;
  return (
    <section aria-labelledby="ulikhet" className="atlas-deferred">
      <Heading level={2} data-size="sm" id="ulikhet">{q.heading}</Heading>
      <Paragraph>{q.intro}</Paragraph>
      {data.lorenz.degenerate ? <Paragraph>{q.allZero}</Paragraph> : (
        <>
          <LorenzChart lorenz={data.lorenz} giniText={number(data.gini, 3)} />
          <LorenzTable points={data.lorenz.points} />
          <Csv href={data.csv.lorenz} />
        </>
      )}
      <Heading level={3} data-size="xs">{q.theilHeading}</Heading>
      <Paragraph>{q.theilIntro}</Paragraph>
      <DataTable zebra border id="theiltabell" caption={q.theilCaption(number(theil.total, 3), number(theil.between, 3), number(theil.within, 3))} rows={theil.groups} rowKey={(g) => g.group} columns={[
        { header: q.region, rowHeader: true, cell: (g) => data.regionName(g.group) },
        { header: c.table.population, cell: (g) => number(g.population) },
        { header: q.regionMean, cell: (g) => ratio(g.mean) },
        { header: q.regionTheil, cell: (g) => number(g.theil, 3) },
        { header: q.between, cell: (g) => number(g.between, 3) },
        { header: q.within, cell: (g) => number(g.within, 3) },
      ]} />
      <Csv href={data.csv.theil} />
    </section>
  );
}

/** What the figures say about fairness, first on the page, in words. */
export function Fairness({ data }: { data: AtlasData }) {
  const sentences = fairnessSentences({ area: data.summary.name, summary: data.summary, rows: data.tableRows, unit: data.unit, byCounty: data.drill.all === null });
  return (
    <section aria-labelledby="hva-tallene-sier" className="plain-words">
      <Heading level={2} data-size="sm" id="hva-tallene-sier">{c.fairness.heading}</Heading>
      {sentences.map((sentence) => <Paragraph key={sentence}>{sentence}</Paragraph>)}
      <Paragraph data-size="sm"><Link href={paths.coverage.method}>{c.method.methodLink}</Link></Paragraph>
    </section>
  );
}

function Atlas({ data }: { data: AtlasData }) {
  const indicator = c.indicators[data.indicator];
  const niva = data.level === 'all' ? undefined : data.level;
  return (
    <>
      <div className="atlas-overview">
        <section aria-labelledby="kart" className="atlas-overview__map">
          <Heading level={2} data-size="sm" id="kart">{c.map.heading(indicator.label)}</Heading>
          <Paragraph data-size="sm">{indicator.label}: {data.indicator === 'avstand' ? c.map.distanceUnit(data.unit) : indicator.unit}. {indicator.direction} <Link href="#kommunetabell">{c.map.toTable}</Link></Paragraph>
          <Choropleth title={c.map.title(indicator.label, data.levelLabel)} categoryOf={data.map.categoryOf} categories={data.map.categories} kind={data.map.kind}
            valueText={data.map.valueText} selected={data.map.selected} places={data.map.places} selectionName={data.drill.all ? data.summary.name : null}
            hrefOf={(id) => withQuery(paths.coverage.municipality(id), { niva })} methodHref={`${paths.coverage.method}#mangelklasser`} />
        </section>
        <div>
          <KeyFigures summary={data.summary} unit={data.unit} populationDate={data.facts.populationDate} theil={data.showTheil ? data.theil : null}
            digitalOffers={data.summary.digital_offers} notes={data.notes} />
          {data.drill.all && <Paragraph><Link href={data.drill.all}>{c.groups.showAll}</Link></Paragraph>}
        </div>
      </div>
      <section aria-labelledby="endring">
        <Heading level={2} data-size="sm" id="endring">{c.figures.changeHeading}</Heading>
        <SnapshotChange now={data.current} previous={data.previous} previousDate={data.history.previous?.taken_on ?? null} unit={data.unit} />
      </section>
      <section aria-labelledby="planlegg">
        <Heading level={2} data-size="sm" id="planlegg">{c.planningLinks}</Heading>
        <ul>
          <li><Link href={paths.coverage.scenario}>{c.scenarioLink}</Link></li>
          <li><Link href={paths.coverage.placement}>{c.placementLink}</Link></li>
        </ul>
      </section>
      <section aria-labelledby="tabell" className="atlas-deferred">
        <Heading level={2} data-size="sm" id="tabell">{c.table.heading}</Heading>
        <MunicipalityTable rows={data.tableRows} unit={data.unit} sort={data.sort} caption={data.tableCaption} />
        <Csv href={data.csv.municipalities} semicolon={data.csv.municipalitiesSemicolon} />
      </section>
      <section aria-labelledby="helseregioner" className="atlas-deferred">
        <Heading level={2} data-size="sm" id="helseregioner">{c.groups.regionsHeading}</Heading>
        <GroupTable id="regiontabell" rows={data.regions} caption={c.groups.regionsCaption(data.levelLabel)} unit={data.unit} drillHref={data.drill.region} />
        <Csv href={data.csv.regions} />
      </section>
      <section aria-labelledby="fylker" className="atlas-deferred">
        <Heading level={2} data-size="sm" id="fylker">{data.countiesHeading}</Heading>
        <GroupTable id="fylketabell" rows={data.counties} caption={c.groups.countiesCaption(data.levelLabel)} unit={data.unit} drillHref={data.drill.county} />
        <Csv href={data.csv.counties} />
      </section>
      <Inequality data={data} />
      <DigitalSection digital={data.digital} />
      <HistorySection snapshots={data.history.snapshots} level={data.level} unit={data.unit} csvHref={data.csv.snapshots} />
      <MethodSection facts={data.facts} />
    </>
  );
}

export function AtlasPage(props: AtlasPageProps) {
  const failed = Object.keys(props.errors).length > 0;
  return (
    <Layout title={c.title} description={c.lead} failed={failed} showsDemoData={props.showsDemoData}>
      <link rel="stylesheet" href={assetUrl('atlas.css')} />
      <Heading level={1} data-size="lg">{c.title}</Heading>
      <Paragraph className="lead">{c.lead}</Paragraph>
      <ErrorSummary errors={props.errors} heading={msg.coverage.errors.summary} />
      {props.parts ? <PartSlot part={props.parts.fairness} /> : props.data && <Fairness data={props.data} />}
      <Controls values={props.values} errors={props.errors} regionOptions={props.regionOptions} countyOptions={props.countyOptions} />
      {props.parts ? <PartSlot part={props.parts.atlas} /> : props.data && <Atlas data={props.data} />}
      {props.experiences}
      {props.data && <script src={assetUrl('atlas-map.js')} defer />}
    </Layout>
  );
}
