import { FACETS, SERVICE_LEVELS } from '../../directory/index.ts';
import { nb } from '../../platform/i18n/nb.ts';

/** Where the offer will be run: each setting has its own handbook section in part 4. */
export interface Setting {
  code: string;
  name: string;
  /** the part-4 section whose checklist applies */
  sectionSlug: string;
}

export const SETTINGS: Setting[] = [
  { code: 'kommune', name: nb.handbook.settingNames.kommune, sectionSlug: 'kommune' },
  { code: 'spesialist', name: nb.handbook.settingNames.spesialist, sectionSlug: 'spesialisthelsetjenesten' },
  { code: 'kriminalomsorg', name: nb.handbook.settingNames.kriminalomsorg, sectionSlug: 'kriminalomsorg' },
  { code: 'ideell', name: nb.handbook.settingNames.ideell, sectionSlug: 'ideell-og-frivillig-sektor' },
  { code: 'lavterskel', name: nb.handbook.settingNames.lavterskel, sectionSlug: 'lavterskel-og-brukerstyrte-steder' },
];
export const SETTING_BY_CODE = new Map(SETTINGS.map((setting) => [setting.code, setting]));

export { SERVICE_LEVELS };

/** The finder's names for the service levels (tjenestenivå), so both speak alike. */
export function serviceLevelName(level: string): string {
  return FACETS.find((facet) => facet.id === 'niva')?.terms.find((term) => term.code === level)?.name ?? level;
}
