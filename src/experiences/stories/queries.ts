// All SQL of stories. The public reads go through one condition (`visibleToPublic`): published, not
// withdrawn, and with the teller's consent to the website. Audit entries never hold a story's text.
import { sql, type ExpressionBuilder } from 'kysely';
import type { ConsentPurpose, Database, StoryReviewDecision, StoryStatus, StoryTheme, Tx } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { randomBytes } from 'node:crypto';
import { sha256 } from '../../platform/crypto.ts';
import { recordChanges, type AuditChange } from '../../accounts/index.ts';
import { CURRENT_CONSENT_VERSION, ERASE_AFTER_DAYS } from './model.ts';

export type StoryFields = {
  pseudonym: string; ageBand: Database['experience_story']['age_band']; healthRegionCode: string; setting: string;
  serviceLevel: Database['experience_story']['service_level']; interviewYear: number; body: string;
  excerpts: { theme: StoryTheme; body: string }[];
  consents: { purpose: ConsentPurpose; givenOn: string }[];
};

export type StoryRow = Awaited<ReturnType<typeof findStory>> & {};

const RESOURCE = 'experience_story';
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A new withdrawal code: 16 characters (80 bits) in groups of four, easy to read aloud and type. */
export function newWithdrawalCode(): string {
  const chars = [...randomBytes(16)].map((b) => CODE_ALPHABET[b % 32]!).join('');
  return chars.match(/.{4}/g)!.join('-');
}
/** The stored fingerprint of a code as the teller may type it (any case, with or without dashes). */
export const codeHash = (code: string) => sha256(code.toUpperCase().replace(/[^A-Z0-9]/g, ''));

const change = (id: string, actionType: string, fieldName: string, previousValue: string, replacementValue: string): AuditChange =>
  ({ resourceId: id, resourceType: RESOURCE, actionType, fieldName, previousValue, replacementValue });
/** Text is audited as its length only, so the log never keeps what a teller told. */
const length = (text: string) => `${text.length} tegn`;

export async function insertStory(db: Tx, fields: StoryFields, actor: string, options: { isDemo?: boolean } = {}): Promise<{ id: string; code: string }> {
  const id = newId();
  const code = newWithdrawalCode();
  await db.insertInto('experience_story').values({
    id, pseudonym: fields.pseudonym, age_band: fields.ageBand, health_region_code: fields.healthRegionCode, setting: fields.setting,
    service_level: fields.serviceLevel, interview_year: fields.interviewYear, body: fields.body, author_id: actor === 'system' ? null : actor,
    withdrawal_code_hash: codeHash(code), is_demo: options.isDemo ?? false, created_at: new Date(), updated_at: new Date(),
  }).execute();
  await writeParts(db, id, fields, actor);
  await recordChanges(db, actor, [
    change(id, 'create', 'pseudonym', '', '(psevdonym)'), change(id, 'create', 'age_band', '', fields.ageBand),
    change(id, 'create', 'health_region_code', '', fields.healthRegionCode), change(id, 'create', 'setting', '', fields.setting),
    change(id, 'create', 'service_level', '', fields.serviceLevel), change(id, 'create', 'interview_year', '', String(fields.interviewYear)),
    change(id, 'create', 'body', '', length(fields.body)), change(id, 'create', 'excerpts', '', String(fields.excerpts.length)),
    ...fields.consents.map((c) => change(id, 'create', `consent:${c.purpose}`, '', `${c.givenOn} ${CURRENT_CONSENT_VERSION}`)),
  ]);
  return { id, code };
}

async function writeParts(db: Tx, id: string, fields: StoryFields, actor: string, keepVersions = new Map<string, string>()) {
  await db.deleteFrom('experience_story_excerpt').where('story_id', '=', id).execute();
  if (fields.excerpts.length > 0) {
    await db.insertInto('experience_story_excerpt').values(fields.excerpts.map((e, position) => ({ story_id: id, position, theme: e.theme, body: e.body }))).execute();
  }
  await db.deleteFrom('experience_story_consent').where('story_id', '=', id).execute();
  if (fields.consents.length > 0) {
    await db.insertInto('experience_story_consent').values(fields.consents.map((c) => ({
      story_id: id, purpose: c.purpose, given_on: c.givenOn,
      // a consent recorded before keeps the version of the text the teller saw then
      text_version: keepVersions.get(`${c.purpose} ${c.givenOn}`) ?? CURRENT_CONSENT_VERSION,
      recorded_by: actor === 'system' ? null : actor,
    }))).execute();
  }
}

