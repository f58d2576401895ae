// The vocabulary of stories: themes, age bands, purposes of consent, the consent text's versions,
// settings and levels from the directory's taxonomy, and the status flow.
import type { ConsentPurpose, StoryAgeBand, StoryStatus, StoryTheme } from '../../platform/db/index.ts';
import { msg, nb } from '../../platform/i18n/index.ts';
import { SERVICE_LEVELS, TERMS, termLabel } from '../../directory/index.ts';
import { HEALTH_REGIONS } from '../../reference/index.ts';

// Coding frame after CHIME-D (Trzebinski & Tuastad 2022), in the network's words.
export const THEMES = ['mestring', 'tilhorighet', 'brukerstyring', 'motivasjon', 'folelser', 'fellesskap', 'veien-inn', 'vanskelig'] as const satisfies readonly StoryTheme[];
export const AGE_BANDS = ['under-25', '25-39', '40-59', '60-og-over'] as const satisfies readonly StoryAgeBand[];
export const PURPOSES = ['nettside', 'rapporter', 'handbok'] as const satisfies readonly ConsentPurpose[];
export const STATUSES = ['utkast', 'til_gjennomlesing', 'godkjent', 'publisert'] as const satisfies readonly StoryStatus[];
export { SERVICE_LEVELS, HEALTH_REGIONS };

/** The consent text shown to tellers now; every version stays in the catalogue. */
export type ConsentVersion = keyof typeof nb.experienceStories.consentTexts;
export const CURRENT_CONSENT_VERSION: ConsentVersion = 'samtykke-2026-11';

/** Settings (tjenestested): the codes of the taxonomy's arena facet. */
export const SETTINGS = TERMS.filter((term) => term.facet.id === 'arena').map((term) => ({ code: term.code, get name() { return termLabel(term.key); } }));
export const settingName = (code: string) => SETTINGS.find((s) => s.code === code)?.name ?? code;
export const regionName = (code: string) => HEALTH_REGIONS.find((r) => r.code === code)?.name ?? code;
export const levelName = (code: string) => termLabel(`niva:${code}`);

/** Days between a withdrawal and the erasure of the story's text. */
export const ERASE_AFTER_DAYS = 7;
export const EXCERPT_SLOTS = 6;

/** The status steps an editor may take from each status; 'publisert' only by a second editor. */
export const TRANSITIONS: Record<StoryStatus, readonly StoryStatus[]> = {
  utkast: ['til_gjennomlesing'],
  til_gjennomlesing: ['godkjent', 'utkast'],
  godkjent: ['publisert', 'utkast'],
  publisert: ['godkjent'],
};
