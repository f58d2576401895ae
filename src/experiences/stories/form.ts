// The story form: its fields, the request schema, and turning what was sent into StoryFields.
import { Type } from '@sinclair/typebox';
import { FormBody, type Errors } from '../../platform/forms/index.ts';
import { msg } from '../../platform/i18n/index.ts';
import type { ConsentPurpose, StoryTheme } from '../../platform/db/index.ts';
import { AGE_BANDS, EXCERPT_SLOTS, HEALTH_REGIONS, PURPOSES, SERVICE_LEVELS, SETTINGS, THEMES } from './model.ts';
import type { StoryFields, StoryRow } from './queries.ts';

const e = msg.experienceStories.editor.errors;
const oneOf = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const STORY_FIELDS = [
  'pseudonym', 'alder', 'region', 'tjenestested', 'niva', 'aar', 'tekst',
  ...Array.from({ length: EXCERPT_SLOTS }, (_, i) => [`utdrag-${i + 1}`, `tema-${i + 1}`]).flat(),
  ...PURPOSES.flatMap((p) => [`samtykke-${p}`, `dato-${p}`]),
] as const;
export type StoryValues = Record<string, string>;

export const StoryBody = FormBody({
  pseudonym: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }),
  alder: oneOf(AGE_BANDS),
  region: oneOf(HEALTH_REGIONS.map((r) => r.code)),
  tjenestested: oneOf(SETTINGS.map((s) => s.code)),
  niva: oneOf(SERVICE_LEVELS),
  aar: Type.String({ pattern: '^\\s*(20\\d\\d)\\s*$' }),
  tekst: Type.String({ maxLength: 20000 }),
});
export const STORY_MESSAGES = { pseudonym: e.pseudonym, alder: e.ageBand, region: e.region, tjenestested: e.setting, niva: e.level, aar: e.year, tekst: e.body };

/** '30.11.2026' or '2026-11-30' as 'YYYY-MM-DD', or null. */
export function parseDay(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = t.includes('-') ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return null;
  return date.toISOString().slice(0, 10);
}

const clean = (text: string) => text.trim().replace(/\r\n/g, '\n');

/** The excerpt and consent parts, which the schema leaves to this check; adds their errors. */
export function storyFields(values: StoryValues, errors: Errors): StoryFields {
  const excerpts: StoryFields['excerpts'] = [];
  for (let i = 1; i <= EXCERPT_SLOTS; i++) {
    const body = clean(values[`utdrag-${i}`] ?? '');
    const theme = values[`tema-${i}`] ?? '';
    if (!body && !theme) continue;
    if (!body || body.length > 1000 || !(THEMES as readonly string[]).includes(theme)) errors[`utdrag-${i}`] = e.excerpt;
    else excerpts.push({ theme: theme as StoryTheme, body });
  }
  const consents: StoryFields['consents'] = [];
  for (const purpose of PURPOSES) {
    if (values[`samtykke-${purpose}`] !== 'ja') continue;
    const day = parseDay(values[`dato-${purpose}`] ?? '');
    if (!day) errors[`dato-${purpose}`] = e.consentDate;
    else consents.push({ purpose: purpose as ConsentPurpose, givenOn: day });
  }
  return {
    pseudonym: clean(values.pseudonym ?? ''), ageBand: values.alder as StoryFields['ageBand'], healthRegionCode: values.region ?? '',
    setting: values.tjenestested ?? '', serviceLevel: values.niva as StoryFields['serviceLevel'], interviewYear: Number((values.aar ?? '').trim()),
    body: clean(values.tekst ?? ''), excerpts, consents,
  };
}

/** The form filled from a stored story. */
export function valuesOf(story: StoryRow): StoryValues {
  const values: StoryValues = {
    pseudonym: story.pseudonym, alder: story.age_band, region: story.health_region_code, tjenestested: story.setting, niva: story.service_level,
    aar: String(story.interview_year), tekst: story.body,
  };
  story.excerpts.forEach((x, i) => { values[`utdrag-${i + 1}`] = x.body; values[`tema-${i + 1}`] = x.theme; });
  for (const c of story.consents) { values[`samtykke-${c.purpose}`] = 'ja'; values[`dato-${c.purpose}`] = c.given_on; }
  return values;
}