/** Saves an edit; a changed text or excerpt sends a story past 'utkast' back to 'utkast'. Returns whether it did. */
export async function updateStory(db: Tx, story: StoryRow, fields: StoryFields, actor: string): Promise<boolean> {
  const excerpts = (list: { theme: string; body: string }[]) => JSON.stringify(list.map((e) => [e.theme, e.body]));
  const textChanged = story.body !== fields.body || story.pseudonym !== fields.pseudonym || excerpts(story.excerpts) !== excerpts(fields.excerpts);
  const reset = textChanged && story.status !== 'utkast';
  await db.updateTable('experience_story').set({
    pseudonym: fields.pseudonym, age_band: fields.ageBand, health_region_code: fields.healthRegionCode, setting: fields.setting,
    service_level: fields.serviceLevel, interview_year: fields.interviewYear, body: fields.body, updated_at: new Date(),
    ...(reset ? { status: 'utkast' as const, published_at: null, published_by: null } : {}),
  }).where('id', '=', story.id).execute();
  await writeParts(db, story.id, fields, actor, new Map(story.consents.map((c) => [`${c.purpose} ${c.given_on}`, c.text_version])));
  const id = story.id;
  const consentText = (list: { purpose: string; given_on?: string; givenOn?: string }[], purpose: string) => {
    const c = list.find((x) => x.purpose === purpose);
    return c ? (c.given_on ?? c.givenOn ?? '') : '';
  };
  const changes: AuditChange[] = [
    ...(story.pseudonym !== fields.pseudonym ? [change(id, 'update', 'pseudonym', '(psevdonym)', '(psevdonym)')] : []),
    ...(story.age_band !== fields.ageBand ? [change(id, 'update', 'age_band', story.age_band, fields.ageBand)] : []),
    ...(story.health_region_code !== fields.healthRegionCode ? [change(id, 'update', 'health_region_code', story.health_region_code, fields.healthRegionCode)] : []),
    ...(story.setting !== fields.setting ? [change(id, 'update', 'setting', story.setting, fields.setting)] : []),
    ...(story.service_level !== fields.serviceLevel ? [change(id, 'update', 'service_level', story.service_level, fields.serviceLevel)] : []),
    ...(story.interview_year !== fields.interviewYear ? [change(id, 'update', 'interview_year', String(story.interview_year), String(fields.interviewYear))] : []),
    ...(story.body !== fields.body ? [change(id, 'update', 'body', length(story.body), length(fields.body))] : []),
    ...(excerpts(story.excerpts) !== excerpts(fields.excerpts) ? [change(id, 'update', 'excerpts', String(story.excerpts.length), String(fields.excerpts.length))] : []),
    ...(['nettside', 'rapporter', 'handbok'] as const).flatMap((p) => {
      const before = consentText(story.consents, p);
      const after = consentText(fields.consents, p);
      return before === after ? [] : [change(id, 'update', `consent:${p}`, before, after)];
    }),
    ...(reset ? [change(id, 'update', 'status', story.status, 'utkast')] : []),
  ];
  await recordChanges(db, actor, changes);
  return reset;
}

/** One story with its excerpts, consents and cleared flags, or undefined (also when withdrawn). */
export async function findStory(db: Tx, id: string) {
  const story = await db.selectFrom('experience_story').selectAll().where('id', '=', id).where('withdrawn_at', 'is', null).executeTakeFirst();
  if (!story) return undefined;
  const [excerpts, consents, cleared] = await Promise.all([
    db.selectFrom('experience_story_excerpt').select(['theme', 'body']).where('story_id', '=', id).orderBy('position').execute(),
    db.selectFrom('experience_story_consent').select(['purpose', 'given_on', 'text_version']).where('story_id', '=', id).orderBy('purpose').execute(),
    db.selectFrom('experience_story_cleared').select('token').where('story_id', '=', id).execute(),
  ]);
  return { ...story, excerpts, consents, cleared: cleared.map((c) => c.token) };
}

/** Every story not withdrawn, for the network's editors. */
export function listStoriesForEditors(db: Tx) {
  return db.selectFrom('experience_story').select(['id', 'pseudonym', 'status', 'health_region_code', 'interview_year', 'is_demo', 'author_id'])
    .where('withdrawn_at', 'is', null).orderBy('updated_at', 'desc').execute();
}

/** What may be shown for a purpose: published, not withdrawn, and the teller consented to that purpose. */
export const visibleFor = (purpose: ConsentPurpose) => (eb: ExpressionBuilder<Database, 'experience_story'>) => eb.and([
  eb('experience_story.status', '=', 'publisert'),
  eb('experience_story.withdrawn_at', 'is', null),
  eb.exists(eb.selectFrom('experience_story_consent as c').select('c.story_id')
    .whereRef('c.story_id', '=', 'experience_story.id').where('c.purpose', '=', purpose)),
]);
/** What the public may see on the website's pages. */
export const visibleToPublic = visibleFor('nettside');

