import { Fragment } from 'react';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { formatDate, msg } from '../../platform/i18n/index.ts';
import type { UnitFigures } from '../present.ts';
import type { LevelIndicators } from '../snapshot-model.ts';
import { ChangeTable, type ChangeRow } from './change-table.tsx';
import { number, percent, ratio } from './format.ts';

const f = msg.coverage.figures;
const ch = msg.coverage.change;

export interface KeyFiguresProps {
  summary: UnitFigures;
  unit: 'km' | 'min';
  populationDate: string | null;
  /** Norway only: Theil index and its split. */
  theil: { total: number; between: number; within: number } | null;
  digitalOffers: number;
  notes: string[];
}

/** One line under a key figure saying what it means. */
function Help({ children }: { children: string }) {
  return <span className="key-figures__help">{children}</span>;
}

export function KeyFigures({ summary, unit, populationDate, theil, digitalOffers, notes }: KeyFiguresProps) {
  const counts = summary.shortage_counts ?? { none: 0, moderate: 0, severe: 0 };
  const h = f.help;
  return (
    <section aria-labelledby="nokkeltall" className="key-figures">
      <Heading level={2} data-size="sm" id="nokkeltall">{f.heading(summary.name)}</Heading>
      <div className="detail">
        <dl>
          <dt>{f.population}</dt>
          <dd>{number(summary.population ?? 0)} {populationDate ? f.populationAt(formatDate(populationDate)) : ''}<Help>{h.population}</Help></dd>
          {(summary.without_offer ?? []).map((w) => (
            <Fragment key={w.threshold}>
              <dt>{f.withoutOffer(w.threshold, unit)}</dt>
              <dd>{w.share === null ? msg.coverage.missing : `${percent(w.share)} (${number(w.population)})`}{w.threshold === 60 && <Help>{h.withoutOffer}</Help>}</dd>
            </Fragment>
          ))}
          <dt>{f.meanScore}</dt>
          <dd>{summary.accessibility === null ? msg.coverage.missing : `${ratio(summary.accessibility)} ${f.meanScoreUnit}`}<Help>{h.meanScore}</Help></dd>
          <dt>{f.shortageMunicipalities}</dt>
          <dd>{f.shortageCounts(counts.severe, counts.moderate)}<Help>{h.shortage}</Help></dd>
          <dt>{f.fte}</dt>
          <dd>{number(summary.fte, 1)}<Help>{h.fte}</Help></dd>
          <dt>{f.services}</dt>
          <dd>{number(summary.services)}<Help>{h.services}</Help></dd>
          <dt>{f.digital}</dt>
          <dd>{number(digitalOffers)}<Help>{h.digital}</Help></dd>
        </dl>
        <Heading level={3} data-size="2xs">{f.secondaryHeading}</Heading>
        <dl>
          <dt>{f.gini}</dt>
          <dd>{number(summary.gini ?? 0, 3)}<Help>{f.giniHelp}</Help></dd>
          {theil && (
            <>
              <dt>{f.theil}</dt>
              <dd>{number(theil.total, 3)} ({f.theilParts(number(theil.between, 3), number(theil.within, 3))})<Help>{h.theil}</Help></dd>
            </>
          )}
        </dl>
      </div>
      {summary.members_missing_population > 0 && <Paragraph data-size="sm">{f.populationMissing(summary.members_missing_population)}</Paragraph>}
      {notes.map((note) => <Paragraph key={note} data-size="sm">{note}</Paragraph>)}
    </section>
  );
}

export function SnapshotChange({ now, previous, previousDate, unit }: { now: LevelIndicators; previous: LevelIndicators | undefined; previousDate: string | null; unit: 'km' | 'min' }) {
  if (!previous || !previousDate) return <Paragraph data-size="sm">{f.noPrevious}</Paragraph>;
  const rows: ChangeRow[] = [
    { label: ch.fte, before: previous.fte, after: now.fte, digits: 1 },
    { label: ch.meanScore, before: previous.meanScore, after: now.meanScore, digits: 2 },
    { label: ch.gini, before: previous.gini, after: now.gini, digits: 3 },
    ...now.withoutOffer.map((w) => ({
      label: ch.withoutOffer(w.threshold, unit),
      before: previous.withoutOffer.find((p) => p.threshold === w.threshold)?.share ?? null,
      after: w.share,
      share: true,
    })),
    { label: ch.shortage(msg.coverage.shortage.severe), before: previous.shortageCounts.severe, after: now.shortageCounts.severe },
  ];
  return (
    <>
      <Paragraph data-size="sm">{f.changeSince(formatDate(previousDate))}</Paragraph>
      <ChangeTable id="endring-siden" caption={f.changeCaption(formatDate(previousDate))} beforeLabel={formatDate(previousDate)} afterLabel={ch.before} rows={rows} />
    </>
  );
}
