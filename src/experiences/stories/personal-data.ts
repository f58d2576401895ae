// Stories' part of "download my data" and of account deletion: what an editor did (wrote,
// published, recorded consent, cleared a flag). Deletion keeps the stories (they belong to their
// tellers) and removes the link to the account. Tellers have no account: their withdrawal code is
// their control. Kind 'fortellinger' on /personvern.
import type { Tx } from '../../platform/db/index.ts';
import { msg } from '../../platform/i18n/index.ts';
import type { DataSubject, DeletionNotice, PersonalDataSource } from '../../accounts/index.ts';

async function collect(db: Tx, subject: DataSubject): Promise<Record<string, unknown>> {
  const [written, published, consents, cleared] = await Promise.all([
    db.selectFrom('experience_story').select(['id', 'pseudonym', 'status', 'created_at']).where('author_id', '=', subject.id).orderBy('created_at').execute(),
    db.selectFrom('experience_story').select(['id', 'pseudonym', 'published_at']).where('published_by', '=', subject.id).orderBy('published_at').execute(),
    db.selectFrom('experience_story_consent').select(['story_id', 'purpose', 'given_on', 'text_version']).where('recorded_by', '=', subject.id).execute(),
    db.selectFrom('experience_story_cleared').select(['story_id', 'token']).where('cleared_by', '=', subject.id).execute(),
  ]);
  return { experienceStoriesWritten: written, experienceStoriesPublished: published, experienceConsentsRecorded: consents, experienceIdentifiersCleared: cleared };
}

async function notice(db: Tx, subject: DataSubject): Promise<DeletionNotice | null> {
  const row = await db.selectFrom('experience_story').select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('author_id', '=', subject.id), eb('published_by', '=', subject.id)])).executeTakeFirstOrThrow();
  const n = Number(row.n);
  const d = msg.experienceStories.editor.deletion;
  return n === 0 ? null : { id: 'fortellinger-som-berores', heading: d.heading, items: [d.items(n)] };
}

async function erase(db: Tx, subject: DataSubject): Promise<void> {
  await db.updateTable('experience_story').set({ author_id: null }).where('author_id', '=', subject.id).execute();
  await db.updateTable('experience_story').set({ published_by: null }).where('published_by', '=', subject.id).execute();
  await db.updateTable('experience_story_consent').set({ recorded_by: null }).where('recorded_by', '=', subject.id).execute();
  await db.updateTable('experience_story_cleared').set({ cleared_by: null }).where('cleared_by', '=', subject.id).execute();
}

export const storiesPersonalData: PersonalDataSource = { collect, notice, erase };
