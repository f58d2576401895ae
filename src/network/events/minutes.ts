// Minutes of an event: Markdown with numbered revisions, the handbook's editing model (a textarea,
// a server-rendered preview, a history with a line diff per version). The newest revision is the
// minutes as they stand.
import type { Db, Tx } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { recordChanges } from '../../accounts/index.ts';

export function currentMinutes(db: Tx, eventId: string) {
  return db.selectFrom('network_event_minutes').select(['number', 'body', 'created_at'])
    .where('event_id', '=', eventId).orderBy('number', 'desc').limit(1).executeTakeFirst();
}

export function listMinutes(db: Tx, eventId: string) {
  return db.selectFrom('network_event_minutes').select(['id', 'number', 'body', 'author', 'note', 'created_at'])
    .where('event_id', '=', eventId).orderBy('number', 'desc').execute();
}
export type MinutesRow = Awaited<ReturnType<typeof listMinutes>>[number];

/** Saves a new version; the event's row is locked so two saves at once get numbers one after the other. */
export async function saveMinutes(db: Db, eventId: string, body: string, author: { id: string; name: string }, note: string | null): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('network_event').select('id').where('id', '=', eventId).forUpdate().executeTakeFirstOrThrow();
    const last = await trx.selectFrom('network_event_minutes').select((eb) => eb.fn.max('number').as('n')).where('event_id', '=', eventId).executeTakeFirst();
    const number = (last?.n ?? 0) + 1;
    await trx.insertInto('network_event_minutes').values({ id: newId(), event_id: eventId, number, body, author: author.name, author_id: author.id, note }).execute();
    await recordChanges(trx, author.id, [{
      resourceId: eventId, resourceType: 'network_event', actionType: 'minutes', fieldName: 'minutes', previousValue: number > 1 ? String(number - 1) : '', replacementValue: String(number),
    }]);
    return number;
  });
}
