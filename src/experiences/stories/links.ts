// Where stories are quoted outside /erfaringer (issue #14): handbook sections by theme (and, for the
// chapter on settings, by setting or level), evidence entries by outcome, and an offer's page by
// its setting and level. Only stories whose consent covers the purpose show: the handbook quotes
// those with consent to the handbook, the other pages those with consent to the website. Every read
// goes through excerptsFor, so a withdrawn story is gone from all of them at once.
import type { ReactElement } from 'react';
import type { EvidenceOutcome, StoryTheme, Tx } from '../../platform/db/index.ts';
import { msg } from '../../platform/i18n/index.ts';
import { SETTINGS } from './model.ts';
import { excerptsFor, type ExcerptFilter } from './queries.ts';
import { LinkedExcerpts } from './views/linked-excerpts.tsx';

const QUOTES = 2;
const m = msg.experienceStories.linked;

/** Handbook sections (by slug) and the stories' themes, settings or levels that speak to them. */
export const HANDBOOK_SECTIONS: Record<string, ExcerptFilter & { themes: readonly StoryTheme[] }> = {
  'hva-er-musikkterapi': { themes: ['mestring', 'folelser', 'fellesskap'] },
  kunnskapsgrunnlag: { themes: ['motivasjon', 'folelser'] },
  'malgruppe-og-tjenesteniva': { themes: ['veien-inn'] },
  'brukermedvirkning-og-erfaringskonsulenter': { themes: ['brukerstyring'] },
  samarbeid: { themes: ['veien-inn'] },
  evaluering: { themes: ['vanskelig', 'brukerstyring'] },
  kommune: { themes: ['tilhorighet', 'fellesskap', 'mestring'], settings: ['kommune'] },
  spesialisthelsetjenesten: { themes: ['motivasjon', 'folelser', 'mestring'], settings: ['spesialist', 'spesialist:tsb', 'spesialist:phv', 'spesialist:dps'] },
  kriminalomsorg: { themes: ['mestring', 'motivasjon', 'fellesskap'], settings: ['kriminalomsorg'] },
  'ideell-og-frivillig-sektor': { themes: ['fellesskap', 'tilhorighet'], settings: ['ideell'] },
  'lavterskel-og-brukerstyrte-steder': { themes: ['brukerstyring', 'tilhorighet', 'veien-inn'], levels: ['lavterskel'] },
};

/** The evidence library's outcomes and the themes of stories about the same. */
export const OUTCOME_THEMES: Record<EvidenceOutcome, readonly StoryTheme[]> = {
  engagement_motivation: ['motivasjon', 'veien-inn'],
  craving: ['mestring'],
  emotional_insight: ['folelser'],
  anxiety: ['folelser', 'mestring'],
  depression: ['folelser', 'mestring'],
  social_functioning: ['fellesskap', 'tilhorighet'],
  other: [],
};

/** "Erfaringer fra brukere" for a handbook section: excerpts the tellers let the handbook quote; null when none. */
export async function handbookExperiences(db: Tx, slug: string): Promise<ReactElement | null> {
  const filter = HANDBOOK_SECTIONS[slug];
  if (!filter) return null;
  const excerpts = await excerptsFor(db, 'handbok', filter, QUOTES);
  return excerpts.length > 0 ? LinkedExcerpts({ excerpts, intro: m.handbookIntro }) : null;
}

/** Excerpts on the themes of an evidence entry's outcomes (website consent); null when none. */
export async function evidenceExperiences(db: Tx, outcomes: readonly string[]): Promise<ReactElement | null> {
  const themes = [...new Set(outcomes.flatMap((o) => OUTCOME_THEMES[o as EvidenceOutcome] ?? []))];
  if (themes.length === 0) return null;
  const excerpts = await excerptsFor(db, 'nettside', { themes }, QUOTES);
  return excerpts.length > 0 ? LinkedExcerpts({ excerpts, intro: m.evidenceIntro }) : null;
}

/**
 * Settings a story may have to speak for an offer with these taxonomy keys ('arena:spesialist:tsb'):
 * the offer's own, the parent of each ('spesialist'), and the children of a parent the offer names.
 */
export function matchingSettings(terms: readonly string[]): string[] {
  const own = terms.filter((t) => t.startsWith('arena:')).map((t) => t.slice('arena:'.length));
  return SETTINGS.map((s) => s.code).filter((code) => own.some((o) => o === code || o.startsWith(`${code}:`) || code.startsWith(`${o}:`)));
}

/** Excerpts from stories of the same setting and service level as an offer (website consent); null when none. */
export async function serviceExperiences(db: Tx, terms: readonly string[]): Promise<ReactElement | null> {
  const levels = terms.filter((t) => t.startsWith('niva:')).map((t) => t.slice('niva:'.length));
  const settings = matchingSettings(terms);
  if (levels.length === 0 || settings.length === 0) return null;
  const excerpts = await excerptsFor(db, 'nettside', { settings, levels }, QUOTES);
  return excerpts.length > 0 ? LinkedExcerpts({ excerpts, heading: m.serviceHeading, intro: m.serviceIntro, level: 3 }) : null;
}
