import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import { whenText } from '../format.ts';
import type { EventRow } from '../queries.ts';
import { KindTag, StatusTag, eventTitle } from './components.tsx';

export interface ListedEvent {
  event: EventRow;
  registered: number;
  hasMinutes: boolean;
}

function EventList({ events, id, empty, upcoming }: { events: ListedEvent[]; id: string; empty: string; upcoming: boolean }) {
  const m = msg.networkEvents.list;
  if (events.length === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    <ul className="event-list" aria-labelledby={id}>
      {events.map(({ event, registered, hasMinutes }) => {
        const free = event.capacity === null ? null : Math.max(0, event.capacity - registered);
        return (
          <li key={event.id} className="event-list__item">
            <Heading level={3} data-size="xs"><Link href={paths.network.events.event(event.id)}>{eventTitle(event)}</Link></Heading>
            <p className="meta">
              <KindTag kind={event.kind} /> <StatusTag status={event.status} />{' '}
              <span>{whenText(event.starts_at, event.ends_at)}</span>
              {event.place ? <span>{event.place}</span> : event.online_url ? <span>{msg.networkEvents.page.online}</span> : null}
              {upcoming && event.status === 'published' && free !== null && <span>{free > 0 ? m.places(free) : m.full}</span>}
              {!upcoming && hasMinutes && <span>{m.minutes}</span>}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

export function EventsIndexPage({ upcoming, past, secretariat }: { upcoming: ListedEvent[]; past: ListedEvent[]; secretariat: boolean }) {
  const m = msg.networkEvents;
  return (
    <PageFrame title={m.title}>
      <Paragraph className="lead">{m.lead}</Paragraph>
      {secretariat && <Paragraph><Link href={paths.network.events.create}>{m.list.create}</Link></Paragraph>}
      <section aria-labelledby="upcoming-heading">
        <Heading level={2} data-size="md" id="upcoming-heading">{m.list.upcoming}</Heading>
        <EventList events={upcoming} id="upcoming-heading" empty={m.list.noUpcoming} upcoming />
      </section>
      <Paragraph data-size="sm">
        <Link href={paths.network.events.feed}>{m.list.calendarFeed}</Link>. {m.list.calendarFeedHint}
      </Paragraph>
      <section aria-labelledby="past-heading">
        <Heading level={2} data-size="md" id="past-heading">{m.list.past}</Heading>
        <EventList events={past} id="past-heading" empty={m.list.noPast} upcoming={false} />
      </section>
    </PageFrame>
  );
}
