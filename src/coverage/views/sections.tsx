// Sections the atlas shares with the planning pages: sources and method, digital offers, history.
import type { ReactNode } from 'react';
import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { formatDate, msg, localeTag } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { freshnessSettings } from '../../directory/index.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { SnapshotRow } from '../queries.ts';
import type { AtlasState, DistanceInfo } from '../service.ts';
import type { LevelChoice } from '../snapshot-model.ts';
import { number, percent, ratio } from './format.ts';
import { ErrorSummary, type Errors } from '../../platform/forms/index.ts';
import { DataTable } from '../../platform/views/data-table.tsx';

const m = msg.coverage.method;

/** The frame of the planning pages: back link, heading, lead, errors; the title says "Feil" on errors. */
export function PlanningFrame({ title, lead, errors, showsDemoData, children }: { title: string; lead: string; errors: Errors; showsDemoData: boolean; children: ReactNode }) {
  const failed = Object.keys(errors).length > 0;
  return (
    <Layout title={title} failed={failed} showsDemoData={showsDemoData}>
      <Paragraph><Link href={paths.coverage.atlas}>{msg.coverage.profile.back}</Link></Paragraph>
      <Heading level={1} data-size="lg">{title}</Heading>
      <Paragraph className="lead">{lead}</Paragraph>
      <ErrorSummary errors={errors} heading={msg.coverage.errors.summary} />
      {children}
    </Layout>
  );
}

export interface SourceFacts {
  version: string;
  computedAt: Date;
  dataModified: Date | null;
  populationDate: string | null;
  distance: DistanceInfo;
}

export function sourceFacts(state: AtlasState): SourceFacts {
  return { version: state.version, computedAt: state.computedAt, dataModified: state.dataModified, populationDate: state.populationDate, distance: state.distance };
}

const dateTime = (d: Date) => new Intl.DateTimeFormat(localeTag(), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(d);

export function MethodSection({ facts }: { facts: SourceFacts }) {
  const unit = facts.distance.unit;
  const matrix = facts.distance.matrix;
  return (
    <section aria-labelledby="om-tallene">
      <Heading level={2} data-size="sm" id="om-tallene">{m.heading}</Heading>
      <ul>
        <li>{facts.dataModified ? m.supplyDate(formatDate(facts.dataModified), freshnessSettings().hiddenMonths) : m.noSupply}</li>
        {facts.populationDate && <li>{m.population(formatDate(facts.populationDate))}</li>}
        <li data-avstand={facts.distance.kind}>{matrix ? m.travelTime(number(matrix.rows), matrix.sourceName, formatDate(matrix.loadedAt)) : m.greatCircle}</li>
        <li>{m.e2sfca(unit)}</li>
        <li>{m.shortage(unit)}</li>
        <li>{m.placement}</li>
        <li>{m.missingPopulation}</li>
      </ul>
      <Paragraph><Link href={paths.coverage.method}>{m.methodLink}</Link></Paragraph>
      <Paragraph data-size="sm" className="source">{m.version(facts.version, dateTime(facts.computedAt))}</Paragraph>
    </section>
  );
}

export interface DigitalFacts {
  offers: number;
  fte: number;
  byHome: { name: string; offers: number }[];
}

export function DigitalSection({ digital }: { digital: DigitalFacts }) {
  const d = msg.coverage.digital;
  return (
    <section aria-labelledby="digitale-tilbud">
      <Heading level={2} data-size="sm" id="digitale-tilbud">{d.heading}</Heading>
      <Paragraph>{d.intro}</Paragraph>
      {digital.offers === 0 ? <Paragraph>{d.none}</Paragraph> : (
        <>
          <Paragraph id="digitalt-sammendrag">{d.summary(digital.offers, number(digital.fte, 1))}</Paragraph>
          <DataTable zebra border id="digitaltabell" caption={d.byRegion} rows={digital.byHome} rowKey={(row) => row.name} columns={[
            { header: msg.coverage.groups.name, rowHeader: true, cell: (row) => row.name },
            { header: d.heading, cell: (row) => number(row.offers) },
          ]} />
        </>
      )}
    </section>
  );
}

export function HistorySection({ snapshots, level, unit, csvHref }: { snapshots: SnapshotRow[]; level: LevelChoice; unit: 'km' | 'min'; csvHref: string }) {
  const h = msg.coverage.history;
  const t = msg.coverage.change;
  return (
    <section aria-labelledby="over-tid">
      <Heading level={2} data-size="sm" id="over-tid">{h.heading}</Heading>
      <Paragraph>{h.intro}</Paragraph>
      {snapshots.length === 0 ? <Paragraph>{h.none}</Paragraph> : (
        <>
          <DataTable zebra border id="historikk" caption={h.caption} rows={snapshots.map((s) => ({ s, x: s.indicators.levels[level] }))} rowKey={({ s }) => `${s.taken_on}-${s.data_version}`} columns={[
            { header: h.date, rowHeader: true, cell: ({ s }) => formatDate(s.taken_on) },
            { header: h.kind, cell: ({ s }) => (s.trigger === 'monthly' ? h.monthly : h.manual) },
            { header: t.fte, cell: ({ x }) => (x ? number(x.fte, 1) : msg.coverage.none) },
            { header: t.meanScore, cell: ({ x }) => (x?.meanScore != null ? ratio(x.meanScore) : msg.coverage.none) },
            { header: t.gini, cell: ({ x }) => (x ? number(x.gini, 3) : msg.coverage.none) },
            { header: t.withoutOffer(60, unit), cell: ({ x }) => { const share60 = x?.withoutOffer.find((w) => w.threshold === 60)?.share ?? null; return share60 === null ? msg.coverage.none : percent(share60); } },
          ]} />
          <Paragraph data-size="sm"><Link href={csvHref}>{msg.coverage.csv}</Link></Paragraph>
        </>
      )}
    </section>
  );
}
