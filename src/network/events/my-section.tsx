// The events section of "Min side i nettverket": the seminars, meetings and webinars a person has a
// place at or waits for, upcoming first. Course runs are the courses part's section.
import { Link, Paragraph } from '@digdir/designsystemet-react';
import type { Tx } from '../../platform/db/index.ts';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import type { SessionUser } from '../../accounts/index.ts';
import type { MyPageSection } from '../my-page.ts';
import { whenText } from './format.ts';

export async function myEventsSection(db: Tx, user: SessionUser): Promise<MyPageSection | null> {
  const m = msg.networkEvents.mine;
  const rows = await db.selectFrom('network_registration as r').innerJoin('network_event as e', 'e.id', 'r.event_id')
    .select(['e.id', 'e.title', 'e.starts_at', 'e.ends_at', 'e.status as event_status', 'r.status'])
    .where('r.user_id', '=', user.id).where('e.kind', '<>', 'course_run').where('r.status', 'in', ['registered', 'waiting'])
    .orderBy('e.starts_at', 'desc').limit(100).execute();
  const content = rows.length === 0
    ? <Paragraph>{m.none} <Link href={paths.network.events.index}>{m.findEvents}</Link></Paragraph>
    : (
      <ul className="request-list" aria-label={m.caption}>
        {rows.map((row) => (
          <li key={row.id}>
            <Link href={paths.network.events.event(row.id)}>{row.title}</Link>
            <Paragraph data-size="sm">
              {whenText(row.starts_at, row.ends_at)} · {row.event_status === 'cancelled' ? msg.networkEvents.statuses.cancelled : msg.networkEvents.participants.statuses[row.status]}
            </Paragraph>
          </li>
        ))}
      </ul>
    );
  return { id: 'mine-pameldinger', heading: m.heading, content };
}