export function publicStories(db: Tx) {
  return db.selectFrom('experience_story').select(['id', 'pseudonym', 'age_band', 'health_region_code', 'setting', 'service_level', 'interview_year', 'is_demo', 'published_at'])
    .where(visibleToPublic).orderBy('published_at', 'desc').execute();
}

export async function publicStory(db: Tx, id: string) {
  const story = await db.selectFrom('experience_story').selectAll().where('id', '=', id).where(visibleToPublic).executeTakeFirst();
  if (!story) return undefined;
  const excerpts = await db.selectFrom('experience_story_excerpt').select(['theme', 'body']).where('story_id', '=', id).orderBy('position').execute();
  return { ...story, excerpts };
}

/** Published excerpts, of one theme or all, with their story's pseudonym. */
export function publicExcerpts(db: Tx, theme?: StoryTheme) {
  let query = db.selectFrom('experience_story_excerpt as e').innerJoin('experience_story', 'experience_story.id', 'e.story_id')
    .select(['e.story_id', 'e.theme', 'e.body', 'e.position', 'experience_story.pseudonym', 'experience_story.is_demo'])
    .where(visibleToPublic);
  if (theme) query = query.where('e.theme', '=', theme);
  return query.orderBy('experience_story.published_at', 'desc').orderBy('e.position').execute();
}

export type ExcerptFilter = { themes?: readonly StoryTheme[]; settings?: readonly string[]; levels?: readonly string[] };
/**
 * Excerpts another page may quote for a purpose ('nettside' for pages, 'handbok' for the handbook),
 * newest first, at most one per story; `linkable` says whether the whole story may be linked to (its
 * page needs the website consent).
 */
export async function excerptsFor(db: Tx, purpose: ConsentPurpose, filter: ExcerptFilter, limit: number) {
  if (filter.themes?.length === 0 || filter.settings?.length === 0 || filter.levels?.length === 0) return [];
  let query = db.selectFrom('experience_story_excerpt as e').innerJoin('experience_story', 'experience_story.id', 'e.story_id')
    .select((eb) => ['e.story_id', 'e.theme', 'e.body', 'experience_story.pseudonym', 'experience_story.is_demo', eb.exists(
      eb.selectFrom('experience_story_consent as w').select('w.story_id').whereRef('w.story_id', '=', 'experience_story.id').where('w.purpose', '=', 'nettside'),
    ).as('linkable')])
    .where(visibleFor(purpose));
  if (filter.themes) query = query.where('e.theme', 'in', filter.themes);
  if (filter.settings) query = query.where('experience_story.setting', 'in', filter.settings);
  if (filter.levels) query = query.where('experience_story.service_level', 'in', filter.levels as StoryFields['serviceLevel'][]);
  const rows = await query.orderBy('experience_story.published_at', 'desc').orderBy('e.position').limit(limit * 5).execute();
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.story_id) && !!seen.add(row.story_id)).slice(0, limit).map((row) => ({ ...row, linkable: !!row.linkable }));
}
export type LinkedExcerpt = Awaited<ReturnType<typeof excerptsFor>>[number];

/** Moves a story to another status, audited; publishing records who and when. */
export async function setStatus(db: Tx, story: { id: string; status: StoryStatus }, to: StoryStatus, actor: string, now: Date): Promise<void> {
  await db.updateTable('experience_story').set({
    status: to, updated_at: now,
    ...(to === 'publisert' ? { published_by: actor, published_at: now } : story.status === 'publisert' ? { published_by: null, published_at: null } : {}),
  }).where('id', '=', story.id).execute();
  await recordChanges(db, actor, [change(story.id, 'update', 'status', story.status, to)]);
}

export async function clearFlag(db: Tx, storyId: string, token: string, actor: string): Promise<void> {
  await db.insertInto('experience_story_cleared').values({ story_id: storyId, token, cleared_by: actor }).onConflict((oc) => oc.doNothing()).execute();
  await recordChanges(db, actor, [change(storyId, 'update', 'cleared_identifier', '', `${token.length} tegn`)]);
}

/** A new withdrawal code for a story (the old one stops working). */
export async function renewCode(db: Tx, storyId: string, actor: string): Promise<string> {
  const code = newWithdrawalCode();
  await db.updateTable('experience_story').set({ withdrawal_code_hash: codeHash(code) }).where('id', '=', storyId).execute();
  await recordChanges(db, actor, [change(storyId, 'update', 'withdrawal_code', '', 'ny')]);
  return code;
}

