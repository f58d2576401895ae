import { Tag } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import type { EventRow } from '../queries.ts';

const m = () => msg.networkEvents;

/** An event's title as shown everywhere: fictional demo events say so in the title itself. */
export const eventTitle = (event: Pick<EventRow, 'title' | 'is_demo'>) => (event.is_demo ? `${event.title} ${m().fictional}` : event.title);

export function StatusTag({ status }: { status: EventRow['status'] }) {
  if (status === 'published') return null;
  return <Tag data-color={status === 'cancelled' ? 'danger' : 'warning'} data-size="sm">{m().statuses[status]}</Tag>;
}

export function KindTag({ kind }: { kind: EventRow['kind'] }) {
  return <Tag data-color="neutral" data-size="sm">{m().kinds[kind]}</Tag>;
}
