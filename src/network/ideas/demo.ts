// A few clearly fictional ideas and one action for `npm start` (is_demo, marked "Eksempel (fiktiv)"
// on screen). The texts live in the catalogue (nb.networkIdeas.demo) like any other text of ours.
import type { Db } from '../../platform/db/index.ts';
import { nb } from '../../platform/i18n/nb.ts';
import { paths } from '../../platform/paths.ts';
import { insertIdea } from './queries.ts';
import { addUpdate, insertAction } from './action-queries.ts';
import type { IdeaTheme } from '../../platform/db/index.ts';

/** Loads the demo ideas once: nothing when any demo idea is there already. */
export async function loadDemoIdeas(db: Db): Promise<void> {
  const d = nb.networkIdeas.demo;
  if (await db.selectFrom('network_idea').select('id').where('is_demo', '=', true).limit(1).executeTakeFirst()) return;
  await db.transaction().execute(async (trx) => {
    const ids: string[] = [];
    for (const idea of d.ideas) {
      ids.push(await insertIdea(trx, { title: idea.title, description: idea.description, theme: idea.theme as IdeaTheme, eventId: null, source: 'person', isDemo: true }, 'system'));
    }
    const secretariat = await trx.selectFrom('network_organization').select('id').where('network_role', '=', 'secretariat').orderBy('name').limit(1).executeTakeFirst();
    const actionId = await insertAction(trx, {
      title: d.action.title, description: d.action.description, organizationId: secretariat?.id ?? null, contact: d.action.contact,
      startDate: null, dueDate: null, status: 'i_gang', statusReason: null, progress: 20, isDemo: true,
      links: [{ path: paths.network.courses.index, label: d.action.linkLabel }],
    }, ids.slice(0, 1), 'system');
    if (actionId) await addUpdate(trx, actionId, { happenedOn: new Date().toISOString().slice(0, 10), body: d.action.update, status: null, reason: null, progress: null }, 'system');
  });
}