/** Withdraws the story with this code at once; false when no story has it. Audited without its text. */
export async function withdraw(db: Tx, code: string, now: Date): Promise<boolean> {
  const row = await db.updateTable('experience_story').set({ withdrawn_at: now })
    .where('withdrawal_code_hash', '=', codeHash(code)).where('withdrawn_at', 'is', null).returning('id').executeTakeFirst();
  if (!row) return false;
  await db.deleteFrom('experience_story_consent').where('story_id', '=', row.id).execute();
  await recordChanges(db, 'system', [change(row.id, 'withdraw', 'withdrawn_at', '', now.toISOString())]);
  return true;
}

/** Deletes withdrawn stories (text, excerpts, everything) once the grace period has passed. */
export async function eraseWithdrawn(db: Tx, now: Date): Promise<number> {
  const before = new Date(now.getTime() - ERASE_AFTER_DAYS * 24 * 3600_000);
  const rows = await db.deleteFrom('experience_story').where('withdrawn_at', 'is not', null).where('withdrawn_at', '<=', before).returning('id').execute();
  await recordChanges(db, 'system', rows.map((r) => change(r.id, 'erase', 'body', '', '')));
  return rows.length;
}

/** Municipality names with fewer than 5,000 inhabitants (latest count): places small enough to point to a person. */
export async function smallPlaces(db: Tx): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    select m.name from municipality m join lateral (
      select p.persons from population p where p.municipality_number = m.number order by p.date desc limit 1) p on true
    where p.persons < 5000`.execute(db);
  return rows.rows.map((r) => r.name);
}

export type FigureCell = { key: string; n: number | null };
/** Interviews (stories not withdrawn) counted by one dimension; a count under 5 leaves the database as null. */
export async function interviewFigures(db: Tx): Promise<{ total: number | null } & Record<'region' | 'setting' | 'level' | 'year', FigureCell[]>> {
  const by = async (column: 'health_region_code' | 'setting' | 'service_level' | 'interview_year') => {
    const rows = await sql<{ key: string; n: string | number | null }>`
      select ${sql.ref(column)}::text as key, case when count(*) >= 5 then count(*) end as n
      from experience_story where withdrawn_at is null group by ${sql.ref(column)} order by 1`.execute(db);
    return rows.rows.map((r) => ({ key: r.key, n: r.n === null ? null : Number(r.n) }));
  };
  const total = await sql<{ n: string | number | null }>`select case when count(*) >= 5 then count(*) end as n from experience_story where withdrawn_at is null`.execute(db);
  const n = total.rows[0]!.n;
  return { total: n === null ? null : Number(n), region: await by('health_region_code'), setting: await by('setting'), level: await by('service_level'), year: await by('interview_year') };
}

/** The story not withdrawn with this receipt code, with its excerpts and consents, or undefined. */
export async function findStoryByCode(db: Tx, code: string) {
  const row = await db.selectFrom('experience_story').select('id').where('withdrawal_code_hash', '=', codeHash(code)).where('withdrawn_at', 'is', null).executeTakeFirst();
  return row ? findStory(db, row.id) : undefined;
}

/** The teller's responses to a story's drafts, newest first. */
export function storyReviews(db: Tx, storyId: string) {
  return db.selectFrom('experience_story_review').select(['decision', 'comment', 'created_at'])
    .where('story_id', '=', storyId).orderBy('created_at', 'desc').orderBy('id').execute();
}
export type StoryReview = Awaited<ReturnType<typeof storyReviews>>[number];

/**
 * The teller's response to the draft, without anything about who sent it: approved moves the story to
 * 'godkjent', changes asked for move it back to 'utkast' for the interviewer. Only from
 * 'til_gjennomlesing' (false otherwise: one conditional update, so two answers cannot both count).
 * Audited as the system, the comment as its length only.
 */
export async function recordReview(db: Tx, storyId: string, decision: StoryReviewDecision, comment: string | null, now: Date): Promise<boolean> {
  const to: StoryStatus = decision === 'godkjent' ? 'godkjent' : 'utkast';
  const moved = await db.updateTable('experience_story').set({ status: to, updated_at: now })
    .where('id', '=', storyId).where('status', '=', 'til_gjennomlesing').where('withdrawn_at', 'is', null).returning('id').executeTakeFirst();
  if (!moved) return false;
  await db.insertInto('experience_story_review').values({ id: newId(), story_id: storyId, decision, comment, created_at: now }).execute();
  await recordChanges(db, 'system', [
    change(storyId, 'teller_review', 'status', 'til_gjennomlesing', to),
    ...(comment ? [change(storyId, 'teller_review', 'comment', '', length(comment))] : []),
  ]);
  return true;
}
