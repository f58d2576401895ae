// Events as iCalendar (RFC 5545) with ical-generator: one event, or the feed of upcoming ones.
// Times are written in Norwegian time (TZID=Europe/Oslo) with the zone's VTIMEZONE, so calendars
// show the hour the organiser meant even when the reader is elsewhere.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import type { AgendaRow, EventRow } from './queries.ts';
import { osloWallTime } from '../../platform/oslo-time.ts';

const ZONE = 'Europe/Oslo';

/** Europe/Oslo since 1996: CET, with CEST from the last Sunday of March to the last Sunday of October. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE', `TZID:${ZONE}`, `X-LIC-LOCATION:${ZONE}`,
  'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
  'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'TZNAME:CET', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/**
 * An instant as ical-generator's date-library interface sees it (the shape of a Day.js object),
 * formatting in Norwegian time: with a plain Date it would use the server's own time zone.
 */
function osloTime(at: Date) {
  const wall = osloWallTime(at);
  const self = {
    isValid: () => true,
    tz: () => self,
    utc: () => self,
    toDate: () => at,
    toJSON: () => at.toISOString(),
    format: (pattern: string) => (pattern === 'YYYYMMDD' ? wall.date.replace(/-/g, '') : wall.compact),
  };
  return self;
}

export interface CalendarEvent {
  event: EventRow;
  agenda: AgendaRow[];
}

export function toICalendar(events: CalendarEvent[], publicUrl: string, name: string): string {
  const calendar = ical({
    name, prodId: { company: 'Samklang', product: 'nettverket', language: 'NB' }, method: ICalCalendarMethod.PUBLISH,
    timezone: { name: ZONE, generator: () => VTIMEZONE },
  });
  for (const { event, agenda } of events) {
    const url = `${publicUrl}${paths.network.events.event(event.id)}`;
    const lines = [event.purpose];
    if (agenda.length > 0) {
      lines.push('', msg.networkEvents.page.agendaHeading, ...agenda.map((item) => {
        const from = osloWallTime(item.starts_at).time;
        return `${from}${item.ends_at ? `–${osloWallTime(item.ends_at).time}` : ''} ${item.title}`;
      }));
    }
    if (event.online_url) lines.push('', event.online_url);
    lines.push('', url);
    calendar.createEvent({
      id: `${event.id}@samklang`,
      start: osloTime(event.starts_at),
      end: osloTime(event.ends_at),
      timezone: ZONE,
      stamp: event.updated_at,
      lastModified: event.updated_at,
      summary: event.is_demo ? `${event.title} ${msg.networkEvents.fictional}` : event.title,
      description: lines.join('\n').trim(),
      location: event.place || event.online_url || null,
      url,
      status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: null,
    });
  }
  return calendar.toString();
}
