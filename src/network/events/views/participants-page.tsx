import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import { DataTable } from '../../../platform/views/data-table.tsx';
import type { EventRow, OrganiserRow } from '../queries.ts';
import { eventTitle } from './components.tsx';

function Needs({ row }: { row: OrganiserRow }) {
  const m = msg.networkEvents.participants;
  const parts = [
    [m.needsDietary, row.needs_dietary], [m.needsAccessibility, row.needs_accessibility], [m.needsInterpretation, row.needs_interpretation], [m.needsOther, row.needs],
  ].filter(([, value]) => value);
  if (parts.length === 0) return <>{m.noNeeds}</>;
  return <ul className="needs-list">{parts.map(([label, value]) => <li key={label}><strong>{label}:</strong> {value}</li>)}</ul>;
}

/** Names for network members; for the event's organisers also addresses, status and needs. */
export function ParticipantsPage({ event, names, organiser }: { event: EventRow; names: (string | null)[]; organiser: OrganiserRow[] | null }) {
  const m = msg.networkEvents.participants;
  let waitingNumber = 0;
  const numbered = (organiser ?? []).map((row) => ({ row, place: row.status === 'waiting' ? ++waitingNumber : 0 }));
  return (
    <PageFrame title={m.title(eventTitle(event))} className="stack">
      <Paragraph data-size="sm"><Link href={paths.network.events.event(event.id)}>{msg.networkEvents.minutes.back}</Link></Paragraph>
      <Paragraph>{m.intro}</Paragraph>
      {names.length === 0
        ? <Paragraph>{m.none}</Paragraph>
        : <DataTable caption={m.caption} rows={names} rowKey={(_, index) => index} columns={[{ header: m.name, cell: (name) => name ?? m.noName }]} />}
      {organiser && (
        <section aria-labelledby="organiser-heading">
          <Heading level={2} data-size="md" id="organiser-heading">{m.organiserHeading}</Heading>
          <Paragraph>{m.organiserIntro}</Paragraph>
          <DataTable caption={m.organiserCaption} captionClassName="visually-hidden" rows={numbered} rowKey={({ row }) => row.id} columns={[
            { header: m.name, cell: ({ row }) => <>{row.name ?? m.noName}{row.guest ? ` (${m.guest})` : ''}</>, rowHeader: true },
            { header: m.email, cell: ({ row }) => row.email },
            { header: m.status, cell: ({ row, place }) => (place ? m.waitingNumber(place) : m.statuses[row.status]) },
            { header: m.needs, cell: ({ row }) => <Needs row={row} /> },
          ]} />
        </section>
      )}
    </PageFrame>
  );
}
