import { SERVICE_LEVELS, termLabel } from '../../directory/index.ts';
import { msg } from '../../platform/i18n/index.ts';

/** Where the offer will be run: each setting has its own handbook section in part 4. */
export interface Setting {
  code: string;
  name: string;
  /** the part-4 section whose checklist applies */
  sectionSlug: string;
}

export const SETTINGS: Setting[] = [
  { code: 'kommune', get name() { return msg.handbook.settingNames.kommune; }, sectionSlug: 'kommune' },
  { code: 'spesialist', get name() { return msg.handbook.settingNames.spesialist; }, sectionSlug: 'spesialisthelsetjenesten' },
  { code: 'kriminalomsorg', get name() { return msg.handbook.settingNames.kriminalomsorg; }, sectionSlug: 'kriminalomsorg' },
  { code: 'ideell', get name() { return msg.handbook.settingNames.ideell; }, sectionSlug: 'ideell-og-frivillig-sektor' },
  { code: 'lavterskel', get name() { return msg.handbook.settingNames.lavterskel; }, sectionSlug: 'lavterskel-og-brukerstyrte-steder' },
];
export const SETTING_BY_CODE = new Map(SETTINGS.map((setting) => [setting.code, setting]));

export { SERVICE_LEVELS };

/** The finder's names for the service levels (tjenestenivå), so both speak alike. */
export function serviceLevelName(level: string): string {
  return termLabel(`niva:${level}`);
}
