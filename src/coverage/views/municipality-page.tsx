import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { formatDate, msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { assetUrl } from '../../platform/http/assets.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { Delta } from '../scenario.ts';
import type { ShortageClass, ShortageResult } from '../shortage.ts';
import { ChangeTable, type ChangeRow } from './change-table.tsx';
import { distance, number, ratio } from './format.ts';
import { municipalitySentences, type PlainFacts } from './plain-words.ts';
import { MethodSection, type SourceFacts } from './sections.tsx';
import { withQuery } from './urls.ts';
import { DataTable } from '../../platform/views/data-table.tsx';

const c = msg.coverage;
const p = c.profile;

export interface OfferRow {
  siteId: string;
  serviceId: string;
  serviceName: string;
  organizationName: string;
  municipalityName: string | null;
  distance: number;
  inMunicipality: boolean;
}

export interface ProfileData {
  number: string;
  name: string;
  countyName: string;
  regionName: string;
  population: number | null;
  populationDate: string | null;
  levelLabel: string;
  unit: 'km' | 'min';
  score: number | null;
  rank: { rank: number; of: number } | null;
  shortage: ShortageResult;
  offers: OfferRow[];
  nearestByLevel: { label: string; offer: OfferRow | null }[];
  plusOne: { ownScore: Delta; ownShortage: { before: ShortageClass; after: ShortageClass }; national: ChangeRow[]; othersImproved: number };
  digitalHere: number;
  /** Figures the sentences at the top need beyond the rest. */
  plain: PlainFacts;
  facts: SourceFacts;
  showsDemoData: boolean;
}

function Reasons({ data }: { data: ProfileData }) {
  const { shortage, unit } = data;
  if (shortage.reasons.length === 0) return <Paragraph>{p.noShortage}</Paragraph>;
  return (
    <ul id="mangel-grunner">
      {shortage.reasons.map((r) => (
        <li key={r.criterion}>
          {r.criterion === 'ratio'
            ? p.reasonRatio(r.value === null ? null : number(r.value), number(r.threshold))
            : p.reasonDistance(r.value === null ? null : distance(r.value, unit), distance(r.threshold, unit))}
        </li>
      ))}
      {!shortage.ratioAssessed && <li>{p.ratioNotAssessed}</li>}
    </ul>
  );
}

function Offers({ data }: { data: ProfileData }) {
  if (data.offers.length === 0) return <Paragraph>{p.noOffers}</Paragraph>;
  return (
    <DataTable zebra border id="tilbud-nar" caption={p.offersCaption(data.unit)} rows={data.offers} rowKey={(o) => o.siteId} columns={[
      { header: p.offer, rowHeader: true, cell: (o) => <Link href={paths.service(o.serviceId)}>{o.serviceName}</Link> },
      { header: p.organization, cell: (o) => o.organizationName },
      { header: c.table.municipality, cell: (o) => (o.inMunicipality ? p.inMunicipality : o.municipalityName ?? c.none) },
      { header: p.distance, cell: (o) => distance(o.distance, data.unit) },
    ]} />
  );
}

/** One line under a key figure saying what it means. */
function Help({ children }: { children: string }) {
  return <span className="key-figures__help">{children}</span>;
}

export function MunicipalityPage({ data }: { data: ProfileData }) {
  const plus = data.plusOne;
  const nearest = data.nearestByLevel.map((l) => l.offer).filter((o): o is OfferRow => o !== null).sort((a, b) => a.distance - b.distance)[0];
  return (
    <Layout title={p.title(data.name)} showsDemoData={data.showsDemoData}>
      <link rel="stylesheet" href={assetUrl('atlas.css')} />
      <Paragraph><Link href={paths.coverage.atlas}>{p.back}</Link></Paragraph>
      <Heading level={1} data-size="lg">{p.title(data.name)}</Heading>
      <section aria-labelledby="kort-fortalt" className="plain-words">
        <Heading level={2} data-size="sm" id="kort-fortalt">{p.plainHeading}</Heading>
        {municipalitySentences(data).map((sentence) => <Paragraph key={sentence}>{sentence}</Paragraph>)}
      </section>
      <section aria-labelledby="fakta" className="detail key-figures">
        <Heading level={2} data-size="sm" id="fakta">{p.keyFigures}</Heading>
        <dl>
          <dt>{p.population}</dt>
          <dd><span id="folketall">{data.population === null ? c.missing : number(data.population)}{data.population !== null && data.populationDate ? ` (${c.figures.populationAt(formatDate(data.populationDate))})` : ''}</span><Help>{p.help.population}</Help></dd>
          <dt>{p.access}</dt>
          <dd><span id="tilgang">{data.score === null ? c.missing : `${ratio(data.score)} ${c.indicators.tilgang.unit}`}{data.rank ? `, ${p.rank(data.rank.rank, data.rank.of)}` : ''}</span><Help>{p.help.access}</Help></dd>
          <dt>{p.nearestOffer}</dt>
          <dd><span id="naermeste-tilbud">{nearest ? `${distance(nearest.distance, data.unit)}${nearest.inMunicipality ? ` (${p.inMunicipality.toLowerCase()})` : nearest.municipalityName ? `, ${nearest.municipalityName}` : ''}` : p.noneOfLevel}</span><Help>{p.help.nearest}</Help></dd>
          <dt>{p.offersWithin(data.plain.catchment, data.unit)}</dt>
          <dd><span id="tilbud-innen">{number(data.plain.offersWithin)}</span><Help>{p.help.within}</Help></dd>
          <dt>{p.shortage}</dt>
          <dd><span id="mangelklasse">{c.shortage[data.shortage.shortage]}</span><Help>{p.help.shortage}</Help></dd>
          <dt>{c.controls.level}</dt>
          <dd>{data.levelLabel}<Help>{p.help.level}</Help></dd>
          <dt>{p.county}</dt><dd>{data.countyName}</dd>
          <dt>{p.region}</dt><dd>{data.regionName}</dd>
        </dl>
        <Heading level={3} data-size="xs">{p.reasonsHeading}</Heading>
        <Reasons data={data} />
      </section>
      <section aria-labelledby="tilbud">
        <Heading level={2} data-size="sm" id="tilbud">{p.offersHeading}</Heading>
        <Paragraph><Link href={withQuery(paths.finder, { kommune: data.number })}>{p.finderLink(data.name)}</Link></Paragraph>
        <Offers data={data} />
        {data.digitalHere > 0 && <Paragraph>{p.digitalHere(data.digitalHere)}</Paragraph>}
      </section>
      <section aria-labelledby="naermeste">
        <Heading level={2} data-size="sm" id="naermeste">{p.nearestHeading}</Heading>
        <DataTable zebra border id="naermeste-per-niva" caption={p.nearestCaption} captionClassName="visually-hidden" rows={data.nearestByLevel} rowKey={(row) => row.label} columns={[
          { header: p.level, rowHeader: true, cell: (row) => row.label },
          { header: p.nearest, cell: (row) => (row.offer ? <Link href={paths.service(row.offer.serviceId)}>{row.offer.serviceName}</Link> : p.noneOfLevel) },
          { header: p.distance, cell: (row) => (row.offer ? distance(row.offer.distance, data.unit) : c.none) },
        ]} />
      </section>
      <section aria-labelledby="pluss-en">
        <Heading level={2} data-size="sm" id="pluss-en">{p.plusOneHeading}</Heading>
        <Paragraph>{p.plusOneIntro(data.levelLabel)}</Paragraph>
        <ChangeTable id="pluss-en-endring" caption={p.tableCaption(data.name)} beforeLabel={c.change.before} afterLabel={p.after} rows={[
          { label: p.ownScore, ...plus.ownScore, digits: 3 },
          ...plus.national,
        ]} />
        <Paragraph id="mangel-etter">{p.ownShortage}: {c.shortage[plus.ownShortage.before]} → {c.shortage[plus.ownShortage.after]}</Paragraph>
        <Paragraph>{p.otherMunicipalities(plus.othersImproved)}</Paragraph>
      </section>
      <section aria-labelledby="planlegg">
        <Heading level={2} data-size="sm" id="planlegg">{p.plannerHeading}</Heading>
        <Paragraph>{p.plannerIntro}</Paragraph>
        <Paragraph><Link href={`${paths.handbook.planner.create}?kommune=${data.number}`}>{p.plannerLink(data.name)}</Link></Paragraph>
      </section>
      <MethodSection facts={data.facts} />
    </Layout>
  );
}
