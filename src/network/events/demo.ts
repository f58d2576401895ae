// Two fictional events for `npm start` (is_demo, "(fiktiv)" on screen): a working seminar a month
// ahead and a webinar a month ago with minutes. Loaded once; the text lives in the catalogue.
import type { Db } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { nb } from '../../platform/i18n/nb.ts';
import { createEvent, type EventInput } from './queries.ts';
import { fromOsloWallTime, osloWallTime } from '../../platform/oslo-time.ts';

const DAY = 86_400_000;

export async function loadDemoEvents(db: Db, now = new Date()): Promise<void> {
  const existing = await db.selectFrom('network_event').select('id').where('is_demo', '=', true).where('kind', '!=', 'course_run').limit(1).executeTakeFirst();
  if (existing) return;
  const [seminar, webinar] = nb.networkEvents.demo;
  const day = (offsetDays: number) => osloWallTime(new Date(now.getTime() + offsetDays * DAY)).date;
  const at = (date: string, time: string) => fromOsloWallTime(date, time)!;
  const build = (demo: typeof seminar | typeof webinar, date: string, extra: Partial<EventInput>): EventInput => ({
    kind: demo.kind, title: demo.title, purpose: demo.purpose, place: demo.place, accessibility: demo.accessibility,
    startsAt: at(date, demo.agenda[0][0]), endsAt: at(date, demo.agenda[demo.agenda.length - 1]![1]),
    onlineUrl: null, organizerId: null, capacity: null, registrationDeadline: null, status: 'published',
    agenda: demo.agenda.map(([from, to, title]) => ({ startsAt: at(date, from), endsAt: at(date, to), title })),
    ...extra,
  });
  const seminarDate = day(30);
  await createEvent(db, build(seminar, seminarDate, { capacity: 25, registrationDeadline: at(day(23), '23:59') }), 'system', true);
  const webinarId = await createEvent(db, build(webinar, day(-30), { onlineUrl: 'https://example.org/webinar' }), 'system', true);
  await db.insertInto('network_event_minutes').values({
    id: newId(), event_id: webinarId, number: 1, body: nb.networkEvents.demoMinutes, author: null, author_id: null, note: null,
  }).execute();
}
