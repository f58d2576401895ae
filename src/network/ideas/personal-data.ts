// The ideas part of "download my data" and of account deletion. Deletion keeps a person's ideas
// (they may have become actions others follow, and the public pages never name the author) but
// removes the link to the person; their supports and comments are deleted. Said on /personvern
// (kind 'ideer') and on the confirm page before it happens.
import type { Tx } from '../../platform/db/index.ts';
import { msg } from '../../platform/i18n/index.ts';
import type { DataSubject, DeletionNotice, PersonalDataSource } from '../../accounts/index.ts';

async function collect(db: Tx, subject: DataSubject): Promise<Record<string, unknown>> {
  const [ideas, supports, comments] = await Promise.all([
    db.selectFrom('network_idea').select(['id', 'title', 'description', 'theme', 'event_id', 'action_id', 'hidden_reason', 'created_at'])
      .where('author_id', '=', subject.id).orderBy('created_at').execute(),
    db.selectFrom('network_idea_support as s').innerJoin('network_idea as i', 'i.id', 's.idea_id').select(['s.idea_id', 'i.title', 's.created_at'])
      .where('s.user_id', '=', subject.id).orderBy('s.created_at').execute(),
    db.selectFrom('network_idea_comment').select(['id', 'idea_id', 'body', 'hidden_reason', 'created_at']).where('author_id', '=', subject.id).orderBy('created_at').execute(),
  ]);
  return { networkIdeas: ideas, networkIdeaSupports: supports, networkIdeaComments: comments };
}

async function counts(db: Tx, userId: string) {
  const count = async (table: 'network_idea' | 'network_idea_support' | 'network_idea_comment', column: 'author_id' | 'user_id') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where(column, '=', userId).executeTakeFirstOrThrow()).n);
  return { ideas: await count('network_idea', 'author_id'), supports: await count('network_idea_support', 'user_id'), comments: await count('network_idea_comment', 'author_id') };
}

async function notice(db: Tx, subject: DataSubject): Promise<DeletionNotice | null> {
  const m = msg.networkIdeas.deletion;
  const n = await counts(db, subject.id);
  const items = [n.ideas > 0 ? m.ideas(n.ideas) : '', n.supports > 0 ? m.supports(n.supports) : '', n.comments > 0 ? m.comments(n.comments) : ''].filter(Boolean);
  return items.length === 0 ? null : { id: 'ideer-som-berores', heading: m.heading, items };
}

async function erase(db: Tx, subject: DataSubject): Promise<void> {
  await db.updateTable('network_idea').set({ author_id: null }).where('author_id', '=', subject.id).execute();
  await db.deleteFrom('network_idea_support').where('user_id', '=', subject.id).execute();
  await db.deleteFrom('network_idea_comment').where('author_id', '=', subject.id).execute();
}

export const ideasPersonalData: PersonalDataSource = { collect, notice, erase };
